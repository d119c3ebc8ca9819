//! Data derived from the corpus and the session (filtered rows, sort
//! order, search hits, word list), recomputed only when an input changes.

use wirescope_core::freq::{self, WordList};
use wirescope_core::session::{Scope, Session, SortColumn, TableState};
use wirescope_core::{Corpus, DocIx, Filter, Overlay};

use super::search::SearchResult;

/// What the table rows depend on.
#[derive(Clone, Debug, PartialEq)]
struct RowsKey {
    corpus: u64,
    overlay: u64,
    filter: Filter,
    query: String,
    case_sensitive: bool,
    only_hits: bool,
    table: TableState,
}

/// Cached views of the corpus.
#[derive(Default)]
pub struct Derived {
    rows_key: Option<RowsKey>,
    search_key: Option<(u64, String, bool)>,
    words_key: Option<(u64, u64, Scope, Option<DocIx>)>,
    /// Documents passing the filter (and not excluded), load order.
    pub filtered: Vec<DocIx>,
    /// Table rows: filtered, limited to hits if asked, sorted.
    pub rows: Vec<DocIx>,
    pub search: SearchResult,
    pub words: WordList,
    /// Tokens in the filtered documents.
    pub filtered_tokens: u64,
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
        let search_changed = self.search_key.as_ref() != Some(&search_key);
        if search_changed {
            self.search = SearchResult::run(
                corpus,
                overlay,
                &session.filter,
                &session.search.query,
                session.search.case_sensitive,
            );
            self.search_key = Some(search_key);
        }
        let rows_key = RowsKey {
            corpus: corpus_gen,
            overlay: overlay_gen,
            filter: session.filter.clone(),
            query: session.search.query.clone(),
            case_sensitive: session.search.case_sensitive,
            only_hits: session.search.only_docs_with_hits,
            table: session.table,
        };
        let filtered_changed = self.rows_key.as_ref().is_none_or(|k| {
            k.corpus != corpus_gen || k.overlay != overlay_gen || k.filter != session.filter
        });
        if self.rows_key.as_ref() != Some(&rows_key) {
            if filtered_changed {
                self.filtered = wirescope_core::select(corpus, overlay, &session.filter);
                self.filtered_tokens = self
                    .filtered
                    .iter()
                    .map(|&d| corpus.word_count(d) as u64)
                    .sum();
            }
            self.rows = self.filtered.clone();
            if session.search.only_docs_with_hits && self.search.is_active() {
                self.rows.retain(|d| self.search.keeps(*d));
            }
            sort_rows(&mut self.rows, corpus, overlay, session.table, &self.search);
            self.rows_key = Some(rows_key);
        }
        let scope = session.freq.scope;
        let words_key = (
            corpus_gen,
            overlay_gen ^ hash_filter(&session.filter),
            scope,
            if scope == Scope::Selected {
                selected
            } else {
                None
            },
        );
        if self.words_key != Some(words_key) || filtered_changed {
            self.words = match scope {
                Scope::Corpus => freq::word_list(corpus, None),
                Scope::Filtered if self.filtered.len() == corpus.len() => {
                    freq::word_list(corpus, None)
                }
                Scope::Filtered => freq::word_list(corpus, Some(&self.filtered)),
                Scope::Selected => freq::word_list(corpus, Some(selected.as_slice())),
            };
            self.words_key = Some(words_key);
        }
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
