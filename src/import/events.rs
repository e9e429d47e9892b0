//! Loading events from a sending service: sends, reads, clicks, opt-outs. Opt-outs set the
//! contact's status at once; every import refreshes the engagement summary of the contacts it touched.

use chrono_tz::Tz;

use super::fields::Field;
use super::orders::customer;
use super::report::ImportReport;
use super::row::Row;
use super::values::{format_utc, parse_datetime, parse_event_kind};
use super::{Loader, Outcome};
use crate::error::Result;
use crate::i18n::Msg;
use crate::store::{Event, EventKind, Saved, Status, Writer};

pub(crate) struct EventsLoader {
    pub country: String,
    pub tz: Tz,
}

impl Loader for EventsLoader {
    fn load(
        &mut self,
        w: &Writer,
        _line: u64,
        row: &Row,
        _report: &mut ImportReport,
    ) -> Result<Outcome> {
        let contact_id = match customer(w, row, &self.country)? {
            Ok(id) => id,
            Err(msg) => return Ok(Outcome::Rejected(msg)),
        };
        let Some(campaign) = row.owned(Field::Campaign) else {
            return Ok(Outcome::Rejected(
                Msg::new("reject-missing").arg("field", Field::Campaign.name()),
            ));
        };
        let kind = match row.get(Field::EventKind).map(parse_event_kind) {
            None => {
                return Ok(Outcome::Rejected(
                    Msg::new("reject-missing").arg("field", Field::EventKind.name()),
                ));
            }
            Some(Err(msg)) => return Ok(Outcome::Rejected(msg)),
            Some(Ok(kind)) => kind,
        };
        let at = match row.get(Field::At).map(|v| parse_datetime(v, self.tz)) {
            None => {
                return Ok(Outcome::Rejected(
                    Msg::new("reject-missing").arg("field", Field::At.name()),
                ));
            }
            Some(Err(msg)) => return Ok(Outcome::Rejected(msg.arg("field", Field::At.name()))),
            Some(Ok(at)) => format_utc(at),
        };
        let event = Event {
            contact_id,
            campaign,
            message_id: row.owned(Field::MessageId).unwrap_or_default(),
            kind,
            button: row.owned(Field::Button).unwrap_or_default(),
            at,
        };
        if !w.add_event(&event)? {
            return Ok(Outcome::Saved(Saved::Unchanged));
        }
        w.touch(contact_id)?;
        let opt_out = match kind {
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

    fn finish(&mut self, w: &Writer, _report: &mut ImportReport) -> Result<()> {
        w.refresh_engagement()
    }
}
