//! `adresat segment` and `adresat flow`, run as the real binary.

use std::path::Path;
use std::process::{Command, Output};

fn adresat(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_adresat"))
        .arg("--db")
        .arg(db)
        .args(args)
        .arg("--lang")
        .arg("en")
        .output()
        .unwrap()
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn count_save_list_export_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.sqlite");
    let contacts = dir.path().join("contacts.csv");
    std::fs::write(
        &contacts,
        "ID клиента;Город;Согласие на рассылку;Теги\nA1;Омск;да;vip\nA2;Омск;нет;\nA3;Москва;да;vip\n",
    )
    .unwrap();
    ok(&adresat(
        &db,
        &["import", "contacts", contacts.to_str().unwrap()],
    ));
    let rule = dir.path().join("omsk.json");
    std::fs::write(
        &rule,
        r#"{"version": 1, "mode": "all", "items": [
            {"type": "field", "field": "city", "op": "equals", "value": "Омск"},
            {"type": "consent", "is": "yes"}
        ]}"#,
    )
    .unwrap();
    let rule = rule.to_str().unwrap();

    assert_eq!(
        ok(&adresat(&db, &["segment", "count", rule])).trim(),
        "1 contact"
    );
    let v: serde_json::Value =
        serde_json::from_str(&ok(&adresat(&db, &["segment", "count", rule, "--json"]))).unwrap();
    assert_eq!(v, serde_json::json!({"count": 1, "funnel": [2, 1]}));

    ok(&adresat(
        &db,
        &["segment", "save", "Омск с согласием", rule],
    ));
    let list = ok(&adresat(&db, &["segment", "list"]));
    assert_eq!(list.trim(), "Омск с согласием\t1");
    let v: serde_json::Value =
        serde_json::from_str(&ok(&adresat(&db, &["segment", "list", "--json"]))).unwrap();
    assert_eq!(v[0]["name"], "Омск с согласием");
    assert_eq!(v[0]["count"], 1);
    assert_eq!(v[0]["rule"]["items"][0]["value"], "Омск");

    // By name, and to a file that imports back.
    let out = dir.path().join("segment.csv");
    ok(&adresat(
        &db,
        &[
            "segment",
            "export",
            "Омск с согласием",
            "--out",
            out.to_str().unwrap(),
        ],
    ));
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.lines().nth(1).unwrap().contains(";A1;"), "{text}");

    // Errors: the spot, the file, the unknown name.
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"version": 1, "mode": "all", "items": [{"type": "tags", "op": "has", "tags": ["gold"]}]}"#,
    )
    .unwrap();
    let out = adresat(&db, &["segment", "save", "Золото", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Condition 1") && err.contains("gold"), "{err}");
    let out = adresat(&db, &["segment", "count", "Нет такого"]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("neither a rule file nor a saved segment")
    );
    std::fs::write(&bad, "{\"version\": 1, \"mode\": ").unwrap();
    let out = adresat(&db, &["segment", "count", bad.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.json") && err.contains("line 1"), "{err}");

    // Flows.
    ok(&adresat(
        &db,
        &["flow", "save", "Воронка", "Узнать", "Купить"],
    ));
    assert_eq!(
        ok(&adresat(&db, &["flow", "list"])).trim(),
        "Воронка\tУзнать → Купить"
    );
    ok(&adresat(&db, &["flow", "delete", "Воронка"]));
    assert_eq!(ok(&adresat(&db, &["flow", "list"])).trim(), "");
    assert!(
        !adresat(&db, &["flow", "delete", "Воронка"])
            .status
            .success()
    );

    ok(&adresat(&db, &["segment", "delete", "Омск с согласием"]));
    assert_eq!(ok(&adresat(&db, &["segment", "list"])).trim(), "");
}

/// `segment explain`: a saved segment or a rule file, the contact by the key named; text with
/// each node's verdict, JSON with `matches` at the top; one key only, and a missing contact
/// said in words.
#[test]
fn explain_tells_a_contacts_way_through_a_rule() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.sqlite");
    let contacts = dir.path().join("contacts.csv");
    std::fs::write(
        &contacts,
        "ID клиента;ФИО;Телефон;Город;Согласие на рассылку;Теги\n\
         A1;Анна;89120000001;Омск;да;vip\nA2;Борис;89120000002;Омск;нет;\n",
    )
    .unwrap();
    ok(&adresat(
        &db,
        &["import", "contacts", contacts.to_str().unwrap()],
    ));
    let rule = dir.path().join("omsk.json");
    std::fs::write(
        &rule,
        r#"{"version": 1, "mode": "all", "items": [
            {"type": "field", "field": "city", "op": "equals", "value": "Омск"},
            {"type": "consent", "is": "yes"}
        ]}"#,
    )
    .unwrap();
    ok(&adresat(
        &db,
        &["segment", "save", "Омск", rule.to_str().unwrap()],
    ));

    let text = ok(&adresat(
        &db,
        &["segment", "explain", "Омск", "--phone", "+7 912 000-00-02"],
    ));
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("Борис") && lines[0].ends_with("is not in the segment"),
        "{text}"
    );
    assert!(
        text.contains("✓ 1 Field") && text.contains("«Омск»"),
        "{text}"
    );
    assert!(
        text.contains("✗ 2 Consent ←") && text.contains("Consent: no"),
        "{text}"
    );
    assert!(
        text.contains("Decided by condition 2: it does not hold"),
        "{text}"
    );

    let v: serde_json::Value = serde_json::from_str(&ok(&adresat(
        &db,
        &[
            "segment",
            "explain",
            rule.to_str().unwrap(),
            "--external-id",
            "A1",
            "--json",
        ],
    )))
    .unwrap();
    assert_eq!(v["matches"], true);
    assert_eq!(v["contact"]["who"], "Анна");
    assert_eq!(v["rule"]["items"][1]["values"]["consent"], "yes");

    let out = adresat(
        &db,
        &[
            "segment",
            "explain",
            "Омск",
            "--id",
            "1",
            "--phone",
            "89120000001",
        ],
    );
    assert!(!out.status.success(), "two keys at once are refused");
    let out = adresat(&db, &["segment", "explain", "Омск"]);
    assert!(!out.status.success(), "a key is needed");
    let out = adresat(
        &db,
        &["segment", "explain", "Омск", "--email", "nobody@mail.ru"],
    );
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no contact with the e-mail nobody@mail.ru"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
