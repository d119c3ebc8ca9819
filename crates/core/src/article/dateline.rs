//! Datelines: the place (and often the agency) that opens a news story.
//!
//! Forms met in practice: "MOSCOW:", "MOSCOW -", "LONDON —", "PARIS (AFP) -",
//! "WASHINGTON, Sept 26 (Reuters) -", "MOSCOW, March 13. /TASS/.",
//! "Kyiv, Ukraine —", "Washington (CNN)President ...". Only the opening of
//! the first body line is read, and the prefix must look like a place
//! (capitalised words, no verbs), so ordinary sentences ("The contract has
//! a total price...") and headline kickers ("OPINION:") give no dateline.

use std::sync::LazyLock;

use regex::Regex;

use crate::article::agency::{exact_agency, normalize_agency};
use crate::article::places::is_known_place;
use crate::article::util::{
    CONNECTORS, clean_head, is_all_caps, is_capitalized, is_han, is_invisible, prefix_chars,
};

/// What a dateline tells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Dateline {
    /// The place as written, without the date ("Kyiv, Ukraine", "MOSCOW").
    pub place: Option<String>,
    /// The agency named in the dateline ("(Reuters)", "/TASS/").
    pub agency: Option<&'static str>,
}

/// All-caps openings that are kickers, not places.
const KICKERS: &[&str] = &[
    // "FILE - In this Jan. 5, 2017 file photo...": an AP photo caption.
    "FILE",
    "FILE PHOTO",
    "OPINION",
    "ANALYSIS",
    "WATCH",
    "VIDEO",
    "UPDATE",
    "UPDATED",
    "BREAKING",
    "BREAKING NEWS",
    "EXCLUSIVE",
    "EDITORIAL",
    "COMMENT",
    "REVIEW",
    "PHOTOS",
    "PHOTO",
    "LIVE",
    "READ",
    "ALSO READ",
    "RELATED",
    "FACTBOX",
    "EXPLAINER",
    "INTERVIEW",
    "NOTE",
    "EDITOR'S NOTE",
    "CORRECTION",
    "Q&A",
    "WARNING",
    "SPOILER",
    "SPOILER ALERT",
    "FACT CHECK",
    "FACT-CHECK",
    "LIVE UPDATES",
    "LIVE BLOG",
    "WATCH LIVE",
    "URGENT",
    "FLASH",
    "FILE PHOTO",
    "LISTEN",
    "PODCAST",
    "QUOTE",
    "UPDATES",
    "THE",
    "A",
    "I",
    "US",
    "UK",
    "EU",
    "UN",
    "TV",
    "OK",
    "SUMMARY",
    "BACKGROUND",
    "CONTEXT",
    "DISCLAIMER",
    "SOURCE",
    "SOURCES",
    "CREDIT",
    "TAGS",
    "TOPICS",
    "HIGHLIGHTS",
    "KEY POINTS",
    "TRANSCRIPT",
    "ABSTRACT",
    "INTRODUCTION",
    "QUESTION",
    "ANSWER",
    "SPONSORED",
    "ADVERTISEMENT",
    "DATE",
    "TIME",
    "LOCATION",
    "EDIT",
    "PS",
];

static MARKER: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\([^()]{2,40}\)|/[^/]{2,30}/").ok());

static DATE_PART: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let month = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?";
    let weekday = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day";
    Regex::new(&format!(
        r"(?i)^(?:{month}\s*\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{month}|\d{{4}}|{weekday}|{month}\s*\d{{1,2}}\s+\d{{4}}|\d{{1,2}}\s+\p{{Cyrillic}}+)\.?$"
    ))
    .ok()
});

fn is_date_part(part: &str) -> bool {
    DATE_PART
        .as_ref()
        .is_some_and(|re| re.is_match(part.trim()))
}

/// True for a letter of a script without case (Arabic, Urdu, Chinese...),
/// where a place cannot be told by its capitals.
fn is_caseless_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase()
}

fn is_caseless_word(word: &str) -> bool {
    !word.is_empty() && word.chars().all(is_caseless_letter)
}

/// Most words of a place in a script without case ("اسلام آباد"): a
/// short prefix before a colon is then the only sign of a dateline.
const MAX_CASELESS_PLACE_WORDS: usize = 2;

/// True when `part` reads as a place name: 1-4 capitalised words, or one
/// or two words of a script without case.
fn is_place_part(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 || part.chars().count() > 40 {
        return false;
    }
    if words.iter().all(|w| is_caseless_word(w)) {
        let han = part.chars().filter(|&c| is_han(c)).count();
        return words.len() <= MAX_CASELESS_PLACE_WORDS && han <= MAX_HAN_PLACE_CHARS;
    }
    let letters_ok = part
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '’' | '-'));
    // "the Netherlands", "The Hague": an article before a capitalised word.
    let first = match words.as_slice() {
        [the, next, ..] if the.eq_ignore_ascii_case("the") => next,
        _ => words[0],
    };
    letters_ok
        && is_capitalized(first)
        && words
            .iter()
            .all(|w| is_capitalized(w) || CONNECTORS.contains(&w.to_lowercase().as_str()))
}

/// The place in a dateline prefix such as "WASHINGTON, Sept 26" or
/// "Kyiv, Ukraine"; `marked` says an agency marker follows it.
fn place_from_prefix(prefix: &str, marked: bool) -> Option<String> {
    let prefix = without_asides(prefix);
    let prefix = prefix.trim().trim_end_matches([',', '.', ' ']);
    let mut parts: Vec<&str> = prefix.split(',').map(str::trim).collect();
    let mut dated = false;
    while parts.len() > 1 && parts.last().is_some_and(|p| is_date_part(p)) {
        parts.pop();
        dated = true;
    }
    // Several cities of one report share a dateline: "BRUSSELS/LONDON
    // (Reuters) -", only before an agency's marker.
    let place_part =
        |p: &&str| is_place_part(p) || marked && p.contains('/') && p.split('/').all(is_place_part);
    if parts.is_empty() || parts.len() > 3 || !parts.iter().all(place_part) {
        return None;
    }
    let place = parts.join(", ");
    let caps = is_all_caps(parts[0]) || parts[0].split_whitespace().all(is_caseless_word);
    // A place in Title Case needs a marker or a region after it, or a
    // date when it is one news is often filed from ("Brussels, May 12:").
    let known_and_dated = dated && parts.len() == 1 && is_known_place(parts[0]);
    if !caps && !marked && parts.len() < 2 && !known_and_dated {
        return None;
    }
    // Kickers, and two-letter speaker tags of interviews ("DW: Mr. Bozkurt,
    // your party...", "Q:"): no dateline place is that short.
    // Two Chinese characters are a whole name ("北京").
    let tag = parts.len() == 1 && place.chars().count() <= 2 && !place.chars().all(is_han);
    let upper = place.to_uppercase().replace('’', "'");
    if parts.len() == 1 && KICKERS.contains(&upper.as_str())
        || tag
        || normalize_agency(&place).is_some()
    {
        return None;
    }
    Some(place)
}

/// The place before a date on a date line ("NEW DELHI, " of "NEW DELHI,
/// September 26, 2020 00:15 IST"): capitals or a known place, then a comma.
pub(crate) fn place_before_date(before: &str) -> Option<String> {
    let prefix = before.trim_end().strip_suffix(',')?.trim();
    // "TUESDAY, JULY 16, 2002": a weekday, not a place.
    let weekday = crate::article::dates::WEEKDAYS.contains(&prefix.to_lowercase().as_str());
    if weekday || !is_all_caps(prefix) && !is_known_place(prefix) {
        return None;
    }
    place_from_prefix(prefix, true)
}

/// A dateline prefix without the country or state its place is given in
/// brackets: "Moscow [Russia], Sep 26" (ANI), "BANGALORE (India), February
/// 17." (TASS).
fn without_asides(prefix: &str) -> std::borrow::Cow<'_, str> {
    if !prefix.contains(['(', '[']) {
        return prefix.into();
    }
    let mut out = String::with_capacity(prefix.len());
    let mut close = None;
    for c in prefix.chars() {
        match (close, c) {
            (None, '(') => close = Some(')'),
            (None, '[') => close = Some(']'),
            (None, c) => out.push(c),
            (Some(end), c) if c == end => close = None,
            (Some(_), _) => {}
        }
    }
    // "MVEBU (Marvell SOCs: Armada 370/XP)", cut at its colon: a bracket
    // left open is not an aside.
    if close.is_some() {
        return prefix.into();
    }
    let words: Vec<&str> = out.split_whitespace().collect();
    words.join(" ").replace(" ,", ",").into()
}

/// "PLACE (AGENCY) -", "PLACE, DATE /TASS/.", "(CNN) --".
fn marked(head: &str) -> Option<Dateline> {
    // "BANGALORE (India), February 17. /TASS/.": an aside may come first.
    MARKER
        .as_ref()?
        .find_iter(head)
        .take_while(|m| m.start() <= 80)
        .find_map(|whole| marked_at(head, &whole))
}

/// [`marked`] with the marker at `whole`.
fn marked_at(head: &str, whole: &regex::Match<'_>) -> Option<Dateline> {
    // The story follows the marker: a word, a dash, a quote, or a tag or
    // bracket glued to it ("(CNN)#IslandLife", "(CNN)[Breaking news]"); a
    // comma or a closing bracket means the marker is inside a sentence.
    // (Checked before the agency's name: most lines with brackets or
    // slashes are prose or web addresses.)
    let after = head[whole.end()..].trim_start();
    if whole.start() > 80 || after.starts_with([',', ';', ')', ']']) {
        return None;
    }
    // "(AFP)", "/TASS./": the name between the marker's first and last
    // byte, of letters, spaces and `-&.,` ("/TASS, Andrei Kartashov/"); asides
    // and web address parts with digits or other signs need no lookup.
    let inner = whole.as_str().get(1..whole.len() - 1)?;
    let name_char = |c: char| c.is_alphabetic() || matches!(c, ' ' | '-' | '&' | '.' | ',');
    if !inner.chars().all(name_char) {
        return None;
    }
    let agency = normalize_agency(inner)?;
    let prefix = head[..whole.start()].trim();
    if prefix.is_empty() {
        return Some(Dateline {
            place: None,
            agency: Some(agency),
        });
    }
    let place = place_from_prefix(prefix, true)?;
    Some(Dateline {
        place: Some(place),
        agency: Some(agency),
    })
}

/// The first dateline delimiter (":", " - ", "—", "–", "--", " // ") within the
/// first 70 characters, and what follows it; in one pass over the bytes
/// (six substring searches set up per line were a third of the cost on
/// exports of tweets).
fn split_delimiter(head: &str) -> Option<(&str, &str)> {
    // "DUBAI // ...": The National's double slash.
    const DELIMITERS: [&str; 7] = [": ", " - ", " -- ", "--", "—", "–", " // "];
    let window = prefix_chars(head, 70).as_bytes();
    let (pos, len) = (0..window.len()).find_map(|i| {
        if !matches!(window[i], b':' | b' ' | b'-' | 0xE2) {
            return None;
        }
        let rest = &window[i..];
        let found = DELIMITERS.iter().find(|d| rest.starts_with(d.as_bytes()));
        // "WASHINGTON -House lawmakers": the dash glued to the story.
        let glued = || rest.starts_with(b" -") && rest.get(2).is_some_and(u8::is_ascii_uppercase);
        found
            .map(|d| (i, d.len()))
            .or_else(|| glued().then_some((i, 2)))
    })?;
    Some((&head[..pos], &head[pos + len..]))
}

/// "MOSCOW:", "LONDON —", "KYIV -", "Kyiv, Ukraine —".
fn delimited(head: &str) -> Option<Dateline> {
    let (prefix, rest) = split_delimiter(head)?;
    if rest.trim().is_empty() {
        return None;
    }
    let place = place_from_prefix(prefix, false)?;
    Some(Dateline {
        place: Some(place),
        agency: None,
    })
}

/// The Chinese wire dateline: "新华社莫斯科9月26日电" (Xinhua, Moscow,
/// September 26, by wire), "中新网北京9月26日电" (chinanews.com, Beijing),
/// "北京9月26日电". The sender comes first when named: a name ending in
/// 社 (agency), 网 (site), 报 (paper) or 台 (broadcaster); the place is
/// then the shortest run of characters before the date.
static WIRE_ZH: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(\p{Han}{1,6}?[社网报台])\s*)?(\p{Han}{2,8}?)\s*\d{1,2}月\d{1,2}日(?:\d{1,2}时)?电",
    )
    .ok()
});

fn chinese_wire(head: &str) -> Option<Dateline> {
    let caps = WIRE_ZH.as_ref()?.captures(head)?;
    let place = caps.get(2)?.as_str();
    let agency = caps.get(1).and_then(|sender| exact_agency(sender.as_str()));
    Some(Dateline {
        place: Some(place.to_owned()),
        agency,
    })
}

/// Most characters of a Chinese place name before a dash ("北京——"):
/// longer runs are the start of a sentence.
const MAX_HAN_PLACE_CHARS: usize = 8;

/// Words before a dateline's delimiter or marker, at most: three parts of
/// four words and a date, with room to spare.
const MAX_WORDS_BEFORE_DELIMITER: usize = 16;

/// False for most lines that cannot open with a dateline, at a glance: a
/// dateline starts with a capital (or a letter of a script without case,
/// or a bracket), and its delimiter or marker comes within its first
/// words; Xinhua's Chinese form has no delimiter. Prose lines and tweets
/// (one per record in some exports) are settled here instead of being
/// cleaned and searched with regexes.
fn may_open_with_dateline(line: &str) -> bool {
    let line = line.trim_start_matches(|c: char| c.is_whitespace() || is_invisible(c));
    // Not a lowercase letter, a digit, a quote, `@` or `#`.
    let first = line.chars().next();
    if !first.is_some_and(|c| c.is_uppercase() || c == '(' || is_caseless_letter(c)) {
        return false;
    }
    // The Chinese wire form has no delimiter: its date and "电" come
    // within its first twenty characters.
    if first.is_some_and(is_han) && line.chars().take(20).any(|c| c == '电') {
        return true;
    }
    let bytes = line.as_bytes();
    // After a delimiter comes a space (or what cleaning makes one: a tab,
    // a no-break space, which starts with a byte of 0x80 or more).
    let spaced = |i: usize| {
        bytes
            .get(i)
            .is_some_and(|&b| b.is_ascii_whitespace() || b >= 0x80)
    };
    let (mut words, mut in_word) = (0, false);
    // 160 characters of four bytes: as far as the parse below looks.
    for (i, &b) in bytes.iter().enumerate().take(640) {
        let delimiter = match b {
            // ": ", not a web address's "://".
            b':' => spaced(i + 1),
            // " - ", "--", " -House", not a hyphen inside a word.
            b'-' => {
                spaced(i + 1)
                    || bytes.get(i + 1) == Some(&b'-')
                    || i > 0
                        && bytes[i - 1] == b' '
                        && bytes.get(i + 1).is_some_and(u8::is_ascii_uppercase)
            }
            b'(' => true,
            // "/TASS/" after a space or the date's dot, not a path's slash.
            b'/' => i == 0 || matches!(bytes[i - 1], b' ' | b'.' | b',') || bytes[i - 1] >= 0x80,
            // An en or em dash (E2 80 93, E2 80 94), not a curly quote.
            0xE2 => bytes
                .get(i + 1..i + 3)
                .is_some_and(|t| t == [0x80, 0x93] || t == [0x80, 0x94]),
            _ => false,
        };
        if delimiter {
            return true;
        }
        if b.is_ascii_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
            if words > MAX_WORDS_BEFORE_DELIMITER {
                return false;
            }
        }
    }
    false
}

/// Fewest words of the sentence after a Title Case place and its
/// delimiter ("New Delhi: India and China agreed on Friday...").
const MIN_WORDS_AFTER_TITLED_PLACE: usize = 6;

/// "New Delhi: India and China agreed...", "Karachi: Heavy rains...",
/// "Ramallah - Palestinian politicians...": a known place
/// ([`is_known_place`]) in Title Case before a colon or a dash, as Indian,
/// Pakistani and Al Jazeera's pages write it. Read on a page's first body
/// line only: in a headline, "Delhi: ..." is a topic.
fn titled_place(line: &str) -> Option<Dateline> {
    // The delimiter comes within a place name's length of the start: most
    // first lines are settled here, before cleaning.
    let start = line.trim_start().as_bytes();
    memchr::memchr3(b':', b'-', 0xE2, &start[..start.len().min(40)])?;
    let head = clean_head(line, 160);
    let (prefix, rest) = split_delimiter(&head)?;
    let (prefix, rest) = (prefix.trim(), rest.trim_start());
    let opens_sentence = |c: char| c.is_uppercase() || c.is_ascii_digit() || c == '"' || c == '“';
    let sentence = rest.split_whitespace().count() >= MIN_WORDS_AFTER_TITLED_PLACE
        && rest.starts_with(opens_sentence);
    let is_place = prefix.split_whitespace().all(is_capitalized) && is_known_place(prefix);
    (is_place && sentence).then(|| Dateline {
        place: Some(prefix.to_owned()),
        agency: None,
    })
}

/// The dateline of a page's first body line: [`parse_dateline`], or a
/// Title Case place before a colon or a dash ([`titled_place`]).
pub(crate) fn body_dateline(line: &str) -> Option<Dateline> {
    parse_dateline(line).or_else(|| titled_place(line))
}

/// Reads the dateline at the start of a body line, if there is one.
pub(crate) fn parse_dateline(line: &str) -> Option<Dateline> {
    if !may_open_with_dateline(line) {
        return None;
    }
    let head = clean_head(line, 160);
    let head = head.as_str();
    if head.is_empty() {
        return None;
    }
    marked(head)
        .or_else(|| delimited(head))
        .or_else(|| chinese_wire(head))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(s: &str) -> Option<String> {
        parse_dateline(s).and_then(|d| d.place)
    }

    fn agency(s: &str) -> Option<&'static str> {
        parse_dateline(s).and_then(|d| d.agency)
    }

    #[test]
    fn a_weekday_before_a_date_is_no_place() {
        assert_eq!(
            place_before_date("NEW DELHI, "),
            Some("NEW DELHI".to_owned())
        );
        assert_eq!(place_before_date("TUESDAY, "), None);
        assert_eq!(place_before_date("Thu, "), None);
    }

    #[test]
    fn places() {
        for (s, want) in [
            (
                "MOSCOW: Russian President Vladimir Putin proposed on Friday",
                "MOSCOW",
            ),
            ("MOSCOW - Putin said", "MOSCOW"),
            ("LONDON — Special attention should be paid", "LONDON"),
            ("KYIV - Vladimir Putin says Kyrgyzstan remains", "KYIV"),
            ("NEW DELHI — they cannot be safely operated", "NEW DELHI"),
            ("NEW DELHI: The government said", "NEW DELHI"),
            ("PARIS (AFP) - The Taoiseach has rejected", "PARIS"),
            ("WASHINGTON, Sept 26 (Reuters) - The US said", "WASHINGTON"),
            ("MOSCOW, March 13. /TASS/. Russia and Iran intend", "MOSCOW"),
            ("MOSCOW, February 7. /TASS/. A snap check", "MOSCOW"),
            ("MOSCOW, March 14. /TASS./. The Kremlin has", "MOSCOW"),
            (
                "MOSCOW, March 30. /TASS, Andrei Kartashov/. The Russian",
                "MOSCOW",
            ),
            ("Kyiv, Ukraine — Russian forces", "Kyiv, Ukraine"),
            (
                "Brussels, May 12: President Donald Trump offered",
                "Brussels",
            ),
            ("New Delhi, Sep 26: The government said", "New Delhi"),
            (
                "Washington (CNN)President Donald Trump, meeting",
                "Washington",
            ),
            (
                "West Palm Beach, Florida (CNN)President Donald Trump",
                "West Palm Beach, Florida",
            ),
            (
                "Kuala Lumpur, Malaysia (CNN)The body of Kim Jong Nam",
                "Kuala Lumpur, Malaysia",
            ),
            (
                "Amsterdam, the Netherlands (CNN)Khalid Jone is -- in theory",
                "Amsterdam, the Netherlands",
            ),
            ("ISLAMABAD, Sep 26 (APP): Prime Minister", "ISLAMABAD"),
            ("BEIJING, Sept. 26 (Xinhua) -- China", "BEIJING"),
            ("МОСКВА, 26 сентября. /ТАСС/. Президент", "МОСКВА"),
            (
                "BRUSSELS/LONDON (Reuters) - EU leaders met.",
                "BRUSSELS/LONDON",
            ),
            (
                "HONG KONG/SHANGHAI, Sept 26 (Reuters) - Shares fell.",
                "HONG KONG/SHANGHAI",
            ),
            ("NEW YORK (CNN Business) Shares fell.", "NEW YORK"),
            (
                "اسلام آباد: وزیراعظم عمران خان نے قوم سے خطاب کیا",
                "اسلام آباد",
            ),
            ("القاهرة - قال الرئيس المصري", "القاهرة"),
            ("新华社莫斯科9月26日电 俄罗斯总统普京提议", "莫斯科"),
            (
                "WASHINGTON -House lawmakers on Thursday advanced a measure",
                "WASHINGTON",
            ),
            (
                "BANGALORE (India), February 17. /TASS/. A contract for the delivery",
                "BANGALORE",
            ),
            (
                "Moscow [Russia], Sep 26 (ANI): Russian President Vladimir Putin",
                "Moscow",
            ),
            ("中新网北京9月26日电 外交部发言人表示", "北京"),
            ("北京9月26日电（记者 张三）外交部发言人表示", "北京"),
            ("烟台9月26日电 记者从烟台市获悉", "烟台"),
            ("北京——中国外交部26日表示，中方欢迎各方对话。", "北京"),
        ] {
            assert_eq!(place(s).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn title_case_places_before_a_colon_open_a_page_body() {
        let body_place = |s: &str| body_dateline(s).and_then(|d| d.place);
        for (s, want) in [
            (
                "New Delhi: India and China agreed on Friday to ease tensions.",
                "New Delhi",
            ),
            (
                "Karachi: Heavy rains lashed the city on Saturday, flooding streets.",
                "Karachi",
            ),
            (
                "Bengaluru: The state government on Monday announced new rules.",
                "Bengaluru",
            ),
            (
                "Ramallah - Palestinian politicians and human rights groups warn",
                "Ramallah",
            ),
            (
                "Istanbul --Om Abd al-Rahman holds little hope for the future of Syria",
                "Istanbul",
            ),
        ] {
            assert_eq!(body_place(s).as_deref(), Some(want), "{s}");
            // Elsewhere (a headline, a tweet) it is not read.
            assert_eq!(place(s), None, "{s}");
        }
        for s in [
            "Note: This article was updated on Monday to add details.",
            "Opinion: Why the talks between the two sides will fail.",
            "Putin: We will win.",
            "Reuters: The company said on Monday it would cut jobs.",
            "Trump on deportations: 'It's a military operation' and more words here",
            "Updated at 10:15: The ministry said on Monday that the talks would resume.",
            "Phil Wolff: Dave Winer books I'll buy and read this summer at the lake.",
            "Subject: The 3rd Annual Consult Hyperion Digital Identity Forum",
            "Delhi: Pollution",
            "Q: What happened next in the talks between the two sides?",
        ] {
            assert_eq!(body_place(s), None, "{s}");
        }
    }

    #[test]
    fn agencies() {
        assert_eq!(agency("PARIS (AFP) - The Taoiseach"), Some("AFP"));
        assert_eq!(agency("MOSCOW, March 13. /TASS/. Russia"), Some("TASS"));
        assert_eq!(agency("Washington (CNN)President"), Some("CNN"));
        assert_eq!(agency("(CNN) -- The president said"), Some("CNN"));
        assert_eq!(agency("MOSCOW: Russian President"), None);
        assert_eq!(place("(CNN) -- The president said"), None);
        // A tag or a bracket glued to the marker still opens the story...
        assert_eq!(agency("(CNN)[Breaking news at 1:24 p.m.]"), Some("CNN"));
        assert_eq!(
            place("Washington (CNN)#IslandLife was good to Barack Obama."),
            Some("Washington".into())
        );
        // ...a comma after it does not: the marker is inside a sentence.
        assert_eq!(agency("Officials in Paris (AFP), speaking on Monday"), None);
        // Chinese wire datelines name their sender first.
        assert_eq!(agency("新华社莫斯科9月26日电 俄罗斯总统"), Some("Xinhua"));
        assert_eq!(
            agency("中新社北京9月26日电 外交部"),
            Some("China News Service")
        );
        assert_eq!(agency("中新网北京9月26日电 外交部"), None);
    }

    #[test]
    fn no_dateline() {
        for s in [
            "",
            "The contract has a total price over 1 bln euro, Russian Energy Minister Alexander Novak said",
            "Trump on deportations: 'It's a military operation'",
            "OPINION: If Scotland leaves, England will lose the Brexit game",
            "Project goal: Rescue wild animals that are orphaned",
            "Selena Gomez is a co-producer on the new Netflix original drama series",
            "Russia's economy grew 2% (Reuters poll) - analysts said",
            "Moscow - the capital - is large",
            "He said: We will win.",
            "Every year, the monsoon floods parts of India's Assam region.",
            "WATCH: Turkey-Netherlands war of words intensifies",
            "DW: Mr. Bozkurt, your party colleague wants refugees back",
            "Q: What happened next?",
            // Three words of Urdu before a colon: a sentence ("the prime
            // minister said:"), not a place.
            "وزیراعظم نے کہا: ہم جیتیں گے",
            "普京说：我们会赢",
            "中国外交部发言人赵立坚在例行记者会上表示——中方欢迎各方对话",
            "NEW YORK -based investors said on Monday",
            "MVEBU (Marvell SOCs: Armada 370/XP)",
            "Skydiving, hiking, kayaking - they're all part of the plan as sports",
        ] {
            assert_eq!(place(s), None, "{s}");
        }
    }

    #[test]
    fn the_quick_test_rejects_lines_that_cannot_open_with_a_dateline() {
        // Prose: no delimiter in the first sixteen words.
        assert!(!may_open_with_dateline(
            "The council met on Tuesday to discuss the budget for the coming year and said it would"
        ));
        assert!(!may_open_with_dateline("just landed in Paris #travel"));
        // No place starts lowercase or with a digit, a quote, `@` or `#`.
        assert!(!may_open_with_dateline(
            "7 foods that spike blood sugar: http://bit.ly/x"
        ));
        assert!(!may_open_with_dateline("@user: great piece - read it"));
        assert!(may_open_with_dateline("\u{feff} \u{a0}MOSCOW: Russia"));
        assert!(may_open_with_dateline("(CNN) -- The president"));
        assert!(may_open_with_dateline("اسلام آباد: وزیراعظم"));
        // Web addresses and hyphenated words hold no delimiter...
        assert!(!may_open_with_dateline(
            "Sideline Robot Helps Trainers Spot Football Concussions http://n.pr/1ApLJBf"
        ));
        assert!(!may_open_with_dateline("Jason Sarfo-Annin writes"));
        // ...the delimiters themselves, after any kind of space, do.
        assert!(may_open_with_dateline("MOSCOW:\u{a0}Russia"));
        assert!(may_open_with_dateline("MOSCOW --Russia"));
        assert!(may_open_with_dateline("LONDON—Special attention"));
        assert!(may_open_with_dateline("MOSCOW, March 13./TASS/. Russia"));
        // A delimiter after runs of spaces, which cleaning collapses.
        assert!(may_open_with_dateline(
            "MOSCOW,          March 13. /TASS/. Russia"
        ));
        assert!(may_open_with_dateline("Kyiv, Ukraine — Russian forces"));
        assert_eq!(
            place("MOSCOW,          March 13. /TASS/. Russia"),
            Some("MOSCOW".into())
        );
    }

    #[test]
    fn one_pass_delimiter_search_finds_the_first_delimiter() {
        // The plain version: each delimiter searched for on its own.
        fn reference(head: &str) -> Option<(&str, &str)> {
            let window = prefix_chars(head, 70);
            let candidates = [": ", " - ", " -- ", "--", "—", "–"];
            let (pos, delim) = candidates
                .iter()
                .filter_map(|d| window.find(d).map(|p| (p, *d)))
                .min_by_key(|(p, _)| *p)?;
            Some((&head[..pos], &head[pos + delim.len()..]))
        }
        for head in [
            "MOSCOW: Putin said",
            "LONDON — Special attention",
            "KYIV - Vladimir Putin",
            "WASHINGTON -- The US said",
            "A--B: c",
            "x – y — z",
            "Re: -- -",
            "no delimiter at all",
            ":",
            "a very long line that goes on and on past the seventieth character: then a colon",
            "Kyiv, Ukraine — Russian forces",
            "éé: ü",
        ] {
            assert_eq!(split_delimiter(head), reference(head), "{head}");
        }
    }

    #[test]
    fn huge_and_odd_lines() {
        let huge = "A".repeat(100_000);
        assert_eq!(place(&huge), None);
        assert_eq!(place("Ж: —"), None);
        assert_eq!(place("—"), None);
    }
}
