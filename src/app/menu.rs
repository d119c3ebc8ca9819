//! The menu bar: File, View, Help.

use wirescope_core::session::AnalysisTab;

use super::{Command, OpenMode, PickKind, WirescopeApp};

/// Draws the menu bar.
pub fn menu_bar_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| file_menu_ui(ui, app));
            ui.menu_button("View", |ui| view_menu_ui(ui, app));
            ui.menu_button("Help", |ui| {
                if ui.button("Keyboard shortcuts").clicked() {
                    app.ui.show_shortcuts = true;
                }
                if ui.button("About wirescope").clicked() {
                    app.ui.show_about = true;
                }
            });
        });
    });
}

fn recent_menu_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    ui.add_enabled_ui(!app.workspace.recent.is_empty(), |ui| {
        ui.menu_button("Recent workspaces", |ui| {
            let mut chosen = None;
            for path in &app.workspace.recent {
                let name = wirescope_core::workspace::workspace_name(path);
                if ui
                    .button(name)
                    .on_hover_text(path.display().to_string())
                    .clicked()
                {
                    chosen = Some(path.clone());
                }
            }
            if let Some(path) = chosen {
                app.push(Command::OpenWorkspace(path));
            }
        });
    });
}

fn file_menu_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    let items = [
        (
            "Open files...",
            "Ctrl+O",
            PickKind::Files,
            OpenMode::Replace,
        ),
        ("Open folder...", "", PickKind::Folder, OpenMode::Replace),
        (
            "Add files...",
            "Ctrl+Shift+A",
            PickKind::Files,
            OpenMode::Add,
        ),
        ("Add folder...", "", PickKind::Folder, OpenMode::Add),
    ];
    for (label, shortcut, kind, mode) in items {
        if ui
            .add(egui::Button::new(label).shortcut_text(shortcut))
            .clicked()
        {
            app.push(Command::Pick { kind, mode });
        }
    }
    ui.separator();
    if ui.button("New workspace").clicked() {
        app.push(Command::NewWorkspace);
    }
    if ui
        .add(egui::Button::new("Open workspace...").shortcut_text("Ctrl+Shift+O"))
        .clicked()
    {
        app.push(Command::Pick {
            kind: PickKind::OpenWorkspace,
            mode: OpenMode::Replace,
        });
    }
    recent_menu_ui(ui, app);
    if ui
        .add(egui::Button::new("Save workspace").shortcut_text("Ctrl+S"))
        .clicked()
    {
        app.push(Command::SaveWorkspace);
    }
    if ui.button("Save workspace as...").clicked() {
        app.push(Command::Pick {
            kind: PickKind::SaveWorkspace,
            mode: OpenMode::Add,
        });
    }
    if ui.button("Workspace note...").clicked() {
        app.ui.show_workspace_note = true;
        app.ui.focus_workspace_note = true;
    }
    ui.separator();
    if ui.button("Export table as CSV...").clicked() {
        app.push(Command::Pick {
            kind: PickKind::ExportTableCsv,
            mode: OpenMode::Add,
        });
    }
    let chart_in_front = matches!(
        app.session.panels.tab,
        AnalysisTab::Chart | AnalysisTab::Trend
    );
    for (label, format) in [
        ("Export chart as PNG...", super::ChartFormat::Png),
        ("Export chart as SVG...", super::ChartFormat::Svg),
    ] {
        if ui
            .add_enabled(chart_in_front, egui::Button::new(label))
            .on_disabled_hover_text("Show the Top words or Trend tab first")
            .clicked()
        {
            app.push(Command::Pick {
                kind: PickKind::ExportChart(format),
                mode: OpenMode::Add,
            });
        }
    }
    if ui.button("Load report").clicked() {
        app.push(Command::ShowReport);
    }
    ui.separator();
    if ui
        .add(egui::Button::new("Quit").shortcut_text("Ctrl+Q"))
        .clicked()
    {
        app.push(Command::Quit);
    }
}

fn view_menu_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    let ctx = ui.ctx().clone();
    ui.horizontal(|ui| {
        ui.label("Theme:");
        egui::widgets::global_theme_preference_buttons(ui);
    });
    ui.horizontal(|ui| {
        ui.label("Text size:");
        let mut zoom = ctx.zoom_factor();
        if ui
            .add(egui::Slider::new(&mut zoom, 0.7..=2.0).step_by(0.1))
            .changed()
        {
            ctx.set_zoom_factor(zoom);
        }
    });
    ui.separator();
    let panels = &mut app.session.panels;
    ui.checkbox(&mut panels.table, "Document table");
    ui.checkbox(&mut panels.reader, "Reader");
    ui.checkbox(&mut panels.analysis, "Analysis panel");
    ui.separator();
    for (tab, label) in [
        (AnalysisTab::Words, "Word list"),
        (AnalysisTab::Chart, "Top words chart"),
        (AnalysisTab::Trend, "Trend over time"),
        (AnalysisTab::Concordance, "Concordance"),
        (AnalysisTab::Dispersion, "Dispersion"),
        (AnalysisTab::Collocates, "Collocates"),
        (AnalysisTab::Ngrams, "N-grams"),
        (AnalysisTab::Keywords, "Keywords"),
        (AnalysisTab::Reprints, "Reprints"),
    ] {
        if ui.radio(panels.tab == tab, label).clicked() {
            panels.tab = tab;
            panels.analysis = true;
        }
    }
    ui.separator();
    if ui.button("Excluded documents...").clicked() {
        app.ui.show_excluded = true;
    }
}

/// The search bar under the menu: the query that drives highlights, hit
/// counts, the trend chart and the "documents with hits" filter.
pub fn search_bar_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    egui::Panel::top("search").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label("Search:");
            let response = ui.add(
                egui::TextEdit::singleline(&mut app.ui.query_edit)
                    .id_salt("search-query")
                    .hint_text("a word, a phrase, elect*, /regex/, agency:AFP ... (Ctrl+F)")
                    .desired_width(360.0),
            );
            if std::mem::take(&mut app.ui.focus_search) {
                response.request_focus();
            }
            // Typing waits for a pause before searching, so each keystroke
            // does not rerun the query over a large corpus; Enter runs it now.
            if response.changed() {
                app.ui.query_typed_at = Some(std::time::Instant::now());
            }
            if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                app.ui.query_typed_at = None;
                app.push(Command::SetQuery(app.ui.query_edit.clone()));
            }
            if ui
                .selectable_label(app.session.search.case_sensitive, "Aa")
                .on_hover_text("Case-sensitive")
                .clicked()
            {
                app.session.search.case_sensitive = !app.session.search.case_sensitive;
            }
            if ui
                .selectable_label(app.ui.show_query_help, "?")
                .on_hover_text("Query syntax")
                .clicked()
            {
                app.ui.show_query_help = !app.ui.show_query_help;
            }
            if app.is_searching() {
                ui.spinner();
                ui.label("searching…");
            }
            let search = app.search();
            if let Some(error) = &search.error {
                // Monospace, so the caret line points under the right spot.
                ui.label(
                    egui::RichText::new(error)
                        .monospace()
                        .color(ui.visuals().error_fg_color),
                );
            } else if search.is_active() && !search.hits.has_pattern {
                // Filters only: they select documents, there are no hits.
                ui.label(format!("{} documents match", search.hits.selected.len()));
            } else if search.is_active() {
                ui.label(format!(
                    "{} hits in {} documents",
                    search.total_hits(),
                    search.hits.per_doc.len()
                ));
            }
        });
    });
}
