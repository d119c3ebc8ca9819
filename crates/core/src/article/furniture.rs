//! Page furniture: the words of a web page that are not the article.
//!
//! Saved pages keep button labels ("close", "Share"), section links
//! ("Home", "World"), breadcrumbs ("Home > World > Asia"), advertising
//! markers and social prompts ("Follow us on Twitter"). They must never
//! become the title, the date or the start of the body, and trailing ones
//! are cut from the body. Matching is on whole lines so that real sentences
//! that merely contain such words are kept.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::article::util::{
    CONNECTORS, char_len, clean, ends_with_period, fold_key, is_capitalized, is_han, is_invisible,
    prefix_chars, word_count,
};

/// Whole lines (folded) that are furniture.
#[rustfmt::skip]
const FURNITURE: &[&str] = &[
    "close", "x", "share", "shares", "tweet", "print", "email", "e mail", "mail", "advertisement",
    "advertisements", "advertising", "ad", "ads", "sponsored", "sponsored content", "comments",
    "comment", "read more", "more", "follow us", "follow", "subscribe", "subscribe now", "home",
    "world", "menu", "search", "login", "log in", "sign in", "sign up", "register", "logout",
    "skip to content", "skip to main content", "skip navigation", "back to top", "top",
    "skip to navigation", "skip to main navigation", "skip to search", "skip to footer",
    "link copied", "get short link", "short link", "copy url", "skip links", "navigation menu",
    "main menu", "site menu", "main navigation", "site navigation", "front page",
    "print subscriptions", "subscriptions", "newspaper", "e paper", "epaper", "collected by",
    "end of document",
    "share this", "share this article", "share this story", "share on facebook", "share on twitter",
    "facebook", "twitter", "x twitter", "whatsapp", "linkedin", "telegram", "pinterest", "reddit",
    "instagram", "youtube", "copy link", "copy", "link", "next", "previous", "prev", "next article",
    "previous article", "related", "related articles", "related news", "related stories",
    "related content", "most read", "most popular", "most viewed", "trending", "trending now",
    "latest", "latest news", "top stories", "news", "video", "videos", "photos", "gallery", "live",
    "opinion", "politics", "business", "sports", "sport", "entertainment", "technology", "tech",
    "science", "health", "lifestyle", "culture", "asia", "europe", "africa", "americas",
    "middle east", "world news", "national", "international", "local", "editorial", "listen",
    "listen to this article", "save", "bookmark", "font size", "text size", "a a", "a a a",
    "print this page", "print article", "email this", "feedback", "report", "report an error",
    "newsletter", "subscribe to our newsletter", "get the app", "download app", "download the app",
    "close menu", "open menu", "toggle navigation", "navigation", "accept", "accept cookies", "ok",
    "accept all", "reject all", "manage preferences", "manage cookies", "cookie settings",
    "cookie policy", "privacy policy", "privacy settings",
    "loading", "continue reading", "show more", "show comments", "view comments", "leave a comment",
    "add comment", "post a comment", "advertisement scroll to continue",
    "story continues below advertisement", "story continues below", "continue reading below",
    "also read", "see also", "read also", "read next", "recommended", "you may also like",
    "more from", "more stories", "topics", "tags", "share via", "share article", "send",
    "permalink", "zoom", "play", "pause", "watch", "play video", "watch video", "image", "photo",
    "file photo", "enlarge", "expand", "collapse", "caption", "hide caption", "toggle caption",
    "back", "go back", "return", "cancel", "submit",
    // Arabic, Urdu and Russian sites' menus and buttons.
    "الرئيسية", "شارك", "طباعة", "إعلان", "اقرأ أيضا", "ہوم", "شیئر", "اشتہار", "مزید پڑھیں",
    "أخبار", "اخبار", "صفحہ اول", "خبریں", "главная", "новости", "поделиться", "реклама",
    "печать", "читать также", "комментарии",
    // A site's language switch ("English | اردو").
    "english", "urdu", "اردو", "عربي", "العربية", "français", "español", "deutsch",
    "русский", "中文", "hindi",
    // Chinese sites' menus and buttons.
    "首页", "新闻", "分享", "分享到", "打印", "关闭", "返回顶部", "评论", "更多", "登录",
    "注册", "收藏", "举报", "上一篇", "下一篇", "相关新闻", "相关阅读", "推荐阅读", "热点新闻",
    "扫一扫", "微信", "微博", "广告", "视频", "图片", "纠错", "阅读全文", "网站地图", "联系我们",
    "关于我们",
];

/// True when a folded key is a [`FURNITURE`] line.
fn is_furniture_key(key: &str) -> bool {
    static KEYS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| FURNITURE.iter().copied().collect());
    KEYS.contains(key)
}

/// Line openings that mark furniture whatever follows ("Follow us on Twitter").
#[rustfmt::skip]
const FURNITURE_OPENINGS: &[&str] = &[
    "follow us", "follow @", "subscribe to", "subscribe for", "sign up for", "sign up to",
    "read more", "click here", "also read", "read also", "see also", "join our", "download the",
    "download our", "like us on", "get the latest", "share this", "share on", "share via",
    "copyright ©",
    "copyright (c)", "copyright 1", "copyright 2", "©", "(c) ", "all rights reserved",
    "this article was", "tags:", "topics:", "related:", "related articles", "more on this",
    "read time:", "reading time:", "skip to", "save articles", "the wayback machine",
    "view this email", "view in browser", "view in your browser",
    // Nexis Uni's delivery notes; blogs' default tagline and apps' buttons.
    "user name:", "date and time:", "job number:", "just another wordpress site", "open in app",
    "trending:", "trending now", "trending topics", "hot topics", "most read:", "popular now",
    "you may also", "recommended for you", "photo:", "photo by", "photograph:", "image:",
    "image by", "picture:", "file photo", "credit:", "reading time", "listen to this",
    // Chinese: the editor's credit, the original title, the type size.
    "责任编辑", "编辑：", "原标题", "【纠错】", "字号",
];

/// The first two bytes of the [`FURNITURE_OPENINGS`] (all have two or
/// more), as a bit table indexed by the first byte and the second byte's
/// low 6 bits. Two second bytes may share a bit, which only lets a line
/// through to the full comparison; most lines start with a pair that no
/// opening starts with.
const OPENING_PAIRS: [u64; 256] = {
    let mut table = [0; 256];
    let mut i = 0;
    while i < FURNITURE_OPENINGS.len() {
        let o = FURNITURE_OPENINGS[i].as_bytes();
        table[o[0] as usize] |= 1 << (o[1] & 63);
        i += 1;
    }
    table
};

/// True when the first two bytes of `s` (ASCII) may start an opening.
fn may_open(s: &[u8]) -> bool {
    match s {
        [first, second, ..] => {
            let pairs = OPENING_PAIRS[usize::from(first.to_ascii_lowercase())];
            pairs & (1 << (second.to_ascii_lowercase() & 63)) != 0
        }
        _ => false,
    }
}

/// Short counters such as "12 Comments", "5 min read", "1.2K shares".
pub(crate) fn is_counter(key: &str) -> bool {
    if !key.starts_with(|c: char| c.is_ascii_digit() || c == 'k' || c == 'm') {
        return false;
    }
    let mut words = key.split(' ');
    let first = words.next().unwrap_or("");
    let numeric = !first.is_empty()
        && first
            .chars()
            .all(|c| c.is_ascii_digit() || c == 'k' || c == 'm');
    const UNITS: &[&str] = &[
        "comment", "comments", "share", "shares", "view", "views", "like", "likes", "min", "mins",
        "minute", "minutes", "reads", "captures",
    ];
    // A unit, then at most one more word; a range ("3-4 minutes", as
    // browsers' reader views give reading times) has a second number.
    let mut next = words.next();
    if next.is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())) {
        next = words.next();
    }
    let unit = next.is_some_and(|w| UNITS.contains(&w));
    numeric && unit && words.nth(1).is_none()
}

/// "2 hours ago", "Updated 5 mins ago", "Updated an hour ago": relative
/// times carry no date.
pub(crate) fn is_relative_time(key: &str) -> bool {
    if !key.ends_with(" ago") {
        return false;
    }
    let words: Vec<&str> = key
        .split(' ')
        .skip_while(|w| matches!(*w, "last" | "updated" | "published" | "posted"))
        .collect();
    words.len() == 3
        && (words[0].chars().all(|c| c.is_ascii_digit()) || matches!(words[0], "a" | "an"))
        && TIME_UNITS.contains(&words[1])
        && words[2] == "ago"
}

/// Units of a relative time ("2 hours ago"), as a line of furniture or
/// beside a date.
pub(crate) const TIME_UNITS: &[&str] = &[
    "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr",
    "hrs", "day", "days", "week", "weeks",
];

/// Longer units, read beside a date only ("Updated 2 years ago"): a line
/// of its own that says "65 years ago." is more likely text.
pub(crate) const LONG_TIME_UNITS: &[&str] = &["month", "months", "year", "years"];

/// "Home > World > Asia", "Home / World", "News | Pakistan", split on
/// `sep`, the line's [`breadcrumb_separator`].
///
/// At least two parts with a key, none of more than four words; and the
/// separator an arrow, or every part a furniture line, or the first part
/// "Home". Parts are folded one at a time, stopping at the first that
/// settles it: most lines with a `/` are addresses or prose.
fn is_breadcrumb(s: &str, sep: char) -> bool {
    let possible = match u8::try_from(sep) {
        Ok(sep) if s.is_ascii() => may_be_ascii_breadcrumb(s.as_bytes(), sep),
        _ => may_be_breadcrumb(s, sep),
    };
    if !possible {
        return false;
    }
    let arrow = matches!(sep, '>' | '»' | '›' | '→');
    let (mut parts, mut home) = (0, false);
    for part in s.split(sep) {
        let key = fold_key(part);
        if key.is_empty() {
            continue;
        }
        if word_count(&key) > 4 {
            return false;
        }
        home |= parts == 0 && key == "home";
        parts += 1;
        if !arrow && !home && !is_furniture_key(&key) {
            return false;
        }
    }
    parts >= 2
}

/// Breadcrumb separators, in the order [`breadcrumb_separator`] tries them.
const SEPARATORS: [char; 8] = ['>', '»', '›', '/', '|', '→', '•', '·'];

/// The separator a breadcrumb would use: the first of [`SEPARATORS`] that
/// occurs.
fn breadcrumb_separator(s: &str) -> Option<char> {
    // Vectorised scans: a byte loop here was a quarter of the rules' time.
    let ascii_only = s.is_ascii() && memchr::memchr3(b'>', b'/', b'|', s.as_bytes()).is_none();
    if ascii_only {
        return None;
    }
    SEPARATORS.into_iter().find(|c| s.contains(*c))
}

/// What a breadcrumb needs, checked before folding its parts: two parts
/// with letters or digits and none with more than four words. Each
/// whitespace-separated word holding a letter or digit makes at least one
/// word of the part's key.
fn may_be_breadcrumb(s: &str, sep: char) -> bool {
    let mut keyed_parts = 0;
    for part in s.split(sep) {
        let words = part.split_whitespace().filter(|w| has_key_char(w)).count();
        if words > 4 {
            return false;
        }
        keyed_parts += usize::from(words > 0);
    }
    keyed_parts >= 2
}

/// [`may_be_breadcrumb`] of an ASCII line, in one pass over its bytes that
/// stops at the first part with too many words: mail headers and web
/// addresses are full of `>` and `/`.
fn may_be_ascii_breadcrumb(s: &[u8], sep: u8) -> bool {
    let (mut keyed_parts, mut words) = (0, 0);
    // In a word, and whether the word has a letter, digit or `&` so far.
    let (mut in_word, mut keyed) = (false, false);
    for &b in s.iter().chain([&sep]) {
        let ends_part = b == sep;
        if ends_part || matches!(b, b'\t'..=b'\r' | b' ') {
            if in_word && keyed {
                words += 1;
                if words > 4 {
                    return false;
                }
            }
            (in_word, keyed) = (false, false);
            if ends_part {
                keyed_parts += usize::from(words > 0);
                words = 0;
            }
        } else {
            in_word = true;
            keyed |= b.is_ascii_alphanumeric() || b == b'&';
        }
    }
    keyed_parts >= 2
}

/// True when [`fold_key`] keeps a character of `s`.
fn has_key_char(s: &str) -> bool {
    if s.is_ascii() {
        return s.bytes().any(|b| b.is_ascii_alphanumeric() || b == b'&');
    }
    s.chars()
        .flat_map(char::to_lowercase)
        .any(|c| c.is_alphanumeric() || c == '&')
}

/// A bare web address or domain ("dawn.com", "www.reuters.com").
pub(crate) fn is_domain(s: &str) -> bool {
    let s = s.trim();
    // Cheap conditions first: the trimming below keeps spaces and dots.
    if s.contains(' ') || !s.contains('.') {
        return false;
    }
    let s = s
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    let s = s.trim_end_matches('/');
    let label = |l: &str| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    let tld = |l: &str| l.len() >= 2 && l.chars().all(|c| c.is_ascii_alphabetic());
    s.contains('.') && s.split('.').all(label) && s.rsplit('.').next().is_some_and(tld)
}

/// Longest furniture line, in characters of the cleaned line.
const MAX_FURNITURE_CHARS: usize = 120;

/// Most words of a line that may start with a [`FURNITURE_OPENINGS`] entry.
const MAX_OPENING_LINE_WORDS: usize = 12;

/// Characters of a line's head lowercased to match openings; more than the
/// longest opening (checked by a test).
const HEAD_CHARS: usize = 32;

/// True when the whole line is page furniture.
///
/// Called on every body line. Most ASCII lines are settled by
/// [`ascii_furniture_hint`] (five in six on the benchmark corpus); the
/// others are cleaned and folded on the stack, and long ones are settled
/// within their first [`MAX_FURNITURE_CHARS`] characters. Other lines take
/// the general path.
pub(crate) fn is_furniture(line: &str) -> bool {
    if line.len() > 600 {
        return false;
    }
    if line.is_ascii() {
        // A long line is settled by one vectorised count instead of the
        // byte-by-byte cleaning: the cleaned line keeps every visible byte.
        if line.len() > MAX_FURNITURE_CHARS && visible_bytes(line) > MAX_FURNITURE_CHARS {
            return false;
        }
        if let Some(settled) = ascii_furniture_hint(line.as_bytes()) {
            return settled;
        }
        return AsciiLine::new(line).is_some_and(|l| l.is_furniture());
    }
    is_furniture_general(line)
}

/// By the first byte of the ASCII [`FURNITURE`] keys (only ASCII lines
/// are hinted): the low 6 bits of their last bytes, and their lengths, as
/// bit sets. Shared bits only let a line through to the full check.
const KEY_BITS: [(u64, u64); 128] = {
    let mut table = [(0, 0); 128];
    let mut i = 0;
    while i < FURNITURE.len() {
        let key = FURNITURE[i].as_bytes();
        if key[0].is_ascii() {
            let bits = &mut table[key[0] as usize];
            bits.0 |= 1 << (key[key.len() - 1] & 63);
            bits.1 |= 1 << key.len();
        }
        i += 1;
    }
    table
};

/// Most words of a [`FURNITURE`] key (checked by a test).
const MAX_FURNITURE_WORDS: usize = 4;

/// What an ASCII line's key looks like, from one pass over its bytes
/// without building it: what [`ascii_furniture_hint`] needs.
struct KeyShape {
    /// The key's first and last bytes (lowercase).
    first: u8,
    last: u8,
    /// The key's length and its number of words.
    len: usize,
    words: usize,
}

impl KeyShape {
    /// `None` when the line has no key byte.
    fn of(t: &[u8]) -> Option<Self> {
        let (mut len, mut words, mut first, mut last) = (0, 0, 0, 0);
        // A key byte after a gap (whitespace or punctuation the key turns
        // into a space) starts a word.
        let mut gap = true;
        for &b in t {
            match kind(b) {
                KEY_BYTE => {
                    if gap {
                        len += usize::from(words > 0);
                        words += 1;
                        gap = false;
                    }
                    len += 1;
                    last = b.to_ascii_lowercase();
                    if len == 1 {
                        first = last;
                    }
                }
                DROPPED => {}
                _ => gap = true,
            }
        }
        (words > 0).then_some(Self {
            first,
            last,
            len,
            words,
        })
    }

    /// True when the key may be a [`FURNITURE`] key.
    fn may_be_listed(&self) -> bool {
        let f = usize::from(self.first & 0x7f);
        self.len <= MAX_FURNITURE_KEY
            && self.words <= MAX_FURNITURE_WORDS
            && KEY_BITS[f].0 & (1 << (self.last & 63)) != 0
            && KEY_BITS[f].1 & (1 << self.len) != 0
    }
}

/// How [`AsciiLine::new`] treats an ASCII byte ([`BYTE_KINDS`]).
fn kind(b: u8) -> u8 {
    BYTE_KINDS[usize::from(b & 0x7f)]
}

/// Settles most ASCII lines without cleaning them: `Some(false)` when the
/// line cannot be furniture, `Some(true)` for a line of symbols only (its
/// key is empty), `None` when the full rules must decide. Follows what each
/// rule of [`furniture_rules`] needs:
///
/// - a [`FURNITURE`] key: see [`KeyShape::may_be_listed`];
/// - a counter: a key that starts with a number ("12", "1.2k") and has at
///   most four words ("3-4 min read");
/// - a relative time: a key that ends with "ago";
/// - a domain: one word with a dot and a letter at its end;
/// - a breadcrumb: [`may_be_ascii_breadcrumb`]; with `/` or `|`, which are
///   not arrows, every part is a furniture key, so the first one is too;
/// - an opening at the start (whitespace runs read as one space).
fn ascii_furniture_hint(line: &[u8]) -> Option<bool> {
    let ws = |b: &u8| kind(*b) == WHITESPACE;
    let start = line.iter().position(|b| !ws(b)).unwrap_or(line.len());
    let end = line.iter().rposition(|b| !ws(b)).map_or(start, |e| e + 1);
    let t = &line[start..end];
    let (Some(first), Some(last)) = (
        t.iter().position(|&b| kind(b) == KEY_BYTE),
        t.iter().rposition(|&b| kind(b) == KEY_BYTE),
    ) else {
        return Some(!t.is_empty());
    };
    // The cheap tests first; the key's shape only when its first and last
    // bytes may be those of a listed key.
    let (f, l) = (t[first].to_ascii_lowercase(), t[last].to_ascii_lowercase());
    // A key holds every letter and digit of the line: a vectorised count of
    // them settles most lines before the byte-by-byte shape is taken.
    let listed = || {
        KEY_BITS[usize::from(f)].0 & (1 << (l & 63)) != 0
            && alphanumeric_bytes(t) <= MAX_FURNITURE_KEY
            && KeyShape::of(t).is_some_and(|k| k.may_be_listed())
    };
    let counter = || {
        matches!(f, b'0'..=b'9' | b'k' | b'm')
            && starts_with_number(t)
            && KeyShape::of(t).is_some_and(|k| k.words <= 4)
    };
    let breadcrumb = || {
        // The separator `breadcrumb_separator` would pick; most lines
        // have none, which one scan tells.
        let any = memchr::memchr3(b'>', b'/', b'|', t).is_some();
        let sep = [b'>', b'/', b'|']
            .into_iter()
            .find(|&sep| any && memchr::memchr(sep, t).is_some());
        let first_part = |sep: u8| t.split(|&b| b == sep).find_map(KeyShape::of);
        sep.is_some_and(|sep| {
            may_be_ascii_breadcrumb(t, sep)
                && (sep == b'>' || first_part(sep).is_some_and(|p| p.may_be_listed()))
        })
    };
    let domain = || {
        memchr::memchr(b'.', t).is_some()
            && !t.iter().any(ws)
            && t.iter()
                .rev()
                .find(|&&b| b != b'/')
                .is_some_and(u8::is_ascii_alphabetic)
    };
    let opening = || {
        let head = t[0].to_ascii_lowercase();
        may_open(t)
            && FURNITURE_OPENINGS
                .iter()
                .any(|o| o.as_bytes()[0] == head && opens_with(t, o.as_bytes()))
    };
    let maybe = listed()
        || counter()
        || (l == b'o' && key_ends_with_ago(t))
        || breadcrumb()
        || domain()
        || opening();
    (!maybe).then_some(false)
}

/// True when the first word of the key of `t` is a number as counters
/// write it ("12", "1.2K", "3k"): [`is_counter`]'s first condition.
fn starts_with_number(t: &[u8]) -> bool {
    let mut word = t
        .iter()
        .skip_while(|&&b| kind(b) != KEY_BYTE)
        .take_while(|&&b| matches!(kind(b), KEY_BYTE | DROPPED))
        .filter(|&&b| kind(b) == KEY_BYTE)
        .peekable();
    word.peek().is_some()
        && word.all(|b| matches!(b.to_ascii_lowercase(), b'0'..=b'9' | b'k' | b'm'))
}

/// True when the key of `t` ends with "ago": its last three key bytes,
/// with only dropped bytes (`.`, `'`) between and after them.
fn key_ends_with_ago(t: &[u8]) -> bool {
    let mut tail = t
        .iter()
        .rev()
        .skip_while(|&&b| kind(b) != KEY_BYTE)
        .filter(|&&b| kind(b) != DROPPED);
    b"oga"
        .iter()
        .all(|&want| tail.next().is_some_and(|b| b.to_ascii_lowercase() == want))
}

/// True when the cleaned line `t` starts with `opening` ignoring ASCII
/// case: a space of the opening matches a run of whitespace.
fn opens_with(t: &[u8], opening: &[u8]) -> bool {
    let ws = |b: u8| kind(b) == WHITESPACE;
    let mut at = 0;
    for &o in opening {
        if o == b' ' {
            if !t.get(at).is_some_and(|&b| ws(b)) {
                return false;
            }
            while t.get(at).is_some_and(|&b| ws(b)) {
                at += 1;
            }
        } else if t.get(at).is_some_and(|b| b.to_ascii_lowercase() == o) {
            at += 1;
        } else {
            return false;
        }
    }
    true
}

/// ASCII letters and digits in `t`, in a loop the compiler vectorises.
fn alphanumeric_bytes(t: &[u8]) -> usize {
    t.iter()
        .map(|&b| usize::from(b.is_ascii_alphanumeric()))
        .sum()
}

/// Bytes of an ASCII line that are not whitespace (as
/// `char::is_whitespace` has it for ASCII).
fn visible_bytes(line: &str) -> usize {
    line.as_bytes()
        .iter()
        .map(|&b| usize::from(!matches!(b, b'\t'..=b'\r' | b' ')))
        .sum()
}

/// [`is_furniture`] for any line, with `String`s.
fn is_furniture_general(line: &str) -> bool {
    if line.len() > 600 {
        return false;
    }
    // The cleaned line keeps every visible character: count before cleaning.
    let visible = line
        .chars()
        .filter(|&c| !c.is_whitespace() && !is_invisible(c))
        .take(MAX_FURNITURE_CHARS + 1)
        .count();
    visible <= MAX_FURNITURE_CHARS && may_be_furniture(line) && cleaned_is_furniture(line)
}

/// The rules on the cleaned line, without the shortcuts.
fn cleaned_is_furniture(line: &str) -> bool {
    let s = clean(line);
    if s.is_empty() || char_len(&s) > MAX_FURNITURE_CHARS {
        return false;
    }
    let shape = LineShape {
        words: word_count(&s),
        has_dot: s.contains('.'),
        separator: breadcrumb_separator(&s),
    };
    furniture_rules(&s, &fold_key(&s), &shape)
}

/// False when no rule of [`furniture_rules`] can hold for `line`, from one
/// pass over its characters that neither cleans nor lowercases it (that
/// took a quarter of the parser's time on Chinese pages, where every
/// character was looked up in Unicode's tables). True lets the line
/// through to the full rules. Each rule needs:
///
/// - an empty key: no letter or digit;
/// - a [`FURNITURE`] key: a key of at most [`MAX_FURNITURE_KEY`] bytes;
/// - a counter: a key whose first word is digits, `k` and `m`;
/// - a relative time: a key whose last word is "ago";
/// - a domain: a `.` in a line of one word;
/// - a breadcrumb: see [`may_be_breadcrumb`];
/// - an opening: a line that starts like one.
///
/// A character other than ASCII, Chinese or Korean may lowercase to
/// anything: where it matters, it lets the line through.
fn may_be_furniture(line: &str) -> bool {
    let mut key = KeyBound::default();
    // Words as `clean` leaves them: a visible character after whitespace
    // that follows a visible one starts a second.
    let (mut visible, mut gap, mut words) = (false, false, 0);
    let (mut has_dot, mut separators) = (false, 0u8);
    for (at, c) in line.char_indices() {
        if c.is_whitespace() {
            gap = visible;
            key.separate();
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        words += usize::from(gap || !visible);
        (visible, gap) = (true, false);
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() || c == '&' {
                key.push_ascii(at, c as u8);
                continue;
            }
            has_dot |= c == '.';
            separators |= match c {
                '>' => 1,
                '/' => 1 << 3,
                '|' => 1 << 4,
                _ => 0,
            };
        } else if is_han_or_hangul(c) {
            key.push_han(at);
            continue;
        } else if c.is_alphanumeric() {
            key.push_other(at);
            continue;
        } else {
            separators |= match c {
                '»' => 1 << 1,
                '›' => 1 << 2,
                '→' => 1 << 5,
                '•' => 1 << 6,
                '·' => 1 << 7,
                _ => 0,
            };
        }
        if !matches!(c, '.' | '\'' | '’') {
            key.separate();
        }
    }
    // The first separator in `breadcrumb_separator`'s order.
    let separator = (separators != 0).then(|| SEPARATORS[separators.trailing_zeros() as usize]);
    key.runs == 0
        || key.bytes + key.runs - 1 <= MAX_FURNITURE_KEY
        || key.first_may_count
        || key.last_may_be_ago(line)
        || (has_dot && words == 1)
        || separator.is_some_and(|sep| may_be_breadcrumb(line, sep))
        || may_start_an_opening(line)
}

/// What [`may_be_furniture`] knows of a line's key while it reads the
/// line: the key's words are runs of key characters.
#[derive(Default)]
struct KeyBound {
    /// At least the bytes of the key's characters (spaces not counted).
    bytes: usize,
    /// Words of the key.
    runs: usize,
    /// A character the key turns into a space was seen since the last
    /// key character.
    separated: bool,
    /// The first word may be a counter's number (digits, `k`, `m`).
    first_may_count: bool,
    /// Where the last word starts in the line, its characters, and
    /// whether they spell the start of "ago" so far; unknown when one is
    /// neither ASCII nor Chinese.
    last_start: usize,
    last_len: usize,
    last_may_be_ago: bool,
    last_unknown: bool,
}

impl KeyBound {
    fn separate(&mut self) {
        self.separated = true;
    }

    fn start(&mut self, at: usize) {
        if self.runs == 0 || self.separated {
            self.runs += 1;
            self.last_start = at;
            (self.last_len, self.last_may_be_ago, self.last_unknown) = (0, true, false);
            if self.runs == 1 {
                self.first_may_count = true;
            }
        }
        self.separated = false;
        self.last_len += 1;
    }

    fn push_ascii(&mut self, at: usize, b: u8) {
        self.start(at);
        self.bytes += 1;
        if self.runs == 1 {
            self.first_may_count &= matches!(b.to_ascii_lowercase(), b'0'..=b'9' | b'k' | b'm');
        }
        self.last_may_be_ago &= b"ago".get(self.last_len - 1) == Some(&b.to_ascii_lowercase());
    }

    /// A Chinese or Korean character: three bytes, itself lowercased.
    fn push_han(&mut self, at: usize) {
        self.start(at);
        self.bytes += 3;
        if self.runs == 1 {
            self.first_may_count = false;
        }
        self.last_may_be_ago = false;
    }

    /// Another letter or digit: at least one byte lowercased, possibly
    /// anything.
    fn push_other(&mut self, at: usize) {
        self.start(at);
        self.bytes += 1;
        self.last_unknown = true;
    }

    /// With a character of unknown lowercase, the last word is folded as
    /// the key would be: its end is the key's end.
    fn last_may_be_ago(&self, line: &str) -> bool {
        if self.last_unknown {
            return fold_key(&clean(&line[self.last_start..])).ends_with("ago");
        }
        self.last_may_be_ago && self.last_len == 3
    }
}

/// Characters of a line's start that [`may_start_an_opening`] compares.
const OPENING_HEAD: usize = 6;

/// True when the cleaned, lowercased `line` may start with one of the
/// [`FURNITURE_OPENINGS`], from its first few characters.
fn may_start_an_opening(line: &str) -> bool {
    let mut head = ['\0'; OPENING_HEAD];
    let mut len = 0;
    let mut gap = false;
    for c in line.chars().filter(|&c| !is_invisible(c)) {
        if c.is_whitespace() {
            gap = len > 0;
            continue;
        }
        if gap && len < OPENING_HEAD {
            head[len] = ' ';
            len += 1;
        }
        if len == OPENING_HEAD {
            break;
        }
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) => head[len] = l,
            // Lowercased to more than one character: let the rules decide.
            _ => return true,
        }
        len += 1;
        gap = false;
    }
    FURNITURE_OPENINGS
        .iter()
        .any(|o| o.chars().zip(&head[..len]).all(|(a, &b)| a == b))
}

/// Chinese characters and Korean syllables: all letters, each three bytes
/// in UTF-8 and its own lowercase (checked by a test over every one).
fn is_han_or_hangul(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7a3}')
}

/// What the rules need to know of a cleaned line besides its text: the
/// ASCII path notes it while it cleans the line.
struct LineShape {
    /// Words of the cleaned line.
    words: usize,
    /// The line holds a `.`.
    has_dot: bool,
    /// The [`breadcrumb_separator`] of the line.
    separator: Option<char>,
}

/// The furniture rules on a cleaned line `s`, its folded `key` and its
/// shape. Each rule runs only when its necessary condition holds: a
/// domain is one word with a dot, a breadcrumb needs a separator, a
/// [`FURNITURE`] line a short key.
fn furniture_rules(s: &str, key: &str, shape: &LineShape) -> bool {
    // An empty key means only symbols: "×", "☰", "•••".
    key.is_empty()
        || (key.len() <= MAX_FURNITURE_KEY && is_furniture_key(key))
        || is_counter(key)
        || is_relative_time(key)
        || (shape.has_dot && shape.words == 1 && is_domain(s))
        || shape.separator.is_some_and(|sep| is_breadcrumb(s, sep))
        || (shape.words <= MAX_OPENING_LINE_WORDS && starts_with_opening(s))
}

/// True when `s` (cleaned) starts with a [`FURNITURE_OPENINGS`] entry,
/// ignoring case.
fn starts_with_opening(s: &str) -> bool {
    if s.is_ascii() {
        // Openings are lowercase (checked by a test).
        let Some(first) = s.as_bytes().first().map(u8::to_ascii_lowercase) else {
            return false;
        };
        // Most lines start with a pair of bytes no opening starts with.
        if !may_open(s.as_bytes()) {
            return false;
        }
        return FURNITURE_OPENINGS.iter().any(|o| {
            o.as_bytes().first() == Some(&first)
                && s.as_bytes()
                    .get(..o.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(o.as_bytes()))
        });
    }
    // Openings are short: lowercasing the head is enough.
    let head = prefix_chars(s, HEAD_CHARS).to_lowercase();
    FURNITURE_OPENINGS.iter().any(|o| head.starts_with(o))
}

/// How [`AsciiLine::new`] treats each ASCII byte: whitespace (as
/// `char::is_whitespace` has it), a key byte (letter, digit, `&`), a byte
/// the key drops (`.`, `'`), or another visible byte (a gap in the key).
const WHITESPACE: u8 = 0;
const KEY_BYTE: u8 = 1;
const DROPPED: u8 = 2;
const GAP: u8 = 3;

/// The [`WHITESPACE`]... kind of every ASCII byte.
const BYTE_KINDS: [u8; 128] = {
    let mut table = [GAP; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'\t'..=b'\r' | b' ' => WHITESPACE,
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'&' => KEY_BYTE,
            b'.' | b'\'' => DROPPED,
            _ => GAP,
        };
        b += 1;
    }
    table
};

/// [`clean`] of an ASCII line and its [`fold_key`], built on the stack in
/// one pass that also notes what the rules look for, so that a rule whose
/// condition is missing is not run at all.
struct AsciiLine {
    clean: [u8; MAX_FURNITURE_CHARS],
    clean_len: usize,
    key: [u8; MAX_FURNITURE_CHARS],
    key_len: usize,
    shape: LineShape,
}

impl AsciiLine {
    /// `None` when the cleaned line is longer than [`MAX_FURNITURE_CHARS`]
    /// (so not furniture). `line` must be ASCII.
    ///
    /// Lengths and the state of the key are kept in locals, not in the
    /// struct, so they stay in registers in this per-byte loop. (A
    /// branch-free loop measured slower: its lengths form one long chain
    /// of dependent steps.)
    fn new(line: &str) -> Option<Self> {
        let mut clean = [0; MAX_FURNITURE_CHARS];
        let mut key = [0; MAX_FURNITURE_CHARS];
        let (mut clean_len, mut key_len, mut gaps) = (0, 0, 0);
        // The key is empty or ends with a space: no space may follow.
        let mut key_at_gap = true;
        let mut has_dot = false;
        // Seen `>`, `/`, `|`, as bits 1, 2, 4.
        let mut separators = 0u8;
        // Whitespace seen since the last visible byte: runs collapse to one
        // space, and none leads or trails.
        let mut space = false;
        for &b in line.as_bytes() {
            let kind = BYTE_KINDS[usize::from(b & 0x7f)];
            if kind == WHITESPACE {
                space = true;
                continue;
            }
            let gap = space && clean_len > 0;
            space = false;
            // The cleaned line is never shorter than the key, so one bound
            // check covers both buffers.
            if clean_len + usize::from(gap) >= MAX_FURNITURE_CHARS {
                return None;
            }
            if gap {
                clean[clean_len] = b' ';
                clean_len += 1;
                gaps += 1;
                if !key_at_gap {
                    key[key_len] = b' ';
                    key_len += 1;
                    key_at_gap = true;
                }
            }
            clean[clean_len] = b;
            clean_len += 1;
            // As `fold_key`: letters, digits and `&` kept, `.` and `'`
            // dropped, anything else one space between words.
            match kind {
                KEY_BYTE => {
                    key[key_len] = b.to_ascii_lowercase();
                    key_len += 1;
                    key_at_gap = false;
                }
                DROPPED => has_dot |= b == b'.',
                _ => {
                    separators |= match b {
                        b'>' => 1,
                        b'/' => 2,
                        b'|' => 4,
                        _ => 0,
                    };
                    if !key_at_gap {
                        key[key_len] = b' ';
                        key_len += 1;
                        key_at_gap = true;
                    }
                }
            }
        }
        if key_len > 0 && key_at_gap {
            key_len -= 1;
        }
        Some(Self {
            clean,
            clean_len,
            key,
            key_len,
            shape: LineShape {
                words: if clean_len == 0 { 0 } else { gaps + 1 },
                has_dot,
                // As `breadcrumb_separator` picks it: `>`, else `/`, else `|`.
                separator: match separators {
                    0 => None,
                    s if s & 1 != 0 => Some('>'),
                    s if s & 2 != 0 => Some('/'),
                    _ => Some('|'),
                },
            },
        })
    }

    fn clean(&self) -> &str {
        std::str::from_utf8(&self.clean[..self.clean_len]).unwrap_or_default()
    }

    fn key(&self) -> &str {
        std::str::from_utf8(&self.key[..self.key_len]).unwrap_or_default()
    }

    /// [`furniture_rules`] on the line.
    fn is_furniture(&self) -> bool {
        self.clean_len > 0 && furniture_rules(self.clean(), self.key(), &self.shape)
    }
}

/// Length of the longest [`FURNITURE`] line (checked by a test).
const MAX_FURNITURE_KEY: usize = 35;

/// Most characters of a Chinese label: site names ("央视新闻", "中国日报网")
/// are this short, headlines longer.
const MAX_HAN_LABEL_CHARS: usize = 5;

/// A short Title Case label with no sentence in it: a site name, a section
/// or a menu entry ("The Express Tribune", "Pakistan", "央视新闻"); rarely a
/// headline.
pub(crate) fn is_short_label(line: &str) -> bool {
    if line.len() > 200 {
        return false;
    }
    let s = clean(line);
    if !s.is_ascii() && s.chars().all(|c| is_han(c) || c == ' ') {
        let han = s.chars().filter(|&c| c != ' ').count();
        return (2..=MAX_HAN_LABEL_CHARS).contains(&han);
    }
    let words = word_count(&s);
    if words == 0
        || words > 4
        || char_len(&s) > 32
        || ends_with_period(&s)
        || s.ends_with([':', '?', '!'])
    {
        return false;
    }
    is_domain(&s)
        || s.split_whitespace()
            .all(|w| is_capitalized(w) || CONNECTORS.contains(&w.to_lowercase().as_str()))
}

/// Fewest links in a row that make a site's menu (see [`site_menu`]).
const MENU_LINES: usize = 6;

/// A line of a site's menu or footer links: a furniture word, or a short
/// capitalised label of at most three words with no sentence, number or
/// byline in it ("Karachi", "About us", "Privacy policy"); or the site's
/// cookie notice among them. Not a line of symbols ("=====", which
/// underlines a heading in plain-text documents) nor a field list
/// (":Author: ...").
fn is_menu_item(line: &str) -> bool {
    let t = line.trim();
    if t.len() > 40 {
        let cookie = |w: &[u8]| w.eq_ignore_ascii_case(b"cookie");
        return t.len() <= 300 && t.as_bytes().windows(6).any(cookie);
    }
    let Some(first) = t.chars().next().filter(|c| c.is_alphabetic()) else {
        return false;
    };
    if is_furniture(t) {
        return true;
    }
    (first.is_uppercase() || !first.is_lowercase())
        && word_count(t) <= 3
        && !t.ends_with(['.', '!', '?', ':', ','])
        && !t.chars().any(|c| c.is_ascii_digit())
        && crate::article::byline::parse_byline(t).is_none()
}

/// The number of the last line of a site's menu or footer at the start of
/// `lines` (numbered non-blank lines, in the order to read them):
/// [`MENU_LINES`] or more links in a row, two of them furniture words
/// ("Home", "Sport", "Facebook"), so that a list of names (a team, a
/// cabinet) is not taken for one.
pub(crate) fn site_menu<'a>(lines: impl Iterator<Item = (usize, &'a &'a str)>) -> Option<usize> {
    let (mut links, mut furniture, mut last) = (0, 0, None);
    for (k, line) in lines {
        if !is_menu_item(line) {
            break;
        }
        links += 1;
        furniture += usize::from(is_furniture(line.trim()));
        last = Some(k);
    }
    last.filter(|_| links >= MENU_LINES && furniture >= 2)
}

/// The lines of a site's menu (see [`site_menu`]) that starts on one of
/// the first `after + 1` of `lines` (numbered non-blank lines): the first
/// line's number and the last's. Each line is looked at once.
pub(crate) fn site_menu_near_top<'a>(
    lines: impl Iterator<Item = (usize, &'a &'a str)>,
    after: usize,
) -> Option<(usize, usize)> {
    // (line number, menu item, furniture word), up to the first line that
    // is no menu item past the lines a menu may start on.
    let mut flags: Vec<(usize, bool, bool)> = Vec::new();
    for (k, line) in lines {
        let item = is_menu_item(line);
        let furniture = item && is_furniture(line.trim());
        flags.push((k, item, furniture));
        if !item && flags.len() > after {
            break;
        }
    }
    (0..=after.min(flags.len())).find_map(|start| {
        let run: Vec<_> = flags[start..].iter().take_while(|f| f.1).collect();
        let furniture = run.iter().filter(|f| f.2).count();
        let (first, last) = (run.first()?, run.last()?);
        (run.len() >= MENU_LINES && furniture >= 2).then_some((first.0, last.0))
    })
}

/// True for lines that end a page rather than an article: furniture plus
/// "Published in Dawn, ..." style credits.
pub(crate) fn is_trailing_furniture(line: &str) -> bool {
    const CREDITS: [&str; 6] = [
        "published in ",
        "first published",
        "this story was",
        "updated on ",
        "last updated",
        "published on ",
    ];
    if line.len() > 600 {
        return false;
    }
    // `is_furniture` cleans the line itself, on the stack for ASCII lines.
    if is_furniture(line) {
        return true;
    }
    // Every credit starts with one of these letters: the other lines (the
    // ends of nearly every page) are settled without cleaning a copy.
    let first = line
        .trim_start_matches(|c: char| c.is_whitespace() || is_invisible(c))
        .bytes()
        .next()
        .map(|b| b.to_ascii_lowercase());
    if !matches!(first, Some(b'p' | b'f' | b't' | b'u' | b'l')) {
        return false;
    }
    let s = clean(line);
    let lower = s.to_lowercase();
    word_count(&s) <= 14 && CREDITS.iter().any(|o| lower.starts_with(o))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines() {
        for s in [
            "close",
            "Print",
            "Share",
            "Tweet",
            "Advertisement",
            "ADVERTISEMENT",
            "Comments",
            "Read more",
            "Follow us on Twitter",
            "Subscribe",
            "Home",
            "World",
            "dawn.com",
            "Home > World > Asia",
            "Home / World",
            "Home • World",
            "Home · Europe · Ukraine",
            "12 Comments",
            "5 min read",
            "3-4 minutes",
            "3–4 minutes",
            "3-4 min read",
            "×",
            "Read more: Putin meets Xi",
            "© 2020 Dawn",
            "Share on Facebook",
            "Photo: AFP",
            "Updated 2 hours ago",
            "Updated an hour ago",
            "a day ago",
            "Last Updated 5 hours ago",
            "Navigation menu",
            "Share via Email",
            "Save articles to read later and create your own reading list.",
            "The Wayback Machine - https://web.archive.org/web/2019/https://www.dawn.com/news/1",
            "82 captures",
            "End of Document",
            "Copyright 2024 Dawn. All rights reserved.",
            "5 mins ago",
            "الرئيسية",
            "ہوم",
            "Главная",
            "首页",
            "返回顶部",
            "责任编辑：张三",
            "【纠错】 【责任编辑:王四】",
            "字号：大 中 小",
        ] {
            assert!(is_furniture(s), "{s}");
        }
    }

    #[test]
    fn not_furniture() {
        for s in [
            "Putin proposes election non-interference pact with US",
            "By AFP",
            "September 26, 2020",
            "MOSCOW: Russian President Vladimir Putin proposed on Friday concluding a pact.",
            "Share prices fell sharply on Monday after the announcement.",
            "Home prices rise again",
            "Copyright row hits music industry",
            "Jane Doe | Dawn",
            "Trump on deportations: 'It's a military operation'",
            "",
        ] {
            assert!(!is_furniture(s), "{s}");
        }
    }

    #[test]
    fn list_bounds_hold() {
        for f in FURNITURE {
            assert_eq!(fold_key(f), *f);
        }
        assert_eq!(
            FURNITURE.iter().map(|f| f.len()).max(),
            Some(MAX_FURNITURE_KEY)
        );
        for o in FURNITURE_OPENINGS {
            assert!(o.chars().count() < HEAD_CHARS, "{o}");
            assert!(o.len() >= 2, "{o}");
            // `may_open` and `opens_with` read a line's second byte as it
            // is, not as cleaning would make a space of it.
            assert_ne!(o.as_bytes()[1], b' ', "{o}");
            assert_eq!(o.to_lowercase(), *o);
        }
    }

    #[test]
    fn hint_agrees_with_the_rules_on_listed_lines() {
        for f in FURNITURE.iter().chain(FURNITURE_OPENINGS) {
            for line in [f.to_string(), f.to_uppercase(), format!("  {f}:  ")] {
                let full = AsciiLine::new(&line).is_some_and(|l| l.is_furniture());
                if line.is_ascii() {
                    let hint = ascii_furniture_hint(line.as_bytes());
                    assert!(hint.is_none_or(|h| h == full), "{line:?}");
                }
            }
        }
        for line in [
            "Putin proposes election non-interference pact with US",
            "1. Introduction to the driver model",
            "The council met on Tuesday to discuss the budget",
            "static int probe(struct device *dev);",
        ] {
            assert_eq!(
                ascii_furniture_hint(line.as_bytes()),
                Some(false),
                "{line:?}"
            );
        }
        let most_words = FURNITURE.iter().map(|f| f.split(' ').count()).max();
        assert_eq!(most_words, Some(MAX_FURNITURE_WORDS));
    }

    /// `rounds` lines of `pieces` drawn at random (the same every run from
    /// `seed`): every other line of one to four pieces, the others of one
    /// to `long`, a space after a piece except one time in `spaced`.
    fn random_lines<'p>(
        pieces: &'p [&'p str],
        mut seed: u64,
        rounds: usize,
        long: usize,
        spaced: usize,
    ) -> impl Iterator<Item = String> + 'p {
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            usize::try_from(seed % n as u64).unwrap_or(0)
        };
        (0..rounds).map(move |round| {
            let words = 1 + next(if round % 2 == 0 { 4 } else { long });
            let mut line = String::new();
            for _ in 0..words {
                line.push_str(pieces[next(pieces.len())]);
                if next(spaced) > 0 {
                    line.push(' ');
                }
            }
            line
        })
    }

    /// The ASCII path builds the same strings and gives the same answer as
    /// the general one, on random lines of furniture words, separators and
    /// symbols.
    #[test]
    fn ascii_path_agrees_with_general() {
        let pieces: Vec<&str> = FURNITURE
            .iter()
            .chain(FURNITURE_OPENINGS)
            .copied()
            .chain([
                "Updated",
                "posted",
                "2",
                "12",
                "hours",
                "ago",
                ">",
                "/",
                "|",
                " | ",
                "A.F.P.",
                "-",
                "Read",
                "more:",
                "Home",
                "dawn.com",
                "http://",
                "the",
                "said",
                "talks",
                "on",
                "Monday.",
                "'",
                ".",
                "&",
                "1.2K",
                "\t",
                "\x0b",
                "Putin",
                "a-b-c-d-e-f.com",
                "min",
                "read",
                "Comments",
                "CLOSE",
                "k",
                "(c)",
                "--",
                "<a@b.org>",
            ])
            .collect();
        let mut furniture = 0;
        for line in random_lines(&pieces, 0x9e37_79b9_7f4a_7c15, 200_000, 30, 4) {
            match AsciiLine::new(&line) {
                _ if !line.is_ascii() => {}
                Some(l) => {
                    assert_eq!(l.clean(), clean(&line));
                    assert_eq!(l.key(), fold_key(&clean(&line)));
                    assert_eq!(l.shape.words, word_count(&line), "{line:?}");
                    assert_eq!(l.shape.has_dot, line.contains('.'), "{line:?}");
                    assert_eq!(
                        l.shape.separator,
                        breadcrumb_separator(&clean(&line)),
                        "{line:?}"
                    );
                }
                None => assert!(char_len(&clean(&line)) > MAX_FURNITURE_CHARS),
            }
            let general = is_furniture_general(&line);
            assert_eq!(is_furniture(&line), general, "{line:?}");
            furniture += usize::from(general);
        }
        assert!(furniture > 2_000, "{furniture}");
    }

    /// What [`may_be_furniture`] assumes of Unicode, over every character:
    /// a letter or digit lowercases to at least one letter or digit and
    /// anything else to none, and the Chinese and Korean ranges are
    /// letters of three bytes that lowercase to themselves.
    #[test]
    fn key_characters_keep_their_kind_when_lowercased() {
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            let keyed = c.is_alphanumeric();
            assert_eq!(c.to_lowercase().any(char::is_alphanumeric), keyed, "{c:?}");
            if is_han_or_hangul(c) {
                assert!(keyed && c.len_utf8() == 3, "{c:?}");
                assert!(c.to_lowercase().eq([c]), "{c:?}");
            }
        }
    }

    /// The shortcut for lines that are not ASCII never refuses a line the
    /// rules would call furniture, on listed lines dressed up and random
    /// lines of Chinese, accented and furniture words.
    #[test]
    fn non_ascii_shortcut_keeps_every_furniture_line() {
        let agrees = |line: &str| {
            if !may_be_furniture(line) {
                assert!(!cleaned_is_furniture(line), "{line:?}");
            }
        };
        for f in FURNITURE.iter().chain(FURNITURE_OPENINGS) {
            for line in [
                format!("\u{a0}{f}\u{200b}"),
                format!("{} ·", f.to_uppercase()),
                format!("« {f} »"),
                format!("{f}：编辑"),
            ] {
                agrees(&line);
            }
        }
        let pieces = [
            "首页",
            "返回顶部",
            "责任编辑：王珊",
            "原标题",
            "【纠错】",
            "字号",
            "新华社",
            "莫斯科9月26日电",
            "俄罗斯总统普京提议与美国签署互不干涉选举协议。",
            "，",
            "。",
            "2 小时前",
            "12",
            "Comments",
            "hours",
            "ago",
            "Ago",
            "AGO",
            "Kommentare",
            "K",
            "\u{212a}",
            "Ⅻ",
            "Ⓜ",
            "İstanbul",
            "Ünal",
            "©",
            "(c)",
            "Follow",
            "us",
            "Home",
            "›",
            "»",
            "→",
            "|",
            "·",
            "—",
            "’",
            "\u{a0}",
            "\u{200b}",
            "\t",
            "dawn.com",
            "Read",
            "more:",
            "Share",
            "Ελλάδα",
            "Москва",
            "ΣΑΣ",
            "&",
            "1.2K",
            "min",
            "read",
            "한국어",
            "서울",
            "3-4",
            "Updated",
            "posted",
            "İago",
            "Ago—",
            "ago.",
            "…",
            "“",
            "”",
            "x.y",
            "km",
            "è",
            "a\u{200b}go",
            "2 hours ag\u{ad}o",
            "Çok",
            "città",
        ];
        let (mut refused, mut furniture) = (0, 0);
        for line in random_lines(&pieces, 0x2545_f491_4f6c_dd1d, 300_000, 12, 3) {
            agrees(&line);
            refused += usize::from(!may_be_furniture(&line));
            furniture += usize::from(cleaned_is_furniture(&line));
        }
        // Both kinds are well represented.
        assert!(
            refused > 2_000 && furniture > 2_000,
            "{refused} {furniture}"
        );
    }

    #[test]
    fn labels() {
        assert!(is_short_label("The Express Tribune"));
        assert!(is_short_label("Dawn"));
        assert!(is_short_label("The Times of India"));
        assert!(!is_short_label("Putin meets Xi"));
        assert!(!is_short_label(
            "Airlines offer workaround for US laptop ban"
        ));
        assert!(!is_short_label("It rained."));
        assert!(is_short_label("央视新闻"));
        assert!(!is_short_label("习近平同美国总统通电话"));
        assert!(!is_short_label("外交部：中方"));
    }

    #[test]
    fn trailing() {
        assert!(is_trailing_furniture(
            "Published in Dawn, September 27th, 2020"
        ));
        assert!(is_trailing_furniture("Follow us on Twitter"));
        assert!(is_trailing_furniture(
            "\u{200b} Published in Dawn, September 27th, 2020"
        ));
        assert!(is_trailing_furniture("LAST UPDATED: 26 Sep 2020"));
        assert!(!is_trailing_furniture("He said the talks would continue."));
    }
}
