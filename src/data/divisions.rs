//! China's administrative divisions: the generated `data/divisions.csv`, parsed into a table sorted
//! by code, and the walks up and down the hierarchy that the rest of `edl` needs.
//!
//! The CSV is produced by `tools/gen-divisions` and committed; nothing here converts pinyin or cleans
//! names, it only reads and checks what the generator wrote.

use std::fmt;
use std::sync::OnceLock;

use super::DataError;

/// The bundled divisions table, compiled into the binary.
pub const BUNDLED_CSV: &str = include_str!("../../data/divisions.csv");
const BUNDLED_NAME: &str = "data/divisions.csv";
const HEADER: &str = "code,name,short,pinyin,syllables,pinyin_full,level,kind,parent,province";

/// A six-digit GB/T 2260 division code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Code(u32);

impl Code {
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

    fn parse(text: &str) -> Option<Level> {
        [Level::Province, Level::Prefecture, Level::County]
            .into_iter()
            .find(|level| level.id() == text)
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

    fn parse(text: &str) -> Option<Kind> {
        [
            Kind::Municipality,
            Kind::Province,
            Kind::AutonomousRegion,
            Kind::Sar,
            Kind::Prefecture,
            Kind::MunicipalDistrict,
            Kind::ProvinceDirect,
            Kind::County,
        ]
        .into_iter()
        .find(|kind| kind.id() == text)
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

/// The whole table, sorted by code.
#[derive(Debug)]
pub struct Divisions {
    rows: Vec<Division>,
}

impl Divisions {
    /// The bundled table, parsed once. The bundled file is checked by the test suite, so a
    /// failure here is a build defect, not a user error.
    pub fn bundled() -> &'static Divisions {
        static TABLE: OnceLock<Divisions> = OnceLock::new();
        TABLE.get_or_init(|| {
            Divisions::parse(BUNDLED_CSV, BUNDLED_NAME)
                .unwrap_or_else(|error| panic!("the bundled divisions are invalid: {error}"))
        })
    }

    /// Parses and checks a divisions CSV: the header, ten fields a row, known levels and kinds,
    /// strictly increasing codes, and parents that exist.
    pub fn parse(text: &'static str, file: &str) -> Result<Divisions, DataError> {
        let mut lines = text.lines().enumerate();
        match lines.next() {
            Some((_, header)) if header == HEADER => {}
            _ => {
                return Err(DataError::new(
                    file,
                    1,
                    1,
                    format!("the header must be `{HEADER}`"),
                ));
            }
        }
        let mut rows: Vec<Division> = Vec::with_capacity(3300);
        for (index, line) in lines {
            let line_no = index + 1;
            let row = parse_row(line)
                .map_err(|(column, message)| DataError::new(file, line_no, column, message))?;
            if let Some(previous) = rows.last()
                && previous.code >= row.code
            {
                return Err(DataError::new(
                    file,
                    line_no,
                    1,
                    format!("code {} is a duplicate or out of order", row.code),
                ));
            }
            rows.push(row);
        }
        let table = Divisions { rows };
        for (index, row) in table.rows.iter().enumerate() {
            let parent_ok = row.parent.is_none_or(|parent| table.get(parent).is_some());
            if !parent_ok || table.get(row.province).is_none() {
                return Err(DataError::new(
                    file,
                    index + 2,
                    1,
                    format!("the parent or province of {} is no division", row.code),
                ));
            }
        }
        Ok(table)
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

fn parse_row(line: &'static str) -> Result<Division, (usize, String)> {
    let mut fields = [""; 10];
    let mut starts = [1usize; 10];
    let mut count = 0;
    let mut column = 1;
    for field in line.split(',') {
        if count == fields.len() {
            return Err((column, "a row has more than 10 fields".to_string()));
        }
        fields[count] = field;
        starts[count] = column;
        column += field.chars().count() + 1;
        count += 1;
    }
    if count != fields.len() {
        return Err((
            column,
            format!("a row needs 10 fields, this one has {count}"),
        ));
    }
    let [
        code,
        name,
        short,
        pinyin,
        syllables,
        pinyin_full,
        level,
        kind,
        parent,
        province,
    ] = fields;
    let code_at = |index: usize, text: &str| {
        Code::parse(text).ok_or((starts[index], format!("`{text}` is not a six-digit code")))
    };
    let text_at = |index: usize, text: &'static str| {
        if text.is_empty() {
            Err((starts[index], "a required field is empty".to_string()))
        } else {
            Ok(text)
        }
    };
    Ok(Division {
        code: code_at(0, code)?,
        name: text_at(1, name)?,
        short: text_at(2, short)?,
        pinyin: text_at(3, pinyin)?,
        syllables: text_at(4, syllables)?,
        pinyin_full: text_at(5, pinyin_full)?,
        level: Level::parse(level).ok_or((starts[6], format!("unknown level `{level}`")))?,
        kind: Kind::parse(kind).ok_or((starts[7], format!("unknown kind `{kind}`")))?,
        parent: if parent.is_empty() {
            None
        } else {
            Some(code_at(8, parent)?)
        },
        province: code_at(9, province)?,
    })
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
    fn parse_reports_line_and_column() {
        let text = "code,name,short,pinyin,syllables,pinyin_full,level,kind,parent,province\n\
                    110000,北京市,北京,beijing,bei jing,beijingshi,province,municipality,,110000\n\
                    110101,东城区,东城,dongcheng,dong cheng,dongchengqu,town,municipal-district,110000,110000\n";
        let error = Divisions::parse(text, "d.csv").unwrap_err();
        assert_eq!(error.to_string(), "d.csv:3:48: unknown level `town`");
    }

    #[test]
    fn parse_rejects_duplicates_and_missing_parents() {
        let head = "code,name,short,pinyin,syllables,pinyin_full,level,kind,parent,province\n";
        let row = "110000,北京市,北京,beijing,bei jing,beijingshi,province,municipality,,110000\n";
        let twice: &'static str = format!("{head}{row}{row}").leak();
        assert!(
            Divisions::parse(twice, "d.csv")
                .unwrap_err()
                .to_string()
                .contains("duplicate")
        );
        let orphan: &'static str = format!(
            "{head}110101,东城区,东城,dongcheng,dong cheng,dongchengqu,county,municipal-district,110000,110000\n"
        )
        .leak();
        assert!(
            Divisions::parse(orphan, "d.csv")
                .unwrap_err()
                .to_string()
                .contains("no division")
        );
    }
}
