//! The writer an import saves through: one transaction, contacts inserted in batches, tags,
//! merges, and the indexes of empty tables dropped for a first load and built again at commit.

use std::cell::RefCell;
use std::sync::LazyLock;

use rusqlite::{Row, Statement, Transaction, params};
use rustc_hash::{FxHashMap, FxHashSet};

use super::key::{ContactKey, KeyKind, find_id, fingerprint};
use super::{COLUMN_COUNT, COLUMNS, Contact, OWN_SYSTEM, load_contact};
use crate::error::Result;
use crate::model::time::Moment;
use crate::store::CONTACT_FIELDS;
use crate::store::Store;

/// A row's text column, `None` when it is NULL (or not text).
pub(super) fn text<'r>(r: &'r Row, i: usize) -> rusqlite::Result<Option<&'r str>> {
    match r.get_ref(i)? {
        rusqlite::types::ValueRef::Text(t) => Ok(std::str::from_utf8(t).ok()),
        _ => Ok(None),
    }
}

/// Writes inside one transaction: everything done through it commits or rolls back together.
pub struct Writer<'a> {
    pub(crate) tx: Transaction<'a>,
    /// Tag name → number, for the tags this transaction has used.
    tag_ids: RefCell<FxHashMap<String, i64>>,
    /// Campaign name → number, for the campaigns this transaction's events named.
    pub(super) campaign_ids: RefCell<FxHashMap<String, i64>>,
    /// Kind of event name → number, for the owner's own kinds of activity this transaction named.
    pub(super) kind_ids: RefCell<FxHashMap<String, i64>>,
    /// Indexes of tables that were empty, dropped for the load and built again at commit: the
    /// table and the statement.
    rebuild: Vec<(&'static str, String)>,
    /// The contacts whose orders this transaction changed: their totals are recomputed at commit.
    pub(super) orders_changed: RefCell<FxHashSet<i64>>,
}

impl Writer<'_> {
    /// The contact holding `key`, if any.
    pub fn find(&self, key: &ContactKey) -> Result<Option<i64>> {
        find_id(&self.tx, key)
    }

    /// The stored contact `id`.
    pub fn load(&self, id: i64) -> Result<Contact> {
        load_contact(&self.tx, id)?.ok_or(rusqlite::Error::QueryReturnedNoRows.into())
    }

    /// Saves a new contact and returns its id.
    pub fn insert(&self, c: &Contact) -> Result<i64> {
        static SQL: LazyLock<String> = LazyLock::new(|| {
            let placeholders: Vec<String> = (1..=COLUMN_COUNT).map(|i| format!("?{i}")).collect();
            format!(
                "INSERT INTO contacts ({}) VALUES ({})",
                *COLUMNS,
                placeholders.join(", ")
            )
        });
        execute_contact(&mut *self.tx.prepare_cached(&SQL)?, c, None)?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Saves new contacts whose ids were given by [`Writer::next_contact_id`], with their tags,
    /// many rows to a statement: a million-row import spends its time in the data, not in
    /// statement overhead.
    pub fn insert_batch(&self, contacts: &[(Contact, Vec<String>)], at: &Moment) -> Result<()> {
        // The ids are left for SQLite to give: an explicit rowid could fail to be an integer, which
        // makes SQLite keep an undo log for every statement and doubles the cost of the insert.
        // SQLite gives max(id) + 1, the very ids assigned; a mismatch would be a bug, and ends the
        // transaction. OR FAIL, not ABORT, for the same reason: the keys are known to be new.
        static MANY: LazyLock<String> = LazyLock::new(|| {
            insert_sql("contacts", &COLUMNS["id, ".len()..], CONTACT_ROWS)
                .replace("INSERT", "INSERT OR FAIL")
        });
        let mut many = self.tx.prepare_cached(&MANY)?;
        for chunk in contacts.chunks(CONTACT_ROWS) {
            if chunk.len() == CONTACT_ROWS {
                // Bound one by one into the statement kept for the whole batch: collecting 1,472
                // values into a list and clearing them after every statement cost nearly as much
                // as the insert itself.
                let mut index = 1;
                for (c, _) in chunk {
                    index = bind_fields(&mut many, index, c)?;
                }
                many.raw_execute()?;
                let last = chunk.last().map(|(c, _)| c.id);
                if last != Some(self.tx.last_insert_rowid()) {
                    return Err(rusqlite::Error::StatementChangedRows(0).into());
                }
            } else {
                let mut one = self.tx.prepare_cached(&INSERT_ONE)?;
                for (c, _) in chunk {
                    execute_contact(&mut one, c, Some(c.id))?;
                }
            }
        }
        let mut tags = Vec::new();
        for (c, names) in contacts {
            for name in names {
                tags.push((c.id, self.tag_id(name)?));
            }
        }
        self.insert_tag_rows(&tags, at)
    }

    fn insert_tag_rows(&self, tags: &[(i64, i64)], at: &Moment) -> Result<()> {
        // Tags keep the moment they were set as unix seconds.
        let at = at.utc().timestamp();
        const ROWS: usize = 128;
        static MANY: LazyLock<String> = LazyLock::new(|| {
            insert_sql("tags", "contact_id, tag_id, set_at", ROWS)
                .replace("INSERT", "INSERT OR IGNORE")
        });
        let mut many = self.tx.prepare_cached(&MANY)?;
        for chunk in tags.chunks(ROWS) {
            if chunk.len() == ROWS {
                for (i, (contact, tag)) in chunk.iter().enumerate() {
                    many.raw_bind_parameter(3 * i + 1, contact)?;
                    many.raw_bind_parameter(3 * i + 2, tag)?;
                    many.raw_bind_parameter(3 * i + 3, at)?;
                }
                many.raw_execute()?;
            } else {
                let mut stmt = self.tx.prepare_cached(ADD_TAG)?;
                for (contact, tag) in chunk {
                    stmt.execute(params![contact, tag, at])?;
                }
            }
        }
        Ok(())
    }

    /// The id the next new contact gets.
    pub fn next_contact_id(&self) -> Result<i64> {
        Ok(self
            .tx
            .query_row("SELECT coalesce(max(id), 0) + 1 FROM contacts", [], |r| {
                r.get(0)
            })?)
    }

    /// Whether some contact holds an external id of `system`.
    pub fn holds_ids_of(&self, system: &str) -> Result<bool> {
        Ok(self.tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM contacts WHERE id_system = ?1 AND external_id IS NOT NULL)",
            [system],
            |r| r.get(0),
        )?)
    }

    /// Calls `f` with the fingerprint of every stored key ([`ContactKey::fingerprint`]) and the
    /// contact holding it, so an import can find contacts in memory, without the key indexes
    /// (which it may have dropped) and without a copy of a million keys.
    pub fn each_key(&self, mut f: impl FnMut(u64, i64)) -> Result<()> {
        let mut stmt = self.tx.prepare(
            "SELECT id, external_id, phone, email, tg_chat_id, tg_username, id_system FROM contacts",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let system = text(r, 6)?.unwrap_or(OWN_SYSTEM);
            let kinds = [
                KeyKind::External,
                KeyKind::Phone,
                KeyKind::Email,
                KeyKind::TgChatId,
                KeyKind::TgUsername,
            ];
            for (i, kind) in kinds.into_iter().enumerate() {
                if let Some(value) = text(r, i + 1)? {
                    let system = if i == 0 { system } else { "" };
                    f(fingerprint(kind, system, value), id);
                }
            }
        }
        Ok(())
    }

    /// Overwrites the stored contact `c.id` with `c`.
    pub fn update(&self, c: &Contact) -> Result<()> {
        static SQL: LazyLock<String> = LazyLock::new(|| {
            let sets: Vec<String> = COLUMNS
                .split(", ")
                .enumerate()
                .skip(1)
                .map(|(i, col)| format!("{col} = ?{}", i + 1))
                .collect();
            format!("UPDATE contacts SET {} WHERE id = ?1", sets.join(", "))
        });
        execute_contact(&mut *self.tx.prepare_cached(&SQL)?, c, Some(c.id))
    }

    /// Moves everything of contact `from` — tags, orders, events, activity, planned messages — to contact
    /// `into` and deletes `from` (DESIGN.md, "Who is who": a contact known only by e-mail joins
    /// the contact a row's phone finds). What `into` already has of the same (a tag, a planned
    /// message of the same plan, an order without an id told apart by the contact it names)
    /// stays as it is, and the other's copy goes; the merged contact's engagement is recomputed.
    pub fn merge_contacts(&self, from: i64, into: i64, now: &Moment) -> Result<()> {
        self.tx.execute_batch(&format!(
            "UPDATE OR IGNORE tags SET contact_id = {into} WHERE contact_id = {from};
             UPDATE OR IGNORE orders SET contact_id = {into},
                    dedup_key = replace(dedup_key, 'row:{from}|', 'row:{into}|')
              WHERE contact_id = {from};
             UPDATE OR IGNORE events SET contact_id = {into} WHERE contact_id = {from};
             UPDATE OR IGNORE activity SET contact_id = {into} WHERE contact_id = {from};
             UPDATE OR IGNORE plan_items SET contact_id = {into} WHERE contact_id = {from};
             UPDATE OR IGNORE purchase_summary SET contact_id = {into} WHERE contact_id = {from};
             DELETE FROM contacts WHERE id = {from};"
        ))?;
        self.orders_changed.borrow_mut().insert(into);
        self.touch(into)?;
        self.refresh_engagement(now.utc().timestamp())
    }

    /// Adds the tags the contact does not have yet; returns how many were new.
    pub fn add_tags(&self, contact_id: i64, tags: &[String], at: &Moment) -> Result<usize> {
        if tags.is_empty() {
            return Ok(0);
        }
        let at = at.utc().timestamp();
        // One read of the tags the contact has spares an insert for each of them: a re-import
        // mostly brings tags the base already holds.
        let held = self
            .tx
            .prepare_cached("SELECT tag_id FROM tags WHERE contact_id = ?1")?
            .query_map([contact_id], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = self.tx.prepare_cached(ADD_TAG)?;
        let mut added = 0;
        for tag in tags {
            let tag_id = self.tag_id(tag)?;
            if !held.contains(&tag_id) {
                added += stmt.execute(params![contact_id, tag_id, at])?;
            }
        }
        Ok(added)
    }

    /// The number of a tag name, created on first use.
    fn tag_id(&self, name: &str) -> Result<i64> {
        self.numbered(
            &self.tag_ids,
            "INSERT OR IGNORE INTO tag_names (name) VALUES (?1)",
            "SELECT id FROM tag_names WHERE name = ?1",
            name,
            &[],
        )
    }

    /// The number of `name` in a table of names, remembered in `cache`: `insert` adds its row
    /// if it is new (the name, then `rest`), `select` reads its number by the name.
    pub(super) fn numbered(
        &self,
        cache: &RefCell<FxHashMap<String, i64>>,
        insert: &str,
        select: &str,
        name: &str,
        rest: &[&dyn rusqlite::ToSql],
    ) -> Result<i64> {
        if let Some(id) = cache.borrow().get(name) {
            return Ok(*id);
        }
        let mut row: Vec<&dyn rusqlite::ToSql> = vec![&name];
        row.extend_from_slice(rest);
        self.tx.prepare_cached(insert)?.execute(row.as_slice())?;
        let id: i64 = self
            .tx
            .prepare_cached(select)?
            .query_row([name], |r| r.get(0))?;
        cache.borrow_mut().insert(name.to_owned(), id);
        Ok(id)
    }

    /// How many indexes this writer dropped (their tables were empty) and builds at commit.
    pub fn index_builds(&self) -> usize {
        self.rebuild.len()
    }

    /// Commits everything written through this writer.
    pub fn commit(self) -> Result<()> {
        self.commit_with(|_| true)
    }

    /// Commits, first calling `before_index(done, total)` before each dropped index is built
    /// again, with the share of the building done so far (each index weighs its table's rows);
    /// when it returns false nothing is committed (`Error::Cancelled`).
    pub fn commit_with(self, mut before_index: impl FnMut(f32) -> bool) -> Result<()> {
        self.refresh_order_totals()?;
        if !self.rebuild.is_empty() {
            // An index build sorts in memory up to the cache size: a smaller cache keeps the
            // peak down while the pages already written are spilled to the log.
            self.tx
                .pragma_update(None, "cache_size", -super::super::INDEX_BUILD_CACHE_KIB)?;
            self.tx.execute_batch("PRAGMA shrink_memory")?;
        }
        let mut rows = FxHashMap::default();
        for (table, _) in &self.rebuild {
            if !rows.contains_key(table) {
                let n: i64 =
                    self.tx
                        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
                rows.insert(*table, n.max(1) as f32);
            }
        }
        let total: f32 = self.rebuild.iter().map(|(t, _)| rows[t]).sum();
        let mut done = 0.0;
        for (table, sql) in &self.rebuild {
            if !before_index(done / total) {
                return Err(crate::error::Error::Cancelled);
            }
            self.tx.execute_batch(sql)?;
            done += rows[table];
        }
        self.tx.commit()?;
        Ok(())
    }
}

/// Drops the secondary indexes of the tables that hold no rows yet and returns the statements that
/// build them again. Filling a table first and sorting its index once at the end is several times
/// faster than keeping the index in order row by row; the first import of a big base gains most.
/// Unique indexes go too: the import keeps the keys it gives out unique itself, and building the
/// index at the end still refuses a duplicate, failing the whole transaction. (A column's UNIQUE
/// constraint has no SQL of its own and stays.)
pub(super) fn drop_indexes_of_empty_tables(
    tx: &Transaction,
) -> Result<Vec<(&'static str, String)>> {
    let mut rebuild = Vec::new();
    // The summaries too: the first events import of a base writes millions of their rows at once.
    for table in [
        "contacts",
        "tags",
        "orders",
        "events",
        "contact_kinds",
        "campaign_reach",
        "engagement",
    ] {
        let empty: bool = tx.query_row(
            &format!("SELECT NOT EXISTS (SELECT 1 FROM {table})"),
            [],
            |r| r.get(0),
        )?;
        if !empty {
            continue;
        }
        let mut stmt = tx.prepare(
            "SELECT name, sql FROM sqlite_schema
             WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL",
        )?;
        let indexes = stmt
            .query_map([table], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (name, sql) in indexes {
            tx.execute_batch(&format!("DROP INDEX \"{name}\""))?;
            rebuild.push((table, sql));
        }
    }
    Ok(rebuild)
}

/// Rows of one multi-row contacts insert.
pub(super) const CONTACT_ROWS: usize = 64;

pub(super) static INSERT_ONE: LazyLock<String> =
    LazyLock::new(|| insert_sql("contacts", &COLUMNS, 1));

pub(super) const ADD_TAG: &str =
    "INSERT OR IGNORE INTO tags (contact_id, tag_id, set_at) VALUES (?1, ?2, ?3)";

/// `INSERT INTO table (columns) VALUES (?1, …), (…)` for `rows` rows.
pub(super) fn insert_sql(table: &str, columns: &str, rows: usize) -> String {
    let width = columns.split(", ").count();
    let tuples: Vec<String> = (0..rows)
        .map(|r| {
            let row: Vec<String> = (1..=width).map(|c| format!("?{}", r * width + c)).collect();
            format!("({})", row.join(", "))
        })
        .collect();
    format!(
        "INSERT INTO {table} ({columns}) VALUES {}",
        tuples.join(", ")
    )
}

/// Binds `c`'s fields and custom fields, in the order of [`COLUMNS`] after the id, from the
/// parameter `at`; returns the next free one.
fn bind_fields(stmt: &mut Statement, mut at: usize, c: &Contact) -> Result<usize> {
    for field in CONTACT_FIELDS {
        stmt.raw_bind_parameter(at, (field.stored)(c)?)?;
        at += 1;
    }
    stmt.raw_bind_parameter(at, custom_json(c))?;
    Ok(at + 1)
}

/// The contact's custom fields as stored: a JSON object.
fn custom_json(c: &Contact) -> String {
    serde_json::to_string(&c.custom).expect("a map of strings serialises")
}

/// Runs a statement whose parameters are `id` and then [`bind_fields`]'s.
fn execute_contact(stmt: &mut Statement, c: &Contact, id: Option<i64>) -> Result<()> {
    stmt.raw_bind_parameter(1, id)?;
    bind_fields(stmt, 2, c)?;
    stmt.raw_execute()?;
    Ok(())
}

impl Store {
    /// Starts a transaction; nothing written through the writer is visible until it commits,
    /// and dropping it (or the process dying) leaves the base as it was.
    pub fn writer(&mut self) -> Result<Writer<'_>> {
        self.conn()
            .pragma_update(None, "cache_size", -super::super::WRITE_CACHE_KIB)?;
        // A big import sorts millions of rows (index builds, the engagement summary): in temporary
        // files rather than in memory, so the memory stays bounded by the cache.
        self.conn().pragma_update(None, "temp_store", "FILE")?;
        let tx = self
            .conn_mut()
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let rebuild = drop_indexes_of_empty_tables(&tx)?;
        Ok(Writer {
            tx,
            tag_ids: RefCell::default(),
            campaign_ids: RefCell::default(),
            kind_ids: RefCell::default(),
            rebuild,
            orders_changed: RefCell::default(),
        })
    }
}
