//! What came back for a campaign: planned messages and events per variant and arm, counted in
//! contacts (a contact who read twice read once).

use super::Store;
use crate::error::Result;
use crate::model::campaign::Arm;

/// Contacts per (variant number, arm, kind) for a campaign; the variant is the one of the
/// contact's latest plan of the campaign, `None` for events of contacts it never planned. A
/// contact counts as sent to when a `sent` or a `delivered` event exists (a plan alone is not a
/// send).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    pub variant: Option<u32>,
    pub arm: Arm,
    /// `planned`, or an event kind (`sent`, `delivered`, …).
    pub kind: String,
    pub contacts: u64,
}

impl Store {
    /// The campaign's planned contacts and event contacts per variant and arm.
    pub fn campaign_tallies(&self, campaign: &str) -> Result<Vec<Tally>> {
        let mut stmt = self.conn().prepare(
            "WITH planned AS (
                SELECT i.contact_id, max(i.plan_id) AS plan_id, i.variant, i.arm
                FROM plan_items i JOIN plans p ON p.id = i.plan_id
                WHERE p.campaign = ?1 GROUP BY i.contact_id
             )
             SELECT variant, arm, 'planned', count(*) FROM planned GROUP BY variant, arm
             UNION ALL
             SELECT pl.variant, coalesce(pl.arm, 'A'), e.kind, count(DISTINCT e.contact_id)
             FROM events e LEFT JOIN planned pl ON pl.contact_id = e.contact_id
             WHERE e.campaign = ?1 AND e.kind <> 'sent'
             GROUP BY pl.variant, pl.arm, e.kind
             UNION ALL
             SELECT pl.variant, coalesce(pl.arm, 'A'), 'sent', count(DISTINCT e.contact_id)
             FROM events e LEFT JOIN planned pl ON pl.contact_id = e.contact_id
             WHERE e.campaign = ?1 AND e.kind IN ('sent', 'delivered')
             GROUP BY pl.variant, pl.arm",
        )?;
        let rows = stmt
            .query_map([campaign], |r| {
                Ok(Tally {
                    variant: r.get(0)?,
                    arm: Arm::parse(r.get_ref(1)?.as_str().unwrap_or("A")),
                    kind: r.get(2)?,
                    contacts: r.get::<_, i64>(3)? as u64,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The last two notes of the sleeping share: (sleeping, reached) before and now.
    pub fn sleeping_history(&self) -> Result<Vec<(u64, u64)>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT sleeping, reached FROM sleeping_history ORDER BY id DESC LIMIT 2")?;
        let mut rows: Vec<(u64, u64)> = stmt
            .query_map([], |r| {
                Ok((r.get::<_, i64>(0)? as u64, r.get::<_, i64>(1)? as u64))
            })?
            .collect::<rusqlite::Result<_>>()?;
        rows.reverse();
        Ok(rows)
    }

    /// Campaigns with plans or events, by when they first appeared.
    pub fn campaigns_by_time(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn().prepare(
            "SELECT campaign FROM (
                SELECT campaign, min(plan_date) AS t FROM plans GROUP BY campaign
                UNION ALL
                SELECT campaign, min(at) FROM events GROUP BY campaign
             ) GROUP BY campaign ORDER BY min(t), campaign",
        )?;
        let names = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(names)
    }

    /// The campaign as its latest plan froze it (JSON), if it was planned.
    pub fn planned_campaign(&self, campaign: &str) -> Result<Option<String>> {
        Ok(rusqlite::OptionalExtension::optional(
            self.conn().query_row(
                "SELECT snapshot FROM plans WHERE campaign = ?1 ORDER BY id DESC LIMIT 1",
                [campaign],
                |r| r.get(0),
            ),
        )?)
    }

    /// Across all campaigns: (contacts delivered to, contacts who blocked, contacts who
    /// unsubscribed), each counted once per campaign — the base's average rates.
    pub fn base_opt_out_counts(&self) -> Result<(u64, u64, u64)> {
        Ok(self.conn().query_row(
            "SELECT
               (SELECT count(*) FROM (SELECT DISTINCT campaign, contact_id FROM events WHERE kind = 'delivered')),
               (SELECT count(*) FROM (SELECT DISTINCT campaign, contact_id FROM events WHERE kind = 'blocked')),
               (SELECT count(*) FROM (SELECT DISTINCT campaign, contact_id FROM events WHERE kind = 'unsubscribed'))",
            [],
            |r| {
                Ok((
                    r.get::<_, i64>(0)? as u64,
                    r.get::<_, i64>(1)? as u64,
                    r.get::<_, i64>(2)? as u64,
                ))
            },
        )?)
    }
}
