//! How fast a campaign's results come on a big base (not run by CI): `results::metrics` as
//! `adresat results NAME` computes it, for every campaign; then the Results screen through
//! egui_kittest — from a click on a campaign to its cards, and to the trend over all campaigns,
//! with the frames drawn meanwhile.
//!
//!     target/release/adresat demo --contacts 1000000 --out /tmp/demo1m
//!     cargo bench --bench results -- /tmp/demo1m/adresat-demo.sqlite

mod common;

use std::time::{Duration, Instant};

use adresat::i18n::{self, Lang};
use adresat::results::{self, Thresholds};
use adresat::store::Store;
use adresat::ui::{AdresatApp, Prefs};
use common::{report, timed};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn main() {
    let Some(db) = std::env::args().skip(1).find(|a| !a.starts_with("--")) else {
        eprintln!("usage: cargo bench --bench results -- BASE.sqlite");
        std::process::exit(2);
    };
    i18n::set_current(Lang::Ru);
    let opened = Instant::now();
    let store = Store::open(std::path::Path::new(&db)).expect("open the base");
    println!("base opened in {:.2} s", opened.elapsed().as_secs_f64());
    let started = Instant::now();
    let names = results::campaigns(&store).expect("the campaigns");
    println!(
        "{} campaigns listed in {:.0} ms",
        names.len(),
        ms(started.elapsed())
    );
    let thresholds = Thresholds::from_settings(&store).expect("thresholds");
    for name in &names {
        let started = Instant::now();
        let m = results::metrics(&store, name, thresholds).expect("metrics");
        println!(
            "results of «{name}»: {:.0} ms ({} delivered)",
            ms(started.elapsed()),
            m.total.counts.delivered
        );
    }
    drop(store);
    screen(db, &names);
}

/// The Results screen: it opens the newest campaign by itself; then the oldest is clicked.
fn screen(db: String, names: &[String]) {
    let app = AdresatApp::new(db.into(), Prefs::default(), None);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut AdresatApp| app.show(ui), app);
    let mut frames = Vec::new();
    frames.push(timed(&mut harness));
    harness.get_by_label("Результаты").click();
    let (Some(newest), Some(oldest)) = (names.last(), names.first()) else {
        return;
    };
    let shown = |name: String| {
        move |h: &Harness<'_, AdresatApp>| {
            // The campaign's heading beside its name in the list, and its cards.
            h.query_all_by_label(&name).count() >= 2
                && h.query_all_by_label("Доставлено").next().is_some()
        }
    };
    let trend = |h: &Harness<'_, AdresatApp>| h.query_by_label_contains("Считаю").is_none();
    let t = until(&mut harness, &mut frames, shown(newest.clone()));
    println!("screen opened, cards of «{newest}» after {t:.2} s");
    let t = until(&mut harness, &mut frames, trend);
    println!("… and the trend after {t:.2} s");
    report("frames while the screen opens", &mut frames);
    harness.get_by_label(oldest).click();
    let t = until(&mut harness, &mut frames, shown(oldest.clone()));
    println!("clicked «{oldest}»: cards after {t:.2} s");
    let t = until(&mut harness, &mut frames, trend);
    println!("… and the trend after {t:.2} s");
    report("frames after the click", &mut frames);
    harness.get_by_label(newest).click();
    let t = until(&mut harness, &mut frames, shown(newest.clone()));
    println!("clicked «{newest}» again: cards after {t:.2} s");
}

/// Draws frames until `done`, at most three minutes; the seconds it took.
fn until(
    harness: &mut Harness<'_, AdresatApp>,
    frames: &mut Vec<Duration>,
    done: impl Fn(&Harness<'_, AdresatApp>) -> bool,
) -> f64 {
    let started = Instant::now();
    frames.push(timed(harness));
    while !done(harness) && started.elapsed() < Duration::from_secs(180) {
        frames.push(timed(harness));
        std::thread::sleep(Duration::from_millis(2));
    }
    started.elapsed().as_secs_f64()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
