//! Workspaces in the window: open, save, save as, the unsaved-changes mark,
//! and restoring a session once its sources have loaded.
//!
//! The file format and its safety live in `wirescope_core::workspace`;
//! this module only decides when to call it and what to tell the user.

use std::path::{Path, PathBuf};

use wirescope_core::workspace::{Workspace, with_workspace_extension, workspace_name};
use wirescope_core::{Overlay, session::Session};

use super::{OpenMode, WirescopeApp};

/// A workspace whose sources are loading; applied when the load ends.
pub struct PendingRestore {
    pub workspace: Workspace,
    pub path: PathBuf,
    pub session: Session,
    pub overlay: Overlay,
}

/// The workspace the window is editing.
#[derive(Default)]
pub struct WorkspaceState {
    pub path: Option<PathBuf>,
    pub note: String,
    /// Session and overlay as last saved or opened (for the unsaved mark).
    pub saved: Option<(Session, Overlay, String)>,
    pub pending: Option<PendingRestore>,
}

/// True for a path that names a workspace file.
pub fn is_workspace_file(path: &Path) -> bool {
    path.to_string_lossy()
        .to_lowercase()
        .ends_with(".wirescope.ron")
}

impl WirescopeApp {
    /// True when the analysis differs from the saved workspace.
    pub fn has_unsaved_changes(&self) -> bool {
        match &self.workspace.saved {
            Some((session, overlay, note)) => {
                *session != self.session || *overlay != self.overlay || *note != self.workspace.note
            }
            None => self.session != Session::default() || self.overlay != Overlay::default(),
        }
    }

    /// Opens a workspace file: the current session is untouched on error.
    pub fn open_workspace(&mut self, path: &Path, ctx: &egui::Context) {
        let workspace = match Workspace::open(path) {
            Ok(w) => w,
            Err(err) => {
                self.ui.message = Some(format!("Could not open the workspace: {err}"));
                return;
            }
        };
        let restored = workspace.restore(path);
        self.corpus_name = workspace_name(path);
        self.start_load(restored.inputs, OpenMode::Replace, ctx);
        self.workspace.pending = Some(PendingRestore {
            workspace,
            path: path.to_path_buf(),
            session: restored.session,
            overlay: restored.overlay,
        });
    }

    /// Applies a pending workspace once its sources are loaded.
    pub(super) fn finish_restore(&mut self) {
        let Some(pending) = self.workspace.pending.take() else {
            return;
        };
        self.session = pending.session;
        self.overlay = pending.overlay;
        self.overlay_changed();
        self.ui.query_edit.clone_from(&self.session.search.query);
        self.workspace.note.clone_from(&pending.workspace.note);
        self.workspace.path = Some(pending.path.clone());
        self.workspace.saved = Some((
            self.session.clone(),
            self.overlay.clone(),
            self.workspace.note.clone(),
        ));
        let issues = pending.workspace.check_sources(&self.corpus, &pending.path);
        self.ui.message = Some(if issues.is_empty() {
            format!("Opened workspace {}", pending.path.display())
        } else {
            let list: Vec<String> = issues.iter().take(5).map(ToString::to_string).collect();
            format!(
                "Opened {} — {} source(s) missing or changed: {}",
                pending.path.display(),
                issues.len(),
                list.join("; ")
            )
        });
        self.problems
            .extend(issues.iter().map(|i| wirescope_core::loader::Problem {
                path: i.path.clone(),
                kind: wirescope_core::loader::ProblemKind::Unreadable,
                reason: i.to_string(),
            }));
    }

    /// Saves to `path` (the extension is added when missing).
    pub fn save_workspace(&mut self, path: &Path) -> bool {
        let path = with_workspace_extension(path);
        let workspace = Workspace::capture(
            &self.corpus,
            &self.overlay,
            &self.session,
            &self.workspace.note,
            &path,
        );
        match workspace.save(&path) {
            Ok(()) => {
                self.workspace.saved = Some((
                    self.session.clone(),
                    self.overlay.clone(),
                    self.workspace.note.clone(),
                ));
                self.corpus_name = workspace_name(&path);
                self.ui.message = Some(format!("Saved workspace {}", path.display()));
                self.workspace.path = Some(path);
                true
            }
            Err(err) => {
                self.ui.message = Some(format!("Could not save: {err}"));
                false
            }
        }
    }
}
