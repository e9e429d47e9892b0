//! Small widgets shared by the screens.

use std::path::{Path, PathBuf};

use super::jobs::{Pending, Work};
use crate::i18n::tr;

/// Whether a path field picks a file to read or a place to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathMode {
    Open,
    Save,
}

/// A typed path with a "Browse…" button. The system dialog runs off the UI thread (a stuck
/// desktop portal can block forever) and may return nothing where no portal exists: the field
/// stays the way in, and says so.
pub struct PathField {
    pub text: String,
    mode: PathMode,
    browsing: Option<Pending<Option<PathBuf>>>,
    dialog_gave_nothing: bool,
}

impl PathField {
    pub fn new(mode: PathMode, initial: &str) -> Self {
        PathField {
            text: initial.to_owned(),
            mode,
            browsing: None,
            dialog_gave_nothing: false,
        }
    }

    /// The typed path, if any.
    pub fn path(&self) -> Option<PathBuf> {
        let trimmed = self.text.trim().trim_matches('"');
        (!trimmed.is_empty()).then(|| PathBuf::from(trimmed))
    }

    /// Whether the path can be used: an existing file to open, or a folder that exists to save in.
    pub fn is_valid(&self) -> bool {
        match (self.path(), self.mode) {
            (Some(p), PathMode::Open) => p.is_file(),
            (Some(p), PathMode::Save) => p
                .parent()
                .is_none_or(|d| d.as_os_str().is_empty() || d.is_dir()),
            (None, _) => false,
        }
    }

    /// Draws the field under `label`; returns true when the path changed.
    pub fn show(&mut self, ui: &mut egui::Ui, label: &str, extensions: &[&str]) -> bool {
        let mut changed = false;
        if let Some(job) = &mut self.browsing
            && let Some(result) = job.finished()
        {
            self.browsing = None;
            match result.flatten() {
                Some(path) => {
                    self.text = path.display().to_string();
                    self.dialog_gave_nothing = false;
                    changed = true;
                }
                None => self.dialog_gave_nothing = true,
            }
        }
        let label = ui.label(label);
        ui.horizontal(|ui| {
            let valid = self.is_valid() || self.text.trim().is_empty();
            let color = (!valid).then(|| ui.visuals().error_fg_color);
            let edit = egui::TextEdit::singleline(&mut self.text)
                .desired_width(480.0)
                .text_color_opt(color);
            if ui.add(edit).labelled_by(label.id).changed() {
                changed = true;
                self.dialog_gave_nothing = false;
            }
            let browse = ui.add_enabled(self.browsing.is_none(), egui::Button::new(tr("browse")));
            if browse.clicked() {
                self.browsing = Some(spawn_dialog(ui.ctx(), self.mode, extensions, self.path()));
            }
        });
        if self.browsing.is_some() {
            ui.label(tr("browse-waiting"));
        } else if self.dialog_gave_nothing {
            ui.colored_label(ui.visuals().warn_fg_color, tr("browse-nothing"));
        }
        changed
    }
}

fn spawn_dialog(
    ctx: &egui::Context,
    mode: PathMode,
    extensions: &[&str],
    current: Option<PathBuf>,
) -> Pending<Option<PathBuf>> {
    let extensions: Vec<String> = extensions.iter().map(|e| (*e).to_owned()).collect();
    let start_dir = current
        .as_deref()
        .and_then(Path::parent)
        .filter(|d| d.is_dir())
        .map(Path::to_owned);
    Pending::spawn(ctx, Work::FileDialog, move |_| {
        let mut dialog = rfd::FileDialog::new();
        if !extensions.is_empty() {
            dialog = dialog.add_filter(extensions.join(", "), &extensions);
        }
        if let Some(dir) = start_dir {
            dialog = dialog.set_directory(dir);
        }
        match mode {
            PathMode::Open => dialog.pick_file(),
            PathMode::Save => dialog.save_file(),
        }
    })
}

/// A date with a calendar drop-down; true when the owner picked another day.
pub fn date_picker(
    ui: &mut egui::Ui,
    id_salt: &str,
    date: &mut chrono::NaiveDate,
    hint: &str,
) -> bool {
    use chrono::Datelike;
    let mut picked =
        jiff::civil::Date::new(date.year() as i16, date.month() as i8, date.day() as i8)
            .unwrap_or_else(|_| jiff::civil::Date::constant(2026, 1, 1));
    ui.add(egui_extras::DatePickerButton::new(&mut picked).id_salt(id_salt))
        .on_hover_text(hint);
    let new = chrono::NaiveDate::from_ymd_opt(
        picked.year().into(),
        picked.month() as u32,
        picked.day() as u32,
    );
    match new.filter(|d| d != date) {
        Some(d) => {
            *date = d;
            true
        }
        None => false,
    }
}

/// The result of a finished action: the message, in the error colour when it failed.
pub fn outcome(ui: &mut egui::Ui, result: &Option<Result<String, String>>) {
    match result {
        Some(Ok(text)) => {
            ui.label(text);
        }
        Some(Err(text)) => {
            ui.colored_label(ui.visuals().error_fg_color, text);
        }
        None => {}
    }
}

/// A running job's progress bar with its cancel button.
pub fn progress_with_cancel(ui: &mut egui::Ui, progress: &super::jobs::Progress, width: f32) {
    ui.add(
        egui::ProgressBar::new(progress.fraction())
            .desired_width(width)
            .show_percentage(),
    );
    if ui.button(tr("cancel")).clicked() {
        progress.cancel();
    }
}

/// A grid's heading row: the text of each message id, strong, then the row's end.
pub fn heading_row(ui: &mut egui::Ui, ids: &[&str]) {
    for id in ids {
        ui.strong(tr(id));
    }
    ui.end_row();
}

/// A scrolling list of names, `selected` highlighted; returns the one clicked this frame.
pub fn name_list(
    ui: &mut egui::Ui,
    id_salt: &str,
    names: &[String],
    selected: Option<&str>,
) -> Option<String> {
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .id_salt(id_salt)
        .show(ui, |ui| {
            for name in names {
                let button = egui::Button::selectable(selected == Some(name.as_str()), name);
                if ui.add(button.truncate()).clicked() {
                    clicked = Some(name.clone());
                }
            }
        });
    clicked
}

/// A dialog window opened in the middle of the app's window, where the owner is looking, rather
/// than over the navigation at its top left corner. `id` keeps its place apart from its title,
/// which changes with the language.
pub fn dialog<'a>(ctx: &egui::Context, title: String, id: &str) -> egui::Window<'a> {
    egui::Window::new(title)
        .id(egui::Id::unique(("dialog", id)))
        .collapsible(false)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
}

/// A number with a checkbox that turns it off (`None`); turned on, it starts at `default`.
pub fn optional_number(
    ui: &mut egui::Ui,
    value: &mut Option<u32>,
    default: u32,
    range: std::ops::RangeInclusive<u32>,
    label: &str,
) {
    let mut on = value.is_some();
    if ui.checkbox(&mut on, label).changed() {
        *value = on.then_some(default);
    }
    if let Some(n) = value {
        ui.add(egui::DragValue::new(n).range(range))
            .on_hover_text(label);
    }
}
