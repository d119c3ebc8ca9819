//! A query compiled against one corpus state: where it can match and where
//! it does.
//!
//! A [`Matcher`] holds one [`TermSet`] per query term. Candidate documents
//! come from the postings of the cheapest slot (the rarest term of each of
//! its alternatives), and each candidate's token stream is scanned: a bit
//! test per token for the first slot, then the rest of the sequence is
//! checked with a small set of reachable offsets, so alternatives of
//! different lengths never backtrack exponentially. Of several matches
//! starting at one token, the longest is the hit.

use super::Query;
use super::expand::{TermExpansion, TermSet, expand};
use super::search::Hit;
use crate::corpus::Corpus;
use crate::index::DocIx;
use crate::stream::Stream;

/// One alternative: term-set indices of consecutive tokens.
type Alternative = Vec<usize>;

/// A query's word pattern expanded over a corpus. See the module docs.
#[derive(Debug)]
pub struct Matcher<'c> {
    corpus: &'c Corpus,
    sets: Vec<TermSet>,
    slots: Vec<Vec<Alternative>>,
    /// Surfaces that can start a hit.
    first: TermSet,
    expansions: Vec<TermExpansion>,
    /// One slot, one alternative, one case-insensitive term: counts can come
    /// straight from postings.
    postings_countable: bool,
}

impl<'c> Matcher<'c> {
    /// Expands every term of `query` over the corpus vocabulary.
    pub fn new(corpus: &'c Corpus, query: &Query) -> Self {
        let case_sensitive = query.options().case_sensitive;
        let mut sets = Vec::new();
        let mut expansions = Vec::new();
        let mut slots = Vec::new();
        for slot in query.slots() {
            let mut alternatives = Vec::new();
            for alternative in &slot.alternatives {
                let mut ids = Vec::new();
                for term in alternative {
                    let (set, expansion) = expand(corpus, term, case_sensitive);
                    ids.push(sets.len());
                    sets.push(set);
                    expansions.push(expansion);
                }
                alternatives.push(ids);
            }
            slots.push(alternatives);
        }
        let mut first = TermSet::default();
        for alternative in slots.first().into_iter().flatten() {
            if let Some(&id) = alternative.first() {
                first.union_bits(&sets[id]);
            }
        }
        let postings_countable = !case_sensitive && sets.len() == 1;
        Self {
            corpus,
            sets,
            slots,
            first,
            expansions,
            postings_countable,
        }
    }

    /// True when the query has no word pattern (filters only).
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// What each term expanded to, in query order.
    pub fn expansions(&self) -> &[TermExpansion] {
        &self.expansions
    }

    /// Documents that may hold hits (a superset), ascending.
    pub fn candidates(&self) -> Vec<DocIx> {
        let cost = |alt: &Alternative| {
            alt.iter()
                .map(|&t| self.sets[t].doc_cost)
                .min()
                .unwrap_or(0)
        };
        let Some(slot) = self
            .slots
            .iter()
            .min_by_key(|slot| slot.iter().map(cost).sum::<u64>())
        else {
            return Vec::new();
        };
        let index = self.corpus.index();
        let mut marks = vec![false; self.corpus.len()];
        for alt in slot {
            let Some(&rarest) = alt.iter().min_by_key(|&&t| self.sets[t].doc_cost) else {
                continue;
            };
            for &folded in &self.sets[rarest].folded {
                for posting in index.postings(folded) {
                    if let Some(mark) = marks.get_mut(posting.doc as usize) {
                        *mark = true;
                    }
                }
            }
        }
        (0..marks.len())
            .filter(|&d| marks[d])
            .map(|d| d as DocIx)
            .collect()
    }

    /// The hits in one document, by position.
    pub fn hits_in(&self, doc: DocIx) -> Vec<Hit> {
        let mut out = Vec::new();
        self.scan(doc, &mut out);
        out
    }

    /// Appends the hits of one document to `out`.
    pub fn scan(&self, doc: DocIx, out: &mut Vec<Hit>) {
        if self.slots.is_empty() {
            return;
        }
        let stream = self.corpus.index().stream(doc);
        // The bit test over the whole stream first, the sequence checks on
        // its survivors after: a scan loop this small stays inlined.
        let mut starts: Vec<u32> = Vec::new();
        stream.for_each(|i, s| {
            if self.first.contains(s) {
                starts.push(to_u32(i));
            }
        });
        if self.sets.len() == 1 {
            // One word: the bit test is the whole match.
            out.extend(starts.into_iter().map(|pos| Hit { doc, pos, len: 1 }));
            return;
        }
        for i in starts.into_iter().map(|p| p as usize) {
            if let Some(end) = self.match_at(stream, i) {
                out.push(Hit {
                    doc,
                    pos: to_u32(i),
                    len: to_u32(end - i),
                });
            }
        }
    }

    /// Number of hits in one document (from postings when the query is a
    /// single case-insensitive word or a narrow wildcard: a walk of the
    /// word's document list, so callers counting many documents should use
    /// [`crate::query::Hits`] or [`crate::freq::word_hits`]).
    pub fn count_in(&self, doc: DocIx) -> u64 {
        if self.postings_countable && self.sets[0].folded.len() <= 16 {
            let index = self.corpus.index();
            return self.sets[0]
                .folded
                .iter()
                .map(|&f| {
                    let found = index.postings(f).find(|p| p.doc >= doc);
                    found
                        .filter(|p| p.doc == doc)
                        .map_or(0, |p| u64::from(p.count))
                })
                .sum();
        }
        let mut hits = Vec::new();
        self.scan(doc, &mut hits);
        hits.len() as u64
    }

    /// Hits in the whole corpus (no filter), from postings totals when the
    /// query is a single case-insensitive term.
    pub fn total(&self) -> u64 {
        if self.postings_countable {
            let index = self.corpus.index();
            return self.sets[0].folded.iter().map(|&f| index.total(f)).sum();
        }
        let counts = super::scan::scan_docs(self.corpus, &self.candidates(), |d| self.count_in(d));
        counts.iter().sum()
    }

    /// End (exclusive) of the longest match starting at `at`.
    fn match_at(&self, stream: Stream<'_>, at: usize) -> Option<usize> {
        // Bit k set: some way through the slots so far ends at `at + k`.
        // A query holds at most 64 terms, so offsets fit in 128 bits.
        let mut reach: u128 = 1;
        for slot in &self.slots {
            let mut next: u128 = 0;
            let mut from = reach;
            while from != 0 {
                let offset = from.trailing_zeros() as usize;
                from &= from - 1;
                for alt in slot {
                    if self.alternative_matches(alt, stream, at + offset) {
                        next |= 1u128 << (offset + alt.len()).min(127);
                    }
                }
            }
            if next == 0 {
                return None;
            }
            reach = next;
        }
        Some(at + (127 - reach.leading_zeros()) as usize)
    }

    fn alternative_matches(&self, alt: &Alternative, stream: Stream<'_>, at: usize) -> bool {
        if at + alt.len() > stream.len() {
            return false;
        }
        alt.iter()
            .enumerate()
            .all(|(k, &t)| stream.get(at + k).is_some_and(|s| self.sets[t].contains(s)))
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
