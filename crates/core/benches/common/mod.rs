//! Shared by the in-process benchmarks: the corpus folder and timing.

#![allow(dead_code)]

use std::path::PathBuf;
use std::time::Instant;

/// The corpus folder: `WIRESCOPE_BENCH_CORPUS`, else `data/bench`
/// (`scripts/fetch-data.sh bench`). `None`, after saying so, when it is
/// not there: the benchmark then exits successfully.
pub fn corpus_dir(bench: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("WIRESCOPE_BENCH_CORPUS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/bench"),
        PathBuf::from,
    );
    if dir.is_dir() {
        Some(dir)
    } else {
        println!(
            "{bench} bench: no corpus at {} (run scripts/fetch-data.sh bench or set WIRESCOPE_BENCH_CORPUS); skipped",
            dir.display()
        );
        None
    }
}

/// Median wall time of `runs` runs of `f`, in milliseconds, and its last
/// result.
pub fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        last = Some(f());
        times.push(started.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    let Some(out) = last else {
        unreachable!("at least one run")
    };
    (times[times.len() / 2], out)
}
