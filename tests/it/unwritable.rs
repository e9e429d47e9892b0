//! The disk fills under a job, or the base is opened read-only: the real binary runs with a small limit on the size of any file
//! it writes (`ulimit -f`, which root obeys too, unlike file modes), and its writes fail as on a
//! full disk. It says so in one clear message and changes nothing: every table as it was, no
//! file under the target's name.

use std::path::Path;
use std::process::{Command, Output};

use crate::support::{dump, integrity};

/// Runs the binary on `base` with `args`, no file it writes allowed past `kib` KiB. The signal a
/// write past the limit sends is ignored, so the write fails with an error the program sees.
fn run_limited(base: &Path, kib: u64, args: &[impl AsRef<std::ffi::OsStr>]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("trap '' XFSZ; ulimit -f {kib}; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_adresat"))
        .args(["--lang", "ru", "--db", base.to_str().unwrap()])
        .args(args)
        .output()
        .unwrap()
}

/// What the owner reads: the failure's message, one line of it, no panic.
fn one_clear_message(out: &Output, what: &str) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success(), "{what}: succeeded under a full disk");
    assert!(!stderr.contains("panicked"), "{what}: a panic: {stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "{what}: {stderr}");
    stderr
}

/// `plan Зима` for tomorrow into `dir/plan.csv`.
fn plan_args(dir: &Path) -> Vec<String> {
    let target = dir.join("plan.csv").to_str().unwrap().to_owned();
    let date = crate::support::tomorrow().to_string();
    ["plan", "Зима", "--date", &date, "--out", &target]
        .map(String::from)
        .to_vec()
}

/// Whether a plan's file (`plan.csv`, or a demo base's `DEMO_plan.csv`) is in `dir`.
fn plan_file_left(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .any(|e| e.file_name().to_string_lossy().ends_with("plan.csv"))
}

#[test]
fn an_import_on_a_full_disk_says_so_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.sqlite");
    let seed = crate::kills::demo_seed(dir.path(), 300);
    std::fs::copy(&seed, &base).unwrap();
    let before = dump(&base);
    let files = adresat::demo::write_files(
        &dir.path().join("more"),
        3_000,
        11,
        chrono::Utc::now().date_naive(),
    )
    .unwrap();
    // 8 KiB: not even the base's log can start; 64 KiB: the import fills it halfway.
    for kib in [8, 64] {
        let out = run_limited(
            &base,
            kib,
            &["import", "contacts", files.contacts.to_str().unwrap()],
        );
        let message = one_clear_message(&out, "import");
        assert!(
            message.contains("на диске нет места"),
            "{kib} KiB: {message}"
        );
        assert_eq!(integrity(&base), "ok");
        assert!(dump(&base) == before, "{kib} KiB: the base changed");
    }
}

#[test]
fn a_plan_export_on_a_full_disk_says_so_saves_no_plan_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let seed = crate::kills::demo_seed(dir.path(), 3_000);
    let base = dir.path().join("base.sqlite");
    std::fs::copy(&seed, &base).unwrap();
    let before = dump(&base);
    let out = run_limited(&base, 64, &plan_args(dir.path()));
    let message = one_clear_message(&out, "plan");
    assert!(message.contains("на диске нет места"), "{message}");
    assert_eq!(integrity(&base), "ok");
    assert!(dump(&base) == before, "the base changed");
    assert!(!plan_file_left(dir.path()), "a plan's file left");
}

/// The binary on `base` opened read-only (`--read-only`, SQLite's `mode=ro`).
fn run_read_only(base: &Path, args: &[impl AsRef<std::ffi::OsStr>]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_adresat"))
        .args([
            "--lang",
            "ru",
            "--read-only",
            "--db",
            base.to_str().unwrap(),
        ])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_base_opened_read_only_is_read_and_an_import_or_a_plan_on_it_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let base = crate::kills::demo_seed(dir.path(), 300);
    let before = dump(&base);
    let stats = run_read_only(&base, &["stats"]);
    assert!(
        stats.status.success(),
        "{}",
        String::from_utf8_lossy(&stats.stderr)
    );
    let count = run_read_only(&base, &["segment", "count", "С согласием"]);
    assert!(
        count.status.success(),
        "{}",
        String::from_utf8_lossy(&count.stderr)
    );
    let file = dir.path().join("files/contacts.csv");
    let out = run_read_only(&base, &["import", "contacts", file.to_str().unwrap()]);
    let message = one_clear_message(&out, "import");
    assert!(message.contains("нельзя записать"), "{message}");
    let out = run_read_only(&base, &plan_args(dir.path()));
    let message = one_clear_message(&out, "plan");
    assert!(message.contains("нельзя записать"), "{message}");
    assert!(
        !plan_file_left(dir.path()),
        "a plan's file left beside a base that could not save it"
    );
    assert_eq!(integrity(&base), "ok");
    assert!(dump(&base) == before, "the base changed");
    // The window changes the base as the owner works: it is not opened read-only.
    let window = run_read_only(&base, &[] as &[&str]);
    assert!(!window.status.success());
    assert!(String::from_utf8_lossy(&window.stderr).contains("--read-only"));
}
