//! The right side of the Messages screen: the message as the chosen recipient sees it — a
//! messenger bubble with its line breaks, links and emoji, the quick replies under it — with the
//! WhatsApp parameters beside it, the recipient navigation and search, and the checks over every
//! recipient: the longest message against the channel's limit, and who would get a gap.

use egui::text::LayoutJob;
use egui::{Color32, FontId, TextFormat};

use super::MessagesScreen;
use crate::campaign::{Assigned, Channel, Recipient, Renderer};
use crate::i18n::{Msg, tr};
use crate::store::ContactRow;
use crate::template;
use crate::ui::Action;

/// The widest a bubble gets, as on a phone.
const BUBBLE_WIDTH: f32 = 300.0;

/// The bubble's colour on `channel`, as each messenger draws an outgoing message.
fn bubble_fill(channel: Channel, dark: bool) -> Color32 {
    match (channel, dark) {
        (Channel::Whatsapp, false) => Color32::from_rgb(0xD9, 0xFD, 0xD3),
        (Channel::Whatsapp, true) => Color32::from_rgb(0x00, 0x5C, 0x4B),
        (Channel::Telegram, false) => Color32::from_rgb(0xEF, 0xFD, 0xDE),
        (Channel::Telegram, true) => Color32::from_rgb(0x2B, 0x52, 0x78),
        (Channel::Sms, false) => Color32::from_rgb(0xE9, 0xE9, 0xEB),
        (Channel::Sms, true) => Color32::from_rgb(0x3A, 0x3A, 0x3C),
    }
}

/// Whether `word` reads as a link.
fn is_link(word: &str) -> bool {
    word.starts_with("https://") || word.starts_with("http://") || word.starts_with("www.")
}

/// `text` laid out with its links underlined in the link colour.
fn with_links(ui: &egui::Ui, text: &str) -> LayoutJob {
    let font = FontId::proportional(15.0);
    let plain = TextFormat::simple(font.clone(), ui.visuals().strong_text_color());
    let link = TextFormat {
        color: ui.visuals().hyperlink_color,
        underline: egui::Stroke::new(1.0, ui.visuals().hyperlink_color),
        ..plain.clone()
    };
    let mut job = LayoutJob::default();
    let mut word_start = None;
    let mut at = 0;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_whitespace(), word_start) {
            (false, None) => word_start = Some(i),
            (true, Some(start)) => {
                let word = &text[start..i];
                if is_link(word) {
                    job.append(&text[at..start], 0.0, plain.clone());
                    job.append(word, 0.0, link.clone());
                    at = i;
                }
                word_start = None;
            }
            _ => {}
        }
    }
    job.append(&text[at..], 0.0, plain);
    job.wrap.max_width = BUBBLE_WIDTH;
    job
}

impl MessagesScreen {
    /// The recipient on screen and their message, once both are read.
    fn current(&self) -> Option<(Assigned, Recipient)> {
        let who = *self.audience()?.assigned.get(self.cursor)?;
        let facts = self
            .shown_facts()
            .filter(|f| f.contact_id == who.contact_id)?;
        let renderer = Renderer::lenient(&self.campaign, &self.base.custom_fields, self.base.tz);
        Some((who, renderer.render(&who, facts)))
    }

    pub(super) fn preview_panel(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        ui.heading(tr("preview-title"));
        self.navigation(ui);
        self.search_results(ui, actions);
        ui.separator();
        match self.current() {
            Some((who, r)) => {
                if let Some(f) = self.shown_facts() {
                    let who_line = [f.name.as_deref(), f.phone.as_deref(), f.city.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" · ");
                    ui.label(format!("№{} {who_line}", f.contact_id));
                }
                ui.weak(
                    Msg::new("preview-variant")
                        .arg("variant", r.variant.clone())
                        .arg("arm", r.arm.to_string())
                        .to_string(),
                );
                self.bubble(ui, &who, &r);
                for m in &r.missing {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        Msg::new("campaign-missing")
                            .arg("name", m.as_str())
                            .to_string(),
                    );
                }
                if self.campaign.channel == Channel::Whatsapp {
                    ui.separator();
                    self.whatsapp_view(ui, &who, &r);
                }
            }
            None if self.audience.is_running() || self.facts.is_running() => {
                ui.spinner();
            }
            None => {
                ui.weak(tr("preview-nobody"));
            }
        }
        ui.separator();
        self.checks_view(ui);
    }

    fn navigation(&mut self, ui: &mut egui::Ui) {
        let total = self.audience().map_or(0, |a| a.assigned.len());
        ui.horizontal(|ui| {
            if ui
                .add_enabled(self.cursor > 0, egui::Button::new("◀"))
                .on_hover_text(tr("preview-previous"))
                .clicked()
            {
                self.cursor -= 1;
            }
            if ui
                .add_enabled(self.cursor + 1 < total, egui::Button::new("▶"))
                .on_hover_text(tr("preview-next"))
                .clicked()
            {
                self.cursor += 1;
            }
            if ui
                .add_enabled(total > 1, egui::Button::new(tr("preview-random")))
                .clicked()
            {
                self.cursor = fastrand::usize(..total);
            }
            if total > 0 {
                ui.label(
                    Msg::new("preview-position")
                        .arg("n", crate::format::group_thousands(self.cursor as i64 + 1))
                        .arg("total", crate::format::group_thousands(total as i64))
                        .to_string(),
                );
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label(tr("preview-search"));
            ui.add(
                egui::TextEdit::singleline(&mut self.search)
                    .hint_text(tr("preview-search-hint"))
                    .desired_width(200.0),
            )
            .labelled_by(label.id);
            if self.found.is_running() {
                ui.spinner();
            }
        });
    }

    /// The contacts the search found: a recipient opens, anyone else says why they get nothing
    /// — one outside the campaign's segments with a link to "Why?" for each segment.
    fn search_results(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        if self.search.trim().is_empty() {
            return;
        }
        let Some(audience) = self.audience().cloned() else {
            return;
        };
        let found = self.found.current().map_or(&[][..], Vec::as_slice);
        if found.is_empty() && !self.found.is_running() {
            ui.weak(tr("preview-search-none"));
        }
        let mut go = None;
        for row in found {
            let name = row_name(row);
            let assigned = audience
                .assigned
                .binary_search_by_key(&row.id, |a| a.contact_id);
            match assigned {
                Ok(i) => {
                    if ui.link(name).clicked() {
                        go = Some(i);
                    }
                }
                Err(_) => {
                    let excluded = audience
                        .excluded
                        .binary_search_by_key(&row.id, |e| e.contact_id);
                    match excluded {
                        Ok(i) => {
                            let why = audience.excluded[i].reason.msg();
                            ui.weak(format!("{name} — {why}"));
                        }
                        Err(_) => self.outside_segments(ui, &name, row.id, actions),
                    }
                }
            }
        }
        if let Some(i) = go {
            self.cursor = i;
            self.search.clear();
        }
    }

    /// A contact in none of the campaign's segments, with "why not?" for each segment.
    fn outside_segments(&self, ui: &mut egui::Ui, name: &str, id: i64, actions: &mut Vec<Action>) {
        ui.weak(format!("{name} — {}", tr("preview-not-in-segments")));
        let mut segments: Vec<&str> = Vec::new();
        for v in &self.campaign.variants {
            if !segments.contains(&v.segment.as_str()) {
                segments.push(&v.segment);
            }
        }
        ui.indent("why-not", |ui| {
            for segment in segments {
                let link = Msg::new("preview-why-not").arg("segment", segment);
                if ui.link(link.to_string()).clicked() {
                    actions.push(Action::ExplainContact {
                        segment: segment.to_owned(),
                        contact: id,
                    });
                }
            }
        });
    }

    fn bubble(&self, ui: &mut egui::Ui, who: &Assigned, r: &Recipient) {
        let fill = bubble_fill(self.campaign.channel, ui.visuals().dark_mode);
        let job = with_links(ui, &r.text);
        egui::Frame::new()
            .fill(fill)
            .corner_radius(12.0)
            .inner_margin(egui::Margin::symmetric(12, 8))
            .show(ui, |ui| {
                ui.set_max_width(BUBBLE_WIDTH);
                ui.label(job);
            });
        let v = &self.campaign.variants.get(who.variant);
        let buttons = v.map_or(&[][..], |v| match (&v.b, who.arm) {
            (Some(b), crate::campaign::Arm::B) => &b.buttons[..],
            _ => &v.buttons[..],
        });
        for b in buttons {
            egui::Frame::new()
                .fill(fill)
                .corner_radius(8.0)
                .inner_margin(egui::Margin::symmetric(12, 6))
                .show(ui, |ui| {
                    ui.set_width(BUBBLE_WIDTH);
                    ui.vertical_centered(|ui| {
                        ui.colored_label(ui.visuals().hyperlink_color, &b.text)
                            .on_hover_text(b.tag.as_deref().unwrap_or_default());
                    });
                });
        }
    }

    /// The template as WhatsApp takes it, and this recipient's parameters.
    fn whatsapp_view(&self, ui: &mut egui::Ui, who: &Assigned, r: &Recipient) {
        let renderer = Renderer::lenient(&self.campaign, &self.base.custom_fields, self.base.tz);
        let Some(template) = renderer.template(who.variant, who.arm) else {
            return;
        };
        let (text, names) = template.whatsapp();
        ui.strong(tr("preview-whatsapp"));
        ui.add(egui::Label::new(egui::RichText::new(text).monospace()).wrap());
        egui::Grid::new("whatsapp-parameters")
            .striped(true)
            .show(ui, |ui| {
                for (i, (name, value)) in names.iter().zip(&r.whatsapp_parameters).enumerate() {
                    ui.monospace(format!("{{{{{}}}}}", i + 1));
                    ui.weak(name);
                    if value.trim().is_empty() {
                        ui.colored_label(
                            ui.visuals().error_fg_color,
                            tr("preview-empty-parameter"),
                        );
                    } else {
                        ui.label(value);
                    }
                    ui.end_row();
                }
            });
    }

    /// The length of this recipient's message and the longest of all, under the editor.
    pub(super) fn length_line(&self, ui: &mut egui::Ui) {
        let checks = crate::campaign::Checks::new(self.campaign.channel);
        ui.horizontal_wrapped(|ui| {
            if let Some((_, r)) = self.current() {
                let text = match self.campaign.channel {
                    Channel::Sms => {
                        let size = template::sms_size(&r.text);
                        Msg::new("preview-sms-size")
                            .arg("parts", size.parts as i64)
                            .arg("units", size.units as i64)
                            .arg("coding", if size.gsm7 { "GSM-7" } else { "UCS-2" })
                            .to_string()
                    }
                    _ => Msg::new("preview-length")
                        .arg("length", checks.size(&r.text) as i64)
                        .arg("limit", checks.limit.unwrap_or_default() as i64)
                        .to_string(),
                };
                ui.weak(text);
            }
            if let Some(c) = self.checked.current()
                && let Some((id, n)) = c.checks.longest
            {
                let msg = match (self.campaign.channel, c.checks.limit) {
                    (Channel::Sms, _) => Msg::new("campaign-sms-parts").arg("parts", n as i64),
                    (_, Some(limit)) if n > limit => Msg::new("campaign-too-long")
                        .arg("length", n as i64)
                        .arg("limit", limit as i64),
                    (_, limit) => Msg::new("campaign-length")
                        .arg("length", n as i64)
                        .arg("limit", limit.unwrap_or_default() as i64),
                };
                let text = msg.arg("id", id).to_string();
                if c.checks.too_long() {
                    ui.colored_label(ui.visuals().error_fg_color, text);
                } else {
                    ui.weak(text);
                }
            }
        });
    }

    /// The checks over every recipient: progress while they run, then who would get a gap.
    fn checks_view(&mut self, ui: &mut egui::Ui) {
        ui.strong(tr("checks-title"));
        if let Some(progress) = self.checked.progress() {
            ui.horizontal(|ui| crate::ui::widgets::progress_with_cancel(ui, progress, 200.0));
            return;
        }
        let mut go = None;
        match self.checked.answer() {
            None => {
                ui.weak(tr("checks-waiting"));
            }
            Some(Err(e)) => {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            Some(Ok(c)) if c.checks.missing.is_empty() => {
                ui.label(tr("checks-no-gaps"));
            }
            Some(Ok(c)) => {
                let audience = self.audience().cloned();
                for (name, ids) in &c.checks.missing {
                    let header = Msg::new("checks-gap")
                        .arg("name", name.as_str())
                        .arg("count", crate::format::group_thousands(ids.len() as i64))
                        .to_string();
                    egui::CollapsingHeader::new(
                        egui::RichText::new(header).color(ui.visuals().warn_fg_color),
                    )
                    .id_salt(("gap", name))
                    .show(ui, |ui| {
                        for row in c.gaps.get(name).into_iter().flatten() {
                            if ui.link(row_name(row)).clicked() {
                                go = audience.as_ref().and_then(|a| {
                                    a.assigned
                                        .binary_search_by_key(&row.id, |x| x.contact_id)
                                        .ok()
                                });
                            }
                        }
                        if ids.len() > super::GAP_ROWS {
                            ui.weak(
                                Msg::new("checks-more")
                                    .arg("count", (ids.len() - super::GAP_ROWS) as i64)
                                    .to_string(),
                            );
                        }
                    });
                }
            }
        }
        if let Some(i) = go {
            self.cursor = i;
        }
    }
}

/// A contact as a list shows it: name (or phone) and number.
fn row_name(row: &ContactRow) -> String {
    let name = row
        .name
        .clone()
        .or_else(|| row.phone.clone())
        .unwrap_or_default();
    format!("№{} {name}", row.id)
}
