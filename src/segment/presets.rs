//! Ready-made segments: one click gives an ordinary rule the owner can then edit. Each preset's
//! purpose is one line (`preset-…-about` in the locale files); `docs/segments.md` lists them all.
//!
//! Presets that depend on the owner's own words — which tag means "discount", which source is the
//! QR code — take them from [`Meaning`] settings, asked once and kept in the base.

pub use crate::model::meaning::{Meaning, MeaningKind};
use crate::model::rfm::Group as RfmGroup;
use crate::model::rule::{
    Cmp, DateTest, FieldRef, Group, Item, Mode, OrderMeasure, Purchase, Recency, Rule, TagOp,
    TextTest,
};
use crate::store::{Consent, EventKind};

/// The owner's answers, by meaning.
pub trait Meanings {
    fn get(&self, meaning: Meaning) -> Option<String>;
}

/// A ready-made segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preset {
    pub id: PresetId,
    /// The locale id of the group it is listed under.
    pub group: &'static str,
    /// The owner's words it needs.
    pub needs: &'static [Meaning],
}

use Meaning::*;

/// Which preset it is: its name and purpose in the locale are `preset-{id}` and
/// `preset-{id}-about`, `{id}` as [`PresetId`] displays it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresetId {
    NewCustomers,
    ReturningCustomers,
    DiscountFans,
    NewArrivalsFans,
    Active,
    Silent,
    ColdLeads,
    WarmLeads,
    HotLeads,
    Sleeping,
    Reactivation,
    FromLanding,
    FromAds,
    FromQr,
    TzMoscow,
    TzUrals,
    TzSiberia,
    TzFarEast,
    NewSubscribers,
    Prospects,
    FirstTimeBuyers,
    RepeatBuyers,
    CrossSell,
    /// One RFM group.
    Rfm(RfmGroup),
}

impl std::fmt::Display for PresetId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let id = match self {
            PresetId::NewCustomers => "new-customers",
            PresetId::ReturningCustomers => "returning-customers",
            PresetId::DiscountFans => "discount-fans",
            PresetId::NewArrivalsFans => "new-arrivals-fans",
            PresetId::Active => "active",
            PresetId::Silent => "silent",
            PresetId::ColdLeads => "cold-leads",
            PresetId::WarmLeads => "warm-leads",
            PresetId::HotLeads => "hot-leads",
            PresetId::Sleeping => "sleeping",
            PresetId::Reactivation => "reactivation",
            PresetId::FromLanding => "from-landing",
            PresetId::FromAds => "from-ads",
            PresetId::FromQr => "from-qr",
            PresetId::TzMoscow => "tz-moscow",
            PresetId::TzUrals => "tz-urals",
            PresetId::TzSiberia => "tz-siberia",
            PresetId::TzFarEast => "tz-far-east",
            PresetId::NewSubscribers => "new-subscribers",
            PresetId::Prospects => "prospects",
            PresetId::FirstTimeBuyers => "first-time-buyers",
            PresetId::RepeatBuyers => "repeat-buyers",
            PresetId::CrossSell => "cross-sell",
            PresetId::Rfm(group) => return write!(f, "rfm-{}", group.as_str()),
        };
        f.write_str(id)
    }
}

/// Every preset, in the order the builder lists them.
pub const PRESETS: &[Preset] = &[
    preset(PresetId::NewCustomers, "preset-group-hypotheses", &[]),
    preset(PresetId::ReturningCustomers, "preset-group-hypotheses", &[]),
    preset(
        PresetId::DiscountFans,
        "preset-group-hypotheses",
        &[DiscountTag],
    ),
    preset(
        PresetId::NewArrivalsFans,
        "preset-group-hypotheses",
        &[NewArrivalsTag],
    ),
    preset(PresetId::Active, "preset-group-hypotheses", &[]),
    preset(PresetId::Silent, "preset-group-hypotheses", &[]),
    preset(PresetId::ColdLeads, "preset-group-leads", &[]),
    preset(PresetId::WarmLeads, "preset-group-leads", &[]),
    preset(PresetId::HotLeads, "preset-group-leads", &[]),
    preset(PresetId::Sleeping, "preset-group-reactivation", &[]),
    preset(PresetId::Reactivation, "preset-group-reactivation", &[]),
    preset(
        PresetId::FromLanding,
        "preset-group-sources",
        &[LandingSource],
    ),
    preset(PresetId::FromAds, "preset-group-sources", &[AdSource]),
    preset(PresetId::FromQr, "preset-group-sources", &[QrSource]),
    preset(PresetId::TzMoscow, "preset-group-zones", &[]),
    preset(PresetId::TzUrals, "preset-group-zones", &[]),
    preset(PresetId::TzSiberia, "preset-group-zones", &[]),
    preset(PresetId::TzFarEast, "preset-group-zones", &[]),
    preset(PresetId::NewSubscribers, "preset-group-journey", &[]),
    preset(PresetId::Prospects, "preset-group-journey", &[]),
    preset(PresetId::FirstTimeBuyers, "preset-group-journey", &[]),
    preset(PresetId::RepeatBuyers, "preset-group-journey", &[]),
    preset(
        PresetId::CrossSell,
        "preset-group-cross-sell",
        &[CrossSellBought, CrossSellMissing],
    ),
    preset(PresetId::Rfm(RfmGroup::Champions), "preset-group-rfm", &[]),
    preset(PresetId::Rfm(RfmGroup::Loyal), "preset-group-rfm", &[]),
    preset(
        PresetId::Rfm(RfmGroup::PotentialLoyalists),
        "preset-group-rfm",
        &[],
    ),
    preset(PresetId::Rfm(RfmGroup::New), "preset-group-rfm", &[]),
    preset(PresetId::Rfm(RfmGroup::Promising), "preset-group-rfm", &[]),
    preset(
        PresetId::Rfm(RfmGroup::NeedAttention),
        "preset-group-rfm",
        &[],
    ),
    preset(
        PresetId::Rfm(RfmGroup::AboutToSleep),
        "preset-group-rfm",
        &[],
    ),
    preset(PresetId::Rfm(RfmGroup::AtRisk), "preset-group-rfm", &[]),
    preset(PresetId::Rfm(RfmGroup::CantLose), "preset-group-rfm", &[]),
    preset(
        PresetId::Rfm(RfmGroup::Hibernating),
        "preset-group-rfm",
        &[],
    ),
    preset(PresetId::Rfm(RfmGroup::Lost), "preset-group-rfm", &[]),
];

const fn preset(id: PresetId, group: &'static str, needs: &'static [Meaning]) -> Preset {
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
            PresetId::NewCustomers => vec![
                orders(OrderMeasure::Count, Cmp::Eq, 1.0),
                orders(OrderMeasure::DaysSinceLast, Cmp::Le, 30.0),
            ],
            PresetId::ReturningCustomers => vec![
                orders(OrderMeasure::Count, Cmp::Ge, 2.0),
                orders(OrderMeasure::DaysSinceLast, Cmp::Le, 30.0),
            ],
            PresetId::DiscountFans => vec![has_tag(word(DiscountTag)?)],
            PresetId::NewArrivalsFans => vec![has_tag(word(NewArrivalsTag)?)],
            PresetId::Active => vec![engaged_within(30)],
            PresetId::Silent => vec![
                events(EventKind::Delivered, Some(60), Cmp::Ge, 1),
                group(Mode::None, vec![engaged_within(60)]),
            ],
            PresetId::ColdLeads => vec![
                Item::NeverOrdered,
                events(EventKind::Clicked, None, Cmp::Eq, 0),
                events(EventKind::Replied, None, Cmp::Eq, 0),
            ],
            PresetId::WarmLeads => vec![
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
            PresetId::HotLeads => vec![
                group(
                    Mode::Any,
                    vec![
                        events(EventKind::Clicked, Some(14), Cmp::Ge, 1),
                        events(EventKind::Replied, Some(14), Cmp::Ge, 1),
                    ],
                ),
                orders(OrderMeasure::Count, Cmp::Eq, 0.0),
            ],
            PresetId::Sleeping => vec![Item::Sleeping { campaigns: 3 }],
            PresetId::Reactivation => vec![
                orders(OrderMeasure::DaysSinceLast, Cmp::Gt, 90.0),
                Item::Consent { is: Consent::Yes },
                group(Mode::None, vec![Item::Sleeping { campaigns: 5 }]),
            ],
            PresetId::FromLanding => vec![source(word(LandingSource)?)],
            PresetId::FromAds => vec![source(word(AdSource)?)],
            PresetId::FromQr => vec![source(word(QrSource)?)],
            PresetId::TzMoscow => vec![zones(MOSCOW)],
            PresetId::TzUrals => vec![zones(URALS)],
            PresetId::TzSiberia => vec![zones(SIBERIA)],
            PresetId::TzFarEast => vec![zones(FAR_EAST)],
            PresetId::NewSubscribers => vec![
                Item::Created(DateTest::WithinDays { days: 30 }),
                Item::NeverOrdered,
            ],
            PresetId::Prospects => vec![
                Item::NeverOrdered,
                Item::LastEvent {
                    kind: EventKind::Clicked,
                    when: Recency::LessThan { days: 90 },
                },
            ],
            PresetId::FirstTimeBuyers => vec![orders(OrderMeasure::Count, Cmp::Eq, 1.0)],
            PresetId::RepeatBuyers => vec![orders(OrderMeasure::Count, Cmp::Ge, 2.0)],
            PresetId::CrossSell => vec![
                bought(word(CrossSellBought)?),
                group(Mode::None, vec![bought(word(CrossSellMissing)?)]),
            ],
            PresetId::Rfm(group) => vec![Item::Rfm {
                groups: vec![group],
                r: None,
                f: None,
                m: None,
            }],
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
