//! A plan written for the sending service in an export profile's layout, streamed to the file
//! while the messages are rendered, as one file or one per send batch (the profile's or the
//! owner's split). A plan of the demo base says so: its files are named `DEMO_…`, and the
//! `adresat` profile marks every row too.
//!
//! A file appears whole or not at all: it is written under a hidden temporary name beside its
//! target (a split plan: a hidden folder), synced, and only then renamed into place. A plan is
//! saved only when its file is complete: the saving transaction waits for the export's verdict.
//! What the service would refuse ([`Findings`]) is checked on the way; a blocking finding leaves
//! no file.

use crate::model::task::Task;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::batches::{self, Batch, Batches};
use super::profile::{self, CellMaker, ColumnKind, Field, FileType, Findings, Profile, Split};
use super::sinks::{self, BIG_BUFFER, Opening, Sink};
use super::{Plan, Planned};
use crate::campaign::{Arm, Channel, Checks, Recipient, Renderer};
use crate::error::{Error, Result};
use crate::i18n::{Lang, tr_in};
use crate::staged::{Staged, temporary_beside, temporary_folder_beside};
use crate::store::Store;

pub use super::sinks::XLSX_SHEET_ROWS;

pub use super::profile::Format;
pub(crate) use many::write_plans_staged;

mod many;

/// What an export wrote, and what the rendering found on the way.
#[derive(Debug, Clone)]
pub struct Exported {
    /// The file written, or the folder of a split plan's batches.
    pub path: PathBuf,
    pub rows: u64,
    pub sheets: u32,
    pub checks: Checks,
    pub findings: Findings,
    /// A split plan's batches, in time order (empty for one file).
    pub batches: Vec<Batch>,
}

/// The columns the first rounds exported, before `param_1…` and the demo mark: the `adresat`
/// profile's.
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

/// Where and how a plan is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// The file; with a split, the folder the batch files go in.
    pub path: PathBuf,
    pub profile: Profile,
    pub split: Split,
    /// The most rows of an XLSX sheet ([`XLSX_SHEET_ROWS`] but in tests).
    pub sheet_rows: u32,
    /// The language of the demo mark.
    pub lang: Lang,
    /// From this many messages a CSV or JSON Lines file is written in two halves by two threads
    /// ([`SPLIT_FROM`] but in tests).
    pub split_from: usize,
    /// The moment the file is made, for the profile's lead-time rules (none: not checked; the
    /// front ends always give it).
    pub now: Option<DateTime<Utc>>,
}

impl Target {
    /// `path` in the `adresat` profile's layout, in `format`, as one file.
    pub fn new(path: &Path, format: Format, lang: Lang) -> Target {
        let mut profile = profile::shipped().remove(0);
        format.apply(&mut profile);
        Target {
            split: Split::None,
            now: None,
            ..Target::with_profile(path, profile, lang, DateTime::UNIX_EPOCH)
        }
    }

    /// `path` in `profile`, split as the profile says, made at `now`.
    pub fn with_profile(path: &Path, profile: Profile, lang: Lang, now: DateTime<Utc>) -> Target {
        Target {
            path: path.to_owned(),
            split: profile.split,
            profile,
            sheet_rows: XLSX_SHEET_ROWS,
            lang,
            split_from: SPLIT_FROM,
            now: Some(now),
        }
    }

    /// Where the export lands: a demo base's plan gets `DEMO_` before the file's name.
    pub fn destination(&self, plan: &Plan) -> PathBuf {
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if plan.demo && !name.starts_with("DEMO_") {
            self.path.with_file_name(format!("DEMO_{name}"))
        } else {
            self.path.clone()
        }
    }
}

/// The most WhatsApp parameters any of `plan`'s texts has.
fn wa_params(plan: &Plan, renderer: &Renderer) -> usize {
    match plan.campaign.channel {
        Channel::Whatsapp => (0..plan.campaign.variants.len())
            .flat_map(|v| Arm::BOTH.map(|arm| (v, arm)))
            .filter_map(|(v, arm)| renderer.template(v, arm))
            .map(|t| t.whatsapp().1.len())
            .max()
            .unwrap_or(0),
        _ => 0,
    }
}

/// The renderer of `plan`'s texts reading also what `profile`'s columns need.
fn renderer_for(store: &Store, plan: &Plan, profile: &Profile) -> Result<Renderer> {
    let fields: Vec<Field> = profile
        .columns
        .iter()
        .filter_map(|c| Field::parse(c).ok())
        .collect();
    let vars: Vec<&str> = fields
        .iter()
        .filter_map(|f| match f {
            Field::Var(name) => Some(name.as_str()),
            _ => None,
        })
        .collect();
    let custom = fields.iter().any(|f| matches!(f, Field::Custom(_)));
    Ok(
        Renderer::with_columns(store, &plan.campaign, &vars, custom)?
            .with_triggers(plan.triggers.clone()),
    )
}

/// Where rendered rows go: one file, a split plan's batches, or nowhere (the checks alone).
enum Out<'a> {
    File(Box<dyn Sink>),
    Batches(Batches<'a>),
    Nowhere,
}

impl Out<'_> {
    fn start(&mut self, header: &[String], numbers: &[bool]) -> Result<()> {
        match self {
            Out::File(sink) => sink.start(header, numbers),
            Out::Batches(b) => {
                b.start(header, numbers);
                Ok(())
            }
            Out::Nowhere => Ok(()),
        }
    }

    fn row(&mut self, p: &Planned, r: &Recipient, sms: bool, cells: &[String]) -> Result<()> {
        match self {
            Out::File(sink) => sink.row(cells),
            Out::Batches(b) => {
                let parts = if sms {
                    crate::template::sms_size(&r.text).parts as u64
                } else {
                    0
                };
                b.row(p, parts, cells)
            }
            Out::Nowhere => Ok(()),
        }
    }
}

/// Renders every message of `plan` in `profile` without writing anything: the checks and
/// findings the one warning before the export shows.
pub fn check(
    store: &Store,
    plan: &Plan,
    profile: &Profile,
    now: Option<DateTime<Utc>>,
    task: Task,
) -> Result<(Checks, Findings)> {
    let written = write_rows(
        store,
        plan,
        &plan.items,
        &mut Out::Nowhere,
        &Writing {
            profile,
            lang: crate::i18n::current(),
            now,
            params: None,
            started: false,
        },
        task,
    )?;
    Ok((written.checks, written.findings))
}

/// The first `rows` rows of `plan` in `profile`, the header first: the profile dialog's preview.
pub fn preview(
    store: &Store,
    plan: &Plan,
    profile: &Profile,
    rows: usize,
) -> Result<Vec<Vec<String>>> {
    let renderer = renderer_for(store, plan, profile)?;
    let owner = store.settings()?.owner_tz;
    let lang = crate::i18n::current();
    let mut cells = CellMaker::new(
        plan,
        profile,
        wa_params(plan, &renderer),
        owner,
        tr_in(lang, "demo-row-mark", &[]),
    );
    let items: Vec<Planned> = plan.items.iter().take(rows).copied().collect();
    let who = Plan::recipients(&items);
    let mut out = vec![cells.header()];
    let mut next = 0;
    renderer.each(
        store,
        &who,
        Task::unwatched(plan.made_at),
        &mut |r, facts| {
            while items[next].contact_id < r.contact_id {
                next += 1;
            }
            let mut row = Vec::new();
            cells.fill(&mut row, &items[next], r, facts, &renderer);
            out.push(row);
            Ok(true)
        },
    )?;
    Ok(out)
}

/// Below this many messages a CSV or JSON Lines file is written by one thread.
pub const SPLIT_FROM: usize = 20_000;

/// Writes `plan` to the target, rendering each message as it goes: whole or not at all (see the
/// module's notes). A big CSV or JSON Lines plan is written in two halves by two threads.
pub fn export(store: &Store, plan: &Plan, target: &Target, task: Task) -> Result<Exported> {
    let (staged, exported) = write_staged(store, plan, target, task)?;
    staged.publish(&exported.path)?;
    Ok(exported)
}

/// Writes `plan` into a temporary file (or folder) beside the target and syncs it to the disk;
/// a blocking finding discards it.
fn write_staged(
    store: &Store,
    plan: &Plan,
    target: &Target,
    task: Task,
) -> Result<(Staged, Exported)> {
    target.profile.validate().map_err(Error::user)?;
    let destination = target.destination(plan);
    let (staged, mut exported) = if target.split == Split::None {
        let temp = temporary_beside(&destination)?;
        let exported = write_file(store, plan, target, &temp, task)?;
        (Staged::synced(temp, &destination)?, exported)
    } else {
        batches::check_count(target.split, &plan.items)?;
        let folder = temporary_folder_beside(&destination)?;
        let exported = write_batches(store, plan, target, folder.path(), task)?;
        (Staged::synced_folder(folder, &destination)?, exported)
    };
    // A cancel in the last stretch of messages, after the renderer last looked, still counts.
    task.stop_if()?;
    if let Some(first) = exported.findings.list().into_iter().find(|f| f.blocking) {
        return Err(Error::user(first.msg));
    }
    exported.path = destination;
    Ok((staged, exported))
}

/// How the rows are made: the profile, the demo mark's language, the moment of writing; when
/// several plans share one file, the WhatsApp parameters its header has room for and whether
/// the header is written already.
struct Writing<'a> {
    profile: &'a Profile,
    lang: Lang,
    now: Option<DateTime<Utc>>,
    params: Option<usize>,
    started: bool,
}

impl<'a> Writing<'a> {
    fn of(target: &'a Target) -> Writing<'a> {
        Writing {
            profile: &target.profile,
            lang: target.lang,
            now: target.now,
            params: None,
            started: false,
        }
    }
}

/// Writes `plan` split into batch files in the folder `dir`.
fn write_batches(
    store: &Store,
    plan: &Plan,
    target: &Target,
    dir: &Path,
    task: Task,
) -> Result<Exported> {
    let owner = store.settings()?.owner_tz;
    let mut out = Out::Batches(Batches::new(
        dir,
        &target.profile,
        target.sheet_rows,
        target.split,
        plan.demo,
        owner,
    ));
    let written = write_rows(
        store,
        plan,
        &plan.items,
        &mut out,
        &Writing::of(target),
        task,
    )?;
    let Out::Batches(b) = out else {
        unreachable!("batches were asked for")
    };
    Ok(Exported {
        path: dir.to_owned(),
        rows: written.rows,
        sheets: 1,
        checks: written.checks,
        findings: written.findings,
        batches: b.finish()?,
    })
}

/// Writes `plan` to the one file `path`.
fn write_file(
    store: &Store,
    plan: &Plan,
    target: &Target,
    path: &Path,
    task: Task,
) -> Result<Exported> {
    let total = plan.items.len();
    let open = |path: &Path, part: bool| {
        sinks::open(Opening {
            path,
            profile: &target.profile,
            sheet_rows: target.sheet_rows,
            part,
            buffer: BIG_BUFFER,
        })
    };
    let writing = Writing::of(target);
    let split = total >= target.split_from.max(2) && target.profile.file_type != FileType::Xlsx;
    if !split {
        let mut out = Out::File(open(path, false)?);
        let written = write_rows(store, plan, &plan.items, &mut out, &writing, task)?;
        let Out::File(sink) = out else {
            unreachable!("a file was asked for")
        };
        return Ok(written.into_exported(path, sink.finish()?));
    }
    let (first, second) = plan.items.split_at(total / 2);
    let part_path = temporary_beside(path)?;
    let second_store = store.another()?;
    let (first_result, second_result) = std::thread::scope(|scope| {
        let other = scope.spawn(|| -> Result<Written> {
            let store = second_store;
            let mut out = Out::File(open(&part_path, true)?);
            let written = write_rows(
                &store,
                plan,
                second,
                &mut out,
                &writing,
                // The halves go at one pace: the first one's progress is the file's.
                task.muted(),
            )?;
            if let Out::File(sink) = out {
                sink.finish()?;
            }
            Ok(written)
        });
        let mine = open(path, false).and_then(|sink| {
            let mut out = Out::File(sink);
            let written = write_rows(store, plan, first, &mut out, &writing, task)?;
            if let Out::File(sink) = out {
                sink.finish()?;
            }
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
    let (mut written, more) = (first_result?, second_result?);
    append(path, &part_path)?;
    written.merge(more);
    Ok(written.into_exported(path, 1))
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

/// What writing some rows found.
struct Written {
    rows: u64,
    checks: Checks,
    findings: Findings,
}

impl Written {
    fn merge(&mut self, other: Written) {
        self.rows += other.rows;
        self.checks.merge(other.checks);
        self.findings.merge(other.findings);
    }

    fn into_exported(self, path: &Path, sheets: u32) -> Exported {
        Exported {
            path: path.to_owned(),
            rows: self.rows,
            sheets,
            checks: self.checks,
            findings: self.findings,
            batches: Vec::new(),
        }
    }
}

/// Renders the messages `items` (ascending by contact) of `plan`, lays each out in the profile's
/// columns, checks it and hands it to `out`; `task` hears how many are done.
fn write_rows(
    store: &Store,
    plan: &Plan,
    items: &[Planned],
    out: &mut Out,
    writing: &Writing,
    task: Task,
) -> Result<Written> {
    let profile = writing.profile;
    let renderer = renderer_for(store, plan, profile)?;
    let owner: Tz = store.settings()?.owner_tz;
    let demo_note = tr_in(writing.lang, "demo-row-mark", &[]);
    let params = writing.params.unwrap_or_else(|| wa_params(plan, &renderer));
    let mut maker = CellMaker::new(plan, profile, params, owner, demo_note);
    let numbers: Vec<bool> = maker.columns.iter().map(|(_, k)| k.is_number()).collect();
    if !writing.started {
        out.start(&maker.header(), &numbers)?;
    }
    let columns: Vec<(String, ColumnKind)> = maker.columns.clone();
    let who = Plan::recipients(items);
    let mut checks = Checks::new(plan.campaign.channel);
    let mut findings = Findings::new(profile, writing.now.map(|t| t.timestamp()));
    let sms = plan.campaign.channel == Channel::Sms;
    let mut rows = 0u64;
    let mut next = 0usize;
    let mut cells: Vec<String> = Vec::new();
    renderer.each(store, &who, task, &mut |r, facts| {
        while items[next].contact_id < r.contact_id {
            next += 1;
        }
        let p = &items[next];
        checks.add(r);
        maker.fill(&mut cells, p, r, facts, &renderer);
        findings.add(p.contact_id, p.send_at, &columns, &cells);
        out.row(p, r, sms, &cells)?;
        rows += 1;
        Ok(true)
    })?;
    Ok(Written {
        rows,
        checks,
        findings,
    })
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
    task: Task,
) -> Result<(i64, Exported)> {
    let mut saver = store.another()?;
    let (verdict, heard) = std::sync::mpsc::channel::<bool>();
    // `move`: should the writing panic, the verdict's sender goes with it, and the waiting saver
    // rolls back instead of waiting for ever.
    std::thread::scope(move |scope| {
        let saving = scope.spawn(move || {
            plan.save_when(&mut saver, &mut || match heard.recv() {
                Ok(true) => Ok(()),
                _ => Err(Error::Cancelled),
            })
        });
        let written = write_staged(store, plan, target, task);
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
        if let Err(e) = staged.publish(&exported.path) {
            let mut undo = store.another()?;
            undo.delete_plan(&plan.campaign.name, &plan.options.date.to_string())?;
            return Err(e);
        }
        Ok((id, exported))
    })
}
