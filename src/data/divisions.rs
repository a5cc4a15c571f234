//! China's administrative divisions: the generated `data/divisions.csv`, parsed into a table sorted
//! by code, and the walks up and down the hierarchy that the rest of `edl` needs.
//!
//! The CSV is produced by `tools/gen-divisions` and committed; `build.rs` checks it and compiles it
//! into the static tables included here, so nothing is parsed at start-up.

use std::fmt;

include!(concat!(env!("OUT_DIR"), "/divisions_table.rs"));

/// A six-digit GB/T 2260 division code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Code(u32);

impl Code {
    /// A code from the tables `build.rs` generates, which it has checked.
    pub(crate) const fn from_raw(value: u32) -> Code {
        Code(value)
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
        }
    }
}

/// One row of the divisions table.
#[derive(Debug, PartialEq, Eq)]
pub struct Division {
    pub code: Code,
    /// The full name, 成都市.
    pub name: &'static str,
    /// The name people say, 成都; never shorter than two characters.
    pub short: &'static str,
    /// Toneless pinyin of the short name, syllables joined: `xian`.
    pub pinyin: &'static str,
    /// The same syllables separated by spaces: `xi an`.
    pub syllables: &'static str,
    /// Toneless pinyin of the full name, joined: `xianshi`.
    pub pinyin_full: &'static str,
    pub level: Level,
    pub kind: Kind,
    pub parent: Option<Code>,
    pub province: Code,
}

impl Division {
    /// The short name in pinyin as it is written in running text: `Chengdu`, `Xi'an`, `Ha'erbin`.
    pub fn pinyin_display(&self) -> String {
        let mut out = String::with_capacity(self.pinyin.len() + 2);
        for (i, syllable) in self.syllables.split(' ').enumerate() {
            if i == 0 {
                let mut chars = syllable.chars();
                if let Some(first) = chars.next() {
                    out.extend(first.to_uppercase());
                    out.push_str(chars.as_str());
                }
            } else {
                if syllable.starts_with(['a', 'e', 'o']) {
                    out.push('\'');
                }
                out.push_str(syllable);
            }
        }
        out
    }
}

/// The whole table, sorted by code, with lookup indexes sorted by key.
#[derive(Debug)]
pub struct Divisions {
    rows: &'static [Division],
    by_name: &'static [(&'static str, u16)],
    by_short: &'static [(&'static str, u16)],
    by_pinyin: &'static [(&'static str, u16)],
    by_pinyin_full: &'static [(&'static str, u16)],
}

static BUNDLED: Divisions = Divisions {
    rows: &ROWS,
    by_name: &BY_NAME,
    by_short: &BY_SHORT,
    by_pinyin: &BY_PINYIN,
    by_pinyin_full: &BY_PINYIN_FULL,
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
        let index = match key {
            Key::Name => self.by_name,
            Key::Short => self.by_short,
            Key::Pinyin => self.by_pinyin,
            Key::PinyinFull => self.by_pinyin_full,
        };
        let start = index.partition_point(|(name, _)| *name < text);
        let end = start + index[start..].partition_point(|(name, _)| *name == text);
        index[start..end]
            .iter()
            .map(|&(_, row)| &self.rows[usize::from(row)])
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

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn parent(&self, division: &Division) -> Option<&Division> {
        division.parent.and_then(|code| self.get(code))
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
        self.get(division.province)
            .expect("parse checks that every province code exists")
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
        for index in [
            table.by_name,
            table.by_short,
            table.by_pinyin,
            table.by_pinyin_full,
        ] {
            assert_eq!(index.len(), table.rows.len());
            assert!(
                index.windows(2).all(|pair| pair[0] < pair[1]),
                "keys sorted"
            );
        }
        for row in table.iter() {
            let find = |key, text| table.lookup(key, text).any(|found| found.code == row.code);
            assert!(
                find(Key::Name, row.name) && find(Key::Short, row.short),
                "{}",
                row.name
            );
            assert!(
                find(Key::Pinyin, row.pinyin) && find(Key::PinyinFull, row.pinyin_full),
                "{}",
                row.name
            );
            assert!(
                row.parent.is_none_or(|parent| table.get(parent).is_some()),
                "{}",
                row.name
            );
        }
    }
}
