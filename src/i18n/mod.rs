//! The words `edl` says to people, in each language it speaks: one catalogue per language
//! (`en.rs`, `zh.rs`), each a complete implementation of [`Messages`], so the compiler refuses a
//! catalogue that lacks a message. A third language is a third file.
//!
//! Only human output is translated. JSON and TSV keep English keys, values and sentences in
//! every language, so scripts do not break when the locale changes.

mod en;
mod zh;

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::data::recognition::Document;
use crate::data::world::{World, WorldPlace};
use crate::data::{Claim, Division, Divisions, Kind, Level, Quality, Wording};
use crate::dates::DateError;
use crate::place::{Place, PlaceError, PlaceNote};
use crate::verdict::{
    Ambiguous, Crossing, Days, Engine, LicenseState, Note, Placed, Status, UnknownLicenseState,
    Verdict, Why,
};

pub use en::English;
pub use zh::Chinese;

/// A language `edl` speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    pub fn messages(self) -> &'static dyn Messages {
        match self {
            Lang::En => &English,
            Lang::Zh => &Chinese,
        }
    }

    /// The language a command line asks for, before clap has parsed it (its help and its errors
    /// need the language): `--lang`, then `EDL_LANG`, then the locale. An unknown value counts
    /// as unset here; clap refuses it afterwards.
    pub fn requested(args: &[std::ffi::OsString], lookup: impl Fn(&str) -> Option<String>) -> Lang {
        let parse = |value: &str| match value {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        };
        let mut flag = None;
        let mut words = args.iter().filter_map(|arg| arg.to_str());
        while let Some(word) = words.next() {
            if word == "--" {
                break;
            } else if word == "--lang" {
                flag = words.next().and_then(parse).or(flag);
            } else if let Some(value) = word.strip_prefix("--lang=") {
                flag = parse(value).or(flag);
            }
        }
        flag.or_else(|| lookup("EDL_LANG").as_deref().and_then(parse))
            .unwrap_or_else(|| Lang::from_locale(lookup))
    }

    /// The language of the locale: Chinese when the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
    /// that is set (and not empty) starts with `zh`, else English.
    pub fn from_locale(lookup: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| lookup(name).filter(|v| !v.is_empty()));
        match locale {
            Some(locale) if locale.starts_with("zh") => Lang::Zh,
            _ => Lang::En,
        }
    }
}

/// The fields of `edl show`'s human output.
#[derive(Clone, Copy, Debug)]
pub enum ShowField {
    Code,
    Level,
    Chain,
    LiveFrom,
    Status,
    Verdict,
    Facts,
}

/// A column of `check`'s table for people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckColumn {
    Place,
    /// Where the place is: its province, or its subdivision and country.
    Where,
    /// The stop's date, when the stops fall on several.
    Date,
    /// When the e-license went live, where the mainland's rollout decides.
    LiveFrom,
    /// The verdict, on the one date of every stop if they share one.
    Verdict(Option<NaiveDate>),
}

/// A place that keeps a trip from the e-license, for the verdict line.
pub struct Blocking<'d> {
    pub home: bool,
    pub place: Place<'d>,
    /// Which data judged it: a place the schemes file judges has no rollout status.
    pub judged_by: Engine,
    pub status: Status,
    /// The stop's date, said when the trip's stops have several.
    pub on: Option<NaiveDate>,
    pub asks: Asks,
}

/// What a place that keeps a trip from the e-license asks of the driver, for the verdict line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Asks {
    /// The physical card, with these documents beside it (none: the card alone).
    Card(Vec<Document>),
    /// This licence does not let its holder drive there; these local documents would (none:
    /// nothing the facts name).
    Refused(Vec<Document>),
}

/// The province the offices a stop is told lie in (they share it).
fn office_province(offices: &[&crate::data::recognition::Office]) -> Option<Place<'static>> {
    let divisions = Divisions::bundled();
    offices
        .first()
        .and_then(|office| divisions.get(office.division))
        .map(|division| Place::Division(divisions.province_of(division)))
}

/// The documents to bring beside the card at the places that ask for it, each once.
fn beside_card(blocking: &[Blocking<'_>]) -> Vec<Document> {
    let mut documents: Vec<Document> = Vec::new();
    for place in blocking {
        if let Asks::Card(beside) = &place.asks {
            for document in beside {
                if !documents.contains(document) {
                    documents.push(*document);
                }
            }
        }
    }
    documents
}

/// The stops a licence does not let its holder drive at, and each local document that would,
/// with the stops it is for (empty when it is for all of them).
struct Refusal<'d> {
    places: Vec<Place<'d>>,
    would: Vec<(Document, Vec<Place<'d>>)>,
}

impl<'d> Refusal<'d> {
    /// `None` where no stop is refused (a license state, not a border, forbids driving).
    fn of(blocking: &[Blocking<'d>]) -> Option<Refusal<'d>> {
        let mut places = Vec::new();
        let mut would: Vec<(Document, Vec<Place<'d>>)> = Vec::new();
        for place in blocking.iter().filter(|place| !place.home) {
            let Asks::Refused(documents) = &place.asks else {
                continue;
            };
            places.push(place.place);
            for &document in documents {
                match would.iter_mut().find(|(known, _)| *known == document) {
                    Some((_, stops)) => stops.push(place.place),
                    None => would.push((document, vec![place.place])),
                }
            }
        }
        for (_, stops) in &mut would {
            if stops.len() == places.len() {
                stops.clear();
            }
        }
        (!places.is_empty()).then_some(Refusal { places, would })
    }
}

/// The counts `edl data` prints.
pub struct DataSummary<'r> {
    pub version: &'r str,
    pub as_of: NaiveDate,
    pub origin: &'r str,
    pub provinces: usize,
    pub prefectures: usize,
    pub counties: usize,
    pub facts: usize,
    pub places_named: usize,
    pub milestones: usize,
    pub sources: [(Quality, usize); 3],
}

/// Everything `edl` says to people, in one language.
pub trait Messages: Sync {
    fn verdict(&self, verdict: Verdict) -> &'static str;
    fn status(&self, status: Status) -> &'static str;
    fn quality(&self, quality: Quality) -> &'static str;
    fn level(&self, level: Level) -> &'static str;
    fn kind(&self, kind: Kind) -> &'static str;
    fn never(&self) -> &'static str;

    /// A place in a table: the Chinese name, with pinyin where the reader may need it.
    fn place(&self, place: Place<'_>) -> String;
    /// A place as a short sentence names it (成都市; Sydney, or 悉尼 in Chinese).
    fn place_name(&self, place: Place<'_>) -> String;
    /// The places above a world place, widest last in English (New South Wales, Australia)
    /// and first in Chinese (澳大利亚新南威尔士).
    fn world_above(&self, row: &'static WorldPlace) -> String;
    /// A place with its province (or a world place with its country), in sentences and lists.
    fn place_in(&self, place: Place<'_>) -> String;
    /// A place with every division above it (鼓楼区 (南京市, 江苏省); Sydney (New South Wales,
    /// Australia)), to tell namesakes apart.
    fn place_chain(&self, place: Place<'_>) -> String;
    /// One candidate of an ambiguous query: the place, its code, and a query that names it alone
    /// (or that none does).
    fn candidate(&self, place: Place<'_>, hint: Option<&str>) -> String;
    /// What reading a query assumed.
    fn place_note(&self, note: &PlaceNote<'_>) -> String;
    /// One argument named several places where one is wanted.
    fn several_in_one(&self, query: &str, parts: &[String]) -> String;

    fn headline(
        &self,
        verdict: Verdict,
        days: Days,
        license: LicenseState,
        blocking: &[Blocking<'_>],
        home_unknown: bool,
    ) -> String;
    /// A column's heading in `check`'s table.
    fn check_column(&self, column: CheckColumn) -> String;
    fn home_prefix(&self) -> &'static str;
    /// A document to carry, as a list names it.
    fn document(&self, document: Document) -> &'static str;
    /// What the recognition facts say of the licence at a place across a border, and where
    /// the local permit it needs is issued there.
    fn crossing(&self, crossing: &Crossing<'_>) -> String;
    /// The line naming everything to carry on the trip; `digital` is the data that judged where
    /// the digital licence counts (the 12123 e-license's rollout, or another issuer's scheme).
    fn carry_line(&self, documents: &[Document], digital: Engine) -> String;
    fn reason(&self, why: &Why<'_>, place: Place<'_>) -> String;
    /// The reason for the license's issuing place: whether licenses issued there could have an
    /// e-license on the date.
    fn home_reason(&self, why: &Why<'_>, place: Place<'_>) -> String;
    fn note(&self, note: &Note<'_>) -> String;
    fn note_label(&self) -> &'static str;
    /// What follows a label: `: ` in English, `：` in Chinese.
    fn colon(&self) -> &'static str;
    /// What separates the items of a list in running text: `; ` in English, `；` in Chinese.
    fn list_separator(&self) -> &'static str;
    /// A suggested place: its name, pinyin and province.
    fn suggestion(&self, place: Placed<'_>) -> String;
    /// The standing advice on using the e-license (elicense.md, section 2).
    fn advice(&self) -> [&'static str; 4];
    fn license_meaning(&self, state: LicenseState) -> &'static str;
    /// An unknown `--license` value, with every accepted id and Chinese term.
    fn unknown_license_state(&self, text: &str) -> String;

    fn list_header(&self, on: Option<NaiveDate>) -> Vec<String>;
    /// The date's counts over every place of the selection; `listed` when `--status` showed
    /// only some of them.
    fn list_counts(
        &self,
        on: NaiveDate,
        counts: &[(Status, usize)],
        total: usize,
        listed: Option<usize>,
    ) -> String;
    fn show_field(&self, field: ShowField) -> &'static str;
    /// The first line of `edl show`: the place's names.
    fn show_title(&self, place: Place<'_>) -> String;
    fn show_level(&self, place: Place<'_>) -> String;
    fn show_status(&self, status: Status, on: NaiveDate, reason: &str) -> String;
    fn claim(&self, claim: Claim) -> String;
    /// A sentence of the data file (a fact's note, a step's title) in this language, or in
    /// English where a user's own file has no translation.
    fn wording<'w>(&self, wording: &'w Wording) -> &'w str;
    fn fact_about(&self, id: &str, claim: &str, about: &str) -> String;
    /// `--country` named a place that is no country.
    fn not_a_country(&self, query: &str) -> String;
    /// `edl list --country`'s columns.
    fn country_header(&self) -> [&'static str; 4];
    /// `edl timeline --country`'s columns.
    fn scheme_timeline_header(&self) -> [&'static str; 5];
    /// A rule that starts or ends holding, in a timeline.
    fn rule_change(&self, change: crate::verdict::RuleChange) -> &'static str;
    /// `edl data`'s lines on what the schemes file covers beyond the mainland.
    fn coverage_lines(&self, coverage: &crate::data::coverage::Coverage) -> Vec<String>;
    /// `edl show`'s heading over the digital licences beyond the mainland.
    fn show_schemes_heading(&self) -> &'static str;
    /// One rule of a scheme: its id, grade, outcome, scope and note.
    fn scheme_rule(&self, rule: &crate::data::schemes::Rule) -> String;
    /// `edl show`'s heading over a jurisdiction's rules for visitors' licences.
    fn show_visitors_heading(&self) -> &'static str;
    /// The heading of `show`'s list of the places that issue a local permit.
    fn show_offices_heading(&self) -> &'static str;
    /// A place that issues a local permit, as `show` lists it.
    fn office_line(&self, office: &crate::data::recognition::Office) -> String;
    /// One rule for visitors' licences: its id, grade, outcome, whose licences (`only` and
    /// `except` as codes and group ids), dates and note.
    fn visitor_rule(
        &self,
        rule: &crate::data::recognition::Rule,
        only: &[&str],
        except: &[&str],
    ) -> String;
    /// A place's own law needing no licence carried.
    fn baseline_line(&self, id: &str, grade: Quality, note: &str) -> String;
    /// What the data leaves open, and why.
    fn gap_line(&self, id: &str, reason: &str) -> String;
    fn default_window(&self, earliest: NaiveDate, latest: NaiveDate) -> String;
    fn timeline_header(&self) -> [&'static str; 7];
    fn timeline_footer(&self) -> &'static str;
    fn data_summary(&self, summary: &DataSummary<'_>) -> Vec<String>;
    fn sources_header(&self) -> [&'static str; 3];
    fn batch_header(&self) -> [&'static str; 4];
    fn error_word(&self) -> &'static str;

    fn empty_place(&self) -> String;
    fn place_too_long(&self, bytes: usize, limit: usize) -> String;
    fn unknown_place(&self, query: &str, suggestions: &[String]) -> String;
    fn ambiguous(&self, ambiguous: &Ambiguous<'_>) -> String;
    /// A query that fits several places where one is wanted: each with the query that reaches it.
    fn several_places(&self, query: &str, places: &[(Place<'_>, Option<String>)]) -> String;
    fn not_a(&self, query: &str, level: Option<Level>) -> String;
    fn in_option(&self, option: &str) -> String;
    /// Where a value came from when it is an environment variable's ("in EDL_HOME").
    fn in_variable(&self, variable: &str) -> String;
    /// The label of an error in a value given as `name`: a flag (`--home`) or a variable.
    fn within(&self, name: &str) -> String {
        if name.starts_with('-') {
            self.in_option(name)
        } else {
            self.in_variable(name)
        }
    }
    fn batch_line(&self, number: usize) -> String;
    fn bad_date(&self, text: &str, why: &str) -> String;
    /// `EDL_NOW` that is not a moment.
    fn bad_moment(&self, text: &str) -> String;
    /// A PLACE that is a date (a forgotten `--on`); the hint follows it.
    fn date_for_place(&self, text: &str) -> String;
    /// `--home PLACE@DATE`: the home has no date of its own.
    fn home_date(&self) -> &'static str;
    fn date_problem(&self, error: DateError) -> String;
    /// A batch line, or the date on it (`in_date`), is not UTF-8.
    fn not_utf8(&self, in_date: bool) -> &'static str;
    fn line_has_nul(&self) -> &'static str;
    /// A `check -` line longer than any query can be; it was skipped unread.
    fn line_too_long(&self, bytes: u64, limit: usize) -> String;
    /// More places on the command line than a trip may have.
    fn too_many_places(&self, count: usize, limit: usize) -> String;
    /// A data file's path longer than any the system opens; `start` is its echoed start.
    fn path_too_long(&self, bytes: usize, start: &str, limit: usize) -> String;
    /// More command-line arguments than any use of `edl` needs.
    fn too_many_arguments(&self, count: usize, limit: usize) -> String;
    fn dash_alone(&self) -> &'static str;
    /// `check -` read no query: stdin was empty, or only blank lines and comments.
    fn empty_batch(&self) -> &'static str;
    /// What follows an error about a mistyped command or flag: the one clap found close.
    fn did_you_mean(&self, suggested: &str) -> String;
    /// A command-line error that clap reported, or `None` to keep clap's own words.
    fn usage_error(&self, error: &clap::Error) -> Option<String>;
    /// Help text for a flag or command, by clap id (`check`, `check.on`, `about`; the options
    /// every command shares as `options.lang`), or `None` to keep the English text written with
    /// the definition.
    fn help(&self, key: &str) -> Option<&'static str>;
    /// The words of the man page that `edl` writes itself (clap's sections keep their own).
    fn man(&self) -> ManText;
}

/// What the man page says beyond the command line's own help text.
pub struct ManText {
    /// Titles of the commands, exit status, environment and examples sections.
    pub sections: [&'static str; 4],
    pub commands_intro: &'static str,
    /// How an option's possible values, default and variable are labelled.
    pub labels: [&'static str; 3],
    pub exit_codes: &'static [(&'static str, &'static str)],
    pub environment: &'static [(&'static str, &'static str)],
    pub examples: &'static [(&'static str, &'static str)],
}

/// The environment variables `edl` reads, in English: the help's epilogue and the man page say
/// them (each other catalogue has its own).
pub const ENVIRONMENT: [(&str, &str); 8] = [
    (
        "EDL_DATA",
        "a rollout or schemes file to use instead of the bundled one of its kind (as --data)",
    ),
    ("EDL_LICENSE", "default for --license"),
    ("EDL_HOME", "default for --home"),
    ("EDL_LANG", "default for --lang"),
    (
        "EDL_NOW",
        "for tests and reproducible runs: the moment taken as now (2026-12-07T20:00:00Z)",
    ),
    (
        "LANG",
        "with LC_ALL and LC_MESSAGES before it: without --lang or EDL_LANG, the first one set picks the language, Chinese if it starts with zh",
    ),
    ("NO_COLOR", "no colour with --color auto"),
    ("TERM", "no colour with --color auto when it is dumb"),
];

/// Examples for the man page, in English (each other catalogue has its own).
pub const EXAMPLES: [(&str, &str); 6] = [
    ("edl check 成都", "is the e-license enough in 成都 today?"),
    (
        "edl check 北京 天津 --home 天津 --on 2021-07-01",
        "an itinerary on a date, with a license issued in 天津",
    ),
    (
        "edl check chengdu --license 暂扣",
        "with the license state the 12123 app shows",
    ),
    (
        "edl check 成都 -q || echo \"bring the card\"",
        "in a script",
    ),
    (
        "printf '成都\\n北京\\t2021-08-31\\n' | edl check - --format tsv",
        "many queries, one a line",
    ),
    ("edl show 昆山", "a place's window and the facts behind it"),
];

// The refusals below the edge are data; as errors (clap shows a value parser's), they read in
// English, and each catalogue says them in its own language.
impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&English.date_problem(*self))
    }
}

impl std::fmt::Display for UnknownLicenseState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&English.unknown_license_state(&self.0))
    }
}

/// The division and those above it, lowest first.
fn chain(division: &Division) -> impl Iterator<Item = &'static Division> {
    let divisions = Divisions::bundled();
    let row = divisions.get(division.code);
    row.into_iter().flat_map(|row| divisions.chain(row))
}

/// A world place and the places above it (Sydney, New South Wales, Australia).
pub(crate) fn world_chain(place: &'static WorldPlace) -> impl Iterator<Item = &'static WorldPlace> {
    World::bundled().chain(place)
}

/// A world place's name in Chinese where the source has one, else its English name.
pub(crate) fn world_zh(place: &WorldPlace) -> &'static str {
    place.zh().unwrap_or_else(|| place.name())
}

/// How much of a user's text an error repeats: enough to recognise it, never a whole line of
/// a file fed to `check -`.
pub const ECHO_CHARS: usize = 40;

/// What of a user's text an error repeats: at most [`ECHO_CHARS`] characters, and `…` when cut.
/// Escaping control characters is left to the output, which knows its format.
pub fn echo(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(ECHO_CHARS) {
        None => Cow::Borrowed(text),
        Some((cut, _)) => Cow::Owned(format!("{}…", &text[..cut])),
    }
}

/// A place error as one sentence, with the closest names when the place is unknown.
pub fn place_error(divisions: &Divisions, error: &PlaceError, messages: &dyn Messages) -> String {
    match error {
        PlaceError::Empty => messages.empty_place(),
        PlaceError::TooLong { bytes } => {
            messages.place_too_long(*bytes, crate::place::MAX_QUERY_BYTES)
        }
        PlaceError::Several { query, parts } => messages.several_in_one(query, parts),
        PlaceError::Unknown { query, suggestions } => {
            let names: Vec<String> = suggestions
                .iter()
                .filter_map(|&code| divisions.get(code))
                .map(|d| {
                    messages.suggestion(Placed {
                        division: d,
                        province: divisions.province_of(d),
                    })
                })
                .collect();
            messages.unknown_place(&echo(query), &names)
        }
    }
}

/// How an ambiguity's list reaches one candidate, after its name (and a division's code).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reach<'a> {
    /// By its code, shown already: a division whose code is the query that names it alone.
    ByItsCode,
    /// By this query.
    Type(&'a str),
    /// By no query (two towns of one name in a country whose states the gazetteer lacks).
    Unnamed,
}

impl<'a> Reach<'a> {
    fn of(place: Place<'_>, hint: Option<&'a str>) -> Reach<'a> {
        match (place, hint) {
            (Place::Division(division), Some(hint)) if hint == division.code.to_string() => {
                Reach::ByItsCode
            }
            (_, Some(hint)) => Reach::Type(hint),
            (_, None) => Reach::Unnamed,
        }
    }
}

/// A candidate's chain of places, with the code after it for a division.
fn with_code(chain: String, place: Place<'_>) -> String {
    match place {
        Place::Division(division) => format!("{chain} {}", division.code),
        Place::World(_) => chain,
    }
}

/// What an ambiguity's message offers to type instead of the query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Retype {
    /// The query shown for each place, or the code shown beside it: every place is a division.
    QueryOrCode,
    /// Only the query shown: a world place is listed without a code (a town's GeoNames id
    /// names nothing to `edl`).
    Query,
}

impl Retype {
    fn of<'a>(mut places: impl Iterator<Item = Place<'a>>) -> Retype {
        if places.all(|place| matches!(place, Place::Division(_))) {
            Retype::QueryOrCode
        } else {
            Retype::Query
        }
    }
}

/// Whether a reason cites a fact of better than low quality among its grounds.
fn cites_better_than_low(why: &crate::verdict::Why<'_>) -> bool {
    why.grounds.iter().any(|ground| {
        matches!(ground, crate::verdict::Ground::Fact { quality, .. } if *quality != crate::data::Quality::Low)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_echo_is_a_short_prefix() {
        assert_eq!(echo("成都"), "成都");
        let forty = "成".repeat(ECHO_CHARS);
        assert_eq!(echo(&forty), forty);
        assert_eq!(echo(&format!("{forty}都")), format!("{forty}…"));
        assert_eq!(
            echo(&"a".repeat(1_000_000)),
            format!("{}…", "a".repeat(ECHO_CHARS))
        );
    }

    #[test]
    fn the_locale_picks_the_language() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| value.to_string())
            }
        };
        assert_eq!(Lang::from_locale(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(Lang::from_locale(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", "zh_TW.UTF-8"), ("LANG", "en_US.UTF-8")])),
            Lang::Zh
        );
        assert_eq!(
            Lang::from_locale(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "en_GB"),
                ("LANG", "zh_CN")
            ])),
            Lang::En
        );
        assert_eq!(Lang::from_locale(env(&[])), Lang::En);
    }

    #[test]
    fn the_flag_wins_over_the_environment_and_the_locale() {
        let args = |words: &[&str]| {
            words
                .iter()
                .map(std::ffi::OsString::from)
                .collect::<Vec<_>>()
        };
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| value.to_string())
            }
        };
        let zh_locale = env(&[("LANG", "zh_CN.UTF-8")]);
        assert_eq!(
            Lang::requested(&args(&["edl", "--lang", "en", "check"]), zh_locale),
            Lang::En
        );
        assert_eq!(
            Lang::requested(&args(&["edl", "check", "--lang=zh"]), env(&[])),
            Lang::Zh
        );
        assert_eq!(
            Lang::requested(
                &args(&["edl", "check"]),
                env(&[("EDL_LANG", "zh"), ("LANG", "en_US")])
            ),
            Lang::Zh
        );
        assert_eq!(
            Lang::requested(&args(&["edl", "check"]), env(&[("LANG", "zh_CN.UTF-8")])),
            Lang::Zh
        );
        assert_eq!(
            Lang::requested(&args(&["edl", "--", "--lang", "zh"]), env(&[])),
            Lang::En
        );
    }
}
