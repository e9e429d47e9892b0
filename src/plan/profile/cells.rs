//! One planned message's cells in a profile's columns.

use std::fmt::Write as _;

use chrono::DateTime;
use chrono_tz::Tz;
use rustc_hash::FxHashMap;

use super::{Field, Missing, MomentSpec, MomentZone, PhoneForm, Profile};
use crate::campaign::{Recipient, Renderer};
use crate::plan::{Plan, Planned};
use crate::store::MessageFacts;

/// What a laid-out column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ColumnKind {
    Field(Field),
    /// The i-th WhatsApp parameter.
    Param(usize),
    /// The demo mark.
    Demo,
}

impl ColumnKind {
    /// Whether the column holds a number (written as one in JSON Lines and XLSX).
    pub(crate) fn is_number(&self) -> bool {
        matches!(
            self,
            ColumnKind::Field(Field::ContactId) | ColumnKind::Field(Field::SmsParts)
        )
    }
}

/// Fills the cells of each message of one plan in one profile's layout. Moments repeat (one
/// local time per zone), so each is formatted once.
pub(crate) struct CellMaker<'a> {
    plan: &'a Plan,
    pub(crate) columns: Vec<(String, ColumnKind)>,
    moment: MomentSpec,
    missing: Missing,
    owner: Tz,
    prefix: String,
    demo_note: String,
    times: FxHashMap<(usize, i64, Tz), String>,
}

impl<'a> CellMaker<'a> {
    /// The layout of `profile` for `plan` with `params` WhatsApp parameters; `demo_note` marks
    /// the rows of a demo base's plan when the profile has the demo column.
    pub(crate) fn new(
        plan: &'a Plan,
        profile: &Profile,
        params: usize,
        owner: Tz,
        demo_note: String,
    ) -> CellMaker<'a> {
        let mut columns = profile.layout(params);
        if plan.demo && profile.demo_column {
            columns.push((crate::export::DEMO_COLUMN.to_owned(), ColumnKind::Demo));
        }
        CellMaker {
            plan,
            columns,
            moment: profile.moment.clone(),
            missing: profile.missing,
            owner,
            prefix: plan.id_prefix(),
            demo_note,
            times: FxHashMap::default(),
        }
    }

    /// The headers, in order.
    pub(crate) fn header(&self) -> Vec<String> {
        self.columns.iter().map(|(h, _)| h.clone()).collect()
    }

    /// Writes the cells of message `p` (rendered as `r`, to the contact of `facts`) into
    /// `cells`, one per column, reusing their buffers.
    pub(crate) fn fill(
        &mut self,
        cells: &mut Vec<String>,
        p: &Planned,
        r: &Recipient,
        facts: &MessageFacts,
        renderer: &Renderer,
    ) {
        cells.resize_with(self.columns.len(), String::new);
        let columns = std::mem::take(&mut self.columns);
        for (i, cell) in cells.iter_mut().enumerate() {
            cell.clear();
            match &columns[i].1 {
                ColumnKind::Field(field) => self.field(
                    i,
                    field,
                    cell,
                    &Message {
                        p,
                        r,
                        facts,
                        renderer,
                    },
                ),
                ColumnKind::Param(n) => {
                    if let Some(v) = r.whatsapp_parameters.get(*n) {
                        cell.push_str(v);
                    }
                }
                ColumnKind::Demo => cell.push_str(&self.demo_note),
            }
        }
        self.columns = columns;
    }

    /// Writes the cell of `field` (the `column`-th) of message `m`.
    fn field(&mut self, column: usize, field: &Field, cell: &mut String, m: &Message) {
        let Message {
            p,
            r,
            facts,
            renderer,
        } = *m;
        let text = |v: &Option<String>, cell: &mut String| {
            if let Some(v) = v {
                cell.push_str(v);
            }
        };
        let campaign = &self.plan.campaign;
        match field {
            Field::MessageId => {
                let _ = write!(cell, "{}-{}", self.prefix, p.contact_id);
            }
            Field::ContactId => {
                let _ = write!(cell, "{}", p.contact_id);
            }
            Field::ExternalId => text(&facts.external_id, cell),
            Field::Phone(form) => {
                if let Some(phone) = &facts.phone {
                    write_phone(cell, phone, *form);
                }
            }
            Field::Telegram => text(&facts.telegram, cell),
            Field::Name => text(&facts.name, cell),
            Field::FirstName => text(&facts.first_name, cell),
            Field::City => text(&facts.city, cell),
            Field::Channel => cell.push_str(campaign.channel.as_str()),
            Field::Campaign => cell.push_str(&campaign.name),
            Field::Variant => cell.push_str(&r.variant),
            Field::Arm => cell.push_str(r.arm.as_str()),
            Field::Text => cell.push_str(&r.text),
            Field::SmsParts => {
                let _ = write!(cell, "{}", crate::template::sms_size(&r.text).parts);
            }
            Field::Moment(_) | Field::LocalTime | Field::SendAtUtc => {
                let moment = self
                    .times
                    .entry((column, p.send_at, p.tz))
                    .or_insert_with(|| {
                        let at = DateTime::from_timestamp(p.send_at, 0).unwrap_or_default();
                        let (zone, format) = match field {
                            Field::LocalTime => (MomentZone::Contact, "%Y-%m-%d %H:%M"),
                            Field::SendAtUtc => (MomentZone::Utc, "%Y-%m-%dT%H:%M:%SZ"),
                            Field::Moment(own) => (
                                self.moment.zone,
                                own.as_deref().unwrap_or(self.moment.format.as_str()),
                            ),
                            _ => unreachable!("a moment field"),
                        };
                        let zone = match zone {
                            MomentZone::Contact => p.tz,
                            MomentZone::Owner => self.owner,
                            MomentZone::Utc => Tz::UTC,
                        };
                        at.with_timezone(&zone).format(format).to_string()
                    });
                cell.push_str(moment);
            }
            Field::TimeZone => cell.push_str(p.tz.name()),
            Field::WaTemplate | Field::WaLanguage => {
                if let Some(t) = campaign
                    .variants
                    .get(p.variant)
                    .and_then(|v| v.whatsapp_template.as_ref())
                {
                    cell.push_str(if *field == Field::WaTemplate {
                        &t.name
                    } else {
                        &t.language
                    });
                }
            }
            Field::WaParams => {}
            Field::Var(name) => match renderer.variable(facts, name) {
                Some(v) => cell.push_str(&v),
                None if self.missing == Missing::Fallback => {
                    if let Some(f) = renderer.fallback(p.variant, p.arm, name) {
                        cell.push_str(f);
                    }
                }
                None => {}
            },
            Field::Custom(name) => {
                if let Ok(serde_json::Value::Object(fields)) =
                    serde_json::from_str::<serde_json::Value>(&facts.custom)
                {
                    match fields.get(name) {
                        Some(serde_json::Value::String(s)) => cell.push_str(s),
                        Some(serde_json::Value::Null) | None => {}
                        Some(other) => {
                            let _ = write!(cell, "{other}");
                        }
                    }
                }
            }
        }
    }
}

/// One message as its cells are made from it.
#[derive(Clone, Copy)]
struct Message<'m> {
    p: &'m Planned,
    r: &'m Recipient,
    facts: &'m MessageFacts,
    renderer: &'m Renderer,
}

/// Writes the E.164 number `phone` in `form`.
fn write_phone(cell: &mut String, phone: &str, form: PhoneForm) {
    match form {
        PhoneForm::E164 => cell.push_str(phone),
        PhoneForm::Digits => cell.push_str(phone.trim_start_matches('+')),
        PhoneForm::National => {
            // Russia and Kazakhstan dial the trunk prefix 8 before the ten digits.
            if let Some(rest) = phone.strip_prefix("+7") {
                cell.push('8');
                cell.push_str(rest);
                return;
            }
            match phonenumber::parse(None, phone) {
                Ok(n) => cell.extend(
                    n.format()
                        .mode(phonenumber::Mode::National)
                        .to_string()
                        .chars()
                        .filter(char::is_ascii_digit),
                ),
                Err(_) => cell.push_str(phone),
            }
        }
    }
}
