//! Who a campaign reaches: every contact of its variants' segments gets the first variant whose
//! segment holds them, or is excluded with exactly one reason — the first that applies in the
//! order of [`Exclusion`] — so the counts per reason and per variant add up to the segments' size.

use serde::Serialize;

use super::{Address, Arm, Campaign, Channel, arm};
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::model::task::Task;
use crate::segment::{self, Item, Rule, Today};
use crate::store::{Consent, Reach, Status, Store};

/// Why a contact of the campaign's segments gets nothing, in the order they are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Exclusion {
    /// Consent is "no" or unknown: never planned (38-FZ).
    NoConsent,
    Unsubscribed,
    Blocked,
    /// In one of the campaign's "never send to" segments.
    NeverSend,
    /// Has an address, but not on the campaign's channel.
    OtherChannel,
    /// Telegram: only a username. A bot can write only to people who started it, and reaches
    /// them by chat id.
    TelegramUsernameOnly,
    /// Has no address at all.
    NoAddress,
}

impl Exclusion {
    /// Every reason, in the order they are checked.
    pub const ALL: [Exclusion; 7] = [
        Exclusion::NoConsent,
        Exclusion::Unsubscribed,
        Exclusion::Blocked,
        Exclusion::NeverSend,
        Exclusion::TelegramUsernameOnly,
        Exclusion::OtherChannel,
        Exclusion::NoAddress,
    ];

    /// Its stable name in files.
    pub fn key(self) -> &'static str {
        match self {
            Exclusion::NoConsent => "no_consent",
            Exclusion::Unsubscribed => "unsubscribed",
            Exclusion::Blocked => "blocked",
            Exclusion::NeverSend => "never_send",
            Exclusion::OtherChannel => "other_channel",
            Exclusion::TelegramUsernameOnly => "telegram_username_only",
            Exclusion::NoAddress => "no_address",
        }
    }

    /// The reason in words.
    pub fn msg(self) -> Msg {
        Msg::new(match self {
            Exclusion::NoConsent => "exclusion-no-consent",
            Exclusion::Unsubscribed => "exclusion-unsubscribed",
            Exclusion::Blocked => "exclusion-blocked",
            Exclusion::NeverSend => "exclusion-never-send",
            Exclusion::OtherChannel => "exclusion-other-channel",
            Exclusion::TelegramUsernameOnly => "exclusion-telegram-username-only",
            Exclusion::NoAddress => "exclusion-no-address",
        })
    }
}

/// A contact who gets a message: the variant (its index) and the arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Assigned {
    pub contact_id: i64,
    pub variant: usize,
    /// `A`, or `B` for the variant's B arm.
    pub arm: Arm,
    /// The zone the send time is computed in (`None`: a zone this build does not know).
    pub time_zone: Option<chrono_tz::Tz>,
}

/// A contact of the segments who gets nothing, with the variant they would have had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Excluded {
    pub contact_id: i64,
    pub variant: usize,
    pub reason: Exclusion,
}

/// A campaign's audience, by contact id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Audience {
    pub assigned: Vec<Assigned>,
    pub excluded: Vec<Excluded>,
}

impl Audience {
    /// Per variant: how many get arm A and arm B.
    pub fn variant_sizes(&self, variants: usize) -> Vec<[u64; 2]> {
        let mut sizes = vec![[0; 2]; variants];
        for a in &self.assigned {
            sizes[a.variant][a.arm.index()] += 1;
        }
        sizes
    }

    /// Per reason, how many are excluded (every reason listed, zeros included).
    pub fn exclusion_counts(&self) -> Vec<(Exclusion, u64)> {
        Exclusion::ALL
            .iter()
            .map(|r| {
                let n = self.excluded.iter().filter(|e| e.reason == *r).count();
                (*r, n as u64)
            })
            .collect()
    }

    /// Everyone in the campaign's segments.
    pub fn segments_size(&self) -> u64 {
        (self.assigned.len() + self.excluded.len()) as u64
    }
}

/// The ids of the contacts of the saved segment `name`.
fn segment_ids(store: &Store, name: &str, today: Today) -> Result<Vec<i64>> {
    let rule = store
        .segment(name)?
        .ok_or_else(|| Error::user(Msg::new("campaign-error-segment").arg("segment", name)))?;
    segment::rule_ids(store, &rule, Some(name), today)
}

/// No variant.
const NONE: u16 = u16::MAX;

/// The entry of `id` in a per-id table, growing it with `empty` as needed.
fn slot<T: Copy>(table: &mut Vec<T>, id: i64, empty: T) -> &mut T {
    let i = usize::try_from(id).unwrap_or(0);
    if table.len() <= i {
        table.resize(i + 1, empty);
    }
    &mut table[i]
}

/// Decides the audience of `campaign` as of `today`. Cancelling `task` stops it between steps.
///
/// The segments are evaluated first (in sets of ids, a blink), then only their contacts'
/// consent, status, addresses and zones are read — a campaign to a tenth of a big base reads a
/// tenth of it.
pub fn audience(store: &Store, campaign: &Campaign, today: Today, task: Task) -> Result<Audience> {
    let (first_variant, never) = targets(store, campaign, today, task)?;
    task.stop_if()?;
    let ids: Vec<i64> = first_variant
        .iter()
        .enumerate()
        .filter(|(_, v)| **v != NONE)
        .map(|(id, _)| id as i64)
        .collect();
    let mut reaches = Vec::with_capacity(ids.len());
    store.each_reach_of(campaign.channel, &ids, &mut |r| {
        reaches.push(r);
        Ok(())
    })?;
    task.stop_if()?;
    Ok(decide(campaign, &reaches, &first_variant, &never))
}

/// Per contact id: the first variant whose segment holds them (or [`NONE`]), and whether a
/// "never" segment or the sleeping rule holds them.
fn targets(
    store: &Store,
    campaign: &Campaign,
    today: Today,
    task: Task,
) -> Result<(Vec<u16>, Vec<bool>)> {
    // Contact ids are dense (SQLite's rowids), so per-id tables are plain vectors.
    let mut first_variant: Vec<u16> = Vec::new();
    for (i, variant) in campaign.variants.iter().enumerate() {
        task.stop_if()?;
        for id in segment_ids(store, &variant.segment, today)? {
            let slot = slot(&mut first_variant, id, NONE);
            if *slot == NONE {
                *slot = i as u16;
            }
        }
    }
    let mut never: Vec<bool> = Vec::new();
    for name in &campaign.never {
        task.stop_if()?;
        for id in segment_ids(store, name, today)? {
            *slot(&mut never, id, false) = true;
        }
    }
    if let Some(campaigns) = campaign.sleeping.filter(|k| *k > 0) {
        let sleeping = Rule::all_of(vec![Item::Sleeping { campaigns }]);
        for id in segment::rule_ids(store, &sleeping, None, today)? {
            *slot(&mut never, id, false) = true;
        }
    }
    Ok((first_variant, never))
}

/// Each contact of the segments assigned or excluded.
fn decide(
    campaign: &Campaign,
    reaches: &[Reach],
    first_variant: &[u16],
    never: &[bool],
) -> Audience {
    let mut out = Audience::default();
    for reach in reaches {
        let id = reach.contact_id;
        let variant = match first_variant.get(id as usize) {
            Some(&v) if v != NONE => usize::from(v),
            _ => continue,
        };
        let never = never.get(id as usize).copied().unwrap_or(false);
        match exclusion(reach, never, campaign.channel) {
            Some(reason) => out.excluded.push(Excluded {
                contact_id: id,
                variant,
                reason,
            }),
            None => {
                let arm = match &campaign.variants[variant].b {
                    Some(split) => arm(&campaign.name, id, split.percent),
                    None => Arm::A,
                };
                out.assigned.push(Assigned {
                    contact_id: id,
                    variant,
                    arm,
                    time_zone: reach.time_zone,
                });
            }
        }
    }
    out
}

/// The first reason `reach` gets nothing, if any.
pub(crate) fn exclusion(reach: &Reach, never: bool, channel: Channel) -> Option<Exclusion> {
    let on_channel = match channel.address() {
        Address::Phone => reach.has_phone,
        Address::TelegramChat => reach.has_tg_chat,
    };
    let username_only = channel == Channel::Telegram && reach.has_tg_username;
    if reach.consent != Consent::Yes {
        Some(Exclusion::NoConsent)
    } else if reach.status == Status::Unsubscribed {
        Some(Exclusion::Unsubscribed)
    } else if reach.status == Status::Blocked {
        Some(Exclusion::Blocked)
    } else if never {
        Some(Exclusion::NeverSend)
    } else if on_channel {
        None
    } else if username_only {
        Some(Exclusion::TelegramUsernameOnly)
    } else if reach.has_phone || reach.has_tg_chat || reach.has_tg_username {
        Some(Exclusion::OtherChannel)
    } else {
        Some(Exclusion::NoAddress)
    }
}
