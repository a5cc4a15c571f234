//! `edl check`: the answers of issue 3, the exit codes, and the three output formats.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use edl::output::{CHECK_TSV_HEADER, CheckReport};
use edl::verdict::{LicenseState, Status, Verdict};
use serde_json::Value;

use crate::support::{Run, run};

/// Runs `edl check ARGS` (human output) and asserts the exit code and the verdict line's first
/// word; nothing may go to stderr.
fn answer(args: &[&str], code: i32, verdict: Verdict) -> Run {
    let outcome = run(std::iter::once("check").chain(args.iter().copied()));
    assert_eq!(
        outcome.code, code,
        "exit code of check {args:?}; stdout:\n{}\nstderr:\n{}",
        outcome.stdout, outcome.stderr
    );
    assert_eq!(outcome.stderr, "", "stderr of check {args:?}");
    assert_eq!(
        outcome.verdict_word(),
        verdict.id(),
        "verdict line of check {args:?}: {}",
        outcome.first_line()
    );
    outcome
}

/// Runs `edl check ARGS --format json`, asserts the exit code and parses the report.
fn report(args: &[&str], code: i32) -> CheckReport {
    let outcome = run(std::iter::once("check")
        .chain(args.iter().copied())
        .chain(["--format", "json"]));
    assert_eq!(
        outcome.code, code,
        "exit code of check {args:?} --format json; stderr: {}",
        outcome.stderr
    );
    assert_eq!(outcome.stderr, "", "stderr of check {args:?} --format json");
    let report: CheckReport = serde_json::from_str(&outcome.stdout)
        .unwrap_or_else(|error| panic!("not a CheckReport ({error}):\n{}", outcome.stdout));
    assert_eq!(i32::from(report.exit_code), code, "exit_code in the JSON");
    report
}

/// The names and statuses of a report's stops, in order.
fn statuses(report: &CheckReport) -> Vec<(&str, Status)> {
    report
        .stops
        .iter()
        .map(|stop| (stop.name.as_str(), stop.status.expect("a rollout status")))
        .collect()
}

/// A stop's query, code, status and live window, to compare in one go.
type StopKey<'a> = (
    &'a str,
    &'a str,
    Status,
    Option<NaiveDate>,
    Option<NaiveDate>,
);

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a test date")
}

/// One place on one date: the verdict, and the status of the single place it resolves to.
fn single_place(args: &[&str], code: i32, verdict: Verdict, name: &str, status: Status) {
    let human = answer(args, code, verdict);
    if verdict == Verdict::BringCard {
        let blocking = format!("{name} {}", status.id());
        assert!(
            human.first_line().contains(&blocking),
            "the verdict line names {blocking:?}: {}",
            human.first_line()
        );
    }
    assert_eq!(statuses(&report(args, code)), [(name, status)]);
}

// --- The rollout dates of issue 3 ---

#[test]
fn chengdu_is_not_live_the_day_before_the_pilot() {
    single_place(
        &["成都", "--on", "2021-05-31"],
        1,
        Verdict::BringCard,
        "成都市",
        Status::NotYet,
    );
}

#[test]
fn chengdu_is_live_from_the_pilot_day() {
    single_place(
        &["成都", "--on", "2021-06-01", "--home", "成都"],
        0,
        Verdict::ELicense,
        "成都市",
        Status::Live,
    );
}

#[test]
fn beijing_is_not_live_before_the_first_batch() {
    single_place(
        &["北京", "--on", "2021-08-31"],
        1,
        Verdict::BringCard,
        "北京市",
        Status::NotYet,
    );
}

#[test]
fn beijing_is_live_from_the_first_batch() {
    single_place(
        &["北京", "--on", "2021-09-01", "--home", "北京"],
        0,
        Verdict::ELicense,
        "北京市",
        Status::Live,
    );
}

#[test]
fn dali_is_uncertain_inside_its_window() {
    let args = ["大理", "--on", "2021-10-22"];
    let human = answer(&args, 1, Verdict::BringCard);
    assert!(
        human.first_line().contains("uncertain"),
        "the verdict line gives the status: {}",
        human.first_line()
    );
    let report = report(&args, 1);
    assert!(!report.stops.is_empty());
    for stop in &report.stops {
        assert!(stop.name.starts_with("大理"), "a 大理 place: {}", stop.name);
        assert_eq!(
            stop.status,
            Some(Status::Uncertain),
            "status of {}",
            stop.name
        );
    }
}

#[test]
fn dali_is_live_at_the_end_of_its_window() {
    let args = ["大理", "--on", "2021-10-26", "--home", "大理"];
    answer(&args, 0, Verdict::ELicense);
    let report = report(&args, 0);
    assert!(!report.stops.is_empty());
    for stop in &report.stops {
        assert!(stop.name.starts_with("大理"), "a 大理 place: {}", stop.name);
        assert_eq!(stop.status, Some(Status::Live), "status of {}", stop.name);
    }
}

#[test]
fn taiyuan_is_not_live_before_the_second_batch() {
    single_place(
        &["太原", "--on", "2021-10-19"],
        1,
        Verdict::BringCard,
        "太原市",
        Status::NotYet,
    );
}

#[test]
fn taiyuan_is_live_from_the_second_batch() {
    single_place(
        &["太原", "--on", "2021-10-20", "--home", "太原"],
        0,
        Verdict::ELicense,
        "太原市",
        Status::Live,
    );
}

#[test]
fn lhasa_is_uncertain_in_november_2021() {
    single_place(
        &["拉萨", "--on", "2021-11-15"],
        1,
        Verdict::BringCard,
        "拉萨市",
        Status::Uncertain,
    );
}

#[test]
fn lhasa_is_still_uncertain_on_the_nationwide_day() {
    single_place(
        &["拉萨", "--on", "2021-12-10"],
        1,
        Verdict::BringCard,
        "拉萨市",
        Status::Uncertain,
    );
}

#[test]
fn lhasa_is_live_in_2022() {
    single_place(
        &["拉萨", "--on", "2022-01-01"],
        0,
        Verdict::ELicense,
        "拉萨市",
        Status::Live,
    );
}

#[test]
fn kunshan_takes_suzhous_pilot_date() {
    let args = ["昆山", "--on", "2021-06-01", "--home", "苏州"];
    let human = answer(&args, 0, Verdict::ELicense);
    assert!(
        human.stdout.contains("昆山市"),
        "names 昆山市:\n{}",
        human.stdout
    );
    let report = report(&args, 0);
    assert_eq!(statuses(&report), [("昆山市", Status::Live)]);
    assert_eq!(report.stops[0].province.as_deref(), Some("江苏省"));
}

#[test]
fn hong_kong_is_not_covered() {
    let args = ["香港", "--on", "2021-06-01"];
    let human = answer(&args, 1, Verdict::BringCard);
    assert!(
        human
            .first_line()
            .contains("香港特别行政区 outside the mainland"),
        "the verdict line says why: {}",
        human.first_line()
    );
    let report = report(&args, 1);
    assert_eq!(report.stops.len(), 1);
    assert!(
        report.stops[0].name.starts_with("香港"),
        "{:?}",
        report.stops[0]
    );
    assert_eq!(report.stops[0].status, Some(Status::NotCovered));
    assert_eq!(report.stops[0].window, None);
}

// --- Ambiguous places ---

#[test]
fn ambiguous_suzhou_with_different_answers_asks_to_choose() {
    let outcome = run(["check", "suzhou", "--on", "2021-06-01"]);
    let line = outcome.assert_error_line();
    for expected in ["苏州市", "320500", "宿州市", "341300"] {
        assert!(line.contains(expected), "lists {expected}: {line}");
    }
}

#[test]
fn ambiguous_suzhou_with_one_answer_names_the_places_considered() {
    let args = ["suzhou", "--on", "2025-01-01"];
    let human = answer(&args, 0, Verdict::ELicense);
    let note = human
        .stdout
        .lines()
        .find(|line| line.starts_with("note:") && line.contains("suzhou"))
        .unwrap_or_else(|| panic!("a note about \"suzhou\":\n{}", human.stdout));
    for place in ["苏州市", "宿州市"] {
        assert!(note.contains(place), "the note names {place}: {note}");
    }
    let report = report(&args, 0);
    let codes: Vec<&str> = report.stops.iter().map(|stop| stop.code.as_str()).collect();
    assert!(
        codes.contains(&"320500") && codes.contains(&"341300"),
        "{codes:?}"
    );
    assert!(
        report
            .stops
            .iter()
            .all(|stop| stop.status == Some(Status::Live))
    );
    assert!(
        report
            .notes
            .iter()
            .any(|note| note.contains("苏州市") && note.contains("宿州市")),
        "{:?}",
        report.notes
    );
}

#[test]
fn suzhou_with_its_province_jiangsu_resolves() {
    let args = ["suzhou, jiangsu", "--on", "2021-06-01", "--home", "苏州"];
    answer(&args, 0, Verdict::ELicense);
    let report = report(&args, 0);
    assert_eq!(report.stops.len(), 1);
    assert_eq!(report.stops[0].code, "320500");
    assert_eq!(report.stops[0].name, "苏州市");
    assert_eq!(report.stops[0].status, Some(Status::Live));
}

#[test]
fn suzhou_anhui_resolves_to_suzhou_in_anhui() {
    let report = report(&["suzhou anhui", "--on", "2021-06-01"], 1);
    assert_eq!(report.verdict, Verdict::BringCard);
    assert_eq!(report.stops.len(), 1);
    assert_eq!(report.stops[0].code, "341300");
    assert_eq!(report.stops[0].name, "宿州市");
    assert_eq!(report.stops[0].province.as_deref(), Some("安徽省"));
}

// --- License states, itineraries, home ---

#[test]
fn suspended_license_is_no_valid_license() {
    answer(
        &["chengdu", "--license", "suspended"],
        3,
        Verdict::NoValidLicense,
    );
}

#[test]
fn the_words_drivers_use_for_twelve_points_are_that_state() {
    for word in ["超分", "满分", "累积记分满分", "记满12分", "full-points"] {
        let json = report(&["成都", "--on", "2025-01-01", "--license", word], 3);
        assert_eq!(json.license, LicenseState::FullPoints, "{word}");
        assert_eq!(json.verdict, Verdict::NoValidLicense, "{word}");
    }
}

#[test]
fn pending_violation_in_chinese_is_still_usable() {
    answer(&["成都", "--license", "违法未处理"], 0, Verdict::ELicense);
}

#[test]
fn itinerary_names_the_stop_that_is_not_live() {
    let args = ["北京", "天津", "--on", "2021-07-01"];
    let human = answer(&args, 1, Verdict::BringCard);
    assert!(
        human.first_line().contains("北京市"),
        "the verdict line names 北京市: {}",
        human.first_line()
    );
    assert!(
        !human.first_line().contains("天津市"),
        "天津 is live; the verdict line should not block on it: {}",
        human.first_line()
    );
    assert_eq!(
        statuses(&report(&args, 1)),
        [("北京市", Status::NotYet), ("天津市", Status::Live)]
    );
}

#[test]
fn home_city_not_live_means_bring_the_card() {
    let args = ["成都", "--home", "拉萨", "--on", "2021-07-01"];
    let human = answer(&args, 1, Verdict::BringCard);
    assert!(
        human.first_line().contains("拉萨市"),
        "the verdict line names the home city: {}",
        human.first_line()
    );
    let report = report(&args, 1);
    assert_eq!(statuses(&report), [("成都市", Status::Live)]);
    let home = report.home.expect("a home in the report");
    assert_eq!(home.len(), 1);
    assert_eq!(home[0].name, "拉萨市");
    assert_eq!(home[0].status, Some(Status::NotYet));
}

// --- Errors ---

#[test]
fn misspelt_place_suggests_the_closest_name() {
    let outcome = run(["check", "chengdoo"]);
    let line = outcome.assert_error_line();
    assert!(line.contains("chengdoo"), "repeats the query: {line}");
    assert!(
        line.contains("chengdu") && line.contains("成都"),
        "suggests chengdu / 成都: {line}"
    );
}

#[test]
fn impossible_date_is_an_error() {
    let outcome = run(["check", "成都", "--on", "2021-02-30"]);
    let line = outcome.assert_error_line();
    assert!(line.contains("2021-02-30"), "names the date: {line}");
}

#[test]
fn empty_place_is_an_error_not_a_panic() {
    run(["check", ""]).assert_error_line();
}

// --- Quiet ---

#[test]
fn quiet_prints_nothing_and_exits_0_when_live() {
    let outcome = run([
        "check",
        "成都",
        "--on",
        "2021-06-01",
        "--home",
        "成都",
        "-q",
    ]);
    assert_eq!(outcome.code, 0);
    assert_eq!(outcome.stdout, "");
    assert_eq!(outcome.stderr, "");
}

#[test]
fn quiet_prints_nothing_and_exits_1_when_not_live() {
    let outcome = run(["check", "成都", "--on", "2021-05-31", "-q"]);
    assert_eq!(outcome.code, 1);
    assert_eq!(outcome.stdout, "");
    assert_eq!(outcome.stderr, "");
}

// --- Formats ---

#[test]
fn json_report_has_the_documented_schema() {
    let args = ["成都", "北京", "--on", "2021-07-01"];
    let report = report(&args, 1);
    assert_eq!(report.schema_version, 4);
    assert_eq!(report.verdict, Verdict::BringCard);
    assert_eq!(report.exit_code, 1);
    assert_eq!(report.on, day("2021-07-01"));
    assert_eq!(report.home, None);
    let stops: Vec<StopKey<'_>> = report
        .stops
        .iter()
        .map(|stop| {
            (
                stop.query.as_deref().unwrap_or(""),
                stop.code.as_str(),
                stop.status.expect("a rollout status"),
                stop.window.map(|w| w.earliest),
                stop.window.map(|w| w.latest),
            )
        })
        .collect();
    assert_eq!(
        stops,
        [
            (
                "成都",
                "510100",
                Status::Live,
                Some(day("2021-06-01")),
                Some(day("2021-06-01"))
            ),
            (
                "北京",
                "110000",
                Status::NotYet,
                Some(day("2021-09-01")),
                Some(day("2021-09-01"))
            ),
        ]
    );

    // The key names are the contract: a renamed key must fail here.
    let outcome = run([
        "check",
        "成都",
        "北京",
        "--on",
        "2021-07-01",
        "--format",
        "json",
    ]);
    let value: Value = serde_json::from_str(&outcome.stdout).expect("JSON");
    let keys = |value: &Value| -> BTreeSet<String> {
        value
            .as_object()
            .expect("an object")
            .keys()
            .cloned()
            .collect()
    };
    let set = |names: &[&str]| -> BTreeSet<String> {
        names.iter().map(|name| name.to_string()).collect()
    };
    assert_eq!(
        keys(&value),
        set(&[
            "schema_version",
            "verdict",
            "exit_code",
            "carry",
            "on",
            "license",
            "data",
            "stops",
            "home",
            "notes",
        ])
    );
    assert_eq!(keys(&value["data"]), set(&["version", "as_of"]));
    let stop_keys = set(&[
        "query",
        "code",
        "name",
        "pinyin",
        "province",
        "prefecture",
        "level",
        "country",
        "subdivision",
        "window",
        "status",
        "on",
        "verdict",
        "reason",
    ]);
    let stops = value["stops"].as_array().expect("stops is an array");
    assert_eq!(stops.len(), 2);
    // A stop also says what to carry there (the home has no such list).
    let mut carrying = stop_keys.clone();
    carrying.insert("carry".to_string());
    for stop in stops {
        assert_eq!(keys(stop), carrying);
        assert_eq!(stop["country"]["code"], "CN");
    }
    assert_eq!(stops[0]["subdivision"]["code"], "CN-SC");
    assert_eq!(stops[1]["subdivision"]["code"], "CN-BJ");
    assert_eq!(value["verdict"], "bring-card");
    assert_eq!(value["license"], "normal");
    assert_eq!(value["on"], "2021-07-01");
    assert_eq!(stops[1]["status"], "not-yet");
    assert_eq!(stops[1]["window"]["earliest"], "2021-09-01");
    assert_eq!(stops[1]["window"]["latest"], "2021-09-01");
    assert_eq!(keys(&stops[1]["window"]), set(&["earliest", "latest"]));
    assert_eq!(
        stops[0]["verdict"], "bring-card",
        "no --home before 2021-12-31"
    );
    assert_eq!(value["home"], Value::Null);
}

#[test]
fn tsv_has_the_header_and_one_line_per_stop() {
    let outcome = run([
        "check",
        "成都",
        "北京",
        "--on",
        "2021-07-01",
        "--format",
        "tsv",
    ]);
    assert_eq!(outcome.code, 1, "stderr: {}", outcome.stderr);
    assert_eq!(outcome.stderr, "");
    let lines: Vec<&str> = outcome.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "header and two stops:\n{}", outcome.stdout);
    assert_eq!(lines[0], CHECK_TSV_HEADER);
    assert_eq!(
        lines[0],
        "query\ton\tverdict\tcode\tname\tpinyin\tprovince\tprefecture\tcountry\tsubdivision\tlevel\twindow_earliest\twindow_latest\tstatus\tcarry\treason"
    );
    let width = CHECK_TSV_HEADER.split('\t').count();
    let rows: Vec<Vec<&str>> = lines[1..]
        .iter()
        .map(|line| line.split('\t').collect())
        .collect();
    for row in &rows {
        assert_eq!(row.len(), width, "fields of {row:?}");
    }
    assert_eq!(
        rows[0][..14],
        [
            "成都",
            "2021-07-01",
            "bring-card",
            "510100",
            "成都市",
            "Chengdu",
            "四川省",
            "成都市",
            "CN",
            "CN-SC",
            "prefecture",
            "2021-06-01",
            "2021-06-01",
            "live"
        ]
    );
    assert_eq!(
        rows[1][..14],
        [
            "北京",
            "2021-07-01",
            "bring-card",
            "110000",
            "北京市",
            "Beijing",
            "北京市",
            "北京市",
            "CN",
            "CN-BJ",
            "province",
            "2021-09-01",
            "2021-09-01",
            "not-yet"
        ]
    );
}

#[test]
fn human_output_has_a_verdict_line_and_a_table() {
    let human = answer(&["成都", "--on", "2021-05-31"], 1, Verdict::BringCard);
    assert!(
        human.first_line().starts_with("bring-card: "),
        "{}",
        human.first_line()
    );
    assert!(
        human.stdout.contains("成都市 Chengdu"),
        "place with pinyin:\n{}",
        human.stdout
    );
    assert!(
        human.stdout.contains("E-license live from"),
        "table header:\n{}",
        human.stdout
    );
    let row = human
        .stdout
        .lines()
        .find(|line| line.contains("成都市 Chengdu"))
        .expect("a row for 成都市");
    assert!(
        row.contains("2021-06-01") && row.contains("bring-card"),
        "the row: {row}"
    );
}

#[test]
fn human_output_has_no_colour_when_stdout_is_not_a_terminal() {
    let human = answer(
        &["成都", "--on", "2021-06-01", "--home", "成都"],
        0,
        Verdict::ELicense,
    );
    assert!(
        !human.stdout.contains('\x1b'),
        "ANSI escapes:\n{:?}",
        human.stdout
    );
}

#[test]
fn colour_always_wraps_the_verdict_in_ansi_escapes() {
    let outcome = run(["--color", "always", "check", "成都", "--on", "2021-05-31"]);
    assert_eq!(outcome.code, 1, "stderr: {}", outcome.stderr);
    let first = outcome.first_line();
    assert!(
        first.starts_with("\x1b["),
        "starts with an escape: {first:?}"
    );
    let reset = first
        .find("bring-card\x1b[0m")
        .unwrap_or_else(|| panic!("the verdict then a reset: {first:?}"));
    assert!(
        first[..reset].ends_with('m') && !first[..reset].contains("bring-card"),
        "only escapes before the verdict: {first:?}"
    );
}

#[test]
fn help_documents_the_exit_codes() {
    for args in [&["--help"][..], &["check", "--help"][..]] {
        let outcome = run(args.iter().copied());
        assert_eq!(outcome.code, 0, "{args:?}");
        assert!(outcome.stdout.contains("Exit codes:"), "{args:?}");
        for (code, verdict) in [
            ("0", "e-license"),
            ("1", "bring-card"),
            ("2", "error"),
            ("3", "no-valid-license"),
        ] {
            let documented = outcome.stdout.lines().any(|line| {
                let line = line.trim_start();
                line.starts_with(code) && line[code.len()..].trim_start().starts_with(verdict)
            });
            assert!(
                documented,
                "{args:?} documents exit code {code} ({verdict}):\n{}",
                outcome.stdout
            );
        }
    }
}

/// Scripts tell places apart by country and subdivision; JSON never pairs a status with a
/// verdict it contradicts; English names a province as it is written in Latin letters
/// (issue 26, item 2 and 3).
#[test]
fn a_row_names_its_country_and_subdivision() {
    let tsv = run([
        "check",
        "Sydney",
        "--home",
        "NSW",
        "--on",
        "2026-12-01",
        "--format",
        "tsv",
    ]);
    assert_eq!(tsv.code, 0, "{}", tsv.stderr);
    let lines: Vec<&str> = tsv.stdout.lines().collect();
    let header: Vec<&str> = lines[0].split('\t').collect();
    let row: Vec<&str> = lines[1].split('\t').collect();
    let field = |name: &str| {
        let at = header.iter().position(|h| *h == name).expect(name);
        row[at]
    };
    assert_eq!(
        (field("country"), field("subdivision"), field("status")),
        ("AU", "AU-NSW", "")
    );

    let json = report(&["Warsaw", "--home", "PL", "--on", "2026-12-01"], 0);
    assert_eq!(json.stops[0].verdict, Verdict::NoCardNeeded);
    assert_eq!(
        json.stops[0].status, None,
        "no not-covered beside no-card-needed"
    );

    let human = answer(
        &["西安", "太原", "--on", "2025-01-01", "--lang", "en"],
        0,
        Verdict::ELicense,
    );
    assert!(human.stdout.contains("陕西省 Shaanxi"), "{}", human.stdout);
    assert!(human.stdout.contains("山西省 Shanxi"), "{}", human.stdout);
}

/// The table has a row a stop (the home has its line below), and the rollout's column only
/// where the rollout decides.
#[test]
fn the_table_shows_the_rollout_only_where_it_decides() {
    let sydney = answer(
        &["Sydney", "--home", "NSW", "--on", "2026-12-01"],
        0,
        Verdict::ELicense,
    );
    assert!(!sydney.stdout.contains("never"), "{}", sydney.stdout);
    assert!(!sydney.stdout.contains("live from"), "{}", sydney.stdout);
    let rows = sydney.stdout.lines().filter(|line| line.starts_with('│'));
    assert_eq!(rows.count(), 2, "header and Sydney:\n{}", sydney.stdout);
}

/// No note or reason says the same twice, none advises on the e-license where no licence may
/// be used, and a reason never denies the grade of a source it cites (issue 26, item 6).
#[test]
fn notes_say_each_thing_once_and_never_against_themselves() {
    for args in [
        &["太原", "--home", "太原", "--on", "2025-01-01"][..],
        &["New York", "--home", "New York", "--on", "2026-12-01"],
        &["Hobart", "--home", "NSW", "--on", "2026-12-01"],
    ] {
        let human = run(std::iter::once("check").chain(args.iter().copied()));
        let lines: Vec<&str> = human
            .stdout
            .lines()
            .filter(|line| !line.starts_with(['┌', '│', '╞', '└']))
            .collect();
        let mut seen = BTreeSet::new();
        for line in &lines {
            assert!(
                seen.insert(*line),
                "{args:?} repeats {line:?}:\n{}",
                human.stdout
            );
        }
    }
    let revoked = report(&["成都", "--license", "吊销", "--on", "2025-01-01"], 3);
    assert_eq!(revoked.notes.len(), 1, "{:?}", revoked.notes);
    assert!(revoked.notes[0].starts_with("license state revoked"));

    let harbin = report(&["哈尔滨", "--home", "哈尔滨", "--on", "2021-11-01"], 0);
    let reason = harbin.stops[0].reason.as_deref().unwrap_or("");
    assert!(reason.contains("batch2-named-by-mps, strong"), "{reason}");
    assert!(
        !reason.contains("rests only on low-quality sources"),
        "{reason}"
    );

    let xian = report(&["西安", "--on", "2025-01-01"], 0);
    assert_eq!(
        xian.stops[0].reason.as_deref(),
        Some(
            "live on the whole mainland: nationwide from 2021-12-10, surely everywhere by 2021-12-31; here since 2021-09-01 (the facts: edl show 610100)"
        )
    );
}
