//! The text rules: where an article's body starts, and what its first lines say about its title,
//! byline, outlet and publication date. Pure functions of the text; the loaders add file names.
//!
//! Precedence of the publication date: a `date:` line in a header block, then a leading
//! `date YYYY-MM-DD` token, then a dateline ("ROME, April 19 (Xinhua)"), else undated. A dateline
//! without a year takes the year of the full date ("April 25, 2019", "25 April 2019",
//! "2019-04-25") nearest to it in the text. Bare years ("in 2011") are not used: articles cite
//! past years all the time (seed 002, published in 2019, names only 2017 and 2011), so a bare year
//! is a guess, and an undated article is better than a wrongly dated one.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::DateBasis;
use crate::problem::{Severity, line_of_offset};

/// Header keys recognised in a header block, lower case.
const HEADER_KEYS: [&str; 3] = ["title", "date", "source"];

/// A title is the first line only when it is shorter than this, in characters.
pub const MAX_TITLE_CHARS: usize = 120;

/// How many non-empty lines at the start of the body may hold a byline or the dateline.
const LEAD_LINES: usize = 3;

/// A remark about the text, with its 1-based line in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub severity: Severity,
    pub line: usize,
    pub message: String,
}

/// A dateline at the start of an article: "ROME, April 19 (Xinhua)".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    pub city: String,
    pub month: u32,
    pub day: u32,
    /// The year, when the dateline writes it.
    pub year: Option<i32>,
    pub agency: String,
    /// Byte range of the dateline in the text.
    pub start: usize,
    pub end: usize,
}

/// What the rules found in one text.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// Byte offset of the body in the text.
    pub body_start: usize,
    /// From a `title:` header, else the first line when it is short and not the dateline.
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub basis: DateBasis,
    /// From a `source:` header, else the dateline's agency.
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub dateline: Option<Dateline>,
    /// The date of a leading `date YYYY-MM-DD` token, when there is one and it is a real date.
    pub token_date: Option<NaiveDate>,
    pub notes: Vec<Note>,
}

/// The most characters a dateline's city has ("Pratica di Mare", "SAN FRANCISCO").
const MAX_DATELINE_CITY_CHARS: usize = 40;

/// A dateline ("ROME, April 19 (Xinhua)"). The city's length is checked after the match
/// ([`MAX_DATELINE_CITY_CHARS`]), not counted in the pattern: a counted run of letters of any
/// script is built as that many copies of Unicode's letter class, which took every run of the
/// program some 80 million instructions and 80,000 allocations before its first article. The
/// lazy run tries the shortest city first either way, so the first match whose city is short
/// enough is the same match.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?<city>\p{Lu}[\p{L} .'\-]*?)\s*(?:\((?<country>[^()\n]{1,40})\))?,\s*(?<month>[A-Za-z]{3,9})\.?\s+(?<day>\d{1,2})(?:,?\s+(?<year>\d{4}))?\s*\((?<agency>[^()\n]{1,40})\)",
    )
    .expect("the dateline pattern is valid")
});

static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let month = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    Regex::new(&format!(
        r"(?i)\b(?:{month}\.?\s+\d{{1,2}},?\s+(?<y1>\d{{4}})|\d{{1,2}}\s+{month}\.?,?\s+(?<y2>\d{{4}})|(?<y3>\d{{4}})-\d{{2}}-\d{{2}})\b"
    ))
    .expect("the full date pattern is valid")
});

/// Month number of an English month name or its abbreviation ("Sept" too), case-insensitive.
pub fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = name.to_ascii_lowercase();
    if lower == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| {
            lower.len() >= 3 && (*m == lower || (lower.len() == 3 && m.starts_with(lower.as_str())))
        })
        .map(|i| i as u32 + 1)
}

/// Applies the rules to `text` (already decoded, without a byte order mark).
pub fn parse(text: &str) -> Parsed {
    let mut notes = Vec::new();
    let header = header_block(text, &mut notes);
    let after_header = header.as_ref().map_or(0, |h| h.end);

    // The `date YYYY-MM-DD` token, after leading whitespace.
    let rest = &text[after_header..];
    let lead = rest.len() - rest.trim_start().len();
    let mut body_start = after_header;
    let mut token_date = None;
    if let Some(token) = date_token(&rest[lead..]) {
        let after = after_header + lead + token.len;
        body_start = after + (text[after..].len() - text[after..].trim_start().len());
        match token.date {
            Some(date) => token_date = Some(date),
            None => notes.push(Note {
                severity: Severity::Warning,
                line: line_of_offset(text, after_header + lead),
                message: format!(
                    "the header `date {}` is not a real date, expected `date YYYY-MM-DD`",
                    &rest[lead + token.len - 10..lead + token.len]
                ),
            }),
        }
    }
    let body = &text[body_start..];

    let lead_lines = lead_lines(body, body_start);
    let byline = lead_lines.iter().find_map(|&(_, line)| byline_of(line));
    let dateline = lead_lines
        .iter()
        .find_map(|&(offset, line)| dateline_of(line, offset));

    let header_date = header.as_ref().and_then(|h| h.date);
    let (published, basis) = if let Some(date) = header_date {
        (Some(date), DateBasis::Header)
    } else if let Some(date) = token_date {
        (Some(date), DateBasis::Header)
    } else if let Some(dateline) = &dateline {
        date_of_dateline(text, dateline, &mut notes)
    } else {
        (None, DateBasis::Undated)
    };

    let header_title = header.as_ref().and_then(|h| h.title.clone());
    let title = header_title.or_else(|| {
        let &(offset, first) = lead_lines.first()?;
        let first = first.trim().trim_start_matches('#').trim();
        let is_dateline = dateline.as_ref().is_some_and(|d| d.start == offset);
        let short = first.len() < MAX_TITLE_CHARS * 4 && first.chars().count() < MAX_TITLE_CHARS;
        (short && !is_dateline && byline_of(first).is_none() && !first.is_empty())
            .then(|| first.to_string())
    });
    let header_source = header.and_then(|h| h.source);
    let outlet = header_source.or_else(|| dateline.as_ref().map(|d| d.agency.clone()));

    Parsed {
        body_start,
        title,
        published,
        basis,
        outlet,
        byline,
        dateline,
        token_date,
        notes,
    }
}

struct Header {
    /// Where the body may start: after the block and the blank line(s) that end it.
    end: usize,
    title: Option<String>,
    date: Option<NaiveDate>,
    source: Option<String>,
}

/// A block of `key: value` lines (title, date, source; any case, any order) opening the text,
/// ended by a blank line.
fn header_block(text: &str, notes: &mut Vec<Note>) -> Option<Header> {
    let mut header = Header {
        end: 0,
        title: None,
        date: None,
        source: None,
    };
    let mut offset = 0;
    let mut keys = 0;
    // Lines are counted as they go: `line_of_offset` per line would be quadratic in a file of
    // blank lines.
    for (line_index, line) in text.split_inclusive('\n').enumerate() {
        let content = line.trim_end_matches(['\n', '\r']);
        let line_no = line_index + 1;
        if content.trim().is_empty() {
            if keys > 0 {
                header.end = offset + line.len();
                break;
            }
            // Blank lines before the block.
            offset += line.len();
            continue;
        }
        let Some((key, value)) = header_line(content) else {
            if keys > 0 {
                // ("outlet: Wire" under a title: a key the header does not know, read as the
                // text's first line.)
                let unknown = content.split_once(':').map(|(k, _)| k.trim()).filter(|k| {
                    (1..=20).contains(&k.len()) && k.bytes().all(|b| b.is_ascii_alphabetic())
                });
                let message = match unknown {
                    Some(k) => format!(
                        "unknown header key `{k}:`, expected one of `title:`, `date:`, \
                         `source:`; the line is read as the text's first line"
                    ),
                    None => "the header block is not ended by a blank line, expected a blank \
                             line between the `key: value` lines and the text"
                        .to_string(),
                };
                notes.push(Note {
                    severity: Severity::Warning,
                    line: line_no,
                    message,
                });
                header.end = offset;
            }
            break;
        };
        keys += 1;
        let (value, cut) = super::capped_label(value.trim(), &format!("`{key}:` value"));
        if let Some(message) = cut {
            notes.push(Note {
                severity: Severity::Warning,
                line: line_no,
                message,
            });
        }
        let duplicate = |notes: &mut Vec<Note>| {
            notes.push(Note {
                severity: Severity::Warning,
                line: line_no,
                message: format!("`{key}:` is given twice in the header, the first one is kept"),
            });
        };
        match key.as_str() {
            "title" if header.title.is_some() => duplicate(notes),
            "title" => header.title = Some(value.to_string()).filter(|v| !v.is_empty()),
            "source" if header.source.is_some() => duplicate(notes),
            "source" => header.source = Some(value.to_string()).filter(|v| !v.is_empty()),
            _ if header.date.is_some() => duplicate(notes),
            _ => match super::parse_iso_date(value) {
                Some(date) => header.date = Some(date),
                None => notes.push(Note {
                    severity: Severity::Warning,
                    line: line_no,
                    message: format!("`date: {value}` is not a date, expected `date: YYYY-MM-DD`"),
                }),
            },
        }
        offset += line.len();
        header.end = offset;
    }
    if keys == 0 {
        return None;
    }
    // The body starts after the blank line(s) that end the block.
    let tail = &text[header.end..];
    header.end += tail.len() - tail.trim_start().len();
    Some(header)
}

/// `key: value` with a known key, the key lower-cased.
fn header_line(line: &str) -> Option<(String, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim().to_ascii_lowercase();
    HEADER_KEYS.contains(&key.as_str()).then_some((key, value))
}

struct DateToken {
    /// Length of `date YYYY-MM-DD` in bytes.
    len: usize,
    /// `None` when the digits are not a real date.
    date: Option<NaiveDate>,
}

/// `date YYYY-MM-DD` at the start of `text`, followed by whitespace or the end.
fn date_token(text: &str) -> Option<DateToken> {
    let after_word = text.strip_prefix("date")?;
    let digits = after_word.trim_start_matches([' ', '\t']);
    let gap = after_word.len() - digits.len();
    let candidate = digits.get(..10)?;
    let shaped = gap > 0
        && candidate.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let ends = digits[10..].chars().next().is_none_or(char::is_whitespace);
    if !(shaped && ends) {
        return None;
    }
    Some(DateToken {
        len: 4 + gap + 10,
        date: super::parse_iso_date(candidate),
    })
}

/// The first few non-empty lines of the body with their offsets in the text.
fn lead_lines(body: &str, body_start: usize) -> Vec<(usize, &str)> {
    let mut lines = Vec::with_capacity(LEAD_LINES);
    let mut offset = body_start;
    for line in body.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if !content.trim().is_empty() {
            let indent = content.len() - content.trim_start().len();
            lines.push((offset + indent, content.trim_start()));
            if lines.len() == LEAD_LINES {
                break;
            }
        }
        offset += line.len();
    }
    lines
}

/// "by Stefania Fumo" -> "Stefania Fumo".
fn byline_of(line: &str) -> Option<String> {
    let line = line.trim();
    let name = line.get(..3).filter(|by| by.eq_ignore_ascii_case("by "))?;
    let name = line[name.len()..].trim();
    let plausible = !name.is_empty()
        && name.chars().count() <= 60
        && name.split_whitespace().count() <= 6
        && name.chars().next().is_some_and(char::is_uppercase);
    plausible.then(|| name.to_string())
}

fn dateline_of(line: &str, offset: usize) -> Option<Dateline> {
    // Only the first few hundred bytes can hold a dateline; a huge one-line file stays cheap.
    let mut cut = line.len().min(400);
    while !line.is_char_boundary(cut) {
        cut -= 1;
    }
    let caps = DATELINE
        .captures(&line[..cut])
        .filter(|caps| caps["city"].chars().count() <= MAX_DATELINE_CITY_CHARS)?;
    let month = month_number(&caps["month"])?;
    let day: u32 = caps["day"].parse().ok().filter(|d| (1..=31).contains(d))?;
    let year = caps.name("year").and_then(|y| y.as_str().parse().ok());
    let whole = caps.get(0)?;
    Some(Dateline {
        city: caps["city"].trim().to_string(),
        month,
        day,
        year,
        agency: caps["agency"].trim().to_string(),
        start: offset,
        end: offset + whole.end(),
    })
}

/// The date a dateline gives, inferring a missing year from the nearest full date in the text.
fn date_of_dateline(
    text: &str,
    dateline: &Dateline,
    notes: &mut Vec<Note>,
) -> (Option<NaiveDate>, DateBasis) {
    let line = line_of_offset(text, dateline.start);
    let shown = &text[dateline.start..dateline.end];
    let (year, year_inferred) = if let Some(year) = dateline.year {
        (year, false)
    } else {
        let Some((year, at, surface)) = nearest_full_date_year(text, dateline.start) else {
            notes.push(Note {
                severity: Severity::Warning,
                line,
                message: format!(
                    "the dateline `{shown}` has no year and the text gives no full date to take \
                     one from; the article is left undated, expected a `date: YYYY-MM-DD` header"
                ),
            });
            return (None, DateBasis::Undated);
        };
        notes.push(Note {
            severity: Severity::Warning,
            line,
            message: format!(
                "the dateline `{shown}` has no year; {year} is taken from `{surface}` on line {}",
                line_of_offset(text, at)
            ),
        });
        (year, true)
    };
    if let Some(date) = NaiveDate::from_ymd_opt(year, dateline.month, dateline.day) {
        (Some(date), DateBasis::Dateline { year_inferred })
    } else {
        notes.push(Note {
            severity: Severity::Warning,
            line,
            message: format!(
                "the dateline `{shown}` is not a real date in {year}; the article is left undated"
            ),
        });
        (None, DateBasis::Undated)
    }
}

/// The year of the full date ("April 25, 2019", "25 April 2019", "2019-04-25") nearest to
/// `offset`, with where it is and how it is written.
fn nearest_full_date_year(text: &str, offset: usize) -> Option<(i32, usize, String)> {
    FULL_DATE
        .captures_iter(text)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let year = ["y1", "y2", "y3"]
                .iter()
                .find_map(|n| caps.name(n))?
                .as_str()
                .parse::<i32>()
                .ok()?;
            (1800..=2200)
                .contains(&year)
                .then(|| (year, whole.start(), whole.as_str().to_string()))
        })
        .min_by_key(|(_, at, _)| at.abs_diff(offset))
}

#[cfg(test)]
mod tests {
    use chrono::Datelike;

    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    #[test]
    fn a_leading_date_token_is_the_header_and_the_body_starts_after_it() {
        let text = " date 2019-04-28 ROME – Italian Prime Minister met Putin.\n\nMore.";
        let parsed = parse(text);
        assert_eq!(parsed.published, Some(day("2019-04-28")));
        assert_eq!(parsed.basis, DateBasis::Header);
        assert_eq!(
            &text[parsed.body_start..],
            "ROME – Italian Prime Minister met Putin.\n\nMore."
        );
        assert_eq!(parsed.body_start, 17);
        assert_eq!(parsed.token_date, Some(day("2019-04-28")));
    }

    #[test]
    fn date_inside_a_word_is_not_a_header() {
        let parsed = parse("dated 2019-04-28 things happened");
        assert_eq!(parsed.body_start, 0);
        assert_eq!(parsed.basis, DateBasis::Undated);
    }

    #[test]
    fn an_impossible_date_token_is_still_the_header_but_leaves_the_article_undated() {
        let text = "date 2019-02-30 Tripoli was calm.";
        let parsed = parse(text);
        assert_eq!(&text[parsed.body_start..], "Tripoli was calm.");
        assert_eq!(parsed.basis, DateBasis::Undated);
        assert_eq!(parsed.notes.len(), 1);
        assert!(
            parsed.notes[0].message.contains("2019-02-30"),
            "{:?}",
            parsed.notes
        );
    }

    #[test]
    fn a_header_block_gives_title_date_and_source_in_any_order_and_case() {
        let text = "Source: Libya Observer\nDATE: 2019-04-05\ntitle: Clashes south of Tripoli\n\n  Fighting in Gharyan.";
        let parsed = parse(text);
        assert_eq!(parsed.title.as_deref(), Some("Clashes south of Tripoli"));
        assert_eq!(parsed.published, Some(day("2019-04-05")));
        assert_eq!(parsed.basis, DateBasis::Header);
        assert_eq!(parsed.outlet.as_deref(), Some("Libya Observer"));
        assert_eq!(&text[parsed.body_start..], "Fighting in Gharyan.");
        assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
    }

    #[test]
    fn an_unknown_header_key_is_named_on_its_line_and_read_as_text() {
        let text = "title: Floods\ndate: 2022-08-30\noutlet: Wire\n\nRain fell.";
        let parsed = parse(text);
        assert_eq!(parsed.title.as_deref(), Some("Floods"));
        assert_eq!(parsed.published, Some(day("2022-08-30")));
        assert!(text[parsed.body_start..].starts_with("outlet: Wire"));
        assert_eq!(parsed.notes.len(), 1, "{:?}", parsed.notes);
        assert_eq!(parsed.notes[0].line, 3);
        assert!(
            parsed.notes[0].message.contains("`outlet:`")
                && parsed.notes[0].message.contains("`source:`"),
            "{:?}",
            parsed.notes
        );
        // A line that is no key at all: the blank line is what is missing.
        let parsed = parse("title: Floods\nRain fell: heavily.\n");
        assert!(
            parsed.notes[0]
                .message
                .contains("not ended by a blank line"),
            "{:?}",
            parsed.notes
        );
    }

    #[test]
    fn a_bad_header_date_is_reported_on_its_line() {
        let parsed = parse("title: X\ndate: April 2019\n\nBody.");
        assert_eq!(parsed.basis, DateBasis::Undated);
        assert_eq!(parsed.notes.len(), 1);
        assert_eq!(parsed.notes[0].line, 2);
    }

    #[test]
    fn crlf_line_endings_are_accepted_in_headers() {
        let text = "title: Misrata\r\ndate: 2019-04-10\r\n\r\nBody line.\r\n";
        let parsed = parse(text);
        assert_eq!(parsed.title.as_deref(), Some("Misrata"));
        assert_eq!(parsed.published, Some(day("2019-04-10")));
        assert_eq!(&text[parsed.body_start..], "Body line.\r\n");
    }

    #[test]
    fn a_dateline_with_an_agency_dates_the_article_by_the_nearest_full_date_year() {
        let text = "by Stefania Fumo\nROME, April 19 (Xinhua) -- Talks.\nA tweet of April 25, 2019 said so. In 2017 an embassy opened.";
        let parsed = parse(text);
        assert_eq!(parsed.published, Some(day("2019-04-19")));
        assert_eq!(
            parsed.basis,
            DateBasis::Dateline {
                year_inferred: true
            }
        );
        assert_eq!(parsed.outlet.as_deref(), Some("Xinhua"));
        assert_eq!(parsed.byline.as_deref(), Some("Stefania Fumo"));
        assert_eq!(parsed.title, None, "a byline is not a title");
        assert_eq!(parsed.notes.len(), 1);
        assert!(
            parsed.notes[0].message.contains("April 25, 2019"),
            "{:?}",
            parsed.notes
        );
    }

    #[test]
    fn a_dateline_with_a_country_in_parentheses_is_recognised() {
        let text = "Pratica di Mare (Italy), May 8 (IANS/AKI): Conte spoke. Dated 8 May 2019.";
        let parsed = parse(text);
        let dateline = parsed.dateline.expect("a dateline");
        assert_eq!(dateline.city, "Pratica di Mare");
        assert_eq!(dateline.agency, "IANS/AKI");
        assert_eq!(parsed.published, Some(day("2019-05-08")));
        assert_eq!(parsed.title, None, "the dateline sentence is not a title");
    }

    #[test]
    fn a_dateline_city_of_forty_characters_is_recognised_and_a_longer_one_is_not() {
        let city = format!("Port {}", "a".repeat(35));
        let text = format!("{city}, May 8, 2019 (Wire) - The port reopened.");
        let dateline = parse(&text).dateline.expect("a dateline");
        assert_eq!(dateline.city, city);
        let text = format!("{city}s, May 8, 2019 (Wire) - The port reopened.");
        assert!(parse(&text).dateline.is_none());
    }

    #[test]
    fn a_dateline_without_a_year_and_only_bare_years_leaves_the_article_undated() {
        let text = "ROME, April 19 (Xinhua) -- Italy opened an embassy in Tripoli in 2017.";
        let parsed = parse(text);
        assert_eq!(parsed.published, None);
        assert_eq!(parsed.basis, DateBasis::Undated);
        assert_eq!(parsed.notes.len(), 1);
        assert!(
            parsed.notes[0].message.contains("left undated"),
            "{:?}",
            parsed.notes
        );
    }

    #[test]
    fn a_dateline_with_its_year_is_not_inferred() {
        let parsed = parse("TRIPOLI, Apr. 9, 2019 (Reuters) - Mitiga closed.");
        assert_eq!(parsed.published.map(|d| d.year()), Some(2019));
        assert_eq!(
            parsed.basis,
            DateBasis::Dateline {
                year_inferred: false
            }
        );
        assert!(parsed.notes.is_empty());
    }

    #[test]
    fn text_without_header_or_dateline_is_undated_and_titled_by_its_short_first_line() {
        let text =
            "Italy keeps troops in Libya despite unrest\n\nROME - Italy on Tuesday confirmed.";
        let parsed = parse(text);
        assert_eq!(parsed.basis, DateBasis::Undated);
        assert_eq!(parsed.published, None);
        assert_eq!(parsed.body_start, 0);
        assert_eq!(
            parsed.title.as_deref(),
            Some("Italy keeps troops in Libya despite unrest")
        );
    }

    #[test]
    fn a_long_first_line_is_not_a_title() {
        let text = format!("{}\nmore", "word ".repeat(40));
        assert_eq!(parse(&text).title, None);
    }

    #[test]
    fn a_markdown_heading_is_a_title_without_its_hashes() {
        assert_eq!(
            parse("# Haftar advances\n\ntext").title.as_deref(),
            Some("Haftar advances")
        );
    }

    #[test]
    fn month_names_and_abbreviations_are_numbered() {
        assert_eq!(month_number("April"), Some(4));
        assert_eq!(month_number("apr"), Some(4));
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(month_number("Mayday"), None);
    }
}
