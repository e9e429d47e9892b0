//! Where one entry stands at a run: whether something ended it (an order after the trigger, a
//! reply, an unsubscribe or a block, the exit button, leaving the entry segment), and else which
//! step falls due when — its delay counted from the trigger or from the last step planned, its
//! condition judged on the reactions to that step's message.
//!
//! A step is considered only once the previous step's moment has passed (a run never plans two
//! steps of one entry, so a run repeated for the same window plans nothing new). A condition
//! that is not met skips the step (the next one is judged on the same last message); one that
//! needs results not yet imported waits until the step's expiry, then ends the entry.

use chrono::{Duration, NaiveTime, TimeZone};
use chrono_tz::Tz;

use super::End;
use crate::error::Result;
use crate::model::contact::EventKind;
use crate::model::scenario::{From, Scenario, Step, StepCondition, Wait};
use crate::model::time::TimeOfDay;
use crate::plan::Learned;
use crate::store::{EntryRow, Store, fold_case};

/// What comes next for an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Next {
    /// Step `step` (from 0) may go from unix second `from` until `expiry`.
    Due {
        step: usize,
        from: i64,
        expiry: i64,
    },
    /// Nothing due in this run's window.
    Wait,
    End(End),
}

/// The run's view of one scenario's entries.
pub(super) struct Judge<'a> {
    pub store: &'a Store,
    pub scenario: &'a Scenario,
    pub now: i64,
    pub until: i64,
    /// The entry segment's contacts, ascending, when leaving it ends the chain.
    pub filter: Option<&'a [i64]>,
    /// Each buyer's last order (unix seconds), by contact: no order after an entry's trigger
    /// unless the last one is.
    pub last_orders: &'a [(i64, i64)],
    /// The contacts with an event since the oldest entry's trigger that may stop a chain.
    pub stops: &'a [i64],
    /// The best hours, for steps sent "the next day at the contact's best hour".
    pub learned: &'a Learned,
}

impl Judge<'_> {
    /// What ended `entry` since its trigger, if anything did.
    pub fn exit(&self, entry: &EntryRow) -> Result<Option<End>> {
        let s = self.scenario;
        let id = entry.contact_id;
        if s.exits.order && self.ordered_since(id, entry.trigger_at)? {
            return Ok(Some(End::Ordered));
        }
        let stop = match self.stops.binary_search(&id) {
            Ok(_) => self.store.chain_stop(
                id,
                entry.trigger_at,
                s.name.trim(),
                s.exits.click.as_deref(),
            )?,
            Err(_) => None,
        };
        if let Some(kind) = stop {
            return Ok(Some(match kind {
                EventKind::Replied => End::Replied,
                EventKind::Unsubscribed => End::Unsubscribed,
                EventKind::Blocked => End::Blocked,
                _ => End::Clicked,
            }));
        }
        let left = self
            .filter
            .is_some_and(|ids| ids.binary_search(&entry.contact_id).is_err());
        Ok(left.then_some(End::LeftFilter))
    }

    /// Whether `contact` ordered after unix second `after`, up to the run's moment.
    fn ordered_since(&self, contact: i64, after: i64) -> Result<bool> {
        let last = match self.last_orders.binary_search_by_key(&contact, |(c, _)| *c) {
            Ok(i) => self.last_orders[i].1,
            Err(_) => return Ok(false),
        };
        match last {
            l if l <= after => Ok(false),
            l if l <= self.now => Ok(true),
            // An order after the run's moment (a run for an earlier moment): look closer.
            _ => self.store.ordered_between(contact, after, self.now),
        }
    }

    /// The next step of `entry` (skipping those whose condition is not met, counted in
    /// `skipped`), in the contact's zone `tz`.
    pub fn next(&self, entry: &mut EntryRow, tz: Tz, skipped: &mut u64) -> Result<Next> {
        if entry.last_at.is_some_and(|at| at > self.now) {
            return Ok(Next::Wait);
        }
        loop {
            let index = entry.next_step as usize;
            let Some(step) = self.scenario.steps.get(index) else {
                return Ok(Next::End(End::Completed));
            };
            let hour = self.learned.hour(entry.contact_id, 0).0;
            let due = due_at(step, index, entry, (tz, hour));
            let expiry = due + i64::from(step.expires_hours) * 3600;
            if due > self.until {
                return Ok(Next::Wait);
            }
            match self.condition(step, entry)? {
                Some(true) => {
                    return Ok(Next::Due {
                        step: index,
                        from: due.max(self.now),
                        expiry,
                    });
                }
                Some(false) => {
                    *skipped += 1;
                    entry.next_step += 1;
                }
                None if self.now > expiry => return Ok(Next::End(End::NoResults)),
                None => return Ok(Next::Wait),
            }
        }
    }

    /// Whether the reactions to the last step planned meet `step`'s condition; `None` while
    /// the results it needs are not in.
    fn condition(&self, step: &Step, entry: &EntryRow) -> Result<Option<bool>> {
        if step.condition == StepCondition::Always {
            return Ok(Some(true));
        }
        let Some(last_at) = entry.last_at else {
            // No earlier step went: there is nothing to have reacted to.
            return Ok(Some(false));
        };
        let r = self.store.reactions(
            entry.contact_id,
            self.scenario.name.trim(),
            &entry.last_message,
            last_at,
        )?;
        let known = r.reported || r.read || r.engaged;
        Ok(match &step.condition {
            StepCondition::Always => Some(true),
            StepCondition::NoReaction => known.then_some(!r.read && !r.engaged),
            StepCondition::Read => (known || r.read).then_some(r.read),
            StepCondition::Clicked(button) => {
                let wanted = fold_case(button.trim());
                let pressed = r.buttons.iter().any(|b| fold_case(b.trim()) == wanted);
                (known || pressed).then_some(pressed)
            }
        })
    }
}

/// The moment step `index` of `entry` falls due: its delay after the trigger or the last step
/// planned; "the next day at HH:MM" or "at their best hour" (`hour`, if learned) in the
/// contact's zone `tz`.
pub(super) fn due_at(
    step: &Step,
    index: usize,
    entry: &EntryRow,
    (tz, hour): (Tz, Option<u8>),
) -> i64 {
    let base = match (step.delay.from, entry.last_at) {
        (From::Previous, Some(last)) if index > 0 => last,
        _ => entry.trigger_at,
    };
    match &step.delay.wait {
        Wait::Hours(h) => base + i64::from(*h) * 3600,
        Wait::Days(d) => base + i64::from(*d) * 86_400,
        Wait::NextDayAt(time) => next_day_at(
            base,
            tz,
            TimeOfDay::parse(time).map_or(NaiveTime::MIN, TimeOfDay::time),
        ),
        Wait::NextDayBestHour { .. } => {
            let time = match step.delay.wait.best_hour() {
                Some(Ok(best)) => best.time_for(hour).time(),
                _ => NaiveTime::MIN,
            };
            next_day_at(base, tz, time)
        }
    }
}

/// The first moment at or after local `time` on the day after moment `base` in `tz` (a time in
/// a DST gap moves on).
fn next_day_at(base: i64, tz: Tz, time: NaiveTime) -> i64 {
    let day = chrono::DateTime::from_timestamp(base, 0)
        .unwrap_or_default()
        .with_timezone(&tz)
        .date_naive()
        + Duration::days(1);
    (0..4)
        .find_map(|h| {
            tz.from_local_datetime(&day.and_time(time + Duration::hours(h)))
                .earliest()
        })
        .map_or(base + 86_400, |t| t.timestamp())
}
