//! What the window benchmarks share: one frame timed, and a summary of many.

use std::time::{Duration, Instant};

use adresat::ui::AdresatApp;
use egui_kittest::Harness;

/// Draws one frame of the app and returns how long it took.
pub fn timed(harness: &mut Harness<'_, AdresatApp>) -> Duration {
    let start = Instant::now();
    harness.step();
    start.elapsed()
}

/// Prints the median, 95th percentile and longest of `frames`, then forgets them.
pub fn report(what: &str, frames: &mut Vec<Duration>) {
    frames.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at = |q: f64| frames[((frames.len() - 1) as f64 * q) as usize];
    println!(
        "{what}: {} frames, median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        frames.len(),
        ms(at(0.5)),
        ms(at(0.95)),
        ms(*frames.last().expect("frames"))
    );
    frames.clear();
}
