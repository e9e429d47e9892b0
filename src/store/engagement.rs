//! The per-contact engagement summary, kept up to date by every events import so that segment
//! rules read one row per contact instead of scanning millions of events.

use std::sync::LazyLock;

use super::columns::kind_id;
use super::contacts::Writer;
use crate::error::Result;
use crate::model::contact::EventKind;

impl Writer<'_> {
    /// Recomputes the summary of every contact listed in the temporary table `touched`
    /// (filled with [`Writer::touch`]) from their events, then empties the table.
    ///
    /// A campaign counts as delivered to a contact when a `sent` or `delivered` event exists;
    /// engaged when a `read`, `clicked` or `replied` one does. The streak counts the contact's
    /// most recent delivered campaigns that found no engagement, newest first, up to the first
    /// engaged one.
    pub fn refresh_engagement(&self) -> Result<()> {
        // The window query sorts every touched contact's events, in memory up to the cache
        // size: a smaller cache for it keeps a big import's peak down.
        self.tx
            .pragma_update(None, "cache_size", -super::INDEX_BUILD_CACHE_KIB)?;
        let refreshed = self.refresh_touched();
        self.tx
            .pragma_update(None, "cache_size", -super::WRITE_CACHE_KIB)?;
        refreshed
    }

    fn refresh_touched(&self) -> Result<()> {
        static SQL: LazyLock<String> = LazyLock::new(|| {
            let [sent, delivered, read, clicked, replied] = [
                EventKind::Sent,
                EventKind::Delivered,
                EventKind::Read,
                EventKind::Clicked,
                EventKind::Replied,
            ]
            .map(kind_id);
            let last = |kinds: &str| format!("max(at) FILTER (WHERE kind IN ({kinds}))");
            format!(
                "CREATE TEMP TABLE IF NOT EXISTS touched (id INTEGER PRIMARY KEY);
                 INSERT OR REPLACE INTO engagement
                    (contact_id, last_sent_at, last_read_at, last_click_at, last_reply_at,
                     campaigns_delivered, unengaged_streak)
                 WITH per_campaign AS (
                     SELECT contact_id, campaign_id,
                            min(at) FILTER (WHERE kind IN ({sent}, {delivered})) AS delivered_at,
                            max(kind IN ({read}, {clicked}, {replied})) AS engaged
                     FROM events WHERE contact_id IN (SELECT id FROM temp.touched)
                     GROUP BY contact_id, campaign_id
                 ), ranked AS (
                     SELECT contact_id, engaged,
                            sum(engaged) OVER (PARTITION BY contact_id ORDER BY delivered_at DESC
                                               ROWS UNBOUNDED PRECEDING) AS engaged_since
                     FROM per_campaign WHERE delivered_at IS NOT NULL
                 ), streaks AS (
                     SELECT contact_id, count(*) AS delivered, sum(engaged_since = 0) AS streak
                     FROM ranked GROUP BY contact_id
                 ), lasts AS (
                     SELECT contact_id, {}, {}, {}, {}
                     FROM events WHERE contact_id IN (SELECT id FROM temp.touched)
                     GROUP BY contact_id
                 )
                 SELECT l.*, coalesce(s.delivered, 0), coalesce(s.streak, 0)
                 FROM lasts l LEFT JOIN streaks s USING (contact_id);",
                last(&format!("{sent}, {delivered}")),
                last(&read.to_string()),
                last(&clicked.to_string()),
                last(&replied.to_string()),
            )
        });
        self.tx.execute_batch(&SQL)?;
        self.refresh_reach()?;
        self.tx.execute_batch("DELETE FROM temp.touched")?;
        Ok(())
    }

    /// Recomputes, for every contact listed in `touched`, how many events of each kind they
    /// had and the last one's moment (`contact_kinds`), which campaigns reached them and how
    /// (`campaign_reach`), and moves a campaign's first moment earlier when one of their events
    /// is earlier. Groups follow the events' key (contact first), so reading them sorts less.
    fn refresh_reach(&self) -> Result<()> {
        static SQL: LazyLock<String> = LazyLock::new(|| {
            format!(
                "DELETE FROM contact_kinds WHERE contact_id IN (SELECT id FROM temp.touched);
                 INSERT INTO contact_kinds (kind, contact_id, n, last_at)
                     SELECT kind, contact_id, count(*), max(at) FROM events
                     WHERE contact_id IN (SELECT id FROM temp.touched)
                     GROUP BY contact_id, kind;
                 DELETE FROM campaign_reach WHERE contact_id IN (SELECT id FROM temp.touched);
                 INSERT INTO campaign_reach (campaign_id, contact_id, kinds)
                     SELECT e.campaign_id, e.contact_id, {}
                     FROM events e WHERE e.contact_id IN (SELECT id FROM temp.touched)
                     GROUP BY e.contact_id, e.campaign_id;
                 UPDATE event_campaigns SET first_at = m.t
                     FROM (SELECT campaign_id, min(at) AS t FROM events
                           WHERE contact_id IN (SELECT id FROM temp.touched)
                           GROUP BY campaign_id) AS m
                     WHERE event_campaigns.id = m.campaign_id AND m.t < event_campaigns.first_at;",
                *super::results::KINDS_OF_EVENTS
            )
        });
        self.tx.execute_batch(&SQL)?;
        Ok(())
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
