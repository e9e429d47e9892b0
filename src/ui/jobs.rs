//! Work off the UI thread. A job runs on its own thread, reports progress through shared atomics
//! and its result through a channel; the app polls once per frame and never waits.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

pub use crate::model::task::{Progress, Task};

/// What a background job does, in the words a lost job is reported with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    ReadBase,
    SaveSettings,
    Demo,
    Count,
    Save,
    Overlap,
    SegmentExport,
    ConsentExport,
    Search,
    ReadContacts,
    Results,
    FileDialog,
    Plan,
    PlanExport,
    CampaignFile,
    Audience,
    Checks,
    MessagePreview,
    ImportPreview,
    Import,
    WriteRejects,
    Rfm,
    Explain,
}

impl Work {
    /// The work's name in the interface's words.
    pub fn name(self) -> String {
        crate::i18n::tr(match self {
            Work::ReadBase => "work-read-base",
            Work::SaveSettings => "work-save-settings",
            Work::Demo => "work-demo",
            Work::Count => "work-count",
            Work::Save => "work-save",
            Work::Overlap => "work-overlap",
            Work::SegmentExport => "work-segment-export",
            Work::ConsentExport => "work-consent-export",
            Work::Search => "work-search",
            Work::ReadContacts => "work-read-contacts",
            Work::Results => "work-results",
            Work::FileDialog => "work-file-dialog",
            Work::Plan => "work-plan",
            Work::PlanExport => "work-plan-export",
            Work::CampaignFile => "work-campaign-file",
            Work::Audience => "work-audience",
            Work::Checks => "work-checks",
            Work::MessagePreview => "work-message-preview",
            Work::ImportPreview => "work-import-preview",
            Work::Import => "work-import",
            Work::WriteRejects => "work-write-rejects",
            Work::Rfm => "work-rfm",
            Work::Explain => "work-explain",
        })
    }
}

/// A job whose thread ended without a result: it panicked. The window says so once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lost {
    pub work: Work,
    /// What the panic said.
    pub reason: String,
}

impl Lost {
    /// The sentence the owner reads.
    pub fn message(&self) -> String {
        crate::i18n::Msg::new("job-lost")
            .arg("work", self.work.name())
            .arg("reason", self.reason.as_str())
            .to_string()
    }
}

fn lost_id() -> egui::Id {
    egui::Id::unique("adresat-lost-jobs")
}

/// The jobs lost since the last call, each handed out once.
pub fn take_lost(ctx: &egui::Context) -> Vec<Lost> {
    ctx.data_mut(|d| std::mem::take(d.get_temp_mut_or_default::<Vec<Lost>>(lost_id())))
}

/// What a panic's payload says.
fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// A result that will arrive later, with the job's progress.
pub struct Pending<T> {
    rx: Receiver<T>,
    pub progress: Arc<Progress>,
}

impl<T: Send + 'static> Pending<T> {
    /// Runs `work` on a new thread, its task at this moment and reporting to the window's bar;
    /// the window repaints when it is done. A job that panics is [`Lost`]: [`take_lost`] hands
    /// it to the window, named by `what`.
    pub fn spawn(
        ctx: &egui::Context,
        what: Work,
        work: impl FnOnce(Task) -> T + Send + 'static,
    ) -> Self {
        let (tx, rx) = channel();
        let progress = Arc::new(Progress::default());
        let shared = progress.clone();
        let ctx = ctx.clone();
        let now = chrono::Utc::now();
        // The job speaks the language of the window that started it.
        let lang = crate::i18n::current();
        std::thread::spawn(move || {
            crate::i18n::set_current(lang);
            let task = Task::new(&shared, now);
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(task)));
            match outcome {
                // The receiver is gone when the app moved on; the result is not needed then.
                Ok(result) => {
                    let _ = tx.send(result);
                }
                Err(payload) => {
                    let lost = Lost {
                        work: what,
                        reason: panic_text(payload.as_ref()),
                    };
                    ctx.data_mut(|d| d.get_temp_mut_or_default::<Vec<Lost>>(lost_id()).push(lost));
                }
            }
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
        what: Work,
        db: &std::path::Path,
        work: impl FnOnce(&mut crate::store::Store) -> crate::Result<T> + Send + 'static,
    ) -> Self {
        QueryJob::spawn_with_task(ctx, what, db, move |store, _| work(store))
    }

    /// As [`QueryJob::spawn`], for a query that reports its progress to the job's task.
    pub fn spawn_with_task(
        ctx: &egui::Context,
        what: Work,
        db: &std::path::Path,
        work: impl FnOnce(&mut crate::store::Store, Task) -> crate::Result<T> + Send + 'static,
    ) -> Self {
        let interrupt = Arc::new(std::sync::Mutex::new(None));
        let shared = interrupt.clone();
        let db = db.to_owned();
        let pending = Pending::spawn(ctx, what, move |task| {
            let mut store = crate::store::Store::open(&db)?;
            if let Ok(mut slot) = shared.lock() {
                *slot = Some(store.interrupt_handle());
            }
            // Interrupted before its handle was there: the query must not start.
            task.stop_if()?;
            work(&mut store, task)
        });
        QueryJob { pending, interrupt }
    }

    /// Stops the query if it is still running, or keeps it from starting; it then ends with
    /// [`crate::Error::Cancelled`].
    pub fn interrupt(&self) {
        self.pending.progress.cancel();
        if let Ok(slot) = self.interrupt.lock()
            && let Some(handle) = slot.as_ref()
        {
            handle.interrupt();
        }
    }
}
