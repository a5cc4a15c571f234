//! The `edl` binary: parse the command line, run it, and turn the outcome into an exit code.

use std::process::ExitCode;

use clap::error::ErrorKind;
use edl::cli::Cli;
use edl::i18n::Lang;

/// Every error, usage errors included, exits with 2 (documented in `--help`).
const ERROR: u8 = 2;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = Lang::requested(&args, |name| std::env::var(name).ok());
    // The help is translated only when it is shown: a translated command line must be built
    // whole, which would cost every start what clap's deferred subcommands save.
    let parsed = parse(<Cli as clap::CommandFactory>::command(), &args).or_else(|error| {
        match edl::cli::localized_command(lang) {
            Some(localized) => parse(localized, &args),
            None => Err(error),
        }
    });
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error)
            if matches!(
                error.kind(),
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
            ) =>
        {
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            let failure = edl::usage_failure(&error, lang);
            if edl::asks_for_json(&args) {
                let _ = edl::output::error_json(&mut std::io::stdout(), &failure.report);
            }
            eprintln!("{}", edl::output::error_line(&failure.message));
            return ExitCode::from(ERROR);
        }
    };
    match edl::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) if edl::is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{}", edl::output::error_line(&format!("{error:#}")));
            ExitCode::from(ERROR)
        }
    }
}

/// The command line as `command` parses it.
fn parse(mut command: clap::Command, args: &[std::ffi::OsString]) -> Result<Cli, clap::Error> {
    let parsed = command.try_get_matches_from_mut(args).and_then(|matches| {
        let cli = Cli::from_matches(&matches);
        std::mem::forget(matches);
        cli
    });
    // The process is about to answer and exit; freeing clap's command tree piece by piece
    // would cost about a tenth of edl's start-up, and the exit frees it anyway.
    std::mem::forget(command);
    parsed
}
