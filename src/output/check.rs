//! `edl check`: the verdict line, the table of stops, reasons and notes; JSON and TSV.

use std::io::{self, Write};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    DataVersion, Palette, SCHEMA_VERSION, data_version, live_bounds, table, tsv_field, window_text,
    write_note,
};
use crate::data::{Dataset, Level};
use crate::i18n::{Blocking, English, Messages};
use crate::verdict::{Assessment, LicenseState, Status, Stop, Trip, Verdict};

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
    /// The report scripts read: its sentences are English whatever the user's language.
    pub fn new(trip: &Trip<'_>, dataset: &Dataset) -> CheckReport {
        let reports = |stop: &Stop<'_>, home: bool| -> Vec<StopReport> {
            stop.places
                .iter()
                .map(|place| StopReport::new(&stop.query, place, home))
                .collect()
        };
        CheckReport {
            schema_version: SCHEMA_VERSION,
            verdict: trip.verdict,
            exit_code: trip.verdict.exit_code(),
            on: trip.on,
            license: trip.license,
            data: data_version(dataset),
            stops: trip
                .stops
                .iter()
                .flat_map(|stop| reports(stop, false))
                .collect(),
            home: trip.home.as_ref().map(|stop| reports(stop, true)),
            notes: notes(trip, &English),
        }
    }
}

impl StopReport {
    /// A stop's report, or (`home`) the issuing place's, whose reason says whether licenses
    /// issued there could have an e-license.
    pub(super) fn new(query: &str, place: &Assessment<'_>, home: bool) -> StopReport {
        let (live_from, live_until) = live_bounds(&place.availability);
        StopReport {
            query: query.to_string(),
            code: place.division.code.to_string(),
            name: place.division.name().to_string(),
            pinyin: place.division.pinyin_display().to_string(),
            province: place.province.name().to_string(),
            level: place.division.level,
            live_from,
            live_until,
            status: place.status,
            reason: if home {
                English.home_reason(&place.why, place.division)
            } else {
                English.reason(&place.why, place.division)
            },
        }
    }
}

/// The trip's own notes, then the standing advice.
fn notes(trip: &Trip<'_>, messages: &dyn Messages) -> Vec<String> {
    let own = trip.notes.iter().map(|note| messages.note(note));
    let advice = trip
        .advice_applies()
        .then(|| messages.advice())
        .into_iter()
        .flatten();
    own.chain(advice.map(str::to_string)).collect()
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

/// The stops with their role (a stop, or the license's home), in the order they are shown.
fn places<'t, 'd>(trip: &'t Trip<'d>) -> impl Iterator<Item = (bool, &'t Assessment<'d>)> {
    let stops = trip.stops.iter().map(|stop| (false, stop));
    let home = trip.home.iter().map(|stop| (true, stop));
    stops
        .chain(home)
        .flat_map(|(home, stop)| stop.places.iter().map(move |place| (home, place)))
}

pub fn check_human(
    out: &mut dyn Write,
    trip: &Trip<'_>,
    palette: Palette,
    messages: &dyn Messages,
) -> io::Result<()> {
    let blocking: Vec<Blocking<'_>> = places(trip)
        .filter(|(_, place)| place.status != Status::Live)
        .map(|(home, place)| Blocking {
            home,
            division: place.division,
            status: place.status,
        })
        .collect();
    let headline = messages.headline(
        trip.verdict,
        trip.on,
        trip.license,
        &blocking,
        trip.home_unknown(),
    );
    writeln!(
        out,
        "{}{}{headline}",
        palette.verdict(trip.verdict, messages),
        messages.colon()
    )?;
    let mut table = table(messages.check_header(trip.on));
    for (home, place) in places(trip) {
        let role = if home { messages.home_prefix() } else { "" };
        table.add_row([
            format!("{role}{}", messages.place(place.division)),
            place.province.name().to_string(),
            window_text(&place.availability, messages),
            messages.status(place.status).to_string(),
        ]);
    }
    writeln!(out, "{table}")?;
    for (home, place) in places(trip) {
        let (role, reason) = if home {
            (
                messages.home_prefix(),
                messages.home_reason(&place.why, place.division),
            )
        } else {
            ("", messages.reason(&place.why, place.division))
        };
        writeln!(
            out,
            "{role}{}{}{reason}",
            place.division.name(),
            messages.colon()
        )?;
    }
    for note in notes(trip, messages) {
        write_note(out, messages, &note)?;
    }
    Ok(())
}
