//! Results: a sending service's file loaded by message id or by contact and campaign, in both
//! languages, idempotent; clicks become tags, opt-outs statuses the next plan respects; metric
//! arithmetic on a hand-made case; the two-proportion test against known values; the warnings.

use adresat::campaign::{Arm, Campaign};
use adresat::import::ImportKind;
use adresat::plan::{self, Options, Plan, Reason};
use adresat::results::{self, Thresholds, Verdict};
use adresat::segment::Rule;
use chrono::NaiveDate;

use crate::support::Scratch;

fn autumn() -> Campaign {
    Campaign::from_json(
        r#"{"name": "Осень", "channel": "whatsapp", "sleeping": null,
            "variants": [{"name": "Все", "segment": "Все", "text": "{{first_name|Друг}}, осень!",
              "buttons": [{"text": "Хочу скидку", "tag": "цена:скидки"}, {"text": "Не интересно", "tag": "отказ"}]}]}"#,
    )
    .unwrap()
}

fn base() -> (Scratch, Plan) {
    let mut s = Scratch::new();
    s.contacts(
        "ID клиента;ФИО;Телефон;Часовой пояс;Согласие на рассылку\n\
         A1;Анна;89120000001;Europe/Moscow;да\n\
         A2;Борис;89120000002;Europe/Moscow;да\n\
         A3;Вера;89120000003;Europe/Moscow;да\n\
         A4;Глеб;89120000004;Europe/Moscow;да\n",
    );
    s.store
        .save_segment("Все", &Rule::everyone(), "", chrono::Utc::now())
        .unwrap();
    s.store
        .save_campaign(&autumn(), chrono::Utc::now())
        .unwrap();
    let p = made(&s, NaiveDate::from_ymd_opt(2099, 3, 1).unwrap());
    p.save(&mut s.store).unwrap();
    (s, p)
}

fn made(s: &Scratch, date: NaiveDate) -> Plan {
    plan::build(
        &s.store,
        &autumn(),
        &Options {
            cap_hours: None,
            cap_week: None,
            ..Options::new(date, None)
        },
        crate::support::unwatched(),
    )
    .unwrap()
}

fn id_of(s: &Scratch, ext: &str) -> i64 {
    s.store
        .find_contact(&adresat::store::ContactKey::own(ext))
        .unwrap()
        .unwrap()
}

#[test]
fn a_results_file_matches_by_message_id_and_the_base_learns() {
    let (mut s, p) = base();
    let (a1, a2) = (id_of(&s, "A1"), id_of(&s, "A2"));
    let text = format!(
        "message_id;Статус;Дата;Кнопка\n\
         {m1};доставлено;01.03.2099 10:01;\n\
         {m1};прочитано;01.03.2099 10:05;\n\
         {m1};нажал кнопку;01.03.2099 10:06;хочу скидку\n\
         {m2};доставлено;01.03.2099 10:01;\n\
         {m2};отписался;01.03.2099 11:00;\n\
         deadbeef-20990301-999;доставлено;01.03.2099 10:01;\n",
        m1 = p.message_id(a1),
        m2 = p.message_id(a2),
    );
    let file = s.file("results.csv", &text);
    let report = s.import(ImportKind::Events, &file);
    assert_eq!(report.inserted, 5);
    assert_eq!(report.rejected, 1, "{:?}", report.rejects);
    assert_eq!(report.rejects[0].line, 7);
    let why = report.rejects[0].reason.to_string();
    assert!(why.contains("deadbeef-20990301-999"), "{why}");
    // The click set the tag its button names; the unsubscribe set the status.
    let (_, tags) = s.store.contact(a1).unwrap().unwrap();
    assert!(tags.contains(&"цена:скидки".to_owned()), "{tags:?}");
    let (b, _) = s.store.contact(a2).unwrap().unwrap();
    assert_eq!(b.status, adresat::store::Status::Unsubscribed);

    // The same file again changes nothing.
    let again = s.import(ImportKind::Events, &file);
    assert_eq!(again.inserted, 0);
    assert_eq!(again.unchanged, 5);

    // The next plan leaves A2 out, as unsubscribed.
    let next = made(&s, NaiveDate::from_ymd_opt(2099, 4, 1).unwrap());
    assert!(next.left.iter().any(|l| l.contact_id == a2
        && l.reason == Reason::Audience(adresat::campaign::Exclusion::Unsubscribed)));
    assert_eq!(next.items.len(), 3);
}

#[test]
fn english_words_match_by_contact_and_campaign() {
    let (mut s, _) = base();
    let file = s.file(
        "export.csv",
        "Customer ID,Campaign,Status,Date,Button\n\
         A3,Осень,delivered,2099-03-01 10:01,\n\
         A3,Осень,clicked,2099-03-01 10:02,Не интересно\n\
         A4,Осень,blocked,2099-03-01 10:03,\n\
         A9,Осень,delivered,2099-03-01 10:01,\n",
    );
    let report = s.import(ImportKind::Events, &file);
    assert_eq!(report.inserted, 3);
    // A9 is nobody in the base: reported, not dropped silently.
    assert_eq!(report.rejected, 1);
    assert!(report.rejects[0].reason.to_string().contains("A9"));
    let (_, tags) = s.store.contact(id_of(&s, "A3")).unwrap().unwrap();
    assert!(tags.contains(&"отказ".to_owned()));
    let (d, _) = s.store.contact(id_of(&s, "A4")).unwrap().unwrap();
    assert_eq!(d.status, adresat::store::Status::Blocked);
}

#[test]
fn metrics_add_up_on_a_hand_made_case() {
    let (mut s, p) = base();
    let id = |e: &str| p.message_id(id_of(&s, e));
    let text = format!(
        "message_id;Статус;Дата\n\
         {a1};отправлено;01.03.2099 10:00\n{a1};доставлено;01.03.2099 10:01\n{a1};прочитано;01.03.2099 10:02\n{a1};прочитано;01.03.2099 12:00\n{a1};нажатие;01.03.2099 10:03\n\
         {a2};отправлено;01.03.2099 10:00\n{a2};доставлено;01.03.2099 10:01\n{a2};заблокировал;01.03.2099 10:09\n\
         {a3};отправлено;01.03.2099 10:00\n{a3};доставлено;01.03.2099 10:01\n{a3};ответил;01.03.2099 10:20\n\
         {a4};отправлено;01.03.2099 10:00\n",
        a1 = id("A1"),
        a2 = id("A2"),
        a3 = id("A3"),
        a4 = id("A4"),
    );
    let file = s.file("r.csv", &text);
    s.import(ImportKind::Events, &file);
    let m = results::metrics(&s.store, "Осень", Thresholds::default()).unwrap();
    let c = m.total.counts;
    assert_eq!(every_count(&c), [4, 4, 3, 1, 1, 1, 0, 1]);
    // Per delivered message: a contact who read twice read once.
    assert_eq!(m.total.rates.read, Some(1.0 / 3.0));
    assert_eq!(m.total.rates.click, Some(1.0 / 3.0));
    assert_eq!(m.total.rates.block, Some(1.0 / 3.0));
    assert_eq!(m.per_variant[0].counts, c);
    assert_eq!(m.per_variant[0].segment, "Все");
    // Three delivered is too few for a warning.
    assert!(m.warnings.is_empty());
}

#[test]
fn the_two_proportion_test_gives_the_textbook_values() {
    // 5 % of 1000 against 8 % of 1000: z = 2.72, p = 0.0065.
    let (z, p) = results::two_proportion(50, 1000, 80, 1000).unwrap();
    assert!((z - 2.7211).abs() < 1e-3, "{z}");
    assert!((p - 0.006507).abs() < 1e-5, "{p}");
    let (z, p) = results::two_proportion(10, 100, 12, 100).unwrap();
    assert!((z - 0.4520).abs() < 1e-3 && (p - 0.6513).abs() < 1e-3);
    let (z, p) = results::two_proportion(200, 2000, 150, 2000).unwrap();
    assert!((z + 2.7978).abs() < 1e-3 && (p - 0.005145).abs() < 1e-5);
    assert!(results::two_proportion(0, 0, 1, 10).is_none());
    assert!(results::two_proportion(0, 10, 0, 10).is_none());
}

/// A base of `n` consenting contacts, an A/B campaign planned for them, and `events(i, arm)`
/// results per contact.
fn ab_base(n: usize, events: impl Fn(usize, Arm) -> Vec<&'static str>) -> Scratch {
    let mut s = Scratch::new();
    let mut csv = String::from("ID клиента;Имя;Телефон;Часовой пояс;Согласие на рассылку\n");
    for i in 0..n {
        csv.push_str(&format!("K{i};Имя;8913{i:07};Europe/Moscow;да\n"));
    }
    s.contacts(&csv);
    s.store
        .save_segment("Все", &Rule::everyone(), "", chrono::Utc::now())
        .unwrap();
    let c = Campaign::from_json(
        r#"{"name": "Тест", "channel": "whatsapp", "sleeping": null,
            "variants": [{"name": "Все", "segment": "Все", "text": "A",
                          "b": {"percent": 50, "text": "B"}}]}"#,
    )
    .unwrap();
    let p = plan::build(
        &s.store,
        &c,
        &Options {
            cap_hours: None,
            cap_week: None,
            ..Options::new(NaiveDate::from_ymd_opt(2099, 3, 1).unwrap(), None)
        },
        crate::support::unwatched(),
    )
    .unwrap();
    p.save(&mut s.store).unwrap();
    let mut text = String::from("message_id;Статус;Дата\n");
    for (i, item) in p.items.iter().enumerate() {
        for kind in events(i, item.arm) {
            text.push_str(&format!(
                "{};{kind};01.03.2099 10:05\n",
                p.message_id(item.contact_id)
            ));
        }
    }
    let file = s.file("ab.csv", &text);
    s.import(ImportKind::Events, &file);
    s
}

#[test]
fn arms_are_compared_with_a_plain_verdict_and_blocks_warn() {
    // B clicks far more often: significant.
    let s = ab_base(400, |i, arm| match (arm, i % 10) {
        (Arm::B, 0..=3) | (Arm::A, 0) => vec!["доставлено", "нажатие"],
        _ => vec!["доставлено"],
    });
    let m = results::metrics(&s.store, "Тест", Thresholds::default()).unwrap();
    assert_eq!(m.ab.len(), 1);
    assert_eq!(m.ab[0].verdict, Verdict::BBetter);
    assert!(m.ab[0].difference_pp > 20.0);
    let verdict = m.ab[0].msg().render(adresat::i18n::Lang::Ru);
    assert!(verdict.contains("значимо на уровне 95"), "{verdict}");
    assert_eq!(m.per_arm.len(), 2);
    assert!(m.warnings.is_empty());

    // Few delivered: not enough data. Blocks above 1 %: a warning naming the variant.
    let s = ab_base(40, |i, _| match i % 10 {
        0 => vec!["доставлено", "заблокировал"],
        _ => vec!["доставлено"],
    });
    let m = results::metrics(&s.store, "Тест", Thresholds::default()).unwrap();
    // Delivered means sent, even without a `sent` row.
    assert_eq!(m.total.counts.sent, 40);
    assert_eq!(m.ab[0].verdict, Verdict::NotEnoughData);
    assert_eq!(m.warnings.len(), 1);
    assert_eq!(m.warnings[0].kind, "block");
    let text = m.warnings[0].msg().render(adresat::i18n::Lang::Ru);
    assert!(text.contains("«Все»") && text.contains("10,0"), "{text}");
}

#[test]
fn the_cli_prints_results_as_json() {
    let (s, p) = base();
    let file = s.file(
        "r.csv",
        &format!(
            "message_id;Статус;Дата\n{};доставлено;01.03.2099 10:01\n",
            p.message_id(id_of(&s, "A1"))
        ),
    );
    let mut s = s;
    s.import(ImportKind::Events, &file);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_adresat"))
        .arg("--db")
        .arg(s.store.path())
        .args(["results", "Осень", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["total"]["counts"]["planned"], 4);
    assert_eq!(v["total"]["counts"]["delivered"], 1);
    assert_eq!(v["reads_reported"], true);
}

#[test]
fn the_owners_threshold_and_a_growing_sleeping_share() {
    // 10 % blocked warns at the default 1 %, not at the owner's 20 % (twice the base's average,
    // 20 %, is not exceeded either: this is the only campaign).
    let s = ab_base(40, |i, _| match i % 10 {
        0 => vec!["доставлено", "заблокировал"],
        _ => vec!["доставлено"],
    });
    s.store
        .set_setting("results.block_threshold", "20 %")
        .unwrap();
    let t = Thresholds::from_settings(&s.store).unwrap();
    assert!((t.block - 0.2).abs() < 1e-9);
    let m = results::metrics(&s.store, "Тест", t).unwrap();
    assert!(m.warnings.is_empty(), "{:?}", m.warnings);
    assert!(
        s.store
            .set_setting("results.block_threshold", "пять")
            .is_err()
    );

    // Three campaigns delivered without a reaction make A1 sleeping: the share grows.
    let (mut s, _) = base();
    let first = s.file(
        "c1.csv",
        "ID клиента;Кампания;Статус;Дата\nA1;Первая;доставлено;01.02.2099 10:00\nA2;Первая;прочитано;01.02.2099 10:00\nA2;Первая;доставлено;01.02.2099 10:00\n",
    );
    s.import(ImportKind::Events, &first);
    assert_eq!(results::sleeping_growth(&s.store).unwrap(), None);
    let more = s.file(
        "c2.csv",
        "ID клиента;Кампания;Статус;Дата\nA1;Вторая;доставлено;02.02.2099 10:00\nA1;Третья;доставлено;03.02.2099 10:00\n",
    );
    s.import(ImportKind::Events, &more);
    let (before, now) = results::sleeping_growth(&s.store).unwrap().unwrap();
    assert_eq!((before, now), (0.0, 0.5));
    let text = results::sleeping_msg(before, now).render(adresat::i18n::Lang::Ru);
    assert!(text.contains("0,0\u{a0}% → 50,0\u{a0}%"), "{text}");
}

#[test]
fn the_cli_shows_a_campaign_known_only_from_its_results() {
    let (mut s, _) = base();
    let file = s.file(
        "export.csv",
        "Customer ID,Campaign,Status,Date\n\
         A1,Рассылка из сервиса,delivered,2099-03-01 10:01\n\
         A1,Рассылка из сервиса,read,2099-03-01 11:00\n\
         A2,Рассылка из сервиса,delivered,2099-03-01 10:01\n",
    );
    s.import(ImportKind::Events, &file);
    assert!(s.store.campaign("Рассылка из сервиса").unwrap().is_none());
    let run = |name: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_adresat"))
            .arg("--db")
            .arg(s.store.path())
            .args(["--lang", "en", "results", name, "--json"])
            .output()
            .unwrap()
    };
    let out = run("Рассылка из сервиса");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["total"]["counts"]["delivered"], 2);
    assert_eq!(v["total"]["counts"]["planned"], 0);
    // A name the base does not know at all is still refused, in words.
    let out = run("Нет такой");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("neither a campaign file"));
}

/// Per arm, what a plain reading of the base's events and plan says: contacts planned, sent to
/// (`sent` or `delivered`), delivered, read, clicked, replied, unsubscribed, blocked.
fn counted_from_the_events(path: &std::path::Path, campaign: &str) -> Vec<[u64; 8]> {
    use std::collections::{HashMap, HashSet};
    let conn = rusqlite::Connection::open(path).unwrap();
    let arm_of: HashMap<i64, String> = conn
        .prepare(
            "SELECT i.contact_id, i.arm FROM plan_items i JOIN plans p ON p.id = i.plan_id
             WHERE p.campaign = ?1",
        )
        .unwrap()
        .query_map([campaign], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut seen: HashSet<(String, i64, &str)> = HashSet::new();
    let kinds = [
        "sent",
        "delivered",
        "read",
        "clicked",
        "replied",
        "unsubscribed",
        "blocked",
    ];
    let mut stmt = conn
        .prepare(
            "SELECT e.contact_id, k.name FROM events e JOIN event_kinds k ON k.id = e.kind
             JOIN event_campaigns c ON c.id = e.campaign_id WHERE c.name = ?1",
        )
        .unwrap();
    for row in stmt
        .query_map([campaign], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })
        .unwrap()
    {
        let (contact, kind) = row.unwrap();
        let arm = arm_of.get(&contact).cloned().unwrap_or_else(|| "A".into());
        let kind = kinds.iter().find(|k| **k == kind).unwrap();
        seen.insert((arm.clone(), contact, kind));
        if *kind == "delivered" {
            seen.insert((arm, contact, "sent"));
        }
    }
    ["A", "B"]
        .iter()
        .map(|arm| {
            let planned = arm_of.values().filter(|a| a == arm).count() as u64;
            let mut row = [planned, 0, 0, 0, 0, 0, 0, 0];
            for (i, kind) in kinds.iter().enumerate() {
                row[i + 1] = seen
                    .iter()
                    .filter(|(a, _, k)| a == arm && k == kind)
                    .count() as u64;
            }
            row
        })
        .collect()
}

/// Planned, sent, delivered, read, clicked, replied, unsubscribed, blocked.
fn every_count(c: &results::Counts) -> [u64; 8] {
    [
        c.planned,
        c.sent,
        c.delivered,
        c.read,
        c.clicked,
        c.replied,
        c.unsubscribed,
        c.blocked,
    ]
}

fn arm_counts(m: &results::Metrics) -> Vec<[u64; 8]> {
    m.per_arm.iter().map(|l| every_count(&l.counts)).collect()
}

#[test]
fn counts_equal_a_plain_reading_of_the_events_and_survive_the_conversion_of_an_old_base() {
    // Every kind, some twice, some contacts with nothing back.
    let s = ab_base(300, |i, _| match i % 7 {
        0 => vec!["отправлено", "доставлено", "прочитано", "нажатие"],
        1 => vec!["доставлено", "прочитано", "прочитано", "ответил"],
        2 => vec!["доставлено", "отписался"],
        3 => vec!["отправлено"],
        4 => vec!["доставлено", "заблокировал", "нажатие"],
        5 => vec![],
        _ => vec!["доставлено"],
    });
    let now = results::metrics(&s.store, "Тест", Thresholds::default()).unwrap();
    let counted = counted_from_the_events(s.store.path(), "Тест");
    assert_eq!(arm_counts(&now), counted);
    assert!(
        counted.iter().all(|arm| arm[1] > 0 && arm[7] > 0),
        "{counted:?}"
    );

    // The same base as version 10 kept it: events in words and text, no summary of who each
    // campaign reached.
    let old = s.path("old.sqlite");
    drop(adresat::store::Store::open_at_version(&old, 10).unwrap());
    let conn = rusqlite::Connection::open(&old).unwrap();
    conn.execute("ATTACH ?1 AS now", [s.store.path().to_str().unwrap()])
        .unwrap();
    conn.execute_batch(
        "INSERT INTO contacts SELECT * FROM now.contacts;
         INSERT INTO segments SELECT * FROM now.segments;
         INSERT INTO campaigns SELECT * FROM now.campaigns;
         INSERT INTO plans SELECT id, campaign, plan_date, id_prefix, snapshot, options, created_at
             FROM now.plans;
         INSERT INTO plan_items SELECT * FROM now.plan_items;
         INSERT INTO events (contact_id, campaign, message_id, kind, button, at)
             SELECT e.contact_id, c.name, e.message_id, k.name, e.button,
                    strftime('%Y-%m-%dT%H:%M:%SZ', e.at, 'unixepoch')
             FROM now.events e JOIN now.event_campaigns c ON c.id = e.campaign_id
             JOIN now.event_kinds k ON k.id = e.kind;",
    )
    .unwrap();
    drop(conn);
    let converted = adresat::store::Store::open(&old).unwrap();
    let then = results::metrics(&converted, "Тест", Thresholds::default()).unwrap();
    assert_eq!(then, now);
    assert_eq!(
        results::campaigns(&converted).unwrap(),
        results::campaigns(&s.store).unwrap()
    );
    // A contact's card lists the same events, with their moments (K0, the first imported,
    // got four).
    let card = |store: &adresat::store::Store| store.contact_card(1).unwrap().unwrap();
    let (was, is) = (card(&s.store), card(&converted));
    assert!(!is.events.is_empty());
    assert_eq!(is.events, was.events);
}
