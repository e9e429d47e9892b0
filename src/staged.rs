//! Files that appear whole or not at all: written under a hidden temporary name beside their
//! target, synced to the disk, then renamed into place. A failure, a cancel or a kill midway
//! leaves no half-written file (and the temporary one is deleted when it can be).

use std::path::Path;

use crate::error::{Error, Result};

/// A file complete under its temporary name, deleted when dropped unpublished.
pub(crate) struct Staged(tempfile::TempPath);

impl Staged {
    /// Syncs the file written at `temp` to the disk, for a rename that keeps it whole.
    pub fn synced(temp: tempfile::TempPath, target: &Path) -> Result<Staged> {
        std::fs::File::open(&temp)
            .and_then(|f| f.sync_all())
            .map_err(|e| Error::io(target, e))?;
        Ok(Staged(temp))
    }

    /// Renames the complete file into place, and makes the rename itself last.
    pub fn publish(self, path: &Path) -> Result<()> {
        self.0.persist(path).map_err(|e| Error::io(path, e.error))?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            // A folder that cannot be opened for syncing still holds the renamed file.
            let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
        }
        Ok(())
    }
}

/// A new empty temporary file in the folder of `path`, named after it and hidden.
pub(crate) fn temporary_beside(path: &Path) -> Result<tempfile::TempPath> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
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
