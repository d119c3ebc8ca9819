//! Expanding the user's paths into the list of files to read.
//!
//! Folders are walked recursively with `walkdir` (symlinks followed, loops
//! detected and reported), hidden entries are skipped, and the same file
//! reached twice (given twice, or through a link) is kept once.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{Problem, ProblemKind};

/// What a file will be read as, decided from its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Text,
    Html,
    Csv,
    JsonLines,
    /// A `.json` document holding article records (see `loader::json`).
    Json,
    /// A mailbox of many messages (see `loader::mbox`).
    Mbox,
}

/// The extensions [`FileKind::of`] reads, for file dialogs' filters (files
/// without an extension are read as text too).
pub const EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "eml", "html", "htm", "xhtml", "csv", "tsv", "jsonl", "ndjson", "json",
    "mbox", "mbx",
];

impl FileKind {
    /// Classifies a path by extension; `None` for formats we do not read.
    pub fn of(path: &Path) -> Option<Self> {
        let Some(ext) = path.extension() else {
            return Some(Self::Text);
        };
        match ext.to_string_lossy().to_ascii_lowercase().as_str() {
            "txt" | "text" | "md" | "eml" => Some(Self::Text),
            "html" | "htm" | "xhtml" => Some(Self::Html),
            "csv" | "tsv" => Some(Self::Csv),
            "jsonl" | "ndjson" => Some(Self::JsonLines),
            "json" => Some(Self::Json),
            "mbox" | "mbx" => Some(Self::Mbox),
            _ => None,
        }
    }
}

/// A file found by the walk.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub path: PathBuf,
    pub size_bytes: u64,
    pub kind: FileKind,
}

/// Walks `roots`, returning readable candidates and the problems met.
/// `skip` lists paths (as displayed) that are already loaded.
///
/// The folders are read in one pass; the files' sizes are then looked up on
/// all cores, as a `stat` by path resolves every component of it. The walk
/// runs before any file is read, with a core idle: on a corpus of 12,000
/// files this took it from about 55 to 45 ms.
pub fn collect(roots: &[PathBuf], skip: &HashSet<String>) -> (Vec<Candidate>, Vec<Problem>) {
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let mut dirs = CanonicalDirs::default();
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for root in roots {
        if let Err(problem) = root_exists(root) {
            problems.push(problem);
            continue;
        }
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter();
        let walker = walker.filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walker {
            match entry {
                Ok(entry) if entry.file_type().is_file() => {
                    let canonical = dirs.canonical(entry.path(), entry.path_is_symlink());
                    if !seen.insert(canonical) {
                        continue;
                    }
                    let path = entry.into_path();
                    match kind_of(&path, skip) {
                        Ok(Some(kind)) => files.push((path, kind)),
                        Ok(None) => {}
                        Err(problem) => problems.push(problem),
                    }
                }
                Ok(entry) if entry.file_type().is_dir() => {
                    dirs.note_dir(entry.path(), entry.depth(), entry.path_is_symlink());
                }
                // FIFOs, sockets and devices: reading one could block
                // forever or never end.
                Ok(entry) => problems.push(Problem::new(
                    entry.path(),
                    ProblemKind::Unsupported,
                    "not a regular file (a pipe, socket or device)".to_owned(),
                )),
                Err(err) => problems.push(walk_problem(root, &err)),
            }
        }
    }
    let sized: Vec<Result<Candidate, Problem>> = files
        .into_par_iter()
        .map(|(path, kind)| match std::fs::metadata(&path) {
            Ok(meta) => Ok(Candidate {
                path,
                size_bytes: meta.len(),
                kind,
            }),
            Err(err) => Err(Problem::new(
                &path,
                ProblemKind::Unreadable,
                err.to_string(),
            )),
        })
        .collect();
    let mut found = Vec::with_capacity(sized.len());
    for candidate in sized {
        match candidate {
            Ok(candidate) => found.push(candidate),
            Err(problem) => problems.push(problem),
        }
    }
    (found, problems)
}

/// True for the error of a path whose symbolic links lead back to
/// themselves (`ELOOP`).
fn is_link_loop(err: &std::io::Error) -> bool {
    #[cfg(target_os = "linux")]
    const ELOOP: i32 = 40;
    #[cfg(not(target_os = "linux"))]
    const ELOOP: i32 = 62;
    err.raw_os_error() == Some(ELOOP)
}

fn root_exists(root: &Path) -> Result<(), Problem> {
    match std::fs::metadata(root) {
        Ok(_) => Ok(()),
        Err(err) => {
            let dangling = std::fs::symlink_metadata(root).is_ok();
            let reason = if is_link_loop(&err) {
                "symbolic link loop (the link leads back to itself)".to_owned()
            } else if dangling {
                format!("broken symbolic link ({err})")
            } else {
                err.to_string()
            };
            Err(Problem::new(root, ProblemKind::Unreadable, reason))
        }
    }
}

/// Canonical paths of walked files without a `canonicalize` (a `readlink`
/// per path component, and a `getcwd` for a relative root) for each: a
/// plain file's canonical path is its folder's joined with its name, and a
/// folder's is its parent's joined with its name unless it is a link. Only
/// the roots and linked folders are looked up.
#[derive(Default)]
struct CanonicalDirs {
    /// Canonical path by folder path as walked.
    dirs: HashMap<PathBuf, PathBuf>,
}

impl CanonicalDirs {
    /// Notes a walked folder: `depth` 0 for a root.
    fn note_dir(&mut self, path: &Path, depth: usize, is_symlink: bool) {
        let derived = (depth > 0 && !is_symlink)
            .then(|| Some(self.dirs.get(path.parent()?)?.join(path.file_name()?)))
            .flatten();
        let canonical = derived.unwrap_or_else(|| canonicalize(path));
        self.dirs.insert(path.to_path_buf(), canonical);
    }

    fn canonical(&mut self, path: &Path, is_symlink: bool) -> PathBuf {
        let (Some(dir), Some(name), false) = (path.parent(), path.file_name(), is_symlink) else {
            return canonicalize(path);
        };
        // A bare file name's folder is the current one.
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        if let Some(canonical_dir) = self.dirs.get(dir) {
            return canonical_dir.join(name);
        }
        let canonical_dir = canonicalize(dir);
        let canonical = canonical_dir.join(name);
        self.dirs.insert(dir.to_path_buf(), canonical_dir);
        canonical
    }
}

/// The canonical path, or the path itself when it has none.
fn canonicalize(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// What a walked file will be read as: `None` for one already loaded, a
/// problem for a format not read.
fn kind_of(path: &Path, skip: &HashSet<String>) -> Result<Option<FileKind>, Problem> {
    if skip.contains(path.to_string_lossy().as_ref()) {
        return Ok(None);
    }
    FileKind::of(path).map(Some).ok_or_else(|| {
        Problem::new(
            path,
            ProblemKind::Unsupported,
            "not an article format (txt, md, eml, mbox, html, csv, jsonl, json)".to_owned(),
        )
    })
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn walk_problem(root: &Path, err: &walkdir::Error) -> Problem {
    let path = err.path().unwrap_or(root);
    if let Some(ancestor) = err.loop_ancestor() {
        let reason = format!("symbolic link loop back to {}", ancestor.display());
        return Problem::new(path, ProblemKind::Unreadable, reason);
    }
    let reason = match err.io_error() {
        Some(io) if io.kind() == std::io::ErrorKind::NotFound => {
            if std::fs::symlink_metadata(path).is_ok() {
                "broken symbolic link".to_owned()
            } else {
                "vanished while loading (not found)".to_owned()
            }
        }
        Some(io) => io.to_string(),
        None => err.to_string(),
    };
    Problem::new(path, ProblemKind::Unreadable, reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dialog_extensions_are_the_ones_read() {
        for ext in EXTENSIONS {
            let name = format!("article.{}", ext.to_uppercase());
            assert!(FileKind::of(Path::new(&name)).is_some(), "{name}");
        }
        assert_eq!(FileKind::of(Path::new("inbox.mbox")), Some(FileKind::Mbox));
        assert_eq!(FileKind::of(Path::new("scan.png")), None);
    }

    #[test]
    fn folder_shortcut_gives_the_canonical_path() -> std::io::Result<()> {
        let tmp = tempfile::tempdir()?;
        let real = tmp.path().join("real");
        std::fs::create_dir(&real)?;
        std::fs::write(real.join("a.txt"), "a")?;
        std::os::unix::fs::symlink(&real, tmp.path().join("link"))?;
        std::os::unix::fs::symlink(real.join("a.txt"), real.join("b.txt"))?;
        let mut dirs = CanonicalDirs::default();
        for (path, is_symlink) in [
            (real.join("a.txt"), false),
            (tmp.path().join("link").join("a.txt"), false),
            (real.join("b.txt"), true),
        ] {
            assert_eq!(
                dirs.canonical(&path, is_symlink),
                std::fs::canonicalize(&path)?
            );
        }
        // Folders as the walk meets them: a root, a plain folder below it
        // (derived, not looked up), a linked one (looked up).
        let mut dirs = CanonicalDirs::default();
        let root = tmp.path().join(".").join("real").join("..");
        std::fs::create_dir(real.join("sub"))?;
        std::fs::write(real.join("sub").join("c.txt"), "c")?;
        dirs.note_dir(&root, 0, false);
        dirs.note_dir(&root.join("real"), 1, false);
        dirs.note_dir(&root.join("real").join("sub"), 2, false);
        dirs.note_dir(&root.join("link"), 1, true);
        for path in [
            root.join("real").join("sub").join("c.txt"),
            root.join("link").join("a.txt"),
        ] {
            assert_eq!(dirs.canonical(&path, false), std::fs::canonicalize(&path)?);
        }
        Ok(())
    }
}
