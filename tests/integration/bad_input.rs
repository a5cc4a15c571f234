//! Bad input, one row a test: every row must end in exit code 2 with exactly one line on stderr
//! that starts `edl: ` and names the problem, nothing on stdout, no panic, and no hang. Rows for
//! `edl check -` differ in one way: the run goes on, so stdout carries the header and a result
//! line per input line (an `error` result for each bad one), and stderr has one `edl: line N:`
//! line per bad line.

use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use edl::output::CHECK_TSV_HEADER;

use crate::support::edl;

/// Longer than any answer takes: a run still going after this is a hang.
const TIMEOUT: Duration = Duration::from_secs(10);

/// Stands for the path of the row's data file in args, env values and the expected message.
const DATA: &str = "@DATA";

/// `edl check` with a data file and a place the small rollout file below knows.
const CHECK_WITH_DATA: [&str; 6] = ["--data", DATA, "check", "成都", "--on", "2021-06-01"];

/// A small valid rollout file (the schema of `src/data/rollout.rs`): 成都 live from 2021-06-01.
const ROLLOUT: &str = r#"version = "test"
as_of = 2026-11-25

[default]
earliest = 2021-10-20
latest = 2021-12-31
sources = ["s1"]
note = "test"

[[source]]
id = "s1"
title = "a source"
url = "http://example.invalid/"
quality = "strong"

[[fact]]
id = "pilot"
places = ["510100"]
on = 2021-06-01
sources = ["s1"]
"#;

/// The rollout file with its first `from` replaced by `to`.
fn rollout_with(from: &str, to: &str) -> Vec<u8> {
    assert!(ROLLOUT.contains(from), "the rollout file has {from:?}");
    ROLLOUT.replacen(from, to, 1).into_bytes()
}

/// The rollout file with more text after it.
fn rollout_plus(more: &str) -> Vec<u8> {
    format!("{ROLLOUT}{more}").into_bytes()
}

/// The `[default]` section of the rollout file.
const DEFAULT_SECTION: &str =
    "[default]\nearliest = 2021-10-20\nlatest = 2021-12-31\nsources = [\"s1\"]\nnote = \"test\"\n";

/// A second fact, to append: its `id` is on line 23 of the file.
fn fact(id: &str, place: &str, claim: &str) -> String {
    format!("\n[[fact]]\nid = \"{id}\"\nplaces = [\"{place}\"]\n{claim}\nsources = [\"s1\"]\n")
}

/// The bytes with every line ending in CR LF.
fn crlf(bytes: Vec<u8>) -> Vec<u8> {
    bytes
        .into_iter()
        .flat_map(|b| {
            if b == b'\n' {
                vec![b'\r', b'\n']
            } else {
                vec![b]
            }
        })
        .collect()
}

/// What to put at the row's data path.
enum Data {
    File(Vec<u8>),
    Directory,
    Missing,
}

/// One row of the table.
struct Case {
    args: Vec<OsString>,
    stdin: Vec<u8>,
    env: Vec<(&'static str, String)>,
    data: Option<Data>,
    /// Text the stderr line must contain (`@DATA` stands for the data file's path).
    expect: String,
    /// For `edl check -` rows: how many result lines stdout has, and the bad input lines.
    batch: Option<(usize, Vec<usize>)>,
}

fn args<S: AsRef<OsStr>>(args: &[S]) -> Case {
    Case {
        args: args.iter().map(|a| a.as_ref().to_os_string()).collect(),
        stdin: Vec::new(),
        env: Vec::new(),
        data: None,
        expect: String::new(),
        batch: None,
    }
}

/// `edl --data FILE check 成都 --on 2021-06-01` with FILE holding these bytes.
fn data_file(bytes: Vec<u8>) -> Case {
    args(&CHECK_WITH_DATA).data(Data::File(bytes))
}

/// `edl check - --format tsv --on 2021-09-01` reading this stdin.
fn batch(stdin: &[u8]) -> Case {
    args(&["check", "-", "--format", "tsv", "--on", "2021-09-01"]).stdin(stdin)
}

impl Case {
    fn expects(mut self, text: &str) -> Case {
        self.expect = text.to_string();
        self
    }

    fn stdin(mut self, bytes: &[u8]) -> Case {
        self.stdin = bytes.to_vec();
        self
    }

    fn env(mut self, name: &'static str, value: &str) -> Case {
        self.env.push((name, value.to_string()));
        self
    }

    fn data(mut self, data: Data) -> Case {
        self.data = Some(data);
        self
    }

    /// A batch row: `results` lines on stdout after the header; `bad` are the bad input lines.
    fn results(mut self, results: usize, bad: &[usize]) -> Case {
        self.batch = Some((results, bad.to_vec()));
        self
    }

    fn check(self, test: &str) {
        let folder =
            std::env::temp_dir().join(format!("edl-bad-input-{}-{test}", std::process::id()));
        let path = self.data.as_ref().map(|data| place_data(&folder, data));
        let path_text = path
            .as_ref()
            .map_or(String::new(), |p| p.display().to_string());
        let fill = |text: &OsStr| -> OsString {
            match (text.to_str(), &path) {
                (Some(DATA), Some(path)) => path.clone().into_os_string(),
                _ => text.to_os_string(),
            }
        };
        let mut cmd = edl(self.args.iter().map(|a| fill(a)));
        for (name, value) in &self.env {
            cmd.env(name, fill(OsStr::new(value)));
        }
        let output = cmd
            .write_stdin(self.stdin.clone())
            .timeout(TIMEOUT)
            .output()
            .expect("edl starts");
        if path.is_some() {
            let _ = std::fs::remove_dir_all(&folder);
        }
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        let shown = || {
            let cut = |text: &str| text.chars().take(2000).collect::<String>();
            format!("\nstdout:\n{}\nstderr:\n{}", cut(&stdout), cut(&stderr))
        };
        let code = output.status.code();
        assert_eq!(
            code,
            Some(2),
            "exit code (None: killed, after {TIMEOUT:?} if it hung){}",
            shown()
        );
        for marker in ["panicked", "RUST_BACKTRACE"] {
            assert!(!stderr.contains(marker), "a panic{}", shown());
        }
        assert!(
            stderr.ends_with('\n'),
            "stderr ends with a newline{}",
            shown()
        );
        assert!(
            !stderr.contains('\u{1b}') && !stderr.contains('\r'),
            "raw control characters on stderr{}",
            shown()
        );
        let expect = self.expect.replace(DATA, &path_text);
        let lines: Vec<&str> = stderr.lines().collect();
        match &self.batch {
            None => {
                assert_eq!(stdout, "", "stdout of an error{}", shown());
                assert_eq!(lines.len(), 1, "one line on stderr{}", shown());
                assert!(
                    lines[0].starts_with("edl: "),
                    "stderr starts with `edl: `{}",
                    shown()
                );
                assert!(
                    lines[0].contains(&expect),
                    "stderr names the problem: {expect:?}{}",
                    shown()
                );
            }
            Some((results, bad)) => {
                let out: Vec<&str> = stdout.lines().collect();
                assert_eq!(out.first(), Some(&CHECK_TSV_HEADER), "header{}", shown());
                assert_eq!(out.len(), 1 + results, "result lines{}", shown());
                assert_eq!(
                    lines.len(),
                    bad.len(),
                    "a stderr line per bad line{}",
                    shown()
                );
                for (line, number) in lines.iter().zip(bad) {
                    assert!(
                        line.starts_with(&format!("edl: line {number}: ")),
                        "stderr line for line {number}{}",
                        shown()
                    );
                    assert!(
                        line.contains(&expect),
                        "stderr names the problem: {expect:?}{}",
                        shown()
                    );
                    let fields: Vec<&str> = out[*number].split('\t').collect();
                    assert_eq!(
                        fields.get(2),
                        Some(&"error"),
                        "the result of line {number} is an error{}",
                        shown()
                    );
                    assert!(
                        fields.last().is_some_and(|reason| reason.contains(&expect)),
                        "the error result names the problem{}",
                        shown()
                    );
                }
            }
        }
    }
}

/// Puts the row's data in a fresh folder of its own and returns the path to pass to `edl`.
fn place_data(folder: &Path, data: &Data) -> PathBuf {
    let _ = std::fs::remove_dir_all(folder);
    std::fs::create_dir_all(folder).expect("a temporary folder");
    match data {
        Data::File(bytes) => {
            let path = folder.join("rollout.toml");
            std::fs::write(&path, bytes).expect("the data file is written");
            path
        }
        Data::Directory => {
            let path = folder.join("rollout.d");
            std::fs::create_dir(&path).expect("a data directory");
            path
        }
        Data::Missing => folder.join("missing.toml"),
    }
}

/// One `#[test]` per row, named for what is wrong.
macro_rules! bad_input {
    ($($(#[$attr:meta])* $name:ident: $case:expr;)+) => {
        $(
            $(#[$attr])*
            #[test]
            fn $name() {
                $case.check(stringify!($name));
            }
        )+
    };
}

bad_input! {
    // Places.
    empty_place: args(&["check", ""]).expects("the place is empty");
    whitespace_only_place: args(&["check", "   "]).expects("the place is empty");
    unknown_place_gets_suggestions: args(&["check", "chengdoo"])
        .expects("unknown place \"chengdoo\"; did you mean");
    place_with_an_escape_sequence_is_escaped: args(&["check", "\u{1b}[31mred"])
        .expects("unknown place \"\\u{1b}[31mred\"");
    place_of_500_bytes_is_read: args(&["check".to_string(), "a".repeat(500)]).expects("unknown place");
    place_of_1_kb: args(&["check".to_string(), "a".repeat(1024)]).expects("the place is too long (1024 bytes");
    place_of_100_kb_ascii: args(&["check".to_string(), "a".repeat(100 * 1024)])
        .expects("the place is too long (102400 bytes");
    place_of_100_kb_cjk: args(&["check".to_string(), "成".repeat(100 * 1024 / 3 + 1)])
        .expects("the place is too long (102402 bytes");
    place_not_utf8: args(&[OsStr::new("check"), OsStr::from_bytes(&[0xff, 0xfe])])
        .expects("invalid UTF-8");
    ambiguous_place_with_different_answers: args(&["check", "suzhou", "--on", "2021-06-01"])
        .expects("\"suzhou\" could be 3 places with different answers on 2021-06-01");
    stdin_dash_with_another_place: args(&["check", "-", "成都"])
        .expects("`-` (read places from stdin) must be the only PLACE");
    stdin_dash_twice: args(&["check", "-", "-"]).expects("must be the only PLACE");
    no_place: args(&["check"]).expects("required arguments were not provided");
    no_place_names_the_missing_argument: args(&["check"]).expects("<PLACE>");
    unknown_home: args(&["check", "成都", "--home", "nowhere"])
        .expects("in --home: unknown place \"nowhere\"");
    unknown_home_from_the_environment: args(&["check", "成都"])
        .env("EDL_HOME", "nowhere")
        .expects("in EDL_HOME: unknown place \"nowhere\"");
    ambiguous_home: args(&["check", "成都", "--home", "suzhou", "--on", "2021-06-01"])
        .expects("\"suzhou\" could be 3 places");

    // Dates.
    date_month_13: args(&["check", "成都", "--on", "2021-13-01"])
        .expects("no such day in the calendar");
    date_february_30: args(&["check", "成都", "--on", "2021-02-30"])
        .expects("no such day in the calendar");
    date_year_0000: args(&["check", "成都", "--on", "0000-01-01"])
        .expects("the date must fall in the years 2000 to 2099");
    date_year_99999: args(&["check", "成都", "--on", "99999-01-01"])
        .expects("expected a date as 2021-06-01, 2021/6/1, 20210601, 2021年6月1日, today, tomorrow, yesterday or +Nd");
    date_with_mixed_separators: args(&["check", "成都", "--on", "2021-6/1"])
        .expects("expected a date as 2021-06-01");
    date_with_a_three_digit_month: args(&["check", "成都", "--on", "2021-006-01"])
        .expects("expected a date as 2021-06-01");
    date_in_chinese_without_its_day_sign: args(&["check", "成都", "--on", "2021年6月1"])
        .expects("expected a date as 2021-06-01");
    date_in_seven_digits: args(&["check", "成都", "--on", "2021061"])
        .expects("expected a date as 2021-06-01");
    date_in_eight_digits_february_30: args(&["check", "成都", "--on", "20210230"])
        .expects("no such day in the calendar");
    date_days_ahead_without_a_number: args(&["check", "成都", "--on", "+d"])
        .expects("expected a date as 2021-06-01");
    date_days_back: args(&["check", "成都", "--on=-3d"])
        .expects("expected a date as 2021-06-01");
    date_days_ahead_past_the_last_year: args(&["check", "成都", "--on", "+99999d"])
        .expects("in --on: bad date \"+99999d\": the date must fall in the years 2000 to 2099");
    date_someday: args(&["check", "成都", "--on", "someday"])
        .expects("invalid value 'someday' for '--on <DATE>'");
    date_empty: args(&["check", "成都", "--on", ""]).expects("expected a date as 2021-06-01");
    date_with_a_time: args(&["check", "成都", "--on", "2021-06-01T00:00"])
        .expects("expected a date as 2021-06-01");
    date_in_fullwidth_digits: args(&["check", "成都", "--on", "２０２１-０６-０１"])
        .expects("expected a date as 2021-06-01");
    stop_date_february_30: args(&["check", "成都@2021-02-30"])
        .expects("bad date \"2021-02-30\": no such day in the calendar");
    stop_date_empty: args(&["check", "成都@"])
        .expects("bad date \"\": expected a date as 2021-06-01");
    stop_date_out_of_range: args(&["check", "成都@1999-12-31"])
        .expects("the date must fall in the years 2000 to 2099");
    home_with_a_date: args(&["check", "成都", "--home", "成都@2021-06-01"])
        .expects("in --home: the issuing place takes no date: it is checked on the first stop's date");
    place_that_is_a_date: args(&["check", "成都", "2021-07-01"])
        .expects("\"2021-07-01\" is a date, not a place; did you mean '--on 2021-07-01'?");
    place_that_is_a_date_written_as_people_do: args(&["check", "成都", "2021/7/1"])
        .expects("\"2021/7/1\" is a date, not a place; did you mean '--on 2021-07-01'?");
    place_that_is_a_relative_date: args(&["check", "成都", "Tomorrow"])
        .expects("\"Tomorrow\" is a date, not a place; did you mean '--on tomorrow'?");
    place_that_is_a_date_in_chinese: args(&["--lang", "zh", "check", "成都", "2021年7月1日"])
        .expects("“2021年7月1日”是日期，不是地点；是不是要输入“--on 2021-07-01”？");
    date_missing_its_value: args(&["check", "成都", "--on"])
        .expects("a value is required for '--on <DATE>'");
    show_date_february_30: args(&["show", "成都", "--on", "2021-02-30"])
        .expects("no such day in the calendar");

    // Flags and subcommands.
    unknown_license_state: args(&["check", "成都", "--license", "sleepy"])
        .expects("unknown license state");
    unknown_license_state_from_the_environment: args(&["check", "成都"])
        .env("EDL_LICENSE", "sleepy")
        .expects("unknown license state");
    empty_license_state: args(&["check", "成都", "--license", ""])
        .expects("unknown license state");
    unknown_format: args(&["check", "成都", "--format", "xml"])
        .expects("invalid value 'xml' for '--format <FORMAT>'");
    unknown_color: args(&["check", "成都", "--color", "sometimes"])
        .expects("invalid value 'sometimes' for '--color <WHEN>'");
    unknown_flag: args(&["check", "成都", "--frobnicate"])
        .expects("unexpected argument '--frobnicate'");
    unknown_subcommand: args(&["frobnicate"]).expects("unrecognized subcommand 'frobnicate'");
    unknown_shell: args(&["completions", "klingon"]).expects("invalid value 'klingon'");
    unknown_level: args(&["list", "--level", "town"])
        .expects("invalid value 'town' for '--level <LEVEL>'");
    unknown_status: args(&["list", "--status", "dead"])
        .expects("invalid value 'dead' for '--status <STATUS>'");
    show_as_tsv: args(&["show", "成都", "--format", "tsv"]).expects("invalid value 'tsv' for '--format <FORMAT>'");
    show_ambiguous: args(&["show", "suzhou"]).expects("\"suzhou\" could be 3 places");
    show_unknown: args(&["show", "nowhere"]).expects("unknown place \"nowhere\"");
    list_province_that_is_a_city: args(&["list", "--province", "成都"])
        .expects("in --province: \"成都\" is no province");
    list_province_unknown: args(&["list", "--province", "nowhere"])
        .expects("in --province: unknown place \"nowhere\"");

    // Data files.
    data_missing: args(&CHECK_WITH_DATA)
        .data(Data::Missing)
        .expects("cannot read data file @DATA");
    data_missing_from_the_environment: args(&["check", "成都"])
        .env("EDL_DATA", DATA)
        .data(Data::Missing)
        .expects("cannot read data file @DATA");
    data_directory: args(&CHECK_WITH_DATA)
        .data(Data::Directory)
        .expects("cannot read data file @DATA: it is a directory");
    data_empty: data_file(Vec::new()).expects("@DATA:1:1: the file is empty");
    data_whitespace_only: data_file(b"\n  \n\t\n".to_vec())
        .expects("@DATA:1:1: the file is empty");
    data_binary: data_file(b"ver\xff\xfe\x00\x01sion\x9c\x80".to_vec())
        .expects("@DATA:1:4: the file is not UTF-8 text");
    data_nul_byte: data_file(rollout_with("version", "\0version"))
        .expects("@DATA:1:1: the file contains a NUL byte");
    data_malformed_toml: data_file(rollout_with("on = 2021-06-01", "on = = 2021-06-01"))
        .expects("@DATA:19:6: extra `=`");
    data_malformed_toml_with_crlf: data_file(crlf(
        rollout_with("on = 2021-06-01", "on = = 2021-06-01"),
    ))
    .expects("@DATA:19:6: extra `=`");
    data_unknown_key: data_file(
        rollout_with("on = 2021-06-01", "on = 2021-06-01\nwhen = 2021-06-01"),
    )
    .expects("@DATA:20:1: unknown field `when`");
    data_unknown_key_with_a_newline: data_file(
        rollout_with("on = 2021-06-01", "on = 2021-06-01\n\"a\\nb\" = 1"),
    )
    .expects("@DATA:20:1: unknown field");
    data_misspelled_section: data_file(rollout_with("[default]", "[defaults]"))
        .expects("@DATA:4:2: unknown field `defaults`");
    data_missing_section: data_file(rollout_with(DEFAULT_SECTION, ""))
        .expects("@DATA:1:1: missing field `default`");
    data_unknown_quality: data_file(rollout_with("\"strong\"", "\"great\""))
        .expects("@DATA:14:11: unknown variant `great`");
    data_duplicate_fact_id: data_file(rollout_plus(&fact("pilot", "110000", "on = 2021-09-01")))
        .expects("@DATA:23:6: fact `pilot` is defined twice");
    data_duplicate_fact_id_with_an_escape: data_file(
        [
            rollout_with("id = \"pilot\"", "id = \"a\\u001bb\""),
            fact("a\\u001bb", "110000", "on = 2021-09-01").into_bytes(),
        ]
        .concat(),
    )
    .expects("@DATA:23:6: fact `a\\u{1b}b` is defined twice");
    data_place_not_a_division: data_file(rollout_with("\"510100\"", "\"999999\""))
        .expects("@DATA:18:11: place `999999` in fact `pilot` is no division code");
    data_place_by_name: data_file(rollout_with("\"510100\"", "\"成都\""))
        .expects("@DATA:18:11: place `成都` in fact `pilot` is no division code");
    data_window_ends_before_it_starts: data_file(
        rollout_with("on = 2021-06-01", "from = 2021-10-26\nuntil = 2021-10-20"),
    )
    .expects("@DATA:20:9: fact `pilot`: the window ends (2021-10-20) before it starts (2021-10-26)");
    data_default_window_ends_before_it_starts: data_file(
        rollout_with("latest = 2021-12-31", "latest = 2021-10-01"),
    )
    .expects("@DATA:6:10: the default window ends before it starts");
    data_undefined_source_in_a_fact: data_file(
        rollout_with("01\nsources = [\"s1\"]", "01\nsources = [\"s2\"]"),
    )
    .expects("@DATA:20:12: source `s2` is not defined");
    data_undefined_source_in_the_default: data_file(rollout_with("[\"s1\"]", "[\"s2\"]"))
        .expects("@DATA:7:12: source `s2` is not defined");
    data_fact_without_a_date: data_file(rollout_with("on = 2021-06-01\n", ""))
        .expects("@DATA:17:6: fact `pilot` gives no date");
    data_contradicting_facts: data_file(
        rollout_plus(&fact("later", "510000", "not_before = 2021-07-01")),
    )
    .expects("@DATA:23:6: facts `pilot` and `later` contradict each other for 成都市 (510100)");
    data_date_not_in_the_calendar: data_file(rollout_with("on = 2021-06-01", "on = 2021-02-30"))
        .expects("@DATA:19:6: invalid date");
    data_datetime_for_a_date: data_file(rollout_with("on = 2021-06-01", "on = 2021-06-01T08:00:00"))
        .expects("@DATA:19:6: `2021-06-01T08:00:00` is not a date (want YYYY-MM-DD)");
    data_string_for_a_date: data_file(rollout_with("2026-11-25", "\"2026-11-25\""))
        .expects("@DATA:2:9: invalid type: string \"2026-11-25\", expected a TOML datetime");
    data_two_problems_in_one_file: data_file(
        [
            rollout_with("\"510100\"", "\"999999\""),
            fact("later", "110000", "on = 2021-09-01").replace("s1", "s2").into_bytes(),
        ]
        .concat(),
    )
    .expects("@DATA:18:11: place `999999` in fact `pilot` is no division code (and 1 more problem");
    data_check_of_a_bad_file: args(&["data", "--check", DATA])
        .data(Data::File(rollout_with("\"510100\"", "\"999999\"")))
        .expects("@DATA:18:11: place `999999` in fact `pilot` is no division code");

    // `edl check -`: one result a line on stdout, one stderr line per bad line, exit code 2.
    batch_line_with_a_nul_byte: batch(b"\xe6\x88\x90\xe9\x83\xbd\n\xe6\x88\x90\0\xe9\x83\xbd\n")
        .results(2, &[2])
        .expects("the line contains a NUL byte");
    batch_line_not_utf8: batch(b"\xe6\x88\x90\xe9\x83\xbd\n\xff\xfe\n")
        .results(2, &[2])
        .expects("the line is not UTF-8 text");
    batch_unknown_place: batch("nowhere\n成都\n".as_bytes())
        .results(2, &[1])
        .expects("unknown place \"nowhere\"");
    batch_two_unknown_places: batch("nowhere\n成都\nchengdoo\n".as_bytes())
        .results(3, &[1, 3])
        .expects("unknown place \"");
    batch_bad_date: batch("成都\t2021-02-30\n".as_bytes())
        .results(1, &[1])
        .expects("bad date \"2021-02-30\": no such day in the calendar");
    batch_date_not_utf8: batch(b"\xe6\x88\x90\xe9\x83\xbd\t\xff\n")
        .results(1, &[1])
        .expects("the date is not UTF-8 text");
    batch_empty_place_before_a_date: batch(b"\t2021-06-01\n")
        .results(1, &[1])
        .expects("the place is empty");
    batch_ambiguous_place: batch(b"suzhou\t2021-06-01\n")
        .results(1, &[1])
        .expects("\"suzhou\" could be 3 places with different answers on 2021-06-01");
    batch_unknown_home: batch("成都\n".as_bytes())
        .env("EDL_HOME", "nowhere")
        .expects("in EDL_HOME: unknown place \"nowhere\"");
}
