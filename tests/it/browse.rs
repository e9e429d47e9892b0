//! The queries behind the Contacts screen: search in any phone form, names in any case, tags,
//! filters and order.

use adresat::store::{Consent, ContactQuery, SortColumn, Status};

use crate::support::Scratch;

fn filled() -> Scratch {
    let mut s = Scratch::new();
    s.contacts(
        "ID клиента;ФИО;Телефон;Город;Теги;Согласие\n\
         A1;Иванова Мария Петровна;8 912 345-67-89;Новосибирск;интерес:обувь;да\n\
         A2;Петров Илья;+7 (913) 000-11-22;Омск;vip;нет\n\
         A3;Ёлкина Алёна;9130001133;Омск;;\n",
    );
    s
}

fn search(s: &Scratch, text: &str) -> Vec<i64> {
    s.store
        .contact_ids(&ContactQuery {
            search: text.to_owned(),
            ..ContactQuery::default()
        })
        .unwrap()
}

#[test]
fn phones_in_any_form_names_in_any_case_tags_and_ids() {
    let s = filled();
    for form in ["8 912 345", "+7912345", "912 345-67", "79123456789"] {
        assert_eq!(search(&s, form), [1], "{form}");
    }
    assert_eq!(search(&s, "8913"), [2, 3]);
    assert_eq!(search(&s, "мария"), [1]);
    assert_eq!(search(&s, "ЕЛКИНА"), [3]);
    assert_eq!(search(&s, "омск"), [2, 3]);
    assert_eq!(search(&s, "обувь"), [1]);
    assert_eq!(search(&s, "A2"), [2]);
    assert_eq!(search(&s, "100%"), Vec::<i64>::new());
    assert_eq!(search(&s, ""), [1, 2, 3]);
}

#[test]
fn filters_and_order() {
    let s = filled();
    let ids = |q: ContactQuery| s.store.contact_ids(&q).unwrap();
    assert_eq!(
        ids(ContactQuery {
            consent: Some(Consent::Yes),
            ..Default::default()
        }),
        [1]
    );
    assert_eq!(
        ids(ContactQuery {
            consent: Some(Consent::Unknown),
            ..Default::default()
        }),
        [3]
    );
    assert_eq!(
        ids(ContactQuery {
            status: Some(Status::Blocked),
            ..Default::default()
        }),
        Vec::<i64>::new()
    );
    assert_eq!(
        ids(ContactQuery {
            sort: SortColumn::Name,
            ..Default::default()
        }),
        [3, 1, 2]
    );
    assert_eq!(
        ids(ContactQuery {
            sort: SortColumn::Phone,
            descending: true,
            ..Default::default()
        }),
        [3, 2, 1]
    );
    let rows = s.store.contact_rows(&[2, 1]).unwrap();
    assert_eq!(rows[0].name.as_deref(), Some("Петров Илья"));
    assert_eq!(rows[1].tags, "интерес:обувь");
    let card = s.store.contact_card(1).unwrap().unwrap();
    assert_eq!(card.tags, ["интерес:обувь"]);
    assert_eq!(card.order_count, 0);
    assert!(s.store.contact_card(99).unwrap().is_none());
}

#[test]
fn an_interrupted_query_is_a_cancellation_not_a_fault_of_the_base() {
    // What SQLite answers when the window interrupts a search a newer keystroke replaced.
    let interrupted = rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_INTERRUPT),
        None,
    );
    let e: adresat::Error = interrupted.into();
    assert!(matches!(e, adresat::Error::Cancelled), "{e}");
    // Any other refusal stays an error of the base, in words.
    let busy =
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY), None);
    assert_eq!(adresat::Error::from(busy).id(), "error-db-busy");
}
