//! Loading events from a sending service: sends, reads, clicks, opt-outs. A row is matched to its
//! planned message by the message id first (`9f3a01c2-20261201-4711`: a saved plan's prefix and
//! the contact), else to the contact by its keys and the campaign column. Opt-outs set the
//! contact's status at once; a click on a button sets the tag the campaign's button names; every
//! import refreshes the engagement summary of the contacts it touched.

use chrono_tz::Tz;

use super::customers::Customers;
use super::fields::Field;
use super::orders::{Keyed, keyed_preparer};
use super::report::ImportReport;
use super::row::Row;
use super::values::parse_event_kind;
use super::{Loader, Outcome, Preparer};
use crate::error::Result;
use crate::i18n::Msg;
use crate::model::time::Moment;
use std::collections::HashMap;

use crate::store::{ContactKey, Event, EventKind, PlanRef, Saved, Status, Writer};

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
        }
    }
}

/// An event as a row states it, for contact 0 and no campaign yet.
fn read_event(row: &Row, tz: Tz) -> Result<Event, Msg> {
    Ok(Event {
        contact_id: 0,
        campaign: String::new(),
        message_id: row.owned(Field::MessageId).unwrap_or_default(),
        kind: parse_event_kind(row.required(Field::EventKind)?)?,
        button: row.owned(Field::Button).unwrap_or_default(),
        at: row.moment(Field::At, tz)?,
    })
}

/// A planned message's id split into its plan's prefix and the contact: `9f3a01c2-20261201-4711`.
fn split_message_id(id: &str) -> Option<(&str, i64)> {
    let (prefix, contact) = id.trim().rsplit_once('-')?;
    let (hash, date) = prefix.split_once('-')?;
    let ours = hash.len() == 8
        && hash.bytes().all(|b| b.is_ascii_hexdigit())
        && date.len() == 8
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

impl Loader for EventsLoader {
    type Prepared = Keyed<Event>;

    fn preparer(&self) -> Preparer<Keyed<Event>> {
        keyed_preparer(&self.customers, self.tz, read_event)
    }

    fn load(
        &mut self,
        w: &Writer,
        _line: u64,
        row: &Row,
        prepared: Keyed<Event>,
        _report: &mut ImportReport,
    ) -> Result<Outcome> {
        let event = self
            .whose(w, row, prepared.keys)?
            .and_then(|(id, campaign)| {
                prepared.value.map(|e| Event {
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
        if self.last_touched != Some(contact_id) {
            w.touch(contact_id)?;
            self.last_touched = Some(contact_id);
        }
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

    fn preview(
        &mut self,
        _line: u64,
        row: &Row,
        prepared: Keyed<Event>,
    ) -> Result<Vec<(Field, String)>, Msg> {
        let key = match row.get(Field::MessageId).and_then(split_message_id) {
            Some(_) => (
                Field::MessageId,
                row.owned(Field::MessageId).unwrap_or_default(),
            ),
            None => super::orders::key_preview(&prepared.keys?),
        };
        let event = prepared.value?;
        Ok(vec![
            key,
            (
                Field::Campaign,
                row.owned(Field::Campaign).unwrap_or_default(),
            ),
            (Field::EventKind, event.kind.as_str().to_owned()),
            (Field::At, event.at.into()),
        ])
    }

    fn finish(&mut self, w: &Writer, _report: &mut ImportReport) -> Result<()> {
        w.refresh_engagement()?;
        w.record_sleeping_share(&self.now)
    }
}
