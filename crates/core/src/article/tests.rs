//! Whole-page tests of the public API (each rule is also tested next to
//! its module): real page heads from the development set, tricky negative
//! cases, and realistic saved HTML pages.

use chrono::NaiveDate;

use super::*;
use crate::fields::Provenance;

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn title(p: &ParsedArticle) -> Option<&str> {
    p.fields.title.get().map(String::as_str)
}

const BODY: &str =
    "\n\nThe rest of the story follows here, with several sentences of text. It goes on.\n";

#[test]
fn capture_date_is_not_publication_date() {
    let p = parse_plain(
        &format!(
            "Advertisement\nFriday July 1, 2022\n\nFreaky February Heat Waves Trigger More Chills Over Climate Change\n\nBy Xinhua\nPublished February 24, 2017\n\nISLAMABAD - Hundreds of records have already been broken for the month.{BODY}"
        ),
        "106.txt",
    );
    assert_eq!(p.fields.published.get().copied(), date(2017, 2, 24));
    assert_eq!(p.fields.published.from, Provenance::Line(6));
    assert_eq!(p.fields.captured.get().copied(), date(2022, 7, 1));
    assert_eq!(p.fields.agency.get().map(String::as_str), Some("Xinhua"));
    assert_eq!(
        p.fields.dateline.get().map(String::as_str),
        Some("ISLAMABAD")
    );
    assert!(p.body.starts_with("ISLAMABAD - Hundreds"));
}

#[test]
fn date_before_byline_and_person_byline() {
    let p = parse_plain(
        &format!(
            "close\nPrint\nSelena Gomez Debuts Emotional New Song For \"?3 Reasons Why\"?,This new Netflix series is bound to give you goose bumps.\"\n\nMarch 29, 2017\nBy AP\n\nSelena Gomez is a co-producer on the new Netflix original drama series.{BODY}"
        ),
        "110.txt",
    );
    assert!(title(&p).is_some_and(|t| t.starts_with("Selena Gomez Debuts")));
    assert_eq!(p.fields.agency.get().map(String::as_str), Some("AP"));
    assert_eq!(p.fields.dateline.get(), None);
    let p = parse_plain(
        &format!(
            "Advertisement\n\nDiplomat says Astana talks may help\n\nBy Anwar Iqbal\nPublished February 16, 2017\n\nMOSCOW: The Russian diplomat has praised Astana talks\n\nMOSCOW, February 16. /TASS/. Presence of the United States.{BODY}"
        ),
        "104.txt",
    );
    assert_eq!(
        p.fields.agency.get(),
        None,
        "a later /TASS/ paragraph is not the dateline"
    );
    assert_eq!(
        p.fields.byline.get().map(String::as_str),
        Some("By Anwar Iqbal")
    );
    assert_eq!(p.fields.dateline.get().map(String::as_str), Some("MOSCOW"));
}

#[test]
fn byline_agency_wins_over_body_agency() {
    let p = parse_plain(
        &format!(
            "close\nPrint\nMonday January 6, 2020\n\nSnap check of Russia's Aerospace Forces begins Tuesday\n\nBy Reuters\nFebruary 7, 2017\n\nLONDON — Special attention should be paid to combat alert\n\nMOSCOW, February 7. /TASS/. A snap check.{BODY}"
        ),
        "100.txt",
    );
    assert_eq!(p.fields.agency.get().map(String::as_str), Some("Reuters"));
    assert_eq!(p.fields.dateline.get().map(String::as_str), Some("LONDON"));
}

#[test]
fn headline_then_body_without_metadata() {
    let p = parse_plain(
        &format!(
            "Russia, Iran set to sign railway construction and electrification contract shortly\n\nThe contract has a total price over 1 bln euro, Russian Energy Minister Alexander Novak said\n\nMOSCOW, March 13. /TASS/. Russia and Iran intend to sign a contract.{BODY}"
        ),
        "2017-03-13_1005.txt",
    );
    assert_eq!(
        title(&p),
        Some("Russia, Iran set to sign railway construction and electrification contract shortly")
    );
    assert_eq!(p.fields.published.get().copied(), date(2017, 3, 13));
    assert_eq!(p.fields.published.from, Provenance::FileName);
    assert_eq!(p.fields.agency.get(), None);
    assert_eq!(p.fields.dateline.get(), None);
    assert!(p.body.starts_with("The contract has"));
    let p = parse_plain(
        &format!(
            "Trump on deportations: 'It's a military operation'\n\nWashington (CNN)President Donald Trump, meeting with business leaders at the White House on Thursday, described his moves.{BODY}"
        ),
        "2017-02-23_2086.txt",
    );
    assert_eq!(
        title(&p),
        Some("Trump on deportations: 'It's a military operation'")
    );
    assert_eq!(p.fields.agency.get().map(String::as_str), Some("CNN"));
    assert_eq!(
        p.fields.dateline.get().map(String::as_str),
        Some("Washington")
    );
}

#[test]
fn site_name_standfirst_and_combined_lines() {
    let p = parse_plain(
        &format!(
            "Dawn\nHome > Pakistan\n\nPM vows to curb inflation\n\nThe government will announce a relief package next week.\n\nBy Jane Doe | Dawn\nUpdated: 26 Sep 2020 10:15 AM\n\nISLAMABAD: The prime minister said.{BODY}"
        ),
        "x.txt",
    );
    assert_eq!(title(&p), Some("PM vows to curb inflation"));
    assert_eq!(
        p.fields.subtitle.get().map(String::as_str),
        Some("The government will announce a relief package next week.")
    );
    assert_eq!(p.fields.outlet.get().map(String::as_str), Some("Dawn"));
    assert_eq!(p.fields.published.get().copied(), date(2020, 9, 26));
    assert_eq!(
        p.fields.dateline.get().map(String::as_str),
        Some("ISLAMABAD")
    );
    assert!(p.body.starts_with("ISLAMABAD: The prime minister"));
    let p = parse_plain(
        &format!(
            "Talks resume in Geneva

AFP / Sep 26, 2020

GENEVA: Talks resumed.{BODY}"
        ),
        "y.txt",
    );
    assert_eq!(p.fields.byline.get().map(String::as_str), Some("AFP"));
    assert_eq!(p.fields.published.get().copied(), date(2020, 9, 26));
    let p = parse_plain(
        &format!(
            "Talks resume in Geneva\n\nPosted by Jane Doe on 26/09/2020\n\nGENEVA: Talks resumed.{BODY}"
        ),
        "z.txt",
    );
    assert_eq!(
        p.fields.byline.get().map(String::as_str),
        Some("Posted by Jane Doe")
    );
    assert_eq!(p.fields.published.get().copied(), date(2020, 9, 26));
    assert_eq!(p.fields.dateline.get().map(String::as_str), Some("GENEVA"));
}

#[test]
fn trailing_furniture_is_cut() {
    let p = parse_plain(
        "Headline here\n\nBy AFP\nSeptember 26, 2020\n\nPARIS: First.\n\nAdvertisement\n\nSecond paragraph.\n\nRead more\nFollow us on Twitter\nShare\n",
        "a.txt",
    );
    assert_eq!(p.body, "PARIS: First.\n\nSecond paragraph.");
}

#[test]
fn published_in_credit_at_the_end() {
    let p = parse_plain(
        "Headline here\n\nISLAMABAD: Text of the story goes here and continues for a while, long enough to be a paragraph.\n\nPublished in Dawn, September 27th, 2020\n",
        "a.txt",
    );
    assert_eq!(p.fields.published.get().copied(), date(2020, 9, 27));
    assert!(p.body.ends_with("paragraph."));
}

const HTML_PAGE: &str = r#"<!DOCTYPE html>
<html><head>
<title>Putin proposes election non-interference pact with US | Dawn</title>
<meta property="og:title" content="Putin proposes election non-interference pact with US" />
<meta property="og:site_name" content="Dawn" />
<meta property="article:published_time" content="2020-09-26T10:15:00+05:00" />
<meta name="author" content="AFP">
<script>var x = "<p>not text</p>"; if (a < b) {}</script>
<style>p { color: red }</style>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav><div class="date">Thursday April 18, 2024</div></header>
<article>
<h1>Putin proposes election non-interference pact with US</h1>
<div class="byline">By AFP</div>
<time datetime="2020-09-26">September 26, 2020</time>
<p>MOSCOW: Russian President Vladimir Putin proposed on Friday concluding a pact with the United States against interfering in one another&rsquo;s elections.</p>
<div class="share-buttons"><a>Share</a><a>Tweet</a></div>
<p>Western countries have for years accused Russia of using hackers &amp; trolls.</p>
<aside><p>Read more: something else entirely that is long enough to matter here</p></aside>
</article>
<footer><p>Copyright 2024 Dawn. All rights reserved. Follow us on Twitter and Facebook for more.</p></footer>
</body></html>"#;

#[test]
fn html_page_with_meta() {
    let p = parse_html(HTML_PAGE, "page.html").expect("article");
    let f = &p.fields;
    assert_eq!(
        title(&p),
        Some("Putin proposes election non-interference pact with US")
    );
    assert_eq!(f.title.from, Provenance::HtmlMeta("og:title".into()));
    assert_eq!(f.published.get().copied(), date(2020, 9, 26));
    assert_eq!(
        f.published.from,
        Provenance::HtmlMeta("article:published_time".into())
    );
    assert_eq!(f.outlet.get().map(String::as_str), Some("Dawn"));
    assert_eq!(f.agency.get().map(String::as_str), Some("AFP"));
    assert_eq!(f.dateline.get().map(String::as_str), Some("MOSCOW"));
    assert!(
        p.body.starts_with("MOSCOW: Russian President"),
        "{}",
        p.body
    );
    assert!(p.body.contains("one another’s elections"));
    assert!(p.body.contains("hackers & trolls"));
    for junk in [
        "not text",
        "color",
        "Home",
        "Share",
        "Read more",
        "Copyright",
        "Thursday",
    ] {
        assert!(!p.body.contains(junk), "{junk} in {}", p.body);
    }
}

#[test]
fn html_page_without_meta_uses_markup() {
    let html = r#"<html><head><title>Kenny rejects calls for Noonan to resign - The Irish Times</title></head>
<body><div id="menu"><ul><li>News</li><li>Sport</li></ul></div>
<div class="main"><h1>Kenny rejects calls for Noonan to resign</h1>
<span class="author-name">By Reuters</span> <time datetime="2017-03-15T09:00:00Z">15 March 2017</time>
<div class="content"><p>DUBLIN (Reuters) - The Taoiseach has rejected any suggestion that the minister should resign.
<p>The report by the Public Accounts Committee also found it was not procedurally appropriate.
<p>Enda Kenny said Mr Noonan had acted entirely appropriately throughout.</div></div>
<div class="footer">Contact us</div></body></html>"#;
    let p = parse_html(html, "2017-03-16_x.html").expect("article");
    assert_eq!(title(&p), Some("Kenny rejects calls for Noonan to resign"));
    assert_eq!(p.fields.title.from, Provenance::HtmlMeta("h1".into()));
    assert_eq!(p.fields.published.get().copied(), date(2017, 3, 15));
    assert_eq!(p.fields.agency.get().map(String::as_str), Some("Reuters"));
    assert_eq!(p.fields.dateline.get().map(String::as_str), Some("DUBLIN"));
    assert!(p.body.starts_with("DUBLIN (Reuters)"), "{}", p.body);
    assert!(p.body.contains("acted entirely appropriately"));
    assert!(!p.body.contains("Sport") && !p.body.contains("Contact"));
}

#[test]
fn html_title_tag_and_json_ld() {
    let html = r#"<html><head><title>Talks end without deal | World | Example News</title>
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-05-04","author":{"name":"Agence France-Presse"}}</script>
</head><body><p>Short intro.</p><section><p>The talks ended without a deal on Tuesday, officials said after hours of negotiations.</p><p>They will meet again.</p></section></body></html>"#;
    let p = parse_html(html, "a.html").expect("article");
    assert_eq!(title(&p), Some("Talks end without deal"));
    assert_eq!(p.fields.published.get().copied(), date(2021, 5, 4));
    assert_eq!(p.fields.agency.get().map(String::as_str), Some("AFP"));
    assert!(p.body.starts_with("The talks ended"), "{}", p.body);
}

#[test]
fn html_page_without_headline_markup_is_read_like_text() {
    let html = "<html><body><table><tr><td><font size=4><b>Floods hit Karachi</b></font><br>Sept 27, 2020<br><br>KARACHI: Heavy rains lashed the city on Saturday, cutting power to thousands of homes.<br><br>Officials said more rain was due.</td></tr></table></body></html>";
    let p = parse_html(html, "page.html").unwrap();
    assert_eq!(title(&p), Some("Floods hit Karachi"));
    assert_eq!(p.fields.title.from, Provenance::HtmlMeta("text".into()));
    assert_eq!(p.fields.published.get().copied(), date(2020, 9, 27));
    assert_eq!(p.fields.dateline.get().map(String::as_str), Some("KARACHI"));
    assert!(p.body.starts_with("KARACHI: Heavy rains"), "{}", p.body);
}

#[test]
fn html_without_article_text_is_an_error() {
    assert!(
        parse_html(
            "<html><head><title>x</title></head><body><nav>Home</nav></body></html>",
            "a.html"
        )
        .is_err()
    );
    assert!(parse_html("", "a.html").is_err());
    let deep = "<div>".repeat(100_000) + "text of the page" + &"</div>".repeat(100_000);
    assert!(parse_html(&deep, "deep.html").is_ok());
}

#[test]
fn public_helpers() {
    assert_eq!(
        parse_date("Updated: 26 Sep 2020 10:15 AM"),
        date(2020, 9, 26)
    );
    assert_eq!(parse_date("2020-09-26T10:15:00Z"), date(2020, 9, 26));
    assert_eq!(normalize_agency("/TASS/"), Some("TASS"));
    assert_eq!(normalize_agency("By Jane Doe"), None);
}

#[test]
fn byline_and_date_without_a_headline() {
    // The date right under the byline dates the article, weekday or not;
    // a weekday date alone at the top stays the capture date.
    let p = parse_plain(
        &format!(
            "Jane Doe | The Guardian\nSat 26 Sep 2020 11.00 BST\n\nWASHINGTON, Sept 26 (Reuters) - The US Senate will vote next week on the nominee.{BODY}"
        ),
        "guardian.txt",
    );
    assert_eq!(p.fields.published.get().copied(), date(2020, 9, 26));
    assert_eq!(p.fields.published.from, Provenance::Line(1));
    assert_eq!(p.fields.captured.get(), None);
    assert_eq!(p.fields.agency.get().map(String::as_str), Some("Reuters"));
    let p = parse_plain(
        &format!(
            "Thursday April 18, 2024\nBy AFP\n\nMOSCOW: Russian President Vladimir Putin proposed a pact.{BODY}"
        ),
        "saved.txt",
    );
    assert_eq!(p.fields.published.get(), None);
    assert_eq!(p.fields.captured.get().copied(), date(2024, 4, 18));
}

#[test]
fn agency_byline_above_the_headline() {
    let p = parse_plain(
        &format!(
            "Menu\nThe Express Tribune\n\nPTI\nModi meets farmers amid protests\n\nPublished September 26, 2020\n\nNEW DELHI: Prime Minister Narendra Modi met farmer leaders on Saturday.{BODY}"
        ),
        "tribune.txt",
    );
    assert_eq!(title(&p), Some("Modi meets farmers amid protests"));
    assert_eq!(p.fields.published.get().copied(), date(2020, 9, 26));
    assert_eq!(p.fields.agency.get().map(String::as_str), Some("PTI"));
    assert_eq!(p.fields.byline.from, Provenance::Line(3));
    assert_eq!(
        p.fields.dateline.get().map(String::as_str),
        Some("NEW DELHI")
    );
    assert!(p.body.starts_with("NEW DELHI: Prime Minister"));
}

#[test]
fn french_and_spanish_pages() {
    let p = parse_plain(
        "Macron se rend à Beyrouth\r\n\r\nPar AFP\r\n26 septembre 2020\r\n\r\nBEYROUTH: Le président français est arrivé samedi à Beyrouth.\r\n",
        "fr.txt",
    );
    assert_eq!(title(&p), Some("Macron se rend à Beyrouth"));
    assert_eq!(p.fields.agency.get().map(String::as_str), Some("AFP"));
    assert_eq!(p.fields.published.get().copied(), date(2020, 9, 26));
    assert_eq!(
        p.fields.dateline.get().map(String::as_str),
        Some("BEYROUTH")
    );
    let p = parse_plain(
        "El Gobierno aprueba el presupuesto\n\nPor EFE\nActualizado el 26 de septiembre de 2020 a las 10:15 h\n\nMADRID: El Consejo de Ministros aprobó este sábado el proyecto.\n",
        "es.txt",
    );
    assert_eq!(p.fields.agency.get().map(String::as_str), Some("EFE"));
    assert_eq!(p.fields.published.get().copied(), date(2020, 9, 26));
    assert_eq!(p.fields.dateline.get().map(String::as_str), Some("MADRID"));
}

#[test]
fn arabic_and_urdu_pages() {
    let p = parse_plain(
        "الرئيسية\n\nبوتين يقترح على واشنطن اتفاقا بشأن الانتخابات\n\nأ ف ب\n٢٦ سبتمبر ٢٠٢٠\n\nموسكو: اقترح الرئيس الروسي فلاديمير بوتين الجمعة اتفاقا.\n",
        "ar.txt",
    );
    assert_eq!(
        title(&p),
        Some("بوتين يقترح على واشنطن اتفاقا بشأن الانتخابات")
    );
    assert_eq!(p.fields.agency.get().map(String::as_str), Some("AFP"));
    assert_eq!(p.fields.published.get().copied(), date(2020, 9, 26));
    assert_eq!(p.fields.dateline.get().map(String::as_str), Some("موسكو"));
    let p = parse_plain(
        "ہوم\n\nوزیراعظم کا قوم سے خطاب\n\nاے پی پی\n26 ستمبر 2020\n\nاسلام آباد: وزیراعظم نے قوم سے خطاب کیا۔\n",
        "ur.txt",
    );
    assert_eq!(title(&p), Some("وزیراعظم کا قوم سے خطاب"));
    assert_eq!(p.fields.agency.get().map(String::as_str), Some("APP"));
    assert_eq!(p.fields.published.get().copied(), date(2020, 9, 26));
}

#[test]
fn a_site_menu_copied_above_the_page_is_passed_over() {
    let menu = [
        "Home",
        "Latest",
        "Pakistan",
        "Karachi",
        "Lahore",
        "Islamabad",
        "Peshawar",
        "World",
        "Business",
        "Sport",
        "Cricket",
        "Opinion",
        "Magazine",
        "Prism",
        "Young World",
        "Tech",
        "Science",
        "Health",
        "Education",
        "Books",
        "Art",
        "Music",
        "Film",
        "Food",
        "Travel",
        "Photos",
        "Videos",
        "Podcasts",
        "About us",
        "Contact",
        "Advertise",
        "Careers",
        "Privacy policy",
        "Terms of use",
        "Accept all cookies",
        "We use cookies to improve your experience on our site.",
        "Search",
        "Login",
        "Register",
        "Facebook",
        "Twitter",
        "Instagram",
        "YouTube",
        "LinkedIn",
        "WhatsApp",
        "Telegram",
        "TikTok",
        "Newsletter",
        "Subscribe",
        "E-Paper",
        "Archive",
        "Icon",
        "Images",
        "Aurora",
        "Quetta",
        "Columns",
        "Letters",
        "Editorial",
        "Culture",
        "Lifestyle",
        "Environment",
    ];
    for blank in ["\n", "\n\n"] {
        let page = format!(
            "{}\n\nPrices Soar Again\n\nAPP\nSeptember 26, 2020\n\nISLAMABAD: Prices rose again on Saturday.{BODY}",
            menu.join(blank)
        );
        let p = parse_plain(&page, "menu.txt");
        assert_eq!(title(&p), Some("Prices Soar Again"));
        assert_eq!(p.fields.published.get().copied(), date(2020, 9, 26));
        assert_eq!(p.fields.agency.get().map(String::as_str), Some("APP"));
        assert_eq!(
            p.fields.dateline.get().map(String::as_str),
            Some("ISLAMABAD")
        );
    }
    // The footer's links are cut from the body; a list of names is not.
    let footer = menu[..20].join("\n");
    let page = format!(
        "Prices Soar Again\n\nAPP\nSeptember 26, 2020\n\nISLAMABAD: Prices rose again.\n\n{footer}\n"
    );
    assert_eq!(
        parse_plain(&page, "f.txt").body,
        "ISLAMABAD: Prices rose again."
    );
    let team = "Babar Azam\nMohammad Rizwan\nFakhar Zaman\nShadab Khan\nHasan Ali\nShaheen Afridi";
    let page = format!(
        "Squad Named\n\nAPP\nSeptember 26, 2020\n\nLAHORE: The squad was named.\n\n{team}\n"
    );
    assert!(parse_plain(&page, "t.txt").body.ends_with("Shaheen Afridi"));
}

#[test]
fn chinese_pages() {
    // Xinhua's own page: menu words, a date line with the source after it,
    // and the agency's dateline "新华社北京9月26日电".
    let p = parse_plain(
        "首页\n新闻\n\n习近平同美国总统通电话\n\n2020年09月26日 10:15  来源：新华网\n\n新华社北京9月26日电 国家主席习近平26日晚同美国总统通电话。\n\n双方就两国关系交换了意见。\n",
        "zh1.txt",
    );
    assert_eq!(title(&p), Some("习近平同美国总统通电话"));
    assert_eq!(p.fields.published.get().copied(), date(2020, 9, 26));
    assert_eq!(p.fields.agency.get().map(String::as_str), Some("Xinhua"));
    assert_eq!(p.fields.dateline.get().map(String::as_str), Some("北京"));
    assert!(p.body.starts_with("新华社北京9月26日电"));
    // An ISO date with the source credited, a reporter after the dateline.
    let p = parse_plain(
        "普京提议与美国签署互不干涉选举协议\n\n2020-09-26 15:30:12 来源: 新华社\n\n新华社莫斯科9月26日电（记者 张三）俄罗斯总统普京25日提议。\n\n普京在声明中说。\n",
        "zh2.txt",
    );
    assert_eq!(title(&p), Some("普京提议与美国签署互不干涉选举协议"));
    assert_eq!(p.fields.published.get().copied(), date(2020, 9, 26));
    assert_eq!(p.fields.agency.get().map(String::as_str), Some("Xinhua"));
    assert_eq!(p.fields.dateline.get().map(String::as_str), Some("莫斯科"));
    // A site name above the headline, a labelled date, another outlet's
    // dateline.
    let p = parse_plain(
        "央视新闻\n\n外交部：中方欢迎对话\n\n发布时间：2020年9月26日 18:02\n\n中新网北京9月26日电 外交部发言人表示，中方欢迎对话。\n",
        "zh3.txt",
    );
    assert_eq!(title(&p), Some("外交部：中方欢迎对话"));
    assert_eq!(p.fields.published.get().copied(), date(2020, 9, 26));
    assert_eq!(p.fields.dateline.get().map(String::as_str), Some("北京"));
    assert_eq!(p.fields.agency.get(), None);
    // A headline and a body whose dateline is "北京——".
    let p = parse_plain(
        "中方欢迎各方对话\n\n北京——中国外交部26日表示，中方欢迎各方对话。\n\n这是第二段。\n",
        "zh4.txt",
    );
    assert_eq!(title(&p), Some("中方欢迎各方对话"));
    assert_eq!(p.fields.dateline.get().map(String::as_str), Some("北京"));
    // Other agencies' Chinese names.
    let p = parse_plain(
        "美国大选辩论举行\n\n2020年9月30日 来源：法新社\n\n华盛顿——美国总统候选人29日晚举行首场辩论。\n",
        "zh5.txt",
    );
    assert_eq!(p.fields.agency.get().map(String::as_str), Some("AFP"));
    assert_eq!(p.fields.dateline.get().map(String::as_str), Some("华盛顿"));
    // Only a body: its first sentence is not a headline.
    let p = parse_plain(
        "北京——中国外交部26日表示，中方欢迎各方通过对话解决分歧，并愿为此发挥建设性作用。\n\n这是第二段。\n",
        "zh6.txt",
    );
    assert_eq!(title(&p), Some("zh6"));
    assert_eq!(p.fields.dateline.get().map(String::as_str), Some("北京"));
    let p = parse_plain(
        "北京——中国外交部26日表示，中方欢迎各方对话。\n\n这是第二段。\n",
        "zh7.txt",
    );
    assert_eq!(title(&p), Some("zh7"));
    assert_eq!(p.fields.dateline.get().map(String::as_str), Some("北京"));
}

#[test]
fn xinhua_english_pages_credit_the_source_beside_the_date() {
    let p = parse_plain(
        "Putin proposes election non-interference pact with US\n\nSource: Xinhua| 2020-09-26 15:30:12|Editor: huaxia\n\nVideo PlayerClose\n\nMOSCOW, Sept. 26 (Xinhua) -- Russian President Vladimir Putin on Friday proposed a pact.\n\nMore text here.\n",
        "xinhuanet.txt",
    );
    assert_eq!(
        title(&p),
        Some("Putin proposes election non-interference pact with US")
    );
    assert_eq!(p.fields.published.get().copied(), date(2020, 9, 26));
    assert_eq!(p.fields.agency.get().map(String::as_str), Some("Xinhua"));
    assert_eq!(p.fields.outlet.get(), None);
    assert_eq!(p.fields.dateline.get().map(String::as_str), Some("MOSCOW"));
    assert!(p.body.starts_with("MOSCOW, Sept. 26"));
}

#[test]
fn indian_pages_with_title_case_datelines() {
    let p = parse_plain(
        "India, China agree to ease border tensions\n\nPress Trust of India | Updated: September 26, 2020 10:15 pm IST\n\nNew Delhi: India and China agreed on Friday to ease tensions along the border.\n\nMore text follows.\n",
        "ndtv.txt",
    );
    assert_eq!(p.fields.agency.get().map(String::as_str), Some("PTI"));
    assert_eq!(p.fields.published.get().copied(), date(2020, 9, 26));
    assert_eq!(
        p.fields.dateline.get().map(String::as_str),
        Some("New Delhi")
    );
    // A name before a colon is not a place.
    let p = parse_plain(
        "A new book on blogging\n\nBy Jane Doe\nSeptember 26, 2020\n\nPhil Wolff: Dave Winer books I will buy and read this summer.\n",
        "blog.txt",
    );
    assert_eq!(p.fields.dateline.get(), None);
}

#[test]
fn date_lines_as_news_sites_lay_them_out() {
    // The Hindu: the place and the date on one line above the body.
    let p = parse_plain(
        "India, China agree to ease border tensions\n\nNEW DELHI, September 26, 2020 00:15 IST\n\nUpdated: September 26, 2020 00:15 IST\n\nIndia and China agreed on Friday to ease tensions.\n",
        "hindu.txt",
    );
    assert_eq!(p.fields.published.get().copied(), date(2020, 9, 26));
    assert_eq!(
        p.fields.dateline.get().map(String::as_str),
        Some("NEW DELHI")
    );
    assert_eq!(p.fields.dateline.from, Provenance::Line(2));
    // The Times of India: an in-house credit beside the date.
    let p = parse_plain(
        "India, China agree to ease border tensions\n\nTNN | Updated: Sep 26, 2020, 10:15 IST\n\nNEW DELHI: India and China agreed on Friday to ease tensions.\n",
        "toi.txt",
    );
    assert_eq!(p.fields.published.get().copied(), date(2020, 9, 26));
    assert!(p.body.starts_with("NEW DELHI: India"));
    // Reuters, copied from the page with its parts glued together.
    let p = parse_plain(
        "World\n\nPutin proposes pact with US\n\nReuters\n\n3 minute read\n\nSeptember 26, 20203:15 PM UTCUpdated 2 years ago\n\nMOSCOW, Sept 26 (Reuters) - Russian President Vladimir Putin proposed a pact on Friday.\n",
        "reuters.txt",
    );
    assert_eq!(title(&p), Some("Putin proposes pact with US"));
    assert_eq!(p.fields.published.get().copied(), date(2020, 9, 26));
    assert!(p.body.starts_with("MOSCOW, Sept 26"));
    // The New Indian Express: publication and update dates on one line.
    let p = parse_plain(
        "Putin proposes pact with US\n\nPublished: 26th September 2020 10:15 AM  |   Last Updated: 27th September 2020 10:15 AM\n\nBy PTI\n\nMOSCOW: Russian President Vladimir Putin proposed a pact on Friday.\n",
        "nie.txt",
    );
    assert_eq!(p.fields.published.get().copied(), date(2020, 9, 26));
    assert_eq!(p.fields.agency.get().map(String::as_str), Some("PTI"));
}

#[test]
fn wire_services_own_page_layouts() {
    let body = "Russian President Vladimir Putin proposed a pact on Friday.";
    // ANI: the country in brackets after the place.
    let p = parse_plain(
        &format!(
            "Putin proposes pact with US\n\nANI | Sep 26, 2020, 10:15 IST\n\nMoscow [Russia], Sep 26 (ANI): {body}\n"
        ),
        "ani.txt",
    );
    assert_eq!(p.fields.agency.get().map(String::as_str), Some("ANI"));
    assert_eq!(p.fields.published.get().copied(), date(2020, 9, 26));
    assert_eq!(p.fields.dateline.get().map(String::as_str), Some("Moscow"));
    // EFE: the place between the agency and the date is not the outlet.
    let p = parse_plain(
        &format!(
            "Putin proposes pact with US\n\nEFE | Madrid | 26 Sep 2020\n\nMadrid, Sep 26 (EFE).- {body}\n"
        ),
        "efe.txt",
    );
    assert_eq!(p.fields.agency.get().map(String::as_str), Some("EFE"));
    assert_eq!(p.fields.outlet.get(), None);
    assert_eq!(p.fields.published.get().copied(), date(2020, 9, 26));
    // Kyodo: the section beside the date.
    let p = parse_plain(
        &format!(
            "Putin proposes pact with US\n\nKYODO NEWS - Sep 26, 2020 - 10:15 | World\n\nTOKYO - {body}\n"
        ),
        "kyodo.txt",
    );
    assert_eq!(p.fields.agency.get().map(String::as_str), Some("Kyodo"));
    assert_eq!(p.fields.published.get().copied(), date(2020, 9, 26));
    assert_eq!(p.fields.dateline.get().map(String::as_str), Some("TOKYO"));
    // Al Jazeera: a place in Title Case before a dash.
    let p = parse_plain(
        "Palestinians warn of annexation\n\n26 Sep 2020\n\nRamallah - Palestinian politicians and human rights groups are warning.\n",
        "aj.txt",
    );
    assert_eq!(
        p.fields.dateline.get().map(String::as_str),
        Some("Ramallah")
    );
}

#[test]
fn a_short_first_line_opened_by_a_known_place_is_the_body() {
    let p = parse_plain(
        "MOSCOW: Russian President Vladimir Putin proposed a pact on Friday.\n\nThe second paragraph.\n",
        "moscow.txt",
    );
    assert_eq!(title(&p), Some("moscow"));
    assert_eq!(p.fields.dateline.get().map(String::as_str), Some("MOSCOW"));
    // A kicker that is not a place stays a headline; so does a Title Case
    // headline after a place.
    let p = parse_plain(
        "CBO: 14M more Americans won't have health insurance.\n\nThe report says so.\n",
        "cbo.txt",
    );
    assert_eq!(
        title(&p),
        Some("CBO: 14M more Americans won't have health insurance.")
    );
    let p = parse_plain(
        "MOSCOW: Putin Proposes Election Pact With The United States.\n\nThe report says so.\n",
        "head.txt",
    );
    assert_eq!(
        title(&p),
        Some("MOSCOW: Putin Proposes Election Pact With The United States.")
    );
}
