//! Collocates: the words that keep company with a query's hits.
//!
//! For every hit of a search, the words within a window of `left` words
//! before it and `right` words after it (inside the same document, never the
//! hit's own words) are counted by their case-folded form. Each word's
//! count in the windows is then set against its frequency in the documents
//! searched, with the usual association measures of corpus linguistics
//! (Evert, *The Statistics of Word Cooccurrences*, 2005; Rychlý, *A
//! Lexicographer-Friendly Association Score*, 2008), from the 2x2 table:
//!
//! |                | the word | other words |
//! | ---            | ---      | ---         |
//! | in the windows | O11      | O12         |
//! | elsewhere      | O21      | O22         |
//!
//! where the row total R1 is the number of tokens in all windows, the
//! column total C1 the word's frequency in the searched documents, and N
//! their tokens; expected counts are `E_ij = R_i C_j / N`.
//!
//! Everything comes from the token streams and the index: the text is not
//! read. A frequent node ("the", 900,000 hits) costs one pass over its
//! windows (about ten million tokens).

use serde::{Deserialize, Serialize};

use super::search::{Hit, Hits};
use crate::corpus::Corpus;
use crate::freq::Stopwords;
use crate::table::{Cell, Table};
use crate::vocab::FoldedId;

/// How collocates are ranked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Measure {
    /// Dunning's log-likelihood (G2), signed: negative when the word is
    /// rarer near the node than elsewhere. Favours frequent, reliable pairs.
    #[default]
    LogLikelihood,
    /// Pointwise mutual information, log2(O11 / E11). Favours rare, exclusive
    /// pairs; use it with a minimum frequency.
    MutualInformation,
    /// t-score, (O11 - E11) / sqrt(O11). Favours frequent pairs.
    TScore,
    /// logDice, 14 + log2(2 O11 / (node hits + word frequency)): does not
    /// depend on the corpus size, so scores compare across corpora.
    LogDice,
    /// The count in the windows alone.
    Frequency,
}

impl Measure {
    /// Every measure, in menu order.
    pub const ALL: [Measure; 5] = [
        Measure::LogLikelihood,
        Measure::MutualInformation,
        Measure::TScore,
        Measure::LogDice,
        Measure::Frequency,
    ];

    /// The measure's usual short name.
    pub fn name(self) -> &'static str {
        match self {
            Measure::LogLikelihood => "log-likelihood",
            Measure::MutualInformation => "MI",
            Measure::TScore => "t-score",
            Measure::LogDice => "logDice",
            Measure::Frequency => "frequency",
        }
    }

    /// The name used on the command line (`ll`, `mi`, `t`, `dice`, `freq`).
    pub fn key(self) -> &'static str {
        match self {
            Measure::LogLikelihood => "ll",
            Measure::MutualInformation => "mi",
            Measure::TScore => "t",
            Measure::LogDice => "dice",
            Measure::Frequency => "freq",
        }
    }

    /// The measure named by [`Self::key`] or [`Self::name`] (any case).
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        Self::ALL
            .into_iter()
            .find(|m| m.key().eq_ignore_ascii_case(text) || m.name().eq_ignore_ascii_case(text))
    }

    /// This measure's score of a collocate.
    pub fn score(self, c: &Collocate) -> f64 {
        match self {
            Measure::LogLikelihood => c.log_likelihood,
            Measure::MutualInformation => c.mi,
            Measure::TScore => c.t_score,
            Measure::LogDice => c.log_dice,
            Measure::Frequency => f64::from(c.freq()),
        }
    }
}

/// What to count and how to rank it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct CollocateOptions {
    /// Words before the hit.
    pub left: u32,
    /// Words after the hit.
    pub right: u32,
    /// Hide words seen fewer times than this in the windows.
    pub min_freq: u32,
    pub measure: Measure,
}

impl Default for CollocateOptions {
    fn default() -> Self {
        Self {
            left: 5,
            right: 5,
            min_freq: 3,
            measure: Measure::LogLikelihood,
        }
    }
}

/// Longest window on one side: a wider one is no longer "company".
pub const MAX_SPAN: u32 = 50;

/// One word found near the node, with its counts and scores.
#[derive(Clone, Debug, PartialEq)]
pub struct Collocate {
    pub word: FoldedId,
    /// Times in the windows before the hits...
    pub left: u32,
    /// ...and after them.
    pub right: u32,
    /// Occurrences in the documents searched.
    pub corpus_freq: u64,
    pub log_likelihood: f64,
    pub mi: f64,
    pub t_score: f64,
    pub log_dice: f64,
}

impl Collocate {
    /// Times in the windows, both sides (O11).
    pub fn freq(&self) -> u32 {
        self.left.saturating_add(self.right)
    }
}

/// Collocates of one search, ranked.
#[derive(Clone, Debug, Default)]
pub struct Collocates {
    /// Best first by the chosen measure, then by frequency, then by word.
    pub rows: Vec<Collocate>,
    /// Hits of the node.
    pub node_freq: u64,
    /// Tokens in all the windows (R1).
    pub window_tokens: u64,
    /// Tokens in the documents searched (N).
    pub scope_tokens: u64,
}

impl Collocates {
    /// The first `limit` rows as a table (the CLI's and the window's CSV).
    pub fn table(&self, corpus: &Corpus, limit: usize) -> Table {
        let mut table = Table::new(&[
            "word",
            "freq",
            "left",
            "right",
            "corpus_freq",
            "ll",
            "mi",
            "t",
            "logdice",
        ]);
        for c in self.rows.iter().take(limit) {
            table.push(vec![
                corpus.vocab().folded(c.word).into(),
                c.freq().into(),
                c.left.into(),
                c.right.into(),
                c.corpus_freq.into(),
                Cell::Num(c.log_likelihood, 3),
                Cell::Num(c.mi, 3),
                Cell::Num(c.t_score, 3),
                Cell::Num(c.log_dice, 3),
            ]);
        }
        table
    }
}

/// Counts and ranks the collocates of `hits`; words in `stopwords` are
/// left out of the rows (their tokens still count in the totals).
pub fn collocates(
    corpus: &Corpus,
    hits: &Hits,
    options: &CollocateOptions,
    stopwords: Option<&Stopwords>,
) -> Collocates {
    let (left, right) = (options.left.min(MAX_SPAN), options.right.min(MAX_SPAN));
    let vocab = corpus.vocab();
    let fold = vocab.fold_table();
    let n_words = vocab.folded_count();
    let mut near = vec![(0u32, 0u32); n_words];
    let mut window_tokens = 0u64;
    for doc_hits in &hits.per_doc {
        let stream = corpus.index().stream(doc_hits.doc);
        let len = stream.len() as u32;
        for hit in hits.in_doc(doc_hits.doc) {
            let before = hit.pos.saturating_sub(left)..hit.pos.min(len);
            let after_start = hit.pos.saturating_add(hit.len).min(len);
            let after = after_start..after_start.saturating_add(right).min(len);
            window_tokens += u64::from(before.len() as u32 + after.len() as u32);
            for i in before {
                if let Some(s) = stream.get(i as usize) {
                    near[fold[s as usize] as usize].0 += 1;
                }
            }
            for i in after {
                if let Some(s) = stream.get(i as usize) {
                    near[fold[s as usize] as usize].1 += 1;
                }
            }
        }
    }
    // Frequencies in the searched documents: the index's totals when that
    // is every document (read for the words found near the hits only),
    // else one count over them.
    let index = corpus.index();
    let subset = (hits.selected.len() != corpus.len())
        .then(|| crate::freq::count_subset(corpus, &hits.selected));
    let scope_tokens = subset.as_ref().map_or(index.total_tokens(), |s| s.2);
    let corpus_freq = |w: usize| match &subset {
        Some((counts, _, _)) => counts[w],
        None => index.total(w as FoldedId),
    };
    let table = Totals {
        node: hits.len() as u64,
        window: window_tokens,
        scope: scope_tokens,
    };
    let mut rows: Vec<Collocate> = near
        .iter()
        .enumerate()
        .filter(|(_, (l, r))| l + r >= options.min_freq.max(1))
        .filter(|(w, _)| !stopwords.is_some_and(|s| s.contains(vocab.folded(*w as FoldedId))))
        .map(|(w, &(l, r))| table.score(w as FoldedId, l, r, corpus_freq(w)))
        .collect();
    let measure = options.measure;
    rows.sort_by(|a, b| {
        measure
            .score(b)
            .total_cmp(&measure.score(a))
            .then(b.freq().cmp(&a.freq()))
            .then_with(|| vocab.folded(a.word).cmp(vocab.folded(b.word)))
    });
    Collocates {
        rows,
        node_freq: table.node,
        window_tokens,
        scope_tokens,
    }
}

/// True when the folded `word` occurs within `left` words before `hit` or
/// `right` words after it, in the same document: the concordance lines
/// behind one collocate's count.
pub fn is_near(corpus: &Corpus, hit: Hit, word: FoldedId, left: u32, right: u32) -> bool {
    let (left, right) = (left.min(MAX_SPAN), right.min(MAX_SPAN));
    let stream = corpus.index().stream(hit.doc);
    let fold = corpus.vocab().fold_table();
    let len = stream.len() as u32;
    let after = hit.pos.saturating_add(hit.len).min(len);
    let before = hit.pos.saturating_sub(left)..hit.pos.min(len);
    before
        .chain(after..after.saturating_add(right).min(len))
        .any(|i| {
            stream
                .get(i as usize)
                .is_some_and(|s| fold[s as usize] == word)
        })
}

/// The margins every word's 2x2 table shares.
struct Totals {
    node: u64,
    window: u64,
    scope: u64,
}

impl Totals {
    fn score(&self, word: FoldedId, left: u32, right: u32, corpus_freq: u64) -> Collocate {
        let o11 = f64::from(left) + f64::from(right);
        let n = self.scope.max(1) as f64;
        let r1 = self.window as f64;
        // A word can sit in two overlapping windows, so its count there may
        // pass its frequency: the table's other cells are kept at zero or more.
        let c1 = (corpus_freq as f64).max(o11);
        let e11 = r1 * c1 / n;
        let o12 = (r1 - o11).max(0.0);
        let o21 = (c1 - o11).max(0.0);
        let o22 = (n - r1 - c1 + o11).max(0.0);
        let r2 = n - r1;
        let c2 = n - c1;
        let cell = |o: f64, e: f64| {
            if o > 0.0 && e > 0.0 {
                o * (o / e).ln()
            } else {
                0.0
            }
        };
        let g2 = 2.0
            * (cell(o11, e11)
                + cell(o12, r1 * c2 / n)
                + cell(o21, r2 * c1 / n)
                + cell(o22, r2 * c2 / n));
        let log_likelihood = if o11 < e11 { -g2.abs() } else { g2.abs() };
        Collocate {
            word,
            left,
            right,
            corpus_freq,
            log_likelihood,
            mi: if e11 > 0.0 { (o11 / e11).log2() } else { 0.0 },
            t_score: (o11 - e11) / o11.sqrt(),
            log_dice: 14.0 + (2.0 * o11 / (self.node as f64 + c1)).log2(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_follow_the_textbook_formulas() {
        // Evert's example sizes: N = 1,000,000 tokens, 10,000 window tokens,
        // a word of frequency 100 seen 20 times near 1,000 node hits.
        let totals = Totals {
            node: 1_000,
            window: 10_000,
            scope: 1_000_000,
        };
        let c = totals.score(7, 12, 8, 100);
        assert_eq!(c.freq(), 20);
        // E11 = 10,000 * 100 / 1,000,000 = 1.
        assert!((c.mi - 20f64.log2()).abs() < 1e-9);
        assert!((c.t_score - 19.0 / 20f64.sqrt()).abs() < 1e-9);
        assert!((c.log_dice - (14.0 + (40.0f64 / 1_100.0).log2())).abs() < 1e-9);
        // G2 computed cell by cell from the table.
        let (o, e) = (
            [20.0f64, 9_980.0, 80.0, 989_920.0],
            [1.0f64, 9_999.0, 99.0, 989_901.0],
        );
        let g2: f64 = 2.0 * o.iter().zip(e).map(|(o, e)| o * (o / e).ln()).sum::<f64>();
        assert!(
            (c.log_likelihood - g2).abs() < 1e-6,
            "{} {g2}",
            c.log_likelihood
        );
        // Seen less often than expected: a negative log-likelihood.
        let rare = totals.score(8, 1, 0, 50_000);
        assert!(rare.log_likelihood < 0.0 && rare.mi < 0.0);
    }

    #[test]
    fn measures_parse_by_key_and_name() {
        for m in Measure::ALL {
            assert_eq!(Measure::parse(m.key()), Some(m));
            assert_eq!(Measure::parse(&m.name().to_uppercase()), Some(m));
        }
        assert_eq!(Measure::parse("chi2"), None);
    }
}
