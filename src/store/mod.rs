//! The SQLite base: opening, migrations, settings and the queries the rest of the app needs.
//! With the segment compiler (a later issue), the only home of SQL.

mod browse;
mod campaigns;
mod columns;
mod contacts;
mod engagement;
mod entries;
mod fields;
mod migrate;
mod one_contact;
mod plans;
mod profiles;
mod reaction_hours;
mod results;
mod rfm;
mod scenarios;
mod schema;
mod segments;
mod settings;
mod step_results;
mod summaries;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use browse::{
    ContactCard, ContactQuery, ContactRow, Engagement, EventLine, OrderLine, SortColumn, fold_case,
};
pub use campaigns::{FactNeeds, MessageFacts, Reach};
pub(crate) use columns::kind_id;
pub use contacts::{
    Activity, ChannelConsent, Consent, Contact, ContactKey, Event, EventKind, OWN_SYSTEM, Order,
    OrderItem, PurchaseSummary, Saved, Status, TzSource, Writer,
};
pub use entries::{EntryRow, Mark, Noted, Reactions, RunListed, RunRecord, Triggered};
pub use fields::{CONTACT_FIELDS, ContactField, contact_field};
pub use plans::{PlanHeader, PlanListed, PlanRef, SavedItem};
pub use results::Tally;
pub(crate) use results::kind_bit;
pub use rfm::{BuyerKeys, RfmRow};
pub use schema::CURRENT_VERSION;
pub use segments::SavedSegment;
pub use settings::{Setting, Settings, WHATSAPP_TIERS};
pub use step_results::{EntryStand, StepMessage, kind_index};

use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::model::task::Task;
pub use migrate::CONVERTING;
pub use one_contact::{AboutContact, ActivityAt, EventAt, OrderAt, Scores};

/// The page cache of a connection that reads, in KiB. The window runs a few such connections at
/// once (counts, the table, a card), so each stays small.
const READ_CACHE_KIB: i64 = 16 * 1024;

/// The page cache of a connection that writes through [`Store::writer`], in KiB: a big import
/// touches index pages all over the file, and a roomy cache keeps it from spilling half-built
/// pages to the log again and again. Memory is taken only as used.
pub(crate) const WRITE_CACHE_KIB: i64 = 128 * 1024;

/// The page cache while indexes of a first load are built at commit, in KiB.
pub(crate) const INDEX_BUILD_CACHE_KIB: i64 = 32 * 1024;

/// How long a statement waits for another connection's write to finish.
pub(crate) const BUSY_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// How long opening a base waits for another connection's migration of it.
pub(crate) const MIGRATION_WAIT: std::time::Duration = std::time::Duration::from_secs(600);

/// An open base file.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// What a base holds, for the status bar and `adresat stats`.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Stats {
    pub contacts: i64,
    pub consent_yes: i64,
    pub consent_no: i64,
    pub consent_unknown: i64,
    pub unsubscribed: i64,
    pub blocked: i64,
    pub tags: i64,
    pub orders: i64,
    pub events: i64,
    pub is_demo: bool,
}

impl Store {
    /// Opens (creating if needed) the base at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        // A conversion reads no clock: the task only reports and cancels.
        Store::open_with(path, Task::unwatched(chrono::DateTime::UNIX_EPOCH))
    }

    /// Opens the base like [`Store::open`]; converting a base of an earlier version tells
    /// `task` its share (step [`CONVERTING`] while it runs) and stops when the task is
    /// cancelled, the base left as it was.
    pub fn open_with(path: &Path, task: Task) -> Result<Store> {
        let mut store = Store::connect(path)?;
        store.migrate(CURRENT_VERSION, &task)?;
        Ok(store)
    }

    /// Opens the base migrated only up to `version`: how an older build left it. For tests of
    /// migrations; the app always uses [`Store::open`].
    pub fn open_at_version(path: &Path, version: usize) -> Result<Store> {
        let mut store = Store::connect(path)?;
        store.migrate(version, &Task::unwatched(chrono::DateTime::UNIX_EPOCH))?;
        Ok(store)
    }

    /// Opens the base at `path` only to read (SQLite's `mode=ro`): for a copy that must stay as
    /// it is. Every write fails with [`Error::Db`]'s "cannot be written", changing nothing; a base
    /// of an earlier version is refused, since converting it would write, and one of a newer
    /// version as [`Store::open`] refuses it.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| not_a_base(path, e))?;
        let store = Store::configured(conn, path)?;
        let version = store.version().map_err(|e| match e {
            Error::Db(e) => not_a_base(path, e),
            other => other,
        })?;
        if version > CURRENT_VERSION {
            return Err(migrate::too_new(path, version));
        }
        if version < CURRENT_VERSION {
            return Err(Error::user(
                Msg::new("error-read-only-old").arg("path", path.display().to_string()),
            ));
        }
        Ok(store)
    }

    /// Another connection to the same base, opened as this one is (read-only when it is): for a
    /// job's second thread.
    pub fn another(&self) -> Result<Store> {
        if self.conn.is_readonly(rusqlite::MAIN_DB)? {
            Store::open_read_only(&self.path)
        } else {
            Store::open(&self.path)
        }
    }

    /// A connection to the base at `path` (made if needed), as every statement expects it.
    fn connect(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let conn = Connection::open_with_flags(
            path,
            // One connection per thread: SQLite's own per-call locking is not needed.
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| not_a_base(path, e))?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| not_a_base(path, e))?;
        Store::configured(conn, path)
    }

    /// `conn` set up as every statement expects it.
    fn configured(conn: Connection, path: &Path) -> Result<Store> {
        conn.busy_timeout(BUSY_WAIT)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "cache_size", -READ_CACHE_KIB)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        browse::register_functions(&conn)?;
        Ok(Store {
            conn,
            path: path.to_owned(),
        })
    }

    /// The schema version of the open base.
    pub fn version(&self) -> Result<usize> {
        let version: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        Ok(version as usize)
    }

    /// The file this base lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Direct access for the import and export modules of this crate.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// Counts for the status bar and `adresat stats`.
    pub fn stats(&self) -> Result<Stats> {
        let mut stats = self.conn.query_row(
            "SELECT count(*),
                    count(*) FILTER (WHERE consent = 'yes'),
                    count(*) FILTER (WHERE consent = 'no'),
                    count(*) FILTER (WHERE consent = 'unknown'),
                    count(*) FILTER (WHERE status = 'unsubscribed'),
                    count(*) FILTER (WHERE status = 'blocked')
             FROM contacts",
            [],
            |r| {
                Ok(Stats {
                    contacts: r.get(0)?,
                    consent_yes: r.get(1)?,
                    consent_no: r.get(2)?,
                    consent_unknown: r.get(3)?,
                    unsubscribed: r.get(4)?,
                    blocked: r.get(5)?,
                    ..Stats::default()
                })
            },
        )?;
        stats.tags = self
            .conn
            .query_row("SELECT count(DISTINCT tag_id) FROM tags", [], |r| r.get(0))?;
        stats.orders = self
            .conn
            .query_row("SELECT count(*) FROM orders", [], |r| r.get(0))?;
        stats.events = self
            .conn
            .query_row("SELECT count(*) FROM events", [], |r| r.get(0))?;
        stats.is_demo = self.settings()?.demo;
        Ok(stats)
    }
}

fn not_a_base(path: &Path, e: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode::{DatabaseBusy, DatabaseLocked, DiskFull, ReadOnly, SystemIoFailure};
    // A base that could not be written (a full disk, a locked or read-only file) is still a base.
    if let Some(DiskFull | SystemIoFailure | ReadOnly | DatabaseBusy | DatabaseLocked) =
        e.sqlite_error_code()
    {
        return Error::from(e);
    }
    Error::user(
        Msg::new("error-not-a-base")
            .arg("path", path.display().to_string())
            .arg("reason", e.to_string()),
    )
}

/// Where the base lives when the user names none: the platform's data directory
/// (`~/.local/share/adresat/adresat.sqlite` on Linux).
pub fn default_path() -> PathBuf {
    directories::ProjectDirs::from("ru", "Adresat", "adresat")
        .map(|d| d.data_dir().join("adresat.sqlite"))
        .unwrap_or_else(|| PathBuf::from("adresat.sqlite"))
}
