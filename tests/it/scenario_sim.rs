//! Thirty days of a small shop: contacts with and without consent in three time zones, site
//! activity and orders arriving day by day, the sending service's results fed back by a simple
//! model of reactions, a broadcast campaign every week, and the scenarios run once a day. An
//! independent checker, reading only the exported files and the files given to the base,
//! verifies the rules of DESIGN.md ("Scenario", "Caps count messages, once").

use std::collections::{BTreeMap, HashMap};

use adresat::import::ImportKind;
use adresat::plan::export::{self, Format, Target};
use adresat::scenario::run::{self, RunOptions};
use chrono::{DateTime, Duration, TimeZone, Timelike, Utc};
use chrono_tz::Tz;

use crate::support::{Scratch, unwatched};

const CONTACTS: usize = 120;
const DAYS: i64 = 30;
/// The number's tier, small enough to bind on a shop this size.
const TIER: usize = 40;
const MOSCOW: Tz = chrono_tz::Europe::Moscow;

/// A planned message as the exported file has it.
#[derive(Debug, Clone)]
struct Sent {
    id: String,
    contact: usize,
    campaign: String,
    step: usize,
    at: DateTime<Utc>,
    tz: Tz,
    /// The day of the run (or campaign plan) that wrote it.
    day: i64,
}

/// Something that happened — an activity's kind or a result's status word —, when, and the day
/// the base was given it.
type Happened = (&'static str, DateTime<Utc>, i64);

/// What the checker knows: everything given to the base, with the day it was imported.
#[derive(Default)]
struct Inputs {
    /// Contact → (kind, moment, day imported).
    activity: HashMap<usize, Vec<Happened>>,
    orders: HashMap<usize, Vec<(DateTime<Utc>, i64)>>,
    /// Message id → (status word, moment, day imported).
    results: HashMap<String, Vec<Happened>>,
    consent: Vec<bool>,
    sent: Vec<Sent>,
}

/// The run's (or plan's) moment of day `d`: 12:00 Moscow, from 1 November 2026.
fn noon(d: i64) -> DateTime<Utc> {
    let first = MOSCOW.with_ymd_and_hms(2026, 11, 1, 12, 0, 0).unwrap();
    (first + Duration::days(d)).with_timezone(&Utc)
}

fn phone(i: usize) -> String {
    format!("+7912{:07}", 1000 + i)
}

fn shop(inputs: &mut Inputs) -> Scratch {
    let mut s = Scratch::new();
    let cities = ["Москва", "Екатеринбург", "Новосибирск"];
    let mut csv = String::from("Телефон;Имя;Город;Согласие на рассылку;Дата согласия\n");
    for i in 0..CONTACTS {
        let yes = i % 10 != 0;
        inputs.consent.push(yes);
        let consent = if yes { "да" } else { "нет" };
        csv.push_str(&format!(
            "{};Имя{i};{};{consent};01.01.2026\n",
            phone(i),
            cities[i % 3]
        ));
    }
    s.contacts(&csv);
    for name in [
        "Брошенная корзина",
        "Смотрел, но не купил",
        "Давно не покупал",
    ] {
        let preset = adresat::scenario::presets()
            .into_iter()
            .find(|p| p.name == name)
            .unwrap();
        adresat::scenario::save(&s.store, &preset, None, Utc::now()).unwrap();
    }
    let everyone = adresat::segment::Rule::from_json(
        r#"{"version": 1, "mode": "all", "items": [{"type": "consent", "is": "yes"}]}"#,
    )
    .unwrap();
    s.store
        .save_segment("Согласные", &everyone, "", Utc::now())
        .unwrap();
    // The tier is a setting an owner picks from the messenger's steps; a shop this size needs a
    // smaller one for the limit to bind, so it is written straight into the base.
    let conn = rusqlite::Connection::open(s.store.path()).unwrap();
    conn.execute(
        "INSERT INTO settings (key, value) VALUES ('plan.whatsapp_tier', ?1)",
        [TIER.to_string()],
    )
    .unwrap();
    // Orders a month and more ago, so "no order for 30 days" fires during the simulation.
    let mut orders = String::from("Телефон;Номер заказа;Дата;Сумма\n");
    for i in (0..CONTACTS).step_by(4) {
        let at = noon(-(20 + (i as i64 % 15)));
        orders.push_str(&format!("{};OLD-{i};{};1990\n", phone(i), iso(at)));
        inputs.orders.entry(i).or_default().push((at, -1));
    }
    let file = s.file("old-orders.csv", &orders);
    s.import(ImportKind::Orders, &file);
    s
}

fn iso(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:00Z").to_string()
}

/// Day `d`'s site activity and orders: views and carts between 09:00 and 23:00 Moscow, some
/// carts bought a few hours later.
fn day_of_shop(s: &mut Scratch, rng: &mut fastrand::Rng, inputs: &mut Inputs, d: i64) {
    let start = noon(d) - Duration::hours(3);
    let mut activity = String::from("Телефон;Событие;Товар;Стоимость;Дата\n");
    let mut orders = String::from("Телефон;Номер заказа;Дата;Сумма\n");
    for _ in 0..rng.usize(8..16) {
        let i = rng.usize(0..CONTACTS);
        let (kind, word) = match rng.u8(0..10) {
            0..4 => ("carted", "добавил в корзину"),
            _ => ("viewed", "просмотр товара"),
        };
        let at = start + Duration::minutes(rng.i64(0..14 * 60));
        activity.push_str(&format!("{};{word};Туфли;4990;{}\n", phone(i), iso(at)));
        inputs
            .activity
            .entry(i)
            .or_default()
            .push((kind, at, d + 1));
        // Some carts are bought a few hours later, before the file reaches the base.
        let bought = at + Duration::hours(rng.i64(3..20));
        if kind == "carted" && rng.u8(0..10) < 3 && bought < noon(d + 1) {
            orders.push_str(&format!("{};D{d}-{i};{};4990\n", phone(i), iso(bought)));
            inputs.orders.entry(i).or_default().push((bought, d + 1));
        }
    }
    // Today's activity is imported on the next day's run (it happens after today's noon).
    let file = s.file(&format!("activity-{d}.csv"), &activity);
    s.import(ImportKind::Events, &file);
    let file = s.file(&format!("orders-{d}.csv"), &orders);
    s.import(ImportKind::Orders, &file);
}

/// The service's results for every message sent before day `d`'s noon and not yet reported:
/// delivered, then read, a click, a reply or an unsubscribe now and then.
fn results(s: &mut Scratch, rng: &mut fastrand::Rng, inputs: &mut Inputs, d: i64) {
    let now = noon(d);
    let mut text = String::from("message_id;Статус;Дата;Кнопка\n");
    for m in inputs
        .sent
        .iter()
        .filter(|m| m.at + Duration::hours(1) <= now)
    {
        if inputs.results.contains_key(&m.id) {
            continue;
        }
        let mut rows = vec![("доставлено", m.at + Duration::minutes(1), "")];
        match rng.u8(0..20) {
            0..8 => rows.push(("прочитано", m.at + Duration::minutes(30), "")),
            8 => rows.push(("нажал кнопку", m.at + Duration::minutes(40), "Не интересно")),
            9 => rows.push(("ответил", m.at + Duration::minutes(50), "")),
            10 => rows.push(("отписался", m.at + Duration::minutes(55), "")),
            _ => {}
        }
        let log = inputs.results.entry(m.id.clone()).or_default();
        for (word, at, button) in rows {
            text.push_str(&format!("{};{word};{};{button}\n", m.id, iso(at)));
            log.push((word, at, d));
        }
    }
    let file = s.file(&format!("results-{d}.csv"), &text);
    s.import(ImportKind::Events, &file);
}

/// The messages of an exported file (the `adresat` profile).
fn read_plan(path: &std::path::Path, day: i64) -> Vec<Sent> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    let head: Vec<&str> = lines.next().unwrap().split(';').collect();
    let col = |name: &str| head.iter().position(|h| *h == name).unwrap();
    let [id, contact, campaign, variant, at, tz] = [
        "message_id",
        "contact_id",
        "campaign",
        "variant",
        "send_at_utc",
        "time_zone",
    ]
    .map(col);
    lines
        .map(|l| {
            let c: Vec<&str> = l.split(';').collect();
            let step: String = c[variant].chars().filter(char::is_ascii_digit).collect();
            Sent {
                id: c[id].to_owned(),
                // Contact ids are the import's order, from 1.
                contact: c[contact].parse::<usize>().unwrap() - 1,
                campaign: c[campaign].to_owned(),
                step: step.parse().unwrap_or(1),
                at: c[at].parse().unwrap(),
                tz: c[tz].parse().unwrap(),
                day,
            }
        })
        .collect()
}

fn target(s: &Scratch, name: &str) -> Target {
    Target::new(
        &s.path(name),
        Format::Csv { separator: b';' },
        adresat::i18n::Lang::Ru,
    )
}

/// The weekly broadcast: everyone consenting, at 15:00 their time on day `d`.
fn campaign(s: &mut Scratch, d: i64) -> Vec<Sent> {
    let campaign = adresat::campaign::Campaign::from_json(
        r#"{"name": "Акция недели", "channel": "whatsapp", "sleeping": null,
            "variants": [{"name": "Все", "segment": "Согласные", "text": "Акция!"}]}"#,
    )
    .unwrap();
    let mut options = adresat::plan::Options::from_settings(
        &s.store,
        noon(d).with_timezone(&MOSCOW).date_naive(),
    )
    .unwrap();
    options.timing = adresat::plan::Timing::At(adresat::plan::TimeOfDay::new(15, 0));
    let task = adresat::model::task::Task::unwatched(noon(d) - Duration::minutes(5));
    let plan = adresat::plan::build(&s.store, &campaign, &options, task).unwrap();
    let file = format!("campaign-{d}.csv");
    export::save_and_export(&s.store, &plan, &target(s, &file), unwatched()).unwrap();
    read_plan(&s.path(&file), d)
}

#[test]
fn thirty_days_of_a_shop_keep_every_rule() {
    let mut inputs = Inputs::default();
    let mut s = shop(&mut inputs);
    let mut rng = fastrand::Rng::with_seed(30);
    let mut planned = 0;
    for d in 0..DAYS {
        if d > 0 {
            day_of_shop(&mut s, &mut rng, &mut inputs, d - 1);
        }
        results(&mut s, &mut rng, &mut inputs, d);
        if d % 7 == 3 {
            let sent = campaign(&mut s, d);
            inputs.sent.extend(sent);
        }
        let options = RunOptions {
            now: noon(d),
            until: noon(d + 1),
            names: Vec::new(),
        };
        let made = run::plan_run(&s.store, &options, unwatched()).unwrap();
        let file = format!("run-{d}.csv");
        run::save_and_export(&s.store, &made, &target(&s, &file), unwatched()).unwrap();
        let sent = read_plan(&s.path(&file), d);
        planned += sent.len();
        inputs.sent.extend(sent);
        if d % 10 == 5 {
            // The same window again plans nothing new.
            let again = run::plan_run(&s.store, &options, unwatched()).unwrap();
            assert_eq!(again.messages(), 0, "day {d}");
        }
    }
    let mut tally: BTreeMap<(String, usize), usize> = BTreeMap::new();
    for m in &inputs.sent {
        *tally.entry((m.campaign.clone(), m.step)).or_default() += 1;
    }
    check(&inputs);
    // Every chain had its say: both cart steps, the view, the win-back, the weekly broadcast.
    assert!(planned > 40, "only {planned} scenario messages in 30 days");
    for chain in [
        ("Брошенная корзина", 1),
        ("Брошенная корзина", 2),
        ("Смотрел, но не купил", 1),
        ("Давно не покупал", 1),
        ("Акция недели", 1),
    ] {
        let n = tally
            .get(&(chain.0.to_owned(), chain.1))
            .copied()
            .unwrap_or(0);
        assert!(n > 0, "no {chain:?} in {tally:?}");
    }
}

/// The rules, from the files alone.
fn check(inputs: &Inputs) {
    let scenario: Vec<&Sent> = inputs
        .sent
        .iter()
        .filter(|m| m.campaign != "Акция недели")
        .collect();
    for m in &inputs.sent {
        check_reachable(inputs, m);
        let local = m.at.with_timezone(&m.tz);
        assert!(
            (9..21).contains(&local.hour()),
            "quiet hours: {m:?} at {local}"
        );
    }
    check_caps_and_tier(inputs);
    let mut per_chain: BTreeMap<(usize, &str), Vec<&Sent>> = BTreeMap::new();
    for m in &scenario {
        per_chain
            .entry((m.contact, m.campaign.as_str()))
            .or_default()
            .push(m);
    }
    for ((contact, name), mut messages) in per_chain {
        messages.sort_by_key(|m| m.at);
        let (kind, delay, cooldown) = match name {
            "Брошенная корзина" => (Some("carted"), 2, 7),
            "Смотрел, но не купил" => (Some("viewed"), 3, 14),
            _ => (None, 0, 30),
        };
        let firsts: Vec<&&Sent> = messages.iter().filter(|m| m.step == 1).collect();
        for pair in firsts.windows(2) {
            // Entered again only after the cool-down: the triggers are at most the expiry and
            // delay apart from their first steps.
            let gap = pair[1].at - pair[0].at;
            assert!(
                gap >= Duration::days(cooldown) - Duration::hours(26),
                "{name}: {gap}"
            );
        }
        for m in &messages {
            if let (1, Some(kind)) = (m.step, kind) {
                // A trigger of the kind between the expiry and the delay before it, with no
                // reply (which ends every chain) and no order the base knew of after it.
                let mut stops = known_stops(inputs, contact, m.day, &["ответил"]);
                stops.extend(known_orders(inputs, contact, m.day));
                let triggers = &inputs.activity[&contact];
                assert!(
                    triggers.iter().any(|(k, at, _)| *k == kind
                        && *at + Duration::hours(delay) <= m.at
                        && m.at <= *at + Duration::hours(delay + 24)
                        && stops.iter().all(|r| r <= at)),
                    "{name} step 1 without its trigger, or after a reply or an order: {m:?}"
                );
            }
        }
        check_second_steps(inputs, contact, &messages);
    }
}

/// Consent, and nobody messaged once an unsubscribe was in the base.
fn check_reachable(inputs: &Inputs, m: &Sent) {
    assert!(inputs.consent[m.contact], "no consent: {m:?}");
    let unsubscribed = known_stops(inputs, m.contact, m.day, &["отписался"]);
    assert!(
        unsubscribed.is_empty(),
        "messaged after an unsubscribe: {m:?}"
    );
}

/// The moments of the contact's events with one of `words` the base had by day `day`'s run.
fn known_stops(inputs: &Inputs, contact: usize, day: i64, words: &[&str]) -> Vec<DateTime<Utc>> {
    inputs
        .sent
        .iter()
        .filter(|o| o.contact == contact)
        .filter_map(|o| inputs.results.get(&o.id))
        .flatten()
        .filter(|(w, at, d)| words.contains(w) && *d <= day && *at < noon(day))
        .map(|(_, at, _)| *at)
        .collect()
}

/// The moments of the contact's orders the base had by day `day`'s run.
fn known_orders(inputs: &Inputs, contact: usize, day: i64) -> Vec<DateTime<Utc>> {
    inputs.orders.get(&contact).map_or(Vec::new(), |o| {
        o.iter()
            .filter(|(at, d)| *d <= day && *at < noon(day))
            .map(|(at, _)| *at)
            .collect()
    })
}

/// At most one message per 24 hours and three per 7 days to anyone; at most the tier in any
/// rolling 24 hours — campaigns and scenarios together.
fn check_caps_and_tier(inputs: &Inputs) {
    let mut by_contact: HashMap<usize, Vec<DateTime<Utc>>> = HashMap::new();
    for m in &inputs.sent {
        by_contact.entry(m.contact).or_default().push(m.at);
    }
    for (contact, mut times) in by_contact {
        times.sort();
        for w in times.windows(2) {
            assert!(
                w[1] - w[0] >= Duration::hours(24),
                "cap: contact {contact} {w:?}"
            );
        }
        for w in times.windows(4) {
            assert!(
                w[3] - w[0] >= Duration::days(7),
                "weekly cap: contact {contact} {w:?}"
            );
        }
    }
    let mut all: Vec<DateTime<Utc>> = inputs.sent.iter().map(|m| m.at).collect();
    all.sort();
    let mut start = 0;
    for end in 0..all.len() {
        while all[end] - all[start] >= Duration::hours(24) {
            start += 1;
        }
        assert!(
            end - start < TIER,
            "tier: {} in 24 h from {}",
            end - start + 1,
            all[start]
        );
    }
}

/// A cart's second step: once per chain, after the next morning's 10:00 and within its 48 hours,
/// only when its first step was delivered without a reaction known when it was planned, and
/// never after an order that followed the first step.
fn check_second_steps(inputs: &Inputs, contact: usize, messages: &[&Sent]) {
    for (i, m) in messages.iter().enumerate().filter(|(_, m)| m.step == 2) {
        assert_eq!(m.campaign, "Брошенная корзина", "{m:?}");
        let first = messages[..i]
            .iter()
            .rev()
            .find(|p| p.step == 1)
            .expect("step 1 before 2");
        assert!(
            !messages[..i].iter().any(|p| p.step == 2 && p.at > first.at),
            "step 2 twice in one chain: {m:?}"
        );
        let local = first.at.with_timezone(&first.tz).date_naive() + Duration::days(1);
        let due = first
            .tz
            .from_local_datetime(&local.and_hms_opt(10, 0, 0).unwrap())
            .unwrap();
        assert!(
            m.at >= due && m.at <= due + Duration::hours(48),
            "step 2 out of time: {m:?}"
        );
        let known: Vec<&str> = inputs.results[&first.id]
            .iter()
            .filter(|(_, _, day)| *day <= m.day)
            .map(|(w, _, _)| *w)
            .collect();
        assert!(
            known.contains(&"доставлено"),
            "step 2 without results: {m:?}"
        );
        assert!(
            !known
                .iter()
                .any(|w| matches!(*w, "прочитано" | "нажал кнопку" | "ответил")),
            "step 2 after a reaction: {m:?} {known:?}"
        );
        let bought = known_orders(inputs, contact, m.day)
            .iter()
            .any(|at| *at > first.at);
        assert!(!bought, "step 2 after an order: {m:?}");
        let replied = known_stops(inputs, contact, m.day, &["ответил"]);
        assert!(
            replied.iter().all(|r| *r < first.at),
            "step 2 after a reply: {m:?}"
        );
    }
}
