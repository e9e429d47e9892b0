//! A campaign over a real base (not run by CI): its audience decided, then every recipient's
//! message rendered from the base's own facts (name, city, interest tag, last order), as the
//! Messages screen's check and a send plan do.
//!
//!     cargo bench --bench campaign -- BASE.sqlite CAMPAIGN.json
//!
//! The campaign's segments must be saved in the base (`adresat segment save`).

use std::time::Instant;

use adresat::campaign::{self, Campaign, Checks, Renderer};
use adresat::model::task::Task;
use adresat::segment::Today;
use adresat::store::Store;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let [base, file] = &args[..] else {
        eprintln!("usage: cargo bench --bench campaign -- BASE.sqlite CAMPAIGN.json");
        std::process::exit(2);
    };
    let store = Store::open(std::path::Path::new(base)).expect("the base opens");
    let c = Campaign::from_json(&std::fs::read_to_string(file).expect("the campaign file"))
        .expect("a campaign");
    let task = Task::unwatched(chrono::Utc::now());
    let started = Instant::now();
    let today = Today::at(chrono::Utc::now(), store.settings().unwrap().owner_tz);
    let audience = campaign::audience(&store, &c, today, task).expect("the audience");
    let decided = started.elapsed().as_secs_f64();
    let renderer = Renderer::new(&store, &c).expect("the texts");
    let mut checks = Checks::new(c.channel);
    let mut bytes = 0;
    let started = Instant::now();
    renderer
        .each(&store, &audience.assigned, task, &mut |r, _| {
            bytes += r.text.len();
            checks.add(r);
            Ok(true)
        })
        .expect("rendering");
    let rendered = started.elapsed().as_secs_f64();
    println!(
        "audience: {} recipients, {} excluded, in {decided:.2} s",
        audience.assigned.len(),
        audience.excluded.len()
    );
    println!(
        "rendered with the base's facts: {} MB of text in {rendered:.2} s; longest {:?}",
        bytes / 1_000_000,
        checks.longest
    );
}
