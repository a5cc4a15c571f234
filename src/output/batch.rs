//! `edl check -`: one result a line, as TSV or JSON Lines, or a table for people at the end.

use std::io::{self, Write};

use chrono::NaiveDate;
use serde::Serialize;

use super::{optional_date, table, tsv_field};
use crate::data::{Code, Divisions};
use crate::i18n::{English, Messages};
use crate::place::escape;
use crate::verdict::{Status, Trip, Verdict};

use super::check::StopReport;

/// One line of `edl check -`: what was asked and its answer, or what is wrong with the line.
pub struct BatchRow {
    pub query: String,
    pub on: Option<NaiveDate>,
    pub result: Result<BatchAnswer, String>,
}

/// A line's answer: the verdict, its places (several when an ambiguous name agrees), and the
/// notes specific to it, in English as all script output is.
#[derive(Debug, Serialize)]
pub struct BatchAnswer {
    pub verdict: Verdict,
    pub places: Vec<StopReport>,
    pub notes: Vec<String>,
}

impl BatchAnswer {
    pub fn new(trip: &Trip<'_>) -> BatchAnswer {
        let places = trip
            .stops
            .iter()
            .flat_map(|stop| {
                stop.places
                    .iter()
                    .map(|place| StopReport::new(&stop.query, place, false))
            })
            .collect();
        // A batch line has no row for the issuing place: where it keeps the line from the
        // e-license, its reason becomes a note.
        let home = trip
            .home
            .iter()
            .flat_map(|home| &home.places)
            .filter(|place| place.status != Status::Live)
            .map(|place| English.home_reason(&place.why, place.division));
        let notes = home
            .chain(trip.notes.iter().map(|note| English.note(note)))
            .collect();
        BatchAnswer {
            verdict: trip.verdict,
            places,
            notes,
        }
    }
}

pub const BATCH_TSV_HEADER: &str =
    "query\ton\tverdict\tcode\tname\tprovince\tstatus\tlive_from\tlive_until\treason";

/// One TSV line; an ambiguous name whose places agree joins their codes and names with `|`.
pub fn batch_tsv_line(out: &mut dyn Write, row: &BatchRow) -> io::Result<()> {
    let on = optional_date(row.on);
    let answer = match &row.result {
        Err(message) => {
            return writeln!(
                out,
                "{}\t{on}\terror\t\t\t\t\t\t\t{}",
                tsv_field(&row.query),
                tsv_field(message)
            );
        }
        Ok(answer) => answer,
    };
    let join = |field: fn(&StopReport) -> &str| {
        answer
            .places
            .iter()
            .map(field)
            .collect::<Vec<_>>()
            .join("|")
    };
    let status = answer
        .places
        .iter()
        .map(|p| p.status)
        .max()
        .unwrap_or(Status::Live);
    let from = answer.places.iter().filter_map(|p| p.live_from).min();
    let until = answer.places.iter().filter_map(|p| p.live_until).max();
    let mut reasons: Vec<&str> = match answer.places.as_slice() {
        [one] => vec![one.reason.as_str()],
        _ => Vec::new(),
    };
    reasons.extend(answer.notes.iter().map(String::as_str));
    writeln!(
        out,
        "{}\t{on}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
        tsv_field(&row.query),
        answer.verdict.id(),
        join(|p| &p.code),
        join(|p| &p.name),
        join(|p| &p.province),
        status.id(),
        optional_date(from),
        optional_date(until),
        tsv_field(&reasons.join("; ")),
    )
}

/// One JSON Lines object: `query`, `on`, `verdict` (null on error), `exit_code`, `places`,
/// `notes` and `error` (null unless the line was bad).
pub fn batch_json_line(out: &mut dyn Write, row: &BatchRow) -> io::Result<()> {
    #[derive(Serialize)]
    struct Line<'r> {
        query: &'r str,
        on: Option<NaiveDate>,
        verdict: Option<Verdict>,
        exit_code: u8,
        places: &'r [StopReport],
        notes: &'r [String],
        error: Option<&'r str>,
    }
    let line = match &row.result {
        Ok(answer) => Line {
            query: &row.query,
            on: row.on,
            verdict: Some(answer.verdict),
            exit_code: answer.verdict.exit_code(),
            places: &answer.places,
            notes: &answer.notes,
            error: None,
        },
        Err(message) => Line {
            query: &row.query,
            on: row.on,
            verdict: None,
            exit_code: 2,
            places: &[],
            notes: &[],
            error: Some(message),
        },
    };
    serde_json::to_writer(&mut *out, &line)?;
    writeln!(out)
}

/// A place as the language shows it in tables; the divisions are always the bundled ones.
fn place_name(place: &StopReport, messages: &dyn Messages) -> String {
    let division = Code::parse(&place.code).and_then(|code| Divisions::bundled().get(code));
    division.map_or_else(|| place.name.clone(), |division| messages.place(division))
}

/// The table for people; uncoloured, since comfy-table would count colour codes as width.
pub fn batch_human(
    out: &mut dyn Write,
    rows: &[BatchRow],
    messages: &dyn Messages,
) -> io::Result<()> {
    let mut table = table(messages.batch_header());
    for row in rows {
        let on = optional_date(row.on);
        match &row.result {
            Err(message) => {
                table.add_row([
                    escape(&row.query),
                    on,
                    messages.error_word().into(),
                    escape(message),
                    String::new(),
                    String::new(),
                ]);
            }
            Ok(answer) => {
                for place in &answer.places {
                    let window = match (place.live_from, place.live_until) {
                        (Some(from), Some(until)) if from == until => from.to_string(),
                        (Some(from), Some(until)) => format!("{from}..{until}"),
                        _ => messages.never().to_string(),
                    };
                    table.add_row([
                        escape(&row.query),
                        on.clone(),
                        messages.verdict(answer.verdict).to_string(),
                        place_name(place, messages),
                        window,
                        messages.status(place.status).to_string(),
                    ]);
                }
            }
        }
    }
    writeln!(out, "{table}")
}
