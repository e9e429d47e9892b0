//! Who is who: external id, then phone, then messenger handle; never one guessed from another.

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
