//! Rendering answers: a table and sentences for people, JSON and TSV with stable keys for scripts.
//! Nothing here decides anything; it only shows what `verdict` concluded.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use chrono::NaiveDate;
use comfy_table::{ContentArrangement, Table, presets};
use serde::{Deserialize, Serialize};

use crate::data::{Availability, Basis, Claim, Dataset, Level, Quality};
use crate::place::escape;
use crate::verdict::{Assessment, LicenseState, Standing, Status, Step, Trip, Verdict};

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
                version: dataset.rollout.version.to_string(),
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
            notes: all_notes(trip),
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
            name: place.division.name().to_string(),
            pinyin: place.division.pinyin_display().to_string(),
            province: place.province.name().to_string(),
            level: place.division.level,
            live_from,
            live_until,
            status: place.status,
            reason: place.reason.clone(),
        }
    }
}

fn all_notes(trip: &Trip<'_>) -> Vec<String> {
    let standing = trip.standing_notes().iter().map(|note| note.to_string());
    trip.notes.iter().cloned().chain(standing).collect()
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
                    place.division.name(),
                    place.division.pinyin_display()
                ),
                place.province.name().to_string(),
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
            writeln!(out, "{role}{}: {}", place.division.name(), place.reason)?;
        }
    }
    for note in all_notes(trip) {
        writeln!(out, "note: {}", escape(&note))?;
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
                .map(|(role, place)| {
                    format!("{role}{} {}", place.division.name(), place.status.id())
                })
                .collect();
            format!(
                "bring the physical card on {} ({})",
                trip.on,
                blocking.join(", ")
            )
        }
    }
}

/// The places `edl list` shows, assessed on one date.
pub struct Listing<'d> {
    pub on: NaiveDate,
    /// Whether the user asked about a date (`--on`), which adds the status column and counts.
    pub dated: bool,
    pub places: Vec<Standing<'d>>,
}

/// One place in `edl list --format json`.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceReport {
    pub code: String,
    pub name: String,
    pub pinyin: String,
    pub province: String,
    pub level: Level,
    pub live_from: Option<NaiveDate>,
    pub live_until: Option<NaiveDate>,
    pub status: Status,
}

impl PlaceReport {
    fn new(place: &Standing<'_>) -> PlaceReport {
        let (live_from, live_until) = live_bounds(&place.availability);
        PlaceReport {
            code: place.division.code.to_string(),
            name: place.division.name().to_string(),
            pinyin: place.division.pinyin_display().to_string(),
            province: place.province.name().to_string(),
            level: place.division.level,
            live_from,
            live_until,
            status: place.status,
        }
    }
}

fn live_bounds(availability: &Availability) -> (Option<NaiveDate>, Option<NaiveDate>) {
    match availability {
        Availability::Window(window) => (Some(window.earliest.date), Some(window.latest.date)),
        Availability::Never(_) => (None, None),
    }
}

const STATUSES: [Status; 4] = [
    Status::Live,
    Status::Uncertain,
    Status::NotYet,
    Status::NotCovered,
];

fn count_statuses(places: &[Standing<'_>]) -> Vec<(Status, usize)> {
    STATUSES
        .iter()
        .map(|&status| {
            (
                status,
                places.iter().filter(|place| place.status == status).count(),
            )
        })
        .collect()
}

pub fn list_human(out: &mut dyn Write, listing: &Listing<'_>, dataset: &Dataset) -> io::Result<()> {
    let mut table = Table::new();
    let mut header = vec![
        "Province".to_string(),
        "Place".into(),
        "Code".into(),
        "E-license live from".into(),
    ];
    if listing.dated {
        header.push(format!("On {}", listing.on));
    }
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_header(header);
    let mut previous_province = None;
    for place in &listing.places {
        // Grouped by province: name each province once, on its first row.
        let province = if previous_province == Some(place.province.code) {
            ""
        } else {
            place.province.name()
        };
        previous_province = Some(place.province.code);
        let mut row = vec![
            province.to_string(),
            format!(
                "{} {}",
                place.division.name(),
                place.division.pinyin_display()
            ),
            place.division.code.to_string(),
            window_text(&place.availability),
        ];
        if listing.dated {
            row.push(place.status.id().to_string());
        }
        table.add_row(row);
    }
    writeln!(out, "{table}")?;
    if listing.dated {
        let counts: Vec<String> = count_statuses(&listing.places)
            .into_iter()
            .map(|(status, count)| format!("{count} {}", status.id()))
            .collect();
        writeln!(
            out,
            "on {}: {} ({} places)",
            listing.on,
            counts.join(", "),
            listing.places.len()
        )?;
    }
    stale_note(out, dataset, listing.on)
}

fn stale_note(out: &mut dyn Write, dataset: &Dataset, date: NaiveDate) -> io::Result<()> {
    match crate::verdict::staleness(dataset, date) {
        Some(note) => writeln!(out, "note: {note}"),
        None => Ok(()),
    }
}

#[derive(Serialize)]
struct ListReport {
    schema_version: u32,
    on: NaiveDate,
    data: DataVersion,
    places: Vec<PlaceReport>,
    counts: std::collections::BTreeMap<&'static str, usize>,
}

pub fn list_json(out: &mut dyn Write, listing: &Listing<'_>, dataset: &Dataset) -> io::Result<()> {
    let report = ListReport {
        schema_version: SCHEMA_VERSION,
        on: listing.on,
        data: data_version(dataset),
        places: listing.places.iter().map(PlaceReport::new).collect(),
        counts: count_statuses(&listing.places)
            .into_iter()
            .map(|(s, n)| (s.id(), n))
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}

pub const LIST_TSV_HEADER: &str =
    "code\tname\tpinyin\tprovince\tlevel\tlive_from\tlive_until\tstatus";

/// Writes straight from the tables into one buffer, without the formatting machinery per
/// field: `edl list --level county` writes thousands of rows and should cost little more than
/// starting up.
pub fn list_tsv(out: &mut dyn Write, listing: &Listing<'_>) -> io::Result<()> {
    let mut text = Vec::with_capacity(64 * (listing.places.len() + 1));
    text.extend_from_slice(LIST_TSV_HEADER.as_bytes());
    text.push(b'\n');
    let mut digits = itoa::Buffer::new();
    let field = |text: &mut Vec<u8>, value: &[u8]| {
        text.extend_from_slice(value);
        text.push(b'\t');
    };
    for place in &listing.places {
        let division = place.division;
        field(&mut text, digits.format(division.code.value()).as_bytes());
        field(&mut text, division.name().as_bytes());
        field(&mut text, division.pinyin_display().as_bytes());
        field(&mut text, place.province.name().as_bytes());
        field(&mut text, division.level.id().as_bytes());
        match &place.availability {
            Availability::Window(window) => {
                push_date(&mut text, window.earliest.date);
                text.push(b'\t');
                push_date(&mut text, window.latest.date);
                text.push(b'\t');
            }
            Availability::Never(_) => text.extend_from_slice(b"\t\t"),
        }
        text.extend_from_slice(place.status.id().as_bytes());
        text.push(b'\n');
    }
    out.write_all(&text)
}

/// `YYYY-MM-DD` for the years `edl` accepts (four digits), without the formatting machinery.
fn push_date(text: &mut Vec<u8>, date: NaiveDate) {
    use chrono::Datelike;
    let mut digits = itoa::Buffer::new();
    text.extend_from_slice(digits.format(date.year()).as_bytes());
    for part in [date.month(), date.day()] {
        text.push(b'-');
        if part < 10 {
            text.push(b'0');
        }
        text.extend_from_slice(digits.format(part).as_bytes());
    }
}

fn optional_date(day: Option<NaiveDate>) -> String {
    day.map_or(String::new(), |day| day.to_string())
}

fn data_version(dataset: &Dataset) -> DataVersion {
    DataVersion {
        version: dataset.rollout.version.to_string(),
        as_of: dataset.rollout.as_of,
    }
}

/// How a fact's claim reads.
pub fn claim_text(claim: Claim) -> String {
    match claim {
        Claim::On {
            day,
            scheduled: false,
        } => format!("live on {day}"),
        Claim::On {
            day,
            scheduled: true,
        } => format!("live on {day} (announced in advance)"),
        Claim::Within { from, until } => format!("live on one day within {from}..{until}"),
        Claim::By(day) => format!("live by {day}"),
        Claim::NotBefore(day) => format!("not live before {day}"),
        Claim::Never => "never valid there".to_string(),
    }
}

#[derive(Serialize)]
struct SourceReport<'r> {
    id: &'r str,
    title: &'r str,
    url: &'r str,
    quality: Quality,
}

#[derive(Serialize)]
struct FactReport<'r> {
    id: &'r str,
    about: String,
    claim: String,
    note: Option<&'r str>,
    sources: Vec<SourceReport<'r>>,
}

#[derive(Serialize)]
struct ShowReport<'r> {
    schema_version: u32,
    code: String,
    name: &'r str,
    short: &'r str,
    pinyin: String,
    level: Level,
    kind: &'r str,
    chain: Vec<String>,
    live_from: Option<NaiveDate>,
    live_until: Option<NaiveDate>,
    on: NaiveDate,
    status: Status,
    verdict: Verdict,
    reason: &'r str,
    facts: Vec<FactReport<'r>>,
    default_window_applies: bool,
    default_sources: Vec<SourceReport<'r>>,
    data: DataVersion,
}

fn source_reports<'r>(dataset: &'r Dataset, sources: &[usize]) -> Vec<SourceReport<'r>> {
    sources
        .iter()
        .map(|&index| {
            let source = dataset.rollout.source(index);
            SourceReport {
                id: &source.id,
                title: &source.title,
                url: &source.url,
                quality: source.quality,
            }
        })
        .collect()
}

/// The facts about a place or the divisions above it, with the division each names.
fn facts_about<'r>(dataset: &'r Dataset, place: &Assessment<'_>) -> Vec<FactReport<'r>> {
    let divisions = dataset.divisions;
    let mut facts = Vec::new();
    for above in divisions.chain(place.division) {
        for index in dataset.rollout.facts_naming(above.code) {
            let fact = &dataset.rollout.facts[index];
            facts.push(FactReport {
                id: &fact.id,
                about: format!("{} {}", above.name(), above.code),
                claim: claim_text(fact.claim),
                note: fact.note.as_deref(),
                sources: source_reports(dataset, &fact.sources),
            });
        }
    }
    facts
}

fn uses_default(availability: &Availability) -> bool {
    match availability {
        Availability::Window(window) => {
            window.earliest.basis == Basis::Default || window.latest.basis == Basis::Default
        }
        Availability::Never(_) => false,
    }
}

fn show_report<'r>(
    place: &'r Assessment<'_>,
    dataset: &'r Dataset,
    today: NaiveDate,
) -> ShowReport<'r> {
    let (live_from, live_until) = live_bounds(&place.availability);
    let default_window_applies = uses_default(&place.availability);
    ShowReport {
        schema_version: SCHEMA_VERSION,
        code: place.division.code.to_string(),
        name: place.division.name(),
        short: place.division.short(),
        pinyin: place.division.pinyin_display().to_string(),
        level: place.division.level,
        kind: place.division.kind.id(),
        chain: dataset
            .divisions
            .chain(place.division)
            .map(|d| d.name().to_string())
            .collect(),
        live_from,
        live_until,
        on: today,
        status: place.status,
        verdict: place.verdict(),
        reason: &place.reason,
        facts: facts_about(dataset, place),
        default_window_applies,
        default_sources: if default_window_applies {
            source_reports(dataset, &dataset.rollout.default.sources)
        } else {
            Vec::new()
        },
        data: data_version(dataset),
    }
}

pub fn show_json(
    out: &mut dyn Write,
    place: &Assessment<'_>,
    dataset: &Dataset,
    today: NaiveDate,
) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &show_report(place, dataset, today))?;
    writeln!(out)
}

pub fn show_human(
    out: &mut dyn Write,
    place: &Assessment<'_>,
    dataset: &Dataset,
    today: NaiveDate,
) -> io::Result<()> {
    let report = show_report(place, dataset, today);
    writeln!(out, "{} ({}, {})", report.name, report.short, report.pinyin)?;
    writeln!(out, "code:      {}", report.code)?;
    writeln!(out, "level:     {} ({})", report.level.id(), report.kind)?;
    writeln!(out, "chain:     {}", report.chain.join(" → "))?;
    writeln!(out, "live from: {}", window_text(&place.availability))?;
    writeln!(
        out,
        "status:    {1} on {0}: {2}",
        report.on,
        report.status.id(),
        report.reason
    )?;
    writeln!(out, "verdict:   {}", report.verdict.id())?;
    let print_sources = |out: &mut dyn Write, sources: &[SourceReport<'_>]| -> io::Result<()> {
        for source in sources {
            writeln!(out, "    [{}] {}", source.quality.id(), source.title)?;
            writeln!(out, "      {}", source.url)?;
        }
        Ok(())
    };
    if !report.facts.is_empty() {
        writeln!(out, "facts:")?;
    }
    for fact in &report.facts {
        writeln!(out, "  {}: {}, about {}", fact.id, fact.claim, fact.about)?;
        if let Some(note) = fact.note {
            writeln!(out, "    {note}")?;
        }
        print_sources(out, &fact.sources)?;
    }
    if report.default_window_applies {
        let default = &dataset.rollout.default;
        writeln!(
            out,
            "default window {}..{} (a bound no fact gives):",
            default.earliest, default.latest
        )?;
        writeln!(out, "    {}", default.note)?;
        print_sources(out, &report.default_sources)?;
    }
    stale_note(out, dataset, today)
}

#[derive(Serialize)]
struct StepReport<'r> {
    date: NaiveDate,
    title: &'r str,
    cities_stated: Option<u32>,
    live: usize,
    new: usize,
    uncertain: usize,
    sources: Vec<SourceReport<'r>>,
}

fn step_reports<'r>(steps: &'r [Step<'_>], dataset: &'r Dataset) -> Vec<StepReport<'r>> {
    steps
        .iter()
        .map(|step| StepReport {
            date: step.milestone.date,
            title: &step.milestone.title,
            cities_stated: step.milestone.cities,
            live: step.live,
            new: step.new,
            uncertain: step.uncertain,
            sources: source_reports(dataset, &step.milestone.sources),
        })
        .collect()
}

pub fn timeline_human(
    out: &mut dyn Write,
    steps: &[Step<'_>],
    dataset: &Dataset,
    today: NaiveDate,
) -> io::Result<()> {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED).set_header([
        "Date",
        "Step",
        "Cities (stated)",
        "Live in data",
        "New",
        "Uncertain",
        "Sources",
    ]);
    for step in step_reports(steps, dataset) {
        let sources: Vec<String> = step
            .sources
            .iter()
            .map(|s| format!("{} ({})", s.id, s.quality.id()))
            .collect();
        table.add_row([
            step.date.to_string(),
            step.title.to_string(),
            step.cities_stated.map_or(String::new(), |n| n.to_string()),
            step.live.to_string(),
            step.new.to_string(),
            step.uncertain.to_string(),
            sources.join("\n"),
        ]);
    }
    writeln!(out, "{table}")?;
    writeln!(
        out,
        "cities: prefecture-level places and municipalities; \"live in data\" counts those surely live on the date"
    )?;
    stale_note(out, dataset, today)
}

pub fn timeline_json(out: &mut dyn Write, steps: &[Step<'_>], dataset: &Dataset) -> io::Result<()> {
    #[derive(Serialize)]
    struct TimelineReport<'r> {
        schema_version: u32,
        data: DataVersion,
        steps: Vec<StepReport<'r>>,
    }
    let report = TimelineReport {
        schema_version: SCHEMA_VERSION,
        data: data_version(dataset),
        steps: step_reports(steps, dataset),
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}

pub fn timeline_tsv(out: &mut dyn Write, steps: &[Step<'_>], dataset: &Dataset) -> io::Result<()> {
    writeln!(
        out,
        "date\ttitle\tcities_stated\tlive\tnew\tuncertain\tsources"
    )?;
    for step in step_reports(steps, dataset) {
        let sources: Vec<&str> = step.sources.iter().map(|s| s.id).collect();
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            step.date,
            tsv_field(step.title),
            step.cities_stated.map_or(String::new(), |n| n.to_string()),
            step.live,
            step.new,
            step.uncertain,
            sources.join(","),
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct DataReport<'r> {
    schema_version: u32,
    origin: &'r str,
    version: &'r str,
    as_of: NaiveDate,
    divisions: std::collections::BTreeMap<&'static str, usize>,
    facts: usize,
    places_named: usize,
    milestones: usize,
    sources: Vec<SourceReport<'r>>,
}

fn data_report(dataset: &Dataset) -> DataReport<'_> {
    let rollout = &dataset.rollout;
    let mut divisions = std::collections::BTreeMap::new();
    for division in dataset.divisions.iter() {
        *divisions.entry(division.level.id()).or_default() += 1;
    }
    let mut named: Vec<_> = rollout
        .facts
        .iter()
        .flat_map(|fact| fact.places.iter())
        .collect();
    named.sort();
    named.dedup();
    DataReport {
        schema_version: SCHEMA_VERSION,
        origin: &dataset.origin,
        version: &rollout.version,
        as_of: rollout.as_of,
        divisions,
        facts: rollout.facts.len(),
        places_named: named.len(),
        milestones: rollout.milestones.len(),
        sources: source_reports(dataset, &(0..rollout.sources.len()).collect::<Vec<_>>()),
    }
}

pub fn data_human(out: &mut dyn Write, dataset: &Dataset, today: NaiveDate) -> io::Result<()> {
    let report = data_report(dataset);
    writeln!(
        out,
        "rollout data {} as of {} ({})",
        report.version, report.as_of, report.origin
    )?;
    let levels: Vec<String> = report
        .divisions
        .iter()
        .map(|(level, n)| format!("{n} {level}"))
        .collect();
    writeln!(
        out,
        "divisions: {} (bundled, with 香港, 澳门 and 台湾 at province level)",
        levels.join(", ")
    )?;
    writeln!(
        out,
        "facts: {} naming {} places; milestones: {}",
        report.facts, report.places_named, report.milestones
    )?;
    let mut by_quality: Vec<String> = Vec::new();
    for quality in [Quality::Strong, Quality::Medium, Quality::Low] {
        let count = report
            .sources
            .iter()
            .filter(|s| s.quality == quality)
            .count();
        by_quality.push(format!("{count} {}", quality.id()));
    }
    writeln!(
        out,
        "sources: {} ({})",
        report.sources.len(),
        by_quality.join(", ")
    )?;
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(["Source", "Quality", "Title and URL"]);
    for source in &report.sources {
        table.add_row([
            source.id.to_string(),
            source.quality.id().to_string(),
            format!("{}\n{}", source.title, source.url),
        ]);
    }
    writeln!(out, "{table}")?;
    stale_note(out, dataset, today)
}

pub fn data_json(out: &mut dyn Write, dataset: &Dataset) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &data_report(dataset))?;
    writeln!(out)
}

pub fn data_tsv(out: &mut dyn Write, dataset: &Dataset) -> io::Result<()> {
    writeln!(out, "id\tquality\ttitle\turl")?;
    for source in data_report(dataset).sources {
        writeln!(
            out,
            "{}\t{}\t{}\t{}",
            source.id,
            source.quality.id(),
            tsv_field(source.title),
            tsv_field(source.url)
        )?;
    }
    Ok(())
}

/// One line of `edl check -`: what was asked and its answer, or what is wrong with the line.
pub struct BatchRow {
    pub query: String,
    pub on: Option<NaiveDate>,
    pub result: Result<BatchAnswer, String>,
}

/// A line's answer: the verdict, its places (several when an ambiguous name agrees), and the
/// notes specific to it.
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
                    .map(|place| StopReport::new(&stop.query, place))
            })
            .collect();
        BatchAnswer {
            verdict: trip.verdict,
            places,
            notes: trip.notes.clone(),
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

pub fn batch_human(out: &mut dyn Write, rows: &[BatchRow], palette: Palette) -> io::Result<()> {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header([
            "Query",
            "On",
            "Verdict",
            "Place",
            "E-license live from",
            "Status",
        ]);
    for row in rows {
        let on = optional_date(row.on);
        match &row.result {
            Err(message) => {
                table.add_row([
                    escape(&row.query),
                    on,
                    "error".into(),
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
                        _ => "never".to_string(),
                    };
                    table.add_row([
                        escape(&row.query),
                        on.clone(),
                        palette.verdict(answer.verdict),
                        format!("{} {}", place.name, place.pinyin),
                        window,
                        place.status.id().to_string(),
                    ]);
                }
            }
        }
    }
    writeln!(out, "{table}")
}
