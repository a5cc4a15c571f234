//! The shapes scripts read, shared by every command (JSON schema version 4): one place object
//! wherever a place is reported (`check` stops and home, batch lines, `list`, `show`, an
//! error's candidates), and one error object wherever an answer could not be given.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::data::world::{PlaceKind, World, WorldPlace};
use crate::data::{Availability, Dataset, Division, Divisions, Kind, Level};
use crate::exit::ErrorKind;
use crate::i18n::{English, Messages};
use crate::place::{Gazetteer, Place as PlaceOf, PlaceError};
use crate::verdict::{self, Ambiguous, Assessment, Engine, Standing, Status, Verdict};

/// One place as every JSON answer reports it (a TSV row holds the same fields).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// What was asked for this place; for an error's candidate, a query that names it alone
    /// (`null` where none does); `null` in `list`, which nobody asked place by place.
    pub query: Option<String>,
    /// The GB/T 2260 code of a division; the ISO 3166 code of a world country or subdivision,
    /// the GeoNames id of a world town.
    pub code: String,
    /// The Chinese name of a division; the English name of a world place.
    pub name: String,
    /// `null` for a world place.
    pub pinyin: Option<String>,
    /// `null` for a world place.
    pub province: Option<String>,
    /// The city it is in or is: the prefecture-level division of its chain, or the
    /// municipality; `null` for a province, for the places of Hong Kong and Macau, and for a
    /// world place.
    pub prefecture: Option<String>,
    pub level: PlaceLevel,
    /// The ISO 3166-1 country (or territory: Hong Kong, Macau, Taiwan) the place is in or is.
    pub country: Option<Region>,
    /// The ISO 3166-2 first-level subdivision it is in or is, where the gazetteer knows it.
    pub subdivision: Option<Region>,
    /// When the e-license went live there; `null` outside the mainland, where it never does.
    pub window: Option<Window>,
    /// The 12123 e-license's rollout status there; `null` where a digital licence from beyond
    /// the mainland is enough (the e-license's status is then not the answer's).
    pub status: Option<Status>,
    /// The date the status and verdict are for: in `check`, the stop's own (`PLACE@DATE`) or
    /// the trip's (`--on`); the home's is the trip's first stop's.
    pub on: NaiveDate,
    /// The answer for this place alone on the date; in `check`, with the license state and the
    /// issuing place weighed as for the whole trip.
    pub verdict: Verdict,
    /// Why, in one English sentence; `null` in `list` (`edl show` gives it).
    pub reason: Option<String>,
    /// In `check`, a stop's documents to carry (ids: `digital-licence`, `licence-card`,
    /// `idp-1949`, `translation`, `temporary-permit`, …); absent elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carry: Option<Vec<String>>,
    /// The world row, for tables that name it in the reader's language; not in the JSON.
    #[serde(skip)]
    pub world: Option<&'static WorldPlace>,
}

/// What sort of place a place object is: a division's level, or a world place's kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlaceLevel {
    Province,
    Prefecture,
    County,
    Country,
    Subdivision,
    City,
}

impl PlaceLevel {
    pub fn id(self) -> &'static str {
        match self {
            PlaceLevel::Province => "province",
            PlaceLevel::Prefecture => "prefecture",
            PlaceLevel::County => "county",
            PlaceLevel::Country => "country",
            PlaceLevel::Subdivision => "subdivision",
            PlaceLevel::City => "city",
        }
    }
}

impl From<Level> for PlaceLevel {
    fn from(level: Level) -> PlaceLevel {
        match level {
            Level::Province => PlaceLevel::Province,
            Level::Prefecture => PlaceLevel::Prefecture,
            Level::County => PlaceLevel::County,
        }
    }
}

impl From<PlaceKind> for PlaceLevel {
    fn from(kind: PlaceKind) -> PlaceLevel {
        match kind {
            PlaceKind::Country => PlaceLevel::Country,
            PlaceKind::Subdivision => PlaceLevel::Subdivision,
            PlaceKind::City => PlaceLevel::City,
        }
    }
}

/// A country or first-level subdivision, by its ISO code and English name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    pub code: String,
    pub name: String,
}

impl Region {
    pub fn of(row: &WorldPlace) -> Region {
        Region {
            code: row.code().to_string(),
            name: row.name().to_string(),
        }
    }
}

/// The days between which the e-license went live at a place: equal when the day is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    /// The first day it may have been live.
    pub earliest: NaiveDate,
    /// The day by which it was surely live.
    pub latest: NaiveDate,
}

impl Window {
    pub fn of(availability: &Availability) -> Option<Window> {
        match availability {
            Availability::Window(window) => Some(Window {
                earliest: window.earliest.date,
                latest: window.latest.date,
            }),
            Availability::Never(_) => None,
        }
    }
}

impl Place {
    pub fn new(
        query: Option<&str>,
        standing: &Standing<'_>,
        divisions: &Divisions,
        verdict: Verdict,
        reason: Option<String>,
    ) -> Place {
        let assessed = Assessed {
            window: Window::of(&standing.availability),
            status: Some(standing.status),
            on: standing.on,
            verdict,
            reason,
        };
        Place::of_division(query, standing.division, divisions, assessed)
    }

    /// A place as a check assessed it: a division as `new` reports it; a world place by its
    /// own names, with the window of the division it lies in, if any.
    pub fn assessed(
        query: Option<&str>,
        assessment: &Assessment<'_>,
        divisions: &Divisions,
        verdict: Verdict,
        reason: Option<String>,
    ) -> Place {
        let assessed = Assessed {
            window: assessment
                .standing
                .as_ref()
                .and_then(|standing| Window::of(&standing.availability)),
            status: (assessment.judged_by == Engine::Rollout || !verdict.card_stays_home())
                .then_some(assessment.status),
            on: assessment.on,
            verdict,
            reason,
        };
        let row = match assessment.place {
            PlaceOf::Division(division) => {
                return Place::of_division(query, division, divisions, assessed);
            }
            PlaceOf::World(row) => row,
        };
        let world = World::bundled();
        Place {
            query: query.map(str::to_string),
            code: row.code().to_string(),
            name: row.name().to_string(),
            pinyin: None,
            province: None,
            prefecture: None,
            level: row.kind.into(),
            country: world.country_of(row).map(Region::of),
            subdivision: world.subdivision_of(row).map(Region::of),
            window: assessed.window,
            status: assessed.status,
            on: assessed.on,
            verdict: assessed.verdict,
            reason: assessed.reason,
            carry: None,
            world: Some(row),
        }
    }

    fn of_division(
        query: Option<&str>,
        division: &Division,
        divisions: &Divisions,
        assessed: Assessed,
    ) -> Place {
        let (country, subdivision) = PlaceOf::Division(division).regions(divisions);
        Place {
            query: query.map(str::to_string),
            code: division.code.to_string(),
            name: division.name().to_string(),
            pinyin: Some(division.pinyin_display().to_string()),
            province: Some(divisions.province_of(division).name().to_string()),
            prefecture: prefecture_of(divisions, division).map(|city| city.name().to_string()),
            level: division.level.into(),
            country: country.map(Region::of),
            subdivision: subdivision.map(Region::of),
            window: assessed.window,
            status: assessed.status,
            on: assessed.on,
            verdict: assessed.verdict,
            reason: assessed.reason,
            carry: None,
            world: None,
        }
    }
}

/// What an answer says of a place, whatever sort of place it is.
struct Assessed {
    window: Option<Window>,
    status: Option<Status>,
    on: NaiveDate,
    verdict: Verdict,
    reason: Option<String>,
}

/// The prefecture-level division a place is in or is, or the municipality.
pub fn prefecture_of<'d>(divisions: &'d Divisions, division: &'d Division) -> Option<&'d Division> {
    divisions
        .chain(division)
        .find(|d| d.level == Level::Prefecture || d.kind == Kind::Municipality)
}

/// An error, for scripts: always in English, whatever the language of the stderr line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ErrorReport {
    pub kind: ErrorKind,
    pub message: String,
    /// The text the error is about, where there is one.
    pub query: Option<String>,
    /// The places an ambiguous query could mean, each with its own verdict on the date.
    pub candidates: Vec<Place>,
    /// The places an unknown query might have meant (did you mean…), with their verdicts: kept
    /// apart from `candidates`, since the query names none of them.
    pub suggestions: Vec<Place>,
}

/// What `edl … --format json` writes on stdout when a command ends in an error.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct ErrorAnswer {
    pub schema_version: u32,
    pub exit_code: u8,
    pub error: ErrorReport,
}

/// An error that ends a command: one line in the user's language on stderr, and, for a script
/// that asked for JSON, its report on stdout.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    /// Boxed: a `Result` carrying a failure stays small on the path that succeeds.
    pub report: Box<ErrorReport>,
}

impl Failure {
    /// An error with no query and no candidates.
    pub fn plain(kind: ErrorKind, message: String, english: String) -> Failure {
        Failure {
            message,
            report: Box::new(ErrorReport {
                kind,
                message: english,
                query: None,
                candidates: Vec::new(),
                suggestions: Vec::new(),
            }),
        }
    }

    /// The same error, said to be about an option's value (`in --home: …`): `prefix` in the
    /// user's language, `english` for the report.
    pub fn within(mut self, prefix: &str, english: &str) -> Failure {
        self.message = format!("{prefix}{}", self.message);
        self.report.message = format!("{english}{}", self.report.message);
        self
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}

impl Failure {
    /// An error said in the user's words (`messages`) on stderr and in English in its report;
    /// `report` writes it in the words it is given.
    pub fn new(messages: &dyn Messages, report: impl Fn(&dyn Messages) -> ErrorReport) -> Failure {
        Failure {
            message: report(messages).message,
            report: Box::new(report(&English)),
        }
    }
}

/// A candidate of an error: the place on the date, with its own verdict and a query that
/// names it alone.
fn candidate<'d>(
    dataset: &'d Dataset,
    gazetteer: &Gazetteer<'d>,
    place: PlaceOf<'d>,
    on: NaiveDate,
    verdict: Option<Verdict>,
) -> Place {
    let assessment = verdict::assess_place(dataset, place, on);
    Place::assessed(
        gazetteer.hint_for(place).as_deref(),
        &assessment,
        dataset.divisions,
        verdict.unwrap_or_else(|| assessment.verdict()),
        Some(English.reason(&assessment.why, place)),
    )
}

/// A query that matched nothing usable; an unknown one lists the places it might have meant.
pub fn place_error_report<'d>(
    dataset: &'d Dataset,
    gazetteer: &Gazetteer<'d>,
    error: &PlaceError,
    on: NaiveDate,
    messages: &dyn Messages,
) -> ErrorReport {
    let (kind, query, suggestions) = match error {
        PlaceError::Empty => (ErrorKind::EmptyPlace, None, Vec::new()),
        PlaceError::TooLong { .. } => (ErrorKind::PlaceTooLong, None, Vec::new()),
        PlaceError::Several { query, .. } => (ErrorKind::SeveralPlaces, Some(query), Vec::new()),
        PlaceError::Unknown { query, suggestions } => (
            ErrorKind::UnknownPlace,
            Some(query),
            suggestions
                .iter()
                .filter_map(|&code| dataset.divisions.get(code))
                .map(|division| {
                    candidate(dataset, gazetteer, PlaceOf::Division(division), on, None)
                })
                .collect(),
        ),
    };
    ErrorReport {
        kind,
        message: crate::i18n::place_error(dataset.divisions, error, messages),
        query: query.cloned(),
        candidates: Vec::new(),
        suggestions,
    }
}

/// A stop whose candidates get different answers: each with the verdict it would get.
pub fn ambiguous_report<'d>(
    dataset: &'d Dataset,
    gazetteer: &Gazetteer<'d>,
    ambiguous: &Ambiguous<'d>,
    messages: &dyn Messages,
) -> ErrorReport {
    ErrorReport {
        suggestions: Vec::new(),
        kind: ErrorKind::AmbiguousPlace,
        message: messages.ambiguous(ambiguous),
        query: Some(ambiguous.query.clone()),
        candidates: ambiguous
            .candidates
            .iter()
            .map(|&(place, verdict)| {
                candidate(dataset, gazetteer, place, ambiguous.on, Some(verdict))
            })
            .collect(),
    }
}

/// A query that fits several places where one is wanted (`show`, `--home`, `--province`).
pub fn several_places_report<'d>(
    dataset: &'d Dataset,
    gazetteer: &Gazetteer<'d>,
    query: &str,
    places: &[PlaceOf<'d>],
    on: NaiveDate,
    messages: &dyn Messages,
) -> ErrorReport {
    let listed: Vec<(PlaceOf<'_>, Option<String>)> = places
        .iter()
        .map(|&place| (place, gazetteer.hint_for(place)))
        .collect();
    ErrorReport {
        suggestions: Vec::new(),
        kind: ErrorKind::AmbiguousPlace,
        message: messages.several_places(query, &listed),
        query: Some(query.to_string()),
        candidates: places
            .iter()
            .map(|&place| candidate(dataset, gazetteer, place, on, None))
            .collect(),
    }
}
