//! The per-contact engagement summary, kept up to date by every events import so that segment
//! rules read one row per contact instead of scanning millions of events.

use chrono_tz::Tz;
use rusqlite::{Statement, Transaction, params};
use rustc_hash::FxHashMap;

use super::contacts::Writer;
use super::summaries::ContactEvents;
use crate::error::Result;
use crate::model::reaction_hours::Hours;

impl Writer<'_> {
    /// Recomputes the summaries of every contact listed in the temporary table `touched`
    /// (filled with [`Writer::touch`]) as of `now` (unix seconds), then empties the table: see
    /// [`refresh_touched`].
    pub fn refresh_engagement(&self, now: i64) -> Result<()> {
        refresh_touched(&self.tx, now)
    }

    /// Marks a contact whose engagement summary must be recomputed before the commit.
    pub fn touch(&self, contact_id: i64) -> Result<()> {
        self.tx
            .prepare_cached("CREATE TEMP TABLE IF NOT EXISTS touched (id INTEGER PRIMARY KEY)")?
            .execute([])?;
        self.tx
            .prepare_cached("INSERT OR IGNORE INTO temp.touched (id) VALUES (?1)")?
            .execute([contact_id])?;
        Ok(())
    }

    /// Notes how many contacts are sleeping (3 delivered campaigns in a row without a read,
    /// click or reply) among those ever reached: after each results import.
    pub fn record_sleeping_share(&self, at: &str) -> Result<()> {
        self.tx.execute(
            "INSERT INTO sleeping_history (at, sleeping, reached)
             SELECT ?1, count(*) FILTER (WHERE unengaged_streak >= 3),
                    count(*) FILTER (WHERE campaigns_delivered > 0)
             FROM engagement",
            [at],
        )?;
        Ok(())
    }
}

/// Recomputes the summaries of every contact listed in the temporary table `touched` from
/// their events, then empties the table: per kind, how many and the last one's moment, activity
/// included (`contact_kinds`); per campaign, the kinds that came back (`campaign_reach`); the
/// engagement summary (`engagement`, see [`ContactEvents::engagement`]); the reactions that tell
/// the contact's own time, by local hour, as of `now` (`reaction_hours`, see
/// [`Hours::of`]); and a campaign's first moment moves earlier when one of their events is
/// earlier. Their events are read once, in the order of the events' key.
pub(super) fn refresh_touched(tx: &Transaction, now: i64) -> Result<()> {
    tx.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS touched (id INTEGER PRIMARY KEY);
         DELETE FROM engagement WHERE contact_id IN (SELECT id FROM temp.touched);
         DELETE FROM contact_kinds WHERE contact_id IN (SELECT id FROM temp.touched);
         DELETE FROM campaign_reach WHERE contact_id IN (SELECT id FROM temp.touched);
         DELETE FROM reaction_hours WHERE contact_id IN (SELECT id FROM temp.touched);",
    )?;
    let known_first: FxHashMap<i64, i64> = tx
        .prepare("SELECT id, first_at FROM event_campaigns")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut first_at: FxHashMap<i64, i64> = FxHashMap::default();
    {
        let mut save = Summaries::prepare(tx, now, &known_first)?;
        let mut read = tx.prepare(
            "SELECT e.contact_id, e.campaign_id, e.kind, e.at, c.time_zone
             FROM temp.touched t JOIN events e ON e.contact_id = t.id
                  JOIN contacts c ON c.id = t.id
             ORDER BY e.contact_id",
        )?;
        let mut rows = read.query([])?;
        let mut current: Option<(i64, ContactEvents)> = None;
        while let Some(row) = rows.next()? {
            let (contact, campaign, kind, at): (i64, i64, i64, i64) =
                (row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?);
            let first = first_at.entry(campaign).or_insert(at);
            *first = (*first).min(at);
            if current.as_ref().is_none_or(|(id, _)| *id != contact) {
                if let Some((id, events)) = current.take() {
                    save.contact(id, &events)?;
                }
                save.zone(row.get_ref(4)?.as_str().unwrap_or_default());
                current = Some((contact, ContactEvents::default()));
            }
            if let Some((_, events)) = &mut current {
                events.add(campaign, kind, at);
            }
        }
        if let Some((id, events)) = current {
            save.contact(id, &events)?;
        }
    }
    // The kinds of activity join the per-kind summary; their key starts with the contact and
    // the kind, so the grouping sorts nothing.
    tx.execute_batch(
        "INSERT INTO contact_kinds (kind, contact_id, n, last_at)
             SELECT kind, contact_id, count(*), max(at) FROM activity
             WHERE contact_id IN (SELECT id FROM temp.touched)
             GROUP BY contact_id, kind;",
    )?;
    let mut earlier =
        tx.prepare("UPDATE event_campaigns SET first_at = ?2 WHERE id = ?1 AND ?2 < first_at")?;
    for (campaign, at) in first_at {
        earlier.execute([campaign, at])?;
    }
    tx.execute_batch("DELETE FROM temp.touched")?;
    Ok(())
}

/// The statements that write one contact's summaries.
struct Summaries<'t> {
    kinds: Statement<'t>,
    reach: Statement<'t>,
    engagement: Statement<'t>,
    hours: Statement<'t>,
    /// The moment reactions are weighed at.
    now: i64,
    /// Each campaign's first moment, for a reaction whose message's sending was not reported.
    first_at: &'t FxHashMap<i64, i64>,
    /// The zone of the contact being read, and the zones already parsed.
    zone: Tz,
    zones: FxHashMap<String, Tz>,
}

impl<'t> Summaries<'t> {
    fn prepare(
        tx: &'t Transaction,
        now: i64,
        first_at: &'t FxHashMap<i64, i64>,
    ) -> Result<Summaries<'t>> {
        Ok(Summaries {
            hours: tx.prepare(
                "INSERT INTO reaction_hours (contact_id, hour, reactions, weight)
                 VALUES (?1, ?2, ?3, ?4)",
            )?,
            now,
            first_at,
            zone: Tz::UTC,
            zones: FxHashMap::default(),
            kinds: tx.prepare(
                "INSERT INTO contact_kinds (kind, contact_id, n, last_at) VALUES (?1, ?2, ?3, ?4)",
            )?,
            reach: tx.prepare(
                "INSERT INTO campaign_reach (campaign_id, contact_id, kinds) VALUES (?1, ?2, ?3)",
            )?,
            engagement: tx.prepare(
                "INSERT INTO engagement
                    (contact_id, last_sent_at, last_read_at, last_click_at, last_reply_at,
                     campaigns_delivered, unengaged_streak)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?,
        })
    }

    /// The next contact's zone (IANA name).
    fn zone(&mut self, name: &str) {
        self.zone = match self.zones.get(name) {
            Some(tz) => *tz,
            None => {
                let tz = name.parse().unwrap_or(Tz::UTC);
                self.zones.insert(name.to_owned(), tz);
                tz
            }
        };
    }

    fn contact(&mut self, id: i64, events: &ContactEvents) -> Result<()> {
        let reactions = events.reactions(|campaign| self.first_at.get(&campaign).copied());
        for (hour, n, weight) in Hours::of(&reactions, self.zone, self.now).rows() {
            self.hours.execute(params![id, hour, n, weight])?;
        }
        for (kind, n, last_at) in &events.kinds {
            self.kinds.execute(params![kind, id, n, last_at])?;
        }
        for reach in &events.campaigns {
            self.reach
                .execute(params![reach.campaign, id, reach.kinds])?;
        }
        let e = events.engagement();
        self.engagement.execute(params![
            id,
            e.last_sent_at,
            e.last_read_at,
            e.last_click_at,
            e.last_reply_at,
            e.campaigns_delivered,
            e.unengaged_streak
        ])?;
        Ok(())
    }
}
