//! Stored contacts that several rows of one file name. The first such row counts as updated or
//! unchanged, the later ones as merged (as rows merging into a contact the file created do), and
//! whether the contact counts as updated follows what it holds after the latest of them: a file
//! that sets a name and then sets it back again changes nothing, and its report says so.

use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;

use crate::store::Contact;

/// One word per stored contact id: 0 while no row of this file has named it, else a digest of
/// the contact as it was stored, with flags. 32 bits keep a million contacts in 4 MB; a digest
/// that collides could only miscount one row of the report, never change what is stored.
pub(crate) struct Repeats {
    /// Allocated at the first stored contact a row names: a first load never needs it.
    words: Vec<u32>,
    /// Stored contacts have ids below this.
    end: usize,
}

const SEEN: u32 = 1 << 31;
const TAGGED: u32 = 1 << 30;
const UPDATED: u32 = 1 << 29;
const DIGEST: u32 = UPDATED - 1;

/// How a row naming a stored contact counts.
pub(crate) enum Count {
    /// The first row of the file naming it.
    First { updated: bool },
    /// A later one: the contact counted as updated before this row, and counts so now.
    Again { was_updated: bool, updated: bool },
}

impl Repeats {
    /// For a base whose contacts all have ids below `end`.
    pub fn new(end: i64) -> Repeats {
        Repeats {
            words: Vec::new(),
            end: usize::try_from(end).unwrap_or(0),
        }
    }

    /// Notes a row that took a stored contact from `before` to `after` (the same id; `changed`
    /// when they differ), and whether it gave the contact a new tag.
    pub fn note(
        &mut self,
        before: &Contact,
        after: &Contact,
        changed: bool,
        tagged: bool,
    ) -> Count {
        if self.words.is_empty() {
            self.words = vec![0; self.end];
        }
        let slot = usize::try_from(after.id)
            .ok()
            .and_then(|i| self.words.get_mut(i));
        let Some(word) = slot else {
            // An id no import gives (below zero): counted on its own.
            return Count::First {
                updated: tagged || changed,
            };
        };
        if *word & SEEN == 0 {
            let updated = tagged || changed;
            *word = SEEN | digest(before) | flag(tagged, TAGGED) | flag(updated, UPDATED);
            return Count::First { updated };
        }
        let was_updated = *word & UPDATED != 0;
        let tagged = tagged || *word & TAGGED != 0;
        let updated = tagged || digest(after) != *word & DIGEST;
        *word = (*word & (SEEN | DIGEST)) | flag(tagged, TAGGED) | flag(updated, UPDATED);
        Count::Again {
            was_updated,
            updated,
        }
    }
}

fn flag(on: bool, bit: u32) -> u32 {
    if on { bit } else { 0 }
}

fn digest(c: &Contact) -> u32 {
    let mut h = FxHasher::default();
    c.hash(&mut h);
    // The high half: Fx mixes its last input into the high bits most.
    (h.finish() >> 32) as u32 & DIGEST
}
