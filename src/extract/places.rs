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
//!   countries ([`ContextCountries`]). Homonyms ("Tripoli": Libya or Lebanon) are resolved by
//!   "X, Country" right after the name, then by the countries of the article, then by
//!   population, with curated places preferred over broad ones.

use std::collections::HashSet;

use serde::Serialize;

use crate::gazetteer::{Gazetteer, NameRole, PlaceIdx, PlaceKind, PlaceSource};

/// One mention of a place: `text[start..end]` names `place`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlaceMention {
    pub start: usize,
    pub end: usize,
    pub place: PlaceIdx,
    /// 0..=1: how sure the matcher is that this surface means this place.
    pub confidence: f32,
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
            for role in &span.roles {
                let (NameRole::Place(idx) | NameRole::Demonym(idx)) = *role;
                let place = g.get(idx);
                if let Some(c) = place.country.as_deref() {
                    ambiguous |= country.is_some_and(|first| first != c);
                    country = Some(c);
                }
                admin |= matches!(role, NameRole::Place(_)) && place.kind == PlaceKind::AdminArea;
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
    let spans = accepted_spans(text, gazetteer);
    let mut ctx = ContextCountries::from_spans(&spans, gazetteer);
    ctx.extend(extra);
    let mut out = Vec::new();
    for (i, span) in spans.iter().enumerate() {
        let mut candidates: Vec<PlaceIdx> = span
            .roles
            .iter()
            .filter_map(|r| match r {
                NameRole::Place(idx) => Some(*idx),
                NameRole::Demonym(_) => None,
            })
            .collect();
        if candidates.is_empty() {
            continue;
        }
        candidates.sort_unstable();
        candidates.dedup();
        if candidates.len() > 1
            && let Some(next) = spans.get(i + 1)
        {
            narrow_by_container(text, span, next, gazetteer, &mut candidates);
        }
        let (place, confidence) = choose(&candidates, gazetteer, &ctx);
        out.push(PlaceMention {
            start: span.start,
            end: span.end,
            place,
            confidence,
        });
    }
    out
}

/// An accepted occurrence of one or more names at the same place in the text.
#[derive(Clone, Debug)]
struct Span {
    start: usize,
    end: usize,
    roles: Vec<NameRole>,
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
    let before_is_name = before.is_some_and(|w| is_capitalised(w) && !FUNCTION_WORDS.contains(&w));
    let after_is_name = after.is_some_and(is_capitalised);
    before_is_name || after_is_name
}

/// "Libya National Air Force", "Syria National Army": the country name is part of an
/// organisation's name.
fn starts_organisation_name(text: &str, end: usize) -> bool {
    text.get(end..)
        .and_then(|a| a.strip_prefix(" National "))
        .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
}

/// Whether the occurrence `text[start..end]` may stand for `role` with this spelling.
fn accept(
    text: &str,
    start: usize,
    end: usize,
    role: NameRole,
    spelling: &str,
    g: &Gazetteer,
) -> bool {
    let Some(surface) = text.get(start..end) else {
        return false;
    };
    let NameRole::Place(idx) = role else {
        // Demonyms: the same case rules, nothing else.
        return case_matches(surface, spelling) || is_all_caps(surface);
    };
    let broad = g.get(idx).source == PlaceSource::Broad;
    let case_ok = if surface == spelling {
        true
    } else if is_all_caps(surface) && !is_all_caps(spelling) {
        !broad || at_line_start(text, start)
    } else {
        case_matches(surface, spelling)
    };
    if !case_ok || starts_organisation_name(text, end) {
        return false;
    }
    if broad && !spelling.contains([' ', '-']) && inside_capitalised_run(text, start, end) {
        return false;
    }
    true
}

/// Every accepted occurrence, then the leftmost-longest of them, non-overlapping.
fn accepted_spans(text: &str, g: &Gazetteer) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    for hit in g.name_hits(text) {
        if !at_word_boundaries(text, hit.start, hit.end) {
            continue;
        }
        let roles: Vec<NameRole> = hit
            .targets()
            .filter(|&(role, spelling)| accept(text, hit.start, hit.end, role, spelling, g))
            .map(|(role, _)| role)
            .collect();
        if !roles.is_empty() {
            spans.push(Span {
                start: hit.start,
                end: hit.end,
                roles,
            });
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

/// "Tripoli, Lebanon", "Moscow, Idaho", "Pratica di Mare (Italy)": keep the candidates inside
/// the country or province named right after.
fn narrow_by_container(
    text: &str,
    span: &Span,
    next: &Span,
    g: &Gazetteer,
    candidates: &mut Vec<PlaceIdx>,
) {
    let gap = text.get(span.end..next.start).unwrap_or("");
    if !matches!(gap.trim(), "," | "(") {
        return;
    }
    let containers: HashSet<&str> = next
        .roles
        .iter()
        .filter_map(|r| match r {
            NameRole::Place(idx) => {
                let p = g.get(*idx);
                matches!(p.kind, PlaceKind::Country | PlaceKind::AdminArea)
                    .then_some(p.country.as_deref())
                    .flatten()
            }
            NameRole::Demonym(_) => None,
        })
        .collect();
    let inside: Vec<PlaceIdx> = candidates
        .iter()
        .copied()
        .filter(|idx| {
            g.get(*idx)
                .country
                .as_deref()
                .is_some_and(|c| containers.contains(c))
        })
        .collect();
    if !inside.is_empty() {
        *candidates = inside;
    }
}

fn default_population(kind: PlaceKind) -> u64 {
    match kind {
        PlaceKind::Country | PlaceKind::Region => 10_000_000,
        PlaceKind::AdminArea => 1_000_000,
        _ => 10_000,
    }
}

/// A log10-odds-like score: population, curated over broad, the article's countries.
fn score(idx: PlaceIdx, g: &Gazetteer, ctx: &ContextCountries) -> f64 {
    let p = g.get(idx);
    let population = p.population.unwrap_or_else(|| default_population(p.kind)) as f64;
    let mut s = (population + 1000.0).log10();
    if p.source != PlaceSource::Broad {
        s += 1.0;
    }
    if let Some(c) = p.country.as_deref() {
        let max = ctx.max();
        if max > 0 {
            s += 2.0 * f64::from(ctx.count(c)) / f64::from(max);
        }
        if ctx.with_admin_area.iter().any(|a| a == c) {
            s += 2.0;
        }
    }
    s
}

/// The best candidate and the confidence in it.
fn choose(candidates: &[PlaceIdx], g: &Gazetteer, ctx: &ContextCountries) -> (PlaceIdx, f32) {
    let scored: Vec<(PlaceIdx, f64)> = candidates
        .iter()
        .map(|&idx| (idx, score(idx, g, ctx)))
        .collect();
    let (best, best_score) = scored
        .iter()
        .copied()
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .unwrap_or((candidates[0], 0.0));
    // Share of the best among all candidates, reading scores as log10 odds.
    let total: f64 = scored.iter().map(|(_, s)| 10f64.powf(s - best_score)).sum();
    let share = 1.0 / total;
    let base = if g.get(best).source == PlaceSource::Broad {
        0.8
    } else {
        0.95
    };
    (best, (base * share) as f32)
}

/// A capitalised name that looks like a place but is not in the gazetteer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnknownName {
    pub start: usize,
    pub end: usize,
    pub name: String,
}

/// Words after which a capitalised name is likely a place.
const PLACE_CUES: &[&str] = &[
    "in", "at", "near", "from", "outside", "around", "towards", "toward",
];
/// Nouns that, followed by "of", introduce a place: "the town of X".
const PLACE_NOUNS: &[&str] = &[
    "area",
    "city",
    "district",
    "neighbourhood",
    "neighborhood",
    "outskirts",
    "province",
    "region",
    "suburb",
    "town",
    "village",
    "municipality",
    "oasis",
    "port",
];
/// Verbs and nouns of movement after which "to X" names a place.
const MOTION_BEFORE_TO: &[&str] = &[
    "advance",
    "advanced",
    "advancing",
    "close",
    "fled",
    "flee",
    "fleeing",
    "flew",
    "flown",
    "go",
    "going",
    "head",
    "headed",
    "heading",
    "moved",
    "next",
    "retreated",
    "returned",
    "road",
    "route",
    "sent",
    "travel",
    "travelled",
    "traveled",
    "way",
    "withdrew",
    "deployed",
    "pushed",
];
/// Capitalised words that start no place name.
const NOT_PLACE_WORDS: &[&str] = &[
    "A",
    "An",
    "April",
    "August",
    "Christmas",
    "December",
    "Eid",
    "February",
    "Field",
    "Friday",
    "General",
    "God",
    "Government",
    "He",
    "Her",
    "His",
    "I",
    "It",
    "Its",
    "January",
    "July",
    "June",
    "Marshal",
    "March",
    "May",
    "Minister",
    "Monday",
    "Mr",
    "Mrs",
    "Ms",
    "November",
    "October",
    "Our",
    "President",
    "Prime",
    "Ramadan",
    "Saturday",
    "September",
    "She",
    "Sunday",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Thursday",
    "Tuesday",
    "We",
    "Wednesday",
    "Twitter",
    "Facebook",
    "Reuters",
    "Europe",
    "Arab",
    "Arabs",
    "Kurdish",
    "Kurds",
    "European",
    "Western",
    "Eastern",
    "Islamic",
    "African",
    "Berber",
    "Amazigh",
    "Tuareg",
    "Tebu",
    "Toubou",
];
/// Lowercase words that may sit inside a place name: "Qasr bin Ghashir", "Pratica di Mare".
const NAME_CONNECTORS: &[&str] = &[
    "al", "el", "bin", "ben", "bani", "beni", "de", "di", "du", "la", "le", "ad", "as", "az", "ar",
    "ash", "at",
];

/// Suffixes after which the word before names a place: "Tobruk-based".
const HYPHEN_SUFFIXES: &[&str] = &["-based", "-held", "-controlled"];

#[derive(Clone, Copy, Debug)]
struct Word<'t> {
    start: usize,
    end: usize,
    text: &'t str,
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        // Letters, digits and in-word apostrophes or hyphens ("Al-Watiya", "Ben Gashir").
        let inside = c.is_alphanumeric() || (start.is_some() && matches!(c, '-' | '\'' | '’'));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(trimmed_word(text, s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(trimmed_word(text, s, text.len()));
    }
    out
}

fn trimmed_word(text: &str, start: usize, end: usize) -> Word<'_> {
    let mut w = text[start..end].trim_end_matches(['-', '\'', '’']);
    // "Tarhuna-based": the word is "Tarhuna"; the caller looks at the suffix.
    for suffix in HYPHEN_SUFFIXES {
        if let Some(stem) = w.strip_suffix(suffix).filter(|s| !s.is_empty()) {
            w = stem;
        }
    }
    // Drop a possessive: "Gharyan's" is the name "Gharyan".
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w);
    Word {
        start,
        end: start + w.len(),
        text: w,
    }
}

fn is_name_word(w: &str) -> bool {
    // "al-Khamis", "el-Sider": an article prefix before a capitalised name.
    let core = match w.split_once('-') {
        Some((prefix, rest)) if NAME_CONNECTORS.contains(&prefix) => rest,
        _ => w,
    };
    is_capitalised(core) && !NOT_PLACE_WORDS.contains(&core) && !is_all_caps(core)
}

/// Capitalised names that look like places ("in Wadi Rabii", "the town of X") and match nothing.
pub fn unknown_place_names(text: &str, gazetteer: &Gazetteer) -> Vec<UnknownName> {
    let ws = words(text);
    let known: Vec<Span> = accepted_spans(text, gazetteer);
    let covered = |start: usize, end: usize| known.iter().any(|s| s.start < end && start < s.end);
    let only_spaces =
        |a: usize, b: usize| text.get(a..b).is_some_and(|g| g.chars().all(|c| c == ' '));
    let mut out: Vec<UnknownName> = Vec::new();
    let mut push = |first: usize, last: usize| {
        let (start, end) = (ws[first].start, ws[last].end);
        if covered(start, end) || out.iter().any(|u| u.start == start) {
            return;
        }
        out.push(UnknownName {
            start,
            end,
            name: text[start..end].to_owned(),
        });
    };
    // The run of name words starting at word `k`: capitalised words and connectors between
    // them, separated by single spaces, at most five words.
    let run_from = |k: usize| -> Option<usize> {
        if !ws.get(k).is_some_and(|w| is_name_word(w.text)) {
            return None;
        }
        let mut last = k;
        let mut j = k + 1;
        while j < ws.len()
            && j < k + 5
            && only_spaces(ws[j - 1].end, ws[j].start)
            && ws[j - 1].end == ws[j - 1].start + ws[j - 1].text.len()
        {
            let w = ws[j].text;
            if is_name_word(w) {
                last = j;
            } else if !NAME_CONNECTORS.contains(&w) {
                break;
            }
            // A possessive ends the name.
            if text
                .get(ws[j].end..)
                .is_some_and(|r| r.starts_with("'s") || r.starts_with("’s"))
            {
                break;
            }
            j += 1;
        }
        Some(last)
    };
    for k in 0..ws.len() {
        let w = ws[k].text;
        let cue = PLACE_CUES.contains(&w)
            || (w == "to"
                && k > 0
                && MOTION_BEFORE_TO.contains(&ws[k - 1].text.to_lowercase().as_str()))
            || (w == "of"
                && k > 0
                && PLACE_NOUNS.contains(&ws[k - 1].text.to_lowercase().as_str()));
        if cue
            && only_spaces(ws[k].end, ws.get(k + 1).map_or(ws[k].end, |n| n.start))
            && let Some(last) = run_from(k + 1)
        {
            push(k + 1, last);
        }
        // "Tarhuna-based": the name before "-based" or "-held".
        let suffix = text.get(ws[k].end..).unwrap_or("");
        if HYPHEN_SUFFIXES.iter().any(|s| suffix.starts_with(s)) && is_name_word(w) {
            let mut first = k;
            while first > 0
                && only_spaces(ws[first - 1].end, ws[first].start)
                && (is_name_word(ws[first - 1].text)
                    || NAME_CONNECTORS.contains(&ws[first - 1].text))
                && k - first < 4
            {
                first -= 1;
            }
            while first < k && !is_name_word(ws[first].text) {
                first += 1;
            }
            push(first, k);
        }
    }
    out.retain(|u| !is_demonym_phrase(&u.name, gazetteer));
    out.sort_by_key(|u| u.start);
    out
}

/// A name that is a demonym of the gazetteer ("Libyan"), not a place.
fn is_demonym_phrase(name: &str, g: &Gazetteer) -> bool {
    g.name_hits(name).iter().any(|h| {
        h.start == 0
            && h.end == name.len()
            && h.targets()
                .any(|(role, _)| matches!(role, NameRole::Demonym(_)))
    })
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
            .map(|m| (text[m.start..m.end].to_owned(), g.get(m.place).id.clone()))
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
            .and_then(|m| g.get(m.place).country.clone())
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
            "demonyms are no mentions"
        );
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
                .map(|m| (m.start, m.end, g.get(m.place).id.clone()))
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
}
