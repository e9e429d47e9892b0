//! Activity events — what customers did on the site or in the shop — in the events import.

use adresat::import::ImportKind;
use rusqlite::Connection;

use crate::support::{Scratch, reject_ids};

type Stored = (String, String, String, Option<i64>, String);

fn stored(s: &Scratch) -> Vec<Stored> {
    let conn = Connection::open(s.store.path()).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT k.name, a.product, a.category, a.value_kop, a.url
             FROM activity a JOIN event_kinds k ON k.id = a.kind ORDER BY a.at",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

fn kind_count(s: &Scratch, kind: &str) -> i64 {
    Connection::open(s.store.path())
        .unwrap()
        .query_row(
            "SELECT count(*) FROM contact_kinds
             WHERE kind = (SELECT id FROM event_kinds WHERE name = ?1)",
            [kind],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn a_shops_activity_file_loads_by_email_in_russian_words_and_again_adds_nothing() {
    let mut s = Scratch::new();
    s.contacts("Email;Телефон\nanna@mail.ru;89120000001\noleg@mail.ru;89120000002\n");
    let text = "Email;Событие;Товар;Категория;Стоимость;Ссылка;Дата\n\
        anna@mail.ru;Просмотр товара;Платье синее;женская одежда;2 990;https://shop.ru/p/1;01.03.2026 10:00\n\
        Anna@Mail.ru;добавил в корзину;Платье синее;женская одежда;2 990,00;https://shop.ru/cart;01.03.2026 10:05\n\
        oleg@mail.ru;checkout;;;5000;;02.03.2026 12:00\n\
        oleg@mail.ru;Подписка  на новинки;;;;;02.03.2026 12:30\n\
        nobody@mail.ru;viewed;Шарф;;;;02.03.2026 13:00\n\
        anna@mail.ru;viewed;Шарф;;много;;02.03.2026 13:00\n";
    let path = s.file("activity.csv", text);
    let r = s.import(ImportKind::Events, &path);
    assert_eq!((r.read, r.inserted, r.rejected), (6, 4, 2));
    assert_eq!(
        reject_ids(&r),
        [(6, "reject-unknown-customer"), (7, "reject-amount")]
    );
    let own = r
        .warnings
        .iter()
        .find(|w| w.msg.id == "warn-own-activity-kinds")
        .expect("the owner's own kind is pointed out");
    assert!(format!("{:?}", own.msg).contains("подписка на новинки"));
    let dress = |kind: &str, url: &str| {
        (
            kind.to_owned(),
            "Платье синее".to_owned(),
            "женская одежда".to_owned(),
            Some(299_000),
            url.to_owned(),
        )
    };
    let bare = |kind: &str, value: Option<i64>| {
        (
            kind.to_owned(),
            String::new(),
            String::new(),
            value,
            String::new(),
        )
    };
    assert_eq!(
        stored(&s),
        [
            dress("viewed", "https://shop.ru/p/1"),
            dress("carted", "https://shop.ru/cart"),
            bare("checkout", Some(500_000)),
            bare("подписка на новинки", None),
        ]
    );
    assert_eq!((kind_count(&s, "viewed"), kind_count(&s, "carted")), (1, 1));
    assert_eq!(kind_count(&s, "подписка на новинки"), 1);
    let again = s.import(ImportKind::Events, &path);
    assert_eq!((again.inserted, again.updated, again.unchanged), (0, 0, 4));
    // The shop corrected the checkout's total: the same event, a new value.
    let fix = s.file(
        "fix.csv",
        "Email;Событие;Стоимость;Дата\noleg@mail.ru;checkout;4500;02.03.2026 12:00\n",
    );
    assert_eq!(s.import(ImportKind::Events, &fix).updated, 1);
    assert_eq!(stored(&s)[2].3, Some(450_000));
}

#[test]
fn a_row_of_a_campaign_with_a_word_no_service_reports_is_rejected_not_taken_for_activity() {
    let mut s = Scratch::new();
    s.contacts("Телефон\n89120000001\n");
    let path = s.file(
        "events.csv",
        "phone;campaign;status;date\n89120000001;Весна;прочтено;2026-03-02 10:00\n",
    );
    let r = s.import(ImportKind::Events, &path);
    assert_eq!(reject_ids(&r), [(2, "reject-event-kind")]);
    assert!(stored(&s).is_empty());
}
