//! Campaigns: one channel, ordered variants each aimed at a segment (a contact gets the first
//! variant whose segment holds them), optional A/B arms, and "never send to" segments. This module
//! decides who gets which text ([`audience`]) and renders it ([`Renderer`]).
//!
//! A/B arms use a stable hash: FNV-1a (64-bit) of the campaign's name, a 0x1F byte and the
//! contact's internal id in decimal; the contact is in arm B when the hash modulo 100 is below the
//! variant's `b.percent`. A rebuilt preview or plan puts everyone in the same arm.

pub(crate) mod audience;
mod render;
mod save;

use std::collections::BTreeMap;
use std::sync::atomic::AtomicBool;

use serde::{Deserialize, Serialize};

pub use audience::{Assigned, Audience, Excluded, Exclusion, audience};
pub use render::{Checks, Recipient, Renderer, check, checks, is_known};
pub use save::{B_SHARE, MAX_BUTTONS, save, validate};

use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::segment::Today;
use crate::store::Store;

/// Where a campaign is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Whatsapp,
    Telegram,
    Sms,
}

/// A quick-reply button: the tag a click sets, and the flow it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Button {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow: Option<String>,
}

/// The B arm of a variant: this share of its contacts get this text instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArmB {
    pub percent: u8,
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub buttons: Vec<Button>,
}

/// One variant: the text for the contacts of a segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Variant {
    pub name: String,
    /// A saved segment's name.
    pub segment: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub buttons: Vec<Button>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub b: Option<ArmB>,
    /// WhatsApp: the approved template this variant's text stands for, which a provider's bulk
    /// upload names (export profiles' `wa_template` and `wa_language`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whatsapp_template: Option<WhatsappTemplate>,
}

/// An approved WhatsApp message template: its name and language code (`ru`, `en_US`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WhatsappTemplate {
    pub name: String,
    pub language: String,
}

/// A campaign as saved and as written to a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Campaign {
    pub name: String,
    pub channel: Channel,
    /// Campaign-wide values (`{{promo}}`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub values: BTreeMap<String, String>,
    /// The tag group `{{interest}}` comes from, e.g. `интерес:*`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest_group: Option<String>,
    pub variants: Vec<Variant>,
    /// Saved segments never sent to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub never: Vec<String>,
    /// Never send to the sleeping: contacts whose last N delivered campaigns found no read,
    /// click or reply (3 unless the file says otherwise; `null` sends to them too).
    #[serde(default = "default_sleeping")]
    pub sleeping: Option<u32>,
}

fn default_sleeping() -> Option<u32> {
    Some(3)
}

/// Variables every contact has, beside custom fields and the campaign's own values.
pub const VARIABLES: [&str; 10] = [
    "name",
    "first_name",
    "city",
    "interest",
    "last_order_id",
    "last_order_date",
    "last_order_amount",
    "last_product",
    "rfm_group",
    "phone",
];

/// The arm of `contact_id` in `campaign` for a B share of `percent`.
pub fn arm(campaign: &str, contact_id: i64, percent: u8) -> char {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in campaign
        .bytes()
        .chain([0x1f])
        .chain(contact_id.to_string().bytes())
    {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    if hash % 100 < u64::from(percent) {
        'B'
    } else {
        'A'
    }
}

impl Campaign {
    pub fn from_json(text: &str) -> Result<Campaign> {
        serde_json::from_str(text).map_err(|e| {
            Error::user(
                Msg::new("campaign-error-json")
                    .arg("line", e.line() as i64)
                    .arg("column", e.column() as i64)
                    .arg("reason", e.to_string()),
            )
        })
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a campaign serialises")
    }
}

/// Who gets which variant and text on `today`: the campaign's audience (see [`audience`])
/// rendered. `only` limits it to one contact; `limit` to the first recipients by id.
pub fn preview(
    store: &Store,
    campaign: &Campaign,
    today: Today,
    only: Option<i64>,
    limit: usize,
) -> Result<Vec<Recipient>> {
    let renderer = Renderer::new(store, campaign)?;
    let never = AtomicBool::new(false);
    let mut who = audience(store, campaign, today, &never)?.assigned;
    who.retain(|a| only.is_none_or(|o| o == a.contact_id));
    who.truncate(limit);
    let mut out = Vec::with_capacity(who.len());
    renderer.each(store, &who, &never, &mut |_| {}, &mut |r, _| {
        out.push(r.clone());
        Ok(true)
    })?;
    Ok(out)
}

/// WhatsApp's limit of a message body, in UTF-16 units.
pub const WHATSAPP_LIMIT: usize = 1024;
/// Telegram's limit of a message, in UTF-16 units.
pub const TELEGRAM_LIMIT: usize = 4096;
