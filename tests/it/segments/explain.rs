//! "Why is this contact (not) in the segment": on random bases and rules, the verdict of every
//! node of the explanation equals the reference evaluator's, and the top one the segment's own
//! membership; on a hand-made base, what decided each group and the values shown beside it.

use adresat::segment::explain::{self, Node, Value};
use adresat::segment::{self, Group, Item, Mode, Rule};

use super::reference::Base;
use super::{conditions, random};
use crate::support::Scratch;

const BASES: u64 = 10;
const RULES_PER_BASE: usize = 40;
const CONTACTS_PER_RULE: usize = 6;

#[test]
fn every_node_agrees_with_the_reference() {
    let mut checked = 0;
    let mut matched = 0;
    for seed in 100..100 + BASES {
        let mut rng = fastrand::Rng::with_seed(seed);
        let mut s = Scratch::new();
        let n = rng.usize(20..40);
        random::base(&mut s, &mut rng, n);
        let base = Base::load(s.store.path());
        let tags = base.tag_names().to_vec();
        let today = random::today();
        for _ in 0..RULES_PER_BASE {
            let rule = random::rule(&mut rng, &tags, 2);
            let members = segment::rule_ids(&s.store, &rule, None, today).unwrap();
            for _ in 0..CONTACTS_PER_RULE {
                let id = base.contacts[rng.usize(..base.contacts.len())].id;
                let e = explain::explain(&s.store, &rule, None, today, id)
                    .unwrap_or_else(|err| panic!("seed {seed}: {err}\n{}", rule.to_json()));
                let why = || format!("seed {seed}, contact {id}, rule:\n{}", rule.to_json());
                assert_eq!(e.matches, members.contains(&id), "{}", why());
                assert_eq!(e.matches, e.root.holds);
                check_group(&base, &rule.root, &e.root, id, today, &why);
                checked += 1;
                matched += usize::from(e.matches);
            }
        }
    }
    assert!(
        matched * 10 > checked && matched < checked,
        "{matched} of {checked} explanations matched: the rules should split the contacts"
    );
}

/// The node of `group` agrees with the reference, and so does each item's, down the tree and
/// into the saved segments conditions name.
fn check_group(
    base: &Base,
    group: &Group,
    node: &Node,
    id: i64,
    today: segment::Today,
    why: &dyn Fn() -> String,
) {
    let whole = Item::Group(group.clone());
    assert_eq!(
        node.holds,
        base.holds(&whole, id, today),
        "group {}: {}",
        node.spot,
        why()
    );
    assert_eq!(node.mode, Some(group.mode));
    assert_eq!(node.items.len(), group.items.len());
    for (item, child) in group.items.iter().zip(&node.items) {
        assert_eq!(
            child.holds,
            base.holds(item, id, today),
            "{} {}: {}",
            child.kind,
            child.spot,
            why()
        );
        assert_eq!(child.kind, item.kind());
        match item {
            Item::Group(g) => check_group(base, g, child, id, today, why),
            Item::Segment { segment: name, .. } => {
                let (shown, inner) = child.segment.as_ref().expect("the segment's own rule");
                assert_eq!(shown, name);
                check_group(base, &base.segment(name).root, inner, id, today, why);
            }
            _ => {}
        }
    }
    // What decided it: the first failed item of "all", the first held of "any" and "none".
    let first = |held: bool| node.items.iter().position(|n| n.holds == held);
    let decided = match group.mode {
        Mode::All => first(false),
        Mode::Any | Mode::None => first(true),
    };
    assert_eq!(node.decided_by, decided, "group {}: {}", node.spot, why());
    for (i, child) in node.items.iter().enumerate() {
        assert_eq!(child.decisive, Some(i) == decided);
    }
}

fn rule(json: &str) -> Rule {
    Rule::from_json(json).expect("a rule")
}

fn fact<'a>(node: &'a Node, key: &str) -> &'a Value {
    &node
        .facts
        .iter()
        .find(|f| f.key() == key)
        .unwrap_or_else(|| panic!("no fact {key} in {:?}", node.facts))
        .value
}

#[test]
fn groups_say_what_decided_them_and_conditions_show_values() {
    let s = conditions::base();
    let today = conditions::today();
    let maria = s.by_external("A1").0.id;
    let petr = s.by_external("A2").0.id;
    let r = rule(
        r#"{"version":1,"mode":"all","items":[
            {"type":"consent","is":"yes"},
            {"type":"tags","op":"has","tags":["vip"]},
            {"type":"events","kind":"clicked","days":30,"cmp":">=","count":2},
            {"type":"orders","measure":"total","cmp":">=","value":3000},
            {"type":"group","mode":"none","items":[
                {"type":"field","field":"city","op":"equals","value":"Москва"}]}]}"#,
    );
    let m = explain::explain(&s.store, &r, None, today, maria).unwrap();
    assert!(m.matches);
    assert_eq!(m.who, "Иванова Мария");
    assert_eq!(m.root.decided_by, None);
    assert_eq!(m.root.reason().unwrap().id, "explain-all-held");
    let Value::List(tags) = fact(&m.root.items[1], "tags") else {
        panic!("tags are a list")
    };
    assert!(tags.contains(&"vip".to_owned()) && tags.contains(&"интерес:обувь".to_owned()));
    assert_eq!(fact(&m.root.items[2], "events"), &Value::Count(2));
    let orders = &m.root.items[3];
    assert_eq!(fact(orders, "orders"), &Value::Count(2));
    assert_eq!(fact(orders, "total"), &Value::Money(Some(400_000)));
    assert_eq!(
        fact(orders, "last_order"),
        &Value::Day(chrono::NaiveDate::from_ymd_opt(2026, 6, 10))
    );

    let p = explain::explain(&s.store, &r, None, today, petr).unwrap();
    assert!(!p.matches);
    // The first item that failed decides "all"; the later ones are told all the same.
    assert_eq!(p.root.decided_by, Some(0));
    assert!(p.root.items[0].decisive && !p.root.items[1].decisive);
    assert_eq!(p.root.reason().unwrap().id, "explain-all-failed");
    assert_eq!(fact(&p.root.items[2], "events"), &Value::Count(0));
    let inner = p.root.at(&[5]).unwrap();
    assert!(!inner.holds);
    assert_eq!(
        inner.decided_by,
        Some(0),
        "a 'none' group fails on its first held item"
    );
    assert_eq!(inner.reason().unwrap().id, "explain-none-held");
    assert_eq!(
        fact(&inner.items[0], "value"),
        &Value::Text(Some("Москва".into()))
    );
    let json = p.json(adresat::i18n::Lang::En);
    assert_eq!(json["matches"], false);
    assert_eq!(json["rule"]["decided_by"], "1");
    assert_eq!(json["rule"]["items"][0]["values"]["consent"], "no");
    assert_eq!(json["rule"]["items"][3]["values"]["total"], 500.0);
    assert_eq!(json["rule"]["items"][4]["items"][0]["holds"], true);
}

#[test]
fn an_any_group_names_its_first_held_item_or_that_none_held() {
    let s = conditions::base();
    let today = conditions::today();
    let r = rule(
        r#"{"version":1,"mode":"any","items":[
            {"type":"never_ordered"},
            {"type":"flow","flow":"Воронка"},
            {"type":"sleeping","campaigns":2}]}"#,
    );
    let maria = explain::explain(&s.store, &r, None, today, s.by_external("A1").0.id).unwrap();
    assert!(maria.matches);
    assert_eq!(maria.root.decided_by, Some(1));
    assert_eq!(
        fact(&maria.root.items[1], "clicked"),
        &Value::List(vec!["b1".into(), "b2".into()])
    );
    let petr = explain::explain(&s.store, &r, None, today, s.by_external("A2").0.id).unwrap();
    assert_eq!(petr.root.decided_by, Some(2));
    assert_eq!(fact(&petr.root.items[2], "unanswered"), &Value::Count(2));
    assert_eq!(
        fact(&petr.root.items[1], "not_clicked"),
        &Value::List(vec!["b1".into(), "b2".into()])
    );
    let semyon = explain::explain(&s.store, &r, None, today, s.by_external("A4").0.id).unwrap();
    assert!(semyon.matches, "Семён never ordered");
    let r = rule(r#"{"version":1,"mode":"any","items":[{"type":"flow","flow":"Воронка"}]}"#);
    let semyon = explain::explain(&s.store, &r, None, today, s.by_external("A4").0.id).unwrap();
    assert!(!semyon.matches);
    assert_eq!(semyon.root.decided_by, None);
    assert_eq!(semyon.root.reason().unwrap().id, "explain-nothing-held");
}
