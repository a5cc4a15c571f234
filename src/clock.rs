//! What now is, and what day it is at a place: the moment `edl` takes as now (the system
//! clock, or `EDL_NOW` for tests and reproducible runs) seen in the place's own time zone.
//!
//! China's divisions (the mainland, Hong Kong, Macau, Taiwan) keep UTC+8. A place beyond them
//! takes its IANA zone from the world table; one that spans several zones (the United States,
//! New South Wales with Broken Hill) takes the earliest date among its towns' zones, so that a
//! day some part of it has not reached yet is not taken as reached; one with no town at all
//! takes its country's, else the earliest date on Earth (UTC−12).
//!
//! jiff holds the zone rules, its bundled copy of the IANA database compiled in, so that the
//! answer does not hang on the machine's own zone files. (chrono-tz, in chrono's types, compiles
//! every zone into tables of pointers that the loader relocates at every start: a megabyte
//! more memory for each run; jiff's bundle is one block of bytes.)

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

use crate::data::world::{PlaceKind, World, WorldPlace};
use crate::place::Place;

/// The variable that fixes now, for tests and reproducible runs.
pub const NOW_VARIABLE: &str = "EDL_NOW";

/// The moment `edl` answers for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Now(DateTime<Utc>);

/// China's divisions keep UTC+8, whatever the machine's time zone.
const CHINA_SECONDS_EAST: i32 = 8 * 3600;

/// The earliest date on Earth is UTC−12's.
const EARLIEST_SECONDS_EAST: i32 = -12 * 3600;

impl Now {
    pub fn at(moment: DateTime<Utc>) -> Now {
        Now(moment)
    }

    /// `EDL_NOW` when it is set (an RFC 3339 moment, `2026-12-07T20:00:00Z`), else the system
    /// clock; the text of a moment that does not read as one is the error.
    pub fn from_environment(get: impl Fn(&str) -> Option<String>) -> Result<Now, String> {
        match get(NOW_VARIABLE).filter(|text| !text.is_empty()) {
            Some(text) => DateTime::parse_from_rfc3339(text.trim())
                .map(|moment| Now(moment.with_timezone(&Utc)))
                .map_err(|_| text),
            None => Ok(Now(Utc::now())),
        }
    }

    fn date_at_offset(self, seconds_east: i32) -> NaiveDate {
        let offset =
            FixedOffset::east_opt(seconds_east).expect("a zone's offset is less than a day");
        self.0.with_timezone(&offset).date_naive()
    }

    /// Today in China (UTC+8).
    pub fn today_in_china(self) -> NaiveDate {
        self.date_at_offset(CHINA_SECONDS_EAST)
    }

    /// Today in an IANA zone, if the zone database knows it.
    pub fn today_in(self, zone: &str) -> Option<NaiveDate> {
        let zone = jiff::tz::TimeZone::get(zone).ok()?;
        let offset = zone.to_offset(jiff::Timestamp::from_second(self.0.timestamp()).ok()?);
        Some(self.date_at_offset(offset.seconds()))
    }

    /// Today where a place is.
    pub fn today_at(self, place: Place<'_>) -> NaiveDate {
        match place {
            Place::World(row) if row.division_code().is_none() => self.today_at_world(row),
            _ => self.today_in_china(),
        }
    }

    /// The earliest of today at these places (the candidates of one query).
    pub fn earliest_today_at<'d>(self, places: impl IntoIterator<Item = Place<'d>>) -> NaiveDate {
        places
            .into_iter()
            .map(|place| self.today_at(place))
            .min()
            .unwrap_or_else(|| self.today_in_china())
    }

    fn today_at_world(self, row: &WorldPlace) -> NaiveDate {
        zones_of(row)
            .iter()
            .filter_map(|zone| self.today_in(zone))
            .min()
            .unwrap_or_else(|| self.date_at_offset(EARLIEST_SECONDS_EAST))
    }
}

/// A place's zone, or the zones of its towns when it has no one zone; a subdivision without
/// towns has its country's.
fn zones_of(row: &WorldPlace) -> BTreeSet<&'static str> {
    if let Some(zone) = row.time_zone() {
        return BTreeSet::from([zone]);
    }
    let world = World::bundled();
    let within = |town: &WorldPlace| match row.kind {
        PlaceKind::Country => world.country_of(town) == Some(row),
        PlaceKind::Subdivision => world.subdivision_of(town) == Some(row),
        PlaceKind::City => false,
    };
    let zones: BTreeSet<&'static str> = world
        .places()
        .filter(|place| place.kind == PlaceKind::City && within(place))
        .filter_map(WorldPlace::time_zone)
        .collect();
    match world.country_of(row) {
        Some(country) if zones.is_empty() && row.kind == PlaceKind::Subdivision => {
            zones_of(country)
        }
        _ => zones,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Now {
        Now::from_environment(|_| Some(text.to_string())).expect("a moment")
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    fn place(code: &str) -> Place<'static> {
        Place::World(World::bundled().by_code(code).expect("a row"))
    }

    #[test]
    fn every_zone_of_the_world_table_is_known() {
        let now = at("2026-12-07T20:00:00Z");
        let zones: BTreeSet<&str> = World::bundled()
            .places()
            .filter_map(WorldPlace::time_zone)
            .collect();
        for zone in zones {
            assert!(now.today_in(zone).is_some(), "{zone}");
        }
    }

    #[test]
    fn each_place_has_its_own_today() {
        let now = at("2026-12-07T20:00:00Z");
        assert_eq!(now.today_in_china(), day("2026-12-08"));
        // Colorado (UTC−7) is still on the 7th, New South Wales on the 8th.
        assert_eq!(now.today_at(place("US-CO")), day("2026-12-07"));
        assert_eq!(now.today_at(place("AU-NSW")), day("2026-12-08"));
        // The United States spans zones: the earliest of its towns' dates.
        assert_eq!(now.today_at(place("US")), day("2026-12-07"));
        // A subdivision without towns of its own: its country's zone.
        assert_eq!(now.today_at(place("FR-IDF")), day("2026-12-07"));
        let late = at("2026-12-07T23:30:00Z");
        assert_eq!(late.today_at(place("FR-IDF")), day("2026-12-08"));
    }

    #[test]
    fn a_moment_that_is_not_one_is_refused_with_its_text() {
        assert_eq!(
            Now::from_environment(|_| Some("tomorrow".to_string())),
            Err("tomorrow".to_string())
        );
        assert_eq!(
            at("2026-12-07T20:00:00+08:00").today_in_china(),
            day("2026-12-07")
        );
    }
}
