//! `edl check -`: one result a line, as TSV or JSON Lines, or a table for people at the end.
//! A line's places are the rows and objects of `check` itself; a bad line's error is the error
//! object of every other command.

use std::io::{self, Write};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::check::{CHECK_TSV_HEADER, CheckReport, one_reason, tsv_rows, verdict_notes};
use super::report::{ErrorReport, Place, PlaceLevel};
use super::{SCHEMA_VERSION, optional_date, prose, table, tsv_field};
use crate::data::{Code, Dataset, Divisions};
use crate::i18n::Messages;
use crate::place::{Place as PlaceOf, escape};
use crate::verdict::{LicenseState, Trip, Verdict};

/// One line of `edl check -`: what was asked and its answer, or what is wrong with the line.
pub struct BatchRow {
    pub query: String,
    pub on: Option<NaiveDate>,
    pub result: Result<BatchAnswer, ErrorReport>,
}

/// A line's answer, in English as all script output is: the report `check` gives for the one
/// stop, and what else weighs on its verdict (for a TSV row's reason); for the table for
/// people, each place's reason in their words.
#[derive(Debug)]
pub struct BatchAnswer {
    pub report: CheckReport,
    pub because: Vec<String>,
    pub reasons: Vec<String>,
}

impl BatchAnswer {
    /// `people`: the words of a table for people, whose reasons are kept in them.
    pub fn new(trip: &Trip<'_>, dataset: &Dataset, people: Option<&dyn Messages>) -> BatchAnswer {
        let reasons = people.map_or_else(Vec::new, |words| {
            trip.stops
                .iter()
                .flat_map(|stop| &stop.places)
                .map(|place| one_reason(place, words))
                .collect()
        });
        BatchAnswer {
            report: CheckReport::new(trip, dataset),
            because: verdict_notes(trip),
            reasons,
        }
    }
}

/// One object of `edl check - --format json`: a check report for the line's stop (without the
/// data version, which every line shares), or its error.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct BatchLine {
    pub schema_version: u32,
    pub query: String,
    pub on: Option<NaiveDate>,
    /// `null` for a bad line.
    pub verdict: Option<Verdict>,
    pub exit_code: u8,
    pub license: LicenseState,
    pub stops: Vec<Place>,
    pub home: Option<Vec<Place>>,
    pub notes: Vec<String>,
    /// The line's documents to carry, as `check`'s `carry` (empty for a bad line).
    pub carry: Vec<String>,
    /// `null` unless the line was bad.
    pub error: Option<ErrorReport>,
}

/// The TSV rows of a line: one a place, as in `check`; a bad line's is `error` and its message.
pub fn batch_tsv_line(out: &mut dyn Write, row: &BatchRow) -> io::Result<()> {
    match &row.result {
        Err(error) => {
            // Every column of a place left empty, between the verdict and the reason.
            let empty = "\t".repeat(CHECK_TSV_HEADER.split('\t').count() - 4);
            writeln!(
                out,
                "{}\t{}\terror\t{empty}{}",
                tsv_field(&row.query),
                optional_date(row.on),
                tsv_field(&error.message)
            )
        }
        Ok(answer) => tsv_rows(out, &answer.report.stops, &answer.because),
    }
}

/// One JSON Lines object.
pub fn batch_json_line(
    out: &mut dyn Write,
    row: &BatchRow,
    license: LicenseState,
) -> io::Result<()> {
    let line = match &row.result {
        Ok(answer) => BatchLine {
            schema_version: SCHEMA_VERSION,
            query: row.query.clone(),
            on: row.on,
            verdict: Some(answer.report.verdict),
            exit_code: answer.report.exit_code,
            license: answer.report.license,
            stops: answer.report.stops.clone(),
            home: answer.report.home.clone(),
            notes: answer.report.notes.clone(),
            carry: answer.report.carry.clone(),
            error: None,
        },
        Err(error) => BatchLine {
            schema_version: SCHEMA_VERSION,
            query: row.query.clone(),
            on: row.on,
            verdict: None,
            exit_code: 2,
            license,
            stops: Vec::new(),
            home: None,
            notes: Vec::new(),
            carry: Vec::new(),
            error: Some(error.clone()),
        },
    };
    serde_json::to_writer(&mut *out, &line)?;
    writeln!(out)
}

/// A place as the language shows it in tables; the divisions are always the bundled ones.
fn place_name(place: &Place, messages: &dyn Messages) -> String {
    if let Some(row) = place.world {
        return messages.place(PlaceOf::World(row));
    }
    let division = matches!(
        place.level,
        PlaceLevel::Province | PlaceLevel::Prefecture | PlaceLevel::County
    )
    .then(|| Code::parse(&place.code))
    .flatten()
    .and_then(|code| Divisions::bundled().get(code));
    division.map_or_else(
        || place.name.clone(),
        |division| messages.place(PlaceOf::Division(division)),
    )
}

/// The table for people (uncoloured, since comfy-table would count colour codes as width): a
/// row a place, then each row's reason on its own line, as `check` gives them.
pub fn batch_human(
    out: &mut dyn Write,
    rows: &[BatchRow],
    messages: &dyn Messages,
) -> io::Result<()> {
    let mut cells: Vec<Vec<String>> = Vec::new();
    let mut reasons: Vec<(String, String)> = Vec::new();
    for row in rows {
        let on = optional_date(row.on);
        match &row.result {
            Err(error) => {
                cells.push(vec![
                    escape(&row.query),
                    on,
                    String::new(),
                    messages.error_word().into(),
                ]);
                reasons.push((escape(&row.query), escape(&error.message)));
            }
            Ok(answer) => {
                for (index, place) in answer.report.stops.iter().enumerate() {
                    let name = place_name(place, messages);
                    cells.push(vec![
                        escape(&row.query),
                        on.clone(),
                        name.clone(),
                        messages.verdict(place.verdict).to_string(),
                    ]);
                    if let Some(reason) = answer.reasons.get(index) {
                        reasons.push((name, reason.clone()));
                    }
                }
            }
        }
    }
    let header = messages.batch_header().map(String::from);
    let width = super::width();
    writeln!(out, "{}", table(&header, &cells, width))?;
    for (name, reason) in reasons {
        let line = format!("{name}{}{reason}", messages.colon());
        writeln!(out, "{}", prose(&line, width, "  "))?;
    }
    Ok(())
}
