//! Campaigns: variant priority, exclusions, A/B arms pinned, rendering with the contact's values,
//! missing-value reports, and the CLI.

use adresat::campaign::{self, Arm, Campaign};
use adresat::import::ImportKind;
use adresat::segment::Rule;

use crate::support::{Scratch, unwatched};

fn base() -> Scratch {
    let mut s = Scratch::new();
    s.contacts(
        "ID клиента;ФИО;Телефон;Telegram;Город;Теги;Согласие на рассылку\n\
         A1;Иванова Мария;89120000001;;Омск;интерес:обувь;да\n\
         A2;Пётр Петров;89120000002;;Москва;;да\n\
         A3;ООО Ромашка;89120000003;;Москва;;да\n\
         A4;Семён;;@semen;Омск;;да\n\
         A5;Анна;89120000005;;Москва;vip;да\n\
         A6;Олег;89120000006;;Омск;;\n\
         A7;Ирина;;;Омск;;да\n",
    );
    let orders = s.file(
        "orders.csv",
        "ID клиента;Номер заказа;Дата заказа;Сумма;Товар\nA1;77;01.06.2026 12:00;1 234,50;Туфли\n",
    );
    s.import(ImportKind::Orders, &orders);
    let rule = |json: &str| Rule::from_json(json).unwrap();
    s.store
        .save_segment(
            "Омск",
            &rule(r#"{"version":1,"mode":"all","items":[{"type":"field","field":"city","op":"equals","value":"Омск"}]}"#),
            "", chrono::Utc::now(),
        )
        .unwrap();
    s.store
        .save_segment("Все", &Rule::everyone(), "", chrono::Utc::now())
        .unwrap();
    s.store
        .save_segment(
            "VIP",
            &rule(
                r#"{"version":1,"mode":"all","items":[{"type":"tags","op":"has","tags":["vip"]}]}"#,
            ),
            "",
            chrono::Utc::now(),
        )
        .unwrap();
    s
}

const CAMPAIGN: &str = r#"{
  "name": "Весна",
  "channel": "whatsapp",
  "values": {"promo": "ВЕСНА10"},
  "interest_group": "интерес:*",
  "variants": [
    {"name": "Омичи", "segment": "Омск",
     "text": "{{first_name|Здравствуйте}}, для вас {{interest|новинки}}! Последний заказ {{last_order_id}} на {{last_order_amount}}. Код {{promo}}."},
    {"name": "Остальные", "segment": "Все", "text": "{{first_name}}, весна! Код {{promo}}.",
     "b": {"percent": 50, "text": "{{first_name|Друзья}}, скидка по коду {{promo}}."}}
  ],
  "never": ["VIP"]
}"#;

#[test]
fn variants_exclusions_arms_and_rendering() {
    let s = base();
    let c = Campaign::from_json(CAMPAIGN).unwrap();
    let r = campaign::preview(&s.store, &c, today(), None, 100, unwatched()).unwrap();
    let by_ext = |ext: &str| {
        let id = s
            .store
            .find_contact(&adresat::store::ContactKey::own(ext))
            .unwrap()
            .unwrap();
        r.iter().find(|x| x.contact_id == id).cloned()
    };
    // A1 is in both segments: the first variant wins.
    let a1 = by_ext("A1").unwrap();
    assert_eq!(a1.variant, "Омичи");
    assert_eq!(
        a1.text,
        "Мария, для вас обувь! Последний заказ 77 на 1\u{a0}234,50\u{a0}₽. Код ВЕСНА10."
    );
    assert_eq!(
        a1.whatsapp_parameters,
        ["Мария", "обувь", "77", "1\u{a0}234,50\u{a0}₽", "ВЕСНА10"]
    );
    // A4 has no phone: no WhatsApp. A5 is VIP: never sent to.
    assert!(by_ext("A4").is_none());
    assert!(by_ext("A5").is_none());
    // The others are split by the stable hash, and "ООО Ромашка" has no first name.
    for ext in ["A2", "A3"] {
        let x = by_ext(ext).unwrap();
        assert_eq!(x.variant, "Остальные");
        assert_eq!(x.arm, campaign::arm("Весна", x.contact_id, 50));
    }
    let a3 = by_ext("A3").unwrap();
    match a3.arm {
        Arm::A => assert_eq!(
            (a3.text.as_str(), a3.missing.clone()),
            (", весна! Код ВЕСНА10.", vec!["first_name".to_owned()])
        ),
        _ => assert_eq!(a3.text, "Друзья, скидка по коду ВЕСНА10."),
    }
    assert_eq!(r.len(), 3);
}

#[test]
fn everyone_in_the_segments_is_sent_to_or_excluded_for_one_reason() {
    use campaign::Exclusion;
    let s = base();
    let c = Campaign::from_json(CAMPAIGN).unwrap();
    let today = adresat::segment::Today::at(chrono::Utc::now(), chrono_tz::Europe::Moscow);
    let audience = campaign::audience(&s.store, &c, today, unwatched()).unwrap();
    let reasons: std::collections::BTreeMap<Exclusion, u64> =
        audience.exclusion_counts().into_iter().collect();
    // A6 never said yes; A5 is VIP; A4 has only Telegram; A7 has no address at all.
    assert_eq!(reasons[&Exclusion::NoConsent], 1);
    assert_eq!(reasons[&Exclusion::NeverSend], 1);
    assert_eq!(reasons[&Exclusion::OtherChannel], 1);
    assert_eq!(reasons[&Exclusion::NoAddress], 1);
    assert_eq!(
        reasons[&Exclusion::Unsubscribed] + reasons[&Exclusion::Blocked],
        0
    );
    // "Все" holds all seven: three get a message, four are excluded.
    assert_eq!(audience.segments_size(), 7);
    let sizes = audience.variant_sizes(2);
    assert_eq!(sizes[0][0] + sizes[0][1], 1);
    assert_eq!(sizes[1][0] + sizes[1][1], 2);
    // A6 and A7 are in Омск: excluded under the first variant.
    assert_eq!(
        audience.excluded.iter().filter(|e| e.variant == 0).count(),
        3
    );
}

#[test]
fn arms_are_pinned_for_known_contacts() {
    // FNV-1a of "Весна", 0x1F, the id: fixed forever, so a rebuilt plan keeps everyone's arm.
    let arms: String = (1..=12)
        .map(|id| campaign::arm("Весна", id, 50).as_str())
        .collect();
    assert_eq!(arms, PINNED);
    assert!((1..=12).all(|id| campaign::arm("Весна", id, 0) == Arm::A));
    assert!((1..=12).all(|id| campaign::arm("Весна", id, 100) == Arm::B));
}

/// Computed independently (Python) from the documented hash.
const PINNED: &str = "BABAABABBABA";

#[test]
fn a_bad_template_or_segment_is_refused_with_its_place() {
    let s = base();
    let mut c = Campaign::from_json(CAMPAIGN).unwrap();
    c.variants[1].text = "Привет, {{firstname}}".into();
    let e = campaign::preview(&s.store, &c, today(), None, 10, unwatched()).unwrap_err();
    assert_eq!(e.id(), "campaign-error-template");
    let text = e.to_string();
    assert!(
        text.contains("Остальные") && text.contains("9") && text.contains("firstname"),
        "{text}"
    );
    c.variants[1].segment = "Нет такого".into();
    c.variants[1].text = "Привет".into();
    assert_eq!(
        campaign::preview(&s.store, &c, today(), None, 10, unwatched())
            .unwrap_err()
            .id(),
        "campaign-error-segment"
    );
}

#[test]
fn the_cli_saves_and_previews_with_json() {
    let s = base();
    let file = s.file("spring.json", CAMPAIGN);
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_adresat"))
            .arg("--db")
            .arg(s.store.path())
            .args(args)
            .output()
            .unwrap()
    };
    assert!(
        run(&["campaign", "save", file.to_str().unwrap()])
            .status
            .success()
    );
    let out = run(&[
        "campaign",
        "preview",
        "Весна",
        "--contact",
        "8 912 000-00-01",
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["variant"], "Омичи");
    assert_eq!(v[0]["arm"], "A");
    assert!(
        v[0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Мария, для вас обувь!")
    );
    assert_eq!(v[0]["whatsapp_parameters"][0], "Мария");
    assert_eq!(v[0]["warnings"], serde_json::json!([]));
}

#[test]
fn the_worst_case_and_the_gaps_are_found_among_all_recipients() {
    let s = base();
    let mut c = Campaign::from_json(CAMPAIGN).unwrap();
    c.variants[1].b = None;
    c.variants[0].text = format!("{{{{first_name}}}} {}", "я".repeat(1100));
    let r = campaign::preview(&s.store, &c, today(), None, usize::MAX, unwatched()).unwrap();
    let checks = campaign::checks(c.channel, &r);
    let (id, len) = checks.longest.unwrap();
    assert_eq!(checks.limit, Some(campaign::WHATSAPP_LIMIT));
    assert!(len > campaign::WHATSAPP_LIMIT);
    assert_eq!(
        r.iter().find(|x| x.contact_id == id).unwrap().variant,
        "Омичи"
    );
    // "ООО Ромашка" has no first name: listed under first_name.
    let gaps = &checks.missing["first_name"];
    assert_eq!(gaps.len(), 1);
    c.channel = campaign::Channel::Sms;
    let checks = campaign::checks(c.channel, &r);
    assert_eq!(
        checks.longest.unwrap().1,
        adresat::template::sms_size(&r.iter().find(|x| x.contact_id == id).unwrap().text).parts
    );
}

#[test]
fn telegram_reaches_a_chat_id_and_excludes_a_username_alone_with_its_own_reason() {
    use campaign::Exclusion;
    let mut s = Scratch::new();
    s.contacts(
        "ID клиента;ФИО;Telegram chat id;Telegram;Телефон;Согласие на рассылку\n\
         T1;Чат;700100;;;да\n\
         T2;Имя;;@only_name;;да\n\
         T3;Оба;700300;@both;;да\n\
         T4;Телефон;;;89120000004;да\n",
    );
    s.store
        .save_segment("Все", &Rule::everyone(), "", chrono::Utc::now())
        .unwrap();
    let c = Campaign::from_json(
        r#"{"name": "Бот", "channel": "telegram",
            "variants": [{"name": "Все", "segment": "Все", "text": "Привет"}]}"#,
    )
    .unwrap();
    let today = adresat::segment::Today::at(chrono::Utc::now(), chrono_tz::Europe::Moscow);
    let audience = campaign::audience(&s.store, &c, today, unwatched()).unwrap();
    let reached: Vec<i64> = audience.assigned.iter().map(|a| a.contact_id).collect();
    let id = |ext: &str| s.by_external(ext).0.id;
    assert_eq!(reached, vec![id("T1"), id("T3")]);
    let reasons: std::collections::BTreeMap<Exclusion, u64> =
        audience.exclusion_counts().into_iter().collect();
    assert_eq!(reasons[&Exclusion::TelegramUsernameOnly], 1);
    assert_eq!(reasons[&Exclusion::OtherChannel], 1);
    assert_eq!(
        Exclusion::TelegramUsernameOnly
            .msg()
            .render(adresat::i18n::Lang::En),
        "Telegram username only"
    );
}

/// Today in Moscow, the owner's zone of these bases.
fn today() -> adresat::segment::Today {
    adresat::segment::Today::at(chrono::Utc::now(), chrono_tz::Europe::Moscow)
}

#[test]
fn the_cli_refuses_what_the_window_refuses() {
    let s = base();
    let run = |json: &str, extra: &[&str]| {
        let file = s.file("c.json", json);
        std::process::Command::new(env!("CARGO_BIN_EXE_adresat"))
            .arg("--db")
            .arg(s.store.path())
            .args(["--lang", "en", "campaign", "save"])
            .arg(&file)
            .args(extra)
            .output()
            .unwrap()
    };
    let refused = |json: &str, extra: &[&str], words: &str| {
        let out = run(json, extra);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!out.status.success(), "saved: {json}");
        assert!(err.contains(words), "{err}");
    };
    let variant = |extra: &str| {
        format!(
            r#"{{"name": "Лето", "channel": "whatsapp",
                "variants": [{{"name": "Все", "segment": "Все", "text": "Привет"{extra}}}]}}"#
        )
    };
    refused(
        &variant("").replace("\"Лето\"", "\"  \""),
        &[],
        "needs a name",
    );
    refused(
        &variant("").replace("\"segment\": \"Все\"", "\"segment\": \"Нет такого\""),
        &[],
        "Нет такого",
    );
    let five = r#", "buttons": [{"text": "1"}, {"text": "2"}, {"text": "3"}, {"text": "4"}, {"text": "5"}]"#;
    refused(&variant(five), &[], "at most 3");
    refused(
        &variant(r#", "b": {"percent": 0, "text": "Б"}"#),
        &[],
        "1 to 99",
    );
    refused(&variant("").replace("Привет", "{{nope}}"), &[], "Все");
    refused(
        &variant("").replace("\"variants\"", "\"never\": [\"Пропавший\"], \"variants\""),
        &[],
        "Пропавший",
    );
    assert_eq!(s.store.campaign_names().unwrap(), Vec::<String>::new());

    // A good one saves; the same name again needs --replace.
    assert!(run(&variant(""), &[]).status.success());
    refused(&variant(""), &[], "already exists");
    assert!(run(&variant(""), &["--replace"]).status.success());
    assert_eq!(s.store.campaign_names().unwrap(), vec!["Лето".to_owned()]);
}

#[test]
fn each_channel_says_what_it_needs_in_one_place() {
    use adresat::campaign::{Address, Channel};
    for channel in Channel::ALL {
        // Its word is the one campaign files and the contacts' `channel` field use.
        let json = serde_json::to_string(&channel).unwrap();
        assert_eq!(json, format!("\"{}\"", channel.as_str()));
        assert!(adresat::segment::CHANNELS.contains(&channel.as_str()));
        assert_eq!(channel.counts_parts(), channel.text_limit().is_none());
    }
    assert_eq!(Channel::Telegram.address(), Address::TelegramChat);
    assert_eq!(Channel::Sms.address(), Address::Phone);
    assert_eq!(
        Channel::Whatsapp.text_limit(),
        Some(campaign::WHATSAPP_LIMIT)
    );
    assert!(Channel::Sms.counts_parts());
}
