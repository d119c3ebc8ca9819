//! The headless CLI as scripts use it: the real `wirescope` binary run on
//! the bundled sample, the development articles and small folders made in
//! the test. Checks output formats, the stable order, `--workspace` and the
//! exit statuses (0 loaded, 1 nothing loaded, 2 usage).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const SEED: &str = "seeds/000_da033187e5627a53.txt";

fn wirescope(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wirescope"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the wirescope binary runs")
}

/// Runs and expects exit status `code`; returns stdout.
fn run(args: &[&str], code: i32) -> String {
    let out = wirescope(args);
    assert_eq!(
        out.status.code(),
        Some(code),
        "wirescope {args:?}\nstderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn stderr(args: &[&str]) -> String {
    String::from_utf8_lossy(&wirescope(args).stderr).into_owned()
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn dev_articles() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dev/articles")
}

#[test]
fn inspect_json_gives_the_seed_fields() {
    let rows = json_lines(&run(&["inspect", "--json"], 0));
    assert_eq!(rows.len(), 1);
    let expected = serde_json::json!({
        "path": SEED,
        "record": null,
        "title": "Putin proposes election non-interference pact with US",
        "byline": "By AFP",
        "agency": "AFP",
        "outlet": null,
        "published": "2020-09-26",
        "published_from": "text",
        "dateline": "MOSCOW",
        "words": 510,
    });
    assert_eq!(rows[0], expected);
    let plain = run(&["inspect"], 0);
    assert_eq!(
        plain.trim_end().split('\t').collect::<Vec<_>>(),
        [
            SEED,
            "2020-09-26",
            "AFP",
            "-",
            "MOSCOW",
            "510",
            "Putin proposes election non-interference pact with US"
        ]
    );
}

#[test]
fn documents_come_sorted_by_path_then_record() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("b.csv"),
        "title,date,text\nSecond record,2021-02-03,Rain fell.\nFirst record,2021-02-01,Sun shone.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Alpha headline\n\nSome words here.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("c.txt"), "Gamma headline\n\nMore words.\n").unwrap();
    let d = dir.path().to_str().unwrap();
    let rows = json_lines(&run(&["inspect", "--json", d], 0));
    let keys: Vec<(String, Value)> = rows
        .iter()
        .map(|r| {
            let path = r["path"].as_str().unwrap();
            let name = Path::new(path).file_name().unwrap().to_string_lossy();
            (name.into_owned(), r["record"].clone())
        })
        .collect();
    assert_eq!(
        keys,
        [
            ("a.txt".into(), Value::Null),
            ("b.csv".into(), 1.into()),
            ("b.csv".into(), 2.into()),
            ("c.txt".into(), Value::Null),
        ]
    );
    assert_eq!(rows[1]["title"], "Second record");
    assert_eq!(rows[1]["published"], "2021-02-03");
    assert_eq!(rows[1]["published_from"], "column:date");
}

#[test]
fn stats_counts_and_reports_skipped_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED),
        dir.path().join("seed.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(
        dir.path().join("image.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let stats: Value = serde_json::from_str(&run(&["stats", "--json", d], 0)).unwrap();
    assert_eq!(stats["documents"], 1);
    assert_eq!(stats["tokens"], 510);
    assert_eq!(stats["types"], 242);
    assert_eq!(stats["files_skipped"], 2);
    let skipped = stats["skipped"].as_array().unwrap();
    let named = |name: &str| {
        skipped
            .iter()
            .any(|s| s.to_string().contains(name) && s.to_string().contains("reason"))
    };
    assert!(named("empty.txt") && named("image.txt"), "{skipped:?}");
    assert!(stats["elapsed_secs"].as_f64().unwrap() >= 0.0);
    // How a record file's columns were read is in the report.
    std::fs::write(
        dir.path().join("export.csv"),
        "headline,publish_date,body\nA title,2020-01-02,Some body text here.\n",
    )
    .unwrap();
    let stats: Value = serde_json::from_str(&run(&["stats", "--json", d], 0)).unwrap();
    let notes = stats["notes"].to_string();
    assert!(
        notes.contains("export.csv")
            && notes.contains("title=headline, date=publish_date, text=body"),
        "{notes}"
    );
    assert!(run(&["stats", d], 0).contains("columns used: title=headline"));
    std::fs::remove_file(dir.path().join("export.csv")).unwrap();
    // Skipped files are named on stderr too, with the run still a success.
    let err = stderr(&["stats", d]);
    assert!(
        err.contains("empty.txt") && err.contains("image.txt"),
        "{err}"
    );
}

#[test]
fn freq_formats_agree() {
    let tsv = run(&["freq", "--top", "3"], 0);
    assert_eq!(
        tsv.lines().collect::<Vec<_>>(),
        [
            "word\tcount\tper_million\tdocuments",
            "the\t32\t62745.10\t1",
            "to\t21\t41176.47\t1",
            "in\t20\t39215.69\t1"
        ]
    );
    let csv = run(&["freq", "--top", "3", "--format", "csv"], 0);
    assert_eq!(csv.lines().nth(1), Some("the,32,62745.10,1"));
    let json = json_lines(&run(&["freq", "--top", "2", "--format", "json"], 0));
    assert_eq!(json[1]["word"], "to");
    assert_eq!(json[1]["count"], 21);
    // Stopwords and a minimum length hide words, never recount them.
    let content = run(&["freq", "--top", "2", "--stopwords", "--min-len", "4"], 0);
    assert_eq!(
        content.lines().collect::<Vec<_>>(),
        [
            "word\tcount\tper_million\tdocuments",
            "election\t7\t13725.49\t1",
            "russia\t6\t11764.71\t1"
        ]
    );
}

#[test]
fn kwic_lines_sorts_and_limits() {
    let out = run(
        &[
            "kwic",
            "--query",
            "putin",
            "--context",
            "2",
            "--format",
            "json",
            "--limit",
            "2",
        ],
        0,
    );
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["left"], "President Vladimir ");
    assert_eq!(lines[1]["keyword"], "Putin");
    assert_eq!(lines[1]["position"], 12);
    assert_eq!(lines[1]["path"], SEED);
    // Sorted by the word after the hit: R1 ascending.
    let sorted = run(
        &["kwic", "-q", "putin", "--sort", "R1", "--context", "1"],
        0,
    );
    let r1: Vec<String> = sorted
        .lines()
        .skip(1)
        .map(|l| l.rsplit('\t').next().unwrap().trim().to_lowercase())
        .collect();
    assert_eq!(r1.len(), 5);
    assert!(r1.windows(2).all(|w| w[0] <= w[1]), "{r1:?}");
    let err = stderr(&["kwic", "-q", "putin"]);
    assert!(err.contains("5 hits in 1 document"), "{err}");
}

#[test]
fn collocates_rank_the_words_near_a_query() {
    let dev = dev_articles();
    let d = dev.to_str().unwrap();
    let prime = [
        "collocates",
        d,
        "--query",
        "prime",
        "--window",
        "1",
        "--min-freq",
        "2",
        "--stopwords",
    ];
    let out = run(&prime, 0);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("word\tfreq\tleft\tright\tcorpus_freq\tll\tmi\tt\tlogdice")
    );
    let first: Vec<&str> = lines.next().unwrap().split('\t').collect();
    assert_eq!(first[0], "minister");
    assert_eq!(
        first[1], first[3],
        "minister follows prime: all on the right"
    );
    for by in ["mi", "t", "dice", "freq"] {
        let more = ["--by", by, "--format", "json", "--top", "3"];
        let json = json_lines(&run(&[&prime[..], &more].concat(), 0));
        assert!(json.len() <= 3);
        assert_eq!(json[0]["word"], "minister", "--by {by}");
    }
    // Left and right are set apart.
    let left_only = run(
        &["collocates", "-q", "putin", "--left", "2", "--right", "0"],
        0,
    );
    assert!(
        left_only
            .lines()
            .skip(1)
            .all(|l| l.split('\t').nth(3) == Some("0")),
        "{left_only}"
    );
}

#[test]
fn workspace_applies_corrections_exclusions_and_filters() {
    let ws =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workspaces/v1.wirescope.ron");
    let ws = ws.to_str().unwrap();
    let rows = json_lines(&run(&["inspect", "--json", "--workspace", ws], 0));
    let corrected = rows
        .iter()
        .find(|r| r["path"].as_str().unwrap().ends_with("2017-03-13_1005.txt"))
        .expect("the corrected article is listed");
    assert_eq!(corrected["title"], "Russia and Iran to sign rail deal");
    assert_eq!(corrected["agency"], "TASS");
    assert_eq!(corrected["outlet"], "tass.com");
    // The workspace's filter keeps only that article for the word list.
    let freq = run(&["freq", "--workspace", ws, "--top", "1000"], 0);
    assert!(!freq.contains("\nputin\t"), "the seed is filtered out");
    assert!(freq.contains("\niran\t"));
    let broken = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(broken.path(), "Workspace(version: 1, sources: [").unwrap();
    let out = wirescope(&["stats", "--workspace", broken.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(broken.path().to_str().unwrap()), "{err}");
}

#[test]
fn exit_statuses() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    // Nothing could be loaded: the message names the folder, and `stats`
    // still reports (no document, and why).
    assert!(stderr(&["inspect", d]).contains(&format!("no document could be loaded from {d}")));
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let out = wirescope(&["inspect", d]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty.txt"));
    let stats: Value = serde_json::from_str(&run(&["stats", "--json", d], 1)).unwrap();
    assert_eq!(stats["documents"], 0);
    assert!(
        stats["skipped"].to_string().contains("empty.txt"),
        "{stats}"
    );
    // Usage errors: an unknown option, a bad query (shown with a caret), a
    // bad sort key, an unknown measure, a window too wide.
    run(&["freq", "--no-such-option"], 2);
    let err = stderr(&["kwic", "-q", "/(/"]);
    assert!(err.contains("bad query") && err.contains("^"), "{err}");
    run(&["kwic", "-q", "/(/"], 2);
    run(&["kwic", "-q", "agency:AFP"], 2);
    run(&["kwic", "-q", "putin", "--sort", "L9"], 2);
    run(&["collocates", "-q", "putin", "--by", "chi2"], 2);
    run(&["collocates", "-q", "putin", "--window", "500"], 2);
}

#[test]
fn ngrams_count_runs_of_words() {
    let dev = dev_articles();
    let d = dev.to_str().unwrap();
    // `--stopwords` without `=` leaves the next argument a path to load.
    let out = run(&["ngrams", "-n", "2", "--stopwords", d, "--top", "5"], 0);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("ngram\tcount\tper_million\tdocuments"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 5);
    assert!(rows.iter().any(|r| r[0] == "prime minister"), "{rows:?}");
    let counts: Vec<u32> = rows.iter().map(|r| r[1].parse().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    // The seed's most frequent trigrams, in JSON.
    let json = json_lines(&run(&["ngrams", "--format", "json", "--top", "1"], 0));
    assert_eq!(json.len(), 1);
    assert!(json[0]["count"].as_u64().unwrap() >= 2);
    assert_eq!(json[0]["ngram"].as_str().unwrap().split(' ').count(), 3);
    // Each n-gram is a phrase query that finds it as often.
    let gram = json[0]["ngram"].as_str().unwrap();
    let kwic = run(&["kwic", "-q", gram], 0);
    assert_eq!(
        kwic.lines().count() as u64 - 1,
        json[0]["count"].as_u64().unwrap()
    );
    run(&["ngrams", "-n", "7"], 2);
    run(&["freq", "--stopwords=xx"], 2);
}

#[test]
fn keywords_compare_two_parts_of_the_collection() {
    let dev = dev_articles();
    let d = dev.to_str().unwrap();
    let out = run(
        &["keywords", d, "--target", "agency:AFP", "--min-freq", "2"],
        0,
    );
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("word\ttarget\treference\ttarget_per_million\treference_per_million\tll\tlog_ratio")
    );
    let rows: Vec<Vec<String>> = lines
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect();
    assert!(rows.len() > 10);
    for r in &rows {
        let (t, r_pm): (f64, f64) = (r[3].parse().unwrap(), r[4].parse().unwrap());
        assert!(
            t > r_pm,
            "a positive keyword is more frequent in the target: {r:?}"
        );
        assert!(r[5].parse::<f64>().unwrap() > 0.0);
    }
    let lls: Vec<f64> = rows.iter().map(|r| r[5].parse().unwrap()).collect();
    assert!(lls.windows(2).all(|w| w[0] >= w[1]));
    // Against an explicit reference, the other way round, in JSON.
    let err = stderr(&["keywords", d, "-t", "agency:AFP", "-r", "agency:AP"]);
    assert!(err.contains("target documents against"), "{err}");
    let negative = json_lines(&run(
        &[
            "keywords",
            d,
            "-t",
            "agency:AFP",
            "-r",
            "agency:AP",
            "--negative",
            "--format",
            "json",
            "--min-freq",
            "2",
        ],
        0,
    ));
    assert!(!negative.is_empty());
    assert!(negative.iter().all(|k| k["ll"].as_f64().unwrap() < 0.0));
    // A side with no document is said, not an error of the run.
    let err = stderr(&["keywords", d, "-t", "agency:NOBODY"]);
    assert!(err.contains("the target has no document"), "{err}");
    run(&["keywords", d, "-t", "date:2020-13"], 2);
}

#[test]
fn reprints_list_the_same_story_from_several_outlets() {
    let dir = tempfile::tempdir().unwrap();
    let body = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED)).unwrap();
    let story: String = body.lines().skip(6).collect::<Vec<_>>().join("\n");
    std::fs::write(
        dir.path().join("a.txt"),
        format!("First outlet's headline\n\n{story}\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        format!("Second outlet's headline\n\nShare\n\n{story}\n\nRead more\n"),
    )
    .unwrap();
    std::fs::copy(
        dev_articles().join("2017-03-13_1005.txt"),
        dir.path().join("c.txt"),
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let out = run(&["reprints", d], 0);
    let rows: Vec<Vec<&str>> = out
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(rows.len(), 2, "{out}");
    let files: Vec<&str> = rows
        .iter()
        .map(|r| Path::new(r[2]).file_name().unwrap().to_str().unwrap())
        .collect();
    assert_eq!(files, ["a.txt", "b.txt"]);
    assert!(rows.iter().all(|r| r[0] == "1" && r[1] == "2"));
    let similarity: f64 = rows[1][7].parse().unwrap();
    assert!(similarity > 0.8, "{rows:?}");
    let json = json_lines(&run(&["reprints", d, "--format", "json"], 0));
    assert_eq!(json[1]["copies"], 2);
    // Documents shorter than the minimum are not compared.
    assert_eq!(
        run(&["reprints", d, "--min-words", "100000"], 0)
            .lines()
            .count(),
        1
    );
    run(&["reprints", d, "--similarity", "3"], 2);
}
