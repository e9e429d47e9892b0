//! Who is who: external id, then phone, then messenger handle; never one guessed from another.

use adresat::import::{ImportKind, ImportOptions};
use adresat::store::ContactKey;

use crate::support::{Scratch, reject_ids};

#[test]
fn every_phone_form_is_one_person_and_reimport_updates() {
    let mut s = Scratch::new();
    let r = s.contacts(
        "Телефон;Имя;Город\n\
         8 912 345-67-89;Мария;\n\
         +7 (912) 345-67-89;;Казань\n\
         79123456789;;\n\
         9123456789;Маша;\n",
    );
    assert_eq!((r.read, r.inserted, r.merged, r.rejected), (4, 1, 3, 0));
    assert_eq!(s.count(), 1);
    let (c, _) = s.by_phone("+79123456789");
    // Non-empty values win, later rows over earlier ones; an empty cell keeps what is there.
    assert_eq!(c.first_name.as_deref(), Some("Маша"));
    assert_eq!(c.city.as_deref(), Some("Казань"));

    let r = s.contacts("Телефон;Город\n8-912-345-67-89;Самара\n");
    assert_eq!((r.inserted, r.updated), (0, 1));
    assert_eq!(s.count(), 1);
    assert_eq!(s.by_phone("+79123456789").0.city.as_deref(), Some("Самара"));
}

#[test]
fn a_file_naming_a_person_twice_counts_the_same_on_every_import() {
    let mut s = Scratch::new();
    let file = "Телефон;ФИО;Теги\n\
                8 912 345-67-89;Иванова Мария Петровна;vip\n\
                89001112233;Пётр;\n\
                +7 (912) 345-67-89;Сидорова Мария;опт\n";
    let r = s.contacts(file);
    assert_eq!((r.inserted, r.merged), (2, 1));
    assert_eq!(
        s.by_phone("+79123456789").0.name.as_deref(),
        Some("Сидорова Мария")
    );
    // Again: the first row sets the earlier name, the third sets the stored one back. Nothing
    // changed in the end, and the repeated row is a merge as it was the first time.
    let r = s.contacts(file);
    assert_eq!(
        (r.read, r.inserted, r.updated, r.unchanged, r.merged),
        (3, 0, 0, 2, 1)
    );
    assert_eq!(
        s.by_phone("+79123456789").0.name.as_deref(),
        Some("Сидорова Мария")
    );
    // A later row that does change the person makes the contact updated, counted once.
    let r = s.contacts("Телефон;Город\n89123456789;\n89123456789;Омск\n");
    assert_eq!((r.updated, r.unchanged, r.merged), (1, 0, 1));
    // A new tag on a repeated row counts too, even if the fields end as they were.
    let r = s.contacts("Телефон;Город;Теги\n89123456789;Казань;\n89123456789;Омск;новый\n");
    assert_eq!((r.updated, r.unchanged, r.merged), (1, 0, 1));
    assert_eq!(s.by_phone("+79123456789").0.city.as_deref(), Some("Омск"));
}

#[test]
fn a_crm_id_is_never_taken_for_a_phone() {
    let mut s = Scratch::new();
    s.contacts("ID клиента;Телефон\n9123456789;+79001112233\n");
    // The same digits in the phone column are another person.
    let r = s.contacts("Телефон\n9123456789\n");
    assert_eq!(r.inserted, 1);
    assert_eq!(s.count(), 2);
    assert_eq!(
        s.by_external("9123456789").0.phone.as_deref(),
        Some("+79001112233")
    );
    assert_eq!(s.by_phone("+79123456789").0.external_id, None);
}

#[test]
fn telegram_handles_identify_too() {
    let mut s = Scratch::new();
    s.contacts("Telegram;Имя\n@Maria_Shop;Мария\n");
    let r = s.contacts("Telegram;Город\nhttps://t.me/maria_shop;Омск\n");
    assert_eq!((r.inserted, r.updated), (0, 1));
    assert_eq!(s.count(), 1);
    let r = s.contacts("telegram id;Имя\n123456789;Пётр\n-100200;Группа\nabc;Плохой\n");
    assert_eq!(r.inserted, 2);
    assert_eq!(reject_ids(&r), [(4, "reject-tg-chat-id")]);
}

#[test]
fn a_row_matching_two_contacts_is_rejected_naming_both() {
    let mut s = Scratch::new();
    s.contacts("ID клиента;Телефон\nA;89120000001\nB;89120000002\n");
    let r = s.contacts("ID клиента;Телефон;Город\nA;89120000002;Омск\n");
    assert_eq!(reject_ids(&r), [(2, "reject-two-contacts")]);
    let text = r.rejects[0].reason.render(adresat::i18n::Lang::Ru);
    assert!(text.contains("№1") && text.contains("№2"), "{text}");
    assert!(
        text.contains("A") && text.contains("+79120000002"),
        "{text}"
    );
    // Nothing about either contact changed.
    assert_eq!(s.by_external("A").0.city, None);
    assert_eq!(s.by_external("B").0.city, None);
}

#[test]
fn a_stronger_key_contradicting_the_match_is_rejected() {
    let mut s = Scratch::new();
    s.contacts("ID клиента;Телефон\nA;89120000001\n");
    // CRM id C is new, but the phone belongs to the contact whose CRM id is A.
    let r = s.contacts("ID клиента;Телефон\nC;89120000001\n");
    assert_eq!(reject_ids(&r), [(2, "reject-key-mismatch")]);
    assert_eq!(s.count(), 1);
    // Matched by the CRM id, a new phone is an update of that contact.
    let r = s.contacts("ID клиента;Телефон\nA;89120000009\n");
    assert_eq!(r.updated, 1);
    assert_eq!(s.by_external("A").0.phone.as_deref(), Some("+79120000009"));
}

/// A first import writes new contacts in batches with the key indexes dropped until its end:
/// a person repeated far apart, and a phone one contact gave up and another took, must still be
/// found, and the indexes built at the end must hold.
#[test]
fn a_big_first_import_finds_people_across_batches() {
    let mut s = Scratch::new();
    let mut csv = String::from("ID клиента;Телефон;Город\n");
    for i in 0..3000 {
        csv.push_str(&format!("C{i};+7912{i:07};\n"));
    }
    // The first person again, much later, by phone only: the same contact.
    csv.push_str(";+79120000000;Омск\n");
    // C1 changes phone; the phone it gave up then belongs to someone new.
    csv.push_str("C1;+79990000001;\n");
    csv.push_str(";+79120000001;Тверь\n");
    // And both are found again by those phones.
    csv.push_str(";+79990000001;Сочи\n");
    csv.push_str(";+79120000001;Тула\n");
    let r = s.contacts(&csv);
    assert_eq!(r.rejected, 0, "{:?}", reject_ids(&r));
    assert_eq!((r.read, r.inserted), (3005, 3001));
    assert_eq!(s.count(), 3001);
    assert_eq!(s.by_phone("+79120000000").0.city.as_deref(), Some("Омск"));
    let c1 = s.by_external("C1").0;
    assert_eq!(c1.phone.as_deref(), Some("+79990000001"));
    assert_eq!(c1.city.as_deref(), Some("Сочи"));
    let taker = s.by_phone("+79120000001").0;
    assert_eq!(taker.external_id, None);
    assert_eq!(taker.city.as_deref(), Some("Тула"));

    // The indexes came back, unique: the base refuses a second holder of a key.
    let conn = rusqlite::Connection::open(s.path("base.sqlite")).unwrap();
    let dup = conn.execute(
        "INSERT INTO contacts (phone, time_zone, tz_source, created_at)
         VALUES ('+79120000005', 'Europe/Moscow', 'default', '2026-01-01T00:00:00Z')",
        [],
    );
    assert!(dup.is_err());
    // A re-import of the same file adds no one; C1's old phone now belongs to someone else,
    // so the row pairing them names two contacts.
    let r = s.contacts(&csv);
    assert_eq!(r.inserted, 0);
    assert_eq!(reject_ids(&r), [(3, "reject-two-contacts")]);
    assert_eq!(s.count(), 3001);
}

#[test]
fn an_email_is_a_key_of_its_own_and_a_role_address_identifies_nobody() {
    let mut s = Scratch::new();
    let r = s.contacts(
        "Email;Имя;Телефон\n\
         \u{20}Anna.Petrova@Mail.RU ;Анна;\n\
         info@salon.ru;Салон;89120000001\n\
         zakaz@shop.ru;;\n\
         нет почты;Ольга;89120000002\n\
         нет почты;;\n",
    );
    assert_eq!((r.read, r.inserted, r.rejected), (5, 3, 2));
    assert_eq!(
        reject_ids(&r),
        [(4, "reject-role-email"), (6, "reject-email")]
    );
    assert!(r.warnings.iter().any(|w| w.msg.id == "warn-email-kept"));
    // The address is trimmed and lower-cased, and finds the person again.
    let r = s.contacts("E-mail;Город\nanna.petrova@mail.ru;Казань\n");
    assert_eq!((r.inserted, r.updated), (0, 1));
    let anna = s
        .store
        .find_contact(&ContactKey::Email("anna.petrova@mail.ru".into()))
        .unwrap()
        .unwrap();
    let (anna, _) = s.store.contact(anna).unwrap().unwrap();
    assert_eq!(anna.city.as_deref(), Some("Казань"));
    // A company's mailbox is kept, not taken for the person.
    let (salon, _) = s.by_phone("+79120000001");
    assert_eq!(salon.email, None);
    assert_eq!(salon.custom["Email"], "info@salon.ru");
    assert_eq!(s.by_phone("+79120000002").0.custom["Email"], "нет почты");
}

#[test]
fn a_work_email_column_is_kept_and_identifies_nobody() {
    let mut s = Scratch::new();
    let file = "Рабочий email;Личный email;Телефон\n\
                a.petrova@firm.ru;anna@mail.ru;89120000001\n\
                a.petrova@firm.ru;;89120000002\n";
    let r = s.contacts(file);
    assert_eq!((r.inserted, r.rejected), (2, 0));
    let (anna, _) = s.by_phone("+79120000001");
    assert_eq!(anna.email.as_deref(), Some("anna@mail.ru"));
    assert_eq!(anna.custom["Рабочий email"], "a.petrova@firm.ru");
    assert_eq!(s.by_phone("+79120000002").0.email, None);
}

#[test]
fn ids_of_two_systems_are_two_people() {
    let mut s = Scratch::new();
    let amo = s.file(
        "amo.csv",
        "ID,Полное имя контакта,Дата создания контакта,Кем создан контакт,Мобильный телефон\n\
         5012,Мария Иванова,30.09.2026 22:37:00,Админ,+79120000001\n",
    );
    s.import(ImportKind::Contacts, &amo);
    let bitrix = s.file(
        "bitrix.csv",
        "ID;Имя;Фамилия;Обращение;Тип контакта;Мобильный телефон\n\
         5012;Пётр;Сидоров;;Клиенты;+79120000002\n",
    );
    let r = s.import(ImportKind::Contacts, &bitrix);
    assert_eq!((r.inserted, r.rejected), (1, 0));
    assert_eq!(s.count(), 2);
    assert_eq!(
        s.by_system_id("amocrm", "5012").0.phone.as_deref(),
        Some("+79120000001")
    );
    assert_eq!(
        s.by_system_id("bitrix24", "5012").0.phone.as_deref(),
        Some("+79120000002")
    );
    // A file of unknown origin has the system the owner names.
    let mut options = ImportOptions::new(ImportKind::Contacts, chrono::Utc::now());
    options.id_system = Some("1C".into());
    let own = s.file("1c.csv", "Код клиента;Телефон\n5012;+79120000003\n");
    s.try_import(&options, &own).unwrap();
    assert_eq!(
        s.by_system_id("1c", "5012").0.phone.as_deref(),
        Some("+79120000003")
    );
    options.id_system = Some("1С база".into());
    let err = s.try_import(&options, &own).err().unwrap();
    assert_eq!(err.id(), "error-id-system");
}

#[test]
fn the_first_file_of_a_system_adopts_the_owners_ids_it_matches() {
    let mut s = Scratch::new();
    // Imported before ids had systems (or from a file of unknown origin): the owner's own.
    s.contacts("id;Телефон;Теги\n5012;+79120000001;vip\n5013;+79120000002;\n777;+79120000003;\n");
    let amo = s.file(
        "amo.csv",
        "ID,Полное имя контакта,Дата создания контакта,Кем создан контакт,Мобильный телефон\n\
         5012,Мария Иванова,30.09.2026 22:37:00,Админ,+79120000001\n\
         5013,Пётр Сидоров,30.09.2026 22:38:00,Админ,\n\
         5014,Илья Ким,30.09.2026 22:39:00,Админ,+79120000004\n",
    );
    let r = s.import(ImportKind::Contacts, &amo);
    assert_eq!((r.inserted, r.updated, r.rejected), (1, 2, 0));
    let adopted: Vec<_> = r
        .warnings
        .iter()
        .filter(|w| w.msg.id == "warn-ids-adopted")
        .collect();
    assert_eq!(adopted.len(), 1, "{:?}", r.warnings);
    assert_eq!(s.count(), 4);
    let (maria, tags) = s.by_system_id("amocrm", "5012");
    assert_eq!(
        (maria.phone.as_deref(), tags),
        (Some("+79120000001"), vec!["vip".into()])
    );
    assert_eq!(
        s.by_system_id("amocrm", "5013").0.phone.as_deref(),
        Some("+79120000002")
    );
    // An id the file did not name stays the owner's.
    assert_eq!(
        s.by_external("777").0.phone.as_deref(),
        Some("+79120000003")
    );
    // Again: nothing new, nothing adopted.
    let r = s.import(ImportKind::Contacts, &amo);
    assert_eq!((r.inserted, r.updated, r.unchanged), (0, 0, 3));
    assert!(r.warnings.iter().all(|w| w.msg.id != "warn-ids-adopted"));
}

#[test]
fn a_contact_known_only_by_email_joins_the_one_the_phone_finds() {
    let mut s = Scratch::new();
    s.contacts("Email;Теги;Город\nanna@mail.ru;из магазина;Казань\n");
    s.contacts("Телефон;Имя\n89120000001;Анна\n89120000002;Ольга\n");
    let orders = s.file(
        "orders.csv",
        "email;order_date;amount\nanna@mail.ru;01.03.2026;1500\n",
    );
    s.import(ImportKind::Orders, &orders);
    // The service reached her twice for one campaign, once under each key.
    let events = s.file(
        "events.csv",
        "email,phone,campaign,status,date\n\
         anna@mail.ru,,Весна,delivered,2026-03-02 10:00\n\
         anna@mail.ru,,Весна,clicked,2026-03-02 10:05\n\
         ,89120000001,Весна,delivered,2026-03-02 10:00\n",
    );
    s.import(ImportKind::Events, &events);
    let delivered = |s: &Scratch| {
        let m = adresat::results::metrics(&s.store, "Весна", Default::default()).unwrap();
        (m.total.counts.delivered, m.total.counts.clicked)
    };
    assert_eq!(delivered(&s), (2, 1));
    assert_eq!(s.count(), 3);
    let r = s.contacts("Телефон;Email\n89120000001;Anna@mail.ru\n");
    assert_eq!((r.read, r.merged, r.rejected), (1, 1, 0));
    assert!(r.warnings.iter().any(|w| w.msg.id == "warn-email-joined"));
    assert_eq!(s.count(), 2);
    let (anna, tags) = s.by_phone("+79120000001");
    assert_eq!(anna.email.as_deref(), Some("anna@mail.ru"));
    assert_eq!(anna.first_name.as_deref(), Some("Анна"));
    assert_eq!(anna.city.as_deref(), Some("Казань"));
    assert_eq!(tags, ["из магазина"]);
    assert_eq!(s.store.stats().unwrap().orders, 1);
    // One person now: the campaign reached her once, and she clicked.
    assert_eq!(delivered(&s), (1, 1));
    // The same orders file again finds the purchase under the joined contact: nothing new.
    let r = s.import(ImportKind::Orders, &orders);
    assert_eq!((r.inserted, r.unchanged), (0, 1));
    // Two contacts that both have a phone are two people: the row is rejected, naming both.
    s.contacts("Email;Телефон\nolga@mail.ru;89120000003\n");
    let r = s.contacts("Телефон;Email\n89120000002;olga@mail.ru\n");
    assert_eq!(reject_ids(&r), [(2, "reject-two-contacts")]);
}

#[test]
fn an_orders_files_bare_id_is_the_orders_not_the_customers() {
    let mut s = Scratch::new();
    s.contacts("Телефон\n89120000001\n");
    let orders = s.file(
        "orders.csv",
        "Id;Телефон;Дата;Сумма\n1001;89120000001;01.03.2026;1500\n1002;89120000001;02.03.2026;700\n",
    );
    let r = s.import(ImportKind::Orders, &orders);
    assert_eq!((r.inserted, r.rejected), (2, 0));
    let r = s.import(ImportKind::Orders, &orders);
    assert_eq!((r.inserted, r.unchanged), (0, 2));
}

/// Finding one contact by the key the owner names: an external id with or without its system,
/// a phone in any form, an e-mail in any case; an id two systems share needs its system.
#[test]
fn a_named_key_finds_one_contact_or_says_why_not() {
    use adresat::who::{Who, find};
    let mut s = Scratch::new();
    let amo = s.file(
        "amo.csv",
        "ID,Полное имя контакта,Дата создания контакта,Кем создан контакт,Мобильный телефон,Личный email\n\
         5012,Мария Иванова,30.09.2026 22:37:00,Админ,+79120000001,Maria@Mail.ru\n\
         5013,Анна Петрова,30.09.2026 22:38:00,Админ,+79120000004,\n",
    );
    s.import(ImportKind::Contacts, &amo);
    let bitrix = s.file(
        "bitrix.csv",
        "ID;Имя;Фамилия;Обращение;Тип контакта;Мобильный телефон\n\
         5012;Пётр;Сидоров;;Клиенты;+79120000002\n",
    );
    s.import(ImportKind::Contacts, &bitrix);
    let maria = s.by_system_id("amocrm", "5012").0.id;
    let petr = s.by_system_id("bitrix24", "5012").0.id;
    let anna = s.by_system_id("amocrm", "5013").0.id;
    let find = |who: Who| find(&s.store, &who).map_err(|e| e.id());
    assert_eq!(find(Who::External("amocrm:5012".into())), Ok(maria));
    assert_eq!(find(Who::External("bitrix24:5012".into())), Ok(petr));
    assert_eq!(find(Who::External("5013".into())), Ok(anna));
    assert_eq!(
        find(Who::External("5012".into())),
        Err("who-many-external"),
        "two systems gave 5012"
    );
    assert_eq!(find(Who::External("9999".into())), Err("who-no-external"));
    assert_eq!(find(Who::Phone("8 (912) 000-00-02".into())), Ok(petr));
    assert_eq!(find(Who::Phone("не телефон".into())), Err("who-no-phone"));
    assert_eq!(find(Who::Id(anna)), Ok(anna));
    assert_eq!(find(Who::Id(anna + 100)), Err("who-no-id"));
    assert_eq!(find(Who::Email(" MARIA@mail.ru ".into())), Ok(maria));
    assert_eq!(find(Who::Email("anna@mail.ru".into())), Err("who-no-email"));
}
