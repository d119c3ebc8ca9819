//! Splitting text into word tokens.
//!
//! Words follow Unicode word boundaries (UAX #29, via `unicode-segmentation`)
//! with three house rules, shared by the index and the query parser so a
//! query is always cut the same way as the text:
//! - a segment is a word when it holds at least one letter or digit;
//!   punctuation, spaces and symbols are skipped;
//! - numbers are words: `2020`, `1,000` and `3.5` are one token each
//!   (UAX #29 keeps digits joined by `,` and `.`);
//! - hyphens split: `non-interference` is the two tokens `non` and
//!   `interference`, so the phrase query `non-interference` finds it;
//! - a trailing possessive `'s` (or `’s`) is cut off its word and dropped,
//!   so `putin` finds "Putin's"; typographic apostrophes inside a word are
//!   read as `'` (`don’t` is the word `don't`).
//!
//! [`tokenize`] yields [`Token`]s with byte spans into the text, so spans can
//! be recomputed for any document on demand instead of being stored.

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// One word occurrence: its byte span in the text and its surface form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// Byte range of the word in the text (possessive excluded).
    pub span: Range<usize>,
    /// The word as written, with typographic apostrophes read as `'`.
    pub surface: Cow<'a, str>,
}

/// Iterates over the word tokens of `text`.
pub fn tokenize(text: &str) -> impl Iterator<Item = Token<'_>> {
    text.split_word_bound_indices()
        .filter_map(|(start, segment)| word_token(start, segment))
}

/// Turns one UAX #29 segment into a token, or `None` for punctuation and
/// spaces.
fn word_token(start: usize, segment: &str) -> Option<Token<'_>> {
    let first = segment.as_bytes()[0];
    let is_word = if first.is_ascii() {
        segment.bytes().any(|b| b.is_ascii_alphanumeric())
            || (!segment.is_ascii() && segment.chars().any(char::is_alphanumeric))
    } else {
        segment.chars().any(char::is_alphanumeric)
    };
    if !is_word {
        return None;
    }
    let word = strip_possessive(segment);
    let surface = if word.contains('\u{2019}') {
        Cow::Owned(word.replace('\u{2019}', "'"))
    } else {
        Cow::Borrowed(word)
    };
    Some(Token {
        span: start..start + word.len(),
        surface,
    })
}

/// Cuts a trailing `'s` / `’s` (and the plural possessive's lone
/// apostrophe is never part of a UAX #29 word anyway).
fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "'S", "\u{2019}s", "\u{2019}S"] {
        if let Some(stem) = word.strip_suffix(suffix)
            && !stem.is_empty()
        {
            return stem;
        }
    }
    word
}

/// Case-folds a word for case-insensitive matching.
pub fn fold(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// The surface forms of the words in `text`, in order.
pub fn words(text: &str) -> Vec<String> {
    tokenize(text).map(|t| t.surface.into_owned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn possessives_hyphens_numbers() {
        let got = words(
            "Putin’s pact: non-interference, 1,000 votes in 2020 and 3.5% of U.S. voters don’t care.",
        );
        assert_eq!(
            got,
            [
                "Putin",
                "pact",
                "non",
                "interference",
                "1,000",
                "votes",
                "in",
                "2020",
                "and",
                "3.5",
                "of",
                "U.S",
                "voters",
                "don't",
                "care"
            ]
        );
    }

    #[test]
    fn spans_point_into_the_text() {
        let text = "MOSCOW: Russia's President";
        let spans: Vec<&str> = tokenize(text).map(|t| &text[t.span]).collect();
        assert_eq!(spans, ["MOSCOW", "Russia", "President"]);
    }

    #[test]
    fn non_latin_scripts() {
        assert_eq!(words("Путин заявил"), ["Путин", "заявил"]);
        assert_eq!(words("بوتين يقترح"), ["بوتين", "يقترح"]);
        assert_eq!(words("普京提议"), ["普", "京", "提", "议"]);
    }

    #[test]
    fn folding() {
        assert_eq!(fold("Putin"), "putin");
        assert_eq!(fold("ПУТИН"), "путин");
        assert!(matches!(fold("pact"), Cow::Borrowed(_)));
    }
}
