//! What the fuzz targets share: a small real base (the import fixtures' contacts, orders and
//! events in a SQLite file of a temporary folder), made once per fuzzing process, and the fixed
//! moment every target runs at, so a crash replays the same way.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock};

use adresat::import::{self, ConsentStatement, ImportKind, ImportOptions};
use adresat::model::task::Task;
use adresat::store::Store;
use chrono::{DateTime, TimeZone, Utc};

/// The moment every target runs at.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap()
}

/// The fixtures folder of the main crate's tests.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/import")
}

/// A base and the folder it lives in (removed with it).
pub struct Scratch {
    pub dir: tempfile::TempDir,
    pub store: Store,
}

impl Scratch {
    /// A new base holding the fixtures' contacts, orders and events: a copy of one made once
    /// per process.
    pub fn filled() -> Scratch {
        static SEED: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
        let (_, seed) = SEED.get_or_init(|| {
            let dir = tempfile::tempdir().expect("a temporary folder");
            let path = dir.path().join("seed.sqlite");
            fill(&mut Store::open(&path).expect("a new base"));
            (dir, path)
        });
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("fuzz.sqlite");
        std::fs::copy(seed, &path).expect("the seed base copied");
        let store = Store::open(&path).expect("the seed base opens");
        Scratch { dir, store }
    }

    /// A path in the base's folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

/// Imports the own-format fixtures into `store`.
fn fill(store: &mut Store) {
    for (kind, file) in [
        (ImportKind::Contacts, "contacts-own.csv"),
        (ImportKind::Orders, "orders-own.csv"),
        (ImportKind::Events, "events-own.csv"),
    ] {
        let options = options(kind, true);
        import::run(
            store,
            &fixtures().join(file),
            &options,
            Task::unwatched(now()),
        )
        .expect("the fixtures import");
    }
}

/// Import options for `kind` at [`now`]; a contacts file `stated` as agreed to messages.
pub fn options(kind: ImportKind, stated: bool) -> ImportOptions {
    let mut options = ImportOptions::new(kind, now());
    if stated && kind == ImportKind::Contacts {
        options.consent =
            ConsentStatement::new("форма на сайте", "01.11.2026", chrono_tz::UTC, now()).ok();
    }
    options
}

/// The process's one filled base, made at the first call.
pub fn shared() -> MutexGuard<'static, Scratch> {
    static SHARED: OnceLock<Mutex<Scratch>> = OnceLock::new();
    SHARED
        .get_or_init(|| Mutex::new(Scratch::filled()))
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
