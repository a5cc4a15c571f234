//! What a schemes file covers beyond the mainland, issuer by issuer, and what the recognition
//! file covers across borders, destination by destination, with the gaps each says it leaves:
//! the summary `edl data` shows, computed from the data alone.

use serde::Serialize;

use super::Dataset;
use super::recognition::{PartyStatus, Recognition, Scope};
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
    /// Across borders: `data/recognition.toml`.
    pub recognition: Crossings,
}

/// What the recognition file covers: each destination with its own visitor rules, the
/// convention parties it knows, and its gaps. Any other pair has no source.
#[derive(Serialize)]
pub struct Crossings {
    pub version: String,
    /// Each destination (a territory or a group) with the ids of its rules.
    pub destinations: Vec<Covered>,
    /// Each convention (`1949`, `1968`) with the territories known to be parties, and those
    /// known not to be.
    pub parties: Vec<Parties>,
    pub gaps: Vec<CoverageGap>,
}

#[derive(Serialize)]
pub struct Parties {
    pub convention: String,
    pub parties: Vec<String>,
    pub not_parties: Vec<String>,
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
        recognition: crossings(Recognition::bundled(), &named),
    }
}

/// What the bundled recognition file covers.
fn crossings(recognition: &Recognition, named: &dyn Fn(&str, Vec<String>) -> Covered) -> Crossings {
    let scope_code = |scope: &Scope| match scope {
        Scope::Territory(territory) => territory.code().to_string(),
        Scope::Group(index) => recognition.groups[*index].id.to_uppercase(),
    };
    let mut destinations: Vec<Covered> = Vec::new();
    for rule in &recognition.rules {
        for place in &rule.places {
            let code = scope_code(place);
            match destinations.iter_mut().find(|c| c.code == code) {
                Some(entry) => entry.ids.push(rule.id.clone()),
                None => destinations.push(named(&code, vec![rule.id.clone()])),
            }
        }
    }
    let mut parties: Vec<Parties> = Vec::new();
    for party in &recognition.parties {
        let convention = party.convention.id().to_string();
        let index = match parties.iter().position(|p| p.convention == convention) {
            Some(index) => index,
            None => {
                parties.push(Parties {
                    convention,
                    parties: Vec::new(),
                    not_parties: Vec::new(),
                });
                parties.len() - 1
            }
        };
        let code = party.territory.code().to_string();
        match party.status {
            PartyStatus::Party => parties[index].parties.push(code),
            PartyStatus::NotParty => parties[index].not_parties.push(code),
        }
    }
    Crossings {
        version: recognition.version.clone(),
        destinations,
        parties,
        gaps: recognition
            .gaps
            .iter()
            .map(|gap| CoverageGap {
                id: gap.id.clone(),
                jurisdictions: gap.places.iter().map(scope_code).collect(),
                reason: gap.reason.en.to_string(),
                wording: gap.reason.clone(),
            })
            .collect(),
    }
}
