//! Fields of a plain-text saved page.
//!
//! A saved page reads top-down as: furniture and a capture date, the
//! headline (maybe after a site name), a metadata block (byline, date), then
//! the body, whose first line may carry a dateline, and trailing furniture.
//! Pages drop any of these parts, so the parser classifies the first lines
//! (furniture, metadata, content) and locates the headline as the content
//! right before the metadata block, or, without one, as the first line that
//! reads like a headline. Each field records the line it came from.

use std::cell::OnceCell;

use crate::article::ParsedArticle;
use crate::article::body::{assemble_body, body_fields, line_no, trailing_date};
use crate::article::byline::{Byline, parse_byline, source_label};
use crate::article::dateline::parse_dateline;
use crate::article::dates::{
    DateLabel, DateLine, date_from_file_name, date_line, find_date, has_time,
};
use crate::article::furniture::{is_furniture, is_short_label, site_menu_near_top};
use crate::article::head::{
    is_bare_url, is_caption, is_cookie_notice, is_count, is_handle, is_name_in_place,
    is_page_reference, is_person_name, is_section_path, is_site_link, is_topic_label,
};
use crate::article::outlets::{is_outlet_name, without_site_suffix};
use crate::article::places::is_known_place;
use crate::article::util::{
    char_len, clean, ends_with_period, file_stem, is_capitalized, is_han, prefix_chars,
    strip_emphasis, word_count,
};
use crate::fields::{ArticleFields, Field, Provenance};

mod marks;

/// How many non-blank lines the header analysis looks at.
const HEADER_LINES: usize = 60;

/// A metadata line: a byline, a date, or both.
#[derive(Clone, Debug, Default)]
struct Meta {
    date: Option<DateLine>,
    byline: Option<Byline>,
}

enum Kind {
    Furniture,
    Meta(Meta),
    Content,
}

/// One non-blank line of the page head.
///
/// Cleaned and classified on first use: the analysis stops soon after the
/// body starts, and the recognisers (dates, bylines) are costly.
struct Entry<'a> {
    line: usize,
    raw: &'a str,
    long: bool,
    /// The page is Markdown (`.md`): see [`strip_markdown`].
    markdown: bool,
    text: OnceCell<String>,
    kind: OnceCell<Kind>,
}

/// A header line of a Markdown page without the marks around it: a
/// heading's `#` marks ("# Headline") and emphasis wrapping the whole line
/// ("**Updated: 26 Sep 2020**"). A line of marks alone ("* * *", "***")
/// stays as it is. Only `.md` pages: in other text a `#` starts a comment.
fn strip_markdown(line: String) -> String {
    let mut s = line.as_str();
    let hashes = s.len() - s.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) && s[hashes..].starts_with(' ') {
        s = s[hashes..].trim_end_matches('#').trim();
    }
    s = strip_emphasis(s);
    if s.len() == line.len() || s.trim_matches(['*', '_', '#', ' ']).is_empty() {
        return line;
    }
    s.to_owned()
}

impl Entry<'_> {
    fn text(&self) -> &str {
        self.text.get_or_init(|| {
            let text = clean(prefix_chars(self.raw, 1000));
            if self.markdown {
                strip_markdown(text)
            } else {
                text
            }
        })
    }

    /// A long line is content without a look at its text (cleaning a
    /// paragraph of a news page cost more than classifying all the short
    /// lines above it).
    fn kind(&self) -> &Kind {
        self.kind.get_or_init(|| {
            if self.long {
                return Kind::Content;
            }
            let kind = classify(self.text());
            // Parts of a line laid out apart ("02 March 2017 - 9:27pm
            // EFE", "Dmitry Volkov    Posted Wed 29 Mar 2017"), which
            // cleaning joins with one space, are read as parts between bars
            // when they make a date and a byline.
            if matches!(kind, Kind::Content)
                && let Some(parts) = wide_gaps_as_bars(self.raw)
                && let meta @ Kind::Meta(Meta {
                    date: Some(_),
                    byline: Some(_),
                }) = classify(&parts)
            {
                return meta;
            }
            kind
        })
    }
}

/// `raw` with each gap of two spaces or more, or of tabs, between its
/// words turned into " | ", when it has one or two such gaps and a date. Indented lines, long lines and
/// lines of many columns (plain-text tables, quoted mail) are left alone.
fn wide_gaps_as_bars(raw: &str) -> Option<String> {
    let t = raw.trim_end();
    let wide = memchr::memmem::find(t.as_bytes(), b"  ").is_some() || t.contains('\t');
    if !wide || t.len() > 120 || t.starts_with(char::is_whitespace) || find_date(t).is_none() {
        return None;
    }
    let parts: Vec<String> = t
        .split("  ")
        .flat_map(|p| p.split('\t'))
        .map(clean)
        .filter(|p| !p.is_empty())
        .collect();
    (2..=3).contains(&parts.len()).then(|| parts.join(" | "))
}

/// Where the parts of the page head are (indices into the entries).
#[derive(Default)]
struct Header {
    title: Option<usize>,
    subtitle: Option<usize>,
    body: Option<usize>,
    metas: Vec<usize>,
    pre: Vec<usize>,
}

/// `s` without separators and date labels at its end ("By AFP | Published").
fn strip_labels(s: &str) -> &str {
    const LABELS: [&str; 6] = ["published", "updated", "posted", "on", "last", "first"];
    let seps = |c: char| c.is_whitespace() || "|/-—–·•,;:".contains(c);
    let mut s = s.trim_matches(seps);
    // A weekday may follow the label ("Posted Wed"); labels may follow
    // each other ("Last updated on").
    let weekday = |w: &str| {
        let w = w.trim_end_matches('.');
        let short = [
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        ];
        let is = |name: &&str| name.eq_ignore_ascii_case(w);
        crate::article::dates::WEEKDAYS.iter().any(is) || short.iter().any(is)
    };
    loop {
        let (head, last) = s.rsplit_once(' ').unwrap_or(("", s));
        let label = LABELS.iter().any(|l| last.eq_ignore_ascii_case(l));
        if last.is_empty() || !(label || weekday(last)) {
            return s;
        }
        s = head.trim_matches(seps);
    }
}

/// "By AFP | September 26, 2020", "September 26, 2020 - By Jane Doe",
/// "Source: Xinhua| 2020-09-26 15:30:12|Editor: huaxia", "2020年09月26日
/// 10:15  来源：新华网".
fn combined_meta(text: &str) -> Option<Meta> {
    let (_, range) = find_date(text)?;
    let (before, from_date) = (&text[..range.start], &text[range.start..]);
    let meta = |date: Option<DateLine>, byline: Option<Byline>| {
        Some(Meta {
            date: Some(date?),
            byline: Some(byline?),
        })
    };
    meta(date_line(from_date), parse_byline(strip_labels(before)))
        .or_else(|| {
            let (to_date, after) = (&text[..range.end], &text[range.end..]);
            meta(date_line(to_date), parse_byline(strip_labels(after)))
        })
        .or_else(|| {
            // A source credit after the date and its time.
            let (at, _) = source_label(from_date)?;
            let (date, credit) = from_date.split_at(at);
            meta(date_line(&format!("{before}{date}")), parse_byline(credit))
        })
        .or_else(|| date_among_parts(text, &range))
        .or_else(|| byline_then_date_line(text, range.start))
        .or_else(|| date_line_then_byline(text, range.end))
}

/// "Tuesday, 14 Mar 2017 2:00 AM MYT · XINHUA | Malay Mail": a whole date
/// line with its time and zone, a separator, then a byline. The first
/// separator after the date that leaves a date line before it and a
/// byline after it splits the line.
fn date_line_then_byline(text: &str, date_end: usize) -> Option<Meta> {
    const SEPARATORS: [&str; 5] = [" · ", " | ", " • ", " - ", " — "];
    let after = &text[date_end..];
    let mut cuts: Vec<(usize, usize)> = SEPARATORS
        .iter()
        .flat_map(|sep| {
            after
                .match_indices(sep)
                .map(|(at, sep)| (date_end + at, sep.len()))
        })
        .collect();
    cuts.sort_unstable();
    cuts.into_iter().find_map(|(at, len)| {
        let byline = parse_byline(strip_labels(&text[at + len..]))?;
        Some(Meta {
            date: Some(date_line(&text[..at])?),
            byline: Some(byline),
        })
    })
}

/// "By AFP - Saturday, September 26, 2020", "By TASS - Published on March
/// 15, 2017": a byline, a separator, then a whole date line with its
/// weekday or label. The first separator (from the left) that leaves a
/// byline before it and a date line after it splits the line.
fn byline_then_date_line(text: &str, date_start: usize) -> Option<Meta> {
    const SEPARATORS: [&str; 9] = [" - ", " – ", " — ", " | ", " • ", " · ", " / ", "  ", ", "];
    let before = &text[..date_start];
    let mut cuts: Vec<(usize, usize)> = SEPARATORS
        .iter()
        .flat_map(|sep| before.match_indices(sep).map(|(at, sep)| (at, sep.len())))
        .collect();
    cuts.sort_unstable();
    cuts.into_iter().find_map(|(at, len)| {
        let date = date_line(&text[at + len..])?;
        let (before, sep) = (&text[..at], &text[at..at + len]);
        let byline = parse_byline(strip_labels(before)).or_else(|| name_byline(before, sep))?;
        Some(Meta {
            date: Some(date),
            byline: Some(byline),
        })
    })
}

/// A writer's name without "By" before a bar or a slash and a date:
/// "Zeke Miller / Updated: Jun 22, 2016, 00:23 IST" (Times of India), and
/// "Dmitry Volkov  Posted Wed 29 Mar 2017" (see [`wide_gaps_as_bars`]).
/// Dashes and commas are left out: "Donald Trump - January 20, 2017" may
/// be a headline.
fn name_byline(before: &str, sep: &str) -> Option<Byline> {
    let name = before.trim();
    (matches!(sep, " / " | " | " | " • " | " · ") && is_person_name(name)).then(|| Byline {
        text: name.to_owned(),
        agency: None,
        outlet: None,
    })
}

/// A line of parts between bars, one of them the date and the rest a
/// byline: "Source: Xinhua| 2020-09-26 15:30:12|Editor: huaxia".
fn date_among_parts(text: &str, date: &std::ops::Range<usize>) -> Option<Meta> {
    // Bars, or the middle dots of Pocket's "reuters.com · by Reuters · Mar
    // 7, 2017".
    let sep = ['|', '·', '•'].into_iter().find(|&c| text.contains(c))?;
    let (mut at, mut date_part, mut rest) = (0, None, Vec::new());
    for part in text.split(sep) {
        let span = at..at + part.len();
        at = span.end + sep.len_utf8();
        if span.start <= date.start && date.end <= span.end {
            date_part = Some(part);
        } else {
            rest.push(part);
        }
    }
    // A site's address among the parts is where the page was saved from.
    rest.retain(|p| !crate::article::furniture::is_domain(p));
    let rest = rest.join("|");
    // "TNN | Updated: Sep 26, 2020", "Rahul Sharma / TNN | Updated: ...",
    // "Business | Press Trust of India | Updated: ...": a credit that is
    // not a byline, but short enough not to be a headline either, or
    // naming an agency.
    let short = |p: &str| p.split(" / ").all(|q| word_count(q) <= MAX_CREDIT_WORDS);
    let agency = rest
        .split('|')
        .find_map(|p| crate::article::agency::canonical_agency(p.trim()));
    let credit = agency.is_some() || rest.split('|').all(short);
    let byline = parse_byline(&rest)
        .or_else(|| name_byline(&rest, " | "))
        .or_else(|| {
            agency.map(|agency| Byline {
                text: rest.trim().to_owned(),
                agency: Some(agency),
                outlet: None,
            })
        });
    if byline.is_none() && !credit {
        return None;
    }
    Some(Meta {
        date: Some(date_line(date_part?)?),
        byline,
    })
}

/// Most words of each part beside a date that is not a byline ("TNN").
const MAX_CREDIT_WORDS: usize = 3;

fn classify(text: &str) -> Kind {
    if char_len(text) > 300 {
        return Kind::Content;
    }
    if is_furniture(text)
        || is_cookie_notice(text)
        || is_count(text)
        || is_caption(text)
        || is_handle(text)
        || is_site_link(text)
        || is_section_path(text)
        || is_outlet_name(text)
        || is_page_reference(text)
    {
        return Kind::Furniture;
    }
    if let Some(date) = date_line(text) {
        return Kind::Meta(Meta {
            date: Some(date),
            byline: None,
        });
    }
    if let Some(meta) = combined_meta(text) {
        return Kind::Meta(meta);
    }
    match parse_byline(text) {
        Some(byline) => Kind::Meta(Meta {
            date: None,
            byline: Some(byline),
        }),
        None => Kind::Content,
    }
}

/// The lines of a site's menu copied with the page (see [`site_menu`]),
/// which the head skips. Its last link stays in the head, as it may be a
/// short headline ("Prices Soar Again") right under the menu. Without
/// this, a menu of sixty links used up the lines the head is looked for in.
///
/// The menu may come under a line or two of the page's own: the day it was
/// saved, the browser's page title, a cookie notice. Those stay in the
/// head; the menu's lines, up to its last, are skipped.
fn menu_span(lines: &[&str]) -> std::ops::Range<usize> {
    let nonblank = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    site_menu_near_top(nonblank, MENU_AFTER_LINES).map_or(0..0, |(start, end)| start..end)
}

/// Lines of the page's own that a site's menu may come under.
const MENU_AFTER_LINES: usize = 2;

fn entries<'a>(lines: &[&'a str], markdown: bool) -> Vec<Entry<'a>> {
    let menu = menu_span(lines);
    lines
        .iter()
        .enumerate()
        .filter(|(i, _)| !(menu.start..menu.end).contains(i))
        .filter(|(_, l)| !l.trim().is_empty())
        .take(HEADER_LINES)
        .map(|(line, raw)| Entry {
            line,
            raw,
            long: raw.len() > 300 && raw.chars().nth(300).is_some(),
            markdown,
            text: OnceCell::new(),
            kind: OnceCell::new(),
        })
        .collect()
}

/// True when a content line must already be article text.
fn opens_body(e: &Entry, first: bool) -> bool {
    if e.long {
        return true;
    }
    let text = e.text();
    // A Chinese character says about as much as a short English word of
    // four letters: a sentence of 25 of them is one of 15 English words.
    // (Chinese has no kickers before a colon, which the length below
    // tells from datelines in English.)
    let han = if text.is_ascii() {
        0
    } else {
        text.chars().filter(|&c| is_han(c)).count()
    };
    let chars = char_len(text) + 3 * han;
    let paragraph = chars > 150 || ends_with_period(text) && word_count(text) + han * 2 / 3 > 12;
    // A marked dateline ("PARIS (AFP) -") never opens a headline. An
    // unmarked one may be a headline's kicker ("CBO: 14M more Americans
    // won't have health insurance", "HUFFPOLLSTER: Most Addresses Get High
    // Marks."), so on the first line it takes a paragraph in sentence case.
    // A place news is filed from, before a sentence, is a dateline even in
    // a short line ("MOSCOW: Russian President Vladimir Putin proposed a
    // pact on Friday.").
    let known_place = |place: &str| {
        is_known_place(place)
            && ends_with_period(text)
            && word_count(text) >= MIN_DATELINE_SENTENCE_WORDS
            // Names and the place itself make a sentence's capitals.
            && capitalized_share(text) < 0.7
    };
    let dateline = parse_dateline(text).is_some_and(|d| {
        d.agency.is_some()
            || d.place.as_deref().is_some_and(known_place)
            || (chars > 80 || han > 0 && paragraph)
                && (!first || paragraph && capitalized_share(text) < 0.6)
    });
    dateline || (!first && paragraph)
}

/// Fewest words of a short first line that a known place's dateline opens
/// as the body.
const MIN_DATELINE_SENTENCE_WORDS: usize = 8;

/// Share of words that start with a capital letter (Title Case headlines).
fn capitalized_share(s: &str) -> f64 {
    let words: Vec<&str> = s.split_whitespace().collect();
    let caps = words.iter().filter(|w| is_capitalized(w)).count();
    if words.is_empty() {
        0.0
    } else {
        caps as f64 / words.len() as f64
    }
}

fn headline_like(e: &Entry) -> bool {
    if e.long || char_len(e.text()) > 250 {
        return false;
    }
    let (words, share) = (word_count(e.text()), capitalized_share(e.text()));
    // Headlines are short or Title Case; a lede is a long or plain sentence.
    let sentence = ends_with_period(e.text()) && (words > 20 || words > 12 && share < 0.3);
    !sentence || share >= 0.6
}

fn next_significant(es: &[Entry<'_>], from: usize) -> Option<usize> {
    (from..es.len()).find(|&k| !matches!(es[k].kind(), Kind::Furniture))
}

/// A date with only site labels before it and a headline after it is a
/// pre-headline date (capture date or the page's date line), not the
/// metadata block. So is a byline alone above the headline when the date
/// follows the headline ("The Express Tribune", "PTI", headline, date).
fn is_pre_headline_meta(es: &[Entry<'_>], k: usize, cands: &[usize]) -> bool {
    let Kind::Meta(meta) = es[k].kind() else {
        return false;
    };
    if !cands.iter().all(|&c| is_label_or_topic(es[c].text())) {
        return false;
    }
    // Under a topic label, a headline must have its byline or date below
    // it: "EHCI driver", "27-Dec-2002", then a paragraph, is a headline
    // and its date.
    let topic = !cands.iter().all(|&c| is_short_label(es[c].text()));
    match (&meta.byline, &meta.date) {
        (None, Some(_)) => headline_follows(es, k, topic),
        (Some(_), None) => dated_headline_follows(es, k),
        _ => false,
    }
}

/// A site's label ("The Express Tribune") or a topic of its bar ("Ukraine
/// war"): lines above a headline that are not it.
fn is_label_or_topic(text: &str) -> bool {
    is_short_label(text) || is_topic_label(text) || is_bare_url(text)
}

/// True when a headline follows entry `k` (see [`is_pre_headline_meta`]),
/// past any more date lines: a site's name, the day the page was saved,
/// then the article's date above its headline ("Daily Pakistan", "Tuesday
/// January 23, 2018", "15/03/2017", headline).
fn headline_follows(es: &[Entry<'_>], k: usize, with_meta: bool) -> bool {
    let date_only = |n: usize| meta_of(es, n).is_some_and(|m| m.byline.is_none());
    let mut next = next_significant(es, k + 1);
    while let Some(n) = next.filter(|&n| date_only(n)) {
        next = next_significant(es, n + 1);
    }
    next.is_some_and(|n| {
        let meta_after =
            next_significant(es, n + 1).is_some_and(|m| matches!(es[m].kind(), Kind::Meta(_)));
        // A short Title Case line is a headline when the byline or date
        // block follows it ("My First Time Abroad", then "7 February 2017"),
        // and a sentence after a date is the standfirst, not the headline.
        matches!(es[n].kind(), Kind::Content)
            && (meta_after || !with_meta)
            && (!is_short_label(es[n].text()) || meta_after)
            && !is_sentence(es[n].text())
            && (!opens_body(&es[n], false) || meta_after && !es[n].long)
    })
}

/// True when a headline follows entry `k` and a date line follows the
/// headline.
fn dated_headline_follows(es: &[Entry<'_>], k: usize) -> bool {
    let Some(n) = next_significant(es, k + 1) else {
        return false;
    };
    let dated = |m: usize| meta_of(es, m).is_some_and(|m| m.date.is_some());
    matches!(es[n].kind(), Kind::Content)
        && !es[n].long
        && headline_like(&es[n])
        && !is_sentence(es[n].text())
        && next_significant(es, n + 1).is_some_and(dated)
}

/// Headline candidates from the first content line, and where the metadata
/// block starts if there is one.
fn candidates(es: &[Entry<'_>], first: usize, pre: &mut Vec<usize>) -> (Vec<usize>, Option<usize>) {
    let mut cands = Vec::new();
    // Candidates that are not a site's label or topic, counted as they come.
    let mut not_labels = 0;
    for k in first..es.len() {
        match es[k].kind() {
            Kind::Furniture => {}
            Kind::Meta(_) if is_pre_headline_meta(es, k, &cands) => {
                pre.push(k);
                cands.clear();
                not_labels = 0;
            }
            Kind::Meta(_) => return (cands, Some(k)),
            Kind::Content => {
                // Three lines above it make this one the body, unless they
                // are a site's labels and this is another ("Sputnik
                // International", "Russia", "Military", "Multimedia",
                // headline, date) or the headline above a standfirst
                // ("Malay Mail", "Malaysia", "Money", "Malaysia", headline,
                // standfirst, date).
                let content = |n: usize| matches!(es[n].kind(), Kind::Content);
                let meta = |n: usize| matches!(es[n].kind(), Kind::Meta(_));
                let headline_then_meta = || {
                    next_significant(es, k + 1).is_some_and(|n| {
                        content(n) && next_significant(es, n + 1).is_some_and(meta)
                    })
                };
                let text = es[k].text();
                let label_or_headline = || {
                    is_label_or_topic(text)
                        || !es[k].long && headline_like(&es[k]) && !is_sentence(text)
                };
                // The lines below are classified last: on most pages they
                // are the body, which is never classified otherwise.
                let labels = || {
                    cands.len() < 6
                        && not_labels == 0
                        && label_or_headline()
                        && headline_then_meta()
                };
                let opens = cands.len() >= 3 && !labels() || opens_body(&es[k], cands.is_empty());
                // A standfirst between headline and byline is not the body
                // yet, nor a headline under a site's bar of topics
                // ("Trending", "Ukraine war", "Oscars 2017", "Brexit").
                let meta_next = next_significant(es, k + 1)
                    .is_some_and(|n| matches!(es[n].kind(), Kind::Meta(_)));
                // Site labels above the headline leave room ("NDTV",
                // "India", headline, standfirst, byline).
                let head_room = cands.len() < 3 || not_labels < 3;
                if opens && !(meta_next && !es[k].long && head_room) {
                    break;
                }
                not_labels += usize::from(!is_label_or_topic(text));
                cands.push(k);
            }
        }
    }
    (cands, None)
}

/// A site's name in capitals with a number, as a masthead shows it above
/// the headline: "FRANCE 24", "BBC NEWS", "NEWS 18".
fn is_masthead(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let caps = |w: &&str| w.chars().all(|c| c.is_ascii_uppercase()) && w.len() >= 2;
    let part = |w: &&str| caps(w) || w.bytes().all(|b| b.is_ascii_digit());
    (1..=3).contains(&words.len()) && words.iter().any(caps) && words.iter().all(part)
}

/// True when a line reads as a sentence (a standfirst or a lede), not a
/// headline: it ends with a period and most of its words are lowercase.
fn is_sentence(text: &str) -> bool {
    ends_with_period(text) && capitalized_share(text) < 0.6
}

/// The headline among candidates: skip site labels and standfirsts.
///
/// A standfirst reads as a sentence (see [`is_sentence`]); a Title Case
/// headline may end with a period ("Here Are 6 Things I Learned."). A
/// short Title Case headline ("My First Time Abroad") looks like a site
/// label: when it comes first and nothing but sentences follow, it is the
/// headline; a label further down is a section heading ("Reference").
/// When only labels stand above the byline or date block, the one right
/// above it is the headline and those before it are the site's name or a
/// banner ("The Express Tribune", "Smoggy New Year", "By Jane Doe").
fn pick_title(es: &[Entry<'_>], cands: &[usize], above_meta: bool) -> Option<usize> {
    let label = |c: &usize| {
        let text = es[*c].text();
        is_short_label(text) || is_masthead(text) || is_bare_url(text)
    };
    let sentence = |c: &usize| is_sentence(es[*c].text());
    // A field of the page's own ("Author: Russell King") is no headline.
    let field = |c: &usize| es[*c].text().contains(':') && word_count(es[*c].text()) <= 4;
    let only_labels = above_meta && cands.len() > 1 && cands.iter().all(label);
    // Topics and labels of a site's bar above a headline that has its
    // byline or date under it ("Trending", "Ukraine war", "Brexit", the
    // headline): the last line is the headline.
    let under_a_bar = cands.split_last().filter(|(last, bar)| {
        above_meta
            && bar.len() >= 2
            && bar
                .iter()
                .all(|b| label(b) || is_topic_label(es[*b].text()))
            && !label(last)
            && !sentence(last)
    });
    under_a_bar
        .map(|(last, _)| last)
        .or_else(|| cands.iter().find(|c| !label(c) && !sentence(c)))
        .or_else(|| cands.last().filter(|c| only_labels && !field(c)))
        .or_else(|| cands.first().filter(|c| !sentence(c)))
        .or_else(|| cands.iter().find(|c| !label(c)))
        .or_else(|| cands.last())
        .copied()
}

/// Separators between a headline and the site's name in a browser's page
/// title ("Headline - BBC News", "Headline | Dawn").
const SITE_SEPARATORS: [&str; 5] = [" - ", " | ", " \u{2014} ", " \u{2013} ", " :: "];

/// When the chosen title is a browser's page title saved above the page
/// ("Headline - BBC News"), the later candidate that is that title without
/// its site's name: the page's own headline.
fn headline_below_page_title(es: &[Entry<'_>], cands: &[usize], title: usize) -> Option<usize> {
    let text = es[title].text();
    let head = SITE_SEPARATORS
        .iter()
        .filter_map(|sep| text.rsplit_once(sep).map(|(head, _)| head))
        .max_by_key(|head| head.len())?;
    cands
        .iter()
        .copied()
        .filter(|&c| c > title)
        .find(|&c| crate::article::same_headline(es[c].text(), head))
}

/// [`pick_title`], then the page's own headline below a page title.
fn pick_headline(es: &[Entry<'_>], cands: &[usize], above_meta: bool) -> Option<usize> {
    let title = pick_title(es, cands, above_meta)?;
    Some(headline_below_page_title(es, cands, title).unwrap_or(title))
}

/// The first body entry at or after `from`, skipping stray labels.
fn body_from(es: &[Entry<'_>], from: usize, metas: &mut Vec<usize>) -> Option<usize> {
    for k in from..es.len() {
        match es[k].kind() {
            Kind::Furniture => {}
            Kind::Meta(_) => metas.push(k),
            Kind::Content => {
                // A short dateline-led line ("KYIV: \"THIS IS TWITTER!!\"")
                // opens the body even though it looks like a label.
                let label = |e: &Entry| {
                    !e.long && is_short_label(e.text()) && parse_dateline(e.text()).is_none()
                };
                if !(label(&es[k]) && next_significant(es, k + 1).is_some()) {
                    return Some(k);
                }
            }
        }
    }
    None
}

fn analyse(es: &[Entry<'_>]) -> Header {
    marks::mark_forwarded_header(es);
    marks::mark_page_title(es);
    marks::mark_teasers(es);
    marks::mark_name_bylines(es);
    let mut h = Header::default();
    let first = es.iter().position(|e| matches!(e.kind(), Kind::Content));
    let pre_end = first.unwrap_or(es.len());
    h.pre = (0..pre_end)
        .filter(|&k| matches!(es[k].kind(), Kind::Meta(_)))
        .collect();
    let Some(first) = first else { return h };
    let (cands, meta_at) = candidates(es, first, &mut h.pre);
    if let Some(m) = meta_at {
        h.title = pick_headline(es, &cands, true);
        h.subtitle = cands
            .iter()
            .copied()
            .find(|&c| h.title.is_some_and(|t| c > t));
        h.body = body_from(es, m, &mut h.metas);
    } else {
        let heads: Vec<usize> = cands
            .iter()
            .copied()
            .take_while(|&c| headline_like(&es[c]))
            .collect();
        h.title = pick_headline(es, &heads, false);
        h.body = match h.title {
            Some(t) => body_from(es, t + 1, &mut h.metas),
            None => Some(first),
        };
    }
    h
}

fn meta_of<'e>(es: &'e [Entry<'_>], k: usize) -> Option<&'e Meta> {
    match es[k].kind() {
        Kind::Meta(m) => Some(m),
        _ => None,
    }
}

/// Publication and capture dates from the header.
fn resolve_dates(es: &[Entry<'_>], h: &Header, fields: &mut ArticleFields) {
    // (entry, line, date) of each dated entry.
    let dated = |ks: &[usize]| -> Vec<(usize, usize, DateLine)> {
        ks.iter()
            .filter_map(|&k| meta_of(es, k)?.date.map(|d| (k, es[k].line, d)))
            .collect()
    };
    let (metas, pre) = (dated(&h.metas), dated(&h.pre));
    // A page without a headline may open with its byline and date: a date
    // right under the byline dates the article even with its weekday ("By
    // Jane Doe", "Sat 26 Sep 2020 11.00 BST"); a weekday date alone at the
    // top is the day the page was saved.
    let under_byline = |k: usize| {
        k.checked_sub(1)
            .and_then(|b| meta_of(es, b))
            .is_some_and(|m| m.byline.is_some() && m.date.is_none())
    };
    let captured_label = |d: &DateLine| d.label == DateLabel::Captured;
    let published = metas
        .iter()
        .find(|(_, _, d)| d.label == DateLabel::Published)
        .or_else(|| {
            let plain = |d: &DateLine| !matches!(d.label, DateLabel::Updated | DateLabel::Captured);
            metas.iter().find(|(_, _, d)| plain(d))
        })
        .or_else(|| metas.iter().find(|(_, _, d)| !captured_label(d)))
        // The date nearest the headline: a page saved with the day's date
        // at its top shows the article's own date under it.
        .or_else(|| {
            pre.iter()
                .rev()
                .find(|(_, _, d)| !d.weekday && !captured_label(d))
        })
        .or_else(|| pre.iter().find(|(k, _, _)| under_byline(*k)))
        // Two dates with weekdays above the headline: the day the page was
        // saved, then the article's date, next to the headline.
        .or_else(|| {
            pre.last()
                .filter(|(_, _, d)| pre.len() > 1 && !captured_label(d))
        })
        .map(|&(_, line, d)| (line, d));
    if let Some((line, d)) = published {
        fields.published = Field::found(d.date, line_no(line));
    }
    let not_published = |line: usize| Some(line) != published.map(|p| p.0);
    let captured = (pre.iter().chain(&metas))
        .find(|(_, l, d)| captured_label(d) && not_published(*l))
        .or_else(|| pre.iter().find(|(_, l, d)| d.weekday && not_published(*l)))
        .or_else(|| pre.iter().find(|(_, l, _)| not_published(*l)));
    if let Some((_, line, d)) = captured {
        fields.captured = Field::found(d.date, line_no(*line));
    }
}

/// The line of the header's only date when it stands above the headline
/// with its weekday and no capture label, and has a time ("Tue 7 Feb 2017
/// 08.42 BST") or the site's lines above it ("Dawn", a breadcrumb, "Wed,
/// Mar 29, 2017"). A page's first line with only a weekday and a date
/// ("Thursday April 18, 2024") is the day the page was saved, as
/// scrapers' headers print it.
fn lone_header_date(es: &[Entry<'_>], h: &Header) -> Option<(usize, chrono::NaiveDate)> {
    let dated = |k: &&usize| meta_of(es, **k).is_some_and(|m| m.date.is_some());
    let mut dates = h.pre.iter().chain(&h.metas).filter(dated);
    let (Some(&k), None) = (dates.next(), dates.next()) else {
        return None;
    };
    let date = meta_of(es, k)?.date?;
    let above = h.title.is_some_and(|t| k < t);
    let placed = k > 0 || has_time(es[k].text());
    let lone = above && date.weekday && placed && date.label != DateLabel::Captured;
    lone.then_some((es[k].line, date.date))
}

fn byline_fields(es: &[Entry<'_>], h: &Header, fields: &mut ArticleFields) {
    let byline = h
        .metas
        .iter()
        .chain(h.pre.iter())
        .find_map(|&k| Some((es[k].line, meta_of(es, k)?.byline.as_ref()?)));
    if let Some((line, b)) = byline {
        fields.byline = Field::found(b.text.clone(), line_no(line));
        if let Some(agency) = b.agency {
            fields.agency = Field::found(agency.to_owned(), line_no(line));
        }
        if let Some(outlet) = &b.outlet {
            fields.outlet = Field::found(outlet.clone(), line_no(line));
        }
    }
}

/// The lines of `text` as `split('\n')` gives them, without their `\r`:
/// found by a vectorised scan of the whole text rather than one search a
/// line (5% of the parser's time, lines being short).
fn split_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::with_capacity(text.len() / 40 + 1);
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]) {
        // `\n` is ASCII, so both ends are character boundaries.
        let line = &text[start..end];
        lines.push(line.strip_suffix('\r').unwrap_or(line));
        start = end + 1;
    }
    lines
}

/// The headline's text, without what a browser adds when the headline is
/// its page title: the time of a printout ("10/23/24, 6:36 PM<TAB>") and
/// the site's name ("Headline | DW").
fn headline_text(e: &Entry<'_>) -> String {
    let printed = e.raw.rsplit_once('\t').filter(|(stamp, _)| {
        stamp.contains(':')
            && stamp.bytes().any(|b| b.is_ascii_digit())
            && find_date(stamp).is_some()
    });
    let text = match printed {
        Some((_, title)) => clean(title),
        None => e.text().to_owned(),
    };
    // A feed reader's or LexisNexis's export labels its fields ("Title:
    // Headline", "HEADLINE: Headline").
    let label = ["title:", "headline:"].into_iter().find(|l| {
        text.get(..l.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(l))
    });
    let text = match label {
        Some(label) => text[label.len()..].trim().to_owned(),
        None => text,
    };
    match without_site_suffix(&text) {
        Some(head) => head.to_owned(),
        None => text,
    }
}

/// Parses a plain-text saved page (see [`crate::article::parse_plain`]).
pub(crate) fn parse(text: &str, file_name: &str) -> ParsedArticle {
    let lines = split_lines(text);
    let markdown = std::path::Path::new(file_name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"));
    let es = entries(&lines, markdown);
    let h = analyse(&es);
    let mut fields = ArticleFields::default();
    match h.title {
        Some(t) => fields.title = Field::found(headline_text(&es[t]), line_no(es[t].line)),
        None if !file_stem(file_name).trim().is_empty() => {
            fields.title =
                Field::found(file_stem(file_name).trim().to_owned(), Provenance::FileName);
        }
        None => {}
    }
    if let Some(s) = h.subtitle {
        fields.subtitle = Field::found(es[s].text().to_owned(), line_no(es[s].line));
    }
    byline_fields(&es, &h, &mut fields);
    resolve_dates(&es, &h, &mut fields);
    if !fields.published.is_found() {
        if let Some((line, date)) = trailing_date(&lines) {
            fields.published = Field::found(date, line_no(line));
        } else if let Some(date) = date_from_file_name(file_name) {
            fields.published = Field::found(date, Provenance::FileName);
        } else if let Some((line, date)) = lone_header_date(&es, &h) {
            // The page's only date, with its weekday, above the headline
            // ("Tue 7 Feb 2017 08.42 BST"): the article's own, as nothing
            // else dates it, rather than the day the page was saved.
            fields.published = Field::found(date, line_no(line));
            fields.captured = Field::default();
        }
    }
    let body = match h.body.map(|b| es[b].line) {
        Some(start) => {
            let (body, last) = assemble_body(&lines, start);
            body_fields(&lines, start, last, &mut fields);
            body
        }
        None => String::new(),
    };
    if !fields.dateline.is_found()
        && let Provenance::Line(n) = fields.published.from
    {
        placed_date(&lines, n as usize, &mut fields);
    }
    ParsedArticle { fields, body }
}

/// The dateline of a date line that names the place first ("NEW DELHI,
/// September 26, 2020 00:15 IST"), line `n`, when the body's first line
/// gave none.
fn placed_date(lines: &[&str], n: usize, fields: &mut ArticleFields) {
    let Some(line) = lines.get(n) else {
        return;
    };
    let text = clean(line);
    let place = find_date(&text)
        .and_then(|(_, range)| crate::article::dateline::place_before_date(&text[..range.start]));
    if let Some(place) = place {
        fields.dateline = Field::found(place, line_no(n));
    }
}

#[cfg(test)]
mod tests {
    use super::{combined_meta, split_lines};

    #[test]
    fn a_name_before_a_bar_and_a_date_is_a_byline() {
        let meta = combined_meta("Zeke Miller / Updated: Jun 22, 2016, 00:23 IST").unwrap();
        assert_eq!(meta.byline.map(|b| b.text).as_deref(), Some("Zeke Miller"));
        assert!(meta.date.is_some());
        // A dash may end a headline with its date; a name must be a name.
        assert!(combined_meta("Donald Trump - January 20, 2017").is_none());
        assert!(combined_meta("Floods in Sindh / Updated: Jun 22, 2016").is_none());
        let meta = combined_meta("Tuesday, 14 Mar 2017 2:00 AM MYT · XINHUA | Malay Mail");
        let byline = meta.and_then(|m| m.byline).unwrap();
        assert_eq!(byline.agency, Some("Xinhua"));
    }

    #[test]
    fn lines_split_as_split_does_without_carriage_returns() {
        for text in [
            "",
            "\n",
            "one",
            "one\ntwo",
            "one\r\ntwo\r\n",
            "\n\nthree\n\n",
            "caf\u{e9}\r\n\u{4e2d}\u{6587}\n\r",
        ] {
            let expected: Vec<&str> = text
                .split('\n')
                .map(|l| l.strip_suffix('\r').unwrap_or(l))
                .collect();
            assert_eq!(split_lines(text), expected, "{text:?}");
        }
    }
}
