//! Writing the whole contact base to CSV: every stored field, so that importing the file back
//! changes nothing. UTF-8 with BOM so Excel shows Cyrillic.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};
use crate::i18n::{Lang, tr_in};
use crate::model::task::Task;
use crate::store::{CONTACT_FIELDS, Contact, ContactField, Store, contact_field};

/// The internal id's column in an export: not a field of the contact, but what an import of
/// the file matches the contact by.
const ID_HEADER: &str = "adresat_id";
/// The columns after the stored fields: the purchase totals a customers export gave, the tags.
const TOTALS_AND_TAGS: [&str; 4] = ["total_orders", "total_spent", "last_order_at", "tags"];

/// The registry's fields of `keys`, looked up once before the rows are written.
fn fields_of(keys: &[&str]) -> Vec<&'static ContactField> {
    keys.iter()
        .map(|key| contact_field(key).expect("the export names only registry fields"))
        .collect()
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
    let mut header: Vec<&str> = vec![ID_HEADER];
    header.extend(CONTACT_FIELDS.iter().map(|f| f.key));
    header.extend(TOTALS_AND_TAGS);
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
        record.push(c.id.to_string());
        record.extend(CONTACT_FIELDS.iter().map(|f| f.value(c)));
        let summary = summaries.get(&c.id).cloned().unwrap_or_default();
        record.extend([
            summary.orders.map(|n| n.to_string()).unwrap_or_default(),
            summary
                .spent_kop
                .map(crate::format::kopecks_plain)
                .unwrap_or_default(),
            summary.last_order_at.map(String::from).unwrap_or_default(),
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

/// The fields of a consent export after the internal id: who, and their consent record.
const CONSENT_FIELDS: &[&str] = &[
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
    let fields = fields_of(CONSENT_FIELDS);
    let mut header = vec![ID_HEADER];
    header.extend(fields.iter().map(|f| f.key));
    let rows = Rows {
        path,
        delimiter,
        header: &header,
    };
    let total = store.contact_count()?;
    rows.write(store, task, total, |c, _, record| {
        record.push(c.id.to_string());
        record.extend(fields.iter().map(|f| f.value(c)));
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
