//! Campaign results: what was planned, sent, delivered, read, clicked, answered, and who
//! unsubscribed or blocked — per campaign, per variant (and so per segment) and per A/B arm, as
//! rates per delivered message; the arms compared with a two-proportion z-test; and warnings
//! when blocks or unsubscribes run high, because blocks hurt a WhatsApp number's standing.

use serde::Serialize;

use crate::campaign::{Arm, Campaign, Channel};
use crate::error::{Error, Result};
use crate::i18n::{Decimal, Msg};
use crate::model::task::Task;
use crate::segment::{Cmp, Item, Rule};
use crate::store::{EventKind, Setting, Store, Tally, kind_index};

/// Contacts at each step of a campaign.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub planned: u64,
    pub sent: u64,
    pub delivered: u64,
    pub read: u64,
    pub clicked: u64,
    pub replied: u64,
    pub unsubscribed: u64,
    pub blocked: u64,
}

impl Counts {
    fn add(&mut self, t: &Tally) {
        self.planned += t.planned;
        self.sent += t.sent;
        for (kind, n) in EventKind::ALL.iter().zip(t.reached) {
            match kind {
                // Sent is `sent` or `delivered`: the tally's own count.
                EventKind::Sent => {}
                EventKind::Delivered => self.delivered += n,
                EventKind::Read => self.read += n,
                EventKind::Clicked => self.clicked += n,
                EventKind::Replied => self.replied += n,
                EventKind::Unsubscribed => self.unsubscribed += n,
                EventKind::Blocked => self.blocked += n,
            }
        }
    }

    /// Adds another line's counts.
    pub fn merge(&mut self, o: &Counts) {
        self.planned += o.planned;
        self.sent += o.sent;
        self.delivered += o.delivered;
        self.read += o.read;
        self.clicked += o.clicked;
        self.replied += o.replied;
        self.unsubscribed += o.unsubscribed;
        self.blocked += o.blocked;
    }

    /// `n` per delivered message; `None` before anything is delivered.
    pub fn per_delivered(&self, n: u64) -> Option<f64> {
        (self.delivered > 0).then(|| n as f64 / self.delivered as f64)
    }
}

/// The rates of one line, per delivered message. `read` is `None` on a channel that does not
/// report reads (Telegram bots, SMS).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Rates {
    pub read: Option<f64>,
    pub click: Option<f64>,
    pub reply: Option<f64>,
    pub unsubscribe: Option<f64>,
    pub block: Option<f64>,
}

/// One line of the results: a variant (its segment), or an arm of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    pub variant: String,
    pub segment: String,
    /// The arm, on a per-arm line.
    pub arm: Option<Arm>,
    pub counts: Counts,
    pub rates: Rates,
}

/// What the comparison of two arms says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Too few delivered (or too few clicks) to tell.
    NotEnoughData,
    /// No difference at 95 % yet.
    NoDifference,
    /// B clicks more, significant at 95 %.
    BBetter,
    /// A clicks more, significant at 95 %.
    ABetter,
}

/// Arms A and B of a variant compared on clicks per delivered message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AbTest {
    pub variant: String,
    /// Clicks and delivered of arm A, then of arm B.
    pub a: (u64, u64),
    pub b: (u64, u64),
    /// B's click rate minus A's, in percentage points.
    pub difference_pp: f64,
    pub p_value: Option<f64>,
    pub verdict: Verdict,
}

impl AbTest {
    /// The verdict in plain words.
    pub fn msg(&self) -> Msg {
        let pp = Decimal::signed(self.difference_pp);
        match self.verdict {
            Verdict::NotEnoughData => Msg::new("ab-not-enough"),
            Verdict::NoDifference => Msg::new("ab-no-difference").arg("pp", pp),
            Verdict::BBetter | Verdict::ABetter => Msg::new("ab-significant").arg("pp", pp),
        }
    }
}

/// A warning about a campaign's health.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Warning {
    /// `block` or `unsubscribe`.
    pub kind: &'static str,
    pub variant: String,
    pub segment: String,
    pub rate: f64,
    /// What it is above: the owner's threshold, or twice the base's average.
    pub threshold: f64,
}

impl Warning {
    pub fn msg(&self) -> Msg {
        Msg::new(if self.kind == "block" {
            "warning-block-rate"
        } else {
            "warning-unsubscribe-rate"
        })
        .arg("variant", self.variant.clone())
        .arg("segment", self.segment.clone())
        .arg("rate", Decimal::percent(self.rate))
        .arg("threshold", Decimal::percent(self.threshold))
    }
}

/// A share as `1,5 %` (`1.5 %` in English), in the interface language.
pub fn percent(share: f64) -> String {
    Decimal::percent(share).render(crate::i18n::current())
}

/// A campaign's results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metrics {
    pub campaign: String,
    /// `None` for a campaign known only from imported events.
    pub channel: Option<Channel>,
    /// Whether the channel reports reads.
    pub reads_reported: bool,
    pub total: Line,
    pub per_variant: Vec<Line>,
    pub per_arm: Vec<Line>,
    pub ab: Vec<AbTest>,
    pub warnings: Vec<Warning>,
}

/// The owner's limits for the warnings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// Blocks per delivered message above which a campaign is flagged (1 %).
    pub block: f64,
    /// Unsubscribes per delivered message above which it is flagged (2 %).
    pub unsubscribe: f64,
}

impl Thresholds {
    /// The owner's thresholds from the base's settings (`results.*_threshold`, in percent).
    pub fn from_settings(store: &Store) -> Result<Thresholds> {
        let share = |key: &str, default: f64| -> Result<f64> {
            Ok(store
                .get_setting(key)?
                .parse::<f64>()
                .map_or(default, |p| p / 100.0))
        };
        let d = Thresholds::default();
        Ok(Thresholds {
            block: share(Setting::BlockThreshold.key(), d.block)?,
            unsubscribe: share(Setting::UnsubscribeThreshold.key(), d.unsubscribe)?,
        })
    }
}

/// The share of sleeping contacts (of those ever reached) before and after the last results
/// import, when it grew by half a percentage point or more.
pub fn sleeping_growth(store: &Store) -> Result<Option<(f64, f64)>> {
    let history = store.sleeping_history()?;
    let share = |(sleeping, reached): (u64, u64)| sleeping as f64 / reached.max(1) as f64;
    Ok(match history[..] {
        [before, now] if share(now) - share(before) >= 0.005 => Some((share(before), share(now))),
        _ => None,
    })
}

/// The warning that the sleeping share grew from `before` to `now`.
pub fn sleeping_msg(before: f64, now: f64) -> Msg {
    Msg::new("warning-sleeping")
        .arg("before", Decimal::percent(before))
        .arg("now", Decimal::percent(now))
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            block: 0.01,
            unsubscribe: 0.02,
        }
    }
}

/// The campaigns with results or plans, oldest first: for the trend over campaigns.
pub fn campaigns(store: &Store) -> Result<Vec<String>> {
    store.campaigns_by_time()
}

/// Every campaign's total rates, oldest first: the trend over campaigns. A campaign whose
/// saved definition no longer reads is left out of the trend rather than failing it.
pub fn trend(store: &Store, task: Task) -> Result<Vec<(String, Rates)>> {
    let thresholds = Thresholds::default();
    let names = campaigns(store)?;
    let averages = store.base_opt_out_counts()?;
    let total = names.len().max(1) as f32;
    let mut points = Vec::new();
    for (i, name) in names.into_iter().enumerate() {
        task.stop_if()?;
        task.report(i as f32 / total, i as u64);
        match metrics_against(store, &name, thresholds, averages) {
            Ok(m) => points.push((name, m.total.rates)),
            Err(Error::User(_)) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(points)
}

/// A segment of the contacts who clicked `button` in `campaign`.
pub fn clicked_segment(campaign: &str, button: &str) -> Rule {
    Rule::all_of(vec![Item::Events {
        kind: EventKind::Clicked,
        button: Some(button.to_owned()),
        campaign: Some(campaign.to_owned()),
        days: None,
        cmp: Cmp::Ge,
        count: 1,
    }])
}

/// A segment of the contacts `campaign` was delivered to who did not read it.
pub fn unread_segment(campaign: &str) -> Rule {
    let event = |kind, cmp, count| Item::Events {
        kind,
        button: None,
        campaign: Some(campaign.to_owned()),
        days: None,
        cmp,
        count,
    };
    Rule::all_of(vec![
        event(EventKind::Delivered, Cmp::Ge, 1),
        event(EventKind::Read, Cmp::Eq, 0),
    ])
}

/// Fewest delivered messages per arm, and per line, before a rate means anything.
const MIN_DELIVERED: u64 = 30;

/// The two-proportion z-test of `x1` of `n1` against `x2` of `n2`: z and the two-sided p-value.
/// `None` when either sample is empty or both proportions are 0 or 1.
pub fn two_proportion(x1: u64, n1: u64, x2: u64, n2: u64) -> Option<(f64, f64)> {
    if n1 == 0 || n2 == 0 {
        return None;
    }
    let (p1, p2) = (x1 as f64 / n1 as f64, x2 as f64 / n2 as f64);
    let pooled = (x1 + x2) as f64 / (n1 + n2) as f64;
    let se = (pooled * (1.0 - pooled) * (1.0 / n1 as f64 + 1.0 / n2 as f64)).sqrt();
    if se == 0.0 {
        return None;
    }
    let z = (p2 - p1) / se;
    // Two-sided: 2 (1 − Φ(|z|)) = erfc(|z| / √2).
    let p = libm::erfc(z.abs() / std::f64::consts::SQRT_2);
    Some((z, p))
}

pub(crate) fn rates(c: &Counts, reads: bool) -> Rates {
    Rates {
        read: if reads { c.per_delivered(c.read) } else { None },
        click: c.per_delivered(c.clicked),
        reply: c.per_delivered(c.replied),
        unsubscribe: c.per_delivered(c.unsubscribed),
        block: c.per_delivered(c.blocked),
    }
}

/// The campaign's definition: as its latest plan froze it, else as saved; `None` for a campaign
/// known only from imported events.
fn definition(store: &Store, name: &str) -> Result<Option<Campaign>> {
    if let Some(json) = store.planned_campaign(name)? {
        return Campaign::from_json(&json).map(Some);
    }
    store.campaign(name)
}

/// The results of the campaign `name`.
pub fn metrics(store: &Store, name: &str, thresholds: Thresholds) -> Result<Metrics> {
    metrics_against(store, name, thresholds, store.base_opt_out_counts()?)
}

/// [`metrics`], the base's averages given: (delivered, blocked, unsubscribed) over all
/// campaigns, read once for many campaigns.
fn metrics_against(
    store: &Store,
    name: &str,
    thresholds: Thresholds,
    (delivered, blocked, unsubscribed): (u64, u64, u64),
) -> Result<Metrics> {
    let campaign = definition(store, name)?;
    let tallies = store.campaign_tallies(name)?;
    if campaign.is_none() && tallies.is_empty() {
        return Err(Error::user(Msg::new("cli-no-campaign").arg("value", name)));
    }
    let channel = campaign.as_ref().map(|c| c.channel);
    // A campaign known only from events reports reads if any came back.
    let reads = match channel {
        Some(c) => c == Channel::Whatsapp,
        None => tallies
            .iter()
            .any(|t| t.reached[kind_index(EventKind::Read)] > 0),
    };
    let variants: &[crate::campaign::Variant] =
        campaign.as_ref().map_or(&[], |c| c.variants.as_slice());
    let n = variants.len();
    // [variant][arm], and a last row for events of contacts never planned.
    let mut cells = vec![[Counts::default(); 2]; n + 1];
    for t in tallies {
        let v = t
            .variant
            .map(|v| v as usize)
            .filter(|v| *v < n)
            .unwrap_or(n);
        cells[v][t.arm.index()].add(&t);
    }
    let line = |variant: &str, segment: &str, arm: Option<Arm>, counts: Counts| Line {
        variant: variant.to_owned(),
        segment: segment.to_owned(),
        arm,
        rates: rates(&counts, reads),
        counts,
    };
    let mut total = Counts::default();
    let mut per_variant = Vec::new();
    let mut per_arm = Vec::new();
    let mut ab = Vec::new();
    for (i, v) in variants.iter().enumerate() {
        let [a, b] = cells[i];
        let mut both = a;
        both.merge(&b);
        total.merge(&both);
        per_variant.push(line(&v.name, &v.segment, None, both));
        if v.b.is_some() {
            per_arm.push(line(&v.name, &v.segment, Some(Arm::A), a));
            per_arm.push(line(&v.name, &v.segment, Some(Arm::B), b));
            ab.push(compare(&v.name, &a, &b));
        }
    }
    let mut unplanned = cells[n][0];
    unplanned.merge(&cells[n][1]);
    total.merge(&unplanned);
    if unplanned != Counts::default() {
        per_variant.push(line(
            &crate::i18n::tr("results-unplanned"),
            "",
            None,
            unplanned,
        ));
    }
    let average = |n: u64| (delivered > 0).then(|| n as f64 / delivered as f64);
    let warnings = warnings(
        &per_variant,
        thresholds,
        average(blocked),
        average(unsubscribed),
    );
    Ok(Metrics {
        campaign: name.to_owned(),
        channel,
        reads_reported: reads,
        total: line("", "", None, total),
        per_variant,
        per_arm,
        ab,
        warnings,
    })
}

/// Arms compared on clicks per delivered message, at 95 %.
pub(crate) fn compare(variant: &str, a: &Counts, b: &Counts) -> AbTest {
    let test = two_proportion(a.clicked, a.delivered, b.clicked, b.delivered);
    let difference_pp = match (a.per_delivered(a.clicked), b.per_delivered(b.clicked)) {
        (Some(x), Some(y)) => (y - x) * 100.0,
        _ => 0.0,
    };
    let enough =
        a.delivered >= MIN_DELIVERED && b.delivered >= MIN_DELIVERED && a.clicked + b.clicked >= 10;
    let verdict = match test {
        _ if !enough => Verdict::NotEnoughData,
        Some((z, p)) if p < 0.05 => {
            if z > 0.0 {
                Verdict::BBetter
            } else {
                Verdict::ABetter
            }
        }
        Some(_) | None => Verdict::NoDifference,
    };
    AbTest {
        variant: variant.to_owned(),
        a: (a.clicked, a.delivered),
        b: (b.clicked, b.delivered),
        difference_pp,
        p_value: test.map(|(_, p)| p),
        verdict,
    }
}

/// Lines whose block rate is above the owner's threshold or twice the base's average, and
/// whose unsubscribe rate is above its threshold or twice the average.
fn warnings(
    lines: &[Line],
    t: Thresholds,
    block_average: Option<f64>,
    unsubscribe_average: Option<f64>,
) -> Vec<Warning> {
    let mut out = Vec::new();
    for line in lines.iter().filter(|l| l.counts.delivered >= MIN_DELIVERED) {
        for (kind, rate, threshold, average) in [
            ("block", line.rates.block, t.block, block_average),
            (
                "unsubscribe",
                line.rates.unsubscribe,
                t.unsubscribe,
                unsubscribe_average,
            ),
        ] {
            let Some(rate) = rate else { continue };
            let limit = match average {
                Some(avg) if avg > 0.0 => threshold.min(2.0 * avg),
                _ => threshold,
            };
            if rate > limit {
                out.push(Warning {
                    kind,
                    variant: line.variant.clone(),
                    segment: line.segment.clone(),
                    rate,
                    threshold: limit,
                });
            }
        }
    }
    out
}
