//! Scenario runs: triggers become entries, due steps become one file of messages with their
//! own ids, results decide the next step, exits and expiries end chains, and a run whose
//! export failed leaves everything as it was.

use adresat::import::ImportKind;
use adresat::plan::export::{Format, Target};
use adresat::scenario::run::{self, End, NotEntered, Run, RunOptions, SavedRun};
use adresat::scenario::{self, Scenario};
use chrono::{DateTime, TimeZone, Utc};

use crate::support::{Scratch, unwatched};

/// 2026-12-01 `h`:`m` in Moscow (the owner's zone), as UTC.
fn msk(day: u32, h: u32, m: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Moscow
        .with_ymd_and_hms(2026, 12, day, h, m, 0)
        .unwrap()
        .with_timezone(&Utc)
}

/// Two consenting Moscow contacts (Анна, Борис), the abandoned-cart chain: a reminder two hours
/// after the cart, then — if there was no reaction — an offer the next day at 10:00.
fn shop() -> Scratch {
    let mut s = Scratch::new();
    s.contacts(
        "Телефон;Имя;Город;Согласие на рассылку;Дата согласия\n\
         89120000001;Анна;Москва;да;01.01.2026\n\
         89120000002;Борис;Москва;да;01.01.2026\n",
    );
    let cart = adresat::scenario::presets()
        .into_iter()
        .find(|p| p.trigger_kind() == Some("carted"))
        .expect("the cart preset");
    scenario::save(&s.store, &cart, None, Utc::now()).unwrap();
    s
}

/// Imports activity or results given as CSV text.
fn events(s: &mut Scratch, name: &str, csv: &str) {
    let file = s.file(name, csv);
    let report = s.import(ImportKind::Events, &file);
    assert_eq!(report.rejected, 0, "{:?}", report.rejects);
}

/// Runs every scenario from `now` for 24 hours into `file`.
fn run_at(s: &Scratch, now: DateTime<Utc>, file: &str) -> adresat::Result<(Run, SavedRun)> {
    let options = RunOptions {
        now,
        until: now + chrono::Duration::hours(24),
        names: Vec::new(),
    };
    let made = run::plan_run(&s.store, &options, unwatched())?;
    let target = Target::new(
        &s.path(file),
        Format::Csv { separator: b';' },
        adresat::i18n::Lang::Ru,
    );
    let saved = run::save_and_export(&s.store, &made, &target, unwatched())?;
    Ok((made, saved))
}

/// The rows of an exported file as (message id, contact, variant, text, send_at_utc).
fn rows(s: &Scratch, file: &str) -> Vec<[String; 5]> {
    let text = std::fs::read_to_string(s.path(file)).unwrap();
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    let head: Vec<&str> = lines.next().unwrap().split(';').collect();
    let col = |name: &str| head.iter().position(|h| *h == name).unwrap();
    let picks = ["message_id", "contact_id", "variant", "text", "send_at_utc"].map(col);
    lines
        .map(|l| {
            let cells: Vec<&str> = l.split(';').collect();
            picks.map(|i| cells[i].to_owned())
        })
        .collect()
}

/// Анна and Борис both leave a cart at 11:00 on 1 December.
fn two_carts(s: &mut Scratch) {
    events(
        s,
        "cart.csv",
        "Телефон;Событие;Дата\n\
         89120000001;добавил в корзину;01.12.2026 11:00\n\
         89120000002;добавил в корзину;01.12.2026 11:00\n",
    );
}

fn anna(s: &Scratch) -> i64 {
    s.by_phone("+79120000001").0.id
}

#[test]
fn a_cart_becomes_a_reminder_two_hours_later_and_a_repeated_run_plans_nothing_new() {
    let mut s = shop();
    events(
        &mut s,
        "cart.csv",
        "Телефон;Событие;Товар;Стоимость;Ссылка;Дата\n\
         89120000001;добавил в корзину;Туфли;4990;https://shop.example/t;01.12.2026 11:00\n",
    );
    let (made, saved) = run_at(&s, msk(1, 12, 0), "run1.csv").unwrap();
    assert_eq!(made.messages(), 1);
    assert!(saved.exported.is_some());
    let outcome = &made.outcomes[0];
    assert_eq!((outcome.triggers, outcome.entered), (1, 1));
    assert_eq!(outcome.planned, vec![1, 0]);
    let rows = rows(&s, "run1.csv");
    assert_eq!(rows.len(), 1);
    let [id, contact, _, text, at] = &rows[0];
    assert_eq!(contact, &anna(&s).to_string());
    // The trigger's product is in the text; so is the cart's value in step 2 (below).
    assert!(
        text.starts_with("Анна, вы оставили в корзине «Туфли»"),
        "{text}"
    );
    // Two hours after the cart: 13:00 Moscow.
    assert_eq!(at, "2026-12-01T10:00:00Z");
    assert!(id.ends_with(&format!("-{}", anna(&s))), "{id}");

    // The run's plan, exported again from the base, still knows what the cart held.
    let saved_plan = s.store.plans().unwrap()[0].id;
    let reloaded = adresat::plan::saved::reload(&s.store, saved_plan).unwrap();
    let again = Target::new(
        &s.path("again.csv"),
        Format::Csv { separator: b';' },
        adresat::i18n::Lang::Ru,
    );
    adresat::plan::export::export(&s.store, &reloaded.plan, &again, unwatched()).unwrap();
    let written = std::fs::read_to_string(s.path("again.csv")).unwrap();
    assert!(written.contains(id.as_str()), "{written}");
    assert!(written.contains("«Туфли»"), "{written}");

    // The same window again, and a later run before the reminder went: nothing new.
    let (again, none) = run_at(&s, msk(1, 12, 0), "run2.csv").unwrap();
    assert_eq!(again.messages(), 0);
    assert!(none.exported.is_none());
    assert!(!s.path("run2.csv").exists());
    let (later, _) = run_at(&s, msk(1, 12, 30), "run3.csv").unwrap();
    assert_eq!(later.messages(), 0);
    assert_eq!(later.outcomes[0].waiting, 1);
}

#[test]
fn the_offer_goes_the_next_morning_only_without_a_reaction_and_waits_for_results() {
    let mut s = shop();
    two_carts(&mut s);
    run_at(&s, msk(1, 12, 0), "run1.csv").unwrap();
    let sent = rows(&s, "run1.csv");
    assert_eq!(sent.len(), 2);
    // Without results, the next day's run cannot judge "no reaction": both wait.
    let (waiting, _) = run_at(&s, msk(1, 20, 0), "run2.csv").unwrap();
    assert_eq!(waiting.messages(), 0);
    assert_eq!(waiting.outcomes[0].waiting, 2);
    // Анна's message was read, Борис's only delivered.
    let (a, b) = (&sent[0][0], &sent[1][0]);
    events(
        &mut s,
        "results.csv",
        &format!(
            "message_id;Статус;Дата\n\
             {a};доставлено;01.12.2026 13:01\n{a};прочитано;01.12.2026 13:30\n\
             {b};доставлено;01.12.2026 13:01\n"
        ),
    );
    let (made, _) = run_at(&s, msk(1, 20, 30), "run3.csv").unwrap();
    assert_eq!(made.messages(), 1);
    let offer = rows(&s, "run3.csv");
    assert_eq!(offer[0][1], s.by_phone("+79120000002").0.id.to_string());
    // Борис's cart had no value: the fallback.
    assert!(
        offer[0][3].contains("скидка 10% на корзину (ваш заказ)"),
        "{}",
        offer[0][3]
    );
    // Due the next day at 10:00 Moscow, but within 24 hours of the reminder (13:00): the cap
    // holds it until 13:00.
    assert_eq!(offer[0][4], "2026-12-02T10:00:00Z");
    let outcome = &made.outcomes[0];
    assert_eq!(outcome.skipped, 1);
    assert!(outcome.ended.contains(&(End::Completed, 2)), "{outcome:?}");
}

#[test]
fn results_per_step_count_reactions_conversions_and_the_funnel() {
    let mut s = shop();
    two_carts(&mut s);
    run_at(&s, msk(1, 12, 0), "run1.csv").unwrap();
    let sent = rows(&s, "run1.csv");
    let (a, b) = (&sent[0][0], &sent[1][0]);
    // Анна read and clicked, then bought the next day; Борис's was only delivered.
    events(
        &mut s,
        "results.csv",
        &format!(
            "message_id;Статус;Дата;Кнопка\n\
             {a};доставлено;01.12.2026 13:01;\n{a};прочитано;01.12.2026 13:30;\n\
             {a};нажал кнопку;01.12.2026 13:31;Оформить\n\
             {b};доставлено;01.12.2026 13:01;\n"
        ),
    );
    let orders = s.file(
        "orders.csv",
        "Телефон;Номер заказа;Дата;Сумма\n89120000001;A-1;02.12.2026 15:00;4990\n",
    );
    s.import(ImportKind::Orders, &orders);
    run_at(&s, msk(1, 20, 30), "run2.csv").unwrap();
    let offer = rows(&s, "run2.csv");
    events(
        &mut s,
        "results2.csv",
        &format!(
            "message_id;Статус;Дата\n{};доставлено;02.12.2026 13:01\n",
            offer[0][0]
        ),
    );
    let r = adresat::scenario::results::results(&s.store, "Брошенная корзина").unwrap();
    assert_eq!((r.entries, r.open, r.attribution_days), (2, 0, 3));
    let [one, two] = [&r.per_step[0], &r.per_step[1]];
    assert_eq!((one.counts.planned, one.counts.delivered), (2, 2));
    assert_eq!((one.counts.read, one.counts.clicked), (1, 1));
    assert_eq!(one.rates.read, Some(0.5));
    // Анна's order came within 3 days of her delivery: step 1 converted once in two.
    assert_eq!((one.converted, one.conversion), (1, Some(0.5)));
    assert_eq!(
        (two.counts.planned, two.counts.delivered, two.converted),
        (1, 1, 0)
    );
    let f = &r.funnel;
    assert_eq!(
        (f[0].entered, f[0].sent, f[0].reacted, f[0].moved_on),
        (2, 2, 1, 2)
    );
    assert_eq!(
        (f[0].converted, f[1].entered, f[1].sent, f[1].moved_on),
        (1, 2, 1, 0)
    );
    assert_eq!(r.ended, vec![(End::Completed, 2)]);
    // Its results are the scenario's, not a campaign's on the Results screen.
    assert!(adresat::results::campaigns(&s.store).unwrap().is_empty());
    // The command line gives the same numbers.
    let out = crate::cli::adresat(
        s.store.path(),
        &["scenario", "results", "Брошенная корзина", "--json"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["per_step"][0]["converted"], 1);
    assert_eq!(json["funnel"][1]["sent"], 1);
    // Анна's way through it, in the owner's time.
    let anna = adresat::scenario::timeline::find_contact(&s.store, "8 912 000-00-01").unwrap();
    let way: Vec<String> =
        adresat::scenario::timeline::timeline(&s.store, "Брошенная корзина", anna)
            .unwrap()
            .into_iter()
            .map(|m| m.what.render(adresat::i18n::Lang::Ru))
            .collect();
    assert_eq!(
        way,
        [
            "01.12.2026 11:00: вошёл",
            "01.12.2026 13:00: шаг 1 запланирован",
            "01.12.2026 13:01: шаг 1 — доставлено",
            "01.12.2026 13:30: шаг 1 — прочитано",
            "01.12.2026 13:31: шаг 1 — нажал кнопку «Оформить»",
            "01.12.2026 20:30: цепочка закончилась — последний шаг запланирован",
        ]
    );
    // A later order, past the window, converts nothing more.
    let late = s.file(
        "late.csv",
        "Телефон;Номер заказа;Дата;Сумма\n89120000002;B-1;10.12.2026 15:00;4990\n",
    );
    s.import(ImportKind::Orders, &late);
    let again = adresat::scenario::results::results(&s.store, "Брошенная корзина").unwrap();
    assert_eq!(again.per_step[1].converted, 0);
}

#[test]
fn an_order_ends_the_chain_and_a_step_without_results_drops_at_its_expiry() {
    let mut s = shop();
    two_carts(&mut s);
    run_at(&s, msk(1, 12, 0), "run1.csv").unwrap();
    let orders = s.file(
        "orders.csv",
        "Телефон;Номер заказа;Дата;Сумма\n89120000001;A-1;01.12.2026 15:00;4990\n",
    );
    s.import(ImportKind::Orders, &orders);
    // Three days later: Анна bought (her chain ends), Борис's step 2 expired with no results.
    let (made, _) = run_at(&s, msk(4, 12, 0), "run2.csv").unwrap();
    assert_eq!(made.messages(), 0);
    let ended = &made.outcomes[0].ended;
    assert!(ended.contains(&(End::Ordered, 1)), "{ended:?}");
    assert!(ended.contains(&(End::NoResults, 1)), "{ended:?}");
}

#[test]
fn a_new_cart_inside_the_cooldown_enters_no_one_and_old_carts_are_not_read() {
    let mut s = shop();
    events(
        &mut s,
        "cart.csv",
        "Телефон;Событие;Дата\n\
         89120000001;добавил в корзину;01.12.2026 11:00\n\
         89120000002;добавил в корзину;20.11.2026 11:00\n",
    );
    let (first, _) = run_at(&s, msk(1, 12, 0), "run1.csv").unwrap();
    // Борис's cart is older than the look-back (72 hours): not a trigger.
    assert_eq!(first.outcomes[0].triggers, 1);
    events(
        &mut s,
        "cart2.csv",
        "Телефон;Событие;Дата\n89120000001;добавил в корзину;02.12.2026 11:00\n",
    );
    let (second, _) = run_at(&s, msk(2, 12, 0), "run2.csv").unwrap();
    assert_eq!(
        second.outcomes[0].not_entered,
        vec![(NotEntered::InChain, 1)]
    );
    assert_eq!(second.messages(), 0);
}

#[test]
fn a_segment_trigger_enters_those_new_in_it_but_not_on_a_changed_rule() {
    let mut s = shop();
    let rule = |json: &str| adresat::segment::Rule::from_json(json).unwrap();
    let consenting =
        r#"{"version": 1, "mode": "all", "items": [{"type": "consent", "is": "yes"}]}"#;
    s.store
        .save_segment("Наши", &rule(consenting), "", Utc::now())
        .unwrap();
    let mut welcome = adresat::scenario::presets()
        .into_iter()
        .find(|p| p.name == "Первая покупка")
        .unwrap();
    welcome.name = "Добро пожаловать".to_owned();
    welcome.trigger = adresat::scenario::Trigger::Segment {
        segment: "Наши".to_owned(),
        enter_everyone_now: false,
    };
    scenario::save(&s.store, &welcome, None, Utc::now()).unwrap();
    // The first run notes who is in it.
    let (first, _) = run_at(&s, msk(1, 12, 0), "run1.csv").unwrap();
    let outcome = |r: &Run| {
        r.outcomes
            .iter()
            .find(|o| o.scenario == "Добро пожаловать")
            .cloned()
            .unwrap()
    };
    assert_eq!(
        (outcome(&first).noted, outcome(&first).entered),
        (Some(2), 0)
    );
    // A new consenting contact is new in it.
    s.contacts(
        "Телефон;Имя;Город;Согласие на рассылку;Дата согласия\n89120000003;Вера;Москва;да;01.01.2026\n",
    );
    let (second, _) = run_at(&s, msk(1, 13, 0), "run2.csv").unwrap();
    assert_eq!(outcome(&second).entered, 1);
    // The owner changes the segment's rule: nobody enters for that.
    let moscow = r#"{"version": 1, "mode": "all", "items":
        [{"type": "field", "field": "city", "op": "equals", "value": "Москва"}]}"#;
    s.store
        .save_segment("Наши", &rule(moscow), "", Utc::now())
        .unwrap();
    let (third, _) = run_at(&s, msk(1, 14, 0), "run3.csv").unwrap();
    let o = outcome(&third);
    assert_eq!((o.noted, o.renoted, o.entered), (Some(3), true, 0));
}

#[test]
fn a_first_order_is_thanked_for_what_it_held() {
    let mut s = shop();
    let mut thanks = adresat::scenario::presets()
        .into_iter()
        .find(|p| p.name == "Первая покупка")
        .unwrap();
    thanks.steps[0].text = "Спасибо за {{last_order_items|покупку}} на {{cart_value}}!".to_owned();
    scenario::save(&s.store, &thanks, None, Utc::now()).unwrap();
    let orders = s.file(
        "orders.csv",
        "Телефон;Номер заказа;Дата;Сумма заказа;Товары\n\
         89120000001;T-1;01.12.2026 10:00;6400;\"1. Платье x 1 ≡ 5000\n2. Шарф x 1 ≡ 1400\"\n",
    );
    s.import(ImportKind::Orders, &orders);
    run_at(&s, msk(1, 12, 0), "run.csv").unwrap();
    let sent = rows(&s, "run.csv");
    assert_eq!(sent.len(), 1);
    assert_eq!(
        sent[0][3],
        "Спасибо за Платье, Шарф на 6\u{a0}400,00\u{a0}₽!"
    );
}

#[test]
fn a_run_whose_file_cannot_be_written_moves_nothing_on() {
    let mut s = shop();
    events(
        &mut s,
        "cart.csv",
        "Телефон;Событие;Дата\n89120000001;добавил в корзину;01.12.2026 11:00\n",
    );
    let failed = run_at(&s, msk(1, 12, 0), "no-such-folder/run.csv");
    assert!(failed.is_err());
    assert!(s.store.runs().unwrap().is_empty());
    assert!(s.store.plans().unwrap().is_empty());
    // The next run finds the same cart and plans the same reminder.
    let (made, _) = run_at(&s, msk(1, 12, 5), "run.csv").unwrap();
    assert_eq!(made.messages(), 1);
    assert_eq!(s.store.runs().unwrap().len(), 1);
}

#[test]
fn a_consenting_contact_is_capped_by_a_campaign_planned_the_same_hours() {
    let mut s = shop();
    let everyone = adresat::segment::Rule::from_json(
        r#"{"version": 1, "mode": "all", "items": [{"type": "consent", "is": "yes"}]}"#,
    )
    .unwrap();
    s.store
        .save_segment("Все", &everyone, "", Utc::now())
        .unwrap();
    let campaign = adresat::campaign::Campaign::from_json(
        r#"{"name": "Акция", "channel": "whatsapp", "sleeping": null,
            "variants": [{"name": "Все", "segment": "Все", "text": "Акция!"}]}"#,
    )
    .unwrap();
    let mut options = adresat::plan::Options::new(msk(1, 0, 0).date_naive(), None);
    options.timing = adresat::plan::Timing::At(adresat::plan::TimeOfDay::new(14, 0));
    let task = adresat::model::task::Task::unwatched(msk(1, 9, 0));
    let plan = adresat::plan::build(&s.store, &campaign, &options, task).unwrap();
    plan.save(&mut s.store).unwrap();
    events(
        &mut s,
        "cart.csv",
        "Телефон;Событие;Дата\n89120000001;добавил в корзину;01.12.2026 11:00\n",
    );
    // The reminder (13:00) would come within 24 hours of the campaign's 14:00: the cap clears
    // only past this window, so it waits; once its expiry (24 hours after 13:00) has passed
    // with the cap still binding, it is dropped.
    let (made, _) = run_at(&s, msk(1, 12, 0), "run.csv").unwrap();
    assert_eq!(made.messages(), 0);
    assert_eq!(made.outcomes[0].waiting, 1);
    let (later, _) = run_at(&s, msk(2, 13, 30), "run2.csv").unwrap();
    assert_eq!(later.messages(), 0);
    assert!(
        later.outcomes[0].ended.contains(&(End::Expired, 1)),
        "{:?}",
        later.outcomes
    );
}

#[test]
fn a_scenario_not_saved_is_named() {
    let s = shop();
    let options = RunOptions {
        now: msk(1, 12, 0),
        until: msk(2, 12, 0),
        names: vec!["Нет такого".to_owned()],
    };
    let err = run::plan_run(&s.store, &options, unwatched()).unwrap_err();
    assert_eq!(err.id(), "scenario-error-not-found");
    let backwards = RunOptions {
        until: msk(1, 11, 0),
        names: Vec::new(),
        ..options
    };
    let err = run::plan_run(&s.store, &backwards, unwatched()).unwrap_err();
    assert_eq!(err.id(), "scenario-error-window");
}

/// The preset's trigger kind, to find it among the presets.
trait TriggerKind {
    fn trigger_kind(&self) -> Option<&str>;
}

impl TriggerKind for Scenario {
    fn trigger_kind(&self) -> Option<&str> {
        match &self.trigger {
            adresat::scenario::Trigger::Activity { kind, .. } => Some(kind),
            _ => None,
        }
    }
}

#[test]
fn the_scenarios_screen_plans_a_cart_reminder_writes_it_and_saves_the_run() {
    use crate::ui::{app, wait, wait_exact, wait_label};
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable;
    let mut s = shop();
    s.store.delete_scenario("Брошенная корзина").unwrap();
    // A cart an hour ago, in the owner's (Moscow) time, as the shop's export writes it.
    let hour_ago = (Utc::now() - chrono::Duration::hours(1))
        .with_timezone(&chrono_tz::Europe::Moscow)
        .format("%d.%m.%Y %H:%M");
    events(
        &mut s,
        "cart.csv",
        &format!("Телефон;Событие;Товар;Дата\n89120000001;добавил в корзину;Туфли;{hour_ago}\n"),
    );
    let mut harness = app(s.store.path().to_owned());
    wait_exact(&mut harness, "2 контакта");
    harness.get_by_label("Сценарии").click();
    wait_label(&mut harness, "Сохранённых сценариев пока нет.");
    // The abandoned-cart preset, saved from the screen.
    harness.get_by_label("Готовые ▾").click();
    harness.run_steps(2);
    // The menu, drawn over the screen, comes after the story of the starter (the same cart).
    harness
        .query_all_by_label("Брошенная корзина")
        .last()
        .expect("the preset in the menu")
        .click();
    harness.run_steps(2);
    harness.get_by_label("Проверить и сохранить").click();
    wait_label(&mut harness, "Сценарий «Брошенная корзина» сохранён.");
    harness.get_by_label("Запланировать сообщения…").click();
    wait_label(&mut harness, "Часов вперёд");
    harness.get_by_label("Запланировать").click();
    wait_label(&mut harness, "сообщений 1");
    wait_label(&mut harness, "поводов 1, вошли 1, запланировано 1");
    let field = harness.get_by_role_and_label(Role::TextInput, "Файл");
    field.focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Файл")
        .type_text(s.path("run.csv").to_str().unwrap());
    harness.run_steps(2);
    harness
        .get_by_label("Записать файл и сохранить запуск")
        .click();
    wait_label(&mut harness, "Записано сообщений: 1");
    // The summary stays; the run cannot be saved twice.
    assert!(
        harness
            .query_by_label("Записать файл и сохранить запуск")
            .is_none()
    );
    let written = rows(&s, "run.csv");
    assert_eq!(written.len(), 1);
    assert!(written[0][3].contains("«Туфли»"), "{:?}", written[0]);
    assert_eq!(s.store.runs().unwrap().len(), 1);
    wait(&mut harness, "the run's entry", |_| {
        s.store.open_entries("Брошенная корзина").unwrap().len() == 1
    });
    // The window closed, the results per step move once the service's results are in.
    harness.get_by_label("Close window").click();
    harness.run_steps(2);
    wait_label(&mut harness, "Результаты по шагам");
    assert!(harness.query_by_label("100,0\u{a0}%").is_none());
    events(
        &mut s,
        "results.csv",
        &format!(
            "message_id;Статус;Дата\n{id};доставлено;{at}\n{id};прочитано;{at}\n",
            id = written[0][0],
            at = written[0][4],
        ),
    );
    harness.get_by_label("Обновить").click();
    wait(&mut harness, "read 100 %", |h| {
        h.query_by_label("100,0\u{a0}%").is_some()
    });
    // Her way through it, asked for by her phone.
    let who = "Контакт (телефон или номер)";
    harness.get_by_role_and_label(Role::TextInput, who).focus();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, who)
        .type_text("8 912 000-00-01");
    harness.run_steps(2);
    harness.get_by_label("Показать его путь").click();
    wait_label(&mut harness, "шаг 1 — прочитано");
    wait_label(&mut harness, "вошёл «Туфли»");
}

#[test]
fn a_step_the_next_day_at_the_best_hour_goes_at_the_hour_the_person_reads() {
    let mut s = shop();
    // Анна read three November campaigns, sent at 09:00, 12:00 and 15:00, at about 18:00.
    events(
        &mut s,
        "history.csv",
        "Телефон;Кампания;Событие;Дата\n\
         89120000001;Н1;доставлено;10.11.2026 09:00\n89120000001;Н1;прочитано;10.11.2026 18:05\n\
         89120000001;Н2;доставлено;17.11.2026 12:00\n89120000001;Н2;прочитано;17.11.2026 18:40\n\
         89120000001;Н3;доставлено;24.11.2026 15:00\n89120000001;Н3;прочитано;24.11.2026 18:10\n",
    );
    let viewed = Scenario::from_json(
        r#"{"version": 1, "name": "Смотрел", "channel": "whatsapp",
            "trigger": {"type": "activity", "kind": "viewed"}, "look_back_hours": 48,
            "steps": [{"delay": {"next_day_best_hour": {"window": "09:00-20:00", "otherwise": "10:00"}},
                       "expires_hours": 48, "text": "Подобрали для вас похожие"}]}"#,
    )
    .unwrap();
    scenario::save(&s.store, &viewed, None, Utc::now()).unwrap();
    events(
        &mut s,
        "viewed.csv",
        "Телефон;Событие;Дата\n\
         89120000001;просмотр товара;01.12.2026 11:00\n\
         89120000002;просмотр товара;01.12.2026 11:00\n",
    );
    let (made, _) = run_at(&s, msk(2, 9, 0), "best.csv").unwrap();
    assert_eq!(made.messages(), 2, "{:?}", made.outcomes);
    // Анна at her own 18:00 the next day; Борис, with no history, at the hour of the
    // scenario's people, which is hers.
    let at: Vec<String> = rows(&s, "best.csv")
        .into_iter()
        .map(|r| r[4].clone())
        .collect();
    assert_eq!(at, ["2026-12-02T15:00:00Z", "2026-12-02T15:00:00Z"]);

    // A window that does not read as times is refused when the scenario is checked.
    let bad = viewed.to_json().replace("09:00-20:00", "с утра");
    let err = scenario::save(
        &s.store,
        &Scenario::from_json(&bad).unwrap(),
        None,
        Utc::now(),
    );
    assert!(err.unwrap_err().to_string().contains("с утра"));
}

/// A yearly trigger "4 294 967 295 days before the birthday" (a scenario file the CLI saves;
/// the window's form stops at 365) reached before chrono's calendar and the run panicked. Such
/// a day has no occurrence: no one enters, and the same scenario at 3 days before still fires.
#[test]
fn a_birthday_further_back_than_the_calendar_enters_no_one() {
    let mut s = Scratch::new();
    s.contacts(
        "Телефон;Имя;Город;Согласие на рассылку;Дата согласия;Дата рождения\n\
         89120000001;Анна;Москва;да;01.01.2026;05.12.1990\n",
    );
    let birthday = |days_before: u32| {
        let mut p = adresat::scenario::presets()
            .into_iter()
            .find(|p| p.name == "День рождения")
            .expect("the birthday preset");
        p.trigger = scenario::Trigger::Yearly {
            field: "birthday".to_owned(),
            days_before,
        };
        p
    };
    scenario::save(&s.store, &birthday(u32::MAX), None, Utc::now()).unwrap();
    let (made, saved) = run_at(&s, msk(1, 12, 0), "far.csv").unwrap();
    assert_eq!((made.outcomes[0].triggers, made.messages()), (0, 0));
    assert!(saved.exported.is_none());

    scenario::save(&s.store, &birthday(3), Some("День рождения"), Utc::now()).unwrap();
    // 05.12 three days ahead: 02.12 at midnight, inside the next day's run.
    let (made, _) = run_at(&s, msk(2, 12, 0), "near.csv").unwrap();
    assert_eq!(made.outcomes[0].triggers, 1);
}
