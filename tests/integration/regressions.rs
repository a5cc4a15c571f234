//! Regression tests for bugs found in review, each named for what went wrong.

use crate::support::{Run, edl, run};

#[test]
fn a_full_province_name_then_a_city_is_two_terms_not_an_address() {
    let Run { code, stdout, .. } = run([
        "check",
        "江苏省 苏州市",
        "--on",
        "2021-07-01",
        "--home",
        "苏州",
        "--format",
        "tsv",
    ]);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout
            .lines()
            .nth(1)
            .is_some_and(|row| row.contains("\t320500\t苏州市\t")),
        "{stdout}"
    );
    let Run { code, stdout, .. } = run([
        "check",
        "海南省 三亚",
        "--on",
        "2021-10-24",
        "--home",
        "三亚",
        "-q",
    ]);
    assert_eq!(code, 0, "{stdout}");
}

#[test]
fn a_curly_apostrophe_is_pinyin() {
    let Run {
        code,
        stdout,
        stderr,
    } = run([
        "check",
        "Xi’an, shaanxi",
        "--on",
        "2021-09-01",
        "--home",
        "610100",
        "--format",
        "tsv",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("\t610100\t西安市\t"), "{stdout}");
}

#[test]
fn an_ambiguous_name_needs_no_choice_when_the_license_cannot_drive() {
    let Run {
        code,
        stdout,
        stderr,
    } = run([
        "check",
        "suzhou",
        "--on",
        "2021-06-01",
        "--license",
        "revoked",
    ]);
    assert_eq!(code, 3, "{stderr}");
    assert!(stdout.starts_with("no-valid-license: "), "{stdout}");
}

#[test]
fn completions_into_a_closed_pipe_end_quietly() {
    let script = format!(
        "\"{}\" completions bash | head -1 >/dev/null; echo \"${{PIPESTATUS[0]}}\"",
        env!("CARGO_BIN_EXE_edl")
    );
    let output = std::process::Command::new("bash")
        .arg("-c")
        .arg(script)
        .output()
        .expect("bash runs");
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "0");
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn data_check_ignores_a_broken_edl_data() {
    let dir = std::env::temp_dir().join(format!("edl-regressions-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let broken = dir.join("broken.toml");
    std::fs::write(&broken, "version = \n").expect("write");
    let good = concat!(env!("CARGO_MANIFEST_DIR"), "/data/rollout.toml");
    let output = edl(["data", "--check", good])
        .env("EDL_DATA", &broken)
        .output()
        .expect("edl runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_indented_comment_in_batch_input_is_skipped() {
    let output = edl([
        "check",
        "-",
        "--home",
        "成都",
        "--format",
        "tsv",
        "--on",
        "2021-06-01",
    ])
    .write_stdin("  # a comment\n成都\n")
    .output()
    .expect("edl runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 2);
}

/// A doc comment on the options every command flattens once became the description of every
/// command, in its help, the man page and the completion scripts.
#[test]
fn every_command_keeps_its_own_description() {
    use clap::CommandFactory;
    let definition = edl::cli::Cli::command();
    let man = run(["man"]).stdout;
    let zsh = run(["completions", "zsh"]).stdout;
    let mut checked = 0;
    for command in definition.get_subcommands() {
        let name = command.get_name();
        let about = command
            .get_about()
            .expect("every command has a description");
        let about = about.to_string();
        for args in [vec![name, "--help"], vec![name, "-h"], vec!["help", name]] {
            let Run {
                code,
                stdout,
                stderr,
            } = run(&args);
            assert_eq!(code, 0, "{args:?}: {stderr}");
            assert_eq!(stdout.lines().next(), Some(about.as_str()), "{args:?}");
        }
        let in_roff = about.replace('-', "\\-").replace('\'', "\\*(Aq");
        let heading = man
            .lines()
            .position(|line| line.starts_with(&format!(".SS \"edl {name} ")))
            .unwrap_or_else(|| panic!("the man page has a section for {name}"));
        assert_eq!(
            man.lines().nth(heading + 1),
            Some(in_roff.as_str()),
            "the man page describes {name}"
        );
        let in_zsh = about.replace('\'', "'\\''").replace(':', "\\:");
        assert!(
            zsh.contains(&format!("'{name}:{in_zsh}'")),
            "the zsh completions describe {name}"
        );
        checked += 1;
    }
    assert_eq!(checked, 7, "every command");
}
