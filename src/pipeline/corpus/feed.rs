//! News feeds: RSS (0.9x, 1.0, 2.0), Atom and JSON Feed files (`.rss`, `.atom`, `.xml`, `.json`),
//! read with `feed-rs`. Every item is an article with its own date, link and text.
//!
//! Key decisions:
//! - **Text**: the item's full content when the feed carries it, else its summary (the article's
//!   note then says so), HTML turned into plain text with paragraphs kept apart; the title is
//!   the item's title. An item with neither text nor title is reported and skipped.
//! - **Date**: the item's published date, else its updated date (`DateBasis::Metadata` names
//!   which); `feed-rs` gives them in UTC, so an item stamped late in the evening west of
//!   Greenwich takes the next day. An item without either loads undated.
//! - **Ids**: `<file stem>-<item number>` (1-based, in feed order), so each item has its own
//!   saved date; the link is the article's `url`; the outlet is the feed's title.
//! - **Bounds**: the file is read up to [`MAX_FEED_BYTES`] and parsed whole (a feed of 100,000
//!   items is fine); a feed that does not parse is one error naming the file.

use std::fmt::Write as _;
use std::path::Path;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use feed_rs::model::{Entry, Feed};

use super::{Article, DateBasis};
use crate::problem::Problem;

/// Feeds above this size are refused: a year of a busy outlet's items is a few megabytes.
pub const MAX_FEED_BYTES: u64 = 64 * 1024 * 1024;

/// The note of an article whose feed carried only the item's summary.
pub const SUMMARY_ONLY_NOTE: &str =
    "Summary only: the feed carries no full text for this item; open its link for the story.";

/// Every item of the feed in `bytes` as an article; problems name `path` and the item.
pub fn articles_from_feed(stem: &str, path: &Path, bytes: &[u8]) -> (Vec<Article>, Vec<Problem>) {
    let mut problems = Vec::new();
    let feed = match super::read_guarded(path, "feed", || {
        feed_rs::parser::parse(bytes)
            .map_err(|err| format!("not a readable RSS, Atom or JSON feed ({err})"))
    }) {
        Ok(feed) => feed,
        Err(problem) => {
            problems.push(problem);
            return (Vec::new(), problems);
        }
    };
    let outlet = feed_title(&feed);
    if feed.entries.is_empty() {
        problems.push(Problem::warning(path, None, "the feed has no items"));
    }
    let mut articles = Vec::with_capacity(feed.entries.len());
    let mut undated = 0;
    for (i, entry) in feed.entries.iter().enumerate() {
        let n = i + 1;
        match item_article(stem, path, n, entry, outlet.as_deref()) {
            Some(article) => {
                if article.published.is_none() {
                    undated += 1;
                }
                articles.push(article);
            }
            None => problems.push(Problem::warning(
                path,
                None,
                format!("item {n} has no title and no text; it is skipped"),
            )),
        }
    }
    if undated > 0 {
        problems.push(Problem::warning(
            path,
            None,
            format!(
                "{undated} of {} items have no published or updated date; they load undated",
                feed.entries.len()
            ),
        ));
    }
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
    let (published, date_basis) = item_date(entry);
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
        outlet: outlet.map(str::to_owned),
        byline: byline.filter(|b| !b.is_empty()),
        published,
        date_basis,
        body,
        body_offset: 0,
        note,
        url,
    })
}

fn item_date(entry: &Entry) -> (Option<NaiveDate>, DateBasis) {
    let day = |t: &DateTime<Utc>| Some(t.date_naive()).filter(|d| (1..=9999).contains(&d.year()));
    if let Some(d) = entry.published.as_ref().and_then(day) {
        return (
            Some(d),
            DateBasis::Metadata {
                field: "the feed item's published date (UTC)".to_owned(),
            },
        );
    }
    if let Some(d) = entry.updated.as_ref().and_then(day) {
        return (
            Some(d),
            DateBasis::Metadata {
                field: "the feed item's updated date (UTC)".to_owned(),
            },
        );
    }
    (None, DateBasis::Undated)
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
