//! Two processes on one base: the window's import (the library's, in this process) while the
//! CLI plans, and the window's plan saved and exported while the CLI imports. Both end right, or
//! one says the base is busy; nothing is half-written.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use adresat::i18n::Lang;
use adresat::import::{self, ImportKind, ImportOptions};
use adresat::plan::{self, export};
use adresat::store::Store;

use crate::support::{integrity, tomorrow, unwatched};

fn count(base: &Path, table: &str) -> i64 {
    rusqlite::Connection::open(base)
        .unwrap()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// Waits until the base's log shows a writer at work (a quarter MiB more of it).
fn until_writing(base: &Path) {
    let wal = base.with_extension("sqlite-wal");
    let deadline = Instant::now() + Duration::from_secs(60);
    let start = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    while std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0) < start + (256 << 10) {
        assert!(Instant::now() < deadline, "the writer never started");
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// The CLI's outcome: done, or "the base is busy"; anything else fails the test.
fn done_or_busy(out: &Output, what: &str) -> bool {
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.success() {
        return true;
    }
    assert!(stderr.contains("The base is busy"), "{what}: {stderr}");
    false
}

/// A file of `n` contacts new to the demo base.
fn more_contacts(dir: &Path, n: u64) -> std::path::PathBuf {
    adresat::demo::write_files(&dir.join("more"), n, 99, chrono::Utc::now().date_naive())
        .unwrap()
        .contacts
}

#[test]
fn the_window_imports_while_the_cli_plans() {
    let dir = tempfile::tempdir().unwrap();
    let base = crate::kills::demo_seed(dir.path(), 3_000);
    let file = more_contacts(dir.path(), 40_000);
    let (contacts, plans) = (count(&base, "contacts"), count(&base, "plans"));
    let importer = {
        let base = base.clone();
        std::thread::spawn(move || {
            let mut store = Store::open(&base).unwrap();
            let options = ImportOptions::new(ImportKind::Contacts, chrono::Utc::now());
            import::run(&mut store, &file, &options, unwatched())
        })
    };
    until_writing(&base);
    let target = dir.path().join("plan.csv");
    let out = Command::new(env!("CARGO_BIN_EXE_adresat"))
        .args([
            "--lang",
            "en",
            "--db",
            base.to_str().unwrap(),
            "plan",
            "Зима",
        ])
        .args([
            "--date",
            &tomorrow().to_string(),
            "--out",
            target.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let planned = done_or_busy(&out, "the CLI's plan");
    let imported = match importer.join().unwrap() {
        Ok(report) => Some(report.inserted as i64),
        Err(e) if e.id() == "error-db-busy" => None,
        Err(e) => panic!("the window's import: {e}"),
    };
    assert_eq!(integrity(&base), "ok");
    assert_eq!(count(&base, "contacts"), contacts + imported.unwrap_or(0));
    assert_eq!(count(&base, "plans"), plans + i64::from(planned));
    assert_eq!(
        std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .any(|e| { e.file_name().to_string_lossy().ends_with("plan.csv") }),
        planned,
        "the plan's file is there when the plan is"
    );
    assert!(planned || imported.is_some(), "neither ended right");
    eprintln!("the CLI planned: {planned}; the window imported: {imported:?}");
}

#[test]
fn the_window_plans_while_the_cli_imports() {
    let dir = tempfile::tempdir().unwrap();
    let base = crate::kills::demo_seed(dir.path(), 3_000);
    let file = more_contacts(dir.path(), 40_000);
    let (contacts, plans) = (count(&base, "contacts"), count(&base, "plans"));
    let child = Command::new(env!("CARGO_BIN_EXE_adresat"))
        .args([
            "--lang",
            "en",
            "--db",
            base.to_str().unwrap(),
            "import",
            "contacts",
        ])
        .arg(&file)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    until_writing(&base);
    let store = Store::open(&base).unwrap();
    let target = dir.path().join("plan.csv");
    let planned = (|| {
        let campaign = store.campaign("Зима")?.expect("the demo's campaign");
        let made = plan::build(
            &store,
            &campaign,
            &plan::Options::new(tomorrow(), None),
            unwatched(),
        )?;
        let profile = adresat::plan::profile::find(&store, "adresat")?;
        let target = export::Target::with_profile(&target, profile, Lang::En, chrono::Utc::now());
        export::save_and_export(&store, &made, &target, unwatched())
    })();
    let planned = match planned {
        Ok(_) => true,
        Err(e) if e.id() == "error-db-busy" => false,
        Err(e) => panic!("the window's plan: {e}"),
    };
    let out = child.wait_with_output().unwrap();
    let imported = done_or_busy(&out, "the CLI's import");
    drop(store);
    assert_eq!(integrity(&base), "ok");
    if imported {
        assert!(
            count(&base, "contacts") > contacts,
            "the import's contacts are in"
        );
    } else {
        assert_eq!(count(&base, "contacts"), contacts);
    }
    assert_eq!(count(&base, "plans"), plans + i64::from(planned));
    assert!(planned || imported, "neither ended right");
    eprintln!("the window planned: {planned}; the CLI imported: {imported}");
}
