//! A segment rule's JSON, compiled against a small real base: no panic; a rule that compiles
//! evaluates, and "why?" tells every contact the verdict the evaluation gave.

#![no_main]

use adresat::model::rule::Rule;
use adresat::segment::{self, Today, explain::explain};
use adresat_fuzz::{now, shared};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(rule) = Rule::from_json(text) else {
        return;
    };
    let _ = Rule::from_json(&rule.to_json()).expect("a rule's own JSON reads back");
    let scratch = shared();
    let store = &scratch.store;
    let today = Today::at(now(), chrono_tz::Europe::Moscow);
    let Ok(compiled) = segment::prepare(store, &rule, None, today) else {
        return;
    };
    segment::evaluate(store, &compiled, true).expect("a compiled rule evaluates");
    let members = segment::contact_ids(store, &compiled).expect("a compiled rule lists");
    for id in 1..=3 {
        let told = explain(store, &rule, None, today, id).expect("a compiled rule explains");
        assert_eq!(
            told.matches,
            members.contains(&id),
            "why? agrees for contact {id}"
        );
    }
});
