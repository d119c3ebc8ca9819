//! Keyboard shortcuts, dropped files and the search box's typing pause:
//! input that becomes commands.

use std::path::PathBuf;

use super::{Command, OpenMode, PickKind, WirescopeApp};

impl WirescopeApp {
    pub(super) fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let open = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
        let add = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
        let quit = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
        let save = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
        let open_ws = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
        let find = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
        let prev_hit = KeyboardShortcut::new(Modifiers::SHIFT, Key::F3);
        let next_hit = KeyboardShortcut::new(Modifiers::NONE, Key::F3);
        ctx.input_mut(|i| {
            if i.consume_shortcut(&open_ws) {
                self.commands.push(Command::Pick {
                    kind: PickKind::OpenWorkspace,
                    mode: OpenMode::Replace,
                });
            }
            if i.consume_shortcut(&save) {
                self.commands.push(Command::SaveWorkspace);
            }
            if i.consume_shortcut(&open) {
                self.commands.push(Command::Pick {
                    kind: PickKind::Files,
                    mode: OpenMode::Replace,
                });
            }
            if i.consume_shortcut(&add) {
                self.commands.push(Command::Pick {
                    kind: PickKind::Files,
                    mode: OpenMode::Add,
                });
            }
            if i.consume_shortcut(&quit) {
                self.commands.push(Command::Quit);
            }
            if i.consume_shortcut(&find) {
                self.ui.focus_search = true;
            }
            if i.consume_shortcut(&prev_hit) {
                self.commands.push(Command::StepHit(-1));
            }
            if i.consume_shortcut(&next_hit) {
                self.commands.push(Command::StepHit(1));
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
