//! Micro-benchmarks for the two steps of every answer: resolving what a person typed, and
//! judging a place on a date. Run with `cargo bench`; whole-process timings are in bench/run.

use chrono::NaiveDate;
use divan::{Bencher, black_box};
use edl::data::{Dataset, Divisions};
use edl::place::Gazetteer;
use edl::verdict::{self, LicenseState, Query};

fn main() {
    divan::main();
}

const QUERIES: [&str; 10] = [
    "成都",
    "chengdu",
    "510100",
    "xi'an",
    "suzhou, jiangsu",
    "江苏省苏州市昆山市花桥镇",
    "Sydney",
    "Austin, TX",
    "Paris",
    "AU-NSW",
];

#[divan::bench(args = QUERIES)]
fn resolve(query: &str) -> usize {
    let gazetteer = Gazetteer::new(Divisions::bundled());
    gazetteer
        .resolve(black_box(query))
        .map_or(0, |found| found.places.len())
}

#[divan::bench]
fn resolve_unknown_with_suggestions() -> usize {
    let gazetteer = Gazetteer::new(Divisions::bundled());
    gazetteer
        .resolve(black_box("chengdoo"))
        .map_or(1, |found| found.places.len())
}

#[divan::bench(args = ["成都", "拉萨", "昆山"])]
fn assess(bencher: Bencher, name: &str) {
    let dataset = Dataset::bundled();
    let place = Gazetteer::new(dataset.divisions)
        .resolve(name)
        .expect("a known place")
        .places[0];
    let on = NaiveDate::from_ymd_opt(2021, 11, 1).expect("a date");
    bencher.bench_local(|| verdict::assess_place(&dataset, black_box(place), on).status);
}

#[divan::bench]
fn judge_a_three_stop_trip(bencher: Bencher) {
    let dataset = Dataset::bundled();
    let gazetteer = Gazetteer::new(dataset.divisions);
    let on = NaiveDate::from_ymd_opt(2021, 11, 1).expect("a date");
    bencher.bench_local(|| {
        let stops = ["北京", "天津", "石家庄"]
            .map(|name| {
                let query = Query::new(
                    name.to_string(),
                    gazetteer.resolve(name).expect("known"),
                    &gazetteer,
                );
                (query, on)
            })
            .into();
        verdict::judge(&dataset, on, LicenseState::Normal, stops, None).map(|trip| trip.verdict)
    });
}
