//! The plan's review (`plan::review`), which the Plan screen draws: made from a saved campaign,
//! every message rendered once for the checks and the first rows, who each reason left out, the
//! warnings before the export; and the task context every long job reports to.

use adresat::campaign::Exclusion;
use adresat::model::task::{Progress, Task};
use adresat::plan::review::{PREVIEW_ROWS, Review, Who};
use adresat::plan::{PlanSettings, Reason};

use crate::plan::{base, campaign, date, id_of, make, no_caps, utc};

fn at(seconds: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(seconds, 0).unwrap()
}

#[test]
fn a_review_shows_the_first_rows_as_the_file_will_and_keeps_the_rules() {
    let s = base();
    let c = campaign("whatsapp");
    s.store.save_campaign(&c, chrono::Utc::now()).unwrap();
    let options = adresat::plan::Options {
        daily_limit: Some(250),
        ..no_caps(date(2027, 1, 15))
    };
    let progress = Progress::new();
    let task = Task::new(&progress, at(utc(2027, 1, 1, 0, 0)));
    let review = Review::make(&s.store, "Зима", &options, task).unwrap();
    assert_eq!(progress.fraction(), 1.0);
    assert_eq!(PlanSettings::read(&s.store).unwrap(), options.rules());

    // Six planned (A7 never agreed, A8 left, A9 has only Telegram), all six shown.
    assert_eq!(review.plan.items.len(), 6);
    assert_eq!(review.rows.len(), 6.min(PREVIEW_ROWS));
    assert_eq!(review.checks.longest.map(|(_, n)| n > 0), Some(true));
    let a1 = &review.rows[0];
    assert_eq!(a1.message_id, review.plan.message_id(id_of(&s, "A1")));
    assert_eq!(
        (a1.name.as_str(), a1.address.as_str(), a1.variant.as_str()),
        ("Анна", "+79120000001", "VIP A")
    );
    assert_eq!(
        (a1.local.as_str(), a1.zone.as_str(), a1.utc.as_str()),
        ("15.01 10:00", "Europe/Moscow", "15.01 07:00")
    );
    assert_eq!(a1.text, "Анна, для вас особое!");
    let hours_utc: u64 = review.hours.0.iter().sum();
    assert_eq!(hours_utc, 6);

    // Who each reason left out.
    let no_consent = review.who(Who::Left(Reason::Audience(Exclusion::NoConsent)), 10);
    assert_eq!(no_consent, vec![id_of(&s, "A7")]);
    assert!(review.who(Who::Moved, 10).is_empty());
    assert!(review.warnings().is_empty());
}

#[test]
fn a_saved_plan_is_reviewed_again_as_it_was_made() {
    let mut s = base();
    let c = campaign("whatsapp");
    s.store.save_campaign(&c, chrono::Utc::now()).unwrap();
    // Four a day: two of the six go to the next day.
    let options = adresat::plan::Options {
        daily_limit: Some(4),
        ..no_caps(date(2027, 1, 15))
    };
    let p = make(&s, &c, &options, utc(2027, 1, 1, 0, 0));
    let id = p.save(&mut s.store).unwrap();
    let task = Task::unwatched(at(utc(2027, 1, 2, 0, 0)));
    let made = Review::of(&s.store, p.clone(), None, task).unwrap();
    let moved = made.who(Who::Moved, 10);
    assert_eq!(moved.len(), 2, "{:?}", made.summary);
    assert_eq!(moved.len() as u64, made.summary.moved_later);
    let warnings: Vec<&str> = made.warnings().iter().map(|m| m.id).collect();
    assert_eq!(warnings, ["plan-warning-moved"]);

    // Read back: the same messages at the same moments, exported without being saved again.
    let review = Review::of_saved(&s.store, id, task).unwrap();
    assert_eq!(review.saved, Some(id));
    let moments = |items: &[adresat::plan::Planned]| -> Vec<(i64, i64)> {
        items.iter().map(|i| (i.contact_id, i.send_at)).collect()
    };
    assert_eq!(moments(&review.plan.items), moments(&p.items));
    assert_eq!(review.rows, made.rows);
    // A campaign the base does not hold is named in the error.
    let e = Review::make(&s.store, "Нет такой", &no_caps(date(2027, 1, 15)), task)
        .err()
        .unwrap();
    assert!(e.to_string().contains("Нет такой"), "{e}");
}

#[test]
fn a_task_reports_its_parts_on_one_bar_and_stops_when_cancelled() {
    let progress = Progress::new();
    let task = Task::new(&progress, at(0));
    let inner = task.part(0.4, 1.0).part(0.5, 1.0);
    inner.report(0.5, 7);
    assert!((progress.fraction() - 0.85).abs() < 1e-6, "{progress:?}");
    assert_eq!(progress.rows(), 7);
    // A muted worker beside a reporting one leaves the bar alone.
    inner.muted().report(1.0, 99);
    assert_eq!(progress.rows(), 7);
    assert!(inner.stop_if().is_ok());
    progress.cancel();
    assert!(matches!(inner.stop_if(), Err(adresat::Error::Cancelled)));
    assert!(inner.muted().is_cancelled());
    assert_eq!(task.now(), at(0));
}
