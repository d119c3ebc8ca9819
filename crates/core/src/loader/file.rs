//! Turning one file (or one record) into a [`Document`].

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::article::{self, ParsedArticle};
use crate::document::{DocKey, Document, SourceKind, SourceStamp};
use crate::fields::{ArticleFields, Field, Provenance};
use crate::text::{DecodedRef, NotText, decode_borrowed, normalize_text};

use super::columns::{ColumnMap, host_of};
use super::mail::Mail;
use super::records::{Row, SidecarEntry};
use super::walk::FileKind;
use super::{Problem, ProblemKind};

/// The stamp of a file's bytes.
pub fn stamp(bytes: &[u8], modified_secs: Option<i64>) -> SourceStamp {
    SourceStamp {
        size_bytes: bytes.len() as u64,
        modified_secs,
        hash: format!("{:016x}", xxhash_rust::xxh3::xxh3_64(bytes)),
    }
}

/// Modification time of a file in seconds since the epoch.
pub fn modified_secs(path: &Path) -> Option<i64> {
    secs_since_epoch(&std::fs::metadata(path).ok()?)
}

/// Modification time in `meta`, in seconds since the epoch.
fn secs_since_epoch(meta: &std::fs::Metadata) -> Option<i64> {
    let modified = meta.modified().ok()?;
    let secs = modified
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    i64::try_from(secs).ok()
}

/// Parses the bytes of a plain-text or HTML article. Returns the document
/// and, when the text was only partly readable, a warning.
///
/// Owned bytes are dropped as soon as a decoded copy replaces them (a
/// legacy encoding, or text that needed normalizing), so a large file is
/// not held twice while it is parsed.
pub fn article_from_bytes(
    display: &str,
    kind: FileKind,
    bytes: Cow<'_, [u8]>,
    stamp: Arc<SourceStamp>,
    sidecar: Option<&SidecarEntry>,
) -> Result<(Document, Option<Problem>), Problem> {
    let path = Path::new(display);
    let content_hash = xxhash_rust::xxh3::xxh3_64(&bytes);
    let decoded = decode_borrowed(&bytes).map_err(|err| match err {
        NotText::Empty => Problem::new(path, ProblemKind::Skipped, "empty file".to_owned()),
        NotText::Binary(what) => {
            Problem::new(path, ProblemKind::Skipped, format!("not text: {what}"))
        }
    })?;
    let DecodedRef {
        text,
        encoding,
        had_errors,
    } = decoded;
    let parsed = match text {
        Cow::Borrowed(text) => parse_article(display, kind, text),
        Cow::Owned(text) => {
            drop(bytes);
            parse_article(display, kind, &text)
        }
    };
    let (parsed, source_kind) = parsed?;
    let ParsedArticle {
        mut fields,
        mut body,
    } = parsed;
    if let Some(entry) = sidecar {
        let page_title = fields.title.clone();
        apply_columns(&mut fields, &entry.map, &entry.row, &|_| {
            Provenance::Sidecar(entry.sidecar.clone())
        });
        body = keep_page_headline(&mut fields, page_title, body);
    }
    let warning = had_errors.then(|| {
        let reason =
            format!("malformed {encoding} bytes were replaced (truncated or mis-encoded file)");
        Problem::new(path, ProblemKind::PartlyRead, reason)
    });
    let (text, body_start) = Document::compose_text_owned(&mut fields.title, body);
    let doc = Document {
        key: DocKey {
            path: display.into(),
            record: None,
        },
        kind: source_kind,
        stamp,
        content_hash,
        fields,
        text,
        body_start,
        encoding,
    };
    Ok((doc, warning))
}

/// One message of a mailbox (see [`super::mbox`]), a record of the file:
/// decoded and parsed as a message file would be. A problem names the
/// message by its number.
pub fn message_document(
    display: &Arc<str>,
    number: u32,
    bytes: Vec<u8>,
    stamp: &Arc<SourceStamp>,
) -> Result<(Document, Option<Problem>), Problem> {
    let numbered = |mut problem: Problem| {
        problem.reason = format!("message {number}: {}", problem.reason);
        problem
    };
    let (mut doc, warning) = article_from_bytes(
        display,
        FileKind::Text,
        Cow::Owned(bytes),
        Arc::clone(stamp),
        None,
    )
    .map_err(numbered)?;
    doc.key = DocKey {
        path: display.clone(),
        record: Some(number),
    };
    doc.kind = SourceKind::Mbox;
    Ok((doc, warning.map(numbered)))
}

/// The body, with the line the parser took for the headline put back at its
/// start when a sidecar or front matter gives another headline; that line
/// then also gives the dateline, when none was found.
///
/// Files listed in a sidecar are often the article's text alone, whose
/// first line is then a sentence of it ("KARACHI: Floods displaced..."),
/// not a headline: replaced by the sidecar's, it would be lost from the
/// text and the counts. A line that is the given headline is not kept
/// twice.
fn keep_page_headline(fields: &mut ArticleFields, page: Field<String>, body: String) -> String {
    let replaced = matches!(
        fields.title.from,
        Provenance::Sidecar(_) | Provenance::Column(_)
    );
    if !replaced {
        return body;
    }
    restore_headline(fields, page, body)
}

/// The body with `page`, the line the parser took for the headline before
/// another headline replaced it, put back at its start (see
/// [`keep_page_headline`]).
fn restore_headline(fields: &mut ArticleFields, page: Field<String>, body: String) -> String {
    let (Provenance::Line(n), Some(line)) = (page.from, page.value) else {
        return body;
    };
    let same = |t: &String| crate::article::same_headline(t, &line);
    if fields.title.get().is_some_and(same) {
        return body;
    }
    opening_dateline(fields, &line, &Provenance::Line(n));
    if body.is_empty() {
        return line;
    }
    Document::compose_text(&line, &body).0
}

/// Parses decoded article text as HTML or plain text by `kind`.
fn parse_article(
    display: &str,
    kind: FileKind,
    text: &str,
) -> Result<(ParsedArticle, SourceKind), Problem> {
    let path = Path::new(display);
    let file_name = path
        .file_name()
        .map_or_else(|| display.to_owned(), |n| n.to_string_lossy().into_owned());
    match kind {
        FileKind::Html => article::parse_html(text, &file_name)
            .map(|parsed| (parsed, SourceKind::Html))
            .map_err(|reason| Problem::new(path, ProblemKind::Skipped, reason)),
        _ => Ok((parse_plain_page(text, &file_name), SourceKind::PlainText)),
    }
}

/// Parses a plain-text page, and its front matter when it has one that
/// names fields (see [`super::front_matter`]): those win over what the
/// text says, as a sidecar's do.
fn parse_plain_page(text: &str, file_name: &str) -> ParsedArticle {
    if let Some(mail) = super::mail::split(text) {
        return parse_mail(mail, file_name);
    }
    let Some(front) = super::front_matter::split(text) else {
        return article::parse_plain(text, file_name);
    };
    let map = ColumnMap::from_names(&front.names);
    let names_fields = [
        map.title, map.date, map.byline, map.outlet, map.url, map.agency,
    ];
    if names_fields.iter().all(Option::is_none) {
        return article::parse_plain(text, file_name);
    }
    let ParsedArticle { mut fields, body } = article::parse_plain(&front.blanked, file_name);
    let page_title = fields.title.clone();
    apply_columns(&mut fields, &map, &front.values, &|ix| map.provenance(ix));
    let body = keep_page_headline(&mut fields, page_title, body);
    ParsedArticle { fields, body }
}

/// Parses a message (see [`super::mail`]): its body as an article, then its
/// headers. The Subject is the headline and the Date the publication date;
/// From is the byline unless the body has one of its own ("By AFP" above a
/// forwarded article), which tells more.
fn parse_mail(mail: Mail, file_name: &str) -> ParsedArticle {
    let ParsedArticle {
        mut fields,
        mut body,
    } = article::parse_plain(&mail.text, file_name);
    let page_title = fields.title.clone();
    if let Some((subject, line)) = mail.subject {
        fields.title = Field::found(subject, Provenance::Line(line));
        body = restore_headline(&mut fields, page_title, body);
    }
    if let Some((date, line)) = mail.date {
        fields.published = Field::found(date, Provenance::Line(line));
        // A message has no capture date: a second date in its body is
        // quoted mail ("Date: ..." of the message replied to).
        if fields.captured.is_found() {
            fields.captured = Field::default();
        }
    }
    if let Some((from, line)) = mail.from.filter(|_| !fields.byline.is_found()) {
        if let Some(agency) = article::byline_agency(&from).filter(|_| !fields.agency.is_found()) {
            fields.agency = Field::found(agency.to_owned(), Provenance::Line(line));
        }
        fields.byline = Field::found(from, Provenance::Line(line));
    }
    ParsedArticle { fields, body }
}

/// The problem for a file that could not be opened or read. A file that
/// was there when the folders were walked and is gone now has vanished.
pub fn read_problem(path: &Path, err: &std::io::Error) -> Problem {
    let reason = match err.kind() {
        std::io::ErrorKind::NotFound => "vanished while loading (not found)".to_owned(),
        std::io::ErrorKind::PermissionDenied => format!("cannot read: permission denied ({err})"),
        _ => format!("cannot read: {err}"),
    };
    Problem::new(path, ProblemKind::Unreadable, reason)
}

/// Reads and parses one article file from disk.
///
/// The file is opened once and its size and modification time come from
/// that handle: a path lookup per `stat` and the `readlink` calls of
/// `canonicalize` were about 5% of a load of many small files.
pub fn read_article(
    path: &Path,
    kind: FileKind,
    max_bytes: u64,
    sidecars: &HashMap<PathBuf, SidecarEntry>,
) -> Result<(Document, Option<Problem>), Problem> {
    let mut file = std::fs::File::open(path).map_err(|e| read_problem(path, &e))?;
    let meta = file.metadata().map_err(|e| read_problem(path, &e))?;
    let size = meta.len();
    if size > max_bytes {
        let reason = format!(
            "too large for one article ({} MiB, limit {} MiB); export it as CSV or JSON Lines with one article per record",
            size >> 20,
            max_bytes >> 20
        );
        return Err(Problem::new(path, ProblemKind::Skipped, reason));
    }
    let bytes = read_all(&mut file, size).map_err(|e| read_problem(path, &e))?;
    let stamp = Arc::new(stamp(&bytes, secs_since_epoch(&meta)));
    article_from_bytes(
        &path.to_string_lossy(),
        kind,
        Cow::Owned(bytes),
        stamp,
        sidecar_of(path, sidecars),
    )
}

/// Reads an open file to the end; `size` (from its metadata) is only the
/// first guess of the buffer's size (a file may grow while it is read).
///
/// Read through `Take`: `File::read_to_end` asks the file for its size and
/// position again first, two system calls per file that the caller has
/// already made (24,000 on a corpus of 12,000 files).
fn read_all(file: &mut std::fs::File, size: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    // One byte more, so that seeing the end does not grow the buffer.
    let guess = usize::try_from(size).unwrap_or(0).saturating_add(1);
    let mut bytes = Vec::with_capacity(guess);
    file.take(u64::MAX).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The sidecar entry of a file. Sidecars are keyed by canonical path;
/// canonicalizing costs a `readlink` per path component, so it is skipped
/// when there are no sidecars at all (the common case).
fn sidecar_of<'a>(
    path: &Path,
    sidecars: &'a HashMap<PathBuf, SidecarEntry>,
) -> Option<&'a SidecarEntry> {
    if sidecars.is_empty() {
        return None;
    }
    let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    sidecars.get(&canonical)
}

/// Builds a document from one CSV / JSON Lines record; `None` when the
/// record has neither text nor a headline.
pub fn record_document(
    display: &Arc<str>,
    kind: FileKind,
    number: u32,
    map: &ColumnMap,
    row: &Row,
    stamp: &Arc<SourceStamp>,
) -> Option<Document> {
    let text_column = map.first_filled(map.text, row);
    let raw_text = text_column.map_or("", |(_, text)| without_truncation_marker(text));
    let body = if article::looks_like_markup(raw_text) {
        normalize_text(&article::fragment_text(raw_text))
    } else {
        normalize_text(raw_text.trim())
    };
    // Exports that joined a page's lines keep its share bar mid-paragraph.
    let body = article::without_share_bars(body);
    let mut fields = ArticleFields::default();
    apply_columns(&mut fields, map, row, &|ix| map.provenance(ix));
    if let Some((column, _)) = text_column {
        opening_dateline(&mut fields, &body, &map.provenance(column));
    }
    // A record without text is still an article (exports often lose
    // bodies, and it has a date and a source to count); only a record with
    // nothing in it at all is skipped and reported.
    if body.is_empty() && !fields.title.is_found() && row.iter().all(|c| c.trim().is_empty()) {
        return None;
    }
    if !fields.title.is_found() && !body.is_empty() {
        let first = body.lines().next().unwrap_or("").trim();
        let title: String = first.chars().take(120).collect();
        let column = text_column.map_or(0, |(column, _)| column);
        fields.title = Field::found(title, map.provenance(column));
    }
    let (text, body_start) = Document::compose_text_owned(&mut fields.title, body);
    Some(Document {
        key: DocKey {
            path: display.clone(),
            record: Some(number),
        },
        kind: match kind {
            FileKind::Csv => SourceKind::Csv,
            FileKind::Json => SourceKind::Json,
            _ => SourceKind::JsonLines,
        },
        stamp: Arc::clone(stamp),
        content_hash: xxhash_rust::xxh3::xxh3_64(text.as_bytes()),
        fields,
        text,
        body_start,
        encoding: "UTF-8",
    })
}

/// `text` without the marker news APIs put where they cut an article short
/// ("... proposed a pact… [+2345 chars]"), whose words are not the article's.
fn without_truncation_marker(text: &str) -> &str {
    let trimmed = text.trim_end();
    let Some(open) = trimmed
        .strip_suffix(" chars]")
        .and_then(|head| head.rfind("[+").map(|at| (head, at)))
        .filter(|(head, at)| {
            let digits = &head[at + 2..];
            !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
        })
        .map(|(_, at)| at)
    else {
        return text;
    };
    trimmed[..open]
        .trim_end()
        .trim_end_matches(['…', '.'])
        .trim_end()
}

/// The place and agency of the dateline opening `text`, for the fields not
/// found yet, recorded as coming `from` there.
fn opening_dateline(fields: &mut ArticleFields, text: &str, from: &Provenance) {
    if fields.dateline.is_found() && fields.agency.is_found() {
        return;
    }
    let Some((place, agency)) = article::opening_dateline(text) else {
        return;
    };
    if let Some(place) = place.filter(|_| !fields.dateline.is_found()) {
        fields.dateline = Field::found(place, from.clone());
    }
    if let Some(agency) = agency.filter(|_| !fields.agency.is_found()) {
        fields.agency = Field::found(agency.to_owned(), from.clone());
    }
}

/// Fills fields from mapped columns (records and sidecars). Column values
/// win over values found in the text: they are curated metadata.
fn apply_columns(
    fields: &mut ArticleFields,
    map: &ColumnMap,
    row: &Row,
    from: &dyn Fn(usize) -> Provenance,
) {
    let cell = |ix: Option<usize>| {
        let (i, value) = map.first_filled(ix, row)?;
        let value = normalize_text(value);
        (!value.is_empty()).then(|| (value, from(i)))
    };
    if let Some((title, p)) = cell(map.title) {
        fields.title = Field::found(title, p);
    }
    if let Some((date, p)) = cell(map.date)
        && let Some(parsed) = article::parse_column_date_in(&date, map.month_first)
    {
        fields.published = Field::found(parsed, p);
    }
    if let Some((outlet, p)) = cell(map.outlet) {
        // A source named as a wire service ("Reuters", "TASS") is the
        // agency too; an agency or byline column below may say otherwise.
        if let Some(agency) = article::normalize_agency(&outlet).filter(|_| !outlet.contains("://"))
        {
            fields.agency = Field::found(agency.to_owned(), p.clone());
        }
        // An address, or a bare host ("www.bbc.co.uk"), is named by its
        // host without "www.", as the URL column's outlet is.
        let bare_host = outlet
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("www."));
        fields.outlet = Field::found(
            host_of(&outlet)
                .filter(|_| outlet.contains("://") || bare_host)
                .unwrap_or(outlet),
            p,
        );
    } else if let Some((url, p)) = cell(map.url)
        && let Some(host) = host_of(&url)
    {
        fields.outlet = Field::found(host, p);
    }
    if let Some((url, p)) = cell(map.url) {
        fields.url = Field::found(url, p);
    }
    if let Some((byline, p)) = cell(map.byline) {
        if let Some(agency) = article::byline_agency(&byline) {
            fields.agency = Field::found(agency.to_owned(), p.clone());
        }
        fields.byline = Field::found(byline, p);
    }
    if let Some((agency, p)) = cell(map.agency) {
        let name = article::normalize_agency(&agency).map_or(agency.clone(), str::to_owned);
        fields.agency = Field::found(name, p);
    }
    if let Some((dateline, p)) = cell(map.dateline) {
        fields.dateline = Field::found(dateline, p);
    }
    if let Some((subtitle, p)) = cell(map.subtitle) {
        fields.subtitle = Field::found(subtitle, p);
    }
}

#[cfg(test)]
mod tests {
    use super::without_truncation_marker;

    #[test]
    fn news_api_truncation_markers_are_cut() {
        assert_eq!(
            without_truncation_marker("Putin proposed a pact on Friday… [+2345 chars]"),
            "Putin proposed a pact on Friday"
        );
        assert_eq!(
            without_truncation_marker("Oil rose...[+12 chars]\n"),
            "Oil rose"
        );
        for kept in [
            "A [+5 chars] note in the text.",
            "Costs [+x chars]",
            "Plain text.",
        ] {
            assert_eq!(without_truncation_marker(kept), kept);
        }
    }
}
