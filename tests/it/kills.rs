//! The real binary killed (SIGKILL) at moments spread over each writing job — an events import,
//! a plan saved and exported, a scenario run, a segment saved — on a demo base: afterwards the
//! base passes `PRAGMA integrity_check` and holds exactly what it held before or what the
//! finished job leaves, and the target's name holds no partial file (nor a whole one the base
//! does not know of). (A conversion of an old
//! base killed halfway: `killed_import`.)

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use adresat::model::task::Task;

use crate::support::{Dice, dump, integrity};

/// How many kills each job gets.
const KILLS: u64 = 10;

/// A moment-free view of a base: every cell that is a moment of the window `from..=to` (unix
/// seconds, or text as the store writes it) reads `<now>`, so a job's own clock does not tell
/// two runs apart.
fn content(path: &Path, from: i64, to: i64) -> Vec<(String, Vec<String>)> {
    let now = |cell: &str| {
        let seconds = cell
            .strip_prefix("Integer(")
            .and_then(|c| c.strip_suffix(')'))
            .and_then(|c| c.parse::<i64>().ok())
            .or_else(|| {
                let text = cell.strip_prefix("Text(\"")?.get(..20)?;
                chrono::DateTime::parse_from_rfc3339(text)
                    .ok()
                    .map(|t| t.timestamp())
            });
        seconds.is_some_and(|s| (from..=to).contains(&s))
    };
    dump(path)
        .into_iter()
        .map(|(table, rows)| {
            let mut rows: Vec<String> = rows
                .iter()
                .map(|row| {
                    row.split('|')
                        .map(|cell| if now(cell) { "<now>" } else { cell })
                        .collect::<Vec<_>>()
                        .join("|")
                })
                .collect();
            rows.sort();
            (table, rows)
        })
        .collect()
}

fn unix_now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Copies the base `from` (closed, its log folded in) to `to`, clearing `to`'s old log.
fn copy_base(from: &Path, to: &Path) {
    for side in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(with_suffix(to, side));
    }
    std::fs::copy(from, to).unwrap();
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// One writing job: the command's arguments after `--db BASE`, and the file it writes, if any.
struct Job<'a> {
    name: &'a str,
    args: Vec<String>,
    output: Option<PathBuf>,
}

fn spawn(base: &Path, job: &Job) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_adresat"))
        .args(["--lang", "en", "--db", base.to_str().unwrap()])
        .args(&job.args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// The files in `dir` whose names end with `name` (a demo base writes `DEMO_name`).
fn written(dir: &Path, name: &str) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_str().unwrap().ends_with(name))
        .collect()
}

/// Runs `job` on a copy of `seed` whole, then kills it on fresh copies at moments spread over
/// how long it took, and checks each killed base and file.
fn kill_throughout(seed: &Path, job: &Job, dice: &mut Dice) {
    let dir = seed.parent().unwrap();
    let base = dir.join(format!("{}.sqlite", job.name));
    let from = unix_now();
    copy_base(seed, &base);
    let before = content(&base, from, i64::MAX);
    let started = Instant::now();
    let status = spawn(&base, job).wait().unwrap();
    let took = started.elapsed();
    assert!(
        status.success(),
        "{}: the job fails when not killed",
        job.name
    );
    let after = content(&base, from, i64::MAX);
    assert_ne!(before, after, "{}: the job changed nothing", job.name);
    let whole = job.output.as_ref().map(|out| {
        let files = written(
            out.parent().unwrap(),
            out.file_name().unwrap().to_str().unwrap(),
        );
        assert_eq!(files.len(), 1, "{}: one file written", job.name);
        let bytes = std::fs::read(&files[0]).unwrap();
        std::fs::remove_file(&files[0]).unwrap();
        bytes
    });
    let (mut as_before, mut as_after) = (0, 0);
    for kill in 0..KILLS {
        copy_base(seed, &base);
        let at = took.mul_f64((kill as f64 + dice.below(1000) as f64 / 1000.0) / KILLS as f64);
        let mut child = spawn(&base, job);
        std::thread::sleep(at);
        let _ = child.kill();
        child.wait().unwrap();
        let what = format!("{}: killed after {at:?} of {took:?}", job.name);
        assert_eq!(integrity(&base), "ok", "{what}");
        let now = content(&base, from, i64::MAX);
        let killed_before = now == before;
        if killed_before {
            as_before += 1;
        } else {
            let differ: Vec<&str> = (now.iter().zip(&after))
                .filter(|(n, a)| n != a)
                .map(|(n, _)| n.0.as_str())
                .collect();
            assert!(
                differ.is_empty(),
                "{what}: neither as before nor as after: {differ:?}"
            );
            as_after += 1;
        }
        if let (Some(out), Some(whole)) = (&job.output, &whole) {
            let name = out.file_name().unwrap().to_str().unwrap();
            for file in written(out.parent().unwrap(), name) {
                // A file to send from, with the base not knowing it was made, would let its
                // messages go uncounted by the caps.
                assert!(!killed_before, "{what}: a file written, the base as before");
                assert!(
                    std::fs::read(&file).unwrap() == *whole,
                    "{what}: a partial file under the target's name"
                );
                std::fs::remove_file(&file).unwrap();
            }
        }
    }
    eprintln!("{}: {as_before} killed before, {as_after} after", job.name);
}

/// A demo base of `n` contacts with a segment, a campaign and the abandoned-cart scenario saved.
pub fn demo_seed(dir: &Path, n: u64) -> PathBuf {
    let seed = dir.join("seed.sqlite");
    let now = chrono::Utc::now();
    adresat::demo::create_base(&seed, n, &dir.join("files"), Task::unwatched(now)).unwrap();
    let rule = dir.join("rule.json");
    std::fs::write(
        &rule,
        r#"{ "version": 1, "mode": "all", "items": [ { "type": "consent", "is": "yes" } ] }"#,
    )
    .unwrap();
    let campaign = dir.join("campaign.json");
    std::fs::write(
        &campaign,
        r#"{ "name": "Зима", "channel": "whatsapp", "variants": [
            { "name": "Все", "segment": "С согласием", "text": "{{first_name|Здравствуйте}}, новая коллекция!" } ] }"#,
    )
    .unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_adresat"))
            .args(["--lang", "en", "--db", seed.to_str().unwrap()])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    run(&["segment", "save", "С согласием", rule.to_str().unwrap()]);
    run(&["campaign", "save", campaign.to_str().unwrap()]);
    let cart = dir.join("cart.json");
    std::fs::write(&cart, run(&["scenario", "preset", "Брошенная корзина"])).unwrap();
    run(&["scenario", "save", cart.to_str().unwrap()]);
    // The demo's events again as another campaign's: new to the base.
    let events = std::fs::read_to_string(dir.join("files/events.csv")).unwrap();
    let again = events
        .replace("Весенняя распродажа", "Весна, повтор")
        .replace(";m", ";again-m");
    std::fs::write(dir.join("events-again.csv"), again).unwrap();
    seed
}

#[test]
fn killed_anywhere_in_a_writing_job_the_base_is_as_before_or_after_and_no_file_is_partial() {
    let dir = tempfile::tempdir().unwrap();
    let seed = demo_seed(dir.path(), 4_000);
    let mut dice = Dice(0x4b11);
    let out = |name: &str| dir.path().join(name);
    let text = |p: PathBuf| p.to_str().unwrap().to_owned();
    let tomorrow = crate::support::tomorrow().to_string();
    // The run's moment fixed, so every run of it writes the same file.
    let minute = chrono::Local::now().format("%Y-%m-%d %H:%M").to_string();
    let jobs = [
        Job {
            name: "events import",
            args: vec![
                "import".into(),
                "events".into(),
                text(dir.path().join("events-again.csv")),
            ],
            output: None,
        },
        Job {
            name: "plan",
            args: [
                "plan",
                "Зима",
                "--date",
                &tomorrow,
                "--out",
                &text(out("plan.csv")),
            ]
            .map(String::from)
            .to_vec(),
            output: Some(out("plan.csv")),
        },
        Job {
            name: "scenario run",
            args: [
                "scenario",
                "run",
                "--now",
                &minute,
                "--out",
                &text(out("run.csv")),
            ]
            .map(String::from)
            .to_vec(),
            output: Some(out("run.csv")),
        },
        Job {
            name: "segment save",
            args: vec![
                "segment".into(),
                "save".into(),
                "Ещё один".into(),
                text(dir.path().join("rule.json")),
            ],
            output: None,
        },
    ];
    for job in &jobs {
        kill_throughout(&seed, job, &mut dice);
    }
}
