//! One contact's way through a scenario, in order: each entry's trigger (and what it was
//! about), each step planned and what came back for it, and how the chain ended — for the owner
//! asking "why did she get this", or "why not".

use chrono::DateTime;

use super::run::End;
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::model::contact::EventKind;
use crate::store::{Store, kind_index};

/// One line of the timeline: when (unix seconds) and what.
#[derive(Debug, Clone, PartialEq)]
pub struct Moment {
    pub at: i64,
    pub what: Msg,
}

/// The contact `who` names: their number in the base, or a phone in any form.
pub fn find_contact(store: &Store, who: &str) -> Result<i64> {
    let who = who.trim();
    if let Ok(id) = who.parse::<i64>()
        && store.contact(id)?.is_some()
    {
        return Ok(id);
    }
    crate::who::find(store, &crate::who::Who::Phone(who.to_owned()))
}

/// The timeline of `contact` in the saved scenario `name`, oldest first; times shown in the
/// owner's zone.
pub fn timeline(store: &Store, name: &str, contact: i64) -> Result<Vec<Moment>> {
    let name = name.trim();
    if store.scenario(name)?.is_none() {
        return Err(Error::user(
            Msg::new("scenario-error-not-found").arg("name", name),
        ));
    }
    let owner = store.settings()?.owner_tz;
    let local = |t: i64| {
        DateTime::from_timestamp(t, 0)
            .unwrap_or_default()
            .with_timezone(&owner)
            .format("%d.%m.%Y %H:%M")
            .to_string()
    };
    let mut out = Vec::new();
    for e in store.entries_of(name, contact)? {
        let about = match e.product.as_str() {
            "" => String::new(),
            p => format!(" «{p}»"),
        };
        out.push(Moment {
            at: e.trigger_at,
            what: Msg::new("scenario-timeline-trigger").arg("about", about),
        });
        if let Some((at, why)) = &e.ended {
            let ended = Msg::new("scenario-timeline-ended");
            out.push(Moment {
                at: *at,
                what: match End::parse(why) {
                    Some(end) => ended.arg("reason", end.msg()),
                    None => ended.arg("reason", why.as_str()),
                },
            });
        }
    }
    for m in store.scenario_messages(name, Some(contact))? {
        let step = i64::from(m.step) + 1;
        out.push(Moment {
            at: m.send_at,
            what: Msg::new("scenario-timeline-planned").arg("step", step),
        });
        for kind in EventKind::ALL {
            if let Some(at) = m.events[kind_index(kind)] {
                let buttons = match kind {
                    EventKind::Clicked if !m.buttons.is_empty() => {
                        format!(" «{}»", m.buttons.join("», «"))
                    }
                    _ => String::new(),
                };
                out.push(Moment {
                    at,
                    what: Msg::new("scenario-timeline-event")
                        .arg("step", step)
                        .arg("event", Msg::new(kind.word_id()))
                        .arg("buttons", buttons),
                });
            }
        }
    }
    // A chain that ended as its last step was planned ends at that step's moment: the step
    // comes first.
    out.sort_by_key(|m| (m.at, m.what.id == "scenario-timeline-ended"));
    Ok(out
        .into_iter()
        .map(|m| Moment {
            at: m.at,
            what: m.what.arg("at", local(m.at)),
        })
        .collect())
}
