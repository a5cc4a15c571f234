//! The rules: what a place's live window means on a date, what a license state allows, and how
//! the stops of a trip combine into one verdict with its reasons.

use std::fmt;
use std::str::FromStr;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::data::rollout::Milestone;
use crate::data::rollout::Text;
use crate::data::{Availability, Basis, Dataset, Division, Kind, Level, LiveWindow, Quality};
use crate::place::{Gazetteer, PlaceNote, Resolved};

/// The license status as the 交管12123 app shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LicenseState {
    Normal,
    ViolationPending,
    AccidentPending,
    FullPoints,
    Suspended,
    Detained,
    OverdueRenewal,
    OverdueReview,
    OverdueExam,
    Revoked,
    Cancelled,
    Withdrawn,
    Locked,
    Stopped,
}

/// What a license state allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LicenseClass {
    /// The e-license shows and may be used.
    Usable,
    /// The app shows the e-license with a red code: it may not be used to drive.
    RedCode,
    /// The app no longer shows the e-license at all.
    NotShown,
}

impl LicenseState {
    pub const ALL: [LicenseState; 14] = [
        LicenseState::Normal,
        LicenseState::ViolationPending,
        LicenseState::AccidentPending,
        LicenseState::FullPoints,
        LicenseState::Suspended,
        LicenseState::Detained,
        LicenseState::OverdueRenewal,
        LicenseState::OverdueReview,
        LicenseState::OverdueExam,
        LicenseState::Revoked,
        LicenseState::Cancelled,
        LicenseState::Withdrawn,
        LicenseState::Locked,
        LicenseState::Stopped,
    ];

    /// The stable English id used on the command line and in JSON.
    pub fn id(self) -> &'static str {
        self.terms().0
    }

    /// The term the 交管12123 app uses.
    pub fn chinese(self) -> &'static str {
        self.terms().1
    }

    fn terms(self) -> (&'static str, &'static str) {
        match self {
            LicenseState::Normal => ("normal", "正常"),
            LicenseState::ViolationPending => ("violation-pending", "违法未处理"),
            LicenseState::AccidentPending => ("accident-pending", "事故未处理"),
            LicenseState::FullPoints => ("full-points", "记满12分"),
            LicenseState::Suspended => ("suspended", "暂扣"),
            LicenseState::Detained => ("detained", "扣留"),
            LicenseState::OverdueRenewal => ("overdue-renewal", "逾期未换证"),
            LicenseState::OverdueReview => ("overdue-review", "逾期未审验"),
            LicenseState::OverdueExam => ("overdue-exam", "逾期未体检"),
            LicenseState::Revoked => ("revoked", "吊销"),
            LicenseState::Cancelled => ("cancelled", "注销"),
            LicenseState::Withdrawn => ("withdrawn", "撤销"),
            LicenseState::Locked => ("locked", "锁定"),
            LicenseState::Stopped => ("stopped", "停止使用"),
        }
    }

    pub fn class(self) -> LicenseClass {
        match self {
            LicenseState::Normal
            | LicenseState::ViolationPending
            | LicenseState::AccidentPending => LicenseClass::Usable,
            LicenseState::FullPoints
            | LicenseState::Suspended
            | LicenseState::Detained
            | LicenseState::OverdueRenewal
            | LicenseState::OverdueReview
            | LicenseState::OverdueExam => LicenseClass::RedCode,
            LicenseState::Revoked
            | LicenseState::Cancelled
            | LicenseState::Withdrawn
            | LicenseState::Locked
            | LicenseState::Stopped => LicenseClass::NotShown,
        }
    }
}

impl fmt::Display for LicenseState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for LicenseState {
    type Err = String;

    /// Accepts the English id or the Chinese term.
    fn from_str(text: &str) -> Result<LicenseState, String> {
        let text = text.trim();
        LicenseState::ALL
            .into_iter()
            .find(|state| state.id().eq_ignore_ascii_case(text) || state.chinese() == text)
            .ok_or_else(|| {
                let known: Vec<&str> = LicenseState::ALL.iter().map(|state| state.id()).collect();
                format!(
                    "unknown license state (use one of {}, or the app's Chinese term)",
                    known.join(", ")
                )
            })
    }
}

/// A place's e-license status on a date.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Live,
    /// The date is inside the window: the exact day is not known.
    Uncertain,
    NotYet,
    /// Outside the mainland: the e-license is not valid there at all.
    NotCovered,
}

impl Status {
    pub fn id(self) -> &'static str {
        match self {
            Status::Live => "live",
            Status::Uncertain => "uncertain",
            Status::NotYet => "not-yet",
            Status::NotCovered => "not-covered",
        }
    }

    pub fn on(availability: &Availability, date: NaiveDate) -> Status {
        match availability {
            Availability::Never(_) => Status::NotCovered,
            Availability::Window(window) if date < window.earliest.date => Status::NotYet,
            Availability::Window(window) if date >= window.latest.date => Status::Live,
            Availability::Window(_) => Status::Uncertain,
        }
    }
}

/// The answer for a trip, in order of severity; [`Verdict::exit_code`] gives the exit codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    ELicense,
    BringCard,
    NoValidLicense,
}

impl Verdict {
    pub fn id(self) -> &'static str {
        match self {
            Verdict::ELicense => "e-license",
            Verdict::BringCard => "bring-card",
            Verdict::NoValidLicense => "no-valid-license",
        }
    }

    /// The documented exit code: 0, 1 or 3 (2 is every error).
    pub fn exit_code(self) -> u8 {
        match self {
            Verdict::ELicense => 0,
            Verdict::BringCard => 1,
            Verdict::NoValidLicense => 3,
        }
    }

    fn of(status: Status) -> Verdict {
        if status == Status::Live {
            Verdict::ELicense
        } else {
            Verdict::BringCard
        }
    }
}

/// Where a place stands on a date: its window and its status. Cheap: no reasons are written.
#[derive(Clone, Debug)]
pub struct Standing<'d> {
    pub division: &'d Division,
    pub province: &'d Division,
    pub availability: Availability,
    pub status: Status,
}

impl<'d> Standing<'d> {
    pub fn verdict(&self) -> Verdict {
        Verdict::of(self.status)
    }

    pub fn placed(&self) -> Placed<'d> {
        Placed {
            division: self.division,
            province: self.province,
        }
    }
}

/// A division with its province, as sentences name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placed<'d> {
    pub division: &'d Division,
    pub province: &'d Division,
}

pub fn standing<'d>(dataset: &'d Dataset, division: &'d Division, on: NaiveDate) -> Standing<'d> {
    let availability = dataset.availability(division);
    Standing {
        division,
        province: dataset.divisions.province_of(division),
        status: Status::on(&availability, on),
        availability,
    }
}

/// Where many places stand on a date, in the order given (code order is fastest).
pub fn standings<'d, I>(
    dataset: &'d Dataset,
    places: I,
    on: NaiveDate,
) -> impl Iterator<Item = Standing<'d>> + 'd
where
    I: IntoIterator<Item = &'d Division>,
    I::IntoIter: 'd,
{
    let availabilities = dataset.rollout.availabilities(places, dataset.divisions);
    availabilities.map(move |(division, availability)| Standing {
        division,
        province: dataset.divisions.province_of(division),
        status: Status::on(&availability, on),
        availability,
    })
}

/// What a place's status on a date comes to, before it is put into words (`i18n` does that).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// Outside the mainland, where the e-license is not valid.
    Outside,
    LiveSince(NaiveDate),
    /// Live by this day at the latest; the exact day is not known.
    LiveBy(NaiveDate),
    /// A province whose every place was live by this day.
    RegionLiveBy(NaiveDate),
    NotUntil(NaiveDate),
    NotBefore {
        earliest: NaiveDate,
        latest: NaiveDate,
    },
    /// The date falls inside the window: the exact day is not known.
    Uncertain {
        earliest: NaiveDate,
        latest: NaiveDate,
        on: NaiveDate,
    },
    /// A province whose places went live over the window.
    RegionUncertain {
        earliest: NaiveDate,
        latest: NaiveDate,
        on: NaiveDate,
    },
}

/// What a window rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ground<'d> {
    /// A fact of the rollout file, by id, with the quality of its best source.
    Fact { id: Text, quality: Quality },
    /// No fact names the place: both bounds come from `[default]`.
    DefaultWindow {
        earliest: NaiveDate,
        latest: NaiveDate,
    },
    /// No fact gives the earliest day: the second batch's start.
    DefaultEarliest(NaiveDate),
    /// No fact gives the latest day: the end-of-2021 target.
    DefaultLatest(NaiveDate),
    /// A province's bound is that of the place in it that sets it.
    Place {
        division: &'d Division,
        date: NaiveDate,
    },
}

/// Why a place stands where it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Why<'d> {
    pub reason: Reason,
    pub grounds: Vec<Ground<'d>>,
    /// Every source behind a bound of the window is of low quality.
    pub low_quality: bool,
}

/// One place assessed on one date: where it stands, and why.
#[derive(Clone, Debug)]
pub struct Assessment<'d> {
    pub standing: Standing<'d>,
    pub why: Why<'d>,
}

/// An assessment is a standing with its reasons; reading through to the standing keeps call
/// sites short (`place.division`, `place.status`).
impl<'d> std::ops::Deref for Assessment<'d> {
    type Target = Standing<'d>;

    fn deref(&self) -> &Standing<'d> {
        &self.standing
    }
}

pub fn assess<'d>(dataset: &'d Dataset, division: &'d Division, on: NaiveDate) -> Assessment<'d> {
    let standing = standing(dataset, division, on);
    let why = match &standing.availability {
        Availability::Never(facts) => Why {
            reason: Reason::Outside,
            grounds: Vec::new(),
            low_quality: facts
                .iter()
                .all(|&fact| dataset.rollout.fact_quality(fact) == Quality::Low),
        },
        Availability::Window(window) => Why {
            reason: reason(window, standing.status, on),
            grounds: grounds(dataset, window),
            low_quality: dataset.rollout.rests_on_low_quality(window),
        },
    };
    Assessment { standing, why }
}

fn reason(window: &LiveWindow, status: Status, on: NaiveDate) -> Reason {
    let region = matches!(window.latest.basis, Basis::Place(_));
    let (earliest, latest) = (window.earliest.date, window.latest.date);
    match status {
        Status::Live if window.is_exact() => Reason::LiveSince(earliest),
        Status::Live if region => Reason::RegionLiveBy(latest),
        Status::Live => Reason::LiveBy(latest),
        Status::NotYet if window.is_exact() => Reason::NotUntil(earliest),
        Status::NotYet => Reason::NotBefore { earliest, latest },
        Status::Uncertain if region => Reason::RegionUncertain {
            earliest,
            latest,
            on,
        },
        Status::Uncertain | Status::NotCovered => Reason::Uncertain {
            earliest,
            latest,
            on,
        },
    }
}

/// The facts behind a window, each once: fact ids with their quality, or why the default holds.
fn grounds<'d>(dataset: &'d Dataset, window: &LiveWindow) -> Vec<Ground<'d>> {
    let default = &dataset.rollout.default;
    if window.earliest.basis == Basis::Default && window.latest.basis == Basis::Default {
        return vec![Ground::DefaultWindow {
            earliest: default.earliest,
            latest: default.latest,
        }];
    }
    let mut grounds: Vec<Ground<'d>> = Vec::new();
    for (bound, default_ground) in [
        (&window.earliest, Ground::DefaultEarliest(default.earliest)),
        (&window.latest, Ground::DefaultLatest(default.latest)),
    ] {
        let found: Vec<Ground<'d>> = match &bound.basis {
            Basis::Facts(facts) => facts
                .iter()
                .map(|&fact| Ground::Fact {
                    id: dataset.rollout.facts[fact].id.clone(),
                    quality: dataset.rollout.fact_quality(fact),
                })
                .collect(),
            Basis::Default => vec![default_ground],
            Basis::Place(code) => dataset
                .divisions
                .get(*code)
                .map(|division| Ground::Place {
                    division,
                    date: bound.date,
                })
                .into_iter()
                .collect(),
        };
        for ground in found {
            if !grounds.contains(&ground) {
                grounds.push(ground);
            }
        }
    }
    grounds
}

/// What the user asked about one stop, the divisions it may mean, and what reading it assumed.
#[derive(Clone, Debug)]
pub struct Query<'d> {
    pub text: String,
    pub candidates: Vec<&'d Division>,
    pub notes: Vec<PlaceNote<'d>>,
    /// For each candidate of an ambiguous query, a query that names it alone.
    pub hints: Vec<String>,
}

impl<'d> Query<'d> {
    pub fn new(text: String, resolved: Resolved<'d>, gazetteer: &Gazetteer<'d>) -> Query<'d> {
        let hints = if resolved.places.len() > 1 {
            resolved.places.iter().map(|d| gazetteer.hint(d)).collect()
        } else {
            Vec::new()
        };
        Query {
            text,
            candidates: resolved.places,
            notes: resolved.notes,
            hints,
        }
    }
}

/// One stop of a trip: usually one place; several when the query was ambiguous but every
/// candidate gets the same verdict.
#[derive(Debug)]
pub struct Stop<'d> {
    pub query: String,
    pub places: Vec<Assessment<'d>>,
}

impl Stop<'_> {
    pub fn verdict(&self) -> Verdict {
        self.places
            .iter()
            .map(|place| place.verdict())
            .max()
            .unwrap_or(Verdict::ELicense)
    }
}

/// Something worth telling about a trip, before it is put into words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note<'d> {
    /// A name that fits several places, all with the same verdict on the date.
    Ambiguous {
        query: String,
        places: Vec<Placed<'d>>,
        on: NaiveDate,
    },
    /// The license's home was not surely issuing e-licenses on the date.
    Home {
        places: Vec<Placed<'d>>,
        on: NaiveDate,
    },
    /// The license state does not allow driving.
    License(LicenseState),
    /// The data is more than a year older than the date.
    Stale { as_of: NaiveDate, date: NaiveDate },
    /// What reading a stop's query assumed.
    Place(PlaceNote<'d>),
}

/// The answer for a whole trip.
#[derive(Debug)]
pub struct Trip<'d> {
    pub on: NaiveDate,
    pub license: LicenseState,
    pub stops: Vec<Stop<'d>>,
    pub home: Option<Stop<'d>>,
    pub verdict: Verdict,
    pub notes: Vec<Note<'d>>,
}

impl Trip<'_> {
    /// Whether the standing advice on using the e-license applies: not when the license may
    /// not be used anyway.
    pub fn advice_applies(&self) -> bool {
        self.verdict != Verdict::NoValidLicense
    }
}

/// A query whose candidates get different verdicts: only the user can choose.
#[derive(Debug)]
pub struct Ambiguous<'d> {
    pub query: String,
    pub on: NaiveDate,
    pub candidates: Vec<(Placed<'d>, Verdict)>,
    /// A query that names each candidate alone, in the same order.
    pub hints: Vec<String>,
}

/// Judges a trip: every stop (and the license's home, if given) on the date, with the license.
pub fn judge<'d>(
    dataset: &'d Dataset,
    on: NaiveDate,
    license: LicenseState,
    stops: Vec<Query<'d>>,
    home: Option<Query<'d>>,
) -> Result<Trip<'d>, Ambiguous<'d>> {
    let mut notes = Vec::new();
    let mut judge_stop = |query: Query<'d>| -> Result<Stop<'d>, Ambiguous<'d>> {
        let places: Vec<Assessment<'d>> = query
            .candidates
            .iter()
            .map(|division| assess(dataset, division, on))
            .collect();
        // A license that may not drive settles every candidate alike: no need to choose.
        let usable = license.class() == LicenseClass::Usable;
        if usable
            && places
                .iter()
                .any(|place| place.verdict() != places[0].verdict())
        {
            return Err(Ambiguous {
                query: query.text,
                on,
                candidates: places
                    .iter()
                    .map(|place| (place.placed(), place.verdict()))
                    .collect(),
                hints: query.hints,
            });
        }
        notes.extend(query.notes.into_iter().map(Note::Place));
        if places.len() > 1 {
            notes.push(Note::Ambiguous {
                query: query.text.clone(),
                places: places.iter().map(|place| place.placed()).collect(),
                on,
            });
        }
        Ok(Stop {
            query: query.text,
            places,
        })
    };
    let stops = stops
        .into_iter()
        .map(&mut judge_stop)
        .collect::<Result<Vec<_>, _>>()?;
    let home = home.map(&mut judge_stop).transpose()?;

    let mut verdict = stops
        .iter()
        .map(Stop::verdict)
        .max()
        .unwrap_or(Verdict::ELicense);
    if let Some(home) = &home
        && home.verdict() != Verdict::ELicense
    {
        verdict = verdict.max(Verdict::BringCard);
        notes.push(Note::Home {
            places: home.places.iter().map(|place| place.placed()).collect(),
            on,
        });
    }
    if license.class() != LicenseClass::Usable {
        verdict = Verdict::NoValidLicense;
        notes.push(Note::License(license));
    }
    notes.extend(staleness(dataset, on));
    Ok(Trip {
        on,
        license,
        stops,
        home,
        verdict,
        notes,
    })
}

/// A national step of the rollout with the places the data shows live by its date.
#[derive(Debug)]
pub struct Step<'r> {
    pub milestone: &'r Milestone,
    /// Cities (prefecture-level places and municipalities) surely live on the step's date.
    pub live: usize,
    /// How many of those were not surely live at the step before.
    pub new: usize,
    /// Cities that may or may not have been live on that date.
    pub uncertain: usize,
}

/// The rollout's milestones, each with how many cities the data shows live by then.
pub fn timeline(dataset: &Dataset) -> Vec<Step<'_>> {
    let cities: Vec<Availability> = dataset
        .divisions
        .iter()
        .filter(|d| d.level == Level::Prefecture || d.kind == Kind::Municipality)
        .map(|d| dataset.availability(d))
        .collect();
    let mut previous = 0;
    dataset
        .rollout
        .milestones
        .iter()
        .map(|milestone| {
            let count = |wanted: Status| {
                cities
                    .iter()
                    .filter(|a| Status::on(a, milestone.date) == wanted)
                    .count()
            };
            let live = count(Status::Live);
            let step = Step {
                milestone,
                live,
                new: live.saturating_sub(previous),
                uncertain: count(Status::Uncertain),
            };
            previous = live;
            step
        })
        .collect()
}

/// A warning when the data is more than a year older than the date asked about.
pub fn staleness<'d>(dataset: &Dataset, date: NaiveDate) -> Option<Note<'d>> {
    let as_of = dataset.rollout.as_of;
    let limit = as_of.checked_add_months(Months::new(12))?;
    (date > limit).then_some(Note::Stale { as_of, date })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Bound;

    #[test]
    fn license_states_parse_from_english_or_chinese() {
        assert_eq!("suspended".parse(), Ok(LicenseState::Suspended));
        assert_eq!("违法未处理".parse(), Ok(LicenseState::ViolationPending));
        assert_eq!("记满12分".parse(), Ok(LicenseState::FullPoints));
        assert!("sleepy".parse::<LicenseState>().is_err());
        for state in LicenseState::ALL {
            assert_eq!(state.id().parse(), Ok(state));
            assert_eq!(state.chinese().parse(), Ok(state));
        }
    }

    #[test]
    fn verdicts_order_by_severity_and_map_to_exit_codes() {
        assert!(
            Verdict::ELicense < Verdict::BringCard && Verdict::BringCard < Verdict::NoValidLicense
        );
        let codes: Vec<u8> = [
            Verdict::ELicense,
            Verdict::BringCard,
            Verdict::NoValidLicense,
        ]
        .into_iter()
        .map(Verdict::exit_code)
        .collect();
        assert_eq!(codes, [0, 1, 3]);
    }

    #[test]
    fn status_follows_the_window() {
        let day = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
        let bound = |d: &str| Bound {
            date: day(d),
            basis: Basis::Default,
        };
        let window = Availability::Window(LiveWindow {
            earliest: bound("2021-10-20"),
            latest: bound("2021-10-26"),
        });
        assert_eq!(Status::on(&window, day("2021-10-19")), Status::NotYet);
        assert_eq!(Status::on(&window, day("2021-10-20")), Status::Uncertain);
        assert_eq!(Status::on(&window, day("2021-10-25")), Status::Uncertain);
        assert_eq!(Status::on(&window, day("2021-10-26")), Status::Live);
        assert_eq!(
            Status::on(&Availability::Never(Default::default()), day("2030-01-01")),
            Status::NotCovered
        );
    }
}
