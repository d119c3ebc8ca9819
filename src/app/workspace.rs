//! Workspaces in the window: open, save, save as, the unsaved-changes mark,
//! and restoring a session once its sources have loaded.
//!
//! The file format and its safety live in `wirescope_core::workspace`;
//! this module only decides when to call it and what to tell the user.

use std::path::{Path, PathBuf};

use wirescope_core::workspace::{SourceIssue, Workspace, with_workspace_extension, workspace_name};
use wirescope_core::{Overlay, session::Session};

use super::{OpenMode, WirescopeApp};

/// A workspace whose sources are loading; applied when the load ends.
pub struct PendingRestore {
    pub workspace: Workspace,
    /// The file it was read from (relative source paths resolve from there).
    pub read_from: PathBuf,
    /// The workspace file the session will be saved to.
    pub save_to: Option<PathBuf>,
    /// False when what is restored differs from `save_to` on disk (a
    /// recovery copy, re-rooted sources): the session starts unsaved.
    pub matches_file: bool,
    pub session: Session,
    pub overlay: Overlay,
}

/// Sources of the last restored workspace that are missing or changed,
/// with what is needed to re-root them.
pub struct SourceProblems {
    pub workspace: Workspace,
    pub read_from: PathBuf,
    pub save_to: Option<PathBuf>,
    pub issues: Vec<SourceIssue>,
}

/// The workspace the window is editing.
#[derive(Default)]
pub struct WorkspaceState {
    pub path: Option<PathBuf>,
    pub note: String,
    /// Session and overlay as last saved or opened (for the unsaved mark).
    pub saved: Option<(Session, Overlay, String)>,
    pub pending: Option<PendingRestore>,
    /// Shown in the "sources missing" window until dismissed.
    pub source_problems: Option<SourceProblems>,
    /// Recently opened or saved workspaces, newest first.
    pub recent: Vec<PathBuf>,
}

/// How many recent workspaces the File menu lists.
const RECENT_MAX: usize = 10;

impl WorkspaceState {
    /// Moves `path` to the front of the recent list.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(RECENT_MAX);
    }
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
        match Workspace::open(path) {
            Ok(workspace) => {
                self.workspace.remember(path);
                self.restore_workspace(workspace, path, Some(path.to_path_buf()), true, ctx);
            }
            Err(err) => self.ui.message = Some(format!("Could not open the workspace: {err}")),
        }
    }

    /// Loads a workspace's sources in the background; its session is
    /// applied when they are in ([`Self::finish_restore`]).
    pub(super) fn restore_workspace(
        &mut self,
        workspace: Workspace,
        read_from: &Path,
        save_to: Option<PathBuf>,
        matches_file: bool,
        ctx: &egui::Context,
    ) {
        let restored = workspace.restore(read_from);
        self.corpus_name = save_to
            .as_deref()
            .map_or_else(|| "recovered session".to_owned(), workspace_name);
        self.workspace.source_problems = None;
        self.start_load(restored.inputs, OpenMode::Replace, ctx);
        self.workspace.pending = Some(PendingRestore {
            workspace,
            read_from: read_from.to_path_buf(),
            save_to,
            matches_file,
            session: restored.session,
            overlay: restored.overlay,
        });
    }

    /// Points the last restored workspace's sources at `folder` and
    /// restores it again from there.
    pub(super) fn reroot_sources(&mut self, folder: &Path, ctx: &egui::Context) {
        let Some(problems) = self.workspace.source_problems.take() else {
            return;
        };
        let mut workspace = problems.workspace;
        if workspace.reroot(&problems.read_from, folder).is_none() {
            self.ui.message = Some("This workspace has no files to re-root".to_owned());
            return;
        }
        self.restore_workspace(workspace, &problems.read_from, problems.save_to, false, ctx);
    }

    /// Starts an empty, unsaved workspace.
    pub(super) fn new_workspace(&mut self) {
        if let Some(job) = self.job.take() {
            job.cancel();
        }
        self.set_corpus(wirescope_core::Corpus::default());
        self.problems.clear();
        self.session = Session::default();
        self.overlay = Overlay::default();
        self.overlay_replaced();
        self.ui.query_edit.clear();
        self.workspace.note.clear();
        self.workspace.path = None;
        self.workspace.saved = None;
        self.workspace.source_problems = None;
        self.corpus_name = "untitled".to_owned();
        self.ui.message =
            Some("New workspace: add files or folders (File menu or drop them here)".to_owned());
    }

    /// Applies a pending workspace once its sources are loaded.
    pub(super) fn finish_restore(&mut self) {
        let Some(pending) = self.workspace.pending.take() else {
            return;
        };
        self.session = pending.session;
        self.overlay = pending.overlay;
        self.overlay_replaced();
        self.ui.query_edit.clone_from(&self.session.search.query);
        self.workspace.note.clone_from(&pending.workspace.note);
        self.workspace.path.clone_from(&pending.save_to);
        self.workspace.saved = pending.matches_file.then(|| {
            (
                self.session.clone(),
                self.overlay.clone(),
                self.workspace.note.clone(),
            )
        });
        let issues = pending
            .workspace
            .check_sources(&self.corpus, &pending.read_from);
        let name = pending.read_from.display();
        self.ui.message = Some(if issues.is_empty() {
            format!("Opened workspace {name}")
        } else {
            format!(
                "Opened {name}: {} source(s) missing or changed (see the Sources window)",
                issues.len()
            )
        });
        self.problems
            .extend(issues.iter().map(|i| wirescope_core::loader::Problem {
                path: i.path.clone(),
                kind: wirescope_core::loader::ProblemKind::Unreadable,
                reason: i.to_string(),
            }));
        if !issues.is_empty() {
            self.workspace.source_problems = Some(SourceProblems {
                workspace: pending.workspace,
                read_from: pending.read_from,
                save_to: pending.save_to,
                issues,
            });
        }
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
                self.workspace.remember(&path);
                // The copy of the session as it was (unsaved, or under its
                // old name) and any copy under the new name are now stale.
                self.discard_recovery();
                self.workspace.path = Some(path);
                self.discard_recovery();
                true
            }
            Err(err) => {
                self.ui.message = Some(format!("Could not save: {err}"));
                false
            }
        }
    }
}
