//! KML placemarks for Google Earth, with a time span when the event is dated.

use std::io::{self, Write};

use super::{EventRow, ExportError, ExportSource};
use crate::corpus::LastText;
use crate::extract::Event;

/// Escapes text for XML content and attribute values, dropping the control characters XML 1.0
/// does not allow even escaped.
pub fn xml_escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\t' | '\n' | '\r' => escaped.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// KML placemarks, each with a `<TimeSpan>` (begin and end days, inclusive) when dated.
pub fn write_kml<'e>(
    source: &ExportSource<'_>,
    events: impl IntoIterator<Item = &'e Event>,
    out: impl Write,
) -> Result<(), ExportError> {
    let mut out = io::BufWriter::new(out);
    kml_start(&mut out)?;
    kml_placemarks(source, events, &mut out)?;
    kml_end(&mut out)?;
    out.flush()?;
    Ok(())
}

pub(super) fn kml_start(out: &mut impl Write) -> Result<(), ExportError> {
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(out, "<kml xmlns=\"http://www.opengis.net/kml/2.2\">")?;
    writeln!(out, "<Document>")?;
    writeln!(out, "  <name>newsatlas events</name>")?;
    Ok(())
}

pub(super) fn kml_placemarks<'e>(
    source: &ExportSource<'_>,
    events: impl IntoIterator<Item = &'e Event>,
    out: &mut impl Write,
) -> Result<(), ExportError> {
    let mut texts = LastText::default();
    for event in events {
        let row = EventRow::new(source, event, &mut texts)?;
        if !row.place.coord.is_valid() {
            continue;
        }
        writeln!(out, "  <Placemark>")?;
        writeln!(out, "    <name>{}</name>", xml_escape(row.place.name))?;
        writeln!(
            out,
            "    <description>{}</description>",
            xml_escape(&format!("{}: {}", row.article.title, row.text))
        )?;
        if let (Some(from), Some(to)) = (row.from(), row.to()) {
            writeln!(
                out,
                "    <TimeSpan><begin>{from}</begin><end>{to}</end></TimeSpan>"
            )?;
        }
        writeln!(out, "    <ExtendedData>")?;
        for (name, value) in [
            ("article", row.article.id.as_str()),
            ("title", row.article.title.as_str()),
            ("place_id", row.place.id),
            ("date_basis", row.basis()),
        ] {
            writeln!(
                out,
                "      <Data name=\"{name}\"><value>{}</value></Data>",
                xml_escape(value)
            )?;
        }
        writeln!(out, "    </ExtendedData>")?;
        writeln!(
            out,
            "    <Point><coordinates>{},{}</coordinates></Point>",
            row.place.coord.lon, row.place.coord.lat
        )?;
        writeln!(out, "  </Placemark>")?;
    }
    Ok(())
}

pub(super) fn kml_end(out: &mut impl Write) -> Result<(), ExportError> {
    writeln!(out, "</Document>")?;
    writeln!(out, "</kml>")?;
    Ok(())
}
