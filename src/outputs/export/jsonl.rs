//! JSON Lines: one record per line for every article, place mention, date mention and event
//! (the golden test's format), or only the given events with their articles' records.

use std::collections::HashSet;
use std::io::{self, Write};

use chrono::NaiveDate;
use serde::Serialize;

use super::{ExportError, ExportSource, event_text_range, slice};
use crate::corpus::{Article, LastText};
use crate::extract::{Event, WhenBasis};

/// One JSON Lines record.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
enum Record<'a> {
    Article {
        id: &'a str,
        file: String,
        title: &'a str,
        outlet: Option<&'a str>,
        byline: Option<&'a str>,
        published: Option<NaiveDate>,
        date_basis: &'static str,
        /// The page or feed item the article was published at, when its file says.
        #[serde(skip_serializing_if = "Option::is_none")]
        url: Option<&'a str>,
    },
    Place {
        article: &'a str,
        start: usize,
        end: usize,
        surface: &'a str,
        place_id: &'a str,
        name: &'a str,
        lat: f64,
        lon: f64,
        kind: &'static str,
        country: Option<&'a str>,
        confidence: f64,
        /// Why this place was chosen (`apposition`, `division_in_article`, ...).
        reason: &'static str,
    },
    Date {
        article: &'a str,
        start: usize,
        end: usize,
        surface: &'a str,
        from: NaiveDate,
        to: NaiveDate,
        granularity: crate::extract::dates::Granularity,
        /// "now", "recently": the interval bounds the expression, it does not pin it down.
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        vague: bool,
    },
    Event {
        article: &'a str,
        place_id: &'a str,
        lat: f64,
        lon: f64,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        date_basis: WhenBasis,
        /// The date expression the time came from: in the sentence (`text`) or before it
        /// (`carried`).
        #[serde(skip_serializing_if = "Option::is_none")]
        date_surface: Option<&'a str>,
        sentence_start: usize,
        sentence_end: usize,
        /// Where `text` lies in the article, only when it is a window cut from a sentence longer
        /// than `export::MAX_EVENT_TEXT_BYTES` (else `text` is the sentence, trimmed).
        #[serde(skip_serializing_if = "Option::is_none")]
        text_start: Option<usize>,
        #[serde(skip_serializing_if = "Option::is_none")]
        text_end: Option<usize>,
        text: &'a str,
    },
}

fn article_record<'a>(source: &ExportSource<'a>, article: &'a Article) -> Record<'a> {
    Record::Article {
        id: &article.id,
        file: source.file_of(article),
        title: &article.title,
        outlet: article.outlet.as_deref(),
        byline: article.byline.as_deref(),
        published: article.published,
        date_basis: article.date_basis.as_str(),
        url: article.url.as_deref(),
    }
}

/// The record of `event`, whose article's text is `body`.
fn event_record<'a>(
    source: &ExportSource<'a>,
    event: &Event,
    body: &'a str,
) -> Result<Record<'a>, ExportError> {
    let article = source.article(event.article)?;
    let place = source.place(event.place)?;
    let (text, cut) = event_text_range(body, event, source.events_sharing_sentence(event));
    Ok(Record::Event {
        article: &article.id,
        place_id: place.id,
        lat: place.coord.lat,
        lon: place.coord.lon,
        from: event.when.map(|w| w.from),
        to: event.when.map(|w| w.to),
        date_basis: event.basis,
        date_surface: event.date_mention.map(|m| slice(body, &m.range()).trim()),
        sentence_start: event.sentence.start as usize,
        sentence_end: event.sentence.end as usize,
        text_start: cut.then_some(text.start),
        text_end: cut.then_some(text.end),
        text: slice(body, &text),
    })
}

fn json_line(out: &mut impl Write, record: &Record<'_>) -> Result<(), ExportError> {
    serde_json::to_writer(&mut *out, record)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// JSON Lines of everything: per article, its record, then its place mentions, date mentions and
/// events.
pub fn write_jsonl(source: &ExportSource<'_>, out: impl Write) -> Result<(), ExportError> {
    if source.articles.len() != source.extractions.len() {
        return Err(ExportError::Inconsistent(format!(
            "{} articles but {} extractions",
            source.articles.len(),
            source.extractions.len()
        )));
    }
    let mut out = io::BufWriter::new(out);
    for (article, extraction) in source.articles.iter().zip(source.extractions) {
        json_line(&mut out, &article_record(source, article))?;
        let body = article.body.text();
        for mention in &extraction.places {
            let place = source.place(mention.place)?;
            let record = Record::Place {
                article: &article.id,
                start: mention.start,
                end: mention.end,
                surface: slice(&body, &(mention.start..mention.end)),
                place_id: place.id,
                name: place.name,
                lat: place.coord.lat,
                lon: place.coord.lon,
                kind: place.kind.as_str(),
                country: place.country,
                // f32 -> f64 would print 0.8999999761581421 for 0.9.
                confidence: (f64::from(mention.confidence) * 1000.0).round() / 1000.0,
                reason: mention.reason.as_str(),
            };
            json_line(&mut out, &record)?;
        }
        for mention in &extraction.dates {
            let record = Record::Date {
                article: &article.id,
                start: mention.start,
                end: mention.end,
                surface: slice(&body, &(mention.start..mention.end)),
                from: mention.interval.from,
                to: mention.interval.to,
                granularity: mention.interval.granularity,
                vague: mention.vague,
            };
            json_line(&mut out, &record)?;
        }
        for event in &extraction.events {
            json_line(&mut out, &event_record(source, event, &body)?)?;
        }
    }
    out.flush()?;
    Ok(())
}

pub(super) fn write_jsonl_events<'e>(
    source: &ExportSource<'_>,
    events: impl IntoIterator<Item = &'e Event>,
    out: impl Write,
) -> Result<(), ExportError> {
    let mut out = io::BufWriter::new(out);
    let mut written = HashSet::new();
    let mut texts = LastText::default();
    for event in events {
        if written.insert(event.article) {
            json_line(
                &mut out,
                &article_record(source, source.article(event.article)?),
            )?;
        }
        let article = source.article(event.article)?;
        let body = texts.of(event.article.0 as usize, &article.body);
        json_line(&mut out, &event_record(source, event, body)?)?;
    }
    out.flush()?;
    Ok(())
}
