//! `adresat rfm`: computes and stores RFM as of a date, then prints a summary per group or writes
//! one row per scored customer.

use std::path::Path;

use chrono::NaiveDate;
use serde_json::json;

use crate::error::{Error, Result};
use crate::format::kopecks_plain;
use crate::i18n::{Lang, Msg};
use crate::rfm::{self, Analysis, Dimension};
use crate::store::Store;

pub fn run(
    store: &mut Store,
    as_of: Option<String>,
    out: Option<&Path>,
    json: bool,
    lang: Lang,
) -> Result<()> {
    let as_of = match as_of {
        Some(text) => NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .map_err(|_| Error::user(Msg::new("rfm-error-date").arg("value", text)))?,
        None => rfm::as_of_date(store, chrono::Utc::now())?,
    };
    if let Some(path) = out {
        let (_, n) = rfm::recompute_into_file(store, as_of, super::task(), path)?;
        out!(
            "{}",
            Msg::counted("cli-rfm-written", n as i64)
                .arg("path", path.display().to_string())
                .render(lang)
        );
    } else {
        let analysis = rfm::recompute(store, as_of, super::task())?;
        if json {
            out!("{}", summary_json(&analysis));
        } else {
            print_summary(&analysis, lang);
        }
    }
    Ok(())
}

fn summary_json(a: &Analysis) -> serde_json::Value {
    let groups: Vec<_> = rfm::summary(&a.customers)
        .into_iter()
        .map(|g| {
            json!({
                "group": g.group,
                "customers": g.customers,
                "customer_share": g.customer_share,
                "revenue_share": g.revenue_share,
                "revenue": kopecks_plain(g.revenue_kop),
                "average_order": kopecks_plain(g.average_order_kop),
            })
        })
        .collect();
    json!({
        "as_of": a.as_of.to_string(),
        "scored": a.customers.len(),
        "without_orders": a.without_orders,
        "from_totals": a.from_totals,
        "cuts": {
            "recency_days": a.cuts.recency,
            "frequency": a.cuts.frequency,
            "monetary": a.cuts.monetary.map(kopecks_plain),
            "custom": {
                "recency": a.cuts.custom[0],
                "frequency": a.cuts.custom[1],
                "monetary": a.cuts.custom[2],
            },
            "balanced": {
                "recency": a.cuts.balanced[0],
                "frequency": a.cuts.balanced[1],
                "monetary": a.cuts.balanced[2],
            },
        },
        "groups": groups,
    })
}

fn print_summary(a: &Analysis, lang: Lang) {
    out!(
        "{}",
        Msg::new("cli-rfm-head")
            .arg("as_of", a.as_of.to_string())
            .arg(
                "scored",
                crate::format::group_thousands(a.customers.len() as i64)
            )
            .arg(
                "without",
                crate::format::group_thousands(a.without_orders as i64)
            )
            .render(lang)
    );
    for d in Dimension::ALL {
        let cuts = a.cuts.get(d);
        let shown: Vec<String> = match d {
            Dimension::Monetary => cuts
                .iter()
                .map(|k| crate::format::format_rubles(*k))
                .collect(),
            _ => cuts.iter().map(i64::to_string).collect(),
        };
        let i = Dimension::ALL.iter().position(|x| *x == d).unwrap_or(0);
        let note = if a.cuts.balanced[i] {
            format!("  ({})", crate::i18n::Msg::new("rfm-balanced").render(lang))
        } else {
            String::new()
        };
        out!("  {}: {}{note}", d.label(lang), shown.join(" | "));
    }
    out!("");
    for g in rfm::summary(&a.customers) {
        out!(
            "{:<28} {:>10} {:>6.1}% {:>6.1}%  {}",
            g.group.label(lang),
            crate::format::group_thousands(g.customers as i64),
            g.customer_share * 100.0,
            g.revenue_share * 100.0,
            crate::format::format_rubles(g.average_order_kop)
        );
    }
}
