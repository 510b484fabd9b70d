//! Building a [`Gazetteer`] layer by layer, strongest first, straight into the place table;
//! then the name index over the finished table.

use super::*;

pub(super) fn hash_id(id: &str) -> u64 {
    Fast::default().hash_one(id.as_bytes())
}

/// Builds a [`Gazetteer`] layer by layer, strongest first (user, curated, broad), straight into
/// the place table (an entry is dropped when a stronger layer already has its id, `GeoNames` id
/// or ICAO code), then the name index over the table ([`Builder::finish`]).
pub(super) struct Builder {
    pub(super) table: PlaceTable,
    pub(super) by_id: HashTable<u32>,
    /// Whether each place's primary name is a common word (for its name's role).
    pub(super) common_names: Vec<Common>,
    /// Each place's demonyms in the arena, in place order.
    pub(super) demonym_spans: Vec<(PlaceIdx, Span)>,
    pub(super) demonyms: HashMap<PlaceIdx, Vec<String>>,
    pub(super) admin1_keys: Vec<String>,
    pub(super) admin1_ids: FastMap<String, u32>,
    /// A scratch key for `admin1_ids` lookups.
    pub(super) admin1_key: String,
    /// `GeoNames` ids and ICAO codes of the layers already finished.
    pub(super) gids: FastSet<u64>,
    /// The place of each `GeoNames` id a TOML layer gave (the first, if two share one).
    pub(super) gid_places: FastMap<u64, u32>,
    pub(super) icaos: FastSet<String>,
    /// The same of the layer being added: within a layer, two entries may share a `GeoNames` id
    /// (a curated region may cite its main city); only weaker layers are shadowed.
    pub(super) layer_gids: Vec<u64>,
    pub(super) layer_icaos: Vec<String>,
    /// Index of the first place of the layer being added.
    pub(super) layer_start: usize,
    /// Ids of broad rows dropped for a stronger layer's twin (a later row with one is a repeat).
    pub(super) shadowed_ids: FastSet<String>,
    pub(super) stop: FastSet<&'static str>,
}

/// The stoplist's longest word, in bytes: longer spellings are never stopped.
pub(super) const STOP_MAX_LEN: usize = 16;

/// A broad-layer name that is mostly a person's name or a word of headlines (`stop` holds
/// [`BROAD_STOPLIST`]).
pub(super) fn is_stopped(stop: &FastSet<&'static str>, spelling: &str) -> bool {
    if spelling.is_ascii() {
        // Most names: look them up without lower-casing into a new String.
        let mut buf = [0u8; STOP_MAX_LEN];
        let Some(key) = buf.get_mut(..spelling.len()) else {
            return false;
        };
        key.copy_from_slice(spelling.as_bytes());
        key.make_ascii_lowercase();
        std::str::from_utf8(key).is_ok_and(|k| stop.contains(k))
    } else {
        stop.contains(spelling.to_lowercase().as_str())
    }
}

/// Which of a place's spellings are taken only where the context says "place": its name
/// (a common word: "Reading"), its plain spelling (a person's name: "Concepcion").
#[derive(Clone, Copy, Default)]
pub(super) struct Common {
    pub(super) name: bool,
    pub(super) plain: bool,
}

impl Builder {
    /// A builder with room for about `places` places with `aliases` aliases and `bytes` bytes of
    /// text.
    pub(super) fn with_capacity(places: usize, aliases: usize, bytes: usize) -> Builder {
        Builder {
            table: PlaceTable::with_capacity(places, aliases, bytes),
            by_id: HashTable::with_capacity(places),
            common_names: Vec::with_capacity(places),
            demonym_spans: Vec::new(),
            demonyms: HashMap::new(),
            admin1_keys: Vec::new(),
            admin1_ids: FastMap::default(),
            admin1_key: String::new(),
            gids: FastSet::default(),
            gid_places: FastMap::default(),
            icaos: FastSet::default(),
            layer_gids: Vec::new(),
            layer_icaos: Vec::new(),
            layer_start: 0,
            shadowed_ids: FastSet::default(),
            stop: BROAD_STOPLIST.iter().copied().collect(),
        }
    }

    /// The place with `id` (whose [`hash_id`] is `hash`), if one was added.
    pub(super) fn find_id(&self, hash: u64, id: &str) -> Option<u32> {
        let table = &self.table;
        self.by_id
            .find(hash, |&i| table.id(i as usize) == id)
            .copied()
    }

    /// Adds the entries of one TOML layer (or of validated places), weaker than those before.
    pub(super) fn add_layer(&mut self, entries: &[Entry]) {
        for entry in entries {
            let place = &entry.place;
            let dup_gid = place.geonames_id.is_some_and(|g| self.gids.contains(&g));
            let dup_icao = entry.icao.as_ref().is_some_and(|i| self.icaos.contains(i));
            let hash = hash_id(&place.id);
            let shadowed = dup_gid || dup_icao || self.find_id(hash, &place.id).is_some();
            // A shadowed entry's twins in weaker layers are shadowed too: the user's
            // "tripoli-ly" replaces the curated one and with it the broad "gn:2210247".
            self.layer_gids.extend(place.geonames_id);
            self.layer_icaos.extend(entry.icao.clone());
            if shadowed {
                continue;
            }
            let admin1 = self.admin1_index(entry.admin1.as_deref(), None);
            if let Some(gid) = place.geonames_id {
                let at = table::offset(self.table.len());
                self.gid_places.entry(gid).or_insert(at);
            }
            self.push(
                hash,
                NewRecord {
                    id: &place.id,
                    name: &place.name,
                    aliases: place.aliases.iter().map(String::as_str),
                    kind: place.kind,
                    coord: place.coord,
                    country: place.country.as_deref(),
                    geonames_id: place.geonames_id,
                    population: place.population,
                    source: place.source,
                    note: place.note.as_deref(),
                    admin1,
                    level: entry.level,
                },
                Common {
                    name: entry.common_name,
                    plain: false,
                },
                entry.demonyms.clone(),
            );
        }
        self.end_layer();
    }

    pub(super) fn end_layer(&mut self) {
        self.gids.extend(self.layer_gids.drain(..));
        self.icaos.extend(self.layer_icaos.drain(..));
        self.layer_start = self.table.len();
    }

    /// Adds a row of the broad layer (the weakest). False when a row with its id came before in
    /// this layer.
    pub(super) fn add_broad(&mut self, row: BroadRow<'_>) -> bool {
        let hash = hash_id(row.id);
        let earlier = self.find_id(hash, row.id);
        if earlier.is_some_and(|i| i as usize >= self.layer_start)
            || self.shadowed_ids.contains(row.id)
        {
            return false;
        }
        let shadowed = row.geonames_id.is_some_and(|g| self.gids.contains(&g))
            || row.icao.is_some_and(|i| self.icaos.contains(i))
            || earlier.is_some();
        if shadowed {
            self.inherit_division(&row);
            self.shadowed_ids.insert(row.id.to_owned());
            return true;
        }
        let admin1 = self.admin1_index(row.admin1, row.country);
        let demonyms: Vec<String> = broad::split_list(row.demonyms).map(str::to_owned).collect();
        self.push(
            hash,
            NewRecord {
                id: row.id,
                name: row.name,
                aliases: broad::split_list(row.aliases),
                kind: row.kind,
                coord: row.coord,
                country: row.country,
                geonames_id: row.geonames_id,
                population: row.population,
                source: PlaceSource::Broad,
                note: None,
                admin1,
                level: row.level,
            },
            Common {
                name: row.common_name,
                plain: row.plain_common,
            },
            demonyms,
        );
        true
    }

    /// A TOML layer's twin of the broad `row` (the same `GeoNames` id) that names no division
    /// lies in the row's: the curated "Riyadh" is of the province of Riyadh, as a town of the
    /// broad layer would be (its division's namesake yields to it, and the division's other
    /// names support it).
    fn inherit_division(&mut self, row: &BroadRow<'_>) {
        let (Some(gid), Some(_)) = (row.geonames_id, row.admin1) else {
            return;
        };
        let Some(&at) = self.gid_places.get(&gid) else {
            return;
        };
        let i = at as usize;
        let bare = self.table.parent(i) == Some((u32::MAX, 0));
        let same_country = self
            .table
            .get(i)
            .is_some_and(|p| p.country.is_some() && p.country == row.country);
        if bare && same_country && row.level == 0 {
            let admin1 = self.admin1_index(row.admin1, row.country);
            self.table.set_admin1(i, admin1);
        }
    }

    /// The number of a first-level division key: `code` whole (`US.KY`), or `country.code`.
    pub(super) fn admin1_index(&mut self, code: Option<&str>, country: Option<&str>) -> u32 {
        let Some(code) = code else {
            return u32::MAX;
        };
        self.admin1_key.clear();
        if let Some(c) = country {
            self.admin1_key.push_str(c);
            self.admin1_key.push('.');
        }
        self.admin1_key.push_str(code);
        // Rows come grouped by country and division: most repeat the previous row's key.
        if self.admin1_keys.last() == Some(&self.admin1_key) {
            return table::offset(self.admin1_keys.len() - 1);
        }
        if let Some(&i) = self.admin1_ids.get(self.admin1_key.as_str()) {
            return i;
        }
        let i = table::offset(self.admin1_keys.len());
        self.admin1_keys.push(self.admin1_key.clone());
        self.admin1_ids.insert(self.admin1_key.clone(), i);
        i
    }

    pub(super) fn push<'a>(
        &mut self,
        hash: u64,
        new: NewRecord<'a, impl Iterator<Item = &'a str>>,
        common: Common,
        demonyms: Vec<String>,
    ) {
        let idx = PlaceIdx(table::offset(self.table.len()));
        self.table.push(new);
        self.common_names.push(common);
        for d in &demonyms {
            let span = self.table.intern(d);
            self.demonym_spans.push((idx, span));
        }
        if !demonyms.is_empty() {
            self.demonyms.insert(idx, demonyms);
        }
        let table = &self.table;
        self.by_id
            .insert_unique(hash, idx.0, |&i| hash_id(table.id(i as usize)));
    }

    /// The name index over every place's name, aliases and demonyms, in place order, built
    /// after the table (its parts in parallel, see [`NameIndexBuilder::finish`]).
    fn name_index(&self) -> NameIndex {
        let mut names = NameIndexBuilder::default();
        let mut demonyms = self.demonym_spans.iter().peekable();
        let mut parts = self.country_parts().into_iter().peekable();
        for i in 0..self.table.len() {
            self.add_names(i, &mut names);
            while let Some(&(p, start, len)) = parts.peek()
                && p == i
            {
                let idx = PlaceIdx(table::offset(i));
                let arena = self.table.arena();
                let part = arena
                    .get(start as usize..(start + len) as usize)
                    .unwrap_or("");
                // As in `add_names`: a part that is mostly a person's name ("Trinidad") is
                // taken only where the context says "place".
                let role = if is_stopped(&self.stop, part) {
                    NameRole::Weak(idx)
                } else {
                    NameRole::Place(idx)
                };
                names.add(arena, start, len, role);
                parts.next();
            }
            while let Some(&&(p, span)) = demonyms.peek()
                && p.0 as usize == i
            {
                let arena = self.table.arena();
                names.add(arena, span.start(), span.len(), NameRole::Demonym(p));
                demonyms.next();
            }
        }
        names.finish(self.table.arena())
    }

    /// The parts of the names of countries of two places joined by "and" ("Trinidad and
    /// Tobago", "Bosnia and Herzegovina"), as (place, start, length) in the arena, in place
    /// order: the news calls such a country, or its main island, by one part ("the ministry in
    /// Trinidad", "troops in Bosnia"). A part names the country unless it already names a place
    /// of that country ("Tobago", a division), a country or first-level division elsewhere
    /// ("Serbia" of "Serbia and Montenegro") or a people ("Turks" of "Turks and Caicos
    /// Islands").
    fn country_parts(&self) -> Vec<(usize, u32, u32)> {
        let arena = self.table.arena();
        let mut parts: Vec<(usize, u32, u32, &str)> = Vec::new();
        for i in 0..self.table.len() {
            let Some(place) = self.table.get(i) else {
                continue;
            };
            if place.kind != PlaceKind::Country || !place.name.contains(" and ") {
                continue;
            }
            let (name, _) = self.table.name_spans(i);
            let mut at = 0usize;
            for part in place.name.split(" and ") {
                let letters = part.chars().filter(|c| c.is_alphabetic()).count();
                if part.starts_with(char::is_uppercase)
                    && letters >= 3
                    && let (Ok(off), Ok(len)) = (u32::try_from(at), u32::try_from(part.len()))
                {
                    parts.push((i, name.start() + off, len, country_iso(place.country)));
                }
                at += part.len() + " and ".len();
            }
        }
        if parts.is_empty() {
            return Vec::new();
        }
        let text = |&(_, start, len, _): &(usize, u32, u32, &str)| {
            arena
                .get(start as usize..(start + len) as usize)
                .unwrap_or("")
        };
        let mut by_text: FastMap<&str, Vec<usize>> = FastMap::default();
        for (k, part) in parts.iter().enumerate() {
            by_text.entry(text(part)).or_default().push(k);
        }
        let mut taken: FastSet<usize> = FastSet::default();
        for j in 0..self.table.len() {
            let Some(place) = self.table.get(j) else {
                continue;
            };
            let spellings = std::iter::once(place.name).chain(place.aliases.iter());
            for k in spellings.filter_map(|t| by_text.get(t)).flatten() {
                let Some(part) = parts.get(*k) else {
                    continue;
                };
                let wide = place.kind == PlaceKind::Country
                    || (place.kind == PlaceKind::AdminArea
                        && self.table.parent(j).is_some_and(|(_, level)| level <= 1));
                if part.0 != j && (wide || country_iso(place.country) == part.3) {
                    taken.insert(*k);
                }
            }
        }
        for &(_, span) in &self.demonym_spans {
            let d = span.text(arena);
            for (k, part) in parts.iter().enumerate() {
                if text(part) == d {
                    taken.insert(k);
                }
            }
        }
        parts
            .iter()
            .enumerate()
            .filter(|(k, _)| !taken.contains(k))
            .map(|(_, &(i, start, len, _))| (i, start, len))
            .collect()
    }

    /// Adds place `i`'s name and aliases to `names`.
    fn add_names(&self, i: usize, names: &mut NameIndexBuilder) {
        let idx = PlaceIdx(table::offset(i));
        let broad = self.table.source(i) == Some(PlaceSource::Broad);
        let common = self.common_names.get(i).copied().unwrap_or_default();
        let arena = self.table.arena();
        let (name, aliases) = self.table.name_spans(i);
        // (The plain spelling marked common: "Concepcion" of Concepción, Chile, a person's name
        // too.)
        let plain_common = |alias: Span| {
            common.plain && names::is_plain_spelling(name.text(arena), alias.text(arena))
        };
        let spellings = std::iter::once((name, common.name))
            .chain(aliases.iter().map(|&a| (a, plain_common(a))));
        for (span, common) in spellings {
            let spelling = span.text(arena);
            if broad && {
                let letters = if spelling.is_ascii() {
                    spelling.bytes().filter(u8::is_ascii_alphabetic).count()
                } else {
                    spelling.chars().filter(|c| c.is_alphabetic()).count()
                };
                letters < 3 && !names::is_abbreviation(spelling)
            } {
                continue;
            }
            // A broad alias that is only the name with a possessive ("Tonga's" of a town in
            // Cameroon, "Hayward's") is no spelling of its own: the matcher reads a possessive
            // off any name, and such an alias, the longer span, would win "Tonga's capital" for
            // the town over the country.
            if broad && names::is_possessive_of(name.text(arena), spelling) {
                continue;
            }
            // A broad name that is mostly a common word ("Reading", "Mobile"), a person's name
            // or a word of headlines is kept, but the matcher takes it only where the context
            // says "place" ("in Reading", "Mobile, Ala.").
            // So is a curated name marked `common` ("Rhodes": "Cecil Rhodes", "a Rhodes
            // scholar").
            let role = if common || (broad && is_stopped(&self.stop, spelling)) {
                NameRole::Weak(idx)
            } else {
                NameRole::Place(idx)
            };
            names.add(arena, span.start(), span.len(), role);
        }
    }

    pub(super) fn finish(mut self) -> Gazetteer {
        self.table.shrink_to_fit();
        let table = &self.table;
        self.by_id.shrink_to(0, |&i| hash_id(table.id(i as usize)));
        self.admin1_keys.shrink_to_fit();
        let names = self.name_index();
        Gazetteer {
            table: self.table,
            by_id: self.by_id,
            demonyms: self.demonyms,
            names,
            sorted_names: OnceLock::new(),
            admin1_keys: self.admin1_keys,
            country_populations: OnceLock::new(),
        }
    }
}

/// A place's country code, "" for none.
fn country_iso(country: Option<&str>) -> &str {
    country.unwrap_or("")
}
