//! The current search, evaluated once per change and shared by the reader
//! (highlights), the table (hit counts, "documents with hits") and the
//! trend chart.

use std::collections::HashMap;
use std::ops::Range;

use wirescope_core::tokenize::tokenize;
use wirescope_core::{Corpus, DocIx};

use super::query_adapter;

/// Hits of the current query: token position and length per document.
#[derive(Clone, Debug, Default)]
pub struct SearchResult {
    pub query: String,
    /// An error message when the query could not be parsed.
    pub error: Option<String>,
    /// Hits per document: (first token position, token count), ascending.
    pub per_doc: HashMap<DocIx, Vec<(u32, u32)>>,
    pub total_hits: u64,
}

impl SearchResult {
    /// Runs `query` over the corpus.
    pub fn run(corpus: &Corpus, query: &str, case_sensitive: bool) -> Self {
        let mut result = Self {
            query: query.to_owned(),
            ..Self::default()
        };
        if query.trim().is_empty() {
            return result;
        }
        match query_adapter::hits(corpus, query, case_sensitive) {
            Ok(per_doc) => {
                result.total_hits = per_doc.values().map(|v| v.len() as u64).sum();
                result.per_doc = per_doc;
            }
            Err(message) => result.error = Some(message),
        }
        result
    }

    /// True when there is an active query without errors.
    pub fn is_active(&self) -> bool {
        !self.query.trim().is_empty() && self.error.is_none()
    }

    /// Hits in one document.
    pub fn hits_in(&self, doc: DocIx) -> &[(u32, u32)] {
        self.per_doc.get(&doc).map_or(&[], Vec::as_slice)
    }

    /// Number of hits in one document.
    pub fn count_in(&self, doc: DocIx) -> u64 {
        self.hits_in(doc).len() as u64
    }
}

/// Byte ranges in `text` of the given token hits.
pub fn hit_byte_ranges(text: &str, hits: &[(u32, u32)]) -> Vec<Range<usize>> {
    if hits.is_empty() {
        return Vec::new();
    }
    let spans: Vec<Range<usize>> = tokenize(text).map(|t| t.span).collect();
    hits.iter()
        .filter_map(|&(pos, len)| {
            let first = spans.get(pos as usize)?;
            let last = spans.get((pos + len.max(1) - 1) as usize)?;
            Some(first.start..last.end)
        })
        .collect()
}
