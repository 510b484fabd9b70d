//! Sentence segmentation that survives abbreviations ("U.S.", "Gen.", "F.1").
//!
//! One linear pass over the bytes. Line breaks always end a sentence (the seeds and most feeds put
//! one paragraph per line). Within a line a sentence ends after a run of terminators (`.`, `!`,
//! `?`, `…`) and any closing quotes or brackets, when whitespace follows and the next word does not
//! start with a lowercase letter — unless the run is a single period after a known abbreviation
//! ("Mr.", "Gen.", "St."), an initial ("J. Smith"), letters-and-dots ("U.S.", "U.N.", "e.g."), or
//! "No."/a month abbreviation before a number ("No. 5", "Jan. 5"). A period with no space after it
//! ("3.5", "F.1AD", "pic.twitter.com", "us....our") never ends a sentence. Ranges are trimmed of
//! surrounding whitespace; blank stretches produce no range.

use std::ops::Range;

/// Byte ranges of the sentences of `text`, in order, covering every non-blank character once.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    // News sentences run well over a hundred bytes: room for one per 128 bytes spares most of
    // the regrowth from an empty list.
    let mut out = Vec::with_capacity(bytes.len() / 128 + 1);
    let mut may_end = MayEnd::new(bytes);
    let mut seg_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(len) = line_break_len(bytes, i) {
            push_trimmed(text, seg_start..i, &mut out);
            i += len;
            seg_start = i;
        } else if terminator_len(bytes, i).is_some() {
            let run_start = i;
            let mut j = i;
            while let Some(len) = terminator_len(bytes, j) {
                j += len;
            }
            let run_end = j;
            while let Some(len) = closer_len(bytes, j) {
                j += len;
            }
            if ends_sentence(text, seg_start, run_start, run_end, j) {
                push_trimmed(text, seg_start..j, &mut out);
                seg_start = j;
            }
            i = j;
        } else {
            // On to the next byte that may break a line or end a sentence.
            i = may_end.next(i + 1);
        }
    }
    push_trimmed(text, seg_start..bytes.len(), &mut out);
    out
}

/// The first bytes of a line break or a terminator: `\n`, `\r`, `.`, `!`, `?` and 0xE2 (of
/// U+2028, U+2029 and `…`); what [`MayEnd`] looks for (the tests hold it to this table).
#[cfg(test)]
const MAY_END: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[0xE2] = true;
    t
};

/// The search for the bytes that may break a line or end a sentence (`\n`, `\r`, `.`, `!`, `?`,
/// or 0xE2, the first byte of U+2028, U+2029 and `…`): two vectorised searches of three bytes
/// each. `!`, `?` and `\r` are rare: where one was found is kept, and that search runs again
/// only once a search starts past it (or before where it started), not at every stop of the scan.
struct MayEnd<'t> {
    bytes: &'t [u8],
    /// Where the last search for `!`, `?` and `\r` started, and the first of them it found
    /// (`bytes.len()` if none): none lies in `rare_from..rare`.
    rare_from: usize,
    rare: usize,
}

impl<'t> MayEnd<'t> {
    fn new(bytes: &'t [u8]) -> MayEnd<'t> {
        MayEnd {
            bytes,
            rare_from: 0,
            rare: Self::find(bytes, 0, [b'!', b'?', b'\r']),
        }
    }

    /// The position of the first such byte at or after `from` (`bytes.len()` if none).
    fn next(&mut self, from: usize) -> usize {
        if !(self.rare_from..=self.rare).contains(&from) {
            self.rare_from = from;
            self.rare = Self::find(self.bytes, from, [b'!', b'?', b'\r']);
        }
        Self::find(self.bytes, from, [b'.', b'\n', 0xE2]).min(self.rare)
    }

    /// The first of `needles` at or after `from` (`bytes.len()` if none).
    fn find(bytes: &[u8], from: usize, [a, b, c]: [u8; 3]) -> usize {
        bytes
            .get(from..)
            .and_then(|rest| memchr::memchr3(a, b, c, rest))
            .map_or(bytes.len(), |k| from + k)
    }
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &text[range.clone()];
    let trimmed = piece.trim_start();
    let start = range.start + (piece.len() - trimmed.len());
    let end = start + trimmed.trim_end().len();
    if start < end {
        out.push(start..end);
    }
}

/// `\n`, `\r`, U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR.
fn line_break_len(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes[i] {
        b'\n' | b'\r' => Some(1),
        0xE2 if matches!(bytes.get(i + 1..i + 3), Some([0x80, 0xA8 | 0xA9])) => Some(3),
        _ => None,
    }
}

/// `.`, `!`, `?`, `…`.
fn terminator_len(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i)? {
        b'.' | b'!' | b'?' => Some(1),
        0xE2 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0xA6]) => Some(3),
        _ => None,
    }
}

/// Closing quotes and brackets that belong to the sentence before them: `"`, `'`, `)`, `]`,
/// `”`, `’`, `»`.
fn closer_len(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i)? {
        b'"' | b'\'' | b')' | b']' => Some(1),
        0xE2 if matches!(bytes.get(i + 1..i + 3), Some([0x80, 0x9D | 0x99])) => Some(3),
        0xC2 if bytes.get(i + 1) == Some(&0xBB) => Some(2),
        _ => None,
    }
}

/// Titles and other abbreviations that a capitalised word usually follows.
///
/// (A `match` rather than a list's `contains`: each arm compares a length and a few bytes
/// inline, where `contains` calls `memcmp` for every entry of the same length.)
#[rustfmt::skip]
pub(crate) fn is_title(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs" | "Ms" | "Dr" | "Prof" | "Gen" | "Col" | "Lt" | "Maj" | "Capt" | "Sgt"
            | "Cpl" | "Adm" | "Brig" | "Cmdr" | "Gov" | "Sen" | "Rep" | "Pres" | "Rev" | "Hon"
            | "St" | "Mt" | "Ft" | "Jr" | "Sr" | "vs" | "Messrs" | "approx"
    )
}

/// Abbreviations that end a sentence unless a number follows ("No. 5", "Jan. 5").
#[rustfmt::skip]
fn is_before_number(word: &str) -> bool {
    matches!(
        word,
        "No" | "Nos" | "Vol" | "Art" | "Fig" | "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul"
            | "Aug" | "Sep" | "Sept" | "Oct" | "Nov" | "Dec"
    )
}

/// Longest word we look back over for an abbreviation; longer words are never abbreviations.
const MAX_ABBREVIATION: usize = 16;

/// Does the terminator run `run_start..run_end`, followed by closers up to `after`, end a sentence?
fn ends_sentence(text: &str, start: usize, run_start: usize, run_end: usize, after: usize) -> bool {
    let rest = &text[after..];
    let Some(first) = rest.chars().next() else {
        return true; // end of text
    };
    if !first.is_whitespace() {
        return false; // "3.5", "U.S", "pic.twitter.com", "us....our"
    }
    let Some(next) = rest.chars().find(|c| !c.is_whitespace()) else {
        return true;
    };
    if next.is_lowercase() {
        return false; // "U.S. officials", "airplane! pic.twitter.com"
    }
    if next == '(' && wire_tag_then_dash(rest.trim_start()) {
        return false; // "ROLLING FORK, Miss. (AP) - A tornado": the dateline opens the sentence
    }
    let single_period = run_end - run_start == 1 && text.as_bytes()[run_start] == b'.';
    if !single_period {
        return true;
    }
    // "MAYFIELD, Ky. — A tornado", "PLYMOUTH CO. - A suspect": a dash after the dot of a
    // dateline (a short opening in capitals) goes on with the story's first sentence. (Not
    // after a sentence: "... flooded roads. - Highway 200 ..." is a list of one line.)
    if matches!(next, '—' | '–' | '-')
        && rest
            .trim_start()
            .trim_start_matches(['—', '–', '-'])
            .starts_with(' ')
        && is_dateline(&text[start..run_start])
    {
        return false;
    }
    let word = word_before(text, run_start);
    if word.is_empty() {
        return true;
    }
    if is_title(word) || is_initials(word) {
        return false;
    }
    !(next.is_ascii_digit() && is_before_number(word))
}

/// Longest dateline before its dash ("WEST PALM BEACH, Fla.", "PLYMOUTH CO.").
const MAX_DATELINE: usize = 48;

/// `head` (a sentence's text up to a full stop) is a dateline: short, opening with a word in
/// capitals ("MAYFIELD, Ky", "PLYMOUTH CO", "ST. LOUIS").
fn is_dateline(head: &str) -> bool {
    let head = head.trim_start();
    let first = head
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    head.len() <= MAX_DATELINE
        && first.chars().count() >= 2
        && first.chars().all(char::is_uppercase)
}

/// Longest parenthesised wire-service tag after a dateline ("(AP)", "(Thomson Reuters
/// Foundation)").
const MAX_WIRE_TAG: usize = 40;

/// `rest` opens with a short parenthesised tag followed by a dash: "(AP) - ", "(Reuters) —",
/// what follows a dateline.
fn wire_tag_then_dash(rest: &str) -> bool {
    let Some(inner) = rest.strip_prefix('(') else {
        return false;
    };
    let Some(close) = inner.find(')') else {
        return false;
    };
    close <= MAX_WIRE_TAG
        && !inner[..close].contains(['(', '.', '\n'])
        && inner[close + 1..]
            .trim_start_matches(' ')
            .starts_with(['-', '–', '—'])
}

/// The alphanumeric-and-dots word that ends at `end` (empty if longer than `MAX_ABBREVIATION`).
fn word_before(text: &str, end: usize) -> &str {
    // Most such words are ASCII: read by bytes, and by characters only where a non-ASCII
    // byte is met before the word's start (it may be a letter of the word).
    let bytes = text.as_bytes();
    let mut start = end;
    while start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'.') {
        start -= 1;
        if end - start > MAX_ABBREVIATION {
            return "";
        }
    }
    if start == 0 || bytes[start - 1] < 0x80 {
        return &text[start..end];
    }
    word_before_by_chars(text, end)
}

/// [`word_before`] character by character.
fn word_before_by_chars(text: &str, end: usize) -> &str {
    let head = &text[..end];
    let mut start = end;
    for (idx, c) in head.char_indices().rev() {
        if !(c.is_alphanumeric() || c == '.') {
            break;
        }
        start = idx;
        if end - start > MAX_ABBREVIATION {
            return "";
        }
    }
    &text[start..end]
}

/// "J", "U.S", "U.N", "e.g": single letters joined by dots.
fn is_initials(word: &str) -> bool {
    // Most words before a full stop are words ("said."): an ASCII first letter not followed by
    // a dot opens a part longer than a letter, decided here without the split's search.
    if let [first, second, ..] = word.as_bytes()
        && first.is_ascii()
        && *second != b'.'
    {
        return false;
    }
    let mut parts = 0;
    for part in word.split('.') {
        let mut chars = part.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_alphabetic() => parts += 1,
            _ => return false,
        }
    }
    // One lone letter counts only if uppercase ("J. Smith", not "a." ending a list item).
    parts > 1 || word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_are_single_letters_joined_by_dots() {
        for (word, initials) in [
            ("U.S", true),
            ("e.g", true),
            ("J", true),
            ("É.U", true),
            ("a", false),
            ("said", false),
            ("U.SA", false),
            ("Ab.C", false),
            ("3.5", false),
            ("", false),
            ("É", true),
            ("Éa", false),
        ] {
            assert_eq!(is_initials(word), initials, "{word}");
        }
    }

    #[test]
    fn the_word_before_by_bytes_is_the_one_by_characters() {
        for text in [
            "Gen. Haftar met U.S. envoys in Zürich. Café.au.lait e.g. 3.5 ÉTATS-UNIS. x",
            "abcdefghijklmnopq. abcdefghijklmnop. Ωmega. naïve. 東京. ...",
            "",
        ] {
            for end in (0..=text.len()).filter(|&e| text.is_char_boundary(e)) {
                assert_eq!(
                    word_before(text, end),
                    word_before_by_chars(text, end),
                    "{text:?} at {end}"
                );
            }
        }
    }

    #[test]
    fn the_search_for_a_possible_end_stops_where_the_byte_table_says() {
        let text = "Gen. Haftar\r\nsaid … “no!” Why? U.S.\u{2028}x\u{2029}y – done";
        let bytes = text.as_bytes();
        let by_table = |from: usize| {
            (from..bytes.len())
                .find(|&i| MAY_END[usize::from(bytes[i])])
                .unwrap_or(bytes.len())
        };
        // Searches forward from every byte, as the scan makes them, and then backward, and
        // from every byte after a fresh start.
        let mut may_end = MayEnd::new(bytes);
        for from in (0..=bytes.len() + 1).chain((0..=bytes.len()).rev()) {
            assert_eq!(may_end.next(from), by_table(from), "from {from}");
        }
        for from in 0..=bytes.len() {
            assert_eq!(MayEnd::new(bytes).next(from), by_table(from), "from {from}");
        }
    }

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn plain_sentences_split_after_the_period() {
        assert_eq!(
            sentences("One here. Two there! Three? "),
            ["One here.", "Two there!", "Three?"]
        );
    }

    #[test]
    fn dotted_acronyms_do_not_end_a_sentence() {
        assert_eq!(
            sentences("The U.S. and the U.N. Security Council met. Then"),
            ["The U.S. and the U.N. Security Council met.", "Then"]
        );
    }

    #[test]
    fn a_dateline_ending_in_an_abbreviation_opens_the_sentence_after_its_wire_tag() {
        assert_eq!(
            sentences("ROLLING FORK, Miss. (AP) - A tornado hit late Friday. It moved on."),
            [
                "ROLLING FORK, Miss. (AP) - A tornado hit late Friday.",
                "It moved on."
            ]
        );
        // Without a wire tag, the dash goes on with the dateline too; not after a sentence.
        for dash in ["—", "–", "-", "--"] {
            let text = format!("MAYFIELD, Ky. {dash} A tornado hit late Friday. It moved on.");
            assert_eq!(
                sentences(&text),
                [
                    format!("MAYFIELD, Ky. {dash} A tornado hit late Friday.").as_str(),
                    "It moved on."
                ]
            );
        }
        assert_eq!(
            sentences("Drivers should watch for flooded roads. - Highway 200 is shut."),
            [
                "Drivers should watch for flooded roads.",
                "- Highway 200 is shut."
            ]
        );
        // A parenthesis after a full stop is otherwise a sentence of its own.
        assert_eq!(
            sentences("The vote failed. (Reporting by Ann Lee; editing by Tom Fox.) Next."),
            [
                "The vote failed.",
                "(Reporting by Ann Lee; editing by Tom Fox.)",
                "Next."
            ]
        );
    }

    #[test]
    fn titles_do_not_end_a_sentence() {
        assert_eq!(
            sentences("Gen. Haftar met Mr. Conte and Dr. Salame in St. Petersburg. Done."),
            [
                "Gen. Haftar met Mr. Conte and Dr. Salame in St. Petersburg.",
                "Done."
            ]
        );
    }

    #[test]
    fn month_and_number_abbreviations_before_a_number_do_not_end_a_sentence() {
        assert_eq!(
            sentences("On Jan. 5 he read resolution No. 5 aloud. Next."),
            ["On Jan. 5 he read resolution No. 5 aloud.", "Next."]
        );
    }

    #[test]
    fn aircraft_designations_and_decimals_do_not_end_a_sentence() {
        assert_eq!(
            sentences("A Mirage F.1 and an F.1AD flew 3.5 hours. It crashed."),
            ["A Mirage F.1 and an F.1AD flew 3.5 hours.", "It crashed."]
        );
    }

    #[test]
    fn a_designation_ending_a_sentence_still_ends_it() {
        assert_eq!(
            sentences("the last airworthy Mirage F.1ED. But it turned out"),
            ["the last airworthy Mirage F.1ED.", "But it turned out"]
        );
    }

    #[test]
    fn an_ellipsis_inside_a_word_run_does_not_end_a_sentence_but_one_before_a_capital_does() {
        assert_eq!(
            sentences("worries us....our position. Wait... Then more"),
            ["worries us....our position.", "Wait...", "Then more"]
        );
    }

    #[test]
    fn an_initial_does_not_end_a_sentence() {
        assert_eq!(
            sentences("J. Smith said so. Yes"),
            ["J. Smith said so.", "Yes"]
        );
    }

    #[test]
    fn a_closing_quote_after_the_period_stays_with_its_sentence() {
        assert_eq!(
            sentences("He said \"no.\" Then “yes.” Then (maybe.) End"),
            ["He said \"no.\"", "Then “yes.”", "Then (maybe.)", "End"]
        );
    }

    #[test]
    fn line_breaks_end_sentences_and_blank_lines_produce_nothing() {
        assert_eq!(
            sentences("ROME – first line without a period\n\n  second line  \r\nthird"),
            ["ROME – first line without a period", "second line", "third"]
        );
    }

    #[test]
    fn the_embedded_tweet_keeps_its_attribution_with_its_last_sentence() {
        let text = "Two nights ago, a Mirage F.1 crashed near Al-Watiya Air Base. #LNA claimed it. \
                    But it was #Libya’s Mirage F.1AD! If they shot-it down, then they downed their \
                    own airplane! pic.twitter.com/rf0ZyBI45F — Babak Taghvaee (@BabakTaghvaee) \
                    April 25, 2019";
        assert_eq!(
            sentences(text),
            [
                "Two nights ago, a Mirage F.1 crashed near Al-Watiya Air Base.",
                "#LNA claimed it.",
                "But it was #Libya’s Mirage F.1AD!",
                "If they shot-it down, then they downed their own airplane! \
                 pic.twitter.com/rf0ZyBI45F — Babak Taghvaee (@BabakTaghvaee) April 25, 2019",
            ]
        );
    }

    #[test]
    fn ranges_are_trimmed_on_char_boundaries_and_cover_every_non_blank_character() {
        let text = " “Élan.” Ça va… Oui.\u{2029}Fin ";
        let ranges = split_sentences(text);
        let mut covered = 0;
        let mut prev_end = 0;
        for r in &ranges {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            assert!(prev_end <= r.start);
            prev_end = r.end;
            covered += text[r.clone()]
                .chars()
                .filter(|c| !c.is_whitespace())
                .count();
        }
        assert_eq!(covered, text.chars().filter(|c| !c.is_whitespace()).count());
        assert_eq!(sentences(text), ["“Élan.”", "Ça va…", "Oui.", "Fin"]);
    }

    #[test]
    fn an_empty_or_blank_text_has_no_sentences() {
        assert!(split_sentences("").is_empty());
        assert!(split_sentences(" \n\t ").is_empty());
    }

    #[test]
    fn a_ten_megabyte_line_is_split_in_one_linear_pass() {
        // Linear by construction: each byte is visited once, and the look-back for an
        // abbreviation is capped at `MAX_ABBREVIATION` bytes.
        let unit = "Gen. U.S. F.1 3.5 a....b x. Y ";
        let text = unit.repeat(10 * 1024 * 1024 / unit.len());
        assert_eq!(split_sentences(&text).len(), text.len() / unit.len() + 1);
        let dots = ".".repeat(10 * 1024 * 1024);
        assert_eq!(split_sentences(&dots).len(), 1);
    }
}
