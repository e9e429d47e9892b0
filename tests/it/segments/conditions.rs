//! Each condition type on a hand-made base whose answers are known by reading it.

use adresat::import::ImportKind;
use adresat::segment::{self, Rule, Today};
use chrono::NaiveDate;

use crate::support::Scratch;

/// Four contacts, as of 2026-06-15 in Moscow:
/// - A1 Иванова Мария, Омск, consent yes, new (06-10), vip + интерес:обувь, two orders (4 000 ₽,
///   last 5 days ago), read and clicked b1, b2 in c1, c2 delivered without engagement;
/// - A2 Пётр, Москва, consent no, old (2025), интерес:платья, one order of 500 ₽ 196 days ago,
///   c1 and c2 delivered, no engagement at all (sleeping for 2 campaigns);
/// - A3 ООО Ромашка, Telegram only, no city, consent unknown, unsubscribed, created today,
///   цена:скидка, no orders, read c0 74 days ago;
/// - A4 Семён, Владивосток, consent yes, no tags, orders or events.
pub(super) fn base() -> Scratch {
    let mut s = Scratch::new();
    s.contacts(
        "ID клиента;ФИО;Телефон;Telegram;Город;Источник;Согласие на рассылку;Статус;Дата регистрации;Теги;Цвет\n\
         A1;Иванова Мария;89120000001;@maria;Омск;landing;да;;10.06.2026 12:00;vip, интерес:обувь;синий\n\
         A2;Пётр;89120000002;;Москва;ad;нет;;01.01.2025;интерес:платья;\n\
         A3;ООО Ромашка;;@romashka;;qr;;отписан;15.06.2026 00:30;цена:скидка;\n\
         A4;Семён;89120000004;;Владивосток;;да;;01.03.2026;;\n",
    );
    let orders = s.file(
        "orders.csv",
        "ID клиента;Дата заказа;Сумма;Товар;Категория\n\
         A1;01.06.2026 10:00;1 000,00;Платье;одежда\n\
         A1;10.06.2026 10:00;3 000,00;Туфли;обувь\n\
         A2;01.12.2025 10:00;500,00;Шарф;аксессуары\n",
    );
    assert_eq!(s.import(ImportKind::Orders, &orders).rejected, 0);
    let events = s.file(
        "events.csv",
        "ID клиента;Кампания;Событие;Кнопка;Время\n\
         A1;c1;delivered;;01.06.2026 10:00\n\
         A1;c1;read;;01.06.2026 11:00\n\
         A1;c1;clicked;b1;01.06.2026 11:05\n\
         A1;c1;clicked;b2;02.06.2026 09:00\n\
         A1;c2;delivered;;10.06.2026 10:00\n\
         A2;c1;delivered;;01.06.2026 10:00\n\
         A2;c2;delivered;;10.06.2026 10:00\n\
         A3;c0;delivered;;01.04.2026 10:00\n\
         A3;c0;read;;02.04.2026 10:00\n",
    );
    assert_eq!(s.import(ImportKind::Events, &events).rejected, 0);
    s.store
        .save_flow("Воронка", &["b1".to_owned(), "b2".to_owned()])
        .unwrap();
    s
}

pub(super) fn today() -> Today {
    Today::of(
        NaiveDate::from_ymd_opt(2026, 6, 15).unwrap(),
        chrono_tz::Europe::Moscow,
    )
}

/// The external ids of the contacts a rule of one condition (given as JSON) selects.
fn pick(s: &Scratch, condition: &str) -> Vec<String> {
    pick_rule(
        s,
        &format!(r#"{{"version": 1, "mode": "all", "items": [{condition}]}}"#),
    )
}

fn pick_rule(s: &Scratch, json: &str) -> Vec<String> {
    let rule = Rule::from_json(json).unwrap_or_else(|e| panic!("{json}: {e}"));
    let compiled =
        segment::prepare(&s.store, &rule, None, today()).unwrap_or_else(|e| panic!("{json}: {e}"));
    segment::contact_ids(&s.store, &compiled)
        .unwrap()
        .into_iter()
        .map(|id| s.store.contact(id).unwrap().unwrap().0.external_id.unwrap())
        .collect()
}

#[test]
fn field_conditions() {
    let s = base();
    let f = |c: &str| pick(&s, &format!(r#"{{"type": "field", {c}}}"#));
    assert_eq!(
        f(r#""field": "city", "op": "equals", "value": "Омск""#),
        ["A1"]
    );
    assert_eq!(
        f(r#""field": "city", "op": "not_equals", "value": "Омск""#),
        ["A2", "A3", "A4"]
    );
    assert_eq!(
        f(r#""field": "city", "op": "one_of", "values": ["Омск", "Москва"]"#),
        ["A1", "A2"]
    );
    assert_eq!(
        f(r#""field": "name", "op": "contains", "value": "РОМ""#),
        ["A3"]
    );
    assert_eq!(
        f(r#""field": "name", "op": "contains", "value": "семен""#),
        ["A4"]
    );
    assert_eq!(f(r#""field": "city", "op": "is_empty""#), ["A3"]);
    assert_eq!(
        f(r#""field": "time_zone", "op": "equals", "value": "Asia/Vladivostok""#),
        ["A4"]
    );
    assert_eq!(
        f(r#""field": "source", "op": "equals", "value": "qr""#),
        ["A3"]
    );
    assert_eq!(
        f(r#""field": "channel", "op": "equals", "value": "telegram""#),
        ["A1", "A3"]
    );
    assert_eq!(
        f(r#""field": "channel", "op": "not_equals", "value": "whatsapp""#),
        ["A3"]
    );
    assert!(f(r#""field": "channel", "op": "is_empty""#).is_empty());
    assert_eq!(
        f(r#""field": "custom:Цвет", "op": "equals", "value": "синий""#),
        ["A1"]
    );
}

#[test]
fn created_consent_and_status() {
    let s = base();
    assert_eq!(
        pick(&s, r#"{"type": "created", "op": "within_days", "days": 7}"#),
        ["A1", "A3"]
    );
    assert_eq!(
        pick(&s, r#"{"type": "created", "op": "within_days", "days": 1}"#),
        ["A3"]
    );
    assert_eq!(
        pick(
            &s,
            r#"{"type": "created", "op": "before", "date": "2026-01-01"}"#
        ),
        ["A2"]
    );
    assert_eq!(
        pick(
            &s,
            r#"{"type": "created", "op": "after", "date": "2026-06-10"}"#
        ),
        ["A3"]
    );
    assert_eq!(
        pick(&s, r#"{"type": "consent", "is": "yes"}"#),
        ["A1", "A4"]
    );
    assert_eq!(pick(&s, r#"{"type": "consent", "is": "unknown"}"#), ["A3"]);
    assert_eq!(
        pick(&s, r#"{"type": "status", "is": "unsubscribed"}"#),
        ["A3"]
    );
    assert_eq!(
        pick(&s, r#"{"type": "status", "is": "active"}"#),
        ["A1", "A2", "A4"]
    );
}

#[test]
fn tag_conditions() {
    let s = base();
    let t = |op: &str, tags: &str| {
        pick(
            &s,
            &format!(r#"{{"type": "tags", "op": "{op}", "tags": {tags}}}"#),
        )
    };
    assert_eq!(t("has", r#"["vip"]"#), ["A1"]);
    assert_eq!(t("has_not", r#"["vip"]"#), ["A2", "A3", "A4"]);
    assert_eq!(t("has_any", r#"["vip", "цена:скидка"]"#), ["A1", "A3"]);
    assert_eq!(t("has_all", r#"["vip", "интерес:*"]"#), ["A1"]);
    assert_eq!(t("has", r#"["интерес:*"]"#), ["A1", "A2"]);
}

#[test]
fn event_conditions_count_people_who_never_had_one() {
    let s = base();
    let e = |c: &str| pick(&s, &format!(r#"{{"type": "events", {c}}}"#));
    assert_eq!(e(r#""kind": "clicked", "cmp": ">=", "count": 1"#), ["A1"]);
    // The clicks were 13 and 14 days ago; A4 never had an event and still has 0 in the window.
    assert_eq!(
        e(r#""kind": "clicked", "days": 7, "cmp": "=", "count": 0"#),
        ["A1", "A2", "A3", "A4"]
    );
    assert_eq!(
        e(r#""kind": "read", "days": 30, "cmp": "=", "count": 0"#),
        ["A2", "A3", "A4"]
    );
    assert_eq!(
        e(r#""kind": "delivered", "campaign": "c2", "cmp": ">", "count": 0"#),
        ["A1", "A2"]
    );
    assert_eq!(
        e(r#""kind": "clicked", "button": "b2", "cmp": ">=", "count": 1"#),
        ["A1"]
    );
    assert_eq!(
        e(r#""kind": "delivered", "cmp": ">=", "count": 2"#),
        ["A1", "A2"]
    );
    assert_eq!(
        e(r#""kind": "delivered", "cmp": "<", "count": 2"#),
        ["A3", "A4"]
    );

    let last = |c: &str| {
        pick(
            &s,
            &format!(r#"{{"type": "last_event", "kind": "read", {c}}}"#),
        )
    };
    assert_eq!(last(r#""op": "more_than", "days": 30"#), ["A3"]);
    assert_eq!(last(r#""op": "less_than", "days": 30"#), ["A1"]);
    assert_eq!(last(r#""op": "never""#), ["A2", "A4"]);

    assert_eq!(pick(&s, r#"{"type": "sleeping", "campaigns": 2}"#), ["A2"]);
    assert_eq!(
        pick(&s, r#"{"type": "sleeping", "campaigns": 1}"#),
        ["A1", "A2"]
    );
    assert_eq!(pick(&s, r#"{"type": "flow", "flow": "Воронка"}"#), ["A1"]);
}

#[test]
fn activity_conditions_by_kind_product_category_and_window() {
    let mut s = base();
    // As of the end of 2026-06-15 in Moscow (21:00 UTC).
    let activity = s.file(
        "activity.csv",
        "ID клиента;Событие;Товар;Категория;Стоимость;Время\n\
         A1;добавил в корзину;Туфли;обувь;3 000;15.06.2026 20:00\n\
         A1;просмотр товара;Шарф;аксессуары;;01.06.2026 10:00\n\
         A2;добавил в корзину;Шарф;аксессуары;500;12.06.2026 10:00\n\
         A4;подписка;;;;14.06.2026 10:00\n",
    );
    assert_eq!(s.import(ImportKind::Events, &activity).rejected, 0);
    let carted = |window: &str| {
        pick(
            &s,
            &format!(r#"{{"type": "activity", "kind": "carted"{window}}}"#),
        )
    };
    assert_eq!(carted(""), ["A1", "A2"]);
    assert_eq!(carted(r#", "hours": 48"#), ["A1"]);
    assert_eq!(carted(r#", "days": 4"#), ["A1", "A2"]);
    assert_eq!(carted(r#", "days": 3"#), ["A1"]);
    assert_eq!(carted(r#", "hours": 0"#), Vec::<String>::new());
    assert_eq!(carted(r#", "category": "аксессуары""#), ["A2"]);
    assert_eq!(carted(r#", "product": "Туфли", "hours": 5"#), ["A1"]);
    assert!(carted(r#", "product": "Туфли", "hours": 3"#).is_empty());
    // Did not: everyone else, those who never did it included.
    assert_eq!(
        pick(
            &s,
            r#"{"type": "activity", "kind": "viewed", "did": false}"#
        ),
        ["A2", "A3", "A4"]
    );
    assert_eq!(
        pick(&s, r#"{"type": "activity", "kind": "подписка"}"#),
        ["A4"]
    );
    assert!(pick(&s, r#"{"type": "activity", "kind": "ordered"}"#).is_empty());
    // The last cart's value: A1's 3 000 ₽ (a view of a scarf before it has none), A2's 500 ₽.
    let last_cart = |cmp: &str, value: f64| {
        pick(
            &s,
            &format!(
                r#"{{"type": "last_activity_value", "kind": "carted", "cmp": "{cmp}", "value": {value}}}"#
            ),
        )
    };
    assert_eq!(last_cart(">=", 3000.0), ["A1"]);
    assert_eq!(last_cart("<", 1000.0), ["A2"]);
    assert_eq!(last_cart(">", 0.0), ["A1", "A2"]);
    assert!(
        pick(
            &s,
            r#"{"type": "last_activity_value", "kind": "подписка", "cmp": ">=", "value": 0}"#
        )
        .is_empty(),
        "an activity without a value matches no amount"
    );
    for (json, id) in [
        (
            r#"{"type": "activity", "kind": "отзыв"}"#,
            "rule-error-unknown-activity",
        ),
        (
            r#"{"type": "activity", "kind": "carted", "days": 1, "hours": 2}"#,
            "rule-error-window",
        ),
    ] {
        let rule = Rule::from_json(&format!(
            r#"{{"version": 1, "mode": "all", "items": [{json}]}}"#
        ))
        .unwrap();
        let err = segment::prepare(&s.store, &rule, None, today()).unwrap_err();
        assert_eq!(err.id(), id, "{json}");
    }
}

/// Found by the rule fuzzer: "read in the last 933 992 days" named a midnight 2 557 years
/// before year 1, which RFC 3339 cannot write, and compiling the rule panicked. A window
/// longer than the calendar now reaches back to its start: it means "ever", in every
/// condition that takes days.
#[test]
fn a_window_longer_than_the_calendar_means_ever() {
    let s = base();
    let found = r#"{
  "version": 1,
  "mode": "all",
  "items": [
     { "type": "events", "kind": "read", "days": 933992, "cmp": "=", "count": 1 },
      { "type": "consent", "is": "yes" }
  ]
}"#;
    // A1 read once and agreed; A3 read once with consent unknown.
    assert_eq!(pick_rule(&s, found), ["A1"]);
    let ever = |c: &str| pick(&s, &format!(r#"{{"type": "events", "kind": "read", {c}}}"#));
    for days in [933_992, u32::MAX] {
        assert_eq!(
            ever(&format!(r#""days": {days}, "cmp": ">=", "count": 1"#)),
            ever(r#""cmp": ">=", "count": 1"#)
        );
        let p = |c: String| pick(&s, &c);
        assert_eq!(
            p(format!(
                r#"{{"type": "created", "op": "within_days", "days": {days}}}"#
            )),
            ["A1", "A2", "A3", "A4"]
        );
        assert_eq!(
            p(format!(
                r#"{{"type": "last_event", "kind": "read", "op": "less_than", "days": {days}}}"#
            )),
            ["A1", "A3"]
        );
        assert!(
            p(format!(
                r#"{{"type": "last_event", "kind": "read", "op": "more_than", "days": {days}}}"#
            ))
            .is_empty()
        );
        assert_eq!(
            p(format!(
                r#"{{"type": "bought", "what": "product", "name": "Шарф", "days": {days}}}"#
            )),
            ["A2"]
        );
    }
}

#[test]
fn purchase_conditions() {
    let s = base();
    let o = |c: &str| pick(&s, &format!(r#"{{"type": "orders", {c}}}"#));
    assert_eq!(
        o(r#""measure": "count", "cmp": ">=", "value": 1"#),
        ["A1", "A2"]
    );
    assert_eq!(
        o(r#""measure": "count", "cmp": "=", "value": 0"#),
        ["A3", "A4"]
    );
    assert_eq!(
        o(r#""measure": "total", "cmp": ">=", "value": 1000"#),
        ["A1"]
    );
    assert_eq!(
        o(r#""measure": "total", "cmp": "<", "value": 1000"#),
        ["A2", "A3", "A4"]
    );
    assert_eq!(
        o(r#""measure": "average", "cmp": ">", "value": 1999.99"#),
        ["A1"]
    );
    assert_eq!(
        o(r#""measure": "average", "cmp": "<=", "value": 500"#),
        ["A2"]
    );
    assert_eq!(
        o(r#""measure": "days_since_last", "cmp": ">", "value": 30"#),
        ["A2"]
    );
    assert_eq!(
        o(r#""measure": "days_since_last", "cmp": "=", "value": 5"#),
        ["A1"]
    );
    assert_eq!(pick(&s, r#"{"type": "never_ordered"}"#), ["A3", "A4"]);

    let b = |c: &str| pick(&s, &format!(r#"{{"type": "bought", {c}}}"#));
    assert_eq!(b(r#""what": "category", "name": "обувь""#), ["A1"]);
    assert_eq!(b(r#""what": "product", "name": "Шарф""#), ["A2"]);
    assert!(b(r#""what": "product", "name": "Шарф", "days": 30"#).is_empty());
}

#[test]
fn segment_membership_and_three_levels_of_groups() {
    let s = base();
    let omsk = Rule::from_json(
        r#"{"version": 1, "mode": "all", "items": [{"type": "field", "field": "city", "op": "equals", "value": "Омск"}]}"#,
    )
    .unwrap();
    s.store
        .save_segment("Омичи", &omsk, "", chrono::Utc::now())
        .unwrap();
    assert_eq!(
        pick(&s, r#"{"type": "segment", "op": "in", "segment": "Омичи"}"#),
        ["A1"]
    );
    assert_eq!(
        pick(
            &s,
            r#"{"type": "segment", "op": "not_in", "segment": "Омичи"}"#
        ),
        ["A2", "A3", "A4"]
    );
    // consent yes AND (Омск OR NOT (vip)) → A1 (Омск), A4 (no vip).
    let nested = r#"{"version": 1, "mode": "all", "items": [
        {"type": "consent", "is": "yes"},
        {"type": "group", "mode": "any", "items": [
            {"type": "field", "field": "city", "op": "equals", "value": "Омск"},
            {"type": "group", "mode": "none", "items": [
                {"type": "tags", "op": "has", "tags": ["vip"]}
            ]}
        ]}
    ]}"#;
    assert_eq!(pick_rule(&s, nested), ["A1", "A4"]);
}

#[test]
fn the_funnel_follows_the_top_group() {
    let s = base();
    let rule = Rule::from_json(
        r#"{"version": 1, "mode": "all", "items": [
            {"type": "consent", "is": "yes"},
            {"type": "field", "field": "city", "op": "one_of", "values": ["Омск", "Москва"]},
            {"type": "tags", "op": "has", "tags": ["vip"]}
        ]}"#,
    )
    .unwrap();
    let compiled = segment::prepare(&s.store, &rule, None, today()).unwrap();
    let eval = segment::evaluate(&s.store, &compiled, true).unwrap();
    assert_eq!((eval.count, eval.funnel), (1, vec![2, 1, 1]));

    let mut any = rule.clone();
    any.root.mode = segment::Mode::Any;
    let compiled = segment::prepare(&s.store, &any, None, today()).unwrap();
    let eval = segment::evaluate(&s.store, &compiled, true).unwrap();
    assert_eq!((eval.count, eval.funnel), (3, vec![2, 3, 3]));
}
