//! The positional index: per-document token streams and per-word postings.
//!
//! Each document's words are kept as a stream of [`SurfaceId`]s, so the
//! position of a token is its index in the stream (phrases and dispersion
//! come from it) and its case is kept. For every folded word type the index
//! keeps a postings list of the documents that contain it, with counts, in
//! ascending document order. "Where does this word occur" is then: walk the
//! postings, and within each document scan its stream of integers — the text
//! itself is never read again.

use thin_vec::ThinVec;

use crate::stream::{PackedStream, Stream};
use crate::vocab::{FoldedId, SurfaceId};

/// A document index inside a corpus.
pub type DocIx = u32;

/// One entry of a postings list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Posting {
    pub doc: DocIx,
    /// Occurrences of the word in that document.
    pub count: u32,
}

/// A folded word's postings and counts in 16 bytes: one table of them for
/// all words costs one cache miss per word added.
///
/// The last posting is kept as it is: three words in four occur in one
/// document only and never need more, and a document's second case variant
/// of a word ("Putin", "PUTIN") adds to it. Earlier postings are encoded
/// in one allocation (see [`WordEntry::earlier`]), which on a 128 MB corpus
/// keeps postings at about 25 MB where 8-byte postings in vectors took 60.
/// The word's total and document count are the last posting's plus those
/// in the encoded list's header, so the 435,000 words of one posting do not
/// carry eight bytes of counts their posting already holds.
#[derive(Clone, Debug, Default)]
struct WordEntry {
    /// `count == 0` while the word has no posting.
    last: Posting,
    /// The postings before the last one: empty, or a header (see
    /// [`Header`]) and then a pair of LEB128 varints per posting: the
    /// document's distance from the previous posting's (from 0 for the
    /// first) and the count minus one. Most pairs take two or three bytes.
    /// A thin vector (one pointer, its length and capacity in the
    /// allocation) keeps the entry at 16 bytes.
    earlier: ThinVec<u8>,
}

/// The header of [`WordEntry::earlier`], three little-endian `u32`s.
#[derive(Clone, Copy, Debug, Default)]
struct Header {
    /// The document of the last encoded posting.
    last_doc: DocIx,
    /// Occurrences in the encoded postings; saturates at 2^32 - 1, which no
    /// word reaches in a corpus that fits in memory (its token streams
    /// alone would take 12 GB).
    total: u32,
    /// Encoded postings.
    docs: u32,
}

/// Bytes of the header of [`WordEntry::earlier`].
const HEADER: usize = 12;

impl Header {
    fn read(bytes: &[u8]) -> Option<Self> {
        let word = |i: usize| {
            let b = bytes.get(4 * i..4 * i + 4)?;
            Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        };
        Some(Self {
            last_doc: word(0)?,
            total: word(1)?,
            docs: word(2)?,
        })
    }

    fn write(self, bytes: &mut [u8]) {
        for (i, v) in [self.last_doc, self.total, self.docs]
            .into_iter()
            .enumerate()
        {
            bytes[4 * i..4 * i + 4].copy_from_slice(&v.to_le_bytes());
        }
    }
}

impl WordEntry {
    /// Adds `count` occurrences in `doc`, which is the last document so far.
    fn add(&mut self, doc: DocIx, count: u32) {
        if self.last.count == 0 {
            self.last = Posting { doc, count };
        } else if self.last.doc == doc {
            self.last.count = self.last.count.saturating_add(count);
        } else {
            self.push_earlier(self.last);
            self.last = Posting { doc, count };
        }
    }

    fn push_earlier(&mut self, posting: Posting) {
        let header = match Header::read(&self.earlier) {
            Some(header) => header,
            None => {
                self.earlier.reserve_exact(HEADER + MAX_PAIR);
                self.earlier.extend_from_slice(&[0; HEADER]);
                Header::default()
            }
        };
        grow_gently(&mut self.earlier);
        push_varint(&mut self.earlier, posting.doc - header.last_doc);
        push_varint(&mut self.earlier, posting.count - 1);
        let header = Header {
            last_doc: posting.doc,
            total: header.total.saturating_add(posting.count),
            docs: header.docs + 1,
        };
        header.write(&mut self.earlier[..HEADER]);
    }

    /// The encoded postings' header, zero while there are none.
    fn header(&self) -> Header {
        Header::read(&self.earlier).unwrap_or_default()
    }

    /// Documents with the word.
    fn len(&self) -> usize {
        let last = usize::from(self.last.count > 0);
        self.header().docs as usize + last
    }

    /// Occurrences in the whole corpus (saturating).
    fn total(&self) -> u32 {
        self.header().total.saturating_add(self.last.count)
    }

    fn iter(&self) -> Postings<'_> {
        Postings {
            bytes: self.earlier.get(HEADER..).unwrap_or_default(),
            prev_doc: 0,
            last: (self.last.count > 0).then_some(self.last),
            remaining: self.len(),
        }
    }
}

/// Longest varint pair of a posting.
const MAX_PAIR: usize = 10;

/// Makes room for at least one more posting, growing by a quarter instead
/// of doubling: lists stop growing at the end of a load, and doubling left
/// 40% of their capacity unused. Still amortized constant time per push.
fn grow_gently(bytes: &mut ThinVec<u8>) {
    if bytes.capacity() - bytes.len() < MAX_PAIR {
        bytes.reserve_exact((bytes.len() / 4).max(MAX_PAIR));
    }
}

fn push_varint(bytes: &mut ThinVec<u8>, mut n: u32) {
    while n >= 0x80 {
        bytes.push((n as u8) | 0x80);
        n >>= 7;
    }
    bytes.push(n as u8);
}

/// Reads a varint from the front of `bytes`; `None` at the end or on a
/// truncated one (which [`WordEntry::push_earlier`] never writes).
fn take_varint(bytes: &mut &[u8]) -> Option<u32> {
    let mut n: u32 = 0;
    let mut shift = 0;
    loop {
        let (&b, rest) = bytes.split_first()?;
        *bytes = rest;
        n |= u32::from(b & 0x7f).checked_shl(shift)?;
        if b < 0x80 {
            return Some(n);
        }
        shift += 7;
    }
}

/// The postings of one word, in ascending document order, decoded as they
/// are read.
#[derive(Clone, Debug)]
pub struct Postings<'a> {
    bytes: &'a [u8],
    prev_doc: DocIx,
    last: Option<Posting>,
    remaining: usize,
}

impl Iterator for Postings<'_> {
    type Item = Posting;

    fn next(&mut self) -> Option<Posting> {
        if !self.bytes.is_empty() {
            let delta = take_varint(&mut self.bytes)?;
            let count = take_varint(&mut self.bytes)?.saturating_add(1);
            let doc = self.prev_doc.saturating_add(delta);
            self.prev_doc = doc;
            self.remaining = self.remaining.saturating_sub(1);
            return Some(Posting { doc, count });
        }
        self.remaining = 0;
        self.last.take()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl ExactSizeIterator for Postings<'_> {}

/// Token streams and postings; grows by appending documents.
#[derive(Clone, Debug, Default)]
pub struct Index {
    streams: Vec<PackedStream>,
    /// By folded id.
    words: Vec<WordEntry>,
    total_tokens: u64,
}

impl Index {
    /// Appends the stream of the next document (its index is the current
    /// document count). `fold_table` maps surface to folded ids and must
    /// cover every id in `stream`.
    pub fn push(&mut self, stream: PackedStream, fold_table: &[FoldedId], folded_count: usize) {
        let doc = DocIx::try_from(self.streams.len()).unwrap_or(DocIx::MAX);
        self.grow(folded_count);
        stream.view().for_each(|_, surface| {
            let folded = fold_table[surface as usize] as usize;
            self.words[folded].add(doc, 1);
        });
        self.total_tokens += stream.len() as u64;
        self.streams.push(stream);
    }

    /// Like [`Self::push`], with the document's distinct surface ids and
    /// their counts given (as the loader computes them), so the postings are
    /// touched once per word rather than once per token.
    pub fn push_counted(
        &mut self,
        stream: PackedStream,
        counts: &[(SurfaceId, u32)],
        fold_table: &[FoldedId],
        folded_count: usize,
    ) {
        let doc = DocIx::try_from(self.streams.len()).unwrap_or(DocIx::MAX);
        self.grow(folded_count);
        // A document's words are spread over tables of half a million
        // entries, so each entry is a cache miss: the entries a few words
        // ahead are requested early (their fold-table slots twice as far
        // ahead), which took 6% off the time spent interning on data/bench.
        const AHEAD: usize = 8;
        for (k, &(surface, count)) in counts.iter().enumerate() {
            if let Some(&(ahead, _)) = counts.get(k + 2 * AHEAD) {
                prefetch(fold_table.as_ptr().wrapping_add(ahead as usize));
            }
            if let Some(&(ahead, _)) = counts.get(k + AHEAD) {
                let folded = fold_table[ahead as usize] as usize;
                prefetch(self.words.as_ptr().wrapping_add(folded));
            }
            // Half as far ahead, that entry is in cache: its encoded
            // postings, where the next posting is written, are requested.
            if let Some(&(near, _)) = counts.get(k + AHEAD / 2)
                && let Some(entry) = self.words.get(fold_table[near as usize] as usize)
            {
                prefetch(entry.earlier.as_ptr());
            }
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
    pub fn stream(&self, doc: DocIx) -> Stream<'_> {
        self.streams
            .get(doc as usize)
            .map_or_else(Stream::default, PackedStream::view)
    }

    /// Documents containing a folded word, ascending, with counts.
    pub fn postings(&self, word: FoldedId) -> Postings<'_> {
        self.words.get(word as usize).map_or(
            Postings {
                bytes: &[],
                prev_doc: 0,
                last: None,
                remaining: 0,
            },
            WordEntry::iter,
        )
    }

    /// Number of documents containing a folded word.
    pub fn doc_freq(&self, word: FoldedId) -> usize {
        self.words.get(word as usize).map_or(0, WordEntry::len)
    }

    /// Total occurrences of a folded word in the whole corpus.
    pub fn total(&self, word: FoldedId) -> u64 {
        self.words
            .get(word as usize)
            .map_or(0, |w| u64::from(w.total()))
    }

    /// Heap bytes held by the postings (entries, and encoded lists with
    /// their spare capacity), for memory reports.
    pub fn postings_heap_bytes(&self) -> usize {
        let entries = self.words.len() * std::mem::size_of::<WordEntry>();
        // A thin vector's allocation starts with its length and capacity.
        let lists: usize = self
            .words
            .iter()
            .filter(|w| !w.earlier.is_empty())
            .map(|w| 2 * std::mem::size_of::<usize>() + w.earlier.capacity())
            .sum();
        entries + lists
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

fn positions_where(stream: Stream<'_>, mut hit: impl FnMut(SurfaceId) -> bool) -> Vec<u32> {
    let mut positions = Vec::new();
    stream.for_each(|i, s| {
        if hit(s) {
            positions.push(u32::try_from(i).unwrap_or(u32::MAX));
        }
    });
    positions
}

/// Asks the CPU to start loading `p`'s cache line.
#[inline(always)]
fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint; it never faults, whatever the address.
    unsafe {
        core::arch::x86_64::_mm_prefetch::<{ core::arch::x86_64::_MM_HINT_T0 }>(p.cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_round_trip_through_the_encoding() {
        let docs: Vec<(DocIx, u32)> = vec![
            (0, 1),
            (1, 3),
            (127, 1),
            (128, 200),
            (20_000, 1),
            (2_000_000, 70_000),
            (DocIx::MAX - 1, u32::MAX - 5),
        ];
        let mut entry = WordEntry::default();
        assert_eq!(entry.len(), 0);
        assert_eq!(entry.iter().next(), None);
        for &(doc, count) in &docs {
            entry.add(doc, count);
        }
        // A second case variant in the last document adds to its posting.
        entry.add(DocIx::MAX - 1, 5);
        let expected: Vec<Posting> = docs
            .iter()
            .enumerate()
            .map(|(i, &(doc, count))| Posting {
                doc,
                count: if i + 1 == docs.len() {
                    count + 5
                } else {
                    count
                },
            })
            .collect();
        assert_eq!(entry.iter().collect::<Vec<_>>(), expected);
        assert_eq!(entry.iter().len(), docs.len());
        assert_eq!(entry.len(), docs.len());
        let total: u64 = docs.iter().map(|&(_, c)| u64::from(c)).sum::<u64>() + 5;
        // The total saturates (these counts are far beyond real ones).
        assert_eq!(u64::from(entry.total()), total.min(u64::from(u32::MAX)));
    }

    #[test]
    fn an_entry_is_two_words() {
        assert_eq!(std::mem::size_of::<WordEntry>(), 16);
    }

    #[test]
    fn index_counts_documents_per_word() {
        let mut index = Index::default();
        // Surfaces 0 and 1 fold to word 0, surface 2 to word 1.
        let fold = [0, 0, 1];
        index.push(PackedStream::from_ids(&[0, 1, 2, 0]), &fold, 2);
        index.push(PackedStream::from_ids(&[2]), &fold, 2);
        index.push(PackedStream::from_ids(&[1, 1]), &fold, 2);
        let word0: Vec<Posting> = index.postings(0).collect();
        assert_eq!(
            word0,
            [Posting { doc: 0, count: 3 }, Posting { doc: 2, count: 2 }]
        );
        assert_eq!(index.doc_freq(0), 2);
        assert_eq!(index.doc_freq(1), 2);
        assert_eq!(index.total(0), 5);
        assert_eq!(index.total_tokens(), 7);
        assert_eq!(index.postings(7).count(), 0);
        assert_eq!(index.positions(0, 0, &fold), [0, 1, 3]);
    }
}
