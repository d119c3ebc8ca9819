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
///
/// Runs of ASCII between ASCII whitespace take a fast path that applies the
/// UAX #29 rules for ASCII directly; everything else goes through
/// `unicode-segmentation`. Both yield exactly the same tokens
/// ([`tokenize_uax29`] is the reference, compared in tests on real text).
pub fn tokenize(text: &str) -> Tokens<'_> {
    Tokens {
        text,
        pos: 0,
        piece_end: 0,
        slow: None,
    }
}

/// Iterates over the word tokens of `text` with `unicode-segmentation` only:
/// the reference that [`tokenize`] must agree with.
pub fn tokenize_uax29(text: &str) -> impl Iterator<Item = Token<'_>> {
    text.split_word_bound_indices()
        .filter_map(|(start, segment)| word_token(start, segment))
}

/// The iterator behind [`tokenize`].
///
/// Why the split is exact: UAX #29 always breaks before an ASCII whitespace
/// character and after one unless an Extend/Format/ZWJ or another space
/// follows (WB3a-d, WB4), and the two-character look-around rules (WB6, WB7,
/// WB11, WB12) never see through whitespace. So an ASCII run between ASCII
/// whitespace segments the same alone as in its text, and so does a whole
/// region of such runs: the fast path cuts everything up to the whitespace
/// before the next non-ASCII byte in one go. Runs with non-ASCII characters
/// are handed to `unicode-segmentation` together with the whitespace before
/// them and any non-ASCII runs that follow, which keeps every rule's
/// context.
pub struct Tokens<'a> {
    text: &'a str,
    /// Next byte to look at.
    pos: usize,
    /// End of the ASCII region being cut by the fast path.
    piece_end: usize,
    /// A non-ASCII stretch being cut by `unicode-segmentation`, with its
    /// offset in `text`.
    slow: Option<(usize, unicode_segmentation::UWordBoundIndices<'a>)>,
}

fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// UAX #29 word-break classes of ASCII bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    /// `_` (ExtendNumLet).
    Underscore,
    /// `:` (MidLetter).
    MidLetter,
    /// `.` (MidNumLet) and `'` (Single_Quote): join letters or digits.
    MidBoth,
    /// `,` and `;` (MidNum).
    MidNum,
    Other,
}

fn class(b: u8) -> Class {
    CLASSES[usize::from(b)]
}

/// [`Class`] by byte, as a table: the word loop looks up every byte.
const CLASSES: [Class; 256] = {
    let mut table = [Class::Other; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'0'..=b'9' => Class::Digit,
            b'_' => Class::Underscore,
            b':' => Class::MidLetter,
            b'.' | b'\'' => Class::MidBoth,
            b',' | b';' => Class::MidNum,
            _ => Class::Other,
        };
        b += 1;
    }
    table
};

/// The next word segment of an ASCII region (whitespace is a class of its
/// own that joins nothing), as a byte range, scanning from `from`; `None`
/// when the region has no more words.
fn next_ascii_word(bytes: &[u8], from: usize, end: usize) -> Option<(usize, usize)> {
    let mut i = from;
    while i < end {
        let first = class(bytes[i]);
        if !matches!(first, Class::Letter | Class::Digit | Class::Underscore) {
            i += 1;
            continue;
        }
        let start = i;
        let mut has_alnum = first != Class::Underscore;
        let mut last = first;
        i += 1;
        while i < end {
            let c = class(bytes[i]);
            if matches!(c, Class::Letter | Class::Digit | Class::Underscore) {
                // WB5, WB8, WB9, WB10, WB13a, WB13b.
                has_alnum |= c != Class::Underscore;
                last = c;
                i += 1;
                continue;
            }
            let next = if i + 1 < end {
                class(bytes[i + 1])
            } else {
                Class::Other
            };
            let joins = match (last, c, next) {
                // WB6, WB7.
                (Class::Letter, Class::MidLetter | Class::MidBoth, Class::Letter) => true,
                // WB11, WB12.
                (Class::Digit, Class::MidNum | Class::MidBoth, Class::Digit) => true,
                _ => false,
            };
            if !joins {
                break;
            }
            last = next;
            i += 2;
        }
        if has_alnum {
            return Some((start, i));
        }
    }
    None
}

impl<'a> Tokens<'a> {
    /// Finds the next stretch of text to cut: sets `piece_end` for an ASCII
    /// region or `slow` for a non-ASCII stretch. False at the end of the
    /// text.
    fn next_stretch(&mut self) -> bool {
        let bytes = self.text.as_bytes();
        let space_start = self.pos;
        let mut start = self.pos;
        while start < bytes.len() && is_ascii_space(bytes[start]) {
            start += 1;
        }
        if start >= bytes.len() {
            self.pos = bytes.len();
            return false;
        }
        // Regions are cut from a bounded look-ahead: callers often want a
        // few tokens only (a concordance line starts at a checkpoint in a
        // 40 MB dictionary), and the region ends at a space anyway.
        let limit = (start + LOOKAHEAD).min(bytes.len());
        let non_ascii = find_non_ascii(&bytes[start..limit]).map(|i| start + i);
        let ascii_end = non_ascii.unwrap_or(limit);
        let region_end = if ascii_end == bytes.len() {
            Some(ascii_end)
        } else {
            // Up to the last space before the run that holds the byte
            // after the ASCII part (non-ASCII, or past the look-ahead).
            let space = bytes[start..ascii_end]
                .iter()
                .rposition(|&b| is_ascii_space(b));
            match space {
                Some(w) => Some(start + w),
                // One run longer than the look-ahead: cut it alone if ASCII.
                None if non_ascii.is_none() => {
                    let (_, end, ascii) = scan_piece(bytes, start);
                    ascii.then_some(end)
                }
                None => None,
            }
        };
        if let Some(end) = region_end {
            self.pos = start;
            self.piece_end = end;
            return true;
        }
        // Take the following non-ASCII runs along, so that every boundary
        // of the stretch sits next to an ASCII run.
        let (_, mut stretch_end, _) = scan_piece(bytes, start);
        loop {
            let (next_start, next_end, next_ascii) = scan_piece(bytes, stretch_end);
            if next_start >= bytes.len() || next_ascii {
                break;
            }
            stretch_end = next_end;
        }
        let stretch = &self.text[space_start..stretch_end];
        self.slow = Some((space_start, stretch.split_word_bound_indices()));
        self.pos = stretch_end;
        self.piece_end = stretch_end;
        true
    }
}

/// Bytes the fast path looks ahead for a non-ASCII byte.
const LOOKAHEAD: usize = 2048;

/// The index of the first non-ASCII byte, eight bytes at a time.
fn find_non_ascii(bytes: &[u8]) -> Option<usize> {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let mut i = 0;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        if u64::from_ne_bytes(word) & HIGH_BITS != 0 {
            break;
        }
        i += 8;
    }
    bytes[i..].iter().position(|b| !b.is_ascii()).map(|p| i + p)
}

/// Skips whitespace from `from`, then finds the end of the run of
/// non-whitespace: (run start, run end, whether the run is all ASCII).
fn scan_piece(bytes: &[u8], from: usize) -> (usize, usize, bool) {
    let mut i = from;
    while i < bytes.len() && is_ascii_space(bytes[i]) {
        i += 1;
    }
    let start = i;
    let mut ascii = true;
    while i < bytes.len() && !is_ascii_space(bytes[i]) {
        ascii &= bytes[i].is_ascii();
        i += 1;
    }
    (start, i, ascii)
}

/// The end of an ASCII word segment `start..end` of `bytes` without a
/// trailing `'s` (see [`strip_possessive`]).
fn without_possessive(bytes: &[u8], start: usize, end: usize) -> usize {
    let possessive =
        end - start > 2 && bytes[end - 2] == b'\'' && matches!(bytes[end - 1], b's' | b'S');
    if possessive { end - 2 } else { end }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            if let Some((offset, segments)) = &mut self.slow {
                match segments.next() {
                    Some((start, segment)) => {
                        if let Some(token) = word_token(*offset + start, segment) {
                            return Some(token);
                        }
                    }
                    None => self.slow = None,
                }
                continue;
            }
            if self.pos < self.piece_end {
                let bytes = self.text.as_bytes();
                if let Some((start, end)) = next_ascii_word(bytes, self.pos, self.piece_end) {
                    self.pos = end;
                    let end = without_possessive(bytes, start, end);
                    return Some(Token {
                        span: start..end,
                        surface: Cow::Borrowed(&self.text[start..end]),
                    });
                }
                self.pos = self.piece_end;
            }
            if !self.next_stretch() {
                return None;
            }
        }
    }
}

/// Calls `f` with the surface form of every word of `text`, in order: the
/// words [`tokenize`] yields, for a caller that needs no spans. The ASCII
/// regions are cut in one loop here rather than one iterator step per
/// word, which the loader (the one caller that tokenizes everything)
/// measured as the cheaper way.
pub fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let mut tokens = tokenize(text);
    let bytes = text.as_bytes();
    loop {
        // A non-ASCII stretch: the iterator's own steps, to its end.
        while tokens.slow.is_some() {
            if let Some(token) = tokens.next() {
                f(&token.surface);
            }
        }
        let (mut pos, end) = (tokens.pos, tokens.piece_end);
        while let Some((start, stop)) = next_ascii_word(bytes, pos, end) {
            pos = stop;
            f(&text[start..without_possessive(bytes, start, stop)]);
        }
        tokens.pos = end.max(tokens.pos);
        if !tokens.next_stretch() {
            return;
        }
    }
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

    fn both_ways(text: &str) {
        let fast: Vec<Token<'_>> = tokenize(text).collect();
        let reference: Vec<Token<'_>> = tokenize_uax29(text).collect();
        assert_eq!(fast, reference, "tokens differ for {text:?}");
        let mut each = Vec::new();
        for_each_word(text, |w| each.push(w.to_owned()));
        let surfaces: Vec<String> = reference.into_iter().map(|t| t.surface.into()).collect();
        assert_eq!(each, surfaces, "for_each_word differs for {text:?}");
    }

    #[test]
    fn fast_path_matches_uax29_on_edge_cases() {
        for text in [
            "",
            " ",
            "a",
            "_",
            "__a__ b_1 _.a a._ 1_2",
            "a.b a:b a'b 1.5 1,000 1;2 1'2 1:2 a,b a.1 1.a a..b 1..2 a. .a",
            "U.S. e.g. 3.14.15 x:y:z it's Putin's PUTIN'S 's '",
            "tab\tsep\rcr\r\nlf\x0bvt\x0cff end",
            "caf\u{e9} na\u{ef}ve don\u{2019}t Putin\u{2019}s \u{201c}quoted\u{201d}",
            "a \u{301}b a\u{301} \u{301} x\u{200d}y \u{3000} a \u{3000}\u{301}",
            "\u{5d0}'\u{5d1} \u{5d0}\"\u{5d1} \u{30ab}\u{30ab} \u{1f1fa}\u{1f1f8}a",
            "\u{1f600}\u{200d}\u{1f600} 9\u{a0}000 \u{a0}a \u{85}b \u{2028}c",
            "\u{5e0}\u{5d9}\u{5d5} \u{645}\u{631}\u{62d}\u{628}\u{627} \u{4e2d}\u{6587}",
        ] {
            both_ways(text);
        }
    }

    #[test]
    fn fast_path_matches_uax29_on_random_text() {
        // Characters from every word-break class that can meet ASCII.
        let alphabet: Vec<char> = "aZ09_:.',;\"-( )\t\n\r\u{b}\u{c}\u{e9}\u{2019}\u{301}\u{200d}\u{3000}\u{a0}\u{5d0}\u{30ab}\u{1f1fa}\u{1f600}\u{4e2d}\u{ad}\u{903}\u{2060}\u{85}\u{ff0e}"
            .chars()
            .collect();
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..20_000 {
            let len = (state % 24) as usize;
            let mut text = String::new();
            for _ in 0..len {
                // xorshift64: deterministic and dependency-free.
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push(alphabet[(state % alphabet.len() as u64) as usize]);
            }
            both_ways(&text);
        }
    }

    #[test]
    fn fast_path_matches_uax29_across_the_look_ahead() {
        let mut texts = Vec::new();
        // A non-ASCII byte on either side of the look-ahead's end.
        for at in [LOOKAHEAD - 2, LOOKAHEAD - 1, LOOKAHEAD, LOOKAHEAD + 1] {
            let mut text = "word ".repeat(LOOKAHEAD / 5 + 2);
            text.replace_range(at..at + 1, "\u{e9}");
            texts.push(text);
        }
        // Runs longer than the look-ahead, ASCII or not, among short words.
        let long = "x".repeat(LOOKAHEAD * 2);
        texts.push(format!("a {long} b.c {long}d\u{e9}e f"));
        texts.push(format!("{long}\u{2019}s {long}'s caf\u{e9}"));
        texts.push(format!("1,{long},2 {long}"));
        for text in &texts {
            both_ways(text);
        }
    }

    #[test]
    fn fast_path_matches_uax29_on_real_text() {
        for text in [
            include_str!("../../../seeds/000_da033187e5627a53.txt"),
            include_str!("../../../tests/fixtures/dev/articles/100_e6fbf5877031.txt"),
            include_str!("../../../tests/fixtures/dev/articles/111_b251fccd1109.txt"),
            include_str!("../../../tests/fixtures/dev/articles/113_26a2600c7aa7.txt"),
        ] {
            both_ways(text);
        }
    }

    #[test]
    fn folding() {
        assert_eq!(fold("Putin"), "putin");
        assert_eq!(fold("ПУТИН"), "путин");
        assert!(matches!(fold("pact"), Cow::Borrowed(_)));
    }
}
