//! Schemes-file validation on arbitrary text: it may not panic, every error has a 1-based
//! position, and a file it accepts can judge a holder at a stop.
#![no_main]

use chrono::NaiveDate;
use edl::data::schemes::{Holder, Schemes, Stage, Territory};
use libfuzzer_sys::fuzz_target;

mod shared;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Schemes::parse(text, "fuzz.toml") {
        Ok(schemes) => {
            let home: Vec<Territory> = ["AU-NSW", "AU"]
                .iter()
                .filter_map(|c| Territory::parse(c))
                .collect();
            let stop: Vec<Territory> = ["AU-QLD", "AU"]
                .iter()
                .filter_map(|c| Territory::parse(c))
                .collect();
            let on = NaiveDate::from_ymd_opt(2025, 1, 1).expect("a date");
            for home in [Some(home.as_slice()), None] {
                for has_digital in [false, true] {
                    let holder = Holder {
                        home,
                        stage: Stage::Learner,
                        issued: None,
                        kind: None,
                        has_digital,
                    };
                    let _ = schemes.judge(&holder, &stop, on);
                }
            }
            let _ = schemes.frees(&home, on);
        }
        Err(errors) => shared::assert_placed(&errors),
    }
});
