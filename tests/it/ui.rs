//! The window, driven through egui_kittest: real clicks and typing, a real base on disk.

use std::time::Duration;

use adresat::i18n::{self, Lang};
use adresat::ui::jobs::{Pending, Poll, Work};
use adresat::ui::{AdresatApp, Prefs};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::support::Scratch;

pub type App<'a> = Harness<'a, AdresatApp>;

pub fn app(db: std::path::PathBuf) -> App<'static> {
    i18n::set_current(Lang::Ru);
    let app = AdresatApp::new(
        db,
        Prefs {
            lang: Some(Lang::Ru),
            ..Prefs::default()
        },
        None,
    );
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut AdresatApp| app.show(ui), app)
}

/// Steps the app until `found` holds (work runs on background threads). The limit only catches
/// a hang: generous, since CI's two cores run many tests at once.
pub fn wait(harness: &mut App<'_>, what: &str, found: impl Fn(&App<'_>) -> bool) {
    let deadline = std::time::Instant::now() + Duration::from_secs(120);
    while std::time::Instant::now() < deadline {
        harness.step();
        if found(harness) {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("never appeared: {what}");
}

/// Replaces everything in the multi-line text field `label` with `text`.
pub fn replace_text(harness: &mut App<'_>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::MultilineTextInput, label)
        .focus();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::MultilineTextInput, label)
        .type_text(text);
}

pub fn wait_label(harness: &mut App<'_>, label: &str) {
    wait(harness, label, |h| {
        h.query_by_label_contains(label).is_some()
    });
}

pub fn wait_exact(harness: &mut App<'_>, label: &str) {
    wait(harness, label, |h| h.query_by_label(label).is_some());
}

/// Opens the import from the Contacts screen, types `path` and goes on to the mapping step.
pub fn open_import(harness: &mut App<'_>, path: &std::path::Path) {
    let label = "Файл CSV или Excel (.xlsx, .xls)";
    harness.get_by_label("Импорт…").click();
    wait(harness, "file field", |h| {
        h.query_by_role_and_label(Role::TextInput, label).is_some()
    });
    let field = harness.get_by_role_and_label(Role::TextInput, label);
    field.focus();
    field.type_text(path.to_str().unwrap());
    harness.run_steps(2);
    harness.get_by_label("Далее").click();
}

#[test]
fn an_empty_base_opens_and_invites_an_import() {
    let s = Scratch::new();
    let mut harness = app(s.store.path().to_owned());
    wait_label(&mut harness, "База пуста");
    wait_exact(&mut harness, "0 контактов");
    harness.get_by_label("Контакты");
    // The two ways in are right there.
    harness.get_by_label("Импорт файла…");
    harness.get_by_label("Попробовать на демо-данных…").click();
    wait_label(&mut harness, "Сколько контактов");
}

#[test]
fn import_through_the_path_field_fills_the_table_and_search_finds_any_phone_form() {
    let s = Scratch::new();
    let file = s.file(
        "crm.csv",
        "ФИО;Телефон;Город;Согласие на рассылку\n\
         Иванова Мария Петровна;8 912 345-67-89;Новосибирск;да\n\
         Петров Илья;+7 (913) 000-11-22;Омск;нет\n\
         Без номера;;Омск;да\n",
    );
    let mut harness = app(s.store.path().to_owned());
    wait_label(&mut harness, "База пуста");
    open_import(&mut harness, &file);
    // The mapping step shows the rows as they will be stored.
    wait_label(&mut harness, "+79123456789");
    harness.get_by_label_contains("Кодировка: UTF-8");
    harness.get_by_label("Asia/Novosibirsk");
    harness.get_by_label("Мария");
    harness.get_by_label_contains("нет ни внешнего id");
    harness.get_by_label("Загрузить").click();
    wait_label(&mut harness, "Отклонённые строки");
    // The report: 3 read, 2 new, 1 rejected with its line.
    harness.get_by_label("Новых");
    harness.get_by_label("Прочитано строк: 3. Новых: 2, обновлено: 0, отклонено: 1.");
    harness.get_by_label("4");
    harness.get_by_label("Готово").click();
    wait_label(&mut harness, "Иванова Мария Петровна");
    wait_exact(&mut harness, "2 контакта");
    harness.get_by_label("Петров Илья");

    let search = harness.get_by_role_and_label(Role::TextInput, "Поиск");
    search.focus();
    search.type_text("8913 000");
    wait_label(&mut harness, "найден 1 контакт");
    assert!(harness.query_by_label("Иванова Мария Петровна").is_none());
    harness.get_by_label("Петров Илья").click();
    wait_label(&mut harness, "Карточка контакта");
    harness.get_by_label("Asia/Omsk (по городу)");
    assert_eq!(harness.query_all_by_label("+79130001122").count(), 2);
}

#[test]
fn the_demo_base_is_created_marked_and_left_in_one_click() {
    let s = Scratch::new();
    let real = s.store.path().to_owned();
    let mut harness = app(real.clone());
    wait_label(&mut harness, "База пуста");
    harness.get_by_label("Попробовать на демо-данных…").click();
    wait_exact(&mut harness, "1\u{a0}000");
    harness.get_by_label("1\u{a0}000").click();
    harness.get_by_label("Создать демо-базу").click();
    wait(&mut harness, "demo badge", |h| {
        h.query_all_by_label("ДЕМО-БАЗА").count() > 0
    });
    wait_exact(&mut harness, "1\u{a0}000 контактов");
    assert!(s.dir.path().join("adresat-demo.sqlite").exists());
    harness.get_by_label("Вернуться к своей базе").click();
    wait_exact(&mut harness, "0 контактов");
    assert_eq!(harness.query_all_by_label("ДЕМО-БАЗА").count(), 0);
}

#[test]
fn the_language_switch_changes_the_labels() {
    let s = Scratch::new();
    let mut harness = app(s.store.path().to_owned());
    wait_label(&mut harness, "База пуста");
    harness.get_by_label("Файл").click();
    harness.run_steps(2);
    harness.get_by_label("Настройки…").click();
    harness.run_steps(2);
    harness.get_by_label("English").click();
    let country = || (Role::TextInput, "Страна телефонов без кода");
    harness
        .get_by_role_and_label(country().0, country().1)
        .focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(country().0, country().1)
        .type_text("kz");
    harness.run_steps(2);
    harness.get_by_label("Сохранить").click();
    wait_label(&mut harness, "The base is empty");
    harness.get_by_label("Contacts");
    // The language is this app's: a thread beside it (another test) still speaks Russian.
    let beside = std::thread::spawn(|| {
        i18n::set_current(Lang::Ru);
        i18n::tr("nav-contacts")
    });
    assert_eq!(beside.join().unwrap(), "Контакты");
    assert_eq!(i18n::tr("nav-contacts"), "Contacts");
    // The values are written in the background, without holding up the window.
    wait(&mut harness, "the country saved", |_| {
        s.store.get_setting("default_country").unwrap() == "KZ"
    });
}

#[test]
fn a_file_that_is_not_a_base_shows_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.sqlite");
    std::fs::write(&path, "просто текст ".repeat(100)).unwrap();
    let mut harness = app(path);
    wait_label(&mut harness, "не похож на базу");
}

#[test]
fn a_base_of_an_earlier_version_opens_converted_with_its_contacts_and_events() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v10.sqlite");
    drop(adresat::store::Store::open_at_version(&path, 10).unwrap());
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(
            "INSERT INTO contacts (id, name, phone, time_zone, tz_source, created_at)
               VALUES (1, 'Мария', '+79120000001', 'Asia/Omsk', 'city', '2024-01-01T00:00:00Z');
             INSERT INTO events (contact_id, campaign, kind, at)
               VALUES (1, 'Весна', 'delivered', '2024-02-02T10:00:00Z');",
        )
        .unwrap();
    let mut harness = app(path);
    wait_exact(&mut harness, "1 контакт");
    harness.get_by_label("Результаты").click();
    wait_label(&mut harness, "Весна");
}

/// A file dropped from the file manager.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_file_dropped_on_the_window_opens_the_import_on_it() {
    let s = Scratch::new();
    let file = s.file("drop.csv", "Телефон;Город\n89120000001;Казань\n");
    let mut harness = app(s.store.path().to_owned());
    wait_label(&mut harness, "База пуста");
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(file.clone())));
    wait(&mut harness, "file field", |h| {
        h.query_by_role_and_label(Role::TextInput, "Файл CSV или Excel (.xlsx, .xls)")
            .is_some_and(|n| n.value().as_deref() == Some(file.to_str().unwrap()))
    });
    harness.get_by_label("Далее").click();
    wait_label(&mut harness, "Europe/Moscow");
    harness.get_by_label("+79120000001");
}

#[test]
fn the_language_asked_on_the_command_line_wins_over_the_saved_one_for_this_run() {
    let s = Scratch::new();
    let saved = Prefs {
        lang: Some(Lang::En),
        ..Prefs::default()
    };
    let app = AdresatApp::new(s.store.path().to_owned(), saved, Some(Lang::Ru));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut AdresatApp| app.show(ui), app);
    wait_label(&mut harness, "База пуста");
    harness.get_by_label("Контакты");
    assert!(harness.query_by_label("Contacts").is_none());
    // The flag is for this run: the choice saved in the settings stays for the next.
    assert_eq!(harness.state().prefs().lang, Some(Lang::En));
    assert_eq!(Lang::asked(Some("en-US")), Some(Lang::En));
    assert_eq!(Lang::asked(Some("ru_RU.UTF-8")), Some(Lang::Ru));
}

#[test]
fn a_job_that_panics_is_named_in_one_error_notice() {
    let s = Scratch::new();
    let mut harness = app(s.store.path().to_owned());
    wait_label(&mut harness, "База пуста");
    let mut job = Pending::spawn(&harness.ctx.clone(), Work::Rfm, |_| -> u32 {
        panic!("сбой для проверки")
    });
    // Beside the passing notice, the status bar keeps it until the owner has seen it.
    let notice = "⚠ Внутренняя ошибка прервала работу «RFM-анализ».";
    wait_exact(&mut harness, notice);
    assert!(matches!(job.poll(), Poll::Lost));
    harness.run_steps(10);
    assert_eq!(harness.query_all_by_label(notice).count(), 1);
    harness.get_by_label(notice).click();
    harness.run_steps(2);
    assert!(harness.query_by_label(notice).is_none());
    assert!(adresat::ui::jobs::take_lost(&harness.ctx).is_empty());
}

#[test]
fn typing_a_search_key_by_key_shows_the_last_query_and_no_error() {
    let mut s = Scratch::new();
    let mut csv = String::from("ФИО;Телефон;Город\n");
    for i in 0..5000 {
        csv.push_str(&format!("Клиент{i} Фамилия;+7913{i:07};Омск\n"));
    }
    csv.push_str("Редкая Фамилия;+79990000001;Тверь\n");
    s.contacts(&csv);
    let mut harness = app(s.store.path().to_owned());
    wait_exact(&mut harness, "5\u{a0}001 контакт");
    let search = harness.get_by_role_and_label(Role::TextInput, "Поиск");
    search.focus();
    // Each key starts a new search and interrupts the one before it.
    for key in "редкая".chars() {
        harness
            .get_by_role_and_label(Role::TextInput, "Поиск")
            .type_text(&key.to_string());
        harness.step();
    }
    wait_label(&mut harness, "найден 1 контакт");
    wait_label(&mut harness, "Редкая Фамилия");
    harness.run_steps(5);
    assert!(harness.query_by_label_contains("Ошибка").is_none());
    assert!(harness.query_by_label_contains("Отменено").is_none());
}
