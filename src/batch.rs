//! `edl check -`: one query a line from stdin (`PLACE` or `PLACE<TAB>DATE`), one result a line on
//! stdout. A bad line gets a result that says what is wrong, and a line on stderr; it never stops
//! the run. Scripts feed this mode large files with many repeated places, so each distinct query
//! is answered once and its rendered line reused.

use std::io::{BufRead, Write};

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::cli::{Format, parse_travel_date};
use crate::data::{Dataset, Division};
use crate::output::{self, BatchAnswer, BatchRow, Palette};
use crate::place::{Gazetteer, escape};
use crate::verdict::{self, LicenseState, Query, Verdict};

/// What the whole batch settles on: 2 if any line was bad, else the worst verdict.
#[derive(Default)]
struct Outcome {
    worst: Option<Verdict>,
    bad_lines: usize,
}

/// A line's rendered result and its verdict (or what was wrong), kept for repeats.
type Rendered = (Vec<u8>, Result<Verdict, String>);

/// The options every line shares.
pub struct Batch<'d> {
    pub dataset: &'d Dataset,
    pub gazetteer: &'d Gazetteer<'d>,
    pub on: NaiveDate,
    pub today: NaiveDate,
    pub license: LicenseState,
    pub home: Option<(String, Vec<&'d Division>)>,
    pub format: Format,
    pub quiet: bool,
    pub palette: Palette,
}

impl Batch<'_> {
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
        if self.format == Format::Tsv && !self.quiet {
            writeln!(out, "{}", output::BATCH_TSV_HEADER)?;
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
            if text.iter().all(u8::is_ascii_whitespace) || text.first() == Some(&b'#') {
                continue;
            }
            if self.format == Format::Human {
                let row = self.answer(text);
                outcome.note(
                    row.result
                        .as_ref()
                        .map(|answer| answer.verdict)
                        .map_err(String::as_str),
                    number,
                    errors,
                )?;
                human_rows.push(row);
                continue;
            }
            let (bytes, verdict) = match answered.get(text) {
                Some(rendered) => rendered,
                None => {
                    let row = self.answer(text);
                    let mut bytes = Vec::new();
                    match self.format {
                        Format::Json => output::batch_json_line(&mut bytes, &row)?,
                        _ => output::batch_tsv_line(&mut bytes, &row)?,
                    }
                    let verdict = row.result.map(|answer| answer.verdict);
                    answered.entry(text.to_vec()).or_insert((bytes, verdict))
                }
            };
            outcome.note(
                verdict.as_ref().copied().map_err(String::as_str),
                number,
                errors,
            )?;
            if !self.quiet {
                out.write_all(bytes)?;
            }
        }
        if self.format == Format::Human && !self.quiet {
            output::batch_human(out, &human_rows, self.palette)?;
        }
        Ok(if outcome.bad_lines > 0 {
            2
        } else {
            outcome.worst.unwrap_or(Verdict::ELicense).exit_code()
        })
    }

    /// One line's answer, or what is wrong with it.
    fn answer(&self, line: &[u8]) -> BatchRow {
        let (query, on) = split_date(line, self.on, self.today);
        BatchRow {
            query: String::from_utf8_lossy(query).into_owned(),
            on: on.as_ref().ok().copied(),
            result: on.and_then(|on| self.judge(query, on)),
        }
    }

    fn judge(&self, query: &[u8], on: NaiveDate) -> Result<BatchAnswer, String> {
        let text =
            std::str::from_utf8(query).map_err(|_| "the line is not UTF-8 text".to_string())?;
        if text.contains('\0') {
            return Err("the line contains a NUL byte".to_string());
        }
        let candidates = self
            .gazetteer
            .resolve(text)
            .map_err(|error| crate::explain(self.gazetteer, error).to_string())?;
        let stop = Query {
            text: text.to_string(),
            candidates,
        };
        let home = self.home.as_ref().map(|(text, candidates)| Query {
            text: text.clone(),
            candidates: candidates.clone(),
        });
        let trip = verdict::judge(self.dataset, on, self.license, vec![stop], home)
            .map_err(|ambiguous| ambiguous.to_string())?;
        Ok(BatchAnswer::new(&trip))
    }
}

impl Outcome {
    fn note(
        &mut self,
        verdict: Result<Verdict, &str>,
        number: usize,
        errors: &mut dyn Write,
    ) -> std::io::Result<()> {
        match verdict {
            Ok(verdict) => self.worst = self.worst.max(Some(verdict)),
            Err(message) => {
                self.bad_lines += 1;
                writeln!(errors, "edl: line {number}: {}", escape(message))?;
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
) -> (&[u8], Result<NaiveDate, String>) {
    let Some(tab) = line.iter().position(|&b| b == b'\t') else {
        return (line, Ok(default));
    };
    let (query, date) = (&line[..tab], &line[tab + 1..]);
    let date = std::str::from_utf8(date)
        .map_err(|_| "the date is not UTF-8 text".to_string())
        .and_then(|text| {
            parse_travel_date(text.trim())
                .map(|date| crate::travel_day(date, today))
                .map_err(|why| format!("bad date \"{}\": {why}", text))
        });
    (query, date)
}
