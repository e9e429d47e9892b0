//! Time as every area tells it: the stored form of a moment (UTC, RFC 3339), a local time of
//! day and a span of them (quiet hours, send windows), and what "today" is for the owner.

use chrono::{DateTime, Days, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::i18n::Msg;

/// A moment as the base keeps it: UTC, RFC 3339, whole seconds, `Z` (`2026-03-01T09:30:00Z`).
///
/// It holds the stored text, not a parsed value, because almost every use only compares,
/// shows or writes it back — and that form sorts as time does — so a million rows read
/// cost no parsing; [`Moment::utc`] gives the chrono value where arithmetic needs one. The
/// only ways to make one check the form, so a field of this type is never any other text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct Moment(String);

impl Moment {
    /// The moment `dt`, to the whole second. RFC 3339 writes four-digit years only, so a
    /// moment outside the years 1–9999 (a rule's "in the last million days") is held at the
    /// nearest one it can write: for every comparison the base makes, that is "ever".
    pub fn of(dt: DateTime<Utc>) -> Moment {
        let dt = dt.clamp(writable(FIRST_WRITABLE_DAY), writable(LAST_WRITABLE_DAY));
        Moment(dt.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
    }

    /// Reads any RFC 3339 moment (any offset, any fraction) into the stored form; `None`
    /// when `text` is not one.
    pub fn parse(text: &str) -> Option<Moment> {
        let text = text.trim();
        if stored_form(text).is_some() {
            return Some(Moment(text.to_string()));
        }
        DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|dt| Moment::of(dt.with_timezone(&Utc)))
    }

    /// The stored text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The moment as chrono's value, for arithmetic.
    pub fn utc(&self) -> DateTime<Utc> {
        stored_form(&self.0).unwrap_or_else(|| {
            // Only a leap second (`:60`) is stored in a form the quick reading refuses.
            DateTime::parse_from_rfc3339(&self.0)
                .map(|dt| dt.with_timezone(&Utc))
                .expect("a Moment holds RFC 3339 text")
        })
    }

    /// The moment on the clocks of `tz`, to show it or to take its local day.
    pub fn local(&self, tz: Tz) -> DateTime<Tz> {
        self.utc().with_timezone(&tz)
    }
}

impl PartialEq<str> for Moment {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Moment {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl TryFrom<String> for Moment {
    type Error = String;
    fn try_from(text: String) -> std::result::Result<Moment, String> {
        Moment::parse(&text).ok_or_else(|| format!("not a moment: {text:?}"))
    }
}

impl From<Moment> for String {
    fn from(m: Moment) -> String {
        m.0
    }
}

impl std::fmt::Display for Moment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::ops::Deref for Moment {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

/// The first and last days whose moments RFC 3339 writes in every zone (a day each inside the
/// years 1–9999, so no zone's offset takes a midnight past them).
const FIRST_WRITABLE_DAY: (i32, u32, u32) = (1, 1, 2);
const LAST_WRITABLE_DAY: (i32, u32, u32) = (9999, 12, 30);

/// Midnight UTC of one of those days.
fn writable((y, m, d): (i32, u32, u32)) -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|day| day.and_hms_opt(0, 0, 0))
        .expect("a day of the years 1–9999")
        .and_utc()
}

/// The moment `text` names when it is exactly `YYYY-MM-DDTHH:MM:SSZ` with a real date and
/// time: a cheap reading that lets a stored moment be taken as it is and turned into chrono's
/// value without chrono's parser.
fn stored_form(text: &str) -> Option<DateTime<Utc>> {
    let b = text.as_bytes();
    let shape = b.len() == 20
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 | 16 => *c == b':',
            19 => *c == b'Z',
            _ => c.is_ascii_digit(),
        });
    if !shape {
        return None;
    }
    let number = |r: std::ops::Range<usize>| text[r].parse::<u32>().unwrap_or(u32::MAX);
    let date = NaiveDate::from_ymd_opt(number(0..4) as i32, number(5..7), number(8..10))?;
    let time = NaiveTime::from_hms_opt(number(11..13), number(14..16), number(17..19))?;
    Some(date.and_time(time).and_utc())
}

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

/// Minutes after midnight of `t`.
pub(crate) fn minutes_of(t: NaiveTime) -> u16 {
    use chrono::Timelike;
    (t.hour() * 60 + t.minute()) as u16
}

/// What "today" is for a rule: a day of the owner's zone, and the moment the rule is asked at
/// ("in the last N hours" counts back from it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Today {
    pub date: NaiveDate,
    pub tz: Tz,
    pub now: chrono::DateTime<chrono::Utc>,
}

impl Today {
    /// The day the moment `now` falls on in `tz`; the caller reads the clock.
    pub fn at(now: chrono::DateTime<chrono::Utc>, tz: Tz) -> Today {
        Today {
            date: now.with_timezone(&tz).date_naive(),
            tz,
            now,
        }
    }

    /// The day `date` of `tz`, asked at its end (a report as of a day).
    pub fn of(date: NaiveDate, tz: Tz) -> Today {
        let mut today = Today {
            date,
            tz,
            now: chrono::DateTime::UNIX_EPOCH,
        };
        today.now = today.start_of_day_ago(-1).utc();
        today
    }

    /// The first moment of the day `days` days before today.
    pub fn start_of_day_ago(&self, days: i64) -> Moment {
        // Beyond the calendar chrono keeps, the first or last day it has ([`Today::start_of`]
        // holds either inside what a moment can be).
        let day = if days >= 0 {
            self.date
                .checked_sub_days(Days::new(days as u64))
                .unwrap_or(NaiveDate::MIN)
        } else {
            self.date
                .checked_add_days(Days::new(days.unsigned_abs()))
                .unwrap_or(NaiveDate::MAX)
        };
        self.start_of(day)
    }

    /// The first moment of `day` in the owner's zone (a day outside the years 1–9999 held at
    /// the nearest inside, where every moment can be written).
    pub fn start_of(&self, day: NaiveDate) -> Moment {
        let day = day.clamp(
            writable(FIRST_WRITABLE_DAY).date_naive(),
            writable(LAST_WRITABLE_DAY).date_naive(),
        );
        let midnight = day.and_hms_opt(0, 0, 0).expect("midnight exists");
        // A zone that skips midnight (a DST change at 00:00) starts the day at the first valid moment.
        let local = (0..=2)
            .find_map(|h| {
                self.tz
                    .from_local_datetime(&(midnight + chrono::Duration::hours(h)))
                    .earliest()
            })
            .expect("a day has a valid hour");
        Moment::of(local.with_timezone(&chrono::Utc))
    }
}
