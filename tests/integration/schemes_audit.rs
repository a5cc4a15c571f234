//! Digital licences beyond the mainland after the audit (issue 25): each finding of
//! `../shared/facts/schemes-audit.md` and each scheme of `../shared/facts/world-2026-12.md` that
//! the issue names, through the binary with its exit code, verdict and reason. Every run pins its
//! day: no test reads the clock.

use crate::schemes::answers;
use crate::support::run;

#[test]
fn the_eu_mobile_licence_counts_only_for_a_holder_of_one() {
    let reason = answers(
        &["Dublin", "--home", "IE", "--on", "2029-11-26"],
        1,
        "bring-card",
        "it depends on whether you hold the digital licence, which not every holder has yet: bring-card unless you say so with --has-digital (eu-mdl-union-wide, medium)",
    );
    assert!(reason.contains("\"by the end of 2030\""), "{reason}");
    answers(
        &["Berlin", "--home", "DE", "--on", "2029-12-01"],
        1,
        "bring-card",
        "(eu-mdl-union-wide, medium)",
    );
    // The holder who says they have it.
    answers(
        &[
            "Dublin",
            "--home",
            "IE",
            "--on",
            "2029-11-26",
            "--has-digital",
        ],
        0,
        "e-license",
        "EU mobile driving licence (Directive (EU) 2025/2205) is enough here (eu-mdl-union-wide, medium)",
    );
    // Today no EU licence comes with it, and the reason is the home's own gap, not a date to wait for.
    let reason = answers(
        &["Stockholm", "--home", "SE", "--on", "2026-12-01"],
        1,
        "bring-card",
        "no solid source on digital licences issued in Sweden (ie-se-none)",
    );
    assert!(!reason.contains("2029-11-26"), "{reason}");
    let outcome = run(["check", "Warsaw", "--home", "PL", "--on", "2026-12-01"]);
    assert!(
        outcome.stdout.contains("(eu-mdl, if you hold one)"),
        "{}",
        outcome.stdout
    );
}

#[test]
fn a_uk_licence_in_great_britain_needs_no_card_and_list_agrees() {
    answers(
        &["England", "--home", "GB", "--on", "2026-12-01"],
        0,
        "no-card-needed",
        "no licence need be carried here for this licence (gb-produce, strong)",
    );
    let list = run([
        "list",
        "--country",
        "GB",
        "--home",
        "GB",
        "--on",
        "2026-12-01",
        "--format",
        "tsv",
    ]);
    assert_eq!(list.code, 0, "{}", list.stderr);
    let rows: Vec<String> = list
        .stdout
        .lines()
        .skip(1)
        .map(|line| line.split('\t').take(4).collect::<Vec<_>>().join("\t"))
        .collect();
    assert_eq!(
        rows,
        [
            "GB-ENG\tEngland\tno-card-needed\tgb-produce",
            "GB-NIR\tNorthern Ireland\tbring-card\tgb-wallet",
            "GB-SCT\tScotland\tno-card-needed\tgb-produce",
            "GB-WLS\tWales\tno-card-needed\tgb-produce",
        ]
    );
    // A visitor's licence is not what the sources speak of: the cautious answer.
    answers(
        &["England", "--home", "PL", "--on", "2026-12-01"],
        1,
        "bring-card",
        "(pl-abroad, medium)",
    );
    answers(
        &["Scotland", "--home", "US-CA", "--on", "2026-12-01"],
        1,
        "bring-card",
        "no source covers California DMV Wallet",
    );
}

#[test]
fn a_sourced_carry_the_card_is_cited_not_called_no_source() {
    let reason = answers(
        &["Los Angeles", "--home", "California", "--on", "2026-12-01"],
        1,
        "bring-card",
        "carry the card (us-ca-pilot, medium)",
    );
    assert!(!reason.contains("no source covers"), "{reason}");
    let reason = answers(
        &["Buenos Aires", "--home", "BR", "--on", "2026-12-01"],
        1,
        "bring-card",
        "carry the card (br-cnh-digital-mercosur, medium)",
    );
    assert!(reason.contains("é necessário portar os documentos impressos"));
    assert!(!reason.contains("no source covers"), "{reason}");
}

#[test]
fn a_stage_no_source_covers_is_not_said_to_not_count() {
    let reason = answers(
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
    assert!(!reason.contains("does not count"), "{reason}");
    let help = run(["check", "--help"]);
    assert!(
        !help.stdout.contains("must carry the card"),
        "{}",
        help.stdout
    );
    // Victoria's learners and P-platers: the sources disagree, nothing is hard-coded.
    answers(
        &[
            "Melbourne",
            "--home",
            "VIC",
            "--stage",
            "learner",
            "--on",
            "2025-06-01",
        ],
        1,
        "bring-card",
        "sources disagree (au-vic-ddl-lp, medium)",
    );
    // Malaysia's learners: the source says carry it.
    answers(
        &[
            "Kuala Lumpur",
            "--home",
            "MY",
            "--holder",
            "citizen",
            "--stage",
            "learner",
            "--on",
            "2025-06-01",
        ],
        1,
        "bring-card",
        "carry the card (my-myjpj-learners, medium)",
    );
}

#[test]
fn louisiana_quotes_both_sides_and_puerto_rico_counts() {
    let reason = answers(
        &["New Orleans", "--home", "Louisiana", "--on", "2026-12-01"],
        1,
        "bring-card",
        "sources disagree (us-la-wallet-in-la, medium)",
    );
    assert!(
        reason.contains("\"if a person presents a digitized driver's license"),
        "{reason}"
    );
    assert!(
        reason.contains("\"For now, users must have a copy"),
        "{reason}"
    );
    answers(
        &[
            "San Juan, Puerto Rico",
            "--home",
            "PR",
            "--on",
            "2026-12-01",
        ],
        0,
        "e-license",
        "is enough here (pr-ley-141, medium)",
    );
}

#[test]
fn the_schemes_of_2026_12_at_home_and_abroad() {
    answers(
        &["Vienna", "--home", "AT", "--on", "2026-12-01"],
        0,
        "e-license",
        "(at-eausweise-in-austria, medium)",
    );
    answers(
        &["Munich", "--home", "AT", "--on", "2026-12-01"],
        1,
        "bring-card",
        "carry the card (at-eausweise-abroad, medium)",
    );
    answers(
        &["Prague", "--home", "CZ", "--on", "2026-12-01"],
        0,
        "no-card-needed",
        "no licence need be carried here for this licence (cz-register, strong)",
    );
    for (place, home, rule) in [
        ("Hanoi", "VN", "vn-vneid-in-vietnam"),
        ("Bangkok", "TH", "th-dlt-qr-in-thailand"),
        ("Manila", "PH", "ph-lto-edl-in-philippines"),
    ] {
        answers(
            &[place, "--home", home, "--on", "2025-01-01"],
            0,
            "e-license",
            &format!("({rule}, medium)"),
        );
    }
    answers(
        &["Jakarta", "--home", "ID", "--on", "2026-12-01"],
        1,
        "bring-card",
        "carry the card (id-sim-digital-at-stops, medium)",
    );
    // North Dakota's statute covers stops, but its credential's launch was not confirmed.
    answers(
        &["Fargo", "--home", "ND", "--on", "2026-12-01"],
        1,
        "bring-card",
        "it depends on whether you hold the digital licence",
    );
    answers(
        &[
            "Fargo",
            "--home",
            "ND",
            "--on",
            "2026-12-01",
            "--has-digital",
        ],
        0,
        "e-license",
        "(us-nd-39-06-14-3, medium)",
    );
    // Chile's is given at a first issue or a renewal: the holder says whether they have it.
    answers(
        &["Santiago", "--home", "CL", "--on", "2026-12-01"],
        1,
        "bring-card",
        "it depends on whether you hold the digital licence",
    );
    answers(
        &[
            "Santiago",
            "--home",
            "CL",
            "--on",
            "2026-12-01",
            "--has-digital",
        ],
        0,
        "e-license",
        "(cl-licencia-digital-in-chile, medium)",
    );
    let list = run([
        "list",
        "--country",
        "CL",
        "--home",
        "CL",
        "--on",
        "2026-12-01",
        "--has-digital",
        "--format",
        "tsv",
    ]);
    assert_eq!(list.code, 0, "{}", list.stderr);
    assert!(
        list.stdout
            .lines()
            .skip(1)
            .all(|line| line.contains("\te-license\tcl-licencia-digital-in-chile\t")),
        "{}",
        list.stdout
    );
}

#[test]
fn scheme_and_agency_names_and_quotes_read_in_chinese() {
    let outcome = run([
        "--lang",
        "zh",
        "check",
        "Missoula",
        "--home",
        "Colorado",
        "--on",
        "2026-03-01",
    ]);
    assert!(
        outcome.stdout.contains("只有蒙大拿州公路巡警接受"),
        "{}",
        outcome.stdout
    );
    assert!(
        outcome
            .stdout
            .contains("科罗拉多州数字身份证（myColorado 应用）（us-co-digital-id）"),
        "{}",
        outcome.stdout
    );
    // Hong Kong's Transport Department said it in Chinese itself: its words, not a translation.
    let outcome = run([
        "--lang",
        "zh",
        "check",
        "香港",
        "--home",
        "HK",
        "--on",
        "2026-03-01",
    ]);
    assert!(
        outcome
            .stdout
            .contains("「電子駕照可作為實體駕照以外的另一選擇"),
        "{}",
        outcome.stdout
    );
    let outcome = run([
        "--lang",
        "zh",
        "check",
        "Buenos Aires",
        "--home",
        "BR",
        "--on",
        "2026-12-01",
    ]);
    assert!(
        outcome.stdout.contains("必须携带纸质证件"),
        "{}",
        outcome.stdout
    );
}

#[test]
fn the_bundled_file_passes_its_own_check() {
    let outcome = run(["data", "--check", "data/schemes.toml"]);
    assert_eq!(outcome.code, 0, "{}{}", outcome.stdout, outcome.stderr);
    assert!(
        outcome.stdout.starts_with("data/schemes.toml: ok ("),
        "{}",
        outcome.stdout
    );
    let seed = std::fs::read_to_string("fuzz/seeds/schemes/bundled.toml").expect("the seed");
    let bundled = std::fs::read_to_string("data/schemes.toml").expect("the bundled file");
    assert_eq!(seed, bundled, "the fuzz seed is a copy of the bundled file");
}
