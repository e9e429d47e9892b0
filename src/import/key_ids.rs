//! Where every contact key of an import is, by fingerprint: the base's keys and the ones the
//! import gives out. A million-contact base holds two million keys; the map is split in shards
//! that grow one at a time, so growing never holds two copies of the whole map at once (which
//! alone would cost a hundred megabytes at the end of a big first import).

use rustc_hash::FxHashMap;

use crate::store::ContactKey;

const SHARDS: usize = 16;

/// Key fingerprint → the contact holding it.
pub(crate) struct KeyIds {
    shards: Vec<FxHashMap<u64, i64>>,
    /// Times a fingerprint was taken over by another contact: a digest collision, or a key one
    /// contact gave up and another took. Only then can a key be missing from the map.
    pub collisions: usize,
}

impl KeyIds {
    pub fn new() -> Self {
        KeyIds {
            shards: vec![FxHashMap::default(); SHARDS],
            collisions: 0,
        }
    }

    fn shard(fingerprint: u64) -> usize {
        (fingerprint >> 60) as usize % SHARDS
    }

    /// The contact the key's fingerprint points at (which may hold another key of that digest).
    pub fn get(&self, key: &ContactKey) -> Option<i64> {
        let fp = key.fingerprint();
        self.shards[Self::shard(fp)].get(&fp).copied()
    }

    /// Notes that contact `id` holds the key of fingerprint `fp`.
    pub fn insert_fingerprint(&mut self, fp: u64, id: i64) {
        let before = self.shards[Self::shard(fp)].insert(fp, id);
        if before.is_some_and(|b| b != id) {
            self.collisions += 1;
        }
    }
}
