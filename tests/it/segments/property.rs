//! The property: on random bases, random rules (every condition type, three levels of groups)
//! select exactly the same contacts through SQL as through the reference evaluator, and the
//! funnel's steps match the reference's prefixes of the top group.

use std::collections::HashSet;

use adresat::segment::{self, ConditionKind, Group, Item};

use super::random;
use super::reference::Base;
use crate::support::Scratch;

const BASES: u64 = 24;
const RULES_PER_BASE: usize = 150;

#[test]
fn sql_and_reference_agree_on_random_rules() {
    let mut seen: HashSet<&'static str> = HashSet::new();
    let mut cases = 0;
    let mut nonempty = 0;
    let mut deepest = 0;
    for seed in 0..BASES {
        let mut rng = fastrand::Rng::with_seed(seed);
        let mut s = Scratch::new();
        let n = rng.usize(20..45);
        random::base(&mut s, &mut rng, n);
        let base = Base::load(s.store.path());
        let tags = base.tag_names().to_vec();
        let today = random::today();
        for _ in 0..RULES_PER_BASE {
            let rule = random::rule(&mut rng, &tags, 2);
            rule.root.visit(&mut |item| {
                seen.insert(item.kind());
            });
            deepest = deepest.max(depth(&rule.root));
            let compiled = segment::prepare(&s.store, &rule, None, today)
                .unwrap_or_else(|e| panic!("seed {seed}: {e}\n{}", rule.to_json()));
            let got = segment::contact_ids(&s.store, &compiled).unwrap();
            let want = base.ids(&rule.root, today);
            assert_eq!(got, want, "seed {seed}, rule:\n{}", rule.to_json());
            let eval = segment::evaluate(&s.store, &compiled, true).unwrap();
            assert_eq!(eval.count as usize, want.len());
            for (i, step) in eval.funnel.iter().enumerate() {
                let prefix = Group {
                    mode: rule.root.mode,
                    items: rule.root.items[..=i].to_vec(),
                };
                assert_eq!(
                    *step as usize,
                    base.ids(&prefix, today).len(),
                    "funnel step {i}, seed {seed}, rule:\n{}",
                    rule.to_json()
                );
            }
            cases += 1;
            nonempty += usize::from(!want.is_empty() && want.len() < base.contacts.len());
        }
    }
    for t in ConditionKind::ALL
        .map(ConditionKind::as_str)
        .into_iter()
        .chain(["group"])
    {
        assert!(
            seen.contains(t),
            "no random rule used the condition type {t}"
        );
    }
    assert!(deepest >= 3, "groups nested only {deepest} levels");
    // Rules that pick everyone or no one prove little: most must split the base.
    assert!(
        nonempty * 3 > cases,
        "only {nonempty} of {cases} rules split the base"
    );
}

/// Levels of groups, the top one included.
fn depth(g: &Group) -> usize {
    1 + g
        .items
        .iter()
        .map(|i| match i {
            Item::Group(inner) => depth(inner),
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}
