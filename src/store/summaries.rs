//! What one contact's events add up to — per kind, how many and the last one's moment; per
//! campaign, the kinds that came back; the engagement summary — computed in memory from the
//! contact's events in one pass, so an events import reads the events once for all the
//! summaries instead of grouping millions of rows several times in SQL. The reads, clicks and
//! replies, each with the moment its message reached the contact, feed the contact's best hour
//! (`model::reaction_hours`).

use super::columns::kind_id;
use crate::model::contact::EventKind;
use crate::model::reaction_hours::Reaction;

/// The kinds of event a sending service reports, as their bit in `campaign_reach.kinds`
/// (`store::results::kind_bit`): the others (a shop's activity) have none.
fn reach_bit(kind: i64) -> i64 {
    if (1..=EventKind::ALL.len() as i64).contains(&kind) {
        1 << (kind - 1)
    } else {
        0
    }
}

/// One campaign as one contact saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Reach {
    pub campaign: i64,
    /// The kinds of event that came back, as bits.
    pub kinds: i64,
    /// The first moment it was sent or delivered.
    delivered_at: Option<i64>,
    /// Whether it was read, clicked or replied to.
    engaged: bool,
}

/// The engagement summary's row of one contact (`engagement`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Engagement {
    pub last_sent_at: Option<i64>,
    pub last_read_at: Option<i64>,
    pub last_click_at: Option<i64>,
    pub last_reply_at: Option<i64>,
    pub campaigns_delivered: i64,
    /// The contact's most recent delivered campaigns that found no engagement, newest first, up
    /// to the first engaged one.
    pub unengaged_streak: i64,
}

/// One contact's events, added one at a time.
#[derive(Debug, Default)]
pub(super) struct ContactEvents {
    /// Per kind of event: the kind, how many, the last one's moment.
    pub kinds: Vec<(i64, i64, i64)>,
    pub campaigns: Vec<Reach>,
    /// The reads, clicks and replies: campaign, moment.
    reactions: Vec<(i64, i64)>,
}

impl ContactEvents {
    pub fn add(&mut self, campaign: i64, kind: i64, at: i64) {
        match self.kinds.iter_mut().find(|k| k.0 == kind) {
            Some(k) => {
                k.1 += 1;
                k.2 = k.2.max(at);
            }
            None => self.kinds.push((kind, 1, at)),
        }
        let i = match self.campaigns.iter().position(|r| r.campaign == campaign) {
            Some(i) => i,
            None => {
                self.campaigns.push(Reach {
                    campaign,
                    kinds: 0,
                    delivered_at: None,
                    engaged: false,
                });
                self.campaigns.len() - 1
            }
        };
        let reach = &mut self.campaigns[i];
        reach.kinds |= reach_bit(kind);
        let is = |k: EventKind| kind == kind_id(k);
        if is(EventKind::Sent) || is(EventKind::Delivered) {
            reach.delivered_at = Some(reach.delivered_at.map_or(at, |t| t.min(at)));
        }
        if is(EventKind::Read) || is(EventKind::Clicked) || is(EventKind::Replied) {
            reach.engaged = true;
            self.reactions.push((campaign, at));
        }
    }

    /// The reads, clicks and replies with the moment their message was sent or delivered to
    /// the contact, or else the campaign's first moment (`first_at`); a reaction to a campaign
    /// with neither is left out.
    pub fn reactions(&self, first_at: impl Fn(i64) -> Option<i64>) -> Vec<Reaction> {
        self.reactions
            .iter()
            .filter_map(|&(campaign, at)| {
                let own = self
                    .campaigns
                    .iter()
                    .find(|r| r.campaign == campaign)
                    .and_then(|r| r.delivered_at);
                let sent_at = own.or_else(|| first_at(campaign))?;
                Some(Reaction { sent_at, at })
            })
            .collect()
    }

    fn last(&self, of: &[EventKind]) -> Option<i64> {
        self.kinds
            .iter()
            .filter(|k| of.iter().any(|kind| kind_id(*kind) == k.0))
            .map(|k| k.2)
            .max()
    }

    /// The contact's engagement summary. A campaign counts as delivered when it was sent or
    /// delivered; of two delivered at the same moment, the later campaign counts as newer.
    pub fn engagement(&self) -> Engagement {
        let mut delivered: Vec<(i64, i64, bool)> = self
            .campaigns
            .iter()
            .filter_map(|r| r.delivered_at.map(|t| (t, r.campaign, r.engaged)))
            .collect();
        delivered.sort_unstable_by_key(|d| std::cmp::Reverse((d.0, d.1)));
        let streak = delivered.iter().take_while(|d| !d.2).count();
        Engagement {
            last_sent_at: self.last(&[EventKind::Sent, EventKind::Delivered]),
            last_read_at: self.last(&[EventKind::Read]),
            last_click_at: self.last(&[EventKind::Clicked]),
            last_reply_at: self.last(&[EventKind::Replied]),
            campaigns_delivered: delivered.len() as i64,
            unengaged_streak: streak as i64,
        }
    }
}
