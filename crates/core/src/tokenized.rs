//! Documents tokenized on the loader's worker threads, ready to be interned.
//!
//! A [`TokenizedDoc`] keeps its distinct words as spans into its own text
//! (no allocation per word) with their counts, and its tokens as local ids.
//! [`crate::Corpus::append`] then interns each distinct word once and adds
//! one posting per word rather than touching the index once per token.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::Arc;

use hashbrown::HashTable;

use crate::document::Document;
use crate::vocab::{same_bytes, word_hash};

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
    /// The document's tokens as local ids, already in the shared slice
    /// the index keeps: the interning thread rewrites them to global ids
    /// in place instead of allocating and filling the stream itself.
    tokens: Arc<[u32]>,
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

thread_local! {
    /// Each worker's table of the current document's distinct words (local
    /// ids, hashed by [`word_hash`]), kept from one document to the next so
    /// it is not allocated and regrown for each: a map per document, and
    /// hashing each new word twice, were a sixth of the workers' time.
    static WORD_TABLE: RefCell<HashTable<Slot>> = const { RefCell::new(HashTable::new()) };
}

/// A word in the table: its local id and where its surface is, so that
/// finding a word reads the table and the text, not also the word list (a
/// third cache miss per token in long documents).
#[derive(Clone, Copy)]
struct Slot {
    id: u32,
    start: u32,
    len: u32,
    rewritten: bool,
}

impl Slot {
    /// True when this is `word`, as read from the text or the rewritten
    /// forms as `rewritten` says.
    fn is(&self, word: &str, rewritten: bool, text: &str, rewritten_text: &str) -> bool {
        let source = if self.rewritten { rewritten_text } else { text };
        let range = self.start as usize..(self.start + self.len) as usize;
        self.rewritten == rewritten
            && source
                .as_bytes()
                .get(range)
                .is_some_and(|b| same_bytes(b, word.as_bytes()))
    }
}

impl TokenizedDoc {
    /// Tokenizes a document's text.
    pub fn new(doc: Document) -> Self {
        WORD_TABLE.with_borrow_mut(|table| Self::tokenize(doc, table))
    }

    fn tokenize(doc: Document, table: &mut HashTable<Slot>) -> Self {
        let text = doc.text.as_str();
        // About one distinct word per 40 bytes of news text; a guess only.
        reset_table(table, text.len() / 40);
        let mut words: Vec<LocalWord> = Vec::new();
        let mut rewritten = String::new();
        let mut tokens = Vec::with_capacity(text.len() / 6);
        for token in crate::tokenize::tokenize(text) {
            let (word, is_rewritten) = match &token.surface {
                Cow::Borrowed(word) => (*word, false),
                Cow::Owned(word) => (word.as_str(), true),
            };
            let hash = word_hash(word);
            let same = |slot: &Slot| slot.is(word, is_rewritten, text, &rewritten);
            let id = match table.find(hash, same) {
                Some(slot) => slot.id,
                None => {
                    let id = u32::try_from(words.len()).unwrap_or(u32::MAX);
                    let start = if is_rewritten {
                        rewritten.push_str(word);
                        rewritten.len() - word.len()
                    } else {
                        token.span.start
                    };
                    let slot = Slot {
                        id,
                        start: span_u32(start),
                        len: span_u32(word.len()),
                        rewritten: is_rewritten,
                    };
                    words.push(LocalWord {
                        start: slot.start,
                        len: slot.len,
                        count: 0,
                        rewritten: is_rewritten,
                        hash,
                    });
                    table.insert_unique(hash, slot, |s| words[s.id as usize].hash);
                    id
                }
            };
            if let Some(word) = words.get_mut(id as usize) {
                word.count += 1;
            }
            tokens.push(id);
        }
        Self {
            doc,
            words,
            rewritten,
            tokens: tokens.into(),
        }
    }

    /// The distinct surface forms with their counts, by local id.
    pub fn words(&self) -> impl ExactSizeIterator<Item = (&str, u32)> {
        self.words
            .iter()
            .map(|w| (w.text(&self.doc.text, &self.rewritten), w.count))
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

    /// Splits into the document and its token stream with each local id
    /// replaced by `global[id]`.
    pub fn into_doc_and_stream(self, global: &[u32]) -> (Document, Arc<[u32]>) {
        let mut tokens = self.tokens;
        let stream = match Arc::get_mut(&mut tokens) {
            Some(ids) => {
                for id in ids.iter_mut() {
                    *id = global[*id as usize];
                }
                tokens
            }
            None => tokens.iter().map(|&id| global[id as usize]).collect(),
        };
        (self.doc, stream)
    }
}

impl LocalWord {
    /// The word's surface, from the document's text or the rewritten forms.
    fn text<'a>(&self, text: &'a str, rewritten: &'a str) -> &'a str {
        let source = if self.rewritten { rewritten } else { text };
        let range = self.start as usize..(self.start + self.len) as usize;
        source.get(range).unwrap_or("")
    }
}

/// Empties the word table for a document with about `expected` distinct
/// words; a table left large by a huge document is dropped, as clearing
/// it for every small one would cost more than a new one.
fn reset_table(table: &mut HashTable<Slot>, expected: usize) {
    if table.capacity() > 4 * expected.max(1024) {
        *table = HashTable::with_capacity(expected);
    } else {
        table.clear();
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
        let (_, stream) = tokenized.into_doc_and_stream(&[10, 11, 12, 13, 14]);
        assert_eq!(*stream, [10, 11, 12, 11, 13, 14]);
    }
}
