//! Saving a segment, as both front ends do: a rule that cannot be evaluated is refused with
//! the spot its error is at, and a name already taken is refused unless the save means to
//! replace it.

use chrono::{DateTime, Utc};

use super::{Rule, Today, prepare};
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::store::Store;

/// What a save does with a segment already saved under its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Under {
    /// A new segment: a name already taken is refused.
    NewName,
    /// The segment saved so far as this name, renamed when the name changed.
    Renaming(String),
    /// Whatever is saved under the name is replaced (`adresat segment save`).
    Replacing,
}

/// Saves `rule` with `notes` as the segment `name`, at `now`.
pub fn save(
    store: &mut Store,
    name: &str,
    rule: &Rule,
    notes: &str,
    under: Under,
    now: DateTime<Utc>,
) -> Result<()> {
    let today = Today::at(now, store.settings()?.owner_tz);
    // A rule that cannot be evaluated is not saved: the error names its spot now.
    prepare(store, rule, Some(name), today)?;
    match under {
        Under::Renaming(old) if old != name => store.rename_segment(&old, name, now)?,
        Under::NewName if store.segment(name)?.is_some() => {
            return Err(Error::user(
                Msg::new("segment-error-exists").arg("name", name),
            ));
        }
        _ => {}
    }
    store.save_segment(name, rule, notes, now)
}
