//! `edl` tells a driver whether China's electronic driver's license (电子驾驶证) is enough where
//! and when they drive, or whether to bring the physical card.
//!
//! The data flows one way: [`data`] (the bundled divisions and rollout facts) → [`place`] (what the
//! user typed → divisions) → [`verdict`] (divisions, date and license → an answer) → [`output`]
//! (the answer → human, JSON or TSV). This file wires a parsed command line to that chain.

pub mod cli;
pub mod data;
pub mod output;
pub mod place;
pub mod verdict;

use std::io::{self, IsTerminal, Write};

use anyhow::Context;
use chrono::{Days, FixedOffset, NaiveDate, Utc};

use crate::cli::{CheckArgs, Cli, ColorChoice, Command, Format, TravelDate};
use crate::data::Dataset;
use crate::output::Palette;
use crate::place::{Gazetteer, PlaceError};
use crate::verdict::Query;

/// Runs a parsed command line, writing to stdout. Returns the exit code of an answer; every
/// error (exit code 2) comes back as `Err`.
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    let dataset = match &cli.data {
        Some(path) => Dataset::with_rollout_file(path)?,
        None => Dataset::bundled(),
    };
    let palette = Palette {
        enabled: use_colour(cli.color),
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let code = match cli.command {
        Command::Check(args) => check(&dataset, &args, palette, &mut out)?,
    };
    out.flush()?;
    Ok(code)
}

fn check(
    dataset: &Dataset,
    args: &CheckArgs,
    palette: Palette,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    let on = travel_day(args.on.unwrap_or(TravelDate::Today), today_in_china());
    let gazetteer = Gazetteer::new(dataset.divisions);
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

/// A place error as one sentence, with the closest names when the place is unknown.
fn explain(gazetteer: &Gazetteer<'_>, error: PlaceError) -> anyhow::Error {
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
                d.short,
                d.pinyin,
                divisions.province_of(d).name
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

fn travel_day(date: TravelDate, today: NaiveDate) -> NaiveDate {
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
