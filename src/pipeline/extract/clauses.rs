//! The clauses of a sentence and their dates: which of a sentence's dates a place named in it
//! takes, where the sentence speaks of more than one time or dates a clause of its own ("the
//! envoy, who had visited Benghazi in December, flew to Tripoli").

use std::ops::Range;

use chrono::NaiveDate;

use super::dates::DateMention;
use super::pick_date;
use super::places::{PlaceMention, Reason};

/// The last clause break ([`clause_break`]) in `within`; memchr finds the commas, semicolons
/// and the first bytes of dashes.
fn last_break(body: &str, in_sentence: &[DateMention], within: Range<usize>) -> Option<usize> {
    let bytes = body.as_bytes().get(within.clone())?;
    memchr::memrchr3_iter(b',', b';', DASH_LEAD, bytes)
        .map(|i| within.start + i)
        .find(|&at| clause_break(body, in_sentence, at))
}

/// The first clause break ([`clause_break`]) in `within`.
fn first_break(body: &str, in_sentence: &[DateMention], within: Range<usize>) -> Option<usize> {
    let bytes = body.as_bytes().get(within.clone())?;
    memchr::memchr3_iter(b',', b';', DASH_LEAD, bytes)
        .map(|i| within.start + i)
        .find(|&at| clause_break(body, in_sentence, at))
}

/// The first byte of the em and en dashes in UTF-8 (and of other General Punctuation).
const DASH_LEAD: u8 = 0xE2;

/// A ", " or "; " at `at` that lies outside every date mention of the sentence ("March 31,
/// 2018" is one date): where a clause ends; also a comma before a closing quotation mark
/// (",\u{201d} Bogdanov told"), and a dash set off by spaces ("in Alexandria, which the board
/// has addressed \u{2014} was the theme of the forum Wednesday night").
fn clause_break(body: &str, in_sentence: &[DateMention], at: usize) -> bool {
    let b = body.as_bytes();
    let breaks = if b.get(at) == Some(&DASH_LEAD) {
        at > 0
            && b.get(at - 1) == Some(&b' ')
            && body.get(at..).is_some_and(|rest| {
                rest.strip_prefix(['\u{2014}', '\u{2013}'])
                    .is_some_and(|after| after.starts_with(' '))
            })
    } else {
        let after = body.get(at + 1..).unwrap_or("");
        let closes_quote = after
            .strip_prefix(['"', '\u{201d}', '\''])
            .or_else(|| after.strip_prefix('\u{2019}'))
            .is_some_and(|rest| rest.starts_with(' '));
        matches!(b.get(at), Some(b',' | b';')) && (b.get(at + 1) == Some(&b' ') || closes_quote)
    };
    // (Not inside a date: "20 \u{2013} 21 April".)
    if !breaks {
        return false;
    }
    // (The mentions are sorted and do not overlap: the one that may hold `at` is the last that
    // starts at or before it.)
    let k = in_sentence.partition_point(|m| m.start <= at);
    !(k > 0 && at < in_sentence[k - 1].end)
}

/// The date of the clause `mention` stands in, where that clause has one: the clause runs
/// between the nearest ", " or "; " on either side that lies outside every date mention
/// ("March 31, 2018" is one date) and within the sentence. "Beijing said on Sunday that it
/// would not yield, and soldiers cleared roads in Kowloon Tong on Saturday": Beijing on
/// Sunday, Kowloon Tong on Saturday; "On Monday the envoy, who had visited Benghazi in
/// December, flew to Tripoli": Benghazi in December, and Tripoli, in a clause without a date,
/// keeps the sentence's Monday (`None`). The clause's dates are read as a sentence's are
/// ([`pick_date`]), but a vague one ("recently") or a clock time alone ("(7:30 p.m.)") does not
/// override the sentence's.
pub(super) fn clause_date<'d>(
    body: &str,
    sentence: &Range<usize>,
    in_sentence: &'d [DateMention],
    mention: &PlaceMention,
    first_sentence: bool,
    published: Option<NaiveDate>,
) -> Option<&'d DateMention> {
    // A clause is looked for within CLAUSE_REACH bytes either side, so a sentence of megabytes
    // (a text without full stops) costs no more per place than a sentence of news.
    let (low, high) = (
        sentence
            .start
            .max(mention.start.saturating_sub(CLAUSE_REACH)),
        sentence.end.min(mention.end.saturating_add(CLAUSE_REACH)),
    );
    // The state or country of an apposition is in its town's clause ("last month nine died in
    // Tarimoro, Guanajuato": Guanajuato last month too): its comma breaks no clause.
    let left = match body.get(..mention.start) {
        Some(before) if mention.reason == Reason::Apposition && before.ends_with(", ") => {
            mention.start - 2
        }
        _ => mention.start,
    };
    let from = last_break(body, in_sentence, low..left.max(low)).map_or(low, |at| at + 1);
    let to = first_break(body, in_sentence, mention.end..high).unwrap_or(high);
    let first = in_sentence.partition_point(|m| m.start < from);
    let last = first + in_sentence.get(first..)?.partition_point(|m| m.end <= to);
    pick_date(
        body,
        in_sentence.get(first..last)?,
        first_sentence,
        published,
    )
    .filter(|m| !m.vague && !clock_time_only(body.get(m.start..m.end).unwrap_or("")))
}

/// How far [`clause_date`] looks for the ends of a place's clause, in bytes: news clauses run a
/// few dozen words.
const CLAUSE_REACH: usize = 600;

/// A clock time alone ("7:30 p.m.", "10 am", "noon"): its day is the one the text spoke of
/// last, not a time of its own.
fn clock_time_only(surface: &str) -> bool {
    let lower = surface.to_ascii_lowercase();
    if matches!(lower.as_str(), "noon" | "midnight") {
        return true;
    }
    let digits = ["a.m.", "p.m.", "am", "pm"]
        .iter()
        .find_map(|s| lower.strip_suffix(s))
        .unwrap_or(&lower)
        .trim_end();
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit() || b == b':')
}

/// A clause that tells of something the sentence names, not of the sentence's own event ("...
/// along the airport road, where the old airport was destroyed in 2014", "the envoy, who had
/// visited Benghazi in December, flew to Tripoli", "the army holds Sabha, while Derna was
/// taken last year"): its date is the date of the places inside it and of the place it tells
/// of, but not of the sentence's other places.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct ConfinedClause {
    /// From its comma to the next clause break or the sentence's end.
    pub span: Range<usize>,
    /// It tells of the place before its comma: ", where" ("Tajoura, where a centre was bombed
    /// in July"), ", who" of a body a place names ("Raytown police, who on Monday made no
    /// statement"), ", which" before the clause's own subject ("Sirte, which the LNA seized on
    /// Jan. 6"); not ", which" before its verb, which tells as often of the thing a place was
    /// named with ("a wave of attacks in Tunisia, which forced a state of emergency"), nor
    /// "while", which opens a clause of its own.
    pub antecedent: bool,
    /// How many words may stand between the place it tells of and its comma: two after "where"
    /// or "who" ("the New York Stock Exchange, where"), none after "which" (in "between Misrata
    /// and Sirte, which the LNA seized", Sirte).
    pub reach: usize,
    /// Its dates: a range of the sentence's date mentions.
    pub dates: Range<usize>,
}

impl ConfinedClause {
    /// `mention` (in `body`) stands inside the clause or is the place it tells of.
    pub(super) fn holds(&self, body: &str, mention: &PlaceMention) -> bool {
        if self.span.start <= mention.start && mention.end <= self.span.end {
            return true;
        }
        // The place may open the name of what the clause tells of ("the New York Stock
        // Exchange, where", "Raytown police, who"): two words at most between it and the comma.
        let close = || {
            body.get(mention.end..self.span.start).is_some_and(|gap| {
                gap.is_empty()
                    || gap.starts_with(' ')
                        && gap.split(' ').filter(|w| !w.is_empty()).count() <= self.reach
                        && gap.chars().all(|c| c == ' ' || c.is_alphabetic())
            })
        };
        self.antecedent && close()
    }
}

/// Words that open a clause about something the sentence names, after a comma.
const CONFINING_OPENERS: &[&str] = &["where", "which", "who", "whom", "whose", "whereas", "while"];

/// The clauses of the sentence that confine dates ([`ConfinedClause`]), in order, added to
/// `out` (cleared first). `in_sentence`: the sentence's date mentions.
pub(super) fn confined_clauses(
    body: &str,
    sentence: &Range<usize>,
    in_sentence: &[DateMention],
    out: &mut Vec<ConfinedClause>,
) {
    out.clear();
    let mut k = 0;
    while k < in_sentence.len() {
        let dm = &in_sentence[k];
        let low = sentence.start.max(dm.start.saturating_sub(CLAUSE_REACH));
        let Some(comma) = last_break(body, in_sentence, low..dm.start) else {
            k += 1;
            continue;
        };
        let mut words = body
            .get(comma + 2..dm.start)
            .unwrap_or("")
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty());
        let opener = words.next().unwrap_or("");
        let next = words.next();
        // "while visiting Rome on Monday": a time of the sentence's own event.
        let confining = CONFINING_OPENERS.contains(&opener)
            && !(opener == "while" && next.is_some_and(|w| w.ends_with("ing")));
        if !confining || body.get(comma..comma + 1) != Some(",") {
            k += 1;
            continue;
        }
        let high = sentence.end.min(dm.end.saturating_add(CLAUSE_REACH));
        let end = first_break(body, in_sentence, dm.end..high).unwrap_or(high);
        let last = k + in_sentence[k..].partition_point(|m| m.end <= end);
        out.push(ConfinedClause {
            span: comma..end,
            antecedent: matches!(opener, "where" | "who" | "whom" | "whose")
                || opener == "which" && next.is_some_and(opens_a_subject),
            reach: if opener == "which" { 0 } else { 2 },
            dates: k..last,
        });
        k = last.max(k + 1);
    }
}

/// A word that opens the subject of a clause: after "which", the clause tells what someone did
/// to the thing before its comma ("Sirte, which the LNA seized on Jan. 6"), not what that
/// thing did ("attacks in Tunisia, which forced a state of emergency").
fn opens_a_subject(word: &str) -> bool {
    matches!(
        word,
        "the" | "a" | "an" | "it" | "they" | "he" | "she" | "we" | "rebels" | "troops" | "forces"
    ) || word.starts_with(char::is_uppercase)
}

/// The clause of `confined` (sorted, none overlapping another, as [`confined_clauses`] makes
/// them) that holds `mention` ([`ConfinedClause::holds`]): a binary search, so a sentence of
/// many clauses costs no more per place than one of news.
pub(super) fn clause_of<'c>(
    confined: &'c [ConfinedClause],
    body: &str,
    mention: &PlaceMention,
) -> Option<&'c ConfinedClause> {
    // The first clause that ends after the mention starts: the one it may stand in, or the one
    // right after it that it may be the place of.
    let k = confined.partition_point(|c| c.span.end <= mention.start);
    confined.get(k).filter(|c| c.holds(body, mention))
}

/// The sentence's date mentions that no clause of `confined` holds, into `out` (cleared
/// first).
pub(super) fn unconfined_dates(
    in_sentence: &[DateMention],
    confined: &[ConfinedClause],
    out: &mut Vec<DateMention>,
) {
    out.clear();
    let mut from = 0;
    for c in confined {
        out.extend_from_slice(in_sentence.get(from..c.dates.start).unwrap_or(&[]));
        from = c.dates.end;
    }
    out.extend_from_slice(in_sentence.get(from..).unwrap_or(&[]));
}
