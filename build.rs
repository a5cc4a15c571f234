//! Compiles the bundled data into static tables, so that `edl` parses nothing at start-up (as
//! chrono-tz does with the time zone database):
//!
//! - `data/divisions.csv` becomes an array of divisions sorted by code, whose names are offsets
//!   into one string, and four lookup indexes (full name, short name, pinyin, pinyin of the full
//!   name): each a sorted array of (name, row).
//! - `data/aliases.csv` becomes an array of aliases sorted by their lookup key (the same string
//!   and spans), and the aliases of each division in row order.
//! - `data/world.csv` becomes an array of world places (countries, subdivisions, towns) whose
//!   names are spans of a string of their own, their other names in row order, and one index
//!   of every name's key and every code, sorted: the table costs nothing until it is searched.
//! - `data/rollout.toml` becomes a static `Rollout`, and `data/schemes.toml` a static `Schemes`.
//!   These are literal transcriptions: the rules that check a rollout or schemes file live in the
//!   library, and a test asserts that each static table is what the library's loader makes of
//!   the same file.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

/// The rollout file's schema, shared with the library so that the two cannot drift.
#[path = "src/data/schema.rs"]
#[allow(dead_code)] // the library uses parts of the schema that this script does not
mod schema;

/// The schemes file's schema, shared with the library as the rollout file's is.
#[path = "src/data/schemes_schema.rs"]
#[allow(dead_code)] // the library uses parts of the schema that this script does not
mod schemes_schema;

/// The alias index keys, shared with the library's lookups.
#[path = "src/data/keys.rs"]
mod keys;

/// The samples of sorted indexes, shared with the library's lookups.
#[path = "src/data/sample.rs"]
#[allow(dead_code)] // the script writes samples, the library reads them
mod sample;

const DIVISIONS: &str = "data/divisions.csv";
const ALIASES: &str = "data/aliases.csv";
const ALIASES_HEADER: &str = "alias,code,kind,change,year,source";
const ROLLOUT: &str = "data/rollout.toml";
const SCHEMES: &str = "data/schemes.toml";
const WORLD: &str = "data/world.csv";
const WORLD_HEADER: &str =
    "code,kind,country,subdivision,name,names,abbrevs,zh,zh_names,population,capital,division,tz";
/// The parent row of a division without a parent (`u16::MAX`; the table has ~3,200 rows).
const NO_ROW: usize = 65535;
const HEADER: &str = "code,name,short,pinyin,syllables,pinyin_full,level,kind,parent,province";

fn main() {
    for input in [
        DIVISIONS,
        ALIASES,
        ROLLOUT,
        SCHEMES,
        WORLD,
        "src/data/schema.rs",
        "src/data/schemes_schema.rs",
        "src/data/keys.rs",
        "src/data/sample.rs",
        "build.rs",
    ] {
        println!("cargo::rerun-if-changed={input}");
    }
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let csv = std::fs::read_to_string(DIVISIONS).unwrap_or_else(|e| panic!("{DIVISIONS}: {e}"));
    let aliases = std::fs::read_to_string(ALIASES).unwrap_or_else(|e| panic!("{ALIASES}: {e}"));
    let (divisions, aliases) = divisions(&csv, &aliases);
    write(Path::new(&out).join("divisions_table.rs"), &divisions);
    write(Path::new(&out).join("aliases_table.rs"), &aliases);
    let world_csv = std::fs::read_to_string(WORLD).unwrap_or_else(|e| panic!("{WORLD}: {e}"));
    write(
        Path::new(&out).join("world_table.rs"),
        &world(&world_csv, &csv),
    );
    let toml = std::fs::read_to_string(ROLLOUT).unwrap_or_else(|e| panic!("{ROLLOUT}: {e}"));
    write(Path::new(&out).join("rollout_table.rs"), &rollout(&toml));
    let toml = std::fs::read_to_string(SCHEMES).unwrap_or_else(|e| panic!("{SCHEMES}: {e}"));
    write(Path::new(&out).join("schemes_table.rs"), &schemes(&toml));
}

fn write(path: std::path::PathBuf, text: &str) {
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// Stops the build with a message that names the line of the data file at fault.
fn fail(file: &str, line: usize, message: &str) -> ! {
    panic!("{file}:{line}: {message}")
}

/// The divisions table and the aliases table: two files, one string of names.
fn divisions(csv: &str, aliases_csv: &str) -> (String, String) {
    let mut lines = csv.lines();
    if lines.next() != Some(HEADER) {
        fail(DIVISIONS, 1, &format!("the header must be `{HEADER}`"));
    }
    let mut rows: Vec<Vec<&str>> = Vec::new();
    let mut codes: HashMap<&str, usize> = HashMap::new();
    for (index, line) in lines.enumerate() {
        let line_no = index + 2;
        let fields: Vec<&str> = line.split(',').collect();
        if fields.len() != 10 {
            fail(
                DIVISIONS,
                line_no,
                &format!("a row needs 10 fields, this one has {}", fields.len()),
            );
        }
        let code = fields[0];
        if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
            fail(
                DIVISIONS,
                line_no,
                &format!("`{code}` is not a six-digit code"),
            );
        }
        if rows.last().is_some_and(|previous| previous[0] >= code) {
            fail(
                DIVISIONS,
                line_no,
                &format!("code {code} is a duplicate or out of order"),
            );
        }
        if fields[1..6].iter().any(|field| field.is_empty()) {
            fail(DIVISIONS, line_no, "a name or pinyin field is empty");
        }
        codes.insert(code, rows.len());
        rows.push(fields);
    }
    // Every name lives in one string and a row holds offsets into it: a table of `&str` would
    // need a relocation per pointer at every start (tens of thousands), this needs one.
    // The names that lookups search come first, a column at a time in that column's sorted
    // order, and each index entry holds its name's offsets: a binary search then reads one
    // index and one stretch of the string, not rows and names all over the binary (each page
    // touched is a page fault at start-up).
    let mut blob = String::new();
    let mut spans: HashMap<(usize, usize), String> = HashMap::new();
    let mut indexes = String::new();
    for (name, column) in KEY_COLUMNS {
        let mut sorted: Vec<(&str, usize)> = rows
            .iter()
            .enumerate()
            .map(|(row, fields)| (fields[column], row))
            .collect();
        sorted.sort();
        let mut entries = Vec::with_capacity(sorted.len());
        let mut previous: Option<(&str, usize)> = None;
        for (text, row) in sorted {
            let start = match previous {
                Some((last, start)) if last == text => start,
                _ => push(&mut blob, text),
            };
            previous = Some((text, start));
            let len = text.len();
            spans.insert(
                (row, column),
                format!("Span {{ start: {start}, len: {len} }}"),
            );
            entries.push(format!(
                "Entry {{ start: {start}, len: {len}, row: {row} }}"
            ));
        }
        let _ = writeln!(
            indexes,
            "static {name}: [Entry; {}] = [{}];\n",
            entries.len(),
            entries.join(", ")
        );
    }
    let mut span_of = |row: usize, column: usize, text: &str| -> String {
        spans.remove(&(row, column)).unwrap_or_else(|| {
            let start = push(&mut blob, text);
            format!("Span {{ start: {start}, len: {} }}", text.len())
        })
    };
    let mut table = format!("static ROWS: [Division; {}] = [\n", rows.len());
    for (index, row) in rows.iter().enumerate() {
        let line_no = index + 2;
        let level = match row[6] {
            "province" => "Province",
            "prefecture" => "Prefecture",
            "county" => "County",
            other => fail(DIVISIONS, line_no, &format!("unknown level `{other}`")),
        };
        let kind = match row[7] {
            "municipality" => "Municipality",
            "province" => "Province",
            "autonomous-region" => "AutonomousRegion",
            "sar" => "Sar",
            "prefecture" => "Prefecture",
            "municipal-district" => "MunicipalDistrict",
            "province-direct" => "ProvinceDirect",
            "county" => "County",
            "sar-district" => "SarDistrict",
            "taiwan-county" => "PrefectureCounty",
            other => fail(DIVISIONS, line_no, &format!("unknown kind `{other}`")),
        };
        let parent = match row[8] {
            "" => "None".to_string(),
            code if codes.contains_key(code) => format!("Some(Code({code}))"),
            code => fail(DIVISIONS, line_no, &format!("parent {code} is no division")),
        };
        if !codes.contains_key(row[9]) {
            fail(
                DIVISIONS,
                line_no,
                &format!("province {} is no division", row[9]),
            );
        }
        let names: Vec<String> = (1..6)
            .map(|column| span_of(index, column, row[column]))
            .collect();
        let display = span_of(index, PINYIN_DISPLAY, &pinyin_display(row[4]));
        // Row numbers of the parent and the province, so walking up the hierarchy is indexing.
        let parent_row = codes.get(row[8]).map_or(NO_ROW, |&row| row);
        let province_row = codes[row[9]];
        let _ = writeln!(
            table,
            "    Division {{ code: Code({}), name: {}, short: {}, pinyin: {}, syllables: {}, pinyin_full: {}, \
             pinyin_display: {display}, level: Level::{level}, kind: Kind::{kind}, parent: {parent}, province: Code({}), \
             parent_row: {parent_row}, province_row: {province_row} }},",
            row[0], names[0], names[1], names[2], names[3], names[4], row[9]
        );
    }
    table.push_str("];\n\n");
    let aliases = aliases(aliases_csv, &codes, &mut blob);
    let mut text =
        String::from("// Generated by build.rs from data/divisions.csv. Do not edit.\n\n");
    let _ = writeln!(text, "static TEXT: &str = {blob:?};\n");
    text.push_str(&table);
    text.push_str(&indexes);
    (text, aliases)
}

/// The aliases, sorted by key (then division row and text), with their names in `blob`: a
/// Chinese alias's key is its text, so both are one span, and each source is stored once.
fn aliases(csv: &str, codes: &HashMap<&str, usize>, blob: &mut String) -> String {
    let mut lines = csv.lines();
    if lines.next() != Some(ALIASES_HEADER) {
        fail(
            ALIASES,
            1,
            &format!("the header must be `{ALIASES_HEADER}`"),
        );
    }
    struct Row<'a> {
        text: &'a str,
        key: String,
        row: usize,
        literal: String,
        source: &'a str,
    }
    let mut rows: Vec<Row> = Vec::new();
    for (index, line) in lines.enumerate() {
        let line_no = index + 2;
        let fields: Vec<&str> = line.split(',').collect();
        let [text, code, kind, change, year, source] = fields[..] else {
            fail(
                ALIASES,
                line_no,
                &format!("a row needs 6 fields, this one has {}", fields.len()),
            )
        };
        let Some(&row) = codes.get(code) else {
            fail(ALIASES, line_no, &format!("code {code} is no division"))
        };
        let kind = match kind {
            "traditional" => "Traditional",
            "english" => "English",
            "area" => "Area",
            "former" => "Former",
            "code" => "Code",
            other => fail(ALIASES, line_no, &format!("unknown kind `{other}`")),
        };
        let (change, display) = match change {
            "" => ("None", false),
            "display" if kind == "English" => ("None", true),
            "renamed" => ("Some(Change::Renamed)", false),
            "merged" => ("Some(Change::Merged)", false),
            "moved" => ("Some(Change::Moved)", false),
            "relevelled" => ("Some(Change::Relevelled)", false),
            "split" => ("Some(Change::Split)", false),
            other => fail(ALIASES, line_no, &format!("unknown change `{other}`")),
        };
        let year = match year {
            "" => "None".to_string(),
            year => match year.parse::<u16>() {
                Ok(year) => format!("Some({year})"),
                Err(_) => fail(ALIASES, line_no, &format!("`{year}` is not a year")),
            },
        };
        if text.is_empty() || source.is_empty() {
            fail(ALIASES, line_no, "an alias or its source is empty");
        }
        let key = keys::alias_key(text).into_owned();
        if key.is_empty() {
            fail(ALIASES, line_no, &format!("`{text}` has an empty key"));
        }
        rows.push(Row {
            text,
            key,
            row,
            literal: format!(
                "kind: AliasKind::{kind}, change: {change}, year: {year}, display: {display}, row: {row}"
            ),
            source,
        });
    }
    rows.sort_by(|a, b| (&a.key, a.row, a.text).cmp(&(&b.key, b.row, b.text)));
    if let Some(pair) = rows
        .windows(2)
        .find(|pair| (&pair[0].key, pair[0].row) == (&pair[1].key, pair[1].row))
    {
        fail(
            ALIASES,
            1,
            &format!(
                "`{}` and `{}` are one alias of one division twice",
                pair[0].text, pair[1].text
            ),
        );
    }
    let mut sources: HashMap<&str, usize> = HashMap::new();
    let mut previous_key: Option<(String, usize)> = None;
    let mut entries = Vec::with_capacity(rows.len());
    for row in &rows {
        let key = match &previous_key {
            Some((last, start)) if *last == row.key => *start,
            _ => push(blob, &row.key),
        };
        previous_key = Some((row.key.clone(), key));
        let text = if row.key == row.text {
            key
        } else {
            push(blob, row.text)
        };
        let source = *sources
            .entry(row.source)
            .or_insert_with(|| push(blob, row.source));
        entries.push(format!(
            "    Alias {{ text: Span {{ start: {text}, len: {} }}, key: Span {{ start: {key}, len: {} }}, \
             source: Span {{ start: {source}, len: {} }}, {} }},",
            row.text.len(),
            row.key.len(),
            row.source.len(),
            row.literal
        ));
    }
    let mut by_row: Vec<(usize, usize)> =
        rows.iter().enumerate().map(|(i, r)| (r.row, i)).collect();
    by_row.sort();
    let by_row: Vec<String> = by_row.iter().map(|(_, i)| i.to_string()).collect();
    let mut out = String::from("// Generated by build.rs from data/aliases.csv. Do not edit.\n\n");
    // Read by `Divisions::bundled()`, which holds them beside the division indexes.
    let _ = writeln!(
        out,
        "pub(super) static ALIASES: [Alias; {}] = [",
        entries.len()
    );
    out.push_str(&entries.join("\n"));
    out.push_str("\n];\n\n");
    let _ = writeln!(
        out,
        "pub(super) static ALIASES_BY_ROW: [u16; {}] = [{}];\n",
        by_row.len(),
        by_row.join(", ")
    );
    // Each key was pushed in key order above (texts and sources between them), so a block's
    // keys lie close together.
    out.push_str("pub(super) ");
    out.push_str(&sample_table(
        "ALIAS_SAMPLE",
        rows.iter().map(|row| row.key.as_str()),
        ALIASES,
    ));
    out
}

/// The lookup indexes and the CSV columns they sort.
const KEY_COLUMNS: [(&str, usize); 4] = [
    ("BY_NAME", 1),
    ("BY_SHORT", 2),
    ("BY_PINYIN", 3),
    ("BY_PINYIN_FULL", 5),
];

/// Where `span_of` files the pinyin written for display, which this script makes from the
/// syllables: not a column of the CSV (whose column 0 is the code, not a name).
const PINYIN_DISPLAY: usize = 0;

/// Appends `text` to the string of names; returns where it starts.
fn push(blob: &mut String, text: &str) -> usize {
    let start = blob.len();
    blob.push_str(text);
    start
}

/// Pinyin as it is written in running text, from space-separated syllables: `Chengdu`,
/// `Xi'an`, `Ha'erbin` (an apostrophe before a syllable that starts with a, e or o).
fn pinyin_display(syllables: &str) -> String {
    let mut out = String::new();
    // The syllables write ü as v (lv liang); running text writes it ü (Lüliang).
    let syllables = syllables.replace('v', "ü");
    for (i, syllable) in syllables.split(' ').enumerate() {
        if i == 0 {
            let mut chars = syllable.chars();
            out.extend(chars.next().map(|first| first.to_ascii_uppercase()));
            out.push_str(chars.as_str());
        } else {
            if syllable.starts_with(['a', 'e', 'o']) {
                out.push('\'');
            }
            out.push_str(syllable);
        }
    }
    out
}

/// The 1-based line of a byte offset in a data file.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// A date of `file` (whose text is `text`) as the library's `date` builds it.
fn date(file: &str, text: &str, value: &toml::Spanned<toml::value::Datetime>) -> String {
    let date = value.get_ref().date.unwrap_or_else(|| {
        fail(
            file,
            line_of(text, value.span().start),
            "a date field holds no date",
        )
    });
    format!("date({}, {}, {})", date.year, date.month, date.day)
}

/// The same, for a field that may be left out.
fn maybe_date(
    file: &str,
    text: &str,
    value: &Option<toml::Spanned<toml::value::Datetime>>,
) -> String {
    value.as_ref().map_or("None".to_string(), |value| {
        format!("Some({})", date(file, text, value))
    })
}

/// A string of the compiled tables.
fn text_of(value: &str) -> String {
    format!("Cow::Borrowed({value:?})")
}

/// A sentence and its optional Chinese, as the library's `Wording`.
fn wording(english: &str, chinese: &Option<toml::Spanned<String>>) -> String {
    let chinese = chinese.as_ref().map_or("None".to_string(), |zh| {
        format!("Some({})", text_of(zh.get_ref()))
    });
    format!("Wording {{ en: {}, zh: {chinese} }}", text_of(english))
}

fn quality(quality: Option<schema::Quality>) -> String {
    quality.map_or("None".to_string(), |quality| {
        format!("Some(Quality::{quality:?})")
    })
}

fn rollout(text: &str) -> String {
    let raw: schema::RawRollout = toml::from_str(text).unwrap_or_else(|e| panic!("{ROLLOUT}: {e}"));
    let source_index: HashMap<&str, usize> = raw
        .source
        .iter()
        .enumerate()
        .map(|(i, source)| (source.id.get_ref().as_str(), i))
        .collect();
    let sources = |ids: &[toml::Spanned<String>]| -> String {
        let indexes: Vec<String> = ids
            .iter()
            .map(|id| match source_index.get(id.get_ref().as_str()) {
                Some(index) => index.to_string(),
                None => fail(
                    ROLLOUT,
                    line_of(text, id.span().start),
                    &format!("source `{}` is not defined", id.get_ref()),
                ),
            })
            .collect();
        format!("Cow::Borrowed(&[{}])", indexes.join(", "))
    };
    let mut out = String::from("// Generated by build.rs from data/rollout.toml. Do not edit.\n\n");
    let _ = writeln!(out, "static BUNDLED_ROLLOUT: Rollout = Rollout {{");
    let _ = writeln!(out, "    version: {},", text_of(&raw.version));
    let _ = writeln!(out, "    as_of: {},", date(ROLLOUT, text, &raw.as_of));
    let _ = writeln!(
        out,
        "    default: DefaultWindow {{ earliest: {}, latest: {}, latest_quality: {}, sources: {}, note: {} }},",
        date(ROLLOUT, text, &raw.default.earliest),
        date(ROLLOUT, text, &raw.default.latest),
        quality(raw.default.latest_quality),
        sources(&raw.default.sources),
        wording(&raw.default.note, &raw.default.note_zh)
    );
    out.push_str("    sources: Cow::Borrowed(&[\n");
    for source in &raw.source {
        let _ = writeln!(
            out,
            "        Source {{ id: {}, title: {}, url: {}, quality: Quality::{:?} }},",
            text_of(source.id.get_ref()),
            text_of(&source.title),
            text_of(&source.url),
            source.quality
        );
    }
    out.push_str("    ]),\n    milestones: Cow::Borrowed(&[\n");
    for milestone in &raw.milestone {
        let _ = writeln!(
            out,
            "        Milestone {{ date: {}, title: {}, cities: {:?}, sources: {} }},",
            date(ROLLOUT, text, &milestone.date),
            wording(&milestone.title, &milestone.title_zh),
            milestone.cities,
            sources(&milestone.sources)
        );
    }
    out.push_str("    ]),\n    facts: Cow::Borrowed(&[\n");
    let mut by_place: Vec<(u32, usize)> = Vec::new();
    for (index, fact) in raw.fact.iter().enumerate() {
        let claim = if let Some(on) = &fact.on {
            let scheduled = fact.scheduled.as_ref().is_some_and(|s| *s.get_ref());
            format!(
                "Claim::On {{ day: {}, scheduled: {scheduled} }}",
                date(ROLLOUT, text, on)
            )
        } else if let (Some(from), Some(until)) = (&fact.from, &fact.until) {
            format!(
                "Claim::Within {{ from: {}, until: {} }}",
                date(ROLLOUT, text, from),
                date(ROLLOUT, text, until)
            )
        } else if let Some(by) = &fact.by {
            format!("Claim::By({})", date(ROLLOUT, text, by))
        } else if let Some(not_before) = &fact.not_before {
            format!("Claim::NotBefore({})", date(ROLLOUT, text, not_before))
        } else if fact.never.is_some() {
            "Claim::Never".to_string()
        } else {
            fail(
                ROLLOUT,
                line_of(text, fact.id.span().start),
                &format!("fact `{}` gives no date", fact.id.get_ref()),
            )
        };
        let places: Vec<u32> = fact
            .places
            .iter()
            .map(|place| {
                place.get_ref().parse().unwrap_or_else(|_| {
                    fail(
                        ROLLOUT,
                        line_of(text, place.span().start),
                        "a place is not a code",
                    )
                })
            })
            .collect();
        by_place.extend(places.iter().map(|&place| (place, index)));
        let codes: Vec<String> = places
            .iter()
            .map(|place| format!("Code::from_raw({place})"))
            .collect();
        let note = fact.note.as_deref().map_or("None".to_string(), |note| {
            format!("Some({})", wording(note, &fact.note_zh))
        });
        let _ = writeln!(
            out,
            "        Fact {{ id: {}, places: Cow::Borrowed(&[{}]), claim: {claim}, sources: {}, quality: {}, note: {note}, id_span: 0..0 }},",
            text_of(fact.id.get_ref()),
            codes.join(", "),
            sources(&fact.sources),
            quality(fact.quality)
        );
    }
    out.push_str("    ]),\n    rules: Cow::Borrowed(&[\n");
    for rule in &raw.rule {
        let from = rule.from.as_ref().map_or("None".to_string(), |from| {
            format!("Some({})", date(ROLLOUT, text, from))
        });
        let _ = writeln!(
            out,
            "        Rule {{ id: RuleId::{:?}, from: {from}, sources: {}, quality: {}, note: {} }},",
            rule.id.get_ref(),
            sources(&rule.sources),
            quality(rule.quality),
            wording(&rule.note, &rule.note_zh)
        );
    }
    by_place.sort();
    out.push_str("    ]),\n    by_place: Cow::Borrowed(&[\n");
    for (place, fact) in by_place {
        let _ = writeln!(out, "        (Code::from_raw({place}), {fact}),");
    }
    out.push_str("    ]),\n};\n");
    out
}

/// The bundled schemes file as a static `Schemes`: a literal transcription, ids resolved to the
/// indexes the library's loader gives them. The rules that check a schemes file live in the
/// library, and a test asserts that this table is what its loader makes of the same file.
fn schemes(text: &str) -> String {
    use schemes_schema::{PhoneFailureKind, RawSchemes};
    let raw: RawSchemes = toml::from_str(text).unwrap_or_else(|e| panic!("{SCHEMES}: {e}"));
    let at = |span: std::ops::Range<usize>| line_of(text, span.start);
    // The first source of an id is the one cited, as in the loader (which refuses a second).
    let mut source_index: HashMap<&str, usize> = HashMap::new();
    for (index, source) in raw.source.iter().enumerate() {
        source_index
            .entry(source.id.get_ref().as_str())
            .or_insert(index);
    }
    let sources = |ids: &[toml::Spanned<String>]| -> String {
        let indexes: Vec<String> = ids
            .iter()
            .map(|id| match source_index.get(id.get_ref().as_str()) {
                Some(index) => index.to_string(),
                None => fail(
                    SCHEMES,
                    at(id.span()),
                    &format!("source `{}` is not defined", id.get_ref()),
                ),
            })
            .collect();
        format!("Cow::Borrowed(&[{}])", indexes.join(", "))
    };
    let territory = |code: &toml::Spanned<String>| format!("Territory({:?})", code.get_ref());
    let territories = |codes: &[toml::Spanned<String>]| -> String {
        let codes: Vec<String> = codes.iter().map(territory).collect();
        format!("Cow::Borrowed(&[{}])", codes.join(", "))
    };
    let group_index = |id: &str| raw.group.iter().position(|group| group.id.get_ref() == id);
    let scheme_index = |id: &str| {
        raw.scheme
            .iter()
            .position(|scheme| scheme.id.get_ref() == id)
    };
    // A rule that not every holder of the licence may meet makes its scheme one to ask about.
    let mut on_request = vec![false; raw.scheme.len()];
    for rule in &raw.rule {
        if let (Some(id), None, Some(flag)) = (&rule.scheme, &rule.issued_in, &rule.may_not_hold)
            && *flag.get_ref()
            && let Some(index) = scheme_index(id.get_ref())
        {
            on_request[index] = true;
        }
    }

    let mut out = String::from("// Generated by build.rs from data/schemes.toml. Do not edit.\n\n");
    let _ = writeln!(out, "static BUNDLED_SCHEMES: Schemes = Schemes {{");
    let _ = writeln!(out, "    version: {},", text_of(&raw.version));
    let _ = writeln!(out, "    as_of: {},", date(SCHEMES, text, &raw.as_of));
    out.push_str("    sources: Cow::Borrowed(&[\n");
    for source in &raw.source {
        let url = source
            .url
            .as_deref()
            .map_or("None".to_string(), |url| format!("Some({})", text_of(url)));
        let _ = writeln!(
            out,
            "        Source {{ id: {}, title: {}, url: {url}, quality: Quality::{:?} }},",
            text_of(source.id.get_ref()),
            text_of(&source.title),
            source.quality
        );
    }
    out.push_str("    ]),\n    groups: Cow::Borrowed(&[\n");
    for group in &raw.group {
        let _ = writeln!(
            out,
            "        Group {{ id: {}, name: {}, members: {}, sources: {} }},",
            text_of(group.id.get_ref()),
            text_of(&group.name),
            territories(&group.members),
            sources(&group.sources)
        );
    }
    out.push_str("    ]),\n    schemes: Cow::Borrowed(&[\n");
    for (index, scheme) in raw.scheme.iter().enumerate() {
        let issuer = match group_index(scheme.issuer.get_ref()) {
            Some(group) => format!("Issuer::Group({group})"),
            None => format!("Issuer::Territory({})", territory(&scheme.issuer)),
        };
        let _ = writeln!(
            out,
            "        Scheme {{ id: {}, issuer: {issuer}, name: {}, form: Form::{:?}, rollout: {}, on_request: {} }},",
            text_of(scheme.id.get_ref()),
            wording(&scheme.name, &scheme.name_zh),
            scheme.form,
            territories(&scheme.rollout),
            on_request[index]
        );
    }
    out.push_str("    ]),\n    rules: Cow::Borrowed(&[\n");
    for rule in &raw.rule {
        let whose = format!("rule `{}`", rule.id.get_ref());
        let covers = match (&rule.scheme, &rule.issued_in) {
            (Some(id), None) => match scheme_index(id.get_ref()) {
                Some(index) => format!("Covers::Scheme({index})"),
                None => fail(
                    SCHEMES,
                    at(id.span()),
                    &format!("scheme `{}` in {whose} is not defined", id.get_ref()),
                ),
            },
            (None, Some(country)) => format!("Covers::IssuedIn({:?})", country.get_ref()),
            _ => fail(
                SCHEMES,
                at(rule.id.span()),
                &format!("{whose} must give one of scheme and issued_in"),
            ),
        };
        let places: Vec<String> = rule
            .places
            .get_ref()
            .iter()
            .map(|place| match place.get_ref().as_str() {
                "issuer" => "Place::Issuer".to_string(),
                "elsewhere" => "Place::Elsewhere".to_string(),
                name => match group_index(name) {
                    Some(group) => format!("Place::Group({group})"),
                    None => format!("Place::Territory({})", territory(place)),
                },
            })
            .collect();
        let by = rule.by.as_ref().map_or("None".to_string(), |by| {
            format!("Some({})", wording(by.get_ref(), &rule.by_zh))
        });
        let stages: Vec<String> = rule
            .stages
            .as_ref()
            .map_or(&[][..], |stages| stages.get_ref())
            .iter()
            .map(|stage| format!("Stage::{stage:?}"))
            .collect();
        let holder = rule.holder.map_or("None".to_string(), |holder| {
            format!("Some(HolderKind::{holder:?})")
        });
        let may_not_hold = rule
            .may_not_hold
            .as_ref()
            .is_some_and(|flag| *flag.get_ref());
        let phone_failure = rule
            .phone_failure
            .as_ref()
            .map_or("None".to_string(), |failure| {
                let raw = failure.get_ref();
                let parsed = match (&raw.kind, raw.hours, raw.discretionary, raw.days) {
                    (PhoneFailureKind::NoLicence, None, None, None) => {
                        "PhoneFailure::NoLicence".to_string()
                    }
                    (PhoneFailureKind::Grace, Some(hours), discretionary, None) => format!(
                        "PhoneFailure::Grace {{ hours: {hours}, discretionary: {} }}",
                        discretionary.unwrap_or(false)
                    ),
                    (PhoneFailureKind::ProduceWithin, None, None, Some(days)) => {
                        format!("PhoneFailure::ProduceWithin {{ days: {days} }}")
                    }
                    _ => fail(
                        SCHEMES,
                        at(failure.span()),
                        &format!("phone_failure of {whose} has fields its kind does not take"),
                    ),
                };
                format!("Some({parsed})")
            });
        let _ = writeln!(
            out,
            "        Rule {{ id: {}, covers: {covers}, places: Cow::Borrowed(&[{}]), outcome: Outcome::{:?}, by: {by}, from: {}, until: {}, stages: Cow::Borrowed(&[{}]), issued_from: {}, issued_before: {}, holder: {holder}, may_not_hold: {may_not_hold}, phone_failure: {phone_failure}, grade: Quality::{:?}, sources: {}, note: {} }},",
            text_of(rule.id.get_ref()),
            places.join(", "),
            rule.outcome.get_ref(),
            maybe_date(SCHEMES, text, &rule.from),
            maybe_date(SCHEMES, text, &rule.until),
            stages.join(", "),
            maybe_date(SCHEMES, text, &rule.issued_from),
            maybe_date(SCHEMES, text, &rule.issued_before),
            rule.grade.get_ref(),
            sources(&rule.sources),
            wording(&rule.note, &rule.note_zh)
        );
    }
    out.push_str("    ]),\n    baselines: Cow::Borrowed(&[\n");
    for baseline in &raw.baseline {
        let licences = match baseline.licences.as_slice() {
            [any] if any.get_ref() == "any" => "Licences::Any".to_string(),
            codes => format!("Licences::IssuedBy({})", territories(codes)),
        };
        let _ = writeln!(
            out,
            "        Baseline {{ id: {}, places: {}, licences: {licences}, carry: Carry::{:?}, from: {}, identity_document: {}, produce_within_days: {:?}, grade: Quality::{:?}, sources: {}, note: {} }},",
            text_of(baseline.id.get_ref()),
            territories(&baseline.places),
            baseline.carry,
            maybe_date(SCHEMES, text, &baseline.from),
            baseline.identity_document.unwrap_or(false),
            baseline.produce_within_days,
            baseline.grade.get_ref(),
            sources(&baseline.sources),
            wording(&baseline.note, &baseline.note_zh)
        );
    }
    out.push_str("    ]),\n    gaps: Cow::Borrowed(&[\n");
    for gap in &raw.gap {
        let _ = writeln!(
            out,
            "        Gap {{ id: {}, jurisdictions: {}, reason: {}, sources: {} }},",
            text_of(gap.id.get_ref()),
            territories(&gap.jurisdictions),
            wording(&gap.reason, &gap.reason_zh),
            sources(&gap.sources)
        );
    }
    out.push_str("    ]),\n};\n");
    out
}

/// Splits one CSV line; a field may be quoted (RFC 4180) when it holds a comma.
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', false) if fields.last().is_some_and(String::is_empty) => quoted = true,
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().expect("one field at least").push('"');
            }
            ('"', true) => quoted = false,
            (',', false) => fields.push(String::new()),
            (c, _) => fields.last_mut().expect("one field at least").push(c),
        }
    }
    fields
}

/// The world table: rows in file order (countries, then subdivisions, each sorted by code, then
/// towns), each row's other names side by side, and one index sorted by key: a name's
/// `place_key` (lowercase letters, or the Chinese text), or a code in capitals (`AU-NSW`, `AUS`),
/// which no name's key can be.
fn world(csv: &str, divisions_csv: &str) -> String {
    let mut lines = csv.lines();
    if lines.next() != Some(WORLD_HEADER) {
        fail(WORLD, 1, &format!("the header must be `{WORLD_HEADER}`"));
    }
    let division_codes: std::collections::HashSet<&str> = divisions_csv
        .lines()
        .skip(1)
        .filter_map(|line| line.split(',').next())
        .collect();
    let rows: Vec<Vec<String>> = lines.map(csv_fields).collect();
    if rows.len() >= 65535 {
        fail(
            WORLD,
            1,
            "the index's rows are u16: more than 65,534 rows need wider ones",
        );
    }
    let mut code_rows: HashMap<&str, usize> = HashMap::new();
    for (index, fields) in rows.iter().enumerate() {
        if fields.len() != 13 {
            fail(
                WORLD,
                index + 2,
                &format!("a row needs 13 fields, this one has {}", fields.len()),
            );
        }
        if fields[1] != "city" && code_rows.insert(&fields[0], index).is_some() {
            fail(WORLD, index + 2, &format!("code {} twice", fields[0]));
        }
    }
    // (key, row, via) for the index; the names of a row, in order, for the row's own list.
    let mut keys: Vec<(String, usize, &str)> = Vec::new();
    let mut names: Vec<(usize, &str, String)> = Vec::new();
    for (index, fields) in rows.iter().enumerate() {
        let fields: &[String] = fields;
        let line_no = index + 2;
        let code_like = |text: &str| {
            text.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
        };
        if fields[1] != "city" {
            if !code_like(&fields[0]) {
                fail(WORLD, line_no, &format!("`{}` is not a code", fields[0]));
            }
            keys.push((fields[0].clone(), index, "Code"));
        }
        let mut add = |text: &str, via: &'static str, in_list: bool| {
            let key = if via == "Abbreviation" || (via == "Code" && code_like(text)) {
                text.to_string()
            } else {
                keys::place_key(text).into_owned()
            };
            if key.is_empty() {
                fail(WORLD, line_no, &format!("`{text}` has an empty key"));
            }
            keys.push((key, index, via));
            if in_list {
                names.push((index, via, text.to_string()));
            }
        };
        add(&fields[4], "Name", false);
        for name in fields[5].split('|').filter(|n| !n.is_empty()) {
            add(name, "Alternate", true);
        }
        for abbrev in fields[6].split('|').filter(|n| !n.is_empty()) {
            let via = if fields[1] == "country" {
                "Code"
            } else {
                "Abbreviation"
            };
            add(abbrev, via, true);
        }
        if !fields[7].is_empty() {
            add(&fields[7], "Chinese", false);
        }
        for name in fields[8].split('|').filter(|n| !n.is_empty()) {
            add(name, "ChineseAlternate", true);
        }
    }
    // One entry per key and row: the first way it was found (names before alternates).
    let order = |via: &str| {
        [
            "Code",
            "Abbreviation",
            "Name",
            "Chinese",
            "Alternate",
            "ChineseAlternate",
        ]
        .iter()
        .position(|v| *v == via)
        .expect("a known via")
    };
    keys.sort_by(|a, b| (&a.0, a.1, order(a.2)).cmp(&(&b.0, b.1, order(b.2))));
    keys.dedup_by(|b, a| a.0 == b.0 && a.1 == b.1);

    let mut blob = String::new();
    let mut stored: HashMap<String, usize> = HashMap::new();
    let mut index = String::new();
    for (key, row, via) in &keys {
        let start = *stored
            .entry(key.clone())
            .or_insert_with(|| push(&mut blob, key));
        let _ = write!(
            index,
            "E{{k:{start},l:{},r:{row},v:Via::{via}}},",
            key.len()
        );
    }
    // The index's keys were pushed in index order above, so a block's keys lie side by side.
    let sample = sample_table("SAMPLE", keys.iter().map(|(key, _, _)| key.as_str()), WORLD);
    let mut span = |text: &str| -> (usize, usize) {
        if text.len() > 255 {
            fail(WORLD, 1, &format!("`{text}` is longer than 255 bytes"));
        }
        let start = *stored
            .entry(text.to_string())
            .or_insert_with(|| push(&mut blob, text));
        (start, text.len())
    };
    let mut list = String::new();
    // Each row's names are NAMES[first_name[row]..first_name[row + 1]] (names are in row order;
    // the last row's end is the length of NAMES).
    let mut first_name = Vec::with_capacity(rows.len() + 1);
    for (i, (row, via, text)) in names.iter().enumerate() {
        while first_name.len() <= *row {
            first_name.push(i);
        }
        let (start, len) = span(text);
        let _ = write!(list, "N{{s:{start},l:{len},v:Via::{via}}},");
    }
    while first_name.len() <= rows.len() {
        first_name.push(names.len());
    }
    let mut table = String::new();
    // Each row's IANA time zone, as an index into ZONES (0: none); a zone is named once.
    let mut zones: Vec<&str> = vec![""];
    let mut zone_of = String::new();
    // (division code, row) of the countries and subdivisions that are a division, by code.
    let mut linked: Vec<(u32, usize)> = Vec::new();
    for (row, fields) in rows.iter().enumerate() {
        let line_no = row + 2;
        let kind = match fields[1].as_str() {
            "country" => "Country",
            "subdivision" => "Subdivision",
            "city" => "City",
            other => fail(WORLD, line_no, &format!("unknown kind `{other}`")),
        };
        let row_of = |code: &str, what: &str, limit: usize| -> usize {
            match code {
                "" => limit,
                code => match code_rows.get(code) {
                    Some(&row) if row < limit => row,
                    Some(_) => fail(WORLD, line_no, &format!("{what} {code} is too far down")),
                    None => fail(WORLD, line_no, &format!("{what} {code} is no row")),
                },
            }
        };
        // A country's row is a u8 (countries come first), a subdivision's a u16 (u16::MAX: none).
        let country = row_of(&fields[2], "country", 255);
        let subdivision = row_of(&fields[3], "subdivision", 65535);
        if fields[2].is_empty() {
            fail(WORLD, line_no, "a place needs a country");
        }
        let population = match fields[9].as_str() {
            "" => 0,
            n => n
                .parse::<u32>()
                .ok()
                .filter(|&n| n > 0)
                .unwrap_or_else(|| fail(WORLD, line_no, &format!("`{n}` is no population"))),
        };
        let capital = match fields[10].as_str() {
            "" => false,
            "capital" => true,
            other => fail(WORLD, line_no, &format!("unknown capital flag `{other}`")),
        };
        // 0: none, 1: the mainland, else the division code.
        let link = match fields[11].as_str() {
            "" => "0",
            "mainland" => "1",
            code if division_codes.contains(code) => code,
            code => fail(WORLD, line_no, &format!("division {code} is no division")),
        };
        if kind != "City"
            && let Ok(code) = link.parse::<u32>()
            && code > 0
        {
            linked.push((code, row));
        }
        let zone = match zones.iter().position(|zone| *zone == fields[12]) {
            Some(zone) => zone,
            None => {
                zones.push(&fields[12]);
                zones.len() - 1
            }
        };
        let _ = write!(zone_of, "{zone},");
        // The code, name and Chinese name side by side: one offset and three lengths.
        let start = blob.len();
        let mut lens = Vec::new();
        for &column in &[0, 4, 7] {
            let text = &fields[column];
            if text.len() > 255 {
                fail(
                    WORLD,
                    line_no,
                    &format!("`{text}` is longer than 255 bytes"),
                );
            }
            lens.push(text.len().to_string());
            blob.push_str(text);
        }
        let _ = writeln!(
            table,
            "P{{kind:PlaceKind::{kind},text:{start},lens:[{}],names:{},country:{country},subdivision:{subdivision},population:{population},capital:{capital},link:{link}}},",
            lens.join(","),
            first_name[row],
        );
    }
    let mut text = String::from("// Generated by build.rs from data/world.csv. Do not edit.\n\n");
    let _ = writeln!(text, "static WORLD_TEXT: &str = {blob:?};\n");
    let _ = writeln!(text, "static PLACES: [P; {}] = [\n{table}];\n", rows.len());
    let _ = writeln!(text, "static NAMES: [N; {}] = [{list}];\n", names.len());
    let _ = writeln!(text, "static INDEX: [E; {}] = [{index}];\n", keys.len());
    let _ = writeln!(text, "static ZONES: [&str; {}] = {zones:?};\n", zones.len());
    let _ = writeln!(text, "static ZONE: [u16; {}] = [{zone_of}];\n", rows.len());
    linked.sort_unstable();
    let linked: Vec<String> = linked
        .iter()
        .map(|(code, row)| format!("({code},{row})"))
        .collect();
    let _ = writeln!(
        text,
        "static LINKED: [(u32, u16); {}] = [{}];\n",
        linked.len(),
        linked.join(",")
    );
    text.push_str(&sample);
    text
}

/// A static `name` holding the sample of these sorted keys (see `src/data/sample.rs`).
fn sample_table<'a>(name: &str, keys: impl Iterator<Item = &'a str>, file: &str) -> String {
    let Some((ends, text)) = sample::of(keys) else {
        fail(
            file,
            1,
            "an index sample's offsets are u16: more than 65,535 bytes of keys need wider ones",
        )
    };
    let ends: Vec<String> = ends.iter().map(u16::to_string).collect();
    format!(
        "static {name}: ([u16; {}], [u8; {}]) = ([{}], *b\"{}\");\n",
        ends.len(),
        text.len(),
        ends.join(","),
        byte_string(&text),
    )
}

/// The inside of a Rust byte string literal for these bytes.
fn byte_string(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        match b {
            b'"' | b'\\' => {
                out.push('\\');
                out.push(char::from(b));
            }
            b' '..=b'~' => out.push(char::from(b)),
            _ => {
                let _ = write!(out, "\\x{b:02x}");
            }
        }
    }
    out
}
