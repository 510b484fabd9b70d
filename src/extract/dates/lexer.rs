//! A single-pass lexer for the temporal tagger: words, numbers and punctuation with byte offsets.
//!
//! Words are runs of alphabetic characters (any script); numbers are runs of ASCII digits, with an
//! English ordinal suffix ("4th") folded in and any other letters glued on ("1AD", "45F") marking
//! the number as not a date. Whitespace is dropped but remembered as `space_before`, so patterns
//! can tell "F.1" and "3,400" from "in 2011, and".

use chrono::Weekday;

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
}

/// Calendar units that counts and deictic words attach to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    Hour,
    Day,
    Night,
    Week,
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
    /// "expected", "scheduled", "due", "plans", "set": future when "to" or "for" follows.
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
    /// "first" ..= "fourth": quarters and halves.
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
    /// "following", "next" is `Next`.
    Following,
    /// "previous", "prior", "preceding".
    Previous,
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
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Num {
    /// Saturates at `u32::MAX`; only small values matter.
    pub value: u32,
    pub digits: usize,
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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Whitespace (or the start of the text) precedes this token.
    pub space_before: bool,
    /// A line break precedes this token: a paragraph or a heading ends there.
    pub newline_before: bool,
}

/// Splits `text` into tokens in one pass; linear in the length of `text`.
pub(super) fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    // A rough guess (one token per 6 bytes) avoids most regrowth without over-reserving.
    let mut tokens = Vec::with_capacity(bytes.len() / 6 + 1);
    let mut i = 0;
    let mut space_before = true;
    let mut newline_before = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            space_before = true;
            newline_before |= b == b'\n' || b == b'\r';
            i += 1;
            continue;
        }
        let start = i;
        let kind = if b.is_ascii_digit() {
            let (num, end) = lex_number(text, i);
            i = end;
            Kind::Num(num)
        } else if b.is_ascii_alphabetic() || (b >= 0x80 && starts_alphabetic(text, i)) {
            i = word_end(text, i);
            let word = &text[start..i];
            let cap = word.chars().next().is_some_and(char::is_uppercase);
            Kind::Word {
                lex: classify(word),
                cap,
            }
        } else {
            let c = text[i..].chars().next().unwrap_or('\u{fffd}');
            i += c.len_utf8().max(1);
            if c.is_whitespace() {
                space_before = true;
                newline_before |= matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}');
                continue;
            }
            Kind::Punct(c)
        };
        tokens.push(Token {
            start,
            end: i,
            kind,
            space_before,
            newline_before,
        });
        space_before = false;
        newline_before = false;
    }
    tokens
}

fn starts_alphabetic(text: &str, i: usize) -> bool {
    text[i..].chars().next().is_some_and(char::is_alphabetic)
}

/// End of the run of alphabetic characters starting at `i`.
fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphabetic() {
            i += 1;
        } else if b >= 0x80 {
            match text[i..].chars().next() {
                Some(c) if c.is_alphabetic() => i += c.len_utf8(),
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
    let digits = i - start;
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

/// What `word` means to the tagger, ignoring case.
fn classify(word: &str) -> Lex {
    const MAX: usize = 12;
    let bytes = word.as_bytes();
    if !bytes.is_ascii() {
        return Lex::Other;
    }
    if bytes.len() > MAX {
        return past_participle(bytes);
    }
    let mut buf = [0u8; MAX];
    for (dst, src) in buf.iter_mut().zip(bytes) {
        *dst = src.to_ascii_lowercase();
    }
    let month = |month, abbr| Lex::Month { month, abbr };
    let unit = |unit, plural| Lex::Unit { unit, plural };
    match &buf[..bytes.len()] {
        b"january" => month(1, false),
        b"february" => month(2, false),
        b"march" => month(3, false),
        b"april" => month(4, false),
        b"may" => month(5, false),
        b"june" => month(6, false),
        b"july" => month(7, false),
        b"august" => month(8, false),
        b"september" => month(9, false),
        b"october" => month(10, false),
        b"november" => month(11, false),
        b"december" => month(12, false),
        b"jan" => month(1, true),
        b"feb" => month(2, true),
        b"mar" => month(3, true),
        b"apr" => month(4, true),
        b"jun" => month(6, true),
        b"jul" => month(7, true),
        b"aug" => month(8, true),
        b"sep" | b"sept" => month(9, true),
        b"oct" => month(10, true),
        b"nov" => month(11, true),
        b"dec" => month(12, true),
        b"monday" => Lex::Weekday(Weekday::Mon),
        b"tuesday" => Lex::Weekday(Weekday::Tue),
        b"wednesday" => Lex::Weekday(Weekday::Wed),
        b"thursday" => Lex::Weekday(Weekday::Thu),
        b"friday" => Lex::Weekday(Weekday::Fri),
        b"saturday" => Lex::Weekday(Weekday::Sat),
        b"sunday" => Lex::Weekday(Weekday::Sun),
        b"in" => Lex::Prep(Prep::In),
        b"on" => Lex::Prep(Prep::On),
        b"at" => Lex::Prep(Prep::At),
        b"since" => Lex::Prep(Prep::Since),
        b"by" => Lex::Prep(Prep::By),
        b"of" => Lex::Prep(Prep::Of),
        b"before" => Lex::Prep(Prep::Before),
        b"after" => Lex::Prep(Prep::After),
        b"during" => Lex::Prep(Prep::During),
        b"until" | b"till" | b"through" | b"thru" => Lex::Prep(Prep::Until),
        b"to" => Lex::Prep(Prep::To),
        b"from" => Lex::Prep(Prep::From),
        b"between" => Lex::Prep(Prep::Between),
        b"and" => Lex::And,
        b"the" => Lex::The,
        b"a" | b"an" => Lex::A,
        b"one" => Lex::Count(1),
        b"two" => Lex::Count(2),
        b"three" => Lex::Count(3),
        b"four" => Lex::Count(4),
        b"five" => Lex::Count(5),
        b"six" => Lex::Count(6),
        b"seven" => Lex::Count(7),
        b"eight" => Lex::Count(8),
        b"nine" => Lex::Count(9),
        b"ten" => Lex::Count(10),
        b"eleven" => Lex::Count(11),
        b"twelve" => Lex::Count(12),
        b"fifteen" => Lex::Count(15),
        b"twenty" => Lex::Count(20),
        b"thirty" => Lex::Count(30),
        b"hour" => unit(Unit::Hour, false),
        b"hours" => unit(Unit::Hour, true),
        b"day" => unit(Unit::Day, false),
        b"days" => unit(Unit::Day, true),
        b"night" => unit(Unit::Night, false),
        b"nights" => unit(Unit::Night, true),
        b"week" => unit(Unit::Week, false),
        b"weeks" => unit(Unit::Week, true),
        b"month" => unit(Unit::Month, false),
        b"months" => unit(Unit::Month, true),
        b"year" => unit(Unit::Year, false),
        b"years" => unit(Unit::Year, true),
        b"today" => Lex::Today,
        b"tonight" => Lex::Tonight,
        b"yesterday" => Lex::Yesterday,
        b"tomorrow" => Lex::Tomorrow,
        b"this" => Lex::This,
        b"last" => Lex::Last,
        b"next" => Lex::Next,
        b"past" => Lex::Past,
        b"earlier" => Lex::Earlier,
        b"later" => Lex::Later,
        b"early" => Lex::Early,
        b"mid" => Lex::Mid,
        b"late" => Lex::Late,
        b"ago" => Lex::Ago,
        b"morning" | b"afternoon" | b"evening" => Lex::DayPart,
        b"weekend" => unit(Unit::Weekend, false),
        b"weekends" => unit(Unit::Weekend, true),
        b"quarter" => unit(Unit::Quarter, false),
        b"quarters" => unit(Unit::Quarter, true),
        b"decade" => unit(Unit::Decade, false),
        b"decades" => unit(Unit::Decade, true),
        b"first" => Lex::Ordinal(1),
        b"second" => Lex::Ordinal(2),
        b"third" => Lex::Ordinal(3),
        b"fourth" => Lex::Ordinal(4),
        b"half" => Lex::Half,
        b"spring" => Lex::Season(0),
        b"summer" => Lex::Season(1),
        b"fall" | b"autumn" => Lex::Season(2),
        b"winter" => Lex::Season(3),
        b"fiscal" => Lex::Fiscal,
        b"christmas" => Lex::Holiday(Holiday::Christmas),
        b"easter" => Lex::Holiday(Holiday::Easter),
        b"thanksgiving" => Lex::Holiday(Holiday::Thanksgiving),
        b"halloween" => Lex::Holiday(Holiday::Halloween),
        b"now" | b"currently" | b"presently" | b"nowadays" => Lex::Now,
        b"recently" | b"lately" => Lex::Recently,
        b"recent" => Lex::Recent,
        b"few" | b"several" => Lex::Few,
        b"same" => Lex::Same,
        b"that" => Lex::That,
        b"following" => Lex::Following,
        b"previous" | b"prior" | b"preceding" => Lex::Previous,
        b"noon" | b"midday" => Lex::Noon,
        b"midnight" => Lex::Midnight,
        b"century" => Lex::Century,
        b"end" => Lex::End,
        b"beginning" | b"start" => Lex::Beginning,
        b"latest" => Lex::Latest,
        b"current" => Lex::Current,
        b"will" | b"shall" | b"would" | b"wo" => Lex::Tense(Cue::Future),
        b"is" | b"are" | b"am" | b"says" | b"does" | b"do" => Lex::Tense(Cue::Present),
        b"has" | b"have" => Lex::Tense(Cue::Perfect),
        b"expected" | b"expects" | b"expect" | b"scheduled" | b"due" | b"plans" | b"plan"
        | b"planned" | b"set" | b"slated" | b"aims" | b"intends" | b"going" | b"poised"
        | b"hopes" => Lex::Tense(Cue::Intent),
        b"was" | b"were" | b"had" | b"did" | b"said" | b"told" | b"met" | b"began" | b"took"
        | b"came" | b"went" | b"made" | b"gave" | b"saw" | b"fell" | b"rose" | b"won" | b"lost"
        | b"left" | b"held" | b"led" | b"sold" | b"bought" | b"paid" | b"got" | b"ran"
        | b"brought" | b"found" | b"became" | b"kept" | b"spoke" | b"wrote" | b"sent"
        | b"spent" | b"built" | b"fought" | b"fled" | b"struck" | b"stood" | b"shot" | b"broke"
        | b"drew" | b"flew" | b"grew" | b"knew" | b"thought" | b"heard" | b"sought"
        | b"withdrew" | b"hit" | b"cut" | b"put" => Lex::Tense(Cue::Past),
        _ => past_participle(bytes),
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
        assert_eq!(&text[toks[1].start..toks[1].end], "April");
        assert_eq!(toks[2].kind, Kind::Punct('\u{201d}'));
        assert_eq!(toks[3].kind, Kind::Punct('\u{2013}'));
        assert!(toks[3].space_before);
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
