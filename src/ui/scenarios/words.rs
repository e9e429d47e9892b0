//! A scenario told in words: its line in the list, and what starts it and every step, above its
//! file in the editor — so the owner reads what the JSON says.

use crate::i18n::{Msg, tr};
use crate::scenario::{From, Scenario, Step, StepCondition, Trigger, Wait};
use crate::ui::segments::activity_kind_label;

/// The list's line under a scenario's name: channel, trigger, number of steps.
pub fn headline(s: &Scenario) -> String {
    format!(
        "{} · {} · {}",
        s.channel.as_str(),
        trigger(&s.trigger),
        Msg::counted("cli-scenario-steps", s.steps.len() as i64)
    )
}

/// What starts the chain.
fn trigger(t: &Trigger) -> String {
    let about = |product: &Option<String>, category: &Option<String>| {
        let mut words = String::new();
        if let Some(p) = product {
            words += &Msg::new("scenario-words-product")
                .arg("product", p.as_str())
                .to_string();
        }
        if let Some(c) = category {
            words += &Msg::new("scenario-words-category")
                .arg("category", c.as_str())
                .to_string();
        }
        words
    };
    match t {
        Trigger::Activity {
            kind,
            product,
            category,
        } => activity_kind_label(kind) + &about(product, category),
        Trigger::Order { first, category } => {
            let id = if *first {
                "scenario-words-first-order"
            } else {
                "scenario-words-order"
            };
            tr(id) + &about(&None, category)
        }
        Trigger::Segment { segment, .. } => Msg::new("scenario-words-segment")
            .arg("segment", segment.as_str())
            .to_string(),
        Trigger::Rfm { group, .. } => Msg::new("scenario-words-rfm")
            .arg("group", group.label(crate::i18n::current()))
            .to_string(),
        Trigger::NoOrderFor { days } => Msg::new("scenario-words-no-order")
            .arg("days", i64::from(*days))
            .to_string(),
        Trigger::Yearly { field, days_before } => Msg::new("scenario-words-yearly")
            .arg("field", field.as_str())
            .arg("days", i64::from(*days_before))
            .to_string(),
    }
}

/// When a step goes, and on what condition.
fn when(step: &Step, first: bool) -> String {
    let from = if first || step.delay.from == From::Trigger {
        tr("scenario-words-from-trigger")
    } else {
        tr("scenario-words-from-previous")
    };
    let wait = match &step.delay.wait {
        Wait::Hours(h) => Msg::new("scenario-words-hours")
            .arg("n", i64::from(*h))
            .to_string(),
        Wait::Days(d) => Msg::new("scenario-words-days")
            .arg("n", i64::from(*d))
            .to_string(),
        Wait::NextDayAt(t) => Msg::new("scenario-words-next-day")
            .arg("time", t.as_str())
            .to_string(),
        Wait::NextDayBestHour { window, otherwise } => Msg::new("scenario-words-best-hour")
            .arg("window", window.as_str())
            .arg("time", otherwise.as_str())
            .to_string(),
    };
    let condition = match &step.condition {
        StepCondition::Always => String::new(),
        StepCondition::NoReaction => tr("scenario-words-if-no-reaction"),
        StepCondition::Read => tr("scenario-words-if-read"),
        StepCondition::Clicked(b) => Msg::new("scenario-words-if-clicked")
            .arg("button", b.as_str())
            .to_string(),
    };
    let expiry = Msg::new("scenario-words-expires")
        .arg("hours", i64::from(step.expires_hours))
        .to_string();
    format!("{wait} {from}{condition}; {expiry}")
}

/// The scenario told in words: its trigger, its filter and cool-down, and each step.
pub fn story(ui: &mut egui::Ui, s: &Scenario) {
    ui.strong(&s.name);
    ui.label(
        Msg::new("scenario-words-trigger")
            .arg("trigger", trigger(&s.trigger))
            .arg("cooldown", i64::from(s.cooldown_days))
            .to_string(),
    );
    if let Some(filter) = &s.filter {
        ui.label(
            Msg::new("scenario-words-filter")
                .arg("segment", filter.as_str())
                .to_string(),
        );
    }
    for (i, step) in s.steps.iter().enumerate() {
        ui.group(|ui| {
            ui.label(
                Msg::new("scenario-words-step")
                    .arg("n", (i + 1) as i64)
                    .arg("when", when(step, i == 0))
                    .to_string(),
            );
            ui.label(egui::RichText::new(&step.text).italics());
            if !step.buttons.is_empty() {
                let buttons: Vec<&str> = step.buttons.iter().map(|b| b.text.as_str()).collect();
                ui.small(format!("[{}]", buttons.join("] [")));
            }
        });
    }
}
