//! The unknown-name finder: capitalised names that look like places (after "in", "the town of",
//! "fled to") but that the gazetteer does not have, for the "Missing places" list and `check`.

use serde::Serialize;

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
        // "Es Sider, Ras Lanuf, Brega, Hariga and Zueitina": a name between two places of a
        // list (a person's name after a place, "In Paris, Jean Dupont said", has no place
        // after it).
        if let Some(last) = run_from(k)
            && in_a_list_of_places(text, ws[k].start, ws[last].end, &known)
        {
            push(k, last);
        }
        // "Gatun Lake", "Lake Springfield": a feature's name of two or three words, where a
        // run of names starts.
        let run_starts = k == 0
            || !only_spaces(ws[k - 1].end, ws[k].start)
            || !(is_name_word(ws[k - 1].text) || NAME_CONNECTORS.contains(&ws[k - 1].text));
        if run_starts
            && let Some(last) = run_from(k)
            && (1..=2).contains(&(last - k))
            && (FEATURE_TAILS.contains(&ws[last].text) || FEATURE_HEADS.contains(&w))
        {
            push(k, last);
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
