//! `adresat import`: a contacts, orders or events file loaded into the base, as the window's
//! import wizard does, with the report printed or as JSON.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use serde_json::json;

use super::with_progress;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};
use crate::import::{self, ColumnMap, ImportKind, ImportOptions, ImportReport};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    Contacts,
    Orders,
    Events,
}

/// The options of `adresat import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    #[arg(value_enum)]
    kind: KindArg,
    file: PathBuf,
    /// Country of phones without a country code (ISO code, e.g. RU).
    #[arg(long, value_name = "CODE")]
    default_country: Option<String>,
    /// Zone of dates without an offset and of contacts whose city is unknown (IANA, e.g. Europe/Moscow).
    #[arg(long, value_name = "ZONE")]
    default_tz: Option<String>,
    /// Read column COL as FIELD (e.g. "Моб. тел.=phone"); repeatable.
    #[arg(long = "map", value_name = "COL=FIELD")]
    map: Vec<String>,
    /// The system the file's external ids belong to (e.g. 1c); by default the tool's that
    /// wrote the file when it is recognised, else "own".
    #[arg(long, value_name = "NAME")]
    id_system: Option<String>,
    /// For a contacts file without a consent column: everyone in it agreed to messages,
    /// here (e.g. "форма на сайте"); give --consent-date too. You must be able to prove it.
    #[arg(long, value_name = "SOURCE", requires = "consent_date")]
    consent_source: Option<String>,
    /// The date of that consent (31.12.2024 or 2024-12-31, the owner's zone).
    #[arg(long, value_name = "DATE", requires = "consent_source")]
    consent_date: Option<String>,
    /// Write the rejected rows with their line and reason to this CSV file.
    #[arg(long, value_name = "OUT.csv")]
    rejects: Option<PathBuf>,
    /// Print one JSON object instead of a summary.
    #[arg(long)]
    json: bool,
}

/// Imports the file of `args` into the base at `db`.
pub fn run(cli: &super::Cli, args: ImportArgs, lang: Lang) -> Result<()> {
    let ImportArgs {
        kind,
        file,
        default_country,
        default_tz,
        map,
        id_system,
        consent_source,
        consent_date,
        rejects,
        json,
    } = args;
    let mut options = ImportOptions::new(
        match kind {
            KindArg::Contacts => ImportKind::Contacts,
            KindArg::Orders => ImportKind::Orders,
            KindArg::Events => ImportKind::Events,
        },
        chrono::Utc::now(),
    );
    options.default_country = default_country;
    options.default_tz = default_tz
        .map(|z| {
            z.parse()
                .map_err(|_| Error::user(Msg::new("error-bad-time-zone").arg("value", z)))
        })
        .transpose()?;
    options.id_system = id_system;
    let mut store = super::open(cli)?;
    if let (Some(source), Some(date)) = (consent_source, consent_date) {
        options.consent = Some(import::ConsentStatement::stated(
            &store, &options, &source, &date,
        )?);
    }
    options.map = map
        .iter()
        .map(|m| m.parse::<ColumnMap>())
        .collect::<Result<_>>()?;
    let show_progress = std::io::stderr().is_terminal() && !json;
    let report = with_progress(show_progress, |task| {
        import::run(&mut store, &file, &options, task)
    })?;
    if let Some(path) = &rejects {
        report.write_rejects(path, lang)?;
    }
    if json {
        out!("{}", report_json(&report, lang));
    } else {
        print_report(&report, lang);
    }
    Ok(())
}

fn report_json(r: &ImportReport, lang: Lang) -> serde_json::Value {
    json!({
        "file": r.file.display().to_string(),
        "kind": r.kind,
        "format": r.format,
        "columns": r.columns.iter().map(|(h, f)| json!({"header": h, "field": f})).collect::<Vec<_>>(),
        "origin": r.origin,
        "id_system": r.id_system,
        "read": r.read,
        "inserted": r.inserted,
        "updated": r.updated,
        "unchanged": r.unchanged,
        "merged": r.merged,
        "folded": r.folded,
        "new_contacts": r.new_contacts,
        "rejected": r.rejected,
        "rejects": r.rejects.iter().map(|x| json!({
            "line": x.line, "reason_id": x.reason.id, "reason": x.reason.render(lang), "values": x.values,
        })).collect::<Vec<_>>(),
        "warnings": r.warnings.iter().map(|w| json!({
            "line": w.line, "id": w.msg.id, "message": w.msg.render(lang),
        })).collect::<Vec<_>>(),
    })
}

fn print_report(r: &ImportReport, lang: Lang) {
    if let Some(origin) = r.origin {
        out!(
            "{}",
            Msg::new("import-origin")
                .arg("origin", origin.msg().render(lang))
                .render(lang)
        );
    }
    let delimiter = match r.format.delimiter {
        Some('\t') => "TAB".to_owned(),
        Some(d) => d.to_string(),
        None => "-".to_owned(),
    };
    out!(
        "{}",
        Msg::new("report-summary")
            .arg("file", r.file.display().to_string())
            .arg("encoding", r.format.encoding.as_str())
            .arg("delimiter", delimiter)
            .arg("read", r.read as i64)
            .arg("inserted", r.inserted as i64)
            .arg("updated", r.updated as i64)
            .arg("unchanged", r.unchanged as i64)
            .arg("merged", r.merged as i64)
            .arg("rejected", r.rejected as i64)
            .render(lang)
    );
    if r.folded > 0 {
        out!(
            "{}",
            Msg::new("report-folded-line")
                .arg("count", r.folded as i64)
                .render(lang)
        );
    }
    const SHOWN: usize = 20;
    for x in r.rejects.iter().take(SHOWN) {
        out!(
            "  {}",
            Msg::new("report-reject-line")
                .arg("line", x.line as i64)
                .arg("reason", x.reason.render(lang))
                .render(lang)
        );
    }
    if r.rejects.len() > SHOWN {
        out!(
            "  {}",
            Msg::new("report-more")
                .arg("count", (r.rejects.len() - SHOWN) as i64)
                .render(lang)
        );
    }
    for w in r.warnings.iter().take(SHOWN) {
        out!("  ! {}", w.msg.render(lang));
    }
    if r.warnings.len() > SHOWN {
        out!(
            "  {}",
            Msg::new("report-more")
                .arg("count", (r.warnings.len() - SHOWN) as i64)
                .render(lang)
        );
    }
}
