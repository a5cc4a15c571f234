//! The environment as people set it: an empty `EDL_*` variable counts as unset (as an empty
//! `LC_ALL` does), an error in a value that came from a variable names the variable, and
//! `edl check -` with no query on stdin is an error, not an answer about nothing.

use crate::support::{Run, edl, outcome};

/// `edl` with these arguments, variables and stdin.
fn with(args: &[&str], env: &[(&str, &str)], stdin: &str) -> Run {
    let mut cmd = edl(args);
    for (name, value) in env {
        cmd.env(name, value);
    }
    cmd.write_stdin(stdin.as_bytes().to_vec());
    outcome(cmd)
}

#[test]
fn an_empty_variable_counts_as_unset() {
    let args = ["check", "成都", "--on", "2022-01-01"];
    let unset = with(&args, &[], "");
    assert_eq!(unset.code, 0, "{}", unset.stderr);
    for name in ["EDL_DATA", "EDL_LICENSE", "EDL_HOME", "EDL_LANG"] {
        let empty = with(&args, &[(name, "")], "");
        assert_eq!(
            (empty.code, empty.stdout.as_str(), empty.stderr.as_str()),
            (unset.code, unset.stdout.as_str(), ""),
            "{name}="
        );
    }
    // A flag still wins over an empty variable, and a set one still works.
    let home = with(
        &[
            "check",
            "成都",
            "--on",
            "2021-06-01",
            "--home",
            "拉萨",
            "-q",
        ],
        &[("EDL_HOME", "")],
        "",
    );
    assert_eq!(home.code, 1);
    let batch = with(
        &["check", "-", "--format", "tsv"],
        &[("EDL_LICENSE", "")],
        "成都\t2022-01-01\n",
    );
    assert_eq!(batch.code, 0, "{}", batch.stderr);
}

#[test]
fn an_error_in_a_variable_names_the_variable() {
    let args = ["check", "成都", "--on", "2021-06-01"];
    let cases = [
        (
            ("EDL_HOME", "suzhou"),
            "edl: in EDL_HOME: \"suzhou\" could be 3 places with different answers on 2021-06-01:",
        ),
        (
            ("EDL_HOME", "nowhere"),
            "edl: in EDL_HOME: unknown place \"nowhere\"",
        ),
        (
            ("EDL_LICENSE", "sleepy"),
            "edl: in EDL_LICENSE: invalid value 'sleepy' for '--license <STATE>': unknown license state",
        ),
        (
            ("EDL_LANG", "fr"),
            "edl: in EDL_LANG: invalid value 'fr' for '--lang <LANG>'",
        ),
        (
            ("EDL_DATA", "/nonexistent/rollout.toml"),
            "edl: in EDL_DATA: cannot read data file /nonexistent/rollout.toml: No such file",
        ),
    ];
    for (variable, start) in cases {
        let line = with(&args, &[variable], "").assert_error_line().to_string();
        assert!(line.starts_with(start), "{variable:?}: {line}");
    }
    let chinese = with(&args, &[("EDL_HOME", "nowhere"), ("EDL_LANG", "zh")], "");
    assert!(
        chinese
            .assert_error_line()
            .starts_with("edl: 环境变量 EDL_HOME：未知地点“nowhere”"),
        "{}",
        chinese.stderr
    );
}

#[test]
fn an_error_in_a_flag_names_the_flag_even_with_the_variable_set() {
    let args = ["check", "成都", "--on", "2021-06-01"];
    let home = with(
        &[&args[..], &["--home", "suzhou"]].concat(),
        &[("EDL_HOME", "拉萨")],
        "",
    );
    assert!(
        home.assert_error_line()
            .starts_with("edl: in --home: \"suzhou\" could be 3 places"),
        "{}",
        home.stderr
    );
    for flag in [&["--license", "sleepy"][..], &["--license=sleepy"]] {
        let license = with(
            &[&args[..], flag].concat(),
            &[("EDL_LICENSE", "suspended")],
            "",
        );
        let line = license.assert_error_line();
        assert!(
            line.starts_with("edl: invalid value 'sleepy' for '--license"),
            "{line}"
        );
    }
    // A stop that is ambiguous is the stop's error, not the home's.
    let stop = with(
        &["check", "suzhou", "--on", "2021-06-01"],
        &[("EDL_HOME", "成都")],
        "",
    );
    assert!(
        stop.assert_error_line()
            .starts_with("edl: \"suzhou\" could be"),
        "{}",
        stop.stderr
    );
}

#[test]
fn a_batch_names_the_variable_its_home_came_from() {
    let run = with(
        &["check", "-", "--format", "tsv", "--on", "2021-06-01"],
        &[("EDL_HOME", "suzhou")],
        "成都\n",
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("edl: line 1: in EDL_HOME: \"suzhou\" could be 3 places"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1);
}

#[test]
fn a_batch_without_a_query_is_an_error() {
    let expected = "edl: no query on stdin: `edl check -` reads one place a line (PLACE, PLACE@DATE or PLACE<TAB>DATE)";
    for format in ["human", "tsv", "json"] {
        for stdin in ["", "\n\n", "# a comment only\n   \n"] {
            let mut run = with(&["check", "-", "--format", format], &[], stdin);
            if format == "json" {
                // Errors as data: the error object on stdout, the line on stderr.
                let report: serde_json::Value =
                    serde_json::from_str(&run.stdout).expect("an error object");
                assert_eq!(report["error"]["kind"], "usage", "{stdin:?}");
                run.stdout.clear();
            }
            assert_eq!(run.assert_error_line(), expected, "{format} {stdin:?}");
        }
    }
    let quiet = with(&["check", "-", "-q"], &[], "");
    assert_eq!(quiet.assert_error_line(), expected);
    let chinese = with(&["check", "-", "--lang", "zh"], &[], "");
    assert!(
        chinese
            .assert_error_line()
            .starts_with("edl: 标准输入中没有查询")
    );
}
