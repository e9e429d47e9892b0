use adresat::import::values::{
    parse_amount, parse_consent, parse_datetime, parse_event_kind, split_tags,
};
use adresat::model::time::Moment;
use adresat::store::{Consent, EventKind};
use chrono_tz::Europe::Moscow;

#[test]
fn amounts_become_exact_kopecks() {
    for (raw, kop) in [
        ("1 234,50", 123_450),
        ("1 234 ₽", 123_400),
        ("1234.5", 123_450),
        ("1\u{a0}234,05 руб.", 123_405),
        ("0,99", 99),
        ("1,234.56", 123_456),
        ("1.234,56", 123_456),
        ("1 000 000", 100_000_000),
        ("1,234,567", 123_456_700),
        ("-150,00", -15_000),
        ("7", 700),
    ] {
        assert_eq!(parse_amount(raw), Ok(kop), "{raw}");
    }
}

#[test]
fn unreadable_or_ambiguous_amounts_are_refused() {
    assert_eq!(
        parse_amount("1,234").unwrap_err().id,
        "reject-amount-ambiguous"
    );
    for raw in ["", "abc", "1,2,3", "12.345.6", "1.005,", "1,999"] {
        assert!(parse_amount(raw).is_err(), "{raw}");
    }
    assert_eq!(parse_amount("двести").unwrap_err().id, "reject-amount");
}

#[test]
fn dates_without_offset_are_read_in_the_owners_zone() {
    let utc = |raw: &str| parse_datetime(raw, Moscow).map(|t| Moment::of(t).to_string());
    assert_eq!(utc("31.12.2024").as_deref(), Ok("2024-12-30T21:00:00Z"));
    assert_eq!(utc("2024-12-31").as_deref(), Ok("2024-12-30T21:00:00Z"));
    assert_eq!(
        utc("31.12.2024 10:00").as_deref(),
        Ok("2024-12-31T07:00:00Z")
    );
    assert_eq!(utc("31.12.24 10:00").as_deref(), Ok("2024-12-31T07:00:00Z"));
    assert_eq!(
        utc("2024-12-31T10:00:00+05:00").as_deref(),
        Ok("2024-12-31T05:00:00Z")
    );
    assert_eq!(
        utc("2024-12-31T10:00:00Z").as_deref(),
        Ok("2024-12-31T10:00:00Z")
    );
    assert_eq!(
        utc("2024-12-31 10:00:00").as_deref(),
        Ok("2024-12-31T07:00:00Z")
    );
    // Excel serial dates arrive from .xlsx already converted to this form (see formats.rs).
    assert_eq!(utc("31.02.2024").unwrap_err().id, "reject-date");
    assert_eq!(utc("вчера").unwrap_err().id, "reject-date");
}

#[test]
fn consent_words() {
    for yes in ["да", "Да", "yes", "1", "true", "+", "TRUE"] {
        assert_eq!(parse_consent(yes), Ok(Consent::Yes), "{yes}");
    }
    for no in ["нет", "no", "0", "false", "-", "Нет"] {
        assert_eq!(parse_consent(no), Ok(Consent::No), "{no}");
    }
    assert_eq!(parse_consent(""), Ok(Consent::Unknown));
    assert_eq!(
        parse_consent("может быть").unwrap_err().id,
        "reject-consent"
    );
}

#[test]
fn event_words_in_both_languages() {
    assert_eq!(parse_event_kind("доставлено"), Ok(EventKind::Delivered));
    assert_eq!(parse_event_kind("Прочитано"), Ok(EventKind::Read));
    assert_eq!(parse_event_kind("нажал кнопку"), Ok(EventKind::Clicked));
    assert_eq!(
        parse_event_kind("unsubscribed"),
        Ok(EventKind::Unsubscribed)
    );
    assert_eq!(parse_event_kind("заблокировал"), Ok(EventKind::Blocked));
    assert!(parse_event_kind("улетел").is_err());
}

#[test]
fn tags_split_on_comma_or_bar() {
    let tags: Vec<String> = split_tags(" интерес:обувь, vip |  цена:скидки ,, ").collect();
    assert_eq!(tags, ["интерес:обувь", "vip", "цена:скидки"]);
}

#[test]
fn birthdays_are_calendar_dates_with_or_without_a_year() {
    use adresat::import::values::parse_birthday;
    assert_eq!(parse_birthday("12.03.1990").unwrap(), "1990-03-12");
    assert_eq!(parse_birthday("1990-03-12 00:00:00").unwrap(), "1990-03-12");
    assert_eq!(parse_birthday("12.03.90").unwrap(), "1990-03-12");
    assert_eq!(parse_birthday("29.02").unwrap(), "--02-29");
    assert_eq!(parse_birthday("--02-29").unwrap(), "--02-29");
    for bad in ["31.02.1990", "12.03.1812", "весной", "32.01"] {
        assert_eq!(
            parse_birthday(bad).unwrap_err().id,
            "reject-birthday",
            "{bad}"
        );
    }
}
