//! The reader: one article with its metadata (hover shows where each field
//! came from) and the current search's hits highlighted, with "3 of 17"
//! and next/previous (F3 / Shift+F3) scrolling to each hit.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{CCursor, LayoutJob, TextFormat};
use wirescope_core::fields::{Field, Provenance};
use wirescope_core::{DocIx, Document};

use super::search::hit_byte_ranges;
use super::{Command, WirescopeApp};

/// Draws the reader for the selected document.
pub fn reader_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    let Some(doc_ix) = app.selected_doc() else {
        ui.centered_and_justified(|ui| ui.weak("Select a document in the table to read it."));
        return;
    };
    let doc = Arc::clone(&app.corpus.docs()[doc_ix as usize]);
    let hits = hit_byte_ranges(&doc.text, app.derived.search.hits_in(doc_ix));
    hit_bar_ui(ui, app, hits.len());
    ui.separator();
    let current = app
        .session
        .reader
        .current_hit
        .min(hits.len().saturating_sub(1));
    if let Some(range) = hits.get(current) {
        app.session.reader.char_offset = doc.text[..range.start].chars().count();
    }
    let scroll_to_hit = std::mem::take(&mut app.ui.scroll_reader_to_hit);
    egui::ScrollArea::vertical()
        .id_salt(("reader", doc_ix))
        .auto_shrink(false)
        .show(ui, |ui| {
            header_ui(ui, app, &doc, doc_ix);
            ui.add_space(8.0);
            body_ui(ui, &doc, &hits, current, scroll_to_hit);
        });
}

fn hit_bar_ui(ui: &mut egui::Ui, app: &mut WirescopeApp, hit_count: usize) {
    ui.horizontal(|ui| {
        ui.strong("Reader");
        if !app.derived.search.is_active() {
            return;
        }
        ui.separator();
        if hit_count == 0 {
            ui.weak(format!(
                "no hits for \u{201c}{}\u{201d} here",
                app.derived.search.query
            ));
            return;
        }
        let current = app.session.reader.current_hit.min(hit_count - 1);
        if ui
            .button("◀")
            .on_hover_text("Previous hit (Shift+F3)")
            .clicked()
        {
            app.push(Command::StepHit(-1));
        }
        ui.label(format!("{} of {hit_count}", current + 1));
        if ui.button("▶").on_hover_text("Next hit (F3)").clicked() {
            app.push(Command::StepHit(1));
        }
    });
}

fn header_ui(ui: &mut egui::Ui, app: &WirescopeApp, doc: &Document, doc_ix: DocIx) {
    let fields = app.corpus.fields(doc_ix, &app.overlay);
    let fix = app.overlay.correction(&doc.key);
    ui.heading(if fields.title.is_empty() {
        "(no headline)"
    } else {
        fields.title
    })
    .on_hover_text(source_of(
        &doc.fields.title,
        fix.is_some_and(|c| c.title.is_some()),
    ));
    egui::Grid::new(("meta", doc_ix))
        .num_columns(2)
        .spacing([12.0, 2.0])
        .show(ui, |ui| {
            let rows: [(&str, Option<String>, String); 6] = [
                (
                    "Byline",
                    fields.byline.map(str::to_owned),
                    source_of(&doc.fields.byline, false),
                ),
                (
                    "Agency",
                    fields.agency.map(str::to_owned),
                    source_of(&doc.fields.agency, fix.is_some_and(|c| c.agency.is_some())),
                ),
                (
                    "Outlet",
                    fields.outlet.map(str::to_owned),
                    source_of(&doc.fields.outlet, fix.is_some_and(|c| c.outlet.is_some())),
                ),
                (
                    "Published",
                    fields.published.map(|d| d.format("%-d %B %Y").to_string()),
                    source_of(
                        &doc.fields.published,
                        fix.is_some_and(|c| c.published.is_some()),
                    ),
                ),
                (
                    "Dateline",
                    fields.dateline.map(str::to_owned),
                    source_of(
                        &doc.fields.dateline,
                        fix.is_some_and(|c| c.dateline.is_some()),
                    ),
                ),
                (
                    "Captured",
                    doc.fields
                        .captured
                        .get()
                        .map(|d| d.format("%-d %B %Y").to_string()),
                    source_of(&doc.fields.captured, false),
                ),
            ];
            for (label, value, source) in rows {
                ui.weak(label);
                match value {
                    Some(v) => ui.label(v).on_hover_text(source),
                    None => ui.weak("—").on_hover_text("not found"),
                };
                ui.end_row();
            }
            ui.weak("File");
            ui.label(doc.key.to_string()).on_hover_text(format!(
                "{} · {} · {} bytes",
                doc.encoding, doc.stamp.hash, doc.stamp.size_bytes
            ));
            ui.end_row();
            let dups = app.corpus.duplicates_of(doc_ix);
            if !dups.is_empty() {
                ui.weak("Duplicates");
                let names: Vec<String> = dups
                    .iter()
                    .map(|&d| app.corpus.doc(d).key.to_string())
                    .collect();
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!("same content as {}", names.join(", ")),
                );
                ui.end_row();
            }
        });
}

fn source_of<T>(field: &Field<T>, corrected: bool) -> String {
    let from = if corrected {
        Provenance::User
    } else {
        field.from.clone()
    };
    format!("From {}", from.describe())
}

fn body_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    hits: &[Range<usize>],
    current: usize,
    scroll_to_hit: bool,
) {
    let body = doc.body();
    let offset = doc.body_start;
    let font = egui::TextStyle::Body.resolve(ui.style());
    let normal = TextFormat {
        font_id: font.clone(),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    let hit_format = TextFormat {
        background: egui::Color32::from_rgb(255, 226, 120),
        color: egui::Color32::BLACK,
        ..normal.clone()
    };
    let current_format = TextFormat {
        background: egui::Color32::from_rgb(255, 150, 50),
        ..hit_format.clone()
    };
    let mut job = LayoutJob::default();
    job.wrap.max_width = ui.available_width();
    let mut at = 0;
    let mut current_char = None;
    for (i, hit) in hits.iter().enumerate() {
        if hit.start < offset || hit.end > offset + body.len() {
            continue;
        }
        let (start, end) = (hit.start - offset, hit.end - offset);
        if start < at || !body.is_char_boundary(start) || !body.is_char_boundary(end) {
            continue;
        }
        job.append(&body[at..start], 0.0, normal.clone());
        if i == current {
            current_char = Some(body[..start].chars().count());
        }
        job.append(
            &body[start..end],
            0.0,
            if i == current {
                current_format.clone()
            } else {
                hit_format.clone()
            },
        );
        at = end;
    }
    job.append(&body[at..], 0.0, normal);
    let galley = ui.ctx().fonts_mut(|f| f.layout_job(job));
    let response = ui.add(egui::Label::new(Arc::clone(&galley)).selectable(true));
    if scroll_to_hit && let Some(ch) = current_char {
        let rect = galley
            .pos_from_cursor(CCursor::new(ch))
            .translate(response.rect.min.to_vec2());
        ui.scroll_to_rect(rect.expand(40.0), Some(egui::Align::Center));
    }
}
