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
