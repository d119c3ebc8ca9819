//! Documents tokenized on the loader's worker threads, ready to be interned.
//!
//! A [`TokenizedDoc`] keeps its distinct words as spans into its own text
//! (no allocation per word) with their counts, and its tokens as local ids.
//! [`crate::Corpus::append`] then interns each distinct word once and adds
//! one posting per word rather than touching the index once per token.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use crate::document::Document;
use crate::vocab::word_hash;

/// A document with its words, tokenized but not yet interned globally.
/// Produced in parallel by the loader, consumed by [`crate::Corpus::append`].
#[derive(Debug)]
pub struct TokenizedDoc {
    pub doc: Document,
    /// Distinct surface forms in order of first occurrence (local ids are
    /// indices).
    words: Vec<LocalWord>,
    /// Surface forms that are not verbatim in the text (typographic
    /// apostrophes read as `'`), end to end.
    rewritten: String,
    /// The document's tokens as local ids.
    tokens: Vec<u32>,
}

/// Where a distinct word's surface is, and how often it occurs.
#[derive(Clone, Copy, Debug)]
struct LocalWord {
    start: u32,
    len: u32,
    count: u32,
    /// The span is in `rewritten` rather than in the text.
    rewritten: bool,
    /// [`word_hash`] of the word, for the interning thread.
    hash: u64,
}

impl TokenizedDoc {
    /// Tokenizes a document's text.
    pub fn new(doc: Document) -> Self {
        let text = doc.text.as_str();
        // About one distinct word per 40 bytes of news text; a guess only.
        let mut ids: FxHashMap<&str, u32> =
            FxHashMap::with_capacity_and_hasher((text.len() / 40).min(1 << 16), Default::default());
        let mut rewritten_ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut words: Vec<LocalWord> = Vec::new();
        let mut rewritten = String::new();
        let mut tokens = Vec::with_capacity(text.len() / 6);
        for token in crate::tokenize::tokenize(text) {
            let next = u32::try_from(words.len()).unwrap_or(u32::MAX);
            let id = match token.surface {
                Cow::Borrowed(word) => *ids.entry(word).or_insert_with(|| {
                    words.push(LocalWord {
                        start: span_u32(token.span.start),
                        len: span_u32(word.len()),
                        count: 0,
                        rewritten: false,
                        hash: word_hash(word),
                    });
                    next
                }),
                Cow::Owned(word) => *rewritten_ids.entry(word).or_insert_with_key(|word| {
                    words.push(LocalWord {
                        start: span_u32(rewritten.len()),
                        len: span_u32(word.len()),
                        count: 0,
                        rewritten: true,
                        hash: word_hash(word),
                    });
                    rewritten.push_str(word);
                    next
                }),
            };
            if let Some(word) = words.get_mut(id as usize) {
                word.count += 1;
            }
            tokens.push(id);
        }
        drop(ids);
        Self {
            doc,
            words,
            rewritten,
            tokens,
        }
    }

    /// The distinct surface forms with their counts, by local id.
    pub fn words(&self) -> impl ExactSizeIterator<Item = (&str, u32)> {
        self.words.iter().map(|w| {
            let source = if w.rewritten {
                &self.rewritten
            } else {
                &self.doc.text
            };
            let range = w.start as usize..(w.start + w.len) as usize;
            (source.get(range).unwrap_or(""), w.count)
        })
    }

    /// The [`word_hash`] of each distinct word, by local id.
    pub fn word_hashes(&self) -> impl ExactSizeIterator<Item = u64> {
        self.words.iter().map(|w| w.hash)
    }

    /// The tokens as local ids (indices into [`Self::words`]).
    pub fn tokens(&self) -> &[u32] {
        &self.tokens
    }

    /// Splits off the document.
    pub fn into_doc(self) -> Document {
        self.doc
    }
}

/// Offsets fit in `u32`: single articles are capped far below 4 GB.
fn span_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{DocKey, SourceKind, SourceStamp};

    #[test]
    fn distinct_words_with_counts() {
        let doc = Document {
            key: DocKey::from("a.txt"),
            kind: SourceKind::PlainText,
            stamp: std::sync::Arc::new(SourceStamp {
                size_bytes: 0,
                modified_secs: None,
                hash: String::new(),
            }),
            content_hash: 0,
            fields: crate::fields::ArticleFields::default(),
            text: "Putin’s pact, the pact: don’t, don't.".to_owned(),
            body_start: 0,
            encoding: "UTF-8",
        };
        let tokenized = TokenizedDoc::new(doc);
        let words: Vec<(&str, u32)> = tokenized.words().collect();
        assert_eq!(
            words,
            [
                ("Putin", 1),
                ("pact", 2),
                ("the", 1),
                ("don't", 1),
                ("don't", 1)
            ]
        );
        assert_eq!(tokenized.tokens(), [0, 1, 2, 1, 3, 4]);
    }
}
