//! Where a local permit is issued: the offices the facts name in a stop's province on a day, or
//! the gap the facts record there. A pure lookup that never reads the clock.

use chrono::NaiveDate;

use super::{Office, OfficeGap, Recognition, Scope};
use crate::data::schemes::Territory;

/// Where a stop's local permit is issued, as far as the facts say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Issuing<'r> {
    /// The offices in the stop's province, in file order.
    At(Vec<&'r Office>),
    /// No office the facts name there on the day; the most specific gap they record, if any.
    NoSource(Option<&'r OfficeGap>),
}

impl Recognition {
    /// Where the permit a rule (its id) asks for is issued to its holders, for a stop in
    /// `destination` (its territories: `[CN-BJ, CN]`) on `on`. `None` where the facts say
    /// nothing of where it is issued to them, near the stop or anywhere around it.
    pub fn issuing(
        &self,
        rule: &str,
        destination: &[Territory],
        on: NaiveDate,
    ) -> Option<Issuing<'_>> {
        let serves = |rules: &[String]| rules.iter().any(|id| id == rule);
        let offices: Vec<&Office> = self
            .offices
            .iter()
            .filter(|office| {
                serves(&office.rules)
                    && destination.contains(&office.province)
                    && office.from.is_none_or(|from| from <= on)
            })
            .collect();
        if !offices.is_empty() {
            return Some(Issuing::At(offices));
        }
        let mut best: Option<(bool, &OfficeGap)> = None;
        for gap in self.office_gaps.iter().filter(|gap| serves(&gap.rules)) {
            let Some(subdivision) = self.covers(&gap.places, destination) else {
                continue;
            };
            if best.is_none_or(|(known, _)| subdivision && !known) {
                best = Some((subdivision, gap));
            }
        }
        match best {
            Some((_, gap)) => Some(Issuing::NoSource(Some(gap))),
            // An office elsewhere in the country, on the day or later: the facts know of offices
            // for these holders, just none here.
            None if self.offices.iter().any(|office| {
                serves(&office.rules)
                    && destination
                        .iter()
                        .any(|territory| office.province.lies_in(*territory))
            }) =>
            {
                Some(Issuing::NoSource(None))
            }
            None => None,
        }
    }

    /// The offices that lie in a place (any of its territories, as `show` lists a country's).
    pub fn offices_in<'r>(
        &'r self,
        place: &'r [Territory],
    ) -> impl Iterator<Item = &'r Office> + 'r {
        self.offices.iter().filter(move |office| {
            place.contains(&office.province)
                || place
                    .iter()
                    .any(|territory| office.province.lies_in(*territory))
        })
    }

    /// The office gaps that name a place or a subdivision of it.
    pub fn office_gaps_in<'r>(
        &'r self,
        place: &'r [Territory],
    ) -> impl Iterator<Item = &'r OfficeGap> + 'r {
        self.office_gaps.iter().filter(move |gap| {
            self.covers(&gap.places, place).is_some()
                || gap.places.iter().any(|scope| {
                    matches!(scope, Scope::Territory(territory)
                        if place.iter().any(|wider| territory.lies_in(*wider)))
                })
        })
    }
}
