//! Contacts, their tags, orders and events: the rows and the statements that read and write them.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::hash::Hash;

use std::sync::LazyLock;

use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use rustc_hash::FxHashMap;

use super::Store;
use crate::error::Result;
pub use crate::model::contact::{Consent, EventKind, Status, TzSource};

/// The system ids of a file of unknown origin belong to, and the ones stored before ids had
/// systems: the owner's own.
pub const OWN_SYSTEM: &str = "own";

/// Consent per channel, where a file said so ("Accepts SMS Marketing"); `None` follows the
/// general consent. A plan uses the consent of its channel.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub struct ChannelConsent {
    pub whatsapp: Option<Consent>,
    pub telegram: Option<Consent>,
    pub sms: Option<Consent>,
}

/// One contact as stored. Times are UTC, RFC 3339 with `Z`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Contact {
    /// The internal id, stable for the life of the base; 0 before the first save.
    pub id: i64,
    pub external_id: Option<String>,
    /// The system the external id comes from (`amocrm`, `bitrix24`, …, [`OWN_SYSTEM`]).
    pub id_system: String,
    /// Trimmed and lower-cased; a key of its own. Role and work addresses are not kept here
    /// (they identify nobody) but as custom fields.
    pub email: Option<String>,
    pub name: Option<String>,
    pub first_name: Option<String>,
    /// E.164, `+79123456789`.
    pub phone: Option<String>,
    pub tg_chat_id: Option<String>,
    /// Without the `@`, lower case.
    pub tg_username: Option<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    /// IANA name, derived once at import.
    pub time_zone: String,
    pub tz_source: TzSource,
    pub source: Option<String>,
    pub utm_source: Option<String>,
    pub utm_medium: Option<String>,
    pub utm_campaign: Option<String>,
    pub utm_content: Option<String>,
    pub utm_term: Option<String>,
    pub consent: Consent,
    pub consent_at: Option<String>,
    pub consent_source: Option<String>,
    /// The name of the file the consent record came from.
    pub consent_file: Option<String>,
    pub status: Status,
    pub status_at: Option<String>,
    pub created_at: String,
    /// `1990-03-12`, or `--03-12` when the file gave no year.
    pub birthday: Option<String>,
    pub channel_consent: ChannelConsent,
    /// Columns of the imported file that match no known field, by their header.
    pub custom: BTreeMap<String, String>,
}

/// The kinds of key, as their fingerprints tell them apart.
#[derive(Clone, Copy)]
enum KeyKind {
    External,
    Phone,
    Email,
    TgChatId,
    TgUsername,
}

/// A row's text column, `None` when it is NULL (or not text).
fn text<'r>(r: &'r Row, i: usize) -> rusqlite::Result<Option<&'r str>> {
    match r.get_ref(i)? {
        rusqlite::types::ValueRef::Text(t) => Ok(std::str::from_utf8(t).ok()),
        _ => Ok(None),
    }
}

/// The digest of a key of `kind` with `value` (and, for an external id, its `system`).
fn fingerprint(kind: KeyKind, system: &str, value: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write_u8(kind as u8);
    h.write(system.as_bytes());
    h.write_u8(0xff);
    h.write(value.as_bytes());
    h.finish()
}

/// A key that identifies a contact, in the order DESIGN.md tries them. Each kind has its own
/// column and is never guessed from another.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ContactKey {
    /// The id a system (a CRM, a shop) gives; `amocrm:5012` and `bitrix24:5012` are two people.
    External {
        system: String,
        id: String,
    },
    Phone(String),
    Email(String),
    TgChatId(String),
    TgUsername(String),
}

impl ContactKey {
    /// The id `id` of the owner's own system ([`OWN_SYSTEM`]).
    pub fn own(id: impl Into<String>) -> ContactKey {
        ContactKey::External {
            system: OWN_SYSTEM.to_owned(),
            id: id.into(),
        }
    }

    /// A 64-bit digest of the key (kind, system and value), for in-memory sets of a million
    /// keys.
    pub fn fingerprint(&self) -> u64 {
        match self {
            ContactKey::External { system, id } => fingerprint(KeyKind::External, system, id),
            ContactKey::Phone(v) => fingerprint(KeyKind::Phone, "", v),
            ContactKey::Email(v) => fingerprint(KeyKind::Email, "", v),
            ContactKey::TgChatId(v) => fingerprint(KeyKind::TgChatId, "", v),
            ContactKey::TgUsername(v) => fingerprint(KeyKind::TgUsername, "", v),
        }
    }

    /// The fingerprints of every key `c` holds, computed without copying a key.
    pub fn fingerprints_of(c: &Contact) -> impl Iterator<Item = u64> + '_ {
        [
            c.external_id
                .as_deref()
                .map(|id| fingerprint(KeyKind::External, &c.id_system, id)),
            c.phone
                .as_deref()
                .map(|v| fingerprint(KeyKind::Phone, "", v)),
            c.email
                .as_deref()
                .map(|v| fingerprint(KeyKind::Email, "", v)),
            c.tg_chat_id
                .as_deref()
                .map(|v| fingerprint(KeyKind::TgChatId, "", v)),
            c.tg_username
                .as_deref()
                .map(|v| fingerprint(KeyKind::TgUsername, "", v)),
        ]
        .into_iter()
        .flatten()
    }

    /// The key's value.
    pub fn value(&self) -> &str {
        match self {
            ContactKey::External { id: v, .. }
            | ContactKey::Phone(v)
            | ContactKey::Email(v)
            | ContactKey::TgChatId(v)
            | ContactKey::TgUsername(v) => v,
        }
    }

    /// The key as the owner reads it: `amocrm:5012`, `+79…`, `anna@mail.ru`.
    pub fn shown(&self) -> String {
        match self {
            ContactKey::External { system, id } => format!("{system}:{id}"),
            other => other.value().to_owned(),
        }
    }

    /// The key of the same kind that `contact` has, as [`ContactKey::shown`] writes it.
    pub fn of_same_kind(&self, contact: &Contact) -> Option<String> {
        let held = match self {
            ContactKey::External { .. } => {
                let id = contact.external_id.as_deref()?;
                return Some(format!("{}:{id}", contact.id_system));
            }
            ContactKey::Phone(_) => contact.phone.as_deref(),
            ContactKey::Email(_) => contact.email.as_deref(),
            ContactKey::TgChatId(_) => contact.tg_chat_id.as_deref(),
            ContactKey::TgUsername(_) => contact.tg_username.as_deref(),
        };
        held.map(str::to_owned)
    }

    /// Whether `contact` holds this very key.
    pub fn held_by(&self, contact: &Contact) -> bool {
        let held = match self {
            ContactKey::External { system, id } => {
                return contact.id_system == *system && contact.external_id.as_ref() == Some(id);
            }
            ContactKey::Phone(_) => &contact.phone,
            ContactKey::Email(_) => &contact.email,
            ContactKey::TgChatId(_) => &contact.tg_chat_id,
            ContactKey::TgUsername(_) => &contact.tg_username,
        };
        held.as_deref() == Some(self.value())
    }
}

const COLUMNS: &str = "id, external_id, name, first_name, phone, tg_chat_id, tg_username, city, region, \
    time_zone, tz_source, source, utm_source, utm_medium, utm_campaign, utm_content, utm_term, \
    consent, consent_at, consent_source, status, status_at, created_at, custom, \
    id_system, email, birthday, consent_whatsapp, consent_telegram, consent_sms, consent_file";

/// How many columns [`COLUMNS`] names.
const COLUMN_COUNT: usize = 31;

fn read_contact(r: &Row) -> rusqlite::Result<Contact> {
    let word = |i: usize| -> rusqlite::Result<String> { r.get(i) };
    Ok(Contact {
        id: r.get(0)?,
        external_id: r.get(1)?,
        name: r.get(2)?,
        first_name: r.get(3)?,
        phone: r.get(4)?,
        tg_chat_id: r.get(5)?,
        tg_username: r.get(6)?,
        city: r.get(7)?,
        region: r.get(8)?,
        time_zone: r.get(9)?,
        tz_source: TzSource::parse(&word(10)?).unwrap_or(TzSource::Default),
        source: r.get(11)?,
        utm_source: r.get(12)?,
        utm_medium: r.get(13)?,
        utm_campaign: r.get(14)?,
        utm_content: r.get(15)?,
        utm_term: r.get(16)?,
        consent: Consent::parse(&word(17)?).unwrap_or(Consent::Unknown),
        consent_at: r.get(18)?,
        consent_source: r.get(19)?,
        status: Status::parse(&word(20)?).unwrap_or(Status::Active),
        status_at: r.get(21)?,
        created_at: r.get(22)?,
        custom: serde_json::from_str(&word(23)?).unwrap_or_default(),
        id_system: r.get(24)?,
        email: r.get(25)?,
        birthday: r.get(26)?,
        channel_consent: ChannelConsent {
            whatsapp: channel(r, 27)?,
            telegram: channel(r, 28)?,
            sms: channel(r, 29)?,
        },
        consent_file: r.get(30)?,
    })
}

fn channel(r: &Row, i: usize) -> rusqlite::Result<Option<Consent>> {
    Ok(r.get::<_, Option<String>>(i)?
        .and_then(|w| Consent::parse(&w)))
}

fn find_id(conn: &Connection, key: &ContactKey) -> Result<Option<i64>> {
    let sql = match key {
        ContactKey::External { system, id } => {
            return Ok(conn
                .prepare_cached(
                    "SELECT id FROM contacts WHERE id_system = ?1 AND external_id = ?2",
                )?
                .query_row([system, id], |r| r.get(0))
                .optional()?);
        }
        ContactKey::Phone(_) => "SELECT id FROM contacts WHERE phone = ?1",
        ContactKey::Email(_) => "SELECT id FROM contacts WHERE email = ?1",
        ContactKey::TgChatId(_) => "SELECT id FROM contacts WHERE tg_chat_id = ?1",
        ContactKey::TgUsername(_) => "SELECT id FROM contacts WHERE tg_username = ?1",
    };
    Ok(conn
        .prepare_cached(sql)?
        .query_row([key.value()], |r| r.get(0))
        .optional()?)
}

fn load_contact(conn: &Connection, id: i64) -> Result<Option<Contact>> {
    static SQL: LazyLock<String> =
        LazyLock::new(|| format!("SELECT {COLUMNS} FROM contacts WHERE id = ?1"));
    Ok(conn
        .prepare_cached(&SQL)?
        .query_row([id], read_contact)
        .optional()?)
}

/// One order, amounts in kopecks.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Order {
    pub contact_id: i64,
    pub order_id: Option<String>,
    pub ordered_at: String,
    pub amount_kop: i64,
    pub product: Option<String>,
    pub category: Option<String>,
}

impl Order {
    /// What makes two imported orders the same: the shop's order id, or else everything and
    /// which of the file's identical rows it is (`nth`, from 1): a customer who bought the same
    /// for the same amount twice on a day made two purchases, and the same file read again
    /// names the same two.
    fn dedup_key(&self, nth: u32) -> String {
        match &self.order_id {
            Some(id) => format!("id:{id}"),
            None => {
                let key = self.row_key();
                if nth > 1 { format!("{key}#{nth}") } else { key }
            }
        }
    }

    /// Everything an order without an id is told apart by.
    pub fn row_key(&self) -> String {
        format!(
            "row:{}|{}|{}|{}|{}",
            self.contact_id,
            self.ordered_at,
            self.amount_kop,
            self.product.as_deref().unwrap_or(""),
            self.category.as_deref().unwrap_or("")
        )
    }
}

/// One item of an order: a shop's line item, or one of the items a cell lists.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OrderItem {
    pub product: Option<String>,
    pub category: Option<String>,
    pub quantity: i64,
    /// The price of one, in kopecks, when the file gives it.
    pub price_kop: Option<i64>,
}

/// What a customers export says of a contact's purchases when it lists no orders: how many,
/// their total, the last one's moment.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct PurchaseSummary {
    pub orders: Option<i64>,
    pub spent_kop: Option<i64>,
    pub last_order_at: Option<String>,
}

/// One event from a sending service.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Event {
    pub contact_id: i64,
    pub campaign: String,
    pub message_id: String,
    pub kind: EventKind,
    pub button: String,
    pub at: String,
}

/// What saving a row did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Inserted,
    Updated,
    Unchanged,
}

/// Writes inside one transaction: everything done through it commits or rolls back together.
pub struct Writer<'a> {
    pub(crate) tx: Transaction<'a>,
    /// Tag name → number, for the tags this transaction has used.
    tag_ids: RefCell<FxHashMap<String, i64>>,
    /// Indexes of tables that were empty, dropped for the load and built again at commit: the
    /// table and the statement.
    rebuild: Vec<(&'static str, String)>,
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
                "INSERT INTO contacts ({COLUMNS}) VALUES ({})",
                placeholders.join(", ")
            )
        });
        execute_contact(&mut self.tx.prepare_cached(&SQL)?, c, None)?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Saves new contacts whose ids were given by [`Writer::next_contact_id`], with their tags,
    /// many rows to a statement: a million-row import spends its time in the data, not in
    /// statement overhead.
    pub fn insert_batch(&self, contacts: &[(Contact, Vec<String>)], at: &str) -> Result<()> {
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
                    let custom = custom_json(c);
                    for value in &contact_values(c, &c.id, &custom)[1..] {
                        many.raw_bind_parameter(index, value)?;
                        index += 1;
                    }
                }
                many.raw_execute()?;
                let last = chunk.last().map(|(c, _)| c.id);
                if last != Some(self.tx.last_insert_rowid()) {
                    return Err(rusqlite::Error::StatementChangedRows(0).into());
                }
            } else {
                let mut one = self.tx.prepare_cached(&INSERT_ONE)?;
                for (c, _) in chunk {
                    let custom = custom_json(c);
                    one.execute(rusqlite::params_from_iter(contact_values(
                        c, &c.id, &custom,
                    )))?;
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

    fn insert_tag_rows(&self, tags: &[(i64, i64)], at: &str) -> Result<()> {
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
        execute_contact(&mut self.tx.prepare_cached(&SQL)?, c, Some(c.id))
    }

    /// Moves everything of contact `from` — tags, orders, events, planned messages — to contact
    /// `into` and deletes `from` (DESIGN.md, "Who is who": a contact known only by e-mail joins
    /// the contact a row's phone finds). What `into` already has of the same (a tag, a planned
    /// message of the same plan, an order without an id told apart by the contact it names)
    /// stays as it is, and the other's copy goes; the merged contact's engagement is recomputed.
    pub fn merge_contacts(&self, from: i64, into: i64) -> Result<()> {
        self.tx.execute_batch(&format!(
            "UPDATE OR IGNORE tags SET contact_id = {into} WHERE contact_id = {from};
             UPDATE OR IGNORE orders SET contact_id = {into},
                    dedup_key = replace(dedup_key, 'row:{from}|', 'row:{into}|')
              WHERE contact_id = {from};
             UPDATE OR IGNORE events SET contact_id = {into} WHERE contact_id = {from};
             UPDATE OR IGNORE plan_items SET contact_id = {into} WHERE contact_id = {from};
             UPDATE OR IGNORE purchase_summary SET contact_id = {into} WHERE contact_id = {from};
             DELETE FROM contacts WHERE id = {from};"
        ))?;
        self.touch(into)?;
        self.refresh_engagement()
    }

    /// Adds the tags the contact does not have yet; returns how many were new.
    pub fn add_tags(&self, contact_id: i64, tags: &[String], at: &str) -> Result<usize> {
        if tags.is_empty() {
            return Ok(0);
        }
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
        if let Some(id) = self.tag_ids.borrow().get(name) {
            return Ok(*id);
        }
        self.tx
            .prepare_cached("INSERT OR IGNORE INTO tag_names (name) VALUES (?1)")?
            .execute([name])?;
        let id: i64 = self
            .tx
            .prepare_cached("SELECT id FROM tag_names WHERE name = ?1")?
            .query_row([name], |r| r.get(0))?;
        self.tag_ids.borrow_mut().insert(name.to_owned(), id);
        Ok(id)
    }

    /// Saves an order; one with the same order id (or, without one, the same everything and the
    /// same `nth` of the file's identical rows) is updated. Returns what happened and the
    /// order's row, which its items name.
    pub fn save_order(&self, o: &Order, nth: u32) -> Result<(Saved, i64)> {
        let key = o.dedup_key(nth);
        let existing = self
            .tx
            .prepare_cached(
                "SELECT id, contact_id, order_id, ordered_at, amount_kop, product, category
                 FROM orders WHERE dedup_key = ?1",
            )?
            .query_row([&key], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    Order {
                        contact_id: r.get(1)?,
                        order_id: r.get(2)?,
                        ordered_at: r.get(3)?,
                        amount_kop: r.get(4)?,
                        product: r.get(5)?,
                        category: r.get(6)?,
                    },
                ))
            })
            .optional()?;
        let Some((id, stored)) = existing else {
            self.tx
                .prepare_cached(
                    "INSERT INTO orders (contact_id, order_id, ordered_at, amount_kop, product, category, dedup_key)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )?
                .execute(params![o.contact_id, o.order_id, o.ordered_at, o.amount_kop, o.product, o.category, key])?;
            return Ok((Saved::Inserted, self.tx.last_insert_rowid()));
        };
        // Non-empty values win: a file without the product column keeps the stored product.
        let merged = Order {
            product: o.product.clone().or(stored.product.clone()),
            category: o.category.clone().or(stored.category.clone()),
            ..o.clone()
        };
        if merged == stored {
            return Ok((Saved::Unchanged, id));
        }
        self.tx
            .prepare_cached(
                "UPDATE orders SET contact_id = ?2, ordered_at = ?3, amount_kop = ?4, product = ?5, category = ?6
                 WHERE id = ?1",
            )?
            .execute(params![
                id,
                merged.contact_id,
                merged.ordered_at,
                merged.amount_kop,
                merged.product,
                merged.category
            ])?;
        Ok((Saved::Updated, id))
    }

    /// Keeps what a customers file says of `contact_id`'s purchases, a value the file leaves
    /// empty staying as stored; returns whether anything changed.
    pub fn save_summary(&self, contact_id: i64, said: &PurchaseSummary) -> Result<bool> {
        let stored = self
            .tx
            .prepare_cached(
                "SELECT orders, spent_kop, last_order_at FROM purchase_summary WHERE contact_id = ?1",
            )?
            .query_row([contact_id], |r| {
                Ok(PurchaseSummary {
                    orders: r.get(0)?,
                    spent_kop: r.get(1)?,
                    last_order_at: r.get(2)?,
                })
            })
            .optional()?
            .unwrap_or_default();
        let merged = PurchaseSummary {
            orders: said.orders.or(stored.orders),
            spent_kop: said.spent_kop.or(stored.spent_kop),
            last_order_at: said.last_order_at.clone().or(stored.last_order_at.clone()),
        };
        if merged == stored {
            return Ok(false);
        }
        self.tx
            .prepare_cached(
                "INSERT OR REPLACE INTO purchase_summary (contact_id, orders, spent_kop, last_order_at)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![contact_id, merged.orders, merged.spent_kop, merged.last_order_at])?;
        Ok(true)
    }

    /// Saves the `n`-th item (from 1) of the order in row `order_row`; returns whether it was
    /// new or changed. The same file read again names each item by the same place.
    pub fn save_item(&self, order_row: i64, n: u32, item: &OrderItem) -> Result<bool> {
        let stored = self
            .tx
            .prepare_cached(
                "SELECT product, category, quantity, price_kop FROM order_items
                 WHERE order_row = ?1 AND n = ?2",
            )?
            .query_row(params![order_row, n], |r| {
                Ok(OrderItem {
                    product: r.get(0)?,
                    category: r.get(1)?,
                    quantity: r.get(2)?,
                    price_kop: r.get(3)?,
                })
            })
            .optional()?;
        if stored.as_ref() == Some(item) {
            return Ok(false);
        }
        self.tx
            .prepare_cached(
                "INSERT OR REPLACE INTO order_items (order_row, n, product, category, quantity, price_kop)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                order_row,
                n,
                item.product,
                item.category,
                item.quantity,
                item.price_kop
            ])?;
        Ok(true)
    }

    /// Saves an event unless the very same one is stored; returns whether it was new.
    pub fn add_event(&self, e: &Event) -> Result<bool> {
        let added = self
            .tx
            .prepare_cached(
                "INSERT OR IGNORE INTO events (contact_id, campaign, message_id, kind, button, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                e.contact_id,
                e.campaign,
                e.message_id,
                e.kind.word(),
                e.button,
                e.at
            ])?;
        Ok(added == 1)
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
        if !self.rebuild.is_empty() {
            // An index build sorts in memory up to the cache size: a smaller cache keeps the
            // peak down while the pages already written are spilled to the log.
            self.tx
                .pragma_update(None, "cache_size", -super::INDEX_BUILD_CACHE_KIB)?;
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
fn drop_indexes_of_empty_tables(tx: &Transaction) -> Result<Vec<(&'static str, String)>> {
    let mut rebuild = Vec::new();
    for table in ["contacts", "tags", "orders", "events"] {
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
const CONTACT_ROWS: usize = 64;

static INSERT_ONE: LazyLock<String> = LazyLock::new(|| insert_sql("contacts", COLUMNS, 1));

const ADD_TAG: &str = "INSERT OR IGNORE INTO tags (contact_id, tag_id, set_at) VALUES (?1, ?2, ?3)";

/// `INSERT INTO table (columns) VALUES (?1, …), (…)` for `rows` rows.
fn insert_sql(table: &str, columns: &str, rows: usize) -> String {
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

/// The values of `c` in the order of `COLUMNS`.
fn contact_values<'c>(
    c: &'c Contact,
    id: &'c dyn rusqlite::ToSql,
    custom: &'c dyn rusqlite::ToSql,
) -> [&'c dyn rusqlite::ToSql; COLUMN_COUNT] {
    [
        id,
        &c.external_id,
        &c.name,
        &c.first_name,
        &c.phone,
        &c.tg_chat_id,
        &c.tg_username,
        &c.city,
        &c.region,
        &c.time_zone,
        c.tz_source.word(),
        &c.source,
        &c.utm_source,
        &c.utm_medium,
        &c.utm_campaign,
        &c.utm_content,
        &c.utm_term,
        c.consent.word(),
        &c.consent_at,
        &c.consent_source,
        c.status.word(),
        &c.status_at,
        &c.created_at,
        custom,
        &c.id_system,
        &c.email,
        &c.birthday,
        consent_sql(c.channel_consent.whatsapp),
        consent_sql(c.channel_consent.telegram),
        consent_sql(c.channel_consent.sms),
        &c.consent_file,
    ]
}

fn consent_sql(consent: Option<Consent>) -> &'static dyn rusqlite::ToSql {
    const NULL: Option<&str> = None;
    match consent {
        Some(c) => c.word(),
        None => &NULL,
    }
}

/// The contact's custom fields as stored: a JSON object.
fn custom_json(c: &Contact) -> String {
    serde_json::to_string(&c.custom).expect("a map of strings serialises")
}

fn execute_contact(
    stmt: &mut rusqlite::CachedStatement,
    c: &Contact,
    id: Option<i64>,
) -> Result<()> {
    let custom = custom_json(c);
    stmt.execute(rusqlite::params_from_iter(contact_values(c, &id, &custom)))?;
    Ok(())
}

impl Store {
    /// Starts a transaction; nothing written through the writer is visible until it commits,
    /// and dropping it (or the process dying) leaves the base as it was.
    pub fn writer(&mut self) -> Result<Writer<'_>> {
        self.conn()
            .pragma_update(None, "cache_size", -super::WRITE_CACHE_KIB)?;
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
            rebuild,
        })
    }

    /// Calls `f` with every contact and its tags, in id order, without holding them all in memory.
    pub fn for_each_contact(
        &self,
        mut f: impl FnMut(&Contact, &[String]) -> Result<()>,
    ) -> Result<()> {
        let sql = format!(
            "SELECT {COLUMNS}, (SELECT group_concat(name, char(31)) FROM (SELECT n.name FROM tags t
               JOIN tag_names n ON n.id = t.tag_id WHERE t.contact_id = contacts.id ORDER BY n.name)) FROM contacts ORDER BY id"
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let mut rows = stmt.query([])?;
        let mut tags = Vec::new();
        while let Some(row) = rows.next()? {
            let contact = read_contact(row)?;
            tags.clear();
            if let Some(joined) = row.get::<_, Option<String>>(COLUMN_COUNT)? {
                tags.extend(joined.split('\u{1f}').map(str::to_owned));
            }
            f(&contact, &tags)?;
        }
        Ok(())
    }

    /// The contact `id` with its tags, or `None`.
    pub fn contact(&self, id: i64) -> Result<Option<(Contact, Vec<String>)>> {
        let Some(contact) = load_contact(self.conn(), id)? else {
            return Ok(None);
        };
        let mut stmt = self.conn().prepare_cached(
            "SELECT n.name FROM tags t JOIN tag_names n ON n.id = t.tag_id
                 WHERE t.contact_id = ?1 ORDER BY n.name",
        )?;
        let tags = stmt
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(Some((contact, tags)))
    }

    /// The id of the contact holding `key`, if any.
    pub fn find_contact(&self, key: &ContactKey) -> Result<Option<i64>> {
        find_id(self.conn(), key)
    }

    /// Every contact's purchase totals from customers exports, by contact id.
    pub fn purchase_summaries(&self) -> Result<FxHashMap<i64, PurchaseSummary>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT contact_id, orders, spent_kop, last_order_at FROM purchase_summary")?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    PurchaseSummary {
                        orders: r.get(1)?,
                        spent_kop: r.get(2)?,
                        last_order_at: r.get(3)?,
                    },
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The headers of all custom fields in the base, sorted.
    pub fn custom_field_names(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn().prepare(
            "SELECT DISTINCT j.key FROM contacts, json_each(contacts.custom) AS j ORDER BY j.key",
        )?;
        let names = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(names)
    }
}
