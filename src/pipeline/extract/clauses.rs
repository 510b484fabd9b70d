//! The clauses of a sentence and their dates: which of a sentence's dates a place named in it
//! takes, where the sentence speaks of more than one time or dates a clause of its own ("the
//! envoy, who had visited Benghazi in December, flew to Tripoli").

use std::ops::Range;

use chrono::NaiveDate;

use super::dates::{DateMention, MONTH_NAMES, WEEKDAY_NAMES};
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
) -> Option<ClauseDate<'d>> {
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
    // The commas of a list of names the place stands in break no clause ("for talks with the
    // ministers of France, Germany, Italy and Britain": all four in the clause of the talks).
    let mut left = left.max(low);
    let (from, coordinate) = loop {
        match last_break(body, in_sentence, low..left) {
            Some(at) if list_comma(body, in_sentence, at, mention) => left = at,
            Some(at) => break (at + 1, opens_coordinate_clause(body, at)),
            None => break (low, false),
        }
    };
    let to = first_break(body, in_sentence, mention.end..high).unwrap_or(high);
    let first = in_sentence.partition_point(|m| m.start < from);
    let last = first + in_sentence.get(first..)?.partition_point(|m| m.end <= to);
    let dates = in_sentence.get(first..last)?;
    let dates = time_clause(body, dates, from..to, mention)
        .filter(|d| !d.is_empty())
        .unwrap_or(dates);
    pick_date(body, dates, first_sentence, published)
        .filter(|m| !m.vague && !clock_time_only(body.get(m.start..m.end).unwrap_or("")))
        .map(|date| ClauseDate { date, coordinate })
}

/// The date of a place's clause ([`clause_date`]).
pub(super) struct ClauseDate<'d> {
    pub date: &'d DateMention,
    /// The clause is one of its own, after a semicolon or a comma and "and" or "but" ("Rebels
    /// entered Hama on Friday, and last week the army shelled Homs"): its time is another
    /// event's even where it holds the sentence's ("last week" around Friday), not a summary
    /// of it ("on Thursday, the fifth attack this month").
    pub coordinate: bool,
}

/// The clause break at `at` opens a clause of its own: a semicolon, or a comma before "and" or
/// "but".
fn opens_coordinate_clause(body: &str, at: usize) -> bool {
    body.get(at..at + 1) == Some(";")
        || body
            .get(at + 1..)
            .is_some_and(|rest| rest.starts_with(" and ") || rest.starts_with(" but "))
}

/// Within a clause `clause` that names two times (`dates`, its date mentions), the dates of
/// the part `mention` stands in where a word of [`TIME_WORDS`], or "and" before a past verb,
/// parts it from a date on the word's other side: "Police in Lyon arrested two men on Friday
/// after the attack in Nice on May 5" (Lyon on Friday, Nice on May 5), "Troops entered Gedo in
/// October 2011 and took Kismayo last year". `None` where the clause names one time or no such
/// word parts it. Reads the clause's bytes once (a clause is a few hundred bytes at most).
fn time_clause<'d>(
    body: &str,
    dates: &'d [DateMention],
    clause: Range<usize>,
    mention: &PlaceMention,
) -> Option<&'d [DateMention]> {
    let mut precise = dates.iter().filter(|m| !m.vague);
    let first = precise.next()?;
    if !precise.any(|m| m.interval != first.interval) {
        return None;
    }
    let bytes = body.as_bytes().get(clause.clone())?;
    let (mut low, mut high) = (clause.start, clause.end);
    for space in memchr::memchr_iter(b' ', bytes) {
        let at = clause.start + space + 1;
        let Some(word) = body.get(at..).and_then(|rest| rest.split(' ').next()) else {
            continue;
        };
        // (Not a word of a date: "the day before".) An "and" before a past verb or a modal
        // opens a predicate of its own ("entered Somalia in October 2011 and took Kismayo last
        // year", "would pass Haiti on Thursday and could reach Cuba on Friday").
        let parts = TIME_WORDS.contains(&word)
            || word == "and"
                && body
                    .get(at + "and ".len()..)
                    .and_then(|rest| rest.split(' ').next())
                    .is_some_and(|w| {
                        super::dates::is_past_word(w) || super::dates::MODALS.contains(&w)
                    })
            || (word == "and" || word == "but")
                && opens_with_date(body, dates, at + word.len() + 1);
        if !parts || dates.iter().any(|m| m.start <= at && at < m.end) {
            continue;
        }
        if at < mention.start {
            // The last such word before the place with a date between it and the one before.
            if dates
                .iter()
                .any(|m| !m.vague && low <= m.start && m.end <= at)
            {
                low = at;
            }
        } else if at >= mention.end && dates.iter().any(|m| !m.vague && at <= m.start) {
            high = at;
            break;
        }
    }
    if (low, high) == (clause.start, clause.end) {
        return None;
    }
    let first = dates.partition_point(|m| m.start < low);
    let last = first + dates.get(first..)?.partition_point(|m| m.end <= high);
    dates.get(first..last)
}

/// A time of its own opens the words at `at` (after an "and" or a "but"): a preposition of
/// time and a date ("shelled Homs last week and on Friday entered Hama"), or a date right
/// there where the word before the conjunction ends no date ("took Homs and last week entered
/// Hama"; not "between Monday and Friday", "on Monday and Friday", one time or a stretch).
fn opens_with_date(body: &str, dates: &[DateMention], at: usize) -> bool {
    let starts_at = |at: usize| dates.iter().any(|m| m.start == at && !m.vague);
    if starts_at(at) {
        // (`at` is past "and " or "but ": the conjunction and its space.)
        let before = at.saturating_sub(5);
        return !dates.iter().any(|m| m.end == before || m.end + 1 == before);
    }
    let Some(word) = body.get(at..).and_then(|rest| rest.split(' ').next()) else {
        return false;
    };
    ["on", "in", "at", "during", "since", "by"].contains(&word) && starts_at(at + word.len() + 1)
}

/// Words that open a clause of another time inside a clause without commas (see
/// [`time_clause`]).
const TIME_WORDS: &[&str] = &["after", "before", "when", "until"];

/// The comma at `at` (before `mention`) parts the names of a list `mention` stands in: a
/// capitalised word before it that ends no date, only capitalised names and "and" or "or"
/// between it and the place (a few at most), and the place in a list (an "and" or "or" there,
/// or one or another name after it).
fn list_comma(body: &str, in_sentence: &[DateMention], at: usize, mention: &PlaceMention) -> bool {
    const MAX_WORDS: usize = 12;
    let joins = |w: &str| matches!(w, "and" | "or");
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    let k = in_sentence.partition_point(|m| m.end < at);
    if body.get(at..=at) != Some(",") || in_sentence.get(k).is_some_and(|m| m.end == at) {
        return false;
    }
    let mut start = at.saturating_sub(40);
    while !body.is_char_boundary(start) {
        start += 1;
    }
    let before = body.get(start..at).unwrap_or("");
    if !before.rsplit(' ').next().is_some_and(capital) {
        return false;
    }
    let Some(between) = body.get(at + 1..mention.start) else {
        return false;
    };
    let words = || {
        between
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
    };
    if words().count() > MAX_WORDS || !words().all(|w| capital(w) || joins(w)) {
        return false;
    }
    let after = body.get(mention.end..).unwrap_or("");
    let goes_on = after
        .strip_prefix(", ")
        .is_some_and(|rest| rest.starts_with(char::is_uppercase))
        || after.starts_with(" and ")
        || after.starts_with(" or ");
    words().any(joins) || goes_on
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

/// Past forms after a comma that tell who said something ("..., said the ministry") or open the
/// sentence's own verb phrase ("..., was charged"), not what befell the name before the comma.
const SAYING_PARTICIPLES: &[&str] = &[
    "said",
    "told",
    "added",
    "reported",
    "noted",
    "wrote",
    "claimed",
    "announced",
    "stated",
    "explained",
    "insisted",
    "warned",
    "quoted",
    "cited",
    "was",
    "were",
    "had",
    "did",
];

/// How many words a participle's clause may run before its date ("bombed by the air force in
/// July").
const PARTICIPLE_WORDS: usize = 8;

/// The word ending right before the comma at `comma` is capitalised: a name the clause after
/// the comma may tell of.
fn capitalised_word_before(body: &str, comma: usize) -> bool {
    body.get(comma.saturating_sub(40)..comma)
        .or_else(|| body.get(..comma))
        .and_then(|before| before.rsplit(' ').next())
        .is_some_and(|w| w.starts_with(char::is_uppercase))
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
        let high = sentence.end.min(dm.end.saturating_add(CLAUSE_REACH));
        let end = first_break(body, in_sentence, dm.end..high).unwrap_or(high);
        let last = k + in_sentence[k..].partition_point(|m| m.end <= end);
        let brk = last_break(body, in_sentence, low..dm.start);
        let after_comma = brk
            .filter(|&at| body.get(at..=at) == Some(","))
            .map(|comma| {
                let mut words = body
                    .get(comma + 2..dm.start)
                    .unwrap_or("")
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty());
                (comma, words.next().unwrap_or(""), words.next())
            });
        let clause = match after_comma {
            // "while visiting Rome on Monday": a time of the sentence's own event.
            Some((comma, opener, next))
                if CONFINING_OPENERS.contains(&opener)
                    && !(opener == "while" && next.is_some_and(|w| w.ends_with("ing"))) =>
            {
                Some(ConfinedClause {
                    span: comma..end,
                    antecedent: matches!(opener, "where" | "who" | "whom" | "whose")
                        || opener == "which" && next.is_some_and(opens_a_subject),
                    reach: if opener == "which" { 0 } else { 2 },
                    dates: k..last,
                })
            }
            // "detention centres such as Tajoura, bombed in July, or the one in Zawiya": a
            // participle right after a name's comma, set off by commas from the next item of a
            // list, opens a clause that tells of that name (not "..., said the ministry on
            // Monday", a saying; not "Shelby, a reporter at the Herald, died March 19", the
            // sentence's own verb after an apposition, which a list does not follow).
            Some((comma, opener, _))
                if super::dates::is_past_word(opener)
                    && !SAYING_PARTICIPLES.contains(&opener)
                    && body.get(end..).is_some_and(|rest| {
                        rest.starts_with(", or ") || rest.starts_with(", and ")
                    })
                    && capitalised_word_before(body, comma)
                    && body
                        .get(comma + 2..dm.start)
                        .is_some_and(|gap| gap.split(' ').count() <= PARTICIPLE_WORDS) =>
            {
                Some(ConfinedClause {
                    span: comma..end,
                    antecedent: true,
                    reach: 0,
                    dates: k..last,
                })
            }
            _ => {
                // Not before the clause's start nor before the date the sentence named last.
                let mut from = brk
                    .map_or(low, |at| at + 1)
                    .max(k.checked_sub(1).map_or(0, |j| in_sentence[j].end));
                // (After a dash, the rest of its bytes.)
                while !body.is_char_boundary(from) {
                    from += 1;
                }
                let others_dated = |last: usize| {
                    in_sentence
                        .iter()
                        .enumerate()
                        .any(|(j, m)| !(k..last).contains(&j) && !m.vague)
                };
                // A relative clause without commas whose sentence has its date only after the
                // clause's ("a man who was arrested in Lyon last month was charged in Paris on
                // Friday"): the clause ends with its own date, the rest is the sentence's.
                let ends_at_its_date = last > k + 1 && !others_dated(last) && others_dated(k + 1);
                let dated = others_dated(last) || ends_at_its_date;
                bare_opener(body, from..dm.start, dated)
                    .filter(|_| !super::since_phrase(body, dm))
                    // ("A fire that broke out on Christmas Eve destroyed the market, officials
                    // said on Monday": a relative clause of the sentence's subject tells when
                    // the subject happened, where the sentence's other dates are of the saying.)
                    .filter(|&(at, _, relative)| {
                        !(relative
                            && of_the_subject(body, sentence.start, at)
                            && in_sentence
                                .iter()
                                .enumerate()
                                .all(|(j, m)| j == k || m.vague || super::date_of_saying(body, m)))
                    })
                    .or_else(|| {
                        dated
                            .then(|| zero_relative(body, from..dm.start, dm.end))
                            .flatten()
                    })
                    .map(|(at, subject, relative)| {
                        let cut = relative && !others_dated(last);
                        ConfinedClause {
                            span: at..if cut { dm.end } else { end },
                            antecedent: subject,
                            reach: 0,
                            dates: k..if cut { k + 1 } else { last },
                        }
                    })
            }
        };
        if let Some(c) = clause {
            k = c.dates.end.max(k + 1);
            out.push(c);
        } else {
            k += 1;
        }
    }
}

/// The relative word at `at` follows the sentence's subject: from the sentence's start at
/// `start` (or after a dateline's dash) only an article and at most [`SUBJECT_WORDS`] words
/// before it ("A fire that ...", "LAGOS - The blast which ...").
fn of_the_subject(body: &str, start: usize, at: usize) -> bool {
    let Some(head) = body.get(start..at) else {
        return false;
    };
    if head.len() > SUBJECT_BYTES {
        return false;
    }
    let head = head
        .rsplit_once(" - ")
        .or_else(|| head.rsplit_once(" \u{2014} "))
        .map_or(head, |(_, h)| h);
    let mut words = head.split_whitespace();
    words
        .next()
        .is_some_and(|w| ["A", "An", "The"].contains(&w))
        && words.count() <= SUBJECT_WORDS
}

/// The most words after the article of a subject before its relative clause
/// ([`of_the_subject`]), and the most bytes from the sentence's start (a dateline included).
const SUBJECT_WORDS: usize = 3;
const SUBJECT_BYTES: usize = 80;

/// How many words before a date [`bare_opener`] reads for the word that opens its clause.
const OPENER_WORDS: usize = 12;

/// The start of a clause that opens without a comma within `window` (the text before a date,
/// within its clause) and tells of something else than the sentence's event, if there is one:
/// a clause of "since" with a pronoun or a name for its subject ("has become his main base
/// since he lost Gharyan last month": the loss's time, not the base's; not a phrase of "since", [`super::since_phrase`],
/// whose date is where a stretch starts), or, where the sentence has a date of its own
/// (`others_dated`), a relative "that" or "which" after a noun ("said on Monday they would
/// keep the truce that took effect on Jan. 12"), "who" after a word naming someone ("rescuers
/// on Monday recovered the bodies of migrants who drowned near Lesbos in late November") or
/// "where" after a noun ("fled the districts on the city's edge where the front stood for most
/// of last year, began to return on Thursday"; not "back to where", "exactly where"). Not
/// "that" after a verb of saying ("said that on Monday the army took the town", "told reporters
/// that ..."), nor one a date follows ("that on Monday"). With it, whether the clause has a
/// subject of its own ([`opens_a_subject`]: "the town that the army took on Monday" tells of
/// the town), and whether it is a relative clause (not one of "since").
fn bare_opener(
    body: &str,
    window: Range<usize>,
    others_dated: bool,
) -> Option<(usize, bool, bool)> {
    let text = body.get(window.clone())?;
    // Most windows hold no opener: a scan of their bytes rules that out before any word is
    // split (the openers end in "that", "hich" or "ince", or are "who" before a space).
    let bytes = text.as_bytes();
    if !bytes
        .windows(4)
        .any(|w| matches!(w, b"that" | b"hich" | b"ince" | b"who " | b"here"))
    {
        return None;
    }
    // The last OPENER_WORDS words, with their offsets in `text`.
    let mut words: Vec<(usize, &str)> = word_spans(text).collect();
    words.drain(..words.len().saturating_sub(OPENER_WORDS));
    let (n, &(at, opener)) =
        words.iter().enumerate().rev().find(|(_, (_, w))| {
            matches!(*w, "that" | "which" | "who" | "where" | "since" | "Since")
        })?;
    let next = words.get(n + 1).map(|&(_, w)| w)?;
    if matches!(opener, "since" | "Since") {
        // A pronoun or a name: not "since talks in Sweden last December", "since Monday's
        // earthquake", phrases whose date is where a stretch starts.
        let subject = matches!(next, "he" | "she" | "they" | "it" | "we" | "I")
            || next.starts_with(char::is_uppercase)
                && !next.contains(['\'', '\u{2019}'])
                && !MONTH_NAMES.contains(&next)
                && !WEEKDAY_NAMES.contains(&next);
        return subject.then_some((window.start + at, false, false));
    }
    if !others_dated || DATE_LEADS.contains(&next) {
        return None;
    }
    // A noun before it: a determiner within four words back ("the eastern coastal city that"),
    // and no verb of saying there.
    // ("who" needs no determiner: "migrants who drowned", "Smith, 40, who"; only a word that
    // names someone, not a verb that asks or knows who.)
    // (Nor with no determiner where a verb follows at once, so that the clause has no subject
    // of its own: "Fighters that seized Gao in March were driven out of Kidal on Friday", the
    // noun opening the clause.)
    let verb_next = super::dates::is_tense_word(next);
    let before = words.get(n.saturating_sub(4)..n)?;
    let noun = before.last().is_some_and(|&(at, w)| {
        (w.starts_with(|c: char| c.is_ascii_lowercase())
            || (opener == "who"
                || verb_next && text.get(..at).is_some_and(|t| t.trim().is_empty()))
                && w.starts_with(char::is_uppercase))
            && !NOT_NOUNS.contains(&w)
            && !(opener == "where" && NOT_PLACE_NOUNS.contains(&w))
    });
    // ("where" needs none either: "the districts on the city's edge where the front stood".)
    let determined = matches!(opener, "who" | "where")
        || verb_next
        || before.iter().any(|&(_, w)| super::is_determiner(w));
    let saying = before
        .iter()
        .any(|&(_, w)| super::REPORTING_VERBS.contains(&w) || SAYING_VERBS.contains(&w));
    (noun && determined && !saying).then(|| (window.start + at, opens_a_subject(next), true))
}

/// A relative clause without "that" within `window` (the text before a date, within its
/// clause), where the sentence has a date of its own: "the agreement Sarraj signed in Moscow
/// last month was rejected on Friday" (the signing's month, not the rejection's day). A
/// determiner, one or two lower-case words (the noun), a name of one to three capitalised
/// words or a subject pronoun, and a past verb, within the last [`OPENER_WORDS`] words; and
/// after the date (which ends at `date_end`), the sentence's own verb at once or after a phrase
/// of a preposition ("... last month in Moscow was rejected"): not "the commander Khalifa
/// Haftar launched an offensive in April, and ...", a name set beside a title. Returns where
/// the clause starts (its subject), as [`bare_opener`] does.
fn zero_relative(body: &str, window: Range<usize>, date_end: usize) -> Option<(usize, bool, bool)> {
    // The sentence's verb after the date: its first few words.
    let after = body.get(date_end..)?;
    if !after.starts_with(' ') {
        return None;
    }
    let mut end = after.len().min(ZERO_RELATIVE_AFTER_BYTES);
    while !after.is_char_boundary(end) {
        end -= 1;
    }
    let mut verb_after = false;
    for (k, w) in after.get(..end)?.split(' ').skip(1).take(4).enumerate() {
        if super::dates::is_tense_word(w) {
            verb_after = true;
            break;
        }
        let preposition = matches!(w, "in" | "at" | "near" | "on" | "outside" | "inside");
        if (k == 0 && !preposition)
            || w.contains(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        {
            break;
        }
    }
    if !verb_after {
        return None;
    }
    let text = body.get(window.clone())?;
    let mut words: Vec<(usize, &str)> = word_spans(text).collect();
    words.drain(..words.len().saturating_sub(OPENER_WORDS));
    let lower = |w: &str| w.starts_with(|c: char| c.is_ascii_lowercase());
    let capital = |w: &str| {
        w.starts_with(char::is_uppercase)
            && !MONTH_NAMES.contains(&w)
            && !WEEKDAY_NAMES.contains(&w)
    };
    for (n, &(_, determiner)) in words.iter().enumerate() {
        if !super::is_determiner(determiner) {
            continue;
        }
        let nouns = words[n + 1..]
            .iter()
            .take(2)
            .take_while(|&&(_, w)| {
                lower(w)
                    && !super::dates::is_tense_word(w)
                    && !NOT_NOUNS.contains(&w)
                    && !DATE_LEADS.contains(&w)
                    && !NOT_NOUN_WORDS.contains(&w)
            })
            .count();
        // The noun is one or two of those words; a word of [`SUBJECT_NOUNS`] after the first
        // may be the clause's subject ("the man police arrested").
        for noun_words in 1..=nouns {
            let j = n + 1 + noun_words;
            let Some(&(subject_at, subject)) = words.get(j) else {
                continue;
            };
            let names = if matches!(subject, "he" | "she" | "they" | "we" | "I")
                || SUBJECT_NOUNS.contains(&subject)
            {
                1
            } else {
                words[j..]
                    .iter()
                    .take(3)
                    .take_while(|&&(_, w)| capital(w))
                    .count()
            };
            let verb = words.get(j + names).map_or("", |&(_, w)| w);
            if names > 0 && super::dates::is_past_word(verb) {
                return Some((window.start + subject_at, false, true));
            }
        }
    }
    None
}

/// Plural nouns of those who act in news that may be the subject of a relative clause without
/// "that" ([`zero_relative`]: "the man police arrested in Lyon last week").
const SUBJECT_NOUNS: &[&str] = &[
    "police",
    "officials",
    "authorities",
    "troops",
    "forces",
    "rebels",
    "militants",
    "soldiers",
    "investigators",
    "prosecutors",
    "protesters",
    "residents",
];

/// Words that end the noun of [`zero_relative`]: prepositions and relative words.
const NOT_NOUN_WORDS: &[&str] = &[
    "of", "for", "to", "from", "with", "by", "as", "that", "which", "who",
];

/// How far after a date [`zero_relative`] reads for the sentence's own verb, in bytes.
const ZERO_RELATIVE_AFTER_BYTES: usize = 48;

/// The words of `text` (letters, digits and apostrophes) with their byte offsets.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let in_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '\u{2019}';
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = text.get(at..)?;
        let start = at + rest.find(in_word)?;
        let word = text.get(start..)?;
        let word = word.get(..word.find(|c: char| !in_word(c)).unwrap_or(word.len()))?;
        at = start + word.len();
        Some((start, word))
    })
}

/// Words that open a date's phrase: after them a "that" is a complement's ("said that on
/// Monday ..."), not a relative clause's.
const DATE_LEADS: &[&str] = &[
    "on", "in", "at", "by", "during", "last", "this", "next", "early", "late", "earlier", "later",
];

/// Verbs that take a clause of "that" besides [`super::REPORTING_VERBS`]: "warned the
/// government that ...".
const SAYING_VERBS: &[&str] = &[
    "announced",
    "warned",
    "believe",
    "believes",
    "believed",
    "claimed",
    "confirmed",
    "denied",
    "reported",
    "agreed",
    "assured",
    "informed",
    "reminded",
    "promised",
    "showed",
    "say",
    "tell",
    "tells",
    "saying",
    "telling",
    "think",
    "thinks",
    "thought",
    "hoped",
    "feared",
    "knew",
    "know",
    "insist",
    "insists",
    "admitted",
    "acknowledged",
    "suggested",
    "indicated",
    "stressed",
];

/// Words that are no noun before "that": "so that", "such that", "now that", "is that".
const NOT_NOUNS: &[&str] = &[
    "so", "such", "now", "than", "is", "was", "are", "were", "be", "been", "and", "but", "or",
    // (Before "who": a question, not a relative clause.)
    "asked", "ask", "wonder", "wondered", "unclear", "sure",
];

/// Words before "where" that make it no relative clause of a place: a preposition ("back to
/// where", "from where") or a word of asking or knowing ("exactly where", "see where").
const NOT_PLACE_NOUNS: &[&str] = &[
    "to",
    "from",
    "of",
    "near",
    "exactly",
    "just",
    "precisely",
    "see",
    "show",
    "decide",
    "determine",
    "matter",
    "clear",
    "know",
    "knows",
    "knew",
    "learn",
];

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
