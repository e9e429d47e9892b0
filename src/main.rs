//! `adresat` opens the window; `adresat <command>` runs a command (see `adresat --help`).

use clap::Parser;

use adresat::cli::{self, Cli};
use adresat::i18n::{self, Lang};

/// An import or a plan of a million contacts makes and frees millions of small strings; mimalloc
/// does that in a fraction of the time the system allocator takes (README, "Benchmark").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc keeps freed memory a while before giving it back to the system, and commits whole
/// arenas up front: an import or a plan export, which free and allocate all the time, then peak at
/// a third more memory. Giving it back at once and committing as needed costs no measurable time.
fn give_memory_back_at_once() {
    // Option numbers of mimalloc v3 (include/mimalloc.h, `mi_option_e`).
    const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: plain integer options, set before any other thread is started.
    unsafe {
        libmimalloc_sys::mi_option_set(ARENA_EAGER_COMMIT, 0);
        libmimalloc_sys::mi_option_set(PURGE_DELAY, 0);
    }
}

fn main() -> std::process::ExitCode {
    give_memory_back_at_once();
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
        // The window's screens change the base as the owner works; a copy to keep as it is
        // is read with the commands.
        None if cli.read_only => {
            eprintln!("adresat: {}", i18n::tr("cli-read-only-window"));
            std::process::ExitCode::FAILURE
        }
        None => match adresat::ui::run(cli.db, asked) {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("adresat: {e}");
                std::process::ExitCode::FAILURE
            }
        },
    }
}
