//! The operators the builder's drop-downs switch between: a switch keeps what the owner typed
//! (the value, the date, the days) wherever the new operator has room for it; and the condition
//! kinds are named in JSON as the rule files name them.

use adresat::segment::{
    ConditionKind, DateOp, DateTest, Item, Recency, RecencyOp, Rule, TextOp, TextTest,
};
use chrono::NaiveDate;

#[test]
fn switching_a_text_operator_keeps_the_value() {
    let equals = TextTest::Equals {
        value: "Омск".to_owned(),
    };
    assert_eq!(equals.op(), TextOp::Equals);
    assert_eq!(
        equals.with_op(TextOp::OneOf, "Москва"),
        TextTest::OneOf {
            values: vec!["Омск".to_owned()]
        }
    );
    assert_eq!(
        equals.with_op(TextOp::Contains, "Москва"),
        TextTest::Contains {
            value: "Омск".to_owned()
        }
    );
    // From "is empty" the base's first value fills in; an empty "one of" holds no blank value.
    assert_eq!(
        TextTest::IsEmpty.with_op(TextOp::NotEquals, "Москва"),
        TextTest::NotEquals {
            value: "Москва".to_owned()
        }
    );
    assert_eq!(
        TextTest::IsEmpty.with_op(TextOp::OneOf, ""),
        TextTest::OneOf { values: Vec::new() }
    );
}

#[test]
fn switching_a_date_or_recency_operator_keeps_the_date_and_the_days() {
    let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    let before = DateTest::Before { date: day };
    assert_eq!(
        before.with_op(DateOp::After, today),
        DateTest::After { date: day }
    );
    assert_eq!(
        DateTest::WithinDays { days: 7 }.with_op(DateOp::Before, today),
        DateTest::Before { date: today }
    );
    assert_eq!(
        before.with_op(DateOp::WithinDays, today).op(),
        DateOp::WithinDays
    );
    let more = Recency::MoreThan { days: 45 };
    assert_eq!(
        more.with_op(RecencyOp::LessThan),
        Recency::LessThan { days: 45 }
    );
    assert_eq!(more.with_op(RecencyOp::Never).op(), RecencyOp::Never);
    assert_eq!(
        Recency::Never.with_op(RecencyOp::MoreThan),
        Recency::MoreThan { days: 30 }
    );
}

#[test]
fn every_condition_kind_is_named_as_its_json_type() {
    let rule = Rule::from_json(
        r#"{"version":1,"mode":"all","items":[
            {"type":"never_ordered"},
            {"type":"last_event","kind":"read","op":"never"},
            {"type":"activity","kind":"carted","hours":48},
            {"type":"group","mode":"any","items":[{"type":"consent","is":"yes"}]}
        ]}"#,
    )
    .unwrap();
    let kinds: Vec<Option<ConditionKind>> = rule.root.items.iter().map(Item::condition).collect();
    assert_eq!(
        kinds,
        [
            Some(ConditionKind::NeverOrdered),
            Some(ConditionKind::LastEvent),
            Some(ConditionKind::Activity),
            None
        ]
    );
    let names: Vec<&str> = rule.root.items.iter().map(Item::kind).collect();
    assert_eq!(names, ["never_ordered", "last_event", "activity", "group"]);
    let Item::Activity { did, hours, .. } = &rule.root.items[2] else {
        panic!("an activity condition");
    };
    assert_eq!((*did, *hours), (true, Some(48)), "'did' is the default");
    let mut all: Vec<&str> = ConditionKind::ALL.map(ConditionKind::as_str).to_vec();
    all.sort();
    all.dedup();
    assert_eq!(
        all.len(),
        ConditionKind::ALL.len(),
        "each kind has a name of its own"
    );
}
