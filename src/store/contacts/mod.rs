//! Contacts, their tags, orders and events: the rows and the statements that read and write them.

mod activity;
mod key;
mod purchases;
mod writer;

use std::collections::BTreeMap;
use std::sync::LazyLock;

use rusqlite::{Connection, OptionalExtension, Row};
use rustc_hash::FxHashMap;

use super::{CONTACT_FIELDS, Store};
use crate::error::Result;
pub use crate::model::contact::{Consent, EventKind, Status, TzSource};
use crate::model::time::Moment;
pub use activity::Activity;
pub use key::ContactKey;
use key::find_id;
pub use purchases::{Event, Order, OrderItem, PurchaseSummary, Saved};
pub use writer::Writer;

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

/// One contact as stored.
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
    pub consent_at: Option<Moment>,
    pub consent_source: Option<String>,
    /// The name of the file the consent record came from.
    pub consent_file: Option<String>,
    pub status: Status,
    pub status_at: Option<Moment>,
    pub created_at: Moment,
    /// `1990-03-12`, or `--03-12` when the file gave no year.
    pub birthday: Option<String>,
    pub channel_consent: ChannelConsent,
    /// Columns of the imported file that match no known field, by their header.
    pub custom: BTreeMap<String, String>,
}

impl Contact {
    /// A contact of nothing but its zone, created at `created_at`: what an import fills in
    /// from a row, and what reading a stored row starts from.
    pub fn new(created_at: Moment, time_zone: String) -> Contact {
        Contact {
            id: 0,
            external_id: None,
            id_system: OWN_SYSTEM.to_owned(),
            email: None,
            name: None,
            first_name: None,
            phone: None,
            tg_chat_id: None,
            tg_username: None,
            city: None,
            region: None,
            time_zone,
            tz_source: TzSource::Default,
            source: None,
            utm_source: None,
            utm_medium: None,
            utm_campaign: None,
            utm_content: None,
            utm_term: None,
            consent: Consent::Unknown,
            consent_at: None,
            consent_source: None,
            consent_file: None,
            status: Status::Active,
            status_at: None,
            created_at,
            birthday: None,
            channel_consent: ChannelConsent::default(),
            custom: BTreeMap::new(),
        }
    }
}

/// The columns of a contact's row, the registry's fields between the id and the custom fields.
pub(super) static COLUMNS: LazyLock<String> = LazyLock::new(|| {
    let fields = CONTACT_FIELDS.iter().map(|f| f.key);
    let all: Vec<&str> = std::iter::once("id")
        .chain(fields)
        .chain(["custom"])
        .collect();
    all.join(", ")
});

/// How many columns [`COLUMNS`] names.
pub(super) const COLUMN_COUNT: usize = CONTACT_FIELDS.len() + 2;

/// The place of the custom fields' JSON in [`COLUMNS`].
const CUSTOM: usize = COLUMN_COUNT - 1;

/// A contact from a row whose first columns are [`COLUMNS`].
pub(super) fn read_contact(r: &Row) -> rusqlite::Result<Contact> {
    // The start is overwritten column by column; only its shape matters.
    static START: LazyLock<Moment> = LazyLock::new(|| Moment::of(chrono::DateTime::UNIX_EPOCH));
    let mut c = Contact::new(START.clone(), String::new());
    c.id = r.get(0)?;
    for (i, field) in CONTACT_FIELDS.iter().enumerate() {
        let value = r.get_ref(i + 1)?;
        (field.load)(&mut c, value).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(i + 1, value.data_type(), Box::new(e))
        })?;
    }
    c.custom = match r.get_ref(CUSTOM)? {
        rusqlite::types::ValueRef::Text(t) => serde_json::from_slice(t).unwrap_or_default(),
        _ => BTreeMap::new(),
    };
    Ok(c)
}

pub(super) fn load_contact(conn: &Connection, id: i64) -> Result<Option<Contact>> {
    static SQL: LazyLock<String> =
        LazyLock::new(|| format!("SELECT {} FROM contacts WHERE id = ?1", *COLUMNS));
    Ok(conn
        .prepare_cached(&SQL)?
        .query_row([id], read_contact)
        .optional()?)
}

impl Store {
    /// Calls `f` with every contact and its tags, in id order, without holding them all in memory.
    pub fn for_each_contact(
        &self,
        mut f: impl FnMut(&Contact, &[String]) -> Result<()>,
    ) -> Result<()> {
        let sql = format!(
            "SELECT {}, (SELECT group_concat(name, char(31)) FROM (SELECT n.name FROM tags t
               JOIN tag_names n ON n.id = t.tag_id WHERE t.contact_id = contacts.id ORDER BY n.name)) FROM contacts ORDER BY id",
            *COLUMNS
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
