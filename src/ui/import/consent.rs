//! The import wizard's statements about a whole file: everyone in it agreed to messages (where
//! and when), the system its ids belong to, and which tool wrote it.

use crate::error::Result;
use crate::i18n::{Msg, tr};
use crate::import::{self, ImportOptions};
use crate::store::Store;

/// "Everyone in this file agreed to messages: where, when" — for the CRM exports that carry no
/// consent column. Rows with a consent of their own keep it.
#[derive(Debug, Clone, Default)]
pub(super) struct ConsentForm {
    on: bool,
    source: String,
    date: String,
}

impl ConsentForm {
    /// The statement to import with, checked in the library; `None` when not given.
    pub(super) fn statement(
        &self,
        store: &Store,
        options: &ImportOptions,
    ) -> Result<Option<import::ConsentStatement>> {
        if !self.on {
            return Ok(None);
        }
        import::ConsentStatement::stated(store, options, &self.source, &self.date).map(Some)
    }

    /// Draws the form; true when the statement changed (so the preview is read again).
    pub(super) fn show(&mut self, ui: &mut egui::Ui) -> bool {
        let mut changed = ui
            .checkbox(&mut self.on, tr("import-consent-stated"))
            .changed();
        if !self.on {
            return changed;
        }
        ui.indent("consent-statement", |ui| {
            ui.horizontal(|ui| {
                let label = ui.label(tr("import-consent-source"));
                let source = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.source)
                            .hint_text(tr("import-consent-source-hint"))
                            .desired_width(260.0),
                    )
                    .labelled_by(label.id);
                let label = ui.label(tr("import-consent-date"));
                let date = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.date)
                            .hint_text("31.12.2024")
                            .desired_width(100.0),
                    )
                    .labelled_by(label.id);
                changed |= source.lost_focus() || date.lost_focus();
            });
            match self.problem() {
                Some(problem) => {
                    changed = false;
                    ui.colored_label(ui.visuals().error_fg_color, problem.to_string());
                }
                None => {
                    ui.colored_label(ui.visuals().warn_fg_color, tr("import-consent-proof"));
                }
            }
        });
        changed
    }

    /// What keeps the statement from being made, if the owner asked for one.
    pub(super) fn problem(&self) -> Option<Msg> {
        self.on
            .then(|| import::ConsentStatement::check(&self.source, &self.date, chrono::Utc::now()))
            .flatten()
    }
}

/// Which system the file's ids belong to, and a field to name another (`1c`): ids of two systems
/// are two people. Returns true when the owner leaves the field (Enter or a click elsewhere).
pub(super) fn id_system_row(
    ui: &mut egui::Ui,
    named: &mut String,
    r: &crate::import::recognise::Recognised,
) -> bool {
    ui.horizontal(|ui| {
        let label = ui.label(
            Msg::new("import-id-system")
                .arg("system", r.id_system.as_str())
                .to_string(),
        );
        let edit = ui
            .add(
                egui::TextEdit::singleline(named)
                    .hint_text(r.id_system.as_str())
                    .desired_width(120.0),
            )
            .labelled_by(label.id)
            .on_hover_text(tr("import-id-system-hint"));
        edit.lost_focus()
    })
    .inner
}

/// What the import recognised in the file: the tool, where the number to message comes from,
/// the custom fields, and the owner's remembered column choices.
pub(super) fn recognised(ui: &mut egui::Ui, r: &crate::import::recognise::Recognised) {
    let names = |v: &[String]| {
        v.iter()
            .map(|h| format!("«{h}»"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(origin) = r.origin {
        ui.strong(
            Msg::new("import-origin")
                .arg("origin", origin.msg().to_string())
                .to_string(),
        );
    }
    if r.phones.len() > 1 {
        ui.label(
            Msg::new("import-phones")
                .arg("columns", names(&r.phones))
                .to_string(),
        );
    }
    if !r.custom.is_empty() {
        ui.weak(
            Msg::new("import-custom")
                .arg("columns", names(&r.custom))
                .to_string(),
        );
    }
    if !r.remembered.is_empty() {
        let columns: Vec<String> = r.remembered.iter().map(|c| c.column.clone()).collect();
        ui.label(
            Msg::new("import-remembered")
                .arg("columns", names(&columns))
                .to_string(),
        );
    }
}
