//! A realistic Russian demo base of any size: contacts across time zones, orders with products,
//! campaign events with buyers, clickers and sleepers, and the site's activity (views, carts).
//!
//! The data is generated into CSV files in the formats owners import (so the demo also exercises
//! the importer), then loaded into a base of its own that is marked as a demo: generated phone
//! numbers may belong to real people.

mod person;
mod tables;

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, TimeZone, Utc};
use fastrand::Rng;

use crate::error::{Error, Result};
use crate::import::{self, ImportKind, ImportOptions, ImportReport};
use crate::model::task::Task;
use crate::store::{Setting, Store};
use person::Person;

/// The seed of the demo the app and the CLI make, so every demo base is the same.
pub const SEED: u64 = 2026;

/// Where [`write_files`] put the generated data.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoFiles {
    pub contacts: PathBuf,
    pub orders: PathBuf,
    pub events: PathBuf,
    /// What customers did on the shop's site: views, carts, checkouts, favourites.
    pub activity: PathBuf,
}

/// One of the demo's CSV files being written (UTF-8 with BOM, `;`, as Russian Excel saves).
struct File<'a> {
    path: &'a Path,
    writer: csv::Writer<std::io::BufWriter<std::fs::File>>,
}

impl<'a> File<'a> {
    fn create(path: &'a Path, header: &[&str]) -> Result<File<'a>> {
        let io = |e| Error::io(path, e);
        let mut f =
            std::io::BufWriter::with_capacity(1 << 16, std::fs::File::create(path).map_err(io)?);
        f.write_all("\u{feff}".as_bytes()).map_err(io)?;
        let mut file = File {
            path,
            writer: csv::WriterBuilder::new().delimiter(b';').from_writer(f),
        };
        file.row(header)?;
        Ok(file)
    }

    fn row<I: AsRef<[u8]>>(&mut self, record: impl IntoIterator<Item = I>) -> Result<()> {
        self.writer
            .write_record(record)
            .map_err(|e| Error::io(self.path, std::io::Error::other(e.to_string())))
    }

    fn finish(self) -> Result<()> {
        let path = self.path;
        self.writer
            .into_inner()
            .map_err(|e| Error::io(path, std::io::Error::other(e.to_string())))?
            .flush()
            .map_err(|e| Error::io(path, e))
    }
}

const CONTACTS_HEADER: [&str; 11] = [
    "ID клиента",
    "ФИО",
    "Телефон",
    "Город",
    "Источник",
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "Теги",
    "Согласие на рассылку",
    "Дата регистрации",
];
const ORDERS_HEADER: [&str; 6] = [
    "ID клиента",
    "Номер заказа",
    "Дата заказа",
    "Сумма",
    "Товар",
    "Категория",
];
const EVENTS_HEADER: [&str; 6] = [
    "ID клиента",
    "Кампания",
    "ID сообщения",
    "Событие",
    "Кнопка",
    "Время",
];

const ACTIVITY_HEADER: [&str; 7] = [
    "Телефон",
    "Событие",
    "Товар",
    "Категория",
    "Стоимость",
    "Ссылка",
    "Время",
];

/// Writes `contacts.csv`, `orders.csv`, `events.csv` and `activity.csv` for `n` contacts into
/// `dir`. The same `seed` and `today` (the last day of the history) give the same files; the
/// site's activity draws from a stream of its own, so the other three are as they were before
/// the demo had activity.
pub fn write_files(dir: &Path, n: u64, seed: u64, today: NaiveDate) -> Result<DemoFiles> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let files = DemoFiles {
        contacts: dir.join("contacts.csv"),
        orders: dir.join("orders.csv"),
        events: dir.join("events.csv"),
        activity: dir.join("activity.csv"),
    };
    let mut contacts = File::create(&files.contacts, &CONTACTS_HEADER)?;
    let mut orders = File::create(&files.orders, &ORDERS_HEADER)?;
    let mut events = File::create(&files.events, &EVENTS_HEADER)?;
    let mut activity = File::create(&files.activity, &ACTIVITY_HEADER)?;
    let mut rng = Rng::with_seed(seed);
    let mut site = Rng::with_seed(seed.rotate_left(32) ^ 0xAC71_0000);
    let epoch = Utc.from_utc_datetime(&today.and_hms_opt(9, 0, 0).expect("valid time"));
    let mut order_no = 100_000u64;
    for i in 0..n {
        let person = Person::new(&mut rng, i, epoch);
        contacts.row(person.row())?;
        for row in person.orders(&mut rng, epoch, &mut order_no) {
            orders.row(row)?;
        }
        for row in person.events(&mut rng, epoch) {
            events.row(row)?;
        }
        for row in person.activity(&mut site, epoch) {
            activity.row(row)?;
        }
    }
    contacts.finish()?;
    orders.finish()?;
    events.finish()?;
    activity.finish()?;
    Ok(files)
}

/// The default place of the demo base: beside the real one.
pub fn default_demo_path(real: &Path) -> PathBuf {
    real.with_file_name("adresat-demo.sqlite")
}

/// Creates (or replaces) a demo base at `db` with `n` generated contacts, their orders and
/// events up to the task's moment, marked as a demo. `task` hears the overall share done.
pub fn create_base(db: &Path, n: u64, files_dir: &Path, task: Task) -> Result<Vec<ImportReport>> {
    let now = task.now();
    let files = write_files(files_dir, n, SEED, now.date_naive())?;
    for suffix in ["", "-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        match std::fs::remove_file(PathBuf::from(p)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(Error::io(db, e)),
            _ => {}
        }
    }
    let mut store = Store::open(db)?;
    store.set_setting(Setting::Demo.key(), "1")?;
    let steps = [
        (ImportKind::Contacts, &files.contacts, 0.0, 0.6),
        (ImportKind::Orders, &files.orders, 0.6, 0.75),
        (ImportKind::Events, &files.events, 0.75, 0.95),
        (ImportKind::Events, &files.activity, 0.95, 1.0),
    ];
    let mut reports = Vec::new();
    for (kind, path, from, to) in steps {
        reports.push(import::run(
            &mut store,
            path,
            &ImportOptions::new(kind, now),
            task.part(from, to),
        )?);
    }
    Ok(reports)
}
