//! The verdict rules of issue 13: the issuing place, both halves of a stop not live yet, after
//! the rollout, outside the mainland, the vehicle's papers, the license states, and the browsing
//! numbers.

use edl::output::CheckReport;
use serde_json::Value;

use crate::support::{Run, edl, outcome, run};

fn check(args: &[&str]) -> Run {
    run(std::iter::once("check").chain(args.iter().copied()))
}

fn check_json(args: &[&str]) -> CheckReport {
    let done = run(std::iter::once("check")
        .chain(args.iter().copied())
        .chain(["--format", "json"]));
    assert_eq!(done.stderr, "", "{args:?}");
    serde_json::from_str(&done.stdout).unwrap_or_else(|e| panic!("{e}: {}", done.stdout))
}

fn notes(run: &Run) -> Vec<&str> {
    run.stdout
        .lines()
        .filter_map(|line| line.strip_prefix("note: "))
        .collect()
}

const PAPERS: &str = "the e-license stands for the driving-license card only: the vehicle's paper 行驶证 must stay in the car (vehicle-papers, strong)";

// --- The issuing place ---

#[test]
fn without_a_home_the_pilot_city_is_bring_card_and_says_how_to_give_one() {
    let done = check(&["成都", "--on", "2021-07-01"]);
    assert_eq!(done.code, 1, "{}", done.stdout);
    assert_eq!(
        done.first_line(),
        "bring-card: bring the physical card on 2021-07-01 (issuing place unknown)"
    );
    assert_eq!(
        notes(&done)[0],
        "the license's issuing place decides on 2021-07-01: only licenses issued where the e-license was live could have one (issuing-place, low), and not every mainland place was surely live before 2021-12-31; give it with --home (as in --home 北京), or set EDL_HOME once for all checks"
    );
}

#[test]
fn a_home_that_was_live_gives_the_e_license() {
    let done = check(&["成都", "--on", "2021-07-01", "--home", "成都"]);
    assert_eq!(done.code, 0, "{}", done.stdout);
    assert!(!done.stdout.contains("--home"), "{}", done.stdout);
}

#[test]
fn a_home_that_was_not_live_says_so_plainly() {
    let done = check(&["成都", "--on", "2021-07-01", "--home", "北京"]);
    assert_eq!(done.code, 1);
    assert!(
        done.stdout.contains(
            "\nhome 北京市: licenses issued in 北京 had no e-license before 2021-09-01 (first-batch, medium; first-batch-xinhua, strong)\n"
        ),
        "{}",
        done.stdout
    );
    let report = check_json(&["成都", "--on", "2021-07-01", "--home", "北京"]);
    let home = report.home.expect("a home");
    assert!(
        home[0]
            .reason
            .as_deref()
            .unwrap_or("")
            .starts_with("licenses issued in 北京 had no e-license before 2021-09-01")
    );
}

#[test]
fn edl_home_counts_as_the_home() {
    let mut cmd = edl(["check", "成都", "--on", "2021-07-01", "-q"]);
    cmd.env("EDL_HOME", "天津");
    let done = outcome(cmd);
    assert_eq!((done.code, done.stdout.as_str()), (0, ""));
}

#[test]
fn a_batch_line_names_the_home_that_was_not_live() {
    let mut cmd = edl(["check", "-", "--format", "json", "--home", "北京"]);
    cmd.write_stdin("成都\t2021-07-01\n");
    let done = outcome(cmd);
    assert_eq!(done.code, 1);
    let line: Value = serde_json::from_str(done.stdout.trim()).expect("a JSON line");
    assert_eq!(line["stops"][0]["verdict"], "bring-card");
    assert_eq!(line["home"][0]["status"], "not-yet");
    assert_eq!(
        line["home"][0]["reason"],
        "licenses issued in 北京 had no e-license before 2021-09-01 (first-batch, medium; first-batch-xinhua, strong)"
    );
}

// --- After the rollout ---

#[test]
fn after_the_rollout_nothing_asks_for_a_home_and_the_reason_leads_with_the_mainland() {
    let done = check(&["成都", "--on", "2022-01-01"]);
    assert_eq!(done.code, 0, "{}", done.stdout);
    assert!(!done.stdout.contains("--home"), "{}", done.stdout);
    assert!(
        done.stdout.contains(
            "\n成都市: live on the whole mainland: nationwide from 2021-12-10, surely everywhere by 2021-12-31; here since 2021-06-01 (the facts: edl show 510100)\n"
        ),
        "{}",
        done.stdout
    );
    // The 2021 details stay in `show`.
    let show = run(["show", "成都", "--on", "2022-01-01"]);
    assert!(
        show.stdout
            .contains("live since 2021-06-01 (pilot, strong)")
    );
    assert!(show.stdout.contains("pilot: live on 2021-06-01"));
}

// --- Both halves ---

#[test]
fn a_stop_not_live_yet_gives_both_halves_with_their_sources() {
    let expected = "not live until 2021-09-01 (first-batch, medium; first-batch-xinhua, strong); an e-license once held is valid across the mainland (valid-nationwide, strong), but police where it is not live yet might not verify it (local-verification, low): bring-card is the cautious reading";
    let done = check(&["北京", "--home", "成都", "--on", "2021-07-01"]);
    assert_eq!(done.code, 1);
    assert!(
        done.stdout.contains(&format!("\n北京市: {expected}\n")),
        "{}",
        done.stdout
    );
    let report = check_json(&["北京", "--home", "成都", "--on", "2021-07-01"]);
    assert_eq!(report.stops[0].reason.as_deref(), Some(expected));
    let zh = run([
        "--lang",
        "zh",
        "check",
        "北京",
        "--home",
        "成都",
        "--on",
        "2021-07-01",
    ]);
    assert!(
        zh.stdout.contains("已申领的电子驾驶证全国有效（valid-nationwide，可靠），但尚未启用地区的交警可能无法核验（local-verification，不可靠）"),
        "{}",
        zh.stdout
    );
}

// --- Outside the mainland ---

#[test]
fn outside_the_mainland_says_what_the_sources_say_of_the_card_and_no_12123_notes() {
    // The reason says the e-license is not valid; the next line says what the recognition facts
    // say of a mainland licence (the card) there.
    let cases = [
        (
            "香港",
            "2025-01-01",
            "香港特别行政区: the mainland e-license is not valid in 香港 (never-hk-macau, low)\n香港特别行政区: a licence from China is valid here as it is (hong-kong-mainland-licence, medium); Hong Kong: a visitor may drive on the physical mainland licence, 12 months from the last arrival; no source says the 12123 e-licence counts there",
        ),
        (
            "澳门",
            "2025-01-01",
            "澳门特别行政区: the mainland e-license is not valid in 澳门 (never-hk-macau, low)\n澳门特别行政区: a licence from China is valid here as it is (macau-mainland, medium); Mainland–Macau mutual recognition: the paper mainland licence (light vehicles) for the first 14 days after entry; to drive on, register with the Public Security Police traffic department, then up to 1 year, carrying the registration slip with the licence. The 12123 e-licence is not named",
        ),
        (
            "澳门",
            "2023-05-15",
            "澳门特别行政区: the mainland e-license is not valid in 澳门 (never-hk-macau, low)\n澳门特别行政区: edl has no source on whether a licence from China is valid here: check whether it needs an IDP or a translation; edl has no source on a mainland licence in Macau before mutual recognition began on 2023-05-16",
        ),
        (
            "台湾",
            "2025-01-01",
            "台湾省: the law here says to carry a licence (tw-art-25, strong): Art. 25 (the Ministry of Justice's English): \"Car operators shall carry their driver licenses while driving cars at all times\". Only the fine for not carrying was removed in 2013; the duty stays, and no dedicated digital licence was found\n台湾省: a licence from China is not valid here (taiwan-mainland-licence, medium); Taiwan: a mainland licence cannot be used; conversion needs a long stay permit, notarised documents and a written test",
        ),
    ];
    for (place, on, reason) in cases {
        let done = check(&[place, "--on", on]);
        assert_eq!(done.code, 1, "{place}");
        // Taiwan is answered by its own rule (tw-art-25), not by the rollout's.
        assert!(
            done.first_line().ends_with("outside the mainland)") || place == "台湾",
            "{}",
            done.first_line()
        );
        assert!(
            done.stdout.contains(&format!("\n{reason}\n")),
            "{place} {on}:\n{}",
            done.stdout
        );
        assert_eq!(notes(&done), Vec::<&str>::new(), "{place}: no notes");
        assert!(check_json(&[place, "--on", on]).notes.is_empty());
    }
}

#[test]
fn a_trip_with_a_mainland_stop_keeps_the_12123_notes() {
    let done = check(&["深圳", "香港", "--on", "2025-01-01"]);
    assert_eq!(done.code, 1);
    let notes = notes(&done);
    assert!(
        notes.iter().any(|n| n.contains("交管12123 app")),
        "{notes:?}"
    );
    assert!(notes.iter().any(|n| n.starts_with(PAPERS)), "{notes:?}");
}

// --- The vehicle's papers ---

#[test]
fn every_mainland_trip_carries_the_paper_registration_note() {
    for (on, e_registration) in [
        ("2021-09-01", false),
        ("2024-06-30", false),
        ("2024-07-01", true),
    ] {
        let args = ["北京", "--on", on, "--home", "北京"];
        let human = check(&args);
        let json = check_json(&args);
        let suffix = "; the 电子行驶证 (piloted from 2024-07-01) does not replace it at a stop (e-registration, strong)";
        let expected = if e_registration {
            format!("{PAPERS}{suffix}")
        } else {
            PAPERS.to_string()
        };
        assert!(
            notes(&human).contains(&expected.as_str()),
            "{on}: {}",
            human.stdout
        );
        assert!(json.notes.contains(&expected), "{on}: {:?}", json.notes);
    }
    let zh = run(["--lang", "zh", "check", "北京", "--on", "2022-01-01"]);
    assert!(zh.stdout.contains(
        "注意：电子驾驶证只代替驾驶证：车辆的纸质行驶证须随车携带（vehicle-papers，可靠）"
    ));
}

// --- License states ---

#[test]
fn the_app_states_that_forbid_driving_exit_3_with_their_rule() {
    for (state, rule) in [
        ("延期体检", "license-deferral, low"),
        ("注销可恢复", "license-cancelled-recoverable, low"),
        ("扣押", "license-red-code, medium"),
        ("deferred-renewal", "license-deferral, low"),
    ] {
        let done = check(&["成都", "--on", "2022-01-01", "--license", state]);
        assert_eq!(done.code, 3, "{state}: {}", done.stdout);
        assert!(done.stdout.contains(rule), "{state}: {}", done.stdout);
    }
}

#[test]
fn transferred_out_has_no_source_so_the_answer_is_the_card() {
    let done = check(&["成都", "--on", "2022-01-01", "--license", "转出"]);
    assert_eq!(done.code, 1, "{}", done.stdout);
    assert!(
        notes(&done).contains(
            &"license state transferred-out (转出): the license was transferred out to another place's traffic police; no source says what the e-license shows or allows then (license-states, low): bring the physical card"
        ),
        "{}",
        done.stdout
    );
}

#[test]
fn an_unknown_state_lists_every_state_in_the_users_language() {
    let en = check(&["成都", "--license", "foo"]);
    let line = en.assert_error_line();
    for expected in [
        "unknown license state \"foo\"",
        "normal 正常",
        "seized 扣押",
        "transferred-out 转出",
    ] {
        assert!(line.contains(expected), "{expected}: {line}");
    }
    let zh = run(["--lang", "zh", "check", "成都", "--license", "foo"]);
    let line = zh.assert_error_line();
    assert!(
        line.contains("未知的驾驶证状态“foo”；可选：正常、违法未处理、事故未处理"),
        "{line}"
    );
    assert!(line.contains("延期审验、转出"), "{line}");
}

#[test]
fn help_lists_the_chinese_terms_under_lang_zh() {
    let zh = run(["--lang", "zh", "check", "--help"]);
    assert_eq!(zh.code, 0);
    for term in [
        "扣押",
        "注销可恢复",
        "延期换证",
        "延期体检",
        "延期审验",
        "转出",
    ] {
        assert!(zh.stdout.contains(term), "{term}");
    }
    let en = run(["check", "--help"]);
    assert!(en.stdout.contains("cancelled-recoverable 注销可恢复"));
}

// --- Browsing numbers ---

#[test]
fn a_province_names_its_first_place_surely_live_never_an_upper_bound() {
    let done = check(&[
        "江苏",
        "--on",
        "2021-11-01",
        "--home",
        "苏州",
        "--format",
        "tsv",
    ]);
    let reason = done
        .stdout
        .lines()
        .nth(1)
        .and_then(|row| row.split('\t').next_back());
    assert_eq!(
        reason,
        Some(
            "a whole province: on 2021-11-01, 9 of its 13 places surely live, 4 on a day not known yet, 0 not yet; the first surely live: 苏州 from 2021-06-01; name a city for its answer; an e-license once held is valid across the mainland (valid-nationwide, strong), but police where it is not live yet might not verify it (local-verification, low): bring-card is the cautious reading"
        )
    );
    assert!(!done.stdout.contains("南京 2021-12-31"), "{}", done.stdout);
}

#[test]
fn the_timeline_says_what_it_counts() {
    let done = run(["timeline"]);
    for header in ["Surely live", "Newly sure", "May be live"] {
        assert!(done.stdout.contains(header), "{header}");
    }
    assert!(done.stdout.contains("\n\"Newly sure\" counts the cities whose window closed since the step before, not cities that went live then"));
    let json: Value =
        serde_json::from_str(&run(["timeline", "--format", "json"]).stdout).expect("JSON");
    let dates: Vec<&str> = json["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .filter_map(|step| step["date"].as_str())
        .collect();
    assert!(
        dates.contains(&"2021-10-05") && dates.contains(&"2024-08-27"),
        "{dates:?}"
    );
}

#[test]
fn show_json_carries_each_facts_own_quality() {
    let json: Value = serde_json::from_str(
        &run(["show", "太原", "--on", "2021-10-20", "--format", "json"]).stdout,
    )
    .expect("JSON");
    let quality = |id: &str| {
        json["facts"]
            .as_array()
            .expect("facts")
            .iter()
            .find(|fact| fact["id"] == id)
            .map(|fact| fact["quality"].clone())
    };
    assert_eq!(quality("batch2-taiyuan-oct20"), Some("medium".into()));
    assert_eq!(quality("batch2-shanxi"), Some("strong".into()));
}

#[test]
fn wuhan_is_no_longer_marked_scheduled() {
    let done = run(["show", "武汉", "--on", "2021-10-20"]);
    assert!(
        done.stdout
            .contains("batch2-hubei: live on 2021-10-20, about"),
        "{}",
        done.stdout
    );
}

/// A mainland licence in Taiwan: Taiwan's own rules answer, not "no source". With the licence's
/// home given, Taiwan's rule on a mainland licence (it cannot be used: exit 3) is the reason;
/// without one, Taiwan's Art. 25 (carry a licence) and, beside it, that rule.
#[test]
fn taipei_with_a_beijing_licence_cites_taiwans_own_rule() {
    let done = check(&["台北", "--home", "北京", "--on", "2025-01-01"]);
    assert_eq!(done.code, 3, "{}", done.stdout);
    assert!(
        done.stdout
            .contains("台北市: a licence from 北京市 is not valid here (taiwan-mainland-licence, "),
        "{}",
        done.stdout
    );
    assert!(!done.stdout.contains("no source"), "{}", done.stdout);
    let alone = check(&["台北", "--on", "2025-01-01"]);
    assert_eq!(alone.code, 1, "{}", alone.stdout);
    assert!(
        alone
            .stdout
            .contains("台北市: the law here says to carry a licence (tw-art-25, strong)"),
        "{}",
        alone.stdout
    );
    assert!(
        alone
            .stdout
            .contains("台北市: a licence from China is not valid here (taiwan-mainland-licence, "),
        "{}",
        alone.stdout
    );
}
