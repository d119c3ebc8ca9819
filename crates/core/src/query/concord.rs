//! Concordance lines materialised on demand: left context, keyword, right
//! context, as the text is written.
//!
//! Hits are only (document, position) pairs; a [`Concordance`] turns the
//! few the screen shows (or a chunk being exported) into [`Line`]s. Token
//! byte spans are recomputed with the shared tokenizer (the i-th token is
//! position i). To avoid re-tokenizing a whole document per line, the
//! first visit of a document records the byte offset of every 32nd token
//! (a few kilobytes for a 100 MB corpus); a line then tokenizes only from
//! the checkpoint before its context. Restarting there is safe because a
//! checkpoint is a token start, a word boundary whose rules look no further
//! back. Context is counted in words (widened over punctuation touching the
//! outer words, so quotes and full stops stay) or in characters; runs of
//! whitespace, line breaks included, show as one space.

use std::ops::Range;
use std::sync::{Arc, PoisonError, RwLock};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::search::Hit;
use crate::corpus::Corpus;
use crate::index::DocIx;
use crate::tokenize::tokenize;

/// Tokens between two checkpoints.
const STEP: usize = 32;
/// Below this many lines, building them in parallel is not worth it.
const PARALLEL_LINES: usize = 512;

/// Context width on each side of the hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// This many words.
    Words(usize),
    /// This many characters.
    Chars(usize),
}

impl Default for Context {
    fn default() -> Self {
        Self::Words(5)
    }
}

/// One concordance line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub hit: Hit,
    /// Text before the keyword (ends with a space when the text has one).
    pub left: String,
    /// The hit as written (a phrase includes what lies between its words).
    pub keyword: String,
    /// Text after the keyword (starts with a space when the text has one).
    pub right: String,
    /// Byte span of the keyword in the document's text (for the reader).
    pub span: Range<usize>,
}

/// Builds lines for hits of one corpus. See the module docs.
#[derive(Debug)]
pub struct Concordance {
    corpus: Corpus,
    checkpoints: RwLock<FxHashMap<DocIx, Arc<[u32]>>>,
}

/// Byte spans of consecutive tokens, the first being token `first`.
struct Window {
    first: usize,
    spans: Vec<(usize, usize)>,
}

impl Window {
    fn get(&self, token: usize) -> Option<(usize, usize)> {
        self.spans.get(token.checked_sub(self.first)?).copied()
    }

    /// Index of the last token held (`None` when empty).
    fn last(&self) -> Option<usize> {
        (self.first + self.spans.len()).checked_sub(1)
    }
}

impl Concordance {
    /// A concordance over a (cheaply cloned) corpus snapshot.
    pub fn new(corpus: &Corpus) -> Self {
        Self {
            corpus: corpus.clone(),
            checkpoints: RwLock::new(FxHashMap::default()),
        }
    }

    /// The corpus the lines come from.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// Lines for `hits`, in the same order.
    pub fn lines(&self, hits: &[Hit], context: Context) -> Vec<Line> {
        if hits.len() < PARALLEL_LINES {
            hits.iter().map(|&h| self.line(h, context)).collect()
        } else {
            hits.par_iter().map(|&h| self.line(h, context)).collect()
        }
    }

    /// One line.
    pub fn line(&self, hit: Hit, context: Context) -> Line {
        let text = self.text(hit.doc);
        let pos = hit.pos as usize;
        let last = pos + hit.len.max(1) as usize - 1;
        let n = match context {
            Context::Words(n) => n,
            Context::Chars(_) => 0,
        };
        let first_tok = pos.saturating_sub(n);
        let window = self.window(hit.doc, first_tok.saturating_sub(1), last + n + 1);
        let (Some(first), Some(end)) = (window.get(pos), window.get(last)) else {
            return Line {
                hit,
                left: String::new(),
                keyword: String::new(),
                right: String::new(),
                span: 0..0,
            };
        };
        let span = first.0..end.1;
        let (left, right) = match context {
            Context::Words(n) => {
                let (start, end) = word_window(text, &window, first_tok, last, n);
                (&text[start..span.start], &text[span.end..end])
            }
            Context::Chars(n) => (
                char_tail(&text[..span.start], n),
                char_head(&text[span.end..], n),
            ),
        };
        Line {
            hit,
            left: collapse(left),
            keyword: collapse(&text[span.clone()]),
            right: collapse(right),
            span,
        }
    }

    /// Byte span of a hit in its document's text (for the reader to scroll
    /// to and highlight).
    pub fn hit_span(&self, hit: Hit) -> Option<Range<usize>> {
        let pos = hit.pos as usize;
        let last = pos + hit.len.max(1) as usize - 1;
        let window = self.window(hit.doc, pos, last);
        Some(window.get(pos)?.0..window.get(last)?.1)
    }

    /// Byte spans of every token of a document (not cached: for the reader,
    /// once per document shown).
    pub fn spans(&self, doc: DocIx) -> Vec<Range<usize>> {
        tokenize(self.text(doc)).map(|t| t.span).collect()
    }

    fn text(&self, doc: DocIx) -> &str {
        self.corpus.docs().get(doc as usize).map_or("", |d| &d.text)
    }

    /// Spans of tokens `from..=to` (fewer at the end of the document).
    fn window(&self, doc: DocIx, from: usize, to: usize) -> Window {
        let checkpoints = self.checkpoints(doc);
        let k = (from / STEP).min(checkpoints.len().saturating_sub(1));
        let Some(&offset) = checkpoints.get(k) else {
            return Window {
                first: from,
                spans: Vec::new(),
            };
        };
        let offset = offset as usize;
        let text = self.text(doc);
        let spans = tokenize(text.get(offset..).unwrap_or(""))
            .skip(from - k * STEP)
            .take(to + 1 - from)
            .map(|t| (offset + t.span.start, offset + t.span.end))
            .collect();
        Window { first: from, spans }
    }

    /// Byte offsets of tokens 0, STEP, 2 STEP... of a document (cached).
    fn checkpoints(&self, doc: DocIx) -> Arc<[u32]> {
        let read = self
            .checkpoints
            .read()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(found) = read.get(&doc) {
            return found.clone();
        }
        drop(read);
        let found: Arc<[u32]> = tokenize(self.text(doc))
            .step_by(STEP)
            .map(|t| u32::try_from(t.span.start).unwrap_or(u32::MAX))
            .collect();
        self.checkpoints
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(doc, found.clone());
        found
    }
}

/// Byte range from `n` words before the hit to `n` words after it, widened
/// over punctuation attached to the outer words.
fn word_window(
    text: &str,
    window: &Window,
    first_tok: usize,
    last: usize,
    n: usize,
) -> (usize, usize) {
    let last_tok = (last + n).min(window.last().unwrap_or(last));
    let floor = first_tok
        .checked_sub(1)
        .and_then(|p| window.get(p))
        .map_or(0, |s| s.1);
    let ceiling = window.get(last_tok + 1).map_or(text.len(), |s| s.0);
    let mut start = window.get(first_tok).map_or(floor, |s| s.0);
    let mut end = window.get(last_tok).map_or(ceiling, |s| s.1);
    if n > 0 {
        for (i, c) in text[floor..start].char_indices().rev() {
            if c.is_whitespace() {
                break;
            }
            start = floor + i;
        }
        end = text[end..ceiling]
            .find(char::is_whitespace)
            .map_or(ceiling, |rel| end + rel);
    }
    (start, end)
}

/// The last `n` characters of `text` (whitespace runs counted once).
fn char_tail(text: &str, n: usize) -> &str {
    let mut count = 0;
    let mut start = text.len();
    let mut last_space = false;
    for (i, c) in text.char_indices().rev() {
        let space = c.is_whitespace();
        if !(space && last_space) {
            if count == n {
                break;
            }
            count += 1;
        }
        last_space = space;
        start = i;
    }
    &text[start..]
}

/// The first `n` characters of `text` (whitespace runs counted once).
fn char_head(text: &str, n: usize) -> &str {
    let mut count = 0;
    let mut last_space = false;
    for (i, c) in text.char_indices() {
        let space = c.is_whitespace();
        if !(space && last_space) {
            if count == n {
                return &text[..i];
            }
            count += 1;
        }
        last_space = space;
    }
    text
}

/// Runs of whitespace (line breaks included) become one space.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_windows_and_collapsing() {
        assert_eq!(char_tail("ab  \n cd ", 4), "  \n cd ");
        assert_eq!(char_head(" x\n\n yz", 3), " x\n\n ");
        assert_eq!(char_head(" x\n\n yz", 4), " x\n\n y");
        assert_eq!(collapse("a \n\n b"), "a b");
        assert_eq!(char_tail("abc", 10), "abc");
    }
}
