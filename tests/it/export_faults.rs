//! A plan's export is whole or nothing: an unwritable folder, a cancel halfway (library, command
//! line, window) or a write that fails midway leaves neither a file nor a saved plan, so a plan
//! that never reached the sending service never counts in caps.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use adresat::campaign::Campaign;
use adresat::i18n::Lang;
use adresat::model::task::{Progress, Task};
use adresat::plan::export::{self, Format, Target};
use adresat::plan::{self, Options, Plan};
use adresat::segment::Rule;
use chrono::{NaiveDate, Utc};
use egui_kittest::kittest::Queryable;

use crate::support::Scratch;

const CAMPAIGN: &str = "Зима";

/// `n` contacts with consent in Moscow, the segment «Все» and the saved campaign «Зима».
fn base(n: usize) -> Scratch {
    let mut s = Scratch::new();
    let mut csv = String::from("ID клиента;ФИО;Телефон;Город;Согласие на рассылку\n");
    for i in 0..n {
        csv.push_str(&format!("K{i};Имя{i} Фамилия;+7913{i:07};Москва;да\n"));
    }
    s.contacts(&csv);
    s.store
        .save_segment("Все", &Rule::everyone(), "", chrono::Utc::now())
        .unwrap();
    let campaign = Campaign::from_json(&format!(
        r#"{{"name": "{CAMPAIGN}", "channel": "whatsapp", "sleeping": null,
            "variants": [{{"name": "Все", "segment": "Все",
                           "text": "{{{{first_name|Друг}}}}, в {{{{city}}}} зимние скидки до 30 %!"}}]}}"#
    ))
    .unwrap();
    s.store
        .save_campaign(&campaign, chrono::Utc::now())
        .unwrap();
    s
}

fn made(s: &Scratch) -> Plan {
    let campaign = s.store.campaign(CAMPAIGN).unwrap().unwrap();
    let options = Options {
        cap_hours: None,
        cap_week: None,
        ..Options::new(NaiveDate::from_ymd_opt(2099, 1, 15).unwrap(), None)
    };
    plan::build(&s.store, &campaign, &options, crate::support::unwatched()).unwrap()
}

/// The names of the files in `dir`.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A folder for the plan's file, empty.
fn out_dir(s: &Scratch) -> PathBuf {
    let dir = s.path("выгрузка");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn plan_command(s: &Scratch, out: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_adresat"));
    c.arg("--db")
        .arg(s.store.path())
        .args(["--lang", "en", "plan", CAMPAIGN, "--date", "2099-01-15"])
        .args(["--cap-hours", "0", "--cap-week", "0", "--out"])
        .arg(out);
    c
}

#[test]
fn an_unwritable_folder_saves_no_plan() {
    let s = base(20);
    let p = made(&s);
    let target = Target::new(
        &s.path("нет такой папки/plan.csv"),
        Format::Csv { separator: b';' },
        Lang::En,
    );
    let err =
        export::save_and_export(&s.store, &p, &target, crate::support::unwatched()).unwrap_err();
    assert_eq!(err.id(), "error-io");
    assert!(s.store.plans().unwrap().is_empty());

    // The command line says so and saves nothing either.
    let out = plan_command(&s, Path::new("/nonexistent/dir/p.csv"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/dir/p.csv"));
    assert!(s.store.plans().unwrap().is_empty());
}

#[test]
fn a_cancel_halfway_leaves_no_file_and_no_plan_and_a_finished_one_both() {
    let s = base(10_000);
    let p = made(&s);
    let dir = out_dir(&s);
    let path = dir.join("plan.csv");
    let target = Target {
        split_from: usize::MAX,
        ..Target::new(&path, Format::Csv { separator: b';' }, Lang::En)
    };
    let progress = Progress::watched(|p| {
        if p.fraction() >= 0.4 {
            p.cancel();
        }
    });
    let err = export::save_and_export(&s.store, &p, &target, Task::new(&progress, Utc::now()))
        .unwrap_err();
    assert!(matches!(err, adresat::Error::Cancelled), "{err}");
    let seen = progress.fraction();
    assert!(seen > 0.0 && seen < 1.0, "cancelled halfway, at {seen}");
    assert_eq!(files_in(&dir), Vec::<String>::new());
    assert!(s.store.plans().unwrap().is_empty());

    // Not cancelled, written in two halves: the file is there, whole, and the plan saved.
    let halves = Target {
        split_from: 2,
        ..target
    };
    let (_, written) =
        export::save_and_export(&s.store, &p, &halves, crate::support::unwatched()).unwrap();
    assert_eq!(written.rows, 10_000);
    assert_eq!(files_in(&dir), vec!["plan.csv".to_owned()]);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().count(), 10_001);
    assert_eq!(s.store.plans().unwrap()[0].messages, 10_000);
}

#[test]
fn a_write_that_fails_midway_leaves_no_file_and_no_plan() {
    let s = base(10_000);
    let dir = out_dir(&s);
    let path = dir.join("plan.csv");
    // The file would be about 1.2 MB; the process may write no file past 400 KB. SIGXFSZ
    // ignored, the write fails with "File too large" as a full disk fails it.
    let command = plan_command(&s, &path);
    let args: Vec<String> = command
        .get_args()
        .map(|a| format!("'{}'", a.to_string_lossy()))
        .collect();
    let script = format!(
        "trap '' XFSZ; ulimit -f 400; exec '{}' {}",
        env!("CARGO_BIN_EXE_adresat"),
        args.join(" ")
    );
    let out = Command::new("bash").args(["-c", &script]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(stderr.contains("plan.csv"), "{stderr}");
    assert_eq!(files_in(&dir), Vec::<String>::new());
    assert!(s.store.plans().unwrap().is_empty());
}

#[test]
fn ctrl_c_on_the_command_line_leaves_no_file_and_no_plan() {
    let s = base(10_000);
    let dir = out_dir(&s);
    let path = dir.join("plan.csv");
    let child = plan_command(&s, &path)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Halfway: the file is being written under its temporary name.
    let start = Instant::now();
    while files_in(&dir).is_empty() && start.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(1));
    }
    let kill = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "finished before the Ctrl-C: {stderr}"
    );
    assert!(stderr.contains("Cancelled"), "{stderr}");
    assert_eq!(files_in(&dir), Vec::<String>::new());
    assert!(s.store.plans().unwrap().is_empty());
}

#[test]
fn cancel_in_the_window_leaves_no_file_and_no_plan() {
    let s = base(20_000);
    let dir = out_dir(&s);
    let path = dir.join("plan.csv");
    let mut harness = crate::ui::app(s.store.path().to_owned());
    crate::ui::wait_exact(&mut harness, "20\u{a0}000 контактов");
    harness.get_by_label("План рассылки").click();
    crate::ui::wait_label(&mut harness, "Выберите кампанию и день");
    harness.get_by_label("Составить план").click();
    crate::ui::wait_label(
        &mut harness,
        "В плане 20\u{a0}000 из 20\u{a0}000 контактов сегментов",
    );
    crate::plan_ui::export_to(&mut harness, &path);
    // The messenger's daily limit moves most to later days: the one warning comes first.
    crate::ui::wait_exact(&mut harness, "Всё равно выгрузить");
    harness.get_by_label("Всё равно выгрузить").click();
    crate::ui::wait(&mut harness, "the running export", |h| {
        h.query_by_label("Всё равно выгрузить").is_none() && h.query_by_label("Отмена").is_some()
    });
    harness.get_by_label("Отмена").click();
    crate::ui::wait_label(&mut harness, "Выгрузка отменена");
    assert_eq!(files_in(&dir), Vec::<String>::new());
    assert!(s.store.plans().unwrap().is_empty());
}

/// The contacts and consent exports are whole or nothing too: a cancel halfway leaves no file,
/// and an earlier file of that name stays as it was.
#[test]
fn a_cancelled_contacts_or_consent_export_leaves_the_old_file() {
    let s = base(3000);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("contacts.csv");
    std::fs::write(&out, "the owner's earlier export").unwrap();
    let cancel_at_2000 = || {
        Progress::watched(|p| {
            if p.rows() >= 2000 {
                p.cancel();
            }
        })
    };
    let progress = cancel_at_2000();
    let task = Task::new(&progress, Utc::now());
    let err =
        adresat::export::export_contacts(&s.store, &out, b';', Lang::Ru, None, task).unwrap_err();
    assert!(matches!(err, adresat::Error::Cancelled));
    assert_eq!(progress.rows(), 2000);
    let progress = cancel_at_2000();
    let task = Task::new(&progress, Utc::now());
    let err = adresat::export::export_consent(&s.store, &out, b';', task).unwrap_err();
    assert!(matches!(err, adresat::Error::Cancelled));
    assert_eq!(progress.rows(), 2000);
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "the owner's earlier export"
    );
    assert_eq!(files_in(dir.path()), ["contacts.csv"]);
    let n =
        adresat::export::export_consent(&s.store, &out, b';', crate::support::unwatched()).unwrap();
    assert_eq!(n, 3000);
    assert_eq!(files_in(dir.path()), ["contacts.csv"]);
}
