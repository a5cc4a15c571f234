//! The rules: what a place's live window means on a date, what a license state allows, and how
//! the stops of a trip combine into one verdict with its reasons.

use std::fmt;
use std::str::FromStr;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::data::rollout::Milestone;
use crate::data::{Availability, Basis, Dataset, Division, Kind, Level, LiveWindow};

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

    /// What the state means for a driver, in a phrase.
    pub fn meaning(self) -> &'static str {
        match self {
            LicenseState::Normal => "the license is in order",
            LicenseState::ViolationPending => {
                "a traffic violation awaits processing; the license stays usable"
            }
            LicenseState::AccidentPending => {
                "an accident awaits processing; the license stays usable"
            }
            LicenseState::FullPoints => {
                "12 points are reached: driving is not allowed until the re-education course and exam"
            }
            LicenseState::Suspended => {
                "the license is suspended: driving is not allowed until it is returned"
            }
            LicenseState::Detained => {
                "police have detained the license: driving is not allowed until it is returned"
            }
            LicenseState::OverdueRenewal => {
                "the license was not renewed in time: it may not be used until renewed"
            }
            LicenseState::OverdueReview => {
                "the license missed its review: it may not be used until reviewed"
            }
            LicenseState::OverdueExam => {
                "the license missed its medical exam: it may not be used until the exam is done"
            }
            LicenseState::Revoked => "the license is revoked",
            LicenseState::Cancelled => "the license is cancelled",
            LicenseState::Withdrawn => "the license is withdrawn",
            LicenseState::Locked => {
                "the license is locked: contact the traffic police that issued it"
            }
            LicenseState::Stopped => {
                "the license is stopped from use: contact the traffic police that issued it"
            }
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

/// The answer for a trip, in order of severity; the numbers are the exit codes.
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

impl Standing<'_> {
    pub fn verdict(&self) -> Verdict {
        Verdict::of(self.status)
    }
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

/// One place assessed on one date: where it stands, and why, in a sentence.
#[derive(Clone, Debug)]
pub struct Assessment<'d> {
    pub standing: Standing<'d>,
    pub low_quality: bool,
    pub reason: String,
}

/// An assessment is a standing with its reason; reading through to the standing keeps call
/// sites short (`place.division`, `place.status`).
impl<'d> std::ops::Deref for Assessment<'d> {
    type Target = Standing<'d>;

    fn deref(&self) -> &Standing<'d> {
        &self.standing
    }
}

pub fn assess<'d>(dataset: &'d Dataset, division: &'d Division, on: NaiveDate) -> Assessment<'d> {
    let standing = standing(dataset, division, on);
    let low_quality = match &standing.availability {
        Availability::Window(window) => dataset.rollout.rests_on_low_quality(window),
        Availability::Never(facts) => facts
            .iter()
            .all(|&fact| dataset.rollout.fact_quality(fact) == crate::data::Quality::Low),
    };
    let mut reason = reason(
        dataset,
        division,
        &standing.availability,
        standing.status,
        on,
    );
    if low_quality {
        reason.push_str("; this rests only on low-quality sources");
    }
    Assessment {
        standing,
        low_quality,
        reason,
    }
}

fn reason(
    dataset: &Dataset,
    division: &Division,
    availability: &Availability,
    status: Status,
    on: NaiveDate,
) -> String {
    let window = match availability {
        Availability::Never(_) => {
            return format!(
                "the e-license is valid on the Chinese mainland only; {} is outside it",
                division.short()
            );
        }
        Availability::Window(window) => window,
    };
    let region = matches!(window.latest.basis, Basis::Place(_));
    let (earliest, latest) = (window.earliest.date, window.latest.date);
    let mut text = match status {
        Status::Live if window.is_exact() => format!("live since {earliest}"),
        Status::Live if region => format!("every place in it live by {latest}"),
        Status::Live => format!("live by {latest} at the latest (exact day unknown)"),
        Status::NotYet if window.is_exact() => format!("not live until {earliest}"),
        Status::NotYet => format!("not live before {earliest}; live by {latest} at the latest"),
        Status::Uncertain if region => format!(
            "a whole province: its places went live between {earliest} and {latest}, so on {on} some may not be"
        ),
        Status::Uncertain => format!(
            "went live on an unknown day between {earliest} and {latest}; on {on} it may not be live yet"
        ),
        Status::NotCovered => unreachable!("a window is never not-covered"),
    };
    let basis = describe_basis(dataset, window);
    if !basis.is_empty() {
        text.push_str(" (");
        text.push_str(&basis);
        text.push(')');
    }
    text
}

/// The facts behind a window in a phrase: fact ids with their quality, or why the default holds.
fn describe_basis(dataset: &Dataset, window: &LiveWindow) -> String {
    let default = &dataset.rollout.default;
    if window.earliest.basis == Basis::Default && window.latest.basis == Basis::Default {
        return format!(
            "no source names its day: the second batch began {}; nationwide from 2021-12-10, some places later, all by {}",
            default.earliest, default.latest
        );
    }
    let mut parts: Vec<String> = Vec::new();
    for (bound, default_phrase) in [
        (
            &window.earliest,
            format!(
                "not before {}, when the second batch began",
                default.earliest
            ),
        ),
        (
            &window.latest,
            format!("by {}, the end-of-2021 target", default.latest),
        ),
    ] {
        let phrases: Vec<String> = match &bound.basis {
            Basis::Facts(facts) => facts
                .iter()
                .map(|&fact| {
                    format!(
                        "{}, {}",
                        dataset.rollout.facts[fact].id,
                        dataset.rollout.fact_quality(fact).id()
                    )
                })
                .collect(),
            Basis::Default => vec![default_phrase],
            Basis::Place(code) => dataset
                .divisions
                .get(*code)
                .map(|place| format!("{} {}", place.short(), bound.date))
                .into_iter()
                .collect(),
        };
        for phrase in phrases {
            if !parts.contains(&phrase) {
                parts.push(phrase);
            }
        }
    }
    parts.join("; ")
}

/// What the user asked about one stop, and the divisions it may mean.
pub struct Query<'d> {
    pub text: String,
    pub candidates: Vec<&'d Division>,
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

/// The answer for a whole trip.
#[derive(Debug)]
pub struct Trip<'d> {
    pub on: NaiveDate,
    pub license: LicenseState,
    pub stops: Vec<Stop<'d>>,
    pub home: Option<Stop<'d>>,
    pub verdict: Verdict,
    pub notes: Vec<String>,
}

/// A query whose candidates get different verdicts: only the user can choose.
#[derive(Debug)]
pub struct Ambiguous {
    pub query: String,
    pub on: NaiveDate,
    pub candidates: Vec<(String, String, Verdict)>,
}

impl fmt::Display for Ambiguous {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let listed: Vec<String> = self
            .candidates
            .iter()
            .map(|(place, code, verdict)| format!("{place} {code}: {}", verdict.id()))
            .collect();
        write!(
            f,
            "\"{}\" could be {} places with different answers on {}: {}; name the province (\"{}, <province>\") or use a code",
            self.query,
            self.candidates.len(),
            self.on,
            listed.join("; "),
            self.query,
        )
    }
}

impl std::error::Error for Ambiguous {}

/// Judges a trip: every stop (and the license's home, if given) on the date, with the license.
pub fn judge<'d>(
    dataset: &'d Dataset,
    on: NaiveDate,
    license: LicenseState,
    stops: Vec<Query<'d>>,
    home: Option<Query<'d>>,
) -> Result<Trip<'d>, Ambiguous> {
    let mut notes = Vec::new();
    let mut judge_stop = |query: Query<'d>| -> Result<Stop<'d>, Ambiguous> {
        let places: Vec<Assessment<'d>> = query
            .candidates
            .iter()
            .map(|division| assess(dataset, division, on))
            .collect();
        if places
            .iter()
            .any(|place| place.verdict() != places[0].verdict())
        {
            return Err(Ambiguous {
                query: query.text,
                on,
                candidates: places
                    .iter()
                    .map(|place| {
                        (
                            place_label(place),
                            place.division.code.to_string(),
                            place.verdict(),
                        )
                    })
                    .collect(),
            });
        }
        if places.len() > 1 {
            let labels: Vec<String> = places.iter().map(place_label).collect();
            notes.push(format!(
                "\"{}\" could mean {}; all get the same answer on {on}",
                query.text,
                labels.join(", ")
            ));
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
        notes.push(format!(
            "the license was issued in {}, where e-licenses were not surely issued on {on}: before the nationwide rollout only drivers whose issuing city was live could hold one",
            home.places.iter().map(place_label).collect::<Vec<_>>().join(", ")
        ));
    }
    if license.class() != LicenseClass::Usable {
        verdict = Verdict::NoValidLicense;
        notes.push(format!(
            "license state {} ({}): {}; neither the e-license nor the physical card makes driving legal",
            license.id(),
            license.chinese(),
            license.meaning()
        ));
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

impl Trip<'_> {
    /// What the facts say about using the e-license at all (elicense.md, section 2); nothing
    /// when the license may not be used anyway.
    pub fn standing_notes(&self) -> &'static [&'static str] {
        if self.verdict == Verdict::NoValidLicense {
            &[]
        } else {
            &STANDING_NOTES
        }
    }
}

const STANDING_NOTES: [&str; 4] = [
    "show the e-license live in the 交管12123 app: screenshots are not valid",
    "a flat phone or no signal means no license to show: carry the card when unsure",
    "after a renewal or a class change, re-apply in the app: the e-license does not update itself",
    "police who detain a license need the physical card",
];

fn place_label(place: &Assessment<'_>) -> String {
    if place.province.code == place.division.code {
        place.division.name().to_string()
    } else {
        format!("{} ({})", place.division.name(), place.province.name())
    }
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
pub fn staleness(dataset: &Dataset, date: NaiveDate) -> Option<String> {
    let as_of = dataset.rollout.as_of;
    let limit = as_of.checked_add_months(Months::new(12))?;
    (date > limit).then(|| {
        format!(
            "the rollout data is as of {as_of}, more than a year before {date}: it may be out of date; confirm in the 交管12123 app"
        )
    })
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
