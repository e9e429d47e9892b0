//! The builder's row for a condition on what a customer did on the site or in the shop: the
//! kind, did or did not, about which product or category, and over which window.

use super::Choices;
use super::condition::{cmp_ui, optional_value};
use crate::i18n::tr;
use crate::model::activity::is_built_in;
use crate::segment::Cmp;
use crate::ui::pickers::pick_fixed;

/// What the row edits of an `Item::Activity`.
pub struct ActivityRow<'a> {
    pub kind: &'a mut String,
    pub did: &'a mut bool,
    pub product: &'a mut Option<String>,
    pub category: &'a mut Option<String>,
    pub days: &'a mut Option<u32>,
    pub hours: &'a mut Option<u32>,
}

/// How a kind of activity reads in the builder: the owner's own kind as they named it.
pub fn kind_label(kind: &str) -> String {
    if is_built_in(kind) {
        tr(&format!("activity-kind-{kind}"))
    } else {
        kind.to_owned()
    }
}

/// Draws the row; true when anything changed.
pub fn activity_ui(ui: &mut egui::Ui, id: egui::Id, row: ActivityRow, choices: &Choices) -> bool {
    let did = [(true, tr("activity-did")), (false, tr("activity-did-not"))];
    let mut changed = pick_fixed(ui, id.with("did"), row.did, &did, &tr("activity-did-hint"));
    changed |= kind_ui(ui, id, row.kind, choices);
    for (value, field, label) in [
        (row.product, "product", "activity-product"),
        (row.category, "category", "activity-category"),
    ] {
        changed |= optional_value(ui, id.with(field), value, choices.values(field), label);
    }
    changed | window_ui(ui, id, row.days, row.hours)
}

/// A kind of activity the base knows, by its label.
fn kind_ui(ui: &mut egui::Ui, id: egui::Id, kind: &mut String, choices: &Choices) -> bool {
    let kinds: Vec<(usize, String)> = choices
        .activity_kinds
        .iter()
        .enumerate()
        .map(|(i, k)| (i, kind_label(k)))
        .collect();
    let mut at = choices
        .activity_kinds
        .iter()
        .position(|k| k == kind)
        .unwrap_or(0);
    if !pick_fixed(
        ui,
        id.with("kind"),
        &mut at,
        &kinds,
        &tr("activity-kind-hint"),
    ) {
        return false;
    }
    *kind = choices.activity_kinds.get(at).cloned().unwrap_or_default();
    true
}

/// The row of "the value of the last activity of a kind compares so with an amount".
pub fn last_value_ui(
    ui: &mut egui::Ui,
    id: egui::Id,
    (kind, cmp, value): (&mut String, &mut Cmp, &mut f64),
    choices: &Choices,
) -> bool {
    let mut changed = kind_ui(ui, id, kind, choices);
    changed |= cmp_ui(ui, id, cmp);
    let drag = egui::DragValue::new(value)
        .range(0.0..=1e9)
        .speed(10.0)
        .max_decimals(2)
        .suffix(" ₽");
    changed
        | ui.add(drag)
            .on_hover_text(tr("activity-value-hint"))
            .changed()
}

/// Ever, in the last so many days, or in the last so many hours.
fn window_ui(
    ui: &mut egui::Ui,
    id: egui::Id,
    days: &mut Option<u32>,
    hours: &mut Option<u32>,
) -> bool {
    #[derive(Clone, Copy, PartialEq)]
    enum Window {
        Ever,
        Days,
        Hours,
    }
    let mut window = match (days.is_some(), hours.is_some()) {
        (true, _) => Window::Days,
        (_, true) => Window::Hours,
        _ => Window::Ever,
    };
    let options = [
        (Window::Ever, tr("window-ever")),
        (Window::Days, tr("window-days")),
        (Window::Hours, tr("window-hours")),
    ];
    let mut changed = pick_fixed(
        ui,
        id.with("window"),
        &mut window,
        &options,
        &tr("window-hint"),
    );
    if changed {
        *days = (window == Window::Days).then_some(7);
        *hours = (window == Window::Hours).then_some(24);
    }
    let (value, unit, hint, most) = match (days.as_mut(), hours.as_mut()) {
        (Some(d), _) => (d, "rule-days", "rule-days-hint", 3650),
        (_, Some(h)) => (h, "rule-hours", "rule-hours-hint", 24 * 90),
        _ => return changed,
    };
    changed |= ui
        .add(egui::DragValue::new(value).range(1..=most))
        .on_hover_text(tr(hint))
        .changed();
    ui.label(tr(unit));
    changed
}
