//! Saved campaigns, and the per-contact facts their messages draw on.

use rusqlite::OptionalExtension;

use super::Store;
use super::browse::OrderLine;
use crate::campaign::Campaign;
use crate::error::Result;

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
