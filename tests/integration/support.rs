//! Helpers shared by the integration tests: a clean `edl` command and its outcome as text.

use assert_cmd::Command;

/// Environment variables that would change `edl`'s answers or its look.
const EDL_ENV: [&str; 9] = [
    "COLUMNS",
    "EDL_DATA",
    "EDL_LICENSE",
    "EDL_HOME",
    "EDL_LANG",
    "NO_COLOR",
    "CLICOLOR_FORCE",
    "LC_MESSAGES",
    "LANG",
];

/// The moment every test takes as now.
pub const NOW: &str = "2026-12-07T20:00:00Z";

/// `edl` with the given arguments, shielded from the caller's environment.
pub fn edl<I, S>(args: I) -> Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("edl");
    for name in EDL_ENV {
        cmd.env_remove(name);
    }
    // A colour-capable terminal type, so only "stdout is not a terminal" can turn colour off.
    cmd.env("TERM", "xterm-256color");
    // An English locale, whatever the machine's: tests of other languages set their own.
    cmd.env("LC_ALL", "C.UTF-8");
    // No test reads the clock: now is a fixed moment (8 p.m. UTC: the 8th in China, the 7th
    // in the Americas), whatever the machine's date.
    cmd.env("EDL_NOW", NOW);
    cmd.args(args);
    cmd
}

/// What one run produced.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The first line of stdout.
    pub fn first_line(&self) -> &str {
        self.stdout.lines().next().unwrap_or("")
    }

    /// The first word of the verdict line (`e-license`, `bring-card`, `no-valid-license`).
    pub fn verdict_word(&self) -> &str {
        self.first_line().split(':').next().unwrap_or("")
    }

    /// Asserts the run is an error as documented: exit code 2, nothing on stdout, exactly one
    /// line on stderr starting `edl: `, and no panic. Returns that line.
    pub fn assert_error_line(&self) -> &str {
        assert_eq!(self.code, 2, "exit code; stderr: {}", self.stderr);
        assert_eq!(self.stdout, "", "stdout of an error");
        assert!(
            !self.stderr.contains("panicked"),
            "a panic: {}",
            self.stderr
        );
        assert!(
            self.stderr.ends_with('\n'),
            "stderr ends with a newline: {:?}",
            self.stderr
        );
        let lines: Vec<&str> = self.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "one stderr line: {:?}", self.stderr);
        assert!(
            lines[0].starts_with("edl: "),
            "stderr starts with `edl: `: {:?}",
            lines[0]
        );
        lines[0]
    }
}

/// Runs a prepared command (from [`edl`]) and returns what it did.
pub fn outcome(mut cmd: Command) -> Run {
    let output = cmd.output().expect("edl runs");
    Run {
        code: output.status.code().expect("edl exits with a code"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Runs `edl` with the arguments and returns what it did.
pub fn run<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    outcome(edl(args))
}
