//! The window, driven through egui_kittest.

use std::time::Duration;

use adresat::i18n::{self, Lang};
use adresat::ui::AdresatApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::support::Scratch;

/// Steps the harness until a node with `label` shows up (the base loads on a background thread).
fn wait_for(harness: &mut Harness<'_, AdresatApp>, label: &str) {
    for _ in 0..500 {
        harness.step();
        if harness.query_by_label(label).is_some() {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("“{label}” never appeared");
}

#[test]
fn the_window_shows_what_the_base_holds() {
    i18n::set_current(Lang::Ru);
    let mut s = Scratch::new();
    s.contacts("Телефон;Согласие\n89120000001;да\n89120000002;нет\n89120000003;\n");
    let app = AdresatApp::new(s.store.path().to_owned());
    let mut harness = Harness::new_ui_state(|ui, app: &mut AdresatApp| app.show(ui), app);
    wait_for(&mut harness, "Контактов");
    harness.get_by_label("Адресат");
    harness.get_by_label("С согласием на рассылку");
    assert!(harness.query_by_label("ДЕМО-БАЗА").is_none());
    // The counts sit beside their labels.
    assert!(harness.query_by_label("3").is_some());
}

#[test]
fn a_file_that_is_not_a_base_shows_an_error_not_a_panic() {
    i18n::set_current(Lang::Ru);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.sqlite");
    std::fs::write(&path, "просто текст ".repeat(100)).unwrap();
    let app = AdresatApp::new(path);
    let mut harness = Harness::new_ui_state(|ui, app: &mut AdresatApp| app.show(ui), app);
    for _ in 0..500 {
        harness.step();
        if harness
            .query_by_label_contains("не похож на базу")
            .is_some()
        {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("no error shown");
}
