//! `edl list`, `show`, `timeline` and `data`, the `--data` / `EDL_DATA` rollout file and its
//! errors, a closed stdout, and the staleness note.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use edl::output::LIST_TSV_HEADER;
use serde_json::Value;

use crate::support::{Run, edl, outcome, run};

/// The bundled rollout file, as the tests' source of valid and broken variants.
const BUNDLED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/rollout.toml");

/// The URL of the pilot's first source (Xinhua via People's Daily, 2021-05-10).
const PILOT_URL: &str = "http://en.people.cn/n3/2021/0510/c90000-9848229.html";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// Runs `edl ARGS`, asserts exit code 0 and an empty stderr, and returns the run.
fn ok(args: &[&str]) -> Run {
    let outcome = run(args);
    assert_eq!(
        outcome.code, 0,
        "exit code of {args:?}; stdout:\n{}\nstderr:\n{}",
        outcome.stdout, outcome.stderr
    );
    assert_eq!(outcome.stderr, "", "stderr of {args:?}");
    outcome
}

/// Parses a run's stdout as JSON.
fn json(outcome: &Run) -> Value {
    serde_json::from_str(&outcome.stdout)
        .unwrap_or_else(|error| panic!("not JSON ({error}):\n{}", outcome.stdout))
}

/// The six-digit codes of a human table's rows, in order.
fn table_codes(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .filter_map(|line| {
            line.split(['┆', '│'])
                .map(str::trim)
                .find(|cell| cell.len() == 6 && cell.bytes().all(|b| b.is_ascii_digit()))
                .map(str::to_string)
        })
        .collect()
}

/// A scratch folder of one test, removed when the test ends.
struct Scratch(PathBuf);

impl Scratch {
    fn new(test: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("edl-browse-{test}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create the scratch folder");
        Scratch(dir)
    }

    /// Writes a file into the folder and returns its path.
    fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, contents).expect("write a scratch file");
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn text(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 temp path")
}

/// The bundled rollout file as lines (without their newlines).
fn bundled_lines() -> Vec<String> {
    std::fs::read_to_string(BUNDLED)
        .expect("read data/rollout.toml")
        .lines()
        .map(str::to_string)
        .collect()
}

/// Joins lines back into a file.
fn join(lines: &[String]) -> String {
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// The 0-based index of the line that is exactly `line`; it must be there once.
fn index_of(lines: &[String], line: &str) -> usize {
    let found: Vec<usize> = (0..lines.len()).filter(|&i| lines[i] == line).collect();
    assert_eq!(found.len(), 1, "`{line}` once in data/rollout.toml");
    found[0]
}

/// The 0-based index of the first line at or after `start` that starts with `prefix`, before the
/// next `[[` table.
fn field_of(lines: &[String], start: usize, prefix: &str) -> usize {
    (start + 1..lines.len())
        .take_while(|&i| !lines[i].starts_with("[["))
        .find(|&i| lines[i].starts_with(prefix))
        .unwrap_or_else(|| panic!("`{prefix}` after line {} of data/rollout.toml", start + 1))
}

/// The 1-based character column where `needle` starts in `line`.
fn column_of(line: &str, needle: &str) -> usize {
    let byte = line
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` in `{line}`"));
    line[..byte].chars().count() + 1
}

/// Replaces the first `from` in line `index` by `to`; returns the 1-based column of the change.
fn replace_in(lines: &mut [String], index: usize, from: &str, to: &str) -> usize {
    let column = column_of(&lines[index], from);
    lines[index] = lines[index].replacen(from, to, 1);
    column
}

/// Asserts that a stderr line is `edl: FILE:LINE:COL: message` with that line (and column, if
/// given), and returns the message.
fn located<'a>(stderr_line: &'a str, file: &Path, line: usize, column: Option<usize>) -> &'a str {
    let prefix = format!("edl: {}:{line}:", text(file));
    let rest = stderr_line
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("`{stderr_line}` starts with `{prefix}`"));
    let (col, message) = rest
        .split_once(':')
        .unwrap_or_else(|| panic!("a column in `{stderr_line}`"));
    let col: usize = col
        .parse()
        .unwrap_or_else(|_| panic!("a numeric column in `{stderr_line}`"));
    assert!(col >= 1, "column {col} in `{stderr_line}`");
    if let Some(column) = column {
        assert_eq!(col, column, "column in `{stderr_line}`");
    }
    let message = message
        .strip_prefix(' ')
        .unwrap_or_else(|| panic!("a space after the position in `{stderr_line}`"));
    assert!(!message.is_empty(), "a message in `{stderr_line}`");
    message
}

/// A broken rollout file: where its first problem is and words its message must contain.
struct Broken {
    line: usize,
    column: Option<usize>,
    words: Vec<String>,
}

/// Asserts that `edl data --check FILE` reports exactly the problems, one line each in order, and
/// that `--data FILE` and `EDL_DATA=FILE` make `check 成都` fail with one line on the first.
fn assert_broken(file: &Path, problems: &[Broken]) {
    let checked = run(["data", "--check", text(file)]);
    assert_eq!(
        checked.code, 2,
        "exit code of data --check; stderr:\n{}",
        checked.stderr
    );
    assert_eq!(
        checked.stdout, "",
        "stdout of data --check on a broken file"
    );
    assert!(!checked.stderr.contains("panicked"), "{}", checked.stderr);
    let lines: Vec<&str> = checked.stderr.lines().collect();
    assert_eq!(
        lines.len(),
        problems.len(),
        "one stderr line per problem: {}",
        checked.stderr
    );
    for (line, problem) in lines.iter().zip(problems) {
        let message = located(line, file, problem.line, problem.column);
        for word in &problem.words {
            assert!(message.contains(word.as_str()), "`{word}` in `{line}`");
        }
    }

    let first = &problems[0];
    let by_flag = run(["--data", text(file), "check", "成都"]);
    let by_env = {
        let mut cmd = edl(["check", "成都"]);
        cmd.env("EDL_DATA", file);
        outcome(cmd)
    };
    for (how, result) in [("--data", &by_flag), ("EDL_DATA", &by_env)] {
        let line = result.assert_error_line();
        let message = located(line, file, first.line, first.column);
        for word in &first.words {
            assert!(
                message.contains(word.as_str()),
                "{how}: `{word}` in `{line}`"
            );
        }
    }
}

fn words(list: &[&str]) -> Vec<String> {
    list.iter().map(|word| word.to_string()).collect()
}

// ---------------------------------------------------------------------------------------------
// edl list
// ---------------------------------------------------------------------------------------------

#[test]
fn list_defaults_to_prefectures_in_a_table_in_code_order() {
    let outcome = ok(&["list"]);
    let chengdu = outcome
        .stdout
        .lines()
        .find(|line| line.contains("成都市 Chengdu"))
        .expect("a row for 成都市 Chengdu");
    assert!(chengdu.contains("510100"), "{chengdu}");
    assert!(chengdu.contains("2021-06-01"), "{chengdu}");

    let codes = table_codes(&outcome.stdout);
    // Prefecture level: 333 prefectures, the 4 municipalities, each its own city, and Taiwan's
    // 20 cities and counties.
    assert_eq!(codes.len(), 337 + 20, "prefecture rows");
    for municipality in ["110000", "120000", "310000", "500000"] {
        assert!(codes.iter().any(|c| c == municipality), "{municipality}");
    }
    assert!(
        codes.windows(2).all(|pair| pair[0] < pair[1]),
        "rows in code order"
    );
    let position = |code: &str| codes.iter().position(|c| c == code).expect(code);
    assert!(
        position("130100") < position("510100"),
        "石家庄市 before 成都市"
    );
    for line in outcome.stdout.lines().filter(|l| l.contains("石家庄市")) {
        assert!(line.contains("130100"), "{line}");
    }
}

#[test]
fn list_counties_as_tsv() {
    let outcome = ok(&["list", "--level", "county", "--format", "tsv"]);
    let lines: Vec<&str> = outcome.stdout.lines().collect();
    assert_eq!(
        lines.len(),
        2_846 + 18 + 8 + 1,
        "2,846 counties, Hong Kong's 18 districts, Macau's 8 parishes and zones, and a header"
    );
    assert_eq!(lines[0], LIST_TSV_HEADER);
    for line in &lines[1..] {
        assert_eq!(line.split('\t').count(), 9, "9 fields: {line:?}");
    }
}

#[test]
fn list_provinces_as_tsv_with_the_sars_and_taiwan_not_covered() {
    let outcome = ok(&["list", "--level", "province", "--format", "tsv"]);
    let lines: Vec<&str> = outcome.stdout.lines().collect();
    assert_eq!(lines.len(), 34 + 1, "31 + 香港, 澳门, 台湾, and a header");
    assert_eq!(lines[0], LIST_TSV_HEADER);
    let rows: Vec<Vec<&str>> = lines[1..].iter().map(|l| l.split('\t').collect()).collect();
    for row in &rows {
        assert_eq!(row.len(), 9, "{row:?}");
    }
    let hong_kong = rows
        .iter()
        .find(|row| row[1].contains("香港"))
        .expect("a row for 香港");
    assert_eq!(hong_kong[4], "", "prefecture of 香港");
    assert_eq!(hong_kong[6], "", "window_earliest of 香港");
    assert_eq!(hong_kong[7], "", "window_latest of 香港");
    assert_eq!(hong_kong[8], "not-covered", "status of 香港");
    let outside: BTreeSet<&str> = rows
        .iter()
        .filter(|row| row[8] == "not-covered")
        .map(|row| row[0])
        .collect();
    assert_eq!(outside, BTreeSet::from(["710000", "810000", "820000"]));
}

#[test]
fn list_a_province_on_a_date_counts_the_statuses() {
    let outcome = ok(&["list", "--province", "山东", "--on", "2021-11-01"]);
    let codes = table_codes(&outcome.stdout);
    assert_eq!(codes.len(), 16, "山东's 16 prefectures: {codes:?}");
    assert!(codes.iter().all(|code| code.starts_with("37")), "{codes:?}");
    assert_eq!(
        outcome.stdout.lines().last(),
        Some("on 2021-11-01: 3 live, 13 uncertain, 0 not-yet, 0 not-covered (16 places)")
    );
}

#[test]
fn list_live_on_the_pilot_day() {
    let outcome = ok(&[
        "list",
        "--on",
        "2021-06-01",
        "--status",
        "live",
        "--format",
        "tsv",
    ]);
    let lines: Vec<&str> = outcome.stdout.lines().collect();
    assert_eq!(lines[0], LIST_TSV_HEADER);
    let codes: Vec<&str> = lines[1..]
        .iter()
        .map(|line| line.split('\t').next().unwrap_or(""))
        .collect();
    // The pilot: 天津 (a municipality, listed as a city), 苏州 and 成都, in code order.
    assert_eq!(codes, ["120000", "320500", "510100"]);
    for line in &lines[1..] {
        assert!(line.ends_with("\tlive"), "{line}");
    }
}

#[test]
fn list_as_json_counts_what_it_lists() {
    let outcome = ok(&["list", "--format", "json", "--on", "2021-09-01"]);
    let report = json(&outcome);
    let keys: BTreeSet<&str> = report
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        BTreeSet::from([
            "schema_version",
            "on",
            "data",
            "places",
            "listed",
            "counts",
            "total"
        ])
    );
    assert_eq!(report["schema_version"], 4);
    assert_eq!(report["on"], "2021-09-01");
    let places = report["places"].as_array().expect("places is an array");
    assert_eq!(places.len(), 337 + 20);
    assert_eq!(report["listed"], 337 + 20);
    assert_eq!(report["total"], 337 + 20);
    let status_count = |status: &str| places.iter().filter(|p| p["status"] == status).count();
    assert_eq!(
        report["counts"]["live"].as_u64(),
        Some(status_count("live") as u64),
        "counts.live"
    );
    for status in ["live", "uncertain", "not-yet", "not-covered"] {
        assert_eq!(
            report["counts"][status].as_u64(),
            Some(status_count(status) as u64),
            "counts.{status}"
        );
    }
}

#[test]
fn list_status_filters_rows_but_counts_the_whole_date() {
    let human = ok(&["list", "--on", "2021-09-01", "--status", "live"]);
    let last = human.stdout.lines().last().unwrap_or("");
    assert_eq!(
        last,
        "28 listed; on 2021-09-01, of all 357 places (not only those listed): 28 live, 0 uncertain, 309 not-yet, 20 not-covered"
    );
    assert_eq!(table_codes(&human.stdout).len(), 28);
    let report = json(&ok(&[
        "list",
        "--on",
        "2021-10-20",
        "--status",
        "live",
        "--format",
        "json",
    ]));
    let listed = report["places"].as_array().expect("places").len();
    assert_eq!(report["listed"].as_u64(), Some(listed as u64));
    assert_eq!(report["counts"]["live"].as_u64(), Some(listed as u64));
    assert_eq!(report["total"], 337 + 20);
    let all = report["counts"]
        .as_object()
        .expect("counts")
        .values()
        .filter_map(Value::as_u64)
        .sum::<u64>();
    assert_eq!(
        all,
        337 + 20,
        "the counts cover every place, not only the listed"
    );
}

#[test]
fn list_a_municipality_lists_itself() {
    let outcome = ok(&["list", "--province", "北京"]);
    assert_eq!(table_codes(&outcome.stdout), ["110000"]);
    assert!(
        outcome.stdout.contains("北京市 Beijing"),
        "{}",
        outcome.stdout
    );
}

#[test]
fn list_an_unknown_province_is_an_error() {
    let outcome = run(["list", "--province", "nowhere"]);
    let line = outcome.assert_error_line();
    assert!(line.contains("nowhere"), "{line}");
}

/// Runs `edl ARGS | head -n 3` in bash and returns edl's exit status and the stderr of both.
fn into_head(args: &str) -> (String, String, String) {
    let output = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "\"$EDL\" {args} | head -n 3; echo \"status=${{PIPESTATUS[0]}}\""
        ))
        .env("EDL", env!("CARGO_BIN_EXE_edl"))
        .env_remove("EDL_DATA")
        .env_remove("EDL_LICENSE")
        .env_remove("EDL_HOME")
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    let status = stdout.lines().last().unwrap_or("").to_string();
    (stdout, status, stderr)
}

#[test]
fn list_into_a_closed_pipe_exits_quietly() {
    // `edl list` as asked, and the county list too: its 300 kB outgrow any pipe buffer, so edl
    // surely writes after `head` has gone.
    for args in ["list", "list --level county"] {
        let (stdout, status, stderr) = into_head(args);
        assert_eq!(
            stdout.lines().count(),
            3 + 1,
            "3 lines and the status:\n{stdout}"
        );
        assert_eq!(
            status, "status=0",
            "edl {args} | head -n 3; stderr: {stderr}"
        );
        assert_eq!(stderr, "", "stderr of edl {args} | head -n 3");
    }
}

// ---------------------------------------------------------------------------------------------
// edl show
// ---------------------------------------------------------------------------------------------

#[test]
fn show_a_county_with_its_chain_and_sources() {
    let outcome = ok(&["show", "昆山"]);
    assert!(
        outcome.stdout.contains("昆山市 → 苏州市 → 江苏省"),
        "{}",
        outcome.stdout
    );
    assert!(outcome.stdout.contains("2021-06-01"), "{}", outcome.stdout);
    assert!(outcome.stdout.contains(PILOT_URL), "{}", outcome.stdout);
}

#[test]
fn show_a_place_no_fact_names_gives_the_default_window() {
    let outcome = ok(&["show", "拉萨"]);
    let out = &outcome.stdout;
    assert!(
        out.contains("default window 2021-10-20..2021-12-31"),
        "{out}"
    );
    // The default's sources, as data/rollout.toml's [default] cites them.
    for url in [
        "https://carzxzc.com/industry/8288.html",
        "http://auto.ifeng.com/quanmeiti/20211028/1656592.shtml",
        "https://en.dahe.cn/2021/12-02/931775.html",
    ] {
        assert!(out.contains(url), "{url} in:\n{out}");
    }

    let report = json(&ok(&["show", "拉萨", "--format", "json"]));
    assert_eq!(report["default_window_applies"], true);
    let sources = report["default_sources"].as_array().expect("an array");
    assert!(!sources.is_empty(), "default sources");
}

#[test]
fn show_an_ambiguous_name_lists_the_places() {
    let outcome = run(["show", "suzhou"]);
    let line = outcome.assert_error_line();
    assert!(line.contains("苏州市"), "{line}");
    assert!(line.contains("宿州市"), "{line}");
}

#[test]
fn show_hong_kong_is_never_covered() {
    let outcome = ok(&["show", "香港"]);
    assert!(outcome.stdout.contains("never"), "{}", outcome.stdout);
    assert!(outcome.stdout.contains("not-covered"), "{}", outcome.stdout);
}

#[test]
fn show_as_json() {
    let report = json(&ok(&["show", "成都", "--format", "json"]));
    assert_eq!(report["chain"], serde_json::json!(["成都市", "四川省"]));
    let facts = report["facts"].as_array().expect("facts is an array");
    let pilot = facts
        .iter()
        .find(|fact| fact["id"] == "pilot")
        .expect("the pilot fact");
    let sources = pilot["sources"].as_array().expect("sources is an array");
    assert!(
        sources.iter().any(|source| source["url"] == PILOT_URL),
        "{pilot}"
    );
}

// ---------------------------------------------------------------------------------------------
// edl timeline
// ---------------------------------------------------------------------------------------------

#[test]
fn timeline_in_three_formats() {
    let outcome = ok(&["timeline"]);
    for date in ["2021-06-01", "2021-09-01", "2021-10-20", "2021-12-10"] {
        let row = format!("│ {date} ");
        assert!(
            outcome.stdout.lines().any(|line| line.starts_with(&row)),
            "a row for {date}:\n{}",
            outcome.stdout
        );
    }

    let outcome = ok(&["timeline", "--format", "tsv"]);
    let lines: Vec<&str> = outcome.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "date\ttitle\tcities_stated\tlive\tnew\tuncertain\tsources"
    );
    let pilot: Vec<&str> = lines
        .iter()
        .find(|line| line.starts_with("2021-06-01\t"))
        .expect("a 2021-06-01 row")
        .split('\t')
        .collect();
    assert_eq!(pilot.len(), 7, "{pilot:?}");
    assert_eq!(pilot[2], "3", "cities_stated on 2021-06-01");
    assert_eq!(pilot[3], "3", "live on 2021-06-01");

    let report = json(&ok(&["timeline", "--format", "json"]));
    let steps = report["steps"].as_array().expect("steps is an array");
    assert!(
        steps.iter().any(|step| step["date"] == "2021-06-01"),
        "{report}"
    );
}

// ---------------------------------------------------------------------------------------------
// edl data
// ---------------------------------------------------------------------------------------------

#[test]
fn data_in_three_formats() {
    let outcome = ok(&["data"]);
    let first = outcome.first_line();
    assert!(first.starts_with("rollout data "), "{first}");
    assert!(first.contains("(bundled)"), "{first}");

    let report = json(&ok(&["data", "--format", "json"]));
    assert_eq!(
        report["divisions"],
        serde_json::json!({"county": 2846 + 26, "prefecture": 333 + 20, "province": 34})
    );

    let outcome = ok(&["data", "--format", "tsv"]);
    assert_eq!(outcome.first_line(), "id\tquality\ttitle\turl");
}

/// `edl data` says what the recognition file covers across borders and what it does not.
#[test]
fn data_lists_what_crossing_a_border_covers_and_not() {
    let outcome = ok(&["data"]);
    assert!(
        outcome
            .stdout
            .contains("\nAcross borders (data/recognition.toml, version "),
        "{}",
        outcome.stdout
    );
    assert!(outcome.stdout.contains(
        "  any other pair: no source (bring-card; check whether an IDP or a translation is needed)\n"
    ));
    let report = json(&ok(&["data", "--format", "json"]));
    let crossings = &report["beyond_mainland"]["recognition"];
    let japan = crossings["destinations"]
        .as_array()
        .expect("destinations")
        .iter()
        .find(|entry| entry["code"] == "JP")
        .expect("Japan's visitor rules");
    assert_eq!(
        japan["ids"],
        serde_json::json!(["japan-idp-1949", "japan-translation"])
    );
    let geneva = crossings["parties"]
        .as_array()
        .expect("parties")
        .iter()
        .find(|entry| entry["convention"] == "1949")
        .expect("the 1949 convention");
    assert!(
        geneva["parties"]
            .as_array()
            .expect("list")
            .contains(&"JP".into())
    );
    assert_eq!(geneva["not_parties"], serde_json::json!(["CN"]));
    assert!(
        crossings["gaps"]
            .as_array()
            .expect("gaps")
            .iter()
            .any(|gap| gap["id"] == "macau-mainland-before-2023")
    );
}

#[test]
fn data_check_of_the_bundled_file_is_ok() {
    let outcome = ok(&["data", "--check", BUNDLED]);
    let expected = format!("{BUNDLED}: ok");
    assert!(
        outcome.first_line().starts_with(&expected),
        "{}",
        outcome.stdout
    );
}

// ---------------------------------------------------------------------------------------------
// Broken rollout files
// ---------------------------------------------------------------------------------------------

/// The bundled lines and the index of the pilot fact's `id` line.
fn with_pilot() -> (Vec<String>, usize) {
    let lines = bundled_lines();
    let pilot = index_of(&lines, "id = \"pilot\"");
    (lines, pilot)
}

#[test]
fn rollout_with_a_syntax_error() {
    let scratch = Scratch::new("syntax");
    let (mut lines, pilot) = with_pilot();
    lines.insert(pilot + 1, "this line is not toml".to_string());
    let file = scratch.write("rollout.toml", join(&lines));
    let broken = Broken {
        line: pilot + 2,
        column: None,
        words: words(&["expected"]),
    };
    assert_broken(&file, &[broken]);
}

#[test]
fn rollout_with_an_unknown_key() {
    let scratch = Scratch::new("unknown-key");
    let (mut lines, pilot) = with_pilot();
    lines.insert(pilot + 1, "colour = \"red\"".to_string());
    let file = scratch.write("rollout.toml", join(&lines));
    let broken = Broken {
        line: pilot + 2,
        column: Some(1),
        words: words(&["unknown field", "colour"]),
    };
    assert_broken(&file, &[broken]);
}

#[test]
fn rollout_with_an_undefined_source() {
    let scratch = Scratch::new("undefined-source");
    let (mut lines, pilot) = with_pilot();
    let sources = field_of(&lines, pilot, "sources = [");
    let column = replace_in(
        &mut lines,
        sources,
        "\"people-2021-05-10\"",
        "\"no-such-source\"",
    );
    let file = scratch.write("rollout.toml", join(&lines));
    let broken = Broken {
        line: sources + 1,
        column: Some(column),
        words: words(&["no-such-source", "not defined"]),
    };
    assert_broken(&file, &[broken]);
}

#[test]
fn rollout_with_an_unknown_place_code() {
    let scratch = Scratch::new("unknown-code");
    let (mut lines, pilot) = with_pilot();
    let places = field_of(&lines, pilot, "places = [");
    let column = replace_in(&mut lines, places, "\"510100\"", "\"999999\"");
    let file = scratch.write("rollout.toml", join(&lines));
    let broken = Broken {
        line: places + 1,
        column: Some(column),
        words: words(&["999999", "pilot"]),
    };
    assert_broken(&file, &[broken]);
}

#[test]
fn rollout_with_a_window_that_ends_before_it_starts() {
    let scratch = Scratch::new("backwards-window");
    let mut lines = bundled_lines();
    // The first fact with a `from`/`until` window: its `until` becomes a day before any rollout.
    let until = (1..lines.len())
        .find(|&i| lines[i - 1].starts_with("from = ") && lines[i].starts_with("until = "))
        .expect("a fact with from and until");
    lines[until] = "until = 2021-01-01".to_string();
    let file = scratch.write("rollout.toml", join(&lines));
    let broken = Broken {
        line: until + 1,
        column: Some(column_of(&lines[until], "2021-01-01")),
        words: words(&["2021-01-01", "before it starts"]),
    };
    assert_broken(&file, &[broken]);
}

#[test]
fn rollout_with_a_duplicate_fact_id() {
    let scratch = Scratch::new("duplicate-fact");
    let mut lines = bundled_lines();
    let second = index_of(&lines, "id = \"pilot-in-first-28\"");
    lines[second] = "id = \"pilot\"".to_string();
    let file = scratch.write("rollout.toml", join(&lines));
    let broken = Broken {
        line: second + 1,
        column: Some(column_of(&lines[second], "\"pilot\"")),
        words: words(&["pilot", "twice"]),
    };
    assert_broken(&file, &[broken]);
}

#[test]
fn rollout_with_two_problems_reports_both() {
    let scratch = Scratch::new("two-problems");
    let (mut lines, pilot) = with_pilot();
    let places = field_of(&lines, pilot, "places = [");
    let code_column = replace_in(&mut lines, places, "\"510100\"", "\"999999\"");
    let sources = field_of(&lines, pilot, "sources = [");
    let source_column = replace_in(
        &mut lines,
        sources,
        "\"people-2021-05-10\"",
        "\"no-such-source\"",
    );
    assert!(places < sources, "places before sources in the pilot fact");
    let file = scratch.write("rollout.toml", join(&lines));
    assert_broken(
        &file,
        &[
            Broken {
                line: places + 1,
                column: Some(code_column),
                words: words(&["999999"]),
            },
            Broken {
                line: sources + 1,
                column: Some(source_column),
                words: words(&["no-such-source", "not defined"]),
            },
        ],
    );
}

#[test]
fn unreadable_data_files_are_errors_naming_the_file() {
    let scratch = Scratch::new("unreadable");
    let missing = scratch.0.join("missing.toml");
    let directory = scratch.0.clone();
    let empty = scratch.write("empty.toml", "");
    let binary = scratch.write("binary.toml", b"version = \"x\"\n\xff\xfe\n");
    for file in [&missing, &directory, &empty, &binary] {
        let outcome = run(["--data", text(file), "check", "成都"]);
        let line = outcome.assert_error_line();
        assert!(
            line.contains(text(file)),
            "`{}` in `{line}`",
            file.display()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// A valid user rollout file
// ---------------------------------------------------------------------------------------------

/// Asserts `edl data --check FILE` accepts the file.
fn assert_valid(file: &Path) {
    let outcome = ok(&["data", "--check", text(file)]);
    let expected = format!("{}: ok", text(file));
    assert!(
        outcome.first_line().starts_with(&expected),
        "{}",
        outcome.stdout
    );
}

#[test]
fn a_user_rollout_file_replaces_the_bundled_one() {
    let scratch = Scratch::new("user-file");
    let (mut lines, pilot) = with_pilot();
    let on = field_of(&lines, pilot, "on = ");
    assert_eq!(lines[on], "on = 2021-06-01", "the pilot's day");
    lines[on] = "on = 2021-06-02".to_string();
    let file = scratch.write("rollout.toml", join(&lines));
    assert_valid(&file);

    let outcome = run(["--data", text(&file), "check", "成都", "--on", "2021-06-01"]);
    assert_eq!(
        outcome.code, 1,
        "成都 not live yet on 2021-06-01 by the user file; stdout:\n{}\nstderr:\n{}",
        outcome.stdout, outcome.stderr
    );
    assert_eq!(outcome.verdict_word(), "bring-card");
    assert_eq!(outcome.stderr, "");

    let outcome = ok(&["--data", text(&file), "data"]);
    let first = outcome.first_line();
    assert!(first.starts_with("rollout data "), "{first}");
    assert!(first.contains(&format!("({})", text(&file))), "{first}");
    assert!(!first.contains("(bundled)"), "{first}");
    let report = json(&ok(&["--data", text(&file), "data", "--format", "json"]));
    assert_eq!(report["origin"], text(&file));
}

#[test]
fn old_data_warns_that_it_may_be_out_of_date() {
    let scratch = Scratch::new("stale");
    let mut lines = bundled_lines();
    let as_of = (0..lines.len())
        .find(|&i| lines[i].starts_with("as_of = "))
        .expect("an as_of line");
    lines[as_of] = "as_of = 2021-12-31".to_string();
    let file = scratch.write("rollout.toml", join(&lines));
    assert_valid(&file);

    let outcome = ok(&["--data", text(&file), "check", "成都", "--on", "2023-06-01"]);
    assert!(
        outcome
            .stdout
            .lines()
            .any(|line| line.starts_with("note:") && line.contains("may be out of date")),
        "{}",
        outcome.stdout
    );

    let outcome = ok(&["check", "成都", "--on", "2026-12-01"]);
    assert!(
        !outcome.stdout.contains("may be out of date"),
        "{}",
        outcome.stdout
    );
}

/// `--country` takes any jurisdiction `--home` takes, and settles which `--home` is meant
/// (issue 26, item 7).
#[test]
fn country_takes_any_jurisdiction_home_takes() {
    let hk = ok(&["timeline", "--country", "HK", "--format", "tsv"]);
    assert!(hk.stdout.contains("hk-edl-in-hk"), "{}", hk.stdout);
    let nsw = ok(&["timeline", "--country", "NSW", "--format", "tsv"]);
    assert!(nsw.stdout.contains("au-nsw-ddl-in-nsw"), "{}", nsw.stdout);
    // The mainland's timeline is its rollout's.
    assert_eq!(
        ok(&["timeline", "--country", "CN"]).stdout,
        ok(&["timeline"]).stdout
    );
    let montana = ok(&[
        "list",
        "--country",
        "US",
        "--home",
        "Montana",
        "--on",
        "2026-12-01",
        "--format",
        "tsv",
    ]);
    assert!(montana.stdout.contains("US-MT\t"), "{}", montana.stdout);
    let hk_list = ok(&[
        "list",
        "--country",
        "HK",
        "--on",
        "2026-12-01",
        "--format",
        "tsv",
    ]);
    assert_eq!(hk_list.stdout.lines().count(), 2, "{}", hk_list.stdout);
    assert_eq!(
        run(["timeline", "--country", "Sydney"]).assert_error_line(),
        "edl: in --country: \"Sydney\" is no country, state or province (as AU, HK, NSW)"
    );
}

/// The staleness note names the data that is stale and where to confirm it: the 12123 app for the
/// mainland's rollout, the home scheme's issuer beyond it (issue 26, item 6).
#[test]
fn the_staleness_note_names_the_stale_data_and_its_app() {
    let notes = |args: &[&str]| -> Vec<String> {
        run(args)
            .stdout
            .lines()
            .filter(|line| line.contains("out of date") || line.contains("可能已过时"))
            .map(str::to_string)
            .collect()
    };
    let sydney = notes(&["check", "Sydney", "--home", "NSW", "--on", "2031-01-01"]);
    assert_eq!(sydney.len(), 1, "{sydney:?}");
    assert!(
        sydney[0].starts_with("note: the rules on digital licences beyond the mainland are as of "),
        "{sydney:?}"
    );
    assert!(
        sydney[0]
            .ends_with("confirm with the issuer of NSW Digital Driver Licence (Service NSW app)"),
        "{sydney:?}"
    );

    let chengdu = notes(&["check", "成都", "--on", "2031-01-01"]);
    assert_eq!(chengdu.len(), 1, "{chengdu:?}");
    assert!(
        chengdu[0].ends_with("confirm in the 交管12123 app"),
        "{chengdu:?}"
    );

    let both = notes(&["check", "成都", "Sydney", "--on", "2031-01-01"]);
    assert_eq!(both.len(), 2, "{both:?}");
    assert!(
        both[1].ends_with("confirm with the authorities where you drive"),
        "{both:?}"
    );

    let zh = notes(&[
        "--lang",
        "zh",
        "check",
        "Sydney",
        "--home",
        "NSW",
        "--on",
        "2031-01-01",
    ]);
    assert_eq!(zh.len(), 1, "{zh:?}");
    assert!(
        zh[0].contains("请向新南威尔士州数字驾照（Service NSW 应用）的签发机构确认"),
        "{zh:?}"
    );
    assert!(!zh[0].contains("12123"), "{zh:?}");
}
