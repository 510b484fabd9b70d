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
//! - Demonyms ("Libyan") are never mentions, but they and unambiguous mentions are evidence of
//!   countries ([`ContextCountries`]). Homonyms are resolved by the article's focus, the way
//!   CLAVIN, Mordecai and the Edinburgh Geoparser do: an apposition right after the name
//!   ("Paris, Tenn.", "Tripoli, Lebanon"), a division word ("Laurel County"), the divisions and
//!   countries the article names (a dateline counts three times), spatial coherence with the
//!   towns it names unambiguously, one sense per article, then a prior by kind and population
//!   (curated over broad, primary names over alternate names). Each mention keeps its
//!   [`Reason`].
//! - Abbreviations ("U.S.", "Ky.", "NSW") match only with their exact case; a division's short
//!   form only in apposition or after a preposition. Weak names (mostly persons: "Victoria")
//!   need a place cue. Names inside street, square, hotel and airline names are not places.
//! - The unknown-name finder (capitalised names that look like places but match nothing) lives
//!   in [`unknown`].

use serde::Serialize;

use crate::coord::LatLon;
use crate::gazetteer::names::{NameHit, is_abbreviation};
use crate::gazetteer::{Gazetteer, KindClass, NameRole, PlaceIdx, PlaceKind, PlaceSource};

mod unknown;

pub use unknown::{UnknownName, unknown_place_names};

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

/// Countries named or implied (by demonyms, by places that exist in only one country) in an
/// article: the evidence used to choose between homonyms.
///
/// An article names a handful of countries, so both lists are small vectors searched linearly:
/// cheaper than hashing for every span of every article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContextCountries {
    /// ISO alpha-2 code (upper case) and its number of mentions, in order of first mention.
    counts: Vec<(String, u32)>,
    /// Countries with a mention of one of their provinces or states ("Idaho").
    with_admin_area: Vec<String>,
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
        // Keys are upper-cased on insertion, so this finds the key `iso.to_ascii_uppercase()`.
        match self
            .counts
            .iter_mut()
            .find(|(k, _)| k.eq_ignore_ascii_case(iso))
        {
            Some((_, count)) => *count += n,
            None => self.counts.push((iso.to_ascii_uppercase(), n)),
        }
    }

    fn add_admin_area(&mut self, iso: &str) {
        if !self.with_admin_area.iter().any(|c| c == iso) {
            self.with_admin_area.push(iso.to_owned());
        }
    }

    /// Adds all the evidence of `other`.
    pub fn extend(&mut self, other: &ContextCountries) {
        for (iso, n) in &other.counts {
            self.add(iso, *n);
        }
        for iso in &other.with_admin_area {
            self.add_admin_area(iso);
        }
    }

    /// Mentions of the country `iso`.
    pub fn count(&self, iso: &str) -> u32 {
        self.counts
            .iter()
            .find_map(|(k, n)| (k == iso).then_some(*n))
            .unwrap_or(0)
    }

    /// The countries with their mentions, most mentioned first.
    pub fn ranked(&self) -> Vec<(&str, u32)> {
        let mut out: Vec<(&str, u32)> = self.counts.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        out
    }

    fn max(&self) -> u32 {
        self.counts.iter().map(|(_, n)| *n).max().unwrap_or(0)
    }

    fn from_spans(spans: &[Span], g: &Gazetteer) -> Self {
        let mut ctx = ContextCountries::new();
        for span in spans {
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

/// Why a place was chosen for a mention: shown on hover and exported (`reason`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The only place with this name.
    OnlyCandidate,
    /// "Paris, Texas", "Athens, Ga.", "Tripoli (Lebanon)": the place inside the one named next.
    Apposition,
    /// A place inside a state or province the article names.
    DivisionInArticle,
    /// A place in a country the article names most.
    CountryInArticle,
    /// The same name earlier in the article was settled ("one sense per article").
    OneSense,
    /// Near towns the article names unambiguously (spatial coherence).
    NearOtherPlaces,
    /// No context decides: the curated entry, or the largest place (countries and divisions
    /// before towns).
    Prior,
    /// "Russian", "Palestinians": a demonym names the country (or continent) of a people, not a
    /// place where something happened. Such a mention is kept (it is a reference to the place)
    /// but makes no event.
    Demonym,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::OnlyCandidate => "only_candidate",
            Reason::Apposition => "apposition",
            Reason::DivisionInArticle => "division_in_article",
            Reason::CountryInArticle => "country_in_article",
            Reason::OneSense => "one_sense",
            Reason::NearOtherPlaces => "near_other_places",
            Reason::Prior => "prior",
            Reason::Demonym => "demonym",
        }
    }

    /// Why, in words, for the hover of a mention.
    pub fn describe(self) -> &'static str {
        match self {
            Reason::OnlyCandidate => "the only place of this name",
            Reason::Apposition => "named with its state or country (\"Athens, Ga.\")",
            Reason::DivisionInArticle => "inside a state or province the article names",
            Reason::CountryInArticle => "in the country the article names most",
            Reason::OneSense => "the place this name meant earlier in the article",
            Reason::NearOtherPlaces => "near other places the article names",
            Reason::Prior => "the best-known place of this name: nothing in the article decides",
            Reason::Demonym => {
                "named by its people (\"Russian\"): a reference, not where something happened"
            }
        }
    }
}

/// The most unambiguous places kept as anchors for spatial coherence (see [`score`]).
const MAX_ANCHORS: usize = 128;

/// The article's geographic focus: its countries (with [`ContextCountries`]) and the
/// first-level divisions it names or whose places it names unambiguously.
#[derive(Clone, Debug, Default)]
struct Focus {
    countries: ContextCountries,
    /// `CC.code` keys of divisions, with their weight.
    admin1: Vec<(String, u32)>,
    /// Countries named by countries, divisions, regions and demonyms only (not by towns).
    areas: ContextCountries,
    /// Points of the towns, facilities and counties the article names unambiguously: a
    /// homonym near them wins (spatial coherence).
    anchors: Vec<LatLon>,
    /// Readings of ambiguous names that lie close to a reading of another ambiguous name
    /// ("Huntsville" and "Walker County": the Texas ones), sorted.
    paired: Vec<PlaceIdx>,
}

impl Focus {
    fn add_admin1(&mut self, key: &str, n: u32) {
        match self.admin1.iter_mut().find(|(k, _)| k == key) {
            Some((_, c)) => *c += n,
            None => self.admin1.push((key.to_owned(), n)),
        }
    }

    fn admin1(&self, key: &str) -> u32 {
        self.admin1
            .iter()
            .find_map(|(k, n)| (k == key).then_some(*n))
            .unwrap_or(0)
    }
}

/// Finds the place mentions in `text`, sorted by `start`, non-overlapping.
pub fn find_places(text: &str, gazetteer: &Gazetteer) -> Vec<PlaceMention> {
    find_places_with_context(text, gazetteer, &ContextCountries::new())
}

/// Like [`find_places`], with extra evidence of countries (from the title, the corpus, the
/// user) added to what the text itself says.
pub fn find_places_with_context(
    text: &str,
    gazetteer: &Gazetteer,
    extra: &ContextCountries,
) -> Vec<PlaceMention> {
    let g = gazetteer;
    let spans = accepted_spans(text, g);
    let mut focus = Focus {
        countries: ContextCountries::from_spans(&spans, g),
        admin1: Vec::new(),
        anchors: Vec::new(),
        areas: ContextCountries::new(),
        paired: Vec::new(),
    };
    let area_spans: Vec<Span> = spans
        .iter()
        .filter(|s| {
            s.roles.iter().all(|&(r, _)| match r {
                NameRole::Demonym(_) => true,
                _ => g.get(r.idx()).kind.class() == KindClass::Area,
            })
        })
        .cloned()
        .collect();
    focus.areas = ContextCountries::from_spans(&area_spans, g);
    focus.areas.extend(extra);
    focus.countries.extend(extra);
    // Candidates per span, narrowed by appositions and division words.
    let mut cands: Vec<(Vec<(PlaceIdx, bool)>, bool)> = Vec::with_capacity(spans.len());
    for (i, span) in spans.iter().enumerate() {
        let mut c: Vec<(PlaceIdx, bool)> = span
            .roles
            .iter()
            .filter_map(|&(r, primary)| r.place().map(|p| (p, primary)))
            .collect();
        c.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        c.dedup_by_key(|x| x.0);
        let mut narrowed = false;
        if c.len() > 1 {
            if span.division_word {
                let divisions: Vec<(PlaceIdx, bool)> = c
                    .iter()
                    .copied()
                    .filter(|(p, _)| g.division_level(*p) > 0)
                    .collect();
                if !divisions.is_empty() {
                    c = divisions;
                }
            }
            if let Some(next) = spans.get(i + 1) {
                narrowed = narrow_by_container(text, span, next, g, &mut c);
            }
        }
        cands.push((c, narrowed));
    }
    // The focus from what is unambiguous: one-candidate spans, appositions, divisions; a
    // dateline counts three times.
    for (span, (c, narrowed)) in spans.iter().zip(&cands) {
        let weight = if at_line_start(text, span.start) && is_all_caps(&text[span.start..span.end])
        {
            3
        } else {
            1
        };
        let sure = c.len() == 1 || *narrowed;
        for &(p, _) in c {
            // A state or province among few readings ("Georgia": the country or the state).
            if !sure
                && c.len() <= 2
                && g.division_level(p) == 1
                && let Some(key) = g.admin1(p)
            {
                focus.add_admin1(key, 1);
            }
        }
        if sure && let Some(&(p, _)) = c.first() {
            if let Some(key) = g.admin1(p) {
                focus.add_admin1(key, weight);
            }
            let coord = g.get(p).coord;
            let anchor = g.get(p).kind.class() != KindClass::Area || g.division_level(p) == 2;
            // The first places named decide the article's ground; a bound keeps the coherence
            // test linear in the number of mentions (a list of thousands of towns).
            if anchor && focus.anchors.len() < MAX_ANCHORS && !focus.anchors.contains(&coord) {
                focus.anchors.push(coord);
            }
        }
        if weight > 1
            && let Some(&(p, _)) = c.first()
            && let Some(country) = g.get(p).country
        {
            focus.countries.add(country, weight);
        }
    }
    focus.paired = paired_readings(text, &spans, &cands, g);
    let mut out: Vec<PlaceMention> = Vec::with_capacity(spans.len());
    // One sense per article: a surface settled by an apposition keeps that place.
    let mut settled: Vec<(String, PlaceIdx)> = Vec::new();
    for (span, (c, narrowed)) in spans.iter().zip(&cands) {
        if c.is_empty() {
            out.extend(demonym_mention(text, span, g, &focus));
            continue;
        }
        let surface = text[span.start..span.end].to_lowercase();
        if *narrowed && c.len() == 1 {
            settled.push((surface.clone(), c[0].0));
        }
        let earlier = settled
            .iter()
            .find(|(s, p)| *s == surface && c.iter().any(|(q, _)| q == p))
            .map(|(_, p)| *p);
        let (place, confidence, reason) = match earlier {
            Some(p) if !*narrowed => (p, 0.9, Reason::OneSense),
            _ => {
                let (p, conf, why) = choose(c, g, &focus);
                let reason = if *narrowed {
                    Reason::Apposition
                } else if c.len() == 1 {
                    Reason::OnlyCandidate
                } else {
                    why
                };
                (p, conf, reason)
            }
        };
        if !*narrowed && far_from_focus(place, reason, c.len(), g, &focus) {
            out.extend(demonym_mention(text, span, g, &focus));
            continue;
        }
        let confidence = if span.embedded || span.modifier {
            confidence * 0.5
        } else {
            confidence
        };
        let end = if span.division_word && g.division_level(place) > 0 {
            span.end_with_word
        } else {
            span.end
        };
        out.push(PlaceMention {
            start: span.start,
            end,
            place,
            confidence,
            reason,
        });
    }
    out
}

/// The mention of the country (or continent) whose demonym the span is ("Russian" in "Russian
/// troops", "Palestinians"), unless it opens an organisation's name ("American Airlines") or
/// the span has no demonym reading.
fn demonym_mention(text: &str, span: &Span, g: &Gazetteer, focus: &Focus) -> Option<PlaceMention> {
    if span.embedded || embedded_in_name(text, span.start, span.end) {
        return None;
    }
    let mut c: Vec<(PlaceIdx, bool)> = span
        .roles
        .iter()
        .filter(|(r, _)| matches!(r, NameRole::Demonym(_)))
        .map(|&(r, _)| (r.idx(), true))
        .collect();
    c.sort_unstable();
    c.dedup_by_key(|x| x.0);
    if c.is_empty() {
        return None;
    }
    let (place, confidence, _) = choose(&c, g, focus);
    Some(PlaceMention {
        start: span.start,
        end: span.end,
        place,
        confidence,
        reason: Reason::Demonym,
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

/// How close two readings of different ambiguous names must be to support each other: a town
/// and the county it lies in, two neighbouring towns.
const PAIR_KM: f64 = 60.0;
/// Ambiguous names and readings per name compared for [`paired_readings`] (the most populous
/// readings), which bounds the pairwise test.
const MAX_PAIRED_NAMES: usize = 32;
const MAX_PAIRED_READINGS: usize = 16;

/// Readings of ambiguous names that lie within [`PAIR_KM`] of a reading of another ambiguous
/// name. An article that names "Huntsville" and "Walker County" means the pair that lies
/// together (both in Texas), though neither name settles anything alone: the joint reading
/// with the smallest spread, as in Leidner's and CLAVIN's coherence heuristics. Countries and
/// first-level divisions are too large for a point to say anything and are left out.
fn paired_readings(
    text: &str,
    spans: &[Span],
    cands: &[(Vec<(PlaceIdx, bool)>, bool)],
    g: &Gazetteer,
) -> Vec<PlaceIdx> {
    let ambiguous = cands
        .iter()
        .filter(|(c, narrowed)| c.len() > 1 && !narrowed)
        .count();
    if ambiguous < 2 {
        return Vec::new();
    }
    // (surface, readings) per distinct ambiguous surface.
    let mut names: Vec<(&str, Vec<(PlaceIdx, LatLon)>)> = Vec::new();
    for (span, (c, narrowed)) in spans.iter().zip(cands) {
        if c.len() < 2 || *narrowed {
            continue;
        }
        let surface = text.get(span.start..span.end).unwrap_or("");
        if names.iter().any(|(s, _)| s.eq_ignore_ascii_case(surface)) {
            continue;
        }
        if names.len() == MAX_PAIRED_NAMES {
            break;
        }
        let mut readings: Vec<(u64, PlaceIdx, LatLon)> = c
            .iter()
            .filter_map(|&(p, _)| {
                let place = g.get(p);
                (place.kind != PlaceKind::Country && g.division_level(p) != 1)
                    .then(|| (place.population.unwrap_or(0), p, place.coord))
            })
            .collect();
        readings.sort_by_key(|&(pop, _, _)| std::cmp::Reverse(pop));
        readings.truncate(MAX_PAIRED_READINGS);
        let readings: Vec<(PlaceIdx, LatLon)> =
            readings.into_iter().map(|(_, p, at)| (p, at)).collect();
        if !readings.is_empty() {
            names.push((surface, readings));
        }
    }
    // 60 km is about 0.54 degrees of latitude: a cheap test before the distance.
    let max_dlat = PAIR_KM / 111.0;
    let mut out = Vec::new();
    for (i, (_, a)) in names.iter().enumerate() {
        for (j, (_, b)) in names.iter().enumerate() {
            if i == j {
                continue;
            }
            for &(p, pc) in a {
                let close = b.iter().any(|&(q, qc)| {
                    q != p
                        && (pc.lat - qc.lat).abs() < max_dlat
                        && near_in_longitude(pc, qc, PAIR_KM)
                        && pc.distance_km(qc) < PAIR_KM
                });
                if close {
                    out.push(p);
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Below this population a town needs support from the article (its country, a division, a
/// neighbour, an apposition) to be taken.
const TINY_TOWN: u64 = 5_000;

/// A small town chosen only by its population in an article whose focus is elsewhere: most
/// likely a name that means something else here ("Alameda" in Santiago), so it is left out.
fn far_from_focus(
    place: PlaceIdx,
    reason: Reason,
    candidates: usize,
    g: &Gazetteer,
    focus: &Focus,
) -> bool {
    let p = g.get(place);
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
    let elsewhere = p.country.is_none_or(|c| focus.areas.count(c) == 0);
    // A village that nothing in the article supports: "Nato", "Romeo" are villages too.
    if unsupported && elsewhere && p.population.unwrap_or(0) < TINY_TOWN {
        return true;
    }
    if candidates < 2 {
        return false;
    }
    // Chosen by its size alone, a town must be large to stand against the article's focus.
    let limit = if reason == Reason::Prior {
        200_000
    } else {
        50_000
    };
    p.population.unwrap_or(0) < limit && focus.areas.max() >= 2 && elsewhere
}

/// An accepted occurrence of one or more names at the same place in the text.
#[derive(Clone, Debug)]
struct Span {
    start: usize,
    end: usize,
    /// What the name may stand for, and whether the spelling is the place's primary name.
    roles: Vec<(NameRole, bool)>,
    /// A division word follows ("Laurel County", "Sindh Province"): divisions win, and the
    /// mention includes the word (up to `end_with_word`).
    division_word: bool,
    end_with_word: usize,
    /// Inside an organisation's name ("Bank of Italy"): kept with a low confidence.
    embedded: bool,
    /// Opens an organisation's name ("the Ohio Supreme Court"): the place is meant, with a low
    /// confidence.
    modifier: bool,
}

fn prev_char(text: &str, at: usize) -> Option<char> {
    text.get(..at).and_then(|s| s.chars().next_back())
}

fn next_char(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|s| s.chars().next())
}

fn at_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    !prev_char(text, start).is_some_and(char::is_alphanumeric)
        && !next_char(text, end).is_some_and(char::is_alphanumeric)
}

fn is_all_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if c.is_lowercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// Generic words of facility and area names whose case news writers vary ("Al-Watiya Air Base",
/// "Al-Watiya air base"); the matcher ignores their case.
const GENERIC_WORDS: &[&str] = &[
    "air",
    "airbase",
    "airport",
    "and",
    "base",
    "city",
    "college",
    "complex",
    "district",
    "gas",
    "governorate",
    "international",
    "military",
    "oil",
    "plant",
    "port",
    "province",
    "terminal",
];

/// True when `surface` has a capital at the start of every word where `spelling` has one,
/// generic words aside (the name index already checked the letters, ignoring ASCII case).
fn case_matches(surface: &str, spelling: &str) -> bool {
    if surface == spelling {
        return true;
    }
    // A one-word name is a name only capitalised, generic or not ("College", Alaska).
    if !spelling.contains([' ', '-']) && is_capitalised(spelling) && !is_capitalised(surface) {
        return false;
    }
    let mut s_rest = surface;
    let mut p_rest = spelling;
    while let Some(p_start) = p_rest.find(char::is_alphanumeric) {
        // ASCII-case-insensitive equality keeps byte offsets aligned.
        let s_word_and_rest = &s_rest[p_start..];
        let p_word_and_rest = &p_rest[p_start..];
        let len = p_word_and_rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(p_word_and_rest.len());
        let (s_word, p_word) = (&s_word_and_rest[..len], &p_word_and_rest[..len]);
        let generic = GENERIC_WORDS.iter().any(|g| g.eq_ignore_ascii_case(p_word));
        if !generic && is_capitalised(p_word) && !is_capitalised(s_word) {
            return false;
        }
        s_rest = &s_word_and_rest[len..];
        p_rest = &p_word_and_rest[len..];
    }
    true
}

fn at_line_start(text: &str, start: usize) -> bool {
    text.get(..start).is_none_or(|before| {
        let line = before.rsplit('\n').next().unwrap_or("");
        line.trim().is_empty()
    })
}

/// Words that may stand capitalised before a place at the start of a sentence.
const FUNCTION_WORDS: &[&str] = &[
    "A", "About", "Across", "After", "Against", "Along", "Also", "An", "And", "Around", "As", "At",
    "Before", "Behind", "Beyond", "Both", "But", "By", "Despite", "During", "East", "Eastern",
    "For", "From", "In", "Inside", "Into", "Near", "North", "Northern", "Of", "On", "Or",
    "Outside", "Over", "Since", "South", "Southern", "The", "Through", "To", "Toward", "Towards",
    "Under", "Until", "Via", "West", "Western", "When", "Where", "While", "With", "Within",
];

/// The word right before `start` when only one space separates them, and the word right after
/// `end` likewise.
fn neighbour_words(text: &str, start: usize, end: usize) -> (Option<&str>, Option<&str>) {
    let before = text
        .get(..start)
        .and_then(|b| b.strip_suffix(' '))
        .map(|b| {
            let from = b
                .rfind(|c: char| !c.is_alphanumeric())
                .map_or(0, |i| i + b[i..].chars().next().map_or(1, char::len_utf8));
            &b[from..]
        });
    let after = text.get(end..).and_then(|a| a.strip_prefix(' ')).map(|a| {
        let to = a.find(|c: char| !c.is_alphanumeric()).unwrap_or(a.len());
        &a[..to]
    });
    (
        before.filter(|w| !w.is_empty()),
        after.filter(|w| !w.is_empty()),
    )
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A one-word broad name inside a run of capitalised words ("Prime Minister Giuseppe Conte",
/// "Sabratha Martyrs Brigade") is most likely part of a person's or organisation's name.
fn inside_capitalised_run(text: &str, start: usize, end: usize) -> bool {
    let (before, after) = neighbour_words(text, start, end);
    // A capitalised word before is a given name already; what remains are initials and titles.
    let before_is_name = before.is_some_and(|w| is_capitalised(w) && !FUNCTION_WORDS.contains(&w))
        || after_initial_or_title(text, start);
    let after_is_name = after.is_some_and(|w| {
        is_capitalised(w) && !INSTITUTION_WORDS.contains(&w) && !DIVISION_WORDS.contains(&w)
    });
    before_is_name || after_is_name
}

/// "Libya National Air Force", "Syria National Army": the country name is part of an
/// organisation's name.
fn starts_organisation_name(text: &str, end: usize) -> bool {
    text.get(end..)
        .and_then(|a| a.strip_prefix(" National "))
        .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
}

/// Words that, right before a name, make it part of a street, square, building or company name:
/// "Plaza Italia", "Avenida Chile", "Air France". The name is not that place.
const EMBEDDING_BEFORE: &[&str] = &[
    "Air",
    "Avenida",
    "Avenue",
    "Boulevard",
    "Calle",
    "Camino",
    "Hotel",
    "Paseo",
    "Piazza",
    "Place",
    "Plaza",
    "Plazuela",
    "Praça",
    "Rue",
    "Via",
    "Viale",
];
/// Words that, right after a name, make it part of a street, building or company name:
/// "Italia Street", "Paris Hilton" is caught by the capitalised-run rule, these by any layer.
const EMBEDDING_AFTER: &[&str] = &[
    "Airlines",
    "Airways",
    "Ave",
    "Avenue",
    "Blvd",
    "Boulevard",
    "Drive",
    "Hotel",
    "Lane",
    "Rd",
    "Road",
    "Square",
    "St",
    "Street",
    "Times",
    "Post",
    "Herald",
    "Tribune",
    "Gazette",
];
/// Organisation words before "of": "Bank of Italy" names Italy only loosely (tier B).
const ORGANISATION_OF: &[&str] = &[
    "Bank",
    "Church",
    "College",
    "Council",
    "Institute",
    "Museum",
    "School",
    "University",
];
/// Division words after a name: "Laurel County", "Sindh Province".
const DIVISION_WORDS: &[&str] = &[
    "Borough",
    "County",
    "District",
    "Governorate",
    "Oblast",
    "Parish",
    "Prefecture",
    "Province",
    "Region",
    "State",
    "Territory",
    "state",
];
/// Lower-case words after which a name means a place: "in Victoria", "to Santiago".
const PLACE_PREPOSITIONS: &[&str] = &[
    "across", "around", "at", "from", "in", "into", "near", "outside", "through", "to", "toward",
    "towards", "visit", "visited", "within",
];

/// The word right after `end` (after one space), if any.
fn word_after(text: &str, end: usize) -> Option<&str> {
    neighbour_words(text, end, end).1
}

/// The word right before `start` (before one space), if any.
fn word_before(text: &str, start: usize) -> Option<&str> {
    neighbour_words(text, start, start).0
}

/// "Athens, Ga.", "Paris (Texas)", "EDMONTON, Alberta": the name follows a comma or an opening
/// parenthesis, or starts a line.
fn in_apposition(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let t = before.trim_end_matches(' ');
    t.ends_with(',') || t.ends_with('(') || at_line_start(text, start)
}

/// The context says "place": a preposition before, an apposition after ("Jackson, Miss."), or a
/// dateline.
fn place_context(text: &str, start: usize, end: usize) -> bool {
    let before = word_before(text, start)
        .is_some_and(|w| PLACE_PREPOSITIONS.iter().any(|p| p.eq_ignore_ascii_case(w)));
    let after = text.get(end..).is_some_and(|a| {
        a.strip_prefix(", ")
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase)
    });
    before
        || after
        || of_a_place(text, start)
        || word_after(text, end).is_some_and(|w| RESIDENT_WORDS.contains(&w))
        || (at_line_start(text, start) && is_all_caps(&text[start..end]))
}

/// Words after a name that make it a place: "an Augusta native", "Lancaster residents".
const RESIDENT_WORDS: &[&str] = &["native", "natives", "resident", "residents"];

/// Nouns before "of" that take a place: "formerly of Augusta", "the city of Richmond", "north
/// of Tripoli".
const OF_A_PLACE: &[&str] = &[
    "city",
    "county",
    "east",
    "formerly",
    "mayor",
    "native",
    "north",
    "outskirts",
    "people",
    "resident",
    "residents",
    "south",
    "suburb",
    "suburbs",
    "town",
    "village",
    "west",
];

fn of_a_place(text: &str, start: usize) -> bool {
    text.get(..start)
        .and_then(|b| b.strip_suffix(" of "))
        .and_then(|b| b.rsplit(|c: char| !c.is_alphanumeric()).next())
        .is_some_and(|w| OF_A_PLACE.iter().any(|n| n.eq_ignore_ascii_case(w)))
}

/// "EDMONTON, Alberta —", "CHARLESTON, W.Va. (AP)", "KABUL —": what follows an all-caps
/// dateline name.
fn dateline_after(text: &str, end: usize) -> bool {
    text.get(end..).is_some_and(|a| {
        a.starts_with(", ")
            || a.starts_with(" (")
            || a.starts_with(" -")
            || a.starts_with(" —")
            || a.starts_with(" –")
    })
}

/// Whether the occurrence `text[start..end]` may stand for `role` with this spelling.
fn accept(
    text: &str,
    start: usize,
    end: usize,
    role: NameRole,
    spelling: &str,
    g: &Gazetteer,
    weak_settled: bool,
) -> bool {
    let Some(surface) = text.get(start..end) else {
        return false;
    };
    let Some(idx) = role.place() else {
        // Demonyms: the same case rules, nothing else.
        return case_matches(surface, spelling) || is_all_caps(surface);
    };
    let place = g.get(idx);
    let broad = place.source == PlaceSource::Broad;
    if is_abbreviation(spelling) {
        // "U.S.", "NSW", "Ky.": exact case; a division's short form ("Ga.", "KY", "B.C.")
        // only in apposition or after a preposition, never after a number ("300 B.C.").
        if surface != spelling {
            return false;
        }
        let division = place.kind == PlaceKind::AdminArea;
        let letters = spelling.chars().filter(|c| c.is_alphabetic()).count();
        if division {
            let after_preposition = word_before(text, start).is_some_and(|w| {
                matches!(
                    w,
                    "in" | "across" | "near" | "of" | "from" | "outside" | "throughout"
                )
            });
            // "D-S.C.", "R-Ga.": a legislator's party and state.
            let party_state = text
                .get(..start)
                .is_some_and(|b| b.ends_with("D-") || b.ends_with("R-") || b.ends_with("I-"));
            let dotted = letters > 2 || spelling.contains('.');
            let ok = in_apposition(text, start)
                || party_state
                || (dotted && after_preposition)
                // "the S.C. Highway Patrol" (not "went to Mass. It was": a sentence ends).
                || (dotted
                    && word_before(text, start).is_some_and(|w| w.eq_ignore_ascii_case("the"))
                    && word_after(text, end).is_some_and(is_capitalised));
            if !ok {
                return false;
            }
        }
        return !starts_organisation_name(text, end);
    }
    let case_ok = if surface == spelling {
        true
    } else if is_all_caps(surface) && !is_all_caps(spelling) {
        !broad || at_line_start(text, start) || dateline_after(text, end)
    } else {
        case_matches(surface, spelling)
    };
    if !case_ok || starts_organisation_name(text, end) || embedded_in_name(text, start, end) {
        return false;
    }
    // "Paris Hilton": a curated town followed by a name word is a person's name too.
    if !broad
        && place.kind == PlaceKind::City
        && !spelling.contains([' ', '-'])
        && word_after(text, end).is_some_and(|w| {
            is_capitalised(w) && !INSTITUTION_WORDS.contains(&w) && !FUNCTION_WORDS.contains(&w)
        })
        && !place_context(text, start, end)
    {
        return false;
    }
    if broad && place.kind == PlaceKind::City && named_thing_after_the(text, start, end) {
        return false;
    }
    if matches!(role, NameRole::Weak(_)) {
        // "through August", "on Sunday", "across North Texas": a calendar or function word, or
        // a compass word that opens a longer name, is never the place of that name.
        let compass_of_name =
            COMPASS_WORDS.contains(&surface) && word_after(text, end).is_some_and(is_capitalised);
        if crate::extract::dates::is_not_a_name(surface) || compass_of_name {
            return false;
        }
        if !weak_settled && !place_context(text, start, end) {
            return false;
        }
    }
    if broad
        && !spelling.contains([' ', '-'])
        && inside_capitalised_run(text, start, end)
        && !place_context(text, start, end)
        && !(matches!(place.kind, PlaceKind::Country | PlaceKind::AdminArea)
            && modifies_name(text, start, end))
    {
        return false;
    }
    true
}

/// Words before a name that opens an organisation's name: "the Ohio Supreme Court", "of Georgia
/// Educators", "for Texas Children". A person's first name rarely follows them.
const DETERMINERS: &[&str] = &[
    "a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "the", "The", "to", "with",
];

/// The name is the first word of a longer capitalised name after a determiner or preposition
/// ("the Ohio Supreme Court", "the Georgia Bureau of Investigation") or after a compass word
/// ("Northeast Georgia", "East Texas"): a modifier naming the place the organisation or area
/// belongs to.
fn modifies_name(text: &str, start: usize, end: usize) -> bool {
    let (before, after) = neighbour_words(text, start, end);
    let compass = before.is_some_and(|w| COMPASS_WORDS.contains(&w));
    // After a determiner, a number ("230 Minnesota National Guard troops") or at the start of
    // a sentence ("Minnesota Governor Tim Pawlenty").
    let opens_name = match before {
        Some(w) if DETERMINERS.contains(&w) => after.is_some_and(is_capitalised),
        // Where no determiner shows a name begins, only a public body follows ("Paris Hilton"
        // is a person).
        Some(w) if w.chars().all(|c| c.is_ascii_digit()) => after.is_some_and(is_public_body),
        None => sentence_starts_at(text, start) && after.is_some_and(is_public_body),
        Some(_) => false,
    };
    compass || opens_name
}

/// The first word of a public body's or office's name.
fn is_public_body(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "Agency",
        "Air",
        "Army",
        "Assembly",
        "Attorney",
        "Board",
        "Commission",
        "Court",
        "Democrats",
        "Department",
        "Gov",
        "Governor",
        "Guard",
        "Highway",
        "House",
        "Legislature",
        "National",
        "Police",
        "Public",
        "Republicans",
        "Secretary",
        "Senate",
        "State",
        "Supreme",
        "University",
    ];
    WORDS.contains(&word)
}

/// A sentence (or the text, or a line) starts at `start`.
fn sentence_starts_at(text: &str, start: usize) -> bool {
    let b = text
        .get(..start)
        .unwrap_or("")
        .trim_end_matches([' ', '"', '“', '‘', '\'']);
    b.is_empty() || b.ends_with(['.', '!', '?', '\n'])
}

/// Parts of a country or state named by direction: "Northeast Georgia", "Central Texas".
const COMPASS_WORDS: &[&str] = &[
    "Central",
    "Downstate",
    "East",
    "Eastern",
    "North",
    "Northeast",
    "Northeastern",
    "Northern",
    "Northwest",
    "Northwestern",
    "South",
    "Southeast",
    "Southeastern",
    "Southern",
    "Southwest",
    "Southwestern",
    "Upstate",
    "West",
    "Western",
];

/// Words after a place name that make it a modifier of an institution of that place ("Paris
/// High School", "Houston Police Department"): the place is still meant.
const INSTITUTION_WORDS: &[&str] = &[
    "Airport",
    "Area",
    "Board",
    "City",
    "College",
    "Council",
    "County",
    "Courthouse",
    "Department",
    "District",
    "Elementary",
    "Fire",
    "General",
    "High",
    "Hospital",
    "Library",
    "Mayor",
    "Memorial",
    "Middle",
    "Municipal",
    "Police",
    "Public",
    "Regional",
    "Schools",
    "Sheriff",
    "Township",
    "Village",
];

/// A street, square, hotel, airline or newspaper name around the occurrence.
fn embedded_in_name(text: &str, start: usize, end: usize) -> bool {
    let before = word_before(text, start).is_some_and(|w| EMBEDDING_BEFORE.contains(&w));
    let after = word_after(text, end)
        .is_some_and(|w| EMBEDDING_AFTER.contains(&w) && !DIVISION_WORDS.contains(&w));
    before || after
}

/// "Bank of Italy": an organisation named after a place.
fn organisation_of(text: &str, start: usize) -> bool {
    text.get(..start)
        .and_then(|b| b.strip_suffix(" of "))
        .and_then(|b| b.rsplit(' ').next())
        .is_some_and(|w| ORGANISATION_OF.contains(&w))
}

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
    let hits: Vec<NameHit<'_>> = g
        .name_hits(text)
        .into_iter()
        .filter(|h| {
            let capital = text[h.start..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_lowercase());
            (capital
                || h.targets()
                    .any(|(_, sp)| sp.starts_with(char::is_lowercase)))
                && at_word_boundaries(text, h.start, h.end)
        })
        .collect();
    // Surnames of the article, and whether one follows an initial or a title ("Sheila D.
    // Flores", "Ms. Trapani"): then even a province of that name yields to the person.
    let mut persons: Vec<(&str, bool)> = Vec::new();
    for h in &hits {
        let surface = &text[h.start..h.end];
        if surface.contains(' ') {
            continue;
        }
        let titled = after_initial_or_title(text, h.start);
        if !titled && !after_given_name_word(text, h.start) {
            continue;
        }
        match persons.iter_mut().find(|(s, _)| *s == surface) {
            Some((_, t)) => *t |= titled,
            None => persons.push((surface, titled)),
        }
    }
    let mut spans: Vec<Span> = Vec::new();
    let mut weak_places: Vec<&str> = Vec::new();
    let mut pending: Vec<usize> = Vec::new();
    for (i, hit) in hits.iter().enumerate() {
        let surface = &text[hit.start..hit.end];
        let person = persons
            .iter()
            .find(|(s, _)| *s == surface)
            .filter(|_| !strong_place_context(text, hit.start, hit.end))
            .map(|&(_, titled)| titled);
        let readings = |weak_settled: bool| -> Vec<(NameRole, bool)> {
            hit.targets()
                .filter(|&(role, spelling)| {
                    !person.is_some_and(|titled| named_like_a_person(g, role.idx(), titled))
                        && accept(text, hit.start, hit.end, role, spelling, g, weak_settled)
                })
                .map(|(role, spelling)| {
                    let primary = role.place().is_some_and(|p| g.get(p).name == spelling);
                    (role, primary)
                })
                .collect()
        };
        let mut roles = readings(false);
        // A name read as a place ("Richmond" the city of Virginia) brings its weak readings
        // along (the small Richmonds that are also surnames): which place is for the context.
        if roles.iter().any(|(r, _)| matches!(r, NameRole::Place(_)))
            && hit.targets().any(|(r, _)| matches!(r, NameRole::Weak(_)))
        {
            roles = readings(true);
        }
        if roles.iter().any(|(r, _)| matches!(r, NameRole::Weak(_))) {
            weak_places.push(surface);
        } else if roles.is_empty() && person.is_none() && !speaks(text, hit.end) {
            pending.push(i);
        }
        if !roles.is_empty() {
            spans.push(span_of(text, hit, roles));
        }
    }
    for i in pending {
        let hit = &hits[i];
        if !weak_places.contains(&&text[hit.start..hit.end]) {
            continue;
        }
        let roles: Vec<(NameRole, bool)> = hit
            .targets()
            .filter(|&(role, spelling)| {
                matches!(role, NameRole::Weak(_))
                    && accept(text, hit.start, hit.end, role, spelling, g, true)
            })
            .map(|(role, spelling)| {
                let primary = role.place().is_some_and(|p| g.get(p).name == spelling);
                (role, primary)
            })
            .collect();
        if !roles.is_empty() {
            spans.push(span_of(text, hit, roles));
        }
    }
    spans.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut chosen: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        if chosen.last().is_none_or(|last| span.start >= last.end) {
            chosen.push(span);
        }
    }
    chosen
}

/// The span of an accepted occurrence with its readings.
fn span_of(text: &str, hit: &NameHit<'_>, roles: Vec<(NameRole, bool)>) -> Span {
    let word = word_after(text, hit.end).filter(|w| DIVISION_WORDS.contains(w));
    let end_with_word = word.map_or(hit.end, |w| hit.end + 1 + w.len());
    Span {
        start: hit.start,
        end: hit.end,
        roles,
        division_word: word.is_some(),
        end_with_word,
        embedded: organisation_of(text, hit.start),
        modifier: inside_capitalised_run(text, hit.start, hit.end)
            && modifies_name(text, hit.start, hit.end)
            && word_after(text, hit.end).is_some_and(is_capitalised),
    }
}

/// "marched along the Alameda toward", "crossed the Jordan.": a name after "the" that is not
/// a modifier ("the Paris attacks") names a street, river or feature, not a town (towns take
/// no article in English; "The Hague" has it in its name).
fn named_thing_after_the(text: &str, start: usize, end: usize) -> bool {
    if word_before(text, start) != Some("the") {
        return false;
    }
    match word_after(text, end) {
        None => true,
        Some(w) => {
            PLACE_PREPOSITIONS.contains(&w)
                || matches!(
                    w,
                    "and"
                        | "or"
                        | "of"
                        | "on"
                        | "for"
                        | "with"
                        | "was"
                        | "is"
                        | "were"
                        | "are"
                        | "has"
                        | "had"
                        | "toward"
                        | "towards"
                        | "until"
                        | "where"
                )
        }
    }
}

/// A reporting verb follows: "Victoria said", "Flores told reporters": a person speaks.
fn speaks(text: &str, end: usize) -> bool {
    word_after(text, end).is_some_and(|w| {
        matches!(
            w,
            "said"
                | "says"
                | "told"
                | "added"
                | "asked"
                | "wrote"
                | "replied"
                | "argued"
                | "explained"
                | "noted"
                | "stated"
                | "recalled"
                | "insisted"
        )
    })
}

/// Towns of this size or more are what the news means by their name even where it is a
/// surname too (Jackson, Augusta); smaller ones yield to a person of that name in the article.
const PERSON_TOWN_MAX_POPULATION: u64 = 100_000;

/// A reading that a person of the same name in the article outweighs: a town of the broad
/// layer below [`PERSON_TOWN_MAX_POPULATION`] (not a state or country: "Education Minnesota").
/// With `titled` (the surname follows an initial or a title), a division of the broad layer
/// too ("testament to Trapani's work" after "John A. Trapani"), never a country.
fn named_like_a_person(g: &Gazetteer, idx: PlaceIdx, titled: bool) -> bool {
    let p = g.get(idx);
    if p.source != PlaceSource::Broad || p.kind == PlaceKind::Country {
        return false;
    }
    if p.kind.class() == KindClass::Area {
        return titled;
    }
    p.population.unwrap_or(0) < PERSON_TOWN_MAX_POPULATION
}

/// A context that makes a name a place even where the article uses it as a person's name:
/// "in Trapani", "Flores, Uruguay", a dateline.
fn strong_place_context(text: &str, start: usize, end: usize) -> bool {
    let before = word_before(text, start)
        .is_some_and(|w| matches!(w, "in" | "near" | "outside" | "across" | "throughout"));
    let after = text.get(end..).is_some_and(|a| {
        a.strip_prefix(", ")
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase)
    });
    before || after || (at_line_start(text, start) && is_all_caps(&text[start..end]))
}

/// Titles and honorifics before a surname ("Ms. Moore", "Sen. Graham", "Coach Taylor").
const HONORIFICS: &[&str] = &[
    "Capt", "Coach", "Col", "Det", "Dr", "Gen", "Gov", "Judge", "Lt", "Miss", "Mr", "Mrs", "Ms",
    "Officer", "Prof", "Rep", "Rev", "Sen", "Sgt", "Sheriff", "Trooper",
];

/// The occurrence at `start` follows an initial or a title: "Sheila D. Moore", "Ms. Moore",
/// "coach Ripley".
fn after_initial_or_title(text: &str, start: usize) -> bool {
    let Some(b) = text.get(..start).and_then(|b| b.strip_suffix(' ')) else {
        return false;
    };
    let (b, dotted) = match b.strip_suffix('.') {
        Some(b) => (b, true),
        None => (b, false),
    };
    let word_start = b
        .rfind(|c: char| !c.is_alphanumeric())
        .map_or(0, |i| i + b[i..].chars().next().map_or(1, char::len_utf8));
    let word = &b[word_start..];
    let initial = dotted && word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    initial || is_honorific(word)
}

fn is_honorific(word: &str) -> bool {
    HONORIFICS.iter().any(|h| h.eq_ignore_ascii_case(word))
}

/// The word before `start` is a given name ("Mamie Underwood"), not an initial or a title: a
/// capitalised word that ends no sentence and is no function, compass or institution word.
fn after_given_name_word(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let Some(b) = before.strip_suffix(' ') else {
        return false;
    };
    if b.ends_with('.') {
        return false;
    }
    let word_start = b
        .rfind(|c: char| !c.is_alphanumeric())
        .map_or(0, |i| i + b[i..].chars().next().map_or(1, char::len_utf8));
    let word = &b[word_start..];
    // A given name: capitalised, lower-case after its first letter, not a function, compass or
    // institution word, and not itself the start of the text or a sentence.
    let given = word.chars().count() >= 3
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).all(char::is_lowercase)
        && !FUNCTION_WORDS.contains(&word)
        && !COMPASS_WORDS.contains(&word)
        && !INSTITUTION_WORDS.contains(&word)
        && !DETERMINERS.contains(&word);
    let sentence_start = b[..word_start].trim_end().is_empty()
        || b[..word_start]
            .trim_end()
            .ends_with(['.', '!', '?', ':', '"', '“', '\n']);
    given && !sentence_start
}

/// "Tripoli, Lebanon", "Moscow, Idaho", "Athens, Ga.", "Pratica di Mare (Italy)": keep the
/// candidates inside the country or division named right after. True when that narrowed them.
fn narrow_by_container(
    text: &str,
    span: &Span,
    next: &Span,
    g: &Gazetteer,
    candidates: &mut Vec<(PlaceIdx, bool)>,
) -> bool {
    let gap = text.get(span.end..next.start).unwrap_or("");
    if !matches!(gap.trim(), "," | "(") {
        return false;
    }
    let mut countries: Vec<&str> = Vec::new();
    let mut divisions: Vec<&str> = Vec::new();
    for (role, _) in &next.roles {
        let Some(idx) = role.place() else { continue };
        let p = g.get(idx);
        match p.kind {
            PlaceKind::Country => countries.extend(p.country),
            PlaceKind::AdminArea => {
                if let Some(key) = g.admin1(idx) {
                    divisions.push(key);
                } else {
                    countries.extend(p.country);
                }
            }
            _ => {}
        }
    }
    let in_division: Vec<(PlaceIdx, bool)> = candidates
        .iter()
        .copied()
        .filter(|&(idx, _)| {
            g.division_level(idx) != 1 && g.admin1(idx).is_some_and(|k| divisions.contains(&k))
        })
        .collect();
    if !in_division.is_empty() {
        *candidates = in_division;
        return true;
    }
    let inside: Vec<(PlaceIdx, bool)> = candidates
        .iter()
        .copied()
        .filter(|&(idx, _)| g.get(idx).country.is_some_and(|c| countries.contains(&c)))
        .collect();
    if !inside.is_empty() && inside.len() < candidates.len() {
        *candidates = inside;
        return true;
    }
    false
}

fn default_population(kind: PlaceKind) -> u64 {
    match kind {
        PlaceKind::Country | PlaceKind::Region => 10_000_000,
        PlaceKind::AdminArea => 1_000_000,
        _ => 10_000,
    }
}

/// How near a homonym must be to a place the article names for spatial coherence.
const NEAR_KM: f64 = 250.0;

/// A log10-odds-like score: population (a prior by kind where there is none), curated over
/// broad, primary names over alternate names, the article's countries and divisions. Returns
/// the score and the context bonus that decided most.
fn score(idx: PlaceIdx, primary: bool, g: &Gazetteer, focus: &Focus) -> (f64, Reason) {
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
        let max = ctx.max();
        if max > 0 && ctx.count(c) > 0 {
            s += 2.0 * f64::from(ctx.count(c)) / f64::from(max);
            reason = Reason::CountryInArticle;
        }
        if ctx.with_admin_area.iter().any(|a| a == c) {
            s += 1.0;
        }
    }
    if level != 1
        && let Some(key) = g.admin1(idx)
        && focus.admin1(key) > 0
    {
        s += 3.0;
        reason = Reason::DivisionInArticle;
    }
    if focus.paired.binary_search(&idx).is_ok() {
        s += 1.5;
        if reason == Reason::Prior || reason == Reason::CountryInArticle {
            reason = Reason::NearOtherPlaces;
        }
    }
    if p.kind.class() != KindClass::Area
        && focus.anchors.iter().any(|a| {
            near_in_longitude(*a, p.coord, NEAR_KM)
                && (a.lat - p.coord.lat).abs() <= NEAR_KM / 111.0
                && (0.5..NEAR_KM).contains(&a.distance_km(p.coord))
        })
    {
        s += 1.5;
        if reason == Reason::Prior {
            reason = Reason::NearOtherPlaces;
        }
    }
    (s, reason)
}

/// The best candidate, the confidence in it and why.
fn choose(
    candidates: &[(PlaceIdx, bool)],
    g: &Gazetteer,
    focus: &Focus,
) -> (PlaceIdx, f32, Reason) {
    let scored: Vec<(PlaceIdx, f64, Reason)> = candidates
        .iter()
        .map(|&(idx, primary)| {
            let (s, r) = score(idx, primary, g, focus);
            (idx, s, r)
        })
        .collect();
    let (best, best_score, reason) = scored
        .iter()
        .copied()
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .unwrap_or((candidates[0].0, 0.0, Reason::Prior));
    // Share of the best among all candidates, reading scores as log10 odds.
    let total: f64 = scored
        .iter()
        .map(|(_, s, _)| 10f64.powf(s - best_score))
        .sum();
    let share = 1.0 / total;
    let base = if g.get(best).source == PlaceSource::Broad {
        0.8
    } else {
        0.95
    };
    (best, (base * share) as f32, reason)
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;
    use std::path::Path;
    use std::sync::OnceLock;

    use super::*;
    use crate::coord::LatLon;
    use crate::gazetteer::Place;

    fn bundled() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            Gazetteer::load_bundled(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data")).0
        })
    }

    /// (surface, place id) of every mention.
    fn found(text: &str) -> Vec<(String, String)> {
        let g = bundled();
        find_places(text, g)
            .into_iter()
            .filter(|m| !m.is_demonym())
            .map(|m| {
                (
                    text[m.start..m.end].to_owned(),
                    g.get(m.place).id.to_owned(),
                )
            })
            .collect()
    }

    /// The demonym mentions of `text`: (surface, place id).
    fn demonyms_found(text: &str) -> Vec<(String, String)> {
        let g = bundled();
        find_places(text, g)
            .into_iter()
            .filter(PlaceMention::is_demonym)
            .map(|m| {
                (
                    text[m.start..m.end].to_owned(),
                    g.get(m.place).id.to_owned(),
                )
            })
            .collect()
    }

    fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
        expected
            .iter()
            .map(|(s, id)| ((*s).to_owned(), (*id).to_owned()))
            .collect()
    }

    fn country_of_found(text: &str, surface: &str) -> Option<String> {
        let g = bundled();
        find_places(text, g)
            .into_iter()
            .find(|m| &text[m.start..m.end] == surface)
            .and_then(|m| g.get(m.place).country.map(str::to_owned))
    }

    #[test]
    fn tripoli_in_an_article_about_libya_is_the_libyan_capital() {
        let text =
            "Clashes continued south of Tripoli as Libyan forces loyal to the GNA pushed back.";
        assert_eq!(found(text), pairs(&[("Tripoli", "tripoli-ly")]));
    }

    #[test]
    fn tripoli_in_an_article_about_lebanon_is_the_lebanese_city() {
        let text = "Protesters gathered in Tripoli on Friday, the third day of unrest across Lebanon. \
                    Lebanese troops were deployed in the northern city.";
        assert_eq!(country_of_found(text, "Tripoli").as_deref(), Some("LB"));
        let named = "The port of Tripoli, Lebanon, reopened.";
        assert_eq!(country_of_found(named, "Tripoli").as_deref(), Some("LB"));
    }

    #[test]
    fn moscow_is_in_idaho_only_when_idaho_is_in_the_context() {
        let russia = "Haftar left the talks in Moscow without signing, Russian officials said.";
        assert_eq!(found(russia), pairs(&[("Moscow", "moscow-ru")]));
        let bare = "The talks in Moscow ended without a deal.";
        assert_eq!(found(bare), pairs(&[("Moscow", "moscow-ru")]));
        let idaho = "Police in Moscow, Idaho, said the campus was closed.";
        assert_eq!(country_of_found(idaho, "Moscow").as_deref(), Some("US"));
        let idaho_later = "The university in Moscow is the largest in Idaho.";
        assert_eq!(
            country_of_found(idaho_later, "Moscow").as_deref(),
            Some("US")
        );
    }

    #[test]
    fn names_inside_other_words_are_not_places() {
        assert!(found("The Romeo battalion and Tripolitans met.").is_empty());
        assert!(
            found("A Libyan official spoke to Italian media.").is_empty(),
            "demonyms are no place mentions"
        );
    }

    #[test]
    fn demonyms_are_mentions_of_their_country_or_continent() {
        let text = "A Libyan official spoke to Italian media about Europeans and Palestinians, \
                    but American Airlines flew on.";
        let g = bundled();
        let x = demonyms_found(text);
        let ids: Vec<&str> = x.iter().map(|(_, id)| id.as_str()).collect();
        assert_eq!(&ids[..3], ["country-ly", "country-it", "europe"]);
        assert_eq!(x[3].0, "Palestinians", "the plural noun of a demonym");
        assert_eq!(g.by_id(&x[3].1).map(|p| g.get(p).country), Some(Some("PS")));
        assert_eq!(x.len(), 4, "not the first word of an airline's name: {x:?}");
        assert!(
            find_places(text, g)
                .iter()
                .all(|m| m.reason == Reason::Demonym && m.confidence > 0.0)
        );
    }

    #[test]
    fn a_state_opening_an_agency_name_is_the_state_with_a_low_confidence() {
        let g = bundled();
        let text =
            "The Texas Forest Service and the Ohio Supreme Court disagreed, said Georgia Smith.";
        let m = find_places(text, g);
        let got: Vec<(&str, f32)> = m
            .iter()
            .map(|m| (&text[m.start..m.end], m.confidence))
            .collect();
        assert_eq!(got.len(), 2, "{got:?}: not a person's first name");
        assert_eq!((got[0].0, got[1].0), ("Texas", "Ohio"));
        assert!(got.iter().all(|(_, c)| *c < 0.6));
        let region = find_places("Schools in Northeast Texas closed.", g);
        assert_eq!(region.len(), 1);
        assert_eq!(g.get(region[0].place).kind, PlaceKind::AdminArea);
    }

    #[test]
    fn a_surname_of_the_article_is_a_person_wherever_no_place_context_says_otherwise() {
        let text = "Sheila D. Jones, 41, was charged. Jones told police she was home. \
                    Ms. Welch agreed; Welch said nothing more.";
        assert!(found(text).is_empty(), "{:?}", found(text));
        // A context that says place still wins.
        let placed = "Sheila Jones moved to Texas. She lives in Jones, Okla., now.";
        assert!(
            found(placed).iter().any(|(s, _)| s == "Jones"),
            "{:?}",
            found(placed)
        );
    }

    #[test]
    fn a_weak_name_the_context_shows_to_be_a_place_is_that_place_throughout() {
        let g = bundled();
        let text =
            "Storms hit homes in Lancaster on Monday. Lancaster police said roads were shut.";
        let m: Vec<_> = find_places(text, g)
            .into_iter()
            .filter(|m| &text[m.start..m.end] == "Lancaster")
            .collect();
        assert_eq!(m.len(), 2, "{m:?}");
        // But a weak name that speaks is a person: "Victoria said".
        let r = resolved("Victoria said no. Rain fell in Victoria.");
        assert_eq!(r.iter().filter(|x| x.0 == "Victoria").count(), 1, "{r:?}");
    }

    #[test]
    fn states_and_cities_that_are_also_words_or_languages_are_found() {
        let text = "Montana offered $69 a day. Firms moved to Colorado and Michigan, \
                    and the EU and Miami followed.";
        let surfaces: Vec<String> = found(text).into_iter().map(|(s, _)| s).collect();
        assert_eq!(surfaces, ["Montana", "Colorado", "Michigan", "EU", "Miami"]);
    }

    #[test]
    fn state_abbreviations_of_party_labels_and_agency_names_are_found() {
        let text = "Rep. James Clyburn, D-S.C., agreed. The S.C. Highway Patrol and officials in \
                    Washington, D.C., disagreed; 300 B.C. is a year.";
        let surfaces: Vec<String> = found(text).into_iter().map(|(s, _)| s).collect();
        assert_eq!(surfaces, ["S.C.", "S.C.", "Washington", "D.C."]);
    }

    #[test]
    fn residents_natives_and_nouns_of_place_make_a_weak_name_a_place() {
        for text in [
            "She is survived by her mother, formerly of Lancaster.",
            "The Lancaster native won.",
            "The mayor of Lancaster spoke.",
        ] {
            assert!(found(text).iter().any(|(s, _)| s == "Lancaster"), "{text}");
        }
        assert!(found("Paris Hilton arrived late.").is_empty());
        let gov = found(
            "Minnesota Governor Tim Pawlenty toured. About 230 Minnesota State Patrol troopers helped.",
        );
        assert_eq!(gov.len(), 2, "{gov:?}");
    }

    #[test]
    fn a_name_after_the_that_is_no_modifier_is_no_town() {
        let r = resolved("They marched along the Alameda toward the palace.");
        assert!(r.iter().all(|x| x.0 != "Alameda"), "{r:?}");
        let r = resolved("Survivors of the Paris attacks met in Paris.");
        assert_eq!(r.iter().filter(|x| x.0 == "Paris").count(), 2, "{r:?}");
    }

    #[test]
    fn the_cheap_longitude_test_never_rejects_points_within_reach() {
        let pairs = [
            (LatLon::new(30.7, -95.55), LatLon::new(30.74, -95.2)),
            (LatLon::new(60.0, 10.0), LatLon::new(60.5, 11.0)),
            (LatLon::new(-33.9, 151.2), LatLon::new(-34.4, 150.9)),
            (LatLon::new(10.0, 179.8), LatLon::new(10.1, -179.9)),
            (LatLon::new(80.0, 0.0), LatLon::new(80.0, 10.0)),
        ];
        for (a, b) in pairs {
            for km in [60.0, 250.0] {
                if a.distance_km(b) < km {
                    assert!(near_in_longitude(a, b, km), "{a:?} {b:?} {km}");
                }
            }
        }
        assert!(!near_in_longitude(
            LatLon::new(30.0, -95.0),
            LatLon::new(30.0, -90.0),
            250.0
        ));
    }

    #[test]
    fn two_ambiguous_names_that_lie_together_settle_each_other() {
        let g = bundled();
        // Huntsville (Alabama, Texas) and Walker County (Alabama, Georgia, Texas): only the Texas
        // pair lies within a county's reach.
        let text = "Burning is banned in Walker County. The Huntsville fire chief agreed.";
        let m = find_places(text, g);
        assert_eq!(m.len(), 2, "{m:?}");
        for x in &m {
            let p = g.get(x.place);
            assert!(
                (p.coord.lat - 30.7).abs() < 0.3 && (p.coord.lon + 95.55).abs() < 0.4,
                "{} at {:?} ({:?})",
                p.name,
                p.coord,
                x.reason
            );
            assert_eq!(x.reason, Reason::NearOtherPlaces);
        }
    }

    #[test]
    fn possessives_hyphen_suffixes_and_unicode_punctuation_keep_the_name() {
        let text =
            "Libya’s oil, Tobruk-based lawmakers, Misrata's brigades and “Sirte” — Benghazi–Derna.";
        assert_eq!(
            found(text),
            pairs(&[
                ("Libya", "country-ly"),
                ("Tobruk", "tobruk-ly"),
                ("Misrata", "misrata-ly"),
                ("Sirte", "sirte-ly"),
                ("Benghazi", "benghazi-ly"),
                ("Derna", "derna-ly"),
            ])
        );
    }

    #[test]
    fn lowercase_common_words_are_not_places() {
        let text =
            "It was a nice day; the split was mobile, and reading the sale of a bar in march.";
        assert!(found(text).is_empty(), "{:?}", found(text));
        let capitalised =
            "Nice words. Split decisions. Mobile units. Reading it, March and May passed.";
        assert!(found(capitalised).is_empty(), "{:?}", found(capitalised));
    }

    #[test]
    fn an_all_caps_dateline_is_a_place() {
        assert_eq!(
            found("ROME – Italy said"),
            pairs(&[("ROME", "rome-it"), ("Italy", "country-it")])
        );
    }

    #[test]
    fn the_longest_name_wins() {
        let text = "They captured Tripoli International Airport and held eastern Libya.";
        assert_eq!(
            found(text),
            pairs(&[
                (
                    "Tripoli International Airport",
                    "tripoli-international-airport-ly"
                ),
                ("eastern Libya", "eastern-libya")
            ])
        );
    }

    #[test]
    fn a_longer_alias_in_the_wrong_case_does_not_hide_the_shorter_name() {
        let text = "A drone hit Al-Watiya air base overnight.";
        assert_eq!(
            found(text),
            pairs(&[("Al-Watiya air base", "al-watiya-airbase-ly")])
        );
        let text = "A drone hit Al-Watiya Air-base overnight.";
        assert_eq!(found(text), pairs(&[("Al-Watiya", "al-watiya-airbase-ly")]));
    }

    #[test]
    fn places_of_the_war_are_found_in_unseen_reporting() {
        let text = "Forces loyal to Haftar were driven out of Gharyan in June, while shelling hit \
                    Tajoura and the Mitiga airport. Tarhuna, the LNA's main base in the west, fell \
                    a year later. Fighting raged in Ain Zara and Qasr Ben Gashir; Sirte changed hands \
                    in January. The parliament in Tobruk and the LNA command in Benghazi backed the \
                    offensive, and Zawiya's militias joined the GNA.";
        assert_eq!(
            found(text),
            pairs(&[
                ("Gharyan", "gharyan-ly"),
                ("Tajoura", "tajoura-ly"),
                ("Mitiga airport", "mitiga-airport-ly"),
                ("Tarhuna", "tarhuna-ly"),
                ("Ain Zara", "ain-zara-ly"),
                ("Qasr Ben Gashir", "qasr-ben-gashir-ly"),
                ("Sirte", "sirte-ly"),
                ("Tobruk", "tobruk-ly"),
                ("Benghazi", "benghazi-ly"),
                ("Zawiya", "zawiya-ly"),
            ])
        );
    }

    #[test]
    fn a_broad_name_inside_a_persons_name_is_not_a_place() {
        // "Salvini" is no place, but a one-word GeoNames town next to a capitalised word is
        // taken for part of a name; "Giuseppe Conte" must never be a place.
        let text = "Prime Minister Giuseppe Conte met Deputy Prime Minister Matteo Salvini.";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }

    #[test]
    fn confidence_is_high_for_curated_and_lower_for_ambiguous_broad_names() {
        let g = bundled();
        let text = "Clashes in Tripoli, Lebanon. Gharyan.";
        let m = find_places(text, g);
        assert_eq!(m.len(), 3, "{m:?}");
        assert!(m[0].confidence < 0.9, "{m:?}");
        let gharyan = m
            .iter()
            .find(|x| g.get(x.place).id == "gharyan-ly")
            .expect("gharyan");
        assert!(gharyan.confidence >= 0.9, "{m:?}");
    }

    #[test]
    fn context_countries_count_demonyms_and_unambiguous_names() {
        let ctx = ContextCountries::from_text(
            "Libyan and Turkish officials met in Misrata and Ankara.",
            bundled(),
        );
        assert_eq!(ctx.count("LY"), 2);
        assert_eq!(ctx.count("TR"), 2);
    }

    #[test]
    fn wadi_rabie_is_reported_as_an_unknown_place() {
        let text = "Heavy clashes were reported in Wadi Rabie and near Ain Zara on Monday, and \
                    Qasr Zilwa-based fighters moved to Sidi Assid from Souq al-Zilwa.";
        let names: Vec<String> = unknown_place_names(text, bundled())
            .into_iter()
            .map(|u| u.name)
            .collect();
        assert_eq!(
            names,
            ["Wadi Rabie", "Qasr Zilwa", "Sidi Assid", "Souq al-Zilwa"]
        );
    }

    #[test]
    fn demonyms_months_and_known_places_are_not_unknown_places() {
        let text =
            "Officials in Tripoli said in April that Libyan forces from Misrata were in Sirte.";
        assert!(unknown_place_names(text, bundled()).is_empty());
    }

    #[test]
    fn a_gazetteer_built_from_places_finds_them() {
        let g = Gazetteer::from_places(vec![Place {
            id: "x-ly".into(),
            name: "Wadi Rabie".into(),
            aliases: vec!["Wadi Rabii".into()],
            kind: PlaceKind::District,
            coord: LatLon::new(32.75, 13.3),
            country: Some("LY".into()),
            geonames_id: None,
            population: None,
            source: PlaceSource::User,
            note: None,
        }]);
        let m = find_places("Shelling in Wadi Rabii.", &g);
        assert_eq!(m.len(), 1);
        assert_eq!((m[0].start, m[0].end), (12, 22));
    }

    #[derive(serde::Deserialize)]
    struct Annotations {
        article: Vec<AnnotatedArticle>,
    }

    #[derive(serde::Deserialize)]
    struct AnnotatedArticle {
        file: String,
        places: Vec<(String, String)>,
    }

    /// The article body: the text after a leading ` date YYYY-MM-DD ` token, if any.
    fn body(text: &str) -> &str {
        let t = text.trim_start();
        match t.strip_prefix("date ") {
            Some(rest) if rest.len() >= 10 && rest.is_char_boundary(10) => rest[10..].trim_start(),
            _ => text,
        }
    }

    /// Where each annotated surface is, searching sequentially at word boundaries.
    fn locate(body: &str, places: &[(String, String)]) -> Vec<(usize, usize, String)> {
        let mut cursor = 0;
        let mut out = Vec::new();
        for (surface, id) in places {
            let mut from = cursor;
            let start = loop {
                let at = from
                    + body[from..]
                        .find(surface.as_str())
                        .unwrap_or_else(|| panic!("`{surface}` not found after byte {cursor}"));
                if at_word_boundaries(body, at, at + surface.len()) {
                    break at;
                }
                from = at + 1;
            };
            out.push((start, start + surface.len(), id.clone()));
            cursor = start + surface.len();
        }
        out
    }

    #[test]
    fn seed_articles_are_found_with_precision_and_recall_of_at_least_95_percent() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(root.join("tests/annotations/places.toml"))
            .expect("annotations");
        let annotations: Annotations = toml::from_str(&text).expect("annotations parse");
        let g = bundled();
        let (mut hits, mut found_total, mut expected_total) = (0usize, 0usize, 0usize);
        let mut report = String::new();
        for article in &annotations.article {
            let raw =
                std::fs::read_to_string(root.join("seeds").join(&article.file)).expect("seed");
            let body = body(&raw);
            let expected = locate(body, &article.places);
            let found: Vec<(usize, usize, String)> = find_places(body, g)
                .into_iter()
                .filter(|m| !m.is_demonym())
                .map(|m| (m.start, m.end, g.get(m.place).id.to_owned()))
                .collect();
            for f in &found {
                if expected.contains(f) {
                    hits += 1;
                } else {
                    let _ = writeln!(
                        report,
                        "{}: extra {:?} {}",
                        article.file,
                        &body[f.0..f.1],
                        f.2
                    );
                }
            }
            for e in &expected {
                if !found.contains(e) {
                    let _ = writeln!(
                        report,
                        "{}: missed {:?} {}",
                        article.file,
                        &body[e.0..e.1],
                        e.2
                    );
                }
            }
            found_total += found.len();
            expected_total += expected.len();
        }
        let precision = hits as f64 / found_total.max(1) as f64;
        let recall = hits as f64 / expected_total.max(1) as f64;
        println!(
            "seed places: precision {precision:.3} recall {recall:.3} ({hits} hits, {found_total} found, {expected_total} annotated)\n{report}"
        );
        assert!(
            precision >= 0.95 && recall >= 0.95,
            "precision {precision:.3} recall {recall:.3}\n{report}"
        );
    }

    #[test]
    fn unknown_place_names_in_the_seeds_are_few() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut all = Vec::new();
        for entry in std::fs::read_dir(root.join("seeds")).expect("seeds") {
            let raw = std::fs::read_to_string(entry.expect("entry").path()).expect("seed");
            all.extend(
                unknown_place_names(body(&raw), bundled())
                    .into_iter()
                    .map(|u| u.name),
            );
        }
        println!("unknown names in seeds: {all:?}");
        assert!(all.len() <= 3, "{all:?}");
    }

    /// (surface, name, country, kind, reason) of every mention.
    fn resolved(text: &str) -> Vec<(String, String, String, &'static str, &'static str)> {
        let g = bundled();
        find_places(text, g)
            .into_iter()
            .map(|m| {
                let p = g.get(m.place);
                (
                    text[m.start..m.end].to_owned(),
                    p.name.to_owned(),
                    p.country.unwrap_or_default().to_owned(),
                    p.kind.as_str(),
                    m.reason.as_str(),
                )
            })
            .collect()
    }

    fn resolved_as<'a>(
        all: &'a [(String, String, String, &'static str, &'static str)],
        surface: &str,
    ) -> Option<&'a (String, String, String, &'static str, &'static str)> {
        all.iter().find(|r| r.0 == surface)
    }

    #[test]
    fn an_apposition_picks_the_homonym_inside_the_state_named_next() {
        let text = "He grew up in Paris, Tenn., and studied in Athens, Ga., before Moscow, Idaho.";
        let r = resolved(text);
        for (surface, state) in [("Paris", "US.TN"), ("Athens", "US.GA"), ("Moscow", "US.ID")] {
            let m = find_places(text, bundled())
                .into_iter()
                .find(|m| &text[m.start..m.end] == surface)
                .unwrap_or_else(|| panic!("{surface} not found in {r:?}"));
            assert_eq!(bundled().admin1(m.place), Some(state), "{surface}: {r:?}");
            assert_eq!(m.reason, Reason::Apposition);
        }
    }

    #[test]
    fn a_town_inside_a_division_the_article_names_wins() {
        let text = "Storms hit Kentucky on Monday. In Richmond, the mayor said roads were closed.";
        let m = find_places(text, bundled())
            .into_iter()
            .find(|m| &text[m.start..m.end] == "Richmond")
            .expect("Richmond");
        assert_eq!(bundled().admin1(m.place), Some("US.KY"));
        assert_eq!(m.reason, Reason::DivisionInArticle);
    }

    #[test]
    fn one_sense_per_article_carries_an_apposition_forward() {
        let text = "Officials in Athens, Ga., met on Monday. The council in Athens voted.";
        let g = bundled();
        let athens: Vec<PlaceMention> = find_places(text, g)
            .into_iter()
            .filter(|m| &text[m.start..m.end] == "Athens")
            .collect();
        assert_eq!(athens.len(), 2);
        assert_eq!(athens[0].place, athens[1].place);
        assert_eq!(athens[1].reason, Reason::OneSense);
    }

    #[test]
    fn abbreviations_and_postal_forms_are_found_with_their_exact_case() {
        let r = resolved("Talks between the U.S. and the UAE, the U.K. and the DRC ended in NSW.");
        let names: Vec<&str> = r.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(
            names,
            [
                "United States",
                "United Arab Emirates",
                "United Kingdom",
                "Democratic Republic of the Congo",
                "New South Wales"
            ],
            "{r:?}"
        );
        // "us" and "Us" are not the United States.
        assert!(resolved("Let us go. Us and them.").is_empty());
    }

    #[test]
    fn a_state_abbreviation_counts_only_in_apposition_or_after_a_preposition() {
        let r = resolved("CHARLESTON, W.Va. — Fires in B.C. spread. He lives in Louisville, Ky.");
        for (surface, name) in [
            ("W.Va.", "West Virginia"),
            ("B.C.", "British Columbia"),
            ("Ky.", "Kentucky"),
        ] {
            assert_eq!(
                resolved_as(&r, surface).map(|x| x.1.as_str()),
                Some(name),
                "{r:?}"
            );
        }
        // A date and a sentence end are no provinces or states.
        assert!(
            resolved("Built in 300 B.C. by the Greeks.")
                .iter()
                .all(|x| x.0 != "B.C.")
        );
        assert!(
            resolved("She went to Mass. It was long.")
                .iter()
                .all(|x| x.0 != "Mass.")
        );
    }

    #[test]
    fn a_division_word_after_a_name_makes_it_the_division() {
        let r = resolved("Deputies in Laurel County and officials of Sindh Province met.");
        let laurel = resolved_as(&r, "Laurel County").expect("Laurel County");
        assert_eq!((laurel.2.as_str(), laurel.3), ("US", "admin_area"));
        let sindh = resolved_as(&r, "Sindh Province").expect("Sindh Province");
        assert_eq!(
            (sindh.1.as_str(), sindh.3),
            ("Sindh", "admin_area"),
            "{r:?}"
        );
    }

    #[test]
    fn an_all_caps_dateline_is_found_mid_line_when_a_dateline_follows() {
        let r = resolved("Flood warning issued. EDMONTON, Alberta — Rivers rose on Monday.");
        let e = resolved_as(&r, "EDMONTON").expect("EDMONTON");
        assert_eq!(e.2, "CA", "{r:?}");
        // All caps in running text is not a dateline.
        assert!(resolved("He said DALLAS was a code word.").is_empty());
    }

    #[test]
    fn a_place_name_inside_a_street_square_company_or_person_name_is_not_that_place() {
        for text in [
            "Crowds filled Plaza Italia on Friday.",
            "She flew Air France to the summit.",
            "Paris Hilton arrived late.",
            "They walked down Italia Street.",
        ] {
            let r = resolved(text);
            assert!(
                r.iter()
                    .all(|x| x.1 != "Italy" && x.1 != "France" && x.1 != "Paris"),
                "{text}: {r:?}"
            );
        }
        // "Bank of Italy": Italy, at most tier B.
        let m = find_places("The Bank of Italy raised rates.", bundled());
        assert!(m.iter().all(|m| m.confidence < 0.6), "{m:?}");
    }

    #[test]
    fn names_of_continents_countries_and_states_never_make_a_small_town_win() {
        let r = resolved("Leaders from Asia and Africa met. Georgia and Ontario sent envoys.");
        let kind = |s: &str| resolved_as(&r, s).map(|x| x.3);
        assert_eq!(kind("Asia"), Some("region"), "{r:?}");
        assert_eq!(kind("Africa"), Some("region"), "{r:?}");
        assert_eq!(kind("Georgia"), Some("country"), "{r:?}");
        assert_eq!(kind("Ontario"), Some("admin_area"), "{r:?}");
    }

    #[test]
    fn names_that_are_mostly_persons_are_places_only_where_the_context_says_so() {
        let r = resolved("Victoria said no. Rain fell in Victoria and in Santiago, Chile.");
        let victorias: Vec<_> = r.iter().filter(|x| x.0 == "Victoria").collect();
        assert_eq!(victorias.len(), 1, "{r:?}");
        assert_eq!(
            resolved_as(&r, "Santiago").map(|x| x.2.as_str()),
            Some("CL")
        );
    }

    /// (file, [(surface, name, country)], surfaces that must not be places)
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str, &'a str)], &'a [&'a str]);

    /// The new user's check (issue 11): hand-written articles on Sindh, Santiago,
    /// Kahramanmaraş and British Columbia put every place where it belongs.
    #[test]
    fn new_user_articles_put_every_place_where_it_belongs() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/new_user");
        let cases: &[Case<'_>] = &[
            (
                "sindh_floods.txt",
                &[
                    ("KARACHI", "Karachi", "PK"),
                    ("Sindh", "Sindh", "PK"),
                    ("Indus", "Indus", "PK"),
                    ("Khyber Pakhtunkhwa", "Khyber Pakhtunkhwa", "PK"),
                    ("Peshawar", "Peshawar", "PK"),
                    ("Pakistan", "Pakistan", "PK"),
                ],
                &[],
            ),
            (
                "santiago_protests.txt",
                &[
                    ("SANTIAGO", "Santiago", "CL"),
                    ("Chile", "Chile", "CL"),
                    ("Santiago", "Santiago", "CL"),
                    ("Valparaíso", "Valparaíso", "CL"),
                    ("Andes", "Andes", ""),
                ],
                &["Plaza Italia", "Italia", "Alameda"],
            ),
            (
                "kahramanmaras_earthquake.txt",
                &[
                    ("Turkey", "Turkey", "TR"),
                    ("Kahramanmaraş", "Kahramanmaraş", "TR"),
                    ("Gaziantep", "Gaziantep", "TR"),
                    ("Hatay", "Hatay", "TR"),
                    ("Aleppo", "Aleppo", "SY"),
                    ("Idlib", "Idlib", "SY"),
                ],
                &[],
            ),
            (
                "bc_wildfires.txt",
                &[
                    ("KELOWNA", "Kelowna", "CA"),
                    ("B.C.", "British Columbia", "CA"),
                    ("Okanagan", "Okanagan", "CA"),
                    ("British Columbia", "British Columbia", "CA"),
                    ("Vancouver", "Vancouver", "CA"),
                    ("Alberta", "Alberta", "CA"),
                    ("Canada", "Canada", "CA"),
                ],
                &[],
            ),
        ];
        for (file, expected, absent) in cases {
            let text = std::fs::read_to_string(root.join(file)).expect("fixture");
            let r = resolved(&text);
            for (surface, name, country) in *expected {
                let got = resolved_as(&r, surface);
                assert_eq!(
                    got.map(|x| (x.1.as_str(), x.2.as_str())),
                    Some((*name, *country)),
                    "{file}: {surface}: {r:?}"
                );
            }
            for surface in *absent {
                assert!(
                    r.iter().all(|x| !x.0.contains(surface)),
                    "{file}: {surface} must not be a place: {r:?}"
                );
            }
        }
    }
}
