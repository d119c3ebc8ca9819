//! Where hits fall inside each document, for a strip plot (AntConc's
//! "Plot"): one [`Strip`] per document with hits, positions scaled to 0..1
//! of the document's length in words.

use super::search::Hits;
use crate::corpus::Corpus;
use crate::index::DocIx;

/// One document's hits as relative positions.
#[derive(Clone, Debug, PartialEq)]
pub struct Strip {
    pub doc: DocIx,
    /// Words in the document.
    pub tokens: u32,
    /// Hits in the document.
    pub hits: u32,
    /// Each hit's position divided by the document's length (0 = start,
    /// just under 1 = end), ascending.
    pub positions: Vec<f32>,
}

/// How to order strips.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StripOrder {
    /// By document (path, then record).
    #[default]
    Document,
    /// Most hits first (ties by document).
    Hits,
    /// Most hits per word first (ties by document).
    Density,
}

/// Strips for every document with hits.
pub fn dispersion(corpus: &Corpus, hits: &Hits, order: StripOrder) -> Vec<Strip> {
    let mut strips: Vec<Strip> = hits
        .per_doc
        .iter()
        .map(|d| {
            let tokens = u32::try_from(corpus.word_count(d.doc)).unwrap_or(u32::MAX);
            let scale = 1.0 / f64::from(tokens.max(1));
            let positions = hits
                .in_doc(d.doc)
                .iter()
                .map(|h| (f64::from(h.pos) * scale) as f32)
                .collect();
            Strip {
                doc: d.doc,
                tokens,
                hits: d.count,
                positions,
            }
        })
        .collect();
    let mut doc_rank = vec![0usize; corpus.len()];
    for (rank, doc) in corpus.sorted_by_key().into_iter().enumerate() {
        doc_rank[doc as usize] = rank;
    }
    let rank = |s: &Strip| doc_rank.get(s.doc as usize).copied().unwrap_or(usize::MAX);
    match order {
        StripOrder::Document => strips.sort_by_key(rank),
        StripOrder::Hits => strips.sort_by(|a, b| b.hits.cmp(&a.hits).then(rank(a).cmp(&rank(b)))),
        StripOrder::Density => strips.sort_by(|a, b| {
            let density = |s: &Strip| f64::from(s.hits) / f64::from(s.tokens.max(1));
            density(b)
                .total_cmp(&density(a))
                .then(rank(a).cmp(&rank(b)))
        }),
    }
    strips
}
