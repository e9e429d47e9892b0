//! The application window: what base is open and what it holds.

use std::path::PathBuf;

use egui::RichText;

use super::jobs::Pending;
use crate::error::Result;
use crate::i18n::{Msg, tr};
use crate::store::{Stats, Store};

/// What the window knows about the open base.
enum BaseState {
    Loading(Pending<Result<Stats>>),
    Ready(Stats),
    Failed(String),
}

/// The app's state: the open base and its counts.
pub struct AdresatApp {
    db: PathBuf,
    base: BaseState,
    started: bool,
}

impl AdresatApp {
    /// An app on the base at `db`; the base is opened on the first frame, off the UI thread.
    pub fn new(db: PathBuf) -> Self {
        AdresatApp {
            db,
            base: BaseState::Failed(String::new()),
            started: false,
        }
    }

    fn load(&mut self, ctx: &egui::Context) {
        let db = self.db.clone();
        self.base = BaseState::Loading(Pending::spawn(ctx, move || Store::open(&db)?.stats()));
        self.started = true;
    }

    /// Draws the whole window into `ui`.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        if !self.started {
            self.load(ui.ctx());
        }
        if let BaseState::Loading(pending) = &mut self.base
            && let Some(result) = pending.poll()
        {
            self.base = match result {
                Ok(stats) => BaseState::Ready(stats),
                Err(e) => BaseState::Failed(e.to_string()),
            };
        }
        egui::Panel::top("title").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading(tr("app-title"));
                if matches!(&self.base, BaseState::Ready(s) if s.is_demo) {
                    ui.label(
                        RichText::new(tr("demo-badge"))
                            .strong()
                            .color(ui.visuals().warn_fg_color),
                    );
                }
            });
            ui.label(
                Msg::new("base-file")
                    .arg("path", self.db.display().to_string())
                    .to_string(),
            );
        });
        egui::CentralPanel::default().show(ui, |ui| match &self.base {
            BaseState::Loading(_) => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(tr("base-loading"));
                });
            }
            BaseState::Failed(message) => {
                ui.colored_label(ui.visuals().error_fg_color, message);
            }
            BaseState::Ready(stats) => counts(ui, stats),
        });
    }
}

fn counts(ui: &mut egui::Ui, s: &Stats) {
    if s.contacts == 0 {
        ui.label(tr("base-empty"));
        return;
    }
    egui::Grid::new("counts")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for (label, value) in [
                ("count-contacts", s.contacts),
                ("count-consent-yes", s.consent_yes),
                ("count-consent-no", s.consent_no),
                ("count-consent-unknown", s.consent_unknown),
                ("count-unsubscribed", s.unsubscribed),
                ("count-blocked", s.blocked),
                ("count-orders", s.orders),
                ("count-events", s.events),
                ("count-tags", s.tags),
            ] {
                ui.label(tr(label));
                ui.label(RichText::new(group_thousands(value)).strong());
                ui.end_row();
            }
        });
}

/// `1234567` → `1 234 567`, as Russian readers group digits (a thin space works in both languages).
pub fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

impl eframe::App for AdresatApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }
}
