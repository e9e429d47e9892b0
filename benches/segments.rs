//! How fast segment counts are on a big base (not run by CI): each rule compiled and counted as
//! the builder does, against the same count written by hand (`benches/segment_queries.sql`).
//!
//!     target/release/adresat demo --contacts 1000000 --out /tmp/demo1m
//!     cargo bench --bench segments -- /tmp/demo1m/adresat-demo.sqlite
//!
//! (`benches/segments.sh DEMO_DIR` runs it and holds two of the rules against DuckDB.)
//!
//! Prints the median of 7 runs of each (after one warm-up run), the ratio, and whether the
//! counts agree.

use std::time::Instant;

use adresat::segment::{self, Rule, Today};
use adresat::store::Store;

const RULES: &[(&str, &str)] = &[
    (
        "tag",
        r#"{"version": 1, "mode": "all", "items": [{"type": "tags", "op": "has", "tags": ["цена:скидки"]}]}"#,
    ),
    (
        "field",
        r#"{"version": 1, "mode": "all", "items": [{"type": "field", "field": "city", "op": "equals", "value": "Москва"}]}"#,
    ),
    (
        "events",
        r#"{"version": 1, "mode": "all", "items": [{"type": "events", "kind": "clicked", "days": 30, "cmp": ">=", "count": 1}]}"#,
    ),
    (
        "sleeping",
        r#"{"version": 1, "mode": "all", "items": [{"type": "sleeping", "campaigns": 3}]}"#,
    ),
    (
        "nested",
        r#"{"version": 1, "mode": "all", "items": [
            {"type": "consent", "is": "yes"},
            {"type": "group", "mode": "all", "items": [
                {"type": "tags", "op": "has", "tags": ["интерес:*"]},
                {"type": "group", "mode": "any", "items": [
                    {"type": "field", "field": "city", "op": "one_of", "values": ["Москва", "Санкт-Петербург"]},
                    {"type": "group", "mode": "none", "items": [{"type": "sleeping", "campaigns": 3}]}
                ]}
            ]}
        ]}"#,
    ),
    (
        "never_read_consent",
        r#"{"version": 1, "mode": "all", "items": [
            {"type": "last_event", "kind": "read", "op": "never"},
            {"type": "consent", "is": "yes"}
        ]}"#,
    ),
    (
        "tag_total_not_qr_read",
        r#"{"version": 1, "mode": "all", "items": [
            {"type": "group", "mode": "any", "items": [
                {"type": "tags", "op": "has_any", "tags": ["интерес:*"]},
                {"type": "orders", "measure": "total", "cmp": ">=", "value": 5000}
            ]},
            {"type": "group", "mode": "none", "items": [
                {"type": "field", "field": "source", "op": "equals", "value": "QR-код в магазине"},
                {"type": "events", "kind": "read", "cmp": ">=", "count": 3}
            ]}
        ]}"#,
    ),
];

fn median(mut runs: Vec<f64>) -> f64 {
    runs.sort_by(f64::total_cmp);
    runs[runs.len() / 2]
}

/// Runs `f` once to warm the cache, then 7 times; the median in milliseconds and the last answer.
fn time(mut f: impl FnMut() -> u64) -> (f64, u64) {
    let mut answer = f();
    let runs = (0..7)
        .map(|_| {
            let t = Instant::now();
            answer = f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    (median(runs), answer)
}

fn hand_written(name: &str) -> String {
    let text = include_str!("segment_queries.sql");
    let start = text
        .find(&format!("-- name: {name}\n"))
        .unwrap_or_else(|| panic!("no query {name}"));
    let body = &text[start..];
    let body = &body[body.find('\n').unwrap() + 1..];
    body[..body.find(';').unwrap()].to_owned()
}

fn main() {
    let Some(db) = std::env::args().skip(1).find(|a| !a.starts_with("--")) else {
        eprintln!("usage: cargo bench --bench segments -- BASE.sqlite");
        std::process::exit(2);
    };
    let store = Store::open(db.as_ref()).expect("open base");
    let today = Today::at(chrono::Utc::now(), store.settings().unwrap().owner_tz);
    let raw = rusqlite::Connection::open(&db).expect("open base");
    let since30 = today.start_of_day_ago(29).utc().timestamp();
    println!(
        "{:<22} {:>12} {:>12} {:>8} {:>10}",
        "rule", "compiled ms", "by hand ms", "ratio", "count"
    );
    for (name, json) in RULES {
        let rule = Rule::from_json(json).unwrap();
        let (ms, count) = time(|| {
            let compiled = segment::prepare(&store, &rule, None, today).unwrap();
            segment::evaluate(&store, &compiled, false).unwrap().count
        });
        let sql = hand_written(name);
        let (hand_ms, hand_count) = time(|| {
            let mut stmt = raw.prepare(&sql).unwrap();
            let names: Vec<_> = (1..=stmt.parameter_count())
                .map(|i| stmt.parameter_name(i).unwrap().to_owned())
                .collect();
            let params: Vec<(&str, &dyn rusqlite::ToSql)> = names
                .iter()
                .map(|n| (n.as_str(), &since30 as &dyn rusqlite::ToSql))
                .collect();
            stmt.query_row(params.as_slice(), |r| r.get::<_, i64>(0))
                .unwrap() as u64
        });
        let agree = if count == hand_count {
            ""
        } else {
            "  (counts differ!)"
        };
        println!(
            "{name:<22} {ms:>12.1} {hand_ms:>12.1} {:>8.2} {count:>10}{agree}",
            ms / hand_ms
        );
    }
}
