//! The `edl` binary: parse the command line, run it, and turn the outcome into an exit code.

use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

/// Every error, usage errors included, exits with 2 (documented in `--help`).
const ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = match edl::cli::Cli::try_parse() {
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
            // clap's first paragraph, on one line: "the following required arguments were not
            // provided: <PLACE>..." rather than a message cut at its colon.
            let rendered = error.render().to_string();
            let paragraph: Vec<&str> = rendered
                .lines()
                .take_while(|line| !line.trim().is_empty())
                .map(str::trim)
                .collect();
            let message = paragraph.join(" ");
            eprintln!(
                "edl: {}",
                edl::place::escape(message.trim_start_matches("error: "))
            );
            return ExitCode::from(ERROR);
        }
    };
    match edl::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("edl: {}", edl::place::escape(&format!("{error:#}")));
            ExitCode::from(ERROR)
        }
    }
}

/// A reader that stops early (`edl … | head`) is normal in a pipeline, not an error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
