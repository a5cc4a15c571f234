//! `edl check -`: one query a line from stdin (`PLACE`, `PLACE<TAB>DATE` or `PLACE@DATE`), one
//! result a line on stdout. A bad line gets a result that says what is wrong, and a line on
//! stderr; it never stops the run. Scripts feed this mode large files with many repeated places,
//! so for TSV and JSON each distinct line is answered once and its rendered result reused.
//!
//! Memory stays small whatever the input: a line is held only up to the longest query there can
//! be, the cache of rendered results and the table for people both have a fixed size.

use std::io::{self, BufRead, Read, Write};

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::cli::Format;
use crate::clock::Now;
use crate::data::Dataset;
use crate::dates::{DateError, TravelDate, parse_travel_date};
use crate::exit::ErrorKind;
use crate::i18n::{English, Messages, echo};
use crate::output::{self, BatchAnswer, BatchRow, ErrorReport, Failure};
use crate::place::{Gazetteer, MAX_QUERY_BYTES, PlaceError};
use crate::verdict::{self, Ambiguous, LicenseState, Query, Verdict};

/// The longest line that can hold a query: the longest place, a tab and a date (`YYYY-MM-DD`,
/// the longest form). A longer line is skipped to its newline without being held.
pub const MAX_LINE_BYTES: usize = MAX_QUERY_BYTES + 1 + "YYYY-MM-DD".len();

/// Distinct lines whose rendered results are kept; past this the cache starts again, so a file
/// of all-different lines costs time, not memory.
const MAX_CACHED: usize = 1024;

/// Rows of the table for people: a longer batch prints a table per this many rows.
pub const TABLE_ROWS: usize = 1000;

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
    /// Longer than [`MAX_LINE_BYTES`]: `bytes` up to its newline.
    TooLong {
        bytes: u64,
    },
    NotUtf8 {
        in_date: bool,
    },
    Nul,
    Date {
        text: String,
        error: DateError,
    },
    Place(PlaceError),
    Ambiguous(Ambiguous<'d>),
    /// The home fits several places that get different answers on the line's date.
    HomeAmbiguous(Ambiguous<'d>),
}

/// The options every line shares.
pub struct Batch<'d> {
    pub dataset: &'d Dataset,
    pub gazetteer: &'d Gazetteer<'d>,
    /// The date of a line without its own: `--on`, or today where its place is.
    pub on: TravelDate,
    pub now: Now,
    pub license: LicenseState,
    pub licence: verdict::Licence,
    pub home: Option<Query<'d>>,
    /// How errors about the home name it: `--home`, or `EDL_HOME` where it came from.
    pub home_name: &'static str,
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
        let mut line = Vec::new();
        let (mut number, mut queries) = (0usize, 0usize);
        while let Some(read) = read_line(input, &mut line)? {
            number += 1;
            let text = match read {
                Line::Held => trim_line_end(&line),
                Line::TooLong { bytes } => {
                    self.start(&mut queries, out)?;
                    let (row, verdict) = self.too_long(&line, bytes, row_messages);
                    outcome.note(&verdict, number, self.messages, errors)?;
                    self.emit(row, &mut human_rows, out)?;
                    continue;
                }
            };
            let start = text.iter().position(|b| !b.is_ascii_whitespace());
            if start.is_none_or(|start| text[start] == b'#') {
                continue;
            }
            self.start(&mut queries, out)?;
            if self.format == Format::Human {
                let (row, verdict) = self.answer(text, row_messages);
                outcome.note(&verdict, number, self.messages, errors)?;
                self.emit(row, &mut human_rows, out)?;
                continue;
            }
            if answered.len() >= MAX_CACHED && !answered.contains_key(text) {
                answered.clear();
            }
            let (bytes, verdict) = match answered.get(text) {
                Some(rendered) => rendered,
                None => {
                    let (row, verdict) = self.answer(text, row_messages);
                    let bytes = self.render(&row)?;
                    answered.entry(text.to_vec()).or_insert((bytes, verdict))
                }
            };
            outcome.note(verdict, number, self.messages, errors)?;
            if !self.quiet {
                out.write_all(bytes)?;
            }
        }
        // Exit 0 would say "the e-license is enough" about nothing.
        if queries == 0 {
            let said = |words: &dyn Messages| words.empty_batch().to_string();
            Err(Failure::plain(
                ErrorKind::Usage,
                said(self.messages),
                said(&English),
            ))?;
        }
        if self.format == Format::Human && !self.quiet && !human_rows.is_empty() {
            output::batch_human(out, &human_rows, self.messages)?;
        }
        Ok(if outcome.bad_lines > 0 {
            2
        } else {
            outcome.worst.unwrap_or(Verdict::ELicense).exit_code()
        })
    }

    /// Counts a query line; before the first, writes the TSV header (an input without one
    /// is an error, and errors write nothing on stdout).
    fn start(&self, queries: &mut usize, out: &mut dyn Write) -> io::Result<()> {
        if *queries == 0 && self.format == Format::Tsv && !self.quiet {
            writeln!(out, "{}", output::CHECK_TSV_HEADER)?;
        }
        *queries += 1;
        Ok(())
    }

    /// A result line for scripts.
    fn render(&self, row: &BatchRow) -> io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        match self.format {
            Format::Json => output::batch_json_line(&mut bytes, row, self.license)?,
            _ => output::batch_tsv_line(&mut bytes, row)?,
        }
        Ok(bytes)
    }

    /// Writes a row that is not cached: at once for scripts, into the next table for people.
    fn emit(
        &self,
        row: BatchRow,
        human_rows: &mut Vec<BatchRow>,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        if self.quiet {
            return Ok(());
        }
        if self.format != Format::Human {
            return out.write_all(&self.render(&row)?);
        }
        human_rows.push(row);
        if human_rows.len() == TABLE_ROWS {
            output::batch_human(out, human_rows, self.messages)?;
            human_rows.clear();
        }
        Ok(())
    }

    /// The result of a line too long to be a query; only its start was read.
    fn too_long(
        &self,
        start: &[u8],
        bytes: u64,
        row_messages: &dyn Messages,
    ) -> (BatchRow, Result<Verdict, String>) {
        let problem = Problem::TooLong { bytes };
        let query = echo(&String::from_utf8_lossy(start)).into_owned();
        let row = BatchRow {
            result: Err(self.report(&problem, &query, self.day_in_china(self.on), row_messages)),
            query,
            on: None,
        };
        (row, Err(self.describe(&problem, self.messages)))
    }

    /// One line's result (its problem in `row_messages`' words), and its verdict or its
    /// problem in the user's words.
    fn answer(
        &self,
        line: &[u8],
        row_messages: &dyn Messages,
    ) -> (BatchRow, Result<Verdict, String>) {
        let (query, given) = split_date(line, self.on, self.now);
        let mut day = given.as_ref().ok().map(|&given| self.day_in_china(given));
        let result = given.and_then(|given| self.judge(query, given, &mut day));
        let verdict = match &result {
            Ok(answer) => Ok(answer.report.verdict),
            Err(problem) => Err(self.describe(problem, self.messages)),
        };
        let query = String::from_utf8_lossy(query);
        // A bad line is repeated only as far as it takes to recognise it.
        let query = match result {
            Ok(_) => query.into_owned(),
            Err(_) => echo(&query).into_owned(),
        };
        let result = result.map_err(|problem| {
            let on = day.unwrap_or_else(|| self.day_in_china(self.on));
            self.report(&problem, &query, on, row_messages)
        });
        let row = BatchRow {
            query,
            on: day,
            result,
        };
        (row, verdict)
    }

    /// A date as counted from today in China, for a line whose place is not known.
    fn day_in_china(&self, given: TravelDate) -> NaiveDate {
        given
            .day(|| self.now.today_in_china())
            .unwrap_or_else(|_| self.now.today_in_china())
    }

    /// A line's answer; `day` becomes the day it is judged on, once its place is known.
    fn judge(
        &self,
        query: &[u8],
        given: TravelDate,
        day: &mut Option<NaiveDate>,
    ) -> Result<BatchAnswer, Problem<'d>> {
        let text = std::str::from_utf8(query).map_err(|_| Problem::NotUtf8 { in_date: false })?;
        if text.contains('\0') {
            return Err(Problem::Nul);
        }
        let resolved = self.gazetteer.resolve(text).map_err(Problem::Place)?;
        let stop = Query::new(text.to_string(), resolved, self.gazetteer);
        let on = given
            .day(|| self.now.earliest_today_at(stop.candidates.iter().copied()))
            .map_err(|error| Problem::Date {
                text: given.to_string(),
                error,
            })?;
        *day = Some(on);
        let home = self.home.clone();
        let trip = verdict::judge_licence(
            self.dataset,
            on,
            self.license,
            self.licence,
            vec![(stop, on)],
            home,
        )
        // The stop is judged before the home: another query is the home's.
        .map_err(|ambiguous| {
            if ambiguous.query == text {
                Problem::Ambiguous(ambiguous)
            } else {
                Problem::HomeAmbiguous(ambiguous)
            }
        })?;
        let people = (self.format == Format::Human).then_some(self.messages);
        Ok(BatchAnswer::new(&trip, self.dataset, people))
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
            Problem::HomeAmbiguous(ambiguous) => {
                let mut report = output::ambiguous_report(dataset, gazetteer, ambiguous, messages);
                report.message = self.describe(problem, messages);
                return report;
            }
            Problem::NotUtf8 { in_date: true } | Problem::Date { .. } => ErrorKind::BadDate,
            Problem::NotUtf8 { in_date: false } | Problem::Nul | Problem::TooLong { .. } => {
                ErrorKind::BadLine
            }
        };
        let query = match problem {
            Problem::Date { text, .. } => echo(text).into_owned(),
            _ => query.to_string(),
        };
        ErrorReport {
            kind,
            message: self.describe(problem, messages),
            query: Some(query),
            candidates: Vec::new(),
            suggestions: Vec::new(),
        }
    }

    fn describe(&self, problem: &Problem<'_>, messages: &dyn Messages) -> String {
        match problem {
            Problem::TooLong { bytes } => messages.line_too_long(*bytes, MAX_LINE_BYTES),
            Problem::NotUtf8 { in_date } => messages.not_utf8(*in_date).to_string(),
            Problem::Nul => messages.line_has_nul().to_string(),
            Problem::Date { text, error } => {
                messages.bad_date(&echo(text), &messages.date_problem(*error))
            }
            Problem::Place(error) => {
                crate::i18n::place_error(self.gazetteer.divisions(), error, messages)
            }
            Problem::Ambiguous(ambiguous) => messages.ambiguous(ambiguous),
            Problem::HomeAmbiguous(ambiguous) => format!(
                "{}{}{}",
                messages.within(self.home_name),
                messages.colon(),
                messages.ambiguous(ambiguous)
            ),
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

/// How much of a line [`read_line`] read.
enum Line {
    /// The whole line, with its line ending.
    Held,
    /// Only the start: the line has `bytes` up to its newline, more than any query.
    TooLong { bytes: u64 },
}

/// Reads the next line into `line`, holding at most [`MAX_LINE_BYTES`] and a CR LF of it;
/// `None` at the end of the input.
fn read_line(input: &mut dyn BufRead, line: &mut Vec<u8>) -> io::Result<Option<Line>> {
    const HELD: u64 = MAX_LINE_BYTES as u64 + 2;
    const CHUNK: u64 = 64 * 1024;
    line.clear();
    let held = Read::take(&mut *input, HELD).read_until(b'\n', line)? as u64;
    if held == 0 {
        return Ok(None);
    }
    if held < HELD || line.ends_with(b"\n") {
        return Ok(Some(Line::Held));
    }
    // The rest is read in chunks and dropped, only counted; `read_until` finds newlines fast.
    let mut bytes = held;
    let mut chunk = Vec::with_capacity(CHUNK as usize);
    loop {
        chunk.clear();
        let read = Read::take(&mut *input, CHUNK).read_until(b'\n', &mut chunk)? as u64;
        bytes += read;
        if read == 0 || chunk.ends_with(b"\n") {
            break;
        }
    }
    let ending = [b"\r\n".as_slice(), b"\n"]
        .into_iter()
        .find(|ending| chunk.ends_with(ending));
    Ok(Some(Line::TooLong {
        bytes: bytes - ending.map_or(0, |ending| ending.len() as u64),
    }))
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Splits `PLACE<TAB>DATE`, or `PLACE@DATE` as on the command line; a line with neither uses
/// the batch's date.
fn split_date(
    line: &[u8],
    default: TravelDate,
    now: Now,
) -> (&[u8], Result<TravelDate, Problem<'static>>) {
    let separator = line
        .iter()
        .position(|&b| b == b'\t')
        .or_else(|| line.iter().rposition(|&b| b == b'@'));
    let Some(tab) = separator else {
        return (line, Ok(default));
    };
    let (query, date) = (&line[..tab], &line[tab + 1..]);
    let date = match std::str::from_utf8(date) {
        Err(_) => Err(Problem::NotUtf8 { in_date: true }),
        // A date outside the years edl takes is said at once, counted from today in China.
        Ok(text) => parse_travel_date(text.trim())
            .and_then(|date| date.day(|| now.today_in_china()).map(|_| date))
            .map_err(|error| Problem::Date {
                text: text.to_string(),
                error,
            }),
    };
    (query, date)
}
