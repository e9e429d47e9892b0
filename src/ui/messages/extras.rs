//! What a variant carries besides its text: the quick-reply buttons (the tag a click sets, the
//! flow it belongs to) and the approved WhatsApp template it stands for.

use crate::campaign::Button;
use crate::i18n::{Msg, tr};
use crate::ui::pickers::pick_one;

/// The approved WhatsApp template the variant's text stands for: its name and language, as a
/// provider's bulk upload names them (the `whatsapp-provider` export profile).
pub(super) fn whatsapp_template(ui: &mut egui::Ui, v: &mut crate::campaign::Variant) {
    let (mut name, mut language) = v
        .whatsapp_template
        .as_ref()
        .map(|t| (t.name.clone(), t.language.clone()))
        .unwrap_or_else(|| (String::new(), "ru".to_owned()));
    let mut changed = false;
    ui.horizontal(|ui| {
        let label = ui.label(tr("campaign-wa-template"));
        changed |= ui
            .add(
                egui::TextEdit::singleline(&mut name)
                    .desired_width(200.0)
                    .hint_text("december_sale"),
            )
            .labelled_by(label.id)
            .changed();
        let label = ui.label(tr("campaign-wa-language"));
        changed |= ui
            .add(egui::TextEdit::singleline(&mut language).desired_width(60.0))
            .labelled_by(label.id)
            .changed();
        ui.weak(tr("campaign-wa-template-hint"));
    });
    if changed {
        v.whatsapp_template =
            (!name.trim().is_empty()).then(|| crate::campaign::WhatsappTemplate {
                name: name.trim().to_owned(),
                language: language.trim().to_owned(),
            });
    }
}

/// Up to three quick replies: the text, the tag a click sets, the flow it belongs to.
pub(super) fn buttons_editor(
    ui: &mut egui::Ui,
    buttons: &mut Vec<Button>,
    tags: &[String],
    flows: &[String],
) {
    ui.horizontal(|ui| {
        ui.strong(tr("campaign-buttons"));
        ui.weak(tr("campaign-buttons-hint"));
    });
    let mut remove = None;
    let mut tag_options = vec![String::new()];
    tag_options.extend(tags.iter().cloned());
    let mut flow_options = vec![String::new()];
    flow_options.extend(flows.iter().cloned());
    for (i, b) in buttons.iter_mut().enumerate() {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(
                Msg::new("campaign-button-n")
                    .arg("n", (i + 1) as i64)
                    .to_string(),
            );
            ui.add(egui::TextEdit::singleline(&mut b.text).desired_width(160.0))
                .labelled_by(label.id);
            ui.label(tr("campaign-button-tag"));
            let mut tag = b.tag.clone().unwrap_or_default();
            if pick_one(
                ui,
                ui.scope_id().with(("button-tag", i)),
                &mut tag,
                &tag_options,
                &tr("campaign-button-tag"),
            ) {
                b.tag = (!tag.trim().is_empty()).then(|| tag.trim().to_owned());
            }
            ui.label(tr("campaign-button-flow"));
            let mut flow = b.flow.clone().unwrap_or_default();
            if pick_one(
                ui,
                ui.scope_id().with(("button-flow", i)),
                &mut flow,
                &flow_options,
                &tr("campaign-button-flow"),
            ) {
                b.flow = (!flow.is_empty()).then_some(flow);
            }
            if ui
                .small_button("✕")
                .on_hover_text(tr("picker-remove"))
                .clicked()
            {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        buttons.remove(i);
    }
    if buttons.len() < crate::campaign::MAX_BUTTONS
        && ui.button(tr("campaign-button-add")).clicked()
    {
        buttons.push(Button {
            text: String::new(),
            tag: None,
            flow: None,
        });
    }
}
