//! One context for every long job of the library — import, RFM, plan, export, demo: how far it
//! has got, whether to stop, and the moment it runs at. The window shows [`Progress`] as a bar
//! with a cancel button; the command line sets its cancel flag on Ctrl+C. A job hands a part of
//! its bar to each step with [`Task::part`], so a step reports 0.0–1.0 of its own work.

use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};

use chrono::{DateTime, Utc};

use crate::error::{Error, Result};

/// Called on the job's thread after each report: a test that stops a job at a given point.
type Watcher = Box<dyn Fn(&Progress) + Send + Sync>;

/// What a running job shares with whoever started it: how far it is, and whether to stop.
#[derive(Default)]
pub struct Progress {
    fraction_bits: AtomicU32,
    rows: AtomicU64,
    /// Which of the job's steps it is in; the screen that started the job names them.
    step: AtomicU32,
    cancel: AtomicBool,
    watcher: Option<Watcher>,
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Progress")
            .field("fraction", &self.fraction())
            .field("rows", &self.rows())
            .field("step", &self.step())
            .field("cancelled", &self.is_cancelled())
            .finish()
    }
}

impl Progress {
    /// Nothing done, not cancelled.
    pub const fn new() -> Progress {
        Progress {
            fraction_bits: AtomicU32::new(0),
            rows: AtomicU64::new(0),
            step: AtomicU32::new(0),
            cancel: AtomicBool::new(false),
            watcher: None,
        }
    }

    /// A progress that calls `watcher` on the job's own thread after every report, so it can
    /// look at how far the job is and stop it exactly there.
    pub fn watched(watcher: impl Fn(&Progress) + Send + Sync + 'static) -> Progress {
        Progress {
            watcher: Some(Box::new(watcher)),
            ..Progress::new()
        }
    }

    /// Records the share done (0.0–1.0) and rows handled.
    pub fn set(&self, fraction: f32, rows: u64) {
        self.fraction_bits
            .store(fraction.to_bits(), Ordering::Relaxed);
        self.rows.store(rows, Ordering::Relaxed);
        if let Some(watcher) = &self.watcher {
            watcher(self);
        }
    }

    /// Records which of its steps the job is in.
    pub fn set_step(&self, step: u32) {
        self.step.store(step, Ordering::Relaxed);
    }

    pub fn step(&self) -> u32 {
        self.step.load(Ordering::Relaxed)
    }

    pub fn fraction(&self) -> f32 {
        f32::from_bits(self.fraction_bits.load(Ordering::Relaxed))
    }

    pub fn rows(&self) -> u64 {
        self.rows.load(Ordering::Relaxed)
    }

    /// Asks the job to stop at its next check; it then ends with [`Error::Cancelled`].
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// The progress of a job nobody watches: never cancelled, its reports read by no one.
static UNWATCHED: Progress = Progress::new();

/// A long job's handle on its [`Progress`] — the share of the bar it owns — and its moment.
#[derive(Debug, Clone, Copy)]
pub struct Task<'a> {
    progress: &'a Progress,
    /// The part of the whole bar this task's 0.0–1.0 fills.
    from: f32,
    to: f32,
    /// Reports dropped: a second worker beside one that reports for both.
    muted: bool,
    now: DateTime<Utc>,
}

impl<'a> Task<'a> {
    /// A job at `now` that reports to `progress` (the whole bar).
    pub fn new(progress: &'a Progress, now: DateTime<Utc>) -> Task<'a> {
        Task {
            progress,
            from: 0.0,
            to: 1.0,
            muted: false,
            now,
        }
    }

    /// A job at `now` that nobody watches or stops (a test, a quick query).
    pub fn unwatched(now: DateTime<Utc>) -> Task<'static> {
        Task::new(&UNWATCHED, now)
    }

    /// The moment the job runs at: what "today" and "now" mean to it.
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// The step that fills `from`–`to` of this task's share (each 0.0–1.0).
    pub fn part(&self, from: f32, to: f32) -> Task<'a> {
        let span = self.to - self.from;
        Task {
            from: self.from + span * from,
            to: self.from + span * to,
            ..*self
        }
    }

    /// The same job for a worker beside another that reports for both (they go at one pace):
    /// it may be stopped, but its reports are dropped.
    pub fn muted(&self) -> Task<'a> {
        Task {
            muted: true,
            ..*self
        }
    }

    /// Records that `fraction` (0.0–1.0) of this task's work is done, `rows` handled.
    pub fn report(&self, fraction: f32, rows: u64) {
        if self.muted {
            return;
        }
        let fraction = fraction.clamp(0.0, 1.0);
        self.progress
            .set(self.from + (self.to - self.from) * fraction, rows);
    }

    /// Records which of its steps the job is in (the front end names them).
    pub fn step(&self, step: u32) {
        if !self.muted {
            self.progress.set_step(step);
        }
    }

    /// `Err(Cancelled)` once the job was asked to stop: what it checks between its steps.
    pub fn stop_if(&self) -> Result<()> {
        if self.progress.is_cancelled() {
            Err(Error::Cancelled)
        } else {
            Ok(())
        }
    }

    pub fn is_cancelled(&self) -> bool {
        self.progress.is_cancelled()
    }
}
