//! The opened scenario's results on the Scenarios screen: the funnel per step (entered, sent,
//! reacted, moved on, exited, converted), each step's rates and conversions, the A/B verdicts,
//! why chains ended, and the attribution window the conversions are counted in — read in the
//! background (`scenario::results`, the same numbers as `adresat scenario results`).

use std::path::Path;

use crate::i18n::{Msg, tr};
use crate::results::percent;
use crate::scenario::results::{self, ScenarioResults, StepLine};
use crate::scenario::timeline;
use crate::store::Setting;
use crate::ui::derived::Derived;
use crate::ui::jobs::{QueryJob, Work};
use crate::ui::widgets::heading_row;

/// The panel's state: the results for (scenario, generation), the window being saved.
#[derive(Default)]
pub struct ResultsPanel {
    results: Derived<(String, u64), ScenarioResults>,
    /// Bumped by a saved run, a changed window or "refresh".
    generation: u64,
    days: Option<u32>,
    saving: Option<QueryJob<()>>,
    /// The contact whose way through the scenario is asked for, and the answer.
    who: String,
    timeline: Option<QueryJob<Vec<timeline::Moment>>>,
    way: Option<Result<Vec<String>, String>>,
}

impl ResultsPanel {
    /// Reads the results again (a run was saved, results were imported).
    pub fn refresh(&mut self) {
        self.generation += 1;
    }

    pub fn forget(&mut self) {
        self.results.clear();
        self.days = None;
        self.way = None;
    }

    /// Draws the results of the saved scenario `name`.
    pub fn show(&mut self, ui: &mut egui::Ui, db: &Path, name: &str) {
        let key = (name.to_owned(), self.generation);
        let owned = name.to_owned();
        self.results
            .want(ui.ctx(), Work::Results, db, key, move |store, _| {
                results::results(store, &owned)
            });
        self.results.poll();
        if let Some(job) = &mut self.saving
            && job.pending.finished().is_some()
        {
            self.saving = None;
            self.refresh();
        }
        if let Some(job) = &mut self.timeline
            && let Some(done) = job.pending.finished()
        {
            self.timeline = None;
            self.way = match done {
                Some(Ok(lines)) if lines.is_empty() => Ok(vec![tr("scenario-timeline-none")]),
                Some(Ok(lines)) => Ok(lines.into_iter().map(|m| m.what.to_string()).collect()),
                Some(Err(e)) => Err(e.to_string()),
                None => Err(tr("error-lost-job")),
            }
            .into();
        }
        egui::CollapsingHeader::new(tr("scenario-results-title"))
            .id_salt("scenario-results")
            .default_open(true)
            .show(ui, |ui| {
                self.body(ui, db);
                self.way_ui(ui, db, name);
            });
    }

    /// One contact's way through the scenario, asked for by phone or number.
    fn way_ui(&mut self, ui: &mut egui::Ui, db: &Path, name: &str) {
        ui.horizontal(|ui| {
            let label = ui.label(tr("scenario-timeline-who"));
            ui.add(egui::TextEdit::singleline(&mut self.who).desired_width(180.0))
                .labelled_by(label.id);
            let ready = !self.who.trim().is_empty() && self.timeline.is_none();
            if ui
                .add_enabled(ready, egui::Button::new(tr("scenario-timeline-show")))
                .clicked()
            {
                let (who, name) = (self.who.clone(), name.to_owned());
                self.timeline = Some(QueryJob::spawn(ui.ctx(), Work::Results, db, move |s| {
                    let contact = timeline::find_contact(s, &who)?;
                    timeline::timeline(s, &name, contact)
                }));
            }
        });
        match &self.way {
            Some(Ok(lines)) => {
                for line in lines {
                    ui.small(line);
                }
            }
            Some(Err(e)) => {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            None => {}
        }
    }

    fn body(&mut self, ui: &mut egui::Ui, db: &Path) {
        ui.horizontal(|ui| {
            if ui.button(tr("scenario-results-refresh")).clicked() {
                self.refresh();
            }
            if self.results.is_running() {
                ui.spinner();
            }
        });
        let r = match self.results.answer() {
            None => return,
            Some(Err(e)) => {
                ui.colored_label(ui.visuals().error_fg_color, e);
                return;
            }
            Some(Ok(r)) => r.clone(),
        };
        self.window_row(ui, db, r.attribution_days);
        ui.label(
            Msg::new("cli-scenario-results-head")
                .arg("scenario", r.scenario.as_str())
                .arg("entries", r.entries as i64)
                .arg("open", r.open as i64)
                .arg("days", i64::from(r.attribution_days))
                .to_string(),
        );
        funnel(ui, &r);
        rates_grid(ui, &r);
        for t in &r.ab {
            ui.label(format!("{}: {}", t.variant, t.msg()));
        }
        for (end, n) in &r.ended {
            let line = Msg::new("cli-scenario-run-reason")
                .arg("reason", end.msg())
                .arg("count", *n as i64);
            ui.small(line.to_string());
        }
    }

    /// The attribution window, saved in the base when changed.
    fn window_row(&mut self, ui: &mut egui::Ui, db: &Path, stored: u32) {
        let days = self.days.get_or_insert(stored);
        ui.horizontal(|ui| {
            let label = ui.label(tr("scenario-results-window"));
            let edit = ui
                .add(egui::DragValue::new(days).range(1..=90))
                .labelled_by(label.id);
            let done = edit.drag_stopped() || (edit.changed() && !edit.dragged());
            if done && *days != stored && self.saving.is_none() {
                let value = days.to_string();
                self.saving = Some(QueryJob::spawn(ui.ctx(), Work::Save, db, move |s| {
                    s.set_setting(Setting::AttributionDays.key(), &value)
                }));
            }
        });
    }
}

/// The funnel: one row per step.
fn funnel(ui: &mut egui::Ui, r: &ScenarioResults) {
    egui::Grid::new("scenario-funnel")
        .striped(true)
        .show(ui, |ui| {
            heading_row(
                ui,
                &[
                    "scenario-funnel-step",
                    "scenario-funnel-entered",
                    "scenario-funnel-sent",
                    "scenario-funnel-reacted",
                    "scenario-funnel-moved-on",
                    "scenario-funnel-exited",
                    "scenario-funnel-converted",
                ],
            );
            for (f, l) in r.funnel.iter().zip(&r.per_step) {
                ui.label(&l.name);
                for n in [
                    f.entered,
                    f.sent,
                    f.reacted,
                    f.moved_on,
                    f.exited,
                    f.converted,
                ] {
                    ui.label(n.to_string());
                }
                ui.end_row();
            }
        });
}

/// Each step's (and arm's) rates per delivered message.
fn rates_grid(ui: &mut egui::Ui, r: &ScenarioResults) {
    let cell = |rate: Option<f64>| rate.map_or("—".to_owned(), percent);
    egui::Grid::new("scenario-step-rates")
        .striped(true)
        .show(ui, |ui| {
            heading_row(
                ui,
                &[
                    "scenario-funnel-step",
                    "results-delivered",
                    "results-read",
                    "results-click",
                    "results-reply",
                    "results-unsubscribe",
                    "results-block",
                    "scenario-funnel-converted",
                ],
            );
            let lines: Vec<&StepLine> = r.per_step.iter().chain(&r.per_arm).collect();
            for l in lines {
                match l.arm {
                    Some(arm) => ui.label(format!("{} {arm}", l.name)),
                    None => ui.label(&l.name),
                };
                ui.label(l.counts.delivered.to_string());
                let read = if r.reads_reported {
                    cell(l.rates.read)
                } else {
                    "—".to_owned()
                };
                ui.label(read);
                for rate in [
                    l.rates.click,
                    l.rates.reply,
                    l.rates.unsubscribe,
                    l.rates.block,
                ] {
                    ui.label(cell(rate));
                }
                ui.label(cell(l.conversion));
                ui.end_row();
            }
        });
}
