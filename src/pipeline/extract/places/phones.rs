//! The states a story's North American phone numbers are in: "call the sheriff's office at
//! 304-340-3676" places a local story in West Virginia even where it never names the state.
//! The area codes' states come from `data/area_codes.tsv` (built by
//! `scripts/build_area_codes.py` from libphonenumber's geocoding data), compiled in.

use std::sync::OnceLock;

/// `area code -> division key` lines of `data/area_codes.tsv` (`#` lines are comments).
const AREA_CODES: &str = include_str!("../../../../data/area_codes.tsv");

/// At most this many phone numbers are read per article (a directory of numbers says no more).
const MAX_NUMBERS: usize = 16;

/// The division key (`US.WV`, `CA.08`) of each three-digit area code, or `None` (toll-free,
/// non-geographic, shared by several states, or not a code).
fn table() -> &'static [Option<&'static str>; 1000] {
    static TABLE: OnceLock<[Option<&'static str>; 1000]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [None; 1000];
        for line in AREA_CODES.lines().filter(|l| !l.starts_with('#')) {
            let mut fields = line.split('\t');
            if let (Some(code), Some(key)) = (fields.next(), fields.next())
                && let Ok(n) = code.parse::<usize>()
                && let Some(slot) = t.get_mut(n)
            {
                *slot = Some(key);
            }
        }
        t
    })
}

/// The three digits at `bytes[at..at + 3]` as a number, if they are digits.
fn three_digits(bytes: &[u8], at: usize) -> Option<usize> {
    let d = bytes.get(at..at + 3)?;
    d.iter()
        .all(u8::is_ascii_digit)
        .then(|| d.iter().fold(0, |n, &b| n * 10 + usize::from(b - b'0')))
}

/// The area code of a number whose line number's dash is at `dash` ("304-340-3676",
/// "(304) 340-3676", "1-304-340-3676"), if `dash` is one.
fn area_code_at(bytes: &[u8], dash: usize) -> Option<usize> {
    let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    // The line number: three digits, the dash, four digits, then no digit.
    let exchange = dash.checked_sub(3)?;
    if three_digits(bytes, exchange).is_none()
        || !(1..=4).all(|k| digit_at(dash + k))
        || digit_at(dash + 5)
    {
        return None;
    }
    let gap = exchange.checked_sub(1)?;
    let code = match bytes.get(gap)? {
        b'-' | b'.' | b' ' if bytes.get(gap.checked_sub(1)?) != Some(&b')') => {
            gap.checked_sub(3)?
        }
        // "(304) 340-3676"
        b' ' => {
            let open = gap.checked_sub(5)?;
            (bytes.get(open) == Some(&b'(')).then_some(open + 1)?
        }
        _ => return None,
    };
    // Nothing of a longer number before it (but the country code "1-").
    let before = code.checked_sub(1).and_then(|i| bytes.get(i));
    if before.is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    three_digits(bytes, code)
}

/// The division keys of the area codes of the North American phone numbers in `text`, each
/// once, in order of first use.
pub(super) fn states_called(text: &str) -> Vec<&'static str> {
    let bytes = text.as_bytes();
    let mut out: Vec<&'static str> = Vec::new();
    let mut numbers = 0;
    for dash in memchr::memchr_iter(b'-', bytes) {
        let Some(code) = area_code_at(bytes, dash) else {
            continue;
        };
        numbers += 1;
        if let Some(Some(key)) = table().get(code)
            && !out.contains(key)
        {
            out.push(key);
        }
        if numbers >= MAX_NUMBERS {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_name_their_area_codes_state() {
        assert_eq!(
            states_called("Call the office at 304-340-3676 or (519) 661-5670 today."),
            vec!["US.WV", "CA.08"]
        );
        assert_eq!(states_called("Call 1-903-675-8477."), vec!["US.TX"]);
        // Toll-free numbers, dates, scores and bare line numbers say nothing.
        assert!(states_called("Call 800-252-8011 or 953-6010.").is_empty());
        assert!(states_called("On 2019-04-05 the score was 3-1; code A304-340-3676.").is_empty());
    }

    #[test]
    fn every_line_of_the_table_is_read() {
        let lines = AREA_CODES.lines().filter(|l| !l.starts_with('#')).count();
        assert_eq!(table().iter().flatten().count(), lines);
    }
}
