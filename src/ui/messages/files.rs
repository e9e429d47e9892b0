//! Loading a campaign from a JSON file and saving one to it: a small window with the path (typed
//! or picked in the system dialog); the file is read and written off the UI thread.

use std::path::PathBuf;

use crate::campaign::Campaign;
use crate::i18n::{Msg, tr};
use crate::ui::jobs::{Pending, Work};
use crate::ui::widgets::{PathField, PathMode, dialog};

/// What the window came to.
pub enum Outcome {
    Open,
    Closed,
    Loaded(Box<Campaign>),
}

/// The load or save window.
pub struct FileWindow {
    path: PathField,
    mode: PathMode,
    job: Option<Pending<Result<Option<Campaign>, String>>>,
    result: Option<Result<String, String>>,
}

impl FileWindow {
    /// A window to load a campaign from a file.
    pub fn open() -> Self {
        FileWindow {
            path: PathField::new(PathMode::Open, ""),
            mode: PathMode::Open,
            job: None,
            result: None,
        }
    }

    /// A window to save `campaign` to a file, offering its name.
    pub fn save(campaign: &Campaign) -> Self {
        let stem = campaign.name.trim();
        let stem = if stem.is_empty() { "campaign" } else { stem };
        FileWindow {
            path: PathField::new(PathMode::Save, &format!("{stem}.json")),
            mode: PathMode::Save,
            job: None,
            result: None,
        }
    }

    pub fn show(&mut self, ctx: &egui::Context, campaign: &Campaign) -> Outcome {
        let mut outcome = Outcome::Open;
        if let Some(job) = &mut self.job
            && let Some(result) = job.finished()
        {
            self.job = None;
            match result {
                Some(Ok(Some(c))) => return Outcome::Loaded(Box::new(c)),
                Some(Ok(None)) => {
                    self.result = Some(Ok(Msg::new("campaign-file-saved")
                        .arg("path", self.path.text.clone())
                        .to_string()))
                }
                Some(Err(e)) => self.result = Some(Err(e)),
                None => {}
            }
        }
        let mut open = true;
        let title = match self.mode {
            PathMode::Open => tr("messages-load-file"),
            PathMode::Save => tr("messages-save-file"),
        };
        dialog(ctx, title, "campaign-file")
            .open(&mut open)
            .default_width(560.0)
            .show(ctx, |ui| {
                self.path.show(ui, &tr("campaign-file"), &["json"]);
                let ready = self.path.is_valid() && self.job.is_none();
                let go = match self.mode {
                    PathMode::Open => tr("messages-load"),
                    PathMode::Save => tr("messages-save-file"),
                };
                if ui.add_enabled(ready, egui::Button::new(go)).clicked()
                    && let Some(path) = self.path.path()
                {
                    self.result = None;
                    self.job = Some(self.start(ctx, path, campaign));
                }
                if self.job.is_some() {
                    ui.spinner();
                }
                crate::ui::widgets::outcome(ui, &self.result);
            });
        if !open {
            outcome = Outcome::Closed;
        }
        outcome
    }

    fn start(
        &self,
        ctx: &egui::Context,
        path: PathBuf,
        campaign: &Campaign,
    ) -> Pending<Result<Option<Campaign>, String>> {
        let text = campaign.to_json();
        let mode = self.mode;
        Pending::spawn(ctx, Work::CampaignFile, move |_| match mode {
            PathMode::Open => std::fs::read_to_string(&path)
                .map_err(|e| crate::Error::io(&path, e).to_string())
                .and_then(|t| Campaign::from_json(&t).map_err(|e| e.to_string()))
                .map(Some),
            PathMode::Save => std::fs::write(&path, text + "\n")
                .map_err(|e| crate::Error::io(&path, e).to_string())
                .map(|_| None),
        })
    }
}
