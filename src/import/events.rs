//! Loading events from a sending service: sends, reads, clicks, opt-outs. Opt-outs set the
//! contact's status at once; every import refreshes the engagement summary of the contacts it touched.

use chrono_tz::Tz;

use super::fields::Field;
use super::orders::Customers;
use super::report::ImportReport;
use super::row::Row;
use super::values::parse_event_kind;
use super::{Loader, Outcome};
use crate::error::Result;
use crate::i18n::Msg;
use crate::store::{Event, EventKind, Saved, Status, Writer};

pub(crate) struct EventsLoader {
    pub customers: Customers,
    pub tz: Tz,
    /// The contact last marked for an engagement refresh.
    last_touched: Option<i64>,
}

impl EventsLoader {
    pub fn new(country: String, tz: Tz) -> Self {
        EventsLoader {
            customers: Customers::new(country),
            tz,
            last_touched: None,
        }
    }
}

impl EventsLoader {
    fn read(&self, row: &Row, contact_id: i64) -> Result<Event, Msg> {
        Ok(Event {
            contact_id,
            campaign: row.required(Field::Campaign)?.to_owned(),
            message_id: row.owned(Field::MessageId).unwrap_or_default(),
            kind: parse_event_kind(row.required(Field::EventKind)?)?,
            button: row.owned(Field::Button).unwrap_or_default(),
            at: row.moment(Field::At, self.tz)?,
        })
    }
}

impl Loader for EventsLoader {
    fn load(
        &mut self,
        w: &Writer,
        _line: u64,
        row: &Row,
        _report: &mut ImportReport,
    ) -> Result<Outcome> {
        let event = match self
            .customers
            .find(w, row)?
            .and_then(|id| self.read(row, id))
        {
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

    fn preview(&mut self, _line: u64, row: &Row) -> Result<Vec<(Field, String)>, Msg> {
        let keys = row.keys(self.customers.country())?;
        let event = self.read(row, 0)?;
        Ok(vec![
            super::orders::key_preview(&keys),
            (Field::Campaign, event.campaign),
            (Field::EventKind, event.kind.as_str().to_owned()),
            (Field::At, event.at),
        ])
    }

    fn finish(&mut self, w: &Writer, _report: &mut ImportReport) -> Result<()> {
        w.refresh_engagement()
    }
}
