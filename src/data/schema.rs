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
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDefault {
    pub earliest: Spanned<Datetime>,
    pub latest: Spanned<Datetime>,
    pub sources: Vec<Spanned<String>>,
    pub note: String,
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
}
