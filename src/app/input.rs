//! Keyboard shortcuts, dropped files and the search box's typing pause:
//! input that becomes commands.

use std::path::PathBuf;

use super::{Command, OpenMode, PickKind, WirescopeApp};

impl WirescopeApp {
    pub(super) fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let shift_cmd = Modifiers::COMMAND | Modifiers::SHIFT;
        let pick = |kind, mode| Command::Pick { kind, mode };
        // Shortcuts that have a command; Ctrl+F only moves the focus.
        let commands = [
            (
                shift_cmd,
                Key::O,
                pick(PickKind::OpenWorkspace, OpenMode::Replace),
            ),
            (Modifiers::COMMAND, Key::S, Command::SaveWorkspace),
            (
                Modifiers::COMMAND,
                Key::O,
                pick(PickKind::Files, OpenMode::Replace),
            ),
            (shift_cmd, Key::A, pick(PickKind::Files, OpenMode::Add)),
            (Modifiers::COMMAND, Key::Q, Command::Quit),
            (Modifiers::SHIFT, Key::F3, Command::StepHit(-1)),
            (Modifiers::NONE, Key::F3, Command::StepHit(1)),
        ];
        let find = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
        ctx.input_mut(|i| {
            for (modifiers, key, command) in commands {
                if i.consume_shortcut(&KeyboardShortcut::new(modifiers, key)) {
                    self.commands.push(command);
                }
            }
            if i.consume_shortcut(&find) {
                self.ui.focus_search = true;
            }
        });
        if !ctx.egui_wants_keyboard_input() {
            let (down, up) =
                ctx.input(|i| (i.key_pressed(Key::ArrowDown), i.key_pressed(Key::ArrowUp)));
            if down {
                self.commands.push(Command::MoveSelection(1));
            }
            if up {
                self.commands.push(Command::MoveSelection(-1));
            }
        }
    }

    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let (hovered, dropped) = ctx.input(|i| {
            let hovered: Vec<PathBuf> = i
                .raw
                .hovered_files
                .iter()
                .filter_map(|f| f.path.clone())
                .collect();
            let dropped: Vec<PathBuf> = i
                .raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect();
            (hovered, dropped)
        });
        self.ui.hovering_files = hovered;
        if !dropped.is_empty() {
            self.commands.push(Command::OpenPaths {
                paths: dropped,
                mode: OpenMode::Add,
            });
        }
    }

    /// Runs the typed query once typing has paused.
    pub(super) fn debounce_query(&mut self, ctx: &egui::Context) {
        const PAUSE: std::time::Duration = std::time::Duration::from_millis(300);
        let Some(at) = self.ui.query_typed_at else {
            return;
        };
        if at.elapsed() >= PAUSE {
            self.ui.query_typed_at = None;
            if self.ui.query_edit != self.session.search.query {
                self.commands
                    .push(Command::SetQuery(self.ui.query_edit.clone()));
            }
        } else {
            ctx.request_repaint_after(PAUSE.saturating_sub(at.elapsed()));
        }
    }
}
