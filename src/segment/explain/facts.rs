//! The contact's own values behind each condition: the field's value, the tags, the count of
//! events in the window, the last order's date and the total, the RFM scores… — read from what
//! the base holds about the contact ([`AboutContact`]), in the windows the condition names.

use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;

use crate::i18n::{Lang, Msg, tr_in};
use crate::model::contact::EventKind;
use crate::model::rule::{DateTest, FieldRef, Item, OrderMeasure, Purchase};
use crate::model::time::{Moment, Today};
use crate::store::{AboutContact, kind_id};

/// One value of the contact's, named by its message id (`explain-tags`: «Метки: …»).
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub id: &'static str,
    pub value: Value,
}

/// A fact's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A field's text; `None` when empty.
    Text(Option<String>),
    List(Vec<String>),
    Count(i64),
    /// Kopecks; `None` when there is no amount.
    Money(Option<i64>),
    Day(Option<NaiveDate>),
    /// A moment on the owner's clocks; `None` when it never happened.
    When(Option<DateTime<Tz>>),
    /// The RFM scores R, F and M; `None` for a contact without them.
    Scores(Option<[u8; 3]>),
    /// A stored word (`yes`, `champions`) and the message id of its name.
    Word {
        raw: &'static str,
        id: String,
    },
}

impl Fact {
    fn new(id: &'static str, value: Value) -> Fact {
        Fact { id, value }
    }

    /// The key in JSON: the id without its prefix, in snake case (`last_order`).
    pub fn key(&self) -> String {
        self.id.trim_start_matches("explain-").replace('-', "_")
    }

    /// The fact as a line, «Метки: vip, опт», in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let none = || tr_in(lang, "explain-none", &[]);
        let value = match &self.value {
            Value::Text(Some(t)) => format!("«{t}»"),
            Value::Text(None) => tr_in(lang, "explain-empty", &[]),
            Value::List(items) if items.is_empty() => none(),
            Value::List(items) => items.join(", "),
            Value::Count(n) => crate::format::group_thousands(*n),
            Value::Money(Some(kop)) => crate::format::format_rubles(*kop),
            Value::Day(Some(d)) => d.format("%d.%m.%Y").to_string(),
            Value::When(Some(t)) => t.format("%d.%m.%Y %H:%M").to_string(),
            Value::Scores(Some([r, f, m])) => format!("R{r} F{f} M{m}"),
            Value::Money(None) | Value::Day(None) | Value::When(None) | Value::Scores(None) => {
                none()
            }
            Value::Word { id, .. } => tr_in(lang, id, &[]),
        };
        Msg::new(self.id).arg("value", value).render(lang)
    }

    /// The value in JSON: money in roubles, days as `YYYY-MM-DD`, moments in RFC 3339 with the
    /// owner's offset, a missing one as `null`.
    pub fn json(&self) -> serde_json::Value {
        use serde_json::json;
        match &self.value {
            Value::Text(t) => json!(t),
            Value::List(items) => json!(items),
            Value::Count(n) => json!(n),
            Value::Money(kop) => json!(kop.map(|k| k as f64 / 100.0)),
            Value::Day(d) => json!(d.map(|d| d.to_string())),
            Value::When(t) => json!(t.map(|t| t.to_rfc3339())),
            Value::Scores(s) => json!(s.map(|[r, f, m]| json!({"r": r, "f": f, "m": m}))),
            Value::Word { raw, .. } => json!(raw),
        }
    }
}

/// The contact's values behind `item` (none for a group or a saved segment, whose items
/// speak for them); `flow` gives a saved flow's buttons.
pub fn facts(
    item: &Item,
    about: &AboutContact,
    today: Today,
    flow: &dyn Fn(&str) -> Vec<String>,
) -> Vec<Fact> {
    let c = &about.contact;
    let local = |unix: i64| DateTime::from_timestamp(unix, 0).map(|t| t.with_timezone(&today.tz));
    match item {
        Item::Group(_) | Item::Segment { .. } => Vec::new(),
        Item::Field { field, .. } => vec![field_fact(field, about)],
        Item::Created(test) => {
            let mut out = vec![Fact::new(
                "explain-created",
                Value::Day(Some(c.created_at.local(today.tz).date_naive())),
            )];
            if let DateTest::WithinDays { .. } = test {
                out.push(days_ago(&today, &c.created_at));
            }
            out
        }
        Item::Consent { .. } => vec![word("explain-consent", c.consent.as_str(), "consent-")],
        Item::Status { .. } => vec![word("explain-status", c.status.as_str(), "status-")],
        Item::Tags { .. } => vec![Fact::new("explain-tags", Value::List(about.tags.clone()))],
        Item::Events {
            kind,
            button,
            campaign,
            days,
            ..
        } => {
            let since = days.map(|d| since_days(&today, d));
            let times: Vec<i64> = about
                .events
                .iter()
                .filter(|e| e.kind == kind_id(*kind))
                .filter(|e| button.as_ref().is_none_or(|b| &e.button == b))
                .filter(|e| campaign.as_ref().is_none_or(|n| &e.campaign == n))
                .filter(|e| since.is_none_or(|s| e.at >= s))
                .map(|e| e.at)
                .collect();
            counted("explain-events", &times, local)
        }
        Item::LastEvent { kind, .. } => {
            let last = about
                .events
                .iter()
                .filter(|e| e.kind == kind_id(*kind))
                .map(|e| e.at)
                .max();
            vec![Fact::new("explain-last", Value::When(last.and_then(local)))]
        }
        Item::Activity {
            kind,
            product,
            category,
            days,
            hours,
            ..
        } => {
            let since = match (days, hours) {
                (Some(d), _) => Some(since_days(&today, *d)),
                (_, Some(h)) => Some(today.now.timestamp() - i64::from(*h) * 3600),
                _ => None,
            };
            let times: Vec<i64> = about
                .activity
                .iter()
                .filter(|a| &a.kind == kind)
                .filter(|a| product.as_ref().is_none_or(|p| &a.product == p))
                .filter(|a| category.as_ref().is_none_or(|g| &a.category == g))
                .filter(|a| {
                    since.is_none_or(|s| a.at >= s) && *days != Some(0) && *hours != Some(0)
                })
                .map(|a| a.at)
                .collect();
            counted("explain-actions", &times, local)
        }
        Item::LastActivityValue { kind, .. } => {
            let last = about
                .activity
                .iter()
                .filter(|a| &a.kind == kind)
                .max_by_key(|a| a.at);
            vec![
                Fact::new("explain-last", Value::When(last.and_then(|a| local(a.at)))),
                Fact::new(
                    "explain-last-value",
                    Value::Money(last.and_then(|a| a.value_kop)),
                ),
            ]
        }
        Item::Sleeping { .. } => vec![Fact::new(
            "explain-unanswered",
            Value::Count(about.unanswered),
        )],
        Item::Flow { flow: name } => flow_facts(&flow(name), about),
        Item::Orders { measure, .. } => order_facts(*measure, about, &today),
        Item::NeverOrdered => vec![Fact::new(
            "explain-orders",
            Value::Count(about.orders.len() as i64),
        )],
        Item::Bought { what, name, days } => bought_facts(*what, name, *days, about, &today),
        Item::Rfm { .. } => rfm_facts(about),
    }
}

/// The first moment (unix seconds) of "the last `days` days".
fn since_days(today: &Today, days: u32) -> i64 {
    today
        .start_of_day_ago(i64::from(days) - 1)
        .utc()
        .timestamp()
}

/// How many days ago `moment` was, in days of the owner's zone.
fn days_ago(today: &Today, moment: &Moment) -> Fact {
    let days = (today.date - moment.local(today.tz).date_naive()).num_days();
    Fact::new("explain-days-ago", Value::Count(days))
}

fn word(id: &'static str, raw: &'static str, prefix: &str) -> Fact {
    Fact::new(
        id,
        Value::Word {
            raw,
            id: format!("{prefix}{raw}"),
        },
    )
}

/// How many of `times` there are, and the last of them.
fn counted(
    id: &'static str,
    times: &[i64],
    local: impl Fn(i64) -> Option<DateTime<Tz>>,
) -> Vec<Fact> {
    vec![
        Fact::new(id, Value::Count(times.len() as i64)),
        Fact::new(
            "explain-last",
            Value::When(times.iter().max().copied().and_then(local)),
        ),
    ]
}

fn field_fact(field: &FieldRef, about: &AboutContact) -> Fact {
    let c = &about.contact;
    let value = match field {
        FieldRef::Channel => {
            let mut on = Vec::new();
            if c.phone.is_some() {
                on.extend(["whatsapp".to_owned(), "sms".to_owned()]);
            }
            if c.tg_chat_id.is_some() || c.tg_username.is_some() {
                on.push("telegram".to_owned());
            }
            return Fact::new("explain-channels", Value::List(on));
        }
        FieldRef::Custom(name) => c.custom.get(name).cloned(),
        FieldRef::TimeZone => Some(c.time_zone.clone()),
        FieldRef::Name => c.name.clone(),
        FieldRef::FirstName => c.first_name.clone(),
        FieldRef::City => c.city.clone(),
        FieldRef::Region => c.region.clone(),
        FieldRef::Source => c.source.clone(),
        FieldRef::UtmSource => c.utm_source.clone(),
        FieldRef::UtmMedium => c.utm_medium.clone(),
        FieldRef::UtmCampaign => c.utm_campaign.clone(),
        FieldRef::UtmContent => c.utm_content.clone(),
        FieldRef::UtmTerm => c.utm_term.clone(),
    };
    Fact::new(
        "explain-value",
        Value::Text(value.filter(|v| !v.is_empty())),
    )
}

fn flow_facts(buttons: &[String], about: &AboutContact) -> Vec<Fact> {
    let clicked = kind_id(EventKind::Clicked);
    let (done, missing): (Vec<String>, Vec<String>) = buttons.iter().cloned().partition(|b| {
        about
            .events
            .iter()
            .any(|e| e.kind == clicked && &e.button == b)
    });
    vec![
        Fact::new("explain-clicked", Value::List(done)),
        Fact::new("explain-not-clicked", Value::List(missing)),
    ]
}

fn order_facts(measure: OrderMeasure, about: &AboutContact, today: &Today) -> Vec<Fact> {
    let n = about.orders.len() as i64;
    let total: i64 = about.orders.iter().map(|o| o.amount_kop).sum();
    let last = about.orders.iter().map(|o| &o.at).max_by_key(|m| m.utc());
    let mut out = vec![
        Fact::new("explain-orders", Value::Count(n)),
        Fact::new("explain-total", Value::Money(Some(total))),
    ];
    if measure == OrderMeasure::Average {
        out.push(Fact::new(
            "explain-average",
            Value::Money((n > 0).then(|| total / n)),
        ));
    }
    out.push(Fact::new(
        "explain-last-order",
        Value::Day(last.as_ref().map(|m| m.local(today.tz).date_naive())),
    ));
    if let (OrderMeasure::DaysSinceLast, Some(last)) = (measure, &last) {
        out.push(days_ago(today, last));
    }
    out
}

fn bought_facts(
    what: Purchase,
    name: &str,
    days: Option<u32>,
    about: &AboutContact,
    today: &Today,
) -> Vec<Fact> {
    let since = days.map(|d| today.start_of_day_ago(i64::from(d) - 1).utc());
    let matching: Vec<&Moment> = about
        .orders
        .iter()
        .filter(|o| match what {
            Purchase::Product => o.products.iter().any(|p| p == name),
            Purchase::Category => o.categories.iter().any(|c| c == name),
        })
        .map(|o| &o.at)
        .filter(|m| since.is_none_or(|s| m.utc() >= s) && days != Some(0))
        .collect();
    let last = matching
        .iter()
        .map(|m| m.local(today.tz).date_naive())
        .max();
    vec![
        Fact::new("explain-bought", Value::Count(matching.len() as i64)),
        Fact::new("explain-last-bought", Value::Day(last)),
    ]
}

fn rfm_facts(about: &AboutContact) -> Vec<Fact> {
    let scores = about.rfm.as_ref();
    let mut out = vec![Fact::new(
        "explain-rfm",
        Value::Scores(scores.map(|s| [s.r, s.f, s.m])),
    )];
    if let Some(g) = scores.and_then(|s| crate::model::rfm::Group::parse(&s.group)) {
        out.push(word("explain-rfm-group", g.as_str(), "rfm-group-"));
    }
    out
}
