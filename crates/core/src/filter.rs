//! The one filter structure shared by the table, the CLI and workspaces.
//!
//! A [`Filter`] narrows the corpus by words in the headline/agency/outlet,
//! whole headline words (`title:` in queries), a publication date range,
//! agency, outlet, dateline and the user's tags (`tag:`). [`select`] applies
//! it together with the overlay's exclusions and returns the matching
//! document indices in load order.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::corpus::{Corpus, Effective};
use crate::index::DocIx;
use crate::overlay::Overlay;

/// Criteria that narrow the corpus. Empty criteria match everything.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Words that must all appear (case-insensitive) in headline, agency or
    /// outlet.
    pub text: String,
    /// First publication date included.
    pub date_from: Option<NaiveDate>,
    /// Last publication date included.
    pub date_to: Option<NaiveDate>,
    /// When a date range is set, also keep documents without a date.
    pub keep_undated: bool,
    /// Agency, compared case-insensitively.
    pub agency: Option<String>,
    /// Outlet, compared case-insensitively.
    pub outlet: Option<String>,
    /// Dateline place, compared case-insensitively on its first part.
    pub dateline: Option<String>,
    /// Words that must all appear in the headline as whole words
    /// (case-insensitive; `*` and `?` allowed). Set by `title:` in queries.
    pub title_words: Vec<String>,
    /// Tags the document must all carry (case-insensitive). Set by `tag:`
    /// in queries.
    pub tags: Vec<String>,
}

impl Filter {
    /// True when the filter lets every document through.
    pub fn is_empty(&self) -> bool {
        *self
            == Self {
                keep_undated: self.keep_undated,
                ..Self::default()
            }
    }

    /// True when a document with these fields passes.
    pub fn matches(&self, fields: &Effective<'_>) -> bool {
        self.matches_text(fields)
            && self.matches_date(fields.published)
            && self.matches_sources(fields)
            && self.matches_title_words(fields.title)
            && self.matches_tags(fields.tags)
    }

    fn matches_tags(&self, tags: &[String]) -> bool {
        let same = |a: &str, b: &str| a.to_lowercase() == b.to_lowercase();
        self.tags
            .iter()
            .all(|want| tags.iter().any(|have| same(have, want.trim())))
    }

    fn matches_title_words(&self, title: &str) -> bool {
        if self.title_words.is_empty() {
            return true;
        }
        let words: Vec<String> = crate::tokenize::tokenize(title)
            .map(|t| crate::tokenize::fold(&t.surface).into_owned())
            .collect();
        self.title_words.iter().all(|want| {
            let want = crate::tokenize::fold(want);
            words.iter().any(|w| crate::query::glob::matches(&want, w))
        })
    }

    fn matches_text(&self, fields: &Effective<'_>) -> bool {
        if self.text.trim().is_empty() {
            return true;
        }
        let haystack = format!(
            "{} {} {}",
            fields.title,
            fields.agency.unwrap_or(""),
            fields.outlet.unwrap_or("")
        )
        .to_lowercase();
        self.text
            .to_lowercase()
            .split_whitespace()
            .all(|needle| haystack.contains(needle))
    }

    fn matches_date(&self, published: Option<NaiveDate>) -> bool {
        if self.date_from.is_none() && self.date_to.is_none() {
            return true;
        }
        let Some(date) = published else {
            return self.keep_undated;
        };
        self.date_from.is_none_or(|from| date >= from) && self.date_to.is_none_or(|to| date <= to)
    }

    fn matches_sources(&self, fields: &Effective<'_>) -> bool {
        let same = |want: &Option<String>, have: Option<&str>| match want {
            None => true,
            Some(want) => have.is_some_and(|have| {
                let have = have.split(',').next().unwrap_or(have).trim();
                have.eq_ignore_ascii_case(want.trim())
                    || have.to_lowercase() == want.trim().to_lowercase()
            }),
        };
        same(&self.agency, fields.agency)
            && same(&self.outlet, fields.outlet)
            && same(&self.dateline, fields.dateline)
    }
}

/// Indices of the documents that pass `filter` and are not excluded, in
/// load order.
pub fn select(corpus: &Corpus, overlay: &Overlay, filter: &Filter) -> Vec<DocIx> {
    (0..corpus.len() as DocIx)
        .filter(|&ix| !overlay.is_excluded(&corpus.doc(ix).key))
        .filter(|&ix| filter.is_empty() || filter.matches(&corpus.fields(ix, overlay)))
        .collect()
}
