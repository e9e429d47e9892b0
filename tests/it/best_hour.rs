//! Each contact's best hour, learned from generated histories: sends at varied hours read
//! mostly at the person's own hour teach that hour; a base always sent at 10:00 and read at once
//! teaches nothing; plans on "each contact's best hour" never send inside the quiet hours.

use adresat::campaign::Campaign;
use adresat::import::ImportKind;
use adresat::model::reaction_hours::{BestHour, Hours};
use adresat::plan::{self, HourCounts, Options, Plan, Span, TimeOfDay, Timing};
use adresat::segment::Rule;
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

use crate::support::{Dice, Scratch};

const ZONES: [&str; 4] = [
    "Europe/Kaliningrad",
    "Europe/Moscow",
    "Asia/Yekaterinburg",
    "Asia/Novosibirsk",
];

/// One generated contact: their zone and the local hour they read at.
struct Person {
    phone: String,
    tz: Tz,
    hour: u32,
}

fn people(n: usize, dice: &mut Dice) -> Vec<Person> {
    (0..n)
        .map(|i| Person {
            phone: format!("8912{:07}", i + 1),
            tz: ZONES[i % ZONES.len()].parse().unwrap(),
            hour: 8 + dice.below(14) as u32,
        })
        .collect()
}

/// A base with `people`, all with consent.
fn base_of(people: &[Person]) -> Scratch {
    let mut s = Scratch::new();
    add_people(&mut s, people, "");
    s
}

/// Imports `people` with the tag `tag`.
fn add_people(s: &mut Scratch, people: &[Person], tag: &str) {
    let mut csv = String::from("Телефон;Часовой пояс;Согласие на рассылку;Теги\n");
    for p in people {
        csv += &format!("{};{};да;{tag}\n", p.phone, p.tz.name());
    }
    assert_eq!(s.contacts(&csv).inserted as usize, people.len());
}

fn stamp(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The moment of local `hour:minute` on `day` in `tz`.
fn local(tz: Tz, day: NaiveDate, hour: u32, minute: u32) -> DateTime<Utc> {
    tz.from_local_datetime(&day.and_hms_opt(hour, minute, 0).unwrap())
        .earliest()
        .unwrap()
        .with_timezone(&Utc)
}

/// Imports the events `lines` (phone;campaign;kind;moment).
fn import_events(s: &mut Scratch, lines: &[String]) {
    let text = format!("Телефон;Кампания;Событие;Время\n{}\n", lines.join("\n"));
    let path = s.file("events.csv", &text);
    let r = s.import(ImportKind::Events, &path);
    assert_eq!(r.rejected, 0, "{:?}", r.rejects);
}

/// Six campaigns over the last five months, each sent at another local hour; each person reads
/// four of five at their own hour (the next day when that hour has passed), the rest two to
/// three hours after the message.
fn varied_history(people: &[Person], dice: &mut Dice) -> Vec<String> {
    let today = Utc::now().date_naive();
    let mut lines = Vec::new();
    for (c, send_hour) in [9u32, 11, 13, 15, 17, 19].into_iter().enumerate() {
        let day = today - Duration::days(150 - 25 * c as i64);
        for p in people {
            let sent = local(p.tz, day, send_hour, 0);
            lines.push(format!(
                "{};Кампания {c};доставлено;{}",
                p.phone,
                stamp(sent)
            ));
            let read = if dice.below(5) < 4 {
                let same_day = local(p.tz, day, p.hour, dice.below(60) as u32);
                if same_day > sent {
                    same_day
                } else {
                    same_day + Duration::days(1)
                }
            } else {
                sent + Duration::minutes(120 + dice.below(60) as i64)
            };
            lines.push(format!(
                "{};Кампания {c};прочитано;{}",
                p.phone,
                stamp(read)
            ));
        }
    }
    lines
}

fn hours_by_phone(s: &Scratch, people: &[Person]) -> Vec<(usize, Option<Hours>)> {
    let all = crate::support::reaction_hours(&s.store);
    people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let id = s
                .store
                .find_contact(&adresat::store::ContactKey::Phone(format!(
                    "+7{}",
                    &p.phone[1..]
                )))
                .unwrap()
                .unwrap();
            (i, all.get(&id).cloned())
        })
        .collect()
}

#[test]
fn reads_at_their_own_hour_after_varied_sends_teach_that_hour() {
    let mut dice = Dice(0x5eed);
    let people = people(400, &mut dice);
    let mut s = base_of(&people);
    import_events(&mut s, &varied_history(&people, &mut dice));
    let learned = hours_by_phone(&s, &people);
    let telling: Vec<_> = learned
        .iter()
        .filter_map(|(i, h)| h.as_ref().filter(|h| h.total() >= 3).map(|h| (*i, h)))
        .collect();
    assert!(
        telling.len() >= 380,
        "{} of 400 had 3 telling reactions",
        telling.len()
    );
    let right = telling
        .iter()
        .filter(|(i, h)| h.best() == Some(people[*i].hour as u8))
        .count();
    assert!(
        right * 10 >= telling.len() * 9,
        "{right} of {} got their own hour",
        telling.len()
    );
    let (base, with_hour) = s.store.base_reaction_hours().unwrap();
    assert_eq!(with_hour as usize, telling.len());
    assert_eq!(base.total() as usize, 6 * people.len());
    let (i, hours) = telling[0];
    let id = s.by_phone(&format!("+7{}", &people[i].phone[1..])).0.id;
    let card = s.store.contact_card(id).unwrap().unwrap();
    assert_eq!(
        card.reaction_hours.best(),
        hours.best(),
        "the card shows the learned hour"
    );
    assert_eq!(card.reaction_hours.total(), hours.total());
}

#[test]
fn a_base_always_sent_at_ten_and_read_at_once_learns_nothing() {
    let mut dice = Dice(7);
    let people = people(60, &mut dice);
    let mut s = base_of(&people);
    let today = Utc::now().date_naive();
    let mut lines = Vec::new();
    for c in 0..6 {
        let day = today - Duration::days(20 + 20 * c);
        for p in &people {
            let sent = local(p.tz, day, 10, 0);
            let read = sent + Duration::minutes(1 + dice.below(30) as i64);
            lines.push(format!(
                "{};Рассылка {c};доставлено;{}",
                p.phone,
                stamp(sent)
            ));
            lines.push(format!(
                "{};Рассылка {c};прочитано;{}",
                p.phone,
                stamp(read)
            ));
        }
    }
    import_events(&mut s, &lines);
    assert!(crate::support::reaction_hours(&s.store).is_empty());
    let (base, with_hour) = s.store.base_reaction_hours().unwrap();
    assert_eq!((base.total(), base.best(), with_hour), (0, None, 0));
}

#[test]
fn reactions_older_than_half_a_year_are_forgotten_and_recent_ones_weigh_more() {
    let mut dice = Dice(11);
    let people = people(1, &mut dice);
    let p = &people[0];
    let mut s = base_of(&people);
    let today = Utc::now().date_naive();
    let mut lines = Vec::new();
    // Long ago: five reads at 08:00, after sends at two hours; lately: three reads at 20:00.
    for (c, days_ago, send, read) in [
        (0, 400, 9, 8),
        (1, 380, 12, 8),
        (2, 360, 9, 8),
        (3, 340, 12, 8),
        (4, 320, 9, 8),
        (5, 100, 9, 20),
        (6, 80, 12, 20),
        (7, 60, 9, 20),
    ] {
        let day = today - Duration::days(days_ago);
        let sent = local(p.tz, day, send, 0);
        let at = local(p.tz, day + Duration::days(1), read, 15);
        lines.push(format!("{};К{c};доставлено;{}", p.phone, stamp(sent)));
        lines.push(format!("{};К{c};прочитано;{}", p.phone, stamp(at)));
    }
    import_events(&mut s, &lines);
    let hours = hours_by_phone(&s, &people).remove(0).1.unwrap();
    assert_eq!((hours.total(), hours.best()), (3, Some(20)));
    // Within the window, a newer reaction outweighs an older one at another hour.
    let mut two = Hours::default();
    two.add(9, 1, 1.0);
    two.add(18, 1, 2.0);
    two.add(9, 1, 0.5);
    assert_eq!(two.best(), Some(18));
}

/// A segment of the contacts tagged `tag`.
fn tagged(s: &Scratch, name: &str, tag: &str) {
    let rule = format!(
        r#"{{"version":1,"mode":"all","items":[{{"type":"tags","op":"has","tags":["{tag}"]}}]}}"#
    );
    let rule = Rule::from_json(&rule).unwrap();
    s.store.save_segment(name, &rule, "", Utc::now()).unwrap();
}

/// Tomorrow's plan of a campaign to both tags' segments on "each contact's best hour within
/// `window`" (10:00 where nothing is learned), quiet hours 21:00–09:00, no caps.
fn best_hour_plan(s: &Scratch, window: &str) -> Plan {
    let campaign = Campaign::from_json(
        r#"{"name": "Час", "channel": "whatsapp", "sleeping": null, "variants": [
            {"name": "С историей", "segment": "С историей", "text": "Привет"},
            {"name": "Новые", "segment": "Новые", "text": "Привет"}]}"#,
    )
    .unwrap();
    let tomorrow = Utc::now().date_naive() + Duration::days(1);
    let options = Options {
        timing: Timing::BestHour(BestHour::new(
            Span::parse(window).unwrap(),
            TimeOfDay::new(10, 0),
        )),
        quiet: Some(Span::parse("21:00-09:00").unwrap()),
        cap_hours: None,
        cap_week: None,
        ..Options::new(tomorrow, None)
    };
    plan::build(&s.store, &campaign, &options, crate::support::unwatched()).unwrap()
}

/// The local time of each planned message, by phone.
fn local_times(plan: &Plan, s: &Scratch) -> Vec<(String, chrono::NaiveTime)> {
    plan.items
        .iter()
        .map(|p| {
            let (c, _) = s.store.contact(p.contact_id).unwrap().unwrap();
            let at = DateTime::from_timestamp(p.send_at, 0)
                .unwrap()
                .with_timezone(&p.tz);
            (c.phone.unwrap_or_default(), at.time())
        })
        .collect()
}

#[test]
fn a_plan_on_the_best_hour_sends_at_the_learned_hour_inside_the_window_and_never_in_quiet_hours() {
    let mut dice = Dice(0xbe57);
    let everyone = people(240, &mut dice);
    let (history, rest) = everyone.split_at(200);
    let (unread, newcomers) = rest.split_at(10);
    let mut s = Scratch::new();
    add_people(&mut s, history, "история");
    add_people(&mut s, unread, "история");
    add_people(&mut s, newcomers, "новые");
    tagged(&s, "С историей", "история");
    tagged(&s, "Новые", "новые");
    import_events(&mut s, &varied_history(history, &mut dice));
    let learned: Vec<Option<u8>> = hours_by_phone(&s, history)
        .into_iter()
        .map(|(_, h)| h.and_then(|h| h.best()))
        .collect();
    let with_hour = learned.iter().filter(|h| h.is_some()).count() as u64;

    let plan = best_hour_plan(&s, "09:00-20:00");
    assert_eq!(plan.items.len(), 240);
    assert_eq!(
        plan.summary(chrono_tz::Europe::Moscow).best_hours,
        Some(HourCounts {
            learned: with_hour,
            segment: 200 - with_hour + 10,
            base: 30,
            default: 0,
        })
    );
    let times: std::collections::HashMap<String, chrono::NaiveTime> =
        local_times(&plan, &s).into_iter().collect();
    for (p, hour) in history.iter().zip(&learned) {
        let Some(hour) = hour else { continue };
        let expected = u32::from(*hour).clamp(9, 19);
        let at = times[&format!("+7{}", &p.phone[1..])];
        assert_eq!(
            at,
            chrono::NaiveTime::from_hms_opt(expected, 0, 0).unwrap(),
            "{}",
            p.phone
        );
    }
    // A window wider than the day the quiet hours leave: no one is sent to inside them.
    let wide = best_hour_plan(&s, "07:00-23:00");
    let quiet = Span::parse("21:00-09:00").unwrap();
    let quiet_ones: Vec<_> = local_times(&wide, &s)
        .into_iter()
        .filter(|(_, t)| quiet.contains(*t))
        .collect();
    assert!(quiet_ones.is_empty(), "{quiet_ones:?}");
    assert_eq!(wide.items.len(), 240);
}

#[test]
fn where_nothing_is_learned_everyone_gets_the_plans_time() {
    let mut dice = Dice(3);
    let people = people(20, &mut dice);
    let mut s = Scratch::new();
    add_people(&mut s, &people[..19], "история");
    add_people(&mut s, &people[19..], "новые");
    tagged(&s, "С историей", "история");
    tagged(&s, "Новые", "новые");
    let plan = best_hour_plan(&s, "09:00-20:00");
    let counts = plan.summary(chrono_tz::Europe::Moscow).best_hours.unwrap();
    assert_eq!((counts.learned, counts.default), (0, 20));
    assert!(
        local_times(&plan, &s)
            .iter()
            .all(|(_, t)| *t == TimeOfDay::new(10, 0).time())
    );
}
