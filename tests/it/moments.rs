//! A stored moment is one form of text and nothing else: what makes one, what reads one back.

use adresat::model::time::Moment;
use chrono::TimeZone;

use crate::support::Scratch;

#[test]
fn any_rfc3339_moment_is_kept_in_the_one_stored_form() {
    let stored = |t: &str| Moment::parse(t).map(String::from);
    assert_eq!(
        stored("2024-12-31T10:00:00Z").as_deref(),
        Some("2024-12-31T10:00:00Z")
    );
    assert_eq!(
        stored(" 2024-12-31T10:00:00+03:00 ").as_deref(),
        Some("2024-12-31T07:00:00Z")
    );
    assert_eq!(
        stored("2024-12-31T10:00:00.750Z").as_deref(),
        Some("2024-12-31T10:00:00Z")
    );
    assert_eq!(
        stored("2025-01-01T01:30:00+05:30").as_deref(),
        Some("2024-12-31T20:00:00Z")
    );
    let of = Moment::of(chrono::Utc.with_ymd_and_hms(2026, 3, 1, 9, 30, 0).unwrap());
    assert_eq!(of, "2026-03-01T09:30:00Z");
    assert_eq!(of.utc().to_rfc3339(), "2026-03-01T09:30:00+00:00");
    assert_eq!(
        of.local(chrono_tz::Asia::Yekaterinburg)
            .format("%d.%m.%Y %H:%M")
            .to_string(),
        "01.03.2026 14:30"
    );
}

#[test]
fn text_that_is_no_moment_makes_none() {
    for bad in [
        "",
        "31.12.2024",
        "2024-12-31",
        "2024-02-30T10:00:00Z",
        "2024-12-31T24:00:00Z",
        "2024-12-31T10:60:00Z",
        "2024-13-01T10:00:00Z",
        "2024-12-31T10:00:00",
        "２０２４-12-31T10:00:00Z",
    ] {
        assert_eq!(Moment::parse(bad), None, "{bad:?}");
    }
}

#[test]
fn moments_sort_as_time_does() {
    let mut moments: Vec<Moment> = [
        "2025-01-01T00:00:00+03:00",
        "2024-12-31T20:59:59Z",
        "2024-12-31T21:00:01Z",
        "1999-06-01T12:00:00Z",
    ]
    .iter()
    .map(|t| Moment::parse(t).unwrap())
    .collect();
    moments.sort();
    let utc: Vec<_> = moments.iter().map(|m| m.utc().timestamp()).collect();
    assert!(utc.windows(2).all(|w| w[0] < w[1]), "{moments:?}");
    assert_eq!(moments[2], "2024-12-31T21:00:00Z");
}

#[test]
fn a_base_whose_moment_was_damaged_says_so_instead_of_showing_it() {
    let mut s = Scratch::new();
    s.contacts("Телефон,Имя\n+79123456789,Мария\n");
    let (maria, _) = s.by_phone("+79123456789");
    let conn = rusqlite::Connection::open(s.store.path()).unwrap();
    conn.execute(
        "UPDATE contacts SET created_at = 'вчера' WHERE id = ?1",
        [maria.id],
    )
    .unwrap();
    let err = s
        .store
        .contact(maria.id)
        .expect_err("a damaged moment is an error");
    assert!(err.to_string().contains("вчера"), "{err}");
}
