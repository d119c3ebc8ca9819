//! Extracting article fields from saved pages (plain text and HTML).
//!
//! Users collect news articles by saving web pages, so a document is the
//! article wrapped in page furniture: buttons, capture dates, bylines, site
//! names. This module finds the headline, byline, agency, publication and
//! capture dates, dateline and body, and records for each field where it
//! was found (see [`crate::fields::Provenance`]) so the user can check and
//! correct it. Parsing never fails on plain text and never panics: odd input
//! gives empty fields, not errors.
//!
//! - [`parse_plain`]: plain-text saved pages (see `plain`).
//! - [`parse_html`]: browser-saved HTML pages (see `html`).
//! - [`normalize_agency`], [`parse_date`]: the shared recognisers.

mod agency;
mod body;
mod byline;
mod dateline;
mod dates;
mod fragment;
mod furniture;
mod head;
mod html;
mod html_dom;
mod html_meta;
mod outlets;
mod places;
mod plain;
mod share_bar;
mod util;

pub use agency::{canonical_agency, normalize_agency};
pub use dates::{numeric_month_first, parse_column_date, parse_column_date_in, parse_date};
pub(crate) use fragment::{fragment_text, looks_like_markup};
pub use share_bar::without_share_bars;

/// The dateline that opens `body` (a record's text, which has no header to
/// parse): its place and the agency it names ("LONDON (Reuters) -").
pub(crate) fn opening_dateline(body: &str) -> Option<(Option<String>, Option<&'static str>)> {
    let first = body.lines().find(|l| !l.trim().is_empty())?;
    let found = dateline::parse_dateline(first)?;
    Some((found.place, found.agency))
}

/// The agency a byline column credits: "AFP", "By Reuters", "Carla K.
/// Johnson, AP".
pub(crate) fn byline_agency(byline: &str) -> Option<&'static str> {
    let read = |s: &str| byline::parse_byline(s).and_then(|b| b.agency);
    read(byline)
        .or_else(|| read(&format!("By {byline}")))
        .or_else(|| normalize_agency(byline))
}

/// True when two headlines differ only in case, spacing and punctuation.
pub(crate) fn same_headline(a: &str, b: &str) -> bool {
    util::fold_key(a) == util::fold_key(b)
}

/// Result of parsing one article page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedArticle {
    pub fields: crate::fields::ArticleFields,
    /// The article body as it should be shown and indexed: from the
    /// dateline/first body line to the end, with trailing page furniture
    /// (Advertisement, Follow us on Twitter, Share, Read more...) removed.
    /// Paragraphs separated by blank lines as in the source.
    pub body: String,
}

/// Parses a plain-text saved page. `file_name` is the file's name (no
/// folders), used for a date fallback (`2016-04-19_0056.txt` -> 2016-04-19,
/// provenance `FileName`) and as the title when nothing better exists.
pub fn parse_plain(text: &str, file_name: &str) -> ParsedArticle {
    plain::parse(text, file_name)
}

/// Parses a saved HTML page: title from `og:title`, then `<h1>`, then
/// `<title>` (without " | Site" suffixes); date from
/// `article:published_time`, JSON-LD `datePublished`, `<time datetime>` and
/// other common meta; outlet from `og:site_name`; agency from the byline or
/// author when it is an agency, else from the dateline; body from
/// `<article>` or the largest block of `<p>` paragraphs, never
/// nav/header/footer/script/style/aside.
///
/// # Errors
/// Returns `Err(reason)` when the page has no article text.
pub fn parse_html(html: &str, file_name: &str) -> Result<ParsedArticle, String> {
    html::parse(html, file_name)
}

#[cfg(test)]
mod tests;
