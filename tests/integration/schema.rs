//! JSON schema version 2 (issue 14, points 1 and 2): one place object in every answer, the same
//! TSV rows in single and batch `check`, and errors as data.

use edl::output::{
    BatchLine, CHECK_TSV_HEADER, CheckReport, ErrorAnswer, ErrorKind, ErrorReport, Place,
};
use edl::verdict::{Status, Verdict};
use serde::Deserialize;

use crate::support::{Run, edl, outcome, run};

/// The part of `edl list --format json` every answer shares: its places.
#[derive(Deserialize)]
struct ListPlaces {
    schema_version: u32,
    places: Vec<Place>,
}

/// The part of `edl show --format json` every answer shares: its place.
#[derive(Deserialize)]
struct ShowPlace {
    schema_version: u32,
    place: Place,
}

fn parsed<'a, T: Deserialize<'a>>(text: &'a str) -> T {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not the typed JSON ({e}): {text}"))
}

fn batch(args: &[&str], input: &str) -> Run {
    let mut cmd = edl(["check", "-"].iter().chain(args));
    cmd.write_stdin(input.to_string());
    outcome(cmd)
}

/// The fields of a place that do not depend on what was asked or why.
fn standing(place: &Place) -> Place {
    Place {
        query: None,
        reason: None,
        carry: None,
        ..place.clone()
    }
}

#[test]
fn single_batch_list_show_and_error_json_parse_into_the_same_structs() {
    let on = ["--on", "2021-09-01", "--home", "成都", "--format", "json"];
    let single: CheckReport = parsed(
        &run(["check", "成都"]
            .iter()
            .chain(&on)
            .copied()
            .collect::<Vec<_>>())
        .stdout,
    );
    let lines = batch(&on, "成都\nchengdoo\n");
    assert_eq!(lines.code, 2, "a bad line makes the batch 2");
    let lines: Vec<BatchLine> = lines.stdout.lines().map(parsed).collect();
    let show: ShowPlace =
        parsed(&run(["show", "成都", "--on", "2021-09-01", "--format", "json"]).stdout);
    let list: ListPlaces = parsed(
        &run([
            "list",
            "--province",
            "四川",
            "--on",
            "2021-09-01",
            "--format",
            "json",
        ])
        .stdout,
    );
    let failed = run([
        "check",
        "chengdoo",
        "--on",
        "2021-09-01",
        "--format",
        "json",
    ]);
    let error: ErrorAnswer = parsed(&failed.stdout);

    for version in [
        single.schema_version,
        lines[0].schema_version,
        show.schema_version,
        list.schema_version,
        error.schema_version,
    ] {
        assert_eq!(version, 4);
    }
    let chengdu = &single.stops[0];
    assert_eq!(chengdu.query.as_deref(), Some("成都"));
    assert_eq!(chengdu.prefecture.as_deref(), Some("成都市"));
    assert_eq!(chengdu.verdict, Verdict::ELicense);
    assert_eq!(
        &lines[0].stops[0], chengdu,
        "a batch line's place is check's"
    );
    assert_eq!(
        lines[0].home.as_deref(),
        single.home.as_deref(),
        "a batch line has the trip's home"
    );
    // check's place also says what to carry at the stop; show's has no trip to carry for.
    assert_eq!(
        chengdu.carry.as_deref(),
        Some(&["digital-licence".to_string()][..])
    );
    let mut checked = chengdu.clone();
    checked.carry = None;
    assert_eq!(show.place, checked, "show's place is check's");
    let listed = list
        .places
        .iter()
        .find(|place| place.code == "510100")
        .expect("成都 in 四川's list");
    assert_eq!(
        *listed,
        standing(&checked),
        "list's place is check's, unasked"
    );

    // A bad batch line's error is the error object of a command that fails.
    assert_eq!(lines[1].verdict, None);
    assert_eq!(lines[1].error.as_ref(), Some(&error.error));
    assert_eq!(error.exit_code, 2);
    assert_eq!(error.error.kind, ErrorKind::UnknownPlace);
    assert_eq!(error.error.query.as_deref(), Some("chengdoo"));
    assert!(
        error.error.candidates.is_empty(),
        "an unknown place means none"
    );
    let suggested: Vec<&str> = error
        .error
        .suggestions
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert!(suggested.contains(&"成都市"), "{suggested:?}");
    assert_eq!(
        standing(
            error
                .error
                .suggestions
                .iter()
                .find(|p| p.code == "510100")
                .expect("成都 among the suggestions")
        ),
        standing(chengdu),
        "a suggestion is a place like any other"
    );
}

#[test]
fn the_window_is_named_for_its_ends() {
    let report: CheckReport =
        parsed(&run(["check", "拉萨", "--on", "2021-11-15", "--format", "json"]).stdout);
    let window = report.stops[0].window.expect("a mainland window");
    assert_eq!(window.earliest.to_string(), "2021-10-20");
    assert_eq!(window.latest.to_string(), "2021-12-31");
    assert_eq!(report.stops[0].status, Some(Status::Uncertain));
}

#[test]
fn single_and_batch_tsv_have_the_same_rows_for_an_ambiguous_query() {
    let args = ["--on", "2022-01-01", "--format", "tsv"];
    let single = run(["check", "suzhou"]
        .iter()
        .chain(&args)
        .copied()
        .collect::<Vec<_>>());
    let batched = batch(&args, "suzhou\n");
    assert_eq!(single.code, 0, "{}", single.stderr);
    assert_eq!(batched.code, 0, "{}", batched.stderr);
    assert_eq!(single.stdout, batched.stdout);
    let lines: Vec<&str> = single.stdout.lines().collect();
    assert_eq!(lines[0], CHECK_TSV_HEADER);
    assert_eq!(
        lines.len(),
        4,
        "苏州, 宿州 and 肃州区, a row each:\n{}",
        single.stdout
    );
    for line in &lines[1..] {
        assert_eq!(
            line.split('\t').count(),
            CHECK_TSV_HEADER.split('\t').count(),
            "{line}"
        );
    }
}

#[test]
fn an_unknown_place_as_json_is_an_error_object_and_still_one_line_on_stderr() {
    let done = run(["check", "chengdoo", "--format", "json"]);
    assert_eq!(done.code, 2);
    assert_eq!(done.stderr.lines().count(), 1, "{}", done.stderr);
    assert!(done.stderr.starts_with("edl: unknown place \"chengdoo\""));
    let answer: ErrorAnswer = parsed(&done.stdout);
    assert_eq!(answer.error.kind, ErrorKind::UnknownPlace);
    assert_eq!(
        format!("edl: {}\n", answer.error.message),
        done.stderr,
        "the object says what stderr says"
    );
    // Without --format json, stdout stays empty.
    run(["check", "chengdoo"]).assert_error_line();
}

#[test]
fn an_ambiguous_place_lists_its_candidates_with_their_own_verdicts() {
    let done = run(["check", "suzhou", "--on", "2021-06-01", "--format", "json"]);
    assert_eq!(done.code, 2);
    let error: ErrorReport = parsed::<ErrorAnswer>(&done.stdout).error;
    assert_eq!(error.kind, ErrorKind::AmbiguousPlace);
    let candidates: Vec<(&str, Option<&str>, Verdict)> = error
        .candidates
        .iter()
        .map(|p| (p.name.as_str(), p.query.as_deref(), p.verdict))
        .collect();
    assert_eq!(
        candidates,
        [
            ("苏州市", Some("苏州市"), Verdict::ELicense),
            ("宿州市", Some("宿州市"), Verdict::BringCard),
            ("肃州区", Some("肃州区"), Verdict::BringCard),
        ]
    );
}

#[test]
fn errors_of_every_command_are_data() {
    let cases: [(&[&str], ErrorKind); 6] = [
        (&["check", "成都", "--on", "2021-13-01"], ErrorKind::BadDate),
        (
            &["check", "成都", "--license", "sleepy"],
            ErrorKind::UnknownLicense,
        ),
        (
            &["check", "成都", "--home", "nowhere-place"],
            ErrorKind::UnknownPlace,
        ),
        (&["show", "gulou"], ErrorKind::AmbiguousPlace),
        (&["list", "--province", "成都"], ErrorKind::WrongLevel),
        (&["check", "-", "成都"], ErrorKind::Usage),
    ];
    for (args, kind) in cases {
        let done = run(args.iter().copied().chain(["--format", "json"]));
        assert_eq!(done.code, 2, "{args:?}");
        assert_eq!(done.stderr.lines().count(), 1, "{args:?}: {}", done.stderr);
        let answer: ErrorAnswer = parsed(&done.stdout);
        assert_eq!(answer.error.kind, kind, "{args:?}");
    }
    let home = run([
        "check",
        "成都",
        "--home",
        "nowhere-place",
        "--format",
        "json",
    ]);
    let error = parsed::<ErrorAnswer>(&home.stdout).error;
    assert!(
        error.message.starts_with("in --home: unknown place"),
        "{}",
        error.message
    );
    let show = parsed::<ErrorAnswer>(&run(["show", "gulou", "--format", "json"]).stdout).error;
    assert!(show.candidates.len() >= 2, "{show:?}");
}

#[test]
fn error_objects_are_english_in_every_language() {
    let args = ["check", "suzhou", "--on", "2021-06-01", "--format", "json"];
    let en = run(args);
    let zh = run(["--lang", "zh"]
        .iter()
        .chain(&args)
        .copied()
        .collect::<Vec<_>>());
    assert_eq!(en.stdout, zh.stdout);
    assert_ne!(en.stderr, zh.stderr, "stderr speaks the user's language");
}

#[test]
fn jq_reads_the_errors() {
    if std::process::Command::new("jq")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("jq is not installed: skipped");
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin!("edl");
    let script = format!(
        "'{bin}' check chengdoo --format json 2>/dev/null | jq -e .error.kind && \
         '{bin}' check suzhou --on 2021-06-01 --format json 2>/dev/null | jq '.error.candidates | length'",
        bin = bin.display()
    );
    let output = std::process::Command::new("bash")
        .args(["-c", &script])
        .env("LC_ALL", "C.UTF-8")
        .output()
        .expect("bash runs");
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "\"unknown-place\"\n3\n"
    );
}
