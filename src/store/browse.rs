//! Reading the base for the Contacts screen: the ids of the contacts a search and filters match,
//! in the chosen order (a million ids are 8 MB, and the table fetches rows by id, never by
//! `OFFSET`), the rows on screen, and one contact's full card.

use rusqlite::{Connection, OptionalExtension, params_from_iter};

use super::{Consent, Contact, EventKind, Status, Store};
use crate::error::Result;
use crate::model::time::Moment;

/// A column the table can be ordered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum SortColumn {
    #[default]
    Id,
    Name,
    Phone,
    City,
    TimeZone,
    Consent,
    Status,
    Created,
}

impl SortColumn {
    fn sql(self) -> &'static str {
        match self {
            SortColumn::Id => "id",
            SortColumn::Name => "name",
            SortColumn::Phone => "phone",
            SortColumn::City => "city",
            SortColumn::TimeZone => "time_zone",
            SortColumn::Consent => "consent",
            SortColumn::Status => "status",
            SortColumn::Created => "created_at",
        }
    }
}

/// What the table shows: a search, filters and an order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactQuery {
    /// Matches names, cities, tags, external ids and Telegram usernames, and phones typed in any
    /// form (`8 912 34…` finds `+791234…`).
    pub search: String,
    pub status: Option<Status>,
    pub consent: Option<Consent>,
    pub sort: SortColumn,
    pub descending: bool,
}

/// One line of the contacts table.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactRow {
    pub id: i64,
    pub name: Option<String>,
    pub phone: Option<String>,
    pub city: Option<String>,
    pub time_zone: String,
    pub consent: Consent,
    pub status: Status,
    pub tags: String,
}

/// One order on a contact's card.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderLine {
    pub order_id: Option<String>,
    pub ordered_at: Moment,
    pub amount_kop: i64,
    pub product: Option<String>,
    /// Its items' products joined with commas (`Туфли, Сумка`), when the file gave items.
    pub items: Option<String>,
}

/// One event on a contact's card.
#[derive(Debug, Clone, PartialEq)]
pub struct EventLine {
    pub campaign: String,
    pub kind: EventKind,
    pub button: String,
    pub at: Moment,
}

/// The engagement summary of a contact.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Engagement {
    pub last_sent_at: Option<Moment>,
    pub last_read_at: Option<Moment>,
    pub last_click_at: Option<Moment>,
    pub campaigns_delivered: i64,
    pub unengaged_streak: i64,
}

/// Everything the base knows about one contact.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactCard {
    pub contact: Contact,
    pub tags: Vec<String>,
    /// The most recent orders, newest first.
    pub orders: Vec<OrderLine>,
    pub order_count: i64,
    pub order_total_kop: i64,
    /// The most recent events, newest first.
    pub events: Vec<EventLine>,
    pub engagement: Option<Engagement>,
    /// Their reactions that tell their own time, by local hour: their best hour's basis.
    pub reaction_hours: crate::model::reaction_hours::Hours,
}

/// How many orders and events a card lists.
const CARD_LINES: i64 = 50;

/// Case-insensitive matching for Cyrillic as well: SQLite's own `lower` and `LIKE` fold ASCII only.
pub(crate) fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        "casefold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            Ok(ctx
                .get_raw(0)
                .as_str_or_null()
                .ok()
                .flatten()
                .map(fold_case))
        },
    )
}

/// Text folded for case-insensitive matching: lower case, ё as е. The SQL function `casefold`
/// does the same, so a needle folded here matches a column folded there.
pub fn fold_case(s: &str) -> String {
    s.to_lowercase().replace('ё', "е")
}

/// The E.164 prefix a typed phone fragment stands for: `8 912 34` → `+791234`, `9123` → `+79123`.
fn phone_prefix(search: &str) -> Option<String> {
    let digits: String = search.chars().filter(char::is_ascii_digit).collect();
    let phone_like = search
        .chars()
        .all(|c| c.is_ascii_digit() || " +-()".contains(c));
    if !phone_like || digits.len() < 3 {
        return None;
    }
    Some(if search.trim_start().starts_with('+') {
        format!("+{digits}")
    } else if digits.starts_with('8') || digits.starts_with('7') {
        format!("+7{}", &digits[1..])
    } else if digits.starts_with('9') {
        format!("+7{digits}")
    } else {
        format!("+{digits}")
    })
}

fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

impl Store {
    /// The ids of the contacts `query` matches, in its order.
    pub fn contact_ids(&self, query: &ContactQuery) -> Result<Vec<i64>> {
        let mut conditions = Vec::new();
        let mut values: Vec<String> = Vec::new();
        if let Some(status) = query.status {
            values.push(status.as_str().to_owned());
            conditions.push(format!("status = ?{}", values.len()));
        }
        if let Some(consent) = query.consent {
            values.push(consent.as_str().to_owned());
            conditions.push(format!("consent = ?{}", values.len()));
        }
        let search = query.search.trim();
        if let Some(prefix) = phone_prefix(search) {
            // Digits are a phone (through its index), or an id typed whole.
            values.push(prefix);
            let p = values.len();
            values.push(search.to_owned());
            let raw = values.len();
            conditions.push(format!(
                "(phone BETWEEN ?{p} AND ?{p} || '~' OR external_id = ?{raw} OR tg_chat_id = ?{raw})"
            ));
        } else if !search.is_empty() {
            let folded = escape_like(&search.to_lowercase().replace('ё', "е"));
            values.push(folded);
            let q = values.len();
            values.push(search.to_owned());
            let raw = values.len();
            let any = [
                format!("casefold(name) LIKE '%' || ?{q} || '%' ESCAPE '\\'"),
                format!("casefold(city) LIKE ?{q} || '%' ESCAPE '\\'"),
                format!("external_id = ?{raw}"),
                format!("email LIKE ?{q} || '%' ESCAPE '\\'"),
                format!("tg_username LIKE ltrim(?{q}, '@') || '%' ESCAPE '\\'"),
                format!(
                    "id IN (SELECT contact_id FROM tags WHERE tag_id IN
                        (SELECT id FROM tag_names WHERE casefold(name) LIKE '%' || ?{q} || '%' ESCAPE '\\'))"
                ),
            ];
            conditions.push(format!("({})", any.join(" OR ")));
        }
        let filter = if conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conditions.join(" AND "))
        };
        let direction = if query.descending { "DESC" } else { "ASC" };
        let order = match query.sort {
            SortColumn::Id => format!("id {direction}"),
            other => format!("{} IS NULL, {} {direction}, id", other.sql(), other.sql()),
        };
        let sql = format!("SELECT id FROM contacts {filter} ORDER BY {order}");
        let mut stmt = self.conn().prepare(&sql)?;
        let ids = stmt
            .query_map(params_from_iter(&values), |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok(ids)
    }

    /// The table rows of `ids`, in the same order (ids no longer in the base are skipped).
    pub fn contact_rows(&self, ids: &[i64]) -> Result<Vec<ContactRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, name, phone, city, time_zone, consent, status,
                    (SELECT group_concat(n.name, ', ') FROM tags t JOIN tag_names n ON n.id = t.tag_id
                     WHERE t.contact_id = contacts.id)
             FROM contacts WHERE id = ?1",
        )?;
        let mut rows = Vec::with_capacity(ids.len());
        for id in ids {
            let row = stmt
                .query_row([id], |r| {
                    Ok(ContactRow {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        phone: r.get(2)?,
                        city: r.get(3)?,
                        time_zone: r.get(4)?,
                        consent: Consent::parse(&r.get::<_, String>(5)?)
                            .unwrap_or(Consent::Unknown),
                        status: Status::parse(&r.get::<_, String>(6)?).unwrap_or(Status::Active),
                        tags: r.get::<_, Option<String>>(7)?.unwrap_or_default(),
                    })
                })
                .optional()?;
            rows.extend(row);
        }
        Ok(rows)
    }

    /// Everything about contact `id`, or `None` if it is gone.
    pub fn contact_card(&self, id: i64) -> Result<Option<ContactCard>> {
        let Some((contact, tags)) = self.contact(id)? else {
            return Ok(None);
        };
        let conn = self.conn();
        let orders = conn
            .prepare_cached(
                "SELECT order_id, ordered_at, amount_kop, product FROM orders
                 WHERE contact_id = ?1 ORDER BY ordered_at DESC LIMIT ?2",
            )?
            .query_map([id, CARD_LINES], |r| {
                Ok(OrderLine {
                    order_id: r.get(0)?,
                    ordered_at: r.get(1)?,
                    amount_kop: r.get(2)?,
                    product: r.get(3)?,
                    items: None,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let (order_count, order_total_kop) = conn.query_row(
            "SELECT count(*), coalesce(sum(amount_kop), 0) FROM orders WHERE contact_id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let events = conn
            .prepare_cached(
                "SELECT c.name, e.kind, e.button, e.at
                 FROM events e JOIN event_campaigns c ON c.id = e.campaign_id
                 WHERE e.contact_id = ?1 ORDER BY e.at DESC LIMIT ?2",
            )?
            .query_map([id, CARD_LINES], |r| {
                Ok(EventLine {
                    campaign: r.get(0)?,
                    kind: r.get(1)?,
                    button: r.get(2)?,
                    at: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let engagement = conn
            .query_row(
                "SELECT last_sent_at, last_read_at, last_click_at, campaigns_delivered, unengaged_streak
                 FROM engagement WHERE contact_id = ?1",
                [id],
                |r| {
                    Ok(Engagement {
                        last_sent_at: r.get(0)?,
                        last_read_at: r.get(1)?,
                        last_click_at: r.get(2)?,
                        campaigns_delivered: r.get(3)?,
                        unengaged_streak: r.get(4)?,
                    })
                },
            )
            .optional()?;
        let reaction_hours = super::reaction_hours::of_contact(conn, id)?;
        Ok(Some(ContactCard {
            contact,
            tags,
            orders,
            order_count,
            order_total_kop,
            events,
            engagement,
            reaction_hours,
        }))
    }
}
