//! Places news is filed from: capitals and cities that datelines name.
//!
//! An all-caps place before a colon ("MOSCOW:") reads as a dateline by its
//! capitals alone. Written in Title Case, as Indian and Pakistani sites do
//! ("New Delhi:", "Karachi:"), it looks like any other label before a colon
//! ("Phil Wolff: ...", "Subject: ..."), so it is read only when it names
//! one of these places. The list also tells a place beside a byline ("EFE |
//! Madrid | date") from an outlet, and a short first line that a place
//! opens ("MOSCOW: Russian President ... on Friday.") from a headline.

/// Lowercased, sorted (checked by a test) for a binary search.
#[rustfmt::skip]
const PLACES: &[&str] = &[
    "abbottabad", "abu dhabi", "abuja", "accra", "addis ababa", "adelaide", "aden", "agartala",
    "agra", "ahmedabad", "aleppo", "alexandria", "algiers", "amman", "amritsar", "amsterdam",
    "anchorage", "ankara", "antalya", "antananarivo", "antwerp", "arusha", "astana", "asuncion",
    "athens", "atlanta", "auckland", "austin", "baghdad", "baku", "baltimore", "bamako",
    "bangalore", "bangkok", "bangui", "banjul", "barcelona", "basel", "basra", "beijing", "beirut",
    "belfast", "belgrade", "bengaluru", "benghazi", "berlin", "bern", "bethlehem", "bhopal",
    "bhubaneswar", "birmingham", "bishkek", "bogota", "bombay", "boston", "brasilia", "bratislava",
    "brazzaville", "brisbane", "brussels", "bucharest", "budapest", "buenos aires", "bujumbura",
    "bulawayo", "busan", "cairo", "calcutta", "calgary", "canberra", "cape town", "caracas",
    "cardiff", "casablanca", "chandigarh", "chengdu", "chennai", "chiang mai", "chicago",
    "chisinau", "chittagong", "chongqing", "christchurch", "cleveland", "coimbatore", "cologne",
    "colombo", "conakry", "copenhagen", "cordoba", "da nang", "dakar", "dallas", "damascus",
    "dar es salaam", "davos", "dehradun", "delhi", "denver", "detroit", "dhaka", "dili",
    "diyarbakir", "djibouti", "doha", "donetsk", "dubai", "dublin", "durban", "dushanbe",
    "dusseldorf", "edinburgh", "edmonton", "erbil", "faisalabad", "faridabad", "florence",
    "frankfurt", "freetown", "fukushima", "gaborone", "gangtok", "gaza", "gaza city", "gaziantep",
    "gdansk", "geneva", "georgetown", "ghaziabad", "gilgit", "glasgow", "goma", "grozny",
    "guadalajara", "guangzhou", "guatemala city", "gurgaon", "gurugram", "guwahati", "gwadar",
    "halifax", "hamburg", "hangzhou", "hanoi", "harare", "havana", "hebron", "helsinki", "herat",
    "hiroshima", "ho chi minh city", "hodeidah", "homs", "hong kong", "honolulu", "houston",
    "hyderabad", "idlib", "imphal", "incheon", "indore", "isfahan", "islamabad", "istanbul",
    "izmir", "jaffna", "jaipur", "jakarta", "jalalabad", "jammu", "jeddah", "jenin", "jerusalem",
    "johannesburg", "juba", "kabul", "kampala", "kandahar", "kandy", "kano", "kanpur", "kaohsiung",
    "karachi", "kathmandu", "kazan", "kharkiv", "khartoum", "kiev", "kigali", "kinshasa", "kirkuk",
    "kochi", "kolkata", "krakow", "kuala lumpur", "kumasi", "kunduz", "kuwait city", "kyiv",
    "kyoto", "la paz", "lagos", "lahore", "las vegas", "lausanne", "leh", "lhasa", "lilongwe",
    "lima", "lisbon", "liverpool", "ljubljana", "lome", "london", "los angeles", "luanda",
    "lucknow", "ludhiana", "luhansk", "lusaka", "luxembourg", "lviv", "lyon", "macau", "madrid",
    "madurai", "male", "managua", "manama", "manchester", "mandalay", "manila", "maputo",
    "mariupol", "marrakech", "marseille", "mashhad", "mecca", "medellin", "medina", "melbourne",
    "mexico city", "miami", "milan", "minsk", "misrata", "mogadishu", "mombasa", "monrovia",
    "monterrey", "montevideo", "montreal", "moscow", "mosul", "multan", "mumbai", "munich",
    "muscat", "muzaffarabad", "n'djamena", "nablus", "nagpur", "nairobi", "nanjing", "naples",
    "naypyidaw", "new delhi", "new orleans", "new york", "niamey", "nice", "nicosia", "noida",
    "nouakchott", "novosibirsk", "odesa", "odessa", "oran", "osaka", "oslo", "ottawa",
    "ouagadougou", "palermo", "panaji", "panama city", "paris", "patna", "perth", "peshawar",
    "philadelphia", "phnom penh", "phoenix", "phuket", "pittsburgh", "podgorica", "port harcourt",
    "port louis", "port-au-prince", "porto", "porto alegre", "prague", "prayagraj", "pretoria",
    "pristina", "puducherry", "pune", "pyongyang", "quebec city", "quetta", "quito", "rabat",
    "raipur", "ramallah", "ranchi", "rawalpindi", "recife", "reykjavik", "riga", "rio de janeiro",
    "riyadh", "rome", "rosario", "rotterdam", "sacramento", "saint petersburg", "san diego",
    "san francisco", "san jose", "san salvador", "sanaa", "santiago", "santo domingo", "sao paulo",
    "sarajevo", "seattle", "seoul", "sevastopol", "seville", "shanghai", "sharjah", "shenzhen",
    "shillong", "shimla", "shiraz", "sialkot", "simferopol", "singapore", "skopje", "sochi",
    "sofia", "srinagar", "st. petersburg", "stockholm", "strasbourg", "stuttgart", "sukkur",
    "surat", "sydney", "sylhet", "tabriz", "taipei", "taiz", "tallinn", "tangier", "tashkent",
    "tbilisi", "tegucigalpa", "tehran", "tel aviv", "thane", "the hague", "thessaloniki",
    "thimphu", "thiruvananthapuram", "tianjin", "tijuana", "tirana", "tokyo", "toronto", "tripoli",
    "tunis", "turin", "ulaanbaatar", "united nations", "urumqi", "vadodara", "vaduz", "valencia",
    "valletta", "valparaiso", "vancouver", "varanasi", "venice", "vienna", "vientiane", "vilnius",
    "visakhapatnam", "vladivostok", "warsaw", "washington", "wellington", "windhoek", "winnipeg",
    "wuhan", "yangon", "yaounde", "yekaterinburg", "yerevan", "zagreb", "zanzibar", "zurich",
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
