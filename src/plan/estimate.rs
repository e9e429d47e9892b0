//! How long a send takes, before it is planned: the campaign's audience counted exactly, then
//! the moments estimated per time zone — each zone's recipients at the plan's local time (a
//! window's start), out of quiet hours, moved a day on while the WhatsApp tier's rolling 24 hours
//! are full, earlier plans and sends counted — rather than placed one by one. Caps are not
//! applied (they can only make the send smaller), so the days are an upper bound of the plan's.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::{Options, RollingLimit, Timing, send_moment};
use crate::campaign::{self, Campaign, Channel};
use crate::error::Result;
use crate::model::task::Task;
use crate::segment::Today;
use crate::store::{Store, WHATSAPP_TIERS};

/// A send estimated under one daily limit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Spread {
    /// Unique people per rolling 24 hours; `None`: no limit.
    pub daily_limit: Option<u32>,
    /// Messages per day of the owner's zone.
    pub per_day: Vec<(NaiveDate, u64)>,
    /// When the last message would go.
    pub last_at: Option<DateTime<Utc>>,
}

impl Spread {
    /// How many days the send spans.
    pub fn days(&self) -> u64 {
        self.per_day.len() as u64
    }
}

/// What a send would take.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    pub recipients: u64,
    /// Under the options' limit.
    pub spread: Spread,
    /// Under each higher WhatsApp tier (WhatsApp with a limit only).
    pub higher_tiers: Vec<Spread>,
}

/// Estimates the plan of `campaign` with `options` as of the task's moment (see the module).
pub fn estimate(
    store: &Store,
    campaign: &Campaign,
    options: &Options,
    task: Task,
) -> Result<Estimate> {
    let settings = store.settings()?;
    let now = task.now();
    let today = Today::at(now, settings.owner_tz);
    let audience = campaign::audience(store, campaign, today, task.part(0.0, 0.9))?;
    let mut per_zone: FxHashMap<Tz, u64> = FxHashMap::default();
    for a in &audience.assigned {
        *per_zone
            .entry(a.time_zone.unwrap_or(settings.owner_tz))
            .or_default() += 1;
    }
    let local = match options.timing {
        Timing::At(t) => t.time(),
        Timing::Window(span) => span.from.time(),
        Timing::BestHour(best) => best.window.from.time(),
    };
    // Each zone's first moment not already past, in the order they come.
    let mut groups: Vec<(i64, Tz, u64)> = per_zone
        .into_iter()
        .map(|(tz, n)| (first_moment(tz, options, local, now), tz, n))
        .collect();
    groups.sort_by_key(|g| (g.0, g.1.name()));
    let limited = campaign.channel == Channel::Whatsapp && options.daily_limit.is_some();
    let earlier = match limited {
        true => {
            let start = send_moment(settings.owner_tz, options.date, NaiveTime::MIN, None);
            let date = options.date.to_string();
            store.earlier_messages(start.timestamp() - 8 * 86_400, &campaign.name, &date)?
        }
        false => Vec::new(),
    };
    let under = |limit: Option<u32>| spread(&groups, &earlier, limit, settings.owner_tz);
    // The higher tiers, up to the first that sends everything in one day.
    let mut higher_tiers: Vec<Spread> = Vec::new();
    if let Some(limit) = options.daily_limit.filter(|_| limited) {
        let higher = WHATSAPP_TIERS
            .iter()
            .map(|t| t.parse::<u32>().ok())
            .filter(|t| t.is_none_or(|t| t > limit));
        for tier in higher {
            if higher_tiers.last().is_some_and(|s| s.days() <= 1) {
                break;
            }
            higher_tiers.push(under(tier));
        }
    }
    task.report(1.0, audience.assigned.len() as u64);
    Ok(Estimate {
        recipients: audience.assigned.len() as u64,
        spread: under(options.daily_limit.filter(|_| limited)),
        higher_tiers,
    })
}

/// The first moment of local time `local` on the plan's day or after, in `tz`, out of quiet
/// hours, that is not past at `now`.
fn first_moment(tz: Tz, options: &Options, local: NaiveTime, now: DateTime<Utc>) -> i64 {
    (0..366)
        .map(|d| send_moment(tz, options.date + Duration::days(d), local, options.quiet))
        .find(|m| *m >= now)
        .unwrap_or(now)
        .timestamp()
}

/// The zones' recipients placed under `limit`: each group at its moment, the overflow a day
/// later, again and again.
fn spread(
    groups: &[(i64, Tz, u64)],
    earlier: &[(i64, i64)],
    limit: Option<u32>,
    owner: Tz,
) -> Spread {
    let mut per_day: std::collections::BTreeMap<NaiveDate, u64> = Default::default();
    let mut last: Option<i64> = None;
    let mut put = |at: i64, n: u64| {
        let day = DateTime::from_timestamp(at, 0)
            .unwrap_or_default()
            .with_timezone(&owner);
        *per_day.entry(day.date_naive()).or_default() += n;
        last = last.max(Some(at));
    };
    match limit {
        None => groups.iter().for_each(|(at, _, n)| put(*at, *n)),
        Some(limit) => {
            let total: u64 = groups.iter().map(|g| g.2).sum();
            let first = groups.first().map_or(0, |g| g.0 / 60);
            let days = (total + earlier.len() as u64) / u64::from(limit.max(1)) + 3;
            let mut windows =
                RollingLimit::new(limit.max(1), first, first + (days as i64 + 2) * 1440);
            for (_, t) in earlier {
                windows.take(t / 60);
            }
            let mut pending: Vec<(i64, u64)> = groups.iter().map(|g| (g.0, g.2)).collect();
            for day in 0..=days as i64 {
                for (at, n) in pending.iter_mut().filter(|p| p.1 > 0) {
                    let t = *at + day * 86_400;
                    let mut placed = 0;
                    while placed < *n && windows.fits(t / 60) {
                        windows.take(t / 60);
                        placed += 1;
                    }
                    if placed > 0 {
                        put(t, placed);
                        *n -= placed;
                    }
                }
            }
        }
    }
    Spread {
        daily_limit: limit,
        per_day: per_day.into_iter().collect(),
        last_at: last.and_then(|t| DateTime::from_timestamp(t, 0)),
    }
}

/// The moment `at` in the owner's zone, as the summaries write it.
fn local(at: Option<DateTime<Utc>>, owner: Tz) -> String {
    at.map(|t| t.with_timezone(&owner).format("%d.%m.%Y %H:%M").to_string())
        .unwrap_or_default()
}

/// The estimate in one sentence: recipients, days under the limit, the last message's moment.
pub fn describe(e: &Estimate, owner: Tz) -> crate::i18n::Msg {
    crate::i18n::Msg::new("plan-estimate")
        .arg("recipients", e.recipients as i64)
        .arg("days", e.spread.days() as i64)
        .arg("last", local(e.spread.last_at, owner))
        .arg(
            "limit",
            e.spread
                .daily_limit
                .map_or_else(|| "none".to_owned(), |l| l.to_string()),
        )
}

/// What a higher tier would change, in one sentence.
pub fn describe_tier(s: &Spread, owner: Tz) -> crate::i18n::Msg {
    let tier = s
        .daily_limit
        .map_or_else(|| crate::i18n::tr("plan-tier-unlimited"), |l| l.to_string());
    crate::i18n::Msg::new("plan-estimate-tier")
        .arg("tier", tier)
        .arg("days", s.days() as i64)
        .arg("last", local(s.last_at, owner))
}
