//! Rendering answers: tables and sentences for people (in the user's language, through `i18n`),
//! JSON and TSV with stable English keys and values for scripts. Nothing here decides anything;
//! it only shows what `verdict` concluded.
//!
//! - `check`: the verdict for a trip; `batch`: one line a query for `edl check -`;
//! - `browse`: `list`, `show`, `timeline` and `data`; `beyond`: `list` and `timeline` by country.

mod batch;
mod beyond;
mod browse;
mod check;
mod report;
mod wrap;

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use chrono::NaiveDate;
use comfy_table::Table;
use serde::{Deserialize, Serialize};
use terminal_size::{Width, terminal_size_of};

use crate::data::{Availability, Dataset};
use crate::i18n::Messages;
use crate::place::escape;
use crate::verdict::{Note, Verdict};

pub use batch::{BatchAnswer, BatchLine, BatchRow, batch_human, batch_json_line, batch_tsv_line};
pub use beyond::{
    COUNTRY_TSV_HEADER, country_human, country_json, country_tsv, scheme_timeline_human,
    scheme_timeline_json, scheme_timeline_tsv,
};
pub use browse::{
    LIST_TSV_HEADER, Listing, data_human, data_json, data_tsv, list_human, list_json, list_tsv,
    show_human, show_json, timeline_human, timeline_json, timeline_tsv,
};
// The error object scripts read names its kind.
pub use crate::exit::ErrorKind;
pub use check::{CHECK_TSV_HEADER, CheckReport, check_human, check_json, check_tsv};
pub use report::{
    ErrorAnswer, ErrorReport, Failure, Place, Window, ambiguous_report, place_error_report,
    prefecture_of, several_places_report,
};

/// Every error `edl` reports, in one shape: one line, prefixed with the program's name, with
/// control characters escaped so a message cannot drive the terminal.
/// Help to print: as clap rendered it, or wrapped again to fit the width where it does not.
pub fn fitted_help(rendered: &str) -> Option<String> {
    let width = width()?;
    Some(wrap::fit_help(rendered, width)).filter(|fitted| fitted != rendered)
}

pub fn error_line(message: &str) -> String {
    format!("edl: {}", escape(message))
}

/// The JSON schema's version; it changes only when a key changes meaning or goes away.
pub const SCHEMA_VERSION: u32 = 4;

/// What `--format json` writes when a command ends in an error: one object, one line.
pub fn error_json(out: &mut dyn Write, error: &ErrorReport) -> io::Result<()> {
    let answer = ErrorAnswer {
        schema_version: SCHEMA_VERSION,
        exit_code: 2,
        error: error.clone(),
    };
    serde_json::to_writer_pretty(&mut *out, &answer)?;
    writeln!(out)
}

/// The data a JSON answer came from.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct DataVersion {
    pub version: String,
    pub as_of: NaiveDate,
}

fn data_version(dataset: &Dataset) -> DataVersion {
    DataVersion {
        version: dataset.rollout.version.to_string(),
        as_of: dataset.rollout.as_of,
    }
}

/// Styles for people's output; all plain when colour is off.
#[derive(Clone, Copy, Debug, Default)]
pub struct Palette {
    pub enabled: bool,
}

impl Palette {
    fn paint(self, text: &str, style: Style) -> String {
        if self.enabled {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }

    fn verdict(self, verdict: Verdict, messages: &dyn Messages) -> String {
        let colour = match verdict {
            Verdict::ELicense | Verdict::NoCardNeeded => AnsiColor::Green,
            Verdict::BringCard => AnsiColor::Yellow,
            Verdict::NoValidLicense => AnsiColor::Red,
        };
        self.paint(
            messages.verdict(verdict),
            Style::new().bold().fg_color(Some(colour.into())),
        )
    }
}

/// The width people's output fits: `COLUMNS` when set to a number (as shells and `COLUMNS=60
/// edl …` set it), else the terminal's; `None` into a pipe or file, which keeps lines whole.
pub fn width() -> Option<usize> {
    let columns = std::env::var("COLUMNS").ok();
    match columns.and_then(|text| text.trim().parse::<usize>().ok()) {
        Some(columns) if columns > 0 => Some(columns),
        _ => terminal_size_of(io::stdout()).map(|(Width(width), _)| usize::from(width)),
    }
}

/// A table in the house style, fitted to the output's width (see `wrap`), or at its natural
/// width where no layout fits. comfy-table measures display width, so CJK cells stay aligned.
fn table(header: &[String], rows: &[Vec<String>], width: Option<usize>) -> Table {
    wrap::fitted_table(header, rows, width)
        .or_else(|| wrap::fitted_table(header, rows, None))
        .expect("a table without a width always fits")
}

/// Text for people, wrapped to the output's width, its later lines indented by `indent`.
fn prose(text: &str, width: Option<usize>, indent: &str) -> String {
    wrap::wrap(text, width, indent)
}

/// How a window reads in a table cell: one day, or a range whose exact day is unknown.
fn window_text(availability: &Availability, messages: &dyn Messages) -> String {
    match availability {
        Availability::Never(_) => messages.never().to_string(),
        Availability::Window(window) if window.is_exact() => window.earliest.date.to_string(),
        Availability::Window(window) => format!("{}..{}", window.earliest.date, window.latest.date),
    }
}

fn optional_date(day: Option<NaiveDate>) -> String {
    day.map_or(String::new(), |day| day.to_string())
}

/// Tabs and line breaks would break a TSV row; other control characters are escaped too.
fn tsv_field(text: &str) -> String {
    escape(text).replace('\t', "\\t")
}

/// A note line for people, wrapped under its label; user text in it is escaped.
fn write_note(
    out: &mut dyn Write,
    messages: &dyn Messages,
    text: &str,
    width: Option<usize>,
) -> io::Result<()> {
    let label = messages.note_label();
    let indent = " ".repeat(unicode_width::UnicodeWidthStr::width(label));
    let line = format!("{label}{}", escape(text));
    writeln!(out, "{}", prose(&line, width, &indent))
}

/// The staleness note for outputs other than `check` (whose notes carry it already).
fn stale_note(
    out: &mut dyn Write,
    dataset: &Dataset,
    date: NaiveDate,
    messages: &dyn Messages,
) -> io::Result<()> {
    match crate::verdict::staleness(dataset, date) {
        Some(note @ Note::Stale { .. }) => {
            write_note(out, messages, &messages.note(&note), width())
        }
        _ => Ok(()),
    }
}
