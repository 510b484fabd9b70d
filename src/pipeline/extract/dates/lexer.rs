//! A single-pass lexer for the temporal tagger: words, numbers and punctuation with byte offsets.
//!
//! Words are runs of alphabetic characters (any script); numbers are runs of ASCII digits, with an
//! English ordinal suffix ("4th") folded in and any other letters glued on ("1AD", "45F") marking
//! the number as not a date. Whitespace is dropped but remembered as `space_before`, so patterns
//! can tell "F.1" and "3,400" from "in 2011, and".

use std::sync::OnceLock;

use chrono::Weekday;

use crate::gazetteer::names::is_alphabetic;

/// Prepositions and connectors that give a bare number or month a date-ish context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Prep {
    In,
    On,
    At,
    Since,
    By,
    Of,
    Before,
    After,
    During,
    Until,
    To,
    From,
    Between,
    /// "for", "over", "into", "throughout": a period the clause spans ("for October", "over the
    /// summer", "well into the summer").
    Over,
}

/// Calendar units that counts and deictic words attach to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    Hour,
    Day,
    Night,
    Week,
    /// "fortnight": two weeks (British English).
    Fortnight,
    /// "weekend": Saturday and Sunday.
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
}

/// Holidays whose date a calendar rule gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Holiday {
    Christmas,
    Easter,
    /// US Thanksgiving: the fourth Thursday of November.
    Thanksgiving,
    Halloween,
    /// The Muslim month of fasting, a month long (see `calendar::ramadan`).
    Ramadan,
}

/// What a word says about the tense or modality of the clause around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Cue {
    /// "was", "were", "had", "did", "said", "met", a verb ending in "-ed".
    Past,
    /// "has", "have": the present perfect speaks of the past.
    Perfect,
    /// "is", "are", "says".
    Present,
    /// "will", "shall", "would".
    Future,
    /// "expected", "scheduled", "due", "plans", "set", "forecast": future when "to" or "for"
    /// follows.
    Intent,
}

/// What a word means to the tagger; almost every word is `Other`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Lex {
    /// Month number 1..=12; `abbr` for "Jan", "Sept".
    Month {
        month: u32,
        abbr: bool,
    },
    Weekday(Weekday),
    Prep(Prep),
    And,
    The,
    /// "a", "an".
    A,
    /// "one" ..= "twelve", "fifteen", "twenty", "thirty".
    Count(u32),
    Unit {
        unit: Unit,
        plural: bool,
    },
    Today,
    Tonight,
    Yesterday,
    Tomorrow,
    This,
    Last,
    Next,
    Past,
    Earlier,
    Later,
    Early,
    Mid,
    Late,
    Ago,
    /// "morning", "afternoon", "evening".
    DayPart,
    /// "first" ..= "tenth": quarters and halves ("first" ..= "fourth"), "the eighth day".
    Ordinal(u32),
    Half,
    /// 0 spring, 1 summer, 2 fall/autumn, 3 winter.
    Season(u8),
    Fiscal,
    Holiday(Holiday),
    /// "now", "currently", "presently", "nowadays".
    Now,
    /// "recently", "lately".
    Recently,
    Recent,
    /// "few", "several": a vague count.
    Few,
    Same,
    That,
    /// "then": a date after "until", "by", "since", "before".
    Then,
    /// "following", "next" is `Next`.
    Following,
    /// "previous", "prior", "preceding".
    Previous,
    /// "coming", "upcoming": of a stretch still to come ("in coming days", "the coming week").
    Coming,
    Noon,
    Midnight,
    Century,
    End,
    /// "beginning", "start".
    Beginning,
    /// "latest", "most recent" is not one word.
    Latest,
    Current,
    Tense(Cue),
    /// "eighteen", "nineteen": a year in words may start here.
    Century19,
    /// "present" ("at present").
    Present,
    /// A name-like word the event builder must not take for an actor: a function word, a title
    /// ("The", "President", "Minister").
    NotName,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Num {
    /// Saturates at `u32::MAX`; only small values matter.
    pub value: u32,
    /// Saturates at `u32::MAX`.
    pub digits: u32,
    /// Followed by letters that are not an ordinal suffix ("1AD"): never a date.
    pub glued: bool,
    /// Followed by "s": a decade ("1990s", "90s").
    pub decade: bool,
    /// Followed by "am"/"pm" ("10pm"): 1 am, 2 pm, 0 neither.
    pub meridiem: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// `cap`: the first character is uppercase ("May" the month, not "may" the verb).
    Word {
        lex: Lex,
        cap: bool,
    },
    Num(Num),
    Punct(char),
}

/// A token's byte offsets are `u32` ([`tokenize`] reads a text's first 4 GB; articles are far
/// below, see `corpus::MAX_ARTICLE_BYTES`): a token is 28 bytes instead of 48, and an article's
/// tokens are written once and read by every rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    /// Whitespace (or the start of the text) precedes this token.
    pub space_before: bool,
    /// A line break precedes this token: a paragraph or a heading ends there.
    pub newline_before: bool,
}

/// A byte offset as a token keeps it: an offset into the text [`tokenize`] reads, which ends
/// by 4 GB, so the cast loses nothing (and costs no test per token, as a saturating one did).
fn offset(at: usize) -> u32 {
    debug_assert!(u32::try_from(at).is_ok());
    at as u32
}

/// Splits `text` (its first 4 GB: see [`Token`]) into tokens in one pass; linear in the length
/// of `text`.
#[cfg(test)]
pub(super) fn tokenize(text: &str) -> Vec<Token> {
    tokenize_marking(text, |_, _| false).0
}

/// [`tokenize`], and the indices of the tokens that `mark` holds for, in order: the tagger's
/// possible date starts, asked while each token is at hand (a second pass over all the tokens
/// to find them cost about a fifth of the tagger's time).
pub(super) fn tokenize_marking(
    text: &str,
    mark: impl Fn(&str, &Token) -> bool,
) -> (Vec<Token>, Vec<u32>) {
    let text = &text[..text.floor_char_boundary(u32::MAX as usize)];
    let bytes = text.as_bytes();
    // News runs about one token per 5 bytes (a word and its space, or a symbol): a guess of
    // one per 4 avoids the regrowth (a copy of every token so far) that one per 6 made in
    // nearly every article.
    let mut tokens = Vec::with_capacity(bytes.len() / 4 + 1);
    // And about one possible date start per 35 bytes.
    let mut marked = Vec::with_capacity(bytes.len() / 32 + 1);
    let vocabulary = vocabulary();
    let mut i = 0;
    let mut space_before = true;
    let mut newline_before = true;
    while let Some(&b) = bytes.get(i) {
        let start = i;
        // ASCII words are most tokens: asked about first, and pushed here.
        if b.is_ascii_alphabetic()
            && let Some((end, lex)) = ascii_word_at(vocabulary, bytes, i)
        {
            let token = Token {
                start: offset(start),
                end: offset(end),
                kind: Kind::Word {
                    lex,
                    cap: b.is_ascii_uppercase(),
                },
                space_before,
                newline_before,
            };
            if mark(text, &token) {
                marked.push(offset(tokens.len()));
            }
            tokens.push(token);
            newline_before = false;
            space_before = bytes.get(end) == Some(&b' ');
            i = end + usize::from(space_before);
            continue;
        }
        let kind = if b.is_ascii_whitespace() {
            space_before = true;
            newline_before |= b == b'\n' || b == b'\r';
            i += 1;
            continue;
        } else if b.is_ascii_digit() {
            let (num, end) = lex_number(text, i);
            i = end;
            Kind::Num(num)
        } else if b.is_ascii_alphabetic() || (b >= 0x80 && starts_alphabetic(text, i)) {
            i = word_end(text, i);
            let word = &text[start..i];
            let cap = word.chars().next().is_some_and(char::is_uppercase);
            Kind::Word {
                lex: classify_letters(text, start, i),
                cap,
            }
        } else {
            // (An ASCII symbol, most of these, is its byte: no decoding.)
            let c = if b.is_ascii() {
                char::from(b)
            } else {
                text[i..].chars().next().unwrap_or('\u{fffd}')
            };
            i += c.len_utf8().max(1);
            if c.is_whitespace() {
                space_before = true;
                newline_before |= matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}');
                continue;
            }
            Kind::Punct(c)
        };
        let token = Token {
            start: offset(start),
            end: offset(i),
            kind,
            space_before,
            newline_before,
        };
        if mark(text, &token) {
            marked.push(offset(tokens.len()));
        }
        tokens.push(token);
        newline_before = false;
        // Most tokens are followed by one space: taken here, without a turn of the loop.
        space_before = bytes.get(i) == Some(&b' ');
        i += usize::from(space_before);
    }
    (tokens, marked)
}

/// The bytes of `chunk` that are ASCII letters, as the top bit of each byte (all others clear).
///
/// Each byte below 0x80 gets bit 5 set, which takes 'A'..='Z' to 'a'..='z' and no other byte
/// into that range ('@' and '[' become the bytes 0x60 and 0x7B); adding 0x1F then sets its top bit from 'a'
/// on and adding 0x05 from '{' on, and neither sum carries out of its byte.
fn ascii_letters(chunk: u128) -> u128 {
    const LOW7: u128 = u128::from_le_bytes([0x7F; 16]);
    const TOP: u128 = u128::from_le_bytes([0x80; 16]);
    let folded = (chunk & LOW7) | u128::from_le_bytes([0x20; 16]);
    let from_a = folded + u128::from_le_bytes([0x80 - b'a'; 16]);
    let past_z = folded + u128::from_le_bytes([0x80 - b'z' - 1; 16]);
    from_a & !past_z & !chunk & TOP
}

/// The end of the run of ASCII letters starting at `start` (`start` itself if none): from one
/// 16-byte load where 16 bytes follow and the run ends within them, else byte by byte.
pub(super) fn ascii_letters_end(bytes: &[u8], start: usize) -> usize {
    if let Some(chunk) = bytes.get(start..start + 16)
        && let Ok(chunk) = <[u8; 16]>::try_from(chunk)
    {
        let not_letters =
            !ascii_letters(u128::from_le_bytes(chunk)) & u128::from_le_bytes([0x80; 16]);
        if not_letters != 0 {
            return start + (not_letters.trailing_zeros() / 8) as usize;
        }
    }
    let mut end = start;
    while bytes.get(end).is_some_and(u8::is_ascii_alphabetic) {
        end += 1;
    }
    end
}

/// The ASCII word starting at `start` (an ASCII letter), its end and meaning, from one 16-byte
/// load: what [`word_end`] and [`classify_letters`] give, without a loop. `None` where fewer
/// than 16 bytes follow, the run of letters is 16 or longer, or a non-ASCII byte ends it (it
/// may continue the word): the caller takes the general path there.
fn ascii_word_at(vocabulary: &Vocabulary, bytes: &[u8], start: usize) -> Option<(usize, Lex)> {
    let chunk = u128::from_le_bytes(bytes.get(start..start + 16)?.try_into().ok()?);
    // Most words end within their first 8 bytes: decided on the low half alone (the low 64 bits
    // of each sum in `ascii_letters` depend on the low halves only, so this is 64-bit work).
    let low = chunk as u64;
    let not_letters = !(ascii_letters(u128::from(low)) as u64) & u64::from_le_bytes([0x80; 8]);
    if not_letters != 0 {
        let len = (not_letters.trailing_zeros() / 8) as usize;
        if (low >> (8 * len)) as u8 >= 0x80 {
            return None;
        }
        let mask = (1u64 << (8 * len)) - 1;
        let key = u128::from((low & mask) | (u64::from_le_bytes([0x20; 8]) & mask))
            | ((len as u128) << 120);
        return Some((
            start + len,
            look_up(vocabulary, key, bytes.get(start..start + len)?),
        ));
    }
    let not_letters = !ascii_letters(chunk) & u128::from_le_bytes([0x80; 16]);
    // Every byte's top bit is bit 7 of its byte: the first non-letter is byte `len`.
    let len = (not_letters.trailing_zeros() / 8) as usize;
    if len >= 16 || (chunk >> (8 * len)) as u8 >= 0x80 {
        return None;
    }
    let word = bytes.get(start..start + len)?;
    if len > MAX_WORD {
        return Some((start + len, past_participle(word)));
    }
    let mask = (1u128 << (8 * len)) - 1;
    let key = (chunk & mask) | (u128::from_le_bytes([0x20; 16]) & mask) | ((len as u128) << 120);
    Some((start + len, look_up(vocabulary, key, word)))
}

fn starts_alphabetic(text: &str, i: usize) -> bool {
    text[i..].chars().next().is_some_and(is_alphabetic)
}

/// End of the run of alphabetic characters starting at `i`.
fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    // ASCII letters in a tight loop: most words end here.
    while let Some(&b) = bytes.get(i)
        && b.is_ascii_alphabetic()
    {
        i += 1;
    }
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphabetic() {
            i += 1;
        } else if b >= 0x80 {
            match text[i..].chars().next() {
                Some(c) if is_alphabetic(c) => i += c.len_utf8(),
                _ => break,
            }
        } else {
            break;
        }
    }
    i
}

fn lex_number(text: &str, start: usize) -> (Num, usize) {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut value: u32 = 0;
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        value = value
            .saturating_mul(10)
            .saturating_add(u32::from(bytes[i] - b'0'));
        i += 1;
    }
    let digits = u32::try_from(i - start).unwrap_or(u32::MAX);
    let (mut glued, mut decade, mut meridiem) = (false, false, 0);
    if i < bytes.len() && (bytes[i].is_ascii_alphabetic() || bytes[i] >= 0x80) {
        let letters_end = word_end(text, i);
        if letters_end > i {
            let suffix = &text[i..letters_end];
            let ordinal = ["st", "nd", "rd", "th"]
                .iter()
                .any(|s| suffix.eq_ignore_ascii_case(s));
            decade = suffix == "s";
            if suffix.eq_ignore_ascii_case("am") {
                meridiem = 1;
            } else if suffix.eq_ignore_ascii_case("pm") {
                meridiem = 2;
            }
            glued = !ordinal;
            i = letters_end;
        }
    }
    (
        Num {
            value,
            digits,
            glued,
            decade,
            meridiem,
        },
        i,
    )
}

/// Every word the tagger knows, lower-case, with its meaning.
const WORDS: &[(&str, Lex)] = &[
    (
        "january",
        Lex::Month {
            month: 1,
            abbr: false,
        },
    ),
    (
        "february",
        Lex::Month {
            month: 2,
            abbr: false,
        },
    ),
    (
        "march",
        Lex::Month {
            month: 3,
            abbr: false,
        },
    ),
    (
        "april",
        Lex::Month {
            month: 4,
            abbr: false,
        },
    ),
    (
        "may",
        Lex::Month {
            month: 5,
            abbr: false,
        },
    ),
    (
        "june",
        Lex::Month {
            month: 6,
            abbr: false,
        },
    ),
    (
        "july",
        Lex::Month {
            month: 7,
            abbr: false,
        },
    ),
    (
        "august",
        Lex::Month {
            month: 8,
            abbr: false,
        },
    ),
    (
        "september",
        Lex::Month {
            month: 9,
            abbr: false,
        },
    ),
    (
        "october",
        Lex::Month {
            month: 10,
            abbr: false,
        },
    ),
    (
        "november",
        Lex::Month {
            month: 11,
            abbr: false,
        },
    ),
    (
        "december",
        Lex::Month {
            month: 12,
            abbr: false,
        },
    ),
    (
        "jan",
        Lex::Month {
            month: 1,
            abbr: true,
        },
    ),
    (
        "feb",
        Lex::Month {
            month: 2,
            abbr: true,
        },
    ),
    (
        "mar",
        Lex::Month {
            month: 3,
            abbr: true,
        },
    ),
    (
        "apr",
        Lex::Month {
            month: 4,
            abbr: true,
        },
    ),
    (
        "jun",
        Lex::Month {
            month: 6,
            abbr: true,
        },
    ),
    (
        "jul",
        Lex::Month {
            month: 7,
            abbr: true,
        },
    ),
    (
        "aug",
        Lex::Month {
            month: 8,
            abbr: true,
        },
    ),
    (
        "sep",
        Lex::Month {
            month: 9,
            abbr: true,
        },
    ),
    (
        "sept",
        Lex::Month {
            month: 9,
            abbr: true,
        },
    ),
    (
        "oct",
        Lex::Month {
            month: 10,
            abbr: true,
        },
    ),
    (
        "nov",
        Lex::Month {
            month: 11,
            abbr: true,
        },
    ),
    (
        "dec",
        Lex::Month {
            month: 12,
            abbr: true,
        },
    ),
    ("monday", Lex::Weekday(Weekday::Mon)),
    ("tuesday", Lex::Weekday(Weekday::Tue)),
    ("wednesday", Lex::Weekday(Weekday::Wed)),
    ("thursday", Lex::Weekday(Weekday::Thu)),
    ("friday", Lex::Weekday(Weekday::Fri)),
    ("saturday", Lex::Weekday(Weekday::Sat)),
    ("sunday", Lex::Weekday(Weekday::Sun)),
    ("in", Lex::Prep(Prep::In)),
    ("on", Lex::Prep(Prep::On)),
    ("at", Lex::Prep(Prep::At)),
    ("since", Lex::Prep(Prep::Since)),
    ("by", Lex::Prep(Prep::By)),
    ("of", Lex::Prep(Prep::Of)),
    ("before", Lex::Prep(Prep::Before)),
    ("after", Lex::Prep(Prep::After)),
    ("during", Lex::Prep(Prep::During)),
    ("until", Lex::Prep(Prep::Until)),
    ("till", Lex::Prep(Prep::Until)),
    ("through", Lex::Prep(Prep::Until)),
    ("thru", Lex::Prep(Prep::Until)),
    ("to", Lex::Prep(Prep::To)),
    ("from", Lex::Prep(Prep::From)),
    ("between", Lex::Prep(Prep::Between)),
    ("for", Lex::Prep(Prep::Over)),
    ("over", Lex::Prep(Prep::Over)),
    ("into", Lex::Prep(Prep::Over)),
    ("throughout", Lex::Prep(Prep::Over)),
    ("and", Lex::And),
    ("the", Lex::The),
    ("a", Lex::A),
    ("an", Lex::A),
    ("one", Lex::Count(1)),
    ("two", Lex::Count(2)),
    ("three", Lex::Count(3)),
    ("four", Lex::Count(4)),
    ("five", Lex::Count(5)),
    ("six", Lex::Count(6)),
    ("seven", Lex::Count(7)),
    ("eight", Lex::Count(8)),
    ("nine", Lex::Count(9)),
    ("ten", Lex::Count(10)),
    ("eleven", Lex::Count(11)),
    ("twelve", Lex::Count(12)),
    ("fifteen", Lex::Count(15)),
    ("twenty", Lex::Count(20)),
    ("thirty", Lex::Count(30)),
    (
        "hour",
        Lex::Unit {
            unit: Unit::Hour,
            plural: false,
        },
    ),
    (
        "hours",
        Lex::Unit {
            unit: Unit::Hour,
            plural: true,
        },
    ),
    (
        "day",
        Lex::Unit {
            unit: Unit::Day,
            plural: false,
        },
    ),
    (
        "days",
        Lex::Unit {
            unit: Unit::Day,
            plural: true,
        },
    ),
    (
        "night",
        Lex::Unit {
            unit: Unit::Night,
            plural: false,
        },
    ),
    (
        "nights",
        Lex::Unit {
            unit: Unit::Night,
            plural: true,
        },
    ),
    (
        "week",
        Lex::Unit {
            unit: Unit::Week,
            plural: false,
        },
    ),
    (
        "weeks",
        Lex::Unit {
            unit: Unit::Week,
            plural: true,
        },
    ),
    (
        "fortnight",
        Lex::Unit {
            unit: Unit::Fortnight,
            plural: false,
        },
    ),
    (
        "fortnights",
        Lex::Unit {
            unit: Unit::Fortnight,
            plural: true,
        },
    ),
    (
        "month",
        Lex::Unit {
            unit: Unit::Month,
            plural: false,
        },
    ),
    (
        "months",
        Lex::Unit {
            unit: Unit::Month,
            plural: true,
        },
    ),
    (
        "year",
        Lex::Unit {
            unit: Unit::Year,
            plural: false,
        },
    ),
    (
        "years",
        Lex::Unit {
            unit: Unit::Year,
            plural: true,
        },
    ),
    ("today", Lex::Today),
    ("tonight", Lex::Tonight),
    ("yesterday", Lex::Yesterday),
    ("tomorrow", Lex::Tomorrow),
    ("this", Lex::This),
    ("last", Lex::Last),
    ("next", Lex::Next),
    ("past", Lex::Past),
    ("earlier", Lex::Earlier),
    ("later", Lex::Later),
    ("early", Lex::Early),
    ("mid", Lex::Mid),
    ("late", Lex::Late),
    ("ago", Lex::Ago),
    ("morning", Lex::DayPart),
    ("afternoon", Lex::DayPart),
    ("evening", Lex::DayPart),
    (
        "weekend",
        Lex::Unit {
            unit: Unit::Weekend,
            plural: false,
        },
    ),
    (
        "weekends",
        Lex::Unit {
            unit: Unit::Weekend,
            plural: true,
        },
    ),
    (
        "quarter",
        Lex::Unit {
            unit: Unit::Quarter,
            plural: false,
        },
    ),
    (
        "quarters",
        Lex::Unit {
            unit: Unit::Quarter,
            plural: true,
        },
    ),
    (
        "decade",
        Lex::Unit {
            unit: Unit::Decade,
            plural: false,
        },
    ),
    (
        "decades",
        Lex::Unit {
            unit: Unit::Decade,
            plural: true,
        },
    ),
    ("first", Lex::Ordinal(1)),
    ("second", Lex::Ordinal(2)),
    ("third", Lex::Ordinal(3)),
    ("fourth", Lex::Ordinal(4)),
    ("fifth", Lex::Ordinal(5)),
    ("sixth", Lex::Ordinal(6)),
    ("seventh", Lex::Ordinal(7)),
    ("eighth", Lex::Ordinal(8)),
    ("ninth", Lex::Ordinal(9)),
    ("tenth", Lex::Ordinal(10)),
    ("half", Lex::Half),
    ("spring", Lex::Season(0)),
    ("summer", Lex::Season(1)),
    ("fall", Lex::Season(2)),
    ("autumn", Lex::Season(2)),
    ("winter", Lex::Season(3)),
    ("fiscal", Lex::Fiscal),
    ("christmas", Lex::Holiday(Holiday::Christmas)),
    ("easter", Lex::Holiday(Holiday::Easter)),
    ("thanksgiving", Lex::Holiday(Holiday::Thanksgiving)),
    ("halloween", Lex::Holiday(Holiday::Halloween)),
    ("ramadan", Lex::Holiday(Holiday::Ramadan)),
    ("now", Lex::Now),
    ("currently", Lex::Now),
    ("presently", Lex::Now),
    ("nowadays", Lex::Now),
    ("recently", Lex::Recently),
    ("lately", Lex::Recently),
    ("recent", Lex::Recent),
    ("few", Lex::Few),
    ("several", Lex::Few),
    ("same", Lex::Same),
    ("that", Lex::That),
    ("then", Lex::Then),
    ("following", Lex::Following),
    ("previous", Lex::Previous),
    ("prior", Lex::Previous),
    ("preceding", Lex::Previous),
    ("coming", Lex::Coming),
    ("upcoming", Lex::Coming),
    ("noon", Lex::Noon),
    ("midday", Lex::Noon),
    ("midnight", Lex::Midnight),
    ("century", Lex::Century),
    ("end", Lex::End),
    ("beginning", Lex::Beginning),
    ("start", Lex::Beginning),
    ("latest", Lex::Latest),
    ("current", Lex::Current),
    ("will", Lex::Tense(Cue::Future)),
    ("shall", Lex::Tense(Cue::Future)),
    ("would", Lex::Tense(Cue::Future)),
    ("wo", Lex::Tense(Cue::Future)),
    ("is", Lex::Tense(Cue::Present)),
    ("are", Lex::Tense(Cue::Present)),
    ("am", Lex::Tense(Cue::Present)),
    ("says", Lex::Tense(Cue::Present)),
    ("does", Lex::Tense(Cue::Present)),
    ("do", Lex::Tense(Cue::Present)),
    ("has", Lex::Tense(Cue::Perfect)),
    ("have", Lex::Tense(Cue::Perfect)),
    ("expected", Lex::Tense(Cue::Intent)),
    ("forecast", Lex::Tense(Cue::Intent)),
    ("forecasts", Lex::Tense(Cue::Intent)),
    ("expects", Lex::Tense(Cue::Intent)),
    ("expect", Lex::Tense(Cue::Intent)),
    ("scheduled", Lex::Tense(Cue::Intent)),
    ("due", Lex::Tense(Cue::Intent)),
    ("plans", Lex::Tense(Cue::Intent)),
    ("plan", Lex::Tense(Cue::Intent)),
    ("planned", Lex::Tense(Cue::Intent)),
    ("set", Lex::Tense(Cue::Intent)),
    ("slated", Lex::Tense(Cue::Intent)),
    ("aims", Lex::Tense(Cue::Intent)),
    ("intends", Lex::Tense(Cue::Intent)),
    ("going", Lex::Tense(Cue::Intent)),
    ("poised", Lex::Tense(Cue::Intent)),
    ("hopes", Lex::Tense(Cue::Intent)),
    ("planning", Lex::Tense(Cue::Intent)),
    ("preparing", Lex::Tense(Cue::Intent)),
    ("schedules", Lex::Tense(Cue::Intent)),
    ("was", Lex::Tense(Cue::Past)),
    ("were", Lex::Tense(Cue::Past)),
    ("had", Lex::Tense(Cue::Past)),
    ("did", Lex::Tense(Cue::Past)),
    ("said", Lex::Tense(Cue::Past)),
    ("told", Lex::Tense(Cue::Past)),
    ("met", Lex::Tense(Cue::Past)),
    ("began", Lex::Tense(Cue::Past)),
    ("took", Lex::Tense(Cue::Past)),
    ("came", Lex::Tense(Cue::Past)),
    ("went", Lex::Tense(Cue::Past)),
    ("made", Lex::Tense(Cue::Past)),
    ("gave", Lex::Tense(Cue::Past)),
    ("saw", Lex::Tense(Cue::Past)),
    ("fell", Lex::Tense(Cue::Past)),
    ("rose", Lex::Tense(Cue::Past)),
    ("won", Lex::Tense(Cue::Past)),
    ("lost", Lex::Tense(Cue::Past)),
    ("left", Lex::Tense(Cue::Past)),
    ("held", Lex::Tense(Cue::Past)),
    ("led", Lex::Tense(Cue::Past)),
    ("sold", Lex::Tense(Cue::Past)),
    ("bought", Lex::Tense(Cue::Past)),
    ("paid", Lex::Tense(Cue::Past)),
    ("got", Lex::Tense(Cue::Past)),
    ("ran", Lex::Tense(Cue::Past)),
    ("brought", Lex::Tense(Cue::Past)),
    ("found", Lex::Tense(Cue::Past)),
    ("became", Lex::Tense(Cue::Past)),
    ("kept", Lex::Tense(Cue::Past)),
    ("spoke", Lex::Tense(Cue::Past)),
    ("wrote", Lex::Tense(Cue::Past)),
    ("sent", Lex::Tense(Cue::Past)),
    ("spent", Lex::Tense(Cue::Past)),
    ("built", Lex::Tense(Cue::Past)),
    ("fought", Lex::Tense(Cue::Past)),
    ("fled", Lex::Tense(Cue::Past)),
    ("struck", Lex::Tense(Cue::Past)),
    ("stood", Lex::Tense(Cue::Past)),
    ("shot", Lex::Tense(Cue::Past)),
    ("broke", Lex::Tense(Cue::Past)),
    ("drew", Lex::Tense(Cue::Past)),
    ("flew", Lex::Tense(Cue::Past)),
    ("grew", Lex::Tense(Cue::Past)),
    ("knew", Lex::Tense(Cue::Past)),
    ("thought", Lex::Tense(Cue::Past)),
    ("heard", Lex::Tense(Cue::Past)),
    ("sought", Lex::Tense(Cue::Past)),
    ("withdrew", Lex::Tense(Cue::Past)),
    ("hit", Lex::Tense(Cue::Past)),
    ("cut", Lex::Tense(Cue::Past)),
    ("put", Lex::Tense(Cue::Past)),
    ("swept", Lex::Tense(Cue::Past)),
    ("blew", Lex::Tense(Cue::Past)),
    ("caught", Lex::Tense(Cue::Past)),
    ("chose", Lex::Tense(Cue::Past)),
    ("drove", Lex::Tense(Cue::Past)),
    ("threw", Lex::Tense(Cue::Past)),
    ("tore", Lex::Tense(Cue::Past)),
    ("shook", Lex::Tense(Cue::Past)),
    ("sank", Lex::Tense(Cue::Past)),
    ("stole", Lex::Tense(Cue::Past)),
    ("stuck", Lex::Tense(Cue::Past)),
    ("swam", Lex::Tense(Cue::Past)),
    ("swore", Lex::Tense(Cue::Past)),
    ("froze", Lex::Tense(Cue::Past)),
    ("hid", Lex::Tense(Cue::Past)),
    ("rode", Lex::Tense(Cue::Past)),
    ("rang", Lex::Tense(Cue::Past)),
    ("sang", Lex::Tense(Cue::Past)),
    ("slept", Lex::Tense(Cue::Past)),
    ("slid", Lex::Tense(Cue::Past)),
    ("woke", Lex::Tense(Cue::Past)),
    ("wore", Lex::Tense(Cue::Past)),
    ("bled", Lex::Tense(Cue::Past)),
    ("dug", Lex::Tense(Cue::Past)),
    ("felt", Lex::Tense(Cue::Past)),
    ("hung", Lex::Tense(Cue::Past)),
    ("meant", Lex::Tense(Cue::Past)),
    ("taught", Lex::Tense(Cue::Past)),
    ("wept", Lex::Tense(Cue::Past)),
    ("arose", Lex::Tense(Cue::Past)),
    ("awoke", Lex::Tense(Cue::Past)),
    ("drank", Lex::Tense(Cue::Past)),
    ("knelt", Lex::Tense(Cue::Past)),
    ("leapt", Lex::Tense(Cue::Past)),
    ("mistook", Lex::Tense(Cue::Past)),
    ("oversaw", Lex::Tense(Cue::Past)),
    ("overthrew", Lex::Tense(Cue::Past)),
    ("rebuilt", Lex::Tense(Cue::Past)),
    ("retook", Lex::Tense(Cue::Past)),
    ("shone", Lex::Tense(Cue::Past)),
    ("shrank", Lex::Tense(Cue::Past)),
    ("spun", Lex::Tense(Cue::Past)),
    ("strode", Lex::Tense(Cue::Past)),
    ("undertook", Lex::Tense(Cue::Past)),
    ("upheld", Lex::Tense(Cue::Past)),
    ("withheld", Lex::Tense(Cue::Past)),
    ("withstood", Lex::Tense(Cue::Past)),
    ("overran", Lex::Tense(Cue::Past)),
    ("overtook", Lex::Tense(Cue::Past)),
    ("sped", Lex::Tense(Cue::Past)),
    ("sprang", Lex::Tense(Cue::Past)),
    ("swung", Lex::Tense(Cue::Past)),
    ("burst", Lex::Tense(Cue::Past)),
    ("shut", Lex::Tense(Cue::Past)),
    ("spread", Lex::Tense(Cue::Past)),
    ("split", Lex::Tense(Cue::Past)),
    ("eighteen", Lex::Century19),
    ("nineteen", Lex::Century19),
    ("present", Lex::Present),
    ("but", Lex::NotName),
    ("or", Lex::NotName),
    ("meanwhile", Lex::NotName),
    ("however", Lex::NotName),
    ("according", Lex::NotName),
    ("as", Lex::NotName),
    ("these", Lex::NotName),
    ("those", Lex::NotName),
    ("it", Lex::NotName),
    ("he", Lex::NotName),
    ("she", Lex::NotName),
    ("they", Lex::NotName),
    ("we", Lex::NotName),
    ("i", Lex::NotName),
    ("his", Lex::NotName),
    ("her", Lex::NotName),
    ("their", Lex::NotName),
    ("its", Lex::NotName),
    ("our", Lex::NotName),
    ("there", Lex::NotName),
    ("while", Lex::NotName),
    ("when", Lex::NotName),
    ("with", Lex::NotName),
    ("more", Lex::NotName),
    ("than", Lex::NotName),
    ("also", Lex::NotName),
    ("some", Lex::NotName),
    ("many", Lex::NotName),
    ("most", Lex::NotName),
    ("if", Lex::NotName),
    ("thousands", Lex::NotName),
    ("no", Lex::NotName),
    ("prime", Lex::NotName),
    ("minister", Lex::NotName),
    ("president", Lex::NotName),
    ("foreign", Lex::NotName),
    ("deputy", Lex::NotName),
    ("general", Lex::NotName),
    ("government", Lex::NotName),
    ("national", Lex::NotName),
    ("united", Lex::NotName),
    ("nations", Lex::NotName),
    ("army", Lex::NotName),
    ("council", Lex::NotName),
    ("security", Lex::NotName),
    ("affairs", Lex::NotName),
    ("office", Lex::NotName),
    ("agency", Lex::NotName),
    ("ministry", Lex::NotName),
    ("forces", Lex::NotName),
    ("force", Lex::NotName),
    ("air", Lex::NotName),
    ("base", Lex::NotName),
    ("international", Lex::NotName),
    ("mr", Lex::NotName),
    ("mrs", Lex::NotName),
    ("ms", Lex::NotName),
    ("dr", Lex::NotName),
    ("gen", Lex::NotName),
    ("field", Lex::NotName),
    ("marshal", Lex::NotName),
    ("chief", Lex::NotName),
    ("interior", Lex::NotName),
    ("defence", Lex::NotName),
    ("defense", Lex::NotName),
    ("state", Lex::NotName),
    ("secretary", Lex::NotName),
    ("spokesman", Lex::NotName),
    ("spokeswoman", Lex::NotName),
    ("premier", Lex::NotName),
];

/// Longest word of [`WORDS`] in bytes; longer words are looked up no further.
const MAX_WORD: usize = 12;

/// Slots of [`vocabulary`]'s table, as a power of two: several times the number of words, so a
/// probe sequence is short.
const VOCABULARY_BITS: u32 = 11;
const VOCABULARY_SLOTS: usize = 1 << VOCABULARY_BITS;

/// A word of up to [`MAX_WORD`] bytes (longer words: their first [`MAX_WORD`]), ASCII letters
/// lower-cased, packed into one integer with its length in the top byte (so no two words share
/// a key, and 0 is no word's key). Non-ASCII bytes are kept as they are, top bit and all.
///
/// Read with two loads that overlap where the word is shorter than both (the bytes they share
/// are the same bytes), not copied through a buffer: the lexer's callers classify words one at
/// a time ([`classify`]).
fn pack_word(bytes: &[u8]) -> u128 {
    const LOW7: u128 = u128::from_le_bytes([0x7F; 16]);
    const TOP: u128 = u128::from_le_bytes([0x80; 16]);
    let word = &bytes[..bytes.len().min(MAX_WORD)];
    let len = word.len();
    let (low, high) = if let (Some(first), Some(last)) =
        (word.first_chunk::<8>(), word.last_chunk::<8>())
    {
        // Bytes 8.. are the top `len - 8` of the last eight (in two shifts: none when `len` is 8).
        let high = (u64::from_le_bytes(*last) >> (8 * (15 - len))) >> 8;
        (u64::from_le_bytes(*first), high)
    } else if let (Some(first), Some(last)) = (word.first_chunk::<4>(), word.last_chunk::<4>()) {
        let last = u64::from(u32::from_le_bytes(*last)) << (8 * (len - 4));
        (u64::from(u32::from_le_bytes(*first)) | last, 0)
    } else {
        let low = word
            .iter()
            .rev()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
        (low, 0)
    };
    let raw = u128::from(low) | (u128::from(high) << 64);
    // Bytes from 'A' to 'Z' get bit 5, all 16 at once. Adding 0x3F to a byte below 0x80 sets
    // its top bit from 'A' on, adding 0x25 from '[' on; neither carries out of a byte; bytes from
    // 0x80 on are masked out. The length byte (at most 12) is below 'A' and stays as it is.
    let from_a = (raw & LOW7) + u128::from_le_bytes([0x80 - b'A'; 16]);
    let past_z = (raw & LOW7) + u128::from_le_bytes([0x80 - b'Z' - 1; 16]);
    let upper = from_a & !past_z & !raw & TOP;
    raw | (upper >> 2) | ((len as u128) << 120)
}

/// The first slot of [`vocabulary`]'s table to probe for `key`: below [`VOCABULARY_SLOTS`].
fn slot_of(key: u128) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - VOCABULARY_BITS)) as usize
}

/// The words of [`WORDS`] in an open-addressing table keyed by [`pack_word`]: a word costs
/// one multiplication and a comparison or two of integers, whatever the vocabulary's size.
struct Vocabulary {
    /// Of a fixed size: a slot from [`slot_of`], or the next one wrapped round, is in bounds
    /// without a check.
    table: Box<[(u128, Lex); VOCABULARY_SLOTS]>,
    /// A bit per slot of `table`, set when the slot holds a word. Most words of a text are in no
    /// slot, and this answers for them from 256 bytes instead of the 64 KB table, which does not
    /// stay in the L1 cache beside the text and the name index.
    occupied: [u64; VOCABULARY_SLOTS / 64],
    /// Per word length, a bit per first letter (`a` = bit 0) of the words whose meaning is a
    /// [`Lex::Tense`]: a word whose length and first letter set no bit is no tense word unless
    /// it ends in "-ed" ([`past_participle`]).
    tense_starts: [u32; MAX_WORD + 1],
}

fn vocabulary() -> &'static Vocabulary {
    static TABLE: OnceLock<Vocabulary> = OnceLock::new();
    TABLE.get_or_init(|| {
        // Built from a vector: `Box::new` would build the 64 KB array on the stack first.
        let slots = vec![(0u128, Lex::Other); VOCABULARY_SLOTS];
        let Ok(mut table) = Box::<[(u128, Lex); VOCABULARY_SLOTS]>::try_from(slots) else {
            unreachable!("the vector has VOCABULARY_SLOTS slots")
        };
        let mut tense_starts = [0u32; MAX_WORD + 1];
        for (word, lex) in WORDS {
            if word.len() > MAX_WORD {
                continue;
            }
            let key = pack_word(word.as_bytes());
            let mut at = slot_of(key);
            // A repeated word keeps its last meaning.
            while table[at].0 != 0 && table[at].0 != key {
                at = (at + 1) % VOCABULARY_SLOTS;
            }
            table[at] = (key, *lex);
            if matches!(lex, Lex::Tense(_)) {
                tense_starts[word.len()] |= first_letter_bit(word.as_bytes());
            }
        }
        let mut occupied = [0u64; VOCABULARY_SLOTS / 64];
        for (at, &(key, _)) in table.iter().enumerate() {
            if key != 0 {
                occupied[at / 64] |= 1 << (at % 64);
            }
        }
        Vocabulary {
            table,
            occupied,
            tense_starts,
        }
    })
}

/// The bit of a word's first letter, case ignored (`a` = bit 0); all bits for any other first
/// byte, so that such a word is never ruled out.
fn first_letter_bit(word: &[u8]) -> u32 {
    match word.first() {
        Some(b) if b.is_ascii_alphabetic() => 1 << (b.to_ascii_lowercase() - b'a'),
        _ => u32::MAX,
    }
}

/// Whether `word` (ASCII letters) may be a [`Lex::Tense`]: false only when it is not one. A
/// cheap test before [`classify_letters`] for a caller that wants tense words alone.
pub(super) fn may_be_tense(word: &[u8]) -> bool {
    let ends_ed = word.len() >= 2 && word[word.len() - 2..].eq_ignore_ascii_case(b"ed");
    ends_ed
        || word.len() > MAX_WORD
        || vocabulary()
            .tense_starts
            .get(word.len())
            .is_some_and(|bits| bits & first_letter_bit(word) != 0)
}

/// What `word` means to the tagger, ignoring case.
pub(super) fn classify(word: &str) -> Lex {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > MAX_WORD {
        return if bytes.is_ascii() {
            past_participle(bytes)
        } else {
            Lex::Other
        };
    }
    let key = pack_word(bytes);
    // The packed bytes keep their top bits: a set one is a non-ASCII byte of the word.
    if key & u128::from_le_bytes([0x80; 16]) != 0 {
        return Lex::Other;
    }
    look_up(vocabulary(), key, bytes)
}

/// [`classify`] of `text[start..end]`, a run of letters (ASCII or not, as the tokenizers cut
/// them). Where 16 bytes of `text` follow `start`, the word is packed with a few integer
/// operations: masked to its length and lower-cased by setting bit 5 of each byte, which is
/// what lower-casing does to an ASCII letter.
pub(super) fn classify_letters(text: &str, start: usize, end: usize) -> Lex {
    let bytes = text.as_bytes();
    let len = end.saturating_sub(start);
    if (1..=MAX_WORD).contains(&len)
        && let Some(chunk) = bytes.get(start..start + 16)
        && let Ok(chunk) = <[u8; 16]>::try_from(chunk)
    {
        let mask = (1u128 << (8 * len)) - 1;
        let raw = u128::from_le_bytes(chunk) & mask;
        if raw & u128::from_le_bytes([0x80; 16]) != 0 {
            return Lex::Other;
        }
        let key = (raw | (u128::from_le_bytes([0x20; 16]) & mask)) | ((len as u128) << 120);
        return look_up(vocabulary(), key, bytes.get(start..end).unwrap_or(&[]));
    }
    text.get(start..end).map_or(Lex::Other, classify)
}

/// The meaning of the packed word `key` (whose bytes are `bytes`) in `vocabulary`. Inlined: the
/// lexer calls it for almost every word, and most words leave at the first test.
#[allow(clippy::inline_always)] // measured: the lexer's instructions over GWN 18.9M -> 18.0M
#[inline(always)]
fn look_up(vocabulary: &Vocabulary, key: u128, bytes: &[u8]) -> Lex {
    let mut at = slot_of(key);
    if vocabulary.occupied[at / 64] & (1 << (at % 64)) == 0 {
        return past_participle(bytes);
    }
    loop {
        match vocabulary.table[at] {
            (k, lex) if k == key => return lex,
            (0, _) => return past_participle(bytes),
            _ => at = (at + 1) % VOCABULARY_SLOTS,
        }
    }
}

/// A lowercase word ending in "-ed" ("launched", "criticised"): a past verb or participle.
fn past_participle(bytes: &[u8]) -> Lex {
    const NOT_VERBS: &[&[u8]] = &[
        b"need", b"indeed", b"hundred", b"speed", b"proceed", b"succeed", b"exceed", b"seed",
        b"feed", b"bleed", b"breed", b"greed", b"shed", b"bed", b"red", b"wed", b"led",
    ];
    let lower = bytes.first().is_some_and(u8::is_ascii_lowercase);
    if lower
        && bytes.len() >= 4
        && bytes.ends_with(b"ed")
        && !NOT_VERBS.iter().any(|w| w.eq_ignore_ascii_case(bytes))
    {
        Lex::Tense(Cue::Past)
    } else {
        Lex::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vocabulary_word_is_found_in_any_case_and_others_are_not() {
        let mut last = std::collections::HashMap::new();
        for (word, lex) in WORDS {
            last.insert(*word, *lex);
        }
        for (word, lex) in &last {
            if word.len() > MAX_WORD {
                continue;
            }
            assert_eq!(classify(word), *lex, "{word}");
            assert_eq!(classify(&word.to_ascii_uppercase()), *lex, "{word}");
        }
        for other in [
            "Tripoli", "xyzzy", "", "launched", "Launched", "speed", "Mayy",
        ] {
            assert_eq!(
                classify(other),
                past_participle(other.as_bytes()),
                "{other}"
            );
        }
        // Packed from the text around them: the same meanings, near the end of a text too.
        let text = "On Tuesday MAY launched Tripoli été yesterday";
        let mut at = 0;
        for word in text.split(' ') {
            let lex = classify_letters(text, at, at + word.len());
            assert_eq!(lex, classify(word), "{word}");
            at += word.len() + 1;
        }
    }

    #[test]
    fn a_packed_word_is_its_bytes_lower_cased_with_its_length() {
        fn by_bytes(bytes: &[u8]) -> u128 {
            let mut buf = [0u8; 16];
            for (dst, src) in buf.iter_mut().zip(bytes.iter().take(MAX_WORD)) {
                *dst = src.to_ascii_lowercase();
            }
            buf[15] = bytes.len().min(MAX_WORD) as u8;
            u128::from_le_bytes(buf)
        }
        // Every ASCII byte at every position, and words with non-ASCII bytes.
        let all: Vec<u8> = (0..128).collect();
        for window in all.windows(MAX_WORD).chain(all.windows(3)) {
            assert_eq!(pack_word(window), by_bytes(window), "{window:?}");
        }
        for word in ["été", "Zürich", "ÀÉÎ", "MAY", "internationally", "", "@[`{"] {
            assert_eq!(
                pack_word(word.as_bytes()),
                by_bytes(word.as_bytes()),
                "{word}"
            );
        }
    }

    #[test]
    fn a_word_read_from_one_load_is_the_word_of_the_general_path() {
        // Every ASCII byte after every word length, words of the vocabulary in either case,
        // words running into non-ASCII letters, and words too long for one load.
        let mut texts: Vec<String> = Vec::new();
        for len in 1..=17 {
            for b in 0u8..128 {
                let word: String = "Internationalisation".chars().take(len).collect();
                texts.push(format!("{word}{}{}", char::from(b), " ".repeat(16)));
            }
        }
        for (word, _) in WORDS {
            texts.push(format!("{word}, and more text after it"));
            texts.push(format!(
                "{}. And more text after it",
                word.to_ascii_uppercase()
            ));
        }
        for t in [
            "Zürich is far enough",
            "naïve or not at all",
            "Misrata’s port is far",
        ] {
            texts.push(t.to_owned());
        }
        for text in &texts {
            for start in (0..text.len()).filter(|&i| text.as_bytes()[i].is_ascii_alphabetic()) {
                let Some((end, lex)) = ascii_word_at(vocabulary(), text.as_bytes(), start) else {
                    continue;
                };
                assert_eq!(end, word_end(text, start), "{text:?} at {start}");
                assert_eq!(
                    lex,
                    classify_letters(text, start, end),
                    "{text:?} at {start}"
                );
            }
        }
        // Runs of ASCII letters, near the end of a text and not.
        for text in &texts {
            let bytes = text.as_bytes();
            for start in 0..bytes.len() {
                let by_bytes = (start..bytes.len())
                    .find(|&i| !bytes[i].is_ascii_alphabetic())
                    .unwrap_or(bytes.len());
                assert_eq!(
                    ascii_letters_end(bytes, start),
                    by_bytes,
                    "{text:?} at {start}"
                );
            }
        }
        // Where the general path must answer.
        assert_eq!(
            ascii_word_at(vocabulary(), "Zürich is far enough".as_bytes(), 0),
            None
        );
        assert_eq!(ascii_word_at(vocabulary(), b"short", 0), None);
        assert_eq!(
            ascii_word_at(vocabulary(), b"Internationalisations are", 0),
            None
        );
        assert_eq!(
            ascii_word_at(vocabulary(), b"May 5 was a Tuesday", 0),
            Some((3, classify("May")))
        );
    }

    #[test]
    fn a_word_runs_over_alphabetic_characters_of_any_script() {
        let text = "Misrata’s Ṭarābulus naïve Zürich2019 O'Toole U.S. 東京x well-known é";
        let starts = (0..text.len()).filter(|&i| text.is_char_boundary(i));
        for start in starts.filter(|&i| starts_alphabetic(text, i)) {
            let by_chars = text[start..]
                .char_indices()
                .find(|&(_, c)| !c.is_alphabetic())
                .map_or(text.len(), |(i, _)| start + i);
            assert_eq!(word_end(text, start), by_chars, "at {start}");
        }
    }

    #[test]
    fn a_word_ruled_out_as_a_tense_word_is_none() {
        let mut words: Vec<String> = WORDS.iter().map(|(w, _)| (*w).to_owned()).collect();
        words.extend(
            "Launched launched bed Bed seed proceeded WAS Said said has Has will WILL would \
             Tripoli expected Expected xyzzy internationalised a I be been being"
                .split_whitespace()
                .map(str::to_owned),
        );
        let uppers: Vec<String> = words.iter().map(|w| w.to_ascii_uppercase()).collect();
        let mut tense = 0;
        for word in words.iter().chain(&uppers) {
            if !word.bytes().all(|b| b.is_ascii_alphabetic()) {
                continue;
            }
            let is_tense = matches!(classify(word), Lex::Tense(_));
            tense += usize::from(is_tense);
            assert!(!is_tense || may_be_tense(word.as_bytes()), "{word}");
        }
        assert!(tense > 20, "the list holds tense words: {tense}");
        assert!(!may_be_tense(b"xyzzy") && !may_be_tense(b"Qqqq"));
    }

    #[test]
    fn an_ordinal_suffix_is_part_of_the_number_and_other_letters_glue_it() {
        let toks = tokenize("4th 1AD");
        assert_eq!(toks.len(), 2);
        assert!(matches!(
            toks[0].kind,
            Kind::Num(Num {
                value: 4,
                glued: false,
                ..
            })
        ));
        assert!(matches!(
            toks[1].kind,
            Kind::Num(Num {
                value: 1,
                glued: true,
                ..
            })
        ));
    }

    #[test]
    fn curly_quotes_and_dashes_are_punctuation_with_their_byte_length() {
        let text = "\u{201c}April\u{201d} \u{2013}x";
        let toks = tokenize(text);
        assert_eq!(toks[0].kind, Kind::Punct('\u{201c}'));
        assert_eq!(&text[toks[1].start as usize..toks[1].end as usize], "April");
        assert_eq!(toks[2].kind, Kind::Punct('\u{201d}'));
        assert_eq!(toks[3].kind, Kind::Punct('\u{2013}'));
        assert!(toks[3].space_before);
    }

    #[test]
    fn ascii_symbols_are_punctuation_of_a_byte_and_a_vertical_tab_is_a_space() {
        let text = "(a),\u{b}b;\u{85}c";
        let toks = tokenize(text);
        let kinds: Vec<Kind> = toks.iter().map(|t| t.kind).collect();
        assert_eq!(kinds[0], Kind::Punct('('));
        assert_eq!(kinds[2], Kind::Punct(')'));
        assert_eq!(kinds[3], Kind::Punct(','));
        assert_eq!((toks[3].start, toks[3].end), (3, 4));
        assert!(toks[4].space_before && !toks[4].newline_before);
        assert_eq!(kinds[5], Kind::Punct(';'));
        assert!(toks[6].space_before && toks[6].newline_before);
        assert_eq!(toks.len(), 7);
    }

    #[test]
    fn words_in_other_scripts_are_words() {
        let toks = tokenize("Misrata’s Ṭarābulus 5");
        assert_eq!(toks.len(), 5);
        assert!(matches!(
            toks[3].kind,
            Kind::Word {
                lex: Lex::Other,
                cap: true
            }
        ));
    }
}
