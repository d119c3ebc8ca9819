//! Small text helpers shared by the article parsers.
//!
//! Saved pages mix non-breaking and zero-width spaces, smart quotes and
//! arbitrarily long lines; these helpers normalise a line once so that every
//! rule downstream can compare plain spaces, and slice strings only at
//! character boundaries.

/// Lowercase words that may appear inside a proper name or place name
/// ("Rio de Janeiro", "Bay of Bengal", "By Jane Doe and John Roe").
pub(crate) const CONNECTORS: &[&str] = &[
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le", "les", "el", "al",
    "of", "the", "upon", "on", "am", "an", "sur", "en", "von", "van", "der", "den", "bin", "bint",
    "ibn", "y", "e", "and", "&",
];

/// Replaces exotic spaces by a plain space, drops zero-width characters,
/// collapses runs of whitespace and trims.
pub(crate) fn clean(s: &str) -> String {
    clean_head(s, usize::MAX)
}

/// `s` without Markdown emphasis wrapping all of it: "*By AFP*",
/// "**Updated: 26 Sep 2020**", "_Reuters_".
pub(crate) fn strip_emphasis(s: &str) -> &str {
    for mark in ["**", "__", "*", "_"] {
        if let Some(inner) = s.strip_prefix(mark).and_then(|r| r.strip_suffix(mark)) {
            return inner.trim();
        }
    }
    s
}

/// The first `max_chars` characters of [`clean`]`(s)`, without cleaning
/// the rest of `s`.
pub(crate) fn clean_head(s: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(s.len().min(max_chars.saturating_mul(4)));
    let mut pending_space = false;
    let mut chars = 0;
    for c in s.chars() {
        if chars >= max_chars {
            break;
        }
        if is_invisible(c) {
            continue;
        }
        if c.is_whitespace() || c == '\u{a0}' {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
            chars += 1;
            if chars >= max_chars {
                break;
            }
        }
        pending_space = false;
        out.push(c);
        chars += 1;
    }
    out
}

/// Zero-width characters and soft hyphens, which [`clean`] drops.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
    )
}

/// The first `n` characters of `s` (never splits a character).
pub(crate) fn prefix_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Number of whitespace-separated words.
pub(crate) fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Number of characters (not bytes).
pub(crate) fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// `s` without closing quotes and brackets at its end.
pub(crate) fn strip_closing(s: &str) -> &str {
    s.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '\u{fffd}')
    })
}

/// True when the text ends like a sentence (a full stop, possibly inside quotes).
pub(crate) fn ends_with_period(s: &str) -> bool {
    let s = strip_closing(s);
    s.ends_with('.') || s.ends_with('…') || s.ends_with('。')
}

/// True when the word starts with an uppercase letter (or a digit-free
/// abbreviation such as "D.C.").
pub(crate) fn is_capitalized(word: &str) -> bool {
    let word = word.trim_start_matches(['"', '\'', '“', '‘', '(']);
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True when every cased letter of `s` is uppercase and there are at least two.
pub(crate) fn is_all_caps(s: &str) -> bool {
    let mut upper = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_uppercase() {
            upper += 1;
        }
    }
    upper >= 2
}

/// Lowercase text keeping only letters, digits and single spaces: the key
/// used to compare furniture and agency names.
pub(crate) fn fold_key(s: &str) -> String {
    // ASCII lowercases byte by byte; Unicode case mapping is much slower.
    if s.is_ascii() {
        fold_chars(
            s.bytes().map(|b| char::from(b.to_ascii_lowercase())),
            s.len(),
        )
    } else {
        fold_chars(s.chars().flat_map(char::to_lowercase), s.len())
    }
}

/// [`fold_key`] of an ASCII `s`, written into `buf` instead of a new
/// string: `None` when `s` is not ASCII or is longer than `buf`. For the
/// checks run on every head line, most of which fail.
pub(crate) fn fold_ascii_key<'b>(s: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    if !s.is_ascii() || s.len() > buf.len() {
        return None;
    }
    let mut n = 0;
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || b == b'&' {
            buf[n] = b.to_ascii_lowercase();
            n += 1;
        } else if b != b'.' && b != b'\'' && n > 0 && buf[n - 1] != b' ' {
            buf[n] = b' ';
            n += 1;
        }
    }
    let key = std::str::from_utf8(&buf[..n]).ok()?;
    Some(key.trim_end())
}

/// [`fold_key`] of lowercased characters.
fn fold_chars(chars: impl Iterator<Item = char>, len: usize) -> String {
    let mut out = String::with_capacity(len);
    for c in chars {
        if c.is_alphanumeric() || c == '&' {
            out.push(c);
        } else if c == '.' || c == '\'' || c == '’' {
            // "A.F.P." -> "afp", "Editor's" -> "editors"
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The name of a file without its last extension.
pub(crate) fn file_stem(file_name: &str) -> &str {
    let name = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    match name.rfind('.') {
        Some(i) if i > 0 => &name[..i],
        _ => name,
    }
}

/// True for a character of the Han script.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stack_fold_agrees_with_fold_key() {
        for s in [
            "Also Read:",
            "Editor's Picks",
            "RFE/RL",
            "A.F.P.",
            "  Mail & Guardian ",
            "x--y",
            "",
        ] {
            let mut buf = [0u8; 32];
            assert_eq!(
                fold_ascii_key(s, &mut buf),
                Some(fold_key(s).as_str()),
                "{s:?}"
            );
        }
        let mut small = [0u8; 4];
        assert_eq!(fold_ascii_key("Trending", &mut small), None);
        assert_eq!(fold_ascii_key("Главная", &mut [0u8; 32]), None);
    }

    #[test]
    fn clean_head_is_a_prefix_of_clean() {
        for s in [
            "  a  b\t\tc  ",
            "x\u{a0}\u{200b}y  z ",
            "",
            "   ",
            "abc",
            "é  ü",
        ] {
            let full = clean(s);
            for n in 0..8 {
                let head: String = full.chars().take(n).collect();
                assert_eq!(clean_head(s, n), head, "{s:?} {n}");
            }
        }
    }

    #[test]
    fn clean_handles_nbsp_and_zero_width() {
        assert_eq!(clean("By\u{a0}AFP"), "By AFP");
        assert_eq!(clean("  a \u{200b}b\t\tc  "), "a b c");
        assert_eq!(clean(""), "");
    }

    #[test]
    fn prefix_never_splits_chars() {
        assert_eq!(prefix_chars("Путин", 2), "Пу");
        assert_eq!(prefix_chars("ab", 5), "ab");
        assert_eq!(prefix_chars("日本語", 1), "日");
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_with_period("goose bumps.\""));
        assert!(!ends_with_period(
            "Trump on deportations: 'It's a military operation'"
        ));
        assert!(!ends_with_period("Is it over?"));
    }

    #[test]
    fn keys_and_stems() {
        assert_eq!(fold_key("A.F.P."), "afp");
        assert_eq!(fold_key("Agence France-Presse"), "agence france presse");
        assert_eq!(fold_key(" -- Dawn's  NEWS -- "), "dawns news");
        assert_eq!(fold_key("Société Générale."), "société générale");
        assert_eq!(fold_key("ИТАР-ТАСС"), "итар тасс");
        assert_eq!(file_stem("2016-04-19_0056.txt"), "2016-04-19_0056");
        assert_eq!(file_stem(".hidden"), ".hidden");
        assert!(is_all_caps("NEW DELHI"));
        assert!(!is_all_caps("Kyiv"));
        assert!(is_capitalized("“Moscow"));
    }
}
