//! Loading contact rows: identity, normalising, merging into what the base already holds.

use rustc_hash::FxHashMap;

use chrono_tz::Tz;

mod consent;
mod join;
mod place;

use consent::channel_consent;

use super::fields::Field;
use super::key_ids::KeyIds;
use super::repeats::{Count, Repeats};
use super::report::{CityNotes, ImportReport, Warning};
use super::row::{ChosenPhone, Contacts, Identity, Row, identify};
use super::values::{parse_amount, parse_birthday, parse_consent, parse_status, split_tags};
use super::{ConsentStatement, Loader, Outcome, Preparer};
use crate::error::Result;
use crate::geo::{CityZone, zone_for_city};
use crate::i18n::Msg;
use crate::model::time::format_utc;
use crate::store::{
    ChannelConsent, Consent, Contact, ContactKey, OWN_SYSTEM, PurchaseSummary, Saved, Status,
    TzSource, Writer,
};

/// What one row says about a contact; `None` means the row is silent on it.
struct Incoming {
    name: Option<String>,
    first_name: Option<String>,
    zone: Option<(String, TzSource)>,
    consent: Option<Consent>,
    consent_at: Option<String>,
    consent_source: Option<String>,
    /// Whether the consent is the owner's statement for the whole file.
    stated: bool,
    status: Option<Status>,
    status_at: Option<String>,
    created_at: Option<String>,
    tags: Vec<String>,
    /// The zone of the row's own city and region, when it names a city.
    row_zone: Option<CityZone>,
    /// The phone numbers and e-mail addresses besides the keys, by their columns' headers.
    other_keys: Vec<(String, String)>,
    /// An e-mail cell's value that is no address, kept as a custom field and reported.
    bad_email: Option<String>,
    birthday: Option<String>,
    channel_consent: ChannelConsent,
    /// The purchase totals of a customers export, when the row gives any.
    summary: Option<PurchaseSummary>,
}

/// A contact row read on its own: its keys and what it says.
pub(crate) struct PreparedContact {
    keys: Vec<ContactKey>,
    incoming: Incoming,
}

/// Reads contact rows without the base, on the reading thread: keys, names, dates, the zone of
/// the row's city (towns repeat, so each city and region is looked up once).
#[derive(Clone)]
struct RowReader {
    country: String,
    tz: Tz,
    /// The owner's statement that everyone in the file agreed to messages: for rows that say
    /// nothing of consent themselves.
    statement: Option<ConsentStatement>,
    /// City → region (empty when none) → zone.
    zones: FxHashMap<String, FxHashMap<String, CityZone>>,
}

/// How many new contacts wait in memory before they are written together.
const BATCH: usize = 512;

/// The contacts an import creates, kept in memory until there are enough to write at once, and
/// where every key is: the base's keys and the ones this import gave out, by fingerprint. A
/// first import drops the key indexes until its end, so the base cannot be asked; a re-import
/// is spared an index lookup per key.
struct NewContacts {
    pending: Vec<(Contact, Vec<String>)>,
    /// Every key in the base and every key this import gave out → its contact.
    known: KeyIds,
    /// The first id this import gives; contacts from it on were created by this import.
    first_id: i64,
    next_id: i64,
    /// The stored contact read last: a row's keys and then its merge all look at the same one.
    read_last: Option<Contact>,
    /// Stored contacts the file's rows named, for counting repeated ones right.
    repeats: Repeats,
    /// The system whose ids this file's rows take over from the owner's own ids, when the base
    /// held none of that system's ids as the import began.
    adopting: Option<String>,
}

impl NewContacts {
    /// The new contacts of an import whose ids of `adopting` (a recognised tool's system) may
    /// take over the owner's own ids they match.
    fn new(w: &Writer, adopting: Option<&str>) -> Result<NewContacts> {
        let first_id = w.next_contact_id()?;
        let mut known = KeyIds::new();
        w.each_key(|fp, id| known.insert_fingerprint(fp, id))?;
        let adopting = match adopting {
            Some(system) if system != OWN_SYSTEM && !w.holds_ids_of(system)? => {
                Some(system.to_owned())
            }
            _ => None,
        };
        Ok(NewContacts {
            pending: Vec::with_capacity(BATCH),
            known,
            first_id,
            next_id: first_id,
            read_last: None,
            repeats: Repeats::new(first_id),
            adopting,
        })
    }

    fn pending_index(&self, id: i64) -> Option<usize> {
        let first = self.pending.first()?.0.id;
        usize::try_from(id - first)
            .ok()
            .filter(|&i| i < self.pending.len())
    }

    /// Notes the keys of `c`, so later rows find it.
    fn register(&mut self, c: &Contact) {
        for fp in ContactKey::fingerprints_of(c) {
            self.known.insert_fingerprint(fp, c.id);
        }
    }

    fn flush(&mut self, w: &Writer, at: &str) -> Result<()> {
        w.insert_batch(&self.pending, at)?;
        self.pending.clear();
        Ok(())
    }
}

/// The base as seen by one row: the pending new contacts first, then the stored ones.
struct Lookup<'a, 'w> {
    w: &'a Writer<'w>,
    new: &'a mut NewContacts,
    at: &'a str,
}

impl Lookup<'_, '_> {
    /// The stored contact `id`, read from the base once for all the row's questions.
    fn stored(&mut self, id: i64) -> Result<&Contact> {
        let last = &mut self.new.read_last;
        if last.as_ref().is_none_or(|c| c.id != id) {
            *last = Some(self.w.load(id)?);
        }
        Ok(last.as_ref().expect("just read"))
    }

    /// Whether the contact `id` holds `key`.
    fn holds(&mut self, id: i64, key: &ContactKey) -> Result<bool> {
        let holder = match self.new.pending_index(id) {
            Some(i) => &self.new.pending[i].0,
            None => self.stored(id)?,
        };
        Ok(key.held_by(holder))
    }

    /// The contact holding `key`, by the in-memory map, the base only after a collision.
    fn holder(&mut self, key: &ContactKey) -> Result<Option<i64>> {
        let Some(id) = self.new.known.get(key) else {
            return Ok(None);
        };
        if self.holds(id, key)? {
            return Ok(Some(id));
        }
        // The contact that had this fingerprint holds another key now (or another key's digest
        // collided): only a collision can hide the key's holder, and then the base knows it.
        if self.new.known.collisions == 0 {
            return Ok(None);
        }
        self.new.flush(self.w, self.at)?;
        self.w.find(key)
    }
}

impl Contacts for Lookup<'_, '_> {
    fn find(&mut self, key: &ContactKey) -> Result<Option<i64>> {
        if let Some(id) = self.holder(key)? {
            return Ok(Some(id));
        }
        // The first file of a system the base holds no ids of yet takes over the owner's own
        // ids it matches: they were that system's ids, imported before ids had systems.
        match (key, &self.new.adopting) {
            (ContactKey::External { system, id }, Some(adopting)) if system == adopting => {
                self.holder(&ContactKey::own(id.clone()))
            }
            _ => Ok(None),
        }
    }

    /// The contact `id`: a pending one copied, a stored one handed over (the row's save keeps
    /// the copy it changes; a million unchanged rows are spared a copy each).
    fn load(&mut self, id: i64) -> Result<Contact> {
        match self.new.pending_index(id) {
            Some(i) => Ok(self.new.pending[i].0.clone()),
            None => {
                self.stored(id)?;
                Ok(self.new.read_last.take().expect("just read"))
            }
        }
    }
}

pub(crate) struct ContactsLoader {
    reader: RowReader,
    now: String,
    /// The file's name, kept in the consent records it sets.
    file: String,
    new: Option<NewContacts>,
    cities: CityNotes,
    /// Rows that give consent "yes" without its date or source: the first line, and how many.
    unproven: Option<(u64, u64)>,
    /// Rows that took the owner's consent statement for the file: how many.
    stated: Option<u64>,
    /// Rows whose e-mail cell held no address: the first line and value, and how many.
    bad_emails: Option<(u64, String, u64)>,
    /// Contacts whose own ids became the file's system's: the first one, and how many.
    adopted: Option<(String, u64)>,
    /// Contacts known only by e-mail that joined the contact a row's phone found: the first
    /// line and the two ids, and how many.
    joined: Option<(u64, i64, i64, u64)>,
}

impl ContactsLoader {
    pub fn new(
        country: String,
        tz: Tz,
        now: String,
        file: String,
        statement: Option<ConsentStatement>,
    ) -> Self {
        ContactsLoader {
            reader: RowReader {
                country,
                tz,
                statement,
                zones: FxHashMap::default(),
            },
            now,
            file,
            new: None,
            cities: CityNotes::default(),
            unproven: None,
            stated: None,
            bad_emails: None,
            adopted: None,
            joined: None,
        }
    }
}

impl RowReader {
    /// The row's keys and what it says; its number to message and e-mail address are found
    /// once, for the keys and for the other numbers and addresses kept beside them.
    fn prepare(&mut self, row: &Row) -> Result<PreparedContact, Msg> {
        let phone = row.phone(&self.country)?;
        let email = row.email();
        Ok(PreparedContact {
            keys: row.keys_with(phone.as_ref(), email.as_deref())?,
            incoming: self.read(row, phone.as_ref(), email.as_deref())?,
        })
    }

    fn date(&self, row: &Row, field: Field) -> Result<Option<String>, Msg> {
        row.get(field)
            .map(|_| row.moment(field, self.tz))
            .transpose()
    }

    fn read(
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
                Some(format_utc(s.at)),
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
    fn summary(&self, row: &Row) -> Result<Option<PurchaseSummary>, Msg> {
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
    fn zone(&mut self, city: &str, region: Option<&str>) -> CityZone {
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

impl ContactsLoader {
    /// Applies the row to `c` (a stored contact, or a blank new one). Non-empty values win;
    /// consent never silently comes back after an opt-out.
    #[allow(clippy::too_many_arguments)]
    fn apply(
        &mut self,
        is_new: bool,
        c: &mut Contact,
        row: &Row,
        keys: &[ContactKey],
        inc: Incoming,
        line: u64,
        warnings: &mut Vec<Warning>,
    ) {
        assign_keys(c, keys);
        self.apply_consent(c, &inc, line, warnings);
        set_some(&mut c.name, inc.name.as_deref());
        set_some(&mut c.first_name, inc.first_name.as_deref());
        let old_city = c.city.clone();
        set_some(&mut c.city, row.get(Field::City));
        set_some(&mut c.region, row.get(Field::Region));
        set_some(&mut c.source, row.get(Field::Source));
        set_some(&mut c.utm_source, row.get(Field::UtmSource));
        set_some(&mut c.utm_medium, row.get(Field::UtmMedium));
        set_some(&mut c.utm_campaign, row.get(Field::UtmCampaign));
        set_some(&mut c.utm_content, row.get(Field::UtmContent));
        set_some(&mut c.utm_term, row.get(Field::UtmTerm));
        if let Some(created) = inc.created_at {
            c.created_at = created;
        }
        for (header, value) in row.custom() {
            c.custom.insert(header.to_owned(), value.to_owned());
        }
        // The address is kept as written; the town in it may give the contact's zone.
        if let (Some(header), Some(address)) = (
            row.layout.header_of(Field::Address),
            row.get(Field::Address),
        ) {
            c.custom.insert(header.to_owned(), address.to_owned());
        }
        c.custom.extend(inc.other_keys);
        set_some(&mut c.birthday, inc.birthday.as_deref());
        if let Some(bad) = inc.bad_email {
            let (_, _, rows) = self.bad_emails.get_or_insert((line, bad, 0));
            *rows += 1;
        }

        // Time zone: an explicit column wins; an explicit zone stays until the city changes.
        if let Some((tz, source)) = inc.zone {
            c.time_zone = tz;
            c.tz_source = source;
        } else if c.tz_source != TzSource::Column || c.city != old_city || is_new {
            self.place(is_new, c, row, inc.row_zone, line);
        }
    }
}

impl Loader for ContactsLoader {
    type Prepared = Result<PreparedContact, Msg>;

    fn preparer(&self) -> Preparer<Self::Prepared> {
        let mut reader = self.reader.clone();
        Box::new(move |row| reader.prepare(row))
    }

    fn load(
        &mut self,
        w: &Writer,
        line: u64,
        row: &Row,
        prepared: Self::Prepared,
        report: &mut ImportReport,
    ) -> Result<Outcome> {
        let PreparedContact { keys, incoming } = match prepared {
            Ok(prepared) => prepared,
            Err(msg) => return Ok(Outcome::Rejected(msg)),
        };
        let mut new = match self.new.take() {
            Some(new) => new,
            None => NewContacts::new(w, row.layout.adopting_system())?,
        };
        let identity = identify(
            &mut Lookup {
                w,
                new: &mut new,
                at: &self.now,
            },
            &keys,
        );
        let outcome = self.save(w, &mut new, line, row, keys, incoming, identity?, report);
        self.new = Some(new);
        outcome
    }

    fn preview(
        &mut self,
        line: u64,
        row: &Row,
        prepared: Self::Prepared,
    ) -> Result<Vec<(Field, String)>, Msg> {
        let PreparedContact { keys, incoming } = prepared?;
        let mut c = blank_contact(&self.now, self.reader.tz);
        let mut warnings = Vec::new();
        self.apply(true, &mut c, row, &keys, incoming, line, &mut warnings);
        let opt = |v: Option<String>| v.unwrap_or_default();
        Ok(vec![
            (Field::ExternalId, opt(c.external_id)),
            (Field::Phone, opt(c.phone)),
            (Field::Email, opt(c.email)),
            (Field::Name, opt(c.name)),
            (Field::FirstName, opt(c.first_name)),
            (Field::City, opt(c.city)),
            (Field::TimeZone, c.time_zone),
            (Field::Consent, c.consent.as_str().to_owned()),
        ])
    }

    fn preview_warnings(&mut self) -> Vec<Warning> {
        std::mem::take(&mut self.cities)
            .into_warnings(self.reader.tz.name())
            .collect()
    }

    fn finish(&mut self, w: &Writer, report: &mut ImportReport) -> Result<()> {
        // The key map goes before the commit builds the indexes.
        if let Some(mut new) = self.new.take() {
            new.flush(w, &self.now)?;
        }
        let notes = std::mem::take(&mut self.cities);
        report
            .warnings
            .extend(notes.into_warnings(self.reader.tz.name()));
        if let (Some(rows), Some(statement)) = (self.stated.take(), &self.reader.statement) {
            report.warnings.push(Warning {
                line: None,
                msg: Msg::new("warn-consent-stated")
                    .arg("count", rows as i64)
                    .arg("source", statement.source.as_str())
                    .arg(
                        "date",
                        statement
                            .at
                            .with_timezone(&self.reader.tz)
                            .format("%d.%m.%Y")
                            .to_string(),
                    ),
            });
        }
        if let Some((line, value, rows)) = self.bad_emails.take() {
            report.warnings.push(Warning {
                line: Some(line),
                msg: Msg::new("warn-email-kept")
                    .arg("count", rows as i64)
                    .arg("value", value),
            });
        }
        if let Some((first, rows)) = self.adopted.take() {
            report.warnings.push(Warning {
                line: None,
                msg: Msg::new("warn-ids-adopted")
                    .arg("count", rows as i64)
                    .arg("first", first),
            });
        }
        if let Some((line, into, absorbed, rows)) = self.joined.take() {
            report.warnings.push(Warning {
                line: Some(line),
                msg: Msg::new("warn-email-joined")
                    .arg("count", rows as i64)
                    .arg("into", into)
                    .arg("absorbed", absorbed),
            });
        }
        if let Some((line, rows)) = self.unproven.take() {
            report.warnings.push(Warning {
                line: Some(line),
                msg: Msg::new("warn-consent-unproven")
                    .arg("count", rows as i64)
                    .arg("line", line as i64),
            });
        }
        Ok(())
    }
}

impl ContactsLoader {
    /// Counts a stored contact whose own id became the file's system's.
    fn note_adoption(&mut self, stored: &Contact, c: &Contact) {
        if stored.external_id.is_some()
            && stored.external_id == c.external_id
            && stored.id_system != c.id_system
        {
            let shown = format!(
                "{}:{}",
                stored.id_system,
                stored.external_id.as_deref().unwrap_or("")
            );
            let (_, rows) = self.adopted.get_or_insert((shown, 0));
            *rows += 1;
        }
    }

    /// Creates, merges or updates the contact a row is about.
    #[allow(clippy::too_many_arguments)]
    fn save(
        &mut self,
        w: &Writer,
        new: &mut NewContacts,
        line: u64,
        row: &Row,
        keys: Vec<ContactKey>,
        incoming: Incoming,
        identity: Result<Identity, Msg>,
        report: &mut ImportReport,
    ) -> Result<Outcome> {
        let tags = incoming.tags.clone();
        let summary = incoming.summary.clone();
        let (stored, found) = match identity {
            Err(msg) => return Ok(Outcome::Rejected(msg)),
            Ok(Identity::New) => (blank_contact(&self.now, self.reader.tz), Found::New),
            Ok(Identity::Existing(id)) => (
                Lookup {
                    w,
                    new,
                    at: &self.now,
                }
                .load(id)?,
                Found::Stored,
            ),
            Ok(Identity::Join { into, absorbed }) => {
                (self.join(w, new, line, into, absorbed)?, Found::Joined)
            }
        };
        let mut c = stored.clone();
        let is_new = found == Found::New;
        self.apply(
            is_new,
            &mut c,
            row,
            &keys,
            incoming,
            line,
            &mut report.warnings,
        );
        if is_new {
            c.id = new.next_id;
            new.next_id += 1;
            new.register(&c);
            summarise(w, c.id, &summary)?;
            new.pending.push((c, tags));
            if new.pending.len() >= BATCH {
                new.flush(w, &self.now)?;
            }
            return Ok(Outcome::Saved(Saved::Inserted));
        }
        self.note_adoption(&stored, &c);
        // A re-import mostly names people by the keys they have: only new keys need noting.
        let same_keys = c.external_id == stored.external_id
            && c.id_system == stored.id_system
            && c.phone == stored.phone
            && c.email == stored.email
            && c.tg_chat_id == stored.tg_chat_id
            && c.tg_username == stored.tg_username;
        if !same_keys || found == Found::Joined {
            new.register(&c);
        }
        let summarised = summarise(w, c.id, &summary)?;
        if found == Found::Joined {
            w.update(&c)?;
            w.add_tags(c.id, &tags, &self.now)?;
            new.read_last = Some(c);
            return Ok(Outcome::Merged);
        }
        if let Some(i) = new.pending_index(c.id) {
            let (slot, slot_tags) = &mut new.pending[i];
            *slot = c;
            for tag in tags {
                if !slot_tags.contains(&tag) {
                    slot_tags.push(tag);
                }
            }
            return Ok(Outcome::Merged);
        }
        let changed = c != stored;
        if changed {
            w.update(&c)?;
            new.read_last = Some(c.clone());
        }
        let tagged = w.add_tags(c.id, &tags, &self.now)? > 0 || summarised;
        if c.id >= new.first_id {
            return Ok(Outcome::Merged);
        }
        Ok(match new.repeats.note(&stored, &c, changed, tagged) {
            Count::First { updated: true } => Outcome::Saved(Saved::Updated),
            Count::First { updated: false } => Outcome::Saved(Saved::Unchanged),
            Count::Again {
                was_updated,
                updated,
            } => {
                if was_updated != updated {
                    report.recount_updated(updated);
                }
                Outcome::Merged
            }
        })
    }
}

/// Gives `c` the keys of a row: each in its own column, an external id with its system.
pub(crate) fn assign_keys(c: &mut Contact, keys: &[ContactKey]) {
    use ContactKey::*;
    for key in keys {
        let slot = match key {
            External { system, .. } => {
                c.id_system.clone_from(system);
                &mut c.external_id
            }
            Phone(_) => &mut c.phone,
            Email(_) => &mut c.email,
            TgChatId(_) => &mut c.tg_chat_id,
            TgUsername(_) => &mut c.tg_username,
        };
        *slot = Some(key.value().to_owned());
    }
}

/// Whom a row is about: a contact it creates, one stored (or created by an earlier row), or one
/// stored that a contact known only by e-mail has just joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    New,
    Stored,
    Joined,
}

/// Keeps the purchase totals a row gives for contact `id`; whether they changed.
fn summarise(w: &Writer, id: i64, summary: &Option<PurchaseSummary>) -> Result<bool> {
    match summary {
        Some(summary) => w.save_summary(id, summary),
        None => Ok(false),
    }
}

/// Sets `slot` to `value` when there is one: a file's empty cell keeps what is stored.
fn set_some(slot: &mut Option<String>, value: Option<&str>) {
    if let Some(v) = value {
        *slot = Some(v.to_owned());
    }
}

/// A contact of nothing but its zone, created at `now`.
pub(crate) fn blank_contact(now: &str, tz: Tz) -> Contact {
    Contact {
        id: 0,
        external_id: None,
        id_system: OWN_SYSTEM.to_owned(),
        email: None,
        name: None,
        first_name: None,
        phone: None,
        tg_chat_id: None,
        tg_username: None,
        city: None,
        region: None,
        time_zone: tz.name().to_owned(),
        tz_source: TzSource::Default,
        source: None,
        utm_source: None,
        utm_medium: None,
        utm_campaign: None,
        utm_content: None,
        utm_term: None,
        consent: Consent::Unknown,
        consent_at: None,
        consent_source: None,
        consent_file: None,
        status: Status::Active,
        status_at: None,
        created_at: now.to_owned(),
        birthday: None,
        channel_consent: ChannelConsent::default(),
        custom: Default::default(),
    }
}
