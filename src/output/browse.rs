//! `edl list`, `show`, `timeline` and `data`: the facts behind the verdicts, for people and
//! for scripts.

use std::collections::BTreeMap;
use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::report::{Place, prefecture_of};
use super::{
    DataVersion, SCHEMA_VERSION, data_version, prose, stale_note, table, tsv_field, window_text,
    write_note,
};
use crate::data::coverage::{Coverage, coverage};
use crate::data::recognition::{self, Recognition, Scope};
use crate::data::schemes::{Rule, Schemes};
use crate::data::world::{PlaceKind, World};
use crate::data::{Availability, Basis, Claim, Dataset, Level, Quality, Wording};
use crate::i18n::{DataSummary, English, Messages, ShowField};
use crate::place::{Place as PlaceOf, PlaceNote};
use crate::verdict::{Assessment, Standing, Status, Step};
use unicode_width::UnicodeWidthStr;

/// The places `edl list` shows, assessed on one date.
pub struct Listing<'d> {
    pub on: NaiveDate,
    /// Whether the user asked about a date (`--on`), which adds the status column and counts.
    pub dated: bool,
    /// The places shown: the selection, or (with `--status`) those of it with that status.
    pub places: Vec<Standing<'d>>,
    /// The date's counts over the whole selection, whatever `--status` shows.
    pub counts: Vec<(Status, usize)>,
    pub total: usize,
    /// Whether `--status` left some of the selection out.
    pub filtered: bool,
}

impl<'d> Listing<'d> {
    /// The selection on the date, and the rows of it that `keep` shows.
    pub fn new(
        on: NaiveDate,
        dated: bool,
        selection: impl Iterator<Item = Standing<'d>>,
        status: Option<Status>,
    ) -> Listing<'d> {
        let all: Vec<Standing<'d>> = selection.collect();
        let counts = count_statuses(&all);
        let total = all.len();
        let places: Vec<Standing<'d>> = match status {
            Some(status) => all.into_iter().filter(|p| p.status == status).collect(),
            None => all,
        };
        Listing {
            on,
            dated,
            places,
            counts,
            total,
            filtered: status.is_some(),
        }
    }
}

const STATUSES: [Status; 4] = [
    Status::Live,
    Status::Uncertain,
    Status::NotYet,
    Status::NotCovered,
];

fn count_statuses(places: &[Standing<'_>]) -> Vec<(Status, usize)> {
    STATUSES
        .iter()
        .map(|&status| {
            (
                status,
                places.iter().filter(|place| place.status == status).count(),
            )
        })
        .collect()
}

pub fn list_human(
    out: &mut dyn Write,
    listing: &Listing<'_>,
    dataset: &Dataset,
    messages: &dyn Messages,
) -> io::Result<()> {
    let width = super::width();
    let mut rows: Vec<Vec<String>> = Vec::with_capacity(listing.places.len());
    let mut previous_province = None;
    for place in &listing.places {
        // Grouped by province: name each province once, on its first row.
        // Named as the reader's language names it: 陕西省 Shaanxi in English, not 陕西省 alone,
        // which reads like 山西省.
        let province = if previous_province == Some(place.province.code) {
            String::new()
        } else {
            messages.place(PlaceOf::Division(place.province))
        };
        previous_province = Some(place.province.code);
        let mut row = vec![
            province,
            messages.place(PlaceOf::Division(place.division)),
            place.division.code.to_string(),
            window_text(&place.availability, messages),
        ];
        if listing.dated {
            row.push(messages.status(place.status).to_string());
        }
        rows.push(row);
    }
    let mut header = messages.list_header(listing.dated.then_some(listing.on));
    // Too narrow for every column: the code goes first (`edl show` and the TSV have it).
    let fitted = super::wrap::fitted_table(&header, &rows, width).unwrap_or_else(|| {
        header.remove(2);
        for row in &mut rows {
            row.remove(2);
        }
        table(&header, &rows, width)
    });
    writeln!(out, "{fitted}")?;
    if listing.dated {
        let counts = messages.list_counts(
            listing.on,
            &listing.counts,
            listing.total,
            listing.filtered.then_some(listing.places.len()),
        );
        writeln!(out, "{}", prose(&counts, width, ""))?;
    }
    stale_note(out, dataset, listing.on, messages)
}

#[derive(Serialize)]
struct ListReport {
    schema_version: u32,
    on: NaiveDate,
    data: DataVersion,
    places: Vec<Place>,
    /// How many places are listed (fewer than `total` with `--status`).
    listed: usize,
    /// The date's counts over every place of the selection, whatever `--status` lists.
    counts: BTreeMap<&'static str, usize>,
    total: usize,
}

pub fn list_json(out: &mut dyn Write, listing: &Listing<'_>, dataset: &Dataset) -> io::Result<()> {
    let report = ListReport {
        schema_version: SCHEMA_VERSION,
        on: listing.on,
        data: data_version(dataset),
        places: listing
            .places
            .iter()
            .map(|place| Place::new(None, place, dataset.divisions, place.verdict(), None))
            .collect(),
        listed: listing.places.len(),
        counts: listing.counts.iter().map(|&(s, n)| (s.id(), n)).collect(),
        total: listing.total,
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}

/// The columns of `check --format tsv` that describe a place, in the same order.
pub const LIST_TSV_HEADER: &str =
    "code\tname\tpinyin\tprovince\tprefecture\tlevel\twindow_earliest\twindow_latest\tstatus";

/// Writes each row straight from the tables into a reused buffer, without the formatting
/// machinery per field: `edl list --level county` writes thousands of rows and should cost
/// little more than starting up.
pub fn list_tsv<'d>(
    out: &mut dyn Write,
    places: impl Iterator<Item = Standing<'d>>,
    dataset: &'d Dataset,
) -> io::Result<()> {
    writeln!(out, "{LIST_TSV_HEADER}")?;
    let mut row = Vec::with_capacity(128);
    let mut digits = itoa::Buffer::new();
    let mut last_window: Option<((NaiveDate, NaiveDate), Vec<u8>)> = None;
    let field = |row: &mut Vec<u8>, value: &[u8]| {
        row.extend_from_slice(value);
        row.push(b'\t');
    };
    for place in places {
        row.clear();
        let division = place.division;
        field(&mut row, digits.format(division.code.value()).as_bytes());
        field(&mut row, division.name().as_bytes());
        field(&mut row, division.pinyin_display().as_bytes());
        field(&mut row, place.province.name().as_bytes());
        let city = prefecture_of(dataset.divisions, division);
        field(&mut row, city.map_or("", |city| city.name()).as_bytes());
        field(&mut row, division.level.id().as_bytes());
        match &place.availability {
            Availability::Window(window) => {
                // Places under one prefecture share its window: format it once.
                let dates = (window.earliest.date, window.latest.date);
                if last_window.as_ref().is_none_or(|(last, _)| *last != dates) {
                    let mut formatted = Vec::with_capacity(22);
                    push_date(&mut formatted, dates.0);
                    formatted.push(b'\t');
                    push_date(&mut formatted, dates.1);
                    formatted.push(b'\t');
                    last_window = Some((dates, formatted));
                }
                if let Some((_, formatted)) = &last_window {
                    row.extend_from_slice(formatted);
                }
            }
            Availability::Never(_) => row.extend_from_slice(b"\t\t"),
        }
        row.extend_from_slice(place.status.id().as_bytes());
        row.push(b'\n');
        out.write_all(&row)?;
    }
    Ok(())
}

/// `YYYY-MM-DD` for the years `edl` accepts (four digits), without the formatting machinery.
fn push_date(text: &mut Vec<u8>, date: NaiveDate) {
    let mut digits = itoa::Buffer::new();
    text.extend_from_slice(digits.format(date.year()).as_bytes());
    for part in [date.month(), date.day()] {
        text.push(b'-');
        if part < 10 {
            text.push(b'0');
        }
        text.extend_from_slice(digits.format(part).as_bytes());
    }
}

#[derive(Serialize)]
struct SourceReport<'r> {
    id: &'r str,
    title: &'r str,
    url: &'r str,
    quality: Quality,
}

#[derive(Serialize)]
struct SchemeSourceReport<'r> {
    id: &'r str,
    title: &'r str,
    url: Option<&'r str>,
    quality: Quality,
}

#[derive(Serialize)]
struct SchemeReport<'r> {
    id: &'r str,
    name: &'r str,
    #[serde(skip)]
    wording: &'r Wording,
    rules: Vec<RuleReport<'r>>,
}

#[derive(Serialize)]
struct RuleReport<'r> {
    id: &'r str,
    outcome: &'static str,
    by: Option<&'r str>,
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
    stages: Vec<&'static str>,
    grade: Quality,
    note: &'r str,
    #[serde(skip)]
    rule: &'r Rule,
    sources: Vec<SchemeSourceReport<'r>>,
}

#[derive(Serialize)]
struct BaselineReport<'r> {
    id: &'r str,
    grade: Quality,
    note: &'r str,
    #[serde(skip)]
    wording: &'r Wording,
    sources: Vec<SchemeSourceReport<'r>>,
}

#[derive(Serialize)]
struct GapReport<'r> {
    id: &'r str,
    reason: &'r str,
    #[serde(skip)]
    wording: &'r Wording,
    sources: Vec<SchemeSourceReport<'r>>,
}

fn scheme_sources(
    schemes: &'static Schemes,
    sources: &[usize],
) -> Vec<SchemeSourceReport<'static>> {
    sources
        .iter()
        .map(|&index| {
            let source = schemes.source(index);
            SchemeSourceReport {
                id: &source.id,
                title: &source.title,
                url: source.url.as_deref(),
                quality: source.quality,
            }
        })
        .collect()
}

/// What the schemes file says about a place beyond the mainland (the mainland's own scheme is
/// the rollout, which `facts` gives).
fn about(
    place: &Assessment<'_>,
    dataset: &Dataset,
) -> (
    Vec<SchemeReport<'static>>,
    Vec<BaselineReport<'static>>,
    Vec<GapReport<'static>>,
) {
    if place.reach == crate::verdict::Reach::Within {
        return (Vec::new(), Vec::new(), Vec::new());
    }
    let schemes = dataset.schemes();
    let about = schemes.about(&place.place.territories(dataset.divisions));
    let scheme_reports = about
        .schemes
        .iter()
        .map(|&scheme| SchemeReport {
            id: &scheme.id,
            name: &scheme.name.en,
            wording: &scheme.name,
            rules: schemes
                .rules_of(scheme)
                .map(|rule| RuleReport {
                    id: &rule.id,
                    outcome: rule.outcome.id(),
                    by: rule.by.as_ref().map(|by| &*by.en),
                    from: rule.from,
                    until: rule.until,
                    stages: rule.stages.iter().map(|stage| stage.id()).collect(),
                    grade: rule.grade,
                    note: &rule.note.en,
                    rule,
                    sources: scheme_sources(schemes, &rule.sources),
                })
                .collect(),
        })
        .collect();
    let baselines = about
        .baselines
        .iter()
        .map(|&baseline| BaselineReport {
            id: &baseline.id,
            grade: baseline.grade,
            note: &baseline.note.en,
            wording: &baseline.note,
            sources: scheme_sources(schemes, &baseline.sources),
        })
        .collect();
    let gaps = about
        .gaps
        .iter()
        .map(|&gap| GapReport {
            id: &gap.id,
            reason: &gap.reason.en,
            wording: &gap.reason,
            sources: scheme_sources(schemes, &gap.sources),
        })
        .collect();
    (scheme_reports, baselines, gaps)
}

/// One source of a recognition entry: where it is, and the words the entry rests on.
#[derive(Serialize)]
struct CitedReport<'r> {
    url: &'r str,
    quote: &'r str,
}

/// A jurisdiction's rule for visitors' licences (`data/recognition.toml`).
#[derive(Serialize)]
struct VisitorRuleReport<'r> {
    id: &'r str,
    /// `valid`, `idp`, `translation`, `local-permit` or `not-valid`.
    outcome: &'static str,
    /// For `idp`: the conventions whose IDPs it takes (`1949`, `1968`).
    idp: Vec<&'static str>,
    /// For `translation`: into which language, and by whom.
    translation: Option<TranslationReport>,
    /// Whose licences: `abroad`, `same-country` or `elsewhere`, narrowed by `only` and `except`
    /// (codes and group ids).
    issued: &'static str,
    only: Vec<&'r str>,
    except: Vec<&'r str>,
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
    /// The documents to show at a stop (an IDP rule's IDP is added by the convention it takes).
    carry: Vec<&'static str>,
    grade: Quality,
    note: Option<&'r str>,
    sources: Vec<CitedReport<'r>>,
    #[serde(skip)]
    rule: &'r recognition::Rule,
}

#[derive(Serialize)]
struct TranslationReport {
    /// `en`, `ja`, `de`, `it` or `zh`.
    language: &'static str,
    /// `any`, `official`, `sworn` or `approved`.
    kind: &'static str,
    /// Not needed for a licence already written in `language`.
    unless_written_in: bool,
}

/// A pair the recognition facts leave open at a jurisdiction.
#[derive(Serialize)]
struct VisitorGapReport<'r> {
    id: &'r str,
    only: Vec<&'r str>,
    except: Vec<&'r str>,
    reason: &'r str,
    #[serde(skip)]
    wording: &'r Wording,
    sources: Vec<CitedReport<'r>>,
}

fn cited(sources: &[recognition::Cited]) -> Vec<CitedReport<'_>> {
    sources
        .iter()
        .map(|source| CitedReport {
            url: &source.url,
            quote: &source.quote,
        })
        .collect()
}

/// What the recognition facts say of visitors' licences in a jurisdiction (a country or a
/// subdivision, 香港, 澳门 and 台湾 among them): the rules that hold there, its country's with
/// its own, and its gaps. A town or a mainland division is no jurisdiction: `edl show` of its
/// country or subdivision gives them.
fn visitors(
    place: &Assessment<'_>,
    dataset: &Dataset,
) -> (
    Vec<VisitorRuleReport<'static>>,
    Vec<VisitorGapReport<'static>>,
) {
    if !is_jurisdiction(place) {
        return (Vec::new(), Vec::new());
    }
    let here = place.place.territories(dataset.divisions);
    let facts = Recognition::bundled();
    let codes = |scopes: &[Scope]| -> Vec<&'static str> {
        scopes
            .iter()
            .map(|scope| match *scope {
                Scope::Territory(territory) => territory.code(),
                Scope::Group(group) => facts.groups[group].id.as_str(),
            })
            .collect()
    };
    // `rules_in` and `gaps_in` lend their entries only as long as `here`: pick the bundled
    // file's own entries, which live for the program.
    let held: Vec<*const recognition::Rule> =
        facts.rules_in(&here).map(std::ptr::from_ref).collect();
    let open: Vec<*const recognition::Gap> = facts.gaps_in(&here).map(std::ptr::from_ref).collect();
    let rules = facts
        .rules
        .iter()
        .filter(|rule| held.contains(&std::ptr::from_ref(*rule)))
        .map(|rule| VisitorRuleReport {
            id: &rule.id,
            outcome: match rule.outcome {
                recognition::Outcome::Valid => "valid",
                recognition::Outcome::Idp(_) => "idp",
                recognition::Outcome::Translation(_) => "translation",
                recognition::Outcome::LocalPermit(_) => "local-permit",
                recognition::Outcome::NotValid => "not-valid",
            },
            idp: match &rule.outcome {
                recognition::Outcome::Idp(conventions) => conventions
                    .iter()
                    .map(|convention| convention.id())
                    .collect(),
                _ => Vec::new(),
            },
            translation: match rule.outcome {
                recognition::Outcome::Translation(translation) => Some(TranslationReport {
                    language: translation.language.id(),
                    kind: translation.kind.id(),
                    unless_written_in: translation.unless_written_in,
                }),
                _ => None,
            },
            issued: match rule.issuers.issued {
                recognition::Issued::Abroad => "abroad",
                recognition::Issued::SameCountry => "same-country",
                recognition::Issued::Elsewhere => "elsewhere",
            },
            only: codes(&rule.issuers.only),
            except: codes(&rule.issuers.except),
            from: rule.from,
            until: rule.until,
            carry: rule.carry.iter().map(|document| document.id()).collect(),
            grade: rule.grade,
            note: rule.note.as_ref().map(|note| &*note.en),
            sources: cited(&rule.sources),
            rule,
        })
        .collect();
    let gaps = facts
        .gaps
        .iter()
        .filter(|gap| open.contains(&std::ptr::from_ref(*gap)))
        .map(|gap| VisitorGapReport {
            id: &gap.id,
            only: codes(&gap.issuers.only),
            except: codes(&gap.issuers.except),
            reason: &gap.reason.en,
            wording: &gap.reason,
            sources: cited(&gap.sources),
        })
        .collect();
    (rules, gaps)
}

fn is_jurisdiction(place: &Assessment<'_>) -> bool {
    match place.place {
        PlaceOf::World(row) => row.kind != PlaceKind::City,
        PlaceOf::Division(division) => {
            division.level == Level::Province && place.reach != crate::verdict::Reach::Within
        }
    }
}

/// A place that issues a local permit (`data/recognition.toml`'s `[[office]]`).
#[derive(Serialize)]
struct OfficeReport<'r> {
    id: &'r str,
    permit: &'static str,
    /// The rules whose holders it issues the permit to.
    rules: &'r [String],
    /// The GB/T 2260 code of the division it lies in.
    division: String,
    name: &'r str,
    from: Option<NaiveDate>,
    grade: Quality,
    note: Option<&'r str>,
    sources: Vec<CitedReport<'r>>,
    #[serde(skip)]
    office: &'r recognition::Office,
}

/// Where the facts do not say where a local permit is issued.
#[derive(Serialize)]
struct OfficeGapReport<'r> {
    id: &'r str,
    permit: &'static str,
    rules: &'r [String],
    reason: &'r str,
    #[serde(skip)]
    wording: &'r Wording,
    sources: Vec<CitedReport<'r>>,
}

/// Where a jurisdiction's local permits are issued, and where the facts do not say.
fn offices(
    place: &Assessment<'_>,
    dataset: &Dataset,
) -> (Vec<OfficeReport<'static>>, Vec<OfficeGapReport<'static>>) {
    if !is_jurisdiction(place) {
        return (Vec::new(), Vec::new());
    }
    let here = place.place.territories(dataset.divisions);
    let facts = Recognition::bundled();
    // The lookups lend their entries only as long as `here`: pick the file's own by id.
    let named: Vec<&str> = facts.offices_in(&here).map(|o| o.id.as_str()).collect();
    let open: Vec<&str> = facts.office_gaps_in(&here).map(|g| g.id.as_str()).collect();
    let offices = facts
        .offices
        .iter()
        .filter(|office| named.contains(&office.id.as_str()))
        .map(|office| OfficeReport {
            id: &office.id,
            permit: office.permit.document().id(),
            rules: &office.rules,
            division: office.division.to_string(),
            name: &office.name.en,
            from: office.from,
            grade: office.grade,
            note: office.note.as_ref().map(|note| &*note.en),
            sources: cited(&office.sources),
            office,
        })
        .collect();
    let gaps = facts
        .office_gaps
        .iter()
        .filter(|gap| open.contains(&gap.id.as_str()))
        .map(|gap| OfficeGapReport {
            id: &gap.id,
            permit: gap.permit.document().id(),
            rules: &gap.rules,
            reason: &gap.reason.en,
            wording: &gap.reason,
            sources: cited(&gap.sources),
        })
        .collect();
    (offices, gaps)
}

#[derive(Serialize)]
struct FactReport<'r> {
    id: &'r str,
    /// The fact's own grade: its best source's, or lower where the facts files grade it so.
    quality: Quality,
    about: String,
    claim: String,
    note: Option<&'r str>,
    sources: Vec<SourceReport<'r>>,
    #[serde(skip)]
    said: Claim,
    /// The note in both languages, for people.
    #[serde(skip)]
    wording: Option<&'r Wording>,
}

#[derive(Serialize)]
struct ShowReport<'r> {
    schema_version: u32,
    on: NaiveDate,
    place: Place,
    short: &'r str,
    kind: &'r str,
    chain: Vec<&'r str>,
    facts: Vec<FactReport<'r>>,
    /// Beyond the mainland: the digital licences its territories issue, with their rules.
    schemes: Vec<SchemeReport<'r>>,
    /// Where its own law needs no licence carried, and for whose licences.
    baselines: Vec<BaselineReport<'r>>,
    /// What the data leaves open there, and why.
    gaps: Vec<GapReport<'r>>,
    /// A country's or subdivision's rules for visitors' licences (`data/recognition.toml`).
    visitor_rules: Vec<VisitorRuleReport<'r>>,
    /// The pairs those facts leave open there.
    visitor_gaps: Vec<VisitorGapReport<'r>>,
    /// Where its local permits are issued (the mainland's temporary permit).
    permit_offices: Vec<OfficeReport<'r>>,
    /// Where the facts do not say where they are issued.
    permit_office_gaps: Vec<OfficeGapReport<'r>>,
    default_window_applies: bool,
    default_sources: Vec<SourceReport<'r>>,
    /// What reading the query assumed (西安 taken as 西安市).
    notes: Vec<String>,
    data: DataVersion,
}

fn source_reports<'r>(dataset: &'r Dataset, sources: &[usize]) -> Vec<SourceReport<'r>> {
    sources
        .iter()
        .map(|&index| {
            let source = dataset.rollout.source(index);
            SourceReport {
                id: &source.id,
                title: &source.title,
                url: &source.url,
                quality: source.quality,
            }
        })
        .collect()
}

/// The facts about a place or the divisions above it, with the division each names.
fn facts_about<'r>(dataset: &'r Dataset, place: &Assessment<'_>) -> Vec<FactReport<'r>> {
    let mut facts = Vec::new();
    let Some(division) = place.division() else {
        return facts;
    };
    for above in dataset.divisions.chain(division) {
        for index in dataset.rollout.facts_naming(above.code) {
            let fact = &dataset.rollout.facts[index];
            facts.push(FactReport {
                id: &fact.id,
                quality: dataset.rollout.fact_quality(index),
                about: format!("{} {}", above.name(), above.code),
                claim: English.claim(fact.claim),
                note: fact.note.as_ref().map(|note| &*note.en),
                sources: source_reports(dataset, &fact.sources),
                said: fact.claim,
                wording: fact.note.as_ref(),
            });
        }
    }
    facts
}

fn uses_default(availability: &Availability) -> bool {
    match availability {
        Availability::Window(window) => {
            window.earliest.basis == Basis::Default || window.latest.basis == Basis::Default
        }
        Availability::Never(_) => false,
    }
}

fn show_report<'r>(
    query: &str,
    place: &'r Assessment<'r>,
    dataset: &'r Dataset,
    on: NaiveDate,
    notes: &[PlaceNote<'_>],
) -> ShowReport<'r> {
    let default_window_applies = place
        .standing
        .as_ref()
        .is_some_and(|standing| uses_default(&standing.availability));
    let (short, kind, chain) = match place.place {
        PlaceOf::Division(division) => (
            division.short(),
            division.kind.id(),
            dataset
                .divisions
                .chain(division)
                .map(|d| d.name())
                .collect(),
        ),
        PlaceOf::World(row) => (
            row.name(),
            row.kind.id(),
            World::bundled().chain(row).map(|r| r.name()).collect(),
        ),
    };
    let (schemes, baselines, gaps) = about(place, dataset);
    let (visitor_rules, visitor_gaps) = visitors(place, dataset);
    let (permit_offices, permit_office_gaps) = offices(place, dataset);
    ShowReport {
        schema_version: SCHEMA_VERSION,
        on,
        schemes,
        baselines,
        gaps,
        visitor_rules,
        visitor_gaps,
        permit_offices,
        permit_office_gaps,
        place: Place::assessed(
            Some(query),
            place,
            dataset.divisions,
            place.verdict(),
            Some(English.reason(&place.why, place.place)),
        ),
        short,
        kind,
        chain,
        facts: facts_about(dataset, place),
        default_window_applies,
        default_sources: if default_window_applies {
            source_reports(dataset, &dataset.rollout.default.sources)
        } else {
            Vec::new()
        },
        notes: notes.iter().map(|note| English.place_note(note)).collect(),
        data: data_version(dataset),
    }
}

pub fn show_json(
    out: &mut dyn Write,
    query: &str,
    place: &Assessment<'_>,
    dataset: &Dataset,
    on: NaiveDate,
    notes: &[PlaceNote<'_>],
) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &show_report(query, place, dataset, on, notes))?;
    writeln!(out)
}

pub fn show_human(
    out: &mut dyn Write,
    place: &Assessment<'_>,
    dataset: &Dataset,
    on: NaiveDate,
    notes: &[PlaceNote<'_>],
    messages: &dyn Messages,
) -> io::Result<()> {
    let report = show_report("", place, dataset, on, notes);
    let width = super::width();
    writeln!(out, "{}", messages.show_title(place.place))?;
    // A field's value wraps under itself, past its label.
    let field = |out: &mut dyn Write, name, value: &str| -> io::Result<()> {
        let label = messages.show_field(name);
        let indent = " ".repeat(label.width());
        writeln!(out, "{}", prose(&format!("{label}{value}"), width, &indent))
    };
    // Indented lines wrap at the same indent; a URL stays whole on its own line.
    let line = |out: &mut dyn Write, indent: &str, text: &str| -> io::Result<()> {
        let hanging = format!("{indent}  ");
        writeln!(
            out,
            "{}",
            prose(&format!("{indent}{text}"), width, &hanging)
        )
    };
    field(out, ShowField::Code, &report.place.code)?;
    field(out, ShowField::Level, &messages.show_level(place.place))?;
    let chain: Vec<String> = match place.place {
        PlaceOf::Division(_) => report.chain.iter().map(|name| name.to_string()).collect(),
        PlaceOf::World(row) => World::bundled()
            .chain(row)
            .map(|r| messages.place_name(PlaceOf::World(r)))
            .collect(),
    };
    field(out, ShowField::Chain, &chain.join(" → "))?;
    // The e-license's window, where a division has one; a place beyond the divisions has
    // none to give ("never" read as if the rollout had ruled on Sydney).
    if let Some(standing) = &place.standing {
        let live_from = window_text(&standing.availability, messages);
        field(out, ShowField::LiveFrom, &live_from)?;
    }
    let reason = messages.reason(&place.why, place.place);
    field(
        out,
        ShowField::Status,
        &messages.show_status(place.status, on, &reason),
    )?;
    field(
        out,
        ShowField::Verdict,
        messages.verdict(report.place.verdict),
    )?;
    let print_sources = |out: &mut dyn Write, sources: &[SourceReport<'_>]| -> io::Result<()> {
        for source in sources {
            let quality = messages.quality(source.quality);
            line(out, "    ", &format!("[{quality}] {}", source.title))?;
            writeln!(out, "      {}", source.url)?;
        }
        Ok(())
    };
    if !report.facts.is_empty() {
        writeln!(out, "{}", messages.show_field(ShowField::Facts))?;
    }
    for fact in &report.facts {
        let about = messages.fact_about(fact.id, &messages.claim(fact.said), &fact.about);
        line(out, "  ", &about)?;
        if let Some(note) = fact.wording {
            line(out, "    ", messages.wording(note))?;
        }
        print_sources(out, &fact.sources)?;
    }
    let print_scheme_sources =
        |out: &mut dyn Write, sources: &[SchemeSourceReport<'_>]| -> io::Result<()> {
            for source in sources {
                let quality = messages.quality(source.quality);
                line(out, "      ", &format!("[{quality}] {}", source.title))?;
                if let Some(url) = source.url {
                    writeln!(out, "        {url}")?;
                }
            }
            Ok(())
        };
    if !report.schemes.is_empty() || !report.baselines.is_empty() || !report.gaps.is_empty() {
        writeln!(out, "{}", messages.show_schemes_heading())?;
    }
    for scheme in &report.schemes {
        line(
            out,
            "  ",
            &format!("{} ({})", messages.wording(scheme.wording), scheme.id),
        )?;
        for rule in &scheme.rules {
            line(out, "    ", &messages.scheme_rule(rule.rule))?;
            print_scheme_sources(out, &rule.sources)?;
        }
    }
    for baseline in &report.baselines {
        line(
            out,
            "  ",
            &messages.baseline_line(
                baseline.id,
                baseline.grade,
                messages.wording(baseline.wording),
            ),
        )?;
        print_scheme_sources(out, &baseline.sources)?;
    }
    for gap in &report.gaps {
        line(
            out,
            "  ",
            &messages.gap_line(gap.id, messages.wording(gap.wording)),
        )?;
        print_scheme_sources(out, &gap.sources)?;
    }
    // A source quoted twice (two passages of one page) is listed once.
    let print_urls = |out: &mut dyn Write, sources: &[CitedReport<'_>]| -> io::Result<()> {
        let mut listed: Vec<&str> = Vec::new();
        for source in sources {
            if !listed.contains(&source.url) {
                writeln!(out, "      {}", source.url)?;
                listed.push(source.url);
            }
        }
        Ok(())
    };
    if !report.visitor_rules.is_empty() || !report.visitor_gaps.is_empty() {
        writeln!(out, "{}", messages.show_visitors_heading())?;
    }
    for rule in &report.visitor_rules {
        line(
            out,
            "  ",
            &messages.visitor_rule(rule.rule, &rule.only, &rule.except),
        )?;
        print_urls(out, &rule.sources)?;
    }
    for gap in &report.visitor_gaps {
        line(
            out,
            "  ",
            &messages.gap_line(gap.id, messages.wording(gap.wording)),
        )?;
        print_urls(out, &gap.sources)?;
    }
    if !report.permit_offices.is_empty() || !report.permit_office_gaps.is_empty() {
        writeln!(out, "{}", messages.show_offices_heading())?;
    }
    for office in &report.permit_offices {
        line(out, "  ", &messages.office_line(office.office))?;
        print_urls(out, &office.sources)?;
    }
    for gap in &report.permit_office_gaps {
        line(
            out,
            "  ",
            &messages.gap_line(gap.id, messages.wording(gap.wording)),
        )?;
        print_urls(out, &gap.sources)?;
    }
    if report.default_window_applies {
        let default = &dataset.rollout.default;
        line(
            out,
            "",
            &messages.default_window(default.earliest, default.latest),
        )?;
        line(out, "    ", messages.wording(&default.note))?;
        print_sources(out, &report.default_sources)?;
    }
    for note in notes {
        write_note(out, messages, &messages.place_note(note), width)?;
    }
    stale_note(out, dataset, on, messages)
}

#[derive(Serialize)]
struct StepReport<'r> {
    date: NaiveDate,
    title: &'r str,
    /// The title in both languages, for people.
    #[serde(skip)]
    wording: &'r Wording,
    cities_stated: Option<u32>,
    live: usize,
    new: usize,
    uncertain: usize,
    sources: Vec<SourceReport<'r>>,
}

fn step_reports<'r>(steps: &'r [Step<'_>], dataset: &'r Dataset) -> Vec<StepReport<'r>> {
    steps
        .iter()
        .map(|step| StepReport {
            date: step.milestone.date,
            title: &step.milestone.title.en,
            wording: &step.milestone.title,
            cities_stated: step.milestone.cities,
            live: step.live,
            new: step.new,
            uncertain: step.uncertain,
            sources: source_reports(dataset, &step.milestone.sources),
        })
        .collect()
}

pub fn timeline_human(
    out: &mut dyn Write,
    steps: &[Step<'_>],
    dataset: &Dataset,
    today: NaiveDate,
    messages: &dyn Messages,
) -> io::Result<()> {
    let width = super::width();
    let header = messages.timeline_header().map(String::from);
    let steps = step_reports(steps, dataset);
    let sources = |step: &StepReport<'_>| -> Vec<String> {
        step.sources
            .iter()
            .map(|s| format!("{} ({})", s.id, messages.quality(s.quality)))
            .collect()
    };
    let stated =
        |step: &StepReport<'_>| step.cities_stated.map_or(String::new(), |n| n.to_string());
    let rows: Vec<Vec<String>> = steps
        .iter()
        .map(|step| {
            vec![
                step.date.to_string(),
                messages.wording(step.wording).to_string(),
                stated(step),
                step.live.to_string(),
                step.new.to_string(),
                step.uncertain.to_string(),
                sources(step).join("\n"),
            ]
        })
        .collect();
    match super::wrap::fitted_table(&header, &rows, width) {
        Some(table) => writeln!(out, "{table}")?,
        // Too narrow for seven columns: each step as a paragraph, its figures under its title.
        None => {
            let indent = " ".repeat(12);
            let (colon, separator) = (messages.colon(), messages.list_separator());
            for step in &steps {
                let heading = format!("{}  {}", step.date, messages.wording(step.wording));
                writeln!(out, "{}", prose(&heading, width, &indent))?;
                let mut figures = Vec::new();
                if step.cities_stated.is_some() {
                    figures.push(format!("{}{colon}{}", header[2], stated(step)));
                }
                for (label, count) in header[3..6]
                    .iter()
                    .zip([step.live, step.new, step.uncertain])
                {
                    figures.push(format!("{label}{colon}{count}"));
                }
                let figures = format!("{indent}{}", figures.join(separator));
                writeln!(out, "{}", prose(&figures, width, &indent))?;
                let cited = format!(
                    "{indent}{}{colon}{}",
                    header[6],
                    sources(step).join(separator)
                );
                writeln!(out, "{}", prose(&cited, width, &indent))?;
            }
        }
    }
    writeln!(out, "{}", prose(messages.timeline_footer(), width, ""))?;
    stale_note(out, dataset, today, messages)
}

pub fn timeline_json(out: &mut dyn Write, steps: &[Step<'_>], dataset: &Dataset) -> io::Result<()> {
    #[derive(Serialize)]
    struct TimelineReport<'r> {
        schema_version: u32,
        data: DataVersion,
        steps: Vec<StepReport<'r>>,
    }
    let report = TimelineReport {
        schema_version: SCHEMA_VERSION,
        data: data_version(dataset),
        steps: step_reports(steps, dataset),
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}

pub fn timeline_tsv(out: &mut dyn Write, steps: &[Step<'_>], dataset: &Dataset) -> io::Result<()> {
    writeln!(
        out,
        "date\ttitle\tcities_stated\tlive\tnew\tuncertain\tsources"
    )?;
    for step in step_reports(steps, dataset) {
        let sources: Vec<&str> = step.sources.iter().map(|s| s.id).collect();
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            step.date,
            tsv_field(step.title),
            step.cities_stated.map_or(String::new(), |n| n.to_string()),
            step.live,
            step.new,
            step.uncertain,
            sources.join(","),
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct DataReport<'r> {
    schema_version: u32,
    origin: &'r str,
    version: &'r str,
    as_of: NaiveDate,
    divisions: BTreeMap<&'static str, usize>,
    facts: usize,
    places_named: usize,
    milestones: usize,
    sources: Vec<SourceReport<'r>>,
    /// What `data/schemes.toml` covers beyond the mainland, and what it leaves open.
    beyond_mainland: Coverage,
}

fn data_report(dataset: &Dataset) -> DataReport<'_> {
    let rollout = &dataset.rollout;
    let mut divisions = BTreeMap::new();
    for division in dataset.divisions.iter() {
        *divisions.entry(division.level.id()).or_default() += 1;
    }
    let mut named: Vec<_> = rollout
        .facts
        .iter()
        .flat_map(|fact| fact.places.iter())
        .collect();
    named.sort();
    named.dedup();
    DataReport {
        schema_version: SCHEMA_VERSION,
        origin: &dataset.origin,
        version: &rollout.version,
        as_of: rollout.as_of,
        divisions,
        facts: rollout.facts.len(),
        places_named: named.len(),
        milestones: rollout.milestones.len(),
        sources: source_reports(dataset, &(0..rollout.sources.len()).collect::<Vec<_>>()),
        beyond_mainland: coverage(dataset),
    }
}

pub fn data_human(
    out: &mut dyn Write,
    dataset: &Dataset,
    today: NaiveDate,
    messages: &dyn Messages,
) -> io::Result<()> {
    let report = data_report(dataset);
    let count = |level: Level| report.divisions.get(level.id()).copied().unwrap_or(0);
    let sources = [Quality::Strong, Quality::Medium, Quality::Low].map(|quality| {
        (
            quality,
            report
                .sources
                .iter()
                .filter(|s| s.quality == quality)
                .count(),
        )
    });
    let summary = DataSummary {
        version: report.version,
        as_of: report.as_of,
        origin: report.origin,
        provinces: count(Level::Province),
        prefectures: count(Level::Prefecture),
        counties: count(Level::County),
        facts: report.facts,
        places_named: report.places_named,
        milestones: report.milestones,
        sources,
    };
    let width = super::width();
    for line in messages.data_summary(&summary) {
        writeln!(out, "{}", prose(&line, width, "  "))?;
    }
    let header = messages.sources_header().map(String::from);
    let rows: Vec<Vec<String>> = report
        .sources
        .iter()
        .map(|source| {
            vec![
                source.id.to_string(),
                messages.quality(source.quality).to_string(),
                format!("{}\n{}", source.title, source.url),
            ]
        })
        .collect();
    match super::wrap::fitted_table(&header, &rows, width) {
        Some(table) => writeln!(out, "{table}")?,
        // URLs do not break, so a narrow terminal gets a source a paragraph, as `show` has.
        None => {
            for source in &report.sources {
                writeln!(out, "{} [{}]", source.id, messages.quality(source.quality))?;
                writeln!(
                    out,
                    "{}",
                    prose(&format!("  {}", source.title), width, "  ")
                )?;
                writeln!(out, "  {}", source.url)?;
            }
        }
    }
    for line in messages.coverage_lines(&report.beyond_mainland) {
        writeln!(out, "{}", prose(&line, width, "      "))?;
    }
    stale_note(out, dataset, today, messages)
}

pub fn data_json(out: &mut dyn Write, dataset: &Dataset) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &data_report(dataset))?;
    writeln!(out)
}

pub fn data_tsv(out: &mut dyn Write, dataset: &Dataset) -> io::Result<()> {
    writeln!(out, "id\tquality\ttitle\turl")?;
    for source in data_report(dataset).sources {
        writeln!(
            out,
            "{}\t{}\t{}\t{}",
            source.id,
            source.quality.id(),
            tsv_field(source.title),
            tsv_field(source.url)
        )?;
    }
    Ok(())
}
