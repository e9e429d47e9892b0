//! Stored RFM scores: written whole by [`crate::rfm::recompute`], read by segment rules, the
//! RFM screen and `adresat rfm --out`.

use chrono::NaiveDate;

use super::Store;
use crate::error::Result;
use crate::rfm::{Group, Scored};

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
    pub fn save_rfm(&mut self, customers: &[Scored], as_of: NaiveDate, cuts: &str) -> Result<()> {
        let tx = self.conn_mut().transaction()?;
        tx.execute("DELETE FROM rfm", [])?;
        {
            let mut stmt = tx.prepare(
                "INSERT INTO rfm (contact_id, recency_days, frequency, monetary_kop, r, f, m, grp)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            for c in customers {
                stmt.execute((
                    c.contact_id,
                    c.recency_days,
                    c.frequency,
                    c.monetary_kop,
                    c.r,
                    c.f,
                    c.m,
                    c.group.as_str(),
                ))?;
            }
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

    /// The date the stored scores are as of, if any were computed.
    pub fn rfm_computed_as_of(&self) -> Result<Option<NaiveDate>> {
        let text: Option<String> = rusqlite::OptionalExtension::optional(self.conn().query_row(
            "SELECT value FROM settings WHERE key = 'rfm.computed_as_of'",
            [],
            |r| r.get(0),
        ))?;
        Ok(text.and_then(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok()))
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
