//! `adresat scenario`: save, list, show and delete scenarios (docs/scenarios.md).

use std::path::{Path, PathBuf};

use std::io::IsTerminal;

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use chrono_tz::Tz;
use clap::{Args, Subcommand};
use serde_json::json;

use super::plan::ExportArgs;

use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};
use crate::scenario::run::{self as scenario_run, Run, RunOptions, SavedRun};
use crate::scenario::{self, Scenario, Trigger};
use crate::store::Store;

#[derive(Subcommand, Debug)]
pub enum ScenarioCommand {
    /// Save the scenario of FILE.json (checked against the base first).
    Save {
        file: PathBuf,
        /// Replace the saved scenario of the same name (without it, that name is refused).
        #[arg(long)]
        replace: bool,
    },
    /// List the saved scenarios: name, channel, trigger, steps.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Print the saved scenario NAME as JSON (the file format `save` reads).
    Show { name: String },
    /// Delete the saved scenario NAME.
    Delete { name: String },
    /// Each step's funnel, rates and conversions (an order within the attribution window after
    /// the delivery), the A/B verdicts and why chains ended.
    Results {
        name: String,
        /// One contact's way through it instead (a phone in any form, or their number).
        #[arg(long, value_name = "PHONE|ID")]
        contact: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Without NAME, list the presets; with it, print that preset as JSON (to edit and `save`).
    Preset { name: Option<String> },
    /// Plan the messages the scenarios (all by default) have due from now until --until, and
    /// write them to --out in one file: entries advance only when it is written.
    Run(RunArgs),
}

/// `adresat scenario run`.
#[derive(Args, Debug)]
pub struct RunArgs {
    /// The scenarios to run, by name (default: every saved one).
    pub names: Vec<String>,
    /// The end of the window, in the owner's zone (default: 24 hours after --now).
    #[arg(long, value_name = "YYYY-MM-DD HH:MM")]
    pub until: Option<String>,
    /// The run's moment, in the owner's zone (default: the clock); makes runs reproducible.
    #[arg(long, value_name = "YYYY-MM-DD HH:MM")]
    pub now: Option<String>,
    #[command(flatten)]
    pub export: ExportArgs,
    /// Print what the run did as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(store: &Store, command: ScenarioCommand, lang: Lang) -> Result<()> {
    match command {
        ScenarioCommand::Save { file, replace } => {
            let s = read(&file)?;
            let replacing = replace.then(|| s.name.trim());
            scenario::save(store, &s, replacing, chrono::Utc::now())?;
            out!(
                "{}",
                Msg::new("cli-scenario-saved")
                    .arg("name", s.name.trim())
                    .render(lang)
            );
        }
        ScenarioCommand::List { json } => {
            let all = store.scenarios()?;
            if json {
                let list: Vec<serde_json::Value> = all
                    .iter()
                    .map(|s| serde_json::to_value(s).expect("a scenario serialises"))
                    .collect();
                out!("{}", serde_json::Value::Array(list));
            } else if all.is_empty() {
                out!("{}", Msg::new("cli-scenario-none").render(lang));
            }
            for s in all.iter().filter(|_| !json) {
                out!(
                    "{}\t{}\t{}\t{}",
                    s.name,
                    s.channel.as_str(),
                    trigger_word(&s.trigger),
                    Msg::counted("cli-scenario-steps", s.steps.len() as i64).render(lang)
                );
            }
        }
        ScenarioCommand::Show { name } => out!("{}", found(store, &name)?.to_json()),
        ScenarioCommand::Delete { name } => {
            if !store.delete_scenario(&name)? {
                return Err(not_found(&name));
            }
        }
        ScenarioCommand::Run(args) => run_due(store, args, lang)?,
        ScenarioCommand::Results {
            name,
            contact: Some(who),
            ..
        } => super::scenario_results::timeline(store, &name, &who, lang)?,
        ScenarioCommand::Results {
            name,
            contact: None,
            json,
        } => super::scenario_results::run(store, &name, json, lang)?,
        ScenarioCommand::Preset { name: None } => {
            for p in scenario::presets() {
                out!("{}\t{}", p.name, trigger_word(&p.trigger));
            }
        }
        ScenarioCommand::Preset { name: Some(name) } => {
            let preset = scenario::presets()
                .into_iter()
                .find(|p| p.name == name.trim())
                .ok_or_else(|| not_found(&name))?;
            out!("{}", preset.to_json());
        }
    }
    Ok(())
}

/// `adresat scenario run`: plans, writes and saves one run, then says what it did.
fn run_due(store: &Store, args: RunArgs, lang: Lang) -> Result<()> {
    let owner = store.settings()?.owner_tz;
    let now = match &args.now {
        Some(text) => moment(text, owner)?,
        None => Utc::now(),
    };
    let until = match &args.until {
        Some(text) => moment(text, owner)?,
        None => now + Duration::hours(24),
    };
    let options = RunOptions {
        now,
        until,
        names: args.names.clone(),
    };
    let mut target = args.export.target(store, lang)?;
    target.now = Some(now);
    let show = std::io::stderr().is_terminal() && !args.json;
    let (made, saved) = super::with_progress(show, |task| -> Result<_> {
        let made = scenario_run::plan_run(store, &options, task.part(0.0, 0.5))?;
        let saved = scenario_run::save_and_export(store, &made, &target, task.part(0.5, 1.0))?;
        Ok((made, saved))
    })?;
    if args.json {
        out!("{}", run_json(&made, &saved));
    } else {
        print_run(&made, &saved, lang);
    }
    Ok(())
}

/// A moment typed in the owner's zone `owner`: `YYYY-MM-DD HH:MM`.
fn moment(text: &str, owner: Tz) -> Result<DateTime<Utc>> {
    let naive = NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%d %H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%dT%H:%M"))
        .map_err(|_| Error::user(Msg::new("cli-scenario-bad-moment").arg("value", text)))?;
    Ok(crate::plan::resolve(owner, naive))
}

fn run_json(made: &Run, saved: &SavedRun) -> serde_json::Value {
    let scenarios: Vec<serde_json::Value> = made
        .outcomes
        .iter()
        .map(|o| {
            let not_entered: serde_json::Map<_, _> = o
                .not_entered
                .iter()
                .map(|(k, n)| (json!(k).as_str().unwrap_or_default().to_owned(), json!(n)))
                .collect();
            let ended: serde_json::Map<_, _> = o
                .ended
                .iter()
                .map(|(k, n)| (k.key().to_owned(), json!(n)))
                .collect();
            json!({
                "scenario": o.scenario, "triggers": o.triggers, "entered": o.entered,
                "not_entered": not_entered, "planned": o.planned, "waiting": o.waiting,
                "skipped": o.skipped, "ended": ended, "noted": o.noted,
            })
        })
        .collect();
    json!({
        "run_id": saved.id,
        "now": made.local(made.now),
        "until": made.local(made.until),
        "messages": made.messages(),
        "file": saved.exported.as_ref().map(|e| e.path.display().to_string()),
        "scenarios": scenarios,
    })
}

fn print_run(made: &Run, saved: &SavedRun, lang: Lang) {
    out!("{}", made.headline().render(lang));
    for o in &made.outcomes {
        let mut lines = o.lines().into_iter().map(|m| m.render(lang));
        // The counts' line first, then the details under it.
        if o.noted.is_some()
            && let Some(noted) = lines.next()
        {
            out!("{noted}");
        }
        if let Some(head) = lines.next() {
            out!("{head}");
        }
        for line in lines {
            out!("  {line}");
        }
    }
    match &saved.exported {
        Some(e) => {
            let file = Msg::new("cli-scenario-run-file").arg("path", e.path.display().to_string());
            out!("{}", file.render(lang));
        }
        None => out!("{}", Msg::new("cli-scenario-run-nothing").render(lang)),
    }
}

/// The trigger's JSON `"type"`, which the list shows.
fn trigger_word(trigger: &Trigger) -> String {
    serde_json::to_value(trigger)
        .ok()
        .and_then(|v| v.get("type").and_then(|t| t.as_str()).map(str::to_owned))
        .unwrap_or_default()
}

fn found(store: &Store, name: &str) -> Result<Scenario> {
    store.scenario(name)?.ok_or_else(|| not_found(name))
}

fn not_found(name: &str) -> Error {
    Error::user(Msg::new("scenario-error-not-found").arg("name", name))
}

fn read(path: &Path) -> Result<Scenario> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    Scenario::from_json(&text).map_err(|e| {
        Error::user(
            Msg::new("cli-scenario-file")
                .arg("path", path.display().to_string())
                .arg("reason", e.to_string()),
        )
    })
}
