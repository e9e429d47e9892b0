//! Saving a run: its one file first (staged beside the target), then — in one transaction —
//! its plans, its entries moved on, the scenarios' marks; only then is the file put in place.
//! A run whose file failed saves nothing, so its entries stay where they were and the next run
//! plans the same steps again; a file that cannot be put in place takes the saved run back out.

use super::Run;
use crate::error::Result;
use crate::model::task::Task;
use crate::plan::export::{Exported, Target, write_plans_staged};
use crate::store::Store;

/// A run saved: its id, and the file written (none when nothing was due).
#[derive(Debug, Clone)]
pub struct SavedRun {
    pub id: i64,
    pub exported: Option<Exported>,
}

/// Writes `run`'s messages to `target` and saves the run (see the module's notes). A run with
/// no message due writes no file but is saved, so its entries and triggers move on.
pub fn save_and_export(store: &Store, run: &Run, target: &Target, task: Task) -> Result<SavedRun> {
    let staged = match run.messages() {
        0 => None,
        _ => Some(write_plans_staged(store, &run.plans, target, task)?),
    };
    let plans: Vec<_> = run
        .plans
        .iter()
        .map(|p| (p.header(), p.saved_items().collect()))
        .collect();
    let mut base = store.another()?;
    let id = base.save_run(&run.record, &plans, &mut || task.stop_if())?;
    let Some((staged, exported)) = staged else {
        return Ok(SavedRun { id, exported: None });
    };
    if let Err(e) = staged.publish(&exported.path) {
        base.delete_run(id)?;
        return Err(e);
    }
    Ok(SavedRun {
        id,
        exported: Some(exported),
    })
}
