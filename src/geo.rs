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

/// Words that say what kind of region it is (`Челябинская обл.`), dropped before matching.
const REGION_WORDS: &[&str] = &[
    "область",
    "обл",
    "край",
    "республика",
    "респ",
    "автономный",
    "округ",
    "ао",
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
        .filter(|w| !REGION_WORDS.contains(w))
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
