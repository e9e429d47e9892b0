//! The Plan screen's export step: the sending service's profile (shipped or the owner's own,
//! edited in [`super::profile_dialog`]), the file format where the profile leaves it open, the
//! split into send batches, the file or folder, a preview of the first rows as the file will hold
//! them, the one warning before writing (the plan's and the profile's findings), and after the
//! export the batch list with "open folder".

use std::path::Path;
use std::sync::Arc;

use super::profile_dialog::ProfileDialog;
use super::tables::{batches_grid, preview_grid};
use crate::campaign::Checks;
use crate::format::group_thousands;
use crate::i18n::{Msg, tr};
use crate::plan::Plan;
use crate::plan::batches::Batch;
use crate::plan::export::{self, Exported, Format, Target};
use crate::plan::profile::{self, Encoding, Finding, Findings, Profile, Split};
use crate::store::Store;
use crate::ui::jobs::{Pending, QueryJob, Work};
use crate::ui::widgets::{PathField, PathMode};

/// Rows of the file shown before the export.
const PREVIEW_ROWS: usize = 5;

/// The formats the `adresat` profile is offered in (the others' are their own).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    CsvSemicolon,
    CsvComma,
    Xlsx,
    Jsonl,
}

impl FileKind {
    fn format(self) -> Format {
        match self {
            FileKind::CsvSemicolon => Format::Csv { separator: b';' },
            FileKind::CsvComma => Format::Csv { separator: b',' },
            FileKind::Xlsx => Format::Xlsx,
            FileKind::Jsonl => Format::Jsonl,
        }
    }
}

/// A warning of the one window before the export.
#[derive(Debug, Clone)]
struct Warning {
    text: String,
    blocking: bool,
    offers_utf8: bool,
}

/// A finished export, as the step shows it.
struct Done {
    message: String,
    folder: Option<std::path::PathBuf>,
    batches: Vec<Batch>,
    /// Why the folder could not be opened (no file manager on the machine).
    open_failed: Option<String>,
}

/// The export step's state.
pub struct ExportStep {
    profiles: Vec<Profile>,
    profiles_job: Option<QueryJob<Vec<Profile>>>,
    /// Why the owner's saved profiles could not be read (the shipped ones are offered meanwhile).
    profiles_error: Option<String>,
    chosen: String,
    kind: FileKind,
    split: Split,
    pub path: PathField,
    /// The plan and profile the preview was made for, and the preview (header first).
    preview_for: Option<(usize, Profile)>,
    preview_job: Option<QueryJob<Vec<Vec<String>>>>,
    preview: Option<Result<Vec<Vec<String>>, String>>,
    checking: Option<Pending<crate::Result<(Checks, Findings)>>>,
    confirm: Option<Vec<Warning>>,
    /// The export, and whether it saves the plan.
    export: Option<Pending<crate::Result<(Exported, bool)>>>,
    done: Option<Result<Done, String>>,
    /// The owner chose UTF-8 over the profile's cp1251 for this export.
    utf8: bool,
    /// Whether the plan is saved as it is exported (a new plan, not a saved one again).
    save: bool,
    dialog: Option<ProfileDialog>,
}

impl Default for ExportStep {
    fn default() -> Self {
        ExportStep {
            profiles: profile::shipped(),
            profiles_job: None,
            profiles_error: None,
            chosen: profile::DEFAULT.to_owned(),
            kind: FileKind::CsvSemicolon,
            split: Split::None,
            path: PathField::new(PathMode::Save, ""),
            preview_for: None,
            preview_job: None,
            preview: None,
            checking: None,
            confirm: None,
            export: None,
            done: None,
            utf8: false,
            save: true,
            dialog: None,
        }
    }
}

impl ExportStep {
    /// Reads the profiles again (another base, or one saved or deleted).
    pub fn reload(&mut self, ctx: &egui::Context, db: &Path) {
        self.profiles_job = Some(QueryJob::spawn(ctx, Work::ReadBase, db, |s| {
            profile::all(s)
        }));
    }

    /// Forgets the last export's outcome (a new plan was made).
    pub fn forget(&mut self) {
        self.done = None;
        self.preview_for = None;
    }

    /// Whether an export or its checks run.
    pub fn busy(&self) -> bool {
        self.export.is_some() || self.checking.is_some()
    }

    /// The profile chosen, with the owner's format, split and encoding over its own.
    fn profile(&self) -> Profile {
        let mut p = self
            .profiles
            .iter()
            .find(|p| p.name == self.chosen)
            .cloned()
            .unwrap_or_else(|| profile::shipped().remove(0));
        if p.name == profile::DEFAULT {
            self.kind.format().apply(&mut p);
        }
        p.split = self.split;
        if self.utf8 && p.encoding == Encoding::Cp1251 {
            p.encoding = Encoding::Utf8Bom;
        }
        p
    }

    /// The file's extension, or none for a folder of batches.
    fn extension(&self) -> Option<&'static str> {
        let p = self.profile();
        (p.split == Split::None).then(|| p.file_type.extension())
    }

    /// A name for the plan's file or folder in the owner's documents.
    pub fn suggest_path(&mut self, plan: &Plan) {
        let dir = directories::UserDirs::new()
            .and_then(|d| d.document_dir().map(Path::to_owned))
            .unwrap_or_else(std::env::temp_dir);
        let stem = format!(
            "{} {}",
            plan.campaign.name.replace(['/', '\\', ':'], "-"),
            plan.options.date
        );
        let name = match self.extension() {
            Some(ext) => format!("{stem}.{ext}"),
            None => stem,
        };
        self.path.text = dir.join(name).display().to_string();
    }

    /// Gives the path the extension the profile asks for (none for a folder).
    fn fit_path(&mut self) {
        let text = self.path.text.trim().to_owned();
        if text.is_empty() {
            return;
        }
        let p = Path::new(&text);
        self.path.text = match self.extension() {
            Some(ext) => p.with_extension(ext),
            None => p.with_extension(""),
        }
        .display()
        .to_string();
    }

    fn poll(&mut self, ctx: &egui::Context, db: &Path, plan: &Arc<Plan>, warnings: &[String]) {
        if let Some(job) = &mut self.profiles_job
            && let Some(result) = job.pending.finished()
        {
            self.profiles_job = None;
            self.profiles_error = None;
            match result {
                Some(Ok(profiles)) => {
                    self.profiles = profiles;
                    if !self.profiles.iter().any(|p| p.name == self.chosen) {
                        self.chosen = profile::DEFAULT.to_owned();
                    }
                    self.preview_for = None;
                }
                Some(Err(e)) => self.profiles_error = Some(e.to_string()),
                // A job that panicked is named in the status bar.
                None => {}
            }
        }
        let wanted = (Arc::as_ptr(plan) as usize, self.profile());
        if self.preview_for.as_ref() != Some(&wanted) {
            let (plan, p) = (plan.clone(), wanted.1.clone());
            self.preview_job = Some(QueryJob::spawn(ctx, Work::Checks, db, move |s| {
                export::preview(s, &plan, &p, PREVIEW_ROWS)
            }));
            self.preview_for = Some(wanted);
        }
        if let Some(job) = &mut self.preview_job
            && let Some(result) = job.pending.finished()
        {
            self.preview_job = None;
            self.preview = result.map(|r| r.map_err(|e| e.to_string()));
        }
        if let Some(job) = &mut self.checking
            && let Some(result) = job.finished()
        {
            self.checking = None;
            match result {
                Some(Ok((_, findings))) => self.ask_or_export(ctx, db, plan, warnings, &findings),
                Some(Err(crate::Error::Cancelled)) | None => {}
                Some(Err(e)) => self.done = Some(Err(e.to_string())),
            }
        }
        if let Some(job) = &mut self.export
            && let Some(result) = job.finished()
        {
            self.export = None;
            self.utf8 = false;
            self.done = match result {
                Some(Ok((written, saved))) => Some(Ok(done(written, saved))),
                Some(Err(crate::Error::Cancelled)) => Some(Err(tr("plan-export-cancelled"))),
                Some(Err(e)) => Some(Err(e.to_string())),
                None => None,
            };
        }
    }

    /// Shows the one warning when there is something to warn of, else exports.
    fn ask_or_export(
        &mut self,
        ctx: &egui::Context,
        db: &Path,
        plan: &Arc<Plan>,
        warnings: &[String],
        findings: &Findings,
    ) {
        let mut all: Vec<Warning> = warnings
            .iter()
            .map(|w| Warning {
                text: w.clone(),
                blocking: false,
                offers_utf8: false,
            })
            .collect();
        all.extend(findings.list().into_iter().map(|f: Finding| Warning {
            text: f.msg.to_string(),
            blocking: f.blocking,
            offers_utf8: f.offers_utf8,
        }));
        if all.is_empty() {
            self.start_export(ctx, db, plan);
        } else {
            self.confirm = Some(all);
        }
    }

    /// Draws the step; `warnings`: what the plan itself warns of before an export; `save`: the
    /// plan is saved in the base as it is exported (not when a saved one is exported again).
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        db: &Path,
        plan: &Arc<Plan>,
        warnings: &[String],
        save: bool,
    ) {
        self.save = save;
        self.poll(ui.ctx(), db, plan, warnings);
        ui.strong(tr("plan-export"));
        let mut changed = self.profile_row(ui);
        changed |= ui.horizontal(|ui| self.format_row(ui)).inner;
        if changed {
            self.fit_path();
        }
        let label = if self.split == Split::None {
            tr("plan-file")
        } else {
            tr("plan-folder")
        };
        let extensions: Vec<&str> = self.extension().into_iter().collect();
        self.path.show(ui, &label, &extensions);
        self.preview_ui(ui);
        ui.horizontal(|ui| self.export_button(ui, db, plan, warnings));
        self.done_ui(ui);
        if self.confirm.is_some() {
            self.warning_window(ui.ctx(), db, plan);
        }
        self.dialog_ui(ui.ctx(), db, plan);
    }

    /// The profile picked from the shipped and saved ones, and the button that edits it; true
    /// when another was picked.
    fn profile_row(&mut self, ui: &mut egui::Ui) -> bool {
        let mut changed = false;
        ui.horizontal(|ui| {
            let mut chosen = self
                .profiles
                .iter()
                .position(|p| p.name == self.chosen)
                .unwrap_or(0);
            if profile_picker(ui, "plan-profile", &self.profiles, &mut chosen) {
                self.chosen = self.profiles[chosen].name.clone();
                self.split = self.profiles[chosen].split;
                changed = true;
            }
            if ui.button(tr("plan-profile-edit")).clicked() {
                self.dialog = Some(ProfileDialog::open(self.profile()));
            }
        });
        if let Some(e) = &self.profiles_error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        changed
    }

    /// The file format (where the profile leaves it open) and the split; true when changed.
    fn format_row(&mut self, ui: &mut egui::Ui) -> bool {
        let mut changed = false;
        if self.chosen == profile::DEFAULT {
            let kinds = [
                (FileKind::CsvSemicolon, tr("plan-format-csv-semicolon")),
                (FileKind::CsvComma, tr("plan-format-csv-comma")),
                (FileKind::Xlsx, "Excel (.xlsx)".to_owned()),
                (FileKind::Jsonl, "JSON Lines".to_owned()),
            ];
            ui.label(tr("plan-format"));
            changed |= crate::ui::pickers::pick_fixed(
                ui,
                ui.scope_id().with("plan-format"),
                &mut self.kind,
                &kinds,
                &tr("plan-format"),
            );
        }
        ui.label(tr("plan-split"));
        let splits: Vec<(Split, String)> =
            Split::ALL.iter().map(|s| (*s, split_label(*s))).collect();
        changed
            | crate::ui::pickers::pick_fixed(
                ui,
                ui.scope_id().with("plan-split"),
                &mut self.split,
                &splits,
                &tr("plan-split"),
            )
    }

    /// The export button, and the progress of the checks or the export it started.
    fn export_button(
        &mut self,
        ui: &mut egui::Ui,
        db: &Path,
        plan: &Arc<Plan>,
        warnings: &[String],
    ) {
        let ready = self.path.is_valid() && !self.busy();
        if ui
            .add_enabled(ready, egui::Button::new(tr("plan-export-button")))
            .clicked()
        {
            self.done = None;
            let p = self.profile();
            if p.has_checks(plan.campaign.channel) {
                let (plan, db) = (plan.clone(), db.to_owned());
                self.checking = Some(Pending::spawn(ui.ctx(), Work::Checks, move |task| {
                    let store = Store::open(&db)?;
                    export::check(&store, &plan, &p, Some(task.now()), task)
                }));
            } else {
                self.ask_or_export(ui.ctx(), db, plan, warnings, &Findings::default());
            }
        }
        if let Some(job) = &self.checking {
            ui.label(tr("plan-checking"));
            crate::ui::widgets::progress_with_cancel(ui, &job.progress, 200.0);
        }
        if let Some(job) = &self.export {
            crate::ui::widgets::progress_with_cancel(ui, &job.progress, 240.0);
        }
    }

    /// The profile dialog, while open; a profile saved in it is chosen at once.
    fn dialog_ui(&mut self, ctx: &egui::Context, db: &Path, plan: &Arc<Plan>) {
        let Some(dialog) = &mut self.dialog else {
            return;
        };
        let Some(saved) = dialog.show(ctx, db, plan) else {
            return;
        };
        self.dialog = None;
        if let Some(profile) = saved {
            // Shown and chosen at once; the list read again puts it in its place.
            self.chosen = profile.name.clone();
            self.split = profile.split;
            self.profiles.retain(|p| p.name != profile.name);
            self.profiles.push(profile);
        }
        self.reload(ctx, db);
    }

    /// The first rows as the file will hold them.
    fn preview_ui(&self, ui: &mut egui::Ui) {
        match &self.preview {
            Some(Ok(rows)) => {
                let caption = if self.profile().header {
                    tr("profile-preview")
                } else {
                    tr("profile-preview-no-header")
                };
                ui.weak(caption);
                preview_grid(ui, "plan-profile-preview", rows);
            }
            Some(Err(e)) => {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            None => {}
        }
    }

    fn done_ui(&mut self, ui: &mut egui::Ui) {
        match &mut self.done {
            Some(Ok(done)) => {
                ui.label(&done.message);
                if !done.batches.is_empty() {
                    batches_grid(ui, &done.batches);
                }
                if let Some(folder) = &done.folder
                    && ui.button(tr("plan-open-folder")).clicked()
                    && let Err(e) = open::that_detached(folder)
                {
                    done.open_failed = Some(
                        Msg::new("plan-open-folder-failed")
                            .arg("path", folder.display().to_string())
                            .arg("reason", e.to_string())
                            .to_string(),
                    );
                }
                if let Some(e) = &done.open_failed {
                    ui.colored_label(ui.visuals().warn_fg_color, e);
                }
            }
            Some(Err(e)) => {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            None => {}
        }
    }

    fn start_export(&mut self, ctx: &egui::Context, db: &Path, plan: &Arc<Plan>) {
        let Some(path) = self.path.path() else {
            return;
        };
        self.done = None;
        let plan = plan.clone();
        let profile = self.profile();
        let lang = crate::i18n::current();
        let db = db.to_owned();
        let save = self.save;
        self.export = Some(Pending::spawn(ctx, Work::PlanExport, move |task| {
            let store = Store::open(&db)?;
            let target = Target::with_profile(&path, profile, lang, task.now());
            if save {
                export::save_and_export(&store, &plan, &target, task)
                    .map(|(_, written)| (written, true))
            } else {
                export::export(&store, &plan, &target, task).map(|written| (written, false))
            }
        }));
    }

    /// The one warning before an export: the plan's and the profile's, blocking ones in red.
    fn warning_window(&mut self, ctx: &egui::Context, db: &Path, plan: &Arc<Plan>) {
        let Some(warnings) = self.confirm.clone() else {
            return;
        };
        let blocking = warnings.iter().any(|w| w.blocking);
        let utf8 = warnings.iter().any(|w| w.offers_utf8);
        let (mut go, mut stop, mut in_utf8) = (false, false, false);
        egui::Modal::new(egui::Id::unique("plan-warning")).show(ctx, |ui| {
            ui.heading(tr("plan-warning-title"));
            for w in &warnings {
                let color = if w.blocking {
                    ui.visuals().error_fg_color
                } else {
                    ui.visuals().warn_fg_color
                };
                ui.colored_label(color, format!("• {}", w.text));
            }
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(!blocking, egui::Button::new(tr("plan-export-anyway")))
                    .clicked()
                {
                    go = true;
                }
                if utf8 && !blocking && ui.button(tr("plan-export-utf8")).clicked() {
                    in_utf8 = true;
                }
                if ui.button(tr("cancel")).clicked() {
                    stop = true;
                }
            });
        });
        if go || in_utf8 {
            self.confirm = None;
            self.utf8 = in_utf8;
            self.start_export(ctx, db, plan);
        } else if stop {
            self.confirm = None;
        }
    }
}

/// A profile's name in the picker: the shipped ones say what they are for.
/// The sending service's label and the profiles to pick from (shipped and the owner's), by
/// index; true when another was picked. The Plan screen and the scenario run share it.
pub(crate) fn profile_picker(
    ui: &mut egui::Ui,
    id: &str,
    profiles: &[Profile],
    chosen: &mut usize,
) -> bool {
    ui.label(tr("plan-profile"));
    let options: Vec<(usize, String)> = profiles
        .iter()
        .enumerate()
        .map(|(i, p)| (i, profile_label(p)))
        .collect();
    crate::ui::pickers::pick_fixed_width(
        ui,
        ui.scope_id().with(id),
        chosen,
        &options,
        &tr("plan-profile"),
        Some(260.0),
    )
}

fn profile_label(p: &Profile) -> String {
    let about = match p.name.as_str() {
        "adresat" => "plan-profile-adresat",
        "whatsapp-provider" => "plan-profile-whatsapp",
        "sms-gateway" => "plan-profile-sms",
        "telegram" => "plan-profile-telegram",
        "api-utc" => "plan-profile-api",
        _ => return p.name.clone(),
    };
    format!("{} — {}", p.name, tr(about))
}

fn split_label(split: Split) -> String {
    tr(match split {
        Split::None => "plan-split-none",
        Split::Hour => "plan-split-hour",
        Split::Day => "plan-split-day",
        Split::Zone => "plan-split-zone",
    })
}

/// The finished export in words (`saved`: the plan was saved with it), and the folder to open.
fn done(written: Exported, saved: bool) -> Done {
    let folder = if written.batches.is_empty() {
        written.path.parent().map(Path::to_owned)
    } else {
        Some(written.path.clone())
    };
    Done {
        message: Msg::new(if saved {
            "plan-exported"
        } else {
            "plan-exported-again"
        })
        .arg("rows", group_thousands(written.rows as i64))
        .arg("path", written.path.display().to_string())
        .to_string(),
        folder,
        batches: written.batches,
        open_failed: None,
    }
}
