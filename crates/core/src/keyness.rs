//! Keywords: the words a sub-collection (the target: AFP's stories, one
//! month, the documents of a search) uses markedly more, or less, than a
//! reference collection (the rest of the corpus, another agency).
//!
//! Each word's frequency in the target and in the reference is compared
//! with the signed log-likelihood (Rayson and Garside, 2000: positive when
//! the target uses the word more) for how sure the difference is, and the
//! log ratio (Hardie, 2014: log2 of the ratio of relative frequencies, 1
//! meaning twice as frequent) for how large it is. A word absent from one
//! side counts as 0.5 there in the log ratio, so it stays finite.

use serde::{Deserialize, Serialize};

use crate::corpus::Corpus;
use crate::freq::{Stopwords, count_subset};
use crate::index::DocIx;
use crate::table::{Cell, Table};
use crate::vocab::FoldedId;

/// Which keywords to list.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct KeynessOptions {
    /// Leave out words seen fewer times than this in both sides together.
    pub min_freq: u32,
    /// List the words the target uses less (negative keywords) instead.
    pub negative: bool,
}

impl Default for KeynessOptions {
    fn default() -> Self {
        Self {
            min_freq: 5,
            negative: false,
        }
    }
}

/// One word's frequencies on both sides and its scores.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    pub word: FoldedId,
    pub target: u64,
    pub reference: u64,
    /// Signed: positive when the target uses the word more.
    pub log_likelihood: f64,
    pub log_ratio: f64,
}

/// Keywords of a target against a reference.
#[derive(Clone, Debug, Default)]
pub struct Keywords {
    /// Most key first: the largest log-likelihood (the most negative for
    /// negative keywords), then the word.
    pub rows: Vec<Keyword>,
    pub target_docs: usize,
    pub reference_docs: usize,
    pub target_tokens: u64,
    pub reference_tokens: u64,
}

impl Keywords {
    /// The first `limit` rows as a table (the CLI's and the window's CSV).
    pub fn table(&self, corpus: &Corpus, limit: usize) -> Table {
        let mut table = Table::new(&[
            "word",
            "target",
            "reference",
            "target_per_million",
            "reference_per_million",
            "ll",
            "log_ratio",
        ]);
        for k in self.rows.iter().take(limit) {
            table.push(vec![
                corpus.vocab().folded(k.word).into(),
                k.target.into(),
                k.reference.into(),
                Cell::Num(self.target_per_million(k.target), 2),
                Cell::Num(self.reference_per_million(k.reference), 2),
                Cell::Num(k.log_likelihood, 3),
                Cell::Num(k.log_ratio, 3),
            ]);
        }
        table
    }

    /// A target frequency per million target tokens.
    pub fn target_per_million(&self, count: u64) -> f64 {
        per_million(count, self.target_tokens)
    }

    /// A reference frequency per million reference tokens.
    pub fn reference_per_million(&self, count: u64) -> f64 {
        per_million(count, self.reference_tokens)
    }
}

fn per_million(count: u64, tokens: u64) -> f64 {
    if tokens == 0 {
        0.0
    } else {
        count as f64 * 1e6 / tokens as f64
    }
}

/// Compares the words of `target` with those of `reference`; words of
/// `stopwords` are left out of the rows (their tokens still count).
pub fn keywords(
    corpus: &Corpus,
    target: &[DocIx],
    reference: &[DocIx],
    options: &KeynessOptions,
    stopwords: Option<&Stopwords>,
) -> Keywords {
    let (t_counts, _, t_tokens) = count_subset(corpus, target);
    let (r_counts, _, r_tokens) = count_subset(corpus, reference);
    let vocab = corpus.vocab();
    let sign = if options.negative { -1.0 } else { 1.0 };
    let mut rows: Vec<Keyword> = t_counts
        .iter()
        .zip(&r_counts)
        .enumerate()
        .filter(|(_, (t, r))| *t + *r >= u64::from(options.min_freq.max(1)))
        .filter(|(w, _)| !stopwords.is_some_and(|s| s.contains(vocab.folded(*w as FoldedId))))
        .map(|(w, (&t, &r))| score(w as FoldedId, t, r, t_tokens, r_tokens))
        .filter(|k| sign * k.log_likelihood > 0.0)
        .collect();
    rows.sort_by(|a, b| {
        (sign * b.log_likelihood)
            .total_cmp(&(sign * a.log_likelihood))
            .then_with(|| vocab.folded(a.word).cmp(vocab.folded(b.word)))
    });
    Keywords {
        rows,
        target_docs: target.len(),
        reference_docs: reference.len(),
        target_tokens: t_tokens,
        reference_tokens: r_tokens,
    }
}

fn score(word: FoldedId, a: u64, b: u64, c: u64, d: u64) -> Keyword {
    let (fa, fb, fc, fd) = (a as f64, b as f64, c.max(1) as f64, d.max(1) as f64);
    let e1 = fc * (fa + fb) / (fc + fd);
    let e2 = fd * (fa + fb) / (fc + fd);
    let cell = |o: f64, e: f64| {
        if o > 0.0 && e > 0.0 {
            o * (o / e).ln()
        } else {
            0.0
        }
    };
    let g2 = 2.0 * (cell(fa, e1) + cell(fb, e2));
    let more = fa / fc > fb / fd;
    let log_ratio = ((fa.max(0.5) / fc) / (fb.max(0.5) / fd)).log2();
    Keyword {
        word,
        target: a,
        reference: b,
        log_likelihood: if more { g2 } else { -g2 },
        log_ratio,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_follow_rayson_and_hardie() {
        // 100 in 10,000 target words against 100 in 100,000 reference words.
        let k = score(0, 100, 100, 10_000, 100_000);
        let e1 = 10_000.0 * 200.0 / 110_000.0;
        let e2 = 100_000.0 * 200.0 / 110_000.0;
        let g2 = 2.0 * (100.0 * (100.0f64 / e1).ln() + 100.0 * (100.0f64 / e2).ln());
        assert!((k.log_likelihood - g2).abs() < 1e-9);
        assert!(
            (k.log_ratio - 10f64.log2()).abs() < 1e-9,
            "ten times as frequent"
        );
        // The other way round: negative, and symmetric.
        let back = score(0, 100, 100, 100_000, 10_000);
        assert!((back.log_likelihood + g2).abs() < 1e-9);
        assert!((back.log_ratio + 10f64.log2()).abs() < 1e-9);
        // Absent from the reference: 0.5 stands in for 0.
        let only = score(0, 8, 0, 1_000, 1_000);
        assert!((only.log_ratio - 4.0).abs() < 1e-9);
        assert!(only.log_likelihood > 0.0);
    }
}
