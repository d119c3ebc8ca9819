//! Messages saved as text: e-mail (`.eml`, the SpamAssassin corpus, press
//! releases and newsletters kept from an inbox) and Usenet posts (the 20
//! Newsgroups corpus). They open with RFC 5322 header lines:
//!
//! ```text
//! From: Jane Doe <jane@example.org>
//! Subject: Floods displace thousands in Sindh
//! Date: Sat, 26 Sep 2020 10:15:00 +0500
//! Message-ID: <1234@example.org>
//!
//! KARACHI: Floods displaced...
//! ```
//!
//! The headers are the message's metadata, not its text: read as an
//! article's lines, "Received: from..." and message ids would be counted as
//! words and the first header taken for the headline. Here Subject is the
//! headline, Date the publication date and From the byline; the header
//! lines are left empty in the text the article parser reads (so line
//! numbers stay the file's), and a MIME body (multipart, base64,
//! quoted-printable, HTML) is decoded by `mail-parser`, its text parts kept
//! and its attachments left out.

use std::sync::LazyLock;

use chrono::NaiveDate;
use mail_parser::{Encoding, HeaderName, MessageParser, PartType};

/// Most header lines a message may have: a mail that has passed many relays
/// has a few dozen; more than this is not a header block.
const MAX_HEADER_LINES: usize = 400;

/// A message split into its header fields and the text to parse as an
/// article.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Mail {
    /// Empty lines where the headers were, then the body as text.
    pub text: String,
    /// Each field with the 0-based line of its header.
    pub subject: Option<(String, u32)>,
    pub date: Option<(NaiveDate, u32)>,
    pub from: Option<(String, u32)>,
}

/// A parser of the headers read here and those a MIME body needs; others
/// (a mail's dozens of Received lines) are skipped, not parsed.
static PARSER: LazyLock<MessageParser> = LazyLock::new(|| {
    MessageParser::new()
        .with_mime_headers()
        .header_text(HeaderName::Subject)
        .header_date(HeaderName::Date)
        .header_address(HeaderName::From)
        .default_header_ignore()
});

/// Where the header block ends and which headers it has.
#[derive(Debug, Default)]
struct HeaderBlock {
    /// Lines of the block, the blank line after it included.
    lines: usize,
    /// Byte offset of the body.
    body_at: usize,
    /// Header lines (not counting continuations nor an mbox `From ` line).
    headers: usize,
    subject: Option<u32>,
    date: Option<u32>,
    from: Option<u32>,
    /// A header only messages have (Message-ID, Received, MIME-Version...).
    mail_only: bool,
    /// The body needs MIME decoding (multipart, an encoding, HTML).
    mime: bool,
}

impl HeaderBlock {
    /// True when the block is a message's headers, not an article's
    /// opening lines that happen to have colons ("Title: ...").
    fn is_mail(&self) -> bool {
        self.headers >= 2
            && (self.mail_only
                || (self.from.is_some() && (self.subject.is_some() || self.date.is_some())))
    }
}

/// The message in `text`, if it opens with a header block.
pub(super) fn split(text: &str) -> Option<Mail> {
    let block = header_block(text)?;
    if !block.is_mail() {
        return None;
    }
    let parser = &*PARSER;
    let head = &text.as_bytes()[..block.body_at];
    let message = if block.mime {
        parser.parse(text.as_bytes())?
    } else {
        parser.parse_headers(head)?
    };
    let mut out = "\n".repeat(block.lines);
    if block.mime {
        push_text_parts(&message, text, &mut out);
    } else {
        out.push_str(&text[block.body_at..]);
    }
    let subject = message
        .subject()
        .map(|s| crate::text::normalize_text(s.trim()))
        .filter(|s| !s.is_empty());
    // RFC 5322 dates first; then the looser forms some mailers write
    // ("26 Sep 2020 08:00 GMT"), as a page's date line would be read.
    let date = message
        .date()
        .and_then(|d| NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()))
        .filter(|d| (1900..=2200).contains(&chrono::Datelike::year(d)))
        .or_else(|| crate::article::parse_column_date(message.header_raw("Date")?));
    let from = message.from().and_then(|a| a.first()).and_then(|addr| {
        let name = addr
            .name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty());
        let who = name.or(addr.address.as_deref())?;
        Some(crate::text::normalize_text(who.trim_matches(['"', '\''])))
    });
    Some(Mail {
        text: out,
        subject: subject.zip(block.subject),
        date: date.zip(block.date),
        from: from.filter(|f| !f.is_empty()).zip(block.from),
    })
}

/// Appends the message's readable parts: its text parts as they are, HTML
/// parts (when the message has no plain-text alternative) as paragraphs.
///
/// `text` is the message as the loader decoded it, already UTF-8: a part
/// not transfer-encoded is taken from it as it is, since decoding its bytes
/// again by the charset the part declares ("iso-8859-1") would garble
/// them. A base64 or quoted-printable part holds the original bytes, so
/// mail-parser's decoding by charset is right for it.
fn push_text_parts(message: &mail_parser::Message<'_>, text: &str, out: &mut String) {
    for part in message.text_bodies() {
        let as_written = (part.encoding == Encoding::None)
            .then(|| text.get(part.offset_body as usize..part.offset_end as usize))
            .flatten();
        let readable = match (&part.body, as_written) {
            (PartType::Text(_), Some(written)) => written.replace("\r\n", "\n"),
            (PartType::Text(decoded), None) => decoded.replace("\r\n", "\n"),
            (PartType::Html(_), Some(written)) => crate::article::fragment_text(written),
            (PartType::Html(decoded), None) => crate::article::fragment_text(decoded),
            _ => continue,
        };
        if !out.ends_with("\n\n") {
            out.push('\n');
        }
        out.push_str(&crate::text::normalize_text(&readable));
    }
}

/// Scans the header block at the top of `text`: `Name: value` lines (a name
/// is any printable ASCII but spaces, as RFC 5322 has it: mailers write
/// `X-PGP-Key_2` and `>Received`) and
/// their indented continuations, up to the first empty line, optionally
/// after an mbox `From ` line. `None` as soon as a line is neither.
fn header_block(text: &str) -> Option<HeaderBlock> {
    let mut block = HeaderBlock::default();
    let mut at = 0;
    for (n, raw) in text.split_inclusive('\n').enumerate() {
        if n == MAX_HEADER_LINES {
            return None;
        }
        let line = raw.trim_end_matches(['\n', '\r']);
        at += raw.len();
        if line.is_empty() {
            block.lines = n + 1;
            block.body_at = at;
            return Some(block);
        }
        if n == 0 && line.starts_with("From ") {
            block.mail_only = true;
            continue;
        }
        if line.starts_with([' ', '\t']) {
            if block.headers == 0 {
                return None;
            }
            continue;
        }
        let (name, value) = line.split_once(':')?;
        if name.is_empty() || name.len() > 64 || !name.bytes().all(|b| b.is_ascii_graphic()) {
            return None;
        }
        block.headers += 1;
        note_header(
            &mut block,
            name,
            value.trim(),
            u32::try_from(n).unwrap_or(u32::MAX),
        );
    }
    // Headers and no body.
    block.lines = text.split_inclusive('\n').count();
    block.body_at = text.len();
    Some(block)
}

/// Records what one header line tells about the block.
fn note_header(block: &mut HeaderBlock, name: &str, value: &str, line: u32) {
    let is = |known: &str| name.eq_ignore_ascii_case(known);
    if is("subject") {
        block.subject.get_or_insert(line);
    } else if is("date") {
        block.date.get_or_insert(line);
    } else if is("from") {
        block.from.get_or_insert(line);
    } else if [
        "message-id",
        "received",
        "return-path",
        "mime-version",
        "newsgroups",
        "in-reply-to",
        "delivered-to",
    ]
    .iter()
    .any(|k| is(k))
    {
        block.mail_only = true;
    } else if is("content-type") {
        let value = value.to_ascii_lowercase();
        block.mime |= value.starts_with("multipart/") || value.starts_with("text/html");
    } else if is("content-transfer-encoding") {
        let value = value.to_ascii_lowercase();
        block.mime |= value.starts_with("base64") || value.starts_with("quoted-printable");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn headers_give_the_fields_and_stay_out_of_the_text() {
        let text = "From jane@example.org  Sat Sep 26 10:15:00 2020\r\n\
                    From: \"Jane Doe\" <jane@example.org>\r\n\
                    Subject: Floods displace\r\n thousands in Sindh\r\n\
                    Date: Sat, 26 Sep 2020 10:15:00 +0500\r\n\
                    Message-ID: <1@example.org>\r\n\
                    \r\n\
                    KARACHI: Floods displaced thousands.\r\n";
        let mail = split(text).expect("a mail");
        assert_eq!(
            mail.subject,
            Some(("Floods displace thousands in Sindh".to_owned(), 2))
        );
        assert_eq!(mail.date, Some((date(2020, 9, 26), 4)));
        assert_eq!(mail.from, Some(("Jane Doe".to_owned(), 1)));
        assert_eq!(
            mail.text,
            "\n".repeat(7) + "KARACHI: Floods displaced thousands.\r\n"
        );
    }

    #[test]
    fn a_mime_body_keeps_its_text_and_drops_attachments() {
        let text = "From: AFP <news@afp.example>\n\
                    Subject: =?UTF-8?Q?Caf=C3=A9_owners_protest?=\n\
                    Date: 26 Sep 2020 08:00 GMT\n\
                    MIME-Version: 1.0\n\
                    Content-Type: multipart/mixed; boundary=\"XX\"\n\
                    \n\
                    --XX\n\
                    Content-Type: text/plain; charset=utf-8\n\
                    Content-Transfer-Encoding: quoted-printable\n\
                    \n\
                    PARIS: Caf=C3=A9 owners protested on Saturday.\n\
                    --XX\n\
                    Content-Type: application/octet-stream\n\
                    Content-Transfer-Encoding: base64\n\
                    \n\
                    UEsDBBQAAAAIAAAAIQBzZWNyZXQ=\n\
                    --XX--\n";
        let mail = split(text).expect("a mail");
        assert_eq!(mail.subject.unwrap().0, "Café owners protest");
        assert_eq!(mail.date.unwrap().0, date(2020, 9, 26));
        assert_eq!(mail.from.unwrap().0, "AFP");
        assert!(mail.text.starts_with(&"\n".repeat(6)), "{:?}", mail.text);
        assert!(
            mail.text
                .contains("PARIS: Café owners protested on Saturday.")
        );
        assert!(!mail.text.contains("UEsDB"), "{:?}", mail.text);
    }

    #[test]
    fn an_eight_bit_part_is_read_as_the_file_was_decoded() {
        // The loader has decoded the file to UTF-8 already: the part's
        // declared charset no longer applies to its bytes.
        let text = "From: desk@example.org\nSubject: Cafés\nMIME-Version: 1.0\n\
                    Content-Type: multipart/alternative; boundary=\"b\"\n\n--b\n\
                    Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\n\
                    Café owners protested.\n--b--\n";
        let mail = split(text).expect("a mail");
        assert!(
            mail.text.contains("Café owners protested."),
            "{:?}",
            mail.text
        );
    }

    #[test]
    fn an_html_only_message_is_read_as_paragraphs() {
        let text = "From: desk@example.org\nSubject: Briefing\nMIME-Version: 1.0\n\
                    Content-Type: text/html\n\n<html><body><p>First &amp; foremost.</p><p>Second.</p></body></html>\n";
        let mail = split(text).expect("a mail");
        assert!(
            mail.text.contains("First & foremost.\n\nSecond."),
            "{:?}",
            mail.text
        );
        assert_eq!(mail.from.unwrap().0, "desk@example.org");
    }

    #[test]
    fn article_openings_are_not_mail() {
        for text in [
            "close\nThursday April 18, 2024\n\nPutin proposes pact\n",
            "Title: Floods in Sindh\nDate: 2020-09-26\n\nKARACHI: Text.\n",
            "MOSCOW: Russian President Vladimir Putin proposed...\n",
            "Subject: one line\n\nbody\n",
            "",
        ] {
            assert_eq!(split(text), None, "{text:?}");
        }
    }

    #[test]
    fn a_usenet_post_is_mail() {
        let text = "From: jd@uni.edu (John Doe)\nSubject: Re: Election results\n\
                    Organization: University\nLines: 2\n\nThe count is in.\n";
        let mail = split(text).expect("a post");
        assert_eq!(mail.subject.unwrap().0, "Re: Election results");
        assert_eq!(mail.from.unwrap().0, "John Doe");
        assert_eq!(mail.date, None);
    }
}
