//! The scored customers as a CSV file (UTF-8 with BOM, for Excel): computed, stored and written
//! in one go. A second connection, on the second core, reads the customers' keys while RFM is
//! computed and writes the file from what was computed while the scores are stored.

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;
use std::sync::mpsc;

use chrono::NaiveDate;

use super::{Analysis, analyse, save};
use crate::error::{Error, Result};
use crate::format::kopecks_plain;
use crate::model::rfm::Scored;
use crate::model::task::Task;
use crate::staged::{Staged, temporary_beside};
use crate::store::{BuyerKeys, Store};

/// The file's columns.
const HEADER: [&str; 10] = [
    "contact_id",
    "customer_id",
    "phone",
    "recency_days",
    "frequency",
    "monetary",
    "r",
    "f",
    "m",
    "group",
];

/// Computes RFM as of `as_of`, stores it as [`super::recompute`] does, and writes one row per
/// scored customer to `path`, by contact id. The file appears only when both the scores are
/// stored and the file is complete; returns the analysis and how many rows were written.
pub fn recompute_into_file(
    store: &mut Store,
    as_of: NaiveDate,
    task: Task,
    path: &Path,
) -> Result<(Analysis, u64)> {
    let keys_store = store.another()?;
    let (send, scored) = mpsc::channel::<Vec<Scored>>();
    let (stored, written) = std::thread::scope(|scope| {
        let writing = scope.spawn(move || -> Result<(Staged, u64)> {
            let keys = keys_store.buyers_keys()?;
            // No customers come when computing or storing failed: nothing to write.
            let mut customers = scored.recv().map_err(|_| Error::Cancelled)?;
            customers.sort_unstable_by_key(|s| s.contact_id);
            write_scores(&customers, &keys, path)
        });
        let stored = compute_and_store(store, as_of, task, send);
        let written = writing.join().unwrap_or_else(|_| {
            Err(Error::io(
                path,
                std::io::Error::other("the file's writer failed"),
            ))
        });
        (stored, written)
    });
    let analysis = stored?;
    let (staged, n) = written?;
    staged.publish(path)?;
    task.report(1.0, n);
    Ok((analysis, n))
}

/// Computes and stores RFM, handing the scored customers to `send` as soon as they are known,
/// then moves the new scores into the base file while the other thread writes.
fn compute_and_store(
    store: &mut Store,
    as_of: NaiveDate,
    task: Task,
    send: mpsc::Sender<Vec<Scored>>,
) -> Result<Analysis> {
    let analysis = analyse(store, as_of)?;
    task.report(0.4, 0);
    task.stop_if()?;
    let _ = send.send(analysis.customers.clone());
    save(store, &analysis, task.part(0.4, 1.0))?;
    store.checkpoint()?;
    Ok(analysis)
}

/// Writes `customers` (by contact id) with their `keys` (by contact id too) into a file beside
/// `path`, not yet in its place.
fn write_scores(customers: &[Scored], keys: &[BuyerKeys], path: &Path) -> Result<(Staged, u64)> {
    let temp = temporary_beside(path)?;
    let io = |e: std::io::Error| Error::io(path, e);
    let csv_err = |e: csv::Error| Error::io(path, std::io::Error::other(e.to_string()));
    let mut file = std::io::BufWriter::new(std::fs::File::create(&temp).map_err(io)?);
    file.write_all("\u{feff}".as_bytes()).map_err(io)?;
    let mut w = csv::Writer::from_writer(file);
    w.write_record(HEADER).map_err(csv_err)?;
    // One buffer for the numbers: a file of a million rows makes no string per cell.
    let mut number = String::new();
    let mut field = |w: &mut csv::Writer<_>, value: &dyn std::fmt::Display| {
        number.clear();
        let _ = write!(number, "{value}");
        w.write_field(&number)
    };
    let mut keys = keys.iter().peekable();
    for s in customers {
        while keys.next_if(|k| k.0 < s.contact_id).is_some() {}
        let (external_id, phone) = match keys.peek() {
            Some((id, external_id, phone)) if *id == s.contact_id => {
                (external_id.as_deref(), phone.as_deref())
            }
            _ => (None, None),
        };
        field(&mut w, &s.contact_id).map_err(csv_err)?;
        w.write_field(external_id.unwrap_or_default())
            .map_err(csv_err)?;
        w.write_field(phone.unwrap_or_default()).map_err(csv_err)?;
        for value in [s.recency_days, s.frequency] {
            field(&mut w, &value).map_err(csv_err)?;
        }
        w.write_field(kopecks_plain(s.monetary_kop))
            .map_err(csv_err)?;
        for score in [s.r, s.f, s.m] {
            field(&mut w, &score).map_err(csv_err)?;
        }
        w.write_field(s.group.as_str()).map_err(csv_err)?;
        w.write_record(None::<&[u8]>).map_err(csv_err)?;
    }
    w.into_inner()
        .map_err(|e| io(e.into_error()))?
        .into_inner()
        .map_err(|e| io(e.into_error()))?;
    Ok((Staged::synced(temp, path)?, customers.len() as u64))
}
