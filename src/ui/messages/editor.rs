//! The middle of the Messages screen: the campaign's name and channel, whom it never reaches, its
//! campaign-wide values, the variants with how many each gets, and the selected variant's text
//! (variables highlighted, faults underlined and listed with line and column) and buttons.

use std::path::Path;

use super::extras::{buttons_editor, whatsapp_template};
use super::files::FileWindow;
use super::text::{highlighted, insert_at_cursor, problems_list};
use super::{MessagesScreen, Save, new_variant};
use crate::campaign::{ArmB, Channel, VARIABLES, is_known};
use crate::i18n::{Msg, tr};
use crate::template::{self};
use crate::ui::pickers::{pick_fixed, pick_many, pick_one};

/// The channels, as the picker shows them.
fn channels() -> Vec<(Channel, String)> {
    vec![
        (Channel::Whatsapp, "WhatsApp".to_owned()),
        (Channel::Telegram, "Telegram".to_owned()),
        (Channel::Sms, "SMS".to_owned()),
    ]
}

impl MessagesScreen {
    pub(super) fn editor(&mut self, ui: &mut egui::Ui, db: &Path) {
        self.header(ui, db);
        crate::ui::widgets::outcome(ui, &self.notice);
        if self.base.segments.is_empty() && self.base_job.is_none() {
            ui.colored_label(ui.visuals().warn_fg_color, tr("messages-no-segments"));
        }
        ui.separator();
        self.targeting(ui);
        ui.separator();
        self.variants(ui);
        ui.separator();
        self.text_editor(ui);
    }

    fn header(&mut self, ui: &mut egui::Ui, db: &Path) {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr("campaign-name"));
            ui.add(
                egui::TextEdit::singleline(&mut self.campaign.name)
                    .hint_text(tr("campaign-name-hint"))
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
            ui.label(tr("campaign-channel"));
            pick_fixed(
                ui,
                ui.scope_id().with("campaign-channel"),
                &mut self.campaign.channel,
                &channels(),
                &tr("campaign-channel"),
            );
            let can_save = !self.campaign.name.trim().is_empty() && self.save_job.is_none();
            if ui
                .add_enabled(can_save, egui::Button::new(tr("campaign-save")))
                .clicked()
            {
                let save = Save::Store {
                    campaign: Box::new(self.campaign.clone()),
                    from: self.original.clone(),
                };
                self.save(ui.ctx(), db, save);
            }
            if self.original.is_some() {
                if ui.button(tr("campaign-duplicate")).clicked() {
                    self.campaign.name = Msg::new("segment-copy-name")
                        .arg("name", self.campaign.name.trim())
                        .to_string();
                    self.original = None;
                }
                if ui.button(tr("campaign-delete")).clicked() {
                    self.confirm_delete = true;
                }
            }
            if ui.button(tr("messages-save-file")).clicked() {
                self.file = Some(FileWindow::save(&self.campaign));
            }
        });
        if self.confirm_delete
            && let Some(name) = self.original.clone()
        {
            ui.horizontal(|ui| {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    Msg::new("campaign-delete-confirm")
                        .arg("name", name.clone())
                        .to_string(),
                );
                if ui.button(tr("campaign-delete")).clicked() {
                    self.save(ui.ctx(), db, Save::Delete(name));
                }
                if ui.button(tr("cancel")).clicked() {
                    self.confirm_delete = false;
                }
            });
        }
    }

    /// Whom the campaign never reaches, the interest group, and the campaign-wide values.
    fn targeting(&mut self, ui: &mut egui::Ui) {
        let c = &mut self.campaign;
        ui.horizontal_wrapped(|ui| {
            ui.label(tr("campaign-never"));
            pick_many(
                ui,
                ui.scope_id().with("campaign-never"),
                &mut c.never,
                &self.base.segments,
                &tr("campaign-never"),
            );
        });
        ui.horizontal_wrapped(|ui| {
            let mut skip = c.sleeping.is_some();
            if ui
                .checkbox(&mut skip, tr("campaign-skip-sleeping"))
                .changed()
            {
                c.sleeping = skip.then_some(3);
            }
            if let Some(k) = &mut c.sleeping {
                ui.add(egui::DragValue::new(k).range(1..=20))
                    .on_hover_text(tr("campaign-sleeping-hint"));
                ui.label(tr("campaign-sleeping-after"));
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(tr("campaign-interest"));
            let mut group = c.interest_group.clone().unwrap_or_default();
            let mut options = vec![String::new()];
            options.extend(self.base.tag_groups.iter().cloned());
            if pick_one(
                ui,
                ui.scope_id().with("campaign-interest"),
                &mut group,
                &options,
                &tr("campaign-interest-hint"),
            ) {
                c.interest_group = (!group.is_empty()).then_some(group);
            }
        });
        self.values_editor(ui);
    }

    /// Campaign-wide values (`{{promo}}`): name and value rows.
    fn values_editor(&mut self, ui: &mut egui::Ui) {
        let values = &mut self.campaign.values;
        ui.horizontal_wrapped(|ui| {
            ui.label(tr("campaign-values"));
            let mut rename = None;
            let mut remove = None;
            for (i, (key, value)) in values.iter_mut().enumerate() {
                ui.group(|ui| {
                    let mut name = key.clone();
                    let label = ui.label("{{");
                    if ui
                        .add(egui::TextEdit::singleline(&mut name).desired_width(80.0))
                        .labelled_by(label.id)
                        .changed()
                    {
                        rename = Some((key.clone(), name));
                    }
                    let label = ui.label("}} =");
                    ui.add(egui::TextEdit::singleline(value).desired_width(120.0))
                        .labelled_by(label.id);
                    if ui
                        .small_button("✕")
                        .on_hover_text(tr("picker-remove"))
                        .clicked()
                    {
                        remove = Some(i);
                    }
                });
            }
            if let Some((old, new)) = rename
                && !values.contains_key(&new)
                && let Some(v) = values.remove(&old)
            {
                values.insert(new, v);
            }
            if let Some(key) = remove.and_then(|i| values.keys().nth(i).cloned()) {
                values.remove(&key);
            }
            if ui.button(tr("campaign-value-add")).clicked() {
                let mut n = 1;
                while values.contains_key(&format!("value{n}")) {
                    n += 1;
                }
                let name = if values.contains_key("promo") {
                    format!("value{n}")
                } else {
                    "promo".to_owned()
                };
                values.insert(name, String::new());
            }
        });
    }

    /// The variants in priority order, each with its segment and how many it gets.
    fn variants(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.strong(tr("campaign-variants"));
            ui.weak(tr("campaign-variants-hint"));
        });
        // A solid bar under the table when it is wider than the window, so the owner sees that
        // the row's buttons lie further right.
        let action = ui
            .scope(|ui| {
                ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
                egui::ScrollArea::horizontal()
                    .id_salt("variants-scroll")
                    .show(ui, |ui| self.variants_table(ui))
                    .inner
            })
            .inner;
        match action {
            Some((i, 0)) => {
                self.campaign.variants.remove(i);
                self.variant = self.variant.min(self.campaign.variants.len() - 1);
            }
            Some((i, step)) => {
                let j = (i as i32 + step) as usize;
                self.campaign.variants.swap(i, j);
                self.variant = j;
            }
            None => {}
        }
        if ui.button(tr("campaign-variant-add")).clicked() {
            let n = self.campaign.variants.len() + 1;
            self.campaign
                .variants
                .push(new_variant(&self.base.segments, n));
            self.variant = n - 1;
        }
        ui.horizontal_wrapped(|ui| self.audience_line(ui));
    }

    /// One row per variant: its number (click to edit its text), name, segment, how many get it,
    /// the A/B split and the buttons that move or remove it. Returns the move or removal asked
    /// for: (variant, -1 up / 1 down / 0 remove).
    fn variants_table(&mut self, ui: &mut egui::Ui) -> Option<(usize, i32)> {
        let sizes = self
            .audience()
            .map(|a| a.variant_sizes(self.campaign.variants.len()));
        let counting = self.audience.is_running();
        let mut action = None;
        egui::Grid::new("variants")
            .striped(true)
            .num_columns(6)
            .show(ui, |ui| {
                ui.weak("#");
                ui.weak(tr("campaign-variant-name"));
                ui.weak(tr("campaign-variant-segment"));
                ui.weak(tr("campaign-variant-gets"));
                ui.weak(tr("campaign-variant-ab"));
                ui.end_row();
                let count = self.campaign.variants.len();
                for (i, v) in self.campaign.variants.iter_mut().enumerate() {
                    if ui
                        .selectable_label(self.variant == i, format!("{}", i + 1))
                        .on_hover_text(tr("campaign-variant-edit"))
                        .clicked()
                    {
                        self.variant = i;
                    }
                    let name = Msg::new("campaign-variant-name-of")
                        .arg("n", (i + 1) as i64)
                        .to_string();
                    let response = ui.add_sized(
                        [100.0, ui.spacing().interact_size.y],
                        egui::TextEdit::singleline(&mut v.name),
                    );
                    response.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::TextInput, true, &name)
                    });
                    if response.gained_focus() {
                        self.variant = i;
                    }
                    pick_one(
                        ui,
                        ui.scope_id().with(("variant-segment", i)),
                        &mut v.segment,
                        &self.base.segments,
                        &tr("campaign-variant-segment"),
                    );
                    match (&sizes, counting) {
                        (_, true) => {
                            ui.spinner();
                        }
                        (Some(s), false) => {
                            let [a, b] = s.get(i).copied().unwrap_or_default();
                            let text = if v.b.is_some() {
                                Msg::new("campaign-gets-ab")
                                    .arg("a", crate::format::group_thousands(a as i64))
                                    .arg("b", crate::format::group_thousands(b as i64))
                                    .to_string()
                            } else {
                                crate::format::group_thousands(a as i64)
                            };
                            ui.label(text);
                        }
                        (None, false) => {
                            ui.weak("—");
                        }
                    }
                    ui.horizontal(|ui| {
                        let mut split = v.b.is_some();
                        if ui.checkbox(&mut split, "A/B").changed() {
                            v.b = split.then(|| ArmB {
                                percent: 50,
                                text: v.text.clone(),
                                buttons: v.buttons.clone(),
                            });
                        }
                        if let Some(b) = &mut v.b {
                            ui.spacing_mut().slider_width = 60.0;
                            ui.add(
                                egui::Slider::new(&mut b.percent, crate::campaign::B_SHARE)
                                    .suffix(" % B"),
                            );
                        }
                        if ui
                            .add_enabled(i > 0, egui::Button::new("↑").small())
                            .on_hover_text(tr("campaign-variant-up"))
                            .clicked()
                        {
                            action = Some((i, -1));
                        }
                        if ui
                            .add_enabled(i + 1 < count, egui::Button::new("↓").small())
                            .on_hover_text(tr("campaign-variant-down"))
                            .clicked()
                        {
                            action = Some((i, 1));
                        }
                        if ui
                            .add_enabled(count > 1, egui::Button::new("✕").small())
                            .on_hover_text(tr("campaign-variant-remove"))
                            .clicked()
                        {
                            action = Some((i, 0));
                        }
                    });
                    ui.end_row();
                }
            });
        action
    }

    /// How many get the campaign, and how many are left out and why.
    fn audience_line(&self, ui: &mut egui::Ui) {
        match (self.audience.answer(), self.audience.is_running()) {
            (_, true) => {
                ui.spinner();
                ui.weak(tr("campaign-counting"));
            }
            (Some(Ok(a)), false) => {
                ui.label(
                    Msg::new("campaign-audience")
                        .arg(
                            "gets",
                            crate::format::group_thousands(a.assigned.len() as i64),
                        )
                        .arg(
                            "of",
                            crate::format::group_thousands(a.segments_size() as i64),
                        )
                        .to_string(),
                );
                let reasons: Vec<String> = a
                    .exclusion_counts()
                    .into_iter()
                    .filter(|(_, n)| *n > 0)
                    .map(|(r, n)| {
                        format!("{} {}", r.msg(), crate::format::group_thousands(n as i64))
                    })
                    .collect();
                if !reasons.is_empty() {
                    ui.weak(format!("({})", reasons.join(", ")));
                }
            }
            (Some(Err(e)), false) => {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            (None, false) => {}
        }
    }

    /// The selected variant's text (arm A or B) with variable chips, faults and buttons.
    fn text_editor(&mut self, ui: &mut egui::Ui) {
        self.variant = self
            .variant
            .min(self.campaign.variants.len().saturating_sub(1));
        let Some(v) = self.campaign.variants.get(self.variant) else {
            return;
        };
        ui.horizontal(|ui| {
            ui.strong(
                Msg::new("campaign-text-of")
                    .arg("variant", v.name.clone())
                    .to_string(),
            );
            if v.b.is_some() {
                ui.selectable_value(&mut self.arm_b, false, tr("campaign-arm-a"));
                ui.selectable_value(&mut self.arm_b, true, tr("campaign-arm-b"));
            } else {
                self.arm_b = false;
            }
        });
        let mut names: Vec<String> = VARIABLES.iter().map(|s| (*s).to_owned()).collect();
        names.extend(self.base.custom_fields.iter().cloned());
        names.extend(self.campaign.values.keys().cloned());
        let editor_id = ui.scope_id().with(("template", self.variant, self.arm_b));
        let mut insert = None;
        ui.horizontal_wrapped(|ui| {
            ui.weak(tr("campaign-insert"));
            for name in &names {
                let chip = egui::Button::new(format!("{{{{{name}}}}}"))
                    .small()
                    .corner_radius(8.0);
                if ui
                    .add(chip)
                    .on_hover_text(tr("campaign-insert-hint"))
                    .clicked()
                {
                    insert = Some(format!("{{{{{name}}}}}"));
                }
            }
        });
        let campaign = self.campaign.clone();
        let custom = self.base.custom_fields.clone();
        let known = move |n: &str| is_known(&campaign, &custom, n);
        let arm_b = self.arm_b;
        let v = &mut self.campaign.variants[self.variant];
        let text = match (&mut v.b, arm_b) {
            (Some(b), true) => &mut b.text,
            _ => &mut v.text,
        };
        if let Some(snippet) = insert {
            insert_at_cursor(ui.ctx(), editor_id, text, &snippet);
        }
        let mut layouter = |ui: &egui::Ui, buf: &dyn egui::TextBuffer, wrap: f32| {
            let job = highlighted(ui, buf.as_str(), &known, wrap);
            ui.fonts_mut(|f| f.layout_job(job))
        };
        let label = tr("campaign-text");
        let response = ui.add(
            egui::TextEdit::multiline(text)
                .id(editor_id)
                .desired_width(f32::INFINITY)
                .desired_rows(6)
                .layouter(&mut layouter),
        );
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &label));
        let (_, problems) = template::parse(text, &known);
        problems_list(ui, text, &problems);
        self.length_line(ui);
        if self.campaign.channel == Channel::Whatsapp {
            whatsapp_template(ui, &mut self.campaign.variants[self.variant]);
        }
        let v = &mut self.campaign.variants[self.variant];
        let buttons = match (&mut v.b, arm_b) {
            (Some(b), true) => &mut b.buttons,
            _ => &mut v.buttons,
        };
        buttons_editor(ui, buttons, &self.base.tags, &self.base.flows);
    }
}
