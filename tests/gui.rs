//! GUI tests: drive the real app in egui_kittest (no GPU, no display).
//!
//! Loading runs on a background thread that keeps asking for repaints, so
//! these tests step frames until a condition holds instead of `run()`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use wirescope::app::{Command, Dialogs, OpenMode, StartOptions, WirescopeApp};
use wirescope::core::loader::Input;
use wirescope::core::session::SortColumn;

const SEED_TITLE: &str = "Putin proposes election non-interference pact with US";

fn dev_articles() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dev/articles")
}

fn harness_with(start: StartOptions) -> Harness<'static, WirescopeApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| WirescopeApp::new(cc, start));
    settle(&mut harness);
    harness
}

fn sample_harness() -> Harness<'static, WirescopeApp> {
    harness_with(StartOptions {
        dialogs: Dialogs::scripted(Vec::new()),
        ..StartOptions::sample()
    })
}

/// Steps frames until no load runs (bounded).
fn settle(harness: &mut Harness<'static, WirescopeApp>) {
    for _ in 0..2000 {
        harness.step();
        if !harness.state().is_loading() {
            harness.step();
            harness.step();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("loading did not finish");
}

#[derive(Debug)]
struct TestDrop(PathBuf);

impl egui::DroppedFile for TestDrop {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_paths(harness: &mut Harness<'static, WirescopeApp>, paths: &[PathBuf]) {
    for p in paths {
        harness
            .input_mut()
            .dropped_files
            .push(Arc::new(TestDrop(p.clone())));
    }
    harness.step();
}

#[test]
fn starts_on_the_sample_with_its_headline_in_the_table() {
    let harness = sample_harness();
    let app = harness.state();
    assert_eq!(app.corpus.len(), 1);
    assert!(
        harness.query_all_by_label(SEED_TITLE).count() >= 1,
        "headline not shown"
    );
    assert!(
        harness
            .query_all_by_label_contains("1 documents · ")
            .next()
            .is_some()
    );
}

#[test]
fn selecting_a_row_shows_the_body_in_the_reader() {
    let mut harness = harness_with(StartOptions {
        inputs: vec![Input::Path(dev_articles())],
        corpus_name: "dev".into(),
        dialogs: Dialogs::scripted(Vec::new()),
    });
    let app = harness.state();
    let target = app.table_rows()[3];
    let title = app.corpus.fields(target, &app.overlay).title.to_owned();
    let body_start: String = app.corpus.doc(target).body().chars().take(40).collect();
    harness
        .get_all_by_label(&title)
        .next()
        .expect("row label")
        .click();
    harness.step();
    harness.step();
    assert_eq!(harness.state().selected_doc(), Some(target));
    assert!(
        harness.query_by_label_contains(&body_start).is_some(),
        "reader does not show the body"
    );
}

#[test]
fn typing_a_term_updates_highlights_and_charts() {
    let mut harness = sample_harness();
    // The search box is the first text field (Ctrl+F focuses it).
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.step();
    harness.step();
    harness
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .next()
        .expect("search box")
        .type_text("Putin");
    harness.step();
    harness.key_press(egui::Key::Enter);
    harness.step();
    harness.step();
    let app = harness.state();
    assert_eq!(app.session.search.query, "Putin");
    let hits = app.search().total_hits();
    assert_eq!(
        hits, 5,
        "Putin occurs 5 times in the seed, headline included"
    );
    assert!(
        harness.query_by_label(&format!("1 of {hits}")).is_some(),
        "reader shows no hit counter"
    );
    harness.state_mut().session.panels.tab = wirescope::core::session::AnalysisTab::Trend;
    harness.step();
    harness.step();
    let trend = &harness.state().ui.trend.trend;
    assert_eq!(trend.series.len(), 1);
    let total: f64 = trend.series[0].points.iter().map(|p| p.1).sum();
    assert_eq!(total, 5.0);
}

#[test]
fn dropping_files_adds_documents() {
    let mut harness = sample_harness();
    let files: Vec<PathBuf> = std::fs::read_dir(dev_articles())
        .unwrap()
        .map(|e| e.unwrap().path())
        .take(5)
        .collect();
    drop_paths(&mut harness, &files);
    settle(&mut harness);
    assert_eq!(harness.state().corpus.len(), 6);
}

#[test]
fn clicking_the_published_header_sorts_by_date() {
    let mut harness = harness_with(StartOptions {
        inputs: vec![Input::Path(dev_articles())],
        corpus_name: "dev".into(),
        dialogs: Dialogs::scripted(Vec::new()),
    });
    // The table header comes first; the reader has a "Published" label too.
    harness
        .get_all_by_label("Published")
        .next()
        .unwrap()
        .click();
    harness.step();
    harness.step();
    let app = harness.state();
    assert_eq!(app.session.table.sort, SortColumn::Published);
    let dates: Vec<_> = app
        .table_rows()
        .iter()
        .map(|&d| app.corpus.fields(d, &app.overlay).published)
        .collect();
    assert!(
        dates.windows(2).all(|w| w[0] <= w[1]),
        "not ascending: {dates:?}"
    );
    harness.get_by_label("Published ▲").click();
    harness.step();
    harness.step();
    let app = harness.state();
    let dates: Vec<_> = app
        .table_rows()
        .iter()
        .map(|&d| app.corpus.fields(d, &app.overlay).published)
        .collect();
    assert!(
        dates.windows(2).all(|w| w[0] >= w[1]),
        "not descending: {dates:?}"
    );
}

#[test]
fn cancel_stops_a_load_and_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let seed =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_da033187e5627a53.txt"))
            .unwrap();
    for i in 0..6000 {
        let mut text = seed.clone();
        text.extend_from_slice(format!("\n\nCopy {i}.").as_bytes());
        std::fs::write(dir.path().join(format!("{i:05}.txt")), text).unwrap();
    }
    let mut harness = sample_harness();
    drop_paths(&mut harness, &[dir.path().to_path_buf()]);
    assert!(harness.state().is_loading());
    harness.step();
    harness.get_by_label("Cancel").click();
    harness.step();
    settle(&mut harness);
    let app = harness.state();
    assert_eq!(app.corpus.len(), 1, "documents were added after Cancel");
    assert!(
        app.ui
            .message
            .as_deref()
            .unwrap_or("")
            .contains("cancelled")
    );
}

#[test]
fn a_skipped_file_appears_in_the_load_report() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("photo.txt");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01").unwrap();
    let mut harness = sample_harness();
    drop_paths(&mut harness, std::slice::from_ref(&png));
    settle(&mut harness);
    assert_eq!(harness.state().corpus.len(), 1);
    harness.get_by_label("1 files skipped").click();
    harness.step();
    harness.step();
    harness.run();
    assert!(harness.state().ui.show_report);
    let shown: Vec<String> = harness
        .query_all_by_label_contains("photo")
        .map(|n| format!("{n:?}"))
        .collect();
    assert!(
        harness
            .query_all_by_label(&png.display().to_string())
            .next()
            .is_some(),
        "report does not name the file: {shown:?}"
    );
    assert!(
        harness.query_by_label_contains("PNG image").is_some(),
        "report does not give the reason"
    );
}

#[test]
fn file_dialog_answers_become_loads() {
    let files: Vec<PathBuf> = std::fs::read_dir(dev_articles())
        .unwrap()
        .map(|e| e.unwrap().path())
        .take(3)
        .collect();
    let mut harness = harness_with(StartOptions {
        dialogs: Dialogs::scripted(vec![files]),
        ..StartOptions::sample()
    });
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "File")
        .click();
    harness.run();
    harness.get_by_label_contains("Add files").click();
    harness.step();
    settle(&mut harness);
    assert_eq!(harness.state().corpus.len(), 4);
    let _ = OpenMode::Add;
}

#[test]
fn arrow_keys_move_the_selection() {
    let mut harness = harness_with(StartOptions {
        inputs: vec![Input::Path(dev_articles())],
        corpus_name: "dev".into(),
        dialogs: Dialogs::scripted(Vec::new()),
    });
    let first = harness.state().table_rows()[0];
    let second = harness.state().table_rows()[1];
    assert_eq!(harness.state().selected_doc(), Some(first));
    harness.key_press(egui::Key::ArrowDown);
    harness.step();
    harness.step();
    assert_eq!(harness.state().selected_doc(), Some(second));
}

#[test]
fn clicking_a_concordance_line_jumps_the_reader_to_that_hit() {
    let mut harness = sample_harness();
    harness.state_mut().push(Command::SetQuery("Putin".into()));
    harness.state_mut().session.panels.tab = wirescope::core::session::AnalysisTab::Concordance;
    harness.run();
    let labels: Vec<String> = harness
        .query_all_by_label_contains("hits")
        .map(|n| format!("{n:?}").chars().take(200).collect::<String>())
        .collect();
    assert!(
        harness
            .query_all_by_label_contains("5 hits in 1 documents")
            .next()
            .is_some(),
        "{labels:?}"
    );
    // Lines are in document order: the third "Putin" is the third hit.
    assert_eq!(
        harness.get_all_by_label("Putin").count(),
        5,
        "one keyword label per line"
    );
    harness.get_all_by_label("Putin").nth(2).unwrap().click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.session.reader.current_hit, 2);
    assert_eq!(app.session.kwic.selected_line, Some(2));
    assert!(
        harness.query_by_label("3 of 5").is_some(),
        "reader is not at the third hit"
    );
}

fn copy_dev_articles(to: &Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(to).unwrap();
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dev_articles()).unwrap().take(6) {
        let from = entry.unwrap().path();
        let dest = to.join(from.file_name().unwrap());
        std::fs::copy(&from, &dest).unwrap();
        out.push(dest);
    }
    out
}

fn open_harness(path: &Path) -> Harness<'static, WirescopeApp> {
    harness_with(StartOptions {
        inputs: vec![Input::Path(path.to_path_buf())],
        corpus_name: "ws".into(),
        dialogs: Dialogs::scripted(Vec::new()),
    })
}

#[test]
fn a_saved_workspace_restores_the_whole_session() {
    use wirescope::core::freq::{Bucket, Split};
    use wirescope::core::session::{AnalysisTab, Scope};
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    copy_dev_articles(&articles);
    let mut harness = harness_with(StartOptions {
        inputs: vec![Input::Path(articles.clone())],
        corpus_name: "dev".into(),
        dialogs: Dialogs::scripted(Vec::new()),
    });
    // Change every kind of saved setting through the UI and the commands
    // the panels push.
    harness
        .get_all_by_label("Published")
        .next()
        .unwrap()
        .click();
    harness.run();
    harness.state_mut().push(Command::SetQuery("said".into()));
    harness.run();
    let (second, key) = {
        let app = harness.state();
        let doc = app.table_rows()[1];
        (doc, app.corpus.doc(doc).key.clone())
    };
    harness.state_mut().push(Command::SelectDoc(second));
    harness.state_mut().push(Command::StepHit(1));
    harness.run();
    {
        let app = harness.state_mut();
        app.session.filter.text = "trump".into();
        app.session.filter.date_from = chrono::NaiveDate::from_ymd_opt(2017, 1, 1);
        app.session.search.only_docs_with_hits = true;
        app.session.freq.scope = Scope::Corpus;
        app.session.freq.top_n = 33;
        app.session.freq.extra_stopwords = vec!["trump".into()];
        app.session.trend = wirescope::core::session::TrendSettings {
            terms: vec!["russia".into()],
            bucket: Bucket::Week,
            per_million: true,
            split: Split::Agency,
        };
        app.session.panels.tab = AnalysisTab::Concordance;
        app.session.kwic.context_words = 7;
        app.session.kwic.sort_keys = vec!["R1".into(), "KW".into()];
        let correction = wirescope::core::Correction {
            title: Some("Corrected headline".into()),
            ..Default::default()
        };
        app.overlay.set_correction(key.clone(), correction);
        app.overlay
            .notes
            .insert(key.clone(), "check this one".into());
        app.workspace.note = "week 1 notes".into();
        app.overlay_changed();
    }
    harness.run();
    assert!(harness.state().has_unsaved_changes());
    let path = dir.path().join("session");
    assert!(harness.state_mut().save_workspace(&path));
    assert!(!harness.state().has_unsaved_changes());
    let path = dir.path().join("session.wirescope.ron");
    assert!(path.exists(), "the .wirescope.ron extension is added");
    let before = harness.state();
    let (session, overlay, rows) = (
        before.session.clone(),
        before.overlay.clone(),
        before.table_rows().len(),
    );

    let restored = open_harness(&path);
    let app = restored.state();
    assert_eq!(app.session, session);
    assert_eq!(app.overlay, overlay);
    assert_eq!(app.workspace.note, "week 1 notes");
    assert_eq!(app.table_rows().len(), rows);
    assert_eq!(
        app.selected_doc().map(|d| app.corpus.doc(d).key.clone()),
        Some(key)
    );
    assert!(!app.has_unsaved_changes());
    assert!(
        restored
            .query_all_by_label("Corrected headline")
            .next()
            .is_some(),
        "correction not shown"
    );
}

#[test]
fn restoring_with_a_missing_and_a_changed_source_lists_them() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    let files = copy_dev_articles(&articles);
    let mut harness = open_harness(&articles);
    let path = dir.path().join("s.wirescope.ron");
    assert!(harness.state_mut().save_workspace(&path));
    std::fs::remove_file(&files[0]).unwrap();
    std::fs::write(&files[1], "Edited headline\n\nA different body entirely.\n").unwrap();
    let restored = open_harness(&path);
    let app = restored.state();
    assert_eq!(
        app.corpus.len(),
        files.len() - 1,
        "everything else is restored"
    );
    let message = app.ui.message.clone().unwrap_or_default();
    assert!(
        message.contains("2 source(s) missing or changed"),
        "{message}"
    );
    let named = |f: &Path| {
        app.problems.iter().any(|p| {
            p.reason
                .contains(&*f.file_name().unwrap().to_string_lossy())
                || p.path.contains(&*f.file_name().unwrap().to_string_lossy())
        })
    };
    assert!(named(&files[0]) && named(&files[1]), "{:?}", app.problems);
}

#[test]
fn a_corrupt_workspace_leaves_the_session_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.wirescope.ron");
    std::fs::write(&bad, "Workspace(version: 1, sources: [").unwrap();
    let mut harness = sample_harness();
    harness.state_mut().push(Command::SetQuery("Putin".into()));
    harness.run();
    harness
        .state_mut()
        .push(Command::OpenWorkspace(bad.clone()));
    harness.run();
    let app = harness.state();
    assert_eq!(app.corpus.len(), 1);
    assert_eq!(app.session.search.query, "Putin");
    let message = app.ui.message.clone().unwrap_or_default();
    assert!(message.contains("broken.wirescope.ron"), "{message}");
    assert_eq!(
        std::fs::read_to_string(&bad).unwrap(),
        "Workspace(version: 1, sources: ["
    );
}
