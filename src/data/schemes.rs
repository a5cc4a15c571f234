//! Digital driving licences beyond the mainland (`data/schemes.toml`, or a user's own file): the
//! schemes, the sourced rules on where each one counts at a traffic stop, the jurisdictions' own
//! baselines on carrying a licence, and the gaps; parsing and validation with file, line and
//! column, and a pure evaluator ([`Schemes::judge`], in `judge`).
//!
//! The mainland's 12123 e-license is a scheme here too, but its facts stay in the rollout file:
//! where that file answers, the judgement says to ask it ([`Answer::ByAvailability`]).
//!
//! The bundled file is a static table that `build.rs` compiled from it, so no check parses it;
//! a test asserts that the table is what [`Schemes::parse`] makes of the same file.

mod judge;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;
use toml::Spanned;

pub use judge::{Answer, Holder, Judgement, Note, Reason};

use super::rollout::{Problems, Text, Wording, date, read_toml};
use super::schema::Quality;
pub use super::schemes_schema::{Carry, Form, HolderKind, Outcome, Stage};
use super::schemes_schema::{PhoneFailureKind, RawPhoneFailure, RawSchemes};
use super::world::{PlaceKind, World, WorldPlace};
use super::{DataError, DataErrors};

/// The bundled file's text; what the binary uses is the table `build.rs` compiled from it, and
/// a test checks that the two agree.
pub const BUNDLED_TOML: &str = include_str!("../../data/schemes.toml");
pub const BUNDLED_NAME: &str = "data/schemes.toml";

include!(concat!(env!("OUT_DIR"), "/schemes_table.rs"));

/// A country or first-level subdivision, by the world gazetteer's code (`JP`, `AU-NSW`, `CN`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Territory(&'static str);

impl Territory {
    /// The territory a gazetteer row is; `None` for a town, which is no jurisdiction.
    pub fn of(place: &WorldPlace) -> Option<Territory> {
        (place.kind != PlaceKind::City).then(|| Territory(place.code()))
    }

    /// The territory with exactly this code, as the gazetteer writes it (`AU-NSW`, not `aus-nsw`).
    pub fn parse(code: &str) -> Option<Territory> {
        World::bundled()
            .by_code(code)
            .filter(|place| place.code() == code)
            .and_then(Territory::of)
    }

    /// The territories of a place, most specific first (Sydney → `[AU-NSW, AU]`), as a stop or a
    /// home is given to [`Schemes::judge`].
    pub fn chain(place: &WorldPlace) -> Vec<Territory> {
        let world = World::bundled();
        world.chain(place).filter_map(Territory::of).collect()
    }

    pub fn code(self) -> &'static str {
        self.0
    }

    /// A subdivision of this country (`AU-NSW` of `AU`), not the country itself.
    pub fn lies_in(self, country: Territory) -> bool {
        self != country && self.country() == country.0
    }

    /// The country part of the code: `US` for `US-MT` and for `US`.
    fn country(self) -> &'static str {
        self.0.split('-').next().unwrap_or(self.0)
    }
}

// The command line takes stages and holders by the words of the file (`--stage learner`).

impl clap::ValueEnum for Stage {
    fn value_variants<'a>() -> &'a [Self] {
        &Stage::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.id()))
    }
}

impl clap::ValueEnum for HolderKind {
    fn value_variants<'a>() -> &'a [Self] {
        &HolderKind::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.id()))
    }
}

/// Where a rule holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The territory of the scheme's issuer.
    Issuer,
    /// Anywhere outside it.
    Elsewhere,
    Territory(Territory),
    /// Any member of a group (index into [`Schemes::groups`]).
    Group(usize),
}

/// Who issues a scheme's credential.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Issuer {
    Territory(Territory),
    /// Each member of a group, for its own licences (index into [`Schemes::groups`]).
    Group(usize),
}

/// Which schemes a rule is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Covers {
    /// One scheme (index into [`Schemes::schemes`]).
    Scheme(usize),
    /// Every scheme issued in this country or its subdivisions.
    IssuedIn(&'static str),
}

/// What a failing phone means at a stop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhoneFailure {
    /// No licence shown: you may be penalised.
    NoLicence,
    /// Time to present a licence at a police station; `discretionary` when police "can" give it.
    Grace { hours: u32, discretionary: bool },
    /// The licence must be produced within so many days.
    ProduceWithin { days: u32 },
}

/// Whose licences a baseline is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Licences {
    Any,
    IssuedBy(Cow<'static, [Territory]>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub id: Text,
    pub title: Text,
    /// Where the facts give one.
    pub url: Option<Text>,
    pub quality: Quality,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub id: Text,
    pub name: Text,
    pub members: Cow<'static, [Territory]>,
    pub sources: Cow<'static, [usize]>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scheme {
    pub id: Text,
    pub issuer: Issuer,
    pub name: Wording,
    pub form: Form,
    /// Where the rollout file answers for this scheme instead (the 12123 e-license).
    pub rollout: Cow<'static, [Territory]>,
    /// A licence of its issuer need not come with it (a rule says `may_not_hold`): whether the
    /// holder has one is theirs to say.
    pub on_request: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    pub id: Text,
    pub covers: Covers,
    pub places: Cow<'static, [Place]>,
    pub outcome: Outcome,
    /// The agency whose practice it is; such a rule is only ever a note.
    pub by: Option<Wording>,
    /// The first day it holds.
    pub from: Option<NaiveDate>,
    /// The first day it no longer holds.
    pub until: Option<NaiveDate>,
    /// The stages it holds for; every stage when empty.
    pub stages: Cow<'static, [Stage]>,
    /// It holds for licences issued on or after this day.
    pub issued_from: Option<NaiveDate>,
    /// It holds for licences issued before this day.
    pub issued_before: Option<NaiveDate>,
    pub holder: Option<HolderKind>,
    /// Not every holder of the licence has the digital form yet (the EU's mobile licence until
    /// the issuing state issues it; Chile's, given at first issue or renewal): the rule holds
    /// only for a holder who says they have it.
    pub may_not_hold: bool,
    pub phone_failure: Option<PhoneFailure>,
    pub grade: Quality,
    pub sources: Cow<'static, [usize]>,
    pub note: Wording,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Baseline {
    pub id: Text,
    pub places: Cow<'static, [Territory]>,
    pub licences: Licences,
    pub carry: Carry,
    pub from: Option<NaiveDate>,
    /// Another identity document must be shown instead (the police check a register).
    pub identity_document: bool,
    /// The licence must be produced at a police station within so many days.
    pub produce_within_days: Option<u32>,
    pub grade: Quality,
    pub sources: Cow<'static, [usize]>,
    pub note: Wording,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    pub id: Text,
    pub jurisdictions: Cow<'static, [Territory]>,
    pub reason: Wording,
    pub sources: Cow<'static, [usize]>,
}

/// A validated schemes file: the bundled one borrowed from the compiled table, a user's owned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schemes {
    pub version: Text,
    pub as_of: NaiveDate,
    pub sources: Cow<'static, [Source]>,
    pub groups: Cow<'static, [Group]>,
    pub schemes: Cow<'static, [Scheme]>,
    pub rules: Cow<'static, [Rule]>,
    pub baselines: Cow<'static, [Baseline]>,
    pub gaps: Cow<'static, [Gap]>,
}

/// What the schemes file says about a place's territories.
#[derive(Debug)]
pub struct About<'s> {
    pub schemes: Vec<&'s Scheme>,
    pub baselines: Vec<&'s Baseline>,
    pub gaps: Vec<&'s Gap>,
}

/// Which of `edl`'s data files a text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Rollout,
    Schemes,
    /// Licences across borders (`data/recognition.toml`).
    Recognition,
}

/// Whether a TOML text is a schemes, recognition or rollout file, by the tables it has
/// (`[[scheme]]`, `[[baseline]]` are a schemes file's only; `[[convention]]`, `[[party]]` a
/// recognition file's; `[[gap]]`, `[[group]]` are in both, and say schemes unless a
/// recognition table follows). A text that shows none is taken for a rollout file, whose loader
/// then says what is wrong with it. Reads tokens, not a tree: a table name inside a string or
/// comment is no table.
pub fn file_kind(text: &str) -> FileKind {
    use toml_parser::lexer::TokenKind;
    let mut tokens = toml_parser::Source::new(text)
        .lex()
        .filter(|token| !matches!(token.kind(), TokenKind::Whitespace | TokenKind::Comment));
    let mut line_start = true;
    let mut shared = None;
    while let Some(token) = tokens.next() {
        let kind = token.kind();
        if line_start && kind == TokenKind::LeftSquareBracket {
            let mut name = tokens.next();
            if name.is_some_and(|name| name.kind() == TokenKind::LeftSquareBracket) {
                name = tokens.next();
            }
            if let Some(name) = name.filter(|name| name.kind() == TokenKind::Atom) {
                let span = name.span();
                match &text[span.start()..span.end()] {
                    "scheme" | "baseline" => return FileKind::Schemes,
                    "convention" | "party" => return FileKind::Recognition,
                    "gap" | "group" => shared = Some(FileKind::Schemes),
                    "default" | "fact" | "milestone" => {
                        return shared.unwrap_or(FileKind::Rollout);
                    }
                    _ => {}
                }
            }
            line_start = false;
            continue;
        }
        line_start = kind == TokenKind::Newline;
    }
    shared.unwrap_or(FileKind::Rollout)
}

/// Ids given once each, per kind of entry.
#[derive(Default)]
struct Ids {
    seen: HashSet<(&'static str, String)>,
}

impl Ids {
    fn add(&mut self, problems: &mut Problems<'_>, kind: &'static str, id: &Spanned<String>) {
        if !self.seen.insert((kind, id.get_ref().clone())) {
            problems.add(
                id.span(),
                format!("{kind} `{}` is defined twice", id.get_ref()),
            );
        }
    }
}

/// Checks that a list of sources is not empty and that the grade given is not above its best.
fn check_grade(
    problems: &mut Problems<'_>,
    whose: &str,
    grade: &Spanned<Quality>,
    sources: &[usize],
    all: &[Source],
) {
    let best = sources.iter().map(|&source| all[source].quality).max();
    if let Some(best) = best
        && *grade.get_ref() > best
    {
        problems.add(
            grade.span(),
            format!(
                "{whose} is graded {} but its best source is only {}",
                grade.get_ref().id(),
                best.id()
            ),
        );
    }
}

/// The territory a code names, or a problem at its place.
fn territory(
    problems: &mut Problems<'_>,
    code: &Spanned<String>,
    whose: &str,
) -> Option<Territory> {
    let text = code.get_ref();
    let found = Territory::parse(text);
    if found.is_none() {
        let hint = World::bundled()
            .by_code(text)
            .and_then(Territory::of)
            .map_or(String::new(), |known| {
                format!(" (write it `{}`)", known.code())
            });
        problems.add(
            code.span(),
            format!("`{text}` in {whose} is no country or subdivision code{hint}"),
        );
    }
    found
}

impl Schemes {
    /// Parses and validates a schemes file. Every problem found is returned, each naming `file`,
    /// its line and column, and what is wrong.
    pub fn parse(text: &str, file: &str) -> Result<Schemes, Vec<DataError>> {
        let raw: RawSchemes = read_toml(text, file, "schemes")?;
        let mut problems = Problems::new(file, text);
        let mut ids = Ids::default();

        let mut known_sources: HashMap<String, usize> = HashMap::new();
        let mut sources = Vec::with_capacity(raw.source.len());
        for source in raw.source {
            ids.add(&mut problems, "source", &source.id);
            known_sources
                .entry(source.id.get_ref().clone())
                .or_insert(sources.len());
            sources.push(Source {
                id: source.id.into_inner().into(),
                title: source.title.into(),
                url: source.url.map(Into::into),
                quality: source.quality,
            });
        }
        let known: HashMap<&str, usize> = known_sources
            .iter()
            .map(|(id, &index)| (id.as_str(), index))
            .collect();
        let cited = |problems: &mut Problems<'_>,
                     id: &Spanned<String>,
                     kind: &str,
                     list: &[Spanned<String>]| {
            if list.is_empty() {
                problems.add(
                    id.span(),
                    format!("{kind} `{}` has no source", id.get_ref()),
                );
            }
            problems.sources(list, &known).into()
        };

        let as_of = problems.date(&raw.as_of).unwrap_or(NaiveDate::MIN);

        let mut groups = Vec::with_capacity(raw.group.len());
        for group in &raw.group {
            ids.add(&mut problems, "group", &group.id);
            let whose = format!("group `{}`", group.id.get_ref());
            let members = group
                .members
                .iter()
                .filter_map(|code| territory(&mut problems, code, &whose))
                .collect();
            groups.push(Group {
                id: group.id.get_ref().clone().into(),
                name: group.name.clone().into(),
                members,
                sources: cited(&mut problems, &group.id, "group", &group.sources),
            });
        }
        let group_index = |id: &str| groups.iter().position(|group| group.id == id);

        let mut schemes = Vec::with_capacity(raw.scheme.len());
        for scheme in &raw.scheme {
            ids.add(&mut problems, "scheme", &scheme.id);
            let whose = format!("scheme `{}`", scheme.id.get_ref());
            let issuer = match group_index(scheme.issuer.get_ref()) {
                Some(group) => Some(Issuer::Group(group)),
                None => territory(&mut problems, &scheme.issuer, &whose).map(Issuer::Territory),
            };
            let rollout = scheme
                .rollout
                .iter()
                .filter_map(|code| territory(&mut problems, code, &whose))
                .collect();
            schemes.push(Scheme {
                id: scheme.id.get_ref().clone().into(),
                issuer: issuer.unwrap_or(Issuer::Group(usize::MAX)),
                name: problems.wording(&whose, "name", &scheme.name, &scheme.name_zh),
                form: scheme.form,
                rollout,
                on_request: false,
            });
        }
        let scheme_index = |id: &str| schemes.iter().position(|scheme| scheme.id == id);

        let mut rules = Vec::with_capacity(raw.rule.len());
        for rule in &raw.rule {
            ids.add(&mut problems, "rule", &rule.id);
            let id = rule.id.get_ref();
            let whose = format!("rule `{id}`");
            let covers = match (&rule.scheme, &rule.issued_in) {
                (Some(scheme), None) => match scheme_index(scheme.get_ref()) {
                    Some(index) => Some(Covers::Scheme(index)),
                    None => {
                        problems.add(
                            scheme.span(),
                            format!("scheme `{}` in {whose} is not defined", scheme.get_ref()),
                        );
                        None
                    }
                },
                (None, Some(country)) => {
                    territory(&mut problems, country, &whose).and_then(|found| {
                        if found.country() == found.code() {
                            Some(Covers::IssuedIn(found.code()))
                        } else {
                            problems.add(
                                country.span(),
                                format!(
                                    "issued_in of {whose} must be a country, not `{}`",
                                    found.code()
                                ),
                            );
                            None
                        }
                    })
                }
                (Some(scheme), Some(_)) => {
                    problems.add(
                        scheme.span(),
                        format!("{whose} gives both scheme and issued_in: give one"),
                    );
                    None
                }
                (None, None) => {
                    problems.add(
                        rule.id.span(),
                        format!("{whose} gives neither scheme nor issued_in"),
                    );
                    None
                }
            };
            if rule.places.get_ref().is_empty() {
                problems.add(
                    rule.places.span(),
                    format!("{whose} says nowhere (`in` is empty)"),
                );
            }
            let places: Vec<Place> = rule
                .places
                .get_ref()
                .iter()
                .filter_map(|place| match place.get_ref().as_str() {
                    "issuer" => Some(Place::Issuer),
                    "elsewhere" => Some(Place::Elsewhere),
                    name => match group_index(name) {
                        Some(group) => Some(Place::Group(group)),
                        None => territory(&mut problems, place, &whose).map(Place::Territory),
                    },
                })
                .collect();
            if let (Some(by), outcome) = (&rule.by, rule.outcome.get_ref())
                && *outcome != Outcome::Counts
            {
                problems.add(
                    by.span(),
                    format!("{whose}: `by` goes only with outcome = \"counts\" (an agency's practice of accepting it)"),
                );
            }
            if let (Some(by_zh), None) = (&rule.by_zh, &rule.by) {
                problems.add(by_zh.span(), format!("{whose} gives by_zh but no `by`"));
            }
            let by = rule
                .by
                .as_ref()
                .map(|by| problems.wording(&whose, "by", by.get_ref(), &rule.by_zh));
            let may_not_hold = match &rule.may_not_hold {
                Some(flag) if *flag.get_ref() && *rule.outcome.get_ref() != Outcome::Counts => {
                    problems.add(
                        flag.span(),
                        format!("{whose}: `may_not_hold` goes only with outcome = \"counts\""),
                    );
                    false
                }
                Some(flag) => *flag.get_ref(),
                None => false,
            };
            let from = rule.from.as_ref().and_then(|date| problems.date(date));
            let until = rule.until.as_ref().and_then(|date| problems.date(date));
            if let (Some(from), Some(until), Some(span)) = (from, until, &rule.until)
                && until <= from
            {
                problems.add(
                    span.span(),
                    format!("{whose} ends ({until}) before it starts ({from})"),
                );
            }
            let issued_from = rule
                .issued_from
                .as_ref()
                .and_then(|date| problems.date(date));
            let issued_before = rule
                .issued_before
                .as_ref()
                .and_then(|date| problems.date(date));
            if let (Some(from), Some(before), Some(span)) =
                (issued_from, issued_before, &rule.issued_before)
                && before <= from
            {
                problems.add(
                    span.span(),
                    format!("{whose}: issued_before ({before}) is not after issued_from ({from})"),
                );
            }
            let stages = match &rule.stages {
                Some(stages) if stages.get_ref().is_empty() => {
                    problems.add(
                        stages.span(),
                        format!("{whose} holds for no stage (leave `stages` out for all)"),
                    );
                    Vec::new()
                }
                Some(stages) => stages.get_ref().clone(),
                None => Vec::new(),
            };
            let phone_failure = rule
                .phone_failure
                .as_ref()
                .and_then(|failure| phone_failure(&mut problems, failure, &whose));
            let cited_sources = cited(&mut problems, &rule.id, "rule", &rule.sources);
            check_grade(&mut problems, &whose, &rule.grade, &cited_sources, &sources);
            let note = problems.wording(&whose, "note", &rule.note, &rule.note_zh);
            if let Some(covers) = covers {
                rules.push(Rule {
                    id: id.clone().into(),
                    covers,
                    places: places.into(),
                    outcome: *rule.outcome.get_ref(),
                    by,
                    from,
                    until,
                    stages: stages.into(),
                    issued_from,
                    issued_before,
                    holder: rule.holder,
                    may_not_hold,
                    phone_failure,
                    grade: *rule.grade.get_ref(),
                    sources: cited_sources,
                    note,
                });
            }
        }

        for rule in rules.iter().filter(|rule| rule.may_not_hold) {
            if let Covers::Scheme(index) = rule.covers {
                schemes[index].on_request = true;
            }
        }

        let mut baselines = Vec::with_capacity(raw.baseline.len());
        for baseline in &raw.baseline {
            ids.add(&mut problems, "baseline", &baseline.id);
            let whose = format!("baseline `{}`", baseline.id.get_ref());
            if baseline.places.is_empty() {
                problems.add(
                    baseline.id.span(),
                    format!("{whose} says nowhere (`in` is empty)"),
                );
            }
            let places = baseline
                .places
                .iter()
                .filter_map(|code| territory(&mut problems, code, &whose))
                .collect();
            let licences = match baseline.licences.as_slice() {
                [any] if any.get_ref() == "any" => Licences::Any,
                [] => {
                    problems.add(
                        baseline.id.span(),
                        format!("{whose} is about nobody's licences (write [\"any\"] or issuers)"),
                    );
                    Licences::IssuedBy(Cow::Borrowed(&[]))
                }
                codes => Licences::IssuedBy(
                    codes
                        .iter()
                        .filter_map(|code| territory(&mut problems, code, &whose))
                        .collect(),
                ),
            };
            let cited_sources = cited(&mut problems, &baseline.id, "baseline", &baseline.sources);
            check_grade(
                &mut problems,
                &whose,
                &baseline.grade,
                &cited_sources,
                &sources,
            );
            baselines.push(Baseline {
                id: baseline.id.get_ref().clone().into(),
                places,
                licences,
                carry: baseline.carry,
                from: baseline.from.as_ref().and_then(|date| problems.date(date)),
                identity_document: baseline.identity_document.unwrap_or(false),
                produce_within_days: baseline.produce_within_days,
                grade: *baseline.grade.get_ref(),
                sources: cited_sources,
                note: problems.wording(&whose, "note", &baseline.note, &baseline.note_zh),
            });
        }

        let mut gaps = Vec::with_capacity(raw.gap.len());
        for gap in &raw.gap {
            ids.add(&mut problems, "gap", &gap.id);
            let whose = format!("gap `{}`", gap.id.get_ref());
            if gap.jurisdictions.is_empty() {
                problems.add(gap.id.span(), format!("{whose} names no jurisdiction"));
            }
            let jurisdictions = gap
                .jurisdictions
                .iter()
                .filter_map(|code| territory(&mut problems, code, &whose))
                .collect();
            gaps.push(Gap {
                id: gap.id.get_ref().clone().into(),
                jurisdictions,
                reason: problems.wording(&whose, "reason", &gap.reason, &gap.reason_zh),
                sources: problems.sources(&gap.sources, &known).into(),
            });
        }

        if problems.is_empty() {
            Ok(Schemes {
                version: raw.version.into(),
                as_of,
                sources: sources.into(),
                groups: groups.into(),
                schemes: schemes.into(),
                rules: rules.into(),
                baselines: baselines.into(),
                gaps: gaps.into(),
            })
        } else {
            Err(problems.into_found())
        }
    }

    /// The bundled file, as `build.rs` compiled it.
    pub fn bundled() -> &'static Schemes {
        &BUNDLED_SCHEMES
    }

    /// Reads and validates a schemes file; the error names the file and every problem in it.
    pub fn from_file(path: &Path) -> anyhow::Result<Schemes> {
        let name = path.display().to_string();
        let text = super::read_data_file(path, &name)?;
        Schemes::parse(&text, &name).map_err(|errors| DataErrors(errors).into())
    }

    /// What the file says about these territories (a place's, most specific first): the
    /// schemes they issue, the baselines and the gaps that name them.
    pub fn about(&self, territories: &[Territory]) -> About<'_> {
        About {
            schemes: self.issued_by(territories),
            baselines: self
                .baselines
                .iter()
                .filter(|baseline| baseline.places.iter().any(|p| territories.contains(p)))
                .collect(),
            gaps: self
                .gaps
                .iter()
                .filter(|gap| gap.jurisdictions.iter().any(|j| territories.contains(j)))
                .collect(),
        }
    }

    pub fn source(&self, index: usize) -> &Source {
        &self.sources[index]
    }

    /// The scheme a rule is about, where it names one.
    pub fn scheme_of(&self, rule: &Rule) -> Option<&Scheme> {
        match rule.covers {
            Covers::Scheme(index) => self.schemes.get(index),
            Covers::IssuedIn(_) => None,
        }
    }

    /// The rules about a scheme: its own, and those on every scheme of its issuer's country.
    pub fn rules_of<'s>(&'s self, scheme: &'s Scheme) -> impl Iterator<Item = &'s Rule> + 's {
        self.rules.iter().filter(move |rule| match rule.covers {
            Covers::Scheme(index) => std::ptr::eq(&self.schemes[index], scheme),
            Covers::IssuedIn(country) => {
                matches!(scheme.issuer, Issuer::Territory(issuer) if issuer.country() == country)
            }
        })
    }
}

fn phone_failure(
    problems: &mut Problems<'_>,
    raw: &Spanned<RawPhoneFailure>,
    whose: &str,
) -> Option<PhoneFailure> {
    let failure = raw.get_ref();
    let parsed = match (
        &failure.kind,
        failure.hours,
        failure.discretionary,
        failure.days,
    ) {
        (PhoneFailureKind::NoLicence, None, None, None) => Some(PhoneFailure::NoLicence),
        (PhoneFailureKind::Grace, Some(hours), discretionary, None) => Some(PhoneFailure::Grace {
            hours,
            discretionary: discretionary.unwrap_or(false),
        }),
        (PhoneFailureKind::ProduceWithin, None, None, Some(days)) => {
            Some(PhoneFailure::ProduceWithin { days })
        }
        _ => None,
    };
    if parsed.is_none() {
        problems.add(
            raw.span(),
            format!(
                "phone_failure of {whose} must be {{ kind = \"no-licence\" }}, {{ kind = \"grace\", hours = H }} (with discretionary = true or false) or {{ kind = \"produce-within\", days = D }}"
            ),
        );
    }
    parsed
}

#[cfg(test)]
mod tests;
