//! CSV for spreadsheets: one row per event, text cells made safe against formula injection.

use std::borrow::Cow;
use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use super::{EventRow, ExportError, ExportSource};
use crate::corpus::LastText;
use crate::extract::Event;

#[derive(Serialize)]
struct CsvRow<'a> {
    article: &'a str,
    title: &'a str,
    published: Option<NaiveDate>,
    place_id: &'a str,
    name: &'a str,
    kind: &'static str,
    country: Option<&'a str>,
    lat: f64,
    lon: f64,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    date_basis: &'static str,
    sentence_start: usize,
    sentence_end: usize,
    text: &'a str,
}

/// A text cell made safe for spreadsheets, as OWASP advises against CSV injection: control
/// characters (tabs and line breaks included) become spaces, and a cell that would start with
/// `=`, `+`, `-` or `@` (a formula to Excel, `LibreOffice` or Sheets) gets a leading `'`.
pub(super) fn csv_cell(text: &str) -> Cow<'_, str> {
    let clean = if text.chars().any(char::is_control) {
        Cow::Owned(
            text.chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    };
    if clean.starts_with(['=', '+', '-', '@']) {
        Cow::Owned(format!("'{clean}"))
    } else {
        clean
    }
}

/// One CSV row per event, with a header row (written even when there are no events). Text cells
/// go through [`csv_cell`].
pub fn write_csv<'e>(
    source: &ExportSource<'_>,
    events: impl IntoIterator<Item = &'e Event>,
    out: impl Write,
) -> Result<(), ExportError> {
    let mut out = std::io::BufWriter::new(out);
    csv_header(&mut out)?;
    csv_rows(source, events, &mut out)?;
    out.flush()?;
    Ok(())
}

pub(super) fn csv_header(out: &mut impl Write) -> Result<(), ExportError> {
    let mut writer = ::csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out);
    writer.write_record([
        "article",
        "title",
        "published",
        "place_id",
        "name",
        "kind",
        "country",
        "lat",
        "lon",
        "from",
        "to",
        "date_basis",
        "sentence_start",
        "sentence_end",
        "text",
    ])?;
    writer.flush()?;
    Ok(())
}

/// The rows of `events`, without the header.
pub(super) fn csv_rows<'e>(
    source: &ExportSource<'_>,
    events: impl IntoIterator<Item = &'e Event>,
    out: &mut impl Write,
) -> Result<(), ExportError> {
    let mut writer = ::csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out);
    let mut texts = LastText::default();
    for event in events {
        let row = EventRow::new(source, event, &mut texts)?;
        let (article, title) = (csv_cell(&row.article.id), csv_cell(&row.article.title));
        let (place_id, name) = (csv_cell(row.place.id), csv_cell(row.place.name));
        let country = row.place.country.map(csv_cell);
        let text = csv_cell(&row.text);
        writer.serialize(CsvRow {
            article: &article,
            title: &title,
            published: row.article.published,
            place_id: &place_id,
            name: &name,
            kind: row.place.kind.as_str(),
            country: country.as_deref(),
            lat: row.place.coord.lat,
            lon: row.place.coord.lon,
            from: row.from(),
            to: row.to(),
            date_basis: row.basis(),
            sentence_start: row.event.sentence.start as usize,
            sentence_end: row.event.sentence.end as usize,
            text: &text,
        })?;
    }
    writer.flush()?;
    Ok(())
}
