//! Passes over a page's head that settle some lines before the head is
//! read: a writer's name alone as the byline, a browser's page title,
//! other stories listed under "Trending", a forwarded message's header.
//! Each sets the kind of the lines it recognises, which classification
//! then leaves as they are.

use super::*;
use crate::article::util::fold_ascii_key;

/// Marks a writer's name alone on its line as the byline when a date line
/// comes right under it (past a share button or a handle) and a headline
/// or standfirst right above it: "Kamran Yousaf", "Thu 1 Mar 2018 05.28
/// GMT". A short line under a site's name ("Dawn", "Putin Proposes
/// Pact", a date) stays a headline.
pub(super) fn mark_name_bylines(es: &[Entry<'_>]) {
    // The head only: up to the first paragraph, at most the first lines.
    let head = es
        .iter()
        .take(NAME_BYLINE_LINES)
        .take_while(|e| !e.long)
        .count();
    for k in 1..head {
        let e = &es[k];
        // The raw line first: most lines are settled without cleaning.
        let raw = e.raw.trim();
        let name =
            |t: &str| t.len() <= 40 && is_person_name(t) || t.len() <= 60 && is_name_in_place(t);
        let candidate = raw.as_bytes().first().is_some_and(u8::is_ascii_uppercase) && name(raw);
        if !candidate || e.kind.get().is_some() || !name(e.text()) {
            continue;
        }
        let Some(above) = (0..k)
            .rev()
            .find(|&j| !matches!(es[j].kind(), Kind::Furniture))
        else {
            continue;
        };
        let above_text = es[above].text();
        let headline_above = matches!(es[above].kind(), Kind::Content)
            && !is_short_label(above_text)
            && !is_topic_label(above_text);
        let dated =
            |j: usize| meta_of(es, j).is_some_and(|m| m.date.is_some() && m.byline.is_none());
        // A byline of its own further down is the page's.
        let byline_below = (k + 1..es.len().min(k + 6))
            .any(|j| meta_of(es, j).is_some_and(|m| m.byline.is_some()));
        let date_under = (k + 1..es.len().min(k + 5))
            .find(|&j| !matches!(es[j].kind(), Kind::Furniture))
            .is_some_and(dated);
        if headline_above
            && date_under
            && !byline_below
            && matches!(classify(e.text()), Kind::Content)
        {
            let byline = Byline {
                text: e.text().to_owned(),
                agency: None,
                outlet: None,
            };
            let _ = e.kind.set(Kind::Meta(Meta {
                date: None,
                byline: Some(byline),
            }));
        }
    }
}

/// Lines of a page's head where a writer's name alone may be its byline.
const NAME_BYLINE_LINES: usize = 16;

/// Marks a browser's page title above the page as furniture when the
/// page's own headline follows it, and the lines between them: "Headline | Gulf News", or a printed
/// page's header "10/23/24, 6:36 PM<TAB>Headline | Premium Times". Left
/// in, it was taken for the headline, and the site's labels under it
/// (which a headline does not have above it) hid the byline and date.
pub(super) fn mark_page_title(es: &[Entry<'_>]) {
    let Some(first) = es.first() else {
        return;
    };
    // The cheap tests on the raw line first: a separator must be in it.
    let raw = first.raw;
    if !SITE_SEPARATORS.iter().any(|sep| raw.contains(sep)) || first.kind.get().is_some() {
        return;
    }
    // A printed page's header: the date and time, a tab, the page title.
    let title = raw.rsplit_once('\t').map_or(raw, |(_, title)| title);
    let Some(head) = SITE_SEPARATORS
        .iter()
        .filter_map(|sep| title.rsplit_once(sep))
        .filter(|(_, site)| (1..=5).contains(&word_count(site)))
        .map(|(head, _)| head)
        .max_by_key(|head| head.len())
    else {
        return;
    };
    let below = es.iter().enumerate().skip(1).take(PAGE_TITLE_LINES);
    let headline = below
        .into_iter()
        .find(|(_, e)| !e.long && crate::article::same_headline(e.text(), head));
    let Some((headline, _)) = headline else {
        return;
    };
    let _ = first.kind.set(Kind::Furniture);
    // Between the page title and the headline it names are the site's
    // menus, labels and other stories ("RFE/RL", "Russia", "Ukraine",
    // "Central Asia"); a date there may be the article's, and stays.
    for e in &es[1..headline] {
        if e.kind.get().is_none() && matches!(classify(e.text()), Kind::Content) {
            let _ = e.kind.set(Kind::Furniture);
        }
    }
}

/// Lines under a page title that its headline is looked for in.
const PAGE_TITLE_LINES: usize = 12;

/// Marks as furniture the other stories' headlines that a site lists above
/// the article under a label ("Trending Now", "Breaking News", "Also
/// Read:"), in a block of lines without a blank between them. Only when a
/// headline (a content line) comes after the block: under "BREAKING NEWS"
/// and above its byline, the line is the article's own headline.
pub(super) fn mark_teasers(es: &[Entry<'_>]) {
    let head = es.len().min(NAME_BYLINE_LINES);
    let mut k = 0;
    while k < head {
        let raw = es[k].raw;
        k += 1;
        if !is_teaser_label(raw) {
            continue;
        }
        let block_start = k;
        // Classified without caching the kind, which is set below.
        let teaser = |e: &Entry| !e.long && matches!(classify(e.text()), Kind::Content);
        let content = |e: &Entry| !e.long && matches!(e.kind(), Kind::Content);
        while k < head && es[k].line == es[k - 1].line + 1 && teaser(&es[k]) {
            k += 1;
        }
        // A byline or date right under the block is its last line's: that
        // line is the article's headline.
        let meta_under = k < es.len()
            && es[k].line == es[k - 1].line + 1
            && matches!(es[k].kind(), Kind::Meta(_));
        let headline_after = next_significant(es, k).is_some_and(|n| {
            content(&es[n]) && headline_like(&es[n]) && !opens_body(&es[n], false)
        });
        if k > block_start && !meta_under && headline_after {
            for e in &es[block_start..k] {
                let _ = e.kind.set(Kind::Furniture);
            }
        }
    }
}

/// True when `raw` is one of the [`TEASER_LABELS`], in any case, with
/// any punctuation ("Also Read:", "TRENDING NOW", "Editor's Picks").
/// Labels are short and ASCII: most lines are settled by their length,
/// and the others folded on the stack.
fn is_teaser_label(raw: &str) -> bool {
    let mut buf = [0u8; 24];
    fold_ascii_key(raw.trim(), &mut buf).is_some_and(|key| TEASER_LABELS.contains(&key))
}

/// Labels of lists of other stories (see [`mark_teasers`]), folded.
const TEASER_LABELS: &[&str] = &[
    "trending",
    "trending now",
    "breaking",
    "breaking news",
    "top news",
    "top stories",
    "latest",
    "latest news",
    "just in",
    "most read",
    "most popular",
    "popular",
    "also read",
    "read also",
    "see also",
    "editors picks",
    "dont miss",
    "must read",
    "recommended",
    "more news",
];

/// Marks a forwarded message's header above the article as furniture:
/// the "---------- Forwarded message ---------" line and the From, Date,
/// Subject and To lines under it. The newsletter's date is not the
/// article's, nor its subject the headline.
pub(super) fn mark_forwarded_header(es: &[Entry<'_>]) {
    let Some(first) = es.first() else {
        return;
    };
    let marker = |w: &[u8]| w.eq_ignore_ascii_case(b"forwarded message");
    let forwarded = first.raw.len() <= 80 && first.raw.as_bytes().windows(17).any(marker);
    if !forwarded {
        return;
    }
    let _ = first.kind.set(Kind::Furniture);
    const FIELDS: [&str; 6] = ["from:", "date:", "subject:", "to:", "cc:", "sent:"];
    for e in es.iter().skip(1).take(FIELDS.len()) {
        let raw = e.raw.trim_start();
        let field = FIELDS.iter().any(|f| {
            raw.get(..f.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(f))
        });
        if !field {
            break;
        }
        let _ = e.kind.set(Kind::Furniture);
    }
}
