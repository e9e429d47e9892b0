//! Importing contacts, orders and events from the files owners have: Excel and CRM exports in
//! any of the usual encodings and separators, and .xlsx workbooks.
//!
//! One import is one transaction: it commits whole or not at all (a crash or a kill halfway
//! leaves the base as it was). Rows that cannot be used are rejected with their line and reason;
//! the rest load. The GUI runs [`run`] on a background thread with a progress callback and a
//! cancel flag; the CLI calls it directly.

mod contacts;
mod customers;
pub mod email;
mod events;
pub mod fields;
mod html_table;
mod key_ids;
mod name;
mod orders;
pub mod phone;
pub mod recognise;
mod repeats;
mod report;
mod row;
pub mod source;
mod synonyms;
pub mod values;

use crate::model::task::Task;
use std::path::Path;

use chrono_tz::Tz;

pub use fields::{ColumnMap, Field, ImportKind};
pub use name::first_name_from_full;
pub use report::{ImportReport, Reject, Warning};
pub use row::normalize_tg_username;
pub use source::{Format, TableSource};

use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::store::{Saved, Store, Writer};
use row::{Layout, Row};

/// How to read a file; what is not set comes from the base's settings.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportOptions {
    pub kind: ImportKind,
    /// The country of phones written without a code; the base's setting when `None`.
    pub default_country: Option<String>,
    /// The zone of dates without an offset and of contacts whose city is unknown; the owner's when `None`.
    pub default_tz: Option<Tz>,
    /// Column → field overrides.
    pub map: Vec<ColumnMap>,
    /// The system the file's external ids belong to (`own`, `1c`, …); the tool's that wrote the
    /// file when `None`, else the owner's own.
    pub id_system: Option<String>,
    /// The owner's statement that everyone in a contacts file agreed to messages, for files
    /// without a consent column (most CRM exports).
    pub consent: Option<ConsentStatement>,
    /// The moment of the import: new contacts are created and tags set at it.
    pub now: chrono::DateTime<chrono::Utc>,
}

impl ImportOptions {
    /// Options that take everything from the file and the base, for an import at `now`.
    pub fn new(kind: ImportKind, now: chrono::DateTime<chrono::Utc>) -> Self {
        ImportOptions {
            kind,
            default_country: None,
            default_tz: None,
            map: Vec::new(),
            id_system: None,
            consent: None,
            now,
        }
    }
}

/// "These people agreed to messages": where and when, as the owner states it for a whole file.
/// Each contact's consent record takes it (rows with a consent column of their own keep theirs);
/// the owner must be able to prove it (38-FZ).
#[derive(Debug, Clone, PartialEq)]
pub struct ConsentStatement {
    /// Where they agreed: «форма на сайте», «договор оферты»…
    pub source: String,
    pub at: chrono::DateTime<chrono::Utc>,
}

impl ConsentStatement {
    /// The statement of `source` and the date or moment `date` (read in `tz`), checked: a source
    /// to name, a date that is no later than `now`.
    pub fn new(
        source: &str,
        date: &str,
        tz: Tz,
        now: chrono::DateTime<chrono::Utc>,
    ) -> std::result::Result<ConsentStatement, Msg> {
        let source = source.trim();
        if source.is_empty() {
            return Err(Msg::new("error-consent-statement-source"));
        }
        let at = values::parse_datetime(date, tz)
            .map_err(|_| Msg::new("error-consent-statement-date").arg("value", date.trim()))?;
        if at > now {
            return Err(Msg::new("error-consent-statement-future").arg("value", date.trim()));
        }
        Ok(ConsentStatement {
            source: source.to_owned(),
            at,
        })
    }
}

impl ConsentStatement {
    /// Why `source` and `date` make no statement, checked as the owner types them (the date
    /// read in UTC: only whether it reads; the import reads it in its zone).
    pub fn check(source: &str, date: &str, now: chrono::DateTime<chrono::Utc>) -> Option<Msg> {
        ConsentStatement::new(
            source,
            date,
            chrono_tz::UTC,
            now + chrono::Duration::days(1),
        )
        .err()
    }

    /// The statement of `source` and `date` for an import of `options` into `store`: a date
    /// without an offset is read in the import's zone (the owner's, unless the options name one).
    pub fn stated(
        store: &Store,
        options: &ImportOptions,
        source: &str,
        date: &str,
    ) -> Result<ConsentStatement> {
        let tz = options.default_tz.unwrap_or(store.settings()?.owner_tz);
        ConsentStatement::new(source, date, tz, options.now).map_err(Error::User)
    }
}

/// The step of an import's [`Task`] while the indexes a first load dropped are built again
/// (step 0: reading the file).
pub const INDEXING: u32 = 1;

pub(crate) enum Outcome {
    Saved(Saved),
    Merged,
    /// A line item's row, folded into the order above it.
    Folded,
    Rejected(Msg),
}

/// Turns a row into what its loader stores, on the reading thread.
pub(crate) type Preparer<P> = Box<dyn FnMut(&Row) -> P + Send>;

/// What loads one kind of row, in two steps: reading the row on its own (on the reading thread,
/// [`Loader::preparer`]) and then storing it against what the base holds (on the writer's).
pub(crate) trait Loader {
    /// What a row is read into before the base is consulted: normalised values, or the reason
    /// the row is rejected.
    type Prepared: Send + 'static;

    /// What reads rows on the reading thread: owns everything it needs.
    fn preparer(&self) -> Preparer<Self::Prepared>;

    /// Loads one row. A row-level problem is `Outcome::Rejected`; an `Err` aborts the import.
    fn load(
        &mut self,
        w: &Writer,
        line: u64,
        row: &Row,
        prepared: Self::Prepared,
        report: &mut ImportReport,
    ) -> Result<Outcome>;

    /// What the row will be stored as, field by field, without touching the base: for the
    /// mapping step's preview.
    fn preview(
        &mut self,
        line: u64,
        row: &Row,
        prepared: Self::Prepared,
    ) -> Result<Vec<(Field, String)>, Msg>;

    /// Notes for the preview's rows (unknown or ambiguous cities).
    fn preview_warnings(&mut self) -> Vec<Warning> {
        Vec::new()
    }

    /// Runs once after the last row, inside the transaction.
    fn finish(&mut self, _w: &Writer, _report: &mut ImportReport) -> Result<()> {
        Ok(())
    }
}

/// The fields without which a file of `kind` cannot be loaded: one of the first group, and each
/// of the rest.
fn required(kind: ImportKind) -> (&'static [Field], &'static [Field]) {
    const KEYS: &[Field] = &[
        Field::ExternalId,
        Field::Phone,
        Field::Email,
        Field::TgChatId,
        Field::TgUsername,
    ];
    match kind {
        ImportKind::Contacts => (KEYS, &[]),
        ImportKind::Orders => (KEYS, &[Field::OrderedAt, Field::Amount]),
        // A results file may name the planned message instead of the contact and campaign.
        ImportKind::Events => (EVENT_KEYS, &[Field::EventKind, Field::At]),
    }
}

/// What identifies an event's contact: a contact key, or the id of a planned message.
const EVENT_KEYS: &[Field] = &[
    Field::ExternalId,
    Field::Phone,
    Field::Email,
    Field::TgChatId,
    Field::TgUsername,
    Field::MessageId,
];

/// Why a file of `kind` cannot be loaded with this mapping, if it cannot.
fn check_columns(
    path: &Path,
    kind: ImportKind,
    headers: &[String],
    layout: &Layout,
) -> Result<(), Msg> {
    let (one_of, all_of) = required(kind);
    let mut missing: Vec<String> = all_of
        .iter()
        .filter(|f| !layout.has(**f))
        .map(|f| f.name().to_owned())
        .collect();
    // A messaging event without a message id names its campaign; activity names none. Which
    // a row is shows in its kind, so a messaging row without a campaign is refused on its line.
    if !one_of.iter().any(|f| layout.has(*f)) {
        let names: Vec<&str> = one_of.iter().map(|f| f.name()).collect();
        missing.insert(0, names.join(" | "));
    }
    if missing.is_empty() {
        return Ok(());
    }
    Err(Msg::new("error-missing-columns")
        .arg("path", path.display().to_string())
        .arg("missing", missing.join(", "))
        .arg("headers", headers.join(", ")))
}

/// A file opened as a table, with each column's field (the user's overrides first).
struct Mapped {
    source: TableSource,
    fields: Vec<Field>,
    layout: Layout,
    /// Where the column choices for these headers are remembered, and those applied.
    memo_key: String,
    choices: Vec<ColumnMap>,
    remembered: Vec<ColumnMap>,
    /// Whether the owner chose columns themselves for this import.
    corrected: bool,
}

impl Mapped {
    /// Opens `path` and maps its columns: the owner's choices of `options` over those remembered
    /// in `store` for files with the same headers, then the synonyms.
    fn open(store: &Store, path: &Path, options: &ImportOptions) -> Result<Mapped> {
        let source = TableSource::open(path)?;
        let memo_key = recognise::memo_key(options.kind, &source.headers);
        let stored = store
            .memo(&memo_key)?
            .map(|text| recognise::parse_memo(&text))
            .unwrap_or_default();
        let (remembered, choices) = recognise::with_remembered(stored, &options.map);
        let mut fields = fields::map_columns(&source.headers, options.kind, &choices)?;
        let origin = recognise::origin(&source.headers);
        recognise::adjust(origin, &source.headers, &mut fields, &choices);
        let id_system =
            recognise::id_system(options.id_system.as_deref(), origin).map_err(Error::User)?;
        let mut layout = Layout::new(&source.headers, &fields, &id_system);
        if options.id_system.is_none() && origin.is_some() {
            layout = layout.with_recognised_system();
        }
        if origin.is_some_and(recognise::Origin::month_first) {
            layout = layout.with_month_first();
        }
        Ok(Mapped {
            source,
            fields,
            layout,
            memo_key,
            choices,
            remembered,
            corrected: !options.map.is_empty(),
        })
    }

    /// What the mapping step says it recognised.
    fn recognised(&self) -> recognise::Recognised {
        recognise::Recognised {
            origin: recognise::origin(&self.source.headers),
            id_system: self.layout.id_system().to_owned(),
            phones: self.layout.phone_headers(),
            custom: self
                .columns()
                .into_iter()
                .filter(|(_, f)| *f == Field::Custom)
                .map(|(h, _)| h)
                .collect(),
            remembered: self.remembered.clone(),
        }
    }

    fn check(&self, path: &Path, kind: ImportKind) -> Result<(), Msg> {
        check_columns(path, kind, &self.source.headers, &self.layout)
    }

    /// Each column's header and the field it feeds.
    fn columns(&self) -> Vec<(String, Field)> {
        self.source
            .headers
            .iter()
            .cloned()
            .zip(self.fields.iter().copied())
            .collect()
    }
}

/// How a file will be read, shown before anything is written.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Preview {
    pub format: Format,
    /// Each column's header and the field it feeds.
    pub columns: Vec<(String, Field)>,
    /// The first rows as they will be stored.
    pub rows: Vec<PreviewRow>,
    pub warnings: Vec<Warning>,
    /// Why the file cannot be imported with this mapping (missing key column, …), if so.
    pub blocked: Option<Msg>,
    /// The tool that wrote the file, the phone columns, the custom ones, the choices applied again.
    pub recognised: recognise::Recognised,
}

/// One row of a preview: its line, and its normalised values or the reason it would be rejected.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PreviewRow {
    pub line: u64,
    pub values: Result<Vec<(Field, String)>, Msg>,
}

/// Calls `$body` with `$loader` bound to the loader of `$options.kind`, whose type differs by kind.
macro_rules! with_loader {
    ($options:expr, $path:expr, $country:expr, $tz:expr, |$loader:ident| $body:expr) => {{
        let now = crate::model::time::Moment::of($options.now);
        match $options.kind {
            ImportKind::Contacts => {
                let file = $path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let $loader = contacts::ContactsLoader::new(
                    $country,
                    $tz,
                    now,
                    file,
                    $options.consent.clone(),
                );
                $body
            }
            ImportKind::Orders => {
                let $loader = orders::OrdersLoader::new($country, $tz);
                $body
            }
            ImportKind::Events => {
                let $loader = events::EventsLoader::new($country, $tz, now);
                $body
            }
        }
    }};
}

fn country_and_zone(store: &Store, options: &ImportOptions) -> Result<(String, Tz)> {
    let settings = store.settings()?;
    let country = options
        .default_country
        .clone()
        .unwrap_or(settings.default_country)
        .to_ascii_uppercase();
    Ok((country, options.default_tz.unwrap_or(settings.owner_tz)))
}

/// Reads the first `limit` rows of `path` the way [`run`] would, and writes nothing.
pub fn preview(
    store: &Store,
    path: &Path,
    options: &ImportOptions,
    limit: usize,
) -> Result<Preview> {
    let (country, tz) = country_and_zone(store, options)?;
    let mapped = Mapped::open(store, path, options)?;
    let blocked = mapped.check(path, options.kind).err();
    with_loader!(options, path, country, tz, |loader| preview_rows(
        mapped, loader, limit, blocked
    ))
}

fn preview_rows(
    mut mapped: Mapped,
    mut loader: impl Loader,
    limit: usize,
    blocked: Option<Msg>,
) -> Result<Preview> {
    let columns = mapped.columns();
    let recognised = mapped.recognised();
    let mut prepare = loader.preparer();
    let mut rows = Vec::new();
    let mut values = Vec::new();
    while rows.len() < limit {
        let Some(line) = mapped.source.next_row(&mut values)? else {
            break;
        };
        if values.iter().all(String::is_empty) {
            continue;
        }
        let row = Row {
            layout: &mapped.layout,
            values: &values,
        };
        let prepared = prepare(&row);
        rows.push(PreviewRow {
            line,
            values: loader.preview(line, &row, prepared),
        });
    }
    Ok(Preview {
        format: mapped.source.format.clone(),
        columns,
        rows,
        warnings: loader.preview_warnings(),
        blocked,
        recognised,
    })
}

/// Imports `path` into `store` as one transaction and reports what happened to every row.
///
/// `task` hears every few thousand rows how far it is; cancelling it stops the import and leaves
/// the base unchanged (`Error::Cancelled`).
pub fn run(
    store: &mut Store,
    path: &Path,
    options: &ImportOptions,
    task: Task,
) -> Result<ImportReport> {
    let (country, tz) = country_and_zone(store, options)?;
    let mapped = Mapped::open(store, path, options)?;
    mapped.check(path, options.kind).map_err(Error::User)?;
    let totals = [Field::TotalOrders, Field::TotalSpent, Field::LastOrderAt]
        .iter()
        .any(|f| mapped.layout.has(*f));
    let mut report = ImportReport::new(
        options.kind,
        path,
        mapped.source.format.clone(),
        mapped.columns(),
        recognise::origin(&mapped.source.headers),
        mapped.layout.id_system().to_owned(),
    );
    with_loader!(options, path, country, tz, |loader| load_rows(
        store,
        mapped,
        loader,
        &mut report,
        task
    ))?;
    // Orders change every customer's recency, frequency and money: the stored RFM follows; so
    // do a customers export's purchase totals.
    let changed = report.inserted + report.updated > 0;
    let orders = options.kind == ImportKind::Orders && report.inserted > 0;
    if orders || (totals && changed) {
        let as_of = crate::rfm::as_of_date(store, options.now)?;
        // The import is committed by now: a cancel can no longer undo it, so none stops this.
        crate::rfm::recompute(store, as_of, Task::unwatched(task.now()))?;
    }
    task.step(0);
    task.report(1.0, report.read);
    Ok(report)
}

/// Reads every row of `mapped` (prepared on the reading thread) and stores it, in one
/// transaction that commits only when all went well.
fn load_rows(
    store: &mut Store,
    mapped: Mapped,
    mut loader: impl Loader,
    report: &mut ImportReport,
    task: Task,
) -> Result<()> {
    let Mapped {
        source,
        layout,
        memo_key,
        choices,
        corrected,
        ..
    } = mapped;
    let writer = store.writer()?;
    // The owner's corrections are remembered for the next file with these headers, with the
    // rest of the import: a cancelled one forgets them too.
    if corrected {
        writer.set_memo(&memo_key, &recognise::memo_text(&choices))?;
    }
    // Rebuilding dropped indexes takes about a third of a first load of a big file.
    let reading_share = if writer.index_builds() > 0 { 0.7 } else { 1.0 };
    let mut prepare = loader.preparer();
    let reading_layout = layout.clone();
    let mut source = source.read_ahead(move |values| {
        prepare(&Row {
            layout: &reading_layout,
            values,
        })
    });
    while let Some((line, values, prepared)) = source.next_row()? {
        if values.iter().all(String::is_empty) {
            continue;
        }
        report.read += 1;
        let row = Row {
            layout: &layout,
            values,
        };
        match loader.load(&writer, line, &row, prepared, report)? {
            Outcome::Saved(Saved::Inserted) => report.inserted += 1,
            Outcome::Saved(Saved::Updated) => report.updated += 1,
            Outcome::Saved(Saved::Unchanged) => report.unchanged += 1,
            Outcome::Merged => report.merged += 1,
            Outcome::Folded => report.folded += 1,
            Outcome::Rejected(reason) => report.reject(line, reason, values),
        }
        if report.read.is_multiple_of(4096) {
            task.stop_if()?;
            task.report(source.fraction_done() * reading_share, report.read);
        }
    }
    task.stop_if()?;
    loader.finish(&writer, report)?;
    let rows = report.read;
    writer.commit_with(|built| {
        task.step(INDEXING);
        task.report(reading_share + (1.0 - reading_share) * built, rows);
        !task.is_cancelled()
    })
}
