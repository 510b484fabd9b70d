//! Web pages saved from a browser (`.html`, `.htm`, `.xhtml`, one file): the story's text without
//! the menus, ads and comments around it, with the page's title, date, outlet and address.
//!
//! Key decisions:
//! - **Main text** by `dom_smoothie`, a port of Mozilla's Readability (Firefox's reader view):
//!   pure Rust, no network, kept up to date. Its formatted text keeps paragraphs apart. When the
//!   page marks its one story (a single `itemprop="articleBody"` or `<article>`), the extractor
//!   reads that element alone: Readability merges short sentences beside its pick into the story
//!   (a newsletter blurb next to `<main>`).
//! - **Character set**: a byte order mark, else the `<meta charset>` (or `http-equiv`) declared in
//!   the first 4 KB, else UTF-8; a page that is not valid UTF-8 and declares nothing is read as
//!   Windows-1252, as browsers do, and said so.
//! - **Publication date**, first found: the page's published-time meta tag
//!   (`article:published_time` and kin) or JSON-LD `datePublished`, then `<time datetime>` (one
//!   marked as the publication time, else the first in the article), then a date written in the
//!   byline, then the text rules of a plain file (a dateline). A timestamp keeps the calendar day
//!   written in it (the outlet's own day), its zone is not applied. Else undated.
//! - **Source**: the outlet from `og:site_name` (or JSON-LD's publisher), the address from
//!   `og:url`, else `<link rel="canonical">` (absolute http(s) addresses only).
//! - **Bad input**: a binary file renamed `.html` (NUL or control bytes), a page of more than
//!   [`MAX_HTML_ELEMENTS`] elements and a page without readable text are refused with a message;
//!   the reader never panics out (a failure inside the extractor is caught and reported).
//!
//! The body is the extracted text, not a slice of the file: `body_offset` is 0 and a problem's
//! line, when there is one, is a line of that text.

use std::path::Path;
use std::sync::LazyLock;

use chrono::NaiveDate;
use dom_query::Document;
use dom_smoothie::{CandidateSelectMode, Config, Readability, ReadabilityError, TextMode};
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use regex::Regex;

use super::{Article, DateBasis, text};
use crate::problem::Problem;

/// A page with more elements than this is refused: a saved news page has a few thousand.
pub const MAX_HTML_ELEMENTS: usize = 200_000;

/// How far into the file a `<meta charset>` declaration is looked for.
const CHARSET_PRESCAN_BYTES: usize = 4096;

/// Reads a saved page. `None` (with the reason in the problems) when it holds no article.
pub fn article_from_html(id: &str, path: &Path, bytes: &[u8]) -> (Option<Article>, Vec<Problem>) {
    let mut problems = Vec::new();
    let html = match decode_html(bytes) {
        Ok((html, warning)) => {
            if let Some(warning) = warning {
                problems.push(Problem::warning(path, None, warning));
            }
            html
        }
        Err(why) => {
            problems.push(Problem::error(
                path,
                None,
                format!("{why}; the file is skipped"),
            ));
            return (None, problems);
        }
    };
    let page = match super::read_guarded(path, "HTML", || read_page(&html)) {
        Ok(page) => page,
        Err(problem) => {
            problems.push(problem);
            return (None, problems);
        }
    };
    let body = page.text;
    let rules = text::parse(&body);
    let (published, date_basis) = match page.date {
        Some((date, field)) => (Some(date), DateBasis::Metadata { field }),
        None => (rules.published, rules.basis),
    };
    if published.is_none() {
        problems.push(Problem::warning(
            path,
            None,
            "no publication date in the page (no published-time meta tag, JSON-LD datePublished, \
             <time datetime>, dated byline or dateline); it loads undated",
        ));
    }
    let title = if page.title.trim().is_empty() {
        rules.title.unwrap_or_else(|| id.to_owned())
    } else {
        page.title.trim().to_owned()
    };
    let article = Article {
        id: id.to_owned(),
        file: path.to_path_buf(),
        title,
        outlet: page.site_name.or(rules.outlet).map(Into::into),
        byline: page.byline.or(rules.byline).map(Into::into),
        published,
        date_basis,
        body: body.into(),
        body_offset: 0,
        note: None,
        url: page.url.map(Into::into),
    };
    (Some(article), problems)
}

/// What was read from a page.
#[derive(Debug)]
struct Page {
    title: String,
    text: String,
    date: Option<(NaiveDate, String)>,
    site_name: Option<String>,
    byline: Option<String>,
    url: Option<String>,
}

/// Decodes a page by its byte order mark, its declared character set, else UTF-8 (Windows-1252
/// when it is not valid UTF-8); a warning when bytes had to be replaced or the set was guessed.
/// An error when the bytes are not text.
pub fn decode_html(bytes: &[u8]) -> Result<(String, Option<String>), String> {
    let bom = Encoding::for_bom(bytes).map(|(e, _)| e);
    let utf16 = bom.is_some_and(|e| e != UTF_8);
    if !utf16 && let Some(offset) = memchr::memchr(0, bytes) {
        return Err(format!(
            "the file looks binary (a NUL byte at byte {offset}), expected an HTML page"
        ));
    }
    let declared = if bom.is_some() {
        None
    } else {
        declared_charset(bytes)
    };
    let encoding = bom.or(declared).unwrap_or(UTF_8);
    let (text, used, errors) = encoding.decode(bytes);
    let (text, warning) = if errors && declared.is_none() && bom.is_none() {
        let (text, _, _) = WINDOWS_1252.decode(bytes);
        (
            text.into_owned(),
            Some(
                "the page declares no character set and is not valid UTF-8; it was read as \
                 Windows-1252"
                    .to_owned(),
            ),
        )
    } else if errors {
        (
            text.into_owned(),
            Some(format!(
                "the page is not valid {}; invalid bytes were replaced by U+FFFD",
                used.name()
            )),
        )
    } else {
        (text.into_owned(), None)
    };
    if looks_binary(&text) {
        return Err("the file looks binary (control characters), expected an HTML page".to_owned());
    }
    Ok((text, warning))
}

/// More than 1 in 100 of the first 4,096 characters are control characters other than tab,
/// line feed, form feed and carriage return: not a page.
fn looks_binary(text: &str) -> bool {
    let mut chars = 0;
    let mut control = 0;
    for c in text.chars().take(4096) {
        chars += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C') && (c as u32) < 0x80 {
            control += 1;
        }
    }
    control * 100 > chars
}

/// The character set a `<meta charset=...>` or `<meta http-equiv content="...; charset=...">`
/// in the first 4 KB names, when `encoding_rs` knows it. UTF-16 named there means UTF-8 (the
/// HTML standard's rule: a page that can be read to find the declaration is not UTF-16).
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    static CHARSET: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
        regex::bytes::Regex::new(r#"(?i)<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)"#)
            .expect("the charset pattern is valid")
    });
    let head = &bytes[..bytes.len().min(CHARSET_PRESCAN_BYTES)];
    let label = CHARSET.captures(head)?.get(1)?.as_bytes();
    let encoding = Encoding::for_label(label)?;
    Some(
        if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
            UTF_8
        } else {
            encoding
        },
    )
}

fn read_page(html: &str) -> Result<Page, String> {
    let doc = Document::from(html);
    let url = page_url(&doc);
    let time_date = time_element_date(&doc);
    let byline_date = byline_date(&doc);
    let marked_story = marked_story(&doc);
    let config = Config {
        max_elements_to_parse: MAX_HTML_ELEMENTS,
        text_mode: TextMode::Formatted,
        candidate_select_mode: CandidateSelectMode::DomSmoothie,
        ..Config::default()
    };
    let mut readability = Readability::with_document(doc, None, Some(config))
        .map_err(|e| format!("the page cannot be read ({e})"))?;
    let json_ld_date = readability
        .parse_json_ld()
        .and_then(|m| m.published_time)
        .and_then(|t| loose_date(&t));
    let article = readability.parse().map_err(|e| match e {
        ReadabilityError::TooManyElements(found, limit) => {
            format!("the page has {found} elements, above the limit of {limit} for one article")
        }
        ReadabilityError::GrabFailed => "no article text found in the page".to_owned(),
        ReadabilityError::BadDocumentURL => format!("the page cannot be read ({e})"),
    })?;
    let mut text = tidy_text(&article.text_content);
    // The page marks its story: read it alone, so that nothing beside it (a sign-up blurb, a
    // caption of the next story) is merged in, when it holds a story's worth of text.
    if let Some(marked) = marked_story.and_then(|html| story_text(&html))
        && marked.chars().count() >= MIN_MARKED_STORY_CHARS
    {
        text = marked;
    }
    if !text.chars().any(char::is_alphanumeric) {
        return Err("no article text found in the page".to_owned());
    }
    let meta_date = article.published_time.as_deref().and_then(loose_date);
    let date = match (meta_date, json_ld_date) {
        (Some(d), Some(j)) if d == j => Some((d, "the page's JSON-LD datePublished".to_owned())),
        (Some(d), _) => Some((d, "the page's published-time meta tag".to_owned())),
        (None, _) => time_date
            .map(|d| (d, "the page's <time datetime>".to_owned()))
            .or_else(|| byline_date.map(|(d, s)| (d, format!("the page's byline \"{s}\"")))),
    };
    Ok(Page {
        title: article.title,
        text,
        date,
        site_name: article.site_name.filter(|s| !s.trim().is_empty()),
        byline: article.byline.filter(|s| !s.trim().is_empty()),
        url,
    })
}

/// A story the page marks as its one story has at least this many characters of text.
const MIN_MARKED_STORY_CHARS: usize = 200;

/// The HTML of the element the page marks as its story: its one `itemprop="articleBody"`, else
/// its one `<article>` (a page with several, a list of stories or comments, marks none).
fn marked_story(doc: &Document) -> Option<String> {
    ["[itemprop~=\"articleBody\"]", "article"]
        .iter()
        .find_map(|sel| {
            let found = doc.select(sel);
            (found.length() == 1).then(|| found.html().to_string())
        })
}

/// The main text of a marked story, by the same extractor (its own menus and asides removed).
fn story_text(html: &str) -> Option<String> {
    let doc = Document::from(format!("<html><body>{html}</body></html>"));
    let config = Config {
        max_elements_to_parse: MAX_HTML_ELEMENTS,
        text_mode: TextMode::Formatted,
        candidate_select_mode: CandidateSelectMode::DomSmoothie,
        ..Config::default()
    };
    let article = Readability::with_document(doc, None, Some(config))
        .ok()?
        .parse()
        .ok()?;
    Some(tidy_text(&article.text_content))
}

/// Trailing spaces cut from each line, runs of blank lines made one, the ends trimmed.
pub(super) fn tidy_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line.trim_start());
    }
    out
}

/// `og:url`, else the canonical link: an absolute http(s) address.
fn page_url(doc: &Document) -> Option<String> {
    let og = doc
        .select(r#"meta[property="og:url"]"#)
        .attr("content")
        .map(|s| s.to_string());
    let canonical = doc
        .select(r#"link[rel~="canonical"]"#)
        .attr("href")
        .map(|s| s.to_string());
    [og, canonical]
        .into_iter()
        .flatten()
        .map(|u| u.trim().to_owned())
        .find(|u| {
            let lower = u.to_ascii_lowercase();
            (lower.starts_with("https://") || lower.starts_with("http://")) && !u.contains(' ')
        })
}

/// The date of the `<time datetime>` marked as the publication time, else of the first one in
/// an `<article>` or `<header>`, else of the first one in the page.
fn time_element_date(doc: &Document) -> Option<NaiveDate> {
    const SELECTORS: [&str; 5] = [
        r#"time[itemprop~="datePublished"][datetime]"#,
        "time[pubdate][datetime]",
        "article time[datetime]",
        "header time[datetime]",
        "time[datetime]",
    ];
    SELECTORS.iter().find_map(|sel| {
        doc.select(sel)
            .nodes()
            .iter()
            .find_map(|n| n.attr("datetime").and_then(|d| loose_date(&d)))
    })
}

/// A date written in the byline or a dateline element ("Published April 4, 2019"), with the
/// words it was read from.
fn byline_date(doc: &Document) -> Option<(NaiveDate, String)> {
    const SELECTORS: [&str; 4] = [
        r#"[itemprop~="datePublished"]"#,
        r#"[class*="byline"], [class*="dateline"], [rel="author"]"#,
        r#"[class*="publish"], [class*="posted"]"#,
        r#"[class*="date"]"#,
    ];
    SELECTORS.iter().find_map(|sel| {
        doc.select(sel).nodes().iter().find_map(|n| {
            let words: String = n.text().split_whitespace().collect::<Vec<_>>().join(" ");
            let words: String = words.chars().take(200).collect();
            loose_date(&words).map(|d| (d, words))
        })
    })
}

/// A date written in a short text: an ISO date or timestamp (`2019-04-04`, `2019-04-04T10:00Z`;
/// its calendar day as written), `2019/04/04`, "April 4, 2019", "4 April 2019", "Apr. 4 2019".
/// Years 1 to 9999.
pub fn loose_date(text: &str) -> Option<NaiveDate> {
    static ISO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^0-9])(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[^0-9]|$)")
            .expect("the ISO date pattern is valid")
    });
    static WORDS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?:(?<m1>[a-z]{3,9})\.?\s+(?<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y1>\d{4})|(?<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m2>[a-z]{3,9})\.?,?\s+(?<y2>\d{4}))\b",
        )
        .expect("the date pattern is valid")
    });
    let date = |y: &str, m: u32, d: &str| {
        let y: i32 = y.parse().ok()?;
        let d: u32 = d.parse().ok()?;
        NaiveDate::from_ymd_opt(y, m, d).filter(|_| (1..=9999).contains(&y))
    };
    if let Some(c) = ISO.captures(text)
        && let Some(d) = date(&c[1], c[2].parse().ok()?, &c[3])
    {
        return Some(d);
    }
    WORDS.captures_iter(text).find_map(|c| {
        let (m, d, y) = match (c.name("m1"), c.name("m2")) {
            (Some(m), _) => (m, c.name("d1")?, c.name("y1")?),
            (None, Some(m)) => (m, c.name("d2")?, c.name("y2")?),
            (None, None) => return None,
        };
        date(y.as_str(), text::month_number(m.as_str())?, d.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(html: &[u8]) -> (Option<Article>, Vec<Problem>) {
        article_from_html("page", Path::new("page.html"), html)
    }

    const NEWS_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Clashes reach Gharyan | The Desert Courier</title>
<meta property="og:title" content="Clashes reach Gharyan">
<meta property="og:site_name" content="The Desert Courier">
<meta property="og:url" content="https://courier.example/world/gharyan-clashes">
<meta property="article:published_time" content="2019-04-04T21:30:00-05:00">
</head><body>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li><li><a href="/subscribe">Subscribe now</a></li></ul></nav>
<div class="ad">Buy cheap flights to Malta today!</div>
<article><h1>Clashes reach Gharyan</h1>
<p class="byline">By A. Reporter</p>
<p>Forces loyal to the eastern commander advanced on Gharyan on Thursday, residents said,
after a week of fighting in the hills south of the capital. Shops closed early and the main
road north was blocked by checkpoints manned by fighters from several towns.</p>
<p>The town, about 100 kilometres south of Tripoli, controls the road from the southern desert
to the coast. Officials in Tripoli said reinforcements had been sent from Misrata and Zawiya,
and that the airport had been closed to civilian flights for the night.</p>
<p>Aid groups said hundreds of families had left the town for relatives in the coastal cities,
and that the hospital was short of blood and fuel for its generators.</p>
</article>
<section class="comments"><h2>Comments</h2><div class="comment"><p>First! Great article,
subscribe to my channel.</p></div></section>
<footer>Copyright The Desert Courier. Privacy policy. Cookie settings.</footer>
</body></html>"#;

    #[test]
    fn a_saved_news_page_gives_its_story_without_the_menu_and_comments() {
        let (article, problems) = load(NEWS_PAGE.as_bytes());
        let article = article.expect("an article");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(article.title, "Clashes reach Gharyan");
        assert_eq!(article.outlet.as_deref(), Some("The Desert Courier"));
        assert_eq!(
            article.url.as_deref(),
            Some("https://courier.example/world/gharyan-clashes")
        );
        assert_eq!(article.published, NaiveDate::from_ymd_opt(2019, 4, 4));
        assert_eq!(article.date_basis.as_str(), "metadata");
        assert!(
            article
                .body
                .text()
                .contains("advanced on Gharyan on Thursday")
        );
        assert!(article.body.text().contains("short of blood and fuel"));
        for junk in [
            "Subscribe now",
            "Weather",
            "cheap flights",
            "First!",
            "Cookie",
        ] {
            assert!(
                !article.body.text().contains(junk),
                "{junk} in {}",
                article.body
            );
        }
        // Paragraphs stay apart, so sentences do not run into each other.
        assert!(article.body.text().contains("\n\n"), "{}", article.body);
    }

    #[test]
    fn json_ld_then_time_then_byline_give_the_date() {
        let story = "<p>".to_owned()
            + &"Fighting went on near the airport of the capital for a third day. ".repeat(8)
            + "</p>";
        let json_ld = format!(
            r#"<html><head><script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Airport fighting","datePublished":"2020-01-19T08:00:00Z"}}</script></head><body><article>{story}</article></body></html>"#
        );
        let (a, _) = load(json_ld.as_bytes());
        let a = a.expect("article");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2020, 1, 19));
        assert_eq!(
            a.date_basis,
            DateBasis::Metadata {
                field: "the page's JSON-LD datePublished".into()
            }
        );
        let time = format!(
            r#"<html><body><article><header><time datetime="2019-06-26">26 June</time></header>{story}</article></body></html>"#
        );
        let (a, _) = load(time.as_bytes());
        assert_eq!(
            a.expect("article").published,
            NaiveDate::from_ymd_opt(2019, 6, 26)
        );
        let byline = format!(
            r#"<html><body><article><div class="byline">By A. Writer, published 5 July 2019</div>{story}</article></body></html>"#
        );
        let (a, _) = load(byline.as_bytes());
        assert_eq!(
            a.expect("article").published,
            NaiveDate::from_ymd_opt(2019, 7, 5)
        );
        let none = format!("<html><body><article>{story}</article></body></html>");
        let (a, problems) = load(none.as_bytes());
        assert_eq!(a.expect("article").date_basis, DateBasis::Undated);
        assert!(problems[0].message.contains("no publication date"));
    }

    #[test]
    fn a_declared_latin1_page_is_decoded_by_its_declaration() {
        let mut page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><title>Caf\xe9</title></head><body><article><p>".to_vec();
        page.extend_from_slice(
            &b"Le caf\xe9 de Tripoli a ferm\xe9 ses portes jeudi soir. ".repeat(10),
        );
        page.extend_from_slice(b"</p></article></body></html>");
        let (a, problems) = load(&page);
        let a = a.expect("article");
        assert!(
            problems.iter().all(|p| !p.message.contains("U+FFFD")),
            "{problems:?}"
        );
        assert_eq!(a.title, "Caf\u{e9}");
        assert!(a.body.text().contains("ferm\u{e9}"), "{}", a.body);
    }

    #[test]
    fn an_undeclared_non_utf8_page_is_read_as_windows_1252_with_a_warning() {
        let (text, warning) = decode_html(b"<p>Caf\xe9</p>").expect("text");
        assert_eq!(text, "<p>Caf\u{e9}</p>");
        assert!(warning.expect("warning").contains("Windows-1252"));
    }

    #[test]
    fn a_binary_renamed_html_is_refused_naming_the_file() {
        let (a, problems) = load(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
        assert!(a.is_none());
        assert_eq!(problems.len(), 1);
        assert!(problems[0].to_string().contains("page.html"));
        assert!(problems[0].message.contains("binary"), "{}", problems[0]);
        let (a, problems) = load(b"\x01\x02\x03\x04\x05\x06\x07\x08 junk \x7f\x1b\x1c");
        assert!(a.is_none());
        assert!(problems[0].message.contains("binary"), "{}", problems[0]);
    }

    #[test]
    fn malformed_html_still_gives_its_text_or_a_clear_message() {
        let (a, _) = load(b"<html><body><article><p>Unclosed <b>bold <i>text in Tripoli on 4 April 2019 about the fighting that went on for days near the airport and the roads south of the capital, residents said</article></div></span>");
        assert!(a.expect("article").body.text().contains("Tripoli"));
        let (a, problems) = load(b"<<<>>></////>");
        assert!(a.is_none());
        assert!(
            problems[0].message.contains("no article text"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn loose_dates() {
        let d = NaiveDate::from_ymd_opt;
        assert_eq!(loose_date("2019-04-04T23:30:00-05:00"), d(2019, 4, 4));
        assert_eq!(
            loose_date("Published April 4, 2019 at 10:00"),
            d(2019, 4, 4)
        );
        assert_eq!(loose_date("Updated 4th of Apr. 2019"), d(2019, 4, 4));
        assert_eq!(loose_date("2019/4/4"), d(2019, 4, 4));
        assert_eq!(loose_date("Thursday"), None);
        assert_eq!(loose_date("2019-02-30"), None);
        assert_eq!(loose_date("Blue 4 2019"), None);
    }
}
