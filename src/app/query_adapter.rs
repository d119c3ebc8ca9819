//! Bridges the app's search box to the engine's query evaluation.
//!
//! For now: whitespace-separated words form a phrase, matched
//! case-insensitively (or exactly) through the positional index.

use std::collections::HashMap;

use wirescope_core::tokenize::{fold, words};
use wirescope_core::vocab::SurfaceId;
use wirescope_core::{Corpus, DocIx};

/// Hits per document for `query`.
pub fn hits(
    corpus: &Corpus,
    query: &str,
    case_sensitive: bool,
) -> Result<HashMap<DocIx, Vec<(u32, u32)>>, String> {
    let terms = words(query);
    if terms.is_empty() {
        return Err("the query has no words".to_owned());
    }
    let vocab = corpus.vocab();
    let mut allowed: Vec<Vec<SurfaceId>> = Vec::new();
    for term in &terms {
        let ids: Vec<SurfaceId> = if case_sensitive {
            vocab.surface_id(term).into_iter().collect()
        } else {
            vocab
                .folded_id(&fold(term))
                .map(|f| vocab.surfaces_of(f).to_vec())
                .unwrap_or_default()
        };
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        allowed.push(ids);
    }
    let Some(first_folded) = vocab.folded_id(&terms[0]) else {
        return Ok(HashMap::new());
    };
    let mut out = HashMap::new();
    let len = terms.len() as u32;
    for posting in corpus.index().postings(first_folded) {
        let stream = corpus.index().stream(posting.doc);
        let found: Vec<(u32, u32)> = (0..stream.len())
            .filter(|&i| {
                allowed
                    .iter()
                    .enumerate()
                    .all(|(k, ids)| stream.get(i + k).is_some_and(|s| ids.contains(s)))
            })
            .map(|i| (i as u32, len))
            .collect();
        if !found.is_empty() {
            out.insert(posting.doc, found);
        }
    }
    Ok(out)
}
