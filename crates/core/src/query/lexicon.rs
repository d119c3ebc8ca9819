//! The vocabulary in alphabetical order, built once per corpus state.
//!
//! A [`Lexicon`] keeps the folded word ids sorted by their text, so a
//! wildcard with a literal prefix (`elect*`) is a binary search plus a short
//! walk, and the alphabetical rank of every folded id, so concordance sorts
//! compare integers instead of strings. [`crate::Corpus::lexicon`] builds it
//! lazily and drops it when documents are appended.

use rayon::prelude::*;

use crate::vocab::{FoldedId, Vocabulary};

/// Folded ids in alphabetical order and each id's rank in that order.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    sorted: Vec<FoldedId>,
    /// `rank[id]` is 1 + the id's place in `sorted`; 0 is kept for "no
    /// word" (before the start or past the end of a document).
    rank: Vec<u32>,
}

impl Lexicon {
    /// Sorts the folded vocabulary.
    pub fn new(vocab: &Vocabulary) -> Self {
        let n = vocab.folded_count();
        let mut sorted: Vec<FoldedId> = (0..n as FoldedId).collect();
        sorted.par_sort_unstable_by(|&a, &b| vocab.folded(a).cmp(vocab.folded(b)));
        let mut rank = vec![0u32; n];
        for (place, &id) in sorted.iter().enumerate() {
            rank[id as usize] = u32::try_from(place + 1).unwrap_or(u32::MAX);
        }
        Self { sorted, rank }
    }

    /// Number of folded words covered.
    pub fn len(&self) -> usize {
        self.sorted.len()
    }

    /// True when the vocabulary was empty.
    pub fn is_empty(&self) -> bool {
        self.sorted.is_empty()
    }

    /// Alphabetical rank of a folded id (1-based; 0 for an unknown id).
    pub fn rank(&self, id: FoldedId) -> u32 {
        self.rank.get(id as usize).copied().unwrap_or(0)
    }

    /// The rank table indexed by folded id (for hot loops).
    pub fn ranks(&self) -> &[u32] {
        &self.rank
    }

    /// Folded ids in alphabetical order.
    pub fn sorted(&self) -> &[FoldedId] {
        &self.sorted
    }

    /// Folded ids whose text starts with `prefix`, alphabetically.
    pub fn with_prefix<'a>(&'a self, vocab: &Vocabulary, prefix: &str) -> &'a [FoldedId] {
        let start = self.sorted.partition_point(|&id| vocab.folded(id) < prefix);
        let len = self.sorted[start..].partition_point(|&id| vocab.folded(id).starts_with(prefix));
        &self.sorted[start..start + len]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_ranges_and_ranks() {
        let mut vocab = Vocabulary::default();
        for w in ["election", "Elect", "the", "elector", "eleven", "zebra"] {
            vocab.intern(w);
        }
        let lexicon = Lexicon::new(&vocab);
        let words: Vec<&str> = lexicon
            .with_prefix(&vocab, "elect")
            .iter()
            .map(|&id| vocab.folded(id))
            .collect();
        assert_eq!(words, ["elect", "election", "elector"]);
        let the = vocab.folded_id("the").unwrap();
        let zebra = vocab.folded_id("zebra").unwrap();
        assert!(lexicon.rank(the) < lexicon.rank(zebra));
        assert_eq!(lexicon.with_prefix(&vocab, "").len(), lexicon.len());
        assert!(lexicon.with_prefix(&vocab, "q").is_empty());
    }
}
