//! The command line: thin wrappers over the library, for power users, scripts, tests and benchmarks.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use clap::{Parser, Subcommand};

/// Prints a line to standard output; a closed pipe (`adresat stats | head -1`) is not an error.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}
use serde_json::json;

mod campaign;
mod import;
mod plan;
mod profile;
mod results;
mod rfm;
mod scenario;
mod scenario_results;
mod segment;

use crate::error::Result;
use crate::i18n::{self, Lang, Msg};
use crate::model::task::{Progress, Task};
use crate::store::{self, Setting, Store};

/// Adresat: a contact base, segments and send plans for messenger marketing. Without a command,
/// opens the window.
#[derive(Debug, Parser)]
#[command(name = "adresat", version)]
pub struct Cli {
    /// The base file (default: the platform data directory).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Language of messages: ru or en (default: the system's).
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
    /// Open the base only to read: a command that would change it (or write a plan's file)
    /// stops with a message and changes nothing. For a copy that must stay as it is.
    #[arg(long, global = true)]
    pub read_only: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import a CSV or .xlsx file of contacts, orders or events.
    Import(import::ImportArgs),
    /// Work with the contacts.
    Contacts {
        #[command(subcommand)]
        command: ContactsCommand,
    },
    /// Print what the base holds.
    Stats {
        #[arg(long)]
        json: bool,
    },
    /// Read or change the base's settings.
    Settings {
        #[command(subcommand)]
        command: SettingsCommand,
    },
    /// Count, export, save and list segments (a rule file or a saved segment's name).
    Segment {
        #[command(subcommand)]
        command: segment::SegmentCommand,
    },
    /// Save and list flows: buttons a contact clicks through, for the "completed a flow" condition.
    Flow {
        #[command(subcommand)]
        command: segment::FlowCommand,
    },
    /// Save, list, show and delete scenarios: chains of messages started by what a customer did.
    Scenario {
        #[command(subcommand)]
        command: scenario::ScenarioCommand,
    },
    /// Save campaigns and preview who gets which text.
    Campaign {
        #[command(subcommand)]
        command: campaign::CampaignCommand,
    },
    /// Make a campaign's send plan for a date (each contact's own local time, quiet hours, caps,
    /// the messenger's limit), save it in the base and export it.
    Plan(plan::PlanArgs),
    /// List, re-export and delete saved send plans.
    Plans {
        #[command(subcommand)]
        command: plan::PlansCommand,
    },
    /// List, show, save and delete export profiles: the layouts sending services take.
    Profile {
        #[command(subcommand)]
        command: profile::ProfileCommand,
    },
    /// Print a campaign's results: planned, sent, delivered and the rates per delivered message,
    /// per variant and A/B arm, the A/B verdicts and the health warnings.
    Results {
        /// CAMPAIGN.json or a saved campaign's name.
        campaign: String,
        #[arg(long)]
        json: bool,
    },
    /// Compute RFM (recency, frequency, monetary) as of a date, store it, and print a summary per
    /// group or write one row per scored customer.
    Rfm {
        /// The date to compute as of (YYYY-MM-DD; default: the setting rfm.as_of, else today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// Write contact_id,customer_id,phone,recency_days,frequency,monetary,r,f,m,group here.
        #[arg(long, value_name = "FILE.csv")]
        out: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Generate a realistic Russian demo base (CSV files and a base marked as demo) in DIR.
    Demo {
        #[arg(long, value_name = "N")]
        contacts: u64,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Only write the CSV files (contacts.csv, orders.csv, events.csv), without a base.
        #[arg(long)]
        files_only: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ContactsCommand {
    /// Write every contact with every stored field to a CSV file (UTF-8 with BOM).
    Export {
        #[arg(long, value_name = "FILE.csv")]
        out: PathBuf,
        /// Field separator: ';' (Russian Excel), ',' or tab.
        #[arg(long, default_value = ";", value_name = "SEP", value_parser = separator)]
        sep: char,
    },
    /// Write every contact's consent record (value, date, source, the file it came from, each
    /// channel's own, opt-outs) to a CSV file: the proof a sender must be able to show.
    ConsentExport {
        #[arg(long, value_name = "FILE.csv")]
        out: PathBuf,
        /// Field separator: ';' (Russian Excel), ',' or tab.
        #[arg(long, default_value = ";", value_name = "SEP", value_parser = separator)]
        sep: char,
    },
}

#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// Print the value of KEY.
    Get { key: String },
    /// Set KEY to VALUE.
    Set { key: String, value: String },
    /// Print every setting with its value.
    List,
}

pub(crate) fn db_path(cli: &Cli) -> PathBuf {
    cli.db.clone().unwrap_or_else(store::default_path)
}

/// The base the command names, opened to read and write, or only to read (`--read-only`).
pub(crate) fn open(cli: &Cli) -> Result<Store> {
    match cli.read_only {
        true => Store::open_read_only(&db_path(cli)),
        false => Store::open(&db_path(cli)),
    }
}

/// Runs a command; the caller prints the error once and exits non-zero.
pub fn run(cli: Cli, command: Command) -> Result<()> {
    let lang = i18n::current();
    match command {
        Command::Import(args) => import::run(&cli, args, lang),
        Command::Contacts {
            command: ContactsCommand::Export { out, sep },
        } => export(&open(&cli)?, &out, sep, lang, None),
        Command::Contacts {
            command: ContactsCommand::ConsentExport { out, sep },
        } => {
            let store = open(&cli)?;
            let n = crate::export::export_consent(&store, &out, sep as u8, task())?;
            out!(
                "{}",
                Msg::new("cli-consent-exported")
                    .arg("count", n as i64)
                    .arg("path", out.display().to_string())
            );
            Ok(())
        }
        Command::Stats { json } => {
            let store = open(&cli)?;
            let stats = store.stats()?;
            if json {
                let mut value = serde_json::to_value(&stats).expect("stats serialise");
                value["db"] = json!(store.path().display().to_string());
                out!("{value}");
            } else {
                out!(
                    "{}",
                    Msg::new("cli-stats-base").arg("path", store.path().display().to_string())
                );
                out!("{}", stats_text(&stats, lang));
            }
            Ok(())
        }
        Command::Settings { command } => {
            let store = open(&cli)?;
            match command {
                SettingsCommand::Get { key } => out!("{}", store.get_setting(&key)?),
                SettingsCommand::Set { key, value } => {
                    store.set_setting(&key, &value)?;
                    out!("{key} = {}", store.get_setting(&key)?);
                }
                SettingsCommand::List => {
                    for setting in Setting::ALL {
                        out!(
                            "{} = {}    # {}",
                            setting.key(),
                            store.get_setting(setting.key())?,
                            i18n::tr_in(lang, setting.about(), &[])
                        );
                    }
                }
            }
            Ok(())
        }
        Command::Campaign { command } => campaign::run(&mut open(&cli)?, command, lang),
        Command::Results { campaign, json } => results::run(&open(&cli)?, &campaign, json, lang),
        Command::Plan(args) => plan::run(&open(&cli)?, args, lang),
        Command::Plans { command } => plan::run_plans(&mut open(&cli)?, command, lang),
        Command::Profile { command } => profile::run(&open(&cli)?, command, lang),
        Command::Rfm { as_of, out, json } => {
            rfm::run(&mut open(&cli)?, as_of, out.as_deref(), json, lang)
        }
        Command::Segment { command } => segment::run_segment(&mut open(&cli)?, command, lang),
        Command::Flow { command } => segment::run_flow(&open(&cli)?, command),
        Command::Scenario { command } => scenario::run(&open(&cli)?, command, lang),
        Command::Demo {
            contacts,
            out,
            files_only: true,
        } => {
            let files = crate::demo::write_files(
                &out,
                contacts,
                crate::demo::SEED,
                chrono::Utc::now().date_naive(),
            )?;
            for path in [files.contacts, files.orders, files.events] {
                out!("{}", path.display());
            }
            Ok(())
        }
        Command::Demo { contacts, out, .. } => {
            let db = out.join("adresat-demo.sqlite");
            let show = std::io::stderr().is_terminal();
            let reports = with_progress(show, |task| {
                crate::demo::create_base(&db, contacts, &out, task)
            })?;
            for r in &reports {
                out!("{}: {} / {}", r.file.display(), r.inserted, r.read);
            }
            out!(
                "{}",
                Msg::new("cli-demo-done").arg("path", db.display().to_string())
            );
            Ok(())
        }
    }
}

/// The progress of this run's long command, whose cancel a Ctrl-C sets: an import, a plan's
/// export or the demo stops at its next check and leaves the base and the files as they were.
/// A second Ctrl-C ends the program at once.
fn interrupted() -> &'static Progress {
    static PROGRESS: Progress = Progress::new();
    static HANDLER: std::sync::Once = std::sync::Once::new();
    HANDLER.call_once(|| {
        // Without a handler (another one was set) Ctrl-C simply ends the program, as before.
        let _ = ctrlc::set_handler(|| {
            if PROGRESS.is_cancelled() {
                std::process::exit(130);
            }
            PROGRESS.cancel();
        });
    });
    &PROGRESS
}

/// A long command's task: at this moment, stopped by Ctrl-C.
fn task() -> Task<'static> {
    Task::new(interrupted(), chrono::Utc::now())
}

/// Runs `job` with the command's [`task`]; with `show`, its share done (and rows, once there are
/// some) is written over one line of the error stream while it runs.
fn with_progress<T>(show: bool, job: impl FnOnce(Task<'static>) -> T) -> T {
    if !show {
        return job(task());
    }
    let done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            let progress = interrupted();
            while !done.load(Ordering::Relaxed) {
                let percent = (progress.fraction() * 100.0) as u32;
                match progress.rows() {
                    0 => eprint!("\r{percent:>3}%"),
                    // Padded: a shorter count of the next step leaves no digits behind.
                    rows => eprint!("\r{percent:>3}%  {rows:<12}"),
                }
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            eprintln!();
        });
        // Set however the job ends, a panic too: the scope waits for the printer to stop.
        struct Done<'a>(&'a AtomicBool);
        impl Drop for Done<'_> {
            fn drop(&mut self) {
                self.0.store(true, Ordering::Relaxed);
            }
        }
        let _done = Done(&done);
        job(task())
    })
}

/// The separator an export writes, as typed after `--sep`: `;` for Russian Excel, `,`, or a tab
/// (`tab`, `\t` or the character itself, which shells make hard to type).
fn separator(value: &str) -> std::result::Result<char, String> {
    match value {
        ";" => Ok(';'),
        "," => Ok(','),
        "\t" | "tab" | "TAB" | "\\t" => Ok('\t'),
        _ => Err(Msg::new("error-bad-separator")
            .arg("value", value)
            .render(i18n::current())),
    }
}

/// Writes the contacts (all, or those of `only`) to `out` with the separator `sep` (checked by
/// [`separator`]) and says how many.
fn export(store: &Store, out: &Path, sep: char, lang: Lang, only: Option<&[i64]>) -> Result<()> {
    let n = crate::export::export_contacts(store, out, sep as u8, lang, only, task())?;
    out!(
        "{}",
        Msg::new("cli-exported")
            .arg("count", n as i64)
            .arg("path", out.display().to_string())
    );
    Ok(())
}

/// The counts of a base in a few lines of text.
pub fn stats_text(s: &store::Stats, lang: Lang) -> String {
    Msg::new("stats-summary")
        .arg("contacts", s.contacts)
        .arg("yes", s.consent_yes)
        .arg("no", s.consent_no)
        .arg("unknown", s.consent_unknown)
        .arg("unsubscribed", s.unsubscribed)
        .arg("blocked", s.blocked)
        .arg("orders", s.orders)
        .arg("events", s.events)
        .arg("tags", s.tags)
        .render(lang)
}
