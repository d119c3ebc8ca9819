//! `wirescope reprints`: the same story published more than once (wire
//! copy reprinted by several outlets), as in the window's Reprints tab.

use std::io::{self, Write};
use std::sync::atomic::AtomicBool;

use clap::Args;
use serde_json::json;
use wirescope_core::reprints::{ReprintOptions, reprints};

use super::{CorpusArgs, Format, Loaded};

/// Arguments of `wirescope reprints`.
#[derive(Args, Debug)]
#[command(
    after_help = "Output: one line per document of each story found (story \
numbered from 1, largest first; inside a story the earliest first): story, copies, \
path, record, published, agency, outlet, similarity (estimated Jaccard similarity \
of its 5-word shingles to the story's first document), title."
)]
pub struct ReprintsArgs {
    #[command(flatten)]
    pub corpus: CorpusArgs,
    /// How alike two documents must be: estimated share of their 5-word
    /// runs in common (Jaccard similarity), 0.1 to 1.
    #[arg(long, default_value_t = 0.5, value_parser = similarity)]
    pub similarity: f32,
    /// Documents with fewer words are not compared.
    #[arg(long, default_value_t = 40)]
    pub min_words: usize,
    /// Stories with fewer copies are not listed.
    #[arg(long, default_value_t = 2)]
    pub min_copies: usize,
    /// Output format; `json` is JSON Lines.
    #[arg(long, value_enum, default_value_t = Format::Tsv)]
    pub format: Format,
}

fn similarity(text: &str) -> Result<f32, String> {
    match text.parse::<f32>() {
        Ok(x) if (0.1..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("not a similarity from 0.1 to 1: {text}")),
    }
}

/// Writes every document of every story found among the documents the
/// filter keeps.
pub fn write(loaded: &Loaded, args: &ReprintsArgs, out: &mut dyn Write) -> io::Result<()> {
    let corpus = &loaded.corpus;
    let docs = wirescope_core::select(corpus, &loaded.overlay, &loaded.filter);
    let options = ReprintOptions {
        similarity: args.similarity,
        min_words: args.min_words,
    };
    let never = AtomicBool::new(false);
    let stories = reprints(corpus, &loaded.overlay, &docs, &options, &never).unwrap_or_default();
    let stories: Vec<_> = stories
        .into_iter()
        .filter(|s| s.docs.len() >= args.min_copies)
        .collect();
    let copies: usize = stories.iter().map(|s| s.docs.len()).sum();
    eprintln!(
        "wirescope: {} stories published more than once, {copies} documents",
        stories.len()
    );
    let mut table = (args.format != Format::Json).then(|| args.format.table(Vec::new()));
    if let Some(w) = table.as_mut() {
        w.write_record([
            "story",
            "copies",
            "path",
            "record",
            "published",
            "agency",
            "outlet",
            "similarity",
            "title",
        ])?;
    }
    for (n, story) in stories.iter().enumerate() {
        for (&doc, &sim) in story.docs.iter().zip(&story.similarity) {
            let fields = corpus.fields(doc, &loaded.overlay);
            let key = &corpus.doc(doc).key;
            let published = fields.published.map(|d| d.format("%Y-%m-%d").to_string());
            match table.as_mut() {
                Some(w) => w.write_record([
                    (n + 1).to_string(),
                    story.docs.len().to_string(),
                    key.path.to_string(),
                    key.record.map(|r| r.to_string()).unwrap_or_default(),
                    published.unwrap_or_default(),
                    fields.agency.unwrap_or_default().to_owned(),
                    fields.outlet.unwrap_or_default().to_owned(),
                    format!("{sim:.2}"),
                    fields.title.replace(['\t', '\n'], " "),
                ])?,
                None => writeln!(
                    out,
                    "{}",
                    json!({
                        "story": n + 1,
                        "copies": story.docs.len(),
                        "path": &*key.path,
                        "record": key.record,
                        "published": published,
                        "agency": fields.agency,
                        "outlet": fields.outlet,
                        "similarity": (f64::from(sim) * 100.0).round() / 100.0,
                        "title": fields.title,
                    })
                )?,
            }
        }
    }
    if let Some(w) = table {
        out.write_all(
            &w.into_inner()
                .map_err(|e| io::Error::other(e.to_string()))?,
        )?;
    }
    Ok(())
}
