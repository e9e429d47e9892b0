//! Files that appear whole or not at all: written under a hidden temporary name beside their
//! target, synced to the disk, then renamed into place. A failure, a cancel or a kill midway
//! leaves no half-written file (and the temporary one is deleted when it can be). A set of files
//! (a plan split into send batches) is written into a hidden folder and renamed as one.

use std::path::Path;

use crate::error::{Error, Result};

/// A file (or a folder of files) complete under its temporary name, deleted when dropped
/// unpublished.
pub(crate) enum Staged {
    File(tempfile::TempPath),
    Folder(tempfile::TempDir),
}

impl Staged {
    /// Syncs the file written at `temp` to the disk, for a rename that keeps it whole.
    pub fn synced(temp: tempfile::TempPath, target: &Path) -> Result<Staged> {
        std::fs::File::open(&temp)
            .and_then(|f| f.sync_all())
            .map_err(|e| Error::io(target, e))?;
        Ok(Staged::File(temp))
    }

    /// Syncs every file written in the folder `temp`, and the folder.
    pub fn synced_folder(temp: tempfile::TempDir, target: &Path) -> Result<Staged> {
        let entries = std::fs::read_dir(temp.path()).map_err(|e| Error::io(target, e))?;
        for entry in entries {
            let path = entry.map_err(|e| Error::io(target, e))?.path();
            std::fs::File::open(&path)
                .and_then(|f| f.sync_all())
                .map_err(|e| Error::io(&path, e))?;
        }
        let _ = std::fs::File::open(temp.path()).and_then(|d| d.sync_all());
        Ok(Staged::Folder(temp))
    }

    /// Renames the complete file or folder into place, and makes the rename itself last. A
    /// folder takes the place of an empty one only.
    pub fn publish(self, path: &Path) -> Result<()> {
        match self {
            Staged::File(temp) => temp.persist(path).map_err(|e| Error::io(path, e.error))?,
            Staged::Folder(temp) => {
                check_free_folder(path)?;
                if path.is_dir() {
                    std::fs::remove_dir(path).map_err(|e| Error::io(path, e))?;
                }
                std::fs::rename(temp.path(), path).map_err(|e| Error::io(path, e))?;
                // Renamed: nothing is left at the temporary name to delete.
                let _ = temp.keep();
            }
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            // A folder that cannot be opened for syncing still holds the renamed file.
            let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
        }
        Ok(())
    }
}

/// Refuses a folder that holds files already, or a file where a folder is to go: a split plan
/// never mixes its batches with other files.
pub(crate) fn check_free_folder(path: &Path) -> Result<()> {
    let taken = if path.is_dir() {
        std::fs::read_dir(path)
            .map_err(|e| Error::io(path, e))?
            .next()
            .is_some()
    } else {
        path.exists()
    };
    if taken {
        return Err(Error::user(
            crate::i18n::Msg::new("export-error-folder-taken")
                .arg("path", path.display().to_string()),
        ));
    }
    Ok(())
}

/// The folder `path` is in (`.` for a bare name) and its own name.
fn folder_and_name(path: &Path) -> (&Path, String) {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    (dir, name)
}

/// A new empty hidden folder beside `path`, for the files that are to take its place.
pub(crate) fn temporary_folder_beside(path: &Path) -> Result<tempfile::TempDir> {
    check_free_folder(path)?;
    let (dir, name) = folder_and_name(path);
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o777));
    builder.tempdir_in(dir).map_err(|e| Error::io(path, e))
}

/// A new empty temporary file in the folder of `path`, named after it and hidden.
pub(crate) fn temporary_beside(path: &Path) -> Result<tempfile::TempPath> {
    let (dir, name) = folder_and_name(path);
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // The file is the owner's export, not a secret: it gets the modes any new file gets (the
    // umask applies), not a temporary file's owner-only ones.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    builder
        .tempfile_in(dir)
        .map(tempfile::NamedTempFile::into_temp_path)
        .map_err(|e| Error::io(path, e))
}

/// Writes the file `path` whole or not at all: `write` fills a temporary file beside it, which
/// takes its place only when `write` succeeded.
pub(crate) fn write_whole<T>(path: &Path, write: impl FnOnce(&Path) -> Result<T>) -> Result<T> {
    let temp = temporary_beside(path)?;
    let written = write(&temp)?;
    Staged::synced(temp, path)?.publish(path)?;
    Ok(written)
}
