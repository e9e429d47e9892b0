//! The owner's export profiles, saved by name as their JSON.

use super::Store;
use crate::error::Result;

impl Store {
    /// The saved profiles' JSON texts, by name (alphabetically).
    pub fn profile_texts(&self) -> Result<Vec<(String, String)>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT name, profile FROM export_profiles ORDER BY name COLLATE NOCASE")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Saves the profile `name` as `text` at `at`, replacing one of that name.
    pub fn save_profile_text(
        &self,
        name: &str,
        text: &str,
        at: chrono::DateTime<chrono::Utc>,
    ) -> Result<()> {
        self.conn().execute(
            "INSERT INTO export_profiles (name, profile, saved_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (name) DO UPDATE SET profile = excluded.profile, saved_at = excluded.saved_at",
            rusqlite::params![name, text, crate::model::time::Moment::of(at)],
        )?;
        Ok(())
    }

    /// Deletes the saved profile `name`; false when there was none.
    pub fn delete_profile(&self, name: &str) -> Result<bool> {
        let n = self
            .conn()
            .execute("DELETE FROM export_profiles WHERE name = ?1", [name])?;
        Ok(n > 0)
    }
}
