//! How paths are written in a workspace file and read back.
//!
//! A source below the workspace file's folder is stored relative to it (with
//! `/` separators, so a file made on one system opens on another); anything
//! else is stored absolute. Paths are compared and joined lexically, never
//! canonicalized: resolving symbolic links for 100,000 files would cost a
//! system call each and would turn a user's chosen link into its target.
//! [`PathMap`] turns the paths documents were loaded under into stored
//! paths and back.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use crate::seed;

/// The extension of workspace files.
pub const EXTENSION: &str = ".wirescope.ron";

/// `path` with `.wirescope.ron` added when its name lacks it (a bare
/// `.ron` is replaced). Save dialogs add no extension themselves.
pub fn with_workspace_extension(path: &Path) -> PathBuf {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return path.join(format!("workspace{EXTENSION}"));
    };
    if name.ends_with(EXTENSION) {
        return path.to_path_buf();
    }
    let stem = name.strip_suffix(".ron").unwrap_or(&name);
    path.with_file_name(format!("{stem}{EXTENSION}"))
}

/// The name a workspace is shown under: its file name without
/// `.wirescope.ron` (or `.ron`).
pub fn workspace_name(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name
        .strip_suffix(EXTENSION)
        .or_else(|| name.strip_suffix(".ron"))
        .unwrap_or(&name);
    stem.to_owned()
}

/// The folder a workspace file lies in (empty for a bare file name, which
/// then resolves against the current folder).
pub fn folder_of(workspace_path: &Path) -> PathBuf {
    workspace_path
        .parent()
        .map_or_else(PathBuf::new, Path::to_path_buf)
}

/// Removes `.` and folds `..` into the preceding component, without
/// touching the file system. Leading `..` of a relative path stay.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out: Vec<Component<'_>> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                // `/..` is `/`.
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(component),
            },
            other => out.push(other),
        }
    }
    out.iter().collect()
}

/// `path` made absolute against `cwd`, then normalized.
pub fn absolute_in(path: &Path, cwd: &Path) -> PathBuf {
    if path.is_absolute() {
        normalize(path)
    } else {
        normalize(&cwd.join(path))
    }
}

/// The current folder, or the root when the OS cannot tell (a deleted
/// working folder), so that paths still come out absolute.
pub fn current_dir() -> PathBuf {
    std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"))
}

/// A relative path written with `/` separators.
fn slash_joined(rest: &Path) -> String {
    rest.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The deepest folder that contains every path (compared by component).
pub fn common_ancestor<'a>(paths: impl IntoIterator<Item = &'a Path>) -> Option<PathBuf> {
    let mut common: Option<Vec<Component<'a>>> = None;
    for path in paths {
        let parent: Vec<Component<'a>> = path
            .parent()
            .map_or_else(Vec::new, |p| p.components().collect());
        common = Some(match common {
            None => parent,
            Some(sofar) => sofar
                .into_iter()
                .zip(parent)
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect(),
        });
    }
    common.map(|c| c.iter().collect())
}

/// Converts between the paths documents are loaded under and the paths
/// stored in a workspace file, for one workspace location.
#[derive(Clone, Debug)]
pub struct PathMap {
    /// The workspace folder as given (may be relative to the current folder).
    folder: PathBuf,
    /// The workspace folder, absolute.
    folder_abs: PathBuf,
    cwd: PathBuf,
    /// Names of embedded sources, kept as they are.
    embedded: BTreeSet<String>,
}

impl PathMap {
    /// The map for a workspace file at `workspace_path`; `embedded` names
    /// sources that are built into the program.
    pub fn new(workspace_path: &Path, embedded: BTreeSet<String>) -> Self {
        let cwd = current_dir();
        let folder = folder_of(workspace_path);
        let folder_abs = absolute_in(&folder, &cwd);
        Self {
            folder,
            folder_abs,
            cwd,
            embedded,
        }
    }

    /// True for the name of a source built into the program.
    pub fn is_embedded(&self, path: &str) -> bool {
        self.embedded.contains(path) || seed::is_seed(path)
    }

    /// A loaded path as written in the file.
    pub fn to_stored(&self, loaded: &str) -> String {
        if self.is_embedded(loaded) {
            return loaded.to_owned();
        }
        if let Some(rest) = self.fast_relative(loaded) {
            return rest.to_owned();
        }
        let abs = absolute_in(Path::new(loaded), &self.cwd);
        match abs.strip_prefix(&self.folder_abs) {
            Ok(rest) if !rest.as_os_str().is_empty() => slash_joined(rest),
            _ => abs.to_string_lossy().into_owned(),
        }
    }

    /// The common case without building paths (a capture maps 100,000 of
    /// them): an absolute, already normal `/` path below the folder.
    fn fast_relative<'a>(&self, loaded: &'a str) -> Option<&'a str> {
        if std::path::MAIN_SEPARATOR != '/' || !loaded.starts_with('/') {
            return None;
        }
        let folder = self.folder_abs.to_str()?;
        let rest = loaded.strip_prefix(folder)?;
        let rest = if folder.ends_with('/') {
            rest
        } else {
            rest.strip_prefix('/')?
        };
        let normal = !rest.is_empty()
            && !rest.starts_with('/')
            && !rest.contains("//")
            && rest.split('/').all(|part| part != "." && part != "..");
        normal.then_some(rest)
    }

    /// A stored path as the loader will name it.
    pub fn to_loaded(&self, stored: &str) -> String {
        if self.is_embedded(stored) {
            return stored.to_owned();
        }
        let path = Path::new(stored);
        let joined = if path.is_absolute() {
            normalize(path)
        } else {
            normalize(&self.folder.join(path))
        };
        joined.to_string_lossy().into_owned()
    }

    /// A stored path made absolute.
    pub fn to_absolute(&self, stored: &str) -> PathBuf {
        absolute_in(Path::new(&self.to_loaded(stored)), &self.cwd)
    }

    /// An absolute path as written in the file.
    pub fn absolute_to_stored(&self, abs: &Path) -> String {
        self.to_stored(&abs.to_string_lossy())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_is_added_once() {
        assert_eq!(
            with_workspace_extension(Path::new("/a/study")),
            Path::new("/a/study.wirescope.ron")
        );
        assert_eq!(
            with_workspace_extension(Path::new("/a/study.ron")),
            Path::new("/a/study.wirescope.ron")
        );
        assert_eq!(
            with_workspace_extension(Path::new("/a/s.wirescope.ron")),
            Path::new("/a/s.wirescope.ron")
        );
        assert_eq!(workspace_name(Path::new("/a/s.wirescope.ron")), "s");
    }

    #[test]
    fn normalize_folds_dots() {
        assert_eq!(normalize(Path::new("a/./b/../c")), Path::new("a/c"));
        assert_eq!(normalize(Path::new("../a/../../b")), Path::new("../../b"));
        assert_eq!(normalize(Path::new("/../a")), Path::new("/a"));
    }

    #[test]
    fn stored_paths_are_relative_only_below_the_folder() {
        let map = PathMap::new(Path::new("/data/ws/study.wirescope.ron"), BTreeSet::new());
        assert_eq!(map.to_stored("/data/ws/articles/a.txt"), "articles/a.txt");
        assert_eq!(map.to_stored("/data/other/a.txt"), "/data/other/a.txt");
        assert_eq!(map.to_stored("/data/wsx/a.txt"), "/data/wsx/a.txt");
        assert_eq!(map.to_loaded("articles/a.txt"), "/data/ws/articles/a.txt");
        assert_eq!(map.to_loaded("../dev/a.txt"), "/data/dev/a.txt");
        assert_eq!(map.to_loaded("/x/a.txt"), "/x/a.txt");
        let seed = crate::seed::SEED_FILES[0].0;
        assert_eq!(map.to_stored(seed), seed);
        assert_eq!(map.to_loaded(seed), seed);
    }

    #[test]
    fn ancestor_of_parents() {
        let paths = [Path::new("/a/b/x/1.txt"), Path::new("/a/b/y/2.txt")];
        assert_eq!(common_ancestor(paths), Some(PathBuf::from("/a/b")));
        assert_eq!(
            common_ancestor([Path::new("/a/b/1.txt")]),
            Some(PathBuf::from("/a/b"))
        );
        assert_eq!(common_ancestor(std::iter::empty()), None);
    }
}
