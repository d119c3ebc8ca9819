//! Turning the bytes of a file into clean Unicode text.
//!
//! [`decode_bytes`] detects the encoding (BOMs for UTF-8/UTF-16, then strict
//! UTF-8, then `chardetng` for legacy single-byte encodings), refuses binary
//! data, normalises line endings to `\n` and the text to NFC. The result says
//! which encoding was used and whether anything had to be replaced.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Decoded text plus what the decoder had to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text: NFC, `\n` line endings, no BOM.
    pub text: String,
    /// Name of the encoding used ("UTF-8", "UTF-16LE", "windows-1252"...).
    pub encoding: &'static str,
    /// True when malformed sequences were replaced by U+FFFD.
    pub had_errors: bool,
}

/// Why bytes could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotText {
    #[error("empty file")]
    Empty,
    #[error("binary file ({0})")]
    Binary(&'static str),
}

/// Recognises common binary formats by their magic numbers.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"%PDF-", "PDF document"),
        (b"PK\x03\x04", "ZIP archive or Office document"),
        (b"\x1f\x8b", "gzip archive"),
        (b"BZh", "bzip2 archive"),
        (b"\xfd7zXZ\x00", "xz archive"),
        (b"7z\xbc\xaf\x27\x1c", "7z archive"),
        (b"Rar!\x1a\x07", "RAR archive"),
        (b"\x7fELF", "executable"),
        (b"MZ", "Windows executable"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office document"),
        (b"RIFF", "RIFF media"),
        (b"OggS", "Ogg media"),
        (b"ID3", "MP3 audio"),
        (b"\x00\x00\x01\x00", "icon"),
        (b"SQLite format 3\x00", "SQLite database"),
        (b"\x28\xb5\x2f\xfd", "zstd archive"),
    ];
    MAGIC
        .iter()
        .find(|(m, _)| bytes.starts_with(m))
        .map(|&(_, kind)| kind)
}

/// True when the sample, holding `nuls` NUL bytes, looks like binary data:
/// NUL bytes beyond one and one in a thousand, or many control characters
/// (UTF-16 is handled before this is asked). A stray NUL in a saved page
/// does not make it binary.
fn looks_binary(sample: &[u8], nuls: usize) -> bool {
    if nuls > 1 + sample.len() / 1000 {
        return true;
    }
    // Counted without branches in byte-wide lanes, 255 bytes at a time, so
    // that the count is vectorised: this reads the first 64 KiB of every
    // file loaded.
    let is_control = |b: u8| (b < 0x20) & (b != b'\n') & (b != b'\r') & (b != b'\t') & (b != 0x0c);
    let controls: usize = sample
        .chunks(255)
        .map(|chunk| {
            let n = chunk
                .iter()
                .fold(0u8, |n, &b| n.wrapping_add(u8::from(is_control(b))));
            usize::from(n)
        })
        .sum();
    controls * 20 > sample.len().max(1)
}

/// Detects the encoding of `bytes` and decodes them to NFC text with `\n`
/// line endings.
pub fn decode_bytes(bytes: &[u8]) -> Result<Decoded, NotText> {
    decode_borrowed(bytes).map(|d| Decoded {
        text: d.text.into_owned(),
        encoding: d.encoding,
        had_errors: d.had_errors,
    })
}

/// [`Decoded`] that borrows the input when it needed no change (UTF-8
/// already NFC with `\n` endings: nearly every file), so the loader does
/// not copy each file once more before parsing it.
pub(crate) struct DecodedRef<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static str,
    pub had_errors: bool,
}

/// Like [`decode_bytes`], borrowing `bytes` where it can.
pub(crate) fn decode_borrowed(bytes: &[u8]) -> Result<DecodedRef<'_>, NotText> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(NotText::Empty);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return not_blank(finish(decode_with(encoding, &bytes[bom_len..])));
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(NotText::Binary(kind));
    }
    if let Some(encoding) = sniff_bomless_utf16(bytes) {
        return not_blank(finish(decode_with(encoding, bytes)));
    }
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let nuls = memchr::memchr_iter(0, sample).count();
    if looks_binary(sample, nuls) {
        return Err(NotText::Binary("binary data"));
    }
    if nuls > 0 {
        // Stray NUL bytes are no text: dropped, the rest decoded as usual.
        let kept: Vec<u8> = bytes.iter().copied().filter(|&b| b != 0).collect();
        return decode_borrowed(&kept).map(|d| DecodedRef {
            text: Cow::Owned(d.text.into_owned()),
            ..d
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(finish((Cow::Borrowed(text), UTF_8, false))),
        Err(err) if err.error_len().is_none() && err.valid_up_to() + 4 > bytes.len() => {
            // Only the last character is cut off: a truncated UTF-8 file.
            Ok(finish(decode_with(UTF_8, bytes)))
        }
        Err(_) if mostly_utf8(bytes) => Ok(finish(decode_with(UTF_8, bytes))),
        Err(_) => Ok(finish(decode_with(guess_legacy(bytes), bytes))),
    }
}

/// True when bytes that are not valid UTF-8 still hold at least as many
/// well-formed UTF-8 characters beyond ASCII as malformed bytes: a UTF-8
/// file with a stray byte or two, which is read as UTF-8 (the stray bytes
/// replaced and reported) rather than all of it as a legacy encoding
/// ("CafÃ©"). A legacy file's accented letters are lone bytes, which form
/// UTF-8 characters only by accident.
pub(crate) fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += chunk.invalid().len();
    }
    good > 0 && good >= bad
}

/// A decoded text, or [`NotText::Empty`] when it holds only whitespace
/// (a file that is only a byte order mark).
fn not_blank(decoded: DecodedRef<'_>) -> Result<DecodedRef<'_>, NotText> {
    if decoded.text.trim().is_empty() {
        Err(NotText::Empty)
    } else {
        Ok(decoded)
    }
}

/// Guesses the legacy encoding of bytes that are not UTF-8.
///
/// Only lines holding non-ASCII bytes tell encodings apart, so the detector
/// is fed those lines (up to a budget) rather than the whole file: feeding a
/// 40 MB mostly-ASCII file byte by byte took seconds.
pub(crate) fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    const BUDGET_BYTES: usize = 256 * 1024;
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let mut fed = 0;
    let mut rest = bytes;
    let mut sample = Vec::new();
    while fed < BUDGET_BYTES {
        let Some(first) = rest.iter().position(|b| !b.is_ascii()) else {
            break;
        };
        let start = memchr::memrchr(b'\n', &rest[..first]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &rest[first..]).map_or(rest.len(), |i| first + i + 1);
        detector.feed(&rest[start..end], false);
        if sample.len() < SAMPLE_BYTES {
            sample.extend_from_slice(&rest[start..end]);
        }
        fed += end - start;
        rest = &rest[end..];
    }
    detector.feed(&[], true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
    prefer_windows_1252(guess, &sample)
}

/// Bytes of non-ASCII lines kept to check a Central European guess.
const SAMPLE_BYTES: usize = 16 * 1024;

/// Latin-script encodings that chardetng may pick for Western text whose
/// only non-ASCII bytes are a few symbols.
const OTHER_LATIN: [&Encoding; 4] = [
    encoding_rs::WINDOWS_1250,
    encoding_rs::ISO_8859_2,
    encoding_rs::WINDOWS_1257,
    encoding_rs::ISO_8859_13,
];

/// Windows-1252 instead of another Latin `guess` when that guess makes
/// letters stand alone that Windows-1252 reads as symbols.
///
/// With little evidence chardetng reads a British page whose only
/// non-ASCII bytes are `£` (0xA3) and `»` (0xBB) as Windows-1250, where
/// they are `Ł` and `ť`: "earn Ł650,000", "Home ť World". A letter with no
/// letter on either side is rare in any Latin language written with such
/// letters, and common in these misreadings.
fn prefer_windows_1252(guess: &'static Encoding, sample: &[u8]) -> &'static Encoding {
    if !OTHER_LATIN.contains(&guess) {
        return guess;
    }
    let lone =
        |encoding: &'static Encoding| lone_letters(&encoding.decode_without_bom_handling(sample).0);
    if lone(WINDOWS_1252) < lone(guess) {
        WINDOWS_1252
    } else {
        guess
    }
}

/// Non-ASCII letters with no letter before or after them.
fn lone_letters(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let letter = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(|c| c.is_alphabetic())
    };
    (0..chars.len())
        .filter(|&i| !chars[i].is_ascii() && chars[i].is_alphabetic())
        .filter(|&i| !letter(i.checked_sub(1)) && !letter(Some(i + 1)))
        .count()
}

/// UTF-16 without a BOM: many NULs at alternating positions.
pub(crate) fn sniff_bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 || memchr::memchr(0, sample).is_none() {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nuls = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nuls = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_nuls * 10 > pairs * 7 && even_nuls * 10 < pairs {
        Some(UTF_16LE)
    } else if even_nuls * 10 > pairs * 7 && odd_nuls * 10 < pairs {
        Some(UTF_16BE)
    } else if one_script_utf16(sample, 1, pairs) && even_nuls * 20 < pairs {
        Some(UTF_16LE)
    } else if one_script_utf16(sample, 0, pairs) && odd_nuls * 20 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// UTF-16 text of a script of one block (Arabic, Cyrillic, Greek,
/// Hebrew...): the high bytes of its characters, at `high` in each pair,
/// are that block's (0x06 for Arabic) or NUL (spaces, digits and line
/// breaks), nine in ten at least, with NUL for one in twenty.
fn one_script_utf16(sample: &[u8], high: usize, pairs: usize) -> bool {
    let mut counts = [0usize; 256];
    for &b in sample.iter().skip(high).step_by(2) {
        counts[usize::from(b)] += 1;
    }
    let nul = counts[0];
    let block = counts[1..].iter().copied().max().unwrap_or(0);
    nul * 20 >= pairs && (nul + block) * 10 >= pairs * 9
}

/// Decodes `bytes`, borrowing them when they are already the text.
///
/// The text is decoded a piece at a time into a string that grows as it
/// fills. encoding_rs's one-call decode reserves the worst case (three
/// bytes out per byte in for a single-byte encoding) and writes to every
/// page of it: the 40 MB windows-1252 dictionary in data/bench faulted in
/// 104 MB for 41 MB of text.
fn decode_with<'a>(
    encoding: &'static Encoding,
    bytes: &'a [u8],
) -> (Cow<'a, str>, &'static Encoding, bool) {
    let borrowable = encoding == UTF_8 || (encoding.is_ascii_compatible() && bytes.is_ascii());
    if let (true, Ok(text)) = (borrowable, std::str::from_utf8(bytes)) {
        return (Cow::Borrowed(text), encoding, false);
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    // Single-byte encodings never shrink; UTF-16 at least halves.
    let mut text = String::with_capacity(bytes.len());
    let mut piece = [0u8; 16 * 1024];
    let piece = std::str::from_utf8_mut(&mut piece).unwrap_or_default();
    let mut rest = bytes;
    let mut had_errors = false;
    loop {
        let (result, read, written, replaced) = decoder.decode_to_str(rest, piece, true);
        text.push_str(&piece[..written]);
        had_errors |= replaced;
        rest = &rest[read..];
        if result == encoding_rs::CoderResult::InputEmpty {
            return (Cow::Owned(text), encoding, had_errors);
        }
    }
}

fn finish<'a>(
    (text, encoding, had_errors): (Cow<'a, str>, &'static Encoding, bool),
) -> DecodedRef<'a> {
    DecodedRef {
        text: normalize_cow(text),
        encoding: encoding.name(),
        had_errors,
    }
}

/// Line endings to `\n`, a stray BOM removed, NFC.
pub fn normalize_text(text: &str) -> String {
    normalize_cow(Cow::Borrowed(text)).into_owned()
}

/// [`normalize_text`] that keeps `text` as it is (borrowed or owned, no
/// copy) when it is already normal.
fn normalize_cow(text: Cow<'_, str>) -> Cow<'_, str> {
    let text = match text {
        Cow::Borrowed(t) => Cow::Borrowed(t.strip_prefix('\u{feff}').unwrap_or(t)),
        Cow::Owned(t) => match t.strip_prefix('\u{feff}') {
            Some(rest) => Cow::Owned(rest.to_owned()),
            None => Cow::Owned(t),
        },
    };
    let text: Cow<'_, str> = if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        text
    };
    // ASCII is always NFC; `is_ascii` is much faster than the NFC check.
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        text
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_and_crlf() {
        let decoded = decode_bytes(b"\xef\xbb\xbfHello\r\nworld\r\n").unwrap();
        assert_eq!(decoded.text, "Hello\nworld\n");
        assert_eq!(decoded.encoding, "UTF-8");
    }

    #[test]
    fn long_text_decodes_across_pieces_as_in_one_call() {
        use encoding_rs::WINDOWS_1252;
        // Characters of three UTF-8 bytes (the euro sign) and surrogate
        // pairs land on every offset of the 16 KB pieces.
        let latin: Vec<u8> = (0..70_000u32)
            .map(|i| [b'a', 0x80, 0xe9, b' '][(i % 4) as usize])
            .collect();
        let utf16: Vec<u8> = "Caf\u{e9} \u{1f4f0} news "
            .repeat(4_000)
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let truncated = utf16[..utf16.len() - 1].to_vec();
        for (encoding, bytes) in [
            (WINDOWS_1252, &latin),
            (UTF_16LE, &utf16),
            (UTF_16LE, &truncated),
        ] {
            let (text, _, had_errors) = decode_with(encoding, bytes);
            let (expected, expected_errors) = encoding.decode_without_bom_handling(bytes);
            assert_eq!(text, expected);
            assert_eq!(had_errors, expected_errors);
            assert!(matches!(text, Cow::Owned(_)));
        }
        let ascii = b"plain ASCII in a legacy encoding";
        assert!(matches!(
            decode_with(WINDOWS_1252, ascii).0,
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn clean_utf8_is_borrowed_not_copied() {
        let bytes = "Café\nsaid".as_bytes();
        let decoded = decode_borrowed(bytes).unwrap();
        assert!(matches!(decoded.text, Cow::Borrowed("Café\nsaid")));
        let decomposed = "Cafe\u{301}\r\n".as_bytes();
        assert_eq!(decode_borrowed(decomposed).unwrap().text, "Café\n");
    }

    #[test]
    fn utf16_le_and_be_with_bom() {
        let mut le = vec![0xff, 0xfe];
        let mut be = vec![0xfe, 0xff];
        for unit in "Путин said".encode_utf16() {
            le.extend(unit.to_le_bytes());
            be.extend(unit.to_be_bytes());
        }
        assert_eq!(decode_bytes(&le).unwrap().text, "Путин said");
        assert_eq!(decode_bytes(&be).unwrap().text, "Путин said");
    }

    #[test]
    fn windows_1252_smart_quotes() {
        let bytes =
            b"\x93This problem does exist.\x94 It is Bastrykin\x92s view, caf\xe9 and na\xefve.";
        let decoded = decode_bytes(bytes).unwrap();
        assert!(
            decoded.text.starts_with("\u{201c}This problem"),
            "{}",
            decoded.text
        );
        assert!(decoded.text.contains("café"));
    }

    /// Pages whose only non-ASCII bytes are `£` or `»` are Windows-1252,
    /// though chardetng alone reads them as Windows-1250 ("Ł650,000");
    /// real Central European text stays Windows-1250.
    #[test]
    fn pound_and_guillemet_pages_are_windows_1252() {
        for text in [
            "Osborne to earn £650,000 a year advising US firm\n\nBy Reuters\n\nLONDON: The former chancellor.\n",
            "Home » World\n\nPutin proposes pact\n\nMOSCOW: Russia proposed a pact.\n",
        ] {
            let (bytes, _, _) = WINDOWS_1252.encode(text);
            let decoded = decode_bytes(&bytes).unwrap();
            assert_eq!(decoded.text, text);
            assert_eq!(decoded.encoding, "windows-1252");
        }
        for text in [
            "Předseda vlády řekl, že Česká republika podpoří Ukrajinu. Žádné další sankce nebudou.\n",
            "Prezydent Łódź odwiedził. Rząd ogłosił, że pomoc dla Ukrainy będzie większa niż wcześniej.\n",
        ] {
            let (bytes, _, _) = encoding_rs::WINDOWS_1250.encode(text);
            let decoded = decode_bytes(&bytes).unwrap();
            assert_eq!(decoded.text, text);
            assert_eq!(decoded.encoding, "windows-1250");
        }
    }

    #[test]
    fn koi8r_cyrillic() {
        let (bytes, _, _) = encoding_rs::KOI8_R.encode(
            "Президент России Владимир Путин заявил в пятницу, что Москва готова к переговорам.",
        );
        let decoded = decode_bytes(&bytes).unwrap();
        assert!(
            decoded.text.contains("Путин"),
            "{} via {}",
            decoded.text,
            decoded.encoding
        );
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert_eq!(decode_bytes(b""), Err(NotText::Empty));
        assert_eq!(decode_bytes(b" \n\n"), Err(NotText::Empty));
        assert_eq!(decode_bytes(b"\xef\xbb\xbf"), Err(NotText::Empty));
        assert_eq!(decode_bytes(b"\xff\xfe \x00\n\x00"), Err(NotText::Empty));
        assert_eq!(
            decode_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(NotText::Binary("PNG image"))
        );
        assert!(matches!(
            decode_bytes(b"abc\0\0\x01\x02def"),
            Err(NotText::Binary(_))
        ));
    }

    /// Control characters other than tabs, line and page breaks: over one
    /// byte in twenty of the first 64 KiB is binary data, at or under it text.
    #[test]
    fn control_characters_beyond_one_in_twenty_are_binary() {
        let text = b"Markets fell\tsharply\r\n\x0con Monday.\n".repeat(400);
        assert!(decode_bytes(&text).is_ok());
        for (controls, binary) in [(1000, false), (1001, true), (3000, true)] {
            let mut bytes = b"abcdefghijklmnopqrst".repeat(1000);
            let n = bytes.len();
            for i in 0..controls {
                // Spread out, a different place each time round.
                bytes[i * 20 % n + i * 20 / n] = [0x01, 0x1b, 0x1f][i % 3];
            }
            let refused = matches!(decode_bytes(&bytes), Err(NotText::Binary("binary data")));
            assert_eq!(refused, binary, "{controls} control bytes in 20,000");
        }
    }

    #[test]
    fn utf16_without_a_bom_is_recognised() {
        for text in [
            "الأمم المتحدة تدعو إلى وقف فوري لإطلاق النار في اليمن\nقالت الأمم المتحدة يوم 26.",
            "Москва предложила пакт о невмешательстве в выборы 2020 года.",
        ] {
            let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
            let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
            assert_eq!(decode_bytes(&le).unwrap().text, text);
            assert_eq!(decode_bytes(&be).unwrap().text, text);
        }
        let text = "Moscow talks resume — ended";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, encoding) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
            let decoded = decode_bytes(&bytes).unwrap();
            assert_eq!((decoded.text.as_str(), decoded.encoding), (text, encoding));
        }
    }

    #[test]
    fn stray_nul_bytes_are_dropped_from_text() {
        let mut page = b"Floods hit Karachi\n\nKARACHI: Heavy rain \0fell.\n".to_vec();
        page.extend(b"More rain is forecast for the coming week. ".repeat(30));
        let decoded = decode_bytes(&page).unwrap();
        assert!(
            decoded.text.contains("Heavy rain fell."),
            "{}",
            decoded.text
        );
        assert!(!decoded.text.contains('\0'));
        // One byte in a hundred NUL: binary.
        let mut blob = b"abcdefghij".repeat(100);
        for i in (0..blob.len()).step_by(100) {
            blob[i] = 0;
        }
        assert!(matches!(decode_bytes(&blob), Err(NotText::Binary(_))));
    }

    #[test]
    fn utf8_with_a_stray_byte_stays_utf8() {
        let mut bytes = "Café au lait à Paris, déjà vu\n".as_bytes().to_vec();
        bytes.extend(b"a stray \xe9 byte\n");
        let decoded = decode_bytes(&bytes).unwrap();
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.had_errors);
        assert!(decoded.text.starts_with("Café au lait à Paris, déjà vu"));
        // A legacy file's accented letters are lone bytes: Windows-1252.
        let (latin, _, _) = WINDOWS_1252.encode("Café au lait à Paris, déjà vu\n");
        assert_eq!(decode_bytes(&latin).unwrap().encoding, "windows-1252");
    }

    #[test]
    fn truncated_utf8_keeps_the_text() {
        let mut bytes = "Kyiv — talks".as_bytes().to_vec();
        bytes.extend_from_slice(&"é".as_bytes()[..1]);
        let decoded = decode_bytes(&bytes).unwrap();
        assert!(decoded.text.starts_with("Kyiv — talks"));
        assert!(decoded.had_errors);
    }

    #[test]
    fn nfc_normalisation() {
        assert_eq!(decode_bytes("cafe\u{301}".as_bytes()).unwrap().text, "café");
    }
}
