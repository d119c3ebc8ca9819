//! Per-frame CPU time of the real app in the kittest harness (no GPU).
//!
//! Run: `cargo bench --bench frames` (set `WIRESCOPE_BENCH_CORPUS` to a
//! folder, default `data/bench` from `scripts/fetch-data.sh bench`). It
//! drives a scripted interaction at 1280x800 — idle, scroll the table, show
//! each chart, type a term, then show and scroll every tab that reads the
//! search (concordance, dispersion, collocates) or the table (n-grams,
//! keywords, reprints) — and prints median and p99 of the time of one
//! frame (egui pass plus tessellation), then the same for a synthetic
//! 1,000,000-row table, then the worst frame while a load runs in the
//! background.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use wirescope::app::{Command, Dialogs, StartOptions, WirescopeApp};
use wirescope::core::document::{DocKey, Document, SourceKind, SourceStamp};
use wirescope::core::fields::{ArticleFields, Field, Provenance};
use wirescope::core::loader::Input;
use wirescope::core::session::AnalysisTab;
use wirescope::core::{BatchBuilder, Corpus};

fn harness(inputs: Vec<Input>) -> Harness<'static, WirescopeApp> {
    let start = StartOptions {
        inputs,
        corpus_name: "bench".into(),
        dialogs: Dialogs::scripted(Vec::new()),
        data_dir: None,
    };
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| WirescopeApp::new(cc, start))
}

fn wait_loaded(h: &mut Harness<'static, WirescopeApp>) {
    while h.state().is_loading() {
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    h.step();
}

/// Times `n` frames after running `setup` before each.
fn frames(
    h: &mut Harness<'static, WirescopeApp>,
    n: usize,
    mut setup: impl FnMut(&mut Harness<'static, WirescopeApp>, usize),
) -> Vec<Duration> {
    (0..n)
        .map(|i| {
            setup(h, i);
            let start = Instant::now();
            h.step();
            start.elapsed()
        })
        .collect()
}

fn scripted(h: &mut Harness<'static, WirescopeApp>, label: &str) -> Vec<Duration> {
    let mut all = Vec::new();
    let phase = |name: &str, times: Vec<Duration>, all: &mut Vec<Duration>| {
        if std::env::var_os("WIRESCOPE_BENCH_PHASES").is_some() {
            report(&format!("  {label}: {name}"), times.clone());
        }
        all.extend(times);
    };
    let idle = frames(h, 100, |_, _| {});
    phase("idle", idle, &mut all);
    h.hover_at(egui::pos2(300.0, 400.0));
    let wheel = egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: egui::vec2(0.0, -5.0),
        phase: egui::TouchPhase::Move,
        modifiers: Default::default(),
        source: egui::MouseWheelSource::Wheel,
    };
    let scroll = frames(h, 100, |h, _| h.event(wheel.clone()));
    phase("scroll table", scroll, &mut all);
    for tab in [AnalysisTab::Words, AnalysisTab::Chart, AnalysisTab::Trend] {
        h.state_mut().session.panels.tab = tab;
        let t = frames(h, 50, |_, _| {});
        phase(&format!("{tab:?} tab"), t, &mut all);
    }
    let term = "government";
    let typing = frames(h, term.len(), |h, i| {
        h.state_mut().push(Command::SetQuery(term[..=i].to_owned()));
    });
    phase("typing a term", typing, &mut all);
    // Large corpora search in the background: measure the frames until the
    // result is in, including the one that installs it.
    let mut waiting = Vec::new();
    for _ in 0..10_000 {
        waiting.extend(frames(h, 1, |_, _| {}));
        if !h.state().is_computing() {
            break;
        }
    }
    phase("until the search and trend are in", waiting, &mut all);
    let after = frames(h, 50, |_, _| {});
    phase("after typing", after, &mut all);
    for tab in [
        AnalysisTab::Concordance,
        AnalysisTab::Dispersion,
        AnalysisTab::Collocates,
        AnalysisTab::Ngrams,
        AnalysisTab::Keywords,
        AnalysisTab::Reprints,
    ] {
        h.state_mut().session.panels.tab = tab;
        let t = frames(h, 50, |_, _| {});
        phase(&format!("{tab:?} tab"), t, &mut all);
        let scroll = frames(h, 50, |h, _| h.event(wheel.clone()));
        phase(&format!("{tab:?} scroll"), scroll, &mut all);
    }
    all
}

fn report(label: &str, mut times: Vec<Duration>) {
    times.sort();
    let pick =
        |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize].as_secs_f64() * 1e3;
    println!(
        "{label:<44} frames {:>4}  median {:>7.2} ms  p99 {:>7.2} ms  max {:>7.2} ms",
        times.len(),
        pick(0.5),
        pick(0.99),
        pick(1.0)
    );
}

fn synthetic(n: usize) -> Corpus {
    let words = [
        "election",
        "minister",
        "talks",
        "Moscow",
        "pact",
        "vote",
        "said",
        "the",
        "of",
        "government",
        "court",
        "police",
    ];
    let stamp = std::sync::Arc::new(SourceStamp {
        size_bytes: 0,
        modified_secs: None,
        hash: String::new(),
    });
    let mut corpus = Corpus::default();
    let mut batch = BatchBuilder::default();
    for i in 0..n {
        let title = format!(
            "{} {} {} {i}",
            words[i % 12],
            words[(i / 12) % 12],
            words[(i / 144) % 12]
        );
        let body: Vec<&str> = (0..24).map(|k| words[(i * 7 + k * 5) % 12]).collect();
        let (text, body_start) = Document::compose_text(&title, &body.join(" "));
        let date = chrono::NaiveDate::from_ymd_opt(
            2016 + (i % 5) as i32,
            1 + (i % 12) as u32,
            1 + (i % 28) as u32,
        );
        let mut fields = ArticleFields::default();
        fields.title = Field::found(title, Provenance::Line(0));
        fields.published = Field::found(date.unwrap_or_default(), Provenance::Line(1));
        fields.agency = Field::found(
            ["AFP", "Reuters", "AP", "TASS"][i % 4].to_owned(),
            Provenance::Line(2),
        );
        let doc = Document {
            key: DocKey {
                path: format!("synthetic/{i:07}.txt").into(),
                record: None,
            },
            kind: SourceKind::PlainText,
            stamp: stamp.clone(),
            content_hash: i as u64,
            fields,
            text,
            body_start,
            encoding: "UTF-8",
        };
        batch.push(doc);
        if batch.len() == 10_000 {
            corpus.append(batch.finish());
        }
    }
    corpus.append(batch.finish());
    corpus
}

/// The allocator of the `wirescope` binary (see its `main.rs`), so that the
/// frames measured are the app's.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    let dir = std::env::var_os("WIRESCOPE_BENCH_CORPUS")
        .map_or_else(|| PathBuf::from("data/bench"), PathBuf::from);
    if dir.exists() {
        let started = Instant::now();
        let mut h = harness(vec![Input::Path(dir.clone())]);
        wait_loaded(&mut h);
        println!(
            "loaded {} documents from {} in {:.1} s",
            h.state().corpus.len(),
            dir.display(),
            started.elapsed().as_secs_f64()
        );
        report(
            "scripted interaction, bench corpus",
            scripted(&mut h, "corpus"),
        );
        // A load in the background (loader on all but one thread).
        let mut h2 = harness(Vec::new());
        h2.step();
        h2.state_mut().push(Command::OpenPaths {
            paths: vec![dir],
            mode: wirescope::app::OpenMode::Add,
        });
        let mut during = Vec::new();
        h2.step();
        while h2.state().is_loading() {
            let start = Instant::now();
            h2.step();
            during.push(start.elapsed());
            std::thread::sleep(Duration::from_millis(4));
        }
        report("frames while loading the bench corpus", during);
    } else {
        println!(
            "{} not found: run `scripts/fetch-data.sh bench` for the corpus figures",
            dir.display()
        );
    }
    let started = Instant::now();
    let corpus = synthetic(1_000_000);
    println!(
        "built a synthetic corpus of {} documents in {:.1} s",
        corpus.len(),
        started.elapsed().as_secs_f64()
    );
    let mut h = harness(Vec::new());
    wait_loaded(&mut h);
    h.state_mut().replace_corpus(corpus, "synthetic");
    h.step();
    report(
        "scripted interaction, 1,000,000 rows",
        scripted(&mut h, "1M rows"),
    );
}
