//! The rule a segment is: a group of conditions and nested groups, stored as versioned JSON.
//!
//! Every day count and date in a rule means days of the owner's zone. "N days ago" is the
//! number of midnights between a moment's local date and today: today is 0 days ago, so "in
//! the last N days" means today and the N − 1 days before it.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::model::campaign::Channel;
use crate::model::contact::{Consent, EventKind, Status};

/// The rule format this build writes; older versions are read and upgraded.
pub const RULE_VERSION: u32 = 1;

/// A stored segment rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    pub version: u32,
    #[serde(flatten)]
    pub root: Group,
}

/// Conditions combined one way.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub mode: Mode,
    pub items: Vec<Item>,
}

/// How a group combines its items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Every item holds.
    All,
    /// At least one item holds.
    Any,
    /// No item holds.
    None,
}

/// One entry of a group: a condition or a nested group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Item {
    Group(Group),
    /// A contact field compared with values.
    Field {
        field: FieldRef,
        #[serde(flatten)]
        test: TextTest,
    },
    /// When the contact was created.
    Created(DateTest),
    Consent {
        is: Consent,
    },
    Status {
        is: Status,
    },
    /// Tags, each a name or a group `prefix:*`.
    Tags {
        op: TagOp,
        tags: Vec<String>,
    },
    /// How many events of a kind the contact had, ever or in the last `days` days.
    Events {
        kind: EventKind,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        button: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        campaign: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        days: Option<u32>,
        cmp: Cmp,
        count: u32,
    },
    /// Whether the contact did (or did not do) an activity of a kind — about a product or a
    /// category when named — ever, in the last `days` days or in the last `hours` hours.
    Activity {
        /// One of `model::activity::ACTIVITY_KINDS` or the owner's own kind.
        kind: String,
        #[serde(default = "did_by_default", skip_serializing_if = "is_true")]
        did: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        product: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        category: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        days: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        hours: Option<u32>,
    },
    /// The value of the contact's last activity of a kind (the last cart's total), in roubles,
    /// compared with `value`; a contact without one, or whose last one has no value, does not
    /// match.
    LastActivityValue {
        kind: String,
        cmp: Cmp,
        value: f64,
    },
    /// When the contact's last event of a kind happened.
    LastEvent {
        kind: EventKind,
        #[serde(flatten)]
        when: Recency,
    },
    /// The last `campaigns` campaigns delivered to the contact found no read, click or reply.
    Sleeping {
        campaigns: u32,
    },
    /// The contact clicked every button of a saved flow.
    Flow {
        flow: String,
    },
    /// A measure of the contact's orders compared with a number.
    Orders {
        measure: OrderMeasure,
        cmp: Cmp,
        /// Orders or days for `count` and `days_since_last`; roubles for `total` and `average`.
        value: f64,
    },
    /// The contact has no orders at all.
    NeverOrdered,
    /// The contact bought a product or a category, ever or in the last `days` days.
    Bought {
        what: Purchase,
        name: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        days: Option<u32>,
    },
    /// Membership of another saved segment.
    Segment {
        op: Membership,
        segment: String,
    },
    /// The stored RFM scores (`adresat rfm`): the group is one of `groups` (any, when empty) and
    /// each score given lies in its range. Contacts without orders have no scores: never match.
    Rfm {
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        groups: Vec<crate::model::rfm::Group>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        r: Option<[u8; 2]>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        f: Option<[u8; 2]>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        m: Option<[u8; 2]>,
    },
}

/// A field a `field` condition reads: a column, or `custom:NAME` for an imported custom column.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum FieldRef {
    Name,
    FirstName,
    City,
    Region,
    TimeZone,
    /// Where the contact can be reached: `whatsapp`, `telegram`, `sms`.
    Channel,
    Source,
    UtmSource,
    UtmMedium,
    UtmCampaign,
    UtmContent,
    UtmTerm,
    Custom(String),
}

impl FieldRef {
    /// The built-in fields, in the order the builder offers them.
    pub const BUILT_IN: [FieldRef; 12] = [
        FieldRef::Name,
        FieldRef::FirstName,
        FieldRef::City,
        FieldRef::Region,
        FieldRef::TimeZone,
        FieldRef::Channel,
        FieldRef::Source,
        FieldRef::UtmSource,
        FieldRef::UtmMedium,
        FieldRef::UtmCampaign,
        FieldRef::UtmContent,
        FieldRef::UtmTerm,
    ];

    /// The name in rule JSON (and the contacts column for a built-in text field).
    pub fn key(&self) -> &str {
        match self {
            FieldRef::Name => "name",
            FieldRef::FirstName => "first_name",
            FieldRef::City => "city",
            FieldRef::Region => "region",
            FieldRef::TimeZone => "time_zone",
            FieldRef::Channel => "channel",
            FieldRef::Source => "source",
            FieldRef::UtmSource => "utm_source",
            FieldRef::UtmMedium => "utm_medium",
            FieldRef::UtmCampaign => "utm_campaign",
            FieldRef::UtmContent => "utm_content",
            FieldRef::UtmTerm => "utm_term",
            FieldRef::Custom(name) => name,
        }
    }
}

impl TryFrom<String> for FieldRef {
    type Error = String;

    fn try_from(s: String) -> std::result::Result<Self, String> {
        if let Some(name) = s.strip_prefix("custom:") {
            return Ok(FieldRef::Custom(name.to_owned()));
        }
        FieldRef::BUILT_IN
            .into_iter()
            .find(|f| f.key() == s)
            .ok_or_else(|| format!("unknown field `{s}`"))
    }
}

impl From<FieldRef> for String {
    fn from(f: FieldRef) -> String {
        match f {
            FieldRef::Custom(name) => format!("custom:{name}"),
            other => other.key().to_owned(),
        }
    }
}

/// The `channel` field's values.
pub const CHANNELS: [&str; 3] = [
    Channel::Whatsapp.as_str(),
    Channel::Telegram.as_str(),
    Channel::Sms.as_str(),
];

/// How a text field is compared. Equality is exact (the builder offers the base's own values);
/// `contains` ignores case, Cyrillic included, and treats ё as е.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum TextTest {
    Equals {
        value: String,
    },
    /// Also true when the field is empty.
    NotEquals {
        value: String,
    },
    OneOf {
        values: Vec<String>,
    },
    Contains {
        value: String,
    },
    IsEmpty,
}

/// A test of a date, in days of the owner's zone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum DateTest {
    /// Strictly before that day.
    Before { date: chrono::NaiveDate },
    /// Strictly after that day.
    After { date: chrono::NaiveDate },
    /// Today or one of the `days − 1` days before.
    WithinDays { days: u32 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TagOp {
    /// Has the one tag (or some tag of the one group) named.
    Has,
    /// Has none of the tags named.
    HasNot,
    HasAny,
    HasAll,
}

/// A comparison of a number with the rule's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cmp {
    #[serde(rename = "=")]
    Eq,
    #[serde(rename = "!=")]
    Ne,
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = ">=")]
    Ge,
}

impl Cmp {
    pub const ALL: [Cmp; 6] = [Cmp::Ge, Cmp::Gt, Cmp::Eq, Cmp::Ne, Cmp::Le, Cmp::Lt];

    pub fn symbol(self) -> &'static str {
        match self {
            Cmp::Eq => "=",
            Cmp::Ne => "≠",
            Cmp::Lt => "<",
            Cmp::Le => "≤",
            Cmp::Gt => ">",
            Cmp::Ge => "≥",
        }
    }

    /// Whether `a cmp b` holds.
    pub fn holds<T: PartialOrd>(self, a: T, b: T) -> bool {
        match self {
            Cmp::Eq => a == b,
            Cmp::Ne => a != b,
            Cmp::Lt => a < b,
            Cmp::Le => a <= b,
            Cmp::Gt => a > b,
            Cmp::Ge => a >= b,
        }
    }
}

/// When the last event of a kind happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Recency {
    /// More than `days` days ago (and not since).
    MoreThan { days: u32 },
    /// Fewer than `days` days ago.
    LessThan { days: u32 },
    /// Never.
    Never,
}

/// What an `orders` condition measures. A contact without orders has count 0 and total 0; it
/// has no average and no last order, so conditions on those never match it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderMeasure {
    Count,
    Total,
    Average,
    DaysSinceLast,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purchase {
    Product,
    Category,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Membership {
    In,
    NotIn,
}

impl Rule {
    /// A rule of one empty "all of" group: every contact.
    pub fn everyone() -> Rule {
        Rule::all_of(Vec::new())
    }

    /// A rule whose contacts meet every one of `items`.
    pub fn all_of(items: Vec<Item>) -> Rule {
        Rule {
            version: RULE_VERSION,
            root: Group {
                mode: Mode::All,
                items,
            },
        }
    }

    /// Reads a rule from JSON; a malformed one is an error naming the line and column.
    pub fn from_json(text: &str) -> Result<Rule> {
        let rule: Rule = serde_json::from_str(text).map_err(|e| {
            Error::user(
                Msg::new("rule-error-json")
                    .arg("line", e.line() as i64)
                    .arg("column", e.column() as i64)
                    .arg("reason", e.to_string()),
            )
        })?;
        if rule.version == 0 || rule.version > RULE_VERSION {
            return Err(Error::user(
                Msg::new("rule-error-version").arg("version", rule.version as i64),
            ));
        }
        Ok(rule)
    }

    /// The rule as pretty JSON, the form shown, copied and saved.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a rule always serialises")
    }
}

/// Where an item sits in a rule: 1-based positions from the top group down, shown as `2.1.3`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Spot(pub Vec<usize>);

impl Spot {
    pub fn child(&self, index: usize) -> Spot {
        let mut path = self.0.clone();
        path.push(index + 1);
        Spot(path)
    }
}

impl std::fmt::Display for Spot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self.0.iter().map(usize::to_string).collect();
        f.write_str(&parts.join("."))
    }
}

impl Group {
    /// Calls `f` on every item, nested ones included, depth first.
    pub fn visit(&self, f: &mut dyn FnMut(&Item)) {
        for item in &self.items {
            f(item);
            if let Item::Group(g) = item {
                g.visit(f);
            }
        }
    }

    fn visit_mut(&mut self, f: &mut dyn FnMut(&mut Item)) {
        for item in &mut self.items {
            f(item);
            if let Item::Group(g) = item {
                g.visit_mut(f);
            }
        }
    }
}

impl Rule {
    /// Points references to the segment `from` at `to`; whether any changed.
    pub fn rename_segment(&mut self, from: &str, to: &str) -> bool {
        let mut changed = false;
        self.root.visit_mut(&mut |item| {
            if let Item::Segment { segment, .. } = item
                && segment == from
            {
                *segment = to.to_owned();
                changed = true;
            }
        });
        changed
    }
}

fn did_by_default() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}
