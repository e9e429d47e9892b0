//! Files as the owner's tools write them, recognised and imported whole, and the column choices
//! the owner made remembered for the next file with the same headers.

use adresat::import::recognise::Origin;
use adresat::import::{self, ColumnMap, Field, ImportKind, ImportOptions};
use egui_kittest::kittest::Queryable;

use crate::support::{Scratch, reject_ids};

/// amoCRM's contacts export: the header list of its "Экспорт" (contacts), `,`-separated, every
/// phone guarded with Excel's apostrophe, one column per phone type, dates `30.09.2026 22:37:00`,
/// then the account's own custom fields. (The list is amoCRM's standard contact fields as its
/// export writes them; `Город` is an account's custom field.)
const AMOCRM: &str = "ID,Тип,Полное имя контакта,Имя,Фамилия,Название компании,Ответственный,\
Дата создания контакта,Кем создан контакт,Сделки,Дата редактирования,Кем редактирован,Теги,\
Примечание 1,Рабочий телефон,Рабочий прямой телефон,Мобильный телефон,Факс,Домашний телефон,\
Другой телефон,Рабочий email,Личный email,Другой email,Web,Адрес,Должность,Город\n\
5012,контакт,Иванова Мария Петровна,Мария,Иванова,,Анна Менеджер,30.09.2026 22:37:00,Анна Менеджер,\
Сделка #1,01.10.2026 10:00:00,Анна Менеджер,\"vip, интерес:обувь\",,'+7 (843) 200-00-00,,\
'+7 912 000-00-01,,,,,maria@example.ru,,,,,Казань\n\
5013,контакт,Петров Илья,Илья,Петров,,Анна Менеджер,01.10.2026 09:15:00,Анна Менеджер,,,,,,\
,,'8 913 000-00-02,,'8 (3812) 20-00-00,,,,,,,,Омск\n\
5014,контакт,Ёлкина Алёна,Алёна,Ёлкина,,Анна Менеджер,02.10.2026 18:00:00,Анна Менеджер,,,,,,\
'+7 495 000 00 03,,,,,'+7 916 000-00-03,,,,,,,Москва\n";

#[test]
fn an_amocrm_contacts_export_is_recognised_and_loses_nobody() {
    let mut s = Scratch::new();
    let path = s.file("amocrm_export.csv", AMOCRM);
    let preview = import::preview(
        &s.store,
        &path,
        &ImportOptions::new(ImportKind::Contacts, chrono::Utc::now()),
        10,
    )
    .unwrap();
    assert_eq!(preview.recognised.origin, Some(Origin::AmoCrmContacts));
    assert_eq!(
        preview.recognised.phones,
        [
            "Мобильный телефон",
            "Рабочий телефон",
            "Рабочий прямой телефон",
            "Домашний телефон",
            "Другой телефон"
        ]
    );
    assert!(preview.recognised.custom.contains(&"Факс".to_owned()));
    let report = s.import(ImportKind::Contacts, &path);
    assert_eq!(report.origin, Some(Origin::AmoCrmContacts));
    assert_eq!(reject_ids(&report), vec![]);
    assert_eq!((report.read, report.inserted), (3, 3));
    let (maria, tags) = s.by_system_id("amocrm", "5012");
    assert_eq!(maria.phone.as_deref(), Some("+79120000001"));
    assert_eq!(maria.name.as_deref(), Some("Иванова Мария Петровна"));
    assert_eq!(maria.first_name.as_deref(), Some("Мария"));
    assert_eq!(maria.created_at, "2026-09-30T19:37:00Z");
    assert_eq!(maria.time_zone, "Europe/Moscow");
    assert!(tags.contains(&"vip".to_owned()) && tags.contains(&"интерес:обувь".to_owned()));
    let (ilya, _) = s.by_system_id("amocrm", "5013");
    assert_eq!(ilya.phone.as_deref(), Some("+79130000002"));
    assert_eq!(ilya.time_zone, "Asia/Omsk");
    assert_eq!(ilya.custom["Домашний телефон"], "8 (3812) 20-00-00");
    // A work landline and a mobile in "Другой телефон": the mobile is the one to message.
    let (alena, _) = s.by_system_id("amocrm", "5014");
    assert_eq!(alena.phone.as_deref(), Some("+79160000003"));
    // Imported again, nothing changes.
    let again = s.import(ImportKind::Contacts, &path);
    assert_eq!((again.inserted, again.updated, again.unchanged), (0, 0, 3));
}

#[test]
fn headers_shuffled_in_another_case_with_unknown_columns_are_still_recognised() {
    let headers = [
        "ТЕГИ",
        "кем создан контакт",
        "Колонка X",
        "ПОЛНОЕ ИМЯ КОНТАКТА",
        "Мобильный телефон",
    ]
    .map(str::to_owned);
    assert_eq!(
        import::recognise::origin(&headers),
        Some(Origin::AmoCrmContacts)
    );
    let plain = ["ФИО", "Телефон", "Город"].map(str::to_owned);
    assert_eq!(import::recognise::origin(&plain), None);
}

/// A file whose phone column has a header no dictionary knows: the owner maps it once, and the
/// next file with the same headers (in another order) is read the same way; `--map` still wins.
#[test]
fn a_corrected_mapping_is_remembered_for_the_next_file_with_the_same_headers() {
    let mut s = Scratch::new();
    let first = s.file(
        "клиенты-1.csv",
        "Клиент;Номер для связи;Город\nАнна;89120000001;Омск\n",
    );
    let mut options = ImportOptions::new(ImportKind::Contacts, chrono::Utc::now());
    options.map = vec![ColumnMap {
        column: "Номер для связи".into(),
        field: Field::Phone,
    }];
    let r = s.try_import(&options, &first).unwrap();
    assert_eq!(r.inserted, 1);

    let second = s.file(
        "клиенты-2.csv",
        "город;НОМЕР ДЛЯ СВЯЗИ;клиент\nТомск;89120000002;Борис\n",
    );
    let plain = ImportOptions::new(ImportKind::Contacts, chrono::Utc::now());
    let preview = import::preview(&s.store, &second, &plain, 5).unwrap();
    assert_eq!(preview.recognised.remembered.len(), 1);
    assert!(
        preview
            .columns
            .contains(&("НОМЕР ДЛЯ СВЯЗИ".to_owned(), Field::Phone))
    );
    s.try_import(&plain, &second).unwrap();
    assert_eq!(s.by_phone("+79120000002").0.city.as_deref(), Some("Томск"));

    // The command line applies the remembered choice too, and --map wins over it.
    let third = s.file(
        "клиенты-3.csv",
        "Клиент;Номер для связи;Город\nВера;89120000003;Омск\n",
    );
    let cli = |extra: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_adresat"))
            .arg("--db")
            .arg(s.store.path())
            .args(["--lang", "en", "import", "contacts"])
            .arg(&third)
            .args(extra)
            .output()
            .unwrap()
    };
    // --map wins: without the phone the file has no column that tells who is who.
    let out = cli(&["--map", "Номер для связи=custom", "--json"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Номер для связи"));
    let out = cli(&["--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["inserted"], 1);
}

#[test]
fn the_mapping_step_says_what_it_recognised() {
    let s = Scratch::new();
    let path = s.file("amocrm_export.csv", AMOCRM);
    let mut harness = crate::ui::app(s.store.path().to_owned());
    crate::ui::wait_label(&mut harness, "База пуста");
    crate::ui::open_import(&mut harness, &path);
    crate::ui::wait_label(&mut harness, "Распознан экспорт контактов amoCRM.");
    harness.get_by_label_contains("«Мобильный телефон», «Рабочий телефон»");
    harness.get_by_label_contains("Сохранятся как дополнительные поля: «Тип»");
}

/// Tilda's form leads: the form's variable names as headers (`Name`, `Phone`, `Email`,
/// `Telegram`, `referer`, `utm_*`, `sent`, `tranid`, `formid`, `formname`, `COOKIES`), `;`, every
/// value quoted, a BOM — Tilda's "Заявки → Скачать CSV".
#[test]
fn a_tilda_leads_file_is_recognised_and_imported() {
    let mut s = Scratch::new();
    let text = "\u{feff}\"Name\";\"Phone\";\"Email\";\"Telegram\";\"Comment\";\"referer\";\
        \"utm_source\";\"utm_campaign\";\"sent\";\"tranid\";\"formid\";\"formname\";\"COOKIES\"\n\
        \"Анна\";\"+7 (912) 000-00-21\";\"anna@example.ru\";\"@anna_t\";\"Позвоните\";\
        \"https://shop.example.ru/\";\"vk\";\"winter\";\"2026-11-30 10:15:00\";\"1234567:89\";\
        \"form1\";\"Заявка\";\"_ym_uid=1\"\n\
        \"Болат\";\"+7 (701) 000-00-22\";\"\";\"\";\"\";\"https://shop.example.ru/kz\";\"ig\";\
        \"winter\";\"2026-11-30 11:00:00\";\"1234567:90\";\"form1\";\"Заявка\";\"\"\n";
    let path = s.file("leads.csv", text);
    let report = s.import(ImportKind::Contacts, &path);
    assert_eq!(report.origin, Some(Origin::TildaLeads));
    assert_eq!((report.read, report.inserted, report.rejected), (2, 2, 0));
    let (anna, _) = s.by_phone("+79120000021");
    assert_eq!(anna.name.as_deref(), Some("Анна"));
    assert_eq!(anna.tg_username.as_deref(), Some("anna_t"));
    assert_eq!(anna.utm_source.as_deref(), Some("vk"));
    assert_eq!(anna.utm_campaign.as_deref(), Some("winter"));
    assert_eq!(anna.custom["formname"], "Заявка");
    assert_eq!(anna.email.as_deref(), Some("anna@example.ru"));
    // A Kazakh number is a Kazakh contact's: the zone of the phone's country, not Moscow's.
    let (bolat, _) = s.by_phone("+77010000022");
    assert_eq!(bolat.name.as_deref(), Some("Болат"));
    assert_eq!(
        (bolat.time_zone.as_str(), bolat.tz_source),
        ("Asia/Almaty", adresat::store::TzSource::PhoneCountry)
    );
}

/// Shopify's customers export (Customers → Export), as its help lists the columns; ids guarded
/// with an apostrophe as Excel shows them.
#[test]
fn a_shopify_customers_export_is_recognised_and_imported() {
    let mut s = Scratch::new();
    let text = "Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address City,\
        Default Address Country Code,Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,\
        Total Orders,Note,Tags\n\
        '7210448301100,Мария,Иванова,maria@example.ru,yes,Казань,RU,+7 843 200-00-01,\
        +7 912 000-00-31,yes,15400.00,3,,\"vip, обувь\"\n\
        '7210448301101,Олег,Петров,oleg@example.ru,no,Новосибирск,RU,+7 913 000-00-32,,no,0.00,0,,\n";
    let path = s.file("customers_export.csv", text);
    let report = s.import(ImportKind::Contacts, &path);
    assert_eq!(report.origin, Some(Origin::ShopifyCustomers));
    assert_eq!((report.read, report.inserted, report.rejected), (2, 2, 0));
    let (maria, tags) = s.by_system_id("shopify", "7210448301100");
    assert_eq!(maria.phone.as_deref(), Some("+79120000031"));
    assert_eq!(maria.city.as_deref(), Some("Казань"));
    assert_eq!(maria.first_name.as_deref(), Some("Мария"));
    assert!(tags.contains(&"vip".to_owned()));
    // Without a customer phone, the address's phone is the one to message.
    let (oleg, _) = s.by_system_id("shopify", "7210448301101");
    assert_eq!(oleg.phone.as_deref(), Some("+79130000032"));
    assert_eq!(oleg.time_zone, "Asia/Novosibirsk");
    // "Accepts SMS Marketing" is the SMS channel's consent; "Accepts Email Marketing" is no
    // consent to messages (kept as a field).
    use adresat::store::Consent;
    assert_eq!(maria.email.as_deref(), Some("maria@example.ru"));
    assert_eq!(
        (maria.consent, maria.channel_consent.sms),
        (Consent::Unknown, Some(Consent::Yes))
    );
    assert_eq!(maria.custom["Accepts Email Marketing"], "yes");
    assert_eq!(oleg.channel_consent.sms, Some(Consent::No));
    // The export again changes nothing.
    let again = s.import(ImportKind::Contacts, &path);
    assert_eq!((again.inserted, again.updated, again.unchanged), (0, 0, 2));
}

/// Shopify's orders export (Orders → Export), its columns in the order its help and the files
/// it writes list them: one row per line item, the order's own columns (`Financial Status`,
/// `Total`, `Billing …`, `Id`) on its first row only, `Name` (`#1001`) and `Email` on every row.
const SHOPIFY_ORDERS_HEADER: &str = "Name,Email,Financial Status,Paid at,Fulfillment Status,\
Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,\
Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,\
Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,\
Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,\
Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,\
Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,\
Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,\
Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Id,Tags,\
Risk Level,Source,Lineitem discount,Phone";

/// One row of that export: the order's columns when `first`, the line item's always.
fn shopify_order_row(
    name: &str,
    email: &str,
    first: Option<(&str, &str, &str)>,
    created: &str,
    (qty, item, price): (u32, &str, &str),
) -> String {
    let mut cells = vec![String::new(); SHOPIFY_ORDERS_HEADER.split(',').count()];
    let col = |h: &str| {
        SHOPIFY_ORDERS_HEADER
            .split(',')
            .position(|x| x == h)
            .unwrap()
    };
    cells[col("Name")] = name.into();
    cells[col("Email")] = email.into();
    cells[col("Created at")] = created.into();
    cells[col("Lineitem quantity")] = qty.to_string();
    cells[col("Lineitem name")] = item.into();
    cells[col("Lineitem price")] = price.into();
    if let Some((total, billing_name, phone)) = first {
        cells[col("Financial Status")] = "paid".into();
        cells[col("Currency")] = "RUB".into();
        cells[col("Total")] = total.into();
        cells[col("Billing Name")] = billing_name.into();
        cells[col("Billing Phone")] = phone.into();
        cells[col("Id")] = format!("57{}", &name[1..]);
    }
    cells.join(",")
}

#[test]
fn a_shopify_orders_export_folds_line_items_into_their_orders() {
    let mut s = Scratch::new();
    s.contacts("Email;Телефон;Имя\nmaria@example.ru;89120000031;Мария\n");
    let rows = [
        shopify_order_row(
            "#1001",
            "maria@example.ru",
            Some(("15400.00", "Мария Иванова", "+7 912 000-00-31")),
            "2026-03-12 09:14:02 +0000",
            (1, "Платье синее", "12000.00"),
        ),
        shopify_order_row(
            "#1001",
            "maria@example.ru",
            None,
            "2026-03-12 09:14:02 +0000",
            (2, "Шарф", "1200.00"),
        ),
        shopify_order_row(
            "#1001",
            "maria@example.ru",
            None,
            "2026-03-12 09:14:02 +0000",
            (1, "Брошь", "1000.00"),
        ),
        shopify_order_row(
            "#1002",
            "oleg@example.ru",
            Some(("900.00", "Олег Петров", "+375 29 123-45-67")),
            "2026-03-13 18:00:00 +0300",
            (1, "Шапка", "900.00"),
        ),
        shopify_order_row(
            "#1003",
            "maria@example.ru",
            Some(("900.00", "Мария Иванова", "")),
            "2026-04-01 10:00:00 +0000",
            (1, "Шапка", "900.00"),
        ),
    ];
    let text = format!("{SHOPIFY_ORDERS_HEADER}\n{}\n", rows.join("\n"));
    let path = s.file("orders_export_1.csv", &text);
    let r = s.import(ImportKind::Orders, &path);
    assert_eq!(r.origin, Some(Origin::ShopifyOrders));
    assert_eq!(
        (r.read, r.inserted, r.folded, r.new_contacts, r.rejected),
        (5, 3, 2, 1, 0),
        "{:?}",
        r.rejects
    );
    assert_eq!(
        r.read,
        r.inserted + r.updated + r.unchanged + r.merged + r.folded + r.rejected
    );
    // Each order once, at its total; every item of it kept.
    let conn = rusqlite::Connection::open(s.store.path()).unwrap();
    let one = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(one("SELECT count(*) FROM orders"), 3);
    assert_eq!(one("SELECT sum(amount_kop) FROM orders"), 1_720_000);
    assert_eq!(
        one(
            "SELECT count(*) FROM order_items i JOIN orders o ON o.id = i.order_row WHERE o.order_id = '#1001'"
        ),
        3
    );
    assert_eq!(
        one("SELECT quantity * price_kop FROM order_items WHERE product = 'Шарф'"),
        240_000
    );
    let (maria, _) = s.by_phone("+79120000031");
    let (_, orders) = (
        maria.id,
        one(&format!(
            "SELECT count(*) FROM orders WHERE contact_id = {}",
            maria.id
        )),
    );
    assert_eq!(orders, 2);
    // The customer the base did not know is created from the order: name, phone, zone.
    let (oleg, _) = s.by_phone("+375291234567");
    assert_eq!(oleg.name.as_deref(), Some("Олег Петров"));
    assert_eq!(oleg.first_name.as_deref(), Some("Олег"));
    assert_eq!(oleg.email.as_deref(), Some("oleg@example.ru"));
    assert_eq!(oleg.time_zone, "Europe/Minsk");
    assert_eq!(oleg.consent, adresat::store::Consent::Unknown);
    assert_eq!(oleg.created_at, "2026-03-13T15:00:00Z");
    // "Bought" sees every item, not only the order's first.
    let rule = adresat::segment::Rule::from_json(
        r#"{"version": 1, "mode": "all", "items": [{"type": "bought", "what": "product", "name": "Шарф"}]}"#,
    )
    .unwrap();
    let today = adresat::segment::Today::at(chrono::Utc::now(), chrono_tz::Europe::Moscow);
    let compiled = adresat::segment::prepare(&s.store, &rule, None, today).unwrap();
    assert_eq!(
        adresat::segment::contact_ids(&s.store, &compiled).unwrap(),
        [maria.id]
    );
    // Again: nothing new, the item rows folded as before.
    let again = s.import(ImportKind::Orders, &path);
    assert_eq!(
        (
            again.inserted,
            again.updated,
            again.unchanged,
            again.folded,
            again.new_contacts
        ),
        (0, 0, 3, 2, 0)
    );
    assert_eq!(one("SELECT count(*) FROM order_items"), 5);
}

/// Orders whose items are packed in one cell, one a line (`name x qty ≡ amount`), beside the
/// order's sum; an item cell that cannot be read rejects its row with the line.
#[test]
fn items_packed_in_one_cell_split_into_the_order() {
    let mut s = Scratch::new();
    s.contacts("Телефон\n89120000001\n");
    let path = s.file(
        "orders.csv",
        "Телефон;Номер заказа;Дата;Сумма заказа;Товары\n\
         89120000001;T-1;01.03.2026;6400;\"1. Платье синее x 2 ≡ 5000\n2. Шарф x 1 ≡ 1400\"\n\
         89120000001;T-2;02.03.2026;900;Шапка\n\
         89120000001;T-3;03.03.2026;100;\" x 2 ≡ 100\"\n",
    );
    let r = s.import(ImportKind::Orders, &path);
    assert_eq!((r.inserted, r.rejected), (2, 1));
    // The first order's quoted cell spans two lines of the file.
    assert_eq!(reject_ids(&r), [(5, "reject-items")]);
    let conn = rusqlite::Connection::open(s.store.path()).unwrap();
    let items: Vec<(String, i64, Option<i64>)> = conn
        .prepare("SELECT product, quantity, price_kop FROM order_items ORDER BY order_row, n")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        items,
        [
            ("Платье синее".into(), 2, Some(250_000)),
            ("Шарф".into(), 1, Some(140_000)),
            ("Шапка".into(), 1, None),
        ]
    );
    let again = s.import(ImportKind::Orders, &path);
    assert_eq!((again.inserted, again.unchanged), (0, 2));
}

/// WooCommerce's orders export ("Import Export Suite for WooCommerce"), its columns as the
/// plugin's documentation lists them — `order_id, order_number, order_date, paid_date, status,
/// shipping_total, shipping_tax_total, fee_total, fee_tax_total, tax_total, cart_discount,
/// order_discount, discount_total, order_total, order_subtotal, order_currency, payment_method,
/// payment_method_title, transaction_id, customer_ip_address, customer_user_agent,
/// shipping_method, customer_id, customer_user, customer_email, billing_first_name,
/// billing_last_name, billing_company` — and the billing e-mail and phone after them; dates
/// month first (`9/6/2016 6:29:00`), a guest's `customer_id` 0.
#[test]
fn a_woocommerce_orders_export_reads_its_dates_month_first_and_its_guests() {
    let mut s = Scratch::new();
    let header = "order_id,order_number,order_date,paid_date,status,shipping_total,\
        shipping_tax_total,fee_total,fee_tax_total,tax_total,cart_discount,order_discount,\
        discount_total,order_total,order_subtotal,order_currency,payment_method,\
        payment_method_title,transaction_id,customer_ip_address,customer_user_agent,\
        shipping_method,customer_id,customer_user,customer_email,billing_first_name,\
        billing_last_name,billing_company,billing_email,billing_phone";
    let row = |id: &str,
               date: &str,
               total: &str,
               customer: &str,
               email: &str,
               first: &str,
               phone: &str| {
        format!(
            "{id},{id},{date},{date},completed,300,0,0,0,0,0,0,0,{total},{total},RUB,cod,\
             Наличными,,127.0.0.1,Mozilla,Курьер,{customer},{customer},{email},{first},Петрова,,{email},{phone}"
        )
    };
    let text = [
        header.to_owned(),
        row(
            "101",
            "9/6/2026 6:29:00",
            "2500.00",
            "17",
            "anna@mail.ru",
            "Анна",
            "+79120000001",
        ),
        row(
            "102",
            "9/7/2026 18:00:00",
            "900.00",
            "0",
            "guest1@mail.ru",
            "Ольга",
            "+79120000002",
        ),
        row(
            "103",
            "10/1/2026 9:00:00",
            "400.00",
            "0",
            "guest2@mail.ru",
            "Вера",
            "",
        ),
    ]
    .join("\n");
    let path = s.file("orders-export.csv", &text);
    let r = s.import(ImportKind::Orders, &path);
    assert_eq!(r.origin, Some(Origin::WooCommerceOrders));
    assert_eq!(
        (r.read, r.inserted, r.new_contacts, r.rejected),
        (3, 3, 3, 0),
        "{:?}",
        r.rejects
    );
    // Two guests with id 0 are two people, told by their e-mails.
    assert_eq!(s.count(), 3);
    let (anna, _) = s.by_system_id("woocommerce", "17");
    assert_eq!(anna.first_name.as_deref(), Some("Анна"));
    assert_eq!(anna.name.as_deref(), Some("Анна Петрова"));
    let conn = rusqlite::Connection::open(s.store.path()).unwrap();
    let at: String = conn
        .query_row(
            "SELECT ordered_at FROM orders WHERE order_id = '101'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    // The 6th of September, 6:29 in Moscow.
    assert_eq!(at, "2026-09-06T03:29:00Z");
    let again = s.import(ImportKind::Orders, &path);
    assert_eq!(
        (again.inserted, again.unchanged, again.new_contacts),
        (0, 3, 0)
    );
}
