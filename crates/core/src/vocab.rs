//! The interned vocabulary: surface forms and their case-folded forms.
//!
//! Token streams store [`SurfaceId`]s (the word as written, case kept), and
//! every surface maps to a [`FoldedId`] (the case-folded type). Counting and
//! case-insensitive search work on folded ids; case-sensitive search filters
//! on surface ids, so neither needs to rescan any text.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

use crate::tokenize::fold;

/// Index of a surface form (case as written).
pub type SurfaceId = u32;
/// Index of a case-folded word type.
pub type FoldedId = u32;

/// The hash [`Vocabulary::intern_hashed`] expects; the loader's workers
/// compute it so that the single thread that interns does not.
pub fn word_hash(word: &str) -> u64 {
    FxBuildHasher.hash_one(word)
}

/// Byte equality for the short strings words are, inline: the library
/// comparison is a call per candidate, and interning compares a word once
/// per token in a batch and once per batch word in the vocabulary.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    // Two overlapping loads cover lengths up to twice the load width.
    fn u64_at(s: &[u8], at: usize) -> u64 {
        let mut word = [0; 8];
        word.copy_from_slice(&s[at..at + 8]);
        u64::from_ne_bytes(word)
    }
    fn u32_at(s: &[u8], at: usize) -> u32 {
        let mut word = [0; 4];
        word.copy_from_slice(&s[at..at + 4]);
        u32::from_ne_bytes(word)
    }
    match n {
        0..4 => a.iter().zip(b).all(|(x, y)| x == y),
        4..8 => u32_at(a, 0) == u32_at(b, 0) && u32_at(a, n - 4) == u32_at(b, n - 4),
        8..=16 => u64_at(a, 0) == u64_at(b, 0) && u64_at(a, n - 8) == u64_at(b, n - 8),
        _ => a == b,
    }
}

/// Interned word forms. Ids are dense and only ever appended.
///
/// Strings are stored end to end in one buffer per kind and the hash tables
/// hold only ids, so a word costs a few bytes beyond its text rather than
/// two boxed copies and their allocations.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    surfaces: Interner,
    surface_to_folded: Vec<FoldedId>,
    folded: Interner,
    /// The first surface of each folded type...
    first_surface: Vec<SurfaceId>,
    /// ...and, by surface id, the next surface of the same folded type
    /// ([`NO_SURFACE`] at the end). A chain costs 4 bytes a surface; a map
    /// of lists for the 15% of types with several forms cost about 7 MB on
    /// data/bench.
    next_surface: Vec<SurfaceId>,
}

/// The end of a chain in `Vocabulary::next_surface`.
const NO_SURFACE: SurfaceId = SurfaceId::MAX;

/// Distinct strings with dense ids.
#[derive(Clone, Default)]
struct Interner {
    text: String,
    /// End offset in `text` of each string, by id. `u32` halves the table
    /// (about 5 MB on data/bench); distinct words never reach 4 GB of text
    /// before their 4 billion ids would run out of memory anyway.
    ends: Vec<u32>,
    ids: HashTable<u32>,
}

impl std::fmt::Debug for Interner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Interner")
            .field("len", &self.ends.len())
            .finish_non_exhaustive()
    }
}

impl Interner {
    fn get(&self, id: u32) -> &str {
        span(&self.text, &self.ends, id)
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn find(&self, word: &str, hash: u64) -> Option<u32> {
        let is_word = |&id: &u32| span_is(&self.text, &self.ends, id, word);
        self.ids.find(hash, is_word).copied()
    }

    /// Adds a string known to be absent.
    fn insert_new(&mut self, word: &str, hash: u64) -> u32 {
        let id = u32::try_from(self.ends.len()).unwrap_or(u32::MAX);
        self.text.push_str(word);
        self.ends
            .push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
        if self.ids.len() == self.ids.capacity() {
            self.regrow();
        }
        let (text, ends) = (&self.text, &self.ends);
        let rehash = |&i: &u32| word_hash(span(text, ends, i));
        self.ids.insert_unique(hash, id, rehash);
        id
    }

    /// Doubles the table by inserting every id afresh, in id order. The
    /// table's own growth rehashes its entries in bucket order, which reads
    /// the strings at random: on data/bench its growth steps took 50 ms,
    /// while interning, which only one thread can do at a time.
    fn regrow(&mut self) {
        let (text, ends) = (&self.text, &self.ends);
        let rehash = |&i: &u32| word_hash(span(text, ends, i));
        let mut ids = HashTable::with_capacity((2 * self.ids.capacity()).max(1024));
        for i in 0..self.ids.len() {
            let id = u32::try_from(i).unwrap_or(u32::MAX);
            ids.insert_unique(rehash(&id), id, rehash);
        }
        self.ids = ids;
    }

    fn iter(&self) -> impl Iterator<Item = (u32, &str)> {
        (0..self.ends.len()).map(|i| {
            let id = i as u32;
            (id, self.get(id))
        })
    }
}

/// String `id` of an interner's `text` and `ends`.
pub(crate) fn span<'a>(text: &'a str, ends: &[u32], id: u32) -> &'a str {
    text.get(span_range(ends, id)).unwrap_or("")
}

/// Byte range of string `id` in a buffer of strings stored end to end, by
/// their `ends`.
#[inline]
pub(crate) fn span_range(ends: &[u32], id: u32) -> std::ops::Range<usize> {
    let end = ends[id as usize] as usize;
    let start = id
        .checked_sub(1)
        .map_or(0, |prev| ends[prev as usize] as usize);
    start..end
}

/// True when string `id` of a buffer of strings stored end to end is
/// `word`: the comparison of the interning hash tables.
#[inline]
pub(crate) fn span_is(text: &str, ends: &[u32], id: u32, word: &str) -> bool {
    text.as_bytes()
        .get(span_range(ends, id))
        .is_some_and(|b| same_bytes(b, word.as_bytes()))
}

impl Vocabulary {
    /// Interns a surface form, returning its id.
    pub fn intern(&mut self, surface: &str) -> SurfaceId {
        self.intern_hashed(surface, word_hash(surface))
    }

    /// Looks up a surface form whose [`word_hash`] is already known.
    pub fn find_hashed(&self, surface: &str, hash: u64) -> Option<SurfaceId> {
        self.surfaces.find(surface, hash)
    }

    /// Interns a surface form whose [`word_hash`] is already known.
    pub fn intern_hashed(&mut self, surface: &str, hash: u64) -> SurfaceId {
        if let Some(id) = self.surfaces.find(surface, hash) {
            return id;
        }
        let folded_id = self.intern_folded(&fold(surface));
        let id = self.surfaces.insert_new(surface, hash);
        self.surface_to_folded.push(folded_id);
        self.next_surface.push(NO_SURFACE);
        if self.first_surface.len() == folded_id as usize {
            self.first_surface.push(id);
        } else {
            // Chains are short (case variants): walking to the end keeps
            // the forms in the order they were first seen.
            let mut last = self.first_surface[folded_id as usize];
            while self.next_surface[last as usize] != NO_SURFACE {
                last = self.next_surface[last as usize];
            }
            self.next_surface[last as usize] = id;
        }
        id
    }

    fn intern_folded(&mut self, folded: &str) -> FoldedId {
        let hash = word_hash(folded);
        if let Some(id) = self.folded.find(folded, hash) {
            return id;
        }
        self.folded.insert_new(folded, hash)
    }

    /// The surface form of an id.
    pub fn surface(&self, id: SurfaceId) -> &str {
        self.surfaces.get(id)
    }

    /// The folded form of a folded id.
    pub fn folded(&self, id: FoldedId) -> &str {
        self.folded.get(id)
    }

    /// The folded id of a surface id.
    pub fn fold_id(&self, id: SurfaceId) -> FoldedId {
        self.surface_to_folded[id as usize]
    }

    /// The folded-id table, indexed by surface id (for hot loops).
    pub fn fold_table(&self) -> &[FoldedId] {
        &self.surface_to_folded
    }

    /// Looks up a surface form exactly as written.
    pub fn surface_id(&self, surface: &str) -> Option<SurfaceId> {
        self.surfaces.find(surface, word_hash(surface))
    }

    /// Looks up a word case-insensitively.
    pub fn folded_id(&self, word: &str) -> Option<FoldedId> {
        let folded = fold(word);
        self.folded.find(&folded, word_hash(&folded))
    }

    /// All surface forms of a folded type, in the order first seen.
    pub fn surfaces_of(&self, id: FoldedId) -> impl Iterator<Item = SurfaceId> + '_ {
        let first = self.first_surface.get(id as usize).copied();
        std::iter::successors(first, |&s| {
            Some(self.next_surface[s as usize]).filter(|&n| n != NO_SURFACE)
        })
    }

    /// Number of distinct surface forms.
    pub fn surface_count(&self) -> usize {
        self.surfaces.len()
    }

    /// Number of distinct folded word types.
    pub fn folded_count(&self) -> usize {
        self.folded.len()
    }

    /// Iterates over all folded types with their ids.
    pub fn folded_iter(&self) -> impl Iterator<Item = (FoldedId, &str)> {
        self.folded.iter()
    }

    /// Iterates over all surface forms with their ids.
    pub fn surface_iter(&self) -> impl Iterator<Item = (SurfaceId, &str)> {
        self.surfaces.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_bytes_agrees_with_equality() {
        let words = [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abce",
            "bbcd",
            "abcdefg",
            "abcdefh",
            "xbcdefg",
            "abcdefgh",
            "abcdefgi",
            "abcdefghijklmnop",
            "abcdefghijklmnoq",
            "bbcdefghijklmnop",
            "abcdefghijklmnopq",
            "abcdefghijklmnopr",
            "épée",
            "épéf",
        ];
        for a in words {
            for b in words {
                assert_eq!(
                    same_bytes(a.as_bytes(), b.as_bytes()),
                    a == b,
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn surfaces_share_a_folded_type() {
        let mut vocab = Vocabulary::default();
        let a = vocab.intern("Putin");
        let b = vocab.intern("PUTIN");
        let c = vocab.intern("Putin");
        assert_eq!(a, c);
        assert_ne!(a, b);
        assert_eq!(vocab.fold_id(a), vocab.fold_id(b));
        assert_eq!(vocab.folded(vocab.fold_id(a)), "putin");
        assert_eq!(
            vocab.surfaces_of(vocab.fold_id(a)).collect::<Vec<_>>(),
            [a, b]
        );
        assert_eq!(vocab.folded_id("pUtIn"), Some(vocab.fold_id(a)));
        assert_eq!(vocab.surface_id("putin"), None);
        let d = vocab.intern("putin");
        let all: Vec<SurfaceId> = vocab.surfaces_of(vocab.fold_id(a)).collect();
        assert_eq!(all, [a, b, d]);
        assert_eq!(vocab.surfaces_of(99).count(), 0);
    }
}
