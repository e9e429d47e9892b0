//! Contacts import: merging, consent and opt-outs, zones, rejects, the one-transaction rule.

use std::sync::{Arc, Mutex};

use adresat::i18n::Lang;
use adresat::import::{self, ImportKind, ImportOptions};
use adresat::model::task::{Progress, Task};
use adresat::store::{Consent, Status, TzSource};

use crate::support::{Scratch, reject_ids};

#[test]
fn reimport_unites_tags_and_never_duplicates() {
    let mut s = Scratch::new();
    let csv = "Телефон;Теги;Комментарий\n89123456789;интерес:обувь;первый\n";
    s.contacts(csv);
    let r = s.contacts(csv);
    assert_eq!((r.inserted, r.updated, r.unchanged), (0, 0, 1));
    let r = s.contacts("Телефон;Теги;Комментарий\n89123456789;vip|интерес:сумки;\n");
    assert_eq!(r.updated, 1);
    let (c, tags) = s.by_phone("+79123456789");
    assert_eq!(tags, ["vip", "интерес:обувь", "интерес:сумки"]);
    assert_eq!(
        c.custom.get("Комментарий").map(String::as_str),
        Some("первый")
    );
    assert_eq!(s.count(), 1);
}

#[test]
fn unsubscribed_contact_keeps_opt_out_unless_consent_is_later() {
    let mut s = Scratch::new();
    s.contacts("Телефон;Согласие на рассылку\n89123456789;да\n89120000002;да\n");
    let events = s.file(
        "events.csv",
        "Телефон;Кампания;Событие;Время\n\
         89123456789;Весна;отписался;10.03.2025 12:00\n\
         89120000002;Весна;заблокировал;10.03.2025 12:00\n",
    );
    s.import(ImportKind::Events, &events);
    assert_eq!(s.by_phone("+79123456789").0.status, Status::Unsubscribed);
    assert_eq!(s.by_phone("+79120000002").0.status, Status::Blocked);

    // The CRM still says "yes" without a date, or with an older one: the opt-out stays, reported.
    let r = s.contacts(
        "Телефон;Согласие на рассылку;Дата согласия\n89123456789;да;\n89120000002;да;01.03.2025\n",
    );
    let kept: Vec<_> = r
        .warnings
        .iter()
        .filter(|w| w.msg.id == "warn-opt-out-kept")
        .collect();
    assert_eq!(kept.len(), 2);
    assert_eq!(kept[0].line, Some(2));
    assert_eq!(s.by_phone("+79123456789").0.status, Status::Unsubscribed);
    assert_eq!(s.by_phone("+79120000002").0.status, Status::Blocked);

    // A consent dated after the opt-out brings the contact back, and says so.
    let r = s.contacts("Телефон;Согласие на рассылку;Дата согласия\n89123456789;да;20.03.2025\n");
    assert!(
        r.warnings
            .iter()
            .any(|w| w.msg.id == "warn-consent-restored")
    );
    let (c, _) = s.by_phone("+79123456789");
    assert_eq!((c.status, c.consent), (Status::Active, Consent::Yes));
    assert_eq!(c.consent_at.as_deref(), Some("2025-03-19T21:00:00Z"));
}

#[test]
fn consent_no_and_unknown() {
    let mut s = Scratch::new();
    s.contacts("Телефон;Согласие\n89120000001;нет\n89120000002;\n89120000003;+\n");
    assert_eq!(s.by_phone("+79120000001").0.consent, Consent::No);
    assert_eq!(s.by_phone("+79120000002").0.consent, Consent::Unknown);
    assert_eq!(s.by_phone("+79120000003").0.consent, Consent::Yes);
    // An empty cell later says nothing: consent stays.
    s.contacts("Телефон;Согласие\n89120000003;\n");
    assert_eq!(s.by_phone("+79120000003").0.consent, Consent::Yes);
}

fn zone(s: &Scratch, phone: &str) -> (String, TzSource) {
    let c = s.by_phone(phone).0;
    (c.time_zone, c.tz_source)
}

#[test]
fn zones_come_from_column_city_or_default() {
    let mut s = Scratch::new();
    let r = s.contacts(
        "Телефон;Город;Регион;Часовой пояс\n\
         89120000001;Троицк;Челябинская область;\n\
         89120000002;Троицк;;\n\
         89120000003;Нигдеград;;\n\
         89120000004;Москва;;Asia/Tokyo\n\
         89120000005;;;\n",
    );
    assert_eq!(r.rejected, 0);
    assert_eq!(
        zone(&s, "+79120000001"),
        ("Asia/Yekaterinburg".into(), TzSource::City)
    );
    assert_eq!(
        zone(&s, "+79120000002"),
        ("Asia/Yekaterinburg".into(), TzSource::City)
    );
    assert_eq!(
        zone(&s, "+79120000003"),
        ("Europe/Moscow".into(), TzSource::Default)
    );
    assert_eq!(
        zone(&s, "+79120000004"),
        ("Asia/Tokyo".into(), TzSource::Column)
    );
    assert_eq!(
        zone(&s, "+79120000005"),
        ("Europe/Moscow".into(), TzSource::Default)
    );
    let ids: Vec<_> = r.warnings.iter().map(|w| (w.line, w.msg.id)).collect();
    assert!(ids.contains(&(Some(3), "warn-ambiguous-city")), "{ids:?}");
    assert!(ids.contains(&(Some(4), "warn-unknown-city")), "{ids:?}");

    // The owner's zone setting is the default.
    s.store.set_setting("owner_tz", "Asia/Vladivostok").unwrap();
    s.contacts("Телефон;Город\n89120000006;Нигдеград\n");
    assert_eq!(
        zone(&s, "+79120000006"),
        ("Asia/Vladivostok".into(), TzSource::Default)
    );
    // A city change moves a city-derived zone.
    s.contacts("Телефон;Город\n89120000001;Новосибирск\n");
    assert_eq!(
        zone(&s, "+79120000001"),
        ("Asia/Novosibirsk".into(), TzSource::City)
    );
}

#[test]
fn bad_rows_are_rejected_with_line_and_reason_and_the_rest_load() {
    let mut s = Scratch::new();
    let r = s.contacts(
        "ФИО;Телефон;Согласие;Дата регистрации\n\
         Мария;89120000001;да;01.02.2025\n\
         Без ключа;;да;\n\
         Округлённый;7,91235E+10;да;\n\
         Плохая дата;89120000004;да;32.13.2025\n\
         Странное согласие;89120000005;наверное;\n\
         \n\
         Пётр;89120000007;нет;\n",
    );
    assert_eq!((r.read, r.inserted, r.rejected), (6, 2, 4));
    assert_eq!(
        reject_ids(&r),
        [
            (3, "reject-no-key"),
            (4, "reject-phone-excel-rounded"),
            (5, "reject-date"),
            (6, "reject-consent"),
        ]
    );
    assert_eq!(r.rejects[1].values[1], "7,91235E+10");
    assert!(
        r.rejects[1]
            .reason
            .render(Lang::Ru)
            .contains("Excel округлил")
    );
    assert!(
        r.rejects[1]
            .reason
            .render(Lang::En)
            .contains("Excel rounded")
    );

    let out = s.path("rejects.csv");
    r.write_rejects(&out, Lang::Ru).unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with('\u{feff}'));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5);
    assert!(
        lines[0].contains("Строка;Причина;ФИО;Телефон"),
        "{}",
        lines[0]
    );
    assert!(
        lines[2].starts_with("4;") && lines[2].contains("7,91235E+10"),
        "{}",
        lines[2]
    );
}

#[test]
fn a_cancelled_import_changes_nothing() {
    let mut s = Scratch::new();
    s.contacts("Телефон\n89120000001\n");
    let mut csv = String::from("Телефон;Город\n");
    for i in 0..10_000 {
        csv.push_str(&format!("8913{i:07};Омск\n"));
    }
    let path = s.file("big.csv", &csv);
    let calls = Arc::new(Mutex::new(0));
    let counted = calls.clone();
    let progress = Progress::watched(move |p| {
        *counted.lock().unwrap() += 1;
        assert!(p.fraction() > 0.0 && p.rows() > 0);
        p.cancel();
    });
    let result = import::run(
        &mut s.store,
        &path,
        &ImportOptions::new(ImportKind::Contacts, chrono::Utc::now()),
        Task::new(&progress, chrono::Utc::now()),
    );
    assert_eq!(result.unwrap_err().id(), "error-cancelled");
    assert_eq!(*calls.lock().unwrap(), 1);
    assert_eq!(s.count(), 1);
}

#[test]
fn export_then_import_changes_nothing() {
    let mut s = Scratch::new();
    s.contacts(
        "ID клиента;ФИО;Телефон;Telegram;Город;Регион;Источник;utm_campaign;Теги;Согласие на рассылку;Дата согласия;Любимый цвет;Email;Дата рождения;Accepts SMS Marketing\n\
         A1;Иванова Мария Петровна;89123456789;@maria;Троицк;Омская обл.;Instagram;spring;интерес:обувь, vip;да;01.02.2025 10:30;синий;Maria@Mail.ru;12.03.1990;нет\n\
         A2;ООО \"Ромашка\";89120000002;;Нигдеград;;;;;нет;;;info@romashka.ru;;\n\
         ;Пётр;+375291234567;;Минск;;;;;;;;;29.02;да\n",
    );
    // Ids of another system, and a contact known only by e-mail.
    let mut options = ImportOptions::new(ImportKind::Contacts, chrono::Utc::now());
    options.id_system = Some("1c".into());
    let other = s.file(
        "1c.csv",
        "Код клиента;Почта;Сумма покупок;Количество заказов;Последний заказ\n\
         A1;olga@mail.ru;1 500,50;2;01.10.2026\n",
    );
    s.try_import(&options, &other).unwrap();
    let events = s.file(
        "e.csv",
        "Телефон;Кампания;Событие;Время\n89123456789;Весна;отписался;10.03.2025 12:00\n",
    );
    s.import(ImportKind::Events, &events);
    let before: Vec<_> = (1..=4).map(|id| s.store.contact(id).unwrap()).collect();
    let maria = before[0].as_ref().unwrap();
    assert_eq!(maria.0.email.as_deref(), Some("maria@mail.ru"));
    assert_eq!(maria.0.birthday.as_deref(), Some("1990-03-12"));
    assert_eq!(maria.0.channel_consent.sms, Some(Consent::No));
    assert_eq!(
        before[2].as_ref().unwrap().0.birthday.as_deref(),
        Some("--02-29")
    );

    let out = s.path("export.csv");
    let n = adresat::export::export_contacts(
        &s.store,
        &out,
        b';',
        Lang::Ru,
        None,
        crate::support::unwatched(),
    )
    .unwrap();
    assert_eq!(n, 4);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert!(text.contains("Любимый цвет"));
    let r = s.import(ImportKind::Contacts, &out);
    assert_eq!(
        (r.read, r.inserted, r.updated, r.unchanged, r.rejected),
        (4, 0, 0, 4, 0),
        "{:?}",
        r.rejects
    );
    let after: Vec<_> = (1..=4).map(|id| s.store.contact(id).unwrap()).collect();
    assert_eq!(before, after);
}

/// The names of the base's own (not automatic) indexes.
fn index_names(s: &Scratch) -> Vec<String> {
    let conn = rusqlite::Connection::open(s.path("base.sqlite")).expect("open");
    let mut stmt = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
        )
        .expect("prepare");
    stmt.query_map([], |r| r.get(0))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows")
}

#[test]
fn a_first_load_into_an_empty_base_keeps_every_index() {
    let mut s = Scratch::new();
    let before = index_names(&s);
    assert!(before.contains(&"contacts_city".to_owned()), "{before:?}");

    // Cancelled while the indexes of the empty tables are dropped: they must come back.
    let mut csv = String::from("Телефон;Город;Теги\n");
    for i in 0..10_000 {
        csv.push_str(&format!("8913{i:07};Омск;vip\n"));
    }
    let path = s.file("big.csv", &csv);
    let cancelled = Progress::new();
    cancelled.cancel();
    let result = import::run(
        &mut s.store,
        &path,
        &ImportOptions::new(ImportKind::Contacts, chrono::Utc::now()),
        Task::new(&cancelled, chrono::Utc::now()),
    );
    assert_eq!(result.unwrap_err().id(), "error-cancelled");
    assert_eq!(index_names(&s), before);

    s.import(ImportKind::Contacts, &path);
    assert_eq!(s.count(), 10_000);
    assert_eq!(index_names(&s), before);
    let conn = rusqlite::Connection::open(s.path("base.sqlite")).expect("open");
    let plan: String = conn
        .query_row(
            "EXPLAIN QUERY PLAN SELECT count(*) FROM contacts WHERE city = 'Омск'",
            [],
            |r| r.get(3),
        )
        .expect("plan");
    assert!(plan.contains("contacts_city"), "{plan}");
    let in_city: i64 = conn
        .query_row(
            "SELECT count(*) FROM contacts WHERE city = 'Омск'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(in_city, 10_000);
}

#[test]
fn a_first_load_reports_its_index_builds_and_cancels_during_them() {
    let mut s = Scratch::new();
    let before = index_names(&s);
    let mut csv = String::from("Телефон;Город;Теги\n");
    for i in 0..5_000 {
        csv.push_str(&format!("8913{i:07};Омск;vip\n"));
    }
    let path = s.file("big.csv", &csv);
    // (fraction, rows, whether indexing) at every report.
    let seen = Arc::new(Mutex::new(Vec::new()));
    let heard = seen.clone();
    let progress = Progress::watched(move |p| {
        let indexing = p.step() == import::INDEXING;
        heard
            .lock()
            .unwrap()
            .push((p.fraction(), p.rows(), indexing));
        // Stop once a few indexes are built: every row is read by then.
        if indexing && p.fraction() > 0.8 {
            p.cancel();
        }
    });
    let result = import::run(
        &mut s.store,
        &path,
        &ImportOptions::new(ImportKind::Contacts, chrono::Utc::now()),
        Task::new(&progress, chrono::Utc::now()),
    );
    assert_eq!(result.unwrap_err().id(), "error-cancelled");
    let seen = seen.lock().unwrap();
    let indexing: Vec<_> = seen.iter().filter(|p| p.2).collect();
    assert!(indexing.len() > 2, "{seen:?}");
    assert!(
        indexing
            .iter()
            .all(|&&(fraction, rows, _)| rows == 5_000 && fraction >= 0.7)
    );
    assert!(indexing.windows(2).all(|w| w[0].0 < w[1].0));
    // Nothing of it stayed, and every index is there.
    assert_eq!(s.count(), 0);
    assert_eq!(index_names(&s), before);
}

#[test]
fn consent_yes_without_a_date_or_source_is_reported_as_unproven() {
    let mut s = Scratch::new();
    let report = s.contacts(
        "Телефон;Согласие на рассылку;Дата согласия;Источник согласия\n\
         89120000001;да;;\n\
         89120000002;да;01.11.2026;\n\
         89120000003;да;01.11.2026;форма на сайте\n\
         89120000004;нет;;\n\
         89120000005;да;;\n",
    );
    let unproven: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| w.msg.id == "warn-consent-unproven")
        .collect();
    assert_eq!(unproven.len(), 1, "{:?}", report.warnings);
    assert_eq!(unproven[0].line, Some(2));
    let text = unproven[0].msg.render(adresat::i18n::Lang::Ru);
    assert!(
        text.starts_with("3 строки дают согласие «да» без даты"),
        "{text}"
    );
    // A later file that brings the date and the source proves them.
    let proof = s.contacts(
        "Телефон;Согласие на рассылку;Дата согласия;Источник согласия\n\
         89120000001;да;02.11.2026;форма на сайте\n",
    );
    assert!(
        proof
            .warnings
            .iter()
            .all(|w| w.msg.id != "warn-consent-unproven")
    );
}

/// Where they live (#22): the town of the address when there is no city, the zone of the phone's
/// country where it has one, a Russian number's owner at the owner's default; each with its own
/// source, and the same file again changes nothing.
#[test]
fn zones_from_the_address_and_the_phones_country() {
    let mut s = Scratch::new();
    let file = "Телефон;Адрес;Город\n\
                89120000001;Россия, Самарская обл., г. Тольятти, ул. Мира, 5;\n\
                89120000002;Екатеринбург, ул. Ленина, 5;Омск\n\
                +7 (701) 123-45-67;;\n\
                +375 29 123-45-67;ул. Ленина, 5;\n\
                89120000005;;\n";
    let r = s.contacts(file);
    assert_eq!((r.inserted, r.rejected), (5, 0));
    let zone = |phone: &str| {
        let (c, _) = s.by_phone(phone);
        (c.city, c.time_zone, c.tz_source)
    };
    assert_eq!(
        zone("+79120000001"),
        (
            Some("Тольятти".into()),
            "Europe/Samara".into(),
            TzSource::Address
        )
    );
    // A city column wins over the address.
    assert_eq!(zone("+79120000002").2, TzSource::City);
    assert_eq!(zone("+79120000002").1, "Asia/Omsk");
    assert_eq!(
        zone("+77011234567"),
        (None, "Asia/Almaty".into(), TzSource::PhoneCountry)
    );
    assert_eq!(zone("+375291234567").1, "Europe/Minsk");
    assert_eq!(
        zone("+79120000005"),
        (None, "Europe/Moscow".into(), TzSource::Default)
    );
    let (c, _) = s.by_phone("+79120000001");
    assert_eq!(
        c.custom["Адрес"],
        "Россия, Самарская обл., г. Тольятти, ул. Мира, 5"
    );
    let r = s.contacts(file);
    assert_eq!((r.inserted, r.updated, r.unchanged), (0, 0, 5));
}
