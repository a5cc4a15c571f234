//! `edl check`: the verdict line, the table of stops, reasons and notes; JSON and TSV.

use std::io::{self, Write};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::report::Place;
use super::{
    DataVersion, Palette, SCHEMA_VERSION, data_version, optional_date, prose, table, tsv_field,
    window_text, write_note,
};
use crate::data::Dataset;
use crate::data::recognition::{Document, Needs};
use crate::i18n::{Asks, Blocking, CheckColumn, English, Messages};
use crate::place::Place as PlaceOf;
use crate::verdict::{Assessment, Days, Engine, LicenseState, Note, Status, Stop, Trip, Verdict};

/// `edl check --format json`, one object; also the body of a batch line.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckReport {
    pub schema_version: u32,
    pub verdict: Verdict,
    pub exit_code: u8,
    pub on: NaiveDate,
    pub license: LicenseState,
    pub data: DataVersion,
    /// One place per stop; an ambiguous query whose candidates agree gives one per candidate.
    pub stops: Vec<Place>,
    /// The license's issuing place (`--home`), whose reason says whether licenses issued there
    /// could have an e-license on the date.
    pub home: Option<Vec<Place>>,
    pub notes: Vec<String>,
    /// Every document to carry on the trip, each once (ids: `licence-card`, `idp-1949`, …).
    pub carry: Vec<String>,
}

impl CheckReport {
    /// The report scripts read: its sentences are English whatever the user's language.
    pub fn new(trip: &Trip<'_>, dataset: &Dataset) -> CheckReport {
        let reports = |stop: &Stop<'_>, home: bool| -> Vec<Place> {
            stop.places
                .iter()
                .map(|place| stop_place(trip, &stop.query, place, home, dataset))
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
            carry: trip
                .carry()
                .into_iter()
                .map(|document| document.id().to_string())
                .collect(),
        }
    }
}

/// A stop's place, or (`home`) the issuing place's, whose reason says whether licenses issued
/// there could have an e-license.
fn stop_place(
    trip: &Trip<'_>,
    query: &str,
    place: &Assessment<'_>,
    home: bool,
    dataset: &Dataset,
) -> Place {
    let reason = if home {
        English.home_reason(&place.why, place.place)
    } else {
        one_reason(place, &English)
    };
    let mut report = Place::assessed(
        Some(query),
        place,
        dataset.divisions,
        trip.verdict_for(place),
        Some(reason),
    );
    if !home {
        report.carry = Some(
            trip.carry_for(place)
                .into_iter()
                .map(|document| document.id().to_string())
                .collect(),
        );
    }
    report
}

/// The trip's own notes, then the standing advice, each once (a query that is both a stop and
/// the home is noted once).
fn notes(trip: &Trip<'_>, messages: &dyn Messages) -> Vec<String> {
    let own = trip.notes.iter().map(|note| messages.note(note));
    let advice = trip
        .advice_applies()
        .then(|| messages.advice())
        .into_iter()
        .flatten();
    let mut said: Vec<String> = Vec::new();
    for note in own.chain(advice.map(str::to_string)) {
        if !said.contains(&note) {
            said.push(note);
        }
    }
    said
}

/// What weighs on every row's verdict besides its place, in English: an issuing place that was
/// not live, or unknown, and the license state. A TSV row's reason ends with them.
pub(super) fn verdict_notes(trip: &Trip<'_>) -> Vec<String> {
    let home = trip
        .home
        .iter()
        .flat_map(|home| &home.places)
        .filter(|place| place.status != Status::Live)
        .map(|place| English.home_reason(&place.why, place.place));
    let trip_wide = trip
        .notes
        .iter()
        .filter(|note| {
            matches!(
                note,
                Note::HomeUnknown { .. } | Note::License { .. } | Note::LicenseUnknown { .. }
            )
        })
        .map(|note| English.note(note));
    home.chain(trip_wide).collect()
}

pub fn check_json(out: &mut dyn Write, trip: &Trip<'_>, dataset: &Dataset) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &CheckReport::new(trip, dataset))?;
    writeln!(out)
}

/// The columns of `check --format tsv`, one place a row, in single and batch mode alike.
pub const CHECK_TSV_HEADER: &str = "query\ton\tverdict\tcode\tname\tpinyin\tprovince\tprefecture\tcountry\tsubdivision\tlevel\twindow_earliest\twindow_latest\tstatus\tcarry\treason";

pub fn check_tsv(out: &mut dyn Write, trip: &Trip<'_>, dataset: &Dataset) -> io::Result<()> {
    writeln!(out, "{CHECK_TSV_HEADER}")?;
    let report = CheckReport::new(trip, dataset);
    tsv_rows(out, &report.stops, &verdict_notes(trip))
}

/// One row a place: its documents to carry (ids joined by `+`), and its reason, last since it is
/// free text, ending with what else weighs on the verdict (`because`).
pub(super) fn tsv_rows(
    out: &mut dyn Write,
    places: &[Place],
    because: &[String],
) -> io::Result<()> {
    for place in places {
        let (earliest, latest) = place
            .window
            .map_or((None, None), |w| (Some(w.earliest), Some(w.latest)));
        let reason = place.reason.iter().chain(because).map(String::as_str);
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            tsv_field(place.query.as_deref().unwrap_or("")),
            place.on,
            place.verdict.id(),
            place.code,
            place.name,
            place.pinyin.as_deref().unwrap_or(""),
            place.province.as_deref().unwrap_or(""),
            place.prefecture.as_deref().unwrap_or(""),
            place
                .country
                .as_ref()
                .map_or("", |region| region.code.as_str()),
            place
                .subdivision
                .as_ref()
                .map_or("", |region| region.code.as_str()),
            place.level.id(),
            optional_date(earliest),
            optional_date(latest),
            place.status.map_or("", Status::id),
            place.carry.as_deref().unwrap_or_default().join("+"),
            tsv_field(&reason.collect::<Vec<_>>().join("; ")),
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
    let days = trip.days();
    let several_days = matches!(days, Days::Between(..));
    let blocking: Vec<Blocking<'_>> = places(trip)
        .filter(|(_, place)| !place.verdict().card_stays_home())
        .map(|(home, place)| Blocking {
            home,
            place: place.place,
            judged_by: place.judged_by,
            status: place.status,
            on: several_days.then_some(place.on),
            asks: if home {
                Asks::Card(Vec::new())
            } else {
                asks(place)
            },
        })
        .collect();
    let headline = messages.headline(
        trip.verdict,
        days,
        trip.license,
        &blocking,
        trip.home_unknown(),
    );
    let width = super::width();
    let verdict_line = format!(
        "{}{}{headline}",
        palette.verdict(trip.verdict, messages),
        messages.colon()
    );
    writeln!(out, "{}", prose(&verdict_line, width, "  "))?;
    // One row a stop (the home has its line below): the place, where it is, its date when the
    // dates differ, the mainland's rollout window where the rollout decides, and the verdict.
    let stops: Vec<&Assessment<'_>> = places(trip)
        .filter(|(home, _)| !home)
        .map(|(_, place)| place)
        .collect();
    let by_rollout = stops
        .iter()
        .any(|place| place.judged_by == Engine::Rollout && place.standing.is_some());
    let rows: Vec<Vec<String>> = stops
        .iter()
        .map(|place| {
            let mut row = vec![messages.place(place.place), region_text(place, messages)];
            if several_days {
                row.push(place.on.to_string());
            }
            if by_rollout {
                row.push(live_from(place, messages));
            }
            row.push(messages.verdict(trip.verdict_for(place)).to_string());
            row
        })
        .collect();
    let mut columns = vec![CheckColumn::Place, CheckColumn::Where];
    if several_days {
        columns.push(CheckColumn::Date);
    }
    if by_rollout {
        columns.push(CheckColumn::LiveFrom);
    }
    columns.push(CheckColumn::Verdict(match days {
        Days::One(day) => Some(day),
        Days::Between(..) => None,
    }));
    let header: Vec<String> = columns
        .into_iter()
        .map(|column| messages.check_column(column))
        .collect();
    let table_text = table(&header, &rows, width);
    writeln!(out, "{table_text}")?;
    // Each reason once: the candidates of an ambiguous stop that agree may share their name
    // and their reason (Hobart, Tasmania and Hobart, Indiana).
    let mut said: Vec<String> = Vec::new();
    for (home, place) in places(trip) {
        let (role, reason) = if home {
            (
                messages.home_prefix(),
                messages.home_reason(&place.why, place.place),
            )
        } else {
            ("", stop_reason(place, messages))
        };
        let line = format!(
            "{role}{}{}{reason}",
            messages.place_name(place.place),
            messages.colon()
        );
        if said.contains(&line) {
            continue;
        }
        writeln!(out, "{}", prose(&line, width, "  "))?;
        said.push(line);
    }
    // Across a border: what the recognition facts say, stop by stop, and what to carry.
    if stops.iter().any(|place| place.crossing.is_some()) {
        for place in &stops {
            if let Some(crossing) = place.crossing.as_ref().filter(|_| !refused(place)) {
                let line = format!(
                    "{}{}{}",
                    messages.place_name(place.place),
                    messages.colon(),
                    messages.crossing(crossing)
                );
                writeln!(out, "{}", prose(&line, width, "  "))?;
            }
        }
        // The digital licence is the 12123 e-license where the rollout judged a stop it counts at.
        let digital = if stops.iter().any(|place| {
            place.judged_by == Engine::Rollout
                && trip.carry_for(place).contains(&Document::DigitalLicence)
        }) {
            Engine::Rollout
        } else {
            Engine::Schemes
        };
        writeln!(
            out,
            "{}",
            prose(&messages.carry_line(&trip.carry(), digital), width, "  ")
        )?;
    }
    for note in notes(trip, messages) {
        write_note(out, messages, &note, width)?;
    }
    Ok(())
}

/// Whether the recognition facts refuse the user's licence at a stop: then what they say is
/// the stop's reason, and nothing about a digital licence is.
fn refused(place: &Assessment<'_>) -> bool {
    place
        .crossing
        .as_ref()
        .is_some_and(|crossing| crossing.refuses())
}

/// A stop's reason: what the recognition facts say where they refuse the licence, else what
/// the engine says of the digital licence there.
fn stop_reason(place: &Assessment<'_>, messages: &dyn Messages) -> String {
    match &place.crossing {
        Some(crossing) if refused(place) => messages.crossing(crossing),
        _ => messages.reason(&place.why, place.place),
    }
}

/// A stop's reason in one sentence, where there is room for one only (JSON, TSV, the batch
/// table): its reason, and beside it what the recognition facts say across a border.
pub(super) fn one_reason(place: &Assessment<'_>, messages: &dyn Messages) -> String {
    let reason = stop_reason(place, messages);
    match &place.crossing {
        Some(crossing) if !refused(place) => format!("{reason}; {}", messages.crossing(crossing)),
        _ => reason,
    }
}

/// What a stop asks beyond the e-license: across a border, what the recognition facts say the
/// licence needs there (a local permit in its place, or documents beside the card); else the
/// card alone.
fn asks(place: &Assessment<'_>) -> Asks {
    let Some(crossing) = &place.crossing else {
        return Asks::Card(Vec::new());
    };
    match &crossing.finding.needs {
        Needs::LocalPermitOnly(permit) if crossing.refuses() => {
            Asks::Refused(vec![permit.document()])
        }
        _ if crossing.refuses() => Asks::Refused(Vec::new()),
        _ => Asks::Card(
            crossing
                .finding
                .carry
                .iter()
                .copied()
                .filter(|document| {
                    !matches!(document, Document::LicenceCard | Document::DigitalLicence)
                })
                .collect(),
        ),
    }
}

/// The table's second column: a division's province; a world place's subdivision and country.
fn region_text(place: &Assessment<'_>, messages: &dyn Messages) -> String {
    match (place.place, &place.standing) {
        (PlaceOf::World(row), _) => messages.world_above(row),
        // In the reader's language: 陕西省 Shaanxi in English, which 陕西省 alone does not tell
        // from 山西省 to a reader of Latin letters.
        (PlaceOf::Division(_), Some(standing)) => {
            messages.place(PlaceOf::Division(standing.province))
        }
        (PlaceOf::Division(division), None) => messages.place(PlaceOf::Division(
            crate::data::Divisions::bundled().province_of(division),
        )),
    }
}

/// The rollout column: when the e-license went live at a place the mainland's rollout judges;
/// empty where a digital licence's rules judge it.
fn live_from(place: &Assessment<'_>, messages: &dyn Messages) -> String {
    match (place.judged_by, &place.standing) {
        (Engine::Rollout, Some(standing)) => window_text(&standing.availability, messages),
        _ => String::new(),
    }
}
