//! The import wizard: choose a file (dialog, drop or typed path), check how it will be read,
//! load it with a progress bar and a cancel button, and read the report.

mod consent;
mod tables;

use std::path::PathBuf;
use std::sync::Arc;

use super::Action;
use super::jobs::{Pending, Poll, Progress, Work};
use super::widgets::{PathField, PathMode};
use crate::error::Result;
use crate::i18n::{Msg, current, tr};
use crate::import::{self, ColumnMap, Field, ImportKind, ImportOptions, ImportReport, Preview};
use crate::store::Store;
use consent::{ConsentForm, id_system_row, recognised};
use tables::{preview_table, rejects_table};

/// Rows shown in the preview.
const PREVIEW_ROWS: usize = 20;

enum Step {
    Choose,
    Previewing(Pending<Result<Preview>>),
    Mapping(Box<Preview>),
    Loading(Pending<Result<ImportReport>>),
    Report(Box<ImportReport>),
}

/// The wizard's state; it lives while its window is open.
pub struct ImportWizard {
    kind: ImportKind,
    file: PathField,
    overrides: Vec<ColumnMap>,
    /// The system the owner says the file's ids belong to; empty: as recognised.
    id_system: String,
    /// `id_system` as the shown preview was read with: leaving the field reads it again only
    /// when the owner changed it.
    previewed_id_system: String,
    /// The owner's statement that everyone in a contacts file agreed to messages.
    consent: ConsentForm,
    /// The preview read again after a change in the mapping step, which stays on screen (and
    /// its buttons under the pointer) meanwhile.
    refreshing: Option<Pending<Result<Preview>>>,
    step: Step,
    error: Option<String>,
    rejects_file: PathField,
    saving: Option<Pending<Result<()>>>,
}

impl ImportWizard {
    /// A wizard on `path` (dropped or typed), or on nothing yet.
    pub fn new(path: Option<PathBuf>) -> Self {
        let text = path.map(|p| p.display().to_string()).unwrap_or_default();
        ImportWizard {
            kind: ImportKind::Contacts,
            file: PathField::new(PathMode::Open, &text),
            overrides: Vec::new(),
            id_system: String::new(),
            previewed_id_system: String::new(),
            consent: ConsentForm::default(),
            refreshing: None,
            step: Step::Choose,
            error: None,
            rejects_file: PathField::new(PathMode::Save, ""),
            saving: None,
        }
    }

    /// The running load, for the status bar.
    pub fn running(&self) -> Option<&Arc<Progress>> {
        match &self.step {
            Step::Loading(job) => Some(&job.progress),
            _ => None,
        }
    }

    /// Whether closing the window loses nothing (no load is running).
    pub fn can_close(&self) -> bool {
        !matches!(self.step, Step::Loading(_))
    }

    fn options(&self) -> ImportOptions {
        let mut options = ImportOptions::new(self.kind, chrono::Utc::now());
        options.map = self.overrides.clone();
        let named = self.id_system.trim();
        options.id_system = (!named.is_empty()).then(|| named.to_owned());
        options
    }

    fn start_preview(&mut self, ctx: &egui::Context, db: PathBuf) {
        let Some(path) = self.file.path() else { return };
        let mut options = self.options();
        let consent = self.consent.clone();
        self.error = None;
        self.previewed_id_system = self.id_system.trim().to_owned();
        let job = Pending::spawn(ctx, Work::ImportPreview, move |_| {
            let store = Store::open(&db)?;
            options.consent = consent.statement(&store, &options)?;
            import::preview(&store, &path, &options, PREVIEW_ROWS)
        });
        if matches!(self.step, Step::Mapping(_)) {
            self.refreshing = Some(job);
        } else {
            self.step = Step::Previewing(job);
        }
    }

    fn start_load(&mut self, ctx: &egui::Context, db: PathBuf) {
        let Some(path) = self.file.path() else { return };
        self.refreshing = None;
        let mut options = self.options();
        let consent = self.consent.clone();
        self.step = Step::Loading(Pending::spawn(ctx, Work::Import, move |task| {
            let mut store = Store::open(&db)?;
            options.consent = consent.statement(&store, &options)?;
            import::run(&mut store, &path, &options, task)
        }));
    }

    /// Draws the wizard; returns false when it is closed.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        db: &std::path::Path,
        actions: &mut Vec<Action>,
    ) -> bool {
        self.advance(actions);
        let mut open = true;
        let mut close = false;
        super::widgets::dialog(ctx, tr("import-title"), "import-wizard")
            .open(&mut open)
            .default_size([860.0, 660.0])
            .resizable(true)
            .show(ctx, |ui| {
                if let Some(error) = &self.error {
                    ui.colored_label(ui.visuals().error_fg_color, error);
                    ui.separator();
                }
                match &mut self.step {
                    Step::Choose => self.choose(ui, db),
                    Step::Previewing(_) => {
                        ui.horizontal(|ui| {
                            ui.spinner();
                            ui.label(tr("import-reading"));
                        });
                    }
                    Step::Mapping(_) => self.mapping(ui, db),
                    Step::Loading(job) => loading(ui, &job.progress),
                    Step::Report(_) => close = self.report(ui),
                }
            });
        open && !close || !self.can_close()
    }

    /// Moves on when a background job has finished.
    fn advance(&mut self, actions: &mut Vec<Action>) {
        if let Some(job) = &mut self.refreshing {
            match job.poll() {
                Poll::Running => {}
                Poll::Done(Ok(preview)) => {
                    self.refreshing = None;
                    self.step = Step::Mapping(Box::new(preview));
                }
                Poll::Done(Err(e)) => {
                    self.refreshing = None;
                    self.error = Some(e.to_string());
                }
                Poll::Lost => self.refreshing = None,
            }
        }
        match &mut self.step {
            Step::Previewing(job) => match job.poll() {
                Poll::Running => {}
                Poll::Done(Ok(preview)) => self.step = Step::Mapping(Box::new(preview)),
                Poll::Done(Err(e)) => {
                    self.error = Some(e.to_string());
                    self.step = Step::Choose;
                }
                Poll::Lost => self.step = Step::Choose,
            },
            Step::Loading(job) => match job.poll() {
                Poll::Running => {}
                Poll::Done(Ok(report)) => {
                    actions.push(Action::BaseChanged);
                    actions.push(Action::Notice(
                        Msg::new("import-done")
                            .arg("inserted", report.inserted as i64)
                            .arg("rejected", report.rejected as i64)
                            .to_string(),
                    ));
                    self.step = Step::Report(Box::new(report));
                }
                Poll::Done(Err(e)) => {
                    actions.push(Action::Notice(e.to_string()));
                    self.error = Some(e.to_string());
                    self.step = Step::Choose;
                }
                Poll::Lost => self.step = Step::Choose,
            },
            _ => {}
        }
        if let Some(job) = &mut self.saving {
            match job.poll() {
                Poll::Running => {}
                Poll::Done(result) => {
                    self.saving = None;
                    actions.push(Action::Notice(match result {
                        Ok(()) => tr("rejects-saved"),
                        Err(e) => e.to_string(),
                    }));
                }
                Poll::Lost => self.saving = None,
            }
        }
    }

    fn choose(&mut self, ui: &mut egui::Ui, db: &std::path::Path) {
        ui.label(tr("import-what"));
        ui.horizontal(|ui| {
            for (kind, label) in [
                (ImportKind::Contacts, "import-kind-contacts"),
                (ImportKind::Orders, "import-kind-orders"),
                (ImportKind::Events, "import-kind-events"),
            ] {
                ui.radio_value(&mut self.kind, kind, tr(label));
            }
        });
        ui.add_space(8.0);
        self.file.show(
            ui,
            &tr("import-file"),
            &["csv", "txt", "tsv", "xlsx", "xls", "html", "htm"],
        );
        ui.label(egui::RichText::new(tr("import-drop-hint")).weak());
        ui.add_space(8.0);
        if ui
            .add_enabled(self.file.is_valid(), egui::Button::new(tr("next")))
            .clicked()
        {
            self.overrides.clear();
            self.start_preview(ui.ctx(), db.to_owned());
        }
    }

    fn mapping(&mut self, ui: &mut egui::Ui, db: &std::path::Path) {
        let Step::Mapping(preview) = &self.step else {
            return;
        };
        // The file's facts, the columns and the preview scroll; the buttons stay in sight.
        let room = (ui.available_height() - 64.0).max(160.0);
        let (mut renamed, remap) = egui::ScrollArea::vertical()
            .id_salt("mapping-step")
            .max_height(room)
            .show(ui, |ui| {
                let delimiter = match preview.format.delimiter {
                    Some('\t') => "TAB".to_owned(),
                    Some(d) => d.to_string(),
                    None => "—".to_owned(),
                };
                ui.label(
                    Msg::new("import-format")
                        .arg("encoding", preview.format.encoding.as_str())
                        .arg("delimiter", delimiter)
                        .to_string(),
                );
                recognised(ui, &preview.recognised);
                let has_ids = preview.columns.iter().any(|(_, f)| *f == Field::ExternalId);
                let mut renamed = has_ids
                    && id_system_row(ui, &mut self.id_system, &preview.recognised)
                    && self.id_system.trim() != self.previewed_id_system;
                if self.kind == ImportKind::Contacts {
                    renamed |= self.consent.show(ui);
                }
                ui.add_space(4.0);
                let mut remap: Option<(String, Field)> = None;
                egui::CollapsingHeader::new(tr("import-columns"))
                    .default_open(true)
                    .show(ui, |ui| {
                        egui::ScrollArea::vertical()
                            .id_salt("columns")
                            .max_height(180.0)
                            .show(ui, |ui| {
                                egui::Grid::new("mapping").striped(true).show(ui, |ui| {
                                    for (header, field) in &preview.columns {
                                        let label = ui.label(header);
                                        let mut chosen = *field;
                                        egui::ComboBox::from_id_salt(("map", header))
                                            .selected_text(field_label(chosen))
                                            .show_ui(ui, |ui| {
                                                for f in field_choices(self.kind) {
                                                    ui.selectable_value(
                                                        &mut chosen,
                                                        f,
                                                        field_label(f),
                                                    );
                                                }
                                            })
                                            .response
                                            .labelled_by(label.id);
                                        if chosen != *field {
                                            remap = Some((header.clone(), chosen));
                                        }
                                        ui.end_row();
                                    }
                                });
                            });
                    });
                ui.add_space(4.0);
                ui.strong(tr("import-preview"));
                preview_table(ui, preview);
                for row in &preview.rows {
                    if let Err(why) = &row.values {
                        ui.colored_label(
                            ui.visuals().error_fg_color,
                            Msg::new("report-reject-line")
                                .arg("line", row.line as i64)
                                .arg("reason", why.to_string())
                                .to_string(),
                        );
                    }
                }
                for w in &preview.warnings {
                    ui.colored_label(ui.visuals().warn_fg_color, w.msg.to_string());
                }
                (renamed, remap)
            })
            .inner;
        let blocked = preview.blocked.clone();
        // The statement's fault is shown beside its fields.
        let stated_wrong = self.consent.problem().is_some();
        let mut load = false;
        ui.add_space(6.0);
        if let Some(why) = &blocked {
            ui.colored_label(ui.visuals().error_fg_color, why.to_string());
        }
        ui.horizontal(|ui| {
            if ui.button(tr("back")).clicked() {
                self.step = Step::Choose;
            }
            if ui
                .add_enabled(
                    blocked.is_none() && !stated_wrong,
                    egui::Button::new(tr("import-load")),
                )
                .clicked()
            {
                load = true;
            }
        });
        if let Some((column, field)) = remap {
            self.overrides.retain(|o| o.column != column);
            self.overrides.push(ColumnMap { column, field });
            renamed = true;
        }
        // A click on the button also ends the typing in a field: the load takes what was typed.
        if load {
            self.start_load(ui.ctx(), db.to_owned());
        } else if renamed {
            self.start_preview(ui.ctx(), db.to_owned());
        }
    }

    /// Draws the report; returns true when the owner is done with it.
    fn report(&mut self, ui: &mut egui::Ui) -> bool {
        let Step::Report(report) = &self.step else {
            return false;
        };
        ui.strong(
            Msg::new("report-headline")
                .arg("read", report.read as i64)
                .arg("inserted", report.inserted as i64)
                .arg("updated", report.updated as i64)
                .arg("rejected", report.rejected as i64)
                .to_string(),
        );
        ui.add_space(4.0);
        egui::Grid::new("report-counts").show(ui, |ui| {
            for (label, value) in [
                ("report-read", report.read),
                ("report-inserted", report.inserted),
                ("report-updated", report.updated),
                ("report-unchanged", report.unchanged),
                ("report-merged", report.merged),
                ("report-folded", report.folded),
                ("report-new-contacts", report.new_contacts),
                ("report-rejected", report.rejected),
            ] {
                // An orders file's item rows and new contacts: only where there are any.
                let optional = matches!(label, "report-folded" | "report-new-contacts");
                if optional && value == 0 {
                    continue;
                }
                ui.label(tr(label));
                ui.strong(crate::format::group_thousands(value as i64));
                ui.end_row();
            }
        });
        if !report.warnings.is_empty() {
            egui::CollapsingHeader::new(
                Msg::new("report-warnings")
                    .arg("count", report.warnings.len())
                    .to_string(),
            )
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("warnings")
                    .max_height(120.0)
                    .show(ui, |ui| {
                        for w in &report.warnings {
                            ui.label(w.msg.to_string());
                        }
                    });
            });
        }
        if !report.rejects.is_empty() {
            ui.add_space(4.0);
            ui.strong(tr("report-rejects"));
            rejects_table(ui, report);
            let report = report.clone();
            ui.add_space(4.0);
            self.rejects_file
                .show(ui, &tr("report-save-rejects"), &["csv"]);
            let can_save = self.rejects_file.is_valid() && self.saving.is_none();
            if ui
                .add_enabled(can_save, egui::Button::new(tr("save")))
                .clicked()
                && let Some(path) = self.rejects_file.path()
            {
                self.saving = Some(Pending::spawn(ui.ctx(), Work::WriteRejects, move |_| {
                    report.write_rejects(&path, current())
                }));
            }
        }
        ui.add_space(6.0);
        ui.button(tr("done")).clicked()
    }
}

fn loading(ui: &mut egui::Ui, progress: &Progress) {
    let stage = if progress.step() == import::INDEXING {
        "import-indexing"
    } else {
        "import-loading"
    };
    ui.label(
        Msg::new(stage)
            .arg(
                "rows",
                crate::format::group_thousands(progress.rows() as i64),
            )
            .to_string(),
    );
    ui.add(egui::ProgressBar::new(progress.fraction()).show_percentage());
    if ui
        .add_enabled(!progress.is_cancelled(), egui::Button::new(tr("cancel")))
        .clicked()
    {
        progress.cancel();
    }
}

fn field_label(field: Field) -> String {
    tr(&format!("field-{}", field.name()))
}

fn field_choices(kind: ImportKind) -> impl Iterator<Item = Field> {
    Field::all().filter(move |f| f.applies_to(kind))
}
