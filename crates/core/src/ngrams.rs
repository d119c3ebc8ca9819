//! N-grams: runs of 2 to 6 consecutive words and how often they recur
//! (AntConc's "N-Grams", WordSmith's "clusters").
//!
//! Words are taken by their case-folded form from the token streams, so
//! punctuation between them does not break a run: "said. The" counts as
//! "said the", as in AntConc. An n-gram never crosses from one document
//! into the next.
//!
//! Most n-grams occur once, and a map of every distinct one would hold
//! about as many entries as the corpus has tokens, at 30 to 40 bytes each:
//! several times the corpus. With a minimum frequency above one, a first pass counts every
//! n-gram into a fixed table of small saturating counters indexed by its
//! hash, and the exact count keeps only n-grams whose counter reached the
//! minimum: a collision can only let a rare n-gram through to be counted
//! exactly, never drop a frequent one.

use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicBool, Ordering};

use hashbrown::HashMap;
use rayon::prelude::*;
use rustc_hash::FxBuildHasher;
use serde::{Deserialize, Serialize};

use crate::corpus::Corpus;
use crate::freq::Stopwords;
use crate::index::DocIx;
use crate::table::{Cell, Table};
use crate::vocab::FoldedId;

/// Longest n-gram counted.
pub const MAX_N: usize = 6;

/// Collections of more tokens than this count n-grams seen at least twice
/// even when every one is asked for: a map of every distinct n-gram holds
/// about one entry per token, some 40 bytes each, so a 100-million-token
/// collection would need gigabytes for n-grams that mostly occur once.
pub const ALL_NGRAMS_TOKENS: u64 = 5_000_000;

/// Which n-grams to count.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct NgramOptions {
    /// Words in an n-gram, 2 to [`MAX_N`].
    pub n: usize,
    /// Leave out n-grams seen fewer times than this.
    pub min_freq: u32,
}

impl Default for NgramOptions {
    fn default() -> Self {
        Self { n: 3, min_freq: 2 }
    }
}

/// One n-gram and its counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ngram {
    words: [FoldedId; MAX_N],
    len: u8,
    pub count: u32,
    /// Documents containing it.
    pub documents: u32,
}

impl Ngram {
    /// Its words, as folded ids.
    pub fn words(&self) -> &[FoldedId] {
        &self.words[..usize::from(self.len)]
    }

    /// Its words joined by spaces: also a phrase query that finds it.
    pub fn text(&self, corpus: &Corpus) -> String {
        let vocab = corpus.vocab();
        let words: Vec<&str> = self.words().iter().map(|&w| vocab.folded(w)).collect();
        words.join(" ")
    }
}

/// N-grams of a set of documents.
#[derive(Clone, Debug, Default)]
pub struct NgramList {
    /// Most frequent first, then by words.
    pub rows: Vec<Ngram>,
    /// The minimum frequency applied: the one asked for, or 2 where every
    /// n-gram of a large collection was asked for (see [`ALL_NGRAMS_TOKENS`]).
    pub min_freq: u32,
    /// Word tokens in the documents counted (for per-million figures).
    pub total_tokens: u64,
}

impl NgramList {
    /// The first `limit` rows as a table (the CLI's and the window's CSV).
    pub fn table(&self, corpus: &Corpus, limit: usize) -> Table {
        let mut table = Table::new(&["ngram", "count", "per_million", "documents"]);
        for g in self.rows.iter().take(limit) {
            table.push(vec![
                g.text(corpus).into(),
                g.count.into(),
                Cell::Num(self.per_million(g.count), 2),
                g.documents.into(),
            ]);
        }
        table
    }

    /// Occurrences per million tokens.
    pub fn per_million(&self, count: u32) -> f64 {
        if self.total_tokens == 0 {
            0.0
        } else {
            f64::from(count) * 1e6 / self.total_tokens as f64
        }
    }
}

/// Counts the n-grams of `docs` (every document when `None`). N-grams that
/// start or end with a word of `edge_stopwords` are left out ("of the",
/// "the end of"). Returns `None` soon after `cancel` is set.
pub fn ngrams(
    corpus: &Corpus,
    docs: Option<&[DocIx]>,
    options: &NgramOptions,
    edge_stopwords: Option<&Stopwords>,
    cancel: &AtomicBool,
) -> Option<NgramList> {
    count(
        corpus,
        docs,
        options,
        edge_stopwords,
        cancel,
        ALL_NGRAMS_TOKENS,
    )
}

/// [`ngrams`], keeping every n-gram only up to `all_tokens` tokens.
fn count(
    corpus: &Corpus,
    docs: Option<&[DocIx]>,
    options: &NgramOptions,
    edge_stopwords: Option<&Stopwords>,
    cancel: &AtomicBool,
    all_tokens: u64,
) -> Option<NgramList> {
    let n = options.n.clamp(2, MAX_N);
    let all: Vec<DocIx>;
    let docs = match docs {
        Some(docs) => docs,
        None => {
            all = (0..corpus.len() as DocIx).collect();
            &all
        }
    };
    let vocab = corpus.vocab();
    let stop: Vec<bool> = match edge_stopwords {
        Some(list) => vocab.folded_iter().map(|(_, w)| list.contains(w)).collect(),
        None => Vec::new(),
    };
    let is_stop = |w: FoldedId| stop.get(w as usize).copied().unwrap_or(false);
    let keep = |gram: &[FoldedId]| !(is_stop(gram[0]) || is_stop(gram[gram.len() - 1]));
    let total_tokens = docs.iter().map(|&d| corpus.word_count(d) as u64).sum();
    let min = if options.min_freq <= 1 && total_tokens > all_tokens {
        2
    } else {
        options.min_freq.max(1)
    };
    let filter = if min > 1 {
        Some(Prefilter::count(corpus, docs, n, &keep, cancel)?)
    } else {
        None
    };
    // Each thread counts its share of the documents; a document is counted
    // by one thread only, so document counts add up when the maps merge.
    let counts = chunks(docs)
        .map(|part| {
            let mut counts = Counts::default();
            for (k, &doc) in part.iter().enumerate() {
                if k % 256 == 0 && cancel.load(Ordering::Relaxed) {
                    return None;
                }
                for_each_gram(corpus, doc, n, |gram| {
                    if !keep(gram) || filter.as_ref().is_some_and(|f| f.below(gram, min)) {
                        return;
                    }
                    let mut key = [0; MAX_N];
                    key[..n].copy_from_slice(gram);
                    let entry = counts.entry(key).or_insert((0, 0, DocIx::MAX));
                    entry.0 += 1;
                    if entry.2 != doc {
                        entry.2 = doc;
                        entry.1 += 1;
                    }
                });
            }
            Some(counts)
        })
        .reduce(|| Some(Counts::default()), merge_counts)?;
    let mut rows: Vec<Ngram> = counts
        .into_iter()
        .filter(|(_, (count, _, _))| *count >= min)
        .map(|(words, (count, documents, _))| Ngram {
            words,
            len: n as u8,
            count,
            documents,
        })
        .collect();
    // Ties in alphabetical order of their words: a word's rank in the
    // sorted vocabulary orders as its text does, without reading it.
    let lexicon = corpus.lexicon();
    let rank = |g: &Ngram| -> [u32; MAX_N] { g.words.map(|w| lexicon.rank(w)) };
    rows.par_sort_unstable_by_key(|g| (std::cmp::Reverse(g.count), rank(g)));
    Some(NgramList {
        rows,
        min_freq: min,
        total_tokens,
    })
}

/// Exact counts: (occurrences, documents, last document counted).
type Counts = HashMap<[FoldedId; MAX_N], (u32, u32, DocIx), FxBuildHasher>;

fn merge_counts(a: Option<Counts>, b: Option<Counts>) -> Option<Counts> {
    let (mut into, from) = match (a?, b?) {
        (a, b) if a.len() >= b.len() => (a, b),
        (a, b) => (b, a),
    };
    for (key, (count, documents, _)) in from {
        let entry = into.entry(key).or_insert((0, 0, DocIx::MAX));
        entry.0 += count;
        entry.1 += documents;
    }
    Some(into)
}

/// The documents in one part per thread, as a parallel iterator.
fn chunks(docs: &[DocIx]) -> rayon::slice::Chunks<'_, DocIx> {
    let per_thread = docs.len().div_ceil(rayon::current_num_threads()).max(1);
    docs.par_chunks(per_thread)
}

/// Calls `f` with every run of `n` folded words of a document.
fn for_each_gram(corpus: &Corpus, doc: DocIx, n: usize, mut f: impl FnMut(&[FoldedId])) {
    let fold = corpus.vocab().fold_table();
    // The last `n` words twice over, so that each window is one slice.
    let mut ring = [0 as FoldedId; 2 * MAX_N];
    let mut seen = 0usize;
    corpus.index().stream(doc).for_each(|_, s| {
        let w = fold[s as usize];
        let at = seen % n;
        ring[at] = w;
        ring[at + n] = w;
        seen += 1;
        if seen >= n {
            let start = seen % n;
            f(&ring[start..start + n]);
        }
    });
}

/// Saturating counters of hashed n-grams (the first pass).
struct Prefilter {
    counters: Vec<u8>,
    shift: u32,
}

impl Prefilter {
    fn count(
        corpus: &Corpus,
        docs: &[DocIx],
        n: usize,
        keep: &(dyn Fn(&[FoldedId]) -> bool + Sync),
        cancel: &AtomicBool,
    ) -> Option<Self> {
        let tokens: u64 = docs.iter().map(|&d| corpus.word_count(d) as u64).sum();
        // About one counter per n-gram, between 64 KiB and 32 MiB of them.
        let bits = (64 - tokens.max(1).leading_zeros()).clamp(16, 25);
        let shift = 64 - bits;
        let counters = chunks(docs)
            .map(|part| {
                let mut filter = Self {
                    counters: vec![0; 1 << bits],
                    shift,
                };
                for (k, &doc) in part.iter().enumerate() {
                    if k % 256 == 0 && cancel.load(Ordering::Relaxed) {
                        return None;
                    }
                    for_each_gram(corpus, doc, n, |gram| {
                        if keep(gram) {
                            let slot = filter.slot(gram);
                            filter.counters[slot] = filter.counters[slot].saturating_add(1);
                        }
                    });
                }
                Some(filter.counters)
            })
            .reduce(
                || Some(Vec::new()),
                |a, b| {
                    let (mut a, b) = (a?, b?);
                    if a.is_empty() {
                        return Some(b);
                    }
                    for (x, y) in a.iter_mut().zip(&b) {
                        *x = x.saturating_add(*y);
                    }
                    Some(a)
                },
            )?;
        let filter = Self { counters, shift };
        Some(filter)
    }

    fn slot(&self, gram: &[FoldedId]) -> usize {
        let mut hasher = FxBuildHasher.build_hasher();
        for &w in gram {
            hasher.write_u32(w);
        }
        // The top bits: Fx mixes upwards.
        (hasher.finish() >> self.shift) as usize
    }

    /// True when the n-gram was seen fewer than `min` times for certain.
    fn below(&self, gram: &[FoldedId], min: u32) -> bool {
        u32::from(self.counters[self.slot(gram)]) < min.min(255)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loader::Input;

    fn corpus(texts: &[&str]) -> Corpus {
        let inputs: Vec<Input> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Input::Embedded {
                name: format!("doc{i}.txt"),
                bytes: format!("Headline {i}\n\n{t}\n").into_bytes().into(),
            })
            .collect();
        crate::load_all(&inputs, &Default::default()).0
    }

    fn texts(list: &NgramList, corpus: &Corpus) -> Vec<(String, u32, u32)> {
        list.rows
            .iter()
            .map(|g| (g.text(corpus), g.count, g.documents))
            .collect()
    }

    #[test]
    fn runs_of_words_within_each_document() {
        let c = corpus(&["The cat sat. The cat ran.", "the CAT sat"]);
        let never = AtomicBool::new(false);
        let options = NgramOptions { n: 2, min_freq: 2 };
        let list = ngrams(&c, None, &options, None, &never).unwrap();
        assert_eq!(
            texts(&list, &c),
            [("the cat".into(), 3, 2), ("cat sat".into(), 2, 2)]
        );
        // "ran headline" would cross into the next document: never counted.
        let options = NgramOptions { n: 2, min_freq: 1 };
        let list = ngrams(&c, None, &options, None, &never).unwrap();
        assert!(!texts(&list, &c).iter().any(|(t, _, _)| t == "ran headline"));
        assert_eq!(list.total_tokens, 13, "headlines are indexed too");
        // Edge stopwords: "the cat" starts with one.
        let stop = Stopwords::english();
        let options = NgramOptions { n: 2, min_freq: 2 };
        let list = ngrams(&c, None, &options, Some(&stop), &never).unwrap();
        assert_eq!(texts(&list, &c), [("cat sat".into(), 2, 2)]);
        // One document only.
        let list = ngrams(&c, Some(&[1]), &options, None, &never).unwrap();
        assert!(list.rows.is_empty());
    }

    #[test]
    fn every_ngram_of_a_large_collection_is_not_kept() {
        let never = AtomicBool::new(false);
        let all = NgramOptions { n: 2, min_freq: 1 };
        let small = corpus(&["one two three one two"]);
        let list = ngrams(&small, None, &all, None, &never).unwrap();
        assert_eq!(list.min_freq, 1);
        assert!(texts(&list, &small).iter().any(|(_, c, _)| *c == 1));
        // Past the limit, those seen twice or more.
        let large = corpus(&["one two three four five six x x x"]);
        let list = count(&large, None, &all, None, &never, 5).unwrap();
        assert_eq!(list.min_freq, 2);
        assert_eq!(texts(&list, &large), [("x x".to_owned(), 2, 1)]);
        let list = count(&large, None, &all, None, &never, 100).unwrap();
        assert_eq!(list.min_freq, 1);
    }

    #[test]
    fn a_cancelled_count_gives_nothing() {
        let c = corpus(&["one two three"]);
        let cancel = AtomicBool::new(true);
        assert!(ngrams(&c, None, &NgramOptions::default(), None, &cancel).is_none());
    }
}
