//! A plan cut into send batches for services that schedule a whole upload for one moment: one
//! file per send hour (UTC, moments rounded down), per the recipients' local day, or per time
//! zone, named so they sort by time (`2026-12-04_0700Z_Asia-Novosibirsk_312.csv`), and the list
//! of when to load each (`batches.csv` beside them).

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::Planned;
use super::profile::{Profile, Split};
use super::sinks::{self, Opening, SMALL_BUFFER, Sink};
use crate::error::{Error, Result};
use crate::i18n::Msg;

/// The most files a split may make; more asks for a coarser split.
pub const MOST_FILES: usize = 200;

/// The name of the batch list in a split plan's folder.
pub const LIST_FILE: &str = "batches.csv";

/// One batch file: when to load it and what it holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Batch {
    pub file: String,
    /// Its first moment, Unix seconds.
    pub first_at: i64,
    /// That moment in UTC and in the owner's time, `YYYY-MM-DD HH:MM`.
    pub start_utc: String,
    pub start_owner: String,
    pub messages: u64,
    /// SMS parts the batch's texts take (SMS campaigns; 0 otherwise).
    pub sms_parts: u64,
}

/// What puts two messages in one batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Hour(i64),
    Day(NaiveDate),
    Zone(Tz),
}

fn key_of(split: Split, p: &Planned) -> Key {
    match split {
        Split::Hour | Split::None => Key::Hour(p.send_at.div_euclid(3600)),
        Split::Day => Key::Day(
            DateTime::from_timestamp(p.send_at, 0)
                .unwrap_or_default()
                .with_timezone(&p.tz)
                .date_naive(),
        ),
        Split::Zone => Key::Zone(p.tz),
    }
}

/// Refuses a split into more than [`MOST_FILES`] files, suggesting a coarser one.
pub fn check_count(split: Split, items: &[Planned]) -> Result<usize> {
    let keys: rustc_hash::FxHashSet<Key> = items.iter().map(|p| key_of(split, p)).collect();
    if keys.len() > MOST_FILES {
        return Err(Error::user(
            Msg::new("plan-error-too-many-batches")
                .arg("count", keys.len() as i64)
                .arg("most", MOST_FILES as i64),
        ));
    }
    Ok(keys.len())
}

/// An open batch file.
struct Open {
    sink: Box<dyn Sink>,
    temp: PathBuf,
    key: Key,
    first_at: i64,
    messages: u64,
    sms_parts: u64,
}

/// The batch files of one plan being written into a folder.
pub(crate) struct Batches<'a> {
    dir: &'a Path,
    profile: &'a Profile,
    sheet_rows: u32,
    split: Split,
    demo: bool,
    owner: Tz,
    header: Vec<String>,
    numbers: Vec<bool>,
    by_key: FxHashMap<Key, usize>,
    open: Vec<Open>,
}

impl<'a> Batches<'a> {
    pub(crate) fn new(
        dir: &'a Path,
        profile: &'a Profile,
        sheet_rows: u32,
        split: Split,
        demo: bool,
        owner: Tz,
    ) -> Batches<'a> {
        Batches {
            dir,
            profile,
            sheet_rows,
            split,
            demo,
            owner,
            header: Vec::new(),
            numbers: Vec::new(),
            by_key: FxHashMap::default(),
            open: Vec::new(),
        }
    }

    /// Remembers the header every batch file starts with.
    pub(crate) fn start(&mut self, header: &[String], numbers: &[bool]) {
        self.header = header.to_vec();
        self.numbers = numbers.to_vec();
    }

    /// Writes the row of message `p` (taking `sms_parts`) into its batch's file.
    pub(crate) fn row(&mut self, p: &Planned, sms_parts: u64, cells: &[String]) -> Result<()> {
        let key = key_of(self.split, p);
        let i = match self.by_key.get(&key) {
            Some(i) => *i,
            None => self.open_batch(key, p.send_at)?,
        };
        let batch = &mut self.open[i];
        batch.first_at = batch.first_at.min(p.send_at);
        batch.messages += 1;
        batch.sms_parts += sms_parts;
        batch.sink.row(cells)
    }

    fn open_batch(&mut self, key: Key, at: i64) -> Result<usize> {
        let temp = self.dir.join(format!(".batch-{}.part", self.open.len()));
        let mut sink = sinks::open(Opening {
            path: &temp,
            profile: self.profile,
            sheet_rows: self.sheet_rows,
            part: false,
            buffer: SMALL_BUFFER,
        })?;
        sink.start(&self.header, &self.numbers)?;
        self.open.push(Open {
            sink,
            temp,
            key,
            first_at: at,
            messages: 0,
            sms_parts: 0,
        });
        self.by_key.insert(key, self.open.len() - 1);
        Ok(self.open.len() - 1)
    }

    /// Closes every file under its final name and writes the batch list; returns the batches
    /// in time order.
    pub(crate) fn finish(self) -> Result<Vec<Batch>> {
        let extension = self.profile.file_type.extension();
        let mark = if self.demo { "DEMO_" } else { "" };
        let mut batches = Vec::new();
        for open in self.open {
            open.sink.finish()?;
            let first = DateTime::from_timestamp(open.first_at, 0).unwrap_or_default();
            let key = match open.key {
                Key::Hour(_) => String::new(),
                Key::Day(day) => format!("_local-{day}"),
                Key::Zone(tz) => format!("_{}", tz.name().replace('/', "-")),
            };
            let file = format!(
                "{mark}{}{key}_{}.{extension}",
                first.format("%Y-%m-%d_%H%MZ"),
                open.messages
            );
            std::fs::rename(&open.temp, self.dir.join(&file))
                .map_err(|e| Error::io(self.dir.join(&file), e))?;
            batches.push(Batch {
                file,
                first_at: open.first_at,
                start_utc: first.format("%Y-%m-%d %H:%M").to_string(),
                start_owner: first
                    .with_timezone(&self.owner)
                    .format("%Y-%m-%d %H:%M")
                    .to_string(),
                messages: open.messages,
                sms_parts: open.sms_parts,
            });
        }
        batches.sort_by(|a, b| (a.first_at, &a.file).cmp(&(b.first_at, &b.file)));
        write_list(&self.dir.join(format!("{mark}{LIST_FILE}")), &batches)?;
        Ok(batches)
    }
}

/// Writes the batch list: file, start in UTC, start in the owner's time, messages, SMS parts.
fn write_list(path: &Path, batches: &[Batch]) -> Result<()> {
    let fail = |e: csv::Error| Error::io(path, std::io::Error::other(e));
    let mut file = std::fs::File::create(path).map_err(|e| Error::io(path, e))?;
    std::io::Write::write_all(&mut file, "\u{feff}".as_bytes()).map_err(|e| Error::io(path, e))?;
    let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(file);
    w.write_record(["file", "start_utc", "start_owner", "messages", "sms_parts"])
        .map_err(fail)?;
    for b in batches {
        w.write_record([
            b.file.as_str(),
            &b.start_utc,
            &b.start_owner,
            &b.messages.to_string(),
            &b.sms_parts.to_string(),
        ])
        .map_err(fail)?;
    }
    w.flush().map_err(|e| Error::io(path, e))
}
