//! Article metadata fields and where each one came from.
//!
//! Every extracted value is a [`Field`]: the value plus its [`Provenance`],
//! so the table can show (and a user can correct) how a title, date or
//! agency was found. [`ArticleFields`] groups the fields of one document.

use std::fmt;
use std::ops::{Deref, DerefMut};
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

impl<T> Field<T> {
    /// No value, not found: `Default` usable in a `static`.
    pub const NOT_FOUND: Self = Self {
        value: None,
        from: Provenance::NotFound,
    };
}

/// The metadata fields of one article.
///
/// Reads like a flat struct (`fields.title`, `fields.byline`...): the
/// headline and date are stored inline, and the fields that few documents
/// have (byline, agency, outlet, capture date, dateline, subtitle, URL;
/// about one document in twenty on data/bench) are in a [`RareFields`]
/// reached through `Deref`, boxed only when one of them is set. Seven empty
/// fields inline took 256 bytes per document (20 MB on 77,000 documents).
/// Writing a rare field (`fields.byline = ...`) allocates the box.
#[derive(Clone, Default, Serialize, Deserialize)]
#[serde(from = "FlatFields", into = "FlatFields")]
pub struct ArticleFields {
    /// Headline.
    pub title: Field<String>,
    /// Publication date.
    pub published: Field<NaiveDate>,
    rare: Option<Box<RareFields>>,
}

/// The fields of [`ArticleFields`] that most documents lack.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RareFields {
    /// Byline as written ("By AFP", "By Jane Doe").
    pub byline: Field<String>,
    /// Normalised wire agency ("AFP", "Reuters", "AP"...).
    pub agency: Field<String>,
    /// Outlet: the site or paper that published the page ("dawn.com").
    pub outlet: Field<String>,
    /// Date the page was captured/saved, when the page shows one.
    pub captured: Field<NaiveDate>,
    /// Dateline place as written ("MOSCOW", "Seoul, South Korea").
    pub dateline: Field<String>,
    /// Subtitle / standfirst, when a record column supplies one.
    pub subtitle: Field<String>,
    /// URL of the article, when known.
    pub url: Field<String>,
}

/// What documents without rare fields read through `Deref`.
static NO_RARE_FIELDS: RareFields = RareFields {
    byline: Field::NOT_FOUND,
    agency: Field::NOT_FOUND,
    outlet: Field::NOT_FOUND,
    captured: Field::NOT_FOUND,
    dateline: Field::NOT_FOUND,
    subtitle: Field::NOT_FOUND,
    url: Field::NOT_FOUND,
};

impl Deref for ArticleFields {
    type Target = RareFields;

    fn deref(&self) -> &RareFields {
        self.rare.as_deref().unwrap_or(&NO_RARE_FIELDS)
    }
}

impl DerefMut for ArticleFields {
    fn deref_mut(&mut self) -> &mut RareFields {
        self.rare.get_or_insert_with(Box::default)
    }
}

impl PartialEq for ArticleFields {
    fn eq(&self, other: &Self) -> bool {
        self.title == other.title && self.published == other.published && **self == **other
    }
}

impl Eq for ArticleFields {}

impl fmt::Debug for ArticleFields {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ArticleFields")
            .field("title", &self.title)
            .field("byline", &self.byline)
            .field("agency", &self.agency)
            .field("outlet", &self.outlet)
            .field("published", &self.published)
            .field("captured", &self.captured)
            .field("dateline", &self.dateline)
            .field("subtitle", &self.subtitle)
            .field("url", &self.url)
            .finish()
    }
}

/// [`ArticleFields`] as one flat struct: how they serialize, unchanged
/// from when every field was stored inline.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "ArticleFields")]
struct FlatFields {
    title: Field<String>,
    byline: Field<String>,
    agency: Field<String>,
    outlet: Field<String>,
    published: Field<NaiveDate>,
    captured: Field<NaiveDate>,
    dateline: Field<String>,
    subtitle: Field<String>,
    url: Field<String>,
}

impl From<ArticleFields> for FlatFields {
    fn from(fields: ArticleFields) -> Self {
        let rare = fields.rare.map(|r| *r).unwrap_or_default();
        Self {
            title: fields.title,
            byline: rare.byline,
            agency: rare.agency,
            outlet: rare.outlet,
            published: fields.published,
            captured: rare.captured,
            dateline: rare.dateline,
            subtitle: rare.subtitle,
            url: rare.url,
        }
    }
}

impl From<FlatFields> for ArticleFields {
    fn from(flat: FlatFields) -> Self {
        let rare = RareFields {
            byline: flat.byline,
            agency: flat.agency,
            outlet: flat.outlet,
            captured: flat.captured,
            dateline: flat.dateline,
            subtitle: flat.subtitle,
            url: flat.url,
        };
        Self {
            title: flat.title,
            published: flat.published,
            rare: (rare != RareFields::default()).then(|| Box::new(rare)),
        }
    }
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

    #[test]
    fn rare_fields_are_boxed_only_when_set_and_serialize_flat() {
        assert!(std::mem::size_of::<ArticleFields>() <= 72);
        let mut fields = ArticleFields::default();
        assert!(fields.rare.is_none() && !fields.byline.is_found());
        fields.title = Field::found("Title".to_owned(), Provenance::Line(0));
        let json = serde_json::to_string(&fields).unwrap_or_default();
        assert!(json.starts_with(r#"{"title":{"value":"Title","from":{"Line":0}},"byline":"#));
        assert_eq!(
            serde_json::from_str::<ArticleFields>(&json).ok(),
            Some(fields.clone())
        );
        assert!(format!("{fields:?}").starts_with("ArticleFields { title: Field {"));
        fields.agency = Field::found("AFP".to_owned(), Provenance::FileName);
        assert_eq!(fields.agency.get().map(String::as_str), Some("AFP"));
        assert!(fields.rare.is_some());
        let back = serde_json::to_string(&fields).unwrap_or_default();
        assert_eq!(
            serde_json::from_str::<ArticleFields>(&back).ok(),
            Some(fields)
        );
    }
}
