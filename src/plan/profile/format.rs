//! The file format the owner picks over a profile's own (the `adresat` profile's CSV, XLSX or
//! JSON Lines; `--format` and `--sep` on the command line).

use std::path::Path;

use super::{FileType, Profile};

/// The file formats a plan is exported to, over a profile's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv { separator: u8 },
    Xlsx,
    Jsonl,
}

impl Format {
    /// The format a file name asks for (`.xlsx`, `.jsonl`, else CSV with `;`).
    pub fn for_path(path: &Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("xlsx") => Format::Xlsx,
            Some("jsonl") | Some("ndjson") => Format::Jsonl,
            _ => Format::Csv { separator: b';' },
        }
    }

    /// `profile` written in this format instead of its own.
    pub fn apply(self, profile: &mut Profile) {
        match self {
            Format::Csv { separator } => {
                profile.file_type = FileType::Csv;
                profile.separator = char::from(separator).to_string();
            }
            Format::Xlsx => profile.file_type = FileType::Xlsx,
            Format::Jsonl => profile.file_type = FileType::Jsonl,
        }
    }
}
