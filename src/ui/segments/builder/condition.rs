//! One condition's row of the builder: its kind, then the drop-downs and values that kind
//! takes — one function per kind.

use super::activity::{ActivityRow, activity_ui, last_value_ui};
use super::{Choices, Context, default_item};
use crate::i18n::tr;
use crate::segment::{
    CHANNELS, Cmp, DateTest, FieldRef, Item, OrderMeasure, Purchase, Recency, TagOp, TextOp,
    TextTest,
};
use crate::ui::choice::{pick, pick_but};
use crate::ui::pickers::{pick_fixed, pick_fixed_width, pick_many, pick_one};

/// Draws `item`'s row; true when anything changed.
pub fn condition_ui(ui: &mut egui::Ui, item: &mut Item, id: egui::Id, ctx: &Context) -> bool {
    let Some(mut kind) = item.condition() else {
        return false;
    };
    if pick(ui, id.with("type"), &mut kind, &tr("cond-type-hint")) {
        *item = default_item(kind, ctx.choices);
        return true;
    }
    let choices = ctx.choices;
    match item {
        Item::Group(_) | Item::NeverOrdered => false,
        Item::Field { field, test } => {
            field_ui(ui, id, field, choices) | text_test_ui(ui, id, field, test, choices)
        }
        Item::Created(test) => date_test_ui(ui, id, test),
        Item::Consent { is } => pick(ui, id.with("consent"), is, &tr("cond-type-consent")),
        Item::Status { is } => pick(ui, id.with("status"), is, &tr("cond-type-status")),
        Item::Tags { op, tags } => tags_ui(ui, id, op, tags, choices),
        Item::Events {
            kind,
            button,
            campaign,
            days,
            cmp,
            count,
        } => {
            let mut changed = pick(ui, id.with("kind"), kind, &tr("event-kind-hint"));
            changed |= count_ui(ui, id, cmp, count);
            changed |= days_ui(ui, days);
            changed |= optional_value(
                ui,
                id.with("button"),
                button,
                choices.values("button"),
                "events-button",
            );
            changed
                | optional_value(
                    ui,
                    id.with("campaign"),
                    campaign,
                    choices.values("campaign"),
                    "events-campaign",
                )
        }
        Item::LastEvent { kind, when } => {
            pick(ui, id.with("kind"), kind, &tr("event-kind-hint")) | recency_ui(ui, id, when)
        }
        Item::Sleeping { campaigns } => {
            ui.label(tr("sleeping-last"));
            let changed = ui
                .add(egui::DragValue::new(campaigns).range(1..=100))
                .on_hover_text(tr("sleeping-hint"))
                .changed();
            ui.label(tr("sleeping-campaigns"));
            changed
        }
        Item::Flow { flow } => {
            pick_one(ui, id.with("flow"), flow, &choices.flows, &tr("flow-hint"))
        }
        Item::Orders {
            measure,
            cmp,
            value,
        } => orders_ui(ui, id, measure, cmp, value),
        Item::Bought { what, name, days } => {
            bought_ui(ui, id, what, name, choices) | days_ui(ui, days)
        }
        Item::Activity {
            kind,
            did,
            product,
            category,
            days,
            hours,
        } => {
            let row = ActivityRow {
                kind,
                did,
                product,
                category,
                days,
                hours,
            };
            activity_ui(ui, id, row, choices)
        }
        Item::LastActivityValue { kind, cmp, value } => {
            last_value_ui(ui, id, (kind, cmp, value), choices)
        }
        Item::Segment { op, segment } => {
            let changed = pick(ui, id.with("member"), op, &tr("member-hint"));
            let others: Vec<String> = choices
                .segments
                .iter()
                .filter(|s| *s != ctx.own_name)
                .cloned()
                .collect();
            changed | pick_one(ui, id.with("segment"), segment, &others, &tr("member-hint"))
        }
        Item::Rfm { groups, r, f, m } => rfm_ui(ui, id, groups, [r, f, m]),
    }
}

/// The field a text condition tests: a built-in one or one of the base's custom fields.
fn field_ui(ui: &mut egui::Ui, id: egui::Id, field: &mut FieldRef, choices: &Choices) -> bool {
    let mut fields: Vec<(usize, String)> = FieldRef::BUILT_IN
        .iter()
        .enumerate()
        .map(|(i, f)| (i, tr(&format!("seg-field-{}", f.key()))))
        .collect();
    let custom_base = fields.len();
    fields.extend(
        choices
            .custom_fields
            .iter()
            .enumerate()
            .map(|(i, name)| (custom_base + i, name.clone())),
    );
    let mut chosen = match &*field {
        FieldRef::Custom(name) => choices
            .custom_fields
            .iter()
            .position(|n| n == name)
            .map_or(usize::MAX, |i| custom_base + i),
        f => FieldRef::BUILT_IN.iter().position(|b| b == f).unwrap_or(0),
    };
    // A custom field the base no longer holds stays shown by its name.
    if chosen == usize::MAX {
        fields.push((usize::MAX, field.key().to_owned()));
    }
    if !pick_fixed(
        ui,
        id.with("field"),
        &mut chosen,
        &fields,
        &tr("seg-field-hint"),
    ) {
        return false;
    }
    *field = if chosen < custom_base {
        FieldRef::BUILT_IN[chosen].clone()
    } else {
        FieldRef::Custom(choices.custom_fields[chosen - custom_base].clone())
    };
    true
}

/// Has (not) one tag, or any or all of several; tag groups (`prefix:*`) first.
fn tags_ui(
    ui: &mut egui::Ui,
    id: egui::Id,
    op: &mut TagOp,
    tags: &mut Vec<String>,
    choices: &Choices,
) -> bool {
    let changed = pick(ui, id.with("tag-op"), op, &tr("tag-op-hint"));
    let options: Vec<String> = choices
        .tag_groups
        .iter()
        .chain(&choices.tags)
        .cloned()
        .collect();
    if matches!(op, TagOp::Has | TagOp::HasNot) {
        tags.truncate(1);
        if tags.is_empty() {
            tags.push(String::new());
        }
        changed | pick_one(ui, id.with("tag"), &mut tags[0], &options, &tr("tag-hint"))
    } else {
        tags.retain(|t| !t.is_empty());
        changed | pick_many(ui, id.with("tags"), tags, &options, &tr("tag-hint"))
    }
}

/// A comparison sign and a count of events: `≥ 1 times`.
fn count_ui(ui: &mut egui::Ui, id: egui::Id, cmp: &mut Cmp, count: &mut u32) -> bool {
    let mut changed = cmp_ui(ui, id, cmp);
    changed |= ui
        .add(egui::DragValue::new(count).range(0..=10_000))
        .on_hover_text(tr("events-count-hint"))
        .changed();
    ui.label(tr("events-times"));
    changed
}

/// A short drop-down of comparison signs.
pub(super) fn cmp_ui(ui: &mut egui::Ui, id: egui::Id, cmp: &mut Cmp) -> bool {
    let options: Vec<(Cmp, String)> = Cmp::ALL
        .iter()
        .map(|c| (*c, c.symbol().to_owned()))
        .collect();
    pick_fixed_width(
        ui,
        id.with("cmp"),
        cmp,
        &options,
        &tr("cmp-hint"),
        Some(44.0),
    )
}

/// More or fewer than so many days ago, or never.
fn recency_ui(ui: &mut egui::Ui, id: egui::Id, when: &mut Recency) -> bool {
    let mut op = when.op();
    let mut changed = pick(ui, id.with("recency"), &mut op, &tr("recency-hint"));
    if changed {
        *when = when.with_op(op);
    }
    if let Recency::MoreThan { days } | Recency::LessThan { days } = when {
        changed |= ui
            .add(egui::DragValue::new(days).range(0..=3650))
            .on_hover_text(tr("rule-days-hint"))
            .changed();
        ui.label(tr("rule-days-ago"));
    }
    changed
}

/// The count, total, average of orders or the days since the last, compared with a value.
fn orders_ui(
    ui: &mut egui::Ui,
    id: egui::Id,
    measure: &mut OrderMeasure,
    cmp: &mut Cmp,
    value: &mut f64,
) -> bool {
    let mut changed = pick(ui, id.with("measure"), measure, &tr("measure-hint"));
    changed |= cmp_ui(ui, id, cmp);
    let money = matches!(measure, OrderMeasure::Total | OrderMeasure::Average);
    let drag = if money {
        egui::DragValue::new(value)
            .range(0.0..=1e9)
            .speed(10.0)
            .max_decimals(2)
            .suffix(" ₽")
    } else {
        *value = value.round();
        egui::DragValue::new(value)
            .range(0.0..=100_000.0)
            .max_decimals(0)
    };
    changed
        | ui.add(drag)
            .on_hover_text(tr("measure-value-hint"))
            .changed()
}

/// A category or a product bought, picked from the base's own.
fn bought_ui(
    ui: &mut egui::Ui,
    id: egui::Id,
    what: &mut Purchase,
    name: &mut String,
    choices: &Choices,
) -> bool {
    let key = |what: Purchase| match what {
        Purchase::Category => "category",
        Purchase::Product => "product",
    };
    let changed = pick(ui, id.with("what"), what, &tr("bought-hint"));
    if changed {
        *name = choices.first(key(*what));
    }
    changed
        | pick_one(
            ui,
            id.with("name"),
            name,
            choices.values(key(*what)),
            &tr("bought-hint"),
        )
}

/// A number of days, or none (ever); true when changed.
fn days_ui(ui: &mut egui::Ui, days: &mut Option<u32>) -> bool {
    let mut windowed = days.is_some();
    let mut changed = ui.checkbox(&mut windowed, tr("rule-in-last")).changed();
    if changed {
        *days = windowed.then_some(30);
    }
    if let Some(d) = days {
        changed |= ui
            .add(egui::DragValue::new(d).range(0..=3650))
            .on_hover_text(tr("rule-days-hint"))
            .changed();
        ui.label(tr("rule-days"));
    }
    changed
}

/// RFM groups (chips) and optional score ranges.
fn rfm_ui(
    ui: &mut egui::Ui,
    id: egui::Id,
    groups: &mut Vec<crate::rfm::Group>,
    ranges: [&mut Option<[u8; 2]>; 3],
) -> bool {
    use crate::rfm::Group;
    let label = |g: Group| g.label(crate::i18n::current());
    let mut names: Vec<String> = groups.iter().map(|g| label(*g)).collect();
    let options: Vec<String> = Group::ALL.iter().map(|g| label(*g)).collect();
    let mut changed = pick_many(
        ui,
        id.with("rfm-groups"),
        &mut names,
        &options,
        &tr("rfm-groups-hint"),
    );
    if changed {
        *groups = Group::ALL
            .into_iter()
            .filter(|g| names.contains(&label(*g)))
            .collect();
    }
    for (score, range) in ["R", "F", "M"].into_iter().zip(ranges) {
        let mut on = range.is_some();
        if ui
            .checkbox(&mut on, score)
            .on_hover_text(tr("rfm-score-hint"))
            .changed()
        {
            *range = on.then_some([1, 5]);
            changed = true;
        }
        if let Some([lo, hi]) = range {
            changed |= ui
                .add(egui::DragValue::new(lo).range(1..=*hi))
                .on_hover_text(tr("rfm-score-from"))
                .changed();
            ui.label("–");
            changed |= ui
                .add(egui::DragValue::new(hi).range(*lo..=5))
                .on_hover_text(tr("rfm-score-to"))
                .changed();
        }
    }
    changed
}

/// An optional exact value (a button, a campaign): "any" or one of `options`.
pub(super) fn optional_value(
    ui: &mut egui::Ui,
    id: egui::Id,
    value: &mut Option<String>,
    options: &[String],
    label: &str,
) -> bool {
    let mut on = value.is_some();
    let mut changed = ui.checkbox(&mut on, tr(label)).changed();
    if changed {
        *value = on.then(|| options.first().cloned().unwrap_or_default());
    }
    if let Some(v) = value {
        changed |= pick_one(ui, id, v, options, &tr(label));
    }
    changed
}

/// How a text field is compared, and with which of the base's values.
fn text_test_ui(
    ui: &mut egui::Ui,
    id: egui::Id,
    field: &FieldRef,
    test: &mut TextTest,
    choices: &Choices,
) -> bool {
    let channels: Vec<String> = CHANNELS.iter().map(|c| (*c).to_owned()).collect();
    let custom_values;
    let options: &[String] = match field {
        FieldRef::Channel => &channels,
        FieldRef::Custom(name) => {
            custom_values = choices
                .values
                .get(&format!("custom:{name}"))
                .cloned()
                .unwrap_or_default();
            &custom_values
        }
        other => choices.values(other.key()),
    };
    let mut op = test.op();
    // A channel is one of three words: "contains" makes no sense for it.
    let hide: &[TextOp] = if *field == FieldRef::Channel {
        &[TextOp::Contains]
    } else {
        &[]
    };
    let mut changed = pick_but(ui, id.with("text-op"), &mut op, &tr("text-op-hint"), hide);
    if changed {
        *test = test.with_op(op, options.first().map_or("", String::as_str));
    }
    changed |= match test {
        TextTest::Equals { value } | TextTest::NotEquals { value } => {
            pick_one(ui, id.with("value"), value, options, &tr("text-value-hint"))
        }
        TextTest::OneOf { values } => pick_many(
            ui,
            id.with("values"),
            values,
            options,
            &tr("text-value-hint"),
        ),
        TextTest::Contains { value } => ui
            .add(egui::TextEdit::singleline(value).desired_width(160.0))
            .on_hover_text(tr("text-value-hint"))
            .changed(),
        TextTest::IsEmpty => false,
    };
    changed
}

/// Before or after a day, or within the last so many days.
fn date_test_ui(ui: &mut egui::Ui, id: egui::Id, test: &mut DateTest) -> bool {
    let mut op = test.op();
    let mut changed = pick(ui, id.with("date-op"), &mut op, &tr("date-op-hint"));
    if changed {
        *test = test.with_op(op, chrono::Local::now().date_naive());
    }
    changed |= match test {
        DateTest::Before { date } | DateTest::After { date } => {
            crate::ui::widgets::date_picker(ui, &format!("{id:?}-date"), date, &tr("date-hint"))
        }
        DateTest::WithinDays { days } => {
            let changed = ui
                .add(egui::DragValue::new(days).range(0..=3650))
                .on_hover_text(tr("rule-days-hint"))
                .changed();
            ui.label(tr("rule-days"));
            changed
        }
    };
    changed
}
