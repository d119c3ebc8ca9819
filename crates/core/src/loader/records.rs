//! Streaming one-article-per-record exports (CSV, JSON Lines) and sidecars.
//!
//! Records are read one at a time and handed to a callback, so a 300 MB
//! export is never held in memory as a whole. A file whose columns include
//! a text column is an article export; one without text but with a file
//! name column is a sidecar that supplies metadata for files beside it;
//! anything else is skipped with a message.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use crate::fields::SourceName;

use super::columns::ColumnMap;
use super::dialect::CsvDialect;
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

/// How many lines of a JSON Lines file are read for its keys.
const HEADER_PROBE_LINES: usize = 100;

/// Reads the column names of a CSV or JSON Lines file, and how a CSV
/// file is written.
fn header(path: &Path, kind: FileKind) -> Result<(Vec<String>, CsvDialect), String> {
    let file = File::open(path).map_err(|e| e.to_string())?;
    match kind {
        FileKind::Csv => {
            let dialect = CsvDialect::of(path)?;
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
        _ => Ok((jsonl_keys(BufReader::new(file))?, CsvDialect::default())),
    }
}

/// The keys of the first JSON objects of a JSON Lines file (the union over
/// up to ten objects, as fields may be missing from some). Bad lines among
/// them are passed over (and reported when the records are read), so one
/// broken first line does not lose the file.
fn jsonl_keys(reader: impl BufRead) -> Result<Vec<String>, String> {
    let mut keys: Vec<String> = Vec::new();
    let mut first_error = None;
    let mut objects = 0;
    for line in reader.split(b'\n').take(HEADER_PROBE_LINES) {
        let line = line.map_err(|e| e.to_string())?;
        let text = String::from_utf8_lossy(&line);
        let text = text.trim().trim_start_matches('\u{feff}');
        if text.is_empty() {
            continue;
        }
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(serde_json::Value::Object(map)) => {
                objects += 1;
                for (key, value) in &map {
                    add_key(&mut keys, key.clone());
                    // One level of nesting, as "fields.bodyText": APIs such
                    // as the Guardian's put the text in an object.
                    if let serde_json::Value::Object(inner) = value {
                        for inner_key in inner.keys() {
                            add_key(&mut keys, format!("{key}.{inner_key}"));
                        }
                    }
                }
                if objects >= 10 {
                    break;
                }
            }
            Ok(_) => {
                first_error.get_or_insert_with(|| "lines are not JSON objects".to_owned());
            }
            Err(e) => {
                first_error.get_or_insert_with(|| format!("not JSON: {e}"));
            }
        }
    }
    if objects > 0 {
        return Ok(keys);
    }
    Err(first_error.map_or_else(
        || "empty file".to_owned(),
        |e| format!("no JSON object in the first {HEADER_PROBE_LINES} lines ({e})"),
    ))
}

fn add_key(keys: &mut Vec<String>, key: String) {
    if !keys.contains(&key) {
        keys.push(key);
    }
}

/// The value of column `name` in a JSON object: a key of the object, or a
/// nested key as "parent.child" (see [`jsonl_keys`]).
fn json_column<'v>(
    object: &'v serde_json::Map<String, serde_json::Value>,
    name: &str,
) -> Option<&'v serde_json::Value> {
    object.get(name).or_else(|| {
        let (parent, child) = name.split_once('.')?;
        object.get(parent)?.get(child)
    })
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
    let (names, dialect) =
        header(path, kind).map_err(|reason| Problem::new(path, ProblemKind::Skipped, reason))?;
    let map = ColumnMap {
        dialect,
        ..ColumnMap::from_names(&names)
    };
    if map.text.is_some() {
        Ok(Role::Articles(map))
    } else if map.file.is_some() {
        Ok(Role::Sidecar(map))
    } else {
        let reason = format!(
            "no text column and no file-name column (columns: {})",
            names.join(", ")
        );
        Err(Problem::new(path, ProblemKind::Skipped, reason))
    }
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
    let file = match File::open(path) {
        Ok(f) => f,
        Err(err) => {
            return problems.push(super::file::read_problem(path, &err));
        }
    };
    match kind {
        FileKind::Csv => stream_csv(path, file, map.dialect, problems, emit),
        _ => stream_jsonl(path, file, map, problems, emit),
    }
}

fn stream_csv(
    path: &Path,
    file: File,
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
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                number += 1;
                let row = record
                    .iter()
                    .map(|f| dialect.text(f).into_owned())
                    .collect();
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
    let Some((n, row, start)) = held else { return };
    if unclosed_quote_from(path, start) {
        let reason = format!(
            "record {n} opens a quote that never closes; it and the rest of the file were skipped, the records before it were loaded"
        );
        problems.push(Problem::new(path, ProblemKind::PartlyRead, reason));
    } else {
        emit(n, row);
    }
}

/// True when the bytes from `start` to the end of the file hold an odd
/// number of double quotes: the last record's quote never closed (escaped
/// quotes come in pairs).
fn unclosed_quote_from(path: &Path, start: u64) -> bool {
    use std::io::{Read, Seek, SeekFrom};
    let Ok(mut file) = File::open(path) else {
        return false;
    };
    if file.seek(SeekFrom::Start(start)).is_err() {
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

fn stream_jsonl(
    path: &Path,
    file: File,
    map: &ColumnMap,
    problems: &mut Vec<Problem>,
    emit: &mut dyn FnMut(u32, Row) -> bool,
) {
    let reader = BufReader::with_capacity(256 * 1024, file);
    let mut number = 0u32;
    let mut bad_lines = Vec::new();
    for (line_no, line) in reader.split(b'\n').enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(err) => {
                problems.push(Problem::new(
                    path,
                    ProblemKind::PartlyRead,
                    format!("read error at line {}: {err}", line_no + 1),
                ));
                break;
            }
        };
        let text = String::from_utf8_lossy(&line);
        let text = text.trim().trim_start_matches('\u{feff}');
        if text.is_empty() {
            continue;
        }
        number += 1;
        let Ok(serde_json::Value::Object(object)) = serde_json::from_str::<serde_json::Value>(text)
        else {
            bad_lines.push(line_no + 1);
            continue;
        };
        let row = map
            .names
            .iter()
            .map(|name| {
                json_column(&object, name)
                    .map(json_text)
                    .unwrap_or_default()
            })
            .collect();
        if !emit(number, row) {
            break;
        }
    }
    if !bad_lines.is_empty() {
        let shown: Vec<String> = bad_lines.iter().take(10).map(usize::to_string).collect();
        let reason = format!(
            "{} line(s) are not JSON objects and were skipped (line {})",
            bad_lines.len(),
            shown.join(", ")
        );
        problems.push(Problem::new(path, ProblemKind::PartlyRead, reason));
    }
}

fn json_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => {
            items.iter().map(json_text).collect::<Vec<_>>().join(", ")
        }
        // NewsAPI's `"source": {"id": "reuters", "name": "Reuters"}`, the
        // New York Times' `"headline": {"main": ...}` and `"byline":
        // {"original": "By ..."}` and the like: the object's own name or
        // text, else the JSON itself.
        serde_json::Value::Object(object) => ["name", "text", "value", "title", "main", "original"]
            .iter()
            .find_map(|key| object.get(*key).filter(|v| v.is_string()))
            .map_or_else(|| value.to_string(), json_text),
        other => other.to_string(),
    }
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

/// Reads a sidecar into `entries`, keyed by the named file's path (joined
/// to the sidecar's folder).
pub fn read_sidecar(
    path: &Path,
    kind: FileKind,
    map: &ColumnMap,
    entries: &mut HashMap<std::path::PathBuf, SidecarEntry>,
    problems: &mut Vec<Problem>,
) {
    let folder = path.parent().unwrap_or(Path::new("."));
    let Some(file_col) = map.file else { return };
    let sidecar = SourceName::from(path.to_string_lossy().into_owned());
    let mut missing: Vec<String> = Vec::new();
    let mut missing_count = 0usize;
    stream(path, kind, map, problems, &mut |_, row| {
        if let Some(name) = row.get(file_col).filter(|n| !n.trim().is_empty()) {
            let Some(canonical) = sidecar_target(folder, name.trim()) else {
                missing_count += 1;
                if missing.len() < 10 {
                    missing.push(name.trim().to_owned());
                }
                return true;
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
    if missing_count > 0 {
        let reason = format!(
            "{missing_count} row(s) name files that are not in its folder ({})",
            missing.join(", ")
        );
        problems.push(Problem::new(path, ProblemKind::PartlyRead, reason));
    }
}
