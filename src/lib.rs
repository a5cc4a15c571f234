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
use std::path::Path;

use chrono::{FixedOffset, NaiveDate, Utc};
use clap::CommandFactory;

use crate::cli::{
    CheckArgs, Cli, ColorChoice, Command, DataArgs, Format, ListArgs, ShowArgs, ShowFormat,
    TimelineArgs, TravelDate,
};
use crate::data::{Dataset, Division, Level};
use crate::i18n::{Lang, Messages};
use crate::output::Palette;
use crate::place::Gazetteer;
use crate::verdict::{Placed, Query};

/// The language a command line asks for: `--lang`, then `EDL_LANG` (both parsed by clap), then
/// the locale.
pub fn language(cli: &Cli) -> Lang {
    cli.options
        .lang
        .unwrap_or_else(|| Lang::from_locale(|name| std::env::var(name).ok()))
}

/// Runs a parsed command line, writing to stdout. Returns the exit code of an answer; every
/// error (exit code 2) comes back as `Err`, already in the user's language.
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let code = dispatch(cli, &mut out)?;
    out.flush()?;
    Ok(code)
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
        }) => return check_rollout_file(data_path(path, messages)?, out),
        _ => {}
    }
    let dataset = match &cli.options.data {
        Some(path) => data_path(path, messages)
            .and_then(Dataset::with_rollout_file)
            .map_err(|error| {
                // A problem at a line and column keeps the FILE:LINE:COL shape editors read;
                // it names the file already.
                let located = error.downcast_ref::<data::DataErrors>().is_some()
                    || error.downcast_ref::<data::DataError>().is_some();
                match cli.options.data_from {
                    cli::Given::Environment if !located => within(messages, "EDL_DATA", error),
                    _ => error,
                }
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
        let resolve = |text: &String| -> anyhow::Result<Query<'_>> {
            let candidates = gazetteer.resolve(text).map_err(|error| {
                anyhow::anyhow!(i18n::place_error(dataset.divisions, &error, messages))
            })?;
            Ok(Query {
                text: text.clone(),
                candidates,
            })
        };
        anyhow::ensure!(
            args.places.len() <= cli::MAX_PLACES,
            messages.too_many_places(args.places.len(), cli::MAX_PLACES)
        );
        if args.places.iter().any(|place| place == "-") {
            anyhow::ensure!(args.places.len() == 1, messages.dash_alone());
            let home = args
                .home
                .as_ref()
                .map(resolve)
                .transpose()
                .map_err(|e| within(messages, args.home_from.name("--home"), e))?;
            let batch = batch::Batch {
                dataset,
                gazetteer: &gazetteer,
                on,
                today: *today,
                license: args.license,
                home: home.map(|query| (query.text, query.candidates)),
                home_name: args.home_from.name("--home"),
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
            .map(resolve)
            .collect::<anyhow::Result<Vec<_>>>()?;
        let home = args
            .home
            .as_ref()
            .map(resolve)
            .transpose()
            .map_err(|e| within(messages, args.home_from.name("--home"), e))?;
        let trip = verdict::judge(dataset, on, args.license, stops, home).map_err(|ambiguous| {
            let error = anyhow::anyhow!(messages.ambiguous(&ambiguous));
            // Stops are judged before the home: a query no stop has is the home's.
            if args.places.contains(&ambiguous.query) {
                error
            } else {
                within(messages, args.home_from.name("--home"), error)
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
        let on = args.on.unwrap_or(TravelDate::Today).day(today_in_china);
        let gazetteer = Gazetteer::new(dataset.divisions);
        let province = match &args.province {
            Some(text) => Some(
                unique_place(&gazetteer, text, Some(Level::Province), messages)
                    .map_err(|e| within(messages, "--province", e))?,
            ),
            None => None,
        };
        let wanted = dataset
            .divisions
            .iter()
            .filter(|division| division.level == args.level)
            .filter(move |division| province.is_none_or(|p| division.province == p.code));
        let places = verdict::standings(dataset, wanted, on)
            .filter(|place| args.status.is_none_or(|status| place.status == status));
        if args.format == Format::Tsv {
            // Streamed: every county is thousands of rows that need not be held at once.
            output::list_tsv(self.out, places)?;
            return Ok(0);
        }
        let listing = output::Listing {
            on,
            dated: args.on.is_some(),
            places: places.collect(),
        };
        match args.format {
            Format::Human => output::list_human(self.out, &listing, dataset, messages)?,
            Format::Json | Format::Tsv => output::list_json(self.out, &listing, dataset)?,
        }
        Ok(0)
    }

    fn show(&mut self, args: &ShowArgs) -> anyhow::Result<u8> {
        let (dataset, messages) = (&self.dataset, self.messages);
        let gazetteer = Gazetteer::new(dataset.divisions);
        let division = unique_place(&gazetteer, &args.place, None, messages)?;
        let on = args.on.unwrap_or(TravelDate::Today).day(today_in_china);
        let place = verdict::assess(dataset, division, on);
        match args.format {
            ShowFormat::Human => output::show_human(self.out, &place, dataset, on, messages)?,
            ShowFormat::Json => output::show_json(self.out, &place, dataset, on)?,
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
fn check_rollout_file(path: &Path, out: &mut dyn Write) -> anyhow::Result<u8> {
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

/// An error about the value of an option or of the variable it came from, said as the
/// language says it ("in --home: …", "in EDL_HOME: …").
fn within(messages: &dyn Messages, name: &str, error: anyhow::Error) -> anyhow::Error {
    anyhow::anyhow!("{}{}{error:#}", messages.within(name), messages.colon())
}

/// Resolves a query that must name exactly one division (of `level`, if given).
fn unique_place<'d>(
    gazetteer: &Gazetteer<'d>,
    text: &str,
    level: Option<Level>,
    messages: &dyn Messages,
) -> anyhow::Result<&'d Division> {
    let found = gazetteer.resolve(text).map_err(|error| {
        anyhow::anyhow!(i18n::place_error(gazetteer.divisions(), &error, messages))
    })?;
    let found: Vec<&Division> = found
        .into_iter()
        .filter(|d| level.is_none_or(|level| d.level == level))
        .collect();
    match found.as_slice() {
        [one] => Ok(one),
        [] => anyhow::bail!(messages.not_a(&i18n::echo(text), level)),
        many => {
            let divisions = gazetteer.divisions();
            let listed: Vec<String> = many
                .iter()
                .map(|d| {
                    let place = Placed {
                        division: d,
                        province: divisions.province_of(d),
                    };
                    format!("{} {}", messages.place_in(place), d.code)
                })
                .collect();
            anyhow::bail!(messages.several_places(&i18n::echo(text), &listed))
        }
    }
}

/// The manual: one page with every command and its options (no page refers to another, so
/// none can be missing), then the exit codes, the environment and examples.
fn man_page(out: &mut dyn Write) -> io::Result<()> {
    use roff::{Roff, bold, italic, roman};
    let mut command = Cli::command();
    let man = clap_mangen::Man::new(command.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    let mut roff = Roff::new();
    roff.control("SH", ["COMMANDS"]);
    roff.text([roman(
        "Each command also takes the options above (--data, --color, --lang), before its name or after it.",
    )]);
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
                text.push_str(&format!(" [possible values: {}]", values.join(", ")));
            }
            let defaults: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|value| value.to_string_lossy().into_owned())
                .collect();
            if !defaults.is_empty() && arg.get_action().takes_values() {
                text.push_str(&format!(" [default: {}]", defaults.join(", ")));
            }
            if let Some(variable) = arg.get_env() {
                text.push_str(&format!(" [env: {}]", variable.to_string_lossy()));
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
