//! `adresat plan`: make a campaign's send plan, save it in the base and export it.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;

use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};
use crate::model::reaction_hours::BestHour;
use crate::plan::export::{self, Exported, Format, Target};
use crate::plan::profile::{self, Split};
use crate::plan::{self, Options, Priority, Span, TimeOfDay, Timing};
use crate::store::Store;

/// Days listed one by one before "… and N more".
const DAYS_SHOWN: usize = 14;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Csv,
    Xlsx,
    Jsonl,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PriorityArg {
    Variant,
    Rfm,
}

/// The options of `adresat plan`.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// CAMPAIGN.json or a saved campaign's name.
    pub campaign: String,
    /// The day to send (YYYY-MM-DD), in each contact's own time zone.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: String,
    /// The local time to send (default 10:00); with --best-hour, for whom none is learned.
    #[arg(long, value_name = "HH:MM", conflicts_with = "window")]
    pub at: Option<String>,
    /// A local window the sends are spread evenly over, per time zone.
    #[arg(long, value_name = "HH:MM-HH:MM", conflicts_with = "best_hour")]
    pub window: Option<String>,
    /// Each contact's best hour within this local window (learned from their reactions, else
    /// their segment's or the base's); no hour learned anywhere: --at, or the window's start.
    #[arg(long, value_name = "HH:MM-HH:MM")]
    pub best_hour: Option<String>,
    /// Quiet hours, local (default: the setting plan.quiet_hours, 21:00-09:00); `off` for none.
    #[arg(long, value_name = "HH:MM-HH:MM")]
    pub quiet: Option<String>,
    /// Skip a contact with a message within N hours (default: plan.cap_hours, 24); 0: no cap.
    #[arg(long, value_name = "N")]
    pub cap_hours: Option<u32>,
    /// Skip a contact with K or more messages in the 7 days before (default: plan.cap_week, 3).
    #[arg(long, value_name = "K")]
    pub cap_week: Option<u32>,
    /// WhatsApp: unique people per rolling 24 hours (default: plan.whatsapp_tier); 0: no limit.
    #[arg(long, value_name = "N")]
    pub daily_limit: Option<u32>,
    /// Who goes first when the limit moves some to later days.
    #[arg(long, value_enum, default_value = "variant")]
    pub priority: PriorityArg,
    #[command(flatten)]
    pub export: ExportArgs,
    /// Plan nothing: say how many would get it, how many days the tier needs and when the last
    /// message would go (and what a higher tier would change), estimated per time zone.
    #[arg(long)]
    pub dry_run: bool,
    /// Print the summary as JSON, with the counts per exclusion reason.
    #[arg(long)]
    pub json: bool,
}

/// The plan options from the arguments, over the base's settings.
fn options(store: &Store, args: &PlanArgs) -> Result<Options> {
    let date = chrono::NaiveDate::parse_from_str(args.date.trim(), "%Y-%m-%d")
        .map_err(|_| Error::user(Msg::new("plan-error-date").arg("value", args.date.as_str())))?;
    let mut o = Options::from_settings(store, date)?;
    if let Some(at) = &args.at {
        o.timing = Timing::At(TimeOfDay::parse(at)?);
    }
    if let Some(window) = &args.window {
        o.timing = Timing::Window(Span::parse(window)?);
    }
    if let Some(window) = &args.best_hour {
        let otherwise = match o.timing {
            Timing::At(t) => t,
            _ => TimeOfDay::new(10, 0),
        };
        o.timing = Timing::BestHour(BestHour::new(Span::parse(window)?, otherwise));
    }
    if let Some(quiet) = &args.quiet {
        o.quiet = match quiet.trim() {
            "off" | "" => None,
            q => Some(Span::parse(q)?),
        };
    }
    if let Some(h) = args.cap_hours {
        o.cap_hours = (h > 0).then_some(h);
    }
    if let Some(k) = args.cap_week {
        o.cap_week = (k > 0).then_some(k);
    }
    if let Some(l) = args.daily_limit {
        o.daily_limit = (l > 0).then_some(l);
    }
    o.priority = match args.priority {
        PriorityArg::Variant => Priority::Variant,
        PriorityArg::Rfm => Priority::Rfm,
    };
    Ok(o)
}

/// How a plan is written: where, in which profile, split how, in which format.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Where to write the plan (with --split: a new or empty folder for the batch files).
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// The export profile (`adresat profile list`): adresat, whatsapp-provider, sms-gateway,
    /// telegram, api-utc or one saved in the base.
    #[arg(long, value_name = "NAME", default_value = profile::DEFAULT)]
    pub profile: String,
    /// One file per send hour (UTC), per local day or per time zone (default: the profile's).
    #[arg(long, value_enum)]
    pub split: Option<SplitArg>,
    /// The file's format over the profile's (default: the profile's; for `adresat`, from the
    /// file's extension).
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// The CSV separator over the profile's: ';' (Russian Excel), ',' or tab.
    #[arg(long, value_parser = super::separator)]
    pub sep: Option<char>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SplitArg {
    None,
    Hour,
    Day,
    Zone,
}

impl ExportArgs {
    /// The target the arguments describe, the profile read from the base.
    pub fn target(&self, store: &Store, lang: Lang) -> Result<Target> {
        let out = self
            .out
            .clone()
            .ok_or_else(|| Error::user(Msg::new("cli-plan-no-out")))?;
        let mut profile = profile::find(store, &self.profile)?;
        let separator = self.sep.map(|c| c as u8);
        let format = match self.format {
            Some(FormatArg::Csv) => Some(Format::Csv {
                separator: separator.unwrap_or(profile.separator_byte()),
            }),
            Some(FormatArg::Xlsx) => Some(Format::Xlsx),
            Some(FormatArg::Jsonl) => Some(Format::Jsonl),
            None if profile.name == profile::DEFAULT => Some(match Format::for_path(&out) {
                Format::Csv { .. } => Format::Csv {
                    separator: separator.unwrap_or(b';'),
                },
                other => other,
            }),
            None => separator.map(|separator| Format::Csv { separator }),
        };
        if let Some(format) = format {
            format.apply(&mut profile);
        }
        let mut target = Target::with_profile(&out, profile, lang, chrono::Utc::now());
        if let Some(split) = self.split {
            target.split = match split {
                SplitArg::None => Split::None,
                SplitArg::Hour => Split::Hour,
                SplitArg::Day => Split::Day,
                SplitArg::Zone => Split::Zone,
            };
        }
        Ok(target)
    }
}

/// `report` with what an export wrote, as `--json` prints it: the file, rows, sheets, profile,
/// the findings (id, whether blocking, the text) and a split plan's batches.
fn with_written(
    mut report: serde_json::Value,
    written: &Exported,
    target: &Target,
    lang: Lang,
) -> serde_json::Value {
    let findings: Vec<serde_json::Value> = written
        .findings
        .list()
        .iter()
        .map(|f| json!({"id": f.msg.id, "blocking": f.blocking, "text": f.msg.render(lang)}))
        .collect();
    if let (Some(out), serde_json::Value::Object(more)) = (
        report.as_object_mut(),
        json!({
            "file": written.path.display().to_string(),
            "rows": written.rows,
            "sheets": written.sheets,
            "profile": target.profile.name,
            "findings": findings,
            "batches": written.batches,
        }),
    ) {
        out.extend(more);
    }
    report
}

/// Prints what the service would lose (on the error stream) and a split plan's batches.
fn print_export(written: &Exported, lang: Lang) {
    for finding in written.findings.list() {
        eprintln!("{}", finding.msg.render(lang));
    }
    for b in &written.batches {
        out!(
            "  {}\t{} UTC\t{}\t{}",
            b.file,
            b.start_utc,
            b.start_owner,
            b.messages
        );
    }
}

pub fn run(store: &Store, args: PlanArgs, lang: Lang) -> Result<()> {
    let campaign = super::campaign::resolve(store, &args.campaign)?;
    let options = options(store, &args)?;
    if args.dry_run {
        return dry_run(store, &campaign, &options, args.json, lang);
    }
    let target = args.export.target(store, lang)?;
    let show = std::io::stderr().is_terminal() && !args.json;
    let (made, written) = super::with_progress(show, |task| -> Result<_> {
        let made = plan::build(store, &campaign, &options, task.part(0.0, 0.4))?;
        let (_, written) = export::save_and_export(store, &made, &target, task.part(0.4, 1.0))?;
        Ok((made, written))
    })?;
    let summary = made.summary(store.settings()?.owner_tz);
    let gaps: serde_json::Map<String, serde_json::Value> = written
        .checks
        .missing
        .iter()
        .map(|(k, ids)| (k.clone(), json!(ids.len())))
        .collect();
    if args.json {
        let excluded: serde_json::Map<String, serde_json::Value> = summary
            .excluded
            .iter()
            .map(|(r, n)| (r.key().to_owned(), json!(n)))
            .collect();
        out!(
            "{}",
            with_written(
                json!({
                    "campaign": summary.campaign,
                    "date": summary.date.to_string(),
                    "segments_size": summary.segments_size,
                    "planned": summary.planned,
                    "excluded": excluded,
                    "moved_to_later_days": summary.moved_later,
                    "per_variant": summary.per_variant.iter().map(|(v, arm, n)| json!({"variant": v, "arm": arm.to_string(), "count": n})).collect::<Vec<_>>(),
                    "per_day": summary.per_day.iter().map(|(d, n)| json!({"date": d.to_string(), "count": n})).collect::<Vec<_>>(),
                    "daily_limit": summary.daily_limit,
                    "fullest_24h": summary.fullest_window,
                    "best_hours": summary.best_hours,
                    "missing_values": gaps,
                    "longest": written.checks.longest.map(|(id, n)| json!({"contact_id": id, "length": n})),
                }),
                &written,
                &target,
                lang
            )
        );
        return Ok(());
    }
    out!(
        "{}",
        Msg::new("cli-plan-done")
            .arg("planned", summary.planned as i64)
            .arg("of", summary.segments_size as i64)
            .arg("path", written.path.display().to_string())
            .render(lang)
    );
    print_export(&written, lang);
    for (reason, n) in summary.excluded.iter().filter(|(_, n)| *n > 0) {
        out!("  {}: {n}", reason.msg().render(lang));
    }
    if let Some(counts) = &summary.best_hours {
        out!("{}", counts.msg().render(lang));
    }
    for (day, n) in summary.per_day.iter().take(DAYS_SHOWN) {
        out!("  {day}: {n}");
    }
    if summary.per_day.len() > DAYS_SHOWN
        && let Some((last, _)) = summary.per_day.last()
    {
        out!(
            "  {}",
            Msg::new("plan-more-days")
                .arg("count", (summary.per_day.len() - DAYS_SHOWN) as i64)
                .arg("last", last.to_string())
                .render(lang)
        );
    }
    if summary.moved_later > 0 {
        out!(
            "{}",
            Msg::new("plan-moved-later")
                .arg("count", summary.moved_later as i64)
                .render(lang)
        );
    }
    super::campaign::print_checks(&written.checks, campaign.channel, lang);
    Ok(())
}

#[derive(Debug, Subcommand)]
pub enum PlansCommand {
    /// List the saved plans, newest first: campaign, date, messages, when it was made.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Export a saved plan again, in any profile, without planning again: message ids and
    /// moments stay; texts, consent and status are read from today's base.
    Export {
        /// The plan's id (as `plans list` prints it), or its campaign's name with --date.
        plan: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        #[command(flatten)]
        export: ExportArgs,
        #[arg(long)]
        json: bool,
    },
    /// Delete the campaign's saved plan for a date: caps and limits stop counting its messages.
    Delete {
        /// The campaign's name.
        campaign: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
    },
}

/// `adresat plans …`: what the Plan screen's list of saved plans does.
pub fn run_plans(store: &mut Store, command: PlansCommand, lang: Lang) -> Result<()> {
    match command {
        PlansCommand::List { json } => {
            let plans = store.plans()?;
            if json {
                let items: Vec<_> = plans
                    .iter()
                    .map(|p| {
                        json!({"id": p.id, "campaign": p.campaign, "date": p.plan_date,
                               "messages": p.messages, "created_at": p.created_at})
                    })
                    .collect();
                out!("{}", serde_json::Value::Array(items));
            } else {
                for p in &plans {
                    out!(
                        "{}\t{}\t{}\t{}\t{}",
                        p.id,
                        p.campaign,
                        p.plan_date,
                        crate::format::group_thousands(p.messages as i64),
                        p.created_at
                    );
                }
            }
            Ok(())
        }
        PlansCommand::Export {
            plan,
            date,
            export: args,
            json,
        } => export_saved(store, &plan, date.as_deref(), &args, json, lang),
        PlansCommand::Delete { campaign, date } => {
            if !store.delete_plan(&campaign, &date)? {
                return Err(Error::user(
                    Msg::new("plan-error-not-found")
                        .arg("campaign", campaign)
                        .arg("date", date),
                ));
            }
            Ok(())
        }
    }
}

/// `adresat plans export`: a saved plan written again in a profile, who dropped out listed.
fn export_saved(
    store: &Store,
    which: &str,
    date: Option<&str>,
    args: &ExportArgs,
    json: bool,
    lang: Lang,
) -> Result<()> {
    let id = plan::saved::find(store, which, date)?;
    let reloaded = plan::saved::reload(store, id)?;
    let target = args.target(store, lang)?;
    let show = std::io::stderr().is_terminal() && !json;
    let written = super::with_progress(show, |task| {
        export::export(store, &reloaded.plan, &target, task)
    })?;
    let dropped = reloaded.plan.summary(store.settings()?.owner_tz).excluded;
    if json {
        let dropped: serde_json::Map<String, serde_json::Value> = dropped
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(r, n)| (r.key().to_owned(), json!(n)))
            .collect();
        out!(
            "{}",
            with_written(
                json!({
                    "plan": id,
                    "campaign": reloaded.plan.campaign.name,
                    "date": reloaded.plan.options.date.to_string(),
                    "dropped": dropped,
                    "gone": reloaded.gone,
                }),
                &written,
                &target,
                lang
            )
        );
        return Ok(());
    }
    out!(
        "{}",
        Msg::new("cli-plan-reexported")
            .arg("rows", written.rows as i64)
            .arg("path", written.path.display().to_string())
            .render(lang)
    );
    for (reason, n) in dropped.iter().filter(|(_, n)| *n > 0) {
        out!(
            "  {}",
            Msg::new("cli-plan-dropped")
                .arg("reason", reason.msg().render(lang))
                .arg("count", *n as i64)
                .render(lang)
        );
    }
    if reloaded.gone > 0 {
        out!(
            "  {}",
            Msg::new("cli-plan-gone")
                .arg("count", reloaded.gone as i64)
                .render(lang)
        );
    }
    print_export(&written, lang);
    Ok(())
}

/// `--dry-run`: the estimate of how long the send takes, planning nothing.
fn dry_run(
    store: &Store,
    campaign: &crate::campaign::Campaign,
    options: &Options,
    json: bool,
    lang: Lang,
) -> Result<()> {
    let e = plan::estimate::estimate(store, campaign, options, super::task())?;
    if json {
        out!("{}", serde_json::to_value(&e).unwrap_or_default());
        return Ok(());
    }
    let owner = store.settings()?.owner_tz;
    out!("{}", plan::estimate::describe(&e, owner).render(lang));
    for (day, n) in e.spread.per_day.iter().take(DAYS_SHOWN) {
        out!("  {}\t{n}", day.format("%d.%m.%Y"));
    }
    for tier in &e.higher_tiers {
        out!(
            "{}",
            plan::estimate::describe_tier(tier, owner).render(lang)
        );
    }
    Ok(())
}
