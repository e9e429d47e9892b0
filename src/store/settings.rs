//! Settings that change results live in the base, so the CLI and the GUI give the same answers.

use chrono_tz::Tz;
use rusqlite::OptionalExtension;

use super::Store;
use crate::error::{Error, Result};
use crate::i18n::Msg;

/// The keys `adresat settings get|set` accepts, with what they mean.
pub const SETTING_KEYS: &[(&str, &str)] = &[
    ("owner_tz", "setting-owner-tz"),
    ("default_country", "setting-default-country"),
    ("meaning.discount_tag", "setting-meaning-discount-tag"),
    (
        "meaning.new_arrivals_tag",
        "setting-meaning-new-arrivals-tag",
    ),
    ("meaning.landing_source", "setting-meaning-landing-source"),
    ("meaning.ad_source", "setting-meaning-ad-source"),
    ("meaning.qr_source", "setting-meaning-qr-source"),
    (
        "meaning.cross_sell_bought",
        "setting-meaning-cross-sell-bought",
    ),
    (
        "meaning.cross_sell_missing",
        "setting-meaning-cross-sell-missing",
    ),
    ("rfm.as_of", "setting-rfm-as-of"),
    ("rfm.recency_cuts", "setting-rfm-recency-cuts"),
    ("rfm.frequency_cuts", "setting-rfm-frequency-cuts"),
    ("rfm.monetary_cuts", "setting-rfm-monetary-cuts"),
    ("plan.quiet_hours", "setting-plan-quiet-hours"),
    ("plan.cap_hours", "setting-plan-cap-hours"),
    ("plan.cap_week", "setting-plan-cap-week"),
    ("plan.whatsapp_tier", "setting-plan-whatsapp-tier"),
    ("results.block_threshold", "setting-results-block-threshold"),
    (
        "results.unsubscribe_threshold",
        "setting-results-unsubscribe-threshold",
    ),
];

/// Defaults of the plan and results settings: quiet 21:00–09:00, a day between messages, at
/// most 3 a week, the tier of a new WhatsApp number (250 unique people a day); warnings above
/// 1 % blocks or 2 % unsubscribes.
const PLAN_DEFAULTS: &[(&str, &str)] = &[
    ("plan.quiet_hours", "21:00-09:00"),
    ("plan.cap_hours", "24"),
    ("plan.cap_week", "3"),
    ("plan.whatsapp_tier", "250"),
    ("results.block_threshold", "1"),
    ("results.unsubscribe_threshold", "2"),
];

/// The default of a setting that has one (the plan's rules, the results' thresholds).
pub fn default_setting(key: &str) -> Option<&'static str> {
    PLAN_DEFAULTS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| *v)
}

/// The WhatsApp tiers: unique people a number may message in a rolling 24 hours.
pub const WHATSAPP_TIERS: &[&str] = &["250", "2000", "10000", "100000", "unlimited"];

/// Settings that name one of the owner's own words (a tag, a source, a category): the presets
/// that depend on them ask once and keep the answer here. Empty until answered.
fn is_meaning(key: &str) -> bool {
    key.starts_with("meaning.") && is_known(key)
}

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

/// Checks a value for `key`, returning it in its stored form.
fn validate(key: &str, value: &str) -> Result<String> {
    let value = value.trim();
    match key {
        "owner_tz" => value
            .parse::<Tz>()
            .map(|tz| tz.name().to_owned())
            .map_err(|_| Error::user(Msg::new("error-bad-time-zone").arg("value", value))),
        "default_country" => {
            let code = value.to_ascii_uppercase();
            if code.len() == 2 && code.chars().all(|c| c.is_ascii_alphabetic()) {
                Ok(code)
            } else {
                Err(Error::user(
                    Msg::new("error-bad-country").arg("value", value),
                ))
            }
        }
        "demo" => Ok(if value == "1" { "1" } else { "0" }.to_owned()),
        _ if is_meaning(key) => Ok(value.to_owned()),
        "plan.quiet_hours" if value.is_empty() || value == "off" => Ok("off".to_owned()),
        "plan.quiet_hours" => crate::model::time::Span::parse(value).map(|s| s.to_string()),
        "plan.cap_hours" | "plan.cap_week" if value.is_empty() || value == "off" => {
            Ok("off".to_owned())
        }
        "plan.cap_hours" | "plan.cap_week" => value
            .parse::<u32>()
            .ok()
            .filter(|n| *n > 0)
            .map(|n| n.to_string())
            .ok_or_else(|| Error::user(Msg::new("error-bad-number").arg("value", value))),
        "plan.whatsapp_tier" => WHATSAPP_TIERS
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
        "results.block_threshold" | "results.unsubscribe_threshold" => value
            .replace(',', ".")
            .trim_end_matches('%')
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|p| *p > 0.0 && *p <= 100.0)
            .map(|p| p.to_string())
            .ok_or_else(|| Error::user(Msg::new("error-bad-percent").arg("value", value))),
        "rfm.as_of" if value.is_empty() => Ok(String::new()),
        "rfm.as_of" => chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d")
            .map(|d| d.to_string())
            .map_err(|_| Error::user(Msg::new("rfm-error-date").arg("value", value))),
        _ => match crate::model::rfm::Dimension::ALL
            .into_iter()
            .find(|d| d.setting() == key)
        {
            Some(_) if value.is_empty() => Ok(String::new()),
            Some(d) => crate::model::rfm::parse_cuts(d, value).map(|_| value.to_owned()),
            None => Err(unknown_key(key)),
        },
    }
}

fn is_known(key: &str) -> bool {
    SETTING_KEYS.iter().any(|(k, _)| *k == key)
}

fn unknown_key(key: &str) -> Error {
    let keys: Vec<&str> = SETTING_KEYS.iter().map(|(k, _)| *k).collect();
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
        if let Some(value) = stored {
            return Ok(value);
        }
        let defaults = Settings::default();
        match key {
            "owner_tz" => Ok(defaults.owner_tz.name().to_owned()),
            "default_country" => Ok(defaults.default_country),
            "demo" => Ok("0".to_owned()),
            _ if let Some(v) = default_setting(key) => Ok(v.to_owned()),
            // The owner's words and the RFM choices are empty until set.
            _ if is_known(key) => Ok(String::new()),
            _ => Err(unknown_key(key)),
        }
    }

    /// Forgets the stored value of `key`: its default applies again.
    pub fn clear_setting(&self, key: &str) -> Result<()> {
        if !is_known(key) {
            return Err(unknown_key(key));
        }
        self.conn()
            .execute("DELETE FROM settings WHERE key = ?1", [key])?;
        Ok(())
    }

    /// Validates and stores `value` for `key`.
    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        let value = validate(key, value)?;
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
