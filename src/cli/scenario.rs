//! `adresat scenario`: save, list, show and delete scenarios (docs/scenarios.md).

use std::path::{Path, PathBuf};

use clap::Subcommand;

use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};
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
    }
    Ok(())
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
