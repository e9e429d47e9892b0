//! Writing the whole contact base to CSV: every stored field, so that importing the file back
//! changes nothing. UTF-8 with BOM so Excel shows Cyrillic.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};
use crate::i18n::{Lang, tr_in};
use crate::store::{Consent, Store};

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

/// A channel's own consent as exported: empty when it follows the general one.
fn channel(consent: Option<Consent>) -> String {
    consent.map(|c| c.as_str().to_owned()).unwrap_or_default()
}

/// The column that marks every row of a file exported from a demo base.
pub const DEMO_COLUMN: &str = "demo_data";

/// Writes every contact, or those of `only` (ids, ascending), to `path` (`delimiter` `;` for
/// Russian Excel, or `,`); returns how many. `progress` hears how many are written every thousand
/// rows; an error from it (`Error::Cancelled`) stops the export.
pub fn export_contacts(
    store: &Store,
    path: &Path,
    delimiter: u8,
    lang: Lang,
    only: Option<&[i64]>,
    progress: &mut dyn FnMut(u64) -> Result<()>,
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
    csv_file(path, delimiter, &header, |w| {
        let mut count = 0;
        let mut record: Vec<String> = Vec::with_capacity(header.len());
        store.for_each_contact(|c, tags| {
            if only.is_some_and(|ids| ids.binary_search(&c.id).is_err()) {
                return Ok(());
            }
            let opt = |v: &Option<String>| v.clone().unwrap_or_default();
            record.clear();
            record.extend([
                c.id.to_string(),
                opt(&c.external_id),
                c.id_system.clone(),
                opt(&c.email),
                opt(&c.name),
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
                c.consent.as_str().to_owned(),
                opt(&c.consent_at),
                opt(&c.consent_source),
                opt(&c.consent_file),
                c.status.as_str().to_owned(),
                opt(&c.status_at),
                c.created_at.clone(),
                opt(&c.birthday),
                channel(c.channel_consent.whatsapp),
                channel(c.channel_consent.telegram),
                channel(c.channel_consent.sms),
            ]);
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
            w.write_record(&record).map_err(|e| csv_error(path, e))?;
            count += 1;
            if count % 1000 == 0 {
                progress(count)?;
            }
            Ok(())
        })?;
        Ok(count)
    })
}

/// The columns of a consent export: who, and their consent record.
const CONSENT_HEADERS: &[&str] = &[
    "adresat_id",
    "external_id",
    "id_system",
    "name",
    "phone",
    "email",
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
/// an opt-out with its date. Returns how many; `progress` as for [`export_contacts`].
pub fn export_consent(
    store: &Store,
    path: &Path,
    delimiter: u8,
    progress: &mut dyn FnMut(u64) -> Result<()>,
) -> Result<u64> {
    csv_file(path, delimiter, CONSENT_HEADERS, |w| {
        let mut count = 0;
        store.for_each_contact(|c, _| {
            let opt = |v: &Option<String>| v.clone().unwrap_or_default();
            w.write_record([
                c.id.to_string(),
                opt(&c.external_id),
                c.id_system.clone(),
                opt(&c.name),
                opt(&c.phone),
                opt(&c.email),
                opt(&c.tg_username),
                c.consent.as_str().to_owned(),
                opt(&c.consent_at),
                opt(&c.consent_source),
                opt(&c.consent_file),
                channel(c.channel_consent.whatsapp),
                channel(c.channel_consent.telegram),
                channel(c.channel_consent.sms),
                c.status.as_str().to_owned(),
                opt(&c.status_at),
            ])
            .map_err(|e| csv_error(path, e))?;
            count += 1;
            if count % 1000 == 0 {
                progress(count)?;
            }
            Ok(())
        })?;
        Ok(count)
    })
}

fn csv_error(path: &Path, e: csv::Error) -> Error {
    Error::io(path, std::io::Error::other(e.to_string()))
}

/// Writes a CSV file for Excel (UTF-8 with BOM) whole or not at all: the header, then what
/// `rows` writes.
fn csv_file(
    path: &Path,
    delimiter: u8,
    header: &[&str],
    rows: impl FnOnce(&mut csv::Writer<std::io::BufWriter<std::fs::File>>) -> Result<u64>,
) -> Result<u64> {
    crate::staged::write_whole(path, |temp| {
        let io = |e: std::io::Error| Error::io(path, e);
        let mut file = std::io::BufWriter::new(std::fs::File::create(temp).map_err(io)?);
        file.write_all("\u{feff}".as_bytes()).map_err(io)?;
        let mut w = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .from_writer(file);
        w.write_record(header).map_err(|e| csv_error(path, e))?;
        let count = rows(&mut w)?;
        w.flush().map_err(io)?;
        Ok(count)
    })
}
