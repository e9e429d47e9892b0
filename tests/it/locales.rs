//! The interface texts: both languages complete, Russian plurals right.

use adresat::i18n::{Lang, Msg, tr_in};

fn ids(text: &str) -> Vec<&str> {
    let mut ids: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id))
        .filter(|id| !id.is_empty() && !id.starts_with([' ', '#']))
        .collect();
    ids.sort();
    ids
}

#[test]
fn both_languages_have_every_message() {
    let ru = include_str!("../../assets/locales/ru.ftl");
    let en = include_str!("../../assets/locales/en.ftl");
    assert_eq!(ids(ru), ids(en));
    for id in ids(ru) {
        for lang in [Lang::Ru, Lang::En] {
            assert_ne!(tr_in(lang, id, &[]), id, "{id} in {lang:?}");
        }
    }
}

#[test]
fn russian_plural_forms() {
    let contacts = |n: i64| {
        Msg::new("status-contacts")
            .arg("count", n)
            .arg("shown", adresat::format::group_thousands(n))
            .render(Lang::Ru)
    };
    assert_eq!(contacts(1), "1 контакт");
    assert_eq!(contacts(2), "2 контакта");
    assert_eq!(contacts(5), "5 контактов");
    assert_eq!(contacts(21), "21 контакт");
    assert_eq!(contacts(11), "11 контактов");
    assert_eq!(contacts(1_000_000), "1\u{a0}000\u{a0}000 контактов");
    assert_eq!(
        Msg::new("status-contacts")
            .arg("count", 1i64)
            .arg("shown", "1")
            .render(Lang::En),
        "1 contact"
    );
    assert_eq!(
        adresat::format::format_rubles(123_450),
        "1\u{a0}234,50\u{a0}₽"
    );
}

/// Every `tr("…")`, `Msg::new("…")` and `Msg::counted("…"` in the sources names a message that
/// exists, so no screen shows a bare id.
#[test]
fn every_message_the_code_names_exists() {
    fn sources(dir: &std::path::Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut texts = Vec::new();
    sources(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut texts,
    );
    let known = ids(include_str!("../../assets/locales/ru.ftl"));
    let mut missing = Vec::new();
    for text in &texts {
        for opener in ["tr(\"", "Msg::new(\"", "Msg::counted(\""] {
            for (at, _) in text.match_indices(opener) {
                // `push_str("` is not `tr("`.
                let before = text[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &text[at + opener.len()..];
                let id = &rest[..rest.find('"').unwrap()];
                if !known.contains(&id) {
                    missing.push(id.to_owned());
                }
            }
        }
    }
    // A grid's heading row names its message ids in a list.
    let mut headings = 0;
    for text in &texts {
        for (at, _) in text.match_indices("heading_row(") {
            let rest = &text[at..];
            let list = &rest[..rest.find(']').unwrap()];
            for id in list.split('"').skip(1).step_by(2) {
                headings += 1;
                if !known.contains(&id) {
                    missing.push(id.to_owned());
                }
            }
        }
    }
    assert!(headings > 20, "the heading rows' ids were not found");
    // The drop-downs' values name their message ids in `choice!` lists.
    let choices = include_str!("../../src/ui/choice.rs");
    for (at, _) in choices.match_indices("=> \"") {
        let rest = &choices[at + 4..];
        let id = &rest[..rest.find('"').unwrap()];
        if !known.contains(&id) {
            missing.push(id.to_owned());
        }
    }
    assert!(missing.is_empty(), "not in the locales: {missing:?}");
}

#[test]
fn each_thread_keeps_its_language_and_a_job_speaks_its_starters() {
    use adresat::i18n::{self, Lang};
    use adresat::ui::jobs::{Pending, Work};
    i18n::set_current(Lang::En);
    let beside = std::thread::spawn(|| {
        i18n::set_current(Lang::Ru);
        i18n::tr("nav-contacts")
    });
    assert_eq!(beside.join().unwrap(), "Контакты");
    assert_eq!(i18n::tr("nav-contacts"), "Contacts");
    let ctx = egui::Context::default();
    let mut job = Pending::spawn(&ctx, Work::Count, |_| i18n::tr("nav-contacts"));
    let started = std::time::Instant::now();
    let answer = loop {
        if let Some(answer) = job.finished() {
            break answer;
        }
        assert!(started.elapsed().as_secs() < 30, "the job never ended");
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    assert_eq!(answer.as_deref(), Some("Contacts"));
}
