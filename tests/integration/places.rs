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
    refused_on(query, "2021-11-01")
}

/// The error line of `edl check QUERY --on DATE`, which must be an error.
fn refused_on(query: &str, date: &str) -> String {
    run(["check", "--on", date, "--", query])
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
        ("香港九龙尖沙咀", "810109"),
    ] {
        assert_eq!(shown(query).0, code, "{query}");
    }
}

#[test]
fn a_road_name_is_no_place_and_an_unread_rest_is_said() {
    // One short name for several places, then other text, names no place: 深圳's or 海口's?
    let line = refused("龙华创业路");
    assert!(
        line.starts_with("edl: unknown place \"龙华创业路\"; did you mean 龙华区"),
        "{line}"
    );
    // 柳州地区 was a prefecture of its own; 忻城县 is in 来宾 today, never 柳州市.
    for other in ["柳州地区忻城县", "龙港镇沿湖路88号"] {
        let line = refused(other);
        assert!(line.contains("unknown place"), "{other}: {line}");
    }
    // 红星 was 伊春's 红星区: its former name before 路 is a road too.
    for road in ["绍兴路59号", "金水路751号", "南京西路", "红星路三段一号"] {
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

#[test]
fn places_outside_the_mainland_are_known_and_not_covered() {
    for query in [
        "金门",
        "金門",
        "福建省泉州市金门县",
        "马祖",
        "台北",
        "高雄",
        "湾仔",
        "尖沙咀",
        "氹仔",
        "Kowloon",
        "Taipa",
    ] {
        let outcome = run(["check", query, "--on", "2022-01-01", "--format", "json"]);
        assert_eq!(outcome.code, 1, "{query}: {}", outcome.stderr);
        let report: Value = serde_json::from_str(&outcome.stdout).expect("check JSON");
        assert_eq!(report["stops"][0]["status"], "not-covered", "{query}");
    }
    // 金门 is in TW: Taiwan's own rule answers there, as in 台北.
    let kinmen = run(["check", "金门", "--on", "2022-01-01"]);
    assert!(
        kinmen
            .stdout
            .contains("金门县: the law here says to carry a licence (tw-art-25, strong)"),
        "{}",
        kinmen.stdout
    );
    let shown_kinmen = run(["show", "金门", "--on", "2022-01-01"]);
    assert!(
        shown_kinmen
            .stdout
            .contains("金门 is governed by 台湾, though the divisions list names it under 福建"),
        "{}",
        shown_kinmen.stdout
    );
    // 马祖 is Lienchiang County in Taiwan, not 福州's 连江县.
    assert_eq!(shown("马祖").0, "710000");
    assert_eq!(shown("福建省福州市连江县").0, "350122");
}

/// Whose roads 金门 is on is the gazetteer's to say (TW-KIN, in TW), once: a rollout file
/// without the fact that it is never covered leaves it outside the mainland all the same, and
/// Taiwan's own rule answers there.
#[test]
fn kinmen_stays_in_taiwan_without_its_rollout_fact() {
    let bundled = include_str!("../../data/rollout.toml");
    let start = bundled
        .find("id = \"never-kinmen\"")
        .expect("the bundled fact");
    let fact_start = bundled[..start].rfind("[[fact]]").expect("its table");
    let fact_end = start + bundled[start..].find("\n\n").expect("its end");
    let without = format!("{}{}", &bundled[..fact_start], &bundled[fact_end..]);
    assert!(!without.contains("never-kinmen") && !without.contains("350527"));
    let dir = std::env::temp_dir().join(format!("edl-places-kinmen-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("rollout.toml");
    std::fs::write(&file, without).expect("write the file");
    let file = file.to_str().expect("utf-8 path");
    assert_eq!(run(["data", "--check", file]).code, 0);
    let kinmen = run(["--data", file, "check", "金门", "--on", "2022-01-01"]);
    assert_eq!(kinmen.code, 1, "{}", kinmen.stdout);
    assert!(
        kinmen
            .stdout
            .contains("金门县: the law here says to carry a licence (tw-art-25, strong)"),
        "{}",
        kinmen.stdout
    );
    let json = run([
        "--data",
        file,
        "check",
        "金门",
        "--on",
        "2022-01-01",
        "--format",
        "json",
    ]);
    let report: Value = serde_json::from_str(&json.stdout).expect("check JSON");
    assert_eq!(report["verdict"], "bring-card");
    assert_eq!(report["stops"][0]["status"], "not-covered");
    assert_eq!(report["stops"][0]["country"]["code"], "TW");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_name_shared_with_hong_kong_is_a_question() {
    for (query, mainland, hong_kong) in [("九龙", "513324", "810000"), ("东区", "510402", "810102")]
    {
        // Once the whole mainland is live, the mainland place and Hong Kong answer differently.
        let line = refused_on(query, "2022-01-01");
        assert!(
            line.contains(mainland) && line.contains(hong_kong),
            "{query}: {line}"
        );
    }
}

#[test]
fn traditional_characters_read_as_simplified() {
    for (query, code) in [
        ("蘇州", "320500"),
        ("廣州市", "440100"),
        ("廣東省深圳市南山區", "440305"),
        ("瀋陽", "210100"),
        ("烏魯木齊", "650100"),
        ("臺灣", "710000"),
        ("台灣", "710000"),
    ] {
        assert_eq!(shown(query).0, code, "{query}");
    }
}

#[test]
fn conventional_english_names_resolve_and_show() {
    for (query, code) in [
        ("Lhasa", "540100"),
        ("Urumqi", "650100"),
        ("Hohhot", "150100"),
        ("Kashgar", "653101"),
        ("Peking", "110000"),
        ("Canton", "440100"),
        ("Amoy", "350200"),
        ("Shaanxi", "610000"),
        ("Hong Kong", "810000"),
    ] {
        assert_eq!(shown(query).0, code, "{query}");
    }
    assert_eq!(shown("shanxi").0, "140000", "Shanxi is 山西, never 陕西");
    let lhasa = run(["check", "拉萨", "--on", "2022-01-01"]);
    assert!(lhasa.stdout.contains("拉萨市 Lhasa"), "{}", lhasa.stdout);
    let shaanxi = run(["check", "陕西", "--on", "2022-01-01"]);
    assert!(
        shaanxi.stdout.contains("陕西省 Shaanxi"),
        "{}",
        shaanxi.stdout
    );
}

#[test]
fn old_names_and_codes_mean_todays_division_with_what_changed() {
    for (query, code, note) in [
        (
            "襄樊",
            "420600",
            "襄樊 is the former name of 襄阳市 (湖北省), renamed in 2010",
        ),
        (
            "湖北省襄樊市",
            "420600",
            "襄樊市 is the former name of 襄阳市 (湖北省), renamed in 2010",
        ),
        (
            "莱芜市",
            "370100",
            "莱芜市 was merged into 济南市 (山东省) in 2019",
        ),
        (
            "闸北区",
            "310106",
            "闸北区 was merged into 静安区 (上海市) in 2015",
        ),
        (
            "吴江市",
            "320509",
            "吴江市 became 吴江区 (苏州市, 江苏省) in 2012",
        ),
        (
            "铜仁地区",
            "520600",
            "铜仁地区 became 铜仁市 (贵州省) in 2011",
        ),
        (
            "371200",
            "370100",
            "371200 was merged into 济南市 (山东省) in 2019",
        ),
        (
            "110100",
            "110000",
            "110100 is a statistical code within 北京市, not a division of its own: read as 北京市",
        ),
        (
            "吉林省四平市公主岭市",
            "220184",
            "公主岭市 moved from 四平市 to 长春市 (吉林省) in 2020: read as 公主岭市 (长春市, 吉林省)",
        ),
    ] {
        let (found, notes) = shown(query);
        assert_eq!(found, code, "{query}");
        assert!(notes.iter().any(|n| n == note), "{query}: {notes:?}");
    }
}
