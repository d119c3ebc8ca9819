//! Scanning many documents in parallel when a few of them are huge.
//!
//! A search's time is the slowest worker's. One document can hold a large
//! share of a corpus (a dictionary file is 29% of the tokens of
//! data/bench); if a worker reaches it only after its other documents, the
//! search waits for that whole scan at the end. So huge documents are
//! scanned first, and the rest in small pieces that the other workers can
//! take, whatever the load order made their positions.

use rayon::prelude::*;

use crate::corpus::Corpus;
use crate::index::DocIx;

/// Documents with more tokens than this are scanned before the others.
const HUGE_DOC_TOKENS: usize = 256 * 1024;

/// Most documents a worker scans as one piece of work.
const PIECE_DOCS: usize = 64;

/// `scan` of every document of `docs`, in parallel, in `docs`' order.
pub(crate) fn scan_docs<T: Send>(
    corpus: &Corpus,
    docs: &[DocIx],
    scan: impl Fn(DocIx) -> T + Sync + Send,
) -> Vec<T> {
    let huge: Vec<usize> = (0..docs.len())
        .filter(|&i| corpus.word_count(docs[i]) > HUGE_DOC_TOKENS)
        .collect();
    if huge.is_empty() {
        return docs
            .par_iter()
            .with_max_len(PIECE_DOCS)
            .map(|&d| scan(d))
            .collect();
    }
    // Rayon's first worker starts at the front of the list.
    let order: Vec<usize> = huge
        .iter()
        .copied()
        .chain((0..docs.len()).filter(|i| huge.binary_search(i).is_err()))
        .collect();
    let mut scanned: Vec<T> = order
        .par_iter()
        .with_max_len(PIECE_DOCS)
        .map(|&i| scan(docs[i]))
        .collect();
    let rest = scanned.split_off(huge.len());
    in_doc_order(&huge, scanned, rest)
}

/// Puts the results of the documents at positions `huge` (ascending) back
/// among the results of the `rest`, which are in order.
fn in_doc_order<T>(huge: &[usize], huge_results: Vec<T>, rest: Vec<T>) -> Vec<T> {
    let mut out = Vec::with_capacity(huge.len() + rest.len());
    let mut huge_results = huge.iter().zip(huge_results).peekable();
    for result in rest {
        while let Some((_, first)) = huge_results.next_if(|&(&pos, _)| pos == out.len()) {
            out.push(first);
        }
        out.push(result);
    }
    out.extend(huge_results.map(|(_, r)| r));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_results_go_back_to_their_places() {
        assert_eq!(
            in_doc_order(&[0, 2, 5], vec![10, 12, 15], vec![11, 13, 14]),
            [10, 11, 12, 13, 14, 15]
        );
        assert_eq!(in_doc_order(&[1], vec![11], vec![10]), [10, 11]);
        assert_eq!(in_doc_order::<u8>(&[], vec![], vec![]), Vec::<u8>::new());
    }
}
