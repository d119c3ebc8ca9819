//! The reprints tab: stories the table's documents carry more than once
//! (wire copy reprinted by several outlets), largest first. Choosing a
//! story lists its copies, earliest first; clicking one opens it.

use egui_extras::{Column, TableBuilder};
use wirescope_core::reprints::{ReprintOptions, Story, reprints};
use wirescope_core::session::AnalysisTab;

use super::background::Cached;
use super::{Command, WirescopeApp};

/// What the stories depend on: the table's rows (and the corpus and the
/// exclusions), the settings.
type Key = ((u64, u64, u64), ReprintOptions);

/// Stories of the table's documents, and the one chosen.
#[derive(Default)]
pub struct ReprintsCache {
    stories: Cached<Key, Vec<Story>>,
    /// The story whose copies are listed (an index into the stories).
    pub chosen: Option<usize>,
}

impl ReprintsCache {
    /// True while stories are looked for in the background.
    pub fn is_busy(&self) -> bool {
        self.stories.is_busy()
    }

    /// The stories shown, if any were looked for yet.
    pub fn shown(&self) -> Option<&Vec<Story>> {
        self.stories.shown()
    }
}

fn refresh(app: &mut WirescopeApp) {
    let key: Key = (app.derived.view_key, app.session.reprints.clone());
    if !app.ui.reprints.stories.wants(&key) {
        return;
    }
    app.ui.reprints.chosen = None;
    let docs = app.derived.rows.clone();
    let options = key.1.clone();
    if app.derived.analyses_inline(&app.corpus) {
        let never = std::sync::atomic::AtomicBool::new(false);
        let found = reprints(&app.corpus, &app.overlay, &docs, &options, &never);
        app.ui
            .reprints
            .stories
            .install(key, found.unwrap_or_default());
        return;
    }
    let (corpus, overlay) = (app.corpus.clone(), app.overlay.clone());
    let waker = app.derived.waker.clone();
    app.ui
        .reprints
        .stories
        .spawn("wirescope-reprints", key, waker, move |cancel| {
            reprints(&corpus, &overlay, &docs, &options, cancel)
        });
}

/// Draws the reprints tab.
pub fn reprints_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    settings_ui(ui, app);
    refresh(app);
    let Some(stories) = app.ui.reprints.stories.shown_arc() else {
        ui.spinner();
        return;
    };
    let copies: usize = stories.iter().map(|s| s.docs.len()).sum();
    ui.label(format!(
        "{} stories published more than once · {copies} of the table's {} documents",
        stories.len(),
        app.derived.rows.len()
    ));
    if stories.is_empty() {
        ui.weak("No two documents of the table are that alike: lower the similarity.");
        return;
    }
    let half = (ui.available_height() / 2.0).max(80.0);
    ui.push_id("stories", |ui| {
        egui::ScrollArea::vertical()
            .max_height(half)
            .auto_shrink([false, true])
            .show_rows(
                ui,
                ui.text_style_height(&egui::TextStyle::Body) + 4.0,
                stories.len(),
                |ui, range| {
                    for i in range {
                        let story = &stories[i];
                        let first = app.corpus.fields(story.docs[0], &app.overlay);
                        let date = first.published.map(|d| d.to_string()).unwrap_or_default();
                        let label =
                            format!("{:>3} copies · {date} · {}", story.docs.len(), first.title);
                        let chosen = app.ui.reprints.chosen == Some(i);
                        if ui
                            .add(egui::Button::selectable(chosen, label).truncate())
                            .clicked()
                        {
                            app.ui.reprints.chosen = Some(i);
                        }
                    }
                },
            );
    });
    ui.separator();
    match app.ui.reprints.chosen.and_then(|i| stories.get(i)) {
        Some(story) => copies_ui(ui, app, story),
        None => {
            ui.weak("Choose a story to list its copies.");
        }
    }
}

fn settings_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    let busy = app.ui.reprints.is_busy();
    let mut export = false;
    let options = &mut app.session.reprints;
    ui.horizontal_wrapped(|ui| {
        if busy {
            ui.spinner()
                .on_hover_text("looking for reprints in the new table");
        }
        ui.label("In the table's documents, alike at least:");
        ui.add(egui::Slider::new(&mut options.similarity, 0.3..=1.0).step_by(0.05))
            .on_hover_text("the share of 5-word runs two documents have in common");
        ui.add(
            egui::DragValue::new(&mut options.min_words)
                .range(10..=100_000)
                .prefix("min. length: ")
                .suffix(" words"),
        );
        export = super::export_list::export_button(ui);
    });
    if export {
        super::export_list::ask_where(app, AnalysisTab::Reprints);
    }
}

/// The copies of one story, earliest first; clicking one opens it.
fn copies_ui(ui: &mut egui::Ui, app: &mut WirescopeApp, story: &Story) {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    let mut clicked = None;
    TableBuilder::new(ui)
        .id_salt("copies")
        .striped(true)
        .sense(egui::Sense::click())
        .column(Column::auto().at_least(80.0))
        .column(Column::initial(110.0).at_least(50.0).clip(true))
        .column(Column::initial(60.0).at_least(40.0).clip(true))
        .column(Column::auto().at_least(40.0))
        .column(Column::remainder().at_least(100.0).clip(true))
        .header(row_height, |mut header| {
            for label in ["Published", "Outlet", "Agency", "Alike", "Headline"] {
                header.col(|ui| {
                    ui.strong(label);
                });
            }
        })
        .body(|body| {
            body.rows(row_height, story.docs.len(), |mut row| {
                let i = row.index();
                let doc = story.docs[i];
                let fields = app.corpus.fields(doc, &app.overlay);
                row.set_selected(app.selected_doc() == Some(doc));
                let cells = [
                    fields.published.map(|d| d.to_string()).unwrap_or_default(),
                    fields.outlet.unwrap_or_default().to_owned(),
                    fields.agency.unwrap_or_default().to_owned(),
                    format!("{:.0}%", story.similarity[i] * 100.0),
                    fields.title.to_owned(),
                ];
                for text in cells {
                    row.col(|ui| {
                        ui.add(egui::Label::new(text).truncate().selectable(false));
                    });
                }
                if row.response().clicked() {
                    clicked = Some(doc);
                }
            });
        });
    if let Some(doc) = clicked {
        app.push(Command::SelectDoc(doc));
    }
}
