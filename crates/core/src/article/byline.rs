//! Byline lines: who wrote or supplied the article.
//!
//! Pages write "By AFP", "AFP", "By Agence France-Presse", "By Jane Doe and
//! John Roe", "Jane Doe | Outlet", "From our reporter" or "Our
//! Correspondent". A byline tells the agency when it names one, and the
//! outlet when it is followed by "| Outlet". A line must look like a byline
//! as a whole, so that headlines and sentences are never mistaken for one.

use crate::article::agency::{exact_agency, normalize_agency};
use crate::article::dates::date_line;
use crate::article::places::is_known_place;
use crate::article::util::{
    CONNECTORS, char_len, clean, fold_key, is_capitalized, strip_emphasis, word_count,
};

/// A byline as written, with what it tells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Byline {
    pub text: String,
    pub agency: Option<&'static str>,
    pub outlet: Option<String>,
}

/// Staff credits that name no person ("Our Correspondent").
const STAFF_LABELS: &[&str] = &[
    "our correspondent",
    "our correspondents",
    "staff reporter",
    "staff correspondent",
    "special correspondent",
    "our staff reporter",
    "our staff correspondent",
    "our reporter",
    "news desk",
    "web desk",
    "monitoring desk",
    "monitoring report",
    "online desk",
    "agencies",
    "news agencies",
    "agency report",
    "wire services",
    "staff writer",
    "staff writers",
    "editorial board",
    "the editorial board",
    "newsroom",
    "news service",
    "correspondent",
];

/// [`STAFF_LABELS`] that a paper's short name may come before.
const OUTLET_STAFF_LABELS: &[&str] = &[
    "correspondent",
    "staff reporter",
    "staff correspondent",
    "special correspondent",
    "staff writer",
    "news desk",
    "web desk",
];

/// Words allowed lowercase in a byline after "By".
const BYLINE_WORDS: &[&str] = &[
    "our",
    "staff",
    "special",
    "correspondent",
    "correspondents",
    "reporter",
    "reporters",
    "writer",
    "in",
    "from",
    "with",
    "news",
    "desk",
    "bureau",
    "agencies",
    "agency",
    "a",
    "chief",
    "senior",
];

const BY_PREFIXES: &[&str] = &[
    "by ",
    "written by ",
    "reported by ",
    "story by ",
    "words by ",
    "posted by ",
    "author: ",
    "authors: ",
    "text by: ",
    "text by ",
    "written by: ",
    // French, Spanish and Portuguese, German: "Par AFP", "Por EFE", "Von dpa".
    "par ",
    "por ",
    "von ",
];

/// True when every word could belong to a person's name or a staff credit.
fn names_only(s: &str, max_words: usize) -> bool {
    let words = word_count(s);
    let name_char =
        |c: char| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\'' | '’' | ',' | '&');
    if words == 0 || words > max_words || !s.chars().all(name_char) {
        return false;
    }
    s.split_whitespace().all(|w| {
        let w = w.trim_end_matches([',', ';']);
        let lower = w.to_lowercase();
        is_capitalized(w)
            || CONNECTORS.contains(&lower.as_str())
            || BYLINE_WORDS.contains(&lower.as_str())
    })
}

/// "By X" with X a list of names or an agency.
fn by_line(s: &str) -> Option<Byline> {
    let prefix = BY_PREFIXES.iter().find(|p| {
        s.get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p))
    })?;
    let rest = s.get(prefix.len()..)?.trim();
    // "By Jane Doe for Dawn": the outlet the writer wrote for.
    let (rest, outlet) = match rest.rsplit_once(" for ") {
        Some((name, outlet)) if is_outlet_name(outlet) => (name.trim(), Some(outlet.trim())),
        _ => (rest, None),
    };
    let agency = normalize_agency(rest);
    let first_ok = rest.chars().next().is_some_and(char::is_uppercase)
        || rest.to_lowercase().starts_with("our ");
    if agency.is_none()
        && (!first_ok || !names_only(rest, 12) || rest.ends_with('.') && !rest.ends_with("Jr."))
    {
        return None;
    }
    Some(Byline {
        text: s.to_owned(),
        agency,
        outlet: outlet.map(str::to_owned),
    })
}

/// A site or paper's name after "for": one to four capitalised words
/// ("Dawn", "The New York Times", "Al Jazeera").
fn is_outlet_name(s: &str) -> bool {
    let s = s.trim();
    let words = word_count(s);
    (1..=4).contains(&words)
        && !s.ends_with(['.', '?', '!'])
        && s.split_whitespace()
            .all(|w| is_capitalized(w) || CONNECTORS.contains(&w.to_lowercase().as_str()))
}

/// "From our reporter", "Our Correspondent", "Staff Reporter".
fn staff_line(s: &str) -> Option<Byline> {
    // "From" and six words at most, or a label of a few words: longer lines
    // need no folding.
    if s.split_whitespace().nth(7).is_some() {
        return None;
    }
    let key = fold_key(s);
    let from_staff = key.strip_prefix("from ").is_some_and(|rest| {
        ["our ", "a ", "the "].iter().any(|p| rest.starts_with(p))
            && word_count(rest) <= 6
            && !s.ends_with('.')
    });
    // A paper's short name before the label: "HT Correspondent", "TOI
    // Staff Reporter", "Dawn News Desk".
    let outlet_staff = key.split_once(' ').is_some_and(|(_, rest)| {
        OUTLET_STAFF_LABELS.contains(&rest) && s.trim_start().starts_with(char::is_uppercase)
    });
    (from_staff || outlet_staff || STAFF_LABELS.contains(&key.as_str())).then(|| Byline {
        text: s.to_owned(),
        agency: None,
        outlet: None,
    })
}

/// A byline with no "|": "By ...", a staff credit, a bare agency name, or
/// a name and the agency it writes for ("Jane Doe, Reuters", "Jane Doe /
/// Reuters").
fn single(s: &str) -> Option<Byline> {
    if let Some(agency) = exact_agency(s) {
        return Some(Byline {
            text: s.to_owned(),
            agency: Some(agency),
            outlet: None,
        });
    }
    // "Par Le Figaro avec AFP", "By Staff with AP": an agency's copy
    // reworked by the paper credits the agency.
    let by = ["by ", "par ", "por ", "von "]
        .iter()
        .any(|p| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)));
    let with = || {
        let (_, tail) = [" avec ", " with ", " con ", " mit ", " com "]
            .iter()
            .find_map(|w| s.rsplit_once(w))?;
        exact_agency(tail.trim())
    };
    let with = if by { with() } else { None };
    if let Some(agency) = with
        && s.split_whitespace().nth(8).is_none()
    {
        return Some(Byline {
            text: s.to_owned(),
            agency: Some(agency),
            outlet: None,
        });
    }
    by_line(s)
        .or_else(|| staff_line(s))
        .or_else(|| name_and_agency(s))
        .or_else(|| source_credit(s))
        .or_else(|| name_and_role(s))
        .or_else(|| agency_in_place(s))
}

/// Roles a byline gives after the writer's name.
const ROLES: &[&str] = &[
    "correspondent",
    "reporter",
    "editor",
    "writer",
    "columnist",
    "contributor",
    "analyst",
    "chief",
    "bureau",
];

/// "Jane Doe, Moscow correspondent", "John Roe, political editor": a name,
/// then a role of at most four words.
fn name_and_role(s: &str) -> Option<Byline> {
    let last = s.rsplit(' ').next()?.trim_end_matches('.');
    if !ROLES.iter().any(|r| r.eq_ignore_ascii_case(last)) {
        return None;
    }
    let (name, role) = s.rsplit_once(", ")?;
    let role_words: Vec<String> = role.split_whitespace().map(str::to_lowercase).collect();
    let is_role = (1..=4).contains(&role_words.len())
        && role_words
            .last()
            .is_some_and(|w| ROLES.contains(&w.trim_end_matches('.')))
        && !role.ends_with(['?', '!']);
    let named = name.chars().next().is_some_and(char::is_uppercase) && names_only(name, 6);
    (is_role && named).then(|| Byline {
        text: s.to_owned(),
        agency: None,
        outlet: None,
    })
}

/// "Reuters in Beijing", "Agence France-Presse in Paris": the agency and
/// where it filed from.
fn agency_in_place(s: &str) -> Option<Byline> {
    let (agency, place) = s.rsplit_once(" in ")?;
    let place_ok = (1..=3).contains(&word_count(place))
        && place
            .split_whitespace()
            .all(crate::article::util::is_capitalized);
    let agency = exact_agency(agency).filter(|_| place_ok)?;
    Some(Byline {
        text: s.to_owned(),
        agency: Some(agency),
        outlet: None,
    })
}

/// The labels of a source credit: "Source: chinadaily.com.cn", "来源：新华网".
const SOURCE_LABELS: [&str; 2] = ["source", "来源"];

/// Where a source credit starts in `s`, and its label: the label, then a
/// colon (or, in Chinese, a space), not glued to a word before it.
pub(crate) fn source_label(s: &str) -> Option<(usize, &'static str)> {
    // Where a label may start: "s", "S", or the first byte of "来" (E6 9D
    // A5), found by a vectorised search; most lines have few of them.
    let starts = memchr::memchr3_iter(b's', b'S', 0xE6, s.as_bytes());
    starts.filter(|&at| s.is_char_boundary(at)).find_map(|at| {
        let rest = &s[at..];
        let label = SOURCE_LABELS.iter().find(|l| {
            rest.get(..l.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(l))
        })?;
        let glued = s[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let after = &rest[label.len()..];
        let colon = after.trim_start().starts_with([':', '：']);
        let spaced = !label.is_ascii() && after.starts_with(char::is_whitespace);
        (!glued && (colon || spaced)).then_some((at, *label))
    })
}

/// "Source: chinadaily.com.cn", "来源：新华网": the outlet a page credits
/// (an agency named so is read by [`exact_agency`]).
fn source_credit(s: &str) -> Option<Byline> {
    let label = SOURCE_LABELS
        .iter()
        .find(|l| s.get(..l.len()).is_some_and(|h| h.eq_ignore_ascii_case(l)))?;
    if source_label(s)?.0 != 0 {
        return None;
    }
    let name = s[label.len()..]
        .trim_start_matches(|c: char| c.is_whitespace() || c == ':' || c == '：')
        .trim();
    let sentence = name.ends_with(['.', '。', '!', '?']) && !is_domain_like(name);
    if name.is_empty() || word_count(name) > 5 || char_len(name) > 40 || sentence {
        return None;
    }
    Some(Byline {
        text: s.to_owned(),
        agency: None,
        outlet: Some(name.to_owned()),
    })
}

/// "chinadaily.com.cn": a name with a dot inside and no space.
fn is_domain_like(s: &str) -> bool {
    !s.contains(' ') && s.trim_end_matches('.').contains('.')
}

/// An editor's credit beside the byline ("Editor: huaxia", "责任编辑：王四"),
/// which names neither the writer nor the outlet.
fn is_editor_credit(part: &str) -> bool {
    let key = fold_key(part);
    ["editor ", "editors ", "edited by ", "责任编辑", "编辑 "]
        .iter()
        .any(|p| key.starts_with(p))
}

/// "Jane Doe, Reuters": two to four capitalised names, a comma, an agency.
fn name_and_agency(s: &str) -> Option<Byline> {
    // "Jane Doe (AFP)": the agency in brackets after the name.
    let bracketed = || {
        let (name, agency) = s.strip_suffix(')')?.rsplit_once(" (")?;
        Some((name, agency))
    };
    let (name, agency) = s
        .rsplit_once(',')
        .or_else(|| s.rsplit_once(" / "))
        .or_else(bracketed)?;
    let agency = exact_agency(agency.trim())?;
    let name = name.trim();
    (word_count(name) >= 2 && names_only(name, 4) && !name.contains(',')).then(|| Byline {
        text: s.to_owned(),
        agency: Some(agency),
        outlet: None,
    })
}

/// "Jane Doe | Outlet", "By AFP | Dawn": a byline then the outlet.
fn with_outlet(s: &str) -> Option<Byline> {
    let parts: Vec<&str> = s
        .split('|')
        .map(|p| strip_emphasis(p.trim()))
        .filter(|p| !p.is_empty())
        .collect();
    let (first, rest) = parts.split_first()?;
    if !(1..=2).contains(&rest.len()) {
        return None;
    }
    let mut byline = match single(first) {
        Some(b) => b,
        None if names_only(first, 4) && word_count(first) >= 2 && char_len(first) <= 40 => Byline {
            text: (*first).to_owned(),
            agency: None,
            outlet: None,
        },
        None => return None,
    };
    for part in rest {
        if date_line(part).is_some() || is_editor_credit(part) {
            continue;
        }
        if word_count(part) > 5 {
            return None;
        }
        match exact_agency(part) {
            Some(agency) if byline.agency.is_none() => byline.agency = Some(agency),
            Some(_) => {}
            // "EFE | Madrid | 26 Sep 2020": the place filed from.
            None if is_known_place(part) => {}
            None if byline.outlet.is_none() => byline.outlet = Some((*part).to_owned()),
            None => {}
        }
    }
    Some(byline)
}

/// Reads a byline line, or `None` when the line is something else.
pub(crate) fn parse_byline(line: &str) -> Option<Byline> {
    if line.len() > 400 {
        return None;
    }
    let cleaned = clean(line);
    let s = strip_emphasis(&cleaned);
    if s.is_empty() || char_len(s) > 120 {
        return None;
    }
    if s.contains('|') {
        return with_outlet(s);
    }
    single(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agency_of(s: &str) -> Option<&'static str> {
        parse_byline(s).and_then(|b| b.agency)
    }

    #[test]
    fn agency_bylines() {
        assert_eq!(agency_of("By\u{a0}AFP"), Some("AFP"));
        assert_eq!(agency_of("AFP"), Some("AFP"));
        assert_eq!(agency_of("By Agence France-Presse"), Some("AFP"));
        assert_eq!(agency_of("By Associated Press"), Some("AP"));
        assert_eq!(agency_of("Reuters"), Some("Reuters"));
        assert_eq!(agency_of("By Jane Doe, Reuters"), Some("Reuters"));
        assert_eq!(agency_of("Jane Doe, Reuters"), Some("Reuters"));
        assert_eq!(agency_of("Carla K. Johnson, AP"), Some("AP"));
        assert_eq!(agency_of("Par AFP"), Some("AFP"));
        assert_eq!(agency_of("Posted by Reuters"), Some("Reuters"));
        assert_eq!(agency_of("Por EFE"), Some("EFE"));
        assert_eq!(agency_of("Von dpa"), Some("dpa"));
        assert_eq!(agency_of("Jane Doe / Reuters"), Some("Reuters"));
        assert_eq!(agency_of("Reuters in Beijing"), Some("Reuters"));
        assert_eq!(agency_of("Text by: FRANCE 24 / AFP"), Some("AFP"));
        assert_eq!(agency_of("Chinedu Okafor (EFE)"), Some("EFE"));
        assert_eq!(agency_of("Par Le Figaro avec AFP"), Some("AFP"));
        assert_eq!(agency_of("Talks with Reuters"), None);
        assert_eq!(agency_of("Sarah Whitfield (XINHUA)"), Some("Xinhua"));
        assert_eq!(agency_of("Agence France-Presse in Paris"), Some("AFP"));
        assert_eq!(
            agency_of("By ZEKE MILLER and JILL COLVIN Associated Press"),
            Some("AP")
        );
        assert!(parse_byline("Par Marie Dupont").is_some());
        // Headlines that open like a foreign byline are not bylines.
        assert!(parse_byline("Von der Leyen urges unity").is_none());
        assert!(parse_byline("Por qué sube el precio del pan").is_none());
        assert_eq!(
            parse_byline("By\u{a0}AFP").map(|b| b.text),
            Some("By AFP".to_owned())
        );
    }

    #[test]
    fn person_bylines() {
        for s in [
            "By Jane Doe",
            "By Jane Doe and John Roe",
            "By Sarah Miller and Tom Hughes",
            "By Anwar Iqbal",
            "By Our Correspondent",
            "From our reporter",
            "Our Correspondent",
            "By Rio de Souza",
            "Author: Jane Doe",
            "Authors: Gerd Hoffmann, Mauro Carvalho Chehab",
            "Jane Doe, Moscow correspondent",
            "Stephen Bates, religious affairs correspondent",
            "HT Correspondent",
            "TOI Staff Reporter",
        ] {
            let b = parse_byline(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(b.agency, None, "{s}");
        }
    }

    #[test]
    fn outlets() {
        let b = parse_byline("By Jane Doe for Dawn").unwrap();
        assert_eq!(
            (b.text.as_str(), b.outlet.as_deref(), b.agency),
            ("By Jane Doe for Dawn", Some("Dawn"), None)
        );
        let b = parse_byline("*By Jane Doe* | Dawn").unwrap();
        assert_eq!(
            (b.text.as_str(), b.outlet.as_deref()),
            ("By Jane Doe", Some("Dawn"))
        );
        assert_eq!(
            parse_byline("_By AFP_").map(|b| b.text),
            Some("By AFP".to_owned())
        );
        let b = parse_byline("By Sarah Miller for The New York Times").unwrap();
        assert_eq!(b.outlet.as_deref(), Some("The New York Times"));
        let b = parse_byline("Jane Doe | Dawn").unwrap();
        assert_eq!(
            (b.text.as_str(), b.outlet.as_deref(), b.agency),
            ("Jane Doe", Some("Dawn"), None)
        );
        let b = parse_byline("By Jane Doe | Dawn").unwrap();
        assert_eq!(b.outlet.as_deref(), Some("Dawn"));
        let b = parse_byline("AFP | The Express Tribune").unwrap();
        assert_eq!(b.agency, Some("AFP"));
        let b = parse_byline("EFE | Madrid | 26 Sep 2020").unwrap();
        assert_eq!((b.outlet, b.agency), (None, Some("EFE")));
        // Source credits name the outlet or the agency; editors are neither.
        let b = parse_byline("来源：新华网").unwrap();
        assert_eq!((b.outlet.as_deref(), b.agency), (Some("新华网"), None));
        let b = parse_byline("Source: chinadaily.com.cn").unwrap();
        assert_eq!(b.outlet.as_deref(), Some("chinadaily.com.cn"));
        assert_eq!(parse_byline("来源: 新华社").unwrap().agency, Some("Xinhua"));
        let b = parse_byline("Source: Xinhua|Editor: huaxia").unwrap();
        assert_eq!((b.outlet.as_deref(), b.agency), (None, Some("Xinhua")));
        assert_eq!(
            source_label("2020-09-26 来源：新华网").map(|l| l.0),
            Some(11)
        );
        assert_eq!(source_label("Opensource: a story"), None);
        assert_eq!(source_label("Resources: none"), None);
    }

    #[test]
    fn not_bylines() {
        for s in [
            "",
            "Putin proposes election non-interference pact with US",
            "By the end of the year, prices rose.",
            "By 2030 the city will be larger",
            "by which time it was over",
            "Russia bans AFP, Reuters",
            "Home | World | Asia is not a byline of course at all",
            "Trump on deportations: 'It's a military operation'",
            "From the archives, a story about the war that changed the world.",
            "By The Numbers: Trump's First Year",
            "By Land And Sea?",
            "Russia bans AFP, Reuters",
            "Sanctions, Reuters",
            "By the end of the year for Dawn",
            "By Jane Doe for the last time.",
            "Prices rise in the city, says the correspondent",
            "Fighting in Kabul",
        ] {
            assert_eq!(parse_byline(s), None, "{s}");
        }
    }
}
