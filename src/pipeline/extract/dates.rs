//! Dates in text: a temporal tagger that resolves expressions against the publication date, the
//! tense of the clause around them and the dates the text has already given.
//!
//! One pass of a hand-written [lexer](lexer) turns the text into words, numbers and punctuation;
//! a small grammar then tries, at each token, the few patterns that can start there, each with a
//! bounded lookahead (and a bounded look around for the tense). Matches never overlap (the scan
//! resumes after a match), so the whole tagger is linear in the length of the text. No regexes,
//! no clock, no I/O.
//!
//! # Span rule
//! A mention covers the date words and nothing else: leading prepositions ("on", "in", "since",
//! "through", "between", "from", ...) and articles are left out, modifiers that change the meaning
//! are kept. So: "Tuesday", "April 4", "Jan. 5, 2020", "last week", "next Tuesday", "early April",
//! "mid-April", "two nights ago", "past two weeks", "Last year, in October", "4 and 6 April"
//! (from "between 4 and 6 April"), "Tuesday, April 9" (one mention, the date's interval),
//! "third quarter", "10:35 a.m.", "Wednesday night".
//!
//! # Resolution
//! Every mention is an interval of days with a granularity (quarters, halves, seasons, decades
//! and centuries are `Span`s). Vague ones ("now", "recently", "the past few days") are marked
//! `vague`: their interval is an honest bound, not a measurement.
//!
//! - Absolute dates ("April 25, 2019", "19 January 2020", "13th December 2019", "2019-04-04"):
//!   `Day`. "January 2018": `Month`. Four-digit years 1900-2099 standing on their own ("in 1996",
//!   "the 1996 budget", "fiscal 1989"): `Year`; "in 2019-20": `Span`; "the 1990s", "the '90s":
//!   the decade; "the 20th century".
//! - Direction of a yearless date ("April 4", "in October", "the third quarter", "last fall",
//!   "Easter") and of a bare weekday comes from the tense of the clause: the nearest tense word
//!   before the expression (else after it) in its sentence. Past ("said", "was", "had", "-ed",
//!   "has"): the latest occurrence on or before the anchor. Future ("will", "would", "expected
//!   to", "is expected", "scheduled for", "plans to"): the first occurrence on or after it.
//!   Otherwise: the occurrence nearest to the anchor, a coming one counting twice as far (a
//!   weekday: the latest on or before unless it is one or two days ahead; quarters: the latest
//!   begun). A participle between an article and its noun ("a still unspecified date") is no
//!   tense.
//! - The anchor is the publication date, or the dateline's day where that is a little before it
//!   or names its year ("TOBRUK, Oct. 3, 2019 (Reuters) -" in a text republished later); a bare
//!   weekday told by a saying the sentence dates ("On Monday, March 2, the mayor said the ferry
//!   had sunk on Friday") is read against the saying's day. A text without one (an encyclopedia entry, a report) is
//!   read as a narrative: partial and relative dates are read against the last date it gave
//!   ("In 1998 ... On April 10" is 1998-04-10); before any, they are skipped.
//! - Anchored expressions ("that day", "that same day", "the next day", "the following week",
//!   "the week before", "later that year", "two days later", "two days before", "a year
//!   earlier", "the year-earlier quarter") are read against the last date in the text (the
//!   publication date if there is none yet; "the year" after a date longer than a year, as "the
//!   2019-20 season", against the publication's); "a year ago"
//!   keeps the granularity of a quarter or period named just before it. "that day" and "that
//!   month" need a reference within one day or month; "until then", "by then", "since then" are
//!   the date given in this sentence or the one before; a day part alone ("by mid-afternoon",
//!   "in the morning") is of the day given there, else of the anchor; "the eighth day" after
//!   "is" is the anchor.
//! - Deictic: "today", "tonight", "this morning": the anchor; "yesterday", "last night": the day
//!   before; "tomorrow": after. "this/last/next week" (Monday to Sunday), "month", "quarter",
//!   "year", "weekend"; "earlier this month", "later this year": that month, that year; "N
//!   days/weeks ago"; "the past two weeks"; "year-end", "year end", "year's end"; "in five
//!   years" in a future clause (that year); "a June agreement" (a month modifying a noun).
//! - Vague, marked so: "now", "currently", "at present" (the anchor day); "recently" (the 90 days
//!   before); "in recent days/weeks/months/years", "the past few/several days" (7 units back);
//!   "a few years ago".
//! - Numeric dates: "21/04/2019", "25.02.2020", "4/21/2019", "2/25/20" (a number
//!   over 12 is the day; "12/03/2020": the reading within a year of the anchor, the nearer,
//!   else the month first; with full stops, the day first).
//! - Times of day ("10:35 a.m.", "noon", "midnight on January 12", "Wednesday night", "10 p.m.
//!   EST Nov. 9", "6 a.m. on the 23rd"): the day they fall on; a clock time with no day ("at 8
//!   p.m.", "before midnight") is of the day the text gave last, in this sentence or the one
//!   before, else of the anchor day.
//! - Holidays by calendar rules: Christmas, New Year's Day/Eve, Easter (computus) and Good
//!   Friday, Easter week, US Thanksgiving (fourth Thursday of November), Halloween,
//!   Valentine's Day, May Day.
//! - Parts: "early/mid/late April" (days 1-10 / 11-20 / 21-end), "early/mid/late 2019" (January-April,
//!   May-August, September-December), "the end of 1990" (its last quarter), "the first half".
//! - Not dates: "daily",
//!   "month-long", "years-old", numbers glued to letters or punctuation ("F.1", "F.1AD", "3,400",
//!   "50/50", "300-member"), numbers after "@", "#" or currency signs, counts ("of 2000 people").
//!
//! Month and weekday names must start with a capital letter.

mod calendar;
mod lexer;

use std::cell::{Cell, OnceCell};

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use lexer::{Cue, Holiday, Kind, Lex, Num, Prep, Token, Unit};

use super::sentences;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Day,
    Week,
    Month,
    Year,
    /// Any other interval: "the past two weeks", "early April", "April 4-6", a quarter, a season.
    Span,
}

/// A closed interval of days, `from <= to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Interval {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub granularity: Granularity,
}

/// One date expression: `text[start..end]` means `interval`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub interval: Interval,
    /// A vague reference ("now", "recently", "the past few days"): `interval` bounds it honestly
    /// but does not pin it down.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub vague: bool,
}

/// Finds date expressions in `text`, sorted by `start`, non-overlapping. Without `published`, the
/// text is read as a narrative: partial and relative dates are read against the last date it gave.
///
/// A dateline's day a little before `published` ("BENGHAZI, Jan 18 (Reuters) -" in a text the
/// header dates January 21: filed then, published or collected later), or any time before it
/// where the dateline names its year ("CAIRO, Oct. 3, 2019 -" in a text republished in 2020),
/// is the day the text's "on Sunday" and "last week" are read against: the writer's today.
pub fn tag_dates(text: &str, published: Option<NaiveDate>) -> Vec<DateMention> {
    let (toks, starts) = lexer::tokenize_marking(text, may_start_date);
    let mentions = tag_tokens(text, (&toks, &starts), (published, None));
    match filed_on(text, &mentions, published) {
        Some(day) => tag_tokens(text, (&toks, &starts), (Some(day), published)),
        None => mentions,
    }
}

/// The day the text was written on where its dateline gives one other than `published` (see
/// [`tag_dates`]): the day its relative dates were read against. `mentions`: the text's date
/// mentions.
pub(crate) fn filed_on(
    text: &str,
    mentions: &[DateMention],
    published: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let p = published?;
    mentions
        .first()
        .filter(|m| m.interval.granularity == Granularity::Day && is_dateline_date(text, m))
        .filter(|m| {
            let d = m.interval.from;
            d < p && ((p - d).num_days() <= DATELINE_MAX_DAYS_BEFORE || written_year(text, m))
        })
        .map(|m| m.interval.from)
}

/// The date mention `m` of `text` ends in a year written out ("Oct. 3, 2019", "3 October
/// 2019"): a dateline that names its year is the day the text was written on however long
/// before the publication it lies (an article republished or collected later).
fn written_year(text: &str, m: &DateMention) -> bool {
    m.end >= 4
        && text
            .as_bytes()
            .get(m.end - 4..m.end)
            .is_some_and(|tail| tail.iter().all(u8::is_ascii_digit))
}

/// How many days before the publication a dateline's day may be and still be the day the text
/// was written on ([`tag_dates`]), where it does not name its year.
const DATELINE_MAX_DAYS_BEFORE: i64 = 31;

/// The date mention `m` of `body` is its dateline's ("ROME, April 19 (Xinhua) --", "Pratica di
/// Mare (Italy), May 8 (IANS/AKI):"): near the start and followed by an opening bracket, a colon
/// or a dash; or by a hyphen set off by a space (plain text's dash: "SEBHA, Libya, Aug 5 - An air
/// strike ...") where the line before it is a dateline's place, names and commas without a
/// lower-case word ("Police said on Aug 5 - ..." is no dateline).
pub(crate) fn is_dateline_date(body: &str, m: &DateMention) -> bool {
    m.start < 120 && {
        let after = body.get(m.end..).unwrap_or("").trim_start();
        after.starts_with(['(', ':', '\u{2013}', '\u{2014}'])
            || after.starts_with("--")
            || (after
                .strip_prefix('-')
                .is_some_and(|rest| rest.starts_with(char::is_whitespace))
                && {
                    let head = body.get(..m.start).unwrap_or("");
                    let line = head.rsplit('\n').next().unwrap_or("");
                    line.trim_end().ends_with(',')
                        && !line
                            .split_whitespace()
                            .any(|w| w.starts_with(|c: char| c.is_lowercase()))
                })
    }
}

/// [`tag_dates`] over the tokens `toks` of `text` whose possible date starts are `starts`, read
/// against `published` (the dateline's day where the text was filed before it went out on
/// `released`).
fn tag_tokens(
    text: &str,
    (toks, starts): (&[Token], &[u32]),
    (published, released): (Option<NaiveDate>, Option<NaiveDate>),
) -> Vec<DateMention> {
    let tagger = Tagger {
        text,
        toks,
        published,
        released,
        reference: Cell::new(None),
        past_reference: Cell::new(None),
        day_reference: Cell::new(None),
        weekdays: Cell::new([None; 7]),
        weekday_tokens: OnceCell::new(),
    };
    let mut mentions = Vec::new();
    // The scan: from `from`, on to the next token where a date may start (`starts[next]` on).
    let mut from = 0;
    let mut next = 0;
    loop {
        while starts.get(next).is_some_and(|&s| (s as usize) < from) {
            next += 1;
        }
        let Some(&i) = starts.get(next) else {
            break;
        };
        let i = i as usize;
        match tagger.match_at(i) {
            Some(m) => {
                mentions.push(DateMention {
                    start: toks[i].start as usize,
                    end: toks[m.last].end as usize,
                    interval: m.interval,
                    vague: m.vague,
                });
                // "A train derailed on Wednesday ... a court said on Friday. The train had left
                // Madrid earlier that day": the day of a saying is not the day the story's
                // "that day" points back to, where the text gave one before.
                let saying = tagger.reference.get().is_some() && tagger.day_of_saying(i, m.last);
                if !m.vague && !m.comparison && !saying {
                    let r = Some(Ref {
                        interval: m.interval,
                        grain: m.grain,
                        tok: m.last,
                    });
                    tagger.reference.set(r);
                    if m.grain == Grain::Day {
                        tagger.day_reference.set(r);
                    }
                    if published.is_none_or(|p| m.interval.to <= p) {
                        tagger.past_reference.set(r);
                    }
                }
                from = m.last + 1;
            }
            None => from = i + 1,
        }
    }
    mentions
}

/// Whether [`Tagger::match_at`] may match at `tok`: false for most of a text's tokens (a
/// lower-case word of no meaning to the tagger, a preposition, a tense or title word, punctuation
/// other than an apostrophe, a capitalised word of no meaning that opens no named day), where it
/// returns `None` at once. Decided here without the call, whose setup costs more than the test.
fn may_start_date(text: &str, tok: &Token) -> bool {
    match tok.kind {
        Kind::Word {
            lex: Lex::Other,
            cap,
        } => cap && may_open_named_day(text, tok),
        Kind::Word {
            lex: Lex::Prep(_) | Lex::And | Lex::Tense(_) | Lex::NotName,
            ..
        } => false,
        Kind::Punct(c) => c == '\'' || c == '\u{2019}',
        Kind::Word { .. } | Kind::Num(_) => true,
    }
}

/// The capitalised word `tok` may open a day [`Tagger::named_day`] knows by its name: "New
/// Year's Day", "Good Friday", "Valentine's Day", "Memorial Day", "Labor Day", "Veterans Day",
/// "Boxing Day" (most capitalised words are names: their first two letters rule them out).
fn may_open_named_day(text: &str, tok: &Token) -> bool {
    let start = tok.start as usize;
    matches!(
        text.as_bytes().get(start..start + 2),
        Some(b"Ne" | b"Go" | b"Va" | b"Me" | b"La" | b"Ve" | b"Bo" | b"El")
    )
}

/// The tense of a sentence's reporting frame, for the event builder: the first tense word outside
/// quotation marks ("“Moscow is important,” Di Maio said" is past: what matters is when it was
/// said).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SentenceTense {
    /// "entered", "said", "was", "had been".
    Past,
    /// "is", "are", "says", and the present perfect ("has captured", "have been killed"): the
    /// sentence speaks of the present.
    Present,
    /// "will", "would", "expected to".
    Future,
}

/// The tense of `sentence` (see [`SentenceTense`]); `None` when it has no tense word outside
/// quotes. Reads words until the first tense word, so it costs a few words per sentence. A
/// sentence without one that states what lasts by a verb of [`LASTING_VERBS`] before a
/// preposition ("Libya's border with Egypt runs from the sea to the Sudanese frontier") is
/// present.
pub fn sentence_tense(sentence: &str) -> Option<SentenceTense> {
    let bytes = sentence.as_bytes();
    let mut quoted = false;
    let mut lasting = false;
    // (start, end) of the word before the current one, and the byte just before the current.
    let mut prev: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !b.is_ascii_alphabetic() {
            if b == b'"' {
                quoted = !quoted;
            } else if b == 0xE2 {
                // The first byte of the curly quotes U+201C and U+201D, and of the single ones.
                let rest = &bytes[i..];
                if rest.starts_with("\u{201c}".as_bytes()) {
                    quoted = true;
                } else if rest.starts_with("\u{201d}".as_bytes()) {
                    quoted = false;
                } else if rest.starts_with("\u{2018}".as_bytes())
                    || rest.starts_with("\u{2019}".as_bytes())
                {
                    quoted = single_quote(bytes, i, 3, quoted);
                }
            } else if b == b'\'' {
                quoted = single_quote(bytes, i, 1, quoted);
            }
            i += 1;
            continue;
        }
        let start = i;
        i = lexer::ascii_letters_end(bytes, start);
        let word = &sentence[start..i];
        if !quoted
            && lexer::may_be_tense(word.as_bytes())
            && let Lex::Tense(cue) = lexer::classify_letters(sentence, start, i)
        {
            let prev_word = prev.map_or("", |(a, b)| &sentence[a..b]);
            let hyphenated = start > 0 && bytes[start - 1] == b'-';
            let tense = match cue {
                Cue::Perfect | Cue::Present => Some(SentenceTense::Present),
                Cue::Future => Some(SentenceTense::Future),
                Cue::Intent => {
                    let next_word = sentence[i..]
                        .trim_start()
                        .split(|c: char| !c.is_ascii_alphabetic())
                        .next()
                        .unwrap_or("");
                    let to_for = next_word.eq_ignore_ascii_case("to")
                        || next_word.eq_ignore_ascii_case("for");
                    to_for.then_some(SentenceTense::Future)
                }
                Cue::Past => {
                    let article = ["the", "a", "an"]
                        .iter()
                        .any(|w| w.eq_ignore_ascii_case(prev_word));
                    let passive = ["be", "been", "being"]
                        .iter()
                        .any(|w| w.eq_ignore_ascii_case(prev_word))
                        && word.ends_with("ed");
                    (!(hyphenated || article || passive)).then_some(SentenceTense::Past)
                }
            };
            if tense.is_some() {
                return tense;
            }
        }
        // (Each of them ends in "s": most words are decided by their last byte.)
        if !quoted && !lasting && word.ends_with('s') && LASTING_VERBS.contains(&word) {
            let prev_word = prev.map_or("", |(a, b)| &sentence[a..b]);
            let next_word = sentence[i..]
                .trim_start()
                .split(|c: char| !c.is_ascii_alphabetic())
                .next()
                .unwrap_or("");
            // (Not a noun: "the runs from ...", "its borders with ...".)
            let noun = ["the", "a", "an", "its", "their", "his", "her", "our"]
                .iter()
                .any(|w| w.eq_ignore_ascii_case(prev_word));
            lasting = !noun && LASTING_PREPOSITIONS.contains(&next_word);
        }
        prev = Some((start, i));
    }
    lasting.then_some(SentenceTense::Present)
}

/// Whether a quote is open after the single quotation mark (or apostrophe) of `len` bytes at
/// `at` in `bytes`, where `quoted` tells whether one was before it: a mark that opens a word at
/// the start or after a space opens a quote ("'We are under fire,' he said"); one that ends a
/// word before a space or a mark closes it ("fire,' he"); an apostrophe inside a word ("don't",
/// "Jalal's") changes nothing. (British news quotes with single marks.)
fn single_quote(bytes: &[u8], at: usize, len: usize, quoted: bool) -> bool {
    let before = at.checked_sub(1).map(|k| bytes[k]);
    let after = bytes.get(at + len).copied();
    let word_after = after.is_some_and(|b| b.is_ascii_alphabetic() || b >= 0x80);
    let space_before = before.is_none_or(|b| b.is_ascii_whitespace() || b == b'(');
    if space_before && word_after {
        true
    } else if !space_before && !word_after && quoted {
        false
    } else {
        quoted
    }
}

/// Verbs in the present that state what lasts, as of a border, a road or a range ("runs from",
/// "lies near", "stretches along"), which [`sentence_tense`] reads where a sentence has no
/// tense word.
const LASTING_VERBS: &[&str] = &[
    "runs",
    "lies",
    "stretches",
    "extends",
    "borders",
    "links",
    "connects",
    "separates",
    "sits",
    "stands",
    "overlooks",
    "straddles",
    "crosses",
    "flows",
    "winds",
];

/// The prepositions after a verb of [`LASTING_VERBS`] that make it one.
const LASTING_PREPOSITIONS: &[&str] = &[
    "from", "to", "into", "along", "across", "through", "between", "over", "under", "at", "in",
    "on", "near", "beside", "around", "about", "some", "for",
];

/// The months' English names, January first: the one list the tagger's neighbours share (the
/// place matcher's words that open no name, the synthetic articles' dates).
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The weekdays' English names, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A capitalised word that names no actor: a function word, a title, a calendar word ("The",
/// "President", "Tuesday").
pub fn is_not_a_name(word: &str) -> bool {
    names_no_actor(lexer::classify(word))
}

/// A lower-case word of the tagger's tense vocabulary: a verb or auxiliary that tells a time
/// ("seized", "had", "will", "is"), what follows a relative "that" with no subject of its own.
pub fn is_tense_word(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_lowercase())
        && matches!(
            lexer::classify(word),
            Lex::Tense(Cue::Past | Cue::Perfect | Cue::Future | Cue::Present)
        )
}

/// A lower-case past verb or participle of the tagger's vocabulary ("signed", "took", "had").
pub fn is_past_word(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_lowercase())
        && lexer::classify(word) == Lex::Tense(Cue::Past)
}

/// [`is_not_a_name`] of `text[start..end]`, a run of ASCII letters and digits: the word is
/// packed from the text around it ([`lexer::classify_letters`]), not copied out first. Digits
/// pack as [`lexer::classify`] packs them.
pub fn is_not_a_name_at(text: &str, start: usize, end: usize) -> bool {
    names_no_actor(lexer::classify_letters(text, start, end))
}

fn names_no_actor(lex: Lex) -> bool {
    matches!(
        lex,
        Lex::NotName
            | Lex::Month { .. }
            | Lex::Weekday(_)
            | Lex::The
            | Lex::A
            | Lex::Prep(_)
            | Lex::And
            | Lex::This
            | Lex::That
            | Lex::Then
            | Lex::Last
            | Lex::Next
            | Lex::Today
            | Lex::Yesterday
            | Lex::Tomorrow
            | Lex::Tense(_)
    )
}

/// `word` names a holiday ("Christmas", "Easter"): a date, not the town spelled like it.
pub fn is_holiday(word: &str) -> bool {
    matches!(lexer::classify(word), Lex::Holiday(_))
}

/// The unit an interval counts in, finer than [`Granularity`]: what "a year earlier" keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Grain {
    Day,
    Week,
    Month,
    Quarter,
    Season,
    Year,
    Span,
}

impl Grain {
    fn of(g: Granularity) -> Grain {
        match g {
            Granularity::Day => Grain::Day,
            Granularity::Week => Grain::Week,
            Granularity::Month => Grain::Month,
            Granularity::Year => Grain::Year,
            Granularity::Span => Grain::Span,
        }
    }
}

/// A pattern matched from the token where the scan stands to `last` (inclusive).
#[derive(Clone, Copy, Debug)]
struct Match {
    last: usize,
    interval: Interval,
    grain: Grain,
    vague: bool,
    /// A comparison ("a year earlier", "the year-ago quarter"): not a new reference time.
    comparison: bool,
}

/// The last date the text gave: the reference of anchored expressions.
#[derive(Clone, Copy, Debug)]
struct Ref {
    interval: Interval,
    grain: Grain,
    /// Its last token.
    tok: usize,
}

/// Part of a month or year: "early", "mid", "late".
#[derive(Clone, Copy)]
enum Part {
    Early,
    Mid,
    Late,
}

/// How far past the anchor a yearless date in a past-tense clause may fall before the tense moves
/// it to the year before: news writes coming dates in past clauses ("declared a dividend payable
/// Dec. 15", "agreed to buy it in February"), dates months back carry their year.
const PAST_TOLERANCE_DAYS: i64 = 100;

/// Happenings no one schedules: a date naming one ("the January 12 earthquake", "a March 3
/// bombing") names a day already past when the news tells of it. (Not meetings, votes or
/// strikes, which are announced ahead.)
const SUDDEN_HAPPENINGS: &[&str] = &[
    "ambush",
    "assassination",
    "attack",
    "attacks",
    "blast",
    "blasts",
    "bombing",
    "bombings",
    "coup",
    "crash",
    "derailment",
    "earthquake",
    "eruption",
    "explosion",
    "explosions",
    "flood",
    "floods",
    "flooding",
    "hijacking",
    "kidnapping",
    "killing",
    "killings",
    "landslide",
    "massacre",
    "mudslide",
    "quake",
    "riot",
    "riots",
    "shooting",
    "shootings",
    "stabbing",
    "tsunami",
];

/// How far before the anchor a yearless date in a future clause may fall before the tense moves
/// it to the year after ("said it would" also reports the past).
const FUTURE_TOLERANCE_DAYS: i64 = 31;

/// The decades in words, the twenties first ([`Tagger::spelled_decade`]; "the tens" and "the
/// teens" are too often something else).
const SPELLED_DECADES: &[&str] = &[
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
];

/// Words of heat near a decade's name that make it degrees: "highs in the nineties".
const HEAT_WORDS: &[&str] = &[
    "temperature",
    "temperatures",
    "highs",
    "lows",
    "degrees",
    "Fahrenheit",
    "mercury",
];

/// How many months [`Tagger::months_together`] reads as named together ("June, July, August and
/// September").
const MAX_MONTHS_TOGETHER: usize = 6;

/// Present verbs of a happening's start or end that, right before a day, set it for a day to
/// come ([`Tagger::scheduled_for`]: "the fair opens on Monday", "the truce ends Friday").
const SCHEDULE_VERBS: &[&str] = &[
    "opens", "starts", "start", "begins", "begin", "resumes", "resume", "ends", "closes",
];

/// Present verbs of a trip or a meeting that, in a weekday's clause, tell of a plan
/// ([`Tagger::present_of_a_plan`]: "the minister flies to Rome on Friday", "the leaders meet
/// Monday"). The bare forms after a plural subject too, but not those that are nouns as often
/// ("visit", "return", "travel", "tour").
const PLAN_VERBS: &[&str] = &[
    "travels",
    "flies",
    "fly",
    "heads",
    "visits",
    "meets",
    "meet",
    "hosts",
    "host",
    "arrives",
    "arrive",
    "leaves",
    "returns",
    "goes",
    "go",
    "holds",
    "hold",
    "attends",
    "attend",
    "departs",
    "depart",
    "tours",
    "addresses",
    "chairs",
    "joins",
    "lands",
    "faces",
    "face",
    "plays",
    "play",
];

/// Modals before a bare verb: a verb spelled as its past after one is no past ("would hit");
/// after "and", one opens a predicate of its own (`clauses::time_clause`).
pub(super) const MODALS: &[&str] = &[
    "will", "would", "could", "might", "may", "can", "should", "must", "shall",
];

/// Verbs a forecast tells with a modal ([`Tagger::modal_forecast`]): what the weather, a
/// river, a storm or a figure may do on a day to come.
const FORECAST_VERBS: &[&str] = &[
    "reach",
    "hit",
    "top",
    "exceed",
    "see",
    "bring",
    "rise",
    "climb",
    "soar",
    "fall",
    "drop",
    "dip",
    "plunge",
    "ease",
    "worsen",
    "peak",
    "arrive",
    "strike",
    "intensify",
    "weaken",
];

/// Verbs that put something off, or put a measure or a forecast in force for a while: in the
/// past tense before "until" and a date, that date is to come ("postponed until Tuesday morning
/// any action", "imposed a curfew through Saturday", "has forecast rain till Sunday").
const PUT_OFF: &[&str] = &[
    "postponed",
    "delayed",
    "deferred",
    "adjourned",
    "extended",
    "suspended",
    "recessed",
    "imposed",
    "declared",
    "ordered",
    "issued",
    "forecast",
    "predicted",
];

/// What the clause around an expression says about its time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tense {
    Past,
    /// A past verb right before the date: "ended Jan. 31".
    PastAdjacent,
    Present,
    Future,
    Unknown,
}

struct Tagger<'t> {
    text: &'t str,
    toks: &'t [Token],
    published: Option<NaiveDate>,
    /// The day the text went out when it is read against its dateline's earlier day
    /// (`published`): a weekday past by then may be one after the dateline's
    /// ([`Tagger::weekday_date`]).
    released: Option<NaiveDate>,
    reference: Cell<Option<Ref>>,
    /// The last date given that was over by publication: what a comparison ("the year-ago
    /// period") compares with, where a forecast in between ("losses through the third quarter
    /// of 1990") is not.
    past_reference: Cell<Option<Ref>>,
    /// The last day the text gave (a reference of day grain): what "a day later" counts from
    /// when a month or a year was named after it.
    day_reference: Cell<Option<Ref>>,
    /// Bare weekdays already resolved, Monday first: within one text the same weekday name is
    /// the same day ("said on Tuesday ... travel to Berlin later on Tuesday").
    weekdays: Cell<[Option<NaiveDate>; 7]>,
    /// The capitalised weekday names of the text, by token number (gathered at the first bare
    /// weekday: most texts have none).
    weekday_tokens: OnceCell<Vec<u32>>,
}

impl Tagger<'_> {
    fn match_at(&self, i: usize) -> Option<Match> {
        match self.toks[i].kind {
            Kind::Num(_) => self
                .iso(i)
                .or_else(|| self.numeric(i))
                .or_else(|| self.coordinated_day(i))
                .or_else(|| self.clock(i))
                .or_else(|| self.counted_units(i))
                .or_else(|| self.day_first(i, None))
                .or_else(|| self.decade(i))
                .or_else(|| self.century(i))
                .or_else(|| self.year_period(i))
                .or_else(|| self.bare_year(i)),
            Kind::Word { lex, cap } => match lex {
                Lex::Month { .. } if cap => self.month_first(i, None),
                Lex::Weekday(_) if cap => self.weekday(i),
                // "USA Today", "VOA Today": a capitalised word after a name is part of it.
                Lex::Today | Lex::Tonight
                    if cap && i > 0 && self.cap(i - 1) && !self.starts_sentence(i) =>
                {
                    None
                }
                Lex::Today | Lex::Tonight => {
                    let d = self.anchor_day()?;
                    Some(self.at(self.day_part_after(i), calendar::day(d)))
                }
                Lex::Yesterday => self.days_from_anchor(i, -1),
                // "the people of tomorrow": the future at large.
                Lex::Tomorrow if self.prev_prep(i) == Some(Prep::Of) => None,
                Lex::Tomorrow => self.days_from_anchor(i, 1),
                Lex::This | Lex::Last | Lex::Next => self.this_last_next(i, lex),
                Lex::Earlier | Lex::Later => self.earlier_later(i, lex),
                Lex::Early => self.part_of(i, Part::Early),
                Lex::Mid => self.part_of(i, Part::Mid),
                Lex::Late => self.part_of(i, Part::Late),
                Lex::The => self.the(i),
                Lex::Past => self.past_n(i),
                // "in coming days", "over coming weeks" (no "the": headline style).
                Lex::Coming
                    if matches!(
                        self.prev_prep(i),
                        Some(Prep::In | Prep::Over | Prep::During)
                    ) =>
                {
                    self.next_n(i)
                }
                // (A year in words never opens with "a": `spelled_year` is not asked.)
                Lex::A => self.counted_units(i),
                Lex::Count(_) => self.counted_units(i).or_else(|| self.spelled_year(i)),
                Lex::Ordinal(_) => self.ordinal_period(i, None),
                Lex::Season(_) => self.season(i, None),
                Lex::Fiscal => self.fiscal(i),
                Lex::Holiday(h) if cap => self.holiday(i, h),
                Lex::Now => self.now(i),
                Lex::Recently => self.recently(i),
                Lex::Recent => self.recent_units(i),
                Lex::That => self.that(i),
                Lex::Then => self.then(i),
                Lex::Noon | Lex::Midnight => self.clock_word(i),
                Lex::Unit {
                    unit: Unit::Year,
                    plural: false,
                } => self.year_earlier(i),
                Lex::Other if cap && may_open_named_day(self.text, &self.toks[i]) => {
                    self.named_day(i)
                }
                Lex::Century19 => self.spelled_year(i),
                Lex::Present => self.at_present(i),
                _ => None,
            },
            Kind::Punct('\'' | '\u{2019}') => self.decade(i),
            Kind::Punct(_) => None,
        }
    }

    // ---- results ---------------------------------------------------------------------------

    /// "April 24 and 25", "on May 3 or 4": a day of the month just named, after "and" or "or";
    /// in a list, after a comma where the list goes on to a last day after "and" or "or" ("on
    /// March 3, 4 and 5", "on March 3, 4, and 5").
    fn coordinated_day(&self, i: usize) -> Option<Match> {
        let n = self.num(i)?;
        if n.digits > 2 || i < 2 {
            return None;
        }
        let joined = self.word_is(i - 1, "and") || self.word_is(i - 1, "or");
        let listed = self.punct(i - 1) == Some(',') && self.list_goes_on(i);
        if !(joined || listed) {
            return None;
        }
        let r = self.reference.get()?;
        // (The day before: right before the joint, or before the comma of ", and".)
        let before = if joined && self.punct(i - 2) == Some(',') {
            i.checked_sub(3)?
        } else {
            i - 2
        };
        if r.tok != before || r.grain != Grain::Day || !self.clean_after(i) {
            return None;
        }
        // (Not "April 24 and 25 people", "May 3 and 4 p.m."; "on March 3 and 4 in Paris" is.)
        if !listed && self.noun_after(i) {
            return None;
        }
        let day = r.interval.from;
        let n = Some(n.value).filter(|&v| v > day.day() && !n.glued)?;
        let d = NaiveDate::from_ymd_opt(day.year(), day.month(), n)?;
        Some(self.at(i, calendar::day(d)))
    }

    /// "the coming weekend" (`i` at "coming"): the Saturday and Sunday on or after the anchor.
    fn coming_weekend(&self, i: usize) -> Option<Match> {
        if !self.single(i + 1, Unit::Weekend) {
            return None;
        }
        let sat = calendar::weekday_on_or_after(Weekday::Sat, self.anchor_day()?)?;
        Some(self.grained(
            i + 1,
            calendar::span(sat, calendar::add_days(sat, 1)?)?,
            Grain::Span,
        ))
    }

    /// A lower-case word other than a preposition or tense word follows the number at `i`: it
    /// counts that noun ("5 people", "4 p.m.").
    fn noun_after(&self, i: usize) -> bool {
        matches!(
            self.toks.get(i + 1).map(|t| t.kind),
            Some(Kind::Word { cap: false, lex }) if !matches!(lex, Lex::Prep(_) | Lex::Tense(_))
        )
    }

    /// After the day of the month at `i`, a list of days goes on to its last: numbers of at
    /// most two digits after commas, the last after "and" or "or" (with or without a comma)
    /// and counting no noun ("4, 5 and 6 in Paris", "4 and 5", "4, and 5"; not "4 and 5
    /// people"). Reads at most [`MAX_LISTED_DAYS`] items.
    fn list_goes_on(&self, i: usize) -> bool {
        let mut k = i;
        for _ in 0..MAX_LISTED_DAYS {
            let mut j = k + 1;
            if self.punct(j) == Some(',') {
                j += 1;
            }
            let joined = self.word_is(j, "and") || self.word_is(j, "or");
            if joined {
                j += 1;
            }
            if j == k + 1 || self.num(j).is_none_or(|n| n.digits > 2) {
                return false;
            }
            if joined {
                return !self.noun_after(j);
            }
            k = j;
        }
        false
    }

    fn at(&self, last: usize, interval: Interval) -> Match {
        self.grained(last, interval, Grain::of(interval.granularity))
    }

    fn grained(&self, last: usize, interval: Interval, grain: Grain) -> Match {
        debug_assert!(last < self.toks.len());
        Match {
            last,
            interval,
            grain,
            vague: false,
            comparison: false,
        }
    }

    fn comparison(&self, last: usize, interval: Interval, grain: Grain) -> Match {
        Match {
            comparison: true,
            ..self.grained(last, interval, grain)
        }
    }

    fn vague(&self, last: usize, interval: Interval) -> Match {
        Match {
            vague: true,
            ..self.grained(last, interval, Grain::Span)
        }
    }

    // ---- anchors ---------------------------------------------------------------------------

    /// The day deictic expressions are read against: publication, or in an undated text the last
    /// day it named.
    fn anchor_day(&self) -> Option<NaiveDate> {
        self.published.or_else(|| {
            self.reference
                .get()
                .filter(|r| r.grain == Grain::Day)
                .map(|r| r.interval.from)
        })
    }

    /// The date at `first..=last` is the day of a saying: a bare weekday or "yesterday" right
    /// after "said", "says" or "told" (with "on" between or not: "said on Friday", "told
    /// reporters Friday" is not read) or right before "said" ("officials Friday said").
    fn day_of_saying(&self, first: usize, last: usize) -> bool {
        let saying = |k: usize| ["said", "says", "told"].iter().any(|w| self.word_is(k, w));
        let day = first == last
            && (matches!(self.lex(first), Some(Lex::Weekday(_)))
                || self.word_is(first, "yesterday"));
        let before = match first.checked_sub(1) {
            Some(k) if self.word_is(k, "on") => k.checked_sub(1),
            k => k,
        };
        day && (before.is_some_and(saying) || saying(last + 1))
    }

    /// The year yearless dates are read against.
    fn anchor_year(&self) -> Option<i32> {
        self.published
            .or_else(|| self.reference.get().map(|r| r.interval.from))
            .map(|d| d.year())
    }

    /// The last date given, or the publication day: what "that day" and "a year earlier" mean.
    fn reference_or_publication(&self) -> Option<Ref> {
        self.reference.get().or_else(|| {
            self.published.map(|d| Ref {
                interval: calendar::day(d),
                grain: Grain::Day,
                tok: 0,
            })
        })
    }

    fn days_from_anchor(&self, i: usize, n: i64) -> Option<Match> {
        let d = calendar::add_days(self.anchor_day()?, n)?;
        Some(self.at(self.day_part_after(i), calendar::day(d)))
    }

    /// "Tuesday night", "yesterday afternoon": the index of the day part after `i`, else `i`.
    fn day_part_after(&self, i: usize) -> usize {
        match self.lex(i + 1) {
            Some(
                Lex::DayPart
                | Lex::Unit {
                    unit: Unit::Night,
                    plural: false,
                },
            ) if self.toks.get(i + 1).is_some_and(|t| t.space_before) => i + 1,
            _ => i,
        }
    }

    // ---- tense -----------------------------------------------------------------------------

    /// A sentence starts at token `k`: a line break, or a terminator and a space before it.
    fn starts_sentence(&self, k: usize) -> bool {
        let t = &self.toks[k];
        t.newline_before
            || (k > 0
                && t.space_before
                && matches!(self.punct(k - 1), Some('.' | '!' | '?'))
                && !matches!(t.kind, Kind::Word { cap: false, .. })
                && !self.after_abbreviation(k - 1))
    }

    /// The full stop at `k` closes a title or an initial ("Roe vs. Wade", "Gen. Haftar", "John
    /// F. Kennedy", "U.S. President"), not a sentence: the sentence splitter's rule.
    fn after_abbreviation(&self, k: usize) -> bool {
        if self.punct(k) != Some('.') || k == 0 || !self.adjacent(k) {
            return false;
        }
        let w = self.word(k - 1);
        let initial = w.len() == 1 && w.bytes().all(|b| b.is_ascii_uppercase());
        initial || sentences::is_title(w)
    }

    /// The tense word at `k`, if it is one here.
    fn cue(&self, k: usize) -> Option<Tense> {
        let Some(Lex::Tense(cue)) = self.lex(k) else {
            return None;
        };
        let next_to_for =
            matches!(self.lex(k + 1), Some(Lex::Prep(Prep::To))) || self.word_is(k + 1, "for");
        // A participle as an adjective: "a planned visit", "a still unspecified date", "the newly
        // elected council".
        let after_article = || {
            let article = |j: usize| matches!(self.lex(j), Some(Lex::The | Lex::A));
            let adverb = |j: usize| {
                self.lex(j) == Some(Lex::Recently)
                    || self.lex(j) == Some(Lex::Other) && !self.cap(j) && {
                        let w = self.word(j);
                        w.ends_with("ly") || ["still", "yet", "long", "once"].contains(&w)
                    }
            };
            k > 0 && (article(k - 1) || (k > 1 && adverb(k - 1) && article(k - 2)))
        };
        match cue {
            Cue::Past => {
                // A participle as an adjective ("the UN-backed government", "a planned visit") or
                // in the passive ("would be paid", "will be held", "when the case is heard in
                // May": the auxiliary before it decides).
                let hyphenated =
                    !self.toks[k].space_before && k > 0 && matches!(self.punct(k - 1), Some('-'));
                let after_article = after_article();
                let passive = k > 0
                    && ["be", "been", "being", "is", "are", "am"]
                        .iter()
                        .any(|w| self.word_is(k - 1, w));
                // A bare verb spelled as its past after "to" ("is expected to hit Vietnam on
                // Monday", "plans to cut jobs"): an infinitive, whose time is its clause's.
                let infinitive = k > 0 && self.lex(k - 1) == Some(Lex::Prep(Prep::To));
                // A bare verb spelled as its past after a modal ("would hit 42 degrees on
                // Saturday", "could cut rates in May"): the modal's time, not a past one.
                let after_modal = k > 0 && MODALS.iter().any(|w| self.word_is(k - 1, w));
                (!(hyphenated || after_article || passive || infinitive || after_modal))
                    .then_some(Tense::Past)
            }
            Cue::Perfect => Some(Tense::Past),
            // "is to resume": a plan.
            Cue::Present if matches!(self.lex(k + 1), Some(Lex::Prep(Prep::To))) => {
                Some(Tense::Future)
            }
            Cue::Present => Some(Tense::Present),
            Cue::Future => Some(Tense::Future),
            // "had been due to expire": a plan in the past.
            Cue::Intent
                if next_to_for
                    && k > 0
                    && ["had", "been"].iter().any(|w| self.word_is(k - 1, w)) =>
            {
                Some(Tense::Past)
            }
            // "vacation plans for the trip": a noun, the plans of whatever time the clause says.
            Cue::Intent
                if self.word_is(k + 1, "for")
                    && (self.word_is(k, "plans") || self.word_is(k, "plan")) =>
            {
                None
            }
            // "was planned for April", "talks scheduled for May had been cancelled": a plan
            // made in the past for a month is told as a past plan, and the month after "for"
            // takes the clause's time (a bare month in a past clause is the one begun, not
            // the next); a passive's auxiliary says it, or a noun before the participle leaves
            // it to the clause's verb.
            Cue::Intent
                if self.word_is(k + 1, "for")
                    && matches!(self.lex(k + 2), Some(Lex::Month { .. }))
                    && !matches!(self.toks.get(k + 3).map(|t| t.kind), Some(Kind::Num(_)))
                    && ["planned", "scheduled", "set"]
                        .iter()
                        .any(|w| self.word_is(k, w))
                    && k > 0 =>
            {
                if ["was", "were"].iter().any(|w| self.word_is(k - 1, w)) {
                    Some(Tense::Past)
                } else if self.lex(k - 1) == Some(Lex::Other) && !self.cap(k - 1)
                    || self.punct(k - 1) == Some(',')
                {
                    // ("The concert, set for April, was cancelled": the participle set off by
                    // commas, too.)
                    None
                } else {
                    Some(Tense::Future)
                }
            }
            Cue::Intent if next_to_for => Some(Tense::Future),
            // "has scheduled a news conference Thursday", "planned a rally on Saturday": a verb of
            // arranging with its object arranges what is still to come (not "a planned visit").
            Cue::Intent
                if ["scheduled", "planned", "schedules"]
                    .iter()
                    .any(|w| self.word_is(k, w))
                    && matches!(self.lex(k + 1), Some(Lex::A | Lex::The))
                    && k > 0
                    && !after_article() =>
            {
                Some(Tense::Future)
            }
            // "Heavy rain is expected over the weekend", "storms are forecast on Sunday": what is
            // looked for is still to come.
            Cue::Intent if k > 0 && (self.word_is(k - 1, "is") || self.word_is(k - 1, "are")) => {
                Some(Tense::Future)
            }
            Cue::Intent => None,
        }
    }

    /// The tense of the clause around tokens `first..=last`: a past verb right after them ("on
    /// Friday expelled the ambassador"), else the nearest tense word before them in their
    /// sentence, else the nearest after. A past verb right before the date ("ended Jan. 31",
    /// "died on Tuesday") is [`Tense::PastAdjacent`]; one with an infinitive between it and the
    /// date ("agreed to buy it in February", "are supposed to conclude by May") does not date
    /// it: the infinitive's time is open. A relative clause set off by commas before the date
    /// tells of something else and does not decide ("Greece, which says the deal ignores
    /// Crete, on Friday expelled ...": not "says").
    fn tense(&self, first: usize, last: usize) -> Tense {
        const REACH: usize = 20;
        // Further after: an opening date may stand before a long phrase and its subject ("In
        // January, a week after the 25th anniversary of the Roe vs. Wade Supreme Court
        // decision, a clinic bombing in Birmingham killed ...").
        const REACH_AFTER: usize = 32;
        if self.cue(last + 1) == Some(Tense::Past) {
            return Tense::Past;
        }
        let mut k = first;
        let mut infinitive = false;
        let mut comma_crossed = false;
        for _ in 0..REACH {
            if k == 0 || self.starts_sentence(k) {
                break;
            }
            k -= 1;
            comma_crossed |= self.punct(k) == Some(',');
            if let Some(t) = self.cue(k) {
                if comma_crossed && self.in_relative_clause(k, REACH) {
                    continue;
                }
                return match t {
                    // "postponed until Tuesday", "adjourned until Monday", "has been
                    // postponed until 15:00 GMT Saturday": put off to a day to come (the verb
                    // at the tense word or as its participle, "until" between it and the day).
                    Tense::Past
                        if (k + 1..first).any(|j| self.lex(j) == Some(Lex::Prep(Prep::Until)))
                            && (k..first)
                                .take(3)
                                .any(|j| PUT_OFF.iter().any(|w| self.word_is(j, w))) =>
                    {
                        Tense::Future
                    }
                    Tense::Past if infinitive => Tense::Unknown,
                    Tense::Past
                        if k + 1 == first
                            || (k + 2 == first
                                && matches!(
                                    self.prev_prep(first),
                                    Some(Prep::On | Prep::In | Prep::At | Prep::During)
                                ))
                            || self.past_verb_and_its_phrase(k, first) =>
                    {
                        Tense::PastAdjacent
                    }
                    t => t,
                };
            }
            if self.modal_forecast(k) {
                if comma_crossed && self.in_relative_clause(k, REACH) {
                    continue;
                }
                return Tense::Future;
            }
            infinitive |= self.infinitive_at(k);
        }
        for k in (last + 1..self.toks.len()).take(REACH_AFTER) {
            if self.starts_sentence(k) {
                break;
            }
            if let Some(t) = self.cue(k) {
                return t;
            }
        }
        Tense::Unknown
    }

    /// The past verb at `k` governs the date at `first` across its object or a place ("took
    /// the town on August 9", "exploded in Kabul on March 3", "went to the polls on May 5"):
    /// "on" opens the date, and the few words between are names, nouns and prepositions with no
    /// mark, tense word or number among them (not "declared a dividend payable Dec. 15", whose
    /// date is the payment's).
    fn past_verb_and_its_phrase(&self, k: usize, first: usize) -> bool {
        const MAX_BETWEEN: usize = 5;
        if self.prev_prep(first) != Some(Prep::On) || first < k + 3 || first - k - 2 > MAX_BETWEEN {
            return false;
        }
        // A verb that sets a time for its object tells of a time that may be to come
        // ("announced a summit on May 5", "called a strike on Monday").
        if SETTING_VERBS.iter().any(|w| self.word_is(k, w)) {
            return false;
        }
        // A participle after another tense word is an adjective or a passive, not the clause's
        // verb ("will redeem Series H preferred shares on Oct. 31").
        let mut j = k;
        while j > 0 && k - j < MAX_BETWEEN * 2 && !self.starts_sentence(j) {
            j -= 1;
            if self.cue(j).is_some() || self.infinitive_at(j) {
                return false;
            }
        }
        (k + 1..first - 1).all(|j| match self.toks[j].kind {
            Kind::Word { lex, .. } => {
                matches!(
                    lex,
                    Lex::Other
                        | Lex::The
                        | Lex::A
                        | Lex::Prep(Prep::In | Prep::To | Prep::At | Prep::Of)
                ) && ![
                    "payable",
                    "due",
                    "effective",
                    "and",
                    "or",
                    "but",
                    "that",
                    "which",
                    "who",
                ]
                .iter()
                .any(|w| self.word_is(j, w))
            }
            _ => false,
        })
    }

    /// A modal of what may come before a verb of a forecast at `k` ("temperatures could reach
    /// 38 degrees on Friday", "might bring snow on Wednesday", "a cyclone could make landfall
    /// on Thursday"): the day after it is to come. Only such verbs: a bare "could" or "might"
    /// tells as often of what may have been ("police said he could have fled on Sunday").
    /// Read only before a date, not after it (a modal clause after a day is often another
    /// clause's: "voted on Monday for a plan that could bring ...").
    fn modal_forecast(&self, k: usize) -> bool {
        if !["could", "might", "may"].iter().any(|w| self.word_is(k, w)) || self.cap(k) {
            return false;
        }
        if self.word_is(k + 1, "make") {
            return self.word_is(k + 2, "landfall");
        }
        FORECAST_VERBS.iter().any(|w| self.word_is(k + 1, w))
    }

    /// The token `k` stands in a relative clause opened after a comma ("Greece, which says
    /// ..."): the nearest comma before it, within `reach` tokens and its sentence, is followed
    /// by a relative word.
    fn in_relative_clause(&self, k: usize, reach: usize) -> bool {
        let mut j = k;
        for _ in 0..reach {
            if j == 0 || self.starts_sentence(j) {
                return false;
            }
            j -= 1;
            if self.punct(j) == Some(',') {
                return ["which", "who", "whom", "whose", "where"]
                    .iter()
                    .any(|w| self.word_is(j + 1, w));
            }
        }
        false
    }

    /// The word at `k` is a lower-case noun of a [`SUDDEN_HAPPENINGS`] happening.
    fn names_sudden_happening(&self, k: usize) -> bool {
        !self.cap(k) && {
            let w = self.word(k);
            !w.is_empty() && SUDDEN_HAPPENINGS.iter().any(|h| h.eq_ignore_ascii_case(w))
        }
    }

    /// "to" + a bare verb at `k` ("to buy", "to conclude"): a lowercase word after "to" that is no
    /// function word, number or date word, and not a plural ("to investors").
    fn infinitive_at(&self, k: usize) -> bool {
        if self.lex(k) != Some(Lex::Prep(Prep::To)) {
            return false;
        }
        let Some(Token {
            kind:
                Kind::Word {
                    lex: Lex::Other | Lex::Tense(_) | Lex::Beginning | Lex::End,
                    cap: false,
                },
            ..
        }) = self.toks.get(k + 1)
        else {
            return false;
        };
        let w = self.word(k + 1);
        let plural = w.ends_with('s') && !w.ends_with("ss");
        let determiner = [
            "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "which",
            "what", "whom", "some", "any", "all", "each", "every", "no",
        ]
        .iter()
        .any(|d| w.eq_ignore_ascii_case(d));
        !plural && !determiner
    }

    /// Of the yearly occurrences of an expression (`occurrence(year)`), the one the tense of the
    /// clause points at; in an undated text, the one in the year of the last date given.
    fn choose(
        &self,
        first: usize,
        last: usize,
        occurrence: impl Fn(i32) -> Option<Interval>,
    ) -> Option<Interval> {
        let Some(a) = self.published else {
            return occurrence(self.anchor_year()?);
        };
        let y = a.year();
        let candidates = [occurrence(y - 1), occurrence(y), occurrence(y + 1)];
        let cands = candidates.iter().flatten();
        // A month or longer in a past clause has begun by the anchor, unless it is a deadline
        // ("extended until mid-November", "through January").
        // So is a stay "for the" time ("closed for the summer", "left for the winter"), which
        // runs through it and may still be to come (not "over the summer", "throughout the
        // winter": the time itself).
        let deadline = matches!(
            self.prev_prep(first),
            Some(Prep::Until | Prep::By | Prep::To)
        ) || (first > 1
            && self.lex(first - 1) == Some(Lex::The)
            && self.word_is(first - 2, "for"));
        let long = !deadline
            && cands
                .clone()
                .next()
                .is_some_and(|c| (c.to - c.from).num_days() > 7);
        // A tense word is a hint, not a proof ("said the vote would be held on May 5" is past
        // and future at once): it picks the direction only within a couple of months.
        let ahead = calendar::add_days(a, PAST_TOLERANCE_DAYS)?;
        let behind = calendar::add_days(a, -FUTURE_TOLERANCE_DAYS)?;
        // "since April": a time that has begun by the anchor, whatever the tense ("have been
        // trying to seize Tripoli since April" in January is the April before), as after a past
        // verb.
        // So is a sudden happening the date names ("since the January 12 earthquake", "was
        // destroyed in the Jan. 12 quake" in November: the January before): news tells of an
        // earthquake or a bombing after it struck, whatever the clause's tense.
        let article_before = first > 0 && matches!(self.lex(first - 1), Some(Lex::The | Lex::A));
        let since = self.prev_prep(first) == Some(Prep::Since)
            || (article_before && self.prev_prep(first - 1) == Some(Prep::Since));
        let tense = if since || (article_before && self.names_sudden_happening(last + 1)) {
            Tense::PastAdjacent
        } else {
            self.tense(first, last)
        };
        match tense {
            // A past verb governing the date ("ended Jan. 31"), or a month or longer in a past
            // clause ("bought it in February"): begun by the anchor.
            Tense::PastAdjacent => cands.filter(|c| c.from <= a).max_by_key(|c| c.from),
            Tense::Past if long => cands.filter(|c| c.from <= a).max_by_key(|c| c.from),
            Tense::Past => cands.filter(|c| c.from <= ahead).max_by_key(|c| c.from),
            Tense::Future => cands.filter(|c| c.to >= behind).min_by_key(|c| c.from),
            Tense::Present | Tense::Unknown => cands.min_by_key(|c| {
                if c.from <= a && a <= c.to {
                    0
                } else {
                    // News mostly reports what happened: a future occurrence counts as twice as
                    // far ("March" in an October article is the March before).
                    if c.to < a {
                        (a - c.to).num_days()
                    } else {
                        2 * (c.from - a).num_days()
                    }
                }
            }),
        }
        .copied()
    }

    /// The date a bare weekday at `first..=last` means: in a dated text, the same day throughout,
    /// the way most of its clauses point by a future tense or a past verb right before the name
    /// ([`Tagger::weekday_by_its_clauses`]: "would get around Wednesday's ruling", then "Cuba
    /// predicted Wednesday", "was announced Wednesday": the Wednesday past), on a tie the way its
    /// first clause's tense does: past, the latest such day on or before publication; future,
    /// the first on or after it; no tense word (or only a present one: "the leaders meet
    /// Monday"), the nearer of the two ([`nearer_weekday`]). An undated text is a narrative
    /// moving forward: the first such day on or after the last day given.
    fn weekday_date(&self, wd: Weekday, first: usize, last: usize) -> Option<NaiveDate> {
        let Some(a) = self.published else {
            return calendar::weekday_on_or_after(wd, self.anchor_day()?);
        };
        // (Told of by a saying dated in the sentence, the day is the saying's week's, and
        // not the same day as that name elsewhere in the text.)
        if let Some(said) = self.explicit_day_of_saying(first, a) {
            let plan = || !self.scheduled_for(first) && self.present_of_a_plan(first, last);
            return match self.tense(first, last) {
                Tense::Future => calendar::weekday_on_or_after(wd, said),
                Tense::Past | Tense::PastAdjacent => calendar::weekday_on_or_before(wd, said),
                Tense::Present | Tense::Unknown if plan() => {
                    calendar::weekday_on_or_after(wd, said)
                }
                Tense::Present | Tense::Unknown => nearer_weekday(wd, said),
            };
        }
        let slot = wd.num_days_from_monday() as usize;
        let mut seen = self.weekdays.get();
        if let Some(d) = seen[slot] {
            return Some(d);
        }
        let mut plan = false;
        let (by_clauses, split) = self.weekday_by_its_clauses(wd, first);
        let forward = by_clauses.or_else(|| match self.tense(first, last) {
            Tense::Future => Some(true),
            Tense::PastAdjacent => Some(false),
            // (A plan told in the day's own clause outweighs a past verb further off,
            // of another clause: "On Saturday Conte flies to Ankara; he met Haftar last
            // week"; not one next to the day: "said on Saturday it would not attend".)
            Tense::Past => {
                plan = !self.scheduled_for(first) && self.present_of_a_plan(first, last);
                Some(plan)
            }
            Tense::Present | Tense::Unknown => {
                plan = !self.scheduled_for(first) && self.present_of_a_plan(first, last);
                (plan || self.scheduled_for(first)).then_some(true)
            }
        });
        let d = match forward {
            // (Told in the present, the day before publication is not a day to come but one
            // a caption or a headline tells as now: "the coach addresses the media Monday".)
            Some(true) if plan && calendar::add_days(a, -1).is_some_and(|y| y.weekday() == wd) => {
                calendar::weekday_on_or_before(wd, a)?
            }
            Some(true) => calendar::weekday_on_or_after(wd, a)?,
            Some(false) => calendar::weekday_on_or_before(wd, a)?,
            None => nearer_weekday(wd, a)?,
        };
        // ("JENIN, July 4 (Reuters) - ..." out on Wednesday July 5: "rockets were fired early
        // on Wednesday" is that Wednesday, not the one six days before the dateline. Only where
        // the text went out the next day: a date days later is more often the day it was
        // collected than one the text was updated on.)
        let d = match self.released {
            Some(out) if d < a && out.weekday() == wd && calendar::add_days(a, 1) == Some(out) => {
                out
            }
            _ => d,
        };
        // (Where the clauses naming the day split, each is read on its own: "made landfall
        // late on Thursday ... rain is forecast until Thursday" names two Thursdays.)
        if !split {
            seen[slot] = Some(d);
            self.weekdays.set(seen);
        }
        Some(d)
    }

    /// The day of a saying that a bare weekday at `first` is told in, where the sentence dates
    /// the saying by a day written out before the weekday and before publication `published`
    /// ("On Monday, March 2, the minister said the convoy had left on Friday", "said on March
    /// 2 that ..."): the text's last date, of a day, ending in a number or a month's name (not
    /// a bare weekday or "yesterday", already read against publication), in the weekday's
    /// sentence a few words before it, right after a verb of saying (with "on" or a weekday
    /// between) or fronted before one ("On March 2, the minister said"). What was said is
    /// told from the day it was said on.
    fn explicit_day_of_saying(&self, first: usize, published: NaiveDate) -> Option<NaiveDate> {
        const REACH: usize = 40;
        const SUBJECT_WORDS: usize = 5;
        let r = self.reference.get()?;
        let (day, end) = (r.interval.from, r.tok);
        if r.grain != Grain::Day
            || day >= published
            || end >= first
            || first - end > REACH
            || !matches!(
                self.toks[end].kind,
                Kind::Num(_)
                    | Kind::Word {
                        lex: Lex::Month { .. },
                        ..
                    }
            )
            || (end + 1..=first).any(|k| self.starts_sentence(k))
        {
            return None;
        }
        let saying = |k: usize| {
            !self.cap(k)
                && (super::REPORTING_VERBS.iter().any(|w| self.word_is(k, w))
                    || ["announced", "reported", "confirmed"]
                        .iter()
                        .any(|w| self.word_is(k, w)))
        };
        // "said on Monday, March 2": the verb, then only the date's words and marks.
        let date_word = |k: usize| match self.toks[k].kind {
            Kind::Word { lex, cap } => {
                cap || matches!(
                    lex,
                    Lex::Prep(Prep::On) | Lex::Month { .. } | Lex::Weekday(_)
                )
            }
            Kind::Num(_) => true,
            Kind::Punct(c) => matches!(c, ',' | '.'),
        };
        let mut k = end;
        let mut after_verb = false;
        for _ in 0..6 {
            if k == 0 || self.starts_sentence(k) {
                break;
            }
            k -= 1;
            if saying(k) {
                after_verb = true;
                break;
            }
            if !date_word(k) {
                break;
            }
        }
        // "On March 2, the minister said": a comma, the subject, the verb.
        let fronted = || {
            self.punct(end + 1) == Some(',')
                && (end + 2..first)
                    .take(SUBJECT_WORDS + 1)
                    .take_while(|&k| self.punct(k).is_none())
                    .any(saying)
        };
        (after_verb || fronted()).then_some(day)
    }

    /// The day named at `first` is the time of a happening told in the present as set ("The
    /// quarter-final is on Friday", "the vote takes place on Sunday", "the fair opens Monday"):
    /// right after "is" or "are", "take(s) place", or a present verb of a start or an end
    /// ([`SCHEDULE_VERBS`]), with "on" between or not. A present of what is fixed is of a day
    /// to come: news tells what was as past ("The final was on Friday").
    fn scheduled_for(&self, first: usize) -> bool {
        let Some(mut k) = first.checked_sub(1) else {
            return false;
        };
        if self.prev_prep(first) == Some(Prep::On) {
            let Some(j) = k.checked_sub(1) else {
                return false;
            };
            k = j;
        }
        if self.word_is(k, "place") {
            return k > 0 && (self.word_is(k - 1, "takes") || self.word_is(k - 1, "take"));
        }
        if self.word_is(k, "off") {
            return k > 0 && (self.word_is(k - 1, "kicks") || self.word_is(k - 1, "kick"));
        }
        self.word_is(k, "is")
            || self.word_is(k, "are")
            || SCHEDULE_VERBS.iter().any(|w| self.word_is(k, w))
    }

    /// The clause of the day at `first..=last` tells in the present of a trip or a meeting
    /// ([`PLAN_VERBS`]: "Conte travels to Moscow on Tuesday", "On Saturday the envoy flies to
    /// Ankara", "the two leaders meet Monday"): news tells in the present what is planned and
    /// in the past what was, so the day is one to come. The verb stands within a few words
    /// before the day or right after it, in the day's clause, after its subject (not after an
    /// article, a preposition or "to": "his visits to Rome", "plans to travel on Friday").
    fn present_of_a_plan(&self, first: usize, last: usize) -> bool {
        const BEFORE: usize = 6;
        const AFTER: usize = 4;
        let verb = |k: usize| {
            k > 0
                && !self.cap(k)
                && self.lex(k) == Some(Lex::Other)
                && PLAN_VERBS.iter().any(|w| self.word_is(k, w))
                && !matches!(
                    self.toks[k - 1].kind,
                    Kind::Word {
                        lex: Lex::The | Lex::A | Lex::Prep(_) | Lex::And,
                        ..
                    } | Kind::Punct(_)
                        | Kind::Num(_)
                )
                // (A subject may be a pronoun or a title, "he meets", "the president meets";
                // not a determiner, a conjunction or a modal: "more visits", "as hosts",
                // "would not attend".)
                && ![
                    "his", "her", "its", "their", "our", "my", "your", "whose", "or", "not",
                    "would", "could", "should", "might", "must", "did", "but", "as", "these",
                    "those", "there", "while", "when", "with", "more", "than", "also", "some",
                    "many", "most", "if", "thousands", "no", "according", "however",
                    "meanwhile",
                ]
                .iter()
                .any(|w| self.word_is(k - 1, w))
        };
        let mut k = first;
        for _ in 0..BEFORE {
            if k == 0 || self.starts_sentence(k) {
                break;
            }
            k -= 1;
            if matches!(self.punct(k), Some(',' | ';' | ':')) {
                break;
            }
            if verb(k) {
                return true;
            }
        }
        for k in (last + 1..self.toks.len()).take(AFTER) {
            if self.starts_sentence(k) || matches!(self.punct(k), Some(',' | ';' | ':')) {
                break;
            }
            if verb(k) {
                return true;
            }
        }
        false
    }

    /// "Wednesday's ruling": a possessive after the word at `i`.
    fn possessive_after(&self, i: usize) -> bool {
        matches!(self.punct(i + 1), Some('\'' | '\u{2019}'))
            && self.adjacent(i + 1)
            && self.adjacent(i + 2)
            && self.word_is(i + 2, "s")
    }

    /// Whether more of the clauses naming the weekday `wd` from token `first` on send it forward
    /// by a future tense (`Some(true)`) than back by a past verb right before the name
    /// (`Some(false)`, "predicted Wednesday", "died on Tuesday"; a past verb further off is weak
    /// evidence: "extended its deadline until 9 a.m. EST Tuesday"), or the other way; `None` on a
    /// tie. Not counted: a weekday dated by the date after it ("Thursday, Jan. 6") and a
    /// possessive one, whose clause is another's ("would get around Wednesday's ruling").
    /// Then whether the clauses split: the one at `first` is past (by a verb right before it,
    /// or further off before it) and a later one future, or the other way round, the first
    /// not a limit ("until Tuesday", "by Tuesday"), and the day is nearer ahead of publication
    /// than back; the name is then two days ("made landfall late on Thursday", "rain is
    /// forecast until Thursday"), and the count decides nothing: `(None, true)`.
    fn weekday_by_its_clauses(&self, wd: Weekday, first: usize) -> (Option<bool>, bool) {
        // (Most texts name a weekday once: its full name found twice after the first, by one
        // fast scan of the text, lets the tokens be read at all.)
        let from_byte = self.toks.get(first).map_or(0, |t| t.start as usize);
        let full = WEEKDAY_FINDERS[wd.num_days_from_monday() as usize]
            .find_iter(self.text.as_bytes().get(from_byte..).unwrap_or(&[]));
        if full.take(2).count() < 2 {
            return (None, false);
        }
        let (mut past, mut future) = (0u32, 0u32);
        let named = self.weekday_tokens.get_or_init(|| {
            (0..self.toks.len())
                .filter(|&i| matches!(self.lex(i), Some(Lex::Weekday(_))) && self.cap(i))
                .map(|i| i as u32)
                .collect()
        });
        let from = named.partition_point(|&i| (i as usize) < first);
        // (Named once, the weekday has only its first clause to go by: the caller reads it.)
        let this = |&i: &u32| self.lex(i as usize) == Some(Lex::Weekday(wd));
        if named[from..].iter().filter(|i| this(i)).nth(1).is_none() {
            return (None, false);
        }
        let mut own: Option<Tense> = None;
        for i in named[from..].iter().map(|&i| i as usize) {
            // (Nor a day that comes back, "meet every Monday": no date, no clause to count.)
            if self.lex(i) != Some(Lex::Weekday(wd))
                || self.possessive_after(i)
                || (i > 0 && (self.word_is(i - 1, "every") || self.word_is(i - 1, "each")))
            {
                continue;
            }
            let k = if self.punct(i + 1) == Some(',') {
                i + 2
            } else {
                i + 1
            };
            if matches!(self.lex(k), Some(Lex::Month { .. })) || self.num(k).is_some() {
                continue;
            }
            let tense = self.tense(i, self.day_part_after(i));
            match tense {
                Tense::Future => future += 1,
                Tense::PastAdjacent => past += 1,
                Tense::Past | Tense::Present | Tense::Unknown => {}
            }
            // (Not a day set as a limit: "students have until Tuesday to register".)
            let limit = matches!(
                self.prev_prep(i),
                Some(Prep::Until | Prep::By | Prep::Before)
            );
            // (A past verb further off counts only before the day: one after it is often
            // the saying's, "a cold front arriving late Thursday, forecasters said".)
            let weak_after = tense == Tense::Past && !self.past_cue_before(i);
            own.get_or_insert(if limit || weak_after {
                Tense::Unknown
            } else {
                tense
            });
        }
        // (Only a day nearer to come than gone: one just gone is more often the day a plan is
        // told of too, "said on Tuesday ... due to travel to Berlin later on Tuesday".)
        let nearer_ahead = self.published.is_some_and(|a| {
            let back = (7 + a.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
            back > 7 - back
        });
        let split = nearer_ahead
            && match own {
                Some(Tense::Past | Tense::PastAdjacent) => future > 0,
                Some(Tense::Future) => past > 0,
                _ => false,
            };
        if split {
            return (None, true);
        }
        let by_count = match past.cmp(&future) {
            std::cmp::Ordering::Greater => Some(false),
            std::cmp::Ordering::Less => Some(true),
            std::cmp::Ordering::Equal => None,
        };
        (by_count, false)
    }

    /// The nearest tense word before token `i` in its sentence, within the reach of
    /// [`Tagger::tense`], is past.
    fn past_cue_before(&self, i: usize) -> bool {
        const REACH: usize = 20;
        let mut k = i;
        for _ in 0..REACH {
            if k == 0 || self.starts_sentence(k) {
                return false;
            }
            k -= 1;
            if let Some(t) = self.cue(k) {
                return t == Tense::Past;
            }
        }
        false
    }

    /// Token `a` is in the same sentence as token `b` (`a < b`) or in the one before it.
    fn near(&self, a: usize, b: usize) -> bool {
        const MAX: usize = 80;
        if b <= a || b - a > MAX {
            return b > a && b - a <= MAX;
        }
        (a + 1..=b).filter(|&k| self.starts_sentence(k)).count() <= 1
    }

    // ---- token accessors -------------------------------------------------------------------

    fn lex(&self, i: usize) -> Option<Lex> {
        match self.toks.get(i)?.kind {
            Kind::Word { lex, .. } => Some(lex),
            _ => None,
        }
    }

    fn cap(&self, i: usize) -> bool {
        matches!(
            self.toks.get(i).map(|t| t.kind),
            Some(Kind::Word { cap: true, .. })
        )
    }

    fn word(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .filter(|t| matches!(t.kind, Kind::Word { .. }))
            .and_then(|t| self.text.get(t.start as usize..t.end as usize))
            .unwrap_or("")
    }

    /// The word at `i` is `w` (a word, ASCII case ignored). The length is compared first, from
    /// the token's offsets: most words asked about are not the one asked for.
    fn word_is(&self, i: usize, w: &str) -> bool {
        debug_assert!(!w.is_empty());
        self.toks
            .get(i)
            .is_some_and(|t| (t.end - t.start) as usize == w.len())
            && self.word(i).eq_ignore_ascii_case(w)
    }

    fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        match self.lex(i)? {
            Lex::Unit { unit, plural } => Some((unit, plural)),
            _ => None,
        }
    }

    fn single(&self, i: usize, unit: Unit) -> bool {
        self.unit(i) == Some((unit, false))
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    fn num(&self, i: usize) -> Option<Num> {
        match self.toks.get(i)?.kind {
            Kind::Num(n) if !n.glued => Some(n),
            _ => None,
        }
    }

    /// The token at `i` touches the one before it (no whitespace between).
    fn adjacent(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    /// A hyphen glued to both neighbours at `i` ("third-quarter", "year-earlier").
    fn hyphen(&self, i: usize) -> bool {
        self.adjacent(i)
            && self.adjacent(i + 1)
            && matches!(self.punct(i), Some('-' | '\u{2010}' | '\u{2011}'))
    }

    fn prev_prep(&self, i: usize) -> Option<Prep> {
        match self.lex(i.checked_sub(1)?)? {
            Lex::Prep(p) => Some(p),
            _ => None,
        }
    }
    /// Nothing glued before the number at `i` except an opening bracket or quote.
    fn clean_before(&self, i: usize) -> bool {
        if i == 0 || !self.adjacent(i) {
            return true;
        }
        matches!(
            self.punct(i - 1),
            Some('(' | '[' | '"' | '\'' | '\u{201c}' | '\u{2018}')
        )
    }

    /// The number at `i` does not continue as "3,400", "3.5", "10:30", "50/50", "300-member",
    /// "50%".
    fn clean_after(&self, i: usize) -> bool {
        if !self.adjacent(i + 1) {
            return true;
        }
        let glued_number = self.adjacent(i + 2) && self.num(i + 2).is_some();
        match self.toks.get(i + 1).map(|t| t.kind) {
            Some(Kind::Punct(',' | '.' | ':')) => !glued_number,
            Some(Kind::Punct('-' | '\u{2010}' | '\u{2011}')) => {
                !(self.adjacent(i + 2) && self.lex(i + 2).is_some())
            }
            Some(Kind::Punct('/' | '%') | Kind::Word { .. } | Kind::Num(_)) => false,
            Some(Kind::Punct(_)) | None => true,
        }
    }

    /// A day of the month at `i`, 1..=31, standing on its own.
    fn day_at(&self, i: usize) -> Option<u32> {
        if !self.clean_before(i) {
            return None;
        }
        self.day_value(i)
    }

    /// A day of the month at `i` that may follow a dash ("4-6").
    fn day_value(&self, i: usize) -> Option<u32> {
        let n = self.num(i)?;
        (n.digits <= 2 && (1..=31).contains(&n.value) && self.clean_after(i)).then_some(n.value)
    }

    /// A four-digit year (1800..=2199) at `i`, standing on its own.
    fn year_at(&self, i: usize) -> Option<i32> {
        if !self.clean_before(i) {
            return None;
        }
        self.year_value(i)
    }

    /// A four-digit year from 1000 to 1799 at `i`: a history's years, read where nothing else
    /// a number can be ([`Self::year_word`], [`Self::bare_year`]).
    fn early_year_at(&self, i: usize) -> Option<i32> {
        let n = self.num(i)?;
        let ok = n.digits == 4
            && (1000..1800).contains(&n.value)
            && self.clean_before(i)
            && self.clean_after(i);
        ok.then(|| i32::try_from(n.value).ok()).flatten()
    }

    /// A four-digit year at `i` that may follow a hyphen ("mid-2020").
    fn year_value(&self, i: usize) -> Option<i32> {
        let n = self.num(i)?;
        let ok = n.digits == 4 && (1800..=2199).contains(&n.value) && self.clean_after(i);
        ok.then(|| i32::try_from(n.value).ok()).flatten()
    }

    /// A capitalised month name at `i` and the index of its last token (an abbreviation takes its
    /// period). Abbreviations need a period or a number after them unless `loose`.
    fn month_at(&self, i: usize, loose: bool) -> Option<(u32, usize)> {
        let Kind::Word {
            lex: Lex::Month { month, abbr },
            cap: true,
        } = self.toks.get(i)?.kind
        else {
            return None;
        };
        if !abbr {
            return Some((month, i));
        }
        if self.punct(i + 1) == Some('.') && self.adjacent(i + 1) {
            Some((month, i + 1))
        } else if loose || self.num(i + 1).is_some() {
            Some((month, i))
        } else {
            None
        }
    }

    /// ", 2019" or " 2019" after a date: the year and its token.
    fn explicit_year(&self, i: usize) -> Option<(i32, usize)> {
        if self.punct(i) == Some(',') {
            self.year_word(i + 1)
        } else {
            self.year_word(i)
        }
    }

    /// A year in digits or in words ("1994", "nineteen ninety-four") at `i`, and its last token.
    /// Asked where a date goes on (after a month, a day, a season, "of"), where a year before
    /// 1800 is one too ("July 4, 1776", "the summer of 1588").
    fn year_word(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year_at(i).or_else(|| self.early_year_at(i)) {
            return Some((y, i));
        }
        if !matches!(self.lex(i), Some(Lex::Century19 | Lex::Count(2 | 20))) {
            return None;
        }
        let m = self.spelled_year(i)?;
        Some((m.interval.from.year(), m.last))
    }

    /// A day of the month in words after a month name ("March eighth", "May twenty-first"):
    /// the day and its last token.
    fn spelled_day(&self, i: usize) -> Option<(u32, usize)> {
        const ORDINALS: [&str; 19] = [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
        ];
        let ordinal = |k: usize| {
            ORDINALS
                .iter()
                .position(|w| self.word_is(k, w))
                .and_then(|p| u32::try_from(p + 1).ok())
        };
        if self.cap(i) {
            return None;
        }
        if let Some(d) = ordinal(i) {
            return Some((d, i));
        }
        let tens = match self.word(i).to_ascii_lowercase().as_str() {
            "twentieth" => return Some((20, i)),
            "thirtieth" => return Some((30, i)),
            "twenty" => 20,
            "thirty" => 30,
            _ => return None,
        };
        let k = if self.hyphen(i + 1) { i + 2 } else { i + 1 };
        let d = tens + ordinal(k)?;
        (d <= 31).then_some((d, k))
    }

    /// `spelled_day`, unless the ordinal counts something ("May second-quarter results",
    /// "in April first half").
    fn spelled_day_of_month(&self, i: usize) -> Option<(u32, usize)> {
        let (d, last) = self.spelled_day(i)?;
        let counts = self.hyphen(last + 1)
            || matches!(self.lex(last + 1), Some(Lex::Unit { .. } | Lex::Half));
        (!counts).then_some((d, last))
    }

    /// "last year" / "this year" after a yearless date: the year and the index of "year".
    fn year_suffix(&self, i: usize) -> Option<(i32, usize)> {
        let y = match self.lex(i)? {
            Lex::Last => self.anchor_year()? - 1,
            Lex::This => self.anchor_year()?,
            // "(December of) that year", "the same year": the year of the last date given.
            Lex::That => self.reference.get()?.interval.from.year(),
            Lex::The if self.lex(i + 1) == Some(Lex::Same) => {
                let y = self.reference_or_publication()?.interval.from.year();
                return self.single(i + 2, Unit::Year).then_some((y, i + 2));
            }
            // "(the spring of) the following year", "the previous year".
            Lex::The => {
                let step = if self.word_is(i + 1, "following") || self.lex(i + 1) == Some(Lex::Next)
                {
                    1
                } else if self.word_is(i + 1, "previous") || self.word_is(i + 1, "preceding") {
                    -1
                } else {
                    return None;
                };
                let y = self.reference_or_publication()?.interval.from.year() + step;
                return self.single(i + 2, Unit::Year).then_some((y, i + 2));
            }
            _ => return None,
        };
        self.single(i + 1, Unit::Year).then_some((y, i + 1))
    }

    /// A range connector at `i` for a date that started at `first`: a dash, "through"/"until",
    /// "to" after "from", "and" after "between". Returns the index after it.
    fn range_connector(&self, i: usize, first: usize) -> Option<usize> {
        let before = self.prev_prep(first);
        let ok = match self.toks.get(i)?.kind {
            Kind::Punct(c) => matches!(c, '-' | '\u{2013}' | '\u{2014}'),
            Kind::Word { lex, .. } => match lex {
                Lex::Prep(Prep::Until) => true,
                Lex::Prep(Prep::To) => before == Some(Prep::From),
                Lex::And => before == Some(Prep::Between),
                _ => false,
            },
            Kind::Num(_) => false,
        };
        ok.then_some(i + 1)
    }

    // ---- absolute and partial dates ------------------------------------------------------

    /// "2019-04-04".
    fn iso(&self, i: usize) -> Option<Match> {
        let y = self.num(i)?;
        let dash = |k: usize| self.adjacent(k) && self.punct(k) == Some('-');
        let two = |k: usize| {
            self.adjacent(k)
                .then(|| self.num(k))
                .flatten()
                .filter(|n| n.digits <= 2)
        };
        if y.digits != 4 || !self.clean_before(i) || !dash(i + 1) || !dash(i + 3) {
            return None;
        }
        let (m, d) = (two(i + 2)?, two(i + 4)?);
        if !self.clean_after(i + 4) {
            return None;
        }
        let date = NaiveDate::from_ymd_opt(i32::try_from(y.value).ok()?, m.value, d.value)?;
        Some(self.at(i + 4, calendar::day(date)))
    }

    /// "21/04/2019", "25.02.2020", "4/21/2019", "12/03/2020": a day, a month and a year of four
    /// digits (two after a slash: "2/25/20") joined by one mark. A first number over 12 is the
    /// day, a second over 12 the day; where both may be the month, the reading within a year
    /// of the anchor day, the nearer if both are, else the American order (month first); with
    /// full stops, always the day first.
    fn numeric(&self, i: usize) -> Option<Match> {
        let first = self.num(i).filter(|n| n.digits <= 2)?;
        let sep = self.punct(i + 1).filter(|c| matches!(c, '/' | '.' | '-'))?;
        let glued = |k: usize| self.adjacent(k) && self.adjacent(k + 1);
        if !self.clean_before(i) || !glued(i + 1) || self.punct(i + 3) != Some(sep) || !glued(i + 3)
        {
            return None;
        }
        let second = self.num(i + 2).filter(|n| n.digits <= 2)?;
        let written_year = self.num(i + 4)?;
        let year = match (written_year.digits, sep) {
            (4, _) => i32::try_from(written_year.value).ok()?,
            (2, '/') => 2000 + i32::try_from(written_year.value).ok()?,
            _ => return None,
        };
        if !self.clean_after(i + 4)
            || written_year.decade
            || written_year.glued
            || written_year.meridiem > 0
        {
            return None;
        }
        let day_first = NaiveDate::from_ymd_opt(year, second.value, first.value);
        let month_first = NaiveDate::from_ymd_opt(year, first.value, second.value);
        let date = match (day_first, month_first) {
            (Some(day), None) | (None, Some(day)) => day,
            (Some(day), Some(_)) if sep == '.' || first.value == second.value => day,
            (Some(by_day), Some(by_month)) => {
                let off = |x: NaiveDate| self.anchor_day().map(|t| (x - t).num_days().abs());
                match (off(by_day), off(by_month)) {
                    (Some(day_off), Some(month_off)) if day_off.min(month_off) <= 366 => {
                        if day_off < month_off {
                            by_day
                        } else {
                            by_month
                        }
                    }
                    _ => by_month,
                }
            }
            (None, None) => return None,
        };
        Some(self.at(i + 4, calendar::day(date)))
    }

    /// Resolves a month/day (with an optional range end) to an interval; `year` if written, else
    /// the occurrence the clause around `first..=last` points at.
    fn resolve_day(
        &self,
        (month, day): (u32, u32),
        end: Option<(u32, u32)>,
        year: Option<i32>,
        (first, last): (usize, usize),
    ) -> Option<Interval> {
        let make = |year: i32| {
            let from = NaiveDate::from_ymd_opt(year, month, day)?;
            match end {
                None => Some(calendar::day(from)),
                Some((m2, d2)) => {
                    let y2 = if m2 < month { year + 1 } else { year };
                    calendar::span(from, NaiveDate::from_ymd_opt(y2, m2, d2)?)
                }
            }
        };
        match year {
            Some(y) => make(y),
            None => self.choose(first, last, make),
        }
    }

    /// The year written after a date at `i` ("…, 2019", "… last year"), or the hint.
    fn trailing_year(&self, i: usize, hint: Option<i32>) -> (Option<i32>, Option<usize>) {
        if let Some((y, last)) = self.explicit_year(i).or_else(|| self.year_suffix(i)) {
            (Some(y), Some(last))
        } else if let Some(y) = self.of_year(i) {
            (Some(y.0), Some(y.1))
        } else {
            (hint, None)
        }
    }

    /// "of 1990", "of this year", "of last year" after a month or period: the year and its
    /// last token.
    fn of_year(&self, i: usize) -> Option<(i32, usize)> {
        if self.lex(i) != Some(Lex::Prep(Prep::Of)) {
            return None;
        }
        let k = if self.lex(i + 1) == Some(Lex::Fiscal) {
            i + 2
        } else {
            i + 1
        };
        self.year_word(k)
            .or_else(|| self.year_suffix(k))
            .or_else(|| {
                (self.lex(k) == Some(Lex::Next) && self.single(k + 1, Unit::Year))
                    .then(|| Some((self.anchor_year()? + 1, k + 1)))
                    .flatten()
            })
    }

    /// "April 4", "April 4th", "Jan. 5, 2020", "April 4-6", "April 30 - May 2", "January 2018",
    /// "in October", "October last year", "May Day". `hint`: the year when none is written.
    fn month_first(&self, i: usize, hint: Option<i32>) -> Option<Match> {
        let (month, mut last) = self.month_at(i, false)?;
        if month == 5 && last == i && self.word_is(i + 1, "day") && self.cap(i + 1) {
            let make = |y| NaiveDate::from_ymd_opt(y, 5, 1).map(calendar::day);
            return Some(self.at(i + 1, self.choose(i, i + 1, make)?));
        }
        if let Some((day, day_last)) = self
            .day_at(last + 1)
            .map(|d| (d, last + 1))
            .or_else(|| self.spelled_day_of_month(last + 1))
        {
            last = day_last;
            let mut end = None;
            if let Some(k) = self.range_connector(last + 1, i) {
                if let Some((m2, mlast)) = self.month_at(k, true) {
                    if let Some(d2) = self.day_at(mlast + 1) {
                        end = Some((m2, d2));
                        last = mlast + 1;
                    }
                } else if let Some(d2) = self.day_value(k).filter(|d2| *d2 > day) {
                    end = Some((month, d2));
                    last = k;
                }
            }
            let (year, year_last) = self.trailing_year(last + 1, hint);
            let interval = self.resolve_day((month, day), end, year, (i, last))?;
            return Some(self.at(year_last.unwrap_or(last), interval));
        }
        if let Some(m) = self.months_together(i, (month, last), hint) {
            return Some(m);
        }
        if let Some((y, y_last)) = self.year_word(last + 1) {
            return Some(self.at(y_last, calendar::month(y, month)?));
        }
        // A bare month name: only in date-ish context.
        let (year, year_last) = self.trailing_year(last + 1, hint);
        let date_ish = self.prev_prep(i).is_some()
            || (i > 0 && matches!(self.lex(i - 1), Some(Lex::Early | Lex::Mid | Lex::Late)))
            || (last == i && month != 5 && self.modifies_noun(i));
        let interval = match year {
            Some(y) => calendar::month(y, month)?,
            None if date_ish => self.choose(i, last, |y| calendar::month(y, month))?,
            None => return None,
        };
        Some(self.at(year_last.unwrap_or(last), interval))
    }

    /// "in December and January", "between March and May", "from June to August", "June, July
    /// and August", "December 2021 and January" (`i` at the first month, ending at `last`): months
    /// named together in one phrase, one span from the first's start to the last's end. Each is
    /// later than the one before, all within a year: a month named before the one it follows is
    /// of the next year. A year written after the first or the last month dates them all;
    /// without one, the first follows a preposition. Not "March and May 5" (a day of the last
    /// month), nor "in April and fell in May" (two phrases).
    fn months_together(
        &self,
        i: usize,
        (month, last): (u32, usize),
        hint: Option<i32>,
    ) -> Option<Match> {
        let first_year = self.year_word(last + 1);
        let mut k = first_year.map_or(last, |(_, y_last)| y_last) + 1;
        // The months named after the first, in order; months listed after commas are joined to
        // the last by "and" or "or".
        let mut months = [0; MAX_MONTHS_TOGETHER];
        let mut named = 0;
        let day_after = |m_last: usize| {
            self.day_at(m_last + 1).is_some() || self.spelled_day_of_month(m_last + 1).is_some()
        };
        while first_year.is_none() && named + 2 < MAX_MONTHS_TOGETHER && self.punct(k) == Some(',')
        {
            let (listed, m_last) = self.month_at(k + 1, false)?;
            if day_after(m_last) {
                return None;
            }
            months[named] = listed;
            named += 1;
            k = m_last + 1;
        }
        k = if self.lex(k) == Some(Lex::And) || self.word_is(k, "or") {
            k + 1
        } else if named == 0 {
            self.range_connector(k, i)?
        } else {
            return None;
        };
        let (final_month, m_last) = self.month_at(k, false)?;
        if day_after(m_last) {
            return None;
        }
        months[named] = final_month;
        named += 1;
        // How many months the span covers after the first's, and how many new years it crosses.
        let (mut after, mut prev, mut new_years) = (0, month, 0);
        for &m in &months[..named] {
            if m == prev {
                return None;
            }
            after += (m + 12 - prev) % 12;
            if m < prev {
                new_years += 1;
            }
            prev = m;
        }
        if after >= 12 {
            return None;
        }
        let (last_year, year_last) = self.trailing_year(m_last + 1, None);
        let make = |y: i32| {
            let from = calendar::month(y, month)?.from;
            calendar::span(from, calendar::month(y + new_years, prev)?.to)
        };
        let interval = match (first_year, last_year) {
            (Some((y, _)), Some(y2)) if y + new_years == y2 => make(y)?,
            (Some(_), Some(_)) => return None,
            (Some((y, _)), None) => make(y)?,
            (None, Some(y2)) => make(y2 - new_years)?,
            (None, None) => match hint {
                Some(y) => make(y)?,
                None if self.prev_prep(i).is_some() => self.choose(i, m_last, make)?,
                None => return None,
            },
        };
        Some(self.at(year_last.unwrap_or(m_last), interval))
    }

    /// "today is the eighth day of the strike", "it's the second day of talks" (`i` at the
    /// ordinal, `k` at "day"): the day the sentence speaks in, the anchor. Not "the second day of
    /// talks was calm", which says no day.
    fn nth_day_is(&self, i: usize, k: usize) -> Option<Match> {
        let before = if i > 0 && self.lex(i - 1) == Some(Lex::The) {
            i - 1
        } else {
            i
        };
        let copula = before > 0
            && (self.word_is(before - 1, "is")
                || (self.word_is(before - 1, "s")
                    && self.adjacent(before - 1)
                    && matches!(self.punct(before.wrapping_sub(2)), Some('\'' | '\u{2019}'))));
        if !copula {
            return None;
        }
        Some(self.at(k, calendar::day(self.anchor_day()?)))
    }

    /// The month name at `i` modifies a noun after a determiner: "a June agreement", "its March
    /// report" (not "May", a name and a modal too often: "the May government").
    fn modifies_noun(&self, i: usize) -> bool {
        let determiner = i > 0
            && (matches!(self.lex(i - 1), Some(Lex::A | Lex::The))
                || ["its", "their", "his", "her", "our"]
                    .iter()
                    .any(|w| self.word_is(i - 1, w)));
        let noun_after = matches!(
            self.toks.get(i + 1).map(|t| (t.kind, t.space_before)),
            Some((
                Kind::Word {
                    lex: Lex::Other,
                    cap: false
                },
                true
            ))
        );
        determiner && noun_after
    }

    /// "19 January 2020", "13th December 2019", "23 May", "4-6 April", "4 and 6 April" (after
    /// "between" or not), "5th of May".
    fn day_first(&self, i: usize, hint: Option<i32>) -> Option<Match> {
        let day = self.day_at(i)?;
        let mut k = i + 1;
        let mut end_day = None;
        // "on 9 and 10 February": two days of one month named together, one span (the month
        // right after the second day; "May 9 and 10 people" is not of this form).
        let and_day = || {
            (self.lex(k) == Some(Lex::And) && self.month_at(k + 2, true).is_some()).then_some(k + 1)
        };
        if let Some(c) = self.range_connector(k, i).or_else(and_day)
            && let Some(d2) = self.day_value(c).filter(|d2| *d2 > day)
        {
            end_day = Some(d2);
            k = c + 1;
        }
        if self.lex(k) == Some(Lex::Prep(Prep::Of)) {
            k += 1;
        }
        let (month, mlast) = self.month_at(k, true)?;
        let (year, year_last) = self.trailing_year(mlast + 1, hint);
        let interval = self.resolve_day(
            (month, day),
            end_day.map(|d2| (month, d2)),
            year,
            (i, mlast),
        )?;
        Some(self.at(year_last.unwrap_or(mlast), interval))
    }

    /// The year at `i` stands in brackets right after a number: the year of a numbered document
    /// that the number names ("resolution 2334 (2016)", "Directive 95 (1998)"), part of its name,
    /// not a time the text tells of.
    fn year_of_a_numbered_document(&self, i: usize) -> bool {
        i >= 2
            && self.punct(i - 1) == Some('(')
            && self.punct(i + 1) == Some(')')
            && self.num(i - 2).is_some()
    }

    /// The year at `i` is a vehicle's model year: after an article or a possessive, before a
    /// maker's name or a word for a vehicle, maybe after its colour ("a 2001 Mercury Sabre", "his
    /// 2006 Ford pickup", "a 2003 pickup", "a 1993 brown Cadillac", "Kopp's 1987 Chevrolet"),
    /// not a time the text speaks of ("In 2006 Ford sold more cars" has no article).
    fn model_year(&self, i: usize) -> bool {
        const VEHICLES: &[&str] = &[
            "pickup",
            "truck",
            "car",
            "sedan",
            "van",
            "minivan",
            "SUV",
            "motorcycle",
            "coupe",
            "convertible",
            "hatchback",
            "wagon",
            "vehicle",
        ];
        const COLOURS: &[&str] = &[
            "black", "white", "red", "blue", "silver", "gray", "grey", "green", "gold", "brown",
            "maroon", "tan", "beige", "yellow", "orange", "purple", "dark", "light",
        ];
        let vehicle = |k: usize| {
            let w = self.word(k);
            (self.cap(k) && VEHICLE_MAKERS.contains(&w)) || VEHICLES.contains(&w)
        };
        // ("Kopp's 1987 Chevrolet": a possessive too.)
        let possessive = i > 2 && self.possessive_after(i - 3);
        i > 0
            && (possessive
                || ["a", "an", "the", "his", "her", "their", "my", "our", "your"]
                    .iter()
                    .any(|w| self.word_is(i - 1, w)))
            && (vehicle(i + 1) || (COLOURS.contains(&self.word(i + 1)) && vehicle(i + 2)))
    }

    /// A year before 1800 standing alone ("In 1776, ...", "until 1453.", "since 1066 the"): after
    /// "in", "since", "until" or "during", and before a stop, a capitalised word or "the" (not
    /// "in 1500 cases").
    fn early_year_alone(&self, i: usize) -> Option<i32> {
        let y = self.early_year_at(i)?;
        let prep = matches!(
            self.prev_prep(i),
            Some(Prep::In | Prep::Since | Prep::Until | Prep::During)
        );
        let after = match self.toks.get(i + 1).map(|t| t.kind) {
            None | Some(Kind::Punct(_)) => true,
            Some(Kind::Word { lex, cap }) => cap || lex == Lex::The,
            Some(Kind::Num(_)) => false,
        };
        (prep && after).then_some(y)
    }

    /// A year standing alone: after a preposition ("in 2011", "since 2011", "of 2011"), or
    /// 1900-2099 anywhere a count cannot be ("the 1996 budget", "1988 results", "in 1996-97").
    fn bare_year(&self, i: usize) -> Option<Match> {
        let y = self.year_at(i).or_else(|| self.early_year_alone(i))?;
        if self.model_year(i) || self.year_of_a_numbered_document(i) {
            return None;
        }
        let prep = self.prev_prep(i);
        // "to 2000 people"; not the end of "from 2015 to 2017 in Leeds".
        let stretch_end =
            i >= 2 && self.year_at(i - 2).is_some() && self.prev_prep(i - 2) == Some(Prep::From);
        if prep == Some(Prep::To) && self.lex(i + 1).is_some() && !stretch_end {
            return None;
        }
        // "a total of 2000 people", "by 1900 votes", "some 2000 troops": counts, not years.
        let strong = matches!(
            prep,
            Some(Prep::In | Prep::Since | Prep::Until | Prep::During)
        );
        // "a 1971 Convention", "a 1990 Act": a year naming the title after it; "a 1996 law", "a
        // 2018 report": a year before a singular noun that is no unit of measure ("a 1500 percent
        // rise" is a count).
        let titled = self.cap(i + 1) && self.lex(i + 1) == Some(Lex::Other);
        let dated_noun = (1900..=2099).contains(&y) && self.singular_noun_but_no_unit(i + 1);
        let counted = i > 0
            && (matches!(self.lex(i - 1), Some(Lex::Count(_) | Lex::Few))
                || (self.lex(i - 1) == Some(Lex::A) && !titled && !dated_noun)
                || [
                    "about",
                    "some",
                    "nearly",
                    "than",
                    "over",
                    "under",
                    "almost",
                    "around",
                    "approximately",
                    "only",
                    "total",
                    "just",
                    "another",
                    "additional",
                    "least",
                    "top",
                    "dow",
                    "index",
                    "no",
                    "number",
                    "resolution",
                    "flight",
                    "route",
                    "page",
                    "section",
                    "article",
                    "model",
                    "room",
                    "highway",
                ]
                .iter()
                .any(|w| self.word_is(i - 1, w)));
        let noun_after = matches!(
            self.toks.get(i + 1).map(|t| t.kind),
            Some(Kind::Word {
                lex: Lex::Other,
                cap: false,
            })
        ) && !self.word(i + 1).ends_with("ly");
        if !strong && (counted || (noun_after && !(1900..=2099).contains(&y))) {
            return None;
        }
        if !strong && noun_after && prep.is_some() && prep != Some(Prep::In) {
            return None; // "of 2000 people", "by 1900 votes"
        }
        if prep.is_none() && !(1900..=2099).contains(&y) {
            return None;
        }
        // "Orion 1980", "Vision 2030": a number in a name.
        if prep.is_none()
            && i > 0
            && matches!(
                self.toks[i - 1].kind,
                Kind::Word {
                    lex: Lex::Other,
                    cap: true
                }
            )
            && !self.starts_sentence(i - 1)
        {
            return None;
        }
        if let Some(m) = self.period_of_year(i + 1, y) {
            return Some(m);
        }
        if self.adjacent(i + 1)
            && matches!(self.punct(i + 1), Some('-' | '\u{2013}'))
            && self.adjacent(i + 2)
            && let Some(n) = self.num(i + 2)
        {
            let y2 = match n.digits {
                2 => y - y % 100 + i32::try_from(n.value).ok()?,
                4 => i32::try_from(n.value).ok()?,
                _ => return None,
            };
            if y2 > y && self.clean_after(i + 2) {
                return Some(self.at(i + 2, calendar::years(y, y2)?));
            }
        }
        // "a 2000 graduate ... at the time of the fire": a year that only describes a thing gives
        // the text no time to go on from.
        if dated_noun && self.lex(i - 1) == Some(Lex::A) {
            return Some(self.comparison(i, calendar::year(y)?, Grain::Year));
        }
        Some(self.at(i, calendar::year(y)?))
    }

    /// The word at `i` is a lower-case singular noun, by its form ("law", "report"; not "laws",
    /// "people", not an adverb in "-ly"), and no unit a count measures in ("percent", "km").
    fn singular_noun_but_no_unit(&self, i: usize) -> bool {
        const UNITS: &[&str] = &[
            "percent",
            "per",
            "km",
            "kilometer",
            "kilometre",
            "mile",
            "meter",
            "metre",
            "foot",
            "yard",
            "ton",
            "tonne",
            "pound",
            "kilogram",
            "kg",
            "lb",
            "dollar",
            "euro",
            "acre",
            "hectare",
            "square",
            "mph",
            "cc",
            "hp",
            "point",
            "degree",
            "word",
            "page",
            "member",
            // Plurals without an "s": "a 2000 people marched" is a count.
            "people",
            "men",
            "women",
            "children",
            "police",
            "personnel",
            "staff",
            "troops",
        ];
        if !matches!(
            self.toks.get(i).map(|t| t.kind),
            Some(Kind::Word {
                lex: Lex::Other,
                cap: false,
            })
        ) {
            return false;
        }
        let w = self.word(i);
        // (Not "analysis", "crisis", "census", "virus": singulars in "-is" and "-us".)
        let plural = w.ends_with('s') && !["ss", "is", "us"].iter().any(|e| w.ends_with(e));
        !plural && !w.ends_with("ly") && !UNITS.iter().any(|u| w.eq_ignore_ascii_case(u))
    }

    /// "'s first quarter", "'s quarter", " quarter", " period" after a year at `i - 1`: that
    /// quarter of `year` ("next year's first quarter", "the 1988 period" when a quarter is under
    /// discussion: that quarter of 1988).
    fn period_of_year(&self, i: usize, year: i32) -> Option<Match> {
        let k = if matches!(self.punct(i), Some('\'' | '\u{2019}')) && self.word_is(i + 1, "s") {
            i + 2
        } else {
            i
        };
        if matches!(self.lex(k), Some(Lex::Ordinal(_))) {
            return self.ordinal_period(k, Some(year));
        }
        if !(self.single(k, Unit::Quarter) || self.word_is(k, "period")) {
            return None;
        }
        // The quarter under discussion, else the one last over by the anchor.
        let q = match self.reference.get().filter(|r| r.grain == Grain::Quarter) {
            Some(r) => (r.interval.from.month() - 1) / 3 + 1,
            None => (calendar::add_months(self.anchor_day()?, -3)?.month() - 1) / 3 + 1,
        };
        Some(self.grained(k, calendar::quarter(year, q)?, Grain::Quarter))
    }

    /// "1990's first quarter", "the 1988 second quarter", "1989 third-quarter": a period of that
    /// year.
    fn year_period(&self, i: usize) -> Option<Match> {
        let y = self.year_at(i)?;
        let k = if self.punct(i + 1) == Some('\'') && self.word_is(i + 2, "s") {
            i + 3
        } else {
            i + 1
        };
        if !matches!(self.lex(k), Some(Lex::Ordinal(_))) {
            return None;
        }
        let m = self.ordinal_period(k, Some(y))?;
        Some(Match { ..m })
    }

    /// "the 1990s", "1990s", "the '90s", "the mid-1990s" (via `part_of`).
    fn decade(&self, i: usize) -> Option<Match> {
        let (k, century) = if matches!(self.punct(i), Some('\'' | '\u{2019}')) {
            (i + 1, Some(1900))
        } else {
            (i, None)
        };
        let Kind::Num(n) = self.toks.get(k)?.kind else {
            return None;
        };
        // ("mid-1990s": a part word and a hyphen may stand right before.)
        let after_part = i >= 2
            && matches!(self.punct(i - 1), Some('-' | '\u{2010}' | '\u{2011}'))
            && self.adjacent(i)
            && matches!(self.lex(i - 2), Some(Lex::Early | Lex::Mid | Lex::Late));
        if !n.decade || !(self.clean_before(i) || after_part) || n.value % 10 != 0 {
            return None;
        }
        let start = match (n.digits, century) {
            (4, None) => i32::try_from(n.value).ok()?,
            (2, Some(c)) => c + i32::try_from(n.value).ok()?,
            _ => return None,
        };
        if !(1000..=2990).contains(&start) {
            return None;
        }
        Some(self.grained(k, calendar::years(start, start + 9)?, Grain::Span))
    }

    /// A decade in words: "the nineties", "the early eighties" (via `part_of`), the latest of
    /// that name begun by the anchor's year ("the twenties" in 2026 is the 2020s, in 1998 the
    /// 1920s; with no year known, none). Not heat or age: "temperatures in the nineties", "the
    /// nineties Fahrenheit".
    fn spelled_decade(&self, k: usize) -> Option<Match> {
        let w = self.word(k);
        let tens = SPELLED_DECADES
            .iter()
            .position(|d| w.eq_ignore_ascii_case(d))?;
        let heat = |j: usize| HEAT_WORDS.iter().any(|h| self.word_is(j, h));
        if heat(k + 1) || (k.saturating_sub(5)..k).any(heat) {
            return None;
        }
        let tens = 10 * (i32::try_from(tens).ok()? + 2);
        // Without a publication year the century is unknown, and a decade would become the year
        // the article's later dates are read in ("the early Seventies ... on April 7": 1970).
        let y = self.anchor_year()?;
        let start = if 2000 + tens <= y {
            2000 + tens
        } else {
            1900 + tens
        };
        Some(self.grained(k, calendar::years(start, start + 9)?, Grain::Span))
    }

    /// "20th century", "the 11th century".
    fn century(&self, i: usize) -> Option<Match> {
        let n = match self.toks.get(i)?.kind {
            Kind::Num(n) if n.digits <= 2 && !n.decade && n.meridiem == 0 => n.value,
            _ => return None,
        };
        if self.lex(i + 1) != Some(Lex::Century) || !(1..=30).contains(&n) {
            return None;
        }
        let c = i32::try_from(n).ok()?;
        Some(self.grained(
            i + 1,
            calendar::years(100 * (c - 1) + 1, 100 * c)?,
            Grain::Span,
        ))
    }

    // ---- weekdays, times of day, holidays ------------------------------------------------

    /// "Tuesday" (by the tense of its clause), "Tuesday, April 9" (the date), "Wednesday night".
    fn weekday(&self, i: usize) -> Option<Match> {
        let Some(Lex::Weekday(wd)) = self.lex(i) else {
            return None;
        };
        let k = if self.punct(i + 1) == Some(',') {
            i + 2
        } else {
            i + 1
        };
        let dated = self
            .month_first(k, None)
            .or_else(|| self.day_first(k, None))
            .filter(|m| m.interval.granularity == Granularity::Day);
        if let Some(m) = dated {
            return Some(m);
        }
        // "every Monday", "each Friday": a day that comes back, not a date.
        if i > 0 && (self.word_is(i - 1, "every") || self.word_is(i - 1, "each")) {
            return None;
        }
        let last = self.day_part_after(i);
        if let Some(m) = self.weekday_of_week(wd, last) {
            return Some(m);
        }
        let d = self.weekday_date(wd, i, last)?;
        Some(self.at(last, calendar::day(d)))
    }

    /// "Wednesday next week", "Tuesday last week", "Friday this week" (`last` at the weekday
    /// or its day part): that weekday of the week named, weeks from Monday, counted from the
    /// anchor's week.
    fn weekday_of_week(&self, wd: Weekday, last: usize) -> Option<Match> {
        let step = match self.lex(last + 1)? {
            Lex::Next => 7,
            Lex::Last => -7,
            Lex::This => 0,
            _ => return None,
        };
        if !self.single(last + 2, Unit::Week) {
            return None;
        }
        let anchor = self.anchor_day()?;
        let monday = i64::from(anchor.weekday().num_days_from_monday());
        let d = calendar::add_days(anchor, step - monday + i64::from(wd.num_days_from_monday()))?;
        Some(self.at(last + 2, calendar::day(d)))
    }

    /// A day named after a time or after "noon"/"midnight" at `k` ("on Friday", ", Nov. 9",
    /// "yesterday", "on the 23rd"): the match of that day.
    fn day_after_time(&self, mut k: usize) -> Option<Match> {
        if self.punct(k) == Some(',') {
            k += 1;
        }
        if matches!(self.lex(k), Some(Lex::Prep(Prep::On))) {
            k += 1;
        }
        match self.lex(k)? {
            Lex::Weekday(_) if self.cap(k) => self.weekday(k),
            Lex::Month { .. } if self.cap(k) => self
                .month_first(k, None)
                .filter(|m| m.interval.granularity == Granularity::Day),
            Lex::Yesterday => self.days_from_anchor(k, -1),
            Lex::Tomorrow => self.days_from_anchor(k, 1),
            Lex::Today => self.days_from_anchor(k, 0),
            // "6 a.m. on the 23rd": a day of the month alone.
            Lex::The if self.num(k + 1).is_some() => self.day_of_the_month(k),
            _ => None,
        }
    }

    /// "a.m.", "p.m.", "am", "pm" at `k`: the index of its last token.
    fn meridiem(&self, k: usize) -> Option<usize> {
        let w = self.word(k);
        if w.eq_ignore_ascii_case("am") || w.eq_ignore_ascii_case("pm") {
            return Some(k);
        }
        let ap = w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("p");
        if ap && self.punct(k + 1) == Some('.') && self.adjacent(k + 1) && self.word_is(k + 2, "m")
        {
            let dot = self.punct(k + 3) == Some('.') && self.adjacent(k + 3);
            return Some(if dot { k + 3 } else { k + 2 });
        }
        None
    }

    /// A time zone after a time: "EST", "GMT", "local time".
    fn zone(&self, k: usize) -> Option<usize> {
        let w = self.word(k);
        let caps = (2..=4).contains(&w.len())
            && w.bytes().all(|b| b.is_ascii_uppercase())
            && (w.ends_with('T') || w == "UTC");
        if caps {
            Some(k)
        } else if self.word_is(k, "local") && self.word_is(k + 1, "time") {
            Some(k + 1)
        } else {
            None
        }
    }

    /// The end of a time of day that starts at `last + 1`'s zone and day: "10 p.m. EST Nov. 9".
    fn time_day(&self, mut last: usize) -> Option<Match> {
        if let Some(z) = self.zone(last + 1) {
            last = z;
        }
        if let Some(m) = self.day_after_time(last + 1) {
            return Some(m);
        }
        // ("Bombs hit Colombo on Sunday. At 8 p.m., police raided a house": the time is of the
        // day the text gave last, as a day part alone is.)
        Some(self.at(last, self.day_spoken_of(last)?))
    }

    /// The day a time or a day part with no day of its own (at token `i`) is of: the day the
    /// text gave last, in this sentence or the one before, else the anchor day.
    fn day_spoken_of(&self, i: usize) -> Option<Interval> {
        match self.reference.get() {
            Some(r) if r.grain == Grain::Day && self.near(r.tok, i) => Some(r.interval),
            _ => Some(calendar::day(self.anchor_day()?)),
        }
    }

    /// "10:35 a.m.", "7:15 p.m.", "10 p.m.", "10pm", "at 14:30": the day the time falls on.
    fn clock(&self, i: usize) -> Option<Match> {
        let h =
            self.num(i)
                .map(|n| (n.value, n.digits))
                .or_else(|| match self.toks.get(i)?.kind {
                    Kind::Num(n) if n.meridiem > 0 && n.digits <= 2 && n.value <= 12 => {
                        Some((n.value, n.digits))
                    }
                    _ => None,
                })?;
        if h.1 > 2 || h.0 > 24 || !self.clean_before(i) {
            return None;
        }
        if let Kind::Num(n) = self.toks[i].kind
            && n.meridiem > 0
        {
            return self.time_day(i);
        }
        let mut last = i;
        let mut minutes = false;
        if self.punct(i + 1) == Some(':') && self.adjacent(i + 1) && self.adjacent(i + 2) {
            let m = match self.toks.get(i + 2)?.kind {
                Kind::Num(m) if m.digits == 2 && m.value < 60 => m,
                _ => return None,
            };
            last = i + 2;
            minutes = true;
            if m.meridiem > 0 {
                return self.time_day(last);
            }
            if self.adjacent(last + 1) && !matches!(self.punct(last + 1), Some('.' | ',' | ')')) {
                return None;
            }
        }
        if let Some(k) = self.meridiem(last + 1) {
            if h.0 > 12 || h.0 == 0 {
                return None;
            }
            return self.time_day(k);
        }
        // "14:30" alone: a time only after "at", "by", "until", "around", "from" or before a zone.
        let timed = minutes
            && (matches!(
                self.prev_prep(i),
                Some(Prep::At | Prep::By | Prep::Until | Prep::From | Prep::Before | Prep::After)
            ) || self.word_is(i.wrapping_sub(1), "around")
                || self.zone(last + 1).is_some());
        if timed && h.0 < 24 {
            return self.time_day(last);
        }
        None
    }

    /// "noon", "midnight", "noon Thursday", "midnight on January 12".
    fn clock_word(&self, i: usize) -> Option<Match> {
        if let Some(m) = self.day_after_time(i + 1) {
            return Some(m);
        }
        let date_ish = matches!(
            self.prev_prep(i),
            Some(Prep::At | Prep::By | Prep::Until | Prep::Before | Prep::After | Prep::Since)
        );
        date_ish.then(|| Some(self.at(i, self.day_spoken_of(i)?)))?
    }

    /// "Christmas", "Christmas Eve", "Easter", "Easter Monday", "Easter week", "Thanksgiving
    /// Day", "Halloween": by the tense of the clause.
    fn holiday(&self, i: usize, h: Holiday) -> Option<Match> {
        if self.cap(i + 1)
            && !self.word_is(i + 1, "day")
            && !self.word_is(i + 1, "eve")
            && !matches!(self.lex(i + 1), Some(Lex::Weekday(_)))
            && !self.word_is(i + 1, "week")
        {
            return None; // "Christmas Island", "Easter Island"
        }
        // "during Ramadan": the month (not "Tariq Ramadan", a name).
        if h == Holiday::Ramadan {
            if i > 0 && self.cap(i - 1) && self.lex(i - 1) == Some(Lex::Other) {
                return None;
            }
            return Some(self.at(i, self.choose(i, i, calendar::ramadan)?));
        }
        let (offset, last, week) = match h {
            Holiday::Christmas if self.word_is(i + 1, "eve") => (-1, i + 1, false),
            Holiday::Easter if self.word_is(i + 1, "week") => (0, i + 1, true),
            Holiday::Easter if matches!(self.lex(i + 1), Some(Lex::Weekday(Weekday::Mon))) => {
                (1, i + 1, false)
            }
            Holiday::Easter if matches!(self.lex(i + 1), Some(Lex::Weekday(Weekday::Sun))) => {
                (0, i + 1, false)
            }
            _ if self.word_is(i + 1, "day") => (0, i + 1, false),
            _ => (0, i, false),
        };
        let make = |y: i32| {
            let d = match h {
                Holiday::Christmas => NaiveDate::from_ymd_opt(y, 12, 25)?,
                Holiday::Easter => calendar::easter(y)?,
                Holiday::Thanksgiving => calendar::nth_weekday(y, 11, Weekday::Thu, 4)?,
                Holiday::Halloween => NaiveDate::from_ymd_opt(y, 10, 31)?,
                Holiday::Ramadan => return None,
            };
            let d = calendar::add_days(d, offset)?;
            if week {
                calendar::span(d, calendar::add_days(d, 6)?)
            } else {
                Some(calendar::day(d))
            }
        };
        Some(self.at(last, self.choose(i, last, make)?))
    }

    /// Two-word holidays starting with a capitalised word: "New Year's Day", "New Year's Eve",
    /// "Good Friday", "Valentine's Day", "Memorial Day", "Labor Day", "Veterans Day", "Boxing
    /// Day".
    fn named_day(&self, i: usize) -> Option<Match> {
        let w = self.word(i);
        let apostrophe_s =
            |k: usize| matches!(self.punct(k), Some('\'' | '\u{2019}')) && self.word_is(k + 1, "s");
        // (month, day) or a rule, and the index of the last word. (The first two letters of these
        // words are tested before the call: `may_open_named_day`.)
        let (rule, last): (fn(i32) -> Option<NaiveDate>, usize) = match w {
            "New" if self.single(i + 1, Unit::Year) && apostrophe_s(i + 2) => {
                if self.word_is(i + 4, "eve") {
                    (|y| NaiveDate::from_ymd_opt(y, 12, 31), i + 4)
                } else if self.word_is(i + 4, "day") {
                    (|y| NaiveDate::from_ymd_opt(y, 1, 1), i + 4)
                } else {
                    (|y| NaiveDate::from_ymd_opt(y, 1, 1), i + 3)
                }
            }
            "Good" if matches!(self.lex(i + 1), Some(Lex::Weekday(Weekday::Fri))) => {
                (|y| calendar::add_days(calendar::easter(y)?, -2), i + 1)
            }
            "Valentine" if apostrophe_s(i + 1) && self.word_is(i + 3, "day") => {
                (|y| NaiveDate::from_ymd_opt(y, 2, 14), i + 3)
            }
            "Memorial" if self.word(i + 1) == "Day" => (
                |y| {
                    let first_june = NaiveDate::from_ymd_opt(y, 6, 1)?;
                    calendar::weekday_before(Weekday::Mon, first_june)
                },
                i + 1,
            ),
            "Labor" if self.word(i + 1) == "Day" => {
                (|y| calendar::nth_weekday(y, 9, Weekday::Mon, 1), i + 1)
            }
            "Veterans" if self.word(i + 1) == "Day" => {
                (|y| NaiveDate::from_ymd_opt(y, 11, 11), i + 1)
            }
            // The American one (capitalised; "election day" elsewhere is any day): the Tuesday
            // after the first Monday of November.
            "Election" if self.word(i + 1) == "Day" => (
                |y| calendar::add_days(calendar::nth_weekday(y, 11, Weekday::Mon, 1)?, 1),
                i + 1,
            ),
            "Boxing" if self.word(i + 1) == "Day" => {
                (|y| NaiveDate::from_ymd_opt(y, 12, 26), i + 1)
            }
            _ => return None,
        };
        let interval = self.choose(i, last, |y| rule(y).map(calendar::day))?;
        Some(self.at(last, interval))
    }

    // ---- quarters, halves, seasons, fiscal years -----------------------------------------

    /// "third quarter", "third-quarter", "first half", "first quarter of 1990", "fiscal first
    /// quarter", "first two quarters of 1990" (`i` at the ordinal). `year`: written before it.
    fn ordinal_period(&self, i: usize, year: Option<i32>) -> Option<Match> {
        let Some(Lex::Ordinal(n)) = self.lex(i) else {
            return None;
        };
        let mut k = if self.hyphen(i + 1) { i + 2 } else { i + 1 };
        if self.lex(k) == Some(Lex::Fiscal) {
            k += 1;
        }
        if self.single(k, Unit::Day) {
            return self.nth_day_is(i, k);
        }
        // "the first nine months", "the first two months of 2008": January to the end of that
        // month, of the year named or the latest begun by the anchor (as a half is).
        if n == 1
            && let Some(c) = self.count_at(k).filter(|c| (2..=11).contains(c))
            && self.lex(k + 1)
                == Some(Lex::Unit {
                    unit: Unit::Month,
                    plural: true,
                })
        {
            let make = |y: i32| calendar::months(y, 1, c);
            // (A year written after it stays a mention of its own, "of 1997" the year the text
            // names: the phrase ends at "months".)
            let (mut written, _) = self.trailing_year(k + 2, year);
            // "of the year", "of this year": the publication's.
            if written.is_none()
                && self.lex(k + 2) == Some(Lex::Prep(Prep::Of))
                && matches!(self.lex(k + 3), Some(Lex::The | Lex::This))
                && self.single(k + 4, Unit::Year)
            {
                written = Some(self.anchor_year()?);
            }
            let interval = match written {
                Some(y) => make(y)?,
                // Not the first months of something else ("of the war", "after the flood",
                // "in office").
                None if matches!(
                    self.lex(k + 2),
                    Some(Lex::Prep(
                        Prep::Of | Prep::After | Prep::Since | Prep::In | Prep::Before | Prep::At
                    ))
                ) || self.word_is(k + 2, "following") =>
                {
                    return None;
                }
                None => self.quarter_year(i, k + 1, make)?,
            };
            return Some(self.grained(k + 1, interval, Grain::Span));
        }
        let (count, k) = match self.lex(k) {
            Some(Lex::Count(c @ 2..=3)) if n == 1 => (c, k + 1),
            _ => (1, k),
        };
        // "shrank for a second quarter in July-September": a count of quarters in a row, not
        // the calendar's second (not "a second-quarter loss", "a third quarter profit": the
        // quarter qualifying a noun is the calendar's).
        let counted = i > 0
            && self.lex(i - 1) == Some(Lex::A)
            && !self.hyphen(i + 1)
            && (self.punct(k + 1).is_some()
                || matches!(self.lex(k + 1), Some(Lex::Prep(_)) | None));
        let (months, parts) = match self.lex(k) {
            Some(Lex::Unit {
                unit: Unit::Quarter,
                plural,
            }) if plural == (count > 1) && n <= 4 && !counted => (3, 4),
            Some(Lex::Half) if n <= 2 => (6, 2),
            _ => return None,
        };
        if n + count - 1 > parts {
            return None;
        }
        let first_month = months * (n - 1) + 1;
        let make = |y: i32| calendar::months(y, first_month, months * count);
        let (written, year_last) = self.trailing_year(k + 1, year);
        let interval = match written {
            Some(y) => make(y)?,
            None => self.quarter_year(i, k, make)?,
        };
        let grain = if months == 3 && count == 1 {
            Grain::Quarter
        } else {
            Grain::Span
        };
        Some(self.grained(year_last.unwrap_or(k), interval, grain))
    }

    /// A yearless quarter or half: the latest begun by the anchor (business news reports the
    /// quarter under way or just ended; "next quarter" says when it means another).
    fn quarter_year(
        &self,
        first: usize,
        last: usize,
        make: impl Fn(i32) -> Option<Interval>,
    ) -> Option<Interval> {
        let Some(a) = self.published else {
            return make(self.anchor_year()?);
        };
        let _ = (first, last);
        let y = a.year();
        let cands = [make(y - 1), make(y), make(y + 1)];
        cands
            .iter()
            .flatten()
            .filter(|c| c.from <= a)
            .max_by_key(|c| c.from)
            .copied()
    }

    /// "summer", "the summer of 1989", "fall 1990", "winter" (`i` at the season): a bare season
    /// needs a preposition or article before it, or a year after it.
    fn season(&self, i: usize, year: Option<i32>) -> Option<Match> {
        let Some(Lex::Season(s)) = self.lex(i) else {
            return None;
        };
        let (written, year_last) = match self.year_word(i + 1) {
            Some((y, last)) => (Some(y), Some(last)),
            None => self.trailing_year(i + 1, year),
        };
        let interval = if let Some(y) = written {
            calendar::season(y, s)?
        } else {
            // "in the summer", "by fall", "during the winter"; not "the fall of the city",
            // "a fall in prices".
            // "of the early summer": the part word stands between.
            let j = if i > 0 && matches!(self.lex(i - 1), Some(Lex::Early | Lex::Mid | Lex::Late)) {
                i - 1
            } else {
                i
            };
            let the = j > 0 && self.lex(j - 1) == Some(Lex::The);
            let prep = self.prev_prep(if the { j - 1 } else { j });
            let ctx = (j < i && prep == Some(Prep::Of))
                || matches!(
                    prep,
                    Some(
                        Prep::In
                            | Prep::By
                            | Prep::Over
                            | Prep::During
                            | Prep::Since
                            | Prep::Until
                            | Prep::Before
                            | Prep::After
                    )
                );
            if !ctx || self.cap(i + 1) || self.lex(i + 1) == Some(Lex::Prep(Prep::Of)) {
                return None;
            }
            // "Schools are closed for the summer", "the talks resume in the autumn": told in
            // the present or the future, the season is the one under way or the next, not the
            // one gone (news tells a season gone in the past).
            // (One over within the month before still counts as the one under way: "we're
            // currently in the winter low season" in late March.)
            if the && matches!(self.tense(i, i), Tense::Present | Tense::Future) {
                let a = self.anchor_day()?;
                let behind = calendar::add_days(a, -FUTURE_TOLERANCE_DAYS)?;
                (a.year() - 1..=a.year() + 1)
                    .filter_map(|y| calendar::season(y, s))
                    .filter(|c| c.to >= behind)
                    .min_by_key(|c| c.from)?
            } else {
                self.choose(i, i, |y| calendar::season(y, s))?
            }
        };
        Some(self.grained(year_last.unwrap_or(i), interval, Grain::Season))
    }

    /// "fiscal 1989" (that year: how `TimeML` writes it; a company's fiscal year may differ),
    /// "fiscal 1990's first quarter", "fiscal first quarter".
    fn fiscal(&self, i: usize) -> Option<Match> {
        if let Some(n) = self.num(i + 1)
            && let Some(y) = self.year_value(i + 1).or_else(|| {
                // "fiscal 1989's", "fiscal 90"
                (n.digits == 4 && (1800..=2199).contains(&n.value))
                    .then(|| i32::try_from(n.value).ok())
                    .flatten()
            })
        {
            let k = if self.punct(i + 2) == Some('\'') && self.word_is(i + 3, "s") {
                i + 4
            } else {
                i + 2
            };
            if matches!(self.lex(k), Some(Lex::Ordinal(_)))
                && let Some(m) = self.ordinal_period(k, Some(y))
            {
                return Some(m);
            }
            return Some(self.at(i + 1, calendar::year(y)?));
        }
        if matches!(self.lex(i + 1), Some(Lex::Ordinal(_))) {
            return self.ordinal_period(i + 1, None);
        }
        None
    }

    /// The end of a fiscal year told at `i`, right after "fiscal year": "that ended in March",
    /// "which ends in June", "ended in September 2019", "to March 2013" (a month, with "to" and
    /// no year only after a verb of an end): the twelve months to the end of that month, of
    /// the year written, else the latest such month over by the anchor, or for "ends" and
    /// "ending" in a clause still to come the next. (Not "ended March 31": the day stays a
    /// date of its own.)
    fn fiscal_year_to(&self, i: usize) -> Option<Match> {
        let mut k = i;
        if self.lex(k) == Some(Lex::That) || self.word_is(k, "which") {
            k += 1;
        }
        let ended = self.word_is(k, "ended");
        let ends = self.word_is(k, "ends") || self.word_is(k, "ending");
        if ended || ends {
            k += 1;
            if self.lex(k) != Some(Lex::Prep(Prep::In)) {
                return None;
            }
        } else if k != i || self.lex(k) != Some(Lex::Prep(Prep::To)) {
            return None;
        }
        let (month, mlast) = self.month_at(k + 1, false)?;
        if self.num(mlast + 1).is_some_and(|n| n.digits <= 2) {
            return None;
        }
        let (year, year_last) = self.trailing_year(mlast + 1, None);
        let year = match year {
            Some(y) => y,
            None if !(ended || ends) => return None,
            None => {
                let a = self.anchor_day()?;
                let this = calendar::month(a.year(), month)?;
                // (A year "ending" in a month is still running unless its clause is past:
                // "is spending $4 million in the fiscal year ending in June".)
                let to_come =
                    ends && !matches!(self.tense(i, mlast), Tense::Past | Tense::PastAdjacent);
                match (this.to < a, to_come) {
                    (true, false) | (false, true) => a.year(),
                    (false, false) => a.year() - 1,
                    (true, true) => a.year() + 1,
                }
            }
        };
        let end = calendar::month(year, month)?.to;
        let from = calendar::add_days(calendar::add_years(end, -1)?, 1)?;
        Some(self.grained(
            year_last.unwrap_or(mlast),
            calendar::span(from, end)?,
            Grain::Span,
        ))
    }

    /// A year in words: "nineteen ninety-six", "nineteen eighty", "two thousand", "two thousand
    /// and one", "twenty ten" (1800-2099).
    fn spelled_year(&self, i: usize) -> Option<Match> {
        const TEENS: [&str; 10] = [
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ];
        const TENS: [&str; 8] = [
            "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        ];
        const UNITS: [&str; 9] = [
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        ];
        // A year in words opens with "eighteen", "nineteen", "two" ("two thousand") or "twenty":
        // asked of the token's meaning first, as the other counts come here too.
        if !matches!(self.lex(i), Some(Lex::Century19 | Lex::Count(2 | 20))) {
            return None;
        }
        let find = |list: &[&str], k: usize| {
            list.iter()
                .position(|w| self.word_is(k, w))
                .and_then(|p| i32::try_from(p).ok())
        };
        // The last two digits from `k`: "ninety-six", "ninety six", "ten", "oh five".
        let two_digits = |k: usize| -> Option<(i32, usize)> {
            if let Some(t) = find(&TEENS, k) {
                return Some((10 + t, k));
            }
            let tens = find(&TENS, k)?;
            let value = 20 + 10 * tens;
            let j = if self.hyphen(k + 1) { k + 2 } else { k + 1 };
            match find(&UNITS, j) {
                Some(u) => Some((value + u + 1, j)),
                None => Some((value, k)),
            }
        };
        let (year, last) = if let Some(c) = ["eighteen", "nineteen"]
            .iter()
            .position(|w| self.word_is(i, w))
        {
            let century = 1800 + 100 * i32::try_from(c).ok()?;
            if self.word_is(i + 1, "hundred") {
                (century, i + 1)
            } else {
                let (v, last) = two_digits(i + 1)?;
                (century + v, last)
            }
        } else if self.word_is(i, "two") && self.word_is(i + 1, "thousand") {
            let k = if self.lex(i + 2) == Some(Lex::And) {
                i + 3
            } else {
                i + 2
            };
            match find(&UNITS, k) {
                Some(u) => (2001 + u, k),
                None => match two_digits(k) {
                    Some((v, last)) => (2000 + v, last),
                    None => (2000, i + 1),
                },
            }
        } else if self.word_is(i, "twenty") && !self.hyphen(i + 1) {
            let (v, last) = two_digits(i + 1).filter(|(v, _)| *v >= 10)?;
            (2000 + v, last)
        } else {
            return None;
        };
        Some(self.at(last, calendar::year(year)?))
    }

    // ---- deictic and vague ---------------------------------------------------------------

    /// "now", "currently", "until now", "right now": the anchor day, vague.
    fn now(&self, i: usize) -> Option<Match> {
        // "now" glued into "know-now"? The lexer splits on hyphens; "now-defunct" is an adjective.
        if self.hyphen(i + 1) || (i > 0 && self.hyphen(i - 1)) {
            return None;
        }
        let d = self.anchor_day()?;
        Some(self.vague(i, calendar::day(d)))
    }

    /// "at present": the anchor day, vague (`i` at "present").
    fn at_present(&self, i: usize) -> Option<Match> {
        if !(self.word_is(i, "present") && self.prev_prep(i) == Some(Prep::At)) {
            return None;
        }
        let d = self.anchor_day()?;
        Some(self.vague(i, calendar::day(d)))
    }

    /// "recently", "lately", "more recently": the 90 days before the anchor, vague.
    fn recently(&self, i: usize) -> Option<Match> {
        let d = self.anchor_day()?;
        Some(self.vague(i, calendar::span(calendar::add_days(d, -90)?, d)?))
    }

    /// "recent days", "recent weeks", "recent years": seven units back, vague.
    fn recent_units(&self, i: usize) -> Option<Match> {
        let (unit, true) = self.unit(i + 1)? else {
            return None;
        };
        let d = self.anchor_day()?;
        let from = Self::back(d, 7, unit)?;
        Some(self.vague(i + 1, calendar::span(from, d)?))
    }

    // ---- "the …" -------------------------------------------------------------------------

    /// Expressions starting with "the": "the past two weeks", "the third quarter", "the 1990s",
    /// "the next day", "the same day", "the previous week", "the year-earlier quarter", "the
    /// latest quarter", "the current quarter", "the end of 1990", "the weekend".
    fn the(&self, i: usize) -> Option<Match> {
        let k = i + 1;
        if self.num(k).is_some() {
            return self.day_of_the_month(i);
        }
        // "the third of March", "the twenty-first of May" (the day in words one or three tokens
        // long; "of" and the month looked for first, as "the" opens many phrases).
        // (Only after a word that may open one: an ordinal, a count, or a word in "th".)
        let may_open_day = match self.lex(k) {
            Some(Lex::Ordinal(_) | Lex::Count(_)) => true,
            Some(Lex::Other) => self.word(k).ends_with("th"),
            _ => false,
        };
        if may_open_day
            && [k + 1, k + 3].iter().any(|&of| {
                self.lex(of) == Some(Lex::Prep(Prep::Of)) && self.month_at(of + 1, true).is_some()
            })
            && let Some((day, last)) = self.spelled_day(k)
            && self.lex(last + 1) == Some(Lex::Prep(Prep::Of))
            && let Some((month, mlast)) = self.month_at(last + 2, true)
        {
            let (year, year_last) = self.trailing_year(mlast + 1, None);
            let interval = self.resolve_day((month, day), None, year, (i, mlast))?;
            return Some(self.at(year_last.unwrap_or(mlast), interval));
        }
        match self.lex(k)? {
            Lex::Past | Lex::Last if self.past_n(k).is_some() => self.past_n(k),
            Lex::Ordinal(_) => self.ordinal_period(k, None),
            Lex::Fiscal if matches!(self.lex(k + 1), Some(Lex::Ordinal(_))) => {
                self.ordinal_period(k + 1, None)
            }
            // "the fiscal year that ended in March", "the financial year to March 2013": the
            // twelve months to the end of that month.
            Lex::Fiscal | Lex::Other
                if self.single(k + 1, Unit::Year)
                    && (self.lex(k) == Some(Lex::Fiscal) || self.word_is(k, "financial"))
                    && let Some(m) = self.fiscal_year_to(k + 2) =>
            {
                Some(m)
            }
            // "the fiscal year", "the full year": the anchor's year (TimeML writes a fiscal year
            // as the calendar year it is named by).
            // (The year asked first: "the" opens many phrases, and few go on with a year.)
            Lex::Fiscal | Lex::Other
                if self.single(k + 1, Unit::Year)
                    && (self.lex(k) == Some(Lex::Fiscal) || self.word_is(k, "full"))
                    && !(self.word_is(k + 2, "ended") || self.word_is(k + 2, "ending")) =>
            {
                let y = self.anchor_year()?;
                Some(self.at(k + 1, calendar::year(y)?))
            }
            // "the next two weeks" (`next_n` wants a plural unit), "the next day".
            Lex::Next => self.next_n(k).or_else(|| self.relative_unit(k)),
            Lex::Following | Lex::Previous => self.relative_unit(k),
            Lex::Coming => self.next_n(k).or_else(|| self.coming_weekend(k)),
            Lex::Same => self.same_unit(k),
            // "the latest fiscal year": the last one over.
            Lex::Latest
                if self.lex(k + 1) == Some(Lex::Fiscal) && self.single(k + 2, Unit::Year) =>
            {
                let y = self.anchor_year()? - 1;
                Some(self.at(k + 2, calendar::year(y)?))
            }
            Lex::Latest => self.latest_quarter(k),
            Lex::Current => self.current_unit(k),
            Lex::End | Lex::Beginning => self.end_of(k),
            Lex::Unit {
                unit: Unit::Weekend,
                plural: false,
            } => {
                let d = self.anchor_day()?;
                let sat = match self.tense(i, k) {
                    Tense::Future => calendar::weekday_on_or_after(Weekday::Sat, d)?,
                    _ => calendar::weekday_on_or_before(Weekday::Sat, calendar::add_days(d, -1)?)?,
                };
                Some(self.grained(
                    k,
                    calendar::span(sat, calendar::add_days(sat, 1)?)?,
                    Grain::Span,
                ))
            }
            Lex::Unit {
                unit: Unit::Year,
                plural: false,
            } if self.hyphen(k + 1) || self.year_end_at(k).is_some() => self.year_earlier(k),
            Lex::Unit {
                unit: Unit::Quarter,
                plural: false,
            } => {
                let after = self.lex(k + 1);
                if after == Some(Lex::Prep(Prep::Of))
                    || self.hyphen(k + 1)
                    || self.lex(k + 1) == Some(Lex::Century)
                {
                    return None; // "a quarter of the vote", "the quarter century since"
                }
                self.latest_quarter(i)
            }
            Lex::Unit {
                unit: unit @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year),
                plural: false,
            } => self
                .unit_before_after(k, unit)
                .or_else(|| self.the_unit(k, unit)),
            // (The word read once: "the" and a plain word are most of what comes here.)
            Lex::Other => {
                let w = self.word(k);
                if w.eq_ignore_ascii_case("future") || w.eq_ignore_ascii_case("near") {
                    self.future(i)
                } else if w.eq_ignore_ascii_case("time") {
                    self.at_the_time(i, k)
                } else {
                    self.spelled_decade(k)
                }
            }
            Lex::Past
                if !matches!(
                    self.lex(k + 1),
                    Some(Lex::Count(_) | Lex::Few | Lex::Unit { .. })
                ) && self.num(k + 1).is_none() =>
            {
                self.the_past(k)
            }
            Lex::Recent => self.recent_units(k),
            Lex::Season(_) => self.season(k, None),
            // "in the morning", "by the afternoon": of the day the text speaks of; not "the
            // morning of May 5", "the morning after the vote", "the evening news".
            Lex::DayPart
                if matches!(
                    self.prev_prep(i),
                    Some(Prep::In | Prep::By | Prep::During | Prep::Until)
                ) && self.ends_phrase(k) =>
            {
                self.bare_day_part(i, k)
            }
            _ => None,
        }
    }

    /// Nothing qualifies the noun at `k`: a clause or sentence ends after it, or a verb or a
    /// preposition other than "of", "after" and "before" follows.
    fn ends_phrase(&self, k: usize) -> bool {
        match self.toks.get(k + 1).map(|t| t.kind) {
            None | Some(Kind::Punct(_)) => true,
            Some(Kind::Word { lex, .. }) => match lex {
                Lex::Prep(p) => !matches!(p, Prep::Of | Prep::After | Prep::Before),
                Lex::Tense(_) => true,
                _ => self.word_is(k + 1, "and"),
            },
            Some(Kind::Num(_)) => false,
        }
    }

    /// "the week before", "the day after", "the year before" (`i` at the unit, after "the"),
    /// where the phrase ends there ("The week before, he had ...", "... a bank the week
    /// before."): one unit from the last date given, as "the previous week" is. Not "the week
    /// before the vote", which a happening dates.
    fn unit_before_after(&self, i: usize, unit: Unit) -> Option<Match> {
        let step: i32 = match self.lex(i + 1)? {
            Lex::Prep(Prep::Before) => -1,
            Lex::Prep(Prep::After) => 1,
            _ => return None,
        };
        // "the week before last", "the year before last": two units back from the anchor, as
        // "last week" is one.
        if step < 0 && self.lex(i + 2) == Some(Lex::Last) && self.phrase_ends_at(i + 2) {
            if !matches!(unit, Unit::Week | Unit::Month | Unit::Year) {
                return None;
            }
            let (interval, grain) = Self::unit_from(self.anchor_day()?, unit, -2)?;
            return Some(self.grained(i + 2, interval, grain));
        }
        let r = if self.phrase_ends_at(i + 1) {
            self.reference_or_publication()?
        } else {
            // "the day after the blast": from the blast's date, where the text gives it.
            self.happening_time(i + 1)?
        };
        // "In May ... The day before": a day from a month is no day the text says.
        if unit == Unit::Day && r.grain != Grain::Day {
            return None;
        }
        let base = if step > 0 {
            r.interval.to
        } else {
            r.interval.from
        };
        let (interval, grain) = Self::unit_from(base, unit, step)?;
        Some(self.grained(i + 1, interval, grain))
    }

    /// The time of the happening named after "after" or "before" at `p` ("the day after the
    /// blast", "two days after the vote", "a week before the March 3 election"): a date within
    /// the phrase ("the March 3 blast", "the 2016 election"), else the last date the text gave,
    /// where that date's sentence (an earlier one, within [`HAPPENING_REACH`] tokens) tells of
    /// the same happening ([`same_happening`]: "A car bomb exploded in Kabul on March 3. The day
    /// after the blast, ..."). Else none: a happening whose date the text does not give dates
    /// nothing, not even the publication.
    fn happening_time(&self, p: usize) -> Option<Ref> {
        let det = p + 1;
        if !(self.lex(det) == Some(Lex::The)
            || ["its", "their", "his", "her", "this"]
                .iter()
                .any(|w| self.word_is(det, w)))
        {
            return None;
        }
        let k = det + 1;
        let noun_at = |j: usize| {
            matches!(
                self.toks.get(j).map(|t| t.kind),
                Some(Kind::Word {
                    lex: Lex::Other,
                    cap: false
                })
            )
        };
        // "the March 3 blast", "the 2016 election": the date the phrase names.
        match self.toks.get(k)?.kind {
            Kind::Word {
                lex: Lex::Month { .. },
                cap: true,
            } => {
                let m = self.month_first(k, None)?;
                return noun_at(m.last + 1).then_some(Ref {
                    interval: m.interval,
                    grain: m.grain,
                    tok: m.last,
                });
            }
            Kind::Num(_) => {
                let y = self.year_at(k)?;
                return noun_at(k + 1).then_some(Ref {
                    interval: calendar::year(y)?,
                    grain: Grain::Year,
                    tok: k,
                });
            }
            _ => {}
        }
        // The head noun: the last of up to three lower-case words.
        let head = (k..k + 3).take_while(|&j| noun_at(j)).last()?;
        let r = self.reference.get()?;
        if r.tok >= p || p - r.tok > HAPPENING_REACH {
            return None;
        }
        // In an earlier sentence: "on Friday, the day after the blast" names the day, not the
        // blast's.
        if !(r.tok + 1..=p).any(|j| self.starts_sentence(j)) {
            return None;
        }
        let head = self.word(head);
        let mut from = r.tok;
        while from > 0 && r.tok - from < HAPPENING_SENTENCE && !self.starts_sentence(from) {
            from -= 1;
        }
        let mut to = r.tok + 1;
        while to < p && to - r.tok < HAPPENING_SENTENCE && !self.starts_sentence(to) {
            to += 1;
        }
        (from..to)
            .any(|j| same_happening(head, self.word(j)))
            .then_some(r)
    }

    /// A phrase ends at token `k`: nothing, a mark (not a hyphen or an apostrophe) or a verb
    /// comes after it ("The week before, he had ...", "... the week before he had ...").
    fn phrase_ends_at(&self, k: usize) -> bool {
        match self.toks.get(k + 1).map(|t| t.kind) {
            None
            | Some(Kind::Word {
                lex: Lex::Tense(_), ..
            }) => true,
            Some(Kind::Punct(c)) => !matches!(c, '-' | '\'' | '\u{2019}'),
            _ => false,
        }
    }

    /// "next day", "following week", "previous year", "next morning", "previous quarter"
    /// (`i` at "next"/"following"/"previous", after "the"): one unit from the reference.
    fn relative_unit(&self, i: usize) -> Option<Match> {
        let step: i32 = if self.lex(i) == Some(Lex::Previous) {
            -1
        } else {
            1
        };
        let r = self.reference_or_publication()?;
        // "In May ... The following morning": a day after a month or a year is no day the text
        // says (was the first of June).
        let day_step = matches!(
            self.lex(i + 1)?,
            Lex::DayPart
                | Lex::Unit {
                    unit: Unit::Day | Unit::Night,
                    plural: false,
                }
        );
        if day_step && r.grain != Grain::Day {
            return None;
        }
        let base = if step > 0 {
            r.interval.to
        } else {
            r.interval.from
        };
        let (interval, grain) = match self.lex(i + 1)? {
            Lex::DayPart => (
                calendar::day(calendar::add_days(base, i64::from(step))?),
                Grain::Day,
            ),
            // "the previous Friday": the Friday before the last day given.
            Lex::Weekday(wd) if self.cap(i + 1) => {
                let d = if step < 0 {
                    calendar::weekday_before(wd, base)?
                } else {
                    calendar::weekday_after(wd, base)?
                };
                (calendar::day(d), Grain::Day)
            }
            Lex::Unit {
                unit,
                plural: false,
            } => Self::unit_from(base, unit, step)?,
            _ => return None,
        };
        Some(self.grained(i + 1, interval, grain))
    }

    /// "on the 12th", "on the 3rd, rebels ...": a day of the month alone after "on the" (`i` at
    /// "the"), where a stop, a comma or a word opening another phrase follows (not "on the 12th
    /// floor", "the 12th-century mosque", "on the 3rd of May", which [`Self::day_first`] reads):
    /// that day of the month of the last date the text gave (a day or a month), else of the
    /// publication's month, or of the month before where that day is still to come and the
    /// clause is not in the future (of the month after where it is, and the day is past).
    fn day_of_the_month(&self, i: usize) -> Option<Match> {
        let k = i + 1;
        let day = self.num(k)?;
        if day.digits > 2 || !(1..=31).contains(&day.value) || i == 0 || !self.word_is(i - 1, "on")
        {
            return None;
        }
        let written = self
            .toks
            .get(k)
            .and_then(|t| self.text.get(t.start as usize..t.end as usize));
        let suffix = written
            .and_then(|w| w.get(w.len().checked_sub(2)?..))
            .is_some_and(|s| {
                ["st", "nd", "rd", "th"]
                    .iter()
                    .any(|o| s.eq_ignore_ascii_case(o))
            });
        if !suffix {
            return None;
        }
        let ends_phrase = match self.toks.get(k + 1).map(|t| t.kind) {
            None | Some(Kind::Punct(',' | '.' | ';' | ':' | ')' | '!' | '?')) => true,
            Some(Kind::Word { cap: false, .. }) => {
                DAY_ALONE_FOLLOWERS.iter().any(|w| self.word_is(k + 1, w))
            }
            _ => false,
        };
        if !ends_phrase {
            return None;
        }
        let of_month = |d: NaiveDate| NaiveDate::from_ymd_opt(d.year(), d.month(), day.value);
        let reference = self
            .reference
            .get()
            .filter(|r| matches!(r.grain, Grain::Day | Grain::Month));
        let date = if let Some(r) = reference {
            of_month(r.interval.from)?
        } else {
            let today = self.published?;
            let this = of_month(today);
            if self.tense(i, k) == Tense::Future {
                match this.filter(|&d| d >= today) {
                    Some(d) => d,
                    None => of_month(calendar::add_months(today.with_day(1)?, 1)?)?,
                }
            } else {
                match this.filter(|&d| d <= today) {
                    Some(d) => d,
                    None => of_month(calendar::add_months(today.with_day(1)?, -1)?)?,
                }
            }
        };
        Some(self.at(k, calendar::day(date)))
    }

    /// The `unit` that is `step` units from `base` ("the next day" from a Tuesday: Wednesday).
    fn unit_from(base: NaiveDate, unit: Unit, step: i32) -> Option<(Interval, Grain)> {
        Some(match unit {
            Unit::Day | Unit::Night => (
                calendar::day(calendar::add_days(base, i64::from(step))?),
                Grain::Day,
            ),
            Unit::Week => (
                calendar::week_of(calendar::add_days(base, 7 * i64::from(step))?)?,
                Grain::Week,
            ),
            Unit::Month => {
                let d = calendar::add_months(base, step)?;
                (calendar::month(d.year(), d.month())?, Grain::Month)
            }
            Unit::Quarter => {
                let d = calendar::add_months(base, 3 * step)?;
                (
                    calendar::quarter(d.year(), (d.month() - 1) / 3 + 1)?,
                    Grain::Quarter,
                )
            }
            Unit::Year => (calendar::year(base.year() + step)?, Grain::Year),
            Unit::Hour | Unit::Fortnight | Unit::Weekend | Unit::Decade => return None,
        })
    }

    /// The `unit` of the last date given ("the end of the year" after "in 2018"), where that
    /// date lies within one; else of the publication day: after "the 2019-20 season", two
    /// years, "earlier in the year" is of the publication's year (in an undated text, of the
    /// date's first).
    fn unit_of_reference(&self, unit: Unit) -> Option<(Interval, Grain)> {
        let r = self.reference_or_publication()?;
        let first = Self::unit_of(r.interval.from, unit)?;
        match self.published {
            Some(day) if r.interval.to > first.0.to => Self::unit_of(day, unit),
            _ => Some(first),
        }
    }

    /// The `unit` of the reference that contains `d` ("that week" after a Tuesday).
    fn unit_of(d: NaiveDate, unit: Unit) -> Option<(Interval, Grain)> {
        Some(match unit {
            Unit::Day | Unit::Night => (calendar::day(d), Grain::Day),
            Unit::Week => (calendar::week_of(d)?, Grain::Week),
            Unit::Month => (calendar::month(d.year(), d.month())?, Grain::Month),
            Unit::Quarter => (
                calendar::quarter(d.year(), (d.month() - 1) / 3 + 1)?,
                Grain::Quarter,
            ),
            Unit::Year => (calendar::year(d.year())?, Grain::Year),
            Unit::Hour | Unit::Fortnight | Unit::Weekend | Unit::Decade => return None,
        })
    }

    /// "same day", "same week", "same period", "same quarter" (after "the" or "that"): the
    /// reference's unit ([`Tagger::same_unit_here`]), moved to the year a phrase right after it
    /// names: "the same period of 2018", "the same month last year", "the same quarter a year
    /// earlier" (a baseline of a comparison, as "the year-ago quarter" is).
    fn same_unit(&self, i: usize) -> Option<Match> {
        let m = self.same_unit_here(i)?;
        let k = m.last + 1;
        let (years, last) = match self.lex(k) {
            Some(Lex::Prep(Prep::Of | Prep::In)) => {
                let Some(y) = self.year_at(k + 1) else {
                    return Some(m);
                };
                (y - m.interval.from.year(), k + 1)
            }
            // "fell in December, down from the same month last year" in a January story: the
            // December a year before, as "a year earlier" is.
            Some(Lex::Last) if self.single(k + 1, Unit::Year) => (-1, k + 1),
            Some(Lex::A)
                if self.single(k + 1, Unit::Year)
                    && matches!(self.lex(k + 2), Some(Lex::Earlier | Lex::Ago)) =>
            {
                (-1, k + 2)
            }
            _ => return Some(m),
        };
        // With no date given before it, the period is the publication's day, which no one
        // compares with: "risen 84 percent over the same period last year" is of last year.
        if self.reference.get().is_none() {
            let y = m.interval.from.year().checked_add(years)?;
            return Some(self.comparison(last, calendar::year(y)?, Grain::Year));
        }
        let r = Ref {
            interval: m.interval,
            grain: m.grain,
            tok: m.last,
        };
        let (interval, grain) = Self::years_from(r, years)?;
        Some(self.comparison(last, interval, grain))
    }

    /// [`Tagger::same_unit`] without a year after it.
    fn same_unit_here(&self, i: usize) -> Option<Match> {
        let r = self.reference_or_publication()?;
        if self.word_is(i + 1, "period") || self.word_is(i + 1, "time") {
            if self.word_is(i + 1, "time") {
                return None; // "at the same time": simultaneity, not a date
            }
            return Some(self.grained(i + 1, r.interval, r.grain));
        }
        let (unit, false) = self.unit(i + 1)? else {
            return None;
        };
        let (interval, grain) = Self::unit_of(r.interval.from, unit)?;
        // "Voting ran last week. Two states vote on the same day.": the day is one of the
        // reference's, not known which; the first would be a claim the text does not make.
        if r.interval.to > interval.to {
            return Some(self.grained(i + 1, r.interval, r.grain));
        }
        Some(self.grained(i + 1, interval, grain))
    }

    /// "that day", "that same day", "that week", "that year", "that night", "that morning".
    fn that(&self, i: usize) -> Option<Match> {
        if self.lex(i + 1) == Some(Lex::Same) {
            return self.same_unit(i + 1);
        }
        if self.word_is(i + 1, "time") {
            return self.at_the_time(i, i + 1);
        }
        let r = self.reference.get()?;
        let (interval, grain) = match self.lex(i + 1)? {
            Lex::DayPart if r.grain == Grain::Day => (r.interval, Grain::Day),
            // "that day" needs a day to point at, "that month" a date within one month: after
            // "in 1987" or "in September", "that day" is a generic day ("redemptions are heavy
            // that day"), not January 1 or September 1.
            Lex::Unit {
                unit,
                plural: false,
            } => Self::unit_of(r.interval.from, unit)
                .filter(|(u, _)| u.from <= r.interval.to && r.interval.to <= u.to)?,
            _ => return None,
        };
        Some(self.grained(i + 1, interval, grain))
    }

    /// "the day", "the week", "the month", "the year" (`i` at the unit): the one of the last
    /// date given ("rose 2% on the day"), or of the anchor. Not before "of", "before", "after",
    /// "when", "that", a hyphen or a name ("the day of the vote", "the year-earlier quarter").
    fn the_unit(&self, i: usize, unit: Unit) -> Option<Match> {
        // "the week of March 6": the week that day falls in.
        if unit == Unit::Week
            && self.lex(i + 1) == Some(Lex::Prep(Prep::Of))
            && matches!(self.lex(i + 2), Some(Lex::Month { .. }))
            && self.cap(i + 2)
            && let Some(m) = self.month_first(i + 2, None)
            && m.grain == Grain::Day
        {
            let week = calendar::week_of(m.interval.from)?;
            return Some(self.grained(m.last, week, Grain::Week));
        }
        if unit == Unit::Year
            && let Some(m) = self.spelled_year(i + 1).or_else(|| {
                self.year_at(i + 1)
                    .and_then(|y| Some(self.at(i + 1, calendar::year(y)?)))
            })
        {
            return Some(m); // "the year 2000", "the year two thousand"
        }
        let blocked = match self.toks.get(i + 1).map(|t| t.kind) {
            None => false,
            Some(Kind::Word { lex, cap }) => {
                cap || matches!(
                    lex,
                    Lex::Prep(_) | Lex::That | Lex::Tense(_) | Lex::Ago | Lex::Earlier | Lex::Later
                ) || [
                    "when", "which", "who", "where", "in", "ended", "ending", "ahead",
                ]
                .iter()
                .any(|w| self.word_is(i + 1, w))
            }
            Some(Kind::Punct(c)) => matches!(c, '-' | '\'' | '\u{2019}'),
            Some(Kind::Num(_)) => true,
        };
        if blocked || self.prev_prep(i - 1).is_none() {
            return None;
        }
        let (interval, grain) = self.unit_of_reference(unit)?;
        Some(self.grained(i, interval, grain))
    }

    /// "until then", "by then", "since then", "before then": the last date given, if it was given
    /// in this sentence or the one before ("terminate on Nov. 30. Until then, ..."); a "then"
    /// further from its date is left alone, and so is "then-" ("appointed by then-President
    /// Putin": who held the office, not when).
    fn then(&self, i: usize) -> Option<Match> {
        if !matches!(
            self.prev_prep(i),
            Some(Prep::Until | Prep::By | Prep::Since | Prep::Before)
        ) || self.hyphen(i + 1)
        {
            return None;
        }
        let r = self.reference.get().filter(|r| self.near(r.tok, i))?;
        Some(self.grained(i, r.interval, r.grain))
    }

    /// "at the time", "at that time" (`i` at "the"/"that", `k` at "time"): the last date given.
    fn at_the_time(&self, i: usize, k: usize) -> Option<Match> {
        // Not "at the time Howes was captured": a clause says which time.
        let clause = self.cap(k + 1) && !self.starts_sentence(k + 1);
        if self.prev_prep(i) != Some(Prep::At) || clause {
            return None;
        }
        let r = self.reference.get()?;
        Some(self.grained(k, r.interval, r.grain))
    }

    /// "the future", "the near future" (`i` at "the"): the next ten years, vague.
    fn future(&self, i: usize) -> Option<Match> {
        let last = if self.word_is(i + 1, "near") {
            i + 2
        } else {
            i + 1
        };
        // Not "the future of our peoples": a noun, not a time.
        if !self.word_is(last, "future")
            || self.prev_prep(i).is_none()
            || self.lex(last + 1) == Some(Lex::Prep(Prep::Of))
        {
            return None;
        }
        let d = self.anchor_day()?;
        let years = if last == i + 2 { 1 } else { 10 };
        Some(self.vague(last, calendar::span(d, calendar::add_years(d, years)?)?))
    }

    /// "the past" after a preposition ("in the past", `i` at "past"): the ten years before,
    /// vague.
    fn the_past(&self, i: usize) -> Option<Match> {
        if self.prev_prep(i - 1).is_none()
            || self.word_is(i + 1, "of")
            || self.lex(i + 1) == Some(Lex::Century)
        {
            return None;
        }
        let d = self.anchor_day()?;
        Some(self.vague(i, calendar::span(calendar::add_years(d, -10)?, d)?))
    }

    /// "latest quarter", "latest period", "quarter" (after "the"): the quarter named last if any,
    /// else the last quarter over by the anchor.
    fn latest_quarter(&self, i: usize) -> Option<Match> {
        let period = self.word_is(i + 1, "period");
        if !(period || self.single(i + 1, Unit::Quarter)) {
            return None;
        }
        // "the quarter", "the period": the one under discussion; "the latest quarter": the last
        // one over.
        let latest = self.lex(i) == Some(Lex::Latest);
        let q = match self.reference.get().filter(|r| r.grain == Grain::Quarter) {
            Some(r) if !latest => r.interval,
            _ => {
                let d = calendar::add_months(self.anchor_day()?, -3)?;
                calendar::quarter(d.year(), (d.month() - 1) / 3 + 1)?
            }
        };
        let _ = period;
        Some(
            self.year_ago_after(i + 1, q)
                .unwrap_or_else(|| self.grained(i + 1, q, Grain::Quarter)),
        )
    }

    /// "a year ago", "a year earlier" after a quarter ending at `last` ("the quarter a year
    /// ago", "the third quarter a year earlier"): that quarter a year back, one comparison.
    fn year_ago_after(&self, last: usize, quarter: Interval) -> Option<Match> {
        let ago = self.lex(last + 1) == Some(Lex::A)
            && self.single(last + 2, Unit::Year)
            && matches!(self.lex(last + 3), Some(Lex::Ago | Lex::Earlier));
        if !ago {
            return None;
        }
        let r = Ref {
            interval: quarter,
            grain: Grain::Quarter,
            tok: last,
        };
        let (interval, grain) = Self::year_before(r)?;
        Some(self.comparison(last + 3, interval, grain))
    }

    /// "current quarter", "current year", "current month", "current week" (after "the").
    fn current_unit(&self, i: usize) -> Option<Match> {
        // "the current fiscal year".
        let k = if self.lex(i + 1) == Some(Lex::Fiscal) {
            i + 2
        } else {
            i + 1
        };
        let (unit, false) = self.unit(k)? else {
            return None;
        };
        let (interval, grain) = Self::unit_of(self.anchor_day()?, unit)?;
        Some(self.grained(k, interval, grain))
    }

    /// "would" stands before token `i` in its sentence, within a few words: a future told
    /// from a past time.
    fn would_before(&self, i: usize) -> bool {
        const REACH: usize = 20;
        let mut k = i;
        for _ in 0..REACH {
            if k == 0 || self.starts_sentence(k) {
                return false;
            }
            k -= 1;
            if self.word_is(k, "would") {
                return true;
            }
        }
        false
    }

    /// "end of 1990", "end of the year", "end of this week", "beginning of March" (`i` at
    /// "end"/"beginning", after "the"): the last or first part of it.
    fn end_of(&self, i: usize) -> Option<Match> {
        if self.lex(i + 1) != Some(Lex::Prep(Prep::Of)) {
            return None;
        }
        let k = i + 2;
        let whole = match self.lex(k) {
            Some(Lex::The)
                if self.single(k + 1, Unit::Year)
                    || self.single(k + 1, Unit::Month)
                    || self.single(k + 1, Unit::Week)
                    || self.single(k + 1, Unit::Quarter) =>
            {
                let (unit, _) = self.unit(k + 1)?;
                let (interval, grain) = match (self.unit_of_reference(unit)?, self.published) {
                    // "plans to install cameras by the end of the year" after "last year ...":
                    // a plan's year is not one over by publication, but publication's (not a
                    // plan told of then: "learned Nov. 13 that the center would close at the
                    // end of the year", the year of its sentence's date or of "would").
                    ((interval, _), Some(day))
                        if interval.to < day
                            && self.tense(i, k + 1) == Tense::Future
                            && self.reference.get().is_none_or(|r| {
                                i.saturating_sub(r.tok) > 60
                                    || (r.tok + 1..=i).any(|j| self.starts_sentence(j))
                            })
                            && !self.would_before(i) =>
                    {
                        Self::unit_of(day, unit)?
                    }
                    (whole, _) => whole,
                };
                self.grained(k + 1, interval, grain)
            }
            // "by the end of year", "at the end of month" (written without the second "the"):
            // as with it (not "the end of year two", "the end of year-long talks").
            Some(Lex::Unit {
                unit: unit @ (Unit::Year | Unit::Month),
                plural: false,
            }) if self.num(k + 1).is_none()
                && !self.hyphen(k + 1)
                && !matches!(self.lex(k + 1), Some(Lex::Count(_) | Lex::Ordinal(_))) =>
            {
                let (interval, grain) = self.unit_of_reference(unit)?;
                self.grained(k, interval, grain)
            }
            // Not "the end of the end of …": one level, so the recursion is bounded.
            Some(Lex::The) if matches!(self.lex(k + 1), Some(Lex::End | Lex::Beginning)) => {
                return None;
            }
            _ => self.match_at(k)?,
        };
        if whole.vague {
            return None;
        }
        let (from, to) = (whole.interval.from, whole.interval.to);
        let len = (to - from).num_days();
        let part = (len / 4).max(i64::from(len >= 6));
        let interval = if self.lex(i) == Some(Lex::End) {
            calendar::span(calendar::add_days(to, -part)?, to)?
        } else {
            calendar::span(from, calendar::add_days(from, part)?)?
        };
        Some(self.grained(whole.last, interval, Grain::Span))
    }

    /// "year-earlier", "year-ago" (as in "the year-earlier quarter", "from $5 a year-ago"): the
    /// reference a year back; "year-end", "year end", "year's end": the end of the anchor's year.
    fn year_earlier(&self, i: usize) -> Option<Match> {
        if let Some(end) = self.year_end_at(i) {
            // "by year-end": December 31 of the anchor's year; "since year-end": the last one.
            // A fiscal year ends when the company says.
            if i > 0 && self.lex(i - 1) == Some(Lex::Fiscal) {
                return None;
            }
            let a = self.anchor_day()?;
            let mut day = NaiveDate::from_ymd_opt(a.year(), 12, 31)?;
            if self.prev_prep(i) == Some(Prep::Since) {
                day = NaiveDate::from_ymd_opt(a.year() - 1, 12, 31)?;
            }
            return Some(self.at(end, calendar::day(day)));
        }
        if !(self.hyphen(i + 1) && matches!(self.lex(i + 2)?, Lex::Earlier | Lex::Ago)) {
            return None;
        }
        let mut last = i + 2;
        // "the year-ago third quarter": that quarter of the year before.
        if matches!(self.lex(last + 1), Some(Lex::Ordinal(_)))
            && let Some(m) = self.ordinal_period(last + 1, None)
        {
            let r = Ref {
                interval: m.interval,
                grain: m.grain,
                tok: m.last,
            };
            let (interval, grain) = Self::year_before(r)?;
            return Some(self.comparison(m.last, interval, grain));
        }
        let mut r = self
            .past_reference
            .get()
            .or(self.reference_or_publication())?;
        if self.single(last + 1, Unit::Quarter) {
            last += 1;
            // "the year-ago quarter" after a day or month: the quarter holding it; with no date
            // given yet, the quarter last over (as "the quarter").
            if matches!(r.grain, Grain::Day | Grain::Week | Grain::Month) {
                let d = if self.reference.get().is_some() {
                    r.interval.from
                } else {
                    calendar::add_months(r.interval.from, -3)?
                };
                r.interval = calendar::quarter(d.year(), (d.month() - 1) / 3 + 1)?;
                r.grain = Grain::Quarter;
            }
        } else if self.word_is(last + 1, "period") {
            last += 1;
        }
        let (interval, grain) = Self::year_before(r)?;
        Some(self.comparison(last, interval, grain))
    }

    /// A day part with no day named ("by mid-afternoon", "in the morning"; `i` its first token,
    /// `k` the day part): of the day the text gave last, in this sentence or the one before,
    /// else of the anchor day.
    fn bare_day_part(&self, i: usize, k: usize) -> Option<Match> {
        Some(self.at(k, self.day_spoken_of(i)?))
    }

    /// "year-end", "year end", "year's end" (`i` at "year"): the index of "end".
    fn year_end_at(&self, i: usize) -> Option<usize> {
        let k = if self.hyphen(i + 1) {
            i + 2
        } else if matches!(self.punct(i + 1), Some('\'' | '\u{2019}'))
            && self.adjacent(i + 1)
            && self.adjacent(i + 2)
            && self.word_is(i + 2, "s")
        {
            i + 3
        } else {
            i + 1
        };
        (self.lex(k) == Some(Lex::End) && (k == i + 2 || !self.adjacent(k))).then_some(k)
    }

    /// The reference shifted one year back, in its own unit.
    fn year_before(r: Ref) -> Option<(Interval, Grain)> {
        Self::years_from(r, -1)
    }

    /// The reference `r` moved by `years` whole years, at its grain.
    fn years_from(r: Ref, years: i32) -> Option<(Interval, Grain)> {
        let from = calendar::add_years(r.interval.from, years)?;
        let interval = match r.grain {
            Grain::Day => calendar::day(from),
            Grain::Week => calendar::week_of(from)?,
            Grain::Month => calendar::month(from.year(), from.month())?,
            Grain::Year => calendar::year(from.year())?,
            Grain::Quarter | Grain::Season | Grain::Span => {
                let to = calendar::add_years(r.interval.to, years)?;
                let to = if r.grain == Grain::Span {
                    to
                } else {
                    calendar::last_of_month(to)?
                };
                calendar::span(from, to)?
            }
        };
        Some((interval, r.grain))
    }

    // ---- this/last/next ------------------------------------------------------------------

    /// "this week", "last month", "next year", "last Tuesday", "next Tuesday", "last April",
    /// "last night", "this morning", "Last year, in October", "last 10 days", "this quarter",
    /// "last fall", "this past spring", "next weekend", "last Christmas".
    fn this_last_next(&self, i: usize, which: Lex) -> Option<Match> {
        let step: i32 = match which {
            Lex::Last => -1,
            Lex::Next => 1,
            _ => 0,
        };
        // "the last week of April", "the last year": rolling periods, see `past_n`.
        if which == Lex::Last && i > 0 && self.lex(i - 1) == Some(Lex::The) {
            return None;
        }
        // "this past spring", "this past weekend": the last one.
        if which == Lex::This
            && self.lex(i + 1) == Some(Lex::Past)
            && let Some(
                Lex::Season(_)
                | Lex::Weekday(_)
                | Lex::Month { .. }
                | Lex::Unit {
                    unit: Unit::Weekend,
                    plural: false,
                },
            ) = self.lex(i + 2)
        {
            return self.this_last_next(i + 1, Lex::Last);
        }
        let k = if which == Lex::Past { i } else { i + 1 };
        let next_cap = matches!(self.toks.get(k)?.kind, Kind::Word { cap: true, .. });
        // "This Week With David Brinkley": a capitalised unit is a title's.
        if next_cap && self.unit(k).is_some() {
            return None;
        }
        let anchor = self.anchor_day()?;
        match self.lex(k) {
            Some(Lex::Unit {
                unit,
                plural: false,
            }) => {
                let (interval, grain) = match unit {
                    Unit::Year => {
                        let y = anchor.year() + step;
                        if step == -1
                            && let Some(m) = self.in_month_of(k + 1, y)
                        {
                            return Some(m);
                        }
                        if let Some(m) = self.period_of_year(k + 1, y) {
                            return Some(m);
                        }
                        (calendar::year(y)?, Grain::Year)
                    }
                    Unit::Night if step <= 0 => (
                        calendar::day(calendar::add_days(anchor, i64::from(step))?),
                        Grain::Day,
                    ),
                    Unit::Night | Unit::Hour | Unit::Day | Unit::Fortnight => return None,
                    // "were held this weekend" in a story of a Wednesday: the one just past.
                    Unit::Weekend
                        if step == 0
                            && matches!(self.tense(i, k), Tense::Past | Tense::PastAdjacent) =>
                    {
                        (last_weekend(anchor)?, Grain::Span)
                    }
                    Unit::Weekend if step == -1 => (last_weekend(anchor)?, Grain::Span),
                    Unit::Weekend => {
                        let sat = calendar::add_days(
                            calendar::weekday_on_or_after(Weekday::Sat, anchor)?,
                            7 * i64::from(step),
                        )?;
                        (
                            calendar::span(sat, calendar::add_days(sat, 1)?)?,
                            Grain::Span,
                        )
                    }
                    Unit::Decade => {
                        let start = anchor.year() - anchor.year().rem_euclid(10) + 10 * step;
                        (calendar::years(start, start + 9)?, Grain::Span)
                    }
                    unit => Self::unit_from(anchor, unit, step)?,
                };
                Some(self.grained(k, interval, grain))
            }
            Some(Lex::DayPart) if step == 0 => Some(self.at(k, calendar::day(anchor))),
            Some(Lex::Weekday(wd)) if next_cap && step != 0 => {
                let d = if step < 0 {
                    calendar::weekday_before(wd, anchor)?
                } else {
                    calendar::weekday_after(wd, anchor)?
                };
                Some(self.at(self.day_part_after(k), calendar::day(d)))
            }
            Some(Lex::Month { .. }) if next_cap => {
                let (month, mlast) = self.month_at(k, false)?;
                if self.day_at(mlast + 1).is_some() {
                    return None; // "this April 4": let the date speak
                }
                let pub_month = anchor.month();
                let y = anchor.year();
                // "last February" in March is the year before: the month just over would be
                // "last month" (and "next April" in March the April after next month).
                let year = match step {
                    -1 if month + 1 < pub_month => y,
                    -1 => y - 1,
                    1 if month > pub_month + 1 => y,
                    1 => y + 1,
                    _ => y,
                };
                Some(self.at(mlast, calendar::month(year, month)?))
            }
            Some(Lex::Season(s)) => {
                let cands = [anchor.year() - 1, anchor.year(), anchor.year() + 1]
                    .map(|y| calendar::season(y, s));
                let cands = cands.iter().flatten();
                let interval = match step {
                    // The last one over by the anchor.
                    -1 => cands.filter(|c| c.to < anchor).max_by_key(|c| c.from),
                    1 => cands.filter(|c| c.from > anchor).min_by_key(|c| c.from),
                    // The one under way, else the one of the anchor's year.
                    _ => cands
                        .clone()
                        .find(|c| c.from <= anchor && anchor <= c.to)
                        .or_else(|| cands.clone().find(|c| c.from.year() == anchor.year())),
                }?;
                Some(self.grained(k, *interval, Grain::Season))
            }
            Some(Lex::Holiday(h)) if next_cap && step != 0 => {
                let m = self.holiday(k, h)?;
                Some(m)
            }
            Some(Lex::Count(_)) | None if which == Lex::Last => self.past_n(i),
            _ => None,
        }
    }

    /// ", in October" after "last year" (`i` at the comma or "in"): that month of `year`.
    fn in_month_of(&self, mut i: usize, year: i32) -> Option<Match> {
        if self.punct(i) == Some(',') {
            i += 1;
        }
        if self.lex(i) != Some(Lex::Prep(Prep::In)) {
            return None;
        }
        self.month_first(i + 1, Some(year))
    }

    /// "earlier this month", "later this week", "later this afternoon", "earlier that day",
    /// "later that year" (from or to the reference), "earlier in the day".
    fn earlier_later(&self, i: usize, which: Lex) -> Option<Match> {
        let earlier = which == Lex::Earlier;
        match self.lex(i + 1)? {
            // "earlier in the year", "later in the day": that unit of the last date given.
            Lex::Prep(Prep::In) if self.lex(i + 2) == Some(Lex::The) => {
                let (unit, false) = self.unit(i + 3)? else {
                    return None;
                };
                let (interval, grain) = self.unit_of_reference(unit)?;
                Some(self.grained(i + 3, interval, grain))
            }
            // "earlier this month": the month, as "this month" is ("earlier" places the event
            // in it, it does not name a new period).
            Lex::This => {
                let anchor = self.anchor_day()?;
                let (period, grain) = match self.lex(i + 2)? {
                    Lex::DayPart => return Some(self.at(i + 2, calendar::day(anchor))),
                    Lex::Unit {
                        unit,
                        plural: false,
                    } => Self::unit_of(anchor, unit)?,
                    _ => return None,
                };
                Some(self.grained(i + 2, period, grain))
            }
            Lex::That => {
                let r = self.reference.get()?;
                let (period, _) = match self.lex(i + 2)? {
                    Lex::DayPart
                    | Lex::Unit {
                        unit: Unit::Night, ..
                    } => (calendar::day(r.interval.from), Grain::Day),
                    Lex::Unit {
                        unit,
                        plural: false,
                    } => Self::unit_of(r.interval.from, unit)?,
                    _ => return None,
                };
                let interval = if earlier {
                    calendar::span(period.from, r.interval.from)?
                } else {
                    calendar::span(r.interval.to.min(period.to), period.to)?
                };
                let grain = if interval.from == interval.to {
                    Grain::Day
                } else {
                    Grain::Span
                };
                let interval = if grain == Grain::Day {
                    calendar::day(interval.from)
                } else {
                    interval
                };
                Some(self.grained(i + 2, interval, grain))
            }
            _ => None,
        }
    }

    /// "early April", "mid-April", "late April 2019", "early 2019", "the mid-1990s", "early
    /// Monday", "late yesterday", "early next year", "late last week".
    fn part_of(&self, i: usize, part: Part) -> Option<Match> {
        let mut k = i + 1;
        if self.adjacent(k) && matches!(self.punct(k), Some('-' | '\u{2010}' | '\u{2011}')) {
            k += 1;
        }
        if let Some((month, mlast)) = self.month_at(k, false) {
            if self.day_at(mlast + 1).is_some() {
                return None; // "late April 4"? not a form we know
            }
            let (year, year_last) = self.trailing_year(mlast + 1, None);
            let whole = match year {
                Some(y) => calendar::month(y, month)?,
                None => self.choose(i, mlast, |y| calendar::month(y, month))?,
            };
            let (year, month) = (whole.from.year(), whole.from.month());
            let (from, to) = match part {
                Part::Early => (1, 10),
                Part::Mid => (11, 20),
                Part::Late => (21, whole.to.day()),
            };
            let interval = calendar::span(
                NaiveDate::from_ymd_opt(year, month, from)?,
                NaiveDate::from_ymd_opt(year, month, to)?,
            )?;
            return Some(self.grained(year_last.unwrap_or(mlast), interval, Grain::Span));
        }
        if let Some(y) = self.year_value(k) {
            let (from, to) = match part {
                Part::Early => ((1, 1), (4, 30)),
                Part::Mid => ((5, 1), (8, 31)),
                Part::Late => ((9, 1), (12, 31)),
            };
            let interval = calendar::span(
                NaiveDate::from_ymd_opt(y, from.0, from.1)?,
                NaiveDate::from_ymd_opt(y, to.0, to.1)?,
            )?;
            return Some(self.grained(k, interval, Grain::Span));
        }
        // "mid-afternoon yesterday", "early morning Tuesday": the day; "by mid-afternoon": the
        // day the text speaks of.
        if self.lex(k) == Some(Lex::DayPart) {
            if let Some(Lex::Weekday(_) | Lex::Yesterday | Lex::Today | Lex::Tomorrow) =
                self.lex(k + 1)
                && let Some(m) = self.match_at(k + 1)
            {
                return Some(self.at(m.last, m.interval));
            }
            return self.bare_day_part(i, k);
        }
        // A decade ("mid-1990s"), a day ("early Monday", "late yesterday"), a period ("early
        // next year", "late last week"): the matching part of it.
        if self.prev_prep(k) == Some(Prep::On) || self.lex(k) == Some(Lex::Prep(Prep::On)) {
            k += usize::from(self.lex(k) == Some(Lex::Prep(Prep::On)));
        }
        let whole = match self.lex(k) {
            Some(
                Lex::Weekday(_)
                | Lex::Yesterday
                | Lex::Today
                | Lex::Tomorrow
                | Lex::This
                | Lex::Last
                | Lex::Next
                | Lex::Season(_),
            ) => self.match_at(k)?,
            _ if matches!(self.toks.get(k).map(|t| t.kind), Some(Kind::Num(n)) if n.decade) => {
                self.decade(k)?
            }
            // "the early nineties"
            Some(Lex::Other) => self.spelled_decade(k)?,
            _ => return None,
        };
        if whole.vague {
            return None;
        }
        let (from, to) = (whole.interval.from, whole.interval.to);
        let len = (to - from).num_days();
        if len == 0 {
            return Some(self.at(whole.last, whole.interval));
        }
        let third = len / 3;
        let interval = match part {
            Part::Early => calendar::span(from, calendar::add_days(from, third)?)?,
            Part::Mid => calendar::span(
                calendar::add_days(from, third)?,
                calendar::add_days(to, -third)?,
            )?,
            Part::Late => calendar::span(calendar::add_days(to, -third)?, to)?,
        };
        Some(self.grained(whole.last, interval, Grain::Span))
    }

    // ---- counts ---------------------------------------------------------------------------

    /// A small count at `i`: "a", "two", "10". Returns the count.
    fn count_at(&self, i: usize) -> Option<u32> {
        match self.toks.get(i)?.kind {
            Kind::Word { lex: Lex::A, .. } => Some(1),
            // Not the last word of "twenty-four", which counts no four.
            Kind::Word {
                lex: Lex::Count(n), ..
            } if !(i > 0 && self.hyphen(i - 1)) => Some(n),
            Kind::Num(n)
                if !n.glued && n.digits <= 3 && self.clean_before(i) && self.clean_after(i) =>
            {
                Some(n.value)
            }
            _ => None,
        }
    }

    /// A count and its unit at `i`: [`Tagger::ago`], [`Tagger::later_earlier_n`],
    /// [`Tagger::in_n_units`]. Each reads a unit after the count ("a few" before it in "a few
    /// years ago"): where neither a unit nor "few" follows, as after most counts and most "a"s
    /// ("a man"), none is asked.
    fn counted_units(&self, i: usize) -> Option<Match> {
        if self.unit(i + 1).is_none() && self.lex(i + 1) != Some(Lex::Few) {
            return None;
        }
        self.ago(i)
            .or_else(|| self.later_earlier_n(i))
            .or_else(|| self.in_n_units(i))
    }

    /// `n` units back from `published`, as the start of a rolling period.
    fn back(published: NaiveDate, n: u32, unit: Unit) -> Option<NaiveDate> {
        Self::shift(published, -i64::from(n), unit)
    }

    /// The day `n` units after `published` (before it where `n` is negative; hours as whole
    /// days).
    fn shift(published: NaiveDate, n: i64, unit: Unit) -> Option<NaiveDate> {
        let months = |k: i64| calendar::add_months(published, i32::try_from(k).ok()?);
        match unit {
            Unit::Hour => calendar::add_days(published, n.signum() * ((n.abs() + 23) / 24)),
            Unit::Day | Unit::Night => calendar::add_days(published, n),
            Unit::Week | Unit::Weekend => calendar::add_days(published, 7 * n),
            Unit::Fortnight => calendar::add_days(published, 14 * n),
            Unit::Month => months(n),
            Unit::Quarter => months(3 * n),
            Unit::Year => months(12 * n),
            Unit::Decade => months(120 * n),
        }
    }

    /// "two nights ago", "three days ago", "a week ago", "two months ago", "a year ago", "a few
    /// years ago" (vague); "a year ago" right after a quarter or period is that period a year
    /// back.
    fn ago(&self, i: usize) -> Option<Match> {
        let few = self.lex(i) == Some(Lex::A) && self.lex(i + 1) == Some(Lex::Few)
            || self.lex(i) == Some(Lex::Few);
        let (n, unit_at) = if few {
            (
                7,
                if self.lex(i) == Some(Lex::Few) {
                    i + 1
                } else {
                    i + 2
                },
            )
        } else {
            (self.count_at(i)?, i + 1)
        };
        let (unit, _) = self.unit(unit_at)?;
        // "a week or so ago": as "a week ago".
        let or_so = self.word_is(unit_at + 1, "or") && self.word_is(unit_at + 2, "so");
        let unit_at = if or_so { unit_at + 2 } else { unit_at };
        if self.lex(unit_at + 1) != Some(Lex::Ago) {
            return None;
        }
        let anchor = self.anchor_day()?;
        // "half a year ago": six months back.
        if n == 1 && unit == Unit::Year && i > 0 && self.lex(i - 1) == Some(Lex::Half) {
            let then = Self::back(anchor, 6, Unit::Month)?;
            return Some(self.at(unit_at + 1, calendar::month(then.year(), then.month())?));
        }
        let then = Self::back(anchor, n, unit)?;
        if few {
            let near = Self::back(anchor, 2, unit)?;
            return Some(self.vague(unit_at + 1, calendar::span(then, near)?));
        }
        if n == 1
            && unit == Unit::Year
            && let Some(r) = self.reference.get()
            && matches!(r.grain, Grain::Quarter | Grain::Span)
            && self.near(r.tok, i)
        {
            let (interval, grain) = Self::year_before(r)?;
            return Some(self.comparison(unit_at + 1, interval, grain));
        }
        let interval = match unit {
            Unit::Hour | Unit::Day | Unit::Night | Unit::Week | Unit::Fortnight | Unit::Weekend => {
                calendar::day(then)
            }
            Unit::Month => calendar::month(then.year(), then.month())?,
            Unit::Quarter => calendar::quarter(then.year(), (then.month() - 1) / 3 + 1)?,
            // "a year ago": the day a year back (news writes it for "at this time last year").
            Unit::Year if n == 1 => {
                return Some(self.comparison(unit_at + 1, calendar::day(then), Grain::Day));
            }
            Unit::Year => calendar::year(then.year())?,
            Unit::Decade => calendar::years(then.year(), then.year())?,
        };
        Some(self.at(unit_at + 1, interval))
    }

    /// "two days later", "a year earlier", "48 hours later", "two days before" … from the
    /// reference: "a week later" after a Tuesday is the Tuesday after.
    fn later_earlier_n(&self, i: usize) -> Option<Match> {
        let n = self.count_at(i)?;
        let (unit, _) = self.unit(i + 1)?;
        let step = match self.lex(i + 2)? {
            // "Two days before, engineers had ...", "a week after.": from the last date given
            // where the phrase ends there; "two days before the vote" from the vote's below.
            Lex::Later | Lex::Prep(Prep::After) => 1,
            Lex::Earlier | Lex::Prep(Prep::Before) => -1,
            _ => return None,
        };
        // "two days after the vote", "a week before the election": from the happening's date,
        // where the text gives it.
        let r = if matches!(self.lex(i + 2), Some(Lex::Prep(_))) && !self.phrase_ends_at(i + 2) {
            let r = self.happening_time(i + 2)?;
            // "13 days after the bombings this month": days from a month or a year are no day
            // the text says.
            let small = matches!(
                unit,
                Unit::Hour | Unit::Day | Unit::Night | Unit::Week | Unit::Fortnight
            );
            if small && r.grain != Grain::Day {
                return None;
            }
            r
        } else {
            let r = self.reference_or_publication()?;
            // "resumed on June 7 after a blockade imposed in January, but shut a day later":
            // days from a month are no day the text says; the last day given, in this sentence
            // or the one before, is the one counted from.
            let small = matches!(
                unit,
                Unit::Hour | Unit::Day | Unit::Night | Unit::Week | Unit::Fortnight
            );
            if small && r.grain != Grain::Day {
                match self.day_reference.get().filter(|d| self.near(d.tok, i)) {
                    Some(d) => d,
                    // "The dam burst in May 2005. Two days later, ...": no day, but that many
                    // days into the month or the year named, an honest bound; where the month
                    // or the year is of this sentence or the one before, the phrase is not
                    // restated by a day after it ("a day later, on March 11") and does not
                    // tell what is still to come ("will return 13 days later").
                    None if matches!(r.grain, Grain::Month | Grain::Year)
                        && matches!(self.lex(i + 2), Some(Lex::Later | Lex::Earlier))
                        && self.near(r.tok, i)
                        && self.published.is_none_or(|p| r.interval.from <= p)
                        && !(matches!(self.punct(i + 3), Some(',' | ':' | '(' | '\u{2014}'))
                            && (self.word_is(i + 4, "on")
                                || self.num(i + 4).is_some()
                                || matches!(
                                    self.lex(i + 4),
                                    Some(Lex::Weekday(_) | Lex::Month { .. })
                                )))
                        && self.tense(i, i + 2) != Tense::Future =>
                    {
                        let days = match unit {
                            Unit::Hour => i64::from(n / 24),
                            Unit::Day | Unit::Night => i64::from(n),
                            Unit::Week => 7 * i64::from(n),
                            _ => 14 * i64::from(n),
                        } * i64::from(step);
                        let interval = calendar::span(
                            calendar::add_days(r.interval.from, days)?,
                            calendar::add_days(r.interval.to, days)?,
                        )?;
                        return Some(self.vague(i + 2, interval));
                    }
                    None => return None,
                }
            } else {
                r
            }
        };
        if n == 1 && unit == Unit::Year && step == -1 {
            let (interval, grain) = Self::year_before(r)?;
            return Some(self.comparison(i + 2, interval, grain));
        }
        let n = i32::try_from(n).ok()?.checked_mul(step)?;
        let base = r.interval.from;
        let (interval, grain) = match unit {
            // "48 hours later": the whole days of it ("12 hours later" the same day).
            Unit::Hour => (
                calendar::day(calendar::add_days(base, i64::from(n / 24))?),
                Grain::Day,
            ),
            Unit::Day | Unit::Night => (
                calendar::day(calendar::add_days(base, i64::from(n))?),
                Grain::Day,
            ),
            Unit::Week => (
                calendar::day(calendar::add_days(base, 7 * i64::from(n))?),
                Grain::Day,
            ),
            Unit::Fortnight => (
                calendar::day(calendar::add_days(base, 14 * i64::from(n))?),
                Grain::Day,
            ),
            Unit::Month => {
                let d = calendar::add_months(base, n)?;
                (calendar::month(d.year(), d.month())?, Grain::Month)
            }
            Unit::Year => {
                let d = calendar::add_years(base, n)?;
                match r.grain {
                    Grain::Day => (calendar::day(d), Grain::Day),
                    _ => (calendar::year(d.year())?, Grain::Year),
                }
            }
            _ => return None,
        };
        Some(self.grained(i + 2, interval, grain))
    }

    /// "in five years", "in two weeks" in a future clause ("will be repaid in five years"):
    /// that many units after the anchor, in that unit. Not "the first rise in five years", "the
    /// highest in two weeks" (a span back), nor in a clause that is not future.
    fn in_n_units(&self, i: usize) -> Option<Match> {
        if self.prev_prep(i) != Some(Prep::In) {
            return None;
        }
        let n = i32::try_from(self.count_at(i)?).ok()?;
        let (unit, plural) = self.unit(i + 1)?;
        if plural != (n != 1)
            || matches!(self.lex(i + 2), Some(Lex::Ago | Lex::Earlier | Lex::Later))
        {
            return None;
        }
        // The noun phrase before "in": "the first rise", "the biggest drop", "a record high".
        let span_back = (i.saturating_sub(4)..i.saturating_sub(1)).any(|k| {
            let w = self.word(k);
            w.ends_with("est") || ["first", "time", "record", "high", "low"].contains(&w)
        });
        if span_back || self.tense(i, i + 1) != Tense::Future {
            return None;
        }
        if !matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year) {
            return None;
        }
        let (interval, grain) = Self::unit_from(self.anchor_day()?, unit, n)?;
        Some(self.grained(i + 1, interval, grain))
    }

    /// "the past two weeks", "the last 10 days", "the past week", "past 24 hours", "the past few
    /// days" (vague), "the past year" (`i` at "past" or "last"; the mention starts one token
    /// earlier when that is "the").
    fn past_n(&self, i: usize) -> Option<Match> {
        if !matches!(self.lex(i)?, Lex::Past | Lex::Last) {
            return None;
        }
        let few = self.lex(i + 1) == Some(Lex::Few);
        let (n, unit_at) = match self.count_at(i + 1) {
            _ if few => (7, i + 2),
            Some(n) => (n, i + 2),
            None => (1, i + 1),
        };
        let (unit, plural) = self.unit(unit_at)?;
        let of = self.lex(unit_at + 1) == Some(Lex::Prep(Prep::Of));
        if (unit_at == i + 1 && plural) || (of && !plural) {
            return None; // "the past weeks" is vague; "the last week of April" is not rolling
        }
        let anchor = self.anchor_day()?;
        // "the past weekend": the last one, not the last seven days.
        if unit == Unit::Weekend && unit_at == i + 1 {
            return Some(self.grained(unit_at, last_weekend(anchor)?, Grain::Span));
        }
        let from = Self::back(anchor, n, unit)?;
        let interval = calendar::span(from, anchor)?;
        if few {
            return Some(self.vague(unit_at, interval));
        }
        Some(self.grained(unit_at, interval, Grain::Span))
    }

    /// "the next two weeks", "the next 48 hours", "the next few days", "the coming weeks",
    /// "the coming few months", "in coming days": the stretch from the anchor forward, which a
    /// sentence told of them speaks of as still to come (`i` at "next" or "coming", right after
    /// "the" or a preposition). Vague even with a count: it bounds a plan, it does not pin a
    /// happening down (a day of the saying beside it is the sentence's time). Not a single unit
    /// after "next" ("the next year" is often the year after a past one; "the coming week" is
    /// the week from the anchor) nor "the next two weeks of talks".
    fn next_n(&self, i: usize) -> Option<Match> {
        let few = self.lex(i + 1) == Some(Lex::Few);
        let (n, unit_at) = match self.count_at(i + 1) {
            _ if few => (7, i + 2),
            Some(n) => (n, i + 2),
            None => (7, i + 1),
        };
        let (unit, plural) = self.unit(unit_at)?;
        let one = !plural
            && unit_at == i + 1
            && self.lex(i) == Some(Lex::Coming)
            && !matches!(unit, Unit::Hour | Unit::Day | Unit::Night | Unit::Weekend);
        if !(plural || one) || self.lex(unit_at + 1) == Some(Lex::Prep(Prep::Of)) {
            return None;
        }
        let n = if one { 1 } else { n };
        let anchor = self.anchor_day()?;
        // "Last October, Putin invited him for a visit in the coming days": told after a time
        // the sentence gave well before the anchor, the stretch runs from then, a day the
        // sentence does not give.
        if let Some(r) = self.reference.get()
            && (anchor - r.interval.to).num_days() > NEXT_N_RECENT_DAYS
            && i.saturating_sub(r.tok) <= NEXT_N_REFERENCE_TOKENS
            && !(r.tok + 1..=i).any(|k| self.starts_sentence(k))
        {
            return None;
        }
        let interval = calendar::span(anchor, Self::shift(anchor, i64::from(n), unit)?)?;
        Some(self.vague(unit_at, interval))
    }
}

/// How many days before the anchor a time given earlier in the sentence may end and "the
/// coming days" still run from the anchor ([`Tagger::next_n`]: "said on Monday"), and how many
/// tokens back that time is looked for.
const NEXT_N_RECENT_DAYS: i64 = 7;
const NEXT_N_REFERENCE_TOKENS: usize = 40;

/// How many days after the first a list of days of the month may go on with
/// ([`Tagger::list_goes_on`]).
const MAX_LISTED_DAYS: usize = 6;

/// Lower-case words that may follow a day of the month alone and open another phrase ("on the
/// 12th when ...", "on the 3rd and again on the 9th").
const DAY_ALONE_FOLLOWERS: &[&str] = &[
    "after", "and", "as", "at", "before", "but", "during", "in", "or", "until", "when", "while",
];

/// Verbs that set a time for what they name ([`Tagger::past_verb_and_its_phrase`]).
const SETTING_VERBS: &[&str] = &[
    "announced",
    "called",
    "set",
    "scheduled",
    "planned",
    "proposed",
    "postponed",
    "delayed",
    "moved",
    "rescheduled",
    "fixed",
    "declared",
    "agreed",
    "approved",
    "ordered",
    "booked",
    "promised",
    "threatened",
    "vowed",
    "urged",
    "asked",
    "invited",
    "expected",
];

/// How far back, in tokens, [`Tagger::happening_time`] takes the last date given, and how far
/// around that date it reads its sentence for the happening.
const HAPPENING_REACH: usize = 160;
const HAPPENING_SENTENCE: usize = 40;

/// Kinds of happening, each by the first letters of the words that tell of it: "the blast" is
/// what "a bomb exploded" told, "the vote" what "went to the polls" told.
const HAPPENING_KINDS: &[&[&str]] = &[
    &["blast", "explo", "bomb", "deton"],
    &[
        "vote", "voting", "electi", "polls", "ballot", "referend", "runoff",
    ],
    &["quake", "earthq", "tremor"],
    &[
        "storm", "hurrican", "typhoon", "cyclone", "tornado", "landfall",
    ],
    &["attack", "assault", "raid", "ambush", "offensive"],
    &["crash", "collision", "collided", "derail"],
    &["flood", "deluge", "inundat"],
    &["fire", "blaze", "burn"],
    &["shooting", "gunfire", "gunman", "gunmen", "shot"],
    &["protest", "rally", "rallies", "demonstrat"],
    &["summit", "meeting", "talks"],
    &["verdict", "ruling", "ruled", "sentenc", "convict", "acquit"],
    &["killing", "killed", "murder", "stabbing", "stabbed"],
    &["arrest", "detain", "detention"],
    &["resign", "quit"],
    &["erupt", "volcan"],
    &["sank", "sinking", "capsiz", "shipwreck"],
    &["collapse"],
    &["match", "game", "final"],
    &["coup", "putsch"],
];

/// The lower-case noun `head` of "the day after the blast" and the word `word` of an earlier
/// sentence tell of the same happening: one kind of [`HAPPENING_KINDS`] holds both, or they
/// share their first five letters ("the hijacking", "was hijacked").
fn same_happening(head: &str, word: &str) -> bool {
    const STEM: usize = 5;
    if head.len() < 3 || word.len() < 3 {
        return false;
    }
    let starts = |w: &str, stem: &str| {
        w.get(..stem.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(stem))
    };
    if head.eq_ignore_ascii_case(word)
        || head.len() >= STEM
            && word.len() >= STEM
            && head.get(..STEM).is_some_and(|stem| starts(word, stem))
    {
        return true;
    }
    HAPPENING_KINDS.iter().any(|kind| {
        kind.iter().any(|stem| starts(head, stem)) && kind.iter().any(|stem| starts(word, stem))
    })
}

/// The last weekend before `anchor`: the Saturday before it and the Sunday after that (on a
/// Sunday, the weekend ending that day; on a Saturday, the one before).
fn last_weekend(anchor: NaiveDate) -> Option<Interval> {
    let sat = calendar::add_days(calendar::weekday_on_or_after(Weekday::Sat, anchor)?, -7)?;
    let sat = if sat >= anchor {
        calendar::add_days(sat, -7)?
    } else {
        sat
    };
    calendar::span(sat, calendar::add_days(sat, 1)?)
}

/// Finders of the weekdays' full names, Monday first ([`Tagger::weekday_by_its_clauses`]).
static WEEKDAY_FINDERS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 7]> =
    std::sync::LazyLock::new(|| WEEKDAY_NAMES.map(|d| memchr::memmem::Finder::new(d.as_bytes())));

/// Of the weekday `wd` on or before `published` and the one on or after it, the nearer, a coming
/// day counting twice as far as in [`Tagger::choose`] (news mostly reports what happened): one
/// or two days ahead.
fn nearer_weekday(wd: Weekday, published: NaiveDate) -> Option<NaiveDate> {
    let before = calendar::weekday_on_or_before(wd, published)?;
    let after = calendar::weekday_on_or_after(wd, published)?;
    Some(
        if 2 * (after - published).num_days() < (published - before).num_days() {
            after
        } else {
            before
        },
    )
}

/// Makers of cars, trucks and motorcycles whose names follow a model year in news of crashes
/// and thefts ([`Tagger::model_year`]).
const VEHICLE_MAKERS: &[&str] = &[
    "Acura",
    "Audi",
    "BMW",
    "Buick",
    "Cadillac",
    "Chevrolet",
    "Chevy",
    "Chrysler",
    "Dodge",
    "Fiat",
    "Ford",
    "GMC",
    "Harley",
    "Honda",
    "Hummer",
    "Hyundai",
    "Infiniti",
    "Isuzu",
    "Jaguar",
    "Jeep",
    "Kawasaki",
    "Kia",
    "Lexus",
    "Lincoln",
    "Mazda",
    "Mercedes",
    "Mercury",
    "Mini",
    "Mitsubishi",
    "Nissan",
    "Oldsmobile",
    "Peugeot",
    "Plymouth",
    "Pontiac",
    "Porsche",
    "Renault",
    "Saab",
    "Saturn",
    "Scion",
    "Subaru",
    "Suzuki",
    "Tesla",
    "Toyota",
    "Volkswagen",
    "Volvo",
    "Yamaha",
];

#[cfg(test)]
mod tests;
