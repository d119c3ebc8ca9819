//! The loaded corpus: documents, vocabulary and index, grown by appending.
//!
//! A [`Corpus`] is cheap to clone (its parts sit behind `Arc`s), so the GUI
//! can keep showing one snapshot while a background job clones it, appends
//! newly loaded documents (copy-on-write) and hands back the next state.
//! Documents already loaded are never re-read or re-tokenized.

use std::hash::BuildHasher;
use std::sync::{Arc, OnceLock};

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

use chrono::NaiveDate;

use crate::document::{DocKey, Document};
use crate::index::{DocIx, Index};
use crate::overlay::Overlay;
use crate::query::Lexicon;
use crate::stream::NARROW_IDS;
use crate::tokenized::BatchEntry;
pub use crate::tokenized::{BatchBuilder, TokenizedBatch};
use crate::vocab::{SurfaceId, Vocabulary};

/// Documents plus their index. See the module docs.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    docs: Arc<Vec<Arc<Document>>>,
    vocab: Arc<Vocabulary>,
    index: Arc<Index>,
    /// Document indices by [`key_hash`] of their key. The tables hold only
    /// indices (the keys are in `docs`): a copy of every key and a list per
    /// content hash cost about 10 MB on 77,000 documents.
    by_key: Arc<HashTable<DocIx>>,
    /// Document indices by content hash; equal contents share a hash.
    by_content: Arc<HashTable<DocIx>>,
    /// Alphabetical vocabulary for queries and sorts, built on first use.
    lexicon: OnceLock<Arc<Lexicon>>,
}

impl Corpus {
    /// Appends documents, skipping keys already loaded. Returns how many
    /// were added.
    pub fn append(&mut self, batch: TokenizedBatch) -> usize {
        let vocab = Arc::make_mut(&mut self.vocab);
        let index = Arc::make_mut(&mut self.index);
        let by_key = Arc::make_mut(&mut self.by_key);
        let by_content = Arc::make_mut(&mut self.by_content);
        let docs = Arc::make_mut(&mut self.docs);
        self.lexicon = OnceLock::new();
        let mut added = 0;
        for (words, entries) in batch.split() {
            // Batch word id -> global surface id. Words are interned on first
            // use, so that the words of documents skipped here never enter
            // the vocabulary. When every document is new, which is nearly
            // always, they are all interned first, looked up in one loop and
            // the new ones added in a second: the lookups' cache misses then
            // overlap instead of each waiting between a document's
            // postings (2% of the load's CPU). Batch ids are in order of
            // first use, so the ids given are the same.
            let mut global: Vec<SurfaceId> = vec![UNINTERNED; words.len()];
            let fresh = all_new(by_key, docs, &entries);
            if fresh {
                for (id, slot) in global.iter_mut().enumerate() {
                    let (word, hash) = words.get(id as u32);
                    *slot = vocab.find_hashed(word, hash).unwrap_or(UNINTERNED);
                }
                for (id, slot) in global.iter_mut().enumerate() {
                    if *slot == UNINTERNED {
                        let (word, hash) = words.get(id as u32);
                        *slot = vocab.intern_hashed(word, hash);
                    }
                }
            }
            let mut counted: Vec<(SurfaceId, u32)> = Vec::new();
            for entry in entries {
                if !fresh && find_key(by_key, docs, &entry.doc.key).is_some() {
                    continue;
                }
                counted.clear();
                for &(id, count) in &entry.counts {
                    let slot = &mut global[id as usize];
                    if *slot == UNINTERNED {
                        let (word, hash) = words.get(id);
                        *slot = vocab.intern_hashed(word, hash);
                    }
                    counted.push((*slot, count));
                }
                let narrow = vocab.surface_count() <= NARROW_IDS as usize;
                let (doc, stream) = entry.into_doc_and_stream(&global, narrow);
                index.push_counted(stream, &counted, vocab.fold_table(), vocab.folded_count());
                let ix = DocIx::try_from(docs.len()).unwrap_or(DocIx::MAX);
                let (by_key_hash, content_hash) = (key_hash(&doc.key), doc.content_hash);
                docs.push(Arc::new(doc));
                by_key.insert_unique(by_key_hash, ix, |&d| key_hash(&docs[d as usize].key));
                by_content.insert_unique(content_key(content_hash), ix, |&d| {
                    content_key(docs[d as usize].content_hash)
                });
                added += 1;
            }
        }
        added
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// True when no document is loaded.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// A document by index.
    pub fn doc(&self, ix: DocIx) -> &Document {
        &self.docs[ix as usize]
    }

    /// All documents in load order.
    pub fn docs(&self) -> &[Arc<Document>] {
        &self.docs
    }

    /// Finds a document by its key.
    pub fn find(&self, key: &DocKey) -> Option<DocIx> {
        find_key(&self.by_key, &self.docs, key)
    }

    /// True when a document with this key is loaded.
    pub fn contains_path(&self, path: &str) -> bool {
        let key = DocKey {
            path: path.into(),
            record: None,
        };
        find_key(&self.by_key, &self.docs, &key).is_some()
    }

    /// The vocabulary.
    pub fn vocab(&self) -> &Vocabulary {
        &self.vocab
    }

    /// The index.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The vocabulary in alphabetical order (built on first use, dropped
    /// when documents are appended).
    pub fn lexicon(&self) -> &Lexicon {
        self.lexicon
            .get_or_init(|| Arc::new(Lexicon::new(&self.vocab)))
    }

    /// Number of word tokens of a document.
    pub fn word_count(&self, ix: DocIx) -> usize {
        self.index.stream(ix).len()
    }

    /// Other documents with exactly the same content, by index.
    pub fn duplicates_of(&self, ix: DocIx) -> Vec<DocIx> {
        let hash = self.doc(ix).content_hash;
        let mut same: Vec<DocIx> = self
            .by_content
            .iter_hash(content_key(hash))
            .copied()
            .filter(|&d| d != ix && self.doc(d).content_hash == hash)
            .collect();
        same.sort_unstable();
        same
    }

    /// Document indices ordered by path, then record number.
    pub fn sorted_by_key(&self) -> Vec<DocIx> {
        let mut order: Vec<DocIx> = (0..self.docs.len() as DocIx).collect();
        order.sort_by(|&a, &b| self.doc(a).key.cmp(&self.doc(b).key));
        order
    }

    /// The fields of a document with the user's corrections applied.
    pub fn fields<'a>(&'a self, ix: DocIx, overlay: &'a Overlay) -> Effective<'a> {
        let doc = self.doc(ix);
        let fix = overlay.correction(&doc.key);
        // A correction replaces the field; an empty one removes its value
        // (an agency read where the page had none).
        let pick = |c: Option<&'a String>, f: Option<&'a String>| match c {
            Some(c) => (!c.is_empty()).then_some(c.as_str()),
            None => f.map(String::as_str),
        };
        Effective {
            title: fix
                .and_then(|c| c.title.as_deref())
                .unwrap_or_else(|| doc.title()),
            agency: pick(fix.and_then(|c| c.agency.as_ref()), doc.fields.agency.get()),
            outlet: pick(fix.and_then(|c| c.outlet.as_ref()), doc.fields.outlet.get()),
            dateline: pick(
                fix.and_then(|c| c.dateline.as_ref()),
                doc.fields.dateline.get(),
            ),
            published: fix.and_then(|c| c.published).or_else(|| doc.published()),
            byline: doc.fields.byline.get().map(String::as_str),
            tags: overlay.tags.get(&doc.key).map_or(&[], Vec::as_slice),
        }
    }
}

/// A batch word not interned yet (no surface id reaches `u32::MAX`: the
/// vocabulary would run out of memory long before).
const UNINTERNED: SurfaceId = SurfaceId::MAX;

/// True when none of `entries` is loaded yet and no two share a key, so
/// that [`Corpus::append`] adds them all.
fn all_new(by_key: &HashTable<DocIx>, docs: &[Arc<Document>], entries: &[BatchEntry]) -> bool {
    let mut hashes: Vec<u64> = entries.iter().map(|e| key_hash(&e.doc.key)).collect();
    hashes.sort_unstable();
    // Equal hashes are taken for equal keys: the caller then interns on
    // first use, which is right either way.
    let distinct = hashes.windows(2).all(|w| w[0] != w[1]);
    distinct
        && entries
            .iter()
            .all(|e| find_key(by_key, docs, &e.doc.key).is_none())
}

/// The hash of a content hash in `Corpus::by_content`: mixed again, as the
/// table reads its top and bottom bits apart and a document built in code
/// may carry any number as its content hash (with a counter, every entry
/// had the same top bits and each lookup compared dozens of them).
fn content_key(content_hash: u64) -> u64 {
    FxBuildHasher.hash_one(content_hash)
}

/// The hash of a document key in `Corpus::by_key`.
fn key_hash(key: &DocKey) -> u64 {
    FxBuildHasher.hash_one(key)
}

/// The index of the document with `key` in a `by_key` table over `docs`.
fn find_key(table: &HashTable<DocIx>, docs: &[Arc<Document>], key: &DocKey) -> Option<DocIx> {
    table
        .find(key_hash(key), |&d| docs[d as usize].key == *key)
        .copied()
}

/// A document's fields as every consumer should see them (corrections
/// applied).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Effective<'a> {
    pub title: &'a str,
    pub agency: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub dateline: Option<&'a str>,
    pub published: Option<NaiveDate>,
    pub byline: Option<&'a str>,
    /// The user's tags.
    pub tags: &'a [String],
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{SourceKind, SourceStamp};

    fn doc(path: &str, text: &str) -> Document {
        Document {
            key: DocKey::from(path),
            kind: SourceKind::PlainText,
            stamp: Arc::new(SourceStamp {
                size_bytes: 0,
                modified_secs: None,
                hash: String::new(),
            }),
            content_hash: crate::vocab::word_hash(text),
            fields: crate::fields::ArticleFields::default(),
            text: text.to_owned(),
            body_start: 0,
            encoding: "UTF-8",
        }
    }

    fn surfaces(corpus: &Corpus) -> Vec<&str> {
        corpus.vocab().surface_iter().map(|(_, s)| s).collect()
    }

    #[test]
    fn corrections_replace_fields_and_an_empty_one_clears_its_field() {
        let mut article = doc("a.txt", "Storm\n\nSEOUL: A storm hit.");
        article.body_start = "Storm\n\n".len();
        article.fields.agency =
            crate::fields::Field::found("AFP".to_owned(), crate::fields::Provenance::Line(3));
        article.fields.outlet =
            crate::fields::Field::found("dawn.com".to_owned(), crate::fields::Provenance::Line(4));
        let mut corpus = Corpus::default();
        corpus.append(TokenizedBatch::from_docs([article]));
        let mut overlay = Overlay::default();
        let before = corpus.fields(0, &overlay);
        assert_eq!(
            (before.title, before.agency, before.outlet),
            ("Storm", Some("AFP"), Some("dawn.com"))
        );
        overlay.set_correction(
            DocKey::from("a.txt"),
            crate::overlay::Correction {
                title: Some("Typhoon".into()),
                agency: Some(String::new()),
                dateline: Some("SEOUL".into()),
                ..Default::default()
            },
        );
        let after = corpus.fields(0, &overlay);
        assert_eq!(after.title, "Typhoon");
        assert_eq!(after.agency, None, "an empty correction clears the field");
        assert_eq!(after.outlet, Some("dawn.com"), "not corrected");
        assert_eq!(after.dateline, Some("SEOUL"));
    }

    #[test]
    fn words_are_numbered_in_order_of_first_use_across_batches() {
        let mut corpus = Corpus::default();
        corpus.append(TokenizedBatch::from_docs([
            doc("a.txt", "Storm hits coast"),
            doc("b.txt", "coast guard"),
        ]));
        corpus.append(TokenizedBatch::from_docs([doc("c.txt", "guard the Storm")]));
        assert_eq!(
            surfaces(&corpus),
            ["Storm", "hits", "coast", "guard", "the"]
        );
        assert_eq!(corpus.index().stream(2).len(), 3);
    }

    #[test]
    fn words_of_documents_already_loaded_stay_out_of_the_vocabulary() {
        let mut corpus = Corpus::default();
        corpus.append(TokenizedBatch::from_docs([doc("a.txt", "Storm hits")]));
        // Loaded again with other words (the file changed), and a new one.
        let added = corpus.append(TokenizedBatch::from_docs([
            doc("a.txt", "unseen words"),
            doc("b.txt", "hits coast"),
        ]));
        assert_eq!(added, 1);
        assert_eq!(surfaces(&corpus), ["Storm", "hits", "coast"]);
        // Twice in one batch: the first is added.
        let added = corpus.append(TokenizedBatch::from_docs([
            doc("c.txt", "guard"),
            doc("c.txt", "never"),
        ]));
        assert_eq!(added, 1);
        assert_eq!(surfaces(&corpus), ["Storm", "hits", "coast", "guard"]);
    }
}
