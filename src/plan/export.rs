//! A plan written for the sending service, streamed to the file while the messages are rendered:
//! CSV (UTF-8 with BOM so Excel shows Cyrillic, `;` or `,`), XLSX (split into sheets of at most
//! 1,048,576 rows, Excel's limit) and JSON Lines. A plan of the demo base says so in every row.
//!
//! A file appears whole or not at all: it is written under a hidden temporary name beside its
//! target, synced, and only then renamed into place. A plan is saved only when its file is
//! complete: the saving transaction waits for the export's verdict.

use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use chrono::DateTime;
use chrono_tz::Tz;
use rustc_hash::FxHashMap;

use super::{Plan, channel_name};
use crate::campaign::{Channel, Checks, Renderer};
use crate::error::{Error, Result};
use crate::i18n::{Lang, tr_in};
use crate::staged::{Staged, temporary_beside};
use crate::store::Store;

/// The file formats a plan is exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv { separator: u8 },
    Xlsx,
    Jsonl,
}

impl Format {
    /// The format a file name asks for (`.xlsx`, `.jsonl`, else CSV with `;`).
    pub fn for_path(path: &Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("xlsx") => Format::Xlsx,
            Some("jsonl") | Some("ndjson") => Format::Jsonl,
            _ => Format::Csv { separator: b';' },
        }
    }
}

/// The most rows an Excel sheet holds, the header included.
pub const XLSX_SHEET_ROWS: u32 = 1_048_576;

/// What an export wrote, and what the rendering found on the way.
#[derive(Debug, Clone)]
pub struct Exported {
    pub rows: u64,
    pub sheets: u32,
    pub checks: Checks,
}

/// The fixed columns, before `param_1…` and the demo mark.
pub const COLUMNS: [&str; 14] = [
    "message_id",
    "contact_id",
    "external_id",
    "phone",
    "telegram",
    "name",
    "channel",
    "campaign",
    "variant",
    "arm",
    "text",
    "local_time",
    "time_zone",
    "send_at_utc",
];

/// Where the rows go.
trait Sink {
    /// The column names, once, before the rows.
    fn start(&mut self, header: &[String]) -> Result<()>;
    fn row(&mut self, values: &[&str]) -> Result<()>;
    fn finish(self: Box<Self>) -> Result<u32>;
}

struct CsvSink {
    writer: csv::Writer<std::io::BufWriter<std::fs::File>>,
    path: PathBuf,
    /// The second half of a file written in two: no BOM and no header.
    part: bool,
}

impl CsvSink {
    fn fail(&self, e: csv::Error) -> Error {
        Error::io(&self.path, std::io::Error::other(e))
    }
}

impl Sink for CsvSink {
    fn start(&mut self, header: &[String]) -> Result<()> {
        if self.part {
            return Ok(());
        }
        self.writer.write_record(header).map_err(|e| self.fail(e))
    }

    fn row(&mut self, values: &[&str]) -> Result<()> {
        self.writer.write_record(values).map_err(|e| self.fail(e))
    }

    fn finish(mut self: Box<Self>) -> Result<u32> {
        self.writer.flush().map_err(|e| Error::io(&self.path, e))?;
        Ok(1)
    }
}

struct JsonlSink {
    out: std::io::BufWriter<std::fs::File>,
    path: PathBuf,
    header: Vec<String>,
}

impl Sink for JsonlSink {
    fn start(&mut self, header: &[String]) -> Result<()> {
        self.header = header.to_vec();
        Ok(())
    }

    fn row(&mut self, values: &[&str]) -> Result<()> {
        let object: serde_json::Map<String, serde_json::Value> = self
            .header
            .iter()
            .zip(values)
            .map(|(k, v)| {
                let value = match k.as_str() {
                    "contact_id" => v
                        .parse::<i64>()
                        .map(serde_json::Value::from)
                        .unwrap_or_else(|_| (*v).into()),
                    _ => (*v).into(),
                };
                (k.clone(), value)
            })
            .collect();
        serde_json::to_writer(&mut self.out, &object)
            .map_err(|e| Error::io(&self.path, std::io::Error::other(e)))?;
        self.out
            .write_all(b"\n")
            .map_err(|e| Error::io(&self.path, e))
    }

    fn finish(mut self: Box<Self>) -> Result<u32> {
        self.out.flush().map_err(|e| Error::io(&self.path, e))?;
        Ok(1)
    }
}

struct XlsxSink {
    book: rust_xlsxwriter::Workbook,
    path: PathBuf,
    header: Vec<String>,
    sheet_rows: u32,
    /// Rows written in the current sheet (the header included); 0 before the first sheet.
    row: u32,
    sheets: u32,
}

impl XlsxSink {
    fn fail(&self, e: rust_xlsxwriter::XlsxError) -> Error {
        Error::io(&self.path, std::io::Error::other(e))
    }

    /// Starts the next sheet with the header row.
    fn new_sheet(&mut self) -> Result<()> {
        self.sheets += 1;
        let name = format!("plan {}", self.sheets);
        let header = self.header.clone();
        let sheet = self
            .book
            .add_worksheet_with_constant_memory()
            .map_err(|e| Error::io(&self.path, std::io::Error::other(e)))?;
        let written = sheet.set_name(name).map(|_| ()).and_then(|_| {
            header
                .iter()
                .enumerate()
                .try_for_each(|(c, h)| sheet.write_string(0, c as u16, h).map(|_| ()))
        });
        written.map_err(|e| self.fail(e))?;
        self.row = 1;
        Ok(())
    }
}

impl Sink for XlsxSink {
    fn start(&mut self, header: &[String]) -> Result<()> {
        self.header = header.to_vec();
        self.new_sheet()
    }

    fn row(&mut self, values: &[&str]) -> Result<()> {
        if self.row >= self.sheet_rows {
            self.new_sheet()?;
        }
        let row = self.row;
        let sheets = self.sheets;
        let sheet = self
            .book
            .worksheet_from_index(sheets as usize - 1)
            .map_err(|e| Error::io(&self.path, std::io::Error::other(e)))?;
        for (c, v) in values.iter().enumerate() {
            let written = if c == 1 {
                // The contact's number stays a number.
                match v.parse::<f64>() {
                    Ok(n) => sheet.write_number(row, c as u16, n).map(|_| ()),
                    Err(_) => sheet.write_string(row, c as u16, *v).map(|_| ()),
                }
            } else {
                sheet.write_string(row, c as u16, *v).map(|_| ())
            };
            written.map_err(|e| Error::io(&self.path, std::io::Error::other(e)))?;
        }
        self.row += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<u32> {
        let path = self.path.clone();
        self.book.save(&path).map_err(|e| self.fail(e))?;
        Ok(self.sheets)
    }
}

/// A sink writing `path`; `part`: the second half of a CSV or JSON Lines file, appended later.
fn open_sink(path: &Path, format: Format, sheet_rows: u32, part: bool) -> Result<Box<dyn Sink>> {
    let create = || std::fs::File::create(path).map_err(|e| Error::io(path, e));
    Ok(match format {
        Format::Csv { separator } => {
            let mut file = std::io::BufWriter::with_capacity(1 << 20, create()?);
            if !part {
                file.write_all("\u{feff}".as_bytes())
                    .map_err(|e| Error::io(path, e))?;
            }
            Box::new(CsvSink {
                writer: csv::WriterBuilder::new()
                    .delimiter(separator)
                    .from_writer(file),
                path: path.to_owned(),
                part,
            })
        }
        Format::Jsonl => Box::new(JsonlSink {
            out: std::io::BufWriter::with_capacity(1 << 20, create()?),
            path: path.to_owned(),
            header: Vec::new(),
        }),
        Format::Xlsx => Box::new(XlsxSink {
            book: rust_xlsxwriter::Workbook::new(),
            path: path.to_owned(),
            header: Vec::new(),
            sheet_rows: sheet_rows.max(2),
            row: 0,
            sheets: 0,
        }),
    })
}

/// Where and how a plan is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub path: PathBuf,
    pub format: Format,
    /// The most rows of an XLSX sheet ([`XLSX_SHEET_ROWS`] but in tests).
    pub sheet_rows: u32,
    /// The language of the demo mark.
    pub lang: Lang,
    /// From this many messages a CSV or JSON Lines file is written in two halves by two threads
    /// ([`SPLIT_FROM`] but in tests).
    pub split_from: usize,
}

impl Target {
    /// `path` in `format`, sheets as big as Excel allows.
    pub fn new(path: &Path, format: Format, lang: Lang) -> Target {
        Target {
            path: path.to_owned(),
            format,
            sheet_rows: XLSX_SHEET_ROWS,
            lang,
            split_from: SPLIT_FROM,
        }
    }
}

/// The columns of `plan`'s file and how many WhatsApp parameters it has.
fn header(plan: &Plan, renderer: &Renderer) -> (Vec<String>, usize) {
    let params = match plan.campaign.channel {
        Channel::Whatsapp => (0..plan.campaign.variants.len())
            .flat_map(|v| ['A', 'B'].map(|arm| (v, arm)))
            .filter_map(|(v, arm)| renderer.template(v, arm))
            .map(|t| t.whatsapp().1.len())
            .max()
            .unwrap_or(0),
        _ => 0,
    };
    let mut header: Vec<String> = COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    header.extend((1..=params).map(|i| format!("param_{i}")));
    if plan.demo {
        header.push(crate::export::DEMO_COLUMN.to_owned());
    }
    (header, params)
}

/// Below this many messages a CSV or JSON Lines file is written by one thread.
pub const SPLIT_FROM: usize = 20_000;

/// Writes `plan` to the target, rendering each message as it goes: whole or not at all (see the
/// module's notes). A big CSV or JSON Lines plan is written in two halves by two threads.
pub fn export(
    store: &Store,
    plan: &Plan,
    target: &Target,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(f32),
) -> Result<Exported> {
    let (staged, exported) = write_staged(store, plan, target, cancel, progress)?;
    staged.publish(&target.path)?;
    Ok(exported)
}

/// Writes `plan` into a temporary file beside the target and syncs it to the disk.
fn write_staged(
    store: &Store,
    plan: &Plan,
    target: &Target,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(f32),
) -> Result<(Staged, Exported)> {
    let temp = temporary_beside(&target.path)?;
    let exported = write_file(store, plan, target, &temp, cancel, progress)?;
    Ok((Staged::synced(temp, &target.path)?, exported))
}

/// Writes `plan` to the file `path` in the target's format.
fn write_file(
    store: &Store,
    plan: &Plan,
    target: &Target,
    path: &Path,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(f32),
) -> Result<Exported> {
    let total = plan.items.len();
    let split = total >= target.split_from.max(2) && !matches!(target.format, Format::Xlsx);
    if !split {
        let mut sink = open_sink(path, target.format, target.sheet_rows, false)?;
        let (rows, checks) = write_rows(
            store,
            plan,
            &plan.items,
            sink.as_mut(),
            target,
            cancel,
            &mut |done| progress(done as f32 / total.max(1) as f32),
        )?;
        let sheets = sink.finish()?;
        return Ok(Exported {
            rows,
            sheets,
            checks,
        });
    }
    let (first, second) = plan.items.split_at(total / 2);
    let part_path = temporary_beside(path)?;
    let other_done = AtomicUsize::new(0);
    let db = store.path().to_owned();
    let (first_result, second_result) = std::thread::scope(|scope| {
        let other = scope.spawn(|| -> Result<(u64, Checks)> {
            let store = Store::open(&db)?;
            let mut sink = open_sink(&part_path, target.format, target.sheet_rows, true)?;
            let written = write_rows(
                &store,
                plan,
                second,
                sink.as_mut(),
                target,
                cancel,
                &mut |done| other_done.store(done, Ordering::Relaxed),
            )?;
            sink.finish()?;
            Ok(written)
        });
        let mine = open_sink(path, target.format, target.sheet_rows, false).and_then(|mut sink| {
            let written = write_rows(
                store,
                plan,
                first,
                sink.as_mut(),
                target,
                cancel,
                &mut |done| {
                    let all = done + other_done.load(Ordering::Relaxed);
                    progress(all as f32 / total as f32)
                },
            )?;
            sink.finish()?;
            Ok(written)
        });
        let theirs = other.join().unwrap_or_else(|_| {
            Err(Error::io(
                &part_path,
                std::io::Error::other("the second writer failed"),
            ))
        });
        (mine, theirs)
    });
    let ((rows, mut checks), (more, other_checks)) = (first_result?, second_result?);
    append(path, &part_path)?;
    checks.merge(other_checks);
    Ok(Exported {
        rows: rows + more,
        sheets: 1,
        checks,
    })
}

/// Appends the file `part` to the file `path`.
fn append(path: &Path, part: &Path) -> Result<()> {
    let mut out = std::fs::OpenOptions::new()
        .append(true)
        .open(path)
        .map_err(|e| Error::io(path, e))?;
    let mut from = std::fs::File::open(part).map_err(|e| Error::io(part, e))?;
    std::io::copy(&mut from, &mut out).map_err(|e| Error::io(path, e))?;
    Ok(())
}

/// Renders and writes the messages `items` (ascending by contact) of `plan` into `sink`;
/// `progress` hears how many are done. Returns the rows written and the checks of their texts.
fn write_rows(
    store: &Store,
    plan: &Plan,
    items: &[super::Planned],
    sink: &mut dyn Sink,
    target: &Target,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(usize),
) -> Result<(u64, Checks)> {
    let renderer = Renderer::new(store, &plan.campaign)?;
    let (header, params) = header(plan, &renderer);
    sink.start(&header)?;
    let demo_note = tr_in(target.lang, "demo-row-mark", &[]);
    let who = Plan::recipients(items);
    let mut checks = Checks::new(plan.campaign.channel);
    let mut rows = 0u64;
    let mut next = 0usize;
    let channel = channel_name(plan.campaign.channel);
    let prefix = plan.id_prefix();
    // Moments repeat (one local time per zone): their texts are made once.
    let mut times: FxHashMap<(i64, Tz), (String, String)> = FxHashMap::default();
    let empty = String::new();
    let mut id = String::new();
    let mut contact = String::new();
    renderer.each(store, &who, cancel, progress, &mut |r, facts| {
        while items[next].contact_id < r.contact_id {
            next += 1;
        }
        let p = &items[next];
        checks.add(r);
        let (local, utc) = times.entry((p.send_at, p.tz)).or_insert_with(|| {
            let at = DateTime::from_timestamp(p.send_at, 0).unwrap_or_default();
            (
                at.with_timezone(&p.tz).format("%Y-%m-%d %H:%M").to_string(),
                at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            )
        });
        id.clear();
        contact.clear();
        let _ = write!(id, "{prefix}-{}", p.contact_id);
        let _ = write!(contact, "{}", p.contact_id);
        let mut values: Vec<&str> = Vec::with_capacity(header.len());
        values.extend([
            id.as_str(),
            contact.as_str(),
            facts.external_id.as_deref().unwrap_or_default(),
            facts.phone.as_deref().unwrap_or_default(),
            facts.telegram.as_deref().unwrap_or_default(),
            facts.name.as_deref().unwrap_or_default(),
            channel,
            plan.campaign.name.as_str(),
            r.variant.as_str(),
            if r.arm == 'B' { "B" } else { "A" },
            r.text.as_str(),
            local.as_str(),
            p.tz.name(),
            utc.as_str(),
        ]);
        for i in 0..params {
            values.push(r.whatsapp_parameters.get(i).unwrap_or(&empty));
        }
        if plan.demo {
            values.push(&demo_note);
        }
        sink.row(&values)?;
        rows += 1;
        Ok(true)
    })?;
    Ok((rows, checks))
}

/// Exports `plan` and saves it in the base, the plan only if its file is complete: the saving runs
/// on a second connection in a second thread while the file is written (the two take about as
/// long, and a laptop has two cores), and commits only once the file is written and synced; then
/// the file is renamed into place (if that fails, the plan is deleted again). A cancelled or
/// failed export leaves neither a file nor a saved plan. Returns the plan's id.
pub fn save_and_export(
    store: &Store,
    plan: &Plan,
    target: &Target,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(f32),
) -> Result<(i64, Exported)> {
    let db = store.path().to_owned();
    let (verdict, heard) = std::sync::mpsc::channel::<bool>();
    // `move`: should the writing panic, the verdict's sender goes with it, and the waiting saver
    // rolls back instead of waiting for ever.
    std::thread::scope(move |scope| {
        let saving = scope.spawn(move || {
            let mut store = Store::open(&db)?;
            plan.save_when(&mut store, &mut || match heard.recv() {
                Ok(true) => Ok(()),
                _ => Err(Error::Cancelled),
            })
        });
        let written = write_staged(store, plan, target, cancel, progress);
        // The saver may have stopped already (a busy base): then nobody listens.
        let _ = verdict.send(written.is_ok());
        let saved = saving.join().unwrap_or_else(|_| {
            Err(Error::io(
                store.path(),
                std::io::Error::other("the saving thread failed"),
            ))
        });
        let (staged, exported) = written?;
        let id = saved?;
        if let Err(e) = staged.publish(&target.path) {
            let mut undo = Store::open(store.path())?;
            undo.delete_plan(&plan.campaign.name, &plan.options.date.to_string())?;
            return Err(e);
        }
        Ok((id, exported))
    })
}
