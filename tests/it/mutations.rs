//! The import fixtures mutated — bytes flipped, cut short, stray quotes and separators, a 2 MB
//! field, a NUL, a line in another encoding, a header twice — 5,000 cases from a fixed seed:
//! no panic; either one clear error and every table of the base as it was, or a committed
//! import whose report adds up.

use std::path::{Path, PathBuf};

use adresat::import::{self, ConsentStatement, ImportKind, ImportOptions};
use adresat::model::task::Task;
use adresat::store::Store;
use chrono::TimeZone;

use crate::support::{Dice, dump};

const CASES: usize = 5_000;
const PARTS: usize = 4;

/// The moment every case imports at.
fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap()
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
}

/// A fixture and what it holds, read from its name (`contacts-…`, `orders-…`, `events-…`).
struct Fixture {
    name: String,
    kind: ImportKind,
    bytes: Vec<u8>,
}

fn fixture_files() -> Vec<Fixture> {
    let mut out: Vec<Fixture> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .map(|path| {
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            let kind = match name.split('-').next().unwrap() {
                "contacts" => ImportKind::Contacts,
                "orders" => ImportKind::Orders,
                "events" => ImportKind::Events,
                other => panic!("a fixture of no known kind: {other}"),
            };
            Fixture {
                name,
                kind,
                bytes: std::fs::read(&path).unwrap(),
            }
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out.push(xlsx_of(&out[0]));
    out
}

/// The first fixture's table as an Excel workbook, so the zip and sheet readers get mutated too.
fn xlsx_of(fixture: &Fixture) -> Fixture {
    let text = String::from_utf8_lossy(&fixture.bytes).into_owned();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(adresat::import::source::sniff_delimiter(&text) as u8)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, record) in reader.records().enumerate() {
        for (c, cell) in record.unwrap().iter().enumerate() {
            sheet.write_string(r as u32, c as u16, cell).unwrap();
        }
    }
    Fixture {
        name: fixture.name.replace(".csv", ".xlsx"),
        kind: fixture.kind,
        bytes: book.save_to_buffer().unwrap(),
    }
}

/// One mutation of `bytes`, chosen by the dice; its name for the failure message. A 2 MB field
/// is one case in 125 (40 of the 5,000): each takes a debug build a second.
fn mutate(bytes: &[u8], dice: &mut Dice) -> (Vec<u8>, &'static str) {
    if dice.below(125) == 0 {
        let mut out = bytes.to_vec();
        let i = dice.below(out.len() as u64 + 1) as usize;
        out.splice(i..i, std::iter::repeat_n(b'x', 2 << 20));
        return (out, "a 2 MB field");
    }
    small(bytes, dice)
}

/// One of the mutations that keep the file's size, or two of them.
fn small(bytes: &[u8], dice: &mut Dice) -> (Vec<u8>, &'static str) {
    let mut out = bytes.to_vec();
    let at = |dice: &mut Dice, len: usize| dice.below(len as u64 + 1) as usize;
    let name = match dice.below(8) {
        0 => {
            for _ in 0..=dice.below(8) {
                let i = at(dice, out.len().saturating_sub(1));
                if let Some(b) = out.get_mut(i) {
                    *b ^= 1 << dice.below(8);
                }
            }
            "bytes flipped"
        }
        1 => {
            out.truncate(at(dice, bytes.len()));
            "cut short"
        }
        2 => {
            for _ in 0..=dice.below(3) {
                out.insert(at(dice, out.len()), b'"');
            }
            "stray quotes"
        }
        3 => {
            let separator = [b';', b',', b'\t', b'\n', b'\r'][dice.below(5) as usize];
            for _ in 0..=dice.below(3) {
                out.insert(at(dice, out.len()), separator);
            }
            "stray separators"
        }
        4 => {
            out.insert(at(dice, out.len()), 0);
            "a NUL"
        }
        5 => {
            other_encoding(&mut out, dice);
            "a line in another encoding"
        }
        6 => {
            header_twice(&mut out);
            "a header twice"
        }
        _ => {
            let (once, _) = small(&out, dice);
            let (twice, _) = small(&once, dice);
            out = twice;
            "two mutations"
        }
    };
    (out, name)
}

/// One line of the text re-encoded in Windows-1251 or UTF-16, the rest left as it was.
fn other_encoding(bytes: &mut Vec<u8>, dice: &mut Dice) {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let pick = dice.below(lines.len() as u64) as usize;
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if i != pick {
            out.extend_from_slice(line.as_bytes());
        } else if dice.below(2) == 0 {
            out.extend_from_slice(&encoding_rs::WINDOWS_1251.encode(line).0);
        } else {
            out.extend(line.encode_utf16().flat_map(u16::to_le_bytes));
        }
    }
    *bytes = out;
}

/// The header line's second column renamed as its first.
fn header_twice(bytes: &mut Vec<u8>) {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let Some((header, rest)) = text.split_once('\n') else {
        return;
    };
    let separator = adresat::import::source::sniff_delimiter(header);
    let mut cells: Vec<&str> = header.split(separator).collect();
    if cells.len() > 1 {
        cells[1] = cells[0];
    }
    *bytes = format!("{}\n{rest}", cells.join(&separator.to_string())).into_bytes();
}

fn options(kind: ImportKind) -> ImportOptions {
    let mut options = ImportOptions::new(kind, now());
    if kind == ImportKind::Contacts {
        options.consent =
            ConsentStatement::new("форма на сайте", "01.11.2026", chrono_tz::UTC, now()).ok();
    }
    options
}

/// A base holding the own-format contacts, orders and events, saved as `path`.
fn seeded(path: &Path) {
    let mut store = Store::open(path).unwrap();
    for (kind, file) in [
        (ImportKind::Contacts, "contacts-own.csv"),
        (ImportKind::Orders, "orders-own.csv"),
        (ImportKind::Events, "events-own.csv"),
    ] {
        import::run(
            &mut store,
            &fixtures().join(file),
            &options(kind),
            Task::unwatched(now()),
        )
        .unwrap();
    }
}

/// The cases whose number leaves `part` when divided by [`PARTS`]: the suite in four tests, so
/// they run side by side.
fn cases(part: usize) {
    let dir = tempfile::tempdir().unwrap();
    let seed = dir.path().join("seed.sqlite");
    seeded(&seed);
    let before = dump(&seed);
    let fixtures = fixture_files();
    let mut dice = Dice(0x00ad_7e5a + part as u64);
    let (mut failed, mut committed) = (0, 0);
    for case in (part..CASES).step_by(PARTS) {
        let fixture = &fixtures[case % fixtures.len()];
        let (bytes, mutation) = mutate(&fixture.bytes, &mut dice);
        let base = dir.path().join("base.sqlite");
        for side in ["base.sqlite-wal", "base.sqlite-shm"] {
            let _ = std::fs::remove_file(dir.path().join(side));
        }
        std::fs::copy(&seed, &base).unwrap();
        let file = dir.path().join(&fixture.name);
        std::fs::write(&file, &bytes).unwrap();
        let what = format!("case {case}: {} with {mutation}", fixture.name);
        let mut store = Store::open(&base).unwrap();
        let _ = import::preview(&store, &file, &options(fixture.kind), 20);
        match import::run(
            &mut store,
            &file,
            &options(fixture.kind),
            Task::unwatched(now()),
        ) {
            Ok(r) => {
                committed += 1;
                assert_eq!(
                    r.read,
                    r.inserted + r.updated + r.unchanged + r.merged + r.folded + r.rejected,
                    "{what}: the report adds up"
                );
            }
            Err(e) => {
                failed += 1;
                assert!(
                    matches!(e, adresat::Error::User(_)),
                    "{what}: not a message for the owner: {e}"
                );
                assert!(!e.to_string().trim().is_empty(), "{what}: an empty message");
                drop(store);
                assert!(dump(&base) == before, "{what}: the base changed");
            }
        }
    }
    // Both ways out were taken many times, or the mutations test little.
    assert!(
        failed > 100 && committed > 100,
        "{failed} failed, {committed} committed"
    );
}

#[test]
fn mutated_imports_fail_clearly_and_change_nothing_or_add_up_1() {
    cases(0);
}

#[test]
fn mutated_imports_fail_clearly_and_change_nothing_or_add_up_2() {
    cases(1);
}

#[test]
fn mutated_imports_fail_clearly_and_change_nothing_or_add_up_3() {
    cases(2);
}

#[test]
fn mutated_imports_fail_clearly_and_change_nothing_or_add_up_4() {
    cases(3);
}
