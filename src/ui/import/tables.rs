//! The import wizard's tables: the file's first rows as they will be read, and the rows it
//! rejected with their line and reason.

use egui_extras::{Column, TableBuilder};

use super::field_label;
use crate::i18n::tr;
use crate::import::{Field, ImportReport, Preview};

pub(super) fn preview_table(ui: &mut egui::Ui, preview: &Preview) {
    let fields: Vec<Field> = preview
        .rows
        .iter()
        .find_map(|r| r.values.as_ref().ok())
        .map(|v| v.iter().map(|(f, _)| *f).collect())
        .unwrap_or_default();
    ui.push_id("preview", |ui| {
        TableBuilder::new(ui)
            .striped(true)
            .max_scroll_height(220.0)
            .column(Column::auto().at_least(50.0))
            .columns(
                Column::auto().at_least(90.0).clip(true),
                fields.len().max(1),
            )
            .header(22.0, |mut header| {
                header.col(|ui| {
                    ui.strong(tr("rejects-line"));
                });
                for f in &fields {
                    header.col(|ui| {
                        ui.strong(field_label(*f));
                    });
                }
            })
            .body(|body| {
                body.rows(20.0, preview.rows.len(), |mut row| {
                    let r = &preview.rows[row.index()];
                    row.col(|ui| {
                        ui.label(r.line.to_string());
                    });
                    match &r.values {
                        Ok(values) => {
                            for (field, value) in values {
                                let shown = match field {
                                    Field::Consent => tr(&format!("consent-{value}")),
                                    _ => value.clone(),
                                };
                                row.col(|ui| {
                                    ui.label(shown);
                                });
                            }
                        }
                        Err(_) => {
                            row.col(|ui| {
                                ui.colored_label(
                                    ui.visuals().error_fg_color,
                                    tr("preview-rejected"),
                                );
                            });
                        }
                    }
                });
            });
    });
}

pub(super) fn rejects_table(ui: &mut egui::Ui, report: &ImportReport) {
    ui.push_id("rejects", |ui| {
        TableBuilder::new(ui)
            .striped(true)
            .max_scroll_height(200.0)
            .column(Column::auto().at_least(50.0))
            // The reason is what the owner must read; the row's values only remind which it was.
            .column(Column::remainder().at_least(300.0).clip(true))
            .column(Column::initial(240.0).clip(true))
            .header(22.0, |mut header| {
                for id in ["rejects-line", "rejects-reason", "rejects-row"] {
                    header.col(|ui| {
                        ui.strong(tr(id));
                    });
                }
            })
            .body(|body| {
                body.rows(20.0, report.rejects.len(), |mut row| {
                    let r = &report.rejects[row.index()];
                    row.col(|ui| {
                        ui.label(r.line.to_string());
                    });
                    row.col(|ui| {
                        let reason = r.reason.to_string();
                        ui.label(&reason).on_hover_text(reason);
                    });
                    row.col(|ui| {
                        ui.label(r.values.join(" ; "));
                    });
                });
            });
    });
}
