//! A second evaluator of segment rules, for tests only: it reads the base into plain structs once
//! and decides every condition in Rust from the definitions, never asking SQLite. Where it and
//! the SQL compiler agree on thousands of random rules, both are right or both are wrong the same
//! way — and they share no code.

use std::collections::{HashMap, HashSet};

use adresat::segment::{
    DateTest, FieldRef, Group, Item, Membership, Mode, OrderMeasure, Purchase, Recency, Rule,
    TagOp, TextTest, Today,
};
use adresat::store::{Consent, EventKind, Status};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;

pub struct Contact {
    pub id: i64,
    text: HashMap<&'static str, Option<String>>,
    phone: Option<String>,
    tg_chat_id: Option<String>,
    tg_username: Option<String>,
    consent: String,
    status: String,
    created_at: DateTime<Utc>,
    custom: serde_json::Map<String, serde_json::Value>,
}

struct Order {
    at: DateTime<Utc>,
    kop: i64,
    product: Option<String>,
    category: Option<String>,
}

struct Activity {
    kind: String,
    product: String,
    category: String,
    value_kop: Option<i64>,
    at: DateTime<Utc>,
}

struct Event {
    campaign: String,
    kind: String,
    button: String,
    at: DateTime<Utc>,
}

/// The whole base in memory.
pub struct Base {
    pub contacts: Vec<Contact>,
    tags: HashMap<i64, HashSet<String>>,
    all_tags: Vec<String>,
    orders: HashMap<i64, Vec<Order>>,
    events: HashMap<i64, Vec<Event>>,
    activity: HashMap<i64, Vec<Activity>>,
    segments: HashMap<String, Rule>,
    flows: HashMap<String, Vec<String>>,
    /// The stored RFM scores (their computation has its own tests): r, f, m, group.
    rfm: HashMap<i64, (u8, u8, u8, adresat::rfm::Group)>,
}

const TEXT_FIELDS: [&str; 11] = [
    "name",
    "first_name",
    "city",
    "region",
    "time_zone",
    "source",
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_content",
    "utm_term",
];

fn time(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .unwrap_or_else(|e| panic!("stored time {s}: {e}"))
        .with_timezone(&Utc)
}

impl Base {
    pub fn load(path: &std::path::Path) -> Base {
        let conn = Connection::open(path).expect("open base");
        let mut stmt = conn
            .prepare(&format!(
                "SELECT id, phone, tg_chat_id, tg_username, consent, status, created_at, custom, {} FROM contacts ORDER BY id",
                TEXT_FIELDS.join(", ")
            ))
            .unwrap();
        let contacts = stmt
            .query_map([], |r| {
                let mut text = HashMap::new();
                for (i, f) in TEXT_FIELDS.iter().enumerate() {
                    text.insert(*f, r.get::<_, Option<String>>(8 + i)?);
                }
                let custom: String = r.get(7)?;
                Ok(Contact {
                    id: r.get(0)?,
                    phone: r.get(1)?,
                    tg_chat_id: r.get(2)?,
                    tg_username: r.get(3)?,
                    consent: r.get(4)?,
                    status: r.get(5)?,
                    created_at: time(&r.get::<_, String>(6)?),
                    custom: serde_json::from_str(&custom).unwrap(),
                    text,
                })
            })
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap();
        let mut tags: HashMap<i64, HashSet<String>> = HashMap::new();
        let mut stmt = conn
            .prepare("SELECT t.contact_id, n.name FROM tags t JOIN tag_names n ON n.id = t.tag_id")
            .unwrap();
        for row in stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
            .unwrap()
        {
            let (id, name) = row.unwrap();
            tags.entry(id).or_default().insert(name);
        }
        let all_tags = conn
            .prepare("SELECT name FROM tag_names ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<Vec<String>>>()
            .unwrap();
        let mut orders: HashMap<i64, Vec<Order>> = HashMap::new();
        let mut stmt = conn
            .prepare("SELECT contact_id, ordered_at, amount_kop, product, category FROM orders")
            .unwrap();
        for row in stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    Order {
                        at: time(&r.get::<_, String>(1)?),
                        kop: r.get(2)?,
                        product: r.get(3)?,
                        category: r.get(4)?,
                    },
                ))
            })
            .unwrap()
        {
            let (id, o) = row.unwrap();
            orders.entry(id).or_default().push(o);
        }
        let mut events: HashMap<i64, Vec<Event>> = HashMap::new();
        let mut stmt = conn
            .prepare(
                "SELECT e.contact_id, c.name, k.name, e.button,
                        strftime('%Y-%m-%dT%H:%M:%SZ', e.at, 'unixepoch')
                 FROM events e JOIN event_campaigns c ON c.id = e.campaign_id
                 JOIN event_kinds k ON k.id = e.kind",
            )
            .unwrap();
        for row in stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    Event {
                        campaign: r.get(1)?,
                        kind: r.get(2)?,
                        button: r.get(3)?,
                        at: time(&r.get::<_, String>(4)?),
                    },
                ))
            })
            .unwrap()
        {
            let (id, e) = row.unwrap();
            events.entry(id).or_default().push(e);
        }
        let mut activity: HashMap<i64, Vec<Activity>> = HashMap::new();
        let mut stmt = conn
            .prepare(
                "SELECT a.contact_id, k.name, a.product, a.category, a.value_kop,
                        strftime('%Y-%m-%dT%H:%M:%SZ', a.at, 'unixepoch')
                 FROM activity a JOIN event_kinds k ON k.id = a.kind",
            )
            .unwrap();
        for row in stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    Activity {
                        kind: r.get(1)?,
                        product: r.get(2)?,
                        category: r.get(3)?,
                        value_kop: r.get(4)?,
                        at: time(&r.get::<_, String>(5)?),
                    },
                ))
            })
            .unwrap()
        {
            let (id, a) = row.unwrap();
            activity.entry(id).or_default().push(a);
        }
        let segments = conn
            .prepare("SELECT name, rule FROM segments")
            .unwrap()
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .unwrap()
            .map(|row| {
                let (name, rule) = row.unwrap();
                (name, serde_json::from_str(&rule).unwrap())
            })
            .collect();
        let flows = conn
            .prepare("SELECT name, buttons FROM flows")
            .unwrap()
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .unwrap()
            .map(|row| {
                let (name, buttons) = row.unwrap();
                (name, serde_json::from_str(&buttons).unwrap())
            })
            .collect();
        let rfm = conn
            .prepare("SELECT contact_id, r, f, m, grp FROM rfm")
            .unwrap()
            .query_map([], |r| {
                let group: String = r.get(4)?;
                Ok((
                    r.get::<_, i64>(0)?,
                    (
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        adresat::rfm::Group::parse(&group).expect("a stored group"),
                    ),
                ))
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        Base {
            rfm,
            contacts,
            tags,
            all_tags,
            orders,
            events,
            activity,
            segments,
            flows,
        }
    }

    /// The ids of the contacts `rule` holds, ascending.
    pub fn ids(&self, group: &Group, today: Today) -> Vec<i64> {
        self.contacts
            .iter()
            .filter(|c| self.group(group, c, today))
            .map(|c| c.id)
            .collect()
    }

    /// Whether `item` holds for the contact `id`.
    pub fn holds(&self, item: &Item, id: i64, today: Today) -> bool {
        let c = self
            .contacts
            .iter()
            .find(|c| c.id == id)
            .expect("a contact");
        self.item(item, c, today)
    }

    /// The rule of the saved segment `name`.
    pub fn segment(&self, name: &str) -> &Rule {
        &self.segments[name]
    }

    fn group(&self, g: &Group, c: &Contact, today: Today) -> bool {
        let mut results = g.items.iter().map(|item| self.item(item, c, today));
        match g.mode {
            Mode::All => results.all(|r| r),
            Mode::Any => results.any(|r| r),
            Mode::None => !results.any(|r| r),
        }
    }

    fn item(&self, item: &Item, c: &Contact, today: Today) -> bool {
        let days_ago = |t: &DateTime<Utc>| -> i64 {
            (today.date - t.with_timezone(&today.tz).date_naive()).num_days()
        };
        let local = |t: &DateTime<Utc>| -> NaiveDate { t.with_timezone(&today.tz).date_naive() };
        let no_events = Vec::new();
        let events = self.events.get(&c.id).unwrap_or(&no_events);
        let no_orders = Vec::new();
        let orders = self.orders.get(&c.id).unwrap_or(&no_orders);
        match item {
            Item::Group(g) => self.group(g, c, today),
            Item::Field { field, test } => self.field(field, test, c),
            Item::Created(test) => match test {
                DateTest::Before { date } => local(&c.created_at) < *date,
                DateTest::After { date } => local(&c.created_at) > *date,
                DateTest::WithinDays { days } => days_ago(&c.created_at) < *days as i64,
            },
            Item::Consent { is } => {
                c.consent
                    == match is {
                        Consent::Yes => "yes",
                        Consent::No => "no",
                        Consent::Unknown => "unknown",
                    }
            }
            Item::Status { is } => {
                c.status
                    == match is {
                        Status::Active => "active",
                        Status::Unsubscribed => "unsubscribed",
                        Status::Blocked => "blocked",
                    }
            }
            Item::Tags { op, tags } => {
                let empty = HashSet::new();
                let mine = self.tags.get(&c.id).unwrap_or(&empty);
                let has = |t: &String| match t.strip_suffix('*') {
                    Some(prefix) => mine.iter().any(|m| m.starts_with(prefix)),
                    None => mine.contains(t),
                };
                match op {
                    TagOp::Has | TagOp::HasAny => tags.iter().any(has),
                    TagOp::HasNot => !tags.iter().any(has),
                    TagOp::HasAll => tags.iter().all(has),
                }
            }
            Item::Events {
                kind,
                button,
                campaign,
                days,
                cmp,
                count,
            } => {
                let n = events
                    .iter()
                    .filter(|e| e.kind == kind.as_str())
                    .filter(|e| button.as_ref().is_none_or(|b| &e.button == b))
                    .filter(|e| campaign.as_ref().is_none_or(|b| &e.campaign == b))
                    .filter(|e| days.is_none_or(|d| days_ago(&e.at) < d as i64))
                    .count() as i64;
                cmp.holds(n, *count as i64)
            }
            Item::Activity {
                kind,
                did,
                product,
                category,
                days,
                hours,
            } => {
                let empty_window = *days == Some(0) || *hours == Some(0);
                let since = hours.map(|h| today.now - chrono::Duration::hours(h as i64));
                let done = !empty_window
                    && self.activity.get(&c.id).is_some_and(|acts| {
                        acts.iter().any(|a| {
                            &a.kind == kind
                                && product.as_ref().is_none_or(|p| &a.product == p)
                                && category.as_ref().is_none_or(|g| &a.category == g)
                                && days.is_none_or(|d| days_ago(&a.at) < d as i64)
                                && since.is_none_or(|s| a.at >= s)
                        })
                    });
                done == *did
            }
            Item::LastActivityValue { kind, cmp, value } => {
                let kop = (value * 100.0).round() as i64;
                let of_kind: Vec<&Activity> = self
                    .activity
                    .get(&c.id)
                    .map(|acts| acts.iter().filter(|a| &a.kind == kind).collect())
                    .unwrap_or_default();
                let last = of_kind.iter().map(|a| a.at).max();
                of_kind
                    .iter()
                    .any(|a| Some(a.at) == last && a.value_kop.is_some_and(|v| cmp.holds(v, kop)))
            }
            Item::LastEvent { kind, when } => {
                let ages: Vec<i64> = events
                    .iter()
                    .filter(|e| e.kind == kind.as_str())
                    .map(|e| days_ago(&e.at))
                    .collect();
                match when {
                    Recency::Never => ages.is_empty(),
                    Recency::MoreThan { days } => {
                        !ages.is_empty() && ages.iter().all(|a| *a > *days as i64)
                    }
                    Recency::LessThan { days } => ages.iter().any(|a| *a < *days as i64),
                }
            }
            Item::Sleeping { campaigns } => self.streak(events) >= *campaigns as usize,
            Item::Flow { flow } => self.flows[flow].iter().all(|b| {
                events
                    .iter()
                    .any(|e| e.kind == EventKind::Clicked.as_str() && &e.button == b)
            }),
            Item::Orders {
                measure,
                cmp,
                value,
            } => {
                let total: i64 = orders.iter().map(|o| o.kop).sum();
                let kop = (value * 100.0).round() as i64;
                match measure {
                    OrderMeasure::Count => cmp.holds(orders.len() as i64, *value as i64),
                    OrderMeasure::Total => cmp.holds(total, kop),
                    // avg cmp v ⇔ total cmp v × count, exactly, for a contact with orders.
                    OrderMeasure::Average => {
                        !orders.is_empty() && cmp.holds(total, kop * orders.len() as i64)
                    }
                    OrderMeasure::DaysSinceLast => orders
                        .iter()
                        .map(|o| o.at)
                        .max()
                        .is_some_and(|last| cmp.holds(days_ago(&last), *value as i64)),
                }
            }
            Item::NeverOrdered => orders.is_empty(),
            Item::Bought { what, name, days } => orders.iter().any(|o| {
                let v = match what {
                    Purchase::Product => &o.product,
                    Purchase::Category => &o.category,
                };
                v.as_deref() == Some(name.as_str())
                    && days.is_none_or(|d| days_ago(&o.at) < d as i64)
            }),
            Item::Rfm { groups, r, f, m } => self.rfm.get(&c.id).is_some_and(|(rr, ff, mm, g)| {
                let within = |range: &Option<[u8; 2]>, v: u8| {
                    range.is_none_or(|[lo, hi]| lo <= v && v <= hi)
                };
                (groups.is_empty() || groups.contains(g))
                    && within(r, *rr)
                    && within(f, *ff)
                    && within(m, *mm)
            }),
            Item::Segment { op, segment } => {
                let inside = self.group(&self.segments[segment].root, c, today);
                match op {
                    Membership::In => inside,
                    Membership::NotIn => !inside,
                }
            }
        }
    }

    fn field(&self, field: &FieldRef, test: &TextTest, c: &Contact) -> bool {
        if *field == FieldRef::Channel {
            let on = |ch: &str| match ch {
                "telegram" => c.tg_chat_id.is_some() || c.tg_username.is_some(),
                _ => c.phone.is_some(),
            };
            return match test {
                TextTest::Equals { value } => on(value),
                TextTest::NotEquals { value } => !on(value),
                TextTest::OneOf { values } => values.iter().any(|v| on(v)),
                TextTest::IsEmpty => {
                    c.phone.is_none() && c.tg_chat_id.is_none() && c.tg_username.is_none()
                }
                TextTest::Contains { .. } => unreachable!("rejected by the compiler"),
            };
        }
        let value: Option<String> = match field {
            FieldRef::Custom(name) => c
                .custom
                .get(name)
                .and_then(|v| v.as_str())
                .map(str::to_owned),
            other => c.text[other.key()].clone(),
        };
        let fold = |s: &str| s.to_lowercase().replace('ё', "е");
        match test {
            TextTest::Equals { value: v } => value.as_deref() == Some(v.as_str()),
            TextTest::NotEquals { value: v } => value.as_deref() != Some(v.as_str()),
            TextTest::OneOf { values } => value.is_some_and(|x| values.contains(&x)),
            TextTest::Contains { value: v } => value.is_some_and(|x| fold(&x).contains(&fold(v))),
            TextTest::IsEmpty => value.is_none_or(|x| x.is_empty()),
        }
    }

    /// The contact's latest delivered campaigns, newest first, that found no engagement.
    fn streak(&self, events: &[Event]) -> usize {
        let mut campaigns: HashMap<&str, (Option<DateTime<Utc>>, bool)> = HashMap::new();
        for e in events {
            let entry = campaigns.entry(&e.campaign).or_default();
            match e.kind.as_str() {
                "sent" | "delivered" => {
                    entry.0 = Some(entry.0.map_or(e.at, |t| t.min(e.at)));
                }
                "read" | "clicked" | "replied" => entry.1 = true,
                _ => {}
            }
        }
        let mut delivered: Vec<(DateTime<Utc>, bool)> = campaigns
            .values()
            .filter_map(|(at, engaged)| at.map(|t| (t, *engaged)))
            .collect();
        delivered.sort_by_key(|d| std::cmp::Reverse(d.0));
        delivered.iter().take_while(|(_, engaged)| !engaged).count()
    }

    /// Tag names of the base, for random rules.
    pub fn tag_names(&self) -> &[String] {
        &self.all_tags
    }
}
