//! The eframe window. Screens draw from state and never wait for the database: anything that
//! touches the base runs on a background thread and reports back through a channel.

mod app;
mod jobs;

pub use app::AdresatApp;

use std::path::PathBuf;

/// Opens the window on the base at `db`.
pub fn run(db: PathBuf) -> eframe::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Adresat")
            .with_inner_size([1100.0, 720.0])
            .with_min_inner_size([640.0, 400.0]),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "Adresat",
        options,
        Box::new(move |_cc| Ok(Box::new(AdresatApp::new(db)))),
    )
}
