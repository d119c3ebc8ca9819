//! The user's corrections, exclusions, tags and notes, kept apart from the
//! extracted data.
//!
//! Extraction results are never edited in place: an [`Overlay`] keyed by
//! [`DocKey`] sits on top, and every consumer (table, filters, counts,
//! queries, CLI) reads fields through [`crate::Corpus::fields`], which applies
//! it. That keeps corrections small, savable in a workspace, and undoable.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::document::DocKey;

/// Field corrections for one document; `None` means "not corrected".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Correction {
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub agency: Option<String>,
    pub outlet: Option<String>,
    pub dateline: Option<String>,
}

impl Correction {
    /// True when nothing is corrected.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Everything the user changed about documents.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Overlay {
    pub corrections: BTreeMap<DocKey, Correction>,
    pub excluded: BTreeSet<DocKey>,
    pub tags: BTreeMap<DocKey, Vec<String>>,
    pub notes: BTreeMap<DocKey, String>,
}

impl Overlay {
    /// The correction for a document, if any.
    pub fn correction(&self, key: &DocKey) -> Option<&Correction> {
        self.corrections.get(key)
    }

    /// Sets (or, when empty, removes) a document's correction.
    pub fn set_correction(&mut self, key: DocKey, correction: Correction) {
        if correction.is_empty() {
            self.corrections.remove(&key);
        } else {
            self.corrections.insert(key, correction);
        }
    }

    /// True when the document is excluded from analyses.
    pub fn is_excluded(&self, key: &DocKey) -> bool {
        self.excluded.contains(key)
    }

    /// Excludes or re-includes a document.
    pub fn set_excluded(&mut self, key: DocKey, excluded: bool) {
        if excluded {
            self.excluded.insert(key);
        } else {
            self.excluded.remove(&key);
        }
    }
}
