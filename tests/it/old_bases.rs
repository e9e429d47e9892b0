//! Every old base opens: `tests/old_bases/vN.sqlite`, made by the binary of the last commit of
//! each schema version (`tests/old_bases/make.sh`), converted by this build. Every contact, tag,
//! order, event, segment, campaign and plan the old binary stored is still there, and a
//! contact's values read the same.

use std::path::{Path, PathBuf};

use adresat::store::{ContactKey, Store};

/// The tables whose rows are the owner's data, as every version named them.
const KEPT: [&str; 8] = [
    "contacts",
    "tags",
    "orders",
    "events",
    "segments",
    "campaigns",
    "plans",
    "plan_items",
];

fn old_bases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/old_bases");
    let mut bases: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sqlite"))
        .collect();
    bases.sort();
    bases
}

/// What an old base held: the rows of each kept table it has, and Мария's name and city.
struct Held {
    rows: Vec<(&'static str, i64)>,
    maria: Option<(String, String)>,
}

fn raw(path: &Path) -> Held {
    let conn = rusqlite::Connection::open(path).unwrap();
    let has = |table: &str| -> bool {
        conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
            [table],
            |r| r.get::<_, i64>(0),
        )
        .unwrap()
            > 0
    };
    let counts = KEPT
        .iter()
        .filter(|t| has(t))
        .map(|t| {
            let n = conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .unwrap();
            (*t, n)
        })
        .collect();
    let maria = conn
        .query_row(
            "SELECT coalesce(name, ''), coalesce(city, '') FROM contacts WHERE phone = '+79120000001'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .ok();
    Held {
        rows: counts,
        maria,
    }
}

#[test]
fn every_old_base_opens_with_all_it_held() {
    let bases = old_bases();
    assert!(bases.len() >= 10, "the old bases are missing: {bases:?}");
    for old in bases {
        let name = old.file_name().unwrap().to_string_lossy().into_owned();
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().join(&name);
        std::fs::copy(&old, &base).unwrap();
        let Held {
            rows: before,
            maria,
        } = raw(&base);
        assert!(
            before.iter().any(|(t, n)| *t == "contacts" && *n > 0),
            "{name}: the old binary stored no contacts"
        );
        let store = Store::open(&base).unwrap_or_else(|e| panic!("{name}: {e}"));
        let Held {
            rows: after,
            maria: maria_after,
        } = raw(&base);
        let rows = |t: &str| before.iter().find(|(x, _)| *x == t).map(|(_, n)| *n);
        for (table, n) in &before {
            let now = after.iter().find(|(t, _)| t == table).map(|(_, n)| *n);
            assert_eq!(now, Some(*n), "{name}: the rows of {table}");
        }
        assert_eq!(maria_after, maria, "{name}: Мария's name and city");
        if maria.is_some() {
            let id = store
                .find_contact(&ContactKey::Phone("+79120000001".into()))
                .unwrap()
                .expect("Мария found by her phone");
            let card = store.contact_card(id).unwrap().unwrap();
            assert_eq!(card.contact.city.as_deref(), Some("Казань"), "{name}");
        }
        // What the owner saved reads through today's API.
        if rows("segments").is_some_and(|n| n > 0) {
            assert!(
                store.segment("С согласием").unwrap().is_some(),
                "{name}: the segment"
            );
        }
        if rows("campaigns").is_some_and(|n| n > 0) {
            assert!(
                store.campaign("Зима").unwrap().is_some(),
                "{name}: the campaign"
            );
        }
        let stats = store.stats().unwrap();
        assert_eq!(Some(stats.contacts as i64), rows("contacts"), "{name}");
        if let Some(events) = rows("events") {
            assert_eq!(stats.events as i64, events, "{name}");
        }
    }
}
