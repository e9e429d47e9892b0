//! Loading contact rows: identity, normalising, merging into what the base already holds.

use rustc_hash::FxHashMap;

use chrono_tz::Tz;

mod consent;
mod join;
mod lookup;
mod place;
mod read;

use lookup::{BATCH, Lookup, NewContacts};
pub(crate) use read::PreparedContact;
use read::{Incoming, RowReader};

use super::fields::Field;
use super::repeats::Count;
use super::report::{CityNotes, ImportReport, Warning};
use super::row::{Contacts, Identity, Row, identify};
use super::{ConsentStatement, Loader, Outcome, Preparer};
use crate::error::Result;
use crate::i18n::Msg;
use crate::model::time::Moment;
use crate::store::{Contact, ContactKey, PurchaseSummary, Saved, TzSource, Writer};

pub(crate) struct ContactsLoader {
    reader: RowReader,
    now: Moment,
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
        now: Moment,
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
fn set_some<T: ToOwned + ?Sized>(slot: &mut Option<T::Owned>, value: Option<&T>) {
    if let Some(v) = value {
        *slot = Some(v.to_owned());
    }
}

/// A contact of nothing but its zone, created at `now`.
pub(crate) fn blank_contact(now: &Moment, tz: Tz) -> Contact {
    Contact::new(now.clone(), tz.name().to_owned())
}
