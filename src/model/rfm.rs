//! RFM's vocabulary: the named groups of the R×F grid, the three dimensions and their cut
//! points, a scored customer. How scores are computed lives in [`crate::rfm`].

use serde::Serialize;

use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg, tr_in};

/// A named group of the R×F grid.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    Champions,
    Loyal,
    PotentialLoyalists,
    New,
    Promising,
    NeedAttention,
    AboutToSleep,
    AtRisk,
    CantLose,
    Hibernating,
    Lost,
}

impl Group {
    pub const ALL: [Group; 11] = [
        Group::Champions,
        Group::Loyal,
        Group::PotentialLoyalists,
        Group::New,
        Group::Promising,
        Group::NeedAttention,
        Group::AboutToSleep,
        Group::AtRisk,
        Group::CantLose,
        Group::Hibernating,
        Group::Lost,
    ];

    /// The name stored and written to files.
    pub fn as_str(self) -> &'static str {
        match self {
            Group::Champions => "champions",
            Group::Loyal => "loyal",
            Group::PotentialLoyalists => "potential_loyalists",
            Group::New => "new",
            Group::Promising => "promising",
            Group::NeedAttention => "need_attention",
            Group::AboutToSleep => "about_to_sleep",
            Group::AtRisk => "at_risk",
            Group::CantLose => "cant_lose",
            Group::Hibernating => "hibernating",
            Group::Lost => "lost",
        }
    }

    pub fn parse(s: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.as_str() == s)
    }

    /// The group's name in `lang`.
    pub fn label(self, lang: Lang) -> String {
        tr_in(lang, &format!("rfm-group-{}", self.as_str()), &[])
    }

    /// The group of the cell (`r`, `f`), both 1–5. See [`GRID`].
    pub fn of(r: u8, f: u8) -> Group {
        GRID[5 - r.clamp(1, 5) as usize][f.clamp(1, 5) as usize - 1]
    }
}

use Group::*;

/// The R×F grid, recency 5 (top row) down to 1, frequency 1 (left) to 5. It is the widely used
/// RFM segment map (the "Champions … Hibernating" grid of R and F scores popularised by Putler's
/// RFM guide and reproduced in most RFM tutorials), with its bottom-left corner — the customers
/// both longest gone and rarest — named "lost" instead of "hibernating": R = 1, F = 1–2.
/// `docs/rfm.md` shows it as a table.
pub const GRID: [[Group; 5]; 5] = [
    [
        New,
        PotentialLoyalists,
        PotentialLoyalists,
        Champions,
        Champions,
    ],
    [
        Promising,
        PotentialLoyalists,
        PotentialLoyalists,
        Loyal,
        Loyal,
    ],
    [AboutToSleep, AboutToSleep, NeedAttention, Loyal, Loyal],
    [Hibernating, Hibernating, AtRisk, AtRisk, CantLose],
    [Lost, Lost, AtRisk, AtRisk, CantLose],
];

/// A dimension of RFM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Recency,
    Frequency,
    Monetary,
}

impl Dimension {
    pub const ALL: [Dimension; 3] = [
        Dimension::Recency,
        Dimension::Frequency,
        Dimension::Monetary,
    ];

    /// The dimension's name in `lang`, with its unit.
    pub fn label(self, lang: Lang) -> String {
        let key = match self {
            Dimension::Recency => "rfm-dim-recency",
            Dimension::Frequency => "rfm-dim-frequency",
            Dimension::Monetary => "rfm-dim-monetary",
        };
        tr_in(lang, key, &[])
    }

    /// The settings key of the owner's own cut points.
    pub fn setting(self) -> &'static str {
        match self {
            Dimension::Recency => "rfm.recency_cuts",
            Dimension::Frequency => "rfm.frequency_cuts",
            Dimension::Monetary => "rfm.monetary_cuts",
        }
    }

    /// The score of `value` against `cuts`.
    pub fn score(self, value: i64, cuts: &[i64; 4]) -> u8 {
        let above = cuts.iter().filter(|c| value > **c).count() as u8;
        match self {
            Dimension::Recency => 5 - above,
            Dimension::Frequency | Dimension::Monetary => 1 + above,
        }
    }
}

/// One scored customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Scored {
    pub contact_id: i64,
    pub recency_days: i64,
    pub frequency: i64,
    pub monetary_kop: i64,
    pub r: u8,
    pub f: u8,
    pub m: u8,
    pub group: Group,
}

/// Reads four ascending cut points ("30, 60, 120, 240"); money in roubles.
pub fn parse_cuts(d: Dimension, text: &str) -> Result<[i64; 4]> {
    let bad = || {
        Error::user(
            Msg::new("rfm-error-cuts")
                .arg("key", d.setting())
                .arg("value", text),
        )
    };
    let numbers: Vec<i64> = text
        .split([',', ';', ' '])
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            let p = p.trim().replace(',', ".");
            match d {
                Dimension::Monetary => p
                    .parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite() && *v >= 0.0)
                    .map(|v| (v * 100.0).round() as i64),
                _ => p.parse::<i64>().ok().filter(|v| *v >= 0),
            }
        })
        .collect::<Option<_>>()
        .ok_or_else(bad)?;
    let cuts: [i64; 4] = numbers.try_into().map_err(|_| bad())?;
    if cuts.windows(2).any(|w| w[0] > w[1]) {
        return Err(bad());
    }
    Ok(cuts)
}
