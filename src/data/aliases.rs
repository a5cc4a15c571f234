//! Other names of the divisions: the generated `data/aliases.csv` (traditional characters,
//! conventional English names, areas inside a division, and old names and codes), compiled by
//! `build.rs` into a table sorted by lookup key, in the same string of names as the divisions.
//!
//! This module only says what an alias names and where the name comes from; deciding what a
//! query means when an alias and a division's own name disagree is `place`'s business.

use super::divisions::{Code, Division, Divisions, Span};
pub use super::keys::{alias_key, pinyin_key};

include!(concat!(env!("OUT_DIR"), "/aliases_table.rs"));

/// What sort of other name an alias is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AliasKind {
    /// A traditional-character form of a division's name (蘇州, 臺灣, 南山區).
    Traditional,
    /// A conventional English name that is not the pinyin (Lhasa, Hong Kong, Shaanxi, Peking).
    English,
    /// A well-known place inside the division (九龙 in 香港, 尖沙咀 in 油尖旺区, 马祖 in 台湾).
    Area,
    /// A name the division, or one merged into it, had before (襄樊, 莱芜市, 闸北区).
    Former,
    /// A code the division, or one merged into it, had before, or an NBS pseudo code (371200,
    /// 110100).
    Code,
}

impl AliasKind {
    pub fn id(self) -> &'static str {
        match self {
            AliasKind::Traditional => "traditional",
            AliasKind::English => "english",
            AliasKind::Area => "area",
            AliasKind::Former => "former",
            AliasKind::Code => "code",
        }
    }
}

/// How a former name or code became today's division.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Change {
    Renamed,
    /// Merged into today's division, with others (闸北区 into 静安区, 莱芜市 into 济南市).
    Merged,
    /// Moved to another prefecture (公主岭 from 四平 to 长春); its old code's first four digits
    /// are the old prefecture.
    Moved,
    /// Changed level or type, keeping its name's stem (吴江市 → 吴江区, 铜仁地区 → 铜仁市).
    Relevelled,
    /// Divided among several divisions; the alias names the one that kept its seat.
    Split,
}

impl Change {
    pub fn id(self) -> &'static str {
        match self {
            Change::Renamed => "renamed",
            Change::Merged => "merged",
            Change::Moved => "moved",
            Change::Relevelled => "relevelled",
            Change::Split => "split",
        }
    }
}

/// One row of the aliases table.
#[derive(Debug, PartialEq, Eq)]
pub struct Alias {
    text: Span,
    key: Span,
    source: Span,
    pub kind: AliasKind,
    /// For former names and codes: what happened.
    pub change: Option<Change>,
    /// For former names and codes: the year it happened.
    pub year: Option<u16>,
    /// For English names: the one English output shows for the division.
    pub display: bool,
    row: u16,
}

impl Alias {
    /// The alias as written: `Hong Kong`, `蘇州`, `371200`.
    pub fn text(&self) -> &'static str {
        self.text.text()
    }

    /// What the alias is looked up by: see [`alias_key`].
    pub fn key(&self) -> &'static str {
        self.key.text()
    }

    /// Where the alias comes from: a package and version, or a URL.
    pub fn source(&self) -> &'static str {
        self.source.text()
    }

    /// For an old code of a county that moved (220381 公主岭): the code of the prefecture it was
    /// in, which is its old code's first four digits (220300 四平市).
    pub fn former_parent(&self) -> Option<Code> {
        if self.kind != AliasKind::Code || self.change != Some(Change::Moved) {
            return None;
        }
        Code::parse(self.text()).map(|code| Code::from_raw(code.value() / 100 * 100))
    }
}

impl Divisions {
    /// The aliases whose key is the key of `text`, with the divisions they name, by division.
    pub fn aliases<'a>(
        &'a self,
        text: &str,
    ) -> impl Iterator<Item = (&'a Alias, &'a Division)> + use<'a> {
        let key = alias_key(text);
        self.alias_sample()
            .run(self.alias_table(), &key, |alias| alias.key())
            .iter()
            .map(move |alias| (alias, self.division_of(alias)))
    }

    /// Every alias of a division, in key order.
    pub fn aliases_of<'a>(&'a self, division: &Division) -> impl Iterator<Item = &'a Alias> + 'a {
        let row = self.row_of(division);
        let by_row = self.aliases_by_row();
        let table = self.alias_table();
        let start =
            by_row.partition_point(|&alias| usize::from(table[usize::from(alias)].row) < row);
        by_row[start..]
            .iter()
            .map(move |&alias| &table[usize::from(alias)])
            .take_while(move |alias| usize::from(alias.row) == row)
    }

    /// The name English output shows for a division where it is not the pinyin: `Lhasa` for
    /// 拉萨市, `Hong Kong` for 香港特别行政区.
    pub fn english_name(&self, division: &Division) -> Option<&'static str> {
        self.aliases_of(division)
            .find(|alias| alias.display)
            .map(Alias::text)
    }

    /// The division an alias names.
    pub fn division_of(&self, alias: &Alias) -> &Division {
        self.row(usize::from(alias.row))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn table() -> &'static Divisions {
        Divisions::bundled()
    }

    #[test]
    fn every_alias_is_found_through_the_sample_with_all_of_its_keys_aliases() {
        let all = table().alias_table();
        for alias in all {
            let first = all.partition_point(|a| a.key() < alias.key());
            let end = all.partition_point(|a| a.key() <= alias.key());
            let found: Vec<&Alias> = table().aliases(alias.text()).map(|(a, _)| a).collect();
            let expected: Vec<&Alias> = all[first..end].iter().collect();
            assert_eq!(found, expected, "{}", alias.text());
        }
    }

    fn names(text: &str) -> Vec<(AliasKind, &'static str)> {
        table()
            .aliases(text)
            .map(|(alias, division)| (alias.kind, division.name()))
            .collect()
    }

    #[test]
    fn the_table_is_sorted_by_key_and_names_real_divisions() {
        let aliases = table().alias_table();
        assert!(
            aliases
                .windows(2)
                .all(|pair| (pair[0].key(), pair[0].row) < (pair[1].key(), pair[1].row)),
            "sorted by key and row, no alias twice for one division"
        );
        for alias in aliases {
            assert_eq!(alias.key(), alias_key(alias.text()), "{}", alias.text());
            assert!(!alias.source().is_empty(), "{}", alias.text());
            let division = table().division_of(alias);
            assert_ne!(
                alias.text(),
                division.name(),
                "an alias is not the name itself"
            );
            assert_ne!(alias.text(), division.short(), "nor the short name");
            assert!(
                table()
                    .aliases(alias.text())
                    .any(|(found, _)| found == alias),
                "{} finds itself",
                alias.text()
            );
            assert!(
                table().aliases_of(division).any(|found| found == alias),
                "{} is among its division's aliases",
                alias.text()
            );
        }
        let by_row: usize = table().iter().map(|d| table().aliases_of(d).count()).sum();
        assert_eq!(by_row, aliases.len(), "every alias once by division");
    }

    #[test]
    fn counts_by_kind_match_the_generated_file() {
        let mut counts: BTreeMap<AliasKind, usize> = BTreeMap::new();
        for alias in table().alias_table() {
            *counts.entry(alias.kind).or_default() += 1;
        }
        let csv = include_str!("../../data/aliases.csv");
        let mut expected: BTreeMap<AliasKind, usize> = BTreeMap::new();
        for line in csv.lines().skip(1) {
            let kind = line.split(',').nth(2).expect("a kind column");
            let kind = [
                AliasKind::Traditional,
                AliasKind::English,
                AliasKind::Area,
                AliasKind::Former,
                AliasKind::Code,
            ]
            .into_iter()
            .find(|k| k.id() == kind)
            .expect("a known kind");
            *expected.entry(kind).or_default() += 1;
        }
        assert_eq!(counts, expected);
        // Every kind is there in numbers that a generator change would show.
        assert!(counts[&AliasKind::Traditional] > 4000, "{counts:?}");
        assert!(counts[&AliasKind::English] >= 80, "{counts:?}");
        assert!(counts[&AliasKind::Area] >= 40, "{counts:?}");
        assert!(counts[&AliasKind::Former] >= 200, "{counts:?}");
        assert!(counts[&AliasKind::Code] >= 100, "{counts:?}");
    }

    #[test]
    fn traditional_forms_name_their_divisions() {
        for (text, name) in [
            ("蘇州", "苏州市"),
            ("蘇州市", "苏州市"),
            ("廣州市", "广州市"),
            ("瀋陽", "沈阳市"),
            ("廣東省", "广东省"),
            ("臺灣", "台湾省"),
            ("台灣", "台湾省"),
            ("金門", "金门县"),
            ("金門縣", "金门县"),
        ] {
            assert_eq!(names(text), [(AliasKind::Traditional, name)], "{text}");
        }
        // 乌鲁木齐 is the city and a county; 南山区 is in 深圳 and in 鹤岗.
        assert_eq!(names("烏魯木齊").len(), 2);
        assert!(names("南山區").contains(&(AliasKind::Traditional, "南山区")));
        assert_eq!(names("馬祖"), [(AliasKind::Area, "台湾省")]);
    }

    #[test]
    fn english_names_resolve_and_the_display_name_is_marked() {
        for (text, name) in [
            ("Lhasa", "拉萨市"),
            ("lhasa", "拉萨市"),
            ("Urumqi", "乌鲁木齐市"),
            ("Hohhot", "呼和浩特市"),
            ("Kashgar", "喀什市"),
            ("Peking", "北京市"),
            ("Canton", "广州市"),
            ("Amoy", "厦门市"),
            ("Hong Kong", "香港特别行政区"),
            ("hongkong", "香港特别行政区"),
            ("Macao", "澳门特别行政区"),
            ("Macau", "澳门特别行政区"),
            ("Inner Mongolia", "内蒙古自治区"),
            ("Tibet", "西藏自治区"),
            ("Taipei", "台北市"),
            ("Kaohsiung", "高雄市"),
            ("Wan Chai", "湾仔区"),
            ("Taipa", "嘉模堂区"),
        ] {
            assert_eq!(names(text), [(AliasKind::English, name)], "{text}");
        }
        assert!(names("Shanxi").is_empty(), "山西's pinyin is no alias");
        // Shaanxi is 陕西's own pinyin in the divisions table (its official spelling).
        assert!(names("Shaanxi").is_empty(), "陕西's pinyin is no alias");
        let by_name = |name: &str| {
            table()
                .iter()
                .find(|d| d.name() == name)
                .unwrap_or_else(|| panic!("{name}"))
        };
        for (name, english) in [
            ("拉萨市", Some("Lhasa")),
            ("香格里拉市", Some("Shangri-La")),
            ("香港特别行政区", Some("Hong Kong")),
            ("澳门特别行政区", Some("Macao")),
            ("陕西省", None),
            ("山西省", None),
            ("成都市", None),
            ("北京市", None),
        ] {
            assert_eq!(table().english_name(by_name(name)), english, "{name}");
        }
    }

    #[test]
    fn areas_name_the_division_they_lie_in() {
        for (text, name) in [
            ("新界", "香港特别行政区"),
            ("香港岛", "香港特别行政区"),
            ("Kowloon", "香港特别行政区"),
            ("尖沙咀", "油尖旺区"),
            ("旺角", "油尖旺区"),
            ("氹仔", "嘉模堂区"),
            ("路环", "圣方济各堂区"),
            ("路氹城", "路氹填海区"),
            ("马祖", "台湾省"),
            ("Matsu", "台湾省"),
            ("洋浦", "儋州市"),
        ] {
            assert_eq!(names(text), [(AliasKind::Area, name)], "{text}");
        }
        // 九龙 the area is in Hong Kong; the division 九龙县 (四川) is no alias.
        assert_eq!(names("九龙"), [(AliasKind::Area, "香港特别行政区")]);
    }

    #[test]
    fn former_names_and_codes_say_what_changed() {
        let change = |text: &str| -> Vec<(&'static str, Option<Change>, Option<u16>)> {
            table()
                .aliases(text)
                .map(|(alias, division)| (division.name(), alias.change, alias.year))
                .collect()
        };
        assert_eq!(
            change("襄樊"),
            [("襄阳市", Some(Change::Renamed), Some(2010))]
        );
        assert_eq!(
            change("襄樊市"),
            [("襄阳市", Some(Change::Renamed), Some(2010))]
        );
        assert_eq!(
            change("思茅市"),
            [("普洱市", Some(Change::Renamed), Some(2007))]
        );
        assert_eq!(
            change("莱芜市"),
            [("济南市", Some(Change::Merged), Some(2019))]
        );
        assert_eq!(
            change("莱城区"),
            [("莱芜区", Some(Change::Renamed), Some(2019))]
        );
        assert_eq!(
            change("闸北区"),
            [("静安区", Some(Change::Merged), Some(2015))]
        );
        assert_eq!(
            change("崇文区"),
            [("东城区", Some(Change::Merged), Some(2010))]
        );
        assert_eq!(
            change("宣武区"),
            [("西城区", Some(Change::Merged), Some(2010))]
        );
        assert_eq!(
            change("吴江市"),
            [("吴江区", Some(Change::Relevelled), Some(2012))]
        );
        assert_eq!(
            change("铜仁地区"),
            [("铜仁市", Some(Change::Relevelled), Some(2011))]
        );
        assert_eq!(
            change("371200"),
            [("济南市", Some(Change::Merged), Some(2019))]
        );
        assert_eq!(
            change("341400"),
            [("巢湖市", Some(Change::Split), Some(2011))]
        );
        for (code, name) in [
            ("110100", "北京市"),
            ("120100", "天津市"),
            ("310100", "上海市"),
            ("500100", "重庆市"),
            ("500200", "重庆市"),
        ] {
            assert_eq!(change(code), [(name, None, None)], "{code}");
        }
        let (alias, division) = table().aliases("220381").next().expect("公主岭's old code");
        assert_eq!(division.name(), "公主岭市");
        assert_eq!(alias.change, Some(Change::Moved));
        assert_eq!(
            alias.former_parent().map(|c| c.to_string()),
            Some("220300".into())
        );
        assert_eq!(
            alias
                .former_parent()
                .and_then(|c| table().get(c))
                .map(Division::name),
            Some("四平市")
        );
    }

    #[test]
    fn keys_fold_latin_text_and_keep_codes_and_chinese() {
        assert_eq!(alias_key("Hong Kong"), "hongkong");
        assert_eq!(alias_key("Shangri-La"), "shangrila");
        // v is pinyin's ü, in English names too: the table and the query fold alike.
        assert_eq!(
            alias_key("St. Francis Xavier's Parish"),
            "stfrancisxauiersparish"
        );
        assert_eq!(alias_key("Lüliang"), "luliang");
        assert_eq!(alias_key("371200"), "371200");
        assert_eq!(alias_key("蘇州"), "蘇州");
        assert_eq!(pinyin_key("Xi’an"), "xian");
    }
}
