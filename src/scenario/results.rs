//! A scenario's results, step by step: each step's messages delivered, read, clicked, answered,
//! unsubscribed and blocked — as rates per delivered message, per step and per A/B arm with the
//! campaigns' two-proportion verdict — and **converted**: the delivered messages followed by an
//! order within the owner's attribution window (`results.attribution_days`, 3 days). The funnel
//! per step counts the entries that reached it, its messages sent and reacted to, the entries
//! that moved on, those an exit took out there, and the conversions. One definition for the
//! screen and `adresat scenario results`.

use serde::Serialize;

use super::run::End;
use crate::campaign::{Arm, Channel};
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::model::contact::EventKind;
use crate::model::scenario::Scenario;
use crate::results::{AbTest, Counts, Rates, compare, rates};
use crate::store::{EntryStand, Setting, StepMessage, Store, kind_index};

/// One line of the results: a step, or an arm of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepLine {
    /// From 1.
    pub step: usize,
    pub name: String,
    pub arm: Option<Arm>,
    pub counts: Counts,
    pub rates: Rates,
    /// Delivered messages followed by an order within the attribution window.
    pub converted: u64,
    /// `converted` per delivered message.
    pub conversion: Option<f64>,
}

/// One step of the funnel.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct FunnelStep {
    /// Entries that came as far as this step (its message planned, or it skipped or dropped).
    pub entered: u64,
    /// Its messages with a `sent` or `delivered` report.
    pub sent: u64,
    /// Its messages read, clicked or answered.
    pub reacted: u64,
    /// Entries that went on to a later step.
    pub moved_on: u64,
    /// Entries an exit (an order, a reply, an unsubscribe or block, the exit button, leaving
    /// the segment) took out while this step was next.
    pub exited: u64,
    pub converted: u64,
}

/// A scenario's results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioResults {
    pub scenario: String,
    pub channel: Channel,
    pub reads_reported: bool,
    pub attribution_days: u32,
    pub entries: u64,
    /// Entries still open.
    pub open: u64,
    /// Why the others ended.
    pub ended: Vec<(End, u64)>,
    pub funnel: Vec<FunnelStep>,
    pub per_step: Vec<StepLine>,
    pub per_arm: Vec<StepLine>,
    pub ab: Vec<AbTest>,
}

/// The results of the saved scenario `name`.
pub fn results(store: &Store, name: &str) -> Result<ScenarioResults> {
    let scenario = store
        .scenario(name.trim())?
        .ok_or_else(|| Error::user(Msg::new("scenario-error-not-found").arg("name", name)))?;
    let days: u32 = store
        .get_setting(Setting::AttributionDays.key())?
        .parse()
        .unwrap_or(3);
    let name = scenario.name.trim();
    let mut messages = store.scenario_messages(name, None)?;
    let converted: Vec<bool> = messages
        .iter()
        .map(|m| conversion(store, m, days))
        .collect::<Result<_>>()?;
    let reads = scenario.channel.reports_reads();
    let steps = scenario.steps.len();
    // [step][arm]
    let mut cells = vec![[(Counts::default(), 0u64); 2]; steps];
    let mut funnel = vec![FunnelStep::default(); steps];
    for (m, conv) in messages.iter_mut().zip(&converted) {
        let Some(cell) = cells.get_mut(m.step as usize) else {
            continue;
        };
        let (counts, n) = &mut cell[m.arm.index()];
        count(counts, m);
        *n += u64::from(*conv);
        let f = &mut funnel[m.step as usize];
        f.sent += u64::from(is(m, EventKind::Sent) || is(m, EventKind::Delivered));
        f.reacted += u64::from(reacted(m));
        f.converted += u64::from(*conv);
    }
    let stands = store.entry_stands(name)?;
    place_entries(&mut funnel, &stands);
    let (per_step, per_arm, ab) = lines(&scenario, &cells, reads);
    Ok(ScenarioResults {
        scenario: name.to_owned(),
        channel: scenario.channel,
        reads_reported: reads,
        attribution_days: days,
        entries: stands.iter().map(|s| s.entries).sum(),
        open: stands
            .iter()
            .filter(|s| s.ended.is_empty())
            .map(|s| s.entries)
            .sum(),
        ended: ended(&stands),
        funnel,
        per_step,
        per_arm,
        ab,
    })
}

fn is(m: &StepMessage, kind: EventKind) -> bool {
    m.events[kind_index(kind)].is_some()
}

fn reacted(m: &StepMessage) -> bool {
    [EventKind::Read, EventKind::Clicked, EventKind::Replied]
        .into_iter()
        .any(|k| is(m, k))
}

/// Whether the contact ordered within `days` days after the message's delivery.
fn conversion(store: &Store, m: &StepMessage, days: u32) -> Result<bool> {
    match m.events[kind_index(EventKind::Delivered)] {
        Some(at) => store.ordered_between(m.contact_id, at, at + i64::from(days) * 86_400),
        None => Ok(false),
    }
}

/// Adds one message to a line's counts: each message once per kind of event.
fn count(c: &mut Counts, m: &StepMessage) {
    c.planned += 1;
    c.sent += u64::from(is(m, EventKind::Sent) || is(m, EventKind::Delivered));
    c.delivered += u64::from(is(m, EventKind::Delivered));
    c.read += u64::from(is(m, EventKind::Read));
    c.clicked += u64::from(is(m, EventKind::Clicked));
    c.replied += u64::from(is(m, EventKind::Replied));
    c.unsubscribed += u64::from(is(m, EventKind::Unsubscribed));
    c.blocked += u64::from(is(m, EventKind::Blocked));
}

/// The entries in the funnel: how far each came (its next step), and where an exit took it out.
fn place_entries(funnel: &mut [FunnelStep], stands: &[EntryStand]) {
    let last = funnel.len().saturating_sub(1);
    for s in stands {
        let next = s.next_step as usize;
        // An entry came as far as its next step (as far as the last, once past it).
        for (k, f) in funnel.iter_mut().enumerate().take(next.min(last) + 1) {
            f.entered += s.entries;
            if k < next && k < last {
                f.moved_on += s.entries;
            }
        }
        if End::parse(&s.ended).is_some_and(End::is_exit)
            && let Some(f) = funnel.get_mut(next)
        {
            f.exited += s.entries;
        }
    }
}

/// How the ended entries ended, counted, in the reasons' order.
fn ended(stands: &[EntryStand]) -> Vec<(End, u64)> {
    let mut out: Vec<(End, u64)> = Vec::new();
    for s in stands {
        let Some(end) = End::parse(&s.ended) else {
            continue;
        };
        match out.iter_mut().find(|(e, _)| *e == end) {
            Some((_, n)) => *n += s.entries,
            None => out.push((end, s.entries)),
        }
    }
    out.sort();
    out
}

type Lines = (Vec<StepLine>, Vec<StepLine>, Vec<AbTest>);

/// The lines per step and per arm, and the arms compared.
fn lines(scenario: &Scenario, cells: &[[(Counts, u64); 2]], reads: bool) -> Lines {
    let campaign = scenario.as_campaign();
    let line = |i: usize, arm: Option<Arm>, (counts, converted): (Counts, u64)| StepLine {
        step: i + 1,
        name: campaign.variants[i].name.clone(),
        arm,
        rates: rates(&counts, reads),
        conversion: counts.per_delivered(converted),
        converted,
        counts,
    };
    let (mut per_step, mut per_arm, mut ab) = (Vec::new(), Vec::new(), Vec::new());
    for (i, [a, b]) in cells.iter().copied().enumerate() {
        let mut both = a.0;
        both.merge(&b.0);
        per_step.push(line(i, None, (both, a.1 + b.1)));
        if scenario.steps[i].b.is_some() {
            per_arm.push(line(i, Some(Arm::A), a));
            per_arm.push(line(i, Some(Arm::B), b));
            ab.push(compare(&campaign.variants[i].name, &a.0, &b.0));
        }
    }
    (per_step, per_arm, ab)
}
