//! The Scenarios screen's run window: the messages every saved scenario has due from now for the
//! next hours, planned in the background (what each scenario did: triggers, entries, messages
//! per step, what waits, why chains ended — the command line's words), then written in an
//! export profile's layout to one file, and only then saved, so the entries move on.

use std::path::Path;
use std::sync::Arc;

use crate::i18n::{Msg, tr};
use crate::plan::export::Target;
use crate::plan::profile::{self, Profile, Split};
use crate::scenario::run::{self, Run, RunOptions, SavedRun};
use crate::ui::jobs::{Pending, QueryJob, Work};
use crate::ui::widgets::{PathField, PathMode, dialog, outcome, progress_with_cancel};

/// The window's state while it is open.
pub struct RunWindow {
    /// The window's length from now, in hours.
    hours: u32,
    planning: Option<Pending<crate::Result<Run>>>,
    run: Option<Arc<Run>>,
    /// The run shown is saved: it is not saved twice.
    saved: bool,
    /// A run was saved since the screen last asked.
    newly_saved: bool,
    profiles: Vec<Profile>,
    profiles_job: Option<QueryJob<Vec<Profile>>>,
    chosen: usize,
    path: PathField,
    writing: Option<Pending<crate::Result<SavedRun>>>,
    outcome: Option<Result<String, String>>,
}

impl RunWindow {
    /// A window for the base `db`, its export profiles read in the background.
    pub fn open(ctx: &egui::Context, db: &Path) -> RunWindow {
        RunWindow {
            hours: 24,
            planning: None,
            run: None,
            saved: false,
            newly_saved: false,
            profiles: profile::shipped(),
            profiles_job: Some(QueryJob::spawn(ctx, Work::ReadBase, db, |s| {
                profile::all(s)
            })),
            chosen: 0,
            path: PathField::new(PathMode::Save, ""),
            writing: None,
            outcome: None,
        }
    }

    /// Draws the window; false once it is closed (a running job is cancelled then).
    pub fn show(&mut self, ctx: &egui::Context, db: &Path) -> bool {
        self.poll();
        let mut open = true;
        dialog(ctx, tr("scenario-run-title"), "scenario-run")
            .open(&mut open)
            .default_width(640.0)
            .show(ctx, |ui| {
                ui.label(tr("scenario-run-about"));
                self.plan_row(ui, db);
                if let Some(run) = self.run.clone() {
                    ui.separator();
                    summary(ui, &run);
                    if !self.saved {
                        ui.separator();
                        self.write_ui(ui, db, &run);
                    }
                }
                outcome(ui, &self.outcome);
            });
        if !open {
            for p in [
                self.planning.as_ref().map(|j| &j.progress),
                self.writing.as_ref().map(|j| &j.progress),
            ]
            .into_iter()
            .flatten()
            {
                p.cancel();
            }
        }
        open
    }

    /// Whether a run was saved since the last call (the screen reads its results again).
    pub fn take_saved(&mut self) -> bool {
        std::mem::take(&mut self.newly_saved)
    }

    fn poll(&mut self) {
        if let Some(job) = &mut self.profiles_job
            && let Some(result) = job.pending.finished()
        {
            self.profiles_job = None;
            match result {
                Some(Ok(profiles)) => self.profiles = profiles,
                Some(Err(e)) => self.outcome = Some(Err(e.to_string())),
                None => {}
            }
        }
        if let Some(job) = &mut self.planning
            && let Some(result) = job.finished()
        {
            self.planning = None;
            match result {
                Some(Ok(made)) => {
                    self.suggest_path(&made);
                    self.run = Some(Arc::new(made));
                }
                Some(Err(crate::Error::Cancelled)) => {}
                Some(Err(e)) => self.outcome = Some(Err(e.to_string())),
                None => self.outcome = Some(Err(tr("error-lost-job"))),
            }
        }
        if let Some(job) = &mut self.writing
            && let Some(result) = job.finished()
        {
            self.writing = None;
            self.outcome = Some(match result {
                Some(Ok(saved)) => {
                    // Saved: the same run is never saved twice.
                    self.saved = true;
                    self.newly_saved = true;
                    Ok(written(&saved))
                }
                Some(Err(crate::Error::Cancelled)) => Err(tr("plan-export-cancelled")),
                Some(Err(e)) => Err(e.to_string()),
                None => Err(tr("error-lost-job")),
            });
        }
    }

    /// The window's length and the button that plans it.
    fn plan_row(&mut self, ui: &mut egui::Ui, db: &Path) {
        ui.horizontal(|ui| {
            let label = ui.label(tr("scenario-run-hours"));
            ui.add(egui::DragValue::new(&mut self.hours).range(1..=168))
                .labelled_by(label.id);
            let idle = self.planning.is_none() && self.writing.is_none();
            if ui
                .add_enabled(idle, egui::Button::new(tr("scenario-run-plan")))
                .clicked()
            {
                self.start_planning(ui.ctx(), db);
            }
            if let Some(job) = &self.planning {
                progress_with_cancel(ui, &job.progress, 160.0);
            }
        });
    }

    fn start_planning(&mut self, ctx: &egui::Context, db: &Path) {
        self.run = None;
        self.saved = false;
        self.outcome = None;
        let (db, hours) = (db.to_owned(), i64::from(self.hours));
        self.planning = Some(Pending::spawn(ctx, Work::Plan, move |task| {
            let store = crate::store::Store::open(&db)?;
            let now = task.now();
            let options = RunOptions {
                now,
                until: now + chrono::Duration::hours(hours),
                names: Vec::new(),
            };
            run::plan_run(&store, &options, task)
        }));
    }

    /// The profile, the file, and the button that writes the run and saves it.
    fn write_ui(&mut self, ui: &mut egui::Ui, db: &Path, made: &Arc<Run>) {
        let messages = made.messages();
        if messages > 0 {
            ui.horizontal(|ui| {
                let picked = crate::ui::plan::export::profile_picker(
                    ui,
                    "scenario-run-profile",
                    &self.profiles,
                    &mut self.chosen,
                );
                if picked {
                    self.suggest_path(made);
                }
            });
            let label = match self.profile().split {
                Split::None => tr("plan-file"),
                _ => tr("plan-folder"),
            };
            let ext: Vec<&str> = self.extension().into_iter().collect();
            self.path.show(ui, &label, &ext);
        } else {
            ui.label(tr("scenario-run-nothing"));
        }
        ui.horizontal(|ui| {
            let go = if messages > 0 {
                tr("scenario-run-write")
            } else {
                tr("scenario-run-save")
            };
            let ready = self.writing.is_none() && (messages == 0 || self.path.is_valid());
            if ui.add_enabled(ready, egui::Button::new(go)).clicked() {
                self.start_writing(ui.ctx(), db, made.clone());
            }
            if let Some(job) = &self.writing {
                progress_with_cancel(ui, &job.progress, 160.0);
            }
        });
    }

    fn start_writing(&mut self, ctx: &egui::Context, db: &Path, made: Arc<Run>) {
        self.outcome = None;
        let (db, profile) = (db.to_owned(), self.profile());
        let path = self.path.path().unwrap_or_default();
        let lang = crate::i18n::current();
        self.writing = Some(Pending::spawn(ctx, Work::PlanExport, move |task| {
            let store = crate::store::Store::open(&db)?;
            let target = Target::with_profile(&path, profile, lang, task.now());
            run::save_and_export(&store, &made, &target, task)
        }));
    }

    fn profile(&self) -> Profile {
        self.profiles
            .get(self.chosen)
            .cloned()
            .unwrap_or_else(|| profile::shipped().remove(0))
    }

    fn extension(&self) -> Option<&'static str> {
        let p = self.profile();
        (p.split == Split::None).then(|| p.file_type.extension())
    }

    /// A name for the run's file or folder in the owner's documents: the run's moment.
    fn suggest_path(&mut self, made: &Run) {
        let dir = directories::UserDirs::new()
            .and_then(|d| d.document_dir().map(Path::to_owned))
            .unwrap_or_else(std::env::temp_dir);
        let stem = Msg::new("scenario-run-file-name")
            .arg(
                "at",
                made.now
                    .with_timezone(&made.owner)
                    .format("%Y-%m-%d %H-%M")
                    .to_string(),
            )
            .to_string();
        let name = match self.extension() {
            Some(ext) => format!("{stem}.{ext}"),
            None => stem,
        };
        self.path.text = dir.join(name).display().to_string();
    }
}

/// What the run did with each scenario, in the command line's words.
fn summary(ui: &mut egui::Ui, made: &Run) {
    ui.strong(made.headline().to_string());
    egui::ScrollArea::vertical()
        .id_salt("scenario-run-summary")
        .auto_shrink([false, true])
        .max_height(280.0)
        .show(ui, |ui| {
            for o in &made.outcomes {
                let mut lines = o.lines().into_iter();
                if o.noted.is_some()
                    && let Some(noted) = lines.next()
                {
                    ui.small(noted.to_string());
                }
                if let Some(head) = lines.next() {
                    ui.label(head.to_string());
                }
                for line in lines {
                    ui.small(format!("    {line}"));
                }
            }
        });
}

/// What writing the run came to: the file and its messages, or that nothing was due.
fn written(saved: &SavedRun) -> String {
    match &saved.exported {
        Some(e) => {
            let mut text = Msg::new("scenario-run-written")
                .arg("count", e.rows as i64)
                .arg("path", e.path.display().to_string())
                .to_string();
            for f in e.findings.list() {
                text.push_str(&format!("\n• {}", f.msg));
            }
            text
        }
        None => tr("cli-scenario-run-nothing"),
    }
}
