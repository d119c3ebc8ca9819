//! The concordance (KWIC) tab and the dispersion view.
//!
//! Lines are materialised only for the rows on screen (virtual rows), so a
//! million hits scroll smoothly; the sort order is computed once per query
//! and sort keys. Clicking a line opens its document in the reader at that
//! hit.

use std::sync::Arc;

use egui_extras::{Column, TableBuilder};
use wirescope_core::query::{
    Concordance, Hit, SortKey, Strip, StripOrder, dispersion, is_near, sort_order,
};
use wirescope_core::session::NearWord;

use super::background::Cached;
use super::{Command, OpenMode, PickKind, WirescopeApp};

/// Cached concordance state for the current query.
#[derive(Default)]
pub struct KwicCache {
    key: Option<(u64, Vec<String>, Option<NearWord>)>,
    /// Line builder, with the token checkpoints it records per document;
    /// kept across queries while the corpus stays the same (recording them
    /// for a book-length document takes a noticeable fraction of a second).
    concordance: Option<(u64, Concordance)>,
    /// Display order: indices into the search's hits.
    pub order: Vec<u32>,
    /// Dispersion strips, computed in the background on large corpora.
    strips: Cached<StripsKey, Vec<Strip>>,
}

impl KwicCache {
    /// True while dispersion strips are computed in the background.
    pub fn is_busy(&self) -> bool {
        self.strips.is_busy()
    }
}

/// What dispersion strips depend on: the search result, the order.
type StripsKey = (u64, bool);

fn refresh(app: &mut WirescopeApp) {
    let key = (
        app.derived.search_generation,
        app.session.kwic.sort_keys.clone(),
        app.session.kwic.near.clone(),
    );
    if app.ui.kwic.key.as_ref() == Some(&key) {
        return;
    }
    let keys: Vec<SortKey> = app
        .session
        .kwic
        .sort_keys
        .iter()
        .filter_map(|k| k.parse().ok())
        .collect();
    let hits = &app.derived.search.hits.hits;
    let mut order = if keys.is_empty() {
        (0..hits.len() as u32).collect()
    } else {
        sort_order(&app.corpus, &app.overlay, hits, &keys)
    };
    if let Some(near) = &app.session.kwic.near {
        let word = app.corpus.vocab().folded_id(&near.word);
        order.retain(|&i| {
            word.is_some_and(|w| is_near(&app.corpus, hits[i as usize], w, near.left, near.right))
        });
    }
    let generation = app.generation();
    let cache = &mut app.ui.kwic;
    if cache
        .concordance
        .as_ref()
        .is_none_or(|(g, _)| *g != generation)
    {
        cache.concordance = Some((generation, Concordance::new(&app.corpus)));
    }
    cache.key = Some(key);
    cache.order = order;
}

/// The hit shown on concordance row `row`.
pub fn hit_at(app: &WirescopeApp, row: usize) -> Option<Hit> {
    let i = *app.ui.kwic.order.get(row)?;
    app.derived.search.hits.hits.get(i as usize).copied()
}

/// Draws the concordance tab.
pub fn concordance_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    if !app.derived.search.is_active() {
        ui.weak("Type a query in the search box to see every hit in its context.");
        return;
    }
    refresh(app);
    settings_ui(ui, app);
    let hits = &app.derived.search.hits;
    ui.label(format!(
        "{} hits in {} documents · {:.1} per million words",
        hits.len(),
        hits.per_doc.len(),
        hits.per_million()
    ));
    near_ui(ui, app);
    lines_ui(ui, app);
}

/// Says which lines a collocate limits the concordance to, with a way back
/// to all of them.
fn near_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    let Some(near) = &app.session.kwic.near else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "{} lines with “{}” within {} words before or {} after the hit",
            app.ui.kwic.order.len(),
            near.word,
            near.left,
            near.right
        ));
        if ui.button("Show all lines").clicked() {
            app.commands.push(Command::ShowNear(None));
        }
    });
}

fn settings_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    let settings = &mut app.session.kwic;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Context:");
        if settings.context_in_chars {
            ui.add(egui::DragValue::new(&mut settings.context_chars).range(5..=300))
                .labelled_by(label.id);
        } else {
            ui.add(egui::DragValue::new(&mut settings.context_words).range(1..=30))
                .labelled_by(label.id);
        }
        ui.selectable_value(&mut settings.context_in_chars, false, "words");
        ui.selectable_value(&mut settings.context_in_chars, true, "characters");
        ui.separator();
        let sort_label = ui.label("Sort by:");
        settings.sort_keys.resize(3, String::new());
        for (i, slot) in settings.sort_keys.iter_mut().enumerate() {
            let text = if slot.is_empty() {
                "—".to_owned()
            } else {
                slot.clone()
            };
            egui::ComboBox::from_id_salt(("kwic-sort", i))
                .selected_text(text)
                .width(60.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(slot, String::new(), "—");
                    for key in SortKey::ALL {
                        ui.selectable_value(slot, key.to_string(), key.to_string());
                    }
                })
                .response
                .labelled_by(sort_label.id);
        }
        while settings.sort_keys.last().is_some_and(String::is_empty) {
            settings.sort_keys.pop();
        }
        ui.separator();
        if ui.button("Export lines as CSV...").clicked() {
            app.commands.push(Command::Pick {
                kind: PickKind::ExportKwicCsv,
                mode: OpenMode::Add,
            });
        }
    });
}

fn lines_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    let context = app.session.kwic.context();
    let count = app.ui.kwic.order.len();
    let selected = app.session.kwic.selected_line;
    let mut clicked = None;
    // Every column clips and no label wraps: a cell whose text wrapped (a
    // date in a column squeezed to nothing) would make its row as tall as
    // the wrapped text and push the next rows far apart.
    let context_width = (ui.available_width() * 0.3).max(120.0);
    TableBuilder::new(ui)
        .id_salt("kwic")
        .striped(true)
        .sense(egui::Sense::click())
        .column(Column::initial(context_width).at_least(40.0).clip(true))
        .column(Column::auto().at_least(40.0).clip(true))
        .column(Column::initial(context_width).at_least(40.0).clip(true))
        .column(Column::initial(200.0).at_least(40.0).clip(true))
        .column(Column::remainder().at_least(80.0).clip(true))
        .header(row_height, |mut header| {
            for label in ["Left", "Hit", "Right", "Headline", "Date"] {
                header.col(|ui| {
                    ui.strong(label);
                });
            }
        })
        .body(|body| {
            body.rows(row_height, count, |mut row| {
                let i = row.index();
                let (Some(hit), Some(concordance)) = (
                    hit_at(app, i),
                    app.ui.kwic.concordance.as_ref().map(|(_, c)| c),
                ) else {
                    return;
                };
                let line = concordance.line(hit, context);
                let fields = app.corpus.fields(hit.doc, &app.overlay);
                row.set_selected(selected == Some(i));
                row.col(|ui| left_context_cell(ui, &line.left));
                row.col(|ui| {
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(&line.keyword)
                                .strong()
                                .color(ui.visuals().hyperlink_color),
                        )
                        .extend()
                        .selectable(false),
                    );
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(&line.right).truncate().selectable(false));
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(fields.title).truncate().selectable(false));
                });
                row.col(|ui| {
                    ui.add(
                        egui::Label::new(
                            fields.published.map(|d| d.to_string()).unwrap_or_default(),
                        )
                        .extend()
                        .selectable(false),
                    );
                });
                if row.response().clicked() {
                    clicked = Some(i);
                }
            });
        });
    if let Some(i) = clicked {
        app.commands.push(Command::OpenKwicLine(i));
    }
}

/// Brings the strips up to date with the search: computed once per
/// result, not per frame (a frequent word has hits in every document), and
/// in the background over large corpora.
fn refresh_strips(app: &mut WirescopeApp, order: StripOrder) {
    let key = (
        app.derived.search_generation,
        app.session.kwic.dispersion_by_hits,
    );
    if !app.ui.kwic.strips.wants(&key) {
        return;
    }
    if app.corpus.len() <= app.derived.inline_limit() {
        let strips = dispersion(&app.corpus, &app.derived.search.hits, order);
        app.ui.kwic.strips.install(key, strips);
        return;
    }
    let (corpus, search) = (app.corpus.clone(), Arc::clone(&app.derived.search));
    let waker = app.derived.waker.clone();
    app.ui
        .kwic
        .strips
        .spawn("wirescope-dispersion", key, waker, move |_| {
            Some(dispersion(&corpus, &search.hits, order))
        });
}

/// Paints the left context flush against the hit, cut at the cell's left
/// edge: the words nearest the hit are the ones that must stay visible.
fn left_context_cell(ui: &mut egui::Ui, text: &str) {
    let rect = ui.max_rect();
    let color = ui.visuals().text_color();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let galley = ui.painter().layout_no_wrap(text.to_owned(), font, color);
    let pos = egui::pos2(
        rect.right() - galley.size().x,
        rect.center().y - galley.size().y / 2.0,
    );
    ui.painter()
        .with_clip_rect(rect.intersect(ui.clip_rect()))
        .galley(pos, galley, color);
}

/// Draws the dispersion view: one strip per document with hits.
pub fn dispersion_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    if !app.derived.search.is_active() {
        ui.weak("Type a query in the search box to see where its hits fall in each document.");
        return;
    }
    ui.checkbox(&mut app.session.kwic.dispersion_by_hits, "Most hits first");
    let order = if app.session.kwic.dispersion_by_hits {
        StripOrder::Hits
    } else {
        StripOrder::Document
    };
    refresh_strips(app, order);
    if app.ui.kwic.strips.is_busy() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.weak("placing the hits…");
        });
    }
    let Some(strips) = app.ui.kwic.strips.shown_arc() else {
        return;
    };
    let row_height = 18.0;
    let mut clicked = None;
    egui::ScrollArea::vertical().auto_shrink(false).show_rows(
        ui,
        row_height,
        strips.len(),
        |ui, range| {
            for strip in &strips[range] {
                ui.horizontal(|ui| {
                    let title = app.corpus.fields(strip.doc, &app.overlay).title;
                    // The count first: a long headline is cut, the count never.
                    let label = ui.add_sized(
                        [220.0, row_height],
                        egui::Label::new(format!("{:>4} · {title}", strip.hits))
                            .truncate()
                            .sense(egui::Sense::click()),
                    );
                    let (rect, response) = ui.allocate_exact_size(
                        egui::vec2(ui.available_width().max(50.0), row_height - 4.0),
                        egui::Sense::click(),
                    );
                    let painter = ui.painter_at(rect);
                    painter.rect_stroke(
                        rect,
                        0.0,
                        ui.visuals().widgets.noninteractive.bg_stroke,
                        egui::StrokeKind::Inside,
                    );
                    for &p in &strip.positions {
                        let x = rect.left() + p.clamp(0.0, 1.0) * rect.width();
                        painter.line_segment(
                            [egui::pos2(x, rect.top()), egui::pos2(x, rect.bottom())],
                            egui::Stroke::new(1.5, ui.visuals().hyperlink_color),
                        );
                    }
                    if label.clicked() || response.clicked() {
                        clicked = Some(strip.doc);
                    }
                });
            }
        },
    );
    if let Some(doc) = clicked {
        app.commands.push(Command::SelectDoc(doc));
    }
}
