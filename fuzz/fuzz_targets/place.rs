//! Place resolution, normalising and travel-date parsing on arbitrary text: none may panic, a
//! successful reading is never empty, and normalising twice changes nothing.
#![no_main]

use std::sync::OnceLock;

use edl::data::Divisions;
use edl::place::{Gazetteer, Reading, normalise};
use libfuzzer_sys::fuzz_target;

static GAZETTEER: OnceLock<Gazetteer<'static>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let gazetteer = GAZETTEER.get_or_init(|| Gazetteer::new(Divisions::bundled()));
    match gazetteer.read(text) {
        Ok(Reading::One(found)) => assert!(
            !found.places.is_empty(),
            "read({text:?}) returned a place with no candidates"
        ),
        Ok(Reading::Several(stops)) => assert!(
            stops.len() > 1 && stops.iter().all(|(_, found)| !found.places.is_empty()),
            "read({text:?}) returned {} stops",
            stops.len()
        ),
        Err(_) => {}
    }
    let once = normalise(text);
    assert_eq!(
        normalise(&once),
        once,
        "normalise({text:?}) is not idempotent"
    );
    let _ = edl::dates::parse_travel_date(text);
});
