//! RFM: how recently, how often and how much each customer bought, scored 1–5 against the other
//! customers, and the named group of their R×F cell.
//!
//! Recency is the number of whole days (of the owner's zone) from the last order to the as-of
//! date; frequency the number of orders; monetary the total in kopecks. Orders after the as-of
//! date are ignored, so an earlier date shows the base as it was. Contacts without orders are not
//! scored.
//!
//! Scores come from cut points: four values per dimension. A value above `k` of them scores
//! `1 + k` for frequency and money; for recency fewer days is better, so a value above `k` cut
//! points scores `5 − k`. By default the cut points are the quintiles of the scored customers —
//! the values at 20 %, 40 %, 60 % and 80 % of them in order — so equal values always get the same
//! score (a tie is never split) and, where most customers bought once, several cut points
//! coincide and some scores stay empty. The owner may set the cut points instead.

use crate::model::time::Moment;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use chrono_tz::Tz;
use serde::Serialize;

use crate::error::Result;
use crate::model::task::Task;
use crate::store::{Setting, Store};

mod cuts;
mod file;
pub use cuts::balanced_cuts;
pub use file::recompute_into_file;

pub use crate::model::rfm::{Dimension, GRID, Group, Scored, parse_cuts};

/// The cut points used, per dimension, and whether they are the owner's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cuts {
    pub recency: [i64; 4],
    pub frequency: [i64; 4],
    /// In kopecks.
    pub monetary: [i64; 4],
    pub custom: [bool; 3],
    /// Per dimension, whether ties made the quintiles leave a score empty and the cut points
    /// were chosen among the distinct values instead.
    pub balanced: [bool; 3],
}

impl Cuts {
    pub fn get(&self, d: Dimension) -> &[i64; 4] {
        match d {
            Dimension::Recency => &self.recency,
            Dimension::Frequency => &self.frequency,
            Dimension::Monetary => &self.monetary,
        }
    }
}

/// The outcome of one computation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub as_of: NaiveDate,
    pub cuts: Cuts,
    pub customers: Vec<Scored>,
    /// Contacts without an order up to the as-of date.
    pub without_orders: u64,
    /// The customers scored from purchase totals, and those whose totals have no date.
    pub from_totals: FromTotals,
}

/// The owner's cut points for `d`, if set: four ascending numbers (roubles for money).
pub fn custom_cuts(store: &Store, d: Dimension) -> Result<Option<[i64; 4]>> {
    let text = store.get_setting(d.setting())?;
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_cuts(d, &text).map(Some)
}

/// Per customer: last order, number of orders, total — orders up to the end of `as_of`.
struct Totals {
    contact_id: i64,
    last: Moment,
    frequency: i64,
    monetary_kop: i64,
    /// Whether these are a customers export's totals rather than order rows.
    from_summary: bool,
}

/// Whole days from `at` (stored UTC) to `as_of`, both as days of `tz`.
fn days_between(at: &Moment, as_of: NaiveDate, tz: Tz) -> i64 {
    (as_of - at.local(tz).date_naive()).num_days()
}

/// Computes RFM for every customer as of `as_of` (a day of the owner's zone), with the owner's
/// cut points where set and quintiles elsewhere.
pub fn analyse(store: &Store, as_of: NaiveDate) -> Result<Analysis> {
    let tz = store.settings()?.owner_tz;
    let end = crate::model::time::Today::of(as_of, tz).start_of_day_ago(-1);
    let totals = store.purchases_before(&end)?;
    let customers_total = store.contact_count()?;
    let from_totals = FromTotals {
        scored: totals.iter().filter(|t| t.from_summary).count() as u64,
        undated: store.rfm_undated()?,
    };
    let rows: Vec<(i64, i64, i64, i64)> = totals
        .into_iter()
        .map(|t: Totals| {
            (
                t.contact_id,
                days_between(&t.last, as_of, tz),
                t.frequency,
                t.monetary_kop,
            )
        })
        .collect();
    let cuts = cut_points(store, &rows)?;
    let customers: Vec<Scored> = rows
        .into_iter()
        .map(|(contact_id, recency_days, frequency, monetary_kop)| {
            let r = Dimension::Recency.score(recency_days, &cuts.recency);
            let f = Dimension::Frequency.score(frequency, &cuts.frequency);
            Scored {
                contact_id,
                recency_days,
                frequency,
                monetary_kop,
                r,
                f,
                m: Dimension::Monetary.score(monetary_kop, &cuts.monetary),
                group: Group::of(r, f),
            }
        })
        .collect();
    Ok(Analysis {
        as_of,
        without_orders: customers_total.saturating_sub(customers.len() as u64),
        from_totals,
        cuts,
        customers,
    })
}

/// The cut points for customers given as (id, recency days, frequency, kopecks): the owner's
/// where set, elsewhere the quintiles of these values, balanced where ties empty a score.
fn cut_points(store: &Store, rows: &[(i64, i64, i64, i64)]) -> Result<Cuts> {
    let mut cuts = Cuts {
        recency: [0; 4],
        frequency: [0; 4],
        monetary: [0; 4],
        custom: [false; 3],
        balanced: [false; 3],
    };
    for (i, d) in Dimension::ALL.into_iter().enumerate() {
        let chosen = match custom_cuts(store, d)? {
            Some(c) => {
                cuts.custom[i] = true;
                c
            }
            None => {
                let mut values: Vec<i64> = rows
                    .iter()
                    .map(|r| match d {
                        Dimension::Recency => r.1,
                        Dimension::Frequency => r.2,
                        Dimension::Monetary => r.3,
                    })
                    .collect();
                let (chosen, balanced) = balanced_cuts(&mut values);
                cuts.balanced[i] = balanced;
                chosen
            }
        };
        match d {
            Dimension::Recency => cuts.recency = chosen,
            Dimension::Frequency => cuts.frequency = chosen,
            Dimension::Monetary => cuts.monetary = chosen,
        }
    }
    Ok(cuts)
}

/// The stored results as an [`Analysis`], if they are as of `as_of` (the cut points are worked
/// out again from the stored values, the way they were when stored).
pub fn stored(
    store: &Store,
    as_of: NaiveDate,
) -> Result<Option<(Analysis, Vec<crate::store::RfmRow>)>> {
    if store.rfm_computed_as_of()? != Some(as_of) {
        return Ok(None);
    }
    let rows = store.rfm_rows()?;
    let values: Vec<(i64, i64, i64, i64)> = rows
        .iter()
        .map(|r| {
            (
                r.scored.contact_id,
                r.scored.recency_days,
                r.scored.frequency,
                r.scored.monetary_kop,
            )
        })
        .collect();
    let cuts = cut_points(store, &values)?;
    // Cut points the owner changed since: the stored scores are stale.
    if store.rfm_computed_cuts()? != serde_json::to_string(&cuts).ok() {
        return Ok(None);
    }
    let analysis = Analysis {
        as_of,
        cuts,
        without_orders: store.contact_count()?.saturating_sub(rows.len() as u64),
        from_totals: store.rfm_from_totals()?,
        customers: rows.iter().map(|r| r.scored.clone()).collect(),
    };
    Ok(Some((analysis, rows)))
}

/// Computes RFM as of `as_of` and stores it for every customer (segment rules and messages read
/// the stored scores), replacing the previous results in one transaction; `task` hears the
/// share done, and a cancel leaves the previous results.
pub fn recompute(store: &mut Store, as_of: NaiveDate, task: Task) -> Result<Analysis> {
    let analysis = analyse(store, as_of)?;
    task.report(0.4, 0);
    task.stop_if()?;
    save(store, &analysis, task.part(0.4, 1.0))?;
    task.report(1.0, analysis.customers.len() as u64);
    Ok(analysis)
}

/// Stores `analysis` in place of the previous scores; `task` hears the share stored.
fn save(store: &mut Store, analysis: &Analysis, task: Task) -> Result<()> {
    let cuts = serde_json::to_string(&analysis.cuts).expect("cut points serialise");
    store.save_rfm(&analysis.customers, analysis.as_of, &cuts, task)
}

/// The as-of date of the stored results: the owner's chosen date, or the day `now` falls on in
/// their zone.
pub fn as_of_date(store: &Store, now: chrono::DateTime<chrono::Utc>) -> Result<NaiveDate> {
    let chosen = store.get_setting(Setting::RfmAsOf.key())?;
    if let Ok(date) = NaiveDate::parse_from_str(chosen.trim(), "%Y-%m-%d") {
        return Ok(date);
    }
    Ok(crate::model::time::Today::at(now, store.settings()?.owner_tz).date)
}

/// One line of the summary per group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupSummary {
    pub group: Group,
    pub customers: u64,
    /// Share of the scored customers, 0–1.
    pub customer_share: f64,
    /// Share of the scored customers' revenue, 0–1.
    pub revenue_share: f64,
    pub revenue_kop: i64,
    pub orders: i64,
    /// Average order value in kopecks (revenue / orders).
    pub average_order_kop: i64,
}

/// Customers, shares and average order value per group, in the order of [`Group::ALL`].
pub fn summary(customers: &[Scored]) -> Vec<GroupSummary> {
    let mut by: BTreeMap<Group, (u64, i64, i64)> = BTreeMap::new();
    for c in customers {
        let e = by.entry(c.group).or_default();
        e.0 += 1;
        e.1 += c.monetary_kop;
        e.2 += c.frequency;
    }
    let n = customers.len().max(1) as f64;
    let revenue: i64 = customers.iter().map(|c| c.monetary_kop).sum();
    Group::ALL
        .into_iter()
        .map(|group| {
            let (count, kop, orders) = by.get(&group).copied().unwrap_or_default();
            GroupSummary {
                group,
                customers: count,
                customer_share: count as f64 / n,
                revenue_share: if revenue > 0 {
                    kop as f64 / revenue as f64
                } else {
                    0.0
                },
                revenue_kop: kop,
                orders,
                average_order_kop: if orders > 0 { kop / orders } else { 0 },
            }
        })
        .collect()
}

/// How the purchase totals of customers exports (no order rows) took part in an analysis.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct FromTotals {
    /// Customers scored from their totals.
    pub scored: u64,
    /// Customers with totals but no date of their last purchase: not scored, recency unknown.
    pub undated: u64,
}

impl Store {
    /// How the purchase totals took part in the stored scores.
    pub fn rfm_from_totals(&self) -> Result<FromTotals> {
        let scored: i64 = self.conn().query_row(
            "SELECT count(*) FROM rfm r
             WHERE NOT EXISTS (SELECT 1 FROM order_totals o WHERE o.contact_id = r.contact_id)",
            [],
            |r| r.get(0),
        )?;
        Ok(FromTotals {
            scored: scored as u64,
            undated: self.rfm_undated()?,
        })
    }

    /// Customers with purchase totals but no date of their last purchase (and no orders).
    fn rfm_undated(&self) -> Result<u64> {
        let n: i64 = self.conn().query_row(
            "SELECT count(*) FROM purchase_summary s
             WHERE last_order_at IS NULL AND orders > 0
               AND NOT EXISTS (SELECT 1 FROM order_totals o WHERE o.contact_id = s.contact_id)",
            [],
            |r| r.get(0),
        )?;
        Ok(n as u64)
    }

    /// Per customer with orders up to (not including) `end` (stored UTC): the last order, how
    /// many, and their total; for a contact with no order rows, the purchase totals a customers
    /// export gave, when they say when the last purchase was.
    /// When no order is as late as `end` (an RFM as of today), the totals the base keeps per
    /// contact are those; otherwise the orders before `end` are added up.
    fn purchases_before(&self, end: &str) -> Result<Vec<Totals>> {
        let all_before: bool = self.conn().query_row(
            "SELECT coalesce(max(last_at) < ?1, 1) FROM order_totals",
            [end],
            |r| r.get(0),
        )?;
        let orders = if all_before {
            "SELECT contact_id, last_at, orders, total_kop, 0 FROM order_totals"
        } else {
            "SELECT contact_id, max(ordered_at), count(*), sum(amount_kop), 0
             FROM orders WHERE ordered_at < ?1 GROUP BY contact_id"
        };
        let mut stmt = self.conn().prepare(&format!(
            "{orders}
             UNION ALL
             SELECT contact_id, last_order_at, orders, coalesce(spent_kop, 0), 1
             FROM purchase_summary s
             WHERE last_order_at < ?1 AND orders > 0
               AND NOT EXISTS (SELECT 1 FROM order_totals o WHERE o.contact_id = s.contact_id)"
        ))?;
        let rows = stmt
            .query_map([end], |r| {
                Ok(Totals {
                    contact_id: r.get(0)?,
                    last: r.get(1)?,
                    frequency: r.get(2)?,
                    monetary_kop: r.get(3)?,
                    from_summary: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}
