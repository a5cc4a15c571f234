//! English. Also the language of JSON and TSV sentences (reasons, notes), in every locale.

use chrono::NaiveDate;

use super::{Blocking, DataSummary, Messages, ShowField};
use crate::cli::{DateError, FIRST_YEAR, LAST_YEAR};
use crate::data::{Claim, Division, Kind, Level, Quality};
use crate::verdict::{Ambiguous, Ground, LicenseState, Note, Placed, Reason, Status, Verdict, Why};

pub struct English;

fn join_places(places: &[Placed<'_>]) -> String {
    places
        .iter()
        .map(|&place| English.place_in(place))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Messages for English {
    fn verdict(&self, verdict: Verdict) -> &'static str {
        verdict.id()
    }

    fn status(&self, status: Status) -> &'static str {
        status.id()
    }

    fn quality(&self, quality: Quality) -> &'static str {
        quality.id()
    }

    fn level(&self, level: Level) -> &'static str {
        level.id()
    }

    fn kind(&self, kind: Kind) -> &'static str {
        kind.id()
    }

    fn never(&self) -> &'static str {
        "never"
    }

    fn place(&self, division: &Division) -> String {
        format!("{} {}", division.name(), division.pinyin_display())
    }

    fn place_in(&self, place: Placed<'_>) -> String {
        if place.province.code == place.division.code {
            place.division.name().to_string()
        } else {
            format!("{} ({})", place.division.name(), place.province.name())
        }
    }

    fn headline(
        &self,
        verdict: Verdict,
        on: NaiveDate,
        license: LicenseState,
        blocking: &[Blocking<'_>],
    ) -> String {
        match verdict {
            Verdict::ELicense => format!("the e-license is enough at every stop on {on}"),
            Verdict::NoValidLicense => format!(
                "license state {} ({}) does not allow driving, with the e-license or the card",
                license.id(),
                license.chinese()
            ),
            Verdict::BringCard => {
                let places: Vec<String> = blocking
                    .iter()
                    .map(|place| {
                        let role = if place.home { "home " } else { "" };
                        format!("{role}{} {}", place.division.name(), place.status.id())
                    })
                    .collect();
                format!("bring the physical card on {on} ({})", places.join(", "))
            }
        }
    }

    fn check_header(&self, on: NaiveDate) -> [String; 4] {
        [
            "Place".into(),
            "Province".into(),
            "E-license live from".into(),
            format!("On {on}"),
        ]
    }

    fn home_prefix(&self) -> &'static str {
        "home "
    }

    fn reason(&self, why: &Why<'_>, place: &Division) -> String {
        let mut text = match why.reason {
            Reason::Outside => {
                format!(
                    "the e-license is valid on the Chinese mainland only; {} is outside it",
                    place.short()
                )
            }
            Reason::LiveSince(day) => format!("live since {day}"),
            Reason::LiveBy(day) => format!("live by {day} at the latest (exact day unknown)"),
            Reason::RegionLiveBy(day) => format!("every place in it live by {day}"),
            Reason::NotUntil(day) => format!("not live until {day}"),
            Reason::NotBefore { earliest, latest } => {
                format!("not live before {earliest}; live by {latest} at the latest")
            }
            Reason::Uncertain {
                earliest,
                latest,
                on,
            } => format!(
                "went live on an unknown day between {earliest} and {latest}; on {on} it may not be live yet"
            ),
            Reason::RegionUncertain {
                earliest,
                latest,
                on,
            } => format!(
                "a whole province: its places went live between {earliest} and {latest}, so on {on} some may not be"
            ),
        };
        let grounds: Vec<String> = why
            .grounds
            .iter()
            .map(|ground| match ground {
                Ground::Fact { id, quality } => format!("{id}, {}", quality.id()),
                Ground::DefaultWindow { earliest, latest } => format!(
                    "no source names its day: the second batch began {earliest}; nationwide from 2021-12-10, some places later, all by {latest}"
                ),
                Ground::DefaultEarliest(day) => format!("not before {day}, when the second batch began"),
                Ground::DefaultLatest(day) => format!("by {day}, the end-of-2021 target"),
                Ground::Place { division, date } => format!("{} {date}", division.short()),
            })
            .collect();
        if !grounds.is_empty() {
            text = format!("{text} ({})", grounds.join("; "));
        }
        if why.low_quality {
            text.push_str("; this rests only on low-quality sources");
        }
        text
    }

    fn note(&self, note: &Note<'_>) -> String {
        match note {
            Note::Ambiguous { query, places, on } => {
                format!(
                    "\"{query}\" could mean {}; all get the same answer on {on}",
                    join_places(places)
                )
            }
            Note::Home { places, on } => format!(
                "the license was issued in {}, where e-licenses were not surely issued on {on}: before the nationwide rollout only drivers whose issuing city was live could hold one",
                join_places(places)
            ),
            Note::License(state) => format!(
                "license state {} ({}): {}; neither the e-license nor the physical card makes driving legal",
                state.id(),
                state.chinese(),
                self.license_meaning(*state)
            ),
            Note::Stale { as_of, date } => format!(
                "the rollout data is as of {as_of}, more than a year before {date}: it may be out of date; confirm in the 交管12123 app"
            ),
        }
    }

    fn note_label(&self) -> &'static str {
        "note: "
    }

    fn colon(&self) -> &'static str {
        ": "
    }

    fn suggestion(&self, place: Placed<'_>) -> String {
        format!(
            "{} ({}, {})",
            place.division.name(),
            place.division.pinyin(),
            place.province.name()
        )
    }

    fn advice(&self) -> [&'static str; 4] {
        [
            "show the e-license live in the 交管12123 app: screenshots are not valid",
            "a flat phone or no signal means no license to show: carry the card when unsure",
            "after a renewal or a class change, re-apply in the app: the e-license does not update itself",
            "police who detain a license need the physical card",
        ]
    }

    fn license_meaning(&self, state: LicenseState) -> &'static str {
        match state {
            LicenseState::Normal => "the license is in order",
            LicenseState::ViolationPending => {
                "a traffic violation awaits processing; the license stays usable"
            }
            LicenseState::AccidentPending => {
                "an accident awaits processing; the license stays usable"
            }
            LicenseState::FullPoints => {
                "12 points are reached: driving is not allowed until the re-education course and exam"
            }
            LicenseState::Suspended => {
                "the license is suspended: driving is not allowed until it is returned"
            }
            LicenseState::Detained => {
                "police have detained the license: driving is not allowed until it is returned"
            }
            LicenseState::OverdueRenewal => {
                "the license was not renewed in time: it may not be used until renewed"
            }
            LicenseState::OverdueReview => {
                "the license missed its review: it may not be used until reviewed"
            }
            LicenseState::OverdueExam => {
                "the license missed its medical exam: it may not be used until the exam is done"
            }
            LicenseState::Revoked => "the license is revoked",
            LicenseState::Cancelled => "the license is cancelled",
            LicenseState::Withdrawn => "the license is withdrawn",
            LicenseState::Locked => {
                "the license is locked: contact the traffic police that issued it"
            }
            LicenseState::Stopped => {
                "the license is stopped from use: contact the traffic police that issued it"
            }
        }
    }

    fn list_header(&self, on: Option<NaiveDate>) -> Vec<String> {
        let mut header: Vec<String> = ["Province", "Place", "Code", "E-license live from"]
            .map(String::from)
            .into();
        header.extend(on.map(|on| format!("On {on}")));
        header
    }

    fn list_counts(&self, on: NaiveDate, counts: &[(Status, usize)], total: usize) -> String {
        let counts: Vec<String> = counts
            .iter()
            .map(|(status, count)| format!("{count} {}", status.id()))
            .collect();
        format!("on {on}: {} ({total} places)", counts.join(", "))
    }

    fn show_field(&self, field: ShowField) -> &'static str {
        match field {
            ShowField::Code => "code:      ",
            ShowField::Level => "level:     ",
            ShowField::Chain => "chain:     ",
            ShowField::LiveFrom => "live from: ",
            ShowField::Status => "status:    ",
            ShowField::Verdict => "verdict:   ",
            ShowField::Facts => "facts:",
        }
    }

    fn show_title(&self, division: &Division) -> String {
        format!(
            "{} ({}, {})",
            division.name(),
            division.short(),
            division.pinyin_display()
        )
    }

    fn show_level(&self, level: Level, kind: Kind) -> String {
        format!("{} ({})", level.id(), kind.id())
    }

    fn show_status(&self, status: Status, on: NaiveDate, reason: &str) -> String {
        format!("{} on {on}: {reason}", status.id())
    }

    fn claim(&self, claim: Claim) -> String {
        match claim {
            Claim::On {
                day,
                scheduled: false,
            } => format!("live on {day}"),
            Claim::On {
                day,
                scheduled: true,
            } => format!("live on {day} (announced in advance)"),
            Claim::Within { from, until } => format!("live on one day within {from}..{until}"),
            Claim::By(day) => format!("live by {day}"),
            Claim::NotBefore(day) => format!("not live before {day}"),
            Claim::Never => "never valid there".to_string(),
        }
    }

    fn fact_about(&self, id: &str, claim: &str, about: &str) -> String {
        format!("{id}: {claim}, about {about}")
    }

    fn default_window(&self, earliest: NaiveDate, latest: NaiveDate) -> String {
        format!("default window {earliest}..{latest} (a bound no fact gives):")
    }

    fn timeline_header(&self) -> [&'static str; 7] {
        [
            "Date",
            "Step",
            "Cities (stated)",
            "Live in data",
            "New",
            "Uncertain",
            "Sources",
        ]
    }

    fn timeline_footer(&self) -> &'static str {
        "cities: prefecture-level places and municipalities; \"live in data\" counts those surely live on the date"
    }

    fn data_summary(&self, summary: &DataSummary<'_>) -> Vec<String> {
        let sources: Vec<String> = summary
            .sources
            .iter()
            .map(|(quality, count)| format!("{count} {}", quality.id()))
            .collect();
        vec![
            format!(
                "rollout data {} as of {} ({})",
                summary.version, summary.as_of, summary.origin
            ),
            format!(
                "divisions: {} county, {} prefecture, {} province (bundled, with 香港, 澳门 and 台湾 at province level)",
                summary.counties, summary.prefectures, summary.provinces
            ),
            format!(
                "facts: {} naming {} places; milestones: {}",
                summary.facts, summary.places_named, summary.milestones
            ),
            format!(
                "sources: {} ({})",
                summary.sources.iter().map(|(_, n)| n).sum::<usize>(),
                sources.join(", ")
            ),
        ]
    }

    fn sources_header(&self) -> [&'static str; 3] {
        ["Source", "Quality", "Title and URL"]
    }

    fn batch_header(&self) -> [&'static str; 6] {
        [
            "Query",
            "On",
            "Verdict",
            "Place",
            "E-license live from",
            "Status",
        ]
    }

    fn error_word(&self) -> &'static str {
        "error"
    }

    fn empty_place(&self) -> String {
        "the place is empty: name a city, county or code".to_string()
    }

    fn place_too_long(&self, bytes: usize, limit: usize) -> String {
        format!(
            "the place is too long ({bytes} bytes; a place or the start of an address fits in {limit})"
        )
    }

    fn unknown_place(&self, query: &str, suggestions: &[String]) -> String {
        if suggestions.is_empty() {
            format!(
                "unknown place \"{query}\"; try a city or county name, its pinyin, or its six-digit code"
            )
        } else {
            format!(
                "unknown place \"{query}\"; did you mean {}?",
                suggestions.join(", ")
            )
        }
    }

    fn ambiguous(&self, ambiguous: &Ambiguous<'_>) -> String {
        let listed: Vec<String> = ambiguous
            .candidates
            .iter()
            .map(|(place, verdict)| {
                format!(
                    "{} {}: {}",
                    self.place_in(*place),
                    place.division.code,
                    verdict.id()
                )
            })
            .collect();
        format!(
            "\"{query}\" could be {} places with different answers on {}: {}; name the province (\"{query}, <province>\") or use a code",
            ambiguous.candidates.len(),
            ambiguous.on,
            listed.join("; "),
            query = ambiguous.query,
        )
    }

    fn several_places(&self, query: &str, places: &[String]) -> String {
        format!(
            "\"{query}\" could be {} places: {}; name the province or use a code",
            places.len(),
            places.join("; ")
        )
    }

    fn not_a(&self, query: &str, level: Option<Level>) -> String {
        format!("\"{query}\" is no {}", level.map_or("place", Level::id))
    }

    fn in_option(&self, option: &str) -> String {
        format!("in {option}")
    }

    fn in_variable(&self, variable: &str) -> String {
        format!("in {variable}")
    }

    fn batch_line(&self, number: usize) -> String {
        format!("line {number}")
    }

    fn bad_date(&self, text: &str, why: &str) -> String {
        format!("bad date \"{text}\": {why}")
    }

    fn date_problem(&self, error: DateError) -> String {
        match error {
            DateError::Shape => "expected a date as YYYY-MM-DD, today or tomorrow".to_string(),
            DateError::NoSuchDay => "no such day in the calendar".to_string(),
            DateError::OutOfRange => {
                format!("the date must fall in the years {FIRST_YEAR} to {LAST_YEAR}")
            }
        }
    }

    fn not_utf8(&self, in_date: bool) -> &'static str {
        if in_date {
            "the date is not UTF-8 text"
        } else {
            "the line is not UTF-8 text"
        }
    }

    fn line_has_nul(&self) -> &'static str {
        "the line contains a NUL byte"
    }

    fn line_too_long(&self, bytes: u64, limit: usize) -> String {
        format!(
            "the line is too long ({bytes} bytes; a place, a tab and a date fit in {limit}); skipped"
        )
    }

    fn too_many_places(&self, count: usize, limit: usize) -> String {
        format!(
            "too many places ({count}; a trip has at most {limit}): give them one a line to `edl check -`"
        )
    }

    fn path_too_long(&self, bytes: usize, start: &str, limit: usize) -> String {
        format!(
            "the data file's path is too long ({bytes} bytes, \"{start}\"; a path fits in {limit})"
        )
    }

    fn too_many_arguments(&self, count: usize, limit: usize) -> String {
        format!(
            "too many arguments ({count}; edl takes at most {limit}): give places one a line to `edl check -`"
        )
    }

    fn empty_batch(&self) -> &'static str {
        "no query on stdin: `edl check -` reads one place a line (PLACE or PLACE<TAB>DATE)"
    }

    fn dash_alone(&self) -> &'static str {
        "`-` (read places from stdin) must be the only PLACE"
    }

    fn did_you_mean(&self, suggested: &str) -> String {
        format!("; did you mean '{suggested}'?")
    }

    fn usage_error(&self, _error: &clap::Error) -> Option<String> {
        None
    }

    fn help(&self, _key: &str) -> Option<&'static str> {
        None
    }
}
