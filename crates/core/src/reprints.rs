//! Reprints: the same wire story published by several outlets, found by
//! the overlap of their text.
//!
//! A story syndicated by AFP or Reuters reaches many sites with another
//! headline, a trimmed ending, the outlet's own furniture or a paragraph
//! added, so equal hashes find only exact copies. Instead, each document is
//! cut into shingles (every run of [`SHINGLE`] consecutive words, case-folded)
//! and two documents are reprints of each other when the sets of their
//! shingles overlap enough (Jaccard similarity, Broder 1997).
//!
//! Comparing every pair is quadratic, so each document gets a MinHash
//! signature of [`BINS`] values in one pass over its words (one-permutation
//! hashing with densification: Li, Owen and Zhang 2012; Shrivastava 2017),
//! and locality-sensitive hashing groups documents whose signatures agree
//! on a whole band of values. Only those candidates are compared, by the
//! share of equal values in their signatures, which estimates the Jaccard
//! similarity; pairs above the threshold are joined into stories.

use std::sync::atomic::{AtomicBool, Ordering};

use std::hash::BuildHasher as _;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::corpus::Corpus;
use crate::index::DocIx;
use crate::overlay::Overlay;
use crate::table::{Cell, Table};

/// Words in a shingle.
pub const SHINGLE: usize = 5;
/// Values in a signature.
pub const BINS: usize = 64;
/// Values per band for a threshold: a pair shares a band (and is compared)
/// with probability 1 - (1 - J^rows)^bands. With 21 bands of 3, a pair at
/// similarity 0.5 is compared with probability 0.94, at 0.6 with 0.99;
/// below a threshold of 0.4, 32 bands of 2 (0.95 at 0.3), at the cost of
/// more comparisons.
fn rows_for(threshold: f32) -> usize {
    if threshold < 0.4 { 2 } else { 3 }
}
/// A band's bucket larger than this (boilerplate shared by thousands of
/// pages) links its documents in a chain instead of in every pair.
const MAX_BUCKET_PAIRS: usize = 64;

/// How alike two documents must be.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReprintOptions {
    /// Estimated Jaccard similarity of their shingles, 0 to 1.
    pub similarity: f32,
    /// Documents with fewer words are not compared: a one-line item would
    /// match every other one-line item.
    pub min_words: usize,
}

impl Default for ReprintOptions {
    fn default() -> Self {
        Self {
            similarity: 0.5,
            min_words: 40,
        }
    }
}

/// Documents that carry the same story.
#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    /// Earliest publication first (undated last), then by path.
    pub docs: Vec<DocIx>,
    /// Each document's estimated similarity to the first one.
    pub similarity: Vec<f32>,
}

/// Finds the stories among `docs` that appear at least twice. Largest
/// first; dates (for the order inside a story) are read through `overlay`.
/// `None` soon after `cancel` is set.
pub fn reprints(
    corpus: &Corpus,
    overlay: &Overlay,
    docs: &[DocIx],
    options: &ReprintOptions,
    cancel: &AtomicBool,
) -> Option<Vec<Story>> {
    let min_words = options.min_words.max(SHINGLE);
    let words = word_hashes(corpus);
    let signed: Vec<(DocIx, Signature)> = docs
        .par_iter()
        .filter(|&&d| corpus.word_count(d) >= min_words)
        .filter_map(|&d| {
            if cancel.load(Ordering::Relaxed) {
                return None;
            }
            signature(corpus, &words, d).map(|s| (d, s))
        })
        .collect();
    if cancel.load(Ordering::Relaxed) {
        return None;
    }
    let mut sets = UnionFind::new(signed.len());
    let rows = rows_for(options.similarity);
    for band in 0..BINS / rows {
        let values = band * rows..(band + 1) * rows;
        let mut keys: Vec<(u64, usize)> = signed
            .iter()
            .enumerate()
            .map(|(i, (_, sig))| (band_key(&sig[values.clone()], band), i))
            .collect();
        keys.sort_unstable();
        for bucket in keys.chunk_by(|a, b| a.0 == b.0) {
            link_bucket(bucket, &signed, options.similarity, &mut sets);
        }
        if cancel.load(Ordering::Relaxed) {
            return None;
        }
    }
    Some(stories(corpus, overlay, &signed, &mut sets))
}

/// One row per copy of each story (numbered from 1, in the order given):
/// the CLI's and the window's CSV.
pub fn stories_table(corpus: &Corpus, overlay: &Overlay, stories: &[Story]) -> Table {
    let mut table = Table::new(&[
        "story",
        "copies",
        "path",
        "record",
        "published",
        "agency",
        "outlet",
        "similarity",
        "title",
    ]);
    for (n, story) in stories.iter().enumerate() {
        for (&doc, &similarity) in story.docs.iter().zip(&story.similarity) {
            let fields = corpus.fields(doc, overlay);
            let key = &corpus.doc(doc).key;
            let published = fields.published.map(|d| d.format("%Y-%m-%d").to_string());
            table.push(vec![
                (n as u64 + 1).into(),
                (story.docs.len() as u64).into(),
                key.path.as_ref().into(),
                key.record.into(),
                published.into(),
                fields.agency.into(),
                fields.outlet.into(),
                Cell::Num(f64::from(similarity), 2),
                fields.title.into(),
            ]);
        }
    }
    table
}

/// Joins the documents of one band bucket that are alike enough.
fn link_bucket(
    bucket: &[(u64, usize)],
    signed: &[(DocIx, Signature)],
    threshold: f32,
    sets: &mut UnionFind,
) {
    let alike = |a: usize, b: usize| similarity(&signed[a].1, &signed[b].1) >= threshold;
    if bucket.len() * (bucket.len() - 1) / 2 <= MAX_BUCKET_PAIRS {
        for (k, &(_, a)) in bucket.iter().enumerate() {
            for &(_, b) in &bucket[k + 1..] {
                if sets.find(a) != sets.find(b) && alike(a, b) {
                    sets.union(a, b);
                }
            }
        }
    } else {
        for pair in bucket.windows(2) {
            let (a, b) = (pair[0].1, pair[1].1);
            if sets.find(a) != sets.find(b) && alike(a, b) {
                sets.union(a, b);
            }
        }
    }
}

/// The groups of two or more, each ordered by date, largest first.
fn stories(
    corpus: &Corpus,
    overlay: &Overlay,
    signed: &[(DocIx, Signature)],
    sets: &mut UnionFind,
) -> Vec<Story> {
    let mut groups: std::collections::HashMap<usize, Vec<usize>> = Default::default();
    for i in 0..signed.len() {
        groups.entry(sets.find(i)).or_default().push(i);
    }
    let order = |&i: &usize| {
        let date = corpus.fields(signed[i].0, overlay).published;
        (date.is_none(), date, corpus.doc(signed[i].0).key.clone())
    };
    let mut stories: Vec<Story> = groups
        .into_values()
        .filter(|g| g.len() > 1)
        .map(|mut g| {
            g.sort_by_cached_key(order);
            let first = &signed[g[0]].1;
            Story {
                docs: g.iter().map(|&i| signed[i].0).collect(),
                similarity: g.iter().map(|&i| similarity(first, &signed[i].1)).collect(),
            }
        })
        .collect();
    stories.sort_by(|a, b| {
        b.docs
            .len()
            .cmp(&a.docs.len())
            .then_with(|| corpus.doc(a.docs[0]).key.cmp(&corpus.doc(b.docs[0]).key))
    });
    stories
}

type Signature = [u32; BINS];

/// A hash of each folded word's text, by surface id. Word ids depend on the
/// order documents were loaded in; the text does not, so the same
/// documents get the same signatures in every load.
fn word_hashes(corpus: &Corpus) -> Vec<u64> {
    let vocab = corpus.vocab();
    let folded: Vec<u64> = vocab
        .folded_iter()
        .map(|(_, w)| rustc_hash::FxBuildHasher.hash_one(w))
        .collect();
    vocab
        .fold_table()
        .iter()
        .map(|&f| folded[f as usize])
        .collect()
}

/// The document's MinHash signature, or `None` with fewer than
/// [`SHINGLE`] words.
fn signature(corpus: &Corpus, words: &[u64], doc: DocIx) -> Option<Signature> {
    let mut mins = [u32::MAX; BINS];
    let mut window = [0u64; SHINGLE];
    let mut seen = 0usize;
    corpus.index().stream(doc).for_each(|_, s| {
        window[seen % SHINGLE] = words[s as usize];
        seen += 1;
        if seen >= SHINGLE {
            // The shingle's words in order, oldest first.
            let mut h = 0x9e37_79b9_7f4a_7c15u64;
            for k in 0..SHINGLE {
                h = mix(h ^ window[(seen + k) % SHINGLE]);
            }
            // One permutation: the top bits choose the bin, the rest compete.
            let bin = (h >> 58) as usize;
            let value = h as u32;
            if value < mins[bin] {
                mins[bin] = value;
            }
        }
    });
    (seen >= SHINGLE).then(|| densify(mins))
}

/// Fills each empty bin from the next non-empty one (circularly), with an
/// offset per distance so that borrowed values differ from the original.
fn densify(mut mins: Signature) -> Signature {
    let filled: Vec<usize> = (0..BINS).filter(|&b| mins[b] != u32::MAX).collect();
    if filled.len() == BINS || filled.is_empty() {
        return mins;
    }
    let original = mins;
    for b in 0..BINS {
        if original[b] != u32::MAX {
            continue;
        }
        let distance = (1..BINS)
            .find(|d| original[(b + d) % BINS] != u32::MAX)
            .unwrap_or(0);
        let donor = original[(b + distance) % BINS];
        mins[b] = (mix(u64::from(donor) ^ ((distance as u64) << 32)) >> 32) as u32;
    }
    mins
}

/// Share of equal values: an estimate of the Jaccard similarity.
fn similarity(a: &Signature, b: &Signature) -> f32 {
    let equal = a.iter().zip(b).filter(|(x, y)| x == y).count();
    equal as f32 / BINS as f32
}

fn band_key(values: &[u32], band: usize) -> u64 {
    values
        .iter()
        .fold(band as u64, |h, &v| mix(h ^ u64::from(v)))
}

/// A 64-bit finaliser (splitmix64): every input bit moves every output bit.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Disjoint sets with path halving.
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        Self {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.parent[a.max(b)] = a.min(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_estimate_jaccard_similarity() {
        // Two sets of 2,000 shingle-like values sharing 1,000: J = 1/3.
        let sign = |range: std::ops::Range<u64>| {
            let mut mins = [u32::MAX; BINS];
            for x in range {
                let h = mix(x);
                let bin = (h >> 58) as usize;
                mins[bin] = mins[bin].min(h as u32);
            }
            densify(mins)
        };
        let (a, b) = (sign(0..2_000), sign(1_000..3_000));
        let estimate = similarity(&a, &b);
        assert!((estimate - 1.0 / 3.0).abs() < 0.15, "{estimate}");
        assert_eq!(similarity(&a, &a), 1.0);
        assert!(similarity(&a, &sign(5_000..7_000)) < 0.1);
        // A short text fills few bins; densified, it still matches itself
        // and not another short text.
        let (c, d) = (sign(0..20), sign(100..120));
        assert_eq!(similarity(&c, &c), 1.0);
        assert!(similarity(&c, &d) < 0.2);
    }
}
