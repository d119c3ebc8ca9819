//! The body of a plain-text page and what its edges tell.
//!
//! The body runs from the first body line to the end of the page, minus the
//! furniture that follows the article (Advertisement, Follow us..., Share)
//! and standalone furniture lines between paragraphs. Its first line holds
//! the dateline (and maybe the agency); its last lines may hold an agency
//! credit ("— AFP") or a "Published in ..." date.

use crate::article::agency::exact_agency;
use crate::article::dateline::body_dateline;
use crate::article::dates::find_date;
use crate::article::furniture::{is_furniture, is_trailing_furniture, site_menu};
use crate::article::util::{clean, fold_key, is_all_caps, word_count};
use crate::fields::{ArticleFields, Field, Provenance};

pub(crate) fn line_no(n: usize) -> Provenance {
    Provenance::Line(u32::try_from(n).unwrap_or(u32::MAX))
}

/// "Published in Dawn, September 27th, 2020" near the end of the page.
pub(crate) fn trailing_date(lines: &[&str]) -> Option<(usize, chrono::NaiveDate)> {
    let tail = lines
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, l)| !l.trim().is_empty())
        .take(8);
    tail.filter(|(_, l)| is_trailing_furniture(l))
        .find_map(|(n, l)| find_date(&clean(l)).map(|(d, _)| (n, d)))
}

/// Headings of the lists of links pages end with ("Related Articles",
/// "You may also like"), as folded keys.
const LINK_LIST_HEADINGS: &[&str] = &[
    "related",
    "related articles",
    "related stories",
    "related news",
    "related posts",
    "related content",
    "related coverage",
    "related topics",
    "more stories",
    "more news",
    "more on this",
    "more on this story",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "recommended",
    "recommended for you",
    "recommended stories",
    "most read",
    "most popular",
    "most viewed",
    "trending",
    "trending now",
    "popular stories",
    "read next",
    "also read",
    "see also",
    "latest news",
    "latest stories",
    "top stories",
    "editors picks",
    "don t miss",
];

/// Where a list of links at the end of the page starts: a heading such as
/// "Related Articles" followed only by short lines that are not sentences
/// (the linked headlines), within the last 40 lines before `end`.
fn link_list_start(lines: &[&str], start: usize, end: usize) -> Option<usize> {
    let from = end.saturating_sub(40).max(start + 1);
    // A heading's key starts with the line's first letter or digit, which
    // must start one of the headings: most lines are passed over before
    // their key is built.
    let may_head = |line: &str| match line.chars().find(|c| c.is_alphanumeric()) {
        Some(c) if c.is_ascii() => {
            let c = c.to_ascii_lowercase() as u8;
            LINK_LIST_HEADINGS.iter().any(|h| h.as_bytes()[0] == c)
        }
        Some(_) => true,
        None => false,
    };
    let heading = (from..end).rev().find(|&k| {
        let line = lines[k].trim();
        line.len() <= 40 && may_head(line) && LINK_LIST_HEADINGS.contains(&fold_key(line).as_str())
    })?;
    let links = lines[heading + 1..end].iter().map(|l| l.trim());
    links
        .filter(|l| !l.is_empty())
        .all(|l| l.len() <= 160 && !l.ends_with(['.', '!', '?', ':']) && word_count(l) <= 16)
        .then_some(heading)
}

/// The body lines from `start`, without trailing (and standalone) furniture
/// and without a list of links that ends the page.
pub(crate) fn assemble_body(lines: &[&str], start: usize) -> (String, Option<usize>) {
    let trailing = |end: usize| {
        let mut end = end;
        while end > start
            && (lines[end - 1].trim().is_empty() || is_trailing_furniture(lines[end - 1]))
        {
            end -= 1;
        }
        end
    };
    let mut end = trailing(lines.len());
    if let Some(list) = link_list_start(lines, start, end) {
        end = trailing(list);
    }
    // A site's footer links copied with the page ("About us", "Careers").
    let footer = (start..end)
        .rev()
        .filter(|&k| !lines[k].trim().is_empty())
        .map(|k| (k, &lines[k]));
    if let Some(first) = site_menu(footer) {
        end = trailing(first);
    }
    let kept = lines.get(start..end).unwrap_or_default();
    // Built in place rather than as a list of lines joined: that list and
    // its regrowth cost 20 MB and a copy on a 40 MB dictionary file. The
    // room reserved is an upper bound; the caller trims the spare.
    let mut body = String::with_capacity(kept.iter().map(|l| l.len() + 1).sum());
    // No blank line first, none twice in a row, none at the end.
    let mut after_blank = true;
    let mut nonblank_end = 0;
    for (k, line) in kept.iter().enumerate() {
        let line = line.trim_end();
        let blank = line.is_empty();
        let checked = !blank && !is_wrapped_prose(kept, k) && is_furniture(line);
        if checked || (blank && after_blank) {
            continue;
        }
        if !body.is_empty() {
            body.push('\n');
        }
        body.push_str(line);
        after_blank = blank;
        if !blank {
            nonblank_end = body.len();
        }
    }
    body.truncate(nonblank_end);
    let last = (end > start).then(|| end - 1);
    (body, last)
}

/// True for a line inside a paragraph of text wrapped at a fixed width
/// (mails, books, dictionaries): it and the lines on both sides of it are
/// 40 to 100 bytes long. Furniture stands apart from such text, and
/// checking every wrapped line for it was a sixth of a load's time.
fn is_wrapped_prose(lines: &[&str], k: usize) -> bool {
    let wrapped = |l: &&str| (40..=100).contains(&l.trim_end().len());
    let around = k
        .checked_sub(1)
        .and_then(|p| lines.get(p))
        .zip(lines.get(k + 1));
    wrapped(&lines[k]) && around.is_some_and(|(before, after)| wrapped(before) && wrapped(after))
}

/// Agency and dateline from the first body line; agency credit on the last.
pub(crate) fn body_fields(
    lines: &[&str],
    start: usize,
    last: Option<usize>,
    fields: &mut ArticleFields,
) {
    if let Some(d) = lines.get(start).and_then(|l| body_dateline(l)) {
        if let Some(place) = d.place {
            fields.dateline = Field::found(place, line_no(start));
        }
        if let (Some(agency), false) = (d.agency, fields.agency.is_found()) {
            fields.agency = Field::found(agency.to_owned(), line_no(start));
        }
    } else if let Some((l, place)) = place_above(lines, start) {
        fields.dateline = Field::found(place.to_owned(), line_no(l));
    } else if let Some((l, d)) = dateline_below(lines, start) {
        if let Some(place) = d.place {
            fields.dateline = Field::found(place, line_no(l));
        }
        if let (Some(agency), false) = (d.agency, fields.agency.is_found()) {
            fields.agency = Field::found(agency.to_owned(), line_no(l));
        }
    }
    if fields.agency.is_found() {
        return;
    }
    let credit = last
        .and_then(|last| end_credit(lines, start, last).or_else(|| closing_notice(lines, last)));
    if let Some((l, agency)) = credit {
        fields.agency = Field::found(agency.to_owned(), line_no(l));
    }
}

/// An agency named by the notices that close a wire story, on the last
/// line or on the few lines after it that were cut as the page's own:
/// "Copyright 2017 Reuters. All rights reserved.", "© Agence
/// France-Presse", "This article originally appeared on apnews.com",
/// Reuters' "(Reporting by ...; Editing by ...)".
fn closing_notice(lines: &[&str], last: usize) -> Option<(usize, &'static str)> {
    let after = (last..lines.len()).filter(|&l| !lines[l].trim().is_empty());
    after.take(CLOSING_LINES).find_map(|l| {
        let text = lines[l].trim();
        let agency = if text.len() <= 120 {
            notice_agency(text)
        } else {
            None
        };
        agency.map(|a| (l, a))
    })
}

/// Lines at the end of a page read for a closing notice: the story's last
/// and the ones after it.
const CLOSING_LINES: usize = 4;

/// The agency a closing notice names (see [`closing_notice`]). A site's
/// own footer ("© 2017 TASS" under TASS's pages) names the outlet: a
/// copyright with a year is read only with "All rights reserved".
fn notice_agency(text: &str) -> Option<&'static str> {
    let first = text.as_bytes().first()?.to_ascii_lowercase();
    if !matches!(first, b'(' | b't' | b'c' | 0xC2) {
        return None;
    }
    let lower = text.to_lowercase();
    if lower.starts_with("(reporting by") && lower.contains("editing by") {
        return Some("Reuters");
    }
    for lead in [
        "this article originally appeared on ",
        "this story originally appeared on ",
    ] {
        if let Some(site) = lower.strip_prefix(lead) {
            let site = site.trim_end_matches('.').trim_start_matches("www.");
            return match site.split('.').next().unwrap_or("") {
                "apnews" => Some("AP"),
                name => exact_agency(name),
            };
        }
    }
    let mut rest = lower.as_str();
    let mut marked = false;
    for mark in ["copyright", "©", "(c)"] {
        if let Some(r) = rest.strip_prefix(mark) {
            (rest, marked) = (r.trim_start(), true);
        }
    }
    let year = rest.starts_with(|c: char| c.is_ascii_digit());
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == ',');
    let (name, reserved) = match rest.split_once(". ") {
        Some((name, tail)) => (name, tail.starts_with("all rights reserved")),
        None => (rest.trim_end_matches('.'), false),
    };
    (marked && (reserved || !year)).then(|| exact_agency(name))?
}

/// A dateline on the paragraph after a short first line of the body that
/// is a note of the site's ("(Corrects paragraph 2 to show date)", "Temps
/// de lecture : 2 min.", "View full coverage"): marked by an agency or a
/// place in capitals, so that a second paragraph's opening is not taken
/// for one.
fn dateline_below(
    lines: &[&str],
    start: usize,
) -> Option<(usize, crate::article::dateline::Dateline)> {
    let first = lines.get(start)?.trim();
    if first.len() > NOTE_BYTES {
        return None;
    }
    let l = (start + 1..lines.len().min(start + 4)).find(|&l| !lines[l].trim().is_empty())?;
    let d = body_dateline(lines[l])?;
    let caps = d.place.as_deref().is_some_and(is_all_caps);
    (d.agency.is_some() || caps).then_some((l, d))
}

/// Longest note above the first paragraph, in bytes.
const NOTE_BYTES: usize = 80;

/// A dateline alone on its line right above the body ("DHAKA", blank,
/// the first paragraph): a known place in capitals.
fn place_above<'a>(lines: &[&'a str], start: usize) -> Option<(usize, &'a str)> {
    let l = (0..start).rev().find(|&l| !lines[l].trim().is_empty())?;
    let place = lines[l].trim();
    let caps = place.len() <= 32 && is_all_caps(place) && word_count(place) <= 3;
    (caps && crate::article::places::is_known_place(place)).then_some((l, place))
}

/// The agency credited at the end of the story: on a line of its own ("—
/// AFP", "Source: EFE"), maybe above a few lines of the site's own that
/// were not cut as furniture ("Tags: ...", "The-star.co.ke © 2017"), or at
/// the end of the last paragraph ("...said. — AFP", "... (TASS)"). Lines
/// are read back from the body's last, up to its last paragraph.
fn end_credit(lines: &[&str], start: usize, last: usize) -> Option<(usize, &'static str)> {
    let mut read = 0;
    for l in (start + 1..=last.min(lines.len().saturating_sub(1))).rev() {
        let text = lines[l].trim();
        if text.is_empty() {
            continue;
        }
        // At most four words, counted no further (a paragraph is long).
        // Above the last line, a bare name may be the site's own footer
        // ("TASS", "Russian News Agency", "© 2017 TASS"): the credit
        // there is marked ("— AFP", "(TASS)", "Source: EFE").
        let short = text.split_whitespace().nth(4).is_none();
        let marked = || {
            text.starts_with(['—', '–', '-', '('])
                || text
                    .get(..7)
                    .is_some_and(|s| s.eq_ignore_ascii_case("source:"))
        };
        let credit = if !short {
            tail_credit(text)
        } else if l == last || marked() {
            exact_agency(text)
        } else {
            None
        };
        if let Some(agency) = credit {
            return Some((l, agency));
        }
        read += 1;
        if read == END_CREDIT_LINES || text.len() > PARAGRAPH_BYTES {
            return None;
        }
    }
    None
}

/// Lines from the end of a body that a credit is looked for in.
const END_CREDIT_LINES: usize = 5;

/// A line longer than this is a paragraph of the story: the credit is at
/// its end or after it.
const PARAGRAPH_BYTES: usize = 160;

/// Bytes at the end of a paragraph that hold its credit: "— Agence
/// France-Presse" with room to spare.
const TAIL_BYTES: usize = 48;

/// An agency credited after the last sentence of a paragraph: "...said.
/// — AFP", "...said. -- Xinhua", "...said. (TASS)".
fn tail_credit(text: &str) -> Option<&'static str> {
    // The credit is in the paragraph's last characters: the separators
    // are looked for there, not through the whole paragraph.
    let mut from = text.len().saturating_sub(TAIL_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let text = &text[from..];
    let tail = if let Some(inner) = text.strip_suffix(')') {
        &inner[inner.rfind('(')? + 1..]
    } else {
        let at = ["—", "--", " - ", "–"]
            .iter()
            .filter_map(|sep| text.rfind(sep).map(|at| at + sep.len()))
            .max()?;
        &text[at..]
    };
    // One agency: "(AFP, Reuters)" after a story compiled from several
    // (Deutsche Welle's "cw/sms (AFP, Reuters)") credits none of them.
    let single = !tail.contains([',', '/', '&']);
    (single && tail.split_whitespace().nth(4).is_none()).then(|| exact_agency(tail))?
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The agency [`body_fields`] finds in a body that starts on the first
    /// line and whose last line is `last`.
    fn credited(lines: &[&str], last: usize) -> Option<String> {
        let mut fields = ArticleFields::default();
        body_fields(lines, 0, Some(last), &mut fields);
        fields.agency.get().cloned()
    }

    #[test]
    fn body_edges() {
        let lines = [
            "Title",
            "",
            "PARIS: First.",
            "",
            "Advertisement",
            "",
            "Second.",
            "",
            "— AFP",
            "",
            "Read more",
            "Share",
        ];
        let (body, last) = assemble_body(&lines, 2);
        assert_eq!(body, "PARIS: First.\n\nSecond.\n\n— AFP");
        assert_eq!(last, Some(8));
        let mut fields = ArticleFields::default();
        body_fields(&lines, 2, last, &mut fields);
        assert_eq!(fields.agency.get().map(String::as_str), Some("AFP"));
        assert_eq!(fields.agency.from, Provenance::Line(8));
        assert_eq!(fields.dateline.get().map(String::as_str), Some("PARIS"));
        assert_eq!(assemble_body(&lines, 99), (String::new(), None));
        for (end, agency) in [
            (
                "The talks resume on Monday, the ministry said. — AFP",
                Some("AFP"),
            ),
            (
                "The talks resume on Monday, the ministry said. -- Xinhua",
                Some("Xinhua"),
            ),
            (
                "The talks resume on Monday, the ministry said. (TASS)",
                Some("TASS"),
            ),
            (
                "The talks resume on Monday, the ministry told Reuters.",
                None,
            ),
            ("The talks resume on Monday (the ministry said)", None),
            (
                "The talks resume on Monday, the ministry said. cw/sms (AFP, Reuters)",
                None,
            ),
        ] {
            let lines = ["PARIS: First.", "", end, "", "Tags: Asia, Politics"];
            assert_eq!(credited(&lines, 4).as_deref(), agency, "{end}");
        }
        for (notice, agency) in [
            (
                "Copyright 2017 Reuters. All rights reserved.",
                Some("Reuters"),
            ),
            ("© Agence France-Presse", Some("AFP")),
            (
                "This article originally appeared on apnews.com.",
                Some("AP"),
            ),
            (
                "(Reporting by Jane Doe; Editing by John Roe)",
                Some("Reuters"),
            ),
            ("Copyright 2017 Dawn. All rights reserved.", None),
            ("© 2017 TASS", None),
        ] {
            let lines = ["PARIS: First paragraph of the story.", "", notice];
            assert_eq!(credited(&lines, 0).as_deref(), agency, "{notice}");
        }
        let lines = [
            "PARIS: First.",
            "",
            "-- Xinhua",
            "",
            "Tags: Asia",
            "Subscribe Now",
        ];
        assert_eq!(credited(&lines, 5).as_deref(), Some("Xinhua"));
        // A site's footer names the agency that runs it, not the story's.
        let lines = [
            "MOSCOW: First.",
            "",
            "Tags",
            "TASS",
            "Russian News Agency",
            "© 2017 TASS",
        ];
        assert_eq!(credited(&lines, 5), None);
        let lines = [
            "KARACHI: Floods displaced thousands.",
            "",
            "— AFP",
            "",
            "Related Articles",
            "More floods expected in Sindh",
            "",
            "Aid arrives in relief camps",
        ];
        let (body, last) = assemble_body(&lines, 0);
        assert_eq!(body, "KARACHI: Floods displaced thousands.\n\n— AFP");
        assert_eq!(last, Some(2));
        let mut marked = lines;
        marked[4] = "— Related Articles —";
        assert_eq!(assemble_body(&marked, 0).1, Some(2));
        // A heading followed by a paragraph is not a list of links.
        // Wrapped text: a line that reads like furniture inside a wrapped
        // paragraph is text; a short one between paragraphs is not.
        let lines = [
            "The committee met for three hours on Friday and heard from the",
            "Home > World > Europe > and all the other sections of the site",
            "ministers, who said the talks would resume in the new year.",
            "",
            "Advertisement",
            "",
            "Both sides said they were hopeful about the outcome of talks.",
        ];
        let (body, _) = assemble_body(&lines, 0);
        assert!(body.contains("Home > World"), "{body}");
        assert!(!body.contains("Advertisement"), "{body}");
        let lines = ["Text.", "", "Related", "The council met again on Friday."];
        let (body, _) = assemble_body(&lines, 0);
        assert!(body.ends_with("The council met again on Friday."), "{body}");
        assert_eq!(
            trailing_date(&["Text.", "Published in Dawn, September 27th, 2020"]).map(|(n, _)| n),
            Some(1)
        );
    }
}
