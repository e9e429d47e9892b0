//! Saving a segment (`segment::save`), as the window and `adresat segment save` both do.

use adresat::segment::{self, Rule, Under};

use crate::support::Scratch;

fn everyone() -> Rule {
    Rule::everyone()
}

#[test]
fn a_new_name_must_be_free_a_rename_moves_and_the_cli_replaces() {
    let mut s = Scratch::new();
    let now = chrono::Utc::now();
    segment::save(&mut s.store, "Все", &everyone(), "", Under::NewName, now).unwrap();
    let e = segment::save(&mut s.store, "Все", &everyone(), "", Under::NewName, now).unwrap_err();
    assert_eq!(e.id(), "segment-error-exists");

    // The one being edited, saved under a new name: the old name is gone.
    let renaming = Under::Renaming("Все".to_owned());
    segment::save(
        &mut s.store,
        "Каждый",
        &everyone(),
        "заметка",
        renaming,
        now,
    )
    .unwrap();
    assert!(s.store.segment("Все").unwrap().is_none());
    assert!(s.store.segment("Каждый").unwrap().is_some());

    // The command line replaces what is saved under the name.
    segment::save(
        &mut s.store,
        "Каждый",
        &everyone(),
        "",
        Under::Replacing,
        now,
    )
    .unwrap();
    let names: Vec<String> = s
        .store
        .segments()
        .unwrap()
        .into_iter()
        .map(|x| x.name)
        .collect();
    assert_eq!(names, ["Каждый"]);
}

#[test]
fn a_rule_that_cannot_be_evaluated_is_not_saved() {
    let mut s = Scratch::new();
    let own = Rule::from_json(
        r#"{"version":1,"mode":"all","items":[{"type":"segment","op":"in","segment":"Сам"}]}"#,
    )
    .unwrap();
    let e = segment::save(
        &mut s.store,
        "Сам",
        &own,
        "",
        Under::NewName,
        chrono::Utc::now(),
    )
    .unwrap_err();
    assert_eq!(e.id(), "rule-error-cycle", "{e}");
    assert!(s.store.segments().unwrap().is_empty());
}
