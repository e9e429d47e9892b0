//! Rules that name what does not exist, or do not parse, give a message naming the spot.

use adresat::segment::{self, Rule, Today};
use chrono::NaiveDate;

use crate::support::Scratch;

fn today() -> Today {
    Today::of(
        NaiveDate::from_ymd_opt(2026, 6, 15).unwrap(),
        chrono_tz::Europe::Moscow,
    )
}

fn base() -> Scratch {
    let mut s = Scratch::new();
    s.contacts("ID клиента;Город;Теги\nA1;Омск;интерес:обувь\n");
    s
}

/// The error id and its text for a rule given as JSON, or the parse error.
fn error_of(s: &Scratch, json: &str, own_name: Option<&str>) -> (String, String) {
    let e = match Rule::from_json(json) {
        Err(e) => e,
        Ok(rule) => segment::prepare(&s.store, &rule, own_name, today())
            .expect_err("the rule must be refused"),
    };
    (e.id().to_owned(), e.to_string())
}

fn in_group(items: &str) -> String {
    format!(
        r#"{{"version": 1, "mode": "all", "items": [{{"type": "consent", "is": "yes"}}, {{"type": "group", "mode": "any", "items": [{items}]}}]}}"#
    )
}

#[test]
fn unknown_names_are_errors_at_their_spot() {
    let s = base();
    let cases = [
        (
            r#"{"type": "field", "field": "custom:Цвет", "op": "is_empty"}"#,
            "rule-error-unknown-field",
            "Цвет",
        ),
        (
            r#"{"type": "tags", "op": "has", "tags": ["vip"]}"#,
            "rule-error-unknown-tag",
            "vip",
        ),
        (
            r#"{"type": "tags", "op": "has", "tags": ["цена:*"]}"#,
            "rule-error-empty-tag-group",
            "цена:*",
        ),
        (
            r#"{"type": "segment", "op": "in", "segment": "Удалённый"}"#,
            "rule-error-unknown-segment",
            "Удалённый",
        ),
        (
            r#"{"type": "flow", "flow": "Нет такой"}"#,
            "rule-error-unknown-flow",
            "Нет такой",
        ),
        (
            r#"{"type": "field", "field": "time_zone", "op": "equals", "value": "Сибирь"}"#,
            "rule-error-time-zone",
            "Сибирь",
        ),
        (
            r#"{"type": "field", "field": "channel", "op": "equals", "value": "viber"}"#,
            "rule-error-channel",
            "viber",
        ),
        (
            r#"{"type": "field", "field": "city", "op": "one_of", "values": []}"#,
            "rule-error-no-values",
            "2.1",
        ),
        (
            r#"{"type": "orders", "measure": "count", "cmp": ">", "value": 1.5}"#,
            "rule-error-whole-number",
            "1.5",
        ),
        (
            r#"{"type": "sleeping", "campaigns": 0}"#,
            "rule-error-zero-campaigns",
            "2.1",
        ),
    ];
    for (condition, id, named) in cases {
        let (got, text) = error_of(&s, &in_group(condition), None);
        assert_eq!(got, id, "{condition}: {text}");
        assert!(text.contains("2.1"), "the spot is named: {text}");
        assert!(text.contains(named), "{text} names {named}");
    }
}

#[test]
fn malformed_json_names_line_and_column() {
    let s = base();
    let (id, text) = error_of(
        &s,
        "{\"version\": 1,\n \"mode\": \"most\", \"items\": []}",
        None,
    );
    assert_eq!(id, "rule-error-json");
    assert!(text.contains('2'), "{text}");
    let (id, _) = error_of(
        &s,
        r#"{"version": 1, "mode": "all", "items": [{"type": "field", "field": "shoe_size", "op": "is_empty"}]}"#,
        None,
    );
    assert_eq!(id, "rule-error-json");
    let (id, _) = error_of(&s, r#"{"version": 7, "mode": "all", "items": []}"#, None);
    assert_eq!(id, "rule-error-version");
}

#[test]
fn segments_that_refer_to_each_other_in_a_circle_are_refused() {
    let s = base();
    let refers = |to: &str| {
        Rule::from_json(&format!(
            r#"{{"version": 1, "mode": "all", "items": [{{"type": "segment", "op": "in", "segment": "{to}"}}]}}"#
        ))
        .unwrap()
    };
    s.store
        .save_segment("A", &refers("B"), "", chrono::Utc::now())
        .unwrap();
    s.store
        .save_segment("B", &refers("A"), "", chrono::Utc::now())
        .unwrap();
    let (id, text) = error_of(&s, &refers("A").to_json(), None);
    assert_eq!(id, "rule-error-cycle");
    assert!(text.contains("A → B → A"), "{text}");
    // A rule about to be saved as "C" may not refer to "C" itself.
    let (id, _) = error_of(&s, &refers("C").to_json(), Some("C"));
    assert_eq!(id, "rule-error-cycle");
}

#[test]
fn renaming_a_segment_follows_its_references_and_deleting_it_breaks_them_clearly() {
    let mut s = base();
    let everyone = Rule::everyone();
    s.store
        .save_segment("Все", &everyone, "", chrono::Utc::now())
        .unwrap();
    let refers = Rule::from_json(
        r#"{"version": 1, "mode": "all", "items": [{"type": "segment", "op": "in", "segment": "Все"}]}"#,
    )
    .unwrap();
    s.store
        .save_segment("Ссылка", &refers, "", chrono::Utc::now())
        .unwrap();
    s.store
        .rename_segment("Все", "Все клиенты", chrono::Utc::now())
        .unwrap();
    let rule = s.store.segment("Ссылка").unwrap().unwrap();
    assert!(rule.to_json().contains("Все клиенты"));
    let compiled = segment::prepare(&s.store, &rule, Some("Ссылка"), today()).unwrap();
    assert_eq!(
        segment::evaluate(&s.store, &compiled, false).unwrap().count,
        1
    );
    assert!(s.store.delete_segment("Все клиенты").unwrap());
    let (id, text) = error_of(&s, &rule.to_json(), None);
    assert_eq!(id, "rule-error-unknown-segment");
    assert!(text.contains("Все клиенты"), "{text}");
}

#[test]
fn every_example_in_the_rule_docs_reads() {
    let docs = include_str!("../../../docs/segments.md");
    let mut examples = 0;
    let mut types = std::collections::HashSet::new();
    for line in docs
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("{ \"type\""))
    {
        let item = line
            .split("//")
            .next()
            .unwrap()
            .trim()
            .trim_end_matches(',');
        if !item.ends_with('}') {
            continue; // the start of a multi-line example, checked below as a whole
        }
        let json = format!(r#"{{"version": 1, "mode": "all", "items": [{item}]}}"#);
        let rule = Rule::from_json(&json).unwrap_or_else(|e| panic!("{line}: {e}"));
        types.insert(
            format!("{:?}", rule.root.items[0])
                .split([' ', '(', '{'])
                .next()
                .unwrap()
                .to_owned(),
        );
        examples += 1;
    }
    // Every condition type, and the group, has an example.
    assert_eq!(
        types.len(),
        adresat::segment::ConditionKind::ALL.len() + 1,
        "{types:?}"
    );
    assert!(examples >= 20);
    let start = docs.find("## The example from the issue").unwrap();
    let block = &docs[start..];
    let json = &block[block.find("```json").unwrap() + 7..];
    let json = &json[..json.find("```").unwrap()];
    Rule::from_json(json).unwrap();
}
