//! The customers of an orders or events file: found by their keys among the stored contacts,
//! and for a shop's orders (often the only file a shop has) created when the row tells who
//! they are.

use chrono_tz::Tz;
use rustc_hash::FxHashMap;

use super::contacts::{assign_keys, blank_contact};
use super::row::{Contacts, Identity, identify};
use crate::error::Result;
use crate::geo::zone_of_phone_country;
use crate::i18n::Msg;
use crate::store::{Contact, ContactKey, TzSource, Writer};

/// Who an orders row says its customer is, for a contact the base does not hold yet.
#[derive(Debug, Clone)]
pub(crate) struct Newcomer {
    pub name: Option<String>,
    pub first_name: Option<String>,
    /// When they first bought: the contact's creation.
    pub created_at: crate::model::time::Moment,
}

/// Finds (and for orders creates) the customers of a file. Such files hold many rows per
/// customer, usually one after another, and cannot change who is who: the last answer is kept.
pub(crate) struct Customers {
    country: String,
    last: Option<(Vec<ContactKey>, i64)>,
    /// The contacts this import created, by every key: a base that had no contacts has its key
    /// indexes dropped for the load, so they are found here rather than by a scan.
    created: FxHashMap<ContactKey, i64>,
    /// Whether the base held no contacts as the import began (then only `created` has any).
    base_empty: Option<bool>,
}

/// The stored contacts as the rows of one file see them.
struct Seen<'a, 'w> {
    w: &'a Writer<'w>,
    created: &'a FxHashMap<ContactKey, i64>,
    base_empty: bool,
}

impl Contacts for Seen<'_, '_> {
    fn find(&mut self, key: &ContactKey) -> Result<Option<i64>> {
        if let Some(id) = self.created.get(key) {
            return Ok(Some(*id));
        }
        if self.base_empty {
            return Ok(None);
        }
        self.w.find(key)
    }

    fn load(&mut self, id: i64) -> Result<Contact> {
        self.w.load(id)
    }
}

/// A customer found, and whether this row created them.
pub(crate) struct Found {
    pub id: i64,
    pub created: bool,
}

impl Customers {
    pub fn new(country: String) -> Self {
        Customers {
            country,
            last: None,
            created: FxHashMap::default(),
            base_empty: None,
        }
    }

    /// The contact a row's keys lead to, or why there is none. A row that names no stored
    /// contact creates one from `newcomer` when it carries a name or a phone (an e-mail alone
    /// says too little to make a person of); `tz` is the zone of one without a phone's.
    pub fn find(
        &mut self,
        w: &Writer,
        keys: Result<Vec<ContactKey>, Msg>,
        newcomer: Option<(&Newcomer, Tz)>,
    ) -> Result<Result<Found, Msg>> {
        let keys = match keys {
            Ok(keys) => keys,
            Err(msg) => return Ok(Err(msg)),
        };
        if let Some((last, id)) = &self.last
            && *last == keys
        {
            return Ok(Ok(Found {
                id: *id,
                created: false,
            }));
        }
        let base_empty = match self.base_empty {
            Some(empty) => empty,
            None => *self.base_empty.insert(w.next_contact_id()? == 1),
        };
        let mut seen = Seen {
            w,
            created: &self.created,
            base_empty,
        };
        let found = match identify(&mut seen, &keys)? {
            // An orders file cannot change who is who: the contact the row's phone found is the
            // customer, and one known only by the same e-mail stays until a contacts import.
            Ok(Identity::Existing(id) | Identity::Join { into: id, .. }) => {
                Found { id, created: false }
            }
            Ok(Identity::New) => match newcomer.filter(|(n, _)| can_create(n, &keys)) {
                Some((newcomer, tz)) => Found {
                    id: self.create(w, &keys, newcomer, tz)?,
                    created: true,
                },
                None => {
                    return Ok(Err(
                        Msg::new("reject-unknown-customer").arg("key", keys[0].shown())
                    ));
                }
            },
            Err(msg) => return Ok(Err(msg)),
        };
        self.last = Some((keys, found.id));
        Ok(Ok(found))
    }

    /// Creates the contact of `keys`: named as the row names them, in the zone of their phone's
    /// country where it keeps one time, else in `tz`.
    fn create(
        &mut self,
        w: &Writer,
        keys: &[ContactKey],
        newcomer: &Newcomer,
        tz: Tz,
    ) -> Result<i64> {
        let mut c = blank_contact(&newcomer.created_at, tz);
        assign_keys(&mut c, keys);
        c.name.clone_from(&newcomer.name);
        c.first_name.clone_from(&newcomer.first_name);
        if let Some(zone) = c.phone.as_deref().and_then(zone_of_phone_country) {
            c.time_zone = zone.name().to_owned();
            c.tz_source = TzSource::PhoneCountry;
        }
        let id = w.insert(&c)?;
        for key in keys {
            self.created.insert(key.clone(), id);
        }
        Ok(id)
    }

    pub fn country(&self) -> &str {
        &self.country
    }
}

/// Whether a row tells enough to make a contact of: a name or a phone beside its keys.
fn can_create(newcomer: &Newcomer, keys: &[ContactKey]) -> bool {
    newcomer.name.is_some()
        || newcomer.first_name.is_some()
        || keys.iter().any(|k| matches!(k, ContactKey::Phone(_)))
}
