//! Saved scenarios: by name, as their JSON (`model::scenario`).

use chrono::{DateTime, Utc};
use rusqlite::OptionalExtension;

use super::Store;
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::model::scenario::Scenario;
use crate::model::time::Moment;

impl Store {
    /// Saves `body` (a scenario's JSON) as the scenario `name`, in place of one of that name;
    /// the scenario `renamed` (its old name) goes, in the same transaction.
    pub fn save_scenario(
        &self,
        name: &str,
        body: &str,
        renamed: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let tx = self.conn().unchecked_transaction()?;
        tx.execute(
            "INSERT INTO scenarios (name, body, saved_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (name) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at",
            rusqlite::params![name, body, Moment::of(now)],
        )?;
        if let Some(old) = renamed {
            tx.execute("DELETE FROM scenarios WHERE name = ?1", [old])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The saved scenario `name`, if any.
    pub fn scenario(&self, name: &str) -> Result<Option<Scenario>> {
        let body: Option<String> = self
            .conn()
            .query_row("SELECT body FROM scenarios WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .optional()?;
        body.map(|b| parse_stored(name, &b)).transpose()
    }

    /// Every saved scenario, by name.
    pub fn scenarios(&self) -> Result<Vec<Scenario>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT name, body FROM scenarios ORDER BY name")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.iter()
            .map(|(name, body)| parse_stored(name, body))
            .collect()
    }

    /// Deletes the scenario `name`; false when there was none.
    pub fn delete_scenario(&self, name: &str) -> Result<bool> {
        Ok(self
            .conn()
            .execute("DELETE FROM scenarios WHERE name = ?1", [name])?
            == 1)
    }
}

fn parse_stored(name: &str, body: &str) -> Result<Scenario> {
    Scenario::from_json(body).map_err(|e| {
        Error::user(
            Msg::new("scenario-error-stored")
                .arg("name", name)
                .arg("reason", e.to_string()),
        )
    })
}
