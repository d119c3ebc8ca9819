//! Wire-service names and their many spellings.
//!
//! The same agency appears as "AFP", "Agence France-Presse", "By AFP",
//! "(AFP)" or "/TASS/"; analyses group articles by agency, so every spelling
//! maps to one canonical name. Names that are not wire services (a
//! reporter, "Our Correspondent") map to nothing.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::article::util::{clean, fold_key};

/// Canonical name and the folded spellings that mean it.
const AGENCIES: &[(&str, &[&str])] = &[
    (
        "AFP",
        &[
            "afp",
            "agence france presse",
            "agence france press",
            "france presse",
            "agence france",
            "أ ف ب",
            "ا ف ب",
            "فرانس برس",
            "اے ایف پی",
            "франс пресс",
            "法新社",
        ],
    ),
    (
        "AP",
        &[
            "ap",
            "associated press",
            "the associated press",
            "أسوشيتد برس",
            "ассошиэйтед пресс",
            "美联社",
        ],
    ),
    (
        "Reuters",
        &[
            "reuters",
            "thomson reuters",
            "thomson reuters foundation",
            "رويترز",
            "رائٹرز",
            "рейтер",
            "рейтерс",
            "路透社",
        ],
    ),
    (
        "Xinhua",
        &[
            "xinhua",
            "xinhua news agency",
            "xinhuanet",
            "xinhua net",
            "新华社",
            "شينخوا",
            "синьхуа",
        ],
    ),
    (
        "TASS",
        &[
            "tass",
            "itar tass",
            "тасс",
            "итар тасс",
            "tass news agency",
            "tass russian news agency",
            "塔斯社",
        ],
    ),
    ("APP", &["app", "associated press of pakistan", "اے پی پی"]),
    (
        "dpa",
        &[
            "dpa",
            "deutsche presse agentur",
            "german press agency",
            "د ب أ",
            "德新社",
        ],
    ),
    ("EFE", &["efe", "agencia efe", "埃菲社"]),
    ("ANI", &["ani", "asian news international"]),
    ("PTI", &["pti", "press trust of india"]),
    ("IANS", &["ians", "indo asian news service"]),
    ("UNI", &["uni", "united news of india"]),
    ("CNN", &["cnn", "cnn wire", "cnn business", "cnn politics"]),
    ("UPI", &["upi", "united press international"]),
    (
        "Anadolu",
        &[
            "anadolu",
            "anadolu agency",
            "anadolu ajansı",
            "aa",
            "الأناضول",
            "الاناضول",
        ],
    ),
    ("Kyodo", &["kyodo", "kyodo news", "共同社"]),
    (
        "Yonhap",
        &["yonhap", "yonhap news agency", "yonhap news", "韩联社"],
    ),
    (
        "China News Service",
        &["china news service", "中新社", "中国新闻社"],
    ),
    ("Bernama", &["bernama"]),
    ("ANSA", &["ansa"]),
    ("Interfax", &["interfax", "интерфакс"]),
    ("RIA Novosti", &["ria novosti", "ria", "риа новости", "риа"]),
    ("Sputnik", &["sputnik", "sputnik news"]),
    ("Bloomberg", &["bloomberg", "bloomberg news"]),
    (
        "PA",
        &[
            "pa",
            "press association",
            "pa media",
            "the press association",
        ],
    ),
    ("AAP", &["aap", "australian associated press"]),
    ("CP", &["the canadian press", "canadian press"]),
    ("IRNA", &["irna", "islamic republic news agency"]),
    ("KCNA", &["kcna", "korean central news agency"]),
    ("WAM", &["wam", "emirates news agency"]),
    ("SPA", &["spa", "saudi press agency"]),
    ("Antara", &["antara", "antara news"]),
    ("BSS", &["bss", "bangladesh sangbad sangstha"]),
    ("NNA", &["nna", "national news agency"]),
    ("NAN", &["nan", "news agency of nigeria"]),
    ("KNA", &["kna", "kenya news agency"]),
    ("UNB", &["unb", "united news of bangladesh"]),
    ("GNA", &["gna", "ghana news agency"]),
    ("Lusa", &["lusa"]),
    ("MENA", &["mena", "middle east news agency"]),
    ("PNA", &["pna", "philippine news agency"]),
    ("Prensa Latina", &["prensa latina"]),
    ("ANP", &["anp"]),
    ("Belga", &["belga"]),
    ("CTK", &["ctk", "čtk"]),
    ("PAP", &["pap", "polish press agency"]),
    ("Ukrinform", &["ukrinform"]),
    ("Jiji", &["jiji", "jiji press"]),
];

/// Words that prefix an agency name in bylines and credits.
const PREFIXES: &[&str] = &[
    "written by ",
    "reported by ",
    "posted by ",
    "by ",
    "par ",
    "por ",
    "von ",
    "from ",
    "via ",
    "source ",
    "credit ",
    "courtesy ",
    // "来源：新华社" (source: Xinhua).
    "来源 ",
];
/// Words that follow an agency name without changing it ("Reuters staff").
const SUFFIXES: &[&str] = &[
    " staff",
    " reporters",
    " reporter",
    " report",
    " wire",
    " news agency",
    " news service",
    " correspondent",
];

/// Canonical agency by folded spelling: [`AGENCIES`] turned around.
static BY_SPELLING: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    let spellings = AGENCIES
        .iter()
        .flat_map(|&(name, keys)| keys.iter().map(move |&key| (key, name)));
    spellings.collect()
});

/// Every word of a spelling or a prefix: the first word of anything
/// [`exact_agency`] accepts is one of them.
static FIRST_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    let spellings = AGENCIES.iter().flat_map(|(_, keys)| keys.iter());
    spellings
        .chain(PREFIXES)
        .flat_map(|s| s.split_whitespace())
        .collect()
});

fn lookup(key: &str) -> Option<&'static str> {
    BY_SPELLING.get(key.trim()).copied()
}

/// False when the ASCII line `s` cannot name an agency, because the first
/// word that [`exact_agency`] would read in it (folded as [`fold_key`]
/// folds it, and cut at `&` as its parts are) starts no spelling or prefix.
/// True for any line that is not ASCII: it is left to the full rules.
fn may_name_agency(s: &str) -> bool {
    if !s.is_ascii() {
        return true;
    }
    let mut word = [0u8; 16];
    let mut len = 0;
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() {
            if len == word.len() {
                return false;
            }
            word[len] = b.to_ascii_lowercase();
            len += 1;
        } else if matches!(b, b'.' | b'\'') {
            // Dropped inside a word: "A.F.P." is "afp".
        } else if len > 0 {
            break;
        }
    }
    std::str::from_utf8(&word[..len]).is_ok_and(|w| FIRST_WORDS.contains(w))
}

/// The agency a folded key names once its prefixes ("by", "via") are
/// stripped, and failing that once its suffixes ("staff", "news agency")
/// are too: a suffix may be part of the name ("Indo-Asian News Service").
fn lookup_affixed(key: &str) -> Option<&'static str> {
    let mut key = key.trim();
    for prefix in PREFIXES {
        if let Some(rest) = key.strip_prefix(prefix) {
            key = rest.trim();
        }
    }
    if let Some(name) = lookup(key) {
        return Some(name);
    }
    for suffix in SUFFIXES {
        if let Some(rest) = key.strip_suffix(suffix) {
            key = rest.trim();
        }
    }
    lookup(key)
}

/// Most words of a line that [`exact_agency`] reads as agencies.
const MAX_WORDS: usize = 12;

/// The agency when the whole of `s` names one (no sentence around it):
/// "AFP", "By Reuters", "Agence France-Presse", "AFP/Reuters".
pub(crate) fn exact_agency(s: &str) -> Option<&'static str> {
    // Agency names hold no digits and few words ("Agence France-Presse /
    // Associated Press of Pakistan" has seven): most lines are settled
    // here, before any string is built.
    if s.bytes().any(|b| b.is_ascii_digit())
        || s.split_whitespace().nth(MAX_WORDS).is_some()
        || !may_name_agency(s)
    {
        return None;
    }
    exact_agency_unfiltered(s)
}

/// [`exact_agency`] without its quick refusals.
fn exact_agency_unfiltered(s: &str) -> Option<&'static str> {
    let s = clean(s);
    if s.is_empty() || s.len() > 80 {
        return None;
    }
    if let Some(name) = lookup_affixed(&fold_key(&s)) {
        return Some(name);
    }
    let lower = s.to_lowercase();
    let mut parts = lower
        .split([',', '/', '|', '&'])
        .map(|p| lookup_affixed(&fold_key(p)));
    let first = parts.next().flatten()?;
    parts.all(|p| p.is_some()).then_some(first)
}

/// The wire service that the whole of `s` names, by its usual name:
/// "Agence France-Presse" and "by afp" give "AFP"; `None` for anything
/// else. For names typed by the user, which are kept as typed when they
/// name no known agency.
pub fn canonical_agency(s: &str) -> Option<&'static str> {
    exact_agency(s)
}

/// Normalises an agency name: "AFP", "Agence France-Presse", "By AFP",
/// "(AFP)", "/TASS/" give "AFP"/"TASS"; returns `None` for names that are
/// not a known wire service (e.g. "By Jane Doe").
pub fn normalize_agency(s: &str) -> Option<&'static str> {
    let s = clean(s);
    if s.is_empty() || s.len() > 120 {
        return None;
    }
    let key = fold_key(&s);
    if let Some(name) = lookup_affixed(&key) {
        return Some(name);
    }
    // "By Jane Doe, Reuters", "AFP/Reuters", "Jane Doe with AFP": first agency part.
    let lower = s.to_lowercase();
    lower
        .split([',', '/', '|', ';', '+', '&', '(', ')', '—', '–'])
        .flat_map(|part| part.split(" and "))
        .flat_map(|part| part.split(" with "))
        .find_map(|part| {
            lookup_affixed(&fold_key(part)).or_else(|| trailing_agency(&fold_key(part)))
        })
}

/// An agency whose name of two words or more ends a folded key after a
/// writer's name: "jill colvin associated press" (AP's style, without a
/// comma).
fn trailing_agency(key: &str) -> Option<&'static str> {
    // The last words of the spellings of two words or more: most keys end
    // with none of them.
    static LAST_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
        let multiword = BY_SPELLING.keys().filter(|k| k.contains(' '));
        multiword.filter_map(|k| k.rsplit(' ').next()).collect()
    });
    if !key
        .rsplit(' ')
        .next()
        .is_some_and(|w| LAST_WORDS.contains(w))
    {
        return None;
    }
    // The longest spelling that ends the key, so that the map's order
    // never decides.
    let ends = |spelling: &str| {
        spelling.contains(' ') && key.strip_suffix(spelling).is_some_and(|t| t.ends_with(' '))
    };
    BY_SPELLING
        .iter()
        .filter(|(spelling, _)| ends(spelling))
        .max_by_key(|(spelling, _)| spelling.len())
        .map(|(_, name)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings() {
        for (s, want) in [
            ("AFP", "AFP"),
            ("By AFP", "AFP"),
            ("By\u{a0}AFP", "AFP"),
            ("(AFP)", "AFP"),
            ("A.F.P.", "AFP"),
            ("Agence France-Presse", "AFP"),
            ("By Agence France-Presse", "AFP"),
            ("/TASS/", "TASS"),
            ("ITAR-TASS", "TASS"),
            ("By Associated Press", "AP"),
            ("The Associated Press", "AP"),
            ("By Reuters", "Reuters"),
            ("Reuters staff", "Reuters"),
            ("By Xinhua", "Xinhua"),
            ("Press Trust of India", "PTI"),
            ("By Indo-Asian News Service", "IANS"),
            ("AFP News Agency", "AFP"),
            ("Anadolu Agency", "Anadolu"),
            ("DPA", "dpa"),
            ("(CNN)", "CNN"),
            ("By Jane Doe, Reuters", "Reuters"),
            ("Jane Doe with AFP", "AFP"),
            ("AFP/Reuters", "AFP"),
            ("Associated Press of Pakistan", "APP"),
            ("来源：新华社", "Xinhua"),
            ("法新社", "AFP"),
            ("路透社", "Reuters"),
            ("中新社", "China News Service"),
        ] {
            assert_eq!(normalize_agency(s), Some(want), "{s}");
        }
    }

    #[test]
    fn exact_names_only() {
        assert_eq!(exact_agency("AFP/Reuters"), Some("AFP"));
        assert_eq!(exact_agency("By Reuters"), Some("Reuters"));
        assert_eq!(exact_agency("Russia bans AFP, Reuters"), None);
        assert_eq!(exact_agency("By Jane Doe, Reuters"), None);
    }

    /// The quick refusal of [`exact_agency`] never refuses a line that the
    /// full rules accept: every spelling, with prefixes, suffixes,
    /// brackets, dots and a second agency after each separator.
    #[test]
    fn the_first_word_filter_refuses_no_agency() {
        assert_eq!(
            BY_SPELLING.len(),
            AGENCIES.iter().map(|(_, k)| k.len()).sum::<usize>()
        );
        assert!(FIRST_WORDS.iter().all(|w| !w.is_ascii() || w.len() <= 16));
        let mut lines = Vec::new();
        for (name, keys) in AGENCIES {
            for key in keys.iter().copied().chain([*name]) {
                let title: String = key
                    .split(' ')
                    .map(|w| {
                        let mut c = w.chars();
                        c.next()
                            .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                for form in [key.to_owned(), title.clone(), key.to_uppercase()] {
                    lines.push(form.clone());
                    lines.push(format!("({form})"));
                    lines.push(format!("/{form}/"));
                    lines.push(format!("'{form}'"));
                    for prefix in PREFIXES {
                        lines.push(format!("{prefix}{form}"));
                        lines.push(format!("{}{form}", prefix.to_uppercase()));
                    }
                    for suffix in SUFFIXES {
                        lines.push(format!("{form}{suffix}"));
                    }
                    for sep in [",", "/", "|", "&", " & ", " / "] {
                        lines.push(format!("{form}{sep}Reuters"));
                        lines.push(format!("AFP{sep}{form}"));
                    }
                }
            }
        }
        lines.extend(
            [
                "A.F.P.",
                "A.P.",
                "ITAR-TASS",
                "AP&Reuters",
                "Agence France-Presse",
            ]
            .map(String::from),
        );
        let mut accepted = 0;
        for line in &lines {
            if let Some(name) = exact_agency_unfiltered(line) {
                accepted += 1;
                assert!(may_name_agency(line), "{line} ({name}) refused");
                assert_eq!(exact_agency(line), Some(name), "{line}");
            }
        }
        assert!(accepted > lines.len() / 2, "{accepted} of {}", lines.len());
    }

    #[test]
    fn not_agencies() {
        for s in [
            "",
            "By Jane Doe",
            "By Jane Doe and John Roe",
            "By Our Correspondent",
            "From our reporter",
            "By Anwar Iqbal",
            "Apple",
            "Reutersville",
            "By Sarah Miller and Tom Hughes",
        ] {
            assert_eq!(normalize_agency(s), None, "{s}");
        }
    }
}
