//! The window: a menu bar, a status bar, the document table, the reader and
//! the analysis panel.
//!
//! [`WirescopeApp::ui`] only delegates: each panel is drawn by one `*_ui`
//! function that reads the state and pushes [`Command`]s; the app applies
//! them after drawing. All analysis state lives in [`Session`] (plain serde
//! data), never only in egui's memory, so workspaces can save it.

mod apply;
mod background;
mod collocates;
mod command;
mod derived;
mod dialogs;
mod edit;
mod export;
mod export_list;
mod fonts;
mod guard;
mod input;
mod jobs;
mod keywords;
mod kwic;
mod menu;
mod ngrams;
mod reader;
mod recovery;
mod reprints;
mod search;
mod status;
mod table;
mod trend;
mod widgets;
mod windows;
mod words;
mod workspace;

use std::path::PathBuf;

use wirescope_core::loader::{Input, Problem};
use wirescope_core::session::Session;
use wirescope_core::{Corpus, DocIx, Overlay};

pub use command::{Command, Commands, OpenMode, PickKind};
use derived::Derived;
pub use dialogs::Dialogs;
pub use export::ChartFormat;
pub use guard::{Answer, Discarding};
pub use jobs::{JobMessage, LoadJob};
pub use recovery::RecoveryChoice;

/// How the app starts.
pub struct StartOptions {
    /// What to load at start (the bundled sample by default).
    pub inputs: Vec<Input>,
    /// Name shown in the title bar.
    pub corpus_name: String,
    pub dialogs: Dialogs,
    /// Where recovery copies of never-saved sessions go; `None` turns
    /// crash recovery off (tests that do not exercise it).
    pub data_dir: Option<PathBuf>,
}

impl StartOptions {
    /// Start on the bundled sample with native dialogs.
    pub fn sample() -> Self {
        Self {
            inputs: wirescope_core::seed::inputs(),
            corpus_name: "sample".to_owned(),
            dialogs: Dialogs::native(),
            data_dir: None,
        }
    }

    /// Start on these paths with native dialogs.
    pub fn paths(paths: Vec<PathBuf>) -> Self {
        let corpus_name = corpus_name(&paths);
        Self {
            inputs: paths.into_iter().map(Input::Path).collect(),
            corpus_name,
            dialogs: Dialogs::native(),
            data_dir: None,
        }
    }
}

fn corpus_name(paths: &[PathBuf]) -> String {
    match paths {
        [] => "empty".to_owned(),
        [one] => one.file_name().map_or_else(
            || one.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
        [first, ..] => format!("{} and {} more", first.display(), paths.len() - 1),
    }
}

/// eframe storage key of the recent workspaces list.
const RECENT_KEY: &str = "wirescope.recent_workspaces";

/// Hit byte ranges of the reader's document, keyed by (document,
/// generation, query, total hits).
pub type ReaderHits = (ReaderHitsKey, std::sync::Arc<[std::ops::Range<usize>]>);

/// What the reader's hit ranges depend on: (document, generation, query,
/// total hits).
pub type ReaderHitsKey = (DocIx, u64, String, u64);

/// Window-only state that is not part of the analysis.
#[derive(Default)]
pub struct UiState {
    pub show_report: bool,
    pub show_shortcuts: bool,
    pub show_about: bool,
    pub show_query_help: bool,
    /// Scroll the table to this row on the next frame.
    pub scroll_table_to: Option<usize>,
    /// Scroll the reader to the current hit on the next frame.
    pub scroll_reader_to_hit: bool,
    /// The search box's text while it is edited.
    pub query_edit: String,
    pub focus_search: bool,
    pub hovering_files: Vec<PathBuf>,
    /// Last message for the status bar.
    pub message: Option<String>,
    pub title: String,
    /// New stopword being typed.
    pub stopword_edit: String,
    /// New trend term being typed.
    pub trend_term_edit: String,
    pub trend: trend::TrendCache,
    pub kwic: kwic::KwicCache,
    pub collocates: collocates::CollocatesCache,
    pub ngrams: ngrams::NgramsCache,
    pub keywords: keywords::KeywordsCache,
    pub reprints: reprints::ReprintsCache,
    /// Page of a long body shown in the reader.
    pub reader_page: usize,
    /// When the search box was last edited (the query runs after a pause).
    pub query_typed_at: Option<std::time::Instant>,
    /// Byte ranges of the hits in the reader's document, by (document,
    /// generation, query, total hits).
    pub reader_hits: Option<ReaderHits>,
    /// Hit ranges of a long document being computed in the background.
    pub reader_hits_job:
        Option<background::Job<ReaderHitsKey, std::sync::Arc<[std::ops::Range<usize>]>>>,
    /// Document and byte offset `session.reader.char_offset` was counted at.
    pub reader_offset_at: Option<(DocIx, usize)>,
    /// Document (index and content hash) the reader showed last: a newly
    /// shown one opens at its top. egui keeps scroll offsets by id, across
    /// runs too, and the reader's id names a document by its index, which
    /// another corpus gives to another document.
    pub reader_shown: Option<(DocIx, u64)>,
    /// Hits highlighted in the reader's last frame: in the headline and on
    /// the page of the body shown.
    pub reader_drawn_hits: usize,
    /// The reader's field form, while open.
    pub field_edit: Option<edit::FieldEdit>,
    /// Tags being typed for a document (kept when the box loses focus).
    pub tags_edit: Option<(wirescope_core::DocKey, String)>,
    pub show_workspace_note: bool,
    /// Put the cursor in the workspace note on its next frame.
    pub focus_workspace_note: bool,
    pub show_excluded: bool,
}

/// The application.
pub struct WirescopeApp {
    pub session: Session,
    pub corpus: Corpus,
    pub overlay: Overlay,
    /// Every problem met while loading, newest load last.
    pub problems: Vec<Problem>,
    pub job: Option<LoadJob>,
    pub ui: UiState,
    pub corpus_name: String,
    pub workspace: workspace::WorkspaceState,
    guard: guard::Guard,
    recovery: recovery::RecoveryState,
    dialogs: Dialogs,
    commands: Commands,
    derived: Derived,
    corpus_generation: u64,
    overlay_generation: u64,
    quit_requested: bool,
}

impl WirescopeApp {
    /// Creates the app and starts loading the start inputs in the background.
    pub fn new(cc: &eframe::CreationContext<'_>, start: StartOptions) -> Self {
        fonts::install(&cc.egui_ctx);
        workers_behind_the_window();
        let mut app = Self {
            session: Session::default(),
            corpus: Corpus::default(),
            overlay: Overlay::default(),
            problems: Vec::new(),
            job: None,
            ui: UiState::default(),
            corpus_name: start.corpus_name,
            workspace: Default::default(),
            guard: Default::default(),
            recovery: recovery::RecoveryState::new(start.data_dir),
            dialogs: start.dialogs,
            commands: Commands::default(),
            derived: Derived::default(),
            corpus_generation: 0,
            overlay_generation: 0,
            quit_requested: false,
        };
        let ctx = cc.egui_ctx.clone();
        app.derived.waker = Some(std::sync::Arc::new(move || ctx.request_repaint()));
        if let Some(storage) = cc.storage {
            app.load_preferences(storage);
        }
        match start.inputs.as_slice() {
            [Input::Path(p)] if workspace::is_workspace_file(p) => {
                let path = p.clone();
                app.look_for_recovery(Some(&path));
                app.open_workspace(&path, &cc.egui_ctx);
            }
            _ => {
                app.look_for_recovery(None);
                app.start_load(start.inputs, OpenMode::Replace, &cc.egui_ctx);
            }
        }
        app
    }

    /// The document open in the reader.
    pub fn selected_doc(&self) -> Option<DocIx> {
        self.session
            .reader
            .doc
            .as_ref()
            .and_then(|k| self.corpus.find(k))
    }

    /// Table rows as currently shown.
    pub fn table_rows(&self) -> &[DocIx] {
        &self.derived.rows
    }

    /// The words of the top-words chart, most frequent first.
    pub fn chart_words(&self) -> Vec<String> {
        words::visible_rows(self, self.session.freq.top_n)
            .into_iter()
            .map(|(word, ..)| word)
            .collect()
    }

    /// Tokens in the table's rows (what the status bar says).
    pub fn view_tokens(&self) -> u64 {
        self.derived.view_tokens
    }

    /// The current search result.
    pub fn search(&self) -> &search::SearchResult {
        &self.derived.search
    }

    /// The current word list.
    pub fn word_list(&self) -> &wirescope_core::freq::WordList {
        &self.derived.words
    }

    /// Reads what eframe keeps between runs (the recent workspaces); the
    /// counterpart of `App::save`.
    pub fn load_preferences(&mut self, storage: &dyn eframe::Storage) {
        self.workspace.recent = eframe::get_value(storage, RECENT_KEY).unwrap_or_default();
    }

    /// True while a load runs.
    pub fn is_loading(&self) -> bool {
        self.job.is_some()
    }

    /// True while a search runs in the background.
    pub fn is_searching(&self) -> bool {
        self.derived.is_searching()
    }

    /// True while a search or a chart is computed in the background.
    pub fn is_computing(&self) -> bool {
        self.derived.is_searching()
            || self.derived.is_counting_words()
            || self.ui.trend.is_busy()
            || self.ui.kwic.is_busy()
            || self.ui.collocates.is_busy()
            || self.ui.ngrams.is_busy()
            || self.ui.keywords.is_busy()
            || self.ui.reprints.is_busy()
            || self.ui.reader_hits_job.is_some()
    }

    /// Word lists counted in the background and shown so far.
    pub fn background_word_lists(&self) -> u64 {
        self.derived.background_word_lists
    }

    /// Corpora with more documents than `docs` are searched in the
    /// background (default [`derived::INLINE_SEARCH_DOCS`]).
    pub fn set_inline_search_docs(&mut self, docs: usize) {
        self.derived.inline_search_docs = Some(docs);
    }

    /// Queues a command as a panel would.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// A number that changes whenever the corpus or the overlay changes.
    pub fn generation(&self) -> u64 {
        self.corpus_generation
            .wrapping_mul(1_000_003)
            .wrapping_add(self.overlay_generation)
    }

    /// Marks the overlay as changed (after a correction or exclusion).
    pub fn overlay_changed(&mut self) {
        self.overlay_generation += 1;
    }

    /// After another workspace's overlay replaced this one: forms still
    /// open were typed against the old one.
    fn overlay_replaced(&mut self) {
        self.ui.field_edit = None;
        self.ui.tags_edit = None;
        self.overlay_changed();
    }

    fn start_load(&mut self, inputs: Vec<Input>, mode: OpenMode, ctx: &egui::Context) {
        if let Some(job) = self.job.take() {
            job.cancel();
        }
        let base = match mode {
            OpenMode::Replace => {
                self.set_corpus(Corpus::default());
                self.problems.clear();
                self.session.reader = Default::default();
                Corpus::default()
            }
            OpenMode::Add => self.corpus.clone(),
        };
        let label = format!("{} item(s)", inputs.len());
        let waker_ctx = ctx.clone();
        match LoadJob::start(
            base,
            inputs,
            label,
            std::sync::Arc::new(move || waker_ctx.request_repaint()),
        ) {
            Ok(job) => self.job = Some(job),
            Err(err) => self.ui.message = Some(format!("cannot start loading: {err}")),
        }
    }

    /// Replaces the corpus with one built elsewhere (benchmarks, tests).
    pub fn replace_corpus(&mut self, corpus: Corpus, name: &str) {
        self.set_corpus(corpus);
        self.corpus_name = name.to_owned();
        self.session.reader = Default::default();
        self.select_first_if_none();
    }

    fn set_corpus(&mut self, corpus: Corpus) {
        drop_in_background(std::mem::replace(&mut self.corpus, corpus));
        self.corpus_generation += 1;
    }

    /// Takes what the background job produced.
    fn poll_job(&mut self) {
        let Some(job) = &self.job else { return };
        let mut finished = None;
        while let Some(message) = job.poll() {
            match message {
                JobMessage::Snapshot(corpus) if !job.is_cancelled() => {
                    drop_in_background(std::mem::replace(&mut self.corpus, corpus));
                    self.corpus_generation += 1;
                }
                JobMessage::Snapshot(corpus) => drop_in_background(corpus),
                // A cancelled job's result is dropped even if it finished
                // first: after Cancel, nothing more is added.
                JobMessage::Finished { corpus, report } => {
                    finished = Some((corpus.filter(|_| !job.is_cancelled()), report));
                }
            }
        }
        if let Some((corpus, report)) = finished {
            let cancelled = corpus.is_none();
            if let Some(corpus) = corpus {
                self.set_corpus(corpus);
            }
            let skipped = report.problems.iter().filter(|p| p.is_skip()).count();
            self.ui.message = Some(if cancelled {
                format!(
                    "Loading cancelled: kept the {} documents loaded before",
                    self.corpus.len()
                )
            } else {
                format!(
                    "Loaded {} documents ({skipped} files skipped)",
                    self.corpus.len()
                )
            });
            self.problems.extend(report.problems);
            self.job = None;
            if !cancelled {
                self.finish_restore();
            }
            self.workspace.pending = None;
            self.select_first_if_none();
        } else if job.is_disconnected() {
            self.job = None;
        }
    }

    fn select_first_if_none(&mut self) {
        if self.selected_doc().is_none() && !self.corpus.is_empty() {
            self.derived_refresh();
            if let Some(&first) = self.derived.rows.first() {
                self.session.reader.doc = Some(self.corpus.doc(first).key.clone());
            }
        }
    }

    fn derived_refresh(&mut self) {
        let selected = self.selected_doc();
        self.derived.refresh(
            &self.corpus,
            &self.overlay,
            &self.session,
            (self.corpus_generation, self.overlay_generation),
            selected,
        );
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let mark = if self.has_unsaved_changes() {
            " •"
        } else {
            ""
        };
        let title = format!("wirescope — {}{mark}", self.corpus_name);
        if title != self.ui.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.ui.title = title;
        }
    }
}

impl eframe::App for WirescopeApp {
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, RECENT_KEY, &self.workspace.recent);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.intercept_close(&ctx);
        self.poll_job();
        if let Some(command) = self.dialogs.poll() {
            self.commands.push(command);
        }
        self.handle_shortcuts(&ctx);
        self.handle_dropped_files(&ctx);
        self.derived_refresh();

        menu::menu_bar_ui(ui, self);
        menu::search_bar_ui(ui, self);
        status::status_bar_ui(ui, self);
        self.panels_ui(ui);
        windows::windows_ui(&ctx, self);
        guard::question_window(&ctx, self);
        recovery::offer_window(&ctx, self);
        windows::drop_overlay_ui(&ctx, &self.ui.hovering_files);
        self.debounce_query(&ctx);

        self.apply_commands(&ctx);
        self.derived_refresh();
        self.update_title(&ctx);
        self.keep_recovery_copy(&ctx);
        if self.quit_requested {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if self.job.is_some() || self.dialogs.is_open() || self.is_computing() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }
}

impl WirescopeApp {
    fn panels_ui(&mut self, ui: &mut egui::Ui) {
        let panels = self.session.panels.clone();
        if panels.table {
            // A panel keeps its size when the window shrinks: the bounds
            // leave the reader and the analysis room in a smaller window.
            let width = ui.available_width();
            egui::Panel::left("documents")
                .resizable(true)
                .default_size(width * 0.5)
                .size_range(share(width, 0.25, 200.0)..=width - share(width, 0.3, 320.0))
                .show(ui, |ui| {
                    table::table_ui(ui, self);
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            if panels.analysis {
                let height = ui.available_height();
                let (default, max) = if panels.reader {
                    (height * 0.5, height - share(height, 0.25, 140.0))
                } else {
                    (height, height)
                };
                egui::Panel::bottom("analysis")
                    .resizable(true)
                    .default_size(default)
                    .size_range(share(height, 0.2, 100.0)..=max)
                    .show(ui, |ui| {
                        words::analysis_ui(ui, self);
                    });
            }
            if panels.reader {
                reader::reader_ui(ui, self);
            }
        });
    }
}

/// `size`, at most `fraction` of `total`: a panel's bound that holds in
/// a large window and gives way in a small one.
fn share(total: f32, fraction: f32, size: f32) -> f32 {
    size.min(total * fraction)
}

/// Puts the threads the app starts for slow work behind the window's: the
/// loader's (see `jobs`), the background jobs' (see `background`), and
/// rayon's global pool, which the query engine's parallel searches use.
/// The window's thread then gets a core as soon as it wants one: while a
/// load kept both cores busy, the p99 frame time was 14 to 16 ms with all
/// threads at one priority and 6 to 8 ms with the workers behind
/// (`cargo bench --bench frames`, docs/PERFORMANCE.md).
fn workers_behind_the_window() {
    // Built once per process; a later call (another window in the tests)
    // finds it built, which is fine.
    let _ = rayon::ThreadPoolBuilder::new()
        .start_handler(|_| wirescope_core::loader::lower_thread_priority())
        .build_global();
}

/// Drops a corpus on a thread of its own. A loading snapshot replaced by
/// the next one is often the last owner of the vocabulary and index the
/// loader copied away from it: freeing their hundreds of thousands of
/// allocations took 100 to 200 ms, a visible stall when done between two
/// frames.
fn drop_in_background(corpus: Corpus) {
    if corpus.is_empty() {
        return;
    }
    let spawned = std::thread::Builder::new()
        .name("wirescope-drop".to_owned())
        .spawn(move || {
            wirescope_core::loader::lower_thread_priority();
            drop(corpus);
        });
    // Without a thread, the corpus was moved into the failed closure and is
    // dropped here.
    drop(spawned);
}
