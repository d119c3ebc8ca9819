//! Workspaces: a whole analysis session saved as a RON file, without any
//! article text.
//!
//! A [`Workspace`] holds the corpus sources (one [`SourceEntry`] per file,
//! with the size, modification time and hash taken at load), the user's
//! [`Overlay`] (corrections, exclusions, tags, notes), the [`Session`]
//! (filters, search, selection, chart and panel settings) and a note.
//! [`Workspace::capture`] builds one from the live state without re-reading
//! any file; [`Workspace::save`] writes it atomically keeping a `.bak`;
//! [`Workspace::open`] reads one back, refusing hostile files with a
//! [`WorkspaceError`] that names the file; [`Workspace::restore`] gives the
//! loader inputs and the state to apply; [`Workspace::check_sources`] lists
//! sources that are missing or changed and [`Workspace::reroot`] points a
//! moved collection at its new folder. The [`recovery`] module keeps the
//! crash-recovery copies.
//!
//! Paths of documents inside the file (sources, overlay keys, the reader's
//! document) are relative to the workspace file's folder when they lie
//! below it, so a folder holding a workspace and its articles can be moved
//! or shared as a whole ([`paths`]).

mod error;
mod format;
pub mod paths;
mod read;
pub mod recovery;
mod sources;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::corpus::Corpus;
use crate::document::{DocKey, Document, SourceKind};
use crate::fields::Provenance;
use crate::loader::Input;
use crate::overlay::Overlay;
use crate::seed;
use crate::session::Session;

pub use error::WorkspaceError;
pub use paths::{EXTENSION, with_workspace_extension, workspace_name};
pub use sources::{SourceIssue, SourceIssueKind};

use paths::PathMap;

/// The format version this build writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

/// Largest workspace file opened (checked before reading). A source file
/// takes one line of about 120 bytes, so this admits some 500,000 source
/// files; a CSV export of any number of records is one line.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Deepest bracket nesting accepted when parsing (a workspace needs < 10).
pub const RECURSION_LIMIT: usize = 64;

/// A saved analysis session. See the module docs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, rename = "Workspace")]
pub struct Workspace {
    /// Format version ([`FORMAT_VERSION`] when written by this build).
    #[serde(default = "missing_version")]
    pub version: u32,
    /// Shown in the title bar; the file name without `.wirescope.ron`.
    pub name: String,
    /// The user's note on the whole workspace.
    pub note: String,
    /// One entry per source file, sorted by path.
    pub sources: Vec<SourceEntry>,
    /// Sidecar metadata files that supplied fields, sorted.
    pub sidecars: Vec<String>,
    /// Corrections, exclusions, tags and notes, keyed by stored paths.
    pub overlay: Overlay,
    /// Analysis state; the reader's document is keyed by a stored path.
    pub session: Session,
}

/// Serde default of `version`: 0 means "absent" and is refused.
fn missing_version() -> u32 {
    0
}

impl Default for Workspace {
    fn default() -> Self {
        Self {
            version: FORMAT_VERSION,
            name: String::new(),
            note: String::new(),
            sources: Vec::new(),
            sidecars: Vec::new(),
            overlay: Overlay::default(),
            session: Session::default(),
        }
    }
}

/// One source file as it was when loaded.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SourceEntry {
    /// Relative to the workspace folder when below it, else absolute;
    /// `seeds/...` for the built-in sample.
    pub path: String,
    pub size_bytes: u64,
    /// Seconds since the Unix epoch.
    pub modified_secs: Option<i64>,
    /// xxh3-64 of the file's bytes, 16 hex digits.
    pub hash: String,
    /// Built into the program rather than on disk.
    #[serde(skip_serializing_if = "is_false")]
    pub embedded: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// What to load and apply to restore a workspace.
#[derive(Clone, Debug)]
pub struct Restored {
    /// Loader inputs: every source file and sidecar.
    pub inputs: Vec<Input>,
    /// The overlay keyed by the paths the loader will give documents.
    pub overlay: Overlay,
    /// The session with its document keys resolved the same way.
    pub session: Session,
}

impl Workspace {
    /// Captures the live state for saving at `workspace_path` (paths are
    /// written relative to that file's folder, so capture again for "Save
    /// as" to another folder). Uses the stamps taken at load: no file is
    /// read.
    pub fn capture(
        corpus: &Corpus,
        overlay: &Overlay,
        session: &Session,
        note: &str,
        workspace_path: &Path,
    ) -> Self {
        let embedded: BTreeSet<String> = corpus
            .docs()
            .iter()
            .filter(|d| d.kind == SourceKind::Embedded)
            .map(|d| d.key.path.to_string())
            .collect();
        let map = PathMap::new(workspace_path, embedded);
        let mut sources: Vec<SourceEntry> = Vec::new();
        let mut sidecars: BTreeSet<&str> = BTreeSet::new();
        let mut previous: Option<&str> = None;
        for doc in corpus.docs() {
            collect_sidecars(doc, &mut sidecars);
            // Records of one file come in a run: one entry for the run.
            if previous == Some(&*doc.key.path) {
                continue;
            }
            previous = Some(&doc.key.path);
            sources.push(SourceEntry {
                path: map.to_stored(&doc.key.path),
                size_bytes: doc.stamp.size_bytes,
                modified_secs: doc.stamp.modified_secs,
                hash: doc.stamp.hash.clone(),
                embedded: doc.kind == SourceKind::Embedded,
            });
        }
        sources.sort_unstable_by(|a, b| a.path.cmp(&b.path));
        sources.dedup_by(|a, b| a.path == b.path);
        let to_stored = |p: &str| map.to_stored(p);
        Self {
            version: FORMAT_VERSION,
            name: workspace_name(workspace_path),
            note: note.to_owned(),
            sources,
            sidecars: sidecars
                .into_iter()
                .map(|p| map.to_stored(p))
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect(),
            overlay: map_overlay(overlay, &to_stored),
            session: map_session(session, &to_stored),
        }
    }

    /// Reads the workspace at `path`. Never panics and never writes; every
    /// failure names the file.
    pub fn open(path: &Path) -> Result<Self, WorkspaceError> {
        read::open(path)
    }

    /// Parses workspace text; `path` is only used in error messages.
    pub fn from_ron_str(text: &str, path: &Path) -> Result<Self, WorkspaceError> {
        read::parse(text, path)
    }

    /// The file's text: pretty RON, one source per line, in a deterministic
    /// order, so two saves of the same state are identical and a diff shows
    /// only what changed.
    pub fn to_ron_string(&self) -> Result<String, ron::Error> {
        format::to_ron_string(self)
    }

    /// Writes the workspace to `path` atomically, keeping the previous file
    /// as `<path>.bak`. On error the previous file is untouched. `path` is
    /// used as given: see [`with_workspace_extension`].
    pub fn save(&self, path: &Path) -> Result<(), WorkspaceError> {
        let text = self
            .to_ron_string()
            .map_err(|err| WorkspaceError::Serialize {
                path: path.to_path_buf(),
                message: err.to_string(),
            })?;
        crate::atomic::write_atomic_with_backup(path, text.as_bytes(), true).map_err(|source| {
            WorkspaceError::Write {
                path: path.to_path_buf(),
                source,
            }
        })
    }

    /// The path mapper for this workspace at `workspace_path`.
    fn path_map(&self, workspace_path: &Path) -> PathMap {
        let embedded = self
            .sources
            .iter()
            .filter(|s| s.embedded)
            .map(|s| s.path.clone())
            .collect();
        PathMap::new(workspace_path, embedded)
    }

    /// Loader inputs for every source and sidecar, relative paths resolved
    /// against the workspace file's folder. Embedded sources this build
    /// does not carry are left out ([`Self::check_sources`] reports them).
    pub fn inputs(&self, workspace_path: &Path) -> Vec<Input> {
        let map = self.path_map(workspace_path);
        let seeds = seed::inputs();
        let mut inputs = Vec::with_capacity(self.sources.len() + self.sidecars.len());
        for source in &self.sources {
            if source.embedded {
                let found = seeds
                    .iter()
                    .find(|i| matches!(i, Input::Embedded { name, .. } if *name == source.path));
                inputs.extend(found.cloned());
            } else {
                inputs.push(Input::Path(PathBuf::from(map.to_loaded(&source.path))));
            }
        }
        for sidecar in &self.sidecars {
            inputs.push(Input::Path(PathBuf::from(map.to_loaded(sidecar))));
        }
        inputs
    }

    /// Everything needed to restore: inputs to load, then the overlay and
    /// session to apply, their document keys matching what the loader will
    /// produce from those inputs.
    pub fn restore(&self, workspace_path: &Path) -> Restored {
        let map = self.path_map(workspace_path);
        let to_loaded = |p: &str| map.to_loaded(p);
        Restored {
            inputs: self.inputs(workspace_path),
            overlay: map_overlay(&self.overlay, &to_loaded),
            session: map_session(&self.session, &to_loaded),
        }
    }
}

/// Adds the sidecar files named in a document's field provenance.
fn collect_sidecars<'a>(doc: &'a Document, sidecars: &mut BTreeSet<&'a str>) {
    let f = &doc.fields;
    let froms = [
        &f.title.from,
        &f.byline.from,
        &f.agency.from,
        &f.outlet.from,
        &f.published.from,
        &f.captured.from,
        &f.dateline.from,
        &f.subtitle.from,
        &f.url.from,
    ];
    for from in froms {
        if let Provenance::Sidecar(path) = from {
            sidecars.insert(path.as_str());
        }
    }
}

/// Rewrites a document key's path.
fn map_key(key: &DocKey, f: &dyn Fn(&str) -> String) -> DocKey {
    DocKey {
        path: f(&key.path).into(),
        record: key.record,
    }
}

/// The overlay with every key's path rewritten.
fn map_overlay(overlay: &Overlay, f: &dyn Fn(&str) -> String) -> Overlay {
    Overlay {
        corrections: overlay
            .corrections
            .iter()
            .map(|(k, v)| (map_key(k, f), v.clone()))
            .collect(),
        excluded: overlay.excluded.iter().map(|k| map_key(k, f)).collect(),
        tags: overlay
            .tags
            .iter()
            .map(|(k, v)| (map_key(k, f), v.clone()))
            .collect(),
        notes: overlay
            .notes
            .iter()
            .map(|(k, v)| (map_key(k, f), v.clone()))
            .collect(),
    }
}

/// The session with its document keys rewritten. A session field that
/// names documents must be added here.
fn map_session(session: &Session, f: &dyn Fn(&str) -> String) -> Session {
    let mut out = session.clone();
    out.reader.doc = session.reader.doc.as_ref().map(|k| map_key(k, f));
    out
}
