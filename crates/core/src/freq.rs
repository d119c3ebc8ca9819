//! Word frequencies: word lists over any set of documents, stopwords, and
//! a term's frequency over publication dates.
//!
//! Counting walks the token streams of the chosen documents (integers, not
//! text) into dense arrays indexed by folded word id; for the whole corpus
//! it reads the index's totals directly. [`trend`] buckets hits by day,
//! week, month or year and can split them by agency or outlet; documents
//! without a date are counted and reported, never silently dropped.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::corpus::Corpus;
use crate::index::{DocIx, Posting};
use crate::overlay::Overlay;
use crate::table::{Cell, Table};
use crate::vocab::FoldedId;

/// One row of a word list.
#[derive(Clone, Debug, PartialEq)]
pub struct WordFreq {
    pub word: FoldedId,
    pub count: u64,
    /// Documents containing the word.
    pub documents: u32,
}

/// A word list with the total it is relative to.
#[derive(Clone, Debug, Default)]
pub struct WordList {
    /// Rows sorted by count (descending), then word (ascending).
    pub rows: Vec<WordFreq>,
    /// Tokens in the documents counted.
    pub total_tokens: u64,
}

impl WordList {
    /// Occurrences per million tokens.
    pub fn per_million(&self, count: u64) -> f64 {
        if self.total_tokens == 0 {
            0.0
        } else {
            count as f64 * 1e6 / self.total_tokens as f64
        }
    }
}

impl WordList {
    /// `rows` (the visible ones, in order) as a table: the CLI's and the
    /// window's CSV.
    pub fn table<'a>(&self, corpus: &Corpus, rows: impl Iterator<Item = &'a WordFreq>) -> Table {
        let mut table = Table::new(&["word", "count", "per_million", "documents"]);
        for row in rows {
            table.push(vec![
                corpus.vocab().folded(row.word).into(),
                row.count.into(),
                Cell::Num(self.per_million(row.count), 2),
                row.documents.into(),
            ]);
        }
        table
    }
}

/// Counts every word in `docs` (all documents when `None`).
pub fn word_list(corpus: &Corpus, docs: Option<&[DocIx]>) -> WordList {
    let vocab = corpus.vocab();
    let index = corpus.index();
    let n = vocab.folded_count();
    let (counts, documents, total_tokens) = match docs {
        None => {
            let counts: Vec<u64> = (0..n as FoldedId).map(|w| index.total(w)).collect();
            let documents: Vec<u32> = (0..n as FoldedId)
                .map(|w| index.doc_freq(w) as u32)
                .collect();
            (counts, documents, index.total_tokens())
        }
        Some(docs) => count_subset(corpus, docs),
    };
    let mut rows: Vec<WordFreq> = counts
        .iter()
        .zip(&documents)
        .enumerate()
        .filter(|&(_, (&c, _))| c > 0)
        .map(|(w, (&count, &documents))| WordFreq {
            word: w as FoldedId,
            count,
            documents,
        })
        .collect();
    rows.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| vocab.folded(a.word).cmp(vocab.folded(b.word)))
    });
    WordList { rows, total_tokens }
}

/// Each folded word's occurrences and documents in `docs`, and their tokens.
pub(crate) fn count_subset(corpus: &Corpus, docs: &[DocIx]) -> (Vec<u64>, Vec<u32>, u64) {
    let fold = corpus.vocab().fold_table();
    let n = corpus.vocab().folded_count();
    let mut counts = vec![0u64; n];
    let mut documents = vec![0u32; n];
    let mut last_doc = vec![u32::MAX; n];
    let mut total = 0u64;
    for &doc in docs {
        let stream = corpus.index().stream(doc);
        total += stream.len() as u64;
        stream.for_each(|_, s| {
            let w = fold[s as usize] as usize;
            counts[w] += 1;
            if last_doc[w] != doc {
                last_doc[w] = doc;
                documents[w] += 1;
            }
        });
    }
    (counts, documents, total)
}

/// Words hidden from word lists.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stopwords {
    words: BTreeSet<String>,
}

impl Stopwords {
    /// The kept list for a language (ISO 639-1 code such as "en", "fr",
    /// "ru", "ar"), from the `stop-words` crate; empty when it has none.
    pub fn for_language(code: &str) -> Self {
        let words = language_list(code)
            .map(|list| list.iter().map(|w| w.to_lowercase()).collect())
            .unwrap_or_default();
        Self { words }
    }

    /// The default: English.
    pub fn english() -> Self {
        Self::for_language("en")
    }

    /// Adds user words.
    pub fn extend<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) {
        self.words.extend(
            words
                .into_iter()
                .map(|w| w.trim().to_lowercase())
                .filter(|w| !w.is_empty()),
        );
    }

    /// True when `word` (folded) is a stopword.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Number of words in the list.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when the list is empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Languages offered for stopword lists (code, name).
pub const STOPWORD_LANGUAGES: &[(&str, &str)] = &[
    ("en", "English"),
    ("fr", "French"),
    ("de", "German"),
    ("es", "Spanish"),
    ("it", "Italian"),
    ("pt", "Portuguese"),
    ("ru", "Russian"),
    ("ar", "Arabic"),
    ("ur", "Urdu"),
    ("zh", "Chinese"),
];

fn language_list(code: &str) -> Option<&'static [&'static str]> {
    stop_words::lookup(code).filter(|list| !list.is_empty())
}

/// Which rows of a word list to show.
#[derive(Clone, Debug, Default)]
pub struct ListView<'a> {
    pub stopwords: Option<&'a Stopwords>,
    pub min_len: usize,
}

/// The rows of `list` that pass the view, in order.
pub fn visible<'a>(
    corpus: &'a Corpus,
    list: &'a WordList,
    view: &'a ListView<'a>,
) -> impl Iterator<Item = &'a WordFreq> + 'a {
    let vocab = corpus.vocab();
    list.rows.iter().filter(move |row| {
        let word = vocab.folded(row.word);
        word.chars().count() >= view.min_len && view.stopwords.is_none_or(|s| !s.contains(word))
    })
}

/// Time bucket for trends.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Bucket {
    Day,
    Week,
    #[default]
    Month,
    Year,
}

impl Bucket {
    /// First day of the bucket holding `date`.
    pub fn start(self, date: NaiveDate) -> NaiveDate {
        match self {
            Self::Day => date,
            Self::Week => {
                date - chrono::Duration::days(i64::from(date.weekday().num_days_from_monday()))
            }
            Self::Month => date.with_day(1).unwrap_or(date),
            Self::Year => NaiveDate::from_ymd_opt(date.year(), 1, 1).unwrap_or(date),
        }
    }

    /// All buckets from `first` to `last` inclusive.
    pub fn range(self, first: NaiveDate, last: NaiveDate) -> Vec<NaiveDate> {
        let mut out = Vec::new();
        let mut at = self.start(first);
        while at <= last && out.len() < 100_000 {
            out.push(at);
            at = match self {
                Self::Day => at + chrono::Duration::days(1),
                Self::Week => at + chrono::Duration::days(7),
                Self::Month => at
                    .checked_add_months(chrono::Months::new(1))
                    .unwrap_or(last + chrono::Duration::days(1)),
                Self::Year => at
                    .checked_add_months(chrono::Months::new(12))
                    .unwrap_or(last + chrono::Duration::days(1)),
            };
        }
        out
    }
}

/// How to split a trend into several lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Split {
    #[default]
    None,
    Agency,
    Outlet,
}

/// One line of a trend chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub label: String,
    /// (bucket start, value) for every bucket in the range, zeros included.
    pub points: Vec<(NaiveDate, f64)>,
}

/// A trend: one series per term (and per source when split).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trend {
    pub series: Vec<Series>,
    /// Documents in the set that have no publication date.
    pub undated_docs: usize,
    /// Hits in those undated documents (not plotted).
    pub undated_hits: u64,
}

/// Hits of a term in one document; the caller decides what a term is
/// (a word, a wildcard, a query), so trends follow the query language.
pub type HitCounter<'a> = dyn Fn(DocIx) -> u64 + 'a;

/// Per-bucket counts of each term over `docs`.
///
/// One pass over the documents assigns each a (group, bucket) cell; tokens
/// and hits are then summed into dense arrays, so a million documents cost
/// a few tens of milliseconds, not a map insertion each.
pub fn trend(
    corpus: &Corpus,
    overlay: &Overlay,
    docs: &[DocIx],
    terms: &[(String, &HitCounter<'_>)],
    bucket: Bucket,
    per_million: bool,
    split: Split,
) -> Trend {
    let mut out = Trend::default();
    let mut groups: Vec<String> = Vec::new();
    let mut group_ids: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    // (doc, bucket start, group) for dated documents; undated kept apart.
    let mut dated: Vec<(DocIx, NaiveDate, u32)> = Vec::with_capacity(docs.len());
    let mut undated: Vec<DocIx> = Vec::new();
    for &d in docs {
        let fields = corpus.fields(d, overlay);
        let Some(date) = fields.published else {
            undated.push(d);
            continue;
        };
        let name = match split {
            Split::None => "",
            Split::Agency => fields.agency.unwrap_or("(no agency)"),
            Split::Outlet => fields.outlet.unwrap_or("(no outlet)"),
        };
        let group = match group_ids.get(name) {
            Some(&g) => g,
            None => {
                let g = groups.len() as u32;
                groups.push(name.to_owned());
                group_ids.insert(name.to_owned(), g);
                g
            }
        };
        dated.push((d, bucket.start(date), group));
    }
    out.undated_docs = undated.len();
    let (Some(first), Some(last)) = (
        dated.iter().map(|x| x.1).min(),
        dated.iter().map(|x| x.1).max(),
    ) else {
        out.undated_hits = terms
            .iter()
            .map(|(_, count)| undated.iter().map(|&d| count(d)).sum::<u64>())
            .sum();
        return out;
    };
    let buckets = bucket.range(first, last);
    let slot = |date: NaiveDate| {
        buckets
            .binary_search(&date)
            .unwrap_or_else(|i| i.min(buckets.len() - 1))
    };
    let cells: Vec<usize> = dated
        .iter()
        .map(|&(_, b, g)| g as usize * buckets.len() + slot(b))
        .collect();
    let mut tokens = vec![0u64; groups.len() * buckets.len()];
    for (&(d, _, _), &cell) in dated.iter().zip(&cells) {
        tokens[cell] += corpus.word_count(d) as u64;
    }
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by(|&a, &b| groups[a].cmp(&groups[b]));
    for (term, count) in terms {
        let mut hits = vec![0u64; tokens.len()];
        for (&(d, _, _), &cell) in dated.iter().zip(&cells) {
            hits[cell] += count(d);
        }
        out.undated_hits += undated.iter().map(|&d| count(d)).sum::<u64>();
        for &g in &order {
            let row = g * buckets.len();
            let points = buckets
                .iter()
                .enumerate()
                .map(|(i, &b)| {
                    let n = hits[row + i] as f64;
                    let total = tokens[row + i] as f64;
                    let value = if !per_million {
                        n
                    } else if total > 0.0 {
                        n * 1e6 / total
                    } else {
                        0.0
                    };
                    (b, value)
                })
                .collect();
            let label = if groups[g].is_empty() {
                term.clone()
            } else {
                format!("{term} · {}", groups[g])
            };
            out.series.push(Series { label, points });
        }
    }
    out
}

/// Hits of a single word (case-insensitive) in a document, from the index.
pub fn word_hits<'a>(corpus: &'a Corpus, word: &str) -> impl Fn(DocIx) -> u64 + 'a {
    let postings: Vec<Posting> = corpus
        .vocab()
        .folded_id(word)
        .map_or_else(Vec::new, |w| corpus.index().postings(w).collect());
    move |doc| {
        postings
            .binary_search_by_key(&doc, |p| p.doc)
            .map_or(0, |i| u64::from(postings[i].count))
    }
}
