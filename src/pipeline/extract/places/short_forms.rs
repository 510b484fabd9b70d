//! A town's short form: after "Rio de Janeiro", "Sharm el-Sheikh" or "Addis Ababa", the news
//! writes "Rio", "Sharm", "Addis". The gazetteer cannot hold every such first word as a name
//! (most are no place's name, or a village's elsewhere: Rio, Wisconsin), so the article decides:
//! the first word of a town it has named in full, standing alone later where the words around it
//! say place ("in Rio", "Rio and Sao Paulo"), is that town (one sense per article).

use super::words::{FUNCTION_WORDS, opens_a_list_of_places, word_before};
use super::{PlaceMention, Reason};
use crate::gazetteer::{Gazetteer, NameRole, PlaceKind, PlaceSource};

/// First words of towns' names that stand for no town alone: they open many names ("Port",
/// "San", "North"), or are words and titles ("Saint", "Santa", "Abu" of a person's name).
const OPENING_WORDS: &[&str] = &[
    "Abu", "Bad", "Bandar", "Ban", "Bay", "Ben", "Cape", "Ciudad", "Da", "East", "El", "Fort",
    "Grand", "Great", "Kota", "La", "Lake", "Las", "Le", "Les", "Little", "Los", "Lower", "Mount",
    "New", "North", "Old", "Palm", "Port", "Porto", "Puerto", "Saint", "San", "Santa", "Santo",
    "Sao", "São", "South", "St", "Sainte", "Upper", "West",
];

/// A town of the gazetteer this size or more answers to its own name: the short form is then
/// that town's name as well, and the matcher has decided it ("Frankfurt", "Porto").
const OWN_TOWN_POPULATION: u64 = 100_000;

/// At most this many towns' short forms are looked for in one article.
const MAX_FORMS: usize = 16;

/// Adds to `mentions` (sorted by start, non-overlapping) the later short forms of towns the
/// article names in full (see the module's note), and gives a short form the matcher read as a
/// small town of that name (Rio, Wisconsin) the town named in full. A short form two towns of
/// the article share ("Rio de Janeiro", "Rio Branco") is left alone.
pub(super) fn add_short_forms(text: &str, g: &Gazetteer, mentions: &mut Vec<PlaceMention>) {
    // (short form, the full name's mention); most articles have none.
    let mut forms: Vec<(&str, &PlaceMention)> = Vec::new();
    let mut shared: Vec<&str> = Vec::new();
    for m in mentions.iter() {
        // (A site shown at its town is no name of the town: "McGill University in Montreal".)
        if m.reason == Reason::Demonym
            || m.reason.is_site()
            || g.get(m.place).kind != PlaceKind::City
        {
            continue;
        }
        let Some((first, _)) = text[m.start..m.end].split_once(' ') else {
            continue;
        };
        match forms.iter().find(|(w, _)| *w == first) {
            Some((_, earlier)) => {
                if earlier.place != m.place {
                    shared.push(first);
                }
            }
            None => {
                if forms.len() < MAX_FORMS && may_stand_alone(first) {
                    forms.push((first, m));
                }
            }
        }
    }
    forms.retain(|(w, _)| !shared.contains(w));
    if forms.is_empty() {
        return;
    }
    let mut added: Vec<PlaceMention> = Vec::new();
    let mut changed: Vec<(usize, PlaceMention)> = Vec::new();
    for &(form, full) in &forms {
        // Whether the word is a large place's own name, asked (of the gazetteer, the costly
        // test) only once a standing-alone occurrence is found: most first words never stand
        // alone again ("Los" of "Los Angeles").
        let mut own_name: Option<bool> = None;
        for at in memchr::memmem::find_iter(&text.as_bytes()[full.end..], form.as_bytes()) {
            let start = full.end + at;
            let end = start + form.len();
            if !stands_alone(text, start, end) || !placed_by_its_words(text, start, end, mentions) {
                continue;
            }
            if *own_name.get_or_insert_with(|| names_a_place_of_its_own(form, g)) {
                break;
            }
            let short = PlaceMention {
                start,
                end,
                place: full.place,
                confidence: full.confidence,
                reason: Reason::OneSense,
            };
            let k = mentions.partition_point(|m| m.end <= start);
            match mentions.get(k) {
                Some(m) if m.start < end => {
                    // Read alone as a small town of that name: the town named in full.
                    if (m.start, m.end) == (start, end) && small_town(g, m) {
                        changed.push((k, short));
                    }
                }
                _ => added.push(short),
            }
        }
    }
    for (k, short) in changed {
        mentions[k] = short;
    }
    if !added.is_empty() {
        mentions.append(&mut added);
        mentions.sort_by_key(|m| m.start);
        mentions.dedup_by(|b, a| b.start < a.end);
    }
}

/// The first word of a town's name may stand for the town: a capitalised word of three
/// letters or more that opens no other names.
fn may_stand_alone(word: &str) -> bool {
    word.chars().count() >= 3
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().all(char::is_alphabetic)
        && !OPENING_WORDS.contains(&word)
        && !FUNCTION_WORDS.iter().any(|f| f.eq_ignore_ascii_case(word))
}

/// The word is a large place's own name in the gazetteer (or a curated place's, a division's or
/// a country's): the matcher has decided it where it stands ("Kansas", "Porto").
fn names_a_place_of_its_own(word: &str, g: &Gazetteer) -> bool {
    g.name_hits(word).iter().any(|h| {
        h.start == 0
            && h.end == word.len()
            && h.targets().any(|(role, _)| {
                matches!(role, NameRole::Place(_))
                    && role.place().is_some_and(|p| {
                        let p = g.get(p);
                        p.source != PlaceSource::Broad
                            || p.kind != PlaceKind::City
                            || p.population.unwrap_or(0) >= OWN_TOWN_POPULATION
                    })
            })
    })
}

/// The word at `start..end` stands alone: no letter or hyphen joins it to the text around, and
/// no capitalised word follows it ("Rio Grande" is another name).
fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let joined = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
    let next_capitalised = text[end..]
        .strip_prefix(' ')
        .and_then(|a| a.chars().next())
        .is_some_and(char::is_uppercase);
    !joined(before) && !joined(after) && !next_capitalised
}

/// The words around say place: a place preposition before ("in Rio", "from Sharm"), or a
/// place of the article joined by "and" or a comma ("linking Rio and Sao Paulo"). `mentions`
/// are sorted by start and apart, so by their ends too.
fn placed_by_its_words(text: &str, start: usize, end: usize, mentions: &[PlaceMention]) -> bool {
    if opens_a_list_of_places(text, start) {
        return true;
    }
    let joined_after = [" and ", ", "].iter().any(|sep| {
        let at = end + sep.len();
        text[end..].starts_with(sep) && mentions.binary_search_by_key(&at, |m| m.start).is_ok()
    });
    let joined_before = word_before(text, start) == Some("and")
        && start >= 5
        && mentions
            .binary_search_by_key(&(start - 5), |m| m.end)
            .is_ok();
    joined_after || joined_before
}

/// The mention is a town of the broad layer too small to answer to its name on its own
/// ([`OWN_TOWN_POPULATION`]) and not placed by an apposition.
fn small_town(g: &Gazetteer, m: &PlaceMention) -> bool {
    let p = g.get(m.place);
    p.source == PlaceSource::Broad
        && p.kind == PlaceKind::City
        && p.population.unwrap_or(0) < OWN_TOWN_POPULATION
        && m.reason != Reason::Apposition
}
