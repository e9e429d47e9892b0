//! Contacts, their tags, orders and events: the rows and the statements that read and write them.

mod key;
mod purchases;
mod writer;

use std::collections::BTreeMap;
use std::sync::LazyLock;

use rusqlite::{Connection, OptionalExtension, Row};
use rustc_hash::FxHashMap;

use super::Store;
use crate::error::Result;
pub use crate::model::contact::{Consent, EventKind, Status, TzSource};
use crate::model::time::Moment;
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

pub(super) const COLUMNS: &str = "id, external_id, name, first_name, phone, tg_chat_id, tg_username, city, region, \
    time_zone, tz_source, source, utm_source, utm_medium, utm_campaign, utm_content, utm_term, \
    consent, consent_at, consent_source, status, status_at, created_at, custom, \
    id_system, email, birthday, consent_whatsapp, consent_telegram, consent_sms, consent_file";

/// How many columns [`COLUMNS`] names.
pub(super) const COLUMN_COUNT: usize = 31;

pub(super) fn read_contact(r: &Row) -> rusqlite::Result<Contact> {
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

pub(super) fn channel(r: &Row, i: usize) -> rusqlite::Result<Option<Consent>> {
    Ok(r.get::<_, Option<String>>(i)?
        .and_then(|w| Consent::parse(&w)))
}

pub(super) fn load_contact(conn: &Connection, id: i64) -> Result<Option<Contact>> {
    static SQL: LazyLock<String> =
        LazyLock::new(|| format!("SELECT {COLUMNS} FROM contacts WHERE id = ?1"));
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
