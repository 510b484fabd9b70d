//! Places in text: every gazetteer name found by one pass of the name index, then filtered and
//! disambiguated.
//!
//! Key decisions:
//! - One pass of the gazetteer's name index yields every (overlapping) occurrence of every name,
//!   alias and demonym. Each occurrence must sit at word boundaries (Unicode letters and digits
//!   on either side reject it; a possessive `'s`/`’s` or a hyphen suffix like `-based` after it
//!   is fine) and must match the case of the spelling word by word, or be all capitals (a
//!   dateline: "ROME"). Of the accepted occurrences the leftmost-longest win, so "Tripoli
//!   International Airport" is one mention of the airport and "eastern Libya" one of a region.
//! - Broad-layer (`GeoNames`) names need more care than curated ones: a one-word broad name next
//!   to another capitalised word is taken for part of a person's or organisation's name, and an
//!   all-caps broad name counts only at the start of a line.
//! - Names that are also words or people's names are weak: taken where the context says place
//!   ("in Reading"), and then throughout the article; a surname the article gives a person
//!   ("Sheila D. Jones") is that person throughout. The word tests live in [`words`].
//! - Demonyms ("Libyan") are mentions of their country that make no event
//!   ([`Reason::Demonym`]); they and unambiguous mentions are evidence of countries
//!   ([`ContextCountries`]). Homonyms are resolved by the article's focus, the way
//!   CLAVIN, Mordecai and the Edinburgh Geoparser do: an apposition right after the name
//!   ("Paris, Tenn.", "Tripoli, Lebanon"), a division word ("Laurel County"), the divisions and
//!   countries the article names (a dateline counts three times), spatial coherence with the
//!   towns it names unambiguously, one sense per article, then a prior by kind and population
//!   (curated over broad, primary names over alternate names). Each mention keeps its
//!   [`Reason`].
//! - Abbreviations ("U.S.", "Ky.", "NSW") match only with their exact case; a division's short
//!   form only in apposition or after a preposition; a state code that is a word or another
//!   state's code elsewhere ("WA", "BC") only in a story of its country. Weak names (mostly
//!   persons: "Victoria") need a place cue. Names inside street, square, hotel and airline
//!   names are not places.
//! - The unknown-name finder (capitalised names that look like places but match nothing) lives
//!   in [`unknown`].

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::Serialize;

use crate::coord::LatLon;
use crate::gazetteer::names::{NameHit, is_abbreviation};
use crate::gazetteer::{Gazetteer, KindClass, NameRole, PlaceIdx, PlaceKind, PlaceSource};

mod bare_seas;
mod person_names;
mod phones;
mod short_forms;
mod sites;
mod unknown;
mod words;

pub use unknown::{UnknownName, unknown_place_names};
use words::{
    COMPASS_WORDS, DIVISION_WORDS, FUNCTION_WORDS, INSTITUTION_WORDS, Occurrence,
    after_initial_or_title, after_listed_given_name, at_line_start, at_word_boundaries,
    at_word_boundaries_of_a_name, case_matches, closes_capitalised_run, dateline_after,
    embedded_in_name, in_apposition, inside_capitalised_run, is_all_caps, is_capitalised,
    local_news_cue, modifies_name, named_thing_after_the, opens_a_list_of_places,
    opens_capitalised_run, opens_named_body, opens_organisation, opens_person_name,
    organisation_of, party_label_after, place_context, placed_by_its_neighbours,
    region_opens_named_body, speaks, stands_for_its_occupants, starts_organisation_name,
    strong_place_context, who_follows, word_after, word_before,
};

/// One mention of a place: `text[start..end]` names `place`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlaceMention {
    pub start: usize,
    pub end: usize,
    pub place: PlaceIdx,
    /// 0..=1: how sure the matcher is that this surface means this place.
    pub confidence: f32,
    /// Why this place was chosen.
    pub reason: Reason,
}

impl PlaceMention {
    /// A demonym ("Russian"): a reference to the place that makes no event there.
    pub fn is_demonym(&self) -> bool {
        self.reason == Reason::Demonym
    }
}

/// `mention` of `text` is the place in an organisation's name ("Bank of Montreal said it would
/// cut jobs", "the Royal Bank of Canada", "Banque de France"): a reference to the place that
/// makes an event only where the article names the place as a place too.
pub fn names_an_organisation(text: &str, mention: &PlaceMention) -> bool {
    // Decided by the bytes first: "of" or a Romance "of" ("de", "della": a short lower-case
    // word that opens with a "d") before the name, as most mentions have not.
    let before = text.as_bytes().get(..mention.start).unwrap_or(&[]);
    let Some((b' ', rest)) = before.split_last() else {
        return false;
    };
    let short = rest
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_lowercase())
        .count();
    let word = rest.get(rest.len() - short..).unwrap_or(&[]);
    (word == b"of" || (2..=5).contains(&short) && word.first() == Some(&b'd'))
        && organisation_of(text, mention.start)
}

/// Countries named or implied (by demonyms, by places that exist in only one country) in an
/// article: the evidence used to choose between homonyms.
///
/// An article names a handful of countries, so both lists are small vectors searched linearly:
/// cheaper than hashing for every span of every article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContextCountries {
    /// ISO alpha-2 code (upper case) and its number of mentions, in order of first mention.
    counts: Vec<(Code, u32)>,
    /// Countries with a mention of one of their provinces or states ("Idaho").
    with_admin_area: Vec<Code>,
}

/// A country code as a [`ContextCountries`] keeps it: inline where it is two bytes (every ISO
/// alpha-2 code), on the heap otherwise (a code from outside is kept as given). An article's
/// contexts take in a code for most names they weigh, and a string allocated and freed for each
/// cost more than the rest of their bookkeeping.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Code {
    Pair([u8; 2]),
    Other(String),
}

impl Code {
    fn new(iso: &str) -> Code {
        match *iso.as_bytes() {
            [a, b] => Code::Pair([a, b]),
            _ => Code::Other(iso.to_owned()),
        }
    }

    /// `iso` with its ASCII letters upper-cased.
    fn upper(iso: &str) -> Code {
        match *iso.as_bytes() {
            [a, b] => Code::Pair([a.to_ascii_uppercase(), b.to_ascii_uppercase()]),
            _ => Code::Other(iso.to_ascii_uppercase()),
        }
    }

    fn as_bytes(&self) -> &[u8] {
        match self {
            Code::Pair(pair) => pair,
            Code::Other(iso) => iso.as_bytes(),
        }
    }

    fn as_str(&self) -> &str {
        match self {
            // (Two bytes of a string, changed only in ASCII case: a string still.)
            Code::Pair(pair) => std::str::from_utf8(pair).unwrap_or(""),
            Code::Other(iso) => iso,
        }
    }
}

/// The state an overseas territory with a country code of its own belongs to: the territories
/// of the United States, and the overseas departments and collectivities of France (ISO 3166).
fn sovereign_of(iso: &str) -> Option<&'static str> {
    // (By bytes: a match of strings compared the code with each in turn, a library call each.)
    match iso.as_bytes() {
        b"AS" | b"GU" | b"MP" | b"PR" | b"UM" | b"VI" => Some("US"),
        b"BL" | b"GF" | b"GP" | b"MF" | b"MQ" | b"NC" | b"PF" | b"PM" | b"RE" | b"WF" | b"YT" => {
            Some("FR")
        }
        _ => None,
    }
}

impl ContextCountries {
    pub fn new() -> Self {
        Self::default()
    }

    /// The countries named or implied in `text` (one pass of the name index).
    pub fn from_text(text: &str, gazetteer: &Gazetteer) -> Self {
        let spans = accepted_spans(text, gazetteer);
        Self::from_spans(&spans, gazetteer)
    }

    /// Adds `n` mentions of the country with ISO code `iso` (e.g. from a title or a corpus).
    pub fn add(&mut self, iso: &str, n: u32) {
        // Keys are upper-cased on insertion, so this finds the key `iso.to_ascii_uppercase()`:
        // for a two-byte code (every ISO code) as the pair of bytes it is kept as, compared
        // inline (a comparison of slices called the library for each key).
        let found = match *iso.as_bytes() {
            [a, b] => {
                let pair = [a.to_ascii_uppercase(), b.to_ascii_uppercase()];
                self.counts
                    .iter_mut()
                    .find(|(k, _)| matches!(k, Code::Pair(p) if *p == pair))
            }
            _ => self
                .counts
                .iter_mut()
                .find(|(k, _)| k.as_bytes().eq_ignore_ascii_case(iso.as_bytes())),
        };
        match found {
            Some((_, count)) => *count += n,
            None => self.counts.push((Code::upper(iso), n)),
        }
    }

    fn add_admin_area(&mut self, iso: &str) {
        // (A two-byte code as a pair of bytes, as in `add`.)
        let known = match *iso.as_bytes() {
            [a, b] => self
                .with_admin_area
                .iter()
                .any(|c| matches!(c, Code::Pair(p) if *p == [a, b])),
            _ => self
                .with_admin_area
                .iter()
                .any(|c| c.as_bytes() == iso.as_bytes()),
        };
        if !known {
            self.with_admin_area.push(Code::new(iso));
        }
    }

    /// Adds all the evidence of `other`.
    pub fn extend(&mut self, other: &ContextCountries) {
        for (iso, n) in &other.counts {
            self.add(iso.as_str(), *n);
        }
        for iso in &other.with_admin_area {
            self.add_admin_area(iso.as_str());
        }
    }

    /// Mentions of the country `iso`.
    pub fn count(&self, iso: &str) -> u32 {
        // A two-byte code (every ISO code) compared as a pair of bytes, inline: asked of most
        // readings a score weighs, where comparing slices called the library for each key.
        if let &[a, b] = iso.as_bytes() {
            return self
                .counts
                .iter()
                .find_map(|(k, n)| matches!(k, Code::Pair(pair) if *pair == [a, b]).then_some(*n))
                .unwrap_or(0);
        }
        self.counts
            .iter()
            .find_map(|(k, n)| (k.as_bytes() == iso.as_bytes()).then_some(*n))
            .unwrap_or(0)
    }

    /// The countries with their mentions, most mentioned first.
    pub fn ranked(&self) -> Vec<(&str, u32)> {
        let mut out: Vec<(&str, u32)> = self.counts.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        out
    }

    /// The first of [`Self::ranked`], without a list of them all: the most mentioned country,
    /// of those mentioned equally often the first by its code.
    fn top(&self) -> Option<&str> {
        self.counts
            .iter()
            .map(|(k, v)| (k.as_str(), *v))
            .min_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)))
            .map(|(k, _)| k)
    }

    /// Mentions of the country `iso` or of the state it is a territory of: a story of the
    /// United States names Guam or Saipan (GU, MP in `GeoNames`) as places at home.
    fn count_with_sovereign(&self, iso: &str) -> u32 {
        self.count(iso) + sovereign_of(iso).map_or(0, |s| self.count(s))
    }

    fn max(&self) -> u32 {
        self.counts.iter().map(|(_, n)| *n).max().unwrap_or(0)
    }

    fn from_spans<'s>(spans: impl IntoIterator<Item = &'s Span>, g: &Gazetteer) -> Self {
        let mut ctx = ContextCountries::new();
        for span in spans.into_iter().filter(|s| !s.cues.partial()) {
            // The one country of the span's candidates, if they agree on one.
            let mut country: Option<&str> = None;
            let mut ambiguous = false;
            let mut admin = false;
            for &(role, _) in &span.roles {
                let idx = role.idx();
                let place = g.get(idx);
                if let Some(c) = place.country {
                    ambiguous |= country.is_some_and(|first| first != c);
                    country = Some(c);
                }
                admin |= role.place().is_some() && place.kind == PlaceKind::AdminArea;
            }
            // Only unambiguous names are evidence; "Tripoli" alone says nothing.
            if !ambiguous && let Some(c) = country {
                ctx.add(c, 1);
                if admin {
                    ctx.add_admin_area(c);
                }
            }
        }
        ctx
    }
}

/// Towns abroad under this population named after a country or a state do not make its name
/// ambiguous evidence ([`namesake_towns_abroad`]).
const NAMESAKE_TOWN_MAX_POPULATION: u64 = 100_000;

/// A state or province from this population is what its name means beside small towns
/// abroad; smaller divisions (English boroughs such as Wakefield) often name the towns meant.
const NAMESAKE_DIVISION_MIN_POPULATION: u64 = 1_000_000;

/// The country of a name's one country or first-level-division reading by its own name, where
/// every reading in another country is a town below [`NAMESAKE_TOWN_MAX_POPULATION`]: news
/// that names "Australia" or "Queensland" means the country or the state, not the Cuban or
/// Canadian village named after it.
fn namesake_towns_abroad<'g>(roles: &[(NameRole, bool)], g: &'g Gazetteer) -> Option<&'g str> {
    let mut major: Option<&str> = None;
    for &(role, primary) in roles {
        // (Not a name that is mostly a common word: "North Side".)
        let NameRole::Place(idx) = role else { continue };
        let p = g.get(idx);
        let area = p.kind == PlaceKind::Country
            || (p.kind == PlaceKind::AdminArea
                && g.division_level(idx) == 1
                && p.population.unwrap_or(0) >= NAMESAKE_DIVISION_MIN_POPULATION);
        if primary && area {
            let c = p.country?;
            if major.is_some_and(|m| m != c) {
                return None;
            }
            major = Some(c);
        }
    }
    let major = major?;
    // (Only a name with readings abroad or towns at home: one of areas of a single country
    // is evidence already. "In Maine, lobstermen in Kittery": Maine is a village of
    // Wisconsin's name too.)
    let mut abroad = false;
    let mut town = false;
    roles
        .iter()
        .all(|&(role, _)| {
            let p = g.get(role.idx());
            let home = p.country == Some(major);
            abroad |= !home;
            town |= p.kind.class() != KindClass::Area;
            home || (p.kind == PlaceKind::City
                && p.population.unwrap_or(0) < NAMESAKE_TOWN_MAX_POPULATION)
        })
        .then_some(major)
        .filter(|_| abroad || town)
}

/// Why a place was chosen for a mention: shown on hover and exported (`reason`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The only place with this name.
    OnlyCandidate,
    /// A street, building or venue named with the town it lies in ("the Barclays Center in
    /// Brooklyn"), or named again in the article: a mention of that town.
    SiteInTown,
    /// A street, building or venue named without a town, in a sentence naming no other place,
    /// in a story under a town's dateline ("WINNIPEG — ... the 200 block of River Avenue"): a
    /// mention of that town.
    SiteUnderDateline,
    /// A street, building or venue named without a town, outside a dateline's reach: a mention
    /// of the town its sentence names, or else of the town the story named last before it (or
    /// first after it): "Police closed Royal Street" in a story of New Orleans.
    SiteNearTown,
    /// "the Gulf", "the Channel": the sea of that bare name whose shores the article's other
    /// places are on (the Persian Gulf beside Kuwait, the Gulf of Mexico beside Louisiana).
    SeaBesidePlaces,
    /// "Paris, Texas", "Athens, Ga.", "Tripoli (Lebanon)": the place inside the one named next.
    Apposition,
    /// A place inside a state or province the article names.
    DivisionInArticle,
    /// A place in a country the article names most.
    CountryInArticle,
    /// A town or division in the country its sentence sets the scene in ("In neighbouring
    /// Mali, the last French troops left Gao" in a story of Burkina Faso, where a smaller Gao
    /// lies).
    CountryInSentence,
    /// A town in the state or province its sentence names before it ("Parts of Wales,
    /// including Bangor and Caernarfon" in a story that names Northern Ireland and its Bangor
    /// first).
    DivisionInSentence,
    /// The same name earlier in the article was settled ("one sense per article").
    OneSense,
    /// Near towns the article names unambiguously (spatial coherence).
    NearOtherPlaces,
    /// In a country whose money the article counts in ("$2 million", "£40"), in an article
    /// that names no country.
    Currency,
    /// No context decides: the curated entry, or the largest place (countries and divisions
    /// before towns).
    Prior,
    /// "Russian", "Palestinians": a demonym names the country (or continent) of a people, not a
    /// place where something happened. Such a mention is kept (it is a reference to the place)
    /// but makes no event.
    Demonym,
}

impl Reason {
    /// A street, building or venue shown at its town, not a name of the town itself.
    pub fn is_site(self) -> bool {
        matches!(
            self,
            Reason::SiteInTown | Reason::SiteUnderDateline | Reason::SiteNearTown
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Reason::OnlyCandidate => "only_candidate",
            Reason::SiteInTown => "site_in_town",
            Reason::SiteUnderDateline => "site_under_dateline",
            Reason::SiteNearTown => "site_near_town",
            Reason::SeaBesidePlaces => "sea_beside_places",
            Reason::Apposition => "apposition",
            Reason::DivisionInArticle => "division_in_article",
            Reason::CountryInArticle => "country_in_article",
            Reason::CountryInSentence => "country_in_sentence",
            Reason::DivisionInSentence => "division_in_sentence",
            Reason::OneSense => "one_sense",
            Reason::NearOtherPlaces => "near_other_places",
            Reason::Currency => "currency",
            Reason::Prior => "prior",
            Reason::Demonym => "demonym",
        }
    }

    /// Why, in words, for the hover of a mention.
    pub fn describe(self) -> &'static str {
        match self {
            Reason::OnlyCandidate => "the only place of this name",
            Reason::SiteInTown => concat!(
                "a street, building or venue in this town (\"the Barclays Center in Brooklyn\"), ",
                "shown at the town"
            ),
            Reason::SiteUnderDateline => concat!(
                "a street, building or venue of a story datelined in this town (\"WINNIPEG — ... ",
                "River Avenue\"), shown at the town"
            ),
            Reason::SiteNearTown => concat!(
                "a street, building or venue the gazetteer lacks, in the town the story names ",
                "beside it, shown at the town"
            ),
            Reason::SeaBesidePlaces => {
                "\"the Gulf\", \"the Channel\": the sea of this name beside the places the article names"
            }
            Reason::Apposition => {
                "named with its state or country (\"Athens, Ga.\", \"Georgia's Washington County\")"
            }
            Reason::DivisionInArticle => "inside a state or province the article names",
            Reason::CountryInArticle => {
                "in the country the article names most (in its text, title or web address)"
            }
            Reason::CountryInSentence => "in the country its sentence is set in (\"In Mali, ...\")",
            Reason::DivisionInSentence => {
                "in the state or province its sentence names before it (\"Parts of Wales, including \
                 Bangor\")"
            }
            Reason::OneSense => "the place this name meant earlier in the article",
            Reason::NearOtherPlaces => "near other places the article names",
            Reason::Currency => "in a country of the money the article counts in ($, £)",
            Reason::Prior => "the best-known place of this name: nothing in the article decides",
            Reason::Demonym => {
                "named by its people (\"Russian\"): a reference, not where something happened"
            }
        }
    }
}

/// A city holding this share (NUM/DENOM) of the people of a state or country of its name is
/// what a compass adjective divides ("southern Tripoli": 1.3 million of the district's 1.6).
const CITY_OF_ITS_AREA_NUM: u64 = 7;
const CITY_OF_ITS_AREA_DENOM: u64 = 10;

/// Among a name's readings, a city holds [`CITY_OF_ITS_AREA_NUM`]/[`CITY_OF_ITS_AREA_DENOM`]
/// of the people of the largest state or country of the name ("Tripoli": 1.3 million of the
/// district's 1.6): the area is the city and its outskirts, and the name the city's.
fn city_holds_its_area(c: &[(PlaceIdx, bool)], g: &Gazetteer) -> bool {
    let area = |p: PlaceIdx| g.get(p).kind == PlaceKind::Country || g.division_level(p) == 1;
    let most = |of_areas: bool| {
        c.iter()
            .filter(|&&(p, _)| {
                area(p) == of_areas && (of_areas || g.get(p).kind == PlaceKind::City)
            })
            .filter_map(|&(p, _)| g.get(p).population)
            .max()
            .unwrap_or(0)
    };
    let (city, area) = (most(false), most(true));
    // (Populations well below u64's range: the products cannot overflow.)
    city > 0 && area > 0 && city * CITY_OF_ITS_AREA_DENOM >= area * CITY_OF_ITS_AREA_NUM
}

/// The most unambiguous places kept as anchors for spatial coherence (see [`score`]).
const MAX_ANCHORS: usize = 128;

/// The article's geographic focus: its countries (with [`ContextCountries`]) and the
/// first-level divisions it names or whose places it names unambiguously.
#[derive(Clone, Debug, Default)]
struct Focus<'g> {
    countries: ContextCountries,
    /// `CC.code` keys of divisions, with their weight. (The keys and codes of a focus are the
    /// gazetteer's own strings, borrowed: no string is allocated and freed for each.)
    admin1: Vec<(&'g str, u32)>,
    /// The divisions that unambiguous mentions name or lie in ("CAMP MURRAY, Wash.", "Tacoma,
    /// Washington"): a state of an ambiguous name among them wins over a city elsewhere.
    sure_admin1: Vec<&'g str>,
    /// Countries named by countries, divisions, regions and demonyms only (not by towns).
    areas: ContextCountries,
    /// Countries named by their divisions and by towns smaller than a metropolis (not by
    /// their own names or by cities such as New York that any story may name in passing).
    ground: ContextCountries,
    /// Countries named by their own or a state's name that small towns abroad share
    /// ([`namesake_towns_abroad`]): support for towns there, no focus of the article.
    namesakes: ContextCountries,
    /// Points of the towns, facilities and counties the article names unambiguously: a
    /// homonym near them wins (spatial coherence).
    anchors: Vec<LatLon>,
    /// Points of the countries and divisions the article names unambiguously: a country or
    /// division of an ambiguous name near them wins ("Georgia" beside Azerbaijan is the
    /// country, beside Alabama the state).
    area_anchors: Vec<LatLon>,
    /// The points of the countries among [`Focus::area_anchors`], by ISO code.
    country_points: Vec<(&'g str, LatLon)>,
    /// Readings of ambiguous names that lie close to a reading of another ambiguous name
    /// ("Huntsville" and "Walker County": the Texas ones), sorted, once per such name with
    /// what that name is worth to it ([`pair_weight`]), the heaviest first.
    paired: Vec<(PlaceIdx, f32)>,
    /// The countries of the money the article counts in ([`words::currency_countries`]).
    currency: Vec<&'static str>,
    /// The first-level divisions some reading of a name the article gives is ("Victoria":
    /// the Australian state among others), by their `CC.code` keys.
    named_admin1: Vec<&'g str>,
}

impl<'g> Focus<'g> {
    fn add_admin1(&mut self, key: &'g str, n: u32) {
        match self.admin1.iter_mut().find(|(k, _)| *k == key) {
            Some((_, c)) => *c += n,
            None => self.admin1.push((key, n)),
        }
    }

    fn admin1(&self, key: &str) -> u32 {
        self.admin1
            .iter()
            .find_map(|&(k, n)| (k == key).then_some(n))
            .unwrap_or(0)
    }

    /// The article names an area of the country `iso` (or of the state it is a territory of):
    /// the country, a division or a people, or a name of its own that small towns bear too.
    fn names_an_area_of(&self, iso: &str) -> bool {
        self.areas.count_with_sovereign(iso) > 0 || self.namesakes.count_with_sovereign(iso) > 0
    }

    /// The most names of areas the article gives one country: of a country it names an area
    /// of unambiguously (a country, a division, a demonym), those areas and the names of its
    /// own or its states' that small towns abroad bear too ("LISMORE, Australia ... New South
    /// Wales": "Australia" is a village of Cuba's name as well). (Not such names alone: "Paris"
    /// in a story of Paris, Texas, is no area of France.)
    fn areas_named_most(&self) -> u32 {
        self.areas
            .counts
            .iter()
            .map(|(k, n)| n + self.namesakes.count(k.as_str()))
            .max()
            .unwrap_or(0)
    }
}

/// Finds the place mentions in `text`, sorted by `start`, non-overlapping.
pub fn find_places(text: &str, gazetteer: &Gazetteer) -> Vec<PlaceMention> {
    find_places_with_context(text, gazetteer, &ContextCountries::new())
}

/// The countries an article's title and web address name, as evidence beside its text for
/// [`find_places_with_context`]: a title's places as the text's own count ("Floods in Sindh"
/// over a story of "Hyderabad"; only names of one country, as in the text), and a country-code
/// domain as one mention of its country ("www.stuff.co.nz": "police in Hamilton" is New
/// Zealand's).
pub fn source_countries(title: &str, url: Option<&str>, g: &Gazetteer) -> ContextCountries {
    let mut ctx = if title.trim().is_empty() {
        ContextCountries::new()
    } else {
        ContextCountries::from_spans(&accepted_spans(title, g), g)
    };
    if let Some(code) = url.and_then(|u| country_of_address(u, g)) {
        ctx.add(&code, 1);
    }
    ctx
}

/// Country-code domains sold as generic names (".io", ".tv", ".me", ".co", free domains): no
/// evidence of a country.
const GENERIC_DOMAINS: &[&str] = &[
    "ac", "ai", "am", "cc", "cd", "cf", "co", "dj", "fm", "ga", "gg", "gl", "gq", "im", "io", "la",
    "md", "me", "ml", "nu", "sh", "so", "st", "tk", "to", "tv", "vc", "ws",
];

/// The country (ISO code) of a web address's country-code domain, where the gazetteer has it:
/// `www.abc.net.au/news/...` is Australia's, `bbc.co.uk` the United Kingdom's. `None`
/// for generic domains (".com", ".org", [`GENERIC_DOMAINS`]) and for what is no address.
fn country_of_address(url: &str, g: &Gazetteer) -> Option<String> {
    let rest = url.trim().split_once("://").map_or(url.trim(), |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_suffix('.').unwrap_or(host);
    let (_, tld) = host.rsplit_once('.')?;
    if tld.len() != 2 || !tld.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let tld = tld.to_ascii_lowercase();
    if GENERIC_DOMAINS.contains(&tld.as_str()) {
        return None;
    }
    let code = if tld == "uk" {
        "GB".to_owned()
    } else {
        tld.to_ascii_uppercase()
    };
    g.country_population(&code).is_some().then_some(code)
}

/// Like [`find_places`], with extra evidence of countries (from the title, the corpus, the
/// user) added to what the text itself says.
pub fn find_places_with_context(
    text: &str,
    gazetteer: &Gazetteer,
    extra: &ContextCountries,
) -> Vec<PlaceMention> {
    let g = gazetteer;
    let mut spans = accepted_spans(text, g);
    let countries = ContextCountries::from_spans(&spans, g);
    focus_abbreviations(text, g, &countries, &mut spans);
    let mut focus = Focus {
        countries,
        admin1: Vec::new(),
        sure_admin1: Vec::new(),
        anchors: Vec::new(),
        area_anchors: Vec::new(),
        country_points: Vec::new(),
        areas: ContextCountries::new(),
        ground: ContextCountries::new(),
        namesakes: ContextCountries::new(),
        paired: Vec::new(),
        currency: words::currency_countries(text),
        named_admin1: Vec::new(),
    };
    // (Borrowed, not cloned: a span's readings are a vector of their own.)
    let area_spans = spans.iter().filter(|s| {
        !s.cues.partial()
            && s.roles.iter().all(|&(r, _)| match r {
                NameRole::Demonym(_) => true,
                _ => g.get(r.idx()).kind.class() == KindClass::Area,
            })
    });
    focus.areas = ContextCountries::from_spans(area_spans, g);
    // Divisions and towns below a metropolis: a story at the United Nations in New York is
    // not set there.
    let ground_spans = spans.iter().filter(|s| {
        !s.cues.partial()
            && s.roles.iter().all(|&(r, _)| {
                let p = g.get(r.idx());
                matches!(r, NameRole::Place(_))
                    && !matches!(p.kind, PlaceKind::Country | PlaceKind::Region)
                    && (p.kind.class() == KindClass::Area
                        || p.population.unwrap_or(0) < METROPOLIS_POPULATION)
            })
    });
    focus.ground = ContextCountries::from_spans(ground_spans, g);
    // A country's or state's own name is its country even where small towns abroad bear it
    // too ("Australia" of Cuba, "Queensland" of Alberta): support for its towns, though no
    // focus of the article (a story of Lebanon, Tennessee names "Lebanon" throughout).
    for s in spans.iter().filter(|s| !s.cues.partial()) {
        if let Some(c) = namesake_towns_abroad(&s.roles, g) {
            focus.namesakes.add(c, 1);
        }
    }
    focus.areas.extend(extra);
    focus.countries.extend(extra);
    // Candidates per span, narrowed by appositions and division words: one list for all the
    // spans, each span's a range of it, built in a scratch list reused from span to span, so
    // that a span costs no allocation of its own. A span's candidates are among its roles: the
    // room for every role, taken up front, is enough for the list and the scratch alike.
    let (all_roles, most_roles) = spans.iter().fold((0, 0), |(all, most), s| {
        (all + s.roles.len(), most.max(s.roles.len()))
    });
    let mut all_cands: Vec<(PlaceIdx, bool)> = Vec::with_capacity(all_roles);
    let mut ranges: Vec<(std::ops::Range<usize>, bool)> = Vec::with_capacity(spans.len());
    let mut c: Vec<(PlaceIdx, bool)> = Vec::with_capacity(most_roles);
    // The containers of the towns an apposition just settled ("Tacoma, Washington": the state
    // Tacoma lies in, not the capital): (first-level divisions, countries).
    let mut container: Option<(Vec<&str>, Vec<&str>)> = None;
    // The names said to be in a place none of their towns is in ("the town of Palma in northern
    // Mozambique"): the article's other mentions of the name are none of those towns either.
    let mut elsewhere: Vec<&str> = Vec::new();
    for (i, span) in spans.iter().enumerate() {
        c.clear();
        c.extend(
            span.roles
                .iter()
                .filter_map(|&(r, primary)| r.place().map(|p| (p, primary))),
        );
        c.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        c.dedup_by_key(|x| x.0);
        let mut narrowed = false;
        // "the church, 400 S. Locust St., Lebanon": the name after a street address is its
        // town, not a country or state of the name.
        if c.len() > 1
            && c.iter().any(|&(p, _)| g.get(p).kind == PlaceKind::City)
            && c.iter()
                .any(|&(p, _)| g.get(p).kind.class() == KindClass::Area)
            && words::town_of_an_address(text, span.start)
        {
            c.retain(|&(p, _)| g.get(p).kind == PlaceKind::City);
        }
        // "on the Zambezi", "the Blue Nile bridge": a river's name without "River".
        if !c.is_empty()
            && let Some(river) = curated_river_after_the(text, span, &c, g)
        {
            c.clear();
            c.push((river, true));
        }
        // "Quebec's government", "from Quebec, where the province's minister": the province,
        // not its capital of the name.
        if c.len() > 1
            && words_of_the_division_after(text, span.end)
            && c.iter().any(|&(p, _)| g.get(p).kind == PlaceKind::City)
            && c.iter().any(|&(p, _)| g.division_level(p) == 1)
            && !c.iter().any(|&(p, _)| g.get(p).kind == PlaceKind::Country)
        {
            c.retain(|&(p, _)| g.division_level(p) == 1);
        }
        // "the Chilean city of Concepcion": a town its country's demonym calls a town is in
        // that country, where it has a reading there.
        if c.len() > 1
            && let Some(k) = country_of_a_demonyms_town(text, &spans, i, g)
            && c.iter().any(|&(p, _)| g.get(p).country == Some(k))
        {
            c.retain(|&(p, _)| g.get(p).country == Some(k));
        }
        // "central Washington", "eastern Georgia": a part of a state or a country named by
        // a compass adjective is of that area, not of a city or town of the name; unless a
        // city holds most of the area's people ("southern Tripoli", "eastern Aleppo": the
        // governorate is the city and its outskirts). So is a name things spread "across" or
        // "throughout" ("protests grew across Quebec": the province).
        if c.len() > 1
            && c.iter().any(|&(p, _)| g.get(p).kind == PlaceKind::City)
            && c.iter()
                .any(|&(p, _)| g.get(p).kind == PlaceKind::Country || g.division_level(p) == 1)
            && word_before(text, span.start).is_some_and(|w| {
                words::is_compass_adjective(w)
                    || w.eq_ignore_ascii_case("across")
                    || w.eq_ignore_ascii_case("throughout")
            })
        {
            if city_holds_its_area(&c, g) {
                c.retain(|&(p, _)| g.get(p).kind == PlaceKind::City);
            } else {
                c.retain(|&(p, _)| g.get(p).kind == PlaceKind::Country || g.division_level(p) == 1);
            }
        }
        // (Only where a division of the name could take the country's place: towns of a
        // country's name seldom do.)
        if c.len() > 1
            && c.iter().any(|&(p, _)| g.get(p).kind == PlaceKind::Country)
            && c.iter().any(|&(p, _)| g.division_level(p) > 0)
            && listed_with_countries(text, &spans, i, g)
        {
            c.retain(|&(p, _)| g.get(p).kind == PlaceKind::Country);
        }
        // "Oregon and Washington laws", "Victoria or New South Wales": a name joined by "and"
        // or "or" to one that can be a state or province of the same country is one too, not
        // a small town of its name (Washington, Georgia, in a story from Atlanta); a large
        // city keeps its reading ("New York and Washington").
        if c.len() > 1
            && let Some(beside_areas_only) = coordinated_division(text, &spans, i, &c, g)
        {
            // (Small towns of the name abroad go too: "Ontario and New Brunswick" is no town
            // of New Jersey. A town in the division of its name stays beside names that may
            // be towns too: "Žilina, Nitra, Prešov and Košice" are the towns as much as their
            // regions; beside names of states only, "Ekiti, Osun and Ondo" are states.)
            // ("Sirte and al-Jufra": a city that holds most of its division's people is the
            // city beside a division's name too.)
            if beside_areas_only && city_holds_its_area(&c, g) {
                c.retain(|&(p, _)| g.get(p).kind == PlaceKind::City);
            }
            let divisions: Vec<&str> = c
                .iter()
                .filter(|&&(p, _)| g.division_level(p) == 1)
                .filter_map(|&(p, _)| g.admin1(p))
                .collect();
            c.retain(|&(p, _)| {
                let place = g.get(p);
                if place.kind.class() == KindClass::Area {
                    return true;
                }
                if g.admin1(p).is_some_and(|k| divisions.contains(&k)) {
                    !beside_areas_only
                } else {
                    place.population.unwrap_or(0) >= COORDINATED_TOWN_MAX_POPULATION
                }
            });
        }
        if let Some((divisions, countries)) = container.take()
            && c.len() > 1
        {
            let holds: Vec<(PlaceIdx, bool)> = c
                .iter()
                .copied()
                .filter(|&(p, _)| match g.get(p).kind {
                    PlaceKind::Country => g.get(p).country.is_some_and(|k| countries.contains(&k)),
                    PlaceKind::AdminArea => {
                        g.division_level(p) == 1
                            && g.admin1(p).is_some_and(|k| divisions.contains(&k))
                    }
                    _ => false,
                })
                .collect();
            if !holds.is_empty() {
                c = holds;
                narrowed = true;
            }
        }
        // "Hodeidah province", "Herat province", "the province of Herat": a division word
        // after (or before) a name that is only a city's is the division the city names (the
        // governorate of Al Hudaydah, whose capital it is), where the data has one of the
        // city's own name.
        // (Whether the words around call the name a division: read once for the two rules
        // that ask, and only when one does.)
        let called = OnceCell::new();
        let called_a_division = || {
            *called.get_or_init(|| {
                words::called_a_division(&Occurrence::new(text, span.start, span.end))
            })
        };
        // ("The Sahel region", "the Lake Chad region": a region or a lake described as a
        // region is that one, which no country holds, not towns abroad; "Islamic State West
        // Africa Province", a capitalised division word, names something else, and "the
        // Asian-Pacific region" a wider one.)
        let described = || {
            !text.get(..span.start).is_some_and(|b| b.ends_with('-'))
                && word_after(text, span.end)
                    .is_some_and(|w| w == "Region" || w.starts_with(|c: char| c.is_lowercase()))
        };
        let only_towns = !c.is_empty()
            && c.iter().all(|&(p, _)| {
                g.division_level(p) == 0 && !(g.get(p).kind == PlaceKind::Region && described())
            });
        if only_towns && (span.division_word || called_a_division()) {
            let mut namesakes: Vec<(PlaceIdx, bool)> = c
                .iter()
                .filter_map(|&(p, primary)| namesake_division(g, p).map(|d| (d, primary)))
                .collect();
            namesakes.dedup_by_key(|x| x.0);
            if !namesakes.is_empty() {
                c = namesakes;
            }
            // "Nyanza Province", "the provinces of Nyanza, Rift Valley" in a story of Kenya: a
            // division word by the name of towns abroad only (Nyanza of Rwanda) names a division
            // the data lacks, not those towns.
            let abroad = |&(p, _): &(PlaceIdx, bool)| {
                g.division_level(p) == 0
                    && g.get(p).country.is_none_or(|k| focus.areas.count(k) == 0)
            };
            if !focus.areas.counts.is_empty() && c.iter().all(abroad) {
                c.clear();
            }
        }
        // "the city of Turkey", "the town of Lebanon": called a town, the name is no country
        // where a town bears it (Turkey, Texas). (A division stays: "the central town of Karak"
        // is in the governorate of its name where the data lacks the town.)
        if c.len() > 1
            && c.iter()
                .any(|&(p, _)| g.get(p).kind.class() != KindClass::Area)
            && c.iter().any(|&(p, _)| g.get(p).kind == PlaceKind::Country)
            && words::called_a_town(&Occurrence::new(text, span.start, span.end))
        {
            c.retain(|&(p, _)| g.get(p).kind != PlaceKind::Country);
        }
        // "the state of Washington", "New York Governor Andrew Cuomo": called a state or
        // province, the name is one where it can be.
        if c.len() > 1 && c.iter().any(|&(p, _)| g.division_level(p) == 1) && called_a_division() {
            c.retain(|&(p, _)| g.division_level(p) == 1);
        }
        // "the Cincinnati suburb of West Chester", "Giza's Haram district", "Douma, a suburb of
        // Damascus": a part of a city lies by it; where none of its readings does (the data
        // lacks Ohio's West Chester), it is placed at the city.
        // (Not a country or a state: "the Cacuaco district of Angola's capital", "Alvin, Texas,
        // a Houston suburb".)
        if !c.is_empty()
            && c.iter()
                .all(|&(p, _)| g.get(p).kind.class() != KindClass::Area)
            && let Some(cities) = city_of_a_part(text, &spans, i, g)
        {
            let near: Vec<(PlaceIdx, bool)> = c
                .iter()
                .copied()
                .filter(|&(p, _)| {
                    cities
                        .iter()
                        .any(|&q| within_km(g.get(p).coord, g.get(q).coord, PART_OF_CITY_KM))
                })
                .collect();
            // ("The Serra neighborhood of Petrópolis": a city with parts of its own, none of
            // whose readings lies by the other name, is the city the part is of, not a part of
            // that name's city.)
            let a_city_itself = near.is_empty()
                && c.iter().any(|&(p, _)| {
                    let p = g.get(p);
                    p.kind == PlaceKind::City
                        && p.population.unwrap_or(0) >= CITY_WITH_PARTS_MIN_POPULATION
                });
            let changed = near.len() != c.len() && !a_city_itself;
            if near.is_empty() {
                if !a_city_itself {
                    c = cities.into_iter().map(|q| (q, true)).collect();
                }
            } else {
                c = near;
            }
            // (Settled by the words around it, where they changed its readings: the reason
            // says so.)
            narrowed = changed && c.len() == 1;
        }
        if !narrowed && let Some(next) = said_to_be_in(text, &spans, i, &c, g) {
            narrowed = within_place(next, g, &mut c);
            // (A few names at most: the test of every span below stays linear.)
            if c.is_empty()
                && elsewhere.len() < MAX_ELSEWHERE
                && let Some(surface) = text.get(span.start..span.end)
                && !elsewhere.contains(&surface)
            {
                elsewhere.push(surface);
            }
        }
        // ("Holliday, Mo.", "Detroit, Texas": a lone town of the name elsewhere, where the data
        // lacks the one the apposition places, yields to that division too; not a common word
        // read as a town ("Still, Hawaii's experience"), and not a town near the division's
        // point, which may lie in it where the data files it under another ("Silverstone,
        // Northamptonshire", whose first-level division in the data is England).)
        let lone_town = c.len() == 1
            && g.get(c[0].0).kind.class() != KindClass::Area
            && span
                .roles
                .iter()
                .all(|&(r, _)| matches!(r, NameRole::Place(_)))
            && spans
                .get(i + 1)
                .is_some_and(|next| !listed_on(text, next.end));
        let lone = lone_town.then(|| c[0]);
        if (c.len() > 1 || lone_town) && !narrowed {
            if span.division_word {
                // "the wider Sahel region": a region (kind) the word "region" describes stays
                // beside the divisions of the name (Burkina Faso's Sahel), as in `described`.
                let word = word_after(text, span.end);
                let region_word = matches!(word, Some("region" | "Region"));
                // "Kent State University", "Kent State's campus": a capitalised "State" after
                // a county of England names the university of Kent, Ohio; "State" is the
                // word of divisions of countries of states only.
                let state_word = word == Some("State");
                let divisions: Vec<(PlaceIdx, bool)> = c
                    .iter()
                    .copied()
                    .filter(|(p, _)| {
                        (g.division_level(*p) > 0
                            && (!state_word
                                || g.get(*p)
                                    .country
                                    .is_some_and(|k| STATE_COUNTRIES.contains(&k))))
                            || (region_word && g.get(*p).kind == PlaceKind::Region)
                    })
                    .collect();
                if !divisions.is_empty() {
                    c = divisions;
                }
            }
            if let Some(next) = spans.get(i + 1) {
                narrowed = narrow_by_container(text, span, next, spans.get(i + 2), g, &mut c);
                if let (Some(town), [(division, _)]) = (lone, c.as_slice())
                    && town.0 != *division
                    && g.get(town.0).country == g.get(*division).country
                    && within_km(
                        g.get(town.0).coord,
                        g.get(*division).coord,
                        CITY_IN_DIVISION_KM,
                    )
                {
                    c = vec![town];
                    narrowed = false;
                }
                if !narrowed && let Some(prev) = i.checked_sub(1).and_then(|k| spans.get(k)) {
                    narrowed = narrow_by_possessor(text, prev, span, g, &mut c);
                }
                if narrowed {
                    let divisions = c.iter().filter_map(|&(p, _)| g.admin1(p)).collect();
                    let countries = c.iter().filter_map(|&(p, _)| g.get(p).country).collect();
                    container = Some((divisions, countries));
                }
            }
        }
        let from = all_cands.len();
        all_cands.extend_from_slice(&c);
        ranges.push((from..all_cands.len(), narrowed));
    }
    if !elsewhere.is_empty() {
        for (span, (range, narrowed)) in spans.iter().zip(ranges.iter_mut()) {
            let towns_only = all_cands[range.clone()]
                .iter()
                .all(|&(p, _)| g.get(p).kind.class() != KindClass::Area);
            if !*narrowed
                && towns_only
                && text
                    .get(span.start..span.end)
                    .is_some_and(|s| elsewhere.contains(&s))
            {
                range.end = range.start;
            }
        }
    }
    let cands: Vec<(&[(PlaceIdx, bool)], bool)> = ranges
        .into_iter()
        .map(|(range, narrowed)| (&all_cands[range], narrowed))
        .collect();
    // The focus from what is unambiguous: one-candidate spans, appositions, divisions; a
    // dateline counts three times.
    for (i, (span, (c, narrowed))) in spans.iter().zip(&cands).enumerate() {
        if span.cues.partial() {
            continue;
        }
        let weight = if at_line_start(text, span.start) && is_all_caps(&text[span.start..span.end])
        {
            3
        } else {
            1
        };
        let sure = c.len() == 1 || *narrowed;
        for &(p, _) in *c {
            // A state or province among few readings ("Georgia": the country or the state;
            // not "Dublin" the county beside the city in it, which it would then support).
            if !sure
                && c.len() <= 2
                && g.division_level(p) == 1
                && c.iter()
                    .all(|&(q, _)| q == p || g.get(q).kind == PlaceKind::Country)
                && let Some(key) = g.admin1(p)
            {
                focus.add_admin1(key, 1);
            }
        }
        // "Florida's Big Bend region": a state named as the owner of the name after it is a
        // division the article names, however many towns bear its name (its largest first-level
        // reading, one of some size).
        if !sure
            && owns_the_next_name(text, span.end, spans.get(i + 1))
            && let Some(p) = c
                .iter()
                .map(|&(p, _)| p)
                .filter(|&p| g.division_level(p) == 1)
                .max_by_key(|&p| g.get(p).population.unwrap_or(0))
            && g.get(p).population.unwrap_or(0) >= OWNER_DIVISION_MIN_POPULATION
            && let Some(key) = g.admin1(p)
        {
            focus.add_admin1(key, 1);
        }
        if sure && let Some(&(p, _)) = c.first() {
            // A metropolis named in passing ("flights between Chicago and Moscow") says
            // nothing of the state the story is in, unless it is the dateline.
            let metropolis = g.get(p).kind == PlaceKind::City
                && g.get(p).population.unwrap_or(0) >= METROPOLIS_POPULATION
                && weight == 1;
            if !metropolis && let Some(key) = g.admin1(p) {
                focus.add_admin1(key, weight);
                if !focus.sure_admin1.contains(&key) {
                    focus.sure_admin1.push(key);
                }
            }
            let coord = g.get(p).coord;
            let anchor = g.get(p).kind.class() != KindClass::Area || g.division_level(p) == 2;
            // The first places named decide the article's ground; a bound keeps the coherence
            // test linear in the number of mentions (a list of thousands of towns).
            if anchor && focus.anchors.len() < MAX_ANCHORS && !focus.anchors.contains(&coord) {
                focus.anchors.push(coord);
            }
            let area = matches!(g.get(p).kind, PlaceKind::Country | PlaceKind::AdminArea)
                && g.division_level(p) != 2;
            if area
                && focus.area_anchors.len() < MAX_ANCHORS
                && !focus.area_anchors.contains(&coord)
            {
                focus.area_anchors.push(coord);
                if g.get(p).kind == PlaceKind::Country
                    && let Some(iso) = g.get(p).country
                {
                    focus.country_points.push((iso, coord));
                }
            }
        }
        // A dateline of several readings ("HOUSTON": Texas's, and a village in Scotland) speaks
        // for the country of its largest, the one a dateline names (not of the first in the
        // gazetteer's order).
        let dateline = if sure {
            c.first()
        } else {
            c.iter()
                .max_by_key(|&&(q, _)| g.get(q).population.unwrap_or(0))
        };
        if weight > 1
            && let Some(&(p, _)) = dateline
            && let Some(country) = g.get(p).country
        {
            focus.countries.add(country, weight);
        }
    }
    // A local story's phone numbers name its state as a dateline does not: once each.
    for key in phones::states_called(text) {
        focus.add_admin1(key, 1);
    }
    // (Gathered only where [`lone_village_of_another_state`] may leave a village out, the one
    // rule that asks: a story set in a state, named or placed in twice: reading every name's
    // every reading costs a miss of the cache each.)
    if focus.anchors.len() >= 2 && focus.admin1.iter().any(|&(_, n)| n >= 2) {
        for s in spans.iter().filter(|s| !s.cues.partial()) {
            for p in s.roles.iter().filter_map(|&(r, _)| r.place()) {
                if g.division_level(p) == 1
                    && let Some(key) = g.admin1(p)
                    && !focus.named_admin1.contains(&key)
                {
                    focus.named_admin1.push(key);
                }
            }
        }
    }
    focus.paired = paired_readings(text, &spans, &cands, g, &focus);
    let scenes = Scenes::of(text, &spans, &cands, g);
    let first = resolve(text, &spans, &cands, g, &focus, &scenes, None);
    // Spatial coherence, second round: a town chosen with confidence among several readings
    // ("Toronto": Ontario's) anchors its neighbours ("London" near it is London, Ontario).
    let known = focus.anchors.len();
    let known_divisions = focus.admin1.len();
    // Divisions chosen with confidence, with their number of mentions.
    let mut chosen_divisions: Vec<(&str, u32)> = Vec::new();
    // An article that names no country for certain ("Protesters marched in Santiago ... unrest
    // spread to Concepcion and Valparaiso") is set in a country where two places or more chosen
    // over their rivals lie, as if it had named them unambiguously: Chile's Concepción, not a
    // Philippine town of its size. (One place is no ground: a name repeated would support its
    // own reading, "Paris" of France over Paris of Texas in a story of Dallas.)
    let countryless = focus.countries.max() == 0;
    let mut chosen_places: Vec<(&str, PlaceIdx)> = Vec::new();
    for m in first.iter().flatten() {
        let p = g.get(m.place);
        let chosen = matches!(
            m.reason,
            Reason::Prior
                | Reason::CountryInArticle
                | Reason::DivisionInArticle
                | Reason::NearOtherPlaces
        );
        // (Chosen over all its rivals together: more than half the odds, a confidence of half
        // the layer's; "Santiago" is Chile's capital by 0.57, a province of the Dominican
        // Republic its rival.)
        if countryless
            && chosen
            && f64::from(m.confidence) > 0.5 * layer_confidence(g, m.place)
            && let Some(c) = p.country
            && !chosen_places.contains(&(c, m.place))
        {
            chosen_places.push((c, m.place));
        }
        if chosen
            && m.confidence >= SURE_ENOUGH
            && p.kind.class() != KindClass::Area
            && focus.anchors.len() < MAX_ANCHORS
            && !focus.anchors.contains(&p.coord)
        {
            focus.anchors.push(p.coord);
        }
        if chosen
            && m.confidence >= SURE_ENOUGH
            && p.kind == PlaceKind::AdminArea
            && g.division_level(m.place) == 1
            && let Some(key) = g.admin1(m.place)
            && focus.admin1(key) == 0
        {
            match chosen_divisions.iter_mut().find(|(k, _)| *k == key) {
                Some((_, n)) => *n += 1,
                None => chosen_divisions.push((key, 1)),
            }
        }
    }
    // A state or province the article names again and again, chosen with confidence over towns
    // of its name ("Iowa" over Iowa, Louisiana), is a division the article names, as an
    // unambiguous one is: its counties and towns win ("Montgomery County" of Iowa). Named once,
    // it says too little to outweigh the divisions named for certain.
    for (key, n) in chosen_divisions {
        if n >= 2 {
            focus.add_admin1(key, 1);
        }
    }
    let new_divisions = focus.admin1.len() != known_divisions;
    let mut new_countries = false;
    for &(c, _) in &chosen_places {
        let places = chosen_places.iter().filter(|&&(d, _)| d == c).count();
        if places >= 2 && focus.countries.count(c) == 0 {
            focus.countries.add(c, places as u32);
            new_countries = true;
        }
    }
    let mut last = if focus.anchors.len() == known && !new_divisions && !new_countries {
        first
    } else {
        resolve(
            text,
            &spans,
            &cands,
            g,
            &focus,
            &scenes,
            Some((&first, new_divisions, known)),
        )
    };
    same_sense_for_partial_readings(text, &spans, &mut last);
    // (Room for a mention per span up front: a flattened list gives no length to collect
    // into, and grew from nothing several times.)
    let mut mentions: Vec<PlaceMention> = Vec::with_capacity(last.len());
    mentions.extend(last.into_iter().flatten());
    drop_towns_far_from_where_told(text, g, &mut mentions);
    sites::add_sites_in_towns(text, g, &mut mentions);
    short_forms::add_short_forms(text, g, &mut mentions);
    bare_seas::add_bare_seas(text, g, &mut mentions);
    mentions
}

/// A name read in part ([`Reading::Part`]: only as a division where it opens a longer name, or
/// without the towns a person's name hid) takes the place its other occurrences in the article
/// were given ("the Dublin Arts Council" in a story of Dublin, Ohio); one that a person of the
/// name hid in part, and that the article never uses as a place otherwise, is the person.
fn same_sense_for_partial_readings(
    text: &str,
    spans: &[Span],
    mentions: &mut [Option<PlaceMention>],
) {
    if !spans.iter().any(|s| s.cues.partial()) {
        return;
    }
    // (surface, place) of the occurrences read in full, first of each surface.
    let mut full: Vec<(&str, PlaceIdx)> = Vec::new();
    for (span, m) in spans.iter().zip(mentions.iter()) {
        if let Some(m) = m
            && !span.cues.partial()
            && !m.is_demonym()
            && let Some(surface) = text.get(span.start..span.end)
            && !full.iter().any(|(s, _)| *s == surface)
        {
            full.push((surface, m.place));
        }
    }
    for (span, slot) in spans.iter().zip(mentions.iter_mut()) {
        if !span.cues.partial() {
            continue;
        }
        let surface = text.get(span.start..span.end).unwrap_or("");
        match full.iter().find(|(s, _)| *s == surface) {
            Some(&(_, place)) => {
                if let Some(m) = slot.as_mut()
                    && m.place != place
                {
                    m.place = place;
                    m.reason = Reason::OneSense;
                    m.end = span.end;
                }
            }
            // "Elizabeth Fairfield ... Fairfield could spend 98 years in prison": a name the
            // article never uses as a place where no person could be meant is that person.
            None if span.cues.reading == Reading::PartForAPerson => *slot = None,
            None => {}
        }
    }
}

/// What [`choose`] is asked: the candidates and whether local news words surround the name.
/// Equal when all of that is equal; hashed by the candidates' number, the first and the last
/// alone (with the flags): a name of many readings ("Washington") has dozens, and hashing each
/// cost more than the lookup saved. Lists that share those three are told apart by `Eq`.
#[derive(PartialEq, Eq)]
struct ChoiceKey<'c>(&'c [(PlaceIdx, bool)], bool, bool);

impl std::hash::Hash for ChoiceKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let Self(candidates, local, local_name) = self;
        candidates.len().hash(state);
        candidates.first().hash(state);
        candidates.last().hash(state);
        local.hash(state);
        local_name.hash(state);
    }
}

/// What [`choose`] answers: the place, the confidence in it and why.
type Choice = (PlaceIdx, f32, Reason);

/// A chosen reading this confident anchors its neighbours in the second round.
const SURE_ENOUGH: f32 = 0.6;

/// Lists [`resolve`] reuses from span to span, so that a span's choice costs no allocation:
/// the demonym readings of [`demonym_mention`] and the scores of [`choose`]; and the countries'
/// size factors [`score`] has worked out.
struct Scratch<'g> {
    demonyms: Vec<(PlaceIdx, bool)>,
    scored: Vec<(PlaceIdx, f64, Reason)>,
    factors: CountryFactors<'g>,
}

/// The size factors of countries ([`country_size_factor`]) [`score`] has worked out in a round
/// of [`resolve`]: a round scores readings in the same few countries for every list of
/// candidates (over the GWN articles 1,400 factors, a lookup of the country's population and
/// a logarithm each, of a few countries an article). The same function of the same country:
/// the scores are unchanged.
struct CountryFactors<'g> {
    /// Each country's size factor, by its ISO code, as first asked.
    country_factors: Vec<(&'g str, f64)>,
}

impl<'g> CountryFactors<'g> {
    fn new() -> Self {
        CountryFactors {
            country_factors: Vec::new(),
        }
    }

    /// [`country_size_factor`] of the country `iso`.
    fn get(&mut self, g: &Gazetteer, iso: &'g str) -> f64 {
        if let Some(&(_, factor)) = self.country_factors.iter().find(|(c, _)| *c == iso) {
            return factor;
        }
        let factor = country_size_factor(g, iso);
        self.country_factors.push((iso, factor));
        factor
    }
}

/// The countries sentences set their scene in: a country's own name after "in" ("In Mali,
/// ...", "in neighbouring Mali"; a country's name means the country before its towns, see
/// [`COUNTRY_PRIOR`]). Worked out once per article, for both rounds of [`resolve`].
struct Scenes<'g> {
    /// Each such name's start and its country code.
    at: Vec<(usize, &'g str)>,
    /// Their country codes, each once.
    countries: Vec<&'g str>,
    /// The starts and `CC.code` keys of the names of one reading that are a first-level
    /// division ("Wales", "New South Wales"): the scene of the towns named after them in their
    /// sentence ([`in_the_scenes_division`]).
    divisions: Vec<(usize, &'g str)>,
}

impl<'g> Scenes<'g> {
    fn of(
        text: &str,
        spans: &[Span],
        cands: &[(&[(PlaceIdx, bool)], bool)],
        g: &'g Gazetteer,
    ) -> Self {
        let at: Vec<(usize, &'g str)> = spans
            .iter()
            .zip(cands)
            .filter_map(|(span, (c, _))| {
                // (The bytes before first: few names follow "in", and a name may have dozens of
                // readings.)
                if !after_in(text.as_bytes(), span.start) || span.cues.partial() {
                    return None;
                }
                let place = c
                    .iter()
                    .map(|&(p, _)| g.get(p))
                    .find(|p| p.kind == PlaceKind::Country)?;
                Some((span.start, place.country?))
            })
            .collect();
        let mut countries: Vec<&'g str> = at.iter().map(|&(_, code)| code).collect();
        countries.sort_unstable();
        countries.dedup();
        let divisions = spans
            .iter()
            .zip(cands)
            // (Not a division in apposition, "Wintersville, Ohio": a container of the town
            // before it, not the scene of the sentence.)
            .filter(|(span, _)| {
                !span.cues.partial()
                    && !text
                        .get(..span.start)
                        .is_some_and(|b| b.trim_end_matches(' ').ends_with([',', '(']))
            })
            .filter_map(|(span, (c, _))| {
                // The one reading, or a large state or province by its own name beside small
                // towns of its name only ("Wales": villages of the United States too; not
                // "New York" or "Paris", cities as much).
                let (p, _) = if let [one] = c {
                    *one
                } else {
                    let division = *c.iter().find(|&&(p, primary)| {
                        primary
                            && g.division_level(p) == 1
                            && g.get(p).population.unwrap_or(0) >= NAMESAKE_DIVISION_MIN_POPULATION
                    })?;
                    // (Small divisions of its name too: "Florida", a department of Uruguay
                    // and a municipality of Puerto Rico besides the state.)
                    let small_towns = c.iter().all(|&(q, _)| {
                        let small =
                            || g.get(q).population.unwrap_or(0) < NAMESAKE_TOWN_MAX_POPULATION;
                        q == division.0
                            || (g.get(q).kind == PlaceKind::City && small())
                            || (g.division_level(q) == 1
                                && g.get(q).population.is_some()
                                && small())
                    });
                    if !small_towns {
                        return None;
                    }
                    division
                };
                (g.division_level(p) == 1).then_some((span.start, g.admin1(p)?))
            })
            .collect();
        Scenes {
            at,
            countries,
            divisions,
        }
    }
}

/// "in " or "In " ends `bytes[..at]`, or does before one lower-case word of four letters or
/// more ("in neighbouring ").
fn after_in(bytes: &[u8], at: usize) -> bool {
    let ends_in = |end: usize| {
        end >= 3
            && bytes
                .get(end - 3..end)
                .is_some_and(|w| w == b"in " || w == b"In ")
            && (end == 3 || !bytes[end - 4].is_ascii_alphanumeric())
    };
    if ends_in(at) {
        return true;
    }
    let Some(head) = at.checked_sub(1).and_then(|end| bytes.get(..end)) else {
        return false;
    };
    let word = head
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_lowercase())
        .count();
    word > 3
        && head.len() > word
        && head[head.len() - word - 1] == b' '
        && ends_in(head.len() - word)
}

/// The confidence of a reading moved to its sentence's country ([`in_the_scenes_country`]).
const SCENE_CONFIDENCE: f32 = 0.7;

/// The reading of `span` in the country its sentence sets the scene in, where the one chosen
/// (`chosen`) lies elsewhere: a town or division of that country among the readings, the most
/// populous (a division named like its seat gives way to the seat). Not where the chosen
/// reading is a country, or lies in a country the article sets a scene in.
fn in_the_scenes_country(
    text: &str,
    span: &Span,
    c: &[(PlaceIdx, bool)],
    chosen: PlaceIdx,
    scenes: &Scenes<'_>,
    g: &Gazetteer,
) -> Option<PlaceIdx> {
    if scenes.at.is_empty() || c.len() < 2 || g.get(chosen).kind == PlaceKind::Country {
        return None;
    }
    // (Cheap tests first, against the scenes' few countries, each once: most readings lie in
    // a country the article sets some scene in, and most names have no reading in another;
    // only then is the sentence looked for.)
    let in_scene = |q: PlaceIdx| {
        g.get(q)
            .country
            .is_some_and(|k| scenes.countries.contains(&k))
    };
    // ("In Ecuador, ... the Amazon town of Tena" in a story of Colombia: a reading chosen in a
    // country of another scene yields to one in the scene its sentence sets.)
    let own = g.get(chosen).country;
    if !c
        .iter()
        .any(|&(q, _)| in_scene(q) && g.get(q).country != own)
    {
        return None;
    }
    let (from, to) = sites::sentence_around(text, span.start, span.end);
    let here: Vec<&str> = scenes
        .at
        .iter()
        .filter(|&&(at, _)| from <= at && at < to)
        .map(|&(_, code)| code)
        .collect();
    if here.is_empty() || own.is_some_and(|k| here.contains(&k)) {
        return None;
    }
    c.iter()
        .map(|&(q, _)| q)
        .filter(|&q| {
            let p = g.get(q);
            matches!(p.kind, PlaceKind::City | PlaceKind::AdminArea)
                && p.country.is_some_and(|k| here.contains(&k))
                // ("Gao": the city, not the region named after it.)
                && !capital_of_division(q, c, g)
        })
        .max_by_key(|&q| g.get(q).population.unwrap_or(0))
}

/// How far before a name [`in_the_scenes_division`] looks for a division its sentence names.
const SCENE_WINDOW: usize = 600;

/// The reading of `span` in the first-level division its sentence names before it, where the
/// one chosen (`chosen`, a town or a county) lies in no division the sentence names: the most
/// populous reading of its kind there ("In Alabama, a man died in Morgan County": Alabama's,
/// not Georgia's, named later in the story).
fn in_the_scenes_division(
    text: &str,
    span: &Span,
    c: &[(PlaceIdx, bool)],
    chosen: PlaceIdx,
    scenes: &Scenes<'_>,
    g: &Gazetteer,
) -> Option<PlaceIdx> {
    let county = |q: PlaceIdx| g.division_level(q) == 2;
    let local = |q: PlaceIdx| g.get(q).kind == PlaceKind::City || county(q);
    if scenes.divisions.is_empty() || c.len() < 2 || !local(chosen) {
        return None;
    }
    // (Cheap first: a division named at most [`SCENE_WINDOW`] bytes before the name, or no
    // sentence is looked for.)
    let near = scenes
        .divisions
        .partition_point(|&(at, _)| at + SCENE_WINDOW < span.start);
    if scenes
        .divisions
        .get(near)
        .is_none_or(|&(at, _)| at >= span.start)
    {
        return None;
    }
    let (from, to) = sites::sentence_around(text, span.start, span.end);
    // (The sentence's own, found by their starts: the spans, and so the divisions, are in text
    // order, and a long list of names stays linear.)
    let first = scenes.divisions.partition_point(|&(at, _)| at < from);
    let end = scenes.divisions.partition_point(|&(at, _)| at < to);
    let in_sentence = scenes.divisions.get(first..end).unwrap_or(&[]);
    if in_sentence.is_empty() {
        return None;
    }
    let here = |key: &str, before: bool| {
        in_sentence
            .iter()
            .any(|&(at, k)| k == key && (!before || at < span.start))
    };
    if g.admin1(chosen).is_some_and(|key| here(key, false)) {
        return None;
    }
    c.iter()
        .map(|&(q, _)| q)
        .filter(|&q| {
            g.get(q).kind == g.get(chosen).kind
                && county(q) == county(chosen)
                && g.admin1(q).is_some_and(|key| here(key, true))
        })
        .max_by_key(|&q| g.get(q).population.unwrap_or(0))
}

/// A division named before "'s" and another place's name counts for the focus from this
/// population
/// ([`owns_the_next_name`]).
const OWNER_DIVISION_MIN_POPULATION: u64 = 1_000_000;

/// "'s" and the next name follow `end`: "Florida's Big Bend", "Ohio's Franklin County" (not
/// "Kent's Board of Finance": no place's name).
fn owns_the_next_name(text: &str, end: usize, next: Option<&Span>) -> bool {
    next.is_some_and(|n| matches!(text.get(end..n.start), Some("'s " | "\u{2019}s ")))
}

/// Below this population a town chosen by the article's wider focus gives way to a city of
/// [`WORLD_CITY_POPULATION`] of the country named just before it
/// ([`city_of_the_country_just_named`]).
const JUST_NAMED_TOWN_MAX: u64 = 100_000;

/// The city of a million people of the country the mention's sentence or the one before it
/// names, where the reading chosen is a smaller town of another country that nothing there
/// names: "... in the South American country of Chile. The Institute of Public Health in
/// Santiago reported" is Chile's capital, though the story named Rio Grande do Sul, where a
/// Santiago of 50,000 lies, paragraphs before. `before` holds the choices of the spans before
/// this one, in text order.
fn city_of_the_country_just_named(
    text: &str,
    span: &Span,
    c: &[(PlaceIdx, bool)],
    chosen: PlaceIdx,
    before: &[Option<PlaceMention>],
    g: &Gazetteer,
) -> Option<PlaceIdx> {
    let p = g.get(chosen);
    if p.kind != PlaceKind::City || p.population.unwrap_or(0) >= JUST_NAMED_TOWN_MAX {
        return None;
    }
    // (A village below [`TINY_TOWN`] yields to a city of [`METROPOLIS_POPULATION`] too: "A
    // Costa Rican team flew from San José" in a story of Mexico, where hamlets bear the name.)
    let least = if p.population.unwrap_or(0) < TINY_TOWN {
        METROPOLIS_POPULATION
    } else {
        WORLD_CITY_POPULATION
    };
    let city = |q: PlaceIdx| {
        let r = g.get(q);
        r.kind == PlaceKind::City
            && r.population.unwrap_or(0) >= least
            && r.country.is_some()
            && r.country != p.country
    };
    // (Cheap tests first: most names have no such rival reading.)
    if !c.iter().any(|&(q, _)| city(q)) {
        return None;
    }
    let (from, _) = sites::sentence_around(text, span.start, span.end);
    let (from, _) = match from.checked_sub(1) {
        Some(stop) => sites::sentence_around(text, stop, stop),
        None => (from, from),
    };
    // The mentions from the sentence before up to this one (the spans are in text order).
    let near = before
        .iter()
        .rev()
        .flatten()
        .take_while(|m| m.start >= from)
        .map(|m| g.get(m.place));
    let mut named = Vec::new();
    for m in near {
        if m.country == p.country {
            return None;
        }
        if m.kind == PlaceKind::Country {
            named.extend(m.country);
        }
    }
    c.iter()
        .map(|&(q, _)| q)
        .filter(|&q| city(q) && g.get(q).country.is_some_and(|k| named.contains(&k)))
        .max_by_key(|&q| g.get(q).population.unwrap_or(0))
}

/// Each span's place (or none), from its candidates and the article's focus. With `before`
/// (the first round's result, and whether the focus gained divisions since), only the spans
/// that new anchors or divisions can change are chosen again: several readings, no apposition,
/// and not all of them areas unless divisions were added.
fn resolve(
    text: &str,
    spans: &[Span],
    cands: &[(&[(PlaceIdx, bool)], bool)],
    g: &Gazetteer,
    focus: &Focus<'_>,
    scenes: &Scenes<'_>,
    before: Option<(&[Option<PlaceMention>], bool, usize)>,
) -> Vec<Option<PlaceMention>> {
    let mut out: Vec<Option<PlaceMention>> = Vec::with_capacity(spans.len());
    // One sense per article: a surface settled by an apposition keeps that place.
    let mut settled: Vec<(String, PlaceIdx)> = Vec::new();
    // `choose` is a function of the candidates and the focus: a name the article repeats is
    // weighed once per round.
    // (Sized for a choice per span: grown from empty, it was rehashed a few times an article.)
    let mut chosen: HashMap<ChoiceKey<'_>, Choice, WordState> =
        HashMap::with_capacity_and_hasher(spans.len(), WordState::default());
    let local_names = locally_reported_names(text, spans);
    let named_parts = named_parts_of_a_city(text, spans);
    // The names the text calls a village somewhere ("the village of Mati"): each of their
    // mentions ("the beach at Mati") is that village ([`far_from_focus`]).
    let villages: Vec<&str> = spans
        .iter()
        .filter(|s| words::called_a_village(text, s.start))
        .filter_map(|s| text.get(s.start..s.end))
        .collect();
    // (Sized for the longest lists up front: grown from empty, they were regrown a few times.)
    let mut scratch = Scratch {
        demonyms: Vec::with_capacity(spans.iter().map(|s| s.roles.len()).max().unwrap_or(0)),
        scored: Vec::with_capacity(cands.iter().map(|(c, _)| c.len()).max().unwrap_or(0)),
        factors: CountryFactors::new(),
    };
    for (i, (span, (c, narrowed))) in spans.iter().zip(cands).enumerate() {
        // New divisions can change a choice between areas too ("Montgomery County").
        let areas_too = before.is_some_and(|(_, divisions, _)| divisions);
        // (A lone town left out in the first round as far from the story is asked again: the
        // towns chosen in that round may show it near them. One kept is not asked again: when
        // tried, right readings were dropped with wrong ones.)
        // (Nor a village below [`TINY_TOWN`] kept as the only reading where the first round
        // had too few places to judge it far by ([`far_from_focus`]'s [`LONE_FAR_ANCHORS`]):
        // "Westwood Hills" of Los Angeles in a story of Halifax, whose own towns all have
        // namesakes.)
        let open = !*narrowed
            && ((c.len() > 1
                && (areas_too
                    || c.iter()
                        .any(|&(p, _)| g.get(p).kind.class() != KindClass::Area)))
                || (c.len() == 1
                    && g.get(c[0].0).kind == PlaceKind::City
                    && before.and_then(|(b, _, _)| b.get(i)).is_some_and(|m| {
                        m.as_ref().is_none_or(|m| {
                            m.reason == Reason::OnlyCandidate
                                && g.get(m.place).population.unwrap_or(0) < TINY_TOWN
                                && before.is_some_and(|(_, _, anchors)| anchors < LONE_FAR_ANCHORS)
                        })
                    })));
        if *narrowed && c.len() == 1 {
            settled.push((text[span.start..span.end].to_lowercase(), c[0].0));
        }
        if let Some(prev) = before.and_then(|(b, _, _)| b.get(i))
            && !open
        {
            out.push(prev.clone());
            continue;
        }
        if c.is_empty() {
            out.push(demonym_mention(text, span, g, focus, &mut scratch));
            continue;
        }
        // (Most articles settle nothing: then the surface is not lower-cased at all.)
        let earlier = if settled.is_empty() {
            None
        } else {
            let surface = text[span.start..span.end].to_lowercase();
            // A town placed by its state for want of a reading there ("Bethel, Vt.") is that
            // town again: its later readings are all elsewhere.
            settled
                .iter()
                .find(|(s, p)| {
                    *s == surface
                        && (c.iter().any(|(q, _)| q == p)
                            || g.division_level(*p) == 1
                                && c.iter().all(|&(q, _)| g.admin1(q) != g.admin1(*p)))
                })
                .map(|(_, p)| *p)
        };
        let (place, confidence, reason) = match earlier {
            // (Unless its sentence sets its scene in another state: "SALEM, Ore. ... In
            // Massachusetts, the city of Salem" is Massachusetts' Salem.)
            Some(p) if !*narrowed => match in_the_scenes_division(text, span, c, p, scenes, g) {
                Some(q) => (q, SCENE_CONFIDENCE, Reason::DivisionInSentence),
                None => (p, 0.9, Reason::OneSense),
            },
            _ => {
                let local_name = !local_names.is_empty()
                    && text
                        .get(span.start..span.end)
                        .is_some_and(|t| local_names.contains(&t));
                let (p, conf, why) = *chosen
                    .entry(ChoiceKey(c, span.cues.local, local_name))
                    .or_insert_with(|| {
                        choose(
                            c,
                            g,
                            focus,
                            (span.cues.local, local_name),
                            (&mut scratch.scored, &mut scratch.factors),
                        )
                    });
                if !*narrowed && let Some(q) = in_the_scenes_country(text, span, c, p, scenes, g) {
                    (q, SCENE_CONFIDENCE, Reason::CountryInSentence)
                } else if !*narrowed
                    && let Some(q) = in_the_scenes_division(text, span, c, p, scenes, g)
                {
                    (q, SCENE_CONFIDENCE, Reason::DivisionInSentence)
                } else if !*narrowed
                    && let Some(q) = city_of_the_country_just_named(text, span, c, p, &out, g)
                {
                    (q, SCENE_CONFIDENCE, Reason::CountryInSentence)
                } else {
                    let reason = if *narrowed {
                        Reason::Apposition
                    } else if c.len() == 1 {
                        // A lone reading near another place the article names is supported by
                        // it: "moved to Middlestown", a village beside the Dewsbury named.
                        let p = g.get(c[0].0);
                        if p.kind.class() != KindClass::Area
                            && near_any(&focus.anchors, p.coord, PAIR_KM)
                        {
                            Reason::NearOtherPlaces
                        } else {
                            Reason::OnlyCandidate
                        }
                    } else {
                        why
                    };
                    (p, conf, reason)
                }
            }
        };
        let place = city_of_a_dateline(text, span, c, place, g).unwrap_or(place);
        let (place, reason) = if *narrowed {
            (place, reason)
        } else {
            let (q, why) = team_city(text, span, place, reason, c, g);
            // (The team's city is the name's sense in the rest of the article: "the Boston
            // Celtics beat the Miami Heat in Boston".)
            if q != place
                && let Some(surface) = text.get(span.start..span.end)
            {
                settled.push((surface.to_lowercase(), q));
            }
            (q, why)
        };
        // "Parkers Prairie" (not "Rolling Hills Country Club": a longer name goes on).
        // (Not an Arabic name with its article: "Ras al-Ain", "head of the spring", names
        // towns across the Arab world, as "Ras El Aïn" of Morocco.)
        let several_words = text
            .get(span.start..span.end)
            .is_some_and(|t| t.contains(' ') && !has_arabic_article_word(t))
            && !word_after(text, span.end).is_some_and(is_capitalised);
        // "BAIKONUR, Kazakhstan": the words after it place it (not a source named after it:
        // "taking the village of Orlivka, Moscow said").
        let apposition = text
            .get(span.end..)
            .and_then(|a| a.strip_prefix(", "))
            .is_some_and(|a| a.starts_with(char::is_uppercase) && !attributed(a))
            && !town_listed_after(text, span.end, spans.get(i + 1), g);
        if !*narrowed
            && (far_from_focus(
                place,
                reason,
                c.len(),
                (several_words, apposition, span.cues.partial()),
                text.get(span.start..span.end)
                    .is_some_and(|surface| villages.contains(&surface)),
                g,
                focus,
            ) || unsupported_side_reading(text, span, place, reason, cands, g, focus)
                || county_abroad(place, span.division_word, g, focus)
                || part_of_a_city_abroad(text, span, place, g, focus, &named_parts)
                || stretch_town_abroad(text, span, place, g, focus)
                || far_name_in_a_run(span, place, reason, g, focus))
        {
            out.push(demonym_mention(text, span, g, focus, &mut scratch));
            continue;
        }
        let confidence = if span.cues.embedded || span.cues.modifier {
            confidence * 0.5
        } else {
            confidence
        };
        let end = if span.division_word && g.division_level(place) > 0 {
            span.end_with_word
        } else {
            span.end
        };
        out.push(Some(PlaceMention {
            start: span.start,
            end,
            place,
            confidence,
            reason,
        }));
    }
    out
}

/// "BUENOS AIRES, Sept 28 (Reuters) -": a dateline names the town the reporter files from,
/// not the state or province of its name: where `chosen` is a first-level division, a city of
/// [`DIVISION_NAMESAKE_CITY`] or more of the same country among the readings is the dateline's
/// place.
fn city_of_a_dateline(
    text: &str,
    span: &Span,
    c: &[(PlaceIdx, bool)],
    chosen: PlaceIdx,
    g: &Gazetteer,
) -> Option<PlaceIdx> {
    if c.len() < 2 || g.division_level(chosen) != 1 || g.get(chosen).kind != PlaceKind::AdminArea {
        return None;
    }
    let surface = text.get(span.start..span.end)?;
    if !at_line_start(text, span.start) || !is_all_caps(surface) || !dateline_after(text, span.end)
    {
        return None;
    }
    let country = g.get(chosen).country;
    c.iter()
        .map(|&(q, _)| q)
        .filter(|&q| {
            let p = g.get(q);
            p.kind == PlaceKind::City
                && p.country == country
                && p.population.unwrap_or(0) >= DIVISION_NAMESAKE_CITY
        })
        .max_by_key(|&q| g.get(q).population.unwrap_or(0))
}

/// "Westwood Hills, Highland Park and Yankeetown": the name after the comma that follows a
/// name (`end`) is a town, not a state or country, and a list goes on after it (", " or
/// " and " and a capital): the comma lists the names, it does not place the first in the
/// second (as "Rome, Ga., and Athens" and "BAIKONUR, Kazakhstan" do).
fn town_listed_after(text: &str, end: usize, next: Option<&Span>, g: &Gazetteer) -> bool {
    let Some(next) = next.filter(|n| n.start == end + 2) else {
        return false;
    };
    let area = next.roles.iter().filter_map(|&(r, _)| r.place()).any(|p| {
        matches!(g.get(p).kind, PlaceKind::Country | PlaceKind::AdminArea)
            && g.division_level(p) != 2
    });
    !area
        && text.get(next.end..).is_some_and(|rest| {
            [", ", " and ", ", and ", " or "].iter().any(|joint| {
                rest.strip_prefix(joint)
                    .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_uppercase()))
            })
        })
}

/// A town's name before a word for a weapon is the weapon's below this population
/// ([`words::names_a_weapon`]).
const WEAPON_TOWN_MAX_POPULATION: u64 = 100_000;

/// Below this population a town named before a lower-case word for an armed unit ("the Nasr
/// brigade") is taken for the unit's name ([`words::is_armed_unit_word`]).
const UNIT_TOWN_MAX_POPULATION: u64 = 100_000;

/// Below this population a town or area named before "crude" or "futures" is taken for the
/// grade of oil of its name ("Brent crude"); a larger one is where the oil comes from.
const COMMODITY_TOWN_MAX_POPULATION: u64 = 500_000;

/// A city named unambiguously makes its state or province one the article names (its towns
/// win there) only below this population or as the dateline: "flights between Chicago and
/// Moscow ... Atlanta" is not a story from Illinois.
const METROPOLIS_POPULATION: u64 = 300_000;

/// A town of a name joined by "and" or "or" to a state's or province's name is dropped for
/// the division of its name below this population ([`coordinated_division`]).
const COORDINATED_TOWN_MAX_POPULATION: u64 = 100_000;

/// The names listed right before and right after `spans[i]`: joined by "and" or "or", or by
/// commas in a list of three or more. Two names with a comma between are a list where a third
/// is listed beside them ("Utah, Virginia, Washington, West Virginia and Wyoming"), not a town
/// and its state ("Washington, Pennsylvania").
fn listed_beside<'s>(
    text: &str,
    spans: &'s [Span],
    i: usize,
) -> (Option<&'s Span>, Option<&'s Span>) {
    let gap = |a: &Span, b: &Span| text.get(a.end..b.start);
    let conjoined =
        |a: &Span, b: &Span| matches!(gap(a, b), Some(" and " | " or " | ", and " | ", or "));
    let listed = |a: &Span, b: &Span| conjoined(a, b) || gap(a, b) == Some(", ");
    let joined = |j: usize| {
        let (Some(a), Some(b)) = (spans.get(j), spans.get(j + 1)) else {
            return false;
        };
        conjoined(a, b)
            || (listed(a, b)
                && (j.checked_sub(1).is_some_and(|k| listed(&spans[k], a))
                    || spans.get(j + 2).is_some_and(|c| listed(b, c))))
    };
    let before = i.checked_sub(1).filter(|&j| joined(j)).map(|j| &spans[j]);
    let after = spans.get(i + 1).filter(|_| joined(i));
    (before, after)
}

/// "The Netherlands, Luxembourg and Switzerland": a name listed beside a name that can only be
/// a country is that country where it can be one (not the Belgian province of Luxembourg in a
/// story that names Liège).
fn listed_with_countries(text: &str, spans: &[Span], i: usize, g: &Gazetteer) -> bool {
    let (before, after) = listed_beside(text, spans, i);
    [before, after].into_iter().flatten().any(|other| {
        let mut places = other
            .roles
            .iter()
            .filter_map(|&(r, _)| r.place())
            .peekable();
        places.peek().is_some() && places.all(|p| g.get(p).kind == PlaceKind::Country)
    })
}

/// The span `spans[i]` can be a first-level division, and the span next to it in a list
/// (joined by " and " or " or ", or by commas in a list of three or more) can be a division of
/// the same country too ("Oregon and Washington", "Idaho, Washington or Montana", "Oaxaca and
/// Morelos"), unless that one is a large city only ("Chicago and Washington" leaves
/// Washington's towns to the context); not before a plural division word ("Clay and Douglas
/// counties"). Large cities of the name keep their reading ("New York and Washington",
/// "Maryland, Virginia and Washington": Washington, D.C.). `Some(true)` where that neighbour
/// can be nothing but an area (a state, a country) or is a division none of whose towns bears
/// its name ("Ontario and Quebec": Ontario's towns lie in other countries, so the list is of
/// provinces, and Quebec is the province, not its capital), `Some(false)` where it may be a
/// town too ("Žilina, Nitra": towns in the regions of their names; "Washington": a metropolis).
fn coordinated_division(
    text: &str,
    spans: &[Span],
    i: usize,
    candidates: &[(PlaceIdx, bool)],
    g: &Gazetteer,
) -> Option<bool> {
    let span = &spans[i];
    let (before, after) = listed_beside(text, spans, i);
    if before.is_none() && after.is_none() {
        return None;
    }
    let last = after.unwrap_or(span);
    if word_after(text, last.end).is_some_and(|w| PLURAL_DIVISION_WORDS.contains(&w)) {
        return None;
    }
    let division_countries = |roles: &mut dyn Iterator<Item = PlaceIdx>| -> Vec<&str> {
        roles
            .filter(|&p| g.division_level(p) == 1 && g.get(p).kind == PlaceKind::AdminArea)
            .filter_map(|p| g.get(p).country)
            .collect()
    };
    let own = division_countries(&mut candidates.iter().map(|&(p, _)| p));
    if own.is_empty() {
        return None;
    }
    // (A neighbour that can only be a large city among areas is one: "Chicago and Washington".)
    let large_city = |p: PlaceIdx| {
        let p = g.get(p);
        p.kind == PlaceKind::City && p.population.unwrap_or(0) >= COORDINATED_TOWN_MAX_POPULATION
    };
    [before, after].into_iter().flatten().find_map(|other| {
        let places = || other.roles.iter().filter_map(|&(r, _)| r.place());
        // (A neighbour that is a large city or a state, "New York", says no more than a
        // state does.)
        if places().any(large_city) && !places().any(|p| g.division_level(p) == 1) {
            return None;
        }
        let theirs = division_countries(&mut places());
        own.iter().any(|c| theirs.contains(c)).then(|| {
            // (Not beside a name of a metropolis too: "Washington, New York and Boston" are
            // cities, though no town of Washington state bears its name.)
            let metropolis = |p: PlaceIdx| {
                g.get(p).kind == PlaceKind::City
                    && g.get(p).population.unwrap_or(0) >= METROPOLIS_POPULATION
            };
            places().all(|p| g.get(p).kind.class() == KindClass::Area)
                || !places().any(metropolis)
                    && places().any(|d| {
                        g.division_level(d) == 1
                            && g.get(d).kind == PlaceKind::AdminArea
                            && g.get(d).country.is_some_and(|c| own.contains(&c))
                            && !places().any(|q| {
                                g.get(q).kind == PlaceKind::City
                                    && g.get(q).country == g.get(d).country
                                    && g.admin1(q).is_some_and(|k| g.admin1(d) == Some(k))
                            })
                    })
        })
    })
}

/// The plural words after a list of divisions' names that make them second-level divisions.
const PLURAL_DIVISION_WORDS: &[&str] =
    &["counties", "parishes", "townships", "districts", "boroughs"];

/// A team's city is a large city: a town under this population chosen for the article's
/// division or neighbours yields to a city of [`TEAM_CITY_POPULATION`] of its name.
const TEAM_TOWN_MAX_POPULATION: u64 = 100_000;
const TEAM_CITY_POPULATION: u64 = 300_000;

/// "Mississippi State outlasted Louisville", "at home against Portland", "the Portland Trail
/// Blazers": a name a team plays against, or before a team's name, is a team, and a team of
/// the name is a large city's, not a small town's in the state of the story's dateline or of
/// the other team (Louisville, Ohio; Portland, Texas). The largest city of the name in the same
/// country wins over such a town; before a team's name ("the Boston Celtics" in a story from
/// Manchester), the largest city of the name anywhere.
fn team_city(
    text: &str,
    span: &Span,
    place: PlaceIdx,
    reason: Reason,
    candidates: &[(PlaceIdx, bool)],
    g: &Gazetteer,
) -> (PlaceIdx, Reason) {
    let p = g.get(place);
    // (The words around are read last: few mentions are small towns chosen so.)
    if p.kind != PlaceKind::City
        || p.population.unwrap_or(0) >= TEAM_TOWN_MAX_POPULATION
        || !matches!(
            reason,
            Reason::DivisionInArticle | Reason::NearOtherPlaces | Reason::CountryInArticle
        )
    {
        return (place, reason);
    }
    // (A team's own name, "the Boston Celtics", says a team's city wherever it is; a name a
    // team plays against, in the same country.)
    let named = words::team_name_closes_after(text, span.end);
    if !(named
        || words::opponent_before(text, span.start)
        || words::team_role_after(&Occurrence::new(text, span.start, span.end)))
    {
        return (place, reason);
    }
    candidates
        .iter()
        .map(|&(q, _)| (q, g.get(q)))
        .filter(|(_, q)| {
            q.kind == PlaceKind::City
                && (named || q.country == p.country)
                && q.population.unwrap_or(0) >= TEAM_CITY_POPULATION
        })
        .max_by_key(|(_, q)| q.population.unwrap_or(0))
        .map_or((place, reason), |(q, _)| (q, Reason::Prior))
}

/// The mention of the country (or continent) whose demonym the span is ("Russian" in "Russian
/// troops", "Palestinians"), unless it opens an organisation's name ("American Airlines") or
/// the span has no demonym reading.
fn demonym_mention<'g>(
    text: &str,
    span: &Span,
    g: &'g Gazetteer,
    focus: &Focus<'_>,
    scratch: &mut Scratch<'g>,
) -> Option<PlaceMention> {
    // A span of no demonym reading (a town left out as far from the article's places) is none:
    // decided by its readings before the words around it are read.
    let c = &mut scratch.demonyms;
    c.clear();
    c.extend(
        span.roles
            .iter()
            .filter(|(r, _)| matches!(r, NameRole::Demonym(_)))
            .map(|&(r, _)| (r.idx(), true)),
    );
    if c.is_empty() {
        return None;
    }
    // "the Canadian Press", "the European Investment Bank": the first word of a body's name.
    if span.cues.embedded
        || embedded_in_name(&Occurrence::new(text, span.start, span.end))
        || opens_named_body(text, span.end)
    {
        return None;
    }
    c.sort_unstable();
    c.dedup_by_key(|x| x.0);
    if names_people(text, span, g, c) {
        return None;
    }
    let (place, confidence, _) = choose(
        c,
        g,
        focus,
        (false, false),
        (&mut scratch.scored, &mut scratch.factors),
    );
    Some(PlaceMention {
        start: span.start,
        end: span.end,
        place,
        confidence,
        reason: Reason::Demonym,
    })
}

/// A plural demonym names people, not a place: "rural Mexicans", "many Nigerians" (not
/// "Mexican troops", "the Swiss"). It is plural when the word without its last "s" is a
/// demonym of the same place.
fn names_people(text: &str, span: &Span, g: &Gazetteer, places: &[(PlaceIdx, bool)]) -> bool {
    let Some(singular) = text
        .get(span.start..span.end)
        .and_then(|w| w.strip_suffix('s'))
        .filter(|w| !w.ends_with('s'))
    else {
        return false;
    };
    g.name_hits(singular).iter().any(|h| {
        h.start == 0
            && h.end == singular.len()
            && h.targets().any(|(r, spelling)| {
                matches!(r, NameRole::Demonym(p) if places.iter().any(|&(q, _)| q == p))
                    && spelling == singular
            })
    })
}

/// A cheap necessary test for two points to lie within `km` (no sine or cosine): by the
/// haversine formula, d >= 2R cos(max |lat|) sin(dlon / 2), and 2 sin(x / 2) >= 0.99 x for
/// x <= 0.5 rad (larger gaps count as 0.5); cos(lat) >= 1 - lat^2 / 2.
fn near_in_longitude(a: LatLon, b: LatLon, km: f64) -> bool {
    let mut dlon = (a.lon - b.lon).abs();
    if dlon > 180.0 {
        dlon = 360.0 - dlon;
    }
    let lat = a.lat.abs().max(b.lat.abs()).to_radians();
    let cos_lower = 1.0 - lat * lat / 2.0;
    cos_lower <= 0.0 || 6371.0 * cos_lower * dlon.to_radians().min(0.5) * 0.99 <= km
}

/// `a` and `b` lie within `km` of each other: the great-circle distance asked only of points
/// whose gaps in latitude (a degree is at least 111 km of the distance) and longitude
/// ([`near_in_longitude`]) allow it, as most pairs of an article's readings do not.
fn within_km(a: LatLon, b: LatLon, km: f64) -> bool {
    (a.lat - b.lat).abs() <= km / 111.0 && near_in_longitude(a, b, km) && a.closer_than_km(b, km)
}

/// How close two readings of different ambiguous names must be to support each other: a town
/// and the county it lies in, two neighbouring towns.
const PAIR_KM: f64 = 60.0;
/// Ambiguous names and readings per name compared for [`paired_readings`] (the most populous
/// readings), which bounds the pairwise test.
const MAX_PAIRED_NAMES: usize = 32;
// ([`paired_readings`] keeps a bit per name in a `u64`.)
const _: () = assert!(MAX_PAIRED_NAMES <= u64::BITS as usize, "a bit per name");
const MAX_PAIRED_READINGS: usize = 16;

/// Readings of ambiguous names that lie within [`PAIR_KM`] of a reading of another ambiguous
/// name, each with the weight of that name's readings there. An article that names
/// "Huntsville" and "Walker County" means the pair that lies together (both in Texas), though
/// neither name settles anything alone: the joint reading with the smallest spread, as in
/// Leidner's and CLAVIN's coherence heuristics. Countries and first-level divisions are too
/// large for a point to say anything and are left out.
///
/// A reading gains by a neighbour only as much as the neighbour is likely to be meant
/// ([`pair_weight`]): "Santiago ... Concepcion" pairs a Philippine village of 6,000 with a
/// Philippine town, but "Santiago" is far more likely Chile's capital, and the pair says little
/// of where Concepcion is. `focus`: the article's focus without pairs, which weighs the
/// neighbour's readings as [`choose`] would.
fn paired_readings(
    text: &str,
    spans: &[Span],
    cands: &[(&[(PlaceIdx, bool)], bool)],
    g: &Gazetteer,
    focus: &Focus<'_>,
) -> Vec<(PlaceIdx, f32)> {
    debug_assert!(focus.paired.is_empty(), "readings weighed before the pairs");
    let top = focus.countries.top();
    let ambiguous = cands
        .iter()
        .filter(|(c, narrowed)| c.len() > 1 && !narrowed)
        .count();
    if ambiguous < 2 {
        return Vec::new();
    }
    // (surface, readings, candidates) per distinct ambiguous surface, the readings a range of
    // `all`: one list for all the names, filled from a scratch list reused from name to name,
    // so that a name costs no allocation of its own.
    // (Each list sized up front for what it can hold: grown from empty, each was regrown a few
    // times in most articles with two ambiguous names.)
    let most_names = ambiguous.min(MAX_PAIRED_NAMES);
    let mut names: Vec<PairedName<'_, '_>> = Vec::with_capacity(most_names);
    let mut all: Vec<(PlaceIdx, LatLon)> = Vec::with_capacity(most_names * MAX_PAIRED_READINGS);
    let most_readings = cands.iter().map(|(c, _)| c.len()).max().unwrap_or(0);
    let mut readings: Vec<(u64, PlaceIdx, LatLon)> = Vec::with_capacity(most_readings);
    for (span, (c, narrowed)) in spans.iter().zip(cands) {
        if c.len() < 2 || *narrowed {
            continue;
        }
        let surface = text.get(span.start..span.end).unwrap_or("");
        if names
            .iter()
            .any(|(s, _, _)| s.eq_ignore_ascii_case(surface))
        {
            continue;
        }
        if names.len() == MAX_PAIRED_NAMES {
            break;
        }
        // A name of a country ("Malta", "Lebanon") is the country unless the article is
        // mostly about the country its towns of that name lie in ("Lebanon Police" in an Ohio
        // story): towns of the name elsewhere (a village in Illinois) place nothing near them.
        let country_name = c.iter().any(|&(p, _)| g.get(p).kind == PlaceKind::Country);
        readings.clear();
        readings.extend(c.iter().filter_map(|&(p, _)| {
            let place = g.get(p);
            (place.kind != PlaceKind::Country
                && g.division_level(p) != 1
                && (!country_name || place.country.is_some() && place.country == top))
                .then(|| (place.population.unwrap_or(0), p, place.coord))
        }));
        readings.sort_by_key(|&(pop, _, _)| std::cmp::Reverse(pop));
        readings.truncate(MAX_PAIRED_READINGS);
        if !readings.is_empty() {
            let from = all.len();
            all.extend(readings.iter().map(|&(_, p, at)| (p, at)));
            names.push((surface, from..all.len(), c));
        }
    }
    // Every reading with its name's number and its place in `all`, by latitude: the readings
    // within `max_dlat` of one are a run around it, so each reading is held against its
    // neighbours in latitude only, not against every reading of every other name (up to 32
    // names of 16 readings each).
    let mut by_lat: Vec<PairedReading> = names
        .iter()
        .enumerate()
        .flat_map(|(i, (_, range, _))| {
            all.get(range.clone())
                .unwrap_or(&[])
                .iter()
                .zip(range.clone())
                .map(move |(&(p, at), k)| (at, i, p, k))
        })
        .collect();
    by_lat.sort_unstable_by(|a, b| a.0.lat.total_cmp(&b.0.lat));
    // The other names with a reading close to each reading, a bit each (most articles have
    // none: then nothing is weighed).
    let mut close: Vec<(usize, u64)> = Vec::new();
    for k in 0..by_lat.len() {
        // (A name found close is not measured again.)
        let found = std::cell::Cell::new(0u64);
        close_readings(
            &by_lat,
            k,
            |j| found.get() & (1 << j) != 0,
            |&(_, j, _, _)| found.set(found.get() | 1 << j),
        );
        let bits = found.get();
        if bits != 0 {
            close.push((k, bits));
        }
    }
    if close.is_empty() {
        return Vec::new();
    }
    // Each reading of a name that neighbours another's: its share of its name's odds.
    let partners = close.iter().fold(0u64, |acc, &(_, bits)| acc | bits);
    let mut share = vec![0.0f64; all.len()];
    let mut scored: Vec<f64> = Vec::with_capacity(most_readings);
    let weights = Weights::of(focus);
    let mut factors = CountryFactors::new();
    for (j, (_, range, c)) in names.iter().enumerate() {
        if partners & (1 << j) == 0 {
            continue;
        }
        let country = c.iter().any(|&(q, _)| g.get(q).kind == PlaceKind::Country);
        scored.clear();
        scored.extend(c.iter().map(|&(q, primary)| {
            // (The focus has no pairs yet: this is the score before neighbouring names speak.)
            let (s, _) = score(q, primary, g, focus, (&weights, (1, 1)), &mut factors);
            s + choice_adjustment(q, c, country, g)
        }));
        let best = scored.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        // (10^x as e^(x ln 10): libm's exp costs a fraction of its pow.)
        let odds = |s: f64| ((s - best) * std::f64::consts::LN_10).exp();
        let total: f64 = scored.iter().map(|&s| odds(s)).sum();
        for (k, &(q, _)) in range.clone().zip(all.get(range.clone()).unwrap_or(&[])) {
            if let (Some(at), Some(s)) = (
                share.get_mut(k),
                c.iter()
                    .position(|&(r, _)| r == q)
                    .and_then(|n| scored.get(n)),
            ) {
                *at = odds(*s) / total;
            }
        }
    }
    let mut out = Vec::new();
    let mut near_share = [0.0f64; MAX_PAIRED_NAMES];
    for &(k, bits) in &close {
        near_share.fill(0.0);
        close_readings(
            &by_lat,
            k,
            |_| false,
            |&(_, j, _, at)| {
                if let (Some(n), Some(s)) = (near_share.get_mut(j), share.get(at)) {
                    *n += s;
                }
            },
        );
        let Some(&(_, _, p, _)) = by_lat.get(k) else {
            continue;
        };
        // Once per other name close by: the readings of a cluster of names count them.
        out.extend(
            near_share
                .iter()
                .enumerate()
                .filter(|&(j, _)| bits & (1 << j) != 0)
                .map(|(_, &n)| (p, pair_weight(n) as f32)),
        );
    }
    out.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    out
}

/// A reading of [`paired_readings`]: its point, its name's number, the place, and its place
/// in the list of all the names' readings.
type PairedReading = (LatLon, usize, PlaceIdx, usize);

/// A name of [`paired_readings`]: its surface, the range of its readings in the list of all,
/// and its candidates.
type PairedName<'t, 'c> = (&'t str, std::ops::Range<usize>, &'c [(PlaceIdx, bool)]);

/// Hands `visit` each reading of another name within [`PAIR_KM`] of the reading at `at` of
/// `by_lat` (sorted by latitude), but for those of names `settled` passes over: the run of
/// readings around it within the latitude that distance spans, not every reading. (The
/// coordinates in the order, and the tests, of the pairwise comparison this replaces: the
/// same pairs are found close.)
fn close_readings(
    by_lat: &[PairedReading],
    at: usize,
    settled: impl Fn(usize) -> bool,
    mut visit: impl FnMut(&PairedReading),
) {
    let Some(&(pc, i, p, _)) = by_lat.get(at) else {
        return;
    };
    // 60 km is about 0.54 degrees of latitude: a cheap test before the distance.
    let max_dlat = PAIR_KM / 111.0;
    let mut weigh = |e: &PairedReading| {
        let &(qc, j, q, _) = e;
        if j != i
            && !settled(j)
            && q != p
            && near_in_longitude(pc, qc, PAIR_KM)
            && pc.closer_than_km(qc, PAIR_KM)
        {
            visit(e);
        }
    };
    let in_reach = |e: &&PairedReading| (pc.lat - e.0.lat).abs() < max_dlat;
    let (before, after) = by_lat.split_at(at);
    before
        .iter()
        .rev()
        .take_while(in_reach)
        .for_each(&mut weigh);
    after
        .iter()
        .skip(1)
        .take_while(in_reach)
        .for_each(&mut weigh);
}

/// How much likelier two readings of different names are to lie within [`PAIR_KM`] of each
/// other where an article means them than by chance (log10): a reading of a name taken at
/// random lies that close to a given point with a chance of about 1 in 10,000 (the circle over
/// the land of the world), and news names neighbours together; taken lower, as names cluster
/// where people live.
const PAIR_COHERENCE: f64 = 3.0;

/// What a neighbouring name is worth to a reading, out of a whole neighbour ([`PAIR_BONUS`]),
/// where that name's readings close by hold `share` of its odds: the log of the coherence
/// expected over the name's readings ([`PAIR_COHERENCE`] for those close by, none for the
/// rest), at most a whole neighbour. A neighbour that is one of several like readings counts
/// nearly in full (a county of the name in each of twenty states: 5% of its odds); a village
/// of a name that is mostly a capital elsewhere counts little ("Santiago", a Philippine
/// village of 6,000 beside a Philippine "Concepcion", where Chile's capital holds all but 0.1%
/// of the name's odds).
fn pair_weight(share: f64) -> f64 {
    let coherence = 10f64.powf(PAIR_COHERENCE);
    ((1.0 + (coherence - 1.0) * share.clamp(0.0, 1.0)).log10() / PAIR_BONUS).clamp(0.0, 1.0)
}

/// The weights of the other ambiguous names with a reading close to `idx` ([`Focus::paired`]),
/// the heaviest first.
fn paired_names(paired: &[(PlaceIdx, f32)], idx: PlaceIdx) -> &[(PlaceIdx, f32)] {
    let from = paired.partition_point(|&(p, _)| p < idx);
    let to = paired.partition_point(|&(p, _)| p <= idx);
    paired.get(from..to).unwrap_or(&[])
}

/// What a paired reading gains ([`PAIR_BONUS`] and [`PAIR_EXTRA`]) from the weights of its
/// neighbouring names, the heaviest first: the first `min_pairs` give the bonus by their
/// mean weight, the next up to `max_pairs` the extra by theirs.
fn pair_bonus(pairs: &[(PlaceIdx, f32)], min_pairs: usize, max_pairs: usize) -> f64 {
    let min_pairs = min_pairs.max(1);
    let weight = |r: std::ops::Range<usize>| {
        pairs
            .get(r)
            .unwrap_or(&[])
            .iter()
            .map(|&(_, w)| f64::from(w))
            .sum::<f64>()
    };
    PAIR_BONUS * weight(0..min_pairs) / min_pairs as f64
        + PAIR_EXTRA * weight(min_pairs..max_pairs.max(min_pairs).min(pairs.len()))
}

/// What a reading close to a reading of another ambiguous name gains, and what each further
/// such name adds, up to [`PAIR_MAX_NAMES`] names: in "Logan Elementary ... Greene County
/// ... Rogersville or Springfield" the four readings that lie together (Missouri's) outweigh
/// a pair elsewhere.
const PAIR_BONUS: f64 = 1.5;
const PAIR_EXTRA: f64 = 0.75;
const PAIR_MAX_NAMES: usize = 3;

/// A lone reading of a name below this population, this far from every place the article
/// names, in a country it never names, is left out (see [`far_from_focus`]).
const LONE_FAR_MAX_POPULATION: u64 = 100_000;
const LONE_FAR_KM: f64 = 2_500.0;
/// The places an article must name for certain (each a point) for a lone reading to be judged
/// far from them ([`far_from_focus`]).
const LONE_FAR_ANCHORS: usize = 3;

/// A lower-case word follows that is no function word or verb of being: the name before it is
/// an adjective ("Canadian pension", "Indian waters"; not "Canadian on Monday", "Canadian
/// residents").
fn adjective_before_noun(text: &str, end: usize) -> bool {
    word_after(text, end).is_some_and(|w| {
        w.starts_with(|c: char| c.is_lowercase())
            && !FUNCTION_WORDS.iter().any(|f| f.eq_ignore_ascii_case(w))
            && !matches!(
                w,
                "is" | "was"
                    | "has"
                    | "had"
                    | "said"
                    | "native"
                    | "natives"
                    | "resident"
                    | "residents"
            )
    })
}

/// `rest` opens with the source a clause is attributed to: a capitalised name of up to three
/// words and a verb of saying of [`crate::extract::REPORTING_VERBS`] ("Moscow said"; not "the
/// Kremlin said" nor "State Department officials said": no capital, or a longer name).
fn attributed(rest: &str) -> bool {
    let mut words = rest.split_whitespace();
    for _ in 0..4 {
        let Some(word) = words.next() else {
            return false;
        };
        if !word.starts_with(char::is_uppercase) {
            let verb = word.trim_end_matches(['.', ',', ';']);
            return crate::extract::REPORTING_VERBS.contains(&verb);
        }
    }
    false
}

/// A town under this population spelled like a country's or region's demonym ("Canadian",
/// Texas) is taken only where a place context shows it.
const DEMONYM_TOWN_POPULATION: u64 = 100_000;

/// Below this population a town needs support from the article (its country, a division, a
/// neighbour, an apposition) to be taken.
const TINY_TOWN: u64 = 5_000;

/// A small town chosen only by its population in an article whose focus is elsewhere: most
/// likely a name that means something else here ("Alameda" in Santiago), so it is left out.
/// A village named by several words ("Parkers Prairie", "New Concord") is rarely anything
/// else, and stays. `words`: (named by several words, followed by an apposition such as
/// "BAIKONUR, Kazakhstan", read in part). A small division far from the article is left out
/// too ([`far_division`]). `village`: the text calls the name a village ("the village of
/// Mati"), so the size of a far town of its name says nothing for it.
fn far_from_focus(
    place: PlaceIdx,
    reason: Reason,
    candidates: usize,
    (several_words, apposition, partial): (bool, bool, bool),
    village: bool,
    g: &Gazetteer,
    focus: &Focus<'_>,
) -> bool {
    let p = g.get(place);
    // (A name read in part takes the sense of its other occurrences later: kept.)
    if p.source == PlaceSource::Broad && p.kind == PlaceKind::AdminArea {
        return !partial && far_division(p, reason, apposition, focus);
    }
    if p.source != PlaceSource::Broad || p.kind != PlaceKind::City {
        return false;
    }
    // The article's countries support a town only through `elsewhere` below (towns count
    // for their own country there).
    let unsupported = !matches!(
        reason,
        Reason::Apposition | Reason::DivisionInArticle | Reason::NearOtherPlaces | Reason::OneSense
    );
    // Evidence from countries, divisions and demonyms only: a town is no evidence for itself.
    let elsewhere = p.country.is_none_or(|c| !focus.names_an_area_of(c));
    // A village that nothing in the article supports: "Nato", "Romeo" are villages too.
    if unsupported && elsewhere && !several_words && p.population.unwrap_or(0) < TINY_TOWN {
        return true;
    }
    // A name the text calls a village is no town of its name in a country the article never
    // names and a continent away from the places it does name, however large ("the village of
    // Mati" in a story of Greece: not either Mati of the Philippines, one of 106,000 people).
    if village
        && unsupported
        && elsewhere
        && !apposition
        && focus.areas.max() >= 1
        && !near_any(&focus.anchors, p.coord, LONE_FAR_KM)
        && !near_any(&focus.area_anchors, p.coord, LONE_FAR_KM)
    {
        return true;
    }
    if candidates < 2 {
        // The one town of its name, in a country the article never names and a continent
        // away from every place it does name, is most likely another place the gazetteer
        // lacks ("Buzi" of Mozambique in a story on Beira, read as Buzi of Taiwan). So is a
        // village of several words: names of several words repeat from country to country
        // ("Aguas Calientes" by Machu Picchu in a story of Peru, read as a village of Mexico).
        return (unsupported
            && elsewhere
            && (!several_words || p.population.unwrap_or(0) < TINY_TOWN)
            && !apposition
            && p.population.unwrap_or(0) < LONE_FAR_MAX_POPULATION
            && focus.areas.max() >= 1
            && focus.anchors.len() >= LONE_FAR_ANCHORS
            && !near_any(&focus.anchors, p.coord, LONE_FAR_KM)
            && !near_any(&focus.area_anchors, p.coord, LONE_FAR_KM))
            || (unsupported
                && !several_words
                && !apposition
                && lone_village_of_another_state(place, g, focus));
    }
    // ("Bagdad" in a story of Shelbyville, Kentucky: the villages of the name in Florida and
    // Arizona are as far from it as the one village of a name; not "the Spotswood quarantine
    // station in Victoria" of a story of New South Wales, whose state the article names.)
    if unsupported
        && !several_words
        && !apposition
        && g.admin1(place)
            .is_none_or(|key| !focus.named_admin1.contains(&key))
        && lone_village_of_another_state(place, g, focus)
    {
        return true;
    }
    // Chosen by its size alone, a town must be large to stand against the article's focus;
    // one its neighbours or its division chose stands where it is a town of some size
    // ("Edmonton, south of Cairns" in a story naming New Zealand twice), not a village
    // ("Barca" of Soria beside Madrid in a story of the club).
    let limit = if reason == Reason::Prior {
        200_000
    } else {
        50_000
    };
    // (Names of the article's country that towns abroad bear too count only a continent away
    // from its places: "Woodburn" of Oregon in a story of New South Wales, not a town of
    // Pennsylvania in a Pittsburgh story that names Egypt twice.)
    let focus_elsewhere = focus.areas.max() >= 2
        || (focus.areas_named_most() >= 2
            && !focus.anchors.is_empty()
            && !near_any(&focus.anchors, p.coord, LONE_FAR_KM));
    p.population.unwrap_or(0) < limit
        && focus_elsewhere
        && elsewhere
        && (unsupported || p.population.unwrap_or(0) < TINY_TOWN)
}

/// A name read inside a run of capitalised words ("at Islington Bay, by Rangitoto" of a story
/// of Auckland, "a body found in Kish River" of Illinois), chosen by its size alone or as its
/// only reading, in a country the article names no area of and a continent away from every
/// place it names: the run names something the gazetteer lacks, not the far town or division
/// of the part. Not a city of [`WORLD_CITY_POPULATION`].
fn far_name_in_a_run(
    span: &Span,
    place: PlaceIdx,
    reason: Reason,
    g: &Gazetteer,
    focus: &Focus<'_>,
) -> bool {
    // (A name read in part takes the sense of its other occurrences: kept, as in
    // [`far_from_focus`].)
    if !span.cues.run
        || span.cues.partial()
        || !matches!(reason, Reason::Prior | Reason::OnlyCandidate)
    {
        return false;
    }
    let p = g.get(place);
    // (A world city keeps its ground: "the Paris Agreement", "Washington Latin School".)
    (p.kind == PlaceKind::AdminArea
        || p.kind == PlaceKind::City && p.population.unwrap_or(0) < WORLD_CITY_POPULATION)
        && p.country.is_some_and(|c| !focus.names_an_area_of(c))
        && focus.areas.max() >= 1
        && !focus.anchors.is_empty()
        && !near_any(&focus.anchors, p.coord, LONE_FAR_KM)
        && !near_any(&focus.area_anchors, p.coord, LONE_FAR_KM)
}

/// "The Central Coast" of a story of California: a town named as a stretch of land, read with
/// its article ([`words::named_thing_after_the`]), in a country the article names no area of,
/// is most likely that country's stretch of land of the name (here California's, not the
/// Australian town).
fn stretch_town_abroad(
    text: &str,
    span: &Span,
    place: PlaceIdx,
    g: &Gazetteer,
    focus: &Focus<'_>,
) -> bool {
    let p = g.get(place);
    p.kind == PlaceKind::City
        && p.source == PlaceSource::Broad
        && text.get(..span.start).is_some_and(|b| b.ends_with(" the "))
        && text
            .get(span.start..span.end)
            .is_some_and(words::names_a_stretch_of_land)
        && p.country.is_none_or(|c| !focus.names_an_area_of(c))
        && words::any_thing_after_the(&Occurrence::new(text, span.start, span.end))
}

/// A village is this far from every place the article names to be left out by
/// [`lone_village_of_another_state`].
const LONE_VILLAGE_KM: f64 = 300.0;

/// Towns below this population are left out by [`lone_village_of_another_state`].
const LONE_TOWN_MAX_POPULATION: u64 = 20_000;

/// "A man was missing near Boonesboro" in a story of Kentucky: the one village of the name, in
/// a state of the article's country that the article neither names nor places anything else in,
/// while it is set in another state of that country (named or placed in twice at least), and
/// [`LONE_VILLAGE_KM`] from every place it names, is most likely a place the gazetteer lacks
/// (here read as Boonsboro, Maryland).
fn lone_village_of_another_state(place: PlaceIdx, g: &Gazetteer, focus: &Focus<'_>) -> bool {
    let p = g.get(place);
    if p.population.unwrap_or(0) >= LONE_TOWN_MAX_POPULATION {
        return false;
    }
    let (Some(key), Some(country)) = (g.admin1(place), p.country) else {
        return false;
    };
    let of_country = |k: &str| {
        k.strip_prefix(country)
            .is_some_and(|rest| rest.starts_with('.'))
    };
    // (The village itself counts once for its state; the story's own state twice at least,
    // not by one town read far away: "Mount Royal" of Saskatchewan in a story of Montreal.)
    focus.admin1(key) <= 1
        && focus
            .admin1
            .iter()
            .any(|&(k, n)| n >= 2 && k != key && of_country(k) && focus.sure_admin1.contains(&k))
        && focus.anchors.len() >= 2
        && !near_any(&focus.anchors, p.coord, LONE_VILLAGE_KM)
}

/// "Police in Middlesex County and Elgin County" in a story of Ontario: a county (the data has
/// the United States' counties only), or a town read for "X County" where the data has no
/// county of the name, in an article that places nothing else in its country (no other
/// country or division, no more than one name in any of its states) and at least three names
/// in a division of another country it names, is most likely a county of that country the
/// gazetteer lacks.
fn county_abroad(place: PlaceIdx, division_word: bool, g: &Gazetteer, focus: &Focus<'_>) -> bool {
    if g.division_level(place) != 2 && !(division_word && g.get(place).kind == PlaceKind::City) {
        return false;
    }
    let Some(country) = g.get(place).country else {
        return false;
    };
    let of_country = |key: &str| {
        key.strip_prefix(country)
            .is_some_and(|rest| rest.starts_with('.'))
    };
    // (A county counts once for its country and, named in one state only, for its state:
    // by itself.)
    focus.areas.count_with_sovereign(country) <= 1
        && !focus
            .admin1
            .iter()
            .any(|&(key, n)| n >= 2 && of_country(key))
        && focus.admin1.iter().any(|&(key, n)| {
            n >= 3
                && !of_country(key)
                && key
                    .split_once('.')
                    .is_some_and(|(other, _)| focus.areas.count_with_sovereign(other) >= 1)
        })
}

/// "Russia said it had captured New York, a village south of Toretsk": a town the text says
/// lies near another ("X, a village/town/city ... of/near Y") is not a reading of its name
/// [`TOLD_NEAR_MAX_KM`] or more from that other town's: the place is one the gazetteer lacks
/// (here New York of Donetsk Oblast, read as the city of the United States), left out.
fn drop_towns_far_from_where_told(text: &str, g: &Gazetteer, mentions: &mut Vec<PlaceMention>) {
    let town = |m: &PlaceMention| g.get(m.place).kind.class() != KindClass::Area;
    // (Marked, then dropped in one pass: linear however many a text holds.)
    let far: Vec<bool> = mentions
        .windows(2)
        .map(|pair| {
            let (m, next) = (&pair[0], &pair[1]);
            town(m)
                && town(next)
                && next.start > m.end
                && next.start - m.end <= TOLD_NEAR_MAX_BYTES
                && text
                    .get(m.end..next.start)
                    .is_some_and(told_near_the_next_place)
                && !g
                    .get(m.place)
                    .coord
                    .closer_than_km(g.get(next.place).coord, TOLD_NEAR_MAX_KM)
        })
        .collect();
    if !far.contains(&true) {
        return;
    }
    let mut i = 0;
    mentions.retain(|_| {
        i += 1;
        !far.get(i - 1).copied().unwrap_or(false)
    });
}

/// The words between a town and the next place say the town lies near that place:
/// ", a village south of ", ", a small town near ", ", the port city 30 km west of ", ", about
/// 20 miles south of ", ", near ", ", outside ".
fn told_near_the_next_place(between: &str) -> bool {
    // "the navy's headquarters at Santa Rosa, near Rome": no Santa Rosa of the Philippines.
    if matches!(
        between,
        ", near " | ", just outside " | ", outside " | ", close to "
    ) {
        return true;
    }
    // ", south of", ", about 20 miles north-west of": a measure and a compass word.
    if let Some(rest) = between.strip_prefix(", ")
        && let Some(rest) = rest.strip_suffix(" of ")
    {
        let mut words = rest.split_whitespace().rev();
        let compass = words
            .next()
            .is_some_and(|w| w.split('-').all(words::is_direction));
        if compass
            && words.all(|w| {
                w.bytes()
                    .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
                    || matches!(
                        w,
                        "about"
                            | "some"
                            | "just"
                            | "roughly"
                            | "nearly"
                            | "around"
                            | "mile"
                            | "miles"
                            | "km"
                            | "kilometres"
                            | "kilometers"
                    )
            })
        {
            return true;
        }
    }
    let Some(rest) = between
        .strip_prefix(", a ")
        .or_else(|| between.strip_prefix(", an "))
        .or_else(|| between.strip_prefix(", the "))
    else {
        return false;
    };
    if rest.contains(['.', ';', ',', '(', ')']) {
        return false;
    }
    let words: Vec<&str> = rest.split_whitespace().collect();
    // The noun among the first four words, and the preposition that ends the words.
    let noun = words.iter().take(4).any(|w| TOWN_NOUNS.contains(w));
    noun && words
        .last()
        .is_some_and(|w| matches!(*w, "of" | "near" | "outside" | "from"))
}

/// Nouns of a town in an apposition that says where it lies ([`told_near_the_next_place`]).
const TOWN_NOUNS: &[&str] = &[
    "village",
    "town",
    "city",
    "hamlet",
    "settlement",
    "suburb",
    "port",
    "township",
];

/// How far a reading may lie from the place its apposition says it is near, in km (news says
/// "a town 450 km east of Tripoli" too), and how many bytes the apposition may take.
const TOLD_NEAR_MAX_KM: f64 = 600.0;
const TOLD_NEAR_MAX_BYTES: usize = 60;

/// Words after a name that make it a part of a city ("the Maghar district"), not the city.
const PART_OF_A_CITY_WORDS: &[&str] = &["district", "neighborhood", "neighbourhood", "quarter"];

/// The names the article gives as parts of a city, after "the" and before a word for a part,
/// with no "of" or "in" after ("in the Delano neighborhood", not "the Serra neighborhood of
/// Petrópolis", which [`city_of_a_part`] reads).
fn named_parts_of_a_city<'t>(text: &'t str, spans: &[Span]) -> Vec<&'t str> {
    let mut out: Vec<&str> = Vec::new();
    for s in spans {
        if !matches!(text.as_bytes().get(s.end + 1), Some(b'n' | b'q'))
            || word_before(text, s.start) != Some("the")
        {
            continue;
        }
        let Some(part) = word_after(text, s.end)
            .filter(|w| matches!(*w, "neighborhood" | "neighbourhood" | "quarter"))
        else {
            continue;
        };
        if matches!(word_after(text, s.end + 1 + part.len()), Some("of" | "in")) {
            continue;
        }
        if let Some(surface) = text.get(s.start..s.end)
            && !out.contains(&surface)
        {
            out.push(surface);
        }
    }
    out
}

/// "Much of the Maghar district was destroyed" in a story of Derna: a town read for a name
/// followed by a word for a part of a city, in a country the article names no area of and
/// [`PART_OF_CITY_KM`] from every town it names, is most likely a district of the story's own
/// city that the gazetteer lacks (Maghar is also a town of Israel). A district of a place the
/// article names stays ("the Swat district" in a story of Pakistan, "the Brooklyn
/// neighborhood" beside New York). Not where the words go on to name the city ("the Crown
/// Heights neighborhood of Brooklyn": [`city_of_a_part`] reads that), nor where the article
/// names the place without such a word too (one sense per article).
fn part_of_a_city_abroad(
    text: &str,
    span: &Span,
    place: PlaceIdx,
    g: &Gazetteer,
    focus: &Focus<'_>,
    named_parts: &[&str],
) -> bool {
    let Some(surface) = text.get(span.start..span.end) else {
        return false;
    };
    // (Asked of every mention: the letter after the space rules out most at once.)
    let part_word_at = |end: usize| {
        matches!(text.as_bytes().get(end + 1), Some(b'd' | b'n' | b'q'))
            && word_after(text, end).is_some_and(|w| PART_OF_A_CITY_WORDS.contains(&w))
    };
    let named_part = named_parts.contains(&surface);
    if !named_part && !part_word_at(span.end) {
        return false;
    }
    let p = g.get(place);
    if p.source != PlaceSource::Broad
        || p.kind != PlaceKind::City
        || near_any(&focus.anchors, p.coord, PART_OF_CITY_KM)
    {
        return false;
    }
    let Some(country) = p.country else {
        return false;
    };
    // "in the Delano neighborhood" of a story of Wichita: a part the article names as such
    // ("the ... neighborhood", [`named_parts_of_a_city`]) is of the story's city wherever the
    // name stands, not a town far from every place the article places for certain, in a state
    // it neither names nor places anything in for certain (Delano, California).
    if named_part {
        let other_state = !focus.anchors.is_empty()
            && g.admin1(place).is_some_and(|k| {
                !focus.sure_admin1.contains(&k) && !focus.named_admin1.contains(&k)
            });
        return !focus.names_an_area_of(country) || other_state;
    }
    if focus.names_an_area_of(country) {
        return false;
    }
    let Some(part_word) = word_after(text, span.end) else {
        return false;
    };
    // (The part word follows one space.)
    let part_end = span.end + 1 + part_word.len();
    !matches!(word_after(text, part_end), Some("of" | "in"))
        && text
            .match_indices(surface)
            .all(|(at, _)| part_word_at(at + surface.len()))
}

/// A division under this population may be left out by [`far_division`].
const FAR_DIVISION_MAX_POPULATION: u64 = 1_000_000;

/// A small division chosen by its size alone or as the only reading of its name, in a country
/// the article never names (by a country, division or demonym) while it names others, a
/// continent away from every place and area it names: most likely the name means something
/// else here ("the West Coast" of American news read as the Gambian region, "Lot" as the
/// French department in a story of Illinois).
fn far_division(
    p: crate::gazetteer::PlaceRef<'_>,
    reason: Reason,
    apposition: bool,
    focus: &Focus<'_>,
) -> bool {
    matches!(reason, Reason::Prior | Reason::OnlyCandidate)
        && !apposition
        && p.country
            .is_some_and(|c| focus.areas.count_with_sovereign(c) == 0)
        && p.population.unwrap_or(0) < FAR_DIVISION_MAX_POPULATION
        && focus.areas.max() >= 2
        && !near_any(&focus.anchors, p.coord, LONE_FAR_KM)
        && !near_any(&focus.area_anchors, p.coord, LONE_FAR_KM)
}

/// Below this population a town named only by one of its alternate names needs support from
/// the article (see [`unsupported_side_reading`]); above it the old or foreign name is what
/// the news means ("Kiev", "Bombay").
const ALIAS_ONLY_MAX_POPULATION: u64 = 1_000_000;

/// A reading nothing in the article supports (no apposition, division, neighbour or earlier
/// sense; its country never named by a country, division or demonym) that is a side reading of
/// its name, most likely something else here: a town below [`ALIAS_ONLY_MAX_POPULATION`] named
/// only by an alternate name (a club "Ismaili" read as Ismayilli, "Hamid" as Isparta), where
/// no place bears it as its own name, unless the alternate is a form of the name ("Clacton" of
/// Clacton-on-Sea, "Mt. Pleasant", "Qamishli") or the article names the town otherwise or a
/// place near it.
fn unsupported_side_reading(
    text: &str,
    span: &Span,
    place: PlaceIdx,
    reason: Reason,
    all: &[(&[(PlaceIdx, bool)], bool)],
    g: &Gazetteer,
    focus: &Focus<'_>,
) -> bool {
    let p = g.get(place);
    let unsupported = matches!(
        reason,
        Reason::Prior | Reason::OnlyCandidate | Reason::CountryInArticle
    );
    let elsewhere = p
        .country
        .is_none_or(|c| focus.areas.count_with_sovereign(c) == 0);
    if p.source != PlaceSource::Broad || !unsupported || !elsewhere {
        return false;
    }
    match p.kind {
        PlaceKind::City => {
            let surface = text.get(span.start..span.end).unwrap_or("");
            // The article names the place by its own name too, or another name settles on a
            // place in its division or near it.
            let supported = || {
                let key = g.admin1(place);
                let named = all
                    .iter()
                    .any(|(c, _)| c.iter().any(|&(q, primary)| q == place && primary));
                named
                    || all
                        .iter()
                        .filter(|(c, narrowed)| {
                            (c.len() == 1 || *narrowed) && !c.iter().any(|&(q, _)| q == place)
                        })
                        .flat_map(|(c, _)| c.iter())
                        .any(|&(q, _)| {
                            (key.is_some() && g.admin1(q) == key)
                                || within_km(g.get(q).coord, p.coord, NEAR_KM)
                        })
            };
            // A span read in part takes its sense from the article's other occurrences.
            !span.cues.partial()
                && !span
                    .roles
                    .iter()
                    .any(|&(r, primary)| primary && r.place().is_some())
                && p.population.unwrap_or(0) < ALIAS_ONLY_MAX_POPULATION
                && !same_name_words(surface, p.name)
                && !one_letter_apart(surface, p.name)
                && !supported()
        }
        _ => false,
    }
}

/// Words of place names that say what kind of place it is, not which ("Calamba City", "City of
/// Calamba"), the short forms of "Mount", "Saint", "Fort", and the Arabic article ("Al
/// Qāmishlī").
const NAME_KIND_WORDS: &[&str] = &[
    "city", "of", "the", "town", "county", "mount", "mt", "saint", "st", "ste", "fort", "ft", "al",
    "el", "ar", "as", "ash", "ad", "an", "at", "az",
];

/// One name's words (kind words aside, case and accents ignored, French "ou" as "u") are all
/// words of the other ("Quebec City" and "Québec", "Salloum" and "As Sallūm"), or the two
/// names' words are, one by one, other
/// transliterations of each other ([`same_consonants`]: "Deir el-Balah" and "Dayr al Balaḩ"):
/// "Athens-Clarke County" and "Athens", "Clacton" and "Clacton-on-Sea", "Mt. Pleasant" and
/// "Mount Pleasant" are forms of one name; "Adena" and "Aden", "Auschwitz" and "Oswiecim" are
/// not.
fn same_name_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .filter(|w| !NAME_KIND_WORDS.contains(&w.as_str()))
            .collect()
    };
    // "Quebec" and "Québec", "Qamishli" and "Qāmishlī": accented letters make no other word
    // (a letter outside ASCII stands for any one letter).
    let letters = |x: &str, y: &str| {
        x.chars().count() == y.chars().count()
            && x.chars()
                .zip(y.chars())
                .all(|(a, b)| a == b || !a.is_ascii() || !b.is_ascii())
    };
    // The French transliteration's "ou" is the English "u": "Salloum" and "Sallūm".
    let same = |x: &String, y: &String| {
        letters(x, y)
            || ((x.contains("ou") || y.contains("ou"))
                && letters(&x.replace("ou", "u"), &y.replace("ou", "u")))
    };
    let within = |xs: &[String], ys: &[String]| xs.iter().all(|x| ys.iter().any(|y| same(x, y)));
    let (wa, wb) = (words(a), words(b));
    // A word transliterated another way only in its place among as many words: "Belar" is no
    // form of "Dayr al Balaḩ". Names of two words or more only: a one-word alternate name
    // close to the name by its consonants is as often a firm's or a person's ("Shoney's" of
    // Shonē, Ethiopia).
    let transliterated = || {
        wa.len() == wb.len()
            && wa.len() >= 2
            && wa
                .iter()
                .zip(&wb)
                .all(|(x, y)| same(x, y) || same_consonants(x, y))
    };
    !wa.is_empty() && !wb.is_empty() && (within(&wa, &wb) || within(&wb, &wa) || transliterated())
}

/// Below this many consonants a word's vowels are most of it: "Aya" and "Oyo" are no
/// transliterations of one word.
const MIN_CONSONANTS: usize = 2;

/// Two lower-case words that are transliterations of one word: the same consonants in the same
/// order with vowels between them in the same places, whichever vowels, as the romanisations
/// of Arabic, Hebrew or Persian differ ("deir", "dier" and "dayr"; "y" and a run of vowels
/// count as one vowel). A consonant with a mark is that consonant ("ḩ" is "h", "ş" "s"), a
/// vowel with a mark a vowel; the apostrophes of "ʿ" and "ʾ" are left out. Each word needs
/// [`MIN_CONSONANTS`]. A doubled letter counts twice: "ismaili" and "ismayilli" differ, as do
/// "ahmad" and "aḩmadī" (a last vowel) and "kiryat" and "qiryat".
fn same_consonants(a: &str, b: &str) -> bool {
    /// A consonant as its ASCII letter, a vowel as `None`; apostrophes are skipped.
    fn sounds(w: &str) -> impl Iterator<Item = Option<char>> + '_ {
        let mut after_vowel = false;
        w.chars().filter_map(move |c| {
            let sound = match c {
                'a' | 'e' | 'i' | 'o' | 'u' | 'y' => None,
                c if c.is_ascii_alphanumeric() => Some(c),
                c => match marked_consonant(c) {
                    Some(plain) => Some(plain),
                    None if c.is_alphabetic() && !matches!(c, 'ʿ' | 'ʾ' | 'ʼ') => None,
                    None => return None,
                },
            };
            let repeat = sound.is_none() && after_vowel;
            after_vowel = sound.is_none();
            (!repeat).then_some(sound)
        })
    }
    let consonants = |w: &str| sounds(w).flatten().count();
    consonants(a) >= MIN_CONSONANTS && consonants(b) >= MIN_CONSONANTS && sounds(a).eq(sounds(b))
}

/// The ASCII letter of a lower-case consonant with a mark, as transliterations write them
/// (Latin-1, Latin Extended-A and the dotted and underlined letters of Arabic and Indic
/// romanisation); None for any other character.
fn marked_consonant(c: char) -> Option<char> {
    Some(match c {
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' | 'ḍ' | 'ḏ' | 'ḑ' => 'd',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' | 'ǧ' => 'g',
        'ĥ' | 'ħ' | 'ḥ' | 'ḩ' | 'ḫ' | 'ẖ' => 'h',
        'ĵ' => 'j',
        'ķ' | 'ḳ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' | 'ḷ' => 'l',
        'ṃ' => 'm',
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ṅ' | 'ṇ' => 'n',
        'ŕ' | 'ŗ' | 'ř' | 'ṛ' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ṣ' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' | 'ṭ' | 'ṯ' => 't',
        'ŵ' => 'w',
        'ź' | 'ż' | 'ž' | 'ẓ' | 'ẕ' => 'z',
        _ => return None,
    })
}

/// Two spellings of one name, one letter added, dropped or changed ("Cookville" for
/// Cookeville, "Adena" for Aden), case ignored.
fn one_letter_apart(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = b.chars().flat_map(char::to_lowercase).collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let head = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        // One letter changed: the rest after it agrees.
        return short.get(head + 1..) == long.get(head + 1..) || head == short.len();
    }
    // One letter added to the longer: skipping it, the rest agrees.
    short.get(head..) == long.get(head + 1..)
}

/// The population from which a town's name in capitals is taken anywhere in the text.
const ALL_CAPS_MIN_POPULATION: u64 = 100_000;

/// A span's readings ([`Span::roles`]), a slice to read. Most names have one or two: those are
/// kept inline, as a list of its own cost every span an allocation and a free (a third of an
/// article's allocations); longer lists (a common name has hundreds) are on the heap.
#[derive(Clone, Debug)]
enum Roles {
    /// `len` readings (at most two), the rest of `roles` filler.
    Inline {
        len: u8,
        roles: [(NameRole, bool); 2],
    },
    Heap(Vec<(NameRole, bool)>),
}

impl Roles {
    fn from_slice(roles: &[(NameRole, bool)]) -> Roles {
        match *roles {
            [one] => Roles::Inline {
                len: 1,
                roles: [one, one],
            },
            [first, second] => Roles::Inline {
                len: 2,
                roles: [first, second],
            },
            // (An empty list allocates nothing.)
            _ => Roles::Heap(roles.to_vec()),
        }
    }
}

impl From<Vec<(NameRole, bool)>> for Roles {
    fn from(roles: Vec<(NameRole, bool)>) -> Roles {
        if (1..=2).contains(&roles.len()) {
            Roles::from_slice(&roles)
        } else {
            Roles::Heap(roles)
        }
    }
}

impl std::ops::Deref for Roles {
    type Target = [(NameRole, bool)];

    fn deref(&self) -> &[(NameRole, bool)] {
        match self {
            Roles::Inline { len, roles } => roles.get(..usize::from(*len)).unwrap_or(&[]),
            Roles::Heap(roles) => roles,
        }
    }
}

impl<'a> IntoIterator for &'a Roles {
    type Item = &'a (NameRole, bool);
    type IntoIter = std::slice::Iter<'a, (NameRole, bool)>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// An accepted occurrence of one or more names at the same place in the text.
#[derive(Clone, Debug)]
struct Span {
    start: usize,
    end: usize,
    /// What the name may stand for, and whether the spelling is the place's primary name (as
    /// written or without its accents).
    roles: Roles,
    /// A division word follows ("Laurel County", "Sindh Province"): divisions win, and the
    /// mention includes the word (up to `end_with_word`).
    division_word: bool,
    end_with_word: usize,
    cues: Cues,
}

impl Span {
    /// A span with no division word after it and no cue from its neighbours.
    fn bare(start: usize, end: usize, roles: impl Into<Roles>) -> Span {
        Span {
            start,
            end,
            roles: roles.into(),
            division_word: false,
            end_with_word: end,
            cues: Cues::default(),
        }
    }
}

/// What the words around an occurrence say of it.
// (Independent cues, each read on its own by a different rule: no state machine.)
#[allow(clippy::struct_excessive_bools)]
#[derive(Clone, Copy, Debug, Default)]
struct Cues {
    /// Inside an organisation's name ("Bank of Italy"): kept with a low confidence.
    embedded: bool,
    /// Opens an organisation's name ("the Ohio Supreme Court"): the place is meant, with a low
    /// confidence.
    modifier: bool,
    /// Local news words around it ("Lebanon police", "a Richmond man", "Jolly, 60, Lebanon"):
    /// a town of the name is as likely as a country.
    local: bool,
    /// Inside a run of capitalised words ("Islington Bay", "Kish River"): read far from
    /// the article's ground, the run most likely names something else
    /// ([`far_name_in_a_run`]).
    run: bool,
    /// Whether some readings were left out for what the words around say, not for the place.
    reading: Reading,
}

/// How much of a name's readings an occurrence kept ([`Cues::reading`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Reading {
    /// Every reading the name's spelling allows.
    #[default]
    Whole,
    /// Only the division or country readings of a name that towns bear too, where it opens a
    /// longer name ("the Dublin Arts Council": the county of Dublin, Ireland, as a modifier,
    /// while every town Dublin was left out as part of a name), or the readings left after the
    /// small towns were taken for a person of the name. What is left says nothing of the
    /// article's ground, and the name means what it means elsewhere in the article.
    Part,
    /// Like `Part`, the towns left out for a person the article names for certain ("Elizabeth
    /// Fairfield"): where the article never uses the name as a place, the person is meant.
    PartForAPerson,
}

impl Cues {
    fn partial(self) -> bool {
        self.reading != Reading::Whole
    }
}

/// An occurrence `text[start..end]` of a name, and what its neighbours say, each worked out
/// once when first asked: a name has up to hundreds of targets ("Springfield"), and
/// [`accept`] asks the same questions of the occurrence for each.
struct Site<'t> {
    /// The occurrence and the words right around it.
    at: Occurrence<'t>,
    starts_organisation: OnceCell<bool>,
    embedded: OnceCell<bool>,
    place_context: OnceCell<bool>,
    in_run: OnceCell<bool>,
    modifies: OnceCell<bool>,
    opens_organisation: OnceCell<bool>,
    thing_after_the: OnceCell<bool>,
    name_word_after: OnceCell<bool>,
    not_a_name: OnceCell<bool>,
    strong_place_context: OnceCell<bool>,
    placed_by_its_neighbours: OnceCell<bool>,
    closes_run: OnceCell<bool>,
    opens_feature_name: OnceCell<bool>,
    opens_longer_feature_name: OnceCell<bool>,
    names_a_river: OnceCell<bool>,
    joined_by_ampersand: OnceCell<bool>,
    opens_person_name_with_any_surname: OnceCell<bool>,
    opens_a_journal_name: OnceCell<bool>,
    public_body_or_common_thing: OnceCell<bool>,
    opens_name_with_particle: OnceCell<bool>,
    feature_word_after: OnceCell<bool>,
    opens_a_town_name: OnceCell<bool>,
    compass_word: OnceCell<bool>,
    abbreviation: OnceCell<bool>,
    one_word: OnceCell<bool>,
    holiday: OnceCell<bool>,
    inside_compass_name: OnceCell<bool>,
    names_a_weapon: OnceCell<bool>,
    /// A town and the first-level division it lies in, side by side without a comma
    /// ("Maiduguri Borno State"): neither is the word of a longer name.
    beside_division: bool,
}

impl<'t> Site<'t> {
    fn new(at: Occurrence<'t>) -> Site<'t> {
        Site {
            at,
            starts_organisation: OnceCell::new(),
            embedded: OnceCell::new(),
            place_context: OnceCell::new(),
            in_run: OnceCell::new(),
            modifies: OnceCell::new(),
            opens_organisation: OnceCell::new(),
            thing_after_the: OnceCell::new(),
            name_word_after: OnceCell::new(),
            not_a_name: OnceCell::new(),
            strong_place_context: OnceCell::new(),
            placed_by_its_neighbours: OnceCell::new(),
            closes_run: OnceCell::new(),
            opens_feature_name: OnceCell::new(),
            opens_longer_feature_name: OnceCell::new(),
            names_a_river: OnceCell::new(),
            joined_by_ampersand: OnceCell::new(),
            opens_person_name_with_any_surname: OnceCell::new(),
            opens_a_journal_name: OnceCell::new(),
            public_body_or_common_thing: OnceCell::new(),
            opens_name_with_particle: OnceCell::new(),
            feature_word_after: OnceCell::new(),
            opens_a_town_name: OnceCell::new(),
            compass_word: OnceCell::new(),
            abbreviation: OnceCell::new(),
            one_word: OnceCell::new(),
            holiday: OnceCell::new(),
            inside_compass_name: OnceCell::new(),
            names_a_weapon: OnceCell::new(),
            beside_division: false,
        }
    }

    /// The answer in `cell`, worked out by `f` the first time. Generic, so that each question
    /// inlines: an answer already known costs a load, not a call (`accept` asks about a dozen a
    /// target).
    #[inline]
    fn ask(&self, cell: &OnceCell<bool>, f: impl FnOnce(&Occurrence<'t>) -> bool) -> bool {
        *cell.get_or_init(|| f(&self.at))
    }

    fn starts_organisation(&self) -> bool {
        self.ask(&self.starts_organisation, |at| {
            starts_organisation_name(at.text, at.end)
        })
    }

    fn embedded(&self) -> bool {
        self.ask(&self.embedded, embedded_in_name)
    }

    fn place_context(&self) -> bool {
        self.ask(&self.place_context, place_context)
    }

    fn in_run(&self) -> bool {
        self.ask(&self.in_run, inside_capitalised_run)
    }

    fn modifies(&self) -> bool {
        self.ask(&self.modifies, modifies_name)
    }

    fn opens_organisation(&self) -> bool {
        self.ask(&self.opens_organisation, opens_organisation)
    }

    /// The occurrence is a function, title or calendar word ("Nov", "Sunday", "The").
    fn not_a_name(&self) -> bool {
        self.ask(&self.not_a_name, |at| {
            at.text
                .get(at.start..at.end)
                .is_some_and(crate::extract::dates::is_not_a_name)
        })
    }

    fn strong_place_context(&self) -> bool {
        self.ask(&self.strong_place_context, strong_place_context)
    }

    fn placed_by_its_neighbours(&self) -> bool {
        self.ask(&self.placed_by_its_neighbours, placed_by_its_neighbours)
    }

    fn closes_capitalised_run(&self) -> bool {
        self.ask(&self.closes_run, closes_capitalised_run)
    }

    fn opens_feature_name(&self) -> bool {
        self.ask(&self.opens_feature_name, words::opens_feature_name)
    }

    /// (Asked of each small town an occurrence may name, and the same for all of them.)
    fn opens_longer_feature_name(&self) -> bool {
        self.ask(
            &self.opens_longer_feature_name,
            words::opens_longer_feature_name,
        )
    }

    fn names_a_river(&self) -> bool {
        self.ask(&self.names_a_river, words::names_a_river)
    }

    fn joined_by_ampersand(&self) -> bool {
        self.ask(&self.joined_by_ampersand, |at| {
            words::joined_by_ampersand(at.text, at.start, at.end)
        })
    }

    fn opens_person_name_with_any_surname(&self) -> bool {
        self.ask(
            &self.opens_person_name_with_any_surname,
            words::opens_person_name_with_any_surname,
        )
    }

    fn word_after(&self) -> Option<&'t str> {
        self.at.after
    }

    fn opens_a_journal_name(&self) -> bool {
        self.ask(&self.opens_a_journal_name, |at| {
            opens_a_journal_name(at.text, at.end)
        })
    }

    /// The occurrence is a word for a public body or a common thing ("Police", "Earth").
    fn names_a_public_body_or_common_thing(&self) -> bool {
        self.ask(&self.public_body_or_common_thing, |at| {
            let surface = at.text.get(at.start..at.end).unwrap_or("");
            words::names_a_public_body(surface) || words::names_a_common_thing(surface)
        })
    }

    fn opens_name_with_particle(&self) -> bool {
        self.ask(
            &self.opens_name_with_particle,
            words::opens_name_with_particle,
        )
    }

    /// A space and a capitalised word for a feature of the land, a college or a venue follow
    /// ("Hopkins Park", "Lyle Elementary", "Bates Stadium").
    fn feature_word_after(&self) -> bool {
        self.ask(&self.feature_word_after, |at| {
            at.after.is_some_and(|w| {
                at.text.get(at.end..).is_some_and(|a| a.starts_with(' '))
                    && (words::FEATURE_WORDS.contains(&w)
                        || words::COLLEGE_WORDS.contains(&w)
                        || words::VENUE_WORDS.contains(&w)
                        // ("Haro Strait", "Willows Beach", "the Fraser River": water and
                        // shores, named like a small town far away.)
                        || w == "Beach"
                        || words::names_water_beside(at))
            })
        })
    }

    fn opens_a_town_name(&self) -> bool {
        self.ask(&self.opens_a_town_name, |at| {
            opens_a_town_name(at.text, at.end)
        })
    }

    /// The occurrence is a compass word alone ("North", "Western").
    fn compass_word(&self) -> bool {
        self.ask(&self.compass_word, |at| {
            at.text
                .get(at.start..at.end)
                .is_some_and(|w| COMPASS_WORDS.contains(&w))
        })
    }

    /// The occurrence as written is an abbreviation ([`is_abbreviation`]).
    fn abbreviation(&self) -> bool {
        self.ask(&self.abbreviation, |at| {
            is_abbreviation(at.text.get(at.start..at.end).unwrap_or(""))
        })
    }

    /// The occurrence as written is one word ([`words::has_space_or_hyphen`]).
    fn one_word(&self) -> bool {
        self.ask(&self.one_word, |at| {
            !words::has_space_or_hyphen(at.text.get(at.start..at.end).unwrap_or(""))
        })
    }

    /// The occurrence is a holiday's name ("Christmas", "Easter").
    fn holiday(&self) -> bool {
        self.ask(&self.holiday, |at| {
            crate::extract::dates::is_holiday(at.text.get(at.start..at.end).unwrap_or(""))
        })
    }

    fn thing_after_the(&self) -> bool {
        self.ask(&self.thing_after_the, named_thing_after_the)
    }

    /// (Asked of nearly every target an occurrence may name, and the same for all of them.)
    fn inside_compass_name(&self) -> bool {
        self.ask(&self.inside_compass_name, words::inside_compass_name)
    }

    fn names_a_weapon(&self) -> bool {
        self.ask(&self.names_a_weapon, |at| {
            words::names_a_weapon(at.text, at.end)
        })
    }

    /// A capitalised word follows that is neither an institution's word nor a function word
    /// ("Paris Hilton", not "Paris Police" or "Paris The").
    fn name_word_after(&self) -> bool {
        self.ask(&self.name_word_after, |at| {
            at.after.is_some_and(|w| {
                is_capitalised(w) && !INSTITUTION_WORDS.contains(&w) && !words::is_function_word(w)
            })
        })
    }
}

/// Whether the occurrence `text[start..end]` may stand for `role` with this spelling.
fn accept(
    site: &Site<'_>,
    role: NameRole,
    spelling: &str,
    g: &Gazetteer,
    weak_settled: bool,
) -> bool {
    let (text, start, end) = (site.at.text, site.at.start, site.at.end);
    let Some(surface) = text.get(start..end) else {
        return false;
    };
    // "Lassa fever", "West Nile virus", "Spanish flu", "Lyme disease": a disease named after a
    // place is no mention of it.
    if site.at.after.is_some_and(|w| DISEASE_WORDS.contains(&w)) {
        return false;
    }
    let Some(idx) = role.place() else {
        // Demonyms: the same case rules, and no first word of a place's own name ("the
        // Spanish Quarter", "the French Broad River").
        return (case_matches(surface, spelling) || is_all_caps(surface))
            && !site.opens_feature_name()
            && !words::opens_water_or_land_name(&site.at);
    };
    let place = g.get(idx);
    let broad = place.source == PlaceSource::Broad;
    // "the Kalu Ganga" of Sri Lanka: a river's or a region's one-word alias that closes a run of
    // capitalised words is the last word of another's name, not the one of the alias.
    // (Not a word of its own name, a short form or a name of its own before it: "Nagorno
    // Karabakh", "Mt Everest", "the Canadian Arctic", "the Indian Himalaya".)
    if !broad
        && place.kind == PlaceKind::Region
        && spelling != place.name
        && !spelling.contains(' ')
        && site.closes_capitalised_run()
        && site.at.before.is_some_and(|w| {
            // (Nor a sentence's first word: "Senior EU officials".)
            let opens_sentence = start.checked_sub(w.len() + 1).is_none_or(|at| {
                text.get(..at)
                    .map(|b| b.trim_end_matches(' '))
                    .is_none_or(|b| {
                        b.is_empty() || b.ends_with(['.', '!', '?', '\n', '"', '\u{201c}', ':'])
                    })
            });
            w.len() >= 3
                && !opens_sentence
                && w.bytes().all(|b| b.is_ascii_alphabetic())
                && !place.name.contains(w)
                && !g
                    .name_hits(w)
                    .iter()
                    .any(|h| h.start == 0 && h.end == w.len())
        })
    {
        return false;
    }
    // "the Samad Al Shan area" of Oman: a name after the Arabic article is the end of an
    // Arabic name, not a place of a country whose names take no such article (Myanmar's Shan).
    if site.at.before.is_some_and(|w| w == "Al" || w == "al")
        && !place
            .country
            .is_some_and(|k| ARABIC_NAMED_COUNTRIES.contains(&k))
    {
        return false;
    }
    // Most targets are spelled as the text writes them: what their spelling is, the occurrence
    // is, worked out once for them all.
    let as_written = surface == spelling;
    let abbreviation = if as_written {
        site.abbreviation()
    } else {
        is_abbreviation(spelling)
    };
    if abbreviation {
        if words::agency_of_a_dateline(text, start, end) {
            return false;
        }
        // "U.S.", "NSW", "Ky.": exact case; a division's short form ("Ga.", "KY", "B.C.")
        // only in apposition or after a preposition, never after a number ("300 B.C.").
        if !as_written {
            return false;
        }
        let division = place.kind == PlaceKind::AdminArea;
        let letters = spelling.chars().filter(|c| c.is_alphabetic()).count();
        if division {
            let after_preposition = site.at.before.is_some_and(|w| {
                [
                    "in",
                    "across",
                    "near",
                    "of",
                    "from",
                    "outside",
                    "throughout",
                ]
                .iter()
                .any(|p| p.eq_ignore_ascii_case(w))
            });
            // "D-S.C.", "R-Ga.": a legislator's party and state.
            let party_state = text
                .get(..start)
                .is_some_and(|b| b.ends_with("D-") || b.ends_with("R-") || b.ends_with("I-"));
            let dotted = letters > 2 || spelling.contains('.');
            // "to D.C.", "Northwest D.C.": two dots make no word ("went to Mass. It was").
            let two_dots = spelling.matches('.').count() >= 2;
            let after_motion_or_compass = site.at.before.is_some_and(|w| {
                matches!(w, "to" | "into" | "toward" | "towards" | "at" | "around")
                    || COMPASS_WORDS.contains(&w)
            });
            // "Ga. pastor", "another Neb. jail", "S.C. 6": a lower-case word or a route number
            // after the final dot shows the dot ends no sentence (not after a year or a
            // century: "44 B.C. the", "the 5th century B.C. when").
            let era = after_a_year_or_century(text, start);
            let noun_or_route_after = spelling.ends_with('.')
                && site.word_after().is_some_and(|w| {
                    w.starts_with(char::is_lowercase) || w.bytes().all(|b| b.is_ascii_digit())
                });
            // "S.C. House Republicans think": two dots opening a sentence make no word.
            let opens_sentence = text
                .get(..start)
                .map(|b| b.trim_end_matches(' '))
                .is_some_and(|b| b.ends_with(['.', '!', '?']));
            // "NSW", "QLD", "PEI": three capitals and no dot spell no word and no sentence's
            // end; such a short form is the division wherever it stands ("the NSW
            // government", "regional NSW", "except NSW and Queensland").
            let capitals = letters >= 3 && spelling.bytes().all(|b| b.is_ascii_uppercase());
            let ok = in_apposition(text, start)
                || capitals
                || party_state
                || (dotted && !era && noun_or_route_after)
                || (two_dots && opens_sentence)
                || (dotted && after_preposition)
                || (two_dots && after_motion_or_compass)
                // "the S.C. Highway Patrol", "the B.C. border" (not "went to Mass. It was": a
                // sentence ends).
                || (dotted
                    && site.at.before.is_some_and(|w| w.eq_ignore_ascii_case("the"))
                    && (two_dots || site.word_after().is_some_and(is_capitalised)));
            if !ok {
                return false;
            }
        }
        return !site.starts_organisation();
    }
    // A weak name (a word or a person's name too) is a place only where the context says so or
    // another occurrence settled it ([`accepted_spans`]). Asked before the rules below, which
    // a weak name would otherwise pass through for nothing.
    if matches!(role, NameRole::Weak(_)) && !weak_settled && !site.place_context() {
        return false;
    }
    // "an e-mail to Brittany Zwicker", "according to Madison Reed": a weak name that is a
    // given name, before a word that may be a surname, is the person's even after a
    // preposition or where another occurrence is the place.
    if matches!(role, NameRole::Weak(_))
        && site.opens_person_name_with_any_surname()
        && !site.placed_by_its_neighbours()
    {
        return false;
    }
    let case_ok = if as_written {
        true
    } else if is_all_caps(surface) && !is_all_caps(spelling) {
        // Capitals for emphasis name a large place by its name ("Paranaque" of "Paranaque
        // City", not an alias) where a capitalised line, an article or a preposition shows a
        // name: "TICKETS NEW JERSEY!!", "A PARANAQUE court", "in DALLAS" (not "said DALLAS
        // was a code word"); a short all-caps word is more often an acronym.
        let by_name = place.name == spelling
            || place
                .name
                .strip_prefix(spelling)
                .is_some_and(|rest| rest.starts_with(' '));
        let large = by_name
            && (matches!(place.kind, PlaceKind::Country)
                || (place.kind == PlaceKind::AdminArea && g.division_level(idx) == 1)
                || place.population.unwrap_or(0) >= ALL_CAPS_MIN_POPULATION);
        let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
        let shown = || {
            let caps =
                |w: &str| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && is_all_caps(w);
            site.at.before.is_some_and(|w| {
                caps(w) || ["a", "an", "the"].iter().any(|a| a.eq_ignore_ascii_case(w))
            }) || site.word_after().is_some_and(caps)
                || site.place_context()
        };
        // At a line's start, not before a lower-case word: "NATO leaders met" opens a
        // sentence with an acronym (Nato, a Philippine village), "KABUL (Reuters)" or a
        // line of capitals names a place.
        !broad
            || (at_line_start(text, start)
                && !site
                    .word_after()
                    .is_some_and(|w| w.starts_with(char::is_lowercase)))
            || dateline_after(text, end)
            || words::dateline_after_headline(text, start, end)
            || (large && letters >= 5 && shown())
    } else {
        case_matches(surface, spelling)
    };
    if !case_ok || site.starts_organisation() || site.embedded() || site.opens_a_journal_name() {
        return false;
    }
    // "the Emirates Stadium", "outside the Yemen Embassy in London": a country's name before a
    // word for a building names the building (for a sponsor, for the nation an embassy
    // serves), not a place in that country where anything happened.
    if place.kind == PlaceKind::Country
        && site
            .word_after()
            .is_some_and(|w| words::BUILDING_WORDS.contains(&w))
    {
        return false;
    }
    // (The spelling's words counted once: several rules below ask.)
    let one_word = if as_written {
        site.one_word()
    } else {
        !words::has_space_or_hyphen(spelling)
    };
    // Inside a run of capitalised words, a one-word name of the broad layer is a place only
    // where the context says so or it opens an organisation of that place. (Asked before the
    // rules of words around the name below: such a name most often ends here.)
    let in_run = broad && one_word && !site.beside_division && site.in_run();
    // A division opening a longer name is meant ("the Ohio Supreme Court") where it is large:
    // a parish or a district of a few thousand people is more likely a name's first word
    // ("the Trinity Episcopal Church", "with Michael Durr", "the Cascade Motel").
    let modifying_area = match place.kind {
        PlaceKind::Country => true,
        PlaceKind::AdminArea => place.population.unwrap_or(0) >= MODIFIER_AREA_MIN_POPULATION,
        _ => false,
    };
    let placed_in_run = !in_run
        || site.place_context()
        || (modifying_area && site.modifies())
        || site.opens_organisation();
    if !placed_in_run {
        return false;
    }
    // "Dublin City Council", "Dublin City Manager" are of the city of Dublin, whichever Dublin:
    // an alternate name "Dublin City" must not settle it (a primary "Kansas City" stays).
    if spelling
        .len()
        .checked_sub(5)
        .and_then(|i| spelling.get(i..))
        .is_some_and(|t| t.eq_ignore_ascii_case(" city"))
        && place.name != spelling
        && site.word_after().is_some_and(is_capitalised)
    {
        return false;
    }
    // "Nov. 3", "Sept 30": a calendar word with a dot or a number after it is a date. (What
    // follows first: it is at hand, and most names have neither.)
    if (text[end..].starts_with('.')
        || site
            .word_after()
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit())))
        && site.not_a_name()
    {
        return false;
    }
    // "told France 24", "Russia 24 reported": the news channel, not the country.
    if place.kind == PlaceKind::Country && words::names_a_news_channel(text, end) {
        return false;
    }
    // "Sens. Tom Udall and Martin Heinrich", "Reps. Smith and Jones": a title in the plural
    // with its dot before a name is no town ("Sens" of France).
    if text.get(end..).is_some_and(|a| a.starts_with(". "))
        && surface.strip_suffix('s').is_some_and(words::is_honorific)
        && word_after(text, end + 1).is_some_and(is_capitalised)
    {
        return false;
    }
    // "Police said", "the Commissioner of Police", "concerns in Congress": a word for a public
    // body is that body, not a town spelled like it (Police, Poland; Congress, Arizona),
    // unless an apposition or "the town of" shows the town; so for a common thing ("fell to
    // Earth", "the Chamber of Commerce").
    if broad
        && place.kind == PlaceKind::City
        && site.names_a_public_body_or_common_thing()
        && !site.placed_by_its_neighbours()
    {
        return false;
    }
    // "Russian-made Pantsir air defence systems", "Tomahawk missiles", "Grad rockets": a weapon
    // of the name, not a town or a small municipality (Krasnoarmeysk, one of whose old names is
    // Pantsir; Tomahawk, Wisconsin; Grad, a municipality of Slovenia), unless an apposition or
    // "the town of" shows the town. A large town before "missile strike" is the place struck
    // ("the Kramatorsk missile strike").
    if broad
        && matches!(place.kind, PlaceKind::City | PlaceKind::AdminArea)
        && place.population.unwrap_or(0) < WEAPON_TOWN_MAX_POPULATION
        && site.names_a_weapon()
        && !site.placed_by_its_neighbours()
    {
        return false;
    }
    // "the Nasr brigade", "the Azov battalion": an armed unit of the name, not a small town
    // spelled like it (An Nasr, Gaza; Azov, Rostov), unless an apposition or "the town of"
    // shows the town. (A curated town keeps its unit: "the Zintan brigades" are of Zintan.)
    if broad
        && place.kind == PlaceKind::City
        && place.population.unwrap_or(0) < UNIT_TOWN_MAX_POPULATION
        && site.word_after().is_some_and(words::is_armed_unit_word)
        && !site.placed_by_its_neighbours()
    {
        return false;
    }
    // "Brent crude", "Brent futures": a grade of oil that trades under the name, not the town or
    // borough spelled like it (Brent, London). A large city or state before "crude" is where
    // the oil comes from ("Texas crude output").
    if broad
        && matches!(place.kind, PlaceKind::City | PlaceKind::AdminArea)
        && place.population.unwrap_or(0) < COMMODITY_TOWN_MAX_POPULATION
        && site
            .word_after()
            .is_some_and(|w| matches!(w, "crude" | "futures"))
        && !site.placed_by_its_neighbours()
    {
        return false;
    }
    // "the Juba river", "the Taquari and Jacui rivers", "the Lagoa dos Patos lagoon": that
    // water, not a town of its name.
    if broad && place.kind == PlaceKind::City && site.names_a_river() {
        return false;
    }
    // "the Lagoa dos Patos lagoon", "Ponta da Barra": a town's one-word name before a lower-case
    // Romance particle and a capitalised word is the first word of a longer name.
    if broad && place.kind == PlaceKind::City && one_word && site.opens_name_with_particle() {
        return false;
    }
    // "Johnson & Johnson", "Marks & Spencer": a small town's name joined by an ampersand to
    // another name is a firm's.
    if broad
        && place.kind == PlaceKind::City
        && place.population.unwrap_or(0) < PERSON_TOWN_MAX_POPULATION
        && site.joined_by_ampersand()
    {
        return false;
    }
    // "Paris Hilton": a curated town followed by a name word is a person's name too.
    if !broad
        && place.kind == PlaceKind::City
        && one_word
        && site.name_word_after()
        && !site.place_context()
    {
        return false;
    }
    // "Prime Minister Pedro Sánchez", "Gov. Santa Anna": a town's name of several words right
    // after a person's title or initial is that person's name (a one-word name is weighed
    // with the article's other uses of it in [`accepted_spans`]).
    if broad
        && place.kind == PlaceKind::City
        && !one_word
        && after_initial_or_title(text, start)
        && !site.strong_place_context()
    {
        return false;
    }
    // "according to Frederick Wu", "in thrall to Ben Elton": a small town named like a common
    // given name, before a word that may be a surname, is the person's given name even after
    // a preposition (a large city keeps its name: "Dallas Cowboys", "Alexandria Zoo").
    if broad
        && place.kind == PlaceKind::City
        && place.population.unwrap_or(0) < GIVEN_NAME_TOWN_POPULATION
        && site.opens_person_name_with_any_surname()
        && !site.placed_by_its_neighbours()
    {
        return false;
    }
    // "spent a lot of money at Christmas", "home for Easter": a holiday's name is the holiday,
    // not a town spelled like it (Christmas, Florida), unless an apposition, "in" or "the town
    // of" shows the town.
    if broad && place.kind == PlaceKind::City && site.holiday() && !site.strong_place_context() {
        return false;
    }
    if broad && place.kind == PlaceKind::City && site.thing_after_the() {
        return false;
    }
    // "flooding on the Pearl River knocked out", "the Bear Creek overflowed": a town named
    // for a river or a creek is, after "the", that water whatever word follows, unless a word
    // for the town's people or officers shows the town ("the Fall River police").
    if broad
        && place.kind == PlaceKind::City
        && site.at.before == Some("the")
        && (spelling.ends_with(" River") || spelling.ends_with(" Creek"))
        && !site.place_context()
    {
        return false;
    }
    // "a fellow ally in the Gulf", "along the Coast": a division named by a bare word for a
    // body of water or a shore, after "the", is that water or shore (the Persian Gulf, the
    // coast the story is about), not the division (Gulf, Papua New Guinea).
    // So is a division named for a sea ("Port Sudan on the Red Sea": the sea, not Sudan's
    // Red Sea state; "the Red Sea governorate" is a longer name).
    if broad
        && place.kind == PlaceKind::AdminArea
        && (words::names_water_or_shore(surface) || surface.ends_with(" Sea"))
        && site.at.before == Some("the")
    {
        return false;
    }
    // "the Rio Negro at Manaus", "the Rio Grande": "Rio" is a river, and a division or a town
    // of a river's two-word name takes no "the" in English (a longer "the Rio de Janeiro
    // state" is the state as a modifier).
    if place.kind != PlaceKind::Region && river_after_the(&site.at, spelling) {
        return false;
    }
    // "Hopkins Park", "Star Lake", "Canaan Valley": a small town's one-word name before a
    // capitalised word for a park or a feature of the land opens the name of that place,
    // which the gazetteer does not know; it is seldom in the town. So for a college, a school
    // or a library ("Cornell University", "Lyle Elementary", "Bates Library"): mostly named
    // for a person, not the town. A place word before ("in Hopkins Park") may make it the
    // town's own quarter, but not a lake or a strait ("villages near Manchar Lake": not the
    // Indian town; "winds in Haro Strait": not the Spanish one).
    if broad
        && place.kind == PlaceKind::City
        && place.population.unwrap_or(0) < FEATURE_NAME_TOWN_POPULATION
        && one_word
        && site.feature_word_after()
        && (!site.strong_place_context() || words::names_water_beside(&site.at))
    {
        return false;
    }
    // "through Flinders Chase National Park", "in Tama Hills Nature Reserve": a small town's
    // name opening a longer name of a park or a reserve is that name's first word, whatever
    // the preposition before (it says where the park is).
    if broad
        && place.kind == PlaceKind::City
        && place.population.unwrap_or(0) < FEATURE_NAME_TOWN_POPULATION
        && one_word
        && site.opens_longer_feature_name()
    {
        return false;
    }
    // "Kaziranga National Park", "the Dunmore Valley Farms": a town named by words for a
    // feature of the land, after a capitalised word, closes the longer name of that feature.
    if broad
        && place.kind == PlaceKind::City
        // (The occurrence's test first: it is worked out once for all the name's targets.)
        && site.closes_capitalised_run()
        && spelling
            .rsplit_once(' ')
            .is_some_and(|(_, last)| words::FEATURE_WORDS.contains(&last))
        && !site.strong_place_context()
    {
        return false;
    }
    // "Bains and Grants Town residents": see [`opens_a_town_name`].
    if broad
        && place.kind == PlaceKind::City
        && place.population.unwrap_or(0) < FEATURE_NAME_TOWN_POPULATION
        && one_word
        && site.opens_a_town_name()
        && !site.strong_place_context()
    {
        return false;
    }
    // "a Kansas Colony man", "the Nevada Orchard area": a country or state opening a two-word
    // name of a feature of the land or a quarter is the first word of that place's name (a
    // longer name the gazetteer knows, "Virginia Beach", wins as the longer span).
    if (place.kind == PlaceKind::Country
        || (place.kind == PlaceKind::AdminArea && g.division_level(idx) == 1))
        && site.opens_feature_name()
    {
        return false;
    }
    // "taken to Boston Bar", "Grand Junction", "Harpers Ferry": a name before a word that makes
    // a settlement's name of its own is the first word of that settlement's name (the
    // gazetteer's longer name, where it has it, wins as the longer span), not the place itself.
    // (A longer capitalised run is a body's name: "the Boston Bar Association".)
    if let Some(w) = site.at.after
        && SETTLEMENT_TAILS.contains(&w)
        && !word_after(text, end + 1 + w.len()).is_some_and(is_capitalised)
    {
        return false;
    }
    // "the Uruguay River", "the Niger Delta", "Lake Turkana": a country or a state named
    // beside a capitalised word for running or still water names that water, which may lie
    // far from the area's middle or outside it (a river, a delta, a lake across borders).
    if (place.kind == PlaceKind::Country
        || (place.kind == PlaceKind::AdminArea && g.division_level(idx) == 1))
        && words::names_water_beside(&site.at)
    {
        return false;
    }
    // "the Cauvery Management Board", "the EU Aviation Strategy", "the Pacific Coast
    // Federation": a region, river or sea opening a body's name is not that place.
    if place.kind == PlaceKind::Region && region_opens_named_body(text, end) {
        return false;
    }
    // "Western governments", "Route 31 South", "the Near East bureau": a compass word alone is
    // a direction or an adjective, not the division of some country named by it ("Western" of
    // Uganda, "South" of Lebanon).
    if broad && site.compass_word() {
        return false;
    }
    // "South West England", "North East Lincolnshire": compass words before a name are part
    // of a region's name, not the district of some country called "South West"; "North
    // Eastern Province": a name opening with a compass word right after another compass word
    // is the tail of a longer name, not Saudi Arabia's Eastern Province.
    if site.inside_compass_name() {
        return false;
    }
    // "Norfolk Southern", "Georgia Southern", "Kansas City Southern": a place's name before a
    // capitalised compass adjective names a railway, a college or a company (English puts the
    // adjective of a part first: "Southern California").
    if site
        .at
        .after
        .is_some_and(|w| matches!(w, "Southern" | "Northern" | "Eastern" | "Western"))
    {
        return false;
    }
    // "at Bali airport", "Cairo airport": a town's name and the plain noun, not an airport of
    // that name elsewhere (Bali Airport of Cameroon): the town's own name stands for it.
    if place.kind == PlaceKind::Airport && !as_written && surface.ends_with(" airport") {
        return false;
    }
    if matches!(role, NameRole::Weak(_)) {
        // "through August", "on Sunday", "across North Texas": a calendar or function word, or
        // a compass word that opens a longer name, is never the place of that name.
        let compass_of_name = site.compass_word() && site.word_after().is_some_and(is_capitalised);
        if site.not_a_name() || compass_of_name {
            return false;
        }
        // A word-like name closing a longer capitalised name is that name's last word, not a
        // town: "Manila Cathedral", "Florida Atlantic University", "Reagan Middle"; so is one
        // opening it: "taken to Legacy Emanuel Medical Center".
        if site.closes_capitalised_run() || words::runs_on_into_a_name(&site.at) {
            return false;
        }
    }
    true
}

/// Capitalised words that close a settlement's own name after another name ("Boston Bar",
/// "Grand Junction", "Harpers Ferry", "Smiths Falls" are not "Falls": a part of a city may be
/// "Portland Heights"), never a part of the first name's town. Not "Crossing": a border
/// crossing is at the town it is named after ("the Rafah Crossing").
const SETTLEMENT_TAILS: &[&str] = &["Bar", "Corners", "Ferry", "Forks", "Junction", "Landing"];

/// "the Lansdale Journal", "the Albion State Journal": a newspaper named after its town (as
/// "Times" or "Herald" after a name, [`words::embedded_in_name`]), not the town.
fn opens_a_journal_name(text: &str, end: usize) -> bool {
    text.get(end..).is_some_and(|rest| {
        let rest = rest.strip_prefix(" State").unwrap_or(rest);
        rest.strip_prefix(" Journal")
            .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric()))
    })
}

/// "Grants Town residents", "the Grants Town constituency": a one-word name before "Town" is
/// the first word of a place's own name ("X Town") that the gazetteer lacks, seldom the town of
/// the first word, unless one of the town's offices follows ("Lowell Town Hall", "Groton Town
/// Council").
fn opens_a_town_name(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..).and_then(|a| a.strip_prefix(" Town")) else {
        return false;
    };
    !rest.starts_with(|c: char| c.is_alphanumeric())
        && !word_after(text, end + " Town".len()).is_some_and(|w| TOWN_OFFICES.contains(&w))
}

/// The offices and bodies of a town that follow "X Town" ([`opens_a_town_name`]).
const TOWN_OFFICES: &[&str] = &[
    "Administrator",
    "Attorney",
    "Board",
    "Clerk",
    "Council",
    "Councillor",
    "Councilman",
    "Councilor",
    "Councilwoman",
    "Court",
    "Hall",
    "Manager",
    "Meeting",
    "Office",
    "Supervisor",
];

/// Below this population a town named like a given name, before a word that may be a surname,
/// is taken for the person ([`words::opens_person_name_with_any_surname`]).
const GIVEN_NAME_TOWN_POPULATION: u64 = 100_000;

/// "the Rio Negro": a two-word name opening with "Rio" after "the" (see `accept`).
fn river_after_the(at: &Occurrence<'_>, spelling: &str) -> bool {
    // (The word before first: it is known, and seldom "the".)
    at.before == Some("the")
        && spelling
            .strip_prefix("Rio ")
            .or_else(|| spelling.strip_prefix("Río "))
            .is_some_and(|rest| !rest.contains(' '))
}

/// Below this population a town's name before a feature word ("Park", "Lake") is taken for
/// the first word of the feature's name.
const FEATURE_NAME_TOWN_POPULATION: u64 = 20_000;

/// The population from which a division opening a longer name is taken for the place.
const MODIFIER_AREA_MIN_POPULATION: u64 = 100_000;

/// The hasher of the matcher's sets of an article's words: foldhash, several times faster than
/// the default `SipHash` on short keys, with a seed per process (an article cannot be written to
/// collide). The sets are only looked up, never iterated: their order is no concern.
type WordState = foldhash::fast::RandomState;

/// Every accepted occurrence, then the leftmost-longest of them, non-overlapping.
///
/// Two article-wide rules ("one sense per discourse") apply to names that are also people's
/// names or words ([`NameRole::Weak`]): a name written as a person's surname anywhere in the
/// article ("Sheila Moore", "Ms. Moore") is a person everywhere it stands without a place
/// context; and a weak name the context shows to be a place once ("in Lancaster") is that place
/// in its other occurrences too ("Lancaster police said").
fn accepted_spans(text: &str, g: &Gazetteer) -> Vec<Span> {
    // A lower-case occurrence ("man", "reading") can only be a name spelled lower-case: most
    // hits of a news text are such words, dropped here before any other test.
    let mut hits: Vec<NameHit<'_>> = g.capitalised_name_hits(text);
    // "Sam Gallagher of Birmingham City", "the Manchester City bus": in a football report a
    // town's alternate name in "City" is the club, and no part of it the town (a primary
    // "Kansas City", "Quebec City" of an article on the town stays), unless the words before
    // place it: "the trip to Birmingham City" is to the club's ground, in the town.
    let venue =
        |at: &Occurrence<'_>| strong_place_context(at) || matches!(at.before, Some("to" | "at"));
    // (The few hits that could be clubs first: most articles have none, and then the text is
    // not searched for football words at all.)
    let clubs: Vec<(usize, usize)> = hits
        .iter()
        .filter(|h| {
            h.targets().any(|(role, spelling)| {
                spelling.ends_with(" City")
                    && role.place().is_some_and(|p| g.get(p).name != spelling)
            }) && !h
                .targets()
                .any(|(role, spelling)| role.place().is_some_and(|p| g.get(p).name == spelling))
                && !venue(&Occurrence::new(text, h.start, h.end))
        })
        .map(|h| (h.start, h.end))
        .collect();
    if !clubs.is_empty() && words::football_article(text) {
        hits.retain(|h| !clubs.iter().any(|&(s, e)| s <= h.start && h.end <= e));
    }
    hits.retain(|h| {
        let capital = text
            .get(h.start..)
            .and_then(|t| t.chars().next())
            .is_some_and(|c| !c.is_lowercase());
        // ("al-Bab" for "Al-Bab": the case of the article is checked by `case_matches`.)
        (capital
            || h.targets().any(|(_, sp)| {
                sp.starts_with(char::is_lowercase)
                    || crate::gazetteer::names::capitalised_arabic_article(sp)
            }))
            && at_word_boundaries(text, h.start, h.end)
    });
    // "al-Jufra airbase": a longer name right after a lower-case article ("Jufra airbase")
    // wins over the shorter one with the article ("Al-Jufra"), as "Jufra airbase" alone would.
    // (Such hits are few: the others are passed over by their first letter.)
    let lower_article_hits: Vec<(usize, usize)> = hits
        .iter()
        .filter(|h| {
            text.get(h.start..)
                .is_some_and(|t| t.starts_with("al-") || t.starts_with("el-"))
        })
        .map(|h| (h.start, h.end))
        .collect();
    if !lower_article_hits.is_empty() {
        // (The article and its hyphen are three bytes.)
        let outgrown = |&(start, end): &(usize, usize)| {
            hits.iter().any(|k| k.start == start + 3 && k.end > end)
        };
        let drop: Vec<(usize, usize)> = lower_article_hits.into_iter().filter(outgrown).collect();
        if !drop.is_empty() {
            hits.retain(|h| !drop.contains(&(h.start, h.end)));
        }
    }
    // The words around each occurrence, read once for the rules below.
    let mut occurrences: Vec<Occurrence<'_>> = hits
        .iter()
        .map(|h| Occurrence::new(text, h.start, h.end))
        .collect();
    // "the cruiser Moskva", "USS Tripoli": a ship of the name, not the place; so is the name
    // after "the" elsewhere in the article where nothing follows it in the clause ("hit the
    // Moskva.", "The Dali, bound for Colombo"), not in "the Tripoli government". (Most
    // articles name no ship, and then nothing is read again.)
    let vessels: Vec<&str> = occurrences
        .iter()
        .filter(|at| at.before.is_some_and(words::names_a_vessel))
        .filter_map(|at| text.get(at.start..at.end))
        .collect();
    if !vessels.is_empty() {
        let ship = |at: &Occurrence<'_>| {
            at.before.is_some_and(words::names_a_vessel)
                || (matches!(at.before, Some("the" | "The"))
                    && text.as_bytes().get(at.end).is_none_or(|&b| b != b' ')
                    && text
                        .get(at.start..at.end)
                        .is_some_and(|s| vessels.contains(&s)))
        };
        let keep: Vec<bool> = occurrences.iter().map(|at| !ship(at)).collect();
        let mut k = keep.iter();
        hits.retain(|_| k.next().copied().unwrap_or(true));
        let mut k = keep.iter();
        occurrences.retain(|_| k.next().copied().unwrap_or(true));
    }
    // "a 2007 Toyota Corolla", "an old 1998 Lincoln Navigator": a make after a model year and
    // before its model's capitalised name is a car, not the town; so is the make after "the"
    // elsewhere in the article where a lower-case word or the clause's end follows ("The
    // Toyota failed to yield", "struck the Toyota."), not in "the Toyota City council". (Most
    // articles name no car, and then nothing is read again.)
    // Only a name of towns alone: "a 2007 U.S. Supreme Court ruling", "a 2004 Texas law" are
    // of the country and the state.
    let makes: Vec<&str> = hits
        .iter()
        .zip(&occurrences)
        .filter(|(h, at)| {
            at.before.is_some_and(words::is_model_year)
                && at.after.is_some_and(is_capitalised)
                && words::after_a_model_year(text, at.start)
                && h.targets().all(|(role, _)| {
                    role.place()
                        .is_some_and(|p| g.get(p).kind == PlaceKind::City)
                })
        })
        .filter_map(|(_, at)| text.get(at.start..at.end))
        .collect();
    if !makes.is_empty() {
        let car = |at: &Occurrence<'_>| {
            text.get(at.start..at.end)
                .is_some_and(|s| makes.contains(&s))
                && ((at.before.is_some_and(words::is_model_year)
                    && words::after_a_model_year(text, at.start))
                    || (matches!(at.before, Some("the" | "The"))
                        && at.after.is_none_or(|w| !is_capitalised(w))))
        };
        let keep: Vec<bool> = occurrences.iter().map(|at| !car(at)).collect();
        let mut k = keep.iter();
        hits.retain(|_| k.next().copied().unwrap_or(true));
        let mut k = keep.iter();
        occurrences.retain(|_| k.next().copied().unwrap_or(true));
    }
    // Surnames of the article, and whether one follows an initial or a title ("Sheila D.
    // Flores", "Ms. Trapani"): then even a province of that name yields to the person. Sets,
    // so that an article listing thousands of names stays linear.
    let mut persons: HashMap<&str, bool, WordState> = HashMap::default();
    // The surnames that follow a title, an initial or a common given name ("Elizabeth
    // Fairfield"): a person of the article for certain.
    let mut named_persons: HashSet<&str, WordState> = HashSet::default();
    // The surnames that follow a common given name ("Andrew Jordan"; not "Miss America"):
    // these outweigh even a country of the name.
    let mut given_surnames: HashSet<&str, WordState> = HashSet::default();
    for h in &hits {
        let surface = text.get(h.start..h.end).unwrap_or("");
        if surface.as_bytes().contains(&b' ') {
            continue;
        }
        let titled = after_initial_or_title(text, h.start);
        // [`after_given_name_word`] and its sentence-opening twin, from one reading of the
        // word before, which [`after_listed_given_name`] would read again: the census list is
        // asked alone. ("Peter Grayson, though, ...": a common given name opening a sentence
        // makes the name a surname too, not certain enough to outweigh a country: "Will
        // Jordan agree?")
        let given_word = words::given_name_word_before(text, h.start);
        if titled || given_word == Some(false) {
            *persons.entry(surface).or_insert(false) |= titled;
            let given = given_word == Some(false) && words::listed_given_name_before(text, h.start);
            if titled || given {
                named_persons.insert(surface);
            }
            if given {
                given_surnames.insert(surface);
            }
        } else if given_word == Some(true) && words::listed_given_name_before(text, h.start) {
            persons.entry(surface).or_insert(false);
        }
    }
    debug_assert!(
        named_persons.iter().all(|s| persons.contains_key(s))
            && given_surnames.iter().all(|s| named_persons.contains(s)),
        "a person named for certain is a person of the article"
    );
    // "Notre Dame coach Ann Smith": a name whose coach or players the article speaks of
    // is a team's there and throughout, not a small town's (a city of the name stays: a
    // city's team is a use of the city).
    let teams: HashSet<&str, WordState> = occurrences
        .iter()
        .filter(|at| words::team_role_after(at))
        .filter_map(|at| text.get(at.start..at.end))
        .collect();
    // Where names end: a name joined by a hyphen to a word that is no name ends a
    // double-barrelled name ("Pat Hugley-Green"), not one joined to another place
    // ("Fargo-Moorhead", "Paris-Henry County").
    // (Gathered at the first hyphen that asks: most articles join no name so.)
    let hit_ends: OnceCell<HashSet<usize, WordState>> = OnceCell::new();
    // The words the article uses alone for a person who speaks ("Putin said"), read at the
    // first name that asks.
    let lone_speakers: OnceCell<Vec<&str>> = OnceCell::new();
    let mut spans: Vec<Span> = Vec::with_capacity(hits.len());
    let mut weak_places: HashSet<&str, WordState> = HashSet::default();
    let mut pending: Vec<usize> = Vec::new();
    let mut unplaced: Vec<(usize, Option<bool>)> = Vec::new();
    let mut accepted: Vec<bool> = Vec::new();
    // A hit's readings, reused from hit to hit: a span keeps a copy ([`Roles`]).
    let mut roles: Vec<(NameRole, bool)> = Vec::new();
    // The river of each name asked ([`river_named`]), looked up once per name: "the" before
    // a town's name is common, and each look-up reads the index for two names.
    let mut rivers: HashMap<&str, Option<PlaceIdx>, WordState> = HashMap::default();
    // The weak names that no rule below can read as a place here (see [`no_reading_here`]),
    // in order: what the rules below say of one matters only where the article settles its
    // name elsewhere or it is listed beside other names, and it is asked after all the others
    // only then ([`weak_name_may_matter`]). Two in five hits of news are such names.
    let mut deferred: Vec<usize> = Vec::new();
    let (mut next, mut next_deferred) = (0, 0);
    loop {
        // Every hit in order, then the deferred ones that may matter.
        let (i, late) = if next < hits.len() {
            next += 1;
            (next - 1, false)
        } else if let Some(&i) = deferred.get(next_deferred) {
            next_deferred += 1;
            (i, true)
        } else {
            break;
        };
        let (Some(hit), Some(at)) = (hits.get(i), occurrences.get(i)) else {
            break;
        };
        let mut site = Site::new(*at);
        if late {
            if !weak_name_may_matter(text, hit, &weak_places) {
                continue;
            }
        } else if no_reading_here(hit, &site) {
            deferred.push(i);
            continue;
        }
        // "Scott Pruitt", "Chad Walker": a given name and a surname name a person.
        if opens_person_name(at) {
            continue;
        }
        // "talks with Vladimir Putin ... Putin said": a name before a surname the article uses
        // alone for a person is that person's given name, whatever the words before it say (a
        // city of the name too). (The article's lone speakers are read at the first one-word
        // name before a capitalised word.)
        if at.after.is_some_and(is_capitalised)
            && text.get(at.start..at.end).is_some_and(|s| !s.contains(' '))
            && words::given_name_of_a_lone_speaker(at, || {
                lone_speakers.get_or_init(|| words::persons_speaking_alone(text))
            })
        {
            continue;
        }
        // "her son Chad", "daughters North and Chicago", "Mason's father": a relative is a
        // person.
        if words::named_as_a_relative(text, hit.start, hit.end) {
            continue;
        }
        // "United Russia", "a United Ireland": a place after "United" that does not make a
        // longer name with it ("United Kingdom" and "United Arab Emirates" are found whole)
        // names a party, a club or a cause.
        if at.before == Some("United") {
            continue;
        }
        // "the pro-government daily Sabah reported", "the news website Fontanka said": a
        // publication named like a place, not the place.
        if at
            .before
            .is_some_and(|w| words::names_a_publication(w, text, hit.end))
        {
            continue;
        }
        // "Rep. Walter Bingham, D-Ore.": a legislator's surname before the party label.
        if party_label_after(text, hit.end) {
            continue;
        }
        // "Rockets hit Ain al-Ghazala": a name followed by the Arabic article and a capitalised
        // word opens a longer name the gazetteer lacks (not Ain, the French department).
        if before_an_arabic_article(text, hit.end) {
            continue;
        }
        // "The Serra dos Órgãos range", "Porto de Galinhas", "San Juan de Dios hospital": a
        // name joined by a Romance "of" to a capitalised word that starts no name of the
        // gazetteer opens a longer name it lacks ("Santiago de Chile" stays Santiago).
        if let Some(next) = before_a_romance_of(text, hit.end) {
            let from = hits.partition_point(|h| h.start < next);
            if hits.get(from).is_none_or(|h| h.start != next) {
                continue;
            }
        }
        let surface = text.get(hit.start..hit.end).unwrap_or("");
        // (`site`: the occurrence's tests, each worked out once for the rules below and
        // `accept`.)
        // "Wynne said", "founded by Wynne, who": the occurrence speaks (see `speaker`).
        let voiced = speaks(at) || who_follows(text, hit.end);
        // A place context that outweighs a person of the name: asked only of a name the article
        // gives a person (`named_persons` and `given_surnames` are among `persons`), a team or a
        // voice, as the rules below ask it of no other (most names are none of these; `accept`
        // asks the site itself where a rule of its own needs it).
        let mut strong = (persons.contains_key(surface) || teams.contains(surface) || voiced)
            && site.strong_place_context();
        // "Arvin, Dunaway and Ross voted": a surname the article gives a person for
        // certain, before a comma, is placed by what follows only where that is a name of the
        // gazetteer ("Jackson, Miss.").
        if strong && named_persons.contains(surface) && words::placed_only_by_an_apposition(at) {
            let at = hit.end + 2;
            let from = hits.partition_point(|h| h.start < at);
            strong = hits.get(from).is_some_and(|h| h.start == at);
        }
        let person = persons.get(surface).copied().filter(|_| !strong);
        let beside_division = town_beside_its_division(text, &hits, i, g);
        // "Wynne said", "founded by Wynne, who": a small town does not speak, a person of its
        // name does ("who was from Dewsbury said" is the town: a preposition places it). No
        // person's name has "of" inside ("officials visiting Port of Spain said": the town,
        // not Spain).
        // ("residents of Jabalia and Beit Lahia said": a name of several words that is no
        // given name and a surname does not speak.)
        let speaker = !strong
            && voiced
            && !site.place_context()
            && !surface.contains(" of ")
            && words::could_be_a_full_name(surface);
        site.beside_division = beside_division;
        // A name the article gives a person for certain ("Andrew Jordan", "reporter Bill
        // Holland") is that person even where a country bears it, unless a place context says
        // otherwise ("flew to Jordan").
        let certain_person = !strong && given_surnames.contains(surface);
        // "Rep. Walter Bingham ... Bingham said": a person the article names for certain who
        // speaks is that person, whatever town bears the name (a country may speak for its
        // government: "Jordan said").
        let certain_speaker = speaker && named_persons.contains(surface);
        let a_person = |role: NameRole| {
            let weak = matches!(role, NameRole::Weak(_));
            person.is_some_and(|titled| named_like_a_person(g, role.idx(), weak, titled))
                || (speaker && named_like_a_person(g, role.idx(), weak, false))
                || (certain_speaker
                    && role
                        .place()
                        .is_some_and(|p| g.get(p).kind != PlaceKind::Country))
                || (certain_person
                    && role
                        .place()
                        .is_some_and(|p| g.get(p).kind == PlaceKind::Country)
                    && !site.place_context())
                // "Laura French said", "Mr. English": a demonym the article gives a person as a
                // surname for certain is that person's name after the given name or title and
                // where it speaks ("French said"), not as an adjective ("the French economy").
                || (matches!(role, NameRole::Demonym(_))
                    && named_persons.contains(surface)
                    && (after_listed_given_name(text, hit.start)
                        || after_initial_or_title(text, hit.start)
                        || speaker))
        };
        let joined = joined_to_a_word(text, hit.start)
            .or_else(|| after_an_article_inside_a_name(text, hit.start))
            .is_some_and(|hyphen| {
                !hit_ends
                    .get_or_init(|| hits.iter().map(|h| h.end).collect())
                    .contains(&hyphen)
            });
        let second_part = |role: NameRole| {
            joined
                && role.place().is_some_and(|p| {
                    let p = g.get(p);
                    p.source == PlaceSource::Broad && p.kind != PlaceKind::Country
                })
        };
        // "Al-Khadim air base", "el-Feel": a name after the Arabic article is of the Arab
        // world, not a town elsewhere that bears its last word (Khadim, another name of Hadim
        // in Turkey).
        let arabic = after_an_arabic_article(text, hit.start);
        let second_part = |role: NameRole| {
            second_part(role)
                || (arabic
                    && role.place().is_some_and(|p| {
                        let p = g.get(p);
                        p.source == PlaceSource::Broad
                            && !p.country.is_some_and(|c| ARABIC_SPEAKING.contains(&c))
                    }))
        };
        // Each target asked once; `accepted` is reused from hit to hit.
        accepted.clear();
        accepted.extend(hit.targets().map(|(role, spelling)| {
            !a_person(role) && !second_part(role) && accept(&site, role, spelling, g, false)
        }));
        // A name read as a place ("Richmond" the city of Virginia) brings its weak readings
        // along (the small Richmonds that are also surnames): which place is for the context.
        // Only a weak reading's answer depends on that.
        if hit
            .targets()
            .zip(accepted.iter())
            .any(|((r, _), &ok)| ok && matches!(r, NameRole::Place(_)))
        {
            for ((role, spelling), ok) in hit.targets().zip(accepted.iter_mut()) {
                if matches!(role, NameRole::Weak(_)) {
                    *ok = !a_person(role)
                        && !second_part(role)
                        && accept(&site, role, spelling, g, true);
                }
            }
        }
        roles.clear();
        roles.extend(
            hit.targets()
                .zip(accepted.iter())
                .filter(|&(_, &ok)| ok)
                .map(|((role, spelling), _)| {
                    let primary = role
                        .place()
                        .is_some_and(|p| words::is_name_as_printed(g.get(p).name, spelling));
                    (role, primary)
                }),
        );
        // "the Niger and Benue rivers", "the Congo river": the river the gazetteer has by that
        // name ("Niger River"), not the country or division named after it. (Towns are left
        // out by `accept` already; a name with no river of its own keeps its readings.)
        // So is a city's name after "the" where a river bears it: "east of the Dnipro" (the
        // river), not the city of Dnipro.
        if (site.names_a_river()
            || (site.at.before == Some("the")
                && hit
                    .targets()
                    .all(|(r, _)| r.place().is_some_and(|p| g.get(p).kind == PlaceKind::City))))
            && let Some(river) = *rivers
                .entry(surface)
                .or_insert_with(|| river_named(g, surface))
        {
            roles.clear();
            roles.push((NameRole::Place(river), true));
        }
        // "Canadian pension obligations", "in Indian waters": the demonym of a country or
        // region is that adjective, not a small town spelled like it (Canadian, Texas), unless
        // a place context shows the town ("in Canadian on Monday", "Canadian, Texas").
        if roles.iter().any(|&(r, _)| {
            matches!(r, NameRole::Demonym(p)
                if matches!(g.get(p).kind, PlaceKind::Country | PlaceKind::Region))
        }) && (!site.place_context() || adjective_before_noun(text, hit.end))
        {
            roles.retain(|&(r, _)| {
                r.place().is_none_or(|p| {
                    let p = g.get(p);
                    p.kind != PlaceKind::City
                        || p.population.unwrap_or(0) >= DEMONYM_TOWN_POPULATION
                })
            });
        }
        // "an Arab woman", "Cherokee artists", "Roma families": the name of a people that is
        // no country's demonym is that people's adjective too, not a small town spelled like it
        // (Arab, Alabama; Cherokee, Iowa), unless a place context shows the town ("in Arab on
        // Monday", "Cherokee, Iowa").
        if words::is_ethnonym(surface)
            && (!site.place_context() || adjective_before_noun(text, hit.end))
        {
            roles.retain(|&(r, _)| {
                r.place().is_none_or(|p| {
                    let p = g.get(p);
                    p.kind != PlaceKind::City
                        || p.population.unwrap_or(0) >= DEMONYM_TOWN_POPULATION
                })
            });
        }
        // "Mississippi State started the game", "Ohio State's coach": a US state's name before
        // a bare "State" names its university or team (not "the Ohio State University", where
        // the state is a modifier, nor "New York State", where a city bears the name).
        if names_a_state_school(text, hit.end) && !site.place_context() {
            let city_of_the_name = hit.targets().any(|(r, _)| {
                r.place().is_some_and(|p| {
                    g.get(p).kind == PlaceKind::City
                        && g.get(p).population.unwrap_or(0) >= STATE_SCHOOL_CITY_POPULATION
                })
            });
            if !city_of_the_name {
                roles.retain(|&(r, _)| {
                    r.place()
                        .is_none_or(|p| g.get(p).country != Some("US") || g.division_level(p) != 1)
                });
            }
        }
        // "the Obama administration", "Obama-era rules": a leader's name, whatever town
        // bears it; a team's name, where no place context says otherwise.
        let team = !teams.is_empty() && teams.contains(surface) && !strong;
        if team || words::names_a_leaders_term(at) {
            roles.retain(|&(r, _)| {
                r.place().is_none_or(|p| {
                    let p = g.get(p);
                    p.kind != PlaceKind::City
                        || (team && p.population.unwrap_or(0) >= PERSON_TOWN_MAX_POPULATION)
                })
            });
            // (Nor is the occurrence a place by another occurrence's context.)
            if roles.is_empty() {
                continue;
            }
        }
        // "the Kremlin said", "White House aides": a building standing for the people in it
        // is no place, whatever else bears its name (White House, Tennessee). Asked only of the
        // few occurrences read as a building.
        if roles.iter().any(|(r, _)| {
            r.place()
                .is_some_and(|p| g.get(p).kind == PlaceKind::Facility)
        }) && stands_for_its_occupants(text, hit.start, hit.end)
        {
            continue;
        }
        if roles.iter().any(|(r, _)| matches!(r, NameRole::Weak(_))) {
            weak_places.insert(surface);
        } else if roles.is_empty() && !speaks(at) {
            if person.is_none() {
                pending.push(i);
            }
            unplaced.push((i, person));
        }
        if !roles.is_empty() {
            let mut span = span_at(&site, hit, Roles::from_slice(&roles));
            span.cues.modifier &= !beside_division;
            // Readings left out as a person's name ("Historic Dublin" of Ohio taken for a
            // person while the Irish capital stays) leave a choice that says nothing of the
            // article's ground either.
            let person_dropped = (person.is_some() || speaker)
                && hit
                    .targets()
                    .any(|(r, _)| r.place().is_some() && a_person(r));
            let for_a_person = person_dropped
                && named_persons.contains(surface)
                && span.roles.iter().all(|&(r, _)| {
                    r.place()
                        .is_some_and(|p| g.get(p).kind.class() != KindClass::Area)
                });
            span.cues.reading = if for_a_person {
                Reading::PartForAPerson
            } else if person_dropped || only_areas_of_a_town_name(&site, hit, &span.roles, g) {
                Reading::Part
            } else {
                Reading::Whole
            };
            spans.push(span);
        }
    }
    // (The deferred names asked late go to their places among the others, as if asked in
    // turn: the rules below read the lists in the text's order.)
    if next_deferred > 0 {
        unplaced.sort_unstable_by_key(|&(i, _)| i);
        pending.sort_unstable();
    }
    // One sense per discourse for names inside runs of capitalised words: a name the article
    // uses as a place elsewhere ("in Nashville") names that place where it opens or closes an
    // organisation's name ("the Nashville Film Festival", "Education Minnesota") too.
    let placed: HashSet<&str, WordState> = spans
        .iter()
        .filter(|s| {
            s.roles.iter().any(|&(r, _)| match r {
                NameRole::Place(p) => {
                    let p = g.get(p);
                    p.kind == PlaceKind::Country
                        || p.population.unwrap_or(0) >= RUN_SETTLED_MIN_POPULATION
                }
                _ => false,
            })
        })
        .filter_map(|s| text.get(s.start..s.end))
        .filter(|s| !is_abbreviation(s))
        .collect();
    let unplaced_weak: Vec<usize> = unplaced
        .iter()
        .filter(|&&(_, person)| person.is_none())
        .map(|&(i, _)| i)
        .collect();
    for (i, person) in unplaced {
        let (hit, at) = (&hits[i], &occurrences[i]);
        let surface = text.get(hit.start..hit.end).unwrap_or("");
        if !placed.contains(surface)
            || weak_places.contains(surface)
            || !opens_capitalised_run(at)
            || !at_word_boundaries_of_a_name(text, hit.start, hit.end)
        {
            continue;
        }
        let roles: Vec<(NameRole, bool)> = hit
            .targets()
            .filter(|&(role, spelling)| {
                // "Libya National Air Force" is no mention of Libya ("Minnesota National
                // Guard" is of Minnesota).
                // ("France 24", the channel, is no mention of France either.)
                let national_body = |p| {
                    g.get(p).kind == PlaceKind::Country
                        && (starts_organisation_name(text, hit.end)
                            || words::names_a_news_channel(text, hit.end))
                };
                let a_person =
                    |p| person.is_some_and(|titled| named_like_a_person(g, p, false, titled));
                // "Uruguay ... the Uruguay River", "Rio Negro province ... the Rio Negro": the
                // area's name beside a word for water is the water's (see `accept`).
                let water = |p| {
                    (g.get(p).kind == PlaceKind::Country
                        || (g.get(p).kind == PlaceKind::AdminArea && g.division_level(p) == 1))
                        && words::names_water_beside(at)
                        || g.get(p).kind != PlaceKind::Region && river_after_the(at, surface)
                };
                matches!(role, NameRole::Place(p) if !national_body(p) && !a_person(p) && !water(p))
                    && spelling == surface
                    && !embedded_in_name(at)
            })
            .map(|(role, spelling)| {
                let primary = role
                    .place()
                    .is_some_and(|p| words::is_name_as_printed(g.get(p).name, spelling));
                (role, primary)
            })
            .collect();
        if !roles.is_empty() {
            let mut span = span_of(text, hit, roles);
            span.cues.modifier = true;
            spans.push(span);
        }
    }
    for i in pending {
        let hit = &hits[i];
        if !weak_places.contains(text.get(hit.start..hit.end).unwrap_or("")) {
            continue;
        }
        let site = Site::new(occurrences[i]);
        let roles: Vec<(NameRole, bool)> = hit
            .targets()
            .filter(|&(role, spelling)| {
                matches!(role, NameRole::Weak(_)) && accept(&site, role, spelling, g, true)
            })
            .map(|(role, spelling)| {
                let primary = role
                    .place()
                    .is_some_and(|p| words::is_name_as_printed(g.get(p).name, spelling));
                (role, primary)
            })
            .collect();
        if !roles.is_empty() {
            spans.push(span_at(&site, hit, roles));
        }
    }
    listed_divisions(text, g, &mut spans);
    divisions_listed_together(text, &hits, &unplaced_weak, g, &mut spans);
    towns_listed_with_places(text, &hits, &unplaced_weak, g, &mut spans);
    defined_abbreviations(text, g, &mut spans);
    county_abbreviations(text, g, &mut spans);
    county_councils(text, g, &mut spans);
    demonyms_of_divisions(text, g, &mut spans);
    state_abbreviations_without_stop(text, g, &mut spans);
    spans.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut chosen: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match chosen.last_mut() {
            Some(last) if span.start < last.end => {
                if same_name_after_the(text, last, &span) {
                    add_area_readings(last, &span, g);
                }
            }
            _ => chosen.push(span),
        }
    }
    saints_without_their_title(text, g, &mut chosen);
    chosen
}

/// A hit of weak names only ([`NameRole::Weak`]) that no rule of [`accepted_spans`]'s first
/// round can read as a place: [`accept`] takes a weak name there only as an abbreviation or in
/// a place context, and the one rule that adds a reading of its own, a river's, asks for a
/// river word after the name or "the" before it. Such a hit makes no span of that round: the
/// round's rules only decide whether it is left among the unplaced names.
fn no_reading_here(hit: &NameHit<'_>, site: &Site<'_>) -> bool {
    site.at.before != Some("the")
        && hit
            .targets()
            .all(|(r, spelling)| matches!(r, NameRole::Weak(_)) && !is_abbreviation(spelling))
        && !site.names_a_river()
        && !site.place_context()
}

/// Whether what [`accepted_spans`]'s first round says of a hit of [`no_reading_here`] can matter:
/// the unplaced weak names are read again where another occurrence settled the name (in
/// `weak_places`), or by their neighbours in a list ([`divisions_listed_together`],
/// [`towns_listed_with_places`]: a name joined by a comma, "and" or "or" to the name before or
/// after it). Any other is read no further.
fn weak_name_may_matter(
    text: &str,
    hit: &NameHit<'_>,
    weak_places: &HashSet<&str, WordState>,
) -> bool {
    const JOINS: [&str; 3] = [", ", " and ", " or "];
    text.get(hit.start..hit.end)
        .is_some_and(|s| weak_places.contains(s))
        || text
            .get(hit.end..)
            .is_some_and(|a| JOINS.iter().any(|j| a.starts_with(j)))
        || text
            .get(..hit.start)
            .is_some_and(|b| JOINS.iter().any(|j| b.ends_with(j)))
}

/// The first words of a saint's town ("St. Petersburg", "Saint Paul").
const SAINT_TITLES: &[&str] = &["St. ", "St ", "Saint "];

/// At most this many saints' towns of an article are read against its other names.
const MAX_SAINT_TOWNS: usize = 8;

/// "flights to Petersburg" in a story that names St. Petersburg: a one-word name the article
/// also gives a saint's town is that town without its title, where the name's own towns are
/// all smaller (Petersburg, Virginia, beside the Russian city), so that neither its readings
/// nor the country they would name outweigh the story's. Not where a reading of the name is
/// among the saint's town's (the same place either way).
fn saints_without_their_title(text: &str, g: &Gazetteer, spans: &mut [Span]) {
    // (The saints' towns first: most articles name none, and then nothing else is read.)
    let saints: Vec<(&str, usize)> = spans
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let name = text.get(s.start..s.end)?;
            let rest = SAINT_TITLES.iter().find_map(|t| name.strip_prefix(t))?;
            (!rest.is_empty() && !rest.contains(' ')).then_some((rest, i))
        })
        .take(MAX_SAINT_TOWNS)
        .collect();
    if saints.is_empty() {
        return;
    }
    let largest_town = |roles: &[(NameRole, bool)]| {
        roles
            .iter()
            .filter_map(|&(r, _)| r.place())
            .filter(|&p| g.get(p).kind == PlaceKind::City)
            .map(|p| g.get(p).population.unwrap_or(0))
            .max()
    };
    for i in 0..spans.len() {
        let Some(name) = text.get(spans[i].start..spans[i].end) else {
            continue;
        };
        let Some(&(_, saint)) = saints.iter().find(|&&(rest, _)| rest == name) else {
            continue;
        };
        let own = &spans[i].roles;
        let Some(saint_size) = largest_town(&spans[saint].roles) else {
            continue;
        };
        let smaller_towns = own.iter().all(|&(r, _)| {
            r.place().is_some_and(|p| {
                let p = g.get(p);
                p.kind == PlaceKind::City && p.population.unwrap_or(0) < saint_size
            })
        });
        let shared = own
            .iter()
            .any(|&(r, _)| spans[saint].roles.iter().any(|&(q, _)| q == r));
        if !own.is_empty() && smaller_towns && !shared {
            spans[i].roles = Roles::from_slice(&spans[saint].roles);
        }
    }
}

/// `inner` is the name of `outer` without its article: "Midlands" inside "the Midlands".
fn same_name_after_the(text: &str, outer: &Span, inner: &Span) -> bool {
    inner.end == outer.end
        && inner.start == outer.start + 4
        && text
            .get(outer.start..inner.start)
            .is_some_and(|t| t.eq_ignore_ascii_case("the "))
}

/// "the Midlands" of a story of Zimbabwe: the areas the name bears without its article (the
/// province of Zimbabwe) are readings of the name with it too (the hand-placed English region
/// is spelled with "the"), so that the article's focus chooses. Not towns ("The Hague" is no
/// village of New York).
fn add_area_readings(outer: &mut Span, inner: &Span, g: &Gazetteer) {
    let extra: Vec<(NameRole, bool)> = inner
        .roles
        .iter()
        .copied()
        .filter(|&(role, _)| {
            role.place()
                .is_some_and(|p| g.get(p).kind.class() == KindClass::Area)
                && !outer.roles.iter().any(|&(r, _)| r == role)
        })
        .collect();
    if extra.is_empty() {
        return;
    }
    let mut roles = outer.roles.to_vec();
    roles.extend(extra);
    outer.roles = roles.into();
}

/// `hits[i]` and a hit right after it, one space between, are a town and the first-level
/// division it lies in ("Ikeja Lagos State", "Peshawar Khyber Pakhtunkhwa"), or `hits[i]` is
/// that division after such a town: news of some countries writes them so, without a comma.
/// `hits` is in order of start.
fn town_beside_its_division(text: &str, hits: &[NameHit<'_>], i: usize, g: &Gazetteer) -> bool {
    let Some(hit) = hits.get(i) else {
        return false;
    };
    // (The division's keys read where they are, not gathered in a list: most pairs are no
    // town and division, and the list cost an allocation per pair of neighbouring names.)
    let town_in = |town: &NameHit<'_>, division: &NameHit<'_>| {
        let keys = || {
            division
                .targets()
                .filter_map(|(r, _)| r.place())
                .filter(|&p| g.division_level(p) == 1)
                .filter_map(|p| g.admin1(p))
        };
        keys().next().is_some()
            && town.targets().filter_map(|(r, _)| r.place()).any(|p| {
                g.get(p).kind.class() != KindClass::Area
                    && g.admin1(p).is_some_and(|k| keys().any(|d| d == k))
            })
    };
    // (The hits after `hit` that start where the next word does: a few steps on from `i`, as
    // only the hits inside `hit` start between.)
    let starting_at = |at: usize| {
        hits[i + 1..]
            .iter()
            .skip_while(move |h| h.start < at)
            .take_while(move |h| h.start == at)
    };
    let after = text.as_bytes().get(hit.end) == Some(&b' ')
        && starting_at(hit.end + 1).any(|next| town_in(hit, next));
    after
        || hit
            .start
            .checked_sub(1)
            .filter(|&gap| text.as_bytes().get(gap) == Some(&b' '))
            .is_some_and(|gap| {
                // (Names are short: the hits that may end at the gap start just before it.)
                hits[..i.min(hits.len())]
                    .iter()
                    .rev()
                    .take_while(|h| h.start + MAX_NAME_BYTES >= gap)
                    .any(|before| before.end == gap && town_in(before, hit))
            })
}

/// The longest town name [`town_beside_its_division`] looks back for, in bytes.
const MAX_NAME_BYTES: usize = 64;

/// The name at `start` follows a hyphen that joins it to a capitalised word in lower case after
/// its first letter ("Hugley-Green", "Cel-River Road"; not a party label: "D-Chisholm",
/// "DFL-Minneapolis"): the hyphen's offset.
fn joined_to_a_word(text: &str, start: usize) -> Option<usize> {
    let hyphen = start.checked_sub(1)?;
    let before = text.get(..hyphen)?;
    if text.get(hyphen..start) != Some("-") {
        return None;
    }
    let word_start = before.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let word = &before[word_start..];
    let lower_after_first =
        word.chars().count() >= 2 && word.chars().skip(1).all(char::is_lowercase);
    (is_capitalised(word) && lower_after_first).then_some(hyphen)
}

/// The words after a place's name that make it a disease's ([`accept`]).
const DISEASE_WORDS: &[&str] = &["disease", "fever", "flu", "virus", "viruses"];

/// The Arabic article, joined by a hyphen to the word after it ("al-Juma", "el-Balah").
const JOINED_ARTICLES: &[&str] = &[
    "ad", "al", "an", "ar", "as", "ash", "at", "az", "ed", "el", "en", "er", "es", "et", "ul", "ur",
];

/// "Souq al-Juma", "Bab al-Aziziya": the name at `start` follows a lower-case article joined to
/// it by a hyphen, after a capitalised word (no possessive): it is the end of a longer name, not
/// a place of its own (Juma is another name of Yuma, Arizona). Returns where the capitalised
/// word ends, which no other name may end at for this to hold ("Sirte al-...").
fn after_an_article_inside_a_name(text: &str, start: usize) -> Option<usize> {
    let before = text.get(..start)?.strip_suffix('-')?;
    let article = JOINED_ARTICLES.iter().find(|a| {
        before.ends_with(**a)
            && !before[..before.len() - a.len()].ends_with(|c: char| c.is_alphanumeric())
    })?;
    let head = before
        .get(..before.len() - article.len())?
        .strip_suffix(' ')?;
    let word = head.rsplit(|c: char| !c.is_alphanumeric()).next()?;
    let possessive = head.ends_with("'s") || head.ends_with("’s");
    (is_capitalised(word) && !possessive).then_some(head.len())
}

/// The name at `start` follows the Arabic article joined to it by a hyphen, as a word of its
/// own: "Al-Khadim", "el-Feel", "in al-Aziziya".
fn after_an_arabic_article(text: &str, start: usize) -> bool {
    let Some(before) = text.get(..start).and_then(|b| b.strip_suffix('-')) else {
        return false;
    };
    ["al", "Al", "el", "El"].iter().any(|a| {
        before.strip_suffix(a).is_some_and(|head| {
            !head.ends_with(|c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '’')
        })
    })
}

/// Where the capitalised word starts that follows a Romance "of" ([`words::ROMANCE_OF`]) after
/// the name ending at `end`: "Porto| de Galinhas", "Santiago| de la Sierra" (an article after
/// "de" may come between).
fn before_a_romance_of(text: &str, end: usize) -> Option<usize> {
    let rest = text.get(end..)?.strip_prefix(' ')?;
    // (Most names are followed by no word opening with "d": ruled out by a byte.)
    if !rest.starts_with('d') {
        return None;
    }
    let (word, after) = rest.split_once(' ')?;
    if !words::ROMANCE_OF.contains(&word) {
        return None;
    }
    let after = ["la ", "las ", "los ", "le ", "les "]
        .iter()
        .find_map(|a| after.strip_prefix(a))
        .unwrap_or(after);
    after
        .starts_with(|c: char| c.is_uppercase())
        .then(|| text.len() - after.len())
}

/// `name` has the Arabic article as a word of its own inside it ("Ras al-Ain", "Deir el Balah").
fn has_arabic_article_word(name: &str) -> bool {
    name.split([' ', '-'])
        .skip(1)
        .any(|w| matches!(w, "al" | "el" | "Al" | "El"))
}

/// The Arabic article, hyphened to a capitalised word, follows `end` after a space ("Ain
/// al-Ghazala", "Bir el-Abd").
fn before_an_arabic_article(text: &str, end: usize) -> bool {
    let bytes = text.as_bytes();
    bytes.get(end) == Some(&b' ')
        && matches!(bytes.get(end + 1), Some(b'a' | b'e' | b'A' | b'E'))
        && bytes.get(end + 2) == Some(&b'l')
        && bytes.get(end + 3) == Some(&b'-')
        && bytes.get(end + 4).is_some_and(u8::is_ascii_uppercase)
}

/// The countries where Arabic is an official language (the Arab League's members, Chad) and
/// Israel, whose Arab towns' names carry the article too.
const ARABIC_SPEAKING: &[&str] = &[
    "AE", "BH", "DJ", "DZ", "EG", "EH", "IL", "IQ", "JO", "KM", "KW", "LB", "LY", "MA", "MR", "OM",
    "PS", "QA", "SA", "SD", "SO", "SY", "TD", "TN", "YE",
];

/// A city this large bearing a state's name makes "X State" the state ("New York State").
const STATE_SCHOOL_CITY_POPULATION: u64 = 100_000;

/// The river the gazetteer names "X River" or "River X" for the name `x` ("Niger River" for
/// "the Niger and Benue rivers"). Asked only where the text calls the name a river.
fn river_named(g: &Gazetteer, x: &str) -> Option<PlaceIdx> {
    [format!("{x} River"), format!("River {x}")]
        .iter()
        .find_map(|name| {
            readings_of_whole(g, name).find_map(|(role, _)| {
                role.place().filter(|&p| {
                    matches!(role, NameRole::Place(_)) && g.get(p).kind == PlaceKind::Region
                })
            })
        })
}

/// The readings (role, spelling) of `name` read whole as a name of the gazetteer: the
/// targets of the name hits that span all of it ("Ky." the state; none for "Ky").
fn readings_of_whole<'g>(
    g: &'g Gazetteer,
    name: &str,
) -> impl Iterator<Item = (NameRole, &'g str)> + use<'g> {
    let len = name.len();
    g.name_hits(name)
        .into_iter()
        .filter(move |h| h.start == 0 && h.end == len)
        .flat_map(|h| h.targets())
}

/// "State" follows the name at `end` and no capitalised word follows it: "Ohio State won",
/// "Ohio State's coach" (not "Ohio State University", "Ohio state").
fn names_a_state_school(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix(" State")) else {
        return false;
    };
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return false;
    }
    !word_after(text, end + " State".len()).is_some_and(is_capitalised)
}

/// The readings the words around a one-word name left (inside a run of capitalised words, or
/// joined to one) are divisions, countries or curated towns only, while towns of the broad
/// layer bear the name too (see [`Reading::Part`]): "the Paris-Henry County Heritage Center"
/// keeps only the French capital, which says nothing of a story set in Paris, Tennessee.
fn only_areas_of_a_town_name(
    site: &Site<'_>,
    hit: &NameHit<'_>,
    roles: &[(NameRole, bool)],
    g: &Gazetteer,
) -> bool {
    let is_area = |p: PlaceIdx| g.get(p).kind.class() == KindClass::Area;
    let one_word = site
        .at
        .text
        .get(site.at.start..site.at.end)
        .is_some_and(|w| !w.contains([' ', '-']));
    one_word
        && roles.iter().all(|&(r, _)| {
            r.place()
                .is_none_or(|p| is_area(p) || g.get(p).source != PlaceSource::Broad)
        })
        && hit.targets().any(|(r, _)| {
            r.place()
                .is_some_and(|p| !is_area(p) && g.get(p).source == PlaceSource::Broad)
        })
        && !site.place_context()
}

/// The countries whose places' names may follow the Arabic article ("Al Anbar", "Al Ain"): the
/// Arab League's, Iran, Israel, Turkey and Chad (ISO codes, sorted).
const ARABIC_NAMED_COUNTRIES: &[&str] = &[
    "AE", "BH", "DJ", "DZ", "EG", "EH", "IL", "IQ", "IR", "JO", "KM", "KW", "LB", "LY", "MA", "MR",
    "OM", "PS", "QA", "SA", "SD", "SO", "SY", "TD", "TN", "TR", "YE",
];

/// Words right after a name that speak of a state or province, not of a town: "'s government",
/// "'s premier", ", where the province's" ([`resolve`]'s narrowing of "Quebec").
fn words_of_the_division_after(text: &str, end: usize) -> bool {
    const OWNED: &[&str] = &[
        "capital",
        "government",
        "governor",
        "legislature",
        "premier",
        "provincial",
    ];
    // (The first word stops at the apostrophe: "province's" is read "province".)
    const WHERE: &[&str] = &["province", "provincial"];
    let Some(rest) = text.get(end..) else {
        return false;
    };
    if let Some(owned) = rest
        .strip_prefix("'s ")
        .or_else(|| rest.strip_prefix("\u{2019}s "))
    {
        return OWNED.contains(&words::first_word(owned));
    }
    rest.strip_prefix(", where the ")
        .is_some_and(|w| WHERE.contains(&words::first_word(w)))
}

/// The countries whose first-level divisions are called states (ISO codes): a name before a
/// capitalised "State" is a division of one of them ("Ohio State", "Kaduna State"), not of
/// another country ("Kent State": the university of Kent, Ohio, not England's county).
const STATE_COUNTRIES: &[&str] = &[
    "AT", "AU", "BR", "DE", "FM", "IN", "MM", "MX", "MY", "NG", "PW", "SD", "SO", "SS", "US", "VE",
];

/// Divisions from this population keep their name after "the" ([`curated_river_after_the`]).
const RIVER_NAMESAKE_MAX_POPULATION: u64 = 1_000_000;

/// The river of the curated gazetteer named like `span` with "River", where "the" stands
/// before the name: "on the Zambezi" (not Namibia's Zambezi region), "the Blue Nile bridge" (not
/// Sudan's state). Not after "in" or "through" ("in the Yukon": the territory), before a word for a division
/// or its government, or where the name is also a country's ("the Congo") or a large
/// division's ("the Mississippi governor").
fn curated_river_after_the(
    text: &str,
    span: &Span,
    c: &[(PlaceIdx, bool)],
    g: &Gazetteer,
) -> Option<PlaceIdx> {
    const AREA_NOUNS: &[&str] = &[
        "county",
        "department",
        "district",
        "government",
        "governor",
        "premier",
        "province",
        "region",
        "state",
        "territory",
    ];
    let bytes = text.as_bytes();
    // (Cheap tests first: the four bytes before the name, then the byte after it.)
    let the = span
        .start
        .checked_sub(4)
        .and_then(|at| bytes.get(at..span.start))
        .is_some_and(|w| w == b"the " || w == b"The ")
        && span
            .start
            .checked_sub(5)
            .is_none_or(|at| !bytes[at].is_ascii_alphanumeric());
    if !the
        || bytes
            .get(span.end)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'-')
    {
        return None;
    }
    let before_the = span
        .start
        .checked_sub(4)
        .and_then(|at| word_before(text, at));
    if before_the.is_some_and(|w| {
        ["in", "into", "through", "throughout"]
            .iter()
            .any(|p| w.eq_ignore_ascii_case(p))
    }) || word_after(text, span.end)
        .is_some_and(|w| is_capitalised(w) || AREA_NOUNS.contains(&w))
    {
        return None;
    }
    let areas_too_large = c.iter().any(|&(p, _)| {
        let place = g.get(p);
        place.kind == PlaceKind::Country
            || place.kind == PlaceKind::Region
            || (place.kind == PlaceKind::AdminArea
                && place.population.unwrap_or(0) >= RIVER_NAMESAKE_MAX_POPULATION)
    });
    if areas_too_large {
        return None;
    }
    let key = format!("{} River", text.get(span.start..span.end)?);
    g.name_hits(&key)
        .iter()
        .filter(|h| h.start == 0 && h.end == key.len())
        .flat_map(NameHit::targets)
        .find_map(|(role, _)| match role {
            NameRole::Place(p)
                if g.get(p).kind == PlaceKind::Region && g.get(p).source != PlaceSource::Broad =>
            {
                Some(p)
            }
            _ => None,
        })
}

/// The country whose demonym, the name before the span `i`, calls it a town a few lower-case
/// words on: "the Chilean city of Concepcion", "the Syrian border town of Sarmada".
fn country_of_a_demonyms_town<'g>(
    text: &str,
    spans: &[Span],
    i: usize,
    g: &'g Gazetteer,
) -> Option<&'g str> {
    let span = spans.get(i)?;
    let before = spans.get(i.checked_sub(1)?)?;
    // (A bounded gap: a word or two between the demonym and "of".)
    let gap = text.get(before.end..span.start).filter(|t| t.len() <= 32)?;
    let head = gap.strip_suffix(" of ")?;
    let word = head.rsplit(' ').next()?;
    if !matches!(word, "city" | "town" | "port" | "village" | "capital")
        || !head
            .bytes()
            .all(|b| b == b' ' || b == b'-' || b.is_ascii_lowercase())
    {
        return None;
    }
    before.roles.iter().find_map(|&(r, _)| match r {
        NameRole::Demonym(p) if g.get(p).kind == PlaceKind::Country => g.get(p).country,
        _ => None,
    })
}

/// "Barrow, Jackson and Madison counties", "Orleans and Jefferson parishes": each name of the
/// list is the division of that name ("Barrow County"), whatever else it may name. A state's or
/// country's name alone is whose divisions they are ("Indiana counties": not Indiana County).
/// Likewise a list of two or more names before "states", "regions", "provinces", "oblasts",
/// "prefectures", "governorates" or "cantons" names first-level divisions ("Zamfara and
/// Katsina states", "the Bryansk and Belgorod regions", "Toyama and Niigata prefectures"), not
/// the towns they are named after; one name alone may be a group ("Gulf states").
fn listed_divisions(text: &str, g: &Gazetteer, spans: &mut Vec<Span>) {
    const PLURALS: &[(&str, &str)] = &[
        (" counties", " County"),
        (" parishes", " Parish"),
        (" states", ""),
        (" regions", ""),
        (" provinces", ""),
        (" oblasts", ""),
        (" prefectures", ""),
        (" governorates", ""),
        (" cantons", ""),
    ];
    // One vectorised scan of the text finds every plural (a `memmem` scan per plural was three
    // percent of the extraction's instructions, a `str::find` per plural a tenth of the
    // matcher's own work). The scan looks for the words without their space, whose first
    // bytes are rarer in a text than a space and a letter, and keeps those after a space. No
    // word holds a space, so an occurrence after a space never starts inside another
    // occurrence, and the scan misses none. They are taken plural by plural, each in text
    // order, as before: `spans` changes from one to the next.
    static PLURAL_WORDS: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
        let alternatives: Vec<String> = PLURALS
            .iter()
            .map(|(p, _)| regex::escape(p.trim_start_matches(' ')))
            .collect();
        regex::bytes::Regex::new(&alternatives.join("|")).expect("plain words make a pattern")
    });
    let bytes = text.as_bytes();
    let mut found: Vec<(usize, usize)> = PLURAL_WORDS
        .find_iter(bytes)
        .filter_map(|m| {
            let space = m.start().checked_sub(1).filter(|&k| bytes[k] == b' ')?;
            let k = PLURALS
                .iter()
                .position(|(p, _)| p.as_bytes().get(1..) == Some(m.as_bytes()))?;
            Some((k, space))
        })
        .collect();
    found.sort_unstable();
    for (k, at) in found {
        let Some(&(_, singular)) = PLURALS.get(k) else {
            continue;
        };
        let names = listed_names_before(text, at);
        if let [(start, end)] = names[..]
            && (singular.is_empty()
                || text
                    .get(start..end)
                    .is_some_and(|name| names_a_state_or_country(name, g)))
        {
            continue;
        }
        for (start, end) in names {
            let Some(name) = text.get(start..end) else {
                continue;
            };
            // `first_level`: the bare name's first-level divisions only.
            let roles_of = |key: &str, first_level: bool| -> Vec<(NameRole, bool)> {
                g.name_hits(key)
                    .iter()
                    .filter(|h| h.start == 0 && h.end == key.len())
                    .flat_map(NameHit::targets)
                    .filter_map(|(role, spelling)| match role {
                        NameRole::Place(p) if g.get(p).kind == PlaceKind::AdminArea => {
                            Some((role, g.get(p).name == spelling))
                        }
                        // A division named like a word ("Delta", "Plateau") is one in such
                        // a list.
                        NameRole::Weak(p) if first_level && g.division_level(p) == 1 => {
                            Some((NameRole::Place(p), g.get(p).name == spelling))
                        }
                        _ => None,
                    })
                    .filter(|&(role, _)| {
                        // Before "states" or "regions": first-level divisions only.
                        !first_level || role.place().is_some_and(|p| g.division_level(p) == 1)
                    })
                    .collect()
            };
            let mut roles = roles_of(&format!("{name}{singular}"), singular.is_empty());
            // "Turkana, Marsabit and Mandera counties", "Cork and Kerry counties": where the
            // counties are a country's first-level divisions, named without "County".
            if roles.is_empty() && !singular.is_empty() {
                roles = roles_of(name, false);
            }
            if roles.is_empty() {
                continue;
            }
            spans.retain(|s| s.end <= start || end <= s.start);
            spans.push(Span::bare(start, end, roles));
        }
    }
}

/// A first-level division whose name is mostly a word or a person's ([`NameRole::Weak`]: "North
/// West", "Victoria"), joined by "and" or a comma to a first-level division of the same country
/// the article names, is that division: "the North West and Limpopo", "Victoria and New South
/// Wales". `unplaced`: the hits left without a reading, in order of start.
fn divisions_listed_together(
    text: &str,
    hits: &[NameHit<'_>],
    unplaced: &[usize],
    g: &Gazetteer,
    spans: &mut Vec<Span>,
) {
    const JOINS: [&str; 2] = [" and ", ", "];
    let division = |p: PlaceIdx| {
        let place = g.get(p);
        (place.kind == PlaceKind::AdminArea && g.division_level(p) == 1).then_some(place.country)
    };
    let mut found: Vec<Span> = Vec::new();
    for hit in unplaced.iter().filter_map(|&i| hits.get(i)) {
        let weak_divisions = hit
            .targets()
            .any(|(r, _)| matches!(r, NameRole::Weak(p) if division(p).is_some()));
        if !weak_divisions || spans.iter().any(|s| s.start < hit.end && hit.start < s.end) {
            continue;
        }
        let after = JOINS.iter().find_map(|j| {
            text.get(hit.end..)
                .filter(|a| a.starts_with(j))
                .map(|_| hit.end + j.len())
        });
        let before = JOINS
            .iter()
            .find_map(|j| text.get(..hit.start).and_then(|b| b.strip_suffix(j)))
            .map(str::len);
        let countries: Vec<&str> = spans
            .iter()
            .filter(|s| Some(s.start) == after || Some(s.end) == before)
            .flat_map(|s| &s.roles)
            .filter_map(|&(r, _)| r.place().and_then(division).flatten())
            .collect();
        if countries.is_empty() {
            continue;
        }
        let surface = text.get(hit.start..hit.end).unwrap_or("");
        let roles: Vec<(NameRole, bool)> = hit
            .targets()
            .filter_map(|(role, spelling)| match role {
                NameRole::Weak(p)
                    if spelling == surface
                        && division(p)
                            .flatten()
                            .is_some_and(|c| countries.contains(&c)) =>
                {
                    Some((role, g.get(p).name == spelling))
                }
                _ => None,
            })
            .collect();
        if !roles.is_empty() {
            found.push(span_of(text, hit, roles));
        }
    }
    spans.extend(found);
}

/// How near a town mostly named like a person must lie to a place it is listed with.
const LISTED_TOWN_KM: f64 = 300.0;
/// A list neighbour whose readings lie in at most this many countries places the weak names
/// beside it ([`towns_listed_with_places`]).
const NEIGHBOUR_COUNTRIES: usize = 3;

/// A town whose name is mostly a person's ([`NameRole::Weak`]: "Merritt", "Clinton"), listed
/// with a place the article reads as one, in a list that a place preposition opens, is a town
/// near that place: "near Kamloops and Merritt", "between Merritt and Peachland", "in Peachland,
/// Merritt and Penticton", "Jackson and Clinton, Miss.". Not "Smith and Merritt" (no place in
/// the list), nor a Clinton a continent away from the places listed with it, nor one beside a
/// name of several countries ("between Paris and Clinton"). `unplaced`: the hits left without a
/// reading, in order of start.
fn towns_listed_with_places(
    text: &str,
    hits: &[NameHit<'_>],
    unplaced: &[usize],
    g: &Gazetteer,
    spans: &mut Vec<Span>,
) {
    const JOINS: [&str; 5] = [", and ", ", or ", " and ", " or ", ", "];
    let mut found: Vec<Span> = Vec::new();
    for hit in unplaced.iter().filter_map(|&i| hits.get(i)) {
        if !hit.targets().any(|(r, _)| matches!(r, NameRole::Weak(_)))
            || spans.iter().any(|s| s.start < hit.end && hit.start < s.end)
        {
            continue;
        }
        // The list items right before and after the name, and where the list starts.
        let before = JOINS
            .iter()
            .find_map(|j| text.get(..hit.start).and_then(|b| b.strip_suffix(j)))
            .map(str::len);
        let after = JOINS.iter().find_map(|j| {
            text.get(hit.end..)
                .filter(|a| a.starts_with(j))
                .map(|_| hit.end + j.len())
        });
        let list_start = match before {
            Some(end) => listed_names_before(text, end)
                .last()
                .map_or(hit.start, |&(start, _)| start),
            None => hit.start,
        };
        // "Jackson and Clinton, Miss.": a state after the list's last name places the list.
        let placed_after = after.is_some_and(|a| {
            spans.iter().any(|s| {
                s.start == a && placed_by_its_neighbours(&Occurrence::new(text, s.start, s.end))
            })
        });
        if !opens_a_list_of_places(text, list_start) && !placed_after {
            continue;
        }
        // The neighbours' readings, where each neighbour's lie in a few countries ("Napier,
        // Hastings": the towns of New Zealand and of South Africa; "Horsham and Hamilton": of
        // Australia, England and Pennsylvania): a name of many lands ("Paris") proves no town
        // near one of them.
        let neighbours: Vec<&Span> = spans
            .iter()
            .filter(|s| Some(s.start) == after || Some(s.end) == before)
            .filter(|s| readings_within(s, |p| Some(g.get(p).country)).is_some())
            .collect();
        let anchors: Vec<LatLon> = neighbours
            .iter()
            .flat_map(|s| &s.roles)
            .filter_map(|&(r, _)| match r {
                NameRole::Place(p) | NameRole::Weak(p) => Some(g.get(p).coord),
                NameRole::Demonym(_) => None,
            })
            .collect();
        if anchors.is_empty() {
            continue;
        }
        // And their states, where each neighbour's readings lie in a few: "In Georgia, Valdosta
        // and Augusta" (the two towns 310 km apart, both in Georgia).
        let states: Vec<&str> = neighbours
            .iter()
            .filter_map(|s| readings_within(s, |p| g.admin1(p)))
            .flatten()
            .flatten()
            .collect();
        let surface = text.get(hit.start..hit.end).unwrap_or("");
        let roles: Vec<(NameRole, bool)> = hit
            .targets()
            .filter_map(|(role, spelling)| match role {
                // (Not a state or a country of the name; a region, an island of the name
                // marked `common`, is placed by its point from farther: it spreads around it.)
                NameRole::Weak(p)
                    if spelling == surface
                        && (g.get(p).kind.class() != KindClass::Area
                            || g.get(p).kind == PlaceKind::Region)
                        && (near_any(
                            &anchors,
                            g.get(p).coord,
                            if g.get(p).kind == PlaceKind::Region {
                                2.0 * LISTED_TOWN_KM
                            } else {
                                LISTED_TOWN_KM
                            },
                        ) || g.admin1(p).is_some_and(|k| states.contains(&k))) =>
                {
                    Some((role, g.get(p).name == spelling))
                }
                _ => None,
            })
            .collect();
        if !roles.is_empty() {
            found.push(span_of(text, hit, roles));
        }
    }
    spans.extend(found);
}

/// The distinct values `key` gives a span's place readings (their countries, their states),
/// where there are at most [`NEIGHBOUR_COUNTRIES`] and the span has a place reading; `None`
/// where they are more or none, or a reading has no value.
fn readings_within<T: PartialEq + Copy>(
    span: &Span,
    key: impl Fn(PlaceIdx) -> Option<T>,
) -> Option<[Option<T>; NEIGHBOUR_COUNTRIES]> {
    let mut seen = [None; NEIGHBOUR_COUNTRIES];
    let mut any = false;
    for &(r, _) in &span.roles {
        let (NameRole::Place(p) | NameRole::Weak(p)) = r else {
            continue;
        };
        let value = key(p)?;
        any = true;
        if !seen.contains(&Some(value)) {
            *seen.iter_mut().find(|s| s.is_none())? = Some(value);
        }
    }
    any.then_some(seen)
}

/// `name` is the primary name of a first-level division or a country ("Indiana", "Kenya").
fn names_a_state_or_country(name: &str, g: &Gazetteer) -> bool {
    readings_of_whole(g, name).any(|(role, spelling)| match role {
        NameRole::Place(p) => {
            let place = g.get(p);
            place.name == spelling && (place.kind == PlaceKind::Country || g.division_level(p) == 1)
        }
        _ => false,
    })
}

/// Short forms that stand for several places ("SA": South Africa, South Australia, Saudi
/// Arabia) or that are words elsewhere: each is taken only in an article that names one of its
/// places in full, and then stands for the first of them it names.
const ARTICLE_ABBREVIATIONS: &[(&str, &[&str])] = &[
    ("SA", &["South Africa", "South Australia", "Saudi Arabia"]),
    ("WA", &["Western Australia", "Washington"]),
    ("NT", &["Northern Territory"]),
    ("NI", &["Northern Ireland"]),
    ("T&T", &["Trinidad and Tobago"]),
    ("KZN", &["KwaZulu-Natal"]),
    ("PNG", &["Papua New Guinea"]),
    ("KSA", &["Saudi Arabia"]),
    ("BiH", &["Bosnia and Herzegovina"]),
    ("PEI", &["Prince Edward Island"]),
];

/// The occurrences of [`ARTICLE_ABBREVIATIONS`] in an article that names their place in full,
/// with the readings of that full name.
fn defined_abbreviations(text: &str, g: &Gazetteer, spans: &mut Vec<Span>) {
    // Most articles name no full name of the list: one pass over the spans tells, instead of
    // one per full name.
    let is_full_name = |name: &str| {
        ARTICLE_ABBREVIATIONS
            .iter()
            .any(|(_, names)| names.contains(&name))
    };
    let names_any = spans.iter().any(|s| {
        (!s.roles.is_empty() && text.get(s.start..s.end).is_some_and(is_full_name))
            || s.roles.iter().any(|&(r, _)| match r {
                NameRole::Demonym(p) => is_full_name(g.get(p).name),
                _ => false,
            })
    });
    if !names_any {
        return;
    }
    let mut found: Vec<Span> = Vec::new();
    // The full names are looked for first, among the few spans: most articles name none, and
    // then the text is not scanned for the short form at all.
    for &(short, names) in ARTICLE_ABBREVIATIONS {
        // The full name, or a demonym of its place ("South Africans" for "SA").
        let Some(roles) = names.iter().find_map(|name| {
            spans.iter().find_map(|s| {
                if text.get(s.start..s.end) == Some(*name) && !s.roles.is_empty() {
                    return Some(s.roles.to_vec());
                }
                s.roles.iter().find_map(|&(r, _)| match r {
                    NameRole::Demonym(p) if g.get(p).name == *name => {
                        Some(vec![(NameRole::Place(p), true)])
                    }
                    _ => None,
                })
            })
        }) else {
            continue;
        };
        for at in memchr::memmem::find_iter(text.as_bytes(), short) {
            let end = at + short.len();
            let bounded = !text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '&')
                && !text[end..].starts_with(|c: char| c.is_alphanumeric() || c == '&');
            if bounded && spans.iter().all(|s| s.end <= at || end <= s.start) {
                found.push(Span::bare(at, end, roles.clone()));
            }
        }
    }
    spans.extend(found);
}

/// The longest state abbreviation written without its full stop ("Calif", "Tenn").
const MAX_STOPLESS_ABBREVIATION: usize = 5;

/// "EDMONTON, Ky (WBKO) --": a state's abbreviation written without its full stop, right after
/// a town's name and a comma and before a bracket, a dash or a comma, where the town has a
/// reading in that state. A span of the state of its own, so that the town is read in
/// apposition as with "Ky.". (Such words alone are too often words or names: "Ill", "Miss".)
fn state_abbreviations_without_stop(text: &str, g: &Gazetteer, spans: &mut Vec<Span>) {
    let mut found: Vec<Span> = Vec::new();
    for town in spans.iter() {
        let Some(rest) = text.get(town.end..).and_then(|r| r.strip_prefix(", ")) else {
            continue;
        };
        let len = rest
            .bytes()
            .take(MAX_STOPLESS_ABBREVIATION + 1)
            .take_while(u8::is_ascii_alphabetic)
            .count();
        let word = &rest[..len];
        let closes = rest[len..].starts_with(" (")
            || rest[len..].starts_with(" -")
            || rest[len..].starts_with(" \u{2014}")
            || rest[len..].starts_with(" \u{2013}")
            || rest[len..].starts_with(',');
        if !(2..=MAX_STOPLESS_ABBREVIATION).contains(&len)
            || !closes
            || !word.starts_with(|c: char| c.is_ascii_uppercase())
            || word[1..].bytes().any(|b| b.is_ascii_uppercase())
        {
            continue;
        }
        let states: Vec<(NameRole, bool)> = readings_of_whole(g, &format!("{word}."))
            .filter_map(|(role, _)| role.place())
            .filter(|&p| g.division_level(p) == 1)
            .map(|p| (NameRole::Place(p), true))
            .collect();
        let holds_town = town.roles.iter().any(|&(r, _)| {
            r.place().is_some_and(|p| {
                g.admin1(p).is_some_and(|key| {
                    states
                        .iter()
                        .any(|&(s, _)| s.place().and_then(|s| g.admin1(s)) == Some(key))
                })
            })
        });
        if holds_town {
            let start = town.end + 2;
            found.push(Span::bare(start, start + len, states));
        }
    }
    spans.extend(found);
}

/// "Kent County Council", "Essex County Council": the council of an English or Irish county,
/// whose name alone the data holds; its readings join those of the American counties of the
/// name ("Sussex County Council" of Delaware), for the article's places to choose.
fn county_councils(text: &str, g: &Gazetteer, spans: &mut [Span]) {
    for span in spans.iter_mut() {
        // (The cheap tests first: few spans end in "County", fewer still before "Council".)
        let Some(name) = text
            .get(span.start..span.end)
            .and_then(|t| t.strip_suffix(" County"))
        else {
            continue;
        };
        if !text
            .get(span.end..)
            .is_some_and(|a| a.starts_with(" Council"))
        {
            continue;
        }
        let mut roles: Vec<(NameRole, bool)> = span.roles.to_vec();
        for hit in g
            .name_hits(name)
            .iter()
            .filter(|h| h.start == 0 && h.end == name.len())
        {
            for (role, _) in hit.targets() {
                if let NameRole::Place(p) | NameRole::Weak(p) = role
                    && g.get(p).kind == PlaceKind::AdminArea
                    && matches!(g.get(p).country, Some("GB" | "IE"))
                    && !roles.iter().any(|&(r, _)| r.place() == Some(p))
                {
                    roles.push((NameRole::Place(p), true));
                }
            }
        }
        if roles.len() > span.roles.len() {
            span.roles = roles.into();
        }
    }
}

/// "Ethiopia's Somali region": a demonym before "region", "state" or "province" that is also the
/// name of a first-level division is that division (not Somalia, whose people's word it is).
fn demonyms_of_divisions(text: &str, g: &Gazetteer, spans: &mut [Span]) {
    for span in spans.iter_mut() {
        // (The cheap tests first: most spans are no demonym.)
        if !span
            .roles
            .iter()
            .all(|(r, _)| matches!(r, NameRole::Demonym(_)))
            || span.roles.is_empty()
        {
            continue;
        }
        let Some(word) = word_after(text, span.end).filter(|w| {
            matches!(
                *w,
                "region" | "Region" | "state" | "State" | "province" | "Province"
            )
        }) else {
            continue;
        };
        let Some(name) = text.get(span.start..span.end) else {
            continue;
        };
        let roles: Vec<(NameRole, bool)> = g
            .name_hits(name)
            .iter()
            .filter(|h| h.start == 0 && h.end == name.len())
            .flat_map(NameHit::targets)
            .filter_map(|(role, spelling)| match role {
                NameRole::Place(p) | NameRole::Weak(p)
                    if g.get(p).kind == PlaceKind::AdminArea && g.division_level(p) == 1 =>
                {
                    Some((NameRole::Place(p), g.get(p).name == spelling))
                }
                _ => None,
            })
            .collect();
        if !roles.is_empty() {
            span.roles = roles.into();
            span.division_word = true;
            span.end_with_word = span.end + 1 + word.len();
        }
    }
}

/// "PLYMOUTH CO. -", "deputies in Woodbury Co.": the county the data has as "X County", read
/// from the capitalised words (up to three) before " Co." or " CO.". A span of its own that
/// outweighs the shorter name inside it; a company ("Ford Motor Co.") has no county of its name.
fn county_abbreviations(text: &str, g: &Gazetteer, spans: &mut Vec<Span>) {
    const MAX_WORDS: usize = 3;
    let mut found: Vec<Span> = Vec::new();
    // (Found by their full stops, one fast scan: a text has a full stop every sentence and
    // few of them close " Co" or " CO".)
    let bytes = text.as_bytes();
    for dot in memchr::memchr_iter(b'.', bytes) {
        let Some(at) = dot.checked_sub(3) else {
            continue;
        };
        if !matches!(bytes.get(at..dot), Some(b" Co" | b" CO")) {
            continue;
        }
        let end = dot + 1;
        if text[end..].starts_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        // The capitalised words right before, nearest first.
        let mut starts: Vec<usize> = Vec::with_capacity(MAX_WORDS);
        let mut word_end = at;
        while starts.len() < MAX_WORDS {
            let head = &text[..word_end];
            let start = head
                .rfind(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
                .map_or(0, |k| {
                    k + head[k..].chars().next().map_or(1, char::len_utf8)
                });
            if start == word_end || !text[start..].starts_with(char::is_uppercase) {
                break;
            }
            starts.push(start);
            if start == 0 || !text[..start].ends_with(' ') {
                break;
            }
            word_end = start - 1;
        }
        // The longest name with a county of the data.
        let county = starts.iter().rev().find_map(|&start| {
            let key = format!("{} County", &text[start..at]);
            let roles: Vec<(NameRole, bool)> = g
                .name_hits(&key)
                .iter()
                .filter(|h| h.start == 0 && h.end == key.len())
                .flat_map(NameHit::targets)
                .filter_map(|(r, _)| r.place())
                .filter(|&p| g.get(p).kind == PlaceKind::AdminArea)
                .map(|p| (NameRole::Place(p), true))
                .collect();
            (!roles.is_empty()).then_some((start, roles))
        });
        // A dateline or headline, a place preposition before, or local news words after
        // ("a Loudon Co. man", "Woodbury Co. deputies"): not a company ("Crane Co., of
        // Chicago, bought the plant", "including Crane Co., which").
        let placed = |start: usize| {
            at_line_start(text, start)
                || words::opens_a_list_of_places(text, start)
                || word_after(text, end).is_some_and(|w| {
                    matches!(
                        w,
                        "man"
                            | "woman"
                            | "men"
                            | "women"
                            | "boy"
                            | "girl"
                            | "teen"
                            | "resident"
                            | "residents"
                            | "deputies"
                            | "deputy"
                            | "sheriff"
                            | "Sheriff"
                            | "commissioners"
                            | "Commission"
                            | "officials"
                            | "schools"
                            | "school"
                            | "jail"
                            | "court"
                            | "fair"
                            | "line"
                    )
                })
        };
        if let Some((start, roles)) = county.filter(|&(start, _)| placed(start)) {
            let mut span = Span::bare(start, end, roles);
            span.division_word = true;
            found.push(span);
        }
    }
    spans.extend(found);
}

/// Short forms of first-level divisions in the press of their own country (Australian state
/// forms, Canada Post codes, "J&K", "KPK", "FCT") that are words, acronyms or other states'
/// codes elsewhere: "WA" is Washington in a story of the United States, "SA" a company, "ACT"
/// a law, "BC" an era. Each is taken only in an article whose focus is its country: (form,
/// ISO code, division).
const FOCUS_ABBREVIATIONS: &[(&str, &str, &str)] = &[
    ("WA", "AU", "Western Australia"),
    ("SA", "AU", "South Australia"),
    ("NT", "AU", "Northern Territory"),
    ("ACT", "AU", "Australian Capital Territory"),
    ("VIC", "AU", "Victoria"),
    ("TAS", "AU", "Tasmania"),
    ("BC", "CA", "British Columbia"),
    ("AB", "CA", "Alberta"),
    ("SK", "CA", "Saskatchewan"),
    ("MB", "CA", "Manitoba"),
    ("ON", "CA", "Ontario"),
    ("QC", "CA", "Quebec"),
    ("NB", "CA", "New Brunswick"),
    ("NS", "CA", "Nova Scotia"),
    ("J&K", "IN", "Jammu and Kashmir"),
    ("KPK", "PK", "Khyber Pakhtunkhwa"),
    ("FCT", "NG", "Abuja Federal Capital Territory"),
];

/// The occurrences of [`FOCUS_ABBREVIATIONS`] in an article whose unambiguous mentions name
/// one country more than any other ("Sewage in WA is treated" in a story of Kalgoorlie and
/// Karratha, Western Australia), where they stand alone: not beside another capitalised or
/// all-caps word ("Airbus SA", "the Service BC desk", "TURN ON THE"), nor after a number
/// ("300 BC").
/// `spans` are the accepted ones, in order, and stay so.
fn focus_abbreviations(
    text: &str,
    g: &Gazetteer,
    countries: &ContextCountries,
    spans: &mut Vec<Span>,
) {
    let ranked = countries.ranked();
    let Some(&(focus, n)) = ranked.first() else {
        return;
    };
    if ranked.get(1).is_some_and(|&(_, m)| m == n) {
        return;
    }
    let mut found: Vec<Span> = Vec::new();
    for &(short, _, name) in FOCUS_ABBREVIATIONS.iter().filter(|f| f.1 == focus) {
        let mut division: Option<PlaceIdx> = None;
        for at in memchr::memmem::find_iter(text.as_bytes(), short) {
            let end = at + short.len();
            let bounded = !text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '&')
                && !text[end..].starts_with(|c: char| c.is_alphanumeric() || c == '&');
            let alone = |w: Option<&str>| {
                w.is_none_or(|w| {
                    !is_all_caps(w) && (!is_capitalised(w) || words::is_function_word(w))
                })
            };
            // "300 BC", "the fifth century BC": an era.
            let era = after_a_year_or_century(text, at);
            if !bounded
                || era
                || !alone(word_before(text, at))
                || !alone(word_after(text, end))
                || spans.iter().any(|s| s.start < end && at < s.end)
            {
                continue;
            }
            if division.is_none() {
                division = division_of(g, name, focus);
            }
            let Some(p) = division else {
                break;
            };
            found.push(Span::bare(at, end, vec![(NameRole::Place(p), false)]));
        }
    }
    if !found.is_empty() {
        spans.extend(found);
        spans.sort_by_key(|s| s.start);
    }
}

/// A number or "century" stands right before `at`: what follows is an era ("44 B.C.", "the
/// fifth century BC"), not a state's short form.
fn after_a_year_or_century(text: &str, at: usize) -> bool {
    word_before(text, at).is_some_and(|w| {
        w.starts_with(|c: char| c.is_ascii_digit())
            || ["century", "centuries", "millennium"]
                .iter()
                .any(|e| e.eq_ignore_ascii_case(w))
    })
}

/// The first-level division of country `iso` whose primary name is `name`.
fn division_of(g: &Gazetteer, name: &str, iso: &str) -> Option<PlaceIdx> {
    g.name_hits(name)
        .iter()
        .filter(|h| h.start == 0 && h.end == name.len())
        .flat_map(NameHit::targets)
        .find_map(|(role, spelling)| {
            let p = role.place()?;
            let place = g.get(p);
            (place.name == spelling
                && spelling == name
                && place.country == Some(iso)
                && g.division_level(p) == 1)
                .then_some(p)
        })
}

/// The first-level division a city lies in and is named like (its name is the division's name
/// or one of its other names): "Al Ḩudaydah" the city and the governorate.
fn namesake_division(g: &Gazetteer, city: PlaceIdx) -> Option<PlaceIdx> {
    let place = g.get(city);
    if place.kind != PlaceKind::City {
        return None;
    }
    let key = g.admin1(city)?;
    let name = place.name;
    g.name_hits(name)
        .iter()
        .filter(|h| h.start == 0 && h.end == name.len())
        .flat_map(NameHit::targets)
        .find_map(|(role, _)| {
            let d = role.place()?;
            (g.division_level(d) == 1
                && g.get(d).country == place.country
                && g.admin1(d) == Some(key))
            .then_some(d)
        })
}

/// The names of a list that ends at `at` ("Barrow, Jackson and Madison" before " counties"),
/// last first: each of one to three capitalised words, joined by ", ", " and ", " or ".
fn listed_names_before(text: &str, at: usize) -> Vec<(usize, usize)> {
    // The start of the capitalised word that ends at `end`, if any.
    let word_before = |end: usize| -> Option<usize> {
        let head = text.get(..end)?;
        let start = head
            .rfind(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '\'' | '’')))
            .map_or(0, |i| {
                i + head[i..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &head[start..];
        (!word.is_empty() && is_capitalised(word) && !words::is_function_word(word))
            .then_some(start)
    };
    let mut out = Vec::new();
    let mut end = at;
    while out.len() < 12 {
        let Some(mut start) = word_before(end) else {
            break;
        };
        for _ in 0..2 {
            match start
                .checked_sub(1)
                .filter(|&i| text.get(i..start) == Some(" "))
            {
                // "Russia's Bryansk and Belgorod regions": a possessive is whose list it is.
                Some(space) => match word_before(space) {
                    Some(s)
                        if !text
                            .get(s..space)
                            .is_some_and(|w| w.ends_with("'s") || w.ends_with("’s")) =>
                    {
                        start = s;
                    }
                    _ => break,
                },
                None => break,
            }
        }
        out.push((start, end));
        let head = text.get(..start).unwrap_or("");
        let Some(sep) = [", and ", ", or ", " and ", " or ", ", "]
            .into_iter()
            .find(|sep| head.ends_with(sep))
        else {
            break;
        };
        end = start - sep.len();
    }
    out
}

/// Places this large (or countries) that the article names as places settle the name's
/// occurrences inside runs of capitalised words.
const RUN_SETTLED_MIN_POPULATION: u64 = 1_000;

/// The span of an accepted occurrence with its readings.
fn span_of(text: &str, hit: &NameHit<'_>, roles: impl Into<Roles>) -> Span {
    span_at(
        &Site::new(Occurrence::new(text, hit.start, hit.end)),
        hit,
        roles,
    )
}

/// [`span_of`] with the occurrence's tests that `accept` may have worked out already.
fn span_at(site: &Site<'_>, hit: &NameHit<'_>, roles: impl Into<Roles>) -> Span {
    let text = site.at.text;
    let after = site.word_after();
    let word = after.filter(|w| DIVISION_WORDS.contains(w));
    let end_with_word = word.map_or(hit.end, |w| hit.end + 1 + w.len());
    Span {
        start: hit.start,
        end: hit.end,
        roles: roles.into(),
        division_word: word.is_some(),
        end_with_word,
        cues: Cues {
            embedded: organisation_of(text, hit.start),
            modifier: site.in_run()
                && (site.modifies() || site.opens_organisation())
                && after.is_some_and(is_capitalised),
            local: local_news_cue(&site.at),
            run: site.in_run(),
            reading: Reading::Whole,
        },
    }
}

/// Towns of this size or more are what the news means by their name even where it is a
/// surname too (Jackson, Augusta); smaller ones yield to a person of that name in the article.
const PERSON_TOWN_MAX_POPULATION: u64 = 100_000;

/// Divisions of this size or more are what the news means by their name even where a person
/// of the article bears it ("Georgia", "Jackson" the county yields to "Andrew Jackson").
const PERSON_DIVISION_MAX_POPULATION: u64 = 1_000_000;

/// A reading that a person of the same name in the article outweighs: a town of the broad
/// layer below [`PERSON_TOWN_MAX_POPULATION`] (not a state or country: "Education Minnesota"),
/// or a division below [`PERSON_DIVISION_MAX_POPULATION`] ("testament to Trapani's work"
/// after "Andrew Trapani"); with `titled` (the surname follows an initial or a title), any
/// division of the broad layer; never a country. A curated or user place whose name is marked
/// `common` (`weak`: "Rhodes" the island) is outweighed like a town.
fn named_like_a_person(g: &Gazetteer, idx: PlaceIdx, weak: bool, titled: bool) -> bool {
    let p = g.get(idx);
    if p.kind == PlaceKind::Country {
        return false;
    }
    if p.source != PlaceSource::Broad {
        return weak;
    }
    if p.kind.class() == KindClass::Area {
        return titled || p.population.unwrap_or(0) < PERSON_DIVISION_MAX_POPULATION;
    }
    p.population.unwrap_or(0) < PERSON_TOWN_MAX_POPULATION
}

/// "Tripoli, Lebanon", "Moscow, Idaho", "Athens, Ga.", "Pratica di Mare (Italy)": keep the
/// candidates inside the country or division named right after. True when that narrowed them.
fn narrow_by_container(
    text: &str,
    span: &Span,
    next: &Span,
    after_next: Option<&Span>,
    g: &Gazetteer,
    candidates: &mut Vec<(PlaceIdx, bool)>,
) -> bool {
    let gap = text.get(span.end..next.start).unwrap_or("");
    // "Ikeja Lagos State": a town before its division without a comma is placed by it too, but
    // a country after a space may open another name.
    let spaced = gap == " ";
    if !matches!(gap.trim(), "," | "(") && !spaced {
        return false;
    }
    let mut countries: Vec<&str> = Vec::new();
    let mut divisions: Vec<&str> = Vec::new();
    let mut division_points: Vec<(Option<&str>, LatLon)> = Vec::new();
    for (role, _) in &next.roles {
        let Some(idx) = role.place() else { continue };
        let p = g.get(idx);
        match p.kind {
            PlaceKind::Country => countries.extend(p.country),
            PlaceKind::AdminArea => {
                if let Some(key) = g.admin1(idx) {
                    divisions.push(key);
                    division_points.push((p.country, p.coord));
                } else {
                    countries.extend(p.country);
                }
            }
            _ => {}
        }
    }
    // A curated town carries no division: it lies in one named after it when it is of the
    // division's country and near its point ("Washington, D.C.").
    let curated_inside = |idx: PlaceIdx| {
        let p = g.get(idx);
        p.source != PlaceSource::Broad
            && g.admin1(idx).is_none()
            && p.kind.class() != KindClass::Area
            && division_points
                .iter()
                .any(|&(c, at)| c == p.country && within_km(at, p.coord, CITY_IN_DIVISION_KM))
    };
    let in_division: Vec<(PlaceIdx, bool)> = candidates
        .iter()
        .copied()
        .filter(|&(idx, _)| {
            g.division_level(idx) != 1
                && (g.admin1(idx).is_some_and(|k| divisions.contains(&k)) || curated_inside(idx))
        })
        .collect();
    if !in_division.is_empty() {
        *candidates = in_division;
        return true;
    }
    if spaced {
        return false;
    }
    if let Some(division) = division_of_missing_town(text, span, next, after_next, g, candidates) {
        *candidates = vec![(division, true)];
        return true;
    }
    let inside: Vec<(PlaceIdx, bool)> = candidates
        .iter()
        .copied()
        .filter(|&(idx, _)| g.get(idx).country.is_some_and(|c| countries.contains(&c)))
        .collect();
    // "Mexico, China, Japan": a country's name before a country's is a list of countries,
    // not a town of the name in the second ("China" of Japan); a state of the name is still
    // one ("Georgia, USA").
    let a_country = |&(idx, _): &(PlaceIdx, bool)| g.get(idx).kind == PlaceKind::Country;
    let only_towns = inside
        .iter()
        .all(|&(idx, _)| g.get(idx).kind.class() != KindClass::Area);
    if candidates.iter().any(a_country) && only_towns {
        return false;
    }
    if !inside.is_empty() && inside.len() < candidates.len() {
        *candidates = inside;
        return true;
    }
    false
}

/// "Georgia's Washington County", "Libya's Misrata": the readings of a name that lie in the
/// first-level division or the country named right before it with "'s", where some do and
/// some do not (a person's or a thing's name after "'s" keeps all its readings).
fn narrow_by_possessor(
    text: &str,
    owner: &Span,
    span: &Span,
    g: &Gazetteer,
    candidates: &mut Vec<(PlaceIdx, bool)>,
) -> bool {
    if !matches!(text.get(owner.end..span.start), Some("'s " | "\u{2019}s ")) {
        return false;
    }
    let mut countries: Vec<&str> = Vec::new();
    let mut divisions: Vec<&str> = Vec::new();
    for idx in owner.roles.iter().filter_map(|&(r, _)| r.place()) {
        match g.get(idx).kind {
            PlaceKind::Country => countries.extend(g.get(idx).country),
            PlaceKind::AdminArea if g.division_level(idx) == 1 => divisions.extend(g.admin1(idx)),
            _ => {}
        }
    }
    let keep = |inside: Vec<(PlaceIdx, bool)>, candidates: &mut Vec<(PlaceIdx, bool)>| {
        if inside.is_empty() || inside.len() == candidates.len() {
            return false;
        }
        *candidates = inside;
        true
    };
    let in_division: Vec<(PlaceIdx, bool)> = candidates
        .iter()
        .copied()
        .filter(|&(idx, _)| {
            g.division_level(idx) != 1 && g.admin1(idx).is_some_and(|k| divisions.contains(&k))
        })
        .collect();
    if keep(in_division, candidates) {
        return true;
    }
    let in_country: Vec<(PlaceIdx, bool)> = candidates
        .iter()
        .copied()
        .filter(|&(idx, _)| {
            g.get(idx).kind != PlaceKind::Country
                && g.get(idx).country.is_some_and(|c| countries.contains(&c))
        })
        .collect();
    keep(in_country, candidates)
}

/// "Paris in Texas", "now at Ajax in Amsterdam": a town said to be in a place lies in it, and a
/// name whose towns all lie elsewhere is none of them (a club, a building there). The towns of
/// `candidates` in a country `next` is or lies in (read from its countries, divisions and
/// cities of [`WITHIN_CITY_POPULATION`]); none left where every town lies outside those
/// countries. The candidates are kept where `next` names no country that way. Whether some
/// were dropped and some kept.
fn within_place(next: &Span, g: &Gazetteer, candidates: &mut Vec<(PlaceIdx, bool)>) -> bool {
    let mut countries: Vec<&str> = Vec::new();
    // ("Silver City in Humphreys County": where every reading of `next` is a division, a town
    // lies in one of them, not merely in its country.)
    let mut divisions: Vec<&str> = Vec::new();
    let mut only_divisions = true;
    for (role, _) in &next.roles {
        let Some(idx) = role.place() else {
            only_divisions = false;
            continue;
        };
        let p = g.get(idx);
        match g.admin1(idx) {
            // (A key by its ISO code alone, "AE.=RK", is no town's.)
            Some(key) if p.kind == PlaceKind::AdminArea && !key.contains('=') => {
                divisions.push(key);
            }
            _ => only_divisions = false,
        }
        let counts = p.kind.class() == KindClass::Area
            || p.population.unwrap_or(0) >= WITHIN_CITY_POPULATION;
        if counts && let Some(c) = p.country {
            countries.push(c);
        }
    }
    if countries.is_empty() {
        return false;
    }
    if only_divisions && !divisions.is_empty() {
        let in_division =
            |&(idx, _): &(PlaceIdx, bool)| g.admin1(idx).is_some_and(|k| divisions.contains(&k));
        if candidates.iter().any(in_division) {
            let kept: Vec<(PlaceIdx, bool)> =
                candidates.iter().copied().filter(in_division).collect();
            let narrowed = kept.len() < candidates.len();
            *candidates = kept;
            return narrowed;
        }
        // (A town the data files under no division is judged by its country below.)
        if candidates.iter().all(|&(idx, _)| g.admin1(idx).is_some()) {
            candidates.clear();
            return false;
        }
    }
    let inside =
        |&(idx, _): &(PlaceIdx, bool)| g.get(idx).country.is_some_and(|c| countries.contains(&c));
    if candidates.iter().any(inside) {
        let kept: Vec<(PlaceIdx, bool)> = candidates.iter().copied().filter(inside).collect();
        let narrowed = kept.len() < candidates.len();
        *candidates = kept;
        return narrowed;
    }
    candidates.clear();
    false
}

/// `spans[i]` is followed by " in " and the next span, and all its readings are towns (a
/// country or a state is in no town).
fn said_to_be_in<'s>(
    text: &str,
    spans: &'s [Span],
    i: usize,
    candidates: &[(PlaceIdx, bool)],
    g: &Gazetteer,
) -> Option<&'s Span> {
    let next = spans.get(i + 1)?;
    // ("the town of Palma in northern Mozambique": a part of the place named after "in" is in
    // it too.)
    let gap = text.get(spans[i].end..next.start)?;
    // ("Kalam in the Swat Valley": a region, division or country after "the".)
    let area_after_the = || {
        next.roles.iter().all(|&(r, _)| {
            r.place()
                .is_some_and(|p| g.get(p).kind.class() == KindClass::Area)
        })
    };
    let inside = gap.strip_prefix(" in ").is_some_and(|rest| {
        rest.is_empty()
            || rest.strip_suffix(' ').is_some_and(is_part_word)
            || (rest == "the " && area_after_the())
    });
    if !inside {
        return None;
    }
    // ("St. Gregory of Narek in Vatican": a place in a name's "of" is not what the "in" places;
    // "the town of Kalam in Swat" is.)
    let in_a_name = word_before(text, spans[i].start).is_some_and(|w| w == "of")
        && word_before(text, spans[i].start.saturating_sub(3)).is_some_and(is_capitalised);
    (!in_a_name
        && !candidates.is_empty()
        && candidates
            .iter()
            .all(|&(idx, _)| g.get(idx).kind.class() != KindClass::Area))
    .then_some(next)
}

/// At most this many names said to be where none of their towns is are remembered per article.
const MAX_ELSEWHERE: usize = 16;

/// A word naming a part of a land before its name: "northern", "south-eastern", "central".
fn is_part_word(word: &str) -> bool {
    let whole = |w: &str| {
        matches!(
            w,
            "northern"
                | "southern"
                | "eastern"
                | "western"
                | "central"
                | "northeastern"
                | "northwestern"
                | "southeastern"
                | "southwestern"
        )
    };
    // ("north-eastern", "south-central")
    whole(word)
        || word.split_once('-').is_some_and(|(a, b)| {
            (words::is_direction(a) || whole(a)) && (whole(b) || b == "central")
        })
}

/// A city of this population after "in" says which country the name before it is in
/// ([`within_place`]); a smaller one shares its name with too many places.
const WITHIN_CITY_POPULATION: u64 = 100_000;

fn default_population(kind: PlaceKind) -> u64 {
    match kind {
        PlaceKind::Country | PlaceKind::Region => 10_000_000,
        PlaceKind::AdminArea => 100_000,
        _ => 10_000,
    }
}

/// What a town gains in the country the article names most (less in one it names less).
const COUNTRY_BONUS: f64 = 2.0;

/// How much of [`COUNTRY_BONUS`] a country named by its name alone gives its towns: all of
/// it up to a country of [`FULL_BONUS_POPULATION`], less in larger ones, by how much naming
/// the country narrows the world's places (log10 of the world's population over the
/// country's): naming Lebanon says more of where "Tripoli" is than naming the United States
/// says of "Geneva".
fn country_size_factor(g: &Gazetteer, iso: &str) -> f64 {
    match g.country_population(iso) {
        Some(n) if n as f64 > FULL_BONUS_POPULATION => ((WORLD_POPULATION / n as f64).log10()
            / (WORLD_POPULATION / FULL_BONUS_POPULATION).log10())
        .clamp(0.0, 1.0),
        _ => 1.0,
    }
}

/// The world's population, for [`country_size_factor`] (about that of the data's countries).
const WORLD_POPULATION: f64 = 7.8e9;
/// Up to this population a country named by its name alone gives its towns the whole
/// [`COUNTRY_BONUS`] ([`country_size_factor`]).
const FULL_BONUS_POPULATION: f64 = 5.0e7;

/// What a country's reading gains over a town of the same name before the context speaks
/// (log10 odds): about what the context gives a town (its state, country and neighbours).
const COUNTRY_PRIOR: f64 = 3.0;

/// What a country's reading gains over a state or province of the same name: less than the
/// article's country gives the state ("Georgia" alone is the country; with American places
/// around it, the state).
const COUNTRY_OVER_DIVISION: f64 = 1.0;

/// How near a country or division must be to another the article names for spatial coherence
/// (points of areas: their centres).
const AREA_NEAR_KM: f64 = 800.0;

/// How near a homonym must be to a place the article names for spatial coherence.
const NEAR_KM: f64 = 250.0;

/// What a place in a country of the article's money gains (log10 odds) where the article
/// names no country: a hint, less than a country the article names gives, enough for a large town over a somewhat larger namesake
/// abroad (Birmingham, Alabama, in a story counting in dollars) but not for London, Ontario
/// over London.
const CURRENCY_BONUS: f64 = 1.0;

/// What [`score`] weighs each reading against: the focus's most named country and division,
/// worked out once a choice rather than once a reading.
struct Weights {
    /// Mentions of the most named country (0 where the article names none).
    country_max: u32,
    /// What a country's mentions are divided by: the most named country's, or half of all the
    /// article's country mentions where that is more (in a round-up of a dozen countries none
    /// is the story's ground).
    country_denom: f64,
    /// The weight of the division the article names most (at least 1; a dateline's counts
    /// three times).
    admin1_max: u32,
}

impl Weights {
    fn of(focus: &Focus<'_>) -> Weights {
        let ctx = &focus.countries;
        let country_max = ctx.max();
        let total: u32 = ctx.counts.iter().map(|(_, n)| *n).sum();
        Weights {
            country_max,
            country_denom: f64::from(country_max).max(f64::from(total) / 2.0),
            admin1_max: focus
                .admin1
                .iter()
                .map(|&(_, n)| n)
                .max()
                .unwrap_or(1)
                .max(1),
        }
    }
}

/// A log10-odds-like score: population (a prior by kind where there is none), curated over
/// broad, primary names over alternate names, the article's countries and divisions. Returns
/// the score and the context bonus that decided most. `weights`: those of `focus`;
/// `(min_pairs, max_pairs)`: how many paired names it takes to count, and how many count (see
/// [`PAIR_MAX_NAMES`]); `factors`: the round's country size factors ([`CountryFactors`]).
fn score<'g>(
    idx: PlaceIdx,
    primary: bool,
    g: &'g Gazetteer,
    focus: &Focus<'_>,
    (weights, (min_pairs, max_pairs)): (&Weights, (usize, usize)),
    factors: &mut CountryFactors<'g>,
) -> (f64, Reason) {
    let p = g.get(idx);
    let level = g.division_level(idx);
    let population = match (p.population, level) {
        (Some(n), _) => n,
        (None, 2) => 100_000,
        (None, _) => default_population(p.kind),
    } as f64;
    let mut s = (population + 1000.0).log10();
    let mut reason = Reason::Prior;
    if p.source != PlaceSource::Broad {
        s += 1.0;
    }
    if !primary {
        s -= 1.0;
    }
    if let Some(c) = p.country {
        let ctx = &focus.countries;
        // A large country named only by its own name or a metropolis ("the United States
        // objected at the Security Council in New York") is an actor of the story more than
        // its ground: its towns gain less ("Geneva" stays Swiss), and a state of it named by a
        // metropolis's name ("New York") adds nothing.
        let named_only = p.kind != PlaceKind::Country && focus.ground.count(c) == 0;
        let mentions = if weights.country_max > 0 {
            ctx.count(c)
        } else {
            0
        };
        if mentions > 0 {
            let size = if named_only { factors.get(g, c) } else { 1.0 };
            // Relative to the most named country, and to half of all the article's country
            // mentions ([`Weights::country_denom`]).
            s += COUNTRY_BONUS * size * f64::from(mentions) / weights.country_denom;
            reason = Reason::CountryInArticle;
        }
        if !named_only
            && ctx
                .with_admin_area
                .iter()
                .any(|a| a.as_bytes() == c.as_bytes())
        {
            s += 1.0;
        }
    }
    if level != 1
        && let Some(key) = g.admin1(idx)
        && focus.admin1(key) > 0
    {
        // The division the article names most (a dateline's counts three times) gives the
        // most: a county of the dateline's state over one of a state named in passing.
        s += 2.0 + f64::from(focus.admin1(key)) / f64::from(weights.admin1_max);
        reason = Reason::DivisionInArticle;
    }
    if level == 1
        && let Some(key) = g.admin1(idx)
        && focus.sure_admin1.contains(&key)
    {
        s += 3.0;
        reason = Reason::DivisionInArticle;
    }
    let pairs = paired_names(&focus.paired, idx);
    // (A town in a state the article names needs one neighbour even against a country:
    // "LEBANON (AP)" of a story that names Ohio.)
    let min_pairs =
        if min_pairs > 1 && level != 1 && g.admin1(idx).is_some_and(|key| focus.admin1(key) > 0) {
            1
        } else {
            min_pairs
        };
    if pairs.len() >= min_pairs.max(1) {
        s += pair_bonus(pairs, min_pairs, max_pairs);
        if reason == Reason::Prior || reason == Reason::CountryInArticle {
            reason = Reason::NearOtherPlaces;
        }
    }
    let area = matches!(p.kind, PlaceKind::Country | PlaceKind::AdminArea) && level != 2;
    let near = if area {
        // (A division is not near its own country's point: the country's bonus says that.)
        let own = (p.kind == PlaceKind::AdminArea)
            .then(|| {
                let c = p.country?;
                focus
                    .country_points
                    .iter()
                    .find(|&&(k, _)| k == c)
                    .map(|&(_, at)| at)
            })
            .flatten();
        focus
            .area_anchors
            .iter()
            .any(|&a| Some(a) != own && near_any(std::slice::from_ref(&a), p.coord, AREA_NEAR_KM))
    } else {
        // (A county is near the towns it holds: "in Monroe County ... near Amory".)
        (p.kind.class() != KindClass::Area || level == 2)
            && near_any(&focus.anchors, p.coord, NEAR_KM)
    };
    if near {
        s += 1.5;
        if reason == Reason::Prior {
            reason = Reason::NearOtherPlaces;
        }
    }
    if let Some(c) = p.country
        && weights.country_max == 0
        && focus.currency.contains(&c)
    {
        s += CURRENCY_BONUS;
        if reason == Reason::Prior {
            reason = Reason::Currency;
        }
    }
    (s, reason)
}

/// A division named like a city inside it ("Rome" the province, "Dublin" the county): the
/// news means the city. Not a small town in a big division ([`MIN_CAPITAL_SHARE`]: Leyte, a
/// town of 7,000 in the province of Leyte of a million people).
fn capital_of_division(idx: PlaceIdx, candidates: &[(PlaceIdx, bool)], g: &Gazetteer) -> bool {
    let d = g.get(idx);
    if d.kind != PlaceKind::AdminArea || g.division_level(idx) == 2 {
        return false;
    }
    let division_population = d.population.unwrap_or(0) as f64;
    candidates.iter().any(|&(c, _)| {
        let city = g.get(c);
        // (Close by, across a disputed line too: Jerusalem of Israel beside the Palestinian
        // governorate of its name.)
        city.kind == PlaceKind::City
            && city.population.unwrap_or(0) as f64 >= MIN_CAPITAL_SHARE * division_population
            && ((city.country == d.country
                && g.admin1(c).is_some_and(|k| g.admin1(idx) == Some(k)))
                || within_km(city.coord, d.coord, CITY_IN_DIVISION_KM))
    })
}

/// The least share of its division's people ([`capital_of_division`]) a town named like the
/// division has where the name means the town: a division's population is the sum of its
/// towns' in the data (some counted twice), so only a town far below any division seat falls
/// under it. (Provincial seats named like their provinces hold several percent at least:
/// Lleida, Venice, Oaxaca.)
const MIN_CAPITAL_SHARE: f64 = 0.01;

/// "Spencer Lewis of Bethel, Vt., declined": a town named with its state or province, where
/// no town of its name lies in the gazetteer, is placed by the division (its best-known
/// point), not taken for a homonym elsewhere. Not where the name is also an area of the
/// division's country (a list: "New York, North Carolina"), only one division after a comma,
/// and not a list going on ("Boston, Maine and Vermont", "Boston, Maine, Ohio").
fn division_of_missing_town(
    text: &str,
    span: &Span,
    next: &Span,
    after_next: Option<&Span>,
    g: &Gazetteer,
    candidates: &[(PlaceIdx, bool)],
) -> Option<PlaceIdx> {
    if text.get(span.end..next.start) != Some(", ") {
        return None;
    }
    // (One division of the name; towns of the name abroad are no matter: "Stroud, Ontario"
    // names the province, not Ontario of California. A town of the name in the division's
    // country may be meant: "Webb-Lawton, Dublin Arts Council".)
    let mut division = None;
    for (role, _) in &next.roles {
        let idx = role.place()?;
        if g.division_level(idx) != 1 {
            if g.get(idx).kind != PlaceKind::City {
                return None;
            }
            continue;
        }
        if division.is_some_and(|d| d != idx) {
            return None;
        }
        division = Some(idx);
    }
    let country = g.get(division?).country;
    if next.roles.iter().any(|&(role, _)| {
        role.place()
            .is_some_and(|idx| g.division_level(idx) != 1 && g.get(idx).country == country)
    }) {
        return None;
    }
    if candidates.iter().any(|&(idx, _)| {
        g.get(idx).kind.class() == KindClass::Area && g.get(idx).country == country
    }) {
        return None;
    }
    // ("Stroud, Ontario, Canada": the division's own country after it goes on with the
    // address, not with a list.)
    let its_country = after_next.is_some_and(|a| {
        a.start == next.end + 2
            && a.roles.iter().any(|&(r, _)| {
                r.place().is_some_and(|p| {
                    g.get(p).kind == PlaceKind::Country && g.get(p).country == country
                })
            })
    });
    let list_goes_on = if its_country {
        word_after(text, next.end).is_some_and(|w| matches!(w, "and" | "or"))
    } else {
        listed_on(text, next.end)
    };
    if list_goes_on { None } else { division }
}

/// A list goes on after the name ending at `end` ("Naivasha, Nakuru and Bunyala", "Kisumu,
/// Nakuru, Naivasha"): no apposition ends there.
fn listed_on(text: &str, end: usize) -> bool {
    word_after(text, end).is_some_and(|w| matches!(w, "and" | "or"))
        || text
            .get(end..)
            .and_then(|a| a.strip_prefix(", "))
            .is_some_and(|a| a.starts_with(char::is_uppercase))
}

/// Words for a part of a city ("the Cincinnati suburb of West Chester").
const PARTS_OF_A_CITY: &[&str] = &[
    "suburb",
    "suburbs",
    "district",
    "neighborhood",
    "neighbourhood",
    "quarter",
    "outskirts",
];

/// A part of a city lies this near the city's point ([`city_of_a_part`]).
const PART_OF_CITY_KM: f64 = 60.0;

/// A city is this large to have parts that news names by it ([`city_of_a_part`]).
const CITY_WITH_PARTS_MIN_POPULATION: u64 = 100_000;

/// The readings of the city `spans[i]` is called a part of: "the {city} suburb of {i}",
/// "{city}'s {i} district", "{i}, a suburb of {city}", "{i}, a {city} suburb". Cities of
/// [`CITY_WITH_PARTS_MIN_POPULATION`] or more only; `None` where the words say no such thing.
fn city_of_a_part(text: &str, spans: &[Span], i: usize, g: &Gazetteer) -> Option<Vec<PlaceIdx>> {
    let span = spans.get(i)?;
    let part_word = |w: &str| PARTS_OF_A_CITY.contains(&w);
    let gap = |a: &Span, b: &Span| text.get(a.end..b.start);
    let before = i.checked_sub(1).and_then(|k| spans.get(k));
    let after = spans.get(i + 1);
    let city = before
        .filter(|b| {
            gap(b, span).is_some_and(|g| {
                g.strip_prefix(' ')
                    .and_then(|g| g.strip_suffix(" of "))
                    .is_some_and(part_word)
                    || (matches!(g, "'s " | "\u{2019}s ")
                        && word_after(text, span.end).is_some_and(part_word))
            })
        })
        .or_else(|| {
            after.filter(|a| {
                gap(span, a).is_some_and(|g| {
                    g.strip_prefix(", a ")
                        .and_then(|g| g.strip_suffix(" of "))
                        .is_some_and(part_word)
                        || (g == ", a " && word_after(text, a.end).is_some_and(part_word))
                })
            })
        })?;
    let cities: Vec<PlaceIdx> = city
        .roles
        .iter()
        .filter_map(|&(r, _)| r.place())
        .filter(|&p| {
            g.get(p).kind == PlaceKind::City
                && g.get(p).population.unwrap_or(0) >= CITY_WITH_PARTS_MIN_POPULATION
        })
        .collect();
    (!cities.is_empty()).then_some(cities)
}

/// A city this near a division's point of the same name is taken to lie in it.
const CITY_IN_DIVISION_KM: f64 = 150.0;

/// Some anchor lies within `km` of `p` (and is not `p` itself). The gap in latitude first: it
/// is the cheapest test, and most anchors of an article lie degrees away from a reading.
fn near_any(anchors: &[LatLon], p: LatLon, km: f64) -> bool {
    let max_dlat = km / 111.0;
    anchors.iter().any(|a| {
        (a.lat - p.lat).abs() <= max_dlat
            && near_in_longitude(*a, p, km)
            && a.closer_than_km(p, km)
            && !a.closer_than_km(p, 0.5)
    })
}

/// The names that words of local news mark somewhere in the article ([`Cues::local`]: "Paris
/// police", "a Paris man"): the article reports on the town of that name.
fn locally_reported_names<'t>(text: &'t str, spans: &[Span]) -> Vec<&'t str> {
    spans
        .iter()
        .filter(|s| s.cues.local)
        .filter_map(|s| text.get(s.start..s.end))
        .collect()
}

/// What a town near the article's other places gains where the article reports on a town of
/// its name ([`locally_reported_names`]): local news is about the town next to the places it
/// names, not a famous namesake a continent away ("Paris police" in a story that names
/// Dallas).
const LOCAL_NEAR_BONUS: f64 = 2.0;

/// Raises the towns near the article's other places in another country than the best
/// reading's, for a name the article reports on as a town ([`LOCAL_NEAR_BONUS`]). A namesake in
/// the same country gains nothing: the anchors may be the name's own quarters ("North
/// Arlington" beside "Arlington").
fn local_town_over_namesake_abroad(
    scored: &mut [(PlaceIdx, f64, Reason)],
    g: &Gazetteer,
    focus: &Focus<'_>,
) {
    let Some(&(best, _, _)) = scored.iter().max_by(|a, b| a.1.total_cmp(&b.1)) else {
        return;
    };
    let abroad = g.get(best).country;
    for (idx, s, _) in scored {
        let p = g.get(*idx);
        if p.kind == PlaceKind::City
            && p.country != abroad
            && near_any(&focus.anchors, p.coord, NEAR_KM)
        {
            *s += LOCAL_NEAR_BONUS;
        }
    }
}

/// The best candidate, the confidence in it and why; `local`: the words around the mention
/// are those of local news ([`Cues::local`]); `local_name`: such words stand by the name
/// somewhere in the article. `scored`: a list to work in ([`Scratch::scored`]); `factors`:
/// the round's country size factors ([`CountryFactors`]).
fn choose<'g>(
    candidates: &[(PlaceIdx, bool)],
    g: &'g Gazetteer,
    focus: &Focus<'_>,
    (local, local_name): (bool, bool),
    (scored, factors): (&mut Vec<(PlaceIdx, f64, Reason)>, &mut CountryFactors<'g>),
) -> (PlaceIdx, f32, Reason) {
    // A lone reading is the choice, with all the confidence its layer allows: no score can
    // share it out (the callers give such a mention a reason of their own).
    if let &[(only, _)] = candidates {
        return (
            only,
            layer_confidence(g, only) as f32,
            Reason::OnlyCandidate,
        );
    }
    // A country's name means the country unless the context settles on a town or a state of
    // that name ("Mexico" the country in an article that names New York, where Mexico, N.Y.
    // lies; the town wins in apposition: "Mexico, Mo."; "Georgia" is the state only where the
    // article's other places are American).
    let country = !local
        && candidates
            .iter()
            .any(|&(idx, _)| g.get(idx).kind == PlaceKind::Country);
    // A cluster of names settles among towns and counties; against a state of the name
    // ("Florida" beside New York and Riverdale) one neighbour counts, as for a pair; against a
    // country two must ("Jamaica" in a story of Houston is the island, though Jamaica of
    // Queens lies beside a Freeport of New York and Freeport is named).
    let pairs = if country {
        (2, 2)
    } else if candidates
        .iter()
        .any(|&(idx, _)| g.get(idx).kind == PlaceKind::Country || g.division_level(idx) == 1)
    {
        (1, 1)
    } else {
        (1, PAIR_MAX_NAMES)
    };
    let weights = Weights::of(focus);
    scored.clear();
    scored.extend(candidates.iter().map(|&(idx, primary)| {
        let (s, r) = score(idx, primary, g, focus, (&weights, pairs), factors);
        (idx, s + choice_adjustment(idx, candidates, country, g), r)
    }));
    if local_name {
        local_town_over_namesake_abroad(scored, g, focus);
    }
    let (best, best_score, reason) = scored
        .iter()
        .copied()
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .unwrap_or((candidates[0].0, 0.0, Reason::Prior));
    let village = best;
    let (best, best_score, reason) =
        world_city_over_village(scored, g, focus, (best, best_score, reason));
    let (best, best_score, reason) =
        division_over_village(scored, candidates, g, (best, best_score, reason));
    // A village the world city or the division was chosen over is no rival to it ("Riyadh" in
    // a story of Sudan, where a Khartoum neighbourhood bears the name, is the Saudi capital,
    // with the confidence of a city that wins on its own).
    let dismissed = (best != village).then_some(village);
    // Share of the best among all candidates, reading scores as log10 odds; a reading that
    // puts the marker where the best does (Hong Kong the territory and the city, Kuwait the
    // country and its capital) agrees with it rather than standing against it.
    let here = g.get(best).coord;
    let (agreeing, total) = scored
        .iter()
        .filter(|&&(idx, _, _)| Some(idx) != dismissed)
        .fold((0.0, 0.0), |(agreeing, total), &(idx, s, _)| {
            // (10^0 is 1 exactly: the best's own odds, and its equals', without libm's pow.)
            let gap = s - best_score;
            let odds = if gap == 0.0 { 1.0 } else { 10f64.powf(gap) };
            let agrees = idx == best || within_km(g.get(idx).coord, here, SAME_MARKER_KM);
            (agreeing + if agrees { odds } else { 0.0 }, total + odds)
        });
    let share = agreeing / total;
    (best, (layer_confidence(g, best) * share) as f32, reason)
}

/// What [`choose`] adds to a reading's [`score`] for its rivals: a town or a division yields to
/// a country of its name (`country`: the name is a country's, and no words of local news say
/// otherwise), a division to a city of its name inside it.
fn choice_adjustment(
    idx: PlaceIdx,
    candidates: &[(PlaceIdx, bool)],
    country: bool,
    g: &Gazetteer,
) -> f64 {
    let mut s = 0.0;
    if country {
        match g.get(idx).kind {
            PlaceKind::Country => {}
            PlaceKind::AdminArea => s -= COUNTRY_OVER_DIVISION,
            _ => s -= COUNTRY_PRIOR,
        }
    }
    if capital_of_division(idx, candidates, g) {
        s -= COUNTRY_PRIOR;
    }
    s
}

/// The confidence in a reading that has no rival: lower for the broad layer's places.
fn layer_confidence(g: &Gazetteer, idx: PlaceIdx) -> f64 {
    if g.get(idx).source == PlaceSource::Broad {
        0.8
    } else {
        0.95
    }
}

/// Readings this close put one marker for a reader of the map ([`choose`]'s confidence).
const SAME_MARKER_KM: f64 = 25.0;

/// Below this population a town chosen by the article's state or country gives way to a city
/// of [`WORLD_CITY_POPULATION`] of another country the article names
/// ([`world_city_over_village`]).
const NAMED_COUNTRY_VILLAGE: u64 = 20_000;

/// A city from this population is what its name means even where a village in the article's
/// state or country bears the name ([`world_city_over_village`]).
const WORLD_CITY_POPULATION: u64 = 1_000_000;

/// Below this population a town does not stand against a first-level division of its
/// country named by its own name ([`division_over_village`]).
const DIVISION_NAMESAKE_TOWN: u64 = 10_000;

/// "In Wales, the storm closed the bridge" in a story of England's north: a village of
/// England named Wales (6,000 people), though the story's division is its division, does not
/// stand against the country's own Wales, another division. Not a town in the division of its
/// name (Tipperary: see [`capital_of_division`]), nor where a city bears the name too (the
/// village Washington of Georgia against the state and the capital). A town settled by an
/// apposition or by the name's earlier reading has no rival here.
fn division_over_village(
    scored: &[(PlaceIdx, f64, Reason)],
    candidates: &[(PlaceIdx, bool)],
    g: &Gazetteer,
    best: (PlaceIdx, f64, Reason),
) -> (PlaceIdx, f64, Reason) {
    let p = g.get(best.0);
    if !broad_town_below(g, best.0, DIVISION_NAMESAKE_TOWN)
        || candidates.iter().any(|&(idx, _)| {
            g.get(idx).kind == PlaceKind::City
                && g.get(idx).population.unwrap_or(0) >= DIVISION_NAMESAKE_CITY
        })
    {
        return best;
    }
    let home = g.admin1(best.0);
    scored
        .iter()
        .zip(candidates)
        .find(|&(&(idx, _, _), &(_, primary))| {
            primary
                && g.division_level(idx) == 1
                && g.get(idx).country == p.country
                && home.is_some()
                && g.admin1(idx) != home
        })
        .map_or(best, |(&(idx, s, _), _)| (idx, s, Reason::Prior))
}

/// `idx` is a town of the broad layer below `population` people: a reading a namesake of
/// standing may displace ([`division_over_village`], [`world_city_over_village`]).
fn broad_town_below(g: &Gazetteer, idx: PlaceIdx, population: u64) -> bool {
    let p = g.get(idx);
    p.source == PlaceSource::Broad
        && p.kind == PlaceKind::City
        && p.population.unwrap_or(0) < population
}

/// A city from this population bearing a division's name leaves the contest of the division
/// and its village namesakes to the context ([`division_over_village`]).
const DIVISION_NAMESAKE_CITY: u64 = 100_000;

/// "seized across from San Diego" in a story of Sinaloa: a village below [`TINY_TOWN`] that wins
/// only by lying where the article is does not stand against a city of a million of its name
/// (a town of some size in the state named, "Paris" of Texas, keeps its ground), nor a town
/// below [`NAMED_COUNTRY_VILLAGE`] against such a city of a country the article names too
/// ("from New York and Toronto" in a story of Canada's and New South Wales's cases: not the
/// Toronto of 5,700 people in New South Wales).
fn world_city_over_village(
    scored: &[(PlaceIdx, f64, Reason)],
    g: &Gazetteer,
    focus: &Focus<'_>,
    best: (PlaceIdx, f64, Reason),
) -> (PlaceIdx, f64, Reason) {
    if let Some(city) = world_city_of_a_named_country(scored, g, focus, best) {
        return city;
    }
    if !broad_town_below(g, best.0, NAMED_COUNTRY_VILLAGE) {
        return best;
    }
    let village = g.get(best.0).population.unwrap_or(0);
    // (A town of some size stands only against a city of a country not named.)
    largest_world_city(scored, g, |q| {
        village < TINY_TOWN || q.country.is_some_and(|c| focus.countries.count(c) > 0)
    })
    .map_or(best, |(idx, s)| (idx, s, Reason::Prior))
}

/// The most populous reading of `scored` that is a city of [`WORLD_CITY_POPULATION`] or more
/// and passes `keep`, with its score.
fn largest_world_city(
    scored: &[(PlaceIdx, f64, Reason)],
    g: &Gazetteer,
    keep: impl Fn(&crate::gazetteer::PlaceRef<'_>) -> bool,
) -> Option<(PlaceIdx, f64)> {
    scored
        .iter()
        .filter(|&&(idx, _, _)| {
            let q = g.get(idx);
            q.kind == PlaceKind::City
                && q.population.unwrap_or(0) >= WORLD_CITY_POPULATION
                && keep(&q)
        })
        .max_by_key(|&&(idx, _, _)| g.get(idx).population.unwrap_or(0))
        .map(|&(idx, s, _)| (idx, s))
}

/// A city of a million a town must be this many times smaller than to give way to it
/// ([`world_city_of_a_named_country`]).
const WORLD_CITY_TIMES_TOWN: u64 = 10;

/// "between New York and St. Petersburg" in a story that names Russia and the United States: a
/// town chosen by its country's mentions alone (no division of it named, no neighbour, no
/// apposition) does not stand against a city of a million, [`WORLD_CITY_TIMES_TOWN`] times
/// its size, of another country the article names by its name, a division or its people
/// (the Russian city, not Florida's). Where the town's state is named or a neighbour is near
/// it, the reason is another and the town stays.
fn world_city_of_a_named_country(
    scored: &[(PlaceIdx, f64, Reason)],
    g: &Gazetteer,
    focus: &Focus<'_>,
    best: (PlaceIdx, f64, Reason),
) -> Option<(PlaceIdx, f64, Reason)> {
    let p = g.get(best.0);
    if best.2 != Reason::CountryInArticle || p.kind != PlaceKind::City {
        return None;
    }
    let town = p.population.unwrap_or(0).max(1);
    largest_world_city(scored, g, |q| {
        q.population.unwrap_or(0) / WORLD_CITY_TIMES_TOWN >= town
            && q.country != p.country
            && q.country.is_some_and(|c| focus.areas.count(c) > 0)
    })
    .map(|(idx, s)| (idx, s, Reason::CountryInArticle))
}

#[cfg(test)]
mod tests;
