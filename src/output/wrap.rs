//! Fitting people's output to a width: prose wrapped at spaces and between CJK characters,
//! tables whose cells are wrapped the same way. Dates, ids and URLs are never split: a run of
//! ASCII without spaces is one word (a window may break after its `..`), and a word longer
//! than the line stands alone on it rather than being cut.
//!
//! textwrap fits the words to the width and measures them (Unicode widths, so a CJK character
//! counts two columns); this file only says where a line may break, which textwrap's own
//! separators cannot say for Chinese without pulling in ICU's segmenter and its data.

use comfy_table::{ContentArrangement, Table, presets};
use textwrap::core::Word;
use textwrap::{Options, WordSeparator, WordSplitter};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Characters a line may not start with (closing punctuation).
const NO_BREAK_BEFORE: &str = "，。、；：？！）》」』】〉…’”,.;:!?)]}%";
/// Characters a line may not end with (opening punctuation).
const NO_BREAK_AFTER: &str = "（《「『【〈‘“([{";

fn wide(c: char) -> bool {
    c.width() == Some(2)
}

/// Whether a line may break between `before` and `at`, the character starting at `index`.
fn may_break(text: &str, index: usize, before: char, at: char) -> bool {
    if at == ' ' {
        return false;
    }
    if before == ' ' {
        return true;
    }
    if NO_BREAK_BEFORE.contains(at) || NO_BREAK_AFTER.contains(before) {
        return false;
    }
    if wide(before) || wide(at) {
        return true;
    }
    // A window, 2021-10-20..2021-12-31, breaks after its `..`.
    let head = &text[..index];
    at.is_ascii_digit()
        && head.ends_with("..")
        && head[..head.len() - 2]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit())
}

/// The words of a line: pieces between break opportunities, each with its trailing spaces.
fn words(line: &str) -> Box<dyn Iterator<Item = Word<'_>> + '_> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut previous: Option<char> = None;
    for (index, c) in line.char_indices() {
        if let Some(before) = previous
            && may_break(line, index, before, c)
        {
            pieces.push(Word::from(&line[start..index]));
            start = index;
        }
        previous = Some(c);
    }
    if start < line.len() {
        pieces.push(Word::from(&line[start..]));
    }
    Box::new(pieces.into_iter())
}

fn options(width: usize) -> Options<'static> {
    Options::new(width)
        .word_separator(WordSeparator::Custom(words))
        .word_splitter(WordSplitter::NoHyphenation)
        .break_words(false)
}

/// `text` wrapped to `width` (none: one line), its later lines indented by `indent`.
pub fn wrap(text: &str, width: Option<usize>, indent: &str) -> String {
    match width {
        Some(width) => textwrap::fill(text, options(width).subsequent_indent(indent)),
        None => text.to_string(),
    }
}

/// Help as clap rendered it, with every paragraph that has a line wider than `width` wrapped
/// again where prose may break (clap breaks only at spaces, which Chinese has none of). A
/// paragraph is a line and the lines clap continued it on, indented to where its text starts
/// (after an option's name, or the line's own indent); they are joined at the spaces clap
/// broke them at.
pub fn fit_help(text: &str, width: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while at < lines.len() {
        let (head, body) = help_parts(lines[at]);
        let indent = head.width();
        let continued = lines[at + 1..]
            .iter()
            .take_while(|line| {
                let text = line.trim_start();
                // An item's own line starts left of its text: only the text's column
                // continues it.
                !text.is_empty() && indent > 0 && line.len() - text.len() == indent
            })
            .count();
        let paragraph = &lines[at..=at + continued];
        if paragraph.iter().all(|line| line.width() <= width) {
            for line in paragraph {
                out.push_str(line);
                out.push('\n');
            }
        } else {
            let mut joined = body.to_string();
            for line in &paragraph[1..] {
                joined.push(' ');
                joined.push_str(line.trim_start());
            }
            let hanging = " ".repeat(indent);
            out.push_str(&textwrap::fill(
                &joined,
                options(width)
                    .initial_indent(head)
                    .subsequent_indent(&hanging),
            ));
            out.push('\n');
        }
        at += continued + 1;
    }
    out
}

/// A help line's head (its indent, and a name before two spaces: an option, an argument, an
/// exit code, a variable) and its text.
fn help_parts(line: &str) -> (&str, &str) {
    /// The widest name a head holds: wider, the two spaces are in prose.
    const NAME: usize = 30;
    let text = line.trim_start();
    let mut start = line.len() - text.len();
    if let Some(gap) = text.find("  ")
        && gap > 0
        && text[..gap].width() <= NAME
        && !text[..gap].chars().any(wide)
    {
        let after = &text[gap..];
        start += gap + (after.len() - after.trim_start().len());
    }
    line.split_at(start)
}

/// The widest piece of `text` that may not be broken.
fn unbreakable(text: &str) -> usize {
    text.lines()
        .flat_map(words)
        .map(|word| word.width)
        .max()
        .unwrap_or(0)
}

fn natural(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// Columns of a table in the house style: their borders and padding take three columns each,
/// and one more closes the row.
fn table_width(columns: &[usize]) -> usize {
    columns.iter().sum::<usize>() + 3 * columns.len() + 1
}

/// The columns' widths that fit `width`, each column no narrower than its widest unbreakable
/// piece: a column gives up a column of width where that makes the fewest cells wrap (a
/// header's wrapping counts half a row's). `None` when even the narrowest layout is wider.
fn fit(cells: &[Vec<&str>], width: usize) -> Option<Vec<usize>> {
    let count = cells.first().map_or(0, Vec::len);
    let column = |i: usize| cells.iter().filter_map(move |row| row.get(i).copied());
    let naturals: Vec<Vec<usize>> = (0..count)
        .map(|i| column(i).map(natural).collect())
        .collect();
    let floors: Vec<usize> = (0..count)
        .map(|i| column(i).map(unbreakable).max().unwrap_or(0).max(1))
        .collect();
    let mut widths: Vec<usize> = naturals
        .iter()
        .map(|column| column.iter().copied().max().unwrap_or(0))
        .collect();
    while table_width(&widths) > width {
        let narrower = (0..count)
            .filter(|&i| widths[i] > floors[i])
            .min_by_key(|&i| {
                let wrapped: usize = naturals[i]
                    .iter()
                    .enumerate()
                    .filter(|&(_, &w)| w >= widths[i])
                    .map(|(row, _)| if row == 0 { 1 } else { 2 })
                    .sum();
                (wrapped, std::cmp::Reverse(widths[i]))
            })?;
        widths[narrower] -= 1;
    }
    Some(widths)
}

/// A table of `header` and `rows` that fits `width`, or `None` when it cannot without breaking
/// a word (a caller may lay it out another way). Without a width, the table keeps its natural
/// width.
pub fn fitted_table(
    header: &[String],
    rows: &[Vec<String>],
    width: Option<usize>,
) -> Option<Table> {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled);
    let Some(width) = width else {
        table.set_header(header);
        for row in rows {
            table.add_row(row);
        }
        return Some(table);
    };
    let widths = {
        let cells: Vec<Vec<&str>> = std::iter::once(header)
            .chain(rows.iter().map(Vec::as_slice))
            .map(|row| row.iter().map(String::as_str).collect())
            .collect();
        fit(&cells, width)?
    };
    let wrapped = |row: &[String]| -> Vec<String> {
        row.iter()
            .zip(&widths)
            .map(|(cell, &width)| {
                cell.lines()
                    .map(|line| textwrap::fill(line, options(width)))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect()
    };
    table.set_header(wrapped(header));
    for row in rows {
        table.add_row(wrapped(row));
    }
    Some(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_urls_and_ids_stay_whole() {
        let text = "not live until 2021-09-01 (first-batch, medium) http://en.people.cn/n3/2021/0510/c90000-9848229.html";
        for width in [10, 20, 30] {
            let wrapped = wrap(text, Some(width), "  ");
            for piece in [
                "2021-09-01",
                "first-batch,",
                "http://en.people.cn/n3/2021/0510/c90000-9848229.html",
            ] {
                assert!(
                    wrapped.contains(piece),
                    "{piece} whole at {width}:\n{wrapped}"
                );
            }
        }
    }

    #[test]
    fn chinese_breaks_between_characters_but_not_before_punctuation() {
        let text = "已申领的电子驾驶证全国有效（valid-nationwide，可靠），但尚未启用地区的交警可能无法核验";
        let wrapped = wrap(text, Some(20), "");
        for line in wrapped.lines() {
            assert!(line.width() <= 20, "{line:?}");
            assert!(
                !line.starts_with(|c| NO_BREAK_BEFORE.contains(c)),
                "{line:?} starts with closing punctuation"
            );
        }
        assert_eq!(wrapped.replace('\n', ""), text);
        assert!(wrapped.contains("valid-nationwide"));
    }

    #[test]
    fn help_is_wrapped_under_its_text() {
        let help = "      --on <DATE>  出行日期，用于未自带日期的各站：2021-06-01、today 或 +Nd\nUsage: edl\n";
        let fitted = fit_help(help, 40);
        for line in fitted.lines() {
            assert!(line.width() <= 40, "{line:?}\n{fitted}");
        }
        let lines: Vec<&str> = fitted.lines().collect();
        assert!(
            lines[0].starts_with("      --on <DATE>  出行日期"),
            "{fitted}"
        );
        assert!(lines[1].starts_with(&" ".repeat(19)), "{fitted}");
        assert_eq!(lines.last(), Some(&"Usage: edl"));
    }

    #[test]
    fn a_window_breaks_only_after_its_dots() {
        assert_eq!(
            wrap("2021-10-20..2021-12-31", Some(15), ""),
            "2021-10-20..\n2021-12-31"
        );
        assert_eq!(unbreakable("2021-10-20..2021-12-31"), 12);
    }

    #[test]
    fn a_table_gives_up_width_where_fewest_cells_wrap() {
        let header = vec!["Place".to_string(), "On 2021-11-01".to_string()];
        let rows = vec![
            vec!["淄博市 Zibo".to_string(), "uncertain".to_string()],
            vec!["枣庄市 Zaozhuang".to_string(), "live".to_string()],
        ];
        let table = fitted_table(&header, &rows, Some(34))
            .expect("it fits")
            .to_string();
        assert!(table.lines().all(|line| line.width() <= 34), "{table}");
        assert!(
            table.contains("枣庄市 Zaozhuang"),
            "the place stays on one line:\n{table}"
        );
        assert!(fitted_table(&["a-very-long-identifier".into()], &[], Some(10)).is_none());
    }
}
