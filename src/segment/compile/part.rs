//! A compiled condition as a tree: SQL at the leaves, "all", "any" and "not" above them,
//! evaluated in sets of contact ids (`segment::members`).

use crate::model::rule::Mode;

/// A compiled condition over the base's contacts.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    /// A condition over `contacts c`, 0 or 1 for every contact.
    Where(String),
    /// A `SELECT` whose first column is a contact id (a contact may be listed more than once).
    /// Every id there belongs to a contact: the tables it reads cascade on delete.
    Set(String),
    /// The contacts every part holds.
    All(Vec<Part>),
    /// The contacts some part holds.
    Any(Vec<Part>),
    /// The contacts the part does not hold.
    Not(Box<Part>),
}

/// The condition every contact meets: evaluated without reading the base.
pub const EVERYONE: &str = "1";
/// The condition no contact meets.
pub const NO_ONE: &str = "0";

impl Part {
    pub(super) fn pred(condition: impl Into<String>) -> Part {
        Part::Where(condition.into())
    }

    pub(super) fn set(select: String) -> Part {
        Part::Set(select)
    }

    /// The contacts the part does not hold.
    pub(super) fn not(self) -> Part {
        match self {
            Part::Not(inner) => *inner,
            other => Part::Not(Box::new(other)),
        }
    }
}

/// Joins item conditions the way `mode` says; an empty group is everyone for "all" and "none",
/// no one for "any".
pub(super) fn combine(mode: Mode, parts: &[Part]) -> Part {
    if parts.is_empty() {
        return Part::pred(match mode {
            Mode::All | Mode::None => EVERYONE,
            Mode::Any => NO_ONE,
        });
    }
    if parts.len() == 1 && mode != Mode::None {
        return parts[0].clone();
    }
    match mode {
        Mode::All => Part::All(parts.to_vec()),
        Mode::Any => Part::Any(parts.to_vec()),
        Mode::None => Part::Any(parts.to_vec()).not(),
    }
}
