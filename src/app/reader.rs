//! The reader: one article with its metadata (hover shows where each field
//! came from) and the current search's hits highlighted, headline
//! included, with "3 of 17" and next/previous (F3 / Shift+F3) scrolling to
//! each hit. Under the headline, the user's corrections, exclusion, tags
//! and note (see `edit.rs`).

use std::ops::Range;
use std::sync::Arc;

use egui::text::{CCursor, LayoutJob, TextFormat};
use wirescope_core::fields::{Field, Provenance};
use wirescope_core::{DocIx, Document};

use super::background::{Job, Poll};
use super::search::hit_byte_ranges;
use super::{Command, WirescopeApp};

/// Documents longer than this place their highlights on a worker thread
/// (a 40 MB dictionary takes a few hundred milliseconds to tokenize).
const BACKGROUND_HIGHLIGHT_BYTES: usize = 1 << 20;

/// Brings the hit byte ranges of the reader's document up to date.
fn refresh_hit_ranges(app: &mut WirescopeApp, doc: &Arc<Document>, key: super::ReaderHitsKey) {
    if let Some(job) = &app.ui.reader_hits_job {
        match job.poll() {
            Poll::Done(ranges) => {
                let done = job.key().clone();
                app.ui.reader_hits_job = None;
                install_hit_ranges(app, done, ranges);
            }
            Poll::Lost => app.ui.reader_hits_job = None,
            Poll::Pending => {}
        }
    }
    let cached = app.ui.reader_hits.as_ref().is_some_and(|(k, _)| *k == key);
    let running = app
        .ui
        .reader_hits_job
        .as_ref()
        .is_some_and(|j| *j.key() == key);
    if cached || running {
        return;
    }
    let hits = app.derived.search.hits_in(key.0);
    if doc.text.len() <= BACKGROUND_HIGHLIGHT_BYTES {
        let ranges = hit_byte_ranges(&doc.text, &hits).into();
        install_hit_ranges(app, key, ranges);
        return;
    }
    let doc = Arc::clone(doc);
    let waker = app.derived.waker.clone();
    app.ui.reader_hits_job = Job::spawn("wirescope-highlight", key, waker, move |_| {
        Some(hit_byte_ranges(&doc.text, &hits).into())
    });
}

fn install_hit_ranges(
    app: &mut WirescopeApp,
    key: super::ReaderHitsKey,
    ranges: Arc<[Range<usize>]>,
) {
    // New hits for a new query (a background search may land frames after
    // the query was typed): turn to the current one.
    if app
        .ui
        .reader_hits
        .as_ref()
        .is_some_and(|(k, _)| k.2 != key.2)
    {
        app.ui.scroll_reader_to_hit = true;
    }
    app.ui.reader_hits = Some((key, ranges));
}

/// Draws the reader for the selected document.
pub fn reader_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    let Some(doc_ix) = app.selected_doc() else {
        ui.centered_and_justified(|ui| ui.weak("Select a document in the table to read it."));
        return;
    };
    let doc = Arc::clone(&app.corpus.docs()[doc_ix as usize]);
    let key = (
        doc_ix,
        app.generation(),
        app.derived.search.query.clone(),
        app.derived.search.total_hits(),
    );
    refresh_hit_ranges(app, &doc, key.clone());
    // Until a background job delivers, a document shows the ranges computed
    // for it last (possibly for the previous query), never another's.
    let hits: Arc<[Range<usize>]> = match &app.ui.reader_hits {
        Some((k, r)) if k.0 == key.0 && k.1 == key.1 => Arc::clone(r),
        _ => Arc::from(Vec::new()),
    };
    hit_bar_ui(ui, app, hits.len());
    ui.separator();
    let current = app
        .session
        .reader
        .current_hit
        .min(hits.len().saturating_sub(1));
    // The reader position is kept in characters (stable across encodings);
    // counting them is linear in the offset, so only when the hit moved.
    if let Some(range) = hits.get(current)
        && app.ui.reader_offset_at != Some((doc_ix, range.start))
    {
        app.session.reader.char_offset = doc.text[..range.start].chars().count();
        app.ui.reader_offset_at = Some((doc_ix, range.start));
    }
    let scroll_to_hit = std::mem::take(&mut app.ui.scroll_reader_to_hit);
    let shown = Some((doc_ix, doc.content_hash));
    let fresh = std::mem::replace(&mut app.ui.reader_shown, shown) != shown;
    let mut area = egui::ScrollArea::vertical()
        .id_salt(("reader", doc_ix))
        .auto_shrink(false);
    // A hit to turn to still wins: the body scrolls to it after this.
    if fresh {
        area = area.vertical_scroll_offset(0.0);
    }
    let marks = HitMarks {
        hits: &hits,
        current,
        scroll_to_current: scroll_to_hit,
    };
    area.show(ui, |ui| {
        let in_heading = header_ui(ui, app, &doc, doc_ix, &marks);
        ui.add_space(8.0);
        let in_body = body_ui(ui, app, &doc, &marks);
        app.ui.reader_drawn_hits = in_heading + in_body;
    });
}

/// The reader document's hits and which one is current.
struct HitMarks<'a> {
    /// Byte ranges in the document's indexed text (headline, then body).
    hits: &'a [Range<usize>],
    current: usize,
    /// Scroll the current hit into view this frame.
    scroll_to_current: bool,
}

impl HitMarks<'_> {
    /// Lays out `text`, which starts at byte `base` of the document's
    /// indexed text, in `format` with the hits inside it highlighted.
    /// Returns the layout, where the current hit starts (in characters)
    /// when it is inside, and how many hits were highlighted.
    fn layout(
        &self,
        ui: &egui::Ui,
        text: &str,
        base: usize,
        format: TextFormat,
    ) -> (LayoutJob, Option<usize>, usize) {
        let hit_format = TextFormat {
            background: egui::Color32::from_rgb(255, 226, 120),
            color: egui::Color32::BLACK,
            ..format.clone()
        };
        let current_format = TextFormat {
            background: egui::Color32::from_rgb(255, 150, 50),
            ..hit_format.clone()
        };
        let mut job = LayoutJob::default();
        job.wrap.max_width = ui.available_width();
        let (mut at, mut current_char, mut drawn) = (0, None, 0);
        for (i, hit) in self.hits.iter().enumerate() {
            if hit.start < base || hit.end > base + text.len() {
                continue;
            }
            let (start, end) = (hit.start - base, hit.end - base);
            if start < at || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                continue;
            }
            job.append(&text[at..start], 0.0, format.clone());
            let is_current = i == self.current;
            if is_current {
                current_char = Some(text[..start].chars().count());
            }
            let hit_format = if is_current {
                &current_format
            } else {
                &hit_format
            };
            job.append(&text[start..end], 0.0, hit_format.clone());
            drawn += 1;
            at = end;
        }
        job.append(&text[at..], 0.0, format);
        (job, current_char, drawn)
    }

    /// Adds the laid-out text as a selectable label, scrolled to when it
    /// holds the current hit and a scroll was asked for. Returns the
    /// label's response and the number of hits highlighted in it.
    fn show(
        &self,
        ui: &mut egui::Ui,
        text: &str,
        base: usize,
        format: TextFormat,
    ) -> (egui::Response, usize) {
        let (job, current_char, drawn) = self.layout(ui, text, base, format);
        let galley = ui.ctx().fonts_mut(|f| f.layout_job(job));
        let response = ui.add(egui::Label::new(Arc::clone(&galley)).selectable(true));
        if self.scroll_to_current
            && let Some(ch) = current_char
        {
            let rect = galley
                .pos_from_cursor(CCursor::new(ch))
                .translate(response.rect.min.to_vec2());
            ui.scroll_to_rect(rect.expand(40.0), Some(egui::Align::Center));
        }
        (response, drawn)
    }
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

/// Draws the headline, the corrections and exclusion buttons, the metadata
/// grid (or the field form in its place), tags and note; returns the
/// number of hits highlighted in the headline.
fn header_ui(
    ui: &mut egui::Ui,
    app: &mut WirescopeApp,
    doc: &Document,
    doc_ix: DocIx,
    marks: &HitMarks,
) -> usize {
    let fields = app.corpus.fields(doc_ix, &app.overlay);
    let fix = app.overlay.correction(&doc.key);
    let title_fixed = fix.is_some_and(|c| c.title.is_some());
    let source = source_of(&doc.fields.title, title_fixed);
    let in_heading = if fields.title.is_empty() {
        ui.heading("(no headline)").on_hover_text(source);
        0
    } else if title_fixed {
        // The index holds the headline as loaded: a corrected one has no
        // hit ranges of its own.
        ui.heading(fields.title).on_hover_text(source);
        0
    } else {
        let format = TextFormat {
            font_id: egui::TextStyle::Heading.resolve(ui.style()),
            color: ui.visuals().strong_text_color(),
            ..Default::default()
        };
        let (response, drawn) = marks.show(ui, doc.title(), 0, format);
        response.on_hover_text(source);
        drawn
    };
    super::edit::actions_ui(ui, app, doc, doc_ix);
    if !super::edit::form_ui(ui, app, doc) {
        metadata_ui(ui, app, doc, doc_ix);
    }
    super::edit::annotations_ui(ui, app, doc);
    in_heading
}

/// Reader width from which the fields are shown in two columns (who, then
/// when and where), so the body starts higher up.
const TWO_COLUMNS_WIDTH: f32 = 460.0;

/// One metadata row: label, value shown, where it came from, and whether
/// the user corrected it.
type MetaRow<'a> = (&'static str, Option<String>, &'a Provenance, bool);

/// The fields as shown (corrections applied; hover says where each came
/// from), the file and its duplicates.
fn metadata_ui(ui: &mut egui::Ui, app: &WirescopeApp, doc: &Document, doc_ix: DocIx) {
    let fields = app.corpus.fields(doc_ix, &app.overlay);
    let fix = app.overlay.correction(&doc.key);
    let fixed = |pick: fn(&wirescope_core::Correction) -> bool| fix.is_some_and(pick);
    let date = |d: chrono::NaiveDate| d.format("%-d %B %Y").to_string();
    let rows: [MetaRow; 6] = [
        (
            "Byline",
            fields.byline.map(str::to_owned),
            &doc.fields.byline.from,
            false,
        ),
        (
            "Agency",
            fields.agency.map(str::to_owned),
            &doc.fields.agency.from,
            fixed(|c| c.agency.is_some()),
        ),
        (
            "Outlet",
            fields.outlet.map(str::to_owned),
            &doc.fields.outlet.from,
            fixed(|c| c.outlet.is_some()),
        ),
        (
            "Published",
            fields.published.map(date),
            &doc.fields.published.from,
            fixed(|c| c.published.is_some()),
        ),
        (
            "Dateline",
            fields.dateline.map(str::to_owned),
            &doc.fields.dateline.from,
            fixed(|c| c.dateline.is_some()),
        ),
        (
            "Captured",
            doc.fields.captured.get().copied().map(date),
            &doc.fields.captured.from,
            false,
        ),
    ];
    let (who, when) = rows.split_at(3);
    if ui.available_width() >= TWO_COLUMNS_WIDTH {
        ui.columns(2, |columns| {
            fields_grid(&mut columns[0], ("meta", doc_ix, 0), who);
            fields_grid(&mut columns[1], ("meta", doc_ix, 1), when);
        });
    } else {
        fields_grid(ui, ("meta", doc_ix, 0), &rows);
    }
    egui::Grid::new(("file", doc_ix))
        .num_columns(2)
        .spacing([12.0, 2.0])
        .show(ui, |ui| {
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

/// A grid of field rows, each with its source on hover and "corrected"
/// beside a value the user set.
fn fields_grid(ui: &mut egui::Ui, id: (&str, DocIx, u8), rows: &[MetaRow]) {
    egui::Grid::new(id)
        .num_columns(2)
        .spacing([12.0, 2.0])
        .show(ui, |ui| {
            for (label, value, from, corrected) in rows {
                ui.weak(*label);
                let source = if *corrected {
                    format!("From {}", Provenance::User.describe())
                } else {
                    format!("From {}", from.describe())
                };
                ui.horizontal_wrapped(|ui| {
                    match value {
                        Some(v) => ui.label(v).on_hover_text(&source),
                        None if *corrected => ui.weak("—").on_hover_text(&source),
                        None => ui.weak("—").on_hover_text("not found"),
                    };
                    if *corrected {
                        ui.weak("corrected").on_hover_text(&source);
                    }
                });
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

/// Bodies longer than this are shown a page at a time, so a book-length
/// file never costs more than one page of layout per frame.
const PAGE_BYTES: usize = 24_000;

/// Byte ranges of the pages of `body`, cut at paragraph or line ends.
fn pages(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < body.len() {
        let mut end = (start + PAGE_BYTES).min(body.len());
        if end < body.len() {
            while !body.is_char_boundary(end) {
                end -= 1;
            }
            let window = &body[start..end];
            if let Some(cut) = window
                .rfind("\n\n")
                .or_else(|| window.rfind('\n'))
                .filter(|&c| c > PAGE_BYTES / 2)
            {
                end = start + cut + 1;
            }
        }
        out.push(start..end);
        start = end;
    }
    if out.is_empty() {
        out.push(0..0);
    }
    out
}

/// Draws the page of the body that holds the current hit (or the page
/// turned to); returns the number of hits highlighted on it.
fn body_ui(ui: &mut egui::Ui, app: &mut WirescopeApp, doc: &Document, marks: &HitMarks) -> usize {
    let body = doc.body();
    let pages = pages(body);
    let offset = doc.body_start;
    if marks.scroll_to_current
        && let Some(hit) = marks.hits.get(marks.current)
    {
        let at = hit.start.saturating_sub(offset);
        app.ui.reader_page = pages
            .iter()
            .position(|p| p.contains(&at) || p.end == at)
            .unwrap_or(0);
    }
    let page_ix = app.ui.reader_page.min(pages.len() - 1);
    let page = pages[page_ix].clone();
    if pages.len() > 1 {
        page_nav_ui(ui, app, page_ix, pages.len(), &page, body.len());
    }
    let format = TextFormat {
        font_id: egui::TextStyle::Body.resolve(ui.style()),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    marks
        .show(ui, &body[page.clone()], offset + page.start, format)
        .1
}

fn page_nav_ui(
    ui: &mut egui::Ui,
    app: &mut WirescopeApp,
    page_ix: usize,
    page_count: usize,
    page: &Range<usize>,
    len: usize,
) {
    ui.horizontal(|ui| {
        if ui
            .add_enabled(page_ix > 0, egui::Button::new("◀ previous page"))
            .clicked()
        {
            app.ui.reader_page = page_ix - 1;
        }
        ui.weak(format!(
            "page {} of {page_count} (bytes {}–{} of {len})",
            page_ix + 1,
            page.start + 1,
            page.end
        ));
        if ui
            .add_enabled(page_ix + 1 < page_count, egui::Button::new("next page ▶"))
            .clicked()
        {
            app.ui.reader_page = page_ix + 1;
        }
    });
}
