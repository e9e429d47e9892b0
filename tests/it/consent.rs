//! Consent the sender can prove (DESIGN.md, "Consent"): the owner's statement for a whole file
//! without a consent column, and every contact's consent record exported.

use adresat::import::{ConsentStatement, ImportKind, ImportOptions};
use adresat::store::{Consent, Status};

use crate::support::Scratch;

/// Bitrix24-style contacts with no consent column; one row has its own.
const CRM: &str = "ID;Имя;Фамилия;Мобильный телефон;Согласие на рассылку\n\
                   1;Мария;Иванова;+79120000001;\n\
                   2;Пётр;Сидоров;+79120000002;нет\n\
                   3;Илья;Ким;+79120000003;\n";

#[test]
fn a_statement_for_the_whole_file_is_each_contacts_consent_record() {
    let mut s = Scratch::new();
    // Илья unsubscribed before the date the owner states: that holds.
    s.contacts("Телефон;Статус;Дата статуса\n+79120000003;отписался;01.01.2025\n");
    let path = s.file("crm.csv", CRM);
    let mut options = ImportOptions::new(ImportKind::Contacts, chrono::Utc::now());
    options.consent = Some(
        ConsentStatement::stated(&s.store, &options, " форма на сайте ", "01.03.2024").unwrap(),
    );
    let r = s.try_import(&options, &path).unwrap();
    let ids: Vec<&str> = r.warnings.iter().map(|w| w.msg.id).collect();
    assert!(ids.contains(&"warn-consent-stated"), "{ids:?}");
    assert!(!ids.contains(&"warn-consent-unproven"), "{ids:?}");
    let (maria, _) = s.by_phone("+79120000001");
    assert_eq!(maria.consent, Consent::Yes);
    // Midnight of the owner's day (Moscow), stored in UTC.
    assert_eq!(maria.consent_at.as_deref(), Some("2024-02-29T21:00:00Z"));
    assert_eq!(maria.consent_source.as_deref(), Some("форма на сайте"));
    assert_eq!(maria.consent_file.as_deref(), Some("crm.csv"));
    // A row's own consent column wins over the statement.
    assert_eq!(s.by_phone("+79120000002").0.consent, Consent::No);
    let (ilya, _) = s.by_phone("+79120000003");
    assert_eq!(ilya.status, Status::Unsubscribed);
    // The same file and statement again change nothing.
    let r = s.try_import(&options, &path).unwrap();
    assert_eq!((r.updated, r.unchanged), (0, 3));
}

#[test]
fn a_statement_needs_a_source_and_a_past_date() {
    let s = Scratch::new();
    let options = ImportOptions::new(ImportKind::Contacts, chrono::Utc::now());
    let fault = |source: &str, date: &str| {
        ConsentStatement::stated(&s.store, &options, source, date)
            .err()
            .unwrap()
            .id()
            .to_owned()
    };
    assert_eq!(fault("", "01.03.2024"), "error-consent-statement-source");
    assert_eq!(fault("форма", "весной"), "error-consent-statement-date");
    assert_eq!(
        fault("форма", "01.01.2999"),
        "error-consent-statement-future"
    );
}

#[test]
fn every_consent_record_exports_with_its_date_source_file_and_channels() {
    let mut s = Scratch::new();
    let shop = s.file(
        "customers_export.csv",
        "Customer ID,Email,Phone,Accepts SMS Marketing,Total Spent\n\
         101,anna@mail.ru,+79120000011,yes,0.00\n",
    );
    s.import(ImportKind::Contacts, &shop);
    s.contacts(
        "Телефон;Согласие на рассылку;Дата согласия;Источник согласия;Статус;Дата статуса\n\
         +79120000012;да;01.02.2025 10:30;офлайн-анкета;отписался;01.06.2025\n",
    );
    let out = s.path("consent.csv");
    let db = s.store.path().to_owned();
    let run = crate::cli::adresat(
        &db,
        &["contacts", "consent-export", "--out", out.to_str().unwrap()],
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(String::from_utf8_lossy(&run.stdout).contains("Exported 2 consent records"));
    let text = std::fs::read_to_string(&out).unwrap();
    let mut rows = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header = rows.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    let anna = &rows[0];
    assert_eq!(&anna[col("id_system")], "shopify");
    assert_eq!(&anna[col("email")], "anna@mail.ru");
    assert_eq!(&anna[col("consent")], "unknown");
    assert_eq!(&anna[col("consent_sms")], "yes");
    assert_eq!(&anna[col("consent_file")], "customers_export.csv");
    let second = &rows[1];
    assert_eq!(&second[col("consent")], "yes");
    assert_eq!(&second[col("consent_at")], "2025-02-01T07:30:00Z");
    assert_eq!(&second[col("consent_source")], "офлайн-анкета");
    assert_eq!(&second[col("consent_file")], "contacts.csv");
    assert_eq!(&second[col("status")], "unsubscribed");
}

/// The window: the statement in the import's mapping step, and the records from the File menu.
#[test]
fn the_window_takes_a_statement_and_exports_the_records() {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable;
    let s = Scratch::new();
    let path = s.file("crm.csv", CRM);
    let mut harness = crate::ui::app(s.store.path().to_owned());
    crate::ui::wait_label(&mut harness, "База пуста");
    crate::ui::open_import(&mut harness, &path);
    crate::ui::wait_label(&mut harness, "Все люди в этом файле согласились");
    harness
        .get_by_label("Все люди в этом файле согласились получать сообщения")
        .click();
    harness.run_steps(2);
    // Not yet said where: the load waits for it.
    crate::ui::wait_label(&mut harness, "Укажите, где люди из файла дали согласие");
    let source = harness.get_by_role_and_label(Role::TextInput, "Где дали согласие:");
    source.focus();
    source.type_text("форма на сайте");
    harness.run_steps(2);
    let date = harness.get_by_role_and_label(Role::TextInput, "Когда:");
    date.focus();
    date.type_text("01.03.2024");
    harness.run_steps(2);
    harness.get_by_label("Загрузить").click();
    crate::ui::wait_exact(&mut harness, "Готово");
    harness.get_by_label_contains("Предупреждения").click();
    crate::ui::wait_label(&mut harness, "согласие, которое вы указали для всего файла");
    let store = adresat::store::Store::open(s.store.path()).unwrap();
    let id = store
        .find_contact(&adresat::store::ContactKey::Phone("+79120000001".into()))
        .unwrap()
        .unwrap();
    let (maria, _) = store.contact(id).unwrap().unwrap();
    assert_eq!(maria.consent_source.as_deref(), Some("форма на сайте"));

    harness.get_by_label("Готово").click();
    harness.run_steps(2);
    harness.get_by_label("Файл").click();
    harness.run_steps(2);
    harness.get_by_label("Выгрузить согласия…").click();
    crate::ui::wait_label(&mut harness, "Выгрузка записей о согласии");
    let out = s.path("records.csv");
    let label = "Куда сохранить (CSV для Excel)";
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(out.to_str().unwrap());
    harness.run_steps(2);
    harness.get_by_label("Выгрузить").click();
    crate::ui::wait_label(&mut harness, "Выгружены 3 записи о согласии");
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("форма на сайте")
    );
}
