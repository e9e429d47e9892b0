//! The visual rule builder: a group with its mode, its conditions and nested groups, each
//! condition a row of drop-downs and value widgets. Rows can be dragged by their handle to a new
//! place in their group, moved with the arrows, or removed.

use crate::i18n::tr;
use crate::segment::presets::{Meaning, Meanings};
use crate::segment::{
    CHANNELS, CONDITION_KINDS, Cmp, DateTest, FieldRef, Group, Item, Membership, Mode,
    OrderMeasure, Purchase, Recency, TagOp, TextTest,
};
use crate::store::{Consent, EventKind, Status};
use crate::ui::pickers::{pick_fixed, pick_fixed_width, pick_many, pick_one};

/// Groups nest this deep at most in the builder (the top group is level 1).
const MAX_DEPTH: usize = 5;

/// Room kept at the right of a condition's row for its funnel step and buttons.
const CONTROLS_WIDTH: f32 = 170.0;

/// What the builder offers to choose from: the base's own values, loaded in the background.
#[derive(Debug, Clone, Default)]
pub struct Choices {
    pub tags: Vec<String>,
    /// `prefix:*` for every tag group in the base.
    pub tag_groups: Vec<String>,
    pub custom_fields: Vec<String>,
    /// Distinct values by field or column name (`city`, `source`, `category`, `button`, …).
    pub values: std::collections::HashMap<String, Vec<String>>,
    pub flows: Vec<String>,
    /// Each flow with its buttons, for the flows window.
    pub flow_buttons: Vec<(String, Vec<String>)>,
    pub segments: Vec<String>,
    /// The owner's words the presets use, as answered so far.
    pub meanings: std::collections::HashMap<Meaning, String>,
}

impl Meanings for Choices {
    fn get(&self, meaning: Meaning) -> Option<String> {
        self.meanings.get(&meaning).cloned()
    }
}

impl Choices {
    fn values(&self, key: &str) -> &[String] {
        self.values.get(key).map_or(&[], Vec::as_slice)
    }

    fn first(&self, key: &str) -> String {
        self.values(key).first().cloned().unwrap_or_default()
    }
}

/// What a condition row needs to know besides its item.
pub struct Context<'a> {
    pub choices: &'a Choices,
    /// The funnel of the top group, when counted.
    pub funnel: Option<&'a [u64]>,
    /// The name the rule is edited under: a segment may not refer to itself.
    pub own_name: &'a str,
}

/// A row dragged by its handle: the group it belongs to (by path) and its place there.
#[derive(Debug, Clone, PartialEq)]
struct Dragged {
    group: Vec<usize>,
    index: usize,
}

/// What to do to a group's items once it is drawn.
enum Edit {
    Remove(usize),
    Move { from: usize, to: usize },
    Add(Item),
}

/// Draws the rule's top group; true when anything changed.
pub fn rule_ui(ui: &mut egui::Ui, root: &mut Group, ctx: &Context) -> bool {
    group_ui(ui, root, &mut Vec::new(), ctx, &mut |_| {})
}

/// The right end of an item's row: its funnel step (top group only), move and remove.
fn row_controls(
    ui: &mut egui::Ui,
    i: usize,
    count: usize,
    funnel: Option<u64>,
    edit: &mut Option<Edit>,
) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        if ui
            .small_button("✕")
            .on_hover_text(tr("rule-remove"))
            .clicked()
        {
            *edit = Some(Edit::Remove(i));
        }
        if i + 1 < count
            && ui
                .small_button("↓")
                .on_hover_text(tr("rule-down"))
                .clicked()
        {
            *edit = Some(Edit::Move { from: i, to: i + 1 });
        }
        if i > 0 && ui.small_button("↑").on_hover_text(tr("rule-up")).clicked() {
            *edit = Some(Edit::Move { from: i, to: i - 1 });
        }
        if let Some(n) = funnel {
            ui.label(egui::RichText::new(crate::format::group_thousands(n as i64)).strong())
                .on_hover_text(tr("funnel-hint"));
            ui.weak("→");
        }
    });
}

/// Draws a group: its mode line (with `controls` at its right end, the group's own row controls
/// when nested), its items, and the buttons that add to it.
fn group_ui(
    ui: &mut egui::Ui,
    group: &mut Group,
    path: &mut Vec<usize>,
    ctx: &Context,
    controls: &mut dyn FnMut(&mut egui::Ui),
) -> bool {
    let mut changed = false;
    let id = ui.make_persistent_id(("rule-group", path.clone()));
    egui::Sides::new().show(
        ui,
        |ui| {
            changed |= pick_fixed(
                ui,
                id.with("mode"),
                &mut group.mode,
                &[
                    (Mode::All, tr("mode-all")),
                    (Mode::Any, tr("mode-any")),
                    (Mode::None, tr("mode-none")),
                ],
                &tr("mode-hint"),
            );
            ui.weak(tr("mode-of-these"));
        },
        |ui| controls(ui),
    );
    let mut edit = None;
    let count = group.items.len();
    for i in 0..count {
        path.push(i);
        let row_id = ui.make_persistent_id(("rule-item", path.clone()));
        let funnel = ctx
            .funnel
            .filter(|_| path.len() == 1)
            .and_then(|f| f.get(i).copied());
        let row = ui.horizontal(|ui| {
            let handle = ui
                .dnd_drag_source(
                    row_id.with("drag"),
                    Dragged {
                        group: path[..path.len() - 1].to_vec(),
                        index: i,
                    },
                    |ui| {
                        ui.label("☰");
                    },
                )
                .response;
            handle.on_hover_text(tr("rule-drag"));
            let item = &mut group.items[i];
            if let Item::Group(inner) = item {
                // The row lays out left to right; the group inside it, top to bottom.
                ui.vertical(|ui| {
                    egui::Frame::group(ui.style()).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        changed |= group_ui(ui, inner, path, ctx, &mut |ui| {
                            row_controls(ui, i, count, funnel, &mut edit)
                        });
                    });
                });
            } else {
                // The condition wraps onto more lines (a long list of chosen values) and leaves
                // room for the funnel step and the buttons at the right.
                let width = (ui.available_width() - CONTROLS_WIDTH).max(200.0);
                ui.allocate_ui_with_layout(
                    egui::vec2(width, 0.0),
                    egui::Layout::left_to_right(egui::Align::Center).with_main_wrap(true),
                    |ui| changed |= condition_ui(ui, item, row_id, ctx),
                );
                row_controls(ui, i, count, funnel, &mut edit);
            }
        });
        if let Some(dragged) = row.response.dnd_release_payload::<Dragged>()
            && dragged.group == path[..path.len() - 1]
            && dragged.index != i
        {
            edit = Some(Edit::Move {
                from: dragged.index,
                to: i,
            });
        }
        if row.response.dnd_hover_payload::<Dragged>().is_some() {
            ui.painter().hline(
                row.response.rect.x_range(),
                row.response.rect.top(),
                ui.visuals().selection.stroke,
            );
        }
        path.pop();
    }
    ui.horizontal(|ui| {
        if ui.button(tr("rule-add-condition")).clicked() {
            edit = Some(Edit::Add(default_item("consent", ctx.choices)));
        }
        if path.len() + 1 < MAX_DEPTH && ui.button(tr("rule-add-group")).clicked() {
            // A new group starts with one condition: an empty "any of" group would hold no one.
            edit = Some(Edit::Add(Item::Group(Group {
                mode: Mode::Any,
                items: vec![default_item("consent", ctx.choices)],
            })));
        }
    });
    match edit {
        Some(Edit::Remove(i)) => {
            group.items.remove(i);
            changed = true;
        }
        Some(Edit::Move { from, to }) => {
            let item = group.items.remove(from);
            group.items.insert(to, item);
            changed = true;
        }
        Some(Edit::Add(item)) => {
            group.items.push(item);
            changed = true;
        }
        None => {}
    }
    changed
}

/// A new condition of `kind`, filled with a sensible first value from the base.
fn default_item(kind: &str, choices: &Choices) -> Item {
    match kind {
        "field" => Item::Field {
            field: FieldRef::City,
            test: TextTest::Equals {
                value: choices.first("city"),
            },
        },
        "created" => Item::Created(DateTest::WithinDays { days: 30 }),
        "status" => Item::Status { is: Status::Active },
        "tags" => Item::Tags {
            op: TagOp::Has,
            tags: vec![choices.tags.first().cloned().unwrap_or_default()],
        },
        "events" => Item::Events {
            kind: EventKind::Clicked,
            button: None,
            campaign: None,
            days: Some(30),
            cmp: Cmp::Ge,
            count: 1,
        },
        "last_event" => Item::LastEvent {
            kind: EventKind::Read,
            when: Recency::MoreThan { days: 30 },
        },
        "sleeping" => Item::Sleeping { campaigns: 3 },
        "flow" => Item::Flow {
            flow: choices.flows.first().cloned().unwrap_or_default(),
        },
        "orders" => Item::Orders {
            measure: OrderMeasure::Count,
            cmp: Cmp::Ge,
            value: 1.0,
        },
        "never_ordered" => Item::NeverOrdered,
        "bought" => Item::Bought {
            what: Purchase::Category,
            name: choices.first("category"),
            days: None,
        },
        "segment" => Item::Segment {
            op: Membership::In,
            segment: choices.segments.first().cloned().unwrap_or_default(),
        },
        "rfm" => Item::Rfm {
            groups: vec![crate::rfm::Group::Champions],
            r: None,
            f: None,
            m: None,
        },
        _ => Item::Consent { is: Consent::Yes },
    }
}

fn cmp_options() -> Vec<(Cmp, String)> {
    Cmp::ALL
        .iter()
        .map(|c| (*c, c.symbol().to_owned()))
        .collect()
}

fn kind_options() -> Vec<(EventKind, String)> {
    EventKind::ALL
        .iter()
        .map(|k| (*k, tr(&format!("event-{}", k.as_str()))))
        .collect()
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

fn condition_ui(ui: &mut egui::Ui, item: &mut Item, id: egui::Id, ctx: &Context) -> bool {
    let mut changed = false;
    let mut kind = item.kind();
    let types: Vec<(&str, String)> = CONDITION_KINDS
        .iter()
        .map(|t| (*t, tr(&format!("cond-type-{t}"))))
        .collect();
    if pick_fixed(
        ui,
        id.with("type"),
        &mut kind,
        &types,
        &tr("cond-type-hint"),
    ) {
        *item = default_item(kind, ctx.choices);
        return true;
    }
    let choices = ctx.choices;
    match item {
        Item::Group(_) => {}
        Item::Field { field, test } => {
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
            if chosen == usize::MAX {
                fields.push((usize::MAX, field.key().to_owned()));
            }
            if pick_fixed(
                ui,
                id.with("field"),
                &mut chosen,
                &fields,
                &tr("seg-field-hint"),
            ) {
                *field = if chosen < custom_base {
                    FieldRef::BUILT_IN[chosen].clone()
                } else {
                    FieldRef::Custom(choices.custom_fields[chosen - custom_base].clone())
                };
                changed = true;
            }
            changed |= text_test_ui(ui, id, field, test, choices);
        }
        Item::Created(test) => changed |= date_test_ui(ui, id, test),
        Item::Consent { is } => {
            changed |= pick_fixed(
                ui,
                id.with("consent"),
                is,
                &[
                    (Consent::Yes, tr("consent-yes")),
                    (Consent::No, tr("consent-no")),
                    (Consent::Unknown, tr("consent-unknown")),
                ],
                &tr("cond-type-consent"),
            );
        }
        Item::Status { is } => {
            changed |= pick_fixed(
                ui,
                id.with("status"),
                is,
                &[
                    (Status::Active, tr("status-active")),
                    (Status::Unsubscribed, tr("status-unsubscribed")),
                    (Status::Blocked, tr("status-blocked")),
                ],
                &tr("cond-type-status"),
            );
        }
        Item::Tags { op, tags } => {
            changed |= pick_fixed(
                ui,
                id.with("tag-op"),
                op,
                &[
                    (TagOp::Has, tr("tag-op-has")),
                    (TagOp::HasNot, tr("tag-op-has_not")),
                    (TagOp::HasAny, tr("tag-op-has_any")),
                    (TagOp::HasAll, tr("tag-op-has_all")),
                ],
                &tr("tag-op-hint"),
            );
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
                changed |= pick_one(ui, id.with("tag"), &mut tags[0], &options, &tr("tag-hint"));
            } else {
                tags.retain(|t| !t.is_empty());
                changed |= pick_many(ui, id.with("tags"), tags, &options, &tr("tag-hint"));
            }
        }
        Item::Events {
            kind,
            button,
            campaign,
            days,
            cmp,
            count,
        } => {
            changed |= pick_fixed(
                ui,
                id.with("kind"),
                kind,
                &kind_options(),
                &tr("event-kind-hint"),
            );
            changed |= pick_fixed_width(
                ui,
                id.with("cmp"),
                cmp,
                &cmp_options(),
                &tr("cmp-hint"),
                Some(44.0),
            );
            changed |= ui
                .add(egui::DragValue::new(count).range(0..=10_000))
                .on_hover_text(tr("events-count-hint"))
                .changed();
            ui.label(tr("events-times"));
            changed |= days_ui(ui, days);
            changed |= optional_value(
                ui,
                id.with("button"),
                button,
                choices.values("button"),
                "events-button",
            );
            changed |= optional_value(
                ui,
                id.with("campaign"),
                campaign,
                choices.values("campaign"),
                "events-campaign",
            );
        }
        Item::LastEvent { kind, when } => {
            changed |= pick_fixed(
                ui,
                id.with("kind"),
                kind,
                &kind_options(),
                &tr("event-kind-hint"),
            );
            let mut op = match when {
                Recency::MoreThan { .. } => 0,
                Recency::LessThan { .. } => 1,
                Recency::Never => 2,
            };
            let days = match when {
                Recency::MoreThan { days } | Recency::LessThan { days } => *days,
                Recency::Never => 30,
            };
            if pick_fixed(
                ui,
                id.with("recency"),
                &mut op,
                &[
                    (0, tr("recency-more_than")),
                    (1, tr("recency-less_than")),
                    (2, tr("recency-never")),
                ],
                &tr("recency-hint"),
            ) {
                *when = match op {
                    0 => Recency::MoreThan { days },
                    1 => Recency::LessThan { days },
                    _ => Recency::Never,
                };
                changed = true;
            }
            if let Recency::MoreThan { days } | Recency::LessThan { days } = when {
                changed |= ui
                    .add(egui::DragValue::new(days).range(0..=3650))
                    .on_hover_text(tr("rule-days-hint"))
                    .changed();
                ui.label(tr("rule-days-ago"));
            }
        }
        Item::Sleeping { campaigns } => {
            ui.label(tr("sleeping-last"));
            changed |= ui
                .add(egui::DragValue::new(campaigns).range(1..=100))
                .on_hover_text(tr("sleeping-hint"))
                .changed();
            ui.label(tr("sleeping-campaigns"));
        }
        Item::Flow { flow } => {
            changed |= pick_one(ui, id.with("flow"), flow, &choices.flows, &tr("flow-hint"));
        }
        Item::Orders {
            measure,
            cmp,
            value,
        } => {
            changed |= pick_fixed(
                ui,
                id.with("measure"),
                measure,
                &[
                    (OrderMeasure::Count, tr("measure-count")),
                    (OrderMeasure::Total, tr("measure-total")),
                    (OrderMeasure::Average, tr("measure-average")),
                    (OrderMeasure::DaysSinceLast, tr("measure-days_since_last")),
                ],
                &tr("measure-hint"),
            );
            changed |= pick_fixed_width(
                ui,
                id.with("cmp"),
                cmp,
                &cmp_options(),
                &tr("cmp-hint"),
                Some(44.0),
            );
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
            changed |= ui
                .add(drag)
                .on_hover_text(tr("measure-value-hint"))
                .changed();
        }
        Item::NeverOrdered => {}
        Item::Bought { what, name, days } => {
            let before = *what;
            changed |= pick_fixed(
                ui,
                id.with("what"),
                what,
                &[
                    (Purchase::Category, tr("bought-category")),
                    (Purchase::Product, tr("bought-product")),
                ],
                &tr("bought-hint"),
            );
            if *what != before {
                *name = choices.first(match what {
                    Purchase::Category => "category",
                    Purchase::Product => "product",
                });
            }
            let key = match what {
                Purchase::Category => "category",
                Purchase::Product => "product",
            };
            changed |= pick_one(
                ui,
                id.with("name"),
                name,
                choices.values(key),
                &tr("bought-hint"),
            );
            changed |= days_ui(ui, days);
        }
        Item::Segment { op, segment } => {
            changed |= pick_fixed(
                ui,
                id.with("member"),
                op,
                &[
                    (Membership::In, tr("member-in")),
                    (Membership::NotIn, tr("member-not_in")),
                ],
                &tr("member-hint"),
            );
            let others: Vec<String> = choices
                .segments
                .iter()
                .filter(|s| *s != ctx.own_name)
                .cloned()
                .collect();
            changed |= pick_one(ui, id.with("segment"), segment, &others, &tr("member-hint"));
        }
        Item::Rfm { groups, r, f, m } => changed |= rfm_ui(ui, id, groups, [r, f, m]),
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
fn optional_value(
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

fn text_test_ui(
    ui: &mut egui::Ui,
    id: egui::Id,
    field: &FieldRef,
    test: &mut TextTest,
    choices: &Choices,
) -> bool {
    let mut changed = false;
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
    let mut op = match test {
        TextTest::Equals { .. } => 0,
        TextTest::NotEquals { .. } => 1,
        TextTest::OneOf { .. } => 2,
        TextTest::Contains { .. } => 3,
        TextTest::IsEmpty => 4,
    };
    let mut ops = vec![
        (0, tr("text-op-equals")),
        (1, tr("text-op-not_equals")),
        (2, tr("text-op-one_of")),
        (3, tr("text-op-contains")),
        (4, tr("text-op-is_empty")),
    ];
    if *field == FieldRef::Channel {
        ops.remove(3);
    }
    if pick_fixed(ui, id.with("text-op"), &mut op, &ops, &tr("text-op-hint")) {
        let current = match test {
            TextTest::Equals { value }
            | TextTest::NotEquals { value }
            | TextTest::Contains { value } => value.clone(),
            TextTest::OneOf { values } => values.first().cloned().unwrap_or_default(),
            TextTest::IsEmpty => options.first().cloned().unwrap_or_default(),
        };
        *test = match op {
            0 => TextTest::Equals { value: current },
            1 => TextTest::NotEquals { value: current },
            2 => TextTest::OneOf {
                values: vec![current]
                    .into_iter()
                    .filter(|v| !v.is_empty())
                    .collect(),
            },
            3 => TextTest::Contains { value: current },
            _ => TextTest::IsEmpty,
        };
        changed = true;
    }
    match test {
        TextTest::Equals { value } | TextTest::NotEquals { value } => {
            changed |= pick_one(ui, id.with("value"), value, options, &tr("text-value-hint"));
        }
        TextTest::OneOf { values } => {
            changed |= pick_many(
                ui,
                id.with("values"),
                values,
                options,
                &tr("text-value-hint"),
            );
        }
        TextTest::Contains { value } => {
            changed |= ui
                .add(egui::TextEdit::singleline(value).desired_width(160.0))
                .on_hover_text(tr("text-value-hint"))
                .changed();
        }
        TextTest::IsEmpty => {}
    }
    changed
}

fn date_test_ui(ui: &mut egui::Ui, id: egui::Id, test: &mut DateTest) -> bool {
    let mut changed = false;
    let today = chrono::Local::now().date_naive();
    let mut op = match test {
        DateTest::Before { .. } => 0,
        DateTest::After { .. } => 1,
        DateTest::WithinDays { .. } => 2,
    };
    if pick_fixed(
        ui,
        id.with("date-op"),
        &mut op,
        &[
            (0, tr("date-op-before")),
            (1, tr("date-op-after")),
            (2, tr("date-op-within_days")),
        ],
        &tr("date-op-hint"),
    ) {
        let date = match test {
            DateTest::Before { date } | DateTest::After { date } => *date,
            DateTest::WithinDays { .. } => today,
        };
        *test = match op {
            0 => DateTest::Before { date },
            1 => DateTest::After { date },
            _ => DateTest::WithinDays { days: 30 },
        };
        changed = true;
    }
    match test {
        DateTest::Before { date } | DateTest::After { date } => {
            changed |= crate::ui::widgets::date_picker(
                ui,
                &format!("{id:?}-date"),
                date,
                &tr("date-hint"),
            );
        }
        DateTest::WithinDays { days } => {
            changed |= ui
                .add(egui::DragValue::new(days).range(0..=3650))
                .on_hover_text(tr("rule-days-hint"))
                .changed();
            ui.label(tr("rule-days"));
        }
    }
    changed
}
