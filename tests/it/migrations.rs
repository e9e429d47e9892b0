//! Opening bases: new, empty, made by an older version, made by a newer one, not a base at all.

use adresat::store::{CURRENT_VERSION, Store};
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
    assert_eq!((stats.contacts, stats.orders), (1, 1));
    assert_eq!(store.settings().unwrap().owner_tz, chrono_tz::Asia::Omsk);
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
