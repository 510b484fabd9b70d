//! The curated and user layers' TOML format: raw entries, their validation into places, and
//! the problems (file, line, what was expected) of the entries that are left out.

use super::*;

/// A validated entry of one layer, with what the merge and the name index need besides the
/// [`Place`] itself.
#[derive(Clone, Debug)]
pub(super) struct Entry {
    pub(super) place: Place,
    pub(super) icao: Option<String>,
    pub(super) demonyms: Vec<String>,
    /// True when the broad layer flags the primary name as a common English word or a person's
    /// name, or a curated entry says `common = true`.
    pub(super) common_name: bool,
    /// The first-level division the place is in (or is), as `CC.code` (`US.KY`).
    pub(super) admin1: Option<String>,
    /// 1 for a first-level division, 2 for a second-level one (a US county), else 0.
    pub(super) level: u8,
}

/// Why a TOML entry or TSV row was not used, or what in it was dropped.
#[derive(Debug, thiserror::Error)]
pub(super) enum RowError {
    #[error("missing field `{0}`, expected every place to have id, name, kind, lat and lon")]
    Missing(&'static str),
    #[error("`{field}` is {found}, expected {expected}")]
    WrongType {
        field: String,
        found: &'static str,
        expected: &'static str,
    },
    #[error("{axis} {value} is out of range, expected a finite number in {range}")]
    OutOfRange {
        axis: &'static str,
        value: f64,
        range: &'static str,
    },
    #[error("unknown kind `{0}`, expected one of {kinds}", kinds = kind_list())]
    UnknownKind(String),
    #[error("`{0}` is empty, expected some text")]
    Empty(&'static str),
    #[error(
        "id `{0}` is not a lowercase slug, expected letters a-z, digits, '-' and ':' (e.g. `tripoli-ly`) or `icao:` and a code"
    )]
    BadId(String),
    #[error(
        "country `{0}` is not an ISO 3166-1 alpha-2 code, expected two capital letters like `LY`"
    )]
    BadCountry(String),
    #[error("duplicate id `{id}` (first defined on line {first_line}), expected each id once")]
    DuplicateId { id: String, first_line: usize },
    #[error(
        "alias `{alias}` repeats {what} of the same place (ignoring case), expected each spelling once"
    )]
    AliasCollision { alias: String, what: &'static str },
    #[error("unknown field `{0}` ignored (it stays in the file), expected one of {FIELDS}")]
    UnknownField(String),
    #[error("line has {found} columns, expected {expected} ({BROAD_HEADER})")]
    Columns { found: usize, expected: usize },
    #[error("`{field}` is `{value}`, expected {expected}")]
    BadValue {
        field: &'static str,
        value: String,
        expected: &'static str,
    },
}

pub(super) const FIELDS: &str = "id, name, aliases, kind, lat, lon, country, geonames_id, icao, population, demonyms, source, common";

pub(super) fn kind_list() -> String {
    let mut out = String::new();
    for (i, k) in PlaceKind::ALL.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "{}", k.as_str());
    }
    out
}

pub(super) fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

pub(super) fn wrong(field: &str, v: &DeValue<'_>, expected: &'static str) -> RowError {
    RowError::WrongType {
        field: field.to_owned(),
        found: type_name(v),
        expected,
    }
}

/// A TOML number as f64 (TOML allows `_` separators, `nan` and `inf`).
pub(super) fn de_number(v: &DeValue<'_>) -> Option<f64> {
    match v {
        DeValue::Float(f) => f.as_str().replace('_', "").parse().ok(),
        DeValue::Integer(i) if i.radix() == 10 => i
            .as_str()
            .replace('_', "")
            .parse::<i64>()
            .ok()
            .map(|n| n as f64),
        _ => None,
    }
}

pub(super) fn de_u64(v: &DeValue<'_>) -> Option<u64> {
    match v {
        DeValue::Integer(i) if i.radix() == 10 => i.as_str().replace('_', "").parse().ok(),
        _ => None,
    }
}

pub(super) fn de_strings(field: &str, v: &DeValue<'_>) -> Result<Vec<String>, RowError> {
    let DeValue::Array(items) = v else {
        return Err(wrong(field, v, "an array of strings"));
    };
    items
        .iter()
        .map(|item| {
            item.get_ref()
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| wrong(field, item.get_ref(), "a string"))
        })
        .collect()
}

/// Reads one `[[place]]` table into a [`RawPlace`]. Fields of the wrong type are problems
/// (with the field's own line) and are left out of the raw row.
pub(super) fn raw_from_table(
    table: &DeTable<'_>,
    text: &str,
    file: &Path,
    problems: &mut Vec<Problem>,
) -> RawPlace {
    let mut raw = RawPlace::default();
    for (key, value) in table {
        let line = line_of_offset(text, key.span().start);
        let v = value.get_ref();
        let field = key.get_ref().as_ref();
        let result: Result<(), RowError> = (|| {
            match field {
                "id" | "name" | "kind" | "country" | "icao" | "source" => {
                    let s = v
                        .as_str()
                        .ok_or_else(|| wrong(field, v, "a string"))?
                        .to_owned();
                    match field {
                        "id" => raw.id = Some(s),
                        "name" => raw.name = Some(s),
                        "kind" => raw.kind = Some(s),
                        "country" => raw.country = Some(s),
                        "icao" => raw.icao = Some(s),
                        _ => raw.source = Some(s),
                    }
                }
                "lat" | "lon" => {
                    let n = de_number(v).ok_or_else(|| wrong(field, v, "a number of degrees"))?;
                    if field == "lat" {
                        raw.lat = Some(n);
                    } else {
                        raw.lon = Some(n);
                    }
                }
                "geonames_id" | "population" => {
                    let n = de_u64(v).ok_or_else(|| wrong(field, v, "a whole number >= 0"))?;
                    if field == "geonames_id" {
                        raw.geonames_id = Some(n);
                    } else {
                        raw.population = Some(n);
                    }
                }
                "common" => {
                    raw.common = v
                        .as_bool()
                        .ok_or_else(|| wrong(field, v, "true or false"))?;
                }
                "aliases" => raw.aliases = de_strings(field, v)?,
                "demonyms" => raw.demonyms = de_strings(field, v)?,
                other => return Err(RowError::UnknownField(other.to_owned())),
            }
            Ok(())
        })();
        match result {
            Ok(()) => {}
            // A note of the user's own (`notes = "…"`) leaves the place whole: only a warning.
            Err(e @ RowError::UnknownField(_)) => {
                problems.push(Problem::warning(file, Some(line), e.to_string()));
            }
            Err(e) => problems.push(Problem::error(file, Some(line), e.to_string())),
        }
    }
    raw
}

/// Line of a field of a table, or of the table itself.
pub(super) fn field_line(table: &DeTable<'_>, field: &str, text: &str, table_line: usize) -> usize {
    table
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == field)
        .map_or(table_line, |(_, v)| line_of_offset(text, v.span().start))
}

/// A lowercase slug (`tripoli-ly`, `gn:2210247`) or an ICAO id (`icao:HLLM`).
pub(super) fn is_slug(id: &str) -> bool {
    if let Some(code) = id.strip_prefix("icao:") {
        return !code.is_empty()
            && code
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    }
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == ':')
}

pub(super) fn check_coord(axis: &'static str, value: f64, limit: f64) -> Result<f64, RowError> {
    if value.is_finite() && (-limit..=limit).contains(&value) {
        Ok(value)
    } else {
        let range = if axis == "lat" {
            "-90..=90"
        } else {
            "-180..=180"
        };
        Err(RowError::OutOfRange { axis, value, range })
    }
}

/// Validates a raw curated or user row. Errors that make the row unusable come back as `Err`
/// with the line they belong to; smaller faults (a colliding alias) are pushed to `problems`
/// and the row is kept without them.
pub(super) fn validate(
    raw: RawPlace,
    source: PlaceSource,
    lines: &dyn Fn(&str) -> usize,
    file: &Path,
    problems: &mut Vec<Problem>,
) -> Result<Entry, (usize, RowError)> {
    let entry_line = lines("");
    let id = raw.id.ok_or((entry_line, RowError::Missing("id")))?;
    if !is_slug(&id) {
        return Err((lines("id"), RowError::BadId(id)));
    }
    let name = raw.name.ok_or((entry_line, RowError::Missing("name")))?;
    let name = name.trim().to_owned();
    if name.is_empty() {
        return Err((lines("name"), RowError::Empty("name")));
    }
    let kind_str = raw.kind.ok_or((entry_line, RowError::Missing("kind")))?;
    let kind =
        PlaceKind::parse(&kind_str).ok_or((lines("kind"), RowError::UnknownKind(kind_str)))?;
    let lat = raw.lat.ok_or((entry_line, RowError::Missing("lat")))?;
    let lat = check_coord("lat", lat, 90.0).map_err(|e| (lines("lat"), e))?;
    let lon = raw.lon.ok_or((entry_line, RowError::Missing("lon")))?;
    let lon = check_coord("lon", lon, 180.0).map_err(|e| (lines("lon"), e))?;
    if let Some(c) = &raw.country
        && !(c.len() == 2 && c.chars().all(|ch| ch.is_ascii_uppercase()))
    {
        return Err((lines("country"), RowError::BadCountry(c.clone())));
    }

    let mut seen: HashSet<String> = HashSet::from([name.to_lowercase()]);
    let mut aliases = Vec::with_capacity(raw.aliases.len());
    for alias in raw.aliases {
        let alias = alias.trim().to_owned();
        if alias.is_empty() {
            problems.push(Problem::warning(
                file,
                Some(lines("aliases")),
                RowError::Empty("alias").to_string(),
            ));
            continue;
        }
        let key = alias.to_lowercase();
        if !seen.insert(key.clone()) {
            let what = if key == name.to_lowercase() {
                "the name"
            } else {
                "another alias"
            };
            let e = RowError::AliasCollision { alias, what };
            problems.push(Problem::error(file, Some(lines("aliases")), e.to_string()));
            continue;
        }
        aliases.push(alias);
    }
    let demonyms = raw
        .demonyms
        .into_iter()
        .map(|d| d.trim().to_owned())
        .filter(|d| !d.is_empty())
        .collect();
    Ok(Entry {
        place: Place {
            id,
            name,
            aliases,
            kind,
            coord: LatLon::new(lat, lon),
            country: raw.country,
            geonames_id: raw.geonames_id,
            population: raw.population,
            source,
            note: raw.source,
        },
        icao: raw.icao.map(|s| s.to_ascii_uppercase()),
        demonyms,
        common_name: raw.common,
        admin1: None,
        level: u8::from(kind == PlaceKind::AdminArea),
    })
}

/// Parses a curated or user gazetteer (TOML with `[[place]]` tables). Bad TOML syntax is one
/// problem and no places; a bad entry is a problem and the other entries still load.
pub(super) fn parse_toml_layer(
    text: &str,
    file: &Path,
    source: PlaceSource,
) -> (Vec<Entry>, Vec<Problem>) {
    let mut problems = Vec::new();
    let doc = match DeTable::parse(text) {
        Ok(doc) => doc,
        Err(e) => {
            let line = e.span().map(|s| line_of_offset(text, s.start));
            let what = e.message().trim().to_owned();
            problems.push(Problem::error(
                file,
                line,
                format!(
                    "TOML syntax error: {what}; expected a valid TOML file of [[place]] tables"
                ),
            ));
            return (Vec::new(), problems);
        }
    };
    let mut entries = Vec::new();
    let mut first_line_of: HashMap<String, usize> = HashMap::new();
    for (key, value) in doc.get_ref() {
        let key_line = line_of_offset(text, key.span().start);
        if key.get_ref().as_ref() != "place" {
            problems.push(Problem::warning(
                file,
                Some(key_line),
                format!(
                    "unknown top-level key `{}` ignored, expected only [[place]] tables",
                    key.get_ref()
                ),
            ));
            continue;
        }
        let DeValue::Array(items) = value.get_ref() else {
            problems.push(Problem::error(
                file,
                Some(key_line),
                format!(
                    "`place` is {}, expected [[place]] tables",
                    type_name(value.get_ref())
                ),
            ));
            continue;
        };
        for item in items {
            let Some(table) = item.get_ref().as_table() else {
                let line = line_of_offset(text, item.span().start);
                let e = wrong("place", item.get_ref(), "a [[place]] table");
                problems.push(Problem::error(file, Some(line), e.to_string()));
                continue;
            };
            let table_line = table_start_line(text, item);
            let raw = raw_from_table(table, text, file, &mut problems);
            let lines = |field: &str| {
                if field.is_empty() {
                    table_line
                } else {
                    field_line(table, field, text, table_line)
                }
            };
            match validate(raw, source, &lines, file, &mut problems) {
                Ok(entry) => {
                    if let Some(&first_line) = first_line_of.get(&entry.place.id) {
                        let e = RowError::DuplicateId {
                            id: entry.place.id.clone(),
                            first_line,
                        };
                        problems.push(Problem::error(file, Some(lines("id")), e.to_string()));
                        continue;
                    }
                    first_line_of.insert(entry.place.id.clone(), table_line);
                    entries.push(entry);
                }
                Err((line, e)) => problems.push(Problem::error(file, Some(line), e.to_string())),
            }
        }
    }
    (entries, problems)
}

/// The line of a `[[place]]` header: the span of an array-of-tables item may start at its
/// first key, so look back for the header.
pub(super) fn table_start_line(text: &str, item: &Spanned<DeValue<'_>>) -> usize {
    let start = item.span().start.min(text.len());
    let before = text.get(..start).unwrap_or("");
    let header = before.rfind("[[").unwrap_or(start);
    // Only use the header when nothing but the header line and blank/comment lines sit between.
    let line_of_header = line_of_offset(text, header);
    let line_of_item = line_of_offset(text, start);
    if line_of_item.saturating_sub(line_of_header) <= 1 {
        line_of_header
    } else {
        line_of_item
    }
}
