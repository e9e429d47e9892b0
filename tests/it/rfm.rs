//! RFM: hand-computed scores, ties, one-order customers, the as-of date, the owner's cut points,
//! the R×F grid, the recompute after an import, and the CLI's file.

use adresat::import::ImportKind;
use adresat::rfm::{self, Dimension, GRID, Group};
use chrono::NaiveDate;

use crate::support::Scratch;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Ten customers C1…C10: Ck's last order k days before 2026-06-30 (Moscow), k orders (C10 has 1),
/// 100·k roubles in total. C11 has no orders.
fn base() -> Scratch {
    let mut s = Scratch::new();
    let mut contacts = String::from("ID клиента\n");
    for k in 1..=11 {
        contacts += &format!("C{k}\n");
    }
    s.contacts(&contacts);
    let mut orders = String::from("ID клиента;Дата заказа;Сумма\n");
    for k in 1..=10i64 {
        let count = if k == 10 { 1 } else { k };
        let last = day(2026, 6, 30) - chrono::Duration::days(k);
        for i in 0..count {
            let at = last - chrono::Duration::days(i * 30);
            let amount = 100 * k / count + if i == 0 { 100 * k % count } else { 0 };
            orders += &format!("C{k};{} 12:00;{amount}\n", at.format("%d.%m.%Y"));
        }
    }
    let path = s.file("orders.csv", &orders);
    assert_eq!(s.import(ImportKind::Orders, &path).rejected, 0);
    s
}

fn scored(s: &Scratch, as_of: NaiveDate) -> Vec<(String, i64, i64, i64, u8, u8, u8)> {
    let a = rfm::analyse(&s.store, as_of).unwrap();
    let mut rows: Vec<_> = a
        .customers
        .iter()
        .map(|c| {
            let ext = s
                .store
                .contact(c.contact_id)
                .unwrap()
                .unwrap()
                .0
                .external_id
                .unwrap();
            (
                ext,
                c.recency_days,
                c.frequency,
                c.monetary_kop,
                c.r,
                c.f,
                c.m,
            )
        })
        .collect();
    rows.sort_by_key(|r| r.0[1..].parse::<u32>().unwrap());
    rows
}

#[test]
fn hand_computed_scores_with_quintile_cut_points() {
    let s = base();
    let a = rfm::analyse(&s.store, day(2026, 6, 30)).unwrap();
    assert_eq!(a.without_orders, 1);
    // Recency 1…10 days: the values at 20, 40, 60, 80 % are 2, 4, 6, 8.
    assert_eq!(a.cuts.recency, [2, 4, 6, 8]);
    // Frequency 1,2,…,9,1: sorted 1,1,2,3,4,5,6,7,8,9 → 1, 3, 5, 7.
    assert_eq!(a.cuts.frequency, [1, 3, 5, 7]);
    assert_eq!(a.cuts.monetary, [20_000, 40_000, 60_000, 80_000]);
    let rows = scored(&s, day(2026, 6, 30));
    assert_eq!(rows[0], ("C1".into(), 1, 1, 10_000, 5, 1, 1));
    assert_eq!(rows[1], ("C2".into(), 2, 2, 20_000, 5, 2, 1));
    assert_eq!(rows[4], ("C5".into(), 5, 5, 50_000, 3, 3, 3));
    assert_eq!(rows[8], ("C9".into(), 9, 9, 90_000, 1, 5, 5));
    // One order, long ago: the lowest recency, the lowest frequency, like C1's single order.
    assert_eq!(rows[9], ("C10".into(), 10, 1, 100_000, 1, 1, 5));
    let c9 = a.customers.iter().find(|c| c.recency_days == 9).unwrap();
    assert_eq!(c9.group, Group::CantLose);
}

#[test]
fn ties_are_never_split_and_one_order_customers_share_a_score() {
    let mut s = Scratch::new();
    let mut contacts = String::from("ID клиента\n");
    let mut orders = String::from("ID клиента;Дата заказа;Сумма\n");
    // Eight of ten customers bought once on the same day for the same amount.
    for k in 1..=10 {
        contacts += &format!("C{k}\n");
        let n = if k > 8 { 3 } else { 1 };
        for i in 0..n {
            orders += &format!("C{k};{:02}.06.2026 12:00;500\n", 1 + i);
        }
    }
    s.contacts(&contacts);
    let path = s.file("orders.csv", &orders);
    s.import(ImportKind::Orders, &path);
    let a = rfm::analyse(&s.store, day(2026, 6, 30)).unwrap();
    assert_eq!(a.cuts.frequency, [1, 1, 1, 1]);
    let ones: Vec<_> = a.customers.iter().filter(|c| c.frequency == 1).collect();
    assert_eq!(ones.len(), 8);
    assert!(
        ones.iter()
            .all(|c| c.f == 1 && c.r == ones[0].r && c.m == ones[0].m)
    );
    assert!(
        a.customers
            .iter()
            .filter(|c| c.frequency == 3)
            .all(|c| c.f == 5)
    );
}

#[test]
fn an_earlier_as_of_date_ignores_later_orders() {
    let s = base();
    // As of 2026-06-25: C1…C4's last orders (29…26 June) are in the future and ignored.
    let rows = scored(&s, day(2026, 6, 25));
    let c5 = rows.iter().find(|r| r.0 == "C5").unwrap();
    assert_eq!(c5.1, 0);
    let c2 = rows.iter().find(|r| r.0 == "C2").unwrap();
    // C2's orders: 28.06 (ignored) and 29.05 → one order, 27 days before.
    assert_eq!((c2.1, c2.2), (27, 1));
    assert!(rows.iter().all(|r| r.0 != "C1"), "C1 had no order by then");
}

#[test]
fn the_owners_cut_points_replace_the_quintiles() {
    let s = base();
    s.store
        .set_setting("rfm.recency_cuts", "3, 5, 7, 9")
        .unwrap();
    s.store
        .set_setting("rfm.monetary_cuts", "150,250,350,450.50")
        .unwrap();
    let a = rfm::analyse(&s.store, day(2026, 6, 30)).unwrap();
    assert_eq!(a.cuts.recency, [3, 5, 7, 9]);
    assert_eq!(a.cuts.monetary, [15_000, 25_000, 35_000, 45_050]);
    assert_eq!(a.cuts.custom, [true, false, true]);
    let rows = scored(&s, day(2026, 6, 30));
    assert_eq!(rows[2].4, 5, "3 days: not above 3 → 5");
    assert_eq!(rows[3].4, 4, "4 days: above 3 → 4");
    assert_eq!(rows[4].6, 5, "500 ₽ above all four cut points");
    // Bad cut points are refused, naming the setting.
    let e = s
        .store
        .set_setting("rfm.frequency_cuts", "5, 2, 1")
        .unwrap_err();
    assert!(e.to_string().contains("rfm.frequency_cuts"), "{e}");
    let e = s.store.set_setting("rfm.as_of", "30.06.2026").unwrap_err();
    assert_eq!(e.id(), "rfm-error-date");
}

#[test]
fn every_cell_of_the_grid_has_a_group_and_every_group_a_cell() {
    let mut seen = std::collections::HashSet::new();
    for r in 1..=5u8 {
        for f in 1..=5u8 {
            let g = Group::of(r, f);
            assert_eq!(g, GRID[5 - r as usize][f as usize - 1]);
            seen.insert(g);
        }
    }
    assert_eq!(seen.len(), Group::ALL.len());
    assert_eq!(Group::of(5, 5), Group::Champions);
    assert_eq!(Group::of(5, 1), Group::New);
    assert_eq!(Group::of(1, 1), Group::Lost);
    assert_eq!(Group::of(2, 1), Group::Hibernating);
    assert_eq!(Group::of(1, 5), Group::CantLose);
    assert_eq!(Dimension::Recency.score(0, &[2, 4, 6, 8]), 5);
    assert_eq!(Dimension::Frequency.score(100, &[2, 4, 6, 8]), 5);
}

#[test]
fn an_orders_import_recomputes_the_stored_scores() {
    let mut s = base();
    let before = s.store.rfm_rows().unwrap();
    assert_eq!(before.len(), 10);
    let path = s.file(
        "more.csv",
        "ID клиента;Дата заказа;Сумма\nC11;01.06.2026;100\n",
    );
    s.import(ImportKind::Orders, &path);
    let after = s.store.rfm_rows().unwrap();
    assert_eq!(after.len(), 11);
    assert!(
        after
            .iter()
            .any(|r| r.external_id.as_deref() == Some("C11"))
    );
}

#[test]
fn the_cli_writes_one_row_per_scored_customer() {
    let s = base();
    let out = s.path("rfm.csv");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_adresat"))
        .arg("--db")
        .arg(s.store.path())
        .args(["rfm", "--as-of", "2026-06-30", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let text = std::fs::read_to_string(&out).unwrap();
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    assert_eq!(
        lines.next().unwrap(),
        "contact_id,customer_id,phone,recency_days,frequency,monetary,r,f,m,group"
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 10);
    let c9 = rows.iter().find(|l| l.contains(",C9,")).unwrap();
    assert!(c9.ends_with(",9,9,900.00,1,5,5,cant_lose"), "{c9}");

    let run = std::process::Command::new(env!("CARGO_BIN_EXE_adresat"))
        .arg("--db")
        .arg(s.store.path())
        .args(["rfm", "--as-of", "2026-06-30", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(v["scored"], 10);
    assert_eq!(v["without_orders"], 1);
    assert_eq!(v["cuts"]["recency_days"], serde_json::json!([2, 4, 6, 8]));
    assert_eq!(v["groups"].as_array().unwrap().len(), 11);
}

#[test]
fn the_rfm_screen_shows_groups_and_opens_one_as_a_segment() {
    use crate::ui::{app, wait, wait_exact, wait_label};
    use egui_kittest::kittest::Queryable;
    let s = base();
    let mut harness = app(s.store.path().to_owned());
    wait_exact(&mut harness, "11 контактов");
    harness.get_by_label("RFM-анализ").click();
    wait_label(&mut harness, "Сетка R × F");
    // The summary line and the groups table.
    wait_label(&mut harness, "покупателей 10, ещё без покупок 1");
    // The group's name in the table (the plot's legend names it too, as a toggle), low in the
    // table: the owner scrolls down to it first.
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Чемпионы")
        .scroll_down();
    // The scroll glides over a few frames; the click lands where the row comes to rest.
    for _ in 0..30 {
        harness.step();
    }
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Нельзя потерять")
        .click();
    // The group opens in the builder as a new segment with its exact count.
    wait(&mut harness, "the segment", |h| {
        h.query_by_role_and_label(egui::accesskit::Role::TextInput, "Название")
            .is_some_and(|n| n.value().as_deref() == Some("RFM: Нельзя потерять"))
    });
    // C8 and C9: bought often, but the longest ago of the frequent ones.
    wait(&mut harness, "count", |h| {
        h.query_by_label("2 контакта").is_some()
    });
}

/// A customers export with purchase totals only (YCLIENTS, InSales, Shopify's `Total Spent`):
/// the totals are the purchase summary, and RFM scores a contact with no order rows by them —
/// when they say when the last purchase was; the same file again changes nothing.
#[test]
fn purchase_totals_score_customers_without_order_rows() {
    let mut s = Scratch::new();
    let file = "ID клиента;Телефон;Количество заказов;Сумма покупок;Последний заказ\n\
                T1;89120000001;5;25 000;20.11.2026\n\
                T2;89120000002;1;900;01.06.2026\n\
                T3;89120000003;2;3000;\n";
    let r = s.contacts(file);
    assert_eq!((r.inserted, r.rejected), (3, 0));
    let as_of = day(2026, 12, 1);
    let analysis = rfm::analyse(&s.store, as_of).unwrap();
    assert_eq!(analysis.customers.len(), 2);
    assert_eq!(
        (analysis.from_totals.scored, analysis.from_totals.undated),
        (2, 1)
    );
    let t1 = s.by_external("T1").0.id;
    let scored = analysis
        .customers
        .iter()
        .find(|c| c.contact_id == t1)
        .unwrap();
    assert_eq!(
        (scored.recency_days, scored.frequency, scored.monetary_kop),
        (11, 5, 2_500_000)
    );
    // The import stored the scores already.
    assert_eq!(s.store.rfm_from_totals().unwrap().scored, 2);
    let r = s.contacts(file);
    assert_eq!((r.updated, r.unchanged), (0, 3));
    // An order row of their own wins over the totals.
    let orders = s.file("o.csv", "ID клиента;Дата;Сумма\nT2;01.11.2026;100\n");
    s.import(ImportKind::Orders, &orders);
    let analysis = rfm::analyse(&s.store, as_of).unwrap();
    let t2 = s.by_external("T2").0.id;
    let scored = analysis
        .customers
        .iter()
        .find(|c| c.contact_id == t2)
        .unwrap();
    assert_eq!((scored.frequency, scored.monetary_kop), (1, 10_000));
    assert_eq!(analysis.from_totals.scored, 1);
}

#[test]
fn tied_quintiles_are_balanced_so_no_score_is_empty() {
    use adresat::rfm::balanced_cuts;
    // Most bought once: the quintiles are 1 | 1 | 1 | 2 and scores 2 and 3 would be empty.
    let mut many_once: Vec<i64> = [(1, 60), (2, 20), (3, 10), (4, 5), (5, 3), (7, 2)]
        .iter()
        .flat_map(|(v, n)| std::iter::repeat_n(*v, *n))
        .collect();
    let (cuts, balanced) = balanced_cuts(&mut many_once);
    assert!(balanced);
    assert_eq!(cuts, [1, 2, 3, 4]);
    let score = |v: i64| 1 + cuts.iter().filter(|c| v > **c).count();
    let mut used: Vec<usize> = many_once.iter().map(|v| score(*v)).collect();
    used.dedup();
    assert_eq!(
        used,
        [1, 2, 3, 4, 5],
        "every score holds someone, equal values one score"
    );
    // Without ties, the quintiles as they were; with fewer than five values, as many as there are.
    let mut plain: Vec<i64> = (1..=100).collect();
    assert_eq!(balanced_cuts(&mut plain), ([20, 40, 60, 80], false));
    let mut once = vec![1; 50];
    assert_eq!(balanced_cuts(&mut once), ([1, 1, 1, 1], false));
    let mut two = [vec![1; 40], vec![2; 10]].concat();
    assert_eq!(balanced_cuts(&mut two).0, [1, 1, 1, 1]);
}

#[test]
fn on_the_demo_base_every_score_column_holds_customers() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    adresat::demo::create_base(&db, 3000, dir.path(), crate::support::unwatched()).unwrap();
    let store = adresat::store::Store::open(&db).unwrap();
    let a = rfm::analyse(&store, chrono::Utc::now().date_naive()).unwrap();
    let scores = |of: fn(&adresat::rfm::Scored) -> u8| {
        let mut s: Vec<u8> = a.customers.iter().map(of).collect();
        s.sort_unstable();
        s.dedup();
        s
    };
    // The demo's frequencies tie (most bought once): balanced, and no F column is empty.
    assert!(a.cuts.balanced[1], "{:?}", a.cuts);
    assert_eq!(scores(|c| c.f), [1, 2, 3, 4, 5]);
    assert_eq!(scores(|c| c.r), [1, 2, 3, 4, 5]);
    assert_eq!(scores(|c| c.m), [1, 2, 3, 4, 5]);
}
