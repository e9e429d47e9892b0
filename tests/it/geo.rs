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
