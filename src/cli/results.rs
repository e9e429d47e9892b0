//! `adresat results`: a campaign's metrics, its A/B verdicts and its health warnings.

use serde_json::json;

use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};
use crate::results::{self, Line, Thresholds, percent};
use crate::store::Store;

/// A rate as a cell: `12,5 %`, or `—` when there is nothing to divide by.
fn cell(rate: Option<f64>) -> String {
    rate.map_or("—".to_owned(), percent)
}

/// The header of [`columns`].
pub(super) fn header() -> String {
    format!(
        "{:>9} {:>9} {:>9} {:>8} {:>8} {:>8} {:>8} {:>8}",
        "planned", "sent", "delivered", "read", "click", "reply", "unsub", "block"
    )
}

/// A line's columns after its title: planned, sent, delivered, then the rates per delivered
/// message (read only where the channel reports reads), aligned as the header.
pub(super) fn columns(c: &results::Counts, r: &results::Rates, reads: bool) -> String {
    let read = if reads {
        cell(r.read)
    } else {
        "—".to_owned()
    };
    format!(
        "{:>9} {:>9} {:>9} {:>8} {:>8} {:>8} {:>8} {:>8}",
        c.planned,
        c.sent,
        c.delivered,
        read,
        cell(r.click),
        cell(r.reply),
        cell(r.unsubscribe),
        cell(r.block),
    )
}

fn print_line(title: &str, l: &Line, reads: bool) {
    out!("{title:<28} {}", columns(&l.counts, &l.rates, reads));
}

/// The campaign `arg` names: a campaign file's, a saved campaign, or one the base knows only
/// from its plans and results (the Results screen lists those too).
fn resolve(store: &Store, arg: &str) -> Result<String> {
    if std::path::Path::new(arg).is_file() || store.campaign(arg)?.is_some() {
        return Ok(super::campaign::resolve(store, arg)?.name);
    }
    if results::campaigns(store)?.iter().any(|c| c == arg) {
        return Ok(arg.to_owned());
    }
    Err(Error::user(
        Msg::new("cli-no-results-campaign").arg("value", arg),
    ))
}

pub fn run(store: &Store, campaign: &str, json: bool, lang: Lang) -> Result<()> {
    let name = resolve(store, campaign)?;
    let m = results::metrics(store, &name, Thresholds::from_settings(store)?)?;
    if json {
        let mut value = serde_json::to_value(&m).unwrap_or_default();
        value["ab_verdicts"] = json!(
            m.ab.iter()
                .map(|t| t.msg().render(lang))
                .collect::<Vec<_>>()
        );
        value["warning_texts"] = json!(
            m.warnings
                .iter()
                .map(|w| w.msg().render(lang))
                .collect::<Vec<_>>()
        );
        out!("{value}");
        return Ok(());
    }
    out!(
        "{}",
        Msg::new("results-header")
            .arg("campaign", name)
            .render(lang)
    );
    out!("{:<28} {}", "", header());
    print_line(
        &Msg::new("results-total").render(lang),
        &m.total,
        m.reads_reported,
    );
    for l in &m.per_variant {
        print_line(
            &format!("{} ({})", l.variant, l.segment),
            l,
            m.reads_reported,
        );
    }
    for l in &m.per_arm {
        print_line(
            &format!("{} {}", l.variant, l.arm.unwrap_or_default()),
            l,
            m.reads_reported,
        );
    }
    if !m.reads_reported {
        out!("{}", Msg::new("results-no-reads").render(lang));
    }
    for t in &m.ab {
        out!("A/B {}: {}", t.variant, t.msg().render(lang));
    }
    for w in &m.warnings {
        out!("⚠ {}", w.msg().render(lang));
    }
    if let Some((before, now)) = results::sleeping_growth(store)? {
        out!("⚠ {}", results::sleeping_msg(before, now).render(lang));
    }
    Ok(())
}
