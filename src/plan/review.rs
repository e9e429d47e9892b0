//! A made plan as the owner reviews it before the export: its summary and sends per hour, every
//! message rendered once for the checks (gaps, the longest text), its first rows as the file will
//! hold them, and the warnings the export asks about. The Plan screen shows it; a plan read back
//! from the base is reviewed the same way before it is exported again.

use std::sync::Arc;

use super::{Options, Plan, Reason, Summary};
use crate::campaign::{Checks, Renderer};
use crate::error::{Error, Result};
use crate::format::group_thousands;
use crate::i18n::Msg;
use crate::model::task::Task;
use crate::store::Store;

/// Rows of the plan shown for review.
pub const PREVIEW_ROWS: usize = 50;

/// One row of the plan's preview.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewRow {
    pub message_id: String,
    pub name: String,
    /// The phone, or the Telegram address when there is no phone.
    pub address: String,
    /// The variant and its arm: `1 A`.
    pub variant: String,
    /// The send moment in the recipient's zone, `dd.mm HH:MM`.
    pub local: String,
    pub zone: String,
    pub utc: String,
    pub text: String,
}

/// Whose list the owner opens under the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Left(Reason),
    /// Planned, but on a later day because of the limit.
    Moved,
}

/// A made plan with what its review shows.
pub struct Review {
    pub plan: Arc<Plan>,
    /// The saved plan it was read back from: exported again without being saved again.
    pub saved: Option<i64>,
    pub summary: Summary,
    /// Sends per hour of the day: in UTC, and in the recipients' own time.
    pub hours: ([u64; 24], [u64; 24]),
    pub checks: Checks,
    /// The first [`PREVIEW_ROWS`] rows.
    pub rows: Vec<PreviewRow>,
}

impl Review {
    /// Makes the plan of the saved campaign `campaign` with `options` and reviews it. The rules
    /// are kept as the base's settings first, so the command line plans the same way next time.
    pub fn make(store: &Store, campaign: &str, options: &Options, task: Task) -> Result<Review> {
        options.rules().save(store)?;
        let c = store
            .campaign(campaign)?
            .ok_or_else(|| Error::user(Msg::new("cli-no-campaign").arg("value", campaign)))?;
        let made = super::build(store, &c, options, task.part(0.0, 0.4))?;
        Review::of(store, made, None, task.part(0.4, 1.0))
    }

    /// Reads the saved plan `id` back as it stands today and reviews it, for an export without
    /// planning again.
    pub fn of_saved(store: &Store, id: i64, task: Task) -> Result<Review> {
        let reloaded = super::saved::reload(store, id)?;
        task.report(0.2, 0);
        Review::of(store, reloaded.plan, Some(id), task.part(0.2, 1.0))
    }

    /// Reviews `made`: renders every message once for the checks and the first rows; `saved`:
    /// the saved plan it was read back from.
    pub fn of(store: &Store, made: Plan, saved: Option<i64>, task: Task) -> Result<Review> {
        let renderer = Renderer::new(store, &made.campaign)?;
        let who = Plan::recipients(&made.items);
        let mut checks = Checks::new(made.campaign.channel);
        let mut rows = Vec::new();
        let mut next = 0;
        renderer.each(store, &who, task, &mut |r, facts| {
            checks.add(r);
            if rows.len() < PREVIEW_ROWS {
                while made.items[next].contact_id < r.contact_id {
                    next += 1;
                }
                let p = &made.items[next];
                let at = chrono::DateTime::from_timestamp(p.send_at, 0).unwrap_or_default();
                rows.push(PreviewRow {
                    message_id: made.message_id(p.contact_id),
                    name: facts.name.clone().unwrap_or_default(),
                    address: facts
                        .phone
                        .clone()
                        .or_else(|| facts.telegram.clone())
                        .unwrap_or_default(),
                    variant: format!("{} {}", r.variant, r.arm),
                    local: at.with_timezone(&p.tz).format("%d.%m %H:%M").to_string(),
                    zone: p.tz.name().to_owned(),
                    utc: at.format("%d.%m %H:%M").to_string(),
                    text: r.text.clone(),
                });
            }
            Ok(true)
        })?;
        let owner_tz = store.settings()?.owner_tz;
        Ok(Review {
            summary: made.summary(owner_tz),
            hours: made.hours(),
            plan: Arc::new(made),
            saved,
            checks,
            rows,
        })
    }

    /// The contact ids of `which`, the first `limit` by id.
    pub fn who(&self, which: Who, limit: usize) -> Vec<i64> {
        match which {
            Who::Left(reason) => self
                .plan
                .left
                .iter()
                .filter(|l| l.reason == reason)
                .take(limit)
                .map(|l| l.contact_id)
                .collect(),
            Who::Moved => self
                .plan
                .items
                .iter()
                .filter(|p| p.moved)
                .take(limit)
                .map(|p| p.contact_id)
                .collect(),
        }
    }

    /// What the owner must know before exporting: variables empty for some, a text over the
    /// channel's limit, people moved to later days, a day over the WhatsApp limit.
    pub fn warnings(&self) -> Vec<Msg> {
        let mut out = Vec::new();
        for (name, ids) in &self.checks.missing {
            out.push(
                Msg::new("plan-warning-gap")
                    .arg("name", name.as_str())
                    .arg("count", group_thousands(ids.len() as i64)),
            );
        }
        if self.checks.too_long()
            && let (Some((id, n)), Some(limit)) = (self.checks.longest, self.checks.limit)
        {
            out.push(
                Msg::new("campaign-too-long")
                    .arg("id", id)
                    .arg("length", n as i64)
                    .arg("limit", limit as i64),
            );
        }
        let s = &self.summary;
        if s.moved_later > 0 {
            out.push(
                Msg::new("plan-warning-moved")
                    .arg("count", group_thousands(s.moved_later as i64))
                    .arg("days", s.per_day.len() as i64),
            );
        }
        if let (Some(fullest), Some(limit)) = (s.fullest_window, s.daily_limit)
            && fullest > limit
        {
            out.push(
                Msg::new("plan-warning-limit")
                    .arg("fullest", i64::from(fullest))
                    .arg("limit", i64::from(limit)),
            );
        }
        out
    }
}
