//! The scenario edited by clicking: its name, channel and rank; what starts it (each kind of
//! trigger with its own fields); the entry segment, cool-down and look-back; the exits. The
//! steps are [`super::steps`]. Every change is written back to the file the owner sees below,
//! so the form and the JSON never disagree; saving runs the library's checks.

use crate::campaign::Channel;
use crate::i18n::tr;
use crate::model::rfm::Group;
use crate::scenario::{Scenario, Trigger};
use crate::ui::pickers::{pick_fixed, pick_one};
use crate::ui::segments::activity_kind_label;

/// What the base offers the form: saved segments and kinds of activity.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalog {
    pub segments: Vec<String>,
    pub kinds: Vec<String>,
}

/// A labelled whole number; true when changed.
pub(super) fn number(ui: &mut egui::Ui, label: &str, value: &mut u32, max: u32) -> bool {
    let label = ui.label(tr(label));
    ui.add(egui::DragValue::new(value).range(0..=max))
        .labelled_by(label.id)
        .changed()
}

/// A labelled line of text; true when changed.
pub(super) fn text(ui: &mut egui::Ui, label: &str, value: &mut String, width: f32) -> bool {
    let label = ui.label(tr(label));
    ui.add(egui::TextEdit::singleline(value).desired_width(width))
        .labelled_by(label.id)
        .changed()
}

/// An optional text (empty: none); true when changed.
fn optional(ui: &mut egui::Ui, label: &str, value: &mut Option<String>) -> bool {
    let mut shown = value.clone().unwrap_or_default();
    let changed = text(ui, label, &mut shown, 140.0);
    if changed {
        *value = Some(shown).filter(|s| !s.trim().is_empty());
    }
    changed
}

/// Draws the form over `s`; true when the owner changed something.
pub fn form(ui: &mut egui::Ui, s: &mut Scenario, catalog: &Catalog) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        changed |= text(ui, "scenario-form-name", &mut s.name, 220.0);
        ui.label(tr("scenario-form-channel"));
        let channels: Vec<(Channel, String)> = Channel::ALL
            .into_iter()
            .map(|c| (c, c.as_str().to_owned()))
            .collect();
        changed |= pick_fixed(
            ui,
            ui.scope_id().with("channel"),
            &mut s.channel,
            &channels,
            &tr("scenario-form-channel"),
        );
        changed |= number(ui, "scenario-form-rank", &mut s.rank, 99);
    });
    changed |= trigger_row(ui, &mut s.trigger, catalog);
    ui.horizontal(|ui| {
        ui.label(tr("scenario-form-filter"));
        let mut options = vec![(0, tr("scenario-form-filter-none"))];
        options.extend(
            catalog
                .segments
                .iter()
                .enumerate()
                .map(|(i, n)| (i + 1, n.clone())),
        );
        let mut chosen = match &s.filter {
            None => 0,
            Some(f) => match catalog.segments.iter().position(|n| n == f) {
                Some(i) => i + 1,
                // Not (yet) among the base's segments: shown as it is.
                None => {
                    options.push((usize::MAX, f.clone()));
                    usize::MAX
                }
            },
        };
        let hint = tr("scenario-form-filter");
        if pick_fixed(
            ui,
            ui.scope_id().with("filter"),
            &mut chosen,
            &options,
            &hint,
        ) {
            s.filter = chosen
                .checked_sub(1)
                .and_then(|i| catalog.segments.get(i).cloned());
            if s.filter.is_none() {
                s.exits.left_filter = false;
            }
            changed = true;
        }
        changed |= number(ui, "scenario-form-cooldown", &mut s.cooldown_days, 3650);
        changed |= number(
            ui,
            "scenario-form-look-back",
            &mut s.look_back_hours,
            24 * 365,
        );
    });
    ui.horizontal(|ui| {
        ui.label(tr("scenario-form-exits"));
        changed |= ui
            .checkbox(&mut s.exits.order, tr("scenario-form-exit-order"))
            .changed();
        changed |= ui
            .add_enabled(
                s.filter.is_some(),
                egui::Checkbox::new(&mut s.exits.left_filter, tr("scenario-form-exit-left")),
            )
            .changed();
        let buttons: Vec<String> = std::iter::once(String::new())
            .chain(
                s.steps
                    .iter()
                    .flat_map(|st| &st.buttons)
                    .map(|b| b.text.clone()),
            )
            .collect();
        let mut click = s.exits.click.clone().unwrap_or_default();
        ui.label(tr("scenario-form-exit-click"));
        if pick_one(
            ui,
            ui.scope_id().with("exit-click"),
            &mut click,
            &buttons,
            &tr("scenario-form-exit-click"),
        ) {
            s.exits.click = Some(click).filter(|c| !c.is_empty());
            changed = true;
        }
    });
    changed
}

/// The trigger's kind, then its own fields.
fn trigger_row(ui: &mut egui::Ui, t: &mut Trigger, catalog: &Catalog) -> bool {
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        ui.label(tr("scenario-form-trigger"));
        let kinds: Vec<(usize, String)> = [
            "scenario-trigger-activity",
            "scenario-trigger-order",
            "scenario-trigger-segment",
            "scenario-trigger-rfm",
            "scenario-trigger-no-order",
            "scenario-trigger-yearly",
        ]
        .into_iter()
        .enumerate()
        .map(|(i, id)| (i, tr(id)))
        .collect();
        let mut kind = trigger_kind(t);
        if pick_fixed(
            ui,
            ui.scope_id().with("trigger"),
            &mut kind,
            &kinds,
            &tr("scenario-form-trigger"),
        ) {
            *t = new_trigger(kind, catalog);
            changed = true;
        }
        changed |= trigger_fields(ui, t, catalog);
    });
    changed
}

fn trigger_kind(t: &Trigger) -> usize {
    match t {
        Trigger::Activity { .. } => 0,
        Trigger::Order { .. } => 1,
        Trigger::Segment { .. } => 2,
        Trigger::Rfm { .. } => 3,
        Trigger::NoOrderFor { .. } => 4,
        Trigger::Yearly { .. } => 5,
    }
}

/// A trigger of kind `kind` with the values an owner most often starts from.
fn new_trigger(kind: usize, catalog: &Catalog) -> Trigger {
    match kind {
        0 => Trigger::Activity {
            kind: "carted".to_owned(),
            product: None,
            category: None,
        },
        1 => Trigger::Order {
            first: true,
            category: None,
        },
        2 => Trigger::Segment {
            segment: catalog.segments.first().cloned().unwrap_or_default(),
            enter_everyone_now: false,
        },
        3 => Trigger::Rfm {
            group: Group::AtRisk,
            enter_everyone_now: false,
        },
        4 => Trigger::NoOrderFor { days: 30 },
        _ => Trigger::Yearly {
            field: "birthday".to_owned(),
            days_before: 3,
        },
    }
}

fn trigger_fields(ui: &mut egui::Ui, t: &mut Trigger, catalog: &Catalog) -> bool {
    let mut changed = false;
    match t {
        Trigger::Activity {
            kind,
            product,
            category,
        } => {
            let kinds: Vec<(usize, String)> = catalog
                .kinds
                .iter()
                .enumerate()
                .map(|(i, k)| (i, activity_kind_label(k)))
                .collect();
            let mut i = catalog.kinds.iter().position(|k| k == kind).unwrap_or(0);
            if pick_fixed(
                ui,
                ui.scope_id().with("kind"),
                &mut i,
                &kinds,
                &tr("scenario-form-kind"),
            ) && let Some(k) = catalog.kinds.get(i)
            {
                *kind = k.clone();
                changed = true;
            }
            changed |= optional(ui, "scenario-form-product", product);
            changed |= optional(ui, "scenario-form-category", category);
        }
        Trigger::Order { first, category } => {
            changed |= ui.checkbox(first, tr("scenario-form-first")).changed();
            changed |= optional(ui, "scenario-form-category", category);
        }
        Trigger::Segment {
            segment,
            enter_everyone_now,
        } => {
            changed |= pick_one(
                ui,
                ui.scope_id().with("segment"),
                segment,
                &catalog.segments,
                &tr("scenario-trigger-segment"),
            );
            changed |= ui
                .checkbox(enter_everyone_now, tr("scenario-form-everyone-now"))
                .changed();
        }
        Trigger::Rfm {
            group,
            enter_everyone_now,
        } => {
            let lang = crate::i18n::current();
            let groups: Vec<(Group, String)> =
                Group::ALL.into_iter().map(|g| (g, g.label(lang))).collect();
            changed |= pick_fixed(
                ui,
                ui.scope_id().with("group"),
                group,
                &groups,
                &tr("scenario-trigger-rfm"),
            );
            changed |= ui
                .checkbox(enter_everyone_now, tr("scenario-form-everyone-now"))
                .changed();
        }
        Trigger::NoOrderFor { days } => {
            changed |= number(ui, "scenario-form-days", days, 3650);
        }
        Trigger::Yearly { field, days_before } => {
            changed |= text(ui, "scenario-form-field", field, 120.0);
            changed |= number(ui, "scenario-form-days-before", days_before, 365);
        }
    }
    changed
}
