//! Concordance benchmark: query, sort and line timings on a large corpus
//! loaded in process (no criterion; `cargo bench -p wirescope-core --bench
//! kwic`). The corpus folder comes from `WIRESCOPE_BENCH_CORPUS` (default
//! `data/bench`, fetched by `scripts/fetch-data.sh bench`); without it the
//! benchmark says so and exits successfully.

mod common;

use std::time::Instant;

use common::time;
use wirescope_core::loader::Input;
use wirescope_core::query::{
    Concordance, Context, Hits, Matcher, Query, QueryOptions, SortKey, search, sort_order,
};
use wirescope_core::{Corpus, Filter, Overlay, load_all};

/// Runs per measurement; the median is reported.
const RUNS: usize = 5;

fn main() {
    let Some(dir) = common::corpus_dir("kwic") else {
        return;
    };
    let started = Instant::now();
    let (corpus, _) = load_all(&[Input::Path(dir.clone())], &Default::default());
    let load_secs = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let _ = corpus.lexicon();
    println!(
        "corpus {}: {} documents, {} tokens, {} word types; loaded in {load_secs:.2} s, lexicon built in {:.1} ms\n",
        dir.display(),
        corpus.len(),
        corpus.index().total_tokens(),
        corpus.vocab().folded_count(),
        started.elapsed().as_secs_f64() * 1e3
    );
    println!("{:<44} {:>10} {:>10}", "measurement", "result", "median ms");
    let top = most_frequent(&corpus);
    first_screen(&corpus, &top);
    sorted_by_r1(&corpus, "the");
    let rare = rare_word(&corpus);
    first_screen(&corpus, &rare);
    for q in [
        "elect*",
        "t*",
        "/gov.*ment/",
        "putin|kremlin said",
        "\"the united states\"",
    ] {
        expand_and_count(&corpus, q);
    }
}

fn row(what: &str, result: usize, ms: f64) {
    println!("{what:<44} {result:>10} {ms:>10.2}");
}

fn run(corpus: &Corpus, q: &str) -> Hits {
    let query =
        Query::parse(q, QueryOptions::default()).unwrap_or_else(|e| panic!("{}", e.pointed(q)));
    search(corpus, &Overlay::default(), &Filter::default(), &query)
}

fn most_frequent(corpus: &Corpus) -> String {
    let index = corpus.index();
    let best = (0..corpus.vocab().folded_count() as u32)
        .max_by_key(|&w| index.total(w))
        .unwrap_or(0);
    corpus.vocab().folded(best).to_owned()
}

/// An alphabetic word of 8+ letters occurring exactly 3 times (the
/// alphabetically first, so runs compare).
fn rare_word(corpus: &Corpus) -> String {
    let vocab = corpus.vocab();
    corpus
        .lexicon()
        .sorted()
        .iter()
        .map(|&w| (w, vocab.folded(w)))
        .find(|&(w, s)| {
            corpus.index().total(w) == 3 && s.len() >= 8 && s.chars().all(char::is_alphabetic)
        })
        .map_or_else(|| "zyzzyva".to_owned(), |(_, s)| s.to_owned())
}

fn first_screen(corpus: &Corpus, word: &str) {
    let concordance = Concordance::new(corpus);
    let (ms, (hits, lines)) = time(RUNS, || {
        let hits = run(corpus, word);
        let lines = concordance.lines(&hits.hits[..hits.len().min(50)], Context::Words(5));
        (hits.len(), lines.len())
    });
    row(
        &format!("`{word}`: all hits + first {lines} lines"),
        hits,
        ms,
    );
}

fn sorted_by_r1(corpus: &Corpus, word: &str) {
    let overlay = Overlay::default();
    let (search_ms, hits) = time(RUNS, || run(corpus, word));
    let (sort_ms, order) = time(RUNS, || {
        sort_order(corpus, &overlay, &hits.hits, &[SortKey::Right(1)])
    });
    row(&format!("`{word}`: search"), hits.len(), search_ms);
    row(
        &format!("`{word}`: sort all hits by R1"),
        order.len(),
        sort_ms,
    );
    row(
        &format!("`{word}`: search + sort by R1"),
        order.len(),
        search_ms + sort_ms,
    );
    let keys = [SortKey::Left(1), SortKey::Keyword, SortKey::Right(2)];
    let (ms, order) = time(RUNS, || sort_order(corpus, &overlay, &hits.hits, &keys));
    row(
        &format!("`{word}`: sort all hits by L1,KW,R2"),
        order.len(),
        ms,
    );
    let concordance = Concordance::new(corpus);
    let sorted: Vec<_> = order.iter().map(|&i| hits.hits[i as usize]).collect();
    let started = Instant::now();
    let mut count = 0;
    for chunk in sorted.chunks(50_000) {
        count += concordance.lines(chunk, Context::Words(5)).len();
    }
    let ms = started.elapsed().as_secs_f64() * 1e3;
    row(&format!("`{word}`: all lines, sorted order"), count, ms);
}

fn expand_and_count(corpus: &Corpus, q: &str) {
    let query =
        Query::parse(q, QueryOptions::default()).unwrap_or_else(|e| panic!("{}", e.pointed(q)));
    let (ms, (types, total)) = time(RUNS, || {
        let matcher = Matcher::new(corpus, &query);
        let types: usize = matcher.expansions().iter().map(|e| e.folded.len()).sum();
        (types, matcher.total())
    });
    row(
        &format!("`{q}`: expand ({types} types) + count"),
        total as usize,
        ms,
    );
    let (ms, hits) = time(RUNS, || run(corpus, q));
    row(&format!("`{q}`: all hits"), hits.len(), ms);
}
