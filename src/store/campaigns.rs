//! Saved campaigns, and the per-contact facts their messages draw on.

use rusqlite::OptionalExtension;

use super::Store;
use super::browse::OrderLine;
use super::{Consent, Status};
use crate::campaign::Campaign;
use crate::error::{Error, Result};
use crate::i18n::Msg;

impl Store {
    /// Saves `campaign` under its name, replacing one of that name.
    pub fn save_campaign(&self, campaign: &Campaign) -> Result<()> {
        self.conn().execute(
            "INSERT INTO campaigns (name, campaign, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (name) DO UPDATE SET campaign = excluded.campaign, updated_at = excluded.updated_at",
            (
                campaign.name.trim(),
                campaign.to_json(),
                crate::import::values::format_utc(chrono::Utc::now()),
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
                "SELECT order_id, ordered_at, amount_kop, product FROM orders
                 WHERE contact_id = ?1 ORDER BY ordered_at DESC, id DESC LIMIT 1",
                [contact_id],
                |r| {
                    Ok(OrderLine {
                        order_id: r.get(0)?,
                        ordered_at: r.get(1)?,
                        amount_kop: r.get(2)?,
                        product: r.get(3)?,
                    })
                },
            )
            .optional()?)
    }
}

/// What a campaign's audience is decided on, per contact: consent, status and addresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reach {
    pub contact_id: i64,
    pub consent: Consent,
    pub status: Status,
    pub has_phone: bool,
    pub has_telegram: bool,
}

/// Which of a message's facts to read: only what the templates use is looked up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FactNeeds {
    pub last_order: bool,
    pub rfm: bool,
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
    pub time_zone: String,
    /// The custom fields as stored (a JSON object).
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

    /// Calls `each` with every contact's consent, status and addresses, by id.
    pub fn each_reach(&self, each: &mut dyn FnMut(Reach) -> Result<()>) -> Result<()> {
        let mut stmt = self.conn().prepare(
            "SELECT id, consent, status, phone IS NOT NULL,
                    tg_chat_id IS NOT NULL OR tg_username IS NOT NULL
             FROM contacts ORDER BY id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            each(Reach {
                contact_id: r.get(0)?,
                consent: Consent::parse(&r.get::<_, String>(1)?).unwrap_or(Consent::Unknown),
                status: Status::parse(&r.get::<_, String>(2)?).unwrap_or(Status::Active),
                has_phone: r.get(3)?,
                has_telegram: r.get(4)?,
            })?;
        }
        Ok(())
    }

    /// Calls `each` with the facts of the contacts `ids` (ascending), in that order; a contact
    /// deleted meanwhile is skipped. `each` returns false to stop.
    pub fn each_message_facts(
        &self,
        ids: &[i64],
        needs: &FactNeeds,
        each: &mut dyn FnMut(MessageFacts) -> Result<bool>,
    ) -> Result<()> {
        let order = if needs.last_order {
            "(SELECT json_array(o.order_id, o.ordered_at, o.amount_kop, o.product) FROM orders o
              WHERE o.contact_id = c.id ORDER BY o.ordered_at DESC, o.id DESC LIMIT 1)"
        } else {
            "NULL"
        };
        let rfm = if needs.rfm {
            "(SELECT grp FROM rfm WHERE rfm.contact_id = c.id)"
        } else {
            "NULL"
        };
        let interest = if needs.interest_prefix.is_some() {
            "(SELECT substr(n.name, length(?1) + 1) FROM tags t JOIN tag_names n ON n.id = t.tag_id
              WHERE t.contact_id = c.id AND substr(n.name, 1, length(?1)) = ?1
              ORDER BY n.name LIMIT 1)"
        } else {
            // The prefix stays bound as ?1 either way, so the ids are always ?2 onwards.
            "?1"
        };
        let prefix = needs.interest_prefix.clone().unwrap_or_default();
        for chunk in ids.chunks(FACTS_CHUNK) {
            let marks = vec!["?"; chunk.len()].join(",");
            let sql = format!(
                "SELECT c.id, c.external_id, c.name, c.first_name, c.city, c.phone,
                        coalesce(c.tg_chat_id, c.tg_username), c.time_zone, c.custom,
                        {order}, {rfm}, {interest}
                 FROM contacts c WHERE c.id IN ({marks}) ORDER BY c.id"
            );
            let mut stmt = self.conn().prepare_cached(&sql)?;
            let params: Vec<&dyn rusqlite::ToSql> =
                std::iter::once(&prefix as &dyn rusqlite::ToSql)
                    .chain(chunk.iter().map(|id| id as &dyn rusqlite::ToSql))
                    .collect();
            let mut rows = stmt.query(params.as_slice())?;
            while let Some(r) = rows.next()? {
                let last_order = r
                    .get::<_, Option<String>>(9)?
                    .and_then(|j| serde_json::from_str::<OrderJson>(&j).ok())
                    .map(|(order_id, ordered_at, amount_kop, product)| OrderLine {
                        order_id,
                        ordered_at,
                        amount_kop,
                        product,
                    });
                let facts = MessageFacts {
                    contact_id: r.get(0)?,
                    external_id: r.get(1)?,
                    name: r.get(2)?,
                    first_name: r.get(3)?,
                    city: r.get(4)?,
                    phone: r.get(5)?,
                    telegram: r.get(6)?,
                    time_zone: r.get(7)?,
                    custom: r.get(8)?,
                    last_order,
                    rfm_group: r.get(10)?,
                    interest: if needs.interest_prefix.is_some() {
                        r.get(11)?
                    } else {
                        None
                    },
                };
                if !each(facts)? {
                    return Ok(());
                }
            }
        }
        Ok(())
    }
}

/// A last order as the facts query packs it.
type OrderJson = (Option<String>, String, i64, Option<String>);
