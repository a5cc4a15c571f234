//! Place resolution and travel-date parsing on arbitrary text: neither may panic, and a
//! successful resolution is never empty.
#![no_main]

use std::sync::OnceLock;

use edl::data::Divisions;
use edl::place::Gazetteer;
use libfuzzer_sys::fuzz_target;

static GAZETTEER: OnceLock<Gazetteer<'static>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let gazetteer = GAZETTEER.get_or_init(|| Gazetteer::new(Divisions::bundled()));
    if let Ok(candidates) = gazetteer.resolve(text) {
        assert!(
            !candidates.is_empty(),
            "resolve({text:?}) returned Ok with no candidates"
        );
    }
    let _ = edl::cli::parse_travel_date(text);
});
