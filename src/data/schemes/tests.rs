use super::*;

#[test]
fn the_compiled_table_is_what_the_loader_makes_of_the_bundled_file() {
    let parsed = Schemes::parse(BUNDLED_TOML, BUNDLED_NAME).unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert!(!parsed.rules.is_empty());
    let compiled = Schemes::bundled();
    assert!(matches!(compiled.rules, Cow::Borrowed(_)), "not compiled");
    // Entry by entry, so that a difference shows the one entry it is in.
    fn same<T: PartialEq + std::fmt::Debug>(compiled: &[T], parsed: &[T]) {
        for (compiled, parsed) in compiled.iter().zip(parsed) {
            assert_eq!(compiled, parsed);
        }
        assert_eq!(compiled.len(), parsed.len());
    }
    assert_eq!(compiled.version, parsed.version);
    assert_eq!(compiled.as_of, parsed.as_of);
    same(&compiled.sources, &parsed.sources);
    same(&compiled.groups, &parsed.groups);
    same(&compiled.schemes, &parsed.schemes);
    same(&compiled.rules, &parsed.rules);
    same(&compiled.baselines, &parsed.baselines);
    same(&compiled.gaps, &parsed.gaps);
    assert_eq!(*compiled, parsed);
}

#[test]
fn the_command_line_takes_stages_and_holders_by_the_words_of_the_file() {
    #[derive(serde::Deserialize)]
    struct Words {
        stage: Stage,
        holder: HolderKind,
    }
    use clap::ValueEnum;
    for (stage, holder) in Stage::ALL
        .into_iter()
        .zip(HolderKind::ALL.into_iter().cycle())
    {
        let text = format!("stage = \"{}\"\nholder = \"{}\"", stage.id(), holder.id());
        let words: Words = toml::from_str(&text).expect("the file's words");
        assert_eq!((words.stage, words.holder), (stage, holder));
        assert_eq!(Stage::from_str(stage.id(), false), Ok(stage));
        assert_eq!(HolderKind::from_str(holder.id(), false), Ok(holder));
    }
}

fn day(text: &str) -> NaiveDate {
    text.parse().expect("a test date")
}

fn chain(codes: &[&str]) -> Vec<Territory> {
    codes
        .iter()
        .map(|code| Territory::parse(code).unwrap_or_else(|| panic!("{code}")))
        .collect()
}

/// The answer for a full licence issued by `home` (None: no home) at `stop` on `on`.
fn judge(home: Option<&[&str]>, stage: Stage, stop: &[&str], on: &str) -> Judgement<'static> {
    let home = home.map(chain);
    let holder = Holder {
        home: home.as_deref(),
        stage,
        issued: None,
        kind: None,
        has_digital: false,
    };
    Schemes::bundled().judge(&holder, &chain(stop), day(on))
}

/// The answer's kind and the id of the rule, baseline, gap or scheme behind it.
fn said(judgement: &Judgement<'_>) -> String {
    match &judgement.answer {
        Answer::Counts { rule, .. } => format!("counts {}", rule.id),
        Answer::NoCardNeeded { baseline } => format!("no-card-needed {}", baseline.id),
        Answer::ByAvailability { scheme } => format!("rollout {}", scheme.id),
        Answer::BringCard(reason) => match reason {
            Reason::NoHome { counts, no_card } => format!(
                "no-home [{}] [{}]",
                counts.iter().map(|s| &*s.id).collect::<Vec<_>>().join(" "),
                no_card.iter().map(|b| &*b.id).collect::<Vec<_>>().join(" ")
            ),
            Reason::NoScheme => "no-scheme".into(),
            Reason::DependsWithin { country } => format!("depends-within {}", country.code()),
            Reason::Gap { gap } => format!("gap {}", gap.id),
            Reason::NoRuleCovers { scheme, stop } => format!(
                "no-rule {} {}",
                scheme.id,
                stop.map_or("-", Territory::code)
            ),
            Reason::CarryCardRule { rule } => format!("carry-card {}", rule.id),
            Reason::CarryRequired { baseline } => format!("carry-required {}", baseline.id),
            Reason::Conflict { rule } => format!("conflict {}", rule.id),
            Reason::AgencyOnly { rule } => format!("agency-only {}", rule.id),
            Reason::StageExcluded { rule, stage } => format!("stage {} {}", rule.id, stage.id()),
            Reason::IssueDate { rule, issued } => format!("issued {} {issued:?}", rule.id),
            Reason::HolderExcluded { rule, kind } => format!("holder {} {kind:?}", rule.id),
            Reason::MayNotHold { rule } => format!("may-not-hold {}", rule.id),
            Reason::NotYet { rule, from } => format!("not-yet {} {from}", rule.id),
            Reason::Ended { rule, until } => format!("ended {} {until}", rule.id),
        },
    }
}

fn notes(judgement: &Judgement<'_>) -> Vec<String> {
    judgement
        .notes
        .iter()
        .map(|note| match note {
            Note::PhoneFailure { rule, failure } => format!("phone {} {failure:?}", rule.id),
            Note::Agency { rule } => format!("agency {}", rule.id),
        })
        .collect()
}

const NSW: &[&str] = &["AU-NSW", "AU"];
const QLD: &[&str] = &["AU-QLD", "AU"];
const VIC: &[&str] = &["AU-VIC", "AU"];
const MT: &[&str] = &["US-MT", "US"];
const CO: &[&str] = &["US-CO", "US"];
const GA: &[&str] = &["US-GA", "US"];
const IL: &[&str] = &["US-IL", "US"];
const FULL: Stage = Stage::Full;

/// A home (None: none given), the stage, the stop, the day, and what edl must say.
type Case = (
    Option<&'static [&'static str]>,
    Stage,
    &'static [&'static str],
    &'static str,
    &'static str,
);

#[test]
fn what_the_issue_must_show() {
    let cases: &[Case] = &[
        // Sydney, Brisbane with a NSW licence.
        (
            Some(NSW),
            FULL,
            NSW,
            "2026-03-01",
            "counts au-nsw-ddl-in-nsw",
        ),
        (
            Some(NSW),
            FULL,
            QLD,
            "2026-03-01",
            "carry-card au-nsw-ddl-outside",
        ),
        // Brisbane with a Queensland licence: from 2023-11-01, full licences only.
        (
            Some(QLD),
            FULL,
            QLD,
            "2023-10-31",
            "not-yet au-qld-dl-in-qld 2023-11-01",
        ),
        (
            Some(QLD),
            FULL,
            QLD,
            "2023-11-01",
            "counts au-qld-dl-in-qld",
        ),
        (
            Some(QLD),
            Stage::Learner,
            QLD,
            "2024-06-01",
            "stage au-qld-dl-in-qld learner",
        ),
        // Melbourne, provisional: the sources disagree (world.md section 24.3 leaves it open).
        (
            Some(VIC),
            Stage::Provisional,
            VIC,
            "2025-01-01",
            "conflict au-vic-ddl-lp",
        ),
        // Missoula: Montana's statute; a Colorado licence only by the Highway Patrol.
        (Some(MT), FULL, MT, "2025-09-01", "counts us-mt-hb519"),
        (
            Some(MT),
            FULL,
            MT,
            "2025-08-31",
            "not-yet us-mt-hb519 2025-09-01",
        ),
        (
            Some(CO),
            FULL,
            MT,
            "2026-03-01",
            "agency-only us-mt-mhp-all-states",
        ),
        // Denver: the State Patrol says carry it.
        (
            Some(CO),
            FULL,
            CO,
            "2026-03-01",
            "carry-card us-co-csp-physical",
        ),
        // Atlanta: every officer from 2027-07-01, equipped ones before.
        (Some(GA), FULL, GA, "2027-07-01", "counts us-ga-hb296-all"),
        (
            Some(GA),
            FULL,
            GA,
            "2026-12-01",
            "agency-only us-ga-hb296-equipped",
        ),
        // Chicago.
        (
            Some(IL),
            FULL,
            IL,
            "2026-03-01",
            "carry-card us-il-pa-103-0824",
        ),
        // Hong Kong's eDL from 2025-09-15; a mainland licence there is the rollout's to judge.
        (
            Some(&["HK"]),
            FULL,
            &["HK"],
            "2025-09-15",
            "counts hk-edl-in-hk",
        ),
        (
            Some(&["HK"]),
            FULL,
            &["HK"],
            "2025-09-14",
            "not-yet hk-edl-in-hk 2025-09-15",
        ),
        (
            Some(&["CN"]),
            FULL,
            &["HK"],
            "2026-03-01",
            "rollout cn-12123",
        ),
        // 深圳 with a Hong Kong licence: nothing covers it.
        (
            Some(&["HK"]),
            FULL,
            &["CN"],
            "2026-03-01",
            "no-rule hk-edl CN",
        ),
        // Tokyo, Seoul with a Japanese licence.
        (
            Some(&["JP"]),
            FULL,
            &["JP-13", "JP"],
            "2025-03-24",
            "counts jp-myna-in-japan",
        ),
        (
            Some(&["JP"]),
            FULL,
            &["KR"],
            "2026-03-01",
            "carry-card jp-myna-abroad",
        ),
        // Warsaw, Berlin with a Polish licence.
        (
            Some(&["PL"]),
            FULL,
            &["PL"],
            "2026-03-01",
            "no-card-needed pl-register",
        ),
        (
            Some(&["PL"]),
            FULL,
            &["DE-BE", "DE"],
            "2026-03-01",
            "carry-card pl-abroad",
        ),
        // 成都 with a NSW licence: the terms say the card outside NSW, anywhere.
        (
            Some(NSW),
            FULL,
            &["CN"],
            "2026-03-01",
            "carry-card au-nsw-ddl-outside",
        ),
        // Australia as a whole with a NSW licence: it counts in NSW, not beyond; with a Texas
        // licence (no digital one known, a gap) the United States are no such question.
        (Some(NSW), FULL, &["AU"], "2026-03-01", "depends-within AU"),
        (
            Some(&["US-TX", "US"]),
            FULL,
            &["US"],
            "2026-03-01",
            "gap us-none",
        ),
    ];
    for &(home, stage, stop, on, expected) in cases {
        let judgement = judge(home, stage, stop, on);
        assert_eq!(
            said(&judgement),
            expected,
            "{home:?} {stage:?} at {stop:?} on {on}"
        );
    }
}

#[test]
fn notes_carry_the_phone_and_the_agencies() {
    let qld = judge(Some(QLD), FULL, QLD, "2024-06-01");
    assert_eq!(
        notes(&qld),
        ["phone au-qld-dl-in-qld Grace { hours: 48, discretionary: true }"]
    );
    let nsw = judge(Some(NSW), FULL, NSW, "2024-06-01");
    assert_eq!(notes(&nsw), ["phone au-nsw-ddl-in-nsw NoLicence"]);
    let vic = judge(Some(VIC), FULL, VIC, "2024-06-01");
    assert_eq!(
        notes(&vic),
        ["phone au-vic-ddl-full ProduceWithin { days: 7 }"]
    );
    // Montana's own licence counts by statute; the Highway Patrol's practice is said beside it.
    let montana = judge(Some(MT), FULL, MT, "2026-03-01");
    assert_eq!(said(&montana), "counts us-mt-hb519");
    assert_eq!(notes(&montana), ["agency us-mt-mhp-all-states"]);
    // A NSW licence in Canberra: the terms say carry the card; ACT Policing's practice is a note.
    let canberra = judge(Some(NSW), FULL, &["AU-ACT", "AU"], "2026-03-01");
    assert_eq!(said(&canberra), "carry-card au-nsw-ddl-outside");
    assert_eq!(notes(&canberra), ["agency au-act-police-interstate"]);
}

#[test]
fn a_ukrainian_licence_issued_before_2013_is_not_in_diia() {
    let ukraine = chain(&["UA"]);
    let at_kyiv = |issued: Option<&str>| {
        let holder = Holder {
            home: Some(&ukraine),
            stage: FULL,
            issued: issued.map(day),
            kind: None,
            has_digital: false,
        };
        said(&Schemes::bundled().judge(&holder, &chain(&["UA-30", "UA"]), day("2026-03-01")))
    };
    assert_eq!(
        at_kyiv(Some("2012-12-31")),
        "issued ua-diia-in-ukraine Some(2012-12-31)"
    );
    assert_eq!(at_kyiv(Some("2013-01-01")), "counts ua-diia-in-ukraine");
    assert_eq!(at_kyiv(None), "issued ua-diia-in-ukraine None");
}

#[test]
fn malaysia_counts_for_citizens_only() {
    let malaysia = chain(&["MY"]);
    let as_holder = |kind| {
        let holder = Holder {
            home: Some(&malaysia),
            stage: FULL,
            issued: None,
            kind,
            has_digital: false,
        };
        said(&Schemes::bundled().judge(&holder, &malaysia, day("2024-01-01")))
    };
    assert_eq!(
        as_holder(Some(HolderKind::Citizen)),
        "counts my-myjpj-citizens"
    );
    assert_eq!(
        as_holder(Some(HolderKind::NonCitizen)),
        "holder my-myjpj-citizens Some(NonCitizen)"
    );
    assert_eq!(as_holder(None), "holder my-myjpj-citizens None");
}

#[test]
fn rules_end_and_sources_disagree() {
    // Finland's app counted under the 2019 law until the trial ended in 2020.
    let finland: &[&str] = &["FI"];
    assert_eq!(
        said(&judge(Some(finland), FULL, finland, "2019-06-01")),
        "counts fi-mobiiliajokortti-trial"
    );
    assert_eq!(
        said(&judge(Some(finland), FULL, finland, "2021-06-01")),
        "ended fi-mobiiliajokortti-trial 2020-01-01"
    );
    // California's pilot said carry the card, and nothing says the duty ended with it.
    let ca: &[&str] = &["US-CA", "US"];
    assert_eq!(
        said(&judge(Some(ca), FULL, ca, "2026-06-30")),
        "carry-card us-ca-pilot"
    );
    assert_eq!(
        said(&judge(Some(ca), FULL, ca, "2026-07-01")),
        "carry-card us-ca-pilot"
    );
    // Louisiana's statute against the OMV and the digest.
    let la: &[&str] = &["US-LA", "US"];
    assert_eq!(
        said(&judge(Some(la), FULL, la, "2024-01-01")),
        "conflict us-la-wallet-in-la"
    );
}

#[test]
fn baselines_gaps_and_holders_without_a_scheme() {
    // Estonia, Czechia and Great Britain need no card for their own licences; Taiwan's law says
    // carry it.
    assert_eq!(
        said(&judge(Some(&["EE"]), FULL, &["EE"], "2026-03-01")),
        "no-card-needed ee-register"
    );
    assert_eq!(
        said(&judge(Some(&["CZ"]), FULL, &["CZ-10", "CZ"], "2024-01-01")),
        "no-card-needed cz-register"
    );
    assert_eq!(
        said(&judge(Some(&["CZ"]), FULL, &["CZ-10", "CZ"], "2023-12-31")),
        "not-yet eu-mdl-union-wide 2029-11-26"
    );
    assert_eq!(
        said(&judge(Some(&["GB"]), FULL, &["GB-SCT", "GB"], "2026-03-01")),
        "no-card-needed gb-produce"
    );
    // A visitor's licence in Great Britain: the sources speak of UK licences only.
    assert_eq!(
        said(&judge(Some(&["DE"]), FULL, &["GB-SCT", "GB"], "2026-03-01")),
        "gap de-bill"
    );
    assert_eq!(
        said(&judge(Some(&["PL"]), FULL, &["GB-ENG", "GB"], "2026-03-01")),
        "carry-card pl-abroad"
    );
    assert_eq!(
        said(&judge(Some(&["TW"]), FULL, &["TW"], "2026-03-01")),
        "carry-required tw-art-25"
    );
    assert_eq!(
        said(&judge(Some(NSW), FULL, &["TW"], "2026-03-01")),
        "carry-card au-nsw-ddl-outside"
    );
    assert_eq!(
        said(&judge(Some(&["HK"]), FULL, &["TW"], "2026-03-01")),
        "carry-required tw-art-25"
    );
    // Poland's baseline is for Polish licences only, from 2020-12-05. A German licence has only
    // the EU's one to come, which says less than Germany's own gap; before the baseline, a
    // Polish licence's own app has no rule in Poland, which says as much as the EU's to come.
    assert_eq!(
        said(&judge(Some(&["DE"]), FULL, &["PL"], "2026-03-01")),
        "gap de-bill"
    );
    assert_eq!(
        said(&judge(Some(&["PL"]), FULL, &["PL"], "2020-12-04")),
        "no-rule pl-mobywatel PL"
    );
    assert_eq!(
        said(&judge(Some(&["SE"]), FULL, &["SE"], "2026-03-01")),
        "gap ie-se-none"
    );
    assert_eq!(
        said(&judge(Some(&["KE"]), FULL, &["PL"], "2026-03-01")),
        "no-scheme"
    );
    // Utah's mobile ID: no source either way.
    assert_eq!(
        said(&judge(
            Some(&["US-UT", "US"]),
            FULL,
            &["US-UT", "US"],
            "2026-03-01"
        )),
        "gap us-unclear"
    );
    // Poland's own app says carry the card abroad, before the EU's licence applies and after,
    // for a holder who has no EU licence.
    assert_eq!(
        said(&judge(Some(&["PL"]), FULL, &["FR"], "2029-11-25")),
        "carry-card pl-abroad"
    );
    assert_eq!(
        said(&judge(Some(&["PL"]), FULL, &["FR"], "2029-11-26")),
        "carry-card pl-abroad"
    );
    assert_eq!(
        said(&judge(Some(&["AT"]), FULL, &["FR"], "2026-03-01")),
        "carry-card at-eausweise-abroad"
    );
    assert_eq!(
        said(&judge(Some(&["CZ"]), FULL, &["FR"], "2026-03-01")),
        "not-yet eu-mdl-union-wide 2029-11-26"
    );
}

#[test]
fn without_a_home_the_reason_names_whose_credential_would_count() {
    // Where the 12123 scheme's `rollout` list names the stop, its availability answers, for the
    // licence edl assumes without a home; Taiwan, not on that list, answers by its own law.
    assert_eq!(
        said(&judge(None, FULL, &["HK"], "2026-03-01")),
        "rollout cn-12123"
    );
    assert_eq!(
        said(&judge(None, FULL, &["TW-TPE", "TW"], "2026-03-01")),
        "carry-required tw-art-25"
    );
    assert_eq!(
        said(&judge(None, FULL, &["PL"], "2026-03-01")),
        "no-home [] [pl-register]"
    );
    assert_eq!(
        said(&judge(None, FULL, QLD, "2026-03-01")),
        "no-home [au-qld-dl] []"
    );
    assert_eq!(
        said(&judge(None, Stage::Learner, QLD, "2026-03-01")),
        "no-home [] []"
    );
    // UK licences need not be carried in Great Britain; the mainland is the rollout's.
    assert_eq!(
        said(&judge(None, FULL, &["GB-ENG", "GB"], "2026-03-01")),
        "no-home [] [gb-produce]"
    );
    assert_eq!(
        said(&judge(None, FULL, &["CN"], "2026-03-01")),
        "rollout cn-12123"
    );
    assert_eq!(
        said(&judge(None, FULL, &["TW"], "2026-03-01")),
        "carry-required tw-art-25"
    );
    // Montana's statute counts for Montana's own; every US scheme's holder only by the patrol.
    let missoula = judge(None, FULL, MT, "2026-03-01");
    assert_eq!(said(&missoula), "no-home [us-mt-mobile-id] []");
    assert_eq!(notes(&missoula), ["agency us-mt-mhp-all-states"]);
}

const BASE: &str = r#"version = "test"
as_of = 2026-11-25

[[source]]
id = "s1"
title = "a source"
quality = "medium"

[[scheme]]
id = "nsw"
issuer = "AU-NSW"
name = "NSW DDL"
form = "phone-app"

[[rule]]
id = "r1"
scheme = "nsw"
in = ["issuer"]
outcome = "counts"
from = 2019-10-28
grade = "medium"
sources = ["s1"]
note = "n"

[[baseline]]
id = "b1"
in = ["PL"]
licences = ["PL"]
carry = "not-required"
grade = "medium"
sources = ["s1"]
note = "n"

[[gap]]
id = "g1"
jurisdictions = ["MX"]
reason = "r"
"#;

fn problems(text: &str) -> Vec<String> {
    match Schemes::parse(text, "s.toml") {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

fn broken(from: &str, to: &str) -> Vec<String> {
    assert!(BASE.contains(from), "{from}");
    problems(&BASE.replacen(from, to, 1))
}

#[test]
fn the_base_file_is_valid() {
    assert_eq!(problems(BASE), Vec::<String>::new());
}

#[test]
fn each_kind_of_error_is_named_at_its_line_and_column() {
    let cases: &[(&str, &str, &str)] = &[
        // Syntax, and keys the model does not have.
        ("from = 2019-10-28", "from = = 2019-10-28", "s.toml:20:8: "),
        (
            "from = 2019-10-28",
            "from = 2019-10-28\nwhen = 1",
            "s.toml:21:1: unknown field `when`",
        ),
        // Dates.
        (
            "from = 2019-10-28",
            "from = 2019-10-28T08:00:00",
            "s.toml:20:8: `2019-10-28T08:00:00` is not a date (want YYYY-MM-DD)",
        ),
        (
            "from = 2019-10-28",
            "from = 2019-10-28\nuntil = 2019-10-28",
            "s.toml:21:9: rule `r1` ends (2019-10-28) before it starts (2019-10-28)",
        ),
        (
            "from = 2019-10-28",
            "issued_from = 2013-01-01\nissued_before = 2012-01-01",
            "s.toml:21:17: rule `r1`: issued_before (2012-01-01) is not after issued_from (2013-01-01)",
        ),
        // Sources and grades.
        (
            "sources = [\"s1\"]\nnote = \"n\"\n\n[[baseline]]",
            "sources = [\"s2\"]\nnote = \"n\"\n\n[[baseline]]",
            "s.toml:22:12: source `s2` is not defined",
        ),
        (
            "sources = [\"s1\"]\nnote = \"n\"\n\n[[baseline]]",
            "sources = []\nnote = \"n\"\n\n[[baseline]]",
            "s.toml:16:6: rule `r1` has no source",
        ),
        (
            "grade = \"medium\"\nsources = [\"s1\"]\nnote = \"n\"\n\n[[baseline]]",
            "grade = \"strong\"\nsources = [\"s1\"]\nnote = \"n\"\n\n[[baseline]]",
            "s.toml:21:9: rule `r1` is graded strong but its best source is only medium",
        ),
        (
            "grade = \"medium\"\nsources = [\"s1\"]\nnote = \"n\"\n\n[[baseline]]",
            "grade = \"solid\"\nsources = [\"s1\"]\nnote = \"n\"\n\n[[baseline]]",
            "s.toml:21:9: unknown variant `solid`",
        ),
        // What a rule is about, and where.
        (
            "scheme = \"nsw\"",
            "scheme = \"qld\"",
            "s.toml:17:10: scheme `qld` in rule `r1` is not defined",
        ),
        (
            "scheme = \"nsw\"",
            "issued_in = \"US-MT\"",
            "s.toml:17:13: issued_in of rule `r1` must be a country, not `US-MT`",
        ),
        (
            "scheme = \"nsw\"",
            "scheme = \"nsw\"\nissued_in = \"US\"",
            "s.toml:17:10: rule `r1` gives both scheme and issued_in: give one",
        ),
        (
            "scheme = \"nsw\"\n",
            "",
            "s.toml:16:6: rule `r1` gives neither scheme nor issued_in",
        ),
        (
            "in = [\"issuer\"]",
            "in = [\"AU-XYZ\"]",
            "s.toml:18:7: `AU-XYZ` in rule `r1` is no country or subdivision code",
        ),
        (
            "in = [\"issuer\"]",
            "in = [\"aus\"]",
            "s.toml:18:7: `aus` in rule `r1` is no country or subdivision code (write it `AU`)",
        ),
        (
            "in = [\"issuer\"]",
            "in = []",
            "s.toml:18:6: rule `r1` says nowhere (`in` is empty)",
        ),
        (
            "issuer = \"AU-NSW\"",
            "issuer = \"New South Wales\"",
            "s.toml:11:10: `New South Wales` in scheme `nsw` is no country or subdivision code",
        ),
        (
            "outcome = \"counts\"",
            "outcome = \"carry-card\"\nby = \"a patrol\"",
            "s.toml:20:6: rule `r1`: `by` goes only with outcome = \"counts\" (an agency's practice of accepting it)",
        ),
        (
            "outcome = \"counts\"",
            "outcome = \"counts\"\nby_zh = \"巡警\"",
            "s.toml:20:9: rule `r1` gives by_zh but no `by`",
        ),
        (
            "outcome = \"counts\"",
            "outcome = \"counts\"\nby = \"a patrol\"\nby_zh = \"\"",
            "s.toml:21:9: by_zh of rule `r1` is empty (leave it out, or give the Chinese)",
        ),
        (
            "outcome = \"counts\"",
            "outcome = \"conflict\"\nmay_not_hold = true",
            "s.toml:20:16: rule `r1`: `may_not_hold` goes only with outcome = \"counts\"",
        ),
        // For whom.
        (
            "from = 2019-10-28",
            "stages = []",
            "s.toml:20:10: rule `r1` holds for no stage (leave `stages` out for all)",
        ),
        (
            "from = 2019-10-28",
            "stages = [\"expert\"]",
            "s.toml:20:11: unknown variant `expert`",
        ),
        (
            "from = 2019-10-28",
            "phone_failure = { kind = \"grace\" }",
            "s.toml:20:17: phone_failure of rule `r1` must be { kind = \"no-licence\" }, { kind = \"grace\", hours = H } (with discretionary = true or false) or { kind = \"produce-within\", days = D }",
        ),
        // Baselines and gaps.
        (
            "licences = [\"PL\"]",
            "licences = []",
            "s.toml:26:6: baseline `b1` is about nobody's licences (write [\"any\"] or issuers)",
        ),
        (
            "jurisdictions = [\"MX\"]",
            "jurisdictions = []",
            "s.toml:35:6: gap `g1` names no jurisdiction",
        ),
        (
            "reason = \"r\"",
            "reason = \"r\"\nreason_zh = \" \"",
            "s.toml:38:13: reason_zh of gap `g1` is empty (leave it out, or give the Chinese)",
        ),
    ];
    for &(from, to, expected) in cases {
        let found = broken(from, to);
        assert!(
            found.len() == 1 && found[0].starts_with(expected),
            "{to:?}: want {expected:?}, got {found:?}"
        );
    }
}

#[test]
fn ids_are_defined_once() {
    let twice = format!(
        "{BASE}\n[[scheme]]\nid = \"nsw\"\nissuer = \"AU-NSW\"\nname = \"again\"\nform = \"chip-card\"\n"
    );
    assert_eq!(
        problems(&twice),
        ["s.toml:40:6: scheme `nsw` is defined twice"]
    );
    let source = format!("{BASE}\n[[source]]\nid = \"s1\"\ntitle = \"t\"\nquality = \"low\"\n");
    assert_eq!(
        problems(&source),
        ["s.toml:40:6: source `s1` is defined twice"]
    );
}

#[test]
fn every_problem_is_reported() {
    let found = broken("scheme = \"nsw\"", "scheme = \"qld\"\nholder = \"alien\"");
    assert_eq!(found.len(), 1, "serde stops at the first: {found:?}");
    let found = broken("in = [\"issuer\"]", "in = [\"XX\", \"issuer\", \"YY\"]");
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn a_file_says_which_kind_it_is_by_its_tables() {
    assert_eq!(file_kind(BUNDLED_TOML), FileKind::Schemes);
    assert_eq!(
        file_kind(super::super::rollout::BUNDLED_TOML),
        FileKind::Rollout
    );
    assert_eq!(file_kind(BASE), FileKind::Schemes);
    // A table name in a string or a comment is no table.
    assert_eq!(
        file_kind("note = \"\"\"\n[[scheme]]\n\"\"\"\n# [[gap]]\n[default]\n"),
        FileKind::Rollout
    );
    assert_eq!(file_kind("  [[ baseline ]]\n"), FileKind::Schemes);
    assert_eq!(file_kind(""), FileKind::Rollout);
    assert_eq!(
        file_kind(crate::data::recognition::BUNDLED_TOML),
        FileKind::Recognition
    );
    // A gap or group is in both kinds of file: a recognition table after it decides.
    assert_eq!(file_kind("[[gap]]\n[[party]]\n"), FileKind::Recognition);
    assert_eq!(file_kind("[[group]]\n[default]\n"), FileKind::Schemes);
}

#[test]
fn a_users_file_is_read_and_checked() {
    let dir = std::env::temp_dir().join(format!("edl-schemes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let good = dir.join("good.toml");
    std::fs::write(&good, BASE).expect("written");
    assert_eq!(
        Schemes::from_file(&good).map(|s| s.rules.len()).ok(),
        Some(1)
    );
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, BASE.replacen("in = [\"issuer\"]", "in = [\"XX\"]", 1)).expect("written");
    let error = Schemes::from_file(&bad).err().map(|e| e.to_string());
    assert_eq!(
        error,
        Some(format!(
            "{}:18:7: `XX` in rule `r1` is no country or subdivision code",
            bad.display()
        ))
    );
    let empty = dir.join("empty.toml");
    std::fs::write(&empty, "\n").expect("written");
    let error = Schemes::from_file(&empty).err().map(|e| e.to_string());
    assert_eq!(
        error,
        Some(format!("{}:1:1: the file is empty", empty.display()))
    );
    let error = Schemes::from_file(&dir).err().map(|e| e.to_string());
    assert_eq!(
        error,
        Some(format!(
            "cannot read data file {}: it is a directory",
            dir.display()
        ))
    );
    std::fs::remove_dir_all(&dir).expect("removed");
}

#[test]
fn the_bundled_file_cites_and_translates_everything() {
    let schemes = Schemes::bundled();
    for scheme in schemes.schemes.iter() {
        assert!(scheme.name.zh.is_some(), "scheme {}", scheme.id);
    }
    for rule in schemes.rules.iter() {
        assert!(!rule.sources.is_empty(), "{}", rule.id);
        assert!(rule.note.zh.is_some(), "rule {}", rule.id);
        if let Some(by) = &rule.by {
            assert!(by.zh.is_some(), "by of rule {}", rule.id);
        }
    }
    for baseline in schemes.baselines.iter() {
        assert!(baseline.note.zh.is_some(), "baseline {}", baseline.id);
    }
    for gap in schemes.gaps.iter() {
        assert!(gap.reason.zh.is_some(), "gap {}", gap.id);
    }
    // No jurisdiction is both a scheme's issuer and a gap.
    for gap in schemes.gaps.iter() {
        for place in gap.jurisdictions.iter() {
            assert!(
                !schemes
                    .schemes
                    .iter()
                    .any(|scheme| scheme.issuer == Issuer::Territory(*place)),
                "{} in gap {}",
                place.code(),
                gap.id
            );
        }
    }
}

/// The answer for a full licence issued by `home` at `stop` on `on`, the holder saying whether
/// they have the digital form.
fn judge_holding(home: &[&str], stop: &[&str], on: &str, has_digital: bool) -> String {
    let home = chain(home);
    let holder = Holder {
        home: Some(&home),
        stage: FULL,
        issued: None,
        kind: None,
        has_digital,
    };
    said(&Schemes::bundled().judge(&holder, &chain(stop), day(on)))
}

#[test]
fn a_licence_that_may_come_without_its_digital_form_counts_only_when_the_holder_says_so() {
    // The EU's mobile licence: not before the directive applies; then only for a holder of one.
    let ireland: &[&str] = &["IE"];
    assert_eq!(
        judge_holding(ireland, ireland, "2029-11-26", false),
        "may-not-hold eu-mdl-union-wide"
    );
    assert_eq!(
        judge_holding(ireland, ireland, "2029-11-26", true),
        "counts eu-mdl-union-wide"
    );
    assert_eq!(
        judge_holding(ireland, ireland, "2029-11-25", true),
        "gap ie-se-none"
    );
    assert_eq!(
        judge_holding(&["DE"], &["DE-BE", "DE"], "2029-12-01", false),
        "may-not-hold eu-mdl-union-wide"
    );
    // Chile's, given at a first issue or a renewal.
    let chile: &[&str] = &["CL"];
    assert_eq!(
        judge_holding(chile, &["CL-RM", "CL"], "2026-12-01", false),
        "may-not-hold cl-licencia-digital-in-chile"
    );
    assert_eq!(
        judge_holding(chile, &["CL-RM", "CL"], "2026-12-01", true),
        "counts cl-licencia-digital-in-chile"
    );
    assert_eq!(
        judge_holding(chile, &["CL-RM", "CL"], "2025-08-31", true),
        "not-yet cl-licencia-digital-in-chile 2025-09-01"
    );
    // The schemes that may come without it say so; others do not.
    let schemes = Schemes::bundled();
    let on_request: Vec<&str> = schemes
        .schemes
        .iter()
        .filter(|scheme| scheme.on_request)
        .map(|scheme| &*scheme.id)
        .collect();
    assert_eq!(on_request, ["us-nd-mdl", "eu-mdl", "cl-licencia-digital"]);
}

#[test]
fn the_schemes_of_2026_12() {
    // Austria at home from the app's day, not abroad; a failed phone is no licence.
    let austria: &[&str] = &["AT"];
    assert_eq!(
        judge_holding(austria, &["AT-9", "AT"], "2022-10-19", false),
        "counts at-eausweise-in-austria"
    );
    assert_eq!(
        judge_holding(austria, &["AT-9", "AT"], "2022-10-18", false),
        "not-yet at-eausweise-in-austria 2022-10-19"
    );
    assert_eq!(
        judge_holding(austria, &["DE-BY", "DE"], "2026-12-01", false),
        "carry-card at-eausweise-abroad"
    );
    assert_eq!(
        notes(&judge(Some(austria), FULL, &["AT-9", "AT"], "2026-12-01")),
        ["phone at-eausweise-in-austria NoLicence"]
    );
    // Vietnam, Thailand, the Philippines at home; Indonesia's does not count; Qatar's neither.
    for (home, from, before, rule) in [
        ("VN", "2024-07-01", "2024-06-30", "vn-vneid-in-vietnam"),
        ("TH", "2019-09-20", "2019-09-19", "th-dlt-qr-in-thailand"),
        (
            "PH",
            "2023-07-26",
            "2023-07-25",
            "ph-lto-edl-in-philippines",
        ),
    ] {
        assert_eq!(
            judge_holding(&[home], &[home], from, false),
            format!("counts {rule}")
        );
        assert_eq!(
            judge_holding(&[home], &[home], before, false),
            format!("not-yet {rule} {from}")
        );
    }
    assert_eq!(
        judge_holding(&["ID"], &["ID"], "2026-12-01", false),
        "carry-card id-sim-digital-at-stops"
    );
    assert_eq!(
        judge_holding(&["QA"], &["QA"], "2026-12-01", false),
        "carry-card qa-moi-2018"
    );
    // Brazil's in Mercosur: the printed documents are necessary.
    assert_eq!(
        judge_holding(&["BR"], &["AR-C", "AR"], "2026-12-01", false),
        "carry-card br-cnh-digital-mercosur"
    );
    // Malaysia's learners carry the card; Denmark's app is a passport holder's.
    let malaysia = chain(&["MY"]);
    let learner = Holder {
        home: Some(&malaysia),
        stage: Stage::Learner,
        issued: None,
        kind: Some(HolderKind::Citizen),
        has_digital: false,
    };
    assert_eq!(
        said(&Schemes::bundled().judge(&learner, &malaysia, day("2026-12-01"))),
        "carry-card my-myjpj-learners"
    );
    assert_eq!(
        judge_holding(&["DK"], &["DK-84", "DK"], "2026-12-01", false),
        "holder dk-korekort-in-denmark None"
    );
    // Puerto Rico's Ley 141 gives the virtual licence the same validity.
    assert_eq!(
        judge_holding(&["PR"], &["PR"], "2026-12-01", false),
        "counts pr-ley-141"
    );
}

#[test]
fn a_home_whose_own_licences_need_not_be_carried_somewhere_does_not_decide_alone() {
    let schemes = Schemes::bundled();
    let gb = chain(&["GB"]);
    let frees = |home: &[Territory], on: &str| schemes.frees(home, day(on)).map(|b| &*b.id);
    assert_eq!(frees(&gb, "2026-12-01"), Some("gb-produce"));
    assert_eq!(
        frees(&chain(&["GB-ENG", "GB"]), "2026-12-01"),
        Some("gb-produce")
    );
    assert_eq!(frees(&chain(&["PL"]), "2020-12-04"), None);
    assert_eq!(frees(&chain(&["PL"]), "2020-12-05"), Some("pl-register"));
    assert_eq!(frees(&chain(&["DE"]), "2026-12-01"), None);
}
