//! The eframe window. Screens draw from state and never wait for the database: anything that
//! touches the base runs on a background thread and reports back through a channel. A screen
//! asks the app for work through [`Action`]s, carried out in one place once per frame.

mod app;
mod choice;
mod contacts;
mod derived;
mod dialogs;
mod file_export;
mod fonts;
mod import;
pub mod jobs;
mod messages;
mod pickers;
mod plan;
mod results;
mod rfm;
mod scenarios;
mod segments;
mod widgets;

use std::path::PathBuf;

pub use app::AdresatApp;

use crate::i18n::Lang;

/// What a screen asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Open the import wizard, on a file when one was dropped.
    OpenImport(Option<PathBuf>),
    /// The base's content changed: reload counts and tables.
    BaseChanged,
    /// Show a short notice.
    Notice(String),
    /// Switch to the base at this path (created if missing).
    OpenBase(PathBuf),
    /// Ask how big a demo base to make.
    OpenDemo,
    /// Create a demo base of this many contacts and switch to it.
    CreateDemo(u64),
    /// Open `rule` as a new segment in the builder.
    OpenRule {
        rule: crate::segment::Rule,
        name: String,
        notes: String,
    },
    /// Open the saved segment `segment` with "Why?" asked about the contact number `contact`.
    ExplainContact { segment: String, contact: i64 },
    SaveSettings {
        owner_tz: String,
        country: String,
        lang: Lang,
    },
}

/// What the app remembers between runs (eframe storage); everything that changes results lives
/// in the base instead.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Prefs {
    /// The base open when the app was closed.
    pub current_base: Option<PathBuf>,
    /// The owner's own base, to come back to from the demo.
    pub real_base: Option<PathBuf>,
    /// The interface language, when chosen in the settings.
    pub lang: Option<Lang>,
}

const PREFS_KEY: &str = "adresat-prefs";

/// Opens the window on `db`, or on the base open last time, or on the default base; in the
/// language `asked` on the command line, else the one saved in the settings.
pub fn run(db: Option<PathBuf>, asked: Option<Lang>) -> eframe::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Adresat")
            .with_inner_size([1200.0, 760.0])
            .with_min_inner_size([800.0, 480.0])
            .with_drag_and_drop(true),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "Adresat",
        options,
        Box::new(move |cc| {
            let prefs: Prefs = cc
                .storage
                .and_then(|s| eframe::get_value(s, PREFS_KEY))
                .unwrap_or_default();
            let db = db
                .or_else(|| prefs.current_base.clone().filter(|p| p.exists()))
                .unwrap_or_else(crate::store::default_path);
            Ok(Box::new(AdresatApp::new(db, prefs, asked)))
        }),
    )
}
