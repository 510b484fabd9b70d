//! `GeoJSON`: a `FeatureCollection` of event points (QGIS, kepler.gl), `[lon, lat]` as the format
//! requires.

use std::io::{self, Write};

use chrono::NaiveDate;
use serde::Serialize;

use super::{EventRow, ExportError, ExportSource};
use crate::corpus::LastText;
use crate::extract::Event;

#[derive(Serialize)]
struct Feature<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    geometry: Geometry,
    properties: FeatureProperties<'a>,
}

#[derive(Serialize)]
struct Geometry {
    #[serde(rename = "type")]
    kind: &'static str,
    /// `GeoJSON` order: longitude first.
    coordinates: [f64; 2],
}

#[derive(Serialize)]
struct FeatureProperties<'a> {
    article: &'a str,
    title: &'a str,
    place_id: &'a str,
    name: &'a str,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    date_basis: &'static str,
    text: &'a str,
}

/// A `GeoJSON` `FeatureCollection` of event points, one feature per line.
pub fn write_geojson<'e>(
    source: &ExportSource<'_>,
    events: impl IntoIterator<Item = &'e Event>,
    out: impl Write,
) -> Result<(), ExportError> {
    let mut out = io::BufWriter::new(out);
    geojson_start(&mut out)?;
    geojson_features(source, events, &mut out, &mut true)?;
    geojson_end(&mut out)?;
    out.flush()?;
    Ok(())
}

pub(super) fn geojson_start(out: &mut impl Write) -> Result<(), ExportError> {
    out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[")?;
    Ok(())
}

/// The features of `events`; `first` says whether none was written before (no comma then).
pub(super) fn geojson_features<'e>(
    source: &ExportSource<'_>,
    events: impl IntoIterator<Item = &'e Event>,
    out: &mut impl Write,
    first: &mut bool,
) -> Result<(), ExportError> {
    let mut texts = LastText::default();
    for event in events {
        let row = EventRow::new(source, event, &mut texts)?;
        if !row.place.coord.is_valid() {
            continue;
        }
        out.write_all(if *first { b"\n" } else { b",\n" })?;
        *first = false;
        let feature = Feature {
            kind: "Feature",
            geometry: Geometry {
                kind: "Point",
                coordinates: [row.place.coord.lon, row.place.coord.lat],
            },
            properties: FeatureProperties {
                article: &row.article.id,
                title: &row.article.title,
                place_id: row.place.id,
                name: row.place.name,
                from: row.from(),
                to: row.to(),
                date_basis: row.basis(),
                text: &row.text,
            },
        };
        serde_json::to_writer(&mut *out, &feature)?;
    }
    Ok(())
}

pub(super) fn geojson_end(out: &mut impl Write) -> Result<(), ExportError> {
    out.write_all(b"\n]}\n")?;
    Ok(())
}
