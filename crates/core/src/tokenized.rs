//! Documents tokenized on the loader's worker threads, ready to be interned.
//!
//! A worker tokenizes a batch of documents (a few megabytes of text) into
//! one [`TokenizedBatch`]: the batch's distinct words, each stored once,
//! and for every document its tokens and its distinct words with counts,
//! as ids into the batch's words. [`crate::Corpus::append`] then interns
//! each word of the batch once, not once per document that has it: common
//! words recur in nearly every document, so a batch has about a third as
//! many distinct words as its documents have in all, and interning (which
//! one worker at a time does, see `loader::handoff`) makes a third of the
//! vocabulary lookups.

use hashbrown::HashTable;

use crate::document::Document;
use crate::stream::PackedStream;
use crate::vocab::{span, span_is, word_hash};

/// Documents with their words, tokenized but not yet interned globally.
/// Built by a [`BatchBuilder`], consumed by [`crate::Corpus::append`].
///
/// A batch has one part per builder that made it: the records of one chunk
/// of an export are tokenized on several threads, yet reach the corpus
/// together (or, after a cancel, not at all).
#[derive(Debug, Default)]
pub struct TokenizedBatch {
    parts: Vec<BatchPart>,
}

/// Documents tokenized by one builder, and the words they share.
#[derive(Debug, Default)]
struct BatchPart {
    docs: Vec<BatchEntry>,
    words: BatchWords,
}

/// The distinct surface forms of a batch, end to end, with their hashes.
#[derive(Debug, Default)]
pub struct BatchWords {
    text: String,
    ends: Vec<u32>,
    /// [`word_hash`] of each word, so that interning does not hash again.
    hashes: Vec<u64>,
}

impl BatchWords {
    /// A word's surface form and [`word_hash`], by batch word id.
    pub fn get(&self, id: u32) -> (&str, u64) {
        (span(&self.text, &self.ends, id), self.hashes[id as usize])
    }

    /// Number of distinct words.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when the batch has no word.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

impl TokenizedBatch {
    /// Tokenizes `docs` as one batch.
    pub fn from_docs(docs: impl IntoIterator<Item = Document>) -> Self {
        let mut builder = BatchBuilder::default();
        for doc in docs {
            builder.push(doc);
        }
        builder.finish()
    }

    /// One batch of the parts of several.
    pub fn merge(batches: impl IntoIterator<Item = TokenizedBatch>) -> Self {
        Self {
            parts: batches.into_iter().flat_map(|b| b.parts).collect(),
        }
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.parts.iter().map(|p| p.docs.len()).sum()
    }

    /// True when the batch holds no document.
    pub fn is_empty(&self) -> bool {
        self.parts.iter().all(|p| p.docs.is_empty())
    }

    /// Word tokens in all the documents of the batch.
    pub fn token_count(&self) -> usize {
        let docs = self.parts.iter().flat_map(|p| &p.docs);
        docs.map(|d| d.tokens.len()).sum()
    }

    /// Splits into parts: each part's distinct words and its documents,
    /// whose word ids refer to those words.
    pub fn split(self) -> Vec<(BatchWords, Vec<BatchEntry>)> {
        self.parts.into_iter().map(|p| (p.words, p.docs)).collect()
    }
}

/// One document of a batch: its tokens and word counts are batch word ids.
#[derive(Debug)]
pub struct BatchEntry {
    pub doc: Document,
    /// The tokens, already packed as the index keeps them: the interning
    /// thread rewrites them to global ids in place instead of allocating
    /// and filling the stream itself.
    pub tokens: PackedStream,
    /// Each distinct word of the document with its count, in order of
    /// first occurrence.
    pub counts: Vec<(u32, u32)>,
}

impl BatchEntry {
    /// The document and its token stream with each batch id replaced by
    /// `global[id]`; `narrow` tells that every global id is below
    /// [`crate::stream::NARROW_IDS`], so the stream can be rewritten in place.
    pub fn into_doc_and_stream(self, global: &[u32], narrow: bool) -> (Document, PackedStream) {
        (self.doc, self.tokens.remap(global, narrow))
    }
}

/// Tokenizes documents into a [`TokenizedBatch`]. A worker keeps one and
/// reuses its tables from batch to batch.
#[derive(Debug, Default)]
pub struct BatchBuilder {
    batch: BatchPart,
    /// Batch word ids, hashed by [`word_hash`].
    table: HashTable<u32>,
    /// By batch word id: 1 + the number of the document that last counted
    /// the word (0: none yet), and where in that document's counts the word
    /// is. One pair, so that a token reads one place, not two.
    counted: Vec<(u32, u32)>,
    /// Bytes of document text in the batch so far.
    text_bytes: usize,
    /// Tokens of the document being tokenized...
    tokens: Vec<u32>,
    /// ...and its words with their counts: both are copied out at their
    /// final size, so they are not regrown for every document.
    counts: Vec<(u32, u32)>,
}

impl BatchBuilder {
    /// Tokenizes one more document into the batch.
    pub fn push(&mut self, doc: Document) {
        let stamp = u32::try_from(self.batch.docs.len() + 1).unwrap_or(u32::MAX);
        self.text_bytes += doc.text.len();
        let mut counts = std::mem::take(&mut self.counts);
        counts.clear();
        let mut tokens = std::mem::take(&mut self.tokens);
        tokens.clear();
        crate::tokenize::for_each_word(&doc.text, |word| {
            let id = self.intern(word);
            let at = id as usize;
            let (counted_in, slot) = &mut self.counted[at];
            if *counted_in != stamp {
                *counted_in = stamp;
                *slot = u32::try_from(counts.len()).unwrap_or(u32::MAX);
                counts.push((id, 0));
            }
            counts[*slot as usize].1 += 1;
            tokens.push(id);
        });
        self.tokens = tokens;
        let tokens = PackedStream::from_ids(&self.tokens);
        let doc_counts = counts.clone();
        self.counts = counts;
        // A huge document leaves a huge buffer: keep it for the next one
        // only while it is of a common size.
        if self.tokens.capacity() > 1 << 20 {
            self.tokens = Vec::new();
            self.counts = Vec::new();
        }
        self.batch.docs.push(BatchEntry {
            doc,
            tokens,
            counts: doc_counts,
        });
    }

    /// The batch word id of `word`, added if new.
    fn intern(&mut self, word: &str) -> u32 {
        let hash = word_hash(word);
        let words = &mut self.batch.words;
        let found = self
            .table
            .find(hash, |&id| span_is(&words.text, &words.ends, id, word));
        if let Some(&id) = found {
            return id;
        }
        let id = u32::try_from(words.ends.len()).unwrap_or(u32::MAX);
        words.text.push_str(word);
        words
            .ends
            .push(u32::try_from(words.text.len()).unwrap_or(u32::MAX));
        words.hashes.push(hash);
        let hashes = &words.hashes;
        self.table.insert_unique(hash, id, |&i| hashes[i as usize]);
        self.counted.push((0, 0));
        id
    }

    /// Documents in the batch so far.
    pub fn len(&self) -> usize {
        self.batch.docs.len()
    }

    /// Bytes of document text pushed since the last [`Self::finish`].
    pub fn text_bytes(&self) -> usize {
        self.text_bytes
    }

    /// True when no document was pushed since the last [`Self::finish`].
    pub fn is_empty(&self) -> bool {
        self.batch.docs.is_empty()
    }

    /// Hands over the batch and empties the builder for the next one.
    pub fn finish(&mut self) -> TokenizedBatch {
        let words = self.batch.words.len();
        self.text_bytes = 0;
        // Tables left large by a batch with a huge document are dropped, as
        // clearing them for every small batch would cost more.
        if self.table.capacity() > (1 << 18).max(4 * words) {
            self.table = HashTable::new();
            self.counted = Vec::new();
        } else {
            self.table.clear();
            self.counted.clear();
        }
        // The next batch is likely about as large as this one, unless this
        // one held a book.
        let words = words.min(1 << 16);
        let next = BatchPart {
            docs: Vec::with_capacity(self.batch.docs.len()),
            words: BatchWords {
                text: String::with_capacity(self.batch.words.text.len().min(1 << 20)),
                ends: Vec::with_capacity(words),
                hashes: Vec::with_capacity(words),
            },
        };
        TokenizedBatch {
            parts: vec![std::mem::replace(&mut self.batch, next)],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{DocKey, SourceKind, SourceStamp};

    fn doc(text: &str) -> Document {
        Document {
            key: DocKey::from("a.txt"),
            kind: SourceKind::PlainText,
            stamp: std::sync::Arc::new(SourceStamp {
                size_bytes: 0,
                modified_secs: None,
                hash: String::new(),
            }),
            content_hash: 0,
            fields: crate::fields::ArticleFields::default(),
            text: text.to_owned(),
            body_start: 0,
            encoding: "UTF-8",
        }
    }

    #[test]
    fn words_are_shared_by_the_batch_and_counted_per_document() {
        let batch = TokenizedBatch::from_docs([
            doc("Putin’s pact, the pact: don’t, don't."),
            doc("The pact and the PACT"),
        ]);
        assert_eq!(batch.len(), 2);
        let (words, docs) = batch.split().remove(0);
        let surfaces: Vec<&str> = (0..words.len() as u32).map(|id| words.get(id).0).collect();
        // Typographic apostrophes are read as `'`: one word "don't".
        assert_eq!(
            surfaces,
            ["Putin", "pact", "the", "don't", "The", "and", "PACT"]
        );
        for id in 0..words.len() as u32 {
            let (word, hash) = words.get(id);
            assert_eq!(hash, word_hash(word));
        }
        assert_eq!(docs[0].tokens.view().to_vec(), [0, 1, 2, 1, 3, 3]);
        assert_eq!(docs[0].counts, [(0, 1), (1, 2), (2, 1), (3, 2)]);
        assert_eq!(docs[1].tokens.view().to_vec(), [4, 1, 5, 2, 6]);
        assert_eq!(docs[1].counts, [(4, 1), (1, 1), (5, 1), (2, 1), (6, 1)]);
        let global: Vec<u32> = (10..17).collect();
        let second = docs
            .into_iter()
            .nth(1)
            .map(|d| d.into_doc_and_stream(&global, true));
        assert_eq!(
            second.map(|(_, s)| s.view().to_vec()),
            Some(vec![14, 11, 15, 12, 16])
        );
    }

    #[test]
    fn a_builder_starts_each_batch_afresh() {
        let mut builder = BatchBuilder::default();
        builder.push(doc("alpha beta"));
        let first = builder.finish();
        assert!(builder.is_empty());
        builder.push(doc("beta gamma"));
        let second = builder.finish();
        assert_eq!(first.split()[0].0.get(0).0, "alpha");
        let merged = TokenizedBatch::merge([TokenizedBatch::default(), second]);
        assert_eq!(merged.len(), 1);
        let (words, docs) = merged.split().remove(0);
        assert_eq!(words.get(0).0, "beta");
        assert_eq!(words.len(), 2);
        assert_eq!(docs[0].counts, [(0, 1), (1, 1)]);
    }
}
