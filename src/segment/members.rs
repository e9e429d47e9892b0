//! Evaluating a compiled rule in sets of contact ids. Each leaf of the part tree is one query —
//! an index or a summary read for tags, events, orders and RFM, one pass over the contacts for
//! the conditions on their own fields (all of a group's at once) — and "all", "any" and "none"
//! are set operations in memory. SQLite then never probes a million contacts against a
//! temporary table of ids, and the funnel reuses each item's set instead of asking again.

use roaring::RoaringTreemap;
use rusqlite::types::Value;

use super::compile::{EVERYONE, NO_ONE, Part};
use crate::error::Result;
use crate::model::rule::Mode;
use crate::store::Store;

/// The contacts a part holds: `ids`, or, when `but`, every contact but `ids` (so "none of" a
/// small set costs what the set costs, not a list of everyone else).
#[derive(Debug, Clone, Default)]
pub struct Members {
    ids: RoaringTreemap,
    but: bool,
}

impl Members {
    fn everyone() -> Members {
        Members {
            ids: RoaringTreemap::new(),
            but: true,
        }
    }

    fn not(self) -> Members {
        Members {
            but: !self.but,
            ..self
        }
    }

    /// How many contacts these are, of the base's `total`.
    pub fn count(&self, total: u64) -> u64 {
        if self.but {
            total - self.ids.len()
        } else {
            self.ids.len()
        }
    }

    /// The contacts' ids, ascending; only the first `limit` when given.
    pub fn ids(&self, store: &Store, limit: Option<usize>) -> Result<Vec<i64>> {
        let limit = limit.unwrap_or(usize::MAX);
        if !self.but {
            return Ok(self.ids.iter().take(limit).map(|id| id as i64).collect());
        }
        // Read from the smallest index, in its order, then put in the ids' order.
        let everyone = read(store, "SELECT id FROM contacts", &[])?.ids;
        Ok((everyone - &self.ids)
            .iter()
            .take(limit)
            .map(|id| id as i64)
            .collect())
    }
}

/// "All of" the parts added so far, kept as it grows: the contacts every positive part holds,
/// less those an excluding part leaves out.
#[derive(Default)]
pub struct AllOf {
    held: Option<RoaringTreemap>,
    left_out: RoaringTreemap,
}

impl AllOf {
    pub fn add(&mut self, m: Members) {
        if m.but {
            self.left_out |= m.ids;
        } else {
            self.held = Some(match self.held.take() {
                Some(held) => held & m.ids,
                None => m.ids,
            });
        }
    }

    /// Whether no part can be added that changes the answer: no one is left.
    fn settled(&self) -> bool {
        self.held.as_ref().is_some_and(RoaringTreemap::is_empty)
    }

    pub fn members(&self) -> Members {
        match &self.held {
            Some(held) => Members {
                ids: held - &self.left_out,
                but: false,
            },
            None => Members {
                ids: self.left_out.clone(),
                but: true,
            },
        }
    }
}

/// A group of `mode` folded one part at a time: "any of" is "none of" turned over, and "none
/// of" is "all of" the parts' complements.
pub struct Fold {
    mode: Mode,
    all: AllOf,
}

impl Fold {
    pub fn new(mode: Mode) -> Fold {
        Fold {
            mode,
            all: AllOf::default(),
        }
    }

    pub fn add(&mut self, m: Members) {
        self.all.add(match self.mode {
            Mode::All => m,
            Mode::Any | Mode::None => m.not(),
        });
    }

    pub fn members(&self) -> Members {
        match self.mode {
            Mode::All | Mode::None => self.all.members(),
            Mode::Any => self.all.members().not(),
        }
    }
}

/// The contacts `part` holds, its `?N` bound from `params`.
pub fn members(store: &Store, part: &Part, params: &[Value]) -> Result<Members> {
    match part {
        Part::Where(condition) if condition == EVERYONE => Ok(Members::everyone()),
        Part::Where(condition) if condition == NO_ONE => Ok(Members::default()),
        Part::Where(condition) => read(
            store,
            &format!("SELECT c.id FROM contacts c WHERE {condition}"),
            params,
        ),
        Part::Set(select) => read(store, select, params),
        Part::Not(inner) => Ok(members(store, inner, params)?.not()),
        Part::All(parts) => group(store, Mode::All, parts, params),
        Part::Any(parts) => group(store, Mode::Any, parts, params),
    }
}

/// A group's members. Its conditions on the contacts' own fields are joined into one, so the
/// contacts are read once for all of them; it stops as soon as no one can be left.
fn group(store: &Store, mode: Mode, parts: &[Part], params: &[Value]) -> Result<Members> {
    let (fields, others): (Vec<&Part>, Vec<&Part>) =
        parts.iter().partition(|p| matches!(p, Part::Where(_)));
    let joined = match fields.as_slice() {
        [] => None,
        [one] => Some((*one).clone()),
        many => {
            let by = if mode == Mode::Any { " OR " } else { " AND " };
            let conditions: Vec<String> = many
                .iter()
                .filter_map(|p| match p {
                    Part::Where(condition) => Some(format!("({condition})")),
                    _ => None,
                })
                .collect();
            Some(Part::Where(conditions.join(by)))
        }
    };
    let mut fold = Fold::new(mode);
    for part in others.into_iter().chain(joined.as_ref()) {
        fold.add(members(store, part, params)?);
        if fold.all.settled() {
            break;
        }
    }
    Ok(fold.members())
}

fn read(store: &Store, select: &str, params: &[Value]) -> Result<Members> {
    let mut ids = RoaringTreemap::new();
    store.each_id(select, params, |id| {
        ids.insert(id as u64);
    })?;
    Ok(Members { ids, but: false })
}

/// Whether the contact `id` is one of those `part` holds, each leaf asked about that contact
/// alone (its `?N` bound from `params`, the contact after them): for telling one contact's way
/// through a rule without reading anyone else.
pub fn holds(store: &Store, part: &Part, params: &[Value], id: i64) -> Result<bool> {
    let me = params.len() + 1;
    let select = match part {
        Part::Where(condition) if condition == EVERYONE => return Ok(true),
        Part::Where(condition) if condition == NO_ONE => return Ok(false),
        Part::Where(condition) => {
            format!("SELECT 1 FROM contacts c WHERE c.id = ?{me} AND ({condition})")
        }
        Part::Set(select) => format!("WITH s(id) AS ({select}) SELECT 1 FROM s WHERE id = ?{me}"),
        Part::Not(inner) => return Ok(!holds(store, inner, params, id)?),
        Part::All(parts) => {
            for p in parts {
                if !holds(store, p, params, id)? {
                    return Ok(false);
                }
            }
            return Ok(true);
        }
        Part::Any(parts) => {
            for p in parts {
                if holds(store, p, params, id)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
    };
    let mut bound = params.to_vec();
    bound.push(Value::Integer(id));
    let mut found = false;
    store.each_id(&format!("{select} LIMIT 1"), &bound, |_| found = true)?;
    Ok(found)
}
