//! Rendering speed (not run by CI): one template parsed once and rendered for 1,000,000
//! recipients with their own values, as a send plan does.
//!
//!     cargo bench --bench templates

use std::collections::HashMap;
use std::time::Instant;

use adresat::template;

fn main() {
    let text = "{{first_name|Здравствуйте}}, в {{city}} новая коллекция {{interest|одежды}}! \
                Ваш последний заказ {{last_order_id}} на {{last_order_amount}}. Промокод {{promo}} 🌸";
    let (t, problems) = template::parse(text, &|_| true);
    assert!(problems.is_empty());
    let names = ["Мария", "", "Пётр", "  ", "Анна"];
    let cities = ["Омск", "Москва", "Новосибирск"];
    let recipients: Vec<HashMap<&str, String>> = (0..1_000_000usize)
        .map(|i| {
            HashMap::from([
                ("first_name", names[i % names.len()].to_owned()),
                ("city", cities[i % cities.len()].to_owned()),
                ("last_order_id", (100_000 + i).to_string()),
                ("last_order_amount", format!("{} ₽", 1000 + i % 5000)),
                ("promo", "ВЕСНА10".to_owned()),
            ])
        })
        .collect();
    let started = Instant::now();
    let mut out = String::new();
    let mut total = 0usize;
    for values in &recipients {
        t.render_into(&mut |n| values.get(n).cloned(), &mut out);
        total += out.len();
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "rendered 1,000,000 messages ({} MB of text) in {seconds:.3} s",
        total / 1_000_000
    );
}
