//! The conditions on what a contact did and bought: events and the last of a kind, a flow of
//! buttons, orders measured and compared, products or categories bought, RFM scores.

use super::part::combine;
use super::{Compiler, EVERYONE, NO_ONE, Part, sql_op};
use crate::error::{Error, Result};
use crate::model::rule::{Cmp, Mode, OrderMeasure, Purchase, Recency, Spot};
use crate::store::{EventKind, kind_bit, kind_id};

impl Compiler<'_> {
    /// `count cmp value` from `at_least(n)`, the contacts with a count of at least `n` (asked
    /// only for `n ≥ 1`: nothing is bound for a count every contact reaches).
    fn compare_count(
        &mut self,
        at_least: &dyn Fn(&mut Self, i64) -> Part,
        cmp: Cmp,
        value: i64,
    ) -> Part {
        let at_least = |c: &mut Self, n: i64| {
            if n <= 0 {
                return Part::pred(EVERYONE);
            }
            at_least(c, n)
        };
        match cmp {
            Cmp::Ge => at_least(self, value),
            Cmp::Gt => at_least(self, value + 1),
            Cmp::Lt => at_least(self, value).not(),
            Cmp::Le => at_least(self, value + 1).not(),
            Cmp::Eq | Cmp::Ne => {
                let lo = at_least(self, value);
                let hi = at_least(self, value + 1);
                let exactly = Part::All(vec![lo, hi.not()]);
                if cmp == Cmp::Eq {
                    exactly
                } else {
                    exactly.not()
                }
            }
        }
    }

    pub(super) fn events(
        &mut self,
        kind: EventKind,
        button: &Option<String>,
        campaign: &Option<String>,
        days: Option<u32>,
        cmp: Cmp,
        count: u32,
    ) -> Part {
        if days == Some(0) {
            // An empty window: everyone has 0 such events in it.
            return Part::pred(if cmp.holds(0, count as i64) {
                EVERYONE
            } else {
                NO_ONE
            });
        }
        let at_least = |c: &mut Self, n: i64| c.events_at_least(kind, button, campaign, days, n);
        self.compare_count(&at_least, cmp, count as i64)
    }

    /// The contacts with at least `n ≥ 1` events of `kind` (with `button`, of `campaign`, in the
    /// last `days`). Without a filter, the per-contact count the import keeps answers. Otherwise
    /// the contacts with one at all are found in a summary or an index (the campaign's reach,
    /// the button's events, the kind's last moment per contact); when more than one filter or
    /// more than one event is asked, each of them has their few events counted by the events'
    /// key, which starts with the contact.
    fn events_at_least(
        &mut self,
        kind: EventKind,
        button: &Option<String>,
        campaign: &Option<String>,
        days: Option<u32>,
        n: i64,
    ) -> Part {
        let k = self.bind(kind_id(kind));
        let campaign_id = campaign.as_ref().map(|name| {
            format!(
                "(SELECT id FROM event_campaigns WHERE name = {})",
                self.bind(name.as_str())
            )
        });
        let button = button.as_ref().map(|b| self.bind(b.as_str()));
        let since = days.map(|d| {
            let since = self.today.start_of_day_ago(d as i64 - 1);
            self.bind(since.utc().timestamp())
        });
        let candidates = match (&campaign_id, &button, &since) {
            (Some(id), _, _) => {
                let bit = self.bind(kind_bit(kind));
                format!(
                    "SELECT contact_id FROM campaign_reach WHERE campaign_id = {id} AND kinds & {bit}"
                )
            }
            (None, Some(b), _) => {
                format!("SELECT DISTINCT contact_id FROM events WHERE button = {b} AND kind = {k}")
            }
            (None, None, Some(since)) => {
                format!(
                    "SELECT contact_id FROM contact_kinds WHERE kind = {k} AND last_at >= {since}"
                )
            }
            (None, None, None) => {
                let n = self.bind(n);
                return Part::set(format!(
                    "SELECT contact_id FROM contact_kinds WHERE kind = {k} AND n >= {n}"
                ));
            }
        };
        let filters = [campaign_id.is_some(), button.is_some(), since.is_some()];
        if n == 1 && filters.iter().filter(|f| **f).count() == 1 {
            return Part::set(candidates);
        }
        let mut events =
            "SELECT count(*) FROM events e WHERE e.contact_id = x.contact_id".to_owned();
        if let Some(id) = &campaign_id {
            events += &format!(" AND e.campaign_id = {id}");
        }
        events += &format!(" AND e.kind = {k}");
        if let Some(b) = &button {
            events += &format!(" AND e.button = {b}");
        }
        if let Some(since) = &since {
            events += &format!(" AND e.at >= {since}");
        }
        let n = self.bind(n);
        Part::set(format!(
            "SELECT x.contact_id FROM ({candidates}) x WHERE ({events}) >= {n}"
        ))
    }

    pub(super) fn last_event(&mut self, kind: EventKind, when: Recency) -> Part {
        if when == (Recency::LessThan { days: 0 }) {
            return Part::pred(NO_ONE);
        }
        // The last one of each contact's, as the import keeps it.
        let k = self.bind(kind_id(kind));
        let any = format!("SELECT contact_id FROM contact_kinds WHERE kind = {k}");
        match when {
            Recency::Never => Part::set(any).not(),
            // More than d days ago: the last one before the start of day d ago.
            Recency::MoreThan { days } => {
                let since = self.bind(self.today.start_of_day_ago(days as i64).utc().timestamp());
                Part::set(format!("{any} AND last_at < {since}"))
            }
            Recency::LessThan { days } => {
                let since = self.today.start_of_day_ago(days as i64 - 1);
                let since = self.bind(since.utc().timestamp());
                Part::set(format!("{any} AND last_at >= {since}"))
            }
        }
    }

    /// The contacts who did an activity of `kind` (about the product or category `about` names,
    /// in the last `days` days or `hours` hours): found by the per-kind summary, and when the
    /// product, the category or the window needs their rows, each one's few read by the key.
    pub(super) fn activity(
        &mut self,
        kind: &str,
        about: [(&str, &Option<String>); 2],
        days: Option<u32>,
        hours: Option<u32>,
        spot: &Spot,
    ) -> Result<Part> {
        if days.is_some() && hours.is_some() {
            return Err(Error::user(self.fail("rule-error-window", spot)));
        }
        let Some(id) = self.catalog.event_kind(kind)? else {
            return Err(Error::user(
                self.fail("rule-error-unknown-activity", spot)
                    .arg("kind", kind),
            ));
        };
        if days == Some(0) || hours == Some(0) {
            return Ok(Part::pred(NO_ONE));
        }
        let k = self.bind(id);
        let since = match (days, hours) {
            (Some(d), _) => Some(self.today.start_of_day_ago(d as i64 - 1).utc().timestamp()),
            (_, Some(h)) => Some(self.today.now.timestamp() - h as i64 * 3600),
            _ => None,
        }
        .map(|t| self.bind(t));
        let mut candidates = format!("SELECT contact_id FROM contact_kinds WHERE kind = {k}");
        let mut rows = format!("a.contact_id = x.contact_id AND a.kind = {k}");
        if let Some(since) = &since {
            candidates += &format!(" AND last_at >= {since}");
            rows += &format!(" AND a.at >= {since}");
        }
        let mut narrowed = false;
        for (column, value) in about {
            if let Some(value) = value {
                rows += &format!(" AND a.{column} = {}", self.bind(value.as_str()));
                narrowed = true;
            }
        }
        if !narrowed {
            return Ok(Part::set(candidates));
        }
        Ok(Part::set(format!(
            "SELECT x.contact_id FROM ({candidates}) x
             WHERE EXISTS (SELECT 1 FROM activity a WHERE {rows})"
        )))
    }

    /// The contacts whose last activity of `kind` (any of the last, when several share its
    /// moment) has a value that compares so with `value` roubles.
    pub(super) fn last_activity_value(
        &mut self,
        kind: &str,
        cmp: Cmp,
        value: f64,
        spot: &Spot,
    ) -> Result<Part> {
        if !(value.is_finite() && (0.0..1e12).contains(&value)) {
            return Err(Error::user(
                self.fail("rule-error-amount", spot)
                    .arg("value", value.to_string()),
            ));
        }
        let Some(id) = self.catalog.event_kind(kind)? else {
            return Err(Error::user(
                self.fail("rule-error-unknown-activity", spot)
                    .arg("kind", kind),
            ));
        };
        let k = self.bind(id);
        let v = self.bind((value * 100.0).round() as i64);
        let op = sql_op(cmp);
        Ok(Part::set(format!(
            "SELECT x.contact_id FROM contact_kinds x WHERE x.kind = {k}
             AND EXISTS (SELECT 1 FROM activity a
                         WHERE a.contact_id = x.contact_id AND a.kind = {k} AND a.at = x.last_at
                           AND a.value_kop {op} {v})"
        )))
    }

    pub(super) fn flow(&mut self, name: &str, spot: &Spot) -> Result<Part> {
        let buttons = self.catalog.flow(name)?.ok_or_else(|| {
            Error::user(self.fail("rule-error-unknown-flow", spot).arg("flow", name))
        })?;
        if buttons.is_empty() {
            return Err(Error::user(
                self.fail("rule-error-empty-flow", spot).arg("flow", name),
            ));
        }
        let parts: Vec<Part> = buttons
            .iter()
            .map(|b| {
                Part::set(format!(
                    "SELECT contact_id FROM events WHERE kind = {} AND button = {}",
                    kind_id(EventKind::Clicked),
                    self.bind(b.as_str())
                ))
            })
            .collect();
        Ok(combine(Mode::All, &parts))
    }

    pub(super) fn orders(
        &mut self,
        measure: OrderMeasure,
        cmp: Cmp,
        value: f64,
        spot: &Spot,
    ) -> Result<Part> {
        let whole = || -> Result<i64> {
            if value.fract() == 0.0 && (0.0..1e12).contains(&value) {
                Ok(value as i64)
            } else {
                Err(Error::user(
                    self.fail("rule-error-whole-number", spot)
                        .arg("value", value.to_string()),
                ))
            }
        };
        let kopecks = || -> Result<i64> {
            if value.is_finite() && (0.0..1e12).contains(&value) {
                Ok((value * 100.0).round() as i64)
            } else {
                Err(Error::user(
                    self.fail("rule-error-amount", spot)
                        .arg("value", value.to_string()),
                ))
            }
        };
        // Per contact, the import keeps the orders' count, total and last moment; contacts
        // without orders have no row there (a count and a total of 0).
        let totals =
            |condition: String| format!("SELECT contact_id FROM order_totals WHERE {condition}");
        Ok(match measure {
            OrderMeasure::Count => {
                let n = whole()?;
                self.compare_count(
                    &|c: &mut Self, n: i64| {
                        let n = c.bind(n);
                        Part::set(totals(format!("orders >= {n}")))
                    },
                    cmp,
                    n,
                )
            }
            OrderMeasure::Total => {
                let kop = kopecks()?;
                let op = sql_op(cmp);
                let v = self.bind(kop);
                if cmp.holds(0, kop) {
                    // Contacts without orders have a total of 0 and match.
                    Part::set(totals(format!("NOT (total_kop {op} {v})"))).not()
                } else {
                    Part::set(totals(format!("total_kop {op} {v}")))
                }
            }
            OrderMeasure::Average => {
                let kop = kopecks()?;
                let op = sql_op(cmp);
                let v = self.bind(kop);
                Part::set(totals(format!("total_kop {op} {v} * orders")))
            }
            OrderMeasure::DaysSinceLast => {
                let d = whole()?;
                let having = self.days_since(cmp, d, "last_at");
                Part::set(totals(having))
            }
        })
    }

    /// "Days since `moment` cmp d", as comparisons of the moment with starts of days.
    pub(super) fn days_since(&mut self, cmp: Cmp, d: i64, moment: &str) -> String {
        // days_ago(t) <= k  ⇔  t >= start of the day k days ago.
        let at_most = |c: &mut Self, k: i64| {
            let since = c.bind(c.today.start_of_day_ago(k));
            format!("{moment} >= {since}")
        };
        match cmp {
            Cmp::Le => at_most(self, d),
            Cmp::Lt => at_most(self, d - 1),
            Cmp::Gt => format!("NOT ({})", at_most(self, d)),
            Cmp::Ge => format!("NOT ({})", at_most(self, d - 1)),
            Cmp::Eq => {
                let le = at_most(self, d);
                let lt = at_most(self, d - 1);
                format!("({le}) AND NOT ({lt})")
            }
            Cmp::Ne => {
                let le = at_most(self, d);
                let lt = at_most(self, d - 1);
                format!("NOT (({le}) AND NOT ({lt}))")
            }
        }
    }

    pub(super) fn bought(&mut self, what: Purchase, name: &str, days: Option<u32>) -> Part {
        if days == Some(0) {
            return Part::pred(NO_ONE);
        }
        let column = match what {
            Purchase::Product => "product",
            Purchase::Category => "category",
        };
        // An order's product is its first item's; its items (a shop's line items, a cell's
        // list) are each its own row of `order_items`.
        let name = self.bind(name);
        let since = days.map(|d| self.bind(self.today.start_of_day_ago(d as i64 - 1)));
        let recent = |moment: &str| match &since {
            Some(since) => format!(" AND {moment} >= {since}"),
            None => String::new(),
        };
        Part::set(format!(
            "SELECT contact_id FROM orders WHERE {column} = {name}{}
             UNION ALL
             SELECT o.contact_id FROM order_items i JOIN orders o ON o.id = i.order_row
              WHERE i.{column} = {name}{}",
            recent("ordered_at"),
            recent("o.ordered_at")
        ))
    }

    pub(super) fn rfm(
        &mut self,
        groups: &[crate::model::rfm::Group],
        ranges: [(&str, &Option<[u8; 2]>); 3],
        spot: &Spot,
    ) -> Result<Part> {
        let mut sql = "SELECT contact_id FROM rfm WHERE 1".to_owned();
        if !groups.is_empty() {
            let list: Vec<String> = groups.iter().map(|g| self.bind(g.as_str())).collect();
            sql += &format!(" AND grp IN ({})", list.join(", "));
        }
        for (column, range) in ranges {
            let Some([lo, hi]) = *range else { continue };
            if !(1..=5).contains(&lo) || !(1..=5).contains(&hi) || lo > hi {
                return Err(Error::user(
                    self.fail("rule-error-rfm-range", spot)
                        .arg("score", column.to_uppercase())
                        .arg("from", lo as i64)
                        .arg("to", hi as i64),
                ));
            }
            let (lo, hi) = (self.bind(lo as i64), self.bind(hi as i64));
            sql += &format!(" AND {column} BETWEEN {lo} AND {hi}");
        }
        Ok(Part::set(sql))
    }
}
