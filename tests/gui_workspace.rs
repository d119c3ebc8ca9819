//! GUI tests of workspaces: save and restore, missing sources and
//! re-rooting, corrupt files, the unsaved-changes question, crash recovery,
//! new and recent workspaces.

mod common;

use std::path::Path;

use common::*;
use egui_kittest::kittest::Queryable as _;
use wirescope::app::Command;

#[test]
fn a_saved_workspace_restores_the_whole_session() {
    use wirescope::core::freq::{Bucket, Split};
    use wirescope::core::session::{AnalysisTab, Scope};
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    copy_dev_articles(&articles);
    let mut harness = open_harness(&articles);
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
    // A third document is excluded from the reader's Exclude button.
    let third = harness.state().table_rows()[2];
    harness.state_mut().push(Command::SelectDoc(third));
    harness.run();
    click_in_view(&mut harness, "Exclude");
    harness.state_mut().push(Command::SelectDoc(second));
    harness.run();
    // A correction, tags and a note from the reader; the workspace's note
    // from the File menu.
    // The reader opens at the query's first hit, below its buttons.
    click_in_view(&mut harness, "Edit fields");
    retype(&mut harness, "Headline", "Corrected headline");
    harness.get_by_label("Apply").click();
    harness.run();
    retype(&mut harness, "Tags", "reprint, check");
    harness.key_press(egui::Key::Enter);
    harness.run();
    retype(&mut harness, "Note on this document", "check this one");
    click_menu(&mut harness, &["File", "Workspace note..."]);
    retype(&mut harness, "Workspace note", "week 1 notes");
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
    assert_eq!(
        overlay.correction(&key).and_then(|c| c.title.as_deref()),
        Some("Corrected headline")
    );
    assert_eq!(overlay.tags[&key], ["reprint", "check"]);
    assert_eq!(overlay.notes[&key], "check this one");
    assert_eq!(overlay.excluded.len(), 1);
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

/// A harness on six copied articles with an unsaved query.
fn dirty_harness(articles: &Path, answers: Vec<Vec<std::path::PathBuf>>) -> Harness {
    copy_dev_articles(articles);
    let mut harness = harness_with(start(vec![articles.to_path_buf()], answers));
    harness.state_mut().push(Command::SetQuery("said".into()));
    harness.run();
    assert!(harness.state().has_unsaved_changes());
    harness
}

type Harness = egui_kittest::Harness<'static, wirescope::app::WirescopeApp>;

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = dirty_harness(&dir.path().join("a"), Vec::new());
    click_menu(&mut harness, &["File", "Quit"]);
    assert!(harness.query_by_label("Save changes?").is_some());
    assert!(!harness.state().is_quitting());
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.query_by_label("Save changes?").is_none());
    assert!(!harness.state().is_quitting(), "Cancel keeps the window");
    assert_eq!(harness.state().session.search.query, "said");

    // The window manager's close button goes through the same question.
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
    assert!(harness.query_by_label("Save changes?").is_some());
    harness.get_by_label("Discard").click();
    // Closing keeps asking the (headless) viewport to close: step, not run.
    harness.run_steps(2);
    assert!(harness.state().is_quitting(), "Discard closes");
}

#[test]
fn save_in_the_question_saves_then_opens_the_other_workspace() {
    let dir = tempfile::tempdir().unwrap();
    // Another workspace to open.
    let other_articles = dir.path().join("other");
    let other = dir.path().join("other.wirescope.ron");
    {
        let mut h = open_harness(&{
            copy_dev_articles(&other_articles);
            other_articles.clone()
        });
        h.state_mut().push(Command::SetQuery("trump".into()));
        h.run();
        assert!(h.state_mut().save_workspace(&other));
    }
    let first = dir.path().join("first.wirescope.ron");
    let mut harness = dirty_harness(&dir.path().join("a"), vec![vec![first.clone()]]);
    harness
        .state_mut()
        .push(Command::OpenWorkspace(other.clone()));
    harness.run();
    assert!(harness.query_by_label("Save changes?").is_some());
    // Never saved: Save asks for a file (the scripted dialog answers).
    harness.get_by_label("Save").click();
    for _ in 0..3 {
        harness.step();
    }
    settle(&mut harness);
    assert!(first.exists(), "the session was saved first");
    let app = harness.state();
    assert_eq!(app.workspace.path.as_deref(), Some(other.as_path()));
    assert_eq!(app.session.search.query, "trump");
    assert_eq!(app.workspace.recent, vec![other.clone(), first.clone()]);
}

#[test]
fn a_recovery_copy_is_offered_after_a_crash_and_restores_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let articles = dir.path().join("articles");
    let mut options = start(vec![articles.clone()], Vec::new());
    options.data_dir = Some(data.clone());
    copy_dev_articles(&articles);
    let mut harness = harness_with(options);
    harness
        .state_mut()
        .push(Command::SetQuery("president".into()));
    harness.state_mut().push(Command::SortBy(
        wirescope::core::session::SortColumn::Published,
    ));
    harness.run();
    let copy = harness
        .state_mut()
        .write_recovery_now()
        .expect("copy written");
    assert!(copy.starts_with(&data));
    let session = harness.state().session.clone();
    // Simulate a crash: the app goes away without saving or cleaning up.
    std::mem::forget(harness);

    let mut options = start(Vec::new(), Vec::new());
    options.inputs = wirescope::core::seed::inputs();
    options.data_dir = Some(data.clone());
    let mut restarted = harness_with(options);
    assert!(
        restarted.query_by_label("Restore unsaved work?").is_some(),
        "the recovery copy is offered"
    );
    restarted.get_by_label("Restore").click();
    restarted.run_steps(2);
    settle(&mut restarted);
    let app = restarted.state();
    assert_eq!(app.corpus.len(), 6);
    assert_eq!(app.session, session);
    assert!(app.has_unsaved_changes(), "restored work is not saved yet");

    // Saving removes the copy; the next start offers nothing.
    let saved = dir.path().join("saved.wirescope.ron");
    assert!(restarted.state_mut().save_workspace(&saved));
    assert!(!copy.exists(), "the recovery copy is deleted after a save");
    drop(restarted);
    let mut options = start(vec![saved], Vec::new());
    options.data_dir = Some(data);
    let again = harness_with(options);
    assert!(again.query_by_label("Restore unsaved work?").is_none());
    assert_eq!(again.state().corpus.len(), 6);
}

#[test]
fn missing_sources_can_be_rerooted_to_their_new_folder() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    copy_dev_articles(&articles);
    let path = dir.path().join("s.wirescope.ron");
    {
        let mut h = open_harness(&articles);
        h.state_mut().push(Command::SetQuery("said".into()));
        h.run();
        assert!(h.state_mut().save_workspace(&path));
    }
    let moved = dir.path().join("moved");
    std::fs::rename(&articles, &moved).unwrap();
    let mut harness = harness_with(start(vec![path.clone()], vec![vec![moved.clone()]]));
    assert_eq!(harness.state().corpus.len(), 0);
    assert!(
        harness
            .query_by_label("Workspace sources missing or changed")
            .is_some()
    );
    harness.get_by_label("Locate folder...").click();
    harness.run_steps(2);
    settle(&mut harness);
    let app = harness.state();
    assert_eq!(
        app.corpus.len(),
        6,
        "every source found under the new folder"
    );
    assert!(app.workspace.source_problems.is_none());
    assert_eq!(app.session.search.query, "said");
    assert!(
        app.has_unsaved_changes(),
        "re-rooted paths are not saved yet"
    );
    let key = app.corpus.doc(0).key.path.clone();
    assert!(key.contains("moved"), "{key}");
}

#[test]
fn new_workspace_then_recent_workspaces_reopens_a_saved_one() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    copy_dev_articles(&articles);
    let mut harness = open_harness(&articles);
    let path = dir.path().join("week1.wirescope.ron");
    assert!(harness.state_mut().save_workspace(&path));
    click_menu(&mut harness, &["File", "New workspace"]);
    assert_eq!(harness.state().corpus.len(), 0);
    assert!(harness.state().workspace.path.is_none());
    click_menu(&mut harness, &["File", "Recent workspaces", "week1"]);
    settle(&mut harness);
    let app = harness.state();
    assert_eq!(app.corpus.len(), 6);
    assert_eq!(app.workspace.path.as_deref(), Some(path.as_path()));
}

/// eframe's storage, in memory.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn recent_workspaces_survive_a_restart() {
    use eframe::App as _;
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    copy_dev_articles(&articles);
    let mut harness = open_harness(&articles);
    let (a, b) = (
        dir.path().join("a.wirescope.ron"),
        dir.path().join("b.wirescope.ron"),
    );
    assert!(harness.state_mut().save_workspace(&a));
    assert!(harness.state_mut().save_workspace(&b));
    let mut storage = MemoryStorage::default();
    harness.state_mut().save(&mut storage);

    let mut next = sample_harness();
    next.state_mut().load_preferences(&storage);
    assert_eq!(next.state().workspace.recent, vec![b, a], "newest first");
}

#[test]
fn dropping_a_workspace_file_on_unsaved_work_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.wirescope.ron");
    {
        let mut h = open_harness(&{
            let articles = dir.path().join("other");
            copy_dev_articles(&articles);
            articles
        });
        assert!(h.state_mut().save_workspace(&other));
    }
    let mut harness = dirty_harness(&dir.path().join("a"), Vec::new());
    drop_paths(&mut harness, std::slice::from_ref(&other));
    harness.run();
    assert!(harness.query_by_label("Save changes?").is_some());
    assert_eq!(
        harness.state().session.search.query,
        "said",
        "nothing replaced yet"
    );
    harness.get_by_label("Discard").click();
    harness.run_steps(2);
    settle(&mut harness);
    let app = harness.state();
    assert_eq!(app.workspace.path.as_deref(), Some(other.as_path()));
    assert_eq!(app.session.search.query, "");
}

#[test]
fn a_new_workspace_closes_the_field_form() {
    let mut harness = sample_harness();
    harness.get_by_label("Edit fields").click();
    harness.run();
    retype(&mut harness, "Agency", "Reuters");
    assert!(harness.state().ui.field_edit.is_some());
    click_menu(&mut harness, &["File", "New workspace"]);
    // The sample was never saved: the question comes first.
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(harness.state().ui.field_edit.is_none());
    assert!(harness.state().overlay.corrections.is_empty());
}
