//! Activity events — what a customer did on the site, in the shop or in a CRM: the row, and the
//! writer's statements that save it.

use rusqlite::{OptionalExtension, params};

use super::{Saved, Writer};
use crate::error::Result;
use crate::model::time::Moment;

/// One activity event. Its kind is a name (`model::activity`): one every shop reports, or the
/// owner's own; the value is in kopecks.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Activity {
    pub contact_id: i64,
    pub kind: String,
    pub at: Moment,
    pub product: String,
    pub category: String,
    pub value_kop: Option<i64>,
    pub url: String,
}

impl Writer<'_> {
    /// Saves an activity event. The same contact, kind, moment, product and category is the
    /// same event: read again, its value and link are updated when the file changed them.
    pub fn save_activity(&self, a: &Activity) -> Result<Saved> {
        let kind = self.event_kind_id(&a.kind)?;
        let at = a.at.utc().timestamp();
        let key = params![a.contact_id, kind, at, a.product, a.category];
        let stored: Option<(Option<i64>, String)> = self
            .tx
            .prepare_cached(
                "SELECT value_kop, url FROM activity
                 WHERE contact_id = ?1 AND kind = ?2 AND at = ?3 AND product = ?4 AND category = ?5",
            )?
            .query_row(key, |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let saved = match stored {
            None => Saved::Inserted,
            Some((value, url)) if value == a.value_kop && url == a.url => {
                return Ok(Saved::Unchanged);
            }
            Some(_) => Saved::Updated,
        };
        self.tx
            .prepare_cached(
                "INSERT OR REPLACE INTO activity (contact_id, kind, at, product, category, value_kop, url)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                a.contact_id,
                kind,
                at,
                a.product,
                a.category,
                a.value_kop,
                a.url
            ])?;
        Ok(saved)
    }

    /// The number of the kind of event named `name` in `event_kinds`, added when new (an owner's
    /// own kind of activity, first imported).
    fn event_kind_id(&self, name: &str) -> Result<i64> {
        self.numbered(
            &self.kind_ids,
            "INSERT OR IGNORE INTO event_kinds (name) VALUES (?1)",
            "SELECT id FROM event_kinds WHERE name = ?1",
            name,
            &[],
        )
    }
}
