//! Workspace files: round trips, atomic saves, hostile files, moved and
//! changed sources, and the version fixtures that must keep loading.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use wirescope_core::loader::Input;
use wirescope_core::session::{AnalysisTab, Scope, SortColumn};
use wirescope_core::workspace::recovery::{
    find_recovery, recovery_path_for, remove_recovery, write_recovery,
};
use wirescope_core::workspace::{
    FORMAT_VERSION, MAX_FILE_BYTES, SourceIssueKind, with_workspace_extension,
};
use wirescope_core::{
    Corpus, Correction, DocKey, Overlay, Workspace, WorkspaceError, load_all, seed,
};

fn repo() -> PathBuf {
    wirescope_core::workspace::paths::normalize(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."),
    )
}

const DEV_A: &str = "2017-03-13_1005.txt";
const DEV_B: &str = "100_e6fbf5877031.txt";
const SEED: &str = "seeds/000_da033187e5627a53.txt";

/// A folder holding `articles/{a,b}` copied from the development set.
fn collection(dir: &Path) -> PathBuf {
    let articles = dir.join("articles");
    std::fs::create_dir_all(articles.join("x")).unwrap();
    std::fs::create_dir_all(articles.join("y")).unwrap();
    let dev = repo().join("tests/fixtures/dev/articles");
    std::fs::copy(dev.join(DEV_A), articles.join("x").join(DEV_A)).unwrap();
    std::fs::copy(dev.join(DEV_B), articles.join("y").join(DEV_B)).unwrap();
    articles
}

/// A workspace of `corpus` with no corrections, default settings and no note.
fn capture_plain(corpus: &Corpus, ws_path: &Path) -> Workspace {
    Workspace::capture(
        corpus,
        &Overlay::default(),
        &Default::default(),
        "",
        ws_path,
    )
}

fn load(inputs: &[Input]) -> Corpus {
    let (corpus, report) = load_all(inputs, &Default::default());
    assert!(!report.cancelled);
    corpus
}

fn key(path: &Path) -> DocKey {
    DocKey {
        path: path.to_string_lossy().into(),
        record: None,
    }
}

/// An overlay and session with every field away from its default.
fn busy_state(doc: &DocKey, other: &DocKey) -> (Overlay, wirescope_core::session::Session) {
    let mut overlay = Overlay::default();
    overlay.set_correction(
        doc.clone(),
        Correction {
            title: Some("Corrected \"title\"\nwith a newline".into()),
            published: NaiveDate::from_ymd_opt(2017, 3, 14),
            agency: Some("TASS".into()),
            outlet: Some("tass.com".into()),
            dateline: Some("MOSCOW".into()),
        },
    );
    overlay.set_excluded(other.clone(), true);
    overlay
        .tags
        .insert(doc.clone(), vec!["energy".into(), "iran".into()]);
    overlay
        .notes
        .insert(other.clone(), "check the byline".into());
    let mut session = wirescope_core::session::Session::default();
    session.filter.text = "railway".into();
    session.filter.date_from = NaiveDate::from_ymd_opt(2017, 1, 1);
    session.filter.date_to = NaiveDate::from_ymd_opt(2017, 12, 31);
    session.filter.keep_undated = true;
    session.filter.agency = Some("TASS".into());
    session.search.query = "\"railway line\" OR electrif*".into();
    session.search.case_sensitive = true;
    session.search.only_docs_with_hits = true;
    session.table.sort = SortColumn::Published;
    session.table.descending = true;
    session.reader.doc = Some(doc.clone());
    session.reader.char_offset = 120;
    session.reader.current_hit = 2;
    session.freq.scope = Scope::Corpus;
    session.freq.show_stopwords = true;
    session.freq.extra_stopwords = vec!["said".into()];
    session.freq.top_n = 35;
    session.trend.terms = vec!["iran".into()];
    session.trend.per_million = true;
    session.kwic.context_words = 8;
    session.kwic.sort_keys = vec!["R1".into(), "KW".into()];
    session.kwic.near = Some(wirescope_core::session::NearWord {
        word: "railway".into(),
        left: 3,
        right: 0,
    });
    session.collocates.options.left = 2;
    session.collocates.options.min_freq = 1;
    session.collocates.options.measure = wirescope_core::query::Measure::LogDice;
    session.collocates.hide_stopwords = false;
    session.ngrams.options.n = 4;
    session.ngrams.hide_stopword_edges = false;
    session.keywords.options.negative = true;
    session.keywords.reference = wirescope_core::session::Reference::Corpus;
    session.panels.reader = false;
    session.panels.tab = AnalysisTab::Trend;
    (overlay, session)
}

#[test]
fn round_trip_restores_everything() {
    let dir = tempfile::tempdir().unwrap();
    let articles = collection(dir.path());
    let ws_path = dir.path().join("study.wirescope.ron");
    let mut inputs = seed::inputs();
    inputs.push(Input::Path(articles.clone()));
    let corpus = load(&inputs);
    assert_eq!(corpus.len(), 3);
    let a = key(&articles.join("x").join(DEV_A));
    let b = key(&articles.join("y").join(DEV_B));
    assert!(corpus.find(&a).is_some() && corpus.find(&b).is_some());
    let (overlay, session) = busy_state(&a, &DocKey::from(SEED));
    let ws = Workspace::capture(&corpus, &overlay, &session, "my note", &ws_path);
    assert_eq!(ws.name, "study");
    assert_eq!(ws.version, FORMAT_VERSION);
    let paths: Vec<&str> = ws.sources.iter().map(|s| s.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            &format!("articles/x/{DEV_A}"),
            &format!("articles/y/{DEV_B}"),
            SEED
        ]
    );
    assert!(ws.sources[2].embedded && !ws.sources[0].embedded);
    ws.save(&ws_path).unwrap();
    let text = std::fs::read_to_string(&ws_path).unwrap();
    assert!(!text.contains("Novak said"), "no article text in the file");
    assert_eq!(text, ws.to_ron_string().unwrap(), "saving is deterministic");

    let opened = Workspace::open(&ws_path).unwrap();
    assert_eq!(opened, ws);
    let restored = opened.restore(&ws_path);
    assert_eq!(restored.overlay, overlay);
    assert_eq!(restored.session, session);
    let again = load(&restored.inputs);
    assert_eq!(again.sorted_by_key().len(), 3);
    for doc in corpus.docs() {
        assert!(again.find(&doc.key).is_some(), "{} restored", doc.key);
    }
    assert!(opened.check_sources(&again, &ws_path).is_empty());
    // Capturing the restored state gives the same file.
    let recaptured = Workspace::capture(
        &again,
        &restored.overlay,
        &restored.session,
        "my note",
        &ws_path,
    );
    assert_eq!(recaptured.to_ron_string().unwrap(), text);
}

#[test]
fn sources_outside_the_folder_are_absolute() {
    let data = tempfile::tempdir().unwrap();
    let articles = collection(data.path());
    let elsewhere = tempfile::tempdir().unwrap();
    let ws_path = elsewhere.path().join("w.wirescope.ron");
    let corpus = load(&[Input::Path(articles.clone())]);
    let ws = capture_plain(&corpus, &ws_path);
    for source in &ws.sources {
        assert!(Path::new(&source.path).is_absolute(), "{}", source.path);
        assert!(source.path.starts_with(&*articles.to_string_lossy()));
    }
    // Relative paths given to the loader are stored relative to the
    // workspace when they lie below it, whatever the current folder.
    let inside = data.path().join("w.wirescope.ron");
    let ws = capture_plain(&corpus, &inside);
    assert!(ws.sources.iter().all(|s| s.path.starts_with("articles/")));
}

#[test]
fn records_of_one_file_share_one_source() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("export.csv");
    std::fs::write(
        &csv,
        "title,date,text\nFirst,2020-01-02,\"Body one, long enough.\"\nSecond,2020-01-03,\"Body two, long enough.\"\n",
    )
    .unwrap();
    let corpus = load(&[Input::Path(csv.clone())]);
    assert_eq!(corpus.len(), 2);
    let ws_path = dir.path().join("w.wirescope.ron");
    let mut overlay = Overlay::default();
    overlay.set_excluded(
        DocKey {
            path: csv.to_string_lossy().into(),
            record: Some(2),
        },
        true,
    );
    let ws = Workspace::capture(&corpus, &overlay, &Default::default(), "", &ws_path);
    assert_eq!(ws.sources.len(), 1);
    assert_eq!(ws.sources[0].path, "export.csv");
    let excluded: Vec<_> = ws.overlay.excluded.iter().collect();
    assert_eq!(&*excluded[0].path, "export.csv");
    assert_eq!(excluded[0].record, Some(2));
    ws.save(&ws_path).unwrap();
    let restored = Workspace::open(&ws_path).unwrap().restore(&ws_path);
    assert_eq!(restored.overlay, overlay);
}

#[test]
fn save_keeps_backup_and_failed_save_leaves_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.wirescope.ron");
    let mut ws = Workspace {
        note: "first".into(),
        ..Workspace::default()
    };
    ws.save(&path).unwrap();
    ws.note = "second".into();
    ws.save(&path).unwrap();
    assert_eq!(Workspace::open(&path).unwrap().note, "second");
    let bak = wirescope_core::atomic::backup_path(&path);
    assert_eq!(Workspace::open(&bak).unwrap().note, "first");

    // The parent "folder" is a file: nothing can be written there.
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, b"x").unwrap();
    let err = ws.save(&blocker.join("w.wirescope.ron")).unwrap_err();
    assert!(matches!(err, WorkspaceError::Write { .. }), "{err}");
    assert!(err.to_string().contains("not-a-folder"), "{err}");
    // A folder sits at the target path: the rename must fail, and the
    // folder and the old workspace survive.
    let folder_target = dir.path().join("taken.wirescope.ron");
    std::fs::create_dir(&folder_target).unwrap();
    std::fs::write(folder_target.join("inside"), b"keep").unwrap();
    assert!(ws.save(&folder_target).is_err());
    assert_eq!(
        std::fs::read(folder_target.join("inside")).unwrap(),
        b"keep"
    );
    assert_eq!(Workspace::open(&path).unwrap().note, "second");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file left behind");
}

#[test]
fn extension_helper() {
    assert_eq!(
        with_workspace_extension(Path::new("/tmp/study")),
        Path::new("/tmp/study.wirescope.ron")
    );
    assert_eq!(
        with_workspace_extension(Path::new("/tmp/study.wirescope.ron")),
        Path::new("/tmp/study.wirescope.ron")
    );
}

/// Lists every file below `dir` with its bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walkdir(dir)
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap_or_default();
            (p, bytes)
        })
        .collect();
    files.sort();
    files
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            out.push(path.clone());
            out.extend(walkdir(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Opens `bytes` written as a workspace file; checks that the error names
/// the file and that nothing in the folder changed.
fn open_bad(name: &str, bytes: &[u8]) -> WorkspaceError {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let before = snapshot(dir.path());
    let err = Workspace::open(&path).unwrap_err();
    assert!(
        err.to_string().contains(name),
        "message names the file: {err}"
    );
    assert_eq!(err.path(), path);
    assert_eq!(snapshot(dir.path()), before, "nothing written or deleted");
    err
}

fn valid_text() -> String {
    let corpus = load(&seed::inputs());
    let (overlay, session) = busy_state(&DocKey::from(SEED), &DocKey::from(SEED));
    Workspace::capture(
        &corpus,
        &overlay,
        &session,
        "n",
        Path::new("/tmp/w.wirescope.ron"),
    )
    .to_ron_string()
    .unwrap()
}

#[test]
fn missing_and_folder_paths_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("gone.wirescope.ron");
    let err = Workspace::open(&missing).unwrap_err();
    assert!(matches!(err, WorkspaceError::NotFound { .. }), "{err}");
    assert!(err.to_string().contains("gone.wirescope.ron"));
    let err = Workspace::open(dir.path()).unwrap_err();
    assert!(matches!(err, WorkspaceError::NotAFile { .. }), "{err}");
    assert!(!missing.exists());
}

#[test]
fn huge_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.wirescope.ron");
    // Sparse: the size check must come from metadata, not from reading.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap();
    let err = Workspace::open(&path).unwrap_err();
    assert!(matches!(err, WorkspaceError::TooLarge { .. }), "{err}");
    assert!(
        err.to_string().contains("huge.wirescope.ron") && err.to_string().contains("too large")
    );
    assert_eq!(std::fs::metadata(&path).unwrap().len(), MAX_FILE_BYTES + 1);
}

#[test]
fn empty_binary_and_non_ron_files_are_refused() {
    let err = open_bad("empty.wirescope.ron", b"");
    assert!(matches!(err, WorkspaceError::Empty { .. }), "{err}");
    let err = open_bad("latin1.wirescope.ron", b"Workspace(note: \"caf\xe9\")");
    assert!(
        matches!(err, WorkspaceError::NotUtf8 { offset: 20, .. }),
        "{err}"
    );
    let err = open_bad(
        "png.wirescope.ron",
        include_bytes!("../../../assets/icon.png"),
    );
    assert!(matches!(err, WorkspaceError::NotUtf8 { .. }), "{err}");
    let err = open_bad("json.wirescope.ron", br#"{"version": 1, "sources": []}"#);
    assert!(matches!(err, WorkspaceError::Syntax { .. }), "{err}");
    let err = open_bad("text.wirescope.ron", b"Just some notes\nabout a corpus\n");
    assert!(
        matches!(err, WorkspaceError::Syntax { line: 1, .. }),
        "{err}"
    );
    // Well-formed RON with a wrong type shows the line and column.
    let text = valid_text().replace("top_n: 35", "top_n: \"many\"");
    let err = open_bad("typed.wirescope.ron", text.as_bytes());
    let WorkspaceError::Syntax { line, .. } = err else {
        panic!("{err}")
    };
    let want = text.lines().position(|l| l.contains("top_n")).unwrap() + 1;
    assert_eq!(line, want);
}

#[test]
fn truncated_files_are_refused_at_every_cut() {
    let text = valid_text();
    // Cut at many points, as a kill during a non-atomic copy would.
    let step = (text.len() / 40).max(1);
    for cut in (1..text.len() - 2).step_by(step) {
        let Some(head) = text.get(..cut) else {
            continue;
        };
        if head.trim().is_empty() {
            continue;
        }
        let err = open_bad("cut.wirescope.ron", head.as_bytes());
        assert!(
            matches!(
                err,
                WorkspaceError::Truncated { .. } | WorkspaceError::Syntax { .. }
            ),
            "cut at {cut}: {err}"
        );
    }
    let err = open_bad("cut.wirescope.ron", &text.as_bytes()[..text.len() / 2]);
    assert!(err.to_string().contains("truncated"), "{err}");
}

#[test]
fn deep_nesting_is_refused_without_overflow() {
    let deep = "[".repeat(1_000_000);
    let err = open_bad(
        "deep.wirescope.ron",
        format!("Workspace(version: 1, extra: {deep}").as_bytes(),
    );
    assert!(matches!(err, WorkspaceError::TooDeep { .. }), "{err}");
    assert!(err.to_string().contains("nested"), "{err}");
    let err = open_bad(
        "deep2.wirescope.ron",
        format!(
            "Workspace(version: 1, session: (search: {}",
            "(".repeat(1_000_000)
        )
        .as_bytes(),
    );
    assert!(
        matches!(
            err,
            WorkspaceError::TooDeep { .. } | WorkspaceError::Syntax { .. }
        ),
        "{err}"
    );
    let err = open_bad("deep3.wirescope.ron", deep.as_bytes());
    assert!(
        matches!(
            err,
            WorkspaceError::TooDeep { .. } | WorkspaceError::Syntax { .. }
        ),
        "{err}"
    );
}

#[test]
fn newer_and_unversioned_files_are_refused() {
    let text = valid_text().replace("version: 1,", "version: 7,");
    let err = open_bad("new.wirescope.ron", text.as_bytes());
    assert!(
        matches!(err, WorkspaceError::NewerVersion { version: 7, .. }),
        "{err}"
    );
    assert!(
        err.to_string()
            .contains("made by a newer wirescope (format 7, this one reads up to 1)"),
        "{err}"
    );
    // A newer format that also changed shape still says "newer".
    let err = open_bad(
        "newshape.wirescope.ron",
        b"Workspace(version: 2, sources: {\"a\": Source(kind: Feed)})",
    );
    assert!(
        matches!(err, WorkspaceError::NewerVersion { version: 2, .. }),
        "{err}"
    );
    let text = valid_text().replace("version: 1,", "");
    let err = open_bad("old.wirescope.ron", text.as_bytes());
    assert!(
        matches!(err, WorkspaceError::MissingVersion { .. }),
        "{err}"
    );
}

#[test]
fn unknown_fields_and_missing_fields_load() {
    // Fields added later are ignored by this build; absent ones default.
    let ws = Workspace::from_ron_str(
        "(version: 1, future_panel: (width: 3), note: \"n\")",
        Path::new("x.wirescope.ron"),
    )
    .unwrap();
    assert_eq!(ws.note, "n");
    assert!(ws.sources.is_empty());
    assert_eq!(ws.session, Default::default());
}

#[test]
fn moved_collection_is_rerooted() {
    let dir = tempfile::tempdir().unwrap();
    let articles = collection(dir.path());
    let ws_dir = tempfile::tempdir().unwrap();
    let ws_path = ws_dir.path().join("w.wirescope.ron");
    let mut inputs = vec![Input::Path(articles.clone())];
    inputs.extend(seed::inputs());
    let corpus = load(&inputs);
    let a = key(&articles.join("x").join(DEV_A));
    let (overlay, session) = busy_state(&a, &DocKey::from(SEED));
    let ws = Workspace::capture(&corpus, &overlay, &session, "", &ws_path);
    ws.save(&ws_path).unwrap();

    let moved = dir.path().join("moved").join("collection");
    std::fs::create_dir_all(moved.parent().unwrap()).unwrap();
    std::fs::rename(&articles, &moved).unwrap();
    let mut ws = Workspace::open(&ws_path).unwrap();
    let restored = ws.restore(&ws_path);
    let partial = load(&restored.inputs);
    assert_eq!(partial.len(), 1, "only the sample is still there");
    let issues = ws.check_sources(&partial, &ws_path);
    assert_eq!(issues.len(), 2);
    assert!(issues.iter().all(|i| i.kind == SourceIssueKind::Missing));

    let old = ws.reroot(&ws_path, &moved).unwrap();
    assert_eq!(old, articles);
    let restored = ws.restore(&ws_path);
    let again = load(&restored.inputs);
    assert_eq!(again.len(), 3);
    assert!(ws.check_sources(&again, &ws_path).is_empty());
    let new_a = key(&moved.join("x").join(DEV_A));
    assert!(again.find(&new_a).is_some());
    assert_eq!(restored.session.reader.doc, Some(new_a.clone()));
    assert!(restored.overlay.correction(&new_a).is_some());
    assert!(
        restored.overlay.is_excluded(&DocKey::from(SEED)),
        "sample keys untouched"
    );
}

#[test]
fn reroot_keeps_structure_below_common_folder() {
    let mut ws = Workspace {
        sources: ["/a/b/x/1.txt", "/a/b/y/2.txt"]
            .iter()
            .map(|p| wirescope_core::workspace::SourceEntry {
                path: (*p).to_owned(),
                ..Default::default()
            })
            .collect(),
        ..Workspace::default()
    };
    ws.overlay.set_excluded(DocKey::from("/a/b/y/2.txt"), true);
    ws.reroot(Path::new("/elsewhere/w.wirescope.ron"), Path::new("/c"))
        .unwrap();
    let paths: Vec<&str> = ws.sources.iter().map(|s| s.path.as_str()).collect();
    assert_eq!(paths, ["/c/x/1.txt", "/c/y/2.txt"]);
    assert!(ws.overlay.is_excluded(&DocKey::from("/c/y/2.txt")));
    // Re-rooting below the workspace folder makes the paths relative.
    ws.reroot(Path::new("/c/w.wirescope.ron"), Path::new("/c/new"))
        .unwrap();
    let paths: Vec<&str> = ws.sources.iter().map(|s| s.path.as_str()).collect();
    assert_eq!(paths, ["new/x/1.txt", "new/y/2.txt"]);
}

#[test]
fn changed_source_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let articles = collection(dir.path());
    let ws_path = dir.path().join("w.wirescope.ron");
    let corpus = load(&[Input::Path(articles.clone())]);
    let ws = capture_plain(&corpus, &ws_path);
    let changed = articles.join("x").join(DEV_A);
    let mut text = std::fs::read_to_string(&changed).unwrap();
    text.push_str("\nA paragraph added later.\n");
    std::fs::write(&changed, text).unwrap();
    std::fs::remove_file(articles.join("y").join(DEV_B)).unwrap();
    let again = load(&ws.inputs(&ws_path));
    let issues = ws.check_sources(&again, &ws_path);
    assert_eq!(issues.len(), 2, "{issues:?}");
    assert_eq!(issues[0].path, changed.to_string_lossy());
    assert!(matches!(issues[0].kind, SourceIssueKind::Changed { .. }));
    assert!(issues[0].to_string().contains("changed"));
    assert_eq!(issues[1].kind, SourceIssueKind::Missing);
}

#[test]
fn recovery_copies() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let ws_path = dir.path().join("study.wirescope.ron");
    let beside = recovery_path_for(Some(&ws_path), &data);
    assert_eq!(beside, dir.path().join(".study.recovery.ron"));
    let unsaved = recovery_path_for(None, &data);
    assert_eq!(unsaved, data.join("unsaved.recovery.ron"));

    assert_eq!(find_recovery(None, &data), None);
    let ws = Workspace {
        note: "unsaved work".into(),
        ..Workspace::default()
    };
    write_recovery(&ws, &unsaved).unwrap();
    assert_eq!(find_recovery(None, &data), Some(unsaved.clone()));
    assert_eq!(Workspace::open(&unsaved).unwrap().note, "unsaved work");
    remove_recovery(&unsaved).unwrap();
    remove_recovery(&unsaved).unwrap();
    assert_eq!(find_recovery(None, &data), None);

    // A recovery copy older than the saved workspace is not offered.
    write_recovery(&ws, &beside).unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    std::fs::File::options()
        .write(true)
        .open(&beside)
        .unwrap()
        .set_modified(old)
        .unwrap();
    ws.save(&ws_path).unwrap();
    assert_eq!(find_recovery(Some(&ws_path), &data), None);
    write_recovery(&ws, &beside).unwrap();
    assert_eq!(find_recovery(Some(&ws_path), &data), Some(beside));
}

/// The version-1 fixture: every field set. Keep this file and this test
/// forever; add a new fixture for each new format version.
#[test]
fn fixture_v1_still_loads() {
    let path = repo().join("tests/fixtures/workspaces/v1.wirescope.ron");
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.version, 1);
    assert_eq!(ws.name, "v1");
    assert!(ws.note.starts_with("Russia–Iran energy deals"));
    assert_eq!(ws.sources.len(), 3);
    assert_eq!(ws.sources[0].path, format!("../dev/articles/{DEV_B}"));
    assert!(ws.sources[2].embedded);
    let restored = ws.restore(&path);
    let corpus = load(&restored.inputs);
    assert_eq!(corpus.len(), 3);
    assert!(
        ws.check_sources(&corpus, &path).is_empty(),
        "fixture hashes match the files"
    );

    let dev_a = key(&repo().join("tests/fixtures/dev/articles").join(DEV_A));
    let dev_b = key(&repo().join("tests/fixtures/dev/articles").join(DEV_B));
    assert!(corpus.find(&dev_a).is_some());
    let overlay = &restored.overlay;
    let fix = overlay.correction(&dev_a).unwrap();
    assert_eq!(
        fix.title.as_deref(),
        Some("Russia and Iran to sign rail deal")
    );
    assert_eq!(fix.published, NaiveDate::from_ymd_opt(2017, 3, 13));
    assert_eq!(fix.agency.as_deref(), Some("TASS"));
    assert!(overlay.is_excluded(&dev_b));
    assert_eq!(overlay.tags[&dev_a], ["energy", "iran"]);
    assert_eq!(overlay.notes[&DocKey::from(SEED)], "the bundled sample");
    let ix = corpus.find(&dev_a).unwrap();
    assert_eq!(
        corpus.fields(ix, overlay).title,
        "Russia and Iran to sign rail deal"
    );

    let s = &restored.session;
    assert_eq!(s.filter.text, "iran");
    assert_eq!(s.filter.date_from, NaiveDate::from_ymd_opt(2017, 1, 1));
    assert_eq!(s.filter.agency.as_deref(), Some("TASS"));
    assert_eq!(s.search.query, "railway OR pact");
    assert!(s.search.only_docs_with_hits);
    assert_eq!(s.table.sort, SortColumn::Published);
    assert_eq!(s.reader.doc, Some(dev_a));
    assert_eq!(s.reader.char_offset, 240);
    assert_eq!(s.freq.top_n, 30);
    assert_eq!(s.freq.extra_stopwords, ["said"]);
    assert!(s.trend.per_million);
    assert_eq!(s.trend.terms, ["iran", "russia"]);
    assert_eq!(s.filter.title_words, ["rail*"]);
    assert_eq!(s.trend.bucket, wirescope_core::freq::Bucket::Year);
    assert_eq!(s.trend.split, wirescope_core::freq::Split::Agency);
    assert_eq!(s.freq.min_len, 3);
    assert_eq!(s.kwic.context_words, 7);
    assert_eq!(s.kwic.selected_line, Some(3));
    assert!(!s.panels.reader);
    assert_eq!(s.panels.tab, AnalysisTab::Trend);
    let selected = wirescope_core::select(&corpus, overlay, &s.filter);
    assert_eq!(selected, [ix]);
}

#[test]
fn sidecars_are_saved_and_restored() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("corpus");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("a.txt"),
        "Talks resume in Geneva\n\nDelegations met again on Monday to discuss the pact.\n",
    )
    .unwrap();
    std::fs::write(
        folder.join("meta.csv"),
        "file,agency,outlet\na.txt,AFP,example.com\n",
    )
    .unwrap();
    let corpus = load(&[Input::Path(folder.clone())]);
    assert_eq!(corpus.len(), 1);
    let none = Overlay::default();
    let fields = corpus.fields(0, &none);
    assert_eq!(
        fields.agency,
        Some("AFP"),
        "the sidecar supplies the agency"
    );
    let ws_path = dir.path().join("w.wirescope.ron");
    let ws = capture_plain(&corpus, &ws_path);
    assert_eq!(ws.sidecars, ["corpus/meta.csv"]);
    assert_eq!(ws.sources.len(), 1);
    let again = load(&ws.restore(&ws_path).inputs);
    assert_eq!(again.len(), 1);
    assert_eq!(again.fields(0, &Overlay::default()).agency, Some("AFP"));
}
