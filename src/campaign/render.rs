//! A campaign's texts rendered with each recipient's own values: the templates are parsed once,
//! only the facts they use are read, and the base is read in chunks so a million recipients
//! stream through without being held.

use crate::model::time::Moment;
use std::collections::BTreeMap;

use serde::Serialize;

use super::audience::Assigned;
use super::{Arm, Campaign, Channel, TRIGGER_VARIABLES, VARIABLES};
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};
use crate::model::scenario::TriggerFacts;
use crate::model::task::Task;
use crate::rfm::Group;
use crate::store::{FactNeeds, MessageFacts, Store};
use crate::template::{self, Piece, Template};

/// One recipient's message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recipient {
    pub contact_id: i64,
    pub variant: String,
    /// `A`, or `B` for the variant's B arm.
    pub arm: Arm,
    pub text: String,
    /// The WhatsApp template parameters, fallbacks applied.
    pub whatsapp_parameters: Vec<String>,
    /// Variables without a fallback that are empty for this contact.
    pub missing: Vec<String>,
}

/// A campaign's parsed templates and what they need, ready to render for many recipients.
pub struct Renderer {
    campaign: Campaign,
    /// Per variant: arm A's template and arm B's, if split.
    templates: Vec<(Template, Option<Template>)>,
    needs: FactNeeds,
    tz: chrono_tz::Tz,
    lang: Lang,
    /// A scenario's plan: what each contact's trigger was about, by contact.
    triggers: Vec<(i64, TriggerFacts)>,
}

/// Whether `name` is a variable `campaign`'s texts may use, on a base with the `custom` fields.
pub fn is_known(campaign: &Campaign, custom: &[String], name: &str) -> bool {
    VARIABLES.contains(&name)
        || (campaign.triggered && TRIGGER_VARIABLES.contains(&name))
        || custom.iter().any(|c| c == name)
        || campaign.values.contains_key(name)
}

/// Checks the campaign's texts; the first fault is an error naming the variant and the place.
pub fn check(store: &Store, campaign: &Campaign) -> Result<Vec<(Template, Option<Template>)>> {
    parse_all(campaign, &store.custom_field_names()?, true)
}

/// Parses every text of `campaign`; `strict` turns the first fault into an error, else a faulty
/// variable stays as its text.
fn parse_all(
    campaign: &Campaign,
    custom: &[String],
    strict: bool,
) -> Result<Vec<(Template, Option<Template>)>> {
    let known = |n: &str| is_known(campaign, custom, n);
    let parse = |variant: &str, text: &str| -> Result<Template> {
        let (t, problems) = template::parse(text, &known);
        match problems.into_iter().next().filter(|_| strict) {
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

impl Renderer {
    /// Checks `campaign`'s texts (an error names the first fault) and prepares them.
    pub fn new(store: &Store, campaign: &Campaign) -> Result<Renderer> {
        Renderer::with_columns(store, campaign, &[], false)
    }

    /// As [`Renderer::new`], reading also the facts of the variables `extra` names (an export
    /// profile's `var:` columns) and the custom fields when `custom` (its `custom:` columns).
    pub fn with_columns(
        store: &Store,
        campaign: &Campaign,
        extra: &[&str],
        custom: bool,
    ) -> Result<Renderer> {
        let names = store.custom_field_names()?;
        let templates = parse_all(campaign, &names, true)?;
        let mut r = Renderer::with(campaign, templates, store.settings()?.owner_tz, extra);
        r.needs.custom |= custom;
        Ok(r)
    }

    /// Prepares `campaign`'s texts as they are, faults and all (a faulty variable shows as its
    /// text): the editor's preview while the owner types.
    pub fn lenient(campaign: &Campaign, custom: &[String], tz: chrono_tz::Tz) -> Renderer {
        let templates = parse_all(campaign, custom, false).unwrap_or_default();
        Renderer::with(campaign, templates, tz, &[])
    }

    fn with(
        campaign: &Campaign,
        templates: Vec<(Template, Option<Template>)>,
        tz: chrono_tz::Tz,
        extra: &[&str],
    ) -> Renderer {
        let variables: Vec<&str> = templates
            .iter()
            .flat_map(|(a, b)| a.pieces.iter().chain(b.iter().flat_map(|b| &b.pieces)))
            .filter_map(|p| match p {
                Piece::Var { name, .. } => Some(name.as_str()),
                Piece::Text(_) => None,
            })
            .chain(extra.iter().copied())
            .collect();
        let used = |names: &[&str]| variables.iter().any(|v| names.contains(v));
        let needs = FactNeeds {
            last_order: used(&[
                "last_order_id",
                "last_order_date",
                "last_order_amount",
                "last_product",
                "last_order_items",
            ]),
            rfm: used(&["rfm_group"]),
            custom: variables.iter().any(|v| {
                !VARIABLES.contains(v)
                    && !TRIGGER_VARIABLES.contains(v)
                    && !campaign.values.contains_key(*v)
            }),
            interest_prefix: campaign
                .interest_group
                .as_ref()
                .filter(|_| used(&["interest"]))
                .map(|g| g.trim_end_matches('*').to_owned()),
        };
        Renderer {
            campaign: campaign.clone(),
            templates,
            needs,
            tz,
            lang: crate::i18n::current(),
            triggers: Vec::new(),
        }
    }

    /// The renderer with what each contact's trigger was about (by contact), which a scenario
    /// step's `{{product}}`, `{{product_url}}` and `{{cart_value}}` show.
    pub fn with_triggers(mut self, triggers: Vec<(i64, TriggerFacts)>) -> Renderer {
        self.triggers = triggers;
        self
    }

    /// What the trigger of `contact`'s chain was about, if the plan says.
    fn trigger(&self, contact: i64) -> Option<&TriggerFacts> {
        let i = self
            .triggers
            .binary_search_by_key(&contact, |(c, _)| *c)
            .ok()?;
        Some(&self.triggers[i].1)
    }

    /// The facts the texts use: what to read for a recipient.
    pub fn needs(&self) -> &FactNeeds {
        &self.needs
    }

    /// The template of a variant's arm, as parsed.
    pub fn template(&self, variant: usize, arm: Arm) -> Option<&Template> {
        let (a, b) = self.templates.get(variant)?;
        Some(match (arm, b) {
            (Arm::B, Some(b)) => b,
            _ => a,
        })
    }

    /// The value of variable `name` for the contact of `facts` (without a fallback), as the
    /// message shows it.
    pub fn variable(&self, facts: &MessageFacts, name: &str) -> Option<String> {
        self.value(facts, &mut None, name)
            .filter(|v| !v.trim().is_empty())
    }

    /// The fallback the text of `variant`'s `arm` gives variable `name`, if any.
    pub fn fallback(&self, variant: usize, arm: Arm, name: &str) -> Option<&str> {
        self.template(variant, arm)?
            .pieces
            .iter()
            .find_map(|p| match p {
                Piece::Var {
                    name: n, fallback, ..
                } if n == name => fallback.as_deref(),
                _ => None,
            })
    }

    /// The value of variable `name` for the contact of `facts`, as the message shows it.
    fn value(
        &self,
        facts: &MessageFacts,
        custom: &mut Option<Custom>,
        name: &str,
    ) -> Option<String> {
        let order = facts.last_order.as_ref();
        match name {
            "name" => facts.name.clone(),
            "first_name" => facts.first_name.clone(),
            "city" => facts.city.clone(),
            "phone" => facts.phone.clone(),
            "interest" => facts.interest.clone(),
            "last_order_id" => order.and_then(|o| o.order_id.clone()),
            "last_order_date" => order.map(|o| local_date(&o.ordered_at, self.tz)),
            "last_order_amount" => order.map(|o| crate::format::format_rubles(o.amount_kop)),
            "last_product" => order.and_then(|o| o.product.clone()),
            "last_order_items" => order.and_then(|o| o.items.clone().or_else(|| o.product.clone())),
            "product" => self.trigger(facts.contact_id).map(|t| t.product.clone()),
            "product_url" => self.trigger(facts.contact_id).map(|t| t.url.clone()),
            "cart_value" => self
                .trigger(facts.contact_id)
                .and_then(|t| t.value_kop)
                .map(crate::format::format_rubles),
            "rfm_group" => facts
                .rfm_group
                .as_deref()
                .and_then(Group::parse)
                .map(|g| g.label(self.lang)),
            _ => match self.campaign.values.get(name) {
                Some(v) => Some(v.clone()),
                None => custom
                    .get_or_insert_with(|| serde_json::from_str(&facts.custom).unwrap_or_default())
                    .get(name)
                    .map(|v| match v {
                        serde_json::Value::String(s) => s.clone(),
                        other => other.to_string(),
                    }),
            },
        }
    }

    /// The message of `who`, whose facts are `facts`.
    pub fn render(&self, who: &Assigned, facts: &MessageFacts) -> Recipient {
        let Some(template) = self.template(who.variant, who.arm) else {
            return Recipient {
                contact_id: who.contact_id,
                variant: String::new(),
                arm: who.arm,
                text: String::new(),
                whatsapp_parameters: Vec::new(),
                missing: Vec::new(),
            };
        };
        let mut custom = None;
        let mut value = |n: &str| self.value(facts, &mut custom, n);
        Recipient {
            contact_id: who.contact_id,
            variant: self.campaign.variants[who.variant].name.clone(),
            arm: who.arm,
            text: template.render(&mut value),
            whatsapp_parameters: if self.campaign.channel == Channel::Whatsapp {
                template.whatsapp_parameters(&mut value)
            } else {
                Vec::new()
            },
            missing: template.missing(&mut value),
        }
    }

    /// Renders the message of each of `who` (ascending by id) and hands it to `each` with the
    /// contact's facts; `each` returns false to stop. `task` hears how many are done.
    pub fn each(
        &self,
        store: &Store,
        who: &[Assigned],
        task: Task,
        each: &mut dyn FnMut(&Recipient, &MessageFacts) -> Result<bool>,
    ) -> Result<()> {
        let ids: Vec<i64> = who.iter().map(|a| a.contact_id).collect();
        let mut next = 0;
        store.each_message_facts(&ids, &self.needs, &mut |facts| {
            // A contact deleted since the audience was decided has no row: skip past it.
            while next < who.len() && who[next].contact_id < facts.contact_id {
                next += 1;
            }
            let Some(assigned) = who.get(next).filter(|a| a.contact_id == facts.contact_id) else {
                return Ok(true);
            };
            next += 1;
            if next % 4096 == 0 {
                task.stop_if()?;
                task.report(next as f32 / who.len() as f32, next as u64);
            }
            each(&self.render(assigned, &facts), &facts)
        })?;
        task.report(1.0, who.len() as u64);
        Ok(())
    }
}

/// A custom-fields object, parsed when a template first asks for a custom field.
type Custom = serde_json::Map<String, serde_json::Value>;

fn local_date(at: &Moment, tz: chrono_tz::Tz) -> String {
    at.local(tz).format("%d.%m.%Y").to_string()
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
    channel: Channel,
}

impl Checks {
    /// Nothing checked yet, on `channel`.
    pub fn new(channel: Channel) -> Checks {
        Checks {
            longest: None,
            limit: channel.text_limit(),
            missing: BTreeMap::new(),
            channel,
        }
    }

    /// The size of `text` as the channel counts it.
    pub fn size(&self, text: &str) -> usize {
        if self.channel.counts_parts() {
            template::sms_size(text).parts
        } else {
            template::utf16_len(text)
        }
    }

    /// Takes one recipient into account.
    pub fn add(&mut self, r: &Recipient) {
        let n = self.size(&r.text);
        if self
            .longest
            .is_none_or(|(id, m)| n > m || (n == m && r.contact_id < id))
        {
            self.longest = Some((r.contact_id, n));
        }
        for m in &r.missing {
            self.missing
                .entry(m.clone())
                .or_default()
                .push(r.contact_id);
        }
    }

    /// Takes in the checks of other recipients (of higher ids: the lists stay in id order).
    pub fn merge(&mut self, other: Checks) {
        if let Some((id, n)) = other.longest
            && self
                .longest
                .is_none_or(|(mine, m)| n > m || (n == m && id < mine))
        {
            self.longest = Some((id, n));
        }
        for (name, ids) in other.missing {
            self.missing.entry(name).or_default().extend(ids);
        }
    }

    /// Whether the longest message is over the channel's limit.
    pub fn too_long(&self) -> bool {
        matches!((self.longest, self.limit), (Some((_, n)), Some(limit)) if n > limit)
    }
}

/// The worst case among `recipients` on `channel`, and who would get a message with a gap.
pub fn checks(channel: Channel, recipients: &[Recipient]) -> Checks {
    let mut checks = Checks::new(channel);
    for r in recipients {
        checks.add(r);
    }
    checks
}
