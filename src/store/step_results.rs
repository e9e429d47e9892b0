//! What came back for a scenario, message by message: each step planned by its runs, the events
//! of each message (by its id, or — for a results file without ids — the contact's latest
//! message of the scenario before the event), and where its entries stand.

use rusqlite::params;

use super::Store;
use crate::error::Result;
use crate::model::campaign::Arm;
use crate::model::contact::EventKind;

/// One step's message to one contact, with what came back for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepMessage {
    pub contact_id: i64,
    pub step: u32,
    pub arm: Arm,
    /// Unix seconds.
    pub send_at: i64,
    pub message_id: String,
    /// The first moment of each kind of event that came back, in the order of
    /// [`EventKind::ALL`].
    pub events: [Option<i64>; EventKind::ALL.len()],
    /// The buttons pressed.
    pub buttons: Vec<String>,
}

/// Where entries stand: their next step, how they ended (empty while open), how many.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryStand {
    pub next_step: u32,
    pub ended: String,
    pub entries: u64,
}

impl Store {
    /// Every message the runs of `scenario` planned (to `contact` only, when given), by
    /// contact and moment, with its events.
    pub fn scenario_messages(
        &self,
        scenario: &str,
        contact: Option<i64>,
    ) -> Result<Vec<StepMessage>> {
        let mut stmt = self.conn().prepare(
            "SELECT i.contact_id, i.variant, i.arm, i.send_at, p.id_prefix || '-' || i.contact_id
             FROM plans p JOIN plan_items i ON i.plan_id = p.id
             WHERE p.campaign = ?1 AND p.run_id IS NOT NULL
               AND (?2 IS NULL OR i.contact_id = ?2)
             ORDER BY i.contact_id, i.send_at",
        )?;
        let mut messages: Vec<StepMessage> = stmt
            .query_map(params![scenario, contact], |r| {
                Ok(StepMessage {
                    contact_id: r.get(0)?,
                    step: r.get(1)?,
                    arm: Arm::parse(r.get_ref(2)?.as_str().unwrap_or("A")),
                    send_at: r.get(3)?,
                    message_id: r.get(4)?,
                    events: [None; EventKind::ALL.len()],
                    buttons: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut events = self.conn().prepare_cached(
            "SELECT e.message_id, e.kind, e.at, e.button
             FROM events e JOIN event_campaigns c ON c.id = e.campaign_id
             WHERE e.contact_id = ?1 AND c.name = ?2 ORDER BY e.at",
        )?;
        let mut from = 0;
        while from < messages.len() {
            let contact = messages[from].contact_id;
            let to = from + messages[from..].partition_point(|m| m.contact_id == contact);
            let mine = &mut messages[from..to];
            let mut rows = events.query(params![contact, scenario])?;
            while let Some(r) = rows.next()? {
                let (id, kind, at): (String, EventKind, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
                let found = match id.as_str() {
                    "" => mine.iter().rposition(|m| m.send_at <= at),
                    id => mine.iter().position(|m| m.message_id == id),
                };
                let Some(m) = found.map(|i| &mut mine[i]) else {
                    continue;
                };
                let slot = &mut m.events[kind_index(kind)];
                slot.get_or_insert(at);
                let button: String = r.get(3)?;
                if !button.is_empty() {
                    m.buttons.push(button);
                }
            }
            from = to;
        }
        Ok(messages)
    }

    /// How many entries of `scenario` stand at each next step, by how they ended.
    pub fn entry_stands(&self, scenario: &str) -> Result<Vec<EntryStand>> {
        let mut stmt = self.conn().prepare(
            "SELECT next_step, ended, count(*) FROM scenario_entries WHERE scenario = ?1
             GROUP BY next_step, ended ORDER BY next_step, ended",
        )?;
        let rows = stmt
            .query_map([scenario], |r| {
                Ok(EntryStand {
                    next_step: r.get(0)?,
                    ended: r.get(1)?,
                    entries: r.get::<_, i64>(2)? as u64,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

/// The place of `kind` in [`EventKind::ALL`] (its row in `event_kinds`, from 0).
pub fn kind_index(kind: EventKind) -> usize {
    (super::columns::kind_id(kind) - 1) as usize
}
