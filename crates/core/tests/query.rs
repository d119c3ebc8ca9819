//! The query language and concordance against real text: the seed, the
//! development articles and, when fetched, a slice of `data/`.
//!
//! The central check is a property test: for words, wildcards, regexes,
//! phrases and alternatives drawn from the corpus itself, the hits found
//! through the index equal a naive scan of `tokenize::words(doc.text)`.

mod common;

use common::{Naive, Rng, dev_corpus, seed_corpus};
use wirescope_core::query::{Concordance, Context, Matcher, Query, QueryOptions, search};
use wirescope_core::tokenize::words;
use wirescope_core::{Correction, Filter, Overlay};

fn parse(q: &str) -> Query {
    Query::parse(q, QueryOptions::default()).unwrap_or_else(|e| panic!("{}", e.pointed(q)))
}

fn parse_cs(q: &str) -> Query {
    Query::parse(
        q,
        QueryOptions {
            case_sensitive: true,
        },
    )
    .unwrap()
}

#[test]
fn seed_counts_and_lines() {
    let corpus = seed_corpus();
    let overlay = Overlay::default();
    let none = Filter::default();
    let hits = search(&corpus, &overlay, &none, &parse("putin"));
    assert_eq!(hits.len(), 5);
    assert_eq!(hits.per_doc.len(), 1);
    let hits = search(&corpus, &overlay, &none, &parse("non-interference pact"));
    assert_eq!(hits.len(), 1);
    let concordance = Concordance::new(&corpus);
    let line = concordance.line(hits.hits[0], Context::Words(3));
    assert_eq!(line.keyword, "non-interference pact");
    assert_eq!(line.left, "Putin proposes election ");
    assert_eq!(line.right, " with US MOSCOW:");
    assert_eq!(line.hit.pos, 3);
    assert_eq!(
        &corpus.doc(0).text[line.span.clone()],
        "non-interference pact"
    );

    // Punctuation stays, possessives split from the keyword as written.
    let hits = search(&corpus, &overlay, &none, &parse("\"outrageous\""));
    let line = concordance.line(hits.hits[0], Context::Words(2));
    assert_eq!(line.left, "of the “");
    assert_eq!(line.right, "” spying attempts.");
}

#[test]
fn seed_query_kinds() {
    let corpus = seed_corpus();
    let count = |q: &str| search(&corpus, &Overlay::default(), &Filter::default(), &parse(q)).len();
    assert_eq!(count("elect*"), count("election|elections|electoral"));
    assert_eq!(
        count("/elect(ion|oral)s?/"),
        count("election|elections|electoral")
    );
    assert_eq!(count("putin|kremlin said"), 1);
    assert_eq!(count("elect*"), 11);
    assert_eq!(count("he said"), 1);
    assert_eq!(count("Putin's"), count("putin"));
    assert!(count("interfer*") >= 2);
    assert_eq!(count("exchang* guarantees of non-interference"), 2);
    let cs = |q: &str| {
        search(
            &corpus,
            &Overlay::default(),
            &Filter::default(),
            &parse_cs(q),
        )
        .len()
    };
    assert_eq!(cs("Putin"), count("putin"));
    assert_eq!(cs("putin"), 0);
    assert_eq!(cs("US"), count("us"));
    assert_eq!(cs("P*"), cs("/P.*/"));
}

#[test]
fn index_search_equals_naive_scan() {
    let corpus = dev_corpus();
    let naive = Naive::new(&corpus);
    let mut rng = Rng(0x5eed_1234);
    let concordance = Concordance::new(&corpus);
    let mut checked = 0;
    for round in 0..400 {
        let q = naive.random_query(&mut rng, round);
        let Ok(query) = Query::parse(&q, QueryOptions::default()) else {
            panic!("generated query did not parse: {q}");
        };
        let hits = search(&corpus, &Overlay::default(), &Filter::default(), &query);
        let expected = naive.hits(&query_terms(&q));
        assert_eq!(
            hits.hits
                .iter()
                .map(|h| (h.doc, h.pos, h.len))
                .collect::<Vec<_>>(),
            expected,
            "query {q}"
        );
        let matcher = Matcher::new(&corpus, &query);
        for d in &hits.per_doc {
            assert_eq!(matcher.count_in(d.doc), u64::from(d.count), "query {q}");
        }
        for line in concordance.lines(&hits.hits[..hits.len().min(20)], Context::Words(4)) {
            naive.check_line(&line, 4);
        }
        checked += hits.len();
    }
    assert!(
        checked > 5_000,
        "the generated queries found too little: {checked}"
    );
}

/// The naive side reads the query back from its own generator format:
/// terms separated by spaces, alternatives by `|`.
fn query_terms(q: &str) -> Vec<Vec<String>> {
    q.split(' ')
        .map(|slot| slot.split('|').map(str::to_owned).collect())
        .collect()
}

#[test]
fn single_word_counts_agree_with_freq() {
    let corpus = dev_corpus();
    let list = wirescope_core::freq::word_list(&corpus, None);
    for row in list.rows.iter().take(50) {
        let word = corpus.vocab().folded(row.word);
        let query = Query::parse(word, QueryOptions::default()).unwrap();
        let hits = search(&corpus, &Overlay::default(), &Filter::default(), &query);
        assert_eq!(hits.len() as u64, row.count, "{word}");
        assert_eq!(Matcher::new(&corpus, &query).total(), row.count, "{word}");
        let counter = wirescope_core::freq::word_hits(&corpus, word);
        for d in &hits.per_doc {
            assert_eq!(counter(d.doc), hits.count_in(d.doc));
        }
    }
}

#[test]
fn metadata_filters_select_documents() {
    let corpus = dev_corpus();
    let mut overlay = Overlay::default();
    let none = Filter::default();
    let docs = |q: &str, overlay: &Overlay| search(&corpus, overlay, &none, &parse(q)).documents();
    let afp = docs("agency:afp", &overlay);
    assert!(!afp.is_empty());
    for &d in &afp {
        assert_eq!(corpus.fields(d, &overlay).agency, Some("AFP"));
    }
    // Date precision: a month is the whole month, a year the whole year.
    let dated: Vec<_> = (0..corpus.len() as u32)
        .filter_map(|d| corpus.fields(d, &overlay).published.map(|p| (d, p)))
        .collect();
    let (_, some_date) = dated[0];
    let month = some_date.format("%Y-%m").to_string();
    let year = some_date.format("%Y").to_string();
    let in_month: Vec<u32> = dated
        .iter()
        .filter(|(_, p)| p.format("%Y-%m").to_string() == month)
        .map(|&(d, _)| d)
        .collect();
    assert_eq!(docs(&format!("date:{month}"), &overlay), in_month);
    assert_eq!(docs(&format!("date:{month}..{month}"), &overlay), in_month);
    let in_year: Vec<u32> = dated
        .iter()
        .filter(|(_, p)| p.format("%Y").to_string() == year)
        .map(|&(d, _)| d)
        .collect();
    assert_eq!(docs(&format!("date:{year}"), &overlay), in_year);
    let day = some_date.format("%Y-%m-%d").to_string();
    assert!(docs(&format!("date:{day}"), &overlay).contains(&dated[0].0));
    let open: Vec<u32> = dated
        .iter()
        .filter(|(_, p)| *p >= some_date)
        .map(|&(d, _)| d)
        .collect();
    assert_eq!(docs(&format!("date:{day}.."), &overlay), open);

    // Filters combine with words and with the table's filter; corrections
    // and exclusions apply.
    let target = afp[0];
    let key = corpus.doc(target).key.clone();
    let title_word = words(corpus.fields(target, &overlay).title)[0].to_uppercase();
    assert!(docs(&format!("title:{title_word}"), &overlay).contains(&target));
    let with_word = search(&corpus, &overlay, &none, &parse("agency:AFP the"));
    assert!(with_word.per_doc.iter().all(|d| afp.contains(&d.doc)));
    overlay.set_correction(
        key.clone(),
        Correction {
            agency: Some("Wirescope Wire".into()),
            ..Correction::default()
        },
    );
    assert_eq!(docs("agency:\"wirescope wire\"", &overlay), [target]);
    assert!(!docs("agency:AFP", &overlay).contains(&target));
    // Tags from the overlay: every `tag:` must be carried, in any case.
    let other = afp[1];
    overlay.set_tags(key.clone(), vec!["Reprint".into(), "check".into()]);
    overlay.set_tags(corpus.doc(other).key.clone(), vec!["reprint".into()]);
    let mut tagged = vec![target, other];
    tagged.sort_unstable();
    assert_eq!(docs("tag:reprint", &overlay), tagged);
    assert_eq!(docs("tag:REPRINT tag:check", &overlay), [target]);
    assert!(docs("tag:other", &overlay).is_empty());
    assert_eq!(
        search(&corpus, &overlay, &none, &parse("tag:check the"))
            .per_doc
            .iter()
            .map(|d| d.doc)
            .collect::<Vec<_>>(),
        [target],
        "a tag narrows a word search"
    );
    overlay.set_excluded(key, true);
    assert!(docs("agency:\"wirescope wire\"", &overlay).is_empty());
    let base = Filter {
        agency: Some("AFP".into()),
        ..Filter::default()
    };
    let both = search(
        &corpus,
        &Overlay::default(),
        &base,
        &parse("agency:Reuters"),
    );
    assert!(both.documents().is_empty());
}

#[test]
fn bad_queries_give_positioned_errors() {
    let cases: &[(&str, std::ops::Range<usize>)] = &[
        ("putin |", 6..7),
        ("| putin", 0..1),
        ("\"open phrase", 0..1),
        ("/elect(/", 0..8),
        ("/unclosed", 0..1),
        ("date:2020-13", 5..12),
        ("date:2020-09..sept", 14..18),
        ("agnecy:AFP pact", 0..7),
        ("agency:AFP agency:Reuters", 18..25),
        ("putin|agency:AFP", 5..6),
        ("date:", 0..5),
        ("//", 0..2),
    ];
    for (q, span) in cases {
        let err = Query::parse(q, QueryOptions::default()).unwrap_err();
        assert_eq!(&err.span, span, "{q}: {}", err.message);
        assert!(!err.message.is_empty());
    }
}

#[test]
fn random_input_never_panics() {
    let corpus = seed_corpus();
    let alphabet: Vec<char> = "ab Z1|/\"“”*?:.-’'\\()[]{}^$+é\u{0301}日 \tagency:date:..title:"
        .chars()
        .collect();
    let mut rng = Rng(42);
    for _ in 0..20_000 {
        let len = rng.below(24);
        let q: String = (0..len)
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        for case_sensitive in [false, true] {
            match Query::parse(&q, QueryOptions { case_sensitive }) {
                Ok(query) => {
                    let hits = search(&corpus, &Overlay::default(), &Filter::default(), &query);
                    let _ = Concordance::new(&corpus).lines(&hits.hits, Context::Chars(10));
                }
                Err(err) => {
                    assert!(
                        err.span.start <= err.span.end && err.span.end <= q.len(),
                        "{q:?}"
                    );
                    assert!(q.is_char_boundary(err.span.start) && q.is_char_boundary(err.span.end));
                    let _ = err.pointed(&q);
                }
            }
        }
    }
}

#[test]
fn filters_only_and_empty_queries() {
    let corpus = dev_corpus();
    let none = Filter::default();
    let all = search(&corpus, &Overlay::default(), &none, &parse(""));
    assert!(!all.has_pattern && all.hits.is_empty());
    assert_eq!(all.documents().len(), corpus.len());
    assert!(parse("").is_empty());
    assert!(!parse("agency:AFP").has_pattern());
}

#[test]
fn case_sensitive_matches_exact_surfaces() {
    let corpus = dev_corpus();
    let all: Vec<Vec<String>> = corpus.docs().iter().map(|d| words(&d.text)).collect();
    let mut rng = common::Rng(7);
    for round in 0..60 {
        let doc = &all[rng.below(all.len())];
        let word = doc[rng.below(doc.len())].clone();
        if word.contains(':') {
            continue;
        }
        let (q, test): (String, common::WordTest) = if round % 2 == 0 {
            let w = word.clone();
            (word, Box::new(move |x| x == w))
        } else {
            let prefix: String = word
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .take(2)
                .collect();
            if prefix.is_empty() {
                continue;
            }
            let p = prefix.clone();
            (format!("{prefix}*"), Box::new(move |x| x.starts_with(&p)))
        };
        let expected: usize = all
            .iter()
            .map(|d| d.iter().filter(|w| test(w)).count())
            .sum();
        let hits = search(
            &corpus,
            &Overlay::default(),
            &Filter::default(),
            &parse_cs(&q),
        );
        assert_eq!(hits.len(), expected, "{q}");
    }
}
