//! The pure evaluator: for a licence's issuing territories, a destination's territories and a
//! day, what the licence needs there, what to carry, and which fact decided it.
//!
//! Precedence: the destination's rules first (one about the licence's issuer beats a general one;
//! one for a subdivision beats one for its country); then a convention both places are parties
//! to on the day (the newest); else no source. Nothing is valid by default across a border.

use chrono::NaiveDate;

use super::{
    Cited, Convention, Document, Gap, Issued, Issuers, LocalPermit, Outcome, Party, PartyStatus,
    Recognition, Rule, Scope, Translation,
};
use crate::data::rollout::Wording;
use crate::data::schema::Quality;
use crate::data::schemes::Territory;

/// What a licence needs to drive at a destination.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Needs {
    /// The licence as it is.
    Valid,
    /// The licence with an IDP of one of these conventions (newest first).
    WithIdp(Vec<Convention>),
    WithTranslation(Translation),
    /// Only with this local document; the licence alone does not let you drive.
    LocalPermitOnly(LocalPermit),
    NotValid,
    /// No fact covers the pair: bring the card, and check what the destination needs.
    NoSource,
}

/// The fact that decided a finding: a rule's or a convention's id, grade and sources.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Basis<'r> {
    pub id: &'r str,
    pub grade: Quality,
    pub sources: &'r [Cited],
}

/// Something a finding says beside what to carry; each is rendered by the caller in its language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note<'r> {
    /// The deciding fact's own words (limits on the stay first).
    Said(&'r Wording),
    /// The issuer is no party to a convention whose IDP the destination takes.
    NotParty(&'r Party),
    /// No fact says whether the issuer is a party to these conventions, whose IDPs the
    /// destination takes: if it is not, the licence is not valid there.
    PartyUnknown {
        issuer: Territory,
        conventions: Vec<Convention>,
    },
    /// A gap the facts record for the pair.
    Gap(&'r Gap),
}

/// What a licence needs at a destination on a day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding<'r> {
    pub needs: Needs,
    /// What to show at a stop, in the order to say it; empty where the licence is not valid.
    pub carry: Vec<Document>,
    /// `None` for [`Needs::NoSource`].
    pub basis: Option<Basis<'r>>,
    pub notes: Vec<Note<'r>>,
}

/// A place as its territories: its country, and the most specific of them.
struct Side<'t> {
    all: &'t [Territory],
    country: &'static str,
    most: Territory,
}

impl<'t> Side<'t> {
    fn of(all: &'t [Territory]) -> Option<Side<'t>> {
        let most = *all.iter().max_by_key(|t| t.code().len())?;
        let code = most.code();
        Some(Side {
            all,
            country: code.split('-').next().unwrap_or(code),
            most,
        })
    }
}

fn holds(from: Option<NaiveDate>, until: Option<NaiveDate>, on: NaiveDate) -> bool {
    from.is_none_or(|from| from <= on) && until.is_none_or(|until| on < until)
}

impl Recognition {
    /// What a licence issued in `licence` (its territories: `[AU, AU-NSW]`, `[CN]`, `[HK]`)
    /// needs to drive in `destination` (`[JP, JP-13]`) on `on`. `None` when the destination is
    /// the licence's own ground (it holds the licence's most specific territory): no border is
    /// crossed, and the licence's home rules answer. Empty territory lists are no place: `None`.
    ///
    /// Pass the territories that issue the licence: a country's own licence as the country
    /// alone (`[CN]`), a subdivision's with its country (`[AU, AU-NSW]`). A subdivision's licence
    /// elsewhere in its country is judged by the `same-country` rules, of which only a few states
    /// have one: pass a national licence with a subdivision and it is judged so too.
    pub fn judge(
        &self,
        licence: &[Territory],
        destination: &[Territory],
        on: NaiveDate,
    ) -> Option<Finding<'_>> {
        let licence = Side::of(licence)?;
        let destination = Side::of(destination)?;
        if destination.all.contains(&licence.most) {
            return None;
        }
        if let Some(rule) = self.deciding_rule(&licence, &destination, on) {
            return Some(self.apply(rule, &licence, on));
        }
        if let Some(finding) = self.by_convention(&licence, &destination, on) {
            return Some(finding);
        }
        let notes = self
            .gaps
            .iter()
            .filter(|gap| {
                self.covers(&gap.places, destination.all).is_some()
                    && self.issued_by(&gap.issuers, &licence, &destination)
            })
            .map(Note::Gap)
            .collect();
        Some(Finding {
            needs: Needs::NoSource,
            carry: vec![Document::LicenceCard],
            basis: None,
            notes,
        })
    }

    /// The destination's rule for this licence on the day: the most specific one, the first in
    /// the file among equals.
    fn deciding_rule(&self, licence: &Side, destination: &Side, on: NaiveDate) -> Option<&Rule> {
        let mut best: Option<((bool, bool), &Rule)> = None;
        for rule in &self.rules {
            if !holds(rule.from, rule.until, on)
                || !self.issued_by(&rule.issuers, licence, destination)
            {
                continue;
            }
            let Some(subdivision) = self.covers(&rule.places, destination.all) else {
                continue;
            };
            let rank = (!rule.issuers.only.is_empty(), subdivision);
            if best.is_none_or(|(known, _)| rank > known) {
                best = Some((rank, rule));
            }
        }
        best.map(|(_, rule)| rule)
    }

    fn issued_by(&self, issuers: &Issuers, licence: &Side, destination: &Side) -> bool {
        let place = match issuers.issued {
            Issued::Abroad => licence.country != destination.country,
            Issued::SameCountry => licence.country == destination.country,
            Issued::Elsewhere => true,
        };
        place
            && (issuers.only.is_empty() || self.within(&issuers.only, licence.all))
            && !self.within(&issuers.except, licence.all)
    }

    fn within(&self, scopes: &[Scope], territories: &[Territory]) -> bool {
        self.covers(scopes, territories).is_some()
    }

    fn apply<'r>(&'r self, rule: &'r Rule, licence: &Side, on: NaiveDate) -> Finding<'r> {
        let basis = Basis {
            id: &rule.id,
            grade: rule.grade,
            sources: &rule.sources,
        };
        let mut notes: Vec<Note> = rule.note.iter().map(Note::Said).collect();
        let mut carry = rule.carry.clone();
        let needs = match &rule.outcome {
            Outcome::Valid => Needs::Valid,
            Outcome::Translation(translation) => Needs::WithTranslation(*translation),
            Outcome::LocalPermit(permit) => Needs::LocalPermitOnly(*permit),
            Outcome::NotValid => Needs::NotValid,
            Outcome::Idp(accepted) => {
                let mut parties = Vec::new();
                let mut unknown = Vec::new();
                let mut refused = Vec::new();
                for &convention in accepted.iter().rev() {
                    match self.status(licence.all, convention, on) {
                        Some(party) if party.status == PartyStatus::Party => {
                            parties.push(convention)
                        }
                        Some(party) => refused.push(party),
                        None => unknown.push(convention),
                    }
                }
                if !parties.is_empty() {
                    Needs::WithIdp(parties)
                } else if !unknown.is_empty() {
                    notes.push(Note::PartyUnknown {
                        issuer: licence.most,
                        conventions: unknown.clone(),
                    });
                    Needs::WithIdp(unknown)
                } else {
                    notes.extend(refused.into_iter().map(Note::NotParty));
                    Needs::NotValid
                }
            }
        };
        match &needs {
            Needs::WithIdp(conventions) => carry.extend(conventions.first().map(|c| c.idp())),
            Needs::NotValid => carry.clear(),
            _ => {}
        }
        Finding {
            needs,
            carry,
            basis: Some(basis),
            notes,
        }
    }

    /// What the facts say of a place (any of its territories) and a convention on a day: its
    /// party entry, or `None` where they are silent.
    fn status(
        &self,
        territories: &[Territory],
        convention: Convention,
        on: NaiveDate,
    ) -> Option<&Party> {
        self.parties.iter().find(|party| {
            party.convention == convention
                && territories.contains(&party.territory)
                && holds(party.from, None, on)
        })
    }

    fn is_party(&self, territories: &[Territory], convention: Convention, on: NaiveDate) -> bool {
        self.status(territories, convention, on)
            .is_some_and(|party| party.status == PartyStatus::Party)
    }

    /// The newest convention both countries are parties to on the day, where the file describes it.
    fn by_convention(
        &self,
        licence: &Side,
        destination: &Side,
        on: NaiveDate,
    ) -> Option<Finding<'_>> {
        // A convention binds states to each other, not a state's subdivisions among themselves.
        if licence.country == destination.country {
            return None;
        }
        let fact = self
            .conventions
            .iter()
            .filter(|fact| {
                self.is_party(licence.all, fact.convention, on)
                    && self.is_party(destination.all, fact.convention, on)
            })
            .max_by_key(|fact| fact.convention)?;
        Some(Finding {
            needs: Needs::WithIdp(vec![fact.convention]),
            carry: vec![Document::LicenceCard, fact.convention.idp()],
            basis: Some(Basis {
                id: &fact.id,
                grade: fact.grade,
                sources: &fact.sources,
            }),
            notes: vec![Note::Said(&fact.note)],
        })
    }
}
