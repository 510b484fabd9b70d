//! The broad layer's file format: tab-separated rows with a header (see `data/ATTRIBUTION.md`
//! for the columns), validated row by row into [`BroadRow`]s that borrow from the text, so a row
//! costs no allocation on its way into the place table; a bad row is a problem with its line.

use std::path::Path;

use super::{LatLon, PlaceKind, Problem, RowError, check_coord, is_slug};

pub(super) const BROAD_HEADER: &str =
    "id\tname\tkind\tlat\tlon\tcountry\tgeonames_id\tpopulation\tflags\taliases\tdemonyms\tadmin1";
/// The header before the `admin1` column was added; such files still load (no parents).
pub(super) const BROAD_HEADER_V1: &str =
    "id\tname\tkind\tlat\tlon\tcountry\tgeonames_id\tpopulation\tflags\taliases\tdemonyms";

/// A validated broad row, borrowing its text from the file.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct BroadRow<'t> {
    pub id: &'t str,
    /// Trimmed.
    pub name: &'t str,
    /// `|`-separated, as in the file; see [`split_list`].
    pub aliases: &'t str,
    pub kind: PlaceKind,
    pub coord: LatLon,
    pub country: Option<&'t str>,
    pub geonames_id: Option<u64>,
    pub population: Option<u64>,
    /// The ICAO code of an `icao:` id.
    pub icao: Option<&'t str>,
    /// `|`-separated, as in the file.
    pub demonyms: &'t str,
    /// The primary name is a common English word.
    pub common_name: bool,
    /// The name's plain spelling among the aliases (without its diacritics: "Concepcion" for
    /// Concepción) is a person's name, taken only where the context says "place" (flag
    /// `plain_common`).
    pub plain_common: bool,
    /// The first-level division code (`KY`) when the row has a country and one.
    pub admin1: Option<&'t str>,
    /// 1 for a first-level division, 2 for a second-level one (a US county), else 0.
    pub level: u8,
}

/// The non-empty trimmed items of a `|`-separated list.
pub(super) fn split_list(field: &str) -> impl Iterator<Item = &str> + Clone {
    field.split('|').map(str::trim).filter(|s| !s.is_empty())
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

pub(super) fn broad_row<'t>(cols: &[&'t str], columns: usize) -> Result<BroadRow<'t>, RowError> {
    let (fixed, admin1) = match (cols.len(), columns) {
        (11, 11) => (cols, ""),
        (12, 12) => (&cols[..11], cols[11]),
        (found, expected) => return Err(RowError::Columns { found, expected }),
    };
    let &[
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
        return Err(RowError::BadId(id.to_owned()));
    }
    if name.trim().is_empty() {
        return Err(RowError::Empty("name"));
    }
    let kind = PlaceKind::parse(kind).ok_or_else(|| RowError::UnknownKind(kind.to_owned()))?;
    let lat =
        parse_opt::<f64>("lat", lat, "a number of degrees")?.ok_or(RowError::Missing("lat"))?;
    let lat = check_coord("lat", lat, 90.0)?;
    let lon =
        parse_opt::<f64>("lon", lon, "a number of degrees")?.ok_or(RowError::Missing("lon"))?;
    let lon = check_coord("lon", lon, 180.0)?;
    let country = if country.is_empty() {
        None
    } else if country.len() == 2 && country.chars().all(|c| c.is_ascii_uppercase()) {
        Some(country)
    } else {
        return Err(RowError::BadCountry(country.to_owned()));
    };
    let geonames_id = parse_opt("geonames_id", gid, "a whole number")?;
    let population = parse_opt("population", pop, "a whole number")?;
    // `is_slug` lets only capitals and digits follow `icao:`.
    let icao = id.strip_prefix("icao:");
    let admin1 = match (country, admin1.trim()) {
        (Some(_), code) if !code.is_empty() => Some(code),
        _ => None,
    };
    let has_flag = |want: &str| flags.split(',').any(|f| f.trim() == want);
    let level = if has_flag("adm1") {
        1
    } else {
        u8::from(has_flag("adm2")) * 2
    };
    Ok(BroadRow {
        id,
        name: name.trim(),
        aliases,
        kind,
        coord: LatLon::new(lat, lon),
        country,
        geonames_id,
        population,
        icao,
        demonyms,
        common_name: has_flag("common"),
        plain_common: has_flag("plain_common"),
        admin1,
        level,
    })
}

/// The lines of `text` as [`str::lines`] gives them (without the `\n` or `\r\n` ending; no
/// last empty line), found with `memchr` in one pass: this is the hot loop of a gazetteer load.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut from = 0;
    let mut newlines = memchr::memchr_iter(b'\n', text.as_bytes());
    std::iter::from_fn(move || {
        let start = from;
        let (end, newline) = match newlines.next() {
            Some(newline) => (newline, true),
            None if start < text.len() => (text.len(), false),
            None => return None,
        };
        from = end + 1;
        let line = text.get(start..end).unwrap_or("");
        Some(match line.strip_suffix('\r') {
            Some(stripped) if newline => stripped,
            _ => line,
        })
    })
}

/// `line` split at tabs into `cols` (cleared first), as `line.split('\t')` would, in one pass.
fn split_tabs<'t>(line: &'t str, cols: &mut Vec<&'t str>) {
    cols.clear();
    let mut from = 0;
    for tab in memchr::memchr_iter(b'\t', line.as_bytes()) {
        cols.push(line.get(from..tab).unwrap_or(""));
        from = tab + 1;
    }
    cols.push(line.get(from..).unwrap_or(""));
}

/// Parses the broad layer (TSV with a header row) and hands each valid row to `add`; `add` says
/// whether the row's id was new (a repeated id is a problem). Bad rows are problems with their
/// line.
pub(super) fn parse_broad<'t>(
    text: &'t str,
    file: &Path,
    mut add: impl FnMut(BroadRow<'t>) -> bool,
) -> Vec<Problem> {
    let mut parser = BroadParser::new(file);
    parser.feed(text, &mut add);
    parser.finish()
}

/// The broad-layer parser fed in chunks of whole lines (as a file is decompressed): the
/// same rows and problems as [`parse_broad`] on the whole text.
pub(super) struct BroadParser<'f> {
    file: &'f Path,
    /// Columns per row once the header has been read; 0 after a bad header (nothing more is
    /// read).
    columns: Option<usize>,
    /// Lines seen so far.
    line: usize,
    problems: Vec<Problem>,
}

impl<'f> BroadParser<'f> {
    pub(super) fn new(file: &'f Path) -> Self {
        Self {
            file,
            columns: None,
            line: 0,
            problems: Vec::new(),
        }
    }

    /// Parses `chunk`: whole lines (only the last chunk may end without a newline).
    pub(super) fn feed<'t>(&mut self, chunk: &'t str, add: &mut impl FnMut(BroadRow<'t>) -> bool) {
        let mut cols: Vec<&'t str> = Vec::with_capacity(12);
        for line in lines(chunk) {
            self.line += 1;
            let columns = match self.columns {
                Some(0) => break,
                Some(n) => n,
                None => {
                    let header = line.trim_end_matches('\r');
                    self.columns = Some(if header == BROAD_HEADER {
                        12
                    } else if header == BROAD_HEADER_V1 {
                        11
                    } else {
                        self.problems.push(Problem::error(
                            self.file,
                            Some(1),
                            format!(
                                "header is `{}`, expected `{BROAD_HEADER}`",
                                header.replace('\t', "\\t")
                            ),
                        ));
                        0
                    });
                    continue;
                }
            };
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() {
                continue;
            }
            split_tabs(line, &mut cols);
            match broad_row(&cols, columns) {
                Ok(row) => {
                    let id = row.id;
                    if !add(row) {
                        let msg = format!("duplicate id `{id}`, expected each id once");
                        self.problems
                            .push(Problem::error(self.file, Some(self.line), msg));
                    }
                }
                Err(e) => {
                    self.problems
                        .push(Problem::error(self.file, Some(self.line), e.to_string()));
                }
            }
        }
    }

    pub(super) fn finish(self) -> Vec<Problem> {
        self.problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_tabs_split_as_the_standard_library_does() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "a\r\nb",
            "a\r\n\r\nb\n\n",
            "x\ty\t\tz\r\n\t\n",
            "\r",
            "a\r\r\nb",
        ] {
            let ours: Vec<&str> = lines(text).collect();
            let std: Vec<&str> = text.lines().collect();
            assert_eq!(ours, std, "lines of {text:?}");
            for line in std {
                let mut cols = vec!["stale"];
                split_tabs(line, &mut cols);
                assert_eq!(cols, line.split('\t').collect::<Vec<_>>(), "{line:?}");
            }
        }
    }
}
