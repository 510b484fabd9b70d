//! Sites in towns: a street, building or venue the gazetteer does not have, named with the town
//! it lies in ("the Barclays Center in Brooklyn", "Kamenné Square in Bratislava", "Derry's
//! Altnagelvin Hospital", "the Convention Centre, Dublin"), is a mention of that town: what the
//! sentence tells happened there. The site's other mentions in the article, without the town
//! ("fighters stormed the Barclays Center"), are the same site (one sense per article). A site
//! never named with a town is a mention of the town of the story's dateline, or of the town
//! named beside it ([`sites_without_town`]): a marker at the town, whose hover says it shows a
//! site there.
//!
//! A site name is a run of capitalised words closed by a word for a street, building or venue
//! ([`TAIL_HEADS`]: "Royal Street", "Jamsil Stadium", "Crossroads Correctional Center"), or
//! opened by one before "of" ("University of Perpetual Help", "Museum of Ice Cream"). Place names
//! inside it are not places of their own ("Oxford Street in London" is not Oxford; "the Russian
//! Embassy in London" is in London). A road's number is a site too ("the A120 at Coggeshall"),
//! and a name before a possessive and a building's word is its patron, no town ("St George's
//! Chapel" is not St. George, Utah).

use super::person_names::GIVEN_NAMES;
use super::words::{
    COMPASS_WORDS, FUNCTION_WORDS, WEEKDAYS, WordSet, after_last_space, after_possessive,
    at_line_start, dateline_after_headline, is_all_caps, is_direction, is_function_word,
    is_honorific, rsplit_once_ascii, word_before,
};
use super::{PlaceMention, Reason, TOWN_NOUNS};
use crate::gazetteer::{Gazetteer, NameRole, PlaceKind};
use crate::pipeline::extract::step_to_capital;

/// Capitalised words that close the name of a street, building or venue.
const TAIL_HEADS: &[&str] = &[
    "Abbey",
    "Academy",
    "Arena",
    "Ave",
    "Ave.",
    "Avenue",
    "Ballpark",
    "Basilica",
    "Blvd",
    "Blvd.",
    "Boulevard",
    "Bridge",
    "Building",
    "Cafe",
    "Campus",
    "Castle",
    "Cathedral",
    "Cemetery",
    "Center",
    "Centre",
    "Chapel",
    "Church",
    "Clinic",
    "Club",
    "College",
    "Complex",
    "Consulate",
    "Court",
    "Courthouse",
    "Drive",
    "Embassy",
    "Estate",
    "Factory",
    "Gallery",
    "Garden",
    "Gardens",
    "Graveyard",
    "Hall",
    "Highway",
    "Hospital",
    "Hotel",
    "Infirmary",
    "Jail",
    "Lane",
    "Library",
    "Mall",
    "Market",
    "Mosque",
    "Museum",
    "Palace",
    "Park",
    "Parkway",
    "Penitentiary",
    "Pier",
    "Plaza",
    "Prison",
    "Racecourse",
    "Rd",
    "Rd.",
    "Restaurant",
    "Road",
    "School",
    "Square",
    "St",
    "St.",
    "Stadium",
    "Station",
    "Street",
    "Studio",
    "Studios",
    "Synagogue",
    "Temple",
    "Terrace",
    "Theater",
    "Theatre",
    "Tower",
    "University",
    "Wharf",
    "Zoo",
];

/// Capitalised words that open the name of a building or body before "of" ("University of
/// Perpetual Help", "Museum of Ice Cream", "Palais des Nations", "Church of St Mary").
const LEAD_HEADS: &[&str] = &[
    "Cathedral",
    "Church",
    "Gallery",
    "Hospital",
    "Library",
    "Museum",
    "Palace",
    "Palais",
    "Temple",
    "University",
];

/// Words that join the capitalised words of a site's name ("University of Perpetual Help").
/// ("and" would join two sites into one: "Smith College and Bates Hall in Lewiston".)
const CONNECTORS: &[&str] = &["de", "del", "della", "des", "di", "du", "la", "le", "of"];

/// Closing words that are surnames as well: after a given name alone, a person ("Nathan Lane
/// in New York", "Arsenio Hall, Los Angeles").
const SURNAME_HEADS: &[&str] = &[
    "Bridge", "Castle", "Chapel", "Church", "Court", "Garden", "Hall", "Lane", "Park", "Street",
    "Temple", "Tower",
];

/// Abbreviations with a full stop that a site's name may hold ("N. Bedford Drive", "22nd St.").
const DOTTED: &[&str] = &["Ave.", "Blvd.", "Ft.", "Mt.", "Rd.", "St."];

/// At most this many words in a site's name.
const MAX_SITE_WORDS: usize = 7;

/// At most this many different sites per article are looked for again by name.
const MAX_SITES: usize = 32;

/// Adds to `mentions` (sorted by start, non-overlapping) the sites named with their town (see
/// the module's note) and the site's other mentions, each as a mention of the town; place
/// mentions inside a site's name give way to it.
pub(super) fn add_sites_in_towns(text: &str, g: &Gazetteer, mentions: &mut Vec<PlaceMention>) {
    mentions.retain(|m| !names_a_buildings_patron(text, m.end));
    let mut sites: Vec<PlaceMention> = Vec::new();
    for m in mentions.iter() {
        if m.reason == Reason::Demonym
            || !matches!(g.get(m.place).kind, PlaceKind::City | PlaceKind::District)
        {
            continue;
        }
        let site =
            site_before_town(text, m.start).or_else(|| site_after_possessive_town(text, m.end));
        if let Some((start, end)) = site
            && names_a_town(text, m)
        {
            sites.push(PlaceMention {
                start,
                end,
                place: m.place,
                confidence: m.confidence,
                reason: Reason::SiteInTown,
            });
        }
    }
    sites_without_town(text, g, mentions, &mut sites);
    if sites.is_empty() {
        return;
    }
    // "The Colony Theatre in Los Angeles": a site's name opened by "The" that a place's name
    // holds too ("The Colony", Texas) takes it back.
    for s in &mut sites {
        if let Some(m) = overlapping(mentions, s.start, s.start + 1).first()
            && m.start < s.start
            && text[m.start..s.start]
                .strip_suffix(' ')
                .is_some_and(|w| FUNCTION_WORDS.contains(&w))
        {
            s.start = m.start;
        }
    }
    // A site that overlaps a place the gazetteer has (an airport, a facility) or a place it does
    // not hold whole is left alone.
    sites.retain(|s| {
        overlapping(mentions, s.start, s.end).iter().all(|m| {
            s.start <= m.start
                && m.end <= s.end
                && (m.start, m.end) != (s.start, s.end)
                && !matches!(
                    g.get(m.place).kind,
                    PlaceKind::Airport | PlaceKind::AirBase | PlaceKind::Facility
                )
        })
    });
    sites.sort_by_key(|s| s.start);
    sites.dedup_by(|b, a| b.start < a.end);
    // The sites' other mentions, found by name; binary searches keep this linear in the
    // mentions however often a name recurs.
    let mut again: Vec<PlaceMention> = Vec::new();
    let mut named: Vec<&str> = Vec::new();
    for s in &sites {
        let name = &text[s.start..s.end];
        if named.len() >= MAX_SITES || named.contains(&name) {
            continue;
        }
        named.push(name);
        // (`memmem`: a vector scan of the story per name, several times faster than the
        // standard library's searcher on a story with many sites.)
        for at in memchr::memmem::find_iter(text.as_bytes(), name.as_bytes()) {
            let end = at + name.len();
            if stands_alone(text, at, end)
                && overlapping(mentions, at, end).is_empty()
                && overlapping(&sites, at, end).is_empty()
            {
                again.push(PlaceMention {
                    start: at,
                    end,
                    ..s.clone()
                });
            }
        }
    }
    again.sort_by_key(|s| s.start);
    again.dedup_by(|b, a| b.start < a.end);
    sites.append(&mut again);
    sites.sort_by_key(|s| s.start);
    mentions.retain(|m| {
        let k = sites.partition_point(|s| s.start <= m.start);
        !(k > 0 && m.end <= sites[k - 1].end)
    });
    mentions.append(&mut sites);
    mentions.sort_by_key(|m| m.start);
}

/// Adds to `sites` the sites named without a town (see [`Reason::SiteUnderDateline`] and
/// [`Reason::SiteNearTown`]):
/// - in a story under a town's dateline ("WINNIPEG — Crews were called to the 200 block of
///   River Avenue"), a site whose sentence names no other place (a sentence naming one may tell
///   of a site there) is a mention of the town of the last dateline before it; a dateline is a
///   town's name opening a line in capitals;
/// - any other is a mention of the town its sentence names nearest to it, or else of the town
///   the story named last before it, or else first after it: a story tells of a site where it
///   stands ("Crews closed Royal Street" after "New Orleans"). Only a town read with some
///   certainty ([`MIN_NEAR_TOWN_CONFIDENCE`], by the prior alone only a city) takes a
///   site, and not where the sentence names a country or division the town is not in
///   ("treated at the Bambino Gesu Hospital in Italy" after "Liverpool"); a town outside the
///   site's sentence must lie in the country most of the article's towns are in.
///
/// A site whose name holds a place's name, or a people's, a country's or a division's, or that
/// names a body often far from the story's towns ([`NOT_LOCAL_HEADS`]: a university, an
/// embassy) is left alone.
fn sites_without_town(
    text: &str,
    g: &Gazetteer,
    mentions: &[PlaceMention],
    sites: &mut Vec<PlaceMention>,
) {
    let is_town = |m: &PlaceMention| {
        m.reason != Reason::Demonym
            && matches!(g.get(m.place).kind, PlaceKind::City | PlaceKind::District)
    };
    let datelines: Vec<&PlaceMention> = mentions
        .iter()
        .filter(|m| {
            is_town(m)
                && is_all_caps(&text[m.start..m.end])
                && (at_line_start(text, m.start) || dateline_after_headline(text, m.start, m.end))
        })
        .collect();
    // ("a 2-0 win over Brighton at the Etihad Stadium": a town a team beats or plays against is
    // that team, not where the match is.)
    let opponent = |m: &PlaceMention| {
        word_before(text, m.start).is_some_and(|w| {
            matches!(
                w,
                "over" | "against" | "beat" | "beating" | "beats" | "vs" | "v"
            )
        })
    };
    let towns: Vec<&PlaceMention> = mentions
        .iter()
        .filter(|m| is_town(m) && !names_a_site(text, m) && !opponent(m))
        .collect();
    // The country most of the article's towns are in: a site whose sentence names no town is
    // placed at a town there only (a town abroad read so is often a misreading: "Toronto" in a
    // story of Dublin, Ohio).
    let main_country = {
        let mut counts: Vec<(Option<&str>, usize)> = Vec::new();
        for t in &towns {
            let c = g.get(t.place).country;
            match counts.iter_mut().find(|(k, _)| *k == c) {
                Some((_, n)) => *n += 1,
                None => counts.push((c, 1)),
            }
        }
        // (The first of the most: `max_by_key` keeps the last of equals.)
        counts
            .iter()
            .rev()
            .max_by_key(|&&(_, n)| n)
            .and_then(|&(c, _)| c)
    };
    // A town read doubtfully does not carry a site: the site is left out rather than placed
    // at a town further away.
    let sure = |m: &PlaceMention| {
        m.confidence >= MIN_NEAR_TOWN_CONFIDENCE
            && (m.reason != Reason::Prior
                || g.get(m.place).population.unwrap_or(0) >= PRIOR_TOWN_MIN_POPULATION)
    };
    if datelines.is_empty() && towns.is_empty() {
        return;
    }
    // A dateline in another country than most of the story's towns is the correspondent's base
    // ("ISLAMABAD —" over a story of Kabul, Kandahar and Herat): the story's sites are where it
    // tells of them, not there.
    let base_abroad = |d: &PlaceMention| {
        let country = g.get(d.place).country;
        main_country.is_some() && country.is_some() && country != main_country
    };
    let mut found = 0;
    let mut heads = 0;
    let mut at = 0;
    // Each capitalised word that may close a site's name. (By bytes: every word of
    // `TAIL_HEADS` is ASCII and opens with a capital; a word running into other bytes is none
    // of them.)
    let bytes = text.as_bytes();
    let joined =
        |b: Option<&u8>| b.is_some_and(|&b| b >= 0x80 || b.is_ascii_alphanumeric() || b == b'-');
    while let Some(start) = next_capital(bytes, at) {
        at = start + 1;
        // (Most capitals fail here, by their first two letters, before the words around them
        // are read.)
        if !may_open_a_tail_head(bytes, start)
            || joined(start.checked_sub(1).and_then(|k| bytes.get(k)))
            || !word_of_a_name_before(bytes, start)
        {
            continue;
        }
        let len = bytes[start..]
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || b == b'.'))
            .unwrap_or(bytes.len() - start);
        at = start + len.max(1);
        // ("St." closes a name with its dot, "Street." without the sentence's.)
        let word = &bytes[start..start + len];
        let word = if TAIL_HEAD_SET.contains(word) {
            word
        } else {
            word.strip_suffix(b".").unwrap_or(word)
        };
        // (A possessive ends the name: "the High Court's ruling", "the High Court’s".)
        let end = start + word.len();
        let possessive = text[end..].starts_with(['\'', '\u{2019}']);
        if !TAIL_HEAD_SET.contains(word)
            || NOT_LOCAL_HEADS.iter().any(|h| h.as_bytes() == word)
            || (joined(bytes.get(end)) && !possessive)
        {
            continue;
        }
        heads += 1;
        if heads > MAX_SITE_HEADS {
            break;
        }
        let words = words_before(text, end);
        let Some((site_start, site_end)) = site_of(&words) else {
            continue;
        };
        if site_end != end {
            continue;
        }
        let Some((site_start, site_end)) = whole_site(text, &words, site_start, site_end) else {
            continue;
        };
        // (A title opens no site: "President Park". A site the article places in a town
        // elsewhere is there: "the Barclays Center ... the Barclays Center in Brooklyn".)
        if sites
            .iter()
            .any(|s| text[s.start..s.end] == text[site_start..site_end])
            || words
                .iter()
                .find(|&&(s, _)| s == site_start)
                .is_some_and(|&(_, w)| is_honorific(w.trim_end_matches('.')))
            || !overlapping(mentions, site_start, site_end).is_empty()
            || names_a_land_or_people(g, &text[site_start..site_end])
            || sites
                .iter()
                .any(|s| s.start < site_end && site_start < s.end)
            || names_a_body(&text[site_start..site_end])
            || in_title_case_line(text, site_start)
        {
            continue;
        }
        let (from, to) = sentence_around(text, site_start, site_end);
        let others = overlapping(mentions, from, to);
        let is_dateline = |m: &PlaceMention| {
            datelines
                .binary_search_by_key(&m.start, |d| d.start)
                .is_ok()
        };
        // (The datelines are sorted and apart, so by their ends too.)
        let before = datelines.partition_point(|d| d.end <= site_start);
        let dateline = before.checked_sub(1).map(|k| datelines[k]);
        // (A site in the dateline's own sentence is in its town, whatever other towns the
        // sentence names: "MANCHESTER, England — City won over Brighton at the Etihad Stadium,
        // while Arsenal drew in London".)
        let placed = match dateline {
            Some(town)
                if !base_abroad(town)
                    && (others
                        .iter()
                        .all(|m| m.reason == Reason::Demonym || is_dateline(m))
                        || others.iter().any(|m| m.start == town.start)) =>
            {
                Some((town, Reason::SiteUnderDateline, town.confidence))
            }
            _ => town_near(text, &towns, from, to, site_start, site_end)
                .filter(|&(town, in_sentence)| {
                    sure(town) && (in_sentence || g.get(town.place).country == main_country)
                })
                .map(|(town, _)| town)
                .filter(|town| {
                    let country = g.get(town.place).country;
                    let division = g.admin1(town.place);
                    others.iter().all(|m| {
                        let p = g.get(m.place);
                        m.reason == Reason::Demonym
                            || match p.kind {
                                PlaceKind::Country => p.country == country,
                                // ("fire swept through Flinders Chase National Park" with
                                // "South Australia" in the sentence: not at Penrith of New
                                // South Wales, named the sentence before.)
                                PlaceKind::AdminArea => {
                                    p.country == country
                                        && (g.division_level(m.place) != 1
                                            || division.is_none()
                                            || g.admin1(m.place) == division)
                                }
                                _ => true,
                            }
                    })
                })
                .map(|town| {
                    (
                        town,
                        Reason::SiteNearTown,
                        town.confidence * NEAR_TOWN_CONFIDENCE_SHARE,
                    )
                }),
        };
        let Some((town, reason, confidence)) = placed else {
            continue;
        };
        sites.push(PlaceMention {
            start: site_start,
            end: site_end,
            place: town.place,
            confidence,
            reason,
        });
        found += 1;
        if found >= MAX_SITES {
            break;
        }
    }
}

/// The whole name of the site the scan read at `start..end` (`words`: the capitalised run
/// ending at `end`), or `None` where it is part of a longer name the scan cannot read whole:
/// - "the Guildhall School of Music": the name goes on after "of" (not "of the ...");
/// - "Eglinton Avenue West", "22nd St. North": a direction closes a street's name;
/// - "the Boys and Girls Club", "a Health and Wellbeing Campus": one name holds "and", unless
///   a site's name or "of" stands before it ("Smith College and Bates Hall", "Eglinton Avenue
///   West and Dubonet Drive", "the 16th Line of East Zorra and Oxford Road");
/// - "Residents of Hawthorne Boulevard", "Judge Mary Grace O'Brien of Prince William Circuit
///   Court": the name opens after an "of" inside the run, unless a word that opens a site's
///   name before "of" opens the run ("Museum of Science Building");
/// - `None` where another capitalised word follows (a person's name or title: "Circuit Court
///   Judge Smith", but for a weekday: "arrested on 14th St. Thursday") or a court's "grand
///   jury".
fn whole_site(
    text: &str,
    words: &[(usize, &str)],
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let first = words
        .iter()
        .find(|&&(s, _)| s == start)
        .map_or("", |&(_, w)| w);
    let mut start = start;
    if !LEAD_HEADS.contains(&first)
        && let Some(k) = words.iter().rposition(|&(s, w)| s > start && w == "of")
    {
        let &(after_of, _) = words.get(k + 1)?;
        start = after_of;
    }
    let mut end = end;
    if text[end..].starts_with(" of ") {
        let run = words_after(text, end + " of ".len());
        let &(last_start, last) = run.last()?;
        end = last_start + last.len();
    }
    if let Some(w) = next_word(text, end)
        && matches!(w, "North" | "South" | "East" | "West")
    {
        end += 1 + w.len();
    }
    if let Some(w) = next_word(text, end)
        && ((w.starts_with(char::is_uppercase) && !WEEKDAYS.contains(&w))
            || (w == "grand" && text[end..].starts_with(" grand jur")))
    {
        return None;
    }
    if let Some(before) = text[..start]
        .strip_suffix(" and ")
        .or_else(|| text[..start].strip_suffix(" & "))
    {
        let run = words_before(text, before.len());
        let named = run.iter().position(|&(_, w)| !opening_word(w));
        if let Some(k) = named
            && !run.iter().any(|&(_, w)| is_tail_head(w) || w == "of")
        {
            start = run[k].0;
        }
    }
    Some((start, end))
}

/// The word right after `end` if a space opens it: up to the next space, without the
/// sentence's punctuation.
fn next_word(text: &str, end: usize) -> Option<&str> {
    let rest = text[end..].strip_prefix(' ')?;
    let word = rest.split(' ').next().unwrap_or(rest);
    let word = word.trim_end_matches([',', '.', ';', ':', '!', '?', ')', '"', '\u{201d}']);
    (!word.is_empty()).then_some(word)
}

/// The words (start, word) of the capitalised run that opens at `start`, in text order, ending
/// at the first word that carries punctuation or a joining word (which does not close it).
fn words_after(text: &str, start: usize) -> Vec<(usize, &str)> {
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut at = start;
    while words.len() < MAX_SITE_WORDS {
        let tail = &text[at..];
        let len = tail.find([' ', '\n']).unwrap_or(tail.len());
        let raw = &tail[..len];
        let word = raw.trim_end_matches([',', '.', ';', ':', '!', '?', ')', '"', '\u{201d}']);
        if !site_word(word) || (words.is_empty() && CONNECTORS.contains(&word)) {
            break;
        }
        words.push((at, word));
        if word.len() != raw.len() || !tail[len..].starts_with(' ') {
            break;
        }
        at += len + 1;
    }
    while words.last().is_some_and(|&(_, w)| CONNECTORS.contains(&w)) {
        words.pop();
    }
    words
}

/// The line around `at` is a headline in title case ("Crew Blasts Off to Space Station", "New
/// School Board Hopefuls Square Off"): every word capitalised but a few short ones, so a site's
/// closing word there may be a verb or a noun of the sentence.
fn in_title_case_line(text: &str, at: usize) -> bool {
    // (Looked for within a headline's length each way: a story is often one long line.)
    let bytes = text.as_bytes();
    let reach = at.saturating_sub(MAX_HEADLINE_BYTES);
    let Some(from) = (match memchr::memrchr(b'\n', &bytes[reach..at]) {
        Some(k) => Some(reach + k + 1),
        None => (reach == 0).then_some(0),
    }) else {
        return false;
    };
    let until = (at + MAX_HEADLINE_BYTES).min(text.len());
    let Some(to) = (match memchr::memchr(b'\n', &bytes[at..until]) {
        Some(k) => Some(at + k),
        None => (until == text.len()).then_some(until),
    }) else {
        return false;
    };
    if to - from > MAX_HEADLINE_BYTES {
        return false;
    }
    let (mut capitalised, mut lower) = (0, 0);
    for w in text[from..to].split_whitespace() {
        if w.starts_with(char::is_lowercase) {
            // (A short word stays lower-case in a headline: "to", "of", "with".)
            if w.len() > 4 {
                return false;
            }
            lower += 1;
        } else if w.starts_with(char::is_uppercase) {
            capitalised += 1;
        }
    }
    capitalised >= 4 && capitalised > 2 * lower
}

/// A headline is no longer than this, in bytes.
const MAX_HEADLINE_BYTES: usize = 160;

/// A body acting, seldom a building in the story's town: a court of a nation or of nations
/// ("the Supreme Court", "the International Criminal Court"), a church named by its
/// denomination alone ("the Catholic Church"), a space station.
fn names_a_body(site: &str) -> bool {
    let national_court = site.ends_with(" Court")
        && site.split(' ').any(|w| {
            matches!(
                w,
                "Supreme" | "International" | "Federal" | "Constitutional" | "European" | "High"
            )
        });
    let denomination = site.strip_suffix(" Church").is_some_and(|d| {
        matches!(
            d,
            "Anglican"
                | "Baptist"
                | "Catholic"
                | "Coptic"
                | "Episcopal"
                | "Lutheran"
                | "Methodist"
                | "Mormon"
                | "Orthodox"
                | "Presbyterian"
        )
    });
    national_court || denomination || site.ends_with("Space Station")
}

/// The town a site at `site_start..site_end`, in the sentence `from..to`, is placed at by
/// [`Reason::SiteNearTown`]: of `towns` (sorted by start), the one in the sentence nearest to
/// the site (`true`), or else the last before it, or else the first after it (`false`).
fn town_near<'m>(
    text: &str,
    towns: &[&'m PlaceMention],
    from: usize,
    to: usize,
    site_start: usize,
    site_end: usize,
) -> Option<(&'m PlaceMention, bool)> {
    let k = towns.partition_point(|t| t.start < site_start);
    let before = k.checked_sub(1).map(|k| towns[k]);
    let after = towns.get(k).copied();
    let gap = |t: &PlaceMention| {
        if t.end <= site_start {
            site_start - t.end
        } else {
            t.start.saturating_sub(site_end)
        }
    };
    // ("Others went to Spences Bridge and Salmon Arm": a town listed beside the site is another
    // place, not where it stands.)
    let listed = |t: &PlaceMention| {
        let between = if t.end <= site_start {
            text.get(t.end..site_start)
        } else {
            text.get(site_end..t.start)
        };
        // (Not a comma alone: "Landmark Bank in Gainesville, 1110 E California Street".)
        between.is_some_and(|b| matches!(b, " and " | ", and " | " or " | ", or "))
    };
    let in_sentence = [before, after]
        .into_iter()
        .flatten()
        .filter(|t| from <= t.start && t.end <= to && !listed(t) && !measured_from(text, t.start))
        .min_by_key(|t| gap(t));
    in_sentence
        .map(|t| (t, true))
        .or(before.or(after).map(|t| (t, false)))
}

/// The town at `start` is where a distance of [`FAR_MEASURE`] or more is measured from, not
/// where anything stands: "in the small town about 85 miles (135 kilometers) west of San
/// Antonio", "40 km from Pemba" (not "County Road 109 about two miles east of Brandon", nor "a
/// road southwest of Brandon": they lie by it).
fn measured_from(text: &str, start: usize) -> bool {
    let Some(before) = text.get(..start) else {
        return false;
    };
    let unit = |w: &str| {
        let w = w.trim_end_matches(')');
        matches!(w, "miles" | "mi" | "km" | "kilometers" | "kilometres")
    };
    // The number before the unit, in digits ("85", "(135", "1,200"); a number in words is small.
    let far = |w: Option<&str>| {
        let digits: String = w
            .unwrap_or("")
            .chars()
            .filter(char::is_ascii_digit)
            .take(6)
            .collect();
        digits.parse::<u32>().is_ok_and(|n| n >= FAR_MEASURE)
    };
    let head = if let Some(head) = before.strip_suffix(" of ") {
        let (head, word) = head.rsplit_once(' ').unwrap_or(("", head));
        let compass = is_direction(word)
            || word
                .split_once('-')
                .is_some_and(|(a, b)| is_direction(a) && is_direction(b));
        if !compass {
            return false;
        }
        head
    } else if let Some(head) = before.strip_suffix(" from ") {
        head
    } else {
        return false;
    };
    let mut words = head.rsplit(' ');
    words.next().is_some_and(unit) && far(words.next())
}

/// A distance in miles or km from which a town is only where it is measured from
/// ([`measured_from`]).
const FAR_MEASURE: u32 = 25;

/// A town read no surer than this takes no site named near it ([`Reason::SiteNearTown`]): a
/// site would carry a doubtful reading further.
const MIN_NEAR_TOWN_CONFIDENCE: f32 = 0.4;

/// A town read by the prior alone (nothing in the article decided) takes a site named near it
/// only from this population: a city of the name ("Winnipeg", "London"), not "North Side",
/// Anguilla.
const PRIOR_TOWN_MIN_POPULATION: u64 = 100_000;

/// A site placed at the town named near it is surer of the town than of the site: its
/// confidence is this share of the town's.
const NEAR_TOWN_CONFIDENCE_SHARE: f32 = 0.75;

/// A word of the site's name is a people's name or a country's or division's (the matcher did
/// not take it there): a body that may sit far from the dateline's town ("the European Court"
/// in a Moscow story sits in Strasbourg). Streets are named after places everywhere ("Washington
/// Drive"): not asked of them.
fn names_a_land_or_people(g: &Gazetteer, site: &str) -> bool {
    // (The direction closing a street's name: "Eglinton Avenue West".)
    let site = ["North", "South", "East", "West"]
        .iter()
        .find_map(|d| site.strip_suffix(d)?.strip_suffix(' '))
        .unwrap_or(site);
    let last = after_last_space(site);
    if STREET_HEADS.contains(&last) {
        return false;
    }
    site.split(' ')
        .filter(|w| w.len() >= 3 && !is_tail_head(w))
        .any(|w| {
            g.name_hits(w).iter().any(|h| {
                h.start == 0
                    && h.end == w.len()
                    && h.targets().any(|(role, _)| {
                        matches!(role, NameRole::Demonym(_))
                            || role.place().is_some_and(|p| {
                                matches!(
                                    g.get(p).kind,
                                    PlaceKind::Country | PlaceKind::AdminArea | PlaceKind::Region
                                )
                            })
                    })
            })
        })
}

/// Words closing a street's name.
const STREET_HEADS: &[&str] = &[
    "Ave",
    "Ave.",
    "Avenue",
    "Blvd",
    "Blvd.",
    "Boulevard",
    "Drive",
    "Highway",
    "Lane",
    "Parkway",
    "Rd",
    "Rd.",
    "Road",
    "St",
    "St.",
    "Street",
    "Terrace",
];

/// The capital at `start` and the lower-case letter after it open a word of [`TAIL_HEADS`]
/// (every one opens so: "Street", "St.", "Rd"), by a table of a bit per pair of letters.
fn may_open_a_tail_head(bytes: &[u8], start: usize) -> bool {
    const PAIRS: [u32; 26] = {
        let mut table = [0u32; 26];
        let mut k = 0;
        while k < TAIL_HEADS.len() {
            let w = TAIL_HEADS[k].as_bytes();
            assert!(w.len() >= 2 && w[0].is_ascii_uppercase() && w[1].is_ascii_lowercase());
            table[(w[0] - b'A') as usize] |= 1 << (w[1] - b'a');
            k += 1;
        }
        table
    };
    match (bytes.get(start), bytes.get(start + 1)) {
        (Some(&a @ b'A'..=b'Z'), Some(&b @ b'a'..=b'z')) => {
            PAIRS[(a - b'A') as usize] & (1 << (b - b'a')) != 0
        }
        _ => false,
    }
}

/// [`TAIL_HEADS`] as a set, for the scan of a whole story in [`sites_without_town`] and the
/// tests of each mention's last word ([`is_tail_head`]).
static TAIL_HEAD_SET: WordSet = WordSet::new(&[TAIL_HEADS]);

/// `word` is one of [`TAIL_HEADS`]: asked of every town mention's last word, where a probe of
/// the set is several times cheaper than a comparison with each of the eighty words.
fn is_tail_head(word: &str) -> bool {
    TAIL_HEAD_SET.contains(word.as_bytes())
}

/// The word before `start` (one space before it) may be a word of a site's name
/// ([`site_word`]): not a lower-case word of ASCII letters but a joining one ("University of
/// Perpetual Help"), not a word ending in punctuation. Most capitalised words of a story fail
/// this, and a site's closing word alone names none (see [`site_of`]).
fn word_of_a_name_before(bytes: &[u8], start: usize) -> bool {
    let Some(space) = start.checked_sub(1).filter(|&k| bytes[k] == b' ') else {
        return false;
    };
    let from = bytes[..space]
        .iter()
        .rposition(|b| !b.is_ascii_alphanumeric())
        .map_or(0, |k| k + 1);
    match bytes[from..space].first() {
        // A word of ASCII letters and digits alone: capitalised, a number, or a joining word.
        Some(&first) if from == 0 || bytes[from - 1].is_ascii_whitespace() => {
            !first.is_ascii_lowercase()
                || CONNECTORS
                    .iter()
                    .any(|c| c.as_bytes() == &bytes[from..space])
        }
        // A word ending in a comma, colon or other stop is no word of a name.
        None if matches!(
            bytes.get(space.wrapping_sub(1)),
            Some(b',' | b';' | b':' | b'!' | b'?' | b')' | b'"')
        ) =>
        {
            false
        }
        // Other bytes in or around it ("O'Neil", "Children's", "N.", "São"): asked in full.
        _ => true,
    }
}

/// Words closing the name of a body that often lies away from the town a story is datelined
/// in: a university a professor is "at", an embassy of a country abroad.
const NOT_LOCAL_HEADS: &[&str] = &["Academy", "College", "Consulate", "Embassy", "University"];

/// The first ASCII capital at or after `from`, stepping over lower-case text by the event
/// builder's 16-byte scan ([`step_to_capital`]).
fn next_capital(bytes: &[u8], mut from: usize) -> Option<usize> {
    while let Some(&b) = bytes.get(from) {
        if b.is_ascii_uppercase() {
            return Some(from);
        }
        from += step_to_capital(bytes.get(from..from + 16));
    }
    None
}

/// The sentence around `start..end`, roughly: from the last full stop, question or exclamation
/// mark or line break before it to the next after it. An abbreviation's dot before a comma or a
/// lower-case word ("In Springfield, Mo., a storm", "Gov. Abbott said the St. cathedral") ends
/// no sentence; one before a capital may still cut it short: then fewer of its places are seen.
pub(super) fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let stop = |k: usize| match bytes[k] {
        b'?' | b'!' | b'\n' => true,
        b'.' => match bytes.get(k + 1) {
            Some(b',' | b';' | b'0'..=b'9') => false,
            Some(b' ') => !bytes.get(k + 2).is_some_and(u8::is_ascii_lowercase),
            _ => true,
        },
        _ => false,
    };
    // (Within a bounded reach each way: a text of one endless sentence stays linear.)
    // The bytes that may stop it are found by vector searches, not asked of byte by byte: a
    // '!' always stops it, and is searched for once each way, as a bound of the searches for
    // the other three.
    let reach = start.saturating_sub(SENTENCE_REACH);
    let before = bytes.get(reach..start).unwrap_or(&[]);
    let floor = memchr::memrchr(b'!', before).map_or(reach, |k| reach + k + 1);
    let mut high = start;
    let from = loop {
        match bytes
            .get(floor..high)
            .and_then(|b| memchr::memrchr3(b'.', b'\n', b'?', b))
        {
            Some(k) if stop(floor + k) => break floor + k + 1,
            Some(k) => high = floor + k,
            None => break floor,
        }
    };
    let until = (end + SENTENCE_REACH).min(text.len());
    let after = bytes.get(end..until).unwrap_or(&[]);
    let ceiling = memchr::memchr(b'!', after).map_or(until, |k| end + k);
    let mut low = end;
    let to = loop {
        match bytes
            .get(low..ceiling)
            .and_then(|b| memchr::memchr3(b'.', b'\n', b'?', b))
        {
            Some(k) if stop(low + k) => break low + k,
            Some(k) => low += k + 1,
            None => break ceiling,
        }
    };
    (from, to)
}

/// How far [`sentence_around`] looks each way, in bytes: longer than any sentence of the news.
const SENTENCE_REACH: usize = 2000;

/// At most this many words that may close a site are looked at per article by
/// [`sites_without_town`].
const MAX_SITE_HEADS: usize = 256;

/// The mentions of `sorted` (sorted by start, none overlapping another, so their ends are
/// sorted too) that overlap `start..end`.
fn overlapping(sorted: &[PlaceMention], start: usize, end: usize) -> &[PlaceMention] {
    let first = sorted.partition_point(|m| m.end <= start);
    let count = sorted[first..].partition_point(|m| m.start < end);
    &sorted[first..first + count]
}

/// Words for a building or business named after its patron saint, founder or owner ("St
/// George's Chapel", "St. Peter's Basilica", "Wilson's Farm").
const PATRON_HEADS: &[&str] = &[
    "Abbey",
    "Academy",
    "Basilica",
    "Cathedral",
    "Chapel",
    "Church",
    "College",
    "Farm",
    "Farms",
    "Hospital",
    "Restaurant",
    "School",
    "Store",
];

/// The name ending at `end` is followed by a possessive and a building's word ("St George's
/// Chapel", "St Patrick's Cathedral"): a saint or founder, not a town (a town's building has a
/// name of its own: "Derry's Altnagelvin Hospital").
fn names_a_buildings_patron(text: &str, end: usize) -> bool {
    let Some(rest) = after_possessive(text, end) else {
        return false;
    };
    let word = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    PATRON_HEADS.contains(&word)
}

/// A road's number: "A120", "M25", "I-95".
fn is_road_number(word: &str) -> bool {
    let ([b'A' | b'B' | b'M', digits @ ..] | [b'I', b'-', digits @ ..]) = word.as_bytes() else {
        return false;
    };
    (1..=4).contains(&digits.len()) && digits.iter().all(u8::is_ascii_digit)
}

/// The mention's name closes with a site's word: a square or street the gazetteer holds as a
/// town's alternate name ("Washington Square"), no town a story is set in.
fn names_a_site(text: &str, m: &PlaceMention) -> bool {
    let surface = &text[m.start..m.end];
    is_tail_head(after_last_space(surface))
}

/// The mention reads as a town's name where a site may be placed: not itself a site's name
/// ("Royal Street at Washington Square", a square a town's alternate name matched), not the
/// start of a longer name ("the Security Center, Dubai Police").
fn names_a_town(text: &str, m: &PlaceMention) -> bool {
    let surface = &text[m.start..m.end];
    let last = after_last_space(surface);
    let longer = text[m.end..]
        .strip_prefix(' ')
        .and_then(|a| a.chars().next())
        .is_some_and(char::is_uppercase);
    !is_tail_head(last) && !longer
}

/// The site's name that ends right before the town at `town` ("Barclays Center in Brooklyn",
/// "Agriculture Park at Wana", "the Convention Centre, Dublin"): its span.
fn site_before_town(text: &str, town: usize) -> Option<(usize, usize)> {
    let before = text.get(..town)?;
    let end = [", ", " in ", " at "]
        .iter()
        .find_map(|sep| before.strip_suffix(sep))
        .or_else(|| before_the_town_of(before))?
        .len();
    let words = words_before(text, end);
    if let Some(site) = site_of(&words) {
        return Some(site);
    }
    // "the Al-Khadra hospital in Tripoli", "Seasons restaurant in Washington Township": a
    // lower-case word for a building after a capitalised name.
    let head_start = text[..end].rfind(' ')? + 1;
    if !LOWER_HEADS.contains(&&text[head_start..end]) {
        return None;
    }
    let words = words_before(text, head_start - 1);
    let first = words.iter().position(|&(_, w)| !opening_word(w))?;
    let (start, last) = (words[first].0, words.last()?.1);
    (!CONNECTORS.contains(&last)).then_some((start, end))
}

/// "St. Sebastian's Church in the coastal town of ", "Zion Church at the eastern city of ": the
/// text before " in " (or " at ") where `before` ends with such words telling what the town is:
/// "the" or "a", up to two lower-case words, a noun of a town ([`TOWN_NOUNS`]) and "of".
fn before_the_town_of(before: &str) -> Option<&str> {
    let (mut rest, noun) = before.strip_suffix(" of ")?.rsplit_once(' ')?;
    if !TOWN_NOUNS.contains(&noun) {
        return None;
    }
    for _ in 0..3 {
        let (head, word) = rest.rsplit_once(' ')?;
        if matches!(word, "the" | "a" | "an") {
            return head
                .strip_suffix(" in")
                .or_else(|| head.strip_suffix(" at"));
        }
        if word.is_empty() || !word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
            return None;
        }
        rest = head;
    }
    None
}

/// Lower-case words for a building after a capitalised name ("the Al-Khadra hospital",
/// "Seasons restaurant") in [`site_before_town`].
const LOWER_HEADS: &[&str] = &[
    "arena",
    "bakery",
    "cafe",
    "café",
    "cathedral",
    "cemetery",
    "center",
    "centre",
    "church",
    "cinema",
    "clinic",
    "courthouse",
    "factory",
    "hospital",
    "hotel",
    "library",
    "mall",
    "market",
    "mosque",
    "museum",
    "prison",
    "pub",
    "refinery",
    "restaurant",
    "school",
    "shrine",
    "stadium",
    "supermarket",
    "synagogue",
    "temple",
    "theater",
    "theatre",
];

/// The site's name right after a town's possessive ("Derry's Altnagelvin Hospital", "Seoul's
/// Jamsil Stadium"): its span.
fn site_after_possessive_town(text: &str, town: usize) -> Option<(usize, usize)> {
    let rest = after_possessive(text, town)?;
    let start = text.len() - rest.len();
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut at = start;
    while words.len() < MAX_SITE_WORDS {
        let tail = &text[at..];
        let len = tail.find(' ').unwrap_or(tail.len());
        let raw = &tail[..len];
        // The last word may carry the sentence's punctuation ("Jamsil Stadium, where").
        let word = raw.trim_end_matches([',', '.', ';', ':', '!', '?', ')', '"', '\u{201d}']);
        let word = if DOTTED.contains(&raw) { raw } else { word };
        if !site_word(word) {
            break;
        }
        words.push((at, word));
        if word.len() != raw.len() || len == tail.len() {
            break;
        }
        at += len + 1;
    }
    // The longest run that is a site's name.
    while !words.is_empty() {
        if let Some(span) = site_of(&words) {
            return Some(span);
        }
        words.pop();
    }
    None
}

/// The words (start, word) of the capitalised run that ends at `end`, in text order.
fn words_before(text: &str, end: usize) -> Vec<(usize, &str)> {
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut at = end;
    while words.len() < MAX_SITE_WORDS {
        let head = &text[..at];
        // The run stops at a line break: "Paris.\nBarclays Center" starts at "Barclays".
        let space = head.rfind(char::is_whitespace);
        let start = space.map_or(0, |k| {
            k + head[k..].chars().next().map_or(1, char::len_utf8)
        });
        let word = &head[start..];
        if !site_word(word) {
            break;
        }
        words.push((start, word));
        match space {
            Some(k) if head[k..].starts_with(' ') => at = k,
            _ => break,
        }
    }
    words.reverse();
    words
}

/// A word that may stand in a site's name: a capitalised word, a number ("2700", "22nd",
/// "A120"), or a joining word; letters, digits, apostrophes and hyphens, or one of the
/// abbreviations of [`DOTTED`] or an initial ("N.").
fn site_word(word: &str) -> bool {
    let Some(first) = word.chars().next() else {
        return false;
    };
    if CONNECTORS.contains(&word) || DOTTED.contains(&word) {
        return true;
    }
    if word.len() == 2 && first.is_ascii_uppercase() && word.ends_with('.') {
        return true;
    }
    // "the Vatican-owned Bambino Gesu Hospital", "a London-based Cafe": a place and what it
    // does to the site, not a word of its name.
    if rsplit_once_ascii(word, b'-')
        .is_some_and(|(_, tail)| tail.starts_with(|c: char| c.is_lowercase()))
    {
        return false;
    }
    (first.is_uppercase() || first.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-' | '&'))
}

/// The span of the site's name in `words` (a capitalised run in text order): the run without
/// its opening joining or function words ("In", "The"), where it is closed by a site word or
/// opened by one before "of"; `None` for a run that names no site or names a person ("Nathan
/// Lane").
fn site_of(words: &[(usize, &str)]) -> Option<(usize, usize)> {
    let first = words.iter().position(|&(_, w)| !opening_word(w))?;
    let words = &words[first..];
    let &(start, first_word) = words.first()?;
    let &(last_start, last_word) = words.last()?;
    // "on the A120 at Coggeshall": a road's number alone.
    if words.len() == 1 && is_road_number(first_word) {
        return Some((start, start + first_word.len()));
    }
    if words.len() < 2 || CONNECTORS.contains(&last_word) {
        return None;
    }
    let closed = is_tail_head(last_word);
    let opened = LEAD_HEADS.contains(&first_word)
        && words
            .get(1)
            .is_some_and(|&(_, w)| matches!(w, "of" | "de" | "des" | "du" | "di" | "del"));
    if !closed && !opened {
        return None;
    }
    if SURNAME_HEADS.contains(&last_word) && names_a_person(&words[..words.len() - 1]) {
        return None;
    }
    Some((start, last_start + last_word.len()))
}

/// The words before a closing word that is a surname too ([`SURNAME_HEADS`]) name a person: a
/// given name and initials ("Nathan Lane", "Krystal D. Hall"), or a title ("Commissioner Joe
/// Hall").
fn names_a_person(words: &[(usize, &str)]) -> bool {
    let Some(&(_, first)) = words.first() else {
        return false;
    };
    let initial = |w: &str| w.len() == 2 && w.ends_with('.');
    (GIVEN_NAMES.binary_search(&first).is_ok() && words[1..].iter().all(|&(_, w)| initial(w)))
        || words
            .iter()
            .any(|&(_, w)| is_honorific(w) || TITLE_WORDS.contains(&w))
}

/// Words for an office before a person's name that [`is_honorific`] does not hold.
const TITLE_WORDS: &[&str] = &["Commissioner", "Councilman", "Councilwoman", "Supervisor"];

/// A word a site's name does not open with: a joining word, a short number, a function word
/// ("In", "The"), but for a direction, which opens many ("the South Hospital in El Fasher",
/// "North Station").
fn opening_word(w: &str) -> bool {
    CONNECTORS.contains(&w)
        || w.chars().next().is_some_and(|c| c.is_ascii_digit()) && w.len() <= 2
        || is_function_word(w) && !COMPASS_WORDS.contains(&w)
}

/// The name at `start..end` is not part of a longer capitalised name ("the Barclays Center",
/// not "the Old Barclays Center Road").
fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
        return false;
    }
    let word_before = text[..start].trim_end_matches(' ');
    // (A word closing the sentence before is no part of the name: "closed Royal Street.
    // Royal Street reopened".)
    let capital_before = word_before.len() + 1 == start
        && !word_before.ends_with(['.', '!', '?'])
        && word_before
            .rsplit(' ')
            .next()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
        && !word_before
            .rsplit(' ')
            .next()
            .is_some_and(|w| FUNCTION_WORDS.contains(&w));
    let capital_after = text[end..]
        .strip_prefix(' ')
        .and_then(|a| a.chars().next())
        .is_some_and(char::is_uppercase);
    !capital_before && !capital_after
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_capitals_found_by_steps_are_those_found_one_by_one() {
        let text = "a@[`{ AZ z\u{e9}Caf\u{c9} x Street, 9 Q\n_Mixed up words Abc Zeta end Y";
        let bytes = text.as_bytes();
        for from in 0..=bytes.len() {
            let slow = bytes[from..]
                .iter()
                .position(u8::is_ascii_uppercase)
                .map(|k| from + k);
            assert_eq!(next_capital(bytes, from), slow, "from {from}");
        }
    }

    /// [`sentence_around`] as it was written first: each byte asked in turn.
    fn sentence_around_by_bytes(text: &str, start: usize, end: usize) -> (usize, usize) {
        let bytes = text.as_bytes();
        let stop = |k: usize| match bytes[k] {
            b'?' | b'!' | b'\n' => true,
            b'.' => match bytes.get(k + 1) {
                Some(b',' | b';' | b'0'..=b'9') => false,
                Some(b' ') => !bytes.get(k + 2).is_some_and(u8::is_ascii_lowercase),
                _ => true,
            },
            _ => false,
        };
        let reach = start.saturating_sub(SENTENCE_REACH);
        let from = (reach..start)
            .rev()
            .find(|&k| stop(k))
            .map_or(reach, |k| k + 1);
        let until = (end + SENTENCE_REACH).min(text.len());
        let to = (end..until).find(|&k| stop(k)).unwrap_or(until);
        (from, to)
    }

    #[test]
    fn the_sentence_found_by_searches_is_the_one_found_byte_by_byte() {
        let text = "Storms hit Mo. on Friday! In Springfield, Mo., a storm. Gov. Abbott said \
                    the St. cathedral was 3.5 miles off? Yes.\nCrews cleared Elm St. by noon; \
                    pic.twitter.com/x. Then. ! ?. .a .9 .\n";
        for start in 0..=text.len() {
            for end in start..=text.len() {
                assert_eq!(
                    sentence_around(text, start, end),
                    sentence_around_by_bytes(text, start, end),
                    "{start}..{end}"
                );
            }
        }
        // Beyond the reach each way: cut there.
        let long = format!("A. {} x {} B.", "w".repeat(2500), "w".repeat(2500));
        for (start, end) in [(2600, 2601), (3, 4), (0, 0), (long.len(), long.len())] {
            assert_eq!(
                sentence_around(&long, start, end),
                sentence_around_by_bytes(&long, start, end)
            );
        }
    }
}
