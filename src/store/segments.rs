//! Saved segments and flows. A segment is stored as its rule, never as a list of contacts: it is
//! evaluated afresh each time, so it follows the base as imports change it.

use rusqlite::OptionalExtension;

use super::Store;
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::model::rule::Rule;
use crate::model::time::Moment;

/// A segment as listed.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedSegment {
    pub name: String,
    pub rule: Rule,
    pub notes: String,
    /// When it was last saved.
    pub updated_at: Moment,
}

impl Store {
    /// Every saved segment, by name. A rule the stored text no longer parses as is an error
    /// naming the segment.
    pub fn segments(&self) -> Result<Vec<SavedSegment>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT name, rule, notes, updated_at FROM segments ORDER BY name")?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Moment>(3)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(name, rule, notes, updated_at)| {
                Ok(SavedSegment {
                    rule: parse_stored(&name, &rule)?,
                    name,
                    notes,
                    updated_at,
                })
            })
            .collect()
    }

    /// The rule saved as `name`.
    pub fn segment(&self, name: &str) -> Result<Option<Rule>> {
        let text: Option<String> = self
            .conn()
            .query_row("SELECT rule FROM segments WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .optional()?;
        text.map(|t| parse_stored(name, &t)).transpose()
    }

    /// Saves `rule` as `name` at the moment `now`, replacing a segment of that name.
    pub fn save_segment(
        &self,
        name: &str,
        rule: &Rule,
        notes: &str,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<()> {
        let name = checked_name(name)?;
        self.conn().execute(
            "INSERT INTO segments (name, rule, notes, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (name) DO UPDATE SET rule = excluded.rule, notes = excluded.notes,
                                              updated_at = excluded.updated_at",
            (name, rule.to_json(), notes, Moment::of(now)),
        )?;
        Ok(())
    }

    /// Renames a segment, and the references to it in other segments' rules, in one transaction
    /// at the moment `now`.
    pub fn rename_segment(
        &mut self,
        from: &str,
        to: &str,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<()> {
        let to = checked_name(to)?;
        if from == to {
            return Ok(());
        }
        if self.segment(to)?.is_some() {
            return Err(Error::user(
                Msg::new("segment-error-exists").arg("name", to),
            ));
        }
        let others = self.segments()?;
        let tx = self.conn_mut().transaction()?;
        let changed = tx.execute(
            "UPDATE segments SET name = ?2, updated_at = ?3 WHERE name = ?1",
            (from, to, Moment::of(now)),
        )?;
        if changed == 0 {
            return Err(Error::user(
                Msg::new("segment-error-not-found").arg("name", from),
            ));
        }
        for mut s in others {
            if s.rule.rename_segment(from, to) {
                tx.execute(
                    "UPDATE segments SET rule = ?2 WHERE name = ?1",
                    (&s.name, s.rule.to_json()),
                )?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Deletes a segment. Rules that refer to it then fail with a message naming it.
    pub fn delete_segment(&self, name: &str) -> Result<bool> {
        Ok(self
            .conn()
            .execute("DELETE FROM segments WHERE name = ?1", [name])?
            > 0)
    }

    /// Every saved flow: its name and its buttons in order.
    pub fn flows(&self) -> Result<Vec<(String, Vec<String>)>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT name, buttons FROM flows ORDER BY name")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows
            .into_iter()
            .map(|(name, buttons)| (name, serde_json::from_str(&buttons).unwrap_or_default()))
            .collect())
    }

    /// The number of the kind of event or activity named `name`, if the base knows it.
    pub fn event_kind_named(&self, name: &str) -> Result<Option<i64>> {
        Ok(self
            .conn()
            .query_row("SELECT id FROM event_kinds WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// The kinds of activity the base knows, the five every shop reports first, then the
    /// owner's own in the order they were first imported.
    pub fn activity_kinds(&self) -> Result<Vec<String>> {
        let first = crate::store::columns::FIRST_ACTIVITY_KIND;
        let mut stmt = self
            .conn()
            .prepare("SELECT name FROM event_kinds WHERE id >= ?1 ORDER BY id")?;
        let kinds = stmt
            .query_map([first], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(kinds)
    }

    /// The buttons of the flow `name`.
    pub fn flow(&self, name: &str) -> Result<Option<Vec<String>>> {
        let text: Option<String> = self
            .conn()
            .query_row("SELECT buttons FROM flows WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(text.map(|t| serde_json::from_str(&t).unwrap_or_default()))
    }

    /// Saves a flow: the buttons a contact clicks through, in order.
    pub fn save_flow(&self, name: &str, buttons: &[String]) -> Result<()> {
        let name = checked_name(name)?;
        let buttons: Vec<&str> = buttons
            .iter()
            .map(|b| b.trim())
            .filter(|b| !b.is_empty())
            .collect();
        if buttons.is_empty() {
            return Err(Error::user(
                Msg::new("flow-error-no-buttons").arg("flow", name),
            ));
        }
        self.conn().execute(
            "INSERT INTO flows (name, buttons) VALUES (?1, ?2)
             ON CONFLICT (name) DO UPDATE SET buttons = excluded.buttons",
            (
                name,
                serde_json::to_string(&buttons).expect("strings serialise"),
            ),
        )?;
        Ok(())
    }

    /// Deletes a flow; rules that need it then fail with a message naming it.
    pub fn delete_flow(&self, name: &str) -> Result<bool> {
        Ok(self
            .conn()
            .execute("DELETE FROM flows WHERE name = ?1", [name])?
            > 0)
    }

    /// Every tag name with its number, by name.
    pub fn tag_names(&self) -> Result<Vec<(i64, String)>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT id, name FROM tag_names ORDER BY name")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The tag groups (`интерес:*`) of the tags written `group:value`, sorted.
    pub fn tag_groups(tags: &[String]) -> Vec<String> {
        let mut groups: Vec<String> = tags
            .iter()
            .filter_map(|t| t.split_once(':').map(|(g, _)| format!("{g}:*")))
            .collect();
        groups.sort();
        groups.dedup();
        groups
    }

    /// Whether some contact has the custom field `name`.
    pub fn has_custom_field(&self, name: &str) -> Result<bool> {
        Ok(self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM contacts WHERE custom ->> ?1 IS NOT NULL)",
            [name],
            |r| r.get(0),
        )?)
    }
}

fn checked_name(name: &str) -> Result<&str> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::user(Msg::new("segment-error-empty-name")));
    }
    Ok(name)
}

fn parse_stored(name: &str, text: &str) -> Result<Rule> {
    Rule::from_json(text).map_err(|e| {
        Error::user(
            Msg::new("segment-error-stored")
                .arg("name", name)
                .arg("reason", e.to_string()),
        )
    })
}

impl Store {
    /// Calls `each` with the first column of every row `select` gives: the contact ids a part
    /// of a compiled rule holds. Its `?N` are the first of `params` (a part binds only some of
    /// its rule's values).
    pub fn each_id(
        &self,
        select: &str,
        params: &[rusqlite::types::Value],
        mut each: impl FnMut(i64),
    ) -> Result<()> {
        let mut stmt = self.conn().prepare(select)?;
        for i in 1..=stmt.parameter_count() {
            let value = params
                .get(i - 1)
                .ok_or(rusqlite::Error::InvalidParameterCount(i, params.len()))?;
            stmt.raw_bind_parameter(i, value)?;
        }
        let mut rows = stmt.raw_query();
        while let Some(row) = rows.next()? {
            each(row.get(0)?);
        }
        Ok(())
    }

    /// A handle that stops the query running on this base's connection from another thread:
    /// the GUI drops a count the user has already edited past.
    pub fn interrupt_handle(&self) -> rusqlite::InterruptHandle {
        self.conn().get_interrupt_handle()
    }
}

/// What of orders and events the builder offers values of: its name, and the column and table
/// the values are in; the contacts' are the registry's (`offers_values`).
const ACTIVITY_VALUES: &[(&str, &str, &str)] = &[
    ("product", "product", "orders"),
    ("category", "category", "orders"),
    ("campaign", "name", "event_campaigns"),
    ("button", "button", "events"),
];

/// How many distinct values a picker is offered at most.
const MAX_VALUES: usize = 500;

impl Store {
    /// The distinct non-empty values of `column` (a contact field, `product`, `category`,
    /// `campaign` or `button`), sorted, at most a few hundred: what the builder's pickers offer.
    pub fn distinct_values(&self, column: &str) -> Result<Vec<String>> {
        let contacts = super::contact_field(column)
            .filter(|f| f.offers_values)
            .map(|f| (f.key, "contacts"));
        let source = contacts.or_else(|| {
            ACTIVITY_VALUES
                .iter()
                .find(|(key, _, _)| *key == column)
                .map(|(_, column, table)| (*column, *table))
        });
        // Only a known column is named in the statement.
        let Some((column, table)) = source else {
            return Ok(Vec::new());
        };
        // An order's items name products and categories too, and so do customers' activity.
        let items = match table {
            "orders" => format!(
                " UNION SELECT {column} FROM order_items WHERE {column} <> ''
                  UNION SELECT {column} FROM activity WHERE {column} <> ''"
            ),
            _ => String::new(),
        };
        let sql = format!(
            "SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL AND {column} <> ''{items} ORDER BY 1 LIMIT {MAX_VALUES}"
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let values = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(values)
    }

    /// The distinct values of the custom field `name`, as [`Store::distinct_values`].
    pub fn distinct_custom_values(&self, name: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT DISTINCT custom ->> ?1 AS v FROM contacts WHERE v IS NOT NULL AND v <> '' ORDER BY 1 LIMIT {MAX_VALUES}"
        ))?;
        let values = stmt
            .query_map([name], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(values)
    }
}
