//! The reactions that tell each contact's own time, by local hour (`reaction_hours`), as the
//! planner and the Plan screen's plot read them.

use super::Store;
use crate::error::Result;
use crate::model::reaction_hours::Hours;

impl Store {
    /// Hands `each` every contact's telling reactions by local hour in turn, by contact id:
    /// for a plan of a million, holding only its own members' hours.
    pub fn each_reaction_hours(&self, mut each: impl FnMut(i64, &Hours)) -> Result<()> {
        let mut stmt = self.conn().prepare(
            "SELECT contact_id, hour, reactions, weight FROM reaction_hours ORDER BY contact_id",
        )?;
        let mut rows = stmt.query([])?;
        let mut current: Option<(i64, Hours)> = None;
        while let Some(row) = rows.next()? {
            let (id, hour, n, weight): (i64, u8, u32, f64) =
                (row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?);
            match &mut current {
                Some((at, hours)) if *at == id => hours.add(hour, n, weight),
                _ => {
                    if let Some((at, hours)) = &current {
                        each(*at, hours);
                    }
                    let mut hours = Hours::default();
                    hours.add(hour, n, weight);
                    current = Some((id, hours));
                }
            }
        }
        if let Some((at, hours)) = &current {
            each(*at, hours);
        }
        Ok(())
    }

    /// The whole base's telling reactions by local hour, and how many contacts have a best hour
    /// of their own.
    pub fn base_reaction_hours(&self) -> Result<(Hours, u64)> {
        let mut hours = Hours::default();
        let mut stmt = self.conn().prepare(
            "SELECT hour, sum(reactions), sum(weight) FROM reaction_hours GROUP BY hour",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            hours.add(row.get(0)?, row.get(1)?, row.get(2)?);
        }
        let learned: i64 = self.conn().query_row(
            "SELECT count(*) FROM (SELECT contact_id FROM reaction_hours
                 GROUP BY contact_id HAVING sum(reactions) >= ?1)",
            [crate::model::reaction_hours::MIN_TELLING],
            |r| r.get(0),
        )?;
        Ok((hours, learned as u64))
    }
}

/// One contact's telling reactions by local hour, as their card shows them.
pub(super) fn of_contact(conn: &rusqlite::Connection, id: i64) -> Result<Hours> {
    let mut hours = Hours::default();
    let mut stmt = conn.prepare_cached(
        "SELECT hour, reactions, weight FROM reaction_hours WHERE contact_id = ?1",
    )?;
    let mut rows = stmt.query([id])?;
    while let Some(row) = rows.next()? {
        hours.add(row.get(0)?, row.get(1)?, row.get(2)?);
    }
    Ok(hours)
}
