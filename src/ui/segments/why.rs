//! The builder's "Why?": the owner names a contact by one key (its kind chosen, never guessed),
//! and the rule being edited is told for them in the background — the verdict in a line here,
//! each condition of the tree green or red with the contact's values beside it (drawn by the
//! builder), told again after every edit.

use std::path::Path;

use crate::i18n::{Msg, tr};
use crate::segment::explain::{self, Explanation, Node};
use crate::segment::{Rule, Today};
use crate::ui::choice::{Choice, pick};
use crate::ui::derived::Derived;
use crate::ui::jobs::Work;
use crate::who::{self, Who};

/// Which kind of key the owner types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    Phone,
    Email,
    External,
    Id,
}

impl Choice for KeyKind {
    const ALL: &'static [KeyKind] = &[
        KeyKind::Phone,
        KeyKind::Email,
        KeyKind::External,
        KeyKind::Id,
    ];
    fn label_id(self) -> &'static str {
        match self {
            KeyKind::Phone => "why-key-phone",
            KeyKind::Email => "why-key-email",
            KeyKind::External => "why-key-external",
            KeyKind::Id => "why-key-id",
        }
    }
}

/// The "Why?" bar and its explanation.
pub struct WhyPanel {
    kind: KeyKind,
    text: String,
    /// The contact last asked about; the rule is told for them until the bar closes.
    asked: Option<Who>,
    /// A key that cannot be read (a number that is not one).
    fault: Option<String>,
    explained: Derived<(Rule, Who), Explanation>,
}

impl WhyPanel {
    /// An empty bar: the owner types the key.
    pub fn new() -> WhyPanel {
        WhyPanel {
            kind: KeyKind::Phone,
            text: String::new(),
            asked: None,
            fault: None,
            explained: Derived::default(),
        }
    }

    /// The bar asked about the contact number `id` (from the Messages preview).
    pub fn for_contact(id: i64) -> WhyPanel {
        WhyPanel {
            kind: KeyKind::Id,
            text: id.to_string(),
            asked: Some(Who::Id(id)),
            ..WhyPanel::new()
        }
    }

    /// Tells `rule` (edited as `own`) for the contact asked about, when either changed.
    pub fn poll(&mut self, ctx: &egui::Context, db: &Path, rule: &Rule, own: Option<String>) {
        if let Some(who) = self.asked.clone() {
            let rule = rule.clone();
            let key = (rule.clone(), who.clone());
            self.explained
                .want(ctx, Work::Explain, db, key, move |store, task| {
                    let contact = who::find(store, &who)?;
                    let today = Today::at(task.now(), store.settings()?.owner_tz);
                    explain::explain(store, &rule, own.as_deref(), today, contact)
                });
        }
        self.explained.poll();
    }

    /// The explanation's top group, when it is for the rule as it stands.
    pub fn root(&self) -> Option<&Node> {
        self.explained.current().map(|e| &e.root)
    }

    /// Forgets the explanation, so it is told again (after an import).
    pub fn reload(&mut self) {
        self.explained.forget();
    }

    /// Draws the bar; false when the owner closed it.
    pub fn show(&mut self, ui: &mut egui::Ui) -> bool {
        let mut open = true;
        ui.horizontal(|ui| {
            ui.strong(tr("why-title"));
            pick(
                ui,
                ui.make_persistent_id("why-kind"),
                &mut self.kind,
                &tr("why-key-hint"),
            );
            let label = ui.label(tr("why-key"));
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.text)
                        .hint_text(tr(hint_id(self.kind)))
                        .desired_width(220.0),
                )
                .labelled_by(label.id);
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button(tr("why-show")).clicked() || entered {
                self.ask();
            }
            if ui.button(tr("why-close")).clicked() {
                open = false;
            }
            if self.explained.is_running() {
                ui.spinner();
            }
        });
        self.verdict(ui);
        open
    }

    /// Reads the key typed as the kind chosen.
    fn ask(&mut self) {
        let text = self.text.trim().to_owned();
        self.fault = None;
        if text.is_empty() {
            self.asked = None;
            return;
        }
        self.asked = match self.kind {
            KeyKind::Phone => Some(Who::Phone(text)),
            KeyKind::Email => Some(Who::Email(text)),
            KeyKind::External => Some(Who::External(text)),
            KeyKind::Id => match text.trim_start_matches('№').trim().parse() {
                Ok(id) => Some(Who::Id(id)),
                Err(_) => {
                    self.fault = Some(Msg::new("why-not-a-number").arg("value", text).to_string());
                    None
                }
            },
        };
    }

    fn verdict(&self, ui: &mut egui::Ui) {
        if let Some(fault) = &self.fault {
            ui.colored_label(ui.visuals().error_fg_color, fault);
            return;
        }
        if self.asked.is_none() {
            ui.weak(tr("why-about"));
            return;
        }
        match self.explained.answer() {
            Some(Err(e)) => {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            Some(Ok(e)) => {
                let (id, color) = if e.matches {
                    ("explain-in", held_color(ui))
                } else {
                    ("explain-out", failed_color(ui))
                };
                let line = Msg::new(id).arg("who", e.who.clone()).arg("id", e.contact);
                ui.horizontal_wrapped(|ui| {
                    ui.label(egui::RichText::new(line.to_string()).strong().color(color));
                    if let Some(reason) = e.root.reason() {
                        ui.label(format!("— {reason}"));
                    }
                });
            }
            None => {}
        }
    }
}

fn hint_id(kind: KeyKind) -> &'static str {
    match kind {
        KeyKind::Phone => "why-hint-phone",
        KeyKind::Email => "why-hint-email",
        KeyKind::External => "why-hint-external",
        KeyKind::Id => "why-hint-id",
    }
}

/// The colour of a condition that holds for the contact.
pub fn held_color(ui: &egui::Ui) -> egui::Color32 {
    if ui.visuals().dark_mode {
        egui::Color32::from_rgb(0x6C, 0xCB, 0x7A)
    } else {
        egui::Color32::from_rgb(0x1E, 0x7B, 0x34)
    }
}

/// The colour of a condition that does not hold.
pub fn failed_color(ui: &egui::Ui) -> egui::Color32 {
    ui.visuals().error_fg_color
}
