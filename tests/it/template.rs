//! Message templates: parsing with positions, fallbacks, rendering, WhatsApp parameters, and the
//! lengths messengers and SMS count.

use adresat::i18n::{Lang, tr_in};
use adresat::template::{Piece, parse, sms_size, utf16_len};

const KNOWN: [&str; 5] = ["name", "first_name", "city", "promo", "Любимый цвет"];

fn known(name: &str) -> bool {
    KNOWN.contains(&name)
}

fn values(first_name: &str, city: &str) -> impl FnMut(&str) -> Option<String> {
    let (first_name, city) = (first_name.to_owned(), city.to_owned());
    move |name| match name {
        "first_name" => Some(first_name.clone()),
        "city" => Some(city.clone()),
        "promo" => Some("ВЕСНА10".to_owned()),
        _ => None,
    }
}

#[test]
fn fallbacks_whitespace_cyrillic_emoji_and_literal_braces() {
    let (t, problems) = parse(
        "Привет, {{first_name|друг}}! 🌸 Промокод {{ promo }} — скидка {10%} в {{city}}.",
        &known,
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        t.render(&mut values("Мария", "Омск")),
        "Привет, Мария! 🌸 Промокод ВЕСНА10 — скидка {10%} в Омск."
    );
    // Empty and whitespace-only values take the fallback; without one they stay empty.
    assert_eq!(
        t.render(&mut values("   ", "")),
        "Привет, друг! 🌸 Промокод ВЕСНА10 — скидка {10%} в ."
    );
    assert_eq!(t.missing(&mut values(" ", " ")), ["city"]);
    assert!(t.missing(&mut values("Мария", "Омск")).is_empty());
    // A custom field keeps its column name.
    let (t, problems) = parse("{{Любимый цвет|любой}}", &known);
    assert!(problems.is_empty());
    assert!(matches!(&t.pieces[0], Piece::Var { name, .. } if name == "Любимый цвет"));
}

#[test]
fn each_fault_is_reported_at_its_place() {
    let text = "Привет, {{firstname}}! {{city|}} {{}} и {{promo";
    let (t, problems) = parse(text, &known);
    let found: Vec<(&str, &str)> = problems
        .iter()
        .map(|p| (&text[p.span.clone()], p.msg.id))
        .collect();
    assert_eq!(
        found,
        [
            ("{{firstname}}", "template-unknown"),
            ("{{city|}}", "template-empty-fallback"),
            ("{{}}", "template-empty-name"),
            ("{{promo", "template-unclosed"),
        ]
    );
    // The faulty parts stay as text; the message names the variable.
    assert!(t.render(&mut |_| None).contains("{{firstname}}"));
    let msg = problems[0].msg.render(Lang::Ru);
    assert!(msg.contains("firstname"), "{msg}");
    assert_ne!(
        tr_in(Lang::En, "template-unclosed", &[]),
        "template-unclosed"
    );
}

#[test]
fn whatsapp_gets_numbered_parameters_with_fallbacks_applied() {
    let (t, _) = parse(
        "{{first_name|друг}}, в {{city}} скидка! {{first_name|друг}}, ждём.",
        &known,
    );
    let (text, names) = t.whatsapp();
    assert_eq!(text, "{{1}}, в {{2}} скидка! {{1}}, ждём.");
    assert_eq!(names, ["first_name", "city"]);
    assert_eq!(
        t.whatsapp_parameters(&mut values("", "Омск")),
        ["друг", "Омск"]
    );
}

#[test]
fn lengths_as_the_platforms_count() {
    // WhatsApp and Telegram count UTF-16 units: an emoji outside the BMP is two.
    assert_eq!(utf16_len("Привет"), 6);
    assert_eq!(utf16_len("🌸"), 2);
    // GSM-7: 160 in one part, then 153 per part.
    let a = |n: usize| "a".repeat(n);
    assert_eq!(sms_size(&a(160)).parts, 1);
    assert_eq!(sms_size(&a(161)).parts, 2);
    assert_eq!(sms_size(&a(306)).parts, 2);
    assert_eq!(sms_size(&a(307)).parts, 3);
    // Extension characters (€ [ ] { } ^ ~ | \) take two septets.
    let euro = sms_size(&"€".repeat(80));
    assert_eq!((euro.gsm7, euro.units, euro.parts), (true, 160, 1));
    assert_eq!(sms_size(&"€".repeat(81)).parts, 2);
    assert_eq!(sms_size("a[b]").units, 6);
    // Cyrillic makes it UCS-2: 70 in one part, then 67 per part.
    let ru = |n: usize| "я".repeat(n);
    assert!(!sms_size(&ru(70)).gsm7);
    assert_eq!(sms_size(&ru(70)).parts, 1);
    assert_eq!(sms_size(&ru(71)).parts, 2);
    assert_eq!(sms_size(&ru(134)).parts, 2);
    assert_eq!(sms_size(&ru(135)).parts, 3);
    assert_eq!(sms_size("").parts, 0);
}

#[test]
fn arbitrary_text_never_panics() {
    let mut rng = fastrand::Rng::with_seed(7);
    let alphabet: Vec<char> = "{}|ab я🌸 \n".chars().collect();
    for _ in 0..20_000 {
        let text: String = (0..rng.usize(0..40))
            .map(|_| alphabet[rng.usize(..alphabet.len())])
            .collect();
        let (t, problems) = parse(&text, &|n| n == "a");
        for p in &problems {
            assert!(text.is_char_boundary(p.span.start) && text.is_char_boundary(p.span.end));
        }
        let rendered = t.render(&mut |_| Some("x".to_owned()));
        let _ = (sms_size(&rendered), t.whatsapp());
    }
}
