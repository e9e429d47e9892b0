//! `adresat rfm`: computes and stores RFM as of a date, then prints a summary per group or writes
//! one row per scored customer.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use serde_json::json;

use crate::error::{Error, Result};
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
    let analysis = rfm::recompute(store, as_of, super::task())?;
    if let Some(path) = out {
        let n = write_csv(store, path)?;
        out!(
            "{}",
            Msg::counted("cli-rfm-written", n as i64)
                .arg("path", path.display().to_string())
                .render(lang)
        );
    } else if json {
        out!("{}", summary_json(&analysis));
    } else {
        print_summary(&analysis, lang);
    }
    Ok(())
}

/// Money in roubles with two decimals, for files.
fn roubles(kop: i64) -> String {
    format!("{}.{:02}", kop / 100, (kop % 100).abs())
}

/// One row per scored customer: `contact_id,customer_id,phone,recency_days,frequency,monetary,r,f,m,group`.
fn write_csv(store: &Store, path: &Path) -> Result<u64> {
    let io = |e: std::io::Error| Error::io(path, e);
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).map_err(io)?);
    file.write_all("\u{feff}".as_bytes()).map_err(io)?;
    let mut w = csv::Writer::from_writer(file);
    let csv_err = |e: csv::Error| Error::io(path, std::io::Error::other(e.to_string()));
    w.write_record([
        "contact_id",
        "customer_id",
        "phone",
        "recency_days",
        "frequency",
        "monetary",
        "r",
        "f",
        "m",
        "group",
    ])
    .map_err(csv_err)?;
    let rows = store.rfm_rows()?;
    for row in &rows {
        let s = &row.scored;
        w.write_record([
            s.contact_id.to_string(),
            row.external_id.clone().unwrap_or_default(),
            row.phone.clone().unwrap_or_default(),
            s.recency_days.to_string(),
            s.frequency.to_string(),
            roubles(s.monetary_kop),
            s.r.to_string(),
            s.f.to_string(),
            s.m.to_string(),
            s.group.as_str().to_owned(),
        ])
        .map_err(csv_err)?;
    }
    w.flush().map_err(io)?;
    Ok(rows.len() as u64)
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
                "revenue": roubles(g.revenue_kop),
                "average_order": roubles(g.average_order_kop),
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
            "monetary": a.cuts.monetary.map(roubles),
            "custom": {
                "recency": a.cuts.custom[0],
                "frequency": a.cuts.custom[1],
                "monetary": a.cuts.custom[2],
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
        out!("  {}: {}", d.label(lang), shown.join(" | "));
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
