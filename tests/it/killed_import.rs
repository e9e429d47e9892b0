//! One import is one transaction: a process killed halfway leaves the base exactly as before.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use adresat::store::Store;

#[test]
fn sigkill_halfway_leaves_the_base_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.sqlite");
    let small = dir.path().join("small.csv");
    std::fs::write(
        &small,
        "Телефон;Город\n89120000001;Омск\n89120000002;Казань\n",
    )
    .unwrap();
    let bin = env!("CARGO_BIN_EXE_adresat");
    let status = Command::new(bin)
        .args([
            "--db",
            db.to_str().unwrap(),
            "import",
            "contacts",
            small.to_str().unwrap(),
        ])
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let before = Store::open(&db).unwrap().stats().unwrap();

    let files = adresat::demo::write_files(
        &dir.path().join("big"),
        150_000,
        7,
        chrono::Utc::now().date_naive(),
    )
    .unwrap();
    let mut child = Command::new(bin)
        .args([
            "--db",
            db.to_str().unwrap(),
            "import",
            "contacts",
            files.contacts.to_str().unwrap(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the import is visibly writing (its log grows), then kill it without warning.
    let wal = dir.path().join("base.sqlite-wal");
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let size = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
        if size > 2 << 20 {
            break;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the import finished before it could be killed"
        );
        assert!(
            Instant::now() < deadline,
            "the import never started writing"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();

    let store = Store::open(&db).unwrap();
    assert_eq!(store.stats().unwrap(), before);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn sigkill_during_a_conversion_leaves_the_old_base_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v10.sqlite");
    drop(Store::open_at_version(&db, 10).unwrap());
    // 400,000 events of 20,000 contacts in version 10's words and text.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
         INSERT INTO contacts (id, phone, time_zone, tz_source, created_at)
             SELECT i, '+7912' || printf('%07d', i), 'Europe/Moscow', 'default',
                    '2024-01-01T00:00:00Z' FROM n;
         WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 399999)
         INSERT INTO events (contact_id, campaign, kind, at)
             SELECT i % 20000 + 1, 'Кампания ' || (i / 20000),
                    CASE i % 3 WHEN 0 THEN 'delivered' WHEN 1 THEN 'read' ELSE 'clicked' END,
                    strftime('%Y-%m-%dT%H:%M:%SZ', 1700000000 + i, 'unixepoch') FROM n;",
    )
    .unwrap();
    drop(conn);
    let mut child = Command::new(env!("CARGO_BIN_EXE_adresat"))
        .args(["--db", db.to_str().unwrap(), "stats"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Killed once the conversion is visibly writing its new tables.
    let wal = dir.path().join("v10.sqlite-wal");
    let deadline = Instant::now() + Duration::from_secs(120);
    while std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0) < 4 << 20 {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the conversion finished before it could be killed"
        );
        assert!(Instant::now() < deadline, "the conversion never started");
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap();
    child.wait().unwrap();

    let conn = rusqlite::Connection::open(&db).unwrap();
    let (version, events, check): (i64, i64, String) = (
        conn.query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap(),
        conn.query_row("SELECT count(*) FROM events WHERE kind = 'read'", [], |r| {
            r.get(0)
        })
        .unwrap(),
        conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap(),
    );
    assert_eq!((version, events, check.as_str()), (10, 133_333, "ok"));
    drop(conn);
    // Opened again, it converts whole.
    let store = Store::open(&db).unwrap();
    assert_eq!(store.stats().unwrap().events, 400_000);
}
