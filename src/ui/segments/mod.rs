//! The Segments screen: saved segments with their sizes on the left; the builder of the open one
//! in the middle with its exact count and funnel, kept up to date while the owner edits (each
//! count runs in the background, a newer edit interrupts the older count); a preview of the
//! matching contacts below.

mod base;
mod builder;
mod preview;
mod why;
mod windows;

use std::path::Path;

pub use builder::{Choices, activity_kind_label};

use super::derived::Derived;
use super::file_export::{ExportTexts, ExportWindow};
use super::jobs::{QueryJob, Work};
use crate::i18n::{Msg, tr};
use crate::segment::presets::{PRESETS, Preset};
use crate::segment::{self, Rule, Today};
use crate::store::ContactRow;
use base::{Listed, Save, load_choices, load_list, run_save};
use windows::{FlowEdit, FlowsWindow, JsonWindow, MeaningDialog, OverlapWindow};

/// How many matching contacts the preview lists.
const PREVIEW: usize = 100;

/// The count of the rule being edited, and the first contacts it holds.
struct Counted {
    count: u64,
    /// How many hold after each item of the top group.
    funnel: Vec<u64>,
    preview: Vec<ContactRow>,
}

/// The screen's state.
pub struct SegmentsScreen {
    rule: Rule,
    name: String,
    notes: String,
    /// The saved segment being edited, by its stored name; `None` for a new one.
    original: Option<String>,
    /// The saved segments with their sizes.
    list: Derived<(), Vec<Listed>>,
    choices: Choices,
    choices_job: Option<QueryJob<Choices>>,
    /// The count, funnel and first contacts of the rule being edited.
    counted: Derived<Rule, Counted>,
    save_job: Option<QueryJob<Option<String>>>,
    notice: Option<Result<String, String>>,
    confirm_delete: bool,
    json: Option<JsonWindow>,
    overlap: Option<OverlapWindow>,
    export: Option<ExportWindow>,
    meaning: Option<MeaningDialog>,
    forget_meanings: bool,
    flows: Option<FlowsWindow>,
    /// The "Why?" bar, while open.
    why: Option<why::WhyPanel>,
    /// A saved segment to open with "Why?" for a contact, once the list is read.
    explain_next: Option<(String, i64)>,
}

impl Default for SegmentsScreen {
    fn default() -> Self {
        SegmentsScreen {
            rule: Rule::everyone(),
            name: String::new(),
            notes: String::new(),
            original: None,
            list: Derived::default(),
            choices: Choices::default(),
            choices_job: None,
            counted: Derived::default(),
            save_job: None,
            notice: None,
            confirm_delete: false,
            json: None,
            overlap: None,
            export: None,
            meaning: None,
            forget_meanings: false,
            flows: None,
            why: None,
            explain_next: None,
        }
    }
}

impl SegmentsScreen {
    /// Forgets what was read from the base (after an import, or on another base).
    pub fn reload(&mut self) {
        self.list.forget();
        self.counted.forget();
        if let Some(why) = &mut self.why {
            why.reload();
        }
    }

    /// Opens the saved segment `name` with "Why?" asked about the contact number `contact`.
    pub fn explain(&mut self, name: String, contact: i64) {
        self.explain_next = Some((name, contact));
    }

    /// Carries out [`SegmentsScreen::explain`] once the saved segments are read.
    fn open_explained(&mut self) {
        let Some((name, contact)) = self.explain_next.take_if(|_| self.list.current().is_some())
        else {
            return;
        };
        match self.listed().iter().find(|l| l.saved.name == name) {
            Some(l) => {
                let saved = l.saved.clone();
                self.open_new(saved.rule, saved.name.clone(), saved.notes);
                self.original = Some(saved.name);
                self.why = Some(why::WhyPanel::for_contact(contact));
            }
            None => {
                let msg = Msg::new("segment-error-not-found").arg("name", name);
                self.notice = Some(Err(msg.to_string()));
            }
        }
    }

    fn poll(&mut self, ctx: &egui::Context, db: &Path) {
        if self
            .list
            .want(ctx, Work::ReadBase, db, (), |s, _| load_list(s))
        {
            self.choices_job = Some(QueryJob::spawn(ctx, Work::ReadBase, db, |s| {
                load_choices(s)
            }));
        }
        if self.list.poll()
            && let Some(e) = self.list.error()
        {
            self.notice = Some(Err(e.to_owned()));
        }
        if let Some(job) = &mut self.choices_job
            && let Some(result) = job.pending.finished()
        {
            self.choices_job = None;
            match result {
                Some(Ok(choices)) => self.choices = choices,
                // The pickers would offer nothing without saying why.
                Some(Err(e)) => self.notice = Some(Err(e.to_string())),
                None => {}
            }
        }
        if let Some(job) = &mut self.save_job
            && let Some(result) = job.pending.finished()
        {
            self.save_job = None;
            match result {
                Some(Ok(Some(name))) => {
                    self.notice = Some(Ok(Msg::new("segment-saved")
                        .arg("name", name.clone())
                        .to_string()));
                    self.original = Some(name);
                    self.reload();
                }
                Some(Ok(None)) => self.reload(),
                Some(Err(e)) => self.notice = Some(Err(e.to_string())),
                None => {}
            }
        }
        self.poll_count(ctx, db);
        self.open_explained();
        let own = self.own_name();
        if let Some(why) = &mut self.why {
            why.poll(ctx, db, &self.rule, own);
        }
    }

    /// Starts a count (with the funnel and the preview) when the rule changed.
    fn poll_count(&mut self, ctx: &egui::Context, db: &Path) {
        let rule = self.rule.clone();
        let own = self.own_name();
        self.counted
            .want(ctx, Work::Count, db, rule.clone(), move |store, task| {
                let today = Today::at(task.now(), store.settings()?.owner_tz);
                let compiled = segment::prepare(store, &rule, own.as_deref(), today)?;
                let (evaluation, ids) = segment::count_and_first(store, &compiled, PREVIEW)?;
                Ok(Counted {
                    count: evaluation.count,
                    funnel: evaluation.funnel,
                    preview: store.contact_rows(&ids)?,
                })
            });
        self.counted.poll();
    }

    /// The funnel of the rule's top group, once counted.
    fn funnel(&self) -> Option<Vec<u64>> {
        Some(self.counted.current()?.funnel.clone())
    }

    /// The saved segments, as last read.
    fn listed(&self) -> &[Listed] {
        self.list.last().map_or(&[], Vec::as_slice)
    }

    fn own_name(&self) -> Option<String> {
        let name = self.name.trim();
        (!name.is_empty()).then(|| name.to_owned())
    }

    /// Draws the screen.
    pub fn show(&mut self, ui: &mut egui::Ui, db: &Path) {
        self.poll(ui.ctx(), db);
        egui::Panel::left("segment-list")
            .resizable(true)
            .default_size(240.0)
            .show(ui, |ui| self.list_panel(ui));
        egui::CentralPanel::default().show(ui, |ui| self.editor(ui, db));
        self.windows(ui.ctx(), db);
    }

    fn list_panel(&mut self, ui: &mut egui::Ui) {
        ui.heading(tr("segments-title"));
        ui.horizontal(|ui| {
            if ui.button(tr("segment-new")).clicked() {
                self.open_new(Rule::everyone(), String::new(), String::new());
            }
            ui.menu_button(tr("segment-presets"), |ui| self.presets_menu(ui));
        });
        ui.separator();
        if self.list.is_running() && self.listed().is_empty() {
            ui.spinner();
        } else if self.listed().is_empty() {
            ui.weak(tr("segments-none"));
        }
        let mut open = None;
        egui::ScrollArea::vertical()
            .max_height(ui.available_height() - 40.0)
            .show(ui, |ui| {
                for (i, item) in self.listed().iter().enumerate() {
                    let selected = self.original.as_deref() == Some(item.saved.name.as_str());
                    ui.horizontal(|ui| {
                        // The name takes what the size beside it leaves.
                        let name_width = (ui.available_width() - 72.0).max(60.0);
                        let response = ui
                            .allocate_ui_with_layout(
                                egui::vec2(name_width, ui.spacing().interact_size.y),
                                egui::Layout::left_to_right(egui::Align::Center),
                                |ui| {
                                    ui.add(
                                        egui::Button::selectable(selected, &item.saved.name)
                                            .truncate(),
                                    )
                                },
                            )
                            .inner;
                        let response = match &item.size {
                            Err(e) => response.on_hover_text(e),
                            Ok(_) if !item.saved.notes.is_empty() => {
                                response.on_hover_text(&item.saved.notes)
                            }
                            Ok(_) => response,
                        };
                        if response.clicked() {
                            open = Some(i);
                        }
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            match &item.size {
                                Ok(n) => ui.weak(crate::format::group_thousands(*n as i64)),
                                Err(_) => ui.colored_label(ui.visuals().warn_fg_color, "⚠"),
                            };
                        });
                    });
                }
            });
        if let Some(i) = open {
            let saved = self.listed()[i].saved.clone();
            self.open_new(saved.rule, saved.name.clone(), saved.notes);
            self.original = Some(saved.name);
        }
        ui.separator();
        if ui.button(tr("flows-open")).clicked() {
            self.flows = Some(FlowsWindow::default());
        }
        if ui
            .add_enabled(
                self.listed().len() >= 2,
                egui::Button::new(tr("overlap-open")),
            )
            .on_disabled_hover_text(tr("overlap-need-two"))
            .clicked()
        {
            self.overlap = Some(OverlapWindow::default());
        }
    }

    fn presets_menu(&mut self, ui: &mut egui::Ui) {
        let mut group = "";
        let mut chosen = None;
        let mut forget = false;
        for preset in PRESETS {
            if preset.group != group {
                if !group.is_empty() {
                    ui.separator();
                }
                group = preset.group;
                ui.label(egui::RichText::new(tr(group)).weak().small());
            }
            if ui
                .button(tr(&format!("preset-{}", preset.id)))
                .on_hover_text(tr(&format!("preset-{}-about", preset.id)))
                .clicked()
            {
                chosen = Some(*preset);
                ui.close();
            }
        }
        ui.separator();
        if ui
            .add_enabled(
                !self.choices.meanings.is_empty(),
                egui::Button::new(tr("meaning-forget")),
            )
            .on_hover_text(tr("meaning-forget-hint"))
            .clicked()
        {
            forget = true;
            ui.close();
        }
        if let Some(preset) = chosen {
            self.apply_preset(preset);
        }
        if forget {
            self.forget_meanings = true;
        }
    }

    /// Opens `preset` as a new segment, or first asks for the owner's word it needs.
    fn apply_preset(&mut self, preset: Preset) {
        match preset.rule(&self.choices) {
            Ok(rule) => {
                self.meaning = None;
                self.open_new(
                    rule,
                    tr(&format!("preset-{}", preset.id)),
                    tr(&format!("preset-{}-about", preset.id)),
                );
            }
            Err(missing) => {
                self.meaning = Some(MeaningDialog::new(preset, missing, &self.choices));
            }
        }
    }

    /// Opens `rule` as a new, unsaved segment (from the RFM screen).
    pub fn open_rule(&mut self, rule: Rule, name: String, notes: String) {
        self.open_new(rule, name, notes);
    }

    fn open_new(&mut self, rule: Rule, name: String, notes: String) {
        self.rule = rule;
        self.name = name;
        self.notes = notes;
        self.original = None;
        self.notice = None;
        self.confirm_delete = false;
    }

    fn save(&mut self, ctx: &egui::Context, db: &Path, save: Save) {
        self.notice = None;
        self.save_job = Some(QueryJob::spawn(ctx, Work::Save, db, move |store| {
            run_save(store, save)
        }));
    }

    fn editor(&mut self, ui: &mut egui::Ui, db: &Path) {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr("segment-name"));
            ui.add(
                egui::TextEdit::singleline(&mut self.name)
                    .hint_text(tr("segment-name-hint"))
                    .desired_width(260.0),
            )
            .labelled_by(label.id);
            let can_save = !self.name.trim().is_empty() && self.save_job.is_none();
            if ui
                .add_enabled(can_save, egui::Button::new(tr("segment-save")))
                .clicked()
            {
                let save = Save::Store {
                    name: self.name.trim().to_owned(),
                    from: self.original.clone(),
                    rule: self.rule.clone(),
                    notes: self.notes.clone(),
                };
                self.save(ui.ctx(), db, save);
            }
            if self.original.is_some() {
                if ui.button(tr("segment-duplicate")).clicked() {
                    self.name = Msg::new("segment-copy-name")
                        .arg("name", self.name.trim())
                        .to_string();
                    self.original = None;
                }
                if ui.button(tr("segment-delete")).clicked() {
                    self.confirm_delete = true;
                }
            }
            ui.separator();
            if ui.button(tr("segment-json")).clicked() {
                self.json = Some(JsonWindow::new(&self.rule));
            }
            if ui.button(tr("segment-export")).clicked() {
                let name = match self.name.trim() {
                    "" => tr("segment-export-default"),
                    name => name.to_owned(),
                };
                self.export = Some(ExportWindow::new(SEGMENT_EXPORT, &format!("{name}.csv")));
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label(tr("segment-notes"));
            ui.add(egui::TextEdit::singleline(&mut self.notes).desired_width(f32::INFINITY))
                .labelled_by(label.id);
        });
        if self.confirm_delete
            && let Some(name) = self.original.clone()
        {
            ui.horizontal(|ui| {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    Msg::new("segment-delete-confirm")
                        .arg("name", name.clone())
                        .to_string(),
                );
                if ui.button(tr("segment-delete")).clicked() {
                    self.save(ui.ctx(), db, Save::Delete(name));
                    self.open_new(Rule::everyone(), String::new(), String::new());
                }
                if ui.button(tr("cancel")).clicked() {
                    self.confirm_delete = false;
                }
            });
        }
        crate::ui::widgets::outcome(ui, &self.notice);
        ui.separator();
        self.count_line(ui);
        if let Some(why) = &mut self.why
            && !why.show(ui)
        {
            self.why = None;
        }
        ui.separator();
        let preview_height = (ui.available_height() * 0.35).clamp(120.0, 320.0);
        egui::ScrollArea::vertical()
            .id_salt("rule")
            .max_height(ui.available_height() - preview_height)
            .show(ui, |ui| {
                let own = self.name.trim().to_owned();
                let funnel = self.funnel();
                let ctx = builder::Context {
                    choices: &self.choices,
                    funnel: funnel.as_deref(),
                    own_name: &own,
                    why: self.why.as_ref().and_then(why::WhyPanel::root),
                };
                builder::rule_ui(ui, &mut self.rule.root, &ctx);
            });
        ui.separator();
        self.preview(ui);
    }

    fn count_line(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            match self.counted.answer() {
                Some(Ok(c)) => {
                    let text = Msg::counted("segment-count", c.count as i64).to_string();
                    let mut rich = egui::RichText::new(text).heading();
                    if self.counted.is_running() {
                        rich = rich.weak();
                    }
                    ui.label(rich);
                }
                Some(Err(e)) => {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
                None => {}
            }
            if self.counted.is_running() {
                ui.spinner();
            }
            if ui
                .selectable_label(self.why.is_some(), tr("why-open"))
                .on_hover_text(tr("why-about"))
                .clicked()
            {
                self.why = match self.why {
                    Some(_) => None,
                    None => Some(why::WhyPanel::new()),
                };
            }
            if self.rule.root.items.len() > 1 && self.funnel().is_some() {
                ui.weak(tr("funnel-explain"));
            }
        });
    }

    fn windows(&mut self, ctx: &egui::Context, db: &Path) {
        if let Some(window) = &mut self.flows {
            let mut open = true;
            let buttons = self
                .choices
                .values
                .get("button")
                .cloned()
                .unwrap_or_default();
            let edit = window.show(ctx, &mut open, &self.choices.flow_buttons, &buttons);
            if !open {
                self.flows = None;
            }
            if !matches!(edit, FlowEdit::None) {
                self.save(ctx, db, Save::Flow(edit));
            }
        }
        if std::mem::take(&mut self.forget_meanings) {
            self.choices.meanings.clear();
            self.save(ctx, db, Save::ForgetMeanings);
        }
        if let Some(window) = &mut self.json {
            match window.show(ctx) {
                windows::Outcome::Open => {}
                windows::Outcome::Closed => self.json = None,
                windows::Outcome::Rule(rule) => {
                    self.rule = rule;
                    self.json = None;
                }
            }
        }
        if let Some(window) = &mut self.overlap
            && !window.show(ctx, db, self.list.last().map_or(&[], Vec::as_slice))
        {
            self.overlap = None;
        }
        let own = self.own_name();
        let rule = &self.rule;
        if let Some(window) = &mut self.export
            && !window.show(ctx, |path| {
                windows::spawn_export(ctx, db, rule.clone(), own, path)
            })
        {
            self.export = None;
        }
        if let Some(dialog) = &mut self.meaning {
            match dialog.show(ctx) {
                windows::Answer::Waiting => {}
                windows::Answer::Cancelled => self.meaning = None,
                windows::Answer::Given(meaning, word, preset) => {
                    self.choices.meanings.insert(meaning, word.clone());
                    self.save(ctx, db, Save::Meaning(meaning, word));
                    self.apply_preset(preset);
                }
            }
        }
    }
}

/// The words of the segment's export window.
const SEGMENT_EXPORT: ExportTexts = ExportTexts {
    title: "segment-export-title",
    about: None,
    file: "segment-export-file",
    go: "segment-export-go",
    done: "segment-exported",
};
