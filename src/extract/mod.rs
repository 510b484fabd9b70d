//! Extraction: a pure function of (article text, publication date, gazetteer) to place
//! mentions, date mentions, sentences and events. No I/O, no globals, no GUI.
//!
//! An event is the claim "this sentence of this article says something happened at this place,
//! at this time": one per (sentence, place), dated by the first date expression in the sentence,
//! else by the publication date, and the basis of that date is kept.

pub mod dates;
pub mod places;
pub mod sentences;

use std::ops::Range;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use crate::corpus::Article;
use crate::gazetteer::{Gazetteer, PlaceIdx};

use self::dates::{DateMention, Granularity, Interval};
use self::places::PlaceMention;

/// Where an event's interval comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WhenBasis {
    /// A date expression in the event's own sentence.
    Text,
    /// No date in the sentence: the time carried from the preceding sentences of the same
    /// episode (`date_mention` is the expression it was carried from).
    Carried,
    /// No date in the sentence: the article's publication date.
    Publication,
    /// Neither: the article is undated and the sentence names no resolvable date.
    Undated,
}

/// Index of an article in its corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ArticleIdx(pub u32);

/// "Article A says something happened at place P around time T", traced to its sentence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    pub article: ArticleIdx,
    pub place: PlaceIdx,
    /// `None` only when `basis` is `Undated`.
    pub when: Option<Interval>,
    pub basis: WhenBasis,
    /// Byte range of the sentence in the article body.
    pub sentence: TextSpan,
    /// Byte range of the (first) place mention in the sentence.
    pub mention: TextSpan,
    /// Byte range of the date expression the interval came from, when `basis` is `Text`.
    pub date_mention: Option<TextSpan>,
}

/// A byte range in an article body, as two `u32`: half a `Range<usize>`, and `Copy`. Events and
/// sentences are the most numerous records a dataset keeps (a million events at the largest
/// benchmark size), and bodies are far below 4 GB (`corpus::read::MAX_ARTICLE_BYTES`); an offset
/// beyond `u32::MAX` would saturate, and slicing with it finds nothing rather than the wrong text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct TextSpan {
    pub start: u32,
    pub end: u32,
}

impl TextSpan {
    pub fn new(range: Range<usize>) -> TextSpan {
        let at = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        TextSpan {
            start: at(range.start),
            end: at(range.end),
        }
    }

    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

impl From<Range<usize>> for TextSpan {
    fn from(range: Range<usize>) -> TextSpan {
        TextSpan::new(range)
    }
}

/// Everything extracted from one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ArticleExtraction {
    pub places: Vec<PlaceMention>,
    pub dates: Vec<DateMention>,
    pub sentences: Vec<TextSpan>,
    /// Events without their article index (see [`Extraction`] for corpus-wide events).
    pub events: Vec<Event>,
}

impl ArticleExtraction {
    /// Drops the vectors' growth capacity: a finished extraction is kept for the life of its
    /// dataset, and at a million events the spare capacity of pushed vectors is tens of MB.
    pub fn shrink_to_fit(&mut self) {
        self.places.shrink_to_fit();
        self.dates.shrink_to_fit();
        self.sentences.shrink_to_fit();
        self.events.shrink_to_fit();
    }
}

/// Extracts one article. `article` is stamped into the events.
pub fn extract_article(
    article: ArticleIdx,
    body: &str,
    published: Option<NaiveDate>,
    gazetteer: &Gazetteer,
) -> ArticleExtraction {
    let places = places::find_places(body, gazetteer);
    let dates = dates::tag_dates(body, published);
    let sentences = sentences::split_sentences(body);
    let events = events_of(article, &places, &dates, &sentences, published);
    let mut x = ArticleExtraction {
        places,
        dates,
        sentences: sentences.into_iter().map(TextSpan::new).collect(),
        events,
    };
    x.shrink_to_fit();
    x
}

/// One event per distinct place per sentence.
fn events_of(
    article: ArticleIdx,
    places: &[PlaceMention],
    dates: &[DateMention],
    sentences: &[Range<usize>],
    published: Option<NaiveDate>,
) -> Vec<Event> {
    let publication = published.map(|day| Interval {
        from: day,
        to: day,
        granularity: Granularity::Day,
    });
    let mut events = Vec::new();
    // Both mention lists are sorted by start, so one forward walk per list suffices.
    let (mut p, mut d) = (0, 0);
    for sentence in sentences {
        while p < places.len() && places[p].start < sentence.start {
            p += 1;
        }
        while d < dates.len() && dates[d].start < sentence.start {
            d += 1;
        }
        let date = dates.get(d).filter(|m| m.end <= sentence.end);
        let (when, basis, date_mention) = match (date, publication) {
            (Some(m), _) => (
                Some(m.interval),
                WhenBasis::Text,
                Some(TextSpan::new(m.start..m.end)),
            ),
            (None, Some(interval)) => (Some(interval), WhenBasis::Publication, None),
            (None, None) => (None, WhenBasis::Undated, None),
        };
        let first_event = events.len();
        while p < places.len() && places[p].end <= sentence.end {
            let mention = &places[p];
            let seen = events[first_event..]
                .iter()
                .any(|e: &Event| e.place == mention.place);
            if !seen {
                events.push(Event {
                    article,
                    place: mention.place,
                    when,
                    basis,
                    sentence: TextSpan::new(sentence.clone()),
                    mention: TextSpan::new(mention.start..mention.end),
                    date_mention,
                });
            }
            p += 1;
        }
    }
    events
}

/// Extractions of a whole corpus, in article order, computed in parallel.
pub fn extract_corpus(articles: &[Article], gazetteer: &Gazetteer) -> Vec<ArticleExtraction> {
    articles
        .par_iter()
        .enumerate()
        .map(|(i, a)| extract_article(ArticleIdx(i as u32), &a.body, a.published, gazetteer))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    fn place(start: usize, end: usize, idx: u32) -> PlaceMention {
        PlaceMention {
            start,
            end,
            place: PlaceIdx(idx),
            confidence: 1.0,
            reason: places::Reason::OnlyCandidate,
        }
    }

    #[test]
    fn a_sentence_with_a_date_dates_its_places_by_that_date() {
        // "In Tripoli on Tuesday. Misrata too."
        let places = [place(3, 10, 1), place(23, 30, 2)];
        let dates = [DateMention {
            start: 14,
            end: 21,
            interval: Interval {
                from: day("2019-05-07"),
                to: day("2019-05-07"),
                granularity: Granularity::Day,
            },
        }];
        let sentences = [0..22, 23..35];
        let events = events_of(
            ArticleIdx(0),
            &places,
            &dates,
            &sentences,
            Some(day("2019-05-08")),
        );
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].basis, WhenBasis::Text);
        assert_eq!(events[0].when.map(|w| w.from), Some(day("2019-05-07")));
        assert_eq!(events[0].date_mention, Some(TextSpan::new(14..21)));
        assert_eq!(events[1].basis, WhenBasis::Publication);
        assert_eq!(events[1].when.map(|w| w.from), Some(day("2019-05-08")));
    }

    #[test]
    fn a_place_named_twice_in_a_sentence_is_one_event() {
        let places = [place(0, 5, 1), place(10, 15, 1), place(20, 25, 2)];
        let events = events_of(
            ArticleIdx(3),
            &places,
            &[],
            std::slice::from_ref(&(0..30)),
            Some(day("2020-02-19")),
        );
        assert_eq!(
            events.iter().map(|e| e.place.0).collect::<Vec<_>>(),
            vec![1, 2]
        );
        assert!(events.iter().all(|e| e.article == ArticleIdx(3)));
    }

    #[test]
    fn an_undated_article_gives_undated_events_unless_the_sentence_has_a_date() {
        let places = [place(0, 5, 1), place(20, 25, 2)];
        let dates = [DateMention {
            start: 30,
            end: 44,
            interval: Interval {
                from: day("2011-01-01"),
                to: day("2011-12-31"),
                granularity: Granularity::Year,
            },
        }];
        let events = events_of(ArticleIdx(0), &places, &dates, &[0..10, 11..50], None);
        assert_eq!(events[0].basis, WhenBasis::Undated);
        assert_eq!(events[0].when, None);
        assert_eq!(events[1].basis, WhenBasis::Text);
    }

    #[test]
    fn a_date_in_another_sentence_does_not_date_this_one() {
        let places = [place(0, 5, 1)];
        let dates = [DateMention {
            start: 12,
            end: 20,
            interval: Interval {
                from: day("2019-04-04"),
                to: day("2019-04-04"),
                granularity: Granularity::Day,
            },
        }];
        let events = events_of(
            ArticleIdx(0),
            &places,
            &dates,
            &[0..10, 11..25],
            Some(day("2019-04-19")),
        );
        assert_eq!(events[0].basis, WhenBasis::Publication);
    }
}
