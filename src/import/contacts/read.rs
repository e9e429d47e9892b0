//! Reading a contact row without the base, on the reading thread: its keys, names, dates,
//! consent, tags and the zone of its city.

use chrono_tz::Tz;
use rustc_hash::FxHashMap;

use super::consent::channel_consent;
use crate::error::Result;
use crate::geo::{CityZone, zone_for_city};
use crate::i18n::Msg;
use crate::import::ConsentStatement;
use crate::import::fields::Field;
use crate::import::row::{ChosenPhone, Row};
use crate::import::values::{
    parse_amount, parse_birthday, parse_consent, parse_status, split_tags,
};
use crate::model::time::Moment;
use crate::store::{ChannelConsent, Consent, ContactKey, PurchaseSummary, Status, TzSource};

/// What one row says about a contact; `None` means the row is silent on it.
pub(super) struct Incoming {
    pub(super) name: Option<String>,
    pub(super) first_name: Option<String>,
    pub(super) zone: Option<(String, TzSource)>,
    pub(super) consent: Option<Consent>,
    pub(super) consent_at: Option<Moment>,
    pub(super) consent_source: Option<String>,
    /// Whether the consent is the owner's statement for the whole file.
    pub(super) stated: bool,
    pub(super) status: Option<Status>,
    pub(super) status_at: Option<Moment>,
    pub(super) created_at: Option<Moment>,
    pub(super) tags: Vec<String>,
    /// The zone of the row's own city and region, when it names a city.
    pub(super) row_zone: Option<CityZone>,
    /// The phone numbers and e-mail addresses besides the keys, by their columns' headers.
    pub(super) other_keys: Vec<(String, String)>,
    /// An e-mail cell's value that is no address, kept as a custom field and reported.
    pub(super) bad_email: Option<String>,
    pub(super) birthday: Option<String>,
    pub(super) channel_consent: ChannelConsent,
    /// The purchase totals of a customers export, when the row gives any.
    pub(super) summary: Option<PurchaseSummary>,
}

/// A contact row read on its own: its keys and what it says.
pub(crate) struct PreparedContact {
    pub(super) keys: Vec<ContactKey>,
    pub(super) incoming: Incoming,
}

/// Reads contact rows without the base, on the reading thread: keys, names, dates, the zone of
/// the row's city (towns repeat, so each city and region is looked up once).
#[derive(Clone)]
pub(super) struct RowReader {
    pub(super) country: String,
    pub(super) tz: Tz,
    /// The owner's statement that everyone in the file agreed to messages: for rows that say
    /// nothing of consent themselves.
    pub(super) statement: Option<ConsentStatement>,
    /// City → region (empty when none) → zone.
    pub(super) zones: FxHashMap<String, FxHashMap<String, CityZone>>,
}

impl RowReader {
    /// The row's keys and what it says; its number to message and e-mail address are found
    /// once, for the keys and for the other numbers and addresses kept beside them.
    pub(super) fn prepare(&mut self, row: &Row) -> Result<PreparedContact, Msg> {
        let phone = row.phone(&self.country)?;
        let email = row.email();
        Ok(PreparedContact {
            keys: row.keys_with(phone.as_ref(), email.as_deref())?,
            incoming: self.read(row, phone.as_ref(), email.as_deref())?,
        })
    }

    pub(super) fn date(&self, row: &Row, field: Field) -> Result<Option<Moment>, Msg> {
        row.get(field)
            .map(|_| row.moment(field, self.tz))
            .transpose()
    }

    pub(super) fn read(
        &mut self,
        row: &Row,
        phone: Option<&ChosenPhone>,
        email: Option<&str>,
    ) -> Result<Incoming, Msg> {
        let (name, first_name) =
            row.person(&[Field::LastName, Field::FirstName, Field::MiddleName]);
        let zone = match row.get(Field::TimeZone) {
            Some(tz) => {
                let parsed: Tz = tz
                    .parse()
                    .map_err(|_| Msg::new("reject-time-zone").arg("value", tz))?;
                let source = row
                    .get(Field::TzSource)
                    .and_then(TzSource::parse)
                    .unwrap_or(TzSource::Column);
                Some((parsed.name().to_owned(), source))
            }
            None => None,
        };
        let consent = row
            .get(Field::Consent)
            .map(parse_consent)
            .transpose()?
            .filter(|c| *c != Consent::Unknown);
        let stated = self
            .statement
            .as_ref()
            .filter(|_| row.get(Field::Consent).is_none());
        let (consent, consent_at, consent_source) = match stated {
            Some(s) => (
                Some(Consent::Yes),
                Some(Moment::of(s.at)),
                Some(s.source.clone()),
            ),
            None => (
                consent,
                self.date(row, Field::ConsentAt)?,
                row.owned(Field::ConsentSource),
            ),
        };
        let status = row
            .get(Field::Status)
            .map(parse_status)
            .transpose()?
            .flatten();
        let (other_emails, bad_email) = row.other_emails(email);
        let other_keys = row
            .other_phones(phone)
            .into_iter()
            .chain(other_emails)
            .map(|(h, v)| (h.to_owned(), v))
            .collect();
        Ok(Incoming {
            name,
            first_name,
            zone,
            consent,
            consent_at,
            consent_source,
            stated: stated.is_some(),
            status,
            status_at: self.date(row, Field::StatusAt)?,
            created_at: self.date(row, Field::CreatedAt)?,
            tags: row
                .get(Field::Tags)
                .map(|t| split_tags(t).collect())
                .unwrap_or_default(),
            row_zone: row
                .get(Field::City)
                .map(|city| self.zone(city, row.get(Field::Region))),
            other_keys,
            bad_email: bad_email.map(str::to_owned),
            birthday: row.get(Field::Birthday).map(parse_birthday).transpose()?,
            summary: self.summary(row)?,
            channel_consent: ChannelConsent {
                whatsapp: channel_consent(row, Field::ConsentWhatsapp)?,
                telegram: channel_consent(row, Field::ConsentTelegram)?,
                sms: channel_consent(row, Field::ConsentSms)?,
            },
        })
    }

    /// The purchase totals the row gives (`Total Orders`, `Total Spent`, `Последний заказ`).
    pub(super) fn summary(&self, row: &Row) -> Result<Option<PurchaseSummary>, Msg> {
        let orders = row
            .get(Field::TotalOrders)
            .map(|n| {
                n.trim()
                    .parse::<i64>()
                    .ok()
                    .filter(|n| *n >= 0)
                    .ok_or_else(|| Msg::new("reject-total-orders").arg("value", n))
            })
            .transpose()?;
        let summary = PurchaseSummary {
            orders,
            spent_kop: row.get(Field::TotalSpent).map(parse_amount).transpose()?,
            last_order_at: self.date(row, Field::LastOrderAt)?,
        };
        Ok((summary != PurchaseSummary::default()).then_some(summary))
    }

    /// The zone of `city`, told apart by `region`; each pair is looked up in the table once.
    pub(super) fn zone(&mut self, city: &str, region: Option<&str>) -> CityZone {
        let region = region.unwrap_or("");
        if let Some(zone) = self.zones.get(city).and_then(|r| r.get(region)) {
            return *zone;
        }
        let zone = zone_for_city(city, Some(region).filter(|r| !r.is_empty()));
        self.zones
            .entry(city.to_owned())
            .or_default()
            .insert(region.to_owned(), zone);
        zone
    }
}
