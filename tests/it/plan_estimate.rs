//! How long a send takes, before it is planned: the estimate per time zone against the plan
//! placed one by one, on the command line too.

use adresat::plan::estimate::estimate;
use adresat::plan::{self, Options, TimeOfDay, Timing};
use adresat::segment::Rule;
use chrono::{TimeZone, Utc};

use crate::support::Scratch;

/// Sixty consenting contacts, half in Moscow and half in Novosibirsk, and a campaign to all.
fn shop() -> (Scratch, adresat::campaign::Campaign) {
    let mut s = Scratch::new();
    let mut csv = String::from("Телефон;Город;Согласие на рассылку\n");
    for i in 0..60 {
        let city = if i % 2 == 0 {
            "Москва"
        } else {
            "Новосибирск"
        };
        csv.push_str(&format!("8912{:07};{city};да\n", 1000 + i));
    }
    s.contacts(&csv);
    s.store
        .save_segment("Все", &Rule::everyone(), "", Utc::now())
        .unwrap();
    let c = adresat::campaign::Campaign::from_json(
        r#"{"name": "Акция", "channel": "whatsapp", "sleeping": null,
            "variants": [{"name": "Все", "segment": "Все", "text": "Привет"}]}"#,
    )
    .unwrap();
    s.store.save_campaign(&c, Utc::now()).unwrap();
    (s, c)
}

#[test]
fn the_estimate_names_the_days_the_tier_needs_as_the_plan_does() {
    let (s, c) = shop();
    let day = chrono::NaiveDate::from_ymd_opt(2099, 3, 2).unwrap();
    let mut options = Options::new(day, Some(20));
    (options.cap_hours, options.cap_week) = (None, None);
    options.timing = Timing::At(TimeOfDay::new(11, 0));
    let now = Utc.with_ymd_and_hms(2099, 3, 1, 12, 0, 0).unwrap();
    let task = adresat::model::task::Task::unwatched(now);
    let e = estimate(&s.store, &c, &options, task).unwrap();
    let made = plan::build(&s.store, &c, &options, task).unwrap();
    assert_eq!(e.recipients, made.items.len() as u64);
    let summary = made.summary(chrono_tz::Europe::Moscow);
    assert_eq!(e.spread.per_day, summary.per_day);
    assert_eq!(e.spread.days(), 3);
    assert_eq!(
        e.spread.last_at.map(|t| t.timestamp()),
        made.items.iter().map(|p| p.send_at).max()
    );
    // The next tier sends everyone on the day.
    assert_eq!(e.higher_tiers.len(), 1);
    assert_eq!(e.higher_tiers[0].daily_limit, Some(250));
    assert_eq!(e.higher_tiers[0].days(), 1);
}

#[test]
fn the_command_line_estimates_without_planning() {
    let (s, _) = shop();
    let out = crate::cli::adresat(
        s.store.path(),
        &[
            "plan",
            "Акция",
            "--date",
            "2099-03-02",
            "--daily-limit",
            "20",
            "--dry-run",
            "--json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["recipients"], 60);
    assert_eq!(json["spread"]["per_day"].as_array().unwrap().len(), 3);
    assert!(
        s.store.plans().unwrap().is_empty(),
        "a dry run saves no plan"
    );
    let missing = crate::cli::adresat(s.store.path(), &["plan", "Акция", "--date", "2099-03-02"]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("--out"));
}
