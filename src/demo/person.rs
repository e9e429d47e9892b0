//! One generated customer: who they are (a contacts row), what they bought (orders rows) and
//! what they did with the campaigns (events rows). The random draws run in one fixed order, so
//! a seed gives the same base every time.

use chrono::{DateTime, Duration, Utc};
use fastrand::Rng;

use super::tables::{
    BUTTONS, CAMPAIGNS, CITIES, FATHERS, FEMALE, INTERESTS, MALE, PRODUCTS, SOURCES, SURNAMES,
};

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

/// The number as CRMs write it, in one of three ways.
fn phone_text(i: u64) -> String {
    let phone = phone_for(i);
    let parts = (&phone[2..5], &phone[5..8], &phone[8..10], &phone[10..]);
    match i % 3 {
        0 => format!("8 {} {}-{}-{}", parts.0, parts.1, parts.2, parts.3),
        1 => format!("+7 ({}) {}-{}-{}", parts.0, parts.1, parts.2, parts.3),
        _ => phone[1..].to_owned(),
    }
}

/// A customer as the contacts file holds them.
pub struct Person {
    /// The index the customer was made for.
    pub i: u64,
    pub ext: String,
    pub name: String,
    pub phone: String,
    pub city: &'static str,
    pub source: (&'static str, &'static str, &'static str),
    pub interest: &'static str,
    pub tags: String,
    /// `да`, `нет` or empty, as the file writes it.
    pub consent: &'static str,
    pub registered: DateTime<Utc>,
}

impl Person {
    /// The customer number `i`, registered up to two years before `epoch`.
    pub fn new(rng: &mut Rng, i: u64, epoch: DateTime<Utc>) -> Person {
        let name = full_name(rng);
        let city = weighted(rng, CITIES);
        let source = *pick(rng, SOURCES);
        let interest = *pick(rng, INTERESTS);
        let tags = tags(rng, interest);
        let consent = match rng.u8(..20) {
            0 => "нет",
            1 | 2 => "",
            _ => "да",
        };
        let registered = epoch - Duration::days(rng.i64(1..730));
        Person {
            i,
            ext: format!("C{:07}", i + 1),
            name,
            phone: phone_text(i),
            city,
            source,
            interest,
            tags,
            consent,
            registered,
        }
    }

    /// The row of the contacts file, in the order of its header.
    pub fn row(&self) -> [String; 11] {
        let (source, utm_source, utm_medium) = self.source;
        let utm_campaign = if utm_source.is_empty() {
            ""
        } else {
            "spring_2026"
        };
        [
            self.ext.clone(),
            self.name.clone(),
            self.phone.clone(),
            self.city.to_owned(),
            source.to_owned(),
            utm_source.to_owned(),
            utm_medium.to_owned(),
            utm_campaign.to_owned(),
            self.tags.clone(),
            self.consent.to_owned(),
            self.registered.format("%d.%m.%Y").to_string(),
        ]
    }

    /// The customer's orders (about 40% buy: most once, a few loyal ones many times), each
    /// numbered after `order_no`, as rows of the orders file.
    pub fn orders(
        &self,
        rng: &mut Rng,
        epoch: DateTime<Utc>,
        order_no: &mut u64,
    ) -> Vec<[String; 6]> {
        if rng.u8(..10) >= 4 {
            return Vec::new();
        }
        let count = match rng.u8(..10) {
            0..=5 => 1,
            6..=8 => rng.u32(2..4),
            _ => rng.u32(4..12),
        };
        let mut rows = Vec::new();
        for _ in 0..count {
            let (product, category, price) = if rng.u8(..3) == 0 {
                *pick(rng, PRODUCTS)
            } else {
                *PRODUCTS
                    .iter()
                    .find(|p| p.1 == self.interest)
                    .unwrap_or(&PRODUCTS[0])
            };
            let span = (epoch - self.registered).num_minutes().max(1);
            let at = self.registered + Duration::minutes(rng.i64(0..span));
            *order_no += 1;
            let amount = price * 100 * i64::from(rng.u8(1..3));
            rows.push([
                self.ext.clone(),
                order_no.to_string(),
                at.format("%d.%m.%Y %H:%M").to_string(),
                format!("{},{:02}", amount / 100, amount % 100),
                product.to_owned(),
                category.to_owned(),
            ]);
        }
        rows
    }

    /// What the customer did on the shop's site in the last month (about a third did anything):
    /// products of their interest viewed, some put in the cart, a few carts taken to the
    /// checkout or kept in favourites — as rows of the site's activity file, by phone.
    pub fn activity(&self, rng: &mut Rng, epoch: DateTime<Utc>) -> Vec<[String; 7]> {
        let mut rows = Vec::new();
        if rng.u8(..3) > 0 {
            return rows;
        }
        for _ in 0..rng.u32(1..4) {
            let (product, category, price) = if rng.u8(..4) == 0 {
                *pick(rng, PRODUCTS)
            } else {
                *PRODUCTS
                    .iter()
                    .find(|p| p.1 == self.interest)
                    .unwrap_or(&PRODUCTS[0])
            };
            let viewed = epoch - Duration::minutes(rng.i64(0..30 * 24 * 60));
            let url = format!(
                "https://shop.example/p/{}",
                product.len() * 37 + price as usize
            );
            let mut row = |kind: &str, minutes: i64, value: i64| {
                rows.push([
                    self.phone.clone(),
                    kind.to_owned(),
                    product.to_owned(),
                    category.to_owned(),
                    value.to_string(),
                    url.clone(),
                    (viewed + Duration::minutes(minutes))
                        .format("%Y-%m-%dT%H:%M:%SZ")
                        .to_string(),
                ]);
            };
            row("просмотр товара", 0, price);
            if rng.u8(..10) < 4 {
                let quantity = i64::from(rng.u8(1..3));
                row("добавил в корзину", rng.i64(1..30), price * quantity);
                if rng.u8(..10) < 3 {
                    row("начал оформление", rng.i64(30..60), price * quantity);
                }
            } else if rng.u8(..10) == 0 {
                row("избранное", rng.i64(1..30), price);
            }
        }
        rows
    }

    /// What a consenting customer did with the campaigns — engaged readers, clickers and
    /// sleepers, a rare opt-out — as rows of the events file.
    pub fn events(&self, rng: &mut Rng, epoch: DateTime<Utc>) -> Vec<[String; 6]> {
        let mut rows = Vec::new();
        if self.consent != "да" {
            return rows;
        }
        let engagement = rng.u8(..10); // 0–2 sleepers, 3–9 readers of varying keenness
        for (c, (campaign, days_ago)) in CAMPAIGNS.iter().enumerate() {
            if rng.u8(..10) < 4 {
                continue;
            }
            let sent = epoch - Duration::days(*days_ago) + Duration::minutes(rng.i64(0..120));
            let message_id = format!("m{c}-{}", self.i);
            let mut event = |kind: &str, at: DateTime<Utc>, button: &str| {
                rows.push([
                    self.ext.clone(),
                    (*campaign).to_owned(),
                    message_id.clone(),
                    kind.to_owned(),
                    button.to_owned(),
                    at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                ]);
            };
            event("delivered", sent, "");
            if engagement >= 3 && rng.u8(..10) < engagement {
                event("read", sent + Duration::minutes(rng.i64(1..600)), "");
                if rng.u8(..10) < engagement / 2 {
                    let button = pick(rng, BUTTONS);
                    event(
                        "clicked",
                        sent + Duration::minutes(rng.i64(600..900)),
                        button,
                    );
                }
            }
            if rng.u16(..400) == 0 {
                let kind = if rng.bool() {
                    "unsubscribed"
                } else {
                    "blocked"
                };
                event(kind, sent + Duration::hours(20), "");
                // Nobody writes to them after that.
                break;
            }
        }
        rows
    }
}

/// A name as CRMs hold it: a first name alone, a surname and first name, or all three.
fn full_name(rng: &mut Rng) -> String {
    let female = rng.bool();
    let first = if female {
        pick(rng, FEMALE)
    } else {
        pick(rng, MALE)
    };
    let surname = pick(rng, SURNAMES);
    let surname = if female {
        format!("{surname}а")
    } else {
        (*surname).to_owned()
    };
    let (stem, male_end, female_end) = pick(rng, FATHERS);
    let patronymic = format!("{stem}{}", if female { female_end } else { male_end });
    match rng.u8(..10) {
        0 => (*first).to_owned(),
        1..=3 => format!("{surname} {first}"),
        _ => format!("{surname} {first} {patronymic}"),
    }
}

/// The interest tag, sometimes a price taste and "новинки", and how warm a lead they are.
fn tags(rng: &mut Rng, interest: &str) -> String {
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
    tags
}
