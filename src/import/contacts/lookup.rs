//! Where an import finds a row's contact: the new contacts waiting to be written in a batch
//! and every key's holder by fingerprint, then the stored contacts.

use crate::error::Result;
use crate::import::key_ids::KeyIds;
use crate::import::repeats::Repeats;
use crate::import::row::Contacts;
use crate::store::{Contact, ContactKey, OWN_SYSTEM, Writer};

/// How many new contacts wait in memory before they are written together.
pub(super) const BATCH: usize = 512;

/// The contacts an import creates, kept in memory until there are enough to write at once, and
/// where every key is: the base's keys and the ones this import gave out, by fingerprint. A
/// first import drops the key indexes until its end, so the base cannot be asked; a re-import
/// is spared an index lookup per key.
pub(super) struct NewContacts {
    pub(super) pending: Vec<(Contact, Vec<String>)>,
    /// Every key in the base and every key this import gave out → its contact.
    pub(super) known: KeyIds,
    /// The first id this import gives; contacts from it on were created by this import.
    pub(super) first_id: i64,
    pub(super) next_id: i64,
    /// The stored contact read last: a row's keys and then its merge all look at the same one.
    pub(super) read_last: Option<Contact>,
    /// Stored contacts the file's rows named, for counting repeated ones right.
    pub(super) repeats: Repeats,
    /// The system whose ids this file's rows take over from the owner's own ids, when the base
    /// held none of that system's ids as the import began.
    pub(super) adopting: Option<String>,
}

impl NewContacts {
    /// The new contacts of an import whose ids of `adopting` (a recognised tool's system) may
    /// take over the owner's own ids they match.
    pub(super) fn new(w: &Writer, adopting: Option<&str>) -> Result<NewContacts> {
        let first_id = w.next_contact_id()?;
        let mut known = KeyIds::new();
        w.each_key(|fp, id| known.insert_fingerprint(fp, id))?;
        let adopting = match adopting {
            Some(system) if system != OWN_SYSTEM && !w.holds_ids_of(system)? => {
                Some(system.to_owned())
            }
            _ => None,
        };
        Ok(NewContacts {
            pending: Vec::with_capacity(BATCH),
            known,
            first_id,
            next_id: first_id,
            read_last: None,
            repeats: Repeats::new(first_id),
            adopting,
        })
    }

    pub(super) fn pending_index(&self, id: i64) -> Option<usize> {
        let first = self.pending.first()?.0.id;
        usize::try_from(id - first)
            .ok()
            .filter(|&i| i < self.pending.len())
    }

    /// Notes the keys of `c`, so later rows find it.
    pub(super) fn register(&mut self, c: &Contact) {
        for fp in ContactKey::fingerprints_of(c) {
            self.known.insert_fingerprint(fp, c.id);
        }
    }

    pub(super) fn flush(&mut self, w: &Writer, at: &crate::model::time::Moment) -> Result<()> {
        w.insert_batch(&self.pending, at)?;
        self.pending.clear();
        Ok(())
    }
}

/// The base as seen by one row: the pending new contacts first, then the stored ones.
pub(super) struct Lookup<'a, 'w> {
    pub(super) w: &'a Writer<'w>,
    pub(super) new: &'a mut NewContacts,
    pub(super) at: &'a crate::model::time::Moment,
}

impl Lookup<'_, '_> {
    /// The stored contact `id`, read from the base once for all the row's questions.
    pub(super) fn stored(&mut self, id: i64) -> Result<&Contact> {
        let last = &mut self.new.read_last;
        if last.as_ref().is_none_or(|c| c.id != id) {
            *last = Some(self.w.load(id)?);
        }
        Ok(last.as_ref().expect("just read"))
    }

    /// Whether the contact `id` holds `key`.
    pub(super) fn holds(&mut self, id: i64, key: &ContactKey) -> Result<bool> {
        let holder = match self.new.pending_index(id) {
            Some(i) => &self.new.pending[i].0,
            None => self.stored(id)?,
        };
        Ok(key.held_by(holder))
    }

    /// The contact holding `key`, by the in-memory map, the base only after a collision.
    pub(super) fn holder(&mut self, key: &ContactKey) -> Result<Option<i64>> {
        let Some(id) = self.new.known.get(key) else {
            return Ok(None);
        };
        if self.holds(id, key)? {
            return Ok(Some(id));
        }
        // The contact that had this fingerprint holds another key now (or another key's digest
        // collided): only a collision can hide the key's holder, and then the base knows it.
        if self.new.known.collisions == 0 {
            return Ok(None);
        }
        self.new.flush(self.w, self.at)?;
        self.w.find(key)
    }
}

impl Contacts for Lookup<'_, '_> {
    fn find(&mut self, key: &ContactKey) -> Result<Option<i64>> {
        if let Some(id) = self.holder(key)? {
            return Ok(Some(id));
        }
        // The first file of a system the base holds no ids of yet takes over the owner's own
        // ids it matches: they were that system's ids, imported before ids had systems.
        match (key, &self.new.adopting) {
            (ContactKey::External { system, id }, Some(adopting)) if system == adopting => {
                self.holder(&ContactKey::own(id.clone()))
            }
            _ => Ok(None),
        }
    }

    /// The contact `id`: a pending one copied, a stored one handed over (the row's save keeps
    /// the copy it changes; a million unchanged rows are spared a copy each).
    fn load(&mut self, id: i64) -> Result<Contact> {
        match self.new.pending_index(id) {
            Some(i) => Ok(self.new.pending[i].0.clone()),
            None => {
                self.stored(id)?;
                Ok(self.new.read_last.take().expect("just read"))
            }
        }
    }
}
