//! China's administrative divisions: the generated `data/divisions.csv`, parsed into a table sorted
//! by code, and the walks up and down the hierarchy that the rest of `edl` needs.
//!
//! The CSV is produced by `tools/gen-divisions` and committed; `build.rs` checks it and compiles it
//! into the static tables included here, so nothing is parsed at start-up.

use std::fmt;

use super::aliases::Alias;
use super::sample::Sample;

include!(concat!(env!("OUT_DIR"), "/divisions_table.rs"));

/// A six-digit GB/T 2260 division code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Code(u32);

impl Code {
    /// A code from the tables `build.rs` generates, which it has checked.
    pub(crate) const fn from_raw(value: u32) -> Code {
        Code(value)
    }

    /// The code as a number; the codes of divisions have no leading zeros.
    pub fn value(self) -> u32 {
        self.0
    }

    /// Parses exactly six ASCII digits.
    pub fn parse(text: &str) -> Option<Code> {
        if text.len() == 6 && text.bytes().all(|b| b.is_ascii_digit()) {
            text.parse().ok().map(Code)
        } else {
            None
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:06}", self.0)
    }
}

/// Where a division sits in the three-level hierarchy.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Province,
    Prefecture,
    County,
}

impl Level {
    pub fn id(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::Prefecture => "prefecture",
            Level::County => "county",
        }
    }
}

/// What sort of division it is within its level; it decides how windows are inherited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Municipality,
    Province,
    AutonomousRegion,
    /// Hong Kong and Macau.
    Sar,
    Prefecture,
    /// A district or county of one of the four municipalities.
    MunicipalDistrict,
    /// A county-level unit governed directly by its province (济源, 仙桃, 石河子, Hainan's counties).
    ProvinceDirect,
    County,
    /// A district of Hong Kong (湾仔区) or a parish of Macau (嘉模堂区), or Macau's 路氹填海区.
    SarDistrict,
    /// One of Taiwan's special municipalities, cities and counties (台北市, 基隆市, 花莲县), listed
    /// at the prefecture level.
    PrefectureCounty,
}

impl Kind {
    pub fn id(self) -> &'static str {
        match self {
            Kind::Municipality => "municipality",
            Kind::Province => "province",
            Kind::AutonomousRegion => "autonomous-region",
            Kind::Sar => "sar",
            Kind::Prefecture => "prefecture",
            Kind::MunicipalDistrict => "municipal-district",
            Kind::ProvinceDirect => "province-direct",
            Kind::County => "county",
            Kind::SarDistrict => "sar-district",
            Kind::PrefectureCounty => "taiwan-county",
        }
    }
}

/// Where a name sits in the generated tables' one string of names (divisions and aliases).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Span {
    pub(super) start: u32,
    pub(super) len: u16,
}

impl Span {
    pub(super) fn text(self) -> &'static str {
        let start = self.start as usize;
        &TEXT[start..start + usize::from(self.len)]
    }
}

/// One entry of a lookup index: a name, as a span of the names string, and the row it names.
/// Entries are sorted by name (then row), and a column's names are stored in the same order, so a
/// binary search reads only the index and one stretch of the string.
#[derive(Clone, Copy, Debug)]
struct Entry {
    start: u32,
    len: u16,
    row: u16,
}

impl Entry {
    fn key(self) -> &'static str {
        Span {
            start: self.start,
            len: self.len,
        }
        .text()
    }

    fn row(self) -> usize {
        usize::from(self.row)
    }
}

/// One row of the divisions table.
#[derive(Debug, PartialEq, Eq)]
pub struct Division {
    pub code: Code,
    name: Span,
    short: Span,
    pinyin: Span,
    syllables: Span,
    pinyin_full: Span,
    pinyin_display: Span,
    pub level: Level,
    pub kind: Kind,
    pub parent: Option<Code>,
    pub province: Code,
    /// The rows of `parent` and `province` in the table (`u16::MAX` for no parent).
    parent_row: u16,
    province_row: u16,
}

impl Division {
    /// The full name, 成都市.
    pub fn name(&self) -> &'static str {
        self.name.text()
    }

    /// The name people say, 成都; never shorter than two characters.
    pub fn short(&self) -> &'static str {
        self.short.text()
    }

    /// Toneless pinyin of the short name, syllables joined: `xian`.
    pub fn pinyin(&self) -> &'static str {
        self.pinyin.text()
    }

    /// The same syllables separated by spaces: `xi an`.
    pub fn syllables(&self) -> &'static str {
        self.syllables.text()
    }

    /// Toneless pinyin of the full name, joined: `xianshi`.
    pub fn pinyin_full(&self) -> &'static str {
        self.pinyin_full.text()
    }

    /// The short name in pinyin as it is written in running text: `Chengdu`, `Xi'an`, `Ha'erbin`.
    pub fn pinyin_display(&self) -> &'static str {
        self.pinyin_display.text()
    }
}

/// The whole table, sorted by code, with lookup indexes sorted by key.
#[derive(Debug)]
pub struct Divisions {
    rows: &'static [Division],
    by_name: &'static [Entry],
    by_short: &'static [Entry],
    by_pinyin: &'static [Entry],
    by_pinyin_full: &'static [Entry],
    /// Other names of the divisions, sorted by key (see the `aliases` module).
    aliases: &'static [Alias],
    /// The indexes of `aliases` in the order of the rows they name.
    aliases_by_row: &'static [u16],
    alias_sample: Sample,
}

static BUNDLED: Divisions = Divisions {
    rows: &ROWS,
    by_name: &BY_NAME,
    by_short: &BY_SHORT,
    by_pinyin: &BY_PINYIN,
    by_pinyin_full: &BY_PINYIN_FULL,
    aliases: &super::aliases::ALIASES,
    aliases_by_row: &super::aliases::ALIASES_BY_ROW,
    alias_sample: Sample::new(
        &super::aliases::ALIAS_SAMPLE.0,
        &super::aliases::ALIAS_SAMPLE.1,
    ),
};

/// Which name a lookup compares with.
#[derive(Clone, Copy, Debug)]
pub enum Key {
    Name,
    Short,
    Pinyin,
    PinyinFull,
}

impl Divisions {
    /// The bundled table.
    pub fn bundled() -> &'static Divisions {
        &BUNDLED
    }

    /// The divisions whose name of this kind is exactly `text`, in code order.
    pub fn lookup<'a>(
        &'a self,
        key: Key,
        text: &str,
    ) -> impl Iterator<Item = &'a Division> + use<'a> {
        let index = self.index(key);
        let start = index.partition_point(|entry| entry.key() < text);
        let end = start + index[start..].partition_point(|entry| entry.key() == text);
        index[start..end]
            .iter()
            .map(|entry| &self.rows[entry.row()])
    }

    /// True when some name of any kind (full, short or alias) starts with `prefix`: reading an
    /// address stops lengthening a prefix that no name continues.
    pub fn continues(&self, prefix: &str) -> bool {
        let starts = |keys: &mut dyn Iterator<Item = &'static str>| {
            keys.next().is_some_and(|key| key.starts_with(prefix))
        };
        let after = |index: &'static [Entry]| {
            let start = index.partition_point(|entry| entry.key() < prefix);
            index[start..].iter().map(|entry| entry.key())
        };
        let table = self.alias_table();
        let alias_start = table.partition_point(|alias| alias.key() < prefix);
        starts(&mut after(self.by_name))
            || starts(&mut after(self.by_short))
            || starts(&mut table[alias_start..].iter().map(|alias| alias.key()))
    }

    fn index(&self, key: Key) -> &'static [Entry] {
        match key {
            Key::Name => self.by_name,
            Key::Short => self.by_short,
            Key::Pinyin => self.by_pinyin,
            Key::PinyinFull => self.by_pinyin_full,
        }
    }

    pub(super) fn alias_table(&self) -> &'static [Alias] {
        self.aliases
    }

    pub(super) fn alias_sample(&self) -> &Sample {
        &self.alias_sample
    }

    pub(super) fn aliases_by_row(&self) -> &'static [u16] {
        self.aliases_by_row
    }

    pub(super) fn row(&self, index: usize) -> &Division {
        &self.rows[index]
    }

    /// Where a division of this table sits in it.
    pub(super) fn row_of(&self, division: &Division) -> usize {
        self.rows
            .binary_search_by_key(&division.code, |row| row.code)
            .expect("a division of this table")
    }

    pub fn get(&self, code: Code) -> Option<&Division> {
        self.rows
            .binary_search_by_key(&code, |row| row.code)
            .ok()
            .map(|index| &self.rows[index])
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Division> {
        self.rows.iter()
    }

    pub fn parent(&self, division: &Division) -> Option<&Division> {
        self.rows.get(usize::from(division.parent_row))
    }

    /// The division itself, then its parent, up to its province.
    pub fn chain<'a>(&'a self, division: &'a Division) -> impl Iterator<Item = &'a Division> + 'a {
        std::iter::successors(Some(division), move |current| self.parent(current))
    }

    /// True when `ancestor` is `division` or one of the divisions above it.
    pub fn is_within(&self, division: &Division, ancestor: &Division) -> bool {
        self.chain(division).any(|d| d.code == ancestor.code)
    }

    pub fn province_of(&self, division: &Division) -> &Division {
        &self.rows[usize::from(division.province_row)]
    }

    pub fn children<'a>(&'a self, parent: &'a Division) -> impl Iterator<Item = &'a Division> + 'a {
        self.rows
            .iter()
            .filter(move |row| row.parent == Some(parent.code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_display_marks_syllable_boundaries_before_vowels() {
        let table = Divisions::bundled();
        let name = |code: &str| {
            table
                .get(Code::parse(code).unwrap())
                .unwrap()
                .pinyin_display()
                .to_string()
        };
        assert_eq!(name("510100"), "Chengdu");
        assert_eq!(name("610100"), "Xi'an");
        assert_eq!(name("230100"), "Ha'erbin");
    }

    #[test]
    fn code_parse_accepts_only_six_digits() {
        assert_eq!(
            Code::parse("510100").map(|c| c.to_string()),
            Some("510100".into())
        );
        for bad in ["51010", "5101000", "51010a", "", "５１０１００"] {
            assert_eq!(Code::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_tables_keep_the_order_lookups_rely_on() {
        let table = Divisions::bundled();
        assert!(
            table
                .rows
                .windows(2)
                .all(|pair| pair[0].code < pair[1].code),
            "codes sorted, unique"
        );
        for (key, name) in [
            (Key::Name, Division::name as fn(&Division) -> &'static str),
            (Key::Short, Division::short),
            (Key::Pinyin, Division::pinyin),
            (Key::PinyinFull, Division::pinyin_full),
        ] {
            let index = table.index(key);
            assert_eq!(index.len(), table.rows.len());
            for entry in index {
                assert_eq!(entry.key(), name(&table.rows[entry.row()]), "{key:?}");
            }
            assert!(
                index
                    .windows(2)
                    .all(|pair| (pair[0].key(), pair[0].row) < (pair[1].key(), pair[1].row)),
                "{key:?} keys sorted"
            );
            let rows: std::collections::BTreeSet<usize> =
                index.iter().map(|entry| entry.row()).collect();
            assert_eq!(rows.len(), table.rows.len(), "{key:?} names every row once");
        }
        for row in table.iter() {
            let find = |key, text| table.lookup(key, text).any(|found| found.code == row.code);
            assert!(
                find(Key::Name, row.name()) && find(Key::Short, row.short()),
                "{}",
                row.name()
            );
            assert!(
                find(Key::Pinyin, row.pinyin()) && find(Key::PinyinFull, row.pinyin_full()),
                "{}",
                row.name()
            );
            assert_eq!(
                table.parent(row).map(|parent| parent.code),
                row.parent,
                "{}",
                row.name()
            );
            assert_eq!(table.province_of(row).code, row.province, "{}", row.name());
        }
    }
}
