//! What came back for a campaign: planned messages and events per variant and arm, counted in
//! contacts (a contact who read twice read once).

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::Store;
use super::columns::kind_id;
use crate::error::Result;
use crate::model::campaign::Arm;
use crate::model::contact::EventKind;

/// Contacts of a campaign in one (variant number, arm): planned, sent to, and reached by each
/// kind of event, each contact once (a contact who read twice read once). The variant is the one
/// of the contact's latest plan of the campaign, `None` for events of contacts it never planned.
/// A contact counts as sent to when a `sent` or a `delivered` event exists (a plan alone is not
/// a send).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    pub variant: Option<u32>,
    pub arm: Arm,
    pub planned: u64,
    pub sent: u64,
    /// Per kind, in the order of [`EventKind::ALL`].
    pub reached: [u64; EventKind::ALL.len()],
}

/// Tallies by (variant, arm), made on first use.
#[derive(Default)]
struct Tallies(BTreeMap<(Option<u32>, Arm), Tally>);

impl Tallies {
    fn of(&mut self, variant: Option<u32>, arm: Arm) -> &mut Tally {
        self.0.entry((variant, arm)).or_insert_with(|| Tally {
            variant,
            arm,
            planned: 0,
            sent: 0,
            reached: [0; EventKind::ALL.len()],
        })
    }
}

/// The bit of `kind` in `campaign_reach.kinds`.
pub(crate) fn kind_bit(kind: EventKind) -> i64 {
    1 << (kind_id(kind) - 1)
}

impl Store {
    /// The campaign's planned contacts and reached contacts per variant and arm.
    pub fn campaign_tallies(&self, campaign: &str) -> Result<Vec<Tally>> {
        let planned = self.latest_variants(campaign)?;
        let mut tallies = Tallies::default();
        for (variant, arm) in planned.values() {
            tallies.of(Some(*variant), *arm).planned += 1;
        }
        let sent_bits = kind_bit(EventKind::Sent) | kind_bit(EventKind::Delivered);
        let mut stmt = self.conn().prepare(
            "SELECT r.contact_id, r.kinds FROM event_campaigns c
             JOIN campaign_reach r ON r.campaign_id = c.id WHERE c.name = ?1",
        )?;
        let mut rows = stmt.query([campaign])?;
        while let Some(r) = rows.next()? {
            let (contact, kinds): (i64, i64) = (r.get(0)?, r.get(1)?);
            let t = match planned.get(&contact) {
                Some((variant, arm)) => tallies.of(Some(*variant), *arm),
                None => tallies.of(None, Arm::A),
            };
            t.sent += u64::from(kinds & sent_bits != 0);
            for (n, kind) in t.reached.iter_mut().zip(EventKind::ALL) {
                *n += u64::from(kinds & kind_bit(kind) != 0);
            }
        }
        Ok(tallies.0.into_values().collect())
    }

    /// Per contact the campaign planned: the variant and arm of its latest plan.
    fn latest_variants(&self, campaign: &str) -> Result<FxHashMap<i64, (u32, Arm)>> {
        let mut planned = FxHashMap::default();
        let mut stmt = self.conn().prepare(
            "SELECT i.contact_id, i.variant, i.arm
             FROM plans p JOIN plan_items i ON i.plan_id = p.id
             WHERE p.campaign = ?1 ORDER BY p.id",
        )?;
        let mut rows = stmt.query([campaign])?;
        while let Some(r) = rows.next()? {
            let arm = Arm::parse(r.get_ref(2)?.as_str().unwrap_or("A"));
            // A later plan's row replaces an earlier one's.
            planned.insert(r.get(0)?, (r.get(1)?, arm));
        }
        Ok(planned)
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

    /// Campaigns with plans or events, by when they first appeared. Scenarios are not among
    /// them: their results are counted per message and step (`scenario::results`).
    pub fn campaigns_by_time(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn().prepare(
            "SELECT campaign FROM (
                SELECT campaign, min(plan_date) AS t FROM plans GROUP BY campaign
                UNION ALL
                SELECT name, strftime('%Y-%m-%dT%H:%M:%SZ', first_at, 'unixepoch')
                FROM event_campaigns
             )
             WHERE campaign NOT IN (SELECT name FROM scenarios)
               AND campaign NOT IN (SELECT campaign FROM plans WHERE run_id IS NOT NULL)
             GROUP BY campaign ORDER BY min(t), campaign",
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
        let has = |kind| format!("count(*) FILTER (WHERE kinds & {} <> 0)", kind_bit(kind));
        Ok(self.conn().query_row(
            &format!(
                "SELECT {}, {}, {} FROM campaign_reach",
                has(EventKind::Delivered),
                has(EventKind::Blocked),
                has(EventKind::Unsubscribed)
            ),
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
