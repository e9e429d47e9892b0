//! Campaigns: one channel, ordered variants each aimed at a segment (a contact gets the first
//! variant whose segment holds them), optional A/B arms, and "never send to" segments. This module
//! decides who gets which text and renders it; sending plans come later.
//!
//! A/B arms use a stable hash: FNV-1a (64-bit) of the campaign's name, a 0x1F byte and the
//! contact's internal id in decimal; the contact is in arm B when the hash modulo 100 is below the
//! variant's `b.percent`. A rebuilt preview or plan puts everyone in the same arm.

use std::collections::{BTreeMap, HashSet};

use chrono::DateTime;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::segment::{self, Item, Rule, Today};
use crate::store::Store;
use crate::template::{self, Template};

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
    /// Saved segments never sent to. Absent: the sleeping (3 campaigns without reaction).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub never: Option<Vec<String>>,
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

/// One recipient of a preview.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recipient {
    pub contact_id: i64,
    pub variant: String,
    /// `A`, or `B` for the variant's B arm.
    pub arm: char,
    pub text: String,
    /// The WhatsApp template parameters, fallbacks applied.
    pub whatsapp_parameters: Vec<String>,
    /// Variables without a fallback that are empty for this contact.
    pub missing: Vec<String>,
}

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

/// The values a contact's message draws on.
struct Values {
    fields: BTreeMap<String, String>,
}

fn contact_values(
    store: &Store,
    id: i64,
    campaign: &Campaign,
    tz: chrono_tz::Tz,
) -> Result<Values> {
    let mut fields = BTreeMap::new();
    if let Some((c, tags)) = store.contact(id)? {
        let mut put = |k: &str, v: Option<String>| {
            if let Some(v) = v {
                fields.insert(k.to_owned(), v);
            }
        };
        put("name", c.name.clone());
        put("first_name", c.first_name.clone());
        put("city", c.city.clone());
        put("phone", c.phone.clone());
        if let Some(group) = &campaign.interest_group {
            let prefix = group.trim_end_matches('*');
            put(
                "interest",
                tags.iter()
                    .find_map(|t| t.strip_prefix(prefix).map(str::to_owned)),
            );
        }
        for (k, v) in &c.custom {
            fields.insert(k.clone(), v.clone());
        }
    }
    if let Some(order) = store.last_order(id)? {
        fields.insert("last_order_date".into(), local_date(&order.ordered_at, tz));
        fields.insert(
            "last_order_amount".into(),
            crate::format::format_rubles(order.amount_kop),
        );
        if let Some(o) = order.order_id {
            fields.insert("last_order_id".into(), o);
        }
        if let Some(p) = order.product {
            fields.insert("last_product".into(), p);
        }
    }
    if let Some(group) = store.rfm_group(id)? {
        fields.insert("rfm_group".into(), group.label(crate::i18n::current()));
    }
    for (k, v) in &campaign.values {
        fields.insert(k.clone(), v.clone());
    }
    Ok(Values { fields })
}

fn local_date(at: &str, tz: chrono_tz::Tz) -> String {
    DateTime::parse_from_rfc3339(at)
        .map(|t| t.with_timezone(&tz).format("%d.%m.%Y").to_string())
        .unwrap_or_default()
}

/// The ids of the contacts of `rule` (saved as `name`, if it is).
fn ids_of(store: &Store, rule: &Rule, name: Option<&str>, today: Today) -> Result<HashSet<i64>> {
    let compiled = segment::prepare(store, rule, name, today)?;
    Ok(segment::contact_ids(store, &compiled)?
        .into_iter()
        .collect())
}

/// The ids of the contacts of the saved segment `name`.
fn segment_ids(store: &Store, name: &str, today: Today) -> Result<HashSet<i64>> {
    let rule = store
        .segment(name)?
        .ok_or_else(|| Error::user(Msg::new("campaign-error-segment").arg("segment", name)))?;
    ids_of(store, &rule, Some(name), today)
}

/// Checks the campaign's texts; the first fault is an error naming the variant and the place.
pub fn check(store: &Store, campaign: &Campaign) -> Result<Vec<(Template, Option<Template>)>> {
    let custom = store.custom_field_names()?;
    let known = |n: &str| {
        VARIABLES.contains(&n) || custom.iter().any(|c| c == n) || campaign.values.contains_key(n)
    };
    let parse = |variant: &str, text: &str| -> Result<Template> {
        let (t, problems) = template::parse(text, &known);
        match problems.into_iter().next() {
            None => Ok(t),
            Some(p) => Err(Error::user(
                Msg::new("campaign-error-template")
                    .arg("variant", variant)
                    .arg(
                        "position",
                        (text[..p.span.start].chars().count() + 1) as i64,
                    )
                    .arg("reason", p.msg.to_string()),
            )),
        }
    };
    campaign
        .variants
        .iter()
        .map(|v| {
            let a = parse(&v.name, &v.text)?;
            let b = v.b.as_ref().map(|b| parse(&v.name, &b.text)).transpose()?;
            Ok((a, b))
        })
        .collect()
}

/// Who gets which variant and text: each contact the first variant whose segment holds them,
/// minus the "never" segments and the contacts without an address on the channel. `only` limits
/// it to one contact; `limit` to the first recipients by id.
pub fn preview(
    store: &Store,
    campaign: &Campaign,
    only: Option<i64>,
    limit: usize,
) -> Result<Vec<Recipient>> {
    let settings = store.settings()?;
    let today = Today::now(settings.owner_tz);
    let templates = check(store, campaign)?;
    let mut never: HashSet<i64> = HashSet::new();
    match &campaign.never {
        Some(names) => {
            for name in names {
                never.extend(segment_ids(store, name, today)?);
            }
        }
        None => {
            let sleeping = Rule::all_of(vec![Item::Sleeping { campaigns: 3 }]);
            never.extend(ids_of(store, &sleeping, None, today)?);
        }
    }
    let reachable: HashSet<i64> = {
        let channel = match campaign.channel {
            Channel::Telegram => "telegram",
            Channel::Whatsapp => "whatsapp",
            Channel::Sms => "sms",
        };
        let rule = Rule::all_of(vec![Item::Field {
            field: segment::FieldRef::Channel,
            test: segment::TextTest::Equals {
                value: channel.to_owned(),
            },
        }]);
        ids_of(store, &rule, None, today)?
    };
    let mut taken: HashSet<i64> = HashSet::new();
    let mut out = Vec::new();
    for (variant, (a, b)) in campaign.variants.iter().zip(&templates) {
        let mut ids: Vec<i64> = segment_ids(store, &variant.segment, today)?
            .into_iter()
            .filter(|id| only.is_none_or(|o| o == *id))
            .filter(|id| !never.contains(id) && reachable.contains(id))
            .collect();
        ids.sort_unstable();
        for id in ids {
            if !taken.insert(id) {
                continue;
            }
            let arm = match &variant.b {
                Some(split) => arm(&campaign.name, id, split.percent),
                None => 'A',
            };
            let template = match (arm, b) {
                ('B', Some(b)) => b,
                _ => a,
            };
            let values = contact_values(store, id, campaign, settings.owner_tz)?;
            let mut value = |n: &str| values.fields.get(n).cloned();
            out.push(Recipient {
                contact_id: id,
                variant: variant.name.clone(),
                arm,
                text: template.render(&mut value),
                whatsapp_parameters: template.whatsapp_parameters(&mut value),
                missing: template.missing(&mut value),
            });
        }
    }
    out.sort_by_key(|r| r.contact_id);
    out.truncate(limit);
    Ok(out)
}

/// What the recipients of a campaign need checked before a plan: the longest message against the
/// channel's limit, and the variables empty for some of them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Checks {
    /// The longest rendered text: its recipient and its length as the channel counts it (UTF-16
    /// units for WhatsApp and Telegram, SMS parts for SMS).
    pub longest: Option<(i64, usize)>,
    /// The channel's limit in the same unit (SMS: none; the parts are what it costs).
    pub limit: Option<usize>,
    /// Per variable without a fallback: the recipients it is empty for.
    pub missing: BTreeMap<String, Vec<i64>>,
}

/// WhatsApp's limit of a message body, in UTF-16 units.
pub const WHATSAPP_LIMIT: usize = 1024;
/// Telegram's limit of a message, in UTF-16 units.
pub const TELEGRAM_LIMIT: usize = 4096;

/// The worst case among `recipients` on `channel`, and who would get a message with a gap.
pub fn checks(channel: Channel, recipients: &[Recipient]) -> Checks {
    let size = |text: &str| match channel {
        Channel::Sms => template::sms_size(text).parts,
        _ => template::utf16_len(text),
    };
    let longest = recipients
        .iter()
        .map(|r| (r.contact_id, size(&r.text)))
        .max_by_key(|(id, n)| (*n, std::cmp::Reverse(*id)));
    let mut missing: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for r in recipients {
        for m in &r.missing {
            missing.entry(m.clone()).or_default().push(r.contact_id);
        }
    }
    Checks {
        longest,
        limit: match channel {
            Channel::Whatsapp => Some(WHATSAPP_LIMIT),
            Channel::Telegram => Some(TELEGRAM_LIMIT),
            Channel::Sms => None,
        },
        missing,
    }
}
