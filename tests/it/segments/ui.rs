//! The Segments screen, driven by clicks: a rule built from two conditions, its count and funnel
//! following each edit, saved under a name.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

use crate::support::Scratch;
use crate::ui::{app, wait, wait_exact, wait_label};

#[test]
fn a_two_condition_rule_built_by_clicking_counts_funnels_and_saves() {
    let mut s = Scratch::new();
    s.contacts(
        "ID клиента;Город;Согласие на рассылку;Теги\n\
         A1;Омск;да;vip\nA2;Омск;да;\nA3;Москва;нет;vip\nA4;Москва;;\n",
    );
    let mut harness = app(s.store.path().to_owned());
    wait_exact(&mut harness, "4 контакта");
    harness.get_by_label("Сегменты").click();
    wait_label(&mut harness, "Сохранённых сегментов пока нет");
    // An empty rule is everyone.
    wait(&mut harness, "count of everyone", |h| {
        h.query_all_by_label("4 контакта").count() >= 2
    });

    // First condition: consent yes.
    harness.get_by_label("+ условие").click();
    wait_exact(&mut harness, "2 контакта");
    // Second: change its type to tags; the first tag of the base (vip) is picked.
    harness.get_by_label("+ условие").click();
    harness.run_steps(2);
    let types: Vec<_> = harness.query_all_by_label("Что проверяем").collect();
    assert_eq!(types.len(), 2);
    types[1].click();
    harness.run_steps(2);
    harness.get_by_role_and_label(Role::Button, "Теги").click();
    wait_exact(&mut harness, "1 контакт");
    // The funnel beside the conditions: 2 after consent, 1 after the tag.
    wait(&mut harness, "funnel", |h| {
        h.query_by_label("2").is_some() && h.query_all_by_label("1").count() >= 1
    });
    harness.get_by_label("vip");

    // Switch the group to "any of": the count and the funnel change.
    harness
        .get_by_label("Как условия группы складываются")
        .click();
    harness.run_steps(2);
    harness.get_by_label("Любое").click();
    wait_exact(&mut harness, "3 контакта");

    // Save under a name: it appears in the list with its size.
    let name = harness.get_by_role_and_label(Role::TextInput, "Название");
    name.focus();
    name.type_text("VIP или согласие");
    harness.run_steps(2);
    harness.get_by_label("Сохранить").click();
    wait_label(&mut harness, "Сегмент «VIP или согласие» сохранён.");
    wait(&mut harness, "listed", |h| {
        h.query_by_label("VIP или согласие").is_some() && h.query_all_by_label("3").count() >= 2
    });
    let rule = s.store.segment("VIP или согласие").unwrap().unwrap();
    assert_eq!(rule.root.mode, adresat::segment::Mode::Any);
    assert_eq!(rule.root.items.len(), 2);
}

#[test]
fn a_preset_asks_for_the_owners_word_once_and_opens_as_a_rule() {
    let mut s = Scratch::new();
    s.contacts("ID клиента;Согласие на рассылку;Теги\nA1;да;цена:скидки\nA2;да;новинки\nA3;нет;\n");
    let mut harness = app(s.store.path().to_owned());
    wait_exact(&mut harness, "3 контакта");
    harness.get_by_label("Сегменты").click();
    wait_label(&mut harness, "Сохранённых сегментов пока нет");
    harness.get_by_label("Готовые ▾").click();
    harness.run_steps(2);
    harness.get_by_label("Любят скидки").click();
    // The question lists the base's tags, the likely one first and chosen.
    wait_label(&mut harness, "Один вопрос, чтобы собрать сегмент");
    harness.get_by_label("Использовать").click();
    wait_exact(&mut harness, "1 контакт");
    harness.get_by_label("цена:скидки");
    let answer = || s.store.get_setting("meaning.discount_tag").unwrap();
    wait(&mut harness, "answer kept", |_| answer() == "цена:скидки");
}

#[test]
fn pasted_json_is_checked_and_saved_segments_overlap() {
    let mut s = Scratch::new();
    s.contacts("ID клиента;Город;Согласие на рассылку\nA1;Омск;да\nA2;Омск;нет\nA3;Москва;да\n");
    let omsk = adresat::segment::Rule::from_json(
        r#"{"version": 1, "mode": "all", "items": [{"type": "field", "field": "city", "op": "equals", "value": "Омск"}]}"#,
    )
    .unwrap();
    let consent = adresat::segment::Rule::from_json(
        r#"{"version": 1, "mode": "all", "items": [{"type": "consent", "is": "yes"}]}"#,
    )
    .unwrap();
    s.store
        .save_segment("Омск", &omsk, "", chrono::Utc::now())
        .unwrap();
    s.store
        .save_segment("С согласием", &consent, "", chrono::Utc::now())
        .unwrap();
    let mut harness = app(s.store.path().to_owned());
    wait_exact(&mut harness, "3 контакта");
    harness.get_by_label("Сегменты").click();
    wait_label(&mut harness, "С согласием");

    // A broken paste is refused with the place of the fault; a good one replaces the rule.
    harness.get_by_label("Правило как JSON").click();
    harness.run_steps(2);
    replace_json(&mut harness, "{\"version\": 1, \"mode\": ");
    harness.run_steps(2);
    harness.get_by_label("Применить").click();
    wait_label(&mut harness, "Правило не читается (строка 1");
    replace_json(&mut harness, &consent.to_json());
    harness.run_steps(2);
    harness.get_by_label("Применить").click();
    wait_exact(&mut harness, "2 контакта");

    // The overlap of the two saved segments: 2 in Омск, 2 with consent, 1 in both.
    harness.get_by_label("Пересечения сегментов").click();
    wait_label(&mut harness, "на диагонали");
    wait(&mut harness, "matrix", |h| {
        h.query_all_by_label("2").count() >= 2 && h.query_all_by_label("1").count() >= 2
    });
}

/// Replaces the text of the JSON window's editor with `text`, as select-all and typing would.
fn replace_json(harness: &mut crate::ui::App<'_>, text: &str) {
    crate::ui::replace_text(harness, "Правило (JSON)", text);
}

#[test]
fn an_activity_condition_is_built_by_clicking_over_hours_or_days() {
    let mut s = Scratch::new();
    s.contacts("Email;Телефон\nanna@mail.ru;89120000001\noleg@mail.ru;89120000002\n");
    // Anna put shoes in the cart just now; Oleg a scarf four days ago.
    let now = chrono::Utc::now();
    let at = |hours: i64| (now - chrono::Duration::hours(hours)).format("%Y-%m-%dT%H:%M:%SZ");
    let cart = s.file(
        "cart.csv",
        &format!(
            "Email;Событие;Товар;Дата\nanna@mail.ru;добавил в корзину;Туфли;{}\n\
             oleg@mail.ru;добавил в корзину;Шарф;{}\n",
            at(1),
            at(96)
        ),
    );
    s.import(adresat::import::ImportKind::Events, &cart);
    let mut harness = app(s.store.path().to_owned());
    wait_exact(&mut harness, "2 контакта");
    harness.get_by_label("Сегменты").click();
    wait_label(&mut harness, "Сохранённых сегментов пока нет");
    harness.get_by_label("+ условие").click();
    harness.run_steps(2);
    harness.get_by_label("Что проверяем").click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::Button, "Действия на сайте")
        .click();
    // The new condition: did "added to cart" in the last 48 hours — Anna.
    wait_exact(&mut harness, "1 контакт");
    // Over a week instead: both.
    harness.get_by_label("За какой срок").click();
    harness.run_steps(2);
    harness.get_by_label("за последние … дней").click();
    wait_exact(&mut harness, "2 контакта");
    // Did not, in the last week: nobody.
    harness.get_by_label("Было ли такое действие").click();
    harness.run_steps(2);
    harness.get_by_label("не сделал").click();
    wait_label(&mut harness, "Никто не подходит под эти условия.");
}

/// "Why?": a contact named by its CRM id; the verdict line, each condition marked with the
/// contact's values and what decided it; an edit tells the rule again. From the Messages
/// preview, a contact outside the campaign's segment links to the same view.
#[test]
fn why_tells_the_rule_for_a_contact_and_follows_edits() {
    let mut s = Scratch::new();
    s.contacts(
        "ID клиента;ФИО;Телефон;Город;Согласие на рассылку;Теги\n\
         A1;Анна;89120000001;Омск;да;vip\nA2;Борис;89120000002;Омск;нет;\n",
    );
    let rule = adresat::segment::Rule::from_json(
        r#"{"version":1,"mode":"all","items":[
            {"type":"field","field":"city","op":"equals","value":"Омск"},
            {"type":"consent","is":"yes"}]}"#,
    )
    .unwrap();
    s.store
        .save_segment("Омск", &rule, "", chrono::Utc::now())
        .unwrap();
    let mut harness = app(s.store.path().to_owned());
    wait_exact(&mut harness, "2 контакта");
    harness.get_by_label("Сегменты").click();
    wait(&mut harness, "the saved segment", |h| {
        h.query_by_role_and_label(Role::Button, "Омск").is_some()
    });
    harness.get_by_role_and_label(Role::Button, "Омск").click();
    wait_exact(&mut harness, "1 контакт");
    harness.get_by_label("Почему?").click();
    harness.run_steps(2);
    harness
        .get_by_label("По какому ключу искать контакт")
        .click();
    harness.run_steps(2);
    harness.get_by_label("по id из CRM").click();
    harness.run_steps(2);
    let field = harness.get_by_role_and_label(Role::TextInput, "Контакт");
    field.focus();
    field.type_text("A2");
    harness.run_steps(2);
    harness.get_by_label("Показать").click();
    wait_label(&mut harness, "Борис (№2) — не в сегменте");
    harness.get_by_label("— Решило условие 2: оно не выполнено");
    harness.get_by_label("→ Значение: «Омск»");
    harness.get_by_label("→ Согласие: нет · это решило");
    assert_eq!(
        harness.query_all_by_label("✗").count(),
        2,
        "the top group and consent"
    );

    // "Any of" the two: he is told again, now in the segment, decided by the city.
    harness
        .get_by_label("Как условия группы складываются")
        .click();
    harness.run_steps(2);
    harness.get_by_label("Любое").click();
    wait_label(&mut harness, "Борис (№2) — в сегменте");
    harness.get_by_label("— Решило условие 1: оно выполнено");
    harness.get_by_label("Закрыть").click();
    harness.run_steps(2);
    assert!(harness.query_by_label("Борис (№2) — в сегменте").is_none());
}

#[test]
fn the_messages_preview_links_a_non_recipient_to_why() {
    let mut s = Scratch::new();
    s.contacts(
        "ID клиента;ФИО;Телефон;Город;Согласие на рассылку\n\
         A1;Анна;89120000001;Омск;да\nA2;Борис;89120000002;Казань;да\n",
    );
    let rule = adresat::segment::Rule::from_json(
        r#"{"version":1,"mode":"all","items":[
            {"type":"field","field":"city","op":"equals","value":"Омск"}]}"#,
    )
    .unwrap();
    s.store
        .save_segment("Омск", &rule, "", chrono::Utc::now())
        .unwrap();
    let mut harness = app(s.store.path().to_owned());
    wait_exact(&mut harness, "2 контакта");
    harness.get_by_label("Сообщения").click();
    wait_label(&mut harness, "Получат: 1 из 1 в сегментах");
    let search = harness.get_by_role_and_label(Role::TextInput, "Найти:");
    search.focus();
    search.type_text("Борис");
    wait_label(&mut harness, "почему не в «Омск»?");
    harness.get_by_label("почему не в «Омск»?").click();
    wait_label(&mut harness, "Борис (№2) — не в сегменте");
    harness.get_by_label("→ Значение: «Казань» · это решило");
}
