//! Opening a file as a table: encoding and delimiter sniffing for CSV, the first sheet for .xlsx
//! and old binary .xls, the table of an HTML file (Bitrix24's "Excel" export). CSV is streamed,
//! so a file of a million rows never sits in memory.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use calamine::{Data, Reader, Xls, Xlsx};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1251};
use encoding_rs_io::DecodeReaderBytesBuilder;

use crate::error::{Error, Result};
use crate::i18n::Msg;

/// How a file was read: shown in the import's mapping step and report.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Format {
    /// `csv`, `xlsx`, `xls` or `html`.
    pub kind: &'static str,
    /// `UTF-8`, `windows-1251`, `UTF-16LE`, … (`xlsx` or `xls` for workbooks).
    pub encoding: String,
    /// The field separator of a CSV file.
    pub delimiter: Option<char>,
}

/// A table being read row by row.
pub struct TableSource {
    pub format: Format,
    pub headers: Vec<String>,
    rows: Rows,
    bytes_total: u64,
    bytes_read: Arc<AtomicU64>,
}

enum Rows {
    Csv(Box<csv::Reader<Box<dyn Read + Send>>>, csv::StringRecord),
    /// A table read whole (a workbook's sheet, an HTML table), and the line of the last row given.
    Whole(std::vec::IntoIter<Vec<String>>, u64),
}

/// Counts the bytes taken from the file, for the progress bar.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

const SNIFF_BYTES: usize = 1 << 20;

fn not_a_table(path: &Path, why: &'static str) -> Error {
    Error::user(
        Msg::new("error-not-a-table")
            .arg("path", path.display().to_string())
            .arg("why", crate::i18n::tr(why)),
    )
}

/// The encoding of a text file from its first bytes: a BOM, UTF-16's zero bytes, valid UTF-8,
/// else Windows-1251 (what Russian Excel writes).
pub fn sniff_encoding(sample: &[u8]) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(sample) {
        return enc;
    }
    let pairs = sample.len().min(4096) / 2;
    if pairs > 0 {
        let zeros_odd = (0..pairs).filter(|i| sample[2 * i + 1] == 0).count();
        let zeros_even = (0..pairs).filter(|i| sample[2 * i] == 0).count();
        if zeros_odd * 3 > pairs {
            return UTF_16LE;
        }
        if zeros_even * 3 > pairs {
            return UTF_16BE;
        }
    }
    match std::str::from_utf8(sample) {
        Ok(_) => UTF_8,
        // A sample cut in the middle of a character is still UTF-8.
        Err(e) if e.error_len().is_none() => UTF_8,
        Err(_) => WINDOWS_1251,
    }
}

/// The separator of a CSV text: the candidate that splits the first lines into the same, largest
/// number of fields, quotes respected.
pub fn sniff_delimiter(text: &str) -> char {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(20)
        .collect();
    let count = |line: &str, d: char| {
        let mut quoted = false;
        line.chars()
            .filter(|&c| {
                if c == '"' {
                    quoted = !quoted;
                }
                c == d && !quoted
            })
            .count()
    };
    let mut best = (',', 0usize, false);
    for d in [';', '\t', ',', '|'] {
        let Some(first) = lines.first() else { break };
        let n = count(first, d);
        // The last line of the sample may be cut short.
        let consistent = lines[1..lines.len().saturating_sub(1).max(1)]
            .iter()
            .all(|l| count(l, d) == n);
        if n > 0 && (consistent && !best.2 || consistent == best.2 && n > best.1) {
            best = (d, n, consistent);
        }
    }
    best.0
}

impl TableSource {
    /// Opens `path` as a CSV or .xlsx table and reads its header row.
    pub fn open(path: &Path) -> Result<TableSource> {
        let mut file = File::open(path).map_err(|e| Error::io(path, e))?;
        let bytes_total = file.metadata().map_err(|e| Error::io(path, e))?.len();
        let mut sample = Vec::with_capacity(SNIFF_BYTES.min(bytes_total as usize));
        (&mut file)
            .take(SNIFF_BYTES as u64)
            .read_to_end(&mut sample)
            .map_err(|e| Error::io(path, e))?;
        if sample.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(not_a_table(path, "why-empty"));
        }
        if sample.starts_with(b"PK\x03\x04") {
            let book: Xlsx<_> =
                calamine::open_workbook(path).map_err(|_| not_a_table(path, "why-bad-xlsx"))?;
            return TableSource::open_sheet(path, book, "xlsx", bytes_total);
        }
        if sample.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
            let book: Xls<_> =
                calamine::open_workbook(path).map_err(|_| not_a_table(path, "why-bad-xls"))?;
            return TableSource::open_sheet(path, book, "xls", bytes_total);
        }
        let encoding = sniff_encoding(&sample);
        let (text, _, _) = encoding.decode(&sample);
        if super::html_table::looks_like_html_table(&text) {
            return TableSource::open_html(path, encoding, bytes_total);
        }
        if text.contains('\0')
            || text
                .chars()
                .filter(|c| c.is_control() && !c.is_whitespace())
                .count()
                > 8
        {
            return Err(not_a_table(path, "why-binary"));
        }
        let delimiter = sniff_delimiter(&text);
        file.seek(SeekFrom::Start(0))
            .map_err(|e| Error::io(path, e))?;
        let bytes_read = Arc::new(AtomicU64::new(0));
        let counting = Counting {
            inner: BufReader::with_capacity(1 << 16, file),
            count: bytes_read.clone(),
        };
        let decoded: Box<dyn Read + Send> = Box::new(
            DecodeReaderBytesBuilder::new()
                .encoding(Some(encoding))
                .bom_override(true)
                .build(counting),
        );
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter as u8)
            .flexible(true)
            .has_headers(false)
            .buffer_capacity(1 << 16)
            .from_reader(decoded);
        let mut record = csv::StringRecord::new();
        let headers = match reader.read_record(&mut record) {
            Ok(true) => record
                .iter()
                .map(|h| h.trim().to_owned())
                .collect::<Vec<_>>(),
            Ok(false) => return Err(not_a_table(path, "why-empty")),
            Err(e) => return Err(Error::io(path, std::io::Error::other(e.to_string()))),
        };
        if headers.iter().all(|h| h.is_empty()) {
            return Err(not_a_table(path, "why-no-header"));
        }
        Ok(TableSource {
            format: Format {
                kind: "csv",
                encoding: encoding.name().to_owned(),
                delimiter: Some(delimiter),
            },
            headers,
            rows: Rows::Csv(Box::new(reader), record),
            bytes_total,
            bytes_read,
        })
    }

    /// The first sheet of a workbook.
    fn open_sheet<R: std::io::Read + std::io::Seek>(
        path: &Path,
        mut book: impl Reader<R>,
        kind: &'static str,
        bytes_total: u64,
    ) -> Result<TableSource> {
        let why = if kind == "xls" {
            "why-bad-xls"
        } else {
            "why-bad-xlsx"
        };
        let range = book
            .worksheet_range_at(0)
            .ok_or_else(|| not_a_table(path, "why-empty"))?
            .map_err(|_| not_a_table(path, why))?;
        let start_row = range.start().map(|(r, _)| r as u64).unwrap_or(0);
        let rows = range
            .rows()
            .map(|row| row.iter().map(cell_text).collect::<Vec<String>>())
            .collect();
        let format = Format {
            kind,
            encoding: kind.to_owned(),
            delimiter: None,
        };
        // Sheet rows are numbered from 1; the header is the first used row.
        TableSource::whole(path, format, rows, start_row + 1, bytes_total)
    }

    /// The table of an HTML file, decoded from `encoding`.
    fn open_html(
        path: &Path,
        encoding: &'static Encoding,
        bytes_total: u64,
    ) -> Result<TableSource> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let (text, _, _) = encoding.decode(&bytes);
        let format = Format {
            kind: "html",
            encoding: encoding.name().to_owned(),
            delimiter: None,
        };
        let rows = super::html_table::rows(&text);
        TableSource::whole(path, format, rows, 1, bytes_total)
    }

    /// A table read whole: its first row is the header, on line `first_line`.
    fn whole(
        path: &Path,
        format: Format,
        rows: Vec<Vec<String>>,
        first_line: u64,
        bytes_total: u64,
    ) -> Result<TableSource> {
        let mut rows = rows.into_iter();
        let headers: Vec<String> = rows
            .next()
            .ok_or_else(|| not_a_table(path, "why-empty"))?
            .into_iter()
            .map(|h| h.trim().to_owned())
            .collect();
        if headers.iter().all(|h| h.is_empty()) {
            return Err(not_a_table(path, "why-no-header"));
        }
        Ok(TableSource {
            format,
            headers,
            rows: Rows::Whole(rows, first_line),
            bytes_total,
            bytes_read: Arc::new(AtomicU64::new(bytes_total)),
        })
    }

    /// Reads the next row into `out`; returns its line (CSV) or row (sheet) number, `None` at the end.
    pub fn next_row(&mut self, out: &mut Vec<String>) -> Result<Option<u64>> {
        match &mut self.rows {
            Rows::Csv(reader, record) => {
                match reader.read_record(record) {
                    Ok(true) => {}
                    Ok(false) => return Ok(None),
                    Err(e) => {
                        let line = e.position().map(|p| p.line()).unwrap_or(0);
                        return Err(Error::user(
                            Msg::new("error-csv")
                                .arg("line", line as i64)
                                .arg("reason", e.to_string()),
                        ));
                    }
                }
                fill(out, record.iter());
                Ok(Some(record.position().map(|p| p.line()).unwrap_or(0)))
            }
            Rows::Whole(rows, line) => match rows.next() {
                Some(row) => {
                    *line += 1;
                    fill(out, row.iter().map(String::as_str));
                    Ok(Some(*line))
                }
                None => Ok(None),
            },
        }
    }

    /// How far through the file the reader is, 0.0–1.0.
    pub fn fraction_done(&self) -> f32 {
        fraction(&self.bytes_read, self.bytes_total)
    }

    /// Hands the reading to a thread of its own, which decodes and splits rows and passes each
    /// through `prepare` while the caller stores the previous ones: on a big file this takes the
    /// parsing and normalising off the import's critical path.
    pub fn read_ahead<P: Send + 'static>(
        self,
        prepare: impl FnMut(&[String]) -> P + Send + 'static,
    ) -> ReadAhead<P> {
        let (full_tx, full_rx) = sync_channel::<Result<Batch<P>>>(4);
        let (empty_tx, empty_rx) = sync_channel::<Batch<P>>(8);
        let bytes_read = self.bytes_read.clone();
        let bytes_total = self.bytes_total;
        std::thread::Builder::new()
            .name("import-read".into())
            .spawn(move || read_batches(self, prepare, full_tx, empty_rx))
            .expect("the system can start a thread");
        ReadAhead {
            full: full_rx,
            empty: empty_tx,
            batch: Batch::default(),
            prepared: Vec::new().into_iter(),
            next: 0,
            bytes_read,
            bytes_total,
        }
    }
}

fn fraction(read: &AtomicU64, total: u64) -> f32 {
    if total == 0 {
        return 1.0;
    }
    (read.load(Ordering::Relaxed) as f64 / total as f64).min(1.0) as f32
}

/// Rows travel between the threads this many at a time.
const BATCH_ROWS: usize = 1024;

/// Rows read together, with their line numbers and what `prepare` made of them; sent back empty
/// to be filled again.
struct Batch<P> {
    lines: Vec<u64>,
    rows: Vec<Vec<String>>,
    prepared: Vec<P>,
}

impl<P> Default for Batch<P> {
    fn default() -> Self {
        Batch {
            lines: Vec::new(),
            rows: Vec::new(),
            prepared: Vec::new(),
        }
    }
}

/// The reading thread: fills batches until the file ends, an error stops it, or the importer
/// goes away (its channel closes).
fn read_batches<P>(
    mut source: TableSource,
    mut prepare: impl FnMut(&[String]) -> P,
    full: SyncSender<Result<Batch<P>>>,
    empty: Receiver<Batch<P>>,
) {
    loop {
        let mut batch = empty.try_recv().unwrap_or_default();
        batch.lines.clear();
        let mut at_end = false;
        while batch.lines.len() < BATCH_ROWS {
            let i = batch.lines.len();
            if batch.rows.len() == i {
                batch.rows.push(Vec::new());
            }
            match source.next_row(&mut batch.rows[i]) {
                Ok(Some(line)) => batch.lines.push(line),
                Ok(None) => {
                    at_end = true;
                    break;
                }
                Err(e) => {
                    let _ = full.send(Err(e));
                    return;
                }
            }
        }
        let read = batch.lines.len();
        batch.prepared = batch.rows[..read].iter().map(|r| prepare(r)).collect();
        if (read > 0 && full.send(Ok(batch)).is_err()) || at_end {
            return;
        }
    }
}

/// A table read on a thread of its own ([`TableSource::read_ahead`]), row by row.
pub struct ReadAhead<P> {
    full: Receiver<Result<Batch<P>>>,
    empty: SyncSender<Batch<P>>,
    batch: Batch<P>,
    prepared: std::vec::IntoIter<P>,
    next: usize,
    bytes_read: Arc<AtomicU64>,
    bytes_total: u64,
}

impl<P> ReadAhead<P> {
    /// The next row, its line number and what `prepare` made of it; `None` at the end.
    pub fn next_row(&mut self) -> Result<Option<(u64, &[String], P)>> {
        if self.next == self.batch.lines.len() {
            let Ok(batch) = self.full.recv() else {
                return Ok(None);
            };
            // The batch given back was emptied of its prepared rows when it came.
            let used = std::mem::replace(&mut self.batch, batch?);
            self.prepared = std::mem::take(&mut self.batch.prepared).into_iter();
            let _ = self.empty.try_send(used);
            self.next = 0;
        }
        let i = self.next;
        self.next += 1;
        let prepared = self
            .prepared
            .next()
            .expect("a batch holds what each of its rows was prepared into");
        Ok(Some((self.batch.lines[i], &self.batch.rows[i], prepared)))
    }

    /// How far through the file the reading thread is, 0.0–1.0.
    pub fn fraction_done(&self) -> f32 {
        fraction(&self.bytes_read, self.bytes_total)
    }
}

/// A cell's value: trimmed, without the apostrophe Excel and CRM exports put before a number to
/// keep it text (`'+79123456789`, `'00123`), which is never part of the value.
fn clean(cell: &str) -> &str {
    let cell = cell.trim();
    cell.strip_prefix('\'').map_or(cell, str::trim_start)
}

/// Puts the cleaned `cells` into `out`, reusing its strings' memory.
fn fill<'a>(out: &mut Vec<String>, cells: impl Iterator<Item = &'a str>) {
    let mut n = 0;
    for cell in cells {
        match out.get_mut(n) {
            Some(slot) => {
                slot.clear();
                slot.push_str(clean(cell));
            }
            None => out.push(clean(cell).to_owned()),
        }
        n += 1;
    }
    out.truncate(n);
}

/// A cell as the text a CSV export of it would hold. Whole numbers lose Excel's `.0` (phones stored
/// as numbers); dates become `YYYY-MM-DD HH:MM:SS`, read later in the owner's zone.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "1" } else { "0" }.to_owned(),
        Data::DateTime(dt) => dt
            .as_datetime()
            .map(|d| d.format("%Y-%m-%d %H:%M:%S").to_string())
            .unwrap_or_else(|| dt.as_f64().to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.replace('T', " "),
        Data::Error(e) => format!("#{e:?}"),
    }
}
