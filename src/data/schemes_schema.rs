//! The shape of a schemes file, as serde reads it, and the words it is written in (stages,
//! forms, outcomes). Shared, through `#[path]`, with `build.rs`, which compiles the bundled file
//! into static tables: one definition, so the two cannot drift.

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use super::schema::Quality;

/// A licence's stage, for rules that hold for some stages only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    Full,
    Provisional,
    Learner,
}

impl Stage {
    pub const ALL: [Stage; 3] = [Stage::Full, Stage::Provisional, Stage::Learner];

    pub fn id(self) -> &'static str {
        match self {
            Stage::Full => "full",
            Stage::Provisional => "provisional",
            Stage::Learner => "learner",
        }
    }
}

/// Who the holder is, for rules that hold for some holders only (Malaysia's citizens).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HolderKind {
    Citizen,
    NonCitizen,
}

impl HolderKind {
    pub const ALL: [HolderKind; 2] = [HolderKind::Citizen, HolderKind::NonCitizen];

    pub fn id(self) -> &'static str {
        match self {
            HolderKind::Citizen => "citizen",
            HolderKind::NonCitizen => "non-citizen",
        }
    }
}

/// What the credential is: "is my phone enough" has a different answer for a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    PhoneApp,
    /// A chip card the police read (Japan's マイナ免許証): the card, not a phone.
    ChipCard,
}

/// What a rule says of the credential at a stop.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// It is enough.
    Counts,
    /// A source says to carry the card.
    CarryCard,
    /// Sources disagree: carry the card.
    Conflict,
}

impl Outcome {
    pub fn id(self) -> &'static str {
        match self {
            Outcome::Counts => "counts",
            Outcome::CarryCard => "carry-card",
            Outcome::Conflict => "conflict",
        }
    }
}

/// What a jurisdiction's own law says of carrying a licence at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Carry {
    NotRequired,
    Required,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSchemes {
    pub version: String,
    pub as_of: Spanned<Datetime>,
    #[serde(default)]
    pub source: Vec<RawSource>,
    #[serde(default)]
    pub group: Vec<RawGroup>,
    #[serde(default)]
    pub scheme: Vec<RawScheme>,
    #[serde(default)]
    pub rule: Vec<RawRule>,
    #[serde(default)]
    pub baseline: Vec<RawBaseline>,
    #[serde(default)]
    pub gap: Vec<RawGap>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: Spanned<String>,
    pub title: String,
    pub url: Option<String>,
    pub quality: Quality,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGroup {
    pub id: Spanned<String>,
    pub name: String,
    pub members: Vec<Spanned<String>>,
    pub sources: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScheme {
    pub id: Spanned<String>,
    pub issuer: Spanned<String>,
    pub name: String,
    pub name_zh: Option<Spanned<String>>,
    pub form: Form,
    #[serde(default)]
    pub rollout: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub id: Spanned<String>,
    pub scheme: Option<Spanned<String>>,
    pub issued_in: Option<Spanned<String>>,
    #[serde(rename = "in")]
    pub places: Spanned<Vec<Spanned<String>>>,
    pub outcome: Spanned<Outcome>,
    pub by: Option<Spanned<String>>,
    pub by_zh: Option<Spanned<String>>,
    pub from: Option<Spanned<Datetime>>,
    pub until: Option<Spanned<Datetime>>,
    pub stages: Option<Spanned<Vec<Stage>>>,
    pub issued_from: Option<Spanned<Datetime>>,
    pub issued_before: Option<Spanned<Datetime>>,
    pub holder: Option<HolderKind>,
    pub may_not_hold: Option<Spanned<bool>>,
    pub phone_failure: Option<Spanned<RawPhoneFailure>>,
    pub grade: Spanned<Quality>,
    pub sources: Vec<Spanned<String>>,
    pub note: String,
    pub note_zh: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PhoneFailureKind {
    NoLicence,
    Grace,
    ProduceWithin,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPhoneFailure {
    pub kind: PhoneFailureKind,
    pub hours: Option<u32>,
    pub discretionary: Option<bool>,
    pub days: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBaseline {
    pub id: Spanned<String>,
    #[serde(rename = "in")]
    pub places: Vec<Spanned<String>>,
    pub licences: Vec<Spanned<String>>,
    pub carry: Carry,
    pub from: Option<Spanned<Datetime>>,
    pub identity_document: Option<bool>,
    pub produce_within_days: Option<u32>,
    pub grade: Spanned<Quality>,
    pub sources: Vec<Spanned<String>>,
    pub note: String,
    pub note_zh: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGap {
    pub id: Spanned<String>,
    pub jurisdictions: Vec<Spanned<String>>,
    pub reason: String,
    pub reason_zh: Option<Spanned<String>>,
    #[serde(default)]
    pub sources: Vec<Spanned<String>>,
}
