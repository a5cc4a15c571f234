//! The shape of a rollout file, as serde reads it. Shared, through `#[path]`, with `build.rs`,
//! which compiles the bundled file into static tables: one definition, so the two cannot drift.

use serde::{Deserialize, Serialize};
use toml::Spanned;
use toml::value::Datetime;

/// How far a source can be trusted, as `../shared/facts` grades it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Quality {
    Low,
    Medium,
    Strong,
}

impl Quality {
    pub fn id(self) -> &'static str {
        match self {
            Quality::Low => "low",
            Quality::Medium => "medium",
            Quality::Strong => "strong",
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRollout {
    pub version: String,
    pub as_of: Spanned<Datetime>,
    pub default: RawDefault,
    #[serde(default)]
    pub source: Vec<RawSource>,
    #[serde(default)]
    pub milestone: Vec<RawMilestone>,
    #[serde(default)]
    pub fact: Vec<RawFact>,
    #[serde(default)]
    pub rule: Vec<RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDefault {
    pub earliest: Spanned<Datetime>,
    pub latest: Spanned<Datetime>,
    /// The grade of the latest bound where it is below its sources' (a target, not a
    /// confirmation).
    pub latest_quality: Option<Quality>,
    pub sources: Vec<Spanned<String>>,
    pub note: String,
    /// The note in Chinese, for `--lang zh`.
    pub note_zh: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: Spanned<String>,
    pub title: String,
    pub url: String,
    pub quality: Quality,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMilestone {
    pub date: Spanned<Datetime>,
    pub title: String,
    /// The title in Chinese, for `--lang zh`.
    pub title_zh: Option<Spanned<String>>,
    pub cities: Option<u32>,
    pub sources: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFact {
    pub id: Spanned<String>,
    pub places: Vec<Spanned<String>>,
    pub on: Option<Spanned<Datetime>>,
    pub scheduled: Option<Spanned<bool>>,
    pub from: Option<Spanned<Datetime>>,
    pub until: Option<Spanned<Datetime>>,
    pub by: Option<Spanned<Datetime>>,
    pub not_before: Option<Spanned<Datetime>>,
    pub never: Option<Spanned<bool>>,
    pub sources: Vec<Spanned<String>>,
    /// The grade the facts files give the fact itself, where it is below its best source's
    /// (a strong outlet's wording that only implies the day).
    pub quality: Option<Quality>,
    pub note: Option<String>,
    /// The note in Chinese, for `--lang zh`.
    pub note_zh: Option<Spanned<String>>,
}

/// A rule `edl` states beside a place's window: what the e-license is worth once held, what the
/// sources say of the card outside the mainland, the vehicle's papers, the license states. Each
/// id has its sentence in the catalogues; a rollout file that lacks a rule gets no sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleId {
    /// Only licenses issued where the e-license was live could have one.
    IssuingPlace,
    /// An e-license once held is valid across the mainland.
    ValidNationwide,
    /// Police where it was not live yet might not verify it.
    LocalVerification,
    /// The paper 行驶证 must be carried in the vehicle.
    VehiclePapers,
    /// The 电子行驶证 (from the rule's date) does not replace the paper one at a stop.
    ERegistration,
    /// States whose e-license shows a red code: no driving.
    LicenseRedCode,
    /// States whose e-license is no longer shown.
    LicenseNotShown,
    /// A deferral (延期换证, 延期体检, 延期审验): no driving during it.
    LicenseDeferral,
    /// 注销可恢复: no driving until restored.
    LicenseCancelledRecoverable,
    /// The app's full list of states (the source for 转出 being one).
    LicenseStates,
}

impl RuleId {
    pub const ALL: [RuleId; 10] = [
        RuleId::IssuingPlace,
        RuleId::ValidNationwide,
        RuleId::LocalVerification,
        RuleId::VehiclePapers,
        RuleId::ERegistration,
        RuleId::LicenseRedCode,
        RuleId::LicenseNotShown,
        RuleId::LicenseDeferral,
        RuleId::LicenseCancelledRecoverable,
        RuleId::LicenseStates,
    ];

    pub fn id(self) -> &'static str {
        match self {
            RuleId::IssuingPlace => "issuing-place",
            RuleId::ValidNationwide => "valid-nationwide",
            RuleId::LocalVerification => "local-verification",
            RuleId::VehiclePapers => "vehicle-papers",
            RuleId::ERegistration => "e-registration",
            RuleId::LicenseRedCode => "license-red-code",
            RuleId::LicenseNotShown => "license-not-shown",
            RuleId::LicenseDeferral => "license-deferral",
            RuleId::LicenseCancelledRecoverable => "license-cancelled-recoverable",
            RuleId::LicenseStates => "license-states",
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub id: Spanned<RuleId>,
    /// The day the rule starts to hold, where it has one.
    pub from: Option<Spanned<Datetime>>,
    pub sources: Vec<Spanned<String>>,
    pub quality: Option<Quality>,
    pub note: String,
    /// The note in Chinese, for `--lang zh`.
    pub note_zh: Option<Spanned<String>>,
}
