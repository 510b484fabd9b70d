//! The places of a gazetteer in a compact table: one string arena holding every id, name, alias,
//! note and demonym, and one fixed-size [`Record`] per place pointing into it.
//!
//! Key decisions:
//! - No allocation per place: 180,000 places with owned `String`s cost about 60 MB and most of
//!   the load time in `malloc`; here they are a few flat vectors (about 20 MB) filled in one pass.
//! - Readers get [`PlaceRef`], a `Copy` view with the same public fields as the owned [`Place`]
//!   (strings as `&str`), and [`Places`], a view of every place in order. The owned [`Place`]
//!   stays the type places are built from ([`super::Gazetteer::from_places`], user data).
//! - Offsets are `u32`: the files are capped far below 4 GB ([`super::MAX_GAZETTEER_BYTES`]);
//!   a span past the arena reads as an empty string rather than panicking.

use crate::coord::LatLon;

use super::codec::{self, Damaged, Decoded, Reader, Writer, u32_at, u64_at};
use super::{Place, PlaceKind, PlaceSource};

/// Bytes of a [`Record`] in an index file.
const RECORD_BYTES: usize = 16 + 8 * 4 + 2 + 2 + 4;

/// A byte range of the arena.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Span {
    start: u32,
    len: u32,
}

impl Span {
    #[inline]
    pub(super) fn text(self, arena: &str) -> &str {
        let start = self.start as usize;
        arena.get(start..start + self.len as usize).unwrap_or("")
    }

    pub(super) fn start(self) -> u32 {
        self.start
    }

    pub(super) fn len(self) -> u32 {
        self.len
    }
}

pub(in crate::pipeline::gazetteer) fn offset(n: usize) -> u32 {
    // The arena of a gazetteer stays far below 4 GB; saturate rather than panic.
    u32::try_from(n).unwrap_or(u32::MAX)
}

const HAS_GEONAMES_ID: u8 = 1;
const HAS_POPULATION: u8 = 2;
const HAS_NOTE: u8 = 4;
const HAS_COUNTRY: u8 = 8;

/// A `u32` number field that does not fit: the value is in [`PlaceTable::big`].
const BIG: u32 = u32::MAX;

/// One place: fixed size (56 bytes), strings as spans of the arena. Numbers are `u32` (every
/// `GeoNames` id and almost every population fits; the rest sit in a side table, exact), the
/// aliases run to the next record's first alias, and notes (curated and user places only) are
/// in a side list.
#[derive(Clone, Copy, Debug)]
struct Record {
    coord: LatLon,
    id: Span,
    name: Span,
    /// The place's aliases start at `alias_spans[aliases_start]`.
    aliases_start: u32,
    /// Index of its first-level division key (`u32::MAX` for none).
    admin1: u32,
    geonames_id: u32,
    population: u32,
    /// `(first letter - 'A') * 26 + (second letter - 'A')` of the country code, if any.
    country: u16,
    /// 1 + the place's index in [`PlaceTable::notes`]; 0 for none, [`NOTE_FAR`] past `u16`.
    note: u16,
    kind: PlaceKind,
    source: PlaceSource,
    /// 1 for a first-level division, 2 for a second-level one, else 0.
    level: u8,
    flags: u8,
}

/// A record's `note` when the note is further down the list than a `u16` counts.
const NOTE_FAR: u16 = u16::MAX;

/// Every two-letter code `AA`..`ZZ` back to back, so a country is a slice of a static string,
/// not text validated on every read.
static COUNTRY_CODES: &str = match std::str::from_utf8(&country_code_bytes()) {
    Ok(s) => s,
    Err(_) => panic!("country codes are ASCII"),
};

const fn country_code_bytes() -> [u8; 26 * 26 * 2] {
    let mut out = [0u8; 26 * 26 * 2];
    let mut i = 0;
    while i < 26 * 26 {
        out[2 * i] = b'A' + (i / 26) as u8;
        out[2 * i + 1] = b'A' + (i % 26) as u8;
        i += 1;
    }
    out
}

/// A place's fields as given to [`PlaceTable::push`], borrowed from wherever they were read.
pub(super) struct NewRecord<'a, A> {
    pub id: &'a str,
    pub name: &'a str,
    pub aliases: A,
    pub kind: PlaceKind,
    pub coord: LatLon,
    /// Two ASCII capitals, already validated.
    pub country: Option<&'a str>,
    pub geonames_id: Option<u64>,
    pub population: Option<u64>,
    pub source: PlaceSource,
    pub note: Option<&'a str>,
    pub admin1: u32,
    pub level: u8,
}

/// Every place of a gazetteer.
#[derive(Default)]
pub(super) struct PlaceTable {
    arena: String,
    records: Vec<Record>,
    alias_spans: Vec<Span>,
    /// Numbers that do not fit a record's `u32`: (place, 0 for the `GeoNames` id or 1 for the
    /// population, value), in place order.
    big: Vec<(u32, u8, u64)>,
    /// Notes by place, in place order.
    notes: Vec<(u32, Span)>,
}

impl PlaceTable {
    /// A table with room for about `places` places, `aliases` aliases and `bytes` bytes of text.
    pub(super) fn with_capacity(places: usize, aliases: usize, bytes: usize) -> Self {
        Self {
            arena: String::with_capacity(bytes),
            records: Vec::with_capacity(places),
            alias_spans: Vec::with_capacity(aliases),
            big: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Copies `s` into the arena.
    pub(super) fn intern(&mut self, s: &str) -> Span {
        let start = offset(self.arena.len());
        self.arena.push_str(s);
        Span {
            start,
            len: offset(s.len()),
        }
    }

    pub(super) fn arena(&self) -> &str {
        &self.arena
    }

    /// Appends a place; its index is the previous [`Self::len`].
    pub(super) fn push<'a, A: Iterator<Item = &'a str>>(&mut self, new: NewRecord<'a, A>) {
        let id = self.intern(new.id);
        let name = self.intern(new.name);
        let aliases_start = offset(self.alias_spans.len());
        for alias in new.aliases {
            let span = self.intern(alias);
            self.alias_spans.push(span);
        }
        let place = offset(self.records.len());
        let mut country = 0;
        let mut has_country = false;
        if let Some(c) = new.country
            && let [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] = c.as_bytes()
        {
            country = u16::from(a - b'A') * 26 + u16::from(b - b'A');
            has_country = true;
        }
        let note = if new.note.is_some() {
            u16::try_from(self.notes.len()).map_or(NOTE_FAR, |n| n.saturating_add(1))
        } else {
            0
        };
        let mut small = |field: u8, value: Option<u64>| match value.map(u32::try_from) {
            Some(Ok(n)) if n != BIG => n,
            Some(_) => {
                self.big.push((place, field, value.unwrap_or(0)));
                BIG
            }
            None => 0,
        };
        let geonames_id = small(0, new.geonames_id);
        let population = small(1, new.population);
        let flag = |on: bool, flag: u8| if on { flag } else { 0 };
        let flags = flag(new.geonames_id.is_some(), HAS_GEONAMES_ID)
            | flag(new.population.is_some(), HAS_POPULATION)
            | flag(new.note.is_some(), HAS_NOTE)
            | flag(has_country, HAS_COUNTRY);
        if let Some(note) = new.note {
            let span = self.intern(note);
            self.notes.push((place, span));
        }
        self.records.push(Record {
            coord: new.coord,
            id,
            name,
            aliases_start,
            admin1: new.admin1,
            geonames_id,
            population,
            country,
            note,
            kind: new.kind,
            source: new.source,
            level: new.level,
            flags,
        });
    }

    pub(super) fn len(&self) -> usize {
        self.records.len()
    }

    /// Gives back the spare capacity (the table was sized from an estimate).
    pub(super) fn shrink_to_fit(&mut self) {
        self.arena.shrink_to_fit();
        self.records.shrink_to_fit();
        self.alias_spans.shrink_to_fit();
        self.big.shrink_to_fit();
        self.notes.shrink_to_fit();
    }

    /// The alias spans of place `i`: up to the next place's first alias.
    #[inline]
    fn aliases_of(&self, i: usize) -> &[Span] {
        let Some(r) = self.records.get(i) else {
            return &[];
        };
        let end = self
            .records
            .get(i + 1)
            .map_or(self.alias_spans.len(), |next| next.aliases_start as usize);
        self.alias_spans
            .get(r.aliases_start as usize..end)
            .unwrap_or(&[])
    }

    /// A number field of place `i` stored as `n`.
    #[inline]
    fn number(&self, i: usize, field: u8, n: u32) -> u64 {
        if n != BIG {
            return u64::from(n);
        }
        self.big_number(i, field)
    }

    /// A number field of place `i` that does not fit its record (a few places in all).
    #[cold]
    #[inline(never)]
    fn big_number(&self, i: usize, field: u8) -> u64 {
        let place = offset(i);
        let at = self
            .big
            .partition_point(|&(p, f, _)| (p, f) < (place, field));
        self.big.get(at).map_or(0, |&(_, _, value)| value)
    }

    #[inline]
    fn note_of(&self, i: usize, note: u16) -> &str {
        if note != NOTE_FAR
            && let Some(&(_, span)) = self.notes.get(usize::from(note).wrapping_sub(1))
        {
            return span.text(&self.arena);
        }
        self.far_note(i)
    }

    /// The note of place `i` past the first `u16::MAX` notes (none in the bundled data).
    #[cold]
    #[inline(never)]
    fn far_note(&self, i: usize) -> &str {
        let place = offset(i);
        let at = self.notes.partition_point(|&(p, _)| p < place);
        self.notes
            .get(at)
            .filter(|&&(p, _)| p == place)
            .map_or("", |&(_, span)| span.text(&self.arena))
    }

    /// The id of place `i` (empty past the end).
    pub(super) fn id(&self, i: usize) -> &str {
        self.records.get(i).map_or("", |r| r.id.text(&self.arena))
    }

    pub(super) fn source(&self, i: usize) -> Option<PlaceSource> {
        self.records.get(i).map(|r| r.source)
    }

    /// The spans of place `i`'s name and aliases.
    pub(super) fn name_spans(&self, i: usize) -> (Span, &[Span]) {
        let name = self.records.get(i).map_or(Span::default(), |r| r.name);
        (name, self.aliases_of(i))
    }

    /// Sets place `i`'s first-level division key index.
    pub(super) fn set_admin1(&mut self, i: usize, admin1: u32) {
        if let Some(r) = self.records.get_mut(i) {
            r.admin1 = admin1;
        }
    }

    /// The first-level division key index and division level of place `i`.
    #[inline]
    pub(super) fn parent(&self, i: usize) -> Option<(u32, u8)> {
        self.records.get(i).map(|r| (r.admin1, r.level))
    }

    /// The addresses of the first and the last byte of place `i`'s record: the cache lines a
    /// prefetch asks for ahead of the reads of its fields (see
    /// [`super::Gazetteer::capitalised_name_hits`]; a record is not aligned to a line).
    #[inline]
    pub(super) fn record_ends(&self, i: usize) -> Option<(*const u8, *const u8)> {
        let first: *const Record = self.records.get(i)?;
        let first = first.cast::<u8>();
        Some((first, first.wrapping_add(size_of::<Record>() - 1)))
    }

    /// Always inlined, as is [`super::Gazetteer::get`]: the place matcher asks a place for one
    /// or two fields at a time (its kind, its population) tens of thousands of times an
    /// article set, and inlined, the fields it does not read are never computed.
    #[allow(clippy::inline_always)] // measured: 9% of the extraction's cycles went here
    #[inline(always)]
    pub(super) fn get(&self, i: usize) -> Option<PlaceRef<'_>> {
        let r = self.records.get(i)?;
        let arena = self.arena.as_str();
        let has = |flag: u8| r.flags & flag != 0;
        Some(PlaceRef {
            id: r.id.text(arena),
            name: r.name.text(arena),
            aliases: Aliases {
                arena,
                spans: self.aliases_of(i),
            },
            kind: r.kind,
            coord: r.coord,
            country: if has(HAS_COUNTRY) {
                let at = usize::from(r.country) * 2;
                COUNTRY_CODES.get(at..at + 2)
            } else {
                None
            },
            geonames_id: has(HAS_GEONAMES_ID).then(|| self.number(i, 0, r.geonames_id)),
            population: has(HAS_POPULATION).then(|| self.number(i, 1, r.population)),
            source: r.source,
            note: has(HAS_NOTE).then(|| self.note_of(i, r.note)),
        })
    }

    /// Writes the table to an index file ([`super::cache`]).
    pub(super) fn encode(&self, w: &mut Writer) {
        w.str(&self.arena);
        w.len(self.records.len());
        w.buf.reserve(self.records.len() * RECORD_BYTES);
        for r in &self.records {
            w.f64(r.coord.lat);
            w.f64(r.coord.lon);
            for n in [
                r.id.start,
                r.id.len,
                r.name.start,
                r.name.len,
                r.aliases_start,
                r.admin1,
                r.geonames_id,
                r.population,
            ] {
                w.u32(n);
            }
            w.u16(r.country);
            w.u16(r.note);
            w.u8(PlaceKind::ALL
                .iter()
                .position(|&k| k == r.kind)
                .unwrap_or(0) as u8);
            w.u8(match r.source {
                PlaceSource::Broad => 0,
                PlaceSource::Curated => 1,
                PlaceSource::User => 2,
            });
            w.u8(r.level);
            w.u8(r.flags);
        }
        w.len(self.alias_spans.len());
        for span in &self.alias_spans {
            w.u32(span.start);
            w.u32(span.len);
        }
        w.len(self.big.len());
        for &(place, field, value) in &self.big {
            w.u32(place);
            w.u8(field);
            w.u64(value);
        }
        w.len(self.notes.len());
        for &(place, span) in &self.notes {
            w.u32(place);
            w.u32(span.start);
            w.u32(span.len);
        }
    }

    /// Reads a table written by [`Self::encode`]. Spans are not trusted: one past the arena
    /// reads as an empty string, as always.
    pub(super) fn decode(r: &mut Reader<'_>) -> Decoded<PlaceTable> {
        let arena = r.str()?.to_owned();
        let n = r.len(RECORD_BYTES)?;
        let raw = r.take(n * RECORD_BYTES)?;
        let mut records = Vec::with_capacity(n);
        for c in codec::chunks::<RECORD_BYTES>(raw) {
            let word = |i: usize| u32_at(c, 16 + 4 * i);
            let [
                country_lo,
                country_hi,
                note_lo,
                note_hi,
                kind,
                source,
                level,
                flags,
            ] = c[48..56].try_into().unwrap_or([0; 8]);
            records.push(Record {
                coord: LatLon {
                    lat: f64::from_bits(u64_at(c, 0)),
                    lon: f64::from_bits(u64_at(c, 8)),
                },
                id: Span {
                    start: word(0),
                    len: word(1),
                },
                name: Span {
                    start: word(2),
                    len: word(3),
                },
                aliases_start: word(4),
                admin1: word(5),
                geonames_id: word(6),
                population: word(7),
                country: u16::from_le_bytes([country_lo, country_hi]),
                note: u16::from_le_bytes([note_lo, note_hi]),
                kind: *PlaceKind::ALL
                    .get(usize::from(kind))
                    .ok_or(Damaged("an unknown kind of place"))?,
                source: match source {
                    0 => PlaceSource::Broad,
                    1 => PlaceSource::Curated,
                    2 => PlaceSource::User,
                    _ => return Err(Damaged("an unknown layer")),
                },
                level,
                flags,
            });
        }
        let n = r.len(8)?;
        let mut alias_spans = Vec::with_capacity(n);
        alias_spans.extend(codec::chunks::<8>(r.take(n * 8)?).map(|c| Span {
            start: u32_at(c, 0),
            len: u32_at(c, 4),
        }));
        let n = r.len(13)?;
        let mut big = Vec::with_capacity(n);
        for _ in 0..n {
            big.push((r.u32()?, r.u8()?, r.u64()?));
        }
        let n = r.len(12)?;
        let mut notes = Vec::with_capacity(n);
        for _ in 0..n {
            let place = r.u32()?;
            notes.push((
                place,
                Span {
                    start: r.u32()?,
                    len: r.u32()?,
                },
            ));
        }
        Ok(PlaceTable {
            arena,
            records,
            alias_spans,
            big,
            notes,
        })
    }

    /// Bytes held by the table (its vectors' capacity), for the benchmark.
    pub(super) fn heap_bytes(&self) -> usize {
        self.arena.capacity()
            + self.records.capacity() * std::mem::size_of::<Record>()
            + self.alias_spans.capacity() * std::mem::size_of::<Span>()
            + self.big.capacity() * std::mem::size_of::<(u32, u8, u64)>()
            + self.notes.capacity() * std::mem::size_of::<(u32, Span)>()
    }
}

/// A place of a [`super::Gazetteer`], borrowed: the fields of [`Place`] with strings as `&str`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlaceRef<'g> {
    /// Stable id, unique in the gazetteer: e.g. `tripoli-ly`, `gn:2210247`, `icao:HLLM`.
    pub id: &'g str,
    pub name: &'g str,
    pub aliases: Aliases<'g>,
    pub kind: PlaceKind,
    pub coord: LatLon,
    /// ISO 3166-1 alpha-2, upper case.
    pub country: Option<&'g str>,
    pub geonames_id: Option<u64>,
    pub population: Option<u64>,
    pub source: PlaceSource,
    /// Where the coordinates come from, for curated and user entries.
    pub note: Option<&'g str>,
}

impl PlaceRef<'_> {
    /// An owned copy.
    pub fn to_place(&self) -> Place {
        Place {
            id: self.id.to_owned(),
            name: self.name.to_owned(),
            aliases: self.aliases.to_vec(),
            kind: self.kind,
            coord: self.coord,
            country: self.country.map(str::to_owned),
            geonames_id: self.geonames_id,
            population: self.population,
            source: self.source,
            note: self.note.map(str::to_owned),
        }
    }
}

/// The aliases of a [`PlaceRef`].
#[derive(Clone, Copy)]
pub struct Aliases<'g> {
    arena: &'g str,
    spans: &'g [Span],
}

impl<'g> Aliases<'g> {
    pub fn iter(&self) -> AliasIter<'g> {
        AliasIter {
            arena: self.arena,
            spans: self.spans.iter(),
        }
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    pub fn to_vec(&self) -> Vec<String> {
        self.iter().map(str::to_owned).collect()
    }

    /// Whether one of the aliases is exactly `alias`.
    pub fn contains<S: AsRef<str> + ?Sized>(&self, alias: &S) -> bool {
        let alias = alias.as_ref();
        self.iter().any(|a| a == alias)
    }
}

impl<'g> IntoIterator for Aliases<'g> {
    type Item = &'g str;
    type IntoIter = AliasIter<'g>;

    fn into_iter(self) -> AliasIter<'g> {
        self.iter()
    }
}

impl<'g> IntoIterator for &Aliases<'g> {
    type Item = &'g str;
    type IntoIter = AliasIter<'g>;

    fn into_iter(self) -> AliasIter<'g> {
        self.iter()
    }
}

/// Iterator over [`Aliases`].
#[derive(Clone)]
pub struct AliasIter<'g> {
    arena: &'g str,
    spans: std::slice::Iter<'g, Span>,
}

impl<'g> Iterator for AliasIter<'g> {
    type Item = &'g str;

    fn next(&mut self) -> Option<&'g str> {
        self.spans.next().map(|s| s.text(self.arena))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.spans.size_hint()
    }
}

impl DoubleEndedIterator for AliasIter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.spans.next_back().map(|s| s.text(self.arena))
    }
}

impl ExactSizeIterator for AliasIter<'_> {}

impl PartialEq for Aliases<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl<S: AsRef<str>> PartialEq<[S]> for Aliases<'_> {
    fn eq(&self, other: &[S]) -> bool {
        self.iter().eq(other.iter().map(AsRef::as_ref))
    }
}

impl<S: AsRef<str>> PartialEq<Vec<S>> for Aliases<'_> {
    fn eq(&self, other: &Vec<S>) -> bool {
        self == other.as_slice()
    }
}

impl<S: AsRef<str>, const N: usize> PartialEq<[S; N]> for Aliases<'_> {
    fn eq(&self, other: &[S; N]) -> bool {
        self == other.as_slice()
    }
}

impl std::fmt::Debug for Aliases<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Every place of a gazetteer, in [`super::PlaceIdx`] order.
#[derive(Clone, Copy)]
pub struct Places<'g> {
    table: &'g PlaceTable,
}

impl<'g> Places<'g> {
    pub(super) fn new(table: &'g PlaceTable) -> Self {
        Self { table }
    }

    pub fn len(&self) -> usize {
        self.table.len()
    }

    pub fn is_empty(&self) -> bool {
        self.table.len() == 0
    }

    /// The place at index `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<PlaceRef<'g>> {
        self.table.get(i)
    }

    pub fn iter(&self) -> PlacesIter<'g> {
        PlacesIter {
            table: self.table,
            range: 0..self.table.len(),
        }
    }
}

impl std::fmt::Debug for Places<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Places")
            .field("len", &self.len())
            .finish_non_exhaustive()
    }
}

impl<'g> IntoIterator for Places<'g> {
    type Item = PlaceRef<'g>;
    type IntoIter = PlacesIter<'g>;

    fn into_iter(self) -> PlacesIter<'g> {
        self.iter()
    }
}

impl<'g> IntoIterator for &Places<'g> {
    type Item = PlaceRef<'g>;
    type IntoIter = PlacesIter<'g>;

    fn into_iter(self) -> PlacesIter<'g> {
        self.iter()
    }
}

/// Iterator over [`Places`].
#[derive(Clone)]
pub struct PlacesIter<'g> {
    table: &'g PlaceTable,
    range: std::ops::Range<usize>,
}

impl<'g> Iterator for PlacesIter<'g> {
    type Item = PlaceRef<'g>;

    fn next(&mut self) -> Option<PlaceRef<'g>> {
        let i = self.range.next()?;
        self.table.get(i)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.range.size_hint()
    }

    fn nth(&mut self, n: usize) -> Option<PlaceRef<'g>> {
        let i = self.range.nth(n)?;
        self.table.get(i)
    }
}

impl DoubleEndedIterator for PlacesIter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let i = self.range.next_back()?;
        self.table.get(i)
    }
}

impl ExactSizeIterator for PlacesIter<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    fn new_record<'a>(
        id: &'a str,
        name: &'a str,
        aliases: &'a [&'a str],
    ) -> NewRecord<'a, std::iter::Copied<std::slice::Iter<'a, &'a str>>> {
        NewRecord {
            id,
            name,
            aliases: aliases.iter().copied(),
            kind: PlaceKind::City,
            coord: LatLon::new(32.88743, 13.18733),
            country: Some("LY"),
            geonames_id: Some(2_210_247),
            population: None,
            source: PlaceSource::Broad,
            note: None,
            admin1: u32::MAX,
            level: 0,
        }
    }

    #[test]
    fn a_pushed_place_reads_back_field_for_field() {
        let mut t = PlaceTable::default();
        t.push(new_record(
            "tripoli-ly",
            "Tripoli",
            &["Tarabulus", "Trablous"],
        ));
        let mut other = new_record("gn:1", "Ḥalq al Wādī", &[]);
        other.country = None;
        other.geonames_id = None;
        other.population = Some(0);
        other.note = Some("GeoNames");
        other.source = PlaceSource::User;
        other.kind = PlaceKind::Facility;
        t.push(other);
        assert_eq!(t.len(), 2);
        let p = t.get(0).expect("first");
        assert_eq!((p.id, p.name), ("tripoli-ly", "Tripoli"));
        assert_eq!(p.aliases, ["Tarabulus", "Trablous"]);
        assert_eq!(p.country, Some("LY"));
        assert_eq!(p.geonames_id, Some(2_210_247));
        assert_eq!(p.population, None);
        assert_eq!(p.note, None);
        assert_eq!(p.coord, LatLon::new(32.88743, 13.18733));
        let q = t.get(1).expect("second");
        assert_eq!(q.name, "Ḥalq al Wādī");
        assert!(q.aliases.is_empty());
        assert_eq!(q.country, None);
        assert_eq!(q.geonames_id, None);
        assert_eq!(
            q.population,
            Some(0),
            "a zero population is not a missing one"
        );
        assert_eq!(q.note, Some("GeoNames"));
        assert_eq!((q.kind, q.source), (PlaceKind::Facility, PlaceSource::User));
        assert!(t.get(2).is_none());
        assert_eq!(t.id(1), "gn:1");
        assert_eq!(t.id(5), "");
    }

    #[test]
    fn numbers_beyond_u32_and_notes_read_back_exactly() {
        let mut table = PlaceTable::default();
        let mut first = new_record("a", "A", &["A1", "A2"]);
        first.population = Some(8_100_000_000);
        first.geonames_id = Some(u64::from(u32::MAX));
        first.note = Some("first");
        table.push(first);
        table.push(new_record("b", "B", &[]));
        let mut third = new_record("c", "C", &["C1"]);
        third.population = Some(u64::MAX);
        third.geonames_id = Some(u64::from(u32::MAX) - 1);
        third.note = Some("third");
        table.push(third);
        let (pa, pb, pc) = (
            table.get(0).expect("a"),
            table.get(1).expect("b"),
            table.get(2).expect("c"),
        );
        assert_eq!(
            (pa.population, pa.geonames_id),
            (Some(8_100_000_000), Some(u64::from(u32::MAX)))
        );
        assert_eq!(
            (pc.population, pc.geonames_id),
            (Some(u64::MAX), Some(u64::from(u32::MAX) - 1))
        );
        assert_eq!(
            (pa.note, pb.note, pc.note),
            (Some("first"), None, Some("third"))
        );
        assert_eq!(
            (pa.aliases.len(), pb.aliases.len(), pc.aliases.len()),
            (2, 0, 1)
        );
        assert_eq!(pc.aliases, ["C1"]);
        assert_eq!(std::mem::size_of::<Record>(), 56);
        for code in ["AA", "LY", "US", "ZZ"] {
            let mut one = PlaceTable::default();
            let mut row = new_record("x", "X", &[]);
            row.country = Some(code);
            one.push(row);
            assert_eq!(one.get(0).and_then(|p| p.country), Some(code));
        }
    }

    #[test]
    fn an_owned_copy_round_trips() {
        let mut t = PlaceTable::default();
        t.push(new_record("tripoli-ly", "Tripoli", &["Tarabulus"]));
        let owned = t.get(0).expect("place").to_place();
        assert_eq!(owned.aliases, ["Tarabulus"]);
        let mut u = PlaceTable::default();
        u.push(NewRecord {
            id: &owned.id,
            name: &owned.name,
            aliases: owned.aliases.iter().map(String::as_str),
            kind: owned.kind,
            coord: owned.coord,
            country: owned.country.as_deref(),
            geonames_id: owned.geonames_id,
            population: owned.population,
            source: owned.source,
            note: owned.note.as_deref(),
            admin1: u32::MAX,
            level: 0,
        });
        assert_eq!(u.get(0), t.get(0));
    }

    #[test]
    fn places_iterate_in_order_from_both_ends() {
        let mut t = PlaceTable::default();
        for id in ["a", "b", "c"] {
            t.push(new_record(id, id, &[]));
        }
        let places = Places::new(&t);
        let ids: Vec<&str> = places.iter().map(|p| p.id).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!(places.iter().next_back().map(|p| p.id), Some("c"));
        assert_eq!(places.iter().len(), 3);
        assert_eq!(places.iter().nth(1).map(|p| p.id), Some("b"));
    }
}
