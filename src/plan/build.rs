//! Making a plan: each recipient's local send moment (one time, or a window spread over each
//! zone), moved out of quiet hours and past moments, the frequency caps against earlier plans
//! and sends, the WhatsApp limit over every rolling 24 hours, Telegram's pace.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use rustc_hash::FxHashMap;

use super::{
    HourCounts, Learned, Left, Options, Plan, Planned, Priority, Reason, RollingLimit, Span,
    TELEGRAM_PER_SECOND, Timing, WINDOW, out_of_quiet, pace, send_moment,
};
use crate::campaign::{self, Arm, Assigned, Campaign, Channel};
use crate::error::Result;
use crate::model::reaction_hours::HourSource;
use crate::model::task::Task;
use crate::segment::Today;
use crate::store::Store;

/// A recipient before their moment is fixed.
struct Candidate {
    contact_id: i64,
    variant: usize,
    arm: Arm,
    tz: Tz,
    /// Local send time, seconds after midnight.
    local: u32,
    /// The first day (after the plan's date) whose moment is not past.
    first_day: u32,
    priority: (u8, usize, i64),
    /// On "each contact's best hour": where the hour came from.
    source: Option<HourSource>,
}

/// Moments of local times on the plan's days, each computed once: recipients share a few
/// (zone, local time) pairs.
struct Clock {
    date: NaiveDate,
    quiet: Option<Span>,
    known: FxHashMap<(Tz, u32, u32), i64>,
}

impl Clock {
    fn new(options: &Options) -> Clock {
        Clock {
            date: options.date,
            quiet: options.quiet,
            known: FxHashMap::default(),
        }
    }

    /// The moment (unix seconds) of local time `local` (seconds after midnight) on the plan's
    /// date + `day` days in `tz`, quiet hours respected.
    fn at(&mut self, tz: Tz, day: u32, local: u32) -> i64 {
        let (date, quiet) = (self.date, self.quiet);
        *self.known.entry((tz, day, local)).or_insert_with(|| {
            let time =
                chrono::NaiveTime::from_num_seconds_from_midnight_opt(local, 0).unwrap_or_default();
            send_moment(tz, date + Duration::days(i64::from(day)), time, quiet).timestamp()
        })
    }
}

/// Makes the plan of `campaign` with `options`, as of the task's moment; `task` hears the share
/// done and may stop it.
pub fn build(store: &Store, campaign: &Campaign, options: &Options, task: Task) -> Result<Plan> {
    let settings = store.settings()?;
    // The texts must be sound before anyone is planned.
    campaign::check(store, campaign)?;
    let now = task.now();
    let today = Today::at(now, settings.owner_tz);
    let audience = campaign::audience(store, campaign, today, task.part(0.0, 0.3))?;
    task.stop_if()?;
    let mut left: Vec<Left> = audience
        .excluded
        .iter()
        .map(|e| Left {
            contact_id: e.contact_id,
            variant: e.variant,
            reason: Reason::Audience(e.reason),
        })
        .collect();
    let rfm: FxHashMap<i64, u8> = match options.priority {
        Priority::Rfm => store.rfm_scores()?.into_iter().collect(),
        Priority::Variant => FxHashMap::default(),
    };
    let learned = match options.timing {
        Timing::BestHour(_) => {
            let members = (audience.assigned.iter().map(|a| (a.contact_id, a.variant)))
                .chain(audience.excluded.iter().map(|e| (e.contact_id, e.variant)));
            Learned::read(store, members, campaign.variants.len())?
        }
        _ => Learned::default(),
    };
    let mut clock = Clock::new(options);
    let zone = |a: &Assigned| a.time_zone.unwrap_or(settings.owner_tz);
    let context = (options, &rfm, &learned);
    let candidates = candidates(&audience.assigned, zone, context, &mut clock, now);
    task.report(0.4, 0);
    task.stop_if()?;

    // Frequency caps, against earlier plans and sends.
    let start = send_moment(
        settings.owner_tz,
        options.date,
        chrono::NaiveTime::MIN,
        None,
    )
    .timestamp();
    let earlier = store.earlier_messages(
        start - 8 * 86_400,
        &campaign.name,
        &options.date.to_string(),
    )?;
    let mut candidates = without_capped(candidates, &earlier, options, &mut clock, &mut left);
    left.sort_by_key(|l| l.contact_id);
    let hour_counts = matches!(options.timing, Timing::BestHour(_)).then(|| {
        let mut counts = HourCounts::default();
        candidates
            .iter()
            .filter_map(|c| c.source)
            .for_each(|s| counts.add(s));
        counts
    });
    task.report(0.5, 0);
    task.stop_if()?;

    let limited = campaign.channel == Channel::Whatsapp && options.daily_limit.is_some();
    let mut items = if limited {
        let limit = options.daily_limit.unwrap_or(u32::MAX).max(1);
        place_within_limit(&mut candidates, &earlier, limit, &mut clock, task)?
    } else {
        candidates
            .iter()
            .map(|c| Planned {
                contact_id: c.contact_id,
                variant: c.variant,
                arm: c.arm,
                send_at: clock.at(c.tz, c.first_day, c.local),
                tz: c.tz,
                moved: false,
            })
            .collect()
    };
    let fullest_window = limited.then(|| fullest(&items, &earlier));
    if campaign.channel == Channel::Telegram {
        pace_outside_quiet(&mut items, options.quiet);
    }
    items.sort_by_key(|p| p.contact_id);
    task.report(1.0, items.len() as u64);
    Ok(Plan {
        campaign: campaign.clone(),
        options: options.clone(),
        items,
        left,
        demo: settings.demo,
        fullest_window,
        made_at: now,
        run_at: None,
        triggers: Vec::new(),
        hour_counts,
    })
}

/// Each of `assigned` (in the zone `zone` gives) with its local send time and the first day from
/// the plan's date whose moment is not already past at `now`; the options, the RFM scores (on
/// that priority) and the learned hours (on the best hour) come in `context`.
fn candidates(
    assigned: &[Assigned],
    zone: impl Fn(&Assigned) -> Tz,
    context: (&Options, &FxHashMap<i64, u8>, &Learned),
    clock: &mut Clock,
    now: DateTime<Utc>,
) -> Vec<Candidate> {
    let (options, rfm, learned) = context;
    // Local send times: one time, or a window spread evenly over each zone's recipients.
    let mut per_zone: FxHashMap<Tz, (u64, u64)> = FxHashMap::default();
    for a in assigned {
        per_zone.entry(zone(a)).or_default().1 += 1;
    }
    let now_s = now.timestamp();
    let mut out: Vec<Candidate> = Vec::with_capacity(assigned.len());
    for a in assigned {
        let tz = zone(a);
        let mut source = None;
        let local: u32 = match options.timing {
            Timing::At(t) => u32::from(t.minutes) * 60,
            Timing::BestHour(best) => {
                let (hour, from) = learned.hour(a.contact_id, a.variant);
                source = Some(from);
                u32::from(best.time_for(hour).minutes) * 60
            }
            Timing::Window(span) => {
                let (rank, count) = per_zone.get_mut(&tz).map_or((0, 1), |e| {
                    e.0 += 1;
                    (e.0 - 1, e.1)
                });
                let offset = rank * u64::from(span.minutes()) / count.max(1);
                (u32::from(span.from.minutes) + offset as u32) % 1440 * 60
            }
        };
        let mut first_day = 0;
        while clock.at(tz, first_day, local) < now_s && first_day < 366 {
            first_day += 1;
        }
        let score = rfm.get(&a.contact_id).copied().unwrap_or(0);
        out.push(Candidate {
            contact_id: a.contact_id,
            variant: a.variant,
            arm: a.arm,
            tz,
            local,
            first_day,
            priority: (u8::MAX - score, a.variant, a.contact_id),
            source,
        });
    }
    out
}

/// The candidates the frequency caps let through against `earlier` messages (by contact id);
/// the others join `left`.
fn without_capped(
    candidates: Vec<Candidate>,
    earlier: &[(i64, i64)],
    options: &Options,
    clock: &mut Clock,
    left: &mut Vec<Left>,
) -> Vec<Candidate> {
    let mut kept = Vec::with_capacity(candidates.len());
    for c in candidates {
        let m = clock.at(c.tz, c.first_day, c.local);
        let from = earlier.partition_point(|e| e.0 < c.contact_id);
        let to = earlier.partition_point(|e| e.0 <= c.contact_id);
        if is_capped(&earlier[from..to], m, options) {
            left.push(Left {
                contact_id: c.contact_id,
                variant: c.variant,
                reason: Reason::Capped,
            });
        } else {
            kept.push(c);
        }
    }
    kept
}

/// Places candidates in priority order, each on the first day from its own whose moment keeps
/// every rolling 24 hours within `limit` (earlier messages counted).
fn place_within_limit(
    candidates: &mut [Candidate],
    earlier: &[(i64, i64)],
    limit: u32,
    clock: &mut Clock,
    task: Task,
) -> Result<Vec<Planned>> {
    candidates.sort_by_key(|c| c.priority);
    let first = candidates
        .iter()
        .map(|c| clock.at(c.tz, c.first_day, c.local) / 60)
        .min()
        .unwrap_or(0);
    // Enough days for everyone even if each day held only `limit` of them.
    let days = (candidates.len() + earlier.len()) as i64 / i64::from(limit) + 3;
    let latest_start = candidates.iter().map(|c| c.first_day).max().unwrap_or(0);
    let last = first + (days + i64::from(latest_start) + 2) * 1440;
    let mut windows = RollingLimit::new(limit, first, last);
    for (_, t) in earlier {
        windows.take(t / 60);
    }
    // Recipients of one zone and local time share their days: once a day is full for one of
    // them it is full for the rest, so each group remembers the first day worth trying.
    let mut next_day: FxHashMap<(Tz, u32), u32> = FxHashMap::default();
    let mut out = Vec::with_capacity(candidates.len());
    for (i, c) in candidates.iter().enumerate() {
        if i % 65_536 == 0 {
            task.stop_if()?;
        }
        let from = next_day.entry((c.tz, c.local)).or_insert(c.first_day);
        let mut day = (*from).max(c.first_day);
        let mut at = clock.at(c.tz, day, c.local);
        while !windows.fits(at / 60) {
            day += 1;
            at = clock.at(c.tz, day, c.local);
        }
        *from = day;
        windows.take(at / 60);
        out.push(Planned {
            contact_id: c.contact_id,
            variant: c.variant,
            arm: c.arm,
            send_at: at,
            tz: c.tz,
            moved: day > c.first_day,
        });
    }
    Ok(out)
}

/// Whether a contact with the earlier messages `mine` (unix seconds) is capped at moment `m`: one
/// within the cap's hours of it (before or after), or the weekly number already reached in the 7
/// days before it.
pub(crate) fn is_capped(mine: &[(i64, i64)], m: i64, options: &Options) -> bool {
    let near = options.cap_hours.is_some_and(|h| {
        let gap = i64::from(h) * 3600;
        mine.iter().any(|(_, t)| (t - m).abs() < gap)
    });
    let week = options.cap_week.is_some_and(|k| {
        let n = mine
            .iter()
            .filter(|(_, t)| *t > m - 7 * 86_400 && *t <= m)
            .count();
        n >= k as usize
    });
    near || week
}

/// The most messages in any rolling 24 hours of the plan with the earlier ones.
fn fullest(items: &[Planned], earlier: &[(i64, i64)]) -> u32 {
    let mut minutes: Vec<i64> = items
        .iter()
        .map(|p| p.send_at / 60)
        .chain(earlier.iter().map(|(_, t)| t / 60))
        .collect();
    minutes.sort_unstable();
    let mut most = 0;
    let mut start = 0;
    for end in 0..minutes.len() {
        while minutes[end] - minutes[start] >= WINDOW {
            start += 1;
        }
        most = most.max(end - start + 1);
    }
    most as u32
}

/// Telegram: no second with more than 30 messages; a message pushed into the quiet hours moves
/// to their end, and the pacing is done again.
pub(crate) fn pace_outside_quiet(items: &mut [Planned], quiet: Option<Span>) {
    for _ in 0..4 {
        let moments: Vec<i64> = items.iter().map(|p| p.send_at).collect();
        let paced = pace(&moments, TELEGRAM_PER_SECOND);
        let mut moved = false;
        for (p, at) in items.iter_mut().zip(paced) {
            p.send_at = at;
            if let Some(q) = quiet {
                let t = DateTime::from_timestamp(at, 0).unwrap_or_default();
                let out = out_of_quiet(p.tz, t, q).timestamp();
                if out != at {
                    p.send_at = out;
                    moved = true;
                }
            }
        }
        if !moved {
            return;
        }
    }
}
