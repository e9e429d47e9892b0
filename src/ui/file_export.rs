//! A window that writes something of the base to a CSV file the owner chooses: where to, a
//! button, the progress with a cancel, and what came of it. The writing is a background job
//! the caller starts.

use std::path::PathBuf;

use super::jobs::Pending;
use super::widgets::{PathField, PathMode, dialog};
use crate::i18n::{Msg, tr};

/// The words of one kind of export: message ids of the title, what the file holds (if it needs
/// saying), the file field's label, the button, and the count written.
pub struct ExportTexts {
    pub title: &'static str,
    pub about: Option<&'static str>,
    pub file: &'static str,
    pub go: &'static str,
    pub done: &'static str,
}

/// The window's state while it is open.
pub struct ExportWindow {
    texts: ExportTexts,
    path: PathField,
    job: Option<Pending<crate::Result<u64>>>,
    done: Option<Result<String, String>>,
}

impl ExportWindow {
    /// A window offering `file_name` in the owner's documents folder (their home folder where
    /// the system names none).
    pub fn new(texts: ExportTexts, file_name: &str) -> Self {
        let name = file_name.trim().replace(['/', '\\'], "-");
        let dir = directories::UserDirs::new()
            .map(|d| d.document_dir().unwrap_or(d.home_dir()).to_owned())
            .unwrap_or_default();
        ExportWindow {
            texts,
            path: PathField::new(PathMode::Save, &dir.join(name).display().to_string()),
            job: None,
            done: None,
        }
    }

    /// Draws the window; `start` begins writing the chosen file. False once closed (a running
    /// export is cancelled then).
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        start: impl FnOnce(PathBuf) -> Pending<crate::Result<u64>>,
    ) -> bool {
        if let Some(job) = &mut self.job
            && let Some(result) = job.finished()
        {
            self.job = None;
            self.done = Some(match result {
                Some(Ok(n)) => Ok(Msg::counted(self.texts.done, n as i64).to_string()),
                Some(Err(e)) => Err(e.to_string()),
                None => Err(tr("error-lost-job")),
            });
        }
        let mut open = true;
        let mut start = Some(start);
        dialog(ctx, tr(self.texts.title), self.texts.title)
            .open(&mut open)
            .default_width(560.0)
            .show(ctx, |ui| {
                if let Some(about) = self.texts.about {
                    ui.label(tr(about));
                }
                self.path.show(ui, &tr(self.texts.file), &["csv"]);
                ui.horizontal(|ui| {
                    let ready = self.path.is_valid() && self.job.is_none();
                    if ui
                        .add_enabled(ready, egui::Button::new(tr(self.texts.go)))
                        .clicked()
                        && let (Some(path), Some(start)) = (self.path.path(), start.take())
                    {
                        self.done = None;
                        self.job = Some(start(path));
                    }
                    if let Some(job) = &self.job {
                        ui.add(
                            egui::ProgressBar::new(job.progress.fraction())
                                .desired_width(200.0)
                                .show_percentage(),
                        );
                        if ui.button(tr("cancel")).clicked() {
                            job.progress.cancel();
                        }
                    }
                });
                super::widgets::outcome(ui, &self.done);
            });
        if !open && let Some(job) = &self.job {
            job.progress.cancel();
        }
        open
    }
}
