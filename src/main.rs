//! The `edl` binary: parse the command line, run it, and turn the outcome into an exit code.

use std::process::ExitCode;

use clap::error::ErrorKind;
use edl::cli::Cli;
use edl::i18n::Lang;

/// Every error, usage errors included, exits with 2 (documented in `--help`).
const ERROR: u8 = 2;

fn main() -> ExitCode {
    for (variable, _) in edl::cli::OPTION_VARIABLES {
        if std::env::var_os(variable).is_some_and(|value| value.is_empty()) {
            // An empty variable counts as unset, as an empty LC_ALL does; clap reads the
            // environment itself, so the variable goes. SAFETY: no other thread runs yet.
            unsafe { std::env::remove_var(variable) };
        }
    }
    let all = std::env::args_os();
    // Counted before clap copies them: it would take over 300 bytes each.
    let count = all.len().saturating_sub(1);
    let args: Vec<std::ffi::OsString> = all.take(edl::cli::MAX_ARGS + 1).collect();
    let lang = Lang::requested(&args, |name| std::env::var(name).ok());
    if count > edl::cli::MAX_ARGS {
        let message = lang
            .messages()
            .too_many_arguments(count, edl::cli::MAX_ARGS);
        eprintln!("{}", edl::output::error_line(&message));
        return ExitCode::from(ERROR);
    }
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
            match edl::output::fitted_help(&error.render().to_string()) {
                // Written, not printed: a closed pipe (`edl --help | head`) is no panic.
                Some(fitted) => {
                    let _ = std::io::Write::write_all(&mut std::io::stdout(), fitted.as_bytes());
                }
                None => {
                    let _ = error.print();
                }
            }
            return ExitCode::SUCCESS;
        }
        // `edl` alone (or with only shared options): the usage and the commands, on stderr,
        // as an error.
        Err(error)
            if matches!(
                error.kind(),
                ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) =>
        {
            let mut command = edl::cli::localized_command(lang)
                .unwrap_or_else(<Cli as clap::CommandFactory>::command);
            // Its commands are listed once they are built (clap's `defer`).
            command.build();
            let help = command.render_help().to_string();
            eprint!("{}", edl::output::fitted_help(&help).unwrap_or(help));
            return ExitCode::from(ERROR);
        }
        Err(error) => {
            let failure = edl::usage_failure(error, &args, lang);
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
fn parse(command: clap::Command, args: &[std::ffi::OsString]) -> Result<Cli, clap::Error> {
    let mut command = command;
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
