//! The positional index: per-document token streams and per-word postings.
//!
//! Each document's words are kept as a stream of [`SurfaceId`]s, so the
//! position of a token is its index in the stream (phrases and dispersion
//! come from it) and its case is kept. For every folded word type the index
//! keeps a postings list of the documents that contain it, with counts, in
//! ascending document order. "Where does this word occur" is then: walk the
//! postings, and within each document scan its stream of integers — the text
//! itself is never read again.

use std::sync::Arc;

use crate::vocab::{FoldedId, SurfaceId};

/// A document index inside a corpus.
pub type DocIx = u32;

/// One entry of a postings list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Posting {
    pub doc: DocIx,
    /// Occurrences of the word in that document.
    pub count: u32,
}

/// The documents of one word. Three words in four occur in one document
/// only: those keep their posting inline instead of in an allocation of
/// their own (about 20 MB on a 128 MB corpus).
#[derive(Clone, Debug, Default)]
enum PostingList {
    #[default]
    Empty,
    One(Posting),
    Many(Vec<Posting>),
}

impl PostingList {
    /// Adds `count` occurrences in `doc`, which is the last document so far.
    fn add(&mut self, doc: DocIx, count: u32) {
        match self {
            Self::Empty => *self = Self::One(Posting { doc, count }),
            Self::One(last) if last.doc == doc => last.count += count,
            Self::One(first) => *self = Self::Many(vec![*first, Posting { doc, count }]),
            Self::Many(list) => match list.last_mut() {
                Some(last) if last.doc == doc => last.count += count,
                _ => {
                    grow_gently(list);
                    list.push(Posting { doc, count });
                }
            },
        }
    }

    fn as_slice(&self) -> &[Posting] {
        match self {
            Self::Empty => &[],
            Self::One(posting) => std::slice::from_ref(posting),
            Self::Many(list) => list,
        }
    }
}

/// Makes room for one more posting, growing by a quarter instead of
/// doubling: lists stop growing at the end of a load, and doubling left
/// 40% of their capacity unused (16 MB on data/bench). Still amortized
/// constant time per push.
fn grow_gently(list: &mut Vec<Posting>) {
    if list.len() == list.capacity() {
        list.reserve_exact((list.len() / GROWTH_DIVISOR).max(2));
    }
}

/// Lists grow by 1 / `GROWTH_DIVISOR` of their length.
const GROWTH_DIVISOR: usize = 4;

/// A folded word's postings and total count, side by side: adding a
/// document's words touches both, and one table of them costs one cache
/// miss per word where two tables cost two (the same 32 bytes a word).
#[derive(Clone, Debug, Default)]
struct WordEntry {
    postings: PostingList,
    total: u64,
}

impl WordEntry {
    fn add(&mut self, doc: DocIx, count: u32) {
        self.total += u64::from(count);
        self.postings.add(doc, count);
    }
}

/// Token streams and postings; grows by appending documents.
#[derive(Clone, Debug, Default)]
pub struct Index {
    streams: Vec<Arc<[SurfaceId]>>,
    /// By folded id.
    words: Vec<WordEntry>,
    total_tokens: u64,
}

impl Index {
    /// Appends the stream of the next document (its index is the current
    /// document count). `fold_table` maps surface to folded ids and must
    /// cover every id in `stream`.
    pub fn push(&mut self, stream: Arc<[SurfaceId]>, fold_table: &[FoldedId], folded_count: usize) {
        let doc = DocIx::try_from(self.streams.len()).unwrap_or(DocIx::MAX);
        self.grow(folded_count);
        for &surface in stream.iter() {
            let folded = fold_table[surface as usize] as usize;
            self.words[folded].add(doc, 1);
        }
        self.total_tokens += stream.len() as u64;
        self.streams.push(stream);
    }

    /// Like [`Self::push`], with the document's distinct surface ids and
    /// their counts given (as the loader computes them), so the postings are
    /// touched once per word rather than once per token.
    pub fn push_counted(
        &mut self,
        stream: Arc<[SurfaceId]>,
        counts: impl IntoIterator<Item = (SurfaceId, u32)>,
        fold_table: &[FoldedId],
        folded_count: usize,
    ) {
        let doc = DocIx::try_from(self.streams.len()).unwrap_or(DocIx::MAX);
        self.grow(folded_count);
        for (surface, count) in counts {
            let folded = fold_table[surface as usize] as usize;
            self.words[folded].add(doc, count);
        }
        self.total_tokens += stream.len() as u64;
        self.streams.push(stream);
    }

    fn grow(&mut self, folded_count: usize) {
        if self.words.len() < folded_count {
            self.words.resize_with(folded_count, WordEntry::default);
        }
    }

    /// Number of documents indexed.
    pub fn doc_count(&self) -> usize {
        self.streams.len()
    }

    /// The token stream of a document.
    pub fn stream(&self, doc: DocIx) -> &[SurfaceId] {
        self.streams.get(doc as usize).map_or(&[], |s| s)
    }

    /// Documents containing a folded word, ascending.
    pub fn postings(&self, word: FoldedId) -> &[Posting] {
        self.words
            .get(word as usize)
            .map_or(&[], |w| w.postings.as_slice())
    }

    /// Total occurrences of a folded word in the whole corpus.
    pub fn total(&self, word: FoldedId) -> u64 {
        self.words.get(word as usize).map_or(0, |w| w.total)
    }

    /// Total tokens in the whole corpus.
    pub fn total_tokens(&self) -> u64 {
        self.total_tokens
    }

    /// Token positions of a folded word in one document.
    pub fn positions(&self, doc: DocIx, word: FoldedId, fold_table: &[FoldedId]) -> Vec<u32> {
        positions_where(self.stream(doc), |s| fold_table[s as usize] == word)
    }

    /// Token positions of an exact surface form in one document.
    pub fn surface_positions(&self, doc: DocIx, surface: SurfaceId) -> Vec<u32> {
        positions_where(self.stream(doc), |s| s == surface)
    }
}

fn positions_where(stream: &[SurfaceId], mut hit: impl FnMut(SurfaceId) -> bool) -> Vec<u32> {
    stream
        .iter()
        .enumerate()
        .filter(|&(_, &s)| hit(s))
        .map(|(i, _)| u32::try_from(i).unwrap_or(u32::MAX))
        .collect()
}
