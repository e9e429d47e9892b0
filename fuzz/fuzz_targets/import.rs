//! The file sniffer, the CSV/XLSX/HTML-table readers and the row normalisers of contacts,
//! orders and events, on any bytes: no panic; a committed import's report adds up.

#![no_main]

use adresat::import::{self, ImportKind};
use adresat::model::task::Task;
use adresat_fuzz::{Scratch, now, options};
use libfuzzer_sys::fuzz_target;

const KINDS: [ImportKind; 3] = [ImportKind::Contacts, ImportKind::Orders, ImportKind::Events];
const EXTENSIONS: [&str; 5] = ["csv", "xlsx", "xls", "tsv", "txt"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, file)) = data.split_first() else {
        return;
    };
    let kind = KINDS[usize::from(pick) % KINDS.len()];
    let extension = EXTENSIONS[usize::from(pick / 3) % EXTENSIONS.len()];
    let options = options(kind, pick & 0x80 != 0);
    // A fresh base each time: what one input imported must not hide the next one's fault.
    let mut scratch = Scratch::filled();
    let path = scratch.path(&format!("input.{extension}"));
    std::fs::write(&path, file).expect("the input written");
    let _ = import::preview(&scratch.store, &path, &options, 20);
    if let Ok(r) = import::run(&mut scratch.store, &path, &options, Task::unwatched(now())) {
        assert_eq!(
            r.read,
            r.inserted + r.updated + r.unchanged + r.merged + r.folded + r.rejected,
            "the report adds up"
        );
    }
});
