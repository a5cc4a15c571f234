//! Digital licences beyond the mainland (issue 17): each case from `../shared/facts/world.md`,
//! checked through the binary with its exit code, verdict and the rule its reason cites.

use serde_json::Value;

use crate::support::run;

/// `edl check ARGS --format json`: the exit code, the trip's verdict and the first stop's
/// reason. Without `--on` in ARGS the day is 2026-12-01: no test reads the clock.
fn checked(args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    if !args.contains(&"--on") {
        all.extend_from_slice(&["--on", "2026-12-01"]);
    }
    all.extend_from_slice(&["--format", "json"]);
    let outcome = run(&all);
    let report: Value = serde_json::from_str(&outcome.stdout)
        .unwrap_or_else(|_| panic!("{args:?}: {}{}", outcome.stdout, outcome.stderr));
    (
        outcome.code,
        report["verdict"].as_str().expect("a verdict").to_string(),
        report["stops"][0]["reason"]
            .as_str()
            .expect("a reason")
            .to_string(),
    )
}

/// The case answers `code` and `verdict`, and its reason contains `cites`: that reason.
pub(crate) fn answers(args: &[&str], code: i32, verdict: &str, cites: &str) -> String {
    let (got_code, got_verdict, reason) = checked(args);
    assert_eq!(
        (got_code, got_verdict.as_str()),
        (code, verdict),
        "{args:?}: {reason}"
    );
    assert!(
        reason.contains(cites),
        "{args:?} should cite {cites:?}: {reason}"
    );
    reason
}

#[test]
fn australia_each_state_at_home_only() {
    answers(
        &["Sydney", "--home", "NSW"],
        0,
        "e-license",
        "(au-nsw-ddl-in-nsw, strong)",
    );
    answers(
        &["Brisbane", "--home", "NSW"],
        1,
        "bring-card",
        "carry the card (au-nsw-ddl-outside, strong): \"A plastic NSW Driver Licence Card must be held",
    );
    answers(
        &["Brisbane", "--home", "QLD", "--on", "2023-10-31"],
        1,
        "bring-card",
        "not before 2023-11-01 (au-qld-dl-in-qld, strong)",
    );
    answers(
        &["Brisbane", "--home", "QLD", "--on", "2023-11-01"],
        0,
        "e-license",
        "(au-qld-dl-in-qld, strong)",
    );
    answers(
        &[
            "Brisbane",
            "--home",
            "QLD",
            "--stage",
            "learner",
            "--on",
            "2024-06-01",
        ],
        1,
        "bring-card",
        "no source says it counts for a learner licence (au-qld-dl-in-qld, strong)",
    );
    answers(
        &[
            "Melbourne",
            "--home",
            "VIC",
            "--stage",
            "provisional",
            "--on",
            "2025-01-01",
        ],
        1,
        "bring-card",
        "sources disagree (au-vic-ddl-lp, medium)",
    );
}

#[test]
fn a_phone_that_fails_is_said_with_the_rule() {
    let (_, _, reason) = checked(&["Brisbane", "--home", "QLD", "--on", "2024-06-01"]);
    assert!(
        reason.contains("if the phone fails, police may give 48 hours to produce a licence"),
        "{reason}"
    );
    let (_, _, reason) = checked(&["Sydney", "--home", "NSW"]);
    assert!(
        reason.contains("a flat or broken phone means no licence to show"),
        "{reason}"
    );
}

#[test]
fn united_states_state_law_agency_practice_and_carry_the_card() {
    answers(
        &["Missoula", "--home", "Montana", "--on", "2025-09-01"],
        0,
        "e-license",
        "Montana Mobile ID is enough here (us-mt-hb519, medium)",
    );
    // One agency's practice is not every officer's: a note, never the e-license.
    answers(
        &["Missoula", "--home", "Colorado", "--on", "2026-03-01"],
        1,
        "bring-card",
        "only Montana Highway Patrol accepts it, which is not every officer (us-mt-mhp-all-states, medium)",
    );
    answers(
        &["Denver", "--home", "Colorado"],
        1,
        "bring-card",
        "carry the card (us-co-csp-physical, strong): Colorado State Patrol",
    );
    answers(
        &["Atlanta", "--home", "Georgia", "--on", "2027-07-01"],
        0,
        "e-license",
        "(us-ga-hb296-all, medium)",
    );
    answers(
        &["Atlanta", "--home", "Georgia", "--on", "2026-12-01"],
        1,
        "bring-card",
        "(us-ga-hb296-equipped, medium)",
    );
    answers(
        &["Chicago", "--home", "Illinois"],
        1,
        "bring-card",
        "carry the card (us-il-pa-103-0824, medium)",
    );
}

#[test]
fn a_home_that_names_several_places_takes_the_one_holding_the_stops() {
    let outcome = run([
        "check",
        "Atlanta",
        "--home",
        "Georgia",
        "--on",
        "2027-07-01",
    ]);
    assert_eq!(outcome.code, 0);
    assert!(
        outcome.stdout.contains(
            "note: \"Georgia\" is taken as Georgia (United States); it may also mean Georgia, type \"GE\""
        ),
        "{}",
        outcome.stdout
    );
}

#[test]
fn hong_kong_and_the_mainland_each_at_home() {
    answers(
        &["香港", "--home", "HK", "--on", "2025-09-15"],
        0,
        "e-license",
        "(hk-edl-in-hk, strong)",
    );
    answers(
        &["香港", "--home", "HK", "--on", "2025-09-14"],
        1,
        "bring-card",
        "not before 2025-09-15 (hk-edl-in-hk, strong)",
    );
    // The 12123 e-license is not valid in Hong Kong: the rollout's own rules answer.
    answers(
        &["香港", "--home", "成都"],
        1,
        "bring-card",
        "the mainland e-license is not valid in 香港",
    );
    answers(
        &["深圳", "--home", "HK"],
        3,
        "no-valid-license",
        "a local driving licence is needed (mainland-hong-kong-licence, ",
    );
}

#[test]
fn japan_korea_poland_germany_ukraine() {
    answers(
        &["Tokyo", "--home", "JP", "--on", "2025-03-24"],
        0,
        "e-license",
        "(jp-myna-in-japan, strong)",
    );
    answers(
        &["Seoul", "--home", "JP"],
        1,
        "bring-card",
        "(jp-myna-abroad, strong)",
    );
    answers(
        &["Warsaw", "--home", "PL"],
        0,
        "no-card-needed",
        "no licence need be carried here for this licence (pl-register, medium)",
    );
    answers(
        &["Berlin", "--home", "PL"],
        1,
        "bring-card",
        "(pl-abroad, medium)",
    );
    answers(
        &["Kyiv", "--home", "UA", "--issued", "2010-05-01"],
        1,
        "bring-card",
        "it counts only for licences issued from 2013-01-01; this one was issued on 2010-05-01",
    );
    answers(
        &["Kyiv", "--home", "UA", "--issued", "2015-05-01"],
        0,
        "e-license",
        "(ua-diia-in-ukraine, medium)",
    );
    answers(
        &["Kyiv", "--home", "UA"],
        1,
        "bring-card",
        "give the licence's issue date with --issued",
    );
}

#[test]
fn a_licence_from_beyond_the_mainland_on_the_mainland() {
    // NSW's terms cover every place outside NSW, the mainland too.
    answers(
        &["成都", "--home", "NSW"],
        3,
        "no-valid-license",
        "(mainland-temporary-permit, strong)",
    );
    answers(
        &["成都", "--home", "Nairobi"],
        3,
        "no-valid-license",
        "a licence from Nairobi does not let you drive here alone: a local temporary driving permit is needed (mainland-temporary-permit, strong)",
    );
}

#[test]
fn no_card_needed_exits_0_and_a_trip_is_its_worst_stop() {
    // On a fixed date: without --on, the day is today's in China.
    let warsaw = run(["check", "Warsaw", "--home", "PL", "--on", "2026-12-01"]);
    assert_eq!(warsaw.code, 0);
    assert_eq!(
        warsaw.first_line(),
        "no-card-needed: no card needed on 2026-12-01: at every stop the local law or the digital licence covers this licence"
    );
    let trip = run([
        "check",
        "Warsaw",
        "Berlin",
        "--home",
        "PL",
        "--on",
        "2026-12-01",
        "-q",
    ]);
    assert_eq!(trip.code, 1);
    let trip = run([
        "check",
        "Sydney",
        "Brisbane",
        "--home",
        "NSW",
        "--on",
        "2026-12-01",
    ]);
    assert_eq!(trip.code, 1);
    assert_eq!(
        trip.first_line(),
        "bring-card: bring the physical card on 2026-12-01 (Brisbane)"
    );
    // A license that may not drive is none anywhere.
    let suspended = run([
        "check",
        "Sydney",
        "--home",
        "NSW",
        "--license",
        "suspended",
        "-q",
    ]);
    assert_eq!(suspended.code, 3);
}

#[test]
fn reasons_are_said_in_chinese_too() {
    let outcome = run([
        "--lang",
        "zh",
        "check",
        "华沙",
        "--home",
        "PL",
        "--on",
        "2026-12-01",
    ]);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert!(
        outcome.stdout.starts_with("无需带驾驶证："),
        "{}",
        outcome.stdout
    );
    assert!(
        outcome
            .stdout
            .contains("此地这本驾照无需随身携带（pl-register，较可靠）"),
        "{}",
        outcome.stdout
    );
}

#[test]
fn show_lists_a_jurisdictions_schemes_rules_and_sources() {
    for query in ["NSW", "Queensland", "HK"] {
        let outcome = run(["show", query, "--format", "json"]);
        assert_eq!(outcome.code, 0, "{query}: {}", outcome.stderr);
        let report: Value = serde_json::from_str(&outcome.stdout).expect("show JSON");
        let schemes = report["schemes"].as_array().expect("schemes");
        assert!(!schemes.is_empty(), "{query}");
        for scheme in schemes {
            for rule in scheme["rules"].as_array().expect("rules") {
                assert!(
                    !rule["sources"].as_array().expect("sources").is_empty(),
                    "{query}: {rule}"
                );
            }
        }
    }
    let report: Value =
        serde_json::from_str(&run(["show", "NSW", "--format", "json"]).stdout).expect("JSON");
    assert_eq!(report["schemes"][0]["id"], "au-nsw-ddl");
    assert_eq!(report["schemes"][0]["rules"][0]["id"], "au-nsw-ddl-in-nsw");
    assert_eq!(report["schemes"][0]["rules"][0]["outcome"], "counts");
    assert_eq!(report["schemes"][0]["rules"][0]["from"], "2019-10-28");
    // The mainland's scheme is the rollout, which `facts` gives.
    let chengdu: Value =
        serde_json::from_str(&run(["show", "成都", "--format", "json"]).stdout).expect("JSON");
    assert_eq!(chengdu["schemes"], Value::Array(Vec::new()));
}

#[test]
fn data_takes_a_users_schemes_file() {
    let bundled = std::fs::read_to_string("data/schemes.toml").expect("the bundled file");
    // Queensland's statewide day moved a month earlier, in a user's copy.
    let edited = bundled.replace("from = 2023-11-01\n", "from = 2023-10-01\n");
    assert_ne!(edited, bundled);
    let path = std::env::temp_dir().join(format!("edl-user-schemes-{}.toml", std::process::id()));
    std::fs::write(&path, edited).expect("written");
    let file = path.to_str().expect("a UTF-8 path");
    let args = [
        "check",
        "Brisbane",
        "--home",
        "QLD",
        "--on",
        "2023-10-15",
        "-q",
    ];
    assert_eq!(run(args).code, 1);
    let mut with_file = vec!["--data", file];
    with_file.extend(args);
    assert_eq!(run(&with_file).code, 0);
    // The rollout stays the bundled one.
    assert_eq!(run(["--data", file, "check", "成都", "-q"]).code, 0);
    let data = run(["--data", file, "data"]);
    assert!(
        data.stdout
            .contains(&format!("Beyond the mainland ({file}, version ")),
        "{}",
        data.stdout
    );
    // A broken one is refused with its line and column, exit 2.
    std::fs::write(
        &path,
        bundled.replacen("grade = \"medium\"", "grade = \"mediun\"", 1),
    )
    .expect("written");
    let broken = run(["--data", file, "check", "Sydney"]);
    assert_eq!(broken.code, 2);
    assert!(
        broken.stderr.starts_with(&format!("edl: {file}:")),
        "{}",
        broken.stderr
    );
    std::fs::remove_file(&path).expect("removed");
}

#[test]
fn list_country_gives_each_state_its_verdict_for_a_home() {
    let outcome = run([
        "list",
        "--country",
        "AU",
        "--home",
        "NSW",
        "--format",
        "tsv",
    ]);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let rows: Vec<Vec<&str>> = outcome
        .stdout
        .lines()
        .map(|line| line.split('\t').collect())
        .collect();
    assert_eq!(rows[0].join("\t"), edl::output::COUNTRY_TSV_HEADER);
    let verdicts: Vec<(&str, &str, &str)> = rows[1..]
        .iter()
        .map(|row| (row[0], row[2], row[3]))
        .collect();
    assert_eq!(
        verdicts,
        [
            ("AU-ACT", "bring-card", "au-nsw-ddl-outside"),
            ("AU-NSW", "e-license", "au-nsw-ddl-in-nsw"),
            ("AU-NT", "bring-card", "au-nsw-ddl-outside"),
            ("AU-QLD", "bring-card", "au-nsw-ddl-outside"),
            ("AU-SA", "bring-card", "au-nsw-ddl-outside"),
            ("AU-TAS", "bring-card", "au-nsw-ddl-outside"),
            ("AU-VIC", "bring-card", "au-nsw-ddl-outside"),
            ("AU-WA", "bring-card", "au-nsw-ddl-outside"),
        ]
    );
    let json = run(["list", "--country", "Australia", "--format", "json"]);
    let report: Value = serde_json::from_str(&json.stdout).expect("list JSON");
    assert_eq!(report["country"]["code"], "AU");
    assert_eq!(report["places"].as_array().expect("places").len(), 8);
    let refused = run(["list", "--country", "成都"]);
    assert_eq!(refused.code, 2);
    assert_eq!(
        refused.assert_error_line(),
        "edl: in --country: \"成都\" is no country, state or province (as AU, HK, NSW)"
    );
}

#[test]
fn timeline_country_shows_its_dated_steps() {
    let outcome = run(["timeline", "--country", "AU", "--format", "tsv"]);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let steps: Vec<&str> = outcome.stdout.lines().collect();
    assert_eq!(
        steps,
        [
            "date\tscheme\trule\tchange\toutcome\tgrade",
            "2017-10-31\tau-sa-mysa\tau-sa-mysa-in-sa\tstarts\tcounts\tmedium",
            "2019-10-28\tau-nsw-ddl\tau-nsw-ddl-in-nsw\tstarts\tcounts\tstrong",
            "2023-11-01\tau-qld-dl\tau-qld-dl-in-qld\tstarts\tcounts\tstrong",
            "2024-05-13\tau-vic-ddl\tau-vic-ddl-full\tstarts\tcounts\tmedium",
            "2024-11-19\tau-vic-ddl\tau-vic-ddl-lp\tstarts\tconflict\tmedium",
        ]
    );
}

#[test]
fn list_by_country_takes_the_holder_and_issue_date_its_reasons_ask_for() {
    let first_row = |extra: &[&str]| -> (i32, String) {
        let mut args = vec![
            "list",
            "--country",
            "MY",
            "--home",
            "MY",
            "--on",
            "2026-06-01",
            "--format",
            "tsv",
        ];
        args.extend_from_slice(extra);
        let outcome = run(args);
        let row = outcome.stdout.lines().nth(1).unwrap_or_default();
        let columns: Vec<&str> = row.split('\t').take(4).collect();
        (outcome.code, columns.join("\t"))
    };
    // Without --holder the reason says to give it; list now takes it, as check does.
    let (code, row) = first_row(&[]);
    assert_eq!(
        (code, row.as_str()),
        (0, "MY-01\tJohor\tbring-card\tmy-myjpj-citizens")
    );
    assert_eq!(
        first_row(&["--holder", "citizen"]),
        (0, "MY-01\tJohor\te-license\tmy-myjpj-citizens".to_string())
    );
    assert_eq!(
        first_row(&["--holder", "non-citizen"]),
        (0, "MY-01\tJohor\tbring-card\tmy-myjpj-citizens".to_string())
    );
    assert_eq!(
        first_row(&["--holder", "citizen", "--issued", "2020-01-01"]),
        (0, "MY-01\tJohor\te-license\tmy-myjpj-citizens".to_string())
    );
    // Both belong to --country, like --home and --stage.
    for extra in [["--holder", "citizen"], ["--issued", "2020-01-01"]] {
        let mut args = vec!["list"];
        args.extend_from_slice(&extra);
        let outcome = run(args);
        assert_eq!(outcome.code, 2, "{extra:?}");
        assert!(
            outcome.stderr.contains("--country <COUNTRY>"),
            "{}",
            outcome.stderr
        );
    }
}
