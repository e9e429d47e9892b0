//! Opening bases: new, empty, made by an older version, made by a newer one, not a base at all.

use adresat::store::{CURRENT_VERSION, ContactKey, Store};
use rusqlite::Connection;

#[test]
fn an_empty_file_becomes_a_current_base() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.sqlite");
    std::fs::write(&path, b"").unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.version().unwrap(), CURRENT_VERSION);
    assert_eq!(store.stats().unwrap().contacts, 0);
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    // Reopening runs nothing twice.
    drop(store);
    assert_eq!(
        Store::open(&path).unwrap().version().unwrap(),
        CURRENT_VERSION
    );
}

#[test]
fn a_base_of_the_previous_version_opens_without_loss() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    let old = Store::open_at_version(&path, CURRENT_VERSION - 1).unwrap();
    assert_eq!(old.version().unwrap(), CURRENT_VERSION - 1);
    drop(old);
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "INSERT INTO contacts (id, phone, name, time_zone, tz_source, consent, created_at)
               VALUES (7, '+79120000001', 'Мария', 'Asia/Omsk', 'city', 'yes', '2024-01-01T00:00:00Z');
             INSERT INTO tag_names VALUES (1, 'vip');
             INSERT INTO tags VALUES (7, 1, '2024-01-01T00:00:00Z');
             INSERT INTO orders (contact_id, ordered_at, amount_kop, dedup_key) VALUES (7, '2024-02-01T00:00:00Z', 12345, 'x');
             INSERT INTO event_campaigns (id, name, first_at) VALUES (1, 'Весна', 1706868000);
             INSERT INTO events (contact_id, campaign_id, kind, at) VALUES (7, 1, 3, 1706868000);
             INSERT INTO settings VALUES ('owner_tz', 'Asia/Omsk');",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.version().unwrap(), CURRENT_VERSION);
    let (c, tags) = store.contact(7).unwrap().unwrap();
    assert_eq!(c.name.as_deref(), Some("Мария"));
    assert_eq!(c.time_zone, "Asia/Omsk");
    assert_eq!(tags, ["vip"]);
    let stats = store.stats().unwrap();
    assert_eq!((stats.contacts, stats.orders, stats.events), (1, 1, 1));
    let card = store.contact_card(7).unwrap().unwrap();
    assert_eq!(card.events[0].campaign, "Весна");
    assert_eq!(card.events[0].kind, adresat::store::EventKind::Read);
    assert_eq!(card.events[0].at, "2024-02-02T10:00:00Z");
    // The events are one tree keyed by what makes an event itself.
    let events: String = Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'events'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(events.ends_with("WITHOUT ROWID"), "{events}");
    assert_eq!(store.settings().unwrap().owner_tz, chrono_tz::Asia::Omsk);
}

#[test]
fn the_order_totals_are_built_from_the_orders_of_a_base_without_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v14.sqlite");
    drop(Store::open_at_version(&path, 14).unwrap());
    Connection::open(&path)
        .unwrap()
        .execute_batch(
            "INSERT INTO contacts (id, phone, name, time_zone, tz_source, consent, created_at)
               VALUES (7, '+79120000001', 'Мария', 'Asia/Omsk', 'city', 'yes', '2024-01-01T00:00:00Z');
             INSERT INTO orders (contact_id, ordered_at, amount_kop, dedup_key)
               VALUES (7, '2024-02-01T00:00:00Z', 12345, 'x'), (7, '2024-03-01T00:00:00Z', 5, 'y');",
        )
        .unwrap();
    drop(Store::open(&path).unwrap());
    let totals: (i64, i64, String) = Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT orders, total_kop, last_at FROM order_totals WHERE contact_id = 7",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(totals, (2, 12350, "2024-03-01T00:00:00Z".to_owned()));
}

#[test]
fn a_newer_base_or_a_foreign_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let newer = dir.path().join("newer.sqlite");
    Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let err = Store::open(&newer).err().unwrap();
    assert_eq!(err.id(), "error-base-too-new");
    // Opened only to read, it is refused in the same words, not called an older base's.
    let err = Store::open_read_only(&newer).err().unwrap();
    assert_eq!(err.id(), "error-base-too-new");

    let foreign = dir.path().join("notes.txt");
    std::fs::write(
        &foreign,
        "это не база данных, а заметки владельца ".repeat(200),
    )
    .unwrap();
    let before = std::fs::read(&foreign).unwrap();
    let err = Store::open(&foreign).err().unwrap();
    assert_eq!(err.id(), "error-not-a-base");
    assert_eq!(std::fs::read(&foreign).unwrap(), before);
}

/// Version 8 rebuilt the contacts table (its keys unique through indexes that a first import
/// can drop): every reference to a contact survives, and keys stay unique.
#[test]
fn the_rebuilt_contacts_table_keeps_references_and_unique_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v7.sqlite");
    drop(Store::open_at_version(&path, 7).unwrap());
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "INSERT INTO contacts (id, external_id, phone, time_zone, tz_source, created_at)
               VALUES (3, 'A', '+79120000001', 'Asia/Omsk', 'city', '2024-01-01T00:00:00Z'),
                      (9, 'B', '+79120000002', 'Europe/Moscow', 'default', '2024-01-01T00:00:00Z');
             INSERT INTO tag_names VALUES (1, 'vip');
             INSERT INTO tags VALUES (3, 1, '2024-01-01T00:00:00Z'), (9, 1, '2024-01-01T00:00:00Z');
             INSERT INTO orders (contact_id, ordered_at, amount_kop, dedup_key) VALUES (9, '2024-02-01T00:00:00Z', 100, 'x');",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.version().unwrap(), CURRENT_VERSION);
    assert_eq!(store.contact(9).unwrap().unwrap().1, ["vip"]);
    assert_eq!(store.stats().unwrap().orders, 1);
    drop(store);

    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    let dup = conn.execute(
        "INSERT INTO contacts (phone, time_zone, tz_source, created_at)
         VALUES ('+79120000001', 'UTC', 'default', '2024-01-01T00:00:00Z')",
        [],
    );
    assert!(dup.is_err(), "a second holder of a phone is refused");
    // Contacts without a phone are many: only the keys they have are unique.
    for _ in 0..2 {
        conn.execute(
            "INSERT INTO contacts (time_zone, tz_source, created_at)
             VALUES ('UTC', 'default', '2024-01-01T00:00:00Z')",
            [],
        )
        .unwrap();
    }
    // Deleting a contact still takes its tags and orders with it.
    conn.execute("DELETE FROM contacts WHERE id = 9", [])
        .unwrap();
    let left: i64 = conn
        .query_row(
            "SELECT (SELECT count(*) FROM tags) + (SELECT count(*) FROM orders)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 1);
}

/// Version 9 gave ids a system and contacts an e-mail, a birthday and consent per channel
/// without rewriting a row: the ids stored before are the owner's own, and the new zone
/// sources can be stored.
#[test]
fn ids_stored_before_systems_are_the_owners_own() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v8.sqlite");
    drop(Store::open_at_version(&path, 8).unwrap());
    Connection::open(&path)
        .unwrap()
        .execute_batch(
            "INSERT INTO contacts (id, external_id, phone, time_zone, tz_source, created_at)
               VALUES (3, '5012', '+79120000001', 'Asia/Omsk', 'city', '2024-01-01T00:00:00Z');",
        )
        .unwrap();
    let store = Store::open(&path).unwrap();
    let id = store.find_contact(&ContactKey::own("5012")).unwrap();
    assert_eq!(id, Some(3));
    let (c, _) = store.contact(3).unwrap().unwrap();
    assert_eq!(
        (c.id_system.as_str(), c.email, c.birthday),
        ("own", None, None)
    );
    drop(store);
    let conn = Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE contacts SET tz_source = 'phone_country', email = 'a@b.ru' WHERE id = 3",
        [],
    )
    .unwrap();
    assert!(
        conn.execute("UPDATE contacts SET tz_source = 'guess' WHERE id = 3", [])
            .is_err(),
        "the zone source is still checked"
    );
    let dup = conn.execute(
        "INSERT INTO contacts (email, time_zone, tz_source, created_at)
         VALUES ('a@b.ru', 'UTC', 'default', '2024-01-01T00:00:00Z')",
        [],
    );
    assert!(dup.is_err(), "an e-mail has one holder");
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

#[test]
fn a_conversion_reports_its_share_and_a_cancel_leaves_the_old_base_as_it_was() {
    use adresat::model::task::{Progress, Task};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v10.sqlite");
    drop(Store::open_at_version(&path, 10).unwrap());
    Connection::open(&path)
        .unwrap()
        .execute_batch(
            "INSERT INTO contacts (id, phone, time_zone, tz_source, created_at)
               VALUES (7, '+79120000001', 'Asia/Omsk', 'city', '2024-01-01T00:00:00Z');
             INSERT INTO events (contact_id, campaign, kind, at)
               VALUES (7, 'Весна', 'delivered', '2024-02-02T10:00:00Z');",
        )
        .unwrap();
    let now = chrono::Utc::now();
    // Stopped halfway through: an error that says so, and the base of version 10 unchanged.
    let halfway = Progress::watched(|p| {
        if p.fraction() >= 0.5 {
            p.cancel();
        }
    });
    let stopped = Store::open_with(&path, Task::new(&halfway, now));
    assert!(
        matches!(stopped, Err(adresat::Error::Cancelled)),
        "{:?}",
        stopped.err()
    );
    assert_eq!(halfway.step(), adresat::store::CONVERTING);
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    let kind: String = conn
        .query_row("SELECT kind FROM events", [], |r| r.get(0))
        .unwrap();
    assert_eq!((version, kind.as_str()), (10, "delivered"));
    drop(conn);
    // Let through: the share grows to the whole, and the event is there in its new form.
    let shares = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = shares.clone();
    let watched = Progress::watched(move |p| seen.lock().unwrap().push(p.fraction()));
    let store = Store::open_with(&path, Task::new(&watched, now)).unwrap();
    let shares = shares.lock().unwrap().clone();
    assert!(shares.windows(2).all(|w| w[0] <= w[1]), "{shares:?}");
    assert_eq!(shares.last().copied(), Some(1.0));
    assert_eq!(store.version().unwrap(), CURRENT_VERSION);
    let card = store.contact_card(7).unwrap().unwrap();
    assert_eq!(card.events[0].kind, adresat::store::EventKind::Delivered);
}

#[test]
fn a_base_made_before_best_hours_learns_them_from_its_events_when_converted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v18.sqlite");
    drop(Store::open_at_version(&path, 18).unwrap());
    // Three campaigns delivered at 09:00, 12:00 and 15:00 Omsk time (UTC+6), each read at 21:10.
    let day = 86_400;
    let start = chrono::Utc::now().timestamp() / day * day - 30 * day;
    let mut sql = String::from(
        "INSERT INTO contacts (id, phone, time_zone, tz_source, consent, created_at)
           VALUES (7, '+79120000001', 'Asia/Omsk', 'column', 'yes', '2024-01-01T00:00:00Z');",
    );
    for (c, hour) in [(1, 9), (2, 12), (3, 15)] {
        let delivered = start + c * 7 * day + (hour - 6) * 3600;
        let read = start + c * 7 * day + (21 - 6) * 3600 + 600;
        sql += &format!(
            "INSERT INTO event_campaigns (id, name, first_at) VALUES ({c}, 'К{c}', {delivered});
             INSERT INTO events (contact_id, campaign_id, kind, at) VALUES (7, {c}, 2, {delivered}), (7, {c}, 3, {read});"
        );
    }
    Connection::open(&path)
        .unwrap()
        .execute_batch(&sql)
        .unwrap();
    let store = Store::open(&path).unwrap();
    let hours = crate::support::reaction_hours(&store);
    assert_eq!(hours[&7].total(), 3);
    assert_eq!(hours[&7].best(), Some(21));
}
