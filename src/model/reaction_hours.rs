//! Each contact's best hour: the local hour their reads, clicks and replies of the last 180 days
//! come at, once at least three of them tell the person's own time rather than the hour the
//! messages were sent (DESIGN.md, "Best hour").
//!
//! A reaction tells the person's own time when the contact's reactions answer messages sent at
//! two or more different local hours, or, when every message went at the same hour, when it came
//! more than an hour after the message: a base always sent at 10:00 and read at once would only
//! mirror the send hour. A reaction weighs twice as much as one 60 days older; the weights are
//! counted from a fixed moment, so the sums of contacts refreshed on different days add up into a
//! segment's or the whole base's hours.

use chrono::{DateTime, Timelike};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::time::{Span, TimeOfDay};

/// How far back reactions count.
pub const WINDOW_DAYS: i64 = 180;
/// A reaction this many days older weighs half as much.
pub const HALF_LIFE_DAYS: f64 = 60.0;
/// The telling reactions a best hour needs.
pub const MIN_TELLING: u32 = 3;
/// A reaction more than this long after its message tells the person's time on its own.
const LATE_SECONDS: i64 = 3600;
/// The moment weights are counted from (2020-01-01 UTC).
const WEIGHT_EPOCH: i64 = 1_577_836_800;

/// One read, click or reply, and when the message it answers was sent (both unix seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reaction {
    pub sent_at: i64,
    pub at: i64,
}

/// Telling reactions by local hour: how many, and their weight.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hours {
    pub reactions: [u32; 24],
    pub weight: [f64; 24],
}

impl Hours {
    /// The reactions of one contact in zone `tz` that tell their own time, as of `now`.
    pub fn of(reactions: &[Reaction], tz: Tz, now: i64) -> Hours {
        let recent: Vec<&Reaction> = reactions
            .iter()
            .filter(|r| r.at <= now && r.at > now - WINDOW_DAYS * 86_400)
            .collect();
        let send_hours = recent
            .iter()
            .map(|r| local_hour(r.sent_at, tz))
            .fold(0u32, |seen, h| seen | (1 << h));
        let varied = send_hours.count_ones() >= 2;
        let mut hours = Hours::default();
        for r in recent {
            if varied || r.at - r.sent_at > LATE_SECONDS {
                hours.add(local_hour(r.at, tz), 1, weight(r.at));
            }
        }
        hours
    }

    /// Counts `reactions` of total `weight` at local `hour`.
    pub fn add(&mut self, hour: u8, reactions: u32, weight: f64) {
        let h = usize::from(hour % 24);
        self.reactions[h] += reactions;
        self.weight[h] += weight;
    }

    /// Adds another contact's hours (a segment's or the base's pool).
    pub fn absorb(&mut self, other: &Hours) {
        for h in 0..24 {
            self.reactions[h] += other.reactions[h];
            self.weight[h] += other.weight[h];
        }
    }

    pub fn total(&self) -> u32 {
        self.reactions.iter().sum()
    }

    /// The hour of the most weight, once there are enough telling reactions; of two equal, the
    /// earlier.
    pub fn best(&self) -> Option<u8> {
        if self.total() < MIN_TELLING {
            return None;
        }
        (0..24u8)
            .filter(|h| self.reactions[usize::from(*h)] > 0)
            .fold(None, |best: Option<u8>, h| match best {
                Some(b) if self.weight[usize::from(b)] >= self.weight[usize::from(h)] => Some(b),
                _ => Some(h),
            })
    }

    /// The hours that hold reactions: hour, count, weight (what the base keeps).
    pub fn rows(&self) -> impl Iterator<Item = (u8, u32, f64)> + '_ {
        (0..24u8)
            .filter(|h| self.reactions[usize::from(*h)] > 0)
            .map(|h| {
                (
                    h,
                    self.reactions[usize::from(h)],
                    self.weight[usize::from(h)],
                )
            })
    }
}

/// The local hour of moment `at` in `tz`.
pub fn local_hour(at: i64, tz: Tz) -> u8 {
    DateTime::from_timestamp(at, 0)
        .unwrap_or_default()
        .with_timezone(&tz)
        .hour() as u8
}

/// What a reaction at `at` weighs: doubling every 60 days from a fixed moment.
fn weight(at: i64) -> f64 {
    let days = (at - WEIGHT_EPOCH) as f64 / 86_400.0;
    (days / HALF_LIFE_DAYS).exp2()
}

/// Where a recipient's hour came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HourSource {
    /// Their own reactions.
    Learned,
    /// Their segment's reactions pooled.
    Segment,
    /// The whole base's reactions pooled.
    Base,
    /// No hour learned anywhere: the plan's time.
    Default,
}

impl HourSource {
    pub const ALL: [HourSource; 4] = [
        HourSource::Learned,
        HourSource::Segment,
        HourSource::Base,
        HourSource::Default,
    ];
}

/// "Each contact's best hour within the window": the hour learned for them (or their segment, or
/// the base) placed inside `window`, else `otherwise`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BestHour {
    pub window: Span,
    pub otherwise: TimeOfDay,
}

impl BestHour {
    /// The best hour within `window`, else `otherwise` when the window holds it, else the
    /// window's start.
    pub fn new(window: Span, otherwise: TimeOfDay) -> BestHour {
        let otherwise = if window.contains(otherwise.time()) {
            otherwise
        } else {
            window.from
        };
        BestHour { window, otherwise }
    }

    /// The local time for best hour `hour` (`None`: none learned): the hour itself when the
    /// window holds it, else the window's nearer end (its first minute, or the last whole hour
    /// inside it).
    pub fn time_for(&self, hour: Option<u8>) -> TimeOfDay {
        let Some(hour) = hour else {
            return self.otherwise;
        };
        let at = TimeOfDay::new(u16::from(hour), 0);
        if self.window.contains(at.time()) {
            return at;
        }
        let first = self.window.from;
        let last_minutes = self.window.minutes().saturating_sub(60);
        let last = TimeOfDay::new(0, (first.minutes + last_minutes - last_minutes % 60) % 1440);
        let distance = |a: TimeOfDay, b: TimeOfDay| {
            let d = (a.minutes + 1440 - b.minutes) % 1440;
            d.min(1440 - d)
        };
        if distance(at, last) < distance(at, first) {
            last
        } else {
            first
        }
    }
}
