//! The one error type of the library: what went wrong, in words the user can act on.

use std::path::PathBuf;

use crate::i18n::Msg;

/// An error that stops an operation. Row-level problems of an import are not errors: they are
/// rejects in the import report.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Something the user can fix: a bad file, a bad setting, a bad argument.
    #[error("{0}")]
    User(Msg),
    /// A file could not be read or written.
    #[error("{}", io_message(path, source))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The database refused; the operation was rolled back.
    #[error("{}", db_message(.0))]
    Db(rusqlite::Error),
    /// The user cancelled; nothing was changed.
    #[error("{}", Msg::new("error-cancelled"))]
    Cancelled,
}

impl Error {
    /// An error the user caused, with a message id from the locale files.
    pub fn user(msg: Msg) -> Error {
        Error::User(msg)
    }

    /// Wraps an I/O error with the file it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// The message id for tests and scripts (`error-io`, `error-db`, … for the non-user kinds).
    pub fn id(&self) -> &'static str {
        match self {
            Error::User(m) => m.id,
            Error::Io { path, source } => io_message(path, source).id,
            Error::Db(e) => db_message(e).id,
            Error::Cancelled => "error-cancelled",
        }
    }
}

impl From<rusqlite::Error> for Error {
    /// A query interrupted through its connection's handle was stopped on purpose (a newer
    /// search or count replaced it): it is a cancellation, not a fault of the base.
    fn from(e: rusqlite::Error) -> Error {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::OperationInterrupted) => Error::Cancelled,
            _ => Error::Db(e),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What a file error means to the owner: a full disk (or a file past the size the system
/// allows) in words of its own, the rest with the system's words.
fn io_message(path: &std::path::Path, source: &std::io::Error) -> Msg {
    use std::io::ErrorKind::{FileTooLarge, StorageFull};
    let id = match source.kind() {
        StorageFull | FileTooLarge => "error-io-full",
        _ => "error-io",
    };
    Msg::new(id)
        .arg("path", path.display().to_string())
        .arg("reason", source.to_string())
}

/// What a database error means to the owner. The ones they can act on get words of their own:
/// the base busy with another window's or job's work (SQLite waited and gave up), a full disk, a
/// file they may not write; the rest carry SQLite's own words.
fn db_message(e: &rusqlite::Error) -> Msg {
    use rusqlite::ErrorCode::*;
    match e.sqlite_error_code() {
        Some(DatabaseBusy | DatabaseLocked) => Msg::new("error-db-busy"),
        Some(DiskFull) => Msg::new("error-db-full"),
        // A write the system refused: most often no room left (or a file past the size it allows).
        Some(SystemIoFailure) => Msg::new("error-db-write").arg("reason", e.to_string()),
        Some(ReadOnly | CannotOpen | PermissionDenied) => {
            Msg::new("error-db-read-only").arg("reason", e.to_string())
        }
        _ => Msg::new("error-db").arg("reason", e.to_string()),
    }
}
