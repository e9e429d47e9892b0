//! One registry of the fields a contact has: the column each is stored in — which is also the
//! header the contacts export writes and the import reads back, and the name `--map` takes —
//! its value as exported, and whether the segment builder offers the base's own values of it.
//! A new field is one entry here, its migration, its `Contact` member and its import field;
//! `tests/it/fields.rs` fails until all of them are there.

use super::Contact;

/// A field of a contact.
pub struct ContactField {
    /// Its column in `contacts`, its export header, its import name.
    pub key: &'static str,
    /// Its value as the export writes it (empty when the contact has none).
    pub value: fn(&Contact) -> String,
    /// The builder's drop-downs offer the values the base holds.
    pub offers_values: bool,
}

fn text<T: ToString>(value: &Option<T>) -> String {
    value.as_ref().map(T::to_string).unwrap_or_default()
}

/// The field that is a column of text, `None` when empty.
macro_rules! text_field {
    ($key:ident, $offers:expr) => {
        ContactField {
            key: stringify!($key),
            value: |c| text(&c.$key),
            offers_values: $offers,
        }
    };
}

/// Every stored field of a contact, in the order the contacts export writes them (after the
/// internal id; before the purchase totals, the tags and the custom fields).
pub const CONTACT_FIELDS: &[ContactField] = &[
    text_field!(external_id, false),
    ContactField {
        key: "id_system",
        value: |c| c.id_system.clone(),
        offers_values: false,
    },
    text_field!(email, false),
    text_field!(name, false),
    text_field!(first_name, false),
    text_field!(phone, false),
    text_field!(tg_chat_id, false),
    text_field!(tg_username, false),
    text_field!(city, true),
    text_field!(region, true),
    ContactField {
        key: "time_zone",
        value: |c| c.time_zone.clone(),
        offers_values: true,
    },
    ContactField {
        key: "tz_source",
        value: |c| c.tz_source.as_str().to_owned(),
        offers_values: false,
    },
    text_field!(source, true),
    text_field!(utm_source, true),
    text_field!(utm_medium, true),
    text_field!(utm_campaign, true),
    text_field!(utm_content, true),
    text_field!(utm_term, true),
    ContactField {
        key: "consent",
        value: |c| c.consent.as_str().to_owned(),
        offers_values: false,
    },
    text_field!(consent_at, false),
    text_field!(consent_source, false),
    text_field!(consent_file, false),
    ContactField {
        key: "status",
        value: |c| c.status.as_str().to_owned(),
        offers_values: false,
    },
    text_field!(status_at, false),
    ContactField {
        key: "created_at",
        value: |c| c.created_at.to_string(),
        offers_values: false,
    },
    text_field!(birthday, false),
    ContactField {
        key: "consent_whatsapp",
        value: |c| channel_consent(c.channel_consent.whatsapp),
        offers_values: false,
    },
    ContactField {
        key: "consent_telegram",
        value: |c| channel_consent(c.channel_consent.telegram),
        offers_values: false,
    },
    ContactField {
        key: "consent_sms",
        value: |c| channel_consent(c.channel_consent.sms),
        offers_values: false,
    },
];

/// A channel's own consent: empty where it follows the general one.
fn channel_consent(consent: Option<super::Consent>) -> String {
    consent.map(|c| c.as_str().to_owned()).unwrap_or_default()
}

/// The field stored in the column `key`.
pub fn contact_field(key: &str) -> Option<&'static ContactField> {
    CONTACT_FIELDS.iter().find(|f| f.key == key)
}
