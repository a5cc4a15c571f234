//! `edl` in scripts and pipelines: `check -` (one query a line), completions, the man page,
//! colour, broken pipes, safe echo of what was typed, and the `EDL_*` defaults.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command as StdCommand;

use edl::output::CHECK_TSV_HEADER;
use edl::verdict::Verdict;
use serde_json::Value;

use crate::support::{Run, edl, outcome, run};

/// The verdict ids a good batch line may carry.
const VERDICTS: [Verdict; 3] = [
    Verdict::ELicense,
    Verdict::BringCard,
    Verdict::NoValidLicense,
];

/// Runs `edl ARGS` with `input` on stdin and the extra environment variables.
fn piped(args: &[&str], input: impl Into<Vec<u8>>, envs: &[(&str, &str)]) -> Run {
    let mut cmd = edl(args);
    for (name, value) in envs {
        cmd.env(name, value);
    }
    cmd.write_stdin(input.into());
    let outcome = outcome(cmd);
    assert!(
        !outcome.stderr.contains("panicked"),
        "a panic: {}",
        outcome.stderr
    );
    outcome
}

/// Runs `edl check - --format tsv ARGS` on `input`.
fn batch_tsv(args: &[&str], input: impl Into<Vec<u8>>) -> Run {
    let all: Vec<&str> = ["check", "-", "--home", "成都", "--format", "tsv"]
        .into_iter()
        .chain(args.iter().copied())
        .collect();
    piped(&all, input, &[])
}

/// The result lines of a TSV batch (after asserting the header), each split into its fields.
fn tsv_rows(outcome: &Run) -> Vec<Vec<&str>> {
    let mut lines = outcome.stdout.lines();
    assert_eq!(lines.next(), Some(CHECK_TSV_HEADER), "the TSV header");
    let columns = CHECK_TSV_HEADER.split('\t').count();
    lines
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), columns, "fields of {line:?}");
            fields
        })
        .collect()
}

/// A fresh, empty folder of the system's temp dir for one test.
fn temp_folder(test: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("edl-scripting-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("temp folder");
    folder
}

/// Whether a program is on PATH.
fn on_path(program: &str) -> bool {
    StdCommand::new("which")
        .arg(program)
        .output()
        .is_ok_and(|output| output.status.success())
}

/// The (code, stdout, stderr) of a bash script, with `EDL` naming the binary under test.
fn bash(script: &str) -> (i32, String, String) {
    let output = StdCommand::new("bash")
        .arg("-c")
        .arg(script)
        .env("EDL", env!("CARGO_BIN_EXE_edl"))
        .env_remove("EDL_LICENSE")
        .env_remove("EDL_HOME")
        .env_remove("EDL_DATA")
        .output()
        .expect("bash runs");
    (
        output.status.code().expect("bash exits with a code"),
        String::from_utf8(output.stdout).expect("bash stdout is UTF-8"),
        String::from_utf8(output.stderr).expect("bash stderr is UTF-8"),
    )
}

// ---------------------------------------------------------------------------------------------
// edl check -

#[test]
fn batch_tsv_answers_each_query_line_in_order() {
    let input = "成都\n\n# a comment\n北京\t2021-08-31\n   \nchengdu\n";
    let outcome = batch_tsv(&["--on", "2021-10-01"], input);
    assert_eq!(
        outcome.code, 1,
        "one bring-card; stderr: {}",
        outcome.stderr
    );
    assert_eq!(outcome.stderr, "");
    let rows = tsv_rows(&outcome);
    let picked: Vec<[&str; 4]> = rows
        .iter()
        .map(|row| [row[0], row[1], row[2], row[13]])
        .collect();
    assert_eq!(
        picked,
        [
            ["成都", "2021-10-01", "e-license", "live"],
            ["北京", "2021-08-31", "bring-card", "not-yet"],
            ["chengdu", "2021-10-01", "e-license", "live"],
        ]
    );
    assert_eq!(rows[0][3], "510100");
    assert_eq!(rows[1][3], "110000");
}

#[test]
fn batch_exit_code_is_the_worst_verdict() {
    let all_live = batch_tsv(&["--on", "2021-10-01"], "成都\n昆山\n510100\n");
    assert_eq!(all_live.code, 0, "stderr: {}", all_live.stderr);
    assert_eq!(tsv_rows(&all_live).len(), 3);

    let one_card = batch_tsv(&["--on", "2021-10-01"], "成都\n北京\t2021-08-31\n昆山\n");
    assert_eq!(one_card.code, 1, "stderr: {}", one_card.stderr);

    let suspended = batch_tsv(
        &["--on", "2021-10-01", "--license", "suspended"],
        "成都\n北京\t2021-08-31\n",
    );
    assert_eq!(suspended.code, 3, "stderr: {}", suspended.stderr);
    assert!(
        tsv_rows(&suspended)
            .iter()
            .all(|row| row[2] == "no-valid-license"),
        "{}",
        suspended.stdout
    );

    let one_bad = batch_tsv(
        &["--on", "2021-10-01", "--license", "suspended"],
        "成都\nnowhere-place\n",
    );
    assert_eq!(one_bad.code, 2, "a bad line beats every verdict");
}

#[test]
fn batch_bad_lines_are_reported_with_their_line_numbers() {
    let input = "成都\n# comment\n\nnowhere-place\n北京\t2021-02-30\nsuzhou\t2021-06-01\n昆山\n";
    let outcome = batch_tsv(&["--on", "2021-10-01"], input);
    assert_eq!(outcome.code, 2, "stderr: {}", outcome.stderr);
    let rows = tsv_rows(&outcome);
    assert_eq!(rows.len(), 5, "{}", outcome.stdout);
    let verdicts: Vec<&str> = rows.iter().map(|row| row[2]).collect();
    assert_eq!(
        verdicts,
        ["e-license", "error", "error", "error", "e-license"]
    );
    assert_eq!(
        [rows[1][1], rows[2][1], rows[3][1]],
        ["2021-10-01", "", "2021-06-01"],
        "the `on` of bad lines"
    );
    assert_eq!(
        rows[4][0], "昆山",
        "the line after the bad ones is answered"
    );

    let errors: Vec<&str> = outcome.stderr.lines().collect();
    assert_eq!(errors.len(), 3, "one stderr line per bad line: {errors:?}");
    let expected = [
        (
            "edl: line 4: ",
            "unknown place \"nowhere-place\"; try a city or county name",
        ),
        (
            "edl: line 5: ",
            "bad date \"2021-02-30\": no such day in the calendar",
        ),
        (
            "edl: line 6: ",
            "\"suzhou\" could be 3 places with different answers on 2021-06-01",
        ),
    ];
    for ((error, (prefix, start)), row) in errors.iter().zip(expected).zip(&rows[1..4]) {
        let message = error
            .strip_prefix(prefix)
            .unwrap_or_else(|| panic!("{error:?} starts with {prefix:?}"));
        assert!(message.starts_with(start), "{message:?}");
        assert_eq!(row[15], message, "the result line carries the message");
    }
}

#[test]
fn batch_json_lines_have_the_documented_keys() {
    let input = "成都\nsuzhou\t2021-06-01\n北京\t2021-08-31\n";
    let outcome = piped(
        &[
            "check",
            "-",
            "--home",
            "成都",
            "--format",
            "json",
            "--on",
            "2021-10-01",
        ],
        input,
        &[],
    );
    assert_eq!(outcome.code, 2, "stderr: {}", outcome.stderr);
    assert_eq!(
        outcome.stderr.lines().collect::<Vec<_>>().len(),
        1,
        "{}",
        outcome.stderr
    );
    assert!(
        outcome
            .stderr
            .starts_with("edl: line 2: \"suzhou\" could be")
    );
    let keys: BTreeSet<&str> = [
        "schema_version",
        "query",
        "on",
        "verdict",
        "exit_code",
        "license",
        "stops",
        "home",
        "notes",
        "carry",
        "error",
    ]
    .into();
    let lines: Vec<Value> = outcome
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}")))
        .collect();
    assert_eq!(lines.len(), 3, "{}", outcome.stdout);
    for line in &lines {
        let object = line.as_object().expect("each line is an object");
        let found: BTreeSet<&str> = object.keys().map(String::as_str).collect();
        assert_eq!(found, keys, "{line}");
        // A bad line carries nothing.
        if line["error"].is_object() {
            assert_eq!(line["carry"], serde_json::json!([]), "{line}");
        }
    }
    let summary: Vec<(&str, &str, Value, i64)> = lines
        .iter()
        .map(|line| {
            (
                line["query"].as_str().unwrap(),
                line["on"].as_str().unwrap(),
                line["verdict"].clone(),
                line["exit_code"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("成都", "2021-10-01", Value::from("e-license"), 0),
            ("suzhou", "2021-06-01", Value::Null, 2),
            ("北京", "2021-08-31", Value::from("bring-card"), 1),
        ]
    );
    let error = &lines[1]["error"];
    assert_eq!(error["kind"], "ambiguous-place");
    assert_eq!(error["query"], "suzhou");
    let message = error["message"].as_str().expect("the bad line's message");
    assert!(
        message.starts_with("\"suzhou\" could be 3 places"),
        "{message}"
    );
    assert_eq!(error["candidates"].as_array().map(Vec::len), Some(3));
    assert_eq!(lines[1]["stops"], Value::Array(vec![]));
    assert!(lines[0]["error"].is_null() && lines[2]["error"].is_null());
    assert_eq!(lines[0]["stops"][0]["code"], "510100");
    assert_eq!(lines[0]["home"][0]["code"], "510100", "the trip's home");
}

#[test]
fn batch_human_is_a_table_of_every_query() {
    let outcome = piped(
        &["check", "-", "--home", "成都", "--on", "2021-10-01"],
        "成都\nchengdu\nnowhere-place\n北京\t2021-08-31\n",
        &[],
    );
    assert_eq!(outcome.code, 2, "stderr: {}", outcome.stderr);
    assert!(outcome.stdout.starts_with('┌'), "{}", outcome.stdout);
    for header in ["Query", "Verdict", "Place"] {
        assert!(outcome.stdout.contains(header), "{header}");
    }
    for query in ["成都", "chengdu", "nowhere-place", "北京", "2021-08-31"] {
        assert!(
            outcome.stdout.contains(query),
            "{query}:\n{}",
            outcome.stdout
        );
    }
    for verdict in ["e-license", "bring-card", "error"] {
        assert!(outcome.stdout.contains(verdict), "{verdict}");
    }
    assert!(outcome.stderr.starts_with("edl: line 3: unknown place"));
}

#[test]
fn batch_of_100000_lines_with_one_bad_line() {
    const LINES: usize = 100_000;
    const BAD: usize = 50_000;
    let goods = [
        "成都",
        "chengdu",
        "510100",
        "昆山",
        "suzhou, jiangsu",
        "北京\t2021-09-01",
    ];
    let mut input = String::new();
    let mut queries = Vec::with_capacity(LINES);
    for number in 1..=LINES {
        let line = if number == BAD {
            "nowhere-place"
        } else {
            goods[number % goods.len()]
        };
        input.push_str(line);
        input.push('\n');
        queries.push(line.split('\t').next().unwrap());
    }
    let outcome = batch_tsv(&["--on", "2021-10-01"], input);
    assert_eq!(outcome.code, 2);
    let errors: Vec<&str> = outcome.stderr.lines().collect();
    assert_eq!(errors.len(), 1, "one stderr line: {errors:?}");
    assert!(
        errors[0].starts_with("edl: line 50000: unknown place \"nowhere-place\""),
        "{}",
        errors[0]
    );
    let rows = tsv_rows(&outcome);
    assert_eq!(rows.len(), LINES, "one result per line");
    let verdict_ids: BTreeSet<&str> = VERDICTS.iter().map(|v| v.id()).collect();
    for (index, (row, query)) in rows.iter().zip(&queries).enumerate() {
        let number = index + 1;
        assert_eq!(row[0], *query, "query of result {number}");
        if number == BAD {
            assert_eq!(row[2], "error", "result {number}");
        } else {
            assert!(
                verdict_ids.contains(row[2]),
                "result {number} has a verdict: {row:?}"
            );
        }
    }
}

#[test]
fn batch_lines_that_are_not_text() {
    let mut input: Vec<u8> = Vec::new();
    input.extend_from_slice("成都\n".as_bytes());
    input.extend_from_slice(b"\xff\xfe\n");
    input.extend_from_slice("昆山\n".as_bytes());
    input.extend_from_slice(b"a\0b\n");
    input.extend_from_slice(b"chengdu\n");
    let outcome = batch_tsv(&["--on", "2021-10-01"], input);
    assert_eq!(outcome.code, 2);
    assert_eq!(
        outcome.stderr,
        "edl: line 2: the line is not UTF-8 text\nedl: line 4: the line contains a NUL byte\n"
    );
    assert!(!outcome.stdout.contains('\0'), "no raw NUL echoed");
    let rows = tsv_rows(&outcome);
    let verdicts: Vec<&str> = rows.iter().map(|row| row[2]).collect();
    assert_eq!(
        verdicts,
        ["e-license", "error", "e-license", "error", "e-license"]
    );
    assert_eq!(rows[1][15], "the line is not UTF-8 text");
    assert_eq!(rows[3][0], "a\\0b", "the NUL is shown escaped");
    assert_eq!(rows[3][15], "the line contains a NUL byte");
    assert_eq!(rows[4][0], "chengdu");
}

#[test]
fn batch_quiet_prints_nothing_and_the_exit_code_answers() {
    for (format, license, input, code) in [
        ("tsv", "normal", "成都\n昆山\n", 0),
        ("human", "normal", "成都\n北京\t2021-08-31\n", 1),
        ("json", "suspended", "成都\n", 3),
        ("tsv", "normal", "成都\nnowhere-place\n", 2),
    ] {
        let outcome = piped(
            &[
                "check",
                "-",
                "--home",
                "成都",
                "-q",
                "--format",
                format,
                "--license",
                license,
                "--on",
                "2021-10-01",
            ],
            input,
            &[],
        );
        assert_eq!(outcome.code, code, "{format} {license} {input:?}");
        assert_eq!(outcome.stdout, "", "{format} {license} {input:?}");
        if code == 2 {
            assert!(outcome.stderr.starts_with("edl: line 2: "));
        } else {
            assert_eq!(outcome.stderr, "");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// completions and the man page

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let outcome = run(["completions", shell]);
        assert_eq!(outcome.code, 0, "{shell}: {}", outcome.stderr);
        assert_eq!(outcome.stderr, "", "{shell}");
        assert!(!outcome.stdout.trim().is_empty(), "{shell}");
        assert!(outcome.stdout.contains("edl"), "{shell}");
    }
}

#[test]
fn bash_completion_is_valid_bash() {
    let outcome = run(["completions", "bash"]);
    assert_eq!(outcome.code, 0);
    let folder = temp_folder("bash-completion");
    let file = folder.join("edl.bash");
    std::fs::write(&file, &outcome.stdout).expect("write the script");
    let check = StdCommand::new("bash")
        .arg("-n")
        .arg(&file)
        .output()
        .expect("bash runs");
    let _ = std::fs::remove_dir_all(&folder);
    assert!(
        check.status.success(),
        "bash -n: {}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn completions_for_an_unknown_shell_is_an_error() {
    let outcome = run(["completions", "tcsh"]);
    let line = outcome.assert_error_line();
    assert!(line.contains("tcsh"), "{line}");
}

/// The roff requests `edl man` is allowed to emit; any other line starting with '.' is a stray.
const MAN_REQUESTS: [&str; 10] = ["TH", "SH", "SS", "TP", "IP", "RS", "RE", "br", "ie", "el"];

fn man_page() -> String {
    let outcome = run(["man"]);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert_eq!(outcome.stderr, "");
    outcome.stdout
}

#[test]
fn man_page_structure() {
    let page = man_page();
    let lines: Vec<&str> = page.lines().collect();
    assert_eq!(lines[0], r".ie \n(.g .ds Aq \(aq");
    assert_eq!(lines[1], ".el .ds Aq '");
    let title = format!(".TH edl 1  \"edl {}\" ", env!("CARGO_PKG_VERSION"));
    assert_eq!(lines[2], title);
    assert_eq!(
        lines.iter().filter(|line| line.starts_with(".TH")).count(),
        1
    );
    let sections: Vec<&str> = lines
        .iter()
        .filter_map(|line| line.strip_prefix(".SH "))
        .collect();
    for section in [
        "NAME",
        "SYNOPSIS",
        "\"EXIT STATUS\"",
        "ENVIRONMENT",
        "EXAMPLES",
    ] {
        assert!(sections.contains(&section), "{section} in {sections:?}");
    }
    for (number, line) in lines.iter().enumerate() {
        if let Some(request) = line.strip_prefix('.') {
            let name = request.split_whitespace().next().unwrap_or("");
            assert!(
                MAN_REQUESTS.contains(&name),
                "line {}: unknown request {line:?}",
                number + 1
            );
        }
        assert!(
            !line.starts_with('\''),
            "line {}: a stray control line {line:?}",
            number + 1
        );
    }
    for name in ["EDL_LICENSE", "EDL_HOME", "EDL_DATA", "NO_COLOR"] {
        assert!(page.contains(name), "{name}");
    }
}

#[test]
fn man_renders_without_warnings() {
    if !on_path("man") {
        eprintln!("man is not on PATH: skipping the rendering check");
        return;
    }
    let folder = temp_folder("man");
    let file = folder.join("edl.1");
    std::fs::write(&file, man_page()).expect("write the page");
    let output = StdCommand::new("man")
        .arg("-l")
        .arg(&file)
        .env("MANWIDTH", "100")
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        // The page has Chinese text: a C locale would make troff warn about it, not edl's fault.
        .env("LC_ALL", "C.UTF-8")
        .env_remove("MAN_KEEP_FORMATTING")
        // Under faketime (the suite runs once so in CI), libfaketime would be preloaded into
        // man's filters, which man's seccomp sandbox then kills; the page has no clock in it.
        .env_remove("LD_PRELOAD")
        .output()
        .expect("man runs");
    let _ = std::fs::remove_dir_all(&folder);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "man -l: {stderr}");
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|line| line.to_lowercase().contains("warning"))
        .collect();
    assert!(warnings.is_empty(), "{warnings:#?}");
    // Strip any overstrike (bold as X\bX) before looking for words.
    let raw = String::from_utf8_lossy(&output.stdout);
    let mut text = String::new();
    for c in raw.chars() {
        if c == '\u{8}' {
            text.pop();
        } else {
            text.push(c);
        }
    }
    assert!(text.contains("EXIT STATUS"), "{text}");
    assert!(text.contains("EDL_LICENSE"), "{text}");
}

// ---------------------------------------------------------------------------------------------
// colour

/// Asserts `line` shows `word` wrapped in SGR escapes: `ESC[…m…word ESC[0m`.
fn assert_painted(line: &str, word: &str) {
    let at = line
        .find(word)
        .unwrap_or_else(|| panic!("{word} in {line:?}"));
    let before = &line[..at];
    assert!(
        before.ends_with('m') && before.contains("\u{1b}["),
        "an escape before {word}: {line:?}"
    );
    assert!(
        line[at + word.len()..].starts_with("\u{1b}[0m"),
        "a reset after {word}: {line:?}"
    );
}

fn check_colour(color: &str, envs: &[(&str, &str)]) -> Run {
    let outcome = piped(
        &[
            "check",
            "成都",
            "--on",
            "2021-07-01",
            "--home",
            "成都",
            "--color",
            color,
        ],
        "",
        envs,
    );
    assert_eq!(
        outcome.code, 0,
        "--color {color} {envs:?}: {}",
        outcome.stderr
    );
    outcome
}

#[test]
fn colour_always_paints_even_with_no_color_or_a_dumb_terminal() {
    for envs in [
        &[][..],
        &[("NO_COLOR", "1")][..],
        &[("TERM", "dumb")][..],
        &[("NO_COLOR", "1"), ("TERM", "dumb")][..],
    ] {
        let outcome = check_colour("always", envs);
        assert_painted(outcome.first_line(), "e-license");
    }
    let card = piped(
        &["check", "北京", "--on", "2021-07-01", "--color", "always"],
        "",
        &[("NO_COLOR", "1")],
    );
    assert_eq!(card.code, 1);
    assert_painted(card.first_line(), "bring-card");
}

#[test]
fn colour_auto_and_never_write_no_escapes() {
    for (color, envs) in [
        ("auto", &[("NO_COLOR", "1")][..]),
        ("auto", &[("TERM", "dumb")][..]),
        ("auto", &[][..]),
        ("never", &[][..]),
        ("never", &[("CLICOLOR_FORCE", "1")][..]),
    ] {
        let outcome = check_colour(color, envs);
        assert!(
            !outcome.stdout.contains('\u{1b}'),
            "--color {color} {envs:?}: {:?}",
            outcome.stdout
        );
        assert_eq!(outcome.verdict_word(), "e-license");
    }
    let table = piped(
        &["check", "-", "--on", "2021-07-01", "--color", "never"],
        "成都\n北京\n",
        &[],
    );
    assert!(!table.stdout.contains('\u{1b}'), "{:?}", table.stdout);
}

// ---------------------------------------------------------------------------------------------
// pipes

#[test]
fn a_reader_that_stops_early_is_no_error() {
    let (code, stdout, stderr) = bash(
        r#"set +o pipefail
"$EDL" list --level county | head -1 2>/dev/null
echo "status=${PIPESTATUS[0]}""#,
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stderr, "", "edl's stderr");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(lines[0].starts_with('┌'), "{stdout}");
    assert_eq!(lines[1], "status=0");
}

#[test]
fn an_endless_batch_into_head_is_no_error() {
    let (code, stdout, stderr) = bash(
        r#"set +o pipefail
yes 成都 2>/dev/null | timeout 20 "$EDL" check - --format tsv | head -5 2>/dev/null
echo "status=${PIPESTATUS[1]}""#,
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stderr, "", "edl's stderr");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 6, "{stdout}");
    assert_eq!(lines[0], CHECK_TSV_HEADER);
    for line in &lines[1..5] {
        assert!(line.starts_with("成都\t"), "{line}");
        assert_eq!(line.split('\t').nth(2), Some("e-license"), "{line}");
    }
    assert_eq!(lines[5], "status=0", "edl's exit status (124: timed out)");
}

// ---------------------------------------------------------------------------------------------
// safe echo

const ESCAPED_QUERY: &str = "\u{1b}[31mred";

#[test]
fn check_escapes_a_query_with_control_characters() {
    let outcome = run(["check", ESCAPED_QUERY, "--on", "2021-07-01"]);
    let line = outcome.assert_error_line();
    assert!(!line.contains('\u{1b}'), "a raw ESC: {line:?}");
    assert!(line.contains(r"\u{1b}[31mred"), "{line}");

    let outcome = run(["check", "a\tb", "--on", "2021-07-01"]);
    let line = outcome.assert_error_line();
    assert!(!line.contains('\t'), "a raw tab: {line:?}");
    assert!(line.contains(r"\t"), "{line}");
}

#[test]
fn check_escapes_a_query_exactly_once() {
    let outcome = run(["check", ESCAPED_QUERY, "--on", "2021-07-01"]);
    let line = outcome.assert_error_line();
    assert!(
        line.starts_with(r#"edl: unknown place "\u{1b}[31mred";"#),
        "{line}"
    );
    let outcome = run(["check", "a\tb", "--on", "2021-07-01"]);
    let line = outcome.assert_error_line();
    assert!(line.starts_with(r#"edl: unknown place "a\tb";"#), "{line}");
}

#[test]
fn batch_escapes_a_query_with_control_characters() {
    let outcome = batch_tsv(&["--on", "2021-07-01"], format!("{ESCAPED_QUERY}\n成都\n"));
    assert_eq!(outcome.code, 2);
    assert!(!outcome.stderr.contains('\u{1b}'), "{:?}", outcome.stderr);
    assert_eq!(outcome.stderr.lines().count(), 1, "{}", outcome.stderr);
    assert!(
        outcome
            .stderr
            .starts_with(r#"edl: line 1: unknown place "\u{1b}[31mred";"#),
        "{}",
        outcome.stderr
    );
    let control = |c: char| c.is_control() && c != '\t' && c != '\n';
    assert!(
        !outcome.stdout.chars().any(control),
        "a raw control character: {:?}",
        outcome.stdout
    );
    let rows = tsv_rows(&outcome);
    assert_eq!(rows[0][0], r"\u{1b}[31mred");
    assert_eq!(rows[0][2], "error");
    assert_eq!(rows[1][2], "e-license");
}

// ---------------------------------------------------------------------------------------------
// EDL_LICENSE and EDL_HOME

fn check_code(args: &[&str], envs: &[(&str, &str)]) -> i32 {
    let all: Vec<&str> = ["check", "成都", "--on", "2021-07-01"]
        .into_iter()
        .chain(args.iter().copied())
        .collect();
    let outcome = piped(&all, "", envs);
    assert_ne!(outcome.code, 2, "{args:?} {envs:?}: {}", outcome.stderr);
    assert_eq!(outcome.stderr, "", "{args:?} {envs:?}");
    outcome.code
}

#[test]
fn environment_defaults_and_flags_that_win() {
    assert_eq!(check_code(&[], &[("EDL_LICENSE", "suspended")]), 3);
    assert_eq!(check_code(&[], &[("EDL_LICENSE", "暂扣")]), 3);
    assert_eq!(
        check_code(
            &["--license", "normal", "--home", "成都"],
            &[("EDL_LICENSE", "suspended")]
        ),
        0
    );
    assert_eq!(check_code(&[], &[("EDL_HOME", "拉萨")]), 1);
    assert_eq!(check_code(&["--home", "成都"], &[("EDL_HOME", "拉萨")]), 0);
    // Without a home the license may be from a place not live on 2021-07-01.
    assert_eq!(check_code(&[], &[]), 1);
    assert_eq!(check_code(&[], &[("EDL_HOME", "天津")]), 0);
}

#[test]
fn an_invalid_edl_license_is_an_error() {
    let outcome = piped(
        &["check", "成都", "--on", "2021-07-01"],
        "",
        &[("EDL_LICENSE", "bogus")],
    );
    let line = outcome.assert_error_line();
    assert!(line.contains("bogus"), "{line}");
}

#[test]
fn check_help_names_the_environment() {
    let outcome = run(["check", "--help"]);
    assert_eq!(outcome.code, 0);
    for name in ["EDL_LICENSE", "EDL_HOME"] {
        assert!(outcome.stdout.contains(name), "{name}");
    }
}

#[test]
fn shared_options_go_before_or_after_the_command_and_after_wins() {
    let good = concat!(env!("CARGO_MANIFEST_DIR"), "/data/rollout.toml");
    let missing = "/nonexistent/edl-rollout.toml";
    let check = |args: &[&str], edl_data: Option<&str>| {
        let mut cmd = edl(args);
        if let Some(path) = edl_data {
            cmd.env("EDL_DATA", path);
        }
        outcome(cmd)
    };
    let day = ["--on", "2021-06-01", "--home", "成都", "-q"];
    let with = |before: &[&'static str], after: &[&'static str]| -> Vec<&'static str> {
        [before, &["check", "成都"], &day, after].concat()
    };

    // --data: the file read is the last one given; a flag anywhere beats EDL_DATA.
    for (args, env) in [
        (with(&["--data", good], &[]), None),
        (with(&[], &["--data", good]), None),
        (with(&["--data", good], &[]), Some(missing)),
        (with(&[], &["--data", good]), Some(missing)),
        (with(&["--data", missing], &["--data", good]), None),
    ] {
        let outcome = check(&args, env);
        assert_eq!(
            outcome.code, 0,
            "{args:?} EDL_DATA={env:?}: {}",
            outcome.stderr
        );
    }
    for (args, env) in [
        (with(&[], &[]), Some(missing)),
        (with(&["--data", good], &["--data", missing]), None),
    ] {
        let outcome = check(&args, env);
        assert!(
            outcome.assert_error_line().contains(missing),
            "{args:?} EDL_DATA={env:?}: {}",
            outcome.stderr
        );
    }

    // --color: after the command wins over before it, and over the default.
    let painted = |before: &[&'static str], after: &[&'static str]| {
        let args: Vec<&str> = [before, &["check", "成都", "--on", "2021-06-01"], after].concat();
        check(&args, None).stdout.contains('\u{1b}')
    };
    assert!(painted(&["--color", "always"], &[]));
    assert!(painted(&[], &["--color", "always"]));
    assert!(painted(&["--color", "never"], &["--color", "always"]));
    assert!(!painted(&["--color", "always"], &["--color", "never"]));
    assert!(!painted(&[], &[]));
}

#[test]
fn batch_human_names_world_places_in_the_readers_language() {
    let input = "Sydney\nTokyo\n成都\n";
    let row = |stdout: &str, query: &str| -> Vec<String> {
        let line = stdout
            .lines()
            .find(|line| line.starts_with(&format!("│ {query} ")))
            .unwrap_or_else(|| panic!("no row for {query}:\n{stdout}"));
        line.split(['│', '┆'])
            .map(|cell| cell.trim().to_string())
            .filter(|cell| !cell.is_empty())
            .collect()
    };
    let zh = piped(
        &["--lang", "zh", "check", "-", "--on", "2022-01-01"],
        input,
        &[],
    );
    let en = piped(
        &["--lang", "en", "check", "-", "--on", "2022-01-01"],
        input,
        &[],
    );
    for (outcome, sydney, tokyo, chengdu) in [
        (&zh, "悉尼", "东京", "成都市"),
        (&en, "Sydney", "Tokyo", "成都市 Chengdu"),
    ] {
        assert_eq!(outcome.code, 1, "stderr: {}", outcome.stderr);
        assert_eq!(row(&outcome.stdout, "Sydney")[2], sydney);
        assert_eq!(row(&outcome.stdout, "Tokyo")[2], tokyo);
        assert_eq!(row(&outcome.stdout, "成都")[2], chengdu);
    }
}
