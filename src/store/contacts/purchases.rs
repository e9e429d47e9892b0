//! Orders, their items, the purchase totals a customers export states, and campaign events:
//! the rows, and the writer's statements that save them.

use rusqlite::{OptionalExtension, params};

use super::Writer;
use crate::error::Result;
use crate::model::contact::EventKind;
use crate::model::time::Moment;

/// One order, amounts in kopecks.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Order {
    pub contact_id: i64,
    pub order_id: Option<String>,
    pub ordered_at: Moment,
    pub amount_kop: i64,
    pub product: Option<String>,
    pub category: Option<String>,
}

impl Order {
    /// What makes two imported orders the same: the shop's order id, or else everything and
    /// which of the file's identical rows it is (`nth`, from 1): a customer who bought the same
    /// for the same amount twice on a day made two purchases, and the same file read again
    /// names the same two.
    fn dedup_key(&self, nth: u32) -> String {
        match &self.order_id {
            Some(id) => format!("id:{id}"),
            None => {
                let key = self.row_key();
                if nth > 1 { format!("{key}#{nth}") } else { key }
            }
        }
    }

    /// Everything an order without an id is told apart by.
    pub fn row_key(&self) -> String {
        format!(
            "row:{}|{}|{}|{}|{}",
            self.contact_id,
            self.ordered_at,
            self.amount_kop,
            self.product.as_deref().unwrap_or(""),
            self.category.as_deref().unwrap_or("")
        )
    }
}

/// One item of an order: a shop's line item, or one of the items a cell lists.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OrderItem {
    pub product: Option<String>,
    pub category: Option<String>,
    pub quantity: i64,
    /// The price of one, in kopecks, when the file gives it.
    pub price_kop: Option<i64>,
}

/// What a customers export says of a contact's purchases when it lists no orders: how many,
/// their total, the last one's moment.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct PurchaseSummary {
    pub orders: Option<i64>,
    pub spent_kop: Option<i64>,
    pub last_order_at: Option<Moment>,
}

/// One event from a sending service.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Event {
    pub contact_id: i64,
    pub campaign: String,
    pub message_id: String,
    pub kind: EventKind,
    pub button: String,
    pub at: Moment,
}

/// What saving a row did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Inserted,
    Updated,
    Unchanged,
}

impl Writer<'_> {
    /// Saves an order; one with the same order id (or, without one, the same everything and the
    /// same `nth` of the file's identical rows) is updated. Returns what happened and the
    /// order's row, which its items name.
    pub fn save_order(&self, o: &Order, nth: u32) -> Result<(Saved, i64)> {
        let key = o.dedup_key(nth);
        let existing = self
            .tx
            .prepare_cached(
                "SELECT id, contact_id, order_id, ordered_at, amount_kop, product, category
                 FROM orders WHERE dedup_key = ?1",
            )?
            .query_row([&key], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    Order {
                        contact_id: r.get(1)?,
                        order_id: r.get(2)?,
                        ordered_at: r.get(3)?,
                        amount_kop: r.get(4)?,
                        product: r.get(5)?,
                        category: r.get(6)?,
                    },
                ))
            })
            .optional()?;
        let Some((id, stored)) = existing else {
            self.tx
                .prepare_cached(
                    "INSERT INTO orders (contact_id, order_id, ordered_at, amount_kop, product, category, dedup_key)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )?
                .execute(params![o.contact_id, o.order_id, o.ordered_at, o.amount_kop, o.product, o.category, key])?;
            self.orders_changed.borrow_mut().insert(o.contact_id);
            return Ok((Saved::Inserted, self.tx.last_insert_rowid()));
        };
        // Non-empty values win: a file without the product column keeps the stored product.
        let merged = Order {
            product: o.product.clone().or(stored.product.clone()),
            category: o.category.clone().or(stored.category.clone()),
            ..o.clone()
        };
        if merged == stored {
            return Ok((Saved::Unchanged, id));
        }
        self.tx
            .prepare_cached(
                "UPDATE orders SET contact_id = ?2, ordered_at = ?3, amount_kop = ?4, product = ?5, category = ?6
                 WHERE id = ?1",
            )?
            .execute(params![
                id,
                merged.contact_id,
                merged.ordered_at,
                merged.amount_kop,
                merged.product,
                merged.category
            ])?;
        self.orders_changed
            .borrow_mut()
            .extend([stored.contact_id, merged.contact_id]);
        Ok((Saved::Updated, id))
    }

    /// Recomputes the count, total and last moment of the orders of every contact whose orders
    /// this transaction changed (`order_totals`, which the segment conditions on orders read).
    pub(super) fn refresh_order_totals(&self) -> Result<()> {
        let changed = std::mem::take(&mut *self.orders_changed.borrow_mut());
        if changed.is_empty() {
            return Ok(());
        }
        self.tx.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS orders_changed (id INTEGER PRIMARY KEY);
             DELETE FROM temp.orders_changed;",
        )?;
        let mut sorted: Vec<i64> = changed.into_iter().collect();
        sorted.sort_unstable();
        let mut add = self
            .tx
            .prepare_cached("INSERT INTO temp.orders_changed (id) VALUES (?1)")?;
        for id in sorted {
            add.execute([id])?;
        }
        self.tx.execute_batch(
            "DELETE FROM order_totals WHERE contact_id IN (SELECT id FROM temp.orders_changed);
             INSERT INTO order_totals (contact_id, orders, total_kop, last_at)
                 SELECT contact_id, count(*), sum(amount_kop), max(ordered_at) FROM orders
                 WHERE contact_id IN (SELECT id FROM temp.orders_changed) GROUP BY contact_id;
             DELETE FROM temp.orders_changed;",
        )?;
        Ok(())
    }

    /// Keeps what a customers file says of `contact_id`'s purchases, a value the file leaves
    /// empty staying as stored; returns whether anything changed.
    pub fn save_summary(&self, contact_id: i64, said: &PurchaseSummary) -> Result<bool> {
        let stored = self
            .tx
            .prepare_cached(
                "SELECT orders, spent_kop, last_order_at FROM purchase_summary WHERE contact_id = ?1",
            )?
            .query_row([contact_id], |r| {
                Ok(PurchaseSummary {
                    orders: r.get(0)?,
                    spent_kop: r.get(1)?,
                    last_order_at: r.get(2)?,
                })
            })
            .optional()?
            .unwrap_or_default();
        let merged = PurchaseSummary {
            orders: said.orders.or(stored.orders),
            spent_kop: said.spent_kop.or(stored.spent_kop),
            last_order_at: said.last_order_at.clone().or(stored.last_order_at.clone()),
        };
        if merged == stored {
            return Ok(false);
        }
        self.tx
            .prepare_cached(
                "INSERT OR REPLACE INTO purchase_summary (contact_id, orders, spent_kop, last_order_at)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![contact_id, merged.orders, merged.spent_kop, merged.last_order_at])?;
        Ok(true)
    }

    /// Saves the `n`-th item (from 1) of the order in row `order_row`; returns whether it was
    /// new or changed. The same file read again names each item by the same place.
    pub fn save_item(&self, order_row: i64, n: u32, item: &OrderItem) -> Result<bool> {
        let stored = self
            .tx
            .prepare_cached(
                "SELECT product, category, quantity, price_kop FROM order_items
                 WHERE order_row = ?1 AND n = ?2",
            )?
            .query_row(params![order_row, n], |r| {
                Ok(OrderItem {
                    product: r.get(0)?,
                    category: r.get(1)?,
                    quantity: r.get(2)?,
                    price_kop: r.get(3)?,
                })
            })
            .optional()?;
        if stored.as_ref() == Some(item) {
            return Ok(false);
        }
        self.tx
            .prepare_cached(
                "INSERT OR REPLACE INTO order_items (order_row, n, product, category, quantity, price_kop)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                order_row,
                n,
                item.product,
                item.category,
                item.quantity,
                item.price_kop
            ])?;
        Ok(true)
    }

    /// Saves an event unless the very same one is stored; returns whether it was new.
    pub fn add_event(&self, e: &Event) -> Result<bool> {
        let at = e.at.utc().timestamp();
        let campaign = self.campaign_id(&e.campaign, at)?;
        let added = self
            .tx
            .prepare_cached(
                "INSERT OR IGNORE INTO events (contact_id, campaign_id, message_id, kind, button, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![e.contact_id, campaign, e.message_id, e.kind, e.button, at])?;
        Ok(added == 1)
    }

    /// The number of a campaign's name in `event_campaigns`, made on first use with `at` as its
    /// first moment (the engagement refresh moves it earlier when an earlier event comes).
    fn campaign_id(&self, name: &str, at: i64) -> Result<i64> {
        self.numbered(
            &self.campaign_ids,
            "INSERT OR IGNORE INTO event_campaigns (name, first_at) VALUES (?1, ?2)",
            "SELECT id FROM event_campaigns WHERE name = ?1",
            name,
            &[&at],
        )
    }
}
