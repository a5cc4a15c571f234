//! The README's examples, run against the real binary so that the documentation cannot drift.

use crate::support::edl;

/// Every ```console block: the command, its exit code (`? N`) and its exact output (trycmd).
#[test]
fn readme_console_examples_match_the_binary() {
    trycmd::TestCases::new()
        .env("NO_COLOR", "1")
        // Unset in effect: the examples are the output into a file, at its natural width.
        .env("COLUMNS", "")
        .case("README.md");
}

/// The stdin example needs a redirection, which trycmd cannot express: its input is the
/// ```text,trip.tsv block and its expected output the ```console,ignore block after it.
#[test]
fn readme_stdin_example_matches_the_binary() {
    let readme = include_str!("../../README.md");
    let block = |info: &str| -> &str {
        let start = readme
            .find(&format!("```{info}\n"))
            .unwrap_or_else(|| panic!("README has a ```{info} block"));
        let body = &readme[start + info.len() + 4..];
        &body[..body.find("```").expect("the block ends")]
    };
    let input = block("text,trip.tsv");
    let example = block("console,ignore");
    let mut lines = example.lines();
    let command = lines.next().expect("a command line");
    let args: Vec<&str> = command
        .strip_prefix("$ edl ")
        .and_then(|rest| rest.strip_suffix(" < trip.tsv"))
        .expect("`$ edl … < trip.tsv`")
        .split(' ')
        .collect();
    let code: i32 = lines
        .next()
        .and_then(|line| line.strip_prefix("? "))
        .and_then(|code| code.parse().ok())
        .expect("a `? N` line");
    let expected: String = lines.map(|line| format!("{line}\n")).collect();
    let output = edl(&args).write_stdin(input).output().expect("edl runs");
    let actual = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(output.status.code(), Some(code));
    assert_eq!(actual.trim_end(), expected.trim_end());
}
