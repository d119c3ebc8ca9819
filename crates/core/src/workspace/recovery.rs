//! Crash-recovery copies of a workspace with unsaved changes.
//!
//! While there are unsaved changes the app writes a recovery copy every so
//! often ([`write_recovery`]): beside the workspace as
//! `.<name>.recovery.ron` (hidden, and skipped when a folder is loaded), or
//! in the app's data folder for a session never saved. On start,
//! [`find_recovery`] says whether there is one newer than the workspace to
//! offer; after a save or a discard, [`remove_recovery`] deletes it.

use std::io;
use std::path::{Path, PathBuf};

use super::{Workspace, WorkspaceError, workspace_name};

/// File name of the recovery copy of a session that was never saved.
pub const UNSAVED_RECOVERY: &str = "unsaved.recovery.ron";

/// Where the recovery copy for `workspace_path` (or, with `None`, for an
/// unsaved session) lives.
pub fn recovery_path_for(workspace_path: Option<&Path>, data_dir: &Path) -> PathBuf {
    match workspace_path {
        Some(path) => {
            let name = format!(".{}.recovery.ron", workspace_name(path));
            super::paths::folder_of(path).join(name)
        }
        None => data_dir.join(UNSAVED_RECOVERY),
    }
}

/// Writes a recovery copy atomically (no `.bak`). Capture the workspace
/// with `recovery_path` as its path so relative paths resolve from there.
pub fn write_recovery(workspace: &Workspace, recovery_path: &Path) -> Result<(), WorkspaceError> {
    if let Some(folder) = recovery_path.parent()
        && !folder.as_os_str().is_empty()
        && !folder.exists()
    {
        std::fs::create_dir_all(folder).map_err(|source| WorkspaceError::Write {
            path: recovery_path.to_path_buf(),
            source,
        })?;
    }
    let text = workspace
        .to_ron_string()
        .map_err(|err| WorkspaceError::Serialize {
            path: recovery_path.to_path_buf(),
            message: err.to_string(),
        })?;
    crate::atomic::write_atomic(recovery_path, text.as_bytes()).map_err(|source| {
        WorkspaceError::Write {
            path: recovery_path.to_path_buf(),
            source,
        }
    })
}

/// The recovery copy to offer on start, if there is one that is not older
/// than the workspace it belongs to.
pub fn find_recovery(workspace_path: Option<&Path>, data_dir: &Path) -> Option<PathBuf> {
    let recovery = recovery_path_for(workspace_path, data_dir);
    let recovered = std::fs::metadata(&recovery)
        .ok()
        .filter(std::fs::Metadata::is_file)?;
    let saved = workspace_path.and_then(|p| std::fs::metadata(p).ok());
    match (recovered.modified(), saved.map(|m| m.modified())) {
        (Ok(r), Some(Ok(s))) if r < s => None,
        _ => Some(recovery),
    }
}

/// Deletes a recovery copy; a missing one is not an error.
pub fn remove_recovery(recovery_path: &Path) -> io::Result<()> {
    match std::fs::remove_file(recovery_path) {
        Err(err) if err.kind() != io::ErrorKind::NotFound => Err(err),
        _ => Ok(()),
    }
}
