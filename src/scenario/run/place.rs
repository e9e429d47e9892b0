//! The moment a due step goes, under every rule of a campaign's plan: out of the contact's quiet
//! hours, clear of the frequency caps (earlier plans and sends, campaigns' and scenarios', and
//! what this run planned before it), and on WhatsApp inside the number's tier over every
//! rolling 24 hours. A step that finds no such moment before its expiry inside the run's window
//! waits for a later run — or, when its expiry comes first, is dropped.

use chrono::DateTime;
use chrono_tz::Tz;
use rustc_hash::FxHashMap;

use crate::plan::{Options, RollingLimit, is_capped, out_of_quiet};

/// Where a due step lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Placed {
    At(i64),
    /// No moment inside this window; a later run may find one.
    Wait,
    /// No moment before its expiry.
    Expired,
}

/// The messages a run has to keep clear of, and the tier's windows.
pub(super) struct Placer {
    rules: Options,
    /// Earlier messages (contact, unix second), by contact.
    earlier: Vec<(i64, i64)>,
    /// The messages this run planned so far, per contact.
    planned: FxHashMap<i64, Vec<i64>>,
    tier: Option<RollingLimit>,
    until: i64,
}

/// The most moments one step tries before it gives up on this window.
const TRIES: usize = 512;

impl Placer {
    /// A placer under `rules` for moments up to `until`, with `earlier` messages (by contact)
    /// and, when `tier` is given, WhatsApp's limit from `now` on.
    pub fn new(rules: Options, earlier: Vec<(i64, i64)>, now: i64, until: i64) -> Placer {
        let tier = rules.daily_limit.map(|limit| {
            let mut windows = RollingLimit::new(limit.max(1), now / 60, until / 60 + 2 * 1440);
            for (_, t) in &earlier {
                windows.take(t / 60);
            }
            windows
        });
        Placer {
            rules,
            earlier,
            planned: FxHashMap::default(),
            tier,
            until,
        }
    }

    /// The quiet hours, caps and tier in force.
    pub fn rules(&self) -> &Options {
        &self.rules
    }

    /// The first allowed moment from `from` for a message to `contact` in zone `tz`, no later
    /// than `expiry` and the window's end; the tier binds when `tiered`. A placed message counts
    /// for the caps and the tier of those placed after it.
    pub fn place(&mut self, contact: i64, tz: Tz, from: i64, expiry: i64, tiered: bool) -> Placed {
        let bound = expiry.min(self.until);
        let mine = self.messages_of(contact);
        let mut t = from;
        for _ in 0..TRIES {
            t = self.outside_quiet(tz, t);
            if t > bound {
                break;
            }
            if is_capped(&mine, t, &self.rules) {
                t = self.cap_clears(&mine, t);
                continue;
            }
            if tiered && self.tier.as_ref().is_some_and(|w| !w.fits(t / 60)) {
                t += 600;
                continue;
            }
            if tiered && let Some(w) = &mut self.tier {
                w.take(t / 60);
            }
            self.planned.entry(contact).or_default().push(t);
            return Placed::At(t);
        }
        if expiry <= self.until {
            Placed::Expired
        } else {
            Placed::Wait
        }
    }

    /// Moves a placed message of `contact` from `old` to `new` (Telegram's pacing).
    pub fn moved(&mut self, contact: i64, old: i64, new: i64) {
        if let Some(t) = self
            .planned
            .get_mut(&contact)
            .and_then(|v| v.iter_mut().find(|t| **t == old))
        {
            *t = new;
        }
    }

    fn outside_quiet(&self, tz: Tz, t: i64) -> i64 {
        match self.rules.quiet {
            Some(q) => {
                out_of_quiet(tz, DateTime::from_timestamp(t, 0).unwrap_or_default(), q).timestamp()
            }
            None => t,
        }
    }

    /// The earlier and planned messages of `contact`, as the caps read them.
    fn messages_of(&self, contact: i64) -> Vec<(i64, i64)> {
        let from = self.earlier.partition_point(|e| e.0 < contact);
        let to = self.earlier.partition_point(|e| e.0 <= contact);
        let mut mine = self.earlier[from..to].to_vec();
        if let Some(planned) = self.planned.get(&contact) {
            mine.extend(planned.iter().map(|t| (contact, *t)));
        }
        mine
    }

    /// The first moment after `t` at which a cap that binds at `t` may have cleared: past a
    /// message within the cap's hours, or past the day the oldest message of the week leaves it.
    fn cap_clears(&self, mine: &[(i64, i64)], t: i64) -> i64 {
        let gap = self.rules.cap_hours.map_or(0, |h| i64::from(h) * 3600);
        let near = mine
            .iter()
            .filter(|(_, e)| (e - t).abs() < gap)
            .map(|(_, e)| e + gap)
            .max();
        let in_week: Vec<i64> = mine
            .iter()
            .filter(|(_, e)| *e > t - 7 * 86_400 && *e <= t)
            .map(|(_, e)| e + 7 * 86_400 + 1)
            .collect();
        let binds = self
            .rules
            .cap_week
            .is_some_and(|k| in_week.len() >= k as usize);
        let week = in_week.into_iter().min().filter(|_| binds);
        [near, week]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(t + 60)
            .max(t + 60)
    }
}
