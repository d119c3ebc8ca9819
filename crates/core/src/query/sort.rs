//! Ordering concordance hits by up to three keys: a context word (`L3`..
//! `L1`, `R1`..`R3`), the keyword (`KW`), the document or its date.
//!
//! Word keys are the alphabetical ranks of folded ids ([`super::Lexicon`])
//! read from token streams, so sorting compares integers and never touches
//! text. Ties fall back to document (path, then record) and position, so
//! the order is the same on every run whatever the load order was.
//! [`sort_order`] returns a permutation; the hits themselves stay in
//! document order for the reader and the per-document counts.

use std::fmt;
use std::str::FromStr;

use chrono::Datelike;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::search::Hit;
use crate::corpus::Corpus;
use crate::overlay::Overlay;

/// Most sort keys at once.
pub const MAX_SORT_KEYS: usize = 3;

/// One concordance sort key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SortKey {
    /// The n-th word left of the hit (1 to 3).
    Left(u8),
    /// The hit's first word.
    Keyword,
    /// The n-th word right of the hit (1 to 3).
    Right(u8),
    /// Document (path, then record number).
    Doc,
    /// Publication date (undated documents last).
    Date,
}

impl SortKey {
    /// Every key, in the order a menu shows them.
    pub const ALL: [Self; 9] = [
        Self::Left(3),
        Self::Left(2),
        Self::Left(1),
        Self::Keyword,
        Self::Right(1),
        Self::Right(2),
        Self::Right(3),
        Self::Doc,
        Self::Date,
    ];
}

impl fmt::Display for SortKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Left(n) => write!(f, "L{n}"),
            Self::Keyword => f.write_str("KW"),
            Self::Right(n) => write!(f, "R{n}"),
            Self::Doc => f.write_str("doc"),
            Self::Date => f.write_str("date"),
        }
    }
}

/// A sort key list that cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct SortKeyError(pub String);

impl FromStr for SortKey {
    type Err = SortKeyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key = s.trim();
        Self::ALL
            .into_iter()
            .find(|k| k.to_string().eq_ignore_ascii_case(key))
            .ok_or_else(|| {
                SortKeyError(format!(
                    "unknown sort key `{key}`: use L3, L2, L1, KW, R1, R2, R3, doc or date"
                ))
            })
    }
}

/// Reads up to three keys separated by commas or spaces (`"R1,R2"`).
pub fn parse_sort_keys(text: &str) -> Result<Vec<SortKey>, SortKeyError> {
    let keys = text
        .split([',', ' '])
        .filter(|k| !k.trim().is_empty())
        .map(str::parse)
        .collect::<Result<Vec<SortKey>, _>>()?;
    if keys.len() > MAX_SORT_KEYS {
        return Err(SortKeyError(format!(
            "at most {MAX_SORT_KEYS} sort keys, got {}",
            keys.len()
        )));
    }
    Ok(keys)
}

/// The order in which to show `hits`: indices into `hits`, sorted by
/// `keys` (at most three are used), then document and position.
pub fn sort_order(corpus: &Corpus, overlay: &Overlay, hits: &[Hit], keys: &[SortKey]) -> Vec<u32> {
    let mut doc_rank = vec![0u32; corpus.len()];
    for (rank, doc) in corpus.sorted_by_key().into_iter().enumerate() {
        doc_rank[doc as usize] = u32::try_from(rank).unwrap_or(u32::MAX);
    }
    let dates: Vec<u32> = if keys.contains(&SortKey::Date) {
        (0..corpus.len() as u32)
            .into_par_iter()
            .map(|d| {
                corpus.fields(d, overlay).published.map_or(u32::MAX, |p| {
                    u32::try_from(p.num_days_from_ce()).unwrap_or(0)
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    let key_of = |hit: &Hit, key: SortKey| -> u32 {
        match key {
            SortKey::Left(n) => hit
                .pos
                .checked_sub(u32::from(n))
                .map_or(0, |p| word_rank(corpus, hit.doc, p)),
            SortKey::Keyword => word_rank(corpus, hit.doc, hit.pos),
            SortKey::Right(n) => {
                word_rank(corpus, hit.doc, hit.pos + hit.len.max(1) - 1 + u32::from(n))
            }
            SortKey::Doc => doc_rank[hit.doc as usize],
            SortKey::Date => dates.get(hit.doc as usize).copied().unwrap_or(u32::MAX),
        }
    };
    let keys = &keys[..keys.len().min(MAX_SORT_KEYS)];
    let mut rows: Vec<(u64, u64, u32, u32)> = hits
        .par_iter()
        .enumerate()
        .map(|(i, hit)| {
            let k = |n: usize| keys.get(n).map_or(0, |&key| u64::from(key_of(hit, key)));
            (
                (k(0) << 32) | k(1),
                (k(2) << 32) | u64::from(doc_rank[hit.doc as usize]),
                hit.pos,
                u32::try_from(i).unwrap_or(u32::MAX),
            )
        })
        .collect();
    rows.par_sort_unstable();
    rows.into_iter().map(|row| row.3).collect()
}

/// Alphabetical rank of the word at `pos` (0 past the end).
#[inline]
fn word_rank(corpus: &Corpus, doc: u32, pos: u32) -> u32 {
    corpus
        .index()
        .stream(doc)
        .get(pos as usize)
        .map_or(0, |s| corpus.lexicon().rank(corpus.vocab().fold_id(s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        assert_eq!(
            parse_sort_keys("r1, L2 kw").unwrap(),
            [SortKey::Right(1), SortKey::Left(2), SortKey::Keyword]
        );
        assert_eq!(parse_sort_keys("DATE").unwrap(), [SortKey::Date]);
        assert!(parse_sort_keys("R4").is_err());
        assert!(parse_sort_keys("L1,L2,L3,R1").is_err());
        assert!(parse_sort_keys("").unwrap().is_empty());
        for key in SortKey::ALL {
            assert_eq!(key.to_string().parse::<SortKey>().unwrap(), key);
        }
    }
}
