//! The command line, run as the real binary.

use serde_json::json;
use std::path::Path;
use std::process::{Command, Output};

/// The binary on the base `db`, in English.
pub fn adresat(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_adresat"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("ADRESAT_LANG", "en")
        .output()
        .unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn import_json_rejects_file_and_export_roundtrip() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.sqlite");
    let file = dir.path().join("crm.csv");
    std::fs::write(
        &file,
        "ФИО;Телефон;Город\nИванова Мария;89120000001;Омск\nБез номера;;Омск\n",
    )
    .unwrap();
    let rejects = dir.path().join("rejects.csv");
    let out = adresat(
        &db,
        &[
            "import",
            "contacts",
            file.to_str().unwrap(),
            "--json",
            "--rejects",
            rejects.to_str().unwrap(),
        ],
    );
    let v = json(&out);
    assert_eq!(
        (
            v["read"].as_u64(),
            v["inserted"].as_u64(),
            v["updated"].as_u64(),
            v["rejected"].as_u64()
        ),
        (Some(2), Some(1), Some(0), Some(1))
    );
    assert_eq!(v["rejects"][0]["line"], 3);
    assert_eq!(v["rejects"][0]["reason_id"], "reject-no-key");
    assert_eq!(
        (&v["origin"], &v["id_system"]),
        (&json!(null), &json!("own"))
    );
    assert!(
        std::fs::read_to_string(&rejects)
            .unwrap()
            .contains("Без номера")
    );

    let export = dir.path().join("all.csv");
    let out = adresat(
        &db,
        &["contacts", "export", "--out", export.to_str().unwrap()],
    );
    assert!(out.status.success());
    let v = json(&adresat(
        &db,
        &["import", "contacts", export.to_str().unwrap(), "--json"],
    ));
    assert_eq!(
        (
            v["inserted"].as_u64(),
            v["updated"].as_u64(),
            v["unchanged"].as_u64()
        ),
        (Some(0), Some(0), Some(1))
    );

    let stats = json(&adresat(&db, &["stats", "--json"]));
    assert_eq!(stats["contacts"], 1);
    assert_eq!(stats["is_demo"], false);
}

#[test]
fn failures_exit_nonzero_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.sqlite");
    let empty = dir.path().join("empty.csv");
    std::fs::write(&empty, "").unwrap();
    let out = adresat(
        &db,
        &["import", "contacts", empty.to_str().unwrap(), "--json"],
    );
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("empty.csv") && err.contains("empty"), "{err}");
    assert!(out.stdout.is_empty());

    let bad = adresat(&db, &["contacts", "export", "--out", "x.csv", "--sep", "я"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8(bad.stderr).unwrap().contains("separator"));

    let out = Command::new(env!("CARGO_BIN_EXE_adresat"))
        .args([
            "--db",
            db.to_str().unwrap(),
            "--lang",
            "ru",
            "import",
            "orders",
            empty.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stderr).unwrap().contains("файл пуст"));
}

#[test]
fn settings_are_validated_and_kept_in_the_base() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.sqlite");
    let get =
        |key: &str| String::from_utf8(adresat(&db, &["settings", "get", key]).stdout).unwrap();
    assert_eq!(get("owner_tz").trim(), "Europe/Moscow");
    assert!(
        adresat(&db, &["settings", "set", "owner_tz", "Asia/Omsk"])
            .status
            .success()
    );
    assert_eq!(get("owner_tz").trim(), "Asia/Omsk");
    let bad = adresat(&db, &["settings", "set", "owner_tz", "Asia/Atlantis"]);
    assert!(!bad.status.success());
    assert!(
        String::from_utf8(bad.stderr)
            .unwrap()
            .contains("Asia/Atlantis")
    );
    assert!(
        !adresat(&db, &["settings", "set", "colour", "red"])
            .status
            .success()
    );
    assert!(
        adresat(&db, &["settings", "set", "default_country", "by"])
            .status
            .success()
    );
    assert_eq!(get("default_country").trim(), "BY");
    let list = String::from_utf8(adresat(&db, &["settings", "list"]).stdout).unwrap();
    assert!(
        list.contains("owner_tz = Asia/Omsk") && list.contains("default_country = BY"),
        "{list}"
    );
}

#[test]
fn demo_base_is_marked_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("demo");
    let unused = dir.path().join("unused.sqlite");
    let out = adresat(
        &unused,
        &[
            "demo",
            "--contacts",
            "500",
            "--out",
            out_dir.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let db = out_dir.join("adresat-demo.sqlite");
    let stats = json(&adresat(&db, &["stats", "--json"]));
    assert_eq!(stats["contacts"], 500);
    assert_eq!(stats["is_demo"], true);
    assert!(stats["orders"].as_i64().unwrap() > 100);
    assert!(stats["events"].as_i64().unwrap() > 500);
    assert!(stats["unsubscribed"].as_i64().unwrap() + stats["blocked"].as_i64().unwrap() > 0);
    let export = dir.path().join("demo.csv");
    assert!(
        adresat(
            &db,
            &["contacts", "export", "--out", export.to_str().unwrap()]
        )
        .status
        .success()
    );
    let text = std::fs::read_to_string(&export).unwrap();
    let header = text.lines().next().unwrap();
    assert!(header.ends_with("demo_data"), "{header}");
    assert!(text.lines().skip(1).all(|l| l.contains("DEMO")));
    // A plan of it, in a profile whose columns have no room for a mark: every name says DEMO.
    let sms = dir.path().join("sms");
    let campaign = dir.path().join("c.json");
    std::fs::write(
        &campaign,
        r#"{"name": "Демо", "channel": "sms", "sleeping": null,
            "variants": [{"name": "Все", "segment": "Все", "text": "Привет"}]}"#,
    )
    .unwrap();
    let all = dir.path().join("all.json");
    std::fs::write(&all, r#"{"version":1,"mode":"all","items":[]}"#).unwrap();
    assert!(
        adresat(&db, &["segment", "save", "Все", all.to_str().unwrap()])
            .status
            .success()
    );
    let planned = adresat(
        &db,
        &[
            "plan",
            campaign.to_str().unwrap(),
            "--date",
            "2099-01-15",
            "--profile",
            "sms-gateway",
            "--out",
            sms.to_str().unwrap(),
        ],
    );
    assert!(
        planned.status.success(),
        "{}",
        String::from_utf8_lossy(&planned.stderr)
    );
    assert!(!sms.exists());
    let files: Vec<String> = std::fs::read_dir(dir.path().join("DEMO_sms"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        files.len() > 1 && files.iter().all(|f| f.starts_with("DEMO_")),
        "{files:?}"
    );
}

#[test]
fn a_base_busy_with_other_work_says_so_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.sqlite");
    assert!(
        adresat(&db, &["settings", "set", "owner_tz", "Asia/Omsk"])
            .status
            .success()
    );
    // Another window's import holds the base's write lock for longer than a command waits.
    let other = rusqlite::Connection::open(&db).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let busy = adresat(
        &db,
        &[
            "--lang",
            "ru",
            "settings",
            "set",
            "owner_tz",
            "Europe/Samara",
        ],
    );
    assert!(!busy.status.success());
    let said = String::from_utf8_lossy(&busy.stderr);
    assert!(said.contains("База занята другой работой"), "{said}");
    assert!(said.contains("ничего не изменено"), "{said}");
    other.execute_batch("ROLLBACK").unwrap();
    let value = adresat(&db, &["settings", "get", "owner_tz"]);
    assert_eq!(String::from_utf8_lossy(&value.stdout).trim(), "Asia/Omsk");
    // Once the other work is done, the same command goes through.
    assert!(
        adresat(&db, &["settings", "set", "owner_tz", "Europe/Samara"])
            .status
            .success()
    );
}

/// Every setting the owner may set is named once (`store::Setting`): its key reads back as
/// itself, its meaning is in both languages, and its default is a value it accepts.
#[test]
fn every_setting_is_known_by_its_key_with_its_meaning_and_a_valid_default() {
    use adresat::i18n::{Lang, tr_in};
    use adresat::store::Setting;
    let s = crate::support::Scratch::new();
    for setting in Setting::ALL {
        assert_eq!(Setting::parse(setting.key()), Some(setting));
        for lang in [Lang::Ru, Lang::En] {
            assert_ne!(tr_in(lang, setting.about(), &[]), setting.about());
        }
        let default = setting.default_value();
        assert_eq!(s.store.get_setting(setting.key()).unwrap(), default);
        s.store.set_setting(setting.key(), &default).unwrap();
    }
    let e = s.store.set_setting("plan.nothing", "1").unwrap_err();
    assert_eq!(e.id(), "error-unknown-setting");
    assert!(e.to_string().contains("plan.whatsapp_tier"), "{e}");
}
