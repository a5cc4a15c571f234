//! Rollout-file validation on arbitrary text: it may not panic, every error has a 1-based
//! position, and a file it accepts yields an availability for every division tried.
#![no_main]

use edl::data::{Divisions, Rollout};
use libfuzzer_sys::fuzz_target;

mod shared;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let divisions = Divisions::bundled();
    match Rollout::parse(text, "fuzz.toml", divisions) {
        Ok(rollout) => {
            // Window computation on an accepted file: every 100th division, plus the last.
            for division in divisions.iter().step_by(100).chain(divisions.iter().last()) {
                let _ = rollout.availability(division, divisions);
            }
        }
        Err(errors) => shared::assert_placed(&errors),
    }
});
