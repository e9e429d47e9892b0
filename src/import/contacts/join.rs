//! A contact known only by e-mail joining the contact a row's phone found (DESIGN.md, "Who is
//! who").

use super::{ContactsLoader, NewContacts};
use crate::error::Result;
use crate::store::{Consent, Contact, Status, Writer};

impl ContactsLoader {
    /// Joins the contact `absorbed`, known only by e-mail, into `into` (DESIGN.md, "Who is who"):
    /// what `into` lacks it takes from `absorbed`, which goes, with its tags, orders and events
    /// moved. New contacts still in memory are written first, so both are in the base. Returns
    /// `into` as it is to be stored (the row's save writes it).
    pub(super) fn join(
        &mut self,
        w: &Writer,
        new: &mut NewContacts,
        line: u64,
        into: i64,
        absorbed: i64,
    ) -> Result<Contact> {
        new.flush(w, &self.now)?;
        new.read_last = None;
        let mut kept = w.load(into)?;
        let gone = w.load(absorbed)?;
        fill_from(&mut kept, &gone);
        // The absorbed contact goes first: the e-mail and handles it held move to `kept`.
        w.merge_contacts(absorbed, into, &self.now)?;
        let (_, _, _, rows) = self.joined.get_or_insert((line, into, absorbed, 0));
        *rows += 1;
        Ok(kept)
    }
}

/// Fills what `kept` lacks from `other`, the contact joining it: names, place, sources, the
/// birthday, custom fields; the earlier creation; the other's consent when `kept` has none.
fn fill_from(kept: &mut Contact, other: &Contact) {
    let fill = |slot: &mut Option<String>, value: &Option<String>| {
        if slot.is_none() {
            slot.clone_from(value);
        }
    };
    fill(&mut kept.email, &other.email);
    fill(&mut kept.name, &other.name);
    fill(&mut kept.first_name, &other.first_name);
    fill(&mut kept.city, &other.city);
    fill(&mut kept.region, &other.region);
    fill(&mut kept.source, &other.source);
    fill(&mut kept.utm_source, &other.utm_source);
    fill(&mut kept.utm_medium, &other.utm_medium);
    fill(&mut kept.utm_campaign, &other.utm_campaign);
    fill(&mut kept.utm_content, &other.utm_content);
    fill(&mut kept.utm_term, &other.utm_term);
    fill(&mut kept.birthday, &other.birthday);
    fill(&mut kept.tg_chat_id, &other.tg_chat_id);
    fill(&mut kept.tg_username, &other.tg_username);
    if other.created_at < kept.created_at {
        kept.created_at.clone_from(&other.created_at);
    }
    if kept.consent == Consent::Unknown && kept.status == Status::Active {
        kept.consent = other.consent;
        kept.consent_at.clone_from(&other.consent_at);
        kept.consent_source.clone_from(&other.consent_source);
        kept.channel_consent = other.channel_consent;
    }
    if other.status != Status::Active && kept.status == Status::Active {
        kept.status = other.status;
        kept.status_at.clone_from(&other.status_at);
    }
    for (k, v) in &other.custom {
        kept.custom.entry(k.clone()).or_insert_with(|| v.clone());
    }
}
