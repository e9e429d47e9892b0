//! Finding one contact by a key the owner names — their number in the base, an external id, a
//! phone or an e-mail — never by guessing which kind of key a text is.

use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::store::{ContactKey, Store};

/// A contact as the owner names them: one key, and which kind it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Who {
    /// The contact's number in the base.
    Id(i64),
    /// A CRM's or shop's id, as `system:id` (`amocrm:5012`) or the id alone when only one
    /// system gave it.
    External(String),
    /// A phone in any form the imports read.
    Phone(String),
    Email(String),
}

impl Who {
    /// The key as the owner typed it.
    pub fn shown(&self) -> String {
        match self {
            Who::Id(id) => id.to_string(),
            Who::External(v) | Who::Phone(v) | Who::Email(v) => v.trim().to_owned(),
        }
    }
}

/// The number of the contact `who` names, or a message saying no one (or more than one, for an
/// external id without its system) has that key.
pub fn find(store: &Store, who: &Who) -> Result<i64> {
    let missing = |id: &'static str| Error::user(Msg::new(id).arg("value", who.shown()));
    let found = match who {
        Who::Id(id) => store.contact(*id)?.map(|_| *id),
        Who::Phone(raw) => {
            let country = store.settings()?.default_country;
            let phone = crate::import::phone::normalize_phone(raw, &country)
                .map_err(|_| missing("who-no-phone"))?;
            store.find_contact(&ContactKey::Phone(phone))?
        }
        Who::Email(raw) => store.find_contact(&ContactKey::Email(raw.trim().to_lowercase()))?,
        Who::External(raw) => return external(store, raw.trim()),
    };
    found.ok_or_else(|| {
        missing(match who {
            Who::Id(_) => "who-no-id",
            Who::External(_) => "who-no-external",
            Who::Phone(_) => "who-no-phone",
            Who::Email(_) => "who-no-email",
        })
    })
}

/// The contact with the external id `raw`: `system:id` exactly, else the id of whichever
/// system holds it, when only one does.
fn external(store: &Store, raw: &str) -> Result<i64> {
    if let Some((system, id)) = raw.split_once(':') {
        let key = ContactKey::External {
            system: system.trim().to_lowercase(),
            id: id.trim().to_owned(),
        };
        if let Some(found) = store.find_contact(&key)? {
            return Ok(found);
        }
    }
    let holders = store.external_id_holders(raw)?;
    match holders.as_slice() {
        [(id, _)] => Ok(*id),
        [] => Err(Error::user(Msg::new("who-no-external").arg("value", raw))),
        many => {
            let keys: Vec<String> = many.iter().map(|(_, s)| format!("{s}:{raw}")).collect();
            Err(Error::user(
                Msg::new("who-many-external")
                    .arg("value", raw)
                    .arg("keys", keys.join(", ")),
            ))
        }
    }
}
