//! Segments: rules that pick contacts, compiled to SQL and counted on the live base.
//!
//! A rule ([`Rule`]) is a group of conditions stored as versioned JSON; [`compile`] turns it into
//! a tree of parameterised SQL conditions and sets; [`evaluate`] counts the contacts it holds and
//! the funnel of its top group, in sets of ids. Saved segments live in the base ([`crate::store::SavedSegment`]).

mod compile;
pub mod explain;
mod members;
pub mod presets;
mod save;

use std::collections::HashMap;

pub use crate::model::condition::{ConditionKind, DateOp, RecencyOp, TextOp};
pub use crate::model::rule::{
    CHANNELS, Cmp, DateTest, FieldRef, Group, Item, Membership, Mode, OrderMeasure, Purchase,
    RULE_VERSION, Recency, Rule, Spot, TagOp, TextTest,
};
pub use crate::model::time::Today;
pub use compile::{Catalog, Compiled, Part, Tree, compile, compile_tree};
pub use save::{Under, save};

use crate::error::Result;
use crate::store::Store;

/// The names a rule may use, as the base holds them.
pub struct StoreCatalog<'a> {
    store: &'a Store,
    tags: HashMap<String, i64>,
}

impl<'a> StoreCatalog<'a> {
    pub fn new(store: &'a Store) -> Result<StoreCatalog<'a>> {
        let tags = store
            .tag_names()?
            .into_iter()
            .map(|(id, name)| (name, id))
            .collect();
        Ok(StoreCatalog { store, tags })
    }
}

impl Catalog for StoreCatalog<'_> {
    fn tag_id(&self, name: &str) -> Option<i64> {
        self.tags.get(name).copied()
    }

    fn tag_group(&self, prefix: &str) -> Vec<i64> {
        let mut ids: Vec<i64> = self
            .tags
            .iter()
            .filter(|(name, _)| name.starts_with(prefix))
            .map(|(_, id)| *id)
            .collect();
        ids.sort_unstable();
        ids
    }

    fn has_custom_field(&self, name: &str) -> Result<bool> {
        self.store.has_custom_field(name)
    }

    fn segment(&self, name: &str) -> Result<Option<Rule>> {
        self.store.segment(name)
    }

    fn flow(&self, name: &str) -> Result<Option<Vec<String>>> {
        self.store.flow(name)
    }

    fn event_kind(&self, name: &str) -> Result<Option<i64>> {
        self.store.event_kind_named(name)
    }
}

impl presets::Meanings for Store {
    fn get(&self, meaning: presets::Meaning) -> Option<String> {
        self.get_setting(meaning.key()).ok()
    }
}

/// A rule's answer: how many contacts it holds, and the funnel of its top group.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Evaluation {
    pub count: u64,
    /// For each item of the top group in turn, how many contacts hold after it and the ones
    /// before it ("all of" narrows, "any of" widens, "none of" narrows).
    pub funnel: Vec<u64>,
}

/// Compiles `rule` for this base as of `today`; `own_name` catches a segment that refers to itself.
pub fn prepare(
    store: &Store,
    rule: &Rule,
    own_name: Option<&str>,
    today: Today,
) -> Result<Compiled> {
    compile(rule, own_name, &StoreCatalog::new(store)?, today)
}

/// Counts the contacts of `rule` and, with `funnel`, the funnel of its top group.
pub fn evaluate(store: &Store, compiled: &Compiled, funnel: bool) -> Result<Evaluation> {
    if funnel {
        return Ok(fold_items(store, compiled)?.0);
    }
    let members = members::members(store, &compiled.whole, &compiled.params)?;
    Ok(Evaluation {
        count: members.count(store.contact_count()?),
        funnel: Vec::new(),
    })
}

/// The top group's items folded one at a time, each evaluated once: the count and funnel, and
/// the contacts the whole rule holds.
fn fold_items(store: &Store, compiled: &Compiled) -> Result<(Evaluation, members::Members)> {
    let total = store.contact_count()?;
    let mut fold = members::Fold::new(compiled.mode);
    let mut funnel = Vec::with_capacity(compiled.items.len());
    for item in &compiled.items {
        fold.add(members::members(store, item, &compiled.params)?);
        funnel.push(fold.members().count(total));
    }
    let whole = fold.members();
    let count = whole.count(total);
    Ok((Evaluation { count, funnel }, whole))
}

/// The ids of the contacts of `rule` (saved as `name`, if it is) as of `today`, ascending.
pub fn rule_ids(store: &Store, rule: &Rule, name: Option<&str>, today: Today) -> Result<Vec<i64>> {
    contact_ids(store, &prepare(store, rule, name, today)?)
}

/// The ids of the contacts of a compiled rule, ascending.
pub fn contact_ids(store: &Store, compiled: &Compiled) -> Result<Vec<i64>> {
    members::members(store, &compiled.whole, &compiled.params)?.ids(store, None)
}

/// The builder's answer from one evaluation of each item: the count, the funnel of the top
/// group, and the first `n` contacts by id.
pub fn count_and_first(
    store: &Store,
    compiled: &Compiled,
    n: usize,
) -> Result<(Evaluation, Vec<i64>)> {
    let (evaluation, whole) = fold_items(store, compiled)?;
    Ok((evaluation, whole.ids(store, Some(n))?))
}
