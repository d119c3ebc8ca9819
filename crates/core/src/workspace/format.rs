//! Writing a workspace as readable, diff-friendly RON.
//!
//! `ron`'s pretty printer puts every struct field on its own line, which
//! would make 100,000 sources 600,000 lines. So the top level is assembled
//! here: each source is one compact line, and the overlay and session are
//! pretty-printed and indented beneath their field. Strings are escaped
//! (`escape_strings`), so no value spans lines and indenting is safe.

use std::fmt::Write as _;

use ron::ser::PrettyConfig;

use super::{FORMAT_VERSION, Workspace};

const INDENT: &str = "    ";

/// The workspace as RON text.
pub fn to_ron_string(ws: &Workspace) -> Result<String, ron::Error> {
    let line = PrettyConfig::new()
        .compact_structs(true)
        .compact_arrays(true)
        .compact_maps(true);
    let mut out = String::with_capacity(256 + ws.sources.len() * 128);
    let _ = writeln!(
        out,
        "// wirescope workspace, format {FORMAT_VERSION}. Source paths are relative to this\n\
         // file's folder when the files lie below it. No article text is stored here."
    );
    out.push_str("Workspace(\n");
    field(&mut out, "version", &ron::to_string(&ws.version)?);
    field(&mut out, "name", &ron::to_string(&ws.name)?);
    field(&mut out, "note", &ron::to_string(&ws.note)?);
    if ws.sources.is_empty() {
        field(&mut out, "sources", "[]");
    } else {
        let _ = writeln!(out, "{INDENT}sources: [");
        for source in &ws.sources {
            out.push_str(INDENT);
            out.push_str(INDENT);
            ron::ser::to_writer_pretty(&mut out, source, line.clone())?;
            out.push_str(",\n");
        }
        let _ = writeln!(out, "{INDENT}],");
    }
    let sidecars = ws
        .sidecars
        .iter()
        .map(ron::to_string)
        .collect::<Result<Vec<_>, _>>()?;
    list(&mut out, "sidecars", &sidecars);
    // One line per document entry: a correction is one line in a diff.
    field(&mut out, "overlay", &pretty(&ws.overlay, 2)?);
    field(&mut out, "session", &pretty(&ws.session, usize::MAX)?);
    out.push_str(")\n");
    Ok(out)
}

/// A value pretty-printed down to `depth` levels (compact below), with its
/// continuation lines indented one level.
fn pretty<T: serde::Serialize>(value: &T, depth: usize) -> Result<String, ron::Error> {
    let config = PrettyConfig::new().indentor(INDENT).depth_limit(depth);
    let text = ron::ser::to_string_pretty(value, config)?;
    Ok(text.replace('\n', &format!("\n{INDENT}")))
}

fn field(out: &mut String, name: &str, value: &str) {
    let _ = writeln!(out, "{INDENT}{name}: {value},");
}

fn list(out: &mut String, name: &str, items: &[String]) {
    if items.is_empty() {
        field(out, name, "[]");
        return;
    }
    let _ = writeln!(out, "{INDENT}{name}: [");
    for item in items {
        let _ = writeln!(out, "{INDENT}{INDENT}{item},");
    }
    let _ = writeln!(out, "{INDENT}],");
}
