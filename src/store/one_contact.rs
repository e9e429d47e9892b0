//! Everything the segment conditions read about one contact, in one go: their events and
//! activity, their orders with the items, their RFM scores and unanswered streak — what "why is
//! she (not) in this segment" shows beside each condition.

use rusqlite::OptionalExtension;

use super::Store;
use super::contacts::Contact;
use crate::error::Result;
use crate::model::time::Moment;

/// One event of the contact's from a sending service's results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventAt {
    pub campaign: String,
    /// The kind's number (`store::kind_id`).
    pub kind: i64,
    pub button: String,
    /// Unix seconds.
    pub at: i64,
}

/// One activity of the contact's on the site or in the shop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityAt {
    /// The kind's name (`viewed`, the owner's own word).
    pub kind: String,
    pub product: String,
    pub category: String,
    pub value_kop: Option<i64>,
    /// Unix seconds.
    pub at: i64,
}

/// One order of the contact's: its own product and category and those of its items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderAt {
    pub at: Moment,
    pub amount_kop: i64,
    pub products: Vec<String>,
    pub categories: Vec<String>,
}

/// The contact's stored RFM scores and group name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scores {
    pub r: u8,
    pub f: u8,
    pub m: u8,
    pub group: String,
}

/// What the base holds about one contact that a rule can ask.
#[derive(Debug, Clone, PartialEq)]
pub struct AboutContact {
    pub contact: Contact,
    pub tags: Vec<String>,
    pub events: Vec<EventAt>,
    pub activity: Vec<ActivityAt>,
    /// Oldest first.
    pub orders: Vec<OrderAt>,
    pub rfm: Option<Scores>,
    /// Campaigns delivered in a row, the latest first, that found no reaction.
    pub unanswered: i64,
}

impl Store {
    /// What the base holds about contact `id`, or `None` if there is no such contact.
    pub fn about_contact(&self, id: i64) -> Result<Option<AboutContact>> {
        let Some((contact, tags)) = self.contact(id)? else {
            return Ok(None);
        };
        let conn = self.conn();
        let events = conn
            .prepare(
                "SELECT c.name, e.kind, e.button, e.at
                 FROM events e JOIN event_campaigns c ON c.id = e.campaign_id
                 WHERE e.contact_id = ?1 ORDER BY e.at",
            )?
            .query_map([id], |r| {
                Ok(EventAt {
                    campaign: r.get(0)?,
                    kind: r.get(1)?,
                    button: r.get(2)?,
                    at: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let activity = conn
            .prepare(
                "SELECT k.name, a.product, a.category, a.value_kop, a.at
                 FROM activity a JOIN event_kinds k ON k.id = a.kind
                 WHERE a.contact_id = ?1 ORDER BY a.at",
            )?
            .query_map([id], |r| {
                Ok(ActivityAt {
                    kind: r.get(0)?,
                    product: r.get(1)?,
                    category: r.get(2)?,
                    value_kop: r.get(3)?,
                    at: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let rfm = conn
            .query_row(
                "SELECT r, f, m, grp FROM rfm WHERE contact_id = ?1",
                [id],
                |r| {
                    Ok(Scores {
                        r: r.get(0)?,
                        f: r.get(1)?,
                        m: r.get(2)?,
                        group: r.get(3)?,
                    })
                },
            )
            .optional()?;
        let unanswered = conn
            .query_row(
                "SELECT unengaged_streak FROM engagement WHERE contact_id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(0);
        Ok(Some(AboutContact {
            orders: self.orders_with_items(id)?,
            contact,
            tags,
            events,
            activity,
            rfm,
            unanswered,
        }))
    }

    /// The contacts whose external id is `id`, whichever system gave it, with the system.
    pub fn external_id_holders(&self, id: &str) -> Result<Vec<(i64, String)>> {
        let rows = self
            .conn()
            .prepare(
                "SELECT id, id_system FROM contacts WHERE external_id = ?1 ORDER BY id_system",
            )?
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The contact's orders, oldest first, each with its items' products and categories after
    /// its own.
    fn orders_with_items(&self, id: i64) -> Result<Vec<OrderAt>> {
        let conn = self.conn();
        let mut items = conn.prepare_cached(
            "SELECT product, category FROM order_items WHERE order_row = ?1 ORDER BY n",
        )?;
        let rows = conn
            .prepare(
                "SELECT id, ordered_at, amount_kop, product, category FROM orders
                 WHERE contact_id = ?1 ORDER BY ordered_at, id",
            )?
            .query_map([id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    OrderAt {
                        at: r.get(1)?,
                        amount_kop: r.get(2)?,
                        products: r.get::<_, Option<String>>(3)?.into_iter().collect(),
                        categories: r.get::<_, Option<String>>(4)?.into_iter().collect(),
                    },
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut orders = Vec::with_capacity(rows.len());
        for (row, mut order) in rows {
            let lines = items
                .query_map([row], |r| {
                    Ok((
                        r.get::<_, Option<String>>(0)?,
                        r.get::<_, Option<String>>(1)?,
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            for (product, category) in lines {
                order.products.extend(product);
                order.categories.extend(category);
            }
            orders.push(order);
        }
        Ok(orders)
    }
}
