//! A scenario run (DESIGN.md, "Scenario"): the laptop is not a server, so the owner imports
//! what happened and asks for the messages due in a window. [`plan_run`] reads each scenario's
//! triggers since its last run (inside its look-back), enters the contacts they name (unless in
//! a chain of it already, inside its cool-down, outside its entry segment or unreachable),
//! ends the entries an exit stopped, and plans each open entry's next due step under every rule
//! of a campaign's plan — consent, quiet hours, caps across campaigns and scenarios, the
//! WhatsApp tier with scenarios in rank order. [`save_and_export`] writes the run's one file and
//! only then saves its plans and moves its entries on: a run whose export failed leaves the
//! entries as they were.

mod advance;
mod outcome;
mod place;
mod save;
mod triggers;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rustc_hash::FxHashMap;

use crate::campaign::audience::exclusion;
use crate::campaign::{Channel, Exclusion};
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::model::scenario::{Scenario, Trigger, TriggerFacts};
use crate::model::task::Task;
use crate::plan::{Learned, Options, Plan, PlanSettings, Planned, pace_outside_quiet};
use crate::segment::{self, Item, Membership, Rule, Today};
use crate::store::{EntryRow, Reach, RunRecord, Store, Triggered};
use advance::{Judge, Next};
pub use outcome::{End, NotEntered, Outcome};
use place::{Placed, Placer};
pub use save::{SavedRun, save_and_export};

/// What a run is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunOptions {
    /// The run's moment: triggers up to it are read, nothing is planned before it.
    pub now: DateTime<Utc>,
    /// The end of the window: the messages due up to it are planned.
    pub until: DateTime<Utc>,
    /// The scenarios to run, by name; empty: every saved one.
    pub names: Vec<String>,
}

/// A run made, not yet saved: its plans (one per scenario with messages), what it did with each
/// scenario, and what saving it leaves in the base.
#[derive(Debug, Clone)]
pub struct Run {
    pub now: DateTime<Utc>,
    pub until: DateTime<Utc>,
    /// The owner's zone, which the run's moments are shown in.
    pub owner: Tz,
    pub plans: Vec<Plan>,
    pub outcomes: Vec<Outcome>,
    record: RunRecord,
}

impl Run {
    /// How many messages it plans.
    pub fn messages(&self) -> usize {
        self.plans.iter().map(|p| p.items.len()).sum()
    }

    /// Moment `t` in the owner's zone, as the run's summaries write it.
    pub fn local(&self, t: DateTime<Utc>) -> String {
        t.with_timezone(&self.owner)
            .format("%Y-%m-%d %H:%M")
            .to_string()
    }

    /// The run in one line: its window in the owner's time and how many messages it plans.
    pub fn headline(&self) -> Msg {
        Msg::new("cli-scenario-run-head")
            .arg("now", self.local(self.now))
            .arg("until", self.local(self.until))
            .arg("messages", self.messages() as i64)
    }
}

/// What every scenario of a run shares.
struct Ctx<'a> {
    store: &'a Store,
    today: Today,
    now: i64,
    until: i64,
    owner: Tz,
    demo: bool,
    placer: Placer,
    /// Per channel used: every contact's reach, by id.
    reaches: Vec<(Channel, Vec<Reach>)>,
    /// The scenario's share of the run's task: its entries report to it, and it may stop them.
    task: Task<'a>,
    /// Each buyer's last order, by contact (read when a scenario first needs it).
    last_orders: Option<Vec<(i64, i64)>>,
    record: RunRecord,
}

/// Plans the messages of the scenarios `options` names (all by default, in rank order) due
/// between its `now` and `until`; `task` hears the share done and may stop it.
pub fn plan_run(store: &Store, options: &RunOptions, task: Task) -> Result<Run> {
    if options.until <= options.now {
        return Err(Error::user(Msg::new("scenario-error-window")));
    }
    let mut scenarios = chosen(store, &options.names)?;
    scenarios.sort_by(|a, b| (a.rank, &a.name).cmp(&(b.rank, &b.name)));
    for s in &scenarios {
        super::validate(store, s)?;
    }
    let settings = store.settings()?;
    let today = Today::at(options.now, settings.owner_tz);
    if scenarios
        .iter()
        .any(|s| matches!(s.trigger, Trigger::Rfm { .. }))
    {
        // RFM as of the run's moment before its groups are read.
        let mut rfm_base = store.another()?;
        crate::rfm::recompute(&mut rfm_base, today.date, task.part(0.0, 0.2))?;
    }
    let (now, until) = (options.now.timestamp(), options.until.timestamp());
    let rules = Options::with(today.date, PlanSettings::read(store)?);
    let earlier = store.earlier_messages(now - 8 * 86_400, "", "")?;
    let mut ctx = Ctx {
        store,
        today,
        now,
        until,
        owner: settings.owner_tz,
        demo: settings.demo,
        placer: Placer::new(rules, earlier, now, until),
        reaches: Vec::new(),
        last_orders: None,
        task,
        record: RunRecord {
            made_at: now,
            until,
            ..RunRecord::default()
        },
    };
    let (mut plans, mut outcomes) = (Vec::new(), Vec::new());
    let count = scenarios.len().max(1) as f32;
    for (i, s) in scenarios.iter().enumerate() {
        task.stop_if()?;
        let share = |k: usize| 0.2 + 0.8 * k as f32 / count;
        ctx.task = task.part(share(i), share(i + 1));
        let (outcome, plan) = ctx.scenario(s)?;
        outcomes.push(outcome);
        plans.extend(plan);
    }
    Ok(Run {
        now: options.now,
        until: options.until,
        owner: settings.owner_tz,
        plans,
        outcomes,
        record: ctx.record,
    })
}

/// The saved scenarios `names` names, or all of them.
fn chosen(store: &Store, names: &[String]) -> Result<Vec<Scenario>> {
    if names.is_empty() {
        return store.scenarios();
    }
    names
        .iter()
        .map(|n| {
            store.scenario(n.trim())?.ok_or_else(|| {
                Error::user(Msg::new("scenario-error-not-found").arg("name", n.trim()))
            })
        })
        .collect()
}

/// The rule "in the saved segment `name`": a scenario's entry filter and segment trigger.
fn in_segment(name: &str) -> Rule {
    Rule::all_of(vec![Item::Segment {
        op: Membership::In,
        segment: name.to_owned(),
    }])
}

/// The ids of the saved segment `name` (ascending) as of `today`.
fn segment_ids(store: &Store, name: &str, today: Today) -> Result<Vec<i64>> {
    segment::rule_ids(store, &in_segment(name), None, today)
}

/// An entry made from a trigger.
fn entry_of(scenario: &str, t: Triggered) -> EntryRow {
    EntryRow {
        id: 0,
        scenario: scenario.to_owned(),
        contact_id: t.contact_id,
        trigger_at: t.at,
        product: t.product,
        url: t.url,
        value_kop: t.value_kop,
        next_step: 0,
        last_step: None,
        last_at: None,
        last_message: String::new(),
        ended: None,
    }
}

/// A count per reason, in the reasons' order, the empty ones left out.
fn tally<K: Copy + Ord + std::hash::Hash>(counts: FxHashMap<K, u64>) -> Vec<(K, u64)> {
    let mut out: Vec<(K, u64)> = counts.into_iter().collect();
    out.sort();
    out
}

impl Ctx<'_> {
    /// Every contact's reach on `channel`, read once per run.
    fn reach(&mut self, channel: Channel) -> Result<usize> {
        if let Some(i) = self.reaches.iter().position(|(c, _)| *c == channel) {
            return Ok(i);
        }
        let mut all = Vec::new();
        self.store.each_reach(channel, &mut |r| {
            all.push(r);
            Ok(())
        })?;
        self.reaches.push((channel, all));
        Ok(self.reaches.len() - 1)
    }

    /// One scenario's part of the run: its new entries, its ended ones, its plan.
    fn scenario(&mut self, s: &Scenario) -> Result<(Outcome, Option<Plan>)> {
        let name = s.name.trim();
        let mark = self.store.scenario_mark(name)?.map(|m| m.seen_until);
        let look_back = self.now - i64::from(s.look_back_hours) * 3600;
        let after = mark.unwrap_or(look_back).max(look_back);
        let found = triggers::find(self.store, s, after, self.today)?;
        let filter = match &s.filter {
            Some(f) => Some(segment_ids(self.store, f, self.today)?),
            None => None,
        };
        let reach = self.reach(s.channel)?;
        let mut outcome = Outcome {
            scenario: name.to_owned(),
            triggers: found.triggers.len() as u64,
            planned: vec![0; s.steps.len()],
            noted: found
                .members
                .as_ref()
                .filter(|_| found.noted_only)
                .map(|m| m.ids.len() as u64),
            renoted: found.renoted,
            ..Outcome::default()
        };
        let mut entries = self.store.open_entries(name)?;
        let new = self.enter(s, found.triggers, &entries, filter.as_deref(), reach)?;
        outcome.entered = new.iter().filter(|(e, _)| e.is_some()).count() as u64;
        outcome.not_entered = new_refusals(&new);
        entries.extend(new.into_iter().filter_map(|(e, _)| e));
        entries.sort_by_key(|e| e.contact_id);
        let exits_filter = filter.as_deref().filter(|_| s.exits.left_filter);
        let mut ended: FxHashMap<End, u64> = FxHashMap::default();
        let items = self.advance(
            s,
            &mut entries,
            exits_filter,
            reach,
            &mut outcome,
            &mut ended,
        )?;
        let (plan, completed) = self.plan_of(s, items, &mut entries);
        if completed > 0 {
            *ended.entry(End::Completed).or_default() += completed;
        }
        outcome.ended = tally(ended);
        for e in &plan.items {
            outcome.planned[e.variant] += 1;
        }
        self.record.entries.extend(entries);
        self.record.marks.push((name.to_owned(), self.now));
        if let Some(members) = found.members {
            self.record.members.push(members);
        }
        Ok((outcome, (!plan.items.is_empty()).then_some(plan)))
    }

    /// The entries `triggers` make, or why each makes none.
    fn enter(
        &self,
        s: &Scenario,
        triggers: Vec<Triggered>,
        open: &[EntryRow],
        filter: Option<&[i64]>,
        reach: usize,
    ) -> Result<Vec<(Option<EntryRow>, Option<NotEntered>)>> {
        let name = s.name.trim();
        let last = self.store.last_triggers(name)?;
        let cooldown = i64::from(s.cooldown_days) * 86_400;
        let reaches = &self.reaches[reach].1;
        let mut open_ids: Vec<i64> = open.iter().map(|e| e.contact_id).collect();
        open_ids.sort_unstable();
        Ok(triggers
            .into_iter()
            .map(|t| {
                let id = t.contact_id;
                let refused = if open_ids.binary_search(&id).is_ok() {
                    Some(NotEntered::InChain)
                } else if last
                    .get(&id)
                    .is_some_and(|l| t.at <= *l || t.at < l + cooldown)
                {
                    Some(NotEntered::Cooldown)
                } else if filter.is_some_and(|f| f.binary_search(&id).is_err()) {
                    Some(NotEntered::Filter)
                } else if reach_of(reaches, id)
                    .is_none_or(|r| exclusion(r, false, s.channel).is_some())
                {
                    Some(NotEntered::Unreachable)
                } else {
                    None
                };
                match refused {
                    Some(why) => (None, Some(why)),
                    None => (Some(entry_of(name, t)), None),
                }
            })
            .collect())
    }
}

/// The refusals among a run's would-be entries, counted.
fn new_refusals(new: &[(Option<EntryRow>, Option<NotEntered>)]) -> Vec<(NotEntered, u64)> {
    let mut counts: FxHashMap<NotEntered, u64> = FxHashMap::default();
    for why in new.iter().filter_map(|(_, why)| *why) {
        *counts.entry(why).or_default() += 1;
    }
    tally(counts)
}

/// The reach of contact `id` in `reaches` (by id).
fn reach_of(reaches: &[Reach], id: i64) -> Option<&Reach> {
    reaches
        .binary_search_by_key(&id, |r| r.contact_id)
        .ok()
        .map(|i| &reaches[i])
}

/// What a due step placed: the entry it belongs to, and the message.
struct Placement {
    entry: usize,
    planned: Planned,
}

impl Ctx<'_> {
    /// Ends (counted in `ended`), skips or places each open entry's next step.
    fn advance(
        &mut self,
        s: &Scenario,
        entries: &mut [EntryRow],
        filter: Option<&[i64]>,
        reach: usize,
        outcome: &mut Outcome,
        ended: &mut FxHashMap<End, u64>,
    ) -> Result<Vec<Placement>> {
        let sleeping: Vec<i64> = match s.sleeping.filter(|k| *k > 0) {
            Some(campaigns) => {
                let rule = Rule::all_of(vec![Item::Sleeping { campaigns }]);
                segment::rule_ids(self.store, &rule, None, self.today)?
            }
            None => Vec::new(),
        };
        if self.last_orders.is_none() && s.exits.order {
            self.last_orders = Some(self.store.last_orders()?);
        }
        let oldest = entries
            .iter()
            .map(|e| e.trigger_at)
            .min()
            .unwrap_or(self.now);
        let stops = self
            .store
            .stop_candidates(oldest, s.exits.click.is_some())?;
        // A step at the contact's best hour: their own, else the hour of this scenario's people.
        let learned = if s
            .steps
            .iter()
            .any(|step| step.delay.wait.best_hour().is_some())
        {
            Learned::read(self.store, entries.iter().map(|e| (e.contact_id, 0)), 1)?
        } else {
            Learned::default()
        };
        let judge = Judge {
            store: self.store,
            scenario: s,
            now: self.now,
            until: self.until,
            filter,
            last_orders: self.last_orders.as_deref().unwrap_or_default(),
            stops: &stops,
            learned: &learned,
        };
        let mut items = Vec::new();
        let count = entries.len().max(1) as f32;
        for (i, entry) in entries.iter_mut().enumerate() {
            if i % 4096 == 0 {
                self.task.stop_if()?;
                self.task.report(i as f32 / count, i as u64);
            }
            let r = reach_of(&self.reaches[reach].1, entry.contact_id);
            let tz = r.and_then(|r| r.time_zone).unwrap_or(self.owner);
            let next = match judge.exit(entry)?.or_else(|| unreachable(r, s.channel)) {
                Some(end) => Next::End(end),
                None => judge.next(entry, tz, &mut outcome.skipped)?,
            };
            let tiered = s.channel == Channel::Whatsapp;
            let end = match next {
                Next::End(end) => Some(end),
                Next::Wait => {
                    outcome.waiting += 1;
                    None
                }
                Next::Due { .. } if sleeping.binary_search(&entry.contact_id).is_ok() => {
                    Some(End::Sleeping)
                }
                Next::Due { step, from, expiry } => {
                    match self
                        .placer
                        .place(entry.contact_id, tz, from, expiry, tiered)
                    {
                        Placed::At(at) => {
                            let planned = self.planned(s, entry.contact_id, step, at, tz);
                            items.push(Placement { entry: i, planned });
                            None
                        }
                        Placed::Wait => {
                            outcome.waiting += 1;
                            None
                        }
                        Placed::Expired => Some(End::Expired),
                    }
                }
            };
            if let Some(end) = end {
                entry.ended = Some((self.now, end.key().to_owned()));
                *ended.entry(end).or_default() += 1;
            }
        }
        Ok(items)
    }

    /// The message of step `step` to `contact` at `at`.
    fn planned(&self, s: &Scenario, contact: i64, step: usize, at: i64, tz: Tz) -> Planned {
        let arm = match &s.steps[step].b {
            Some(b) => crate::campaign::arm(s.name.trim(), contact, b.percent),
            None => crate::campaign::Arm::A,
        };
        Planned {
            contact_id: contact,
            variant: step,
            arm,
            send_at: at,
            tz,
            moved: false,
        }
    }

    /// The scenario's plan of the run, Telegram paced; each planned entry moves on to the
    /// step after, the last step completing it (how many it completed comes second).
    fn plan_of(
        &mut self,
        s: &Scenario,
        items: Vec<Placement>,
        entries: &mut [EntryRow],
    ) -> (Plan, u64) {
        let rules = self.placer.rules().clone();
        let mut planned: Vec<Planned> = items.iter().map(|i| i.planned).collect();
        if s.channel == Channel::Telegram {
            pace_outside_quiet(&mut planned, rules.quiet);
        }
        let mut plan = Plan {
            campaign: s.as_campaign(),
            options: rules,
            items: Vec::new(),
            left: Vec::new(),
            demo: self.demo,
            fullest_window: None,
            hour_counts: None,
            made_at: DateTime::from_timestamp(self.now, 0).unwrap_or_default(),
            run_at: DateTime::from_timestamp(self.now, 0),
            triggers: Vec::new(),
        };
        let mut completed = 0;
        for (item, p) in items.iter().zip(&planned) {
            self.placer
                .moved(p.contact_id, item.planned.send_at, p.send_at);
            let e = &mut entries[item.entry];
            e.last_step = Some(p.variant as u32);
            e.last_at = Some(p.send_at);
            e.last_message = plan.message_id(p.contact_id);
            e.next_step = p.variant as u32 + 1;
            if e.next_step as usize >= s.steps.len() {
                e.ended = Some((p.send_at, End::Completed.key().to_owned()));
                completed += 1;
            }
        }
        planned.sort_by_key(|p| p.contact_id);
        let mut triggers: Vec<(i64, TriggerFacts)> = items
            .iter()
            .map(|i| {
                let e = &entries[i.entry];
                let facts = TriggerFacts {
                    product: e.product.clone(),
                    url: e.url.clone(),
                    value_kop: e.value_kop,
                };
                (e.contact_id, facts)
            })
            .collect();
        triggers.sort_by_key(|(c, _)| *c);
        plan.triggers = triggers;
        plan.items = planned;
        (plan, completed)
    }
}

/// How a contact who can no longer be messaged on `channel` leaves the chain.
fn unreachable(reach: Option<&Reach>, channel: Channel) -> Option<End> {
    let Some(r) = reach else {
        return Some(End::Unreachable);
    };
    match exclusion(r, false, channel)? {
        Exclusion::Unsubscribed => Some(End::Unsubscribed),
        Exclusion::Blocked => Some(End::Blocked),
        _ => Some(End::Unreachable),
    }
}
