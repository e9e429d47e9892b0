//! Stored RFM scores: written whole by [`crate::rfm::recompute`], read by segment rules, the
//! RFM screen and `adresat rfm --out`.

use chrono::NaiveDate;

use super::Store;
use crate::error::Result;
use crate::model::rfm::{Group, Scored};
use crate::model::task::Task;

/// A contact's id with the keys an export names them by: external id, phone.
pub type BuyerKeys = (i64, Option<String>, Option<String>);

/// A scored customer with the keys an export names them by.
#[derive(Debug, Clone, PartialEq)]
pub struct RfmRow {
    pub scored: Scored,
    pub external_id: Option<String>,
    pub phone: Option<String>,
}

impl Store {
    /// Replaces the stored scores with `customers`, as of `as_of` with the cut points `cuts`
    /// (JSON), in one transaction.
    pub fn save_rfm(
        &mut self,
        customers: &[Scored],
        as_of: NaiveDate,
        cuts: &str,
        task: Task,
    ) -> Result<()> {
        // Every id comes from the orders of existing contacts: checking each against the contacts
        // table (and deleting row by row for the checks' sake) would triple the time. The pragma
        // cannot change inside a transaction, so it is turned off around it.
        self.conn().pragma_update(None, "foreign_keys", "OFF")?;
        let saved = self.write_rfm(customers, as_of, cuts, task);
        self.conn().pragma_update(None, "foreign_keys", "ON")?;
        saved
    }

    fn write_rfm(
        &mut self,
        customers: &[Scored],
        as_of: NaiveDate,
        cuts: &str,
        task: Task,
    ) -> Result<()> {
        let tx = self.conn_mut().transaction()?;
        tx.execute_batch("DELETE FROM rfm")?;
        const ROWS: usize = 100;
        let values = |n: usize| {
            (0..n)
                .map(|i| {
                    let b = i * 8;
                    format!(
                        "(?{}, ?{}, ?{}, ?{}, ?{}, ?{}, ?{}, ?{})",
                        b + 1,
                        b + 2,
                        b + 3,
                        b + 4,
                        b + 5,
                        b + 6,
                        b + 7,
                        b + 8
                    )
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let insert = |n: usize| {
            format!(
                "INSERT INTO rfm (contact_id, recency_days, frequency, monetary_kop, r, f, m, grp) VALUES {}",
                values(n)
            )
        };
        let full = insert(ROWS);
        for (i, chunk) in customers.chunks(ROWS).enumerate() {
            if i % 100 == 0 {
                let done = i * ROWS;
                task.report(done as f32 / customers.len().max(1) as f32, done as u64);
                task.stop_if()?;
            }
            let sql = if chunk.len() == ROWS {
                full.clone()
            } else {
                insert(chunk.len())
            };
            let mut stmt = tx.prepare_cached(&sql)?;
            let params: Vec<rusqlite::types::Value> = chunk
                .iter()
                .flat_map(|c| {
                    [
                        c.contact_id.into(),
                        c.recency_days.into(),
                        c.frequency.into(),
                        c.monetary_kop.into(),
                        i64::from(c.r).into(),
                        i64::from(c.f).into(),
                        i64::from(c.m).into(),
                        c.group.as_str().to_owned().into(),
                    ]
                })
                .collect();
            stmt.execute(rusqlite::params_from_iter(params))?;
        }
        tx.execute(
            "INSERT INTO settings (key, value) VALUES ('rfm.computed_as_of', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [as_of.to_string()],
        )?;
        tx.execute(
            "INSERT INTO settings (key, value) VALUES ('rfm.computed_cuts', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [cuts],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// How many contacts the base holds.
    pub fn contact_count(&self) -> Result<u64> {
        let n: i64 = self
            .conn()
            .query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))?;
        Ok(n as u64)
    }

    /// The date the stored scores are as of, if any were computed.
    pub fn rfm_computed_as_of(&self) -> Result<Option<NaiveDate>> {
        let text: Option<String> = rusqlite::OptionalExtension::optional(self.conn().query_row(
            "SELECT value FROM settings WHERE key = 'rfm.computed_as_of'",
            [],
            |r| r.get(0),
        ))?;
        Ok(text.and_then(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok()))
    }

    /// The stored RFM group of a contact, if it has orders.
    pub fn rfm_group(&self, contact_id: i64) -> Result<Option<Group>> {
        let group: Option<String> = rusqlite::OptionalExtension::optional(self.conn().query_row(
            "SELECT grp FROM rfm WHERE contact_id = ?1",
            [contact_id],
            |r| r.get(0),
        ))?;
        Ok(group.and_then(|g| Group::parse(&g)))
    }

    /// The cut points (JSON) the stored scores were computed with.
    pub fn rfm_computed_cuts(&self) -> Result<Option<String>> {
        Ok(rusqlite::OptionalExtension::optional(
            self.conn().query_row(
                "SELECT value FROM settings WHERE key = 'rfm.computed_cuts'",
                [],
                |r| r.get(0),
            ),
        )?)
    }

    /// The external id and the phone of every contact with orders or purchase totals (every
    /// one RFM may score), by contact id ascending: a file of scores names its customers by them.
    /// Read from the two keys' indexes, a tenth of the contacts' rows.
    pub fn buyers_keys(&self) -> Result<Vec<BuyerKeys>> {
        let mut buyers = roaring::RoaringTreemap::new();
        for table in ["order_totals", "purchase_summary"] {
            let mut stmt = self
                .conn()
                .prepare(&format!("SELECT contact_id FROM {table}"))?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                buyers.insert(row.get::<_, i64>(0)? as u64);
            }
        }
        let of_buyers = |sql: &str| -> Result<Vec<(i64, String)>> {
            let mut stmt = self.conn().prepare(sql)?;
            let mut rows = stmt.query([])?;
            let mut found = Vec::with_capacity(buyers.len() as usize);
            while let Some(row) = rows.next()? {
                let id: i64 = row.get(0)?;
                if buyers.contains(id as u64) {
                    found.push((id, row.get(1)?));
                }
            }
            found.sort_unstable_by_key(|(id, _)| *id);
            Ok(found)
        };
        let mut external =
            of_buyers("SELECT id, external_id FROM contacts WHERE external_id IS NOT NULL")?
                .into_iter()
                .peekable();
        let mut phones = of_buyers("SELECT id, phone FROM contacts WHERE phone IS NOT NULL")?
            .into_iter()
            .peekable();
        Ok(buyers
            .iter()
            .map(|id| {
                let id = id as i64;
                let external_id = external.next_if(|(e, _)| *e == id).map(|(_, k)| k);
                let phone = phones.next_if(|(p, _)| *p == id).map(|(_, k)| k);
                (id, external_id, phone)
            })
            .collect())
    }

    /// Copies what the log of recent writes holds into the base file now, without waiting for
    /// readers: done beside other work, it spares the closing of the base that wait.
    pub fn checkpoint(&self) -> Result<()> {
        self.conn()
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Every stored score with the customer's external id and phone, by contact id.
    pub fn rfm_rows(&self) -> Result<Vec<RfmRow>> {
        let mut stmt = self.conn().prepare(
            "SELECT r.contact_id, r.recency_days, r.frequency, r.monetary_kop, r.r, r.f, r.m, r.grp,
                    c.external_id, c.phone
             FROM rfm r JOIN contacts c ON c.id = r.contact_id ORDER BY r.contact_id",
        )?;
        let rows = stmt
            .query_map([], |r| {
                let group: String = r.get(7)?;
                Ok(RfmRow {
                    scored: Scored {
                        contact_id: r.get(0)?,
                        recency_days: r.get(1)?,
                        frequency: r.get(2)?,
                        monetary_kop: r.get(3)?,
                        r: r.get(4)?,
                        f: r.get(5)?,
                        m: r.get(6)?,
                        group: Group::parse(&group).unwrap_or(Group::Lost),
                    },
                    external_id: r.get(8)?,
                    phone: r.get(9)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}
