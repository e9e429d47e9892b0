//! Loading events: a sending service's sends, reads, clicks and opt-outs, and what customers did
//! on the site, in the shop or in a CRM (viewed, carted, checkout, favourited, ordered, or the
//! owner's own kind). A messaging row is matched to its planned message by the message id first
//! (`9f3a01c2-20261201-4711`: a saved plan's prefix and the contact), else to the contact by its
//! keys and the campaign column. A row that names neither a message nor a campaign, with a kind
//! no sending service reports, is activity, matched by the contact's keys. Opt-outs set the
//! contact's status at once; a click on a button sets the tag the campaign's button names; every
//! import refreshes the summaries of the contacts it touched.

use chrono_tz::Tz;

use super::customers::Customers;
use super::fields::Field;
use super::orders::{Keyed, keyed_preparer};
use super::report::{ImportReport, Warning};
use super::row::Row;
use super::values::{parse_amount, parse_event_kind};
use super::{Loader, Outcome, Preparer};
use crate::error::Result;
use crate::i18n::Msg;
use crate::model::time::Moment;
use std::collections::{BTreeMap, HashMap};

use crate::model::activity::{activity_kind, is_built_in};
use crate::store::{Activity, ContactKey, Event, EventKind, PlanRef, Saved, Status, Writer};

pub(crate) struct EventsLoader {
    customers: Customers,
    tz: Tz,
    /// The contact last marked for an engagement refresh.
    last_touched: Option<i64>,
    /// Saved plans by their message ids' prefix; read on the first row.
    plans: Option<HashMap<String, PlanRef>>,
    /// Per campaign: each button's text (case folded) and the tag it sets.
    buttons: HashMap<String, Vec<(String, String)>>,
    /// The import's moment (stored UTC form): the sleeping share is recorded at it.
    now: Moment,
    /// The owner's own kinds of activity the file named, with how many rows each.
    own_kinds: BTreeMap<String, u64>,
}

impl EventsLoader {
    pub fn new(country: String, tz: Tz, now: Moment) -> Self {
        EventsLoader {
            customers: Customers::new(country),
            tz,
            last_touched: None,
            plans: None,
            buttons: HashMap::new(),
            now,
            own_kinds: BTreeMap::new(),
        }
    }
}

/// What a row of an events file states, for contact 0 (and no campaign yet).
pub(crate) enum EventRow {
    Message(Event),
    Activity(Activity),
}

/// An event as a row states it: a message's when its kind is one a sending service reports or
/// the row names a message or a campaign, else a customer's activity.
fn read_event(row: &Row, tz: Tz) -> Result<EventRow, Msg> {
    let word = row.required(Field::EventKind)?;
    if is_activity(row) {
        return read_activity(row, word, tz).map(EventRow::Activity);
    }
    Ok(EventRow::Message(Event {
        contact_id: 0,
        campaign: String::new(),
        message_id: row.owned(Field::MessageId).unwrap_or_default(),
        kind: parse_event_kind(word)?,
        button: row.owned(Field::Button).unwrap_or_default(),
        at: row.moment(Field::At, tz)?,
    }))
}

/// Whether a row is a customer's activity: it names no message and no campaign, and its kind
/// is none a sending service reports.
fn is_activity(row: &Row) -> bool {
    row.get(Field::MessageId).is_none()
        && row.get(Field::Campaign).is_none()
        && row
            .get(Field::EventKind)
            .is_some_and(|word| parse_event_kind(word).is_err())
}

fn read_activity(row: &Row, word: &str, tz: Tz) -> Result<Activity, Msg> {
    Ok(Activity {
        contact_id: 0,
        kind: activity_kind(word).unwrap_or_default(),
        at: row.moment(Field::At, tz)?,
        product: row.owned(Field::Product).unwrap_or_default(),
        category: row.owned(Field::Category).unwrap_or_default(),
        value_kop: row.get(Field::Value).map(parse_amount).transpose()?,
        url: row.owned(Field::Url).unwrap_or_default(),
    })
}

/// A planned message's id split into its plan's prefix and the contact: a campaign's
/// `9f3a01c2-20261201-4711`, a scenario run's `9f3a01c2-202612011600-4711`.
fn split_message_id(id: &str) -> Option<(&str, i64)> {
    let (prefix, contact) = id.trim().rsplit_once('-')?;
    let (hash, date) = prefix.split_once('-')?;
    let ours = hash.len() == 8
        && hash.bytes().all(|b| b.is_ascii_hexdigit())
        && matches!(date.len(), 8 | 12)
        && date.bytes().all(|b| b.is_ascii_digit());
    ours.then_some(())?;
    Some((prefix, contact.parse().ok()?))
}

/// The buttons of a campaign's JSON: text (case folded) and the tag a click sets.
fn button_tags(json: &str) -> Vec<(String, String)> {
    let Ok(c) = crate::model::campaign::Campaign::from_json(json) else {
        return Vec::new();
    };
    c.variants
        .iter()
        .flat_map(|v| v.buttons.iter().chain(v.b.iter().flat_map(|b| &b.buttons)))
        .filter_map(|b| Some((crate::store::fold_case(b.text.trim()), b.tag.clone()?)))
        .collect()
}

impl EventsLoader {
    /// The contact and campaign of a row: through its planned message's id when it names one,
    /// else through the contact's keys and the campaign column.
    fn whose(
        &mut self,
        w: &Writer,
        row: &Row,
        keys: Result<Vec<ContactKey>, Msg>,
    ) -> Result<Result<(i64, String), Msg>> {
        if self.plans.is_none() {
            self.plans = Some(w.plans_by_prefix()?);
        }
        let message = row.get(Field::MessageId).unwrap_or_default();
        if let Some((prefix, contact)) = split_message_id(message) {
            let plan = self.plans.as_ref().and_then(|p| p.get(prefix));
            if let Some(plan) = plan
                && w.has_contact(contact)?
            {
                if !self.buttons.contains_key(&plan.campaign) {
                    self.buttons
                        .insert(plan.campaign.clone(), button_tags(&plan.snapshot));
                }
                return Ok(Ok((contact, plan.campaign.clone())));
            }
            if !row.has_key() {
                return Ok(Err(
                    Msg::new("reject-unknown-message").arg("id", message.trim())
                ));
            }
        }
        let contact = match self.customers.find(w, keys, None)? {
            Ok(found) => found.id,
            Err(msg) => return Ok(Err(msg)),
        };
        let campaign = match row.required(Field::Campaign) {
            Ok(c) => c.to_owned(),
            Err(msg) => return Ok(Err(msg)),
        };
        if !self.buttons.contains_key(&campaign) {
            let tags = w
                .campaign_json(&campaign)?
                .map(|j| button_tags(&j))
                .unwrap_or_default();
            self.buttons.insert(campaign.clone(), tags);
        }
        Ok(Ok((contact, campaign)))
    }

    /// The tag a click on `button` in `campaign` sets, if its button names one.
    fn tag_of(&self, campaign: &str, button: &str) -> Option<&String> {
        let button = crate::store::fold_case(button.trim());
        self.buttons
            .get(campaign)?
            .iter()
            .find(|(text, _)| *text == button)
            .map(|(_, tag)| tag)
    }
}

impl EventsLoader {
    /// Saves a message's event for its contact and campaign; returns what became of the row.
    fn load_message(
        &mut self,
        w: &Writer,
        row: &Row,
        keys: Result<Vec<ContactKey>, Msg>,
        event: Result<Event, Msg>,
    ) -> Result<Outcome> {
        let event = self.whose(w, row, keys)?.and_then(|(id, campaign)| {
            event.map(|e| Event {
                contact_id: id,
                campaign,
                ..e
            })
        });
        let event = match event {
            Ok(event) => event,
            Err(msg) => return Ok(Outcome::Rejected(msg)),
        };
        let contact_id = event.contact_id;
        if !w.add_event(&event)? {
            return Ok(Outcome::Saved(Saved::Unchanged));
        }
        self.touch(w, contact_id)?;
        let opt_out = match event.kind {
            EventKind::Unsubscribed => Some(Status::Unsubscribed),
            EventKind::Blocked => Some(Status::Blocked),
            _ => None,
        };
        if event.kind == EventKind::Clicked
            && let Some(tag) = self.tag_of(&event.campaign, &event.button)
        {
            w.add_tags(contact_id, std::slice::from_ref(tag), &event.at)?;
        }
        if let Some(status) = opt_out {
            let mut c = w.load(contact_id)?;
            let newer = c.status_at.as_deref().is_none_or(|s| s < event.at.as_str());
            if newer && c.status != status {
                c.status = status;
                c.status_at = Some(event.at.clone());
                w.update(&c)?;
            }
        }
        Ok(Outcome::Saved(Saved::Inserted))
    }

    /// Saves a customer's activity event; returns what became of the row.
    fn load_activity(
        &mut self,
        w: &Writer,
        keys: Result<Vec<ContactKey>, Msg>,
        activity: Result<Activity, Msg>,
    ) -> Result<Outcome> {
        let found = self.customers.find(w, keys, None)?;
        let (contact_id, activity) = match found.and_then(|f| activity.map(|a| (f.id, a))) {
            Ok(both) => both,
            Err(msg) => return Ok(Outcome::Rejected(msg)),
        };
        let activity = Activity {
            contact_id,
            ..activity
        };
        let saved = w.save_activity(&activity)?;
        if saved != Saved::Unchanged {
            self.touch(w, contact_id)?;
        }
        if !is_built_in(&activity.kind) {
            *self.own_kinds.entry(activity.kind).or_default() += 1;
        }
        Ok(Outcome::Saved(saved))
    }

    /// Marks the contact for the summaries' refresh (once for a run of their rows).
    fn touch(&mut self, w: &Writer, contact_id: i64) -> Result<()> {
        if self.last_touched != Some(contact_id) {
            w.touch(contact_id)?;
            self.last_touched = Some(contact_id);
        }
        Ok(())
    }
}

impl Loader for EventsLoader {
    type Prepared = Keyed<EventRow>;

    fn preparer(&self) -> Preparer<Keyed<EventRow>> {
        keyed_preparer(&self.customers, self.tz, read_event)
    }

    fn load(
        &mut self,
        w: &Writer,
        _line: u64,
        row: &Row,
        prepared: Keyed<EventRow>,
        _report: &mut ImportReport,
    ) -> Result<Outcome> {
        match prepared.value {
            Ok(EventRow::Activity(a)) => self.load_activity(w, prepared.keys, Ok(a)),
            Ok(EventRow::Message(e)) => self.load_message(w, row, prepared.keys, Ok(e)),
            Err(msg) if is_activity(row) => self.load_activity(w, prepared.keys, Err(msg)),
            Err(msg) => self.load_message(w, row, prepared.keys, Err(msg)),
        }
    }

    fn preview(
        &mut self,
        _line: u64,
        row: &Row,
        prepared: Keyed<EventRow>,
    ) -> Result<Vec<(Field, String)>, Msg> {
        let key = match row.get(Field::MessageId).and_then(split_message_id) {
            Some(_) => (
                Field::MessageId,
                row.owned(Field::MessageId).unwrap_or_default(),
            ),
            None => super::orders::key_preview(&prepared.keys?),
        };
        Ok(match prepared.value? {
            EventRow::Message(event) => vec![
                key,
                (
                    Field::Campaign,
                    row.owned(Field::Campaign).unwrap_or_default(),
                ),
                (Field::EventKind, event.kind.as_str().to_owned()),
                (Field::At, event.at.into()),
            ],
            EventRow::Activity(a) => vec![
                key,
                (Field::EventKind, a.kind),
                (Field::Product, a.product),
                (Field::At, a.at.into()),
            ],
        })
    }

    fn finish(&mut self, w: &Writer, report: &mut ImportReport) -> Result<()> {
        if !self.own_kinds.is_empty() {
            let kinds: Vec<String> = self
                .own_kinds
                .iter()
                .map(|(kind, n)| format!("«{kind}» ({n})"))
                .collect();
            report.warnings.push(Warning {
                line: None,
                msg: Msg::new("warn-own-activity-kinds").arg("kinds", kinds.join(", ")),
            });
        }
        w.refresh_engagement(self.now.utc().timestamp())?;
        w.record_sleeping_share(&self.now)
    }
}
