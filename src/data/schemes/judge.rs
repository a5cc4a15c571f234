//! The evaluator: for a holder, a stop and a date, what the schemes file says the holder's
//! digital licence is worth there. Pure: it reads the validated file and nothing else.
//!
//! The cautious answer is the default: a pair no rule covers, a rule that does not hold for this
//! holder or on this date, a conflict, one agency's practice: each is `bring-card`, with why.

use chrono::NaiveDate;

use super::{
    Baseline, Carry, Gap, HolderKind, Issuer, Licences, Outcome, PhoneFailure, Place, Rule, Scheme,
    Schemes, Stage, Territory,
};

/// Whose licence it is.
#[derive(Clone, Copy, Debug)]
pub struct Holder<'a> {
    /// The issuing jurisdiction's territories, most specific first (`[AU-NSW, AU]`, `[CN]` for
    /// a mainland licence); `None` when the user gave no home.
    pub home: Option<&'a [Territory]>,
    pub stage: Stage,
    /// The licence's issue date, where the user gave it.
    pub issued: Option<NaiveDate>,
    pub kind: Option<HolderKind>,
    /// The holder says they have the digital form of the licence, for rules that hold only then.
    pub has_digital: bool,
}

/// What the holder's credential is worth at the stop, and what else to say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Judgement<'s> {
    pub answer: Answer<'s>,
    pub notes: Vec<Note<'s>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer<'s> {
    /// The credential is enough (`e-license`), by this rule.
    Counts { scheme: &'s Scheme, rule: &'s Rule },
    /// The stop's own law needs no licence carried for this holder (`no-card-needed`).
    NoCardNeeded { baseline: &'s Baseline },
    /// Bring the card (`bring-card`), and why.
    BringCard(Reason<'s>),
    /// The scheme's availability by division (the rollout file: its windows, its `never` facts
    /// and its rules) answers here, for a stop its `rollout` list names.
    ByAvailability { scheme: &'s Scheme },
}

/// Why the card must be brought.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason<'s> {
    /// No home was given: these schemes' credentials would count here on the date (for the
    /// stage given), and these baselines need no licence carried for their issuers' licences.
    NoHome {
        counts: Vec<&'s Scheme>,
        no_card: Vec<&'s Baseline>,
    },
    /// The data knows no digital licence of the holder's issuer.
    NoScheme,
    /// The holder's issuer is a listed gap: no solid source.
    Gap { gap: &'s Gap },
    /// The stop is a whole country and the holder's digital licence is issued in a part of it
    /// (Australia for a New South Wales licence): the answer may differ within it.
    DependsWithin { country: Territory },
    /// No rule says anything of the scheme at this stop (its most specific territory).
    NoRuleCovers {
        scheme: &'s Scheme,
        stop: Option<Territory>,
    },
    /// A source says to carry the card.
    CarryCardRule { rule: &'s Rule },
    /// The stop's own law says to carry a licence (Taiwan), and nothing counts instead.
    CarryRequired { baseline: &'s Baseline },
    /// Sources disagree.
    Conflict { rule: &'s Rule },
    /// Only one agency's practice accepts it: not every officer's.
    AgencyOnly { rule: &'s Rule },
    /// The rule does not hold for this stage.
    StageExcluded { rule: &'s Rule, stage: Stage },
    /// The rule holds for licences issued in a range; the licence's date is outside it, or
    /// was not given.
    IssueDate {
        rule: &'s Rule,
        issued: Option<NaiveDate>,
    },
    /// The rule holds for one kind of holder; this one is another, or was not said.
    HolderExcluded {
        rule: &'s Rule,
        kind: Option<HolderKind>,
    },
    /// The rule holds only for a holder who has the digital form, which not every holder has
    /// yet, and this one did not say they do.
    MayNotHold { rule: &'s Rule },
    /// The rule holds from a later day.
    NotYet { rule: &'s Rule, from: NaiveDate },
    /// The rule no longer held on the day.
    Ended { rule: &'s Rule, until: NaiveDate },
}

impl Reason<'_> {
    /// Which of two reasons a holder with several schemes hears: a sourced "carry the card"
    /// first, a bare "no rule covers it" last.
    fn rank(&self) -> u8 {
        match self {
            Reason::CarryCardRule { .. }
            | Reason::CarryRequired { .. }
            | Reason::DependsWithin { .. } => 0,
            Reason::Conflict { .. } => 1,
            Reason::AgencyOnly { .. } => 2,
            Reason::StageExcluded { .. }
            | Reason::IssueDate { .. }
            | Reason::HolderExcluded { .. }
            | Reason::MayNotHold { .. } => 3,
            // A credential the holder had says more than one still to come.
            Reason::Ended { .. } => 4,
            // One that no holder may have yet says no more than "no rule covers it".
            Reason::NotYet { rule, .. } if rule.may_not_hold => 7,
            Reason::NotYet { .. } => 5,
            Reason::NoHome { .. } | Reason::Gap { .. } => 6,
            Reason::NoRuleCovers { .. } | Reason::NoScheme => 7,
        }
    }
}

/// Something to say beside the answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note<'s> {
    /// What a failing phone means under the rule that made the credential count.
    PhoneFailure {
        rule: &'s Rule,
        failure: PhoneFailure,
    },
    /// An agency's practice that holds here, beside the answer.
    Agency { rule: &'s Rule },
}

/// How one scheme fares at the stop.
enum Fare<'s> {
    Counts(&'s Rule),
    Not(Reason<'s>),
}

impl Schemes {
    /// What the holder's digital licence is worth at `stop` (its territories, most specific
    /// first: `[AU-QLD, AU]`, `[HK]`, `[CN]`) on `on`.
    pub fn judge<'s>(
        &'s self,
        holder: &Holder<'_>,
        stop: &[Territory],
        on: NaiveDate,
    ) -> Judgement<'s> {
        let Some(home) = holder.home else {
            return self.without_home(holder, stop, on);
        };
        let schemes: Vec<&Scheme> = self
            .schemes
            .iter()
            .filter(|scheme| self.issued_in(scheme.issuer, home))
            .collect();
        if let Some(scheme) = schemes
            .iter()
            .find(|scheme| scheme.rollout.iter().any(|place| stop.contains(place)))
        {
            return Judgement {
                answer: Answer::ByAvailability { scheme },
                notes: Vec::new(),
            };
        }
        // Australia for a New South Wales digital licence: its rules differ between its issuer
        // and the rest, so a country that holds its issuer has no one answer.
        if let [country] = stop
            && !schemes.is_empty()
            && home.iter().any(|part| part.lies_in(*country))
        {
            return Judgement {
                answer: Answer::BringCard(Reason::DependsWithin { country: *country }),
                notes: Vec::new(),
            };
        }
        let mut required = None;
        for baseline in self.baselines_at(stop, on) {
            let theirs = match &baseline.licences {
                Licences::Any => true,
                Licences::IssuedBy(issuers) => issuers.iter().any(|issuer| home.contains(issuer)),
            };
            match (theirs, baseline.carry) {
                (true, Carry::NotRequired) => {
                    return Judgement {
                        answer: Answer::NoCardNeeded { baseline },
                        notes: Vec::new(),
                    };
                }
                (true, Carry::Required) => required = required.or(Some(baseline)),
                (false, _) => {}
            }
        }
        let mut notes = Vec::new();
        let mut best: Option<Reason> = None;
        for scheme in &schemes {
            match self.fare(scheme, holder, stop, on, false, &mut notes) {
                Fare::Counts(rule) => {
                    if let Some(failure) = rule.phone_failure {
                        notes.insert(0, Note::PhoneFailure { rule, failure });
                    }
                    return Judgement {
                        answer: Answer::Counts { scheme, rule },
                        notes,
                    };
                }
                Fare::Not(reason) => {
                    if best.as_ref().is_none_or(|best| reason.rank() < best.rank()) {
                        best = Some(reason);
                    }
                }
            }
        }
        let gap = self
            .gaps
            .iter()
            .find(|gap| gap.jurisdictions.iter().any(|place| home.contains(place)));
        let reason = match (best, required, gap) {
            (Some(reason), Some(baseline), _) if reason.rank() >= 6 => {
                Reason::CarryRequired { baseline }
            }
            // The home's gap says more than "not yet" or "no rule covers it" (Sweden's own
            // digital licence, not the EU's still to come).
            (Some(reason), None, Some(gap)) if reason.rank() >= 5 => Reason::Gap { gap },
            (Some(reason), _, _) => reason,
            (None, Some(baseline), _) => Reason::CarryRequired { baseline },
            (None, None, Some(gap)) => Reason::Gap { gap },
            (None, None, None) => Reason::NoScheme,
        };
        Judgement {
            answer: Answer::BringCard(reason),
            notes,
        }
    }

    /// With no home given: where a scheme's availability by division answers (its `rollout`
    /// list names the stop), that answers, for the licence the divisions' own; elsewhere, say
    /// whose credentials would count.
    fn without_home<'s>(
        &'s self,
        holder: &Holder<'_>,
        stop: &[Territory],
        on: NaiveDate,
    ) -> Judgement<'s> {
        if let Some(scheme) = self
            .schemes
            .iter()
            .find(|scheme| scheme.rollout.iter().any(|place| stop.contains(place)))
        {
            return Judgement {
                answer: Answer::ByAvailability { scheme },
                notes: Vec::new(),
            };
        }
        let mut no_card = Vec::new();
        let mut required = None;
        for baseline in self.baselines_at(stop, on) {
            match (&baseline.licences, baseline.carry) {
                (Licences::Any, Carry::NotRequired) => {
                    return Judgement {
                        answer: Answer::NoCardNeeded { baseline },
                        notes: Vec::new(),
                    };
                }
                (Licences::Any, Carry::Required) => required = required.or(Some(baseline)),
                (Licences::IssuedBy(_), Carry::NotRequired) => no_card.push(baseline),
                (Licences::IssuedBy(_), Carry::Required) => {}
            }
        }
        let mut notes = Vec::new();
        let counts: Vec<&Scheme> = self
            .schemes
            .iter()
            .filter(|scheme| {
                scheme.rollout.is_empty()
                    && matches!(
                        self.fare(scheme, holder, stop, on, true, &mut notes),
                        Fare::Counts(_)
                    )
            })
            .collect();
        let reason = match required {
            Some(baseline) if counts.is_empty() && no_card.is_empty() => {
                Reason::CarryRequired { baseline }
            }
            _ => Reason::NoHome { counts, no_card },
        };
        let mut seen = Vec::new();
        notes.retain(|note| {
            let new = !seen.contains(note);
            if new {
                seen.push(note.clone());
            }
            new
        });
        Judgement {
            answer: Answer::BringCard(reason),
            notes,
        }
    }

    /// How a scheme fares at the stop. `any_holder` judges for the stage given but for any issue
    /// date and kind of holder: someone's credential of the scheme counts.
    fn fare<'s>(
        &'s self,
        scheme: &'s Scheme,
        holder: &Holder<'_>,
        stop: &[Territory],
        on: NaiveDate,
        any_holder: bool,
        notes: &mut Vec<Note<'s>>,
    ) -> Fare<'s> {
        let mut carry: Option<Reason> = None;
        let mut counts = None;
        let mut agency = Vec::new();
        let mut excluded: Option<Reason> = None;
        for rule in self.rules_of(scheme) {
            if !rule
                .places
                .iter()
                .any(|place| self.holds_at(*place, scheme, stop))
            {
                continue;
            }
            match (holds_for(rule, holder, on, any_holder), rule.outcome) {
                (Ok(()), Outcome::CarryCard) => {
                    carry.get_or_insert(Reason::CarryCardRule { rule });
                }
                (Ok(()), Outcome::Conflict) => {
                    if carry.as_ref().is_none_or(|carry| carry.rank() > 1) {
                        carry = Some(Reason::Conflict { rule });
                    }
                }
                (Ok(()), Outcome::Counts) if rule.by.is_some() => agency.push(rule),
                (Ok(()), Outcome::Counts) => {
                    counts.get_or_insert(rule);
                }
                // A "carry the card" that does not hold is no reason for anything.
                (Err(_), Outcome::CarryCard) => {}
                (Err(reason), Outcome::Counts | Outcome::Conflict) => {
                    if excluded
                        .as_ref()
                        .is_none_or(|known| reason.rank() < known.rank())
                    {
                        excluded = Some(reason);
                    }
                }
            }
        }
        let (fare, noted) = match (carry, counts, agency.split_first()) {
            (Some(reason), _, _) => (Fare::Not(reason), &agency[..]),
            (None, Some(rule), _) => (Fare::Counts(rule), &agency[..]),
            (None, None, Some((&rule, rest))) => (Fare::Not(Reason::AgencyOnly { rule }), rest),
            (None, None, None) => (
                Fare::Not(excluded.unwrap_or(Reason::NoRuleCovers {
                    scheme,
                    stop: stop.first().copied(),
                })),
                &[][..],
            ),
        };
        notes.extend(noted.iter().map(|&rule| Note::Agency { rule }));
        fare
    }

    /// A baseline by which the home's own licences need not be carried somewhere on the day
    /// (Great Britain's for a UK licence): a home that issues no digital licence does not then
    /// mean bring-card by itself; the stops decide.
    pub fn frees(&self, home: &[Territory], on: NaiveDate) -> Option<&Baseline> {
        self.baselines.iter().find(|baseline| {
            baseline.carry == Carry::NotRequired
                && baseline.from.is_none_or(|from| from <= on)
                && matches!(&baseline.licences, Licences::IssuedBy(issuers)
                    if issuers.iter().any(|issuer| home.contains(issuer)))
        })
    }

    /// The schemes a home issues: its own and its groups' (a Polish licence, and the EU's).
    pub fn issued_by(&self, home: &[Territory]) -> Vec<&Scheme> {
        self.schemes
            .iter()
            .filter(|scheme| self.issued_in(scheme.issuer, home))
            .collect()
    }

    /// Whether a credential of this issuer is one of the territories' own.
    fn issued_in(&self, issuer: Issuer, territories: &[Territory]) -> bool {
        match issuer {
            Issuer::Territory(issuer) => territories.contains(&issuer),
            Issuer::Group(group) => self.groups.get(group).is_some_and(|group| {
                group
                    .members
                    .iter()
                    .any(|member| territories.contains(member))
            }),
        }
    }

    fn holds_at(&self, place: Place, scheme: &Scheme, stop: &[Territory]) -> bool {
        match place {
            Place::Issuer => self.issued_in(scheme.issuer, stop),
            Place::Elsewhere => !self.issued_in(scheme.issuer, stop),
            Place::Territory(territory) => stop.contains(&territory),
            Place::Group(group) => self.issued_in(Issuer::Group(group), stop),
        }
    }

    fn baselines_at<'s>(
        &'s self,
        stop: &[Territory],
        on: NaiveDate,
    ) -> impl Iterator<Item = &'s Baseline> {
        let stop = stop.to_vec();
        self.baselines.iter().filter(move |baseline| {
            baseline.places.iter().any(|place| stop.contains(place))
                && baseline.from.is_none_or(|from| from <= on)
        })
    }
}

/// Whether a rule holds for the holder on the day; if not, why. The holder's own facts come
/// first: a learner told "not yet" would wait for a day that never comes for them.
fn holds_for<'s>(
    rule: &'s Rule,
    holder: &Holder<'_>,
    on: NaiveDate,
    any_holder: bool,
) -> Result<(), Reason<'s>> {
    if !rule.stages.is_empty() && !rule.stages.contains(&holder.stage) {
        return Err(Reason::StageExcluded {
            rule,
            stage: holder.stage,
        });
    }
    let dated = rule.issued_from.is_some() || rule.issued_before.is_some();
    if dated && !any_holder {
        let inside = holder.issued.is_some_and(|issued| {
            rule.issued_from.is_none_or(|from| from <= issued)
                && rule.issued_before.is_none_or(|before| issued < before)
        });
        if !inside {
            return Err(Reason::IssueDate {
                rule,
                issued: holder.issued,
            });
        }
    }
    if let Some(kind) = rule.holder
        && !any_holder
        && holder.kind != Some(kind)
    {
        return Err(Reason::HolderExcluded {
            rule,
            kind: holder.kind,
        });
    }
    if let Some(from) = rule.from
        && on < from
    {
        return Err(Reason::NotYet { rule, from });
    }
    if let Some(until) = rule.until
        && on >= until
    {
        return Err(Reason::Ended { rule, until });
    }
    // Last: before the day, "not yet" says more than "if you hold one".
    if rule.may_not_hold && !any_holder && !holder.has_digital {
        return Err(Reason::MayNotHold { rule });
    }
    Ok(())
}
