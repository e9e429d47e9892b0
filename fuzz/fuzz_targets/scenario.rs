//! A scenario's JSON: no panic; one that reads is checked against a small real base, and its own
//! JSON reads back as the same scenario.

#![no_main]

use adresat::model::scenario::Scenario;
use adresat_fuzz::shared;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(read) = Scenario::from_json(text) else {
        return;
    };
    let again = Scenario::from_json(&read.to_json()).expect("its own JSON reads");
    assert_eq!(again, read, "its own JSON reads back the same");
    let _ = adresat::scenario::validate(&shared().store, &read);
});
