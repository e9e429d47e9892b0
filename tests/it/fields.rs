//! The registry of contact fields (`store::CONTACT_FIELDS`) holds every column the base keeps of
//! a contact, and every part of the app that names fields agrees with it: the importer reads
//! each back by its key, the builder's fields are among them, and the export writes them all.

use adresat::import::{ImportKind, fields::field_for_header};
use adresat::segment::FieldRef;
use adresat::store::{CONTACT_FIELDS, contact_field};

use crate::support::Scratch;

/// The columns of `contacts` that are not a field of their own: the internal id and the custom
/// fields' JSON.
const NOT_FIELDS: [&str; 2] = ["id", "custom"];

#[test]
fn every_column_of_a_contact_is_one_field_of_the_registry() {
    let s = Scratch::new();
    let conn = rusqlite::Connection::open(s.store.path()).unwrap();
    let mut stmt = conn
        .prepare("SELECT name FROM pragma_table_info('contacts')")
        .unwrap();
    let columns: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .filter(|c: &String| !NOT_FIELDS.contains(&c.as_str()))
        .collect();
    let mut keys: Vec<&str> = CONTACT_FIELDS.iter().map(|f| f.key).collect();
    let mut columns: Vec<&str> = columns.iter().map(String::as_str).collect();
    keys.sort();
    columns.sort();
    assert_eq!(
        keys, columns,
        "a column without its registry entry, or the reverse"
    );
}

#[test]
fn the_importer_and_the_builder_name_the_fields_as_the_registry_does() {
    for field in CONTACT_FIELDS {
        assert!(
            field_for_header(field.key, ImportKind::Contacts).is_some(),
            "the import does not read `{}` back",
            field.key
        );
    }
    for field in FieldRef::BUILT_IN {
        // `channel` is derived from the addresses a contact has, not stored.
        if field == FieldRef::Channel {
            continue;
        }
        assert!(
            contact_field(field.key()).is_some(),
            "the builder's {} is no stored field",
            field.key()
        );
    }
}

#[test]
fn the_contacts_export_writes_every_field_in_the_registrys_order() {
    let mut s = Scratch::new();
    s.contacts("Телефон;Город\n89120000001;Омск\n");
    let out = s.path("export.csv");
    let task = crate::support::unwatched();
    adresat::export::export_contacts(&s.store, &out, b';', adresat::i18n::Lang::Ru, None, task)
        .unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    let header: Vec<&str> = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap()
        .split(';')
        .collect();
    let keys: Vec<&str> = CONTACT_FIELDS.iter().map(|f| f.key).collect();
    assert_eq!(header[0], "adresat_id");
    assert_eq!(&header[1..=keys.len()], &keys[..]);
    let row: Vec<&str> = text.lines().nth(1).unwrap().split(';').collect();
    let city = keys.iter().position(|k| *k == "city").unwrap() + 1;
    assert_eq!(row[city], "Омск");
}
