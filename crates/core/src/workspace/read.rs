//! Opening a workspace file defensively: the file may be anything a user
//! (or a broken disk, or an attacker) puts at the path.
//!
//! The size is checked from metadata before reading, the read itself is
//! bounded, the parser's nesting depth is limited (so a million `[` cannot
//! overflow the stack), and the version is checked so a newer file gets a
//! "made by a newer wirescope" message rather than a parse error. Nothing
//! here writes.

use std::io::Read;
use std::path::Path;

use serde::Deserialize;

use super::error::WorkspaceError;
use super::{FORMAT_VERSION, MAX_FILE_BYTES, RECURSION_LIMIT, Workspace};

/// Reads and parses the workspace at `path`.
pub fn open(path: &Path) -> Result<Workspace, WorkspaceError> {
    let bytes = read_bounded(path)?;
    let text = match std::str::from_utf8(&bytes) {
        Ok(text) => text,
        Err(err) => {
            return Err(WorkspaceError::NotUtf8 {
                path: path.to_path_buf(),
                offset: err.valid_up_to(),
            });
        }
    };
    parse(text, path)
}

/// Parses workspace text; `path` is only used in messages.
pub fn parse(text: &str, path: &Path) -> Result<Workspace, WorkspaceError> {
    if text.trim().is_empty() {
        return Err(WorkspaceError::Empty {
            path: path.to_path_buf(),
        });
    }
    let options = ron::Options::default().with_recursion_limit(RECURSION_LIMIT);
    match options.from_str::<Workspace>(text) {
        Ok(workspace) => check_version(workspace.version, path).map(|()| workspace),
        Err(err) => {
            // A newer format may not parse as this one: say so rather than
            // showing the parse error.
            if let Ok(probe) = options.from_str::<VersionProbe>(text)
                && probe.version > FORMAT_VERSION
            {
                return Err(WorkspaceError::NewerVersion {
                    path: path.to_path_buf(),
                    version: probe.version,
                });
            }
            Err(describe(&err, text, path))
        }
    }
}

/// Only the version (0 when absent), every other field ignored.
#[derive(Deserialize)]
#[serde(rename = "Workspace")]
struct VersionProbe {
    #[serde(default)]
    version: u32,
}

fn check_version(version: u32, path: &Path) -> Result<(), WorkspaceError> {
    if version == 0 {
        Err(WorkspaceError::MissingVersion {
            path: path.to_path_buf(),
        })
    } else if version > FORMAT_VERSION {
        Err(WorkspaceError::NewerVersion {
            path: path.to_path_buf(),
            version,
        })
    } else {
        Ok(())
    }
}

fn describe(err: &ron::error::SpannedError, text: &str, path: &Path) -> WorkspaceError {
    let path = path.to_path_buf();
    let at = &err.span.start;
    let (line, col) = (at.line, at.col);
    match &err.code {
        ron::Error::ExceededRecursionLimit => WorkspaceError::TooDeep { path, line, col },
        ron::Error::Eof => WorkspaceError::Truncated { path, line, col },
        // Any complaint at the very end (a cut inside a name or number)
        // means the file stops early.
        _ if reaches_end(&err.span.end, text) => WorkspaceError::Truncated { path, line, col },
        code => WorkspaceError::Syntax {
            path,
            line,
            col,
            message: code.to_string(),
        },
    }
}

/// True when `at` is at or past the last non-blank character of `text`.
fn reaches_end(at: &ron::error::Position, text: &str) -> bool {
    let body = text.trim_end();
    let last_line = 1 + body.matches('\n').count();
    let last_col = 1 + body.rsplit('\n').next().map_or(0, |l| l.chars().count());
    (at.line, at.col) >= (last_line, last_col)
}

/// Reads at most [`MAX_FILE_BYTES`], refusing larger files before reading
/// and anything that is not a regular file.
fn read_bounded(path: &Path) -> Result<Vec<u8>, WorkspaceError> {
    let unreadable = |source: std::io::Error| {
        if source.kind() == std::io::ErrorKind::NotFound {
            WorkspaceError::NotFound {
                path: path.to_path_buf(),
            }
        } else {
            WorkspaceError::Unreadable {
                path: path.to_path_buf(),
                source,
            }
        }
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if !meta.is_file() {
        return Err(WorkspaceError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    let too_large = |size_bytes| WorkspaceError::TooLarge {
        path: path.to_path_buf(),
        size_bytes,
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // The file may grow between the check and the read.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}
