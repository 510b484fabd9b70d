//! The temporal tagger against the hand-annotated seed articles (`tests/annotations/dates.toml`).
//!
//! A hit is a mention with the same surface, found in text order after the previous hit, with the
//! same interval. Precision and recall must both reach 0.95; misses are printed.

use std::path::Path;

use chrono::NaiveDate;
use newsatlas::extract::dates::{DateMention, Granularity, tag_dates};
use serde::Deserialize;

#[derive(Deserialize)]
struct Annotations {
    article: Vec<Article>,
}

#[derive(Deserialize)]
struct Article {
    file: String,
    published: NaiveDate,
    dates: Vec<(String, NaiveDate, NaiveDate, Granularity)>,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn annotations() -> Annotations {
    let path = root().join("tests/annotations/dates.toml");
    let text = std::fs::read_to_string(&path).expect("annotation file is readable");
    toml::from_str(&text).expect("annotation file parses")
}

/// The article body: after the ` date YYYY-MM-DD ` header token if there is one, trimmed.
fn body(raw: &str) -> &str {
    let trimmed = raw.trim_start();
    match trimmed.strip_prefix("date ") {
        Some(rest) => rest.get(10..).map_or(rest, str::trim_start),
        None => raw,
    }
}

fn seed(file: &str) -> String {
    std::fs::read_to_string(root().join("seeds").join(file)).expect("seed file is readable")
}

struct Score {
    expected: usize,
    found: usize,
    hits: usize,
}

/// Matches `found` against `expected` in text order; prints what is missed or spurious.
fn score(
    file: &str,
    text: &str,
    expected: &[(String, NaiveDate, NaiveDate, Granularity)],
    found: &[DateMention],
) -> Score {
    let mut hits = 0;
    let mut cursor = 0; // byte offset in `text` where the next expected surface is searched
    let mut matched = vec![false; found.len()];
    for (surface, from, to, granularity) in expected {
        let Some(offset) = text[cursor..].find(surface.as_str()) else {
            println!("{file}: annotated surface {surface:?} not found in text order");
            continue;
        };
        let (start, end) = (cursor + offset, cursor + offset + surface.len());
        cursor = end;
        let hit = found.iter().position(|m| {
            m.start == start
                && m.end == end
                && (m.interval.from, m.interval.to, m.interval.granularity)
                    == (*from, *to, *granularity)
        });
        if let Some(k) = hit {
            matched[k] = true;
            hits += 1;
        } else {
            let got: Vec<_> = found
                .iter()
                .filter(|m| m.start < end && start < m.end)
                .collect();
            println!(
                "{file}: MISS {surface:?} {from}..{to} {granularity:?} at {start}; tagger: {got:?}"
            );
        }
    }
    for (m, _) in found.iter().zip(&matched).filter(|(_, ok)| !**ok) {
        println!(
            "{file}: SPURIOUS {:?} {:?}",
            &text[m.start..m.end],
            m.interval
        );
    }
    Score {
        expected: expected.len(),
        found: found.len(),
        hits,
    }
}

#[test]
fn the_tagger_finds_the_annotated_seed_dates_with_high_precision_and_recall() {
    let mut total = Score {
        expected: 0,
        found: 0,
        hits: 0,
    };
    for article in annotations().article {
        let raw = seed(&article.file);
        let text = body(&raw);
        let found = tag_dates(text, Some(article.published));
        let s = score(&article.file, text, &article.dates, &found);
        total.expected += s.expected;
        total.found += s.found;
        total.hits += s.hits;
    }
    let precision = total.hits as f64 / total.found.max(1) as f64;
    let recall = total.hits as f64 / total.expected.max(1) as f64;
    println!(
        "seeds: {} annotated, {} found, {} hits: precision {precision:.3}, recall {recall:.3}",
        total.expected, total.found, total.hits
    );
    assert!(precision >= 0.95, "precision {precision:.3} < 0.95");
    assert!(recall >= 0.95, "recall {recall:.3} < 0.95");
}

/// The interval of the first mention whose surface is `surface`.
fn resolve_in_seed(file: &str, published: &str, surface: &str) -> (NaiveDate, NaiveDate) {
    let raw = seed(file);
    let text = body(&raw);
    let published = NaiveDate::parse_from_str(published, "%Y-%m-%d").expect("valid date");
    let m = tag_dates(text, Some(published))
        .into_iter()
        .find(|m| &text[m.start..m.end] == surface)
        .unwrap_or_else(|| panic!("{surface:?} is tagged in {file}"));
    (m.interval.from, m.interval.to)
}

#[test]
fn on_tuesday_in_seed_003_is_the_day_before_publication() {
    let d = NaiveDate::from_ymd_opt(2019, 5, 7).expect("valid date");
    assert_eq!(
        resolve_in_seed("003_2ded4314733c7c94.txt", "2019-05-08", "Tuesday"),
        (d, d)
    );
}

#[test]
fn on_wednesday_in_seed_000_is_the_wednesday_before_the_sunday_of_publication() {
    let d = NaiveDate::from_ymd_opt(2019, 4, 24).expect("valid date");
    assert_eq!(
        resolve_in_seed("000_7d2449e987ad4fa5.txt", "2019-04-28", "Wednesday"),
        (d, d)
    );
}

#[test]
fn the_header_of_a_seed_is_not_part_of_its_body() {
    assert!(body(" date 2019-04-28 ROME – Italian").starts_with("ROME"));
    assert_eq!(body("by Stefania Fumo\nROME"), "by Stefania Fumo\nROME");
}

// ---- event times ------------------------------------------------------------------------------

#[derive(Deserialize)]
struct EventAnnotations {
    article: Vec<EventArticle>,
}

#[derive(Deserialize)]
struct EventArticle {
    file: Option<String>,
    text: Option<String>,
    published: NaiveDate,
    /// [sentence opening, basis, from, to]
    events: Vec<(String, String, NaiveDate, NaiveDate)>,
}

/// Extracts each annotated article and compares the time of every event of each annotated
/// sentence with the annotation. Returns (right, total) for the event builder, and the same for
/// "publication unless the sentence has a date" (the rule before carried times).
fn score_event_times() -> ((usize, usize), (usize, usize)) {
    use newsatlas::extract::{ArticleIdx, Source, WhenBasis, extract_article};
    use newsatlas::gazetteer::Gazetteer;
    let text = std::fs::read_to_string(root().join("tests/annotations/event_times.toml"))
        .expect("event annotations are readable");
    let annotations: EventAnnotations = toml::from_str(&text).expect("event annotations parse");
    let (gazetteer, _) = Gazetteer::load_bundled(&root().join("data"));
    let (mut right, mut old_right, mut total) = (0, 0, 0);
    for article in annotations.article {
        let raw = match (&article.file, &article.text) {
            (Some(file), _) => seed(file),
            (None, Some(text)) => text.clone(),
            (None, None) => panic!("an annotated article needs a file or a text"),
        };
        let body = body(&raw);
        let x = extract_article(
            ArticleIdx(0),
            body,
            Some(article.published),
            Source::default(),
            &gazetteer,
        );
        for (opening, basis, from, to) in &article.events {
            let events: Vec<_> = x
                .events
                .iter()
                .filter(|e| body[e.sentence.range()].starts_with(opening.as_str()))
                .collect();
            if events.is_empty() {
                println!("no event in the sentence {opening:?}");
            }
            for e in events {
                total += 1;
                let got = e.when.map(|w| (w.from, w.to));
                let got_basis = match e.basis {
                    WhenBasis::Text => "text",
                    WhenBasis::Carried => "carried",
                    WhenBasis::Publication => "publication",
                    WhenBasis::Undated => "undated",
                };
                if got == Some((*from, *to)) && got_basis == basis {
                    right += 1;
                } else {
                    println!(
                        "MISS {opening:?}: expected {basis} {from}..{to}, got {got_basis} {got:?}"
                    );
                }
                // The rule before: the sentence's own date, else publication.
                let old = if e.basis == WhenBasis::Text {
                    (got, "text")
                } else {
                    (Some((article.published, article.published)), "publication")
                };
                if old == (Some((*from, *to)), basis.as_str()) {
                    old_right += 1;
                }
            }
        }
    }
    ((right, total), (old_right, total))
}

#[test]
fn events_take_the_time_their_sentence_speaks_of() {
    let ((right, total), (old_right, _)) = score_event_times();
    let share = right as f64 / total.max(1) as f64;
    println!(
        "event times: {right}/{total} right ({share:.3}); the sentence's date else publication: \
         {old_right}/{total}"
    );
    assert!(total >= 90, "only {total} annotated events found");
    assert!(share >= 0.9, "event times right {share:.3} < 0.9");
}
