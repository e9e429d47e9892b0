//! Random bases (written as CSV files and loaded through the real import) and random rules that
//! use every condition type, nested three levels deep.

use adresat::import::ImportKind;
use adresat::segment::{
    CHANNELS, Cmp, DateTest, FieldRef, Group, Item, Membership, Mode, OrderMeasure, Purchase,
    RULE_VERSION, Recency, Rule, TagOp, TextTest,
};
use adresat::store::{Consent, EventKind, Status};
use chrono::{Duration, NaiveDate};
use fastrand::Rng;

use crate::support::Scratch;

pub const TODAY: (i32, u32, u32) = (2026, 6, 15);
pub const CITIES: [&str; 5] = [
    "Омск",
    "Москва",
    "Новосибирск",
    "Владивосток",
    "Екатеринбург",
];
pub const NAMES: [&str; 6] = [
    "Иванова Мария",
    "Пётр Петров",
    "СЕМЁН",
    "Алёна",
    "ООО Ромашка",
    "anna",
];
pub const SOURCES: [&str; 3] = ["landing", "ad", "qr"];
pub const TAGS: [&str; 5] = [
    "vip",
    "интерес:обувь",
    "интерес:платья",
    "цена:скидка",
    "новинки",
];
pub const PRODUCTS: [&str; 4] = ["Платье", "Туфли", "Шарф", "Сумка"];
pub const CATEGORIES: [&str; 3] = ["одежда", "обувь", "аксессуары"];
pub const CAMPAIGNS: [&str; 5] = ["c1", "c2", "c3", "c4", "c5"];
pub const BUTTONS: [&str; 3] = ["b1", "b2", "b3"];
pub const FLOW: &str = "Воронка";
/// A shop's words for its customers' activity: two of the standard kinds, one of them in
/// Russian, and an owner's own kind.
const ACTIVITY_WORDS: [&str; 4] = ["viewed", "добавил в корзину", "checkout", "подписка"];
/// The kinds a rule may name: those, and one no row has.
const ACTIVITY_KINDS: [&str; 5] = ["viewed", "carted", "checkout", "подписка", "ordered"];
pub const SAVED: [&str; 2] = ["S1", "S2"];

fn pick<'a>(rng: &mut Rng, from: &[&'a str]) -> &'a str {
    from[rng.usize(..from.len())]
}

/// One of `from`, or nothing, evenly.
fn maybe(rng: &mut Rng, from: &[&str]) -> String {
    if rng.bool() {
        pick(rng, from).to_owned()
    } else {
        String::new()
    }
}

/// A moment within `days` days around today, as a Moscow wall-clock time the import reads.
fn moment(rng: &mut Rng, back: i64, ahead: i64) -> String {
    let today = NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).unwrap();
    let t = today.and_hms_opt(0, 0, 0).unwrap()
        + Duration::minutes(rng.i64(-back * 1440..ahead * 1440));
    t.format("%Y-%m-%d %H:%M:%S").to_string()
}

/// Fills `s` with a random base of `n` contacts, their orders and events, a flow and two saved
/// segments (the second referring to the first).
pub fn base(s: &mut Scratch, rng: &mut Rng, n: usize) {
    let mut contacts = String::from(
        "external_id;name;phone;tg_username;city;source;utm_source;consent;status;created_at;tags;Цвет\n",
    );
    let mut orders = String::from("external_id;ordered_at;amount;product;category\n");
    let mut events = String::from("external_id;campaign;kind;button;at\n");
    let mut activity = String::from("external_id;kind;product;category;value;at\n");
    for i in 0..n {
        let phone = if rng.u8(..3) > 0 {
            format!("8912{i:07}")
        } else {
            String::new()
        };
        let tg = if rng.bool() {
            format!("@user{i}")
        } else {
            String::new()
        };
        let tags: Vec<&str> = TAGS.iter().copied().filter(|_| rng.u8(..3) == 0).collect();
        contacts += &format!(
            "C{i};{};{phone};{tg};{};{};{};{};{};{};{};{}\n",
            maybe(rng, &NAMES),
            maybe(rng, &CITIES),
            maybe(rng, &SOURCES),
            maybe(rng, &["yandex"]),
            pick(rng, &["да", "нет", ""]),
            pick(rng, &["", "", "отписан", "заблокирован"]),
            moment(rng, 400, 3),
            tags.join(", "),
            maybe(rng, &["синий", "Зелёный"]),
        );
        for _ in 0..rng.usize(..4) {
            orders += &format!(
                "C{i};{};{},{:02};{};{}\n",
                moment(rng, 300, 2),
                rng.u32(1..20_000),
                rng.u32(..100),
                maybe(rng, &PRODUCTS),
                maybe(rng, &CATEGORIES),
            );
        }
        for _ in 0..rng.usize(..4) {
            activity += &format!(
                "C{i};{};{};{};{};{}\n",
                pick(rng, &ACTIVITY_WORDS),
                maybe(rng, &PRODUCTS),
                maybe(rng, &CATEGORIES),
                maybe(rng, &["990", "1 500,50"]),
                moment(rng, 12, 1),
            );
        }
        // Campaigns a week apart, so no two are delivered at the same moment.
        for (k, campaign) in CAMPAIGNS.iter().enumerate() {
            if rng.u8(..3) == 0 {
                continue;
            }
            let sent = NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).unwrap()
                - Duration::days(7 * (CAMPAIGNS.len() - k) as i64 + rng.i64(0..3));
            let at = |minutes: i64| {
                (sent.and_hms_opt(9, 0, 0).unwrap() + Duration::minutes(minutes))
                    .format("%Y-%m-%d %H:%M:%S")
                    .to_string()
            };
            events += &format!(
                "C{i};{campaign};{};;{}\n",
                pick(rng, &["sent", "delivered"]),
                at(0)
            );
            for kind in ["read", "clicked", "replied"] {
                if rng.u8(..3) == 0 {
                    let button = if kind == "clicked" {
                        pick(rng, &BUTTONS)
                    } else {
                        ""
                    };
                    events +=
                        &format!("C{i};{campaign};{kind};{button};{}\n", at(rng.i64(1..5000)));
                }
            }
        }
    }
    for (name, text, kind) in [
        ("contacts.csv", contacts, ImportKind::Contacts),
        ("orders.csv", orders, ImportKind::Orders),
        ("events.csv", events, ImportKind::Events),
        ("activity.csv", activity, ImportKind::Events),
    ] {
        let path = s.file(name, &text);
        let report = s.import(kind, &path);
        assert_eq!(report.rejected, 0, "{name}: {:?}", report.rejects);
    }
    s.store
        .save_flow(FLOW, &["b1".to_owned(), "b2".to_owned()])
        .unwrap();
    let tags = TAGS.map(str::to_owned);
    let first = Rule {
        version: RULE_VERSION,
        root: Group {
            mode: Mode::Any,
            items: vec![leaf(rng, &tags, 0), leaf(rng, &tags, 0)],
        },
    };
    s.store
        .save_segment(SAVED[0], &first, "", chrono::Utc::now())
        .unwrap();
    let second = Rule {
        version: RULE_VERSION,
        root: Group {
            mode: Mode::All,
            items: vec![
                Item::Segment {
                    op: Membership::In,
                    segment: SAVED[0].to_owned(),
                },
                leaf(rng, &tags, 0),
            ],
        },
    };
    s.store
        .save_segment(SAVED[1], &second, "", chrono::Utc::now())
        .unwrap();
}

fn mode(rng: &mut Rng) -> Mode {
    [Mode::All, Mode::Any, Mode::None][rng.usize(..3)]
}

fn cmp(rng: &mut Rng) -> Cmp {
    Cmp::ALL[rng.usize(..Cmp::ALL.len())]
}

/// A random rule; groups nest up to `depth` levels below the top.
pub fn rule(rng: &mut Rng, tags: &[String], depth: u32) -> Rule {
    Rule {
        version: RULE_VERSION,
        root: group(rng, tags, depth),
    }
}

fn group(rng: &mut Rng, tags: &[String], depth: u32) -> Group {
    let items = (0..rng.usize(1..4))
        .map(|_| {
            if depth > 0 && rng.u8(..3) == 0 {
                Item::Group(group(rng, tags, depth - 1))
            } else {
                leaf(rng, tags, 1)
            }
        })
        .collect();
    Group {
        mode: mode(rng),
        items,
    }
}

fn text_value(rng: &mut Rng, field: &FieldRef) -> String {
    match field {
        FieldRef::City => pick(rng, &CITIES).to_owned(),
        FieldRef::Source => pick(rng, &SOURCES).to_owned(),
        FieldRef::Name => pick(rng, &NAMES).to_owned(),
        FieldRef::TimeZone => {
            pick(rng, &["Asia/Omsk", "Europe/Moscow", "Asia/Vladivostok"]).to_owned()
        }
        FieldRef::Channel => pick(rng, &CHANNELS).to_owned(),
        FieldRef::Custom(_) => pick(rng, &["синий", "Зелёный"]).to_owned(),
        _ => pick(rng, &["yandex", "Омск", "ива"]).to_owned(),
    }
}

/// A random condition of any type but a group; `segments` > 0 lets it refer to saved segments.
fn leaf(rng: &mut Rng, tags: &[String], segments: usize) -> Item {
    let kinds = 16 - if segments == 0 { 1 } else { 0 };
    match rng.usize(..kinds) {
        0 => {
            let field = [
                FieldRef::City,
                FieldRef::Name,
                FieldRef::Source,
                FieldRef::TimeZone,
                FieldRef::Channel,
                FieldRef::UtmSource,
                FieldRef::Custom("Цвет".to_owned()),
            ][rng.usize(..7)]
            .clone();
            let test = match rng.usize(..5) {
                0 => TextTest::Equals {
                    value: text_value(rng, &field),
                },
                1 => TextTest::NotEquals {
                    value: text_value(rng, &field),
                },
                2 => TextTest::OneOf {
                    values: (0..rng.usize(1..3))
                        .map(|_| text_value(rng, &field))
                        .collect(),
                },
                3 if field != FieldRef::Channel => TextTest::Contains {
                    value: match rng.usize(..3) {
                        0 => "ё".to_owned(),
                        1 => "ОМ".to_owned(),
                        _ => "зеле".to_owned(),
                    },
                },
                _ => TextTest::IsEmpty,
            };
            Item::Field { field, test }
        }
        1 => {
            let day = NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).unwrap()
                - Duration::days(rng.i64(-3..400));
            Item::Created(match rng.usize(..3) {
                0 => DateTest::Before { date: day },
                1 => DateTest::After { date: day },
                _ => DateTest::WithinDays {
                    days: rng.u32(..200),
                },
            })
        }
        2 => Item::Consent {
            is: [Consent::Yes, Consent::No, Consent::Unknown][rng.usize(..3)],
        },
        3 => Item::Status {
            is: [Status::Active, Status::Unsubscribed, Status::Blocked][rng.usize(..3)],
        },
        4 => {
            let op = [TagOp::Has, TagOp::HasNot, TagOp::HasAny, TagOp::HasAll][rng.usize(..4)];
            let count = if matches!(op, TagOp::Has | TagOp::HasNot) {
                1
            } else {
                rng.usize(1..4)
            };
            let tags = (0..count)
                .map(|_| {
                    if rng.u8(..4) == 0 {
                        pick(rng, &["интерес:*", "цена:*"]).to_owned()
                    } else {
                        tags[rng.usize(..tags.len())].clone()
                    }
                })
                .collect();
            Item::Tags { op, tags }
        }
        5 => Item::Events {
            kind: EventKind::ALL[rng.usize(..5)],
            button: (rng.u8(..3) == 0).then(|| pick(rng, &BUTTONS).to_owned()),
            campaign: (rng.u8(..3) == 0).then(|| pick(rng, &CAMPAIGNS).to_owned()),
            days: rng.bool().then(|| rng.u32(..60)),
            cmp: cmp(rng),
            count: rng.u32(..4),
        },
        6 => Item::LastEvent {
            kind: EventKind::ALL[rng.usize(..5)],
            when: match rng.usize(..3) {
                0 => Recency::Never,
                1 => Recency::MoreThan {
                    days: rng.u32(..50),
                },
                _ => Recency::LessThan {
                    days: rng.u32(..50),
                },
            },
        },
        7 => Item::Sleeping {
            campaigns: rng.u32(1..5),
        },
        8 => Item::Flow {
            flow: FLOW.to_owned(),
        },
        9 => {
            let measure = [
                OrderMeasure::Count,
                OrderMeasure::Total,
                OrderMeasure::Average,
                OrderMeasure::DaysSinceLast,
            ][rng.usize(..4)];
            let value = match measure {
                OrderMeasure::Count => rng.u32(..4) as f64,
                OrderMeasure::DaysSinceLast => rng.u32(..300) as f64,
                _ => rng.u32(..3_000_000) as f64 / 100.0,
            };
            Item::Orders {
                measure,
                cmp: cmp(rng),
                value,
            }
        }
        10 => Item::NeverOrdered,
        11 => {
            let what = if rng.bool() {
                Purchase::Product
            } else {
                Purchase::Category
            };
            Item::Bought {
                what,
                name: match what {
                    Purchase::Product => pick(rng, &PRODUCTS),
                    Purchase::Category => pick(rng, &CATEGORIES),
                }
                .to_owned(),
                days: rng.bool().then(|| rng.u32(..200)),
            }
        }
        12 => {
            let range = |rng: &mut Rng| {
                (rng.u8(..3) == 0).then(|| {
                    let lo = rng.u8(1..=5);
                    [lo, rng.u8(lo..=5)]
                })
            };
            let groups = adresat::rfm::Group::ALL
                .into_iter()
                .filter(|_| rng.u8(..4) == 0)
                .collect();
            Item::Rfm {
                groups,
                r: range(rng),
                f: range(rng),
                m: range(rng),
            }
        }
        13 => {
            let (days, hours) = match rng.usize(..3) {
                0 => (None, None),
                1 => (Some(rng.u32(..15)), None),
                _ => (None, Some(rng.u32(..300))),
            };
            Item::Activity {
                kind: pick(rng, &ACTIVITY_KINDS).to_owned(),
                did: rng.bool(),
                product: (rng.u8(..3) == 0).then(|| pick(rng, &PRODUCTS).to_owned()),
                category: (rng.u8(..3) == 0).then(|| pick(rng, &CATEGORIES).to_owned()),
                days,
                hours,
            }
        }
        14 => Item::LastActivityValue {
            kind: pick(rng, &ACTIVITY_KINDS).to_owned(),
            cmp: cmp(rng),
            value: [0.0, 990.0, 1000.0, 1500.5][rng.usize(..4)],
        },
        _ => Item::Segment {
            op: if rng.bool() {
                Membership::In
            } else {
                Membership::NotIn
            },
            segment: pick(rng, &SAVED).to_owned(),
        },
    }
}

/// Today of the random bases, in the owner's zone.
pub fn today() -> adresat::segment::Today {
    adresat::segment::Today::of(
        NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).unwrap(),
        chrono_tz::Europe::Moscow,
    )
}
