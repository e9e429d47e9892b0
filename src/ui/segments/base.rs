//! What the Segments screen reads from the base and writes to it, in the background: the
//! pickers' values, the saved segments with their sizes, and the saves the screen asks for.

use super::Choices;
use super::windows::FlowEdit;
use crate::segment::presets::{Meaning, PRESETS};
use crate::segment::{self, Rule, StoreCatalog, Today};
use crate::store::{CONTACT_FIELDS, SavedSegment, Store};

/// A saved segment in the list, with its size or why it cannot be counted.
#[derive(Debug, Clone)]
pub(super) struct Listed {
    pub(super) saved: SavedSegment,
    pub(super) size: Result<u64, String>,
}

/// What the save button does, carried out in the background.
pub(super) enum Save {
    /// Save under `name`, renaming `from` first when it was saved under another name.
    Store {
        name: String,
        from: Option<String>,
        rule: Rule,
        notes: String,
    },
    Delete(String),
    /// Keep the owner's answer for a preset's question.
    Meaning(Meaning, String),
    /// Forget every answer, so the presets ask again.
    ForgetMeanings,
    Flow(FlowEdit),
}

/// The base's values for the builder's pickers.
pub(super) fn load_choices(store: &Store) -> crate::Result<Choices> {
    let tags: Vec<String> = store.tag_names()?.into_iter().map(|(_, n)| n).collect();
    let tag_groups = Store::tag_groups(&tags);
    let mut values = std::collections::HashMap::new();
    // The contact fields whose values the builder offers, then what orders and events name.
    let offered = CONTACT_FIELDS
        .iter()
        .filter(|f| f.offers_values)
        .map(|f| f.key);
    for key in offered.chain(["product", "category", "campaign", "button"]) {
        values.insert(key.to_owned(), store.distinct_values(key)?);
    }
    let custom_fields = store.custom_field_names()?;
    for name in &custom_fields {
        values.insert(
            format!("custom:{name}"),
            store.distinct_custom_values(name)?,
        );
    }
    let flows = store.flows()?;
    let mut meanings = std::collections::HashMap::new();
    for preset in PRESETS {
        for m in preset.needs {
            let word = store.get_setting(m.key())?;
            if !word.is_empty() {
                meanings.insert(*m, word);
            }
        }
    }
    Ok(Choices {
        tags,
        tag_groups,
        custom_fields,
        values,
        flows: flows.iter().map(|(n, _)| n.clone()).collect(),
        flow_buttons: flows,
        segments: store.segments()?.into_iter().map(|s| s.name).collect(),
        activity_kinds: store.activity_kinds()?,
        meanings,
    })
}

/// Every saved segment with its size as of today.
pub(super) fn load_list(store: &Store) -> crate::Result<Vec<Listed>> {
    let today = Today::at(chrono::Utc::now(), store.settings()?.owner_tz);
    let catalog = StoreCatalog::new(store)?;
    Ok(store
        .segments()?
        .into_iter()
        .map(|saved| {
            let size = segment::compile(&saved.rule, Some(&saved.name), &catalog, today)
                .and_then(|c| segment::evaluate(store, &c, false))
                .map(|e| e.count)
                .map_err(|e| e.to_string());
            Listed { saved, size }
        })
        .collect())
}

pub(super) fn run_save(store: &mut Store, save: Save) -> crate::Result<Option<String>> {
    match save {
        Save::Store {
            name,
            from,
            rule,
            notes,
        } => {
            let under = from.map_or(segment::Under::NewName, segment::Under::Renaming);
            segment::save(store, &name, &rule, &notes, under, chrono::Utc::now())?;
            Ok(Some(name))
        }
        Save::Delete(name) => {
            store.delete_segment(&name)?;
            Ok(None)
        }
        Save::Meaning(meaning, word) => {
            store.set_setting(meaning.key(), &word)?;
            Ok(None)
        }
        Save::Flow(FlowEdit::Save(name, buttons)) => {
            store.save_flow(&name, &buttons)?;
            Ok(None)
        }
        Save::Flow(FlowEdit::Delete(name)) => {
            store.delete_flow(&name)?;
            Ok(None)
        }
        Save::Flow(FlowEdit::None) => Ok(None),
        Save::ForgetMeanings => {
            for preset in PRESETS {
                for m in preset.needs {
                    store.clear_setting(m.key())?;
                }
            }
            Ok(None)
        }
    }
}
