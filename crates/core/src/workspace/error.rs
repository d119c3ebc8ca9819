//! Everything that can go wrong opening or saving a workspace file.
//!
//! Every [`WorkspaceError`] names the file and says what is wrong with it in
//! words a user can act on.

use std::io;
use std::path::PathBuf;

use super::{FORMAT_VERSION, MAX_FILE_BYTES, RECURSION_LIMIT};

/// Why a workspace file could not be opened or saved.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    /// No file at the path.
    #[error("{}: no such workspace file", path.display())]
    NotFound { path: PathBuf },
    /// The OS refused to read it (permissions, I/O error).
    #[error("cannot read workspace {}: {source}", path.display())]
    Unreadable {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// A folder or device rather than a regular file.
    #[error("{} is not a workspace file (it is a folder or a special file)", path.display())]
    NotAFile { path: PathBuf },
    /// Larger than any workspace wirescope writes.
    #[error(
        "{} is too large to be a workspace ({} MB; the limit is {} MB)",
        path.display(),
        size_bytes / 1_000_000,
        MAX_FILE_BYTES / 1_000_000
    )]
    TooLarge { path: PathBuf, size_bytes: u64 },
    /// Zero bytes (or only blanks).
    #[error("{} is empty: it is not a workspace (was it cut short while copying?)", path.display())]
    Empty { path: PathBuf },
    /// Not UTF-8 text.
    #[error("{} is not a workspace: it is not UTF-8 text (bad byte at offset {offset})", path.display())]
    NotUtf8 { path: PathBuf, offset: usize },
    /// Ends in the middle of the data.
    #[error("{} is truncated: it ends at line {line}, column {col} in the middle of the data", path.display())]
    Truncated {
        path: PathBuf,
        line: usize,
        col: usize,
    },
    /// Not RON, or RON of the wrong shape.
    #[error("{} is not a valid workspace: {message} (line {line}, column {col})", path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },
    /// Brackets nested deeper than any workspace needs.
    #[error(
        "{} is not a valid workspace: brackets nested more than {RECURSION_LIMIT} deep (line {line}, column {col})",
        path.display()
    )]
    TooDeep {
        path: PathBuf,
        line: usize,
        col: usize,
    },
    /// Written by a newer wirescope.
    #[error(
        "{} was made by a newer wirescope (format {version}, this one reads up to {FORMAT_VERSION}): update wirescope to open it",
        path.display()
    )]
    NewerVersion { path: PathBuf, version: u32 },
    /// RON, but without the `version` field every workspace has.
    #[error("{} has no format version: it is not a wirescope workspace", path.display())]
    MissingVersion { path: PathBuf },
    /// The workspace could not be turned into text.
    #[error("cannot write workspace {}: {message}", path.display())]
    Serialize { path: PathBuf, message: String },
    /// Writing the file failed; the previous file is untouched.
    #[error("cannot save workspace {}: {source} (the previous file is unchanged)", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

impl WorkspaceError {
    /// The file the error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            Self::NotFound { path }
            | Self::Unreadable { path, .. }
            | Self::NotAFile { path }
            | Self::TooLarge { path, .. }
            | Self::Empty { path }
            | Self::NotUtf8 { path, .. }
            | Self::Truncated { path, .. }
            | Self::Syntax { path, .. }
            | Self::TooDeep { path, .. }
            | Self::NewerVersion { path, .. }
            | Self::MissingVersion { path }
            | Self::Serialize { path, .. }
            | Self::Write { path, .. } => path,
        }
    }
}
