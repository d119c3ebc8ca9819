//! A 300 MB CSV export streams through the loader in bounded extra memory.
//!
//! Alone in its own test binary, so that the process's peak memory
//! (`VmHWM`) measures this load and nothing else. The sink drops every
//! batch, so what stays is the loader's own working memory: it must be a
//! small fraction of the file, not grow with it.

use std::collections::HashSet;
use std::io::Write;
use std::sync::atomic::AtomicBool;

use wirescope_core::loader::{self, Control, Input, LoadOptions, Progress};

const TARGET_BYTES: u64 = 300 * 1000 * 1000;

/// Peak resident memory of this process so far, in bytes.
fn peak_rss_bytes() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

/// Writes a news-like CSV export of about `TARGET_BYTES`; returns the
/// number of records.
fn write_export(path: &std::path::Path) -> u64 {
    const WORDS: &[&str] = &[
        "the",
        "president",
        "said",
        "on",
        "Friday",
        "that",
        "talks",
        "with",
        "Moscow",
        "would",
        "resume",
        "after",
        "months",
        "of",
        "tension",
        "over",
        "election",
        "interference",
        "officials",
        "in",
        "Washington",
        "and",
        "Beijing",
        "reported",
        "a",
        "new",
        "agreement",
        "covering",
        "trade",
        "security",
        "while",
        "critics",
        "warned",
        "it's",
        "too",
        "early",
        "to",
        "judge",
        "Putin's",
        "offer",
        "1,000",
        "troops",
        "3.5%",
        "growth",
        "U.S.",
        "non-interference",
        "pact",
        "—",
        "“quoted”",
        "Kyiv",
        "São",
        "Paulo",
    ];
    let file = std::fs::File::create(path).unwrap();
    let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
    writeln!(out, "id,title,publish_date,url,text").unwrap();
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let (mut written, mut records) = (0u64, 0u64);
    let mut text = String::new();
    while written < TARGET_BYTES {
        records += 1;
        text.clear();
        let words = 250 + next() % 200;
        for i in 0..words {
            if i > 0 {
                text.push(if next() % 17 == 0 { '\n' } else { ' ' });
            }
            text.push_str(WORDS[(next() % WORDS.len() as u64) as usize]);
        }
        let line = format!(
            "{records},\"Story {records}: talks resume\",2021-{:02}-{:02},https://www.example-news.com/{records},\"{}\"\n",
            1 + next() % 12,
            1 + next() % 28,
            text.replace('"', "\"\"")
        );
        out.write_all(line.as_bytes()).unwrap();
        written += line.len() as u64;
    }
    out.flush().unwrap();
    records
}

#[test]
fn csv_export_of_300_mb_streams_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.csv");
    let records = write_export(&path);
    let size = std::fs::metadata(&path).unwrap().len();
    let before = peak_rss_bytes();
    let started = std::time::Instant::now();
    let progress = Progress::default();
    let cancel = AtomicBool::new(false);
    let control = Control::without_waker(&progress, &cancel);
    let mut docs = 0u64;
    let mut tokens = 0u64;
    let report = loader::load(
        &[Input::Path(path.clone())],
        &HashSet::new(),
        &LoadOptions::default(),
        &control,
        &mut |batch| {
            docs += batch.len() as u64;
            tokens += batch.token_count() as u64;
        },
    );
    let extra = peak_rss_bytes().saturating_sub(before);
    eprintln!(
        "{size} bytes, {records} records, {tokens} tokens in {:.1} s; peak memory grew by {} MB",
        started.elapsed().as_secs_f64(),
        extra / 1_000_000
    );
    assert_eq!(docs, records, "{:#?}", report.problems);
    assert!(report.problems.iter().all(|p| !p.is_skip()));
    let end = progress.snapshot();
    assert_eq!(end.bytes_done, end.bytes_total);
    assert_eq!(end.docs_done, records);
    assert!(
        extra < size / 4,
        "loading a {size}-byte export took {extra} extra bytes"
    );
}
