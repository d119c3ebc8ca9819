//! The keywords tab: the words the table's rows (the target: filter by
//! agency, date or words, or search with "Only documents with hits") use
//! markedly more, or less, than the rest of the corpus or the whole of it.
//! Clicking a word searches for it.

use egui_extras::{Column, TableBuilder};
use wirescope_core::freq::Stopwords;
use wirescope_core::keyness::{Keywords, keywords};
use wirescope_core::session::{AnalysisTab, KeywordSettings, Reference};
use wirescope_core::{Corpus, DocIx, Overlay};

use super::background::Cached;
use super::words::StopSpec;
use super::{Command, WirescopeApp};

/// What keywords depend on: the table's rows and the exclusions, the
/// settings, the stopwords hidden.
type Key = ((u64, u64, u64), KeywordSettings, Option<StopSpec>);

/// Keywords of the table's rows.
pub type KeywordsCache = Cached<Key, Keywords>;

/// The reference documents: every document not excluded, less the
/// target's for [`Reference::Rest`].
fn reference_docs(
    corpus: &Corpus,
    overlay: &Overlay,
    target: &[DocIx],
    reference: Reference,
) -> Vec<DocIx> {
    let mut in_target = vec![false; corpus.len()];
    if reference == Reference::Rest {
        for &d in target {
            in_target[d as usize] = true;
        }
    }
    (0..corpus.len() as DocIx)
        .filter(|&d| !in_target[d as usize])
        .filter(|&d| !overlay.is_excluded(&corpus.doc(d).key))
        .collect()
}

/// The keywords of `target` against the reference the settings name.
fn compare(
    corpus: &Corpus,
    overlay: &Overlay,
    target: &[DocIx],
    settings: &KeywordSettings,
    stop: Option<&Stopwords>,
) -> Keywords {
    let reference = reference_docs(corpus, overlay, target, settings.reference);
    keywords(corpus, target, &reference, &settings.options, stop)
}

fn refresh(app: &mut WirescopeApp) {
    let settings = app.session.keywords.clone();
    let stop = settings
        .hide_stopwords
        .then(|| StopSpec::of(&app.session.freq));
    let key: Key = (app.derived.view_key, settings, stop);
    if !app.ui.keywords.wants(&key) {
        return;
    }
    let target = app.derived.rows.clone();
    if app.derived.analyses_inline(&app.corpus) {
        let stop = key.2.as_ref().map(StopSpec::list);
        let found = compare(&app.corpus, &app.overlay, &target, &key.1, stop.as_ref());
        app.ui.keywords.install(key, found);
        return;
    }
    // Listing the reference documents reads every document's key: on the
    // worker too.
    let (corpus, overlay) = (app.corpus.clone(), app.overlay.clone());
    let (settings, stop) = (key.1.clone(), key.2.as_ref().map(StopSpec::list));
    let waker = app.derived.waker.clone();
    app.ui
        .keywords
        .spawn("wirescope-keywords", key, waker, move |_| {
            Some(compare(
                &corpus,
                &overlay,
                &target,
                &settings,
                stop.as_ref(),
            ))
        });
}

/// Draws the keywords tab.
pub fn keywords_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    settings_ui(ui, app);
    refresh(app);
    let Some(found) = app.ui.keywords.shown_arc() else {
        ui.spinner();
        return;
    };
    ui.label(format!(
        "Target: the table's {} documents ({} words) · reference: {} documents ({} words)",
        found.target_docs, found.target_tokens, found.reference_docs, found.reference_tokens
    ));
    if found.target_docs == 0 || found.reference_docs == 0 {
        ui.weak(
            "Filter the table (by agency, date or words, or search with \
             “Only documents with hits”) to choose the documents to compare with the rest.",
        );
        return;
    }
    if let Some(row) = table_ui(ui, app, &found) {
        let word = app.corpus.vocab().folded(found.rows[row].word).to_owned();
        app.push(Command::SetQuery(word));
    }
}

fn settings_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    let busy = app.ui.keywords.is_busy();
    let mut export = false;
    let settings = &mut app.session.keywords;
    ui.horizontal_wrapped(|ui| {
        if busy {
            ui.spinner().on_hover_text("comparing the new table");
        }
        ui.label("Table against:");
        ui.selectable_value(&mut settings.reference, Reference::Rest, "the rest");
        ui.selectable_value(
            &mut settings.reference,
            Reference::Corpus,
            "the whole corpus",
        );
        ui.separator();
        ui.selectable_value(&mut settings.options.negative, false, "used more");
        ui.selectable_value(&mut settings.options.negative, true, "used less");
        ui.add(
            egui::DragValue::new(&mut settings.options.min_freq)
                .range(1..=1_000_000)
                .prefix("min. frequency: "),
        );
        ui.checkbox(&mut settings.hide_stopwords, "hide stopwords")
            .on_hover_text("the word list's stopwords: its language and the words added there");
        export = super::export_list::export_button(ui);
    });
    if export {
        super::export_list::ask_where(app, AnalysisTab::Keywords);
    }
}

/// The keywords, most key first; returns the row clicked.
fn table_ui(ui: &mut egui::Ui, app: &WirescopeApp, found: &Keywords) -> Option<usize> {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    let vocab = app.corpus.vocab();
    let mut clicked = None;
    let numbers = [
        ("Target", "occurrences in the table's documents"),
        ("Reference", "occurrences in the reference documents"),
        ("Target /M", "per million words of the target"),
        ("Ref. /M", "per million words of the reference"),
        ("LL", "log-likelihood: how sure the difference is"),
        (
            "Log ratio",
            "log2 of target /M over reference /M: 1 is twice as frequent",
        ),
    ];
    egui::ScrollArea::horizontal().show(ui, |ui| {
        let mut table = TableBuilder::new(ui)
            .id_salt("keywords")
            .striped(true)
            .sense(egui::Sense::click())
            .column(Column::initial(120.0).at_least(60.0).clip(true));
        for _ in numbers {
            table = table.column(Column::initial(64.0).at_least(36.0).clip(true));
        }
        table
            .header(row_height, |mut header| {
                header.col(|ui| {
                    ui.strong("Word");
                });
                for (label, hint) in numbers {
                    header.col(|ui| {
                        super::collocates::right_aligned(ui, egui::RichText::new(label).strong());
                        ui.response().on_hover_text(hint);
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, found.rows.len(), |mut row| {
                    let k = &found.rows[row.index()];
                    row.col(|ui| {
                        ui.add(
                            egui::Label::new(
                                egui::RichText::new(vocab.folded(k.word))
                                    .color(ui.visuals().hyperlink_color),
                            )
                            .truncate()
                            .selectable(false),
                        )
                        .on_hover_text("search for this word");
                    });
                    let cells = [
                        k.target.to_string(),
                        k.reference.to_string(),
                        format!("{:.1}", found.target_per_million(k.target)),
                        format!("{:.1}", found.reference_per_million(k.reference)),
                        format!("{:.1}", k.log_likelihood),
                        format!("{:.2}", k.log_ratio),
                    ];
                    for text in cells {
                        row.col(|ui| super::collocates::right_aligned(ui, text.into()));
                    }
                    if row.response().clicked() {
                        clicked = Some(row.index());
                    }
                });
            });
    });
    clicked
}
