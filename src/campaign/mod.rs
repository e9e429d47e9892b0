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

pub use audience::{Assigned, Audience, Excluded, Exclusion, audience};
pub use render::{Checks, Recipient, Renderer, check, checks, is_known};
pub(crate) use save::message_fault;
pub use save::{B_SHARE, MAX_BUTTONS, save, validate};

use crate::error::Result;
pub use crate::model::campaign::{
    Address, Arm, ArmB, Button, Campaign, Channel, TELEGRAM_LIMIT, Variant, WHATSAPP_LIMIT,
    WhatsappTemplate,
};
use crate::model::task::Task;
use crate::segment::Today;
use crate::store::Store;

/// Variables every contact has, beside custom fields and the campaign's own values.
/// The variables of a scenario step's text that its trigger fills (an activity's product, page
/// and value; an order's first product and amount).
pub const TRIGGER_VARIABLES: [&str; 3] = ["product", "product_url", "cart_value"];

pub const VARIABLES: [&str; 11] = [
    "name",
    "first_name",
    "city",
    "interest",
    "last_order_id",
    "last_order_date",
    "last_order_amount",
    "last_product",
    "last_order_items",
    "rfm_group",
    "phone",
];

/// The arm of `contact_id` in `campaign` for a B share of `percent`.
pub fn arm(campaign: &str, contact_id: i64, percent: u8) -> Arm {
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
        Arm::B
    } else {
        Arm::A
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
    task: Task,
) -> Result<Vec<Recipient>> {
    let renderer = Renderer::new(store, campaign)?;
    let mut who = audience(store, campaign, today, task.part(0.0, 0.5))?.assigned;
    who.retain(|a| only.is_none_or(|o| o == a.contact_id));
    who.truncate(limit);
    let mut out = Vec::with_capacity(who.len());
    renderer.each(store, &who, task.part(0.5, 1.0), &mut |r, _| {
        out.push(r.clone());
        Ok(true)
    })?;
    Ok(out)
}
