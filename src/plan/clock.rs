//! Local times and their moments: "10:00 on the 1st in the contact's own zone" as a UTC moment,
//! through daylight-saving changes, with quiet hours respected.
//!
//! - A local time that does not exist (the spring-forward gap) moves forward by the gap: 02:30
//!   in Berlin on the last Sunday of March is 03:30 CEST.
//! - A local time that exists twice (autumn) is the first of the two.
//! - A moment inside the quiet hours moves to their end (the next allowed local time).

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

pub use crate::model::time::{Span, TimeOfDay};

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
