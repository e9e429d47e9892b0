//! The profiles the owner can pick: the shipped ones and the ones saved in the base by name.

use super::{Profile, shipped};
use crate::error::{Error, Result};
use crate::i18n::Msg;

/// Every profile the owner can pick: the shipped ones, then the base's own by name. A saved
/// profile that no longer reads (edited by hand) is left out rather than failing the list.
pub fn all(store: &crate::store::Store) -> Result<Vec<Profile>> {
    let mut out = shipped();
    for (_, text) in store.profile_texts()? {
        if let Ok(p) = Profile::from_json(&text) {
            out.push(p);
        }
    }
    Ok(out)
}

/// The profile called `name`, shipped or saved; the error lists the names there are.
pub fn find(store: &crate::store::Store, name: &str) -> Result<Profile> {
    let all = all(store)?;
    let names: Vec<&str> = all.iter().map(|p| p.name.as_str()).collect();
    match all.iter().find(|p| p.name == name.trim()) {
        Some(p) => Ok(p.clone()),
        None => Err(Error::user(
            Msg::new("profile-error-not-found")
                .arg("name", name)
                .arg("names", names.join(", ")),
        )),
    }
}

/// Whether `name` is a shipped profile's.
pub fn is_shipped(name: &str) -> bool {
    shipped().iter().any(|p| p.name == name.trim())
}

/// Saves the owner's `profile` in the base under its name (replacing one of that name) at `now`:
/// checked first, and never over a shipped one.
pub fn save(
    store: &crate::store::Store,
    profile: &Profile,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    profile.validate().map_err(Error::user)?;
    if is_shipped(&profile.name) {
        return Err(Error::user(
            Msg::new("profile-error-shipped").arg("name", profile.name.as_str()),
        ));
    }
    let mut trimmed = profile.clone();
    trimmed.name = profile.name.trim().to_owned();
    store.save_profile_text(&trimmed.name, &trimmed.to_json(), now)
}

/// Deletes the owner's profile `name`.
pub fn delete(store: &crate::store::Store, name: &str) -> Result<()> {
    if is_shipped(name) {
        return Err(Error::user(
            Msg::new("profile-error-shipped").arg("name", name),
        ));
    }
    if !store.delete_profile(name.trim())? {
        find(store, name)?;
    }
    Ok(())
}
