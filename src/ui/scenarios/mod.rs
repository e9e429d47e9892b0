//! The Scenarios screen: the saved scenarios, each told in words (what starts it, every step's
//! delay, condition and text), and the scenario as its file (docs/scenarios.md) to edit, check
//! and save — the same checks as `adresat scenario save` — load from a file, or delete.

mod form;
mod results;
mod run;
mod steps;
mod words;

use std::path::Path;

use crate::i18n::{Msg, tr};
use crate::scenario::{self, Scenario};
use crate::ui::derived::Derived;
use crate::ui::jobs::{QueryJob, Work};
use crate::ui::widgets::{PathField, PathMode, outcome};

/// The screen's state.
pub struct ScenariosScreen {
    /// The saved scenarios, for the generation of the list (bumped by each save or delete).
    list: Derived<u64, Vec<Scenario>>,
    generation: u64,
    /// The saved scenario being edited, by name; `None` for a new one.
    editing: Option<String>,
    /// The scenario's file, as the owner edits it.
    text: String,
    file: PathField,
    /// Saving (the name saved) or deleting (`None`).
    job: Option<QueryJob<Option<String>>>,
    outcome: Option<Result<String, String>>,
    /// The window that plans and writes the messages due.
    run: Option<run::RunWindow>,
    /// The opened saved scenario's results.
    results: results::ResultsPanel,
    /// What the form offers: the base's segments and kinds of activity.
    catalog: Derived<u64, form::Catalog>,
}

impl Default for ScenariosScreen {
    fn default() -> Self {
        ScenariosScreen {
            list: Derived::default(),
            generation: 0,
            editing: None,
            text: scenario::starter().to_json(),
            file: PathField::new(PathMode::Open, ""),
            job: None,
            outcome: None,
            run: None,
            results: results::ResultsPanel::default(),
            catalog: Derived::default(),
        }
    }
}

impl ScenariosScreen {
    /// Forgets what was read from the base, keeping what the owner typed.
    pub fn reload(&mut self) {
        self.list.forget();
        self.catalog.forget();
        self.editing = None;
        self.outcome = None;
        self.run = None;
        self.results.forget();
    }

    /// Reads the segments and activity kinds a step offers again when the owner turns to the
    /// screen (a segment saved meanwhile is offered at once).
    pub fn opened(&mut self) {
        self.catalog.forget();
    }

    pub fn show(&mut self, ui: &mut egui::Ui, db: &Path) {
        self.poll(ui.ctx(), db);
        ui.heading(tr("scenarios-title"));
        ui.label(tr("scenarios-about"));
        ui.separator();
        egui::Panel::left("scenarios-list")
            .resizable(false)
            .exact_size(280.0)
            .show(ui, |ui| self.list_ui(ui));
        egui::CentralPanel::default().show(ui, |ui| {
            // The buttons stay in sight however far the file is scrolled.
            self.buttons_ui(ui, db);
            ui.separator();
            egui::ScrollArea::vertical()
                .id_salt("scenario-edit")
                .show(ui, |ui| self.editor_ui(ui, db));
        });
        if let Some(window) = &mut self.run {
            let open = window.show(ui.ctx(), db);
            if window.take_saved() {
                self.results.refresh();
            }
            if !open {
                self.run = None;
            }
        }
    }

    fn poll(&mut self, ctx: &egui::Context, db: &Path) {
        self.list
            .want(ctx, Work::ReadBase, db, self.generation, |store, _| {
                store.scenarios()
            });
        self.list.poll();
        self.catalog
            .want(ctx, Work::ReadBase, db, self.generation, |store, _| {
                Ok(form::Catalog {
                    segments: store.segments()?.into_iter().map(|s| s.name).collect(),
                    kinds: store.activity_kinds()?,
                })
            });
        self.catalog.poll();
        if let Some(job) = &mut self.job
            && let Some(done) = job.pending.finished()
        {
            self.job = None;
            self.outcome = Some(match done {
                Some(Ok(Some(name))) => {
                    self.editing = Some(name.clone());
                    Ok(Msg::new("cli-scenario-saved").arg("name", name).to_string())
                }
                Some(Ok(None)) => {
                    self.editing = None;
                    Ok(tr("scenario-deleted"))
                }
                Some(Err(e)) => Err(e.to_string()),
                None => Err(tr("scenario-job-failed")),
            });
            self.generation += 1;
        }
    }

    fn list_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if ui.button(tr("scenario-new")).clicked() {
                self.open_new(scenario::starter());
            }
            ui.menu_button(tr("scenario-presets"), |ui| {
                for preset in scenario::presets() {
                    if ui.button(&preset.name).clicked() {
                        self.open_new(preset);
                        ui.close();
                    }
                }
            });
        });
        ui.separator();
        match self.list.answer() {
            None => {
                ui.spinner();
            }
            Some(Err(e)) => {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            Some(Ok(list)) if list.is_empty() => {
                ui.label(tr("scenarios-none"));
            }
            Some(Ok(list)) => {
                let mut open = None;
                for s in list {
                    let chosen = self.editing.as_deref() == Some(s.name.as_str());
                    if ui.selectable_label(chosen, &s.name).clicked() {
                        open = Some(s.clone());
                    }
                    ui.small(words::headline(s));
                }
                if let Some(s) = open {
                    self.editing = Some(s.name.clone());
                    self.text = s.to_json();
                    self.outcome = None;
                }
            }
        }
    }

    /// Opens `scenario` in the editor as a new one (saving it may not take a saved one's name).
    fn open_new(&mut self, scenario: Scenario) {
        self.editing = None;
        self.text = scenario.to_json();
        self.outcome = None;
    }

    fn buttons_ui(&mut self, ui: &mut egui::Ui, db: &Path) {
        ui.horizontal(|ui| {
            let idle = self.job.is_none();
            if ui
                .add_enabled(idle, egui::Button::new(tr("scenario-save")))
                .clicked()
            {
                self.save(ui.ctx(), db);
            }
            if ui.button(tr("scenario-run-open")).clicked() && self.run.is_none() {
                self.run = Some(run::RunWindow::open(ui.ctx(), db));
            }
            if let Some(name) = self.editing.clone()
                && ui
                    .add_enabled(idle, egui::Button::new(tr("scenario-delete")))
                    .clicked()
            {
                self.job = Some(QueryJob::spawn(ui.ctx(), Work::Save, db, move |store| {
                    store.delete_scenario(&name).map(|_| None)
                }));
            }
        });
        outcome(ui, &self.outcome);
    }

    fn editor_ui(&mut self, ui: &mut egui::Ui, db: &Path) {
        if let Some(name) = self.editing.clone() {
            self.results.show(ui, db, &name);
            ui.separator();
        }
        match Scenario::from_json(&self.text) {
            Ok(mut s) => {
                words::story(ui, &s);
                let catalog = self.catalog.last().cloned().unwrap_or_default();
                let changed = egui::CollapsingHeader::new(tr("scenario-form-title"))
                    .id_salt("scenario-form")
                    .default_open(true)
                    .show(ui, |ui| {
                        form::form(ui, &mut s, &catalog) | steps::steps(ui, &mut s)
                    })
                    .body_returned
                    .unwrap_or(false);
                if changed {
                    self.text = s.to_json();
                }
            }
            Err(e) => {
                ui.colored_label(ui.visuals().error_fg_color, e.to_string());
            }
        }
        ui.separator();
        egui::CollapsingHeader::new(tr("scenario-json-title"))
            .id_salt("scenario-json")
            .default_open(true)
            .show(ui, |ui| {
                let label = ui.label(tr("scenario-json"));
                ui.add(
                    egui::TextEdit::multiline(&mut self.text)
                        .code_editor()
                        .desired_rows(18)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            });
        ui.separator();
        self.file.show(ui, &tr("scenario-file"), &["json"]);
        let valid = self.file.is_valid();
        if ui
            .add_enabled(valid, egui::Button::new(tr("scenario-load")))
            .clicked()
            && let Some(path) = self.file.path()
        {
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    self.text = text;
                    self.editing = None;
                    self.outcome = None;
                }
                Err(e) => self.outcome = Some(Err(crate::error::Error::io(&path, e).to_string())),
            }
        }
    }

    /// Checks and saves the edited scenario in the background: a saved one it was opened as is
    /// replaced (renamed when its name changed), a new one may not take a saved one's name.
    fn save(&mut self, ctx: &egui::Context, db: &Path) {
        let text = self.text.clone();
        let editing = self.editing.clone();
        self.outcome = None;
        self.job = Some(QueryJob::spawn(ctx, Work::Save, db, move |store| {
            let s = Scenario::from_json(&text)?;
            scenario::save(store, &s, editing.as_deref(), chrono::Utc::now())?;
            Ok(Some(s.name.trim().to_owned()))
        }));
    }
}
