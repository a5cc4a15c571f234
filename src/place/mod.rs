//! Turning what a person typed into divisions: Chinese names (full, short, or the start of an
//! address), pinyin with or without syllable marks or tone marks, six-digit codes, any of these
//! qualified by a province ("suzhou, anhui"), and several places in one argument ("上海 苏州").
//! A query that fits several divisions returns them all, unless a bare short name names exactly
//! one division at the highest level it matches (西安 is the city, not 辽源's 西安区): then that
//! one, with a note naming the others. Anything else left to choose is the caller's business,
//! never a silent guess here.
//!
//! Beyond China's divisions the world gazetteer names countries, their first-level
//! subdivisions and their towns (Sydney, NSW, "Austin, TX", 悉尼). A query is read in the
//! divisions table and among the world's names alike: a world row the divisions table has
//! (Hong Kong, Taipei, CN-SC) is that division, never a second copy, and a query that fits
//! both a division and a world place asks which, as no prominence reaches across the
//! mainland's edge.

mod normalise;

use std::fmt;

pub use normalise::normalise;

use crate::data::aliases::pinyin_key;
use crate::data::divisions::Key;
use crate::data::schemes::Territory;
use crate::data::world::{
    DivisionLink, PlaceKind, SMALL_TOWN, Via as WorldVia, World, WorldPlace, place_key,
};
use crate::data::{Alias, AliasKind, Code, Division, Divisions, Level};

/// The most words a place, its region and its country written with spaces alone are read
/// in: each way of cutting them is a lookup.
const MAX_SPACED_WORDS: usize = 8;

/// Short forms in everyday use that the suffix rules do not make.
const CHINESE_SHORT_FORMS: &[(&str, &str)] = &[("内蒙", "150000")];

/// The names NBS lists for levels that are no divisions (市辖区 under a municipality, the
/// 省直辖县级行政区划 above Hainan's counties): addresses copied from such lists carry them.
const FILLERS: [&str; 4] = [
    "省直辖县级行政区划",
    "自治区直辖县级行政区划",
    "市辖区",
    "县",
];

/// Units that a short name followed by them makes another place than the division: a former
/// 地区 (柳州地区, now split), a town (镇) or a township (乡).
const OTHER_LEVELS: [&str; 3] = ["地区", "镇", "乡"];

/// What a road name adds to a place name: 绍兴路 and 南京西路 are streets, not 绍兴 or 南京.
const ROAD_WORDS: [&str; 7] = ["大道", "大街", "胡同", "路", "街", "巷", "弄"];

/// The longest query worth reading: the longest address start is far shorter.
pub const MAX_QUERY_BYTES: usize = 512;

/// No division's full name is longer (新疆维吾尔自治区 and the longest autonomous counties are
/// shorter): an address is read with prefixes up to this many characters.
const MAX_NAME_CHARS: usize = 20;

/// A query shorter than this is never read as a mistyped region: too many names are near it.
const MIN_MISTYPED_LETTERS: usize = 5;

/// Suggestions are edit distances against every name: only for queries a person could mistype.
const MAX_SUGGEST_CHARS: usize = 40;

/// Readings of an address tried before the best so far is taken: any input costs bounded work.
const MAX_READINGS: usize = 256;

/// Why a query matched nothing usable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlaceError {
    Empty,
    /// Longer than any place name or address start; refused before any work is done on it.
    TooLong {
        bytes: usize,
    },
    Unknown {
        query: String,
        suggestions: Vec<Code>,
    },
    /// Several places in one argument where one place is wanted (`show`, `--home`).
    Several {
        query: String,
        parts: Vec<String>,
    },
}

impl fmt::Display for PlaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlaceError::Empty => write!(f, "the place is empty: name a city, county or code"),
            PlaceError::TooLong { bytes } => write!(
                f,
                "the place is too long ({bytes} bytes; a place or the start of an address fits in {MAX_QUERY_BYTES})"
            ),
            PlaceError::Unknown { query, .. } => write!(f, "unknown place \"{}\"", query),
            PlaceError::Several { query, parts } => {
                write!(f, "\"{query}\" names {} places; give one", parts.len())
            }
        }
    }
}

impl std::error::Error for PlaceError {}

/// A place a query names: a division of the GB/T 2260 table (the mainland, Hong Kong, Macau
/// and Taiwan) or a place of the world gazetteer that no division is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place<'d> {
    Division(&'d Division),
    World(&'static WorldPlace),
}

impl<'d> Place<'d> {
    pub fn division(self) -> Option<&'d Division> {
        match self {
            Place::Division(division) => Some(division),
            Place::World(_) => None,
        }
    }

    /// Its own name: a division's Chinese name, a world place's English one.
    pub fn name(self) -> &'d str {
        match self {
            Place::Division(division) => division.name(),
            Place::World(place) => place.name(),
        }
    }

    /// The division a place is, or for a world place the one its chain reaches (a town of
    /// Hong Kong: 810000); none for a place beyond China's divisions, or China as a whole.
    pub fn division_in(self, divisions: &'d Divisions) -> Option<&'d Division> {
        match self {
            Place::Division(division) => Some(division),
            Place::World(place) => {
                World::bundled()
                    .chain(place)
                    .find_map(|row| match row.division_code()? {
                        DivisionLink::Division(code) => divisions.get(code),
                        DivisionLink::Whole => None,
                    })
            }
        }
    }

    /// The gazetteer rows a place is in or is, most specific first: the one tree of places. A
    /// division climbs its parents to the first one the gazetteer links to a row (成都 → CN-SC →
    /// CN; 金门, which the divisions list names under 泉州, is TW-KIN → TW; a district of Hong
    /// Kong → HK); a world row climbs its own chain.
    fn rows(self, divisions: &Divisions) -> Vec<&'static WorldPlace> {
        let world = World::bundled();
        match self {
            Place::World(row) => world.chain(row).collect(),
            Place::Division(division) => world.rows_of_division(divisions, division).collect(),
        }
    }

    /// The jurisdictions a place is in, most specific first: `[CN-SC, CN]` for 成都, `[TW-KIN,
    /// TW]` for 金门, `[HK]` for a district of Hong Kong, `[AU-NSW, AU]` for Sydney. Whose roads a
    /// place is on is this and nothing else: the data says it once.
    pub fn territories(self, divisions: &Divisions) -> Vec<Territory> {
        self.rows(divisions)
            .into_iter()
            .filter_map(Territory::of)
            .collect()
    }

    /// The world's country and subdivision rows the place is in or is.
    pub fn regions(
        self,
        divisions: &Divisions,
    ) -> (Option<&'static WorldPlace>, Option<&'static WorldPlace>) {
        let mut rows = self
            .rows(divisions)
            .into_iter()
            .filter(|row| row.kind != PlaceKind::City);
        let first = rows.next();
        let last = rows.next_back().or(first);
        let subdivision = first.filter(|row| row.kind == PlaceKind::Subdivision);
        (
            last.filter(|row| row.kind == PlaceKind::Country),
            subdivision,
        )
    }

    /// A country whose places are the divisions (China as a whole: CN, China, 中国): what it
    /// answers depends on the division.
    pub fn is_divided_country(self) -> bool {
        matches!(self, Place::World(row) if row.division_code() == Some(DivisionLink::Whole))
    }

    /// The same place: one division, or one world row.
    pub fn same(self, other: Place<'_>) -> bool {
        match (self, other) {
            (Place::Division(a), Place::Division(b)) => a.code == b.code,
            (Place::World(a), Place::World(b)) => std::ptr::eq(a, b),
            _ => false,
        }
    }
}

/// What a reading of the query took for granted, to be told to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlaceNote<'d> {
    /// A bare short name taken for the one division at the highest level it names, or a world
    /// name for the place far more prominent than the others (Paris, France); `others` are the
    /// rest, each with a query that reaches it.
    Prominent {
        query: String,
        chosen: Place<'d>,
        /// Each with the query that names it alone, if any.
        others: Vec<(Place<'d>, Option<String>)>,
    },
    /// A former name or code (襄樊, 371200), read as the division that carries it on today, or a
    /// county written under the prefecture it has left (吉林省四平市公主岭市).
    Former {
        alias: &'d Alias,
        division: &'d Division,
    },
    /// No place has the name, but these countries or regions have one a letter or two from
    /// it (Florda: Florida).
    Mistyped { query: String, near: Vec<Place<'d>> },
    /// The query names a small town, and these countries or regions have a name a letter or
    /// two from it (Albert, a town in France, and Alberta).
    NearSpelling { query: String, near: Vec<Place<'d>> },
    /// Only the start of the query names a division; the rest was not read.
    Unread { read: &'d Division, rest: String },
}

/// The divisions one place of a query may be, and what was assumed to find them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved<'d> {
    /// Never empty; divisions first, highest level first, then by code; then world places,
    /// widest first.
    pub places: Vec<Place<'d>>,
    pub notes: Vec<PlaceNote<'d>>,
}

/// A whole argument: one place, or several ("上海 苏州 南京", "北京、天津").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reading<'d> {
    One(Resolved<'d>),
    Several(Vec<(String, Resolved<'d>)>),
}

/// Escapes control characters so that echoing a query cannot drive the terminal.
pub fn escape(text: &str) -> String {
    text.chars()
        .flat_map(char::escape_debug)
        .collect::<String>()
        .replace("\\\"", "\"")
        .replace("\\'", "'")
}

/// How a set of divisions was found; only a bare short name may stand for its most prominent
/// division.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Via {
    Code,
    Name,
    Short,
    Address,
}

/// How a text names a division.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    /// Its full name, in either script (成都市, 蘇州市), or 延边州.
    Full,
    /// Its short name, in either script (成都, 蘇州).
    Short,
    /// Another name: English, an area within it, a former name or code.
    Alias,
}

#[derive(Clone, Copy, Debug)]
struct Named<'d> {
    division: &'d Division,
    form: Form,
    /// The former name or code, where that is how the text names it.
    former: Option<&'d Alias>,
}

/// A former name or code, and the division that carries it on.
type Renamed<'d> = (&'d Alias, &'d Division);

#[derive(Debug)]
struct Found<'d> {
    places: Vec<&'d Division>,
    via: Via,
    /// What an address reading left unread.
    rest: String,
    /// How many divisions an address reading went through (0 for a whole term).
    steps: usize,
    renamed: Vec<Renamed<'d>>,
    /// The world's places the whole term names besides (none is a division).
    world: Vec<&'static WorldPlace>,
}

impl<'d> Found<'d> {
    fn new(places: Vec<&'d Division>, via: Via) -> Option<Found<'d>> {
        (!places.is_empty()).then(|| Found {
            places,
            via,
            rest: String::new(),
            steps: 0,
            renamed: Vec::new(),
            world: Vec::new(),
        })
    }

    /// Only world places.
    fn world(world: Vec<&'static WorldPlace>) -> Option<Found<'d>> {
        (!world.is_empty()).then(|| Found {
            places: Vec::new(),
            via: Via::Name,
            rest: String::new(),
            steps: 0,
            renamed: Vec::new(),
            world,
        })
    }
}

fn renamed<'d>(named: &[Named<'d>]) -> Vec<Renamed<'d>> {
    named
        .iter()
        .filter_map(|n| n.former.map(|alias| (alias, n.division)))
        .collect()
}

/// One reading of an address: the divisions reached, how deep, and where it stopped.
#[derive(Clone, Debug)]
struct Walk<'d> {
    places: Vec<&'d Division>,
    depth: usize,
    end: usize,
    last_full: bool,
    /// The last step was read by no full name (a short or another name): before a road word it
    /// is the road's name (绍兴路, 红星路).
    last_loose: bool,
    renamed: Vec<Renamed<'d>>,
}

impl Walk<'_> {
    /// Deeper readings win; then those that read more.
    fn score(&self) -> (usize, usize) {
        (self.depth, self.end)
    }
}

/// Resolves queries against a divisions table; the table carries its own lookup indexes, so
/// making one costs nothing.
pub struct Gazetteer<'d> {
    divisions: &'d Divisions,
    world: &'static World,
}

impl<'d> Gazetteer<'d> {
    pub fn new(divisions: &'d Divisions) -> Gazetteer<'d> {
        Gazetteer {
            divisions,
            world: World::bundled(),
        }
    }

    pub fn world(&self) -> &'static World {
        self.world
    }

    pub fn divisions(&self) -> &'d Divisions {
        self.divisions
    }

    /// The one place a query names (possibly ambiguous); several places are an error.
    pub fn resolve(&self, query: &str) -> Result<Resolved<'d>, PlaceError> {
        match self.read(query)? {
            Reading::One(resolved) => Ok(resolved),
            Reading::Several(stops) => Err(PlaceError::Several {
                query: query.trim().to_string(),
                parts: stops.into_iter().map(|(part, _)| part).collect(),
            }),
        }
    }

    /// Every place an argument names.
    pub fn read(&self, query: &str) -> Result<Reading<'d>, PlaceError> {
        let trimmed = query.trim();
        if trimmed.len() > MAX_QUERY_BYTES {
            return Err(PlaceError::TooLong {
                bytes: trimmed.len(),
            });
        }
        let text = normalise(trimmed);
        if text.is_empty() {
            return Err(PlaceError::Empty);
        }
        // 天津—北京, 北京/上海, 北京->上海: marks that stand between stops, never inside a name.
        // An address may hold them too (路63—1号, 9/F), and a name (Taita/Taveta): only parts
        // that each name a whole place, or nothing at all, are stops, and only when the whole
        // is no place.
        let whole = self.term(&text, false);
        let whole_place = whole.as_ref().is_some_and(|found| found.rest.is_empty());
        if !whole_place
            && let Some(chunks) = split_at_marks(&text)
            && self.are_stops(&chunks)
        {
            return self.stops(&chunks);
        }
        if let Some(found) = whole {
            let mut resolved = self.answer(trimmed, &text, found)?;
            // Albert is a town in France, and Alberta missed by a letter: not a silent guess.
            if let [Place::World(town)] = resolved.places[..]
                && town.kind == PlaceKind::City
                && !town.capital
                && town.population().is_none_or(|people| people < SMALL_TOWN)
            {
                let near = self.mistyped(&text);
                if !near.is_empty() {
                    resolved.notes.push(PlaceNote::NearSpelling {
                        query: trimmed.to_string(),
                        near,
                    });
                }
            }
            return Ok(Reading::One(resolved));
        }
        // Bosnia & Herzegovina, Trinidad & Tobago.
        if text.contains('&') {
            let spelled = normalise(&text.replace('&', " and "));
            if let Some(found) = self.term(&spelled, false) {
                return self.answer(trimmed, &spelled, found).map(Reading::One);
            }
        }
        // "korea, süd", "Kongo, demokratische Republik": a country's name written inverted, as ISO
        // writes some, is that country when the name in reading order is one country alone.
        if let Some((head, tail)) = text.split_once([',', '，'])
            && !tail.contains([',', '，'])
        {
            let uninverted = format!("{} {}", tail.trim(), head.trim());
            if let Some(found) = self.term(&uninverted, false)
                && found.places.is_empty()
                && matches!(found.world[..], [one] if one.kind == PlaceKind::Country)
            {
                return self.answer(trimmed, &uninverted, found).map(Reading::One);
            }
        }
        // "Beijing to Shanghai", "苏州 到 北京": a word between stops, read once the whole fails,
        // also as a place with its country ("Sarajevo, Bosnia and Herzegovina").
        if let Some(chunks) = split_at_words(&text)
            && self.are_stops(&chunks)
            && self.world_qualified(&text).is_empty()
        {
            return self.stops(&chunks);
        }
        if text.contains(is_separator) {
            let mut parts: Vec<&str> = text
                .split(is_separator)
                .filter(|part| !part.is_empty() && !is_country(part) && !is_filler(part))
                .collect();
            // "Pudong New Area": 新区 in English, a filler of two words.
            if let Some(at) = parts.windows(2).position(|pair| {
                pair[0].eq_ignore_ascii_case("new") && pair[1].eq_ignore_ascii_case("area")
            }) {
                parts.drain(at..at + 2);
            }
            if let [one] = parts.as_slice()
                && let Some(found) = self.term(one, false)
            {
                return self.answer(trimmed, one, found).map(Reading::One);
            }
            if let Some(found) = self.qualified(&parts) {
                return self.answer(trimmed, &text, found).map(Reading::One);
            }
            if let Some(found) = Found::world(self.world_qualified(&text)) {
                return self.answer(trimmed, &text, found).map(Reading::One);
            }
            // "Ipswich, QLD": a place and the region it is in, which edl does not know there,
            // is not two stops (Ipswich, England and Queensland).
            let by_commas: Vec<&str> = text
                .split(|c: char| is_separator(c) && !c.is_whitespace())
                .map(str::trim)
                .filter(|part| !part.is_empty())
                .collect();
            if by_commas.len() > 1 && by_commas[1..].iter().all(|part| self.only_regions(part)) {
                return Err(PlaceError::Unknown {
                    query: trimmed.to_string(),
                    suggestions: Vec::new(),
                });
            }
            let each: Option<Vec<(String, Resolved<'d>)>> = parts
                .iter()
                .map(|part| {
                    self.term(part, false)
                        .filter(|found| found.rest.is_empty())
                        .map(|found| (part.to_string(), self.finish(part, found)))
                })
                .collect();
            if let Some(each) = each
                && each.len() > 1
            {
                return Ok(Reading::Several(each));
            }
            // 成 都, 江苏省 苏州市 吴江区 干将东路678号: one Chinese place written with spaces.
            if !text.is_ascii() {
                let joined = parts.concat();
                if let Some(found) = self.find(&joined, true) {
                    return self.answer(trimmed, &joined, found).map(Reading::One);
                }
            }
        }
        let mistyped = self.mistyped(&text);
        if !mistyped.is_empty() {
            let notes = vec![PlaceNote::Mistyped {
                query: trimmed.to_string(),
                near: mistyped.clone(),
            }];
            return Ok(Reading::One(Resolved {
                places: mistyped,
                notes,
            }));
        }
        Err(PlaceError::Unknown {
            query: trimmed.to_string(),
            suggestions: self.suggest(&text),
        })
    }

    /// The countries and regions whose English name a query misses by a letter (Florda,
    /// Quebe, New Yrok), or by two in a long one (murryland), never the first: read as them,
    /// with a note that says so, or asked about when several are that near.
    fn mistyped(&self, text: &str) -> Vec<Place<'d>> {
        if !text.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ') {
            return Vec::new();
        }
        let key = place_key(text);
        if key.len() < MIN_MISTYPED_LETTERS {
            return Vec::new();
        }
        let most = if key.len() >= 9 { 2 } else { 1 };
        let mut near: Vec<Place<'d>> = Vec::new();
        // Countries and subdivisions come before the towns in the table.
        let regions = self
            .world
            .places()
            .take_while(|place| place.kind != PlaceKind::City);
        for place in regions {
            if place.division_code().is_some() {
                continue;
            }
            // A region's other names too (Newfoundland); a country's are in every language.
            let region = place.kind == PlaceKind::Subdivision;
            let names = std::iter::once(place.name()).chain(
                place
                    .other_names()
                    .filter(move |(_, via)| region && *via == WorldVia::Alternate)
                    .map(|(name, _)| name),
            );
            // The first letter is rarely the one mistyped: Wonderland is no Sunderland. Seen
            // on the name before its key is made, an unknown query costs a fraction of a
            // millisecond, not several.
            let first = key.as_bytes()[0];
            let hit = names
                .filter(|name| {
                    name.as_bytes()
                        .first()
                        .is_some_and(|b| b.to_ascii_lowercase() == first)
                })
                .map(place_key)
                .any(|name| {
                    name.len().abs_diff(key.len()) <= most
                        && name.as_bytes().first() == Some(&first)
                        && strsim::damerau_levenshtein(&name, &key) <= most
                });
            if hit {
                near.push(Place::World(place));
            }
        }
        near
    }

    /// Each part of an argument that marks or words split into stops, read on its own; a part
    /// edl cannot read is the error, naming that part.
    fn stops(&self, chunks: &[String]) -> Result<Reading<'d>, PlaceError> {
        if let [one] = chunks {
            return self.read(one);
        }
        let mut stops = Vec::new();
        for chunk in chunks {
            match self.read(chunk)? {
                Reading::One(resolved) => stops.push((chunk.clone(), resolved)),
                Reading::Several(several) => stops.extend(several),
            }
        }
        Ok(Reading::Several(stops))
    }

    /// True when each part names a whole place or nothing, and one names a place.
    fn are_stops(&self, chunks: &[String]) -> bool {
        let read: Vec<Option<Found<'d>>> = chunks
            .iter()
            .map(|chunk| self.term(&normalise(chunk), false))
            .collect();
        read.iter().any(Option::is_some)
            && read
                .iter()
                .all(|found| found.as_ref().is_none_or(|found| found.rest.is_empty()))
    }

    /// True when a text names world regions only (a country or a state, no town, no division):
    /// after a comma it qualifies the place before it.
    fn only_regions(&self, text: &str) -> bool {
        if is_country(text) {
            return true;
        }
        let world = self.world_only(text);
        self.find(text, false).is_none()
            && !world.is_empty()
            && world.iter().all(|place| place.kind != PlaceKind::City)
    }

    /// A whole term in both tables: what `find` reads among the divisions, and the world's
    /// places the term names, those the divisions table has read as their divisions.
    fn term(&self, term: &str, spaced: bool) -> Option<Found<'d>> {
        let mut found = self.find(term, spaced);
        let mut world = Vec::new();
        // A six-digit code is a division's, never a world row's: its pages need not be read.
        let lookup = if Code::parse(term).is_some() {
            Vec::new()
        } else {
            self.world_lookup(term)
        };
        for place in lookup {
            match self.linked(place) {
                Some(division) => match &mut found {
                    Some(found) => found.places.push(division),
                    None => found = Found::new(vec![division], Via::Name),
                },
                None => world.push(place),
            }
        }
        match found {
            // 吉隆坡 is Kuala Lumpur, not 吉隆县 with 坡 unread.
            Some(found) if !found.rest.is_empty() && !world.is_empty() => Found::world(world),
            Some(mut found) => {
                found.world = world;
                Some(found)
            }
            None => Found::world(world),
        }
    }

    /// The world's places a text names; a code names only the places that have it (AR-A is
    /// Salta, not the town Ara).
    fn world_lookup(&self, text: &str) -> Vec<&'static WorldPlace> {
        let matches: Vec<(&'static WorldPlace, WorldVia)> = self.world.matches(text).collect();
        // SA is Saudi Arabia's code and South Australia's abbreviation: both are readings, and
        // the context (or a question) tells them apart.
        let is_code = |via: WorldVia| matches!(via, WorldVia::Code | WorldVia::Abbreviation);
        // Typed in capitals it is a code only (PAR is Paraguay, not Par); otherwise a name
        // too (Est is Estonia's code and a region of Burkina Faso).
        let capitals = !text.chars().any(char::is_lowercase);
        let by_code = capitals && matches.iter().any(|(_, via)| is_code(*via));
        let mut places: Vec<&'static WorldPlace> = Vec::new();
        for (place, via) in matches {
            if (!by_code || is_code(via)) && !places.iter().any(|p| std::ptr::eq(*p, place)) {
                places.push(place);
            }
        }
        places
    }

    /// The division a world row is (Hong Kong, Taipei, CN-SC), if the divisions table has it.
    fn linked(&self, place: &WorldPlace) -> Option<&'d Division> {
        match place.division_code()? {
            DivisionLink::Division(code) => self.divisions.get(code),
            DivisionLink::Whole => None,
        }
    }

    /// The world's places, outside the divisions, that a text names alone.
    fn world_only(&self, text: &str) -> Vec<&'static WorldPlace> {
        self.world_lookup(text)
            .into_iter()
            .filter(|place| self.linked(place).is_none())
            .collect()
    }

    /// A world place with qualifiers, "Austin, TX", "Paris France", "悉尼, 澳大利亚": the places
    /// the first part names whose subdivision or country every other part names. Parts are
    /// split at commas if there are any, else at one space (the name itself may have spaces:
    /// "New York NY").
    fn world_qualified(&self, text: &str) -> Vec<&'static WorldPlace> {
        let by_commas: Vec<&str> = text
            .split(|c: char| is_separator(c) && !c.is_whitespace())
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .collect();
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut splits: Vec<(String, Vec<String>)> = Vec::new();
        if by_commas.len() > 1 {
            let qualifiers = by_commas[1..].iter().map(|q| q.to_string()).collect();
            splits.push((by_commas[0].to_string(), qualifiers));
            // "TX, Houston": the region first.
            if let [region, name] = by_commas[..] {
                splits.push((name.to_string(), vec![region.to_string()]));
            }
        } else {
            // The longest name first: "New York NY" is New York in NY before New in York.
            for at in (1..words.len()).rev() {
                splits.push((words[..at].join(" "), vec![words[at..].join(" ")]));
            }
            // "Sydney New South Wales Australia": the region, then the country, after the name.
            if words.len() <= MAX_SPACED_WORDS {
                for at in (1..words.len()).rev() {
                    for then in (at + 1..words.len()).rev() {
                        splits.push((
                            words[..at].join(" "),
                            vec![words[at..then].join(" "), words[then..].join(" ")],
                        ));
                    }
                }
            }
        }
        for (name, qualifiers) in splits {
            let within: Vec<Vec<&'static WorldPlace>> = qualifiers
                .iter()
                .filter(|q| !is_country(q))
                // A qualifier may be any place its text names: IL is Israel and Illinois.
                .map(|q| self.world.lookup(q).collect())
                .collect();
            if within.iter().any(Vec::is_empty) {
                continue;
            }
            let found: Vec<&'static WorldPlace> = self
                .world_only(&name)
                .into_iter()
                .filter(|place| {
                    // A region may be written with its own code ("California, CA").
                    within.iter().all(|qualifier| {
                        self.world
                            .chain(place)
                            .any(|above| qualifier.iter().any(|q| std::ptr::eq(*q, above)))
                    })
                })
                .collect();
            if !found.is_empty() {
                return found;
            }
        }
        Vec::new()
    }

    /// A query that resolves to this world place alone: its name, else with its subdivision's
    /// abbreviation or name, or its country, after it; else its code.
    fn world_hint(&self, place: &'static WorldPlace) -> Option<String> {
        let name = place.name();
        let mut tries = vec![name.to_string()];
        if let Some(subdivision) = self
            .world
            .subdivision_of(place)
            .filter(|s| !std::ptr::eq(*s, place))
        {
            let abbreviation = subdivision
                .other_names()
                .find(|(_, via)| *via == WorldVia::Abbreviation);
            if let Some((abbreviation, _)) = abbreviation {
                tries.push(format!("{name}, {abbreviation}"));
            }
            tries.push(format!("{name}, {}", subdivision.name()));
        }
        let country = self
            .world
            .country_of(place)
            .filter(|c| !std::ptr::eq(*c, place));
        if let Some(country) = country {
            tries.push(format!("{name}, {}", country.name()));
        }
        if place.kind != PlaceKind::City {
            tries.push(place.code().to_string());
            // ME is Montenegro and Maine; MNE is Montenegro alone.
            tries.extend(
                place
                    .other_names()
                    .filter(|(_, via)| *via == WorldVia::Code)
                    .map(|(code, _)| code.to_string()),
            );
        }
        tries
            .into_iter()
            .find(|query| self.names_only_world(query, place))
    }

    /// True when the query, read without any assumption, is this world place and nothing else.
    fn names_only_world(&self, query: &str, place: &WorldPlace) -> bool {
        let text = normalise(query);
        if self.find(&text, false).is_some() {
            return false;
        }
        let mut found = self.world_lookup(&text);
        if found.is_empty() {
            found = self.world_qualified(&text);
        }
        matches!(found.as_slice(), [one] if std::ptr::eq(*one, place))
    }

    /// A query that resolves to this place alone; `None` when there is none (two towns of one
    /// name in a country whose states the gazetteer does not know: Victoria, Philippines). A
    /// division always has one: its code, if nothing else.
    pub fn hint_for(&self, place: Place<'d>) -> Option<String> {
        match place {
            Place::Division(division) => Some(self.hint(division)),
            Place::World(place) => self.world_hint(place),
        }
    }

    /// The divisions a whole term names: by full name if any, else by short name, and by any
    /// other name alongside (九龙 is 四川's 九龙县 and Hong Kong's Kowloon). A former name that
    /// only contains a division named today gives way to it (莱芜 is 莱芜区, no longer 莱芜市).
    fn whole(&self, named: &[Named<'d>]) -> Option<Found<'d>> {
        let of = |form: Form| named.iter().filter(move |n| n.form == form);
        let by_full = of(Form::Full).next().is_some();
        let by_alias = of(Form::Alias).next().is_some();
        let main = if by_full { Form::Full } else { Form::Short };
        let current: Vec<&'d Division> = of(main).map(|n| n.division).collect();
        let others = of(Form::Alias).filter(|n| {
            n.former.is_none()
                || !current
                    .iter()
                    .any(|d| self.divisions.is_within(d, n.division))
        });
        let places = current
            .iter()
            .copied()
            .chain(others.map(|n| n.division))
            .collect();
        let via = if by_full || by_alias {
            Via::Name
        } else {
            Via::Short
        };
        let mut found = Found::new(places, via)?;
        found.renamed = renamed(named);
        Some(found)
    }

    /// A query that resolves to this division alone: its full name, else with its parent's or
    /// province's short name before it (南京鼓楼区), else its code.
    pub fn hint(&self, division: &'d Division) -> String {
        let province = self.divisions.province_of(division);
        let mut tries = vec![division.name().to_string()];
        if let Some(parent) = self.divisions.parent(division) {
            tries.push(format!("{}{}", parent.short(), division.name()));
            if parent.code != province.code {
                tries.push(format!(
                    "{}{}{}",
                    province.short(),
                    parent.short(),
                    division.name()
                ));
            }
        }
        tries
            .into_iter()
            .find(|query| self.names_only(query, division))
            .unwrap_or_else(|| division.code.to_string())
    }

    /// True when the query, read without any assumption, is this division and nothing else.
    fn names_only(&self, query: &str, division: &Division) -> bool {
        self.find(query, false).is_some_and(|found| {
            found.rest.is_empty() && found.places.iter().all(|d| d.code == division.code)
        })
    }

    /// A reading as an answer. One short name that fits several places, with other text after
    /// it (龙华创业路: 深圳's or 海口's 龙华区?), names no place: it is unknown, and the places its
    /// start may be are the suggestions. A full name so followed is a question, as alone
    /// (朝阳区汉庭酒店: 北京's or 长春's 朝阳区).
    fn answer(
        &self,
        query: &str,
        text: &str,
        found: Found<'d>,
    ) -> Result<Resolved<'d>, PlaceError> {
        let unread = !found.rest.is_empty() && found.steps == 1 && found.via == Via::Short;
        let resolved = self.finish(text, found);
        if unread && resolved.places.len() > 1 {
            return Err(PlaceError::Unknown {
                query: query.to_string(),
                suggestions: resolved
                    .places
                    .iter()
                    .filter_map(|place| place.division())
                    .map(|d| d.code)
                    .collect(),
            });
        }
        Ok(resolved)
    }

    /// Sorts the candidates and says what was assumed.
    fn finish(&self, query: &str, found: Found<'d>) -> Resolved<'d> {
        let mut divisions = found.places;
        divisions.sort_by_key(|division| (division.level, division.code));
        divisions.dedup_by_key(|division| division.code);
        let mut world = found.world;
        world.sort_by_key(|place| place.kind);
        world.dedup_by(|a, b| std::ptr::eq(*a, *b));
        let mut notes = Vec::new();
        // The divisions table first: a query it reads as one place means that place, and the
        // world's places it also fits are named in a note (太原 is 太原市, not Thái Nguyên).
        let chosen = if divisions.is_empty() {
            (world.len() > 1)
                .then(|| self.world.prominent(&world))
                .flatten()
                .map(Place::World)
        } else if let Some(country) = latin_country(query, &world) {
            // Jordan the country, not Hong Kong's Jordan; Georgia, not 格鲁吉亚's namesakes.
            Some(Place::World(country))
        } else if found.via == Via::Short && divisions.len() > 1 {
            self.prominent(&divisions).map(Place::Division)
        } else if divisions.len() == 1 && !world.is_empty() {
            Some(Place::Division(divisions[0]))
        } else {
            None
        };
        let mut places: Vec<Place<'d>> = divisions
            .into_iter()
            .map(Place::Division)
            .chain(world.into_iter().map(Place::World))
            .collect();
        if let Some(chosen) = chosen {
            // Tokyo the city is in Tokyo the prefecture, Paris in the region that also bears
            // its name: one answer, and no note offers the place that was answered.
            let others: Vec<_> = places
                .iter()
                .filter(|place| !place.same(chosen) && !self.holds(**place, chosen))
                .map(|&place| (place, self.hint_for(place)))
                .collect();
            if !others.is_empty() {
                notes.push(PlaceNote::Prominent {
                    query: query.to_string(),
                    chosen,
                    others,
                });
            }
            places = vec![chosen];
        }
        for (alias, division) in found.renamed {
            if places.iter().any(|p| p.same(Place::Division(division)))
                && !notes
                    .iter()
                    .any(|note| matches!(note, PlaceNote::Former { division: d, .. } if d.code == division.code))
            {
                notes.push(PlaceNote::Former { alias, division });
            }
        }
        if !found.rest.is_empty()
            && let Some(read) = places.iter().find_map(|place| place.division())
        {
            notes.push(PlaceNote::Unread {
                read,
                rest: found.rest,
            });
        }
        Resolved { places, notes }
    }

    /// True when a world region holds this world place (Tokyo, JP-13).
    fn holds(&self, region: Place<'d>, place: Place<'d>) -> bool {
        match (region, place) {
            (Place::World(region), Place::World(place)) => self
                .world
                .chain(place)
                .skip(1)
                .any(|above| std::ptr::eq(above, region)),
            _ => false,
        }
    }

    /// The one division at the highest level among these, if there is one and every other
    /// candidate is in the same jurisdiction (a mainland county never yields to Hong Kong).
    fn prominent(&self, places: &[&'d Division]) -> Option<&'d Division> {
        let top = places.iter().map(|d| d.level).min()?;
        let mut at_top = places.iter().filter(|d| d.level == top);
        let chosen = *at_top.next()?;
        if at_top.next().is_some() {
            return None;
        }
        let country = |d: &'d Division| Place::Division(d).regions(self.divisions).0;
        let home = country(chosen);
        places.iter().all(|d| country(d) == home).then_some(chosen)
    }

    /// One term: a code, pinyin, or a Chinese name or address. An address may leave text
    /// unread after a separator only when `spaced` says the separators were removed already.
    fn find(&self, term: &str, spaced: bool) -> Option<Found<'d>> {
        if let Some(code) = Code::parse(term) {
            if let Some(division) = self.divisions.get(code) {
                return Found::new(vec![division], Via::Code);
            }
            // 371200 (莱芜), 110100 (北京's 市辖区): a code no division has today.
            let named: Vec<Named<'d>> = self
                .divisions
                .aliases(term)
                .filter(|(alias, _)| alias.kind == AliasKind::Code)
                .map(|(alias, division)| Named {
                    division,
                    form: Form::Alias,
                    former: Some(alias),
                })
                .collect();
            return self.whole(&named);
        }
        // Phones type ’ for the apostrophe, and pinyin may carry ü: still pinyin, not Chinese.
        let pinyin_like = term
            .chars()
            .all(|c| c.is_ascii() || matches!(c, '’' | 'ü' | 'Ü'));
        if pinyin_like {
            return self.pinyin(term);
        }
        if let Some(found) = self.whole(&self.names_at(term)) {
            return Some(found);
        }
        let found = self.address(term)?;
        if !spaced && found.rest.starts_with(is_separator) {
            // "江苏省 苏州市" is two terms, not an address with 江苏省 at its start.
            return None;
        }
        Some(found)
    }

    fn pinyin(&self, term: &str) -> Option<Found<'d>> {
        let key = pinyin_key(term);
        // Lhasa, Peking, Kowloon, Taipa: names that are not the pinyin.
        let named: Vec<Named<'d>> = self
            .divisions
            .aliases(term)
            .map(|(alias, division)| Named {
                division,
                form: Form::Alias,
                former: (alias.kind == AliasKind::Former).then_some(alias),
            })
            .collect();
        if let Some(found) = self.whole(&named) {
            return Some(found);
        }
        let segments: Vec<String> = term
            .split(|c: char| c == '\'' || c == '’' || c == '-' || c.is_whitespace())
            .filter(|segment| !segment.is_empty())
            .map(pinyin_key)
            .collect();
        // Typed with ü (or v for it), only a ü fits: lüliang and lvliang are 吕梁, never 陆良.
        let with_u_umlaut: String = term
            .chars()
            .filter_map(|c| match c.to_ascii_lowercase() {
                'ü' | 'Ü' => Some('v'),
                c if c.is_ascii_lowercase() => Some(c),
                _ => None,
            })
            .collect();
        let marks_umlaut = with_u_umlaut.contains('v');
        let matches: Vec<_> = self
            .divisions
            .lookup(Key::Pinyin, &key)
            .filter(|division| {
                segments.len() < 2 || fits_syllables(&segments, division.syllables())
            })
            .filter(|division| {
                !marks_umlaut || division.syllables().replace(' ', "") == with_u_umlaut
            })
            .collect();
        if !matches.is_empty() {
            return Found::new(matches, Via::Short);
        }
        Found::new(
            self.divisions.lookup(Key::PinyinFull, &key).collect(),
            Via::Name,
        )
    }

    /// The divisions a Chinese text names exactly, and how: by a full name (成都市, 延边州, 蘇州市),
    /// a short one (成都, 蘇州) or another name (九龙, 襄樊).
    fn names_at(&self, text: &str) -> Vec<Named<'d>> {
        let plain = |division, form| Named {
            division,
            form,
            former: None,
        };
        let mut found: Vec<Named<'d>> = self
            .divisions
            .lookup(Key::Name, text)
            .map(|d| plain(d, Form::Full))
            .collect();
        found.extend(
            self.divisions
                .lookup(Key::Short, text)
                .map(|d| plain(d, Form::Short)),
        );
        for (form, code) in CHINESE_SHORT_FORMS {
            if *form == text
                && let Some(division) = Code::parse(code).and_then(|c| self.divisions.get(c))
            {
                found.push(plain(division, Form::Short));
            }
        }
        // 延边州 and 琼中县: an autonomous prefecture or county by its short name and its level.
        for (last, suffix) in [('州', "自治州"), ('县', "自治县")] {
            if let Some(base) = text.strip_suffix(last)
                && base.chars().count() >= 2
            {
                found.extend(
                    self.divisions
                        .lookup(Key::Short, base)
                        .filter(|d| d.name().ends_with(suffix))
                        .map(|d| plain(d, Form::Full)),
                );
            }
        }
        for (alias, division) in self.divisions.aliases(text) {
            let form = match alias.kind {
                // A traditional form is the same name in the other script.
                AliasKind::Traditional
                    if division.short() != division.name()
                        && alias.text().chars().count() == division.short().chars().count() =>
                {
                    Form::Short
                }
                AliasKind::Traditional => Form::Full,
                _ => Form::Alias,
            };
            let former = matches!(alias.kind, AliasKind::Former | AliasKind::Code)
                .then_some(alias)
                .filter(|alias| alias.change.is_some());
            found.push(Named {
                division,
                form,
                former,
            });
        }
        found
    }

    /// The county a prefecture held before it moved (公主岭市, in 四平市 until 2020): read under
    /// its old prefecture as its former code says.
    fn moved_from(&self, named: &[Named<'d>], prefecture: &Division) -> Option<Named<'d>> {
        named.iter().find_map(|n| {
            self.divisions
                .aliases_of(n.division)
                .find(|alias| alias.former_parent() == Some(prefecture.code))
                .map(|alias| Named {
                    division: n.division,
                    form: Form::Full,
                    former: Some(alias),
                })
        })
    }

    /// Reads a Chinese address from its start, one division at a time (江苏省苏州市昆山市花桥镇…).
    /// Of all readings, the deepest wins (青岛市北区 is 青岛 + 市北区, not 青岛市 + 北区). A
    /// division may be written twice (北京北京市), NBS's filler levels are skipped, and text
    /// after the last division is left unread, unless it makes a short name part of a road name
    /// (绍兴路59号).
    fn address(&self, text: &str) -> Option<Found<'d>> {
        let mut budget = MAX_READINGS;
        let start = Walk {
            places: Vec::new(),
            depth: 0,
            end: 0,
            last_full: true,
            last_loose: false,
            renamed: Vec::new(),
        };
        let best = self.walk(text, start, &mut budget)?;
        let rest = text[best.end..].trim_matches(|c: char| !c.is_alphanumeric());
        // 西安交通大学, 湖南湘潭城塘社区: a short name last, with or without text after it, is
        // still a bare short name.
        let via = if !best.last_full {
            Via::Short
        } else {
            Via::Address
        };
        Some(Found {
            places: best.places,
            via,
            rest: if text[best.end..].starts_with(is_separator) {
                text[best.end..].to_string()
            } else {
                rest.to_string()
            },
            steps: best.depth,
            renamed: best.renamed,
            world: Vec::new(),
        })
    }

    fn walk(&self, text: &str, at: Walk<'d>, budget: &mut usize) -> Option<Walk<'d>> {
        let rest = &text[at.end..];
        // A short name just before a road word is part of the road's name, and one before
        // another kind of unit names that unit.
        let road = at.last_loose && (starts_with_road(rest) || starts_with_another_level(rest));
        let mut best = (at.depth > 0 && !road).then(|| at.clone());
        if rest.is_empty() || *budget == 0 {
            return best;
        }
        // Prefixes that some name or filler continues, and one character more: the autonomous
        // short forms (延边州) end one character past a short name.
        let mut ends: Vec<usize> = Vec::new();
        for end in rest
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .take(MAX_NAME_CHARS)
        {
            ends.push(end);
            let prefix = &rest[..end];
            if !self.divisions.continues(prefix)
                && !FILLERS.iter().any(|filler| filler.starts_with(prefix))
            {
                break;
            }
        }
        for &end in ends.iter().rev() {
            if *budget == 0 {
                break;
            }
            let prefix = &rest[..end];
            let mut next = Vec::new();
            let named = self.names_at(prefix);
            // 北京北京市, 长沙长沙县, 香港九龙: a division written again, by any of its names, or
            // one of the candidates written in full, narrows the reading without going deeper.
            let again: Vec<&'d Division> = at
                .places
                .iter()
                .copied()
                .filter(|current| {
                    self.divisions.chain(current).any(|d| {
                        d.name() == prefix
                            || d.short() == prefix
                            || named.iter().any(|n| n.division.code == d.code)
                    })
                })
                .collect();
            if !again.is_empty() {
                next.push(Walk {
                    places: again,
                    end: at.end + end,
                    ..at.clone()
                });
            }
            let filler = at.depth > 0
                && FILLERS.contains(&prefix)
                && at.places.iter().all(|d| d.level != Level::County);
            if filler {
                next.push(Walk {
                    end: at.end + end,
                    ..at.clone()
                });
            }
            let mut within: Vec<Named<'d>> = named
                .iter()
                .copied()
                .filter(|n| {
                    at.places.is_empty()
                        || at.places.iter().any(|a| {
                            a.code != n.division.code && self.divisions.is_within(n.division, a)
                        })
                })
                .collect();
            if within.is_empty()
                && let [prefecture] = at.places.as_slice()
                && let Some(moved) = self.moved_from(&named, prefecture)
            {
                within.push(moved);
            }
            if !within.is_empty() {
                let mut renamed_so_far = at.renamed.clone();
                renamed_so_far.extend(renamed(&within));
                next.push(Walk {
                    places: within.iter().map(|n| n.division).collect(),
                    depth: at.depth + 1,
                    end: at.end + end,
                    last_full: within.iter().any(|n| n.form != Form::Short),
                    last_loose: within.iter().all(|n| n.form != Form::Full),
                    renamed: renamed_so_far,
                });
            }
            for step in next {
                *budget = budget.saturating_sub(1);
                if let Some(walk) = self.walk(text, step, budget) {
                    best = match best {
                        Some(current) if current.score() > walk.score() => Some(current),
                        Some(current) if current.score() == walk.score() => {
                            let mut places = current.places.clone();
                            places.extend(walk.places.iter().copied());
                            places.sort_by_key(|d| d.code);
                            places.dedup_by_key(|d| d.code);
                            Some(Walk { places, ..current })
                        }
                        _ => Some(walk),
                    };
                }
            }
        }
        best
    }

    /// A place with qualifiers, "suzhou, anhui" or "昆山 苏州": the divisions named by one part
    /// that lie within a division named by every other part.
    fn qualified(&self, parts: &[&str]) -> Option<Found<'d>> {
        let named: Vec<Vec<&'d Division>> = parts
            .iter()
            .map(|part| {
                self.find(part, false)
                    .filter(|found| found.rest.is_empty())
                    .map_or_else(Vec::new, |found| found.places)
            })
            .collect();
        if named.len() < 2 || named.iter().any(Vec::is_empty) {
            return None;
        }
        let mut found = Vec::new();
        for (index, part) in named.iter().enumerate() {
            for &candidate in part {
                let qualified = named.iter().enumerate().all(|(other, qualifiers)| {
                    other == index
                        || qualifiers
                            .iter()
                            .any(|q| self.divisions.is_within(candidate, q))
                });
                if qualified {
                    found.push(candidate);
                }
            }
        }
        Found::new(found, Via::Name)
    }

    /// The closest names to an unknown query, in characters or in pinyin, best first.
    fn suggest(&self, query: &str) -> Vec<Code> {
        let ascii = query.is_ascii();
        let key = if ascii {
            pinyin_key(query)
        } else {
            query.to_string()
        };
        let length = key.chars().count();
        if length > MAX_SUGGEST_CHARS {
            return Vec::new();
        }
        let limit = if ascii { (length / 3).clamp(1, 3) } else { 1 };
        let mut scored: Vec<(usize, Level, Code)> = self
            .divisions
            .iter()
            .filter_map(|division| {
                let distance = if ascii {
                    strsim::levenshtein(&key, division.pinyin())
                } else {
                    strsim::levenshtein(&key, division.short())
                        .min(strsim::levenshtein(&key, division.name()))
                };
                (distance <= limit).then_some((distance, division.level, division.code))
            })
            .collect();
        scored.sort();
        scored
            .into_iter()
            .take(5)
            .map(|(_, _, code)| code)
            .collect()
    }
}

/// The one country a query in Latin letters names beside divisions: a country's name
/// outweighs an area or English name of a division (Jordan, in Kowloon).
fn latin_country(query: &str, world: &[&'static WorldPlace]) -> Option<&'static WorldPlace> {
    if !query.is_ascii() {
        return None;
    }
    let mut countries = world
        .iter()
        .filter(|place| place.kind == PlaceKind::Country);
    match (countries.next(), countries.next()) {
        (Some(country), None) => Some(country),
        _ => None,
    }
}

fn is_country(part: &str) -> bool {
    matches!(
        part.to_ascii_lowercase().as_str(),
        "china" | "prc" | "中国" | "中华人民共和国"
    )
}

/// True when a text starts with a kind of unit no division's short name takes: 柳州地区 was a
/// prefecture of its own (now gone), 龙港镇 a town; neither is 柳州市 or 龙港市.
fn starts_with_another_level(text: &str) -> bool {
    OTHER_LEVELS.iter().any(|word| text.starts_with(word))
}

/// True when a text starts like a road: 路59号, 西路, 大街 (a direction may come first).
fn starts_with_road(text: &str) -> bool {
    let text = text
        .strip_prefix(['东', '西', '南', '北', '中'])
        .unwrap_or(text);
    ROAD_WORDS.iter().any(|word| text.starts_with(word))
}

/// Words that name no place of their own beside a place ("Beijing City", "成都 in China",
/// "Pudong Airport"; "New Area" is read as a pair where the parts are split).
const FILLER_WORDS: [&str; 8] = [
    "city",
    "district",
    "county",
    "municipality",
    "airport",
    "in",
    "市",
    "区",
];

/// Words that stand between two stops.
const STOP_WORDS: [&str; 5] = ["to", "and", "到", "至", "和"];

fn is_filler(part: &str) -> bool {
    let part = part.to_lowercase();
    FILLER_WORDS.contains(&part.as_str())
}

/// The parts between marks that only stand between stops (— – → -> /, and - between Chinese
/// names); none when there is no such mark.
fn split_at_marks(text: &str) -> Option<Vec<String>> {
    let chars: Vec<char> = text.chars().collect();
    let mut chunks = vec![String::new()];
    let mut split = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let between_chinese = c == '-'
            && i > 0
            && is_han(chars[i - 1])
            && chars.get(i + 1).is_some_and(|&next| is_han(next));
        if c == '-' && chars.get(i + 1) == Some(&'>') {
            i += 1;
            split = true;
            chunks.push(String::new());
        } else if matches!(c, '—' | '–' | '→' | '/') || between_chinese {
            split = true;
            chunks.push(String::new());
        } else if let Some(last) = chunks.last_mut() {
            last.push(c);
        }
        i += 1;
    }
    let chunks: Vec<String> = chunks
        .into_iter()
        .map(|chunk| chunk.trim().to_string())
        .filter(|chunk| !chunk.is_empty())
        .collect();
    (split && !chunks.is_empty()).then_some(chunks)
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// The parts between words that stand between stops ("to", "and", 到); none when there is
/// no such word between two others.
fn split_at_words(text: &str) -> Option<Vec<String>> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut chunks: Vec<Vec<&str>> = vec![Vec::new()];
    for word in &words {
        if STOP_WORDS.contains(&word.to_lowercase().as_str()) {
            chunks.push(Vec::new());
        } else if let Some(last) = chunks.last_mut() {
            last.push(word);
        }
    }
    let chunks: Vec<String> = chunks
        .into_iter()
        .filter(|chunk| !chunk.is_empty())
        .map(|chunk| chunk.join(" "))
        .collect();
    (chunks.len() > 1).then_some(chunks)
}

fn is_separator(c: char) -> bool {
    matches!(c, ',' | '，' | '、' | ';' | '；') || c.is_whitespace()
}

/// True when every boundary the user marked ("xi'an", "xi an") falls between two syllables.
fn fits_syllables(segments: &[String], syllables: &str) -> bool {
    let mut boundaries = Vec::new();
    let mut position = 0;
    for syllable in syllables.split(' ') {
        position += syllable.len();
        boundaries.push(position);
    }
    let mut position = 0;
    segments.iter().all(|segment| {
        position += segment.len();
        boundaries.contains(&position)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(query: &str) -> Vec<&'static str> {
        let gazetteer = Gazetteer::new(Divisions::bundled());
        gazetteer
            .resolve(query)
            .map(|found| found.places.iter().map(|d| d.name()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn resolves_the_forms_people_type() {
        for query in [
            "成都",
            "成都市",
            "chengdu",
            "Chengdu",
            "CHENGDU",
            "510100",
            " chengdu ",
        ] {
            assert_eq!(names(query), ["成都市"], "{query}");
        }
        // 辽源 and 牡丹江 each have a 西安区, but a bare name means the city.
        assert_eq!(names("xi'an"), ["西安市"]);
        assert_eq!(names("xi an"), names("xi'an"));
        assert_eq!(names("昆山"), ["昆山市"]);
        assert_eq!(names("浦东新区"), ["浦东新区"]);
    }

    #[test]
    fn syllable_marks_tell_xian_from_xingan() {
        assert!(names("xing'an").contains(&"兴安盟"));
        assert!(!names("xing'an").contains(&"新干县"));
        assert!(names("xin'gan").contains(&"新干县"));
    }

    #[test]
    fn qualifiers_narrow_a_query() {
        assert_eq!(names("suzhou, anhui"), ["宿州市"]);
        assert_eq!(names("suzhou anhui"), ["宿州市"]);
        assert_eq!(names("suzhou, jiangsu"), ["苏州市"]);
        assert_eq!(names("安徽宿州"), ["宿州市"]);
        assert_eq!(names("江苏省苏州市"), ["苏州市"]);
        assert_eq!(names("江苏省苏州市昆山市花桥镇"), ["昆山市"]);
        assert_eq!(names("江苏省 苏州市"), ["苏州市"]);
        assert_eq!(names("海南省 三亚"), ["三亚市"]);
        assert_eq!(names("Xi’an").first(), Some(&"西安市"));
        assert!(names("Lüliang").contains(&"吕梁市"));
    }

    #[test]
    fn ambiguous_pinyin_returns_every_candidate() {
        let found = names("suzhou");
        assert!(
            found.contains(&"苏州市") && found.contains(&"宿州市"),
            "{found:?}"
        );
    }

    #[test]
    fn unknown_places_get_suggestions() {
        let gazetteer = Gazetteer::new(Divisions::bundled());
        let Err(PlaceError::Unknown { suggestions, .. }) = gazetteer.resolve("chengdoo") else {
            panic!("chengdoo should be unknown");
        };
        assert!(
            suggestions.contains(&Code::parse("510100").unwrap()),
            "{suggestions:?}"
        );
        assert_eq!(gazetteer.resolve("  "), Err(PlaceError::Empty));
        assert!(names("绍兴路59号").is_empty());
    }

    #[test]
    fn addresses_are_read_with_prefixes_long_enough_for_every_name() {
        let longest = Divisions::bundled()
            .iter()
            .map(|d| d.name().chars().count())
            .max();
        assert!(
            longest.is_some_and(|longest| longest <= MAX_NAME_CHARS),
            "{longest:?}"
        );
        assert_eq!(names("新疆维吾尔自治区乌鲁木齐市天山区"), ["天山区"]);
        assert_eq!(
            names("积石山保安族东乡族撒拉族自治县"),
            ["积石山保安族东乡族撒拉族自治县"]
        );
    }

    fn notes(query: &str) -> Vec<PlaceNote<'static>> {
        let gazetteer = Gazetteer::new(Divisions::bundled());
        gazetteer
            .resolve(query)
            .map(|found| found.notes)
            .unwrap_or_default()
    }

    #[test]
    fn a_bare_name_means_its_most_prominent_place_and_says_so() {
        for (query, expected) in [
            ("西安", "西安市"),
            ("大同", "大同市"),
            ("中山", "中山市"),
            ("tai'an", "泰安市"),
            ("黄山", "黄山市"),
            ("乌鲁木齐", "乌鲁木齐市"),
        ] {
            assert_eq!(names(query), [expected], "{query}");
            let found = notes(query);
            let [PlaceNote::Prominent { others, .. }] = found.as_slice() else {
                panic!("{query}: {found:?}");
            };
            let gazetteer = Gazetteer::new(Divisions::bundled());
            for (other, hint) in others {
                let hint = hint.as_deref().expect("a division has a hint");
                assert_eq!(
                    gazetteer.resolve(hint).map(|found| found.places),
                    Ok(vec![*other]),
                    "{query}: {hint}"
                );
            }
        }
        // A full name means exactly that; several at the top level stay several.
        assert_eq!(names("大同区"), ["大同区"]);
        assert_eq!(names("鼓楼区").len(), 4);
        assert_eq!(names("suzhou").len(), 3);
    }

    #[test]
    fn hints_name_one_place_each() {
        let gazetteer = Gazetteer::new(Divisions::bundled());
        let found = gazetteer.resolve("鼓楼区").expect("four places");
        let hints: Vec<String> = found
            .places
            .iter()
            .map(|&place| gazetteer.hint_for(place).expect("a division has a hint"))
            .collect();
        assert_eq!(
            hints,
            ["南京鼓楼区", "徐州鼓楼区", "福州鼓楼区", "开封鼓楼区"]
        );
    }

    #[test]
    fn addresses_as_map_apps_write_them() {
        for (query, expected) in [
            ("北京北京市东城区", "东城区"),
            ("重庆市重庆市渝北区", "渝北区"),
            ("湖南长沙长沙县星沙镇", "长沙县"),
            ("湖北武汉复兴路111号", "武汉市"),
            ("昆山花桥镇", "昆山市"),
            ("江苏省 苏州市 吴江区 干将东路678号", "吴江区"),
            ("黑龙江哈尔滨宾县宾州镇", "宾县"),
            ("延边州", "延边朝鲜族自治州"),
            ("内蒙包头青山区", "青山区"),
            ("山东青岛市北区", "市北区"),
            ("山东济南市中区", "市中区"),
            ("上海南京西路", "上海市"),
            ("中国浙江省杭州市", "杭州市"),
            ("西安交通大学", "西安市"),
        ] {
            assert_eq!(names(query), [expected], "{query}");
        }
        for road in ["绍兴路59号", "金水路751号", "南京西路"] {
            assert!(names(road).is_empty(), "{road}: {:?}", names(road));
        }
        let found = notes("江苏省xyz");
        let [PlaceNote::Unread { rest, .. }] = found.as_slice() else {
            panic!("{found:?}");
        };
        assert_eq!(rest, "xyz");
    }

    #[test]
    fn one_argument_may_name_several_stops() {
        let gazetteer = Gazetteer::new(Divisions::bundled());
        for (query, expected) in [
            ("上海 苏州 南京", vec!["上海市", "苏州市", "南京市"]),
            ("北京、天津", vec!["北京市", "天津市"]),
        ] {
            let Ok(Reading::Several(stops)) = gazetteer.read(query) else {
                panic!("{query}: {:?}", gazetteer.read(query));
            };
            let found: Vec<&str> = stops.iter().map(|(_, r)| r.places[0].name()).collect();
            assert_eq!(found, expected, "{query}");
        }
        // A qualifier is no second stop.
        assert_eq!(names("苏州 江苏"), ["苏州市"]);
        assert_eq!(names("成 都"), ["成都市"]);
        assert!(matches!(
            gazetteer.resolve("上海 苏州"),
            Err(PlaceError::Several { .. })
        ));
    }

    #[test]
    fn escape_neutralises_control_characters() {
        assert_eq!(escape("a\u{1b}[31mb\n"), "a\\u{1b}[31mb\\n");
        assert_eq!(escape("成都"), "成都");
    }
}
