//! Concordance lines, sorting, dispersion and CSV export on real text.

mod common;

use common::{dev_corpus, seed_corpus};
use wirescope_core::query::{
    Concordance, Context, Hit, Query, QueryOptions, SortKey, StripOrder, dispersion,
    parse_sort_keys, search, sort_order, write_csv,
};
use wirescope_core::tokenize::{fold, words};
use wirescope_core::{Filter, Overlay};

fn parse(q: &str) -> Query {
    Query::parse(q, QueryOptions::default()).unwrap_or_else(|e| panic!("{}", e.pointed(q)))
}

#[test]
fn sort_orders_follow_the_context_words() {
    let corpus = dev_corpus();
    let overlay = Overlay::default();
    let hits = search(&corpus, &overlay, &Filter::default(), &parse("the"));
    assert!(hits.len() > 500);
    let doc_words: Vec<Vec<String>> = corpus
        .docs()
        .iter()
        .map(|d| {
            words(&d.text)
                .iter()
                .map(|w| fold(w).into_owned())
                .collect()
        })
        .collect();
    let word_at = |doc: u32, pos: i64| -> String {
        usize::try_from(pos)
            .ok()
            .and_then(|p| doc_words[doc as usize].get(p))
            .cloned()
            .unwrap_or_default()
    };
    for keys in ["R1", "L1,R1", "R2,L2,KW", "L3", "R3", "date,R1", "doc"] {
        let keys = parse_sort_keys(keys).unwrap();
        let order = sort_order(&corpus, &overlay, &hits.hits, &keys);
        let key_rows: Vec<Vec<String>> = order
            .iter()
            .map(|&i| {
                let h = hits.hits[i as usize];
                keys.iter()
                    .map(|k| match k {
                        SortKey::Left(n) => word_at(h.doc, i64::from(h.pos) - i64::from(*n)),
                        SortKey::Right(n) => {
                            word_at(h.doc, i64::from(h.pos + h.len - 1 + u32::from(*n)))
                        }
                        SortKey::Keyword => word_at(h.doc, i64::from(h.pos)),
                        SortKey::Doc => corpus.doc(h.doc).key.to_string(),
                        SortKey::Date => corpus
                            .fields(h.doc, &overlay)
                            .published
                            .map_or("~undated".into(), |d| d.to_string()),
                    })
                    .collect()
            })
            .collect();
        assert!(key_rows.windows(2).all(|w| w[0] <= w[1]), "keys {keys:?}");
        let mut seen = order.clone();
        seen.sort_unstable();
        assert!(seen.iter().enumerate().all(|(i, &o)| o as usize == i));
    }
    // Ties keep document (path) order then position: deterministic.
    let again = sort_order(&corpus, &overlay, &hits.hits, &[SortKey::Right(1)]);
    assert_eq!(
        again,
        sort_order(&corpus, &overlay, &hits.hits, &[SortKey::Right(1)])
    );
}

#[test]
fn dispersion_and_csv() {
    let corpus = dev_corpus();
    let hits = search(
        &corpus,
        &Overlay::default(),
        &Filter::default(),
        &parse("the"),
    );
    let strips = dispersion(&corpus, &hits, StripOrder::Hits);
    assert_eq!(strips.len(), hits.per_doc.len());
    assert!(strips.windows(2).all(|w| w[0].hits >= w[1].hits));
    for strip in &strips {
        assert_eq!(strip.positions.len(), strip.hits as usize);
        assert!(strip.positions.iter().all(|&p| (0.0..1.0).contains(&p)));
    }
    let concordance = Concordance::new(&corpus);
    let mut out = Vec::new();
    write_csv(
        &concordance,
        &Overlay::default(),
        &hits.hits,
        Context::Words(5),
        &mut out,
    )
    .unwrap();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    assert_eq!(
        reader.headers().unwrap(),
        vec![
            "path",
            "record",
            "title",
            "published",
            "position",
            "left",
            "keyword",
            "right"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), hits.len());
    assert!(rows.iter().all(|r| r[6].eq_ignore_ascii_case("the")));
}

#[test]
fn character_context() {
    let corpus = seed_corpus();
    let hits = search(
        &corpus,
        &Overlay::default(),
        &Filter::default(),
        &parse("pact"),
    );
    let line = Concordance::new(&corpus).line(hits.hits[0], Context::Chars(12));
    assert_eq!(line.left.chars().count(), 12);
    assert_eq!(line.right.chars().count(), 12);
    assert_eq!(line.left, "nterference ");
}

#[test]
fn checkpointed_spans_equal_full_tokenization() {
    let corpus = dev_corpus();
    let concordance = Concordance::new(&corpus);
    for doc in 0..corpus.len() as u32 {
        let spans = concordance.spans(doc);
        assert_eq!(spans.len(), corpus.word_count(doc));
        for (pos, span) in spans.iter().enumerate() {
            let hit = Hit {
                doc,
                pos: pos as u32,
                len: 1,
            };
            assert_eq!(
                concordance.hit_span(hit).as_ref(),
                Some(span),
                "doc {doc} pos {pos}"
            );
        }
    }
}
