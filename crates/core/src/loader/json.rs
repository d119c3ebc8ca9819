//! JSON records: JSON Lines files (one object per line, streamed) and JSON
//! documents (`.json`: a list of article objects, an API response that
//! holds one, or a single article), read into the same rows as CSV records.
//!
//! A JSON document cannot be read an object at a time the way lines can,
//! so it is read whole, up to [`MAX_DOCUMENT_BYTES`]; larger ones are
//! refused with a message that suggests JSON Lines.

use std::io::{BufRead, BufReader};
use std::path::Path;

use serde_json::{Map, Value};

use super::columns::ColumnMap;
use super::records::Row;
use super::{Problem, ProblemKind};

/// How many lines of a JSON Lines file are read for its keys.
const HEADER_PROBE_LINES: usize = 100;

/// The largest `.json` document read (it is parsed whole, and a parsed
/// document takes several times its size in memory).
pub const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;

/// The keys of the first JSON objects of a JSON Lines file (the union over
/// up to ten objects, as fields may be missing from some). Bad lines among
/// them are passed over (and reported when the records are read), so one
/// broken first line does not lose the file.
pub(super) fn jsonl_keys(reader: impl BufRead) -> Result<Vec<String>, String> {
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
        match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(map)) => {
                objects += 1;
                collect_keys(&mut keys, &map);
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

/// Adds an object's keys to `keys`, and those of the objects it holds one
/// level down as "parent.child": APIs such as the Guardian's put the text
/// in an object (`fields.bodyText`).
fn collect_keys(keys: &mut Vec<String>, object: &Map<String, Value>) {
    let mut add = |key: String| {
        if !keys.contains(&key) {
            keys.push(key);
        }
    };
    for (key, value) in object {
        add(key.clone());
        if let Value::Object(inner) = value {
            for inner_key in inner.keys() {
                add(format!("{key}.{inner_key}"));
            }
        }
    }
}

/// The value of column `name` in a JSON object: a key of the object, or a
/// nested key as "parent.child" (see [`collect_keys`]).
fn json_column<'v>(object: &'v Map<String, Value>, name: &str) -> Option<&'v Value> {
    object.get(name).or_else(|| {
        let (parent, child) = name.split_once('.')?;
        object.get(parent)?.get(child)
    })
}

/// Streams the objects of a JSON Lines file to `emit` as (1-based record
/// number, row); lines that are not JSON objects are reported and skipped.
pub(super) fn stream_jsonl(
    path: &Path,
    file: impl std::io::Read,
    map: &ColumnMap,
    problems: &mut Vec<Problem>,
    emit: &mut dyn FnMut(u32, Row) -> bool,
) {
    let reader = BufReader::with_capacity(256 * 1024, file);
    let mut number = 0u32;
    let mut bad_lines = Vec::new();
    let mut replaced = 0u32;
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
        let malformed = matches!(text, std::borrow::Cow::Owned(_));
        let text = text.trim().trim_start_matches('\u{feff}');
        if text.is_empty() {
            continue;
        }
        number += 1;
        replaced += u32::from(malformed);
        let Ok(Value::Object(object)) = serde_json::from_str::<Value>(text) else {
            bad_lines.push(line_no + 1);
            continue;
        };
        if !emit(number, row_of(map, &object)) {
            break;
        }
    }
    if replaced > 0 {
        problems.push(super::records::replaced_problem(path, replaced));
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

fn json_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(json_text).collect::<Vec<_>>().join(", "),
        // NewsAPI's `"source": {"id": "reuters", "name": "Reuters"}`, the
        // New York Times' `"headline": {"main": ...}` and `"byline":
        // {"original": "By ..."}` and the like: the object's own name or
        // text, else the JSON itself.
        Value::Object(object) => ["name", "text", "value", "title", "main", "original"]
            .iter()
            .find_map(|key| object.get(*key).filter(|v| v.is_string()))
            .map_or_else(|| value.to_string(), json_text),
        other => other.to_string(),
    }
}

/// The values of a record's columns, by [`ColumnMap::names`].
fn row_of(map: &ColumnMap, object: &Map<String, Value>) -> Row {
    map.names
        .iter()
        .map(|name| json_column(object, name).map(json_text).unwrap_or_default())
        .collect()
}

/// Reads and parses a `.json` document.
fn read_document(path: &Path) -> Result<Value, String> {
    let size = std::fs::metadata(path).map_err(|e| e.to_string())?.len();
    if size > MAX_DOCUMENT_BYTES {
        return Err(format!(
            "a JSON document of {} MiB is too large to read whole (the limit is {} MiB): \
             write it as JSON Lines, one article object per line, which streams",
            size >> 20,
            MAX_DOCUMENT_BYTES >> 20
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    // UTF-8 or UTF-16 (as Windows PowerShell writes files) with a BOM.
    let parsed = match encoding_rs::Encoding::for_bom(&bytes) {
        Some((encoding, bom)) if encoding != encoding_rs::UTF_8 => {
            serde_json::from_str(&encoding.decode_without_bom_handling(&bytes[bom..]).0)
        }
        _ => {
            let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
            serde_json::from_slice(bytes)
        }
    };
    parsed.map_err(|e| format!("not JSON: {e}"))
}

/// True when a lone object has a column that holds an article's text (see
/// [`ColumnMap`]): it is then an article, not a wrapper around a list.
fn has_text_key(object: &Map<String, Value>) -> bool {
    let keys: Vec<String> = object.keys().cloned().collect();
    ColumnMap::from_names(&keys).text.is_some()
}

/// The article objects of a JSON document: the document when it is a list;
/// a lone article object; else the first list of objects found under its
/// keys, nearest first, up to three levels down (NewsAPI's `articles`, the
/// Guardian's `response.results`, the New York Times' `response.docs`).
fn records_of(document: &Value) -> Option<&[Value]> {
    match document {
        Value::Array(items) => Some(items),
        Value::Object(object) if has_text_key(object) => Some(std::slice::from_ref(document)),
        Value::Object(_) => {
            let mut level = vec![document];
            for _ in 0..3 {
                let mut next = Vec::new();
                for value in level {
                    for child in value.as_object().into_iter().flat_map(Map::values) {
                        match child {
                            Value::Array(items) if items.iter().any(Value::is_object) => {
                                return Some(items);
                            }
                            Value::Object(_) => next.push(child),
                            _ => {}
                        }
                    }
                }
                level = next;
            }
            None
        }
        _ => None,
    }
}

/// The column names of a `.json` document's records (the union of the keys
/// of its first objects, as [`jsonl_keys`]).
pub(super) fn document_keys(path: &Path) -> Result<Vec<String>, String> {
    let document = read_document(path)?;
    let records = records_of(&document).ok_or_else(|| {
        let top: Vec<String> = document
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default();
        format!(
            "no list of article objects in it (top-level keys: {})",
            top.join(", ")
        )
    })?;
    let mut keys = Vec::new();
    for object in records.iter().filter_map(Value::as_object).take(10) {
        collect_keys(&mut keys, object);
    }
    if keys.is_empty() {
        return Err("its list holds no objects".to_owned());
    }
    Ok(keys)
}

/// Reads the records of a `.json` document to `emit`, as
/// [`stream_jsonl`] does for lines; items of the list that are not objects
/// are reported and skipped.
pub(super) fn stream_document(
    path: &Path,
    map: &ColumnMap,
    problems: &mut Vec<Problem>,
    emit: &mut dyn FnMut(u32, Row) -> bool,
) {
    let document = match read_document(path) {
        Ok(document) => document,
        Err(reason) => return problems.push(Problem::new(path, ProblemKind::Skipped, reason)),
    };
    let Some(records) = records_of(&document) else {
        return;
    };
    let mut not_objects = 0usize;
    for (number, record) in (1u32..).zip(records) {
        let Some(object) = record.as_object() else {
            not_objects += 1;
            continue;
        };
        if !emit(number, row_of(map, object)) {
            break;
        }
    }
    if not_objects > 0 {
        let reason = format!("{not_objects} item(s) of its list are not objects and were skipped");
        problems.push(Problem::new(path, ProblemKind::PartlyRead, reason));
    }
}
