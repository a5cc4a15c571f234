//! Places as drivers type them (issue 12): the answer's division, the notes that say what a
//! reading assumed, and the questions an ambiguous name gets.

use serde_json::Value;

use crate::support::run;

/// `edl show --format json -- QUERY` on a 2021 date: the division's code and the notes.
fn shown(query: &str) -> (String, Vec<String>) {
    let outcome = run([
        "show",
        "--on",
        "2021-11-01",
        "--format",
        "json",
        "--",
        query,
    ]);
    assert_eq!(outcome.code, 0, "show {query:?}: {}", outcome.stderr);
    let report: Value = serde_json::from_str(&outcome.stdout).expect("show JSON");
    let notes = report["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .map(|note| note.as_str().expect("a note is text").to_string())
        .collect();
    (
        report["place"]["code"].as_str().expect("code").to_string(),
        notes,
    )
}

/// The error line of `edl check QUERY --on 2021-11-01`, which must be an error.
fn refused(query: &str) -> String {
    run(["check", "--on", "2021-11-01", "--", query])
        .assert_error_line()
        .to_string()
}

#[test]
fn a_bare_name_means_its_prefecture_and_says_which_others_it_may_mean() {
    for (query, code, other) in [
        ("西安", "610100", "\"辽源西安区\""),
        ("xi'an", "610100", "\"牡丹江西安区\""),
        ("大同", "140200", "\"大同区\""),
        ("中山", "442000", "\"中山区\""),
        ("tai'an", "370900", "泰安"),
        ("黄山", "341000", "\"黄山区\""),
    ] {
        let (found, notes) = shown(query);
        assert_eq!(found, code, "{query}");
        assert!(
            notes
                .iter()
                .any(|note| note.starts_with(&format!("\"{query}\" is taken as"))
                    && note.contains(other)),
            "{query}: {notes:?}"
        );
    }
    // A full name means exactly that place, with nothing to say.
    assert_eq!(shown("大同区"), ("230606".to_string(), Vec::new()));
    assert_eq!(shown("辽源西安区").0, "220403");
}

#[test]
fn the_note_reaches_check_in_both_languages() {
    let en = run(["check", "西安", "--on", "2021-11-01", "--home", "成都"]);
    assert_eq!(en.code, 0, "{}", en.stderr);
    assert!(
        en.stdout.contains(
            "note: \"西安\" is taken as 西安市 (陕西省); it may also mean 西安区 (辽源市, 吉林省) 220403, type \"辽源西安区\"; 西安区 (牡丹江市, 黑龙江省) 231005, type \"牡丹江西安区\"\n"
        ),
        "{}",
        en.stdout
    );
    let zh = run(["--lang", "zh", "check", "西安", "--on", "2021-11-01"]);
    assert!(
        zh.stdout.contains(
            "注意：“西安”按 西安市（陕西省） 作答；也可能指 西安区（吉林省辽源市） 220403，输入“辽源西安区”"
        ),
        "{}",
        zh.stdout
    );
}

#[test]
fn an_ambiguous_name_lists_each_place_with_a_query_that_names_it() {
    let line = refused("鼓楼区");
    for candidate in [
        "鼓楼区 (南京市, 江苏省) 320106, type \"南京鼓楼区\"",
        "鼓楼区 (徐州市, 江苏省) 320302, type \"徐州鼓楼区\"",
        "鼓楼区 (福州市, 福建省) 350102, type \"福州鼓楼区\"",
        "鼓楼区 (开封市, 河南省) 410204, type \"开封鼓楼区\"",
    ] {
        assert!(line.contains(candidate), "{candidate}: {line}");
    }
    assert!(!line.contains("name the province"), "{line}");
    for (hint, code) in [("南京鼓楼区", "320106"), ("徐州鼓楼区", "320302")] {
        assert_eq!(shown(hint).0, code, "{hint}");
    }
    // Within one province the province does not tell them apart: the prefecture does.
    let line = refused("鼓楼区, 江苏");
    assert!(line.contains("could be 2 places"), "{line}");
    assert!(line.contains("type \"南京鼓楼区\""), "{line}");
    // Two prefectures at the top level stay a question.
    let line = refused("ＳＵＺＨＯＵ");
    assert!(line.contains("320500") && line.contains("341300"), "{line}");
}

#[test]
fn input_as_keyboards_and_map_apps_write_it() {
    for (query, code) in [
        ("５１０１００", "510100"),
        ("chéngdū", "510100"),
        ("Xiàmén", "350200"),
        ("中国浙江省杭州市", "330100"),
        ("成都。", "510100"),
        ("“成都”", "510100"),
        ("(成都)", "510100"),
        ("苏州（江苏）", "320500"),
        ("成 都", "510100"),
        ("北京北京市东城区", "110101"),
        ("重庆市重庆市渝北区", "500112"),
        ("湖北武汉复兴路111号", "420100"),
        ("昆山花桥镇", "320583"),
        ("江苏省 苏州市 吴江区 干将东路678号", "320509"),
        ("黑龙江哈尔滨宾县宾州镇", "230125"),
        ("延边州", "222400"),
        ("内蒙包头青山区", "150204"),
        ("山东青岛市北区", "370203"),
        ("北京市市辖区东城区", "110101"),
    ] {
        assert_eq!(shown(query).0, code, "{query}");
    }
}

#[test]
fn a_road_name_is_no_place_and_an_unread_rest_is_said() {
    for road in ["绍兴路59号", "金水路751号", "南京西路"] {
        let line = refused(road);
        assert!(line.contains("unknown place"), "{road}: {line}");
    }
    assert_eq!(shown("上海南京西路").0, "310000");
    let (code, notes) = shown("江苏省xyz");
    assert_eq!(code, "320000");
    assert_eq!(
        notes,
        ["read as 江苏省; \"xyz\" is not a place edl knows"],
        "江苏省xyz"
    );
}

#[test]
fn one_argument_may_hold_several_stops() {
    for (query, codes) in [
        ("上海 苏州 南京", vec!["310000", "320500", "320100"]),
        ("北京、天津", vec!["110000", "120000"]),
    ] {
        let outcome = run(["check", query, "--on", "2021-11-01", "--format", "json"]);
        let report: Value = serde_json::from_str(&outcome.stdout).expect("check JSON");
        let found: Vec<&str> = report["stops"]
            .as_array()
            .expect("stops")
            .iter()
            .map(|stop| stop["code"].as_str().expect("code"))
            .collect();
        assert_eq!(found, codes, "{query}");
    }
    // Where one place is wanted, several are an error.
    let line = run(["show", "上海 苏州"]).assert_error_line().to_string();
    assert_eq!(
        line,
        "edl: \"上海 苏州\" names 2 places (上海, 苏州): give one"
    );
}
