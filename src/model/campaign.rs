//! A campaign as it is saved and written to a file: one channel, ordered variants each aimed at
//! a segment, optional A/B arms and buttons, "never send to" segments. What it does — who gets
//! which text, the rendering, the checks before saving — lives in [`crate::campaign`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::i18n::Msg;

/// The arm of a variant's A/B test a recipient is in; a variant without a test has only A.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Arm {
    #[default]
    A,
    B,
}

impl Arm {
    pub const BOTH: [Arm; 2] = [Arm::A, Arm::B];

    /// `A` or `B`, as plans, results and exports write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Arm::A => "A",
            Arm::B => "B",
        }
    }

    /// The arm a stored or imported word names: `B`, else A.
    pub fn parse(word: &str) -> Arm {
        if word.trim().eq_ignore_ascii_case("b") {
            Arm::B
        } else {
            Arm::A
        }
    }

    /// 0 for A, 1 for B: the arm's place in per-arm tables.
    pub fn index(self) -> usize {
        usize::from(self == Arm::B)
    }
}

impl std::fmt::Display for Arm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Arm {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Where a campaign is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Whatsapp,
    Telegram,
    Sms,
}

/// WhatsApp's limit of a message body, in UTF-16 units.
pub const WHATSAPP_LIMIT: usize = 1024;
/// Telegram's limit of a message, in UTF-16 units.
pub const TELEGRAM_LIMIT: usize = 4096;

/// What a channel delivers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Address {
    Phone,
    /// A Telegram chat the bot may write to (an @username alone is not one).
    TelegramChat,
}

/// What each channel needs and allows, in one place: a new messenger is one more arm of each.
impl Channel {
    pub const ALL: [Channel; 3] = [Channel::Whatsapp, Channel::Telegram, Channel::Sms];

    /// Its word in campaign files, plans and the contacts' `channel` field.
    pub const fn as_str(self) -> &'static str {
        match self {
            Channel::Whatsapp => "whatsapp",
            Channel::Telegram => "telegram",
            Channel::Sms => "sms",
        }
    }

    /// What a recipient must have to be sent to on it.
    pub fn address(self) -> Address {
        match self {
            Channel::Whatsapp | Channel::Sms => Address::Phone,
            Channel::Telegram => Address::TelegramChat,
        }
    }

    /// The longest text it takes, in UTF-16 units; `None` for SMS, which sends a long text in
    /// several parts (counted by [`Channel::counts_parts`]).
    pub fn text_limit(self) -> Option<usize> {
        match self {
            Channel::Whatsapp => Some(WHATSAPP_LIMIT),
            Channel::Telegram => Some(TELEGRAM_LIMIT),
            Channel::Sms => None,
        }
    }

    /// Whether the sending service reports when a message was read: WhatsApp does; a Telegram
    /// bot and SMS learn of clicks and replies only.
    pub fn reports_reads(self) -> bool {
        self == Channel::Whatsapp
    }

    /// Whether a text's size is the number of SMS parts it takes.
    pub fn counts_parts(self) -> bool {
        self.text_limit().is_none()
    }
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
    /// A scenario's steps as a campaign: its texts may use the trigger's variables
    /// (`{{product}}`, `{{product_url}}`, `{{cart_value}}`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub triggered: bool,
}

fn default_sleeping() -> Option<u32> {
    Some(3)
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
