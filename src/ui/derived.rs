//! A value a screen derives from what the owner edits — an audience, a count, a preview —
//! computed on the base in the background: the key it is for, the running job, the last
//! answer or why there is none. A screen says every frame what it wants ([`Derived::want`]);
//! a new key interrupts the older job, an unchanged one starts nothing.

use std::path::Path;

use super::jobs::{Progress, QueryJob, Task, Work};
use crate::store::Store;

/// A value derived in the background, for the key `K`.
pub struct Derived<K, T> {
    /// What the value, or the running job, is for; `None` until first wanted or after
    /// [`Derived::forget`].
    key: Option<K>,
    job: Option<QueryJob<T>>,
    /// The last value computed.
    value: Option<T>,
    /// Why the newest computation gave none (the last value stays beside it).
    error: Option<String>,
}

impl<K, T> Default for Derived<K, T> {
    fn default() -> Self {
        Derived {
            key: None,
            job: None,
            value: None,
            error: None,
        }
    }
}

impl<K: PartialEq, T: Send + 'static> Derived<K, T> {
    /// Whether `key` is what the value (or its running job) is for.
    pub fn is_for(&self, key: &K) -> bool {
        self.key.as_ref() == Some(key)
    }

    /// Computes the value for `key` with `work` on the base at `db`, unless it is already for
    /// `key`; a job running for another key is interrupted. True when a job started.
    pub fn want(
        &mut self,
        ctx: &egui::Context,
        what: Work,
        db: &Path,
        key: K,
        work: impl FnOnce(&mut Store, Task) -> crate::Result<T> + Send + 'static,
    ) -> bool {
        if self.is_for(&key) {
            return false;
        }
        self.restart(ctx, what, db, key, work);
        true
    }

    /// Computes the value for `key` again, whatever it was for.
    pub fn restart(
        &mut self,
        ctx: &egui::Context,
        what: Work,
        db: &Path,
        key: K,
        work: impl FnOnce(&mut Store, Task) -> crate::Result<T> + Send + 'static,
    ) {
        if let Some(job) = &self.job {
            job.interrupt();
        }
        self.key = Some(key);
        self.job = Some(QueryJob::spawn_with_task(ctx, what, db, work));
    }

    /// Takes the running job's answer once it is there; true when one arrived. A cancelled job
    /// leaves no value (and is not started again until the key changes); a failed one keeps the
    /// last value beside its error; a lost one the window reports once (`jobs::take_lost`).
    pub fn poll(&mut self) -> bool {
        let Some(result) = self.job.as_mut().and_then(|job| job.pending.finished()) else {
            return false;
        };
        self.job = None;
        match result {
            Some(Ok(value)) => {
                self.value = Some(value);
                self.error = None;
            }
            Some(Err(crate::Error::Cancelled)) | None => {
                self.value = None;
                self.error = None;
            }
            Some(Err(e)) => self.error = Some(e.to_string()),
        }
        true
    }

    /// Stops the running job, if any; the value stays as it was.
    pub fn cancel(&mut self) {
        if let Some(job) = self.job.take() {
            job.interrupt();
        }
    }

    /// Forgets the value too.
    pub fn clear(&mut self) {
        self.cancel();
        self.key = None;
        self.value = None;
        self.error = None;
    }
}

impl<K, T> Derived<K, T> {
    /// The last value computed, even while a newer one is being computed or after it failed.
    pub fn last(&self) -> Option<&T> {
        self.value.as_ref()
    }

    /// The value, when it is for the key last wanted (no newer one is being computed, none
    /// failed).
    pub fn current(&self) -> Option<&T> {
        self.last()
            .filter(|_| self.job.is_none() && self.error.is_none())
    }

    /// Why the newest computation gave no value.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// What the value, or the running job, is for.
    pub fn key(&self) -> Option<&K> {
        self.key.as_ref()
    }

    /// The newest answer: its error, else the last value.
    pub fn answer(&self) -> Option<Result<&T, &str>> {
        match (&self.error, &self.value) {
            (Some(e), _) => Some(Err(e)),
            (None, Some(v)) => Some(Ok(v)),
            (None, None) => None,
        }
    }

    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// The running job's progress, for a bar with a cancel button.
    pub fn progress(&self) -> Option<&Progress> {
        self.job.as_ref().map(|job| job.pending.progress.as_ref())
    }

    /// Forgets what the value is for, so the next [`Derived::want`] computes it again (after
    /// an import, or on another base); the value stays on screen until then.
    pub fn forget(&mut self) {
        self.key = None;
    }
}
