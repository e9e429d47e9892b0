//! Several plans in one file: a scenario run's plans (one per scenario with messages) written
//! one after the other under one header, into one staged file or one folder of batches, with
//! the checks and findings of all of them.

use super::{
    Exported, Out, Target, Writing, Written, batches, renderer_for, wa_params, write_rows,
};
use crate::error::{Error, Result};
use crate::model::task::Task;
use crate::plan::batches::Batches;
use crate::plan::profile::Split;
use crate::plan::sinks::{self, BIG_BUFFER, Opening};
use crate::plan::{Plan, Planned};
use crate::staged::{Staged, temporary_beside, temporary_folder_beside};
use crate::store::Store;

/// Writes several plans (a scenario run's, one per scenario) one after the other into one
/// staged target under one header, as [`export`] writes one; nothing is published.
pub(crate) fn write_plans_staged(
    store: &Store,
    plans: &[Plan],
    target: &Target,
    task: Task,
) -> Result<(Staged, Exported)> {
    target.profile.validate().map_err(Error::user)?;
    let Some(first) = plans.first() else {
        return Err(Error::io(&target.path, std::io::Error::other("no plan")));
    };
    let destination = target.destination(first);
    let mut params = 0;
    for plan in plans {
        params = params.max(wa_params(
            plan,
            &renderer_for(store, plan, &target.profile)?,
        ));
    }
    let items: Vec<Planned> = plans.iter().flat_map(|p| p.items.iter().copied()).collect();
    let owner = store.settings()?.owner_tz;
    let split = target.split != Split::None;
    let folder = match split {
        true => {
            batches::check_count(target.split, &items)?;
            Some(temporary_folder_beside(&destination)?)
        }
        false => None,
    };
    let temp = match split {
        true => None,
        false => Some(temporary_beside(&destination)?),
    };
    let mut out = match (&temp, &folder) {
        (Some(temp), _) => Out::File(sinks::open(Opening {
            path: temp,
            profile: &target.profile,
            sheet_rows: target.sheet_rows,
            part: false,
            buffer: BIG_BUFFER,
        })?),
        (None, Some(folder)) => Out::Batches(Batches::new(
            folder.path(),
            &target.profile,
            target.sheet_rows,
            target.split,
            first.demo,
            owner,
        )),
        (None, None) => unreachable!("a file or a folder was made"),
    };
    let mut written: Option<Written> = None;
    let n = plans.len() as f32;
    for (i, plan) in plans.iter().enumerate() {
        let writing = Writing {
            params: Some(params),
            started: i > 0,
            ..Writing::of(target)
        };
        let part = task.part(i as f32 / n, (i + 1) as f32 / n);
        let more = write_rows(store, plan, &plan.items, &mut out, &writing, part)?;
        match &mut written {
            Some(w) => w.merge(more),
            None => written = Some(more),
        }
    }
    let written = written.expect("at least one plan");
    let (sheets, batches) = match out {
        Out::File(sink) => (sink.finish()?, Vec::new()),
        Out::Batches(b) => (1, b.finish()?),
        Out::Nowhere => unreachable!("a file or batches"),
    };
    let mut exported = written.into_exported(&destination, sheets);
    exported.batches = batches;
    let staged = match (temp, folder) {
        (Some(temp), _) => Staged::synced(temp, &destination)?,
        (None, Some(folder)) => Staged::synced_folder(folder, &destination)?,
        (None, None) => unreachable!("a file or a folder was made"),
    };
    task.stop_if()?;
    if let Some(first) = exported.findings.list().into_iter().find(|f| f.blocking) {
        return Err(Error::user(first.msg));
    }
    exported.path = destination;
    Ok((staged, exported))
}
