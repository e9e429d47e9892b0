//! "Why is this contact (not) in the segment": every condition and group of a rule with its
//! verdict for one contact, the contact's own values behind it, and what decided each group —
//! in an "all" group the first item that failed, in an "any" group the first that held (or that
//! none did), in a "none" group the first that held.
//!
//! Each condition's verdict is the compiled rule's own part asked about this one contact
//! (`members::holds`), so the explanation never disagrees with the segment's count; the values
//! beside it are read from what the base holds about the contact ([`facts`]).

mod facts;
mod json;

pub use facts::{Fact, Value};

use super::members::holds;
use super::{StoreCatalog, Tree, compile_tree};
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};
use crate::model::rule::{Group, Item, Membership, Mode, Rule, Spot};
use crate::model::time::Today;
use crate::store::{AboutContact, Store};

/// A rule told for one contact.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    pub contact: i64,
    /// The contact as the owner knows them: the name, else a phone, an e-mail or the number.
    pub who: String,
    /// Whether the contact is in the segment.
    pub matches: bool,
    /// The rule's top group.
    pub root: Node,
}

/// One condition or group of the rule, for the contact.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Where it sits in its rule (the top group is the empty spot).
    pub spot: Spot,
    /// Its JSON `"type"`: `group` or the condition's.
    pub kind: &'static str,
    pub holds: bool,
    /// Whether it decided the group it is in.
    pub decisive: bool,
    /// The contact's values behind a condition.
    pub facts: Vec<Fact>,
    /// A group's way of joining its items, and the items.
    pub mode: Option<Mode>,
    pub items: Vec<Node>,
    /// In a group, the item that decided it; `None` when all items held (or none did).
    pub decided_by: Option<usize>,
    /// For a `segment` condition: the saved segment's name and its top group for the contact.
    pub segment: Option<(String, Box<Node>)>,
}

impl Node {
    /// What decided a group, in words; `None` for a condition.
    pub fn reason(&self) -> Option<Msg> {
        let mode = self.mode?;
        let spot = |i: usize| self.spot.child(i).to_string();
        Some(match (mode, self.holds, self.decided_by) {
            (Mode::All, true, _) => Msg::counted("explain-all-held", self.items.len() as i64),
            (Mode::All, false, Some(i)) => Msg::new("explain-all-failed").arg("spot", spot(i)),
            (Mode::Any, true, Some(i)) => Msg::new("explain-any-held").arg("spot", spot(i)),
            (Mode::None, false, Some(i)) => Msg::new("explain-none-held").arg("spot", spot(i)),
            (Mode::Any | Mode::None, _, _) | (Mode::All, false, None) => {
                Msg::new("explain-nothing-held")
            }
        })
    }

    /// The node at `path` (1-based positions, as in a [`Spot`]) below this one.
    pub fn at(&self, path: &[usize]) -> Option<&Node> {
        match path.split_first() {
            None => Some(self),
            Some((first, rest)) => self.items.get(first.checked_sub(1)?)?.at(rest),
        }
    }
}

/// Tells `rule` (saved as `own_name`, if it is) for the contact `contact` as of `today`.
pub fn explain(
    store: &Store,
    rule: &Rule,
    own_name: Option<&str>,
    today: Today,
    contact: i64,
) -> Result<Explanation> {
    let (tree, params) = compile_tree(rule, own_name, &StoreCatalog::new(store)?, today)?;
    let about = store
        .about_contact(contact)?
        .ok_or_else(|| Error::user(Msg::new("who-no-id").arg("value", contact.to_string())))?;
    let explainer = Explainer {
        store,
        params: &params,
        about: &about,
        today,
    };
    let root = explainer.group(&rule.root, &tree, Spot::default())?;
    Ok(Explanation {
        contact,
        who: who(&about),
        matches: root.holds,
        root,
    })
}

fn who(about: &AboutContact) -> String {
    let c = &about.contact;
    [&c.name, &c.phone, &c.email]
        .into_iter()
        .find_map(|v| v.clone().filter(|v| !v.is_empty()))
        .unwrap_or_else(|| format!("№{}", c.id))
}

struct Explainer<'a> {
    store: &'a Store,
    params: &'a [rusqlite::types::Value],
    about: &'a AboutContact,
    today: Today,
}

impl Explainer<'_> {
    fn group(&self, group: &Group, tree: &Tree, spot: Spot) -> Result<Node> {
        let mut items = group
            .items
            .iter()
            .zip(&tree.items)
            .enumerate()
            .map(|(i, (item, t))| self.node(item, t, spot.child(i)))
            .collect::<Result<Vec<Node>>>()?;
        let first_held = items.iter().position(|n| n.holds);
        let first_failed = items.iter().position(|n| !n.holds);
        let (holds, decided_by) = match group.mode {
            Mode::All => (first_failed.is_none(), first_failed),
            Mode::Any => (first_held.is_some(), first_held),
            Mode::None => (first_held.is_none(), first_held),
        };
        if let Some(i) = decided_by {
            items[i].decisive = true;
        }
        Ok(Node {
            spot,
            kind: "group",
            holds,
            decisive: false,
            facts: Vec::new(),
            mode: Some(group.mode),
            items,
            decided_by,
            segment: None,
        })
    }

    fn node(&self, item: &Item, tree: &Tree, spot: Spot) -> Result<Node> {
        if let Item::Group(g) = item {
            return self.group(g, tree, spot);
        }
        let mut node = Node {
            spot,
            kind: item.kind(),
            holds: false,
            decisive: false,
            facts: Vec::new(),
            mode: None,
            items: Vec::new(),
            decided_by: None,
            segment: None,
        };
        if let (Item::Segment { op, segment }, Some(inner)) = (item, &tree.inner) {
            let rule = self.store.segment(segment)?.ok_or_else(|| {
                Error::user(
                    Msg::new("rule-error-unknown-segment")
                        .arg("spot", node.spot.to_string())
                        .arg("segment", segment.as_str()),
                )
            })?;
            let inner = self.group(&rule.root, inner, Spot::default())?;
            node.holds = inner.holds == (*op == Membership::In);
            node.segment = Some((segment.clone(), Box::new(inner)));
            return Ok(node);
        }
        node.holds = holds(self.store, &tree.part, self.params, self.about.contact.id)?;
        let flow = |name: &str| self.store.flow(name).ok().flatten().unwrap_or_default();
        node.facts = facts::facts(item, self.about, self.today, &flow);
        Ok(node)
    }
}

impl Explanation {
    /// The explanation as indented lines for a terminal: each node's verdict, what it is, the
    /// contact's values, and what decided each group.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let verdict = if self.matches {
            "explain-in"
        } else {
            "explain-out"
        };
        let mut out = vec![
            Msg::new(verdict)
                .arg("who", self.who.clone())
                .arg("id", self.contact)
                .render(lang),
        ];
        node_lines(&self.root, 0, lang, &mut out);
        out
    }
}

fn node_lines(node: &Node, depth: usize, lang: Lang, out: &mut Vec<String>) {
    let pad = "  ".repeat(depth);
    let mark = if node.holds { "✓" } else { "✗" };
    let decisive = if node.decisive { " ←" } else { "" };
    let place = match node.spot.0.is_empty() {
        true => String::new(),
        false => format!("{} ", node.spot),
    };
    let what = match (&node.mode, &node.segment) {
        (Some(mode), _) => Msg::new("explain-group")
            .arg("mode", Msg::new(mode_id(*mode)))
            .render(lang),
        (None, Some((name, _))) => Msg::new("explain-segment")
            .arg("name", name.clone())
            .render(lang),
        (None, None) => crate::i18n::tr_in(lang, &format!("cond-type-{}", node.kind), &[]),
    };
    out.push(format!("{pad}{mark} {place}{what}{decisive}"));
    for fact in &node.facts {
        out.push(format!("{pad}    {}", fact.render(lang)));
    }
    if let Some(reason) = node.reason() {
        out.push(format!("{pad}    {}", reason.render(lang)));
    }
    for item in &node.items {
        node_lines(item, depth + 1, lang, out);
    }
    if let Some((_, inner)) = &node.segment {
        node_lines(inner, depth + 1, lang, out);
    }
}

/// The message id of a group's mode, as the builder names it.
fn mode_id(mode: Mode) -> &'static str {
    match mode {
        Mode::All => "mode-all",
        Mode::Any => "mode-any",
        Mode::None => "mode-none",
    }
}
