//! Data derived from the corpus and the session (filtered rows, sort
//! order, search hits, word list), recomputed only when an input changes.

use std::collections::BTreeSet;
use std::sync::Arc;

use wirescope_core::freq::{self, WordList};
use wirescope_core::session::{Scope, Session, SortColumn, TableState};
use wirescope_core::{Corpus, DocIx, DocKey, Filter, Overlay};

use super::background::{Job, Poll, Waker};
use super::search::SearchResult;

/// Corpora up to this many documents are searched on the UI thread (a
/// query takes well under a frame there); larger ones in the background,
/// keeping the previous result on screen until the new one is ready.
pub const INLINE_SEARCH_DOCS: usize = 50_000;

/// Corpora with more tokens than this count collocates, n-grams, keywords
/// and reprints in the background: they read every token (n-grams twice,
/// about 8 ms per 100,000 tokens: docs/PERFORMANCE.md, "Analyses"), so a
/// corpus this size stays within a frame while a larger one would stall
/// the window.
pub const INLINE_ANALYSIS_TOKENS: u64 = 200_000;

/// What a search result depends on: (corpus, overlay and filter), query,
/// case-sensitivity.
type SearchKey = (u64, String, bool);

/// What the table rows depend on.
#[derive(Clone, Debug, PartialEq)]
struct RowsKey {
    corpus: u64,
    overlay: u64,
    filter: Filter,
    search: Option<SearchKey>,
    only_hits: bool,
    table: TableState,
}

/// A search running on a worker thread.
type SearchJob = Job<SearchKey, SearchResult>;

/// What the word list depends on: the corpus, the documents of its scope
/// (the overlay's exclusions for the corpus, the table's rows for the
/// filtered table), the scope, and the selected document when the scope
/// is that document. The n-grams tab counts the same documents.
pub type WordsKey = (u64, u64, Scope, Option<DocIx>);

/// Cached views of the corpus.
#[derive(Default)]
pub struct Derived {
    rows_key: Option<RowsKey>,
    /// Key of the search result in [`Self::search`].
    search_key: Option<SearchKey>,
    search_job: Option<SearchJob>,
    /// Corpora with more documents than this search in the background.
    pub inline_search_docs: Option<usize>,
    pub waker: Option<Waker>,
    words_key: Option<WordsKey>,
    words_job: Option<Job<WordsKey, WordList>>,
    /// Word lists installed from a background count, for the status of
    /// tests and benchmarks.
    pub background_word_lists: u64,
    /// Documents passing the filter (and not excluded), load order.
    pub filtered: Vec<DocIx>,
    /// Table rows: filtered, limited to hits if asked, sorted.
    pub rows: Vec<DocIx>,
    /// Shared with background jobs (the trend) without copying the hits.
    pub search: Arc<SearchResult>,
    /// Changes whenever [`Self::search`] is replaced: the key for views
    /// of the hits (concordance order, dispersion).
    pub search_generation: u64,
    pub words: WordList,
    /// Tokens in the table's rows (the status bar's count).
    pub view_tokens: u64,
    /// Changes whenever the set of table rows may have changed (not when
    /// they are only sorted again): the word list of the filtered table
    /// follows it.
    rows_generation: u64,
    /// The overlay's exclusions as last seen (looked at when the overlay
    /// changes), and a number that changes with them: the word list of the
    /// corpus follows it, not every correction, tag or note.
    excluded: (Option<u64>, BTreeSet<DocKey>, u64),
    /// The documents the word list counts, as of the last update.
    pub scope_key: WordsKey,
    /// The table's rows and the documents not excluded, as of the last
    /// update: (corpus, rows, exclusions) generations.
    pub view_key: (u64, u64, u64),
}

impl Derived {
    /// Brings every view up to date; cheap when nothing changed.
    pub fn refresh(
        &mut self,
        corpus: &Corpus,
        overlay: &Overlay,
        session: &Session,
        generations: (u64, u64),
        selected: Option<DocIx>,
    ) {
        let (corpus_gen, overlay_gen) = generations;
        let search_key = (
            corpus_gen ^ overlay_gen.rotate_left(32) ^ hash_filter(&session.filter),
            session.search.query.clone(),
            session.search.case_sensitive,
        );
        self.update_search(corpus, overlay, session, search_key);
        let rows_key = RowsKey {
            corpus: corpus_gen,
            overlay: overlay_gen,
            filter: session.filter.clone(),
            // The rows follow the search only when they are limited to
            // documents with hits or sorted by hits: a new query must not
            // re-sort a million rows otherwise.
            search: (session.search.only_docs_with_hits || session.table.sort == SortColumn::Hits)
                .then(|| self.search_key.clone())
                .flatten(),
            only_hits: session.search.only_docs_with_hits,
            table: session.table,
        };
        let filtered_changed = self.rows_key.as_ref().is_none_or(|k| {
            k.corpus != corpus_gen || k.overlay != overlay_gen || k.filter != session.filter
        });
        // Limited to hits, the rows are another set with each search.
        let set_changed = filtered_changed
            || self.rows_key.as_ref().is_none_or(|k| {
                k.only_hits != rows_key.only_hits
                    || (rows_key.only_hits && k.search != rows_key.search)
            });
        if self.rows_key.as_ref() != Some(&rows_key) {
            if filtered_changed {
                self.filtered = wirescope_core::select(corpus, overlay, &session.filter);
            }
            self.rows = self.filtered.clone();
            if session.search.only_docs_with_hits && self.search.is_active() {
                self.rows.retain(|d| self.search.keeps(*d));
            }
            if set_changed {
                self.view_tokens = self.rows.iter().map(|&d| corpus.word_count(d) as u64).sum();
                self.rows_generation += 1;
            }
            sort_rows(&mut self.rows, corpus, overlay, session.table, &self.search);
            self.rows_key = Some(rows_key);
        }
        let (seen_at, excluded, excluded_gen) = &mut self.excluded;
        if *seen_at != Some(overlay_gen) {
            if *excluded != overlay.excluded {
                excluded.clone_from(&overlay.excluded);
                *excluded_gen += 1;
            }
            *seen_at = Some(overlay_gen);
        }
        let scope = session.freq.scope;
        let words_key = match scope {
            Scope::Corpus => (corpus_gen, *excluded_gen, scope, None),
            Scope::Filtered => (corpus_gen, self.rows_generation, scope, None),
            Scope::Selected => (corpus_gen, 0, scope, selected),
        };
        self.scope_key = words_key;
        self.view_key = (corpus_gen, self.rows_generation, *excluded_gen);
        self.update_words(corpus, overlay, selected, words_key);
    }
}

impl Derived {
    /// True while the word list is counted in the background (the shown
    /// one is older).
    pub fn is_counting_words(&self) -> bool {
        self.words_job.is_some()
    }

    /// Installs a word list counted in the background, or counts the one
    /// `key` asks for: on the UI thread for a small corpus or one document,
    /// else on a worker, the shown list staying until the new one is in.
    /// Counting the 564,000 word types of a 77,000-document corpus took
    /// over 100 ms, a stall on every loading snapshot and filter keystroke.
    fn update_words(
        &mut self,
        corpus: &Corpus,
        overlay: &Overlay,
        selected: Option<DocIx>,
        key: WordsKey,
    ) {
        if let Some(job) = &self.words_job {
            match job.poll() {
                Poll::Done(words) => {
                    self.words = words;
                    self.words_key = Some(*job.key());
                    self.words_job = None;
                    self.background_word_lists += 1;
                }
                Poll::Lost => self.words_job = None,
                Poll::Pending => {}
            }
        }
        if self.words_key == Some(key) {
            self.words_job = None;
            return;
        }
        if self.words_job.as_ref().is_some_and(|j| *j.key() == key) {
            return;
        }
        let (_, _, scope, _) = key;
        let docs = self.scope_docs(corpus, overlay, scope, selected);
        if corpus.len() <= self.inline_limit() || scope == Scope::Selected {
            self.words_job = None;
            self.words = freq::word_list(corpus, docs.as_deref());
            self.words_key = Some(key);
            return;
        }
        let corpus = corpus.clone();
        // Replacing the job drops the one it replaces; its list is unused.
        self.words_job = Job::spawn("wirescope-words", key, self.waker.clone(), move |_| {
            Some(freq::word_list(&corpus, docs.as_deref()))
        });
    }
}

impl Derived {
    /// The documents a count over `scope` takes (`None`: all of them).
    /// Excluded documents are left out of every scope but the selected
    /// document; the filtered table counts the rows it shows.
    pub fn scope_docs(
        &self,
        corpus: &Corpus,
        overlay: &Overlay,
        scope: Scope,
        selected: Option<DocIx>,
    ) -> Option<Vec<DocIx>> {
        match scope {
            Scope::Corpus if overlay.excluded.is_empty() => None,
            Scope::Corpus => Some(
                (0..corpus.len() as DocIx)
                    .filter(|&d| !overlay.is_excluded(&corpus.doc(d).key))
                    .collect(),
            ),
            Scope::Filtered if self.rows.len() == corpus.len() => None,
            Scope::Filtered => Some(self.rows.clone()),
            Scope::Selected => Some(selected.into_iter().collect()),
        }
    }

    /// True when the analysis tabs count on the UI thread: a small corpus
    /// (see [`INLINE_ANALYSIS_TOKENS`]), unless searches are sent to the
    /// background too.
    pub fn analyses_inline(&self, corpus: &Corpus) -> bool {
        corpus.len() <= self.inline_limit()
            && corpus.index().total_tokens() <= INLINE_ANALYSIS_TOKENS
    }

    /// Corpora with more documents than this compute in the background.
    pub fn inline_limit(&self) -> usize {
        self.inline_search_docs.unwrap_or(INLINE_SEARCH_DOCS)
    }

    /// True while a background search runs (the shown result is older).
    pub fn is_searching(&self) -> bool {
        self.search_job.is_some()
    }

    /// Installs a finished background search, or starts the one `key`
    /// asks for when neither the shown result nor the running job has it.
    fn update_search(
        &mut self,
        corpus: &Corpus,
        overlay: &Overlay,
        session: &Session,
        key: SearchKey,
    ) {
        if let Some(job) = &self.search_job {
            match job.poll() {
                Poll::Done(result) => {
                    self.search = Arc::new(result);
                    self.search_generation += 1;
                    self.search_key = Some(job.key().clone());
                    self.search_job = None;
                }
                Poll::Lost => self.search_job = None,
                Poll::Pending => {}
            }
        }
        if self.search_key.as_ref() == Some(&key) {
            self.search_job = None;
            return;
        }
        if self.search_job.as_ref().is_some_and(|j| *j.key() == key) {
            return;
        }
        let limit = self.inline_limit();
        let (_, query, case_sensitive) = key.clone();
        if corpus.len() <= limit {
            self.search_job = None;
            self.search_generation += 1;
            self.search = Arc::new(SearchResult::run(
                corpus,
                overlay,
                &session.filter,
                &query,
                case_sensitive,
            ));
            self.search_key = Some(key);
            return;
        }
        let (corpus, overlay, filter) = (corpus.clone(), overlay.clone(), session.filter.clone());
        // Replacing the job cancels the one it replaces.
        self.search_job = Job::spawn("wirescope-search", key, self.waker.clone(), move |cancel| {
            SearchResult::run_cancellable(
                &corpus,
                &overlay,
                &filter,
                &query,
                case_sensitive,
                cancel,
            )
        });
    }
}

fn hash_filter(filter: &Filter) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    format!("{filter:?}").hash(&mut h);
    h.finish()
}

/// Sorts table rows; ties keep load order so the result is deterministic.
pub fn sort_rows(
    rows: &mut [DocIx],
    corpus: &Corpus,
    overlay: &Overlay,
    table: TableState,
    search: &SearchResult,
) {
    let fields = |d: DocIx| corpus.fields(d, overlay);
    match table.sort {
        SortColumn::Loaded => rows.sort_unstable(),
        SortColumn::Title => rows.sort_by_cached_key(|&d| (fields(d).title.to_lowercase(), d)),
        SortColumn::Agency => {
            rows.sort_by_cached_key(|&d| (fields(d).agency.map(str::to_lowercase), d));
        }
        SortColumn::Outlet => {
            rows.sort_by_cached_key(|&d| (fields(d).outlet.map(str::to_lowercase), d));
        }
        SortColumn::Published => rows.sort_by_cached_key(|&d| (fields(d).published, d)),
        SortColumn::Dateline => {
            rows.sort_by_cached_key(|&d| (fields(d).dateline.map(str::to_lowercase), d));
        }
        SortColumn::Words => rows.sort_by_key(|&d| (corpus.word_count(d), d)),
        SortColumn::File => rows.sort_by(|&a, &b| corpus.doc(a).key.cmp(&corpus.doc(b).key)),
        SortColumn::Hits => rows.sort_by_key(|&d| (search.count_in(d), d)),
    }
    if table.descending {
        rows.reverse();
    }
}
