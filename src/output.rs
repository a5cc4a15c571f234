//! Rendering answers: a table and sentences for people, JSON and TSV with stable keys for scripts.
//! Nothing here decides anything; it only shows what `verdict` concluded.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use chrono::NaiveDate;
use comfy_table::{ContentArrangement, Table, presets};
use serde::{Deserialize, Serialize};

use crate::data::{Availability, Dataset, Level};
use crate::place::escape;
use crate::verdict::{Assessment, LicenseState, Status, Trip, Verdict};

/// The JSON schema's version; it changes only when a key changes meaning or goes away.
pub const SCHEMA_VERSION: u32 = 1;

/// `edl check --format json`, one object.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckReport {
    pub schema_version: u32,
    pub verdict: Verdict,
    pub exit_code: u8,
    pub on: NaiveDate,
    pub license: LicenseState,
    pub data: DataVersion,
    pub stops: Vec<StopReport>,
    pub home: Option<Vec<StopReport>>,
    pub notes: Vec<String>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct DataVersion {
    pub version: String,
    pub as_of: NaiveDate,
}

/// One place of a stop. An ambiguous query whose candidates agree gives one per candidate.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct StopReport {
    pub query: String,
    pub code: String,
    pub name: String,
    pub pinyin: String,
    pub province: String,
    pub level: Level,
    pub live_from: Option<NaiveDate>,
    pub live_until: Option<NaiveDate>,
    pub status: Status,
    pub reason: String,
}

impl CheckReport {
    pub fn new(trip: &Trip<'_>, dataset: &Dataset) -> CheckReport {
        let stop_reports = |query: &str, places: &[Assessment<'_>]| -> Vec<StopReport> {
            places
                .iter()
                .map(|place| StopReport::new(query, place))
                .collect()
        };
        CheckReport {
            schema_version: SCHEMA_VERSION,
            verdict: trip.verdict,
            exit_code: trip.verdict.exit_code(),
            on: trip.on,
            license: trip.license,
            data: DataVersion {
                version: dataset.rollout.version.clone(),
                as_of: dataset.rollout.as_of,
            },
            stops: trip
                .stops
                .iter()
                .flat_map(|stop| stop_reports(&stop.query, &stop.places))
                .collect(),
            home: trip
                .home
                .as_ref()
                .map(|home| stop_reports(&home.query, &home.places)),
            notes: trip.notes.clone(),
        }
    }
}

impl StopReport {
    fn new(query: &str, place: &Assessment<'_>) -> StopReport {
        let (live_from, live_until) = match &place.availability {
            Availability::Window(window) => (Some(window.earliest.date), Some(window.latest.date)),
            Availability::Never(_) => (None, None),
        };
        StopReport {
            query: query.to_string(),
            code: place.division.code.to_string(),
            name: place.division.name.to_string(),
            pinyin: place.division.pinyin_display(),
            province: place.province.name.to_string(),
            level: place.division.level,
            live_from,
            live_until,
            status: place.status,
            reason: place.reason.clone(),
        }
    }
}

/// How a window reads in a table cell: one day, or a range whose exact day is unknown.
pub fn window_text(availability: &Availability) -> String {
    match availability {
        Availability::Never(_) => "never".to_string(),
        Availability::Window(window) if window.is_exact() => window.earliest.date.to_string(),
        Availability::Window(window) => format!("{}..{}", window.earliest.date, window.latest.date),
    }
}

pub fn check_json(out: &mut dyn Write, trip: &Trip<'_>, dataset: &Dataset) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &CheckReport::new(trip, dataset))?;
    writeln!(out)
}

pub const CHECK_TSV_HEADER: &str =
    "query\tcode\tname\tpinyin\tprovince\tlevel\tlive_from\tlive_until\tstatus\treason";

pub fn check_tsv(out: &mut dyn Write, trip: &Trip<'_>, dataset: &Dataset) -> io::Result<()> {
    writeln!(out, "{CHECK_TSV_HEADER}")?;
    for stop in CheckReport::new(trip, dataset).stops {
        let date = |day: Option<NaiveDate>| day.map_or(String::new(), |day| day.to_string());
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            tsv_field(&stop.query),
            stop.code,
            stop.name,
            stop.pinyin,
            stop.province,
            stop.level.id(),
            date(stop.live_from),
            date(stop.live_until),
            stop.status.id(),
            tsv_field(&stop.reason),
        )?;
    }
    Ok(())
}

/// Tabs and line breaks would break a TSV row; other control characters are escaped too.
fn tsv_field(text: &str) -> String {
    escape(text).replace('\t', "\\t")
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

    fn verdict(self, verdict: Verdict) -> String {
        let colour = match verdict {
            Verdict::ELicense => AnsiColor::Green,
            Verdict::BringCard => AnsiColor::Yellow,
            Verdict::NoValidLicense => AnsiColor::Red,
        };
        self.paint(
            verdict.id(),
            Style::new().bold().fg_color(Some(colour.into())),
        )
    }
}

pub fn check_human(out: &mut dyn Write, trip: &Trip<'_>, palette: Palette) -> io::Result<()> {
    writeln!(out, "{}: {}", palette.verdict(trip.verdict), headline(trip))?;
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header([
            "Place",
            "Province",
            "E-license live from",
            &format!("On {}", trip.on),
        ]);
    let stops = trip.stops.iter().map(|stop| ("", stop));
    let home = trip.home.iter().map(|stop| ("home ", stop));
    for (role, stop) in stops.chain(home) {
        for place in &stop.places {
            table.add_row([
                format!(
                    "{role}{} {}",
                    place.division.name,
                    place.division.pinyin_display()
                ),
                place.province.name.to_string(),
                window_text(&place.availability),
                place.status.id().to_string(),
            ]);
        }
    }
    writeln!(out, "{table}")?;
    let stops = trip.stops.iter().map(|stop| ("", stop));
    let home = trip.home.iter().map(|stop| ("home ", stop));
    for (role, stop) in stops.chain(home) {
        for place in &stop.places {
            writeln!(out, "{role}{}: {}", place.division.name, place.reason)?;
        }
    }
    for note in &trip.notes {
        writeln!(out, "note: {note}")?;
    }
    Ok(())
}

/// The verdict in one sentence, naming the places that decide it.
fn headline(trip: &Trip<'_>) -> String {
    match trip.verdict {
        Verdict::ELicense => format!("the e-license is enough at every stop on {}", trip.on),
        Verdict::NoValidLicense => format!(
            "license state {} ({}) does not allow driving, with the e-license or the card",
            trip.license.id(),
            trip.license.chinese()
        ),
        Verdict::BringCard => {
            let stops = trip.stops.iter().map(|stop| ("", stop));
            let home = trip.home.iter().map(|stop| ("home ", stop));
            let blocking: Vec<String> = stops
                .chain(home)
                .flat_map(|(role, stop)| stop.places.iter().map(move |place| (role, place)))
                .filter(|(_, place)| place.status != Status::Live)
                .map(|(role, place)| format!("{role}{} {}", place.division.name, place.status.id()))
                .collect();
            format!(
                "bring the physical card on {} ({})",
                trip.on,
                blocking.join(", ")
            )
        }
    }
}
