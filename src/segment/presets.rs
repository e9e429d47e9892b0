//! Ready-made segments: one click gives an ordinary rule the owner can then edit. Each preset's
//! purpose is one line (`preset-…-about` in the locale files); `docs/segments.md` lists them all.
//!
//! Presets that depend on the owner's own words — which tag means "discount", which source is the
//! QR code — take them from [`Meaning`] settings, asked once and kept in the base.

use crate::model::rule::{
    Cmp, DateTest, FieldRef, Group, Item, Mode, OrderMeasure, Purchase, Recency, Rule, TagOp,
    TextTest,
};
use crate::store::{Consent, EventKind};

/// An owner's word a preset needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Meaning {
    DiscountTag,
    NewArrivalsTag,
    LandingSource,
    AdSource,
    QrSource,
    CrossSellBought,
    CrossSellMissing,
}

/// What kind of value a meaning is chosen from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeaningKind {
    Tag,
    Source,
    Category,
}

impl Meaning {
    /// The settings key it is kept under.
    pub fn key(self) -> &'static str {
        match self {
            Meaning::DiscountTag => "meaning.discount_tag",
            Meaning::NewArrivalsTag => "meaning.new_arrivals_tag",
            Meaning::LandingSource => "meaning.landing_source",
            Meaning::AdSource => "meaning.ad_source",
            Meaning::QrSource => "meaning.qr_source",
            Meaning::CrossSellBought => "meaning.cross_sell_bought",
            Meaning::CrossSellMissing => "meaning.cross_sell_missing",
        }
    }

    /// The locale id of the question.
    pub fn question(self) -> &'static str {
        match self {
            Meaning::DiscountTag => "setting-meaning-discount-tag",
            Meaning::NewArrivalsTag => "setting-meaning-new-arrivals-tag",
            Meaning::LandingSource => "setting-meaning-landing-source",
            Meaning::AdSource => "setting-meaning-ad-source",
            Meaning::QrSource => "setting-meaning-qr-source",
            Meaning::CrossSellBought => "setting-meaning-cross-sell-bought",
            Meaning::CrossSellMissing => "setting-meaning-cross-sell-missing",
        }
    }

    pub fn kind(self) -> MeaningKind {
        match self {
            Meaning::DiscountTag | Meaning::NewArrivalsTag => MeaningKind::Tag,
            Meaning::LandingSource | Meaning::AdSource | Meaning::QrSource => MeaningKind::Source,
            Meaning::CrossSellBought | Meaning::CrossSellMissing => MeaningKind::Category,
        }
    }

    /// Words that suggest the answer among the base's own values (lower case): the first value
    /// containing one is offered first.
    pub fn hints(self) -> &'static [&'static str] {
        match self {
            Meaning::DiscountTag => &["скид", "акци", "sale", "discount"],
            Meaning::NewArrivalsTag => &["новин", "новая", "new"],
            Meaning::LandingSource => &["лендинг", "сайт", "landing", "site"],
            Meaning::AdSource => &["реклам", "таргет", "instagram", "вконтакте", "ads", "cpc"],
            Meaning::QrSource => &["qr", "магазин", "офлайн", "offline"],
            Meaning::CrossSellBought => &["обувь", "одежда"],
            Meaning::CrossSellMissing => &["аксессуар", "сумк"],
        }
    }
}

/// The owner's answers, by meaning.
pub trait Meanings {
    fn get(&self, meaning: Meaning) -> Option<String>;
}

/// A ready-made segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preset {
    /// Stable id; the locale has `preset-{id}` (its name) and `preset-{id}-about` (its purpose).
    pub id: &'static str,
    /// The locale id of the group it is listed under.
    pub group: &'static str,
    /// The owner's words it needs.
    pub needs: &'static [Meaning],
}

use Meaning::*;

/// Every preset, in the order the builder lists them.
pub const PRESETS: &[Preset] = &[
    preset("new-customers", "preset-group-hypotheses", &[]),
    preset("returning-customers", "preset-group-hypotheses", &[]),
    preset("discount-fans", "preset-group-hypotheses", &[DiscountTag]),
    preset(
        "new-arrivals-fans",
        "preset-group-hypotheses",
        &[NewArrivalsTag],
    ),
    preset("active", "preset-group-hypotheses", &[]),
    preset("silent", "preset-group-hypotheses", &[]),
    preset("cold-leads", "preset-group-leads", &[]),
    preset("warm-leads", "preset-group-leads", &[]),
    preset("hot-leads", "preset-group-leads", &[]),
    preset("sleeping", "preset-group-reactivation", &[]),
    preset("reactivation", "preset-group-reactivation", &[]),
    preset("from-landing", "preset-group-sources", &[LandingSource]),
    preset("from-ads", "preset-group-sources", &[AdSource]),
    preset("from-qr", "preset-group-sources", &[QrSource]),
    preset("tz-moscow", "preset-group-zones", &[]),
    preset("tz-urals", "preset-group-zones", &[]),
    preset("tz-siberia", "preset-group-zones", &[]),
    preset("tz-far-east", "preset-group-zones", &[]),
    preset("new-subscribers", "preset-group-journey", &[]),
    preset("prospects", "preset-group-journey", &[]),
    preset("first-time-buyers", "preset-group-journey", &[]),
    preset("repeat-buyers", "preset-group-journey", &[]),
    preset(
        "cross-sell",
        "preset-group-cross-sell",
        &[CrossSellBought, CrossSellMissing],
    ),
    preset("rfm-champions", "preset-group-rfm", &[]),
    preset("rfm-loyal", "preset-group-rfm", &[]),
    preset("rfm-potential_loyalists", "preset-group-rfm", &[]),
    preset("rfm-new", "preset-group-rfm", &[]),
    preset("rfm-promising", "preset-group-rfm", &[]),
    preset("rfm-need_attention", "preset-group-rfm", &[]),
    preset("rfm-about_to_sleep", "preset-group-rfm", &[]),
    preset("rfm-at_risk", "preset-group-rfm", &[]),
    preset("rfm-cant_lose", "preset-group-rfm", &[]),
    preset("rfm-hibernating", "preset-group-rfm", &[]),
    preset("rfm-lost", "preset-group-rfm", &[]),
];

const fn preset(id: &'static str, group: &'static str, needs: &'static [Meaning]) -> Preset {
    Preset { id, group, needs }
}

/// Zones of Moscow time (UTC+3) in Russia.
const MOSCOW: &[&str] = &[
    "Europe/Moscow",
    "Europe/Simferopol",
    "Europe/Kirov",
    "Europe/Volgograd",
];
/// Yekaterinburg time (UTC+5).
const URALS: &[&str] = &["Asia/Yekaterinburg"];
/// Omsk, Novosibirsk, Krasnoyarsk and Irkutsk times (UTC+6 … UTC+8).
const SIBERIA: &[&str] = &[
    "Asia/Omsk",
    "Asia/Novosibirsk",
    "Asia/Barnaul",
    "Asia/Tomsk",
    "Asia/Novokuznetsk",
    "Asia/Krasnoyarsk",
    "Asia/Irkutsk",
];
/// Yakutsk time and east (UTC+9 … UTC+12).
const FAR_EAST: &[&str] = &[
    "Asia/Chita",
    "Asia/Yakutsk",
    "Asia/Khandyga",
    "Asia/Vladivostok",
    "Asia/Ust-Nera",
    "Asia/Magadan",
    "Asia/Sakhalin",
    "Asia/Srednekolymsk",
    "Asia/Kamchatka",
    "Asia/Anadyr",
];

fn group(mode: Mode, items: Vec<Item>) -> Item {
    Item::Group(Group { mode, items })
}

fn orders(measure: OrderMeasure, cmp: Cmp, value: f64) -> Item {
    Item::Orders {
        measure,
        cmp,
        value,
    }
}

fn events(kind: EventKind, days: Option<u32>, cmp: Cmp, count: u32) -> Item {
    Item::Events {
        kind,
        button: None,
        campaign: None,
        days,
        cmp,
        count,
    }
}

/// Read, clicked or replied at least once in the last `days` days.
fn engaged_within(days: u32) -> Item {
    group(
        Mode::Any,
        [EventKind::Read, EventKind::Clicked, EventKind::Replied]
            .map(|k| events(k, Some(days), Cmp::Ge, 1))
            .to_vec(),
    )
}

fn has_tag(tag: String) -> Item {
    Item::Tags {
        op: TagOp::Has,
        tags: vec![tag],
    }
}

fn field(field: FieldRef, test: TextTest) -> Item {
    Item::Field { field, test }
}

fn zones(list: &[&str]) -> Item {
    field(
        FieldRef::TimeZone,
        TextTest::OneOf {
            values: list.iter().map(|z| (*z).to_owned()).collect(),
        },
    )
}

fn source(value: String) -> Item {
    field(FieldRef::Source, TextTest::Equals { value })
}

fn bought(category: String) -> Item {
    Item::Bought {
        what: Purchase::Category,
        name: category,
        days: None,
    }
}

impl Preset {
    /// The preset's rule, or the first owner's word it still needs.
    pub fn rule(&self, meanings: &dyn Meanings) -> Result<Rule, Meaning> {
        let word = |m: Meaning| meanings.get(m).filter(|v| !v.trim().is_empty()).ok_or(m);
        let items = match self.id {
            "new-customers" => vec![
                orders(OrderMeasure::Count, Cmp::Eq, 1.0),
                orders(OrderMeasure::DaysSinceLast, Cmp::Le, 30.0),
            ],
            "returning-customers" => vec![
                orders(OrderMeasure::Count, Cmp::Ge, 2.0),
                orders(OrderMeasure::DaysSinceLast, Cmp::Le, 30.0),
            ],
            "discount-fans" => vec![has_tag(word(DiscountTag)?)],
            "new-arrivals-fans" => vec![has_tag(word(NewArrivalsTag)?)],
            "active" => vec![engaged_within(30)],
            "silent" => vec![
                events(EventKind::Delivered, Some(60), Cmp::Ge, 1),
                group(Mode::None, vec![engaged_within(60)]),
            ],
            "cold-leads" => vec![
                Item::NeverOrdered,
                events(EventKind::Clicked, None, Cmp::Eq, 0),
                events(EventKind::Replied, None, Cmp::Eq, 0),
            ],
            "warm-leads" => vec![
                Item::NeverOrdered,
                group(
                    Mode::Any,
                    vec![
                        events(EventKind::Clicked, None, Cmp::Ge, 1),
                        events(EventKind::Replied, None, Cmp::Ge, 1),
                    ],
                ),
                group(
                    Mode::None,
                    vec![
                        events(EventKind::Clicked, Some(14), Cmp::Ge, 1),
                        events(EventKind::Replied, Some(14), Cmp::Ge, 1),
                    ],
                ),
            ],
            "hot-leads" => vec![
                group(
                    Mode::Any,
                    vec![
                        events(EventKind::Clicked, Some(14), Cmp::Ge, 1),
                        events(EventKind::Replied, Some(14), Cmp::Ge, 1),
                    ],
                ),
                orders(OrderMeasure::Count, Cmp::Eq, 0.0),
            ],
            "sleeping" => vec![Item::Sleeping { campaigns: 3 }],
            "reactivation" => vec![
                orders(OrderMeasure::DaysSinceLast, Cmp::Gt, 90.0),
                Item::Consent { is: Consent::Yes },
                group(Mode::None, vec![Item::Sleeping { campaigns: 5 }]),
            ],
            "from-landing" => vec![source(word(LandingSource)?)],
            "from-ads" => vec![source(word(AdSource)?)],
            "from-qr" => vec![source(word(QrSource)?)],
            "tz-moscow" => vec![zones(MOSCOW)],
            "tz-urals" => vec![zones(URALS)],
            "tz-siberia" => vec![zones(SIBERIA)],
            "tz-far-east" => vec![zones(FAR_EAST)],
            "new-subscribers" => vec![
                Item::Created(DateTest::WithinDays { days: 30 }),
                Item::NeverOrdered,
            ],
            "prospects" => vec![
                Item::NeverOrdered,
                Item::LastEvent {
                    kind: EventKind::Clicked,
                    when: Recency::LessThan { days: 90 },
                },
            ],
            "first-time-buyers" => vec![orders(OrderMeasure::Count, Cmp::Eq, 1.0)],
            "repeat-buyers" => vec![orders(OrderMeasure::Count, Cmp::Ge, 2.0)],
            "cross-sell" => vec![
                bought(word(CrossSellBought)?),
                group(Mode::None, vec![bought(word(CrossSellMissing)?)]),
            ],
            other => match other
                .strip_prefix("rfm-")
                .and_then(crate::model::rfm::Group::parse)
            {
                Some(group) => vec![Item::Rfm {
                    groups: vec![group],
                    r: None,
                    f: None,
                    m: None,
                }],
                None => unreachable!("preset {other} has no rule"),
            },
        };
        Ok(Rule::all_of(items))
    }
}

/// Orders the base's `values` so the ones a meaning's hints suggest come first.
pub fn suggest(meaning: Meaning, mut values: Vec<String>) -> Vec<String> {
    let score = |v: &String| {
        let v = v.to_lowercase();
        !meaning.hints().iter().any(|h| v.contains(h))
    };
    values.sort_by_key(score);
    values
}
