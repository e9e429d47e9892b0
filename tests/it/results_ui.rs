//! The Results screen: a campaign's cards, lines and warnings after a results file, and one
//! click that opens "did not read" as a segment.

use adresat::import::ImportKind;
use egui_kittest::kittest::Queryable;

use crate::support::Scratch;
use crate::ui::{app, wait, wait_exact, wait_label};

#[test]
fn results_show_rates_warn_and_make_a_segment() {
    let mut s = Scratch::new();
    let mut csv = String::from("ID клиента;Имя;Телефон;Часовой пояс;Согласие на рассылку\n");
    for i in 0..40 {
        csv.push_str(&format!("R{i};Имя{i};8914{i:07};Europe/Moscow;да\n"));
    }
    s.contacts(&csv);
    s.store
        .save_segment(
            "Все",
            &adresat::segment::Rule::everyone(),
            "",
            chrono::Utc::now(),
        )
        .unwrap();
    let campaign = adresat::campaign::Campaign::from_json(
        r#"{"name": "Зима", "channel": "whatsapp", "sleeping": null,
            "variants": [{"name": "Всем", "segment": "Все", "text": "Привет",
              "buttons": [{"text": "Хочу", "tag": "интерес:зима"}]}]}"#,
    )
    .unwrap();
    s.store
        .save_campaign(&campaign, chrono::Utc::now())
        .unwrap();
    let plan = adresat::plan::build(
        &s.store,
        &campaign,
        &adresat::plan::Options::new(chrono::NaiveDate::from_ymd_opt(2099, 1, 10).unwrap(), None),
        crate::support::unwatched(),
    )
    .unwrap();
    plan.save(&mut s.store).unwrap();
    // All 40 delivered, 30 read, 4 blocked (10 %: over the 1 % threshold).
    let mut text = String::from("message_id;Статус;Дата\n");
    for (i, item) in plan.items.iter().enumerate() {
        let id = plan.message_id(item.contact_id);
        text.push_str(&format!("{id};доставлено;10.01.2099 10:01\n"));
        if i < 30 {
            text.push_str(&format!("{id};прочитано;10.01.2099 10:05\n"));
        }
        if i >= 36 {
            text.push_str(&format!("{id};заблокировал;10.01.2099 10:09\n"));
        }
    }
    let file = s.file("results.csv", &text);
    s.import(ImportKind::Events, &file);

    let mut harness = app(s.store.path().to_owned());
    wait_exact(&mut harness, "40 контактов");
    harness.get_by_label("Результаты").click();
    wait_label(&mut harness, "Блокируют слишком часто");
    wait(&mut harness, "reads", |h| {
        h.query_all_by_label("75,0\u{a0}%").count() >= 2 // the card and the line
    });
    wait(&mut harness, "blocks", |h| {
        h.query_all_by_label_contains("10,0\u{a0}%").count() >= 2
    });
    harness.get_by_label("не прочитали").click();
    // The segment opens in the builder under its name, with its count.
    wait(&mut harness, "segment", |h| {
        h.query_by_label_contains("10 контактов").is_some()
    });
}
