//! Fields of a browser-saved HTML page.
//!
//! Metadata comes first from machine-readable markup (`og:*`, `article:*`,
//! JSON-LD, `<time>`), then from visible text. The body is the text of
//! `<article>` when it holds most of the page's prose, else the largest
//! group of sibling `<p>` paragraphs, never navigation, headers, footers,
//! share bars, scripts or styles.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::article::ParsedArticle;
use crate::article::agency::{exact_agency, normalize_agency};
use crate::article::byline::parse_byline;
use crate::article::dateline::body_dateline;
use crate::article::dates::{date_from_file_name, date_line, find_date};
use crate::article::furniture::is_furniture;
use crate::article::html_dom::{Segment, Walk, walk};
use crate::article::html_meta::{LinkedData, linked_data, strip_non_text, strip_site_suffix};
use crate::article::util::{char_len, clean, file_stem};
use crate::fields::{ArticleFields, Field, Provenance};

const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "article.published",
    "article_date_original",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.created",
    "dcterms.date",
    "date",
    "sailthru.date",
    "parsely-pub-date",
    "cxenseparse:recs:publishtime",
    "og:pubdate",
];

fn meta(what: &str) -> Provenance {
    Provenance::HtmlMeta(what.into())
}

fn lenient_date(s: &str) -> Option<NaiveDate> {
    find_date(&clean(s)).map(|(d, _)| d)
}

/// Sum of the text lengths of `segs`.
fn total(segs: &[&Segment]) -> usize {
    segs.iter().map(|s| s.text.len()).sum()
}

/// The largest group of paragraphs sharing a parent element.
fn largest_group<'a>(segs: &[&'a Segment], only_p: bool) -> Vec<&'a Segment> {
    let mut sizes: HashMap<u32, usize> = HashMap::new();
    for s in segs.iter().filter(|s| s.is_p || !only_p) {
        *sizes.entry(s.parent).or_default() += s.text.len();
    }
    let best = sizes
        .into_iter()
        .max_by_key(|&(parent, size)| (size, std::cmp::Reverse(parent)));
    best.map(|(parent, _)| {
        segs.iter()
            .filter(|s| s.parent == parent && (s.is_p || !only_p))
            .copied()
            .collect()
    })
    .unwrap_or_default()
}

/// Chooses the body paragraphs among the page's text segments.
fn choose_body(w: &Walk) -> Vec<&Segment> {
    let headline = w.h1.as_deref().unwrap_or("");
    for allow_chrome in [false, true] {
        let usable: Vec<&Segment> = w
            .segments
            .iter()
            .filter(|s| (allow_chrome || !s.chrome) && s.text != headline && !is_furniture(&s.text))
            .filter(|s| {
                !s.byline
                    && (char_len(&s.text) > 100
                        || date_line(&s.text).is_none() && parse_byline(&s.text).is_none())
            })
            .collect();
        let article: Vec<&Segment> = usable.iter().filter(|s| s.in_article).copied().collect();
        let group = largest_group(&usable, true);
        let group = if group.is_empty() {
            largest_group(&usable, false)
        } else {
            group
        };
        let chosen = if !article.is_empty() && total(&article) * 2 >= total(&group) {
            article
        } else {
            group
        };
        if !chosen.is_empty() {
            return chosen;
        }
    }
    Vec::new()
}

fn title_field(w: &Walk, ld: &LinkedData, site: Option<&str>, file_name: &str) -> Field<String> {
    let candidates = [
        (
            w.metas.first(&["og:title"]).map(|(_, v)| v.to_owned()),
            "og:title",
        ),
        (
            w.metas.first(&["twitter:title"]).map(|(_, v)| v.to_owned()),
            "twitter:title",
        ),
        (w.h1.clone(), "h1"),
        (ld.headline.clone(), "json-ld headline"),
        (w.title_tag.clone(), "title"),
    ];
    for (value, from) in candidates {
        let title = value
            .map(|t| strip_site_suffix(&t, site))
            .unwrap_or_default();
        if !title.is_empty() {
            return Field::found(title, meta(from));
        }
    }
    let stem = file_stem(file_name).trim();
    if stem.is_empty() {
        Field::default()
    } else {
        Field::found(stem.to_owned(), Provenance::FileName)
    }
}

/// A date written in the page text near the article (not a page-header date).
fn text_date(w: &Walk) -> Option<NaiveDate> {
    let dated: Vec<(&Segment, crate::article::dates::DateLine)> = w
        .segments
        .iter()
        .filter(|s| char_len(&s.text) <= 100)
        .filter_map(|s| date_line(&s.text).map(|d| (s, d)))
        .collect();
    dated
        .iter()
        .find(|(s, _)| s.in_article)
        .or_else(|| dated.iter().find(|(s, _)| !s.chrome))
        .or_else(|| dated.iter().find(|(_, d)| !d.weekday))
        .map(|(_, d)| d.date)
}

fn published_field(w: &Walk, ld: &LinkedData, file_name: &str) -> Field<NaiveDate> {
    if let Some((key, date)) = PUBLISHED_KEYS.iter().find_map(|k| {
        let (key, v) = w.metas.first(&[k])?;
        Some((key, lenient_date(v)?))
    }) {
        return Field::found(date, meta(key));
    }
    if let Some(date) = ld.published.as_deref().and_then(lenient_date) {
        return Field::found(date, meta("json-ld datePublished"));
    }
    let mut times = w
        .times
        .iter()
        .filter(|(_, marked)| *marked)
        .chain(w.times.iter().filter(|(_, m)| !*m));
    if let Some(date) = times.find_map(|(t, _)| lenient_date(t)) {
        return Field::found(date, meta("time"));
    }
    if let Some(date) = text_date(w) {
        return Field::found(date, meta("text"));
    }
    date_from_file_name(file_name)
        .map_or_else(Field::default, |d| Field::found(d, Provenance::FileName))
}

/// Byline, then agency from byline/author metadata.
fn people_fields(w: &Walk, ld: &LinkedData, fields: &mut ArticleFields) {
    let meta_author = w.metas.first(&[
        "author",
        "article:author",
        "dc.creator",
        "byl",
        "parsely-author",
        "sailthru.author",
    ]);
    let meta_author = meta_author.filter(|(_, v)| !v.starts_with("http"));
    let byline = w
        .byline
        .as_deref()
        .map(clean)
        .filter(|b| !b.is_empty() && char_len(b) <= 150)
        .map(|b| (b, "byline"))
        .or_else(|| meta_author.map(|(k, v)| (v.to_owned(), k)))
        .or_else(|| (!ld.authors.is_empty()).then(|| (ld.authors.join(", "), "json-ld author")));
    if let Some((text, from)) = &byline {
        fields.byline = Field::found(text.clone(), meta(from));
    }
    let agency = byline
        .iter()
        .map(|(t, from)| (t.as_str(), *from))
        .chain(meta_author)
        .chain(ld.authors.iter().map(|a| (a.as_str(), "json-ld author")))
        .find_map(|(t, from)| normalize_agency(t).map(|a| (a, from)));
    if let Some((agency, from)) = agency {
        fields.agency = Field::found(agency.to_owned(), meta(from));
    }
}

/// Parses a saved HTML page (see [`crate::article::parse_html`]).
pub(crate) fn parse(html: &str, file_name: &str) -> Result<ParsedArticle, String> {
    let ld = linked_data(html);
    let cleaned = strip_non_text(html);
    let dom = tl::parse(&cleaned, tl::ParserOptions::default())
        .map_err(|e| format!("unreadable HTML: {e}"))?;
    let w = walk(&dom);
    let paragraphs: Vec<&str> = choose_body(&w).iter().map(|s| s.text.as_str()).collect();
    if paragraphs.is_empty() {
        return Err("no article text found in the HTML page".to_owned());
    }
    let mut fields = ArticleFields::default();
    let site = w
        .metas
        .first(&["og:site_name", "application-name"])
        .map(|(k, v)| (k, v.to_owned()));
    let site = site.or_else(|| ld.publisher.clone().map(|p| ("json-ld publisher", p)));
    if let Some((from, name)) = &site {
        fields.outlet = Field::found(name.clone(), meta(from));
    }
    fields.title = title_field(&w, &ld, site.as_ref().map(|(_, s)| s.as_str()), file_name);
    fields.published = published_field(&w, &ld, file_name);
    if let Some((key, url)) = w.metas.first(&["og:url"]) {
        fields.url = Field::found(url.to_owned(), meta(key));
    }
    people_fields(&w, &ld, &mut fields);
    if let Some(d) = paragraphs.first().and_then(|p| body_dateline(p)) {
        if let Some(place) = d.place {
            fields.dateline = Field::found(place, meta("first paragraph"));
        }
        if let (Some(agency), false) = (d.agency, fields.agency.is_found()) {
            fields.agency = Field::found(agency.to_owned(), meta("first paragraph"));
        }
    }
    let mut body = paragraphs.join("\n\n");
    if fields.title.from == Provenance::FileName {
        body = read_as_plain_text(body, file_name, &mut fields);
    }
    if let (false, Some((from, name))) = (fields.agency.is_found(), &site)
        && let Some(agency) = exact_agency(name)
    {
        fields.agency = Field::found(agency.to_owned(), meta(from));
    }
    Ok(ParsedArticle { fields, body })
}

/// A page with no headline in its markup (no `og:title`, `<h1>` or
/// `<title>`: old pages lay theirs out in tables and `<font>`) is read
/// like a saved text page: its text's first lines give the headline, and
/// the byline, date and dateline under it, for the fields the markup left
/// open. Returns the body, without those lines when a headline was found.
fn read_as_plain_text(text: String, file_name: &str, fields: &mut ArticleFields) -> String {
    let plain = crate::article::plain::parse(&text, file_name);
    if !matches!(plain.fields.title.from, Provenance::Line(_)) {
        return text;
    }
    let from = || meta("text");
    let f = plain.fields;
    fields.title = Field::found(f.title.get().cloned().unwrap_or_default(), from());
    let dated = fields.published.is_found() && fields.published.from != Provenance::FileName;
    if let (false, Some(&date)) = (dated, f.published.get()) {
        fields.published = Field::found(date, from());
    }
    let fill = |have: &mut Field<String>, got: &Field<String>| {
        if let (false, Some(value)) = (have.is_found(), got.get()) {
            *have = Field::found(value.clone(), from());
        }
    };
    fill(&mut fields.byline, &f.byline);
    fill(&mut fields.agency, &f.agency);
    fill(&mut fields.dateline, &f.dateline);
    plain.body
}
