//! `wirescope kwic`: the concordance on the command line, with the same
//! query language, sort keys and lines as the window.
//!
//! The query is parsed before anything is loaded, so a typo costs nothing:
//! the problem is shown with a caret under it and the exit code is 2.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Args;
use serde_json::json;
use wirescope_core::query::{
    Concordance, Context, Hit, Hits, Line, Query, QueryOptions, SortKey, parse_sort_keys, search,
    sort_order, write_csv,
};

use super::{CorpusArgs, Format, Loaded};

/// Lines materialised at a time, so millions of hits stream in flat memory.
const CHUNK: usize = 20_000;

/// Arguments of `wirescope kwic`.
#[derive(Args, Debug)]
#[command(after_help = kwic_help())]
pub struct KwicArgs {
    #[command(flatten)]
    pub corpus: CorpusArgs,
    /// The query (see below), e.g. `--query 'putin|kremlin said date:2020'`.
    #[arg(long, short)]
    pub query: String,
    /// Words of context on each side.
    #[arg(long, default_value_t = 5)]
    pub context: usize,
    /// Characters of context on each side (instead of words).
    #[arg(long)]
    pub context_chars: Option<usize>,
    /// Up to three sort keys among L3,L2,L1,KW,R1,R2,R3,doc,date
    /// (default: document order).
    #[arg(long, value_parser = parse_keys)]
    pub sort: Option<SortKeys>,
    /// Print at most this many lines (default: all).
    #[arg(long)]
    pub limit: Option<usize>,
    /// Output format; `json` is JSON Lines.
    #[arg(long, value_enum, default_value_t = Format::Tsv)]
    pub format: Format,
    /// Match words exactly as written.
    #[arg(long)]
    pub case_sensitive: bool,
}

/// Parsed `--sort` keys.
#[derive(Clone, Debug)]
pub struct SortKeys(pub Vec<SortKey>);

fn parse_keys(text: &str) -> Result<SortKeys, String> {
    parse_sort_keys(text)
        .map(SortKeys)
        .map_err(|e| e.to_string())
}

fn kwic_help() -> String {
    format!(
        "Query language:\n{}\n\n\
         Output columns: path, record, title, published, position (0-based token\n\
         index of the hit in its document), left, keyword, right. Context is the\n\
         text as written, punctuation kept, whitespace runs shown as one space.",
        wirescope_core::query::SYNTAX_HELP
    )
}

/// Parses a subcommand's `--query` before anything is loaded, so a typo
/// costs nothing; on a problem, says what and where, and gives exit code 2.
pub fn parse_query(text: &str, case_sensitive: bool) -> Result<Query, ExitCode> {
    match Query::parse(text, QueryOptions { case_sensitive }) {
        Ok(query) if query.has_pattern() => Ok(query),
        Ok(_) => {
            eprintln!(
                "wirescope: the query has no word to search for; add a word, `*` or a /regex/"
            );
            Err(ExitCode::from(2))
        }
        Err(err) => {
            eprintln!("wirescope: bad query\n{}", err.pointed(text));
            Err(ExitCode::from(2))
        }
    }
}

/// Says how many hits a search found, on stderr.
pub fn report_hits(hits: &Hits) {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    eprintln!(
        "wirescope: {} in {} ({:.2} per million words)",
        plural(hits.len(), "hit"),
        plural(hits.per_doc.len(), "document"),
        hits.per_million()
    );
}

/// Writes the lines of a search; the query was checked by [`parse_query`].
pub fn write_lines(
    loaded: &Loaded,
    query: &Query,
    args: &KwicArgs,
    out: &mut dyn Write,
) -> io::Result<()> {
    let corpus = &loaded.corpus;
    let hits = search(corpus, &loaded.overlay, &loaded.filter, query);
    report_hits(&hits);
    let keys = args.sort.as_ref().map_or(&[][..], |k| k.0.as_slice());
    let order = sort_order(corpus, &loaded.overlay, &hits.hits, keys);
    let limit = args.limit.unwrap_or(usize::MAX).min(order.len());
    let shown: Vec<Hit> = order[..limit]
        .iter()
        .map(|&i| hits.hits[i as usize])
        .collect();
    let context = args
        .context_chars
        .map_or(Context::Words(args.context), Context::Chars);
    let concordance = Concordance::new(corpus);
    match args.format {
        Format::Csv => write_csv(&concordance, &loaded.overlay, &shown, context, out)
            .map_err(|e| io::Error::other(e.to_string())),
        Format::Tsv => {
            writeln!(
                out,
                "path\trecord\ttitle\tpublished\tposition\tleft\tkeyword\tright"
            )?;
            for_each_line(&concordance, &shown, context, |line| {
                tsv_line(loaded, line, out)
            })
        }
        Format::Json => for_each_line(&concordance, &shown, context, |line| {
            json_line(loaded, line, out)
        }),
    }
}

fn tsv_line(loaded: &Loaded, line: &Line, out: &mut dyn Write) -> io::Result<()> {
    let row = Row::new(loaded, line);
    writeln!(
        out,
        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
        row.path,
        row.record.map(|r| r.to_string()).unwrap_or_default(),
        no_tabs(row.title),
        row.published.as_deref().unwrap_or(""),
        line.hit.pos,
        no_tabs(&line.left),
        no_tabs(&line.keyword),
        no_tabs(&line.right)
    )
}

fn json_line(loaded: &Loaded, line: &Line, out: &mut dyn Write) -> io::Result<()> {
    let row = Row::new(loaded, line);
    let value = json!({
        "path": row.path,
        "record": row.record,
        "title": row.title,
        "published": row.published,
        "position": line.hit.pos,
        "length": line.hit.len,
        "left": line.left,
        "keyword": line.keyword,
        "right": line.right,
    });
    writeln!(out, "{value}")
}

fn for_each_line(
    concordance: &Concordance,
    hits: &[Hit],
    context: Context,
    mut write: impl FnMut(&Line) -> io::Result<()>,
) -> io::Result<()> {
    for chunk in hits.chunks(CHUNK) {
        for line in concordance.lines(chunk, context) {
            write(&line)?;
        }
    }
    Ok(())
}

/// The document fields printed with each line.
struct Row<'a> {
    path: &'a str,
    record: Option<u32>,
    title: &'a str,
    published: Option<String>,
}

impl<'a> Row<'a> {
    fn new(loaded: &'a Loaded, line: &Line) -> Self {
        let doc = loaded.corpus.doc(line.hit.doc);
        let fields = loaded.corpus.fields(line.hit.doc, &loaded.overlay);
        Self {
            path: &doc.key.path,
            record: doc.key.record,
            title: fields.title,
            published: fields.published.map(|d| d.format("%Y-%m-%d").to_string()),
        }
    }
}

fn no_tabs(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}
