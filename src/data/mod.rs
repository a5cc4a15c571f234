//! The data `edl` answers from: the generated divisions table and the hand-kept rollout facts,
//! loaded, validated and joined into one [`Dataset`]; and the generated world gazetteer
//! (`world`), which names the places beyond China's divisions.

pub mod aliases;
pub mod coverage;
pub mod divisions;
mod keys;
pub mod recognition;
pub mod rollout;
mod sample;
mod schema;
pub mod schemes;
mod schemes_schema;
pub mod world;

use std::borrow::Cow;
use std::fmt;
use std::io::Read;
use std::path::Path;
use std::sync::OnceLock;

use anyhow::{Context, bail};
use chrono::NaiveDate;

pub use aliases::{Alias, AliasKind, Change};
pub use divisions::{Code, Division, Divisions, Kind, Level};
pub use rollout::{
    Availability, Basis, Bound, Claim, LiveWindow, Quality, Rollout, Rule, RuleId, Wording,
};

/// One problem in a data file, at a line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl DataError {
    pub fn new(file: &str, line: usize, column: usize, message: String) -> DataError {
        DataError {
            file: file.to_string(),
            line,
            column,
            message,
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for DataError {}

/// Every problem a data file has, shown as its first one and a count of the rest.
#[derive(Debug)]
pub struct DataErrors(pub Vec<DataError>);

impl fmt::Display for DataErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.as_slice() {
            [] => write!(f, "no problems"),
            [only] => write!(f, "{only}"),
            [first, second] => write!(f, "{first} (and 1 more problem: {second})"),
            // The last is then a count of the problems left out.
            [first, rest @ ..] if rest.len() >= rollout::MAX_PROBLEMS => write!(
                f,
                "{first} (and more than {} more problems; `edl data --check` lists the first {})",
                rest.len(),
                rollout::MAX_PROBLEMS
            ),
            [first, rest @ ..] => write!(f, "{first} (and {} more problems)", rest.len()),
        }
    }
}

impl std::error::Error for DataErrors {}

/// The divisions and the rollout facts that `edl` answers from.
pub struct Dataset {
    pub divisions: &'static Divisions,
    pub rollout: Cow<'static, Rollout>,
    /// Where the rollout facts came from: `bundled`, or the user's file.
    pub origin: String,
    /// The day from which every mainland place is surely live, once asked for.
    settled: OnceLock<Option<NaiveDate>>,
    /// A user's schemes file (`--data`), used instead of the bundled one.
    user_schemes: Option<(&'static schemes::Schemes, String)>,
}

impl Dataset {
    /// The data compiled into the binary.
    pub fn bundled() -> Dataset {
        let divisions = Divisions::bundled();
        Dataset {
            divisions,
            rollout: Cow::Borrowed(Rollout::bundled()),
            origin: "bundled".to_string(),
            settled: OnceLock::new(),
            user_schemes: None,
        }
    }

    /// The bundled data with a user's file instead of the bundled one of its kind: a rollout
    /// file (`[[fact]]` …) or a schemes file (`[[scheme]]` …).
    pub fn with_data_file(path: &Path) -> anyhow::Result<Dataset> {
        let name = path.display().to_string();
        let text = read_data_file(path, &name)?;
        let kind = schemes::file_kind(&text);
        anyhow::ensure!(
            kind != schemes::FileKind::Recognition,
            "{name} is a recognition file: `edl data --check` checks it, --data does not take one yet"
        );
        if kind == schemes::FileKind::Rollout {
            let rollout = Rollout::parse(&text, &name, Divisions::bundled()).map_err(DataErrors)?;
            return Ok(Dataset {
                rollout: Cow::Owned(rollout),
                origin: name,
                ..Dataset::bundled()
            });
        }
        let parsed = schemes::Schemes::parse(&text, &name).map_err(DataErrors)?;
        // Judgements borrow the schemes for the whole run, as they do the bundled ones: the
        // one file a process reads lives as long as it.
        let parsed: &'static schemes::Schemes = Box::leak(Box::new(parsed));
        Ok(Dataset {
            user_schemes: Some((parsed, name)),
            ..Dataset::bundled()
        })
    }

    /// The digital licences beyond the mainland: the user's file, else the bundled table.
    pub fn schemes(&self) -> &'static schemes::Schemes {
        self.user_schemes
            .as_ref()
            .map_or_else(schemes::Schemes::bundled, |(schemes, _)| schemes)
    }

    /// Where the schemes come from: `data/schemes.toml`, or the user's file.
    pub fn schemes_origin(&self) -> &str {
        self.user_schemes
            .as_ref()
            .map_or(schemes::BUNDLED_NAME, |(_, name)| name)
    }

    pub fn availability(&self, division: &Division) -> Availability {
        self.confined(
            division,
            self.rollout.availability(division, self.divisions),
        )
    }

    /// A division's availability as the rollout gives it, held to the divided country: beyond
    /// it (where the gazetteer puts a division in another country) no window applies, whatever
    /// a rollout file says.
    pub fn confined(&self, division: &Division, availability: Availability) -> Availability {
        match availability {
            Availability::Window(_)
                if !world::World::bundled().in_divided_country(self.divisions, division) =>
            {
                Availability::Never(Default::default())
            }
            availability => availability,
        }
    }

    /// The first day on which every place with a window is surely live: the latest of their windows'
    /// ends (2021-12-31 in the bundled data). Before it, a license from an unknown place may
    /// have had no e-license. `None` when no place has a window.
    pub fn all_live_by(&self) -> Option<NaiveDate> {
        *self.settled.get_or_init(|| {
            // A county that no fact names has its parent's window, and a province spans its
            // places', so neither can end later; only the other divisions need a window (a few
            // hundred of some three thousand).
            // A province other than a municipality is no parent's either: it is the costly
            // span of all its places, so it is left out too.
            let deciding = self
                .divisions
                .iter()
                .filter(|division| match division.level {
                    Level::Province => division.kind == Kind::Municipality,
                    Level::Prefecture => true,
                    Level::County => {
                        self.rollout.facts_naming(division.code).next().is_some()
                            || self.divisions.parent(division).is_some_and(|parent| {
                                parent.level == Level::Province && parent.kind != Kind::Municipality
                            })
                    }
                });
            // No window ends after every day the facts and the default name, so a place whose
            // window ends on the last such day settles it: in the bundled data the first
            // prefecture left to the default does, and the walk stops there.
            let bound = self
                .rollout
                .facts
                .iter()
                .filter_map(|fact| match fact.claim {
                    Claim::On { day, .. } | Claim::By(day) | Claim::NotBefore(day) => Some(day),
                    Claim::Within { until, .. } => Some(until),
                    Claim::Never => None,
                })
                .chain([self.rollout.default.latest])
                .max();
            let mut latest = None;
            for (_, availability) in self.rollout.availabilities(deciding, self.divisions) {
                if let Availability::Window(window) = availability {
                    latest = latest.max(Some(window.latest.date));
                    if latest == bound {
                        break;
                    }
                }
            }
            latest
        })
    }
}

/// The largest data file (rollout or schemes) `edl` reads: the bundled one is well under a tenth of this. A larger
/// file, or one that is not a regular file (a FIFO, `/dev/zero`), is refused before it is read.
pub const MAX_DATA_BYTES: u64 = 1024 * 1024;

/// A data file's text, refused before it is read when it is no regular file or too large, and
/// checked to be UTF-8 text without NUL bytes and not empty: rollout and schemes files alike.
pub fn read_data_file(path: &Path, name: &str) -> anyhow::Result<String> {
    let refuse = |why: String| anyhow::anyhow!("cannot read data file {name}: {why}");
    // Looked at before it is opened: opening a FIFO would wait for a writer.
    let metadata =
        std::fs::metadata(path).with_context(|| format!("cannot read data file {name}"))?;
    check_data_file(&metadata).map_err(refuse)?;
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot read data file {name}"))?;
    // And again once open, in case the path now names something else.
    check_data_file(&file.metadata()?).map_err(refuse)?;
    let mut bytes = Vec::new();
    // A file that grows while it is read still stops at the cap.
    file.take(MAX_DATA_BYTES + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read data file {name}"))?;
    if bytes.len() as u64 > MAX_DATA_BYTES {
        return Err(refuse(too_large(None)));
    }
    let at = |text: &str, offset: usize, message: &str| {
        let (line, column) = rollout::line_column(text, offset);
        DataError::new(name, line, column, message.into())
    };
    let text = String::from_utf8(bytes).map_err(|error| {
        let valid = error.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&error.as_bytes()[..valid]).into_owned();
        at(&text, text.len(), "the file is not UTF-8 text")
    })?;
    if let Some(offset) = text.find('\0') {
        bail!(at(&text, offset, "the file contains a NUL byte"));
    }
    if text.trim().is_empty() {
        bail!(DataError::new(name, 1, 1, "the file is empty".into()));
    }
    Ok(text)
}

/// Why a file cannot be a rollout file before a byte of it is read, if it cannot.
fn check_data_file(metadata: &std::fs::Metadata) -> Result<(), String> {
    use std::os::unix::fs::FileTypeExt;
    let kind = metadata.file_type();
    let what = if kind.is_file() {
        return match metadata.len() {
            bytes if bytes > MAX_DATA_BYTES => Err(too_large(Some(bytes))),
            _ => Ok(()),
        };
    } else if kind.is_dir() {
        return Err("it is a directory".into());
    } else if kind.is_fifo() {
        "a FIFO"
    } else if kind.is_char_device() {
        "a character device"
    } else if kind.is_block_device() {
        "a block device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "not a file"
    };
    Err(format!("it is not a regular file ({what})"))
}

/// The refusal of a file over the cap; `None` for one that grew past it while it was read.
fn too_large(bytes: Option<u64>) -> String {
    let size = bytes.map_or_else(
        || format!("over {MAX_DATA_BYTES} bytes"),
        |bytes| format!("{bytes} bytes"),
    );
    format!("it is too large ({size}; a rollout file fits in {MAX_DATA_BYTES})")
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn dataset() -> Dataset {
        Dataset::bundled()
    }

    fn by_name<'d>(dataset: &'d Dataset, name: &str) -> &'d Division {
        let found: Vec<_> = dataset
            .divisions
            .iter()
            .filter(|d| d.name() == name)
            .collect();
        assert_eq!(found.len(), 1, "{name} should name exactly one division");
        found[0]
    }

    #[test]
    fn counts_match_the_official_lists() {
        let divisions = Divisions::bundled();
        let mainland = |d: &&Division| {
            !matches!(
                d.province.to_string().as_str(),
                "710000" | "810000" | "820000"
            )
        };
        let count = |level| {
            divisions
                .iter()
                .filter(mainland)
                .filter(|d| d.level == level)
                .count()
        };
        assert_eq!(count(Level::Province), 31);
        assert_eq!(count(Level::Prefecture), 333);
        assert_eq!(count(Level::County), 2846);
        let outside: Vec<&str> = divisions
            .iter()
            .filter(|d| !mainland(d) && d.level == Level::Province)
            .map(|d| d.short())
            .collect();
        assert_eq!(outside, ["台湾", "香港", "澳门"]);
        let outside_kind = |kind| divisions.iter().filter(|d| d.kind == kind).count();
        assert_eq!(
            outside_kind(Kind::PrefectureCounty),
            20,
            "Taiwan's cities and counties"
        );
        assert_eq!(
            outside_kind(Kind::SarDistrict),
            18 + 8,
            "HK's districts, Macau's parishes"
        );
        assert!(
            divisions
                .iter()
                .filter(|d| matches!(d.kind, Kind::PrefectureCounty | Kind::SarDistrict))
                .all(|d| !mainland(&d)),
            "only outside the mainland"
        );
    }

    #[test]
    fn shared_prefecture_pinyin_keys_are_exactly_the_known_seven() {
        let mut keys: BTreeMap<&str, usize> = BTreeMap::new();
        for division in Divisions::bundled()
            .iter()
            .filter(|d| d.level == Level::Prefecture)
        {
            *keys.entry(division.pinyin()).or_default() += 1;
        }
        let shared: Vec<&str> = keys
            .into_iter()
            .filter(|(_, n)| *n > 1)
            .map(|(key, _)| key)
            .collect();
        // Taiwan's 嘉义市/嘉义县 and 新竹市/新竹县 share their short names in Chinese too.
        assert_eq!(
            shared,
            [
                "fuzhou", "jiayi", "suzhou", "taizhou", "xinzhu", "yichun", "yulin"
            ]
        );
    }

    #[test]
    fn place_names_read_as_places_not_as_words() {
        let dataset = dataset();
        let readings = [
            ("重庆市", "chongqing"),
            ("长沙市", "changsha"),
            ("厦门市", "xiamen"),
            ("蚌埠市", "bengbu"),
            ("六安市", "luan"),
            ("长治市", "changzhi"),
            ("朝阳市", "chaoyang"),
            ("阿勒泰地区", "aletai"),
            ("单县", "shanxian"),
            ("长子县", "zhangzi"),
            ("漯河市", "luohe"),
            ("都匀市", "duyun"),
            ("西安市", "xian"),
            ("哈尔滨市", "haerbin"),
            ("吕梁市", "luliang"),
            ("乐山市", "leshan"),
            ("丽水市", "lishui"),
            ("珲春市", "hunchun"),
            ("六合区", "luhe"),
            ("涡阳县", "guoyang"),
            ("喀什地区", "kashi"),
            ("大理白族自治州", "dali"),
        ];
        for (name, pinyin) in readings {
            assert_eq!(by_name(&dataset, name).pinyin(), pinyin, "{name}");
        }
        assert_eq!(by_name(&dataset, "西安市").syllables(), "xi an");
        assert_eq!(by_name(&dataset, "兴安盟").syllables(), "xing an");
    }

    #[test]
    fn every_fact_names_divisions_and_cites_a_source() {
        let dataset = dataset();
        for fact in dataset.rollout.facts.iter() {
            assert!(!fact.sources.is_empty(), "{}", fact.id);
            for place in fact.places.iter() {
                assert!(
                    dataset.divisions.get(*place).is_some(),
                    "{}: {place}",
                    fact.id
                );
            }
        }
        assert!(!dataset.rollout.default.sources.is_empty());
    }

    #[test]
    fn live_windows_are_what_the_facts_say() {
        let dataset = dataset();
        let window = |name: &str| match dataset.availability(by_name(&dataset, name)) {
            Availability::Never(_) => "never".to_string(),
            Availability::Window(w) if w.is_exact() => w.earliest.date.to_string(),
            Availability::Window(w) => format!("{}..{}", w.earliest.date, w.latest.date),
        };
        let expected = [
            ("成都市", "2021-06-01"),
            ("北京市", "2021-09-01"),
            ("泰州市", "2021-09-01"),
            ("台州市", "2021-10-20..2021-12-31"),
            ("郑州市", "2021-10-20"),
            ("东莞市", "2021-10-27..2021-12-31"),
            ("烟台市", "2021-10-20..2021-11-09"),
            ("拉萨市", "2021-10-20..2021-12-31"),
            ("大理白族自治州", "2021-10-20..2021-10-26"),
            ("昆山市", "2021-06-01"),
            ("浦东新区", "2021-09-01"),
            ("百色市", "2021-12-13"),
            ("丽水市", "2021-12-13"),
            ("厦门市", "2021-11-19"),
            ("香港特别行政区", "never"),
            ("澳门特别行政区", "never"),
            ("台湾省", "never"),
        ];
        for (name, window_text) in expected {
            assert_eq!(window(name), window_text, "{name}");
        }
    }

    #[test]
    fn the_mainland_is_settled_when_its_last_window_closes() {
        let dataset = dataset();
        let last = dataset
            .divisions
            .iter()
            .filter_map(|division| match dataset.availability(division) {
                Availability::Window(window) => Some(window.latest.date),
                Availability::Never(_) => None,
            })
            .max();
        assert_eq!(dataset.all_live_by(), last);
        assert_eq!(last, NaiveDate::from_ymd_opt(2021, 12, 31));
    }

    #[test]
    fn a_fact_graded_below_its_sources_keeps_its_grade() {
        let dataset = dataset();
        let shenyang = dataset
            .rollout
            .facts
            .iter()
            .position(|f| f.id == "batch2-shenyang-oct20");
        assert_eq!(
            shenyang.map(|fact| dataset.rollout.fact_quality(fact)),
            Some(Quality::Medium)
        );
        // The same national wording, graded alike; 太原's local confirmation stays strong.
        for (id, quality) in [
            ("batch2-taiyuan-oct20", Quality::Medium),
            ("batch2-shanxi", Quality::Strong),
        ] {
            let fact = dataset.rollout.facts.iter().position(|f| f.id == id);
            assert_eq!(
                fact.map(|fact| dataset.rollout.fact_quality(fact)),
                Some(quality),
                "{id}"
            );
        }
        assert_eq!(dataset.rollout.default_latest_quality(), Quality::Medium);
    }

    #[test]
    fn every_division_has_a_window_and_low_quality_is_flagged() {
        let dataset = dataset();
        for division in dataset.divisions.iter() {
            dataset.availability(division);
        }
        let Availability::Window(zunyi) = dataset.availability(by_name(&dataset, "遵义市"))
        else {
            panic!("遵义 has a window");
        };
        assert!(dataset.rollout.rests_on_low_quality(&zunyi));
        let Availability::Window(chengdu) = dataset.availability(by_name(&dataset, "成都市"))
        else {
            panic!("成都 has a window");
        };
        assert!(!dataset.rollout.rests_on_low_quality(&chengdu));
    }
}
