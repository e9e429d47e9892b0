//! Value pickers (segment builder, messages): a drop-down of the base's own values with a filter
//! (and the typed text itself, for a value the base does not hold yet), and a multi-select of
//! such values shown as removable chips.

use crate::i18n::tr;

/// How many matching values a picker lists at once.
const SHOWN: usize = 40;

/// A drop-down choosing `value` from `options`, filtered by what is typed at its top. Returns
/// true when the value changed. `hint` names it for screen readers and tooltips.
pub fn pick_one(
    ui: &mut egui::Ui,
    id: egui::Id,
    value: &mut String,
    options: &[String],
    hint: &str,
) -> bool {
    let shown = if value.is_empty() {
        tr("picker-choose")
    } else {
        value.clone()
    };
    let mut chosen = None;
    egui::ComboBox::from_id_salt(id)
        .selected_text(shown)
        .width(180.0)
        .height(320.0)
        .show_ui(ui, |ui| {
            chosen = filtered_list(ui, id, options, Some(value.as_str()))
        })
        .response
        .on_hover_text(hint);
    match chosen {
        Some(v) if v != *value => {
            *value = v;
            true
        }
        _ => false,
    }
}

/// Chips for each of `values` (click ✕ to remove) and a drop-down to add one of `options`.
pub fn pick_many(
    ui: &mut egui::Ui,
    id: egui::Id,
    values: &mut Vec<String>,
    options: &[String],
    hint: &str,
) -> bool {
    let mut changed = false;
    let mut remove = None;
    for (i, v) in values.iter().enumerate() {
        let chip = egui::Button::new(format!("{v}  ✕"))
            .small()
            .corner_radius(8.0);
        if ui.add(chip).on_hover_text(tr("picker-remove")).clicked() {
            remove = Some(i);
        }
    }
    if let Some(i) = remove {
        values.remove(i);
        changed = true;
    }
    let mut chosen = None;
    egui::ComboBox::from_id_salt(id)
        .selected_text(tr("picker-add"))
        .width(120.0)
        .height(320.0)
        .show_ui(ui, |ui| chosen = filtered_list(ui, id, options, None))
        .response
        .on_hover_text(hint);
    if let Some(v) = chosen
        && !values.contains(&v)
    {
        values.push(v);
        changed = true;
    }
    changed
}

/// The inside of a picker's drop-down: a filter line, then the matching options; the typed text
/// itself is offered when no option equals it.
fn filtered_list(
    ui: &mut egui::Ui,
    id: egui::Id,
    options: &[String],
    current: Option<&str>,
) -> Option<String> {
    let filter_id = id.with("filter");
    let mut filter: String = ui.data_mut(|d| d.get_temp(filter_id).unwrap_or_default());
    let edit = ui.add(
        egui::TextEdit::singleline(&mut filter)
            .hint_text(tr("picker-filter"))
            .desired_width(220.0),
    );
    edit.request_focus();
    ui.data_mut(|d| d.insert_temp(filter_id, filter.clone()));
    let needle = crate::store::fold_case(filter.trim());
    let mut chosen = None;
    let typed = filter.trim();
    if !typed.is_empty()
        && !options.iter().any(|o| o == typed)
        && ui
            .selectable_label(false, format!("«{typed}»"))
            .on_hover_text(tr("picker-typed"))
            .clicked()
    {
        chosen = Some(typed.to_owned());
    }
    let matching = options
        .iter()
        .filter(|o| needle.is_empty() || crate::store::fold_case(o).contains(&needle));
    let mut count = 0;
    for option in matching {
        count += 1;
        if count > SHOWN {
            ui.weak(tr("picker-more"));
            break;
        }
        if ui
            .selectable_label(current == Some(option.as_str()), option)
            .clicked()
        {
            chosen = Some(option.clone());
        }
    }
    if options.is_empty() && typed.is_empty() {
        ui.weak(tr("picker-empty"));
    }
    if chosen.is_some() {
        ui.data_mut(|d| d.remove::<String>(filter_id));
    }
    chosen
}

/// A drop-down over a fixed list of `(value, label)`; true when changed.
pub fn pick_fixed<T: PartialEq + Copy>(
    ui: &mut egui::Ui,
    id: egui::Id,
    value: &mut T,
    options: &[(T, String)],
    hint: &str,
) -> bool {
    pick_fixed_width(ui, id, value, options, hint, None)
}

/// [`pick_fixed`] of a given width (a short one for comparison signs).
pub fn pick_fixed_width<T: PartialEq + Copy>(
    ui: &mut egui::Ui,
    id: egui::Id,
    value: &mut T,
    options: &[(T, String)],
    hint: &str,
    width: Option<f32>,
) -> bool {
    let before = *value;
    let shown = options
        .iter()
        .find(|(v, _)| v == value)
        .map(|(_, l)| l.clone())
        .unwrap_or_default();
    let mut combo = egui::ComboBox::from_id_salt(id)
        .selected_text(shown)
        .height(480.0);
    if let Some(w) = width {
        combo = combo.width(w);
    }
    combo
        .show_ui(ui, |ui| {
            for (v, label) in options {
                ui.selectable_value(value, *v, label);
            }
        })
        .response
        .on_hover_text(hint);
    *value != before
}
