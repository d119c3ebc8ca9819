//! Prints every loaded document's key, fields and a hash of its text, one
//! line each in key order: run before and after a parser change and diff
//! the outputs to prove the change kept the results.
//!
//! `cargo run -p wirescope-core --release --example dump_fields -- DIR...`

use wirescope_core::fields::{ArticleFields, Field};
use wirescope_core::loader::{Input, LoadOptions};

fn main() {
    let inputs: Vec<Input> = std::env::args_os()
        .skip(1)
        .map(|p| Input::Path(p.into()))
        .collect();
    let (corpus, _) = wirescope_core::load_all(&inputs, &LoadOptions::default());
    let mut lines: Vec<String> = corpus
        .docs()
        .iter()
        .map(|d| {
            format!(
                "{} {} {:016x} {}",
                d.key,
                d.body_start,
                xxhash_rust::xxh3::xxh3_64(d.text.as_bytes()),
                describe(&d.fields)
            )
        })
        .collect();
    lines.sort_unstable();
    for line in lines {
        println!("{line}");
    }
}

/// Every field as value and provenance (label and description).
fn describe(f: &ArticleFields) -> String {
    fn one<T: std::fmt::Debug>(name: &str, f: &Field<T>) -> String {
        format!(
            "{name}={:?}@{:?}/{}",
            f.get(),
            f.from.label(),
            f.from.describe()
        )
    }
    [
        one("title", &f.title),
        one("byline", &f.byline),
        one("agency", &f.agency),
        one("outlet", &f.outlet),
        one("published", &f.published),
        one("captured", &f.captured),
        one("dateline", &f.dateline),
        one("subtitle", &f.subtitle),
        one("url", &f.url),
    ]
    .join(" ")
}
