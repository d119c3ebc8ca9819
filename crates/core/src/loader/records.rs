//! Streaming one-article-per-record exports (CSV, JSON Lines, JSON; the
//! JSON side is in [`super::json`]) and sidecars.
//!
//! Records are read one at a time and handed to a callback, so a 300 MB
//! export is never held in memory as a whole. A file whose columns include
//! a text column is an article export; one without text but with a file
//! name column is a sidecar that supplies metadata for files beside it;
//! anything else is skipped with a message.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use crate::fields::SourceName;

use super::columns::ColumnMap;
use super::dialect::{self, CsvDialect};
use super::json;
use super::walk::FileKind;
use super::{Problem, ProblemKind};

/// One record's values, by column index.
pub type Row = Vec<String>;

/// What a record file turned out to be.
#[derive(Debug)]
pub enum Role {
    Articles(ColumnMap),
    Sidecar(ColumnMap),
}

/// Reads the column names of a CSV or JSON Lines file, and how a CSV
/// file is written.
fn header(path: &Path, kind: FileKind) -> Result<(Vec<String>, CsvDialect), String> {
    match kind {
        FileKind::Csv => {
            let dialect = CsvDialect::of(path)?;
            let file = dialect.open(path).map_err(|e| e.to_string())?;
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(dialect.delimiter)
                .from_reader(file);
            let headers = reader
                .byte_headers()
                .map_err(|e| format!("cannot read the CSV header: {e}"))?;
            let names = headers
                .iter()
                .map(|h| {
                    dialect
                        .text(h)
                        .trim_start_matches('\u{feff}')
                        .trim()
                        .to_owned()
                })
                .collect();
            Ok((names, dialect))
        }
        FileKind::JsonLines => Ok((
            json::jsonl_keys(BufReader::new(
                dialect::open_utf16_aware(path).map_err(|e| e.to_string())?,
            ))?,
            CsvDialect::default(),
        )),
        _ => Ok((json::document_keys(path)?, CsvDialect::default())),
    }
}

/// True when a file holds nothing but whitespace.
fn is_blank(path: &Path) -> std::io::Result<bool> {
    use std::io::Read;
    let mut buf = [0u8; 4096];
    let mut file = File::open(path)?;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            return Ok(true);
        }
        if !buf[..n].iter().all(u8::is_ascii_whitespace) {
            return Ok(false);
        }
    }
}

/// Refuses a record file that is binary data ("a PNG renamed .csv") or only
/// a byte order mark, from its first 64 KiB, with the reason a text file
/// would get, before its columns are looked for.
fn refuse_non_text(path: &Path) -> Result<(), Problem> {
    use std::io::Read;
    const SAMPLE: u64 = 64 * 1024;
    let mut sample = Vec::new();
    File::open(path)
        .and_then(|f| f.take(SAMPLE).read_to_end(&mut sample))
        .map_err(|err| super::file::read_problem(path, &err))?;
    let skip = |reason: String| Err(Problem::new(path, ProblemKind::Skipped, reason));
    // Borrowed: only whether the sample is text is wanted, not its copy.
    match crate::text::decode_borrowed(&sample) {
        Err(crate::text::NotText::Empty) if (sample.len() as u64) < SAMPLE => {
            skip("empty file".to_owned())
        }
        Err(crate::text::NotText::Binary(what)) => skip(format!("not text: {what}")),
        _ => Ok(()),
    }
}

/// Decides whether a record file holds articles, is a sidecar, or neither.
pub fn classify(path: &Path, kind: FileKind) -> Result<Role, Problem> {
    match is_blank(path) {
        Ok(true) => {
            return Err(Problem::new(
                path,
                ProblemKind::Skipped,
                "empty file".to_owned(),
            ));
        }
        Ok(false) => {}
        Err(err) => return Err(super::file::read_problem(path, &err)),
    }
    refuse_non_text(path)?;
    let (names, dialect) =
        header(path, kind).map_err(|reason| Problem::new(path, ProblemKind::Skipped, reason))?;
    let map = ColumnMap {
        dialect,
        ..ColumnMap::from_names(&names)
    };
    // A summary beside a file-name column whose values name files here is
    // a sidecar's description of each file, not an export's text.
    let summary_of_files = map.text.is_some()
        && !super::columns::has_full_text_column(&names)
        && map
            .file
            .is_some_and(|col| column_names_files(path, kind, &map, col));
    if map.text.is_some() && !summary_of_files {
        let month_first = dates_month_first(path, kind, &map);
        Ok(Role::Articles(ColumnMap { month_first, ..map }))
    } else if summary_of_files {
        Ok(Role::Sidecar(ColumnMap {
            subtitle: map.subtitle.or(map.text),
            text: None,
            ..map
        }))
    } else if map.file.is_some() {
        Ok(Role::Sidecar(map))
    } else if let Some(ids) = id_column_naming_files(path, kind, &map) {
        Ok(Role::Sidecar(ColumnMap {
            file: Some(ids),
            ..map
        }))
    } else {
        let reason = format!(
            "no text column and no file-name column (columns: {})",
            column_list(&names)
        );
        Err(Problem::new(path, ProblemKind::Skipped, reason))
    }
}

/// The first column names, for a message: a spreadsheet may have
/// thousands.
fn column_list(names: &[String]) -> String {
    const SHOWN: usize = 20;
    let shown: Vec<&str> = names.iter().take(SHOWN).map(String::as_str).collect();
    match names.len().checked_sub(SHOWN) {
        Some(more) if more > 0 => format!("{}, and {more} more", shown.join(", ")),
        _ => shown.join(", "),
    }
}

/// Columns that may hold a document's id, which files are often named by
/// ("1234.txt" beside a metadata export whose `id` is 1234).
const ID_COLUMNS: &[&str] = &["id", "articleid", "docid", "documentid", "storyid", "uuid"];

/// The id column of a record file without text or file-name column, when
/// its first values name files beside it (`sidecar_target`): the file is
/// then a sidecar keyed by id.
fn id_column_naming_files(path: &Path, kind: FileKind, map: &ColumnMap) -> Option<usize> {
    let ids = map
        .names
        .iter()
        .position(|n| ID_COLUMNS.contains(&super::columns::squash(n).as_str()))?;
    column_names_files(path, kind, map, ids).then_some(ids)
}

/// True when the date column's numeric dates are written month first:
/// among its first 2,000 values, some can only be read month first
/// ("2/13/2017") and none only day first ("13/2/2017"). Day first is the
/// rule otherwise, as in most of the world.
fn dates_month_first(path: &Path, kind: FileKind, map: &ColumnMap) -> bool {
    let Some(col) = map.date else {
        return false;
    };
    let (mut month_first, mut day_first, mut numeric, mut seen) = (0, 0, 0, 0);
    stream(path, kind, map, &mut Vec::new(), &mut |_, row| {
        seen += 1;
        match row
            .get(col)
            .and_then(|v| crate::article::numeric_month_first(v))
        {
            Some(Some(true)) => month_first += 1,
            Some(Some(false)) => day_first += 1,
            Some(None) => numeric += 1,
            None => {}
        }
        // A column of ISO dates or names of months is settled soon.
        let numeric_dates = numeric + month_first + day_first > 0;
        seen < 2000 && day_first == 0 && (numeric_dates || seen < 100)
    });
    month_first > 0 && day_first == 0
}

/// True when one of the first 20 values of column `col` names a file
/// beside the record file (`sidecar_target`).
fn column_names_files(path: &Path, kind: FileKind, map: &ColumnMap, col: usize) -> bool {
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut checked = 0;
    let mut found = false;
    stream(path, kind, map, &mut Vec::new(), &mut |_, row| {
        checked += 1;
        found = row
            .get(col)
            .is_some_and(|v| !v.trim().is_empty() && sidecar_target(folder, v.trim()).is_some());
        !found && checked < 20
    });
    found
}

/// Streams the records of a file to `emit` as (1-based record number, row).
/// `emit` returns false to stop early (cancellation). Bad records are
/// reported and skipped; a broken CSV quote stops the file after the records
/// before it.
pub fn stream(
    path: &Path,
    kind: FileKind,
    map: &ColumnMap,
    problems: &mut Vec<Problem>,
    emit: &mut dyn FnMut(u32, Row) -> bool,
) {
    let opened = match kind {
        FileKind::Csv => map.dialect.open(path),
        FileKind::JsonLines => {
            dialect::open_utf16_aware(path).map(|f| Box::new(f) as Box<dyn Read + Send>)
        }
        _ => File::open(path).map(|f| Box::new(f) as Box<dyn Read + Send>),
    };
    let file = match opened {
        Ok(f) => f,
        Err(err) => {
            return problems.push(super::file::read_problem(path, &err));
        }
    };
    match kind {
        FileKind::Csv => stream_csv(path, file, map.dialect, problems, emit),
        FileKind::JsonLines => json::stream_jsonl(path, file, map, problems, emit),
        _ => json::stream_document(path, map, problems, emit),
    }
}

fn stream_csv(
    path: &Path,
    file: Box<dyn Read + Send>,
    dialect: CsvDialect,
    problems: &mut Vec<Problem>,
    emit: &mut dyn FnMut(u32, Row) -> bool,
) {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(dialect.delimiter)
        .from_reader(BufReader::with_capacity(256 * 1024, file));
    let mut record = csv::ByteRecord::new();
    let mut number = 0u32;
    // Each record is emitted when the next one has been read: a quote that
    // never closes swallows the rest of the file into the last record,
    // which is only known at the end.
    let mut held: Option<(u32, Row, u64)> = None;
    let mut replaced = 0u32;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                number += 1;
                let mut malformed = false;
                let row = record
                    .iter()
                    .map(|f| {
                        let (text, bad) = dialect.text_checked(f);
                        malformed |= bad;
                        text.into_owned()
                    })
                    .collect();
                replaced += u32::from(malformed);
                let start = record.position().map_or(0, csv::Position::byte);
                if let Some((n, row, _)) = held.replace((number, row, start))
                    && !emit(n, row)
                {
                    return;
                }
            }
            // A quote that closes late shifts the fields, and the record
            // then has the wrong number of them.
            Err(err) if matches!(err.kind(), csv::ErrorKind::UnequalLengths { .. }) => {
                number += 1;
                let line = err.position().map_or(0, csv::Position::line);
                let reason = format!(
                    "record {number} (line {line}) has the wrong number of fields, probably a broken quote; it was skipped"
                );
                problems.push(Problem::new(path, ProblemKind::PartlyRead, reason));
            }
            Err(err) => {
                let reason = format!(
                    "CSV error after record {number}: {err}; the records before it were loaded"
                );
                problems.push(Problem::new(path, ProblemKind::PartlyRead, reason));
                break;
            }
        }
    }
    if replaced > 0 {
        problems.push(replaced_problem(path, replaced));
    }
    let Some((n, row, start)) = held else { return };
    if unclosed_quote_from(path, &dialect, start) {
        let reason = format!(
            "record {n} opens a quote that never closes; it and the rest of the file were skipped, the records before it were loaded"
        );
        problems.push(Problem::new(path, ProblemKind::PartlyRead, reason));
    } else {
        emit(n, row);
    }
}

/// The report of records whose malformed bytes were replaced.
pub(super) fn replaced_problem(path: &Path, records: u32) -> Problem {
    let reason = format!(
        "malformed bytes in {records} record(s) were replaced with \u{fffd} (a damaged file, or one that mixes encodings)"
    );
    Problem::new(path, ProblemKind::PartlyRead, reason)
}

/// True when the bytes from `start` to the end of the file (as the CSV
/// reader saw them) hold an odd number of double quotes: the last record's
/// quote never closed (escaped quotes come in pairs).
fn unclosed_quote_from(path: &Path, dialect: &CsvDialect, start: u64) -> bool {
    let Ok(mut file) = dialect.open(path) else {
        return false;
    };
    // Skipped by reading: a decoder cannot seek.
    if std::io::copy(&mut (&mut file).take(start), &mut std::io::sink()).is_err() {
        return false;
    }
    let mut quotes = 0usize;
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match file.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => quotes += memchr::memchr_iter(b'"', &buf[..n]).count(),
        }
    }
    quotes % 2 == 1
}

/// The file a sidecar row names, as a canonical path: the name joined to
/// the sidecar's folder (then with Windows separators read as `/`), or,
/// for a name without an extension ("article_0001"), the one article file
/// of that name with an extension we read. `None` when there is no such
/// file, or several.
fn sidecar_target(folder: &Path, name: &str) -> Option<std::path::PathBuf> {
    let target = folder.join(name);
    if let Ok(canonical) = std::fs::canonicalize(&target) {
        return Some(canonical);
    }
    let target = if name.contains('\\') && !name.contains('/') {
        folder.join(name.replace('\\', "/"))
    } else {
        target
    };
    if target.extension().is_some() {
        return std::fs::canonicalize(&target).ok();
    }
    let mut found = ["txt", "text", "md", "html", "htm"]
        .into_iter()
        .filter_map(|ext| std::fs::canonicalize(target.with_extension(ext)).ok());
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// Metadata a sidecar gives for one file.
#[derive(Clone, Debug, Default)]
pub struct SidecarEntry {
    pub sidecar: SourceName,
    pub map: ColumnMap,
    pub row: Row,
}

/// The files of a load by file name and by stem, for sidecar rows that
/// give a bare name ("a1.txt", "a1") for a file in a subfolder of the
/// sidecar's folder, as exports of a tree of articles often do.
#[derive(Debug, Default)]
pub struct FilesByName {
    by_name: HashMap<std::ffi::OsString, Vec<std::path::PathBuf>>,
    by_stem: HashMap<std::ffi::OsString, Vec<std::path::PathBuf>>,
    /// Lowercase names and stems, for rows written in another case
    /// ("Article_A.TXT" for `article_a.txt`).
    by_lower: HashMap<String, Vec<std::path::PathBuf>>,
}

/// Why a sidecar row's file was not found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Miss {
    /// No file has that name.
    Absent,
    /// Files of that name are in several subfolders.
    Several,
}

impl FilesByName {
    pub fn new<'p>(paths: impl IntoIterator<Item = &'p Path>) -> Self {
        let mut files = Self::default();
        for path in paths {
            if let Some(name) = path.file_name() {
                let entry = files.by_name.entry(name.to_owned()).or_default();
                entry.push(path.to_path_buf());
            }
            if let Some(stem) = path.file_stem() {
                let entry = files.by_stem.entry(stem.to_owned()).or_default();
                entry.push(path.to_path_buf());
            }
            let lower = [path.file_name(), path.file_stem()]
                .into_iter()
                .flatten()
                .map(|n| n.to_string_lossy().to_lowercase());
            for key in lower.collect::<std::collections::BTreeSet<_>>() {
                files
                    .by_lower
                    .entry(key)
                    .or_default()
                    .push(path.to_path_buf());
            }
        }
        files
    }

    /// The one file under `folder` that `name` names (by its stem when it
    /// has no extension; in any case when no name matches exactly), as a
    /// canonical path.
    fn find(&self, folder: &Path, name: &str) -> Result<std::path::PathBuf, Miss> {
        let name = name.replace('\\', "/");
        let (dir, file) = match name.rsplit_once('/') {
            Some((dir, file)) => (folder.join(dir), file),
            None => (folder.to_path_buf(), name.as_str()),
        };
        let table = match Path::new(file).extension() {
            Some(_) => &self.by_name,
            None => &self.by_stem,
        };
        let exact = table.get(std::ffi::OsStr::new(file));
        let candidates = exact.or_else(|| self.by_lower.get(&file.to_lowercase()));
        let mut under = candidates
            .into_iter()
            .flatten()
            .filter(|p| p.starts_with(&dir));
        let first = under.next().ok_or(Miss::Absent)?;
        if under.next().is_some() {
            return Err(Miss::Several);
        }
        std::fs::canonicalize(first).map_err(|_| Miss::Absent)
    }
}

/// Reads a sidecar into `entries`, keyed by the named file's path (joined
/// to the sidecar's folder, or else found by its name in a subfolder of it
/// among `files`, which is built at the first such row).
pub fn read_sidecar<'f>(
    path: &Path,
    kind: FileKind,
    map: &ColumnMap,
    files: &dyn Fn() -> &'f FilesByName,
    entries: &mut HashMap<std::path::PathBuf, SidecarEntry>,
    problems: &mut Vec<Problem>,
) {
    let folder = path.parent().unwrap_or(Path::new("."));
    let Some(file_col) = map.file else { return };
    let sidecar = SourceName::from(path.to_string_lossy().into_owned());
    // Names not found, and names found in several subfolders.
    let mut missing: [(usize, Vec<String>); 2] = Default::default();
    stream(path, kind, map, problems, &mut |_, row| {
        if let Some(name) = row.get(file_col).filter(|n| !n.trim().is_empty()) {
            let target = sidecar_target(folder, name.trim())
                .ok_or(Miss::Absent)
                .or_else(|_| files().find(folder, name.trim()));
            let canonical = match target {
                Ok(canonical) => canonical,
                Err(miss) => {
                    let (count, names) = &mut missing[usize::from(miss == Miss::Several)];
                    *count += 1;
                    if names.len() < 10 {
                        names.push(name.trim().to_owned());
                    }
                    return true;
                }
            };
            entries.insert(
                canonical,
                SidecarEntry {
                    sidecar: sidecar.clone(),
                    map: map.clone(),
                    row,
                },
            );
        }
        true
    });
    let [(absent, absent_names), (several, several_names)] = missing;
    if absent > 0 {
        let reason = format!(
            "{absent} row(s) name files that are not in its folder or below it ({})",
            absent_names.join(", ")
        );
        problems.push(Problem::new(path, ProblemKind::PartlyRead, reason));
    }
    if several > 0 {
        let reason = format!(
            "{several} row(s) name files found in several of its subfolders or with several extensions, so which one is meant is not known ({}); give their paths",
            several_names.join(", ")
        );
        problems.push(Problem::new(path, ProblemKind::PartlyRead, reason));
    }
}
