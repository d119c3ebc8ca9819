//! HTML metadata: entities, `<meta>` tags, JSON-LD and title clean-up.
//!
//! Saved pages state their title, date, site and author in `<meta>` tags
//! (Open Graph, Dublin Core, `article:*`) and JSON-LD blocks more reliably
//! than in visible text, so those are read first. Script and style bodies
//! are removed before the DOM is built because `tl` parses their contents
//! as markup.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use crate::article::furniture::{is_domain, is_short_label};
use crate::article::util::{char_len, clean, fold_key, word_count};

/// Named entities common in news pages (the rest are rare in article text).
const ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", " "),
    ("ndash", "–"),
    ("mdash", "—"),
    ("hellip", "…"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("bull", "•"),
    ("middot", "·"),
    ("deg", "°"),
    ("euro", "€"),
    ("pound", "£"),
    ("yen", "¥"),
    ("cent", "¢"),
    ("sect", "§"),
    ("times", "×"),
    ("divide", "÷"),
    ("shy", ""),
    ("zwj", ""),
    ("zwnj", ""),
    ("lrm", ""),
    ("rlm", ""),
    ("thinsp", " "),
    ("ensp", " "),
    ("emsp", " "),
    ("prime", "′"),
    ("eacute", "é"),
    ("Eacute", "É"),
    ("egrave", "è"),
    ("ecirc", "ê"),
    ("euml", "ë"),
    ("aacute", "á"),
    ("Aacute", "Á"),
    ("agrave", "à"),
    ("acirc", "â"),
    ("auml", "ä"),
    ("Auml", "Ä"),
    ("atilde", "ã"),
    ("aring", "å"),
    ("ccedil", "ç"),
    ("Ccedil", "Ç"),
    ("iacute", "í"),
    ("igrave", "ì"),
    ("icirc", "î"),
    ("iuml", "ï"),
    ("ntilde", "ñ"),
    ("oacute", "ó"),
    ("ograve", "ò"),
    ("ocirc", "ô"),
    ("ouml", "ö"),
    ("Ouml", "Ö"),
    ("otilde", "õ"),
    ("oslash", "ø"),
    ("uacute", "ú"),
    ("ugrave", "ù"),
    ("ucirc", "û"),
    ("uuml", "ü"),
    ("Uuml", "Ü"),
    ("yacute", "ý"),
    ("szlig", "ß"),
];

fn decode_one(name: &str) -> Option<String> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return Some(
            char::from_u32(code)
                .filter(|c| *c != '\0')
                .unwrap_or('\u{fffd}')
                .to_string(),
        );
    }
    ENTITIES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| (*v).to_owned())
}

/// Decodes HTML character references (`&amp;`, `&#8217;`, `&#x2014;`).
pub(crate) fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ';')
            .map(|(i, _)| i);
        match end.and_then(|e| decode_one(&after[..e]).map(|v| (e, v))) {
            Some((e, value)) => {
                out.push_str(&value);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Visible text of markup: entities decoded, whitespace folded.
pub(crate) fn text_of(raw: &str) -> String {
    clean(&decode_entities(raw))
}

/// Elements whose content is not text a reader sees.
const NON_TEXT: [&str; 5] = ["script", "style", "noscript", "template", "svg"];

/// The page without comments, scripts, styles and other non-text bodies,
/// each replaced by a space, in one pass in document order (a comment
/// inside a script is script). An element that never closes runs to the
/// end of the page; a comment that never closes is kept. (Eleven regex
/// passes over the page did this before: a third of the time of an HTML
/// load.)
pub(crate) fn strip_non_text(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let (mut copied, mut at) = (0, 0);
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let open = at + found;
        let rest = &bytes[open..];
        let end = if rest.starts_with(b"<!--") {
            find(bytes, open + 4, b"-->").map(|e| e + 3)
        } else {
            NON_TEXT
                .iter()
                .find(|tag| opens_element(rest, tag))
                .map(|tag| closing_end(bytes, open + 1 + tag.len(), tag).unwrap_or(bytes.len()))
        };
        match end {
            Some(end) => {
                out.push_str(&html[copied..open]);
                out.push(' ');
                (copied, at) = (end, end);
            }
            None => at = open + 1,
        }
    }
    out.push_str(&html[copied..]);
    out
}

/// True when `rest` starts with the opening tag `<tag` (any case) and the
/// name ends there.
fn opens_element(rest: &[u8], tag: &str) -> bool {
    let name_end = 1 + tag.len();
    rest.get(1..name_end)
        .is_some_and(|name| name.eq_ignore_ascii_case(tag.as_bytes()))
        && !rest
            .get(name_end)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80)
}

/// Where the closing tag `</tag>` (any case, spaces before `>`) after
/// `from` ends.
fn closing_end(bytes: &[u8], from: usize, tag: &str) -> Option<usize> {
    let mut at = from;
    loop {
        let close = find(bytes, at, b"</")?;
        let name_end = close + 2 + tag.len();
        let name = bytes.get(close + 2..name_end);
        if name.is_some_and(|n| n.eq_ignore_ascii_case(tag.as_bytes())) {
            let spaces = bytes[name_end..]
                .iter()
                .take_while(|b| b.is_ascii_whitespace())
                .count();
            if bytes.get(name_end + spaces) == Some(&b'>') {
                return Some(name_end + spaces + 1);
            }
        }
        at = close + 2;
    }
}

/// The first `needle` in `bytes` at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let hay = bytes.get(from..)?;
    memchr::memmem::find(hay, needle).map(|i| from + i)
}

static LD_JSON: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r#"(?is)<script[^>]*application/ld\+json[^>]*>(.*?)</script\s*>"#).ok()
});

/// What JSON-LD blocks say about the article.
#[derive(Debug, Default)]
pub(crate) struct LinkedData {
    pub published: Option<String>,
    pub headline: Option<String>,
    pub authors: Vec<String>,
    pub publisher: Option<String>,
}

fn names(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Object(map) => {
            if let Some(Value::String(s)) = map.get("name") {
                out.push(s.clone());
            }
        }
        Value::Array(items) => items.iter().take(10).for_each(|v| names(v, out)),
        _ => {}
    }
}

fn visit(value: &Value, depth: usize, ld: &mut LinkedData) {
    if depth > 12 {
        return;
    }
    match value {
        Value::Object(map) => {
            let text = |k: &str| map.get(k).and_then(Value::as_str).map(str::to_owned);
            ld.published = ld
                .published
                .take()
                .or_else(|| text("datePublished"))
                .or_else(|| text("dateCreated"));
            ld.headline = ld.headline.take().or_else(|| text("headline"));
            if ld.authors.is_empty()
                && let Some(author) = map.get("author")
            {
                names(author, &mut ld.authors);
            }
            if ld.publisher.is_none()
                && let Some(p) = map.get("publisher")
            {
                let mut found = Vec::new();
                names(p, &mut found);
                ld.publisher = found.into_iter().next();
            }
            map.values().for_each(|v| visit(v, depth + 1, ld));
        }
        Value::Array(items) => items.iter().for_each(|v| visit(v, depth + 1, ld)),
        _ => {}
    }
}

/// Reads every `application/ld+json` block of the page.
pub(crate) fn linked_data(html: &str) -> LinkedData {
    let mut ld = LinkedData::default();
    let Some(re) = LD_JSON.as_ref() else {
        return ld;
    };
    for caps in re.captures_iter(html).take(20) {
        let Some(body) = caps.get(1) else { continue };
        if let Ok(value) = serde_json::from_str::<Value>(body.as_str().trim()) {
            visit(&value, 0, &mut ld);
        }
    }
    ld
}

/// `<meta>` values by key (`property`, `name` or `itemprop`, lowercased).
#[derive(Debug, Default)]
pub(crate) struct Metas(pub Vec<(String, String)>);

impl Metas {
    /// The first non-empty value for any of `keys`, in the order of `keys`.
    pub(crate) fn first(&self, keys: &[&'static str]) -> Option<(&'static str, &str)> {
        keys.iter().find_map(|k| {
            self.0
                .iter()
                .find(|(key, v)| key == k && !v.is_empty())
                .map(|(_, v)| (*k, v.as_str()))
        })
    }
}

/// Removes a trailing " | Site" / " - Site" from a page title.
pub(crate) fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let mut t = clean(title);
    for _ in 0..3 {
        let Some((pos, sep)) = [" | ", " - ", " — ", " – ", " :: ", " « ", " » ", " · "]
            .iter()
            .filter_map(|sep| t.rfind(sep).map(|p| (p, *sep)))
            .max_by_key(|(p, _)| *p)
        else {
            break;
        };
        let (head, tail) = (&t[..pos], &t[pos + sep.len()..]);
        let named = site.is_some_and(|s| fold_key(s) == fold_key(tail));
        let looks_site = word_count(tail) <= 4
            && char_len(tail) < char_len(head)
            && (sep == " | " || is_short_label(tail) || is_domain(tail));
        if head.trim().is_empty() || !(named || looks_site) {
            break;
        }
        t = head.trim().to_owned();
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("Tom &amp; Jerry &#8217;s &#x2014; &nbsp;x"),
            "Tom & Jerry ’s — \u{a0}x".replace('\u{a0}', " ")
        );
        assert_eq!(
            decode_entities("AT&T & more &bogus; &#xZZ;"),
            "AT&T & more &bogus; &#xZZ;"
        );
        assert_eq!(decode_entities("&#0;"), "\u{fffd}");
        assert_eq!(decode_entities("trailing &"), "trailing &");
    }

    #[test]
    fn suffixes() {
        assert_eq!(
            strip_site_suffix("Putin proposes pact | Dawn", None),
            "Putin proposes pact"
        );
        assert_eq!(
            strip_site_suffix("Putin proposes pact - BBC News", None),
            "Putin proposes pact"
        );
        assert_eq!(
            strip_site_suffix("Putin proposes pact - World - dawn.com", None),
            "Putin proposes pact"
        );
        assert_eq!(
            strip_site_suffix("Putin - Xi meeting ends", None),
            "Putin - Xi meeting ends"
        );
        assert_eq!(
            strip_site_suffix(
                "Talks end — The Express Tribune",
                Some("The Express Tribune")
            ),
            "Talks end"
        );
    }

    #[test]
    fn json_ld() {
        let html = r#"<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"H","datePublished":"2020-09-26T10:15:00Z","author":[{"@type":"Person","name":"AFP"}],"publisher":{"name":"Dawn"}}]}</script>"#;
        let ld = linked_data(html);
        assert_eq!(ld.published.as_deref(), Some("2020-09-26T10:15:00Z"));
        assert_eq!(ld.headline.as_deref(), Some("H"));
        assert_eq!(ld.authors, vec!["AFP".to_owned()]);
        assert_eq!(ld.publisher.as_deref(), Some("Dawn"));
        assert!(
            linked_data("<script type='application/ld+json'>{broken</script>")
                .published
                .is_none()
        );
    }

    #[test]
    fn strips_in_document_order() {
        // A comment opener inside a script is script text; an unclosed
        // comment is kept; case and spaces in closing tags are allowed.
        let s = strip_non_text(
            "<SCRIPT>var a = '<!-- x';</script >keep<!-- c -->mid<Style>p{}</STYLE\n>end<!-- open",
        );
        assert_eq!(s, " keep mid end<!-- open");
        // Names that only start like a non-text element are left alone.
        assert_eq!(
            strip_non_text("<scripts>a</scripts><svgx>b"),
            "<scripts>a</scripts><svgx>b"
        );
        assert_eq!(strip_non_text("<svg/>t</svg>u"), " u");
        assert_eq!(strip_non_text("x<"), "x<");
    }

    #[test]
    fn strips_scripts() {
        let s = strip_non_text(
            "<p>a</p><script>if (a<b) {}</script><style>p{}</style><!-- c --><p>b</p><script>x",
        );
        assert!(
            !s.contains("if (a") && !s.contains("p{}") && !s.contains(" c ") && !s.contains('x')
        );
    }
}
