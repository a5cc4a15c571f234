//! Beyond the mainland by country: `edl list --country` (its states or provinces, each with
//! what a licence is worth there) and `edl timeline --country` (the dated rules of its digital
//! licences), for people and scripts.

use std::io::{self, Write};

use chrono::NaiveDate;
use serde::Serialize;

use super::report::{Place, Region};
use super::{DataVersion, SCHEMA_VERSION, data_version, table, tsv_field};
use crate::data::Dataset;
use crate::data::Quality;
use crate::data::schemes::{Answer, Reason};
use crate::data::world::WorldPlace;
use crate::i18n::{English, Messages};
use crate::verdict::{Assessment, SchemeStep};

/// The rule, baseline or gap of the schemes file that decided a place, by id.
fn decided_by<'a>(place: &'a Assessment<'_>) -> Option<&'a str> {
    let judgement = &place.why.scheme.as_ref()?.judgement;
    Some(match &judgement.answer {
        Answer::Counts { rule, .. } => &rule.id,
        Answer::NoCardNeeded { baseline } => &baseline.id,
        Answer::ByAvailability { scheme } => &scheme.id,
        Answer::BringCard(reason) => match reason {
            Reason::CarryCardRule { rule }
            | Reason::Conflict { rule }
            | Reason::AgencyOnly { rule }
            | Reason::StageExcluded { rule, .. }
            | Reason::IssueDate { rule, .. }
            | Reason::HolderExcluded { rule, .. }
            | Reason::MayNotHold { rule }
            | Reason::NotYet { rule, .. }
            | Reason::Ended { rule, .. } => &rule.id,
            Reason::CarryRequired { baseline } => &baseline.id,
            Reason::Gap { gap } => &gap.id,
            Reason::NoRuleCovers { scheme, .. } => &scheme.id,
            Reason::NoHome { .. } | Reason::NoScheme | Reason::DependsWithin { .. } => return None,
        },
    })
}

pub fn country_human(
    out: &mut dyn Write,
    places: &[Assessment<'_>],
    messages: &dyn Messages,
) -> io::Result<()> {
    let header = messages.country_header().map(String::from);
    let rows: Vec<Vec<String>> = places
        .iter()
        .map(|place| {
            let crate::place::Place::World(row) = place.place else {
                return vec![String::new(); 4];
            };
            vec![
                row.code().to_string(),
                messages.place_name(place.place),
                messages.verdict(place.verdict()).to_string(),
                decided_by(place).unwrap_or("").to_string(),
            ]
        })
        .collect();
    writeln!(out, "{}", table(&header, &rows, super::width()))
}

#[derive(Serialize)]
struct CountryReport {
    schema_version: u32,
    on: NaiveDate,
    data: DataVersion,
    country: Region,
    /// Each state or province as a place object, its reason the English sentence.
    places: Vec<Place>,
}

pub fn country_json(
    out: &mut dyn Write,
    country: &WorldPlace,
    places: &[Assessment<'_>],
    dataset: &Dataset,
    on: NaiveDate,
) -> io::Result<()> {
    let report = CountryReport {
        schema_version: SCHEMA_VERSION,
        on,
        data: data_version(dataset),
        country: Region::of(country),
        places: places
            .iter()
            .map(|place| {
                Place::assessed(
                    None,
                    place,
                    dataset.divisions,
                    place.verdict(),
                    Some(English.reason(&place.why, place.place)),
                )
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}

/// The columns of `list --country --format tsv`.
pub const COUNTRY_TSV_HEADER: &str = "code\tname\tverdict\trule\treason";

pub fn country_tsv(out: &mut dyn Write, places: &[Assessment<'_>]) -> io::Result<()> {
    writeln!(out, "{COUNTRY_TSV_HEADER}")?;
    for place in places {
        let crate::place::Place::World(row) = place.place else {
            continue;
        };
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            row.code(),
            tsv_field(row.name()),
            place.verdict().id(),
            decided_by(place).unwrap_or(""),
            tsv_field(&English.reason(&place.why, place.place)),
        )?;
    }
    Ok(())
}

pub fn scheme_timeline_human(
    out: &mut dyn Write,
    steps: &[SchemeStep],
    messages: &dyn Messages,
) -> io::Result<()> {
    let header = messages.scheme_timeline_header().map(String::from);
    let rows: Vec<Vec<String>> = steps
        .iter()
        .map(|step| {
            vec![
                step.date.to_string(),
                format!(
                    "{} ({})",
                    messages.wording(&step.scheme.name),
                    step.scheme.id
                ),
                step.rule.id.to_string(),
                messages.rule_change(step.change).to_string(),
                messages.quality(step.rule.grade).to_string(),
            ]
        })
        .collect();
    writeln!(out, "{}", table(&header, &rows, super::width()))
}

#[derive(Serialize)]
struct StepReport<'s> {
    date: NaiveDate,
    scheme: &'s str,
    rule: &'s str,
    change: &'static str,
    outcome: &'static str,
    grade: Quality,
    note: &'s str,
}

#[derive(Serialize)]
struct SchemeTimelineReport<'s> {
    schema_version: u32,
    country: Region,
    steps: Vec<StepReport<'s>>,
}

pub fn scheme_timeline_json(
    out: &mut dyn Write,
    country: &WorldPlace,
    steps: &[SchemeStep],
) -> io::Result<()> {
    let report = SchemeTimelineReport {
        schema_version: SCHEMA_VERSION,
        country: Region::of(country),
        steps: steps
            .iter()
            .map(|step| StepReport {
                date: step.date,
                scheme: &step.scheme.id,
                rule: &step.rule.id,
                change: step.change.id(),
                outcome: step.rule.outcome.id(),
                grade: step.rule.grade,
                note: &step.rule.note.en,
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}

pub fn scheme_timeline_tsv(out: &mut dyn Write, steps: &[SchemeStep]) -> io::Result<()> {
    writeln!(out, "date\tscheme\trule\tchange\toutcome\tgrade")?;
    for step in steps {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}",
            step.date,
            step.scheme.id,
            step.rule.id,
            step.change.id(),
            step.rule.outcome.id(),
            step.rule.grade.id()
        )?;
    }
    Ok(())
}
