//! Times `parse_plain` alone, single-threaded, on every `.txt`-like file
//! under the given folders (read into memory first): a steadier figure
//! than a whole load on a shared machine.
//!
//! `cargo run -p wirescope-core --release --example parse_time -- DIR...`

use std::time::Instant;

fn main() {
    let mut texts: Vec<(String, String)> = Vec::new();
    for root in std::env::args().skip(1) {
        for entry in walkdir::WalkDir::new(root).into_iter().flatten() {
            let path = entry.path();
            let record = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ["csv", "jsonl", "json", "html", "htm"].contains(&e));
            if !entry.file_type().is_file() || record {
                continue;
            }
            if let Ok(bytes) = std::fs::read(path) {
                let name = entry.file_name().to_string_lossy().into_owned();
                texts.push((name, String::from_utf8_lossy(&bytes).into_owned()));
            }
        }
    }
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let mut best = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        let mut body = 0;
        for (name, text) in &texts {
            body += wirescope_core::article::parse_plain(text, name).body.len();
        }
        best = best.min(t.elapsed().as_secs_f64());
        std::hint::black_box(body);
    }
    println!(
        "{} files, {:.1} MB: best of 3 {best:.3} s ({:.0} MB/s)",
        texts.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / best
    );
}
