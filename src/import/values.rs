//! Reading the values people put in spreadsheets: consent words, Russian amounts and dates.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use crate::i18n::Msg;
use crate::store::{Consent, EventKind, OrderItem, Status};

/// `да/нет/yes/no/1/0/true/false/+/-` and their relatives; `None` for a word that says neither.
/// An empty cell is unknown consent.
pub fn parse_consent(raw: &str) -> Result<Consent, Msg> {
    let w = raw.trim().to_lowercase();
    Ok(match w.as_str() {
        "" => Consent::Unknown,
        "да" | "yes" | "y" | "1" | "true" | "+" | "истина" | "согласен" | "согласна" | "есть"
        | "подписан" | "подписана" | "opt-in" | "opt in" | "д" | "v" | "✓" => {
            Consent::Yes
        }
        "нет"
        | "no"
        | "n"
        | "0"
        | "false"
        | "-"
        | "ложь"
        | "не согласен"
        | "не согласна"
        | "отказ"
        | "н"
        | "opt-out"
        | "opt out" => Consent::No,
        "неизвестно" | "unknown" | "?" => Consent::Unknown,
        _ => return Err(Msg::new("reject-consent").arg("value", raw.trim())),
    })
}

/// A contact's status word; `None` for an empty cell.
pub fn parse_status(raw: &str) -> Result<Option<Status>, Msg> {
    let w = raw.trim().to_lowercase();
    Ok(Some(match w.as_str() {
        "" => return Ok(None),
        "active" | "активен" | "активна" | "активный" | "подписан" | "подписана" => {
            Status::Active
        }
        "unsubscribed" | "отписан" | "отписана" | "отписался" | "отписалась" | "отписка" => {
            Status::Unsubscribed
        }
        "blocked"
        | "заблокирован"
        | "заблокирована"
        | "заблокировал"
        | "заблокировала"
        | "блок" => Status::Blocked,
        _ => return Err(Msg::new("reject-status").arg("value", raw.trim())),
    }))
}

/// What a sending service's status word means.
pub fn parse_event_kind(raw: &str) -> Result<EventKind, Msg> {
    let w = raw.trim().to_lowercase();
    Ok(match w.as_str() {
        "sent" | "отправлено" | "отправлен" | "отправлена" => {
            EventKind::Sent
        }
        "delivered" | "доставлено" | "доставлен" | "доставлена" => {
            EventKind::Delivered
        }
        "read" | "seen" | "opened" | "прочитано" | "прочитан" | "прочитана" | "просмотрено" => {
            EventKind::Read
        }
        "clicked" | "click" | "нажал кнопку" | "нажала кнопку" | "нажатие" | "клик" | "переход" => {
            EventKind::Clicked
        }
        "replied" | "reply" | "ответил" | "ответила" | "ответ" => {
            EventKind::Replied
        }
        "unsubscribed" | "отписался" | "отписалась" | "отписка" => {
            EventKind::Unsubscribed
        }
        "blocked" | "заблокировал" | "заблокировала" | "блокировка" => {
            EventKind::Blocked
        }
        _ => return Err(Msg::new("reject-event-kind").arg("value", raw.trim())),
    })
}

/// An amount of money as integer kopecks: `1 234,50`, `1 234 ₽`, `1234.5`, `1,234.50`.
/// Never through floats. A lone separator followed by three digits (`1,234`) could be either a
/// decimal or a thousands mark, and is refused rather than guessed.
pub fn parse_amount(raw: &str) -> Result<i64, Msg> {
    let bad = || Msg::new("reject-amount").arg("value", raw.trim());
    let mut s: String = raw
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}' && *c != '\'')
        .collect();
    for suffix in ["₽", "руб.", "руб", "р.", "р", "rub", "RUB"] {
        if let Some(stripped) = s.strip_suffix(suffix) {
            s = stripped.to_owned();
            break;
        }
    }
    let negative = s.starts_with('-');
    let s = s.trim_start_matches('-');
    if s.is_empty()
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return Err(bad());
    }
    let last_sep = s.rfind([',', '.']);
    let (int_part, frac_part) = match last_sep {
        None => (s.to_owned(), ""),
        Some(pos) => {
            let sep = s.as_bytes()[pos] as char;
            let other = if sep == ',' { '.' } else { ',' };
            let frac = &s[pos + 1..];
            let before = &s[..pos];
            if frac.is_empty() {
                return Err(bad());
            }
            if before.contains(sep) {
                // `1,234,567` or `1.234.567`: the mark repeats, so it separates thousands.
                if frac.len() != 3 || before.contains(other) {
                    return Err(bad());
                }
                (s.replace(sep, ""), "")
            } else if before.contains(other) {
                // `1,234.50` or `1.234,50`: the last mark is the decimal one.
                (before.replace(other, ""), frac)
            } else if frac.len() == 3 {
                return Err(Msg::new("reject-amount-ambiguous").arg("value", raw.trim()));
            } else {
                (before.to_owned(), frac)
            }
        }
    };
    if int_part.is_empty() || frac_part.len() > 2 {
        return Err(bad());
    }
    let rubles: i64 = int_part.parse().map_err(|_| bad())?;
    let kopecks: i64 = match frac_part.len() {
        0 => 0,
        1 => frac_part.parse::<i64>().map_err(|_| bad())? * 10,
        _ => frac_part.parse().map_err(|_| bad())?,
    };
    let total = rubles
        .checked_mul(100)
        .and_then(|r| r.checked_add(kopecks))
        .ok_or_else(bad)?;
    Ok(if negative { -total } else { total })
}

const DATE_TIME_FORMATS: &[&str] = &[
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%d.%m.%y %H:%M",
    "%d/%m/%Y %H:%M",
];
const DATE_FORMATS: &[&str] = &["%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y", "%d/%m/%Y"];

/// A moment from a file: `31.12.2024`, `2024-12-31`, `31.12.2024 10:00`, ISO 8601 with an
/// offset. Without an offset it is read in `tz` (the owner's zone); a date alone is its midnight.
pub fn parse_datetime(raw: &str, tz: Tz) -> Result<DateTime<Utc>, Msg> {
    let s = raw.trim();
    let bad = || Msg::new("reject-date").arg("value", s);
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Ok(dt.with_timezone(&Utc));
    }
    for fmt in [
        "%Y-%m-%d %H:%M:%S%:z",
        "%Y-%m-%d %H:%M:%S%z",
        "%Y-%m-%dT%H:%M:%S%z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(s, fmt) {
            return Ok(dt.with_timezone(&Utc));
        }
    }
    if let Some(naive) = fast_naive(s) {
        return local_to_utc(naive, tz).ok_or_else(bad);
    }
    // `%Y` takes `24` as the year 24: such a reading is left to the two-digit `%y` formats.
    let plausible = |f: &str, year: i32| !f.contains("%Y") || year >= 1900;
    let naive = DATE_TIME_FORMATS
        .iter()
        .find_map(|f| {
            NaiveDateTime::parse_from_str(s, f)
                .ok()
                .filter(|d| plausible(f, d.year()))
        })
        .or_else(|| {
            DATE_FORMATS
                .iter()
                .find_map(|f| {
                    NaiveDate::parse_from_str(s, f)
                        .ok()
                        .filter(|d| plausible(f, d.year()))
                })
                .and_then(|d| d.and_hms_opt(0, 0, 0))
        })
        .ok_or_else(bad)?;
    local_to_utc(naive, tz).ok_or_else(bad)
}

/// A moment a US shop writes month first, `9/6/2016 6:29:00` (the 6th of September), read in
/// `tz`; `None` for anything else.
pub fn parse_month_first(raw: &str, tz: Tz) -> Option<DateTime<Utc>> {
    let s = raw.trim();
    let naive = ["%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .or_else(|| {
            NaiveDate::parse_from_str(s, "%m/%d/%Y")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
        })?;
    local_to_utc(naive, tz)
}

/// A wall-clock time in `tz` as UTC. In a daylight-saving gap the clock time does not exist:
/// the moment just after it is taken.
fn local_to_utc(naive: NaiveDateTime, tz: Tz) -> Option<DateTime<Utc>> {
    tz.from_local_datetime(&naive)
        .earliest()
        .or_else(|| {
            tz.from_local_datetime(&(naive + chrono::Duration::hours(1)))
                .earliest()
        })
        .map(|dt| dt.with_timezone(&Utc))
}

/// The two forms that fill most files, `31.12.2024[ 10:00[:00]]` and `2024-12-31[ 10:00[:00]]`,
/// read without chrono's general parser (a million rows a second instead of a hundred thousand).
fn fast_naive(s: &str) -> Option<NaiveDateTime> {
    let b = s.as_bytes();
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = b.get(range)?;
        digits.iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let (year, month, day) = match b.get(..10)? {
        [_, _, b'.', _, _, b'.', ..] => (num(6..10)?, num(3..5)?, num(0..2)?),
        [_, _, _, _, b'-', _, _, b'-', ..] => (num(0..4)?, num(5..7)?, num(8..10)?),
        _ => return None,
    };
    let date = NaiveDate::from_ymd_opt(year as i32, month, day)?;
    let (hour, minute, second) = match &b[10..] {
        [] => (0, 0, 0),
        [b' ' | b'T', _, _, b':', _, _] => (num(11..13)?, num(14..16)?, 0),
        [b' ' | b'T', _, _, b':', _, _, b':', _, _] => (num(11..13)?, num(14..16)?, num(17..19)?),
        _ => return None,
    };
    date.and_hms_opt(hour, minute, second)
}

/// A birthday as stored: `1990-03-12`, or `--03-12` when the file gives the day and month only
/// (`12.03`). A calendar date, read in no zone: a time part (`1990-03-12
/// 00:00:00`, as Excel writes dates) is dropped, and a year outside 1900–2100 is refused.
pub fn parse_birthday(raw: &str) -> Result<String, Msg> {
    let s = raw.trim();
    let bad = || Msg::new("reject-birthday").arg("value", s);
    let date_part = s.split([' ', 'T']).next().unwrap_or(s);
    if let Some(naive) = fast_naive(date_part).or_else(|| {
        DATE_FORMATS
            .iter()
            .find_map(|f| {
                NaiveDate::parse_from_str(date_part, f)
                    .ok()
                    .filter(|d| !f.contains("%Y") || d.year() >= 1900)
            })
            .and_then(|d| d.and_hms_opt(0, 0, 0))
    }) {
        let date = naive.date();
        if !(1900..=2100).contains(&date.year()) {
            return Err(bad());
        }
        return Ok(date.format("%Y-%m-%d").to_string());
    }
    // Day and month alone (`12.03`, or `--03-12` as stored): checked against a leap year, so
    // 29.02 is a birthday.
    let (day, month) = match date_part.strip_prefix("--") {
        Some(stored) => stored.split_once('-').map(|(m, d)| (d, m)),
        None => date_part.split_once(['.', '/']),
    }
    .ok_or_else(bad)?;
    let (day, month): (u32, u32) = (
        day.parse().map_err(|_| bad())?,
        month.parse().map_err(|_| bad())?,
    );
    NaiveDate::from_ymd_opt(2000, month, day).ok_or_else(bad)?;
    Ok(format!("--{month:02}-{day:02}"))
}

/// The items one cell lists, one a line (Tilda's and WooCommerce's orders): `Платье синее x 2 ≡
/// 5000`, `Шарф × 1 = 900`, `1. Шапка x 1` — a name, `x` and a quantity, and after `≡` or `=` the
/// line's amount (the price of one is that amount over the quantity, when it divides evenly). A
/// line that is only a name is one of it.
pub fn parse_items(cell: &str) -> Result<Vec<OrderItem>, Msg> {
    cell.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(parse_item_line)
        .collect()
}

fn parse_item_line(line: &str) -> Result<OrderItem, Msg> {
    let bad = || Msg::new("reject-items").arg("value", line);
    // `1. Шапка …`: the list's numbering is no part of the name.
    let line = match line.split_once(". ") {
        Some((n, rest)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => rest,
        _ => line,
    };
    let (what, amount) = match line.rsplit_once(['≡', '=']) {
        Some((what, amount)) => (what.trim(), Some(parse_amount(amount.trim())?)),
        None => (line.trim(), None),
    };
    let words: Vec<&str> = what.split_whitespace().collect();
    let times = |w: &str| matches!(w, "x" | "х" | "×" | "X" | "*");
    let count = |w: &str| w.parse::<i64>().ok().filter(|q| *q > 0);
    let joined = |w: &str| w.strip_prefix(['x', 'х', '×', 'X', '*']).and_then(count);
    let (name_words, quantity) = match words.as_slice() {
        // `Шапка x 2`
        [name @ .., x, q] if times(x) => (name, count(q)),
        // `Шапка x2`
        [name @ .., xq] if joined(xq).is_some() => (name, joined(xq)),
        _ => (words.as_slice(), Some(1)),
    };
    let Some(quantity) = quantity else {
        return Err(bad());
    };
    let name = name_words.join(" ");
    if name.is_empty() {
        return Err(bad());
    }
    Ok(OrderItem {
        product: Some(name.to_owned()),
        category: None,
        quantity,
        price_kop: amount.filter(|a| a % quantity == 0).map(|a| a / quantity),
    })
}

/// Tags from one cell: split on `,` or `|`, trimmed, empty ones dropped.
pub fn split_tags(raw: &str) -> impl Iterator<Item = String> + '_ {
    raw.split([',', '|'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}
