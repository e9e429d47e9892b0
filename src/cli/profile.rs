//! `adresat profile`: the export profiles a plan can be written in (the Plan screen's profile
//! picker and dialog do the same).

use std::path::PathBuf;

use clap::Subcommand;

use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};
use crate::plan::profile::{self, Profile};
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// List the profiles: the shipped ones, then the base's own.
    List,
    /// Print a profile's JSON (a start for one of your own).
    Show { name: String },
    /// Save the profile in FILE.json in the base under the name it holds.
    Save { file: PathBuf },
    /// Delete a profile saved in the base.
    Delete { name: String },
}

pub fn run(store: &Store, command: ProfileCommand, lang: Lang) -> Result<()> {
    match command {
        ProfileCommand::List => {
            for p in profile::all(store)? {
                let origin = if profile::is_shipped(&p.name) {
                    "shipped"
                } else {
                    "saved"
                };
                out!(
                    "{}\t{origin}\t{}\t{}",
                    p.name,
                    p.file_type.extension(),
                    p.split.key()
                );
            }
        }
        ProfileCommand::Show { name } => out!("{}", profile::find(store, &name)?.to_json()),
        ProfileCommand::Save { file } => {
            let text = std::fs::read_to_string(&file).map_err(|e| Error::io(&file, e))?;
            let p = Profile::from_json(&text)?;
            profile::save(store, &p, chrono::Utc::now())?;
            out!(
                "{}",
                Msg::new("profile-saved").arg("name", p.name).render(lang)
            );
        }
        ProfileCommand::Delete { name } => {
            profile::delete(store, &name)?;
            out!(
                "{}",
                Msg::new("profile-deleted").arg("name", name).render(lang)
            );
        }
    }
    Ok(())
}
