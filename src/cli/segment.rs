//! `adresat segment …` and `adresat flow …`.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use serde_json::json;

use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};
use crate::segment::{self, Rule, Today, explain};
use crate::store::Store;
use crate::who::Who;

#[derive(Debug, Subcommand)]
pub enum SegmentCommand {
    /// Count the contacts of a rule (RULE.json or a saved segment's name).
    Count {
        rule: String,
        /// Print JSON with the funnel of the top group.
        #[arg(long)]
        json: bool,
    },
    /// Write the contacts of a rule to a CSV file (UTF-8 with BOM), every field as `contacts export`.
    Export {
        rule: String,
        #[arg(long, value_name = "FILE.csv")]
        out: PathBuf,
        /// Field separator: ';' (Russian Excel), ',' or tab.
        #[arg(long, default_value = ";", value_name = "SEP", value_parser = super::separator)]
        sep: char,
    },
    /// Save RULE.json as the segment NAME (replacing one of that name).
    Save {
        name: String,
        rule: PathBuf,
        #[arg(long, default_value = "")]
        notes: String,
    },
    /// List the saved segments with their sizes.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Delete the saved segment NAME.
    Delete { name: String },
    /// Why a contact is (or is not) in a rule (RULE.json or a saved segment's name): every
    /// condition and group with its verdict and the contact's values behind it.
    Explain {
        rule: String,
        #[command(flatten)]
        who: WhoArgs,
        /// Print JSON, `matches` at the top.
        #[arg(long)]
        json: bool,
    },
}

/// The contact a command is about, by one key named for what it is.
#[derive(Debug, clap::Args)]
#[group(required = true, multiple = false)]
pub struct WhoArgs {
    /// The contact's number in the base.
    #[arg(long)]
    id: Option<i64>,
    /// A CRM's or shop's id: `amocrm:5012`, or the id alone when one system gave it.
    #[arg(long, value_name = "SYSTEM:ID")]
    external_id: Option<String>,
    /// A phone in any form.
    #[arg(long)]
    phone: Option<String>,
    #[arg(long)]
    email: Option<String>,
}

impl WhoArgs {
    fn who(self) -> Who {
        match self {
            WhoArgs { id: Some(id), .. } => Who::Id(id),
            WhoArgs {
                external_id: Some(x),
                ..
            } => Who::External(x),
            WhoArgs { phone: Some(p), .. } => Who::Phone(p),
            WhoArgs { email, .. } => Who::Email(email.unwrap_or_default()),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum FlowCommand {
    /// Save the flow NAME: the buttons, in order, a contact clicks through.
    Save {
        name: String,
        #[arg(required = true)]
        buttons: Vec<String>,
    },
    /// List the saved flows.
    List,
    /// Delete the flow NAME.
    Delete { name: String },
}

/// A rule from a `.json` file, or the saved segment of that name; with the name it is saved as.
fn resolve(store: &Store, arg: &str) -> Result<(Rule, Option<String>)> {
    let path = Path::new(arg);
    if path.is_file() {
        return Ok((read_rule(path)?, None));
    }
    match store.segment(arg)? {
        Some(rule) => Ok((rule, Some(arg.to_owned()))),
        None => Err(Error::user(Msg::new("cli-no-rule").arg("value", arg))),
    }
}

fn read_rule(path: &Path) -> Result<Rule> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    Rule::from_json(&text).map_err(|e| {
        Error::user(
            Msg::new("cli-rule-file")
                .arg("path", path.display().to_string())
                .arg("reason", e.to_string()),
        )
    })
}

fn today(store: &Store) -> Result<Today> {
    Ok(Today::at(chrono::Utc::now(), store.settings()?.owner_tz))
}

pub fn run_segment(store: &mut Store, command: SegmentCommand, lang: Lang) -> Result<()> {
    match command {
        SegmentCommand::Count { rule, json } => {
            let (rule, name) = resolve(store, &rule)?;
            let compiled = segment::prepare(store, &rule, name.as_deref(), today(store)?)?;
            let eval = segment::evaluate(store, &compiled, json)?;
            if json {
                out!("{}", json!({"count": eval.count, "funnel": eval.funnel}));
            } else {
                out!(
                    "{}",
                    Msg::counted("cli-segment-count", eval.count as i64).render(lang)
                );
            }
            Ok(())
        }
        SegmentCommand::Export { rule, out, sep } => {
            let (rule, name) = resolve(store, &rule)?;
            let compiled = segment::prepare(store, &rule, name.as_deref(), today(store)?)?;
            let ids = segment::contact_ids(store, &compiled)?;
            super::export(store, &out, sep, lang, Some(&ids))
        }
        SegmentCommand::Save { name, rule, notes } => {
            let rule = read_rule(&rule)?;
            let under = segment::Under::Replacing;
            segment::save(store, &name, &rule, &notes, under, chrono::Utc::now())?;
            out!(
                "{}",
                Msg::new("cli-segment-saved")
                    .arg("name", name.trim())
                    .render(lang)
            );
            Ok(())
        }
        SegmentCommand::List { json } => {
            let today = today(store)?;
            let mut list = Vec::new();
            for s in store.segments()? {
                let count = segment::prepare(store, &s.rule, Some(&s.name), today)
                    .and_then(|c| segment::evaluate(store, &c, false))
                    .map(|e| e.count);
                list.push((s, count));
            }
            if json {
                let items: Vec<_> = list
                    .iter()
                    .map(|(s, count)| match count {
                        Ok(n) => json!({"name": s.name, "count": n, "notes": s.notes, "updated_at": s.updated_at, "rule": s.rule}),
                        Err(e) => json!({"name": s.name, "error": e.to_string(), "notes": s.notes, "updated_at": s.updated_at, "rule": s.rule}),
                    })
                    .collect();
                out!("{}", serde_json::Value::Array(items));
            } else {
                for (s, count) in &list {
                    match count {
                        Ok(n) => out!("{}\t{}", s.name, crate::format::group_thousands(*n as i64)),
                        Err(e) => out!("{}\t! {e}", s.name),
                    }
                }
            }
            Ok(())
        }
        SegmentCommand::Explain { rule, who, json } => {
            let (rule, name) = resolve(store, &rule)?;
            let contact = crate::who::find(store, &who.who())?;
            let e = explain::explain(store, &rule, name.as_deref(), today(store)?, contact)?;
            if json {
                out!("{}", e.json(lang));
            } else {
                for line in e.lines(lang) {
                    out!("{line}");
                }
            }
            Ok(())
        }
        SegmentCommand::Delete { name } => {
            if !store.delete_segment(&name)? {
                return Err(Error::user(
                    Msg::new("segment-error-not-found").arg("name", name),
                ));
            }
            Ok(())
        }
    }
}

pub fn run_flow(store: &Store, command: FlowCommand) -> Result<()> {
    match command {
        FlowCommand::Save { name, buttons } => store.save_flow(&name, &buttons),
        FlowCommand::List => {
            for (name, buttons) in store.flows()? {
                out!("{name}\t{}", buttons.join(" → "));
            }
            Ok(())
        }
        FlowCommand::Delete { name } => {
            if !store.delete_flow(&name)? {
                return Err(Error::user(
                    Msg::new("flow-error-not-found").arg("flow", name),
                ));
            }
            Ok(())
        }
    }
}
