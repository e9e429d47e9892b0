//! Scenarios: chains of messages started per contact by what they did (DESIGN.md, "Scenario").
//! This module checks a scenario against the base and saves it — the same checks for the CLI
//! and the window; running them into plans of due messages builds on this.

mod presets;
pub mod results;
pub mod run;
pub mod timeline;

use chrono::{DateTime, Utc};

use crate::campaign::{TRIGGER_VARIABLES, VARIABLES, message_fault};
use crate::error::{Error, Result};
use crate::i18n::Msg;
pub use crate::model::scenario::{
    Delay, Exits, From, SCENARIO_VERSION, Scenario, Step, StepCondition, Trigger, Wait,
};
use crate::model::time::TimeOfDay;
use crate::store::Store;
pub use presets::{presets, starter};

/// The first thing that keeps `scenario` from being saved in `store`'s base: no name or no
/// step, a trigger, filter or exit naming what the base does not hold, a step whose condition
/// the channel cannot know or the previous step cannot give, an empty or faulty text, a delay
/// or an expiry that cannot be.
pub fn validate(store: &Store, scenario: &Scenario) -> Result<()> {
    if scenario.name.trim().is_empty() {
        return Err(Error::user(Msg::new("scenario-error-no-name")));
    }
    if scenario.steps.is_empty() {
        return Err(Error::user(Msg::new("scenario-error-no-steps")));
    }
    check_trigger(store, &scenario.trigger)?;
    if let Some(segment) = &scenario.filter {
        known_segment(store, segment)?;
    } else if scenario.exits.left_filter {
        return Err(Error::user(Msg::new("scenario-error-left-no-filter")));
    }
    let custom = store.custom_field_names()?;
    for number in 1..=scenario.steps.len() {
        check_step(scenario, number, &custom)
            .map_err(|msg| Error::user(msg.arg("step", number as i64)))?;
    }
    if let Some(button) = &scenario.exits.click {
        let offered = scenario.steps.iter().flat_map(|s| &s.buttons);
        if !offered.into_iter().any(|b| &b.text == button) {
            return Err(Error::user(
                Msg::new("scenario-error-exit-button").arg("button", button.as_str()),
            ));
        }
    }
    Ok(())
}

fn known_segment(store: &Store, segment: &str) -> Result<()> {
    match store.segment(segment)? {
        Some(_) => Ok(()),
        None => Err(Error::user(
            Msg::new("scenario-error-segment").arg("segment", segment),
        )),
    }
}

fn check_trigger(store: &Store, trigger: &Trigger) -> Result<()> {
    match trigger {
        Trigger::Activity { kind, .. } => {
            if store.event_kind_named(kind)?.is_none() {
                return Err(Error::user(
                    Msg::new("scenario-error-activity").arg("kind", kind.as_str()),
                ));
            }
        }
        Trigger::Segment { segment, .. } => known_segment(store, segment)?,
        Trigger::NoOrderFor { days: 0 } => {
            return Err(Error::user(Msg::new("scenario-error-no-order-days")));
        }
        Trigger::Yearly { field, .. } => {
            if field != "birthday" && !store.has_custom_field(field)? {
                return Err(Error::user(
                    Msg::new("scenario-error-yearly-field").arg("field", field.as_str()),
                ));
            }
        }
        Trigger::Order { .. } | Trigger::Rfm { .. } | Trigger::NoOrderFor { .. } => {}
    }
    Ok(())
}

/// The fault of step `number` (from 1), as a message still to be told which step.
fn check_step(
    scenario: &Scenario,
    number: usize,
    custom: &[String],
) -> std::result::Result<(), Msg> {
    let step = &scenario.steps[number - 1];
    let previous = number.checked_sub(2).map(|p| &scenario.steps[p]);
    if step.text.trim().is_empty() {
        return Err(Msg::new("scenario-error-text"));
    }
    let place = Msg::new("scenario-place-step").arg("step", number as i64);
    if let Some(fault) = message_fault(&place.to_string(), &step.buttons, step.b.as_ref()) {
        return Err(fault);
    }
    let known = |name: &str| {
        VARIABLES.contains(&name)
            || TRIGGER_VARIABLES.contains(&name)
            || custom.iter().any(|c| c == name)
    };
    let texts = std::iter::once(step.text.as_str()).chain(step.b.iter().map(|b| b.text.as_str()));
    for text in texts {
        let (_, problems) = crate::template::parse(text, &known);
        if let Some(p) = problems.into_iter().next() {
            return Err(Msg::new("scenario-error-template")
                .arg(
                    "position",
                    (text[..p.span.start].chars().count() + 1) as i64,
                )
                .arg("reason", p.msg.to_string()));
        }
    }
    if let Wait::NextDayAt(time) = &step.delay.wait {
        TimeOfDay::parse(time)
            .map_err(|_| Msg::new("scenario-error-time").arg("value", time.as_str()))?;
    }
    if let Some(best) = step.delay.wait.best_hour() {
        best?;
    }
    if step.expires_hours == 0 {
        return Err(Msg::new("scenario-error-expiry"));
    }
    match (&step.condition, previous) {
        (StepCondition::Always, _) => Ok(()),
        (_, None) => Err(Msg::new("scenario-error-first-condition")),
        (StepCondition::Read, Some(_)) if !scenario.channel.reports_reads() => {
            Err(Msg::new("scenario-error-read-channel"))
        }
        (StepCondition::Clicked(button), Some(p))
            if !p.buttons.iter().any(|b| &b.text == button) =>
        {
            Err(Msg::new("scenario-error-condition-button").arg("button", button.as_str()))
        }
        _ => Ok(()),
    }
}

/// Saves `scenario` under its name once [`validate`] passes. `replacing`: the name it is saved
/// under now (it is renamed when the name changed); `None` for a new scenario, which may not
/// take the name of another. `now`: when it is saved.
pub fn save(
    store: &Store,
    scenario: &Scenario,
    replacing: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    validate(store, scenario)?;
    let name = scenario.name.trim();
    if replacing != Some(name) && store.scenario(name)?.is_some() {
        return Err(Error::user(
            Msg::new("scenario-error-taken").arg("name", name),
        ));
    }
    let renamed = replacing.filter(|old| *old != name);
    store.save_scenario(name, &scenario.to_json(), renamed, now)
}
