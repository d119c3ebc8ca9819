//! The document table: virtual rows (only visible rows are laid out), sort
//! by clicking a header, a filter box and a date range above it.

use std::path::Path;

use chrono::NaiveDate;
use egui_extras::{Column, TableBuilder};
use wirescope_core::session::SortColumn;
use wirescope_core::{Corpus, DocIx, Overlay};

use super::{Command, WirescopeApp};

const COLUMNS: &[(SortColumn, &str)] = &[
    (SortColumn::Title, "Headline"),
    (SortColumn::Agency, "Agency"),
    (SortColumn::Outlet, "Outlet"),
    (SortColumn::Published, "Published"),
    (SortColumn::Dateline, "Dateline"),
    (SortColumn::Words, "Words"),
    (SortColumn::Hits, "Hits"),
    (SortColumn::File, "File path"),
];

/// Draws the filter bar and the table.
pub fn table_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    filter_bar_ui(ui, app);
    ui.separator();
    let rows = app.derived.rows.clone();
    if rows.is_empty() {
        ui.weak(if app.corpus.is_empty() {
            "No documents yet: open files or drop them here."
        } else {
            "No document matches the filter."
        });
        return;
    }
    let selected = app.selected_doc();
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    let mut builder = TableBuilder::new(ui)
        .id_salt("documents")
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(260.0).at_least(80.0).clip(true))
        .column(Column::initial(70.0).clip(true))
        .column(Column::initial(100.0).clip(true))
        .column(Column::initial(80.0))
        .column(Column::initial(90.0).clip(true))
        .column(Column::initial(50.0))
        .column(Column::initial(40.0))
        .column(Column::remainder().clip(true));
    if let Some(row) = app.ui.scroll_table_to.take() {
        builder = builder.scroll_to_row(row, None);
    }
    let table = &app.session.table;
    let mut clicked_header = None;
    let mut clicked_row = None;
    builder
        .header(row_height + 2.0, |mut header| {
            for &(column, label) in COLUMNS {
                header.col(|ui| {
                    let arrow = if table.sort == column {
                        if table.descending { " ▼" } else { " ▲" }
                    } else {
                        ""
                    };
                    if ui
                        .add(
                            egui::Button::new(
                                egui::RichText::new(format!("{label}{arrow}")).strong(),
                            )
                            .frame(false),
                        )
                        .clicked()
                    {
                        clicked_header = Some(column);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(row_height, rows.len(), |mut row| {
                let doc = rows[row.index()];
                row.set_selected(selected == Some(doc));
                row_cells(&mut row, app, doc);
                if row.response().clicked() {
                    clicked_row = Some(doc);
                }
            });
        });
    if let Some(column) = clicked_header {
        app.push(Command::SortBy(column));
    }
    if let Some(doc) = clicked_row {
        app.push(Command::SelectDoc(doc));
    }
}

fn row_cells(row: &mut egui_extras::TableRow<'_, '_>, app: &WirescopeApp, doc: DocIx) {
    let corpus = &app.corpus;
    let fields = corpus.fields(doc, &app.overlay);
    let dups = corpus.duplicates_of(doc);
    row.col(|ui| {
        if !dups.is_empty() {
            ui.label(egui::RichText::new("◆").color(ui.visuals().warn_fg_color))
                .on_hover_text(format!(
                    "Exact duplicate of {} other document(s)",
                    dups.len()
                ));
        }
        cell_label(
            ui,
            if fields.title.is_empty() {
                "(no headline)"
            } else {
                fields.title
            },
        );
    });
    let published = fields.published.map(|d| d.to_string()).unwrap_or_default();
    let hits = app.derived.search.count_in(doc);
    let texts = [
        fields.agency.unwrap_or("").to_owned(),
        fields.outlet.unwrap_or("").to_owned(),
        published,
        fields.dateline.unwrap_or("").to_owned(),
        corpus.word_count(doc).to_string(),
        if hits > 0 {
            hits.to_string()
        } else {
            String::new()
        },
        corpus.doc(doc).key.to_string(),
    ];
    for text in texts {
        row.col(|ui| cell_label(ui, text));
    }
}

/// A table cell's text: one line, cut with … when too wide, and not
/// selectable, so a click selects the row.
fn cell_label(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>) {
    ui.add(egui::Label::new(text).truncate().selectable(false));
}

fn filter_bar_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    let filter = &mut app.session.filter;
    ui.horizontal(|ui| {
        ui.label("Filter:");
        ui.add(
            egui::TextEdit::singleline(&mut filter.text)
                .hint_text("words in headline, agency or outlet")
                .desired_width(180.0)
                .id_salt("filter-text"),
        );
        ui.label("from");
        date_edit_ui(ui, "date-from", &mut filter.date_from);
        ui.label("to");
        date_edit_ui(ui, "date-to", &mut filter.date_to);
        if filter.date_from.is_some() || filter.date_to.is_some() {
            ui.checkbox(&mut filter.keep_undated, "keep undated");
        }
    });
    ui.horizontal(|ui| {
        let active = app.derived.search.is_active();
        ui.add_enabled_ui(active, |ui| {
            ui.checkbox(
                &mut app.session.search.only_docs_with_hits,
                "Only documents with hits",
            );
        });
        if !filter.is_empty() && ui.button("Clear filter").clicked() {
            *filter = Default::default();
        }
    });
}

/// A YYYY-MM-DD text box bound to an optional date; keeps the text while
/// it is being typed and only commits valid dates.
fn date_edit_ui(ui: &mut egui::Ui, id: &str, date: &mut Option<NaiveDate>) {
    let id = ui.make_persistent_id(id);
    let mut text = ui
        .data_mut(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| date.map(|d| d.to_string()).unwrap_or_default());
    let response = ui.add(
        egui::TextEdit::singleline(&mut text)
            .hint_text("YYYY-MM-DD")
            .desired_width(86.0)
            .id(id),
    );
    if response.changed() {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            *date = None;
        } else if let Ok(parsed) = NaiveDate::parse_from_str(trimmed, "%Y-%m-%d") {
            *date = Some(parsed);
        }
    }
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
}

/// Writes the given rows as CSV; returns the number of rows written.
pub fn export_csv(
    path: &Path,
    corpus: &Corpus,
    overlay: &Overlay,
    rows: &[DocIx],
) -> Result<usize, String> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let header = [
        "title",
        "agency",
        "outlet",
        "published",
        "dateline",
        "words",
        "path",
        "record",
    ];
    out.write_record(header).map_err(|e| e.to_string())?;
    for &doc in rows {
        let f = corpus.fields(doc, overlay);
        let key = &corpus.doc(doc).key;
        out.write_record([
            f.title,
            f.agency.unwrap_or(""),
            f.outlet.unwrap_or(""),
            &f.published.map(|d| d.to_string()).unwrap_or_default(),
            f.dateline.unwrap_or(""),
            &corpus.word_count(doc).to_string(),
            &key.path,
            &key.record.map(|r| r.to_string()).unwrap_or_default(),
        ])
        .map_err(|e| e.to_string())?;
    }
    let bytes = out.into_inner().map_err(|e| e.to_string())?;
    crate::atomic_write(path, &bytes).map_err(|e| e.to_string())?;
    Ok(rows.len())
}
