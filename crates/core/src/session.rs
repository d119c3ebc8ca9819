//! The analysis state of a session, as plain serde structs.
//!
//! Everything a user sets up while analysing (filters, search, selection,
//! reader position, table sort, frequency and trend settings, which panels
//! are open) lives here rather than in the GUI toolkit's memory, so a
//! workspace can save it and restore it exactly and the CLI can apply it.
//! Every struct is `#[serde(default)]`, so fields added later keep older
//! workspace files loading.

use serde::{Deserialize, Serialize};

use crate::document::DocKey;
use crate::filter::Filter;
use crate::freq::{Bucket, Split};

/// The whole analysis state.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Session {
    pub filter: Filter,
    pub search: SearchState,
    pub table: TableState,
    pub reader: ReaderState,
    pub freq: FreqSettings,
    pub trend: TrendSettings,
    pub kwic: KwicSettings,
    pub collocates: CollocateSettings,
    pub ngrams: NgramSettings,
    pub keywords: KeywordSettings,
    pub reprints: crate::reprints::ReprintOptions,
    pub panels: Panels,
}

/// The current search: drives highlights, the trend and the table's
/// "documents with hits" filter.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchState {
    /// The query as typed.
    pub query: String,
    pub case_sensitive: bool,
    /// Limit the document table to documents with hits.
    pub only_docs_with_hits: bool,
}

/// Columns of the document table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SortColumn {
    /// Load order.
    #[default]
    Loaded,
    Title,
    Agency,
    Outlet,
    Published,
    Dateline,
    Words,
    File,
    Hits,
}

/// Document table settings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TableState {
    pub sort: SortColumn,
    pub descending: bool,
}

/// The document open in the reader and where the reader is in it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReaderState {
    pub doc: Option<DocKey>,
    /// Character offset in the document's text of the current hit or
    /// reading position.
    pub char_offset: usize,
    /// Index of the current hit ("3 of 17" is `current_hit + 1`).
    pub current_hit: usize,
}

/// Which documents a word list counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scope {
    Corpus,
    #[default]
    Filtered,
    Selected,
}

/// Word-list and bar-chart settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FreqSettings {
    pub scope: Scope,
    pub show_stopwords: bool,
    /// ISO 639-1 code of the stopword list.
    pub stopword_language: String,
    /// Words the user added to the stopword list.
    pub extra_stopwords: Vec<String>,
    pub min_len: usize,
    /// Bars in the top-words chart.
    pub top_n: usize,
}

impl Default for FreqSettings {
    fn default() -> Self {
        Self {
            scope: Scope::Filtered,
            show_stopwords: false,
            stopword_language: "en".to_owned(),
            extra_stopwords: Vec::new(),
            min_len: 1,
            top_n: 20,
        }
    }
}

/// Trend chart settings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TrendSettings {
    /// Extra terms plotted besides the current search.
    pub terms: Vec<String>,
    pub bucket: Bucket,
    pub per_million: bool,
    pub split: Split,
}

/// Concordance settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct KwicSettings {
    /// Context width in words on each side.
    pub context_words: usize,
    /// Context width in characters on each side, used when
    /// [`Self::context_in_chars`] is set.
    pub context_chars: usize,
    pub context_in_chars: bool,
    /// Up to three sort keys (`L1`, `KW`, `R1`, `doc`, `date`...).
    pub sort_keys: Vec<String>,
    /// Selected concordance line.
    pub selected_line: Option<usize>,
    /// Dispersion strips with the most hits first (else document order).
    pub dispersion_by_hits: bool,
    /// Show only the lines with this word near the hit (a collocate).
    pub near: Option<NearWord>,
}

/// A word within a window of a hit: the concordance lines of a collocate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NearWord {
    /// The word, case-folded.
    pub word: String,
    /// Words before the hit...
    pub left: u32,
    /// ...and after it.
    pub right: u32,
}

/// N-grams tab settings (it counts the word list's documents).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct NgramSettings {
    pub options: crate::ngrams::NgramOptions,
    /// Leave out n-grams that start or end with one of the word list's
    /// stopwords.
    pub hide_stopword_edges: bool,
}

impl Default for NgramSettings {
    fn default() -> Self {
        Self {
            options: crate::ngrams::NgramOptions::default(),
            hide_stopword_edges: true,
        }
    }
}

/// What the keywords tab compares the table's rows with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Reference {
    /// The documents not in the table (and not excluded).
    #[default]
    Rest,
    /// Every document not excluded, the table's rows included.
    Corpus,
}

/// Keywords tab settings: the table's rows (the target) against a
/// reference.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct KeywordSettings {
    pub options: crate::keyness::KeynessOptions,
    pub reference: Reference,
    /// Leave out the word list's stopwords.
    pub hide_stopwords: bool,
}

impl Default for KeywordSettings {
    fn default() -> Self {
        Self {
            options: crate::keyness::KeynessOptions::default(),
            reference: Reference::Rest,
            hide_stopwords: true,
        }
    }
}

/// Collocates tab settings.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct CollocateSettings {
    pub options: crate::query::CollocateOptions,
    /// Leave out the word list's stopwords (its language and added words).
    pub hide_stopwords: bool,
}

impl Default for CollocateSettings {
    fn default() -> Self {
        Self {
            options: crate::query::CollocateOptions::default(),
            hide_stopwords: true,
        }
    }
}

impl KwicSettings {
    /// The context the settings ask for.
    pub fn context(&self) -> crate::query::Context {
        if self.context_in_chars {
            crate::query::Context::Chars(self.context_chars)
        } else {
            crate::query::Context::Words(self.context_words)
        }
    }
}

impl Default for KwicSettings {
    fn default() -> Self {
        Self {
            context_words: 5,
            context_chars: 40,
            context_in_chars: false,
            sort_keys: Vec::new(),
            selected_line: None,
            dispersion_by_hits: true,
            near: None,
        }
    }
}

/// Which panels are shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Panels {
    pub table: bool,
    pub reader: bool,
    pub analysis: bool,
    /// The analysis tab in front.
    pub tab: AnalysisTab,
}

impl Default for Panels {
    fn default() -> Self {
        Self {
            table: true,
            reader: true,
            analysis: true,
            tab: AnalysisTab::Words,
        }
    }
}

/// Tabs of the analysis panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnalysisTab {
    #[default]
    Words,
    Chart,
    Trend,
    Concordance,
    Dispersion,
    Collocates,
    Ngrams,
    Keywords,
    Reprints,
}
