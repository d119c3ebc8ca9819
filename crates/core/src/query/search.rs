//! Running a query over a corpus: which documents pass its filters and
//! where its words occur.
//!
//! [`search`] applies the caller's [`Filter`] (the table's), the query's
//! own filters and the overlay's exclusions, then scans only candidate
//! documents from postings, in parallel. [`Hits`] holds cheap
//! (document, position, length) triples in document order plus per-document
//! counts, so the concordance, the reader's highlights, the trend chart and
//! the table's "documents with hits" filter all read the same result.

use std::sync::atomic::{AtomicBool, Ordering};

use super::Query;
use super::matcher::Matcher;
use super::scan::scan_docs;
use crate::corpus::Corpus;
use crate::filter::Filter;
use crate::index::DocIx;
use crate::overlay::Overlay;

/// One hit: `len` tokens from token `pos` of document `doc`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Hit {
    pub doc: DocIx,
    /// 0-based token index of the first word of the hit.
    pub pos: u32,
    /// Number of tokens in the hit (1 for a word, more for a phrase).
    pub len: u32,
}

/// The hits of one document: `hits[first..first + count]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocHits {
    pub doc: DocIx,
    pub first: u32,
    pub count: u32,
}

/// The result of a search. See the module docs.
#[derive(Clone, Debug, Default)]
pub struct Hits {
    /// All hits, by document (load order), then position.
    pub hits: Vec<Hit>,
    /// Documents with hits, ascending.
    pub per_doc: Vec<DocHits>,
    /// Documents passing the filters (with or without hits), ascending.
    pub selected: Vec<DocIx>,
    /// Word tokens in the selected documents.
    pub selected_tokens: u64,
    /// False for a filters-only query: it selects documents, no hits.
    pub has_pattern: bool,
}

impl Hits {
    /// Number of hits.
    pub fn len(&self) -> usize {
        self.hits.len()
    }

    /// True when there is no hit.
    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }

    /// Hits per million words of the selected documents.
    pub fn per_million(&self) -> f64 {
        if self.selected_tokens == 0 {
            0.0
        } else {
            self.hits.len() as f64 * 1e6 / self.selected_tokens as f64
        }
    }

    /// The documents a "documents with hits" filter keeps: those with hits,
    /// or for a filters-only query every selected document.
    pub fn documents(&self) -> Vec<DocIx> {
        if self.has_pattern {
            self.per_doc.iter().map(|d| d.doc).collect()
        } else {
            self.selected.clone()
        }
    }

    /// The hits in one document, by position (for the reader).
    pub fn in_doc(&self, doc: DocIx) -> &[Hit] {
        match self.per_doc.binary_search_by_key(&doc, |d| d.doc) {
            Ok(i) => {
                let d = self.per_doc[i];
                let start = d.first as usize;
                &self.hits[start..start + d.count as usize]
            }
            Err(_) => &[],
        }
    }

    /// Hits in one document (a [`crate::freq::HitCounter`] for trends).
    pub fn count_in(&self, doc: DocIx) -> u64 {
        self.in_doc(doc).len() as u64
    }

    fn from_doc_hits(chunks: Vec<Vec<Hit>>) -> (Vec<Hit>, Vec<DocHits>) {
        let total = chunks.iter().map(Vec::len).sum();
        let mut hits = Vec::with_capacity(total);
        let mut per_doc = Vec::new();
        for chunk in chunks {
            let Some(first) = chunk.first() else {
                continue;
            };
            per_doc.push(DocHits {
                doc: first.doc,
                first: u32::try_from(hits.len()).unwrap_or(u32::MAX),
                count: u32::try_from(chunk.len()).unwrap_or(u32::MAX),
            });
            hits.extend(chunk);
        }
        (hits, per_doc)
    }
}

/// Runs `query` over the documents passing `base` (the table's filter),
/// the query's own filters and the overlay's exclusions.
pub fn search(corpus: &Corpus, overlay: &Overlay, base: &Filter, query: &Query) -> Hits {
    let never = AtomicBool::new(false);
    search_cancellable(corpus, overlay, base, query, &never).unwrap_or_default()
}

/// [`search`] that gives up (returning `None`) soon after `cancel` is set.
pub fn search_cancellable(
    corpus: &Corpus,
    overlay: &Overlay,
    base: &Filter,
    query: &Query,
    cancel: &AtomicBool,
) -> Option<Hits> {
    let selected = select_docs(corpus, overlay, base, query.filter());
    let selected_tokens = selected.iter().map(|&d| corpus.word_count(d) as u64).sum();
    let mut out = Hits {
        selected_tokens,
        has_pattern: query.has_pattern(),
        ..Hits::default()
    };
    if query.has_pattern() {
        let matcher = Matcher::new(corpus, query);
        let mut keep = vec![false; corpus.len()];
        for &d in &selected {
            keep[d as usize] = true;
        }
        let candidates: Vec<DocIx> = matcher
            .candidates()
            .into_iter()
            .filter(|&d| keep.get(d as usize).copied().unwrap_or(false))
            .collect();
        let chunks: Vec<Vec<Hit>> = scan_docs(corpus, &candidates, |d| {
            if cancel.load(Ordering::Relaxed) {
                Vec::new()
            } else {
                matcher.hits_in(d)
            }
        });
        if cancel.load(Ordering::Relaxed) {
            return None;
        }
        (out.hits, out.per_doc) = Hits::from_doc_hits(chunks);
    }
    out.selected = selected;
    Some(out)
}

/// Documents passing both filters and not excluded, ascending.
fn select_docs(corpus: &Corpus, overlay: &Overlay, base: &Filter, own: &Filter) -> Vec<DocIx> {
    let both_empty = base.is_empty() && own.is_empty();
    (0..corpus.len() as DocIx)
        .filter(|&d| !overlay.is_excluded(&corpus.doc(d).key))
        .filter(|&d| {
            both_empty || {
                let fields = corpus.fields(d, overlay);
                base.matches(&fields) && own.matches(&fields)
            }
        })
        .collect()
}
