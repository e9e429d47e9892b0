//! Helpers: a temporary base, files written in a chosen encoding, one-call imports.

use std::path::{Path, PathBuf};

use adresat::import::{self, ImportKind, ImportOptions, ImportReport};
use adresat::model::task::Task;
use adresat::store::{Contact, ContactKey, Store};

/// A temporary folder with a base in it; both vanish with the value.
pub struct Scratch {
    pub dir: tempfile::TempDir,
    pub store: Store,
}

impl Scratch {
    pub fn new() -> Scratch {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("base.sqlite")).expect("open base");
        Scratch { dir, store }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes `text` to `name` as UTF-8 and returns the path.
    pub fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, text).expect("write file");
        path
    }

    pub fn import(&mut self, kind: ImportKind, path: &Path) -> ImportReport {
        self.try_import(&ImportOptions::new(kind, chrono::Utc::now()), path)
            .expect("import commits")
    }

    pub fn try_import(
        &mut self,
        options: &ImportOptions,
        path: &Path,
    ) -> adresat::Result<ImportReport> {
        import::run(&mut self.store, path, options, unwatched())
    }

    /// Imports contacts given as CSV text.
    pub fn contacts(&mut self, csv: &str) -> ImportReport {
        let path = self.file("contacts.csv", csv);
        self.import(ImportKind::Contacts, &path)
    }

    pub fn by_phone(&self, phone: &str) -> (Contact, Vec<String>) {
        let id = self
            .store
            .find_contact(&ContactKey::Phone(phone.to_owned()))
            .expect("query")
            .unwrap_or_else(|| panic!("no contact with phone {phone}"));
        self.store
            .contact(id)
            .expect("query")
            .expect("contact exists")
    }

    pub fn by_external(&self, ext: &str) -> (Contact, Vec<String>) {
        self.by_system_id("own", ext)
    }

    /// The contact holding the id `ext` of the system `system` (`amocrm`, `shopify`, …).
    pub fn by_system_id(&self, system: &str, ext: &str) -> (Contact, Vec<String>) {
        let key = ContactKey::External {
            system: system.to_owned(),
            id: ext.to_owned(),
        };
        let id = self
            .store
            .find_contact(&key)
            .expect("query")
            .unwrap_or_else(|| panic!("no contact with external id {system}:{ext}"));
        self.store
            .contact(id)
            .expect("query")
            .expect("contact exists")
    }

    pub fn count(&self) -> i64 {
        self.store.stats().expect("stats").contacts
    }
}

/// The ids of the reasons rows were rejected for, with their lines.
pub fn reject_ids(report: &ImportReport) -> Vec<(u64, &'static str)> {
    report
        .rejects
        .iter()
        .map(|r| (r.line, r.reason.id))
        .collect()
}

/// The task of a job nobody watches or stops, at this moment.
pub fn unwatched() -> Task<'static> {
    Task::unwatched(chrono::Utc::now())
}

/// A small deterministic generator (xorshift), so a failure can be replayed from its seed.
pub struct Dice(pub u64);

impl Dice {
    /// A number below `n` (which must not be 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Every row of every table of the base at `path`, each table's rows sorted: the base's logical
/// content, to compare before and after a job that must change nothing.
pub fn dump(path: &Path) -> Vec<(String, Vec<String>)> {
    let conn = rusqlite::Connection::open(path).expect("open base");
    let mut tables = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap();
    let names: Vec<String> = tables
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    names
        .into_iter()
        .map(|name| {
            let mut stmt = conn.prepare(&format!("SELECT * FROM \"{name}\"")).unwrap();
            let width = stmt.column_count();
            let mut rows: Vec<String> = stmt
                .query_map([], |r| {
                    (0..width)
                        .map(|i| r.get_ref(i).map(cell))
                        .collect::<rusqlite::Result<Vec<_>>>()
                        .map(|cells| cells.join("|"))
                })
                .unwrap()
                .map(Result::unwrap)
                .collect();
            rows.sort();
            (name, rows)
        })
        .collect()
}

/// One value as [`dump`] shows it: `Integer(5)`, `Text("…")`, `Real(0.5)`, `Null`, `Blob(…)`.
fn cell(value: rusqlite::types::ValueRef) -> String {
    use rusqlite::types::ValueRef;
    match value {
        ValueRef::Text(t) => format!("Text({:?})", String::from_utf8_lossy(t)),
        other => format!("{other:?}"),
    }
}

/// Tomorrow in the machine's zone: a plan's date that is never in the past.
pub fn tomorrow() -> chrono::NaiveDate {
    chrono::Local::now().date_naive() + chrono::Duration::days(1)
}

/// What `PRAGMA integrity_check` says of the base at `path` (`ok` when whole).
pub fn integrity(path: &Path) -> String {
    rusqlite::Connection::open(path)
        .expect("open base")
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity check")
}

/// Every contact's telling reactions by local hour, by contact id.
pub fn reaction_hours(
    store: &Store,
) -> std::collections::HashMap<i64, adresat::model::reaction_hours::Hours> {
    let mut all = std::collections::HashMap::new();
    store
        .each_reaction_hours(|id, hours| {
            all.insert(id, hours.clone());
        })
        .expect("read reaction hours");
    all
}
