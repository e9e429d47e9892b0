//! The window's status line (the base, its size, the running job with its bar, jobs lost to an
//! internal error) and what stands in for the screens until the base is open.

use std::sync::Arc;

use egui::RichText;

use super::AdresatApp;
use crate::i18n::{Msg, tr};
use crate::ui::jobs::Progress;

impl AdresatApp {
    /// Until the base is first open: a spinner, or while a base of an earlier version is
    /// converted, its bar and cancel — instead of the screens, whose jobs would only wait for
    /// it (or start the conversion themselves, without a bar). Whether it is so.
    pub(super) fn converting(&self, ui: &mut egui::Ui) -> bool {
        let Some(job) = self.stats_job.as_ref().filter(|_| self.stats.is_none()) else {
            return false;
        };
        if job.progress.step() != crate::store::CONVERTING {
            ui.spinner();
            return true;
        }
        // Progress arrives through atomics, which wake nobody: look again soon.
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(100));
        ui.heading(tr("base-converting"));
        ui.label(tr("base-converting-why"));
        ui.horizontal(|ui| crate::ui::widgets::progress_with_cancel(ui, &job.progress, 320.0));
        true
    }

    pub(super) fn running(&self) -> Option<(String, Arc<Progress>)> {
        if let Some(job) = &self.job {
            return Some((job.label.clone(), job.pending.progress.clone()));
        }
        self.import
            .as_ref()
            .and_then(|w| w.running())
            .map(|p| (tr("job-import"), p.clone()))
    }

    pub(super) fn status_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let name = self
                .db
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            ui.label(Msg::new("status-base").arg("name", name).to_string())
                .on_hover_text(self.db.display().to_string());
            if self.is_demo() {
                ui.label(
                    RichText::new(tr("demo-badge"))
                        .strong()
                        .color(ui.visuals().warn_fg_color),
                );
            }
            ui.separator();
            match &self.stats {
                Some((stats, _)) => {
                    ui.label(Msg::counted("status-contacts", stats.contacts).to_string());
                }
                None => {
                    ui.spinner();
                }
            }
            self.lost_jobs(ui);
            if let Some((label, progress)) = self.running() {
                // Progress arrives through atomics, which wake nobody: look again soon.
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(100));
                ui.separator();
                ui.label(label);
                ui.add(
                    egui::ProgressBar::new(progress.fraction())
                        .desired_width(180.0)
                        .show_percentage(),
                );
                if ui
                    .add_enabled(!progress.is_cancelled(), egui::Button::new(tr("cancel")))
                    .clicked()
                {
                    progress.cancel();
                }
            }
        });
    }

    /// The jobs lost to an internal error, one button each: its hover gives the reason, a click
    /// puts it away.
    fn lost_jobs(&mut self, ui: &mut egui::Ui) {
        let mut seen = None;
        for (i, lost) in self.lost.iter().enumerate() {
            ui.separator();
            let text = Msg::new("job-lost-short")
                .arg("work", lost.work.name())
                .to_string();
            let button = egui::Button::new(
                RichText::new(format!("⚠ {text}")).color(ui.visuals().error_fg_color),
            );
            if ui
                .add(button)
                .on_hover_text(format!("{}\n{}", lost.message(), tr("job-lost-dismiss")))
                .clicked()
            {
                seen = Some(i);
            }
        }
        if let Some(i) = seen {
            self.lost.remove(i);
        }
    }
}
