//! Help that is complete: `edl` alone shows its usage and commands, a mistyped command or flag
//! gets a suggestion, `edl man` documents every command and option on one page that refers to
//! no other, and completions offer the values a person types.

use clap::CommandFactory;

use crate::support::{Run, edl, outcome, run};

#[test]
fn edl_alone_prints_its_usage_and_commands_and_exits_2() {
    for (lang, usage, tagline) in [
        (
            None,
            "Usage: edl [OPTIONS] <COMMAND>",
            "Is your digital driving licence enough where and when you drive, or must you bring the card?",
        ),
        (
            Some("en"),
            "Usage: edl [OPTIONS] <COMMAND>",
            "Is your digital driving licence enough where and when you drive, or must you bring the card?",
        ),
        (
            Some("zh"),
            "Usage: edl [OPTIONS] <COMMAND>",
            "在您驾车的时间和地点，数字驾照（中国的电子驾驶证或其他地方的数字驾照）是否够用，还是需要带实体驾驶证？",
        ),
    ] {
        let mut cmd = edl(std::iter::empty::<&str>());
        if let Some(lang) = lang {
            cmd.env("EDL_LANG", lang);
        }
        let run = outcome(cmd);
        let lang = lang.unwrap_or("the locale's");
        assert_eq!(run.stderr.lines().next(), Some(tagline), "{lang}");
        assert_eq!(run.code, 2, "{lang}");
        assert_eq!(
            run.stdout, "",
            "{lang}: the help of an error goes to stderr"
        );
        assert!(run.stderr.contains(usage), "{lang}: {}", run.stderr);
        for command in [
            "check",
            "list",
            "show",
            "timeline",
            "data",
            "completions",
            "man",
        ] {
            assert!(
                run.stderr
                    .lines()
                    .any(|line| line.trim_start().starts_with(command)),
                "{lang}: {command} in {}",
                run.stderr
            );
        }
    }
}

#[test]
fn a_mistyped_command_or_flag_gets_a_suggestion() {
    let cases: [(&[&str], &str); 4] = [
        (
            &["chek"],
            "edl: unrecognized subcommand 'chek'; did you mean 'check'?",
        ),
        (
            &["timelin"],
            "edl: unrecognized subcommand 'timelin'; did you mean 'timeline'?",
        ),
        (
            &["check", "成都", "--lan", "zh"],
            "edl: unexpected argument '--lan' found; did you mean '--lang'?",
        ),
        (
            &["--lang", "zh", "chek"],
            "edl: 未知子命令“chek”；是不是要输入“check”？",
        ),
    ];
    for (args, line) in cases {
        assert_eq!(run(args).assert_error_line(), line, "{args:?}");
    }
    // The flag a driver meant, where the command has it.
    let meant: [(&[&str], &str); 7] = [
        (
            &["check", "成都", "--date", "2021-06-01"],
            "edl: unexpected argument '--date' found; did you mean '--on'?",
        ),
        (
            &["check", "成都", "--day=2021-06-01"],
            "edl: unexpected argument '--day' found; did you mean '--on'?",
        ),
        (
            &["check", "成都", "--when", "tomorrow"],
            "edl: unexpected argument '--when' found; did you mean '--on'?",
        ),
        (
            &["check", "成都", "--state", "暂扣"],
            "edl: unexpected argument '--state' found; did you mean '--license'?",
        ),
        (
            &["check", "成都", "--status", "暂扣"],
            "edl: unexpected argument '--status' found; did you mean '--license'?",
        ),
        (
            &["list", "--date", "2021-06-01"],
            "edl: unexpected argument '--date' found; did you mean '--on'?",
        ),
        (
            &["--lang", "zh", "check", "成都", "--date", "2021-06-01"],
            "edl: 未知参数“--date”；是不是要输入“--on”？",
        ),
    ];
    for (args, line) in meant {
        assert_eq!(run(args).assert_error_line(), line, "{args:?}");
    }
    // Nothing close: no suggestion.
    assert_eq!(
        run(["zzzzzz"]).assert_error_line(),
        "edl: unrecognized subcommand 'zzzzzz'"
    );
}

fn man_page() -> String {
    let run: Run = run(["man"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

/// roff escapes a dash.
fn roff(text: &str) -> String {
    text.replace('-', "\\-")
}

#[test]
fn the_man_page_documents_every_command_and_its_options() {
    let page = man_page();
    let mut command = edl::cli::Cli::command();
    command.build();
    for sub in command
        .get_subcommands()
        .filter(|sub| sub.get_name() != "help")
    {
        let heading = format!(".SS \"edl {} [OPTIONS]", sub.get_name());
        let start = page
            .find(&heading)
            .unwrap_or_else(|| panic!("{heading} in the page"));
        let section = &page[start..];
        let section = &section[..section[4..].find(".S").map_or(section.len(), |end| end + 4)];
        for arg in sub.get_arguments().filter(|arg| !arg.is_hide_set()) {
            let id = arg.get_id().as_str();
            if ["data", "color", "lang", "help", "version"].contains(&id) {
                continue;
            }
            let shown = match arg.get_long() {
                Some(long) => roff(&format!("--{long}")),
                None => format!("<{}>", arg.get_value_names().expect("a value name")[0]),
            };
            assert!(section.contains(&shown), "edl {}: {shown}", sub.get_name());
        }
    }
    for text in [
        ".SH COMMANDS",
        "\\fB\\-\\-license\\fR \\fI<STATE>\\fR",
        "\\fB\\-q, \\-\\-quiet\\fR",
        "[env: EDL_HOME]",
        "[default: normal] [env: EDL_LICENSE]",
        ".SH \"EXIT STATUS\"",
        ".SH ENVIRONMENT",
        ".SH EXAMPLES",
    ] {
        assert!(page.contains(text), "{text}");
    }
    // One page: it names no other page, such as edl-check(1), that cannot be had.
    for line in page.lines() {
        assert!(
            !line.contains("(1)") && !line.contains("edl\\-check"),
            "a reference to another page: {line}"
        );
    }
}

/// What bash completes for the words, with the script `edl completions bash` prints.
fn bash_completes(words: &[&str]) -> Vec<String> {
    let script = run(["completions", "bash"]).stdout;
    let quoted: Vec<String> = words.iter().map(|word| format!("'{word}'")).collect();
    let last = words.len() - 1;
    let program = format!(
        "{script}\nCOMP_WORDS=({})\nCOMP_CWORD={last}\n_edl edl '{}' '{}'\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        quoted.join(" "),
        words[last],
        words[last - 1],
    );
    let output = std::process::Command::new("bash")
        .arg("-c")
        .arg(program)
        .output()
        .expect("bash runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .expect("UTF-8")
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn completions_offer_license_states_and_relative_dates() {
    assert_eq!(
        bash_completes(&["edl", "check", "--license", "sus"]),
        ["suspended"]
    );
    assert_eq!(
        bash_completes(&["edl", "check", "--license", "暂"]),
        ["暂扣"]
    );
    assert_eq!(
        bash_completes(&["edl", "check", "成都", "--on", "t"]),
        ["today", "tomorrow"]
    );
    assert_eq!(
        bash_completes(&["edl", "list", "--on", "to"]),
        ["today", "tomorrow"]
    );
    assert_eq!(
        bash_completes(&["edl", "check", "成都", "--on", "y"]),
        ["yesterday"]
    );
    for shell in ["zsh", "fish"] {
        let script = run(["completions", shell]).stdout;
        for value in [
            "suspended",
            "暂扣",
            "overdue-exam",
            "today",
            "tomorrow",
            "yesterday",
        ] {
            assert!(script.contains(value), "{shell}: {value}");
        }
    }
}

#[test]
fn the_man_page_speaks_chinese_under_lang_zh() {
    let zh = run(["--lang", "zh", "man"]);
    assert_eq!(zh.code, 0, "{}", zh.stderr);
    for line in [
        ".SH 命令",
        ".SH 退出码",
        ".SH 环境变量",
        ".SH 示例",
        "判断行程每一站是否可以只用电子驾驶证",
        "驾驶证不可用：驾驶证状态不允许驾车",
    ] {
        assert!(zh.stdout.contains(line), "{line}");
    }
    for english in [
        "EXIT STATUS",
        "is the e-license enough in 成都 today?",
        "default for --home",
    ] {
        assert!(!zh.stdout.contains(english), "{english}");
    }
    let en = run(["man"]);
    assert!(en.stdout.contains("EXIT STATUS"), "English keeps English");
}

#[test]
fn the_man_pages_rows_agree_across_languages() {
    use edl::i18n::Lang;
    let (en, zh) = (Lang::En.messages().man(), Lang::Zh.messages().man());
    fn terms(rows: &[(&'static str, &'static str)]) -> Vec<&'static str> {
        rows.iter().map(|row| row.0).collect()
    }
    assert_eq!(terms(en.exit_codes), terms(zh.exit_codes));
    assert_eq!(terms(en.environment), terms(zh.environment));
    assert_eq!(terms(en.examples), terms(zh.examples));
}
