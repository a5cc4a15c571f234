//! Licences across borders (`data/recognition.toml`): whether a licence issued in one territory
//! lets a visitor drive in another on a day, and what they must carry there. Owns the file's
//! model, its parsing and validation with file, line and column, and a pure evaluator
//! ([`Recognition::judge`], in `judge`) that never reads the clock.
//!
//! Three kinds of fact settle a pair: a destination's own rule (Japan's, NSW's), a regional
//! arrangement (the EU's, Australian states'), both told as `[[rule]]`s; and, where no rule
//! speaks, a road-traffic convention both places are parties to. A pair nothing covers is a
//! gap, never "valid".
//!
//! Where a destination's local permit is issued is told as `[[office]]`s, each tied to the division
//! it lies in, and `[[office_gap]]`s where the facts do not say (in `offices`).
//!
//! The bundled file is parsed on first use only, so a check that stays at home never pays for it.

mod judge;
mod offices;

use std::collections::HashSet;
use std::path::Path;
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

pub use judge::{Basis, Finding, Needs, Note};
pub use offices::Issuing;

use super::Divisions;
use super::divisions::Code;
use super::rollout::{Problems, Wording, read_toml};
use super::schema::Quality;
use super::schemes::Territory;
use super::world::World;
use super::{DataError, DataErrors};

pub const BUNDLED_TOML: &str = include_str!("../../data/recognition.toml");
pub const BUNDLED_NAME: &str = "data/recognition.toml";

/// A road-traffic convention, by the year it was signed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub enum Convention {
    /// Paris, 1926.
    #[serde(rename = "1926")]
    Paris1926,
    /// Geneva, 1949.
    #[serde(rename = "1949")]
    Geneva1949,
    /// Vienna, 1968.
    #[serde(rename = "1968")]
    Vienna1968,
}

impl Convention {
    pub fn id(self) -> &'static str {
        match self {
            Convention::Paris1926 => "1926",
            Convention::Geneva1949 => "1949",
            Convention::Vienna1968 => "1968",
        }
    }

    /// The international driving permit this convention's parties issue.
    pub fn idp(self) -> Document {
        match self {
            Convention::Paris1926 => Document::Idp1926,
            Convention::Geneva1949 => Document::Idp1949,
            Convention::Vienna1968 => Document::Idp1968,
        }
    }
}

/// A document a driver may have to show at a stop: the stable vocabulary of `carry`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Document {
    DigitalLicence,
    /// The physical licence card (or paper licence) of the issuer.
    LicenceCard,
    Idp1926,
    Idp1949,
    Idp1968,
    Translation,
    /// A destination's temporary permit (the mainland's 临时机动车驾驶许可).
    TemporaryPermit,
    /// A licence of the destination itself (a mainland licence for a Hong Kong driver).
    LocalLicence,
    IdentityDocument,
    /// A registration with the destination's police (Macau's after 14 days).
    Registration,
}

impl Document {
    pub const ALL: [Document; 10] = [
        Document::DigitalLicence,
        Document::LicenceCard,
        Document::Idp1926,
        Document::Idp1949,
        Document::Idp1968,
        Document::Translation,
        Document::TemporaryPermit,
        Document::LocalLicence,
        Document::IdentityDocument,
        Document::Registration,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Document::DigitalLicence => "digital-licence",
            Document::LicenceCard => "licence-card",
            Document::Idp1926 => "idp-1926",
            Document::Idp1949 => "idp-1949",
            Document::Idp1968 => "idp-1968",
            Document::Translation => "translation",
            Document::TemporaryPermit => "temporary-permit",
            Document::LocalLicence => "local-licence",
            Document::IdentityDocument => "identity-document",
            Document::Registration => "registration",
        }
    }

    pub fn from_id(id: &str) -> Option<Document> {
        Document::ALL
            .into_iter()
            .find(|document| document.id() == id)
    }

    fn is_idp(self) -> bool {
        matches!(
            self,
            Document::Idp1926 | Document::Idp1949 | Document::Idp1968
        )
    }
}

/// The language a translation is into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    Ja,
    De,
    It,
    Zh,
}

impl Language {
    pub fn id(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Ja => "ja",
            Language::De => "de",
            Language::It => "it",
            Language::Zh => "zh",
        }
    }
}

/// Who may make the translation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TranslationKind {
    /// The source names nobody.
    Any,
    /// A body the destination names (JAF, an embassy) or an official translation.
    Official,
    /// A sworn translator's.
    Sworn,
    /// A translator the destination's agency approved (NZTA), a diplomatic representative or the
    /// issuing authority.
    Approved,
}

impl TranslationKind {
    pub fn id(self) -> &'static str {
        match self {
            TranslationKind::Any => "any",
            TranslationKind::Official => "official",
            TranslationKind::Sworn => "sworn",
            TranslationKind::Approved => "approved",
        }
    }
}

/// The translation a rule asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Translation {
    pub language: Language,
    pub kind: TranslationKind,
    /// Not needed for a licence already written in `language` (edl does not know a licence's
    /// language: the answer says so).
    pub unless_written_in: bool,
}

/// The only document that lets a visitor drive, where their licence alone does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LocalPermit {
    TemporaryPermit,
    LocalLicence,
}

impl LocalPermit {
    pub fn document(self) -> Document {
        match self {
            LocalPermit::TemporaryPermit => Document::TemporaryPermit,
            LocalPermit::LocalLicence => Document::LocalLicence,
        }
    }
}

/// Whose licences a rule is about, by where they were issued.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Issued {
    /// Another country than the destination's.
    Abroad,
    /// Another subdivision of the destination's country (NSW → Queensland).
    SameCountry,
    /// Anywhere but the destination.
    Elsewhere,
}

/// A territory or a group, as a rule names its places and issuers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Territory(Territory),
    /// Index into [`Recognition::groups`].
    Group(usize),
}

/// What a rule says a licence needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Valid,
    /// An IDP of one of these conventions (the issuer must be a party to it).
    Idp(Vec<Convention>),
    Translation(Translation),
    LocalPermit(LocalPermit),
    NotValid,
}

/// One source of an entry: where it is and the words the entry rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cited {
    pub url: String,
    pub quote: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub id: String,
    pub name: String,
    pub members: Vec<Territory>,
    pub grade: Quality,
    pub sources: Vec<Cited>,
}

/// What a convention gives a visitor when both places are parties to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConventionFact {
    pub id: String,
    pub convention: Convention,
    pub grade: Quality,
    pub sources: Vec<Cited>,
    pub note: Wording,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartyStatus {
    Party,
    NotParty,
}

/// Whether a territory is a party to a convention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Party {
    pub id: String,
    pub convention: Convention,
    pub territory: Territory,
    pub status: PartyStatus,
    /// The first day it holds (always given for a party).
    pub from: Option<NaiveDate>,
    pub grade: Quality,
    pub sources: Vec<Cited>,
    pub note: Option<Wording>,
}

/// Whose licences a rule or gap is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issuers {
    pub issued: Issued,
    /// Only these issuers; any when empty.
    pub only: Vec<Scope>,
    pub except: Vec<Scope>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    pub id: String,
    /// The destinations it holds in.
    pub places: Vec<Scope>,
    pub issuers: Issuers,
    pub outcome: Outcome,
    /// What to show at a stop; an IDP rule's IDP is added by the evaluator.
    pub carry: Vec<Document>,
    /// The first day it holds.
    pub from: Option<NaiveDate>,
    /// The first day it no longer holds.
    pub until: Option<NaiveDate>,
    pub grade: Quality,
    pub sources: Vec<Cited>,
    pub note: Option<Wording>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    pub id: String,
    pub places: Vec<Scope>,
    pub issuers: Issuers,
    pub reason: Wording,
    pub sources: Vec<Cited>,
}

/// A place that issues a local permit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Office {
    pub id: String,
    pub permit: LocalPermit,
    /// The rules whose permit it issues: the holders it is told to (foreigners' licences, a
    /// Taiwan resident's), where its source says it serves them.
    pub rules: Vec<String>,
    /// The division it lies in.
    pub division: Code,
    /// The subdivision (province) it lies in: the stops it is told to.
    pub province: Territory,
    pub name: Wording,
    /// The first day the facts show it issuing.
    pub from: Option<NaiveDate>,
    pub grade: Quality,
    pub sources: Vec<Cited>,
    pub note: Option<Wording>,
}

/// Where the facts do not say where a permit is issued.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfficeGap {
    pub id: String,
    pub permit: LocalPermit,
    /// The rules whose permit it is about, as an office's.
    pub rules: Vec<String>,
    pub places: Vec<Scope>,
    pub reason: Wording,
    pub sources: Vec<Cited>,
}

/// A validated recognition file.
#[derive(Clone, Debug)]
pub struct Recognition {
    pub version: String,
    pub as_of: NaiveDate,
    pub groups: Vec<Group>,
    pub conventions: Vec<ConventionFact>,
    pub parties: Vec<Party>,
    pub rules: Vec<Rule>,
    pub gaps: Vec<Gap>,
    pub offices: Vec<Office>,
    pub office_gaps: Vec<OfficeGap>,
}

// The file as serde reads it.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRecognition {
    version: String,
    as_of: Spanned<Datetime>,
    #[serde(default)]
    group: Vec<RawGroup>,
    #[serde(default)]
    convention: Vec<RawConvention>,
    #[serde(default)]
    party: Vec<RawParty>,
    #[serde(default)]
    rule: Vec<RawRule>,
    #[serde(default)]
    gap: Vec<RawGap>,
    #[serde(default)]
    office: Vec<RawOffice>,
    #[serde(default)]
    office_gap: Vec<RawOfficeGap>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCited {
    url: Spanned<String>,
    quote: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    id: Spanned<String>,
    name: String,
    members: Vec<Spanned<String>>,
    grade: Quality,
    sources: Spanned<Vec<RawCited>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConvention {
    id: Spanned<String>,
    convention: Convention,
    grade: Quality,
    sources: Spanned<Vec<RawCited>>,
    note: String,
    note_zh: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawParty {
    id: Spanned<String>,
    convention: Convention,
    territory: Spanned<String>,
    status: Spanned<PartyStatus>,
    from: Option<Spanned<Datetime>>,
    grade: Quality,
    sources: Spanned<Vec<RawCited>>,
    note: Option<String>,
    note_zh: Option<Spanned<String>>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
enum RawOutcome {
    Valid,
    Idp,
    Translation,
    LocalPermit,
    NotValid,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Spanned<String>,
    #[serde(rename = "in")]
    places: Spanned<Vec<Spanned<String>>>,
    issued: Issued,
    #[serde(default)]
    only: Vec<Spanned<String>>,
    #[serde(default)]
    except: Vec<Spanned<String>>,
    outcome: Spanned<RawOutcome>,
    idp: Option<Spanned<Vec<Convention>>>,
    language: Option<Spanned<Language>>,
    translation: Option<Spanned<TranslationKind>>,
    unless_written_in: Option<Spanned<bool>>,
    permit: Option<Spanned<LocalPermit>>,
    carry: Spanned<Vec<Spanned<String>>>,
    from: Option<Spanned<Datetime>>,
    until: Option<Spanned<Datetime>>,
    grade: Quality,
    sources: Spanned<Vec<RawCited>>,
    note: Option<String>,
    note_zh: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGap {
    id: Spanned<String>,
    #[serde(rename = "in")]
    places: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    only: Vec<Spanned<String>>,
    #[serde(default)]
    except: Vec<Spanned<String>>,
    reason: String,
    reason_zh: Option<Spanned<String>>,
    #[serde(default)]
    sources: Vec<RawCited>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOffice {
    id: Spanned<String>,
    permit: LocalPermit,
    rules: Spanned<Vec<Spanned<String>>>,
    division: Spanned<String>,
    name: String,
    name_zh: Option<Spanned<String>>,
    from: Option<Spanned<Datetime>>,
    grade: Spanned<Quality>,
    sources: Spanned<Vec<RawCited>>,
    note: Option<String>,
    note_zh: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOfficeGap {
    id: Spanned<String>,
    permit: LocalPermit,
    rules: Spanned<Vec<Spanned<String>>>,
    #[serde(rename = "in")]
    places: Spanned<Vec<Spanned<String>>>,
    reason: String,
    reason_zh: Option<Spanned<String>>,
    #[serde(default)]
    sources: Vec<RawCited>,
}

/// The checks every entry shares, with the names its scopes may use.
struct Checker<'t> {
    problems: Problems<'t>,
    ids: HashSet<String>,
    groups: Vec<String>,
}

impl Checker<'_> {
    /// Ids are one namespace: a rule's id names what decided an answer, whatever kind it is.
    fn id(&mut self, id: &Spanned<String>) {
        let text = id.get_ref();
        if text.trim().is_empty() {
            self.problems.add(id.span(), "an id is empty".to_string());
        } else if !self.ids.insert(text.clone()) {
            self.problems
                .add(id.span(), format!("id `{text}` is defined twice"));
        }
    }

    fn territory(&mut self, code: &Spanned<String>, whose: &str) -> Option<Territory> {
        let text = code.get_ref();
        let found = Territory::parse(text);
        if found.is_none() {
            let hint = World::bundled()
                .by_code(text)
                .and_then(Territory::of)
                .map_or(String::new(), |known| {
                    format!(" (write it `{}`)", known.code())
                });
            self.problems.add(
                code.span(),
                format!("`{text}` in {whose} is no country, subdivision or group{hint}"),
            );
        }
        found
    }

    fn scopes(&mut self, codes: &[Spanned<String>], whose: &str) -> Vec<Scope> {
        codes
            .iter()
            .filter_map(
                |code| match self.groups.iter().position(|g| g == code.get_ref()) {
                    Some(group) => Some(Scope::Group(group)),
                    None => self.territory(code, whose).map(Scope::Territory),
                },
            )
            .collect()
    }

    fn date(&mut self, date: &Option<Spanned<Datetime>>) -> Option<NaiveDate> {
        date.as_ref().and_then(|date| self.problems.date(date))
    }

    fn sources(&mut self, sources: &Spanned<Vec<RawCited>>, whose: &str) -> Vec<Cited> {
        if sources.get_ref().is_empty() {
            self.problems
                .add(sources.span(), format!("{whose} has no source"));
        }
        self.cited(sources.get_ref(), whose)
    }

    fn cited(&mut self, sources: &[RawCited], whose: &str) -> Vec<Cited> {
        sources
            .iter()
            .map(|source| {
                for (field, text) in [("url", &source.url), ("quote", &source.quote)] {
                    if text.get_ref().trim().is_empty() {
                        self.problems.add(
                            text.span(),
                            format!("a source of {whose} has an empty {field}"),
                        );
                    }
                }
                Cited {
                    url: source.url.get_ref().clone(),
                    quote: source.quote.get_ref().clone(),
                }
            })
            .collect()
    }

    fn note(
        &mut self,
        whose: &str,
        note: &Option<String>,
        note_zh: &Option<Spanned<String>>,
    ) -> Option<Wording> {
        match note {
            Some(note) => Some(self.problems.wording(whose, "note", note, note_zh)),
            None => {
                if let Some(zh) = note_zh {
                    self.problems
                        .add(zh.span(), format!("{whose} gives note_zh but no note"));
                }
                None
            }
        }
    }

    fn window(
        &mut self,
        whose: &str,
        from: &Option<Spanned<Datetime>>,
        until: &Option<Spanned<Datetime>>,
    ) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let (start, end) = (self.date(from), self.date(until));
        if let (Some(start), Some(end), Some(span)) = (start, end, until)
            && end <= start
        {
            self.problems.add(
                span.span(),
                format!("{whose} ends ({end}) before it starts ({start})"),
            );
        }
        (start, end)
    }

    /// The province a division code lies in, as a territory; a problem where the code is no
    /// division, or no province of the world's table holds it.
    fn province(&mut self, code: &Spanned<String>, whose: &str) -> Option<(Code, Territory)> {
        let divisions = Divisions::bundled();
        let text = code.get_ref();
        let Some(division) = Code::parse(text).and_then(|found| divisions.get(found)) else {
            self.problems.add(
                code.span(),
                format!("`{text}` in {whose} is no division code (want six digits of data/divisions.csv, as `110000`)"),
            );
            return None;
        };
        let province = World::bundled()
            .rows_of_division(divisions, divisions.province_of(division))
            .filter_map(Territory::of)
            .find(|territory| territory.code().contains('-'));
        if province.is_none() {
            self.problems.add(
                code.span(),
                format!("{whose}: division `{text}` lies in no subdivision of data/world.csv"),
            );
        }
        province.map(|province| (division.code, province))
    }

    fn places(&mut self, places: &Spanned<Vec<Spanned<String>>>, whose: &str) -> Vec<Scope> {
        if places.get_ref().is_empty() {
            self.problems.add(
                places.span(),
                format!("{whose} says nowhere (`in` is empty)"),
            );
        }
        self.scopes(places.get_ref(), whose)
    }
}

impl Recognition {
    /// Parses and validates a recognition file. Every problem found is returned, each naming
    /// `file`, its line and column, and what is wrong.
    pub fn parse(text: &str, file: &str) -> Result<Recognition, Vec<DataError>> {
        let raw: RawRecognition = read_toml(text, file, "recognition")?;
        let mut check = Checker {
            problems: Problems::new(file, text),
            ids: HashSet::new(),
            groups: Vec::new(),
        };
        let as_of = check.problems.date(&raw.as_of).unwrap_or(NaiveDate::MIN);

        let mut groups = Vec::with_capacity(raw.group.len());
        for group in &raw.group {
            check.id(&group.id);
            let whose = format!("group `{}`", group.id.get_ref());
            let members = group
                .members
                .iter()
                .filter_map(|code| check.territory(code, &whose))
                .collect();
            groups.push(Group {
                id: group.id.get_ref().clone(),
                name: group.name.clone(),
                members,
                grade: group.grade,
                sources: check.sources(&group.sources, &whose),
            });
        }
        // Groups are named by id from here on, and a group cannot hold a group.
        check.groups = groups.iter().map(|group| group.id.clone()).collect();

        let mut conventions = Vec::with_capacity(raw.convention.len());
        for convention in &raw.convention {
            check.id(&convention.id);
            let whose = format!("convention `{}`", convention.id.get_ref());
            if conventions
                .iter()
                .any(|known: &ConventionFact| known.convention == convention.convention)
            {
                check.problems.add(
                    convention.id.span(),
                    format!(
                        "{whose}: the {} convention is described twice",
                        convention.convention.id()
                    ),
                );
            }
            conventions.push(ConventionFact {
                id: convention.id.get_ref().clone(),
                convention: convention.convention,
                grade: convention.grade,
                sources: check.sources(&convention.sources, &whose),
                note: check
                    .problems
                    .wording(&whose, "note", &convention.note, &convention.note_zh),
            });
        }

        let mut parties = Vec::with_capacity(raw.party.len());
        for party in &raw.party {
            check.id(&party.id);
            let whose = format!("party `{}`", party.id.get_ref());
            let territory = check.territory(&party.territory, &whose);
            let from = check.date(&party.from);
            if *party.status.get_ref() == PartyStatus::Party && party.from.is_none() {
                check.problems.add(
                    party.status.span(),
                    format!("{whose} is a party from no day: give `from`"),
                );
            }
            let sources = check.sources(&party.sources, &whose);
            let note = check.note(&whose, &party.note, &party.note_zh);
            if let Some(territory) = territory {
                parties.push(Party {
                    id: party.id.get_ref().clone(),
                    convention: party.convention,
                    territory,
                    status: *party.status.get_ref(),
                    from,
                    grade: party.grade,
                    sources,
                    note,
                });
            }
        }

        let mut rules = Vec::with_capacity(raw.rule.len());
        for rule in &raw.rule {
            check.id(&rule.id);
            let whose = format!("rule `{}`", rule.id.get_ref());
            let places = check.places(&rule.places, &whose);
            let issuers = Issuers {
                issued: rule.issued,
                only: check.scopes(&rule.only, &whose),
                except: check.scopes(&rule.except, &whose),
            };
            let outcome = outcome(&mut check.problems, rule, &whose);
            let carry = carry(&mut check.problems, rule, &whose);
            let (from, until) = check.window(&whose, &rule.from, &rule.until);
            let sources = check.sources(&rule.sources, &whose);
            let note = check.note(&whose, &rule.note, &rule.note_zh);
            if let Some(outcome) = outcome {
                rules.push(Rule {
                    id: rule.id.get_ref().clone(),
                    places,
                    issuers,
                    outcome,
                    carry,
                    from,
                    until,
                    grade: rule.grade,
                    sources,
                    note,
                });
            }
        }

        let mut gaps = Vec::with_capacity(raw.gap.len());
        for gap in &raw.gap {
            check.id(&gap.id);
            let whose = format!("gap `{}`", gap.id.get_ref());
            let places = check.places(&gap.places, &whose);
            let issuers = Issuers {
                issued: Issued::Elsewhere,
                only: check.scopes(&gap.only, &whose),
                except: check.scopes(&gap.except, &whose),
            };
            let reason = check
                .problems
                .wording(&whose, "reason", &gap.reason, &gap.reason_zh);
            let sources = check.cited(&gap.sources, &whose);
            gaps.push(Gap {
                id: gap.id.get_ref().clone(),
                places,
                issuers,
                reason,
                sources,
            });
        }

        let mut offices = Vec::with_capacity(raw.office.len());
        for office in &raw.office {
            check.id(&office.id);
            let whose = format!("office `{}`", office.id.get_ref());
            let place = check.province(&office.division, &whose);
            let served = permit_rules(
                &mut check.problems,
                &rules,
                office.permit,
                &office.rules,
                &whose,
            );
            if *office.grade.get_ref() == Quality::Low {
                check.problems.add(
                    office.grade.span(),
                    format!("{whose} rests on low-grade sources only: make it an [[office_gap]]"),
                );
            }
            let name = check
                .problems
                .wording(&whose, "name", &office.name, &office.name_zh);
            let from = check.date(&office.from);
            let sources = check.sources(&office.sources, &whose);
            let note = check.note(&whose, &office.note, &office.note_zh);
            if let Some((division, province)) = place {
                offices.push(Office {
                    id: office.id.get_ref().clone(),
                    permit: office.permit,
                    rules: served,
                    division,
                    province,
                    name,
                    from,
                    grade: *office.grade.get_ref(),
                    sources,
                    note,
                });
            }
        }

        let mut office_gaps = Vec::with_capacity(raw.office_gap.len());
        for gap in &raw.office_gap {
            check.id(&gap.id);
            let whose = format!("office gap `{}`", gap.id.get_ref());
            let places = check.places(&gap.places, &whose);
            let served = permit_rules(&mut check.problems, &rules, gap.permit, &gap.rules, &whose);
            let reason = check
                .problems
                .wording(&whose, "reason", &gap.reason, &gap.reason_zh);
            let sources = check.cited(&gap.sources, &whose);
            office_gaps.push(OfficeGap {
                id: gap.id.get_ref().clone(),
                permit: gap.permit,
                rules: served,
                places,
                reason,
                sources,
            });
        }

        if check.problems.is_empty() {
            Ok(Recognition {
                version: raw.version,
                as_of,
                groups,
                conventions,
                parties,
                rules,
                gaps,
                offices,
                office_gaps,
            })
        } else {
            Err(check.problems.into_found())
        }
    }

    /// The bundled file, parsed on first use. It is checked by the tests, so a failure here is
    /// a build that shipped a broken file.
    pub fn bundled() -> &'static Recognition {
        static BUNDLED: OnceLock<Recognition> = OnceLock::new();
        BUNDLED.get_or_init(|| {
            Recognition::parse(BUNDLED_TOML, BUNDLED_NAME).unwrap_or_else(|errors| {
                panic!("the bundled recognition file is broken: {}", errors[0])
            })
        })
    }

    /// Reads and validates a recognition file; the error names the file and every problem in it.
    pub fn from_file(path: &Path) -> anyhow::Result<Recognition> {
        let name = path.display().to_string();
        let text = super::read_data_file(path, &name)?;
        Recognition::parse(&text, &name).map_err(|errors| DataErrors(errors).into())
    }

    /// The rules that hold in a destination (its territories), in file order: what `show`
    /// lists for a jurisdiction.
    pub fn rules_in<'r>(&'r self, destination: &'r [Territory]) -> impl Iterator<Item = &'r Rule> {
        self.rules
            .iter()
            .filter(move |rule| self.covers(&rule.places, destination).is_some())
    }

    /// The gaps that name a destination.
    pub fn gaps_in<'r>(&'r self, destination: &'r [Territory]) -> impl Iterator<Item = &'r Gap> {
        self.gaps
            .iter()
            .filter(move |gap| self.covers(&gap.places, destination).is_some())
    }

    /// Whether one of `scopes` holds a territory of `place`; `Some(true)` when the one that does
    /// is a subdivision (which beats a country or group).
    fn covers(&self, scopes: &[Scope], place: &[Territory]) -> Option<bool> {
        scopes
            .iter()
            .filter_map(|scope| match *scope {
                Scope::Territory(territory) => place
                    .contains(&territory)
                    .then(|| territory.code().contains('-')),
                Scope::Group(group) => self.groups[group]
                    .members
                    .iter()
                    .any(|member| place.contains(member))
                    .then_some(false),
            })
            .max()
    }
}

/// The rules an office (or office gap) issues the permit of: each a rule of the file whose
/// outcome is that local permit, at least one.
fn permit_rules(
    problems: &mut Problems<'_>,
    rules: &[Rule],
    permit: LocalPermit,
    ids: &Spanned<Vec<Spanned<String>>>,
    whose: &str,
) -> Vec<String> {
    if ids.get_ref().is_empty() {
        problems.add(
            ids.span(),
            format!("{whose} serves no rule: name the rules whose permit it issues"),
        );
    }
    for id in ids.get_ref() {
        let asks = rules
            .iter()
            .find(|rule| rule.id == *id.get_ref())
            .map(|rule| rule.outcome == Outcome::LocalPermit(permit));
        match asks {
            Some(true) => {}
            Some(false) => problems.add(
                id.span(),
                format!("rule `{}` in {whose} asks for no such permit", id.get_ref()),
            ),
            None => problems.add(
                id.span(),
                format!("`{}` in {whose} is no rule of this file", id.get_ref()),
            ),
        }
    }
    ids.get_ref()
        .iter()
        .map(|id| id.get_ref().clone())
        .collect()
}

/// What a rule's outcome and its fields say, or a problem where they disagree.
fn outcome(problems: &mut Problems<'_>, rule: &RawRule, whose: &str) -> Option<Outcome> {
    let kind = *rule.outcome.get_ref();
    let mut unused = |field: &str, span: Option<std::ops::Range<usize>>| {
        if let Some(span) = span {
            problems.add(
                span,
                format!("{whose}: `{field}` does not go with this outcome"),
            );
        }
    };
    if kind != RawOutcome::Idp {
        unused("idp", rule.idp.as_ref().map(Spanned::span));
    }
    if kind != RawOutcome::Translation {
        unused("language", rule.language.as_ref().map(Spanned::span));
        unused("translation", rule.translation.as_ref().map(Spanned::span));
        unused(
            "unless_written_in",
            rule.unless_written_in.as_ref().map(Spanned::span),
        );
    }
    if kind != RawOutcome::LocalPermit {
        unused("permit", rule.permit.as_ref().map(Spanned::span));
    }
    let span = rule.outcome.span();
    let mut missing = |fields: &str| {
        problems.add(
            span.clone(),
            format!("{whose}: this outcome needs {fields}"),
        );
        None
    };
    match kind {
        RawOutcome::Valid => Some(Outcome::Valid),
        RawOutcome::NotValid => Some(Outcome::NotValid),
        RawOutcome::Idp => match &rule.idp {
            Some(idp) if !idp.get_ref().is_empty() => {
                let mut conventions = idp.get_ref().clone();
                conventions.sort();
                conventions.dedup();
                Some(Outcome::Idp(conventions))
            }
            _ => missing("`idp` (the conventions whose IDPs it takes)"),
        },
        RawOutcome::Translation => match (&rule.language, &rule.translation) {
            (Some(language), Some(translation)) => Some(Outcome::Translation(Translation {
                language: *language.get_ref(),
                kind: *translation.get_ref(),
                unless_written_in: rule
                    .unless_written_in
                    .as_ref()
                    .is_some_and(|flag| *flag.get_ref()),
            })),
            _ => missing("`language` and `translation`"),
        },
        RawOutcome::LocalPermit => match &rule.permit {
            Some(permit) => Some(Outcome::LocalPermit(*permit.get_ref())),
            None => missing("`permit`"),
        },
    }
}

/// The documents a rule says to carry: known ids, none twice, an IDP never named (the evaluator
/// picks it), nothing for a licence that is not valid and something for one that is.
fn carry(problems: &mut Problems<'_>, rule: &RawRule, whose: &str) -> Vec<Document> {
    let mut documents = Vec::new();
    for id in rule.carry.get_ref() {
        match Document::from_id(id.get_ref()) {
            None => problems.add(
                id.span(),
                format!(
                    "`{}` in {whose} is no document (want one of: {})",
                    id.get_ref(),
                    Document::ALL.map(Document::id).join(", ")
                ),
            ),
            Some(document) if documents.contains(&document) => {
                problems.add(id.span(), format!("{whose} carries `{}` twice", id.get_ref()))
            }
            Some(document) if document.is_idp() => problems.add(
                id.span(),
                format!(
                    "{whose} names an IDP in `carry`: give the conventions in `idp` with outcome = \"idp\""
                ),
            ),
            Some(document) => documents.push(document),
        }
    }
    let not_valid = *rule.outcome.get_ref() == RawOutcome::NotValid;
    if not_valid != rule.carry.get_ref().is_empty() {
        let message = if not_valid {
            format!("{whose}: a licence that is not valid carries nothing (`carry = []`)")
        } else {
            format!("{whose} carries nothing: name the documents to show at a stop")
        };
        problems.add(rule.carry.span(), message);
    }
    documents
}

#[cfg(test)]
mod tests;
