//! The raw items of a feed file, found by a bounded scan of its bytes (no XML parser): where each
//! `<item>`/`<entry>` element starts and ends, and the date texts each item carries.
//!
//! Key decisions:
//! - **What it is for.** `feed-rs` parses a whole document and gives dates in UTC. This scan lets
//!   the feed reader (1) read a feed that breaks halfway item by item, keeping the items before
//!   and after the break, and (2) take an item's calendar date in the item's own time zone.
//! - **One pass, linear.** Comments and CDATA sections are skipped (a story's HTML in CDATA never
//!   opens an item); any namespace prefix is accepted (`<atom:entry>`). An item whose end tag is
//!   missing (the file ends, or the next item starts first) is reported as cut off.
//! - **JSON Feed** items are read with `serde_json` for their `date_published`/`date_modified`.

use memchr::memmem;

/// One `<item>` or `<entry>` element: its byte range, `end` `None` when it is cut off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemSpan {
    pub start: usize,
    pub end: Option<usize>,
}

/// The local name (after any `prefix:`) of the tag whose name starts at `at`, and where it ends.
fn tag_name(bytes: &[u8], at: usize) -> (&[u8], usize) {
    let len = bytes[at..]
        .iter()
        .position(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
        .unwrap_or(bytes.len() - at);
    let name = &bytes[at..at + len];
    let local = name
        .iter()
        .rposition(|&b| b == b':')
        .map_or(name, |colon| &name[colon + 1..]);
    (local, at + len)
}

fn is_item(name: &[u8]) -> bool {
    name == b"item" || name == b"entry"
}

/// Tags in `bytes`, in order, with comments, CDATA, processing instructions and declarations
/// skipped: `f(start, local name, is_end_tag, is_self_closing)`; where the tag ends (after `>`).
fn for_each_tag(bytes: &[u8], mut f: impl FnMut(usize, &[u8], bool, bool, usize)) {
    let mut at = 0;
    while let Some(lt) = memchr::memchr(b'<', &bytes[at..]).map(|i| at + i) {
        let rest = &bytes[lt..];
        let skip_to = |close: &[u8]| memmem::find(rest, close).map(|i| lt + i + close.len());
        let next = if rest.starts_with(b"<!--") {
            skip_to(b"-->")
        } else if rest.starts_with(b"<![CDATA[") {
            skip_to(b"]]>")
        } else if rest.starts_with(b"<?") {
            skip_to(b"?>")
        } else if rest.starts_with(b"<!") {
            skip_to(b">")
        } else {
            let end_tag = rest.get(1) == Some(&b'/');
            let (name, name_end) = tag_name(bytes, lt + 1 + usize::from(end_tag));
            let gt = memchr::memchr(b'>', &bytes[name_end..]).map(|i| name_end + i + 1);
            if let Some(gt) = gt {
                let self_closing = bytes[gt - 2] == b'/';
                f(lt, name, end_tag, self_closing, gt);
            }
            gt
        };
        match next {
            Some(next) => at = next,
            None => return,
        }
    }
}

/// Every `<item>`/`<entry>` element of an XML feed, in order.
pub fn item_spans(bytes: &[u8]) -> Vec<ItemSpan> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for_each_tag(bytes, |start, name, end_tag, self_closing, after| {
        if !is_item(name) || self_closing {
            return;
        }
        match (end_tag, open) {
            (false, previous) => {
                if let Some(previous) = previous {
                    spans.push(ItemSpan {
                        start: previous,
                        end: None,
                    });
                }
                open = Some(start);
            }
            (true, Some(item)) => {
                spans.push(ItemSpan {
                    start: item,
                    end: Some(after),
                });
                open = None;
            }
            (true, None) => {}
        }
    });
    if let Some(item) = open {
        spans.push(ItemSpan {
            start: item,
            end: None,
        });
    }
    spans
}

/// The end tags that close the elements still open at the end of `header` (the part of a feed
/// before its first item: `</channel></rss>`, `</feed>`), innermost first.
pub fn closing_tags(header: &[u8]) -> Vec<u8> {
    let mut stack: Vec<Vec<u8>> = Vec::new();
    for_each_tag(header, |start, _, end_tag, self_closing, _| {
        // The full name (with its prefix) is what the end tag must repeat.
        let at = start + 1 + usize::from(end_tag);
        let len = header[at..]
            .iter()
            .position(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
            .unwrap_or(header.len() - at);
        let name = &header[at..at + len];
        if end_tag {
            if let Some(i) = stack.iter().rposition(|open| open.as_slice() == name) {
                stack.truncate(i);
            }
        } else if !self_closing {
            stack.push(name.to_vec());
        }
    });
    let mut out = Vec::new();
    for name in stack.iter().rev() {
        out.extend_from_slice(b"</");
        out.extend_from_slice(name);
        out.push(b'>');
    }
    out
}

/// The texts of the date elements of one XML item (`pubDate`, `published`, `updated`,
/// `dc:date`, `issued`, `modified`), trimmed, in order.
pub fn xml_item_dates(item: &[u8]) -> Vec<String> {
    let mut dates = Vec::new();
    for_each_tag(item, |_, name, end_tag, self_closing, after| {
        let wanted = matches!(
            name,
            b"pubDate" | b"published" | b"updated" | b"date" | b"issued" | b"modified"
        );
        if !wanted || end_tag || self_closing {
            return;
        }
        let text_end = memchr::memchr(b'<', &item[after..]).map_or(item.len(), |i| after + i);
        let text = String::from_utf8_lossy(&item[after..text_end]);
        let text = text.trim();
        if !text.is_empty() && text.len() < 100 {
            dates.push(text.to_owned());
        }
    });
    dates
}

/// The `date_published` and `date_modified` texts of each item of a JSON Feed, in order; empty
/// when `bytes` is not a JSON object with an `items` array.
pub fn json_item_dates(bytes: &[u8]) -> Vec<Vec<String>> {
    let Ok(serde_json::Value::Object(feed)) = serde_json::from_slice(bytes) else {
        return Vec::new();
    };
    let Some(serde_json::Value::Array(items)) = feed.get("items") else {
        return Vec::new();
    };
    items
        .iter()
        .map(|item| {
            ["date_published", "date_modified"]
                .iter()
                .filter_map(|key| item.get(*key)?.as_str().map(str::to_owned))
                .collect()
        })
        .collect()
}

/// The 1-based line of byte `at` of `bytes`.
pub fn line_at(bytes: &[u8], at: usize) -> usize {
    memchr::memchr_iter(b'\n', &bytes[..at.min(bytes.len())]).count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_found_past_comments_and_cdata_and_a_cut_off_one_is_marked() {
        let feed = b"<rss><channel><title>T</title><!-- <item> -->\
<item><title>A</title><description><![CDATA[<item>not one</item>]]></description></item>\
<atom:entry><title>B</title></atom:entry>\
<item><title>C</title>\
<item><title>D</title></item>\
<item><title>E";
        let spans = item_spans(feed);
        let text = |s: &ItemSpan| {
            String::from_utf8_lossy(&feed[s.start..s.end.unwrap_or(feed.len())]).into_owned()
        };
        assert_eq!(spans.len(), 5, "{spans:?}");
        assert!(
            text(&spans[0]).starts_with("<item><title>A") && text(&spans[0]).ends_with("</item>")
        );
        assert_eq!(text(&spans[1]), "<atom:entry><title>B</title></atom:entry>");
        assert_eq!(spans[2].end, None);
        assert_eq!(text(&spans[3]), "<item><title>D</title></item>");
        assert_eq!(spans[4].end, None);
    }

    #[test]
    fn the_header_is_closed_innermost_first() {
        let header = br#"<?xml version="1.0"?><rss version="2.0" xmlns:content="x"><channel><title>T</title><image/>"#;
        assert_eq!(closing_tags(header), b"</channel></rss>");
        assert_eq!(
            closing_tags(br#"<feed xmlns="http://www.w3.org/2005/Atom"><id>1</id>"#),
            b"</feed>"
        );
    }

    #[test]
    fn an_items_date_texts_are_taken_as_written() {
        let item = b"<item><title>x</title><pubDate> Tue, 09 Apr 2019 22:30:00 -0700 </pubDate>\
<dc:date>2019-04-09T22:30:00-07:00</dc:date></item>";
        assert_eq!(
            xml_item_dates(item),
            [
                "Tue, 09 Apr 2019 22:30:00 -0700",
                "2019-04-09T22:30:00-07:00"
            ]
        );
        let json = br#"{"items":[{"date_published":"2020-01-06T21:00:00-05:00"},{"id":"2"}]}"#;
        assert_eq!(
            json_item_dates(json),
            [vec!["2020-01-06T21:00:00-05:00".to_owned()], vec![]]
        );
    }
}
