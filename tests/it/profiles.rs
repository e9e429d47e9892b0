//! Export profiles: each shipped profile's file read back with an independent reader (the csv
//! crate in the profile's encoding, calamine for XLSX) and checked row by row against the plan;
//! split plans; the checks before writing; an owner's profile saved in the base; a saved plan
//! exported again.

use std::collections::HashMap;
use std::path::Path;

use adresat::campaign::Campaign;
use adresat::i18n::Lang;
use adresat::model::task::{Progress, Task};
use adresat::plan::Plan;
use adresat::plan::export::{self, Target};
use adresat::plan::profile::{self, Profile, Split};
use adresat::segment::Rule;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::plan::{date, make, no_caps, utc};
use crate::support::Scratch;

/// Six contacts in four zones; T5 has a Telegram chat id only; all agreed.
fn base() -> Scratch {
    let mut s = Scratch::new();
    s.contacts(
        "ID клиента;ФИО;Телефон;Telegram ID;Город;Часовой пояс;Согласие на рассылку;Менеджер\n\
         T1;Анна Петрова;89120000001;111;Москва;Europe/Moscow;да;Ольга\n\
         T2;Борис;89120000002;222;Новосибирск;Asia/Novosibirsk;да;\n\
         T3;Вера;+375291234567;;Минск;Europe/Minsk;да;Ольга\n\
         T4;;89120000004;444;Омск;Asia/Omsk;да;Иван\n\
         T5;Глеб;;555;Москва;Europe/Moscow;да;\n\
         T6;Дина;89120000006;;Новосибирск;Asia/Novosibirsk;да;\n",
    );
    s.store
        .save_segment("Все", &Rule::everyone(), "", Utc::now())
        .unwrap();
    s
}

fn campaign(channel: &str, text: &str) -> Campaign {
    Campaign::from_json(&format!(
        r#"{{"name": "Декабрь", "channel": "{channel}", "sleeping": null,
            "values": {{"bonus": "500"}},
            "variants": [{{"name": "Все", "segment": "Все", "text": {text:?},
                           "whatsapp_template": {{"name": "december_sale", "language": "ru"}}}}]}}"#
    ))
    .unwrap()
}

/// A plan of `c` for 15 January 2027 at 10:00 local, made on 1 January.
fn plan_of(s: &Scratch, c: &Campaign) -> Plan {
    make(s, c, &no_caps(date(2027, 1, 15)), utc(2027, 1, 1, 0, 0))
}

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(utc(2027, 1, 1, 0, 0), 0).unwrap()
}

fn shipped(name: &str) -> Profile {
    profile::shipped()
        .into_iter()
        .find(|p| p.name == name)
        .unwrap()
}

/// Exports `plan` of `s` to `path` in `profile`, split as the profile says.
fn export_in(s: &Scratch, plan: &Plan, profile: Profile, path: &Path) -> export::Exported {
    let target = Target::with_profile(path, profile, Lang::Ru, now());
    export::export(&s.store, plan, &target, crate::support::unwatched()).unwrap()
}

/// Reads a CSV the independent way: the bytes decoded from `encoding`, no header assumed.
fn read(path: &Path, encoding: &'static encoding_rs::Encoding, sep: u8) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    let (text, _, bad) = encoding.decode(&bytes);
    assert!(!bad, "{} is valid {}", path.display(), encoding.name());
    csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// Each planned message's contact: its phone (E.164) → (contact id, the moment, the zone).
fn planned_by_phone(s: &Scratch, plan: &Plan) -> HashMap<String, (i64, i64, Tz)> {
    plan.items
        .iter()
        .filter_map(|p| {
            let (c, _) = s.store.contact(p.contact_id).unwrap()?;
            Some((c.phone?, (p.contact_id, p.send_at, p.tz)))
        })
        .collect()
}

#[test]
fn the_whatsapp_provider_file_has_digits_the_template_and_its_parameters() {
    let s = base();
    let p = plan_of(
        &s,
        &campaign("whatsapp", "{{first_name|друг}}, бонус {{bonus}} ₽ ждёт"),
    );
    let path = s.path("wa.csv");
    let written = export_in(&s, &p, shipped("whatsapp-provider"), &path);
    let rows = read(&path, encoding_rs::UTF_8, b',');
    assert!(
        !std::fs::read(&path).unwrap().starts_with(b"\xef\xbb\xbf"),
        "no BOM"
    );
    assert_eq!(
        rows[0],
        ["phone", "template_name", "language", "param_1", "param_2"]
    );
    assert!(
        rows[0]
            .iter()
            .all(|h| h.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
    );
    let by_phone = planned_by_phone(&s, &p);
    assert_eq!(rows.len() - 1, p.items.len());
    assert_eq!(written.rows as usize, p.items.len());
    for row in &rows[1..] {
        assert!(row[0].chars().all(|c| c.is_ascii_digit()), "{row:?}");
        let (id, _, _) = by_phone[&format!("+{}", row[0])];
        let (contact, _) = s.store.contact(id).unwrap().unwrap();
        assert_eq!(row[1], "december_sale");
        assert_eq!(row[2], "ru");
        let first = contact.first_name.unwrap_or_else(|| "друг".to_owned());
        assert_eq!(row[3], first, "the first parameter, fallback applied");
        assert_eq!(row[4], "500");
    }
    assert!(written.findings.list().is_empty());
    // A provider that numbers its columns its own way: `{n}` stands for the parameter's number.
    let mut numbered = shipped("whatsapp-provider");
    numbered.columns[3].header = Some("body_variable{n}".to_owned());
    numbered.validate().unwrap();
    let path = s.path("wa-numbered.csv");
    export_in(&s, &p, numbered, &path);
    let rows = read(&path, encoding_rs::UTF_8, b',');
    assert_eq!(rows[0][3..], ["body_variable1", "body_variable2"]);
}

#[test]
fn a_whatsapp_parameter_with_a_line_break_names_the_contacts() {
    let mut s = base();
    s.contacts("ID клиента;Имя\nT1;\"Анна\nПетровна\"\n");
    let p = plan_of(&s, &campaign("whatsapp", "{{first_name}}, привет"));
    let target = Target::with_profile(
        &s.path("wa.csv"),
        shipped("whatsapp-provider"),
        Lang::Ru,
        now(),
    );
    let (_, findings) = export::check(
        &s.store,
        &p,
        &target.profile,
        target.now,
        crate::support::unwatched(),
    )
    .unwrap();
    let list = findings.list();
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0].msg.id, "profile-finding-wa-space");
    let t1 = s.by_external("T1").0.id;
    assert!(list[0].msg.to_string().contains(&format!("№{t1}")));
}

#[test]
fn the_sms_gateway_gets_bare_cp1251_rows_one_file_per_send_hour() {
    let s = base();
    let p = plan_of(&s, &campaign("sms", "{{first_name|Друг}}, скидка 20% 🎁"));
    let dir = s.path("sms");
    let written = export_in(&s, &p, shipped("sms-gateway"), &dir);
    let by_phone = planned_by_phone(&s, &p);
    // One file per UTC hour: 10:00 in Moscow, Minsk, Omsk and Novosibirsk are four hours.
    let hours: std::collections::BTreeSet<i64> = p.items.iter().map(|i| i.send_at / 3600).collect();
    assert_eq!(written.batches.len(), hours.len());
    let mut total = 0;
    for b in &written.batches {
        let rows = read(&dir.join(&b.file), encoding_rs::WINDOWS_1251, b';');
        assert_eq!(
            rows.len() as u64,
            b.messages,
            "no header, one row a message"
        );
        total += rows.len();
        for row in &rows {
            assert_eq!(row.len(), 2);
            let (_, at, _) = by_phone[&format!("+{}", row[0])];
            assert_eq!(at / 3600, b.first_at / 3600, "{} holds one hour", b.file);
            assert!(
                row[1].ends_with("скидка 20% ?"),
                "the emoji cp1251 lacks: {row:?}"
            );
        }
        assert!(
            b.file.ends_with(&format!("Z_{}.csv", b.messages)),
            "{}",
            b.file
        );
        assert_eq!(b.sms_parts, b.messages, "a short text is one part");
    }
    assert_eq!(total, p.items.len());
    // The list says when to load each, in time order, and adds up.
    let list = read(&dir.join("batches.csv"), encoding_rs::UTF_8, b';');
    assert_eq!(list[0][0].trim_start_matches('\u{feff}'), "file");
    let listed: u64 = list[1..].iter().map(|r| r[3].parse::<u64>().unwrap()).sum();
    assert_eq!(listed as usize, p.items.len());
    let names: Vec<&String> = list[1..].iter().map(|r| &r[0]).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "the names sort by time");
    let cp1251 = written.findings.list();
    assert_eq!(cp1251.len(), 1);
    assert!(cp1251[0].offers_utf8 && !cp1251[0].blocking);
    assert!(cp1251[0].msg.to_string().contains('🎁'));
}

#[test]
fn the_telegram_file_has_chat_ids_and_moments_in_utc() {
    let s = base();
    let p = plan_of(&s, &campaign("telegram", "Привет, {{first_name|друг}}"));
    let path = s.path("tg.csv");
    export_in(&s, &p, shipped("telegram"), &path);
    let rows = read(&path, encoding_rs::UTF_8, b',');
    assert_eq!(rows[0], ["chat_id", "text", "send_at"]);
    assert_eq!(rows.len() - 1, p.items.len());
    for row in &rows[1..] {
        let item = p
            .items
            .iter()
            .find(|i| {
                s.store
                    .contact(i.contact_id)
                    .unwrap()
                    .unwrap()
                    .0
                    .tg_chat_id
                    .as_deref()
                    == Some(row[0].as_str())
            })
            .expect("a planned chat id");
        let at = DateTime::from_timestamp(item.send_at, 0).unwrap();
        assert_eq!(row[2], at.format("%Y-%m-%dT%H:%M:%SZ").to_string());
    }
}

#[test]
fn the_scheduling_api_refuses_moments_too_soon_or_too_far() {
    let s = base();
    let p = plan_of(&s, &campaign("sms", "Привет"));
    let path = s.path("api.csv");
    let written = export_in(&s, &p, shipped("api-utc"), &path);
    let rows = read(&path, encoding_rs::UTF_8, b',');
    assert_eq!(rows[0], ["to", "body", "send_at", "message_id"]);
    let by_phone = planned_by_phone(&s, &p);
    for row in &rows[1..] {
        let (id, at, _) = by_phone[&row[0]];
        assert!(row[0].starts_with('+'), "E.164");
        assert_eq!(row[3], p.message_id(id));
        let utc = DateTime::from_timestamp(at, 0).unwrap();
        assert_eq!(row[2], utc.format("%Y-%m-%dT%H:%M:%SZ").to_string());
    }
    assert!(written.findings.list().is_empty());
    // Made ten minutes before the first send, or forty days before: refused, no file.
    let first = p.items.iter().map(|i| i.send_at).min().unwrap();
    for (made, id) in [
        (first - 600, "profile-finding-too-soon"),
        (first - 40 * 86_400, "profile-finding-too-late"),
    ] {
        let late = s.path(&format!("late-{made}.csv"));
        let target = Target::with_profile(
            &late,
            shipped("api-utc"),
            Lang::Ru,
            DateTime::from_timestamp(made, 0).unwrap(),
        );
        let e = export::export(&s.store, &p, &target, crate::support::unwatched()).unwrap_err();
        assert!(matches!(&e, adresat::Error::User(m) if m.id == id), "{e:?}");
        assert!(!late.exists());
    }
}

#[test]
fn an_owners_profile_takes_variables_custom_fields_and_the_owners_clock() {
    let s = base();
    let p = plan_of(&s, &campaign("sms", "{{first_name|Друг}}, бонус {{bonus}}"));
    let mine = Profile::from_json(
        r#"{"version": 1, "name": "Мой сервис",
            "columns": [{"field": "phone", "header": "Телефон", "format": "national"},
                        {"field": "var:bonus", "header": "Бонус"},
                        {"field": "var:first_name"},
                        {"field": "custom:Менеджер"},
                        {"field": "sms_parts"},
                        {"field": "moment", "header": "Когда"}],
            "moment": {"zone": "owner", "format": "%d.%m.%Y %H:%M"},
            "file_type": "xlsx", "missing": "empty"}"#,
    )
    .unwrap();
    profile::save(&s.store, &mine, now()).unwrap();
    let found = profile::find(&s.store, "Мой сервис").unwrap();
    assert_eq!(found, mine);
    let path = s.path("mine.xlsx");
    export_in(&s, &p, found, &path);
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(&path).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(
        rows[0],
        [
            "Телефон",
            "Бонус",
            "first_name",
            "Менеджер",
            "sms_parts",
            "Когда"
        ]
    );
    let owner = s.store.settings().unwrap().owner_tz;
    let by_phone = planned_by_phone(&s, &p);
    for row in &rows[1..] {
        // The national forms: 8 and ten digits in Russia, 8 0 and nine in Belarus.
        let national = |e164: &str| match e164.strip_prefix("+7") {
            Some(rest) => format!("8{rest}"),
            None => format!("80{}", e164.trim_start_matches("+375")),
        };
        let (id, at, _) = by_phone
            .iter()
            .find(|(phone, _)| national(phone) == row[0])
            .map(|(_, v)| *v)
            .unwrap_or_else(|| panic!("{row:?} is a planned number"));
        let (contact, _) = s.store.contact(id).unwrap().unwrap();
        assert_eq!(row[1], "500");
        assert_eq!(
            row[2],
            contact.first_name.unwrap_or_default(),
            "empty: no fallback"
        );
        let manager = contact.custom.get("Менеджер").cloned().unwrap_or_default();
        assert_eq!(row[3], manager);
        assert_eq!(row[4], "1");
        let when = DateTime::from_timestamp(at, 0)
            .unwrap()
            .with_timezone(&owner);
        assert_eq!(row[5], when.format("%d.%m.%Y %H:%M").to_string());
    }
    assert_eq!(rows.len() - 1, p.items.len());
    // A shipped profile cannot be overwritten or deleted; a saved one can be deleted.
    let mut copy = shipped("telegram");
    assert!(profile::save(&s.store, &copy, now()).is_err());
    copy.name = "telegram мой".to_owned();
    profile::save(&s.store, &copy, now()).unwrap();
    profile::delete(&s.store, "telegram мой").unwrap();
    assert!(profile::delete(&s.store, "sms-gateway").is_err());
    assert!(profile::find(&s.store, "telegram мой").is_err());
}

#[test]
fn a_bad_profile_says_what_and_where() {
    let e = Profile::from_json(
        "{\"version\": 1,\n \"name\": \"x\",\n \"columns\": [{\"field\": \"phon\"}]}",
    )
    .unwrap_err();
    assert!(
        matches!(&e, adresat::Error::User(m) if m.id == "profile-error-field"),
        "{e:?}"
    );
    let e =
        Profile::from_json("{\"version\": 1,\n \"name\": \"x\",\n \"colums\": []}").unwrap_err();
    assert!(
        matches!(&e, adresat::Error::User(m) if m.id == "profile-error-json"
            && m.to_string().contains("строка 3") || m.to_string().contains("line 3")),
        "{e}"
    );
    let plain = r#"{"version": 1, "name": "x", "rules": {"plain_headers": true},
                    "columns": [{"field": "phone", "header": "Телефон"}]}"#;
    assert!(Profile::from_json(plain).is_err());
    let twice = r#"{"version": 1, "name": "x", "columns": [{"field": "text"}, {"field": "text"}]}"#;
    assert!(Profile::from_json(twice).is_err());
    let moment = r#"{"version": 1, "name": "x", "columns": [{"field": "moment", "format": "%Q"}]}"#;
    assert!(Profile::from_json(moment).is_err());
}

#[test]
fn split_files_hold_exactly_the_plans_rows_one_day_or_zone_each() {
    let s = base();
    let p = plan_of(&s, &campaign("sms", "Привет"));
    for (split, key) in [(Split::Zone, "zone"), (Split::Day, "day")] {
        let mut profile = shipped(profile::DEFAULT);
        profile.split = split;
        let dir = s.path(key);
        let written = export_in(&s, &p, profile, &dir);
        let mut ids: Vec<String> = Vec::new();
        for b in &written.batches {
            let rows = read(&dir.join(&b.file), encoding_rs::UTF_8, b';');
            assert_eq!(rows.len() as u64 - 1, b.messages);
            let zones: std::collections::BTreeSet<&String> =
                rows[1..].iter().map(|r| &r[12]).collect();
            let days: std::collections::BTreeSet<&str> =
                rows[1..].iter().map(|r| &r[11][..10]).collect();
            match split {
                Split::Zone => {
                    assert_eq!(zones.len(), 1, "{}", b.file);
                    let zone = zones.iter().next().unwrap().replace('/', "-");
                    assert!(b.file.contains(&zone), "{}", b.file);
                }
                _ => assert_eq!(days.len(), 1, "{}", b.file),
            }
            ids.extend(rows[1..].iter().map(|r| r[0].clone()));
        }
        ids.sort();
        let mut planned: Vec<String> = p.items.iter().map(|i| p.message_id(i.contact_id)).collect();
        planned.sort();
        assert_eq!(ids, planned, "{key}: every message once");
    }
    // A folder that holds files already is refused before anything is written.
    let taken = s.path("zone");
    let target = Target {
        split: Split::Hour,
        ..Target::with_profile(&taken, shipped("sms-gateway"), Lang::Ru, now())
    };
    let e = export::export(&s.store, &p, &target, crate::support::unwatched()).unwrap_err();
    assert!(
        matches!(&e, adresat::Error::User(m) if m.id == "export-error-folder-taken"),
        "{e:?}"
    );
}

#[test]
fn a_saved_plan_exports_again_without_those_who_dropped_out() {
    let mut s = base();
    let c = campaign("sms", "Привет, {{first_name|друг}}");
    s.store.save_campaign(&c, Utc::now()).unwrap();
    let p = plan_of(&s, &c);
    p.save(&mut s.store).unwrap();
    s.contacts("ID клиента;Статус;Имя\nT2;отписался;Борис\nT1;;Аня\n");
    let db = s.store.path().to_owned();
    let listed = crate::cli::adresat(&db, &["plans", "list", "--json"]);
    let list: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    let id = list[0]["id"].to_string();
    let dir = s.path("again");
    let out = crate::cli::adresat(
        &db,
        &[
            "plans",
            "export",
            &id,
            "--profile",
            "sms-gateway",
            "--json",
            "--out",
            dir.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["dropped"]["unsubscribed"], 1);
    assert_eq!(report["rows"].as_u64().unwrap() as usize, p.items.len() - 1);
    let rows: Vec<Vec<String>> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|f| !f.ends_with("batches.csv"))
        .flat_map(|f| read(&f, encoding_rs::WINDOWS_1251, b';'))
        .collect();
    assert!(
        rows.iter().any(|r| r[1] == "Привет, Аня"),
        "texts from today's base: {rows:?}"
    );
    assert!(
        !rows.iter().any(|r| r[0] == "79120000002"),
        "T2 unsubscribed"
    );
    // By campaign and date the same plan is found; the shipped profiles are listed.
    let by_name = crate::cli::adresat(
        &db,
        &[
            "plans",
            "export",
            "Декабрь",
            "--date",
            "2027-01-15",
            "--split",
            "none",
            "--out",
            s.path("one.csv").to_str().unwrap(),
        ],
    );
    assert!(
        by_name.status.success(),
        "{}",
        String::from_utf8_lossy(&by_name.stderr)
    );
    let names = String::from_utf8_lossy(&crate::cli::adresat(&db, &["profile", "list"]).stdout)
        .into_owned();
    for p in [
        "adresat",
        "whatsapp-provider",
        "sms-gateway",
        "telegram",
        "api-utc",
    ] {
        assert!(names.contains(p), "{names}");
    }
}

#[test]
fn a_cancelled_split_export_leaves_no_folder_and_no_file() {
    let mut s = Scratch::new();
    let zones = [
        "Europe/Moscow",
        "Asia/Omsk",
        "Asia/Novosibirsk",
        "Europe/Samara",
    ];
    let mut csv = String::from("ID клиента;Имя;Телефон;Часовой пояс;Согласие на рассылку\n");
    for i in 0..6000 {
        csv.push_str(&format!("C{i};Имя{i};8912{i:07};{};да\n", zones[i % 4]));
    }
    s.contacts(&csv);
    s.store
        .save_segment("Все", &Rule::everyone(), "", Utc::now())
        .unwrap();
    let p = plan_of(&s, &campaign("sms", "Привет"));
    assert_eq!(p.items.len(), 6000);
    let dir = s.path("cancelled");
    let target = Target::with_profile(&dir, shipped("sms-gateway"), Lang::Ru, now());
    // Cancelled at the first progress report, with four batch files open.
    let progress = Progress::watched(|p| {
        if p.fraction() > 0.0 {
            p.cancel();
        }
    });
    let e = export::export(&s.store, &p, &target, Task::new(&progress, now()));
    assert!(matches!(e, Err(adresat::Error::Cancelled)), "{e:?}");
    assert!(!dir.exists());
    let left: Vec<String> = std::fs::read_dir(s.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("base.sqlite") && n != "contacts.csv")
        .collect();
    assert!(left.is_empty(), "nothing half-written is left: {left:?}");
}

#[test]
fn only_what_a_profile_can_find_asks_for_a_check_pass() {
    use adresat::campaign::Channel;
    let adresat = shipped(profile::DEFAULT);
    // Its WhatsApp parameter columns hold nothing of an SMS or Telegram plan.
    assert!(!adresat.has_checks(Channel::Sms));
    assert!(!adresat.has_checks(Channel::Telegram));
    assert!(adresat.has_checks(Channel::Whatsapp));
    assert!(shipped("sms-gateway").has_checks(Channel::Sms));
    assert!(shipped("api-utc").has_checks(Channel::Telegram));
    assert!(!shipped("telegram").has_checks(Channel::Telegram));
}
