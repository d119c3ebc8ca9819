//! Commands panels push while drawing; the app applies them after the
//! frame's panels are drawn, so no panel mutates the corpus mid-frame.

use std::path::PathBuf;

use wirescope_core::session::{AnalysisTab, NearWord, SortColumn};
use wirescope_core::{Correction, DocIx, DocKey};

/// Whether new paths replace the corpus or are added to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenMode {
    Replace,
    Add,
}

/// What the user can pick in a file dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickKind {
    Files,
    Folder,
    ExportTableCsv,
    ExportKwicCsv,
    /// The list of an analysis tab (word list, collocates, n-grams,
    /// keywords, reprints).
    ExportListCsv(AnalysisTab),
    OpenWorkspace,
    SaveWorkspace,
    /// The folder the missing sources of a workspace moved to.
    RerootFolder,
    ExportChart(super::export::ChartFormat),
}

/// Something a panel asks the app to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Load paths (from a dialog, a drop, or the command line).
    OpenPaths { paths: Vec<PathBuf>, mode: OpenMode },
    /// Show a file dialog.
    Pick { kind: PickKind, mode: OpenMode },
    /// Stop the running load; keep what was loaded.
    CancelLoad,
    /// Open a document in the reader.
    SelectDoc(DocIx),
    /// Move the table selection by this many rows.
    MoveSelection(isize),
    /// Make this the search query.
    SetQuery(String),
    /// Sort the table by a column (again reverses).
    SortBy(SortColumn),
    /// Go to the next (+1) or previous (-1) hit in the reader.
    StepHit(isize),
    /// Open a workspace file (asks first if there are unsaved changes).
    OpenWorkspace(PathBuf),
    /// Start an empty workspace (asks first if there are unsaved changes).
    NewWorkspace,
    /// The answer to "save changes?".
    AnswerUnsaved(super::guard::Answer),
    /// The answer to "restore the recovery copy?".
    AnswerRecovery(super::recovery::RecoveryChoice),
    /// Re-root the missing sources of the last workspace under this folder.
    Reroot(PathBuf),
    /// A file dialog was closed without a choice.
    PickCancelled(PickKind),
    /// Save the workspace (asks for a file the first time).
    SaveWorkspace,
    /// Save the workspace to a new file.
    SaveWorkspaceAs(PathBuf),
    /// Open the document of concordance row N at that hit.
    OpenKwicLine(usize),
    /// Show only the concordance lines with this word near the hit (a
    /// collocate), or all lines again.
    ShowNear(Option<NearWord>),
    /// Write the concordance lines as CSV.
    ExportKwicCsv(PathBuf),
    /// Write the list of an analysis tab as CSV.
    ExportListCsv(PathBuf, AnalysisTab),
    /// Write the chart in front as SVG or PNG.
    ExportChart(PathBuf, super::export::ChartFormat),
    /// Write the current table as CSV.
    ExportTableCsv(PathBuf),
    /// Show the load report window.
    ShowReport,
    /// Replace a document's field corrections (empty: none).
    Correct(DocKey, Correction),
    /// Exclude a document from analyses (true) or include it again.
    SetExcluded(DocKey, bool),
    /// Replace a document's tags.
    SetTags(DocKey, Vec<String>),
    /// Replace a document's note.
    SetNote(DocKey, String),
    /// Replace the workspace's note.
    SetWorkspaceNote(String),
    /// Close the window (asks first if there are unsaved changes).
    Quit,
}

/// Collects commands during a frame.
#[derive(Debug, Default)]
pub struct Commands {
    queue: Vec<Command>,
}

impl Commands {
    /// Asks for a command to run after this frame's drawing.
    pub fn push(&mut self, command: Command) {
        self.queue.push(command);
    }

    /// Takes the commands queued so far.
    pub fn drain(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.queue)
    }
}
