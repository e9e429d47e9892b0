//! Local times and their moments: "10:00 on the 1st in the contact's own zone" as a UTC moment,
//! through daylight-saving changes, with quiet hours respected.
//!
//! - A local time that does not exist (the spring-forward gap) moves forward by the gap: 02:30
//!   in Berlin on the last Sunday of March is 03:30 CEST.
//! - A local time that exists twice (autumn) is the first of the two.
//! - A moment inside the quiet hours moves to their end (the next allowed local time).

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::i18n::Msg;

/// A local time of day, to the minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TimeOfDay {
    /// Minutes after midnight, 0–1439.
    pub minutes: u16,
}

impl TimeOfDay {
    pub fn new(hour: u16, minute: u16) -> TimeOfDay {
        TimeOfDay {
            minutes: (hour * 60 + minute) % 1440,
        }
    }

    /// Reads `HH:MM` (or `H:MM`, or `HH`).
    pub fn parse(text: &str) -> Result<TimeOfDay> {
        let bad = || Error::user(Msg::new("plan-error-time").arg("value", text.trim()));
        let (h, m) = match text.trim().split_once([':', '.']) {
            Some((h, m)) => (h, m),
            None => (text.trim(), "0"),
        };
        let hour: u16 = h.trim().parse().map_err(|_| bad())?;
        let minute: u16 = m.trim().parse().map_err(|_| bad())?;
        if hour > 23 || minute > 59 {
            return Err(bad());
        }
        Ok(TimeOfDay::new(hour, minute))
    }

    pub fn time(self) -> NaiveTime {
        NaiveTime::from_hms_opt(
            u32::from(self.minutes / 60),
            u32::from(self.minutes % 60),
            0,
        )
        .unwrap_or(NaiveTime::MIN)
    }
}

impl std::fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.minutes / 60, self.minutes % 60)
    }
}

/// A span of local times, possibly across midnight (`21:00–09:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub from: TimeOfDay,
    pub to: TimeOfDay,
}

impl Span {
    /// Reads `HH:MM-HH:MM` (a dash, an en dash or `..`).
    pub fn parse(text: &str) -> Result<Span> {
        let t = text.trim();
        let (a, b) = t
            .split_once('–')
            .or_else(|| t.split_once(".."))
            .or_else(|| t.split_once('-'))
            .ok_or_else(|| Error::user(Msg::new("plan-error-span").arg("value", t)))?;
        Ok(Span {
            from: TimeOfDay::parse(a)?,
            to: TimeOfDay::parse(b)?,
        })
    }

    /// Whether local time `t` is inside (the start included, the end not).
    pub fn contains(&self, t: NaiveTime) -> bool {
        let m = minutes_of(t);
        let (from, to) = (self.from.minutes, self.to.minutes);
        match from.cmp(&to) {
            std::cmp::Ordering::Less => from <= m && m < to,
            std::cmp::Ordering::Greater => m >= from || m < to,
            std::cmp::Ordering::Equal => false,
        }
    }

    /// Its length in minutes (a span across midnight wraps).
    pub fn minutes(&self) -> u16 {
        (self.to.minutes + 1440 - self.from.minutes) % 1440
    }
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.from, self.to)
    }
}

fn minutes_of(t: NaiveTime) -> u16 {
    use chrono::Timelike;
    (t.hour() * 60 + t.minute()) as u16
}

/// The moment local `at` happens in `tz`: in a gap, moved forward by the gap; when it happens
/// twice, the first time.
pub fn resolve(tz: Tz, at: NaiveDateTime) -> DateTime<Utc> {
    match tz.from_local_datetime(&at) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
        LocalResult::None => {
            // The clocks jumped over `at`: the offset before the jump, applied to `at`, names the
            // instant the wall clock would have shown it — the same distance past the jump.
            let before = tz.offset_from_utc_datetime(&(at - Duration::hours(6)));
            let naive_utc = at - offset_of(&before);
            Utc.from_utc_datetime(&naive_utc)
        }
    }
}

fn offset_of(offset: &<Tz as TimeZone>::Offset) -> Duration {
    use chrono::Offset;
    Duration::seconds(i64::from(offset.fix().local_minus_utc()))
}

/// The first moment at or after local `date` + `time` in `tz` outside `quiet`: a time inside the
/// quiet hours moves to their end, on the same night.
pub fn send_moment(tz: Tz, date: NaiveDate, time: NaiveTime, quiet: Option<Span>) -> DateTime<Utc> {
    let moment = resolve(tz, date.and_time(time));
    match quiet {
        Some(q) => out_of_quiet(tz, moment, q),
        None => moment,
    }
}

/// `moment`, or the end of the quiet hours it falls in (local to `tz`).
pub fn out_of_quiet(tz: Tz, moment: DateTime<Utc>, quiet: Span) -> DateTime<Utc> {
    let local = moment.with_timezone(&tz).naive_local();
    if !quiet.contains(local.time()) {
        return moment;
    }
    let end = quiet.to.time();
    let day = if local.time() < end {
        local.date()
    } else {
        local.date() + Duration::days(1)
    };
    resolve(tz, day.and_time(end))
}
