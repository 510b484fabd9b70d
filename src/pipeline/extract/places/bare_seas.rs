//! Seas named by a bare word: "the Gulf" is the Persian Gulf in a story of Kuwait and Iran, the
//! Gulf of Mexico in one of Louisiana's coast; "the Channel" is the English Channel in a story
//! of Dover and Calais. No gazetteer can hold such a word as a name (any sea may be "the Gulf"),
//! so the places the article names around it decide, and where they do not, nothing is placed.

use std::sync::LazyLock;

use memchr::memmem;

use super::{PlaceMention, Reason};
use crate::gazetteer::Gazetteer;

/// A sea a bare word may mean, and the shores that show it is meant.
struct Sense {
    /// The sea's id in the curated gazetteer.
    id: &'static str,
    /// Countries on its shore.
    countries: &'static [&'static str],
    /// First-level divisions on its shore (`CC.code`), where the country has other coasts.
    divisions: &'static [&'static str],
}

/// The bare words, and the seas each may mean.
const BARE: &[(&str, &[Sense])] = &[
    (
        "Gulf",
        &[
            Sense {
                id: "persian-gulf",
                countries: &["AE", "BH", "IQ", "IR", "KW", "OM", "QA", "SA"],
                divisions: &[],
            },
            Sense {
                id: "gulf-of-mexico",
                countries: &["CU", "MX"],
                divisions: &["US.AL", "US.FL", "US.LA", "US.MS", "US.TX"],
            },
        ],
    ),
    (
        "Channel",
        &[Sense {
            id: "english-channel",
            countries: &["FR", "GB", "GG", "JE"],
            divisions: &[],
        }],
    ),
];

/// Lower-case words after "Gulf" that make it the sea without "the" ("other Gulf states").
const GULF_NOUNS: &[&str] = &[
    "allies",
    "countries",
    "monarchies",
    "nations",
    "neighbors",
    "neighbours",
    "region",
    "rulers",
    "states",
];

/// The finders of the bare words of [`BARE`].
static FINDERS: LazyLock<Vec<memmem::Finder<'static>>> = LazyLock::new(|| {
    BARE.iter()
        .map(|(word, _)| memmem::Finder::new(word.as_bytes()))
        .collect()
});

/// A mention of the sea's own name counts this many times the shore's places.
const OWN_NAME_WEIGHT: u32 = 3;

/// The confidence of a bare word's sea where only one sea's shores are named.
const CONFIDENCE: f32 = 0.8;

/// Adds to `mentions` (sorted by start, non-overlapping) each bare word for a sea ("the Gulf")
/// whose sea the article's other places show, as a mention of that sea.
pub(super) fn add_bare_seas(text: &str, g: &Gazetteer, mentions: &mut Vec<PlaceMention>) {
    let mut added: Vec<PlaceMention> = Vec::new();
    for (&(word, senses), finder) in BARE.iter().zip(FINDERS.iter()) {
        let mut sea: Option<Option<(usize, f32)>> = None;
        // (memchr's finders, built once: most articles hold no such word, and a plain
        // `match_indices` over every article cost 4% of the extraction.)
        for at in finder.find_iter(text.as_bytes()) {
            let end = at + word.len();
            if !stands_for_the_sea(text, at, end, word) || overlaps(mentions, at, end) {
                continue;
            }
            // Decided once per article, at the first bare word that needs it.
            let Some((sense, confidence)) =
                *sea.get_or_insert_with(|| sea_of_the_story(senses, g, mentions))
            else {
                break;
            };
            let Some(place) = g.by_id(senses[sense].id) else {
                break;
            };
            added.push(PlaceMention {
                start: at,
                end,
                place,
                confidence,
                reason: Reason::SeaBesidePlaces,
            });
        }
    }
    if !added.is_empty() {
        mentions.append(&mut added);
        mentions.sort_by_key(|m| m.start);
    }
}

/// The word at `at..end` is a bare word for a sea: a whole capitalised word after "the", not
/// the start of a longer name ("the Gulf of Aden", "the Gulf War", "the Channel Tunnel"); or
/// "Gulf" before a word for its countries ("other Gulf states").
fn stands_for_the_sea(text: &str, at: usize, end: usize, word: &str) -> bool {
    let after = &text[end..];
    if after.starts_with(|c: char| c.is_alphanumeric() || c == '-') {
        return false;
    }
    if text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
    {
        return false;
    }
    let next = after.strip_prefix(' ').map(|rest| {
        rest.split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
    });
    if next.is_some_and(|w| w == "of" || w.starts_with(char::is_uppercase) && w != "Arab") {
        return false;
    }
    let before = text[..at]
        .strip_suffix(' ')
        .map(|head| head.rsplit([' ', '\n']).next().unwrap_or(head));
    matches!(before, Some("the" | "The"))
        || word == "Gulf" && next.is_some_and(|w| w == "Arab" || GULF_NOUNS.contains(&w))
}

/// The sea the article's places show (the index in `senses`) and the confidence in it; `None`
/// where no place of any of its shores is named, or as many of two seas' shores.
fn sea_of_the_story(
    senses: &[Sense],
    g: &Gazetteer,
    mentions: &[PlaceMention],
) -> Option<(usize, f32)> {
    let votes: Vec<u32> = senses
        .iter()
        .map(|sense| {
            let own = g.by_id(sense.id);
            mentions
                .iter()
                .map(|m| {
                    if Some(m.place) == own {
                        return OWN_NAME_WEIGHT;
                    }
                    let on_shore = g
                        .get(m.place)
                        .country
                        .is_some_and(|c| sense.countries.contains(&c))
                        || g.admin1(m.place)
                            .is_some_and(|key| sense.divisions.contains(&key));
                    u32::from(on_shore)
                })
                .sum()
        })
        .collect();
    let total: u32 = votes.iter().sum();
    let (best, &most) = votes.iter().enumerate().max_by_key(|&(_, v)| *v)?;
    if most == 0 || votes.iter().filter(|&&v| v == most).count() > 1 {
        return None;
    }
    Some((best, CONFIDENCE * most as f32 / total as f32))
}

/// Some mention of `sorted` (sorted by start, non-overlapping) overlaps `start..end`.
fn overlaps(sorted: &[PlaceMention], start: usize, end: usize) -> bool {
    let first = sorted.partition_point(|m| m.end <= start);
    sorted.get(first).is_some_and(|m| m.start < end)
}
