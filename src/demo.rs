//! A realistic Russian demo base of any size: contacts across time zones, orders with products,
//! and campaign events with buyers, clickers and sleepers.
//!
//! The data is generated into CSV files in the formats owners import (so the demo also exercises
//! the importer), then loaded into a base of its own that is marked as a demo: generated phone
//! numbers may belong to real people.

use crate::model::task::Task;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use fastrand::Rng;

use crate::error::{Error, Result};
use crate::import::{self, ImportKind, ImportOptions, ImportReport};
use crate::store::Store;

const FEMALE: &[&str] = &[
    "Мария",
    "Анна",
    "Елена",
    "Ольга",
    "Наталья",
    "Екатерина",
    "Татьяна",
    "Ирина",
    "Светлана",
    "Юлия",
    "Анастасия",
    "Дарья",
    "Ксения",
    "Алина",
    "Виктория",
    "Полина",
    "Марина",
    "Людмила",
    "Софья",
    "Вера",
];
const MALE: &[&str] = &[
    "Александр",
    "Дмитрий",
    "Сергей",
    "Андрей",
    "Алексей",
    "Максим",
    "Иван",
    "Михаил",
    "Евгений",
    "Артём",
    "Никита",
    "Павел",
    "Владимир",
    "Николай",
    "Илья",
    "Роман",
    "Олег",
    "Кирилл",
    "Игорь",
    "Антон",
];
/// Surnames in their masculine form; the feminine adds `а` (`Иванов` → `Иванова`).
const SURNAMES: &[&str] = &[
    "Иванов",
    "Смирнов",
    "Кузнецов",
    "Попов",
    "Васильев",
    "Петров",
    "Соколов",
    "Михайлов",
    "Новиков",
    "Фёдоров",
    "Морозов",
    "Волков",
    "Алексеев",
    "Лебедев",
    "Семёнов",
    "Егоров",
    "Павлов",
    "Козлов",
    "Степанов",
    "Николаев",
    "Орлов",
    "Андреев",
    "Макаров",
    "Никитин",
    "Захаров",
    "Зайцев",
    "Соловьёв",
    "Борисов",
    "Яковлев",
    "Григорьев",
];
/// Patronymic stems with their masculine and feminine endings (`Петр` → `Петрович`, `Петровна`).
const FATHERS: &[(&str, &str, &str)] = &[
    ("Александр", "ович", "овна"),
    ("Серге", "евич", "евна"),
    ("Андре", "евич", "евна"),
    ("Иван", "ович", "овна"),
    ("Михайл", "ович", "овна"),
    ("Владимир", "ович", "овна"),
    ("Никола", "евич", "евна"),
    ("Петр", "ович", "овна"),
];
/// Cities with a weight (rough share of customers) and how the CRM spelled them.
const CITIES: &[(&str, u32)] = &[
    ("Москва", 30),
    ("г. Москва", 6),
    ("Санкт-Петербург", 14),
    ("СПб", 3),
    ("Новосибирск", 5),
    ("Екатеринбург", 5),
    ("Казань", 4),
    ("Нижний Новгород", 3),
    ("Челябинск", 3),
    ("Самара", 3),
    ("Омск", 3),
    ("Ростов-на-Дону", 3),
    ("Уфа", 2),
    ("Красноярск", 3),
    ("Пермь", 2),
    ("Краснодар", 3),
    ("Владивосток", 2),
    ("Хабаровск", 2),
    ("Иркутск", 2),
    ("Калининград", 1),
    ("Тюмень", 1),
    ("Томск", 1),
    ("Якутск", 1),
    ("Петропавловск-Камчатский", 1),
    ("Алматы", 1),
    ("Минск", 1),
];
const SOURCES: &[(&str, &str, &str)] = &[
    ("Instagram", "instagram", "social"),
    ("ВКонтакте", "vk", "social"),
    ("Лендинг", "yandex", "cpc"),
    ("QR-код в магазине", "qr", "offline"),
    ("Telegram-канал", "telegram", "social"),
    ("Рекомендация", "", ""),
];
const INTERESTS: &[&str] = &[
    "женская одежда",
    "мужская одежда",
    "обувь",
    "аксессуары",
    "детская одежда",
];
/// Product, category, price in rubles.
const PRODUCTS: &[(&str, &str, i64)] = &[
    ("Платье летнее", "женская одежда", 3_490),
    ("Блузка шёлковая", "женская одежда", 2_790),
    ("Джинсы", "мужская одежда", 3_990),
    ("Рубашка льняная", "мужская одежда", 2_490),
    ("Кроссовки", "обувь", 5_990),
    ("Ботинки зимние", "обувь", 8_490),
    ("Сумка кожаная", "аксессуары", 6_990),
    ("Шарф", "аксессуары", 1_290),
    ("Комбинезон детский", "детская одежда", 2_190),
];
const CAMPAIGNS: &[(&str, i64)] = &[
    ("Весенняя распродажа", 200),
    ("Новая коллекция обуви", 150),
    ("Летние платья", 110),
    ("Скидка на день рождения", 75),
    ("Осенний каталог", 40),
    ("Чёрная пятница", 12),
];
const BUTTONS: &[&str] = &["Хочу скидку", "Посмотреть каталог", "Не интересно"];

/// The seed of the demo the app and the CLI make, so every demo base is the same.
pub const SEED: u64 = 2026;

/// Where [`write_files`] put the generated data.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoFiles {
    pub contacts: PathBuf,
    pub orders: PathBuf,
    pub events: PathBuf,
}

fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(..items.len())]
}

fn weighted<'a>(rng: &mut Rng, items: &'a [(&'a str, u32)]) -> &'a str {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut x = rng.u32(..total);
    for (item, w) in items {
        if x < *w {
            return item;
        }
        x -= w;
    }
    items[0].0
}

/// A distinct mobile number for every index: an affine map on the nine digits after `+79`.
fn phone_for(i: u64) -> String {
    let n = (i.wrapping_mul(387_420_489) + 123_456_789) % 1_000_000_000;
    format!("+79{n:09}")
}

fn csv_error(p: &Path) -> impl Fn(csv::Error) -> Error + '_ {
    move |e| Error::io(p, std::io::Error::other(e.to_string()))
}

/// Writes `contacts.csv`, `orders.csv` and `events.csv` for `n` contacts into `dir`.
/// The same `seed` and `today` (the last day of the history) give the same files.
pub fn write_files(dir: &Path, n: u64, seed: u64, today: NaiveDate) -> Result<DemoFiles> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let files = DemoFiles {
        contacts: dir.join("contacts.csv"),
        orders: dir.join("orders.csv"),
        events: dir.join("events.csv"),
    };
    let open = |p: &Path| -> Result<csv::Writer<std::io::BufWriter<std::fs::File>>> {
        let mut f = std::io::BufWriter::with_capacity(
            1 << 16,
            std::fs::File::create(p).map_err(|e| Error::io(p, e))?,
        );
        f.write_all("\u{feff}".as_bytes())
            .map_err(|e| Error::io(p, e))?;
        Ok(csv::WriterBuilder::new().delimiter(b';').from_writer(f))
    };
    let mut contacts = open(&files.contacts)?;
    let mut orders = open(&files.orders)?;
    let mut events = open(&files.events)?;
    let (ce, oe, ee) = (
        csv_error(&files.contacts),
        csv_error(&files.orders),
        csv_error(&files.events),
    );
    contacts
        .write_record([
            "ID клиента",
            "ФИО",
            "Телефон",
            "Город",
            "Источник",
            "utm_source",
            "utm_medium",
            "utm_campaign",
            "Теги",
            "Согласие на рассылку",
            "Дата регистрации",
        ])
        .map_err(&ce)?;
    orders
        .write_record([
            "ID клиента",
            "Номер заказа",
            "Дата заказа",
            "Сумма",
            "Товар",
            "Категория",
        ])
        .map_err(&oe)?;
    events
        .write_record([
            "ID клиента",
            "Кампания",
            "ID сообщения",
            "Событие",
            "Кнопка",
            "Время",
        ])
        .map_err(&ee)?;

    let mut rng = Rng::with_seed(seed);
    let epoch = Utc.from_utc_datetime(&today.and_hms_opt(9, 0, 0).expect("valid time"));
    let mut order_no = 100_000u64;
    for i in 0..n {
        let ext = format!("C{:07}", i + 1);
        let female = rng.bool();
        let first = if female {
            pick(&mut rng, FEMALE)
        } else {
            pick(&mut rng, MALE)
        };
        let surname = pick(&mut rng, SURNAMES);
        let surname = if female {
            format!("{surname}а")
        } else {
            (*surname).to_owned()
        };
        let (stem, male_end, female_end) = pick(&mut rng, FATHERS);
        let patronymic = format!("{stem}{}", if female { female_end } else { male_end });
        let name = match rng.u8(..10) {
            0 => (*first).to_owned(),
            1..=3 => format!("{surname} {first}"),
            _ => format!("{surname} {first} {patronymic}"),
        };
        let city = weighted(&mut rng, CITIES);
        let (source, utm_source, utm_medium) = pick(&mut rng, SOURCES);
        let utm_campaign = if utm_source.is_empty() {
            ""
        } else {
            "spring_2026"
        };
        let interest = pick(&mut rng, INTERESTS);
        let mut tags = format!("интерес:{interest}");
        if rng.u8(..3) == 0 {
            tags.push_str(if rng.bool() {
                ", цена:скидки"
            } else {
                ", цена:премиум"
            });
        }
        if rng.u8(..4) == 0 {
            tags.push_str(", новинки");
        }
        let heat = ["лид:холодный", "лид:тёплый", "лид:горячий"][rng.usize(..3)];
        tags.push_str(", ");
        tags.push_str(heat);
        let consent = match rng.u8(..20) {
            0 => "нет",
            1 | 2 => "",
            _ => "да",
        };
        let registered = epoch - Duration::days(rng.i64(1..730));
        let phone = phone_for(i);
        let phone_text = match i % 3 {
            0 => format!(
                "8 {} {}-{}-{}",
                &phone[2..5],
                &phone[5..8],
                &phone[8..10],
                &phone[10..]
            ),
            1 => format!(
                "+7 ({}) {}-{}-{}",
                &phone[2..5],
                &phone[5..8],
                &phone[8..10],
                &phone[10..]
            ),
            _ => phone[1..].to_owned(),
        };
        contacts
            .write_record([
                ext.as_str(),
                &name,
                &phone_text,
                city,
                source,
                utm_source,
                utm_medium,
                utm_campaign,
                &tags,
                consent,
                &registered.format("%d.%m.%Y").to_string(),
            ])
            .map_err(&ce)?;

        // Buyers: about 40%, most with one order, a few loyal ones with many.
        if rng.u8(..10) < 4 {
            let count = match rng.u8(..10) {
                0..=5 => 1,
                6..=8 => rng.u32(2..4),
                _ => rng.u32(4..12),
            };
            for _ in 0..count {
                let (product, category, price) = if rng.u8(..3) == 0 {
                    *pick(&mut rng, PRODUCTS)
                } else {
                    *PRODUCTS
                        .iter()
                        .find(|p| p.1 == *interest)
                        .unwrap_or(&PRODUCTS[0])
                };
                let at = registered
                    + Duration::minutes(rng.i64(0..(epoch - registered).num_minutes().max(1)));
                order_no += 1;
                let amount = price * 100 * i64::from(rng.u8(1..3));
                orders
                    .write_record([
                        ext.as_str(),
                        &order_no.to_string(),
                        &at.format("%d.%m.%Y %H:%M").to_string(),
                        &format!("{},{:02}", amount / 100, amount % 100),
                        product,
                        category,
                    ])
                    .map_err(&oe)?;
            }
        }

        // Campaign events for consenting contacts: engaged readers, clickers and sleepers.
        if consent != "да" {
            continue;
        }
        let engagement = rng.u8(..10); // 0–2 sleepers, 3–9 readers of varying keenness
        let mut opted_out = false;
        for (c, (campaign, days_ago)) in CAMPAIGNS.iter().enumerate() {
            if opted_out || rng.u8(..10) < 4 {
                continue;
            }
            let sent = epoch - Duration::days(*days_ago) + Duration::minutes(rng.i64(0..120));
            let message_id = format!("m{c}-{i}");
            let mut event = |kind: &str, at: chrono::DateTime<Utc>, button: &str| {
                events.write_record([
                    ext.as_str(),
                    campaign,
                    &message_id,
                    kind,
                    button,
                    &at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                ])
            };
            event("delivered", sent, "").map_err(&ee)?;
            if engagement >= 3 && rng.u8(..10) < engagement {
                event("read", sent + Duration::minutes(rng.i64(1..600)), "").map_err(&ee)?;
                if rng.u8(..10) < engagement / 2 {
                    let button = pick(&mut rng, BUTTONS);
                    event(
                        "clicked",
                        sent + Duration::minutes(rng.i64(600..900)),
                        button,
                    )
                    .map_err(&ee)?;
                }
            }
            if rng.u16(..400) == 0 {
                let kind = if rng.bool() {
                    "unsubscribed"
                } else {
                    "blocked"
                };
                event(kind, sent + Duration::hours(20), "").map_err(&ee)?;
                opted_out = true;
            }
        }
    }
    for (w, p) in [
        (contacts, &files.contacts),
        (orders, &files.orders),
        (events, &files.events),
    ] {
        w.into_inner()
            .map_err(|e| Error::io(p, std::io::Error::other(e.to_string())))?
            .flush()
            .map_err(|e| Error::io(p, e))?;
    }
    drop((ce, oe, ee));
    Ok(files)
}

/// The default place of the demo base: beside the real one.
pub fn default_demo_path(real: &Path) -> PathBuf {
    real.with_file_name("adresat-demo.sqlite")
}

/// Creates (or replaces) a demo base at `db` with `n` generated contacts, their orders and
/// events up to the task's moment, marked as a demo. `task` hears the overall share done.
pub fn create_base(db: &Path, n: u64, files_dir: &Path, task: Task) -> Result<Vec<ImportReport>> {
    let now = task.now();
    let files = write_files(files_dir, n, SEED, now.date_naive())?;
    for suffix in ["", "-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        match std::fs::remove_file(PathBuf::from(p)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(Error::io(db, e)),
            _ => {}
        }
    }
    let mut store = Store::open(db)?;
    store.set_setting("demo", "1")?;
    let steps = [
        (ImportKind::Contacts, &files.contacts, 0.0, 0.6),
        (ImportKind::Orders, &files.orders, 0.6, 0.75),
        (ImportKind::Events, &files.events, 0.75, 1.0),
    ];
    let mut reports = Vec::new();
    for (kind, path, from, to) in steps {
        reports.push(import::run(
            &mut store,
            path,
            &ImportOptions::new(kind, now),
            task.part(from, to),
        )?);
    }
    Ok(reports)
}
