//! A saved plan made ready to export again, in any profile, without planning again: the message
//! ids and moments stay as planned; the texts are rendered from today's base, and who lost
//! their consent, unsubscribed, was blocked or lost the channel's address since is left out.

use super::{Left, Options, Plan, Planned, Reason};
use crate::campaign::Campaign;
use crate::campaign::audience::exclusion;
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::store::Store;

/// A saved plan as it stands today.
#[derive(Debug, Clone)]
pub struct Reloaded {
    pub plan_id: i64,
    /// The plan with today's recipients; `left` holds who dropped out since, with why.
    pub plan: Plan,
    /// Contacts planned who are no longer in the base.
    pub gone: u64,
}

/// The saved plan `which` names: its id (`adresat plans list`), or a campaign's name with the
/// plan's `date` (`YYYY-MM-DD`).
pub fn find(store: &Store, which: &str, date: Option<&str>) -> Result<i64> {
    let not_found = || {
        Error::user(
            Msg::new("plan-error-not-found")
                .arg("campaign", which)
                .arg("date", date.unwrap_or_default()),
        )
    };
    if let Ok(id) = which.trim().parse::<i64>()
        && store.plan_header(id)?.is_some()
    {
        return Ok(id);
    }
    let date = date.ok_or_else(not_found)?;
    store
        .plan_id(which.trim(), date.trim())?
        .ok_or_else(not_found)
}

/// Reads the saved plan `plan_id` and checks each recipient against today's base.
pub fn reload(store: &Store, plan_id: i64) -> Result<Reloaded> {
    let header = store.plan_header(plan_id)?.ok_or_else(|| {
        Error::user(
            Msg::new("plan-error-not-found")
                .arg("campaign", plan_id.to_string())
                .arg("date", ""),
        )
    })?;
    let campaign = Campaign::from_json(&header.snapshot)?;
    let options: Options = serde_json::from_str(&header.options)
        .map_err(|e| Error::io(store.path(), std::io::Error::other(e)))?;
    let settings = store.settings()?;
    let mut reach = Vec::new();
    store.each_reach(campaign.channel, &mut |r| {
        reach.push(r);
        Ok(())
    })?;
    let saved = store.plan_items(plan_id)?;
    let (mut items, mut left, mut gone) = (Vec::new(), Vec::new(), 0);
    for item in saved {
        let Ok(i) = reach.binary_search_by_key(&item.contact_id, |r| r.contact_id) else {
            gone += 1;
            continue;
        };
        let r = &reach[i];
        let variant = item.variant as usize;
        match exclusion(r, false, campaign.channel) {
            Some(reason) => left.push(Left {
                contact_id: item.contact_id,
                variant,
                reason: Reason::Audience(reason),
            }),
            None => items.push(Planned {
                contact_id: item.contact_id,
                variant,
                arm: item.arm,
                send_at: item.send_at,
                tz: r.time_zone.unwrap_or(settings.owner_tz),
                moved: false,
            }),
        }
    }
    let made_at = header.created_at.utc();
    let triggers = match header.run_at {
        Some(_) => store.plan_triggers(plan_id)?,
        None => Vec::new(),
    };
    Ok(Reloaded {
        plan_id,
        plan: Plan {
            campaign,
            options,
            items,
            left,
            demo: settings.demo,
            fullest_window: None,
            hour_counts: None,
            made_at,
            run_at: header
                .run_at
                .and_then(|t| chrono::DateTime::from_timestamp(t, 0)),
            triggers,
        },
        gone,
    })
}
