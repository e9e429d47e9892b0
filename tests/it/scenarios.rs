//! Scenarios as files: checked against the base, kept, listed, shown and deleted — the example
//! of docs/scenarios.md included.

use adresat::scenario::{self, Scenario, StepCondition, Trigger, Wait};

use crate::cli::adresat;
use crate::support::Scratch;

/// The example of docs/scenarios.md.
fn documented() -> String {
    let docs = include_str!("../../docs/scenarios.md");
    let start = docs.find("```json").unwrap() + "```json".len();
    docs[start..start + docs[start..].find("```").unwrap()].to_owned()
}

/// A base with a consenting contact, the segment the example filters by and a cart.
fn base() -> Scratch {
    let mut s = Scratch::new();
    s.contacts("Телефон;Email;Согласие на рассылку\n89120000001;anna@mail.ru;да\n");
    let cart = s.file(
        "cart.csv",
        "Email;Событие;Товар;Дата\nanna@mail.ru;добавил в корзину;Туфли;01.12.2026 10:00\n",
    );
    s.import(adresat::import::ImportKind::Events, &cart);
    let rule = adresat::segment::Rule::from_json(
        r#"{"version": 1, "mode": "all", "items": [{"type": "consent", "is": "yes"}]}"#,
    )
    .unwrap();
    s.store
        .save_segment("Согласные", &rule, "", chrono::Utc::now())
        .unwrap();
    s
}

/// A change made to a good scenario, and the error it must meet.
type Case<'a> = (&'a dyn Fn(&mut Scenario), &'a str);

/// The first error's id of saving `scenario` in `s`.
fn refused(s: &Scratch, scenario: &Scenario) -> String {
    scenario::save(&s.store, scenario, None, chrono::Utc::now())
        .unwrap_err()
        .id()
        .to_owned()
}

#[test]
fn the_documented_scenario_reads_saves_and_comes_back_the_same() {
    let s = base();
    let read = Scenario::from_json(&documented()).unwrap();
    assert_eq!(read.name, "Брошенная корзина");
    assert_eq!(
        read.trigger,
        Trigger::Activity {
            kind: "carted".to_owned(),
            product: None,
            category: None
        }
    );
    assert_eq!(read.steps[0].delay.wait, Wait::Hours(2));
    assert_eq!(
        read.steps[1].delay.wait,
        Wait::NextDayAt("10:00".to_owned())
    );
    assert_eq!(read.steps[1].condition, StepCondition::NoReaction);
    assert!(
        read.exits.order,
        "an order ends a chain unless the file says not"
    );
    scenario::save(&s.store, &read, None, chrono::Utc::now()).unwrap();
    assert_eq!(
        s.store.scenario("Брошенная корзина").unwrap(),
        Some(read.clone())
    );
    assert_eq!(refused(&s, &read), "scenario-error-taken");
    scenario::save(
        &s.store,
        &read,
        Some("Брошенная корзина"),
        chrono::Utc::now(),
    )
    .unwrap();
    assert_eq!(s.store.scenarios().unwrap(), [read]);
}

#[test]
fn what_the_base_or_the_channel_cannot_give_is_refused_at_its_step() {
    let s = base();
    let good = Scenario::from_json(&documented()).unwrap();
    let with = |change: &dyn Fn(&mut Scenario)| {
        let mut changed = good.clone();
        change(&mut changed);
        refused(&s, &changed)
    };
    let cases: [Case; 10] = [
        (&|c| c.name = " ".to_owned(), "scenario-error-no-name"),
        (&|c| c.steps.clear(), "scenario-error-no-steps"),
        (
            &|c| {
                c.trigger = Trigger::Activity {
                    kind: "отзыв".to_owned(),
                    product: None,
                    category: None,
                }
            },
            "scenario-error-activity",
        ),
        (
            &|c| c.filter = Some("Нет такого".to_owned()),
            "scenario-error-segment",
        ),
        (
            &|c| c.trigger = Trigger::NoOrderFor { days: 0 },
            "scenario-error-no-order-days",
        ),
        (
            &|c| c.steps[0].condition = StepCondition::NoReaction,
            "scenario-error-first-condition",
        ),
        (
            &|c| {
                c.channel = adresat::model::campaign::Channel::Telegram;
                c.steps[1].condition = StepCondition::Read;
            },
            "scenario-error-read-channel",
        ),
        (
            &|c| c.steps[1].condition = StepCondition::Clicked("Купить".to_owned()),
            "scenario-error-condition-button",
        ),
        (
            &|c| c.steps[1].text = "Скидка {{нет_такой}}".to_owned(),
            "scenario-error-template",
        ),
        (
            &|c| c.steps[1].delay.wait = Wait::NextDayAt("25:00".to_owned()),
            "scenario-error-time",
        ),
    ];
    for (change, id) in cases {
        assert_eq!(with(change), id);
    }
    assert_eq!(
        with(&|c| c.exits.click = Some("Купить".to_owned())),
        "scenario-error-exit-button"
    );
    assert_eq!(
        with(&|c| c.steps[0].expires_hours = 0),
        "scenario-error-expiry"
    );
    // The step is named in the message.
    let mut late = good.clone();
    late.steps[1].expires_hours = 0;
    let err = scenario::save(&s.store, &late, None, chrono::Utc::now()).unwrap_err();
    assert!(format!("{err:?}").contains("step"), "{err:?}");
    assert!(s.store.scenarios().unwrap().is_empty());
}

#[test]
fn the_cli_saves_lists_shows_and_deletes() {
    let s = base();
    let file = s.file("cart.json", &documented());
    let db = s.store.path().to_owned();
    let run = |args: &[&str]| adresat(&db, args);
    let out = run(&["scenario", "save", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list = String::from_utf8(run(&["scenario", "list"]).stdout).unwrap();
    assert_eq!(
        list.trim(),
        "Брошенная корзина\twhatsapp\tactivity\t2 steps"
    );
    let shown = run(&["scenario", "show", "Брошенная корзина"]);
    let back = Scenario::from_json(&String::from_utf8(shown.stdout).unwrap()).unwrap();
    assert_eq!(back, Scenario::from_json(&documented()).unwrap());
    let again = run(&["scenario", "save", file.to_str().unwrap()]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("--replace"));
    let broken = s.file("broken.json", "{\"version\": 1,\n \"name\": }");
    let bad = run(&["scenario", "save", broken.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("line 2"));
    assert!(
        run(&["scenario", "delete", "Брошенная корзина"])
            .status
            .success()
    );
    assert!(
        !run(&["scenario", "delete", "Брошенная корзина"])
            .status
            .success()
    );
    let none = String::from_utf8(run(&["scenario", "list"]).stdout).unwrap();
    assert_eq!(none.trim(), "No saved scenarios.");
}

#[test]
fn the_scenarios_screen_saves_the_starter_refuses_a_fault_and_deletes() {
    use crate::ui::{app, wait, wait_exact, wait_label};
    use egui_kittest::kittest::Queryable;
    let s = base();
    let mut harness = app(s.store.path().to_owned());
    wait_exact(&mut harness, "1 контакт");
    harness.get_by_label("Сценарии").click();
    wait_label(&mut harness, "Сохранённых сценариев пока нет.");
    // The starter is told in words above its file.
    wait_label(&mut harness, "Запуск: добавил в корзину");
    wait_label(&mut harness, "Шаг 2: на следующий день в 10:00");
    harness.get_by_label("Проверить и сохранить").click();
    wait_label(&mut harness, "Сценарий «Брошенная корзина» сохранён.");
    wait(&mut harness, "listed", |h| {
        h.query_by_label_contains("whatsapp · добавил в корзину · 2 шага")
            .is_some()
    });
    assert!(s.store.scenario("Брошенная корзина").unwrap().is_some());
    // A fault in the file is refused with its reason, and nothing changes in the base.
    crate::ui::replace_text(
        &mut harness,
        "Сценарий (описание в формате JSON, см. docs/scenarios.md)",
        &documented().replace("\"carted\"", "\"отзыв\""),
    );
    harness.run_steps(2);
    harness.get_by_label("Проверить и сохранить").click();
    wait_label(&mut harness, "Действий «отзыв» в базе нет");
    assert_eq!(s.store.scenarios().unwrap().len(), 1);
    // The saved one opens from the list and is deleted.
    // The list (drawn first) and the story above the file both name it.
    harness
        .query_all_by_label("Брошенная корзина")
        .next()
        .expect("listed")
        .click();
    harness.run_steps(2);
    harness.get_by_label("Удалить").click();
    wait_label(&mut harness, "Сценарий удалён.");
    wait_label(&mut harness, "Сохранённых сценариев пока нет.");
    assert!(s.store.scenarios().unwrap().is_empty());
    // A preset opens as a new scenario, told in words.
    harness.get_by_label("Готовые ▾").click();
    harness.run_steps(2);
    harness.get_by_label("День рождения").click();
    wait_label(&mut harness, "Запуск: за 3 дн. до даты «birthday»");
}

#[test]
fn every_preset_is_saved_on_the_demo_base() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    adresat::demo::create_base(&db, 2000, dir.path(), crate::support::unwatched()).unwrap();
    let store = adresat::store::Store::open(&db).unwrap();
    let presets = scenario::presets();
    assert_eq!(presets.len(), 6);
    let mut triggers = std::collections::HashSet::new();
    for p in &presets {
        scenario::save(&store, p, None, chrono::Utc::now())
            .unwrap_or_else(|e| panic!("{}: {e}", p.name));
        triggers.insert(serde_json::to_value(&p.trigger).unwrap()["type"].clone());
    }
    // Activity (cart, view), the first order, days without one, an RFM group, the birthday.
    assert_eq!(triggers.len(), 5);
    assert_eq!(store.scenarios().unwrap().len(), 6);
    assert_eq!(scenario::starter().name, "Брошенная корзина");
}

#[test]
fn the_scenarios_screen_edits_steps_by_clicking() {
    use crate::ui::{app, wait, wait_exact, wait_label};
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable;
    let s = base();
    let mut harness = app(s.store.path().to_owned());
    wait_exact(&mut harness, "1 контакт");
    harness.get_by_label("Сценарии").click();
    wait_label(&mut harness, "Сохранённых сценариев пока нет.");
    // A third step, written into its card, is told in words and saved.
    harness.get_by_label("+ Добавить шаг").scroll_to_me();
    harness.run_steps(3);
    harness.get_by_label("+ Добавить шаг").click();
    wait_label(&mut harness, "Шаг 3: на следующий день в 10:00");
    let third = harness
        .query_all_by_role_and_label(Role::MultilineTextInput, "Текст")
        .nth(2)
        .expect("the third step's text");
    third.scroll_to_me();
    harness.run_steps(3);
    harness
        .query_all_by_role_and_label(Role::MultilineTextInput, "Текст")
        .nth(2)
        .unwrap()
        .focus();
    harness.run_steps(1);
    harness
        .query_all_by_role_and_label(Role::MultilineTextInput, "Текст")
        .nth(2)
        .unwrap()
        .type_text("Последний шанс: корзина скоро очистится.");
    harness.run_steps(2);
    wait(&mut harness, "the preview", |h| {
        h.query_by_label_contains("символов: 40").is_some()
    });
    // The second step goes; the new one follows the reminder.
    harness
        .query_all_by_label("Удалить шаг")
        .nth(1)
        .unwrap()
        .scroll_to_me();
    harness.run_steps(3);
    harness
        .query_all_by_label("Удалить шаг")
        .nth(1)
        .unwrap()
        .click();
    harness.run_steps(2);
    harness.get_by_label("Проверить и сохранить").click();
    wait_label(&mut harness, "Сценарий «Брошенная корзина» сохранён.");
    let saved = s.store.scenario("Брошенная корзина").unwrap().unwrap();
    assert_eq!(saved.steps.len(), 2);
    assert_eq!(saved.steps[1].condition, StepCondition::NoReaction);
    assert_eq!(
        saved.steps[1].text,
        "Последний шанс: корзина скоро очистится."
    );
}
