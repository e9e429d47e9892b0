//! An export profile's JSON: no panic; one that reads is valid, and its own JSON reads back
//! as the same profile.

#![no_main]

use adresat::plan::profile::Profile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(read) = Profile::from_json(text) else {
        return;
    };
    let again = Profile::from_json(&read.to_json()).expect("its own JSON reads");
    assert_eq!(again, read, "its own JSON reads back the same");
});
