//! The owner's own words the ready-made segments need — which tag means "likes discounts",
//! which source is the landing page — asked once and kept as settings of the base.

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
    pub const ALL: [Meaning; 7] = [
        Meaning::DiscountTag,
        Meaning::NewArrivalsTag,
        Meaning::LandingSource,
        Meaning::AdSource,
        Meaning::QrSource,
        Meaning::CrossSellBought,
        Meaning::CrossSellMissing,
    ];

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
