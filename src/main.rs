//! `adresat` opens the window; `adresat <command>` runs a command (see `adresat --help`).

use clap::Parser;

use adresat::cli::{self, Cli};
use adresat::i18n::{self, Lang};

/// An import or a plan of a million contacts makes and frees millions of small strings; mimalloc
/// does that in a fraction of the time the system allocator takes (README, "Benchmark").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let mut cli = Cli::parse();
    let asked = Lang::asked(cli.lang.as_deref());
    i18n::set_current(asked.unwrap_or_else(Lang::from_system));
    match cli.command.take() {
        Some(command) => match cli::run(cli, command) {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("adresat: {e}");
                std::process::ExitCode::FAILURE
            }
        },
        None => match adresat::ui::run(cli.db, asked) {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("adresat: {e}");
                std::process::ExitCode::FAILURE
            }
        },
    }
}
