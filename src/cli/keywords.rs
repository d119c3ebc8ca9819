//! `wirescope keywords`: the words one part of the collection uses more
//! (or less) than another, as in the window's Keywords tab.

use std::io::{self, Write};

use clap::Args;
use wirescope_core::keyness::{KeynessOptions, keywords};
use wirescope_core::query::{Query, search};
use wirescope_core::{Corpus, DocIx};

use super::{CorpusArgs, Format, Loaded};

/// Arguments of `wirescope keywords`.
#[derive(Args, Debug)]
#[command(after_help = keywords_help())]
pub struct KeywordsArgs {
    #[command(flatten)]
    pub corpus: CorpusArgs,
    /// The target documents: a query of filters (`agency:AFP date:2017-03`)
    /// or of words (the documents with hits).
    #[arg(long, short)]
    pub target: String,
    /// The reference documents, as --target (default: every other document).
    #[arg(long, short)]
    pub reference: Option<String>,
    /// Leave out words seen fewer times than this in both together.
    #[arg(long, default_value_t = 5)]
    pub min_freq: u32,
    /// List the words the target uses less than the reference.
    #[arg(long)]
    pub negative: bool,
    /// How many keywords.
    #[arg(long, default_value_t = 50)]
    pub top: usize,
    #[command(flatten)]
    pub stopwords: super::StopwordsArg,
    /// Output format; `json` is JSON Lines.
    #[arg(long, value_enum, default_value_t = Format::Tsv)]
    pub format: Format,
}

fn keywords_help() -> String {
    "Output columns: word, target and reference (occurrences), their per-million\n\
     figures, ll (log-likelihood, positive when the target uses the word more)\n\
     and log_ratio (log2 of the ratio of relative frequencies: 1 is twice as\n\
     frequent)."
        .to_owned()
}

/// The target and reference queries, checked before anything is loaded.
pub struct Sides {
    pub target: Query,
    pub reference: Option<Query>,
}

impl Sides {
    pub fn parse(args: &KeywordsArgs) -> Result<Self, std::process::ExitCode> {
        let side = |text: &str| {
            Query::parse(text, Default::default()).map_err(|err| {
                eprintln!("wirescope: bad query\n{}", err.pointed(text));
                std::process::ExitCode::from(2)
            })
        };
        Ok(Self {
            target: side(&args.target)?,
            reference: args.reference.as_deref().map(side).transpose()?,
        })
    }
}

/// The documents a side's query selects within the loaded view.
fn documents(loaded: &Loaded, query: &Query) -> Vec<DocIx> {
    search(&loaded.corpus, &loaded.overlay, &loaded.filter, query).documents()
}

/// Writes the keywords of the target against the reference.
pub fn write(
    loaded: &Loaded,
    sides: &Sides,
    args: &KeywordsArgs,
    out: &mut dyn Write,
) -> io::Result<()> {
    let corpus: &Corpus = &loaded.corpus;
    let target = documents(loaded, &sides.target);
    let reference = match &sides.reference {
        Some(query) => documents(loaded, query),
        None => {
            let everything = wirescope_core::select(corpus, &loaded.overlay, &loaded.filter);
            everything
                .into_iter()
                .filter(|d| target.binary_search(d).is_err())
                .collect()
        }
    };
    eprintln!(
        "wirescope: {} target documents against {} reference documents",
        target.len(),
        reference.len()
    );
    for (side, docs) in [("target", &target), ("reference", &reference)] {
        if docs.is_empty() {
            eprintln!("wirescope: the {side} has no document: nothing to compare");
        }
    }
    let options = KeynessOptions {
        min_freq: args.min_freq,
        negative: args.negative,
    };
    let stop = args.stopwords.list();
    let found = keywords(corpus, &target, &reference, &options, stop.as_ref());
    args.format.print(&found.table(corpus, args.top), out)
}
