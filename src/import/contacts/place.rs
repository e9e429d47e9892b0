//! Where a contact lives: the zone from the city, the town an address names, or the phone's
//! country, else the owner's default.

use super::{ContactsLoader, Field, Row};
use crate::geo::{CityZone, city_in_address, zone_of_phone_country};
use crate::store::{Contact, TzSource};

impl ContactsLoader {
    /// Sets the zone of `c` (DESIGN.md, "Time"; #22 "Where they live"): by its city; without a
    /// known city, by the town its address names (which becomes its city); else by its phone's
    /// country when that country keeps one time (a Russian number says nothing: numbers move
    /// between regions); else the owner's default. `row_zone` is the zone the row's own city
    /// was looked up to while it was read.
    pub(super) fn place(
        &mut self,
        is_new: bool,
        c: &mut Contact,
        row: &Row,
        row_zone: Option<CityZone>,
        line: u64,
    ) {
        // A city found in the address stays the address's until a row names a city.
        let from_address = c.tz_source == TzSource::Address && row.get(Field::City).is_none();
        if from_address && row.get(Field::Address).is_none() {
            return;
        }
        let city = c.city.clone().filter(|_| !from_address);
        let region = c.region.clone();
        // The row's answer holds unless the region here is a stored one.
        let known = row_zone.filter(|_| region.as_deref() == row.get(Field::Region));
        let by_city = city
            .and_then(|city| self.zone_from_city(&city, region.as_deref(), known, line))
            .map(|tz| (tz, TzSource::City));
        let by_address = || {
            let address = row
                .get(Field::Address)
                .filter(|_| c.city.is_none() || from_address)?;
            match city_in_address(address)? {
                (town, CityZone::Found(tz) | CityZone::Ambiguous(tz)) => Some((town, tz)),
                (_, CityZone::Unknown) => None,
            }
        };
        let zone = match by_city {
            Some(zone) => Some(zone),
            None => match by_address() {
                Some((town, tz)) => {
                    c.city = Some(town);
                    Some((tz.name().to_owned(), TzSource::Address))
                }
                None => c
                    .phone
                    .as_deref()
                    .and_then(zone_of_phone_country)
                    .map(|tz| (tz.name().to_owned(), TzSource::PhoneCountry)),
            },
        };
        let derived = matches!(
            c.tz_source,
            TzSource::City | TzSource::Address | TzSource::PhoneCountry
        );
        match zone {
            Some((tz, source)) => {
                c.time_zone = tz;
                c.tz_source = source;
            }
            None if is_new || derived => {
                c.time_zone = self.reader.tz.name().to_owned();
                c.tz_source = TzSource::Default;
            }
            None => {}
        }
    }

    /// The zone a contact gets from its city, noting unknown and ambiguous cities; `known` is the
    /// zone already looked up for this city and region, if it was.
    fn zone_from_city(
        &mut self,
        city: &str,
        region: Option<&str>,
        known: Option<CityZone>,
        line: u64,
    ) -> Option<String> {
        let zone = known.unwrap_or_else(|| self.reader.zone(city, region));
        match zone {
            CityZone::Found(tz) => Some(tz.name().to_owned()),
            CityZone::Ambiguous(tz) => {
                self.cities.ambiguous(city, line, tz.name());
                Some(tz.name().to_owned())
            }
            CityZone::Unknown => {
                self.cities.unknown(city, line);
                None
            }
        }
    }
}
