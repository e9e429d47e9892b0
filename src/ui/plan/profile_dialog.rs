//! The export profile dialog: the owner's own layout for a sending service, made by clicking —
//! the columns (field, header, phone form or time format), the file type, encoding, separator,
//! header row, split, how gaps are filled and whose clock the moment is told by — with a live
//! preview of the first rows of the plan on screen. A shipped profile opens as a copy to save
//! under a name of the owner's; a saved one can be replaced or deleted.

use std::path::Path;
use std::sync::Arc;

use crate::i18n::{Msg, tr};
use crate::plan::Plan;
use crate::plan::export;
use crate::plan::profile::{
    self, Column, Encoding, FIELDS, FileType, Missing, MomentZone, Profile, Split,
};
use crate::ui::jobs::{QueryJob, Work};
use crate::ui::widgets::optional_number;

/// Rows of the preview.
const PREVIEW_ROWS: usize = 5;

/// The dialog's state: the profile being edited and its preview.
pub struct ProfileDialog {
    profile: Profile,
    /// The name it was opened with, when it is one of the owner's (saving may replace it).
    saved_as: Option<String>,
    preview_for: Option<Profile>,
    preview_job: Option<QueryJob<Vec<Vec<String>>>>,
    preview: Option<Result<Vec<Vec<String>>, String>>,
    /// Saving (the profile saved) or deleting (`None`).
    save_job: Option<QueryJob<Option<Profile>>>,
    outcome: Option<Result<String, String>>,
}

/// What a column's field picker offers: the fields, `var:` and `custom:` taking a name.
fn field_kind(field: &str) -> &'static str {
    if field.starts_with("var:") {
        "var:"
    } else if field.starts_with("custom:") {
        "custom:"
    } else {
        FIELDS
            .iter()
            .find(|f| **f == field)
            .copied()
            .unwrap_or("text")
    }
}

impl ProfileDialog {
    /// Opens `profile`: a shipped one as a copy named "… (копия)".
    pub fn open(mut profile: Profile) -> ProfileDialog {
        let saved_as = if profile::is_shipped(&profile.name) {
            profile.name = Msg::new("profile-copy-name")
                .arg("name", profile.name.as_str())
                .to_string();
            None
        } else {
            Some(profile.name.clone())
        };
        ProfileDialog {
            profile,
            saved_as,
            preview_for: None,
            preview_job: None,
            preview: None,
            save_job: None,
            outcome: None,
        }
    }

    /// Draws the dialog. `None` while it stays open; `Some(saved)` when closed, with the profile
    /// saved (or `None`: nothing to choose, closed or deleted).
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        db: &Path,
        plan: &Arc<Plan>,
    ) -> Option<Option<Profile>> {
        self.poll(ctx, db, plan);
        let mut closed = None;
        crate::ui::widgets::dialog(ctx, tr("profile-title"), "profile-dialog")
            .default_width(760.0)
            .show(ctx, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("profile-dialog-scroll")
                    .max_height(560.0)
                    .show(ui, |ui| {
                        self.settings_ui(ui);
                        ui.separator();
                        self.columns_ui(ui);
                        ui.separator();
                        self.check_and_preview(ui);
                    });
                ui.separator();
                closed = self.buttons(ui, db);
            });
        closed
    }

    fn poll(&mut self, ctx: &egui::Context, db: &Path, plan: &Arc<Plan>) {
        if self.profile.validate().is_ok() && self.preview_for.as_ref() != Some(&self.profile) {
            let (plan, p) = (plan.clone(), self.profile.clone());
            if let Some(job) = &self.preview_job {
                job.interrupt();
            }
            self.preview_job = Some(QueryJob::spawn(ctx, Work::Checks, db, move |s| {
                export::preview(s, &plan, &p, PREVIEW_ROWS)
            }));
            self.preview_for = Some(self.profile.clone());
        }
        if let Some(job) = &mut self.preview_job
            && let Some(result) = job.pending.finished()
        {
            self.preview_job = None;
            self.preview = result.map(|r| r.map_err(|e| e.to_string()));
        }
    }

    fn settings_ui(&mut self, ui: &mut egui::Ui) {
        let p = &mut self.profile;
        egui::Grid::new("profile-settings")
            .num_columns(4)
            .show(ui, |ui| {
                let name = ui.label(tr("profile-name"));
                ui.add(egui::TextEdit::singleline(&mut p.name).desired_width(220.0))
                    .labelled_by(name.id);
                ui.label(tr("profile-file-type"));
                let types = [
                    (FileType::Csv, "CSV".to_owned()),
                    (FileType::Xlsx, "Excel (.xlsx)".to_owned()),
                    (FileType::Jsonl, "JSON Lines".to_owned()),
                ];
                pick(ui, "profile-file-type", &mut p.file_type, &types);
                ui.end_row();
                ui.label(tr("profile-encoding"));
                let encodings = [
                    (Encoding::Utf8Bom, tr("profile-encoding-utf8-bom")),
                    (Encoding::Utf8, "UTF-8".to_owned()),
                    (Encoding::Cp1251, "Windows-1251".to_owned()),
                ];
                pick(ui, "profile-encoding", &mut p.encoding, &encodings);
                ui.label(tr("profile-separator"));
                let separators = [
                    (';', "«;»".to_owned()),
                    (',', "«,»".to_owned()),
                    ('\t', tr("profile-separator-tab")),
                    ('|', "«|»".to_owned()),
                ];
                let mut sep = p.separator.chars().next().unwrap_or(';');
                if pick(ui, "profile-separator", &mut sep, &separators) {
                    p.separator = sep.to_string();
                }
                ui.end_row();
                ui.label(tr("plan-split"));
                let splits: Vec<(Split, String)> = Split::ALL
                    .iter()
                    .map(|s| (*s, tr(&format!("plan-split-{}", s.key()))))
                    .collect();
                pick(ui, "profile-split", &mut p.split, &splits);
                ui.label(tr("profile-missing"));
                let missing = [
                    (Missing::Fallback, tr("profile-missing-fallback")),
                    (Missing::Empty, tr("profile-missing-empty")),
                    (Missing::Refuse, tr("profile-missing-refuse")),
                ];
                pick(ui, "profile-missing", &mut p.missing, &missing);
                ui.end_row();
                ui.label(tr("profile-moment-zone"));
                let zones = [
                    (MomentZone::Contact, tr("profile-zone-contact")),
                    (MomentZone::Owner, tr("profile-zone-owner")),
                    (MomentZone::Utc, "UTC".to_owned()),
                ];
                pick(ui, "profile-moment-zone", &mut p.moment.zone, &zones);
                let format = ui.label(tr("profile-moment-format"));
                ui.add(egui::TextEdit::singleline(&mut p.moment.format).desired_width(160.0))
                    .labelled_by(format.id);
                ui.end_row();
                ui.checkbox(&mut p.header, tr("profile-header-row"));
                ui.checkbox(&mut p.rules.plain_headers, tr("profile-plain-headers"));
                ui.checkbox(&mut p.rules.unique_phone, tr("profile-unique-phone"));
                ui.end_row();
                let (min, max) = (&mut p.rules.min_minutes_ahead, &mut p.rules.max_days_ahead);
                ui.horizontal(|ui| {
                    optional_number(ui, min, 15, 0..=1440, &tr("profile-min-ahead"))
                });
                ui.horizontal(|ui| optional_number(ui, max, 35, 1..=365, &tr("profile-max-ahead")));
                ui.end_row();
            });
    }

    fn columns_ui(&mut self, ui: &mut egui::Ui) {
        ui.strong(tr("profile-columns"));
        let columns = &mut self.profile.columns;
        let mut action: Option<(usize, i32)> = None;
        egui::Grid::new("profile-columns")
            .striped(true)
            .min_col_width(150.0)
            .show(ui, |ui| {
                crate::ui::widgets::heading_row(
                    ui,
                    &[
                        "profile-col-field",
                        "profile-col-header",
                        "profile-col-format",
                    ],
                );
                let last = columns.len().saturating_sub(1);
                for (i, c) in columns.iter_mut().enumerate() {
                    column_row(ui, i, c);
                    ui.horizontal(|ui| {
                        if ui
                            .add_enabled(i > 0, egui::Button::new("↑").small())
                            .on_hover_text(tr("profile-up"))
                            .clicked()
                        {
                            action = Some((i, -1));
                        }
                        if ui
                            .add_enabled(i < last, egui::Button::new("↓").small())
                            .on_hover_text(tr("profile-down"))
                            .clicked()
                        {
                            action = Some((i, 1));
                        }
                        if ui
                            .button("✕")
                            .on_hover_text(tr("profile-remove-column"))
                            .clicked()
                        {
                            action = Some((i, 0));
                        }
                    });
                    ui.end_row();
                }
            });
        match action {
            Some((i, 0)) => {
                columns.remove(i);
            }
            Some((i, step)) => columns.swap(i, (i as i32 + step) as usize),
            None => {}
        }
        if ui.button(tr("profile-add-column")).clicked() {
            columns.push(Column::of("text"));
        }
    }

    fn check_and_preview(&self, ui: &mut egui::Ui) {
        match self.profile.validate() {
            Err(msg) => {
                ui.colored_label(ui.visuals().error_fg_color, msg.to_string());
            }
            Ok(()) => match &self.preview {
                Some(Ok(rows)) => {
                    ui.label(if self.profile.header {
                        tr("profile-preview")
                    } else {
                        tr("profile-preview-no-header")
                    });
                    super::tables::preview_grid(ui, "profile-preview", rows);
                }
                Some(Err(e)) => {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
                None => {
                    ui.spinner();
                }
            },
        }
    }

    /// Save, delete and close; returns what `show` returns.
    fn buttons(&mut self, ui: &mut egui::Ui, db: &Path) -> Option<Option<Profile>> {
        if let Some(job) = &mut self.save_job
            && let Some(result) = job.pending.finished()
        {
            self.save_job = None;
            match result {
                Some(Ok(saved)) => return Some(saved),
                Some(Err(e)) => self.outcome = Some(Err(e.to_string())),
                None => {}
            }
        }
        let mut closed = None;
        ui.horizontal(|ui| {
            let valid = self.profile.validate().is_ok() && self.save_job.is_none();
            if ui
                .add_enabled(valid, egui::Button::new(tr("profile-save")))
                .clicked()
            {
                let (p, old) = (self.profile.clone(), self.saved_as.clone());
                self.save_job = Some(QueryJob::spawn(ui.ctx(), Work::Save, db, move |s| {
                    profile::save(s, &p, chrono::Utc::now())?;
                    if let Some(old) = old.filter(|o| *o != p.name.trim()) {
                        profile::delete(s, &old)?;
                    }
                    Ok(Some(Profile {
                        name: p.name.trim().to_owned(),
                        ..p
                    }))
                }));
            }
            if let Some(name) = self.saved_as.clone()
                && ui
                    .add_enabled(
                        self.save_job.is_none(),
                        egui::Button::new(tr("profile-delete")),
                    )
                    .clicked()
            {
                self.save_job = Some(QueryJob::spawn(ui.ctx(), Work::Save, db, move |s| {
                    profile::delete(s, &name)?;
                    Ok(None)
                }));
            }
            if ui.button(tr("close")).clicked() {
                closed = Some(None);
            }
        });
        crate::ui::widgets::outcome(ui, &self.outcome);
        closed
    }
}

/// One column's field, header and format.
fn column_row(ui: &mut egui::Ui, i: usize, c: &mut Column) {
    ui.horizontal(|ui| {
        let mut kind = field_kind(&c.field);
        let before = kind;
        egui::ComboBox::from_id_salt(("profile-field", i))
            .selected_text(kind)
            .width(130.0)
            .height(400.0)
            .show_ui(ui, |ui| {
                for f in FIELDS {
                    ui.selectable_value(&mut kind, f, f);
                }
            })
            .response
            .on_hover_text(tr("profile-col-field"));
        if kind != before {
            c.field = kind.to_owned();
            c.format = None;
        }
        if let Some(prefix) = ["var:", "custom:"].into_iter().find(|p| kind == *p) {
            let mut name = c.field[prefix.len()..].to_owned();
            if ui
                .add(
                    egui::TextEdit::singleline(&mut name)
                        .desired_width(110.0)
                        .hint_text(tr("profile-var-name")),
                )
                .on_hover_text(tr("profile-var-name"))
                .changed()
            {
                c.field = format!("{prefix}{name}");
            }
        }
    });
    optional_text(
        ui,
        &mut c.header,
        "profile-header-default",
        "profile-col-header",
    );
    match field_kind(&c.field) {
        "phone" => {
            let forms = [
                ("e164", "+79123456789".to_owned()),
                ("digits", "79123456789".to_owned()),
                ("national", "89123456789".to_owned()),
            ];
            let mut form = c.format.as_deref().unwrap_or("e164");
            if crate::ui::pickers::pick_fixed(
                ui,
                ui.scope_id().with(("profile-phone", i)),
                &mut form,
                &forms,
                &tr("profile-col-format"),
            ) {
                c.format = Some(form.to_owned());
            }
        }
        "moment" => {
            optional_text(
                ui,
                &mut c.format,
                "profile-format-default",
                "profile-col-format",
            );
        }
        _ => {
            ui.label("");
        }
    }
}

/// A text that may be left empty (then `None`: the default `hint` names), `about` on hover.
fn optional_text(ui: &mut egui::Ui, value: &mut Option<String>, hint: &str, about: &str) {
    let mut text = value.clone().unwrap_or_default();
    if ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .desired_width(140.0)
                .hint_text(tr(hint)),
        )
        .on_hover_text(tr(about))
        .changed()
    {
        *value = (!text.trim().is_empty()).then_some(text);
    }
}

/// A drop-down over fixed choices; true when changed.
fn pick<T: PartialEq + Copy>(
    ui: &mut egui::Ui,
    id: &str,
    value: &mut T,
    options: &[(T, String)],
) -> bool {
    let hint = tr(id);
    crate::ui::pickers::pick_fixed(ui, ui.scope_id().with(id), value, options, &hint)
}
