//! A campaign's JSON: no panic; one that reads is checked against a small real base, and its own
//! JSON reads back as the same campaign.

#![no_main]

use adresat::model::campaign::Campaign;
use adresat_fuzz::shared;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(read) = Campaign::from_json(text) else {
        return;
    };
    let again = Campaign::from_json(&read.to_json()).expect("its own JSON reads");
    assert_eq!(again, read, "its own JSON reads back the same");
    let _ = adresat::campaign::validate(&shared().store, &read);
});
