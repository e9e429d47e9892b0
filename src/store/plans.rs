//! Saved send plans: what was planned for whom and when, so caps and limits see earlier plans
//! and results can be matched to the message they answer.
//!
//! A message's id is its plan's prefix, a dash and the contact's id (`9f3a01c2-20261201-4711`):
//! nothing per message needs storing to find it again.

use std::sync::LazyLock;

use rusqlite::OptionalExtension;

use super::Store;
use super::columns::kind_id;
use crate::error::Result;
use crate::model::campaign::Arm;
use crate::model::contact::EventKind;
use crate::model::time::Moment;

/// A plan as saved: which campaign (and the campaign as it was), for which date, with which
/// options (JSON).
#[derive(Debug, Clone, PartialEq)]
pub struct PlanHeader {
    pub campaign: String,
    /// The plan's date (`YYYY-MM-DD`): a campaign has one plan per date; planning it again
    /// replaces it.
    pub plan_date: String,
    /// The start of its messages' ids.
    pub id_prefix: String,
    /// The campaign's JSON when planned: variant numbers refer to it.
    pub snapshot: String,
    pub options: String,
    /// When it was made.
    pub created_at: Moment,
    /// The moment (unix seconds) of the scenario run it belongs to, if it does.
    pub run_at: Option<i64>,
}

/// One planned message as saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SavedItem {
    pub contact_id: i64,
    /// The variant's number in the plan's campaign.
    pub variant: u32,
    pub arm: Arm,
    /// Unix seconds, UTC.
    pub send_at: i64,
}

/// A saved plan in a list.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanListed {
    pub id: i64,
    pub campaign: String,
    pub plan_date: String,
    pub messages: u64,
    pub created_at: Moment,
}

impl Store {
    /// Saves a plan and its messages (ascending by contact) in one transaction, replacing the
    /// campaign's plan for the same date; commits only if `confirm`, asked once everything is
    /// written, agrees (an export that failed says no, and nothing is saved). Returns the plan's
    /// id.
    pub fn save_plan(
        &mut self,
        header: &PlanHeader,
        items: &mut dyn Iterator<Item = SavedItem>,
        confirm: &mut dyn FnMut() -> Result<()>,
    ) -> Result<i64> {
        let tx = self.conn_mut().transaction()?;
        tx.execute(
            "DELETE FROM plan_items WHERE plan_id IN
               (SELECT id FROM plans WHERE campaign = ?1 AND plan_date = ?2)",
            (&header.campaign, &header.plan_date),
        )?;
        tx.execute(
            "DELETE FROM plans WHERE campaign = ?1 AND plan_date = ?2",
            (&header.campaign, &header.plan_date),
        )?;
        let plan_id = insert_plan(&tx, header, items, None)?;
        confirm()?;
        tx.commit()?;
        Ok(plan_id)
    }

    /// Deletes the campaign's plan for `plan_date`, if one is saved; whether one was.
    pub fn delete_plan(&mut self, campaign: &str, plan_date: &str) -> Result<bool> {
        let tx = self.conn_mut().transaction()?;
        tx.execute(
            "DELETE FROM plan_items WHERE plan_id IN
               (SELECT id FROM plans WHERE campaign = ?1 AND plan_date = ?2)",
            (campaign, plan_date),
        )?;
        let deleted = tx.execute(
            "DELETE FROM plans WHERE campaign = ?1 AND plan_date = ?2",
            (campaign, plan_date),
        )?;
        tx.commit()?;
        Ok(deleted > 0)
    }

    /// Messages already planned or sent from unix second `since` on, as (contact, unix second)
    /// sorted by contact and time, each message once: the items of saved plans from `since` on
    /// (but the campaign's plan for `except_date`, which is being made again), and the sends no
    /// such item holds. A send is a `sent` or `delivered` event. One with a message id is that
    /// message (its earliest event), held by the plan item of that id; one without is held by an
    /// item of its campaign's plans for the same contact — the results import matches rows the
    /// same two ways. Of a contact's sends without an id that no plan holds, a campaign's `sent`
    /// events are its messages, or its `delivered` ones when the service reported no `sent`.
    pub fn earlier_messages(
        &self,
        since: i64,
        campaign: &str,
        except_date: &str,
    ) -> Result<Vec<(i64, i64)>> {
        static SQL: LazyLock<String> = LazyLock::new(|| {
            let [sent, delivered] = [EventKind::Sent, EventKind::Delivered].map(kind_id);
            let counted_item = "SELECT 1 FROM plans p JOIN plan_items i
                                  ON i.plan_id = p.id AND i.contact_id = s.contact_id
                                WHERE i.send_at >= ?1 AND NOT (p.campaign = ?2 AND p.plan_date = ?3)";
            format!(
                "WITH sends AS (
                     SELECT e.contact_id, e.campaign_id, c.name AS campaign, e.message_id, e.kind,
                            e.at AS t
                     FROM contact_kinds k
                     JOIN events e ON e.contact_id = k.contact_id AND e.kind = k.kind
                     JOIN event_campaigns c ON c.id = e.campaign_id
                     WHERE k.kind IN ({sent}, {delivered}) AND k.last_at >= ?1 AND e.at >= ?1
                 )
                 SELECT i.contact_id, i.send_at FROM plan_items i JOIN plans p ON p.id = i.plan_id
                 WHERE i.send_at >= ?1 AND NOT (p.campaign = ?2 AND p.plan_date = ?3)
                 UNION ALL
                 SELECT s.contact_id, min(s.t) FROM sends s
                 WHERE s.message_id <> '' AND NOT EXISTS ({counted_item}
                     AND p.id_prefix = substr(s.message_id, 1,
                                              length(s.message_id) - length(s.contact_id) - 1)
                     AND substr(s.message_id, -length(s.contact_id) - 1) = '-' || s.contact_id)
                 GROUP BY s.message_id, s.contact_id
                 UNION ALL
                 SELECT s.contact_id, s.t FROM sends s
                 WHERE s.message_id = ''
                   AND NOT EXISTS ({counted_item} AND p.campaign = s.campaign)
                   AND (s.kind = {sent} OR NOT EXISTS (
                       SELECT 1 FROM events o
                       WHERE o.contact_id = s.contact_id AND o.campaign_id = s.campaign_id
                         AND o.kind = {sent} AND o.message_id = '' AND o.at >= ?1))"
            )
        });
        let mut stmt = self.conn().prepare_cached(&SQL)?;
        let mut out: Vec<(i64, i64)> = stmt
            .query_map((since, campaign, except_date), |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        out.sort_unstable();
        Ok(out)
    }

    /// Saved plans, newest first.
    pub fn plans(&self) -> Result<Vec<PlanListed>> {
        let mut stmt = self.conn().prepare(
            "SELECT p.id, p.campaign, p.plan_date, p.created_at,
                    (SELECT count(*) FROM plan_items i WHERE i.plan_id = p.id)
             FROM plans p ORDER BY p.created_at DESC, p.id DESC",
        )?;
        let plans = stmt
            .query_map([], |r| {
                Ok(PlanListed {
                    id: r.get(0)?,
                    campaign: r.get(1)?,
                    plan_date: r.get(2)?,
                    created_at: r.get(3)?,
                    messages: r.get::<_, i64>(4)? as u64,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(plans)
    }

    /// The id of the campaign's plan for `plan_date`, if one is saved.
    pub fn plan_id(&self, campaign: &str, plan_date: &str) -> Result<Option<i64>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT id FROM plans WHERE campaign = ?1 AND plan_date = ?2",
                (campaign, plan_date),
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The saved plan `plan_id`'s header, if there is one.
    pub fn plan_header(&self, plan_id: i64) -> Result<Option<PlanHeader>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT p.campaign, p.plan_date, p.id_prefix, p.snapshot, p.options, p.created_at,
                        r.made_at
                 FROM plans p LEFT JOIN scenario_runs r ON r.id = p.run_id WHERE p.id = ?1",
                [plan_id],
                |r| {
                    Ok(PlanHeader {
                        campaign: r.get(0)?,
                        plan_date: r.get(1)?,
                        id_prefix: r.get(2)?,
                        snapshot: r.get(3)?,
                        options: r.get(4)?,
                        created_at: r.get(5)?,
                        run_at: r.get(6)?,
                    })
                },
            )
            .optional()?)
    }

    /// The messages of a saved plan, by contact.
    pub fn plan_items(&self, plan_id: i64) -> Result<Vec<SavedItem>> {
        let mut stmt = self.conn().prepare(
            "SELECT contact_id, variant, arm, send_at FROM plan_items
             WHERE plan_id = ?1 ORDER BY contact_id",
        )?;
        let items = stmt
            .query_map([plan_id], |r| {
                Ok(SavedItem {
                    contact_id: r.get(0)?,
                    variant: r.get(1)?,
                    arm: Arm::parse(r.get_ref(2)?.as_str().unwrap_or("A")),
                    send_at: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(items)
    }
}

/// A saved plan as a results import sees it: its campaign and the campaign as planned (JSON).
#[derive(Debug, Clone, PartialEq)]
pub struct PlanRef {
    pub campaign: String,
    pub snapshot: String,
}

impl super::Writer<'_> {
    /// Every saved plan by the prefix of its message ids.
    pub fn plans_by_prefix(&self) -> Result<std::collections::HashMap<String, PlanRef>> {
        let mut stmt = self
            .tx
            .prepare("SELECT id_prefix, campaign, snapshot FROM plans")?;
        let plans = stmt
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    PlanRef {
                        campaign: r.get(1)?,
                        snapshot: r.get(2)?,
                    },
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(plans)
    }

    /// Whether contact `id` exists.
    pub fn has_contact(&self, id: i64) -> Result<bool> {
        Ok(self
            .tx
            .prepare_cached("SELECT 1 FROM contacts WHERE id = ?1")?
            .exists([id])?)
    }

    /// The saved campaign `name`'s JSON, if there is one.
    pub fn campaign_json(&self, name: &str) -> Result<Option<String>> {
        Ok(self
            .tx
            .prepare_cached("SELECT campaign FROM campaigns WHERE name = ?1")?
            .query_row([name], |r| r.get(0))
            .optional()?)
    }
}

/// Inserts a plan and its messages (ascending by contact), of the scenario run `run_id` if it
/// belongs to one; returns the plan's id.
pub(super) fn insert_plan(
    tx: &rusqlite::Transaction,
    header: &PlanHeader,
    items: &mut dyn Iterator<Item = SavedItem>,
    run_id: Option<i64>,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO plans (campaign, plan_date, id_prefix, snapshot, options, created_at, run_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        (
            &header.campaign,
            &header.plan_date,
            &header.id_prefix,
            &header.snapshot,
            &header.options,
            &header.created_at,
            run_id,
        ),
    )?;
    let plan_id = tx.last_insert_rowid();
    let mut insert = tx.prepare_cached(
        "INSERT INTO plan_items (plan_id, contact_id, variant, arm, send_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for item in items {
        insert.execute((
            plan_id,
            item.contact_id,
            item.variant,
            item.arm.as_str(),
            item.send_at,
        ))?;
    }
    Ok(plan_id)
}
