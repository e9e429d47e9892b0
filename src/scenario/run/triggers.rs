//! The triggers a run finds for one scenario: what happened since the scenario last read its
//! triggers (inside its look-back), at most one per contact — their latest.
//!
//! Activity and orders are read in their window; "N days without an order" fires when the
//! contact's last order turns N days old (so once per last order); a yearly date fires N days
//! before it, at the start of that day in the owner's zone; a segment or an RFM group fires for
//! whoever is in it now and was not at the previous run (the first run only notes who is in
//! it, unless the scenario asks to enter everyone now).

use chrono::{Datelike, Days, NaiveDate, TimeZone};
use chrono_tz::Tz;

use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::model::scenario::{Scenario, Trigger};
use crate::segment::{self, Item, Rule, Today};
use crate::store::{Noted, Setting, Store, Triggered};

/// What the triggers of one scenario came to.
pub(super) struct Found {
    /// One per contact, ascending by contact.
    pub triggers: Vec<Triggered>,
    /// A segment or RFM trigger: who is in it now, to note for the next run.
    pub members: Option<Noted>,
    /// The first run of a segment trigger, or the first since its basis changed, which only
    /// noted who is in it.
    pub noted_only: bool,
    /// Noted only because the basis changed.
    pub renoted: bool,
}

/// The triggers of `scenario` after unix second `after` up to `today.now`.
pub(super) fn find(store: &Store, scenario: &Scenario, after: i64, today: Today) -> Result<Found> {
    let now = today.now.timestamp();
    let plain = |triggers| Found {
        triggers: latest_per_contact(triggers),
        members: None,
        noted_only: false,
        renoted: false,
    };
    Ok(match &scenario.trigger {
        Trigger::Activity {
            kind,
            product,
            category,
        } => {
            let id = store.event_kind_named(kind)?.ok_or_else(|| {
                Error::user(Msg::new("scenario-error-activity").arg("kind", kind.as_str()))
            })?;
            let mut rows = store.activity_between(id, after, now)?;
            rows.retain(|t| {
                product.as_ref().is_none_or(|p| *p == t.product)
                    && category.as_ref().is_none_or(|c| *c == t.category)
            });
            plain(rows)
        }
        Trigger::Order { first, category } => {
            plain(store.orders_between(after, now, *first, category.as_deref())?)
        }
        Trigger::NoOrderFor { days } => {
            let gap = i64::from(*days) * 86_400;
            let rows = store
                .last_orders()?
                .into_iter()
                .filter(|(_, last)| last + gap > after && last + gap <= now)
                .map(|(contact_id, last)| at_moment(contact_id, last + gap))
                .collect();
            plain(rows)
        }
        Trigger::Yearly { field, days_before } => {
            let rows = store
                .yearly_dates(field)?
                .into_iter()
                .filter_map(|(id, date)| {
                    let at = yearly_moment(&date, *days_before, today)?;
                    (at > after && at <= now).then(|| at_moment(id, at))
                })
                .collect();
            plain(rows)
        }
        Trigger::Segment {
            segment,
            enter_everyone_now,
        } => {
            let rule = super::in_segment(segment);
            let basis = store
                .segment(segment)?
                .map(|r| r.to_json())
                .unwrap_or_default();
            newly_in(store, scenario, &rule, *enter_everyone_now, basis, today)?
        }
        Trigger::Rfm {
            group,
            enter_everyone_now,
        } => {
            let rule = Rule::all_of(vec![Item::Rfm {
                groups: vec![*group],
                r: None,
                f: None,
                m: None,
            }]);
            let basis = rfm_basis(store)?;
            newly_in(store, scenario, &rule, *enter_everyone_now, basis, today)?
        }
    })
}

/// A trigger at unix second `at` about nothing in particular.
fn at_moment(contact_id: i64, at: i64) -> Triggered {
    Triggered {
        contact_id,
        at,
        product: String::new(),
        category: String::new(),
        url: String::new(),
        value_kop: None,
    }
}

/// Of rows ascending by contact and moment, each contact's last.
fn latest_per_contact(rows: Vec<Triggered>) -> Vec<Triggered> {
    let mut out: Vec<Triggered> = Vec::with_capacity(rows.len());
    for t in rows {
        match out.last_mut() {
            Some(last) if last.contact_id == t.contact_id => *last = t,
            _ => out.push(t),
        }
    }
    out
}

/// The owner's RFM choices the groups rest on: their own cut points of each dimension.
fn rfm_basis(store: &Store) -> Result<String> {
    let mut basis = Vec::new();
    for d in crate::model::rfm::Dimension::ALL {
        basis.push(store.get_setting(Setting::RfmCuts(d).key())?);
    }
    Ok(basis.join("|"))
}

/// Those in `rule`'s contacts now who were not at the scenario's previous run — unless the
/// `basis` they are decided on (the rule, the owner's cut points) changed since: then, as on a
/// first run, who is in it is only noted.
fn newly_in(
    store: &Store,
    scenario: &Scenario,
    rule: &Rule,
    everyone_now: bool,
    basis: String,
    today: Today,
) -> Result<Found> {
    let now = segment::rule_ids(store, rule, None, today)?;
    let mark = store.scenario_mark(scenario.name.trim())?;
    let first = !mark.as_ref().is_some_and(|m| m.members);
    let renoted = !first && mark.is_some_and(|m| m.basis != basis);
    let noted = !first && !renoted;
    let everyone_now = everyone_now && first;
    let at = today.now.timestamp();
    let triggers: Vec<Triggered> = if !noted && !everyone_now {
        Vec::new()
    } else if !noted {
        now.iter().map(|id| at_moment(*id, at)).collect()
    } else {
        let before = store.scenario_members(scenario.name.trim())?;
        now.iter()
            .filter(|id| before.binary_search(id).is_err())
            .map(|id| at_moment(*id, at))
            .collect()
    };
    Ok(Found {
        triggers,
        members: Some(Noted {
            scenario: scenario.name.trim().to_owned(),
            ids: now,
            basis,
        }),
        noted_only: !noted && !everyone_now,
        renoted,
    })
}

/// The moment a yearly date stored as `date` (`1990-03-12`, `--03-12`, `12.03.1990`) fires
/// `days_before` days ahead, for the occurrence nearest `today`: the start of that day in the
/// owner's zone (29 February is the 28th in other years).
fn yearly_moment(date: &str, days_before: u32, today: Today) -> Option<i64> {
    let (month, day) = month_and_day(date.trim())?;
    let year = today.date.year();
    [year - 1, year, year + 1]
        .into_iter()
        .filter_map(|y| {
            let d = NaiveDate::from_ymd_opt(y, month, day)
                .or_else(|| NaiveDate::from_ymd_opt(y, month, day - 1))?;
            // A day before chrono's calendar has no occurrence (a typed 4 billion days).
            start_of(today.tz, d.checked_sub_days(Days::new(days_before.into()))?)
        })
        .min_by_key(|at| (at - today.now.timestamp()).abs())
}

fn month_and_day(date: &str) -> Option<(u32, u32)> {
    if let Some(md) = date.strip_prefix("--") {
        let (m, d) = md.split_once('-')?;
        return Some((m.parse().ok()?, d.parse().ok()?));
    }
    let parsed = NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(date, "%d.%m.%Y"))
        .ok()?;
    Some((parsed.month(), parsed.day()))
}

fn start_of(tz: Tz, day: NaiveDate) -> Option<i64> {
    let midnight = day.and_hms_opt(0, 0, 0)?;
    tz.from_local_datetime(&midnight)
        .earliest()
        .map(|t| t.timestamp())
}
