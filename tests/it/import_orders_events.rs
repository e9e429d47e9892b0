//! Orders and events: amounts, unknown customers, idempotent re-imports, opt-outs, engagement.

use adresat::import::ImportKind;
use rusqlite::Connection;

use crate::support::{Scratch, reject_ids};

fn query_i64(s: &Scratch, sql: &str) -> i64 {
    let conn = Connection::open(s.store.path()).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn orders_load_in_kopecks_and_reimport_adds_nothing() {
    let mut s = Scratch::new();
    s.contacts("ID клиента;Телефон\nA;89120000001\nB;89120000002\n");
    let path = s.file(
        "orders.csv",
        "ID клиента;Номер заказа;Дата заказа;Сумма;Товар;Категория\n\
         A;1001;31.12.2024 10:00;1 234,50;Платье;женская одежда\n\
         A;;01.01.2025;1 234 ₽;Шарф;аксессуары\n\
         B;1003;2025-01-02;1234.5;;\n\
         Z;1004;2025-01-02;100;;\n\
         B;1005;вчера;100;;\n\
         B;1006;2025-01-02;много;;\n\
         B;1007;2025-01-02;;;\n",
    );
    let r = s.import(ImportKind::Orders, &path);
    assert_eq!((r.read, r.inserted, r.rejected), (7, 3, 4));
    assert_eq!(
        reject_ids(&r),
        [
            (5, "reject-unknown-customer"),
            (6, "reject-date"),
            (7, "reject-amount"),
            (8, "reject-missing")
        ]
    );
    assert_eq!(
        query_i64(&s, "SELECT sum(amount_kop) FROM orders"),
        123_450 + 123_400 + 123_450
    );
    assert_eq!(
        query_i64(
            &s,
            "SELECT count(*) FROM orders WHERE ordered_at = '2024-12-31T07:00:00Z' AND category = 'женская одежда'"
        ),
        1
    );
    let again = s.import(ImportKind::Orders, &path);
    assert_eq!((again.inserted, again.unchanged), (0, 3));
    assert_eq!(s.store.stats().unwrap().orders, 3);
    // A corrected amount under the same order number updates the order.
    let fix = s.file(
        "fix.csv",
        "ID клиента;Номер заказа;Дата заказа;Сумма\nA;1001;31.12.2024 10:00;2000\n",
    );
    assert_eq!(s.import(ImportKind::Orders, &fix).updated, 1);
    assert_eq!(
        query_i64(&s, "SELECT amount_kop FROM orders WHERE order_id = '1001'"),
        200_000
    );
}

/// The per-contact order totals the base keeps, against the same read off the orders.
fn totals_follow_the_orders(s: &Scratch) -> Vec<(i64, i64, i64, String)> {
    let conn = Connection::open(s.store.path()).unwrap();
    let read = |sql: &str| -> Vec<(i64, i64, i64, String)> {
        let mut stmt = conn.prepare(sql).unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let kept = read("SELECT contact_id, orders, total_kop, last_at FROM order_totals ORDER BY 1");
    let plain = read(
        "SELECT contact_id, count(*), sum(amount_kop), max(ordered_at) FROM orders
         GROUP BY contact_id ORDER BY 1",
    );
    assert_eq!(kept, plain);
    kept
}

#[test]
fn order_totals_follow_new_moved_and_merged_orders() {
    let mut s = Scratch::new();
    s.contacts("ID клиента;Телефон;Email\nA;89120000001;\nB;89120000002;\n;;b@mail.ru\n");
    let orders = s.file(
        "orders.csv",
        "ID клиента;Номер заказа;Дата заказа;Сумма\n\
         A;1;2025-01-02;100\nA;2;2025-02-03;50\nB;3;2025-01-05;10\n",
    );
    s.import(ImportKind::Orders, &orders);
    let kept = totals_follow_the_orders(&s);
    assert_eq!(
        kept.iter().map(|t| (t.1, t.2)).collect::<Vec<_>>(),
        [(2, 15_000), (1, 1_000)]
    );
    // Order 2 was B's, says the shop's corrected file: A keeps one order, B has two.
    let moved = s.file(
        "moved.csv",
        "ID клиента;Номер заказа;Дата заказа;Сумма\nB;2;2025-02-03;50\n",
    );
    assert_eq!(s.import(ImportKind::Orders, &moved).updated, 1);
    let kept = totals_follow_the_orders(&s);
    assert_eq!(
        kept.iter().map(|t| (t.1, t.2)).collect::<Vec<_>>(),
        [(1, 10_000), (2, 6_000)]
    );
    // A customer known only by e-mail buys, then joins B: B's totals count her order too.
    let by_email = s.file(
        "email.csv",
        "email;Номер заказа;Дата заказа;Сумма\nb@mail.ru;4;2025-03-01;7\n",
    );
    s.import(ImportKind::Orders, &by_email);
    assert_eq!(totals_follow_the_orders(&s).len(), 3);
    let r = s.contacts("Телефон;Email\n89120000002;b@mail.ru\n");
    assert_eq!(r.merged, 1);
    let kept = totals_follow_the_orders(&s);
    assert_eq!(
        kept.iter().map(|t| (t.1, t.2)).collect::<Vec<_>>(),
        [(1, 10_000), (3, 6_700)]
    );
    assert!(kept[1].3.starts_with("2025-02-28T") || kept[1].3.starts_with("2025-03-01T"));
}

#[test]
fn events_set_status_and_engagement_and_reimport_adds_nothing() {
    let mut s = Scratch::new();
    s.contacts("Телефон;Согласие\n89120000001;да\n89120000002;да\n");
    let path = s.file(
        "events.csv",
        "Телефон;Кампания;ID сообщения;Событие;Кнопка;Время\n\
         89120000001;Весна;m1;delivered;;01.03.2025 10:00\n\
         89120000001;Весна;m1;прочитано;;01.03.2025 11:00\n\
         89120000001;Лето;m2;доставлено;;01.06.2025 10:00\n\
         89120000001;Осень;m3;доставлено;;01.09.2025 10:00\n\
         89120000002;Весна;m4;доставлено;;01.03.2025 10:00\n\
         89120000002;Весна;m4;нажал кнопку;Хочу скидку;01.03.2025 10:05\n\
         89120000002;Лето;m5;доставлено;;01.06.2025 10:00\n\
         89120000002;Лето;m5;отписался;;01.06.2025 12:00\n\
         89129999999;Лето;m6;доставлено;;01.06.2025 10:00\n\
         89120000002;Лето;m5;улетел;;01.06.2025 12:00\n",
    );
    let r = s.import(ImportKind::Events, &path);
    assert_eq!((r.read, r.inserted, r.rejected), (10, 8, 2));
    assert_eq!(
        reject_ids(&r),
        [(10, "reject-unknown-customer"), (11, "reject-event-kind")]
    );
    let (second, _) = s.by_phone("+79120000002");
    assert_eq!(second.status, adresat::store::Status::Unsubscribed);
    assert_eq!(second.status_at.as_deref(), Some("2025-06-01T09:00:00Z"));

    // Contact 1: read spring, then summer and autumn delivered without engagement: a streak of 2.
    assert_eq!(
        query_i64(
            &s,
            "SELECT unengaged_streak FROM engagement WHERE contact_id = 1"
        ),
        2
    );
    assert_eq!(
        query_i64(
            &s,
            "SELECT campaigns_delivered FROM engagement WHERE contact_id = 1"
        ),
        3
    );
    // Contact 2 clicked in spring, nothing in summer: a streak of 1.
    assert_eq!(
        query_i64(
            &s,
            "SELECT unengaged_streak FROM engagement WHERE contact_id = 2"
        ),
        1
    );
    assert_eq!(
        query_i64(
            &s,
            "SELECT count(*) FROM engagement WHERE contact_id = 2 AND last_click_at = unixepoch('2025-03-01T07:05:00Z')"
        ),
        1
    );

    let again = s.import(ImportKind::Events, &path);
    assert_eq!((again.inserted, again.unchanged), (0, 8));
    assert_eq!(s.store.stats().unwrap().events, 8);

    // A later read of autumn's message ends contact 1's streak.
    let more = s.file(
        "more.csv",
        "Телефон;Кампания;Событие;Время\n89120000001;Осень;read;02.09.2025 09:00\n",
    );
    s.import(ImportKind::Events, &more);
    assert_eq!(
        query_i64(
            &s,
            "SELECT unengaged_streak FROM engagement WHERE contact_id = 1"
        ),
        0
    );
}

/// A transaction log without order ids (`customer_id,order_date,amount`), where customers buy the
/// same amount twice on one day: every row is a purchase, as a plain count of the file says.
#[test]
fn identical_rows_without_an_order_id_are_separate_purchases() {
    let mut s = Scratch::new();
    let mut contacts = String::from("ID клиента;Телефон\n");
    for c in 0..40 {
        contacts.push_str(&format!("C{c};+7913{c:07}\n"));
    }
    s.contacts(&contacts);
    let mut rng = fastrand::Rng::with_seed(2026);
    let mut log = String::from("customer_id,order_date,amount\n");
    let mut expected: std::collections::HashMap<String, (i64, i64)> = Default::default();
    for _ in 0..2000 {
        let customer = format!("C{}", rng.u32(0..40));
        let day = rng.u32(1..=4);
        let rubles = [500, 990, 1500][rng.usize(0..3)];
        log.push_str(&format!("{customer},2026-11-0{day},{rubles}\n"));
        let e = expected.entry(customer).or_default();
        e.0 += 1;
        e.1 += rubles * 100;
    }
    let path = s.file("log.csv", &log);
    let r = s.import(ImportKind::Orders, &path);
    assert_eq!((r.read, r.inserted, r.rejected), (2000, 2000, 0));
    for (customer, (count, sum)) in &expected {
        let id = s.by_external(customer).0.id;
        let card = s.store.contact_card(id).unwrap().unwrap();
        assert_eq!(
            (card.order_count, card.order_total_kop),
            (*count, *sum),
            "{customer}"
        );
    }
    // The same log again adds nothing.
    let again = s.import(ImportKind::Orders, &path);
    assert_eq!((again.inserted, again.unchanged), (0, 2000));
    assert_eq!(query_i64(&s, "SELECT count(*) FROM orders"), 2000);
}

/// A shop's orders may be the only file it has: into an empty base, every customer who gives a
/// name or a phone becomes a contact, once however many orders they made; an e-mail alone says
/// too little and the row is rejected as before.
#[test]
fn an_orders_file_alone_creates_its_customers_once() {
    let mut s = Scratch::new();
    let path = s.file(
        "orders.csv",
        "Email;Телефон;Покупатель;Номер заказа;Дата;Сумма\n\
         anna@mail.ru;;Анна Петрова;1;01.03.2026;1000\n\
         ANNA@mail.ru;;;2;02.03.2026;500\n\
         ;+7 912 000-00-02;;3;02.03.2026;700\n\
         ;8 912 000 00 02;Борис;4;03.03.2026;300\n\
         lone@mail.ru;;;5;03.03.2026;100\n",
    );
    let r = s.import(ImportKind::Orders, &path);
    assert_eq!(
        (r.read, r.inserted, r.new_contacts, r.rejected),
        (5, 4, 2, 1)
    );
    assert_eq!(reject_ids(&r), [(6, "reject-unknown-customer")]);
    assert_eq!(s.count(), 2);
    assert_eq!(
        query_i64(&s, "SELECT count(DISTINCT contact_id) FROM orders"),
        2
    );
    let (boris, _) = s.by_phone("+79120000002");
    assert_eq!(
        query_i64(
            &s,
            &format!(
                "SELECT sum(amount_kop) FROM orders WHERE contact_id = {}",
                boris.id
            )
        ),
        100_000
    );
    // Again: the same people, nothing new.
    let r = s.import(ImportKind::Orders, &path);
    assert_eq!((r.inserted, r.unchanged, r.new_contacts), (0, 4, 0));
    assert_eq!(s.count(), 2);
}
