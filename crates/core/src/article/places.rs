//! Places that open datelines written in Title Case ("New Delhi: ...").
//!
//! An all-caps place before a colon ("MOSCOW:") reads as a dateline by its
//! capitals alone. Written in Title Case, as Indian and Pakistani sites do
//! ("New Delhi:", "Karachi:"), it looks like any other label before a colon
//! ("Phil Wolff: ...", "Subject: ..."), so it is read only when it names a
//! capital or a city that news is often filed from.

/// Lowercased, sorted (checked by a test) for a binary search.
#[rustfmt::skip]
const PLACES: &[&str] = &[
    "abu dhabi", "abuja", "accra", "addis ababa", "ahmedabad", "algiers", "amman", "amritsar",
    "amsterdam", "ankara", "antananarivo", "astana", "asuncion", "athens", "atlanta", "baghdad",
    "baku", "bamako", "bangalore", "bangkok", "bangui", "banjul", "beijing", "beirut", "belgrade",
    "bengaluru", "berlin", "bern", "bhopal", "bishkek", "bogota", "bombay", "boston", "brasilia",
    "bratislava", "brazzaville", "brussels", "bucharest", "budapest", "buenos aires", "bujumbura",
    "cairo", "calcutta", "canberra", "cape town", "caracas", "chandigarh", "chennai", "chicago",
    "chisinau", "colombo", "conakry", "copenhagen", "dakar", "damascus", "delhi", "dhaka", "dili",
    "djibouti", "doha", "dubai", "dublin", "dushanbe", "faisalabad", "frankfurt", "freetown",
    "gaborone", "gaza", "geneva", "georgetown", "gilgit", "guatemala city", "gurgaon", "gurugram",
    "guwahati", "gwadar", "hanoi", "harare", "havana", "helsinki", "hong kong", "houston",
    "hyderabad", "islamabad", "istanbul", "jaipur", "jakarta", "jammu", "jerusalem",
    "johannesburg", "juba", "kabul", "kampala", "kandahar", "karachi", "kathmandu", "khartoum",
    "kiev", "kigali", "kinshasa", "kolkata", "kuala lumpur", "kuwait city", "kyiv", "la paz",
    "lagos", "lahore", "lilongwe", "lima", "lisbon", "ljubljana", "lome", "london", "los angeles",
    "luanda", "lucknow", "lusaka", "luxembourg", "madrid", "male", "managua", "manama", "manila",
    "maputo", "mexico city", "miami", "milan", "minsk", "mogadishu", "monrovia", "montevideo",
    "montreal", "moscow", "multan", "mumbai", "munich", "muscat", "muzaffarabad", "n'djamena",
    "nairobi", "naypyidaw", "new delhi", "new york", "niamey", "nicosia", "noida", "nouakchott",
    "oslo", "ottawa", "ouagadougou", "panama city", "paris", "patna", "peshawar", "phnom penh",
    "podgorica", "port louis", "port-au-prince", "prague", "pretoria", "pristina", "pune",
    "pyongyang", "quetta", "quito", "rabat", "rawalpindi", "reykjavik", "riga", "rio de janeiro",
    "riyadh", "rome", "san francisco", "san jose", "san salvador", "sanaa", "santiago",
    "santo domingo", "sao paulo", "sarajevo", "seoul", "shanghai", "shenzhen", "sialkot",
    "singapore", "skopje", "sofia", "srinagar", "stockholm", "sukkur", "sydney", "taipei",
    "tallinn", "tashkent", "tbilisi", "tegucigalpa", "tehran", "tel aviv", "thimphu",
    "thiruvananthapuram", "tirana", "tokyo", "toronto", "tripoli", "tunis", "ulaanbaatar",
    "united nations", "vaduz", "valletta", "vancouver", "vienna", "vientiane", "vilnius", "warsaw",
    "washington", "wellington", "windhoek", "yangon", "yaounde", "yerevan", "zagreb",
];

/// True when `name` (any case) is one of the [`PLACES`].
pub(crate) fn is_known_place(name: &str) -> bool {
    let lower = name.to_lowercase();
    PLACES.binary_search(&lower.as_str()).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_sorted_and_lowercase() {
        assert!(PLACES.windows(2).all(|w| w[0] < w[1]));
        assert!(PLACES.iter().all(|p| p.to_lowercase() == *p));
        assert!(is_known_place("New Delhi"));
        assert!(is_known_place("KARACHI"));
        assert!(!is_known_place("Phil Wolff"));
    }
}
