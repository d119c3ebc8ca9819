//! HTML fragments in export columns: the text of a record whose `content`
//! or `body` holds the article's markup (`<p>...</p>`, `<br>`, `&amp;`),
//! as exports of content management systems and some scrapers give it.
//! Indexed as it is, the markup's tag names and attributes would be counted
//! as words and shown in the reader.

use crate::article::html_dom::BLOCKS;
use crate::article::html_meta::{decode_entities, strip_non_text};
use crate::article::util::clean;

/// Tags that, when a record's text has one, mark it as markup.
const MARKUP_TAGS: &[&str] = &[
    "p",
    "br",
    "div",
    "span",
    "a",
    "em",
    "strong",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "figure",
    "figcaption",
    "img",
    "iframe",
    "table",
    "script",
    "style",
];

/// The lowercase name of the tag that starts `s` (just after its `<`),
/// closing or not (`p` for `<p>` and `</p>`); empty when none does.
fn tag_name(s: &str) -> String {
    s.strip_prefix('/')
        .unwrap_or(s)
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// True when `text` holds at least one of the common tags of article
/// markup: a `<` before "3" or "a > b" in prose is not enough.
pub(crate) fn looks_like_markup(text: &str) -> bool {
    text.match_indices('<').take(1000).any(|(at, _)| {
        let rest = &text[at + 1..];
        let name = tag_name(rest);
        let after = rest.trim_start_matches('/').get(name.len()..).unwrap_or("");
        MARKUP_TAGS.contains(&name.as_str()) && after.starts_with(['>', ' ', '/', '\n', '\t'])
    })
}

/// The text of an HTML fragment: paragraphs (blocks and line breaks) on
/// lines of their own separated by blank lines, other tags dropped,
/// character references decoded, whitespace folded; scripts, styles and
/// comments left out.
pub(crate) fn fragment_text(html: &str) -> String {
    let html = strip_non_text(html);
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut rest = html.as_str();
    let mut end_paragraph = |current: &mut String| {
        let text = clean(&decode_entities(current));
        if !text.is_empty() {
            paragraphs.push(text);
        }
        current.clear();
    };
    while let Some(open) = rest.find('<') {
        current.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else {
            // A `<` that opens no tag is text.
            current.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let name = tag_name(after);
        if name.is_empty() {
            current.push('<');
            rest = after;
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            end_paragraph(&mut current);
        } else {
            current.push(' ');
        }
        rest = &after[close + 1..];
    }
    current.push_str(rest);
    end_paragraph(&mut current);
    paragraphs.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_becomes_paragraphs() {
        let html = "<p>MOSCOW (Reuters) - Putin <strong>proposed</strong> a pact.</p>\n<p>The Kremlin&#8217;s offer &amp; more.<br>Next line.</p><script>var x = 1;</script><!-- note --><p class=\"a\">Last.</p>";
        assert!(looks_like_markup(html));
        assert_eq!(
            fragment_text(html),
            "MOSCOW (Reuters) - Putin proposed a pact.\n\nThe Kremlin\u{2019}s offer & more.\n\nNext line.\n\nLast."
        );
    }

    #[test]
    fn prose_with_angle_brackets_is_not_markup() {
        for text in [
            "Inflation fell to < 3 percent, below the 2 < x target.",
            "He wrote <sarcasm> and left.",
            "a -> b <- c",
        ] {
            assert!(!looks_like_markup(text), "{text}");
        }
        assert_eq!(fragment_text("x < 3 and y > 2"), "x < 3 and y > 2");
    }
}
