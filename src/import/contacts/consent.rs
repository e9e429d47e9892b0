//! What a row says of consent and status, applied so that consent never silently comes back
//! and the sender can prove it.

use super::{ContactsLoader, Field, Incoming, Row, set_some};
use crate::i18n::Msg;
use crate::import::report::Warning;
use crate::import::values::parse_consent;
use crate::model::time::Moment;
use crate::store::{ChannelConsent, Consent, Contact, Status};

/// The consent a channel's own column gives, if the row says yes or no there.
pub(super) fn channel_consent(row: &Row, field: Field) -> Result<Option<Consent>, Msg> {
    Ok(row
        .get(field)
        .map(parse_consent)
        .transpose()?
        .filter(|c| *c != Consent::Unknown))
}

impl ContactsLoader {
    /// Applies what the row says of consent and status (DESIGN.md, "Consent never silently
    /// comes back"): an opt-out holds unless the row's consent is dated after it; a general
    /// column speaks for every channel, a channel's own for it. A changed record notes the file.
    pub(super) fn apply_consent(
        &mut self,
        c: &mut Contact,
        inc: &Incoming,
        line: u64,
        warnings: &mut Vec<Warning>,
    ) {
        let before = consent_record(c);
        if inc.stated {
            *self.stated.get_or_insert(0) += 1;
        }
        let opted_out = matches!(c.status, Status::Unsubscribed | Status::Blocked);
        let row_opts_out = matches!(inc.status, Some(Status::Unsubscribed | Status::Blocked));
        let wants_back = !row_opts_out
            && opted_out
            && (inc.consent == Some(Consent::Yes) || inc.status == Some(Status::Active));
        if wants_back {
            let when = inc.consent_at.clone().or(inc.status_at.clone());
            let later = match (&when, &c.status_at) {
                (Some(at), Some(out)) => at > out,
                (Some(_), None) => true,
                (None, _) => false,
            };
            if later {
                warnings.push(Warning {
                    line: Some(line),
                    msg: Msg::new("warn-consent-restored")
                        .arg("id", c.id)
                        .arg("status", c.status.as_str()),
                });
                c.status = Status::Active;
                c.status_at = when.clone();
                c.consent = Consent::Yes;
                c.consent_at = when;
                set_some(&mut c.consent_source, inc.consent_source.as_deref());
            } else {
                warnings.push(Warning {
                    line: Some(line),
                    msg: Msg::new("warn-opt-out-kept")
                        .arg("id", c.id)
                        .arg("status", c.status.as_str())
                        .arg("at", c.status_at.as_deref().unwrap_or_default()),
                });
            }
        } else {
            if let Some(consent) = inc.consent {
                if consent != c.consent {
                    c.consent = consent;
                    c.consent_at = inc.consent_at.clone();
                    c.consent_source = None;
                }
                set_some(&mut c.consent_at, inc.consent_at.as_ref());
                set_some(&mut c.consent_source, inc.consent_source.as_deref());
            }
            if let Some(status) = inc.status.filter(|s| *s != Status::Active || !opted_out) {
                if status != c.status {
                    c.status = status;
                    c.status_at = Some(inc.status_at.clone().unwrap_or_else(|| self.now.clone()));
                }
                set_some(&mut c.status_at, inc.status_at.as_ref());
            }
        }
        // A general consent column speaks for every channel; a channel's own column, for it.
        if inc.consent.is_some() {
            c.channel_consent = ChannelConsent::default();
        }
        let theirs = inc.channel_consent;
        let ours = &mut c.channel_consent;
        for (slot, said) in [
            (&mut ours.whatsapp, theirs.whatsapp),
            (&mut ours.telegram, theirs.telegram),
            (&mut ours.sms, theirs.sms),
        ] {
            if said.is_some() {
                *slot = said;
            }
        }
        let says_yes = inc.consent == Some(Consent::Yes)
            || [theirs.whatsapp, theirs.telegram, theirs.sms].contains(&Some(Consent::Yes));
        self.note_unproven(says_yes, c, inc, line);
        if consent_record(c) != before {
            c.consent_file = Some(self.file.clone());
        }
    }

    /// Notes a row that `says_yes` to messages without a consent date and source, neither its
    /// own nor the contact's (from an earlier row or import): the sender must be able to prove
    /// consent (38-FZ), and the report says so.
    pub(super) fn note_unproven(&mut self, says_yes: bool, c: &Contact, inc: &Incoming, line: u64) {
        let proven = |at: &Option<Moment>, source: &Option<String>| {
            at.is_some() && source.as_deref().is_some_and(|v| !v.is_empty())
        };
        if says_yes
            && !proven(&inc.consent_at, &inc.consent_source)
            && !proven(&c.consent_at, &c.consent_source)
        {
            let (_, rows) = self.unproven.get_or_insert((line, 0));
            *rows += 1;
        }
    }
}

/// A digest of a contact's consent record, to tell whether a row changed it (without copying
/// its texts for every row of a big file).
pub(super) fn consent_record(c: &Contact) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one((
        c.consent,
        &c.consent_at,
        &c.consent_source,
        c.channel_consent,
    ))
}
