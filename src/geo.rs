//! City → time zone, from the GeoNames table shipped in `assets/cities.tsv` (Russia and the CIS,
//! towns of 1,000 people and more, Russian and Latin names).
//!
//! Same-named towns are told apart by the region (`assets/regions.tsv` maps Russian region names
//! to GeoNames' region codes); without a usable region the most populous town wins and the
//! lookup says the answer was a guess.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono_tz::Tz;

/// What the table knows about a place name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CityZone {
    /// One zone, or the town the region named.
    Found(Tz),
    /// Towns of this name lie in different zones and the region did not settle it: the most
    /// populous one's zone, to be reported.
    Ambiguous(Tz),
    /// No town of this name.
    Unknown,
}

struct Town {
    population: u64,
    country: &'static str,
    admin1: &'static str,
    tz: Tz,
}

struct Region {
    alias: &'static str,
    country: &'static str,
    admin1: &'static str,
    tz: Tz,
}

struct Table {
    /// Normalised name → towns, most populous first.
    towns: HashMap<&'static str, Vec<Town>>,
    /// Normalised region aliases with the region's GeoNames code and its capital's zone.
    regions: Vec<Region>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut towns: HashMap<&'static str, Vec<Town>> = HashMap::new();
        for line in include_str!("../assets/cities.tsv").lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(names), Some(country), Some(admin1), Some(population), Some(tz)) = (
                cols.next(),
                cols.next(),
                cols.next(),
                cols.next(),
                cols.next(),
            ) else {
                continue;
            };
            let (Ok(tz), Ok(population)) = (tz.parse::<Tz>(), population.parse::<u64>()) else {
                continue;
            };
            for name in names.split('|') {
                // Rows are sorted by population, so the first town of a name is the biggest.
                towns.entry(name).or_default().push(Town {
                    population,
                    country,
                    admin1,
                    tz,
                });
            }
        }
        let mut regions = Vec::new();
        for line in include_str!("../assets/regions.tsv").lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            if let (Some(aliases), Some(country), Some(admin1), Some(Ok(tz))) = (
                cols.next(),
                cols.next(),
                cols.next(),
                cols.next().map(str::parse::<Tz>),
            ) {
                regions.extend(aliases.split('|').map(|alias| Region {
                    alias,
                    country,
                    admin1,
                    tz,
                }));
            }
        }
        Table { towns, regions }
    })
}

/// Lower case, `ё` → `е`, punctuation to spaces, spaces collapsed: the form both the table and
/// the lookups use (the generator in `assets/tools/make_cities.py` does the same).
pub fn normalize_place(s: &str) -> String {
    let mapped: String = s
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ё' => 'е',
            '-' | '.' | ',' | '(' | ')' | '\'' | '’' | '`' | '«' | '»' | '"' => ' ',
            c => c,
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words that say what kind of place follows (`г. Москва`, `пос. Троицк`), dropped before lookup.
const PLACE_PREFIXES: &[&str] = &[
    "г",
    "гор",
    "город",
    "пос",
    "поселок",
    "пгт",
    "с",
    "село",
    "д",
    "деревня",
    "ст",
    "станица",
    "рп",
];

/// Words beside a region's kind (`Челябинская обл.`, `Republic of Tatarstan`) dropped before
/// matching it.
const REGION_NOISE: &[&str] = &[
    "авт",
    "г",
    "город",
    "region",
    "oblast",
    "krai",
    "republic",
    "of",
];

fn strip_place_prefix(name: &str) -> &str {
    let mut rest = name;
    while let Some((first, tail)) = rest.split_once(' ') {
        if PLACE_PREFIXES.contains(&first) {
            rest = tail;
        } else {
            break;
        }
    }
    rest
}

fn find_region(region: &str) -> Option<&'static Region> {
    let normalized = normalize_place(region);
    let words: Vec<&str> = normalized
        .split(' ')
        .filter(|w| !REGION_KINDS.contains(w) && !REGION_NOISE.contains(w))
        .collect();
    let key = words.join(" ");
    if key.is_empty() {
        return None;
    }
    let table = table();
    table
        .regions
        .iter()
        .find(|r| r.alias == key)
        .or_else(|| table.regions.iter().find(|r| key.starts_with(r.alias)))
}

/// The time zone of `city`, using `region` (free text: `Челябинская обл.`, `Омская область`) to
/// tell same-named towns apart.
pub fn zone_for_city(city: &str, region: Option<&str>) -> CityZone {
    let normalized = normalize_place(city);
    let name = strip_place_prefix(&normalized);
    let Some(towns) = table().towns.get(name) else {
        return CityZone::Unknown;
    };
    let biggest = towns[0].tz;
    if towns.iter().all(|t| t.tz == biggest) {
        return CityZone::Found(biggest);
    }
    if let Some(region) = region.and_then(find_region) {
        if let Some(town) = towns
            .iter()
            .find(|t| t.country == region.country && t.admin1 == region.admin1)
        {
            return CityZone::Found(town.tz);
        }
        // A town the region's own code misses (Троицк moved from Moscow Oblast into Moscow)
        // still lies in the region's zone when one of the candidates does.
        if towns.iter().any(|t| t.tz == region.tz) {
            return CityZone::Found(region.tz);
        }
    }
    // A city that dwarfs its namesakes is the one meant (Москва, not a village of the same name).
    let runner_up = towns
        .iter()
        .find(|t| t.tz != biggest)
        .map_or(0, |t| t.population);
    if towns[0].population >= DOMINANT_RATIO * runner_up {
        return CityZone::Found(biggest);
    }
    CityZone::Ambiguous(biggest)
}

/// How many times bigger than any namesake in another zone a town must be to be taken as meant.
const DOMINANT_RATIO: u64 = 20;

/// Words that open the parts of an address that are no town: streets, houses, flats, districts
/// of a town. (`д` is not among them: `д. Ивановка` is a village; a house number has digits.)
const STREET_WORDS: &[&str] = &[
    "ул",
    "улица",
    "пр",
    "проспект",
    "пр т",
    "просп",
    "пер",
    "переулок",
    "ш",
    "шоссе",
    "б р",
    "бульвар",
    "бул",
    "наб",
    "набережная",
    "пл",
    "площадь",
    "проезд",
    "пр д",
    "тупик",
    "аллея",
    "кв",
    "квартира",
    "корп",
    "корпус",
    "стр",
    "строение",
    "офис",
    "оф",
    "мкр",
    "микрорайон",
    "район",
    "р н",
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "apt",
];

/// Words that make a name a region's (`Самарская обл.`, `Пермский край`).
const REGION_KINDS: &[&str] = &[
    "область",
    "обл",
    "край",
    "республика",
    "респ",
    "автономный",
    "округ",
    "ао",
];

/// Names of countries as addresses begin or end with them.
const COUNTRIES: &[&str] = &[
    "россия",
    "российская федерация",
    "рф",
    "russia",
    "russian federation",
    "казахстан",
    "республика казахстан",
    "kazakhstan",
    "беларусь",
    "республика беларусь",
    "belarus",
    "узбекистан",
    "uzbekistan",
    "кыргызстан",
    "киргизия",
    "kyrgyzstan",
    "армения",
    "armenia",
    "грузия",
    "georgia",
    "азербайджан",
    "azerbaijan",
];

/// The town a postal address names, as written there (without `г.`), and its zone: `Россия,
/// Самарская обл., г. Тольятти, ул. Мира, 5` → `Тольятти`, told apart from its namesakes by the
/// address's region. Parts with digits (postcodes, houses), streets and countries are passed
/// over; `None` when no part is a town the table knows.
pub fn city_in_address(address: &str) -> Option<(String, CityZone)> {
    let parts: Vec<&str> = address
        .split([',', ';', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty() && !p.chars().any(|c| c.is_ascii_digit()))
        .collect();
    let kind = |part: &str| {
        let norm = normalize_place(part);
        let first_words = |n: usize| {
            norm.splitn(n + 1, ' ')
                .take(n)
                .collect::<Vec<_>>()
                .join(" ")
        };
        if COUNTRIES.contains(&norm.as_str())
            || STREET_WORDS.contains(&first_words(1).as_str())
            || STREET_WORDS.contains(&first_words(2).as_str())
        {
            None
        } else {
            Some(norm.split(' ').any(|w| REGION_KINDS.contains(&w)))
        }
    };
    let region = parts.iter().find(|p| kind(p) == Some(true)).copied();
    parts
        .iter()
        .filter(|p| kind(p) == Some(false))
        .find_map(|part| match zone_for_city(part, region) {
            CityZone::Unknown => None,
            zone => Some((without_place_prefix(part), zone)),
        })
}

/// `г. Казань` → `Казань`, as written otherwise.
fn without_place_prefix(part: &str) -> String {
    let mut words = part.split_whitespace().peekable();
    while let Some(w) = words.peek() {
        if PLACE_PREFIXES.contains(&normalize_place(w).as_str())
            && part.split_whitespace().count() > 1
        {
            words.next();
        } else {
            break;
        }
    }
    words.collect::<Vec<_>>().join(" ")
}

/// Countries whose whole territory keeps one time, by ISO code, and that zone: a number of such
/// a country tells where its owner lives closely enough to send at their hour. (tzdata, 2024b:
/// Kazakhstan has kept one time, UTC+5, since March 2024.) Russia is not here: it spans eleven
/// zones, and a number keeps its region when its owner moves.
const ONE_ZONE_COUNTRIES: &[(&str, Tz)] = &[
    ("KZ", chrono_tz::Asia::Almaty),
    ("BY", chrono_tz::Europe::Minsk),
    ("UZ", chrono_tz::Asia::Tashkent),
    ("KG", chrono_tz::Asia::Bishkek),
    ("TJ", chrono_tz::Asia::Dushanbe),
    ("TM", chrono_tz::Asia::Ashgabat),
    ("AM", chrono_tz::Asia::Yerevan),
    ("GE", chrono_tz::Asia::Tbilisi),
    ("AZ", chrono_tz::Asia::Baku),
    ("MD", chrono_tz::Europe::Chisinau),
    ("UA", chrono_tz::Europe::Kyiv),
    ("LV", chrono_tz::Europe::Riga),
    ("LT", chrono_tz::Europe::Vilnius),
    ("EE", chrono_tz::Europe::Tallinn),
    ("FI", chrono_tz::Europe::Helsinki),
    ("PL", chrono_tz::Europe::Warsaw),
    ("DE", chrono_tz::Europe::Berlin),
    ("CZ", chrono_tz::Europe::Prague),
    ("RS", chrono_tz::Europe::Belgrade),
    ("ME", chrono_tz::Europe::Podgorica),
    ("GR", chrono_tz::Europe::Athens),
    ("CY", chrono_tz::Asia::Nicosia),
    ("TR", chrono_tz::Europe::Istanbul),
    ("IL", chrono_tz::Asia::Jerusalem),
    ("AE", chrono_tz::Asia::Dubai),
    ("TH", chrono_tz::Asia::Bangkok),
    ("VN", chrono_tz::Asia::Ho_Chi_Minh),
    ("GB", chrono_tz::Europe::London),
    ("FR", chrono_tz::Europe::Paris),
    ("IT", chrono_tz::Europe::Rome),
];

/// The zone of the country of the E.164 number `e164`, when that country keeps one time.
pub fn zone_of_phone_country(e164: &str) -> Option<Tz> {
    let country = phonenumber::parse(None, e164).ok()?.country().id()?;
    ONE_ZONE_COUNTRIES
        .iter()
        .find(|(code, _)| *code == country.as_ref())
        .map(|(_, tz)| *tz)
}
