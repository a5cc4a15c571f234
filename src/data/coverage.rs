//! What a schemes file covers beyond the mainland, issuer by issuer, and the gaps it says it
//! leaves: the summary `edl data` shows, computed from the data alone.

use serde::Serialize;

use super::Dataset;
use super::rollout::Wording;
use super::schemes::{Carry, Issuer};
use super::world::World;

/// The jurisdictions the schemes file covers, and its gaps.
#[derive(Serialize)]
pub struct Coverage {
    /// The schemes file: `data/schemes.toml`, or the user's.
    pub origin: String,
    pub version: String,
    /// Each issuer with a digital licence in the data, with its schemes' ids.
    pub covered: Vec<Covered>,
    /// Places whose own law needs no licence carried, for some licences.
    pub no_card: Vec<Covered>,
    pub gaps: Vec<CoverageGap>,
}

#[derive(Serialize)]
pub struct Covered {
    pub code: String,
    pub name: String,
    pub ids: Vec<String>,
    #[serde(skip)]
    pub zh: Option<String>,
}

#[derive(Serialize)]
pub struct CoverageGap {
    pub id: String,
    pub jurisdictions: Vec<String>,
    pub reason: String,
    #[serde(skip)]
    pub wording: Wording,
}

/// What the bundled schemes file covers, issuer by issuer.
pub fn coverage(dataset: &Dataset) -> Coverage {
    let schemes = dataset.schemes();
    let world = World::bundled();
    let named = |code: &str, ids: Vec<String>| {
        let row = world.by_code(code);
        Covered {
            code: code.to_string(),
            name: row.map_or_else(|| code.to_string(), |row| row.name().to_string()),
            zh: row.and_then(|row| row.zh()).map(str::to_string),
            ids,
        }
    };
    let mut covered: Vec<Covered> = Vec::new();
    for scheme in schemes.schemes.iter() {
        let code = match scheme.issuer {
            Issuer::Territory(territory) => territory.code().to_string(),
            Issuer::Group(index) => schemes.groups[index].id.to_uppercase(),
        };
        match covered.iter_mut().find(|c| c.code == code) {
            Some(entry) => entry.ids.push(scheme.id.to_string()),
            None => covered.push(named(&code, vec![scheme.id.to_string()])),
        }
    }
    let mut no_card: Vec<Covered> = Vec::new();
    let not_required = schemes
        .baselines
        .iter()
        .filter(|baseline| baseline.carry == Carry::NotRequired);
    for baseline in not_required {
        for place in baseline.places.iter() {
            match no_card.iter_mut().find(|c| c.code == place.code()) {
                Some(entry) => entry.ids.push(baseline.id.to_string()),
                None => no_card.push(named(place.code(), vec![baseline.id.to_string()])),
            }
        }
    }
    Coverage {
        origin: dataset.schemes_origin().to_string(),
        version: schemes.version.to_string(),
        covered,
        no_card,
        gaps: schemes
            .gaps
            .iter()
            .map(|gap| CoverageGap {
                id: gap.id.to_string(),
                jurisdictions: gap
                    .jurisdictions
                    .iter()
                    .map(|j| j.code().to_string())
                    .collect(),
                reason: gap.reason.en.to_string(),
                wording: gap.reason.clone(),
            })
            .collect(),
    }
}
