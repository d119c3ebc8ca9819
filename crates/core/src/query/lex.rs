//! Cutting a query string into lexemes (words, quoted parts, `/regexes/`,
//! `|`, `field:value` filters), each with its byte span in the query so
//! errors can point at the exact place.
//!
//! Whitespace only separates lexemes; `|` joins its neighbours whether or
//! not spaces surround it. Straight and typographic double quotes both
//! quote, so a phrase pasted from an article works.

use std::ops::Range;

use super::QueryError;

/// Metadata fields a query can filter on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldName {
    Agency,
    Outlet,
    Date,
    Dateline,
    Title,
    Tag,
}

impl FieldName {
    const ALL: [(&'static str, Self); 6] = [
        ("agency", Self::Agency),
        ("outlet", Self::Outlet),
        ("date", Self::Date),
        ("dateline", Self::Dateline),
        ("title", Self::Title),
        ("tag", Self::Tag),
    ];

    fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|&(_, f)| f)
    }

    /// The name as typed in queries.
    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|&&(_, f)| f == self)
            .map_or("", |&(n, _)| n)
    }
}

/// What a lexeme is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tok {
    /// A bare word (may hold wildcards and punctuation; tokenized later).
    Word(String),
    /// The inside of a quoted part.
    Quoted(String),
    /// The inside of `/.../`, with `\/` read as `/`.
    Regex(String),
    /// `|`.
    Pipe,
    /// `name:value`; `value_span` locates the value in the query.
    Field {
        name: FieldName,
        value: String,
        value_span: Range<usize>,
    },
}

/// A lexeme with its byte span in the query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lexeme {
    pub tok: Tok,
    pub span: Range<usize>,
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{201E}')
}

/// Splits `src` into lexemes.
pub fn lex(src: &str) -> Result<Vec<Lexeme>, QueryError> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(c) = src[at..].chars().next() {
        let start = at;
        if c.is_whitespace() {
            at += c.len_utf8();
        } else if c == '|' {
            at += 1;
            out.push(Lexeme {
                tok: Tok::Pipe,
                span: start..at,
            });
        } else if is_quote(c) {
            let (inside, end) = quoted(src, start, c)?;
            at = end;
            out.push(Lexeme {
                tok: Tok::Quoted(inside.to_owned()),
                span: start..at,
            });
        } else if c == '/' {
            let (pattern, end) = regex_body(src, start)?;
            at = end;
            out.push(Lexeme {
                tok: Tok::Regex(pattern),
                span: start..at,
            });
        } else {
            let lexeme = word_or_field(src, start)?;
            at = lexeme.span.end;
            out.push(lexeme);
        }
    }
    Ok(out)
}

/// The text inside quotes opening at `start`, and the byte after the
/// closing quote.
fn quoted(src: &str, start: usize, open: char) -> Result<(&str, usize), QueryError> {
    let body = start + open.len_utf8();
    match src[body..].find(is_quote) {
        Some(rel) => {
            let close = body + rel;
            let after = close + src[close..].chars().next().map_or(1, char::len_utf8);
            Ok((&src[body..close], after))
        }
        None => Err(QueryError::new(
            "missing closing quote",
            start..start + open.len_utf8(),
        )),
    }
}

/// The pattern of a `/regex/` opening at `start`, and the byte after it.
fn regex_body(src: &str, start: usize) -> Result<(String, usize), QueryError> {
    let mut pattern = String::new();
    let mut chars = src[start + 1..].char_indices();
    while let Some((rel, c)) = chars.next() {
        match c {
            '/' => {
                let end = start + 1 + rel + 1;
                if pattern.is_empty() {
                    return Err(QueryError::new("empty regular expression", start..end));
                }
                return Ok((pattern, end));
            }
            '\\' => match chars.next() {
                Some((_, '/')) => pattern.push('/'),
                Some((_, next)) => {
                    pattern.push('\\');
                    pattern.push(next);
                }
                None => pattern.push('\\'),
            },
            _ => pattern.push(c),
        }
    }
    Err(QueryError::new(
        "regular expression not closed: add a `/` at its end",
        start..start + 1,
    ))
}

/// A bare word running to the next space, `|` or quote; `name:value` when
/// it starts with a known field name.
fn word_or_field(src: &str, start: usize) -> Result<Lexeme, QueryError> {
    let end = src[start..]
        .find(|c: char| c.is_whitespace() || c == '|' || is_quote(c))
        .map_or(src.len(), |rel| start + rel);
    let word = &src[start..end];
    let Some(colon) = word.find(':') else {
        return Ok(Lexeme {
            tok: Tok::Word(word.to_owned()),
            span: start..end,
        });
    };
    let name = &word[..colon];
    let value_start = start + colon + 1;
    if let Some(field) = FieldName::from_name(name) {
        return field_value(src, field, start, value_start, end);
    }
    let rest = &word[colon + 1..];
    let looks_like_field = !name.is_empty()
        && name.chars().all(|c| c.is_ascii_alphabetic())
        && !rest.is_empty()
        && !rest.starts_with('/');
    if looks_like_field {
        return Err(QueryError::new(
            format!(
                "unknown filter `{name}:` (filters are agency:, outlet:, date:, dateline:, title:, tag:); \
                 put the word in quotes to search for it"
            ),
            start..value_start,
        ));
    }
    Ok(Lexeme {
        tok: Tok::Word(word.to_owned()),
        span: start..end,
    })
}

/// The value of a filter: the rest of the word, or a quoted part right
/// after the colon (`dateline:"NEW YORK"`).
fn field_value(
    src: &str,
    name: FieldName,
    start: usize,
    value_start: usize,
    word_end: usize,
) -> Result<Lexeme, QueryError> {
    let next = src[value_start..].chars().next();
    let (value, value_span, end) = match next {
        Some(q) if is_quote(q) && value_start == word_end => {
            let (inside, end) = quoted(src, value_start, q)?;
            let body = value_start + q.len_utf8();
            (inside, body..body + inside.len(), end)
        }
        _ => (&src[value_start..word_end], value_start..word_end, word_end),
    };
    if value.trim().is_empty() {
        return Err(QueryError::new(
            format!("`{}:` needs a value", name.name()),
            start..end,
        ));
    }
    Ok(Lexeme {
        tok: Tok::Field {
            name,
            value: value.to_owned(),
            value_span,
        },
        span: start..end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<Tok> {
        lex(src).unwrap().into_iter().map(|l| l.tok).collect()
    }

    #[test]
    fn words_pipes_quotes_regexes() {
        assert_eq!(
            toks("putin|kremlin \"non-interference pact\" /gov.*ment/"),
            [
                Tok::Word("putin".into()),
                Tok::Pipe,
                Tok::Word("kremlin".into()),
                Tok::Quoted("non-interference pact".into()),
                Tok::Regex("gov.*ment".into()),
            ]
        );
        assert_eq!(toks(r"/a\/b/"), [Tok::Regex("a/b".into())]);
    }

    #[test]
    fn fields() {
        let lexed = lex("Agency:AFP dateline:\"NEW YORK\"").unwrap();
        assert_eq!(
            lexed[0].tok,
            Tok::Field {
                name: FieldName::Agency,
                value: "AFP".into(),
                value_span: 7..10
            }
        );
        assert!(matches!(&lexed[1].tok, Tok::Field { value, .. } if value == "NEW YORK"));
        assert_eq!(lexed[1].span.end, 30);
    }

    #[test]
    fn errors_point_at_the_problem() {
        assert_eq!(lex("a \"bc").unwrap_err().span, 2..3);
        assert_eq!(lex("x /ab").unwrap_err().span, 2..3);
        assert_eq!(lex("agnecy:AFP").unwrap_err().span, 0..7);
        assert_eq!(lex("date:").unwrap_err().span, 0..5);
        assert!(lex("http://example.com").is_ok());
    }
}
