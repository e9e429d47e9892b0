//! Work off the UI thread. A job runs on its own thread, reports progress through shared atomics
//! and its result through a channel; the app polls once per frame and never waits.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// What a running job shares with the window: how far it is, and whether to stop.
#[derive(Default)]
pub struct Progress {
    fraction_bits: AtomicU32,
    rows: AtomicU64,
    /// Which of the job's steps it is in; the screen that started the job names them.
    step: AtomicU32,
    cancel: AtomicBool,
}

impl Progress {
    /// Records the share done (0.0–1.0) and rows handled.
    pub fn set(&self, fraction: f32, rows: u64) {
        self.fraction_bits
            .store(fraction.to_bits(), Ordering::Relaxed);
        self.rows.store(rows, Ordering::Relaxed);
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

    /// The flag the library's long operations check.
    pub fn cancel_flag(&self) -> &AtomicBool {
        &self.cancel
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// A result that will arrive later, with the job's progress.
pub struct Pending<T> {
    rx: Receiver<T>,
    pub progress: Arc<Progress>,
}

impl<T: Send + 'static> Pending<T> {
    /// Runs `work` on a new thread; the window repaints when it reports and when it is done.
    pub fn spawn(ctx: &egui::Context, work: impl FnOnce(&Progress) -> T + Send + 'static) -> Self {
        let (tx, rx) = channel();
        let progress = Arc::new(Progress::default());
        let shared = progress.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let result = work(&shared);
            // The receiver is gone when the app moved on; the result is not needed then.
            let _ = tx.send(result);
            ctx.request_repaint();
        });
        Pending { rx, progress }
    }
}

impl<T> Pending<T> {
    /// The result, once it is there.
    pub fn poll(&mut self) -> Poll<T> {
        match self.rx.try_recv() {
            Ok(value) => Poll::Done(value),
            Err(TryRecvError::Empty) => Poll::Running,
            Err(TryRecvError::Disconnected) => Poll::Lost,
        }
    }
}

impl<T> Pending<T> {
    /// `None` while the job runs; then its result, or `Some(None)` if its thread died without one.
    pub fn finished(&mut self) -> Option<Option<T>> {
        match self.poll() {
            Poll::Running => None,
            Poll::Done(value) => Some(Some(value)),
            Poll::Lost => Some(None),
        }
    }
}

/// The state of a [`Pending`] job.
pub enum Poll<T> {
    Running,
    Done(T),
    /// The job's thread ended without a result: it panicked.
    Lost,
}

/// A query on the base that the window may drop half-way: when the owner edits the rule again,
/// the running count is interrupted (SQLite stops at its next step) and its answer ignored.
pub struct QueryJob<T> {
    pub pending: Pending<crate::Result<T>>,
    interrupt: Arc<std::sync::Mutex<Option<rusqlite::InterruptHandle>>>,
}

impl<T: Send + 'static> QueryJob<T> {
    /// Opens the base at `db` on a new thread and runs `work` on it.
    pub fn spawn(
        ctx: &egui::Context,
        db: &std::path::Path,
        work: impl FnOnce(&mut crate::store::Store) -> crate::Result<T> + Send + 'static,
    ) -> Self {
        let interrupt = Arc::new(std::sync::Mutex::new(None));
        let shared = interrupt.clone();
        let db = db.to_owned();
        let pending = Pending::spawn(ctx, move |_| {
            let mut store = crate::store::Store::open(&db)?;
            if let Ok(mut slot) = shared.lock() {
                *slot = Some(store.interrupt_handle());
            }
            work(&mut store)
        });
        QueryJob { pending, interrupt }
    }

    /// Stops the query if it is still running.
    pub fn interrupt(&self) {
        if let Ok(slot) = self.interrupt.lock()
            && let Some(handle) = slot.as_ref()
        {
            handle.interrupt();
        }
    }
}
