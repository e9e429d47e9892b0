//! Work off the UI thread: a job runs on its own thread and its result arrives through a channel
//! that the app polls once per frame.

use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// A result that will arrive later.
pub struct Pending<T> {
    rx: Receiver<T>,
}

impl<T: Send + 'static> Pending<T> {
    /// Runs `work` on a new thread and asks `ctx` for a repaint when it is done.
    pub fn spawn(ctx: &egui::Context, work: impl FnOnce() -> T + Send + 'static) -> Self {
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            // The receiver may be gone if the app moved on; nothing to do then.
            let _ = tx.send(work());
            ctx.request_repaint();
        });
        Pending { rx }
    }

    /// The result, once; `None` while the work goes on.
    pub fn poll(&mut self) -> Option<T> {
        match self.rx.try_recv() {
            Ok(value) => Some(value),
            Err(TryRecvError::Empty) => None,
            // A job that panicked leaves no value; report it like an empty result would hang forever.
            Err(TryRecvError::Disconnected) => None,
        }
    }
}
