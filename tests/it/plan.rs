//! Send plans: local times through DST, quiet hours, moments already past, caps against earlier
//! plans and sends, the rolling 24-hour limit and its spill by priority, Telegram pacing, one
//! exclusion reason each, and exports read back.

use adresat::campaign::{Arm, Campaign, Exclusion};
use adresat::import::ImportKind;
use adresat::plan::export::{self, Format, Target};
use adresat::plan::{self, Options, Plan, Priority, Reason, Span, TimeOfDay, Timing};
use adresat::segment::Rule;
use chrono::{NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

use crate::support::Scratch;

pub(crate) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(crate) fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> i64 {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0)
        .unwrap()
        .timestamp()
}

pub(crate) fn campaign(channel: &str) -> Campaign {
    Campaign::from_json(&format!(
        r#"{{"name": "Зима", "channel": "{channel}", "sleeping": null,
            "variants": [
              {{"name": "VIP", "segment": "VIP", "text": "{{{{first_name|Друг}}}}, для вас особое!"}},
              {{"name": "Все", "segment": "Все", "text": "{{{{first_name|Друг}}}}, в {{{{city}}}} скидки"}}
            ]}}"#
    ))
    .unwrap()
}

/// Contacts in zones with and without daylight saving; A7 never consented, A8 unsubscribed,
/// A9 has no phone, only Telegram.
pub(crate) fn base() -> Scratch {
    let mut s = Scratch::new();
    s.contacts(
        "ID клиента;ФИО;Телефон;Telegram;Город;Часовой пояс;Согласие на рассылку;Статус;Теги\n\
         A1;Анна;89120000001;;Москва;Europe/Moscow;да;;vip\n\
         A2;Борис;89120000002;;Берлин;Europe/Berlin;да;;\n\
         A3;Вера;89120000003;;Новосибирск;Asia/Novosibirsk;да;;vip\n\
         A4;Глеб;89120000004;;Калининград;Europe/Kaliningrad;да;;\n\
         A5;Дина;89120000005;;Петропавловск;Asia/Kamchatka;да;;\n\
         A6;Егор;89120000006;;Омск;Asia/Omsk;да;;\n\
         A7;Жанна;89120000007;;Москва;Europe/Moscow;нет;;\n\
         A8;Зоя;89120000008;;Москва;Europe/Moscow;да;отписался;\n\
         A9;Илья;;@ilya;Москва;Europe/Moscow;да;;\n",
    );
    s.store
        .save_segment("Все", &Rule::everyone(), "", chrono::Utc::now())
        .unwrap();
    s.store
        .save_segment(
            "VIP",
            &Rule::from_json(
                r#"{"version":1,"mode":"all","items":[{"type":"tags","op":"has","tags":["vip"]}]}"#,
            )
            .unwrap(),
            "",
            chrono::Utc::now(),
        )
        .unwrap();
    s
}

pub(crate) fn id_of(s: &Scratch, ext: &str) -> i64 {
    s.store
        .find_contact(&adresat::store::ContactKey::own(ext))
        .unwrap()
        .unwrap()
}

pub(crate) fn make(s: &Scratch, c: &Campaign, o: &Options, now: i64) -> Plan {
    plan::build(
        &s.store,
        c,
        o,
        adresat::model::task::Task::unwatched(chrono::DateTime::from_timestamp(now, 0).unwrap()),
    )
    .unwrap()
}

fn at(plan: &Plan, s: &Scratch, ext: &str) -> i64 {
    let id = id_of(s, ext);
    plan.items
        .iter()
        .find(|p| p.contact_id == id)
        .unwrap()
        .send_at
}

pub(crate) fn no_caps(date: NaiveDate) -> Options {
    Options {
        cap_hours: None,
        cap_week: None,
        ..Options::new(date, None)
    }
}

#[test]
fn ten_oclock_is_each_contacts_own_through_daylight_saving() {
    let s = base();
    let c = campaign("whatsapp");
    // Winter: Berlin is UTC+1, Moscow +3, Novosibirsk +7, Kamchatka +12.
    let winter = make(&s, &c, &no_caps(date(2027, 1, 15)), utc(2027, 1, 1, 0, 0));
    assert_eq!(at(&winter, &s, "A1"), utc(2027, 1, 15, 7, 0));
    assert_eq!(at(&winter, &s, "A2"), utc(2027, 1, 15, 9, 0));
    assert_eq!(at(&winter, &s, "A3"), utc(2027, 1, 15, 3, 0));
    assert_eq!(at(&winter, &s, "A5"), utc(2027, 1, 14, 22, 0));
    // Summer: Berlin moves to UTC+2; the Russian zones do not move.
    let summer = make(&s, &c, &no_caps(date(2027, 7, 15)), utc(2027, 1, 1, 0, 0));
    assert_eq!(at(&summer, &s, "A2"), utc(2027, 7, 15, 8, 0));
    assert_eq!(at(&summer, &s, "A1"), utc(2027, 7, 15, 7, 0));
}

#[test]
fn a_time_in_the_spring_gap_moves_forward_and_the_autumn_repeat_takes_the_first() {
    let berlin: Tz = "Europe/Berlin".parse().unwrap();
    // 28 March 2027: 02:00 CET jumps to 03:00 CEST; 02:30 does not exist.
    let gap = date(2027, 3, 28).and_hms_opt(2, 30, 0).unwrap();
    assert_eq!(
        plan::resolve(berlin, gap).timestamp(),
        utc(2027, 3, 28, 1, 30)
    );
    // 31 October 2027: 02:30 happens twice; the first is still CEST (UTC+2).
    let twice = date(2027, 10, 31).and_hms_opt(2, 30, 0).unwrap();
    assert_eq!(
        plan::resolve(berlin, twice).timestamp(),
        utc(2027, 10, 31, 0, 30)
    );
    // Through the plan: 02:30 with no quiet hours on the gap day.
    let s = base();
    let o = Options {
        timing: Timing::At(TimeOfDay::new(2, 30)),
        quiet: None,
        ..no_caps(date(2027, 3, 28))
    };
    let p = make(&s, &campaign("whatsapp"), &o, utc(2027, 1, 1, 0, 0));
    assert_eq!(at(&p, &s, "A2"), utc(2027, 3, 28, 1, 30));
}

#[test]
fn quiet_hours_across_midnight_move_a_send_to_their_end() {
    let moscow: Tz = "Europe/Moscow".parse().unwrap();
    let quiet = Span::parse("21:00-09:00").unwrap();
    let late = plan::send_moment(
        moscow,
        date(2027, 2, 1),
        chrono::NaiveTime::from_hms_opt(22, 30, 0).unwrap(),
        Some(quiet),
    );
    assert_eq!(late.timestamp(), utc(2027, 2, 2, 6, 0)); // 09:00 the next morning
    let early = plan::send_moment(
        moscow,
        date(2027, 2, 1),
        chrono::NaiveTime::from_hms_opt(3, 0, 0).unwrap(),
        Some(quiet),
    );
    assert_eq!(early.timestamp(), utc(2027, 2, 1, 6, 0)); // 09:00 the same morning
    // A daytime quiet span, and no quiet hours at all.
    let lunch = Span::parse("13:00–14:00").unwrap();
    assert!(lunch.contains(chrono::NaiveTime::from_hms_opt(13, 30, 0).unwrap()));
    assert!(!lunch.contains(chrono::NaiveTime::from_hms_opt(14, 0, 0).unwrap()));
    assert!(Span::parse("9-18").is_ok() && Span::parse("25:00-09:00").is_err());
}

#[test]
fn a_moment_already_past_moves_to_the_next_day() {
    let s = base();
    // Planned at 12:00 UTC on the day: 10:00 Moscow (07:00 UTC) is past, 10:00 Berlin is not.
    let p = make(
        &s,
        &campaign("whatsapp"),
        &no_caps(date(2027, 1, 15)),
        utc(2027, 1, 15, 8, 30),
    );
    assert_eq!(at(&p, &s, "A1"), utc(2027, 1, 16, 7, 0));
    assert_eq!(at(&p, &s, "A2"), utc(2027, 1, 15, 9, 0));
}

#[test]
fn everyone_in_the_segments_is_planned_or_excluded_once() {
    let s = base();
    let p = make(
        &s,
        &campaign("whatsapp"),
        &no_caps(date(2027, 1, 15)),
        utc(2027, 1, 1, 0, 0),
    );
    let summary = p.summary(chrono_tz::Europe::Moscow);
    assert_eq!(summary.segments_size, 9);
    let excluded: u64 = summary.excluded.iter().map(|(_, n)| n).sum();
    assert_eq!(summary.planned + excluded, 9);
    let count = |r: Reason| summary.excluded.iter().find(|(x, _)| *x == r).unwrap().1;
    assert_eq!(count(Reason::Audience(Exclusion::NoConsent)), 1);
    assert_eq!(count(Reason::Audience(Exclusion::Unsubscribed)), 1);
    assert_eq!(count(Reason::Audience(Exclusion::OtherChannel)), 1);
    // VIPs get the first variant; nobody is planned twice.
    assert_eq!(summary.per_variant[0], ("VIP".to_owned(), Arm::A, 2));
    let mut ids: Vec<i64> = p.items.iter().map(|i| i.contact_id).collect();
    ids.dedup();
    assert_eq!(ids.len(), 6);
    // Message ids are stable: the same plan made again gives the same ones.
    let again = make(
        &s,
        &campaign("whatsapp"),
        &no_caps(date(2027, 1, 15)),
        utc(2027, 1, 2, 0, 0),
    );
    assert_eq!(p.message_id(5), again.message_id(5));
    assert!(p.message_id(5).ends_with("-20270115-5"));
}

#[test]
fn caps_count_earlier_plans_and_sent_events() {
    let mut s = base();
    let day = date(2027, 1, 15);
    // An earlier plan of another campaign the same morning caps everyone it holds.
    let mut other = campaign("whatsapp");
    other.name = "Осень".into();
    let first = make(&s, &other, &no_caps(day), utc(2027, 1, 1, 0, 0));
    first.save(&mut s.store).unwrap();
    let o = Options::new(day, None); // caps 24 h and 3 a week
    let p = make(&s, &campaign("whatsapp"), &o, utc(2027, 1, 1, 0, 0));
    assert!(p.items.is_empty());
    assert!(p.left.iter().filter(|l| l.reason == Reason::Capped).count() == 6);
    // Made again, a plan does not cap itself: the campaign's own plan for the day is replaced.
    first.save(&mut s.store).unwrap();
    let again = make(&s, &other, &o, utc(2027, 1, 1, 0, 0));
    assert_eq!(again.items.len(), 6);

    // Three sends in the week before cap A1 a week later; two do not cap A2.
    let events = s.file(
        "events.csv",
        "ID клиента;Кампания;Событие;Дата\n\
         A1;Старая;sent;19.01.2027 10:00\nA1;Старая;sent;17.01.2027 10:00\nA1;Старая;sent;20.01.2027 10:00\n\
         A2;Старая;sent;19.01.2027 10:00\nA2;Старая;sent;20.01.2027 10:00\n",
    );
    s.import(ImportKind::Events, &events);
    let o = Options {
        cap_hours: Some(24),
        cap_week: Some(3),
        ..Options::new(date(2027, 1, 22), None)
    };
    let p = make(&s, &campaign("whatsapp"), &o, utc(2027, 1, 1, 0, 0));
    let capped: Vec<i64> = p
        .left
        .iter()
        .filter(|l| l.reason == Reason::Capped)
        .map(|l| l.contact_id)
        .collect();
    assert_eq!(capped, vec![id_of(&s, "A1")]);
}

#[test]
fn a_planned_message_and_its_send_events_count_once_against_the_caps() {
    let mut s = base();
    let mut first = campaign("whatsapp");
    first.name = "Осень".into();
    let earlier = make(
        &s,
        &first,
        &no_caps(date(2027, 1, 15)),
        utc(2027, 1, 1, 0, 0),
    );
    earlier.save(&mut s.store).unwrap();
    // The planned message to A1 comes back sent and delivered by its id, A2's by contact and
    // campaign: each is the plan's one message. A3 and A4 also got a message of a campaign no
    // plan holds: sent and delivered (one message), or only delivered (one message).
    let a1 = earlier.message_id(id_of(&s, "A1"));
    let events = s.file(
        "results.csv",
        &format!(
            "message_id;ID клиента;Кампания;Событие;Дата\n\
             {a1};;;sent;15.01.2027 10:00\n{a1};;;delivered;15.01.2027 10:01\n\
             ;A2;Осень;sent;15.01.2027 10:00\n;A2;Осень;delivered;15.01.2027 10:01\n\
             ;A3;Старая;sent;16.01.2027 12:00\n;A3;Старая;delivered;16.01.2027 12:01\n\
             ;A4;Старая;delivered;16.01.2027 12:01\n"
        ),
    );
    let report = s.import(ImportKind::Events, &events);
    assert_eq!(report.rejects.len(), 0, "{:?}", report.rejects);
    let capped_by = |s: &Scratch, week: u32| -> Vec<i64> {
        let o = Options {
            cap_hours: None,
            cap_week: Some(week),
            ..Options::new(date(2027, 1, 18), None)
        };
        let p = make(s, &campaign("whatsapp"), &o, utc(2027, 1, 1, 0, 0));
        p.left
            .iter()
            .filter(|l| l.reason == Reason::Capped)
            .map(|l| l.contact_id)
            .collect()
    };
    // A cap of two: only A3 and A4 had two messages (the plan's and the other campaign's).
    let mut two = capped_by(&s, 2);
    two.sort();
    assert_eq!(two, vec![id_of(&s, "A3"), id_of(&s, "A4")]);
    // A cap of three: nobody had three.
    assert_eq!(capped_by(&s, 3), Vec::<i64>::new());
}

/// The most messages in any 24 hours, counted by brute force.
fn busiest_day(moments: &[i64]) -> usize {
    moments
        .iter()
        .map(|start| {
            moments
                .iter()
                .filter(|t| **t >= *start && **t < start + 86_400)
                .count()
        })
        .max()
        .unwrap_or(0)
}

#[test]
fn the_rolling_limit_holds_in_every_window_and_the_first_variant_goes_first() {
    let mut s = base();
    let o = Options {
        daily_limit: Some(2),
        priority: Priority::Variant,
        ..no_caps(date(2027, 1, 15))
    };
    let p = make(&s, &campaign("whatsapp"), &o, utc(2027, 1, 1, 0, 0));
    assert_eq!(p.items.len(), 6);
    let moments: Vec<i64> = p.items.iter().map(|i| i.send_at).collect();
    assert!(busiest_day(&moments) <= 2, "{moments:?}");
    assert_eq!(p.fullest_window, Some(2));
    // The two VIPs (first variant) go on the plan's day; the rest move later.
    assert_eq!(at(&p, &s, "A1"), utc(2027, 1, 15, 7, 0));
    assert_eq!(at(&p, &s, "A3"), utc(2027, 1, 15, 3, 0));
    assert!(p.items.iter().filter(|i| i.moved).count() >= 3);
    p.save(&mut s.store).unwrap();

    // A second campaign the same days counts the first plan's messages in its windows.
    let mut next = campaign("whatsapp");
    next.name = "Весна".into();
    let q = make(&s, &next, &o, utc(2027, 1, 1, 0, 0));
    let all: Vec<i64> = moments
        .iter()
        .copied()
        .chain(q.items.iter().map(|i| i.send_at))
        .collect();
    assert!(busiest_day(&all) <= 2);
    assert!(q.items.iter().all(|i| i.send_at > utc(2027, 1, 15, 0, 0)));
}

#[test]
fn telegram_sends_at_most_thirty_a_second() {
    let mut s = Scratch::new();
    let mut csv =
        String::from("ID клиента;Имя;Telegram chat id;Часовой пояс;Согласие на рассылку\n");
    for i in 0..95 {
        csv.push_str(&format!("T{i};Имя{i};{};Europe/Moscow;да\n", 700_000 + i));
    }
    s.contacts(&csv);
    s.store
        .save_segment("Все", &Rule::everyone(), "", chrono::Utc::now())
        .unwrap();
    s.store
        .save_segment(
            "VIP",
            &Rule::from_json(r#"{"version":1,"mode":"none","items":[]}"#).unwrap(),
            "",
            chrono::Utc::now(),
        )
        .unwrap();
    let p = make(
        &s,
        &campaign("telegram"),
        &no_caps(date(2027, 1, 15)),
        utc(2027, 1, 1, 0, 0),
    );
    assert_eq!(p.items.len(), 95);
    let mut per_second = std::collections::HashMap::new();
    for i in &p.items {
        *per_second.entry(i.send_at).or_insert(0) += 1;
    }
    assert!(per_second.values().all(|n| *n <= 30));
    assert_eq!(per_second.len(), 4);
    assert_eq!(
        p.items.iter().map(|i| i.send_at).min().unwrap(),
        utc(2027, 1, 15, 7, 0)
    );
}

#[test]
fn a_window_spreads_each_zones_recipients_evenly() {
    let s = base();
    let o = Options {
        timing: Timing::Window(Span::parse("10:00-12:00").unwrap()),
        ..no_caps(date(2027, 1, 15))
    };
    let p = make(&s, &campaign("whatsapp"), &o, utc(2027, 1, 1, 0, 0));
    // Moscow has one recipient (A1): the window's start. Every send is inside 10:00–12:00 local.
    assert_eq!(at(&p, &s, "A1"), utc(2027, 1, 15, 7, 0));
    for i in &p.items {
        let local = chrono::DateTime::from_timestamp(i.send_at, 0)
            .unwrap()
            .with_timezone(&i.tz);
        let h = chrono::Timelike::hour(&local);
        assert!((10..12).contains(&h), "{local}");
    }

    // Sixty recipients in one zone over an hour: one a minute, 10:00 to 10:59.
    let mut many = Scratch::new();
    let mut csv = String::from("ID клиента;Имя;Телефон;Часовой пояс;Согласие на рассылку\n");
    for i in 0..60 {
        csv.push_str(&format!("M{i};Имя{i};8912100{i:04};Europe/Moscow;да\n"));
    }
    many.contacts(&csv);
    many.store
        .save_segment("Все", &Rule::everyone(), "", chrono::Utc::now())
        .unwrap();
    many.store
        .save_segment(
            "VIP",
            &Rule::from_json(r#"{"version":1,"mode":"none","items":[]}"#).unwrap(),
            "",
            chrono::Utc::now(),
        )
        .unwrap();
    let o = Options {
        timing: Timing::Window(Span::parse("10:00-11:00").unwrap()),
        ..no_caps(date(2027, 1, 15))
    };
    let p = make(&many, &campaign("whatsapp"), &o, utc(2027, 1, 1, 0, 0));
    let mut moments: Vec<i64> = p.items.iter().map(|i| i.send_at).collect();
    moments.sort_unstable();
    let expected: Vec<i64> = (0..60).map(|m| utc(2027, 1, 15, 7, 0) + m * 60).collect();
    assert_eq!(moments, expected);
}

fn read_csv(path: &std::path::Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "UTF-8 with BOM");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(&bytes[3..]);
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn exports_read_back_the_same_in_csv_xlsx_and_json_lines() {
    use calamine::Reader;
    let s = base();
    let p = make(
        &s,
        &campaign("whatsapp"),
        &no_caps(date(2027, 1, 15)),
        utc(2027, 1, 1, 0, 0),
    );
    let csv_path = s.dir.path().join("plan.csv");
    let target = Target::new(
        &csv_path,
        Format::Csv { separator: b';' },
        adresat::i18n::Lang::Ru,
    );
    let written = export::export(&s.store, &p, &target, crate::support::unwatched()).unwrap();
    assert_eq!(written.rows, 6);
    let rows = read_csv(&csv_path);
    // Written in two halves by two threads (as a big plan is), the file is the same.
    let halves = Target {
        split_from: 2,
        path: s.dir.path().join("halves.csv"),
        ..target.clone()
    };
    let in_two = export::export(&s.store, &p, &halves, crate::support::unwatched()).unwrap();
    assert_eq!(
        std::fs::read(&halves.path).unwrap(),
        std::fs::read(&csv_path).unwrap()
    );
    assert_eq!(in_two.checks, written.checks);
    let mut left: Vec<String> = std::fs::read_dir(s.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("base.sqlite") && !n.ends_with(".csv"))
        .collect();
    left.sort();
    assert_eq!(
        left,
        Vec::<String>::new(),
        "no part or temporary file is left"
    );
    assert_eq!(
        &rows[0][..14],
        &export::COLUMNS.map(str::to_owned)[..],
        "the header"
    );
    assert_eq!(rows[0][14], "param_1");
    let a1 = rows.iter().find(|r| r[2] == "A1").expect("A1 exported");
    assert_eq!(a1[0], p.message_id(id_of(&s, "A1")));
    assert_eq!(a1[10], "Анна, для вас особое!");
    assert_eq!(a1[11], "2027-01-15 10:00");
    assert_eq!(a1[12], "Europe/Moscow");
    assert_eq!(a1[13], "2027-01-15T07:00:00Z");
    assert_eq!(a1[14], "Анна");

    // XLSX with sheets of 3 rows (2 messages each, under the header): three sheets.
    let xlsx_path = s.dir.path().join("plan.xlsx");
    let target = Target {
        sheet_rows: 3,
        ..Target::new(&xlsx_path, Format::Xlsx, adresat::i18n::Lang::Ru)
    };
    let written = export::export(&s.store, &p, &target, crate::support::unwatched()).unwrap();
    assert_eq!(written.sheets, 3);
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx_path).unwrap();
    let mut back: Vec<Vec<String>> = vec![rows[0].clone()];
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        let mut sheet_rows = range.rows();
        let header: Vec<String> = sheet_rows
            .next()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert_eq!(header, rows[0]);
        back.extend(sheet_rows.map(|r| r.iter().map(|c| c.to_string()).collect::<Vec<_>>()));
    }
    assert_eq!(back, rows);

    // JSON Lines: one object per message.
    let jsonl_path = s.dir.path().join("plan.jsonl");
    let target = Target {
        split_from: 2,
        ..Target::new(&jsonl_path, Format::Jsonl, adresat::i18n::Lang::Ru)
    };
    export::export(&s.store, &p, &target, crate::support::unwatched()).unwrap();
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&jsonl_path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 6);
    assert!(
        lines
            .iter()
            .any(|l| l["text"] == "Анна, для вас особое!" && l["contact_id"] == id_of(&s, "A1"))
    );
}

#[test]
fn the_cli_plans_exports_and_prints_the_reasons() {
    let s = base();
    s.store
        .save_campaign(&campaign("whatsapp"), chrono::Utc::now())
        .unwrap();
    let out = s.dir.path().join("plan.csv");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_adresat"))
        .arg("--db")
        .arg(s.store.path())
        .args([
            "plan",
            "Зима",
            "--date",
            "2099-01-15",
            "--window",
            "10:00-12:00",
        ])
        .args(["--daily-limit", "0", "--out"])
        .arg(&out)
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(v["planned"], 6);
    assert_eq!(v["segments_size"], 9);
    assert_eq!(v["excluded"]["no_consent"], 1);
    assert_eq!(v["excluded"]["unsubscribed"], 1);
    assert_eq!(v["excluded"]["other_channel"], 1);
    assert_eq!(v["excluded"]["capped"], 0);
    assert_eq!(read_csv(&out).len(), 7);
    // A bad time names the value.
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_adresat"))
        .arg("--db")
        .arg(s.store.path())
        .args([
            "--lang",
            "ru",
            "plan",
            "Зима",
            "--date",
            "2099-01-15",
            "--at",
            "25:00",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("«25:00» — не время"));
    // The saved plan is listed, and deleted as the Plan screen deletes it.
    let plans = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_adresat"))
            .arg("--db")
            .arg(s.store.path())
            .args(["--lang", "ru", "plans"])
            .args(args)
            .output()
            .unwrap()
    };
    let list: serde_json::Value =
        serde_json::from_slice(&plans(&["list", "--json"]).stdout).unwrap();
    assert_eq!(
        list,
        serde_json::json!([{"id": list[0]["id"], "campaign": "Зима", "date": "2099-01-15", "messages": 6,
                            "created_at": list[0]["created_at"]}])
    );
    assert!(
        plans(&["delete", "Зима", "--date", "2099-01-15"])
            .status
            .success()
    );
    assert_eq!(s.store.plan_id("Зима", "2099-01-15").unwrap(), None);
    let again = plans(&["delete", "Зима", "--date", "2099-01-15"]);
    assert!(!again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr)
            .contains("Сохранённого плана кампании «Зима» на 2099-01-15 нет.")
    );
}

/// Consent is per channel where a file says so (DESIGN.md, "Consent"): Shopify's "Accepts SMS
/// Marketing" lets the SMS campaign write and not the WhatsApp one; a channel's "no" holds back
/// that channel only; an e-mail consent is no consent to messages.
#[test]
fn a_plan_uses_the_consent_of_its_channel() {
    let mut s = base();
    s.contacts(
        "ID клиента;Телефон;Accepts SMS Marketing;Accepts WhatsApp Marketing;Accepts Email Marketing\n\
         B1;89120000011;yes;;yes\n\
         A1;;no;;\n\
         B2;89120000012;;;yes\n",
    );
    let planned = |channel: &str| -> Vec<String> {
        let plan = make(
            &s,
            &campaign(channel),
            &no_caps(date(2027, 1, 15)),
            utc(2027, 1, 1, 0, 0),
        );
        let mut ids: Vec<String> = ["A1", "B1", "B2"]
            .into_iter()
            .filter(|ext| plan.items.iter().any(|p| p.contact_id == id_of(&s, ext)))
            .map(str::to_owned)
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(planned("sms"), ["B1"]);
    assert_eq!(planned("whatsapp"), ["A1"]);
}

#[test]
fn the_plan_settings_are_read_and_kept_in_one_place() {
    use adresat::plan::PlanSettings;
    let s = Scratch::new();
    let defaults = PlanSettings::read(&s.store).unwrap();
    assert_eq!(defaults, PlanSettings::default());
    assert_eq!(
        defaults,
        PlanSettings {
            quiet: Some(Span::parse("21:00-09:00").unwrap()),
            cap_hours: Some(24),
            cap_week: Some(3),
            daily_limit: Some(250),
        }
    );
    let o = Options::new(date(2027, 1, 15), None);
    assert_eq!(
        (o.quiet, o.cap_hours, o.cap_week),
        (defaults.quiet, Some(24), Some(3))
    );
    // Turned off and unlimited, kept and read back; the command line's options follow.
    let none = PlanSettings {
        quiet: None,
        cap_hours: None,
        cap_week: Some(5),
        daily_limit: None,
    };
    none.save(&s.store).unwrap();
    assert_eq!(PlanSettings::read(&s.store).unwrap(), none);
    assert_eq!(s.store.get_setting("plan.quiet_hours").unwrap(), "off");
    assert_eq!(
        s.store.get_setting("plan.whatsapp_tier").unwrap(),
        "unlimited"
    );
    let o = Options::from_settings(&s.store, date(2027, 1, 15)).unwrap();
    assert_eq!(o.rules(), none);
}
