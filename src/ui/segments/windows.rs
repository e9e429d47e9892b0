//! The Segments screen's windows: the rule as JSON, the overlap of saved segments, the export
//! of a segment's contacts, and the question a preset asks once.

use std::path::Path;

use super::Listed;
use crate::i18n::{self, Msg, tr};
use crate::segment::presets::{Meaning, MeaningKind, Preset, suggest};
use crate::segment::{self, Rule, StoreCatalog, Today};
use crate::ui::jobs::{Pending, QueryJob, Work};
use crate::ui::widgets::dialog;

use super::Choices;

/// What the JSON window wants done.
pub enum Outcome {
    Open,
    Closed,
    /// The pasted rule, valid, to edit.
    Rule(Rule),
}

/// The rule as JSON: to read, copy, or paste another one in.
pub struct JsonWindow {
    text: String,
    error: Option<String>,
}

impl JsonWindow {
    pub fn new(rule: &Rule) -> Self {
        JsonWindow {
            text: rule.to_json(),
            error: None,
        }
    }

    pub fn show(&mut self, ctx: &egui::Context) -> Outcome {
        let mut open = true;
        let mut outcome = Outcome::Open;
        dialog(ctx, tr("json-title"), "segment-json")
            .open(&mut open)
            .default_size([520.0, 480.0])
            .show(ctx, |ui| {
                ui.label(tr("json-explain"));
                ui.horizontal(|ui| {
                    if ui.button(tr("json-copy")).clicked() {
                        ui.ctx().copy_text(self.text.clone());
                    }
                    if ui.button(tr("json-apply")).clicked() {
                        match Rule::from_json(&self.text) {
                            Ok(rule) => outcome = Outcome::Rule(rule),
                            Err(e) => self.error = Some(e.to_string()),
                        }
                    }
                });
                if let Some(e) = &self.error {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
                egui::ScrollArea::vertical().show(ui, |ui| {
                    let label = tr("json-title");
                    ui.add(
                        egui::TextEdit::multiline(&mut self.text)
                            .code_editor()
                            .desired_width(f32::INFINITY)
                            .desired_rows(20),
                    )
                    .on_hover_text(label);
                });
            });
        if !open {
            return Outcome::Closed;
        }
        outcome
    }
}

/// How many saved segments the overlap matrix compares at most.
const OVERLAP_MAX: usize = 12;

/// The names of the segments compared, and how many contacts each pair shares.
type Matrix = (Vec<String>, Vec<Vec<u64>>);

/// Pairwise intersections of saved segments.
#[derive(Default)]
pub struct OverlapWindow {
    job: Option<QueryJob<Matrix>>,
    result: Option<Result<Matrix, String>>,
    started: bool,
}

/// Each segment's contacts, then how many each pair shares. The window's cancel interrupts the
/// running query, which ends the job with an error nobody reads.
fn overlap(store: &crate::store::Store, names: Vec<(String, Rule)>) -> crate::Result<Matrix> {
    let today = Today::at(chrono::Utc::now(), store.settings()?.owner_tz);
    let catalog = StoreCatalog::new(store)?;
    let mut sets = Vec::new();
    for (name, rule) in &names {
        let compiled = segment::compile(rule, Some(name), &catalog, today)?;
        sets.push(segment::contact_ids(store, &compiled)?);
    }
    let matrix = sets
        .iter()
        .map(|a| sets.iter().map(|b| shared(a, b)).collect())
        .collect();
    Ok((names.into_iter().map(|(n, _)| n).collect(), matrix))
}

/// How many ids two ascending lists share.
fn shared(a: &[i64], b: &[i64]) -> u64 {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

impl OverlapWindow {
    /// Draws the window; false once closed.
    pub fn show(&mut self, ctx: &egui::Context, db: &Path, list: &[Listed]) -> bool {
        if !self.started {
            self.started = true;
            let names: Vec<(String, Rule)> = list
                .iter()
                .filter(|l| l.size.is_ok())
                .take(OVERLAP_MAX)
                .map(|l| (l.saved.name.clone(), l.saved.rule.clone()))
                .collect();
            self.job = Some(QueryJob::spawn(ctx, Work::Overlap, db, move |store| {
                overlap(store, names)
            }));
        }
        if let Some(job) = &mut self.job
            && let Some(result) = job.pending.finished()
        {
            self.job = None;
            self.result = result.map(|r| r.map_err(|e| e.to_string()));
        }
        let mut open = true;
        dialog(ctx, tr("overlap-title"), "segment-overlap")
            .open(&mut open)
            .default_size([640.0, 400.0])
            .show(ctx, |ui| {
                ui.label(tr("overlap-explain"));
                if let Some(job) = &self.job {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        if ui.button(tr("cancel")).clicked() {
                            job.interrupt();
                        }
                    });
                }
                match &self.result {
                    Some(Ok((names, matrix))) => {
                        egui::ScrollArea::both().show(ui, |ui| {
                            egui::Grid::new("overlap-grid")
                                .striped(true)
                                .show(ui, |ui| {
                                    ui.label("");
                                    for name in names {
                                        ui.strong(name);
                                    }
                                    ui.end_row();
                                    for (name, row) in names.iter().zip(matrix) {
                                        ui.strong(name);
                                        for n in row {
                                            ui.label(crate::format::group_thousands(*n as i64));
                                        }
                                        ui.end_row();
                                    }
                                });
                        });
                    }
                    Some(Err(e)) => {
                        ui.colored_label(ui.visuals().error_fg_color, e);
                    }
                    None => {}
                }
            });
        if !open && let Some(job) = &self.job {
            job.interrupt();
        }
        open
    }
}

/// Exports the contacts of `rule` to `path` in the background, with progress and cancel.
pub(super) fn spawn_export(
    ctx: &egui::Context,
    db: &Path,
    rule: Rule,
    own_name: Option<String>,
    path: std::path::PathBuf,
) -> Pending<crate::Result<u64>> {
    let db = db.to_owned();
    let lang = i18n::current();
    Pending::spawn(ctx, Work::SegmentExport, move |task| {
        let store = crate::store::Store::open(&db)?;
        let today = Today::at(chrono::Utc::now(), store.settings()?.owner_tz);
        let compiled = segment::prepare(&store, &rule, own_name.as_deref(), today)?;
        let ids = segment::contact_ids(&store, &compiled)?;
        crate::export::export_contacts(&store, &path, b';', lang, Some(&ids), task)
    })
}

/// The answer of a preset's question.
pub enum Answer {
    Waiting,
    Cancelled,
    /// The owner's word for a meaning, and the preset that asked.
    Given(Meaning, String, Preset),
}

/// A preset asks once which of the base's own values means what it needs.
pub struct MeaningDialog {
    preset: Preset,
    meaning: Meaning,
    values: Vec<String>,
    chosen: Option<usize>,
}

impl MeaningDialog {
    pub fn new(preset: Preset, meaning: Meaning, choices: &Choices) -> Self {
        let values = suggest(meaning, meaning_values(choices, meaning.kind()));
        MeaningDialog {
            preset,
            meaning,
            chosen: (!values.is_empty()).then_some(0),
            values,
        }
    }

    pub fn show(&mut self, ctx: &egui::Context) -> Answer {
        let mut answer = Answer::Waiting;
        let mut open = true;
        dialog(ctx, tr(&format!("preset-{}", self.preset.id)), "preset")
            .open(&mut open)
            .default_width(420.0)
            .show(ctx, |ui| {
                ui.label(
                    Msg::new("meaning-question")
                        .arg("what", tr(self.meaning.question()))
                        .to_string(),
                );
                ui.weak(tr("meaning-once"));
                if self.values.is_empty() {
                    ui.colored_label(ui.visuals().warn_fg_color, tr("meaning-no-values"));
                }
                egui::ScrollArea::vertical()
                    .max_height(260.0)
                    .show(ui, |ui| {
                        for (i, v) in self.values.iter().enumerate() {
                            ui.radio_value(&mut self.chosen, Some(i), v);
                        }
                    });
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(self.chosen.is_some(), egui::Button::new(tr("meaning-use")))
                        .clicked()
                        && let Some(i) = self.chosen
                    {
                        answer = Answer::Given(self.meaning, self.values[i].clone(), self.preset);
                    }
                    if ui.button(tr("cancel")).clicked() {
                        answer = Answer::Cancelled;
                    }
                });
            });
        if !open {
            return Answer::Cancelled;
        }
        answer
    }
}

/// What the flows window asks for.
pub enum FlowEdit {
    None,
    Save(String, Vec<String>),
    Delete(String),
}

/// The saved flows, and a form to add one: a name and buttons in the order they are clicked.
#[derive(Default)]
pub struct FlowsWindow {
    name: String,
    buttons: Vec<String>,
}

impl FlowsWindow {
    /// Draws the window over `flows` (name and buttons each); `open` turns false when closed.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        open: &mut bool,
        flows: &[(String, Vec<String>)],
        known_buttons: &[String],
    ) -> FlowEdit {
        let mut edit = FlowEdit::None;
        dialog(ctx, tr("flows-title"), "flows")
            .open(open)
            .default_width(520.0)
            .show(ctx, |ui| {
                ui.label(tr("flows-explain"));
                if flows.is_empty() {
                    ui.weak(tr("flows-none"));
                }
                egui::Grid::new("flows-grid").striped(true).show(ui, |ui| {
                    for (name, buttons) in flows {
                        ui.strong(name);
                        ui.label(buttons.join(" → "));
                        if ui
                            .small_button("✕")
                            .on_hover_text(tr("flows-delete"))
                            .clicked()
                        {
                            edit = FlowEdit::Delete(name.clone());
                        }
                        ui.end_row();
                    }
                });
                ui.separator();
                ui.horizontal(|ui| {
                    let label = ui.label(tr("flows-name"));
                    ui.add(egui::TextEdit::singleline(&mut self.name).desired_width(220.0))
                        .labelled_by(label.id);
                });
                ui.horizontal_wrapped(|ui| {
                    ui.label(tr("flows-buttons"));
                    crate::ui::pickers::pick_many(
                        ui,
                        ui.make_persistent_id("flow-buttons"),
                        &mut self.buttons,
                        known_buttons,
                        &tr("flows-buttons"),
                    );
                });
                let ready = !self.name.trim().is_empty() && !self.buttons.is_empty();
                if ui
                    .add_enabled(ready, egui::Button::new(tr("flows-save")))
                    .clicked()
                {
                    edit = FlowEdit::Save(
                        self.name.trim().to_owned(),
                        std::mem::take(&mut self.buttons),
                    );
                    self.name.clear();
                }
            });
        edit
    }
}

/// The base's values a preset's question is answered from.
fn meaning_values(choices: &Choices, kind: MeaningKind) -> Vec<String> {
    match kind {
        MeaningKind::Tag => choices.tags.clone(),
        MeaningKind::Source => choices.values.get("source").cloned().unwrap_or_default(),
        MeaningKind::Category => choices.values.get("category").cloned().unwrap_or_default(),
    }
}
