//! Scoring article fields the way `dev/score.py` does, shared by the
//! development-set and held-out-style tests.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;
use wirescope_core::article::{ParsedArticle, parse_plain};
use wirescope_core::text::decode_bytes;

/// The fields scored, in the order of `score.py`'s report.
pub const FIELDS: [&str; 4] = ["title", "published", "agency", "dateline"];

/// The repository's root folder.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Decodes a saved page as the loader does and parses it.
pub fn parse_bytes(bytes: &[u8], name: &str) -> ParsedArticle {
    let decoded = decode_bytes(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    parse_plain(&decoded.text, name)
}

/// `score.py`'s normalisation: NFKC, trim, strip colons, fold spaces, casefold.
fn norm(s: Option<&str>) -> Option<String> {
    let s: String = s?.nfkc().collect();
    let s = s.trim().trim_matches(':').trim();
    let s = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    (!s.is_empty()).then_some(s)
}

/// Whether a field's value matches the expected one under `score.py`'s
/// rules: normalised, dates on their first ten characters, datelines on
/// their first comma-separated part.
pub fn field_matches(field: &str, want: Option<&str>, have: Option<&str>) -> bool {
    let (mut want, mut have) = (norm(want), norm(have));
    if field == "published" {
        have = have.map(|h| h.chars().take(10).collect());
    }
    if field == "dateline" && want.is_some() && have.is_some() {
        let first =
            |s: Option<String>| s.map(|s| s.split(',').next().unwrap_or("").trim().to_owned());
        (want, have) = (first(want), first(have));
    }
    want == have
}

/// A parsed field's value as `inspect --json` prints it.
pub fn got(parsed: &ParsedArticle, field: &str) -> Option<String> {
    let f = &parsed.fields;
    match field {
        "title" => f.title.get().cloned(),
        "published" => f.published.get().map(NaiveDate::to_string),
        "agency" => f.agency.get().cloned(),
        "dateline" => f.dateline.get().cloned(),
        _ => None,
    }
}
