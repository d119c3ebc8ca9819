//! Workspace benchmark: capture + save and open of a workspace over 100,000
//! documents with corrections on 1,000, and a restore (open, load the
//! sources, check them) against a plain load of the folder. No criterion:
//! `cargo bench -p wirescope-core --bench workspace`. The corpus is
//! synthesized in a temporary folder (short wire items of about 1.8 KB,
//! 180 MB in all), so nothing needs fetching. `WIRESCOPE_BENCH_DOCS`
//! changes the document count.

use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;
use wirescope_core::loader::Input;
use wirescope_core::session::Session;
use wirescope_core::{Correction, Overlay, Workspace, load_all};

/// Runs per measurement; the median is reported.
const RUNS: usize = 5;
const FILES_PER_FOLDER: usize = 1_000;

const WORDS: &[&str] = &[
    "government",
    "minister",
    "said",
    "on",
    "the",
    "talks",
    "election",
    "pact",
    "moscow",
    "energy",
    "railway",
    "contract",
    "president",
    "reuters",
    "agency",
    "percent",
    "market",
    "oil",
    "prices",
    "security",
    "council",
    "meeting",
    "week",
    "officials",
    "report",
    "country",
    "foreign",
    "trade",
    "deal",
    "would",
    "not",
    "a",
    "of",
    "in",
    "to",
    "and",
    "with",
    "after",
    "before",
    "region",
];

/// xorshift: deterministic text without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % 1_000_003).unwrap_or(0)
    }

    fn words(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| WORDS[self.next() % WORDS.len()])
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Writes `docs` small articles in folders of 1,000; returns total bytes.
fn synthesize(root: &Path, docs: usize) -> u64 {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut total = 0u64;
    for i in 0..docs {
        let folder = root.join(format!("batch{:03}", i / FILES_PER_FOLDER));
        if i % FILES_PER_FOLDER == 0 {
            std::fs::create_dir_all(&folder).expect("create bench folder");
        }
        let day = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap_or_default()
            + chrono::Days::new((i % 1_000) as u64);
        let text = format!(
            "{}\n\n{}\nBy Reuters\n\nMOSCOW, {} (Reuters) - {}.\n",
            rng.words(8),
            day.format("%B %-d, %Y"),
            day.format("%B %-d"),
            rng.words(260)
        );
        total += text.len() as u64;
        std::fs::write(folder.join(format!("{i:06}.txt")), text).expect("write bench article");
    }
    total
}

fn median(mut secs: Vec<f64>) -> f64 {
    secs.sort_by(f64::total_cmp);
    secs[secs.len() / 2]
}

fn time<T>(mut run: impl FnMut() -> T) -> (f64, T) {
    let mut times = Vec::with_capacity(RUNS);
    let mut last = None;
    for _ in 0..RUNS {
        let started = Instant::now();
        last = Some(run());
        times.push(started.elapsed().as_secs_f64());
    }
    (median(times), last.expect("RUNS > 0"))
}

fn main() {
    let docs: usize = std::env::var("WIRESCOPE_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("temp folder");
    let corpus_dir = dir.path().join("corpus");
    let started = Instant::now();
    let text_bytes = synthesize(&corpus_dir, docs);
    println!(
        "synthesized {docs} documents, {:.1} MB of text, in {:.1} s",
        text_bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );

    let started = Instant::now();
    let (corpus, _) = load_all(&[Input::Path(corpus_dir.clone())], &Default::default());
    let folder_load_secs = started.elapsed().as_secs_f64();
    println!(
        "folder load: {} documents in {folder_load_secs:.2} s",
        corpus.len()
    );

    let mut overlay = Overlay::default();
    for doc in corpus
        .docs()
        .iter()
        .step_by((corpus.len() / 1_000).max(1))
        .take(1_000)
    {
        let correction = Correction {
            title: Some(format!("Corrected headline for {}", doc.key)),
            agency: Some("AFP".to_owned()),
            published: NaiveDate::from_ymd_opt(2017, 5, 1),
            ..Correction::default()
        };
        overlay.set_correction(doc.key.clone(), correction);
    }
    for doc in corpus.docs().iter().skip(7).step_by(1_000) {
        overlay.set_excluded(doc.key.clone(), true);
        overlay
            .tags
            .insert(doc.key.clone(), vec!["check".to_owned()]);
    }
    let mut session = Session::default();
    session.search.query = "election OR pact".to_owned();
    session.reader.doc = corpus.docs().first().map(|d| d.key.clone());
    let ws_path = dir.path().join("bench.wirescope.ron");

    let (capture_save_secs, ()) = time(|| {
        let ws = Workspace::capture(&corpus, &overlay, &session, "bench", &ws_path);
        ws.save(&ws_path).expect("save");
    });
    let (capture_secs, _) =
        time(|| Workspace::capture(&corpus, &overlay, &session, "bench", &ws_path));
    let (open_secs, ws) = time(|| Workspace::open(&ws_path).expect("open"));
    let file_bytes = std::fs::metadata(&ws_path).map(|m| m.len()).unwrap_or(0);
    println!(
        "capture + save: {:.0} ms (capture alone {:.0} ms); open: {:.0} ms (median of {RUNS})",
        capture_save_secs * 1e3,
        capture_secs * 1e3,
        open_secs * 1e3
    );
    println!(
        "workspace file: {} sources, {:.2} MB = {:.1}% of the corpus text ({:.1} MB)",
        ws.sources.len(),
        file_bytes as f64 / 1e6,
        100.0 * file_bytes as f64 / text_bytes as f64,
        text_bytes as f64 / 1e6
    );

    let started = Instant::now();
    let ws = Workspace::open(&ws_path).expect("open");
    let restored = ws.restore(&ws_path);
    let (again, _) = load_all(&restored.inputs, &Default::default());
    let issues = ws.check_sources(&again, &ws_path);
    let restore_secs = started.elapsed().as_secs_f64();
    println!(
        "restore (open + load {} sources + check): {restore_secs:.2} s for {} documents, {} issues; overhead over the folder load {:.2} s",
        ws.sources.len(),
        again.len(),
        issues.len(),
        restore_secs - folder_load_secs
    );
}
