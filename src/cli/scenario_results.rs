//! `adresat scenario results NAME`: each step's funnel and rates, conversions within the
//! attribution window, the A/B verdicts, and why chains ended.

use crate::error::Result;
use crate::i18n::{Lang, Msg};
use crate::results::percent;
use crate::scenario::results::{self, StepLine};
use crate::store::Store;

fn cell(rate: Option<f64>) -> String {
    rate.map_or("—".to_owned(), percent)
}

fn print_line(l: &StepLine, reads: bool) {
    let title = match l.arm {
        Some(arm) => format!("{} {arm}", l.name),
        None => l.name.clone(),
    };
    out!(
        "{title:<16} {} {:>10}",
        super::results::columns(&l.counts, &l.rates, reads),
        cell(l.conversion)
    );
}

pub fn run(store: &Store, name: &str, json: bool, lang: Lang) -> Result<()> {
    let r = results::results(store, name)?;
    if json {
        let mut value = serde_json::to_value(&r).unwrap_or_default();
        value["ab_verdicts"] = serde_json::json!(
            r.ab.iter()
                .map(|t| t.msg().render(lang))
                .collect::<Vec<_>>()
        );
        out!("{value}");
        return Ok(());
    }
    let head = Msg::new("cli-scenario-results-head")
        .arg("scenario", r.scenario.as_str())
        .arg("entries", r.entries as i64)
        .arg("open", r.open as i64)
        .arg("days", i64::from(r.attribution_days));
    out!("{}", head.render(lang));
    out!(
        "{:<16} {:>9} {:>9} {:>9} {:>9} {:>9} {:>10}",
        "",
        "entered",
        "sent",
        "reacted",
        "moved on",
        "exited",
        "converted"
    );
    for (f, l) in r.funnel.iter().zip(&r.per_step) {
        out!(
            "{:<16} {:>9} {:>9} {:>9} {:>9} {:>9} {:>10}",
            l.name,
            f.entered,
            f.sent,
            f.reacted,
            f.moved_on,
            f.exited,
            f.converted
        );
    }
    out!();
    out!(
        "{:<16} {} {:>10}",
        "",
        super::results::header(),
        "converted"
    );
    for l in r.per_step.iter().chain(&r.per_arm) {
        print_line(l, r.reads_reported);
    }
    for t in &r.ab {
        out!("{}: {}", t.variant, t.msg().render(lang));
    }
    for (end, n) in &r.ended {
        let line = Msg::new("cli-scenario-run-reason")
            .arg("reason", end.msg())
            .arg("count", *n as i64);
        out!("{}", line.render(lang));
    }
    Ok(())
}

/// `--contact`: one contact's way through the scenario, a line per moment.
pub fn timeline(store: &Store, name: &str, who: &str, lang: Lang) -> Result<()> {
    let contact = crate::scenario::timeline::find_contact(store, who)?;
    let lines = crate::scenario::timeline::timeline(store, name, contact)?;
    if lines.is_empty() {
        out!("{}", Msg::new("scenario-timeline-none").render(lang));
    }
    for m in lines {
        out!("{}", m.what.render(lang));
    }
    Ok(())
}
