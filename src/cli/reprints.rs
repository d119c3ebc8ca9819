//! `wirescope reprints`: the same story published more than once (wire
//! copy reprinted by several outlets), as in the window's Reprints tab.

use std::io::{self, Write};
use std::sync::atomic::AtomicBool;

use clap::Args;
use wirescope_core::reprints::{ReprintOptions, reprints, stories_table};

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
    let table = stories_table(corpus, &loaded.overlay, &stories);
    args.format.print(&table, out)
}
