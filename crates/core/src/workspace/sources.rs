//! Comparing a workspace's sources with what was loaded, and pointing a
//! moved collection at its new folder.
//!
//! [`Workspace::check_sources`] yields a [`SourceIssue`] per source that is
//! missing or whose content hash changed; [`Workspace::reroot`] rewrites
//! every path under the sources' common folder to a new folder.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use super::paths::common_ancestor;
use super::{Workspace, map_key, map_overlay};
use crate::corpus::Corpus;
use crate::document::SourceStamp;
use crate::seed;

/// What is wrong with a source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceIssueKind {
    /// Not on disk (or, for a built-in sample, not in this build).
    Missing,
    /// There, but not what was saved.
    Changed {
        /// What differs, in words.
        what: String,
    },
}

/// A source that did not come back as saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceIssue {
    /// The path the source was looked for at.
    pub path: String,
    pub kind: SourceIssueKind,
}

impl fmt::Display for SourceIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            SourceIssueKind::Missing => write!(f, "{}: missing", self.path),
            SourceIssueKind::Changed { what } => write!(f, "{}: changed ({what})", self.path),
        }
    }
}

impl Workspace {
    /// Sources missing from `corpus` or changed since the save (content hash
    /// differs), in the order of [`Self::sources`]. Call after loading
    /// [`Self::inputs`]. Uses the stamps taken at load: no file is read.
    pub fn check_sources(&self, corpus: &Corpus, workspace_path: &Path) -> Vec<SourceIssue> {
        let map = self.path_map(workspace_path);
        let mut loaded: HashMap<&str, &SourceStamp> = HashMap::with_capacity(self.sources.len());
        for doc in corpus.docs() {
            loaded.entry(&*doc.key.path).or_insert(&doc.stamp);
        }
        let mut issues = Vec::new();
        for source in &self.sources {
            let path = map.to_loaded(&source.path);
            let kind = match loaded.get(path.as_str()) {
                Some(stamp) => {
                    if source.hash.is_empty() || stamp.hash == source.hash {
                        continue;
                    }
                    SourceIssueKind::Changed {
                        what: describe_change(source.size_bytes, stamp.size_bytes),
                    }
                }
                None if source.embedded && !seed::is_seed(&source.path) => SourceIssueKind::Missing,
                None if !source.embedded && !Path::new(&path).exists() => SourceIssueKind::Missing,
                None => SourceIssueKind::Changed {
                    what: "no article could be loaded from it".to_owned(),
                },
            };
            issues.push(SourceIssue { path, kind });
        }
        issues
    }

    /// Points every source, sidecar and document key at `new_folder`,
    /// keeping the structure below the sources' common folder: with sources
    /// `/a/b/x/1.txt` and `/a/b/y/2.txt`, new folder `/c` gives `/c/x/1.txt`
    /// and `/c/y/2.txt`. Built-in samples are untouched. Returns the old
    /// common folder (`None` when there is no file source).
    pub fn reroot(&mut self, workspace_path: &Path, new_folder: &Path) -> Option<PathBuf> {
        let map = self.path_map(workspace_path);
        let old: Vec<PathBuf> = self
            .sources
            .iter()
            .filter(|s| !s.embedded)
            .map(|s| map.to_absolute(&s.path))
            .chain(self.sidecars.iter().map(|s| map.to_absolute(s)))
            .collect();
        let ancestor = common_ancestor(old.iter().map(PathBuf::as_path))?;
        let new_abs = super::paths::absolute_in(new_folder, &super::paths::current_dir());
        let move_path = |stored: &str| -> String {
            if map.is_embedded(stored) {
                return stored.to_owned();
            }
            let abs = map.to_absolute(stored);
            match abs.strip_prefix(&ancestor) {
                Ok(rest) => map.absolute_to_stored(&new_abs.join(rest)),
                Err(_) => stored.to_owned(),
            }
        };
        for source in self.sources.iter_mut().filter(|s| !s.embedded) {
            source.path = move_path(&source.path);
        }
        for sidecar in &mut self.sidecars {
            *sidecar = move_path(sidecar);
        }
        self.overlay = map_overlay(&self.overlay, &move_path);
        if let Some(doc) = &self.session.reader.doc {
            self.session.reader.doc = Some(map_key(doc, &move_path));
        }
        Some(ancestor)
    }
}

fn describe_change(saved_bytes: u64, now_bytes: u64) -> String {
    if saved_bytes == now_bytes {
        format!("content differs, same size {now_bytes} bytes")
    } else {
        format!("content differs, {saved_bytes} bytes when saved, {now_bytes} now")
    }
}
