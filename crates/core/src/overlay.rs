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

    /// Sets (or, when empty, removes) a document's tags.
    pub fn set_tags(&mut self, key: DocKey, tags: Vec<String>) {
        if tags.is_empty() {
            self.tags.remove(&key);
        } else {
            self.tags.insert(key, tags);
        }
    }

    /// Sets (or, when empty, removes) a document's note.
    pub fn set_note(&mut self, key: DocKey, note: String) {
        if note.is_empty() {
            self.notes.remove(&key);
        } else {
            self.notes.insert(key, note);
        }
    }
}

/// Tags as typed in one box, separated by commas: trimmed, without empty
/// ones or repeats, in the order typed.
pub fn parse_tags(typed: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in typed.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        if !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_owned());
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_trimmed_without_empties_or_repeats() {
        assert_eq!(
            parse_tags(" wire copy, ,AFP,wire copy ,  reprint"),
            ["wire copy", "AFP", "reprint"]
        );
        assert!(parse_tags(" , ").is_empty());
    }

    #[test]
    fn empty_tags_and_notes_are_removed() {
        let key = DocKey::from("a.txt");
        let mut overlay = Overlay::default();
        overlay.set_tags(key.clone(), vec!["reprint".into()]);
        overlay.set_note(key.clone(), "check the date".into());
        assert_eq!(overlay.tags[&key], ["reprint"]);
        assert_eq!(overlay.notes[&key], "check the date");
        overlay.set_tags(key.clone(), Vec::new());
        overlay.set_note(key.clone(), String::new());
        assert_eq!(overlay, Overlay::default());
    }
}
