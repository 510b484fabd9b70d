//! News feeds: RSS (0.9x, 1.0, 2.0), Atom and JSON Feed files (`.rss`, `.atom`, `.xml`, `.json`),
//! read with `feed-rs`. Every item is an article with its own date, link and text.
//!
//! Key decisions:
//! - **Text**: the item's full content when the feed carries it, else its summary (the article's
//!   note then says so), HTML turned into plain text with paragraphs kept apart; the title is
//!   the item's title. An item with neither text nor title is reported and skipped.
//! - **Date**: the item's published date, else its updated date (`DateBasis::Metadata` names
//!   which), on the calendar of the time zone the item is stamped in: `feed-rs` gives instants in
//!   UTC, so the item's own text (found by [`feed_items`](super::feed_items)) is read again for
//!   its offset, and "Tue, 09 Apr 2019 22:30 -0700" is 9 April, not 10 April. When the text
//!   cannot be matched to the instant, the UTC day is taken and the basis says "(UTC)". An item
//!   without either date loads undated.
//! - **Ids**: `<file stem>-<item number>` (1-based, in feed order), so each item has its own
//!   saved date; the link is the article's `url`; the outlet is the feed's title.
//! - **Bounds**: the file is read up to [`MAX_FEED_BYTES`] and parsed whole (a feed of 100,000
//!   items is fine).
//! - **A broken feed keeps its good items.** When an XML feed does not parse whole, each of its
//!   items is parsed alone (with the feed's header and the end tags it needs), so the items
//!   before and after the break are kept; one error names the file, the line and the item where
//!   it broke and how many were kept, and each unreadable or cut-off item is reported by number
//!   (the first [`MAX_ITEM_PROBLEMS`]). A feed with no readable item is one error.

use std::fmt::Write as _;
use std::path::Path;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Utc};
use feed_rs::model::{Entry, Feed};

use super::feed_items::{self, ItemSpan};
use super::{Article, DateBasis};
use crate::problem::Problem;

/// Feeds above this size are refused: a year of a busy outlet's items is a few megabytes.
pub const MAX_FEED_BYTES: u64 = 64 * 1024 * 1024;

/// How many unreadable items of a broken feed are reported one by one (the rest are counted).
pub const MAX_ITEM_PROBLEMS: usize = 20;

/// The note of an article whose feed carried only the item's summary.
pub const SUMMARY_ONLY_NOTE: &str =
    "Summary only: the feed carries no full text for this item; open its link for the story.";

/// Every item of the feed in `bytes` as an article; problems name `path` and the item.
pub fn articles_from_feed(stem: &str, path: &Path, bytes: &[u8]) -> (Vec<Article>, Vec<Problem>) {
    let mut problems = Vec::new();
    let feed = match parse(path, bytes) {
        Ok(feed) => feed,
        Err(problem) => return item_by_item(stem, path, bytes, problem),
    };
    let outlet = feed_title(&feed);
    if feed.entries.is_empty() {
        problems.push(Problem::warning(path, None, "the feed has no items"));
    }
    // The date texts of each item as written, in order, for the items' own time zones.
    let raw_dates: Vec<Vec<String>> = if bytes.trim_ascii_start().starts_with(b"{") {
        feed_items::json_item_dates(bytes)
    } else {
        feed_items::item_spans(bytes)
            .iter()
            .map(|span| {
                feed_items::xml_item_dates(&bytes[span.start..span.end.unwrap_or(bytes.len())])
            })
            .collect()
    };
    let mut articles = Vec::with_capacity(feed.entries.len());
    for (i, entry) in feed.entries.iter().enumerate() {
        let n = i + 1;
        let raw = raw_dates.get(i).map_or(&[][..], Vec::as_slice);
        match item_article(stem, path, n, entry, raw, outlet.as_deref()) {
            Some(article) => articles.push(article),
            None => problems.push(skipped_empty(path, n)),
        }
    }
    problems.extend(undated_warning(path, &articles, feed.entries.len()));
    (articles, problems)
}

/// `bytes` parsed whole by `feed-rs`, or the problem naming `path`.
fn parse(path: &Path, bytes: &[u8]) -> Result<Feed, Problem> {
    super::read_guarded(path, "feed", || {
        feed_rs::parser::parse(bytes)
            .map_err(|err| format!("not a readable RSS, Atom or JSON feed ({err})"))
    })
}

fn skipped_empty(path: &Path, n: usize) -> Problem {
    Problem::warning(
        path,
        None,
        format!("item {n} has no title and no text; it is skipped"),
    )
}

fn undated_warning(path: &Path, articles: &[Article], items: usize) -> Option<Problem> {
    let undated = articles.iter().filter(|a| a.published.is_none()).count();
    (undated > 0).then(|| {
        Problem::warning(
            path,
            None,
            format!(
                "{undated} of {items} items have no published or updated date; they load undated"
            ),
        )
    })
}

/// A feed that did not parse whole (`broken` says why), read one item at a time: each item is
/// parsed alone between the feed's header (what comes before the first item) and the end tags
/// that header leaves open. The items that parse are kept.
fn item_by_item(
    stem: &str,
    path: &Path,
    bytes: &[u8],
    broken: Problem,
) -> (Vec<Article>, Vec<Problem>) {
    let spans = if bytes.trim_ascii_start().starts_with(b"<") {
        feed_items::item_spans(bytes)
    } else {
        Vec::new()
    };
    let Some(first) = spans.first() else {
        return (Vec::new(), vec![broken]);
    };
    let header = &bytes[..first.start];
    let closers = feed_items::closing_tags(header);
    let alone = |item: &[u8]| -> Result<Feed, Problem> {
        let mut doc = Vec::with_capacity(header.len() + item.len() + closers.len());
        doc.extend_from_slice(header);
        doc.extend_from_slice(item);
        doc.extend_from_slice(&closers);
        parse(path, &doc)
    };
    let outlet = alone(b"").ok().as_ref().and_then(feed_title);
    let mut articles = Vec::new();
    let mut bad: Vec<(usize, usize, String)> = Vec::new(); // (item, line, why)
    for (i, &ItemSpan { start, end }) in spans.iter().enumerate() {
        let n = i + 1;
        let line = feed_items::line_at(bytes, start);
        let Some(end) = end else {
            bad.push((
                n,
                line,
                "it is cut off (the file ends, or the next item starts, before its end tag)"
                    .to_owned(),
            ));
            continue;
        };
        let item = &bytes[start..end];
        match alone(item) {
            Ok(feed) if feed.entries.len() == 1 => {
                let raw = feed_items::xml_item_dates(item);
                match item_article(stem, path, n, &feed.entries[0], &raw, outlet.as_deref()) {
                    Some(article) => articles.push(article),
                    None => bad.push((n, line, "it has no title and no text".to_owned())),
                }
            }
            Ok(_) => bad.push((n, line, "it is not one feed item".to_owned())),
            Err(problem) => bad.push((n, line, problem.message)),
        }
    }
    if articles.is_empty() {
        let mut only = broken;
        let _ = write!(
            only.message,
            "; none of its {} items could be read alone",
            spans.len()
        );
        return (Vec::new(), vec![only]);
    }
    let mut problems = Vec::with_capacity(bad.len().min(MAX_ITEM_PROBLEMS) + 2);
    let (at, line) = match bad.first() {
        Some((n, line, _)) => (format!("at item {n}"), Some(*line)),
        None => ("outside its items".to_owned(), None),
    };
    problems.push(Problem::error(
        path,
        line,
        format!(
            "the feed breaks {at} ({}); each item was read alone: {} of {} items kept",
            broken.message,
            articles.len(),
            spans.len()
        ),
    ));
    for (n, line, why) in bad.iter().take(MAX_ITEM_PROBLEMS) {
        problems.push(Problem::error(
            path,
            Some(*line),
            format!("item {n} is skipped: {why}"),
        ));
    }
    if bad.len() > MAX_ITEM_PROBLEMS {
        problems.push(Problem::error(
            path,
            None,
            format!(
                "{} more items are skipped as unreadable",
                bad.len() - MAX_ITEM_PROBLEMS
            ),
        ));
    }
    problems.extend(undated_warning(path, &articles, spans.len()));
    (articles, problems)
}

fn feed_title(feed: &Feed) -> Option<String> {
    feed.title
        .as_ref()
        .map(|t| plain_text(&t.content))
        .filter(|t| !t.is_empty())
}

fn item_article(
    stem: &str,
    path: &Path,
    n: usize,
    entry: &Entry,
    raw_dates: &[String],
    outlet: Option<&str>,
) -> Option<Article> {
    let title = entry
        .title
        .as_ref()
        .map(|t| one_line(&plain_text(&t.content)))
        .unwrap_or_default();
    let content = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .map(plain_text)
        .filter(|t| !t.is_empty());
    let summary = entry
        .summary
        .as_ref()
        .map(|s| plain_text(&s.content))
        .filter(|t| !t.is_empty());
    let (body, note) = match (content, summary) {
        (Some(body), _) => (body, None),
        (None, Some(summary)) => (summary, Some(SUMMARY_ONLY_NOTE.to_owned())),
        (None, None) => (String::new(), None),
    };
    if title.is_empty() && body.is_empty() {
        return None;
    }
    let (published, date_basis) = item_date(entry, raw_dates);
    let url = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| entry.links.first())
        .map(|l| l.href.trim().to_owned())
        .filter(|h| !h.is_empty());
    let byline = (!entry.authors.is_empty()).then(|| {
        entry
            .authors
            .iter()
            .filter_map(|p| p.name.as_deref().map(str::trim))
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    });
    let mut id = String::with_capacity(stem.len() + 8);
    let _ = write!(id, "{stem}-{n}");
    Some(Article {
        id,
        file: path.to_path_buf(),
        title: if title.is_empty() {
            format!("{stem} item {n}")
        } else {
            title
        },
        outlet: outlet.map(Into::into),
        byline: byline.filter(|b| !b.is_empty()).map(Into::into),
        published,
        date_basis,
        body: body.into(),
        body_offset: 0,
        note: note.map(Into::into),
        url: url.map(Into::into),
    })
}

/// The item's published (else updated) day, in the time zone its own text gives when one of
/// `raw_dates` (the item's date texts as written) is that instant; else the UTC day.
fn item_date(entry: &Entry, raw_dates: &[String]) -> (Option<NaiveDate>, DateBasis) {
    let in_range = |d: NaiveDate| Some(d).filter(|d| (1..=9999).contains(&d.year()));
    for (instant, what) in [(&entry.published, "published"), (&entry.updated, "updated")] {
        let Some(instant) = instant else {
            continue;
        };
        let (day, zone) = match local_day(instant, raw_dates) {
            Some(day) => (day, "its own time zone"),
            None => (instant.date_naive(), "UTC"),
        };
        if let Some(day) = in_range(day) {
            return (
                Some(day),
                DateBasis::Metadata {
                    field: format!("the feed item's {what} date ({zone})"),
                },
            );
        }
    }
    (None, DateBasis::Undated)
}

/// The calendar day of `instant` where it was stamped: the first of `raw_dates` that reads (RFC
/// 2822 as RSS writes, RFC 3339 as Atom and JSON Feed write) as the same instant.
fn local_day(instant: &DateTime<Utc>, raw_dates: &[String]) -> Option<NaiveDate> {
    raw_dates.iter().find_map(|text| {
        let stamped: DateTime<FixedOffset> = DateTime::parse_from_rfc2822(text)
            .or_else(|_| DateTime::parse_from_rfc3339(text))
            .ok()?;
        (stamped.with_timezone(&Utc) == *instant).then(|| stamped.date_naive())
    })
}

/// The text of an HTML fragment (or of plain text, which parses as itself), paragraphs kept
/// apart by a blank line.
fn plain_text(fragment: &str) -> String {
    if !fragment.contains('<') && !fragment.contains('&') {
        return super::html::tidy_text(fragment);
    }
    let doc = dom_query::Document::fragment(fragment);
    super::html::tidy_text(&doc.formatted_text())
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(bytes: &[u8]) -> (Vec<Article>, Vec<Problem>) {
        articles_from_feed("news", Path::new("news.xml"), bytes)
    }

    #[test]
    fn an_rss_feed_gives_one_article_per_item_with_its_date_link_and_text() {
        let rss = br#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Coast Wire</title><link>https://wire.example/</link><description>News</description>
<item><title>Port of Misrata reopens</title><link>https://wire.example/a</link>
<pubDate>Tue, 09 Apr 2019 10:00:00 +0000</pubDate>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>The port of Misrata reopened on Tuesday.</p><p>Ships waited offshore.</p>]]></content:encoded>
</item>
<item><title>Talks in Rome</title><link>https://wire.example/b</link>
<pubDate>Fri, 19 Apr 2019 08:00:00 +0000</pubDate>
<description>&lt;p&gt;Leaders met in Rome on Friday.&lt;/p&gt;</description></item>
<item><title>No date here</title><description>Something happened in Sirte.</description></item>
</channel></rss>"#;
        let (articles, problems) = load(rss);
        assert_eq!(articles.len(), 3);
        let a = &articles[0];
        assert_eq!(a.id, "news-1");
        assert_eq!(a.title, "Port of Misrata reopens");
        assert_eq!(a.outlet.as_deref(), Some("Coast Wire"));
        assert_eq!(a.url.as_deref(), Some("https://wire.example/a"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2019, 4, 9));
        assert_eq!(
            a.body,
            "The port of Misrata reopened on Tuesday.\n\nShips waited offshore."
        );
        assert_eq!(a.note, None);
        let b = &articles[1];
        assert_eq!(b.body, "Leaders met in Rome on Friday.");
        assert_eq!(b.note.as_deref(), Some(SUMMARY_ONLY_NOTE));
        assert_eq!(b.published, NaiveDate::from_ymd_opt(2019, 4, 19));
        assert_eq!(articles[2].date_basis, DateBasis::Undated);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].message.contains("1 of 3 items"));
    }

    #[test]
    fn an_atom_feed_and_a_json_feed_load_alike() {
        let atom = br#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title><id>urn:x</id>
<updated>2020-01-20T00:00:00Z</updated>
<entry><title>Berlin conference</title><id>urn:1</id>
<link rel="alternate" href="https://desk.example/berlin"/>
<published>2020-01-19T12:00:00Z</published><updated>2020-01-20T09:00:00Z</updated>
<content type="html">&lt;p&gt;Leaders met in Berlin on Sunday.&lt;/p&gt;</content></entry>
<entry><title>Only updated</title><id>urn:2</id><updated>2020-01-21T09:00:00Z</updated>
<summary>A ceasefire held around Tripoli.</summary></entry>
</feed>"#;
        let (articles, problems) = load(atom);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].published, NaiveDate::from_ymd_opt(2020, 1, 19));
        assert_eq!(
            articles[0].url.as_deref(),
            Some("https://desk.example/berlin")
        );
        assert_eq!(articles[0].body, "Leaders met in Berlin on Sunday.");
        assert_eq!(articles[1].published, NaiveDate::from_ymd_opt(2020, 1, 21));
        assert!(
            matches!(&articles[1].date_basis, DateBasis::Metadata { field } if field.contains("updated"))
        );
        let json = br#"{"version":"https://jsonfeed.org/version/1.1","title":"JSON desk",
"items":[{"id":"1","url":"https://j.example/1","title":"Sirte","content_text":"Forces entered Sirte.","date_published":"2020-01-06T10:00:00Z"}]}"#;
        let (articles, problems) = load(json);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(articles[0].body, "Forces entered Sirte.");
        assert_eq!(articles[0].outlet.as_deref(), Some("JSON desk"));
        assert_eq!(articles[0].published, NaiveDate::from_ymd_opt(2020, 1, 6));
    }

    #[test]
    fn an_evening_item_west_of_greenwich_keeps_its_own_day() {
        let rss = br#"<rss version="2.0"><channel><title>T</title>
<item><title>Late</title><description>Text.</description><pubDate>Tue, 09 Apr 2019 22:00:00 -0500</pubDate></item>
<item><title>Zulu</title><description>Text.</description><pubDate>Tue, 09 Apr 2019 22:00:00 GMT</pubDate></item>
<item><title>East</title><description>Text.</description><pubDate>Wed, 10 Apr 2019 01:00:00 +0300</pubDate></item>
</channel></rss>"#;
        let (articles, problems) = load(rss);
        assert!(problems.is_empty(), "{problems:?}");
        let days: Vec<_> = articles.iter().map(|a| a.published).collect();
        assert_eq!(
            days,
            [
                NaiveDate::from_ymd_opt(2019, 4, 9),
                NaiveDate::from_ymd_opt(2019, 4, 9),
                NaiveDate::from_ymd_opt(2019, 4, 10)
            ]
        );
        let json = br#"{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[
{"id":"1","content_text":"Sirte","date_published":"2020-01-06T21:00:00-05:00"}]}"#;
        let (articles, _) = load(json);
        assert_eq!(articles[0].published, NaiveDate::from_ymd_opt(2020, 1, 6));
        assert!(
            matches!(&articles[0].date_basis, DateBasis::Metadata { field } if field == "the feed item's published date (its own time zone)")
        );
    }

    #[test]
    fn an_item_whose_date_text_cannot_be_matched_takes_the_utc_day_and_says_so() {
        assert_eq!(local_day(&Utc::now(), &["not a date".to_owned()]), None);
        let instant = DateTime::parse_from_rfc3339("2019-04-10T03:00:00Z")
            .expect("date")
            .with_timezone(&Utc);
        let other = ["2019-04-09T21:00:00-05:00".to_owned()]; // 02:00 UTC: another instant
        assert_eq!(local_day(&instant, &other), None);
        let same = ["2019-04-09T22:00:00-05:00".to_owned()];
        assert_eq!(
            local_day(&instant, &same),
            NaiveDate::from_ymd_opt(2019, 4, 9)
        );
    }

    #[test]
    fn a_broken_feed_is_one_error_naming_the_file() {
        for bad in [
            &b"<rss><channel><item><title>x</item>"[..],
            b"\x89PNG\r\n\x1a\n\x00\x00",
            b"{\"items\": 3}",
            b"",
        ] {
            let (articles, problems) = load(bad);
            assert!(articles.is_empty());
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert!(problems[0].to_string().contains("news.xml"));
        }
    }

    #[test]
    fn an_item_without_title_or_text_is_reported_by_number_and_the_others_kept() {
        let rss = br#"<rss version="2.0"><channel><title>T</title>
<item><link>https://x.example/1</link></item>
<item><title>Kept</title><description>Text.</description><pubDate>Tue, 09 Apr 2019 10:00:00 GMT</pubDate></item>
</channel></rss>"#;
        let (articles, problems) = load(rss);
        assert_eq!(articles.len(), 1);
        assert_eq!(articles[0].id, "news-2");
        assert!(problems[0].message.contains("item 1"), "{problems:?}");
    }
}
