//! What a run did with each scenario, in words the screen and the command line share: who
//! entered, who did not and why, what was planned per step, what waits, and why chains ended.

use serde::Serialize;

use crate::i18n::Msg;

/// Why an entry ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum End {
    /// Its last step was planned.
    Completed,
    /// An order after the trigger.
    Ordered,
    Replied,
    Unsubscribed,
    Blocked,
    /// The scenario's exit button.
    Clicked,
    /// Left the entry segment.
    LeftFilter,
    /// A due step found no allowed moment before its expiry.
    Expired,
    /// A step's condition needed results that did not come before its expiry.
    NoResults,
    /// Lost consent or the channel's address.
    Unreachable,
    /// Among the sleeping, whom the scenario leaves out.
    Sleeping,
}

impl End {
    pub const ALL: [End; 11] = [
        End::Completed,
        End::Ordered,
        End::Replied,
        End::Unsubscribed,
        End::Blocked,
        End::Clicked,
        End::LeftFilter,
        End::Expired,
        End::NoResults,
        End::Unreachable,
        End::Sleeping,
    ];

    /// Its stable name, as entries keep it and `--json` prints it.
    pub fn key(self) -> &'static str {
        match self {
            End::Completed => "completed",
            End::Ordered => "ordered",
            End::Replied => "replied",
            End::Unsubscribed => "unsubscribed",
            End::Blocked => "blocked",
            End::Clicked => "clicked",
            End::LeftFilter => "left_filter",
            End::Expired => "expired",
            End::NoResults => "no_results",
            End::Unreachable => "unreachable",
            End::Sleeping => "sleeping",
        }
    }

    /// Whether an exit ended the chain (an order, a reply, an unsubscribe or block, the exit
    /// button, leaving the segment) rather than its own course.
    pub fn is_exit(self) -> bool {
        matches!(
            self,
            End::Ordered
                | End::Replied
                | End::Unsubscribed
                | End::Blocked
                | End::Clicked
                | End::LeftFilter
        )
    }

    /// The reason a stored name names.
    pub fn parse(key: &str) -> Option<End> {
        End::ALL.into_iter().find(|e| e.key() == key)
    }

    /// The reason in words.
    pub fn msg(self) -> Msg {
        Msg::new(match self {
            End::Completed => "scenario-end-completed",
            End::Ordered => "scenario-end-ordered",
            End::Replied => "scenario-end-replied",
            End::Unsubscribed => "scenario-end-unsubscribed",
            End::Blocked => "scenario-end-blocked",
            End::Clicked => "scenario-end-clicked",
            End::LeftFilter => "scenario-end-left-filter",
            End::Expired => "scenario-end-expired",
            End::NoResults => "scenario-end-no-results",
            End::Unreachable => "scenario-end-unreachable",
            End::Sleeping => "scenario-end-sleeping",
        })
    }
}

/// Why a trigger entered no one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NotEntered {
    /// Already in a chain of this scenario.
    InChain,
    /// Entered it too recently (or on this very trigger before).
    Cooldown,
    /// Not in the entry segment.
    Filter,
    /// No consent, unsubscribed, blocked, or no address on the channel.
    Unreachable,
}

impl NotEntered {
    pub const ALL: [NotEntered; 4] = [
        NotEntered::InChain,
        NotEntered::Cooldown,
        NotEntered::Filter,
        NotEntered::Unreachable,
    ];

    /// The reason in words.
    pub fn msg(self) -> Msg {
        Msg::new(match self {
            NotEntered::InChain => "scenario-not-entered-in-chain",
            NotEntered::Cooldown => "scenario-not-entered-cooldown",
            NotEntered::Filter => "scenario-not-entered-filter",
            NotEntered::Unreachable => "scenario-not-entered-unreachable",
        })
    }
}

/// What a run did with one scenario.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Outcome {
    pub scenario: String,
    /// Contacts with a trigger since the last run.
    pub triggers: u64,
    pub entered: u64,
    pub not_entered: Vec<(NotEntered, u64)>,
    /// Messages planned, per step.
    pub planned: Vec<u64>,
    /// Open entries with nothing due in the window.
    pub waiting: u64,
    /// Steps skipped because their condition was not met.
    pub skipped: u64,
    pub ended: Vec<(End, u64)>,
    /// A segment trigger's first run, which noted who is in it and entered no one: how many.
    pub noted: Option<u64>,
    /// The noting was because the segment's rule or the owner's RFM cut points changed.
    pub renoted: bool,
}

impl Outcome {
    /// What the run did with the scenario in words, one line each: the counts, the messages
    /// per step, then each reason a trigger entered no one or a chain ended, counted. The
    /// command line and the window show the same lines.
    pub fn lines(&self) -> Vec<Msg> {
        let mut out = Vec::new();
        if let Some(count) = self.noted {
            let id = match self.renoted {
                true => "cli-scenario-run-renoted",
                false => "cli-scenario-run-noted",
            };
            out.push(
                Msg::new(id)
                    .arg("scenario", self.scenario.as_str())
                    .arg("count", count as i64),
            );
        }
        out.push(
            Msg::new("cli-scenario-run-line")
                .arg("scenario", self.scenario.as_str())
                .arg("triggers", self.triggers as i64)
                .arg("entered", self.entered as i64)
                .arg("planned", self.planned.iter().sum::<u64>() as i64)
                .arg("waiting", self.waiting as i64),
        );
        for (i, n) in self.planned.iter().enumerate().filter(|(_, n)| **n > 0) {
            out.push(
                Msg::new("cli-scenario-run-step")
                    .arg("step", i as i64 + 1)
                    .arg("count", *n as i64),
            );
        }
        let refused = self.not_entered.iter().map(|(k, n)| (k.msg(), *n));
        let ended = self.ended.iter().map(|(k, n)| (k.msg(), *n));
        for (reason, n) in refused.chain(ended) {
            out.push(
                Msg::new("cli-scenario-run-reason")
                    .arg("reason", reason)
                    .arg("count", n as i64),
            );
        }
        out
    }
}
