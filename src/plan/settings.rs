//! The rules of planning the base keeps (`plan.*` settings), typed and read in one place, so the
//! command line and the Plan screen plan alike and the defaults are the store's.

use super::Span;
use crate::error::Result;
use crate::store::{Setting, Store};

/// Quiet hours, caps and the WhatsApp tier as the base holds them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanSettings {
    /// No message inside these local hours; `None`: any time.
    pub quiet: Option<Span>,
    /// Skip a contact with a message within this many hours; `None`: no cap.
    pub cap_hours: Option<u32>,
    /// Skip a contact with this many messages or more in 7 days; `None`: no cap.
    pub cap_week: Option<u32>,
    /// WhatsApp: unique people per rolling 24 hours (the number's tier); `None`: unlimited.
    pub daily_limit: Option<u32>,
}

/// A stored word that turns a rule off.
fn off(word: &str) -> bool {
    word.is_empty() || word == "off"
}

impl PlanSettings {
    /// The settings of words as stored (`21:00-09:00`, `24`, `off`, `unlimited`); a word that does
    /// not read keeps the rule off rather than failing the plan.
    fn from_words(word: &dyn Fn(Setting) -> Result<String>) -> Result<PlanSettings> {
        let number = |key: Setting| -> Result<Option<u32>> {
            let w = word(key)?;
            Ok(if off(&w) { None } else { w.parse().ok() })
        };
        let quiet = word(Setting::QuietHours)?;
        Ok(PlanSettings {
            quiet: if off(&quiet) {
                None
            } else {
                Some(Span::parse(&quiet)?)
            },
            cap_hours: number(Setting::CapHours)?,
            cap_week: number(Setting::CapWeek)?,
            daily_limit: word(Setting::WhatsappTier)?.parse().ok(),
        })
    }

    /// The base's settings (its defaults where none is stored).
    pub fn read(store: &Store) -> Result<PlanSettings> {
        PlanSettings::from_words(&|key| store.get_setting(key.key()))
    }

    /// Keeps these settings in the base.
    pub fn save(&self, store: &Store) -> Result<()> {
        let number = |n: Option<u32>| n.map_or("off".to_owned(), |n| n.to_string());
        store.set_setting(
            Setting::QuietHours.key(),
            &self.quiet.map_or("off".to_owned(), |q| q.to_string()),
        )?;
        store.set_setting(Setting::CapHours.key(), &number(self.cap_hours))?;
        store.set_setting(Setting::CapWeek.key(), &number(self.cap_week))?;
        let tier = self
            .daily_limit
            .map_or("unlimited".to_owned(), |n| n.to_string());
        store.set_setting(Setting::WhatsappTier.key(), &tier)
    }
}

impl Default for PlanSettings {
    /// The store's defaults: quiet 21:00–09:00, 24 hours and 3 a week, the 250 tier.
    fn default() -> Self {
        PlanSettings::from_words(&|key| Ok(key.default_value())).expect("the store's defaults read")
    }
}
