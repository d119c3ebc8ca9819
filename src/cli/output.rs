//! Writing subcommand results (text, CSV, JSON Lines) in a stable order.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::sync::atomic::AtomicBool;

use serde_json::json;
use wirescope_core::freq::{self, ListView, Stopwords};
use wirescope_core::loader::{Problem, ProblemKind};
use wirescope_core::ngrams::NgramOptions;

use super::{Format, Loaded};

/// `inspect`: one line (or JSON object) per document, sorted by path and
/// record.
pub fn inspect(loaded: &Loaded, as_json: bool, out: &mut dyn Write) -> io::Result<()> {
    let corpus = &loaded.corpus;
    let selected = selection(loaded);
    for ix in corpus.sorted_by_key() {
        if !selected[ix as usize] {
            continue;
        }
        let doc = corpus.doc(ix);
        let fields = corpus.fields(ix, &loaded.overlay);
        let published = fields.published.map(|d| d.format("%Y-%m-%d").to_string());
        let published_from = if loaded
            .overlay
            .correction(&doc.key)
            .and_then(|c| c.published)
            .is_some()
        {
            Some("user".to_owned())
        } else {
            doc.fields.published.from.label()
        };
        if as_json {
            let line = json!({
                "path": doc.key.path,
                "record": doc.key.record,
                "title": fields.title,
                "byline": fields.byline,
                "agency": fields.agency,
                "outlet": fields.outlet,
                "published": published,
                "published_from": published_from,
                "dateline": fields.dateline,
                "words": corpus.word_count(ix),
            });
            writeln!(out, "{line}")?;
        } else {
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                doc.key,
                published.as_deref().unwrap_or("-"),
                fields.agency.unwrap_or("-"),
                fields.outlet.unwrap_or("-"),
                fields.dateline.unwrap_or("-"),
                corpus.word_count(ix),
                fields.title
            )?;
        }
    }
    Ok(())
}

/// Which documents pass the workspace's exclusions and filter, by index.
fn selection(loaded: &Loaded) -> Vec<bool> {
    let mut selected = vec![false; loaded.corpus.len()];
    for ix in wirescope_core::select(&loaded.corpus, &loaded.overlay, &loaded.filter) {
        selected[ix as usize] = true;
    }
    selected
}

/// `stats`: size of the corpus (of the documents a workspace's exclusions
/// and filter leave) and what was skipped.
pub fn stats(loaded: &Loaded, as_json: bool, out: &mut dyn Write) -> io::Result<()> {
    let corpus = &loaded.corpus;
    let docs = wirescope_core::select(corpus, &loaded.overlay, &loaded.filter);
    let all = docs.len() == corpus.len();
    let mut sources: BTreeMap<&str, u64> = BTreeMap::new();
    for &ix in &docs {
        let doc = corpus.doc(ix);
        sources.insert(&doc.key.path, doc.stamp.size_bytes);
    }
    let excluded = corpus
        .docs()
        .iter()
        .filter(|d| loaded.overlay.is_excluded(&d.key))
        .count();
    let filtered_out = corpus.len() - docs.len() - excluded;
    let bytes: u64 = sources.values().sum();
    let problems = |keep: fn(&&Problem) -> bool| -> Vec<&Problem> {
        loaded.report.problems.iter().filter(keep).collect()
    };
    let skipped = problems(|p| p.is_skip());
    let partly = problems(|p| p.kind == ProblemKind::PartlyRead);
    // How each record file was read: as articles or as a sidecar, and
    // which of its columns gave which field.
    let notes = problems(|p| p.kind == ProblemKind::Info);
    let (tokens, types) = if all {
        (corpus.index().total_tokens(), corpus.vocab().folded_count())
    } else {
        let list = freq::word_list(corpus, Some(&docs));
        (list.total_tokens, list.rows.len())
    };
    if as_json {
        let value = json!({
            "documents": docs.len(),
            "documents_loaded": corpus.len(),
            "excluded": excluded,
            "filtered_out": filtered_out,
            "tokens": tokens,
            "types": types,
            "surface_forms": corpus.vocab().surface_count(),
            "bytes": bytes,
            "source_files": sources.len(),
            "files_skipped": skipped.len(),
            "skipped": skipped.iter().map(|p| json!({"path": p.path, "reason": p.reason})).collect::<Vec<_>>(),
            "partly_read": partly.iter().map(|p| json!({"path": p.path, "reason": p.reason})).collect::<Vec<_>>(),
            "notes": notes.iter().map(|p| json!({"path": p.path, "note": p.reason})).collect::<Vec<_>>(),
            "elapsed_secs": loaded.elapsed_secs,
        });
        writeln!(out, "{value}")
    } else {
        writeln!(out, "documents\t{}", docs.len())?;
        if !all {
            writeln!(out, "documents loaded\t{}", corpus.len())?;
            writeln!(out, "excluded\t{excluded}")?;
            writeln!(out, "filtered out\t{filtered_out}")?;
        }
        writeln!(out, "tokens\t{tokens}")?;
        writeln!(out, "types\t{types}")?;
        writeln!(out, "bytes\t{bytes}")?;
        writeln!(out, "source files\t{}", sources.len())?;
        writeln!(out, "files skipped\t{}", skipped.len())?;
        for p in &skipped {
            writeln!(out, "  {}\t{}", p.path, p.reason)?;
        }
        for p in &partly {
            writeln!(out, "  partly read: {}\t{}", p.path, p.reason)?;
        }
        for p in &notes {
            writeln!(out, "note\t{}\t{}", p.path, p.reason)?;
        }
        writeln!(out, "elapsed seconds\t{:.3}", loaded.elapsed_secs)
    }
}

/// `freq`: the word list.
pub fn freq(
    loaded: &Loaded,
    top: usize,
    format: Format,
    stop: Option<&Stopwords>,
    min_len: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let corpus = &loaded.corpus;
    let docs = wirescope_core::select(corpus, &loaded.overlay, &loaded.filter);
    let all = docs.len() == corpus.len();
    let list = freq::word_list(corpus, if all { None } else { Some(&docs) });
    let view = ListView {
        stopwords: stop,
        min_len,
    };
    let rows = freq::visible(corpus, &list, &view).take(top);
    format.print(&list.table(corpus, rows), out)
}

/// `ngrams`: the most frequent runs of words in the documents the filter
/// keeps.
pub fn ngrams(
    loaded: &Loaded,
    options: &NgramOptions,
    top: usize,
    format: Format,
    stopwords: Option<&str>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let corpus = &loaded.corpus;
    let docs = wirescope_core::select(corpus, &loaded.overlay, &loaded.filter);
    let all = docs.len() == corpus.len();
    let stop = stopwords.map(Stopwords::for_language);
    let never = AtomicBool::new(false);
    let docs = if all { None } else { Some(docs.as_slice()) };
    let list = wirescope_core::ngrams::ngrams(corpus, docs, options, stop.as_ref(), &never)
        .unwrap_or_default();
    if list.min_freq > options.min_freq {
        eprintln!(
            "wirescope: listing the n-grams seen at least {} times; every n-gram of a collection \
             this large would not fit in memory",
            list.min_freq
        );
    }
    format.print(&list.table(corpus, top), out)
}
