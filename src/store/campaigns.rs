//! Saved campaigns, and the per-contact facts their messages draw on.

use rusqlite::OptionalExtension;

use super::Store;
use super::browse::OrderLine;
use super::{Consent, Status};
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::model::campaign::{Campaign, Channel};

impl Store {
    /// Saves `campaign` under its name at the moment `now`, replacing one of that name. The
    /// checks a campaign passes first are [`crate::campaign::save`]'s.
    pub fn save_campaign(
        &self,
        campaign: &Campaign,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<()> {
        self.conn().execute(
            "INSERT INTO campaigns (name, campaign, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (name) DO UPDATE SET campaign = excluded.campaign, updated_at = excluded.updated_at",
            (
                campaign.name.trim(),
                campaign.to_json(),
                crate::model::time::Moment::of(now),
            ),
        )?;
        Ok(())
    }

    /// The campaign saved as `name`.
    pub fn campaign(&self, name: &str) -> Result<Option<Campaign>> {
        let text: Option<String> = self
            .conn()
            .query_row(
                "SELECT campaign FROM campaigns WHERE name = ?1",
                [name],
                |r| r.get(0),
            )
            .optional()?;
        text.map(|t| Campaign::from_json(&t)).transpose()
    }

    /// A contact's latest order.
    pub fn last_order(&self, contact_id: i64) -> Result<Option<OrderLine>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT o.order_id, o.ordered_at, o.amount_kop, o.product,
                        (SELECT group_concat(i.product, ', ' ORDER BY i.n) FROM order_items i
                         WHERE i.order_row = o.id AND i.product IS NOT NULL)
                 FROM orders o
                 WHERE o.contact_id = ?1 ORDER BY o.ordered_at DESC, o.id DESC LIMIT 1",
                [contact_id],
                |r| {
                    Ok(OrderLine {
                        order_id: r.get(0)?,
                        ordered_at: r.get(1)?,
                        amount_kop: r.get(2)?,
                        product: r.get(3)?,
                        items: r.get(4)?,
                    })
                },
            )
            .optional()?)
    }
}

/// What a campaign's audience is decided on, per contact: consent, status, addresses, and the
/// zone its send time is computed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reach {
    pub contact_id: i64,
    /// Yes, or No for anything else (unknown is no consent).
    pub consent: Consent,
    pub status: Status,
    pub has_phone: bool,
    /// A Telegram chat id: the bot can write to them.
    pub has_tg_chat: bool,
    /// A Telegram username: someone to find, not yet someone a bot can write to.
    pub has_tg_username: bool,
    /// `None` for a zone name this build does not know.
    pub time_zone: Option<chrono_tz::Tz>,
}

/// Which of a message's facts to read: only what the templates use is looked up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FactNeeds {
    pub last_order: bool,
    pub rfm: bool,
    /// Whether custom fields are used.
    pub custom: bool,
    /// The tag group `{{interest}}` comes from, without its `*` (`интерес:`).
    pub interest_prefix: Option<String>,
}

/// A contact's values for rendering a message (and planning it).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MessageFacts {
    pub contact_id: i64,
    pub external_id: Option<String>,
    pub name: Option<String>,
    pub first_name: Option<String>,
    pub city: Option<String>,
    pub phone: Option<String>,
    pub telegram: Option<String>,
    /// The custom fields as stored (a JSON object; `{}` when not asked for).
    pub custom: String,
    pub last_order: Option<OrderLine>,
    /// The RFM group's code.
    pub rfm_group: Option<String>,
    /// The first tag of the interest group, without the group's prefix.
    pub interest: Option<String>,
}

/// How many contacts one facts query asks for.
const FACTS_CHUNK: usize = 500;

impl Store {
    /// Saved campaigns' names, alphabetically.
    pub fn campaign_names(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT name FROM campaigns ORDER BY name COLLATE NOCASE")?;
        let names = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(names)
    }

    /// Deletes the campaign saved as `name`.
    pub fn delete_campaign(&self, name: &str) -> Result<()> {
        self.conn()
            .execute("DELETE FROM campaigns WHERE name = ?1", [name])?;
        Ok(())
    }

    /// Renames a saved campaign; the new name must be free.
    pub fn rename_campaign(&self, from: &str, to: &str) -> Result<()> {
        if self.campaign(to)?.is_some() {
            return Err(Error::user(
                Msg::new("campaign-error-exists").arg("name", to.trim()),
            ));
        }
        self.conn().execute(
            "UPDATE campaigns SET name = ?2 WHERE name = ?1",
            (from, to.trim()),
        )?;
        Ok(())
    }

    /// Calls `each` with every contact's consent to messages on `channel`, status, addresses and
    /// time zone, by id.
    pub fn each_reach(
        &self,
        channel: Channel,
        each: &mut dyn FnMut(Reach) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self
            .conn()
            .prepare(&format!("{} ORDER BY id", reach_select(channel)))?;
        reaches_of(stmt.query([])?, &mut Vec::new(), each)
    }

    /// [`Store::each_reach`] for the contacts `ids` only (ascending): read by their ids in
    /// chunks, or in one pass over their span when they are dense in it.
    pub fn each_reach_of(
        &self,
        channel: Channel,
        ids: &[i64],
        each: &mut dyn FnMut(Reach) -> Result<()>,
    ) -> Result<()> {
        let (Some(&first), Some(&last)) = (ids.first(), ids.last()) else {
            return Ok(());
        };
        let select = reach_select(channel);
        let mut zones = Vec::new();
        if ids.len() as i64 * 8 > last - first {
            let mut stmt = self
                .conn()
                .prepare(&format!("{select} WHERE id BETWEEN ?1 AND ?2 ORDER BY id"))?;
            let mut wanted = ids.iter().peekable();
            return reaches_of(stmt.query([first, last])?, &mut zones, &mut |r| {
                while wanted.next_if(|w| **w < r.contact_id).is_some() {}
                match wanted.next_if(|w| **w == r.contact_id) {
                    Some(_) => each(r),
                    None => Ok(()),
                }
            });
        }
        for chunk in ids.chunks(FACTS_CHUNK) {
            let list = vec!["?"; chunk.len()].join(",");
            let mut stmt = self
                .conn()
                .prepare_cached(&format!("{select} WHERE id IN ({list}) ORDER BY id"))?;
            let rows = stmt.query(rusqlite::params_from_iter(chunk))?;
            reaches_of(rows, &mut zones, each)?;
        }
        Ok(())
    }

    /// Each scored customer's R + F + M (3–15), by contact id: the plan's priority by RFM.
    pub fn rfm_scores(&self) -> Result<Vec<(i64, u8)>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT contact_id, r + f + m FROM rfm ORDER BY contact_id")?;
        let scores = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(scores)
    }

    /// Calls `each` with the facts of the contacts `ids` (ascending), in that order; a contact
    /// deleted meanwhile is skipped. `each` returns false to stop.
    ///
    /// Many recipients are read in one pass over the contacts in id order (sequential pages);
    /// a few are looked up in chunks by id. The interest tags are read once, up front.
    pub fn each_message_facts(
        &self,
        ids: &[i64],
        needs: &FactNeeds,
        each: &mut dyn FnMut(MessageFacts) -> Result<bool>,
    ) -> Result<()> {
        let (Some(&first), Some(&last)) = (ids.first(), ids.last()) else {
            return Ok(());
        };
        let interests = match &needs.interest_prefix {
            Some(prefix) => self.first_tags_of_group(prefix)?,
            None => Interests::default(),
        };
        let order = if needs.last_order {
            "(SELECT json_array(o.order_id, o.ordered_at, o.amount_kop, o.product,
                     (SELECT group_concat(i.product, ', ' ORDER BY i.n) FROM order_items i
                      WHERE i.order_row = o.id AND i.product IS NOT NULL))
              FROM orders o
              WHERE o.contact_id = c.id ORDER BY o.ordered_at DESC, o.id DESC LIMIT 1)"
        } else {
            "NULL"
        };
        let rfm = if needs.rfm {
            "(SELECT grp FROM rfm WHERE rfm.contact_id = c.id)"
        } else {
            "NULL"
        };
        let custom = if needs.custom { "c.custom" } else { "'{}'" };
        let select = format!(
            "SELECT c.id, c.external_id, c.name, c.first_name, c.city, c.phone,
                    coalesce(c.tg_chat_id, c.tg_username), {custom}, {order}, {rfm}
             FROM contacts c"
        );
        let dense = ids.len() as i64 * 8 > last - first;
        if dense {
            let mut stmt = self.conn().prepare(&format!(
                "{select} WHERE c.id BETWEEN ?1 AND ?2 ORDER BY c.id"
            ))?;
            let mut rows = stmt.query([first, last])?;
            let mut wanted = ids.iter().peekable();
            while let Some(r) = rows.next()? {
                let id: i64 = r.get(0)?;
                while wanted.next_if(|w| **w < id).is_some() {}
                if wanted.next_if(|w| **w == id).is_none() {
                    continue;
                }
                if !each(facts_of(r, &interests)?)? {
                    return Ok(());
                }
            }
            return Ok(());
        }
        for chunk in ids.chunks(FACTS_CHUNK) {
            let marks = vec!["?"; chunk.len()].join(",");
            let sql = format!("{select} WHERE c.id IN ({marks}) ORDER BY c.id");
            let mut stmt = self.conn().prepare_cached(&sql)?;
            let mut rows = stmt.query(rusqlite::params_from_iter(chunk))?;
            while let Some(r) = rows.next()? {
                if !each(facts_of(r, &interests)?)? {
                    return Ok(());
                }
            }
        }
        Ok(())
    }

    /// Per contact, the first tag (by name) of the group `prefix` (`интерес:`), without the
    /// prefix: read through the tag index, a few tags at a time.
    fn first_tags_of_group(&self, prefix: &str) -> Result<Interests> {
        let mut names = self.conn().prepare(
            "SELECT id, substr(name, length(?1) + 1) FROM tag_names
             WHERE substr(name, 1, length(?1)) = ?1 ORDER BY name",
        )?;
        let tags: Vec<(i64, String)> = names
            .query_map([prefix], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut holders = self
            .conn()
            .prepare("SELECT contact_id FROM tags WHERE tag_id = ?1")?;
        let mut out = Interests::default();
        for (i, (tag_id, value)) in tags.into_iter().enumerate() {
            out.values.push(value);
            let mut rows = holders.query([tag_id])?;
            while let Some(r) = rows.next()? {
                out.of.entry(r.get(0)?).or_insert(i as u32);
            }
        }
        Ok(out)
    }
}

/// Contacts' interest: an index into `values` per contact id.
#[derive(Default)]
struct Interests {
    of: rustc_hash::FxHashMap<i64, u32>,
    values: Vec<String>,
}

/// One row of the facts query as [`MessageFacts`].
fn facts_of(r: &rusqlite::Row<'_>, interests: &Interests) -> Result<MessageFacts> {
    let contact_id: i64 = r.get(0)?;
    let last_order = r
        .get::<_, Option<String>>(8)?
        .and_then(|j| serde_json::from_str::<OrderJson>(&j).ok())
        .map(
            |(order_id, ordered_at, amount_kop, product, items)| OrderLine {
                order_id,
                ordered_at,
                amount_kop,
                product,
                items,
            },
        );
    Ok(MessageFacts {
        contact_id,
        external_id: r.get(1)?,
        name: r.get(2)?,
        first_name: r.get(3)?,
        city: r.get(4)?,
        phone: r.get(5)?,
        telegram: r.get(6)?,
        custom: r.get(7)?,
        last_order,
        rfm_group: r.get(9)?,
        interest: interests
            .of
            .get(&contact_id)
            .map(|i| interests.values[*i as usize].clone()),
    })
}

/// A last order as the facts query packs it.
type OrderJson = (
    Option<String>,
    crate::model::time::Moment,
    i64,
    Option<String>,
    Option<String>,
);

/// The reach query of `channel`: the channel's own consent where a file gave one, else the
/// general one; the status, the addresses, the zone.
fn reach_select(channel: Channel) -> String {
    let consent = format!("consent_{}", channel.as_str());
    format!(
        "SELECT id, coalesce({consent}, consent) = 'yes',
                CASE status WHEN 'unsubscribed' THEN 1 WHEN 'blocked' THEN 2 ELSE 0 END,
                phone IS NOT NULL, tg_chat_id IS NOT NULL, tg_username IS NOT NULL, time_zone
         FROM contacts"
    )
}

/// Hands each row of a reach query to `each`; `zones` keeps the zone names parsed so far.
fn reaches_of(
    mut rows: rusqlite::Rows<'_>,
    zones: &mut Vec<(String, Option<chrono_tz::Tz>)>,
    each: &mut dyn FnMut(Reach) -> Result<()>,
) -> Result<()> {
    while let Some(r) = rows.next()? {
        // Zones repeat: each distinct name is parsed once.
        let zone = match r.get_ref(6)? {
            rusqlite::types::ValueRef::Text(t) => t,
            _ => b"",
        };
        let time_zone = match zones.iter().find(|(n, _)| n.as_bytes() == zone) {
            Some((_, tz)) => *tz,
            None => {
                let name = String::from_utf8_lossy(zone).into_owned();
                let tz = name.parse().ok();
                zones.push((name, tz));
                tz
            }
        };
        each(Reach {
            contact_id: r.get(0)?,
            consent: if r.get(1)? { Consent::Yes } else { Consent::No },
            status: match r.get::<_, i64>(2)? {
                1 => Status::Unsubscribed,
                2 => Status::Blocked,
                _ => Status::Active,
            },
            has_phone: r.get(3)?,
            has_tg_chat: r.get(4)?,
            has_tg_username: r.get(5)?,
            time_zone,
        })?;
    }
    Ok(())
}
