//! The current search, evaluated once per change with the engine's query
//! language and shared by the reader (highlights), the table (hit counts,
//! "documents with hits"), the trend chart and the concordance.

use std::ops::Range;

use std::sync::atomic::AtomicBool;

use wirescope_core::query::{Hits, Query, QueryOptions, search_cancellable};
use wirescope_core::tokenize::tokenize;
use wirescope_core::{Corpus, DocIx, Filter, Overlay};

/// Hits of the current query.
#[derive(Clone, Debug, Default)]
pub struct SearchResult {
    pub query: String,
    /// What is wrong with the query, with a pointer to where.
    pub error: Option<String>,
    pub hits: Hits,
}

impl SearchResult {
    /// Runs `query` over the documents passing `filter`.
    pub fn run(
        corpus: &Corpus,
        overlay: &Overlay,
        filter: &Filter,
        query: &str,
        case_sensitive: bool,
    ) -> Self {
        let never = AtomicBool::new(false);
        Self::run_cancellable(corpus, overlay, filter, query, case_sensitive, &never)
            .unwrap_or_default()
    }

    /// [`Self::run`] that gives up (`None`) once `cancel` is set.
    pub fn run_cancellable(
        corpus: &Corpus,
        overlay: &Overlay,
        filter: &Filter,
        query: &str,
        case_sensitive: bool,
        cancel: &AtomicBool,
    ) -> Option<Self> {
        let mut result = Self {
            query: query.to_owned(),
            ..Self::default()
        };
        if query.trim().is_empty() {
            return Some(result);
        }
        match Query::parse(query, QueryOptions { case_sensitive }) {
            Ok(parsed) => {
                result.hits = search_cancellable(corpus, overlay, filter, &parsed, cancel)?;
            }
            Err(err) => result.error = Some(format!("{}\n{}", err.message, err.pointed(query))),
        }
        Some(result)
    }

    /// True when there is a query without errors.
    pub fn is_active(&self) -> bool {
        !self.query.trim().is_empty() && self.error.is_none()
    }

    /// Hits in one document as (first token, token count).
    pub fn hits_in(&self, doc: DocIx) -> Vec<(u32, u32)> {
        self.hits
            .in_doc(doc)
            .iter()
            .map(|h| (h.pos, h.len))
            .collect()
    }

    /// Number of hits in one document.
    pub fn count_in(&self, doc: DocIx) -> u64 {
        self.hits.count_in(doc)
    }

    /// Total hits.
    pub fn total_hits(&self) -> u64 {
        self.hits.len() as u64
    }

    /// True when `doc` passes the "documents with hits" filter.
    pub fn keeps(&self, doc: DocIx) -> bool {
        if self.hits.has_pattern {
            self.count_in(doc) > 0
        } else {
            self.hits.selected.binary_search(&doc).is_ok()
        }
    }
}

/// Byte ranges in `text` of the given token hits.
pub fn hit_byte_ranges(text: &str, hits: &[(u32, u32)]) -> Vec<Range<usize>> {
    if hits.is_empty() {
        return Vec::new();
    }
    // Tokens past the last hit are never needed: stop there.
    let needed = hits
        .iter()
        .map(|&(pos, len)| (pos + len.max(1)) as usize)
        .max()
        .unwrap_or(0);
    let spans: Vec<Range<usize>> = tokenize(text).take(needed).map(|t| t.span).collect();
    hits.iter()
        .filter_map(|&(pos, len)| {
            let first = spans.get(pos as usize)?;
            let last = spans.get((pos + len.max(1) - 1) as usize)?;
            Some(first.start..last.end)
        })
        .collect()
}
