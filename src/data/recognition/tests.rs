use chrono::NaiveDate;

use super::*;
use crate::data::rollout::Wording;
use crate::data::rollout::past_token_budget;

fn day(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

fn place(codes: &[&str]) -> Vec<Territory> {
    codes
        .iter()
        .map(|code| Territory::parse(code).unwrap_or_else(|| panic!("`{code}` is a territory")))
        .collect()
}

/// The bundled file's finding for a pair; every pair here crosses a border.
fn judge<'r>(licence: &[&str], destination: &[&str], on: &str) -> Finding<'r> {
    Recognition::bundled()
        .judge(&place(licence), &place(destination), day(on))
        .expect("a border is crossed")
}

fn ids(carry: &[Document]) -> Vec<&'static str> {
    carry.iter().map(|document| document.id()).collect()
}

fn decided_by(finding: &Finding) -> &'static str {
    let id = finding.basis.expect("a fact decided it").id;
    // The bundled file lives as long as the process.
    Recognition::bundled()
        .rules
        .iter()
        .map(|rule| rule.id.as_str())
        .chain(
            Recognition::bundled()
                .conventions
                .iter()
                .map(|c| c.id.as_str()),
        )
        .find(|known| *known == id)
        .expect("the basis is an entry of the file")
}

const ON: &str = "2026-12-01";

#[test]
fn the_bundled_file_is_valid_and_every_entry_is_sourced() {
    let file = Recognition::bundled();
    assert!(file.rules.len() >= 20, "{} rules", file.rules.len());
    for rule in &file.rules {
        assert!(!rule.sources.is_empty(), "{}", rule.id);
        let note = rule.note.as_ref().expect("every bundled rule has a note");
        assert!(note.zh.is_some(), "{} has no note_zh", rule.id);
    }
    for gap in &file.gaps {
        assert!(gap.reason.zh.is_some(), "{} has no reason_zh", gap.id);
    }
    for party in &file.parties {
        assert!(!party.sources.is_empty(), "{}", party.id);
    }
}

#[test]
fn the_bundled_file_is_far_within_the_token_budget() {
    assert_eq!(past_token_budget(BUNDLED_TOML), None);
}

#[test]
fn nsw_to_tokyo_needs_the_card_and_a_1949_idp() {
    let finding = judge(&["AU", "AU-NSW"], &["JP", "JP-13"], ON);
    assert_eq!(finding.needs, Needs::WithIdp(vec![Convention::Geneva1949]));
    assert_eq!(ids(&finding.carry), ["licence-card", "idp-1949"]);
    assert_eq!(decided_by(&finding), "japan-idp-1949");
    assert_eq!(finding.basis.map(|b| b.grade), Some(Quality::Strong));
}

#[test]
fn a_mainland_licence_is_not_valid_in_japan() {
    let finding = judge(&["CN", "CN-SC"], &["JP", "JP-13"], ON);
    assert_eq!(finding.needs, Needs::NotValid);
    assert!(finding.carry.is_empty());
    assert_eq!(decided_by(&finding), "japan-idp-1949");
    assert!(
        finding
            .notes
            .iter()
            .any(|note| matches!(note, Note::NotParty(party) if party.id == "1949-cn"))
    );
}

#[test]
fn a_listed_licence_goes_to_japan_with_a_japanese_translation() {
    let finding = judge(&["TW"], &["JP"], ON);
    assert_eq!(
        finding.needs,
        Needs::WithTranslation(Translation {
            language: Language::Ja,
            kind: TranslationKind::Official,
            unless_written_in: false,
        })
    );
    assert_eq!(ids(&finding.carry), ["licence-card", "translation"]);
    assert_eq!(decided_by(&finding), "japan-translation");
}

#[test]
fn an_issuer_of_unknown_convention_status_is_said_to_be_unknown() {
    // Poland: no party entry. Japan's rule stands; whether Poland issues 1949 IDPs is unknown.
    let finding = judge(&["PL"], &["JP"], ON);
    assert_eq!(finding.needs, Needs::WithIdp(vec![Convention::Geneva1949]));
    assert!(finding.notes.iter().any(|note| matches!(
        note,
        Note::PartyUnknown { issuer, conventions }
            if issuer.code() == "PL" && conventions == &[Convention::Geneva1949]
    )));
}

#[test]
fn california_to_chengdu_needs_the_temporary_permit() {
    let finding = judge(&["US", "US-CA"], &["CN", "CN-SC"], ON);
    assert_eq!(
        finding.needs,
        Needs::LocalPermitOnly(LocalPermit::TemporaryPermit)
    );
    assert_eq!(
        ids(&finding.carry),
        ["temporary-permit", "licence-card", "translation"]
    );
    assert_eq!(decided_by(&finding), "mainland-temporary-permit");
    // Before the 2019 reform, the same permit under its first rule.
    let earlier = judge(&["US", "US-CA"], &["CN", "CN-SC"], "2019-09-19");
    assert_eq!(decided_by(&earlier), "mainland-temporary-permit-2007");
    // Before Order 90, no source.
    let before = judge(&["US", "US-CA"], &["CN", "CN-SC"], "2006-12-31");
    assert_eq!(before.needs, Needs::NoSource);
}

#[test]
fn a_hong_kong_driver_needs_a_mainland_licence() {
    let finding = judge(&["HK"], &["CN", "CN-GD"], ON);
    assert_eq!(
        finding.needs,
        Needs::LocalPermitOnly(LocalPermit::LocalLicence)
    );
    assert_eq!(ids(&finding.carry), ["local-licence"]);
    assert_eq!(decided_by(&finding), "mainland-hong-kong-licence");
}

#[test]
fn a_macau_driver_on_the_mainland_is_a_gap() {
    let finding = judge(&["MO"], &["CN", "CN-GD"], ON);
    assert_eq!(finding.needs, Needs::NoSource);
    assert_eq!(ids(&finding.carry), ["licence-card"]);
    assert!(
        finding
            .notes
            .iter()
            .any(|note| matches!(note, Note::Gap(gap) if gap.id == "mainland-macau-licence"))
    );
}

#[test]
fn chengdu_to_sydney_needs_an_english_translation() {
    let finding = judge(&["CN", "CN-SC"], &["AU", "AU-NSW"], "2024-01-01");
    assert_eq!(
        finding.needs,
        Needs::WithTranslation(Translation {
            language: Language::En,
            kind: TranslationKind::Any,
            unless_written_in: false,
        })
    );
    assert_eq!(ids(&finding.carry), ["licence-card", "translation"]);
    assert_eq!(decided_by(&finding), "nsw-mainland-licence");
    assert!(matches!(&finding.notes[0], Note::Said(note) if note.en.contains("6 months")));
}

#[test]
fn another_overseas_licence_in_nsw_needs_a_translation_unless_in_english() {
    let finding = judge(&["US", "US-CA"], &["AU", "AU-NSW"], ON);
    assert!(matches!(
        finding.needs,
        Needs::WithTranslation(Translation {
            language: Language::En,
            unless_written_in: true,
            ..
        })
    ));
    assert_eq!(decided_by(&finding), "nsw-overseas-visitor");
}

#[test]
fn an_eu_licence_is_valid_across_the_eu_as_it_is() {
    let finding = judge(&["PL"], &["DE", "DE-BE"], ON);
    assert_eq!(finding.needs, Needs::Valid);
    assert_eq!(ids(&finding.carry), ["licence-card"]);
    assert_eq!(decided_by(&finding), "eu-mutual-recognition");
}

#[test]
fn germany_and_italy_want_a_translation_from_outside_the_eu() {
    let germany = judge(&["CN"], &["DE", "DE-BE"], ON);
    assert_eq!(decided_by(&germany), "germany-visitor");
    assert_eq!(ids(&germany.carry), ["licence-card", "translation"]);
    let italy = judge(&["US", "US-CA"], &["IT"], ON);
    assert_eq!(decided_by(&italy), "italy-visitor");
    assert!(matches!(
        italy.needs,
        Needs::WithTranslation(Translation {
            kind: TranslationKind::Sworn,
            ..
        })
    ));
}

#[test]
fn australian_states_recognise_each_other_only_where_a_source_says_so() {
    let brisbane = judge(&["AU", "AU-NSW"], &["AU", "AU-QLD"], ON);
    assert_eq!(brisbane.needs, Needs::Valid);
    assert_eq!(ids(&brisbane.carry), ["licence-card"]);
    assert_eq!(decided_by(&brisbane), "qld-interstate");
    let sydney = judge(&["AU", "AU-QLD"], &["AU", "AU-NSW"], ON);
    assert_eq!(decided_by(&sydney), "nsw-interstate");
    // Victoria's rule for visiting drivers is not in the facts.
    let melbourne = judge(&["AU", "AU-NSW"], &["AU", "AU-VIC"], ON);
    assert_eq!(melbourne.needs, Needs::NoSource);
    assert!(
        melbourne
            .notes
            .iter()
            .any(|note| matches!(note, Note::Gap(gap) if gap.id == "australia-other-states"))
    );
}

#[test]
fn us_states_only_where_a_source_says_so() {
    let california = judge(&["US", "US-MT"], &["US", "US-CA"], ON);
    assert_eq!(california.needs, Needs::Valid);
    let colorado = judge(&["US", "US-MT"], &["US", "US-CO"], ON);
    assert_eq!(colorado.needs, Needs::NoSource);
}

#[test]
fn a_mainland_licence_is_valid_in_hong_kong() {
    let finding = judge(&["CN", "CN-SC"], &["HK"], ON);
    assert_eq!(finding.needs, Needs::Valid);
    assert_eq!(ids(&finding.carry), ["licence-card"]);
    assert_eq!(decided_by(&finding), "hong-kong-mainland-licence");
}

#[test]
fn a_mainland_licence_in_macau_from_mutual_recognition_on() {
    let finding = judge(&["CN", "CN-SC"], &["MO"], "2023-05-16");
    assert_eq!(finding.needs, Needs::Valid);
    assert_eq!(ids(&finding.carry), ["licence-card"]);
    assert_eq!(decided_by(&finding), "macau-mainland");
    assert!(matches!(&finding.notes[0], Note::Said(note)
        if note.en.contains("14 days") && note.en.contains("paper")));
    // The day before, the facts are silent: a gap, said as one.
    let before = judge(&["CN", "CN-SC"], &["MO"], "2023-05-15");
    assert_eq!(before.needs, Needs::NoSource);
    assert!(
        before
            .notes
            .iter()
            .any(|note| matches!(note, Note::Gap(gap) if gap.id == "macau-mainland-before-2023"))
    );
}

#[test]
fn a_mainland_licence_is_not_valid_in_taiwan() {
    let finding = judge(&["CN", "CN-SC"], &["TW"], ON);
    assert_eq!(finding.needs, Needs::NotValid);
    assert!(finding.carry.is_empty());
    assert_eq!(decided_by(&finding), "taiwan-mainland-licence");
}

#[test]
fn nsw_to_lima_has_no_source() {
    let finding = judge(&["AU", "AU-NSW"], &["PE"], ON);
    assert_eq!(finding.needs, Needs::NoSource);
    assert_eq!(ids(&finding.carry), ["licence-card"]);
    assert_eq!(finding.basis, None);
    assert!(finding.notes.is_empty());
}

#[test]
fn korea_takes_either_convention_and_a_convention_needs_both_parties_on_the_day() {
    let korea = judge(&["US", "US-CA"], &["KR"], ON);
    assert_eq!(korea.needs, Needs::WithIdp(vec![Convention::Geneva1949]));
    assert_eq!(ids(&korea.carry), ["licence-card", "idp-1949"]);
    // No rule in Canada outside Ontario: both 1949 parties.
    let vancouver = judge(&["AU", "AU-NSW"], &["CA", "CA-BC"], ON);
    assert_eq!(
        vancouver.needs,
        Needs::WithIdp(vec![Convention::Geneva1949])
    );
    assert_eq!(decided_by(&vancouver), "geneva-1949");
    // Bahrain joined in 2025: not before.
    let manama = judge(&["AU", "AU-NSW"], &["BH"], "2025-04-10");
    assert_eq!(decided_by(&manama), "geneva-1949");
    let earlier = judge(&["AU", "AU-NSW"], &["BH"], "2025-04-09");
    assert_eq!(earlier.needs, Needs::NoSource);
}

#[test]
fn the_licence_at_home_crosses_no_border() {
    let file = Recognition::bundled();
    let on = day(ON);
    assert!(
        file.judge(&place(&["AU", "AU-NSW"]), &place(&["AU-NSW", "AU"]), on)
            .is_none()
    );
    assert!(
        file.judge(&place(&["CN"]), &place(&["CN", "CN-SC"]), on)
            .is_none()
    );
    assert!(file.judge(&place(&["PL"]), &place(&["PL"]), on).is_none());
    assert!(file.judge(&[], &place(&["PL"]), on).is_none());
}

#[test]
fn a_national_licence_passed_with_a_subdivision_is_judged_within_its_country() {
    // No rule says a mainland licence holds from one province to another: given as the
    // country's licence it is at home; given with its province, nothing covers it.
    let file = Recognition::bundled();
    assert!(
        file.judge(&place(&["CN"]), &place(&["CN", "CN-BJ"]), day(ON))
            .is_none()
    );
    let finding = judge(&["CN", "CN-SC"], &["CN", "CN-BJ"], ON);
    assert_eq!(finding.needs, Needs::NoSource);
}

#[test]
fn the_rules_and_gaps_of_a_destination_are_listed() {
    let file = Recognition::bundled();
    let japan = place(&["JP", "JP-13"]);
    let rules: Vec<&str> = file.rules_in(&japan).map(|rule| rule.id.as_str()).collect();
    assert_eq!(rules, ["japan-idp-1949", "japan-translation"]);
    let korea = place(&["KR"]);
    assert_eq!(file.gaps_in(&korea).count(), 1);
}

const BASE: &str = r#"version = "test"
as_of = 2026-12-07

[[group]]
id = "G"
name = "a group"
members = ["PL", "DE"]
grade = "medium"
sources = [{ url = "https://example.org/g", quote = "PL and DE" }]

[[party]]
id = "p"
convention = "1949"
territory = "AU"
status = "party"
from = 1955-01-06
grade = "strong"
sources = [{ url = "https://example.org/p", quote = "AU" }]

[[rule]]
id = "r"
in = ["JP"]
issued = "abroad"
outcome = "idp"
idp = ["1949"]
carry = ["licence-card"]
from = 2020-01-01
grade = "strong"
sources = [{ url = "https://example.org/r", quote = "1949 only" }]
note = "a note"
"#;

fn problems(text: &str) -> Vec<String> {
    match Recognition::parse(text, "t.toml") {
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
fn an_unknown_territory_is_named_at_its_place() {
    assert_eq!(
        broken("in = [\"JP\"]", "in = [\"XX\"]"),
        ["t.toml:22:7: `XX` in rule `r` is no country, subdivision or group"]
    );
    assert_eq!(
        broken("territory = \"AU\"", "territory = \"au\""),
        ["t.toml:14:13: `au` in party `p` is no country, subdivision or group (write it `AU`)"]
    );
}

#[test]
fn dates_must_be_dates_and_windows_must_not_end_before_they_start() {
    assert_eq!(
        broken("from = 2020-01-01", "from = 2020-01-01T10:00:00"),
        ["t.toml:27:8: `2020-01-01T10:00:00` is not a date (want YYYY-MM-DD)"]
    );
    assert_eq!(
        broken("from = 2020-01-01", "from = 2020-01-01\nuntil = 2019-01-01"),
        ["t.toml:28:9: rule `r` ends (2019-01-01) before it starts (2020-01-01)"]
    );
    assert_eq!(
        broken("from = 1955-01-06\n", ""),
        ["t.toml:15:10: party `p` is a party from no day: give `from`"]
    );
}

#[test]
fn documents_are_known_ids_and_an_idp_is_given_by_convention() {
    assert_eq!(
        broken("carry = [\"licence-card\"]", "carry = [\"passport\"]"),
        [
            "t.toml:26:10: `passport` in rule `r` is no document (want one of: digital-licence, licence-card, idp-1926, idp-1949, idp-1968, translation, temporary-permit, local-licence, identity-document, registration)"
        ]
    );
    assert_eq!(
        broken(
            "carry = [\"licence-card\"]",
            "carry = [\"licence-card\", \"idp-1949\"]"
        ),
        [
            "t.toml:26:26: rule `r` names an IDP in `carry`: give the conventions in `idp` with outcome = \"idp\""
        ]
    );
    assert_eq!(
        broken("carry = [\"licence-card\"]", "carry = []"),
        ["t.toml:26:9: rule `r` carries nothing: name the documents to show at a stop"]
    );
}

#[test]
fn every_entry_needs_a_source_and_a_grade() {
    assert_eq!(
        broken(
            "sources = [{ url = \"https://example.org/r\", quote = \"1949 only\" }]",
            "sources = []"
        ),
        ["t.toml:29:11: rule `r` has no source"]
    );
    assert_eq!(
        broken("quote = \"1949 only\"", "quote = \" \""),
        ["t.toml:29:53: a source of rule `r` has an empty quote"]
    );
    let missing = broken(
        "grade = \"strong\"\nsources = [{ url = \"https://example.org/r\"",
        "sources = [{ url = \"https://example.org/r\"",
    );
    assert_eq!(missing.len(), 1);
    assert!(
        missing[0].starts_with("t.toml:20:1: missing field `grade`"),
        "{missing:?}"
    );
}

#[test]
fn ids_are_given_once_across_kinds() {
    assert_eq!(
        broken("id = \"r\"", "id = \"p\""),
        ["t.toml:21:6: id `p` is defined twice"]
    );
}

#[test]
fn an_outcome_has_exactly_its_fields() {
    assert_eq!(
        broken("idp = [\"1949\"]\n", ""),
        ["t.toml:24:11: rule `r`: this outcome needs `idp` (the conventions whose IDPs it takes)"]
    );
    assert_eq!(
        broken("outcome = \"idp\"", "outcome = \"valid\""),
        ["t.toml:25:7: rule `r`: `idp` does not go with this outcome"]
    );
    assert_eq!(
        broken(
            "outcome = \"idp\"\nidp = [\"1949\"]\ncarry = [\"licence-card\"]",
            "outcome = \"not-valid\"\ncarry = [\"licence-card\"]"
        ),
        ["t.toml:25:9: rule `r`: a licence that is not valid carries nothing (`carry = []`)"]
    );
}

#[test]
fn groups_name_places_and_issuers() {
    let text = BASE.replace("in = [\"JP\"]", "in = [\"G\"]\nonly = [\"G\"]");
    let file = Recognition::parse(&text, "t.toml").expect("valid");
    let finding = file
        .judge(&place(&["PL"]), &place(&["DE"]), day(ON))
        .expect("a border");
    assert_eq!(finding.basis.map(|b| b.id), Some("r"));
    // PL is no known party: the IDP it would need is said as unknown.
    assert!(matches!(finding.notes[1], Note::PartyUnknown { .. }));
}

#[test]
fn a_syntax_error_and_an_unknown_key_are_placed() {
    let variant = broken("issued = \"abroad\"", "issued = \"far\"");
    assert!(
        variant[0].starts_with("t.toml:23:10: unknown variant `far`"),
        "{variant:?}"
    );
    let syntax = broken("issued = \"abroad\"", "issued = abroad");
    assert!(syntax[0].starts_with("t.toml:23:10: "), "{syntax:?}");
    let unknown = broken("issued = \"abroad\"", "issued = \"abroad\"\ncolour = 1");
    assert!(
        unknown[0].starts_with("t.toml:24:1: unknown field `colour`"),
        "{unknown:?}"
    );
}

#[test]
fn a_file_past_the_token_budget_is_refused_before_it_is_read() {
    let over = "a = [".to_string() + &"1,".repeat(super::super::rollout::MAX_TOKENS) + "]";
    let errors = Recognition::parse(&over, "t.toml").expect_err("too many tokens");
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0]
            .message
            .contains("a recognition file needs far fewer")
    );
}

fn issued_at(destination: &[&str], on: &str) -> Option<Issuing<'static>> {
    Recognition::bundled().issuing("mainland-temporary-permit", &place(destination), day(on))
}

fn office_ids(issuing: &Option<Issuing<'static>>) -> Vec<&'static str> {
    match issuing {
        Some(Issuing::At(offices)) => offices.iter().map(|office| office.id.as_str()).collect(),
        _ => Vec::new(),
    }
}

fn gap_id(issuing: &Option<Issuing<'static>>) -> Option<&'static str> {
    match issuing {
        Some(Issuing::NoSource(gap)) => gap.map(|gap| gap.id.as_str()),
        _ => None,
    }
}

#[test]
fn beijing_and_hainan_name_their_airport_offices() {
    assert_eq!(
        office_ids(&issued_at(&["CN", "CN-BJ"], ON)),
        [
            "beijing-capital-airport",
            "beijing-daxing-airport",
            "beijing-vehicle-administration"
        ]
    );
    let hainan = issued_at(&["CN", "CN-HI"], ON);
    assert_eq!(
        office_ids(&hainan),
        ["haikou-meilan-airport", "sanya-phoenix-airport"]
    );
    assert_eq!(
        office_ids(&issued_at(&["CN", "CN-HA"], ON)),
        ["zhengzhou-xinzheng-airport"]
    );
}

#[test]
fn an_office_is_named_only_from_the_day_the_facts_show_it() {
    let file = Recognition::bundled();
    let hainan = place(&["CN", "CN-HI"]);
    // Before the report that shows the stations the 2007 rule held, and the facts name none.
    let before = file.issuing("mainland-temporary-permit-2007", &hainan, day("2019-08-25"));
    assert!(office_ids(&before).is_empty());
    assert_eq!(gap_id(&before), Some("mainland-permit-offices"));
    assert_eq!(
        office_ids(&file.issuing("mainland-temporary-permit-2007", &hainan, day("2019-08-26"))),
        ["haikou-meilan-airport", "sanya-phoenix-airport"]
    );
}

#[test]
fn an_office_is_named_only_to_the_holders_its_source_says_it_serves() {
    let file = Recognition::bundled();
    // Hainan's pilot served residents of Taiwan too; Beijing's sources speak of foreigners.
    assert_eq!(
        office_ids(&file.issuing("mainland-taiwan-licence", &place(&["CN", "CN-HI"]), day(ON))),
        ["haikou-meilan-airport", "sanya-phoenix-airport"]
    );
    assert_eq!(
        file.issuing("mainland-taiwan-licence", &place(&["CN", "CN-BJ"]), day(ON)),
        Some(Issuing::NoSource(None))
    );
}

#[test]
fn a_province_without_offices_gets_its_most_specific_gap() {
    assert_eq!(
        gap_id(&issued_at(&["CN", "CN-SC"], ON)),
        Some("mainland-permit-offices")
    );
    assert_eq!(
        gap_id(&issued_at(&["CN", "CN-YN"], ON)),
        Some("yunnan-permit-offices")
    );
    assert_eq!(
        gap_id(&issued_at(&["CN", "CN-SH"], ON)),
        Some("shanghai-permit-offices")
    );
}

#[test]
fn where_the_facts_say_nothing_of_a_permit_nothing_is_said() {
    let file = Recognition::bundled();
    let shenzhen = place(&["CN", "CN-GD"]);
    assert_eq!(
        file.issuing("mainland-hong-kong-licence", &shenzhen, day(ON)),
        None
    );
    assert_eq!(
        file.issuing("mainland-temporary-permit", &place(&["JP"]), day(ON)),
        None
    );
}

#[test]
fn show_lists_a_countrys_offices_and_their_gaps() {
    let file = Recognition::bundled();
    let china = place(&["CN"]);
    assert_eq!(file.offices_in(&china).count(), 6);
    assert_eq!(file.office_gaps_in(&china).count(), 3);
    assert_eq!(file.offices_in(&place(&["JP"])).count(), 0);
}

#[test]
fn every_chinese_wording_of_the_bundled_file_uses_full_width_punctuation() {
    let file = Recognition::bundled();
    let mut chinese: Vec<(&str, &str)> = Vec::new();
    let mut push = |id: &'static str, wording: Option<&'static Wording>| {
        if let Some(zh) = wording.and_then(|wording| wording.zh.as_deref()) {
            chinese.push((id, zh));
        }
    };
    for rule in &file.rules {
        push(&rule.id, rule.note.as_ref());
    }
    for gap in &file.gaps {
        push(&gap.id, Some(&gap.reason));
    }
    for party in &file.parties {
        push(&party.id, party.note.as_ref());
    }
    for fact in &file.conventions {
        push(&fact.id, Some(&fact.note));
    }
    for office in &file.offices {
        push(&office.id, Some(&office.name));
        push(&office.id, office.note.as_ref());
    }
    for gap in &file.office_gaps {
        push(&gap.id, Some(&gap.reason));
    }
    assert!(chinese.len() > 40, "{}", chinese.len());
    for (id, zh) in chinese {
        assert!(
            !zh.contains([',', ':', ';', '(', ')']),
            "{id}: ASCII punctuation in {zh}"
        );
    }
}

const OFFICE: &str = r#"
[[rule]]
id = "permit"
in = ["CN"]
issued = "abroad"
outcome = "local-permit"
permit = "temporary-permit"
carry = ["temporary-permit"]
grade = "strong"
sources = [{ url = "https://example.org/permit", quote = "a permit" }]

[[office]]
id = "o"
permit = "temporary-permit"
rules = ["permit"]
division = "110000"
name = "a station"
name_zh = "一个站"
from = 2024-05-31
grade = "strong"
sources = [{ url = "https://example.org/o", quote = "a station" }]
"#;

#[test]
fn an_office_lies_in_a_known_division_and_rests_on_more_than_low_grade_sources() {
    let with_office = format!("{BASE}{OFFICE}");
    assert_eq!(problems(&with_office), Vec::<String>::new());
    // The 1-based line of the office's line that starts with `start`.
    let line_of = |start: &str| {
        let office = with_office.find("[[office]]").expect("the office");
        with_office[..office].lines().count()
            + with_office[office..]
                .lines()
                .position(|line| line.starts_with(start))
                .expect("the line")
            + 1
    };
    let broken_office = |from: &str, to: &str| problems(&with_office.replacen(from, to, 1));
    assert_eq!(
        broken_office("division = \"110000\"", "division = \"119999\""),
        [format!(
            "t.toml:{}:12: `119999` in office `o` is no division code (want six digits of data/divisions.csv, as `110000`)",
            line_of("division")
        )]
    );
    assert_eq!(
        broken_office(
            "grade = \"strong\"\nsources = [{ url = \"https://example.org/o\"",
            "grade = \"low\"\nsources = [{ url = \"https://example.org/o\""
        ),
        [format!(
            "t.toml:{}:9: office `o` rests on low-grade sources only: make it an [[office_gap]]",
            line_of("grade")
        )]
    );
    assert_eq!(
        broken_office("rules = [\"permit\"]", "rules = [\"r\", \"nope\"]"),
        [
            format!(
                "t.toml:{}:10: rule `r` in office `o` asks for no such permit",
                line_of("rules")
            ),
            format!(
                "t.toml:{}:15: `nope` in office `o` is no rule of this file",
                line_of("rules")
            ),
        ]
    );
    assert_eq!(
        broken_office(
            "permit = \"temporary-permit\"\nrules",
            "permit = \"visa\"\nrules"
        )
        .len(),
        1
    );
}
