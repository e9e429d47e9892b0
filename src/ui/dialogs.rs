//! The small windows: settings, the demo base, opening or creating a base.

use chrono_tz::Tz;

use super::Action;
use super::widgets::{PathField, PathMode};
use crate::i18n::{Lang, tr};
use crate::store::Settings;

/// The settings window: what changes results (kept in the base) and the interface language.
pub struct SettingsDialog {
    owner_tz: String,
    country: String,
    lang: Lang,
}

impl SettingsDialog {
    pub fn new(settings: &Settings, lang: Lang) -> Self {
        SettingsDialog {
            owner_tz: settings.owner_tz.name().to_owned(),
            country: settings.default_country.clone(),
            lang,
        }
    }

    /// Draws the window; returns false once it is closed.
    pub fn show(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) -> bool {
        let mut open = true;
        let mut done = false;
        super::widgets::dialog(ctx, tr("settings-title"), "settings")
            .open(&mut open)
            .resizable(false)
            .show(ctx, |ui| {
                let tz_ok = self.owner_tz.trim().parse::<Tz>().is_ok();
                let country_ok = self.country.trim().len() == 2;
                egui::Grid::new("settings-grid")
                    .num_columns(2)
                    .show(ui, |ui| {
                        let label = ui.label(tr("settings-owner-tz"));
                        ui.add(
                            egui::TextEdit::singleline(&mut self.owner_tz)
                                .text_color_opt((!tz_ok).then(|| ui.visuals().error_fg_color)),
                        )
                        .labelled_by(label.id);
                        ui.end_row();
                        let label = ui.label(tr("settings-country"));
                        ui.add(
                            egui::TextEdit::singleline(&mut self.country)
                                .char_limit(2)
                                .desired_width(40.0)
                                .text_color_opt((!country_ok).then(|| ui.visuals().error_fg_color)),
                        )
                        .labelled_by(label.id);
                        ui.end_row();
                        ui.label(tr("settings-language"));
                        ui.horizontal(|ui| {
                            ui.radio_value(&mut self.lang, Lang::Ru, "Русский");
                            ui.radio_value(&mut self.lang, Lang::En, "English");
                        });
                        ui.end_row();
                    });
                ui.label(egui::RichText::new(tr("settings-hint")).weak());
                ui.add_space(6.0);
                if ui
                    .add_enabled(tz_ok && country_ok, egui::Button::new(tr("save")))
                    .clicked()
                {
                    actions.push(Action::SaveSettings {
                        owner_tz: self.owner_tz.trim().to_owned(),
                        country: self.country.trim().to_uppercase(),
                        lang: self.lang,
                    });
                    done = true;
                }
            });
        open && !done
    }
}

/// The "try with demo data" window: how many contacts, then a background job.
pub struct DemoDialog {
    size: u64,
}

impl Default for DemoDialog {
    fn default() -> Self {
        DemoDialog { size: 10_000 }
    }
}

impl DemoDialog {
    pub fn show(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) -> bool {
        let mut open = true;
        let mut done = false;
        super::widgets::dialog(ctx, tr("demo-title"), "demo")
            .open(&mut open)
            .resizable(false)
            .show(ctx, |ui| {
                ui.label(tr("demo-explain"));
                ui.horizontal(|ui| {
                    let label = ui.label(tr("demo-size"));
                    ui.add(
                        egui::DragValue::new(&mut self.size)
                            .range(100..=1_000_000)
                            .speed(100),
                    )
                    .labelled_by(label.id);
                });
                ui.horizontal(|ui| {
                    for n in [1_000u64, 10_000, 100_000, 1_000_000] {
                        if ui
                            .button(crate::format::group_thousands(n as i64))
                            .clicked()
                        {
                            self.size = n;
                        }
                    }
                });
                ui.add_space(6.0);
                if ui.button(tr("demo-create")).clicked() {
                    actions.push(Action::CreateDemo(self.size));
                    done = true;
                }
            });
        open && !done
    }
}

/// Opening an existing base file or creating a new one.
pub struct BaseDialog {
    create: bool,
    file: PathField,
}

impl BaseDialog {
    pub fn new(create: bool) -> Self {
        BaseDialog {
            create,
            file: PathField::new(
                if create {
                    PathMode::Save
                } else {
                    PathMode::Open
                },
                "",
            ),
        }
    }

    pub fn show(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) -> bool {
        let mut open = true;
        let mut done = false;
        let title = tr(if self.create {
            "base-create-title"
        } else {
            "base-open-title"
        });
        super::widgets::dialog(ctx, title, "base-dialog")
            .open(&mut open)
            .default_width(560.0)
            .show(ctx, |ui| {
                self.file
                    .show(ui, &tr("base-file-label"), &["sqlite", "db"]);
                ui.add_space(6.0);
                let verb = tr(if self.create { "create" } else { "open" });
                if ui
                    .add_enabled(self.file.is_valid(), egui::Button::new(verb))
                    .clicked()
                    && let Some(path) = self.file.path()
                {
                    actions.push(Action::OpenBase(path));
                    done = true;
                }
            });
        open && !done
    }
}
