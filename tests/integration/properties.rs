//! Properties of the library, checked on the bundled data: place lookup never panics and finds
//! every division by its code and names; a place's answer never gets worse as the date advances;
//! and a trip's verdict is its worst stop's, or `no-valid-license` exactly when the license is not
//! usable.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{Days, NaiveDate};
use edl::data::world::{DivisionLink, PlaceKind, World, WorldPlace};
use edl::data::{AliasKind, Code, Dataset, Division, Divisions};
use edl::place::{Gazetteer, Place, PlaceError, PlaceNote, Resolved, normalise};
use edl::verdict::{LicenseClass, LicenseState, Query, Reach, Status, Verdict, assess, judge};
use proptest::prelude::*;
use proptest::sample::select;

/// Built once: both are read-only and shared by every test thread.
static DATASET: LazyLock<Dataset> = LazyLock::new(Dataset::bundled);
static GAZETTEER: LazyLock<Gazetteer<'static>> =
    LazyLock::new(|| Gazetteer::new(Divisions::bundled()));

/// Every division, in code order.
static DIVISIONS: LazyLock<Vec<&'static Division>> =
    LazyLock::new(|| Divisions::bundled().iter().collect());

/// Pieces people type: the characters of every name, short names, pinyin syllables.
static NAME_CHARS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut chars: Vec<char> = DIVISIONS.iter().flat_map(|d| d.name().chars()).collect();
    chars.sort_unstable();
    chars.dedup();
    chars
});
static SHORT_NAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| DIVISIONS.iter().map(|d| d.short()).collect());
static SYLLABLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut syllables: Vec<&str> = DIVISIONS
        .iter()
        .flat_map(|d| d.syllables().split(' '))
        .collect();
    syllables.sort_unstable();
    syllables.dedup();
    syllables
});

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        // A failure is reported with its minimal input; no regression file is written.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
}

/// The first and last day of the rollout-era range the date properties draw from.
const FIRST: &str = "2021-01-01";
const LAST: &str = "2023-12-31";

fn era_days() -> u64 {
    (day(LAST) - day(FIRST)).num_days() as u64
}

fn era_day(offset: u64) -> NaiveDate {
    day(FIRST) + Days::new(offset)
}

/// A date around the rollout, or anywhere in the years `edl` accepts (2000 to 2099).
fn any_date() -> impl Strategy<Value = NaiveDate> {
    let whole = (day("2099-12-31") - day("2000-01-01")).num_days() as u64;
    prop_oneof![
        3 => (0..=era_days()).prop_map(era_day),
        1 => (0..=whole).prop_map(|offset| day("2000-01-01") + Days::new(offset)),
    ]
}

fn division_index() -> impl Strategy<Value = usize> {
    0..DIVISIONS.len()
}

/// A division of the mainland, whose licences the rollout answers for (a licence of Hong Kong,
/// Macau or Taiwan is judged by the schemes file).
fn mainland_index() -> impl Strategy<Value = usize> {
    division_index().prop_filter("a mainland division", |&index| {
        !matches!(DIVISIONS[index].province.value() / 10_000, 71 | 81 | 82)
            && !matches!(DIVISIONS[index].name(), "金门县")
    })
}

/// Text made of what place queries are made of: CJK name characters, short names, pinyin
/// syllables (any case), digits, commas, spaces and apostrophes.
fn place_like_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        select(NAME_CHARS.clone()).prop_map(String::from),
        select(SHORT_NAMES.clone()).prop_map(String::from),
        select(SYLLABLES.clone()).prop_map(String::from),
        select(SYLLABLES.clone()).prop_map(|s| s.to_uppercase()),
        "[0-9]{1,6}",
        select(vec![
            ",", "，", "、", " ", "  ", "\t", "'", "’", "-", "省", "市", "县", "区"
        ])
        .prop_map(String::from),
    ];
    let separator = select(vec!["", " ", "'", "-", ", ", "，", "、"]);
    prop_oneof![
        // Anything made of the pieces.
        2 => prop::collection::vec(piece, 0..8).prop_map(|pieces| pieces.concat()),
        // A real place's pinyin, its syllables split any way, in any case.
        1 => (division_index(), separator.clone(), any::<bool>()).prop_map(|(i, sep, upper)| {
            let text = DIVISIONS[i].syllables().replace(' ', sep);
            if upper { text.to_uppercase() } else { text }
        }),
        // A place and another (often its province), as "suzhou, anhui" or 安徽宿州.
        1 => (division_index(), division_index(), separator, any::<bool>()).prop_map(
            |(i, j, sep, same_province)| {
                let place = DIVISIONS[i];
                let other = if same_province {
                    Divisions::bundled().province_of(place)
                } else {
                    DIVISIONS[j]
                };
                format!("{}{sep}{}", other.short(), place.short())
            }
        ),
    ]
}

/// What every answer of `resolve` must look like, whatever the query.
fn check_resolution(query: &str) -> Result<(), TestCaseError> {
    match GAZETTEER.resolve(query) {
        Ok(found) => {
            prop_assert!(!found.places.is_empty(), "Ok but empty for {query:?}");
            prop_assert!(
                !query.trim().is_empty(),
                "a blank query resolved: {query:?}"
            );
            // Divisions first, by level and code; then world places, widest first (towns of
            // one kind in the gazetteer's order), each place once.
            let rank: Vec<(u8, String)> = found
                .places
                .iter()
                .map(|place| match place {
                    Place::Division(d) => (d.level as u8, d.code.to_string()),
                    Place::World(w) => (3 + w.kind as u8, String::new()),
                })
                .collect();
            let mut sorted = rank.clone();
            sorted.sort();
            prop_assert_eq!(&rank, &sorted, "highest level first: {:?}", query);
            let mut codes: Vec<String> = found.places.iter().map(|place| code(*place)).collect();
            let listed = codes.len();
            codes.sort();
            codes.dedup();
            prop_assert_eq!(codes.len(), listed, "no repeats: {:?}", query);
        }
        Err(PlaceError::Empty) => {
            // Nothing but punctuation, marks or spaces.
            prop_assert!(normalise(query).is_empty(), "Empty for {query:?}");
        }
        Err(PlaceError::TooLong { bytes }) => {
            prop_assert_eq!(bytes, query.trim().len());
            prop_assert!(bytes > edl::place::MAX_QUERY_BYTES, "TooLong for {query:?}");
        }
        Err(PlaceError::Several { parts, .. }) => {
            prop_assert!(parts.len() > 1, "Several with {parts:?} for {query:?}");
        }
        Err(PlaceError::Unknown { suggestions, .. }) => {
            prop_assert!(!query.trim().is_empty(), "Unknown for blank {query:?}");
            prop_assert!(suggestions.len() <= 5, "{suggestions:?}");
            for code in suggestions {
                prop_assert!(Divisions::bundled().get(code).is_some(), "{code}");
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn resolve_never_panics_on_any_string(query in any::<String>()) {
        check_resolution(&query)?;
    }

    #[test]
    fn resolve_never_panics_on_place_like_text(query in place_like_text()) {
        check_resolution(&query)?;
    }
}

/// How many divisions have each key, over full names and short names together.
fn name_counts() -> HashMap<&'static str, usize> {
    let mut counts = HashMap::new();
    for division in DIVISIONS.iter() {
        *counts.entry(division.name()).or_default() += 1;
        if division.short() != division.name() {
            *counts.entry(division.short()).or_default() += 1;
        }
    }
    counts
}

fn codes(found: &Resolved<'_>) -> Vec<String> {
    found.places.iter().map(|place| code(*place)).collect()
}

fn code(place: Place<'_>) -> String {
    match place {
        Place::Division(d) => d.code.to_string(),
        Place::World(w) => w.code().to_string(),
    }
}

/// Every division an answer names: its places, and those a note says the query may also mean.
fn named(found: &Resolved<'_>) -> Vec<Code> {
    let mut codes: Vec<Code> = found
        .places
        .iter()
        .filter_map(|place| place.division())
        .map(|d| d.code)
        .collect();
    for note in &found.notes {
        if let PlaceNote::Prominent { others, .. } = note {
            codes.extend(
                others
                    .iter()
                    .filter_map(|(place, _)| place.division())
                    .map(|d| d.code),
            );
        }
    }
    codes
}

#[test]
fn every_division_resolves_by_its_code() {
    for division in DIVISIONS.iter() {
        let code = division.code.to_string();
        let found = GAZETTEER.resolve(&code).expect("a code resolves");
        assert_eq!(codes(&found), [code], "{}", division.name());
    }
}

#[test]
fn every_division_resolves_by_its_full_name() {
    for division in DIVISIONS.iter() {
        let found = GAZETTEER
            .resolve(division.name())
            .unwrap_or_else(|error| panic!("{} ({}): {error}", division.name(), division.code));
        assert!(
            found
                .places
                .iter()
                .any(|place| place.same(Place::Division(division))),
            "{} ({}) -> {:?}",
            division.name(),
            division.code,
            codes(&found)
        );
    }
}

#[test]
fn every_unique_short_name_resolves_to_its_division() {
    let counts = name_counts();
    let mut checked = 0;
    // A short name that is also another division's former or other name (桥东, once 邢台's
    // 桥东区) is shared too.
    let unique = |d: &&&Division| {
        counts[d.short()] == 1
            && Divisions::bundled()
                .aliases(d.short())
                .all(|(_, named)| named.code == d.code)
    };
    for division in DIVISIONS.iter().filter(unique) {
        let found = GAZETTEER
            .resolve(division.short())
            .unwrap_or_else(|error| panic!("{} ({}): {error}", division.short(), division.code));
        assert_eq!(
            codes(&found),
            [division.code.to_string()],
            "{} ({})",
            division.short(),
            division.name()
        );
        checked += 1;
    }
    assert!(checked > 2000, "only {checked} unique short names");
}

#[test]
fn every_unique_pinyin_resolves_to_its_division() {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for division in DIVISIONS.iter() {
        *counts.entry(division.pinyin()).or_default() += 1;
    }
    let mut checked = 0;
    for division in DIVISIONS.iter().filter(|d| counts[d.pinyin()] == 1) {
        for query in [
            division.pinyin().to_string(),
            division.syllables().to_string(),
            division.pinyin().to_uppercase(),
        ] {
            let found = GAZETTEER
                .resolve(&query)
                .unwrap_or_else(|error| panic!("{query} ({}): {error}", division.name()));
            assert_eq!(
                codes(&found),
                [division.code.to_string()],
                "{query} ({})",
                division.name()
            );
        }
        checked += 1;
    }
    assert!(checked > 1000, "only {checked} unique pinyin keys");
}

/// Full-width forms, as Chinese keyboards type letters and digits.
fn full_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 + 0xfee0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[test]
fn every_division_is_named_by_its_short_name_and_full_width_forms() {
    for division in DIVISIONS.iter() {
        for query in [
            division.short().to_string(),
            full_width(&division.code.to_string()),
            full_width(division.pinyin()),
        ] {
            let found = GAZETTEER
                .resolve(&query)
                .unwrap_or_else(|error| panic!("{query} ({}): {error}", division.name()));
            assert!(
                named(&found).contains(&division.code),
                "{query} ({}) -> {:?}",
                division.name(),
                codes(&found)
            );
        }
    }
}

#[test]
fn every_division_is_named_by_its_traditional_forms() {
    let mut checked = 0;
    for division in DIVISIONS.iter() {
        let traditional = Divisions::bundled()
            .aliases_of(division)
            .filter(|alias| alias.kind == AliasKind::Traditional);
        for alias in traditional {
            let found = GAZETTEER
                .resolve(alias.text())
                .unwrap_or_else(|error| panic!("{} ({}): {error}", alias.text(), division.name()));
            assert!(
                named(&found).contains(&division.code),
                "{} ({}) -> {:?}",
                alias.text(),
                division.name(),
                codes(&found)
            );
            checked += 1;
        }
    }
    assert!(checked > 4000, "only {checked} traditional forms");
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn normalising_is_idempotent(query in any::<String>()) {
        let once = normalise(&query);
        prop_assert_eq!(normalise(&once), once.clone(), "{:?}", query);
    }

    #[test]
    fn normalising_place_like_text_is_idempotent(query in place_like_text()) {
        let once = normalise(&query);
        prop_assert_eq!(normalise(&once), once.clone(), "{:?}", query);
    }
}

/// Progress along the rollout: not yet, then maybe, then live; outside the mainland never moves.
fn progress(status: Status) -> u8 {
    match status {
        Status::NotYet => 0,
        Status::Uncertain => 1,
        Status::Live => 2,
        Status::NotCovered => 3,
    }
}

fn usable_license() -> impl Strategy<Value = LicenseState> {
    select(
        LicenseState::ALL
            .into_iter()
            .filter(|state| state.class() == LicenseClass::Usable)
            .collect::<Vec<_>>(),
    )
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn a_place_never_gets_worse_as_the_date_advances(
        index in division_index(),
        a in 0..=era_days(),
        b in 0..=era_days(),
        license in usable_license(),
    ) {
        let (d1, d2) = (era_day(a.min(b)), era_day(a.max(b)));
        let division = DIVISIONS[index];
        let (early, late) = (assess(&DATASET, division, d1), assess(&DATASET, division, d2));
        let what = format!("{} ({}) on {d1} then {d2}", division.name(), division.code);
        if early.status == Status::Live {
            prop_assert_eq!(late.status, Status::Live, "{}", what);
        }
        if early.status == Status::NotCovered || late.status == Status::NotCovered {
            prop_assert_eq!(early.status, late.status, "{}", what);
        }
        prop_assert!(
            progress(early.status) <= progress(late.status),
            "{}: {:?} then {:?}", what, early.status, late.status
        );
        prop_assert!(late.verdict() <= early.verdict(), "{}", what);
        if early.verdict() == Verdict::ELicense {
            prop_assert_eq!(late.verdict(), Verdict::ELicense, "{}", what);
        }
        let trip = |on| {
            let stop = Query::new(
                division.name().to_string(),
                Resolved { places: vec![Place::Division(division)], notes: Vec::new() },
                &GAZETTEER,
            );
            judge(&DATASET, on, license, vec![(stop, on)], None).expect("one candidate").verdict
        };
        prop_assert!(trip(d2) <= trip(d1), "{} with {}", what, license);
    }

    #[test]
    fn a_trip_is_as_bad_as_its_worst_stop(
        stops in prop::collection::vec((division_index(), any_date()), 1..=5),
        home in prop::option::of(mainland_index()),
        on in any_date(),
        license in select(LicenseState::ALL.to_vec()),
    ) {
        let query = |index: usize| {
            Query::new(
                DIVISIONS[index].name().to_string(),
                Resolved { places: vec![Place::Division(DIVISIONS[index])], notes: Vec::new() },
                &GAZETTEER,
            )
        };
        // Each stop on its own date; the home on the first of them.
        let alone = |(index, day): (usize, NaiveDate)| {
            assess(&DATASET, DIVISIONS[index], day).verdict()
        };
        let trip = judge(
            &DATASET,
            on,
            license,
            stops.iter().map(|&(i, day)| (query(i), day)).collect(),
            home.map(query),
        );
        prop_assert!(trip.is_ok(), "judge failed on {stops:?} {on}");
        // A home on the mainland with a stop beyond it crosses a border, which the recognition
        // facts answer (their own tests): this property is about trips within one country.
        let within = |index: usize| {
            assess(&DATASET, DIVISIONS[index], on).reach == Reach::Within
        };
        prop_assume!(home.is_none_or(|home| {
            !within(home) || stops.iter().all(|&(index, _)| within(index))
        }));
        let trip = trip.expect("checked");
        let what = format!("stops {stops:?}, home {home:?}, on {on}, license {license}");
        prop_assert_eq!(trip.stops.len(), stops.len(), "{}", &what);

        let forbidden = license.class().forbids_driving();
        prop_assert_eq!(trip.verdict == Verdict::NoValidLicense, forbidden, "{}", &what);
        let worst_stop = stops.iter().map(|&stop| alone(stop)).max().expect("one stop at least");
        let mainland_days: Vec<NaiveDate> = stops
            .iter()
            .filter(|&&(i, day)| {
                assess(&DATASET, DIVISIONS[i], day).reach == Reach::Within
            })
            .map(|&(_, day)| day)
            .collect();
        let first = stops.iter().map(|&(_, day)| day).min().expect("one stop at least");
        let settled = DATASET.all_live_by().expect("the mainland has windows");
        // Without a home, the license may come from any mainland place: surely usable only
        // once every one of them is live, at every mainland stop's date. With one, that place
        // decides, on the first date (being live lasts).
        let home_blocks = match home {
            None => mainland_days.iter().any(|&day| day < settled),
            Some(home) => alone((home, first)) != Verdict::ELicense,
        };
        let unknown_state = license.class() == LicenseClass::Unknown;
        let expected = if forbidden {
            Verdict::NoValidLicense
        } else if home_blocks || unknown_state {
            worst_stop.max(Verdict::BringCard)
        } else {
            worst_stop
        };
        prop_assert_eq!(trip.verdict, expected, "{}", &what);
        for (stop, &given) in trip.stops.iter().zip(&stops) {
            prop_assert_eq!(stop.places.len(), 1, "{}", &what);
            prop_assert_eq!(stop.on, given.1, "{}", &what);
            prop_assert_eq!(stop.verdict(), alone(given), "{}", &what);
        }
    }
}

/// True when an answer is this world row, or the division the row is (Hong Kong, CN-SC), or
/// asks a question that lists it; or (`noted`) is a place in it (Berlin, the city, for DE-BE,
/// one answer), or names it in a note with a query of its own (黑山, the county, beside
/// Montenegro).
fn answers_world_row(found: &Resolved<'_>, row: &WorldPlace, noted: bool) -> bool {
    let linked = match row.division_code() {
        Some(DivisionLink::Division(code)) => Some(code),
        _ => None,
    };
    let is_row = |place: &Place<'_>| match place {
        Place::World(w) => std::ptr::eq(*w, row),
        Place::Division(d) => Some(d.code) == linked,
    };
    let within = |place: &Place<'_>| match place {
        Place::World(w) => World::bundled()
            .chain(w)
            .any(|above| std::ptr::eq(above, row)),
        Place::Division(_) => false,
    };
    found.places.iter().any(is_row)
        || (noted && found.places.len() == 1 && within(&found.places[0]))
        || (noted
            && found.notes.iter().any(|note| {
                matches!(note, PlaceNote::Prominent { others, .. }
                    if others.iter().any(|(place, hint)| is_row(place) && hint.is_some()))
            }))
}

/// Every country's names, in every language the table ships, and its codes resolve to it; every
/// first-level subdivision's ISO code and name resolve to it or to a question listing it.
#[test]
fn every_country_and_subdivision_resolves_by_its_names_and_codes() {
    let world = World::bundled();
    let mut failures = Vec::new();
    for row in world.places() {
        let texts: Vec<&str> = match row.kind {
            PlaceKind::Country => std::iter::once(row.name())
                .chain(row.zh())
                .chain(row.other_names().map(|(text, _)| text))
                .collect(),
            PlaceKind::Subdivision => vec![row.code(), row.name()],
            PlaceKind::City => continue,
        };
        for text in texts {
            let fits = match GAZETTEER.resolve(text) {
                Ok(found) => match row.kind {
                    PlaceKind::Country => {
                        (found.places.len() == 1 && answers_world_row(&found, row, false))
                            || (found.places.iter().all(|place| place.division().is_some())
                                && answers_world_row(&found, row, true))
                    }
                    _ => answers_world_row(&found, row, true),
                },
                Err(_) => false,
            };
            if !fits {
                failures.push(format!("{} {text:?}", row.code()));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} names miss their place: {:?}",
        failures.len(),
        &failures[..failures.len().min(40)]
    );
}
