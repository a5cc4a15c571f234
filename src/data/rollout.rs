//! The hand-kept rollout facts (`data/rollout.toml`, or a user's own file): parsing, validation
//! with file, line and column, and the live window every division gets from them.
//!
//! A fact bounds the day a place went live; a place's window is the intersection of every fact
//! naming it or a division above it, and a bound that no fact gives comes from `[default]`.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use chrono::NaiveDate;
use smallvec::{SmallVec, smallvec};
use toml::Spanned;
use toml::value::Datetime;

use super::DataError;
use super::divisions::{Code, Division, Divisions, Kind, Level};
pub use super::schema::{Quality, RuleId};
use super::schema::{RawFact, RawRollout};

/// The bundled rollout file's text; what the binary uses is the table `build.rs` compiled from
/// it, and a test checks that the two agree.
pub const BUNDLED_TOML: &str = include_str!("../../data/rollout.toml");
pub const BUNDLED_NAME: &str = "data/rollout.toml";

include!(concat!(env!("OUT_DIR"), "/rollout_table.rs"));

/// A date in the compiled tables; `build.rs` copied it from a TOML date, which is valid.
pub(super) const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("build.rs wrote an impossible date"),
    }
}

/// Text that is borrowed from the compiled-in tables, or owned when read from a user's file.
pub type Text = Cow<'static, str>;

/// A sentence of the data file in English, and in Chinese where the file gives it (a user's
/// own file may not). JSON and TSV use the English; people reading Chinese get the Chinese.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wording {
    pub en: Text,
    pub zh: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub id: Text,
    pub title: Text,
    pub url: Text,
    pub quality: Quality,
}

/// What one fact says about the day its places went live.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Claim {
    /// Live from that day; `scheduled` when the day was announced in advance.
    On { day: NaiveDate, scheduled: bool },
    /// Live from one unknown day within the range.
    Within { from: NaiveDate, until: NaiveDate },
    /// Live on or before that day.
    By(NaiveDate),
    /// Not live before that day.
    NotBefore(NaiveDate),
    /// The e-license is not valid there at all.
    Never,
}

impl Claim {
    fn earliest(self) -> Option<NaiveDate> {
        match self {
            Claim::On { day, .. } => Some(day),
            Claim::Within { from, .. } => Some(from),
            Claim::NotBefore(day) => Some(day),
            Claim::By(_) | Claim::Never => None,
        }
    }

    fn latest(self) -> Option<NaiveDate> {
        match self {
            Claim::On { day, .. } => Some(day),
            Claim::Within { until, .. } => Some(until),
            Claim::By(day) => Some(day),
            Claim::NotBefore(_) | Claim::Never => None,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Fact {
    pub id: Text,
    pub places: Cow<'static, [Code]>,
    pub claim: Claim,
    /// Indexes into [`Rollout::sources`].
    pub sources: Cow<'static, [usize]>,
    /// A grade for the fact below that of its best source, where the facts files give one.
    pub quality: Option<Quality>,
    pub note: Option<Wording>,
    /// Where the fact's id sits in its file, for messages about contradictions.
    id_span: Range<usize>,
}

/// A national step of the rollout, for the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Milestone {
    pub date: NaiveDate,
    pub title: Wording,
    pub cities: Option<u32>,
    pub sources: Cow<'static, [usize]>,
}

/// The bounds used for a mainland place where no fact gives one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DefaultWindow {
    pub earliest: NaiveDate,
    pub latest: NaiveDate,
    /// The latest bound's grade where it is below its sources' (it is a target).
    pub latest_quality: Option<Quality>,
    pub sources: Cow<'static, [usize]>,
    pub note: Wording,
}

/// A sourced rule stated beside the windows (see [`RuleId`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    pub id: RuleId,
    /// The first day it holds, where it has one.
    pub from: Option<NaiveDate>,
    /// Indexes into [`Rollout::sources`].
    pub sources: Cow<'static, [usize]>,
    pub quality: Option<Quality>,
    /// What the rule says.
    pub note: Wording,
}

/// Facts behind a bound: rarely more than a few, so kept inline (windows are computed for
/// thousands of places by `edl list`).
pub type FactIds = SmallVec<[usize; 4]>;

/// Why a bound of a window is where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Basis {
    /// These facts (indexes into [`Rollout::facts`]) all give this bound.
    Facts(FactIds),
    /// No fact gives it; it comes from `[default]`.
    Default,
    /// A province's bound is that of the place in it that sets it.
    Place(Code),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bound {
    pub date: NaiveDate,
    pub basis: Basis,
}

/// The days a place may have gone live: on `earliest` at the soonest, by `latest` for sure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveWindow {
    pub earliest: Bound,
    pub latest: Bound,
}

impl LiveWindow {
    pub fn is_exact(&self) -> bool {
        self.earliest.date == self.latest.date
    }
}

/// A place's e-license availability.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Availability {
    Window(LiveWindow),
    /// Never valid there; the facts that say so.
    Never(FactIds),
}

/// A validated rollout file.
#[derive(Clone, Debug)]
pub struct Rollout {
    pub version: Text,
    pub as_of: NaiveDate,
    pub default: DefaultWindow,
    pub sources: Cow<'static, [Source]>,
    pub milestones: Cow<'static, [Milestone]>,
    pub facts: Cow<'static, [Fact]>,
    pub rules: Cow<'static, [Rule]>,
    /// (place, fact) for every place a fact names, sorted: the facts about a place are a run.
    by_place: Cow<'static, [(Code, usize)]>,
}

/// The most TOML tokens (keys, values, brackets, `=` and `,`; not whitespace or comments) a
/// rollout file may have. The bundled file has about 3,000. toml builds a tree of the whole file
/// before serde sees any of it, at about a hundred bytes a token, so the file-size cap alone
/// would let a file of empty arrays (`[],` is three bytes) take 70 MiB; counting is cheap.
pub const MAX_TOKENS: usize = 50_000;

/// The first token past [`MAX_TOKENS`], if there is one: where the file has too many.
pub(super) fn past_token_budget(text: &str) -> Option<usize> {
    use toml_parser::lexer::TokenKind;
    toml_parser::Source::new(text)
        .lex()
        .filter(|token| {
            !matches!(
                token.kind(),
                TokenKind::Whitespace | TokenKind::Comment | TokenKind::Newline | TokenKind::Eof
            )
        })
        .nth(MAX_TOKENS)
        .map(|token| token.span().start())
}

/// Reads a data file of some `kind` (rollout, schemes, recognition) as TOML into its serde
/// shape, within the token budget: the one error, with its line and column, where it cannot.
pub(super) fn read_toml<T: serde::de::DeserializeOwned>(
    text: &str,
    file: &str,
    kind: &str,
) -> Result<T, Vec<DataError>> {
    if let Some(offset) = past_token_budget(text) {
        let (line, column) = line_column(text, offset);
        let message = format!(
            "the file has more than {MAX_TOKENS} keys, values and brackets; a {kind} file needs far fewer"
        );
        return Err(vec![DataError::new(file, line, column, message)]);
    }
    toml::from_str(text).map_err(|error| {
        let (line, column) = line_column(text, error.span().map_or(0, |span| span.start));
        let message = error.message().trim_end().replace('\n', " ");
        vec![DataError::new(file, line, column, message)]
    })
}

/// Problems listed one by one; past these, one more says how many were left out. Finding a
/// problem's column reads its line from the start, so thousands on one long line would cost
/// seconds, and nobody reads past the first hundred.
pub const MAX_PROBLEMS: usize = 100;

/// Collects the problems in a file, each with its position.
pub(super) struct Problems<'t> {
    file: &'t str,
    text: &'t str,
    found: Vec<DataError>,
    /// How many problems past [`MAX_PROBLEMS`], and where the first of them is.
    left_out: Option<(usize, usize)>,
}

impl<'t> Problems<'t> {
    pub(super) fn new(file: &'t str, text: &'t str) -> Problems<'t> {
        Problems {
            file,
            text,
            found: Vec::new(),
            left_out: None,
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    pub(super) fn add(&mut self, span: Range<usize>, message: String) {
        if self.found.len() >= MAX_PROBLEMS {
            let (count, _) = self.left_out.get_or_insert((0, span.start));
            *count += 1;
            return;
        }
        let (line, column) = line_column(self.text, span.start);
        self.found
            .push(DataError::new(self.file, line, column, message));
    }

    /// Every problem found, the ones left out counted in a last one.
    pub(super) fn into_found(mut self) -> Vec<DataError> {
        if let Some((count, offset)) = self.left_out {
            let (line, column) = line_column(self.text, offset);
            let message = format!("{count} more problems from here on are not listed");
            self.found
                .push(DataError::new(self.file, line, column, message));
        }
        self.found
    }

    pub(super) fn date(&mut self, value: &Spanned<Datetime>) -> Option<NaiveDate> {
        let datetime = value.get_ref();
        let date = match (datetime.date, datetime.time, datetime.offset) {
            (Some(date), None, None) => {
                NaiveDate::from_ymd_opt(date.year.into(), date.month.into(), date.day.into())
            }
            _ => None,
        };
        if date.is_none() {
            self.add(
                value.span(),
                format!("`{datetime}` is not a date (want YYYY-MM-DD)"),
            );
        }
        date
    }

    /// A sentence and its optional Chinese, which may not be blank where it is given.
    pub(super) fn wording(
        &mut self,
        whose: &str,
        field: &str,
        english: &str,
        chinese: &Option<Spanned<String>>,
    ) -> Wording {
        if let Some(chinese) = chinese
            && chinese.get_ref().trim().is_empty()
        {
            self.add(
                chinese.span(),
                format!("{field}_zh of {whose} is empty (leave it out, or give the Chinese)"),
            );
        }
        Wording {
            en: english.to_owned().into(),
            zh: chinese.as_ref().map(|zh| zh.get_ref().clone().into()),
        }
    }

    pub(super) fn sources(
        &mut self,
        ids: &[Spanned<String>],
        known: &HashMap<&str, usize>,
    ) -> Vec<usize> {
        ids.iter()
            .filter_map(|id| match known.get(id.get_ref().as_str()) {
                Some(&index) => Some(index),
                None => {
                    self.add(
                        id.span(),
                        format!("source `{}` is not defined", id.get_ref()),
                    );
                    None
                }
            })
            .collect()
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub(super) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..offset].chars().count() + 1)
}

impl Rollout {
    /// Parses and validates a rollout file against the divisions. Every problem found is
    /// returned, each naming `file`, its line and column, and what is wrong.
    pub fn parse(text: &str, file: &str, divisions: &Divisions) -> Result<Rollout, Vec<DataError>> {
        let raw: RawRollout = read_toml(text, file, "rollout")?;
        let mut problems = Problems::new(file, text);

        let mut known_sources = HashMap::new();
        let mut sources = Vec::with_capacity(raw.source.len());
        for source in raw.source {
            let id = source.id.get_ref().clone();
            if known_sources.insert(id.clone(), sources.len()).is_some() {
                problems.add(source.id.span(), format!("source `{id}` is defined twice"));
            }
            sources.push(Source {
                id: id.into(),
                title: source.title.into(),
                url: source.url.into(),
                quality: source.quality,
            });
        }
        let known: HashMap<&str, usize> = known_sources
            .iter()
            .map(|(id, &index)| (id.as_str(), index))
            .collect();

        let as_of = problems.date(&raw.as_of);
        let default = {
            let earliest = problems.date(&raw.default.earliest);
            let latest = problems.date(&raw.default.latest);
            if let (Some(earliest), Some(latest)) = (earliest, latest)
                && latest < earliest
            {
                problems.add(
                    raw.default.latest.span(),
                    "the default window ends before it starts".into(),
                );
            }
            DefaultWindow {
                earliest: earliest.unwrap_or(NaiveDate::MIN),
                latest: latest.unwrap_or(NaiveDate::MIN),
                latest_quality: raw.default.latest_quality,
                sources: problems.sources(&raw.default.sources, &known).into(),
                note: problems.wording(
                    "[default]",
                    "note",
                    &raw.default.note,
                    &raw.default.note_zh,
                ),
            }
        };

        let milestones: Vec<Milestone> = raw
            .milestone
            .iter()
            .map(|milestone| Milestone {
                date: problems.date(&milestone.date).unwrap_or(NaiveDate::MIN),
                title: problems.wording(
                    &format!("the milestone of {}", milestone.date.get_ref()),
                    "title",
                    &milestone.title,
                    &milestone.title_zh,
                ),
                cities: milestone.cities,
                sources: problems.sources(&milestone.sources, &known).into(),
            })
            .collect();

        let mut fact_ids = HashSet::new();
        let mut facts = Vec::with_capacity(raw.fact.len());
        for fact in &raw.fact {
            let id = fact.id.get_ref();
            if !fact_ids.insert(id.as_str()) {
                problems.add(fact.id.span(), format!("fact `{id}` is defined twice"));
            }
            let mut places = Vec::with_capacity(fact.places.len());
            // A set, not a search of `places`: a fact may list tens of thousands.
            let mut listed = HashSet::with_capacity(fact.places.len());
            for place in &fact.places {
                match Code::parse(place.get_ref()).filter(|code| divisions.get(*code).is_some()) {
                    Some(code) if !listed.insert(code) => problems.add(
                        place.span(),
                        format!("place {code} is listed twice in fact `{id}`"),
                    ),
                    Some(code) => places.push(code),
                    None => problems.add(
                        place.span(),
                        format!(
                            "place `{}` in fact `{id}` is no division code",
                            place.get_ref()
                        ),
                    ),
                }
            }
            if fact.places.is_empty() {
                problems.add(fact.id.span(), format!("fact `{id}` names no places"));
            }
            if fact.sources.is_empty() {
                problems.add(fact.id.span(), format!("fact `{id}` has no source"));
            }
            let sources = problems.sources(&fact.sources, &known);
            if let Some(claim) = parse_claim(fact, &mut problems) {
                facts.push(Fact {
                    id: id.clone().into(),
                    places: places.into(),
                    claim,
                    sources: sources.into(),
                    quality: fact.quality,
                    note: match (&fact.note, &fact.note_zh) {
                        (Some(note), zh) => {
                            Some(problems.wording(&format!("fact `{id}`"), "note", note, zh))
                        }
                        (None, Some(zh)) => {
                            problems
                                .add(zh.span(), format!("fact `{id}` gives note_zh without note"));
                            None
                        }
                        (None, None) => None,
                    },
                    id_span: fact.id.span(),
                });
            }
        }

        let mut rules: Vec<Rule> = Vec::with_capacity(raw.rule.len());
        for rule in &raw.rule {
            let id = *rule.id.get_ref();
            if rules.iter().any(|known| known.id == id) {
                problems.add(
                    rule.id.span(),
                    format!("rule `{}` is defined twice", id.id()),
                );
            }
            if rule.sources.is_empty() {
                problems.add(rule.id.span(), format!("rule `{}` has no source", id.id()));
            }
            rules.push(Rule {
                id,
                from: rule.from.as_ref().and_then(|from| problems.date(from)),
                sources: problems.sources(&rule.sources, &known).into(),
                quality: rule.quality,
                note: problems.wording(
                    &format!("rule `{}`", id.id()),
                    "note",
                    &rule.note,
                    &rule.note_zh,
                ),
            });
        }

        let mut by_place: Vec<(Code, usize)> = facts
            .iter()
            .enumerate()
            .flat_map(|(index, fact)| fact.places.iter().map(move |&place| (place, index)))
            .collect();
        by_place.sort_unstable();
        let rollout = Rollout {
            version: raw.version.into(),
            as_of: as_of.unwrap_or(NaiveDate::MIN),
            default,
            sources: sources.into(),
            milestones: milestones.into(),
            facts: facts.into(),
            rules: rules.into(),
            by_place: by_place.into(),
        };
        if problems.found.is_empty() {
            // A contradiction shows in every place below the one named; report it once, for the
            // first (highest) place in code order.
            let mut reported = HashSet::new();
            for division in divisions.iter() {
                if let Err(message) = rollout.facts_window(division, divisions) {
                    let (a, b) = message.facts;
                    let (first, second) = (a.min(b), a.max(b));
                    if !reported.insert((first, second)) {
                        continue;
                    }
                    let span = rollout.facts[second].id_span.clone();
                    let who = if first == second {
                        format!(
                            "fact `{}` and the [default] window contradict",
                            rollout.facts[first].id
                        )
                    } else {
                        format!(
                            "facts `{}` and `{}` contradict each other",
                            rollout.facts[first].id, rollout.facts[second].id
                        )
                    };
                    problems.add(
                        span,
                        format!(
                            "{who} for {} ({}): {}",
                            division.name(),
                            division.code,
                            message.why
                        ),
                    );
                }
            }
            problems
                .found
                .dedup_by(|a, b| a.line == b.line && a.message == b.message);
        }
        if problems.found.is_empty() {
            Ok(rollout)
        } else {
            Err(problems.into_found())
        }
    }

    /// The bundled rollout, compiled into static tables by `build.rs`.
    pub fn bundled() -> &'static Rollout {
        &BUNDLED_ROLLOUT
    }

    pub fn source(&self, index: usize) -> &Source {
        &self.sources[index]
    }

    /// The facts that name this division itself (not its ancestors).
    pub fn facts_naming(&self, code: Code) -> impl Iterator<Item = usize> + '_ {
        let start = self.by_place.partition_point(|&(place, _)| place < code);
        self.by_place[start..]
            .iter()
            .take_while(move |&&(place, _)| place == code)
            .map(|&(_, fact)| fact)
    }

    /// A division's availability. A province other than a municipality spans the windows of
    /// the places in it: some may be live while others are not yet.
    pub fn availability(&self, division: &Division, divisions: &Divisions) -> Availability {
        if division.level == Level::Province
            && division.kind != Kind::Municipality
            && let Some(span) = self.region_window(division, divisions)
        {
            return Availability::Window(span);
        }
        self.facts_window(division, divisions)
            .expect("validation rejects files whose facts contradict")
    }

    /// The availability of many divisions. A county that no fact names has its prefecture's (or
    /// municipality's) window, and counties come grouped under it in code order, so each such
    /// parent's window is computed once rather than once a county.
    pub fn availabilities<'a, I>(
        &'a self,
        places: I,
        divisions: &'a Divisions,
    ) -> impl Iterator<Item = (&'a Division, Availability)> + 'a
    where
        I: IntoIterator<Item = &'a Division>,
        I::IntoIter: 'a,
    {
        let mut last_parent: Option<(Code, Availability)> = None;
        places.into_iter().map(move |division| {
            let parent = divisions.parent(division).filter(|parent| {
                parent.level == Level::Prefecture || parent.kind == Kind::Municipality
            });
            let inherits = division.level == Level::County
                && self.facts_naming(division.code).next().is_none();
            let availability = match parent {
                Some(parent) if inherits => match &last_parent {
                    Some((code, availability)) if *code == parent.code => availability.clone(),
                    _ => {
                        let availability = self.availability(parent, divisions);
                        last_parent = Some((parent.code, availability.clone()));
                        availability
                    }
                },
                _ => self.availability(division, divisions),
            };
            (division, availability)
        })
    }

    fn region_window(&self, province: &Division, divisions: &Divisions) -> Option<LiveWindow> {
        let mut span: Option<LiveWindow> = None;
        for child in divisions.children(province) {
            let Ok(Availability::Window(window)) = self.facts_window(child, divisions) else {
                continue;
            };
            let span = span.get_or_insert(LiveWindow {
                earliest: Bound {
                    date: NaiveDate::MAX,
                    basis: Basis::Default,
                },
                latest: Bound {
                    date: NaiveDate::MIN,
                    basis: Basis::Default,
                },
            });
            if window.earliest.date < span.earliest.date {
                span.earliest = Bound {
                    date: window.earliest.date,
                    basis: Basis::Place(child.code),
                };
            }
            if window.latest.date > span.latest.date {
                span.latest = Bound {
                    date: window.latest.date,
                    basis: Basis::Place(child.code),
                };
            }
        }
        span
    }

    /// The intersection of the facts naming the division or any division above it.
    fn facts_window(
        &self,
        division: &Division,
        divisions: &Divisions,
    ) -> Result<Availability, Contradiction> {
        let mut earliest: Option<(NaiveDate, FactIds)> = None;
        let mut latest: Option<(NaiveDate, FactIds)> = None;
        let mut never = FactIds::new();
        let mut any_date_fact = None;
        // A place's own `never` outweighs its ancestors' dates: 金门 is listed under 泉州 but
        // governed from Taipei. Its own dates beside its own `never` still contradict.
        let own: Vec<usize> = self.facts_naming(division.code).collect();
        if own
            .iter()
            .any(|&index| self.facts[index].claim == Claim::Never)
        {
            let (never, dated): (FactIds, FactIds) = own
                .into_iter()
                .partition(|&index| self.facts[index].claim == Claim::Never);
            if let (Some(&never_fact), Some(&date_fact)) = (never.first(), dated.first()) {
                return Err(Contradiction {
                    facts: (never_fact, date_fact),
                    why: "one says never, the other gives a date".into(),
                });
            }
            return Ok(Availability::Never(never));
        }
        for place in divisions.chain(division) {
            for index in self.facts_naming(place.code) {
                let claim = self.facts[index].claim;
                if claim == Claim::Never {
                    never.push(index);
                    continue;
                }
                any_date_fact.get_or_insert(index);
                if let Some(date) = claim.earliest() {
                    tighten(&mut earliest, date, index, |new, old| new > old);
                }
                if let Some(date) = claim.latest() {
                    tighten(&mut latest, date, index, |new, old| new < old);
                }
            }
        }
        if let (Some(&never_fact), Some(date_fact)) = (never.first(), any_date_fact) {
            return Err(Contradiction {
                facts: (never_fact, date_fact),
                why: "one says never, the other gives a date".into(),
            });
        }
        if !never.is_empty() {
            return Ok(Availability::Never(never));
        }
        let earliest = match earliest {
            Some((date, facts)) => Bound {
                date,
                basis: Basis::Facts(facts),
            },
            None => Bound {
                date: self.default.earliest,
                basis: Basis::Default,
            },
        };
        let latest = match latest {
            Some((date, facts)) => Bound {
                date,
                basis: Basis::Facts(facts),
            },
            None => Bound {
                date: self.default.latest,
                basis: Basis::Default,
            },
        };
        if latest.date < earliest.date {
            let pick = |basis: &Basis| match basis {
                Basis::Facts(facts) => facts[0],
                _ => usize::MAX,
            };
            let (a, b) = (pick(&earliest.basis), pick(&latest.basis));
            let facts = match (a, b) {
                (usize::MAX, fact) | (fact, usize::MAX) => (fact, fact),
                pair => pair,
            };
            return Err(Contradiction {
                facts,
                why: format!(
                    "not live before {} but live by {}",
                    earliest.date, latest.date
                ),
            });
        }
        Ok(Availability::Window(LiveWindow { earliest, latest }))
    }

    /// True when a bound of the window rests only on low-quality sources.
    pub fn rests_on_low_quality(&self, window: &LiveWindow) -> bool {
        [&window.earliest, &window.latest]
            .into_iter()
            .any(|bound| match &bound.basis {
                Basis::Facts(facts) => facts
                    .iter()
                    .all(|&fact| self.fact_quality(fact) == Quality::Low),
                Basis::Default | Basis::Place(_) => false,
            })
    }

    /// A fact is as good as its best source, unless the fact itself is graded lower.
    pub fn fact_quality(&self, fact: usize) -> Quality {
        let fact = &self.facts[fact];
        self.graded(&fact.sources, fact.quality)
    }

    /// The rule with this id, if the file has it.
    pub fn rule(&self, id: RuleId) -> Option<&Rule> {
        self.rules.iter().find(|rule| rule.id == id)
    }

    /// A rule is as good as its best source, unless the rule itself is graded lower.
    pub fn rule_quality(&self, rule: &Rule) -> Quality {
        self.graded(&rule.sources, rule.quality)
    }

    /// The default window's latest bound: as good as its best source, or its own grade.
    pub fn default_latest_quality(&self) -> Quality {
        self.graded(&self.default.sources, self.default.latest_quality)
    }

    fn graded(&self, sources: &[usize], own: Option<Quality>) -> Quality {
        let best = sources
            .iter()
            .map(|&source| self.sources[source].quality)
            .max()
            .unwrap_or(Quality::Low);
        own.map_or(best, |graded| graded.min(best))
    }
}

#[derive(Debug)]
struct Contradiction {
    facts: (usize, usize),
    why: String,
}

fn tighten(
    bound: &mut Option<(NaiveDate, FactIds)>,
    date: NaiveDate,
    fact: usize,
    tighter: impl Fn(NaiveDate, NaiveDate) -> bool,
) {
    match bound {
        Some((current, facts)) if *current == date => facts.push(fact),
        Some((current, _)) if !tighter(date, *current) => {}
        _ => *bound = Some((date, smallvec![fact])),
    }
}

fn parse_claim(fact: &RawFact, problems: &mut Problems<'_>) -> Option<Claim> {
    let id = fact.id.get_ref();
    let forms = [
        fact.on.is_some(),
        fact.from.is_some() || fact.until.is_some(),
        fact.by.is_some(),
        fact.not_before.is_some(),
        fact.never.is_some(),
    ];
    let count = forms.iter().filter(|&&given| given).count();
    if count != 1 {
        let what = if count == 0 {
            "gives no date"
        } else {
            "mixes several forms"
        };
        problems.add(
            fact.id.span(),
            format!(
                "fact `{id}` {what}: give exactly one of on, from and until, by, not_before, never"
            ),
        );
        return None;
    }
    if let Some(scheduled) = &fact.scheduled
        && fact.on.is_none()
    {
        problems.add(
            scheduled.span(),
            format!("fact `{id}`: `scheduled` goes only with `on`"),
        );
    }
    if let Some(on) = &fact.on {
        let scheduled = fact.scheduled.as_ref().is_some_and(|s| *s.get_ref());
        return problems.date(on).map(|day| Claim::On { day, scheduled });
    }
    if let Some(by) = &fact.by {
        return problems.date(by).map(Claim::By);
    }
    if let Some(not_before) = &fact.not_before {
        return problems.date(not_before).map(Claim::NotBefore);
    }
    if let Some(never) = &fact.never {
        if !*never.get_ref() {
            problems.add(
                never.span(),
                format!("fact `{id}`: write `never = true` or leave it out"),
            );
            return None;
        }
        return Some(Claim::Never);
    }
    let (Some(from), Some(until)) = (&fact.from, &fact.until) else {
        problems.add(
            fact.id.span(),
            format!("fact `{id}`: `from` and `until` go together"),
        );
        return None;
    };
    let (from_date, until_date) = (problems.date(from)?, problems.date(until)?);
    if until_date < from_date {
        problems.add(
            until.span(),
            format!("fact `{id}`: the window ends ({until_date}) before it starts ({from_date})"),
        );
        return None;
    }
    Some(Claim::Within {
        from: from_date,
        until: until_date,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_file_is_far_within_the_token_budget() {
        let tokens = toml_parser::Source::new(BUNDLED_TOML)
            .lex()
            .filter(|token| {
                use toml_parser::lexer::TokenKind;
                !matches!(
                    token.kind(),
                    TokenKind::Whitespace | TokenKind::Comment | TokenKind::Newline
                )
            })
            .count();
        assert!(tokens * 10 < MAX_TOKENS, "{tokens} tokens");
        assert_eq!(past_token_budget(BUNDLED_TOML), None);
        let over = "a = [".to_string() + &"1,".repeat(MAX_TOKENS) + "]";
        // `a`, `=` and `[` at 0, 2 and 4; then one byte a token.
        assert_eq!(past_token_budget(&over), Some(MAX_TOKENS + 2));
    }

    const BASE: &str = r#"version = "test"
as_of = 2026-11-25

[default]
earliest = 2021-10-20
latest = 2021-12-31
sources = ["s1"]
note = "test"

[[source]]
id = "s1"
title = "a source"
url = "http://example.invalid/"
quality = "strong"

[[fact]]
id = "pilot"
places = ["510100"]
on = 2021-06-01
sources = ["s1"]
"#;

    fn problems(text: &str) -> Vec<String> {
        match Rollout::parse(text, "r.toml", Divisions::bundled()) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.iter().map(ToString::to_string).collect(),
        }
    }

    fn broken(from: &str, to: &str) -> Vec<String> {
        assert!(BASE.contains(from), "{from}");
        problems(&BASE.replacen(from, to, 1))
    }

    #[test]
    fn the_compiled_table_is_what_the_loader_makes_of_the_bundled_file() {
        let parsed = Rollout::parse(BUNDLED_TOML, BUNDLED_NAME, Divisions::bundled())
            .unwrap_or_else(|errors| panic!("{}", errors[0]));
        let compiled = Rollout::bundled();
        assert_eq!(compiled.version, parsed.version);
        assert_eq!(compiled.as_of, parsed.as_of);
        assert_eq!(compiled.default, parsed.default);
        assert_eq!(compiled.sources, parsed.sources);
        assert_eq!(compiled.milestones, parsed.milestones);
        let facts = |rollout: &Rollout| -> Vec<_> {
            rollout
                .facts
                .iter()
                .map(|f| {
                    (
                        f.id.clone(),
                        f.places.clone(),
                        f.claim,
                        f.sources.clone(),
                        f.quality,
                        f.note.clone(),
                    )
                })
                .collect()
        };
        assert_eq!(facts(compiled), facts(&parsed));
        assert_eq!(compiled.rules, parsed.rules);
        assert_eq!(compiled.by_place, parsed.by_place);
    }

    #[test]
    fn the_bundled_file_gives_every_note_and_title_in_chinese() {
        let rollout = Rollout::bundled();
        assert!(rollout.default.note.zh.is_some());
        for milestone in rollout.milestones.iter() {
            assert!(milestone.title.zh.is_some(), "{}", milestone.title.en);
        }
        for fact in rollout.facts.iter() {
            if let Some(note) = &fact.note {
                assert!(note.zh.is_some(), "fact {}", fact.id);
            }
        }
    }

    #[test]
    fn chinese_notes_are_optional_but_never_empty() {
        assert_eq!(
            problems(&BASE.replacen(
                "sources = [\"s1\"]\n\"#",
                "sources = [\"s1\"]\nnote = \"n\"\nnote_zh = \"注\"\n\"#",
                1
            )),
            Vec::<String>::new()
        );
        let found = broken("note = \"test\"", "note = \"test\"\nnote_zh = \" \"");
        assert_eq!(
            found,
            ["r.toml:9:11: note_zh of [default] is empty (leave it out, or give the Chinese)"]
        );
        let found = broken("on = 2021-06-01", "on = 2021-06-01\nnote_zh = \"注\"");
        assert_eq!(
            found,
            ["r.toml:20:11: fact `pilot` gives note_zh without note"]
        );
    }

    #[test]
    fn the_base_file_is_valid() {
        assert_eq!(problems(BASE), Vec::<String>::new());
    }

    #[test]
    fn a_syntax_error_names_its_line() {
        let found = broken("on = 2021-06-01", "on = = 2021-06-01");
        assert!(found[0].starts_with("r.toml:19:"), "{found:?}");
    }

    #[test]
    fn an_unknown_key_is_named() {
        let found = broken("on = 2021-06-01", "on = 2021-06-01\nwhen = 2021-06-01");
        assert!(
            found[0].starts_with("r.toml:20:") && found[0].contains("when"),
            "{found:?}"
        );
    }

    #[test]
    fn duplicates_are_rejected() {
        let found = broken(r#"places = ["510100"]"#, r#"places = ["510100", "510100"]"#);
        assert_eq!(
            found,
            ["r.toml:18:21: place 510100 is listed twice in fact `pilot`"]
        );
        let twice = format!(
            "{BASE}\n[[fact]]\nid = \"pilot\"\nplaces = [\"110000\"]\non = 2021-09-01\nsources = [\"s1\"]\n"
        );
        assert_eq!(
            problems(&twice),
            ["r.toml:23:6: fact `pilot` is defined twice"]
        );
    }

    #[test]
    fn a_place_must_be_a_division() {
        let found = broken(r#"places = ["510100"]"#, r#"places = ["519999"]"#);
        assert_eq!(
            found,
            ["r.toml:18:11: place `519999` in fact `pilot` is no division code"]
        );
    }

    #[test]
    fn contradicting_facts_are_named_with_the_place() {
        let text = format!(
            "{BASE}\n[[fact]]\nid = \"later\"\nplaces = [\"510000\"]\nnot_before = 2021-07-01\nsources = [\"s1\"]\n"
        );
        let found = problems(&text);
        assert!(
            found[0].starts_with(
                "r.toml:23:6: facts `pilot` and `later` contradict each other for 成都市 (510100)"
            ),
            "{found:?}"
        );
    }

    #[test]
    fn a_fact_against_the_default_window_is_named_once() {
        let found = broken("on = 2021-06-01", "by = 2021-09-01");
        assert_eq!(
            found,
            [
                "r.toml:17:6: fact `pilot` and the [default] window contradict for 成都市 (510100): not live before 2021-10-20 but live by 2021-09-01"
            ]
        );
    }

    #[test]
    fn a_date_must_be_a_date() {
        let found = broken("on = 2021-06-01", "on = 2021-06-01T08:00:00");
        assert_eq!(
            found,
            ["r.toml:19:6: `2021-06-01T08:00:00` is not a date (want YYYY-MM-DD)"]
        );
        let found = broken("on = 2021-06-01", "on = 2021-02-30");
        assert!(found[0].starts_with("r.toml:19:"), "{found:?}");
    }

    #[test]
    fn a_window_must_not_end_before_it_starts() {
        let found = broken("on = 2021-06-01", "from = 2021-10-26\nuntil = 2021-10-20");
        assert_eq!(
            found,
            [
                "r.toml:20:9: fact `pilot`: the window ends (2021-10-20) before it starts (2021-10-26)"
            ]
        );
    }

    #[test]
    fn a_source_must_be_defined() {
        let found = broken(
            r#"sources = ["s1"]
"#,
            r#"sources = ["s2"]
"#,
        );
        assert_eq!(found, ["r.toml:7:12: source `s2` is not defined"]);
    }

    #[test]
    fn a_fact_needs_exactly_one_form() {
        let found = broken("on = 2021-06-01", "on = 2021-06-01\nby = 2021-07-01");
        assert_eq!(
            found,
            [
                "r.toml:17:6: fact `pilot` mixes several forms: give exactly one of on, from and until, by, not_before, never"
            ]
        );
    }

    #[test]
    fn rules_are_known_ids_defined_once_with_a_source() {
        let rule = "\n[[rule]]\nid = \"valid-nationwide\"\nsources = [\"s1\"]\nnote = \"n\"\n";
        let once = format!("{BASE}{rule}");
        assert_eq!(problems(&once), Vec::<String>::new());
        let parsed = Rollout::parse(&once, "r.toml", Divisions::bundled()).expect("valid");
        assert!(parsed.rule(RuleId::ValidNationwide).is_some());
        assert!(parsed.rule(RuleId::VehiclePapers).is_none());
        assert_eq!(
            problems(&format!("{once}{rule}")),
            ["r.toml:28:6: rule `valid-nationwide` is defined twice"]
        );
        let unknown = problems(&format!(
            "{BASE}{}",
            rule.replace("valid-nationwide", "vibes")
        ));
        assert!(
            unknown[0].starts_with("r.toml:23:6: unknown variant `vibes`"),
            "{unknown:?}"
        );
        let sourceless = problems(&format!("{BASE}{}", rule.replace("[\"s1\"]", "[]")));
        assert_eq!(
            sourceless,
            ["r.toml:23:6: rule `valid-nationwide` has no source"]
        );
    }

    #[test]
    fn every_problem_is_reported() {
        let found = broken(
            r#"places = ["510100"]
on = 2021-06-01
sources = ["s1"]"#,
            r#"places = ["999999"]
on = 2021-06-01
sources = ["nope"]"#,
        );
        assert_eq!(found.len(), 2, "{found:?}");
    }
}
