//! `edl`'s two output languages: what each says, how the language is chosen (`--lang`, then
//! `EDL_LANG`, then the locale), that JSON and TSV never change with it, and that tables stay
//! aligned with Chinese text in them.
//!
//! Every run here sets its own locale: `LC_ALL`, `LC_MESSAGES`, `LANG` and `EDL_LANG` are
//! removed and only the variables a test names are set, so the machine's locale cannot matter.

use serde_json::Value;

use crate::support::{Run, edl, outcome};

/// The variables that choose the language when `--lang` is absent.
const LANGUAGE_ENV: [&str; 4] = ["LC_ALL", "LC_MESSAGES", "LANG", "EDL_LANG"];

/// A neutral locale for runs that name their language with `--lang`.
const NEUTRAL: &[(&str, &str)] = &[("LANG", "C.UTF-8")];
/// A Chinese locale, through `LANG` alone.
const ZH_LOCALE: &[(&str, &str)] = &[("LANG", "zh_CN.UTF-8")];
/// An English locale, through `LANG` alone.
const EN_LOCALE: &[(&str, &str)] = &[("LANG", "en_US.UTF-8")];

/// Runs `edl ARGS` with only the language variables in `env` set, and `stdin` if given.
fn run_with(env: &[(&str, &str)], args: &[&str], stdin: Option<&str>) -> Run {
    let mut cmd = edl(args);
    for name in LANGUAGE_ENV {
        cmd.env_remove(name);
    }
    for (name, value) in env {
        cmd.env(name, value);
    }
    if let Some(input) = stdin {
        cmd.write_stdin(input);
    }
    let outcome = outcome(cmd);
    assert!(
        !outcome.stderr.contains("panicked"),
        "a panic: {}",
        outcome.stderr
    );
    outcome
}

/// Runs `edl --lang LANG ARGS` in a neutral locale.
fn in_lang(lang: &str, args: &[&str]) -> Run {
    let all: Vec<&str> = ["--lang", lang]
        .into_iter()
        .chain(args.iter().copied())
        .collect();
    run_with(NEUTRAL, &all, None)
}

/// The display width of `text` in a terminal, for the characters `edl`'s tables hold: CJK
/// ideographs, CJK punctuation and fullwidth forms take two columns; ASCII and box drawing one.
fn display_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    match c as u32 {
        0x3000..=0x303F | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF => 2,
        _ => 1,
    }
}

/// The lines of the table in `text`: those starting with a box-drawing character.
fn table_lines(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|line| line.starts_with(['┌', '│', '╞', '├', '└']))
        .collect()
}

/// The display columns at which `line` has a border or column separator.
fn separator_columns(line: &str) -> Vec<usize> {
    let mut column = 0;
    let mut found = Vec::new();
    for c in line.chars() {
        if "┌┬┐│┆╞╪╡├┼┤└┴┘".contains(c) {
            found.push(column);
        }
        column += char_width(c);
    }
    found
}

/// Asserts the table in `outcome`'s stdout has a header, rows and a bottom, every line of the
/// same display width, with its column separators at the same columns.
fn assert_aligned(what: &str, outcome: &Run) {
    let lines = table_lines(&outcome.stdout);
    assert!(lines.len() >= 5, "{what}: a table in\n{}", outcome.stdout);
    assert!(
        lines[0].starts_with('┌'),
        "{what}: top border {:?}",
        lines[0]
    );
    assert!(
        lines.last().unwrap().starts_with('└'),
        "{what}: bottom border"
    );
    let width = display_width(lines[0]);
    let columns = separator_columns(lines[0]);
    for line in &lines {
        assert_eq!(
            display_width(line),
            width,
            "{what}: width of {line:?} in\n{}",
            outcome.stdout
        );
        assert_eq!(
            separator_columns(line),
            columns,
            "{what}: separators of {line:?} in\n{}",
            outcome.stdout
        );
    }
}

#[test]
fn the_width_helper_counts_cjk_as_two_columns() {
    assert_eq!(display_width("abc"), 3);
    assert_eq!(display_width("成都市"), 6);
    assert_eq!(display_width("注意：（）"), 10);
    assert_eq!(display_width("│ ┆ ─"), 5);
    assert_eq!(display_width("、"), 2);
}

#[test]
fn check_speaks_both_languages() {
    let args = ["check", "成都", "北京", "--on", "2021-07-01"];

    let en = in_lang("en", &args);
    assert_eq!(en.code, 1, "stderr: {}", en.stderr);
    assert_eq!(en.stderr, "");
    assert!(
        en.first_line().starts_with("bring-card: "),
        "{:?}",
        en.first_line()
    );
    assert_eq!(
        en.first_line(),
        "bring-card: bring the physical card on 2021-07-01 (北京市 not-yet, issuing place unknown)"
    );
    for expected in [
        "Place",
        "Where",
        "E-license live from",
        "On 2021-07-01",
        "成都市 Chengdu",
        "北京市 Beijing",
        "\nnote: ",
    ] {
        assert!(
            en.stdout.contains(expected),
            "{expected:?} in\n{}",
            en.stdout
        );
    }

    let zh = in_lang("zh", &args);
    assert_eq!(zh.code, 1, "stderr: {}", zh.stderr);
    assert_eq!(zh.stderr, "");
    assert!(
        zh.first_line().starts_with("请带实体驾驶证："),
        "{:?}",
        zh.first_line()
    );
    assert_eq!(
        zh.first_line(),
        "请带实体驾驶证：2021-07-01，北京市未启用，驾驶证核发地未知"
    );
    let header = zh
        .stdout
        .lines()
        .find(|line| line.contains("地点"))
        .expect("a header line");
    for column in ["地点", "所在地", "电子驾驶证启用日期", "2021-07-01 结论"] {
        assert!(header.contains(column), "{column:?} in {header:?}");
    }
    let row = |name: &str| {
        zh.stdout
            .lines()
            .find(|line| line.starts_with('│') && line.contains(name))
            .unwrap_or_else(|| panic!("a row for {name} in\n{}", zh.stdout))
            .to_string()
    };
    // Without --home before every place was surely live, every stop keeps the card.
    assert!(row("成都市").contains("2021-06-01"), "{}", row("成都市"));
    assert!(
        row("北京市").contains("请带实体驾驶证"),
        "{}",
        row("北京市")
    );
    assert!(
        zh.stdout.contains(
            "成都市：2021-06-01 起已启用（pilot，可靠：三个试点城市，2021-06-01 起启用）"
        )
    );
    let notes: Vec<&str> = zh
        .stdout
        .lines()
        .filter(|line| line.starts_with("注意："))
        .collect();
    assert_eq!(
        notes.len(),
        6,
        "the issuing place, the 行驶证 and the four pieces of advice in\n{}",
        zh.stdout
    );
    assert!(notes[0].contains("取决于驾驶证核发地"), "{}", notes[0]);
    assert!(notes[1].contains("纸质行驶证须随车携带"), "{}", notes[1]);
    assert!(notes.contains(&"注意：须在交管12123 App 内实时出示电子驾驶证，截图无效"));
    assert!(!zh.stdout.contains("note: "), "{}", zh.stdout);

    // Chinese shows the names alone; English adds the pinyin.
    assert!(zh.stdout.contains("成都市"));
    assert!(!zh.stdout.contains("Chengdu"), "{}", zh.stdout);
    assert!(!zh.stdout.contains("Beijing"), "{}", zh.stdout);
    assert!(en.stdout.contains("成都市 Chengdu"));
}

#[test]
fn list_speaks_both_languages() {
    let args = ["list", "--province", "山东", "--on", "2021-11-01"];

    let en = in_lang("en", &args);
    assert_eq!(en.code, 0, "stderr: {}", en.stderr);
    assert_eq!(en.stderr, "");
    assert_eq!(
        en.stdout.lines().last(),
        Some("on 2021-11-01: 3 live, 13 uncertain, 0 not-yet, 0 not-covered (16 places)")
    );
    assert!(en.stdout.contains("济南市 Jinan"), "{}", en.stdout);

    let zh = in_lang("zh", &args);
    assert_eq!(zh.code, 0, "stderr: {}", zh.stderr);
    assert_eq!(zh.stderr, "");
    assert_eq!(
        zh.stdout.lines().last(),
        Some("2021-11-01：已启用 3 个，不确定 13 个，未启用 0 个，不适用 0 个（共 16 个地点）")
    );
    for expected in [
        "省份",
        "地点",
        "代码",
        "电子驾驶证启用日期",
        "2021-11-01 状态",
    ] {
        assert!(
            zh.stdout.contains(expected),
            "{expected:?} in\n{}",
            zh.stdout
        );
    }
    assert!(zh.stdout.contains("济南市"));
    assert!(!zh.stdout.contains("Jinan"), "{}", zh.stdout);
    assert!(!zh.stdout.contains("uncertain"), "{}", zh.stdout);
}

#[test]
fn show_speaks_both_languages() {
    let args = ["show", "昆山", "--on", "2021-06-01"];

    let en = in_lang("en", &args);
    assert_eq!(en.code, 0, "stderr: {}", en.stderr);
    assert_eq!(en.first_line(), "昆山市 (昆山, Kunshan)");
    let en_lines: Vec<&str> = en.stdout.lines().collect();
    for expected in [
        "code:      320583",
        "chain:     昆山市 → 苏州市 → 江苏省",
        "live from: 2021-06-01",
        "verdict:   e-license",
        "facts:",
    ] {
        assert!(
            en_lines.contains(&expected),
            "{expected:?} in\n{}",
            en.stdout
        );
    }

    let zh = in_lang("zh", &args);
    assert_eq!(zh.code, 0, "stderr: {}", zh.stderr);
    assert_eq!(zh.first_line(), "昆山市（昆山，Kunshan）");
    let zh_lines: Vec<&str> = zh.stdout.lines().collect();
    for expected in [
        "代码：320583",
        "隶属：昆山市 → 苏州市 → 江苏省",
        "启用：2021-06-01",
        "状态：2021-06-01 已启用：2021-06-01 起已启用（pilot，可靠：三个试点城市，2021-06-01 起启用）",
        "结论：电子驾驶证即可",
        "依据：",
    ] {
        assert!(
            zh_lines.contains(&expected),
            "{expected:?} in\n{}",
            zh.stdout
        );
    }
    assert!(zh.stdout.contains("电子驾驶证即可"));
    assert!(!zh.stdout.contains("chain:"), "{}", zh.stdout);
}

#[test]
fn errors_speak_both_languages() {
    let cases: [(&[&str], &str, &str); 5] = [
        (
            &["check", "chengdoo"],
            "edl: unknown place \"chengdoo\"; did you mean ",
            "edl: 未知地点“chengdoo”；您要找的是不是 ",
        ),
        (
            &["check", "suzhou", "--on", "2021-06-01"],
            "edl: \"suzhou\" could be 3 places with different answers on 2021-06-01: ",
            "edl: “suzhou”可能指 3 个地点，2021-06-01 的结论各不相同：",
        ),
        (
            &["check", "成都", "--on", "2021-02-30"],
            "edl: invalid value '2021-02-30' for '--on <DATE>': no such day in the calendar",
            "edl: 日期“2021-02-30”有误：日历上没有这一天",
        ),
        (
            &["check", ""],
            "edl: the place is empty: name a city, county or code",
            "edl: 地点为空：请输入城市、区县名称或代码",
        ),
        (
            &["show", "chengdoo"],
            "edl: unknown place \"chengdoo\"; did you mean ",
            "edl: 未知地点“chengdoo”；您要找的是不是 ",
        ),
    ];
    for (args, en_start, zh_start) in cases {
        let en = in_lang("en", args);
        let line = en.assert_error_line();
        assert!(line.starts_with(en_start), "{args:?} in English: {line:?}");

        let zh = in_lang("zh", args);
        let line = zh.assert_error_line();
        assert!(line.starts_with(zh_start), "{args:?} in Chinese: {line:?}");
        assert!(
            !line.contains("unknown") && !line.contains("invalid value"),
            "{args:?}: English words in Chinese: {line:?}"
        );
    }

    // The suggestions and the candidates, in each language's punctuation.
    let zh = in_lang("zh", &["check", "chengdoo"]);
    assert!(
        zh.stderr.contains("成都市（chengdu，四川省）"),
        "{}",
        zh.stderr
    );
    let en = in_lang("en", &["check", "chengdoo"]);
    assert!(
        en.stderr.contains("成都市 (chengdu, 四川省)"),
        "{}",
        en.stderr
    );
    let zh = in_lang("zh", &["check", "suzhou", "--on", "2021-06-01"]);
    assert!(
        zh.stderr
            .contains("苏州市（江苏省） 320500，输入“苏州市”：电子驾驶证即可"),
        "{}",
        zh.stderr
    );
    let en = in_lang("en", &["check", "suzhou", "--on", "2021-06-01"]);
    assert!(
        en.stderr
            .contains("苏州市 (江苏省) 320500, type \"苏州市\": e-license"),
        "{}",
        en.stderr
    );
}

/// Language variables to set for a run.
type Env = &'static [(&'static str, &'static str)];

/// The language `edl ARGS check chengdoo` spoke, from the error for an unknown place.
fn spoken(env: Env, args: &[&str]) -> &'static str {
    let all: Vec<&str> = args.iter().copied().chain(["check", "chengdoo"]).collect();
    spoken_by(env, &all)
}

/// The language a run that names the unknown place chengdoo spoke.
fn spoken_by(env: Env, args: &[&str]) -> &'static str {
    let outcome = run_with(env, args, None);
    let line = outcome.assert_error_line();
    if line.starts_with("edl: 未知地点“chengdoo”") {
        "zh"
    } else if line.starts_with("edl: unknown place \"chengdoo\"") {
        "en"
    } else {
        panic!("neither language: {line:?}")
    }
}

#[test]
fn the_flag_then_edl_lang_then_the_locale_choose_the_language() {
    let cases: [(Env, &[&str], &str); 18] = [
        // The locale alone.
        (ZH_LOCALE, &[], "zh"),
        (EN_LOCALE, &[], "en"),
        (&[], &[], "en"),
        (&[("LANG", "C")], &[], "en"),
        (&[("LC_ALL", "zh_TW.UTF-8")], &[], "zh"),
        (&[("LC_MESSAGES", "zh_CN.UTF-8")], &[], "zh"),
        // LC_ALL before LC_MESSAGES before LANG.
        (
            &[("LC_ALL", "zh_CN.UTF-8"), ("LANG", "en_US.UTF-8")],
            &[],
            "zh",
        ),
        (
            &[("LC_ALL", "en_US.UTF-8"), ("LC_MESSAGES", "zh_CN.UTF-8")],
            &[],
            "en",
        ),
        (
            &[("LC_MESSAGES", "zh_CN.UTF-8"), ("LANG", "en_US.UTF-8")],
            &[],
            "zh",
        ),
        (
            &[("LC_MESSAGES", "en_US.UTF-8"), ("LANG", "zh_CN.UTF-8")],
            &[],
            "en",
        ),
        // An empty LC_ALL is skipped.
        (&[("LC_ALL", ""), ("LANG", "zh_CN.UTF-8")], &[], "zh"),
        (
            &[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "en_GB.UTF-8"),
                ("LANG", "zh_CN.UTF-8"),
            ],
            &[],
            "en",
        ),
        // EDL_LANG beats the locale.
        (&[("EDL_LANG", "zh"), ("LANG", "en_US.UTF-8")], &[], "zh"),
        (&[("EDL_LANG", "en"), ("LC_ALL", "zh_CN.UTF-8")], &[], "en"),
        // --lang beats EDL_LANG and the locale.
        (&[("EDL_LANG", "zh")], &["--lang", "en"], "en"),
        (&[("EDL_LANG", "en")], &["--lang=zh"], "zh"),
        (&[("LC_ALL", "zh_CN.UTF-8")], &["--lang", "en"], "en"),
        (&[("LANG", "en_US.UTF-8")], &["--lang", "zh"], "zh"),
    ];
    for (env, args, expected) in cases {
        assert_eq!(spoken(env, args), expected, "env {env:?}, args {args:?}");
    }

    // The flag after the subcommand counts too.
    let outcome = run_with(EN_LOCALE, &["check", "chengdoo", "--lang", "zh"], None);
    assert!(
        outcome.assert_error_line().starts_with("edl: 未知地点"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn a_lang_after_the_command_wins_over_one_before_it() {
    let cases: [(Env, &[&str], &str); 6] = [
        (
            &[],
            &["--lang", "en", "check", "chengdoo", "--lang", "zh"],
            "zh",
        ),
        (
            &[],
            &["--lang", "zh", "check", "chengdoo", "--lang", "en"],
            "en",
        ),
        // The command reads EDL_LANG too; a flag before it still beats the variable.
        (
            &[("EDL_LANG", "zh")],
            &["--lang", "en", "check", "chengdoo"],
            "en",
        ),
        (
            &[("EDL_LANG", "en")],
            &["--lang", "zh", "check", "chengdoo"],
            "zh",
        ),
        (
            &[("EDL_LANG", "en")],
            &["check", "chengdoo", "--lang", "zh"],
            "zh",
        ),
        (&[("EDL_LANG", "zh")], &["check", "chengdoo"], "zh"),
    ];
    for (env, args, expected) in cases {
        assert_eq!(spoken_by(env, args), expected, "env {env:?}, args {args:?}");
    }
}

#[test]
fn an_unknown_command_is_named_in_both_languages() {
    let outcome = run_with(&[], &["--lang", "zh", "chek", "成都"], None);
    assert_eq!(
        outcome.assert_error_line(),
        "edl: 未知子命令“chek”；是不是要输入“check”？"
    );
    let outcome = run_with(&[], &["--lang", "en", "chek", "成都"], None);
    assert_eq!(
        outcome.assert_error_line(),
        "edl: unrecognized subcommand 'chek'; did you mean 'check'?"
    );
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let outcome = run_with(&[], &["--lang", "fr", "check", "成都"], None);
    assert_eq!(
        outcome.assert_error_line(),
        "edl: invalid value 'fr' for '--lang <LANG>' [possible values: en, zh]"
    );

    let outcome = run_with(ZH_LOCALE, &["--lang", "fr", "check", "成都"], None);
    assert_eq!(
        outcome.assert_error_line(),
        "edl: --lang <LANG> 的值“fr”无效；可选：en, zh"
    );

    let outcome = run_with(&[("EDL_LANG", "fr")], &["check", "成都"], None);
    let line = outcome.assert_error_line();
    assert!(line.contains("'fr'"), "{line:?}");
}

/// Asserts `edl ARGS` (with `stdin`) writes the same stdout, with the same exit code, under
/// `--lang en`, `--lang zh`, a Chinese locale and an English locale; returns the English run.
fn assert_same_in_every_language(args: &[&str], stdin: Option<&str>) -> Run {
    let with_flag = |lang: &str| {
        let all: Vec<&str> = ["--lang", lang]
            .into_iter()
            .chain(args.iter().copied())
            .collect();
        run_with(NEUTRAL, &all, stdin)
    };
    let en = with_flag("en");
    assert!(!en.stdout.is_empty(), "{args:?}: no output; {}", en.stderr);
    let others = [
        ("--lang zh", with_flag("zh")),
        ("LANG=zh_CN.UTF-8", run_with(ZH_LOCALE, args, stdin)),
        ("LANG=en_US.UTF-8", run_with(EN_LOCALE, args, stdin)),
        (
            "LC_ALL=zh_CN.UTF-8",
            run_with(&[("LC_ALL", "zh_CN.UTF-8")], args, stdin),
        ),
    ];
    for (how, other) in others {
        assert_eq!(other.code, en.code, "{args:?} with {how}: exit code");
        assert!(
            other.stdout == en.stdout,
            "{args:?}: stdout with {how} differs from --lang en\n--- en:\n{}\n--- {how}:\n{}",
            en.stdout,
            other.stdout
        );
    }
    en
}

#[test]
fn json_does_not_change_with_the_language() {
    let cases: [&[&str]; 9] = [
        &["check", "成都", "拉萨", "北京", "--on", "2021-11-15"],
        &[
            "check",
            "成都",
            "拉萨",
            "北京",
            "--on",
            "2021-11-15",
            "--home",
            "拉萨",
        ],
        &[
            "check",
            "成都",
            "拉萨",
            "北京",
            "--on",
            "2021-11-15",
            "--license",
            "暂扣",
        ],
        &["check", "suzhou", "--on", "2025-01-01"],
        &["list", "--province", "山东", "--on", "2021-11-01"],
        &["list"],
        &["show", "昆山", "--on", "2021-06-01"],
        &["timeline"],
        &["data"],
    ];
    for args in cases {
        let all: Vec<&str> = args.iter().copied().chain(["--format", "json"]).collect();
        let en = assert_same_in_every_language(&all, None);
        let json: Value = serde_json::from_str(&en.stdout)
            .unwrap_or_else(|e| panic!("{all:?}: not JSON ({e}):\n{}", en.stdout));
        assert!(json.is_object() || json.is_array(), "{all:?}");
    }

    // The sentences inside stay English, even from a Chinese run.
    let zh = in_lang(
        "zh",
        &["check", "suzhou", "--on", "2025-01-01", "--format", "json"],
    );
    assert_eq!(zh.code, 0);
    let json: Value = serde_json::from_str(&zh.stdout).expect("JSON");
    assert_eq!(json["verdict"], "e-license");
    assert_eq!(json["stops"][0]["status"], "live");
    assert_eq!(
        json["stops"][0]["reason"],
        "live on the whole mainland: nationwide from 2021-12-10, surely everywhere by 2021-12-31; here since 2021-06-01 (the facts: edl show 320500)"
    );
    assert!(
        json["notes"][0]
            .as_str()
            .unwrap()
            .starts_with("\"suzhou\" could mean 苏州市 (江苏省)"),
        "{}",
        json["notes"]
    );
    let zh = in_lang(
        "zh",
        &[
            "check",
            "成都",
            "拉萨",
            "北京",
            "--on",
            "2021-11-15",
            "--license",
            "暂扣",
            "--format",
            "json",
        ],
    );
    assert_eq!(zh.code, 3);
    let json: Value = serde_json::from_str(&zh.stdout).expect("JSON");
    assert_eq!(json["verdict"], "no-valid-license");
}

#[test]
fn tsv_does_not_change_with_the_language() {
    let cases: [&[&str]; 6] = [
        &["check", "成都", "拉萨", "北京", "--on", "2021-11-15"],
        &[
            "check",
            "成都",
            "拉萨",
            "北京",
            "--on",
            "2021-11-15",
            "--home",
            "拉萨",
        ],
        &[
            "check",
            "成都",
            "拉萨",
            "北京",
            "--on",
            "2021-11-15",
            "--license",
            "暂扣",
        ],
        &["check", "suzhou", "--on", "2025-01-01"],
        &["list", "--province", "山东", "--on", "2021-11-01"],
        &["list"],
    ];
    for args in cases {
        let all: Vec<&str> = args.iter().copied().chain(["--format", "tsv"]).collect();
        let en = assert_same_in_every_language(&all, None);
        assert!(en.stdout.lines().all(|line| line.contains('\t')), "{all:?}");
    }
    let zh = in_lang(
        "zh",
        &[
            "check",
            "成都",
            "拉萨",
            "北京",
            "--on",
            "2021-11-15",
            "--format",
            "tsv",
        ],
    );
    assert!(
        zh.stdout.contains("\tuncertain\t"),
        "English ids in Chinese TSV:\n{}",
        zh.stdout
    );
    assert!(!zh.stdout.contains("不确定"), "{}", zh.stdout);
}

/// A batch with a bad second line.
const BATCH: &str = "成都\nchengdoo\n北京\t2021-08-31\n";

/// The one stderr line of a batch run with one bad line.
fn batch_error_line(outcome: &Run) -> &str {
    let lines: Vec<&str> = outcome.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one stderr line: {:?}", outcome.stderr);
    lines[0]
}

/// `edl --lang LANG check - --format FORMAT --on 2021-11-15` on [`BATCH`].
fn batch_in(lang: &str, format: &str) -> Run {
    run_with(
        NEUTRAL,
        &[
            "--lang",
            lang,
            "check",
            "-",
            "--format",
            format,
            "--on",
            "2021-11-15",
        ],
        Some(BATCH),
    )
}

#[test]
fn batch_output_does_not_change_with_the_language_but_its_errors_do() {
    for format in ["tsv", "json"] {
        let args = ["check", "-", "--format", format, "--on", "2021-11-15"];
        let en = assert_same_in_every_language(&args, Some(BATCH));
        assert_eq!(en.code, 2, "a bad line makes the batch exit 2");
        let expected_lines = if format == "tsv" { 4 } else { 3 };
        assert_eq!(en.stdout.lines().count(), expected_lines, "{}", en.stdout);
        assert!(
            en.stdout.contains("unknown place \\\"chengdoo\\\"")
                || en.stdout.contains("unknown place \"chengdoo\""),
            "the error in the {format} stays English:\n{}",
            en.stdout
        );
        let line = batch_error_line(&en);
        assert!(
            line.starts_with("edl: line 2: unknown place \"chengdoo\"; did you mean "),
            "{line:?}"
        );

        let zh = batch_in("zh", format);
        assert_eq!(zh.code, 2);
        assert_eq!(zh.stdout, en.stdout);
        let line = batch_error_line(&zh);
        assert!(line.starts_with("edl: 第 2 行"), "{line:?}");
        assert!(
            line.contains("未知地点“chengdoo”；您要找的是不是 "),
            "{line:?}"
        );
        assert!(!line.contains("line 2"), "{line:?}");
    }
}

#[test]
fn the_chinese_batch_error_label_takes_a_fullwidth_colon() {
    for format in ["tsv", "json"] {
        let zh = batch_in("zh", format);
        let line = batch_error_line(&zh);
        assert!(
            line.starts_with("edl: 第 2 行：未知地点“chengdoo”"),
            "{line:?}"
        );
    }
}

#[test]
fn tables_stay_aligned_with_chinese_text() {
    let cases: [&[&str]; 5] = [
        &["check", "成都", "北京", "--on", "2021-07-01"],
        &[
            "check",
            "成都",
            "拉萨",
            "北京",
            "香港",
            "--on",
            "2021-11-15",
            "--home",
            "拉萨",
        ],
        &["check", "suzhou", "--on", "2025-01-01"],
        &["list", "--province", "山东", "--on", "2021-11-01"],
        &["list", "--province", "西藏"],
    ];
    for args in cases {
        for lang in ["zh", "en"] {
            let outcome = in_lang(lang, args);
            assert!(outcome.code <= 1, "{args:?}: {}", outcome.stderr);
            assert_aligned(&format!("--lang {lang} {args:?}"), &outcome);
        }
    }
}

#[test]
fn help_speaks_both_languages() {
    let zh = in_lang("zh", &["check", "--help"]);
    assert_eq!(zh.code, 0, "{}", zh.stderr);
    for expected in [
        "出行日期",
        "退出码",
        "环境变量",
        "判断行程每一站是否可以只用电子驾驶证",
    ] {
        assert!(
            zh.stdout.contains(expected),
            "{expected:?} in\n{}",
            zh.stdout
        );
    }
    assert!(!zh.stdout.contains("Exit codes"), "{}", zh.stdout);
    assert!(!zh.stdout.contains("The travel date"), "{}", zh.stdout);

    let en = in_lang("en", &["check", "--help"]);
    assert_eq!(en.code, 0, "{}", en.stderr);
    for expected in ["Exit codes", "The travel date", "Environment"] {
        assert!(
            en.stdout.contains(expected),
            "{expected:?} in\n{}",
            en.stdout
        );
    }
    assert!(!en.stdout.contains("退出码"), "{}", en.stdout);

    let zh = run_with(ZH_LOCALE, &["--help"], None);
    assert_eq!(zh.code, 0, "{}", zh.stderr);
    assert!(
        zh.first_line().starts_with(
            "在您驾车的时间和地点，数字驾照（中国的电子驾驶证或其他地方的数字驾照）是否够用"
        ),
        "{:?}",
        zh.first_line()
    );
    assert!(zh.stdout.contains("退出码"), "{}", zh.stdout);
    assert!(
        zh.stdout.contains("判断行程每一站是否可以只用电子驾驶证"),
        "{}",
        zh.stdout
    );
    assert!(!zh.stdout.contains("Exit codes"), "{}", zh.stdout);

    let en = run_with(EN_LOCALE, &["--help"], None);
    assert_eq!(en.code, 0, "{}", en.stderr);
    assert!(en.stdout.contains("Exit codes"), "{}", en.stdout);
    assert!(!en.stdout.contains("退出码"), "{}", en.stdout);
}

/// Runs `edl --lang zh ARGS` wide enough that no sentence wraps, so whole sentences can be
/// looked for.
fn zh_unwrapped(args: &[&str]) -> Run {
    let all: Vec<&str> = ["--lang", "zh"]
        .into_iter()
        .chain(args.iter().copied())
        .collect();
    let run = run_with(&[("LANG", "C.UTF-8"), ("COLUMNS", "1000")], &all, None);
    // 0 or 1: an answer (e-license or bring-card), not an error.
    assert!(run.code == 0 || run.code == 1, "{all:?}: {}", run.stderr);
    run
}

/// Every English note and step title of the bundled rollout file.
fn english_sentences() -> Vec<String> {
    let text = std::fs::read_to_string("data/rollout.toml").expect("the bundled rollout file");
    let file: toml::Table = toml::from_str(&text).expect("TOML");
    let strings = |table: &str, key: &str| -> Vec<String> {
        file[table]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|entry| entry.get(key)?.as_str().map(String::from))
            .collect()
    };
    let mut sentences = strings("fact", "note");
    sentences.extend(strings("milestone", "title"));
    sentences.push(file["default"]["note"].as_str().expect("a note").into());
    assert!(sentences.len() > 50, "{}", sentences.len());
    sentences
}

#[test]
fn chinese_output_gives_the_facts_notes_and_the_steps_titles_in_chinese() {
    let timeline = zh_unwrapped(&["timeline"]);
    for title in [
        "天津、成都、苏州试点",
        "首批：28 个城市（含 3 个试点城市）",
        "国新办：已发放 2.5 亿张电子驾驶证",
    ] {
        assert!(
            timeline.stdout.contains(title),
            "{title}:\n{}",
            timeline.stdout
        );
    }

    let show = zh_unwrapped(&["show", "成都", "--on", "2021-07-01"]);
    let lines: Vec<&str> = show.stdout.lines().collect();
    assert!(
        lines.contains(&"    三个试点城市，2021-06-01 起启用。"),
        "{}",
        show.stdout
    );
    assert!(
        lines.contains(&"    列在 2021-09-01 的首批 28 个城市之中；试点以来已启用。"),
        "{}",
        show.stdout
    );
    // The reason states the fact's sentence beside its id, not the id alone.
    assert!(
        lines.contains(
            &"状态：2021-07-01 已启用：2021-06-01 起已启用（pilot，可靠：三个试点城市，2021-06-01 起启用）"
        ),
        "{}",
        show.stdout
    );

    let default = zh_unwrapped(&["show", "拉萨"]);
    assert!(
        default
            .stdout
            .contains("    第二批于 2021-10-20 开始之前，首批 28 个城市以外没有地方启用。"),
        "{}",
        default.stdout
    );

    let check = zh_unwrapped(&["check", "成都", "--on", "2021-07-01", "--home", "成都"]);
    assert!(
        check.stdout.contains(
            "成都市：2021-06-01 起已启用（pilot，可靠：三个试点城市，2021-06-01 起启用）\n"
        ),
        "{}",
        check.stdout
    );
}

#[test]
fn no_english_note_or_title_is_left_in_chinese_output() {
    let sentences = english_sentences();
    for args in [
        &["timeline"][..],
        &["show", "成都"],
        &["show", "拉萨"],
        &["show", "金门"],
        &["show", "海口"],
        &[
            "check",
            "成都",
            "太原",
            "香港",
            "莆田",
            "--on",
            "2021-10-25",
        ],
    ] {
        let run = zh_unwrapped(args);
        for line in run.stdout.lines() {
            for sentence in &sentences {
                assert!(
                    !line.contains(sentence.as_str()),
                    "{args:?}: English {sentence:?} in {line:?}"
                );
            }
        }
    }
}

#[test]
fn notes_and_titles_stay_english_in_json_and_tsv() {
    let show = in_lang("zh", &["show", "成都", "--format", "json"]);
    let json: Value = serde_json::from_str(&show.stdout).expect("JSON");
    assert_eq!(
        json["facts"][0]["note"],
        "The three pilot cities, live from 2021-06-01."
    );
    assert_eq!(
        show.stdout,
        in_lang("en", &["show", "成都", "--format", "json"]).stdout
    );
    let timeline = in_lang("zh", &["timeline", "--format", "tsv"]);
    assert!(
        timeline.stdout.contains("\tPilot in 天津, 成都 and 苏州\t"),
        "{}",
        timeline.stdout
    );
    assert_eq!(
        timeline.stdout,
        in_lang("en", &["timeline", "--format", "tsv"]).stdout
    );
}
