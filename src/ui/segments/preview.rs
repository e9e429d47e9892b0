//! The first contacts the rule being edited holds, below the builder.

use super::SegmentsScreen;
use crate::i18n::{Msg, tr};

impl SegmentsScreen {
    /// The table of the first [`super::PREVIEW`] contacts, once counted.
    pub(super) fn preview(&mut self, ui: &mut egui::Ui) {
        let Some(counted) = self.counted.last() else {
            return;
        };
        if counted.preview.is_empty() {
            ui.weak(tr("segment-preview-none"));
            return;
        }
        ui.strong(
            Msg::new("segment-preview")
                .arg("shown", counted.preview.len() as i64)
                .to_string(),
        );
        egui::ScrollArea::vertical()
            .id_salt("preview")
            .show(ui, |ui| {
                egui::Grid::new("preview-grid")
                    .striped(true)
                    .show(ui, |ui| {
                        for header in ["col-name", "col-phone", "col-city", "col-zone", "col-tags"]
                        {
                            ui.strong(tr(header));
                        }
                        ui.end_row();
                        let tags_width = (ui.available_width() - 640.0).max(200.0);
                        for row in &counted.preview {
                            ui.label(row.name.as_deref().unwrap_or(""));
                            ui.label(row.phone.as_deref().unwrap_or(""));
                            ui.label(row.city.as_deref().unwrap_or(""));
                            ui.label(&row.time_zone);
                            ui.allocate_ui_with_layout(
                                egui::vec2(tags_width, 18.0),
                                egui::Layout::left_to_right(egui::Align::Center),
                                |ui| ui.add(egui::Label::new(&row.tags).truncate()),
                            );
                            ui.end_row();
                        }
                    });
            });
    }
}
