//! Turning what a person typed into divisions: Chinese names (full, short, or the start of an
//! address), pinyin with or without syllable marks, six-digit codes, and any of these qualified by
//! a province ("suzhou, anhui"). A query that fits several divisions returns them all: choosing
//! among them is the caller's business, never a silent guess here.

use std::fmt;

use crate::data::divisions::Key;
use crate::data::{Code, Division, Divisions, Level};

/// Conventional English names whose spelling is not the pinyin of the short name.
const EXONYMS: &[(&str, &str)] = &[
    ("shaanxi", "610000"),
    ("innermongolia", "150000"),
    ("tibet", "540000"),
    ("hongkong", "810000"),
    ("macau", "820000"),
    ("macao", "820000"),
];

/// The longest query worth reading: the longest address start is far shorter.
pub const MAX_QUERY_BYTES: usize = 512;

/// No division's full name is longer (新疆维吾尔自治区 and the longest autonomous counties are
/// shorter): an address is read with prefixes up to this many characters.
const MAX_NAME_CHARS: usize = 20;

/// Suggestions are edit distances against every name: only for queries a person could mistype.
const MAX_SUGGEST_CHARS: usize = 40;

/// Why a query matched nothing usable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlaceError {
    Empty,
    /// Longer than any place name or address start; refused before any work is done on it.
    TooLong {
        bytes: usize,
    },
    Unknown {
        query: String,
        suggestions: Vec<Code>,
    },
}

impl fmt::Display for PlaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlaceError::Empty => write!(f, "the place is empty: name a city, county or code"),
            PlaceError::TooLong { bytes } => write!(
                f,
                "the place is too long ({bytes} bytes; a place or the start of an address fits in {MAX_QUERY_BYTES})"
            ),
            PlaceError::Unknown { query, .. } => write!(f, "unknown place \"{}\"", query),
        }
    }
}

impl std::error::Error for PlaceError {}

/// Escapes control characters so that echoing a query cannot drive the terminal.
pub fn escape(text: &str) -> String {
    text.chars()
        .flat_map(char::escape_debug)
        .collect::<String>()
        .replace("\\\"", "\"")
        .replace("\\'", "'")
}

/// Resolves queries against a divisions table; the table carries its own lookup indexes, so
/// making one costs nothing.
pub struct Gazetteer<'d> {
    divisions: &'d Divisions,
}

impl<'d> Gazetteer<'d> {
    pub fn new(divisions: &'d Divisions) -> Gazetteer<'d> {
        Gazetteer { divisions }
    }

    fn lookup(&self, key: Key, text: &str) -> Vec<&'d Division> {
        self.divisions.lookup(key, text).collect()
    }

    pub fn divisions(&self) -> &'d Divisions {
        self.divisions
    }

    /// Every division the query may mean, highest level first. Never empty on success.
    pub fn resolve(&self, query: &str) -> Result<Vec<&'d Division>, PlaceError> {
        let query = query.trim();
        if query.is_empty() {
            return Err(PlaceError::Empty);
        }
        if query.len() > MAX_QUERY_BYTES {
            return Err(PlaceError::TooLong { bytes: query.len() });
        }
        let mut found = self.term(query);
        if found.is_empty() && query.contains(is_separator) {
            found = self.qualified(query);
        }
        if found.is_empty() {
            return Err(PlaceError::Unknown {
                query: query.to_string(),
                suggestions: self.suggest(query),
            });
        }
        found.sort_by_key(|division| (division.level, division.code));
        found.dedup_by_key(|division| division.code);
        Ok(found)
    }

    /// One term: a code, a Chinese name or address, or pinyin.
    fn term(&self, term: &str) -> Vec<&'d Division> {
        if let Some(code) = Code::parse(term) {
            return self.divisions.get(code).into_iter().collect();
        }
        // Phones type ’ for the apostrophe, and pinyin may carry ü: still pinyin, not Chinese.
        let pinyin_like = term
            .chars()
            .all(|c| c.is_ascii() || matches!(c, '’' | 'ü' | 'Ü'));
        if !pinyin_like {
            return self.chinese(term);
        }
        let key = pinyin_key(term);
        if let Some((_, code)) = EXONYMS.iter().find(|(name, _)| *name == key) {
            return Code::parse(code)
                .and_then(|code| self.divisions.get(code))
                .into_iter()
                .collect();
        }
        let segments: Vec<String> = term
            .split(|c: char| c == '\'' || c == '’' || c == '-' || c.is_whitespace())
            .filter(|segment| !segment.is_empty())
            .map(pinyin_key)
            .collect();
        let matches: Vec<_> = self
            .divisions
            .lookup(Key::Pinyin, &key)
            .filter(|division| {
                segments.len() < 2 || fits_syllables(&segments, division.syllables())
            })
            .collect();
        if !matches.is_empty() {
            return matches;
        }
        self.lookup(Key::PinyinFull, &key)
    }

    fn chinese(&self, term: &str) -> Vec<&'d Division> {
        let by_name = self.lookup(Key::Name, term);
        if !by_name.is_empty() {
            return by_name;
        }
        let by_short = self.lookup(Key::Short, term);
        if !by_short.is_empty() {
            return by_short;
        }
        self.address(term)
    }

    /// Reads a Chinese address from its start, one division at a time (江苏省苏州市昆山市花桥镇…),
    /// taking the longest name that fits at each step. Text after the last division is accepted
    /// only when that division was written out in full, as addresses are.
    fn address(&self, text: &str) -> Vec<&'d Division> {
        let mut current: Vec<&'d Division> = Vec::new();
        let mut rest = text;
        let mut last_was_full_name = false;
        loop {
            // The longest prefix of the rest that names a division within the current ones,
            // found through the name indexes: longest first, up to the longest name there is.
            let mut best: Vec<(&'d Division, bool)> = Vec::new();
            let mut best_len = 0;
            let ends = rest
                .char_indices()
                .map(|(i, c)| i + c.len_utf8())
                .take(MAX_NAME_CHARS);
            for end in ends.collect::<Vec<_>>().into_iter().rev() {
                let prefix = &rest[..end];
                for (key, full) in [(Key::Name, true), (Key::Short, false)] {
                    best.extend(
                        self.divisions
                            .lookup(key, prefix)
                            .filter(|division| {
                                current.is_empty()
                                    || current.iter().any(|a| {
                                        a.code != division.code
                                            && self.divisions.is_within(division, a)
                                    })
                            })
                            .map(|division| (division, full)),
                    );
                }
                if !best.is_empty() {
                    best_len = end;
                    break;
                }
            }
            if best.is_empty() {
                break;
            }
            rest = &rest[best_len..];
            last_was_full_name = best.iter().all(|(_, full)| *full);
            current = best.into_iter().map(|(division, _)| division).collect();
            if rest.is_empty() {
                break;
            }
        }
        // "江苏省 苏州市" is two terms, not an address with 江苏省 at its start: leave it to
        // `qualified`.
        let address_tail = !rest.is_empty() && !rest.starts_with(is_separator);
        if rest.is_empty() || (last_was_full_name && address_tail) {
            current
        } else {
            Vec::new()
        }
    }

    /// A place with qualifiers, "suzhou, anhui" or "昆山 苏州": the divisions named by one part
    /// that lie within a division named by every other part.
    fn qualified(&self, query: &str) -> Vec<&'d Division> {
        let parts: Vec<Vec<&'d Division>> = query
            .split(is_separator)
            .filter(|part| !part.is_empty())
            .map(|part| self.term(part))
            .collect();
        if parts.len() < 2 || parts.iter().any(Vec::is_empty) {
            return Vec::new();
        }
        let mut found = Vec::new();
        for (index, part) in parts.iter().enumerate() {
            for &candidate in part {
                let qualified = parts.iter().enumerate().all(|(other, qualifiers)| {
                    other == index
                        || qualifiers
                            .iter()
                            .any(|q| self.divisions.is_within(candidate, q))
                });
                if qualified {
                    found.push(candidate);
                }
            }
        }
        found
    }

    /// The closest names to an unknown query, in characters or in pinyin, best first.
    fn suggest(&self, query: &str) -> Vec<Code> {
        let ascii = query.is_ascii();
        let key = if ascii {
            pinyin_key(query)
        } else {
            query.to_string()
        };
        let length = key.chars().count();
        if length > MAX_SUGGEST_CHARS {
            return Vec::new();
        }
        let limit = if ascii { (length / 3).clamp(1, 3) } else { 1 };
        let mut scored: Vec<(usize, Level, Code)> = self
            .divisions
            .iter()
            .filter_map(|division| {
                let distance = if ascii {
                    strsim::levenshtein(&key, division.pinyin())
                } else {
                    strsim::levenshtein(&key, division.short())
                        .min(strsim::levenshtein(&key, division.name()))
                };
                (distance <= limit).then_some((distance, division.level, division.code))
            })
            .collect();
        scored.sort();
        scored
            .into_iter()
            .take(5)
            .map(|(_, _, code)| code)
            .collect()
    }
}

fn is_separator(c: char) -> bool {
    c == ',' || c == '，' || c == '、' || c.is_whitespace()
}

/// Lowercase letters only, with ü written as u (also when typed as v).
fn pinyin_key(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c.to_ascii_lowercase() {
            'v' => Some('u'),
            c if c.is_ascii_lowercase() => Some(c),
            'ü' | 'Ü' => Some('u'),
            _ => None,
        })
        .collect()
}

/// True when every boundary the user marked ("xi'an", "xi an") falls between two syllables.
fn fits_syllables(segments: &[String], syllables: &str) -> bool {
    let mut boundaries = Vec::new();
    let mut position = 0;
    for syllable in syllables.split(' ') {
        position += syllable.len();
        boundaries.push(position);
    }
    let mut position = 0;
    segments.iter().all(|segment| {
        position += segment.len();
        boundaries.contains(&position)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(query: &str) -> Vec<&'static str> {
        let gazetteer = Gazetteer::new(Divisions::bundled());
        gazetteer
            .resolve(query)
            .map(|found| found.iter().map(|d| d.name()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn resolves_the_forms_people_type() {
        for query in [
            "成都",
            "成都市",
            "chengdu",
            "Chengdu",
            "CHENGDU",
            "510100",
            " chengdu ",
        ] {
            assert_eq!(names(query), ["成都市"], "{query}");
        }
        // 辽源 and 牡丹江 each have a 西安区: all three are candidates, the city first.
        assert_eq!(names("xi'an"), ["西安市", "西安区", "西安区"]);
        assert_eq!(names("xi an"), names("xi'an"));
        assert_eq!(names("昆山"), ["昆山市"]);
        assert_eq!(names("浦东新区"), ["浦东新区"]);
    }

    #[test]
    fn syllable_marks_tell_xian_from_xingan() {
        assert!(names("xing'an").contains(&"兴安盟"));
        assert!(!names("xing'an").contains(&"新干县"));
        assert!(names("xin'gan").contains(&"新干县"));
    }

    #[test]
    fn qualifiers_narrow_a_query() {
        assert_eq!(names("suzhou, anhui"), ["宿州市"]);
        assert_eq!(names("suzhou anhui"), ["宿州市"]);
        assert_eq!(names("suzhou, jiangsu"), ["苏州市"]);
        assert_eq!(names("安徽宿州"), ["宿州市"]);
        assert_eq!(names("江苏省苏州市"), ["苏州市"]);
        assert_eq!(names("江苏省苏州市昆山市花桥镇"), ["昆山市"]);
        assert_eq!(names("江苏省 苏州市"), ["苏州市"]);
        assert_eq!(names("海南省 三亚"), ["三亚市"]);
        assert_eq!(names("Xi’an").first(), Some(&"西安市"));
        assert!(names("Lüliang").contains(&"吕梁市"));
    }

    #[test]
    fn ambiguous_pinyin_returns_every_candidate() {
        let found = names("suzhou");
        assert!(
            found.contains(&"苏州市") && found.contains(&"宿州市"),
            "{found:?}"
        );
    }

    #[test]
    fn unknown_places_get_suggestions() {
        let gazetteer = Gazetteer::new(Divisions::bundled());
        let Err(PlaceError::Unknown { suggestions, .. }) = gazetteer.resolve("chengdoo") else {
            panic!("chengdoo should be unknown");
        };
        assert!(
            suggestions.contains(&Code::parse("510100").unwrap()),
            "{suggestions:?}"
        );
        assert_eq!(gazetteer.resolve("  "), Err(PlaceError::Empty));
        assert!(names("成都x").is_empty());
    }

    #[test]
    fn addresses_are_read_with_prefixes_long_enough_for_every_name() {
        let longest = Divisions::bundled()
            .iter()
            .map(|d| d.name().chars().count())
            .max();
        assert!(
            longest.is_some_and(|longest| longest <= MAX_NAME_CHARS),
            "{longest:?}"
        );
        assert_eq!(names("新疆维吾尔自治区乌鲁木齐市天山区"), ["天山区"]);
        assert_eq!(
            names("积石山保安族东乡族撒拉族自治县"),
            ["积石山保安族东乡族撒拉族自治县"]
        );
    }

    #[test]
    fn escape_neutralises_control_characters() {
        assert_eq!(escape("a\u{1b}[31mb\n"), "a\\u{1b}[31mb\\n");
        assert_eq!(escape("成都"), "成都");
    }
}
