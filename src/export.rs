//! Writing the whole contact base to CSV: every stored field, so that importing the file back
//! changes nothing. UTF-8 with BOM so Excel shows Cyrillic.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};
use crate::i18n::{Lang, tr_in};
use crate::model::task::Task;
use crate::store::{Contact, Store};

/// The fixed columns, by the canonical field names the importer reads back.
const HEADERS: &[&str] = &[
    "adresat_id",
    "external_id",
    "id_system",
    "email",
    "name",
    "first_name",
    "phone",
    "tg_chat_id",
    "tg_username",
    "city",
    "region",
    "time_zone",
    "tz_source",
    "source",
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_content",
    "utm_term",
    "consent",
    "consent_at",
    "consent_source",
    "consent_file",
    "status",
    "status_at",
    "created_at",
    "birthday",
    "consent_whatsapp",
    "consent_telegram",
    "consent_sms",
    "total_orders",
    "total_spent",
    "last_order_at",
    "tags",
];

fn opt(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

/// Who the contact is: the internal and external ids, the id's system, e-mail and name.
fn who(c: &Contact) -> [String; 5] {
    [
        c.id.to_string(),
        opt(&c.external_id),
        c.id_system.clone(),
        opt(&c.email),
        opt(&c.name),
    ]
}

/// The consent, its date and source, and the file it came from.
fn consent_record(c: &Contact) -> [String; 4] {
    [
        c.consent.as_str().to_owned(),
        opt(&c.consent_at),
        opt(&c.consent_source),
        opt(&c.consent_file),
    ]
}

/// Each channel's own consent: empty where it follows the general one.
fn channels(c: &Contact) -> [String; 3] {
    let consent = c.channel_consent;
    [consent.whatsapp, consent.telegram, consent.sms]
        .map(|consent| consent.map(|c| c.as_str().to_owned()).unwrap_or_default())
}

/// The column that marks every row of a file exported from a demo base.
pub const DEMO_COLUMN: &str = "demo_data";

/// Writes every contact, or those of `only` (ids, ascending), to `path` (`delimiter` `;` for
/// Russian Excel, or `,`); returns how many. `task` hears how many are written every thousand
/// rows; cancelling it stops the export (`Error::Cancelled`), the file left as it was.
pub fn export_contacts(
    store: &Store,
    path: &Path,
    delimiter: u8,
    lang: Lang,
    only: Option<&[i64]>,
    task: Task,
) -> Result<u64> {
    let demo = store.settings()?.demo;
    let custom = store.custom_field_names()?;
    let summaries = store.purchase_summaries()?;
    let mut header: Vec<&str> = HEADERS.to_vec();
    header.extend(custom.iter().map(String::as_str));
    if demo {
        header.push(DEMO_COLUMN);
    }
    let demo_note = tr_in(lang, "demo-row-mark", &[]);
    let rows = Rows {
        path,
        delimiter,
        header: &header,
    };
    let total = match only {
        Some(ids) => ids.len() as u64,
        None => store.contact_count()?,
    };
    rows.write(store, task, total, |c, tags, record| {
        if only.is_some_and(|ids| ids.binary_search(&c.id).is_err()) {
            return false;
        }
        record.extend(who(c));
        record.extend([
            opt(&c.first_name),
            opt(&c.phone),
            opt(&c.tg_chat_id),
            opt(&c.tg_username),
            opt(&c.city),
            opt(&c.region),
            c.time_zone.clone(),
            c.tz_source.as_str().to_owned(),
            opt(&c.source),
            opt(&c.utm_source),
            opt(&c.utm_medium),
            opt(&c.utm_campaign),
            opt(&c.utm_content),
            opt(&c.utm_term),
        ]);
        record.extend(consent_record(c));
        record.extend([
            c.status.as_str().to_owned(),
            opt(&c.status_at),
            c.created_at.clone(),
            opt(&c.birthday),
        ]);
        record.extend(channels(c));
        let summary = summaries.get(&c.id).cloned().unwrap_or_default();
        record.extend([
            summary.orders.map(|n| n.to_string()).unwrap_or_default(),
            summary
                .spent_kop
                .map(crate::format::kopecks_plain)
                .unwrap_or_default(),
            summary.last_order_at.unwrap_or_default(),
            tags.join(", "),
        ]);
        record.extend(
            custom
                .iter()
                .map(|k| c.custom.get(k).cloned().unwrap_or_default()),
        );
        if demo {
            record.push(demo_note.clone());
        }
        true
    })
}

/// The columns of a consent export: who, and their consent record.
const CONSENT_HEADERS: &[&str] = &[
    "adresat_id",
    "external_id",
    "id_system",
    "email",
    "name",
    "phone",
    "tg_username",
    "consent",
    "consent_at",
    "consent_source",
    "consent_file",
    "consent_whatsapp",
    "consent_telegram",
    "consent_sms",
    "status",
    "status_at",
];

/// Writes every contact's consent record (DESIGN.md, "Consent": the sender must be able to prove
/// it) to `path`: the value, its date and source, the file it came from, each channel's own, and
/// an opt-out with its date. Returns how many; `task` as for [`export_contacts`].
pub fn export_consent(store: &Store, path: &Path, delimiter: u8, task: Task) -> Result<u64> {
    let rows = Rows {
        path,
        delimiter,
        header: CONSENT_HEADERS,
    };
    let total = store.contact_count()?;
    rows.write(store, task, total, |c, _, record| {
        record.extend(who(c));
        record.extend([opt(&c.phone), opt(&c.tg_username)]);
        record.extend(consent_record(c));
        record.extend(channels(c));
        record.extend([c.status.as_str().to_owned(), opt(&c.status_at)]);
        true
    })
}

/// A CSV file of contacts for Excel (UTF-8 with BOM): where, its separator and its header.
struct Rows<'a> {
    path: &'a Path,
    delimiter: u8,
    header: &'a [&'a str],
}

impl Rows<'_> {
    /// Writes the file whole or not at all: the header, then a row for every contact `fill`
    /// fills (it returns false to leave one out) of the `total` it expects; returns how many.
    fn write(
        &self,
        store: &Store,
        task: Task,
        total: u64,
        mut fill: impl FnMut(&Contact, &[String], &mut Vec<String>) -> bool,
    ) -> Result<u64> {
        let path = self.path;
        crate::staged::write_whole(path, |temp| {
            let io = |e: std::io::Error| Error::io(path, e);
            let mut file = std::io::BufWriter::new(std::fs::File::create(temp).map_err(io)?);
            file.write_all("\u{feff}".as_bytes()).map_err(io)?;
            let mut w = csv::WriterBuilder::new()
                .delimiter(self.delimiter)
                .from_writer(file);
            w.write_record(self.header)
                .map_err(|e| csv_error(path, e))?;
            let mut count = 0;
            let mut record: Vec<String> = Vec::with_capacity(self.header.len());
            store.for_each_contact(|c, tags| {
                record.clear();
                if !fill(c, tags, &mut record) {
                    return Ok(());
                }
                w.write_record(&record).map_err(|e| csv_error(path, e))?;
                count += 1;
                if count % 1000 == 0 {
                    task.report(count as f32 / total.max(1) as f32, count);
                    task.stop_if()?;
                }
                Ok(())
            })?;
            w.flush().map_err(io)?;
            Ok(count)
        })
    }
}

fn csv_error(path: &Path, e: csv::Error) -> Error {
    Error::io(path, std::io::Error::other(e.to_string()))
}
