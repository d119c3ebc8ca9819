//! Lines of a page's head that are neither headline nor metadata, though
//! they may look like either: a site's cookie notice, a share count, a
//! photo's caption, a topic of the site's bar. The head's classification
//! (`plain.rs`) reads them as furniture, or passes over them, so that the
//! headline, the byline and the dateline under them are still found.
//! Each is checked on head lines only; in the body they are text.

use std::sync::LazyLock;

use crate::article::util::{char_len, ends_with_period, word_count};

/// A site's cookie notice or its button, copied with the page: "We use
/// cookies to improve your experience...", "Accept all cookies". Only the
/// page head is read this way; in the body, a sentence about cookies is
/// text.
pub(crate) fn is_cookie_notice(text: &str) -> bool {
    const WORDS: [&str; 9] = [
        "use",
        "uses",
        "accept",
        "consent",
        "agree",
        "allow",
        "policy",
        "settings",
        "preferences",
    ];
    static COOKIE: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("ookie"));
    static PRIVACY: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("rivacy"));
    if COOKIE.find(text.as_bytes()).is_none() {
        // A consent notice that does not say "cookie": "Your privacy is
        // important to us. We and our partners store and access personal
        // data... I Accept".
        return PRIVACY.find(text.as_bytes()).is_some() && is_privacy_notice(text);
    }
    let lower = text.to_lowercase();
    let (mut cookies, mut notice) = (false, false);
    for word in lower.split(|c: char| !c.is_alphanumeric()) {
        cookies |= word == "cookie" || word == "cookies";
        notice |= WORDS.contains(&word);
    }
    cookies && notice
}

/// A consent notice about personal data, with its button.
fn is_privacy_notice(text: &str) -> bool {
    let lower = text.to_lowercase();
    let button = ["i accept", "accept all", "i agree", "we and our partners"]
        .iter()
        .any(|b| lower.contains(b));
    button && lower.contains("data")
}

/// A share or view count alone on its line, under a "Share" button:
/// "2.4K", "1.2M", "12k". A bare number may be a list's label ("0", "1"
/// before each mode a manual describes), so it takes the suffix.
pub(crate) fn is_count(text: &str) -> bool {
    let t = text.trim();
    let Some(digits) = t.strip_suffix(['K', 'k', 'M', 'm']) else {
        return false;
    };
    !digits.is_empty()
        && digits.len() <= 5
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && digits.bytes().next().is_some_and(|b| b.is_ascii_digit())
}

/// A photo's caption between the byline and the story, which ends with
/// the photo's credit: "Officials inspect the site on Monday. Photo:
/// Getty Images", "Protesters gather on July 15. (Photo: Reuters)", or
/// is marked as one ("Image caption ...", "Image: ...").
pub(crate) fn is_caption(text: &str) -> bool {
    const CREDITS: [&str; 5] = ["photo:", "image:", "picture:", "photograph:", "credit:"];
    // Every caption form has a colon or a slash, ends with a bracket, or
    // starts with "Image", "Caption" or "File": most head lines are settled
    // by one vectorised search.
    let t = text.trim().as_bytes();
    let marked = |word: &[u8]| {
        t.get(..word.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(word))
    };
    if memchr::memchr2(b':', b'/', t).is_none()
        && t.last() != Some(&b')')
        && !marked(b"image")
        && !marked(b"caption")
        && !marked(b"file")
    {
        return false;
    }
    let lower = text.trim().trim_end_matches([')', ']', '.']).to_lowercase();
    if lower.starts_with("image caption") || lower.starts_with("caption:") {
        return true;
    }
    // AP's "FILE - In this Jan. 5, 2017 file photo, ...".
    if lower.starts_with("file - ")
        || lower.starts_with("file – ")
        || lower.starts_with("file photo")
    {
        return true;
    }
    // "... (Photo by Jane Doe/Getty Images)": a bracketed credit.
    let bracketed = text.trim_end().ends_with(')')
        && lower.rsplit_once('(').is_some_and(|(_, credit)| {
            ["photo by ", "photo: ", "image: ", "picture: ", "file photo"]
                .iter()
                .any(|label| credit.starts_with(label))
        });
    if bracketed {
        return true;
    }
    // A credit of an agency and a photographer after the caption's last
    // full stop: "The minister arrives for talks. Xinhua/Li Wei", "...
    // on Monday. AP/Jane Doe".
    let slash_credit = lower.rsplit_once(". ").is_some_and(|(_, credit)| {
        credit.split_whitespace().count() <= 4
            && credit.split_once('/').is_some_and(|(source, _)| {
                crate::article::agency::canonical_agency(source).is_some()
                    || ["getty images", "epa", "file", "shutterstock"].contains(&source.trim())
            })
    });
    // The credit: a label and at most four words after it, at the end.
    slash_credit
        || CREDITS.iter().any(|label| {
            lower.rfind(label).is_some_and(|at| {
                let credit = &lower[at + label.len()..];
                let before = lower[..at].trim_end();
                (before.is_empty() || before.ends_with(['.', '(', '[', '|', '-', '—']))
                    && (1..=4).contains(&credit.split_whitespace().count())
            })
        })
}

/// A section or topic label of a few words in sentence case ("Ukraine
/// war", "Climate crisis"), which a site shows above its headlines: above
/// a date that has a headline under it, it is not the headline.
pub(crate) fn is_topic_label(text: &str) -> bool {
    let text = text.trim();
    word_count(text) <= 3
        && char_len(text) <= 32
        && !ends_with_period(text)
        && !text.ends_with([':', '?', '!'])
        && text.chars().next().is_some_and(char::is_uppercase)
}

/// A site's link back to its front page ("The Guardian - Back to home",
/// "Back to homepage") or its strapline above every page ("Exclusive news,
/// data and analytics for financial market professionals", Reuters): a
/// line of the site, which must not be taken for the headline.
pub(crate) fn is_site_link(text: &str) -> bool {
    const STRAPLINES: [&str; 1] =
        ["exclusive news, data and analytics for financial market professionals"];
    let t = text.trim().trim_end_matches(['.', '!']);
    // Every form ends with "home", "homepage" or "professionals".
    let ends = |end: &str| {
        t.len() >= end.len()
            && t.is_char_boundary(t.len() - end.len())
            && t[t.len() - end.len()..].eq_ignore_ascii_case(end)
    };
    if !(ends("home") || ends("homepage") || ends("professionals")) {
        return false;
    }
    let lower = t.to_lowercase();
    let home_link = ["back to home", "back to homepage", "return to homepage"]
        .iter()
        .any(|link| lower.ends_with(link))
        && word_count(&lower) <= 8;
    home_link || STRAPLINES.contains(&lower.as_str())
}

/// A section path of a site's pages: "South Africa / News", "World |
/// Asia": two to four parts of at most three capitalised words, one of
/// them a section's furniture word ("News", "World", "Politics").
pub(crate) fn is_section_path(text: &str) -> bool {
    // Every form has a spaced slash or bar: most lines are settled by one
    // vectorised search.
    if memchr::memchr2(b'/', b'|', text.as_bytes()).is_none() {
        return false;
    }
    let Some(sep) = [" / ", " | "].into_iter().find(|sep| text.contains(sep)) else {
        return false;
    };
    let parts: Vec<&str> = text.trim().split(sep).map(str::trim).collect();
    let capitalised = |part: &&str| {
        (1..=3).contains(&word_count(part))
            && part
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    let section = |p: &&str| {
        crate::article::furniture::is_furniture(p)
            || SECTION_WORDS.contains(&p.to_lowercase().as_str())
    };
    (2..=4).contains(&parts.len()) && parts.iter().all(capitalised) && parts.iter().any(section)
}

/// Sections of Spanish, French, German, Portuguese, Indonesian and Turkish
/// sites, as their section paths name them ("Portada | Internacional |
/// Economía"). Head lines only: as furniture words, read on every line of
/// every body, they would weaken the check that settles most lines.
#[rustfmt::skip]
const SECTION_WORDS: &[&str] = &[
    "portada", "internacional", "economía", "economia", "política", "politica", "deportes",
    "cultura", "opinión", "actualidad", "sociedad", "accueil", "économie", "politique", "monde",
    "société", "startseite", "politik", "wirtschaft", "ausland", "inland", "kultur", "início",
    "mundo", "esportes", "berita", "nasional", "internasional", "ekonomi", "olahraga", "gündem",
    "dünya", "spor", "politika",
];

/// A bare web address alone on its line ("https://www.dawn.com/news/1"):
/// a citation's or a feed's, never a headline; but it stays text, as mails
/// and notes open with the address they are about.
pub(crate) fn is_bare_url(text: &str) -> bool {
    let t = text.trim();
    ["http://", "https://", "www."]
        .iter()
        .any(|p| t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)))
        && !t.contains(char::is_whitespace)
}

/// A line of a page's copy that is not the article's: a printed page's
/// number ("Page 12", "Page A4"), an archive's banner and capture range
/// ("The Wayback Machine - https://web.archive.org/...", "7 Mar 2017 - 13
/// Mar 2019"), Nexis Uni's fields above the text ("Section: WORLD; Length:
/// 222 words", "Body").
pub(crate) fn is_page_reference(text: &str) -> bool {
    let t = text.trim();
    // The Wayback Machine's banner above an archived page.
    let starts = |p: &str| t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    if starts("the wayback machine") || starts("organization: internet archive") {
        return true;
    }
    // Nexis's fields between a document's head and its text: "Section:
    // WORLD; Length: 222 words", "Dateline: PARIS" (the body's own
    // dateline says it again), then "Body".
    let field = ["section:", "length:", "dateline:"]
        .iter()
        .any(|f| starts(f));
    if field && t.len() <= 80 || t == "Body" {
        return true;
    }
    // LexisNexis Academic's "1 of 24 DOCUMENTS".
    if t.ends_with(" DOCUMENTS") && t.split(' ').count() == 4 && t.contains(" of ") {
        return true;
    }
    let page = t.get(..5).is_some_and(|h| h.eq_ignore_ascii_case("page "))
        && t[5..].len() <= 4
        && t[5..].bytes().all(|b| b.is_ascii_alphanumeric())
        && t[5..].bytes().any(|b| b.is_ascii_digit());
    page || is_date_range(t)
}

/// Two dates and nothing else, joined by a dash.
fn is_date_range(t: &str) -> bool {
    use crate::article::dates::{DateLabel, date_line};
    let bare = |s: &str| date_line(s).is_some_and(|d| d.label == DateLabel::None && !d.weekday);
    t.len() <= 60
        && [" - ", " – ", " — "]
            .iter()
            .find_map(|sep| t.split_once(sep))
            .is_some_and(|(from, to)| bare(from) && bare(to))
}

/// A social media handle alone on its line, under a byline: "@jdoe".
pub(crate) fn is_handle(text: &str) -> bool {
    let t = text.trim();
    t.strip_prefix('@').is_some_and(|h| {
        (1..=30).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    })
}

/// A writer's name alone on its line, as some sites print the byline
/// without "By": two to four capitalised words of letters ("Kamran
/// Yousaf", "Mary-Ann O'Neill", "HANS BECKER").
pub(crate) fn is_person_name(text: &str) -> bool {
    // Words of papers' and sections' names, which look like names too.
    const NOT_NAMES: &[&str] = &[
        "the",
        "times",
        "journal",
        "news",
        "newsletter",
        "post",
        "daily",
        "herald",
        "tribune",
        "finance",
        "business",
        "weekly",
        "gazette",
        "report",
        "review",
        "magazine",
        "press",
        "shimbun",
        "desk",
        "bureau",
        "online",
        "today",
        "world",
        "staff",
        "editor",
        "editorial",
    ];
    let t = text.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    let caps = |w: &&str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    };
    // In capitals throughout or in none of its words ("SCSI FC Tansport"
    // is a heading).
    let one_case = words.iter().all(caps) || !words.iter().any(caps);
    (2..=4).contains(&words.len())
        && char_len(t) <= 40
        && one_case
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
                && !NOT_NAMES.contains(&w.to_lowercase().as_str())
                // A possessive is no part of a name ("Buyer's Alert").
                && !w.ends_with("'s")
                && !w.ends_with("’s")
        })
}

/// A writer's name and where they file from, as the Guardian prints its
/// bylines: "Jason Burke in Johannesburg", "Fatima Zahra in Beijing".
pub(crate) fn is_name_in_place(text: &str) -> bool {
    text.trim().split_once(" in ").is_some_and(|(name, place)| {
        let words: Vec<&str> = place.split_whitespace().collect();
        (1..=3).contains(&words.len())
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '.'))
            })
            && is_person_name(name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_lines_and_lines_like_them() {
        assert!(is_cookie_notice(
            "We use cookies to improve your experience."
        ));
        assert!(is_cookie_notice("Accept all cookies"));
        // The Brown corpus: "cookie" beside "housewife" is no notice.
        assert!(!is_cookie_notice(
            "A/at cookie/nn won/vbd for/in a/at housewife/nn"
        ));
        assert!(!is_cookie_notice("The cookie jar was empty."));
        assert!(is_cookie_notice(
            "Your privacy is important to us. We and our partners store and access personal data on your device. I Accept"
        ));
        assert!(!is_cookie_notice(
            "Privacy campaigners said the data law needs their consent."
        ));
        assert!(is_count("2.4K") && is_count("12k") && is_count("1.2M"));
        assert!(!is_count("0") && !is_count("2020") && !is_count("K"));
        for caption in [
            "Officials inspect the site on Monday. Photo: Getty Images",
            "Protesters gather on July 15, 2022. (Photo: Getty Images)",
            "The minister arrives for talks. Xinhua/Li Wei",
            "Image caption Rescuers at the scene",
            "The minister speaks during a news conference. (Photo by Yuki Tanaka/Getty Images)",
            "The minister speaks during a news conference. (Photo by Yuki Tanaka)",
            "FILE - In this Jan. 5, 2017 file photo, officials speak to reporters.",
        ] {
            assert!(is_caption(caption), "{caption}");
        }
        for line in [
            "MOSCOW (AFP) - Russia proposed a pact on Friday.",
            "Photo: the story of a picture that changed how the world saw the war",
            "He said: no deal",
            "Read more at dawn.com/news/1",
        ] {
            assert!(!is_caption(line), "{line}");
        }
        assert!(is_handle("@jdoe") && !is_handle("@") && !is_handle("@ jdoe said"));
        assert!(is_person_name("Kamran Yousaf") && is_person_name("HANS BECKER"));
        assert!(!is_person_name("Putin") && !is_person_name("Sindh 2020"));
        assert!(!is_person_name("Putin proposes election pact"));
        assert!(!is_person_name("The Wall Street Journal") && !is_person_name("SCSI FC Tansport"));
        assert!(!is_person_name("PERSONAL FINANCE") && is_person_name("R. A. Hettinga"));
        assert!(!is_person_name("Buyer's Alert") && is_person_name("Mary O'Neill"));
        assert!(is_topic_label("Ukraine war") && is_topic_label("Brexit"));
        assert!(!is_topic_label("Putin proposes election pact with US"));
        assert!(!is_topic_label("ukraine war") && !is_topic_label("Ukraine war."));
    }

    #[test]
    fn site_links_and_bylines_with_a_place() {
        assert!(is_site_link("The Guardian - Back to home"));
        assert!(is_site_link("Back to homepage") && is_site_link("BACK TO HOME"));
        assert!(is_site_link(
            "Exclusive news, data and analytics for financial market professionals"
        ));
        assert!(!is_site_link("Home") && !is_site_link("Coming back home"));
        assert!(!is_site_link(
            "Soldiers who fought for years in the war finally come back to home"
        ));
        assert!(is_section_path("South Africa / News") && is_section_path("World | Asia"));
        assert!(is_section_path("Portada | Internacional | Economía"));
        assert!(is_bare_url(
            "https://www.dawn.com/news/2017/03/talks-to-resume"
        ));
        assert!(!is_bare_url("www.dawn.com is down today"));
        assert!(is_page_reference("Page 12") && is_page_reference("PAGE A4"));
        assert!(is_page_reference("7 Mar 2017 - 13 Mar 2019"));
        assert!(
            is_page_reference("Section: WORLD; Length: 222 words") && is_page_reference("Body")
        );
        assert!(is_page_reference("1 of 24 DOCUMENTS"));
        assert!(is_page_reference(
            "The Wayback Machine - https://web.archive.org/web/2019/https://www.dawn.com/news/1"
        ));
        assert!(!is_page_reference("Page Six gossip column returns"));
        assert!(!is_page_reference(
            "Published 7 Mar 2017 - Updated 13 Mar 2017"
        ));
        assert!(!is_section_path("Trump / Putin") && !is_section_path("AC/DC News"));
        assert!(!is_section_path("Prices rise / News"));
        assert!(is_name_in_place("Fatima Zahra in Beijing"));
        assert!(is_name_in_place("Jason Burke in New York"));
        assert!(!is_name_in_place("Fatima Zahra in the city"));
        assert!(!is_name_in_place("Floods in Beijing"));
        assert!(!is_name_in_place("Life in Moscow"));
    }
}
