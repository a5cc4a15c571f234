//! Human output at fixed widths (issue 14, point 6): at `COLUMNS` of 60, 80 and 120 no line is
//! wider, except a URL standing whole on its own line, and no date or URL is split.

use unicode_width::UnicodeWidthStr;

use crate::support::{edl, outcome, run};

const WIDTHS: [usize; 3] = [60, 80, 120];

/// The commands of the issue, and `show` with its sources.
const COMMANDS: [&[&str]; 7] = [
    &["check", "成都", "北京", "拉萨", "--on", "2021-07-01"],
    &["check", "深圳", "香港", "--on", "2025-01-01"],
    &[
        "check",
        "苏州",
        "--home",
        "成都",
        "--on",
        "2021-11-15",
        "--license",
        "暂扣",
    ],
    &["list", "--province", "山东", "--on", "2021-11-01"],
    &["timeline"],
    &["data"],
    &["show", "昆山", "--on", "2021-06-01"],
];

fn at_width(args: &[&str], lang: &str, width: usize) -> String {
    let mut cmd = edl(["--lang", lang].iter().chain(args));
    cmd.env("COLUMNS", width.to_string());
    let done = outcome(cmd);
    assert!(done.stderr.is_empty(), "{args:?}: {}", done.stderr);
    done.stdout
}

/// The dates (YYYY-MM-DD) in a text, in order.
fn dates(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let shaped = |at: usize| {
        bytes.len() >= at + 10
            && (0..10).all(|i| match i {
                4 | 7 => bytes[at + i] == b'-',
                _ => bytes[at + i].is_ascii_digit(),
            })
    };
    (0..bytes.len())
        .filter(|&at| shaped(at) && (at == 0 || !bytes[at - 1].is_ascii_digit()))
        .map(|at| &text[at..at + 10])
        .collect()
}

fn urls(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .filter(|word| word.starts_with("http://") || word.starts_with("https://"))
        .collect()
}

#[test]
fn every_line_fits_and_no_date_or_url_is_split() {
    for args in COMMANDS {
        for lang in ["en", "zh"] {
            let whole = run(["--lang", lang].iter().chain(args));
            for width in WIDTHS {
                let text = at_width(args, lang, width);
                for line in text.lines() {
                    let alone_url = urls(line).len() == 1 && line.split_whitespace().count() == 1;
                    assert!(
                        line.width() <= width || alone_url,
                        "{args:?} --lang {lang} at {width}: {} columns:\n{line}\n\n{text}",
                        line.width()
                    );
                }
                let mut expected = dates(&whole.stdout);
                let mut found = dates(&text);
                expected.sort_unstable();
                found.sort_unstable();
                assert_eq!(
                    found, expected,
                    "{args:?} --lang {lang} at {width}: dates whole"
                );
                let lines: Vec<&str> = text.lines().collect();
                for url in urls(&whole.stdout) {
                    assert!(
                        lines
                            .iter()
                            .any(|line| line.split_whitespace().any(|w| w == url)),
                        "{args:?} --lang {lang} at {width}: {url} whole on a line\n{text}"
                    );
                }
            }
        }
    }
}

#[test]
fn a_window_breaks_at_its_dots_when_it_must() {
    let text = at_width(
        &["list", "--province", "山东", "--on", "2021-11-01"],
        "en",
        80,
    );
    assert!(
        text.contains("2021-10-20..2021-11-09"),
        "at 80 the window fits whole:\n{text}"
    );
    let narrow = at_width(
        &["list", "--province", "山东", "--on", "2021-11-01"],
        "en",
        60,
    );
    assert!(
        narrow.contains("2021-10-20..") && !narrow.contains("2021-10-20..2"),
        "{narrow}"
    );
}

#[test]
fn prose_wraps_at_words_and_chinese_characters() {
    let en = at_width(&["check", "北京", "--on", "2021-07-01"], "en", 60);
    assert!(
        en.contains(
            "\nnote: the license's issuing place decides on 2021-07-01:\n      only licenses"
        ),
        "a note wraps under its label:\n{en}"
    );
    let zh = at_width(&["check", "北京", "--on", "2021-07-01"], "zh", 60);
    assert!(
        zh.lines()
            .any(|line| line.starts_with("      ") && line.width() > 50),
        "Chinese notes wrap under their label, filling the line:\n{zh}"
    );
}

#[test]
fn timeline_is_a_table_when_wide_and_paragraphs_when_narrow() {
    let wide = at_width(&["timeline"], "en", 120);
    assert!(wide.starts_with('┌'), "{wide}");
    let narrow = at_width(&["timeline"], "en", 60);
    assert!(narrow.starts_with("2021-05-10  "), "{narrow}");
    assert!(
        narrow.contains("\n            Sources: people-2021-05-10 (strong)\n"),
        "{narrow}"
    );
}

#[test]
fn without_a_width_lines_stay_whole() {
    let done = run(["check", "北京", "--on", "2021-07-01"]);
    assert!(
        done.stdout.lines().any(|line| line.width() > 120),
        "{}",
        done.stdout
    );
}

/// `check --help` in both languages, and the table of a batch of four lines (one bad), fit every
/// width: help wrapped by display width, Chinese between its characters (issue 26, item 4).
#[test]
fn help_and_the_batch_table_fit_every_width() {
    let fits = |what: &str, text: &str, width: usize| {
        for line in text.lines() {
            let alone_url = urls(line).len() == 1 && line.split_whitespace().count() == 1;
            assert!(
                line.width() <= width || alone_url,
                "{what} at {width}: {} columns:\n{line}\n\n{text}",
                line.width()
            );
        }
    };
    for width in WIDTHS {
        for lang in ["en", "zh"] {
            let mut cmd = edl(["--lang", lang, "check", "--help"]);
            cmd.env("COLUMNS", width.to_string());
            let help = outcome(cmd);
            assert_eq!(help.code, 0, "{}", help.stderr);
            assert!(help.stdout.contains("--license"), "{}", help.stdout);
            fits(&format!("--lang {lang} check --help"), &help.stdout, width);

            let mut cmd = edl(["--lang", lang, "check", "-", "--home", "成都"]);
            cmd.env("COLUMNS", width.to_string());
            cmd.write_stdin("成都\n北京\t2021-08-31\nSydney\nnowhere-place\n");
            let batch = outcome(cmd);
            assert_eq!(batch.code, 2, "one bad line: {}", batch.stderr);
            fits(&format!("--lang {lang} check -"), &batch.stdout, width);
            // Each line's reason follows the table, the bad line's too.
            let after: Vec<&str> = batch
                .stdout
                .lines()
                .skip_while(|line| !line.starts_with('└'))
                .collect();
            assert!(
                after.iter().any(|line| line.starts_with("nowhere-place")),
                "{}",
                batch.stdout
            );
            assert!(
                after.iter().any(|line| line.starts_with("北京市")),
                "{}",
                batch.stdout
            );
        }
    }
}
