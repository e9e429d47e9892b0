//! A scenario's steps as cards: each step's delay (hours, days or the next day at a local time,
//! from the trigger or the previous step), its condition on the previous step (only what the
//! channel can know), its expiry, its text with a preview and its size, its buttons; cards move
//! up and down, go, and a new one is added.

use crate::campaign::{Arm, Assigned, Button, Renderer};
use crate::i18n::{Msg, tr};
use crate::scenario::{Delay, From, Scenario, Step, StepCondition, Wait};
use crate::store::MessageFacts;
use crate::ui::pickers::pick_fixed;

use super::form::{number, text};

/// What the owner asked of the cards this frame.
enum Move {
    Up(usize),
    Down(usize),
    Remove(usize),
}

/// Draws the steps of `s` as cards; true when something changed.
pub fn steps(ui: &mut egui::Ui, s: &mut Scenario) -> bool {
    let mut changed = false;
    let mut moved = None;
    let count = s.steps.len();
    for i in 0..count {
        let previous: Vec<String> = match i {
            0 => Vec::new(),
            _ => s.steps[i - 1]
                .buttons
                .iter()
                .map(|b| b.text.clone())
                .collect(),
        };
        let reads = s.channel.reports_reads();
        let preview = preview(s, i);
        ui.push_id(("step", i), |ui| {
            ui.group(|ui| {
                ui.horizontal(|ui| {
                    ui.strong(
                        Msg::new("scenario-place-step")
                            .arg("step", i as i64 + 1)
                            .to_string(),
                    );
                    if ui
                        .add_enabled(i > 0, egui::Button::new("↑"))
                        .on_hover_text(tr("scenario-step-up"))
                        .clicked()
                    {
                        moved = Some(Move::Up(i));
                    }
                    if ui
                        .add_enabled(i + 1 < count, egui::Button::new("↓"))
                        .on_hover_text(tr("scenario-step-down"))
                        .clicked()
                    {
                        moved = Some(Move::Down(i));
                    }
                    if ui
                        .add_enabled(count > 1, egui::Button::new(tr("scenario-step-remove")))
                        .clicked()
                    {
                        moved = Some(Move::Remove(i));
                    }
                });
                changed |= card(ui, &mut s.steps[i], i == 0, reads, &previous);
                ui.label(tr("scenario-step-preview"));
                ui.label(egui::RichText::new(preview).italics());
            });
        });
    }
    if let Some(m) = moved {
        match m {
            Move::Up(i) => s.steps.swap(i - 1, i),
            Move::Down(i) => s.steps.swap(i, i + 1),
            Move::Remove(i) => {
                s.steps.remove(i);
            }
        }
        // The first step has no previous one to react to.
        if let Some(first) = s.steps.first_mut() {
            first.condition = StepCondition::Always;
        }
        changed = true;
    }
    if ui.button(tr("scenario-step-add")).clicked() {
        s.steps.push(new_step());
        changed = true;
    }
    changed
}

/// A new last step: the next day at 10:00, if the previous one found no reaction.
fn new_step() -> Step {
    Step {
        delay: Delay {
            wait: Wait::NextDayAt("10:00".to_owned()),
            from: From::Previous,
        },
        condition: StepCondition::NoReaction,
        expires_hours: 48,
        text: String::new(),
        buttons: Vec::new(),
        b: None,
        whatsapp_template: None,
    }
}

/// How step `i` reads for a contact the base knows nothing of (every fallback shows), with its
/// size as the channel counts it.
fn preview(s: &Scenario, i: usize) -> String {
    let campaign = s.as_campaign();
    let renderer = Renderer::lenient(&campaign, &[], crate::store::Settings::default().owner_tz);
    let who = Assigned {
        contact_id: 0,
        variant: i,
        arm: Arm::A,
        time_zone: None,
    };
    let text = renderer.render(&who, &MessageFacts::default()).text;
    let checks = crate::campaign::Checks::new(s.channel);
    let size = Msg::new(if s.channel.counts_parts() {
        "scenario-step-parts"
    } else {
        "scenario-step-length"
    })
    .arg("n", checks.size(&text) as i64);
    format!("{text}\n({size})")
}

/// One card's fields; true when changed.
fn card(ui: &mut egui::Ui, step: &mut Step, first: bool, reads: bool, previous: &[String]) -> bool {
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        changed |= delay_row(ui, &mut step.delay, first);
        changed |= number(ui, "scenario-step-expiry", &mut step.expires_hours, 24 * 60);
    });
    if !first {
        ui.horizontal(|ui| changed |= condition_row(ui, &mut step.condition, reads, previous));
    }
    let label = ui.label(tr("scenario-step-text"));
    changed |= ui
        .add(
            egui::TextEdit::multiline(&mut step.text)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id)
        .changed();
    changed |= buttons_row(ui, &mut step.buttons);
    changed
}

fn delay_row(ui: &mut egui::Ui, delay: &mut Delay, first: bool) -> bool {
    let mut changed = false;
    ui.label(tr("scenario-step-wait"));
    let kinds: Vec<(usize, String)> = [
        "scenario-wait-hours",
        "scenario-wait-days",
        "scenario-wait-next-day",
        "scenario-wait-best-hour",
    ]
    .into_iter()
    .enumerate()
    .map(|(i, id)| (i, tr(id)))
    .collect();
    let mut kind = match delay.wait {
        Wait::Hours(_) => 0,
        Wait::Days(_) => 1,
        Wait::NextDayAt(_) => 2,
        Wait::NextDayBestHour { .. } => 3,
    };
    if pick_fixed(
        ui,
        ui.scope_id().with("wait"),
        &mut kind,
        &kinds,
        &tr("scenario-step-wait"),
    ) {
        delay.wait = match kind {
            0 => Wait::Hours(2),
            1 => Wait::Days(1),
            2 => Wait::NextDayAt("10:00".to_owned()),
            _ => Wait::NextDayBestHour {
                window: "09:00-20:00".to_owned(),
                otherwise: "10:00".to_owned(),
            },
        };
        changed = true;
    }
    changed |= match &mut delay.wait {
        Wait::Hours(n) | Wait::Days(n) => number(ui, "scenario-step-how-long", n, 24 * 365),
        Wait::NextDayAt(t) => text(ui, "scenario-step-at", t, 60.0),
        Wait::NextDayBestHour { window, otherwise } => {
            text(ui, "scenario-step-best-window", window, 110.0)
                | text(ui, "scenario-step-best-otherwise", otherwise, 60.0)
        }
    };
    if !first {
        let froms = [
            (From::Previous, tr("scenario-words-from-previous")),
            (From::Trigger, tr("scenario-words-from-trigger")),
        ];
        changed |= pick_fixed(
            ui,
            ui.scope_id().with("from"),
            &mut delay.from,
            &froms,
            &tr("scenario-step-from"),
        );
    }
    changed
}

/// The condition on the previous step: always, no reaction, read (where reads are reported),
/// a click on one of its buttons.
fn condition_row(
    ui: &mut egui::Ui,
    c: &mut StepCondition,
    reads: bool,
    previous: &[String],
) -> bool {
    ui.label(tr("scenario-step-if"));
    let mut options = vec![
        (0, tr("scenario-if-always")),
        (1, tr("scenario-if-no-reaction")),
    ];
    if reads {
        options.push((2, tr("scenario-if-read")));
    }
    if !previous.is_empty() {
        options.push((3, tr("scenario-if-clicked")));
    }
    let mut kind = match c {
        StepCondition::Always => 0,
        StepCondition::NoReaction => 1,
        StepCondition::Read => 2,
        StepCondition::Clicked(_) => 3,
    };
    let mut changed = false;
    if pick_fixed(
        ui,
        ui.scope_id().with("if"),
        &mut kind,
        &options,
        &tr("scenario-step-if"),
    ) {
        *c = match kind {
            0 => StepCondition::Always,
            1 => StepCondition::NoReaction,
            2 => StepCondition::Read,
            _ => StepCondition::Clicked(previous.first().cloned().unwrap_or_default()),
        };
        changed = true;
    }
    if let StepCondition::Clicked(button) = c {
        let buttons: Vec<(usize, String)> = previous.iter().cloned().enumerate().collect();
        let mut i = previous.iter().position(|b| b == button).unwrap_or(0);
        if pick_fixed(
            ui,
            ui.scope_id().with("button"),
            &mut i,
            &buttons,
            &tr("scenario-if-clicked"),
        ) {
            *button = previous[i].clone();
            changed = true;
        }
    }
    changed
}

/// The quick-reply buttons (at most three), each with the tag a click sets.
fn buttons_row(ui: &mut egui::Ui, buttons: &mut Vec<Button>) -> bool {
    let mut changed = false;
    let mut remove = None;
    for (i, b) in buttons.iter_mut().enumerate() {
        ui.push_id(("button", i), |ui| {
            ui.horizontal(|ui| {
                changed |= text(ui, "scenario-step-button", &mut b.text, 140.0);
                let mut tag = b.tag.clone().unwrap_or_default();
                if text(ui, "scenario-step-button-tag", &mut tag, 140.0) {
                    b.tag = Some(tag).filter(|t| !t.trim().is_empty());
                    changed = true;
                }
                if ui
                    .button("✕")
                    .on_hover_text(tr("scenario-step-button-remove"))
                    .clicked()
                {
                    remove = Some(i);
                }
            });
        });
    }
    if let Some(i) = remove {
        buttons.remove(i);
        changed = true;
    }
    if buttons.len() < 3 && ui.small_button(tr("scenario-step-button-add")).clicked() {
        buttons.push(Button {
            text: String::new(),
            tag: None,
            flow: None,
        });
        changed = true;
    }
    changed
}
