//! Expanding one query term over the vocabulary into the set of surface ids
//! it matches.
//!
//! A literal word is one hash lookup; a wildcard walks the alphabetical
//! [`Lexicon`] from its literal prefix (binary search) and tests the rest
//! with [`glob::matches`]; a regex is tested against every word in
//! parallel. The result, a [`TermSet`], is a bitset over surface ids (one
//! bit test per token while scanning streams) plus the folded ids touched,
//! whose postings name the candidate documents.

use std::ops::Range;

use rayon::prelude::*;
use regex::Regex;

use super::glob;
use super::lexicon::Lexicon;
use super::parse::{Term, TermKind};
use crate::corpus::Corpus;
use crate::tokenize::fold;
use crate::vocab::{FoldedId, SurfaceId, Vocabulary};

/// What one query term expanded to, for showing the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermExpansion {
    /// Where the term is in the query.
    pub span: Range<usize>,
    /// Folded words matched, alphabetically.
    pub folded: Vec<FoldedId>,
    /// Surface forms matched (all forms of `folded` unless case-sensitive),
    /// ascending ids.
    pub surfaces: Vec<SurfaceId>,
}

/// The surface ids one term matches, as a bitset, plus its folded ids.
#[derive(Clone, Debug, Default)]
pub struct TermSet {
    bits: Vec<u64>,
    /// Folded ids touched, alphabetically.
    pub folded: Vec<FoldedId>,
    /// Total postings entries of `folded` (an estimate of documents to scan).
    pub doc_cost: u64,
}

impl TermSet {
    /// True when surface `s` matches.
    #[inline]
    pub fn contains(&self, s: SurfaceId) -> bool {
        self.bits
            .get((s >> 6) as usize)
            .is_some_and(|w| w >> (s & 63) & 1 == 1)
    }

    /// Adds every surface of `other`.
    pub fn union_bits(&mut self, other: &Self) {
        if self.bits.len() < other.bits.len() {
            self.bits.resize(other.bits.len(), 0);
        }
        for (a, b) in self.bits.iter_mut().zip(&other.bits) {
            *a |= b;
        }
    }

    fn from_surfaces(corpus: &Corpus, surfaces: &[SurfaceId]) -> Self {
        let vocab = corpus.vocab();
        let mut bits = vec![0u64; vocab.surface_count().div_ceil(64)];
        let mut folded = Vec::new();
        for &s in surfaces {
            bits[(s >> 6) as usize] |= 1 << (s & 63);
            folded.push(vocab.fold_id(s));
        }
        let lexicon = corpus.lexicon();
        folded.sort_unstable_by_key(|&f| lexicon.rank(f));
        folded.dedup();
        let doc_cost = folded
            .iter()
            .map(|&f| corpus.index().doc_freq(f) as u64)
            .sum();
        Self {
            bits,
            folded,
            doc_cost,
        }
    }
}

/// Expands a term: the set used for matching and the expansion to show.
pub fn expand(corpus: &Corpus, term: &Term, case_sensitive: bool) -> (TermSet, TermExpansion) {
    let mut surfaces = matching_surfaces(corpus, &term.kind, case_sensitive);
    surfaces.sort_unstable();
    surfaces.dedup();
    let set = TermSet::from_surfaces(corpus, &surfaces);
    let expansion = TermExpansion {
        span: term.span.clone(),
        folded: set.folded.clone(),
        surfaces,
    };
    (set, expansion)
}

fn matching_surfaces(corpus: &Corpus, kind: &TermKind, case_sensitive: bool) -> Vec<SurfaceId> {
    let vocab = corpus.vocab();
    let all_forms = |folded: &[FoldedId]| -> Vec<SurfaceId> {
        folded.iter().flat_map(|&f| vocab.surfaces_of(f)).collect()
    };
    match (kind, case_sensitive) {
        (TermKind::Word(word), false) => all_forms(vocab.folded_id(word).as_slice()),
        (TermKind::Word(word), true) => vocab.surface_id(word).into_iter().collect(),
        (TermKind::Wildcard(pattern), false) => {
            all_forms(&wildcard_folded(vocab, corpus.lexicon(), &fold(pattern)))
        }
        (TermKind::Wildcard(pattern), true) => {
            let prefix = fold(glob::literal_prefix(pattern));
            all_forms(corpus.lexicon().with_prefix(vocab, &prefix))
                .into_iter()
                .filter(|&s| glob::matches(pattern, vocab.surface(s)))
                .collect()
        }
        (TermKind::Regex(regex), false) => all_forms(&regex_folded(vocab, regex)),
        (TermKind::Regex(regex), true) => regex_surfaces(vocab, regex),
    }
}

/// Folded words matching a folded wildcard pattern.
fn wildcard_folded(vocab: &Vocabulary, lexicon: &Lexicon, pattern: &str) -> Vec<FoldedId> {
    let candidates = lexicon.with_prefix(vocab, glob::literal_prefix(pattern));
    if pattern.ends_with('*') && !glob::is_wildcard(&pattern[..pattern.len() - 1]) {
        // `elect*`: the prefix range is the answer.
        return candidates.to_vec();
    }
    candidates
        .par_iter()
        .copied()
        .filter(|&f| glob::matches(pattern, vocab.folded(f)))
        .collect()
}

fn regex_folded(vocab: &Vocabulary, regex: &Regex) -> Vec<FoldedId> {
    (0..vocab.folded_count() as FoldedId)
        .into_par_iter()
        .filter(|&f| regex.is_match(vocab.folded(f)))
        .collect()
}

fn regex_surfaces(vocab: &Vocabulary, regex: &Regex) -> Vec<SurfaceId> {
    (0..vocab.surface_count() as SurfaceId)
        .into_par_iter()
        .filter(|&s| regex.is_match(vocab.surface(s)))
        .collect()
}
