//! The broad layer's file format: tab-separated rows with a header (see `data/ATTRIBUTION.md`
//! for the columns), parsed into validated entries; a bad row is a problem with its line.

use std::path::Path;

use super::{
    Entry, FastSet, LatLon, Place, PlaceKind, PlaceSource, Problem, RowError, check_coord, is_slug,
};

pub(super) const BROAD_HEADER: &str =
    "id\tname\tkind\tlat\tlon\tcountry\tgeonames_id\tpopulation\tflags\taliases\tdemonyms\tadmin1";
/// The header before the `admin1` column was added; such files still load (no parents).
pub(super) const BROAD_HEADER_V1: &str =
    "id\tname\tkind\tlat\tlon\tcountry\tgeonames_id\tpopulation\tflags\taliases\tdemonyms";

fn split_list(field: &str) -> Vec<String> {
    field
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn parse_opt<T: std::str::FromStr>(
    field: &'static str,
    value: &str,
    expected: &'static str,
) -> Result<Option<T>, RowError> {
    if value.is_empty() {
        return Ok(None);
    }
    value.parse().map(Some).map_err(|_| RowError::BadValue {
        field,
        value: value.to_owned(),
        expected,
    })
}

pub(super) fn broad_row(cols: &[&str], columns: usize) -> Result<Entry, RowError> {
    let (fixed, admin1) = match (cols.len(), columns) {
        (11, 11) => (cols, ""),
        (12, 12) => (&cols[..11], cols[11]),
        (found, expected) => return Err(RowError::Columns { found, expected }),
    };
    let [
        id,
        name,
        kind,
        lat,
        lon,
        country,
        gid,
        pop,
        flags,
        aliases,
        demonyms,
    ] = fixed
    else {
        return Err(RowError::Columns {
            found: cols.len(),
            expected: columns,
        });
    };
    if !is_slug(id) {
        return Err(RowError::BadId((*id).to_owned()));
    }
    if name.trim().is_empty() {
        return Err(RowError::Empty("name"));
    }
    let kind = PlaceKind::parse(kind).ok_or_else(|| RowError::UnknownKind((*kind).to_owned()))?;
    let lat =
        parse_opt::<f64>("lat", lat, "a number of degrees")?.ok_or(RowError::Missing("lat"))?;
    let lat = check_coord("lat", lat, 90.0)?;
    let lon =
        parse_opt::<f64>("lon", lon, "a number of degrees")?.ok_or(RowError::Missing("lon"))?;
    let lon = check_coord("lon", lon, 180.0)?;
    let country = if country.is_empty() {
        None
    } else if country.len() == 2 && country.chars().all(|c| c.is_ascii_uppercase()) {
        Some((*country).to_owned())
    } else {
        return Err(RowError::BadCountry((*country).to_owned()));
    };
    let icao = id.strip_prefix("icao:").map(str::to_ascii_uppercase);
    let admin1 = match (&country, admin1.trim()) {
        (Some(c), code) if !code.is_empty() => Some(format!("{c}.{code}")),
        _ => None,
    };
    let has_flag = |want: &str| flags.split(',').any(|f| f.trim() == want);
    let level = if has_flag("adm1") {
        1
    } else {
        u8::from(has_flag("adm2")) * 2
    };
    Ok(Entry {
        place: Place {
            id: (*id).to_owned(),
            name: name.trim().to_owned(),
            aliases: split_list(aliases),
            kind,
            coord: LatLon::new(lat, lon),
            country,
            geonames_id: parse_opt("geonames_id", gid, "a whole number")?,
            population: parse_opt("population", pop, "a whole number")?,
            source: PlaceSource::Broad,
            note: None,
        },
        icao,
        demonyms: split_list(demonyms),
        common_name: has_flag("common"),
        admin1,
        level,
    })
}

/// Parses the broad layer (TSV with a header row). Bad rows are problems with their line.
pub(super) fn parse_broad(text: &str, file: &Path) -> (Vec<Entry>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut entries = Vec::new();
    let mut lines = text.lines().enumerate();
    let columns = match lines.next() {
        Some((_, header)) if header.trim_end_matches('\r') == BROAD_HEADER => 12,
        Some((_, header)) if header.trim_end_matches('\r') == BROAD_HEADER_V1 => 11,
        Some((_, header)) => {
            problems.push(Problem::error(
                file,
                Some(1),
                format!(
                    "header is `{}`, expected `{BROAD_HEADER}`",
                    header.replace('\t', "\\t")
                ),
            ));
            return (entries, problems);
        }
        None => return (entries, problems),
    };
    let mut seen: FastSet<String> = FastSet::default();
    let mut cols: Vec<&str> = Vec::with_capacity(11);
    for (i, line) in lines {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        cols.clear();
        cols.extend(line.split('\t'));
        match broad_row(&cols, columns) {
            Ok(entry) => {
                if seen.insert(entry.place.id.clone()) {
                    entries.push(entry);
                } else {
                    let msg = format!("duplicate id `{}`, expected each id once", entry.place.id);
                    problems.push(Problem::error(file, Some(i + 1), msg));
                }
            }
            Err(e) => problems.push(Problem::error(file, Some(i + 1), e.to_string())),
        }
    }
    (entries, problems)
}
