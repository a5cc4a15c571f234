//! `edl` tells a driver whether China's electronic driver's license (电子驾驶证) is enough where
//! and when they drive, or whether to bring the physical card.
//!
//! The data flows one way: [`data`] (the bundled divisions and rollout facts) → [`place`] (what the
//! user typed → divisions) → [`verdict`] (divisions, date and license → an answer) → [`output`]
//! (the answer → human, JSON or TSV). This file wires a parsed command line to that chain.

pub mod batch;
pub mod cli;
pub mod data;
pub mod output;
pub mod place;
pub mod verdict;

use std::io::{self, IsTerminal, Write};

use anyhow::Context;
use chrono::{Days, FixedOffset, NaiveDate, Utc};
use clap::CommandFactory;

use crate::cli::{
    CheckArgs, Cli, ColorChoice, Command, DataArgs, Format, ListArgs, ShowArgs, TimelineArgs,
    TravelDate,
};
use crate::data::{Dataset, Division, Level};
use crate::output::Palette;
use crate::place::{Gazetteer, PlaceError};
use crate::verdict::Query;

/// Runs a parsed command line, writing to stdout. Returns the exit code of an answer; every
/// error (exit code 2) comes back as `Err`.
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let code = dispatch(cli, &mut out)?;
    out.flush()?;
    Ok(code)
}

fn dispatch(cli: Cli, out: &mut dyn Write) -> anyhow::Result<u8> {
    let palette = Palette {
        enabled: use_colour(cli.color),
    };
    let load = || match &cli.data {
        Some(path) => Dataset::with_rollout_file(path),
        None => Ok(Dataset::bundled()),
    };
    match &cli.command {
        Command::Check(args) => check(&load()?, args, palette, out),
        Command::List(args) => list(&load()?, args, out),
        Command::Show(args) => show(&load()?, args, out),
        Command::Timeline(args) => timeline(&load()?, args, out),
        Command::Data(args) => data_command(&load()?, args, out),
        Command::Completions { shell } => {
            clap_complete::generate(*shell, &mut Cli::command(), "edl", out);
            Ok(0)
        }
        Command::Man => {
            man_page(out)?;
            Ok(0)
        }
    }
}

fn check(
    dataset: &Dataset,
    args: &CheckArgs,
    palette: Palette,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    let today = today_in_china();
    let on = travel_day(args.on.unwrap_or(TravelDate::Today), today);
    let gazetteer = Gazetteer::new(dataset.divisions);
    if args.places.iter().any(|place| place == "-") {
        anyhow::ensure!(
            args.places.len() == 1,
            "`-` (read places from stdin) must be the only PLACE"
        );
        let home = match &args.home {
            Some(text) => {
                let candidates = gazetteer
                    .resolve(text)
                    .map_err(|error| explain(&gazetteer, error))
                    .context("in --home")?;
                Some((text.clone(), candidates))
            }
            None => None,
        };
        let batch = batch::Batch {
            dataset,
            gazetteer: &gazetteer,
            on,
            today,
            license: args.license,
            home,
            format: args.format,
            quiet: args.quiet,
            palette,
        };
        let stdin = io::stdin();
        return batch.run(&mut stdin.lock(), out, &mut io::stderr().lock());
    }
    let query = |text: &String| -> anyhow::Result<Query<'_>> {
        let candidates = gazetteer
            .resolve(text)
            .map_err(|error| explain(&gazetteer, error))?;
        Ok(Query {
            text: text.clone(),
            candidates,
        })
    };
    let stops = args
        .places
        .iter()
        .map(query)
        .collect::<anyhow::Result<Vec<_>>>()?;
    let home = args
        .home
        .as_ref()
        .map(query)
        .transpose()
        .context("in --home")?;
    let trip = verdict::judge(dataset, on, args.license, stops, home)?;
    if !args.quiet {
        match args.format {
            Format::Human => output::check_human(out, &trip, palette)?,
            Format::Json => output::check_json(out, &trip, dataset)?,
            Format::Tsv => output::check_tsv(out, &trip, dataset)?,
        }
    }
    Ok(trip.verdict.exit_code())
}

fn list(dataset: &Dataset, args: &ListArgs, out: &mut dyn Write) -> anyhow::Result<u8> {
    let on = travel_day(args.on.unwrap_or(TravelDate::Today), today_in_china());
    let gazetteer = Gazetteer::new(dataset.divisions);
    let province = match &args.province {
        Some(text) => {
            Some(unique_place(&gazetteer, text, Some(Level::Province)).context("in --province")?)
        }
        None => None,
    };
    let wanted = dataset
        .divisions
        .iter()
        .filter(|division| division.level == args.level)
        .filter(move |division| province.is_none_or(|p| division.province == p.code));
    let places: Vec<_> = verdict::standings(dataset, wanted, on)
        .filter(|place| args.status.is_none_or(|status| place.status == status))
        .collect();
    let listing = output::Listing {
        on,
        dated: args.on.is_some(),
        places,
    };
    match args.format {
        Format::Human => output::list_human(out, &listing, dataset)?,
        Format::Json => output::list_json(out, &listing, dataset)?,
        Format::Tsv => output::list_tsv(out, &listing)?,
    }
    Ok(0)
}

fn show(dataset: &Dataset, args: &ShowArgs, out: &mut dyn Write) -> anyhow::Result<u8> {
    let gazetteer = Gazetteer::new(dataset.divisions);
    let division = unique_place(&gazetteer, &args.place, None)?;
    let today = travel_day(args.on.unwrap_or(TravelDate::Today), today_in_china());
    let place = verdict::assess(dataset, division, today);
    match args.format {
        Format::Human => output::show_human(out, &place, dataset, today)?,
        Format::Json => output::show_json(out, &place, dataset, today)?,
        Format::Tsv => {
            anyhow::bail!("show has no TSV form: its facts are nested; use --format json")
        }
    }
    Ok(0)
}

fn timeline(dataset: &Dataset, args: &TimelineArgs, out: &mut dyn Write) -> anyhow::Result<u8> {
    let steps = verdict::timeline(dataset);
    match args.format {
        Format::Human => output::timeline_human(out, &steps, dataset, today_in_china())?,
        Format::Json => output::timeline_json(out, &steps, dataset)?,
        Format::Tsv => output::timeline_tsv(out, &steps, dataset)?,
    }
    Ok(0)
}

fn data_command(dataset: &Dataset, args: &DataArgs, out: &mut dyn Write) -> anyhow::Result<u8> {
    if let Some(path) = &args.check {
        return match data::parse_rollout_file(path, dataset.divisions) {
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
                        eprintln!("edl: {}", place::escape(&problem.to_string()));
                    }
                    Ok(2)
                }
                Err(other) => Err(other),
            },
        };
    }
    match args.format {
        Format::Human => output::data_human(out, dataset, today_in_china())?,
        Format::Json => output::data_json(out, dataset)?,
        Format::Tsv => output::data_tsv(out, dataset)?,
    }
    Ok(0)
}

/// Resolves a query that must name exactly one division (of `level`, if given).
fn unique_place<'d>(
    gazetteer: &Gazetteer<'d>,
    text: &str,
    level: Option<Level>,
) -> anyhow::Result<&'d Division> {
    let found = gazetteer
        .resolve(text)
        .map_err(|error| explain(gazetteer, error))?;
    let found: Vec<&Division> = found
        .into_iter()
        .filter(|d| level.is_none_or(|level| d.level == level))
        .collect();
    match found.as_slice() {
        [one] => Ok(one),
        [] => anyhow::bail!("\"{}\" is no {}", text, level.map_or("place", Level::id)),
        many => {
            let divisions = gazetteer.divisions();
            let listed: Vec<String> = many
                .iter()
                .map(|d| {
                    format!(
                        "{} ({}, {})",
                        d.name(),
                        divisions.province_of(d).name(),
                        d.code
                    )
                })
                .collect();
            anyhow::bail!(
                "\"{}\" could be {} places: {}; name the province or use a code",
                text,
                many.len(),
                listed.join("; ")
            )
        }
    }
}

/// The manual page: clap's sections, then exit status, environment and examples.
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

/// A place error as one sentence, with the closest names when the place is unknown.
pub(crate) fn explain(gazetteer: &Gazetteer<'_>, error: PlaceError) -> anyhow::Error {
    let PlaceError::Unknown { suggestions, .. } = &error else {
        return error.into();
    };
    let divisions = gazetteer.divisions();
    let names: Vec<String> = suggestions
        .iter()
        .filter_map(|&code| divisions.get(code))
        .map(|d| {
            format!(
                "{} ({}, {})",
                d.name(),
                d.pinyin(),
                divisions.province_of(d).name()
            )
        })
        .collect();
    if names.is_empty() {
        anyhow::anyhow!("{error}; try a city or county name, its pinyin, or its six-digit code")
    } else {
        anyhow::anyhow!("{error}; did you mean {}?", names.join(", "))
    }
}

/// Today's date in China (UTC+8), whatever the machine's time zone.
pub fn today_in_china() -> NaiveDate {
    let china = FixedOffset::east_opt(8 * 3600).expect("UTC+8 is a valid offset");
    Utc::now().with_timezone(&china).date_naive()
}

pub(crate) fn travel_day(date: TravelDate, today: NaiveDate) -> NaiveDate {
    match date {
        TravelDate::Day(day) => day,
        TravelDate::Today => today,
        TravelDate::Tomorrow => today.checked_add_days(Days::new(1)).unwrap_or(today),
    }
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
