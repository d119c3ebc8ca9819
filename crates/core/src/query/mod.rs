//! The query language and the concordance (KWIC) built on the positional
//! index.
//!
//! A [`Query`] is parsed once from the query box (words, `*`/`?`
//! wildcards, `/regex/`, phrases, `a|b` alternatives and metadata filters
//! such as `agency:AFP date:2020-09..2020-11`); errors carry the byte span
//! of the problem ([`QueryError`]). Against a corpus, a [`Matcher`] expands
//! wildcards and regexes over the vocabulary ([`Lexicon`]) and finds hits
//! by scanning token streams of candidate documents taken from postings:
//! the text is never searched. [`search`] returns [`Hits`], cheap
//! (document, position) pairs in document order. A [`Concordance`] turns
//! any slice of hits into [`Line`]s on demand (virtual rows), [`sort_order`]
//! orders hits by up to three keys (`L3`..`R3`, `KW`, `doc`, `date`),
//! [`dispersion`] gives per-document hit positions for a strip plot,
//! [`collocates`] the words found near the hits with association scores,
//! and [`write_csv`] exports lines.
//!
//! ```
//! use wirescope_core::query::{Concordance, Context, Query, QueryOptions, search};
//! use wirescope_core::{Filter, Overlay, load_all, seed};
//! let (corpus, _) = load_all(&seed::inputs(), &Default::default());
//! let query = Query::parse("non-interference pact", QueryOptions::default()).unwrap();
//! let hits = search(&corpus, &Overlay::default(), &Filter::default(), &query);
//! let lines = Concordance::new(&corpus).lines(&hits.hits, Context::Words(2));
//! assert_eq!(lines[0].keyword, "non-interference pact");
//! ```

mod collocates;
mod concord;
mod dispersion;
mod expand;
mod export;
pub mod glob;
mod lex;
mod lexicon;
mod matcher;
mod meta;
mod parse;
mod scan;
mod search;
mod sort;

use std::fmt::Write as _;
use std::ops::Range;

use serde::{Deserialize, Serialize};

pub use collocates::{
    Collocate, CollocateOptions, Collocates, MAX_SPAN, Measure, collocates, is_near,
};
pub use concord::{Concordance, Context, Line};
pub use dispersion::{Strip, StripOrder, dispersion};
pub use expand::TermExpansion;
pub use export::write_csv;
pub use lexicon::Lexicon;
pub use matcher::Matcher;
pub use search::{DocHits, Hit, Hits, search, search_cancellable};
pub use sort::{MAX_SORT_KEYS, SortKey, SortKeyError, parse_sort_keys, sort_order};

use crate::filter::Filter;
use parse::Parsed;

/// The query language in a few lines, for help popups and `--help`.
pub const SYNTAX_HELP: &str =
    "  election              a word, case-insensitive unless case-sensitive is on
  elect*  el?ction      wildcards: * any run of letters, ? exactly one
  /elect(ion|oral)s?/   a regular expression matched against whole words
  non-interference pact a phrase: consecutive words, quotes optional; the
                        query is cut into words the way the text is
  putin|kremlin said    alternatives bind tighter than the phrase
  agency:AFP  outlet:dawn.com  dateline:MOSCOW  title:pact  tag:reprint
  date:2020  date:2020-09..2020-11  date:2020-09-26  date:2020-09..
                        metadata filters (dates inclusive at the precision
                        given; use quotes for spaces: dateline:\"NEW YORK\");
                        a query of filters only selects documents";

/// How a query matches words.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct QueryOptions {
    /// Match words exactly as written instead of case-insensitively.
    pub case_sensitive: bool,
}

/// A query that cannot be parsed: what is wrong and where (byte span in
/// the query string).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message} (at {}..{})", span.start, span.end)]
pub struct QueryError {
    pub message: String,
    pub span: Range<usize>,
}

impl QueryError {
    pub(crate) fn new(message: impl Into<String>, span: Range<usize>) -> Self {
        Self {
            message: message.into(),
            span,
        }
    }

    /// The query with a `^^^` line under the problem, then the message:
    /// for terminals and tooltips.
    pub fn pointed(&self, query: &str) -> String {
        let start = self.span.start.min(query.len());
        let end = self.span.end.clamp(start, query.len());
        let before = query.get(..start).map_or(0, |s| s.chars().count());
        let width = query
            .get(start..end)
            .map_or(1, |s| s.chars().count().max(1));
        let mut out = String::new();
        let _ = writeln!(out, "{query}");
        let _ = writeln!(out, "{}{}", " ".repeat(before), "^".repeat(width));
        out.push_str(&self.message);
        out
    }
}

/// A parsed query: metadata filters plus an optional word pattern.
#[derive(Clone, Debug)]
pub struct Query {
    source: String,
    options: QueryOptions,
    parsed: Parsed,
}

impl Query {
    /// Parses a query; never panics, whatever the input.
    pub fn parse(source: &str, options: QueryOptions) -> Result<Self, QueryError> {
        let parsed = parse::parse(source, options.case_sensitive)?;
        Ok(Self {
            source: source.to_owned(),
            options,
            parsed,
        })
    }

    /// The query as typed.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The options it was parsed with.
    pub fn options(&self) -> QueryOptions {
        self.options
    }

    /// The metadata filters of the query (empty when it has none).
    pub fn filter(&self) -> &Filter {
        &self.parsed.filter
    }

    /// True when the query searches words (it is not filters only).
    pub fn has_pattern(&self) -> bool {
        !self.parsed.slots.is_empty()
    }

    /// True when the query neither searches nor filters anything.
    pub fn is_empty(&self) -> bool {
        !self.has_pattern() && self.parsed.filter.is_empty()
    }

    /// Number of word positions of the shortest possible hit.
    pub fn min_len(&self) -> usize {
        self.parsed
            .slots
            .iter()
            .map(|s| s.alternatives.iter().map(Vec::len).min().unwrap_or(0))
            .sum()
    }

    pub(crate) fn slots(&self) -> &[parse::Slot] {
        &self.parsed.slots
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointed_error() {
        let err = Query::parse("putin |", QueryOptions::default()).unwrap_err();
        assert_eq!(
            err.pointed("putin |"),
            "putin |\n      ^\n`|` needs a word on its right"
        );
    }
}
