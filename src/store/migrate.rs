//! Bringing a base of an earlier version up to this one: the numbered migrations in one
//! transaction, statement by statement so the window can show how far it is and stop it, the
//! references checked after a rebuilt table, and the space a rebuilt table left given back.

use rusqlite::fallible_iterator::FallibleIterator;
use rusqlite::{Batch, OptionalExtension, Transaction};

use super::schema::{CURRENT_VERSION, MIGRATIONS};
use super::{BUSY_WAIT, MIGRATION_WAIT, Store};
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::model::task::Task;

/// The step a task is at while its base is being converted (the window shows a bar for it
/// instead of the screens).
pub const CONVERTING: u32 = 1;

impl Store {
    pub(super) fn migrate(&mut self, target: usize, task: &Task) -> Result<()> {
        let current = self.version()?;
        if current > CURRENT_VERSION {
            return Err(too_new(&self.path, current));
        }
        if current >= target {
            return Ok(());
        }
        task.step(CONVERTING);
        // A migration may rebuild a table others refer to (SQLite's documented way to change a
        // column): with foreign keys on, dropping the old table would delete what refers to it.
        // They are off while migrations run and every reference is checked before the commit.
        // Another job of the window may be migrating the same base (a million contacts take
        // seconds): this one waits for it instead of failing as busy.
        self.conn.pragma_update(None, "foreign_keys", "OFF")?;
        self.conn.busy_timeout(MIGRATION_WAIT)?;
        // A rebuilt table sorts millions of rows into its indexes: in temporary files, so the
        // memory stays bounded by the cache.
        self.conn.pragma_update(None, "temp_store", "FILE")?;
        let migrated = self.run_migrations(target, task);
        let compacted = match migrated {
            Ok(true) => self.compact(),
            _ => Ok(()),
        };
        self.conn.pragma_update(None, "temp_store", "MEMORY")?;
        self.conn.busy_timeout(BUSY_WAIT)?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        migrated.and(compacted)?;
        task.report(1.0, 0);
        Ok(())
    }

    /// Runs the migrations up to `target` in one transaction; whether one rebuilt a table. A
    /// cancel interrupts the statement running, and nothing is committed.
    fn run_migrations(&mut self, target: usize, task: &Task) -> Result<bool> {
        let interrupt = self.conn.get_interrupt_handle();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Read again under the write lock: whoever waited for another migration finds it done.
        let current: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let pending: Vec<(usize, &str)> = MIGRATIONS
            .iter()
            .copied()
            .enumerate()
            .take(target)
            .skip(current as usize)
            .collect();
        let done = std::sync::atomic::AtomicBool::new(false);
        let ran = std::thread::scope(|s| {
            // Watches for a cancel while a long statement runs.
            s.spawn(|| {
                while !done.load(std::sync::atomic::Ordering::Relaxed) {
                    if task.is_cancelled() {
                        interrupt.interrupt();
                        return;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
            });
            let ran = run_statements(&tx, &pending, task).and_then(|rebuilt| {
                if (current as usize) < REACTION_HOURS && target >= REACTION_HOURS {
                    fill_reaction_hours(&tx, task)?;
                }
                Ok(rebuilt)
            });
            done.store(true, std::sync::atomic::Ordering::Relaxed);
            ran
        });
        if task.is_cancelled() {
            return Err(Error::Cancelled);
        }
        let rebuilt = ran?;
        check_references(&tx, rebuilt)?;
        tx.commit()?;
        task.report(0.85, 0);
        Ok(rebuilt)
    }

    /// Gives back the space a rebuilt table left when it is over a quarter of the file (the
    /// old copy of a million contacts' events is a gigabyte). Another connection reading the
    /// base makes SQLite refuse; the base is whole either way, and only bigger than it needs.
    fn compact(&self) -> Result<()> {
        let pages: i64 = self
            .conn
            .pragma_query_value(None, "page_count", |r| r.get(0))?;
        let free: i64 = self
            .conn
            .pragma_query_value(None, "freelist_count", |r| r.get(0))?;
        if free * 4 < pages {
            return Ok(());
        }
        self.conn.busy_timeout(BUSY_WAIT)?;
        match self.conn.execute_batch("VACUUM") {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy =>
            {
                Ok(())
            }
            other => Ok(other?),
        }
    }
}

/// The migration that made `reaction_hours`, which SQL cannot fill: the local hour of a
/// reaction needs the contact's zone's rules.
const REACTION_HOURS: usize = 19;

/// Computes every contact's summaries from their events again, the reactions' hours with them,
/// as of the newest event (about when the last events import would have computed them: opening
/// a base reads no clock).
fn fill_reaction_hours(tx: &Transaction, task: &Task) -> Result<()> {
    let newest: Option<i64> = tx.query_row("SELECT max(at) FROM events", [], |r| r.get(0))?;
    let Some(newest) = newest else {
        return Ok(());
    };
    tx.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS touched (id INTEGER PRIMARY KEY);
         INSERT OR IGNORE INTO temp.touched (id) SELECT DISTINCT contact_id FROM events;",
    )?;
    task.stop_if()?;
    super::engagement::refresh_touched(tx, newest)
}

/// The share of a conversion's bar its statements fill; checking the references and giving
/// back the space of a rebuilt table take the rest.
const STATEMENTS_SHARE: f32 = 0.8;

/// Runs each pending migration's statements in turn, telling `task` the share done (each
/// statement weighs the same); whether one of them rebuilt a table.
fn run_statements(tx: &Transaction, pending: &[(usize, &str)], task: &Task) -> Result<bool> {
    let total: usize = pending
        .iter()
        .map(|(_, sql)| sql.matches(';').count())
        .sum();
    let mut finished = 0;
    let mut rebuilt = false;
    for (i, sql) in pending {
        let mut batch = Batch::new(tx, sql);
        while let Some(mut statement) = batch.next()? {
            task.stop_if()?;
            let mut rows = statement.raw_query();
            while rows.next()?.is_some() {}
            finished += 1;
            let share = finished as f32 / total.max(1) as f32;
            task.report(STATEMENTS_SHARE * share, finished as u64);
        }
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        rebuilt |= sql.contains("DROP TABLE");
    }
    Ok(rebuilt)
}

/// Fails when a rebuilt table lost a reference. Only a rebuilt table can have: checking every
/// one of a big base's millions of events takes seconds.
fn check_references(tx: &Transaction, rebuilt: bool) -> Result<()> {
    if !rebuilt {
        return Ok(());
    }
    let broken: Option<String> = tx
        .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
        .optional()?;
    match broken {
        Some(table) => Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY),
            Some(format!("a migration left a broken reference in {table}")),
        )
        .into()),
        None => Ok(()),
    }
}

/// A base of a newer version than this build knows: it is not read, lest it be misread.
pub(super) fn too_new(path: &std::path::Path, version: usize) -> Error {
    Error::user(
        Msg::new("error-base-too-new")
            .arg("path", path.display().to_string())
            .arg("version", version),
    )
}
