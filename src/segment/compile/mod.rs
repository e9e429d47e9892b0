//! Compiling a rule to a tree of SQL pieces over the base, every value bound as a parameter.
//!
//! Each condition on a contact's own fields becomes an expression that is 0 or 1, never NULL, so
//! "none of" (a `NOT`) means what it says for contacts with empty fields. Conditions on tags,
//! events and orders are sets of contact ids read from an index or a summary; "0 in the last N
//! days" is the complement of "at least 1", so contacts that never had such an event match.

mod activity;
mod part;

use chrono_tz::Tz;
use rusqlite::types::Value;

use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::model::rule::{
    CHANNELS, Cmp, DateTest, FieldRef, Group, Item, Membership, Mode, Rule, Spot, TagOp, TextTest,
};
use crate::model::time::{Moment, Today};
use part::combine;
pub use part::{EVERYONE, NO_ONE, Part};

/// What a rule may name, looked up in the base while compiling.
pub trait Catalog {
    /// The number of the tag named exactly `name`.
    fn tag_id(&self, name: &str) -> Option<i64>;
    /// The numbers of the tags whose names start with `prefix` (which ends with `:`).
    fn tag_group(&self, prefix: &str) -> Vec<i64>;
    /// Whether some contact has the custom field `name`.
    fn has_custom_field(&self, name: &str) -> Result<bool>;
    /// The rule of the saved segment `name`.
    fn segment(&self, name: &str) -> Result<Option<Rule>>;
    /// The buttons of the saved flow `name`.
    fn flow(&self, name: &str) -> Result<Option<Vec<String>>>;
    /// The number of the kind of event or activity named `name`, if the base knows it.
    fn event_kind(&self, name: &str) -> Result<Option<i64>>;
}

/// A compiled rule: conditions with `?N` parameters, and their values.
#[derive(Debug, Clone, PartialEq)]
pub struct Compiled {
    pub whole: Part,
    pub params: Vec<Value>,
    /// How the top group joins its items, and each item compiled: the funnel folds them in turn.
    pub mode: Mode,
    pub items: Vec<Part>,
}

/// Compiles `rule` against the base's `catalog` as of `today`. `own_name` is the name the rule
/// is (or will be) saved under, so a rule that refers to itself is caught as a cycle.
pub fn compile(
    rule: &Rule,
    own_name: Option<&str>,
    catalog: &dyn Catalog,
    today: Today,
) -> Result<Compiled> {
    let mut c = Compiler::new(catalog, today, own_name);
    let root = Spot::default();
    let items = rule
        .root
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| c.item(item, &root.child(i)))
        .collect::<Result<Vec<_>>>()?;
    Ok(Compiled {
        whole: combine(rule.root.mode, &items),
        params: c.params,
        mode: rule.root.mode,
        items,
    })
}

/// A rule compiled item by item, to tell one contact's way through it: each node's part, a
/// group's items in order, and for a `segment` condition the saved segment's own top group.
#[derive(Debug, Clone, PartialEq)]
pub struct Tree {
    pub part: Part,
    pub items: Vec<Tree>,
    pub inner: Option<Box<Tree>>,
}

/// Compiles `rule` like [`compile`], keeping every item's part: the tree of its top group and
/// the values its `?N` stand for.
pub fn compile_tree(
    rule: &Rule,
    own_name: Option<&str>,
    catalog: &dyn Catalog,
    today: Today,
) -> Result<(Tree, Vec<Value>)> {
    let mut c = Compiler::new(catalog, today, own_name);
    let tree = c.group_tree(&rule.root, &Spot::default())?;
    Ok((tree, c.params))
}

struct Compiler<'a> {
    catalog: &'a dyn Catalog,
    today: Today,
    params: Vec<Value>,
    own_name: Option<&'a str>,
    /// The saved segments being compiled into this one, outermost first: for cycles and spots.
    within: Vec<String>,
}

/// A rule error at `spot`.
fn err(id: &'static str, spot: &Spot, within: &[String]) -> Msg {
    let mut place = spot.to_string();
    if let Some(segment) = within.last() {
        place = format!("«{segment}» {place}");
    }
    Msg::new(id).arg("spot", place)
}

impl<'a> Compiler<'a> {
    fn new(catalog: &'a dyn Catalog, today: Today, own_name: Option<&'a str>) -> Compiler<'a> {
        Compiler {
            catalog,
            today,
            params: Vec::new(),
            own_name,
            within: Vec::new(),
        }
    }

    /// Binds `value` and returns its placeholder.
    fn bind(&mut self, value: impl Bindable) -> String {
        self.params.push(value.value());
        format!("?{}", self.params.len())
    }

    fn fail(&self, id: &'static str, spot: &Spot) -> Msg {
        err(id, spot, &self.within)
    }

    fn group(&mut self, group: &Group, spot: &Spot) -> Result<Part> {
        Ok(self.group_tree(group, spot)?.part)
    }

    /// A group compiled with each of its items kept apart.
    fn group_tree(&mut self, group: &Group, spot: &Spot) -> Result<Tree> {
        let items = group
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| self.node(item, &spot.child(i)))
            .collect::<Result<Vec<_>>>()?;
        let parts: Vec<Part> = items.iter().map(|t| t.part.clone()).collect();
        Ok(Tree {
            part: combine(group.mode, &parts),
            items,
            inner: None,
        })
    }

    /// An item compiled with its own items (a group's, a saved segment's) kept apart.
    fn node(&mut self, item: &Item, spot: &Spot) -> Result<Tree> {
        match item {
            Item::Group(g) => self.group_tree(g, spot),
            Item::Segment { op, segment } => {
                let inner = self.segment_tree(segment, spot)?;
                Ok(Tree {
                    part: op.apply(inner.part.clone()),
                    items: Vec::new(),
                    inner: Some(Box::new(inner)),
                })
            }
            other => Ok(Tree {
                part: self.item(other, spot)?,
                items: Vec::new(),
                inner: None,
            }),
        }
    }

    fn item(&mut self, item: &Item, spot: &Spot) -> Result<Part> {
        Ok(match item {
            Item::Group(g) => self.group(g, spot)?,
            Item::Field { field, test } => Part::pred(self.field(field, test, spot)?),
            Item::Created(test) => Part::pred(self.created(test)),
            Item::Consent { is } => Part::pred(format!("c.consent = {}", self.bind(is.as_str()))),
            Item::Status { is } => Part::pred(format!("c.status = {}", self.bind(is.as_str()))),
            Item::Tags { op, tags } => self.tags(*op, tags, spot)?,
            Item::Events {
                kind,
                button,
                campaign,
                days,
                cmp,
                count,
            } => self.events(*kind, button, campaign, *days, *cmp, *count),
            Item::LastEvent { kind, when } => self.last_event(*kind, *when),
            Item::LastActivityValue { kind, cmp, value } => {
                self.last_activity_value(kind, *cmp, *value, spot)?
            }
            Item::Activity {
                kind,
                did,
                product,
                category,
                days,
                hours,
            } => {
                let about = [("product", product), ("category", category)];
                let part = self.activity(kind, about, *days, *hours, spot)?;
                if *did { part } else { part.not() }
            }
            Item::Sleeping { campaigns } => {
                if *campaigns == 0 {
                    return Err(Error::user(self.fail("rule-error-zero-campaigns", spot)));
                }
                let k = self.bind(*campaigns as i64);
                Part::set(format!(
                    "SELECT contact_id FROM engagement WHERE unengaged_streak >= {k}"
                ))
            }
            Item::Flow { flow } => self.flow(flow, spot)?,
            Item::Orders {
                measure,
                cmp,
                value,
            } => self.orders(*measure, *cmp, *value, spot)?,
            Item::NeverOrdered => Part::set("SELECT contact_id FROM order_totals".to_owned()).not(),
            Item::Bought { what, name, days } => self.bought(*what, name, *days),
            Item::Segment { op, segment } => self.segment(*op, segment, spot)?,
            Item::Rfm { groups, r, f, m } => {
                self.rfm(groups, [("r", r), ("f", f), ("m", m)], spot)?
            }
        })
    }

    fn field(&mut self, field: &FieldRef, test: &TextTest, spot: &Spot) -> Result<String> {
        let column = match field {
            FieldRef::Channel => return self.channel(test, spot),
            FieldRef::Custom(name) => {
                if !self.catalog.has_custom_field(name)? {
                    return Err(Error::user(
                        self.fail("rule-error-unknown-field", spot)
                            .arg("field", name.as_str()),
                    ));
                }
                format!("(c.custom ->> {})", self.bind(name.as_str()))
            }
            FieldRef::TimeZone => {
                let values: Vec<&String> = match test {
                    TextTest::Equals { value } | TextTest::NotEquals { value } => vec![value],
                    TextTest::OneOf { values } => values.iter().collect(),
                    TextTest::Contains { .. } | TextTest::IsEmpty => vec![],
                };
                if let Some(bad) = values.iter().find(|v| v.parse::<Tz>().is_err()) {
                    return Err(Error::user(
                        self.fail("rule-error-time-zone", spot)
                            .arg("value", bad.as_str()),
                    ));
                }
                "c.time_zone".to_owned()
            }
            other => format!("c.{}", other.key()),
        };
        Ok(match test {
            TextTest::Equals { value } => format!("{column} IS {}", self.bind(value.as_str())),
            TextTest::NotEquals { value } => {
                format!("{column} IS NOT {}", self.bind(value.as_str()))
            }
            TextTest::OneOf { values } => {
                if values.is_empty() {
                    return Err(Error::user(self.fail("rule-error-no-values", spot)));
                }
                let list: Vec<String> = values.iter().map(|v| self.bind(v.as_str())).collect();
                format!("{column} IS NOT NULL AND {column} IN ({})", list.join(", "))
            }
            TextTest::Contains { value } => {
                let needle = self.bind(crate::store::fold_case(value));
                format!("coalesce(instr(casefold({column}), {needle}), 0) > 0")
            }
            TextTest::IsEmpty => format!("coalesce({column}, '') = ''"),
        })
    }

    fn channel(&mut self, test: &TextTest, spot: &Spot) -> Result<String> {
        let reachable = |channel: &str| -> Option<&'static str> {
            match channel {
                "whatsapp" | "sms" => Some("c.phone IS NOT NULL"),
                "telegram" => Some("(c.tg_chat_id IS NOT NULL OR c.tg_username IS NOT NULL)"),
                _ => None,
            }
        };
        let one = |value: &str| {
            reachable(value).ok_or_else(|| {
                Error::user(
                    self.fail("rule-error-channel", spot)
                        .arg("value", value)
                        .arg("channels", CHANNELS.join(", ")),
                )
            })
        };
        Ok(match test {
            TextTest::Equals { value } => one(value)?.to_owned(),
            TextTest::NotEquals { value } => format!("NOT {}", one(value)?),
            TextTest::OneOf { values } => {
                if values.is_empty() {
                    return Err(Error::user(self.fail("rule-error-no-values", spot)));
                }
                values
                    .iter()
                    .map(|v| one(v).map(|s| format!("({s})")))
                    .collect::<Result<Vec<_>>>()?
                    .join(" OR ")
            }
            TextTest::IsEmpty => {
                "c.phone IS NULL AND c.tg_chat_id IS NULL AND c.tg_username IS NULL".to_owned()
            }
            TextTest::Contains { .. } => {
                return Err(Error::user(
                    self.fail("rule-error-op-for-field", spot)
                        .arg("field", "channel"),
                ));
            }
        })
    }

    fn created(&mut self, test: &DateTest) -> String {
        match test {
            DateTest::Before { date } => {
                format!("c.created_at < {}", self.bind(self.today.start_of(*date)))
            }
            DateTest::After { date } => {
                let next = date.succ_opt().unwrap_or(*date);
                format!("c.created_at >= {}", self.bind(self.today.start_of(next)))
            }
            DateTest::WithinDays { days: 0 } => "0".to_owned(),
            DateTest::WithinDays { days } => {
                let from = self.today.start_of_day_ago(*days as i64 - 1);
                format!("c.created_at >= {}", self.bind(from))
            }
        }
    }

    fn tags(&mut self, op: TagOp, tags: &[String], spot: &Spot) -> Result<Part> {
        if tags.is_empty() {
            return Err(Error::user(self.fail("rule-error-no-values", spot)));
        }
        if matches!(op, TagOp::Has | TagOp::HasNot) && tags.len() > 1 {
            return Err(Error::user(self.fail("rule-error-one-tag", spot)));
        }
        let mut sets = Vec::new();
        for tag in tags {
            let ids = match tag.strip_suffix('*').filter(|p| p.ends_with(':')) {
                Some(prefix) => {
                    let ids = self.catalog.tag_group(prefix);
                    if ids.is_empty() {
                        return Err(Error::user(
                            self.fail("rule-error-empty-tag-group", spot)
                                .arg("group", tag.as_str()),
                        ));
                    }
                    ids
                }
                None => match self.catalog.tag_id(tag) {
                    Some(id) => vec![id],
                    None => {
                        return Err(Error::user(
                            self.fail("rule-error-unknown-tag", spot)
                                .arg("tag", tag.as_str()),
                        ));
                    }
                },
            };
            sets.push(ids);
        }
        let mut has = |ids: &[i64]| {
            let list: Vec<String> = ids.iter().map(|id| self.bind(*id)).collect();
            Part::set(format!(
                "SELECT contact_id FROM tags WHERE tag_id IN ({})",
                list.join(", ")
            ))
        };
        Ok(match op {
            TagOp::Has | TagOp::HasAny => has(&sets.concat()),
            TagOp::HasNot => has(&sets.concat()).not(),
            TagOp::HasAll => {
                let parts: Vec<Part> = sets.iter().map(|ids| has(ids)).collect();
                combine(Mode::All, &parts)
            }
        })
    }

    fn segment(&mut self, op: Membership, name: &str, spot: &Spot) -> Result<Part> {
        Ok(op.apply(self.segment_tree(name, spot)?.part))
    }

    /// The top group of the saved segment `name`, compiled item by item; a segment that leads
    /// back to itself is refused.
    fn segment_tree(&mut self, name: &str, spot: &Spot) -> Result<Tree> {
        if self.own_name == Some(name) || self.within.iter().any(|s| s == name) {
            let mut chain: Vec<String> = self.own_name.map(str::to_owned).into_iter().collect();
            chain.extend(self.within.iter().cloned());
            chain.push(name.to_owned());
            return Err(Error::user(
                self.fail("rule-error-cycle", spot)
                    .arg("chain", chain.join(" → ")),
            ));
        }
        let rule = self.catalog.segment(name)?.ok_or_else(|| {
            Error::user(
                self.fail("rule-error-unknown-segment", spot)
                    .arg("segment", name),
            )
        })?;
        self.within.push(name.to_owned());
        let inner = self.group_tree(&rule.root, &Spot::default());
        self.within.pop();
        inner
    }
}

impl Membership {
    /// The contacts of a segment's `part` this membership picks.
    fn apply(self, part: Part) -> Part {
        match self {
            Membership::In => part,
            Membership::NotIn => part.not(),
        }
    }
}

/// What a rule binds: text and whole numbers.
trait Bindable {
    fn value(self) -> Value;
}

impl Bindable for &str {
    fn value(self) -> Value {
        Value::Text(self.to_owned())
    }
}

impl Bindable for String {
    fn value(self) -> Value {
        Value::Text(self)
    }
}

impl Bindable for Moment {
    fn value(self) -> Value {
        Value::Text(self.into())
    }
}

impl Bindable for i64 {
    fn value(self) -> Value {
        Value::Integer(self)
    }
}

fn sql_op(cmp: Cmp) -> &'static str {
    match cmp {
        Cmp::Eq => "=",
        Cmp::Ne => "<>",
        Cmp::Lt => "<",
        Cmp::Le => "<=",
        Cmp::Gt => ">",
        Cmp::Ge => ">=",
    }
}
