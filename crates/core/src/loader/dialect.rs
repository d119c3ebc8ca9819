//! How a CSV file is written: its field delimiter and its encoding.
//!
//! Spreadsheets export "CSV" with the conventions of their locale: in much
//! of Europe the fields are separated by `;` (the comma being the decimal
//! sign) and Excel on Windows writes the ANSI code page (Windows-1252 and
//! its neighbours), not UTF-8. Some tools write tab-separated values under
//! either extension, and Excel's "Unicode text" is UTF-16. All are read off
//! the first 64 KB of the file.

use std::borrow::Cow;
use std::fs::File;
use std::io::Read;
use std::path::Path;

use encoding_rs::{Encoding, UTF_8};
use encoding_rs_io::DecodeReaderBytesBuilder;

/// Bytes of a file read to settle its dialect.
const SAMPLE_BYTES: u64 = 64 * 1024;

/// The delimiter and encoding of a CSV file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CsvDialect {
    pub delimiter: u8,
    /// The encoding of the fields as the CSV reader sees them: UTF-8, or
    /// the single-byte encoding the sample was detected in.
    pub encoding: &'static Encoding,
    /// UTF-16LE or BE when the file is UTF-16 (with a byte order mark, or
    /// without one but with the NUL bytes of ASCII text in UTF-16): it is
    /// then read through a decoder, and its fields come as UTF-8.
    pub utf16: Option<&'static Encoding>,
    /// The file opens with Excel's `sep=;` line, which names the delimiter
    /// and is not the header.
    pub sep_line: bool,
}

impl Default for CsvDialect {
    fn default() -> Self {
        Self {
            delimiter: b',',
            encoding: UTF_8,
            utf16: None,
            sep_line: false,
        }
    }
}

impl CsvDialect {
    /// Reads the dialect of the CSV file at `path`.
    pub fn of(path: &Path) -> Result<Self, String> {
        let mut sample = Vec::new();
        File::open(path)
            .and_then(|f| f.take(SAMPLE_BYTES).read_to_end(&mut sample))
            .map_err(|e| e.to_string())?;
        let utf16 = Encoding::for_bom(&sample)
            .map(|(encoding, _)| encoding)
            .filter(|&e| e != UTF_8)
            .or_else(|| crate::text::sniff_bomless_utf16(&sample));
        if let Some(utf16) = utf16 {
            let (text, _) = utf16.decode_with_bom_removal(&sample);
            let (delimiter, sep_line) = delimiter_and_sep_line(text.as_bytes());
            return Ok(Self {
                delimiter,
                encoding: UTF_8,
                utf16: Some(utf16),
                sep_line,
            });
        }
        let text = sample.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&sample);
        let (delimiter, sep_line) = delimiter_and_sep_line(text);
        Ok(Self {
            delimiter,
            encoding: encoding(&sample),
            utf16: None,
            sep_line,
        })
    }

    /// Opens the file for the CSV reader: as it is, or decoded from UTF-16,
    /// and without Excel's `sep=` line.
    pub fn open(&self, path: &Path) -> std::io::Result<Box<dyn Read + Send>> {
        let file: Box<dyn Read + Send> = match self.utf16 {
            Some(utf16) => Box::new(open_decoded(path, Some(utf16))?),
            None => Box::new(File::open(path)?),
        };
        Ok(if self.sep_line {
            Box::new(SkipFirstLine {
                inner: file,
                done: false,
            })
        } else {
            file
        })
    }

    /// A field's text in this dialect's encoding (malformed bytes replaced).
    pub fn text<'a>(&self, field: &'a [u8]) -> Cow<'a, str> {
        self.text_checked(field).0
    }

    /// [`Self::text`], and whether a malformed byte was replaced.
    pub fn text_checked<'a>(&self, field: &'a [u8]) -> (Cow<'a, str>, bool) {
        if self.encoding == UTF_8 {
            let text = String::from_utf8_lossy(field);
            // Lossy decoding copies only to replace.
            let replaced = matches!(text, Cow::Owned(_));
            (text, replaced)
        } else {
            let (text, replaced) = self.encoding.decode_without_bom_handling(field);
            (text, replaced)
        }
    }

    /// "semicolon-separated, windows-1252" for the load report, or `None`
    /// for the usual comma-separated UTF-8.
    pub fn describe(&self) -> Option<String> {
        let separated = match self.delimiter {
            b';' => Some("semicolon-separated"),
            b'\t' => Some("tab-separated"),
            _ => None,
        };
        let encoding = self
            .utf16
            .or((self.encoding != UTF_8).then_some(self.encoding))
            .map(Encoding::name);
        let parts: Vec<&str> = separated.into_iter().chain(encoding).collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// Opens a record file as a stream of UTF-8: a file in UTF-16 with a byte
/// order mark (Excel's "Unicode text", Windows PowerShell's output) is
/// decoded as it streams, so a large one stays out of memory; any other
/// passes through as it is, without its UTF-8 BOM.
pub fn open_utf16_aware(path: &Path) -> std::io::Result<impl Read + Send + use<>> {
    open_decoded(path, None)
}

/// [`open_utf16_aware`], decoding from `encoding` when the file has no byte
/// order mark to say (UTF-16 found without one).
fn open_decoded(
    path: &Path,
    encoding: Option<&'static Encoding>,
) -> std::io::Result<impl Read + Send + use<>> {
    let file = File::open(path)?;
    Ok(DecodeReaderBytesBuilder::new()
        .encoding(encoding)
        .bom_override(true)
        .utf8_passthru(true)
        .strip_bom(true)
        .build(file))
}

/// A reader without its first line (Excel's `sep=;`).
struct SkipFirstLine<R> {
    inner: R,
    done: bool,
}

impl<R: Read> Read for SkipFirstLine<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while !self.done {
            let n = self.inner.read(buf)?;
            if n == 0 {
                return Ok(0);
            }
            if let Some(end) = memchr::memchr(b'\n', &buf[..n]) {
                self.done = true;
                buf.copy_within(end + 1..n, 0);
                return Ok(n - end - 1);
            }
        }
        self.inner.read(buf)
    }
}

/// The delimiter of a CSV sample (without a byte order mark), and whether
/// it opens with Excel's `sep=X` line, which names it.
fn delimiter_and_sep_line(sample: &[u8]) -> (u8, bool) {
    let first = sample.split(|&b| b == b'\n').next().unwrap_or_default();
    let first = first.strip_suffix(b"\r").unwrap_or(first);
    match first {
        [b's' | b'S', b'e' | b'E', b'p' | b'P', b'=', sep] => (*sep, true),
        _ => (delimiter(sample), false),
    }
}

/// The most frequent of `,`, `;` and tab in the header line, outside
/// quotes; `,` on a tie or when there is none.
fn delimiter(sample: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in sample {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], std::cmp::Reverse(i)));
    match best {
        Some(1) if counts[1] > 0 => b';',
        Some(2) if counts[2] > 0 => b'\t',
        _ => b',',
    }
}

/// UTF-8 when the sample is (a character cut at its end does not count),
/// else the legacy encoding it reads as.
fn encoding(sample: &[u8]) -> &'static Encoding {
    match std::str::from_utf8(sample) {
        Ok(_) => UTF_8,
        Err(e) if e.error_len().is_none() => UTF_8,
        Err(_) if crate::text::mostly_utf8(sample) => UTF_8,
        Err(_) => crate::text::guess_legacy(sample),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_are_read_off_the_header() {
        assert_eq!(delimiter(b"title,date,text\na;b,c"), b',');
        assert_eq!(delimiter(b"title;date;source;text\n\"a,b\";c"), b';');
        assert_eq!(delimiter(b"title\tdate\ttext\n"), b'\t');
        // Separators inside a quoted header name do not count.
        assert_eq!(delimiter(b"\"a;b;c\",date\n"), b',');
        assert_eq!(delimiter(b"text\n"), b',');
        assert_eq!(delimiter(b""), b',');
    }

    #[test]
    fn excel_sep_line_names_the_delimiter_and_is_skipped() {
        assert_eq!(
            delimiter_and_sep_line(b"sep=;\r\ntitle;text\n"),
            (b';', true)
        );
        assert_eq!(delimiter_and_sep_line(b"title;text\n"), (b';', false));
        let mut skipped = String::new();
        let mut reader = SkipFirstLine {
            inner: &b"sep=;\ntitle;text\nA;B\n"[..],
            done: false,
        };
        reader.read_to_string(&mut skipped).unwrap();
        assert_eq!(skipped, "title;text\nA;B\n");
    }

    #[test]
    fn encodings_are_read_off_the_sample() {
        assert_eq!(encoding("titre;texte\nÉté;café".as_bytes()), UTF_8);
        // A sample cut inside a character is still UTF-8.
        assert_eq!(encoding(&"café".as_bytes()[..4]), UTF_8);
        let (latin, _, _) = encoding_rs::WINDOWS_1252
            .encode("titre;texte\nÉté à Paris;Le café de la gare était fermé.\n");
        let dialect = CsvDialect {
            delimiter: b';',
            encoding: encoding(&latin),
            utf16: None,
            sep_line: false,
        };
        assert_eq!(dialect.encoding, encoding_rs::WINDOWS_1252);
        assert_eq!(
            dialect.text(&latin[12..]).lines().next(),
            Some("Été à Paris;Le café de la gare était fermé.")
        );
        assert_eq!(
            dialect.describe().as_deref(),
            Some("semicolon-separated, windows-1252")
        );
        assert_eq!(CsvDialect::default().describe(), None);
    }
}
