//! The hours a plan on "each contact's best hour" sends at: the contact's own learned hour, else
//! the hour their segment's reactions pooled tell, else the whole base's, else the plan's time
//! (`model::reaction_hours`).

use rustc_hash::FxHashMap;

use crate::error::Result;
use crate::model::reaction_hours::{HourSource, Hours};
use crate::store::Store;

/// The learned hours of one plan's contacts, their segments' and the base's.
#[derive(Debug, Default)]
pub struct Learned {
    own: FxHashMap<i64, u8>,
    /// Per group (a campaign's variant, whose segment it is): the pooled hour.
    groups: Vec<Option<u8>>,
    base: Option<u8>,
}

/// How many recipients got each kind of hour.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct HourCounts {
    pub learned: u64,
    pub segment: u64,
    pub base: u64,
    pub default: u64,
}

impl HourCounts {
    pub fn add(&mut self, source: HourSource) {
        *match source {
            HourSource::Learned => &mut self.learned,
            HourSource::Segment => &mut self.segment,
            HourSource::Base => &mut self.base,
            HourSource::Default => &mut self.default,
        } += 1;
    }

    /// The counts in words, for the plan's summary.
    pub fn msg(&self) -> crate::i18n::Msg {
        use crate::format::group_thousands;
        crate::i18n::Msg::new("plan-best-hours")
            .arg("learned", group_thousands(self.learned as i64))
            .arg("segment", group_thousands(self.segment as i64))
            .arg("base", group_thousands(self.base as i64))
            .arg("default", group_thousands(self.default as i64))
    }

    pub fn get(&self, source: HourSource) -> u64 {
        match source {
            HourSource::Learned => self.learned,
            HourSource::Segment => self.segment,
            HourSource::Base => self.base,
            HourSource::Default => self.default,
        }
    }
}

impl Learned {
    /// The hours learned in `store` for `members` (contact id and its one group: every contact
    /// of the segments, recipient or not, so a group's hour is its segment's), in `groups`
    /// groups; only the members' own hours are kept.
    pub fn read(
        store: &Store,
        members: impl Iterator<Item = (i64, usize)>,
        groups: usize,
    ) -> Result<Learned> {
        let members: FxHashMap<i64, usize> = members.collect();
        let mut base = Hours::default();
        let mut pools = vec![Hours::default(); groups];
        let mut own = FxHashMap::default();
        store.each_reaction_hours(|id, hours| {
            base.absorb(hours);
            let Some(group) = members.get(&id) else {
                return;
            };
            if let Some(pool) = pools.get_mut(*group) {
                pool.absorb(hours);
            }
            if let Some(h) = hours.best() {
                own.insert(id, h);
            }
        })?;
        Ok(Learned {
            own,
            groups: pools.iter().map(Hours::best).collect(),
            base: base.best(),
        })
    }

    /// The hour of `contact` in `group`, and where it came from (`None`: the plan's time).
    pub fn hour(&self, contact: i64, group: usize) -> (Option<u8>, HourSource) {
        if let Some(h) = self.own.get(&contact) {
            return (Some(*h), HourSource::Learned);
        }
        if let Some(h) = self.groups.get(group).copied().flatten() {
            return (Some(h), HourSource::Segment);
        }
        match self.base {
            Some(h) => (Some(h), HourSource::Base),
            None => (None, HourSource::Default),
        }
    }
}
