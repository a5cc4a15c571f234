//! Recognition-file validation on arbitrary text: it may not panic, every error has a 1-based
//! position, and a file it accepts can judge licences across borders, each finding carrying
//! the card unless the licence is not valid.
#![no_main]

use chrono::NaiveDate;
use edl::data::recognition::{Document, Needs, Recognition};
use edl::data::schemes::Territory;
use libfuzzer_sys::fuzz_target;

mod shared;

fn place(codes: &[&str]) -> Vec<Territory> {
    codes.iter().filter_map(|c| Territory::parse(c)).collect()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Recognition::parse(text, "fuzz.toml") {
        Ok(file) => {
            let places = [
                place(&["AU", "AU-NSW"]),
                place(&["AU", "AU-QLD"]),
                place(&["CN", "CN-SC"]),
                place(&["JP", "JP-13"]),
                place(&["TW"]),
                place(&["PL"]),
                place(&["PE"]),
            ];
            for on in [(2019, 9, 20), (2026, 12, 1)] {
                let on = NaiveDate::from_ymd_opt(on.0, on.1, on.2).expect("a date");
                for licence in &places {
                    for destination in &places {
                        let Some(finding) = file.judge(licence, destination, on) else {
                            continue;
                        };
                        match finding.needs {
                            Needs::NotValid => assert!(finding.carry.is_empty()),
                            Needs::NoSource => {
                                assert_eq!(finding.carry, [Document::LicenceCard]);
                                assert!(finding.basis.is_none());
                            }
                            _ => assert!(!finding.carry.is_empty() && finding.basis.is_some()),
                        }
                    }
                }
            }
        }
        Err(errors) => shared::assert_placed(&errors),
    }
});
