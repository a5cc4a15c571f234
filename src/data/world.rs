//! The world outside China's divisions: the generated `data/world.csv` (every country, every
//! first-level subdivision, and towns of 10,000 people or more, 1,000 in AU and CA, from ISO
//! 3166 and GeoNames), compiled by `build.rs` into static tables, and the lookups on them: by name or code, up the
//! chain (town → subdivision → country), the link of a row to the GB/T 2260 division it is
//! (CN, HK, MO, TW), and which of several same-name places is far more prominent.
//!
//! It only says what places a text can name. Reading an address, asking when a name is
//! ambiguous and merging with the divisions' answers is `place`'s business; the links make
//! sure a query never meets one place twice: towns the divisions name are not in this table.

use super::divisions::{Code, Division, Divisions};
pub use super::keys::place_key;
use super::sample::Sample;

include!(concat!(env!("OUT_DIR"), "/world_table.rs"));

/// The subdivision row of a place that has none (a country, or a town outside the countries
/// whose towns carry one).
const NO_ROW: u16 = u16::MAX;

/// A state or province outranks a foreign town of the same name with fewer people than this
/// (Vermont the state, not Vermont in Victoria, 4,000 people), never a bigger one (Ontario,
/// California, 175,000).
pub const SMALL_TOWN: u32 = 100_000;

/// A population this many times the next candidate's makes a town the one meant by its name.
pub const FAR_MORE_POPULOUS: u32 = 10;

/// What sort of place a row is, from the widest down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceKind {
    /// A country or territory with an ISO 3166-1 code (and Kosovo, XK).
    Country,
    /// A first-level subdivision with an ISO 3166-2 code: a state, province, region …
    Subdivision,
    /// A town: a GeoNames populated place of 10,000 people or more (1,000 in AU and CA).
    City,
}

impl PlaceKind {
    pub fn id(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Subdivision => "subdivision",
            PlaceKind::City => "city",
        }
    }
}

/// Which name of a place a query met.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Via {
    /// Its code: ISO alpha-2 or alpha-3, or ISO 3166-2 (`AU`, `AUS`, `AU-NSW`).
    Code,
    /// A subdivision's abbreviation (`NSW`, `TX`).
    Abbreviation,
    /// Its English (or ISO) name.
    Name,
    /// Its Chinese name.
    Chinese,
    /// Another name: an official or short name, an exonym (Kiev).
    Alternate,
    /// Another Chinese name: traditional forms, other transliterations (雪梨).
    ChineseAlternate,
}

/// What a world row is in the divisions table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DivisionLink {
    /// The country whose places the divisions table lists (CN), save those it links to rows of
    /// their own.
    Whole,
    /// This division (HK 810000, MO 820000, TW 710000, CN-SC 510000, TW-TPE 710100 …).
    Division(Code),
}

fn text(start: u32, len: u8) -> &'static str {
    let start = start as usize;
    &WORLD_TEXT[start..start + usize::from(len)]
}

/// One entry of the index: a key (offset and length in `WORLD_TEXT`), the row it names and how.
/// Eight bytes: there are some 80,000.
#[derive(Clone, Copy, Debug)]
struct E {
    k: u32,
    l: u8,
    v: Via,
    r: u16,
}

impl E {
    fn key(self) -> &'static str {
        text(self.k, self.l)
    }
}

/// One of a row's other names.
#[derive(Clone, Copy, Debug)]
struct N {
    s: u32,
    l: u8,
    v: Via,
}

type P = WorldPlace;

/// One country, subdivision or town: 24 bytes, as there are some 46,000.
#[derive(Debug, PartialEq, Eq)]
pub struct WorldPlace {
    pub kind: PlaceKind,
    /// A national capital.
    pub capital: bool,
    /// Row of the country (countries come first).
    country: u8,
    /// Lengths of the code, the name and the Chinese name, which sit side by side from `text`.
    lens: [u8; 3],
    subdivision: u16,
    text: u32,
    /// The first of the row's other names in `NAMES`; they end where the next row's start.
    names: u32,
    /// 0 when GeoNames has none (and for subdivisions).
    population: u32,
    /// 0: none; 1: the mainland; else a GB/T 2260 code.
    link: u32,
}

impl WorldPlace {
    fn part(&self, index: usize) -> &'static str {
        let before: u32 = self.lens[..index].iter().map(|&l| u32::from(l)).sum();
        text(self.text + before, self.lens[index])
    }

    /// The ISO code of a country or subdivision (`AU`, `AU-NSW`), a town's GeoNames id.
    pub fn code(&self) -> &'static str {
        self.part(0)
    }

    /// The English name (a subdivision's ISO name, often in the local language: `São Paulo`).
    pub fn name(&self) -> &'static str {
        self.part(1)
    }

    /// The Chinese name, where the sources have one.
    pub fn zh(&self) -> Option<&'static str> {
        Some(self.part(2)).filter(|zh| !zh.is_empty())
    }

    /// From GeoNames (countries and towns); subdivisions have none.
    pub fn population(&self) -> Option<u32> {
        Some(self.population).filter(|&n| n > 0)
    }

    /// This row's place in the one static array of rows.
    fn row(&self) -> usize {
        (self as *const WorldPlace as usize - PLACES.as_ptr() as usize)
            / std::mem::size_of::<WorldPlace>()
    }

    /// The IANA time zone (`Australia/Sydney`): a town's from GeoNames; a country's or
    /// subdivision's when all its towns share one, else none.
    pub fn time_zone(&self) -> Option<&'static str> {
        Some(ZONES[usize::from(ZONE[self.row()])]).filter(|zone| !zone.is_empty())
    }

    /// The other names, codes and abbreviations (not the name or the Chinese name).
    pub fn other_names(&self) -> impl Iterator<Item = (&'static str, Via)> + use<> {
        let start = self.names as usize;
        // Rows are one static array, so the next row is the one after this in memory.
        let row = self.row();
        let end = PLACES
            .get(row + 1)
            .map_or(NAMES.len(), |next| next.names as usize);
        NAMES[start..end].iter().map(|n| (text(n.s, n.l), n.v))
    }

    /// The GB/T 2260 division this row is, for China, Hong Kong, Macau, Taiwan and the ISO
    /// subdivisions of CN and TW.
    pub fn division_code(&self) -> Option<DivisionLink> {
        match self.link {
            0 => None,
            1 => Some(DivisionLink::Whole),
            code => Some(DivisionLink::Division(Code::from_raw(code))),
        }
    }
}

/// The whole table.
#[derive(Debug)]
pub struct World {
    places: &'static [WorldPlace],
    index: &'static [E],
    sample: Sample,
}

static BUNDLED: World = World {
    places: &PLACES,
    index: &INDEX,
    sample: Sample::new(&SAMPLE.0, &SAMPLE.1),
};

impl World {
    /// The bundled table.
    pub fn bundled() -> &'static World {
        &BUNDLED
    }

    /// Every place.
    pub fn places(&self) -> impl Iterator<Item = &WorldPlace> {
        self.places.iter()
    }

    /// The places a text names, with how: by the key of the text (any case, accents optional,
    /// Chinese as it is) and, for a text in Latin letters, digits and hyphens, by code or
    /// abbreviation in any case (`au-nsw`, `Aus`, `nsw`). In index order: by key, then row (countries, subdivisions, towns).
    pub fn matches(&self, text: &str) -> impl Iterator<Item = (&WorldPlace, Via)> + '_ {
        let text = text.trim();
        // N.Y. and U.S. are abbreviations written with points.
        let bare = text.replace('.', "");
        let code = (!bare.is_empty()
            && bare.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        .then(|| bare.to_ascii_uppercase());
        let key = place_key(text);
        let by_key = self.entries(&key);
        let by_code = code.map_or(&[][..], |code| {
            if code == *key {
                &[][..]
            } else {
                self.entries(&code)
            }
        });
        by_key
            .iter()
            .chain(
                by_code
                    .iter()
                    .filter(|e| matches!(e.v, Via::Code | Via::Abbreviation)),
            )
            .map(|e| (&self.places[usize::from(e.r)], e.v))
    }

    /// The places a text names (see `matches`), each once.
    pub fn lookup(&self, text: &str) -> impl Iterator<Item = &WorldPlace> + '_ {
        let mut seen: Vec<*const WorldPlace> = Vec::new();
        self.matches(text).filter_map(move |(place, _)| {
            let id = place as *const WorldPlace;
            (!seen.contains(&id)).then(|| {
                seen.push(id);
                place
            })
        })
    }

    /// The country or subdivision with this ISO code (alpha-2, alpha-3 or ISO 3166-2, any case).
    pub fn by_code(&self, code: &str) -> Option<&WorldPlace> {
        let code = code.trim().to_ascii_uppercase();
        self.entries(&code)
            .iter()
            .find(|e| e.v == Via::Code)
            .map(|e| &self.places[usize::from(e.r)])
    }

    /// The place, then its subdivision and its country, as far as they are known
    /// (Sydney → New South Wales → Australia).
    pub fn chain<'a>(&'a self, place: &'a WorldPlace) -> impl Iterator<Item = &'a WorldPlace> {
        let subdivision = self.subdivision_of(place).filter(|s| *s != place);
        let country = self.country_of(place).filter(|c| *c != place);
        std::iter::once(place).chain(subdivision).chain(country)
    }

    /// The country a place is in (a country is its own).
    pub fn country_of(&self, place: &WorldPlace) -> Option<&WorldPlace> {
        self.places.get(usize::from(place.country))
    }

    /// The first-level subdivision a place is in (a subdivision is its own), where known.
    pub fn subdivision_of(&self, place: &WorldPlace) -> Option<&WorldPlace> {
        (place.subdivision != NO_ROW).then(|| &self.places[usize::from(place.subdivision)])
    }

    /// Of several places that share a name, the one it means when it stands alone, if one
    /// stands out, by the rule the divisions follow (the widest place, if alone at its level)
    /// with capitals and population for towns:
    /// 1. the only country among them (Georgia, the country; CA, Canada);
    /// 2. the only national capital, when every subdivision among them is in its country
    ///    (Paris; Buenos Aires, the city, not the province; Kyiv, the city, not UA-30), unless
    ///    one of them lies in another time zone (Washington: the state or the city, asked);
    /// 3. the only subdivision, when every town among them is in its country or smaller than
    ///    `SMALL_TOWN` (Texas; São Paulo, the state; Vermont, not the town in Victoria);
    /// 4. among towns only: the one with `FAR_MORE_POPULOUS` times the next one's people
    ///    (Sydney, 5.6 million, not Sydney, Nova Scotia, 106,000).
    ///
    /// None otherwise (Springfield, Portland, Victoria): the caller asks.
    pub fn prominent<'a>(&self, places: &[&'a WorldPlace]) -> Option<&'a WorldPlace> {
        if let [one] = places {
            return Some(one);
        }
        let only = |kind: PlaceKind| {
            let mut of_kind = places.iter().filter(|p| p.kind == kind);
            match (of_kind.next(), of_kind.next()) {
                (Some(one), None) => Some(*one),
                _ => None,
            }
        };
        let count = |kind: PlaceKind| places.iter().filter(|p| p.kind == kind).count();
        if count(PlaceKind::Country) > 0 {
            return only(PlaceKind::Country);
        }
        let mut capitals = places.iter().filter(|p| p.capital);
        if let (Some(capital), None) = (capitals.next(), capitals.next()) {
            let subdivisions = || places.iter().filter(|p| p.kind == PlaceKind::Subdivision);
            if subdivisions().all(|p| p.country == capital.country) {
                // A subdivision in another time zone is not the capital's surroundings but a
                // place of its own, as likely meant (Washington, the state, a continent from
                // Washington, D.C.): the caller asks.
                let far = subdivisions().any(|p| {
                    !self
                        .subdivision_of(capital)
                        .is_some_and(|own| std::ptr::eq(*p, own))
                        && p.time_zone().is_some()
                        && p.time_zone() != capital.time_zone()
                });
                return (!far).then_some(*capital);
            }
        }
        if count(PlaceKind::Subdivision) > 0 {
            return only(PlaceKind::Subdivision).filter(|subdivision| {
                places.iter().all(|p| {
                    p.country == subdivision.country
                        || (p.kind == PlaceKind::City && !p.capital && p.population < SMALL_TOWN)
                })
            });
        }
        let mut by_people: Vec<u32> = places.iter().map(|p| p.population).collect();
        by_people.sort_unstable_by(|a, b| b.cmp(a));
        match by_people[..] {
            [first, second, ..] if first >= second.saturating_mul(FAR_MORE_POPULOUS) => {
                places.iter().find(|p| p.population == first).copied()
            }
            _ => None,
        }
    }

    /// The country or subdivision row that is this division (810000 Hong Kong, 510000 CN-SC,
    /// 710100 TW-TPE), if any.
    pub fn of_division(&self, code: Code) -> Option<&WorldPlace> {
        // From build.rs, sorted: gathering them from the rows read some 90 KB of the binary at
        // every check (every place asks for its country).
        let at = LINKED.partition_point(|&(link, _)| link < code.value());
        LINKED
            .get(at)
            .filter(|&&(link, _)| link == code.value())
            .map(|&(_, row)| &self.places[usize::from(row)])
    }

    /// The rows a division is or lies in, most specific first: the row of the first division up
    /// its chain that the gazetteer links (成都 → CN-SC → CN; 金门, which the divisions list
    /// names under 泉州, → TW-KIN → TW; a district of Hong Kong → HK).
    pub fn rows_of_division<'a>(
        &'a self,
        divisions: &Divisions,
        division: &Division,
    ) -> impl Iterator<Item = &'a WorldPlace> + use<'a> {
        divisions
            .chain(division)
            .find_map(|d| self.of_division(d.code))
            .into_iter()
            .flat_map(move |row| self.chain(row))
    }

    /// Whether a division lies in the divided country, whose places the rollout's windows are
    /// for: not 金门, nor any place of Hong Kong, Macau or Taiwan.
    pub fn in_divided_country(&self, divisions: &Divisions, division: &Division) -> bool {
        self.divided_country().is_some_and(|country| {
            self.rows_of_division(divisions, division)
                .any(|row| std::ptr::eq(row, country))
        })
    }

    /// The country whose places the divisions table lists (CN), linked to the whole table.
    pub fn divided_country(&self) -> Option<&WorldPlace> {
        // LINKED is sorted and the whole table's link is 1: it is first where it is at all.
        LINKED
            .first()
            .filter(|&&(link, _)| link == 1)
            .map(|&(_, row)| &self.places[usize::from(row)])
    }

    /// The index entries of a key, found through the sample (see the `sample` module).
    fn entries(&self, key: &str) -> &'static [E] {
        self.sample.run(self.index, key, |e| e.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::divisions::{Divisions, Key};

    fn world() -> &'static World {
        World::bundled()
    }

    /// The one place a text names, found as a standalone name would be.
    fn meant(text: &str) -> &'static WorldPlace {
        let found: Vec<_> = world().lookup(text).collect();
        world()
            .prominent(&found)
            .unwrap_or_else(|| panic!("{text}: no one place among {found:?}"))
    }

    fn chain(place: &WorldPlace) -> Vec<&'static str> {
        world().chain(place).map(WorldPlace::name).collect()
    }

    #[test]
    fn every_town_has_a_time_zone() {
        let towns = world().places().filter(|p| p.kind == PlaceKind::City);
        for town in towns {
            assert!(town.time_zone().is_some(), "{} has no zone", town.name());
        }
        let zone = |text: &str| meant(text).time_zone();
        assert_eq!(zone("Denver"), Some("America/Denver"));
        assert_eq!(
            world().by_code("US-CO").and_then(WorldPlace::time_zone),
            Some("America/Denver")
        );
        assert_eq!(zone("Sydney"), Some("Australia/Sydney"));
        // Several zones: Broken Hill keeps its own; the United States spans six.
        assert_eq!(zone("New South Wales"), None);
        assert_eq!(world().by_code("US").and_then(WorldPlace::time_zone), None);
    }

    #[test]
    fn sydney_and_new_south_wales_by_every_name() {
        for text in [
            "NSW",
            "New South Wales",
            "AU-NSW",
            "au-nsw",
            "新南威尔士州",
            "新南威尔士",
        ] {
            let place = meant(text);
            assert_eq!(
                (place.kind, place.code()),
                (PlaceKind::Subdivision, "AU-NSW"),
                "{text}"
            );
            assert_eq!(chain(place), ["New South Wales", "Australia"], "{text}");
        }
        for text in ["Sydney", "sydney", "悉尼", "雪梨"] {
            assert_eq!(
                chain(meant(text)),
                ["Sydney", "New South Wales", "Australia"],
                "{text}"
            );
        }
        let sydneys: Vec<_> = world().lookup("Sydney").map(|p| p.code()).collect();
        assert_eq!(
            sydneys,
            ["2147714", "6354908"],
            "Sydney, NSW and Sydney, Nova Scotia"
        );
    }

    #[test]
    fn austin_texas_and_missoula_montana() {
        let austins: Vec<_> = world()
            .lookup("Austin")
            .map(|p| world().subdivision_of(p).map(WorldPlace::code))
            .collect();
        assert_eq!(austins, [Some("US-TX"), Some("US-MN")]);
        assert_eq!(
            chain(meant("Austin")),
            ["Austin", "Texas", "United States"],
            "974,447 people against 24,563"
        );
        for text in ["Texas", "TX", "US-TX", "得克萨斯州"] {
            assert_eq!(meant(text).code(), "US-TX", "{text}");
        }
        assert_eq!(
            chain(meant("Missoula")),
            ["Missoula", "Montana", "United States"]
        );
        assert_eq!(
            chain(meant("Broome")),
            ["Broome", "Western Australia", "Australia"]
        );
    }

    #[test]
    fn paris_means_the_capital_and_the_others_stay_candidates() {
        let found: Vec<_> = world().lookup("Paris").collect();
        let chosen = world().prominent(&found).expect("Paris stands out");
        assert_eq!(chain(chosen), ["Paris", "Île-de-France", "France"]);
        assert!(chosen.capital);
        let texas = found
            .iter()
            .find(|p| world().subdivision_of(p).map(WorldPlace::code) == Some("US-TX"))
            .expect("Paris, Texas is a candidate");
        assert_eq!(texas.population(), Some(24_782));
    }

    #[test]
    fn springfield_has_several_candidates_none_prominent() {
        let found: Vec<_> = world().lookup("Springfield").collect();
        let mut states: Vec<_> = found
            .iter()
            .filter_map(|p| world().subdivision_of(p).map(WorldPlace::code))
            .collect();
        states.sort_unstable();
        assert_eq!(
            states,
            [
                "AU-QLD", "US-IL", "US-MA", "US-MO", "US-NJ", "US-OH", "US-OR", "US-PA", "US-TN",
                "US-VA"
            ]
        );
        assert_eq!(world().prominent(&found), None);
        let portlands: Vec<_> = world().lookup("Portland").collect();
        assert_eq!(
            world().prominent(&portlands),
            None,
            "Oregon and Maine, and JM-04"
        );
    }

    #[test]
    fn tokyo_seoul_kyiv_and_sao_paulo() {
        for text in ["東京", "东京", "Tokyo", "tokyo"] {
            let place = meant(text);
            assert_eq!(
                world().country_of(place).map(WorldPlace::code),
                Some("JP"),
                "{text}"
            );
            assert_eq!(place.name(), "Tokyo", "{text}");
        }
        assert!(
            meant("Tokyo").capital,
            "the capital, not the prefecture JP-13"
        );
        assert_eq!(
            chain(meant("Tokyo")),
            ["Tokyo", "Tokyo", "Japan"],
            "in its prefecture, JP-13"
        );
        for text in ["首尔", "Seoul", "서울"] {
            let seoul = world()
                .lookup(text)
                .find(|p| p.kind == PlaceKind::City)
                .unwrap_or_else(|| panic!("{text}: no town"));
            assert_eq!(
                chain(seoul),
                ["Seoul", "Seoul-teukbyeolsi", "South Korea"],
                "{text}"
            );
        }
        for text in ["Kyiv", "Kiev", "基辅"] {
            let place = meant(text);
            assert_eq!(
                (place.kind, place.code()),
                (PlaceKind::City, "703448"),
                "{text}"
            );
            assert_eq!(chain(place), ["Kyiv", "Kyiv", "Ukraine"], "{text}");
        }
        for text in ["São Paulo", "Sao Paulo", "SAO PAULO", "são paulo"] {
            let found: Vec<_> = world().lookup(text).collect();
            let city = found
                .iter()
                .find(|p| p.kind == PlaceKind::City && p.population() > Some(10_000_000))
                .unwrap_or_else(|| panic!("{text}: no city São Paulo"));
            assert_eq!(chain(city), ["São Paulo", "São Paulo", "Brazil"], "{text}");
            assert_eq!(
                meant(text).code(),
                "BR-SP",
                "{text}: the state, as 四川 is the province"
            );
        }
    }

    #[test]
    fn hong_kong_macau_taiwan_and_china_link_their_divisions() {
        for (text, link) in [
            ("HK", 810000),
            ("Hong Kong", 810000),
            ("hkg", 810000),
            ("MO", 820000),
            ("Macao", 820000),
            ("TW", 710000),
            ("Taiwan", 710000),
        ] {
            let place = meant(text);
            assert_eq!(place.kind, PlaceKind::Country, "{text}");
            assert_eq!(
                place.division_code(),
                Some(DivisionLink::Division(Code::from_raw(link))),
                "{text}"
            );
        }
        assert_eq!(meant("China").division_code(), Some(DivisionLink::Whole));
        assert_eq!(
            world().by_code("CN-SC").and_then(WorldPlace::division_code),
            Some(DivisionLink::Division(Code::from_raw(510000)))
        );
        assert_eq!(
            world()
                .by_code("TW-TPE")
                .and_then(WorldPlace::division_code),
            Some(DivisionLink::Division(Code::from_raw(710100)))
        );
    }

    /// A query must never meet one place twice: no town of the mainland, and no town of HK,
    /// MO or TW that the divisions or their aliases already name.
    #[test]
    fn no_town_copies_a_division() {
        let divisions = Divisions::bundled();
        let outside = |p: &&WorldPlace| {
            let country = world().country_of(p).map(WorldPlace::code);
            p.kind == PlaceKind::City && matches!(country, Some("HK" | "MO" | "TW"))
        };
        for text in [
            "Taipei",
            "台北",
            "臺北",
            "Kowloon",
            "九龙",
            "Hong Kong",
            "香港",
            "Macau",
        ] {
            let towns: Vec<_> = world().lookup(text).filter(outside).collect();
            assert!(towns.is_empty(), "{text}: {towns:?}");
        }
        assert!(divisions.lookup(Key::Short, "台北").next().is_some());
        for place in world().places().filter(|p| p.kind == PlaceKind::City) {
            let country = world().country_of(place).map(WorldPlace::code);
            assert_ne!(country, Some("CN"), "{place:?}");
            if !matches!(country, Some("HK" | "MO" | "TW")) {
                continue;
            }
            let province = match country {
                Some("HK") => 81,
                Some("MO") => 82,
                _ => 71,
            };
            let mut names: Vec<&str> = place
                .other_names()
                .filter(|(_, via)| *via == Via::ChineseAlternate)
                .map(|(n, _)| n)
                .collect();
            names.extend(place.zh());
            names.push(place.name());
            for name in names {
                let same = divisions
                    .lookup(Key::Name, name)
                    .chain(divisions.lookup(Key::Short, name))
                    .chain(divisions.lookup(Key::Pinyin, &place_key(name)))
                    .chain(divisions.aliases(name).map(|(_, d)| d))
                    .find(|d| d.code.value() / 10_000 == province);
                assert_eq!(same, None, "{} {name}", place.name());
            }
        }
    }

    /// Every country by its alpha-2 and alpha-3 codes and English name, every subdivision by
    /// its ISO code.
    #[test]
    fn every_code_and_country_name_finds_its_row() {
        let mut countries = 0;
        let mut subdivisions = 0;
        for place in world().places() {
            match place.kind {
                PlaceKind::Country => {
                    countries += 1;
                    let alpha3 = place
                        .other_names()
                        .find(|(_, via)| *via == Via::Code)
                        .map(|(code, _)| code)
                        .expect("an alpha-3 code");
                    for text in [place.code(), alpha3] {
                        assert_eq!(world().by_code(text), Some(place), "{text}");
                        assert!(world().lookup(text).any(|p| p == place), "{text}");
                    }
                    let named: Vec<_> = world().lookup(place.name()).collect();
                    assert!(named.contains(&place), "{}", place.name());
                    assert_eq!(world().prominent(&named), Some(place), "{}", place.name());
                }
                PlaceKind::Subdivision => {
                    subdivisions += 1;
                    assert_eq!(world().by_code(place.code()), Some(place));
                    let lower = place.code().to_ascii_lowercase();
                    assert!(world().lookup(&lower).any(|p| p == place), "{lower}");
                    assert_eq!(world().subdivision_of(place), Some(place));
                }
                PlaceKind::City => {}
            }
        }
        assert_eq!((countries, subdivisions), (250, 3590));
    }

    /// The sampled lookup finds, for every key, exactly the run of entries a scan of the whole
    /// index finds, and nothing for texts between keys, before the first or after the last.
    #[test]
    fn sampled_lookup_finds_what_a_scan_finds() {
        let index = &world().index;
        let mut start = 0;
        let mut runs = 0;
        while start < index.len() {
            let key = index[start].key();
            let len = index[start..].iter().take_while(|e| e.key() == key).count();
            if let Some(next) = index.get(start + len) {
                assert!(
                    key < next.key(),
                    "the index is sorted: {key} {}",
                    next.key()
                );
            }
            let found = world().entries(key);
            assert_eq!(
                (found.as_ptr(), found.len()),
                (index[start..].as_ptr(), len),
                "{key}"
            );
            // Just after this key and before the next: nothing, as a scan finds.
            let after = format!("{key}\u{0}");
            assert!(
                index
                    .iter()
                    .skip(start)
                    .take(len + 1)
                    .all(|e| e.key() != after)
            );
            assert!(world().entries(&after).is_empty(), "{after:?}");
            start += len;
            runs += 1;
        }
        assert!(runs > 70_000, "{runs} keys");
        for text in ["", "\u{0}", "\u{10FFFF}", "zzzzzzzz"] {
            let scanned = index.iter().filter(|e| e.key() == text).count();
            assert_eq!(world().entries(text).len(), scanned, "{text:?}");
        }
    }

    /// The generated list of linked rows is every country and subdivision that is a division;
    /// where two are one division (HK and CN-HK), the division's row is the first, the country.
    #[test]
    fn of_division_finds_every_linked_row() {
        let mut linked = 0;
        let mut first = std::collections::HashMap::new();
        for place in world().places().filter(|p| p.kind != PlaceKind::City) {
            if let Some(DivisionLink::Division(code)) = place.division_code() {
                let first = *first.entry(code.value()).or_insert(place);
                assert_eq!(world().of_division(code), Some(first), "{code}");
                linked += 1;
            }
        }
        // And the divided country, linked to the whole table.
        assert_eq!(linked + 1, LINKED.len());
        assert_eq!(world().divided_country().map(|p| p.code()), Some("CN"));
        assert_eq!(
            world().of_division(Code::from_raw(810000)).map(|p| p.kind),
            Some(PlaceKind::Country)
        );
        assert_eq!(
            world().of_division(Code::from_raw(510100)),
            None,
            "成都 is no row"
        );
    }

    /// The table's weight in the binary is mostly these two arrays (46,435 and 80,126 long).
    #[test]
    fn rows_and_index_entries_stay_small() {
        assert_eq!(std::mem::size_of::<WorldPlace>(), 24);
        assert_eq!(std::mem::size_of::<E>(), 8);
        assert_eq!(std::mem::size_of::<N>(), 8);
    }

    #[test]
    fn keys_fold_accents_and_case_and_keep_chinese() {
        assert_eq!(place_key("São Paulo"), "saopaulo");
        assert_eq!(place_key("Kraków"), "krakow");
        assert_eq!(place_key("Łódź"), "lodz");
        assert_eq!(place_key("Straße"), "strasse");
        assert_eq!(place_key("Kiev"), "kiev");
        assert_eq!(place_key("悉尼"), "悉尼");
        assert_eq!(place_key("Москва"), "москва");
    }
}
