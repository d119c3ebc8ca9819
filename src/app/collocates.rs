//! The collocates tab: the words found near the current query's hits,
//! ranked by an association measure. Clicking a word shows its lines in
//! the concordance (the hits with that word in the window).
//!
//! Collocates are counted once per search result and settings, not per
//! frame, and in the background over large corpora, as the dispersion
//! strips are.

use std::sync::Arc;

use egui_extras::{Column, TableBuilder};
use wirescope_core::query::{Collocates, MAX_SPAN, Measure, collocates};
use wirescope_core::session::{AnalysisTab, CollocateSettings, NearWord};

use super::background::Cached;
use super::words::StopSpec;
use super::{Command, WirescopeApp};

/// What collocates depend on: the search result, the settings, the
/// stopword list (language and added words).
type Key = (u64, CollocateSettings, Option<StopSpec>);

/// Collocates of the current search.
pub type CollocatesCache = Cached<Key, Collocates>;

fn key(app: &WirescopeApp) -> Key {
    let settings = app.session.collocates.clone();
    let stop = settings
        .hide_stopwords
        .then(|| StopSpec::of(&app.session.freq));
    (app.derived.search_generation, settings, stop)
}

/// Brings the collocates up to date with the search and the settings.
fn refresh(app: &mut WirescopeApp) {
    let key = key(app);
    if !app.ui.collocates.wants(&key) {
        return;
    }
    let stop = key.2.as_ref().map(StopSpec::list);
    let options = key.1.options.clone();
    if app.derived.analyses_inline(&app.corpus) {
        let found = collocates(
            &app.corpus,
            &app.derived.search.hits,
            &options,
            stop.as_ref(),
        );
        app.ui.collocates.install(key, found);
        return;
    }
    let (corpus, search) = (app.corpus.clone(), Arc::clone(&app.derived.search));
    let waker = app.derived.waker.clone();
    app.ui
        .collocates
        .spawn("wirescope-collocates", key, waker, move |_| {
            Some(collocates(&corpus, &search.hits, &options, stop.as_ref()))
        });
}

/// Draws the collocates tab.
pub fn collocates_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    if !app.derived.search.is_active() || !app.derived.search.hits.has_pattern {
        ui.weak("Type a query in the search box to see the words found near its hits.");
        return;
    }
    settings_ui(ui, &mut app.session.collocates);
    refresh(app);
    let busy = app.ui.collocates.is_busy();
    let Some(found) = app.ui.collocates.shown_arc() else {
        ui.spinner();
        return;
    };
    ui.horizontal(|ui| {
        if busy {
            ui.spinner()
                .on_hover_text("counting the collocates of the new search");
        }
        ui.label(format!(
            "{} collocates · {} hits · {} words in the windows",
            found.rows.len(),
            found.node_freq,
            found.window_tokens
        ));
        if super::export_list::export_button(ui) {
            super::export_list::ask_where(app, AnalysisTab::Collocates);
        }
    });
    if let Some(row) = table_ui(ui, app, &found) {
        let options = &app.session.collocates.options;
        let near = NearWord {
            word: app.corpus.vocab().folded(found.rows[row].word).to_owned(),
            left: options.left,
            right: options.right,
        };
        app.commands.push(Command::ShowNear(Some(near)));
    }
}

fn settings_ui(ui: &mut egui::Ui, settings: &mut CollocateSettings) {
    let options = &mut settings.options;
    ui.horizontal_wrapped(|ui| {
        // Each label and its value wrap together.
        ui.horizontal(|ui| {
            ui.add(
                egui::DragValue::new(&mut options.left)
                    .range(0..=MAX_SPAN)
                    .prefix("left: "),
            );
            ui.add(
                egui::DragValue::new(&mut options.right)
                    .range(0..=MAX_SPAN)
                    .prefix("right: ")
                    .suffix(" words"),
            );
        });
        ui.add(
            egui::DragValue::new(&mut options.min_freq)
                .range(1..=1_000_000)
                .prefix("min. frequency: "),
        );
        ui.horizontal(|ui| {
            let label = ui.label("Rank by:");
            egui::ComboBox::from_id_salt("collocate-measure")
                .selected_text(options.measure.name())
                .show_ui(ui, |ui| {
                    for m in Measure::ALL {
                        ui.selectable_value(&mut options.measure, m, m.name());
                    }
                })
                .response
                .labelled_by(label.id);
        });
        ui.checkbox(&mut settings.hide_stopwords, "hide stopwords")
            .on_hover_text("the word list's stopwords: its language and the words added there");
    });
}

/// Numeric columns: header and width.
const NUMBERS: [(&str, f32); 7] = [
    ("Freq", 44.0),
    ("L / R", 62.0),
    ("In corpus", 68.0),
    ("LL", 56.0),
    ("MI", 44.0),
    ("t", 44.0),
    ("logDice", 56.0),
];

/// The ranked words; returns the row clicked.
fn table_ui(ui: &mut egui::Ui, app: &WirescopeApp, found: &Collocates) -> Option<usize> {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    let vocab = app.corpus.vocab();
    let mut clicked = None;
    // Narrow panels scroll sideways rather than squeeze the numbers.
    egui::ScrollArea::horizontal().show(ui, |ui| {
        let mut table = TableBuilder::new(ui)
            .id_salt("collocates")
            .striped(true)
            .sense(egui::Sense::click())
            .column(Column::initial(130.0).at_least(60.0).clip(true));
        for (_, width) in NUMBERS {
            table = table.column(Column::initial(width).at_least(36.0).clip(true));
        }
        table
            .header(row_height, |mut header| {
                header.col(|ui| {
                    ui.strong("Word");
                });
                for (label, _) in NUMBERS {
                    header.col(|ui| {
                        right_aligned(ui, egui::RichText::new(label).strong());
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, found.rows.len(), |mut row| {
                    let c = &found.rows[row.index()];
                    row.col(|ui| {
                        ui.add(
                            egui::Label::new(vocab.folded(c.word))
                                .truncate()
                                .selectable(false),
                        )
                        .on_hover_text("show these lines in the concordance");
                    });
                    let cells = [
                        c.freq().to_string(),
                        format!("{} / {}", c.left, c.right),
                        c.corpus_freq.to_string(),
                        format!("{:.1}", c.log_likelihood),
                        format!("{:.2}", c.mi),
                        format!("{:.2}", c.t_score),
                        format!("{:.2}", c.log_dice),
                    ];
                    for text in cells {
                        row.col(|ui| right_aligned(ui, text.into()));
                    }
                    if row.response().clicked() {
                        clicked = Some(row.index());
                    }
                });
            });
    });
    clicked
}

/// A table cell's text against its right edge, for numbers.
pub fn right_aligned(ui: &mut egui::Ui, text: egui::RichText) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        ui.add(egui::Label::new(text).selectable(false));
    });
}
