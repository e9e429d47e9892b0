//! Planning and exporting a campaign over a real base (not run by CI): the plan made (audience,
//! local times, caps, limits), saved in the base, and exported to CSV, each step timed; then the
//! plan exported alone in each shipped profile (one file each, and the `adresat` one as XLSX),
//! three times each, the median printed.
//!
//!     cargo bench --bench plan -- BASE.sqlite CAMPAIGN.json [DAILY_LIMIT]
//!
//! The campaign's segments must be saved in the base (`adresat segment save`). Peak memory:
//! run the built binary under `/usr/bin/time -v` (`target/release/deps/plan-*`).

use adresat::model::task::Task;
use std::time::Instant;

use adresat::campaign::Campaign;
use adresat::i18n::Lang;
use adresat::plan::export::{self, Format, Target};
use adresat::plan::profile::{self, Split};
use adresat::plan::{self, Options};
use adresat::store::Store;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let (base, file) = match &args[..] {
        [base, file, ..] => (base, file),
        _ => {
            eprintln!("usage: cargo bench --bench plan -- BASE.sqlite CAMPAIGN.json [DAILY_LIMIT]");
            std::process::exit(2);
        }
    };
    let limit: Option<u32> = args.get(2).and_then(|l| l.parse().ok()).filter(|l| *l > 0);
    let mut store = Store::open(std::path::Path::new(base)).expect("the base opens");
    let c = Campaign::from_json(&std::fs::read_to_string(file).expect("the campaign file"))
        .expect("a campaign");
    let task = Task::unwatched(chrono::Utc::now());
    let date = chrono::Utc::now().date_naive() + chrono::Duration::days(2);
    let options = Options {
        daily_limit: limit,
        ..Options::new(date, None)
    };
    let t = Instant::now();
    let made = plan::build(&store, &c, &options, task).expect("a plan");
    let made_in = t.elapsed().as_secs_f64();
    println!("plan made: {} messages in {made_in:.2} s", made.items.len());
    let out = std::env::temp_dir().join("adresat-plan-bench.csv");
    let target = Target::new(&out, Format::Csv { separator: b';' }, Lang::Ru);
    store
        .delete_plan(&c.name, &date.to_string())
        .expect("an earlier plan deleted");
    let t = Instant::now();
    let (_, written) = export::save_and_export(&store, &made, &target, task).expect("both");
    let first = t.elapsed().as_secs_f64();
    println!(
        "saved and exported {} rows ({} MB) side by side, as the app and the CLI do: {first:.2} s",
        written.rows,
        std::fs::metadata(&written.path)
            .map(|m| m.len() / 1_000_000)
            .unwrap_or(0),
    );
    println!("plan + save + export: {:.2} s", made_in + first);
    let t = Instant::now();
    export::save_and_export(&store, &made, &target, task).expect("both");
    println!(
        "the same plan made again (the saved one replaced): {:.2} s + {made_in:.2} s",
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    export::export(&store, &made, &target, task).expect("exported");
    println!("export alone: {:.2} s", t.elapsed().as_secs_f64());
    let mut xlsx = profile::shipped().remove(0);
    Format::Xlsx.apply(&mut xlsx);
    xlsx.name = "adresat (xlsx)".to_owned();
    for p in profile::shipped().into_iter().chain([xlsx]) {
        let name = p.name.clone();
        let out =
            std::env::temp_dir().join(format!("adresat-plan-bench.{}", p.file_type.extension()));
        let target = Target {
            split: Split::None,
            ..Target::with_profile(&out, p, Lang::Ru, chrono::Utc::now())
        };
        let mut times: Vec<f64> = (0..3)
            .map(|_| {
                let t = Instant::now();
                export::export(&store, &made, &target, task).expect("exported");
                t.elapsed().as_secs_f64()
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!(
            "export alone in {name}: median {:.2} s (of {times:.2?})",
            times[1]
        );
    }
}
