//! Crash recovery in the window: while there are unsaved changes a copy of
//! the session is written every [`INTERVAL`]; on the next start, a copy
//! left behind by a crash or a kill is offered for restoring.
//!
//! Where the copies live and how they are written atomically is
//! `wirescope_core::workspace::recovery`; this module decides when.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use wirescope_core::workspace::Workspace;
use wirescope_core::workspace::recovery::{
    find_recovery, recovery_path_for, remove_recovery, write_recovery,
};
use wirescope_core::{Overlay, session::Session};

use super::WirescopeApp;

/// How often a session with unsaved changes is copied.
pub const INTERVAL: Duration = Duration::from_secs(30);

/// A recovery copy found at start, waiting for the user's answer.
pub struct RecoveryOffer {
    pub recovery: PathBuf,
    /// The workspace it belongs to (`None`: a session never saved).
    pub workspace: Option<PathBuf>,
    pub written: Option<SystemTime>,
}

/// Recovery bookkeeping.
#[derive(Default)]
pub struct RecoveryState {
    /// Where copies of never-saved sessions go; `None` turns recovery off.
    pub data_dir: Option<PathBuf>,
    /// When the next copy is due (set when changes appear).
    due: Option<Instant>,
    /// What the last copy held, so an idle session is not rewritten.
    written: Option<(Session, Overlay, String)>,
    pub offer: Option<RecoveryOffer>,
}

impl RecoveryState {
    /// Recovery copies under `data_dir` for sessions never saved.
    pub fn new(data_dir: Option<PathBuf>) -> Self {
        Self {
            data_dir,
            ..Self::default()
        }
    }
}

impl WirescopeApp {
    /// Looks for a copy left by a session that did not end cleanly.
    pub(super) fn look_for_recovery(&mut self, workspace: Option<&Path>) {
        let Some(data_dir) = &self.recovery.data_dir else {
            return;
        };
        if let Some(recovery) = find_recovery(workspace, data_dir) {
            let written = std::fs::metadata(&recovery).and_then(|m| m.modified()).ok();
            self.recovery.offer = Some(RecoveryOffer {
                recovery,
                workspace: workspace.map(Path::to_path_buf),
                written,
            });
        }
    }

    /// Called every frame: writes a copy when one is due.
    pub(super) fn keep_recovery_copy(&mut self, ctx: &egui::Context) {
        if self.recovery.data_dir.is_none()
            || self.is_loading()
            || self.recovery.offer.is_some()
            || !self.has_unsaved_changes()
        {
            self.recovery.due = None;
            return;
        }
        let now = Instant::now();
        let due = *self.recovery.due.get_or_insert(now + INTERVAL);
        if now < due {
            ctx.request_repaint_after(due - now);
            return;
        }
        self.recovery.due = None;
        self.write_recovery_now();
    }

    /// Writes the recovery copy now (unless nothing changed since the
    /// last one). Returns where it went.
    pub fn write_recovery_now(&mut self) -> Option<PathBuf> {
        let data_dir = self.recovery.data_dir.as_deref()?;
        let path = recovery_path_for(self.workspace.path.as_deref(), data_dir);
        let state = (
            self.session.clone(),
            self.overlay.clone(),
            self.workspace.note.clone(),
        );
        if self.recovery.written.as_ref() == Some(&state) && path.exists() {
            return Some(path);
        }
        let workspace = Workspace::capture(
            &self.corpus,
            &self.overlay,
            &self.session,
            &self.workspace.note,
            &path,
        );
        match write_recovery(&workspace, &path) {
            Ok(()) => {
                self.recovery.written = Some(state);
                Some(path)
            }
            Err(err) => {
                self.ui.message = Some(format!("Could not write the recovery copy: {err}"));
                None
            }
        }
    }

    /// Deletes the current workspace's recovery copy (after a save, or when
    /// the user discards the changes).
    pub(super) fn discard_recovery(&mut self) {
        let Some(data_dir) = &self.recovery.data_dir else {
            return;
        };
        let path = recovery_path_for(self.workspace.path.as_deref(), data_dir);
        if let Err(err) = remove_recovery(&path) {
            self.ui.message = Some(format!(
                "Could not delete the recovery copy {}: {err}",
                path.display()
            ));
        }
        self.recovery.written = None;
    }

    /// Restores the offered copy: its session, unsaved, bound to the
    /// workspace it was a copy of.
    pub(super) fn restore_recovery(&mut self, ctx: &egui::Context) {
        let Some(offer) = self.recovery.offer.take() else {
            return;
        };
        match Workspace::open(&offer.recovery) {
            Ok(workspace) => {
                self.restore_workspace(workspace, &offer.recovery, offer.workspace, false, ctx);
            }
            Err(err) => {
                self.ui.message = Some(format!("Could not restore the recovery copy: {err}"));
            }
        }
    }

    /// Deletes the offered copy without restoring it.
    pub(super) fn reject_recovery(&mut self) {
        if let Some(offer) = self.recovery.offer.take()
            && let Err(err) = remove_recovery(&offer.recovery)
        {
            self.ui.message = Some(format!(
                "Could not delete {}: {err}",
                offer.recovery.display()
            ));
        }
    }
}

/// The recovery offer window: Restore / Discard / Later.
pub fn offer_window(ctx: &egui::Context, app: &mut WirescopeApp) {
    let Some(offer) = &app.recovery.offer else {
        return;
    };
    let what = offer.workspace.as_deref().map_or_else(
        || "a session that was never saved".to_owned(),
        |p| format!("the workspace {}", p.display()),
    );
    let when = offer
        .written
        .map(|t| {
            chrono::DateTime::<chrono::Utc>::from(t)
                .format("on %Y-%m-%d at %H:%M UTC")
                .to_string()
        })
        .unwrap_or_default();
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("recovery-offer")).show(ctx, |ui| {
        ui.heading("Restore unsaved work?");
        ui.label(format!(
            "wirescope did not close cleanly. A recovery copy of {what} was written {when}."
        ));
        ui.weak(offer.recovery.display().to_string());
        choice = super::widgets::choice_buttons(
            ui,
            &[
                ("Restore", RecoveryChoice::Restore),
                ("Discard", RecoveryChoice::Discard),
                ("Later", RecoveryChoice::Later),
            ],
        );
    });
    if let Some(choice) = choice {
        app.push(super::Command::AnswerRecovery(choice));
    }
}

/// The user's answer to the recovery offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecoveryChoice {
    Restore,
    Discard,
    Later,
}

impl WirescopeApp {
    /// Applies the answer to the recovery offer.
    pub(super) fn answer_recovery(&mut self, choice: RecoveryChoice, ctx: &egui::Context) {
        match choice {
            RecoveryChoice::Restore => self.restore_recovery(ctx),
            RecoveryChoice::Discard => self.reject_recovery(),
            RecoveryChoice::Later => self.recovery.offer = None,
        }
    }
}
