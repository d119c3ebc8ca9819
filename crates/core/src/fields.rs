//! Article metadata fields and where each one came from.
//!
//! Every extracted value is a [`Field`]: the value plus its [`Provenance`],
//! so the table can show (and a user can correct) how a title, date or
//! agency was found. [`ArticleFields`] groups the fields of one document.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The name of a column, sidecar file or HTML tag in a [`Provenance`].
///
/// Every document that took a field from the same column shares one
/// allocation, and the name is one pointer wide, so a [`Provenance`] takes
/// 16 bytes instead of 32 (each document holds nine). Reads, prints and
/// serializes as a plain string.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SourceName(Arc<String>);

impl SourceName {
    /// The name as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for SourceName {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for SourceName {
    fn from(name: &str) -> Self {
        Self(Arc::new(name.to_owned()))
    }
}

impl From<String> for SourceName {
    fn from(name: String) -> Self {
        Self(Arc::new(name))
    }
}

impl fmt::Debug for SourceName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for SourceName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl Serialize for SourceName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }
}

impl<'de> Deserialize<'de> for SourceName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self::from)
    }
}

/// Where a field's value came from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Provenance {
    /// Not found anywhere.
    #[default]
    NotFound,
    /// A line of the article text (0-based line number in the decoded text).
    Line(u32),
    /// The file name (e.g. a date in `2016-04-19_0056.txt`).
    FileName,
    /// A column of a CSV or JSON Lines record.
    Column(SourceName),
    /// A sidecar metadata file (its path).
    Sidecar(SourceName),
    /// HTML metadata or markup (e.g. `og:title`, `<time>`, `<h1>`).
    HtmlMeta(SourceName),
    /// A correction the user made.
    User,
}

impl Provenance {
    /// Short stable label used by the CLI (`published_from`) and tooltips.
    pub fn label(&self) -> Option<String> {
        match self {
            Self::NotFound => None,
            Self::Line(_) => Some("text".to_owned()),
            Self::FileName => Some("filename".to_owned()),
            Self::Column(name) => Some(format!("column:{name}")),
            Self::Sidecar(_) => Some("sidecar".to_owned()),
            Self::HtmlMeta(_) => Some("html-meta".to_owned()),
            Self::User => Some("user".to_owned()),
        }
    }

    /// Human-readable description for hover text.
    pub fn describe(&self) -> String {
        match self {
            Self::NotFound => "not found".to_owned(),
            Self::Line(n) => format!("line {} of the text", n + 1),
            Self::FileName => "the file name".to_owned(),
            Self::Column(name) => format!("column \"{name}\""),
            Self::Sidecar(path) => format!("sidecar file {path}"),
            Self::HtmlMeta(what) => format!("HTML {what}"),
            Self::User => "your correction".to_owned(),
        }
    }
}

/// A value with its provenance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field<T> {
    pub value: Option<T>,
    pub from: Provenance,
}

impl<T> Default for Field<T> {
    fn default() -> Self {
        Self {
            value: None,
            from: Provenance::NotFound,
        }
    }
}

impl<T> Field<T> {
    /// A found value.
    pub fn found(value: T, from: Provenance) -> Self {
        Self {
            value: Some(value),
            from,
        }
    }

    /// The value, if any.
    pub fn get(&self) -> Option<&T> {
        self.value.as_ref()
    }

    /// True when a value is present.
    pub fn is_found(&self) -> bool {
        self.value.is_some()
    }
}

/// The metadata fields of one article plus where its body starts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleFields {
    /// Headline.
    pub title: Field<String>,
    /// Byline as written ("By AFP", "By Jane Doe").
    pub byline: Field<String>,
    /// Normalised wire agency ("AFP", "Reuters", "AP"...).
    pub agency: Field<String>,
    /// Outlet: the site or paper that published the page ("dawn.com").
    pub outlet: Field<String>,
    /// Publication date.
    pub published: Field<NaiveDate>,
    /// Date the page was captured/saved, when the page shows one.
    pub captured: Field<NaiveDate>,
    /// Dateline place as written ("MOSCOW", "Seoul, South Korea").
    pub dateline: Field<String>,
    /// Subtitle / standfirst, when a record column supplies one.
    pub subtitle: Field<String>,
    /// URL of the article, when known.
    pub url: Field<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provenance_is_compact_and_reads_as_before() {
        assert_eq!(std::mem::size_of::<Provenance>(), 16);
        let p = Provenance::Column("headline".into());
        assert_eq!(p.label().as_deref(), Some("column:headline"));
        assert_eq!(p.describe(), "column \"headline\"");
        assert_eq!(format!("{p:?}"), "Column(\"headline\")");
        let json = serde_json::to_string(&p).unwrap_or_default();
        assert_eq!(json, r#"{"Column":"headline"}"#);
        assert_eq!(serde_json::from_str::<Provenance>(&json).ok(), Some(p));
    }
}
