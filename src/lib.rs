//! `edl` tells a driver whether China's electronic driver's license (电子驾驶证) is enough where
//! and when they drive, or whether to bring the physical card.
//!
//! The data flows one way, and each top-level module uses only those before it in the flow
//! (`tests/integration/modules.rs` fails on a cycle):
//!
//! ```text
//! data ──→ place ──→ verdict ──→ explanation ──→ output ──→ cli, batch
//!                                   (i18n)
//! ```
//!
//! - [`data`]: the bundled divisions, gazetteer, rollout and schemes, with their sources;
//! - [`place`]: what the user typed → a place;
//! - [`verdict`]: place, date and licence → an answer, and its reasons as data;
//! - [`i18n`]: the explanation, each language rendering the reasons (they are data until here);
//! - [`output`]: the answer → human, JSON or TSV;
//! - [`cli`] and [`batch`]: the commands, one layer above the engine: the command line, and
//!   `check -`'s stream of queries.
//!
//! Beside the flow, for the layers above them: [`dates`] (travel dates and why one is refused),
//! [`exit`] (exit codes and the sorts of failure), [`clock`] (now, and the day at a place; it
//! uses `place`). This file wires a parsed command line to the flow; `main.rs` only parses and
//! exits.
//!
//! A new jurisdiction goes in `data/` only (its places, rules and sources), never in the
//! engine's code.

pub mod batch;
pub mod cli;
pub mod clock;
pub mod data;
pub mod dates;
pub mod exit;
pub mod i18n;
pub mod output;
pub mod place;
pub mod verdict;

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use chrono::NaiveDate;
use clap::CommandFactory;

use crate::cli::{
    CheckArgs, Cli, ColorChoice, Command, DataArgs, Format, ListArgs, ShowArgs, ShowFormat,
    TimelineArgs,
};
use crate::data::{Dataset, Kind, Level};
use crate::dates::TravelDate;
use crate::exit::ErrorKind;
use crate::i18n::{English, Lang, Messages};
use crate::output::{Failure, Palette};
use crate::place::{Gazetteer, Place, PlaceError, PlaceNote, Reading};
use crate::verdict::Query;

/// The language a command line asks for: `--lang`, then `EDL_LANG` (both parsed by clap), then
/// the locale.
pub fn language(cli: &Cli) -> Lang {
    cli.options
        .lang
        .unwrap_or_else(|| Lang::from_locale(|name| std::env::var(name).ok()))
}

/// Runs a parsed command line, writing to stdout. Returns the exit code of an answer; every
/// error (exit code 2) comes back as `Err`, already in the user's language.
///
/// With `--format json`, an error also writes its report on stdout, so that a script reading
/// the answer reads why there is none.
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    let json = wants_json(&cli);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = dispatch(cli, &mut out);
    if let Err(error) = &result
        && json
        && !is_broken_pipe(error)
    {
        output::error_json(&mut out, &error_report(error))?;
    }
    out.flush()?;
    result
}

/// Whether the command asked for JSON.
fn wants_json(cli: &Cli) -> bool {
    match &cli.command {
        Command::Check(args) => args.format == Format::Json,
        Command::List(args) => args.format == Format::Json,
        Command::Show(args) => args.format == ShowFormat::Json,
        Command::Timeline(args) => args.format == Format::Json,
        Command::Data(args) => args.format == Format::Json,
        Command::Completions(_) | Command::Man(_) => false,
    }
}

/// Whether a command line clap refused asked for JSON (`--format json` or `--format=json`),
/// so that its error is reported as data too.
pub fn asks_for_json(args: &[std::ffi::OsString]) -> bool {
    let mut words = args.iter().filter_map(|arg| arg.to_str());
    let mut json = false;
    while let Some(word) = words.next() {
        match word {
            "--" => break,
            "--format" => json = words.next() == Some("json"),
            _ => {
                if let Some(value) = word.strip_prefix("--format=") {
                    json = value == "json";
                }
            }
        }
    }
    json
}

/// A command line clap refused, as one sentence in the user's language and as a report: a
/// bad `--on` is a bad date, a bad `--license` an unknown license state.
pub fn usage_failure(mut error: clap::Error, args: &[std::ffi::OsString], lang: Lang) -> Failure {
    use clap::error::{ContextKind, ContextValue};
    cli::shorten_echoes(&mut error);
    let error = &error;
    let variable = cli::variable_behind(error, args, |name| std::env::var_os(name).is_some());
    let suggested = cli::suggestion(error, args);
    let said = |words: &dyn Messages| {
        let message = words.usage_error(error).unwrap_or_else(|| {
            // clap's first paragraph, on one line: "the following required arguments were
            // not provided: <PLACE>..." rather than a message cut at its colon.
            let rendered = error.render().to_string();
            let paragraph: Vec<&str> = rendered
                .lines()
                .take_while(|line| !line.trim().is_empty())
                .map(str::trim)
                .collect();
            paragraph
                .join(" ")
                .trim_start_matches("error: ")
                .to_string()
        });
        // A value from the environment is said to be from there (in EDL_HOME: …).
        let message = match variable {
            Some(variable) => format!("{}{}{message}", words.in_variable(variable), words.colon()),
            None => message,
        };
        match &suggested {
            Some(suggested) => format!("{message}{}", words.did_you_mean(suggested)),
            None => message,
        }
    };
    let argument = match error.get(ContextKind::InvalidArg) {
        Some(ContextValue::String(argument)) => argument.as_str(),
        _ => "",
    };
    let kind = if argument.starts_with("--on") {
        ErrorKind::BadDate
    } else if argument.starts_with("--license") {
        ErrorKind::UnknownLicense
    } else {
        ErrorKind::Usage
    };
    let mut failure = Failure::plain(kind, said(lang.messages()), said(&English));
    if let Some(ContextValue::String(value)) = error.get(ContextKind::InvalidValue) {
        failure.report.query = Some(value.clone());
    }
    failure
}

/// An error's report: a [`Failure`]'s own, else an I/O problem in its own words.
fn error_report(error: &anyhow::Error) -> output::ErrorReport {
    match error.downcast_ref::<Failure>() {
        Some(failure) => (*failure.report).clone(),
        None => output::ErrorReport {
            suggestions: Vec::new(),
            kind: ErrorKind::Io,
            message: format!("{error:#}"),
            query: None,
            candidates: Vec::new(),
        },
    }
}

/// A reader that stops early (`edl … | head`) is normal in a pipeline, not an error.
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// What every command needs: the data, the words and the colours.
struct Session<'o> {
    dataset: Dataset,
    now: clock::Now,
    messages: &'static dyn Messages,
    palette: Palette,
    out: &'o mut dyn Write,
}

fn dispatch(cli: Cli, out: &mut dyn Write) -> anyhow::Result<u8> {
    let messages = language(&cli).messages();
    let palette = Palette {
        enabled: use_colour(cli.options.color),
    };
    // Commands that need no rollout data, or (data --check) a file of their own.
    match &cli.command {
        Command::Completions(args) => {
            // clap_complete panics on a failed write: generate into memory, then write, so a
            // closed stdout is an ordinary broken pipe.
            let mut script = Vec::new();
            clap_complete::generate(args.shell, &mut Cli::command(), "edl", &mut script);
            out.write_all(&script)?;
            return Ok(0);
        }
        Command::Man(_) => {
            man_page(out, language(&cli))?;
            return Ok(0);
        }
        Command::Data(DataArgs {
            check: Some(path), ..
        }) => return check_data_file(data_path(path, messages)?, out),
        _ => {}
    }
    let dataset = match &cli.options.data {
        Some(path) => data_path(path, messages)
            .and_then(Dataset::with_data_file)
            .map_err(|error| {
                // The data file's problems are said in English in every language. A problem at
                // a line and column keeps the FILE:LINE:COL shape editors read (it names the
                // file already); any other, from EDL_DATA, says so.
                let located = error.downcast_ref::<data::DataErrors>().is_some()
                    || error.downcast_ref::<data::DataError>().is_some();
                let said = format!("{error:#}");
                let failure = Failure::plain(ErrorKind::BadData, said.clone(), said);
                match cli.options.data_from {
                    cli::Given::Environment if !located => within(messages, "EDL_DATA", failure),
                    _ => failure,
                }
            })?,
        None => Dataset::bundled(),
    };
    let now = clock::Now::from_environment(|name| std::env::var(name).ok()).map_err(|text| {
        let said = |words: &dyn Messages| words.bad_moment(&i18n::echo(&text));
        let mut failure = Failure::plain(ErrorKind::BadDate, said(messages), said(&English));
        failure.report.query = Some(text.clone());
        within(messages, clock::NOW_VARIABLE, failure)
    })?;
    let mut session = Session {
        dataset,
        now,
        messages,
        palette,
        out,
    };
    match &cli.command {
        Command::Check(args) => session.check(args),
        Command::List(args) => session.list(args),
        Command::Show(args) => session.show(args),
        Command::Timeline(args) => session.timeline(args),
        Command::Data(args) => session.data(args),
        Command::Completions(_) | Command::Man(_) => unreachable!("answered above"),
    }
}

impl Session<'_> {
    fn check(&mut self, args: &CheckArgs) -> anyhow::Result<u8> {
        let (dataset, messages) = (&self.dataset, self.messages);
        let now = self.now;
        // `--on` fixes one date for every stop; a relative one (tomorrow) counts from each
        // stop's own today, as does a stop without a date.
        let given_on = args.on.unwrap_or(TravelDate::TODAY);
        let bad_on = |error| {
            within(
                messages,
                "--on",
                date_failure(messages, &given_on.to_string(), error),
            )
        };
        // Said at once, before any place is read: a date outside the years edl takes.
        let on = given_on.day(|| now.today_in_china()).map_err(bad_on)?;
        // A stop's own date (PLACE@DATE), else the trip's; a PLACE that is a date is a
        // forgotten --on.
        let stop_date = |argument: &str| -> Result<(String, TravelDate), Failure> {
            match cli::split_stop_date(argument) {
                (place, Some(date)) => {
                    let given = dates::parse_travel_date(date)
                        .and_then(|given| given.day(|| now.today_in_china()).map(|_| given))
                        .map_err(|error| date_failure(messages, date, error))?;
                    Ok((place.to_string(), given))
                }
                (place, None) => match dates::parse_travel_date(place) {
                    Ok(date) => Err(date_for_place(messages, place, date)),
                    Err(_) => Ok((place.to_string(), given_on)),
                },
            }
        };
        // The day a stop falls on: its date, counted from today where it is.
        let day_at = |given: TravelDate, query: &Query<'_>, own: Option<&str>| {
            given
                .day(|| now.earliest_today_at(query.candidates.iter().copied()))
                .map_err(|error| match own {
                    Some(text) => date_failure(messages, text, error),
                    None => bad_on(error),
                })
        };
        let gazetteer = Gazetteer::new(dataset.divisions);
        // The candidates of a place that could not be read, as they stand on its stop's date
        // (as counted in China: the place is not known).
        let place_error = |given: TravelDate, error: PlaceError| {
            let day = given.day(|| now.today_in_china()).unwrap_or(on);
            Failure::new(messages, |words| {
                output::place_error_report(dataset, &gazetteer, &error, day, words)
            })
        };
        // One argument may name several stops ("上海 苏州 南京"), all on its date.
        let read = |argument: &String| -> Result<Vec<(Query<'_>, NaiveDate)>, Failure> {
            let (text, given) = stop_date(argument)?;
            let queries = match gazetteer
                .read(&text)
                .map_err(|error| place_error(given, error))?
            {
                Reading::One(resolved) => vec![Query::new(text, resolved, &gazetteer)],
                Reading::Several(parts) => parts
                    .into_iter()
                    .map(|(part, resolved)| Query::new(part, resolved, &gazetteer))
                    .collect(),
            };
            let own = cli::split_stop_date(argument).1;
            queries
                .into_iter()
                .map(|query| {
                    let day = day_at(given, &query, own)?;
                    Ok((query, day))
                })
                .collect()
        };
        // The home is judged on the first stop's date.
        let resolve = |text: &String, first_day: NaiveDate| -> Result<Query<'_>, Failure> {
            let resolved = gazetteer
                .resolve(text)
                .map_err(|error| place_error(TravelDate::Day(first_day), error))?;
            Ok(Query::new(text.clone(), resolved, &gazetteer))
        };
        let home = |first_day: NaiveDate| {
            let dated = args
                .home
                .as_deref()
                .is_some_and(|home| cli::split_stop_date(home).1.is_some());
            let home = if dated {
                let said = |words: &dyn Messages| words.home_date().to_string();
                let mut failure = Failure::plain(ErrorKind::Usage, said(messages), said(&English));
                failure.report.query = args.home.clone();
                Err(failure)
            } else {
                args.home
                    .as_ref()
                    .map(|home| resolve(home, first_day))
                    .transpose()
            };
            home.map_err(|failure| within(messages, args.home_from.name("--home"), failure))
        };
        let licence = verdict::Licence {
            stage: args.stage,
            issued: args.issued,
            kind: args.holder,
            has_digital: args.has_digital,
        };
        if args.places.len() > cli::MAX_PLACES {
            let said =
                |words: &dyn Messages| words.too_many_places(args.places.len(), cli::MAX_PLACES);
            Err(Failure::plain(
                ErrorKind::Usage,
                said(messages),
                said(&English),
            ))?;
        }
        if args.places.iter().any(|place| place == "-") {
            if args.places.len() != 1 {
                let said = |words: &dyn Messages| words.dash_alone().to_string();
                Err(Failure::plain(
                    ErrorKind::Usage,
                    said(messages),
                    said(&English),
                ))?;
            }
            let batch = batch::Batch {
                dataset,
                gazetteer: &gazetteer,
                on: given_on,
                now,
                license: args.license,
                licence,
                home: home(on)?,
                home_name: args.home_from.name("--home"),
                format: args.format,
                quiet: args.quiet,
                messages,
            };
            let stdin = io::stdin();
            return batch.run(&mut stdin.lock(), self.out, &mut io::stderr().lock());
        }
        let stops: Vec<(Query<'_>, NaiveDate)> = args
            .places
            .iter()
            .map(read)
            .collect::<Result<Vec<_>, Failure>>()?
            .into_iter()
            .flatten()
            .collect();
        // Without --on, the trip's date is its first stop's.
        let first_day = stops.iter().map(|(_, day)| *day).min().unwrap_or(on);
        let on = if args.on.is_some() { on } else { first_day };
        let home = home(first_day)?;
        let trip = verdict::judge_licence(dataset, on, args.license, licence, stops, home)
            .map_err(|ambiguous| {
                // Stops are judged before the home: a query no stop has is the home's.
                let home_query = !args
                    .places
                    .iter()
                    .any(|place| cli::split_stop_date(place).0 == ambiguous.query)
                    && args.home.as_ref() == Some(&ambiguous.query);
                let failure = Failure::new(messages, |words| {
                    output::ambiguous_report(dataset, &gazetteer, &ambiguous, words)
                });
                if home_query {
                    within(messages, args.home_from.name("--home"), failure)
                } else {
                    failure
                }
            })?;
        if !args.quiet {
            match args.format {
                Format::Human => output::check_human(self.out, &trip, self.palette, messages)?,
                Format::Json => output::check_json(self.out, &trip, dataset)?,
                Format::Tsv => output::check_tsv(self.out, &trip, dataset)?,
            }
        }
        Ok(trip.verdict.exit_code())
    }

    fn list(&mut self, args: &ListArgs) -> anyhow::Result<u8> {
        let (dataset, messages) = (&self.dataset, self.messages);
        let on = option_date(args.on, self.now, messages)?;
        let gazetteer = Gazetteer::new(dataset.divisions);
        if let Some(text) = &args.country {
            let country = jurisdiction(dataset, &gazetteer, text, on, messages)?;
            let home = args
                .home
                .as_ref()
                .map(|text| home_within(dataset, &gazetteer, text, country, on, messages))
                .transpose()?;
            let licence = verdict::Licence {
                stage: args.stage,
                issued: args.issued,
                kind: args.holder,
                has_digital: args.has_digital,
            };
            let places = verdict::country_standings(dataset, country, on, home, licence);
            match args.format {
                Format::Human => output::country_human(self.out, &places, messages)?,
                Format::Json => output::country_json(self.out, country, &places, dataset, on)?,
                Format::Tsv => output::country_tsv(self.out, &places)?,
            }
            return Ok(0);
        }
        let province = match &args.province {
            Some(text) => Some(
                unique_place(
                    dataset,
                    &gazetteer,
                    text,
                    Some(Level::Province),
                    on,
                    messages,
                )
                .and_then(|(place, _)| {
                    place
                        .division()
                        .ok_or_else(|| wrong_level(text, Some(Level::Province), messages))
                })
                .map_err(|failure| within(messages, "--province", failure))?,
            ),
            None => None,
        };
        // The four municipalities are prefecture-level for this purpose: each is its own city.
        let level = args.level;
        let wanted = dataset
            .divisions
            .iter()
            .filter(move |division| {
                division.level == level
                    || (level == Level::Prefecture && division.kind == Kind::Municipality)
            })
            .filter(move |division| province.is_none_or(|p| division.province == p.code));
        let places = verdict::standings(dataset, wanted, on);
        if args.format == Format::Tsv {
            // Streamed: every county is thousands of rows that need not be held at once.
            let places =
                places.filter(|place| args.status.is_none_or(|status| place.status == status));
            output::list_tsv(self.out, places, dataset)?;
            return Ok(0);
        }
        let listing = output::Listing::new(on, args.on.is_some(), places, args.status);
        match args.format {
            Format::Human => output::list_human(self.out, &listing, dataset, messages)?,
            Format::Json | Format::Tsv => output::list_json(self.out, &listing, dataset)?,
        }
        Ok(0)
    }

    fn show(&mut self, args: &ShowArgs) -> anyhow::Result<u8> {
        let (dataset, messages) = (&self.dataset, self.messages);
        let gazetteer = Gazetteer::new(dataset.divisions);
        let on = option_date(args.on, self.now, messages)?;
        let (place, notes) = unique_place(dataset, &gazetteer, &args.place, None, on, messages)?;
        let place = verdict::shown(dataset, place, on);
        match args.format {
            ShowFormat::Human => {
                output::show_human(self.out, &place, dataset, on, &notes, messages)?
            }
            ShowFormat::Json => {
                output::show_json(self.out, &args.place, &place, dataset, on, &notes)?
            }
        }
        Ok(0)
    }

    fn timeline(&mut self, args: &TimelineArgs) -> anyhow::Result<u8> {
        let dataset = &self.dataset;
        let gazetteer = Gazetteer::new(dataset.divisions);
        let country = args
            .country
            .as_ref()
            .map(|text| {
                jurisdiction(
                    dataset,
                    &gazetteer,
                    text,
                    self.now.today_in_china(),
                    self.messages,
                )
            })
            .transpose()?;
        // The mainland's timeline is its rollout's, as without --country.
        if let Some(country) =
            country.filter(|row| row.division_code() != Some(data::world::DivisionLink::Whole))
        {
            let steps = verdict::scheme_timeline(dataset, country);
            match args.format {
                Format::Human => output::scheme_timeline_human(self.out, &steps, self.messages)?,
                Format::Json => output::scheme_timeline_json(self.out, country, &steps)?,
                Format::Tsv => output::scheme_timeline_tsv(self.out, &steps)?,
            }
            return Ok(0);
        }
        let steps = verdict::timeline(dataset);
        match args.format {
            Format::Human => output::timeline_human(
                self.out,
                &steps,
                dataset,
                self.now.today_in_china(),
                self.messages,
            )?,
            Format::Json => output::timeline_json(self.out, &steps, dataset)?,
            Format::Tsv => output::timeline_tsv(self.out, &steps, dataset)?,
        }
        Ok(0)
    }

    fn data(&mut self, args: &DataArgs) -> anyhow::Result<u8> {
        let dataset = &self.dataset;
        match args.format {
            Format::Human => {
                output::data_human(self.out, dataset, self.now.today_in_china(), self.messages)?
            }
            Format::Json => output::data_json(self.out, dataset)?,
            Format::Tsv => output::data_tsv(self.out, dataset)?,
        }
        Ok(0)
    }
}

/// `edl data --check FILE`: every problem, each on its own line with its position, or a summary.
/// Validates a data file of either kind: a schemes file (`[[scheme]]`, `[[rule]]` …) or a
/// rollout file, read once.
fn check_data_file(path: &Path, out: &mut dyn Write) -> anyhow::Result<u8> {
    let name = path.display().to_string();
    let text = data::read_data_file(path, &name)?;
    let parsed = match data::schemes::file_kind(&text) {
        data::schemes::FileKind::Rollout => {
            data::Rollout::parse(&text, &name, data::Divisions::bundled()).map(|rollout| {
                format!(
                    "{name}: ok ({} facts, {} sources, version {})",
                    rollout.facts.len(),
                    rollout.sources.len(),
                    rollout.version
                )
            })
        }
        data::schemes::FileKind::Recognition => {
            data::recognition::Recognition::parse(&text, &name).map(|file| {
                format!(
                    "{name}: ok ({} rules, {} parties, {} gaps, version {})",
                    file.rules.len(),
                    file.parties.len(),
                    file.gaps.len(),
                    file.version
                )
            })
        }
        data::schemes::FileKind::Schemes => {
            data::schemes::Schemes::parse(&text, &name).map(|schemes| {
                format!(
                    "{name}: ok ({} schemes, {} rules, {} baselines, {} gaps, {} sources, version {})",
                    schemes.schemes.len(),
                    schemes.rules.len(),
                    schemes.baselines.len(),
                    schemes.gaps.len(),
                    schemes.sources.len(),
                    schemes.version
                )
            })
        }
    };
    match parsed {
        Ok(summary) => {
            writeln!(out, "{summary}")?;
            Ok(0)
        }
        Err(problems) => {
            for problem in &problems {
                eprintln!("{}", output::error_line(&problem.to_string()));
            }
            Ok(2)
        }
    }
}

/// The longest path the system opens (Linux's `PATH_MAX`).
const MAX_PATH_BYTES: usize = 4096;

/// A data file's path, if it is one the system could open: a longer one is refused before it is
/// used, so that no message repeats all of it.
fn data_path<'p>(path: &'p Path, messages: &dyn Messages) -> anyhow::Result<&'p Path> {
    let bytes = path.as_os_str().len();
    anyhow::ensure!(
        bytes <= MAX_PATH_BYTES,
        messages.path_too_long(bytes, &i18n::echo(&path.to_string_lossy()), MAX_PATH_BYTES)
    );
    Ok(path)
}

/// The day `--on` means (today in China without it).
fn option_date(
    on: Option<TravelDate>,
    now: clock::Now,
    messages: &dyn Messages,
) -> Result<NaiveDate, Failure> {
    let given = on.unwrap_or(TravelDate::TODAY);
    given.day(|| now.today_in_china()).map_err(|error| {
        within(
            messages,
            "--on",
            date_failure(messages, &given.to_string(), error),
        )
    })
}

/// A date that was refused, as the language says it.
fn date_failure(messages: &dyn Messages, text: &str, error: dates::DateError) -> Failure {
    let said = |words: &dyn Messages| words.bad_date(&i18n::echo(text), &words.date_problem(error));
    let mut failure = Failure::plain(ErrorKind::BadDate, said(messages), said(&English));
    failure.report.query = Some(text.to_string());
    failure
}

/// A PLACE that reads as a date: the user most likely forgot `--on`.
fn date_for_place(messages: &dyn Messages, text: &str, date: TravelDate) -> Failure {
    let hint = format!("--on {date}");
    let said = |words: &dyn Messages| {
        format!(
            "{}{}",
            words.date_for_place(&i18n::echo(text)),
            words.did_you_mean(&hint)
        )
    };
    let mut failure = Failure::plain(ErrorKind::Usage, said(messages), said(&English));
    failure.report.query = Some(text.to_string());
    failure
}

/// An error about the value of an option or of the variable it came from, said as the
/// language says it ("in --home: …", "in EDL_HOME: …").
fn within(messages: &dyn Messages, name: &str, failure: Failure) -> Failure {
    let prefix = |words: &dyn Messages| format!("{}{}", words.within(name), words.colon());
    failure.within(&prefix(messages), &prefix(&English))
}

/// Resolves a query that must name exactly one place (a division of `level`, if given), with
/// what the reading assumed; the places of an error are reported as they stand on `on`.
fn unique_place<'d>(
    dataset: &'d Dataset,
    gazetteer: &Gazetteer<'d>,
    text: &str,
    level: Option<Level>,
    on: NaiveDate,
    messages: &dyn Messages,
) -> Result<(Place<'d>, Vec<PlaceNote<'d>>), Failure> {
    let resolved = gazetteer.resolve(text).map_err(|error| {
        Failure::new(messages, |words| {
            output::place_error_report(dataset, gazetteer, &error, on, words)
        })
    })?;
    let found: Vec<Place<'d>> = resolved
        .places
        .into_iter()
        .filter(|place| {
            level.is_none_or(|level| place.division().is_some_and(|d| d.level == level))
        })
        .collect();
    match found.as_slice() {
        [one] => Ok((*one, resolved.notes)),
        [] => Err(wrong_level(text, level, messages)),
        many => Err(Failure::new(messages, |words| {
            output::several_places_report(dataset, gazetteer, text, many, on, words)
        })),
    }
}

/// The jurisdiction `--country` names: whatever `--home` takes (AU, Australia, 澳大利亚, HK, CN,
/// Montana, NSW), as the world row of that country, territory or first-level subdivision.
fn jurisdiction<'d>(
    dataset: &'d Dataset,
    gazetteer: &Gazetteer<'d>,
    text: &str,
    on: NaiveDate,
    messages: &dyn Messages,
) -> Result<&'static data::world::WorldPlace, Failure> {
    let found = unique_place(dataset, gazetteer, text, None, on, messages)
        .map_err(|failure| within(messages, "--country", failure))?;
    let row = match found.0 {
        Place::World(row) => Some(row),
        Place::Division(division) => data::world::World::bundled().of_division(division.code),
    };
    match row {
        Some(row) if row.kind != data::world::PlaceKind::City => Ok(row),
        _ => {
            let mut failure = Failure::plain(
                ErrorKind::WrongLevel,
                messages.not_a_country(&i18n::echo(text)),
                English.not_a_country(&i18n::echo(text)),
            );
            failure.report.query = Some(text.to_string());
            Err(within(messages, "--country", failure))
        }
    }
}

/// `--home` beside `--country`: a name several places share means the one in the jurisdiction
/// (`--country US --home Montana`), else it must name one place.
fn home_within<'d>(
    dataset: &'d Dataset,
    gazetteer: &Gazetteer<'d>,
    text: &str,
    country: &'static data::world::WorldPlace,
    on: NaiveDate,
    messages: &dyn Messages,
) -> Result<Place<'d>, Failure> {
    let inside = |place: &Place<'d>| {
        let (of_country, subdivision) = place.regions(dataset.divisions);
        [of_country, subdivision, place_row(*place)]
            .into_iter()
            .flatten()
            .any(|row| std::ptr::eq(row, country))
    };
    if let Ok(resolved) = gazetteer.resolve(text)
        && let [one] = resolved
            .places
            .iter()
            .filter(|place| inside(place))
            .collect::<Vec<_>>()
            .as_slice()
    {
        return Ok(**one);
    }
    unique_place(dataset, gazetteer, text, None, on, messages)
        .map(|(place, _)| place)
        .map_err(|failure| within(messages, "--home", failure))
}

/// The world row a place is, if it is one.
fn place_row(place: Place<'_>) -> Option<&'static data::world::WorldPlace> {
    match place {
        Place::World(row) => Some(row),
        Place::Division(_) => None,
    }
}

/// A place that is not of the level asked for (`--province 成都`).
fn wrong_level(text: &str, level: Option<Level>, messages: &dyn Messages) -> Failure {
    let mut failure = Failure::plain(
        ErrorKind::WrongLevel,
        messages.not_a(&i18n::echo(text), level),
        English.not_a(&i18n::echo(text), level),
    );
    failure.report.query = Some(text.to_string());
    failure
}

/// The manual: one page with every command and its options (no page refers to another, so
/// none can be missing), then the exit codes, the environment and examples.
fn man_page(out: &mut dyn Write, lang: Lang) -> io::Result<()> {
    use roff::{Roff, bold, italic, roman};
    let words = lang.messages().man();
    let mut command = cli::localized_command(lang).unwrap_or_else(Cli::command);
    let man = clap_mangen::Man::new(command.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    let mut roff = Roff::new();
    roff.control("SH", [words.sections[0]]);
    roff.text([roman(words.commands_intro)]);
    // Subcommands get their arguments when built (clap's `defer`).
    command.build();
    for sub in command
        .get_subcommands()
        .filter(|sub| sub.get_name() != "help")
    {
        let usage = sub.clone().render_usage().to_string();
        let usage = usage.trim_start_matches("Usage: ").to_string();
        roff.control("SS", [usage.as_str()]);
        if let Some(about) = sub.get_long_about().or(sub.get_about()) {
            roff.text([roman(about.to_string())]);
        }
        let shared = ["data", "color", "lang", "help", "version"];
        for arg in sub
            .get_arguments()
            .filter(|arg| !arg.is_hide_set() && !shared.contains(&arg.get_id().as_str()))
        {
            let value = arg.get_value_names().map(|names| {
                names
                    .iter()
                    .map(|name| format!("<{name}>"))
                    .collect::<Vec<_>>()
                    .join(" ")
            });
            let mut term = Vec::new();
            if arg.is_positional() {
                let many = arg
                    .get_num_args()
                    .is_some_and(|range| range.max_values() > 1);
                term.push(italic(format!(
                    "{}{}",
                    value.unwrap_or_default(),
                    if many { "..." } else { "" }
                )));
            } else {
                let mut flags = Vec::new();
                if let Some(short) = arg.get_short() {
                    flags.push(format!("-{short}"));
                }
                if let Some(long) = arg.get_long() {
                    flags.push(format!("--{long}"));
                }
                term.push(bold(flags.join(", ")));
                if let Some(value) = value.filter(|_| arg.get_action().takes_values()) {
                    term.push(roman(" "));
                    term.push(italic(value));
                }
            }
            let mut text = arg
                .get_long_help()
                .or(arg.get_help())
                .map(ToString::to_string)
                .unwrap_or_default();
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|value| !value.is_hide_set())
                .map(|value| value.get_name().to_string())
                .collect();
            if !values.is_empty() && !arg.is_hide_possible_values_set() {
                text.push_str(&format!(" [{}: {}]", words.labels[0], values.join(", ")));
            }
            let defaults: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|value| value.to_string_lossy().into_owned())
                .collect();
            if !defaults.is_empty() && arg.get_action().takes_values() {
                text.push_str(&format!(" [{}: {}]", words.labels[1], defaults.join(", ")));
            }
            if let Some(variable) = arg.get_env() {
                text.push_str(&format!(
                    " [{}: {}]",
                    words.labels[2],
                    variable.to_string_lossy()
                ));
            }
            roff.control("TP", []).text(term).text([roman(text)]);
        }
    }
    let mut section = |title: &str, rows: &[(&str, &str)]| {
        roff.control("SH", [title]);
        for (term, text) in rows {
            roff.control("TP", [])
                .text([bold(*term)])
                .text([roman(*text)]);
        }
    };
    section(words.sections[1], words.exit_codes);
    section(words.sections[2], words.environment);
    section(words.sections[3], words.examples);
    roff.to_writer(out)?;
    man.render_version_section(out)
}

/// Colour as ripgrep and fd decide it: `auto` means a terminal, no `NO_COLOR`, and not `TERM=dumb`.
fn use_colour(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
                && std::env::var_os("TERM").is_none_or(|term| term != "dumb")
        }
    }
}
