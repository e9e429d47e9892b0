//! The Plan screen, driven by clicks: a plan made for a saved campaign, its exclusions listed by
//! reason, exported through the typed path and saved in the base.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

use crate::support::Scratch;
use crate::ui::{app, wait, wait_exact, wait_label};

/// A base of three contacts (one without consent), the segment «Все» and the campaign `name`.
fn base_with_campaign(name: &str) -> Scratch {
    let mut s = Scratch::new();
    s.contacts(
        "ID клиента;ФИО;Телефон;Город;Часовой пояс;Согласие на рассылку\n\
         A1;Анна;89120000001;Москва;Europe/Moscow;да\n\
         A2;Борис;89120000002;Новосибирск;Asia/Novosibirsk;да\n\
         A3;Вера Петрова;89120000003;Омск;Asia/Omsk;нет\n",
    );
    s.store
        .save_segment(
            "Все",
            &adresat::segment::Rule::everyone(),
            "",
            chrono::Utc::now(),
        )
        .unwrap();
    let campaign = adresat::campaign::Campaign::from_json(&format!(
        r#"{{"name": "{name}", "channel": "whatsapp",
            "variants": [{{"name": "Все", "segment": "Все", "text": "{{{{first_name|Друг}}}}, в {{{{city}}}} скидки"}}]}}"#
    ))
    .unwrap();
    s.store
        .save_campaign(&campaign, chrono::Utc::now())
        .unwrap();
    s
}

/// The window on `s`'s base with the plan of its campaign made on the Plan screen.
fn planned(s: &Scratch) -> crate::ui::App<'static> {
    let mut harness = app(s.store.path().to_owned());
    wait_exact(&mut harness, "3 контакта");
    harness.get_by_label("План рассылки").click();
    wait_label(&mut harness, "Выберите кампанию и день");
    // Before planning: how many, how many days, when the last one goes.
    wait_label(&mut harness, "Получат 2; при 250 в сутки дней: 1");
    harness.get_by_label("Составить план").click();
    wait_label(&mut harness, "В плане 2 из 3 контактов сегментов");
    harness
}

/// Types `path` into the made plan's file field and clicks «Сохранить план и выгрузить».
pub fn export_to(harness: &mut crate::ui::App<'_>, path: &std::path::Path) {
    export_into(harness, "Файл", path);
}

/// Types `path` into the export's field `label` (a file, or a folder for a split plan) and
/// clicks «Сохранить план и выгрузить».
fn export_into(harness: &mut crate::ui::App<'_>, label: &str, path: &std::path::Path) {
    let field = harness.get_by_role_and_label(Role::TextInput, label);
    field.scroll_to_me();
    field.focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(path.to_str().unwrap());
    harness.run_steps(2);
    harness
        .get_by_label("Сохранить план и выгрузить")
        .scroll_to_me();
    // Scrolling is animated: the button must rest before it is clicked.
    harness.run_steps(30);
    harness.get_by_label("Сохранить план и выгрузить").click();
}

#[test]
fn a_plan_is_made_explained_and_exported() {
    let s = base_with_campaign("Зима");
    let mut harness = planned(&s);
    // The reason is a link: who lacks consent.
    harness.get_by_label("нет согласия").click();
    wait_label(&mut harness, "Вера Петрова");
    // Both get 10:00 in their own zones; the rows show it.
    wait(&mut harness, "rows", |h| {
        h.query_all_by_label("Europe/Moscow").count() >= 1
            && h.query_all_by_label("Asia/Novosibirsk").count() >= 1
    });

    let out = s.dir.path().join("план.csv");
    export_to(&mut harness, &out);
    wait_label(&mut harness, "Выгружено сообщений: 2");
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.lines().count(), 3);
    assert!(text.contains("Анна, в Москва скидки"));
    let plans = s.store.plans().unwrap();
    assert_eq!(plans.len(), 1);
    assert_eq!(plans[0].messages, 2);

    // Saved plans are listed; one deleted is gone from the base.
    wait_label(&mut harness, "Сохранённые планы: 1");
    harness.get_by_label("Сохранённые планы: 1").scroll_to_me();
    harness.run_steps(30);
    harness.get_by_label("Сохранённые планы: 1").click();
    harness.run_steps(2);
    harness.get_by_label("✕").click();
    wait(&mut harness, "deleted", |_| {
        s.store.plans().unwrap().is_empty()
    });
}

#[test]
fn another_base_shows_its_own_campaigns_and_nothing_of_the_old_plan() {
    let a = base_with_campaign("Зима");
    let b = base_with_campaign("Весна");
    let mut harness = planned(&a);
    // The campaign picker (and the preview's campaign cells) show it.
    assert!(harness.query_all_by_value("Зима").count() >= 1);

    // The menu's «Файл», not the export's file field of the same name.
    harness.get_by_role_and_label(Role::Button, "Файл").click();
    harness.run_steps(2);
    harness.get_by_label("Открыть базу…").click();
    harness.run_steps(2);
    let field = harness.get_by_role_and_label(Role::TextInput, "Файл базы (.sqlite)");
    field.focus();
    field.type_text(b.store.path().to_str().unwrap());
    harness.run_steps(2);
    harness.get_by_label("Открыть").click();
    // Still on the Plan screen, now of base B: its campaign, no plan of A to save into B.
    wait(&mut harness, "base B's campaign", |h| {
        h.query_by_value("Весна").is_some()
    });
    harness.run_steps(5);
    assert!(harness.query_by_value("Зима").is_none());
    assert!(
        harness
            .query_by_label_contains("В плане 2 из 3 контактов сегментов")
            .is_none()
    );
    assert!(
        harness
            .query_by_label("Сохранить план и выгрузить")
            .is_none()
    );
    assert!(b.store.plans().unwrap().is_empty());
}

/// A campaign saved while the window is open (by the CLI, or on the Messages screen) is offered
/// as soon as the owner turns back to the Plan screen; the plan made before stays on it.
#[test]
fn a_campaign_saved_meanwhile_is_offered_on_returning_to_the_plan() {
    let s = base_with_campaign("Зима");
    let mut harness = planned(&s);
    let spring = adresat::campaign::Campaign::from_json(
        r#"{"name": "Весна", "channel": "whatsapp",
            "variants": [{"name": "Все", "segment": "Все", "text": "Весной скидки"}]}"#,
    )
    .unwrap();
    s.store.save_campaign(&spring, chrono::Utc::now()).unwrap();
    harness.get_by_label("Сообщения").click();
    harness.run_steps(3);
    harness.get_by_label("План рассылки").click();
    wait_label(&mut harness, "В плане 2 из 3 контактов сегментов");
    harness.run_steps(5);
    // The form's picker comes first; the made plan's rows name the campaign too.
    harness.query_all_by_value("Зима").next().unwrap().click();
    harness.run_steps(3);
    harness.get_by_label("Весна").click();
    harness.run_steps(3);
    harness.get_by_label("Составить план").click();
    wait(&mut harness, "the plan of the new campaign", |h| {
        h.query_all_by_label_contains("Весной скидки")
            .next()
            .is_some()
    });
}

/// Opens the drop-down showing `current` and picks `option`.
fn choose(harness: &mut crate::ui::App<'_>, current: &str, option: &str) {
    harness.get_by_value(current).scroll_to_me();
    harness.run_steps(30);
    harness.get_by_value(current).click();
    harness.run_steps(3);
    harness.get_by_label(option).click();
    harness.run_steps(3);
}

#[test]
fn a_profile_is_picked_previewed_saved_and_the_plan_split_by_zone() {
    let s = base_with_campaign("Зима");
    let mut harness = planned(&s);
    // The default profile's preview has today's columns; the provider's has its own.
    wait_exact(&mut harness, "send_at_utc");
    choose(
        &mut harness,
        "adresat — все поля плана (Адресат)",
        "whatsapp-provider — WhatsApp Business API: загрузка шаблонов",
    );
    wait_exact(&mut harness, "template_name");
    wait_exact(&mut harness, "79120000001");

    // A copy of it saved under the owner's name, and chosen.
    harness.get_by_label("Настроить профиль…").click();
    wait_label(&mut harness, "Профиль выгрузки");
    let name = harness.get_by_role_and_label(Role::TextInput, "Название");
    name.focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Название")
        .type_text("Мой WhatsApp");
    harness.run_steps(2);
    harness.get_by_label("Сохранить в базе").click();
    wait(&mut harness, "saved", |_| {
        adresat::plan::profile::find(&s.store, "Мой WhatsApp").is_ok()
    });
    // The frame the dialog closes in still shows its name field too.
    wait(&mut harness, "chosen", |h| {
        h.query_all_by_value("Мой WhatsApp").count() == 1
    });

    // Split by time zone into a new folder: one file per zone and the batch list.
    choose(&mut harness, "одним файлом", "по часовому поясу");
    let folder = s.dir.path().join("пояса");
    export_into(&mut harness, "Новая папка для файлов", &folder);
    wait_label(&mut harness, "Выгружено сообщений: 2");
    wait_exact(&mut harness, "Открыть папку");
    let mut files: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len(), 3, "{files:?}");
    assert!(files[0].contains("Asia-Novosibirsk_1.csv"), "{files:?}");
    assert!(files[1].contains("Europe-Moscow_1.csv"), "{files:?}");
    assert_eq!(files[2], "batches.csv");
    let moscow = std::fs::read_to_string(folder.join(&files[1])).unwrap();
    assert_eq!(
        moscow.lines().next(),
        Some("phone,template_name,language,param_1,param_2")
    );
    assert!(moscow.contains("79120000001,,,Анна,Москва"), "{moscow}");
    // The batch list is on screen.
    harness.get_by_label(&files[0]);
}

#[test]
fn a_saved_plan_is_exported_again_without_planning_and_without_who_dropped_out() {
    let s = base_with_campaign("Зима");
    let mut harness = planned(&s);
    export_to(&mut harness, &s.dir.path().join("план.csv"));
    wait_label(&mut harness, "Выгружено сообщений: 2");
    let made = s.store.plans().unwrap();

    // Борис unsubscribed since: exported again, he is left out and the saved plan stays.
    let mut s = s;
    s.contacts("ID клиента;Телефон;Статус\nA2;89120000002;отписался\n");
    wait_label(&mut harness, "Сохранённые планы: 1");
    harness.get_by_label("Сохранённые планы: 1").scroll_to_me();
    harness.run_steps(30);
    harness.get_by_label("Сохранённые планы: 1").click();
    harness.run_steps(2);
    harness.get_by_label("Выгрузить снова").click();
    wait_label(&mut harness, "выгрузка без нового планирования");
    wait_label(&mut harness, "В плане 1 из 2 контактов сегментов");
    let out = s.dir.path().join("снова.csv");
    export_to(&mut harness, &out);
    wait_label(&mut harness, "Сохранённый план не изменён");
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.contains("Анна, в Москва скидки"));
    assert_eq!(
        s.store.plans().unwrap(),
        made,
        "the saved plan is unchanged"
    );
}

#[test]
fn the_best_hour_shows_the_bases_reactions_and_plans_each_at_their_own_hour() {
    let mut s = base_with_campaign("Час");
    // Анна reads at 19:xx Moscow time after sends at 09:00, 12:00 and 15:00; Борис has no history.
    let day = chrono::Utc::now().date_naive() - chrono::Duration::days(40);
    let mut csv = String::from("Телефон;Кампания;Событие;Время\n");
    for (i, hour) in [6, 9, 12].into_iter().enumerate() {
        let d = day + chrono::Duration::days(7 * i as i64);
        csv += &format!("89120000001;К{i};доставлено;{d}T{hour:02}:00:00Z\n");
        csv += &format!("89120000001;К{i};прочитано;{d}T16:2{i}:00Z\n");
    }
    let path = s.file("events.csv", &csv);
    assert_eq!(
        s.import(adresat::import::ImportKind::Events, &path)
            .rejected,
        0
    );
    let mut harness = app(s.store.path().to_owned());
    wait_exact(&mut harness, "3 контакта");
    harness.get_by_label("План рассылки").click();
    wait_label(&mut harness, "Выберите кампанию и день");
    harness
        .get_by_role_and_label(Role::RadioButton, "лучший час каждого в промежутке")
        .click();
    wait_label(&mut harness, "свой лучший час известен у 1 контактов");
    harness.get_by_label("Составить план").click();
    // Анна at her own 19:00; Борис at the hour of the segment, which is hers.
    wait_label(
        &mut harness,
        "Время отправки: свой лучший час — 1, час сегмента — 1, час всей базы — 0, время плана — 0",
    );
    assert!(
        harness
            .query_by_label_contains("план по местному времени")
            .is_some()
    );
}
