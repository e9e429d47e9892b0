//! Settings that change results live in the base, so the CLI and the GUI give the same answers.

use chrono_tz::Tz;
use rusqlite::OptionalExtension;

use super::Store;
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::model::meaning::Meaning;
use crate::model::rfm::{Dimension, parse_cuts};

/// A setting of the base, as `adresat settings get|set` and the screens name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    OwnerTz,
    DefaultCountry,
    /// The base holds generated demo data (set by the demo, not offered to the owner).
    Demo,
    /// One of the owner's words a preset needs; empty until answered.
    Meaning(Meaning),
    /// The owner's own RFM date; empty for today.
    RfmAsOf,
    /// The owner's own cut points of a dimension; empty for quintiles.
    RfmCuts(Dimension),
    QuietHours,
    CapHours,
    CapWeek,
    WhatsappTier,
    BlockThreshold,
    UnsubscribeThreshold,
    /// Days after a delivered scenario step within which an order counts as its conversion.
    AttributionDays,
}

impl Setting {
    /// The settings the owner may read and change, in the order `adresat settings list` shows.
    pub const ALL: [Setting; 20] = [
        Setting::OwnerTz,
        Setting::DefaultCountry,
        Setting::Meaning(Meaning::DiscountTag),
        Setting::Meaning(Meaning::NewArrivalsTag),
        Setting::Meaning(Meaning::LandingSource),
        Setting::Meaning(Meaning::AdSource),
        Setting::Meaning(Meaning::QrSource),
        Setting::Meaning(Meaning::CrossSellBought),
        Setting::Meaning(Meaning::CrossSellMissing),
        Setting::RfmAsOf,
        Setting::RfmCuts(Dimension::Recency),
        Setting::RfmCuts(Dimension::Frequency),
        Setting::RfmCuts(Dimension::Monetary),
        Setting::QuietHours,
        Setting::CapHours,
        Setting::CapWeek,
        Setting::WhatsappTier,
        Setting::BlockThreshold,
        Setting::UnsubscribeThreshold,
        Setting::AttributionDays,
    ];

    /// Its key, as stored.
    pub fn key(self) -> &'static str {
        match self {
            Setting::OwnerTz => "owner_tz",
            Setting::DefaultCountry => "default_country",
            Setting::Demo => "demo",
            Setting::Meaning(m) => m.key(),
            Setting::RfmAsOf => "rfm.as_of",
            Setting::RfmCuts(d) => d.setting(),
            Setting::QuietHours => "plan.quiet_hours",
            Setting::CapHours => "plan.cap_hours",
            Setting::CapWeek => "plan.cap_week",
            Setting::WhatsappTier => "plan.whatsapp_tier",
            Setting::BlockThreshold => "results.block_threshold",
            Setting::UnsubscribeThreshold => "results.unsubscribe_threshold",
            Setting::AttributionDays => "results.attribution_days",
        }
    }

    /// The setting `key` names, the demo mark among them.
    pub fn parse(key: &str) -> Option<Setting> {
        Setting::ALL
            .into_iter()
            .chain([Setting::Demo])
            .find(|s| s.key() == key)
    }

    /// The message id of what it means.
    pub fn about(self) -> &'static str {
        match self {
            Setting::OwnerTz => "setting-owner-tz",
            Setting::DefaultCountry => "setting-default-country",
            Setting::Demo => "setting-demo",
            Setting::Meaning(m) => m.question(),
            Setting::RfmAsOf => "setting-rfm-as-of",
            Setting::RfmCuts(Dimension::Recency) => "setting-rfm-recency-cuts",
            Setting::RfmCuts(Dimension::Frequency) => "setting-rfm-frequency-cuts",
            Setting::RfmCuts(Dimension::Monetary) => "setting-rfm-monetary-cuts",
            Setting::QuietHours => "setting-plan-quiet-hours",
            Setting::CapHours => "setting-plan-cap-hours",
            Setting::CapWeek => "setting-plan-cap-week",
            Setting::WhatsappTier => "setting-plan-whatsapp-tier",
            Setting::BlockThreshold => "setting-results-block-threshold",
            Setting::UnsubscribeThreshold => "setting-results-unsubscribe-threshold",
            Setting::AttributionDays => "setting-results-attribution-days",
        }
    }

    /// Its value until the owner sets one: quiet 21:00–09:00, a day between messages, at most
    /// 3 a week, the tier of a new WhatsApp number (250 unique people a day); warnings above
    /// 1 % blocks or 2 % unsubscribes; the owner's words and RFM choices empty.
    pub fn default_value(self) -> String {
        let defaults = Settings::default();
        match self {
            Setting::OwnerTz => defaults.owner_tz.name().to_owned(),
            Setting::DefaultCountry => defaults.default_country,
            Setting::Demo => "0".to_owned(),
            Setting::Meaning(_) | Setting::RfmAsOf | Setting::RfmCuts(_) => String::new(),
            Setting::QuietHours => "21:00-09:00".to_owned(),
            Setting::CapHours => "24".to_owned(),
            Setting::CapWeek => "3".to_owned(),
            Setting::WhatsappTier => "250".to_owned(),
            Setting::BlockThreshold => "1".to_owned(),
            Setting::UnsubscribeThreshold => "2".to_owned(),
            Setting::AttributionDays => "3".to_owned(),
        }
    }
}

/// The WhatsApp tiers: unique people a number may message in a rolling 24 hours.
pub const WHATSAPP_TIERS: &[&str] = &["250", "2000", "10000", "100000", "unlimited"];

/// The settings of one base, with the defaults of a Russian small business.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// The owner's time zone: dates without an offset are read in it, "today" is its day.
    pub owner_tz: Tz,
    /// The country a phone without a country code belongs to (ISO 3166 alpha-2).
    pub default_country: String,
    /// A base of generated demo data: marked wherever its name is shown and in its exports.
    pub demo: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            owner_tz: chrono_tz::Europe::Moscow,
            default_country: "RU".to_owned(),
            demo: false,
        }
    }
}

impl Setting {
    /// Checks `value` for the setting, returning it in its stored form.
    fn validate(self, value: &str) -> Result<String> {
        let value = value.trim();
        let off = value.is_empty() || value == "off";
        match self {
            Setting::OwnerTz => value
                .parse::<Tz>()
                .map(|tz| tz.name().to_owned())
                .map_err(|_| Error::user(Msg::new("error-bad-time-zone").arg("value", value))),
            Setting::DefaultCountry => {
                let code = value.to_ascii_uppercase();
                if code.len() == 2 && code.chars().all(|c| c.is_ascii_alphabetic()) {
                    Ok(code)
                } else {
                    Err(Error::user(
                        Msg::new("error-bad-country").arg("value", value),
                    ))
                }
            }
            Setting::Demo => Ok(if value == "1" { "1" } else { "0" }.to_owned()),
            Setting::Meaning(_) => Ok(value.to_owned()),
            Setting::QuietHours if off => Ok("off".to_owned()),
            Setting::QuietHours => crate::model::time::Span::parse(value).map(|s| s.to_string()),
            Setting::CapHours | Setting::CapWeek if off => Ok("off".to_owned()),
            Setting::CapHours | Setting::CapWeek => value
                .parse::<u32>()
                .ok()
                .filter(|n| *n > 0)
                .map(|n| n.to_string())
                .ok_or_else(|| Error::user(Msg::new("error-bad-number").arg("value", value))),
            Setting::WhatsappTier => WHATSAPP_TIERS
                .iter()
                .find(|t| **t == value.replace([' ', '\u{a0}', ','], ""))
                .map(|t| (*t).to_owned())
                .ok_or_else(|| {
                    Error::user(
                        Msg::new("error-bad-tier")
                            .arg("value", value)
                            .arg("tiers", WHATSAPP_TIERS.join(", ")),
                    )
                }),
            Setting::AttributionDays => value
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=90).contains(n))
                .map(|n| n.to_string())
                .ok_or_else(|| Error::user(Msg::new("error-bad-days").arg("value", value))),
            Setting::BlockThreshold | Setting::UnsubscribeThreshold => value
                .replace(',', ".")
                .trim_end_matches('%')
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|p| *p > 0.0 && *p <= 100.0)
                .map(|p| p.to_string())
                .ok_or_else(|| Error::user(Msg::new("error-bad-percent").arg("value", value))),
            Setting::RfmAsOf if value.is_empty() => Ok(String::new()),
            Setting::RfmAsOf => chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d")
                .map(|d| d.to_string())
                .map_err(|_| Error::user(Msg::new("rfm-error-date").arg("value", value))),
            Setting::RfmCuts(_) if value.is_empty() => Ok(String::new()),
            Setting::RfmCuts(d) => parse_cuts(d, value).map(|_| value.to_owned()),
        }
    }
}

/// The setting `key` names, or an error that lists the keys there are.
fn known(key: &str) -> Result<Setting> {
    Setting::parse(key).ok_or_else(|| unknown_key(key))
}

fn unknown_key(key: &str) -> Error {
    let keys: Vec<&str> = Setting::ALL.into_iter().map(Setting::key).collect();
    Error::user(
        Msg::new("error-unknown-setting")
            .arg("key", key)
            .arg("keys", keys.join(", ")),
    )
}

impl Store {
    /// All settings, defaults filled in.
    pub fn settings(&self) -> Result<Settings> {
        let mut settings = Settings::default();
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT key, value FROM settings")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (key, value) = row?;
            match key.as_str() {
                "owner_tz" => settings.owner_tz = value.parse().unwrap_or(settings.owner_tz),
                "default_country" => settings.default_country = value,
                "demo" => settings.demo = value == "1",
                _ => {}
            }
        }
        Ok(settings)
    }

    /// The stored or default value of `key`, as text.
    pub fn get_setting(&self, key: &str) -> Result<String> {
        let stored: Option<String> = self
            .conn()
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?;
        match stored {
            Some(value) => Ok(value),
            None => Ok(known(key)?.default_value()),
        }
    }

    /// Forgets the stored value of `key`: its default applies again.
    pub fn clear_setting(&self, key: &str) -> Result<()> {
        known(key)?;
        self.conn()
            .execute("DELETE FROM settings WHERE key = ?1", [key])?;
        Ok(())
    }

    /// Validates and stores `value` for `key`.
    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        let value = known(key)?.validate(value)?;
        self.conn().execute(
            "INSERT INTO settings(key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value.as_str()],
        )?;
        Ok(())
    }
}

/// What the base remembers for the owner beside the settings (the column choices made for a
/// file's headers): kept in the settings table under this prefix, never offered as a setting.
const MEMO_PREFIX: &str = "memo.";

impl Store {
    /// The value remembered under `key`, if any.
    pub fn memo(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT value FROM settings WHERE key = ?1",
                [format!("{MEMO_PREFIX}{key}")],
                |r| r.get(0),
            )
            .optional()?)
    }
}

impl super::Writer<'_> {
    /// Remembers `value` under `key`, with the rest of this transaction.
    pub fn set_memo(&self, key: &str, value: &str) -> Result<()> {
        self.tx.execute(
            "INSERT INTO settings(key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (format!("{MEMO_PREFIX}{key}"), value),
        )?;
        Ok(())
    }
}
