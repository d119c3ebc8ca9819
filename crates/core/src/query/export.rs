//! Concordance lines as CSV, for spreadsheets: one row per hit with the
//! document's identity, headline, date, token position and the three
//! context columns.

use std::io::Write;

use super::concord::{Concordance, Context};
use super::search::Hit;
use crate::overlay::Overlay;

/// Hits materialised per chunk, so exporting a million lines keeps memory
/// flat.
const CHUNK: usize = 20_000;

/// Writes a header and one CSV row per hit, in the order given.
pub fn write_csv<W: Write>(
    concordance: &Concordance,
    overlay: &Overlay,
    hits: &[Hit],
    context: Context,
    out: W,
) -> Result<(), csv::Error> {
    let corpus = concordance.corpus();
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record([
        "path",
        "record",
        "title",
        "published",
        "position",
        "left",
        "keyword",
        "right",
    ])?;
    for chunk in hits.chunks(CHUNK) {
        for line in concordance.lines(chunk, context) {
            let doc = corpus.doc(line.hit.doc);
            let fields = corpus.fields(line.hit.doc, overlay);
            let record = doc.key.record.map(|r| r.to_string()).unwrap_or_default();
            let published = fields
                .published
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default();
            writer.write_record([
                &*doc.key.path,
                &record,
                fields.title,
                &published,
                &line.hit.pos.to_string(),
                &line.left,
                &line.keyword,
                &line.right,
            ])?;
        }
    }
    writer.flush()?;
    Ok(())
}
