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
