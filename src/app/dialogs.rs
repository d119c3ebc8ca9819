//! File dialogs that never block the window.
//!
//! The native dialog (rfd: the desktop's file chooser through the XDG
//! portal, or `zenity` where there is no portal) is created on the UI
//! thread and awaited on a named worker thread; its result comes back over
//! a channel and becomes the same [`Command`] a drop would. Tests use
//! [`Dialogs::scripted`], which answers with prepared paths, since a real
//! dialog cannot run headless.
//!
//! Not linking GTK keeps the binary's command-line uses free of the GUI
//! libraries: `wirescope stats` runs where GTK is not installed, and the
//! process starts at 9 MB of memory instead of 20 (with the packed
//! relocations of `build.rs`).

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

use super::command::{Command, OpenMode, PickKind};

/// Where dialog answers come from.
pub enum Dialogs {
    Native {
        pending: Option<(PickKind, OpenMode, Receiver<Vec<PathBuf>>)>,
    },
    Scripted {
        answers: VecDeque<Vec<PathBuf>>,
        ready: Option<(PickKind, OpenMode, Vec<PathBuf>)>,
    },
}

impl Dialogs {
    /// Real dialogs.
    pub fn native() -> Self {
        Self::Native { pending: None }
    }

    /// Dialogs that answer with these path lists, in order (tests).
    pub fn scripted(answers: Vec<Vec<PathBuf>>) -> Self {
        Self::Scripted {
            answers: answers.into(),
            ready: None,
        }
    }

    /// True while a dialog is open.
    pub fn is_open(&self) -> bool {
        matches!(self, Self::Native { pending: Some(_) })
    }

    /// Opens a dialog (ignored while one is already open).
    pub fn open(
        &mut self,
        kind: PickKind,
        mode: OpenMode,
        ctx: &egui::Context,
        start_dir: Option<PathBuf>,
    ) {
        match self {
            Self::Native { pending } => {
                if pending.is_none() {
                    *pending = spawn_native(kind, ctx, start_dir).map(|rx| (kind, mode, rx));
                }
            }
            Self::Scripted { answers, ready } => {
                *ready = Some((kind, mode, answers.pop_front().unwrap_or_default()));
            }
        }
    }

    /// What to tell the user when a native dialog came back empty: with no
    /// desktop portal and no `zenity`, rfd shows no dialog at all.
    pub fn empty_answer_hint(&self) -> Option<&'static str> {
        match self {
            Self::Native { .. } if !on_path("zenity") => Some(
                "No file dialog appeared? Install zenity or an XDG desktop portal, or drop files and folders on the window.",
            ),
            _ => None,
        }
    }

    /// The command a finished dialog produced, if any.
    pub fn poll(&mut self) -> Option<Command> {
        let (kind, mode, paths) = match self {
            Self::Native { pending } => {
                let (kind, mode, rx) = pending.as_ref()?;
                match rx.try_recv() {
                    Ok(paths) => {
                        let answer = (*kind, *mode, paths);
                        *pending = None;
                        answer
                    }
                    Err(std::sync::mpsc::TryRecvError::Empty) => return None,
                    Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                        *pending = None;
                        return None;
                    }
                }
            }
            Self::Scripted { ready, .. } => ready.take()?,
        };
        if paths.is_empty() {
            return Some(Command::PickCancelled(kind));
        }
        Some(match kind {
            PickKind::ExportTableCsv => {
                Command::ExportTableCsv(with_extension(paths.into_iter().next()?, "csv"))
            }
            PickKind::ExportKwicCsv => {
                Command::ExportKwicCsv(with_extension(paths.into_iter().next()?, "csv"))
            }
            PickKind::ExportListCsv(tab) => {
                Command::ExportListCsv(with_extension(paths.into_iter().next()?, "csv"), tab)
            }
            PickKind::OpenWorkspace => Command::OpenWorkspace(paths.into_iter().next()?),
            PickKind::SaveWorkspace => Command::SaveWorkspaceAs(paths.into_iter().next()?),
            PickKind::RerootFolder => Command::Reroot(paths.into_iter().next()?),
            PickKind::ExportChart(format) => Command::ExportChart(
                with_extension(paths.into_iter().next()?, format.extension()),
                format,
            ),
            PickKind::Files | PickKind::Folder => Command::OpenPaths { paths, mode },
        })
    }
}

/// True when an executable file named `program` is in a `PATH` folder.
fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|dirs| std::env::split_paths(&dirs).any(|d| d.join(program).is_file()))
}

/// Save dialogs add no extension: add it when missing.
pub fn with_extension(path: PathBuf, ext: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if name.ends_with(&format!(".{ext}")) {
        path
    } else {
        let mut os = path.into_os_string();
        os.push(format!(".{ext}"));
        PathBuf::from(os)
    }
}

type PathsFuture = std::pin::Pin<Box<dyn std::future::Future<Output = Vec<PathBuf>> + Send>>;

/// Creates the dialog's future here, on the UI thread, and waits for it on
/// a worker thread.
fn spawn_native(
    kind: PickKind,
    ctx: &egui::Context,
    start_dir: Option<PathBuf>,
) -> Option<Receiver<Vec<PathBuf>>> {
    let mut dialog = rfd::AsyncFileDialog::new();
    if let Some(dir) = start_dir {
        dialog = dialog.set_directory(dir);
    }
    let future: PathsFuture = match kind {
        PickKind::Files => {
            let f = dialog
                .set_title("Open articles")
                .add_filter("Articles", wirescope_core::loader::EXTENSIONS)
                .add_filter("All files", &["*"])
                .pick_files();
            Box::pin(async move { many(f.await) })
        }
        PickKind::Folder => {
            let f = dialog.set_title("Open folders of articles").pick_folders();
            Box::pin(async move { many(f.await) })
        }
        PickKind::OpenWorkspace => {
            let f = dialog
                .set_title("Open workspace")
                .add_filter("wirescope workspace", &["ron"])
                .pick_file();
            Box::pin(async move { one(f.await) })
        }
        PickKind::RerootFolder => {
            let f = dialog
                .set_title("Where are the workspace's files now?")
                .pick_folder();
            Box::pin(async move { one(f.await) })
        }
        PickKind::ExportTableCsv => save_as(dialog, "Export table as CSV", "documents.csv"),
        PickKind::SaveWorkspace => save_as(dialog, "Save workspace as", "analysis.wirescope.ron"),
        PickKind::ExportKwicCsv => save_as(dialog, "Export concordance as CSV", "concordance.csv"),
        PickKind::ExportListCsv(tab) => {
            let name = format!("{}.csv", super::export_list::list_name(tab));
            save_as(dialog, "Export list as CSV", &name)
        }
        PickKind::ExportChart(format) => {
            let name = format!("chart.{}", format.extension());
            save_as(dialog, "Export chart", &name)
        }
    };
    let (tx, rx) = channel();
    let ctx = ctx.clone();
    let spawned = std::thread::Builder::new()
        .name("wirescope-dialog".to_owned())
        .spawn(move || {
            let _ = tx.send(pollster::block_on(future));
            ctx.request_repaint();
        });
    spawned.ok().map(|_| rx)
}

/// A save dialog proposing `name`.
fn save_as(dialog: rfd::AsyncFileDialog, title: &str, name: &str) -> PathsFuture {
    let f = dialog.set_title(title).set_file_name(name).save_file();
    Box::pin(async move { one(f.await) })
}

fn one(handle: Option<rfd::FileHandle>) -> Vec<PathBuf> {
    handle
        .map(|h| vec![h.path().to_path_buf()])
        .unwrap_or_default()
}

fn many(handles: Option<Vec<rfd::FileHandle>>) -> Vec<PathBuf> {
    handles
        .unwrap_or_default()
        .iter()
        .map(|h| h.path().to_path_buf())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn programs_are_found_on_the_path() {
        assert!(on_path("sh"));
        assert!(!on_path("wirescope-no-such-program"));
    }

    #[test]
    fn scripted_dialogs_give_no_hint() {
        assert_eq!(Dialogs::scripted(Vec::new()).empty_answer_hint(), None);
    }
}
