//! The visual rule builder: a group with its mode, its conditions and nested groups, each
//! condition a row of drop-downs and value widgets. Rows can be dragged by their handle to a new
//! place in their group, moved with the arrows, or removed.

mod activity;
mod condition;
mod verdict;

pub use activity::kind_label as activity_kind_label;

use crate::i18n::tr;
use crate::segment::presets::{Meaning, Meanings};
use crate::segment::{
    Cmp, ConditionKind, DateTest, FieldRef, Group, Item, Membership, Mode, OrderMeasure, Purchase,
    Recency, TagOp, TextTest,
};
use crate::store::{Consent, EventKind, Status};
use crate::ui::choice::pick;
use condition::condition_ui;

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
    /// The kinds of activity the base knows (`Store::activity_kinds`).
    pub activity_kinds: Vec<String>,
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
    /// The rule told for one contact ("Why?"), when asked and up to date.
    pub why: Option<&'a crate::segment::explain::Node>,
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
            changed |= pick(ui, id.with("mode"), &mut group.mode, &tr("mode-hint"));
            ui.weak(tr("mode-of-these"));
            if let Some(node) = verdict::node_at(ctx.why, path) {
                verdict::reason(ui, node);
            }
        },
        |ui| controls(ui),
    );
    let mut edit = None;
    let count = group.items.len();
    for i in 0..count {
        path.push(i);
        changed |= item_row(ui, &mut group.items[i], path, count, ctx, &mut edit);
        path.pop();
    }
    ui.horizontal(|ui| {
        let consent = || default_item(ConditionKind::Consent, ctx.choices);
        if ui.button(tr("rule-add-condition")).clicked() {
            edit = Some(Edit::Add(consent()));
        }
        if path.len() + 1 < MAX_DEPTH && ui.button(tr("rule-add-group")).clicked() {
            // A new group starts with one condition: an empty "any of" group would hold no one.
            edit = Some(Edit::Add(Item::Group(Group {
                mode: Mode::Any,
                items: vec![consent()],
            })));
        }
    });
    if let Some(edit) = edit {
        match edit {
            Edit::Remove(i) => {
                group.items.remove(i);
            }
            Edit::Move { from, to } => {
                let item = group.items.remove(from);
                group.items.insert(to, item);
            }
            Edit::Add(item) => group.items.push(item),
        }
        changed = true;
    }
    changed
}

/// One item's row at `path` (of a group of `count`): its drag handle, the condition or the
/// nested group, and its controls; a row dropped on it sets `edit`. True when anything changed.
fn item_row(
    ui: &mut egui::Ui,
    item: &mut Item,
    path: &mut Vec<usize>,
    count: usize,
    ctx: &Context,
    edit: &mut Option<Edit>,
) -> bool {
    let i = path[path.len() - 1];
    let mut changed = false;
    let row_id = ui.make_persistent_id(("rule-item", path.clone()));
    let funnel = ctx
        .funnel
        .filter(|_| path.len() == 1)
        .and_then(|f| f.get(i).copied());
    let node = verdict::node_at(ctx.why, path);
    let background = ui.painter().add(egui::Shape::Noop);
    let row = ui.horizontal(|ui| {
        let dragged = Dragged {
            group: path[..path.len() - 1].to_vec(),
            index: i,
        };
        let handle = ui.dnd_drag_source(row_id.with("drag"), dragged, |ui| {
            ui.label("☰");
        });
        handle.response.on_hover_text(tr("rule-drag"));
        if let Item::Group(inner) = item {
            // The row lays out left to right; the group inside it, top to bottom.
            ui.vertical(|ui| {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    changed |= group_ui(ui, inner, path, ctx, &mut |ui| {
                        row_controls(ui, i, count, funnel, edit)
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
                |ui| {
                    if let Some(node) = node {
                        verdict::mark(ui, node);
                    }
                    changed |= condition_ui(ui, item, row_id, ctx);
                    if let Some(node) = node {
                        verdict::facts(ui, node);
                    }
                },
            );
            row_controls(ui, i, count, funnel, edit);
        }
    });
    if let Some(node) = node.filter(|n| n.mode.is_none()) {
        verdict::tint(ui, background, row.response.rect, node);
    }
    if let Some(dragged) = row.response.dnd_release_payload::<Dragged>()
        && dragged.group == path[..path.len() - 1]
        && dragged.index != i
    {
        *edit = Some(Edit::Move {
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
    changed
}

/// A new condition of `kind`, filled with a sensible first value from the base.
fn default_item(kind: ConditionKind, choices: &Choices) -> Item {
    match kind {
        ConditionKind::Field => Item::Field {
            field: FieldRef::City,
            test: TextTest::Equals {
                value: choices.first("city"),
            },
        },
        ConditionKind::Created => Item::Created(DateTest::WithinDays { days: 30 }),
        ConditionKind::Consent => Item::Consent { is: Consent::Yes },
        ConditionKind::Status => Item::Status { is: Status::Active },
        ConditionKind::Tags => Item::Tags {
            op: TagOp::Has,
            tags: vec![choices.tags.first().cloned().unwrap_or_default()],
        },
        ConditionKind::Events => Item::Events {
            kind: EventKind::Clicked,
            button: None,
            campaign: None,
            days: Some(30),
            cmp: Cmp::Ge,
            count: 1,
        },
        ConditionKind::LastEvent => Item::LastEvent {
            kind: EventKind::Read,
            when: Recency::MoreThan { days: 30 },
        },
        ConditionKind::Activity => Item::Activity {
            kind: choices.activity_kinds.get(1).cloned().unwrap_or_default(),
            did: true,
            product: None,
            category: None,
            days: None,
            hours: Some(48),
        },
        ConditionKind::LastActivityValue => Item::LastActivityValue {
            kind: choices.activity_kinds.get(1).cloned().unwrap_or_default(),
            cmp: Cmp::Ge,
            value: 3000.0,
        },
        ConditionKind::Sleeping => Item::Sleeping { campaigns: 3 },
        ConditionKind::Flow => Item::Flow {
            flow: choices.flows.first().cloned().unwrap_or_default(),
        },
        ConditionKind::Orders => Item::Orders {
            measure: OrderMeasure::Count,
            cmp: Cmp::Ge,
            value: 1.0,
        },
        ConditionKind::NeverOrdered => Item::NeverOrdered,
        ConditionKind::Bought => Item::Bought {
            what: Purchase::Category,
            name: choices.first("category"),
            days: None,
        },
        ConditionKind::Segment => Item::Segment {
            op: Membership::In,
            segment: choices.segments.first().cloned().unwrap_or_default(),
        },
        ConditionKind::Rfm => Item::Rfm {
            groups: vec![crate::rfm::Group::Champions],
            r: None,
            f: None,
            m: None,
        },
    }
}
