//! Benchmark of the analyses behind the window's tabs, on a large corpus
//! loaded in process (no criterion; `cargo bench -p wirescope-core --bench
//! analyses`): collocates of a frequent and a rarer node, n-grams of two to
//! four words, keywords of one half of the corpus against the other, and
//! reprint detection over every document. The corpus folder comes from
//! `WIRESCOPE_BENCH_CORPUS` (default `data/bench`, fetched by
//! `scripts/fetch-data.sh bench`); without it the benchmark says so and
//! exits successfully.

mod common;

use std::sync::atomic::AtomicBool;

use common::time;
use wirescope_core::freq::Stopwords;
use wirescope_core::keyness::{KeynessOptions, keywords};
use wirescope_core::loader::Input;
use wirescope_core::ngrams::{NgramOptions, ngrams};
use wirescope_core::query::{CollocateOptions, Query, QueryOptions, collocates, search};
use wirescope_core::reprints::{ReprintOptions, reprints};
use wirescope_core::{DocIx, Filter, Overlay, load_all};

/// Runs per measurement; the median is reported.
const RUNS: usize = 3;

fn main() {
    let Some(dir) = common::corpus_dir("analyses") else {
        return;
    };
    let (corpus, _) = load_all(&[Input::Path(dir.clone())], &Default::default());
    println!(
        "corpus {}: {} documents, {} tokens\n",
        dir.display(),
        corpus.len(),
        corpus.index().total_tokens()
    );
    println!("{:<48} {:>10} {:>10}", "measurement", "result", "median ms");
    let overlay = Overlay::default();
    let never = AtomicBool::new(false);
    let stop = Stopwords::english();
    for node in ["the", "president"] {
        let query = Query::parse(node, QueryOptions::default()).unwrap_or_else(|_| unreachable!());
        let hits = search(&corpus, &overlay, &Filter::default(), &query);
        let (ms, found) = time(RUNS, || {
            collocates(&corpus, &hits, &CollocateOptions::default(), Some(&stop))
        });
        row(
            &format!("collocates of {node:?} ({} hits), 5L/5R", hits.len()),
            found.rows.len(),
            ms,
        );
    }
    for n in 2..=4 {
        let options = NgramOptions { n, min_freq: 2 };
        let (ms, list) = time(RUNS, || {
            ngrams(&corpus, None, &options, Some(&stop), &never)
        });
        let rows = list.map_or(0, |l| l.rows.len());
        row(
            &format!("{n}-grams seen twice or more, no stopword edges"),
            rows,
            ms,
        );
    }
    let half = corpus.len() as DocIx / 2;
    let (first, second): (Vec<DocIx>, Vec<DocIx>) =
        (0..corpus.len() as DocIx).partition(|&d| d < half);
    let (ms, found) = time(RUNS, || {
        keywords(&corpus, &first, &second, &KeynessOptions::default(), None)
    });
    row(
        "keywords of one half against the other",
        found.rows.len(),
        ms,
    );
    let all: Vec<DocIx> = (0..corpus.len() as DocIx).collect();
    let (ms, stories) = time(RUNS, || {
        reprints(&corpus, &overlay, &all, &ReprintOptions::default(), &never)
    });
    row(
        "reprints among every document (stories)",
        stories.map_or(0, |s| s.len()),
        ms,
    );
}

fn row(what: &str, result: usize, ms: f64) {
    println!("{what:<48} {result:>10} {ms:>10.1}");
}
