//! Floating windows (load report, shortcuts, about) and the drop overlay.

use std::path::PathBuf;

use super::WirescopeApp;

/// Draws the open windows.
pub fn windows_ui(ctx: &egui::Context, app: &mut WirescopeApp) {
    report_window(ctx, app);
    sources_window(ctx, app);
    super::edit::workspace_note_window(ctx, app);
    super::edit::excluded_window(ctx, app);
    egui::Window::new("Keyboard shortcuts")
        .open(&mut app.ui.show_shortcuts)
        .resizable(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts").num_columns(2).show(ui, |ui| {
                for (keys, what) in [
                    ("Ctrl+O", "Open files"),
                    ("Ctrl+Shift+A", "Add files"),
                    ("Ctrl+F", "Focus the search box"),
                    ("F3 / Shift+F3", "Next / previous hit in the reader"),
                    ("↑ / ↓", "Previous / next document in the table"),
                    ("Ctrl+C", "Copy selected text"),
                    ("Ctrl+S", "Save the workspace"),
                    ("Ctrl+Shift+O", "Open a workspace"),
                    ("Ctrl+Q", "Quit"),
                ] {
                    ui.strong(keys);
                    ui.label(what);
                    ui.end_row();
                }
            });
        });
    egui::Window::new("Query syntax")
        .open(&mut app.ui.show_query_help)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label(
                egui::RichText::new(wirescope_core::query::SYNTAX_HELP)
                    .monospace()
                    .size(12.0),
            );
            ui.label("Words, phrases and filters combine: pact agency:AFP date:2020-09");
        });
    egui::Window::new("About wirescope")
        .open(&mut app.ui.show_about)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label(format!("wirescope {}", env!("CARGO_PKG_VERSION")));
            ui.label("A corpus explorer for collections of news articles.");
        });
}

fn report_window(ctx: &egui::Context, app: &mut WirescopeApp) {
    let problems = &app.problems;
    egui::Window::new("Load report")
        .open(&mut app.ui.show_report)
        .default_width(640.0)
        .show(ctx, |ui| {
            if problems.is_empty() {
                ui.label("Every file loaded.");
                return;
            }
            egui::ScrollArea::vertical()
                .max_height(400.0)
                .show(ui, |ui| {
                    egui::Grid::new("report")
                        .num_columns(3)
                        .striped(true)
                        .show(ui, |ui| {
                            ui.strong("File");
                            ui.strong("What happened");
                            ui.strong("Reason");
                            ui.end_row();
                            for p in problems {
                                ui.label(&p.path);
                                ui.label(p.kind.label());
                                ui.label(&p.reason);
                                ui.end_row();
                            }
                        });
                });
        });
}

/// Lists the sources of a restored workspace that are missing or changed,
/// and offers to point at the folder they moved to.
fn sources_window(ctx: &egui::Context, app: &mut WirescopeApp) {
    let Some(problems) = &app.workspace.source_problems else {
        return;
    };
    let mut open = true;
    let mut locate = false;
    egui::Window::new("Workspace sources missing or changed")
        .open(&mut open)
        .default_width(640.0)
        .show(ctx, |ui| {
            ui.label(format!(
                "{} source(s) of {} could not be restored as saved. Everything else was restored.",
                problems.issues.len(),
                problems.read_from.display()
            ));
            egui::ScrollArea::vertical()
                .max_height(240.0)
                .show(ui, |ui| {
                    for issue in &problems.issues {
                        ui.label(issue.to_string());
                    }
                });
            ui.label(
                "If the files moved, choose the folder that holds them now: \
                 every source path is re-rooted under it and the workspace reloads.",
            );
            locate = ui.button("Locate folder...").clicked();
        });
    if locate {
        app.push(super::Command::Pick {
            kind: super::PickKind::RerootFolder,
            mode: super::OpenMode::Replace,
        });
    }
    if !open {
        app.workspace.source_problems = None;
    }
}

/// While files are dragged over the window, says what will be added.
pub fn drop_overlay_ui(ctx: &egui::Context, hovering: &[PathBuf]) {
    if hovering.is_empty() {
        return;
    }
    let screen = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop-overlay"),
    ));
    painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(180));
    let names: Vec<String> = hovering
        .iter()
        .take(5)
        .map(|p| p.display().to_string())
        .collect();
    let more = if hovering.len() > 5 {
        format!("\n... and {} more", hovering.len() - 5)
    } else {
        String::new()
    };
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        format!("Drop to add to the corpus:\n{}{more}", names.join("\n")),
        egui::FontId::proportional(20.0),
        egui::Color32::WHITE,
    );
}
