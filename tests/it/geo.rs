use adresat::geo::{CityZone, zone_for_city};
use chrono_tz::Tz;

fn zone(city: &str, region: Option<&str>) -> CityZone {
    zone_for_city(city, region)
}

#[test]
fn big_cities_in_any_spelling() {
    let moscow: Tz = "Europe/Moscow".parse().unwrap();
    for city in [
        "Москва",
        "г. Москва",
        "москва",
        "Moscow",
        "город Москва",
        "МОСКВА",
    ] {
        assert_eq!(zone(city, None), CityZone::Found(moscow), "{city}");
    }
    for city in [
        "Санкт-Петербург",
        "СПб",
        "Санкт Петербург",
        "Питер",
        "Saint Petersburg",
    ] {
        assert_eq!(zone(city, None), CityZone::Found(moscow), "{city}");
    }
    assert_eq!(
        zone("Новосибирск", None),
        CityZone::Found("Asia/Novosibirsk".parse().unwrap())
    );
    assert_eq!(
        zone("Владивосток", None),
        CityZone::Found("Asia/Vladivostok".parse().unwrap())
    );
    assert_eq!(
        zone("Екатеринбург", None),
        CityZone::Found("Asia/Yekaterinburg".parse().unwrap())
    );
    assert_eq!(
        zone("Калининград", Some("Калининградская обл.")),
        CityZone::Found("Europe/Kaliningrad".parse().unwrap())
    );
    assert_eq!(
        zone("Алматы", None),
        CityZone::Found("Asia/Almaty".parse().unwrap())
    );
    assert_eq!(zone("Ростов-на-Дону", None), CityZone::Found(moscow));
    assert_eq!(zone("пос. Ёлкино-Нетакое", None), CityZone::Unknown);
}

#[test]
fn same_named_towns_are_told_apart_by_region() {
    // GeoNames has three Троицк in three zones.
    let yekaterinburg: Tz = "Asia/Yekaterinburg".parse().unwrap();
    let omsk: Tz = "Asia/Omsk".parse().unwrap();
    let moscow: Tz = "Europe/Moscow".parse().unwrap();
    assert_eq!(
        zone("Троицк", Some("Челябинская область")),
        CityZone::Found(yekaterinburg)
    );
    assert_eq!(zone("Троицк", Some("Омская обл.")), CityZone::Found(omsk));
    assert_eq!(zone("Троицк", Some("Москва")), CityZone::Found(moscow));
    assert_eq!(
        zone("Троицк", Some("Московская область")),
        CityZone::Found(moscow)
    );
    // Without a region, the most populous one, and the answer is flagged.
    assert_eq!(zone("Троицк", None), CityZone::Ambiguous(yekaterinburg));
    assert_eq!(
        zone("Троицк", Some("Марс")),
        CityZone::Ambiguous(yekaterinburg)
    );
}

#[test]
fn the_town_of_an_address_as_crms_write_them() {
    use adresat::geo::city_in_address;
    let found = |address: &str| match city_in_address(address) {
        Some((town, CityZone::Found(tz))) => Some((town, tz.name().to_owned())),
        other => panic!("{address}: {other:?}"),
    };
    for (address, town, zone) in [
        (
            "Екатеринбург, ул. Ленина, 5",
            "Екатеринбург",
            "Asia/Yekaterinburg",
        ),
        (
            "г. Казань, ул. Баумана, д. 1, кв. 2",
            "Казань",
            "Europe/Moscow",
        ),
        (
            "Россия, Самарская обл., г. Тольятти, ул. Мира, 5",
            "Тольятти",
            "Europe/Samara",
        ),
        ("443001, Самара, пр-т Ленина, 3", "Самара", "Europe/Samara"),
        ("Новосибирск", "Новосибирск", "Asia/Novosibirsk"),
    ] {
        assert_eq!(
            found(address),
            Some((town.to_owned(), zone.to_owned())),
            "{address}"
        );
    }
    assert_eq!(city_in_address("ул. Ленина, 5, кв. 7"), None);
}

#[test]
fn a_number_of_a_one_zone_country_gives_its_zone_and_a_russian_one_nothing() {
    use adresat::geo::zone_of_phone_country;
    use chrono::{Offset, TimeZone};
    let kz = zone_of_phone_country("+77011234567").unwrap();
    // Kazakhstan keeps one time, UTC+5, since March 2024 (tzdata 2024b).
    let winter = kz.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap();
    assert_eq!(winter.offset().fix().local_minus_utc(), 5 * 3600);
    assert_eq!(
        zone_of_phone_country("+375291234567"),
        Some(chrono_tz::Europe::Minsk)
    );
    assert_eq!(
        zone_of_phone_country("+998901234567"),
        Some(chrono_tz::Asia::Tashkent)
    );
    assert_eq!(zone_of_phone_country("+79121234567"), None);
    assert_eq!(zone_of_phone_country("+12025550123"), None);
}
