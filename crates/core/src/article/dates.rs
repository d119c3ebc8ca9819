//! Recognising dates in the many forms saved pages show them.
//!
//! Pages write dates as "September 26, 2020", "Sep 26, 2020", "26 September
//! 2020", "2020-09-26", "26/09/2020", ISO datetimes, with weekdays, times,
//! time zones and labels ("Published", "Updated:"). [`find_date`] locates a
//! date anywhere in a string; [`parse_date`] accepts a string only when it
//! *is* a date (everything around the date is such noise), which is what a
//! header line must be before it is taken as the publication date.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

const MONTH: &str = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
/// Month names written day first in other languages: Russian (genitive),
/// French, Spanish, German, Italian, Portuguese, Indonesian, Turkish,
/// Arabic and Urdu, with the
/// abbreviations those pages use. Each name's month is its place in
/// [`OTHER_MONTHS`].
#[rustfmt::skip]
const OTHER_MONTHS: [&[&str]; 12] = [
    &["января", "janvier", "janv", "enero", "ene", "januar", "jänner", "gennaio", "gen", "janeiro",
      "يناير", "جنوری", "januari", "ocak"],
    &["февраля", "février", "fevrier", "févr", "fevr", "febrero", "februar", "febbraio",
      "fevereiro", "fev", "فبراير", "فروری", "februari", "şubat", "subat"],
    &["марта", "mars", "marzo", "märz", "mär", "março", "marco", "مارس", "مارچ", "maret", "mart"],
    &["апреля", "avril", "avr", "abril", "abr", "aprile", "april", "أبريل", "ابريل", "اپریل",
      "nisan"],
    &["мая", "mai", "mayo", "maggio", "maio", "مايو", "مئی", "mei", "mayıs", "mayis"],
    &["июня", "juin", "junio", "juni", "giugno", "junho", "يونيو", "جون", "haziran"],
    &["июля", "juillet", "juil", "julio", "juli", "luglio", "lug", "julho", "يوليو", "جولائی",
      "temmuz"],
    &["августа", "août", "aout", "agosto", "ago", "august", "أغسطس", "اغسطس", "اگست", "agustus",
      "ağustos", "agustos"],
    &["сентября", "septembre", "septiembre", "setiembre", "settembre", "setembro", "set",
      "september", "سبتمبر", "ستمبر", "eylül", "eylul"],
    &["октября", "octobre", "octubre", "oktober", "okt", "ottobre", "ott", "outubro", "out",
      "أكتوبر", "اكتوبر", "اکتوبر", "ekim"],
    &["ноября", "novembre", "noviembre", "novembro", "november", "نوفمبر", "نومبر", "kasım",
      "kasim"],
    &["декабря", "décembre", "decembre", "déc", "diciembre", "dic", "dezember", "dez", "dicembre",
      "dezembro", "ديسمبر", "دسمبر", "desember", "aralık", "aralik"],
];

/// The month of an [`OTHER_MONTHS`] name (lowercase, no trailing dot).
fn other_month(name: &str) -> Option<u32> {
    let month = OTHER_MONTHS
        .iter()
        .position(|names| names.contains(&name))?;
    u32::try_from(month + 1).ok()
}

/// How the date was labelled on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DateLabel {
    None,
    Published,
    Updated,
    /// The day the page was viewed or saved: "Today: Wednesday, Apr 25,
    /// 2018", "Accessed 26 September 2020".
    Captured,
}

/// A line that is a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DateLine {
    pub date: NaiveDate,
    /// A weekday name accompanies the date ("Thursday April 18, 2024").
    pub weekday: bool,
    pub label: DateLabel,
}

/// The date patterns, each with the capture-group order of year, month, day.
enum Order {
    Ymd,
    Mdy,
    Dmy,
    Numeric,
}

static PATTERNS: LazyLock<Vec<(Regex, Order)>> = LazyLock::new(|| {
    let iso = r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?";
    let mdy = format!(r"(?i)\b{MONTH}\s*(\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(\d{{4}})");
    let dmy =
        format!(r"(?i)(\d{{1,2}})(?:st|nd|rd|th)?[\s\-]+(?:of\s+)?{MONTH}[\s\-]*,?\s*(\d{{4}})");
    let numeric = r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})";
    let cjk = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日";
    // "26 septembre 2020", "26 de septiembre de 2020", "26. März 2020",
    // "1er janvier 2021", "26 сентября 2020".
    let names = OTHER_MONTHS.concat().join("|");
    let other = format!(
        r"(?i)\b(\d{{1,2}})(?:er|º|°)?\.?\s+(?:de\s+)?({names})\.?\s+(?:de\s+|del\s+)?(\d{{4}})"
    );
    [
        (iso.to_owned(), Order::Ymd),
        (mdy, Order::Mdy),
        (dmy, Order::Dmy),
        (numeric.to_owned(), Order::Numeric),
    ]
    .into_iter()
    .chain([(cjk.to_owned(), Order::Ymd), (other, Order::Dmy)])
    .filter_map(|(re, order)| Regex::new(&re).ok().map(|re| (re, order)))
    .collect()
});

static TIME: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?|(?:gmt|utc)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}\b")
        .ok()
});

pub(crate) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    // French, Spanish, German, Italian, Portuguese (whose "segunda-feira"
    // splits into the day and "feira").
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    "domenica",
    "segunda",
    "terça",
    "quarta",
    "quinta",
    "sexta",
    "feira",
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
    // Indonesian and Turkish.
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "sabtu",
    "minggu",
    "pazartesi",
    "salı",
    "çarşamba",
    "perşembe",
    "cuma",
    "cumartesi",
    "pazar",
    "星期一",
    "星期二",
    "星期三",
    "星期四",
    "星期五",
    "星期六",
    "星期日",
    "星期天",
    "周一",
    "周二",
    "周三",
    "周四",
    "周五",
    "周六",
    "周日",
];
const PUBLISHED_WORDS: &[&str] = &[
    "published",
    "filed",
    "publish",
    "posted",
    "first",
    "created",
    "issued",
    "dated",
    "publié",
    "publiée",
    "publicado",
    "publicada",
    "veröffentlicht",
    "pubblicato",
    "dipublikasikan",
    "diterbitkan",
    "yayınlanma",
    "yayınlandı",
    "опубликовано",
    "发布",
    "发布于",
    "发布时间",
    "发布日期",
    "发表于",
    "发表时间",
];
const UPDATED_WORDS: &[&str] = &[
    "updated",
    "update",
    "modified",
    "last",
    "edited",
    "revised",
    "mis",
    "actualizado",
    "actualizada",
    "aktualisiert",
    "stand",
    "aggiornato",
    "atualizado",
    "diperbarui",
    "güncelleme",
    "güncellendi",
    "обновлено",
    "更新",
    "更新于",
    "更新时间",
];
/// Labels of the day a page was viewed, saved or printed, not published.
const CAPTURED_WORDS: &[&str] = &[
    "today",
    // Nexis Uni's "Load-Date: March 9, 2017".
    "load",
    "accessed",
    "retrieved",
    "saved",
    "captured",
    "printed",
    "downloaded",
    "viewed",
];
const OTHER_NOISE: &[&str] = &[
    "on", "at", "date", "time", "am", "pm", "a", "m", "p", "hrs", "hours", "utc", "gmt", "ist",
    "pkt", "est", "edt", "cst", "cdt", "pst", "pdt", "mst", "mdt", "bst", "cet", "cest", "msk",
    "jst", "kst", "hkt", "sgt", "aest", "aedt", "eet", "eest", "wib", "et", "pt", "z", "t",
    // Zones of the regional sites: Malaysia, the Philippines, Gulf, East,
    // West and South Africa, New Zealand, Bangladesh, Sri Lanka, Nepal.
    "myt", "pht", "gst", "eat", "wat", "cat", "sast", "nzst", "nzdt", "bdt", "slst", "npt", "awst",
    "acst", "wit", "ict", "ast", "adt", "wet", "west",
    // "Mis à jour le ... à 10h15", "el ... a las", "am ... um ... Uhr",
    // "il ... alle ore", "em ... às".
    "le", "à", "jour", "h", "el", "las", "hs", "um", "uhr", "il", "alle", "ore", "em", "às",
    // "26 сентября 2020 года, 10:15 мск", "в 10:15"; "时间：2020年9月26日".
    "года", "г", "в", "мск", "时间", "日期",
    // "Jumat, 1 Maret 2019 pukul 21:32 WIB", "Yayınlanma tarihi: ... saat".
    "pukul", "wita", "tarihi", "saat", "tsi", "trt",
    // Press releases' and print editions' "07:00 AM Eastern Standard
    // Time", "March 7, 2017 Tuesday Final Edition".
    "eastern", "pacific", "central", "mountain", "standard", "daylight", "edition", "final", "late",
    "early",
];

/// A unit of a relative time beside a date ("2 hours ago", "2 years ago").
fn is_time_unit(word: &str) -> bool {
    use crate::article::furniture::{LONG_TIME_UNITS, TIME_UNITS};
    TIME_UNITS.contains(&word) || LONG_TIME_UNITS.contains(&word)
}

fn month_number(name: &str) -> Option<u32> {
    let lower = name.trim_end_matches('.').to_lowercase();
    if let Some(month) = other_month(&lower) {
        return Some(month);
    }
    const EN: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let short: String = lower.chars().take(3).collect();
    EN.iter()
        .position(|m| *m == short)
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn number(caps: &regex::Captures<'_>, i: usize) -> Option<u32> {
    digits(caps.get(i)?.as_str())
}

/// The value of a number written in ASCII, Arabic-Indic ("٢٦") or
/// Extended Arabic-Indic ("۲۶", Urdu and Persian) digits, which the
/// patterns' `\d` matches.
fn digits(s: &str) -> Option<u32> {
    s.chars().try_fold(0u32, |n, c| {
        let digit = match c {
            '0'..='9' => u32::from(c) - u32::from('0'),
            '\u{660}'..='\u{669}' => u32::from(c) - 0x660,
            '\u{6f0}'..='\u{6f9}' => u32::from(c) - 0x6f0,
            _ => return None,
        };
        n.checked_mul(10)?.checked_add(digit)
    })
}

fn make_date(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    if !(1900..=2100).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

fn date_from_caps(caps: &regex::Captures<'_>, order: &Order) -> Option<NaiveDate> {
    let year = |i| i32::try_from(digits(caps.get(i)?.as_str())?).ok();
    match order {
        Order::Ymd => make_date(year(1)?, number(caps, 2)?, number(caps, 3)?),
        Order::Mdy => make_date(
            year(3)?,
            month_number(caps.get(1)?.as_str())?,
            number(caps, 2)?,
        ),
        Order::Dmy => make_date(
            year(3)?,
            month_number(caps.get(2)?.as_str())?,
            number(caps, 1)?,
        ),
        Order::Numeric => {
            let (a, b) = (number(caps, 1)?, number(caps, 2)?);
            // Day first ("26/09/2020") unless only month-first makes sense ("09/26/2020").
            let (day, month) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
            make_date(year(3)?, month, day)
        }
    }
}

/// True when the match is not glued to surrounding digits or letters.
fn standalone(s: &str, range: &Range<usize>) -> bool {
    let before = s[..range.start].chars().next_back();
    let after = s[range.end..].chars().next();
    // "2020年9月26日10:15": the time may follow a Chinese date unspaced.
    let closed = s[..range.end].ends_with('日');
    !before.is_some_and(char::is_alphanumeric)
        && (closed || !after.is_some_and(|c| c.is_ascii_digit()))
}

/// Finds the first date anywhere in `s`, with its byte range.
pub(crate) fn find_date(s: &str) -> Option<(NaiveDate, Range<usize>)> {
    // Every pattern has a four-digit year: most lines have none, and six
    // regex searches cost far more than this scan.
    if !may_hold_date(s) {
        return None;
    }
    let mut best: Option<(NaiveDate, Range<usize>)> = None;
    for (re, order) in PATTERNS.iter() {
        let found = re.captures_iter(s).find_map(|caps| {
            let m = caps.get(0)?;
            let range = m.range();
            if !standalone(s, &range) {
                return None;
            }
            date_from_caps(&caps, order).map(|d| (d, range))
        });
        if let Some((date, range)) = found
            && best.as_ref().is_none_or(|(_, b)| range.start < b.start)
        {
            best = Some((date, range));
        }
    }
    best
}

/// Classifies the words around a date: `Some((weekday, label))` when they
/// are only labels, weekdays, times and time zones.
fn noise_around(rest: &str) -> Option<(bool, DateLabel)> {
    let lower = rest.to_lowercase();
    let lower = match TIME.as_ref() {
        Some(re) => re.replace_all(&lower, " ").into_owned(),
        None => lower,
    };
    let (mut weekday, mut label) = (false, DateLabel::None);
    let mut tokens = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .peekable();
    while let Some(token) = tokens.next() {
        // "Updated 2 years ago": a number of units before "ago".
        let count = token.bytes().all(|b| b.is_ascii_digit()) || matches!(token, "a" | "an");
        if count && tokens.peek().is_some_and(|unit| is_time_unit(unit)) {
            tokens.next();
            if tokens.peek() == Some(&"ago") {
                tokens.next();
                continue;
            }
            return None;
        }
        if WEEKDAYS.contains(&token) {
            weekday = true;
        } else if PUBLISHED_WORDS.contains(&token) {
            if label == DateLabel::None {
                label = DateLabel::Published;
            }
        } else if UPDATED_WORDS.contains(&token) {
            if label == DateLabel::None {
                label = DateLabel::Updated;
            }
        } else if CAPTURED_WORDS.contains(&token) {
            if label == DateLabel::None {
                label = DateLabel::Captured;
            }
        } else if !OTHER_NOISE.contains(&token) {
            return None;
        }
    }
    Some((weekday, label))
}

/// False for an ASCII line without four digits in a row: no date pattern
/// can match it (each has a four-digit year).
fn may_hold_date(s: &str) -> bool {
    !s.is_ascii()
        || s.as_bytes()
            .windows(4)
            .any(|w| w.iter().all(u8::is_ascii_digit))
}

/// Reads a line that is a date (with optional weekday, label, time).
pub(crate) fn date_line(s: &str) -> Option<DateLine> {
    // Settled before the line is cleaned into a copy: cleaning an ASCII
    // line joins no digits.
    if s.len() > 400 || !may_hold_date(s) {
        return None;
    }
    let s = unglue(without_glued_copy(crate::article::util::clean(s)));
    if s.len() > 160 {
        return None;
    }
    let (date, range) = find_date(&s)?;
    let rest = format!("{} {}", &s[..range.start], &s[range.end..]);
    let (weekday, label) = noise_around(&rest)
        .or_else(|| segment_noise(&s, &range))
        .or_else(|| {
            // "NEW DELHI, September 26, 2020 00:15 IST": the place the
            // story was filed from, then the date.
            crate::article::dateline::place_before_date(&s[..range.start])?;
            noise_around(&s[range.end..])
        })?;
    Some(DateLine {
        date,
        weekday,
        label,
    })
}

/// True when `s` gives a time of day ("08.42", "10:15 AM").
pub(crate) fn has_time(s: &str) -> bool {
    TIME.as_ref().is_some_and(|re| re.is_match(s))
}

/// A date line whose date a page shows twice, glued: "Published On 21 Jun
/// 201921 Jun 2019" (Al Jazeera) is "Published On 21 Jun 2019". Read
/// as it is, "201921" is no year. The copy is found where a year runs into
/// a day: a run of five or six digits, the first four a year, before a
/// space, when the text after the year repeats the text up to it.
fn without_glued_copy(s: String) -> String {
    let b = s.as_bytes();
    let mut run = 0;
    for (at, &byte) in b.iter().enumerate() {
        if byte.is_ascii_digit() {
            run += 1;
            continue;
        }
        let start = at - run;
        let glued =
            (5..=6).contains(&run) && byte == b' ' && matches!(&b[start..start + 2], b"19" | b"20");
        run = 0;
        if glued {
            let cut = start + 4;
            let copy = &s[cut..];
            if copy.len() >= 8 && s[..cut].ends_with(copy) {
                return s[..cut].to_owned();
            }
        }
    }
    s
}

/// A date line as copied from pages that lay its parts out side by side:
/// "September 26, 20203:15 PM UTCUpdated 2 years ago" (Reuters) reads as
/// "September 26, 2020 3:15 PM UTC Updated 2 years ago". A year glued to
/// the time after it, and a label glued to the capital before it, get a
/// space.
fn unglue(s: String) -> String {
    let b = s.as_bytes();
    // Where a space goes: before the hour of "20203:15" (found from its
    // colon) and before a label glued to a capital. Most lines have none.
    let hours = memchr::memchr_iter(b':', b).filter_map(|colon| {
        (1..=2)
            .map(|digits| colon.checked_sub(digits))
            .find_map(|hour| {
                let hour = hour?;
                let year = b.get(hour.checked_sub(4)?..hour)?;
                let glued = year.iter().all(u8::is_ascii_digit)
                    && matches!(&year[..2], b"19" | b"20")
                    && (hour < 5 || !b[hour - 5].is_ascii_digit())
                    && b[hour..colon].iter().all(u8::is_ascii_digit);
                glued.then_some(hour)
            })
    });
    let labels = memchr::memchr2_iter(b'U', b'P', b).filter(|&at| {
        at > 0
            && b[at - 1].is_ascii_uppercase()
            && (b[at..].starts_with(b"Updated") || b[at..].starts_with(b"Published"))
    });
    let mut cuts: Vec<usize> = hours.chain(labels).collect();
    if cuts.is_empty() {
        return s;
    }
    cuts.sort_unstable();
    let mut out = String::with_capacity(s.len() + cuts.len());
    let mut last = 0;
    for cut in cuts {
        out.push_str(&s[last..cut]);
        out.push(' ');
        last = cut;
    }
    out.push_str(&s[last..]);
    out
}

/// Separators between the parts of a date line that also gives a time, an
/// update or a reading time: "Sept. 26, 2020 / 10:15 AM / Updated 2 hours
/// ago", "Sep 26, 2020 · 4 min read".
const DATE_LINE_SEPARATORS: [&str; 4] = [" / ", " · ", " | ", " • "];

/// The noise around a date in the part of a line that holds it, when every
/// other part is noise too, a relative time ("Updated 2 hours ago") or a
/// reading time ("4 min read").
fn segment_noise(s: &str, date: &Range<usize>) -> Option<(bool, DateLabel)> {
    // "Published: 26 Sep 2020, Updated: 27 Sep 2020", "18:47 GMT 09.06.2022
    // (updated 20:47 GMT 09.06.2022)", "10.01.2019 - Update : 10.01.2019"
    // (Anadolu): a comma, a bracket or a dash before the update's date,
    // which must be a date line of its own.
    // The first separator that the update's date line follows ("Published
    // : Sep. 26, 2020 - 04:38 Updated : Sep. 26, 2020": not the comma
    // inside the update's date).
    let after = &s[date.end..];
    let mut seps: Vec<(usize, usize)> = [", ", " (", " - "]
        .iter()
        .filter_map(|sep| after.find(sep).map(|i| (i, sep.len())))
        .collect();
    seps.sort_unstable();
    for (i, len) in seps {
        let at = date.end + i;
        let update = s[at + len..].trim_end_matches(')');
        let is_update = date_line(update).is_some_and(|d| d.label == DateLabel::Updated);
        if is_update {
            let rest = format!("{} {}", &s[..date.start], &s[date.end..at]);
            return noise_around(&rest);
        }
    }
    let sep = DATE_LINE_SEPARATORS.iter().find(|sep| s.contains(**sep))?;
    let mut found = None;
    let mut at = 0;
    for part in s.split(sep) {
        let span = at..at + part.len();
        at = span.end + sep.len();
        if span.start <= date.start && date.end <= span.end {
            let rest = format!("{} {}", &s[span.start..date.start], &s[date.end..span.end]);
            found = Some(noise_around(&rest)?);
            continue;
        }
        let key = crate::article::util::fold_key(part);
        // "Published: 26th September 2020 | Last Updated: 27th September
        // 2020": another date, the update's.
        // "Sep 26, 2020 - 10:15 | World": the page's section.
        let other_noise = noise_around(part).is_some()
            || crate::article::furniture::is_relative_time(&key)
            || crate::article::furniture::is_counter(&key)
            || crate::article::furniture::is_furniture(part)
            || date_line(part).is_some();
        if !other_noise {
            return None;
        }
    }
    found
}

/// Parses a date in any of the forms pages use; the string must be a date
/// (labels such as "Published", weekdays and times may surround it).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    date_line(s).map(|d| d.date)
}

/// A date column's value: any form [`parse_date`] reads, digits run
/// together as GDELT and many databases write them (`20200926`,
/// `20200926101500`), or a Unix time in seconds or milliseconds, as
/// exports from databases and news APIs give (`1485000000`,
/// `1485000000000`, `1485000000.5`).
pub fn parse_column_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    parse_date(s).or_else(|| compact_date(s)).or_else(|| {
        let whole = s.split_once('.').map_or(s, |(whole, _)| whole);
        if !(9..=13).contains(&whole.len()) || !whole.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: i64 = whole.parse().ok()?;
        // Ten digits or fewer are seconds (up to 2286); more are milliseconds.
        let secs = if whole.len() > 10 { n / 1000 } else { n };
        chrono::DateTime::from_timestamp(secs, 0).map(|t| t.date_naive())
    })
}

/// The numeric date at the start of a column's value ("2/7/2017 0:00"):
/// its two leading numbers and its year.
fn numeric_parts(s: &str) -> Option<(u32, u32, i32)> {
    static NUMERIC: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b").ok());
    let caps = NUMERIC.as_ref()?.captures(s.trim())?;
    Some((
        number(&caps, 1)?,
        number(&caps, 2)?,
        i32::try_from(number(&caps, 3)?).ok()?,
    ))
}

/// What a column's value says of its numeric dates' order: `None` when it
/// is no numeric date; else `Some(true)` when only month first makes sense
/// ("2/13/2017"), `Some(false)` when only day first does ("13/2/2017"),
/// `None` when both do.
pub fn numeric_month_first(s: &str) -> Option<Option<bool>> {
    let (a, b, _) = numeric_parts(s)?;
    Some(match (a <= 12, b <= 12) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    })
}

/// [`parse_column_date`] for a column whose numeric dates are written
/// month first when `month_first` (a US export: "2/7/2017 0:00" is
/// February 7), which the column's unambiguous values tell.
pub fn parse_column_date_in(s: &str, month_first: bool) -> Option<NaiveDate> {
    if month_first && let Some((month, day, year)) = numeric_parts(s) {
        return make_date(year, month, day);
    }
    parse_column_date(s)
}

/// `YYYYMMDD` or `YYYYMMDDhhmmss`.
fn compact_date(s: &str) -> Option<NaiveDate> {
    if !matches!(s.len(), 8 | 14) || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let part = |r: std::ops::Range<usize>| s[r].parse::<u32>().ok();
    let date = make_date(i32::try_from(part(0..4)?).ok()?, part(4..6)?, part(6..8)?)?;
    let time_ok = s.len() == 8 || part(8..10)? < 24 && part(10..12)? < 60 && part(12..14)? < 61;
    time_ok.then_some(date)
}

static FILE_DATE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9A-Za-z])((?:19|20)\d{2})[-_.]?(\d{2})[-_.]?(\d{2})(?:$|[^0-9A-Za-z])")
        .ok()
});

/// A date in a file name (`2016-04-19_0056.txt`, `article_20160419.txt`,
/// `26-09-2020 report.txt`).
pub(crate) fn date_from_file_name(file_name: &str) -> Option<NaiveDate> {
    let stem = crate::article::util::file_stem(file_name);
    if let Some(re) = FILE_DATE.as_ref() {
        let found = re.captures_iter(stem).find_map(|caps| {
            let year = caps.get(1)?.as_str().parse().ok()?;
            make_date(year, number(&caps, 2)?, number(&caps, 3)?)
        });
        if found.is_some() {
            return found;
        }
    }
    find_date(&stem.replace('_', " ")).map(|(d, _)| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn a_column_of_us_dates_is_read_month_first() {
        assert_eq!(numeric_month_first("2/13/2017"), Some(Some(true)));
        assert_eq!(numeric_month_first("13/2/2017 0:00"), Some(Some(false)));
        assert_eq!(numeric_month_first("2/7/2017 0:00"), Some(None));
        assert_eq!(numeric_month_first("2017-02-07"), None);
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(parse_column_date_in("2/7/2017 0:00", true), d(2017, 2, 7));
        assert_eq!(parse_column_date_in("2/7/2017 0:00", false), d(2017, 7, 2));
        assert_eq!(parse_column_date_in("2017-02-07", true), d(2017, 2, 7));
    }

    #[test]
    fn column_dates_take_unix_times() {
        assert_eq!(parse_column_date("1485000000"), d(2017, 1, 21));
        assert_eq!(parse_column_date("1485000000000"), d(2017, 1, 21));
        assert_eq!(parse_column_date("1485000000.25"), d(2017, 1, 21));
        assert_eq!(parse_column_date("2016-12-31"), d(2016, 12, 31));
        assert_eq!(
            parse_column_date("Mon, 09 Jan 2017 18:31:00 GMT"),
            d(2017, 1, 9)
        );
        // Digits run together.
        assert_eq!(parse_column_date("20200926"), d(2020, 9, 26));
        assert_eq!(parse_column_date("20200926101500"), d(2020, 9, 26));
        assert_eq!(parse_column_date("20201326"), None);
        assert_eq!(parse_column_date("20200926256000"), None);
        // Numbers too short or too long to be a time, and not numbers.
        assert_eq!(parse_column_date("12345"), None);
        assert_eq!(parse_column_date("12345678901234"), None);
        assert_eq!(parse_column_date("14850000x0"), None);
    }

    #[test]
    fn listed_forms() {
        for s in [
            "September 26, 2020",
            "Sep 26, 2020",
            "Sept. 26, 2020",
            "26 September 2020",
            "26 Sep, 2020",
            "2020-09-26",
            "26/09/2020",
            "09/26/2020",
            "26.09.2020",
            "Published September 26, 2020",
            "Updated: 26 Sep 2020 10:15 AM",
            "Published: Saturday, September 26, 2020 | 10:15 PM PKT",
            "2020-09-26T10:15:00Z",
            "2020-09-26T10:15:00+05:00",
            "Sep 26th, 2020",
            "26th of September 2020",
            "Posted on September 26, 2020 at 10:15 am",
            "2020年9月26日",
            "26 сентября 2020",
            "26 septembre 2020",
            "Publié le samedi 26 sept. 2020 à 10h15",
            "Mis à jour le 26 septembre 2020",
            "sábado, 26 de septiembre de 2020",
            "Actualizado el 26 de septiembre de 2020 a las 10:15 h",
            "26. September 2020, 10:15 Uhr",
            "Veröffentlicht am 26.09.2020",
            "26 settembre 2020",
            "Aggiornato il 26 set 2020 alle ore 10:15",
            "26 de setembro de 2020",
            "Sept. 26, 2020 / 10:15 AM / Updated 2 hours ago",
            "SEPTEMBER 26, 2020 / 5:15 AM / AN HOUR AGO",
            "Published On 26 Sep 202026 Sep 2020",
            "26.09.2020 - Update : 27.09.2020",
            "Saturday, 26 Sep 2020 9:15 AM MYT",
            "Filed on September 26, 2020",
            "Published : Sep. 26, 2020 - 04:38       Updated : Sep. 26, 2020 - 18:20",
            "Sabtu, 26 September 2020 21:32 WIB",
            "26 Eylül 2020 Cumartesi 10:15",
            "Güncelleme: 26 Eylül 2020",
            "September 26, 2020 Saturday Final Edition",
            "September 26, 2020 07:00 AM Eastern Standard Time",
            "Sep 26, 2020 · 4 min read",
            "Published: 26 Sep 2020 | 12 Comments",
        ] {
            assert_eq!(parse_date(s), d(2020, 9, 26), "{s}");
        }
    }

    #[test]
    fn months_of_other_languages() {
        for (s, want) in [
            ("1er janvier 2021", d(2021, 1, 1)),
            ("14 juillet 2019", d(2019, 7, 14)),
            ("3. März 2022", d(2022, 3, 3)),
            ("5 de mayo de 2018", d(2018, 5, 5)),
            ("2 giugno 2020", d(2020, 6, 2)),
            ("25 de dezembro de 2017", d(2017, 12, 25)),
            ("15 août 2021", d(2021, 8, 15)),
            ("26 سبتمبر 2020", d(2020, 9, 26)),
            ("٢٦ سبتمبر ٢٠٢٠", d(2020, 9, 26)),
            ("26 ستمبر 2020", d(2020, 9, 26)),
            ("۲۶ ستمبر ۲۰۲۰", d(2020, 9, 26)),
            ("26 сентября 2020 года, 10:15", d(2020, 9, 26)),
            ("Опубликовано: 26.09.2020 в 10:15 мск", d(2020, 9, 26)),
            ("суббота, 26 сентября 2020 г.", d(2020, 9, 26)),
        ] {
            assert_eq!(parse_date(s), want, "{s}");
        }
        let line = date_line("Mis à jour le 26 septembre 2020").unwrap();
        assert_eq!(line.label, DateLabel::Updated);
        assert!(date_line("jeudi 18 avril 2024").unwrap().weekday);
    }

    #[test]
    fn weekday_and_labels() {
        let line = date_line("Thursday April 18, 2024").unwrap();
        assert!(line.weekday);
        assert_eq!(line.date, d(2024, 4, 18).unwrap());
        assert_eq!(
            date_line("Updated: 26 Sep 2020").unwrap().label,
            DateLabel::Updated
        );
        assert_eq!(
            date_line("Published February 24, 2017").unwrap().label,
            DateLabel::Published
        );
        assert!(!date_line("Mar 14, 2017").unwrap().weekday);
        // Chinese labels, weekdays and an unspaced time.
        let line = date_line("发布时间：2020年9月26日 18:02").unwrap();
        assert_eq!(
            (line.date, line.label),
            (d(2020, 9, 26).unwrap(), DateLabel::Published)
        );
        let line = date_line("2020年09月26日10:15 星期六").unwrap();
        assert!(line.weekday);
        assert_eq!(
            date_line("更新时间：2020-09-27").unwrap().label,
            DateLabel::Updated
        );
        assert_eq!(parse_date("2020年9月26日"), d(2020, 9, 26));
        assert_eq!(parse_date("时间：2020年9月26日"), d(2020, 9, 26));
        // Reuters' parts copied without spaces, with a relative time.
        let line = date_line("September 26, 20203:15 PM UTCUpdated 2 years ago").unwrap();
        assert_eq!(line.date, d(2020, 9, 26).unwrap());
        assert_eq!(date_line("September 26, 2020 Updated 2 years"), None);
        // Publication and update dates side by side.
        let line = date_line(
            "Published: 26th September 2020 10:15 AM  |   Last Updated: 27th September 2020 10:15 AM",
        )
        .unwrap();
        assert_eq!(
            (line.date, line.label),
            (d(2020, 9, 26).unwrap(), DateLabel::Published)
        );
        // The place the story was filed from, then the date (The Hindu).
        assert_eq!(
            parse_date("NEW DELHI, September 26, 2020 00:15 IST"),
            d(2020, 9, 26)
        );
        assert_eq!(parse_date("Prices rose, September 26, 2020"), None);
        // A section beside the date (Kyodo).
        assert_eq!(parse_date("Sep 26, 2020 - 10:15 | World"), d(2020, 9, 26));
    }

    #[test]
    fn not_dates() {
        for s in [
            "",
            "Putin proposes election non-interference pact with US",
            "The meeting on September 26, 2020 was short.",
            "By AFP",
            "2020-13-45",
            "31/02/2020",
            "Premieres March 31",
            "Mayor 5, 2020",
            "120/09/20201",
            "Sep 26, 2020 / Talks stall in Geneva",
            "Markets | Sep 26, 2020 | Stocks fell sharply on Friday",
        ] {
            assert_eq!(parse_date(s), None, "{s}");
        }
    }

    #[test]
    fn finds_dates_inside_text() {
        let (date, range) = find_date("Published in Dawn, September 27th, 2020").unwrap();
        assert_eq!(Some(date), d(2020, 9, 27));
        assert_eq!(range.start, 19);
    }

    #[test]
    fn file_names() {
        assert_eq!(date_from_file_name("2016-04-19_0056.txt"), d(2016, 4, 19));
        assert_eq!(date_from_file_name("article_20160419.txt"), d(2016, 4, 19));
        assert_eq!(date_from_file_name("26-09-2020 report.txt"), d(2020, 9, 26));
        assert_eq!(date_from_file_name("000_da033187e5627a53.txt"), None);
        assert_eq!(date_from_file_name("100_e6fbf5877031.txt"), None);
        assert_eq!(date_from_file_name("x20170412f.txt"), None);
    }
}
