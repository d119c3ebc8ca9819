//! Documents and their stable identity.
//!
//! A [`DocKey`] (source path plus record number for CSV/JSON Lines) names a
//! document across sessions; [`SourceStamp`] records the file's size,
//! modification time and content hash taken at load, so a workspace can tell
//! whether a source changed without re-hashing on save.

use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::fields::{ArticleFields, Field};

/// Stable identity of a document: its source path and, for record files,
/// the 1-based record number.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DocKey {
    /// Path of the source file as loaded (or `seeds/...` for the embedded
    /// sample).
    pub path: Arc<str>,
    /// 1-based record number inside a CSV/JSON Lines file; `None` for a
    /// one-article file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<u32>,
}

impl fmt::Display for DocKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.record {
            Some(n) => write!(f, "{}#{n}", self.path),
            None => f.write_str(&self.path),
        }
    }
}

/// What a source file looked like when it was loaded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceStamp {
    /// File size in bytes.
    pub size_bytes: u64,
    /// Modification time, seconds since the Unix epoch (if the OS gave one).
    pub modified_secs: Option<i64>,
    /// xxh3-64 hash of the file's bytes, as 16 hex digits.
    pub hash: String,
}

/// The kind of container a document came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SourceKind {
    PlainText,
    Html,
    Csv,
    JsonLines,
    /// A record of a `.json` document.
    Json,
    /// A message of a mailbox file (`.mbox`).
    Mbox,
    Embedded,
}

/// One article: identity, fields and text.
#[derive(Clone, Debug)]
pub struct Document {
    pub key: DocKey,
    pub kind: SourceKind,
    /// Stamp of the whole source file (shared by all records of a file).
    pub stamp: Arc<SourceStamp>,
    /// Hash of this document's own content, for exact-duplicate detection.
    pub content_hash: u64,
    /// Extracted fields with provenance. The headline's text is not kept
    /// here but only at the start of `text` ([`Self::title`] reads it):
    /// `fields.title` holds its provenance, and no value once the document
    /// is built (see [`Self::compose_text_owned`]).
    pub fields: ArticleFields,
    /// The indexed text: headline, blank line, body (dateline included).
    pub text: String,
    /// Byte offset in `text` where the body starts.
    pub body_start: usize,
    /// Encoding the source was decoded from.
    pub encoding: &'static str,
}

impl Document {
    /// The headline (before corrections): the text up to the blank line
    /// that [`Self::compose_text`] puts before the body.
    pub fn title(&self) -> &str {
        let end = self.body_start.saturating_sub(2);
        self.text.get(..end).unwrap_or("")
    }

    /// The body text.
    pub fn body(&self) -> &str {
        self.text.get(self.body_start..).unwrap_or("")
    }

    /// Publication date found at load.
    pub fn published(&self) -> Option<NaiveDate> {
        self.fields.published.get().copied()
    }

    /// Builds the indexed text from a headline and a body.
    pub fn compose_text(title: &str, body: &str) -> (String, usize) {
        if title.is_empty() {
            return (body.to_owned(), 0);
        }
        let mut text = String::with_capacity(title.len() + body.len() + 2);
        text.push_str(title);
        text.push_str("\n\n");
        let body_start = text.len();
        text.push_str(body);
        (text, body_start)
    }

    /// [`Self::compose_text`] taking the body by value, and the headline's
    /// value out of its field. The text is built in the body's allocation
    /// instead of a third copy of the article (the file's bytes and the
    /// decoded text being the others), which saved a page fault per 4 KB
    /// of text at load; the headline then exists once, in the text (a
    /// second copy of every headline cost 7 MB on a 128 MB corpus).
    pub fn compose_text_owned(title: &mut Field<String>, mut body: String) -> (String, usize) {
        let title = title.value.take().unwrap_or_default();
        if !title.is_empty() {
            body.reserve_exact(title.len() + 2);
            body.insert_str(0, &[title.as_str(), "\n\n"].concat());
        }
        // Documents live as long as the corpus: no spare capacity.
        body.shrink_to_fit();
        let body_start = if title.is_empty() { 0 } else { title.len() + 2 };
        (body, body_start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::Provenance;

    #[test]
    fn composing_in_the_body_allocation_gives_the_same_text() {
        for (title, body) in [("", "Body.\n\nMore."), ("Title", "Body."), ("T", "")] {
            let mut spare = String::with_capacity(64);
            spare.push_str(body);
            let mut field = Field::found(title.to_owned(), Provenance::Line(2));
            let owned = Document::compose_text_owned(&mut field, spare);
            assert_eq!(owned, Document::compose_text(title, body));
            assert_eq!(owned.0.capacity(), owned.0.len());
            // The headline moved into the text; its provenance stays.
            assert_eq!(field.value, None);
            assert_eq!(field.from, Provenance::Line(2));
            let doc = Document {
                key: DocKey::from("a.txt"),
                kind: SourceKind::PlainText,
                stamp: Arc::new(SourceStamp {
                    size_bytes: 0,
                    modified_secs: None,
                    hash: String::new(),
                }),
                content_hash: 0,
                fields: ArticleFields::default(),
                text: owned.0,
                body_start: owned.1,
                encoding: "UTF-8",
            };
            assert_eq!(doc.title(), title);
            assert_eq!(doc.body(), body);
        }
    }
}
