//! English. Also the language of JSON and TSV sentences (reasons, notes), in every locale.

use chrono::NaiveDate;

use super::{
    Blocking, CheckColumn, DataSummary, Messages, Reach, Refusal, Retype, ShowField, beside_card,
    chain, echo, office_province, with_code, world_chain,
};
use crate::data::RuleId;
use crate::data::recognition::{Document, Issuing, Needs, Note as RecognitionNote};
use crate::data::schemes::{
    Answer, HolderKind, Note as SchemeNote, PhoneFailure, Reason as SchemeReason,
};
use crate::data::world::WorldPlace;
use crate::data::{AliasKind, Change, Divisions};
use crate::data::{Claim, Division, Kind, Level, Quality, Wording};
use crate::dates::{DateError, FIRST_YEAR, LAST_YEAR};
use crate::place::{Place, PlaceNote};
use crate::verdict::{
    Ambiguous, Cited, Crossing, Days, Engine, Facts, Ground, LicenseState, Note, Placed, Reason,
    SchemeWhy, Status, Verdict, Why,
};

pub struct English;

/// A rule as sentences cite it: ` (valid-nationwide, strong)`.
fn cite(rule: &Cited) -> String {
    format!(" ({}, {})", rule.rule.id(), rule.quality.id())
}

fn cite_opt(rule: &Option<Cited>) -> String {
    rule.as_ref().map_or(String::new(), cite)
}

use super::cites_better_than_low;

fn grounds_text(why: &Why<'_>) -> String {
    let grounds: Vec<String> = why
        .grounds
        .iter()
        .map(|ground| match ground {
            Ground::Fact { id, quality, .. } => format!("{id}, {}", quality.id()),
            Ground::DefaultWindow {
                earliest,
                latest,
                nationwide,
                latest_quality,
            } => format!(
                "no source names its day: the second batch began {earliest};{} all by {latest}, the end-of-2021 target ({})",
                nationwide.map_or(String::new(), |day| format!(
                    " nationwide from {day}, some places later,"
                )),
                latest_quality.id()
            ),
            Ground::DefaultEarliest(day) => format!("not before {day}, when the second batch began"),
            Ground::DefaultLatest { day, quality } => {
                format!("by {day}, the end-of-2021 target ({})", quality.id())
            }
        })
        .collect();
    let mut text = String::new();
    if !grounds.is_empty() {
        text = format!(" ({})", grounds.join("; "));
    }
    if why.low_quality {
        // A stronger source may name the place without its day: then the day is what rests on
        // the weak ones, and saying "only low-quality sources" would deny the strong one cited.
        text.push_str(if cites_better_than_low(why) {
            "; its day rests only on the low-quality ones"
        } else {
            "; this rests only on low-quality sources"
        });
    }
    text
}

/// A list of codes, or a word saying it is empty.
fn or_none(codes: &[String]) -> String {
    if codes.is_empty() {
        "none".to_string()
    } else {
        codes.join(", ")
    }
}

/// Items in running text: `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn join_places(places: &[Place<'_>]) -> String {
    places
        .iter()
        .map(|&place| English.place_in(place))
        .collect::<Vec<_>>()
        .join(", ")
}

impl English {
    /// The reason the schemes file gives for a place, or (`home`) for the licence's home.
    fn scheme_reason(&self, why: &SchemeWhy<'_>, place: Place<'_>, home: bool) -> String {
        let home_name = why.home.map_or_else(
            || "the licence's home".to_string(),
            |home| self.place_chain(home),
        );
        if home {
            if let Answer::NoCardNeeded { baseline } = &why.judgement.answer {
                return format!(
                    "edl knows no digital licence issued in {}, but some places need no licence carried for it{}: each stop's rules decide",
                    self.place_chain(place),
                    format_args!(" ({}, {})", baseline.id, baseline.grade.id())
                );
            }
            if why.issued.is_empty() {
                return format!(
                    "edl knows no digital licence issued in {}: bring the card",
                    self.place_chain(place)
                );
            }
            let names: Vec<String> = why
                .issued
                .iter()
                .map(|scheme| {
                    let held = if scheme.on_request {
                        ", if you hold one"
                    } else {
                        ""
                    };
                    format!("{} ({}{held})", self.wording(&scheme.name), scheme.id)
                })
                .collect();
            return format!(
                "licences issued in {}: {}; each stop's rules decide where it counts",
                self.place_chain(place),
                names.join(", ")
            );
        }
        let cite = |id: &str, grade: Quality| format!(" ({id}, {})", grade.id());
        let stage = why.holder.stage.id();
        let mut text = match &why.judgement.answer {
            Answer::Counts { scheme, rule } => format!(
                "{} is enough here{}: {}",
                self.wording(&scheme.name),
                cite(&rule.id, rule.grade),
                clause(self.wording(&rule.note))
            ),
            Answer::NoCardNeeded { baseline } => format!(
                "no licence need be carried here for this licence{}: {}",
                cite(&baseline.id, baseline.grade),
                clause(self.wording(&baseline.note))
            ),
            Answer::ByAvailability { scheme } => {
                format!("the rollout of {} decides here", self.wording(&scheme.name))
            }
            Answer::BringCard(reason) => match reason {
                SchemeReason::NoHome { counts, no_card }
                    if counts.is_empty() && no_card.is_empty() =>
                {
                    "no source lets any digital licence count here: bring-card is the cautious answer"
                        .to_string()
                }
                SchemeReason::NoHome { counts, no_card } => {
                    let mut parts: Vec<String> = counts
                        .iter()
                        .map(|scheme| {
                            format!("{} ({}) counts", self.wording(&scheme.name), scheme.id)
                        })
                        .collect();
                    parts.extend(no_card.iter().map(|baseline| {
                        format!("some licences need not be carried ({})", baseline.id)
                    }));
                    format!(
                        "whose licence it is decides: here {}; give the issuing place with --home (as in --home NSW)",
                        parts.join(", ")
                    )
                }
                SchemeReason::NoScheme => {
                    format!("edl knows no digital licence issued in {home_name}: bring the card")
                }
                SchemeReason::Gap { gap } => format!(
                    "no solid source on digital licences issued in {home_name} ({}): {}",
                    gap.id,
                    clause(self.wording(&gap.reason))
                ),
                SchemeReason::DependsWithin { .. } => format!(
                    "{} as a whole: the rules for a digital licence of {home_name} differ within it; name the state or town you drive in",
                    self.place_chain(place)
                ),
                SchemeReason::NoRuleCovers { scheme, .. } => format!(
                    "no source covers {} in {}: bring-card is the cautious answer",
                    self.wording(&scheme.name),
                    self.place_chain(place)
                ),
                SchemeReason::CarryCardRule { rule } => format!(
                    "carry the card{}: {}",
                    cite(&rule.id, rule.grade),
                    clause(self.wording(&rule.note))
                ),
                SchemeReason::CarryRequired { baseline } => format!(
                    "the law here says to carry a licence{}: {}",
                    cite(&baseline.id, baseline.grade),
                    clause(self.wording(&baseline.note))
                ),
                SchemeReason::Conflict { rule } => format!(
                    "sources disagree{}: {}; carry the card",
                    cite(&rule.id, rule.grade),
                    clause(self.wording(&rule.note))
                ),
                SchemeReason::AgencyOnly { rule } => format!(
                    "only {} accepts it, which is not every officer{}: {}; carry the card",
                    rule.by.as_ref().map_or("one agency", |by| self.wording(by)),
                    cite(&rule.id, rule.grade),
                    clause(self.wording(&rule.note))
                ),
                SchemeReason::StageExcluded { rule, .. } => format!(
                    "no source says it counts for a {stage} licence{}: {}; carry the card",
                    cite(&rule.id, rule.grade),
                    clause(self.wording(&rule.note))
                ),
                SchemeReason::IssueDate { rule, issued } => {
                    let range = match (rule.issued_from, rule.issued_before) {
                        (Some(from), Some(before)) => format!("from {from} and before {before}"),
                        (Some(from), None) => format!("from {from}"),
                        (None, Some(before)) => format!("before {before}"),
                        (None, None) => "in some years".to_string(),
                    };
                    let this = issued.map_or_else(
                        || "give the licence's issue date with --issued".to_string(),
                        |day| format!("this one was issued on {day}"),
                    );
                    format!(
                        "it counts only for licences issued {range}; {this}{}: {}",
                        cite(&rule.id, rule.grade),
                        clause(self.wording(&rule.note))
                    )
                }
                SchemeReason::HolderExcluded { rule, kind } => format!(
                    "it counts for {} only{}{}: {}",
                    rule.holder.map_or("some holders", holder_kind),
                    kind.map_or_else(
                        || "; say who holds it with --holder".to_string(),
                        |kind| format!(", not {}", holder_kind(kind))
                    ),
                    cite(&rule.id, rule.grade),
                    clause(self.wording(&rule.note))
                ),
                SchemeReason::MayNotHold { rule } => format!(
                    "it depends on whether you hold the digital licence, which not every holder has yet: bring-card unless you say so with --has-digital{}: {}",
                    cite(&rule.id, rule.grade),
                    clause(self.wording(&rule.note))
                ),
                SchemeReason::NotYet { rule, from } => format!(
                    "not before {from}{}: {}",
                    cite(&rule.id, rule.grade),
                    clause(self.wording(&rule.note))
                ),
                SchemeReason::Ended { rule, until } => format!(
                    "it ended by {until}{}: {}",
                    cite(&rule.id, rule.grade),
                    clause(self.wording(&rule.note))
                ),
            },
        };
        for note in &why.judgement.notes {
            text.push_str("; ");
            text.push_str(&match note {
                SchemeNote::PhoneFailure { rule, failure } => match failure {
                    PhoneFailure::NoLicence => format!(
                        "a flat or broken phone means no licence to show ({})",
                        rule.id
                    ),
                    PhoneFailure::Grace {
                        hours,
                        discretionary,
                    } => format!(
                        "if the phone fails, police {} {hours} hours to produce a licence ({})",
                        if *discretionary { "may give" } else { "give" },
                        rule.id
                    ),
                    PhoneFailure::ProduceWithin { days } => format!(
                        "if the phone fails, the licence must be produced within {days} days ({})",
                        rule.id
                    ),
                },
                SchemeNote::Agency { rule } => format!(
                    "{}{}",
                    clause(self.wording(&rule.note)),
                    cite(&rule.id, rule.grade)
                ),
            });
        }
        text
    }

    /// The reason for a place no division covers (or for China as a whole), as a stop or as
    /// the license's issuing place.
    fn uncovered(&self, why: &Why<'_>, place: Place<'_>, home: bool) -> String {
        match (why.reason, home) {
            (Reason::WholeCountry, false) => "China as a whole: edl's facts are by province and city; name one (as in edl check 成都)".to_string(),
            (Reason::WholeCountry, true) => "China as a whole: licenses are issued by city; give the city with --home".to_string(),
            (Reason::RegionLiveBy(day), _) => {
                format!("China as a whole: every mainland place surely live by {day}")
            }
            (_, false) => format!(
                "edl has no facts on digital licences in {} yet: bring-card is the cautious answer",
                self.place_chain(place)
            ),
            (_, true) => format!(
                "{} is beyond China's divisions: edl has no facts on digital licences issued there yet",
                self.place_chain(place)
            ),
        }
    }
}

impl Messages for English {
    fn man(&self) -> super::ManText {
        super::ManText {
            sections: ["COMMANDS", "EXIT STATUS", "ENVIRONMENT", "EXAMPLES"],
            commands_intro: "Each command also takes the options above (--data, --color, --lang), before its name or after it.",
            labels: ["possible values", "default", "env"],
            exit_codes: &crate::exit::EXIT_CODE_TABLE,
            environment: &super::ENVIRONMENT,
            examples: &super::EXAMPLES,
        }
    }

    fn verdict(&self, verdict: Verdict) -> &'static str {
        verdict.id()
    }

    fn status(&self, status: Status) -> &'static str {
        status.id()
    }

    fn quality(&self, quality: Quality) -> &'static str {
        quality.id()
    }

    fn level(&self, level: Level) -> &'static str {
        level.id()
    }

    fn kind(&self, kind: Kind) -> &'static str {
        kind.id()
    }

    fn never(&self) -> &'static str {
        "never"
    }

    fn place(&self, place: Place<'_>) -> String {
        let division = match place {
            Place::Division(division) => division,
            Place::World(row) => return row.name().to_string(),
        };
        // The conventional English name where there is one (拉萨市 Lhasa), else the pinyin.
        let latin = Divisions::bundled()
            .english_name(division)
            .unwrap_or_else(|| division.pinyin_display());
        format!("{} {latin}", division.name())
    }

    fn place_name(&self, place: Place<'_>) -> String {
        match place {
            Place::Division(division) => division.name().to_string(),
            Place::World(row) => row.name().to_string(),
        }
    }

    fn world_above(&self, row: &'static WorldPlace) -> String {
        let above: Vec<&str> = world_chain(row).skip(1).map(|r| r.name()).collect();
        above.join(", ")
    }

    fn place_in(&self, place: Place<'_>) -> String {
        let division = match place {
            Place::Division(division) => division,
            Place::World(_) => {
                // Namesakes differ by their state as often as by their country.
                return self.place_chain(place);
            }
        };
        let province = Divisions::bundled().province_of(division);
        if province.code == division.code {
            division.name().to_string()
        } else {
            format!("{} ({})", division.name(), province.name())
        }
    }

    fn place_chain(&self, place: Place<'_>) -> String {
        let division = match place {
            Place::Division(division) => division,
            Place::World(row) => {
                let above = self.world_above(row);
                return if above.is_empty() {
                    row.name().to_string()
                } else {
                    format!("{} ({above})", row.name())
                };
            }
        };
        let above: Vec<&str> = chain(division).skip(1).map(Division::name).collect();
        if above.is_empty() {
            division.name().to_string()
        } else {
            format!("{} ({})", division.name(), above.join(", "))
        }
    }

    fn candidate(&self, place: Place<'_>, hint: Option<&str>) -> String {
        let shown = with_code(self.place_chain(place), place);
        match Reach::of(place, hint) {
            Reach::ByItsCode => shown,
            Reach::Type(hint) => format!("{shown}, type \"{hint}\""),
            Reach::Unnamed => format!("{shown}, which no query names alone"),
        }
    }

    fn place_note(&self, note: &PlaceNote<'_>) -> String {
        match note {
            PlaceNote::Prominent {
                query,
                chosen,
                others,
            } => {
                let others: Vec<String> = others
                    .iter()
                    .map(|(place, hint)| self.candidate(*place, hint.as_deref()))
                    .collect();
                format!(
                    "\"{query}\" is taken as {}; it may also mean {}",
                    self.place_chain(*chosen),
                    others.join("; ")
                )
            }
            PlaceNote::Former { alias, division } => {
                let year = alias
                    .year
                    .map_or(String::new(), |year| format!(" in {year}"));
                let from = alias
                    .former_parent()
                    .and_then(|code| Divisions::bundled().get(code))
                    .map_or(String::new(), |parent| format!(" from {}", parent.name()));
                let what = alias.text();
                let place = self.place_chain(Place::Division(division));
                match alias.change {
                    Some(Change::Renamed) => {
                        format!("{what} is the former name of {place}, renamed{year}")
                    }
                    Some(Change::Merged) => format!("{what} was merged into {place}{year}"),
                    Some(Change::Moved) => format!(
                        "{} moved{from} to {}{year}: read as {place}",
                        division.name(),
                        self.place_chain(Place::Division(
                            Divisions::bundled().parent(division).unwrap_or(division),
                        ))
                    ),
                    Some(Change::Relevelled) => format!("{what} became {place}{year}"),
                    Some(Change::Split) => format!("{what} was split{year}: read as {place}"),
                    None if alias.kind == AliasKind::Code => format!(
                        "{what} is a statistical code within {place}, not a division of its own: read as {place}"
                    ),
                    None => format!("{what} is a former name of {place}"),
                }
            }
            PlaceNote::Mistyped { query, near } => {
                let near: Vec<String> = near.iter().map(|place| self.place_chain(*place)).collect();
                format!(
                    "no place is named \"{}\"; read as the nearest spelling: {}",
                    echo(query),
                    near.join("; ")
                )
            }
            PlaceNote::NearSpelling { query, near } => {
                let near: Vec<String> = near.iter().map(|place| self.place_chain(*place)).collect();
                format!(
                    "\"{}\" is read as the town of that name; a letter off, it would be {}",
                    echo(query),
                    near.join("; ")
                )
            }
            PlaceNote::Unread { read, rest } => format!(
                "read as {}; \"{}\" is not a place edl knows",
                self.place_chain(Place::Division(read)),
                echo(rest)
            ),
        }
    }

    fn several_in_one(&self, query: &str, parts: &[String]) -> String {
        format!(
            "\"{query}\" names {} places ({}): give one",
            parts.len(),
            parts.join(", ")
        )
    }

    fn headline(
        &self,
        verdict: Verdict,
        days: Days,
        license: LicenseState,
        blocking: &[Blocking<'_>],
        home_unknown: bool,
    ) -> String {
        let on = match days {
            Days::One(day) => format!("on {day}"),
            Days::Between(first, last) => format!("from {first} to {last}"),
        };
        match verdict {
            Verdict::ELicense => format!("the e-license is enough at every stop {on}"),
            Verdict::NoCardNeeded => format!(
                "no card needed {on}: at every stop the local law or the digital licence covers this licence"
            ),
            Verdict::NoValidLicense if !license.class().forbids_driving() => {
                let Some(refusal) = Refusal::of(blocking) else {
                    return format!("this licence does not let you drive {on}");
                };
                let names = |places: &[Place<'_>]| -> String {
                    let names: Vec<String> =
                        places.iter().map(|&place| self.place_name(place)).collect();
                    names.join(", ")
                };
                let would: Vec<String> = refusal
                    .would
                    .iter()
                    .map(|(document, stops)| match stops.as_slice() {
                        [] => self.document(*document).to_string(),
                        _ => format!("{} for {}", self.document(*document), names(stops)),
                    })
                    .collect();
                let would = if would.is_empty() {
                    String::new()
                } else {
                    format!(": get {}", and_list(&would))
                };
                format!(
                    "this licence does not let you drive {on} ({}){would}",
                    names(&refusal.places)
                )
            }
            Verdict::NoValidLicense => format!(
                "license state {} ({}) does not allow driving, with the e-license or the card",
                license.id(),
                license.chinese()
            ),
            Verdict::BringCard => {
                let mut places: Vec<String> = blocking
                    .iter()
                    .map(|place| {
                        let role = if place.home { "home " } else { "" };
                        let status = match (place.place, place.status) {
                            _ if place.judged_by == crate::verdict::Engine::Schemes => "",
                            (Place::World(_), _)
                                if place.place.division_in(Divisions::bundled()).is_none() =>
                            {
                                "without facts"
                            }
                            (_, Status::NotCovered) => "outside the mainland",
                            (_, status) => status.id(),
                        };
                        let day = place.on.map_or(String::new(), |day| format!(" on {day}"));
                        let status = if status.is_empty() {
                            String::new()
                        } else {
                            format!(" {status}")
                        };
                        format!("{role}{}{status}{day}", self.place_name(place.place))
                    })
                    .collect();
                // The candidates of an ambiguous stop that all agree read alike: say it once.
                places.dedup();
                if home_unknown {
                    places.push("issuing place unknown".to_string());
                }
                if places.is_empty() {
                    places.push(format!("license state {}", license.id()));
                }
                let beside: Vec<String> = beside_card(blocking)
                    .into_iter()
                    .map(|document| self.document(document).to_string())
                    .collect();
                let card = if beside.is_empty() {
                    "the physical card".to_string()
                } else {
                    let mut all = vec!["the physical card".to_string()];
                    all.extend(beside);
                    and_list(&all)
                };
                format!("bring {card} {on} ({})", places.join(", "))
            }
        }
    }

    fn check_column(&self, column: CheckColumn) -> String {
        match column {
            CheckColumn::Place => "Place".into(),
            CheckColumn::Where => "Where".into(),
            CheckColumn::Date => "Date".into(),
            CheckColumn::LiveFrom => "E-license live from".into(),
            CheckColumn::Verdict(Some(on)) => format!("On {on}"),
            CheckColumn::Verdict(None) => "Verdict".into(),
        }
    }

    fn document(&self, document: Document) -> &'static str {
        match document {
            Document::DigitalLicence => "the digital licence",
            Document::LicenceCard => "the licence card",
            Document::Idp1926 => "a 1926 International Driving Permit",
            Document::Idp1949 => "a 1949 International Driving Permit",
            Document::Idp1968 => "a 1968 International Driving Permit",
            Document::Translation => "a translation of the licence",
            Document::TemporaryPermit => "a local temporary driving permit",
            Document::LocalLicence => "a local driving licence",
            Document::IdentityDocument => "an identity document",
            Document::Registration => "the registration slip",
        }
    }

    fn crossing(&self, crossing: &Crossing<'_>) -> String {
        let finding = &crossing.finding;
        let from = format!("a licence from {}", self.place_name(crossing.licence));
        let mut text = match (&finding.needs, finding.basis) {
            (Needs::NoSource, _) | (_, None) => format!(
                "edl has no source on whether {from} is valid here: check whether it needs an IDP or a translation"
            ),
            (needs, Some(basis)) => {
                let needs = match needs {
                    Needs::Valid => "is valid here as it is".to_string(),
                    Needs::WithIdp(conventions) => format!(
                        "needs an International Driving Permit here ({})",
                        conventions
                            .iter()
                            .map(|convention| convention.id())
                            .collect::<Vec<_>>()
                            .join(" or ")
                    ),
                    Needs::WithTranslation(translation) if translation.unless_written_in => {
                        "needs a translation here, unless it is written in the local language"
                            .to_string()
                    }
                    Needs::WithTranslation(_) => "needs a translation here".to_string(),
                    Needs::LocalPermitOnly(permit) => format!(
                        "does not let you drive here alone: {} is needed",
                        self.document(permit.document())
                    ),
                    Needs::NotValid | Needs::NoSource => "is not valid here".to_string(),
                };
                format!("{from} {needs} ({}, {})", basis.id, basis.grade.id())
            }
        };
        for note in &finding.notes {
            let said = match note {
                RecognitionNote::Said(wording) => self.wording(wording).to_string(),
                RecognitionNote::NotParty(party) => format!(
                    "{} is no party to the {} convention",
                    party.territory.code(),
                    party.convention.id()
                ),
                RecognitionNote::PartyUnknown {
                    issuer,
                    conventions,
                } => format!(
                    "edl has no source on whether {} is a party to the {} convention",
                    issuer.code(),
                    conventions
                        .iter()
                        .map(|convention| convention.id())
                        .collect::<Vec<_>>()
                        .join(" or ")
                ),
                RecognitionNote::Gap(gap) => self.wording(&gap.reason).to_string(),
            };
            text.push_str("; ");
            text.push_str(said.trim_end_matches('.'));
        }
        match &crossing.issuing {
            Some(Issuing::At(offices)) => {
                let names: Vec<String> = offices
                    .iter()
                    .map(|office| office.name.en.to_string())
                    .collect();
                let province = office_province(offices).map_or("here".to_string(), |place| {
                    format!("in {}", self.place_name(place))
                });
                text.push_str(&format!(
                    "; where edl's sources say it is issued {province}: {}",
                    and_list(&names)
                ));
            }
            Some(Issuing::NoSource(Some(gap))) => {
                text.push_str("; ");
                text.push_str(self.wording(&gap.reason).trim_end_matches('.'));
            }
            Some(Issuing::NoSource(None)) => {
                text.push_str("; edl has no source on where it is issued here");
            }
            None => {}
        }
        text
    }

    fn carry_line(&self, documents: &[Document], _digital: Engine) -> String {
        let names: Vec<&str> = documents.iter().map(|&d| self.document(d)).collect();
        if names.is_empty() {
            "carry: nothing lets this licence drive here".to_string()
        } else {
            format!("carry: {}", names.join(", "))
        }
    }

    fn home_prefix(&self) -> &'static str {
        "home "
    }

    fn reason(&self, why: &Why<'_>, place: Place<'_>) -> String {
        if let Some(scheme) = &why.scheme {
            return self.scheme_reason(scheme, place, false);
        }
        let Some(place) = place.division_in(Divisions::bundled()) else {
            return self.uncovered(why, place, false);
        };
        if let Some(settled) = why.settled {
            let here = match why.reason {
                Reason::LiveSince(day) => format!("; here since {day}"),
                Reason::LiveBy(day) => format!("; here by {day}"),
                _ => String::new(),
            };
            return format!(
                "live on the whole mainland:{} surely everywhere by {}{here} (the facts: edl show {})",
                settled
                    .nationwide
                    .map_or(String::new(), |day| format!(" nationwide from {day},")),
                settled.by,
                place.code
            );
        }
        let mut text = match why.reason {
            Reason::NoFacts { .. } | Reason::WholeCountry | Reason::Scheme | Reason::Issuer => {
                return self.uncovered(why, Place::Division(place), false);
            }
            Reason::Outside {
                governed_by: Some(governor),
                ..
            } => format!(
                "{} is governed by {}, though the divisions list names it under {}: the mainland e-license is not valid there",
                place.short(),
                governor.short(),
                Divisions::bundled().province_of(place).short()
            ),
            Reason::Outside { .. } => {
                format!("the mainland e-license is not valid in {}", place.short())
            }
            Reason::LiveSince(day) => format!("live since {day}"),
            Reason::LiveBy(day) => format!("live by {day} at the latest (exact day unknown)"),
            Reason::RegionLiveBy(day) => format!("every place in it surely live by {day}"),
            Reason::NotUntil(day) => format!("not live until {day}"),
            Reason::NotBefore { earliest, latest } => {
                format!("not live before {earliest}; live by {latest} at the latest")
            }
            Reason::Uncertain {
                earliest,
                latest,
                on,
            } => format!(
                "went live on an unknown day between {earliest} and {latest}; on {on} it may not be live yet"
            ),
            Reason::Region(count) => {
                let total = count.live + count.unknown + count.not_yet;
                let first = count.first.map_or(String::new(), |(division, day)| {
                    format!("; the first surely live: {} from {day}", division.short())
                });
                format!(
                    "a whole province: on {}, {} of its {total} places surely live, {} on a day not known yet, {} not yet{first}; name a city for its answer",
                    count.on, count.live, count.unknown, count.not_yet
                )
            }
        };
        text.push_str(&grounds_text(why));
        match why.reason {
            Reason::Outside { .. } => {}
            _ => {
                let half = |id| why.rules.iter().find(|rule| rule.rule == id);
                let valid = half(RuleId::ValidNationwide).map(|rule| {
                    format!(
                        "an e-license once held is valid across the mainland{}",
                        cite(rule)
                    )
                });
                let police = half(RuleId::LocalVerification).map(|rule| {
                    format!(
                        "police where it is not live yet might not verify it{}",
                        cite(rule)
                    )
                });
                let halves: Vec<String> = valid.into_iter().chain(police).collect();
                if !halves.is_empty() {
                    text.push_str(&format!(
                        "; {}: bring-card is the cautious reading",
                        halves.join(", but ")
                    ));
                }
            }
        }
        text
    }

    fn home_reason(&self, why: &Why<'_>, place: Place<'_>) -> String {
        if let Some(scheme) = &why.scheme {
            return self.scheme_reason(scheme, place, true);
        }
        let Some(place) = place.division_in(Divisions::bundled()) else {
            return self.uncovered(why, place, true);
        };
        let name = place.short();
        let mut text = match why.reason {
            Reason::NoFacts { .. } | Reason::WholeCountry | Reason::Scheme | Reason::Issuer => {
                return self.uncovered(why, Place::Division(place), true);
            }
            Reason::Outside { .. } => format!(
                "{name} is outside the mainland: edl has no source on 12123 e-licenses for licenses issued there"
            ),
            Reason::LiveSince(day) => {
                format!("licenses issued in {name} could have an e-license from {day}")
            }
            Reason::LiveBy(day) | Reason::RegionLiveBy(day) => {
                format!("licenses issued in {name} could have an e-license by {day} at the latest")
            }
            Reason::NotUntil(day) => {
                format!("licenses issued in {name} had no e-license before {day}")
            }
            Reason::NotBefore { earliest, latest } => format!(
                "licenses issued in {name} had no e-license before {earliest}, and surely could by {latest}"
            ),
            Reason::Uncertain {
                earliest,
                latest,
                on,
            } => format!(
                "licenses issued in {name} could have an e-license from an unknown day between {earliest} and {latest}: on {on} perhaps not yet"
            ),
            Reason::Region(count) => format!(
                "licenses issued in {name}: it depends on the city, and on {} only {} of its {} places were surely live; give the city with --home",
                count.on,
                count.live,
                count.live + count.unknown + count.not_yet
            ),
        };
        text.push_str(&grounds_text(why));
        text
    }

    fn note(&self, note: &Note<'_>) -> String {
        match note {
            Note::Ambiguous { query, places, on } => {
                format!(
                    "\"{query}\" could mean {}; all get the same answer on {on}",
                    join_places(places)
                )
            }
            Note::HomeUnknown { on, settled, rule } => format!(
                "the license's issuing place decides on {on}: only licenses issued where the e-license was live could have one{}, and not every mainland place was surely live before {settled}; give it with --home (as in --home 北京), or set EDL_HOME once for all checks",
                cite_opt(rule)
            ),
            Note::License { state, rule } => format!(
                "license state {} ({}): {}{}; neither the e-license nor the physical card makes driving legal",
                state.id(),
                state.chinese(),
                self.license_meaning(*state),
                cite_opt(rule)
            ),
            Note::LicenseUnknown { state, rule } => format!(
                "license state {} ({}): {}{}: bring the physical card",
                state.id(),
                state.chinese(),
                self.license_meaning(*state),
                cite_opt(rule)
            ),
            Note::VehiclePapers {
                papers,
                e_registration,
            } => {
                let mut text = format!(
                    "the e-license stands for the driving-license card only: the vehicle's paper 行驶证 must stay in the car{}",
                    cite(papers)
                );
                if let Some(rule) = e_registration {
                    text.push_str(&format!(
                        "; the 电子行驶证{} does not replace it at a stop{}",
                        rule.from
                            .map_or(String::new(), |from| format!(" (piloted from {from})")),
                        cite(rule)
                    ));
                }
                text
            }
            Note::Stale {
                facts: Facts::Rollout,
                as_of,
                date,
            } => format!(
                "the rollout data is as of {as_of}, more than a year before {date}: it may be out of date; confirm in the 交管12123 app"
            ),
            Note::Stale {
                facts: Facts::Schemes { apps },
                as_of,
                date,
            } => {
                let confirm = if apps.is_empty() {
                    "with the authorities where you drive".to_string()
                } else {
                    let names: Vec<&str> = apps.iter().map(|s| self.wording(&s.name)).collect();
                    format!("with the issuer of {}", names.join(", "))
                };
                format!(
                    "the rules on digital licences beyond the mainland are as of {as_of}, more than a year before {date}: they may be out of date; confirm {confirm}"
                )
            }
            Note::Place(note) => self.place_note(note),
        }
    }

    fn note_label(&self) -> &'static str {
        "note: "
    }

    fn colon(&self) -> &'static str {
        ": "
    }

    fn list_separator(&self) -> &'static str {
        "; "
    }

    fn suggestion(&self, place: Placed<'_>) -> String {
        format!(
            "{} ({}, {})",
            place.division.name(),
            place.division.pinyin(),
            place.province.name()
        )
    }

    fn advice(&self) -> [&'static str; 4] {
        [
            "show the e-license live in the 交管12123 app: screenshots are not valid",
            "a flat phone or no signal means no license to show: carry the card when unsure",
            "after a renewal or a class change, re-apply in the app: the e-license does not update itself",
            "police who detain a license need the physical card",
        ]
    }

    fn license_meaning(&self, state: LicenseState) -> &'static str {
        match state {
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
            LicenseState::Seized => {
                "police have seized the license: driving is not allowed until it is returned"
            }
            LicenseState::CancelledRecoverable => {
                "the license is cancelled but can be restored by passing the theory test: driving is not allowed until then"
            }
            LicenseState::DeferredRenewal => {
                "the renewal is deferred: the driver may not drive during a deferral"
            }
            LicenseState::DeferredExam => {
                "the medical exam is deferred: the driver may not drive during a deferral"
            }
            LicenseState::DeferredReview => {
                "the review is deferred: the driver may not drive during a deferral"
            }
            LicenseState::TransferredOut => {
                "the license was transferred out to another place's traffic police; no source says what the e-license shows or allows then"
            }
        }
    }

    fn unknown_license_state(&self, text: &str) -> String {
        let known: Vec<String> = LicenseState::ALL
            .iter()
            .map(|state| format!("{} {}", state.id(), state.chinese()))
            .collect();
        format!(
            "unknown license state \"{}\"; use one of: {}",
            echo(text),
            known.join(", ")
        )
    }

    fn list_header(&self, on: Option<NaiveDate>) -> Vec<String> {
        let mut header: Vec<String> = ["Province", "Place", "Code", "E-license live from"]
            .map(String::from)
            .into();
        header.extend(on.map(|on| format!("On {on}")));
        header
    }

    fn list_counts(
        &self,
        on: NaiveDate,
        counts: &[(Status, usize)],
        total: usize,
        listed: Option<usize>,
    ) -> String {
        let counts: Vec<String> = counts
            .iter()
            .map(|(status, count)| format!("{count} {}", status.id()))
            .collect();
        match listed {
            None => format!("on {on}: {} ({total} places)", counts.join(", ")),
            Some(listed) => format!(
                "{listed} listed; on {on}, of all {total} places (not only those listed): {}",
                counts.join(", ")
            ),
        }
    }

    fn show_field(&self, field: ShowField) -> &'static str {
        match field {
            ShowField::Code => "code:      ",
            ShowField::Level => "level:     ",
            ShowField::Chain => "chain:     ",
            ShowField::LiveFrom => "live from: ",
            ShowField::Status => "status:    ",
            ShowField::Verdict => "verdict:   ",
            ShowField::Facts => "facts:",
        }
    }

    fn show_title(&self, place: Place<'_>) -> String {
        let division = match place {
            Place::Division(division) => division,
            Place::World(row) => {
                return match row.zh() {
                    Some(zh) => format!("{} ({zh})", row.name()),
                    None => row.name().to_string(),
                };
            }
        };
        let english = Divisions::bundled()
            .english_name(division)
            .map_or(String::new(), |name| format!("; in English {name}"));
        format!(
            "{} ({}, {}{english})",
            division.name(),
            division.short(),
            division.pinyin_display()
        )
    }

    fn show_level(&self, place: Place<'_>) -> String {
        match place {
            Place::Division(division) => {
                format!("{} ({})", division.level.id(), division.kind.id())
            }
            Place::World(row) => row.kind.id().to_string(),
        }
    }

    fn show_status(&self, status: Status, on: NaiveDate, reason: &str) -> String {
        format!("{} on {on}: {reason}", status.id())
    }

    fn claim(&self, claim: Claim) -> String {
        match claim {
            Claim::On {
                day,
                scheduled: false,
            } => format!("live on {day}"),
            Claim::On {
                day,
                scheduled: true,
            } => format!("live on {day} (announced in advance)"),
            Claim::Within { from, until } => format!("live on one day within {from}..{until}"),
            Claim::By(day) => format!("live by {day}"),
            Claim::NotBefore(day) => format!("not live before {day}"),
            Claim::Never => "never valid there".to_string(),
        }
    }

    fn wording<'w>(&self, wording: &'w Wording) -> &'w str {
        &wording.en
    }

    fn not_a_country(&self, query: &str) -> String {
        format!("\"{query}\" is no country, state or province (as AU, HK, NSW)")
    }

    fn country_header(&self) -> [&'static str; 4] {
        ["Code", "State or province", "Verdict", "Rule"]
    }

    fn scheme_timeline_header(&self) -> [&'static str; 5] {
        ["Date", "Scheme", "Rule", "Change", "Grade"]
    }

    fn rule_change(&self, change: crate::verdict::RuleChange) -> &'static str {
        change.id()
    }

    fn coverage_lines(&self, coverage: &crate::data::coverage::Coverage) -> Vec<String> {
        let list = |entries: &[crate::data::coverage::Covered]| -> String {
            entries
                .iter()
                .map(|entry| format!("{} {} ({})", entry.code, entry.name, entry.ids.join(", ")))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let mut lines = vec![
            format!(
                "Beyond the mainland ({}, version {}):",
                coverage.origin, coverage.version
            ),
            format!("  digital licences covered: {}", list(&coverage.covered)),
            format!(
                "  no licence need be carried, for some licences: {}",
                list(&coverage.no_card)
            ),
            "  not covered (no solid source: bring-card):".to_string(),
        ];
        lines.extend(coverage.gaps.iter().map(|gap| {
            format!(
                "    {} ({}): {}",
                gap.jurisdictions.join(", "),
                gap.id,
                self.wording(&gap.wording)
            )
        }));
        lines.push("  any other place: no source (bring-card)".to_string());
        let crossings = &coverage.recognition;
        lines.push(format!(
            "Across borders (data/recognition.toml, version {}):",
            crossings.version
        ));
        lines.push(format!(
            "  visitor rules of: {}",
            list(&crossings.destinations)
        ));
        for parties in &crossings.parties {
            lines.push(format!(
                "  {} convention: parties {}; not parties {}; any other: unknown",
                parties.convention,
                or_none(&parties.parties),
                or_none(&parties.not_parties)
            ));
        }
        lines.push("  gaps (bring-card, and edl says what is unknown):".to_string());
        lines.extend(crossings.gaps.iter().map(|gap| {
            format!(
                "    {} ({}): {}",
                gap.jurisdictions.join(", "),
                gap.id,
                self.wording(&gap.wording)
            )
        }));
        lines.push(
            "  any other pair: no source (bring-card; check whether an IDP or a translation is needed)"
                .to_string(),
        );
        lines
    }

    fn show_schemes_heading(&self) -> &'static str {
        "digital licences:"
    }

    fn scheme_rule(&self, rule: &crate::data::schemes::Rule) -> String {
        use crate::data::schemes::Outcome;
        let outcome = match rule.outcome {
            Outcome::Counts => "counts",
            Outcome::CarryCard => "carry the card",
            Outcome::Conflict => "sources disagree",
        };
        let mut scope = Vec::new();
        if let Some(by) = &rule.by {
            scope.push(format!("only {}", self.wording(by)));
        }
        if rule.may_not_hold {
            scope.push("if the holder has it".to_string());
        }
        if let Some(from) = rule.from {
            scope.push(format!("from {from}"));
        }
        if let Some(until) = rule.until {
            scope.push(format!("until {until}"));
        }
        if !rule.stages.is_empty() {
            let stages: Vec<&str> = rule.stages.iter().map(|stage| stage.id()).collect();
            scope.push(format!("{} licences", stages.join(", ")));
        }
        let scope = if scope.is_empty() {
            String::new()
        } else {
            format!(" ({})", scope.join("; "))
        };
        format!(
            "{} [{}] {outcome}{scope}: {}",
            rule.id,
            rule.grade.id(),
            self.wording(&rule.note)
        )
    }

    fn show_offices_heading(&self) -> &'static str {
        "where local permits are issued:"
    }

    fn office_line(&self, office: &crate::data::recognition::Office) -> String {
        let since = office
            .from
            .map_or(String::new(), |from| format!(", from {from}"));
        let note = office
            .note
            .as_ref()
            .map_or(String::new(), |note| format!(": {}", self.wording(note)));
        let division = Divisions::bundled()
            .get(office.division)
            .map_or(String::new(), |division| format!(" {}", division.name()));
        format!(
            "{} [{}] {}: {} ({}{division}{since}){note}",
            office.id,
            office.grade.id(),
            self.document(office.permit.document()),
            self.wording(&office.name),
            office.division
        )
    }

    fn show_visitors_heading(&self) -> &'static str {
        "visitors' licences:"
    }

    fn visitor_rule(
        &self,
        rule: &crate::data::recognition::Rule,
        only: &[&str],
        except: &[&str],
    ) -> String {
        use crate::data::recognition::{Issued, Outcome};
        let outcome = match &rule.outcome {
            Outcome::Valid => "valid as it is".to_string(),
            Outcome::Idp(conventions) => format!(
                "with an International Driving Permit ({})",
                conventions
                    .iter()
                    .map(|convention| convention.id())
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
            Outcome::Translation(translation) => format!(
                "with a translation ({}, {}{})",
                translation.language.id(),
                translation.kind.id(),
                if translation.unless_written_in {
                    ", unless written in it"
                } else {
                    ""
                }
            ),
            Outcome::LocalPermit(permit) => {
                format!("only with {}", self.document(permit.document()))
            }
            Outcome::NotValid => "not valid".to_string(),
        };
        let mut scope = vec![
            match rule.issuers.issued {
                Issued::Abroad => "licences from abroad",
                Issued::SameCountry => "licences from elsewhere in the country",
                Issued::Elsewhere => "licences from elsewhere",
            }
            .to_string(),
        ];
        if !only.is_empty() {
            scope.push(format!("only {}", only.join(", ")));
        }
        if !except.is_empty() {
            scope.push(format!("except {}", except.join(", ")));
        }
        if let Some(from) = rule.from {
            scope.push(format!("from {from}"));
        }
        if let Some(until) = rule.until {
            scope.push(format!("until {until}"));
        }
        let note = rule
            .note
            .as_ref()
            .map_or(String::new(), |note| format!(": {}", self.wording(note)));
        format!(
            "{} [{}] {outcome} ({}){note}",
            rule.id,
            rule.grade.id(),
            scope.join("; ")
        )
    }

    fn baseline_line(&self, id: &str, grade: Quality, note: &str) -> String {
        format!("no licence carried: {id} [{}]: {note}", grade.id())
    }

    fn gap_line(&self, id: &str, reason: &str) -> String {
        format!("gap: {id}: {reason}")
    }

    fn fact_about(&self, id: &str, claim: &str, about: &str) -> String {
        format!("{id}: {claim}, about {about}")
    }

    fn default_window(&self, earliest: NaiveDate, latest: NaiveDate) -> String {
        format!("default window {earliest}..{latest} (a bound no fact gives):")
    }

    fn timeline_header(&self) -> [&'static str; 7] {
        [
            "Date",
            "Step",
            "Cities (stated)",
            "Surely live",
            "Newly sure",
            "May be live",
            "Sources",
        ]
    }

    fn timeline_footer(&self) -> &'static str {
        "cities: prefecture-level places and municipalities. \"Surely live\": their day is known to be on or before the date. \"May be live\": their day is not known but falls in a window holding the date (for most, 2021-10-20..2021-12-31: no source names their day).\n\"Newly sure\" counts the cities whose window closed since the step before, not cities that went live then: those of 2022 went live in 2021, on days no source gives."
    }

    fn data_summary(&self, summary: &DataSummary<'_>) -> Vec<String> {
        let sources: Vec<String> = summary
            .sources
            .iter()
            .map(|(quality, count)| format!("{count} {}", quality.id()))
            .collect();
        vec![
            format!(
                "rollout data {} as of {} ({})",
                summary.version, summary.as_of, summary.origin
            ),
            format!(
                "divisions: {} county, {} prefecture, {} province (bundled, with 香港, 澳门 and 台湾 at province level)",
                summary.counties, summary.prefectures, summary.provinces
            ),
            format!(
                "facts: {} naming {} places; milestones: {}",
                summary.facts, summary.places_named, summary.milestones
            ),
            format!(
                "sources: {} ({})",
                summary.sources.iter().map(|(_, n)| n).sum::<usize>(),
                sources.join(", ")
            ),
        ]
    }

    fn sources_header(&self) -> [&'static str; 3] {
        ["Source", "Quality", "Title and URL"]
    }

    fn batch_header(&self) -> [&'static str; 4] {
        ["Query", "On", "Place", "Verdict"]
    }

    fn error_word(&self) -> &'static str {
        "error"
    }

    fn empty_place(&self) -> String {
        "the place is empty: name a city, county or code".to_string()
    }

    fn place_too_long(&self, bytes: usize, limit: usize) -> String {
        format!(
            "the place is too long ({bytes} bytes; a place or the start of an address fits in {limit})"
        )
    }

    fn unknown_place(&self, query: &str, suggestions: &[String]) -> String {
        if suggestions.is_empty() {
            format!(
                "unknown place \"{query}\"; try a city or county name, its pinyin, or its six-digit code"
            )
        } else {
            format!(
                "unknown place \"{query}\"; did you mean {}?",
                suggestions.join(", ")
            )
        }
    }

    fn ambiguous(&self, ambiguous: &Ambiguous<'_>) -> String {
        let listed: Vec<String> = ambiguous
            .candidates
            .iter()
            .zip(&ambiguous.hints)
            .map(|((place, verdict), hint)| {
                format!(
                    "{}: {}",
                    self.candidate(*place, hint.as_deref()),
                    verdict.id()
                )
            })
            .collect();
        format!(
            "\"{query}\" could be {} places with different answers on {}: {}; {}",
            ambiguous.candidates.len(),
            ambiguous.on,
            listed.join("; "),
            retype(Retype::of(
                ambiguous.candidates.iter().map(|(place, _)| *place)
            )),
            query = ambiguous.query,
        )
    }

    fn several_places(&self, query: &str, places: &[(Place<'_>, Option<String>)]) -> String {
        let listed: Vec<String> = places
            .iter()
            .map(|(place, hint)| self.candidate(*place, hint.as_deref()))
            .collect();
        format!(
            "\"{query}\" could be {} places: {}; {}",
            places.len(),
            listed.join("; "),
            retype(Retype::of(places.iter().map(|(place, _)| *place))),
        )
    }

    fn not_a(&self, query: &str, level: Option<Level>) -> String {
        format!("\"{query}\" is no {}", level.map_or("place", Level::id))
    }

    fn in_option(&self, option: &str) -> String {
        format!("in {option}")
    }

    fn in_variable(&self, variable: &str) -> String {
        format!("in {variable}")
    }

    fn batch_line(&self, number: usize) -> String {
        format!("line {number}")
    }

    fn bad_date(&self, text: &str, why: &str) -> String {
        format!("bad date \"{text}\": {why}")
    }

    fn bad_moment(&self, text: &str) -> String {
        format!("bad moment \"{text}\": expected one as 2026-12-07T20:00:00Z (RFC 3339)")
    }

    fn home_date(&self) -> &'static str {
        "the issuing place takes no date: it is checked on the first stop's date"
    }

    fn date_for_place(&self, text: &str) -> String {
        format!("\"{text}\" is a date, not a place")
    }

    fn date_problem(&self, error: DateError) -> String {
        match error {
            DateError::Shape => {
                "expected a date as 2021-06-01, 2021/6/1, 20210601, 2021年6月1日, today, tomorrow, yesterday or +Nd".to_string()
            }
            DateError::NoSuchDay => "no such day in the calendar".to_string(),
            DateError::OutOfRange => {
                format!("the date must fall in the years {FIRST_YEAR} to {LAST_YEAR}")
            }
        }
    }

    fn not_utf8(&self, in_date: bool) -> &'static str {
        if in_date {
            "the date is not UTF-8 text"
        } else {
            "the line is not UTF-8 text"
        }
    }

    fn line_has_nul(&self) -> &'static str {
        "the line contains a NUL byte"
    }

    fn line_too_long(&self, bytes: u64, limit: usize) -> String {
        format!(
            "the line is too long ({bytes} bytes; a place, a tab and a date fit in {limit}); skipped"
        )
    }

    fn too_many_places(&self, count: usize, limit: usize) -> String {
        format!(
            "too many places ({count}; a trip has at most {limit}): give them one a line to `edl check -`"
        )
    }

    fn path_too_long(&self, bytes: usize, start: &str, limit: usize) -> String {
        format!(
            "the data file's path is too long ({bytes} bytes, \"{start}\"; a path fits in {limit})"
        )
    }

    fn too_many_arguments(&self, count: usize, limit: usize) -> String {
        format!(
            "too many arguments ({count}; edl takes at most {limit}): give places one a line to `edl check -`"
        )
    }

    fn empty_batch(&self) -> &'static str {
        "no query on stdin: `edl check -` reads one place a line (PLACE, PLACE@DATE or PLACE<TAB>DATE)"
    }

    fn dash_alone(&self) -> &'static str {
        "`-` (read places from stdin) must be the only PLACE"
    }

    fn did_you_mean(&self, suggested: &str) -> String {
        format!("; did you mean '{suggested}'?")
    }

    fn usage_error(&self, _error: &clap::Error) -> Option<String> {
        None
    }

    fn help(&self, _key: &str) -> Option<&'static str> {
        None
    }
}

fn holder_kind(kind: HolderKind) -> &'static str {
    match kind {
        HolderKind::Citizen => "citizens",
        HolderKind::NonCitizen => "non-citizens",
    }
}

/// A sentence of the data as part of a longer one: without its closing full stop.
pub(super) fn clause(text: &str) -> &str {
    text.trim_end_matches(['.', '。'])
}

/// How an ambiguity's message ends: what to type instead.
fn retype(offer: Retype) -> &'static str {
    match offer {
        Retype::QueryOrCode => "type the query shown for the place you mean, or its code",
        Retype::Query => "type the query shown for the place you mean",
    }
}
