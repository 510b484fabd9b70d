//! The unknown-name finder: capitalised names that look like places (after "in", "the town of",
//! "fled to") but that the gazetteer does not have, for the "Missing places" list and `check`.

use serde::Serialize;

use super::words::{COMPASS_WORDS, is_function_word};
use super::{Span, accepted_spans, is_all_caps, is_capitalised};
use crate::gazetteer::{Gazetteer, NameRole};

/// A capitalised name that looks like a place but is not in the gazetteer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnknownName {
    pub start: usize,
    pub end: usize,
    pub name: String,
}

/// Words after which a capitalised name is likely a place.
pub(super) const PLACE_CUES: &[&str] = &[
    "in", "at", "near", "from", "outside", "around", "towards", "toward",
];
/// Verbs of moving and spreading after which "through X" names a place ("tore through
/// Cobargo"; not "available through Ticketmaster", "through Jan. 2").
const MOTION_BEFORE_THROUGH: &[&str] = &[
    "burned",
    "burning",
    "cut",
    "drove",
    "marched",
    "moved",
    "passed",
    "raged",
    "ripped",
    "spread",
    "swept",
    "tore",
    "travelled",
    "traveled",
    "went",
];
/// Plural nouns after a list of names that make the names streets or schools, not places:
/// "Crabgrass, Owens and Harris roads", "Deer Run and Thomas elementary schools".
const LIST_OF_THINGS: &[&str] = &[
    "avenues",
    "drives",
    "elementary",
    "highways",
    "lanes",
    "roads",
    "schools",
    "streets",
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
    // Plurals open a list: "the fields of Sharara and El Feel" ([`list_after`]).
    "areas",
    "districts",
    "fields",
    "ports",
    "provinces",
    "regions",
    "suburbs",
    "towns",
    "villages",
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

/// Words that end a natural feature's name, which is a place whatever word comes before it:
/// "lowered Gatun Lake", "landed on Fortune Island".
const FEATURE_TAILS: &[&str] = &[
    "Bay",
    "Canal",
    "Desert",
    "Island",
    "Islands",
    "Lake",
    "Mountains",
    "Peninsula",
    "Plateau",
    "River",
    "Strait",
    "Valley",
];
/// Words that open one: "Lake Springfield", "Mount Sinjar", "Cape Horn".
const FEATURE_HEADS: &[&str] = &["Cape", "Lake", "Mount", "Mt"];

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

/// A name word that may open a name: not a capitalised preposition or adverb opening a sentence
/// ("On Kangaroo Island"; a compass word may: "East Gippsland"), nor a calendar word or title
/// ("through Jan. 2").
fn opens_name(w: &str) -> bool {
    is_name_word(w)
        && (!is_function_word(w) || COMPASS_WORDS.contains(&w))
        && !crate::extract::dates::is_not_a_name(w)
}

/// Capitalised names that look like places ("in Wadi Rabii", "the town of X") and match nothing.
pub fn unknown_place_names(text: &str, gazetteer: &Gazetteer) -> Vec<UnknownName> {
    let ws = words(text);
    let known: Vec<Span> = accepted_spans(text, gazetteer);
    let covered = |start: usize, end: usize| known.iter().any(|s| s.start < end && start < s.end);
    let only_spaces =
        |a: usize, b: usize| text.get(a..b).is_some_and(|g| g.chars().all(|c| c == ' '));
    let mut out: Vec<UnknownName> = Vec::new();
    let push = |out: &mut Vec<UnknownName>, first: usize, last: usize| {
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
        if !ws.get(k).is_some_and(|w| opens_name(w.text)) {
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
            || (w == "through"
                && k > 0
                && MOTION_BEFORE_THROUGH.contains(&ws[k - 1].text.to_lowercase().as_str()))
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
            push(&mut out, k + 1, last);
            // "tore through Cobargo, Quaama and Batemans Bay", "the fields of Sharara and El
            // Feel": the names listed after the first, where the first is a place's whole
            // name, known or not ("at Lombard Odier, Abn Amro and ..." lists firms).
            let plural = w == "of" && ws[k - 1].text.ends_with('s');
            let (first_start, first_end) = (ws[k + 1].start, ws[last].end);
            let whole = !covered(first_start, first_end)
                || known
                    .iter()
                    .any(|s| s.start == first_start && s.end == first_end);
            let mut items: Vec<(usize, usize, &str)> = Vec::new();
            let mut prev = last;
            while whole && items.len() < 8 {
                let Some((next, sep)) = list_after(text, &ws, prev) else {
                    break;
                };
                let Some(next_last) = run_from(next) else {
                    break;
                };
                items.push((next, next_last, sep));
                prev = next_last;
            }
            // A list is closed by "and" or "or" after a comma ("A, B and C"), or follows a
            // plural noun ("the fields of A and B"): "in Paris, Jean Dupont said", "Brent
            // Boggs, D-Braxton, a sponsor" and "met in Rome and Conte said" list nothing; nor
            // do names before "roads" or "schools".
            let closed = items.last().is_some_and(|&(_, _, sep)| sep != ", ")
                && items.iter().any(|&(_, _, sep)| sep == ", ");
            let things =
                word_after_end(text, ws[prev].end).is_some_and(|n| LIST_OF_THINGS.contains(&n));
            if (plural || closed) && !things {
                for &(next, next_last, _) in &items {
                    push(&mut out, next, next_last);
                }
            }
        }
        // "Es Sider, Ras Lanuf, Brega, Hariga and Zueitina": a name between two places of a
        // list (a person's name after a place, "In Paris, Jean Dupont said", has no place
        // after it).
        if let Some(last) = run_from(k)
            && in_a_list_of_places(text, ws[k].start, ws[last].end, &known)
        {
            push(&mut out, k, last);
        }
        // "Gatun Lake", "Lake Springfield": a feature's name of two or three words, where a
        // run of names starts.
        let run_starts = k == 0
            || !only_spaces(ws[k - 1].end, ws[k].start)
            || !(opens_name(ws[k - 1].text) || NAME_CONNECTORS.contains(&ws[k - 1].text));
        if run_starts
            && let Some(last) = run_from(k)
            && (1..=2).contains(&(last - k))
            && (FEATURE_TAILS.contains(&ws[last].text) || FEATURE_HEADS.contains(&w))
        {
            push(&mut out, k, last);
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
            push(&mut out, first, k);
        }
    }
    out.retain(|u| !is_demonym_phrase(&u.name, gazetteer));
    out.sort_by_key(|u| u.start);
    out
}

/// The lower-case word after a space at `end`, if any.
fn word_after_end(text: &str, end: usize) -> Option<&str> {
    let rest = text.get(end..)?.strip_prefix(' ')?;
    let to = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    Some(&rest[..to]).filter(|w| w.starts_with(char::is_lowercase))
}

/// The word after the list separator that follows word `last`, and the separator: "Cobargo,
/// Quaama" gives Quaama's index and ", ".
fn list_after<'s>(text: &str, ws: &[Word<'_>], last: usize) -> Option<(usize, &'s str)> {
    let end = ws.get(last)?.end;
    let after = text.get(end..)?;
    let sep = LIST_SEPARATORS
        .iter()
        .find(|sep| after.starts_with(**sep))?;
    let at = end + sep.len();
    let next = ws[last + 1..].iter().position(|w| w.start == at)? + last + 1;
    Some((next, sep))
}

/// The list separators between two places: "A, B", "A and B", "A, and B", "A or B".
const LIST_SEPARATORS: &[&str] = &[", and ", ", or ", ", ", " and ", " or "];

/// The name at `start..end` stands between two names the gazetteer knows as places, separated
/// from each by a list separator, the one before by a comma ("Brega, Hariga and Zueitina").
fn in_a_list_of_places(text: &str, start: usize, end: usize, known: &[Span]) -> bool {
    let Some(before) = text.get(..start).and_then(|b| b.strip_suffix(", ")) else {
        return false;
    };
    let after = text.get(end..).unwrap_or("");
    let Some(next) = LIST_SEPARATORS
        .iter()
        .find_map(|sep| after.strip_prefix(sep))
        .map(|rest| text.len() - rest.len())
    else {
        return false;
    };
    // (Places by name, not a demonym or a town named like a surname: "Russian, North Ossetian
    // and Georgian", "Day, Edwards, Gipson and Miller".)
    let a_place = |s: &Span| s.roles.iter().any(|(r, _)| matches!(r, NameRole::Place(_)));
    known.iter().any(|s| s.end == before.len() && a_place(s))
        && known.iter().any(|s| s.start == next && a_place(s))
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
