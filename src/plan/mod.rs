//! Send plans: every recipient of a campaign with the exact moment to send, in their own time,
//! inside the rules — consent, quiet hours, frequency caps, the messenger's limits — and every
//! contact of the campaign's segments either planned or excluded with exactly one reason.
//!
//! How a plan is made ([`build`]):
//! 1. The campaign's audience: the first matching variant per contact, or the first failing
//!    reason of [`crate::campaign::Exclusion`] (no consent, unsubscribed, blocked, never send,
//!    other channel, no address).
//! 2. Each recipient's local send time: the given time, or a window spread evenly over each
//!    zone's recipients (to the minute). On the plan's date, in the contact's own zone, through
//!    DST changes (a time in the spring gap moves forward); inside the quiet hours, moved to
//!    their end; already past, moved to the next day.
//! 3. Frequency caps, against earlier saved plans and imported `sent` events: a contact with a
//!    message within N hours of the moment, or with K or more in the 7 days before it, is
//!    excluded as "capped" (the last reason).
//! 4. WhatsApp: at most L unique people in any rolling 24 hours (the number's tier), earlier plans
//!    and sends counted. Recipients are placed in priority order; one who does not fit moves to
//!    the same local time on the next day that has room. Telegram: at most 30 messages a second.

pub mod batches;
mod build;
mod clock;
pub mod estimate;
pub mod export;
mod learned;
mod limit;
pub mod profile;
pub mod review;
pub mod saved;
mod settings;
mod sinks;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

pub use build::build;
pub(crate) use build::{is_capped, pace_outside_quiet};
pub use clock::{Span, TimeOfDay, out_of_quiet, resolve, send_moment};
pub use learned::{HourCounts, Learned};
pub use limit::{RollingLimit, TELEGRAM_PER_SECOND, WINDOW, pace};
pub use settings::PlanSettings;

use crate::campaign::{Arm, Campaign, Exclusion};
use crate::error::Result;
use crate::store::{PlanHeader, SavedItem, Store};

/// When in their own day recipients get the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Timing {
    At(TimeOfDay),
    /// Spread evenly over the span, per time zone.
    Window(Span),
    /// Each contact's best hour within the window (`model::reaction_hours`).
    BestHour(crate::model::reaction_hours::BestHour),
}

/// Who goes first when the limit pushes some to later days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// The campaign's variant order, then contact number.
    Variant,
    /// The best RFM score (R + F + M) first; contacts without one last.
    Rfm,
}

/// What a plan is made with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Options {
    pub date: NaiveDate,
    pub timing: Timing,
    /// No message inside these local hours (21:00–09:00 by default); `None`: any time.
    pub quiet: Option<Span>,
    /// Skip a contact with a message within this many hours of the moment (24 by default).
    pub cap_hours: Option<u32>,
    /// Skip a contact with this many messages or more in the 7 days before the moment (3).
    pub cap_week: Option<u32>,
    /// WhatsApp: unique people per rolling 24 hours (the number's tier); `None`: unlimited.
    pub daily_limit: Option<u32>,
    pub priority: Priority,
}

impl Options {
    /// The defaults for `date`: 10:00, the rules of [`PlanSettings::default`] but the WhatsApp
    /// limit, which is `daily_limit`.
    pub fn new(date: NaiveDate, daily_limit: Option<u32>) -> Options {
        Options {
            daily_limit,
            ..Options::with(date, PlanSettings::default())
        }
    }

    /// The options for `date` from the base's settings (`plan.*`).
    pub fn from_settings(store: &Store, date: NaiveDate) -> Result<Options> {
        Ok(Options::with(date, PlanSettings::read(store)?))
    }

    /// The rules these options keep in the base's settings.
    pub fn rules(&self) -> PlanSettings {
        PlanSettings {
            quiet: self.quiet,
            cap_hours: self.cap_hours,
            cap_week: self.cap_week,
            daily_limit: self.daily_limit,
        }
    }

    /// The options for `date` under `rules`: 10:00, contacts in variant order.
    pub fn with(date: NaiveDate, rules: PlanSettings) -> Options {
        Options {
            date,
            timing: Timing::At(TimeOfDay::new(10, 0)),
            quiet: rules.quiet,
            cap_hours: rules.cap_hours,
            cap_week: rules.cap_week,
            daily_limit: rules.daily_limit,
            priority: Priority::Variant,
        }
    }
}

/// Why a contact of the campaign's segments is not in the plan: the audience's reasons, then
/// the caps. Every contact has exactly one, the first that applies in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reason {
    Audience(Exclusion),
    /// A message within the cap's hours, or too many in the last 7 days.
    Capped,
}

impl Reason {
    /// Every reason, in the order they are checked.
    pub fn all() -> Vec<Reason> {
        Exclusion::ALL
            .iter()
            .map(|e| Reason::Audience(*e))
            .chain([Reason::Capped])
            .collect()
    }

    /// The reason in words.
    pub fn msg(self) -> crate::i18n::Msg {
        match self {
            Reason::Audience(e) => e.msg(),
            Reason::Capped => crate::i18n::Msg::new("exclusion-capped"),
        }
    }

    /// Its stable name in files (`no_consent`, …, `capped`).
    pub fn key(self) -> &'static str {
        match self {
            Reason::Audience(e) => e.key(),
            Reason::Capped => "capped",
        }
    }
}

impl Serialize for Reason {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

/// One planned message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Planned {
    pub contact_id: i64,
    pub variant: usize,
    pub arm: Arm,
    /// Unix seconds, UTC.
    pub send_at: i64,
    pub tz: Tz,
    /// Moved to a later day because the limit was reached on the earlier ones.
    pub moved: bool,
}

/// A contact of the segments left out, with the variant they would have had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Left {
    pub contact_id: i64,
    pub variant: usize,
    pub reason: Reason,
}

/// A plan: the planned messages (by contact id) and those left out.
#[derive(Debug, Clone)]
pub struct Plan {
    pub campaign: Campaign,
    pub options: Options,
    pub items: Vec<Planned>,
    pub left: Vec<Left>,
    /// A plan of the demo base: its exports are marked.
    pub demo: bool,
    /// The most messages any rolling 24 hours holds, earlier plans and sends included (WhatsApp
    /// with a limit only).
    pub fullest_window: Option<u32>,
    /// The moment it was made: its "now", and the time it is saved with.
    pub made_at: DateTime<Utc>,
    /// The moment of the scenario run it belongs to (a scenario's steps as its variants): its
    /// message ids carry it to the minute, so each run's ids are its own.
    pub run_at: Option<DateTime<Utc>>,
    /// A scenario run's plan: what each recipient's trigger was about, by contact.
    pub triggers: Vec<(i64, crate::model::scenario::TriggerFacts)>,
    /// On "each contact's best hour": how many recipients got which kind of hour.
    pub hour_counts: Option<HourCounts>,
}

/// The plan's counts: per variant and arm, per day, per reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub campaign: String,
    pub date: NaiveDate,
    pub planned: u64,
    pub segments_size: u64,
    /// Variant name, arm, count.
    pub per_variant: Vec<(String, Arm, u64)>,
    /// Date of the owner's zone, count.
    pub per_day: Vec<(NaiveDate, u64)>,
    pub excluded: Vec<(Reason, u64)>,
    pub moved_later: u64,
    pub fullest_window: Option<u32>,
    pub daily_limit: Option<u32>,
    /// On "each contact's best hour": how many got a learned hour, a segment's, the base's or
    /// the plan's time.
    pub best_hours: Option<HourCounts>,
}

/// FNV-1a, 32 bits: the campaign's part of a message id.
fn fnv32(text: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in text.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}

impl Plan {
    /// The start of the plan's message ids: the campaign's hash and the plan's date; a scenario
    /// run's: the scenario's hash and the run's moment (UTC, to the minute).
    pub fn id_prefix(&self) -> String {
        let hash = fnv32(&self.campaign.name);
        match self.run_at {
            Some(at) => format!("{hash:08x}-{}", at.format("%Y%m%d%H%M")),
            None => format!("{hash:08x}-{}", self.options.date.format("%Y%m%d")),
        }
    }

    /// The stable id of the message to `contact_id`: the campaign's hash, the plan's date and
    /// the contact (`9f3a01c2-20261201-4711`). The same plan made again gives the same ids.
    pub fn message_id(&self, contact_id: i64) -> String {
        format!("{}-{contact_id}", self.id_prefix())
    }

    /// The recipients of `items` as the renderer takes them.
    pub fn recipients(items: &[Planned]) -> Vec<crate::campaign::Assigned> {
        items
            .iter()
            .map(|p| crate::campaign::Assigned {
                contact_id: p.contact_id,
                variant: p.variant,
                arm: p.arm,
                time_zone: Some(p.tz),
            })
            .collect()
    }

    /// The counts of the plan, days in the owner's zone `owner`.
    pub fn summary(&self, owner: Tz) -> Summary {
        let mut per_variant = Vec::new();
        for (i, v) in self.campaign.variants.iter().enumerate() {
            for arm in Arm::BOTH {
                let n = self
                    .items
                    .iter()
                    .filter(|p| p.variant == i && p.arm == arm)
                    .count() as u64;
                if n > 0 || (arm == Arm::A && v.b.is_none()) {
                    per_variant.push((v.name.clone(), arm, n));
                }
            }
        }
        let mut days: std::collections::BTreeMap<NaiveDate, u64> = Default::default();
        for p in &self.items {
            let day = DateTime::from_timestamp(p.send_at, 0)
                .unwrap_or_default()
                .with_timezone(&owner)
                .date_naive();
            *days.entry(day).or_default() += 1;
        }
        let excluded = Reason::all()
            .into_iter()
            .map(|r| (r, self.left.iter().filter(|l| l.reason == r).count() as u64))
            .collect();
        Summary {
            campaign: self.campaign.name.clone(),
            date: self.options.date,
            planned: self.items.len() as u64,
            segments_size: (self.items.len() + self.left.len()) as u64,
            per_variant,
            per_day: days.into_iter().collect(),
            excluded,
            moved_later: self.items.iter().filter(|p| p.moved).count() as u64,
            fullest_window: self.fullest_window,
            daily_limit: self.options.daily_limit,
            best_hours: self.hour_counts,
        }
    }

    /// Sends per hour of the day, in UTC and in the recipients' own time.
    pub fn hours(&self) -> ([u64; 24], [u64; 24]) {
        use chrono::Timelike;
        let mut utc = [0; 24];
        let mut local = [0; 24];
        for p in &self.items {
            let at = DateTime::from_timestamp(p.send_at, 0).unwrap_or_default();
            utc[at.hour() as usize] += 1;
            local[at.with_timezone(&p.tz).hour() as usize] += 1;
        }
        (utc, local)
    }

    /// Saves the plan in the base (replacing the campaign's plan for the same date).
    pub fn save(&self, store: &mut Store) -> Result<i64> {
        self.save_when(store, &mut || Ok(()))
    }

    /// Saves the plan in the base, committing only if `confirm` agrees once it is written.
    pub fn save_when(
        &self,
        store: &mut Store,
        confirm: &mut dyn FnMut() -> Result<()>,
    ) -> Result<i64> {
        let header = self.header();
        let mut items = self.saved_items();
        store.save_plan(&header, &mut items, confirm)
    }

    /// The plan's header as the base keeps it; a scenario run's plan is dated to its minute.
    pub fn header(&self) -> PlanHeader {
        let plan_date = match self.run_at {
            Some(at) => at.format("%Y-%m-%d %H:%M UTC").to_string(),
            None => self.options.date.to_string(),
        };
        PlanHeader {
            campaign: self.campaign.name.clone(),
            plan_date,
            id_prefix: self.id_prefix(),
            snapshot: self.campaign.to_json(),
            options: serde_json::to_string(&self.options).unwrap_or_default(),
            created_at: crate::model::time::Moment::of(self.made_at),
            run_at: self.run_at.map(|at| at.timestamp()),
        }
    }

    /// The plan's messages as the base keeps them.
    pub fn saved_items(&self) -> impl Iterator<Item = SavedItem> + '_ {
        self.items.iter().map(|p| SavedItem {
            contact_id: p.contact_id,
            variant: p.variant as u32,
            arm: p.arm,
            send_at: p.send_at,
        })
    }
}
