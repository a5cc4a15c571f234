//! `edl check -`: one query a line from stdin (`PLACE` or `PLACE<TAB>DATE`), one result a line on
//! stdout. A bad line gets a result that says what is wrong, and a line on stderr; it never stops
//! the run. Scripts feed this mode large files with many repeated places, so for TSV and JSON
//! each distinct line is answered once and its rendered result reused.

use std::io::{BufRead, Write};

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::cli::{DateError, Format, parse_travel_date};
use crate::data::Dataset;
use crate::i18n::{English, Messages};
use crate::output::{self, BatchAnswer, BatchRow, ErrorKind, ErrorReport};
use crate::place::{Gazetteer, PlaceError};
use crate::verdict::{self, Ambiguous, LicenseState, Query, Verdict};

/// What the whole batch settles on: 2 if any line was bad, else the worst verdict.
#[derive(Default)]
struct Outcome {
    worst: Option<Verdict>,
    bad_lines: usize,
}

/// A line's rendered result, and its verdict or (in the user's words) what was wrong with it.
type Rendered = (Vec<u8>, Result<Verdict, String>);

/// What can be wrong with one line.
enum Problem<'d> {
    NotUtf8 { in_date: bool },
    Nul,
    Date { text: String, error: DateError },
    Place(PlaceError),
    Ambiguous(Ambiguous<'d>),
}

/// The options every line shares.
pub struct Batch<'d> {
    pub dataset: &'d Dataset,
    pub gazetteer: &'d Gazetteer<'d>,
    pub on: NaiveDate,
    pub today: NaiveDate,
    pub license: LicenseState,
    pub home: Option<Query<'d>>,
    pub format: Format,
    pub quiet: bool,
    pub messages: &'static dyn Messages,
}

impl<'d> Batch<'d> {
    /// Answers every line of `input`, writing results to `out` and problems to `errors`.
    pub fn run(
        &self,
        input: &mut dyn BufRead,
        out: &mut dyn Write,
        errors: &mut dyn Write,
    ) -> anyhow::Result<u8> {
        let mut outcome = Outcome::default();
        // Keyed by the whole line: the same text always gets the same answer in one run.
        let mut answered: FxHashMap<Vec<u8>, Rendered> = FxHashMap::default();
        let mut human_rows: Vec<BatchRow> = Vec::new();
        // Results for scripts are in English, whatever the language; a table for people is not.
        let row_messages: &dyn Messages = if self.format == Format::Human {
            self.messages
        } else {
            &English
        };
        if self.format == Format::Tsv && !self.quiet {
            writeln!(out, "{}", output::CHECK_TSV_HEADER)?;
        }
        let mut line = Vec::new();
        let mut number = 0usize;
        loop {
            line.clear();
            if input.read_until(b'\n', &mut line)? == 0 {
                break;
            }
            number += 1;
            let text = trim_line_end(&line);
            let start = text.iter().position(|b| !b.is_ascii_whitespace());
            if start.is_none_or(|start| text[start] == b'#') {
                continue;
            }
            if self.format == Format::Human {
                let (row, verdict) = self.answer(text, row_messages);
                outcome.note(&verdict, number, self.messages, errors)?;
                human_rows.push(row);
                continue;
            }
            let (bytes, verdict) = match answered.get(text) {
                Some(rendered) => rendered,
                None => {
                    let (row, verdict) = self.answer(text, row_messages);
                    let mut bytes = Vec::new();
                    match self.format {
                        Format::Json => output::batch_json_line(&mut bytes, &row, self.license)?,
                        _ => output::batch_tsv_line(&mut bytes, &row)?,
                    }
                    answered.entry(text.to_vec()).or_insert((bytes, verdict))
                }
            };
            outcome.note(verdict, number, self.messages, errors)?;
            if !self.quiet {
                out.write_all(bytes)?;
            }
        }
        if self.format == Format::Human && !self.quiet {
            output::batch_human(out, &human_rows, self.messages)?;
        }
        Ok(if outcome.bad_lines > 0 {
            2
        } else {
            outcome.worst.unwrap_or(Verdict::ELicense).exit_code()
        })
    }

    /// One line's result (its problem in `row_messages`' words), and its verdict or its
    /// problem in the user's words.
    fn answer(
        &self,
        line: &[u8],
        row_messages: &dyn Messages,
    ) -> (BatchRow, Result<Verdict, String>) {
        let (query, on) = split_date(line, self.on, self.today);
        let day = on.as_ref().ok().copied();
        let result = on.and_then(|on| self.judge(query, on));
        let verdict = match &result {
            Ok(answer) => Ok(answer.report.verdict),
            Err(problem) => Err(self.describe(problem, self.messages)),
        };
        let query = String::from_utf8_lossy(query).into_owned();
        let result = result
            .map_err(|problem| self.report(&problem, &query, day.unwrap_or(self.on), row_messages));
        let row = BatchRow {
            query,
            on: day,
            result,
        };
        (row, verdict)
    }

    fn judge(&self, query: &[u8], on: NaiveDate) -> Result<BatchAnswer, Problem<'d>> {
        let text = std::str::from_utf8(query).map_err(|_| Problem::NotUtf8 { in_date: false })?;
        if text.contains('\0') {
            return Err(Problem::Nul);
        }
        let resolved = self.gazetteer.resolve(text).map_err(Problem::Place)?;
        let stop = Query::new(text.to_string(), resolved, self.gazetteer);
        let home = self.home.clone();
        let trip = verdict::judge(self.dataset, on, self.license, vec![stop], home)
            .map_err(Problem::Ambiguous)?;
        Ok(BatchAnswer::new(&trip, self.dataset))
    }

    /// A line's problem as the error object every command reports, with the places of an
    /// unknown or ambiguous query on the line's date.
    fn report(
        &self,
        problem: &Problem<'d>,
        query: &str,
        on: NaiveDate,
        messages: &dyn Messages,
    ) -> ErrorReport {
        let (dataset, gazetteer) = (self.dataset, self.gazetteer);
        let kind = match problem {
            Problem::Place(error) => {
                return output::place_error_report(dataset, gazetteer, error, on, messages);
            }
            Problem::Ambiguous(ambiguous) => {
                return output::ambiguous_report(dataset, gazetteer, ambiguous, messages);
            }
            Problem::NotUtf8 { in_date: true } | Problem::Date { .. } => ErrorKind::BadDate,
            Problem::NotUtf8 { in_date: false } | Problem::Nul => ErrorKind::BadLine,
        };
        let query = match problem {
            Problem::Date { text, .. } => text.clone(),
            _ => query.to_string(),
        };
        ErrorReport {
            suggestions: Vec::new(),
            kind,
            message: self.describe(problem, messages),
            query: Some(query),
            candidates: Vec::new(),
        }
    }

    fn describe(&self, problem: &Problem<'_>, messages: &dyn Messages) -> String {
        match problem {
            Problem::NotUtf8 { in_date } => messages.not_utf8(*in_date).to_string(),
            Problem::Nul => messages.line_has_nul().to_string(),
            Problem::Date { text, error } => {
                messages.bad_date(text, &messages.date_problem(*error))
            }
            Problem::Place(error) => {
                crate::i18n::place_error(self.gazetteer.divisions(), error, messages)
            }
            Problem::Ambiguous(ambiguous) => messages.ambiguous(ambiguous),
        }
    }
}

impl Outcome {
    fn note(
        &mut self,
        verdict: &Result<Verdict, String>,
        number: usize,
        messages: &dyn Messages,
        errors: &mut dyn Write,
    ) -> std::io::Result<()> {
        match verdict {
            Ok(verdict) => self.worst = self.worst.max(Some(*verdict)),
            Err(message) => {
                self.bad_lines += 1;
                let line = messages.batch_line(number);
                writeln!(
                    errors,
                    "{}",
                    output::error_line(&format!("{line}{}{message}", messages.colon()))
                )?;
            }
        }
        Ok(())
    }
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Splits `PLACE<TAB>DATE`; a line without a tab uses the batch's date.
fn split_date(
    line: &[u8],
    default: NaiveDate,
    today: NaiveDate,
) -> (&[u8], Result<NaiveDate, Problem<'static>>) {
    let Some(tab) = line.iter().position(|&b| b == b'\t') else {
        return (line, Ok(default));
    };
    let (query, date) = (&line[..tab], &line[tab + 1..]);
    let date = match std::str::from_utf8(date) {
        Err(_) => Err(Problem::NotUtf8 { in_date: true }),
        Ok(text) => parse_travel_date(text.trim())
            .map(|date| date.day(|| today))
            .map_err(|error| Problem::Date {
                text: text.to_string(),
                error,
            }),
    };
    (query, date)
}
