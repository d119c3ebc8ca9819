//! Wildcard patterns on single words: `*` stands for any run of characters
//! (none included), `?` for exactly one character.
//!
//! Used to expand `elect*` over the vocabulary and by the `title:` filter.
//! Matching works on characters, not bytes, so `?` takes one letter of any
//! script.

/// True when `pattern` holds a wildcard.
pub fn is_wildcard(pattern: &str) -> bool {
    pattern.contains(['*', '?'])
}

/// The literal text before the first wildcard (used to narrow a sorted
/// vocabulary by binary search).
pub fn literal_prefix(pattern: &str) -> &str {
    pattern
        .find(['*', '?'])
        .map_or(pattern, |at| &pattern[..at])
}

/// True when the whole of `word` matches `pattern`.
pub fn matches(pattern: &str, word: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let word: Vec<char> = word.chars().collect();
    matches_chars(&pattern, &word)
}

/// Classic greedy matcher with one backtrack point (the last `*`): linear
/// in practice, never exponential.
fn matches_chars(pattern: &[char], word: &[char]) -> bool {
    let (mut p, mut w) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while w < word.len() {
        match pattern.get(p) {
            Some('*') => {
                star = Some((p, w));
                p += 1;
            }
            Some(&c) if c == '?' || c == word[w] => {
                p += 1;
                w += 1;
            }
            _ => match star {
                Some((sp, sw)) => {
                    p = sp + 1;
                    w = sw + 1;
                    star = Some((sp, sw + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_and_marks() {
        assert!(matches("elect*", "election"));
        assert!(matches("elect*", "elect"));
        assert!(!matches("elect*", "reelect"));
        assert!(matches("*elect*", "reelected"));
        assert!(matches("gov*ment", "government"));
        assert!(!matches("gov*ment", "governments"));
        assert!(matches("?at", "cat"));
        assert!(!matches("?at", "at"));
        assert!(matches("п?тин", "путин"));
        assert!(matches("*", ""));
        assert!(matches("a*b*c", "aXbYbc"));
        assert!(!matches("a*b*c", "aXbYb"));
    }

    #[test]
    fn prefixes() {
        assert_eq!(literal_prefix("elect*"), "elect");
        assert_eq!(literal_prefix("*x"), "");
        assert_eq!(literal_prefix("plain"), "plain");
        assert!(is_wildcard("a?") && !is_wildcard("abc"));
    }
}
