//! Metadata filters in a query (`agency:AFP`, `date:2020-09..2020-11`,
//! `title:pact`...) turned into the engine's one [`Filter`], so a query
//! narrows documents exactly as the table's filter does.
//!
//! Dates are inclusive at the precision given: `2020` is the whole year,
//! `2020-11` all of November, and either end of a `..` range may be left
//! open.

use std::ops::Range;

use chrono::NaiveDate;

use super::QueryError;
use super::lex::FieldName;
use crate::filter::Filter;
use crate::tokenize::fold;

/// Sets one filter of `filter` from a `name:value` lexeme.
pub fn apply(
    filter: &mut Filter,
    name: FieldName,
    value: &str,
    span: Range<usize>,
) -> Result<(), QueryError> {
    let value_trimmed = value.trim();
    let twice = || QueryError::new(format!("`{}:` is given twice", name.name()), span.clone());
    let slot = match name {
        FieldName::Agency => &mut filter.agency,
        FieldName::Outlet => &mut filter.outlet,
        FieldName::Dateline => &mut filter.dateline,
        FieldName::Date => {
            if filter.date_from.is_some() || filter.date_to.is_some() {
                return Err(twice());
            }
            let (from, to) = date_range(value, span.clone())?;
            filter.date_from = from;
            filter.date_to = to;
            return Ok(());
        }
        FieldName::Title => {
            filter.title_words.extend(title_words(value));
            return Ok(());
        }
        // Tags add up: `tag:reprint tag:AFP` wants both.
        FieldName::Tag => {
            if !value_trimmed.is_empty() {
                filter.tags.push(value_trimmed.to_owned());
            }
            return Ok(());
        }
    };
    if slot.is_some() {
        return Err(twice());
    }
    *slot = Some(value_trimmed.to_owned());
    Ok(())
}

/// The words of a `title:` value, folded, wildcards kept.
fn title_words(value: &str) -> Vec<String> {
    super::parse::split_words(value)
        .into_iter()
        .map(|(word, _)| fold(&word).into_owned())
        .collect()
}

/// Parses `A`, `A..B`, `A..` or `..B` into inclusive bounds.
pub fn date_range(
    value: &str,
    span: Range<usize>,
) -> Result<(Option<NaiveDate>, Option<NaiveDate>), QueryError> {
    let Some((left, right)) = value.split_once("..") else {
        let from = date_bound(value, false, span.clone())?;
        let to = date_bound(value, true, span)?;
        return Ok((Some(from), Some(to)));
    };
    let right_start = span.start + left.len() + 2;
    let left_span = span.start..span.start + left.len();
    let right_span = right_start..span.end.max(right_start);
    if left.is_empty() && right.is_empty() {
        return Err(QueryError::new(
            "a date range needs at least one end, e.g. date:2020-09..2020-11",
            span,
        ));
    }
    let from = (!left.is_empty())
        .then(|| date_bound(left, false, left_span))
        .transpose()?;
    let to = (!right.is_empty())
        .then(|| date_bound(right, true, right_span))
        .transpose()?;
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return Err(QueryError::new(
            "the date range ends before it starts",
            span,
        ));
    }
    Ok((from, to))
}

/// First (or, for `end`, last) day of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn date_bound(text: &str, end: bool, span: Range<usize>) -> Result<NaiveDate, QueryError> {
    let bad = || {
        QueryError::new(
            format!("`{text}` is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"),
            span.clone(),
        )
    };
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, digits: usize| -> Option<u32> {
        (s.len() == digits && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let year = parts
        .first()
        .and_then(|y| number(y, 4))
        .and_then(|y| i32::try_from(y).ok())
        .ok_or_else(bad)?;
    let date = match parts.as_slice() {
        [_] if end => NaiveDate::from_ymd_opt(year, 12, 31),
        [_] => NaiveDate::from_ymd_opt(year, 1, 1),
        [_, m] => {
            let month = number(m, 2).ok_or_else(bad)?;
            let first = NaiveDate::from_ymd_opt(year, month, 1);
            if end {
                first
                    .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
                    .and_then(|d| d.pred_opt())
            } else {
                first
            }
        }
        [_, m, d] => {
            let (Some(month), Some(day)) = (number(m, 2), number(d, 2)) else {
                return Err(bad());
            };
            NaiveDate::from_ymd_opt(year, month, day)
        }
        _ => None,
    };
    date.ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn precision_sets_the_bounds() {
        assert_eq!(
            date_range("2020", 0..4).unwrap(),
            (d(2020, 1, 1), d(2020, 12, 31))
        );
        assert_eq!(
            date_range("2020-02", 0..7).unwrap(),
            (d(2020, 2, 1), d(2020, 2, 29))
        );
        assert_eq!(
            date_range("2020-09-26", 0..10).unwrap(),
            (d(2020, 9, 26), d(2020, 9, 26))
        );
        assert_eq!(
            date_range("2020-09..2020-11", 0..16).unwrap(),
            (d(2020, 9, 1), d(2020, 11, 30))
        );
        assert_eq!(
            date_range("2020-09..", 0..9).unwrap(),
            (d(2020, 9, 1), None)
        );
        assert_eq!(date_range("..2019", 0..6).unwrap(), (None, d(2019, 12, 31)));
    }

    #[test]
    fn bad_dates_point_at_the_bad_end() {
        assert_eq!(date_range("2020-13", 5..12).unwrap_err().span, 5..12);
        assert_eq!(date_range("2020..20x1", 5..15).unwrap_err().span, 11..15);
        assert_eq!(date_range("..", 5..7).unwrap_err().span, 5..7);
        assert!(date_range("2021..2020", 0..10).is_err());
        assert!(date_range("2020-02-30", 0..10).is_err());
        assert!(date_range("20", 0..2).is_err());
    }
}
