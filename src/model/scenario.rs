//! A scenario (DESIGN.md, "Scenario"): a chain of messages started per contact by what they did —
//! an activity, an order, entering a segment or an RFM group, a time without orders, a yearly
//! date — with an entry filter, a cool-down, exits and ordered steps. This is its file format,
//! versioned like a segment rule; checking it against a base is `scenario::validate`.

use serde::{Deserialize, Serialize};

use super::campaign::{ArmB, Button, Campaign, Channel, Variant, WhatsappTemplate};
use super::rfm::Group;
use crate::error::{Error, Result};
use crate::i18n::Msg;

/// The version of the scenario files this build writes.
pub const SCENARIO_VERSION: u32 = 1;

/// A scenario as saved and as written to a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub version: u32,
    pub name: String,
    pub channel: Channel,
    /// Which scenario's steps go first when the messenger's daily tier binds (1 first).
    #[serde(default = "first_rank")]
    pub rank: u32,
    pub trigger: Trigger,
    /// A saved segment a contact must be in to enter (and, with `exits.left_filter`, to stay).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<String>,
    /// Days after entering before the same contact may enter again.
    #[serde(default = "default_cooldown")]
    pub cooldown_days: u32,
    /// How far back a run looks for triggers it has not seen (a first run on a year of
    /// history messages no one about last year's carts).
    #[serde(default = "default_look_back")]
    pub look_back_hours: u32,
    #[serde(default)]
    pub exits: Exits,
    /// Whether the sleeping (so many delivered campaigns without a reaction) are left out, as a
    /// campaign leaves them; a triggered chain writes to them by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sleeping: Option<u32>,
    pub steps: Vec<Step>,
}

fn first_rank() -> u32 {
    1
}

fn default_cooldown() -> u32 {
    7
}

fn default_look_back() -> u32 {
    72
}

/// What starts a contact's chain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Trigger {
    /// An activity event of a kind (about a product or a category when named).
    Activity {
        kind: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        product: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        category: Option<String>,
    },
    /// An order: the contact's first, or any (of a category when named).
    Order {
        #[serde(default)]
        first: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        category: Option<String>,
    },
    /// Being in a saved segment and not at the previous run.
    Segment {
        segment: String,
        /// On the first run, enter everyone in it (otherwise the first run only notes who is).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        enter_everyone_now: bool,
    },
    /// Being in an RFM group and not at the previous run (RFM recomputed as of the run).
    Rfm {
        group: Group,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        enter_everyone_now: bool,
    },
    /// So many days since the last order, once per last order.
    NoOrderFor { days: u32 },
    /// So many days before a yearly date (the birthday).
    Yearly {
        #[serde(default = "birthday")]
        field: String,
        days_before: u32,
    },
}

fn birthday() -> String {
    "birthday".to_owned()
}

/// What ends a chain besides its last step. A reply, an unsubscribe and a block always stop
/// every chain of the contact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exits {
    /// An order after the trigger (the customer bought: the chain has done its work).
    #[serde(default = "yes")]
    pub order: bool,
    /// A click on this button of any step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub click: Option<String>,
    /// Leaving the entry filter's segment.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub left_filter: bool,
}

impl Default for Exits {
    fn default() -> Exits {
        Exits {
            order: true,
            click: None,
            left_filter: false,
        }
    }
}

fn yes() -> bool {
    true
}

/// What a contact's trigger was about, for its chain's messages: the product (and its page)
/// viewed or carted, and the value of the cart or order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TriggerFacts {
    pub product: String,
    pub url: String,
    pub value_kop: Option<i64>,
}

/// One message of the chain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub delay: Delay,
    /// What the previous step must have found for this one to go (the first step: always).
    #[serde(default, rename = "if")]
    pub condition: StepCondition,
    /// Hours after the step falls due past which it is dropped rather than sent late.
    pub expires_hours: u32,
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub buttons: Vec<Button>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub b: Option<ArmB>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whatsapp_template: Option<WhatsappTemplate>,
}

/// When a step falls due.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Delay {
    #[serde(flatten)]
    pub wait: Wait,
    /// Counted from the trigger or from the previous step's sending (the first step: the trigger).
    #[serde(default)]
    pub from: From,
}

/// How long a step waits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Wait {
    Hours(u32),
    Days(u32),
    /// The next day at this local time of the contact (`"10:00"`).
    NextDayAt(String),
    /// The next day at the contact's best hour within `window` (`"09:00-20:00"`): their own
    /// learned hour, else the scenario's people's, else the base's; else at `otherwise`
    /// (`model::reaction_hours`).
    NextDayBestHour {
        window: String,
        otherwise: String,
    },
}

impl Wait {
    /// The best hour's window and fallback as typed, if they read as times.
    pub fn best_hour(&self) -> Option<std::result::Result<super::reaction_hours::BestHour, Msg>> {
        let Wait::NextDayBestHour { window, otherwise } = self else {
            return None;
        };
        let span = super::time::Span::parse(window)
            .map_err(|_| Msg::new("scenario-error-time").arg("value", window.as_str()));
        let at = super::time::TimeOfDay::parse(otherwise)
            .map_err(|_| Msg::new("scenario-error-time").arg("value", otherwise.as_str()));
        Some(span.and_then(|span| Ok(super::reaction_hours::BestHour::new(span, at?))))
    }
}

/// What a delay is counted from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum From {
    Trigger,
    #[default]
    Previous,
}

/// What the previous step must have found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepCondition {
    #[default]
    Always,
    /// Delivered, and no read, click or reply.
    NoReaction,
    /// Read (on channels that report reads).
    Read,
    /// A click on this button of the previous step.
    Clicked(String),
}

impl Scenario {
    pub fn from_json(text: &str) -> Result<Scenario> {
        let scenario: Scenario = serde_json::from_str(text).map_err(|e| {
            Error::user(
                Msg::new("scenario-error-json")
                    .arg("line", e.line() as i64)
                    .arg("column", e.column() as i64)
                    .arg("reason", e.to_string()),
            )
        })?;
        if scenario.version != SCENARIO_VERSION {
            return Err(Error::user(
                Msg::new("scenario-error-version")
                    .arg("version", scenario.version as i64)
                    .arg("supported", SCENARIO_VERSION as i64),
            ));
        }
        Ok(scenario)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a scenario serialises")
    }

    /// The scenario as the campaign its plans carry: its steps are the variants (`Шаг 1`, …),
    /// so the renderer, the export profiles, the results import and a saved plan's reload
    /// treat a step's message as a campaign variant's.
    pub fn as_campaign(&self) -> Campaign {
        let variants = self
            .steps
            .iter()
            .enumerate()
            .map(|(i, step)| Variant {
                name: Msg::new("scenario-place-step")
                    .arg("step", i as i64 + 1)
                    .to_string(),
                segment: self.filter.clone().unwrap_or_default(),
                text: step.text.clone(),
                buttons: step.buttons.clone(),
                b: step.b.clone(),
                whatsapp_template: step.whatsapp_template.clone(),
            })
            .collect();
        Campaign {
            name: self.name.trim().to_owned(),
            channel: self.channel,
            values: Default::default(),
            interest_group: None,
            variants,
            never: Vec::new(),
            sleeping: self.sleeping,
            triggered: true,
        }
    }
}
