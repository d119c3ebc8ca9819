//! Helpers shared by the GUI test binaries.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use wirescope::app::{Dialogs, StartOptions, WirescopeApp};
use wirescope::core::loader::Input;

pub const SEED_TITLE: &str = "Putin proposes election non-interference pact with US";

pub fn dev_articles() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dev/articles")
}

/// Start options for tests: these inputs, scripted dialogs, no recovery.
pub fn start(inputs: Vec<PathBuf>, answers: Vec<Vec<PathBuf>>) -> StartOptions {
    StartOptions {
        inputs: inputs.into_iter().map(Input::Path).collect(),
        corpus_name: "test".into(),
        dialogs: Dialogs::scripted(answers),
        data_dir: None,
    }
}

pub fn harness_with(start: StartOptions) -> Harness<'static, WirescopeApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| WirescopeApp::new(cc, start));
    settle(&mut harness);
    harness
}

pub fn sample_harness() -> Harness<'static, WirescopeApp> {
    harness_with(StartOptions {
        dialogs: Dialogs::scripted(Vec::new()),
        ..StartOptions::sample()
    })
}

/// The app on the development set of articles.
pub fn dev_harness() -> Harness<'static, WirescopeApp> {
    harness_with(start(vec![dev_articles()], Vec::new()))
}

/// The app opened on one path (a folder, or a workspace file).
pub fn open_harness(path: &Path) -> Harness<'static, WirescopeApp> {
    harness_with(start(vec![path.to_path_buf()], Vec::new()))
}

/// Steps frames until no load runs (bounded).
pub fn settle(harness: &mut Harness<'static, WirescopeApp>) {
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

/// Steps frames until no search or count runs in the background (`run`
/// gives up on an app that keeps asking for frames while a worker runs).
pub fn settle_jobs(harness: &mut Harness<'static, WirescopeApp>) {
    for _ in 0..2000 {
        harness.step();
        if !harness.state().is_computing() {
            harness.step();
            harness.step();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the background jobs did not finish");
}

/// Copies six development articles into `to`.
pub fn copy_dev_articles(to: &Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(to).unwrap();
    let mut names: Vec<PathBuf> = std::fs::read_dir(dev_articles())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    names
        .into_iter()
        .take(6)
        .map(|from| {
            let dest = to.join(from.file_name().unwrap());
            std::fs::copy(&from, &dest).unwrap();
            dest
        })
        .collect()
}

/// A file dropped on the window.
#[derive(Debug)]
pub struct TestDrop(PathBuf);

impl egui::DroppedFile for TestDrop {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

pub fn drop_paths(harness: &mut Harness<'static, WirescopeApp>, paths: &[PathBuf]) {
    for p in paths {
        harness
            .input_mut()
            .dropped_files
            .push(Arc::new(TestDrop(p.clone())));
    }
    harness.step();
}

/// Opens a menu and clicks through the items of `path` (its first entry
/// names the menu).
pub fn click_menu(harness: &mut Harness<'static, WirescopeApp>, path: &[&str]) {
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, path[0])
        .click();
    harness.run();
    for item in &path[1..] {
        harness.get_by_label_contains(item).click();
        // The item may start a load, which keeps repainting: step, then settle.
        harness.run_steps(2);
    }
    settle(harness);
}

/// Types into the text box with this accessible name as a user would:
/// focus it, select what it holds, type over it.
pub fn retype(harness: &mut Harness<'static, WirescopeApp>, name: &str, text: &str) {
    use egui::accesskit::Role;
    let input = if harness
        .query_by_role_and_label(Role::TextInput, name)
        .is_some()
    {
        Role::TextInput
    } else {
        Role::MultilineTextInput
    };
    harness.get_by_role_and_label(input, name).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness.get_by_role_and_label(input, name).type_text(text);
    harness.run();
}

/// Scrolls the widget with this label into view, then clicks it.
pub fn click_in_view(harness: &mut Harness<'static, WirescopeApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}
