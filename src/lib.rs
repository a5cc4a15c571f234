//! `edl` tells a driver whether China's electronic driver's license (电子驾驶证) is enough where
//! and when they drive, or whether to bring the physical card.
//!
//! The data flows one way: [`data`] (the bundled divisions and rollout facts) → [`place`] (what the
//! user typed → divisions) → [`verdict`] (divisions, date and license → an answer) → [`output`]
//! (the answer → human, JSON or TSV, in words from [`i18n`]). This file wires a parsed command
//! line to that chain.

pub mod batch;
pub mod cli;
pub mod data;
pub mod i18n;
pub mod output;
pub mod place;
pub mod verdict;

use std::cell::LazyCell;
use std::io::{self, IsTerminal, Write};

use chrono::{FixedOffset, NaiveDate, Utc};
use clap::CommandFactory;

use crate::cli::{
    CheckArgs, Cli, ColorChoice, Command, DataArgs, Format, ListArgs, ShowArgs, ShowFormat,
    TimelineArgs, TravelDate,
};
use crate::data::{Dataset, Division, Kind, Level};
use crate::i18n::{English, Lang, Messages};
use crate::output::{ErrorKind, Failure, Palette};
use crate::place::{Gazetteer, PlaceError, PlaceNote, Reading};
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
pub fn usage_failure(error: &clap::Error, lang: Lang) -> Failure {
    use clap::error::{ContextKind, ContextValue};
    let said = |words: &dyn Messages| {
        words.usage_error(error).unwrap_or_else(|| {
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
        })
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
            man_page(out)?;
            return Ok(0);
        }
        Command::Data(DataArgs {
            check: Some(path), ..
        }) => return check_rollout_file(path, out),
        _ => {}
    }
    let dataset = match &cli.options.data {
        Some(path) => Dataset::with_rollout_file(path).map_err(|error| {
            // The data file's problems are said in English in every language.
            let said = format!("{error:#}");
            Failure::plain(ErrorKind::BadData, said.clone(), said)
        })?,
        None => Dataset::bundled(),
    };
    let mut session = Session {
        dataset,
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
        // Read once, and only when something needs it: a date on the command line for one
        // answer needs no clock, and every line of a batch sees the same today.
        let today = LazyCell::new(today_in_china);
        let on = args.on.unwrap_or(TravelDate::Today).day(|| *today);
        let gazetteer = Gazetteer::new(dataset.divisions);
        let place_error = |error: PlaceError| {
            Failure::new(messages, |words| {
                output::place_error_report(dataset, &gazetteer, &error, on, words)
            })
        };
        let resolve = |text: &String| -> Result<Query<'_>, Failure> {
            let resolved = gazetteer.resolve(text).map_err(place_error)?;
            Ok(Query::new(text.clone(), resolved, &gazetteer))
        };
        // One argument may name several stops ("上海 苏州 南京").
        let read = |text: &String| -> Result<Vec<Query<'_>>, Failure> {
            Ok(match gazetteer.read(text).map_err(place_error)? {
                Reading::One(resolved) => vec![Query::new(text.clone(), resolved, &gazetteer)],
                Reading::Several(parts) => parts
                    .into_iter()
                    .map(|(part, resolved)| Query::new(part, resolved, &gazetteer))
                    .collect(),
            })
        };
        let home = || {
            args.home
                .as_ref()
                .map(resolve)
                .transpose()
                .map_err(|failure| within(messages, "--home", failure))
        };
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
                on,
                today: *today,
                license: args.license,
                home: home()?,
                format: args.format,
                quiet: args.quiet,
                messages,
            };
            let stdin = io::stdin();
            return batch.run(&mut stdin.lock(), self.out, &mut io::stderr().lock());
        }
        let stops = args
            .places
            .iter()
            .map(read)
            .collect::<Result<Vec<_>, Failure>>()?
            .into_iter()
            .flatten()
            .collect();
        let home = home()?;
        let trip = verdict::judge(dataset, on, args.license, stops, home).map_err(|ambiguous| {
            Failure::new(messages, |words| {
                output::ambiguous_report(dataset, &gazetteer, &ambiguous, words)
            })
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
        let on = args.on.unwrap_or(TravelDate::Today).day(today_in_china);
        let gazetteer = Gazetteer::new(dataset.divisions);
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
                .map_err(|failure| within(messages, "--province", failure))?
                .0,
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
        let on = args.on.unwrap_or(TravelDate::Today).day(today_in_china);
        let (division, notes) = unique_place(dataset, &gazetteer, &args.place, None, on, messages)?;
        let place = verdict::assess(dataset, division, on);
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
        let steps = verdict::timeline(dataset);
        match args.format {
            Format::Human => {
                output::timeline_human(self.out, &steps, dataset, today_in_china(), self.messages)?
            }
            Format::Json => output::timeline_json(self.out, &steps, dataset)?,
            Format::Tsv => output::timeline_tsv(self.out, &steps, dataset)?,
        }
        Ok(0)
    }

    fn data(&mut self, args: &DataArgs) -> anyhow::Result<u8> {
        let dataset = &self.dataset;
        match args.format {
            Format::Human => {
                output::data_human(self.out, dataset, today_in_china(), self.messages)?
            }
            Format::Json => output::data_json(self.out, dataset)?,
            Format::Tsv => output::data_tsv(self.out, dataset)?,
        }
        Ok(0)
    }
}

/// `edl data --check FILE`: every problem, each on its own line with its position, or a summary.
fn check_rollout_file(path: &std::path::Path, out: &mut dyn Write) -> anyhow::Result<u8> {
    match data::parse_rollout_file(path, data::Divisions::bundled()) {
        Ok(rollout) => {
            writeln!(
                out,
                "{}: ok ({} facts, {} sources, version {})",
                path.display(),
                rollout.facts.len(),
                rollout.sources.len(),
                rollout.version
            )?;
            Ok(0)
        }
        Err(error) => match error.downcast::<data::DataErrors>() {
            Ok(problems) => {
                for problem in &problems.0 {
                    eprintln!("{}", output::error_line(&problem.to_string()));
                }
                Ok(2)
            }
            Err(other) => Err(other),
        },
    }
}

/// An error about the value of an option, said as the language says it ("in --home: …").
fn within(messages: &dyn Messages, option: &str, failure: Failure) -> Failure {
    let prefix = |words: &dyn Messages| format!("{}{}", words.in_option(option), words.colon());
    failure.within(&prefix(messages), &prefix(&English))
}

/// Resolves a query that must name exactly one division (of `level`, if given), with what the
/// reading assumed; the places of an error are reported as they stand on `on`.
fn unique_place<'d>(
    dataset: &'d Dataset,
    gazetteer: &Gazetteer<'d>,
    text: &str,
    level: Option<Level>,
    on: NaiveDate,
    messages: &dyn Messages,
) -> Result<(&'d Division, Vec<PlaceNote<'d>>), Failure> {
    let resolved = gazetteer.resolve(text).map_err(|error| {
        Failure::new(messages, |words| {
            output::place_error_report(dataset, gazetteer, &error, on, words)
        })
    })?;
    let found: Vec<&Division> = resolved
        .places
        .into_iter()
        .filter(|d| level.is_none_or(|level| d.level == level))
        .collect();
    match found.as_slice() {
        [one] => Ok((one, resolved.notes)),
        [] => {
            let mut failure = Failure::plain(
                ErrorKind::WrongLevel,
                messages.not_a(text, level),
                English.not_a(text, level),
            );
            failure.report.query = Some(text.to_string());
            Err(failure)
        }
        many => Err(Failure::new(messages, |words| {
            output::several_places_report(dataset, gazetteer, text, many, on, words)
        })),
    }
}

fn man_page(out: &mut dyn Write) -> io::Result<()> {
    use roff::{Roff, bold, roman};
    let man = clap_mangen::Man::new(Cli::command());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    man.render_subcommands_section(out)?;
    let mut roff = Roff::new();
    let mut section = |title: &str, rows: &[(&str, &str)]| {
        roff.control("SH", [title]);
        for (term, text) in rows {
            roff.control("TP", [])
                .text([bold(*term)])
                .text([roman(*text)]);
        }
    };
    section("EXIT STATUS", &cli::EXIT_CODE_TABLE);
    section("ENVIRONMENT", &cli::ENVIRONMENT);
    section("EXAMPLES", &cli::EXAMPLES);
    roff.to_writer(out)?;
    man.render_version_section(out)
}

/// Today's date in China (UTC+8), whatever the machine's time zone.
pub fn today_in_china() -> NaiveDate {
    let china = FixedOffset::east_opt(8 * 3600).expect("UTC+8 is a valid offset");
    Utc::now().with_timezone(&china).date_naive()
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
