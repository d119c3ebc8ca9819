//! Page furniture: the words of a web page that are not the article.
//!
//! Saved pages keep button labels ("close", "Share"), section links
//! ("Home", "World"), breadcrumbs ("Home > World > Asia"), advertising
//! markers and social prompts ("Follow us on Twitter"). They must never
//! become the title, the date or the start of the body, and trailing ones
//! are cut from the body. Matching is on whole lines so that real sentences
//! that merely contain such words are kept.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::article::util::{
    CONNECTORS, char_len, clean, ends_with_period, fold_key, is_capitalized, is_invisible,
    prefix_chars, word_count,
};

/// Whole lines (folded) that are furniture.
#[rustfmt::skip]
const FURNITURE: &[&str] = &[
    "close", "x", "share", "shares", "tweet", "print", "email", "e mail", "mail", "advertisement",
    "advertisements", "advertising", "ad", "ads", "sponsored", "sponsored content", "comments",
    "comment", "read more", "more", "follow us", "follow", "subscribe", "subscribe now", "home",
    "world", "menu", "search", "login", "log in", "sign in", "sign up", "register", "logout",
    "skip to content", "skip to main content", "skip navigation", "back to top", "top",
    "share this", "share this article", "share this story", "share on facebook", "share on twitter",
    "facebook", "twitter", "x twitter", "whatsapp", "linkedin", "telegram", "pinterest", "reddit",
    "instagram", "youtube", "copy link", "copy", "link", "next", "previous", "prev", "next article",
    "previous article", "related", "related articles", "related news", "related stories",
    "related content", "most read", "most popular", "most viewed", "trending", "trending now",
    "latest", "latest news", "top stories", "news", "video", "videos", "photos", "gallery", "live",
    "opinion", "politics", "business", "sports", "sport", "entertainment", "technology", "tech",
    "science", "health", "lifestyle", "culture", "asia", "europe", "africa", "americas",
    "middle east", "world news", "national", "international", "local", "editorial", "listen",
    "listen to this article", "save", "bookmark", "font size", "text size", "a a", "a a a",
    "print this page", "print article", "email this", "feedback", "report", "report an error",
    "newsletter", "subscribe to our newsletter", "get the app", "download app", "download the app",
    "close menu", "open menu", "toggle navigation", "navigation", "accept", "accept cookies", "ok",
    "loading", "continue reading", "show more", "show comments", "view comments", "leave a comment",
    "add comment", "post a comment", "advertisement scroll to continue",
    "story continues below advertisement", "story continues below", "continue reading below",
    "also read", "see also", "read also", "read next", "recommended", "you may also like",
    "more from", "more stories", "topics", "tags", "share via", "share article", "send",
    "permalink", "zoom", "play", "pause", "watch", "play video", "watch video", "image", "photo",
    "file photo", "enlarge", "expand", "collapse", "caption", "hide caption", "toggle caption",
    "back", "go back", "return", "cancel", "submit",
];

/// True when a folded key is a [`FURNITURE`] line.
fn is_furniture_key(key: &str) -> bool {
    static KEYS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| FURNITURE.iter().copied().collect());
    KEYS.contains(key)
}

/// Line openings that mark furniture whatever follows ("Follow us on Twitter").
#[rustfmt::skip]
const FURNITURE_OPENINGS: &[&str] = &[
    "follow us", "follow @", "subscribe to", "subscribe for", "sign up for", "sign up to",
    "read more", "click here", "also read", "read also", "see also", "join our", "download the",
    "download our", "like us on", "get the latest", "share this", "share on", "copyright ©",
    "copyright (c)", "copyright 1", "copyright 2", "©", "(c) ", "all rights reserved",
    "this article was", "tags:", "topics:", "related:", "related articles", "more on this",
    "you may also", "recommended for you", "photo:", "photo by", "photograph:", "image:",
    "image by", "picture:", "file photo", "credit:", "reading time", "listen to this",
];

/// Short counters such as "12 Comments", "5 min read", "1.2K shares".
fn is_counter(key: &str) -> bool {
    if !key.starts_with(|c: char| c.is_ascii_digit() || c == 'k' || c == 'm') {
        return false;
    }
    let mut words = key.split(' ');
    let first = words.next().unwrap_or("");
    let rest: Vec<&str> = words.collect();
    let numeric = !first.is_empty()
        && first
            .chars()
            .all(|c| c.is_ascii_digit() || c == 'k' || c == 'm');
    const UNITS: &[&str] = &[
        "comment", "comments", "share", "shares", "view", "views", "like", "likes", "min", "mins",
        "minute", "minutes", "reads",
    ];
    numeric && !rest.is_empty() && rest.len() <= 2 && UNITS.contains(&rest[0])
}

/// "2 hours ago", "Updated 5 mins ago": relative times carry no date.
fn is_relative_time(key: &str) -> bool {
    if !key.ends_with(" ago") {
        return false;
    }
    let words: Vec<&str> = key
        .split(' ')
        .skip_while(|w| matches!(*w, "updated" | "published" | "posted"))
        .collect();
    const UNITS: &[&str] = &[
        "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours",
        "hr", "hrs", "day", "days", "week", "weeks",
    ];
    words.len() == 3
        && words[0].chars().all(|c| c.is_ascii_digit())
        && UNITS.contains(&words[1])
        && words[2] == "ago"
}

/// "Home > World > Asia", "Home / World", "News | Pakistan".
fn is_breadcrumb(s: &str) -> bool {
    let Some(sep) = ['>', '»', '›', '/', '|', '→']
        .into_iter()
        .find(|c| s.contains(*c))
    else {
        return false;
    };
    let parts: Vec<String> = s
        .split(sep)
        .map(fold_key)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 2 || parts.iter().any(|p| word_count(p) > 4) {
        return false;
    }
    let known = parts.iter().filter(|p| is_furniture_key(p)).count();
    matches!(sep, '>' | '»' | '›' | '→') || known == parts.len() || parts[0] == "home"
}

/// A bare web address or domain ("dawn.com", "www.reuters.com").
pub(crate) fn is_domain(s: &str) -> bool {
    if s.trim().contains(' ') {
        return false;
    }
    let s = s
        .trim()
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    let s = s.trim_end_matches('/');
    let labels: Vec<&str> = s.split('.').collect();
    labels.len() >= 2
        && !s.contains(' ')
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Longest furniture line, in characters of the cleaned line.
const MAX_FURNITURE_CHARS: usize = 120;

/// Most words in a [`FURNITURE`] entry (checked by a test); counters and
/// relative times have at most three.
const MAX_FURNITURE_WORDS: usize = 5;

/// Longest [`FURNITURE`] entry in bytes (checked by a test).
const MAX_FURNITURE_KEY_BYTES: usize = 35;

/// Most words of a line that may start with a [`FURNITURE_OPENINGS`] entry.
const MAX_OPENING_LINE_WORDS: usize = 12;

/// Bytes of a line's lowercased head kept to match openings; longer than
/// the longest opening (checked by a test).
const HEAD_BYTES: usize = 32;

/// True when the whole line is page furniture.
///
/// Called on every body line, so it first runs [`surely_not_furniture`],
/// which settles most article lines without allocating.
pub(crate) fn is_furniture(line: &str) -> bool {
    !surely_not_furniture(line) && furniture_rules(line)
}

/// The furniture rules themselves (see [`is_furniture`]).
fn furniture_rules(line: &str) -> bool {
    if line.len() > 600 {
        return false;
    }
    let s = clean(line);
    if s.is_empty() {
        return false;
    }
    if char_len(&s) > MAX_FURNITURE_CHARS {
        return false;
    }
    let key = fold_key(&s);
    if key.is_empty() {
        // Only symbols: "×", "☰", "•••".
        return true;
    }
    is_furniture_key(&key)
        || is_counter(&key)
        || is_relative_time(&key)
        || is_domain(&s)
        || is_breadcrumb(&s)
        || (word_count(&s) <= MAX_OPENING_LINE_WORDS && starts_with_opening(&s))
}

/// True when `s` (cleaned) starts with a [`FURNITURE_OPENINGS`] entry,
/// ignoring case.
fn starts_with_opening(s: &str) -> bool {
    // Openings are short: lowercasing the head is enough.
    let head = prefix_chars(s, HEAD_BYTES).to_lowercase();
    FURNITURE_OPENINGS.iter().any(|o| head.starts_with(o))
}

/// A proof, from one pass and no allocation, that [`is_furniture`] says
/// false: `true` only then, `false` when unsure. Article lines are long, or
/// fail a condition that every furniture rule needs.
fn surely_not_furniture(line: &str) -> bool {
    if !line.is_ascii() {
        // The cleaned line keeps every visible character.
        let visible = line
            .chars()
            .filter(|&c| !c.is_whitespace() && !is_invisible(c))
            .take(MAX_FURNITURE_CHARS + 1)
            .count();
        return visible > MAX_FURNITURE_CHARS;
    }
    let shape = AsciiShape::of(line);
    shape.chars == 0 || shape.chars > MAX_FURNITURE_CHARS || !shape.may_be_furniture()
}

/// What [`clean`] and [`fold_key`] would make of an ASCII line, counted
/// without building either string.
struct AsciiShape {
    /// Length of the cleaned line (ASCII: bytes are characters).
    chars: usize,
    /// Whitespace-separated words.
    words: usize,
    /// Words of the folded key.
    key_words: usize,
    /// Letters, digits and `&` of the folded key (its length without spaces).
    key_chars: usize,
    /// First letter or digit of the key, lowercased.
    key_start: Option<u8>,
    /// The line holds a breadcrumb separator (`>`, `/`, `|`).
    separator: bool,
    /// The cleaned line's first [`HEAD_BYTES`] bytes, lowercased.
    head: [u8; HEAD_BYTES],
    head_len: usize,
}

impl AsciiShape {
    fn of(line: &str) -> Self {
        let mut shape = Self {
            chars: 0,
            words: 0,
            key_words: 0,
            key_chars: 0,
            key_start: None,
            separator: false,
            head: [0; HEAD_BYTES],
            head_len: 0,
        };
        for word in line.split_whitespace() {
            if shape.words > 0 {
                shape.chars += 1;
                shape.push_head(b' ');
            }
            shape.words += 1;
            shape.chars += word.len();
            shape.scan_word(word.as_bytes());
        }
        shape
    }

    /// Counts the key words inside one whitespace-free word: runs of
    /// letters, digits and `&`, where `.` and `'` join ("A.F.P." is one)
    /// and any other symbol separates.
    fn scan_word(&mut self, word: &[u8]) {
        let mut in_key_word = false;
        for &b in word {
            self.push_head(b.to_ascii_lowercase());
            if b.is_ascii_alphanumeric() || b == b'&' {
                if !in_key_word {
                    self.key_words += 1;
                    in_key_word = true;
                }
                self.key_chars += 1;
                self.key_start.get_or_insert(b.to_ascii_lowercase());
            } else if !matches!(b, b'.' | b'\'') {
                in_key_word = false;
                self.separator |= matches!(b, b'>' | b'/' | b'|');
            }
        }
    }

    /// False when the line fails a condition that each rule of
    /// [`furniture_rules`] needs.
    fn may_be_furniture(&self) -> bool {
        let key_len = self.key_chars + self.key_words.saturating_sub(1);
        let symbols_only = self.key_words == 0;
        let listed = self.key_words <= MAX_FURNITURE_WORDS && key_len <= MAX_FURNITURE_KEY_BYTES;
        // "12 comments": two or three words, the first a number.
        let counter = (2..=3).contains(&self.key_words)
            && matches!(self.key_start, Some(b'0'..=b'9' | b'k' | b'm'));
        // "[updated] 2 hours ago".
        let relative_time =
            self.key_words >= 3 && matches!(self.key_start, Some(b'0'..=b'9' | b'u' | b'p'));
        let domain = self.words <= 1;
        let opening = self.words <= MAX_OPENING_LINE_WORDS
            && FURNITURE_OPENINGS
                .iter()
                .any(|o| self.head().starts_with(o.as_bytes()));
        symbols_only || listed || counter || relative_time || domain || self.separator || opening
    }

    fn push_head(&mut self, b: u8) {
        if let Some(slot) = self.head.get_mut(self.head_len) {
            *slot = b;
            self.head_len += 1;
        }
    }

    fn head(&self) -> &[u8] {
        &self.head[..self.head_len]
    }
}

/// A short Title Case label with no sentence in it: a site name, a section
/// or a menu entry ("The Express Tribune", "Pakistan"); rarely a headline.
pub(crate) fn is_short_label(line: &str) -> bool {
    if line.len() > 200 {
        return false;
    }
    let s = clean(line);
    let words = word_count(&s);
    if words == 0
        || words > 4
        || char_len(&s) > 32
        || ends_with_period(&s)
        || s.ends_with([':', '?', '!'])
    {
        return false;
    }
    is_domain(&s)
        || s.split_whitespace()
            .all(|w| is_capitalized(w) || CONNECTORS.contains(&w.to_lowercase().as_str()))
}

/// True for lines that end a page rather than an article: furniture plus
/// "Published in Dawn, ..." style credits.
pub(crate) fn is_trailing_furniture(line: &str) -> bool {
    if line.len() > 600 {
        return false;
    }
    let s = clean(line);
    if is_furniture(&s) {
        return true;
    }
    let lower = s.to_lowercase();
    word_count(&s) <= 14
        && [
            "published in ",
            "first published",
            "this story was",
            "updated on ",
            "last updated",
            "published on ",
        ]
        .iter()
        .any(|o| lower.starts_with(o))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines() {
        for s in [
            "close",
            "Print",
            "Share",
            "Tweet",
            "Advertisement",
            "ADVERTISEMENT",
            "Comments",
            "Read more",
            "Follow us on Twitter",
            "Subscribe",
            "Home",
            "World",
            "dawn.com",
            "Home > World > Asia",
            "Home / World",
            "12 Comments",
            "5 min read",
            "×",
            "Read more: Putin meets Xi",
            "© 2020 Dawn",
            "Share on Facebook",
            "Photo: AFP",
            "Updated 2 hours ago",
            "Copyright 2024 Dawn. All rights reserved.",
            "5 mins ago",
        ] {
            assert!(is_furniture(s), "{s}");
        }
    }

    #[test]
    fn not_furniture() {
        for s in [
            "Putin proposes election non-interference pact with US",
            "By AFP",
            "September 26, 2020",
            "MOSCOW: Russian President Vladimir Putin proposed on Friday concluding a pact.",
            "Share prices fell sharply on Monday after the announcement.",
            "Home prices rise again",
            "Copyright row hits music industry",
            "Jane Doe | Dawn",
            "Trump on deportations: 'It's a military operation'",
            "",
        ] {
            assert!(!is_furniture(s), "{s}");
        }
    }

    #[test]
    fn fast_path_bounds_hold() {
        for f in FURNITURE {
            assert!(word_count(f) <= MAX_FURNITURE_WORDS, "{f}");
            assert!(f.len() <= MAX_FURNITURE_KEY_BYTES, "{f}");
            assert_eq!(fold_key(f), *f);
        }
        for o in FURNITURE_OPENINGS {
            assert!(o.len() < HEAD_BYTES, "{o}");
        }
    }

    /// `surely_not_furniture` never rejects a line the rules accept, on
    /// random lines built from furniture words, separators and symbols.
    #[test]
    fn fast_path_agrees_with_rules() {
        let pieces: Vec<&str> = FURNITURE
            .iter()
            .chain(FURNITURE_OPENINGS)
            .copied()
            .chain([
                "Updated",
                "posted",
                "2",
                "12",
                "hours",
                "ago",
                ">",
                "/",
                "|",
                " | ",
                "»",
                "A.F.P.",
                "—",
                "-",
                "©",
                "×",
                "Read",
                "more:",
                "Home",
                "dawn.com",
                "\u{a0}",
                "\u{200b}",
                "İ",
                "the",
                "said",
                "talks",
                "on",
                "Monday.",
                "'",
                ".",
                "&",
                "1.2K",
                "\t",
                "Putin",
                "Σ",
                "ΣΑΣ",
                "a-b-c-d-e-f.com",
                "min",
                "read",
                "Comments",
            ])
            .collect();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            usize::try_from(seed % n as u64).unwrap_or(0)
        };
        let (mut checked, mut rejected, mut furniture) = (0, 0, 0);
        for _ in 0..200_000 {
            let words = 1 + next(16);
            let mut line = String::new();
            for _ in 0..words {
                line.push_str(pieces[next(pieces.len())]);
                if next(4) > 0 {
                    line.push(' ');
                }
            }
            checked += 1;
            furniture += usize::from(furniture_rules(&line));
            if surely_not_furniture(&line) {
                rejected += 1;
                assert!(!furniture_rules(&line), "{line:?}");
            }
        }
        assert!(rejected > checked / 10, "{rejected} of {checked}");
        assert!(furniture > checked / 100, "{furniture} of {checked}");
    }

    #[test]
    fn labels() {
        assert!(is_short_label("The Express Tribune"));
        assert!(is_short_label("Dawn"));
        assert!(is_short_label("The Times of India"));
        assert!(!is_short_label("Putin meets Xi"));
        assert!(!is_short_label(
            "Airlines offer workaround for US laptop ban"
        ));
        assert!(!is_short_label("It rained."));
    }

    #[test]
    fn trailing() {
        assert!(is_trailing_furniture(
            "Published in Dawn, September 27th, 2020"
        ));
        assert!(is_trailing_furniture("Follow us on Twitter"));
        assert!(!is_trailing_furniture("He said the talks would continue."));
    }
}
