//! What the segment builder switches between: the kinds of condition (each named in JSON as
//! the rule files name it), and the operators of a text, date or recency test — a switch keeps
//! what the owner typed wherever the new operator has room for it.

use super::rule::{DateTest, Item, Recency, TextTest};

/// The kinds of condition, in the order the builder offers them; each is named in JSON by
/// [`ConditionKind::as_str`] (`"type"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConditionKind {
    Field,
    Created,
    Consent,
    Status,
    Tags,
    Events,
    LastEvent,
    Activity,
    LastActivityValue,
    Sleeping,
    Flow,
    Orders,
    NeverOrdered,
    Bought,
    Segment,
    Rfm,
}

impl ConditionKind {
    pub const ALL: [ConditionKind; 16] = [
        ConditionKind::Field,
        ConditionKind::Created,
        ConditionKind::Consent,
        ConditionKind::Status,
        ConditionKind::Tags,
        ConditionKind::Events,
        ConditionKind::LastEvent,
        ConditionKind::Activity,
        ConditionKind::LastActivityValue,
        ConditionKind::Sleeping,
        ConditionKind::Flow,
        ConditionKind::Orders,
        ConditionKind::NeverOrdered,
        ConditionKind::Bought,
        ConditionKind::Segment,
        ConditionKind::Rfm,
    ];

    /// The kind's JSON `"type"`.
    pub fn as_str(self) -> &'static str {
        match self {
            ConditionKind::Field => "field",
            ConditionKind::Created => "created",
            ConditionKind::Consent => "consent",
            ConditionKind::Status => "status",
            ConditionKind::Tags => "tags",
            ConditionKind::Events => "events",
            ConditionKind::LastEvent => "last_event",
            ConditionKind::Activity => "activity",
            ConditionKind::LastActivityValue => "last_activity_value",
            ConditionKind::Sleeping => "sleeping",
            ConditionKind::Flow => "flow",
            ConditionKind::Orders => "orders",
            ConditionKind::NeverOrdered => "never_ordered",
            ConditionKind::Bought => "bought",
            ConditionKind::Segment => "segment",
            ConditionKind::Rfm => "rfm",
        }
    }
}

impl Item {
    /// The kind of condition the item is; `None` for a group.
    pub fn condition(&self) -> Option<ConditionKind> {
        Some(match self {
            Item::Group(_) => return None,
            Item::Field { .. } => ConditionKind::Field,
            Item::Created(_) => ConditionKind::Created,
            Item::Consent { .. } => ConditionKind::Consent,
            Item::Status { .. } => ConditionKind::Status,
            Item::Tags { .. } => ConditionKind::Tags,
            Item::Events { .. } => ConditionKind::Events,
            Item::LastEvent { .. } => ConditionKind::LastEvent,
            Item::Activity { .. } => ConditionKind::Activity,
            Item::LastActivityValue { .. } => ConditionKind::LastActivityValue,
            Item::Sleeping { .. } => ConditionKind::Sleeping,
            Item::Flow { .. } => ConditionKind::Flow,
            Item::Orders { .. } => ConditionKind::Orders,
            Item::NeverOrdered => ConditionKind::NeverOrdered,
            Item::Bought { .. } => ConditionKind::Bought,
            Item::Segment { .. } => ConditionKind::Segment,
            Item::Rfm { .. } => ConditionKind::Rfm,
        })
    }

    /// The item's JSON `"type"`: `group` or its [`ConditionKind`]'s.
    pub fn kind(&self) -> &'static str {
        self.condition().map_or("group", ConditionKind::as_str)
    }
}

/// How a [`TextTest`] compares, without its values: what the builder's drop-down picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextOp {
    Equals,
    NotEquals,
    OneOf,
    Contains,
    IsEmpty,
}

impl TextTest {
    pub fn op(&self) -> TextOp {
        match self {
            TextTest::Equals { .. } => TextOp::Equals,
            TextTest::NotEquals { .. } => TextOp::NotEquals,
            TextTest::OneOf { .. } => TextOp::OneOf,
            TextTest::Contains { .. } => TextOp::Contains,
            TextTest::IsEmpty => TextOp::IsEmpty,
        }
    }

    /// The test with the operator `op`, keeping the value it had (the first of several);
    /// `fallback` when it had none.
    pub fn with_op(&self, op: TextOp, fallback: &str) -> TextTest {
        let current = match self {
            TextTest::Equals { value }
            | TextTest::NotEquals { value }
            | TextTest::Contains { value } => value.clone(),
            TextTest::OneOf { values } => values.first().cloned().unwrap_or_default(),
            TextTest::IsEmpty => fallback.to_owned(),
        };
        match op {
            TextOp::Equals => TextTest::Equals { value: current },
            TextOp::NotEquals => TextTest::NotEquals { value: current },
            TextOp::OneOf => TextTest::OneOf {
                values: Some(current)
                    .filter(|v| !v.is_empty())
                    .into_iter()
                    .collect(),
            },
            TextOp::Contains => TextTest::Contains { value: current },
            TextOp::IsEmpty => TextTest::IsEmpty,
        }
    }
}

/// How a [`DateTest`] compares, without its date or days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOp {
    Before,
    After,
    WithinDays,
}

impl DateTest {
    pub fn op(&self) -> DateOp {
        match self {
            DateTest::Before { .. } => DateOp::Before,
            DateTest::After { .. } => DateOp::After,
            DateTest::WithinDays { .. } => DateOp::WithinDays,
        }
    }

    /// The test with the operator `op`, keeping its date (`today` when it had days).
    pub fn with_op(&self, op: DateOp, today: chrono::NaiveDate) -> DateTest {
        let date = match self {
            DateTest::Before { date } | DateTest::After { date } => *date,
            DateTest::WithinDays { .. } => today,
        };
        match op {
            DateOp::Before => DateTest::Before { date },
            DateOp::After => DateTest::After { date },
            DateOp::WithinDays => DateTest::WithinDays { days: 30 },
        }
    }
}

/// How a [`Recency`] compares, without its days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecencyOp {
    MoreThan,
    LessThan,
    Never,
}

impl Recency {
    pub fn op(self) -> RecencyOp {
        match self {
            Recency::MoreThan { .. } => RecencyOp::MoreThan,
            Recency::LessThan { .. } => RecencyOp::LessThan,
            Recency::Never => RecencyOp::Never,
        }
    }

    /// The recency with the operator `op`, keeping its days (30 when it had none).
    pub fn with_op(self, op: RecencyOp) -> Recency {
        let days = match self {
            Recency::MoreThan { days } | Recency::LessThan { days } => days,
            Recency::Never => 30,
        };
        match op {
            RecencyOp::MoreThan => Recency::MoreThan { days },
            RecencyOp::LessThan => Recency::LessThan { days },
            RecencyOp::Never => Recency::Never,
        }
    }
}
