//! Saving a campaign: every check a campaign passes before the base holds it, in one place, so
//! the Messages screen and `adresat campaign save` refuse exactly the same campaigns.

use chrono::{DateTime, Utc};

use super::{Button, Campaign, check};
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::model::campaign::ArmB;
use crate::store::Store;

/// The most quick-reply buttons a message may carry (WhatsApp's limit for reply buttons).
pub const MAX_BUTTONS: usize = 3;

/// The B arm's share of a variant, in percent: something must go to each arm.
pub const B_SHARE: std::ops::RangeInclusive<u8> = 1..=99;

/// The first thing that keeps `campaign` from being saved in `store`'s base: no name, no
/// variant, a segment the base does not hold, more than [`MAX_BUTTONS`] buttons or one without
/// text, a B share outside [`B_SHARE`], a fault in a text.
pub fn validate(store: &Store, campaign: &Campaign) -> Result<()> {
    if campaign.name.trim().is_empty() {
        return Err(Error::user(Msg::new("campaign-error-no-name")));
    }
    if campaign.variants.is_empty() {
        return Err(Error::user(Msg::new("campaign-error-no-variants")));
    }
    let segments = campaign
        .variants
        .iter()
        .map(|v| &v.segment)
        .chain(&campaign.never);
    for segment in segments {
        if store.segment(segment)?.is_none() {
            return Err(Error::user(
                Msg::new("campaign-error-segment").arg("segment", segment.as_str()),
            ));
        }
    }
    for v in &campaign.variants {
        let place = Msg::new("campaign-place-variant").arg("variant", v.name.as_str());
        if let Some(fault) = message_fault(&place.to_string(), &v.buttons, v.b.as_ref()) {
            return Err(Error::user(fault));
        }
    }
    check(store, campaign)?;
    Ok(())
}

/// The first fault of a message's buttons and B arm, said of `place` (a campaign's variant, a
/// scenario's step): more than [`MAX_BUTTONS`] buttons or one without text, a B share outside
/// [`B_SHARE`].
pub(crate) fn message_fault(place: &str, buttons: &[Button], b: Option<&ArmB>) -> Option<Msg> {
    for buttons in std::iter::once(buttons).chain(b.map(|b| b.buttons.as_slice())) {
        if buttons.len() > MAX_BUTTONS {
            return Some(
                Msg::new("campaign-error-buttons")
                    .arg("place", place)
                    .arg("count", buttons.len() as i64)
                    .arg("max", MAX_BUTTONS as i64),
            );
        }
        if buttons.iter().any(|b| b.text.trim().is_empty()) {
            return Some(Msg::new("campaign-error-button-text").arg("place", place));
        }
    }
    let b = b.filter(|b| !B_SHARE.contains(&b.percent))?;
    Some(
        Msg::new("campaign-error-share")
            .arg("place", place)
            .arg("percent", i64::from(b.percent)),
    )
}

/// Saves `campaign` under its name once [`validate`] passes. `replacing`: the name it is saved
/// under now (it is renamed when the name changed); `None` for a new campaign, which may not take
/// the name of another. `now`: when it is saved.
pub fn save(
    store: &mut Store,
    campaign: &Campaign,
    replacing: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    validate(store, campaign)?;
    let name = campaign.name.trim();
    let taken = replacing != Some(name) && store.campaign(name)?.is_some();
    if taken {
        return Err(Error::user(
            Msg::new("campaign-error-exists").arg("name", name),
        ));
    }
    if let Some(old) = replacing
        && old != name
    {
        store.rename_campaign(old, name)?;
    }
    store.save_campaign(campaign, now)
}
