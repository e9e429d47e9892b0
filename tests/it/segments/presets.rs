//! Every ready-made segment is an ordinary rule that selects someone on the demo base.

use adresat::segment::presets::{Meaning, MeaningKind, PRESETS, PresetId, suggest};
use adresat::segment::{self, Today};
use adresat::store::Store;

#[test]
fn every_preset_matches_someone_on_the_demo_base() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    adresat::demo::create_base(&db, 3000, dir.path(), crate::support::unwatched()).unwrap();
    let store = Store::open(&db).unwrap();
    let today = Today::at(chrono::Utc::now(), store.settings().unwrap().owner_tz);

    // Unanswered, a preset that needs the owner's words says which.
    let discount = PRESETS
        .iter()
        .find(|p| p.id == PresetId::DiscountFans)
        .unwrap();
    assert_eq!(discount.id.to_string(), "discount-fans");
    assert_eq!(discount.rule(&store), Err(Meaning::DiscountTag));

    // The owner answers from the base's own values; the hints put the likely one first.
    let tags: Vec<String> = store
        .tag_names()
        .unwrap()
        .into_iter()
        .map(|(_, n)| n)
        .collect();
    let sources = store.distinct_values("source").unwrap();
    let categories = store.distinct_values("category").unwrap();
    for p in PRESETS {
        for m in p.needs {
            let values = match m.kind() {
                MeaningKind::Tag => tags.clone(),
                MeaningKind::Source => sources.clone(),
                MeaningKind::Category => categories.clone(),
            };
            let answer = suggest(*m, values)[0].clone();
            store.set_setting(m.key(), &answer).unwrap();
        }
    }
    assert_eq!(
        store.get_setting(Meaning::DiscountTag.key()).unwrap(),
        "цена:скидки"
    );
    assert_eq!(
        store.get_setting(Meaning::QrSource.key()).unwrap(),
        "QR-код в магазине"
    );

    let total = store.stats().unwrap().contacts as u64;
    for p in PRESETS {
        let rule = p
            .rule(&store)
            .unwrap_or_else(|m| panic!("{}: {m:?} unanswered", p.id));
        let compiled = segment::prepare(&store, &rule, None, today)
            .unwrap_or_else(|e| panic!("{}: {e}", p.id));
        let n = segment::evaluate(&store, &compiled, false).unwrap().count;
        assert!(n > 0 && n < total, "{} selects {n} of {total}", p.id);
        for id in [format!("preset-{}", p.id), format!("preset-{}-about", p.id)] {
            assert_ne!(adresat::i18n::tr(&id), id, "no text for {id}");
        }
    }
}
