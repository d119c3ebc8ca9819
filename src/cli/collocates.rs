//! `wirescope collocates`: the words found near a query's hits, ranked by
//! an association measure, as in the window's Collocates tab.

use std::io::{self, Write};

use clap::Args;
use wirescope_core::query::{CollocateOptions, MAX_SPAN, Measure, Query, collocates, search};

use super::{CorpusArgs, Format, Loaded};

/// Arguments of `wirescope collocates`.
#[derive(Args, Debug)]
#[command(after_help = collocates_help())]
pub struct CollocatesArgs {
    #[command(flatten)]
    pub corpus: CorpusArgs,
    /// The node: any query of the concordance's language, e.g.
    /// `--query 'putin|kremlin'`.
    #[arg(long, short)]
    pub query: String,
    /// Words counted on each side of a hit (sets both --left and --right).
    #[arg(long, value_parser = span)]
    pub window: Option<u32>,
    /// Words counted before each hit.
    #[arg(long, default_value_t = 5, value_parser = span)]
    pub left: u32,
    /// Words counted after each hit.
    #[arg(long, default_value_t = 5, value_parser = span)]
    pub right: u32,
    /// Leave out words seen fewer times than this near the hits.
    #[arg(long, default_value_t = 3)]
    pub min_freq: u32,
    /// Rank by: ll (log-likelihood), mi, t (t-score), dice (logDice), freq.
    #[arg(long, default_value = "ll", value_parser = measure)]
    pub by: Measure,
    /// How many collocates.
    #[arg(long, default_value_t = 50)]
    pub top: usize,
    #[command(flatten)]
    pub stopwords: super::StopwordsArg,
    /// Output format; `json` is JSON Lines.
    #[arg(long, value_enum, default_value_t = Format::Tsv)]
    pub format: Format,
    /// Match the node exactly as written.
    #[arg(long)]
    pub case_sensitive: bool,
}

fn span(text: &str) -> Result<u32, String> {
    let n: u32 = text.parse().map_err(|_| format!("not a number: {text}"))?;
    if n > MAX_SPAN {
        return Err(format!("at most {MAX_SPAN} words on a side"));
    }
    Ok(n)
}

fn measure(text: &str) -> Result<Measure, String> {
    Measure::parse(text).ok_or_else(|| {
        let keys: Vec<&str> = Measure::ALL.iter().map(|m| m.key()).collect();
        format!("unknown measure {text:?}; one of {}", keys.join(", "))
    })
}

fn collocates_help() -> String {
    format!(
        "Query language (the node):\n{}\n\n\
         Words are counted by their lowercase form within the same document,\n\
         never the hit's own words. Output columns: word, freq (times near the\n\
         hits), left, right, corpus_freq (in the documents searched), ll\n\
         (log-likelihood, negative when the word is rarer near the node than\n\
         elsewhere), mi, t, logdice.",
        wirescope_core::query::SYNTAX_HELP
    )
}

/// Writes the collocates of the query's hits; the query was checked by
/// [`super::kwic::parse_query`].
pub fn write(
    loaded: &Loaded,
    query: &Query,
    args: &CollocatesArgs,
    out: &mut dyn Write,
) -> io::Result<()> {
    let corpus = &loaded.corpus;
    let hits = search(corpus, &loaded.overlay, &loaded.filter, query);
    super::kwic::report_hits(&hits);
    let options = CollocateOptions {
        left: args.window.unwrap_or(args.left),
        right: args.window.unwrap_or(args.right),
        min_freq: args.min_freq,
        measure: args.by,
    };
    let stop = args.stopwords.list();
    let found = collocates(corpus, &hits, &options, stop.as_ref());
    args.format.print(&found.table(corpus, args.top), out)
}
