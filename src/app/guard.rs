//! Asking before unsaved work is thrown away. Closing the window, opening
//! another workspace or starting a new one while the session has unsaved
//! changes asks Save / Discard / Cancel; the action runs only after the
//! answer (and, for Save, only once the save succeeded).

use std::path::PathBuf;

use super::{OpenMode, PickKind, WirescopeApp};

/// Something that replaces the current session.
#[derive(Clone, Debug, PartialEq)]
pub enum Discarding {
    Quit,
    OpenWorkspace(PathBuf),
    NewWorkspace,
}

/// The user's answer to "save changes?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Save,
    Discard,
    Cancel,
}

/// What the guard is waiting for.
#[derive(Default)]
pub struct Guard {
    /// The question on screen, for this action.
    pub asking: Option<Discarding>,
    /// Run this once the save dialog's save succeeds.
    pub after_save: Option<Discarding>,
}

impl WirescopeApp {
    /// Runs `action` now, or asks first when there are unsaved changes.
    pub fn request(&mut self, action: Discarding, ctx: &egui::Context) {
        if self.has_unsaved_changes() {
            self.guard.asking = Some(action);
        } else {
            self.perform(action, ctx);
        }
    }

    /// Applies the answer to the question on screen.
    pub fn answer(&mut self, answer: Answer, ctx: &egui::Context) {
        let Some(action) = self.guard.asking.take() else {
            return;
        };
        match answer {
            Answer::Cancel => {}
            Answer::Discard => {
                self.discard_recovery();
                self.perform(action, ctx);
            }
            Answer::Save => match self.workspace.path.clone() {
                Some(path) => {
                    if self.save_workspace(&path) {
                        self.perform(action, ctx);
                    }
                }
                None => {
                    self.guard.after_save = Some(action);
                    self.dialogs
                        .open(PickKind::SaveWorkspace, OpenMode::Add, ctx, None);
                }
            },
        }
    }

    /// Called after "Save as" finished: runs the action that waited for it.
    pub(super) fn saved_as(&mut self, ok: bool, ctx: &egui::Context) {
        if let Some(action) = self.guard.after_save.take()
            && ok
        {
            self.perform(action, ctx);
        }
    }

    fn perform(&mut self, action: Discarding, ctx: &egui::Context) {
        match action {
            // Once quitting, the next close request passes.
            Discarding::Quit => self.quit_requested = true,
            Discarding::OpenWorkspace(path) => self.open_workspace(&path, ctx),
            Discarding::NewWorkspace => self.new_workspace(),
        }
    }

    /// Turns a close request from the window manager into a question when
    /// there is unsaved work.
    pub(super) fn intercept_close(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) {
            return;
        }
        if !self.quit_requested && self.has_unsaved_changes() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.guard.asking = Some(Discarding::Quit);
        } else if !self.has_unsaved_changes() {
            // A clean exit: a copy left from before the changes were
            // saved or undone must not be offered next time.
            self.discard_recovery();
        }
    }

    /// True once the app asked the window to close.
    pub fn is_quitting(&self) -> bool {
        self.quit_requested
    }
}

/// The Save / Discard / Cancel question.
pub fn question_window(ctx: &egui::Context, app: &mut WirescopeApp) {
    let Some(action) = &app.guard.asking else {
        return;
    };
    let doing = match action {
        Discarding::Quit => "Quitting".to_owned(),
        Discarding::OpenWorkspace(path) => format!("Opening {}", path.display()),
        Discarding::NewWorkspace => "Starting a new workspace".to_owned(),
    };
    let name = app
        .workspace
        .path
        .as_deref()
        .map_or_else(|| "This session".to_owned(), |p| p.display().to_string());
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("unsaved-question")).show(ctx, |ui| {
        ui.heading("Save changes?");
        ui.label(format!(
            "{name} has changes that are not saved. {doing} will lose them."
        ));
        answer = super::widgets::choice_buttons(
            ui,
            &[
                ("Save", Answer::Save),
                ("Discard", Answer::Discard),
                ("Cancel", Answer::Cancel),
            ],
        );
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(Answer::Cancel);
    }
    if let Some(answer) = answer {
        app.push(super::Command::AnswerUnsaved(answer));
    }
}
