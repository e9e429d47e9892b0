//! Scenario runs as the base keeps them: each contact's entries (trigger, next step, last
//! message, how it ended), the moment up to which each scenario read its triggers, who was in
//! a segment trigger at the last run, and the queries a run asks of one contact — the reactions
//! to a message, the events and orders that end a chain.

use rusqlite::{OptionalExtension, params};
use rustc_hash::FxHashMap;

use super::Store;
use super::columns::kind_id;
use super::plans::{PlanHeader, SavedItem, insert_plan};
use crate::error::Result;
use crate::model::contact::EventKind;
use crate::model::scenario::TriggerFacts;

/// One contact's pass through a scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryRow {
    /// Its row; 0 for an entry the run is creating.
    pub id: i64,
    pub scenario: String,
    pub contact_id: i64,
    /// The trigger's moment (unix seconds).
    pub trigger_at: i64,
    /// What the trigger was about, for the messages' `{{product}}`, `{{product_url}}` and
    /// `{{cart_value}}`.
    pub product: String,
    pub url: String,
    pub value_kop: Option<i64>,
    /// The next step to consider (from 0).
    pub next_step: u32,
    /// The last step planned, its moment and its message's id.
    pub last_step: Option<u32>,
    pub last_at: Option<i64>,
    pub last_message: String,
    /// When and why it ended (`completed`, `order`, `expired`, …); `None` while open.
    pub ended: Option<(i64, String)>,
}

/// A trigger found among the activity or the orders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Triggered {
    pub contact_id: i64,
    pub at: i64,
    pub product: String,
    pub category: String,
    pub url: String,
    pub value_kop: Option<i64>,
}

/// What came back about one message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reactions {
    /// A `sent` or `delivered` event: the service's results are in.
    pub reported: bool,
    pub delivered: bool,
    pub read: bool,
    /// A click, a button or a reply.
    pub engaged: bool,
    /// The buttons pressed, as their texts.
    pub buttons: Vec<String>,
}

/// What a run leaves in the base besides its plans.
#[derive(Debug, Clone, Default)]
pub struct RunRecord {
    pub made_at: i64,
    pub until: i64,
    /// The entries the run made (id 0) or changed.
    pub entries: Vec<EntryRow>,
    /// Per scenario: the moment its triggers were read up to.
    pub marks: Vec<(String, i64)>,
    /// Per segment or RFM scenario: who is in the segment now.
    pub members: Vec<Noted>,
}

/// Who is in a segment or RFM scenario's trigger, and on what basis it was decided (the
/// segment's rule, the owner's RFM choices): a changed basis is not anyone's entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Noted {
    pub scenario: String,
    pub ids: Vec<i64>,
    pub basis: String,
}

/// Up to when a scenario read its triggers, and what it noted of a segment trigger.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mark {
    pub seen_until: i64,
    /// Whether the members of its trigger segment were noted, and on what basis.
    pub members: bool,
    pub basis: String,
}

/// A saved run in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunListed {
    pub id: i64,
    pub made_at: i64,
    pub until: i64,
    pub messages: u64,
}

const ENTRY_COLUMNS: &str = "id, scenario, contact_id, trigger_at, product, url, value_kop, \
     next_step, last_step, last_at, last_message, ended_at, ended";

fn entry_of(r: &rusqlite::Row) -> rusqlite::Result<EntryRow> {
    let ended_at: Option<i64> = r.get(11)?;
    Ok(EntryRow {
        id: r.get(0)?,
        scenario: r.get(1)?,
        contact_id: r.get(2)?,
        trigger_at: r.get(3)?,
        product: r.get(4)?,
        url: r.get(5)?,
        value_kop: r.get(6)?,
        next_step: r.get(7)?,
        last_step: r.get(8)?,
        last_at: r.get(9)?,
        last_message: r.get(10)?,
        ended: ended_at.map(|at| (at, r.get(12).unwrap_or_default())),
    })
}

impl Store {
    /// The entries of `scenario` still open, by contact.
    pub fn open_entries(&self, scenario: &str) -> Result<Vec<EntryRow>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {ENTRY_COLUMNS} FROM scenario_entries
             WHERE scenario = ?1 AND ended_at IS NULL ORDER BY contact_id"
        ))?;
        let rows = stmt
            .query_map([scenario], entry_of)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Every entry of `scenario` of contact `contact_id`, oldest first.
    pub fn entries_of(&self, scenario: &str, contact_id: i64) -> Result<Vec<EntryRow>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {ENTRY_COLUMNS} FROM scenario_entries
             WHERE scenario = ?1 AND contact_id = ?2 ORDER BY trigger_at, id"
        ))?;
        let rows = stmt
            .query_map(params![scenario, contact_id], entry_of)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Per contact, the moment of the latest trigger they entered `scenario` on.
    pub fn last_triggers(&self, scenario: &str) -> Result<FxHashMap<i64, i64>> {
        let mut stmt = self.conn().prepare(
            "SELECT contact_id, max(trigger_at) FROM scenario_entries
             WHERE scenario = ?1 GROUP BY contact_id",
        )?;
        let rows = stmt
            .query_map([scenario], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// What `scenario`'s last run noted; `None` before its first run.
    pub fn scenario_mark(&self, scenario: &str) -> Result<Option<Mark>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT seen_until, members, basis FROM scenario_marks WHERE scenario = ?1",
                [scenario],
                |r| {
                    Ok(Mark {
                        seen_until: r.get(0)?,
                        members: r.get::<_, i64>(1)? != 0,
                        basis: r.get(2)?,
                    })
                },
            )
            .optional()?)
    }

    /// Who was in `scenario`'s trigger segment at its last run, ascending.
    pub fn scenario_members(&self, scenario: &str) -> Result<Vec<i64>> {
        let mut stmt = self.conn().prepare(
            "SELECT contact_id FROM scenario_members WHERE scenario = ?1 ORDER BY contact_id",
        )?;
        let rows = stmt
            .query_map([scenario], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The activities of kind `kind` (its row in `event_kinds`) after unix second `after` up to
    /// `until`, by contact and moment: the contacts come from the per-kind summary, each one's
    /// rows by the key.
    pub fn activity_between(&self, kind: i64, after: i64, until: i64) -> Result<Vec<Triggered>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT a.contact_id, a.at, a.product, a.category, a.url, a.value_kop
             FROM contact_kinds x
             JOIN activity a ON a.contact_id = x.contact_id AND a.kind = x.kind
             WHERE x.kind = ?1 AND x.last_at > ?2 AND a.at > ?2 AND a.at <= ?3
             ORDER BY a.contact_id, a.at",
        )?;
        let rows = stmt
            .query_map(params![kind, after, until], |r| {
                Ok(Triggered {
                    contact_id: r.get(0)?,
                    at: r.get(1)?,
                    product: r.get(2)?,
                    category: r.get(3)?,
                    url: r.get(4)?,
                    value_kop: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The orders after unix second `after` up to `until`, by contact and moment — only each
    /// contact's first ever with `first`, only those with an item (or a product) of `category`
    /// when one is named. The product is the order's first item's; the value its amount.
    pub fn orders_between(
        &self,
        after: i64,
        until: i64,
        first: bool,
        category: Option<&str>,
    ) -> Result<Vec<Triggered>> {
        let mut sql = "SELECT o.contact_id, unixepoch(o.ordered_at), coalesce(o.product, ''),
                              coalesce(o.category, ''), o.amount_kop
                       FROM orders o
                       WHERE unixepoch(o.ordered_at) > ?1 AND unixepoch(o.ordered_at) <= ?2"
            .to_owned();
        if first {
            sql += " AND NOT EXISTS (SELECT 1 FROM orders p WHERE p.contact_id = o.contact_id
                                     AND p.ordered_at < o.ordered_at)";
        }
        if category.is_some() {
            sql += " AND (o.category = ?3 OR EXISTS (SELECT 1 FROM order_items i
                          WHERE i.order_row = o.id AND i.category = ?3))";
        }
        sql += " ORDER BY o.contact_id, o.ordered_at";
        let mut stmt = self.conn().prepare(&sql)?;
        let map = |r: &rusqlite::Row| {
            Ok(Triggered {
                contact_id: r.get(0)?,
                at: r.get(1)?,
                product: r.get(2)?,
                category: r.get(3)?,
                url: String::new(),
                value_kop: r.get(4)?,
            })
        };
        let rows = match category {
            Some(c) => stmt.query_map(params![after, until, c], map)?,
            None => stmt.query_map(params![after, until], map)?,
        }
        .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Per contact with orders, the unix second of their last order, by contact.
    pub fn last_orders(&self) -> Result<Vec<(i64, i64)>> {
        let mut stmt = self.conn().prepare(
            "SELECT contact_id, unixepoch(last_at) FROM order_totals ORDER BY contact_id",
        )?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Per contact with one, the yearly date `field` holds (`birthday`, or a custom field), as
    /// stored (`1990-03-12`, `--03-12`, or the custom field's text).
    pub fn yearly_dates(&self, field: &str) -> Result<Vec<(i64, String)>> {
        let sql = if field == "birthday" {
            "SELECT id, birthday FROM contacts WHERE birthday IS NOT NULL ORDER BY id".to_owned()
        } else {
            "SELECT id, custom ->> ?1 FROM contacts WHERE custom ->> ?1 IS NOT NULL ORDER BY id"
                .to_owned()
        };
        let mut stmt = self.conn().prepare(&sql)?;
        let map = |r: &rusqlite::Row| Ok((r.get(0)?, r.get::<_, String>(1)?));
        let rows = if field == "birthday" {
            stmt.query_map([], map)?
        } else {
            stmt.query_map([field], map)?
        }
        .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// What came back about the message `message` of `campaign` (a scenario's name) to
    /// `contact_id`: its events by id, and the campaign's events without an id from unix second
    /// `since` (the message's moment) on.
    pub fn reactions(
        &self,
        contact_id: i64,
        campaign: &str,
        message: &str,
        since: i64,
    ) -> Result<Reactions> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT e.kind, e.button FROM events e JOIN event_campaigns c ON c.id = e.campaign_id
             WHERE e.contact_id = ?1 AND c.name = ?2
               AND (e.message_id = ?3 OR (e.message_id = '' AND e.at >= ?4))",
        )?;
        let mut rows = stmt.query(params![contact_id, campaign, message, since])?;
        let mut out = Reactions::default();
        while let Some(r) = rows.next()? {
            let kind: EventKind = r.get(0)?;
            match kind {
                EventKind::Sent => out.reported = true,
                EventKind::Delivered => {
                    out.reported = true;
                    out.delivered = true;
                }
                EventKind::Read => out.read = true,
                EventKind::Clicked => {
                    out.engaged = true;
                    let button: String = r.get(1)?;
                    if !button.is_empty() {
                        out.buttons.push(button);
                    }
                }
                EventKind::Replied => out.engaged = true,
                EventKind::Unsubscribed | EventKind::Blocked => {}
            }
        }
        Ok(out)
    }

    /// The first event after unix second `after` that ends every chain of `contact_id` — a
    /// reply, an unsubscribe, a block — or a click on `button` in `campaign`; as its kind.
    pub fn chain_stop(
        &self,
        contact_id: i64,
        after: i64,
        campaign: &str,
        button: Option<&str>,
    ) -> Result<Option<EventKind>> {
        let stops = [
            EventKind::Replied,
            EventKind::Unsubscribed,
            EventKind::Blocked,
        ]
        .map(kind_id)
        .map(|k| k.to_string())
        .join(", ");
        let sql = format!(
            "SELECT e.kind FROM events e JOIN event_campaigns c ON c.id = e.campaign_id
             WHERE e.contact_id = ?1 AND e.at > ?2
               AND (e.kind IN ({stops}) OR (e.kind = {} AND c.name = ?3 AND e.button = ?4))
             ORDER BY e.at LIMIT 1",
            kind_id(EventKind::Clicked)
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        Ok(stmt
            .query_row(
                params![contact_id, after, campaign, button.unwrap_or("\u{0}")],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The contacts with a reply, an unsubscribe or a block — or, with `clicks`, a click — after
    /// unix second `after`, ascending: the only ones [`Store::chain_stop`] can find anything for.
    pub fn stop_candidates(&self, after: i64, clicks: bool) -> Result<Vec<i64>> {
        let mut kinds = vec![
            EventKind::Replied,
            EventKind::Unsubscribed,
            EventKind::Blocked,
        ];
        if clicks {
            kinds.push(EventKind::Clicked);
        }
        let kinds: Vec<String> = kinds.into_iter().map(|k| kind_id(k).to_string()).collect();
        let mut stmt = self.conn().prepare(&format!(
            "SELECT DISTINCT contact_id FROM contact_kinds
             WHERE kind IN ({}) AND last_at > ?1 ORDER BY contact_id",
            kinds.join(", ")
        ))?;
        let rows = stmt
            .query_map([after], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Whether `contact_id` ordered after unix second `after`, up to `until`.
    pub fn ordered_between(&self, contact_id: i64, after: i64, until: i64) -> Result<bool> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT 1 FROM orders WHERE contact_id = ?1
                   AND unixepoch(ordered_at) > ?2 AND unixepoch(ordered_at) <= ?3",
            )?
            .exists(params![contact_id, after, until])?)
    }

    /// Saves a run — its plans (each with its messages, ascending by contact), its entries, the
    /// scenarios' marks and members — in one transaction; commits only if `confirm`, asked once
    /// everything is written, agrees. Returns the run's id.
    pub fn save_run(
        &mut self,
        run: &RunRecord,
        plans: &[(PlanHeader, Vec<SavedItem>)],
        confirm: &mut dyn FnMut() -> Result<()>,
    ) -> Result<i64> {
        let tx = self.conn_mut().transaction()?;
        let messages: usize = plans.iter().map(|(_, items)| items.len()).sum();
        tx.execute(
            "INSERT INTO scenario_runs (made_at, until, messages) VALUES (?1, ?2, ?3)",
            params![run.made_at, run.until, messages as i64],
        )?;
        let run_id = tx.last_insert_rowid();
        for (header, items) in plans {
            insert_plan(&tx, header, &mut items.iter().copied(), Some(run_id))?;
        }
        save_entries(&tx, &run.entries, run_id)?;
        for (scenario, seen) in &run.marks {
            let noted = run.members.iter().find(|n| &n.scenario == scenario);
            tx.execute(
                "INSERT INTO scenario_marks (scenario, seen_until, members, basis)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (scenario) DO UPDATE
                 SET seen_until = excluded.seen_until, members = max(members, excluded.members),
                     basis = CASE WHEN excluded.members THEN excluded.basis ELSE basis END",
                params![
                    scenario,
                    seen,
                    noted.is_some(),
                    noted.map_or("", |n| &n.basis)
                ],
            )?;
        }
        for Noted { scenario, ids, .. } in &run.members {
            tx.execute(
                "DELETE FROM scenario_members WHERE scenario = ?1",
                [scenario],
            )?;
            let mut insert = tx.prepare_cached(
                "INSERT INTO scenario_members (scenario, contact_id) VALUES (?1, ?2)",
            )?;
            for id in ids {
                insert.execute(params![scenario, id])?;
            }
        }
        confirm()?;
        tx.commit()?;
        Ok(run_id)
    }

    /// Deletes the run `run_id` with its plans and the entries it made (a run whose file could
    /// not be put in place).
    pub fn delete_run(&mut self, run_id: i64) -> Result<()> {
        let tx = self.conn_mut().transaction()?;
        tx.execute(
            "DELETE FROM plan_items WHERE plan_id IN (SELECT id FROM plans WHERE run_id = ?1)",
            [run_id],
        )?;
        tx.execute("DELETE FROM plans WHERE run_id = ?1", [run_id])?;
        tx.execute("DELETE FROM scenario_entries WHERE run_id = ?1", [run_id])?;
        tx.execute("DELETE FROM scenario_runs WHERE id = ?1", [run_id])?;
        tx.commit()?;
        Ok(())
    }

    /// What the trigger of each recipient of the saved plan `plan_id` (a scenario run's) was
    /// about: the entry of the plan's scenario the message belongs to, by contact.
    pub fn plan_triggers(&self, plan_id: i64) -> Result<Vec<(i64, TriggerFacts)>> {
        let mut stmt = self.conn().prepare(
            "SELECT i.contact_id, e.product, e.url, e.value_kop
             FROM plan_items i JOIN plans p ON p.id = i.plan_id
             JOIN scenario_entries e ON e.scenario = p.campaign AND e.contact_id = i.contact_id
                  AND e.trigger_at <= i.send_at
             WHERE p.id = ?1 ORDER BY i.contact_id, e.trigger_at",
        )?;
        let mut out: Vec<(i64, TriggerFacts)> = Vec::new();
        let rows = stmt.query_map([plan_id], |r| {
            Ok((
                r.get(0)?,
                TriggerFacts {
                    product: r.get(1)?,
                    url: r.get(2)?,
                    value_kop: r.get(3)?,
                },
            ))
        })?;
        for row in rows {
            let (contact, facts) = row?;
            // The latest entry before the message is the one it belongs to.
            match out.last_mut() {
                Some(last) if last.0 == contact => last.1 = facts,
                _ => out.push((contact, facts)),
            }
        }
        Ok(out)
    }

    /// The saved runs, newest first.
    pub fn runs(&self) -> Result<Vec<RunListed>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, made_at, until, messages FROM scenario_runs ORDER BY made_at DESC, id DESC",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(RunListed {
                    id: r.get(0)?,
                    made_at: r.get(1)?,
                    until: r.get(2)?,
                    messages: r.get::<_, i64>(3)? as u64,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

/// Inserts the new entries (id 0) and updates the others.
fn save_entries(tx: &rusqlite::Transaction, entries: &[EntryRow], run_id: i64) -> Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO scenario_entries (scenario, contact_id, trigger_at, product, url, value_kop,
             run_id, next_step, last_step, last_at, last_message, ended_at, ended)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    let mut update = tx.prepare_cached(
        "UPDATE scenario_entries SET next_step = ?2, last_step = ?3, last_at = ?4,
             last_message = ?5, ended_at = ?6, ended = ?7 WHERE id = ?1",
    )?;
    for e in entries {
        let (ended_at, ended) = match &e.ended {
            Some((at, why)) => (Some(*at), why.as_str()),
            None => (None, ""),
        };
        if e.id == 0 {
            insert.execute(params![
                e.scenario,
                e.contact_id,
                e.trigger_at,
                e.product,
                e.url,
                e.value_kop,
                run_id,
                e.next_step,
                e.last_step,
                e.last_at,
                e.last_message,
                ended_at,
                ended
            ])?;
        } else {
            update.execute(params![
                e.id,
                e.next_step,
                e.last_step,
                e.last_at,
                e.last_message,
                ended_at,
                ended
            ])?;
        }
    }
    Ok(())
}
