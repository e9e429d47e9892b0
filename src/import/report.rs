//! What an import did: counts, every rejected row with its line and reason, and warnings.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::fields::{Field, ImportKind};
use super::source::Format;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};

/// A row that was not loaded, and why.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Reject {
    /// The line of a CSV file, or the row of a sheet.
    pub line: u64,
    pub reason: Msg,
    /// The row as it was in the file.
    pub values: Vec<String>,
}

/// Something the owner should know about rows that did load.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Warning {
    /// The first line concerned, when there is one.
    pub line: Option<u64>,
    pub msg: Msg,
}

/// The result of one committed import.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ImportReport {
    pub kind: ImportKind,
    pub file: PathBuf,
    pub format: Format,
    /// Each column's header and the field it fed.
    pub columns: Vec<(String, Field)>,
    /// The tool that wrote the file, when the import knows it.
    pub origin: Option<super::recognise::Origin>,
    /// The system the file's external ids were taken as ids of (`amocrm`, `own`, …).
    pub id_system: String,
    /// Data rows read (the header not counted).
    pub read: u64,
    /// New contacts, orders or events.
    pub inserted: u64,
    /// Stored rows that this import changed (a contact: by what it holds after the file's last
    /// row naming it).
    pub updated: u64,
    /// Rows that matched stored data and changed nothing.
    pub unchanged: u64,
    /// Rows merged into a contact an earlier row of the same file created or named, and rows
    /// that joined a contact known only by e-mail with the one their phone found.
    pub merged: u64,
    /// An orders file's line-item rows, folded into the order above them.
    pub folded: u64,
    /// Contacts an orders file created: customers the base did not know, named by the rows.
    pub new_contacts: u64,
    pub rejected: u64,
    pub rejects: Vec<Reject>,
    pub warnings: Vec<Warning>,
}

impl ImportReport {
    /// A stored contact counted as unchanged turned out updated by a later row of the file
    /// (`updated`), or one counted as updated was set back to what it was.
    pub(crate) fn recount_updated(&mut self, updated: bool) {
        let (from, to) = if updated {
            (&mut self.unchanged, &mut self.updated)
        } else {
            (&mut self.updated, &mut self.unchanged)
        };
        *from -= 1;
        *to += 1;
    }

    pub(crate) fn new(
        kind: ImportKind,
        file: &Path,
        format: Format,
        columns: Vec<(String, Field)>,
        origin: Option<super::recognise::Origin>,
        id_system: String,
    ) -> Self {
        ImportReport {
            kind,
            file: file.to_owned(),
            format,
            columns,
            origin,
            id_system,
            read: 0,
            inserted: 0,
            updated: 0,
            unchanged: 0,
            merged: 0,
            folded: 0,
            new_contacts: 0,
            rejected: 0,
            rejects: Vec::new(),
            warnings: Vec::new(),
        }
    }

    pub(crate) fn reject(&mut self, line: u64, reason: Msg, values: &[String]) {
        self.rejected += 1;
        self.rejects.push(Reject {
            line,
            reason,
            values: values.to_vec(),
        });
    }

    /// Writes the rejected rows as CSV (UTF-8 with BOM, `;`, for Excel): line, reason, then the
    /// row's own columns under the file's headers, so the owner can fix and re-import them.
    pub fn write_rejects(&self, path: &Path, lang: Lang) -> Result<()> {
        let io = |e: std::io::Error| Error::io(path, e);
        let mut file = std::io::BufWriter::new(std::fs::File::create(path).map_err(io)?);
        file.write_all("\u{feff}".as_bytes()).map_err(io)?;
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .flexible(true)
            .from_writer(file);
        let csv_err = |e: csv::Error| Error::io(path, std::io::Error::other(e.to_string()));
        let mut header = vec![
            crate::i18n::tr_in(lang, "rejects-line", &[]),
            crate::i18n::tr_in(lang, "rejects-reason", &[]),
        ];
        header.extend(self.columns.iter().map(|(h, _)| h.clone()));
        w.write_record(&header).map_err(csv_err)?;
        for r in &self.rejects {
            let mut row = vec![r.line.to_string(), r.reason.render(lang)];
            row.extend(r.values.iter().cloned());
            w.write_record(&row).map_err(csv_err)?;
        }
        w.flush().map_err(io)?;
        Ok(())
    }
}

/// Counts unknown and ambiguous cities so each is reported once, with how many rows had it.
#[derive(Default)]
pub(crate) struct CityNotes {
    unknown: BTreeMap<String, (u64, u64)>,
    ambiguous: BTreeMap<String, (u64, u64, String)>,
}

impl CityNotes {
    pub fn unknown(&mut self, city: &str, line: u64) {
        self.unknown.entry(city.to_owned()).or_insert((line, 0)).1 += 1;
    }

    pub fn ambiguous(&mut self, city: &str, line: u64, chosen: &str) {
        self.ambiguous
            .entry(city.to_owned())
            .or_insert((line, 0, chosen.to_owned()))
            .1 += 1;
    }

    pub fn into_warnings(self, default_tz: &str) -> impl Iterator<Item = Warning> {
        let default_tz = default_tz.to_owned();
        let unknown = self
            .unknown
            .into_iter()
            .map(move |(city, (line, rows))| Warning {
                line: Some(line),
                msg: Msg::new("warn-unknown-city")
                    .arg("city", city)
                    .arg("rows", rows as i64)
                    .arg("zone", default_tz.as_str()),
            });
        let ambiguous = self
            .ambiguous
            .into_iter()
            .map(|(city, (line, rows, zone))| Warning {
                line: Some(line),
                msg: Msg::new("warn-ambiguous-city")
                    .arg("city", city)
                    .arg("rows", rows as i64)
                    .arg("zone", zone),
            });
        unknown.chain(ambiguous)
    }
}
