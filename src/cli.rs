//! The command line, defined once with clap: flags, help text, and the values they parse into.
//! The rest of `edl` sees only these validated types, never raw arguments.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::data::Level;
use crate::data::schemes::{HolderKind, Stage};
use crate::dates::{TravelDate, parse_travel_date};
use crate::i18n::Lang;
use crate::verdict::{LicenseState, Status};

/// The help's epilogue: the exit codes (`exit`) and the environment (`i18n`) tables, written out
/// (a test checks that they agree), so that starting `edl` does not format it.
const EPILOGUE: &str = concat!(
    "Exit codes:\n",
    "  0  e-license: the e-license (or, beyond the mainland, the licence's digital licence) is enough at every stop on the date; no-card-needed: at some stop the local law needs no licence carried for this licence, and the rest are e-license\n",
    "  1  bring-card: bring the physical card (a stop is not live yet, or not surely live, or outside the mainland; or the license's home was not live, or no --home was given before every mainland place was surely live; or the state is transferred-out; beyond the mainland: no source lets the licence count there, a source says to carry the card, or sources disagree)\n",
    "  2  error: bad usage, unknown or ambiguous place, bad date, bad data file; with check -, any bad line or no query at all\n",
    "  3  no-valid-license: the license state does not allow driving at all; or, across a border, the licence does not let you drive there (it is not valid, or only a local permit or licence is)\n",
    "\n",
    "Environment:\n",
    "  EDL_DATA     a rollout or schemes file to use instead of the bundled one of its kind (as --data)\n",
    "  EDL_LICENSE  default for --license\n",
    "  EDL_HOME     default for --home\n",
    "  EDL_LANG     default for --lang\n",
    "  EDL_NOW      for tests and reproducible runs: the moment taken as now (2026-12-07T20:00:00Z)\n",
    "  LANG         with LC_ALL and LC_MESSAGES before it: without --lang or EDL_LANG, the first one set picks the language, Chinese if it starts with zh\n",
    "  NO_COLOR     no colour with --color auto\n",
    "  TERM         no colour with --color auto when it is dumb"
);

#[derive(Debug, Parser)]
#[command(
    name = "edl",
    version,
    about = "Is your digital driving licence enough where and when you drive, or must you bring the card?",
    long_about = "Is your digital driving licence (China's 电子驾驶证 in the 交管12123 app, or a digital \
                  licence from beyond the mainland) enough where and when you drive, or must you \
                  bring the physical card? edl answers from bundled, sourced records of China's 2021 \
                  rollout and of digital-licence schemes worldwide, for one place or a whole itinerary.",
    after_help = EPILOGUE
)]
pub struct Cli {
    /// The shared options, wherever they were given (see `Cli::from_matches`).
    #[command(flatten)]
    pub options: Options,

    #[command(subcommand)]
    pub command: Command,
}

// The options every command takes, before its name or after it: `edl --lang zh check 成都` and
// `edl check 成都 --lang zh` are the same. Each command defines them itself rather than as clap
// `global` arguments, because clap copies every global argument into every subcommand at
// start-up, which cost `edl check` a seventh of its start-up time. (Plain comments: a doc
// comment here would become the `about` of every command that flattens this.)
#[derive(Debug, Args)]
pub struct Options {
    /// Use this rollout or schemes file (TOML, a regular file of at most 1 MiB) instead of the
    /// bundled one of its kind
    #[arg(long, value_name = "FILE", env = "EDL_DATA")]
    pub data: Option<PathBuf>,

    /// When to colour the output
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// The language of human output: zh or en [default: from LC_ALL, LC_MESSAGES or LANG]
    #[arg(long, value_enum, value_name = "LANG", env = "EDL_LANG")]
    pub lang: Option<Lang>,

    // Where `data` came from, for errors about it; set by `Cli::from_matches`.
    #[arg(skip)]
    pub data_from: Given,
}

/// Where an option's value came from: its flag, or the variable that stands for it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Given {
    #[default]
    Flag,
    Environment,
}

/// The variables that stand for options, and their options: a flag wins over its variable,
/// and an empty variable counts as unset.
pub const OPTION_VARIABLES: [(&str, &str); 4] = [
    ("EDL_DATA", "--data"),
    ("EDL_LICENSE", "--license"),
    ("EDL_HOME", "--home"),
    ("EDL_LANG", "--lang"),
];

impl Given {
    /// How errors name the option: by its flag, or by the variable it came from.
    pub fn name(self, flag: &'static str) -> &'static str {
        let variable = OPTION_VARIABLES
            .iter()
            .find(|(_, option)| *option == flag)
            .map(|(variable, _)| *variable);
        match (self, variable) {
            (Given::Environment, Some(variable)) => variable,
            _ => flag,
        }
    }
}

/// The variable that a value clap refused came from, if it did: the option it is for was not
/// on the command line (`args`) and the variable is set (`is_set`).
pub fn variable_behind(
    error: &clap::Error,
    args: &[std::ffi::OsString],
    is_set: impl Fn(&str) -> bool,
) -> Option<&'static str> {
    use clap::error::{ContextKind, ContextValue};
    let Some(ContextValue::String(argument)) = error.get(ContextKind::InvalidArg) else {
        return None;
    };
    let (variable, flag) = OPTION_VARIABLES
        .iter()
        .find(|(_, flag)| argument == flag || argument.starts_with(&format!("{flag} ")))?;
    let on_command_line = args.iter().filter_map(|arg| arg.to_str()).any(|arg| {
        arg == *flag
            || arg
                .strip_prefix(flag)
                .is_some_and(|rest| rest.starts_with('='))
    });
    (!on_command_line && is_set(variable)).then_some(*variable)
}

impl Cli {
    /// The command line clap matched, with the shared options settled: one given after the
    /// command's name wins over one given before it, and either wins over the environment and
    /// the defaults (which both levels read alike).
    pub fn from_matches(matches: &clap::ArgMatches) -> Result<Cli, clap::Error> {
        use clap::FromArgMatches;
        use clap::parser::ValueSource;
        let mut cli = Cli::from_arg_matches(matches)?;
        let from = |matches: &clap::ArgMatches, id| match matches.value_source(id) {
            Some(ValueSource::EnvVariable) => Given::Environment,
            _ => Given::Flag,
        };
        cli.options.data_from = from(matches, "data");
        if let Some((_, command_matches)) = matches.subcommand() {
            let given = |id| command_matches.value_source(id) == Some(ValueSource::CommandLine);
            if let Command::Check(args) = &mut cli.command {
                args.home_from = from(command_matches, "home");
            }
            let after = cli.command.options();
            if given("data") {
                cli.options.data = after.data.clone();
                cli.options.data_from = Given::Flag;
            }
            if given("color") {
                cli.options.color = after.color;
            }
            if given("lang") {
                cli.options.lang = after.lang;
            }
        }
        Ok(cli)
    }
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Tell whether the e-license is enough at every stop of a trip
    #[command(after_help = EPILOGUE)]
    Check(CheckArgs),
    /// List places with their e-license window (and status on a date)
    List(ListArgs),
    /// Everything about one place: its names, chain, window, and the facts and sources behind it
    Show(ShowArgs),
    /// The rollout as dated national steps, with how many places each made live
    Timeline(TimelineArgs),
    /// The rollout data's version, counts and sources; or check a rollout file
    Data(DataArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions(CompletionsArgs),
    /// Print the manual page (roff)
    Man(ManArgs),
}

impl Command {
    /// The shared options as given after the command's name; only `Cli::from_matches` reads
    /// them, and `Cli::options` holds the settled values.
    fn options(&self) -> &Options {
        match self {
            Command::Check(args) => &args.options,
            Command::List(args) => &args.options,
            Command::Show(args) => &args.options,
            Command::Timeline(args) => &args.options,
            Command::Data(args) => &args.options,
            Command::Completions(args) => &args.options,
            Command::Man(args) => &args.options,
        }
    }
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,

    #[command(flatten)]
    options: Options,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    #[command(flatten)]
    options: Options,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Show each place's status on this date (as --on of check) and count them
    #[arg(long, value_name = "DATE", value_parser = TravelDateParser, hide_possible_values = true)]
    pub on: Option<TravelDate>,

    /// Only places in this province (a name, pinyin or code)
    #[arg(long, value_name = "PROVINCE", conflicts_with = "country")]
    pub province: Option<String>,

    /// Beyond the mainland: this country's states or provinces (AU, US, Australia), each with
    /// what a licence from --home is worth there on the date
    #[arg(long, value_name = "COUNTRY", conflicts_with_all = ["level", "status"])]
    pub country: Option<String>,

    /// With --country: where the licence was issued (NSW, Montana, JP)
    #[arg(long, value_name = "PLACE", requires = "country")]
    pub home: Option<String>,

    /// With --country: the licence's stage
    #[arg(long, value_enum, default_value_t = Stage::Full, value_name = "STAGE", requires = "country")]
    pub stage: Stage,

    /// With --country: the day the licence was issued (YYYY-MM-DD), as for check
    #[arg(long, value_name = "DATE", requires = "country")]
    pub issued: Option<NaiveDate>,

    /// With --country: whether the holder is a citizen of the issuing country, as for check
    #[arg(long, value_enum, value_name = "HOLDER", requires = "country")]
    pub holder: Option<HolderKind>,

    /// With --country: the holder has the licence's digital form, as for check
    #[arg(long, requires = "country")]
    pub has_digital: bool,

    /// Which level of division to list
    #[arg(long, value_enum, default_value_t = Level::Prefecture, value_name = "LEVEL")]
    pub level: Level,

    /// Only places with this status on the date (--on, or today)
    #[arg(long, value_enum, value_name = "STATUS")]
    pub status: Option<Status>,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human, value_name = "FORMAT")]
    pub format: Format,

    #[command(flatten)]
    options: Options,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The place: a name, pinyin, code, or a name with its province
    #[arg(value_name = "PLACE")]
    pub place: String,

    /// The date for the status line (as --on of check) [default: today in China]
    #[arg(long, value_name = "DATE", value_parser = TravelDateParser, hide_possible_values = true)]
    pub on: Option<TravelDate>,

    /// Output format (no TSV: the facts behind a place are nested)
    #[arg(long, value_enum, default_value_t = ShowFormat::Human, value_name = "FORMAT")]
    pub format: ShowFormat,

    #[command(flatten)]
    options: Options,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// Beyond the mainland: the dated rules of this country's digital licences (AU, US)
    #[arg(long, value_name = "COUNTRY")]
    pub country: Option<String>,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human, value_name = "FORMAT")]
    pub format: Format,

    #[command(flatten)]
    options: Options,
}

#[derive(Debug, Args)]
pub struct DataArgs {
    /// Validate this rollout or schemes file and report its problems (the first 100), each with its line
    /// and column
    #[arg(long, value_name = "FILE")]
    pub check: Option<PathBuf>,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human, value_name = "FORMAT")]
    pub format: Format,

    #[command(flatten)]
    options: Options,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Where you will drive: 成都, chengdu, a county (昆山), a code (510100), "suzhou, anhui", or
    /// the start of an address; several places make an itinerary (at most 100, each at most 512
    /// bytes). PLACE@DATE checks that stop on its own date (成都@2021-06-01). `-` reads one query
    /// a line from stdin (PLACE, PLACE<TAB>DATE or PLACE@DATE) and answers each on its own
    /// line; a line over 523 bytes is skipped as an error
    #[arg(required = true, value_name = "PLACE")]
    pub places: Vec<String>,

    /// The travel date, for every stop without its own: 2021-06-01, 2021-6-1, 2021/6/1,
    /// 20210601, 2021年6月1日, today, tomorrow, yesterday, or +Nd (N days after today)
    /// [default: today where each stop is, in its time zone; UTC+8 in China]
    #[arg(long, value_name = "DATE", value_parser = TravelDateParser, hide_possible_values = true)]
    pub on: Option<TravelDate>,

    /// The license status the 交管12123 app shows: normal 正常, violation-pending 违法未处理,
    /// accident-pending 事故未处理, full-points 记满12分 (or 超分, 满分), suspended 暂扣, detained 扣留, seized 扣押,
    /// overdue-renewal 逾期未换证, overdue-review 逾期未审验, overdue-exam 逾期未体检, revoked 吊销,
    /// cancelled 注销, withdrawn 撤销, locked 锁定, stopped 停止使用, cancelled-recoverable 注销可恢复,
    /// deferred-renewal 延期换证, deferred-exam 延期体检, deferred-review 延期审验, transferred-out 转出
    #[arg(
        long,
        value_name = "STATE",
        env = "EDL_LICENSE",
        default_value = "normal",
        value_parser = LicenseParser,
        hide_possible_values = true
    )]
    pub license: LicenseState,

    /// Where the license was issued: before every mainland place was surely live (2021-12-31)
    /// only licenses issued in a live place could have an e-license; without it, such dates answer
    /// bring-card. With stops on several dates, it is checked on the first. Beyond the mainland,
    /// the state or country that issued it (NSW, Queensland, Montana, JP, PL, HK)
    #[arg(long, value_name = "PLACE", env = "EDL_HOME")]
    pub home: Option<String>,

    /// The licence's stage, for the rules beyond the mainland that depend on it (Queensland's
    /// digital licence is sourced for open licences only; Malaysia's learners carry the card)
    #[arg(long, value_enum, default_value_t = Stage::Full, value_name = "STAGE")]
    pub stage: Stage,

    /// The day the licence was issued (YYYY-MM-DD), for rules that depend on it (Ukraine's Diia
    /// holds no licence issued before 2013)
    #[arg(long, value_name = "DATE")]
    pub issued: Option<NaiveDate>,

    /// Whether the holder is a citizen of the issuing country, for rules that depend on it
    /// (Malaysia's MyJPJ is for citizens)
    #[arg(long, value_enum, value_name = "HOLDER")]
    pub holder: Option<HolderKind>,

    /// The holder has the licence's digital form, for rules that hold only then: not every
    /// holder has one yet (the EU's mobile licence until the issuing state issues it, Chile's
    /// at first issue or renewal); without it, such a rule answers bring-card
    #[arg(long)]
    pub has_digital: bool,

    // Where `home` came from, for errors about it; set by `Cli::from_matches`.
    #[arg(skip)]
    pub home_from: Given,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human, value_name = "FORMAT")]
    pub format: Format,

    /// Print nothing; the exit code answers
    #[arg(short, long)]
    pub quiet: bool,

    #[command(flatten)]
    options: Options,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    Tsv,
}

/// `edl show`'s formats: its facts and sources nest, which a TSV row cannot hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Splits `PLACE@DATE` at its last `@`; a place without one has no date of its own.
pub fn split_stop_date(argument: &str) -> (&str, Option<&str>) {
    match argument.rsplit_once('@') {
        Some((place, date)) => (place, Some(date)),
        None => (argument, None),
    }
}

/// The most places one `edl check` takes: far more than a trip has stops. More go one a line to
/// `edl check -`.
pub const MAX_PLACES: usize = 100;

/// The most arguments `edl` takes: every option of `check` beside its most places.
pub const MAX_ARGS: usize = 2 * MAX_PLACES + 56;

/// Cuts what the user typed in a clap error (a value, an unknown flag or command) to the short
/// start that `edl` repeats of any input.
pub fn shorten_echoes(error: &mut clap::Error) {
    use clap::error::{ContextKind, ContextValue};
    for kind in [
        ContextKind::InvalidArg,
        ContextKind::InvalidSubcommand,
        ContextKind::InvalidValue,
    ] {
        if let Some(ContextValue::String(text)) = error.get(kind) {
            let short = crate::i18n::echo(text).into_owned();
            error.insert(kind, ContextValue::String(short));
        }
    }
}

/// `--on`: parsed by [`parse_travel_date`]; `today`, `tomorrow` and `yesterday` are its possible values, for
/// completions (the help says them in its own words).
#[derive(Clone, Copy, Debug)]
pub struct TravelDateParser;

impl clap::builder::TypedValueParser for TravelDateParser {
    type Value = TravelDate;

    fn parse_ref(
        &self,
        command: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<TravelDate, clap::Error> {
        clap::builder::StringValueParser::new()
            .try_map(|text| parse_travel_date(&text))
            .parse_ref(command, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        let words = ["today", "tomorrow", "yesterday"].map(clap::builder::PossibleValue::new);
        Some(Box::new(words.into_iter()))
    }
}

/// `--license`: an English id or the app's Chinese term; both are possible values, for
/// completions (the help lists them side by side).
#[derive(Clone, Copy, Debug)]
pub struct LicenseParser;

impl clap::builder::TypedValueParser for LicenseParser {
    type Value = LicenseState;

    fn parse_ref(
        &self,
        command: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<LicenseState, clap::Error> {
        clap::builder::StringValueParser::new()
            .try_map(|text| text.parse::<LicenseState>())
            .parse_ref(command, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        let values = LicenseState::ALL
            .into_iter()
            .flat_map(|state| [state.id(), state.chinese()])
            .map(clap::builder::PossibleValue::new);
        Some(Box::new(values))
    }
}

/// Flags a driver types for another: a date for `--on`, the licence's state for `--license`.
const MEANT: [(&str, &str); 5] = [
    ("--date", "--on"),
    ("--day", "--on"),
    ("--when", "--on"),
    ("--state", "--license"),
    ("--status", "--license"),
];

/// What to suggest for a mistyped command or flag, if anything: the flag a driver meant, where
/// the command has it (`check --date` → `--on`), else what clap suggests.
pub fn suggestion(error: &clap::Error, args: &[std::ffi::OsString]) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if error.kind() == ErrorKind::UnknownArgument
        && let Some(ContextValue::String(typed)) = error.get(ContextKind::InvalidArg)
        && let Some((_, meant)) = MEANT
            .iter()
            .find(|(flag, _)| typed.split('=').next() == Some(*flag))
        && command_takes(args, meant)
    {
        return Some((*meant).to_string());
    }
    [ContextKind::SuggestedSubcommand, ContextKind::SuggestedArg]
        .into_iter()
        .find_map(|kind| match error.get(kind) {
            Some(ContextValue::String(text)) => Some(text.clone()),
            Some(ContextValue::Strings(texts)) => texts.first().cloned(),
            _ => None,
        })
}

/// Whether the command the arguments name takes this long flag.
fn command_takes(args: &[std::ffi::OsString], flag: &str) -> bool {
    let mut command = <Cli as clap::CommandFactory>::command();
    command.build();
    let name = args
        .iter()
        .skip(1)
        .filter_map(|arg| arg.to_str())
        .find(|arg| command.find_subcommand(arg).is_some());
    name.and_then(|name| command.find_subcommand(name))
        .is_some_and(|sub| {
            sub.get_arguments()
                .any(|arg| arg.get_long() == flag.strip_prefix("--"))
        })
}

/// The command line with its help in `lang`, where the catalogue translates it: clap's derive
/// writes the English, and this replaces what the language has words for. `None` for a language
/// whose help is the definition's own (English).
pub fn localized_command(lang: Lang) -> Option<clap::Command> {
    let messages = lang.messages();
    // A language without its own help text (English, the definition's) has none.
    let about = messages.help("about")?;
    let mut command = <Cli as clap::CommandFactory>::command();
    // Where there is a width to fit, clap keeps each help text on one line (it would break
    // Chinese only at its few spaces) and `output::fitted_help` wraps it by display width.
    if crate::output::width().is_some() {
        command = command.term_width(0);
    }
    // Subcommands get their arguments when parsing reaches them (clap's `defer`), so they are
    // built here first. Arguments are then changed in place: clap indexes a built command's
    // arguments by position, which removing and re-adding one (`mut_arg`) would break.
    command.build();
    let shared_help = |argument: &str| messages.help(&format!("options.{argument}"));
    let help_of = |command: &str, argument: &str| {
        messages
            .help(&format!("{command}.{argument}"))
            .or_else(|| shared_help(argument))
    };
    command = command
        .about(about)
        .long_about(about)
        .mut_args(|arg| match shared_help(arg.get_id().as_str()) {
            Some(help) => arg.help(help),
            None => arg,
        })
        .mut_subcommands(|mut sub| {
            let name = sub.get_name().to_string();
            if let Some(about) = messages.help(&name) {
                sub = sub.about(about);
            }
            if let Some(after) = messages
                .help("after_help")
                .filter(|_| sub.get_after_help().is_some())
            {
                sub = sub.after_help(after);
            }
            sub.mut_args(|arg| match help_of(&name, arg.get_id().as_str()) {
                Some(help) => arg.help(help),
                None => arg,
            })
        });
    if let Some(after) = messages.help("after_help") {
        command = command.after_help(after);
    }
    Some(command)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exit::EXIT_CODE_TABLE;
    use crate::i18n::ENVIRONMENT;

    #[test]
    fn every_argument_of_every_command_has_chinese_help() {
        let zh = Lang::Zh.messages();
        let mut command = <Cli as clap::CommandFactory>::command();
        command.build();
        let shared = |id: &str| zh.help(&format!("options.{id}")).is_some();
        let missing: Vec<String> = command
            .get_subcommands()
            .filter(|sub| sub.get_name() != "help")
            .flat_map(|sub| {
                let name = sub.get_name();
                sub.get_arguments()
                    .map(|arg| arg.get_id().as_str())
                    .filter(|id| !matches!(*id, "help" | "version"))
                    .filter(move |id| zh.help(&format!("{name}.{id}")).is_none() && !shared(id))
                    .map(move |id| format!("{name}.{id}"))
            })
            .collect();
        assert!(missing.is_empty(), "no Chinese help for {missing:?}");
    }

    #[test]
    fn a_stop_may_carry_its_date() {
        assert_eq!(
            split_stop_date("成都@2021-06-01"),
            ("成都", Some("2021-06-01"))
        );
        assert_eq!(split_stop_date("成都"), ("成都", None));
        assert_eq!(split_stop_date("成都@"), ("成都", Some("")));
    }

    #[test]
    fn the_help_epilogue_says_what_the_tables_say() {
        let mut expected = String::from("Exit codes:\n");
        for (code, meaning) in EXIT_CODE_TABLE {
            expected.push_str(&format!("  {code}  {meaning}\n"));
        }
        expected.push_str("\nEnvironment:\n");
        for (name, meaning) in ENVIRONMENT {
            expected.push_str(&format!("  {name:<12} {meaning}\n"));
        }
        assert_eq!(EPILOGUE, expected.trim_end());
    }

    #[test]
    fn the_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
