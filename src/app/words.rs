//! The analysis panel: the word list and the top-words bar chart (the
//! trend chart lives in [`super::trend`]). Clicking a word or a bar makes it
//! the search term.

use egui_extras::{Column, TableBuilder};
use egui_plot::{Bar, BarChart, Plot};
use wirescope_core::freq::{self, ListView, STOPWORD_LANGUAGES, Stopwords};
use wirescope_core::session::{AnalysisTab, FreqSettings, Scope};

use super::{Command, WirescopeApp};

/// Draws the analysis tabs and the one in front.
pub fn analysis_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    // The tabs wrap in a narrow panel rather than run off its edge.
    ui.horizontal_wrapped(|ui| {
        let tab = &mut app.session.panels.tab;
        ui.selectable_value(tab, AnalysisTab::Words, "Word list");
        ui.selectable_value(tab, AnalysisTab::Chart, "Top words");
        ui.selectable_value(tab, AnalysisTab::Trend, "Trend");
        ui.selectable_value(tab, AnalysisTab::Concordance, "Concordance");
        ui.selectable_value(tab, AnalysisTab::Dispersion, "Dispersion");
        ui.selectable_value(tab, AnalysisTab::Collocates, "Collocates");
        ui.selectable_value(tab, AnalysisTab::Ngrams, "N-grams");
        ui.selectable_value(tab, AnalysisTab::Keywords, "Keywords");
        ui.selectable_value(tab, AnalysisTab::Reprints, "Reprints");
    });
    ui.separator();
    match app.session.panels.tab {
        AnalysisTab::Words => {
            settings_ui(ui, app);
            word_table_ui(ui, app);
        }
        AnalysisTab::Chart => {
            settings_ui(ui, app);
            bar_chart_ui(ui, app);
        }
        AnalysisTab::Trend => super::trend::trend_ui(ui, app),
        AnalysisTab::Concordance => super::kwic::concordance_ui(ui, app),
        AnalysisTab::Dispersion => super::kwic::dispersion_ui(ui, app),
        AnalysisTab::Collocates => super::collocates::collocates_ui(ui, app),
        AnalysisTab::Ngrams => super::ngrams::ngrams_ui(ui, app),
        AnalysisTab::Keywords => super::keywords::keywords_ui(ui, app),
        AnalysisTab::Reprints => super::reprints::reprints_ui(ui, app),
    }
    // A panel is as tall as what it drew last frame: without this, a tab
    // with little to show would shrink the panel and the reader would jump.
    ui.take_available_space();
}

fn settings_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    let counting = app.derived.is_counting_words();
    let list_in_front = app.session.panels.tab == AnalysisTab::Words;
    let mut export = false;
    let settings = &mut app.session.freq;
    ui.horizontal_wrapped(|ui| {
        if counting {
            ui.spinner()
                .on_hover_text("counting the words of the new view");
        }
        scope_ui(ui, &mut settings.scope);
        ui.separator();
        ui.checkbox(&mut settings.show_stopwords, "show stopwords");
        let lang_label = ui.label("list:");
        egui::ComboBox::from_id_salt("stop-lang")
            .selected_text(
                STOPWORD_LANGUAGES
                    .iter()
                    .find(|(c, _)| *c == settings.stopword_language)
                    .map_or("none", |(_, n)| n),
            )
            .width(90.0)
            .show_ui(ui, |ui| {
                for (code, name) in STOPWORD_LANGUAGES {
                    ui.selectable_value(&mut settings.stopword_language, (*code).to_owned(), *name);
                }
            })
            .response
            .labelled_by(lang_label.id);
        if let Some(word) =
            super::widgets::entry_on_enter(ui, &mut app.ui.stopword_edit, "add stopword", 90.0)
        {
            settings.extra_stopwords.push(word.to_lowercase());
        }
        // The label is the value's prefix, so the two wrap as one.
        for (label, value, range) in [
            ("min length", &mut settings.min_len, 1..=30),
            ("top", &mut settings.top_n, 1..=200),
        ] {
            ui.add(
                egui::DragValue::new(value)
                    .range(range)
                    .prefix(format!("{label} ")),
            )
            .accessible_name(label);
        }
        if list_in_front {
            export = super::export_list::export_button(ui);
        }
    });
    if export {
        super::export_list::ask_where(app, AnalysisTab::Words);
    }
}

/// "Count in: corpus | filtered table | selected document": the documents
/// the word list, the top-words chart and the n-grams count.
pub fn scope_ui(ui: &mut egui::Ui, scope: &mut Scope) {
    ui.label("Count in:");
    ui.selectable_value(scope, Scope::Corpus, "corpus");
    ui.selectable_value(scope, Scope::Filtered, "filtered table");
    ui.selectable_value(scope, Scope::Selected, "selected document");
}

/// The stopword list the settings ask for (`None` when stopwords show).
pub fn stopwords_for(settings: &FreqSettings) -> Option<Stopwords> {
    (!settings.show_stopwords).then(|| StopSpec::of(settings).list())
}

/// What the word list's stopwords are made of (its language and the words
/// added): the analysis tabs compare it every frame to see whether to count
/// again, and build the list itself only when they do.
#[derive(Clone, Debug, PartialEq)]
pub struct StopSpec {
    language: String,
    extra: Vec<String>,
}

impl StopSpec {
    pub fn of(settings: &FreqSettings) -> Self {
        Self {
            language: settings.stopword_language.clone(),
            extra: settings.extra_stopwords.clone(),
        }
    }

    /// The language's list and the words added.
    pub fn list(&self) -> Stopwords {
        let mut list = Stopwords::for_language(&self.language);
        list.extend(self.extra.iter().map(String::as_str));
        list
    }
}

/// The visible word rows: (word, count, per million, documents).
pub fn visible_rows(app: &WirescopeApp, limit: usize) -> Vec<(String, u64, f64, u32)> {
    let stop = stopwords_for(&app.session.freq);
    let view = ListView {
        stopwords: stop.as_ref(),
        min_len: app.session.freq.min_len,
    };
    let list = &app.derived.words;
    freq::visible(&app.corpus, list, &view)
        .take(limit)
        .map(|r| {
            (
                app.corpus.vocab().folded(r.word).to_owned(),
                r.count,
                list.per_million(r.count),
                r.documents,
            )
        })
        .collect()
}

fn word_table_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    let rows = visible_rows(app, 2000);
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    let mut clicked = None;
    TableBuilder::new(ui)
        .id_salt("words")
        .striped(true)
        .sense(egui::Sense::click())
        .column(Column::exact(50.0))
        .column(Column::initial(160.0).clip(true))
        .column(Column::exact(70.0))
        .column(Column::exact(90.0))
        .column(Column::remainder().at_least(60.0).clip(true))
        .header(row_height, |mut header| {
            for label in ["Rank", "Word", "Count", "Per million", "Documents"] {
                header.col(|ui| {
                    ui.strong(label);
                });
            }
        })
        .body(|body| {
            body.rows(row_height, rows.len(), |mut row| {
                let i = row.index();
                let (word, count, pm, docs) = &rows[i];
                row.col(|ui| {
                    ui.label((i + 1).to_string());
                });
                row.col(|ui| {
                    if ui
                        .link(word)
                        .on_hover_text("Search for this word")
                        .clicked()
                    {
                        clicked = Some(word.clone());
                    }
                });
                row.col(|ui| {
                    ui.label(count.to_string());
                });
                row.col(|ui| {
                    ui.label(format!("{pm:.1}"));
                });
                row.col(|ui| {
                    ui.label(docs.to_string());
                });
            });
        });
    if let Some(word) = clicked {
        app.push(Command::SetQuery(word));
    }
}

/// Narrowest bar, in points, that has its word written in it.
const MIN_LABELLED_BAR_PX: f32 = 14.0;

/// Writes each word up its bar, from the baseline, clipped to the plot.
fn paint_bar_labels<'w>(
    ui: &egui::Ui,
    transform: &egui_plot::PlotTransform,
    words: impl Iterator<Item = &'w str>,
) {
    let painter = ui.painter_at(*transform.frame());
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().strong_text_color();
    for (i, word) in words.enumerate() {
        let base = transform.position_from_point(&egui_plot::PlotPoint::new(i as f64, 0.0));
        let galley = painter.layout_no_wrap(word.to_owned(), font.clone(), color);
        // Turned a quarter left about its top-left corner, the text runs
        // upwards and its height lies to the right of that corner.
        let pos = egui::pos2(base.x - galley.size().y / 2.0, base.y - 4.0);
        painter.add(
            egui::epaint::TextShape::new(pos, galley, color)
                .with_angle(-std::f32::consts::FRAC_PI_2),
        );
    }
}

fn bar_chart_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    let rows = visible_rows(app, app.session.freq.top_n);
    if rows.is_empty() {
        ui.weak("No words to chart.");
        return;
    }
    let bars: Vec<Bar> = rows
        .iter()
        .enumerate()
        .map(|(i, (word, count, _, _))| Bar::new(i as f64, *count as f64).name(word).width(0.7))
        .collect();
    let labels: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
    // Each word is written up its bar when the bars are wide enough; the
    // axis, which labels only a few of them, is then left out.
    let in_bars = ui.available_width() / (rows.len() as f32 + 1.0) >= MIN_LABELLED_BAR_PX;
    let chart = BarChart::new("top words", bars).color(egui::Color32::from_rgb(70, 130, 200));
    let response = Plot::new("top-words")
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .show_axes([!in_bars, true])
        .x_axis_formatter(move |mark, _range| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                labels.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_axis_label("count")
        .show(ui, |plot| {
            plot.bar_chart(chart);
            plot.pointer_coordinate()
        });
    if in_bars {
        let words = rows.iter().map(|r| r.0.as_str());
        paint_bar_labels(ui, &response.transform, words);
    }
    if response.response.clicked()
        && let Some(at) = response.inner
    {
        let i = at.x.round();
        if i >= 0.0
            && (at.x - i).abs() <= 0.35
            && at.y >= 0.0
            && let Some((word, count, _, _)) = rows.get(i as usize)
            && at.y <= *count as f64
        {
            app.push(Command::SetQuery(word.clone()));
        }
    }
}
