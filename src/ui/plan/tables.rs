//! Tables of the Plan screen's export step: the first rows of a file, and the batch list.

use crate::format::group_thousands;
use crate::plan::batches::Batch;

/// Rows of a file, the first one its header, in a scrollable grid.
pub fn preview_grid(ui: &mut egui::Ui, id: &str, rows: &[Vec<String>]) {
    egui::ScrollArea::horizontal()
        .id_salt(id)
        .max_height(180.0)
        .show(ui, |ui| {
            egui::Grid::new(id).striped(true).show(ui, |ui| {
                for (i, row) in rows.iter().enumerate() {
                    for cell in row {
                        let short: String =
                            cell.chars().take(40).collect::<String>().replace('\n', "⏎");
                        if i == 0 {
                            ui.strong(short);
                        } else {
                            ui.label(short).on_hover_text(cell);
                        }
                    }
                    ui.end_row();
                }
            });
        });
}

/// The batch list: when to load each file.
pub fn batches_grid(ui: &mut egui::Ui, batches: &[Batch]) {
    egui::ScrollArea::vertical()
        .id_salt("plan-batches")
        .min_scrolled_height(220.0)
        .max_height(220.0)
        .show(ui, |ui| {
            egui::Grid::new("plan-batches")
                .striped(true)
                .show(ui, |ui| {
                    crate::ui::widgets::heading_row(
                        ui,
                        &[
                            "plan-batch-file",
                            "plan-batch-utc",
                            "plan-batch-owner",
                            "plan-batch-messages",
                            "plan-batch-parts",
                        ],
                    );
                    for b in batches {
                        ui.monospace(&b.file);
                        ui.label(&b.start_utc);
                        ui.label(&b.start_owner);
                        ui.label(group_thousands(b.messages as i64));
                        ui.label(group_thousands(b.sms_parts as i64));
                        ui.end_row();
                    }
                });
        });
}
