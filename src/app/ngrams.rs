//! The n-grams tab: the most frequent runs of 2 to 6 words in the word
//! list's documents (corpus, filtered table or selected document).
//! Clicking one searches for it as a phrase.
//!
//! Counted once per set of documents and settings, in the background over
//! large corpora (over a second for 17 million words: docs/PERFORMANCE.md,
//! "Analyses"); the shown list stays until the new one is in.

use egui_extras::{Column, TableBuilder};
use wirescope_core::ngrams::{MAX_N, NgramList, ngrams};
use wirescope_core::session::{AnalysisTab, NgramSettings};

use super::background::Cached;
use super::derived::WordsKey;
use super::words::StopSpec;
use super::{Command, WirescopeApp};

/// What n-grams depend on: the documents counted, the settings, the
/// stopwords at their edges.
type Key = (WordsKey, NgramSettings, Option<StopSpec>);

/// N-grams of the current view.
pub type NgramsCache = Cached<Key, NgramList>;

fn refresh(app: &mut WirescopeApp) {
    let settings = app.session.ngrams.clone();
    let stop = settings
        .hide_stopword_edges
        .then(|| StopSpec::of(&app.session.freq));
    let key: Key = (app.derived.scope_key, settings, stop);
    if !app.ui.ngrams.wants(&key) {
        return;
    }
    let (_, _, scope, selected) = key.0;
    let docs = app
        .derived
        .scope_docs(&app.corpus, &app.overlay, scope, selected);
    let options = key.1.options.clone();
    let stop = key.2.as_ref().map(StopSpec::list);
    if app.derived.analyses_inline(&app.corpus) {
        let never = std::sync::atomic::AtomicBool::new(false);
        let list = ngrams(
            &app.corpus,
            docs.as_deref(),
            &options,
            stop.as_ref(),
            &never,
        );
        app.ui.ngrams.install(key, list.unwrap_or_default());
        return;
    }
    let corpus = app.corpus.clone();
    let waker = app.derived.waker.clone();
    app.ui
        .ngrams
        .spawn("wirescope-ngrams", key, waker, move |cancel| {
            ngrams(&corpus, docs.as_deref(), &options, stop.as_ref(), cancel)
        });
}

/// Draws the n-grams tab.
pub fn ngrams_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    settings_ui(ui, app);
    refresh(app);
    let Some(list) = app.ui.ngrams.shown_arc() else {
        ui.spinner();
        return;
    };
    if list.min_freq > app.session.ngrams.options.min_freq {
        ui.weak(format!(
            "Showing those seen at least {} times: every n-gram of a collection this large \
             would not fit in memory.",
            list.min_freq
        ));
    }
    if list.rows.is_empty() {
        ui.weak("No n-gram occurs that often here: lower the minimum frequency.");
        return;
    }
    if let Some(row) = table_ui(ui, app, &list) {
        app.push(Command::SetQuery(list.rows[row].text(&app.corpus)));
    }
}

fn settings_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    let busy = app.ui.ngrams.is_busy();
    let mut export = false;
    let settings = &mut app.session.ngrams;
    ui.horizontal_wrapped(|ui| {
        if busy {
            ui.spinner()
                .on_hover_text("counting the n-grams of the new view");
        }
        super::words::scope_ui(ui, &mut app.session.freq.scope);
        ui.separator();
        ui.add(
            egui::DragValue::new(&mut settings.options.n)
                .range(2..=MAX_N)
                .suffix(" words"),
        );
        ui.add(
            egui::DragValue::new(&mut settings.options.min_freq)
                .range(1..=1_000_000)
                .prefix("min. frequency: "),
        );
        ui.checkbox(
            &mut settings.hide_stopword_edges,
            "hide those starting or ending with a stopword",
        )
        .on_hover_text("the word list's stopwords: its language and the words added there");
        export = super::export_list::export_button(ui);
    });
    if export {
        super::export_list::ask_where(app, AnalysisTab::Ngrams);
    }
}

/// The n-grams, most frequent first; returns the row clicked.
fn table_ui(ui: &mut egui::Ui, app: &WirescopeApp, list: &NgramList) -> Option<usize> {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    let mut clicked = None;
    TableBuilder::new(ui)
        .id_salt("ngrams")
        .striped(true)
        .sense(egui::Sense::click())
        .column(Column::auto().at_least(40.0))
        .column(Column::remainder().at_least(120.0).clip(true))
        .column(Column::auto().at_least(50.0))
        .column(Column::auto().at_least(70.0))
        .column(Column::auto().at_least(70.0))
        .header(row_height, |mut header| {
            for label in ["Rank", "N-gram", "Count", "Per million", "Documents"] {
                header.col(|ui| {
                    ui.strong(label);
                });
            }
        })
        .body(|body| {
            body.rows(row_height, list.rows.len(), |mut row| {
                let i = row.index();
                let gram = &list.rows[i];
                row.col(|ui| {
                    ui.label((i + 1).to_string());
                });
                row.col(|ui| {
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(gram.text(&app.corpus))
                                .color(ui.visuals().hyperlink_color),
                        )
                        .truncate()
                        .selectable(false),
                    )
                    .on_hover_text("search for this phrase");
                });
                row.col(|ui| {
                    ui.label(gram.count.to_string());
                });
                row.col(|ui| {
                    ui.label(format!("{:.1}", list.per_million(gram.count)));
                });
                row.col(|ui| {
                    ui.label(gram.documents.to_string());
                });
                if row.response().clicked() {
                    clicked = Some(i);
                }
            });
        });
    clicked
}
