//! How long the window takes to draw a frame while the owner scrolls and searches a big base
//! (not run by CI). egui_kittest runs the real app headlessly; a frame's time here is the UI's own
//! work (layout and tessellation), without the GPU.
//!
//!     target/release/adresat demo --contacts 1000000 --out /tmp/demo1m
//!     cargo bench --bench ui_frames -- /tmp/demo1m/adresat-demo.sqlite

mod common;

use std::time::{Duration, Instant};

use common::{report, timed};

use adresat::i18n::{self, Lang};
use adresat::ui::{AdresatApp, Prefs};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn main() {
    let Some(db) = std::env::args().skip(1).find(|a| !a.starts_with("--")) else {
        eprintln!("usage: cargo bench --bench ui_frames -- BASE.sqlite");
        std::process::exit(2);
    };
    i18n::set_current(Lang::Ru);
    let app = AdresatApp::new(db.clone().into(), Prefs::default(), None);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut AdresatApp| app.show(ui), app);

    let started = Instant::now();
    let mut frames = Vec::new();
    // Until the ids of the whole base are there (the table's first rows show up).
    while harness.query_by_label("1").is_none() {
        frames.push(timed(&mut harness));
        std::thread::sleep(Duration::from_millis(5));
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the base never loaded"
        );
    }
    println!(
        "base open, first rows after {:.2} s",
        started.elapsed().as_secs_f64()
    );
    report("frames while the base loads", &mut frames);

    // The pointer rests on the table, as the owner's would.
    harness.get_by_label("1").hover();
    let scrolled = Instant::now();
    for _ in 0..300 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Line,
            delta: egui::vec2(0.0, -40.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::NONE,
        });
        frames.push(timed(&mut harness));
    }
    println!(
        "300 wheel steps in {:.2} s",
        scrolled.elapsed().as_secs_f64()
    );
    report("frames while scrolling", &mut frames);

    let search = harness.get_by_role_and_label(Role::TextInput, "Поиск");
    search.focus();
    search.type_text("8 951 087");
    let started = Instant::now();
    // The count above the table changes when the answer arrives.
    let everyone = harness
        .query_by_label_contains("найден")
        .and_then(|n| n.value())
        .expect("a count above the table");
    while harness
        .query_by_label_contains("найден")
        .and_then(|n| n.value())
        .is_none_or(|label| label == everyone)
    {
        frames.push(timed(&mut harness));
        std::thread::sleep(Duration::from_millis(2));
        if started.elapsed() > Duration::from_secs(60) {
            break;
        }
    }
    for _ in 0..30 {
        frames.push(timed(&mut harness));
        std::thread::sleep(Duration::from_millis(10));
    }
    println!(
        "search answered after {:.2} s",
        started.elapsed().as_secs_f64()
    );
    report("frames while searching", &mut frames);

    // The Segments screen: each edit starts an exact count of the whole base in the background.
    let contacts = adresat::store::Store::open(std::path::Path::new(&db))
        .and_then(|s| s.stats())
        .expect("the base's size")
        .contacts;
    let total = adresat::i18n::Msg::counted("status-contacts", contacts).to_string();
    harness.get_by_label("Сегменты").click();
    frames.push(timed(&mut harness));
    let counted = |h: &Harness<'_, AdresatApp>| {
        h.query_all_by_label_contains(" контакт")
            .filter_map(|n| n.value())
            .any(|l| l != total && !l.contains("найден"))
    };
    // The funnel's arrows appear beside the top conditions once their counts are in.
    for (items, (step, button)) in [("a condition", "+ условие"), ("a nested group", "+ группа")]
        .into_iter()
        .enumerate()
    {
        harness.get_by_label(button).click();
        let started = Instant::now();
        frames.push(timed(&mut harness));
        while !counted(&harness) || harness.query_all_by_label("→").count() < items + 1 {
            frames.push(timed(&mut harness));
            std::thread::sleep(Duration::from_millis(2));
            if started.elapsed() > Duration::from_secs(60) {
                break;
            }
        }
        println!(
            "count after adding {step} shown after {:.2} s",
            started.elapsed().as_secs_f64()
        );
        for _ in 0..100 {
            frames.push(timed(&mut harness));
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    report("frames while segments count", &mut frames);
}
