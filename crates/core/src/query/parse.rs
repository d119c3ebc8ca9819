//! From lexemes to the query's shape: metadata filters plus a sequence of
//! slots, each slot one or more alternatives, each alternative a run of
//! consecutive word terms.
//!
//! Bare words and quoted parts are cut with the text's own tokenizer (so
//! `non-interference` is the two terms `non` `interference`); wildcards
//! survive that cut because they are swapped for a letter while
//! tokenizing. `|` binds tighter than the sequence: `putin|kremlin said` is
//! one slot of two alternatives followed by a slot for `said`.

use std::ops::Range;

use regex::{Regex, RegexBuilder};

use super::QueryError;
use super::glob;
use super::lex::{Lexeme, Tok, lex};
use super::meta;
use crate::filter::Filter;
use crate::tokenize::tokenize;

/// Most terms a query may hold.
const MAX_TERMS: usize = 64;
/// Most alternatives in one slot.
const MAX_ALTERNATIVES: usize = 32;
/// Compiled-size limit of one regular expression, in bytes.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// How one term matches a word.
#[derive(Clone, Debug)]
pub enum TermKind {
    /// A word as typed (folded when matching case-insensitively).
    Word(String),
    /// A word with `*` / `?`.
    Wildcard(String),
    /// A whole-word regular expression, already anchored.
    Regex(Regex),
}

/// One word position of a query with where it was typed.
#[derive(Clone, Debug)]
pub struct Term {
    pub kind: TermKind,
    /// Byte span in the query.
    pub span: Range<usize>,
}

/// One position of the sequence: any of its alternatives, each a run of
/// consecutive terms.
#[derive(Clone, Debug)]
pub struct Slot {
    pub alternatives: Vec<Vec<Term>>,
}

/// A parsed query before it meets a corpus.
#[derive(Clone, Debug, Default)]
pub struct Parsed {
    pub filter: Filter,
    pub slots: Vec<Slot>,
}

/// Parses a query string.
pub fn parse(src: &str, case_sensitive: bool) -> Result<Parsed, QueryError> {
    let mut filter = Filter::default();
    let mut groups: Vec<Vec<Vec<Term>>> = Vec::new();
    let mut pending_pipe: Option<Range<usize>> = None;
    let mut after_atom = false;
    for Lexeme { tok, span } in lex(src)? {
        match tok {
            Tok::Field {
                name,
                value,
                value_span,
            } => {
                if let Some(pipe) = pending_pipe.take() {
                    return Err(QueryError::new("`|` cannot join a filter", pipe));
                }
                meta::apply(&mut filter, name, &value, value_span)?;
                after_atom = false;
            }
            Tok::Pipe => {
                if !after_atom {
                    return Err(QueryError::new("`|` needs a word on its left", span));
                }
                pending_pipe = Some(span);
                after_atom = false;
            }
            Tok::Word(text) | Tok::Quoted(text) => {
                // A quoted part's text starts after its opening quote.
                let quote_len = src[span.clone()].len() - text.len();
                let offset = span.start
                    + quote_len.min(src[span.start..].chars().next().map_or(0, char::len_utf8));
                let terms = word_terms(&text, offset);
                if terms.is_empty() {
                    if pending_pipe.is_some() {
                        return Err(QueryError::new("no word to search here", span));
                    }
                    after_atom = false;
                    continue;
                }
                push_atom(&mut groups, &mut pending_pipe, terms);
                after_atom = true;
            }
            Tok::Regex(pattern) => {
                let term = regex_term(&pattern, span, case_sensitive)?;
                push_atom(&mut groups, &mut pending_pipe, vec![term]);
                after_atom = true;
            }
        }
    }
    if let Some(pipe) = pending_pipe {
        return Err(QueryError::new("`|` needs a word on its right", pipe));
    }
    let slots = into_slots(groups, src.len())?;
    Ok(Parsed { filter, slots })
}

fn push_atom(
    groups: &mut Vec<Vec<Vec<Term>>>,
    pending_pipe: &mut Option<Range<usize>>,
    terms: Vec<Term>,
) {
    match (pending_pipe.take(), groups.last_mut()) {
        (Some(_), Some(group)) => group.push(terms),
        _ => groups.push(vec![terms]),
    }
}

/// A group with one alternative is a plain phrase: one slot per term.
fn into_slots(groups: Vec<Vec<Vec<Term>>>, src_len: usize) -> Result<Vec<Slot>, QueryError> {
    let terms: usize = groups.iter().flatten().map(Vec::len).sum();
    if terms > MAX_TERMS {
        return Err(QueryError::new(
            format!("too many words: a query holds at most {MAX_TERMS}"),
            0..src_len,
        ));
    }
    let mut slots = Vec::new();
    for mut group in groups {
        if group.len() > MAX_ALTERNATIVES {
            let span = group[MAX_ALTERNATIVES][0].span.clone();
            return Err(QueryError::new(
                format!("too many alternatives: at most {MAX_ALTERNATIVES}"),
                span,
            ));
        }
        if group.len() == 1 {
            let phrase = group.pop().unwrap_or_default();
            slots.extend(phrase.into_iter().map(|term| Slot {
                alternatives: vec![vec![term]],
            }));
        } else {
            slots.push(Slot {
                alternatives: group,
            });
        }
    }
    Ok(slots)
}

/// Cuts a bare or quoted part into terms with spans in the query (`offset`
/// is where `text` starts in it).
fn word_terms(text: &str, offset: usize) -> Vec<Term> {
    split_words(text)
        .into_iter()
        .map(|(word, span)| {
            let span = offset + span.start..offset + span.end;
            let kind = if glob::is_wildcard(&word) {
                TermKind::Wildcard(word)
            } else {
                TermKind::Word(word)
            };
            Term { kind, span }
        })
        .collect()
}

/// Tokenizes `text` the way documents are tokenized, keeping `*` and `?`:
/// they are swapped for a letter (same byte length) while cutting, and the
/// words are then read back from the original text.
pub fn split_words(text: &str) -> Vec<(String, Range<usize>)> {
    let masked: String = text
        .chars()
        .map(|c| if c == '*' || c == '?' { 'a' } else { c })
        .collect();
    tokenize(&masked)
        .filter_map(|token| {
            let word = text.get(token.span.clone())?;
            Some((word.replace('\u{2019}', "'"), token.span))
        })
        .collect()
}

fn regex_term(pattern: &str, span: Range<usize>, case_sensitive: bool) -> Result<Term, QueryError> {
    let built = RegexBuilder::new(&format!("^(?:{pattern})$"))
        .case_insensitive(!case_sensitive)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(4 * REGEX_SIZE_LIMIT)
        .build();
    match built {
        Ok(regex) => Ok(Term {
            kind: TermKind::Regex(regex),
            span,
        }),
        Err(err) => Err(QueryError::new(regex_message(&err), span)),
    }
}

/// The regex crate's message without its multi-line drawing.
fn regex_message(err: &regex::Error) -> String {
    match err {
        regex::Error::CompiledTooBig(_) => "regular expression too big".to_owned(),
        other => {
            let text = other.to_string();
            let reason = text
                .lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("invalid")
                .trim()
                .trim_start_matches("error:")
                .trim()
                .to_owned();
            format!("bad regular expression: {reason}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(src: &str) -> Vec<Vec<Vec<String>>> {
        parse(src, false)
            .unwrap()
            .slots
            .iter()
            .map(|s| {
                s.alternatives
                    .iter()
                    .map(|a| a.iter().map(|t| src[t.span.clone()].to_owned()).collect())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn phrases_alternatives_and_hyphens() {
        assert_eq!(
            shape("putin|kremlin said"),
            [vec![vec!["putin"], vec!["kremlin"]], vec![vec!["said"]]]
        );
        assert_eq!(
            shape("\"non-interference pact\""),
            [
                vec![vec!["non"]],
                vec![vec!["interference"]],
                vec![vec!["pact"]]
            ]
        );
        assert_eq!(
            shape("non-inter* | meddling"),
            [vec![vec!["non", "inter*"], vec!["meddling"]]]
        );
        assert_eq!(shape("Putin's ."), [vec![vec!["Putin"]]]);
    }

    #[test]
    fn filters_alone() {
        let parsed = parse("agency:AFP date:2020", false).unwrap();
        assert!(parsed.slots.is_empty());
        assert_eq!(parsed.filter.agency.as_deref(), Some("AFP"));
    }

    #[test]
    fn positioned_errors() {
        assert_eq!(parse("|a", false).unwrap_err().span, 0..1);
        assert_eq!(parse("a |", false).unwrap_err().span, 2..3);
        assert_eq!(parse("a /(/", false).unwrap_err().span, 2..5);
        assert_eq!(parse("a|agency:x", false).unwrap_err().span, 1..2);
        assert_eq!(parse("a | ,", false).unwrap_err().span, 4..5);
    }
}
