//! The rules: what a place's live window means on a date, what a license state allows, and how
//! the stops of a trip combine into one verdict with its reasons.

use std::fmt;
use std::str::FromStr;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::data::Divisions;
use crate::data::recognition::{Document, Finding, Issuing, Needs, Recognition};
use crate::data::rollout::Milestone;
use crate::data::rollout::{Text, Wording};
use crate::data::schemes::{self, Answer, Holder, HolderKind, Judgement, Scheme, Stage, Territory};
use crate::data::world::{DivisionLink, PlaceKind, World, WorldPlace};
use crate::data::{
    Availability, Basis, Claim, Dataset, Division, Kind, Level, LiveWindow, Quality, RuleId,
};
use crate::place::{Gazetteer, Place, PlaceNote, Resolved};

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
    Seized,
    CancelledRecoverable,
    DeferredRenewal,
    DeferredExam,
    DeferredReview,
    TransferredOut,
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
    /// The license does not allow driving (a deferral, a recoverable cancellation); no source
    /// says what the app shows.
    MayNotDrive,
    /// No source says what the e-license is worth in this state: answered cautiously.
    Unknown,
}

impl LicenseClass {
    /// Whether the state forbids driving, with the e-license or the card.
    pub fn forbids_driving(self) -> bool {
        matches!(
            self,
            LicenseClass::RedCode | LicenseClass::NotShown | LicenseClass::MayNotDrive
        )
    }
}

/// A license state that `edl` does not know, as typed (`i18n` says it, in English for `Display`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLicenseState(pub String);

impl std::error::Error for UnknownLicenseState {}

impl LicenseState {
    pub const ALL: [LicenseState; 20] = [
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
        LicenseState::Seized,
        LicenseState::CancelledRecoverable,
        LicenseState::DeferredRenewal,
        LicenseState::DeferredExam,
        LicenseState::DeferredReview,
        LicenseState::TransferredOut,
    ];

    /// The stable English id used on the command line and in JSON.
    pub fn id(self) -> &'static str {
        self.terms().0
    }

    /// The term the 交管12123 app uses.
    pub fn chinese(self) -> &'static str {
        self.terms().1
    }

    /// The words drivers use for the state besides the app's (elicense.md, §2: 超分 and 满分 for
    /// 记满12分, and 累积记分满分 as the police write it).
    pub fn everyday(self) -> &'static [&'static str] {
        match self {
            LicenseState::FullPoints => &["超分", "满分", "累积记分满分"],
            _ => &[],
        }
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
            LicenseState::Seized => ("seized", "扣押"),
            LicenseState::CancelledRecoverable => ("cancelled-recoverable", "注销可恢复"),
            LicenseState::DeferredRenewal => ("deferred-renewal", "延期换证"),
            LicenseState::DeferredExam => ("deferred-exam", "延期体检"),
            LicenseState::DeferredReview => ("deferred-review", "延期审验"),
            LicenseState::TransferredOut => ("transferred-out", "转出"),
        }
    }

    /// The data's rule behind what `edl` says of the state, if any.
    pub fn rule(self) -> Option<RuleId> {
        match self {
            LicenseState::Normal
            | LicenseState::ViolationPending
            | LicenseState::AccidentPending => None,
            LicenseState::DeferredRenewal
            | LicenseState::DeferredExam
            | LicenseState::DeferredReview => Some(RuleId::LicenseDeferral),
            LicenseState::CancelledRecoverable => Some(RuleId::LicenseCancelledRecoverable),
            LicenseState::TransferredOut => Some(RuleId::LicenseStates),
            state => Some(match state.class() {
                LicenseClass::NotShown => RuleId::LicenseNotShown,
                _ => RuleId::LicenseRedCode,
            }),
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
            | LicenseState::OverdueExam
            | LicenseState::Seized => LicenseClass::RedCode,
            LicenseState::Revoked
            | LicenseState::Cancelled
            | LicenseState::Withdrawn
            | LicenseState::Locked
            | LicenseState::Stopped => LicenseClass::NotShown,
            LicenseState::CancelledRecoverable
            | LicenseState::DeferredRenewal
            | LicenseState::DeferredExam
            | LicenseState::DeferredReview => LicenseClass::MayNotDrive,
            LicenseState::TransferredOut => LicenseClass::Unknown,
        }
    }
}

impl fmt::Display for LicenseState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for LicenseState {
    type Err = UnknownLicenseState;

    /// Accepts the English id, the app's Chinese term or a driver's everyday word for it.
    fn from_str(text: &str) -> Result<LicenseState, UnknownLicenseState> {
        let trimmed = text.trim();
        LicenseState::ALL
            .into_iter()
            .find(|state| {
                state.id().eq_ignore_ascii_case(trimmed)
                    || state.chinese() == trimmed
                    || state.everyday().contains(&trimmed)
            })
            .ok_or_else(|| UnknownLicenseState(text.to_string()))
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
    /// The stop's own law needs no licence carried for this holder's licence (Poland's for
    /// Polish licences): neither the card nor a digital licence.
    NoCardNeeded,
    BringCard,
    NoValidLicense,
}

impl Verdict {
    pub fn id(self) -> &'static str {
        match self {
            Verdict::ELicense => "e-license",
            Verdict::NoCardNeeded => "no-card-needed",
            Verdict::BringCard => "bring-card",
            Verdict::NoValidLicense => "no-valid-license",
        }
    }

    /// Whether the verdict lets the driver leave the card at home.
    pub fn card_stays_home(self) -> bool {
        matches!(self, Verdict::ELicense | Verdict::NoCardNeeded)
    }

    /// The documented exit code: 0, 1 or 3 (2 is every error).
    pub fn exit_code(self) -> u8 {
        match self {
            Verdict::ELicense | Verdict::NoCardNeeded => 0,
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
    /// The date the status is for.
    pub on: NaiveDate,
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
        on,
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
    availabilities.map(move |(division, availability)| {
        let availability = dataset.confined(division, availability);
        Standing {
            division,
            province: dataset.divisions.province_of(division),
            status: Status::on(&availability, on),
            availability,
            on,
        }
    })
}

/// Whose roads a place is on, as the rollout sees it: the country whose places the divisions
/// table lists (the gazetteer links that country to the whole table), where the windows decide;
/// or another jurisdiction, named by its country-level territory, where what a licence is worth
/// is the recognition facts' to say. [`Place::territories`] alone decides which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    Within,
    Beyond(Option<Territory>),
}

impl Reach {
    pub fn of(divisions: &Divisions, place: Place<'_>) -> Reach {
        let territories = place.territories(divisions);
        let divided = World::bundled().divided_country().and_then(Territory::of);
        match divided {
            Some(country) if territories.contains(&country) => Reach::Within,
            _ => Reach::Beyond(territories.last().copied()),
        }
    }
}

/// A rule of the data, as a sentence cites it: which, how good, and from when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cited {
    pub rule: RuleId,
    pub quality: Quality,
    pub from: Option<NaiveDate>,
}

/// The rule with this id, if the data has it.
pub fn cite(dataset: &Dataset, id: RuleId) -> Option<Cited> {
    dataset.rollout.rule(id).map(|rule| Cited {
        rule: id,
        quality: dataset.rollout.rule_quality(rule),
        from: rule.from,
    })
}

/// How a province's places stand on a date, for its summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegionCount<'d> {
    /// The place in it surely live first, and from when.
    pub first: Option<(&'d Division, NaiveDate)>,
    pub live: usize,
    pub unknown: usize,
    pub not_yet: usize,
    pub on: NaiveDate,
}

/// What a place's status on a date comes to, before it is put into words (`i18n` does that).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason<'d> {
    /// Outside the mainland, where the e-license is not valid.
    Outside {
        reach: Reach,
        on: NaiveDate,
        /// Who governs the place, where the divisions list names it under a mainland province.
        governed_by: Option<&'d Division>,
    },
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
    /// A province some of whose places are not surely live on the date.
    Region(RegionCount<'d>),
    /// A place beyond China's divisions: no fact in the data covers a digital licence there.
    NoFacts {
        on: NaiveDate,
    },
    /// A country whose places are the divisions, as a whole: the facts are by province and city.
    WholeCountry,
    /// Judged by the schemes file: `Why::scheme` says how.
    Scheme,
    /// The licence's home outside the mainland: `Why::scheme` lists the schemes it issues.
    Issuer,
}

/// When every place with a window was surely live, and the rollout's last step before that
/// day (its nationwide start, 2021-12-10 in the bundled milestones), as a reason says them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settled {
    pub by: NaiveDate,
    pub nationwide: Option<NaiveDate>,
}

impl Settled {
    fn of(dataset: &Dataset, by: NaiveDate) -> Settled {
        Settled {
            by,
            nationwide: nationwide(dataset, by),
        }
    }
}

/// The rollout's last milestone on or before the day every place was surely live: the step
/// that made it nationwide.
fn nationwide(dataset: &Dataset, by: NaiveDate) -> Option<NaiveDate> {
    dataset
        .rollout
        .milestones
        .iter()
        .map(|milestone| milestone.date)
        .filter(|&date| date <= by)
        .max()
}

/// What a window rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ground {
    /// A fact of the rollout file, by id, with its quality, what it says and its note (a
    /// reason in Chinese states the fact's sentence beside its id, not the id alone).
    Fact {
        id: Text,
        quality: Quality,
        claim: Claim,
        note: Option<Wording>,
    },
    /// No fact names the place: both bounds come from `[default]`.
    DefaultWindow {
        earliest: NaiveDate,
        latest: NaiveDate,
        /// The rollout's nationwide step, where the milestones give one before `latest`.
        nationwide: Option<NaiveDate>,
        latest_quality: Quality,
    },
    /// No fact gives the earliest day: the second batch's start.
    DefaultEarliest(NaiveDate),
    /// No fact gives the latest day: the end-of-2021 target.
    DefaultLatest { day: NaiveDate, quality: Quality },
}

impl Ground {
    /// The ground a fact gives (an index into [`crate::data::Rollout::facts`]).
    fn of_fact(dataset: &Dataset, index: usize) -> Ground {
        let fact = &dataset.rollout.facts[index];
        Ground::Fact {
            id: fact.id.clone(),
            quality: dataset.rollout.fact_quality(index),
            claim: fact.claim,
            note: fact.note.clone(),
        }
    }
}

/// Why a place stands where it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Why<'d> {
    pub reason: Reason<'d>,
    pub grounds: Vec<Ground>,
    /// Every source behind a bound of the window is of low quality.
    pub low_quality: bool,
    /// The rules that complete the reason: both halves (valid once held; police might not verify
    /// it) where a stop is not surely live, or what the sources say of the card outside.
    pub rules: Vec<Cited>,
    /// For a live mainland stop on a date when the whole mainland is surely live: since when.
    /// The reason then leads with that, and the 2021 details stay in `edl show`.
    pub settled: Option<Settled>,
    /// For a place judged by the schemes file rather than the rollout: what it says.
    pub scheme: Option<SchemeWhy<'d>>,
}

/// What the schemes file says of a holder's licence at a place (`Reason::Scheme`), or of the
/// licence's home (`Reason::Issuer`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemeWhy<'d> {
    pub judgement: Judgement<'static>,
    /// The licence's home, as the reasons name it.
    pub home: Option<Place<'d>>,
    pub holder: Licence,
    /// The schemes the home issues (for `Reason::Issuer`).
    pub issued: Vec<&'static Scheme>,
}

/// What the user said of the licence beyond its state: its stage, its issue date and the
/// holder's kind, for the rules that depend on them (issue 17). The 12123 rules do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Licence {
    pub stage: Stage,
    pub issued: Option<NaiveDate>,
    pub kind: Option<HolderKind>,
    /// The holder says they have the licence's digital form (`--has-digital`).
    pub has_digital: bool,
}

impl Default for Licence {
    fn default() -> Licence {
        Licence {
            stage: Stage::Full,
            issued: None,
            kind: None,
            has_digital: false,
        }
    }
}

/// A jurisdiction's first-level subdivisions (or itself, where it has none), each with what a
/// licence from `home` is worth there on a date (`edl list --country`); without a home, which
/// licences would count.
pub fn country_standings<'d>(
    dataset: &'d Dataset,
    country: &'static WorldPlace,
    on: NaiveDate,
    home: Option<Place<'d>>,
    licence: Licence,
) -> Vec<Assessment<'d>> {
    let world = World::bundled();
    let subdivisions: Vec<&'static WorldPlace> = world
        .places()
        .filter(|row| {
            row.kind == PlaceKind::Subdivision
                && world
                    .country_of(row)
                    .is_some_and(|of| std::ptr::eq(of, country))
                && !std::ptr::eq(*row, country)
        })
        .collect();
    // A jurisdiction without subdivisions of its own (a state, Hong Kong) is its one row.
    let rows = if subdivisions.is_empty() {
        vec![country]
    } else {
        subdivisions
    };
    rows.into_iter()
        .map(|row| {
            let place = Place::World(row);
            by_schemes(dataset, place, on, home, licence)
                .unwrap_or_else(|| assess_place(dataset, place, on))
        })
        .collect()
}

/// A dated step of a country's digital licences: a rule that starts or ends holding.
#[derive(Clone, Copy, Debug)]
pub struct SchemeStep {
    pub date: NaiveDate,
    pub scheme: &'static Scheme,
    pub rule: &'static schemes::Rule,
    pub change: RuleChange,
}

/// Whether a rule starts or stops holding on a step's date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleChange {
    Starts,
    Ends,
}

impl RuleChange {
    pub fn id(self) -> &'static str {
        match self {
            RuleChange::Starts => "starts",
            RuleChange::Ends => "ends",
        }
    }
}

/// The dated rules of the schemes a country or its subdivisions issue, in date order
/// (`edl timeline --country AU`).
pub fn scheme_timeline(dataset: &Dataset, country: &WorldPlace) -> Vec<SchemeStep> {
    let schemes = dataset.schemes();
    let code = country.code();
    let mut steps: Vec<SchemeStep> = schemes
        .schemes
        .iter()
        .filter(|scheme| match scheme.issuer {
            schemes::Issuer::Territory(issuer) => {
                issuer.code() == code
                    || issuer
                        .code()
                        .strip_prefix(code)
                        .is_some_and(|rest| rest.starts_with('-'))
            }
            schemes::Issuer::Group(_) => false,
        })
        .flat_map(|scheme| {
            schemes.rules_of(scheme).flat_map(move |rule| {
                let starts = rule.from.map(|date| SchemeStep {
                    date,
                    scheme,
                    rule,
                    change: RuleChange::Starts,
                });
                let ends = rule.until.map(|date| SchemeStep {
                    date,
                    scheme,
                    rule,
                    change: RuleChange::Ends,
                });
                starts.into_iter().chain(ends)
            })
        })
        .collect();
    steps.sort_by(|a, b| {
        (a.date, &a.scheme.id, &a.rule.id).cmp(&(b.date, &b.scheme.id, &b.rule.id))
    });
    steps
}

/// A place as `edl show` reports it, for no holder in particular: a world place by the schemes
/// file (whose licences count there), any other by its window.
pub fn shown<'d>(dataset: &'d Dataset, place: Place<'d>, on: NaiveDate) -> Assessment<'d> {
    match place {
        Place::World(_) => by_schemes(dataset, place, on, None, Licence::default()),
        Place::Division(_) => None,
    }
    .unwrap_or_else(|| assess_place(dataset, place, on))
}

/// Assesses a place by the schemes file, for the holder.
fn by_schemes<'d>(
    dataset: &'d Dataset,
    place: Place<'d>,
    on: NaiveDate,
    home: Option<Place<'d>>,
    licence: Licence,
) -> Option<Assessment<'d>> {
    let home_territories = home.map(|home| home.territories(dataset.divisions));
    let holder = Holder {
        home: home_territories.as_deref(),
        stage: licence.stage,
        issued: licence.issued,
        kind: licence.kind,
        has_digital: licence.has_digital,
    };
    let stop = place.territories(dataset.divisions);
    let judgement = dataset.schemes().judge(&holder, &stop, on);
    let (verdict, status) = match &judgement.answer {
        Answer::ByAvailability { .. } => return None,
        Answer::Counts { .. } => (Verdict::ELicense, Status::Live),
        Answer::NoCardNeeded { .. } => (Verdict::NoCardNeeded, Status::NotCovered),
        Answer::BringCard(schemes::Reason::NotYet { .. }) => (Verdict::BringCard, Status::NotYet),
        Answer::BringCard(_) => (Verdict::BringCard, Status::NotCovered),
    };
    let standing = place
        .division_in(dataset.divisions)
        .map(|division| standing(dataset, division, on));
    Some(Assessment {
        place,
        standing,
        status,
        verdict,
        on,
        reach: Reach::of(dataset.divisions, place),
        judged_by: Engine::Schemes,
        why: Why {
            reason: Reason::Scheme,
            grounds: Vec::new(),
            low_quality: false,
            rules: Vec::new(),
            settled: None,
            scheme: Some(SchemeWhy {
                judgement,
                home,
                holder: licence,
                issued: Vec::new(),
            }),
        },
        crossing: None,
    })
}

/// Weighs a border crossing into a stop's assessment: where the licence's country is not the
/// place's, the recognition facts say what the licence needs there. A licence that does not
/// let its holder drive there is `no-valid-license`; anything else is at least `bring-card`,
/// since no digital licence stands in for the card across a border. A licence `edl` assumed
/// (no `--home`) only raises the answer to `bring-card`: the user may hold another.
fn cross<'d>(
    dataset: &'d Dataset,
    licence: Place<'d>,
    assumed: Assumed,
    assessment: &mut Assessment<'d>,
) {
    let home = licence.territories(dataset.divisions);
    let stop = assessment.place.territories(dataset.divisions);
    if home.last() == stop.last() {
        return;
    }
    let Some(finding) = Recognition::bundled().judge(&home, &stop, assessment.on) else {
        return;
    };
    let issuing = match (&finding.needs, finding.basis) {
        (Needs::LocalPermitOnly(_), Some(rule)) => {
            Recognition::bundled().issuing(rule.id, &stop, assessment.on)
        }
        _ => None,
    };
    let crossing = Crossing {
        licence,
        assumed,
        finding,
        issuing,
    };
    assessment.verdict = if crossing.refuses() {
        Verdict::NoValidLicense
    } else {
        assessment.verdict.max(Verdict::BringCard)
    };
    assessment.crossing = Some(crossing);
}

/// A home read as the far more prominent of several places (Georgia, the country) means the
/// other one when that one holds every stop and the prominent one none (Atlanta, Georgia):
/// the note then says so, naming the prominent one with its code.
fn home_near_stops<'d>(
    dataset: &'d Dataset,
    home: &mut Query<'d>,
    stops: &[(Query<'d>, NaiveDate)],
) {
    let holds = |place: Place<'d>| -> bool {
        let Some(territory) = (match place {
            Place::World(row) => Territory::of(row),
            Place::Division(_) => None,
        }) else {
            return false;
        };
        // Every stop has a reading there (Helena, Montana, beside Helena, Alabama).
        !stops.is_empty()
            && stops.iter().all(|(stop, _)| {
                stop.candidates
                    .iter()
                    .any(|&p| p.territories(dataset.divisions).contains(&territory))
            })
    };
    if home.candidates.len() > 1 {
        // A licence is issued by a country or a state, never by a town.
        let issuers =
            |place: &Place<'_>| !matches!(place, Place::World(row) if row.kind == PlaceKind::City);
        if home.candidates.iter().any(issuers) {
            let kept: Vec<(Place<'d>, Option<String>)> = home
                .candidates
                .iter()
                .copied()
                .zip(home.hints.iter().cloned())
                .filter(|(place, _)| issuers(place))
                .collect();
            home.candidates = kept.iter().map(|(place, _)| *place).collect();
            home.hints = kept.into_iter().map(|(_, hint)| hint).collect();
        }
        let mut near = home
            .candidates
            .iter()
            .copied()
            .filter(|&place| holds(place));
        if let (Some(chosen), None) = (near.next(), near.next())
            && home.candidates.len() > 1
        {
            home.settle_on(chosen);
        }
        if home.candidates.len() == 1 {
            home.hints = Vec::new();
        }
        return;
    }
    let [chosen @ Place::World(chosen_row)] = home.candidates[..] else {
        return;
    };
    let Some(index) = home
        .notes
        .iter()
        .position(|note| matches!(note, PlaceNote::Prominent { chosen: c, .. } if c.same(chosen)))
    else {
        return;
    };
    let PlaceNote::Prominent { query, others, .. } = home.notes[index].clone() else {
        return;
    };
    if holds(chosen) {
        return;
    }
    let mut near = others.iter().filter(|(other, _)| holds(*other));
    let (Some(&(other, _)), None) = (near.next(), near.next()) else {
        return;
    };
    let mut rest: Vec<(Place<'d>, Option<String>)> = others
        .into_iter()
        .filter(|(place, _)| !place.same(other))
        .collect();
    rest.insert(0, (chosen, Some(chosen_row.code().to_string())));
    home.candidates = vec![other];
    home.notes[index] = PlaceNote::Prominent {
        query,
        chosen: other,
        others: rest,
    };
}

/// A stop that could be several places, of which those in the one world region the home is
/// (Helena with `--home Montana`: Montana's, not Alabama's) are what it means; a note names
/// the others.
fn stops_near_home<'d>(
    dataset: &'d Dataset,
    home: &Query<'d>,
    stops: &mut [(Query<'d>, NaiveDate)],
) {
    let [Place::World(row)] = home.candidates[..] else {
        return;
    };
    let Some(territory) = Territory::of(row) else {
        return;
    };
    for (stop, _) in stops.iter_mut() {
        if stop.candidates.len() < 2 {
            continue;
        }
        let within = |place: &Place<'d>| place.territories(dataset.divisions).contains(&territory);
        let near: Vec<Place<'d>> = stop.candidates.iter().copied().filter(within).collect();
        let [chosen] = near[..] else {
            continue;
        };
        stop.settle_on(chosen);
    }
}

/// The licence's home when it is no mainland place: the schemes it issues, which the stops'
/// rules then weigh. With none, no digital licence of it counts anywhere.
fn issuer<'d>(
    dataset: &'d Dataset,
    home: Place<'d>,
    on: NaiveDate,
    licence: Licence,
) -> Assessment<'d> {
    let schemes = dataset.schemes();
    let chain = home.territories(dataset.divisions);
    let issued: Vec<&'static Scheme> = schemes.issued_by(&chain);
    let frees = schemes.frees(&chain, on).filter(|_| issued.is_empty());
    let (verdict, answer) = match frees {
        Some(baseline) => (Verdict::NoCardNeeded, Answer::NoCardNeeded { baseline }),
        None if issued.is_empty() => (
            Verdict::BringCard,
            Answer::BringCard(schemes::Reason::NoScheme),
        ),
        None => (
            Verdict::ELicense,
            Answer::BringCard(schemes::Reason::NoScheme),
        ),
    };
    Assessment {
        place: home,
        standing: home
            .division_in(dataset.divisions)
            .map(|division| standing(dataset, division, on)),
        status: Status::NotCovered,
        verdict,
        on,
        reach: Reach::of(dataset.divisions, home),
        judged_by: Engine::Schemes,
        why: Why {
            reason: Reason::Issuer,
            grounds: Vec::new(),
            low_quality: false,
            rules: Vec::new(),
            settled: None,
            scheme: Some(SchemeWhy {
                judgement: Judgement {
                    answer,
                    notes: Vec::new(),
                },
                home: Some(home),
                holder: licence,
                issued,
            }),
        },
        crossing: None,
    }
}

/// One place assessed on one date: where it stands, and why.
#[derive(Clone, Debug)]
pub struct Assessment<'d> {
    /// The place as the query named it.
    pub place: Place<'d>,
    /// Where the rollout puts the division the place is, or for a world place in Hong Kong,
    /// Macau or Taiwan the division it lies in; none for a place no division covers.
    pub standing: Option<Standing<'d>>,
    pub status: Status,
    pub verdict: Verdict,
    /// The date the status is for.
    pub on: NaiveDate,
    pub reach: Reach,
    pub judged_by: Engine,
    pub why: Why<'d>,
    /// Across a border (the licence's country is not the place's): what the recognition facts
    /// say the licence needs there, and what to carry.
    pub crossing: Option<Crossing<'d>>,
}

/// A border crossed: the licence's place, and what the recognition facts say it needs.
#[derive(Clone, Debug)]
pub struct Crossing<'d> {
    /// The licence's home; without `--home`, at a division beyond the mainland, the divided
    /// country (China), whose licence `edl` answers for there.
    pub licence: Place<'d>,
    /// Whether the licence was assumed (no `--home`): the finding is then said, but only
    /// raises the answer to `bring-card`.
    pub assumed: Assumed,
    pub finding: Finding<'static>,
    /// Where the local permit the finding asks for is issued near the stop, as far as the
    /// facts say; `None` where they say nothing of it or no local permit is asked for.
    pub issuing: Option<Issuing<'static>>,
}

impl Crossing<'_> {
    /// Whether the facts refuse the user's licence here: it is not valid, or only a local
    /// permit or licence is. A licence `edl` assumed (no `--home`) is never refused: the user
    /// may hold another.
    pub fn refuses(&self) -> bool {
        self.assumed == Assumed::Given
            && matches!(
                self.finding.needs,
                Needs::NotValid | Needs::LocalPermitOnly(_)
            )
    }
}

/// Whether a crossing's licence is the user's or the one `edl` answers for without `--home`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Assumed {
    Given,
    Divided,
}

/// Which of the data's files answered for a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// The 12123 e-license's rollout (`data/rollout.toml`).
    Rollout,
    /// The digital licences beyond the mainland (`data/schemes.toml`).
    Schemes,
}

impl<'d> Assessment<'d> {
    pub fn verdict(&self) -> Verdict {
        self.verdict
    }

    /// What to carry at the place: across a border, what the recognition facts name; else the
    /// digital licence where it is enough, the identity document a local law asks for instead
    /// of the licence, or the card.
    pub fn carry(&self) -> Vec<Document> {
        if let Some(crossing) = &self.crossing {
            // A licence edl assumed answers bring-card: the card, unless the facts name more.
            return match crossing.assumed {
                Assumed::Divided if crossing.finding.carry.is_empty() => {
                    vec![Document::LicenceCard]
                }
                _ => crossing.finding.carry.clone(),
            };
        }
        match self.verdict {
            Verdict::ELicense => vec![Document::DigitalLicence],
            Verdict::NoCardNeeded => {
                match self.why.scheme.as_ref().map(|why| &why.judgement.answer) {
                    Some(Answer::NoCardNeeded { baseline }) if baseline.identity_document => {
                        vec![Document::IdentityDocument]
                    }
                    _ => Vec::new(),
                }
            }
            Verdict::BringCard => vec![Document::LicenceCard],
            Verdict::NoValidLicense => Vec::new(),
        }
    }

    /// The division whose window the place has, if any.
    pub fn division(&self) -> Option<&'d Division> {
        self.standing.as_ref().map(|standing| standing.division)
    }
}

/// Assesses a place of any kind: a division (or a world place within one) by its window, a
/// place beyond China's divisions as one no fact covers.
pub fn assess_place<'d>(dataset: &'d Dataset, place: Place<'d>, on: NaiveDate) -> Assessment<'d> {
    if let Some(division) = place.division_in(dataset.divisions) {
        return Assessment {
            place,
            ..assess(dataset, division, on)
        };
    }
    let whole = place.is_divided_country();
    // The divided country as a whole, once every place in it is surely live, gets the one
    // answer they all get.
    if let Some(settled) = dataset.all_live_by().filter(|&day| whole && on >= day) {
        return Assessment {
            place,
            standing: None,
            status: Status::Live,
            verdict: Verdict::ELicense,
            on,
            reach: Reach::Within,
            judged_by: Engine::Rollout,
            why: Why {
                reason: Reason::RegionLiveBy(settled),
                grounds: Vec::new(),
                low_quality: false,
                rules: Vec::new(),
                settled: Some(Settled::of(dataset, settled)),
                scheme: None,
            },
            crossing: None,
        };
    }
    Assessment {
        place,
        standing: None,
        status: Status::NotCovered,
        verdict: Verdict::BringCard,
        on,
        reach: Reach::of(dataset.divisions, place),
        judged_by: Engine::Rollout,
        why: Why {
            reason: if whole {
                Reason::WholeCountry
            } else {
                Reason::NoFacts { on }
            },
            grounds: Vec::new(),
            low_quality: false,
            rules: Vec::new(),
            settled: None,
            scheme: None,
        },
        crossing: None,
    }
}

pub fn assess<'d>(dataset: &'d Dataset, division: &'d Division, on: NaiveDate) -> Assessment<'d> {
    let standing = standing(dataset, division, on);
    let reach = Reach::of(dataset.divisions, Place::Division(division));
    let governed_by = governor(dataset.divisions, division, reach);
    let status = standing.status;
    let mut why = match &standing.availability {
        Availability::Never(facts) => Why {
            reason: Reason::Outside {
                reach,
                on,
                governed_by,
            },
            grounds: facts
                .iter()
                .map(|&fact| Ground::of_fact(dataset, fact))
                .collect(),
            low_quality: false,
            rules: Vec::new(),
            settled: None,
            scheme: None,
        },
        Availability::Window(window) if is_region(division, window) => {
            let reason = match status {
                Status::Live => Reason::RegionLiveBy(window.latest.date),
                _ => Reason::Region(region_count(dataset, division, on)),
            };
            Why {
                reason,
                grounds: Vec::new(),
                low_quality: false,
                rules: Vec::new(),
                settled: None,
                scheme: None,
            }
        }
        Availability::Window(window) => Why {
            reason: reason(window, status, on),
            grounds: grounds(dataset, window),
            low_quality: dataset.rollout.rests_on_low_quality(window),
            rules: Vec::new(),
            settled: None,
            scheme: None,
        },
    };
    why.rules = match reach {
        Reach::Within if status != Status::Live => {
            [RuleId::ValidNationwide, RuleId::LocalVerification]
                .into_iter()
                .filter_map(|id| cite(dataset, id))
                .collect()
        }
        Reach::Within | Reach::Beyond(_) => Vec::new(),
    };
    Assessment {
        place: Place::Division(division),
        status,
        verdict: Verdict::of(status),
        judged_by: Engine::Rollout,
        on,
        standing: Some(standing),
        reach,
        why,
        crossing: None,
    }
}

/// The province-level division that governs a division beyond the divided country, where the
/// divisions list names it under another province (金门, under 福建, is in TW: 台湾).
fn governor<'d>(
    divisions: &'d Divisions,
    division: &Division,
    reach: Reach,
) -> Option<&'d Division> {
    let Reach::Beyond(Some(territory)) = reach else {
        return None;
    };
    let row = World::bundled().by_code(territory.code())?;
    let DivisionLink::Division(code) = row.division_code()? else {
        return None;
    };
    let governor = divisions.get(code)?;
    (governor.code != divisions.province_of(division).code).then_some(governor)
}

/// A province (other than a municipality) whose window spans its places'.
fn is_region(division: &Division, window: &LiveWindow) -> bool {
    division.level == Level::Province && matches!(window.latest.basis, Basis::Place(_))
}

fn region_count<'d>(
    dataset: &'d Dataset,
    province: &'d Division,
    on: NaiveDate,
) -> RegionCount<'d> {
    let mut count = RegionCount {
        first: None,
        live: 0,
        unknown: 0,
        not_yet: 0,
        on,
    };
    for child in dataset.divisions.children(province) {
        let Availability::Window(window) = dataset.availability(child) else {
            continue;
        };
        let sure = window.latest.date;
        if count.first.is_none_or(|(_, first)| sure < first) {
            count.first = Some((child, sure));
        }
        match Status::on(&Availability::Window(window), on) {
            Status::Live => count.live += 1,
            Status::Uncertain => count.unknown += 1,
            Status::NotYet => count.not_yet += 1,
            Status::NotCovered => {}
        }
    }
    count
}

fn reason<'d>(window: &LiveWindow, status: Status, on: NaiveDate) -> Reason<'d> {
    let (earliest, latest) = (window.earliest.date, window.latest.date);
    match status {
        Status::Live if window.is_exact() => Reason::LiveSince(earliest),
        Status::Live => Reason::LiveBy(latest),
        Status::NotYet if window.is_exact() => Reason::NotUntil(earliest),
        Status::NotYet => Reason::NotBefore { earliest, latest },
        Status::Uncertain | Status::NotCovered => Reason::Uncertain {
            earliest,
            latest,
            on,
        },
    }
}

/// The facts behind a window, each once: fact ids with their quality, or why the default holds.
fn grounds(dataset: &Dataset, window: &LiveWindow) -> Vec<Ground> {
    let default = &dataset.rollout.default;
    let latest_quality = dataset.rollout.default_latest_quality();
    if window.earliest.basis == Basis::Default && window.latest.basis == Basis::Default {
        return vec![Ground::DefaultWindow {
            earliest: default.earliest,
            latest: default.latest,
            nationwide: nationwide(dataset, default.latest),
            latest_quality,
        }];
    }
    let mut grounds: Vec<Ground> = Vec::new();
    for (bound, default_ground) in [
        (&window.earliest, Ground::DefaultEarliest(default.earliest)),
        (
            &window.latest,
            Ground::DefaultLatest {
                day: default.latest,
                quality: latest_quality,
            },
        ),
    ] {
        let found: Vec<Ground> = match &bound.basis {
            Basis::Facts(facts) => facts
                .iter()
                .map(|&fact| Ground::of_fact(dataset, fact))
                .collect(),
            Basis::Default => vec![default_ground],
            Basis::Place(_) => Vec::new(),
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
    pub candidates: Vec<Place<'d>>,
    pub notes: Vec<PlaceNote<'d>>,
    /// For each candidate of an ambiguous query, a query that names it alone, if any.
    pub hints: Vec<Option<String>>,
}

impl<'d> Query<'d> {
    pub fn new(text: String, resolved: Resolved<'d>, gazetteer: &Gazetteer<'d>) -> Query<'d> {
        let hints = if resolved.places.len() > 1 {
            resolved
                .places
                .iter()
                .map(|&place| gazetteer.hint_for(place))
                .collect()
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

    /// Takes one of the candidates as meant, with a note naming the others and how to ask for
    /// each: what context (the home, the other stops) settled.
    fn settle_on(&mut self, chosen: Place<'d>) {
        let others = self
            .candidates
            .iter()
            .copied()
            .zip(self.hints.iter().cloned())
            .filter(|(place, _)| !place.same(chosen))
            .collect();
        self.notes.push(PlaceNote::Prominent {
            query: self.text.clone(),
            chosen,
            others,
        });
        self.candidates = vec![chosen];
        self.hints = Vec::new();
    }
}

/// One stop of a trip on its date: usually one place; several when the query was ambiguous
/// but every candidate gets the same verdict.
#[derive(Debug)]
pub struct Stop<'d> {
    pub query: String,
    pub on: NaiveDate,
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
        places: Vec<Place<'d>>,
        on: NaiveDate,
    },
    /// No issuing place was given, and on the date not every mainland place was surely live:
    /// the issuing place decides whether the driver could hold an e-license.
    HomeUnknown {
        on: NaiveDate,
        settled: NaiveDate,
        rule: Option<Cited>,
    },
    /// The license state does not allow driving.
    License {
        state: LicenseState,
        rule: Option<Cited>,
    },
    /// No source says what the e-license shows in this state: bring the card.
    LicenseUnknown {
        state: LicenseState,
        rule: Option<Cited>,
    },
    /// The paper 行驶证 stays in the car; from its date, the 电子行驶证 does not replace it.
    VehiclePapers {
        papers: Cited,
        e_registration: Option<Cited>,
    },
    /// The data is more than a year older than the date.
    Stale {
        facts: Facts,
        as_of: NaiveDate,
        date: NaiveDate,
    },
    /// What reading a stop's query assumed.
    Place(PlaceNote<'d>),
}

/// Which bundled facts a staleness note is about, and so where a driver confirms them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Facts {
    /// The rollout of the 12123 e-license: confirmed in that app.
    Rollout,
    /// The rules on digital licences beyond the mainland: confirmed with the issuers of the
    /// home's schemes (their apps), or with the stops' own authorities where none is known.
    Schemes { apps: Vec<&'static Scheme> },
}

/// The answer for a whole trip.
#[derive(Debug)]
pub struct Trip<'d> {
    /// The date of the stops given without one of their own (`--on`).
    pub on: NaiveDate,
    pub license: LicenseState,
    pub stops: Vec<Stop<'d>>,
    pub home: Option<Stop<'d>>,
    pub verdict: Verdict,
    pub notes: Vec<Note<'d>>,
}

impl Trip<'_> {
    /// The days the stops fall on: one day, or the first and last of several.
    pub fn days(&self) -> Days {
        let dates = self.stops.iter().map(|stop| stop.on);
        match (dates.clone().min(), dates.max()) {
            (Some(first), Some(last)) if first != last => Days::Between(first, last),
            (Some(day), _) => Days::One(day),
            _ => Days::One(self.on),
        }
    }

    /// Whether the standing advice on using the e-license applies: only on a trip with a
    /// mainland stop, and not when the license may not be used anyway.
    pub fn advice_applies(&self) -> bool {
        self.verdict != Verdict::NoValidLicense && self.has_mainland_stop()
    }

    pub fn has_mainland_stop(&self) -> bool {
        self.stops
            .iter()
            .flat_map(|stop| &stop.places)
            .any(|place| place.reach == Reach::Within)
    }

    /// What the trip answers for one of its places alone: the place's own verdict, with the
    /// license state and the issuing place weighed as for the whole trip. A place that is not
    /// on the mainland is `bring-card` already, so an unknown home needs no mainland test here.
    pub fn verdict_for(&self, place: &Assessment<'_>) -> Verdict {
        let class = self.license.class();
        let home_keeps_card = self
            .home
            .as_ref()
            .is_some_and(|home| !home.verdict().card_stays_home());
        let floor = if class.forbids_driving() {
            Verdict::NoValidLicense
        } else if home_keeps_card || self.home_unknown() || class == LicenseClass::Unknown {
            Verdict::BringCard
        } else {
            Verdict::ELicense
        };
        place.verdict().max(floor)
    }

    /// A place's documents as the trip answers for it: where the license state or the issuing
    /// place raise its verdict (an e-license place on a trip whose home is unknown), the
    /// documents of the verdict it gets: the card, or nothing for a licence that may not drive.
    pub fn carry_for(&self, place: &Assessment<'_>) -> Vec<Document> {
        let verdict = self.verdict_for(place);
        if verdict == place.verdict() {
            return place.carry();
        }
        match verdict {
            Verdict::BringCard => vec![Document::LicenceCard],
            Verdict::NoValidLicense => Vec::new(),
            Verdict::ELicense | Verdict::NoCardNeeded => place.carry(),
        }
    }

    /// Everything to carry on the trip, each once, in the order the stops name them.
    pub fn carry(&self) -> Vec<Document> {
        let mut carry: Vec<Document> = Vec::new();
        for place in self.stops.iter().flat_map(|stop| &stop.places) {
            for document in self.carry_for(place) {
                if !carry.contains(&document) {
                    carry.push(document);
                }
            }
        }
        carry
    }

    /// Whether the unknown issuing place keeps the trip from the e-license.
    pub fn home_unknown(&self) -> bool {
        self.notes
            .iter()
            .any(|note| matches!(note, Note::HomeUnknown { .. }))
    }
}

/// The days a trip's stops fall on, as its verdict line says them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Days {
    One(NaiveDate),
    /// The first and the last of the stops' dates.
    Between(NaiveDate, NaiveDate),
}

/// A query whose candidates get different verdicts: only the user can choose.
#[derive(Debug)]
pub struct Ambiguous<'d> {
    pub query: String,
    pub on: NaiveDate,
    pub candidates: Vec<(Place<'d>, Verdict)>,
    /// A query that names each candidate alone, if any, in the same order.
    pub hints: Vec<Option<String>>,
}

/// Judges a trip: every stop on its own date (`on` is the trip's, for the notes of a trip
/// without stops), the license's home (if given) on the first of them, with the license.
/// Being live lasts, so a home live on the first date is live on every later one. Without a
/// home the license may come from anywhere on the mainland: surely usable only once every
/// mainland place is live.
pub fn judge<'d>(
    dataset: &'d Dataset,
    on: NaiveDate,
    license: LicenseState,
    stops: Vec<(Query<'d>, NaiveDate)>,
    home: Option<Query<'d>>,
) -> Result<Trip<'d>, Ambiguous<'d>> {
    judge_licence(dataset, on, license, Licence::default(), stops, home)
}

/// Judges a trip as [`judge`] does, for a licence whose stage, issue date and holder the user
/// gave. A mainland licence (or one of unknown home) is judged by the rollout at China's
/// divisions; any other licence, and any licence at a place beyond them, by the schemes file.
pub fn judge_licence<'d>(
    dataset: &'d Dataset,
    on: NaiveDate,
    license: LicenseState,
    licence: Licence,
    mut stops: Vec<(Query<'d>, NaiveDate)>,
    mut home: Option<Query<'d>>,
) -> Result<Trip<'d>, Ambiguous<'d>> {
    let mut notes = Vec::new();
    let class = license.class();
    let first = stops.iter().map(|(_, day)| *day).min().unwrap_or(on);
    let last = stops.iter().map(|(_, day)| *day).max().unwrap_or(on);
    // China as the home says no more than no home: the mainland's licences are issued by
    // city, and the 2021 rule on where the licence was issued is then unknown.
    if home
        .as_ref()
        .is_some_and(|query| matches!(query.candidates[..], [place] if place.is_divided_country()))
    {
        home = None;
    }
    if let Some(query) = &mut home {
        home_near_stops(dataset, query, &stops);
        stops_near_home(dataset, query, &mut stops);
    }
    // Whether the licence is one whose worth the evaluator leaves to its scheme's availability
    // by division, even at its home (the 12123 e-license, for a home on the mainland); no home
    // is answered for that licence wherever its availability reaches.
    let by_availability = home.as_ref().is_none_or(|query| {
        query
            .candidates
            .iter()
            .all(|&place| by_schemes(dataset, place, first, Some(place), licence).is_none())
    });
    // Any other home that could be several places: ask only if the trip's answer depends on
    // which.
    if !by_availability
        && let Some(query) = &mut home
        && query.candidates.len() > 1
    {
        let answers: Vec<(Place<'d>, Verdict)> = query
            .candidates
            .iter()
            .map(|&candidate| {
                let worst = stops
                    .iter()
                    .flat_map(|(stop, day)| stop.candidates.iter().map(move |&p| (p, *day)))
                    .map(|(place, day)| {
                        by_schemes(dataset, place, day, Some(candidate), licence)
                            .map_or(Verdict::BringCard, |assessment| assessment.verdict())
                    })
                    .max()
                    .unwrap_or(Verdict::BringCard);
                (candidate, worst)
            })
            .collect();
        if answers.iter().any(|(_, verdict)| *verdict != answers[0].1) {
            return Err(Ambiguous {
                query: query.text.clone(),
                on: first,
                candidates: answers,
                hints: query.hints.clone(),
            });
        }
        notes.push(Note::Ambiguous {
            query: query.text.clone(),
            places: query.candidates.clone(),
            on: first,
        });
        query.candidates.truncate(1);
    }
    let home_place = home
        .as_ref()
        .and_then(|query| query.candidates.first().copied());
    // One evaluator for every stop: the schemes file's, whose answer for a licence judged by
    // availability (where its scheme's `rollout` list names the stop) is the division's window.
    let assess_by_engine = |place: Place<'d>, on: NaiveDate| -> Assessment<'d> {
        by_schemes(dataset, place, on, home_place, licence)
            .unwrap_or_else(|| assess_place(dataset, place, on))
    };
    let assess_stop = |place: Place<'d>, on: NaiveDate| -> Assessment<'d> {
        let mut assessment = assess_by_engine(place, on);
        match home_place {
            Some(home) => cross(dataset, home, Assumed::Given, &mut assessment),
            // Without a home, a division beyond the mainland is answered for a mainland
            // licence, as every division is: what that licence needs there is said.
            None if matches!(place, Place::Division(_)) && assessment.reach != Reach::Within => {
                if let Some(country) = World::bundled().divided_country() {
                    cross(
                        dataset,
                        Place::World(country),
                        Assumed::Divided,
                        &mut assessment,
                    );
                }
            }
            None => {}
        }
        assessment
    };
    let mut judge_stop = |query: Query<'d>,
                          on: NaiveDate,
                          assess: &dyn Fn(Place<'d>, NaiveDate) -> Assessment<'d>|
     -> Result<Stop<'d>, Ambiguous<'d>> {
        let places: Vec<Assessment<'d>> = query
            .candidates
            .iter()
            .map(|&place| assess(place, on))
            .collect();
        // A license that may not drive settles every candidate alike: no need to choose.
        if !class.forbids_driving()
            && places
                .iter()
                .any(|place| place.verdict() != places[0].verdict())
        {
            return Err(Ambiguous {
                query: query.text,
                on,
                candidates: places
                    .iter()
                    .map(|place| (place.place, place.verdict()))
                    .collect(),
                hints: query.hints,
            });
        }
        notes.extend(query.notes.into_iter().map(Note::Place));
        if places.len() > 1 {
            notes.push(Note::Ambiguous {
                query: query.text.clone(),
                places: places.iter().map(|place| place.place).collect(),
                on,
            });
        }
        Ok(Stop {
            query: query.text,
            on,
            places,
        })
    };
    let mut stops = stops
        .into_iter()
        .map(|(query, on)| judge_stop(query, on, &assess_stop))
        .collect::<Result<Vec<_>, _>>()?;
    let home = match home {
        Some(query) if by_availability => Some(judge_stop(query, first, &|place, on| {
            assess_place(dataset, place, on)
        })?),
        Some(query) => Some(judge_stop(query, first, &|place, on| {
            issuer(dataset, place, on, licence)
        })?),
        None => None,
    };

    let mut verdict = stops
        .iter()
        .map(Stop::verdict)
        .max()
        .unwrap_or(Verdict::ELicense);
    // The 12123 notes are for a licence the rollout answered for, at a stop on its ground.
    let mainland = stops
        .iter()
        .flat_map(|stop| &stop.places)
        .any(|place| place.judged_by == Engine::Rollout && place.reach == Reach::Within);
    let settled = dataset.all_live_by();
    if let Some(settled) = settled {
        for place in stops.iter_mut().flat_map(|stop| stop.places.iter_mut()) {
            if place.reach == Reach::Within && place.status == Status::Live && place.on >= settled {
                place.why.settled = Some(Settled::of(dataset, settled));
            }
        }
    }
    match &home {
        Some(home) if !home.verdict().card_stays_home() => {
            verdict = verdict.max(Verdict::BringCard);
        }
        Some(_) => {}
        None => {
            // The first stop before every place was surely live is the one that needs a home.
            let unsettled = stops
                .iter()
                .filter(|stop| stop.places.iter().any(|place| place.reach == Reach::Within))
                .map(|stop| stop.on)
                .min();
            if let Some((settled, on)) = settled.zip(unsettled).filter(|(settled, on)| on < settled)
                && !class.forbids_driving()
            {
                verdict = verdict.max(Verdict::BringCard);
                notes.push(Note::HomeUnknown {
                    on,
                    settled,
                    rule: cite(dataset, RuleId::IssuingPlace),
                });
            }
        }
    }
    let license_rule = license.rule().and_then(|id| cite(dataset, id));
    if class.forbids_driving() {
        verdict = Verdict::NoValidLicense;
        notes.push(Note::License {
            state: license,
            rule: license_rule,
        });
    } else if class == LicenseClass::Unknown {
        verdict = verdict.max(Verdict::BringCard);
        notes.push(Note::LicenseUnknown {
            state: license,
            rule: license_rule,
        });
    }
    // Advice on showing the e-license is for a licence that may be used.
    if mainland
        && !class.forbids_driving()
        && let Some(papers) = cite(dataset, RuleId::VehiclePapers)
    {
        // Said once any stop falls on or after the e-registration's date.
        let e_registration = cite(dataset, RuleId::ERegistration)
            .filter(|rule| rule.from.is_none_or(|from| last >= from));
        notes.push(Note::VehiclePapers {
            papers,
            e_registration,
        });
    }
    if mainland {
        notes.extend(staleness(dataset, last));
    }
    let beyond = stops
        .iter()
        .flat_map(|stop| &stop.places)
        .any(|place| place.reach != Reach::Within);
    if beyond {
        let apps = home
            .iter()
            .flat_map(|home| &home.places)
            .filter_map(|place| place.why.scheme.as_ref())
            .flat_map(|why| why.issued.iter().copied())
            .collect();
        notes.extend(schemes_staleness(dataset, last, apps));
    }
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

/// A warning when the rollout data is more than a year older than the date asked about.
pub fn staleness<'d>(dataset: &Dataset, date: NaiveDate) -> Option<Note<'d>> {
    stale(Facts::Rollout, dataset.rollout.as_of, date)
}

/// A warning when the rules beyond the mainland are more than a year older than the date, naming
/// the home's schemes, whose issuers say what changed.
fn schemes_staleness<'d>(
    dataset: &Dataset,
    date: NaiveDate,
    apps: Vec<&'static Scheme>,
) -> Option<Note<'d>> {
    stale(Facts::Schemes { apps }, dataset.schemes().as_of, date)
}

fn stale<'d>(facts: Facts, as_of: NaiveDate, date: NaiveDate) -> Option<Note<'d>> {
    let limit = as_of.checked_add_months(Months::new(12))?;
    (date > limit).then_some(Note::Stale { facts, as_of, date })
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
    fn the_nationwide_day_is_the_last_milestone_before_every_place_was_live() {
        let dataset = Dataset::bundled();
        let by = dataset
            .all_live_by()
            .expect("the bundled rollout has windows");
        let day = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
        assert_eq!(by, day("2021-12-31"));
        assert_eq!(nationwide(&dataset, by), Some(day("2021-12-10")));
        // Before the first milestone there is none.
        assert_eq!(nationwide(&dataset, day("2021-01-01")), None);
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
