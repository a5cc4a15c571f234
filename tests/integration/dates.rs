//! Dates as people write them, on `--on`, on a stop (`PLACE@DATE`) and on a batch line; and
//! trips whose stops fall on dates of their own (issue 14, point 3).

use chrono::{Days, NaiveDate};
use edl::output::CheckReport;
use edl::verdict::{Status, Verdict};

use crate::support::{edl, outcome, run};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
}

/// `edl check ARGS --format json`, parsed, with its exit code checked.
fn report(args: &[&str], code: i32) -> CheckReport {
    let outcome = run(["check"].iter().chain(args).chain(&["--format", "json"]));
    assert_eq!(
        outcome.code, code,
        "check {args:?}; stderr: {}",
        outcome.stderr
    );
    assert_eq!(outcome.stderr, "", "stderr of check {args:?}");
    serde_json::from_str(&outcome.stdout)
        .unwrap_or_else(|error| panic!("not a CheckReport ({error}):\n{}", outcome.stdout))
}

/// The ways of writing 2021-06-01 that `edl` reads.
const JUNE_FIRST: [&str; 8] = [
    "2021-06-01",
    "2021-6-1",
    "2021/6/1",
    "2021/06/01",
    "20210601",
    "2021年6月1日",
    "2021年06月01日",
    " 2021-06-01",
];

#[test]
fn every_written_form_of_a_day_means_that_day_on_the_command_line() {
    for form in JUNE_FIRST {
        let on = report(&["成都", "--home", "成都", "--on", form], 0);
        assert_eq!(on.on, day("2021-06-01"), "--on {form}");
        assert_eq!(on.stops[0].on, day("2021-06-01"), "--on {form}");
        assert_eq!(on.stops[0].status, Some(Status::Live), "--on {form}");
        let stop = format!("成都@{form}");
        let at = report(&[&stop, "--home", "成都", "--on", "2021-05-01"], 0);
        assert_eq!(at.stops[0].on, day("2021-06-01"), "{stop}");
    }
    // The day before 成都 went live, in each form, is not live there.
    for form in [
        "2021-05-31",
        "2021-5-31",
        "2021/5/31",
        "20210531",
        "2021年5月31日",
    ] {
        let before = report(&["成都", "--on", form], 1);
        assert_eq!(before.stops[0].status, Some(Status::NotYet), "--on {form}");
    }
}

#[test]
fn every_written_form_of_a_day_means_that_day_on_a_batch_line() {
    let lines: String = JUNE_FIRST
        .iter()
        .map(|form| format!("成都\t{form}\n"))
        .collect();
    let mut cmd = edl([
        "check",
        "-",
        "--home",
        "成都",
        "--format",
        "tsv",
        "--on",
        "2021-05-01",
    ]);
    cmd.write_stdin(lines);
    let batch = outcome(cmd);
    assert_eq!(batch.code, 0, "stderr: {}", batch.stderr);
    let rows: Vec<&str> = batch.stdout.lines().skip(1).collect();
    assert_eq!(rows.len(), JUNE_FIRST.len());
    for (row, form) in rows.iter().zip(JUNE_FIRST) {
        let fields: Vec<&str> = row.split('\t').collect();
        assert_eq!(
            &fields[1..3],
            ["2021-06-01", "e-license"],
            "{form:?}: {row}"
        );
    }
}

#[test]
fn relative_dates_count_from_today_in_any_case() {
    let on = |date: &str| report(&["成都", "--on", date], 0).on;
    let today = on("today");
    let next = today.checked_add_days(Days::new(1)).expect("a day");
    let previous = today.checked_sub_days(Days::new(1)).expect("a day");
    let in_ten = today.checked_add_days(Days::new(10)).expect("a day");
    for (forms, expected) in [
        (&["TODAY", "Today", "+0d"][..], today),
        (&["tomorrow", "TOMORROW", "+1d", "+1D"][..], next),
        (&["yesterday", "Yesterday"][..], previous),
        (&["+10d", "+010d"][..], in_ten),
    ] {
        for form in forms {
            assert_eq!(on(form), expected, "--on {form}");
        }
    }
    // A stop's own date may be relative too.
    let stop = report(&["成都@tomorrow", "北京@+10d", "--home", "成都"], 0);
    let days: Vec<NaiveDate> = stop.stops.iter().map(|place| place.on).collect();
    assert_eq!(days, [next, in_ten]);
}

#[test]
fn each_stop_is_checked_on_its_own_date() {
    let trip = report(&["成都@2021-06-01", "北京@2021-09-02", "--home", "成都"], 0);
    assert_eq!(trip.verdict, Verdict::ELicense);
    let stops: Vec<(&str, NaiveDate, Status)> = trip
        .stops
        .iter()
        .map(|place| {
            (
                place.name.as_str(),
                place.on,
                place.status.expect("a rollout status"),
            )
        })
        .collect();
    assert_eq!(
        stops,
        [
            ("成都市", day("2021-06-01"), Status::Live),
            ("北京市", day("2021-09-02"), Status::Live),
        ]
    );
    // The home is judged on the first stop's date: being live lasts.
    let home = trip.home.expect("a home");
    assert_eq!(
        (home[0].on, home[0].status.expect("a rollout status")),
        (day("2021-06-01"), Status::Live)
    );
    // Queries are the places, without their dates.
    assert_eq!(trip.stops[0].query.as_deref(), Some("成都"));

    // On one common date (--on) 北京 was not live yet: the trip is its worst stop.
    let common = report(&["成都", "北京", "--home", "成都", "--on", "2021-06-01"], 1);
    assert_eq!(common.stops[1].status, Some(Status::NotYet));

    // A stop without a date of its own takes --on.
    let mixed = report(
        &[
            "成都@2021-06-01",
            "北京",
            "--home",
            "成都",
            "--on",
            "2021-06-02",
        ],
        1,
    );
    assert_eq!(mixed.on, day("2021-06-02"));
    assert_eq!(mixed.stops[1].on, day("2021-06-02"));
    assert_eq!(mixed.stops[1].verdict, Verdict::BringCard);
    assert_eq!(mixed.stops[0].verdict, Verdict::ELicense);
}

#[test]
fn a_home_not_live_on_the_first_stops_date_keeps_the_card() {
    // 北京 went live on 2021-09-01: a license issued there had no e-license on 2021-06-01.
    let trip = report(&["成都@2021-06-01", "北京@2021-09-02", "--home", "北京"], 1);
    let home = trip.home.expect("a home");
    assert_eq!(
        (home[0].on, home[0].status.expect("a rollout status")),
        (day("2021-06-01"), Status::NotYet)
    );
    assert_eq!(trip.stops[1].status, Some(Status::Live));
    assert_eq!(trip.stops[1].verdict, Verdict::BringCard);
}

#[test]
fn tsv_rows_carry_each_stops_date() {
    let tsv = run([
        "check",
        "成都@2021-06-01",
        "北京@2021-09-02",
        "--home",
        "成都",
        "--format",
        "tsv",
    ]);
    assert_eq!(tsv.code, 0);
    let rows: Vec<Vec<&str>> = tsv
        .stdout
        .lines()
        .skip(1)
        .map(|row| row.split('\t').take(4).collect())
        .collect();
    assert_eq!(
        rows,
        [
            ["成都", "2021-06-01", "e-license", "510100"],
            ["北京", "2021-09-02", "e-license", "110000"],
        ]
    );
}

#[test]
fn the_table_shows_each_stops_date_when_they_differ() {
    let mut cmd = edl([
        "check",
        "成都@2021-06-01",
        "北京@2021-06-02",
        "--home",
        "成都",
    ]);
    cmd.env("COLUMNS", "80");
    let human = outcome(cmd);
    assert_eq!(human.code, 1);
    let head: Vec<&str> = human.stdout.lines().take(9).collect();
    // The home has its own line below the table, not a row.
    assert_eq!(
        head,
        [
            "bring-card: bring the physical card from 2021-06-01 to 2021-06-02 (北京市",
            "  not-yet on 2021-06-02)",
            "┌────────────────┬────────────────┬────────────┬────────────────┬────────────┐",
            "│ Place          ┆ Where          ┆ Date       ┆ E-license live ┆ Verdict    │",
            "│                ┆                ┆            ┆ from           ┆            │",
            "╞════════════════╪════════════════╪════════════╪════════════════╪════════════╡",
            "│ 成都市 Chengdu ┆ 四川省 Sichuan ┆ 2021-06-01 ┆ 2021-06-01     ┆ e-license  │",
            "│ 北京市 Beijing ┆ 北京市 Beijing ┆ 2021-06-02 ┆ 2021-09-01     ┆ bring-card │",
            "└────────────────┴────────────────┴────────────┴────────────────┴────────────┘",
        ]
    );
    let mut cmd = edl([
        "--lang",
        "zh",
        "check",
        "成都@2021-06-01",
        "北京@2021-06-02",
        "--home",
        "成都",
    ]);
    cmd.env("COLUMNS", "80");
    let chinese = outcome(cmd);
    let head: Vec<&str> = chinese.stdout.lines().take(4).collect();
    assert_eq!(
        head,
        [
            "请带实体驾驶证：2021-06-01 至 2021-06-02，北京市（2021-06-02）未启用",
            "┌────────┬────────┬────────────┬────────────────────┬────────────────┐",
            "│ 地点   ┆ 所在地 ┆ 日期       ┆ 电子驾驶证启用日期 ┆ 结论           │",
            "╞════════╪════════╪════════════╪════════════════════╪════════════════╡",
        ]
    );
    // Stops on one date keep the one-date table.
    let same = run(["check", "成都@2021-07-01", "北京", "--on", "2021-07-01"]);
    assert!(
        same.stdout
            .lines()
            .nth(2)
            .is_some_and(|line| line.contains("On 2021-07-01")),
        "{}",
        same.stdout
    );
}

#[test]
fn a_place_that_is_a_date_gets_the_missing_on_suggested_in_both_languages() {
    let english = run(["check", "成都", "2021-07-01"]);
    assert_eq!(
        english.assert_error_line(),
        "edl: \"2021-07-01\" is a date, not a place; did you mean '--on 2021-07-01'?"
    );
    let chinese = run(["--lang", "zh", "check", "成都", "2021-07-01"]);
    assert_eq!(
        chinese.assert_error_line(),
        "edl: “2021-07-01”是日期，不是地点；是不是要输入“--on 2021-07-01”？"
    );
    let json = run(["check", "成都", "20210701", "--format", "json"]);
    assert_eq!(json.code, 2);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(value["error"]["kind"], "usage");
    assert_eq!(value["error"]["query"], "20210701");
    assert_eq!(
        value["error"]["message"],
        "\"20210701\" is a date, not a place; did you mean '--on 2021-07-01'?"
    );
}

#[test]
fn an_errors_candidates_stand_on_their_stops_date() {
    let json = run([
        "check",
        "成都",
        "suzhou@2021-06-01",
        "--on",
        "2021-12-31",
        "--format",
        "json",
    ]);
    assert_eq!(json.code, 2);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(value["error"]["kind"], "ambiguous-place");
    let candidates = value["error"]["candidates"].as_array().expect("candidates");
    assert!(candidates.len() >= 2, "{candidates:?}");
    for candidate in candidates {
        assert_eq!(candidate["on"], "2021-06-01", "{candidate}");
    }
    let unknown = run(["check", "chengdoo@2021-06-01", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&unknown.stdout).expect("JSON");
    let suggestions = value["error"]["suggestions"]
        .as_array()
        .expect("suggestions");
    assert!(!suggestions.is_empty());
    for suggestion in suggestions {
        assert_eq!(suggestion["on"], "2021-06-01", "{suggestion}");
    }
}

#[test]
fn a_batch_line_may_give_its_date_after_an_at_sign() {
    let mut cmd = edl([
        "check",
        "-",
        "--home",
        "成都",
        "--format",
        "tsv",
        "--on",
        "2021-05-01",
    ]);
    cmd.write_stdin("成都@2021/6/1\n成都\n成都@2021-02-30\n");
    let batch = outcome(cmd);
    assert_eq!(batch.code, 2, "a bad line makes the batch exit 2");
    let rows: Vec<Vec<&str>> = batch
        .stdout
        .lines()
        .skip(1)
        .map(|row| row.split('\t').take(3).collect())
        .collect();
    assert_eq!(
        rows,
        [
            ["成都", "2021-06-01", "e-license"],
            ["成都", "2021-05-01", "bring-card"],
            ["成都", "", "error"],
        ]
    );
    assert_eq!(
        batch.stderr,
        "edl: line 3: bad date \"2021-02-30\": no such day in the calendar\n"
    );
}

/// Without `--on`, a stop's date is today where it is: at 20:00 UTC on 2026-12-07 (the tests'
/// `EDL_NOW`), Denver is on the 7th and 成都 on the 8th; `--on` fixes one date for both, and a
/// relative date counts from each stop's own today.
#[test]
fn each_stop_has_its_own_today() {
    let days = |args: &[&str]| -> Vec<(String, NaiveDate)> {
        let outcome = run(["check"].iter().chain(args).chain(&["--format", "json"]));
        let report: CheckReport = serde_json::from_str(&outcome.stdout).expect("a report");
        report
            .stops
            .into_iter()
            .map(|place| (place.query.unwrap_or_default(), place.on))
            .collect()
    };
    let trip = ["Denver", "成都", "--home", "Colorado"];
    assert_eq!(
        days(&trip),
        [
            ("Denver".to_string(), day("2026-12-07")),
            ("成都".to_string(), day("2026-12-08"))
        ]
    );
    let fixed = [&trip[..], &["--on", "2026-12-01"]].concat();
    assert_eq!(
        days(&fixed),
        [
            ("Denver".to_string(), day("2026-12-01")),
            ("成都".to_string(), day("2026-12-01"))
        ]
    );
    let tomorrow = [&trip[..], &["--on", "tomorrow"]].concat();
    assert_eq!(
        days(&tomorrow),
        [
            ("Denver".to_string(), day("2026-12-08")),
            ("成都".to_string(), day("2026-12-09"))
        ]
    );
    // A batch line without a date is on its own place's today too.
    let mut cmd = edl(["check", "-", "--format", "tsv"]);
    cmd.write_stdin("Denver\n成都\n");
    let batch = outcome(cmd);
    let dates: Vec<&str> = batch
        .stdout
        .lines()
        .skip(1)
        .map(|line| line.split('\t').nth(1).unwrap_or(""))
        .collect();
    assert_eq!(dates, ["2026-12-07", "2026-12-08"]);
}

#[test]
fn a_moment_that_is_not_one_is_refused() {
    let mut cmd = edl(["check", "成都"]);
    cmd.env("EDL_NOW", "tomorrow");
    let done = outcome(cmd);
    assert_eq!(
        done.assert_error_line(),
        "edl: in EDL_NOW: bad moment \"tomorrow\": expected one as 2026-12-07T20:00:00Z (RFC 3339)"
    );
}
