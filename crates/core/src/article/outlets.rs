//! Names of news sites and papers, as their mastheads print them above a
//! saved page ("Dhaka Tribune", "Radio Free Europe Radio Liberty") and as
//! browsers put them after a page's title ("Headline | DW"). A line that
//! is only such a name is the site's, never the headline; a title that
//! ends with one has the site's name cut off.
//!
//! Wire agencies are not listed: "Reuters" or "AFP" alone on a line is a
//! byline (see `agency.rs`).

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::article::util::{fold_ascii_key, fold_key};

/// Outlets by the names their pages show, written as they print them;
/// folded with [`fold_key`] when the table is built.
#[rustfmt::skip]
const OUTLETS: &[&str] = &[
    // Global and European.
    "BBC", "BBC News", "CNN", "CNN International", "Al Jazeera", "Al Jazeera English",
    "The Guardian", "The Observer", "The Independent", "The Telegraph", "The Times",
    "Financial Times", "The Economist", "Sky News", "Daily Mail", "Mail Online", "Daily Mirror",
    "The Sun", "Evening Standard", "The Irish Times", "Irish Independent", "RTÉ", "RTE",
    "Euronews", "DW", "Deutsche Welle", "France 24", "RFI", "Politico", "Politico Europe",
    "RFE/RL", "Radio Free Europe/Radio Liberty", "Radio Free Europe Radio Liberty",
    "The Moscow Times", "Meduza", "RT", "Sputnik", "Sputnik International", "Kyiv Independent",
    "The Kyiv Independent", "Kyiv Post", "Ukrainska Pravda", "Balkan Insight", "Der Spiegel",
    "Spiegel International", "Le Monde", "El País", "The Local",
    // North America.
    "The New York Times", "New York Times", "The Washington Post", "Washington Post",
    "The Wall Street Journal", "Wall Street Journal", "USA Today", "Los Angeles Times",
    "Chicago Tribune", "The Boston Globe", "NPR", "PBS NewsHour", "ABC News", "CBS News",
    "NBC News", "Fox News", "MSNBC", "CNBC", "Bloomberg", "Axios", "The Hill", "HuffPost",
    "The Atlantic", "Vox", "BuzzFeed News", "The Columbus Dispatch", "The Globe and Mail",
    "National Post", "Toronto Star", "CBC News", "CBC", "CTV News", "Global News",
    // South Asia.
    "Dawn", "The Express Tribune", "Express Tribune", "The News", "The Nation",
    "Pakistan Today", "Daily Pakistan", "Geo News", "ARY News", "Samaa", "Business Recorder",
    "The Times of India", "Times of India", "Hindustan Times", "The Hindu", "Indian Express",
    "The Indian Express", "NDTV", "India Today", "News18", "The Print", "Scroll", "The Wire",
    "Deccan Herald", "Dhaka Tribune", "The Daily Star", "Prothom Alo", "bdnews24",
    "Daily Mirror Sri Lanka", "Kathmandu Post", "The Kathmandu Post",
    // Middle East.
    "Arab News", "Gulf News", "Khaleej Times", "The National", "Al Arabiya", "Al-Monitor",
    "Middle East Eye", "Haaretz", "The Times of Israel", "Times of Israel", "Jerusalem Post",
    "The Jerusalem Post", "Daily Sabah", "Hurriyet Daily News", "Ahram Online", "Asharq Al-Awsat",
    "Tehran Times", "Press TV", "Iran International", "Kurdistan24", "Rudaw",
    // Africa.
    "News24", "Daily Maverick", "Mail & Guardian", "IOL", "TimesLIVE", "Premium Times",
    "Punch", "The Punch", "Vanguard", "The Guardian Nigeria", "ThisDay", "Daily Trust",
    "Channels TV", "Sahara Reporters", "Nation", "Daily Nation", "The Standard", "The Star",
    "The Star Kenya", "Citizen Digital", "The EastAfrican", "Monitor", "Daily Monitor",
    "New Vision", "The Citizen", "Addis Standard", "Ghanaweb", "MyJoyOnline", "Graphic Online",
    "allAfrica", "allAfrica.com", "Egypt Independent",
    // East and South-East Asia, Oceania.
    "China Daily", "Global Times", "South China Morning Post", "SCMP", "Caixin", "Sixth Tone",
    "Japan Times", "The Japan Times", "NHK World", "Nikkei Asia", "Kyodo News", "Korea Herald",
    "The Korea Herald", "Korea Times", "The Korea Times", "Korea JoongAng Daily", "Hankyoreh",
    "Straits Times", "The Straits Times", "CNA", "Channel NewsAsia", "Today", "Malay Mail",
    "The Star Online", "New Straits Times", "Malaysiakini", "Free Malaysia Today",
    "Bangkok Post", "The Nation Thailand", "Khaosod English", "VnExpress International",
    "Jakarta Post", "The Jakarta Post", "Jakarta Globe", "Tempo", "Rappler", "Inquirer",
    "Philippine Daily Inquirer", "Inquirer.net", "Newsinfo", "Philstar", "The Philippine Star",
    "Manila Bulletin", "ABS-CBN News", "GMA News", "The Sydney Morning Herald",
    "Sydney Morning Herald", "The Age", "The Australian", "ABC", "SBS News", "news.com.au",
    "The New Zealand Herald", "NZ Herald", "RNZ", "Stuff",
];

fn outlets() -> &'static FxHashSet<String> {
    static KEYS: LazyLock<FxHashSet<String>> =
        LazyLock::new(|| OUTLETS.iter().map(|name| fold_key(name)).collect());
    &KEYS
}

/// The first words of the folded names: a line whose first word starts
/// none of them is settled without folding it.
fn first_words() -> &'static FxHashSet<String> {
    static WORDS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
        let first = |key: &String| key.split(' ').next().map(str::to_owned);
        outlets().iter().filter_map(first).collect()
    });
    &WORDS
}

/// Longest name in bytes, with room for "The " and punctuation.
const MAX_NAME_BYTES: usize = 48;

/// True when the whole line is an outlet's name ("Malay Mail", "RFE/RL",
/// "THE STAR").
pub(crate) fn is_outlet_name(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.len() > MAX_NAME_BYTES {
        return false;
    }
    let mut buf = [0u8; MAX_NAME_BYTES];
    let Some(key) = fold_ascii_key(t, &mut buf) else {
        return outlets().contains(&fold_key(t));
    };
    let first = key.split(' ').next().unwrap_or("");
    first_words().contains(first) && outlets().contains(key)
}

/// `title` without a site's name after it ("Headline | DW", "Headline -
/// Daily Maverick", "Headline – Global Times"), when the name is a known
/// outlet or a web address.
pub(crate) fn without_site_suffix(title: &str) -> Option<&str> {
    const SEPARATORS: [&str; 4] = [" | ", " - ", " – ", " — "];
    SEPARATORS.iter().find_map(|sep| {
        let (head, site) = title.rsplit_once(sep)?;
        let site = site.trim();
        let named = is_outlet_name(site) || crate::article::furniture::is_domain(site);
        (named && !head.trim().is_empty()).then(|| head.trim_end())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlet_names_and_lines_like_them() {
        for name in [
            "Malay Mail",
            "RFE/RL",
            "Radio Free Europe Radio Liberty",
            "THE STAR",
            "Dhaka Tribune",
            "euronews",
            "The Globe and Mail",
        ] {
            assert!(is_outlet_name(name), "{name}");
        }
        for line in [
            "Malay Mail reporter arrested",
            "The Star of the show",
            "Reuters",
            "AFP",
            "Putin proposes pact",
            "",
        ] {
            assert!(!is_outlet_name(line), "{line}");
        }
        assert_eq!(
            without_site_suffix("A new campaign | DW"),
            Some("A new campaign")
        );
        assert_eq!(
            without_site_suffix("Iraq forces hit resistance - Daily Maverick"),
            Some("Iraq forces hit resistance")
        );
        assert_eq!(
            without_site_suffix("Headline - example.com"),
            Some("Headline")
        );
        assert_eq!(without_site_suffix("Trump - the man and the myth"), None);
    }
}
