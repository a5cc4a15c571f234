//! The README's examples, run against the real binary so that the documentation cannot drift.

use crate::support::edl;

/// Every ```console block: the command, its exit code (`? N`) and its exact output (trycmd).
#[test]
fn readme_console_examples_match_the_binary() {
    trycmd::TestCases::new()
        .env("NO_COLOR", "1")
        // No example reads the clock.
        .env("EDL_NOW", crate::support::NOW)
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

/// The README's list of what is covered beyond the mainland is `edl data`'s.
#[test]
fn readme_coverage_list_is_edl_datas() {
    let readme = include_str!("../../README.md");
    let start = readme.find("<!-- coverage -->").expect("the coverage list");
    let end = readme.find("<!-- /coverage -->").expect("its end");
    let codes = |text: &str| -> Vec<String> {
        text.split(|c: char| !(c.is_ascii_uppercase() || c == '-'))
            .filter(|word| {
                word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase() || c == '-')
            })
            .map(str::to_string)
            .collect()
    };
    let listed: Vec<&str> = readme[start..end].lines().collect();
    let section = |prefix: &str| -> Vec<String> {
        let mut found = Vec::new();
        let mut inside = false;
        for line in &listed {
            if line.starts_with("- ") {
                inside = line.starts_with(prefix);
            }
            if inside {
                let text = line.split_once(':').map_or(*line, |(_, rest)| rest);
                found.extend(codes(if line.starts_with("- ") { text } else { line }));
            }
        }
        found
    };
    let output = edl(["data", "--format", "json"])
        .output()
        .expect("edl runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let field = |key: &str, inner: &str| -> Vec<String> {
        report["beyond_mainland"][key]
            .as_array()
            .expect("a list")
            .iter()
            .flat_map(|entry| match &entry[inner] {
                serde_json::Value::Array(codes) => codes
                    .iter()
                    .map(|code| code.as_str().expect("a code").to_string())
                    .collect(),
                code => vec![code.as_str().expect("a code").to_string()],
            })
            .collect()
    };
    assert_eq!(
        section("- Digital licences covered"),
        field("covered", "code")
    );
    assert_eq!(
        section("- No licence need be carried"),
        field("no_card", "code")
    );
    assert_eq!(section("- Not covered"), field("gaps", "jurisdictions"));
}
