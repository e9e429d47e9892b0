//! The keys a contact is found by — an external id of a system, a phone, an e-mail, a Telegram
//! chat id or username — and their fingerprints, which an import looks keys up by in memory.

use std::hash::Hash;

use rusqlite::{Connection, OptionalExtension};

use super::{Contact, OWN_SYSTEM};
use crate::error::Result;

/// The kinds of key, as their fingerprints tell them apart.
#[derive(Clone, Copy)]
pub(super) enum KeyKind {
    External,
    Phone,
    Email,
    TgChatId,
    TgUsername,
}

/// The digest of a key of `kind` with `value` (and, for an external id, its `system`).
pub(super) fn fingerprint(kind: KeyKind, system: &str, value: &str) -> u64 {
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

pub(super) fn find_id(conn: &Connection, key: &ContactKey) -> Result<Option<i64>> {
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
