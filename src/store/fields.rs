//! One registry of the fields a contact has: the column each is stored in — which is also the
//! header the contacts export writes and the import reads back, and the name `--map` takes —
//! how its value goes into that column and comes back out, and whether the segment builder
//! offers the base's own values of it. The statements that read and write contacts, and the
//! contacts export, are drawn from it. A new field is one entry here, its migration, its
//! `Contact` member and its import field; `tests/it/fields.rs` fails until all of them are there.

use rusqlite::types::{FromSql, ToSql, ToSqlOutput, ValueRef};

use super::Contact;

/// A field of a contact.
pub struct ContactField {
    /// Its column in `contacts`, its export header, its import name.
    pub key: &'static str,
    /// Its value as the column stores it (`NULL` when the contact has none).
    pub stored: fn(&Contact) -> rusqlite::Result<ToSqlOutput<'_>>,
    /// Sets the contact's member from the column's value.
    pub load: fn(&mut Contact, ValueRef<'_>) -> rusqlite::types::FromSqlResult<()>,
    /// The builder's drop-downs offer the values the base holds.
    pub offers_values: bool,
}

impl ContactField {
    /// Its value as the export writes it: the stored text, empty when the contact has none.
    pub fn value(&self, c: &Contact) -> String {
        let text = |v: ValueRef<'_>| match v {
            ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
            ValueRef::Integer(n) => n.to_string(),
            _ => String::new(),
        };
        match (self.stored)(c) {
            Ok(ToSqlOutput::Borrowed(v)) => text(v),
            Ok(ToSqlOutput::Owned(v)) => text(ValueRef::from(&v)),
            _ => String::new(),
        }
    }
}

/// The entry of the member `$member` of [`Contact`] (a path through a nested struct is
/// allowed), stored in the column `$key` as its own type goes into SQL.
macro_rules! field {
    ($key:ident, offers $offers:expr) => {
        field!(stringify!($key), $key, offers $offers)
    };
    ($key:expr, $($member:ident).+, offers $offers:expr) => {
        ContactField {
            key: $key,
            stored: |c| c.$($member).+.to_sql(),
            load: |c, v| {
                c.$($member).+ = FromSql::column_result(v)?;
                Ok(())
            },
            offers_values: $offers,
        }
    };
}

/// Every stored field of a contact, in the order the contacts export writes them (after the
/// internal id; before the purchase totals, the tags and the custom fields).
pub const CONTACT_FIELDS: &[ContactField] = &[
    field!(external_id, offers false),
    field!(id_system, offers false),
    field!(email, offers false),
    field!(name, offers false),
    field!(first_name, offers false),
    field!(phone, offers false),
    field!(tg_chat_id, offers false),
    field!(tg_username, offers false),
    field!(city, offers true),
    field!(region, offers true),
    field!(time_zone, offers true),
    field!(tz_source, offers false),
    field!(source, offers true),
    field!(utm_source, offers true),
    field!(utm_medium, offers true),
    field!(utm_campaign, offers true),
    field!(utm_content, offers true),
    field!(utm_term, offers true),
    field!(consent, offers false),
    field!(consent_at, offers false),
    field!(consent_source, offers false),
    field!(consent_file, offers false),
    field!(status, offers false),
    field!(status_at, offers false),
    field!(created_at, offers false),
    field!(birthday, offers false),
    field!("consent_whatsapp", channel_consent.whatsapp, offers false),
    field!("consent_telegram", channel_consent.telegram, offers false),
    field!("consent_sms", channel_consent.sms, offers false),
];

/// The field stored in the column `key`.
pub fn contact_field(key: &str) -> Option<&'static ContactField> {
    CONTACT_FIELDS.iter().find(|f| f.key == key)
}
