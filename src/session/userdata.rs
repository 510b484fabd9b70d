//! The files a user owns: gazetteer additions and article date overrides, in the user's data
//! folder, plus the GUI-free logic around them (missing place names, suggestions, applying
//! overrides).
//!
//! Key decisions:
//! - **Same format as the curated file.** The user gazetteer is `[[place]]` tables like
//!   `data/gazetteer.toml`, loaded by [`Gazetteer::load`] as the strongest layer. Adding an alias
//!   to a known place writes a user copy of that place (same id), which shadows the original.
//! - **Never rewrite sources.** A date override lives in `dates.toml`, keyed by the article's
//!   file, id and a hash of its text: an edited or renamed file does not inherit a wrong date.
//! - **Written atomically, loaded leniently.** Writes go through [`write_atomic`] (previous kept
//!   as `.bak`). A file that does not parse is reported with its line and never overwritten: the
//!   user's data is worth more than the app's convenience.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::atomic::{MAX_USER_FILE_BYTES, read_user_file, write_atomic};
use crate::corpus::{Article, DateBasis};
use crate::extract::ArticleIdx;
use crate::extract::places::unknown_place_names;
use crate::gazetteer::{Gazetteer, PlaceIdx, PlaceKind, PlaceRef, user_gazetteer_path};
use crate::problem::{Problem, line_of_offset};

/// The user's data folder and the files in it. The folder is injectable (tests use a temp dir).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserDataDir {
    pub dir: PathBuf,
}

impl UserDataDir {
    pub fn at(dir: impl Into<PathBuf>) -> UserDataDir {
        UserDataDir { dir: dir.into() }
    }

    /// The platform's data folder for newsatlas (`~/.local/share/newsatlas` on Linux), if the
    /// system has a home folder. Temporary files that a crashed save left there more than an hour
    /// ago are removed (see [`crate::atomic::clean_stale_temps`]).
    pub fn platform() -> Option<UserDataDir> {
        let user = directories::ProjectDirs::from("", "", "newsatlas")
            .map(|d| UserDataDir::at(d.data_dir()))?;
        crate::atomic::clean_stale_temps(&user.dir);
        Some(user)
    }

    pub fn gazetteer(&self) -> PathBuf {
        user_gazetteer_path(&self.dir)
    }

    pub fn dates(&self) -> PathBuf {
        self.dir.join("dates.toml")
    }
}

/// Why a user file was not saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error(
        "{0} has errors (see the problem list); it is kept as it is and not overwritten: fix or remove it, then try again"
    )]
    Damaged(PathBuf),
    #[error("cannot write {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("cannot encode {path}: {message}")]
    Encode { path: PathBuf, message: String },
    #[error(
        "{path} was changed on disk and cannot be read now ({message}); it is not overwritten: fix or remove it, then try again"
    )]
    Changed { path: PathBuf, message: String },
}

/// Reads a user file; a missing file is `Ok(None)`. A file that cannot be read, is too large or
/// is not UTF-8 is a problem with its line where there is one (the caller marks the file damaged,
/// so it is never saved over).
fn read_optional(path: &Path, what: &str) -> Result<Option<String>, Problem> {
    read_user_file(path, MAX_USER_FILE_BYTES).map_err(|e| {
        Problem::error(
            path,
            e.line,
            format!(
                "cannot read {what}: {}; the file is not used and will not be overwritten",
                e.message
            ),
        )
    })
}

/// A TOML parse error as a problem with its line.
fn toml_problem(path: &Path, text: &str, err: &toml::de::Error) -> Problem {
    let line = err.span().map(|s| line_of_offset(text, s.start));
    let message = err.message().trim().to_owned();
    Problem::error(
        path,
        line,
        format!("{message}; the file is not used and will not be overwritten"),
    )
}

/// How [`save_merged`] reads and writes one kind of entry (a `[[place]]`, an `[[override]]`).
struct EntryTables<'a> {
    /// The array-of-tables key: `place`, `override`.
    array: &'a str,
    /// The keys that say which entry a table is (a place's `id`).
    identity: &'a [&'a str],
    /// Every key the app writes; other keys in a table are the user's and are kept.
    known: &'a [&'a str],
}

/// Saves `entries` into the file as it is on disk now (re-read just before), editing it in place:
/// an entry whose table is there (same identity keys) has its known keys set and keeps its other
/// keys and comments; a new entry gets a new table; tables and entries this process did not load
/// (another window's, or ones it does not understand) and comments are kept. A missing file is
/// written with `header`. Returns the entries now in the file, as `T`, for the caller to hold.
fn save_merged<T: Serialize + serde::de::DeserializeOwned>(
    path: &Path,
    header: &str,
    shape: &EntryTables<'_>,
    entries: &[T],
) -> Result<Vec<T>, SaveError> {
    crate::atomic::with_folder_locked(path, || merge_and_write(path, header, shape, entries))
}

/// [`save_merged`] under the folder's lock.
fn merge_and_write<T: Serialize + serde::de::DeserializeOwned>(
    path: &Path,
    header: &str,
    shape: &EntryTables<'_>,
    entries: &[T],
) -> Result<Vec<T>, SaveError> {
    let encode = |message: String| SaveError::Encode {
        path: path.to_path_buf(),
        message,
    };
    let text = read_user_file(path, MAX_USER_FILE_BYTES).map_err(|e| SaveError::Changed {
        path: path.to_path_buf(),
        message: e.message,
    })?;
    let fresh = text.is_none();
    let mut doc: toml_edit::DocumentMut =
        text.unwrap_or_default()
            .parse()
            .map_err(|e: toml_edit::TomlError| SaveError::Changed {
                path: path.to_path_buf(),
                message: e.message().to_owned(),
            })?;
    let mut tables = match doc.remove(shape.array) {
        None => toml_edit::ArrayOfTables::new(),
        Some(toml_edit::Item::ArrayOfTables(tables)) => tables,
        Some(_) => {
            return Err(SaveError::Changed {
                path: path.to_path_buf(),
                message: format!(
                    "`{}` is not a list of [[{}]] tables",
                    shape.array, shape.array
                ),
            });
        }
    };
    let identity = |table: &toml_edit::Table| -> Vec<Option<String>> {
        shape
            .identity
            .iter()
            .map(|k| table.get(k).and_then(|v| v.as_str()).map(str::to_owned))
            .collect()
    };
    for entry in entries {
        let new = crate::atomic::toml_table(entry).map_err(encode)?;
        let id = identity(&new);
        let found = tables.iter().position(|t| identity(t) == id);
        match found.and_then(|i| tables.get_mut(i)) {
            Some(table) => crate::atomic::set_known_keys(table, &new, shape.known),
            None => tables.push(new),
        }
    }
    for table in tables.iter_mut() {
        crate::atomic::inline_subtables(table);
    }
    let held = tables
        .iter()
        .filter_map(|t| toml::from_str::<T>(&crate::atomic::table_text(t)).ok())
        .collect();
    doc.insert(shape.array, toml_edit::Item::ArrayOfTables(tables));
    let mut body = doc.to_string();
    if fresh {
        body.insert_str(0, header);
    }
    write_atomic(path, body.as_bytes()).map_err(|source| SaveError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(held)
}

// ---------------------------------------------------------------------------------------------
// Date overrides
// ---------------------------------------------------------------------------------------------

/// A stable hash of an article's text (64-bit FNV-1a, hex): the same text gives the same hash on
/// every machine and Rust version, unlike `std`'s hasher.
pub fn content_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// One override as stored: which article (file, id, text hash) and its date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateOverride {
    pub file: String,
    pub id: String,
    pub hash: String,
    pub date: NaiveDate,
}

impl DateOverride {
    fn matches(&self, article: &Article) -> bool {
        self.file == file_key(article)
            && self.id == article.id
            && self.hash == content_hash(&article.body.text())
    }
}

fn file_key(article: &Article) -> String {
    article.file.to_string_lossy().into_owned()
}

#[derive(Deserialize)]
struct RawDatesFile {
    #[serde(default, rename = "override")]
    overrides: Vec<toml::Spanned<RawOverride>>,
}

#[derive(Deserialize)]
struct RawOverride {
    file: String,
    id: String,
    hash: String,
    date: toml::Spanned<String>,
}

const DATES_HEADER: &str = "# Publication dates you set in newsatlas, per article (file, id and a hash of its text).\n\
# Written by the app (the previous version is kept as dates.toml.bak); the articles are never changed.\n\n";

/// The date sidecar (`dates.toml`): dates the user set, never written into the articles.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DateOverrides {
    entries: Vec<DateOverride>,
    /// The file on disk had errors: it is kept and never overwritten.
    damaged: bool,
}

impl DateOverrides {
    /// Loads `path` leniently: a missing file is empty; an unparsable file or entry is reported
    /// with its line, and then the file is marked damaged so that saving never overwrites it.
    pub fn load(path: &Path) -> (DateOverrides, Vec<Problem>) {
        let text = match read_optional(path, "the date overrides") {
            Ok(Some(text)) => text,
            Ok(None) => return (DateOverrides::default(), Vec::new()),
            Err(p) => {
                return (
                    DateOverrides {
                        entries: Vec::new(),
                        damaged: true,
                    },
                    vec![p],
                );
            }
        };
        DateOverrides::parse(&text, path)
    }

    /// Parses sidecar text; problems name `path`.
    pub fn parse(text: &str, path: &Path) -> (DateOverrides, Vec<Problem>) {
        let raw: RawDatesFile = match toml::from_str(text) {
            Ok(raw) => raw,
            Err(e) => {
                let p = toml_problem(path, text, &e);
                return (
                    DateOverrides {
                        entries: Vec::new(),
                        damaged: true,
                    },
                    vec![p],
                );
            }
        };
        let mut out = DateOverrides::default();
        let mut problems = Vec::new();
        for item in raw.overrides {
            let raw = item.into_inner();
            let line = line_of_offset(text, raw.date.span().start);
            if let Some(date) = crate::corpus::parse_iso_date(raw.date.get_ref().trim()) {
                out.entries.push(DateOverride {
                    file: raw.file,
                    id: raw.id,
                    hash: raw.hash,
                    date,
                });
            } else {
                {
                    out.damaged = true;
                    problems.push(Problem::error(
                        path,
                        Some(line),
                        format!(
                            "date `{}` is not a date, expected YYYY-MM-DD; this override is ignored and the file will not be overwritten",
                            raw.date.get_ref()
                        ),
                    ));
                }
            }
        }
        (out, problems)
    }

    pub fn entries(&self) -> &[DateOverride] {
        &self.entries
    }

    pub fn is_damaged(&self) -> bool {
        self.damaged
    }

    /// The date the user set for this article, if its file, id and text still match.
    pub fn date_for(&self, article: &Article) -> Option<NaiveDate> {
        self.entries
            .iter()
            .find(|o| o.matches(article))
            .map(|o| o.date)
    }

    /// Sets (replaces) the date of `article`.
    pub fn set(&mut self, article: &Article, date: NaiveDate) {
        self.entries.retain(|o| !o.matches(article));
        self.entries.push(DateOverride {
            file: file_key(article),
            id: article.id.clone(),
            hash: content_hash(&article.body.text()),
            date,
        });
    }

    /// Gives every matching article its override date (`DateBasis::UserOverride`); returns the
    /// indices of the articles whose date changed.
    pub fn apply(&self, articles: &mut [Article]) -> Vec<usize> {
        let mut changed = Vec::new();
        for (i, article) in articles.iter_mut().enumerate() {
            if let Some(date) = self.date_for(article)
                && (article.published != Some(date)
                    || article.date_basis != DateBasis::UserOverride)
            {
                article.published = Some(date);
                article.date_basis = DateBasis::UserOverride;
                changed.push(i);
            }
        }
        changed
    }

    /// Writes the sidecar atomically, unless the file on disk was damaged, merged into the file
    /// as it is now (see [`save_merged`]): another window's overrides and the user's comments
    /// stay. Afterwards this holds every override in the file.
    pub fn save(&mut self, path: &Path) -> Result<(), SaveError> {
        if self.damaged {
            return Err(SaveError::Damaged(path.to_path_buf()));
        }
        self.entries = save_merged(
            path,
            DATES_HEADER,
            &EntryTables {
                array: "override",
                identity: &["file", "id", "hash"],
                known: &["file", "id", "hash", "date"],
            },
            &self.entries,
        )?;
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// User gazetteer
// ---------------------------------------------------------------------------------------------

/// One `[[place]]` of the user gazetteer, in the curated file's format.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserPlace {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub kind: String,
    pub lat: f64,
    pub lon: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonames_id: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icao: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<u64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub demonyms: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The name is also a person's or a word: a place only where the context says so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub common: bool,
}

impl UserPlace {
    /// A user copy of a known place (to add aliases to it: the copy shadows the original).
    pub fn copy_of(place: PlaceRef<'_>, demonyms: &[String], common: bool) -> UserPlace {
        UserPlace {
            id: place.id.to_owned(),
            name: place.name.to_owned(),
            aliases: place.aliases.to_vec(),
            kind: place.kind.as_str().to_owned(),
            lat: place.coord.lat,
            lon: place.coord.lon,
            country: place.country.map(str::to_owned),
            geonames_id: place.geonames_id,
            icao: place.id.strip_prefix("icao:").map(str::to_owned),
            population: place.population,
            demonyms: demonyms.to_vec(),
            source: Some(format!(
                "copy of `{}` with your aliases; {}",
                place.id,
                place.note.unwrap_or("coordinates as in the data")
            )),
            common,
        }
    }

    /// Whether `spelling` is already the name or an alias (ignoring case).
    fn has_spelling(&self, spelling: &str) -> bool {
        let s = spelling.to_lowercase();
        self.name.to_lowercase() == s || self.aliases.iter().any(|a| a.to_lowercase() == s)
    }
}

#[derive(Serialize, Deserialize, Default)]
struct GazetteerFile {
    #[serde(default, rename = "place")]
    places: Vec<UserPlace>,
}

const GAZETTEER_HEADER: &str = "# Your additions to the newsatlas gazetteer, in the format of data/gazetteer.toml.\n\
# They win over the curated and broad layers. Written by the app (previous version kept as\n\
# gazetteer.toml.bak); data/gazetteer.toml is never changed.\n\n";

/// A new place the user adds (placed on the map or typed in).
#[derive(Clone, Debug, PartialEq)]
pub struct NewPlace {
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2, any case; empty for none.
    pub country: String,
    pub aliases: Vec<String>,
}

/// The user gazetteer file as the app edits it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UserGazetteer {
    pub places: Vec<UserPlace>,
    damaged: bool,
}

impl UserGazetteer {
    /// Loads `path` leniently (missing: empty). A file that does not parse is reported and marked
    /// damaged: it is then never overwritten. (Row-level checks are [`Gazetteer::load`]'s.)
    pub fn load(path: &Path) -> (UserGazetteer, Vec<Problem>) {
        match read_optional(path, "your gazetteer") {
            Ok(None) => (UserGazetteer::default(), Vec::new()),
            Ok(Some(text)) => match toml::from_str::<GazetteerFile>(&text) {
                Ok(file) => (
                    UserGazetteer {
                        places: file.places,
                        damaged: false,
                    },
                    Vec::new(),
                ),
                Err(e) => (
                    UserGazetteer {
                        places: Vec::new(),
                        damaged: true,
                    },
                    vec![toml_problem(path, &text, &e)],
                ),
            },
            Err(p) => (
                UserGazetteer {
                    places: Vec::new(),
                    damaged: true,
                },
                vec![p],
            ),
        }
    }

    pub fn is_damaged(&self) -> bool {
        self.damaged
    }

    /// Adds `surface` as an alias of a known place (`common`: its name is indexed as weak, which
    /// the copy keeps). Returns false when it already had it.
    pub fn add_alias(
        &mut self,
        place: PlaceRef<'_>,
        demonyms: &[String],
        common: bool,
        surface: &str,
    ) -> bool {
        let surface = surface.trim();
        let slot = if let Some(i) = self.places.iter().position(|p| p.id == place.id) {
            i
        } else {
            self.places
                .push(UserPlace::copy_of(place, demonyms, common));
            self.places.len() - 1
        };
        let entry = &mut self.places[slot];
        if surface.is_empty() || entry.has_spelling(surface) {
            return false;
        }
        entry.aliases.push(surface.to_owned());
        true
    }

    /// Adds a new place with an id not used in `gazetteer` nor in this file; returns the id.
    pub fn add_place(&mut self, new: &NewPlace, gazetteer: &Gazetteer) -> String {
        let country = new.country.trim().to_ascii_uppercase();
        let country = (country.len() == 2 && country.chars().all(|c| c.is_ascii_uppercase()))
            .then_some(country);
        let base = match &country {
            Some(c) => format!("{}-{}", slug(&new.name), c.to_ascii_lowercase()),
            None => slug(&new.name),
        };
        let taken =
            |id: &str| gazetteer.by_id(id).is_some() || self.places.iter().any(|p| p.id == id);
        let mut id = base.clone();
        let mut n = 2;
        while taken(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        let mut seen: HashSet<String> = HashSet::from([new.name.trim().to_lowercase()]);
        let aliases = new
            .aliases
            .iter()
            .map(|a| a.trim().to_owned())
            .filter(|a| !a.is_empty() && seen.insert(a.to_lowercase()))
            .collect();
        self.places.push(UserPlace {
            id: id.clone(),
            name: new.name.trim().to_owned(),
            aliases,
            kind: new.kind.as_str().to_owned(),
            lat: new.lat,
            lon: new.lon,
            country,
            geonames_id: None,
            icao: None,
            population: None,
            demonyms: Vec::new(),
            source: Some("placed by you in newsatlas".to_owned()),
            common: false,
        });
        id
    }

    /// Writes the file atomically (previous kept as `.bak`), unless the file on disk was damaged,
    /// merged into the file as it is now (see [`save_merged`]): places added by another window,
    /// comments and keys the app does not know (a `notes = ...`) stay.
    pub fn save(&mut self, path: &Path) -> Result<(), SaveError> {
        if self.damaged {
            return Err(SaveError::Damaged(path.to_path_buf()));
        }
        self.places = save_merged(
            path,
            GAZETTEER_HEADER,
            &EntryTables {
                array: "place",
                identity: &["id"],
                known: &[
                    "id",
                    "name",
                    "aliases",
                    "kind",
                    "lat",
                    "lon",
                    "country",
                    "geonames_id",
                    "icao",
                    "population",
                    "demonyms",
                    "source",
                    "common",
                ],
            },
            &self.places,
        )?;
        Ok(())
    }
}

/// A lowercase slug of a name (`Wadi Rabie` -> `wadi-rabie`); letters outside ASCII are dropped.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "place".to_owned()
    } else {
        out
    }
}

// ---------------------------------------------------------------------------------------------
// Missing places
// ---------------------------------------------------------------------------------------------

/// A capitalised name the gazetteer could not place, over the whole corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingName {
    pub name: String,
    /// Occurrences in all articles.
    pub count: usize,
    /// Articles it occurs in, in corpus order.
    pub articles: Vec<ArticleIdx>,
}

/// Aggregates `unknown_place_names` over all articles: most frequent first, then by name.
pub fn missing_names(articles: &[Article], gazetteer: &Gazetteer) -> Vec<MissingName> {
    use rayon::prelude::*;
    let per_article: Vec<Vec<String>> = articles
        .par_iter()
        .map(|a| {
            unknown_place_names(&a.body.text(), gazetteer)
                .into_iter()
                .map(|u| u.name.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect()
        })
        .collect();
    let mut by_name: BTreeMap<String, MissingName> = BTreeMap::new();
    for (i, names) in per_article.into_iter().enumerate() {
        let idx = ArticleIdx(u32::try_from(i).unwrap_or(u32::MAX));
        for name in names {
            let entry = by_name.entry(name.clone()).or_insert_with(|| MissingName {
                name,
                count: 0,
                articles: Vec::new(),
            });
            entry.count += 1;
            if entry.articles.last() != Some(&idx) {
                entry.articles.push(idx);
            }
        }
    }
    let mut out: Vec<MissingName> = by_name.into_values().collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    out
}

/// A place the missing name may be, and the spelling that made it a candidate.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub place: PlaceIdx,
    pub spelling: String,
    /// Edit distance between the missing name and `spelling` (ignoring case); 0 for a prefix.
    pub distance: usize,
}

/// Levenshtein distance over chars, giving up (returning `max + 1`) once it exceeds `max`.
pub fn edit_distance(a: &str, b: &str, max: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > max {
            return max + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()].min(max + 1)
}

fn normalise(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| {
            if c == '-' || c == '\'' || c == '’' {
                ' '
            } else {
                c
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Places the missing `name` may be: names starting with it (`search_names`), then names that
/// share its first three letters and are at most 2 edits away (1 for names under 6 letters).
/// Closest first; at most `limit`.
pub fn suggest_places(name: &str, gazetteer: &Gazetteer, limit: usize) -> Vec<Suggestion> {
    let wanted = normalise(name);
    let mut out: Vec<Suggestion> = Vec::new();
    let mut seen: HashSet<PlaceIdx> = HashSet::new();
    for idx in gazetteer.search_names(name, limit) {
        if seen.insert(idx) {
            out.push(Suggestion {
                place: idx,
                spelling: gazetteer.get(idx).name.to_owned(),
                distance: 0,
            });
        }
    }
    let max = if wanted.chars().count() < 6 { 1 } else { 2 };
    let head: String = wanted.chars().take(3).collect();
    if head.chars().count() == 3 {
        let mut fuzzy = Vec::new();
        for idx in gazetteer.search_names(&head, 20_000) {
            if seen.contains(&idx) {
                continue;
            }
            let place = gazetteer.get(idx);
            let best = std::iter::once(place.name)
                .chain(place.aliases)
                .map(|s| (edit_distance(&wanted, &normalise(s), max), s))
                .min_by_key(|(d, _)| *d);
            if let Some((d, s)) = best
                && d <= max
            {
                seen.insert(idx);
                fuzzy.push(Suggestion {
                    place: idx,
                    spelling: s.to_owned(),
                    distance: d.max(1),
                });
            }
        }
        // `search_names` ranked user and curated places and big towns first; keep that order
        // among equal distances.
        fuzzy.sort_by_key(|s| s.distance);
        out.extend(fuzzy);
    }
    out.truncate(limit);
    out
}

/// "2 articles: Title one; Title two" for a tooltip.
pub fn articles_text(articles: &[Article], idx: &[ArticleIdx], max: usize) -> String {
    let mut out = format!("{} article(s)", idx.len());
    for (n, a) in idx.iter().enumerate() {
        if n == max {
            out.push_str("\n…");
            break;
        }
        if let Some(article) = articles.get(a.0 as usize) {
            let _ = write!(out, "\n· {}", article.title);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coord::LatLon;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    fn article(file: &str, body: &str) -> Article {
        let (a, _) = Article::from_text("a1", Path::new(file), body);
        a
    }

    fn bundled() -> Gazetteer {
        Gazetteer::load_bundled(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data")).0
    }

    #[test]
    fn date_overrides_survive_a_save_and_a_load() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = UserDataDir::at(dir.path()).dates();
        let a = article("/news/a.txt", "Clashes near Tripoli.");
        let mut o = DateOverrides::default();
        o.set(&a, day("2019-04-05"));
        o.set(&a, day("2019-04-06"));
        o.save(&path).expect("save");
        let (back, problems) = DateOverrides::load(&path);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(back.entries().len(), 1, "setting twice replaces");
        assert_eq!(back.date_for(&a), Some(day("2019-04-06")));
    }

    #[test]
    fn two_windows_setting_dates_keep_both_and_comments_stay() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = UserDataDir::at(dir.path()).dates();
        let a = article("/news/a.txt", "Clashes near Tripoli.");
        let b = article("/news/b.txt", "Talks in Moscow.");
        // Both windows loaded the same (missing) file.
        let (mut one, _) = DateOverrides::load(&path);
        let (mut two, _) = DateOverrides::load(&path);
        one.set(&a, day("2019-04-05"));
        one.save(&path).expect("save");
        let mut text = std::fs::read_to_string(&path).expect("read");
        text.push_str("# checked against the wire copy\n");
        text = text.replace("date = ", "checked_by = \"anna\"\ndate = ");
        std::fs::write(&path, text).expect("write");
        two.set(&b, day("2020-01-13"));
        two.save(&path).expect("save");
        let (back, problems) = DateOverrides::load(&path);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            back.date_for(&a),
            Some(day("2019-04-05")),
            "the first window's date"
        );
        assert_eq!(back.date_for(&b), Some(day("2020-01-13")));
        assert_eq!(
            two.date_for(&a),
            Some(day("2019-04-05")),
            "now held by the second"
        );
        // The first window changes its date again: in place, the user's key kept.
        one.set(&a, day("2019-04-06"));
        one.save(&path).expect("save");
        let after = std::fs::read_to_string(&path).expect("read");
        assert!(after.contains("checked_by = \"anna\""), "{after}");
        assert!(after.contains("# checked against the wire copy"), "{after}");
        let (reloaded, _) = DateOverrides::load(&path);
        assert_eq!(reloaded.entries().len(), 2);
        assert_eq!(reloaded.date_for(&a), Some(day("2019-04-06")));
    }

    #[test]
    fn an_override_applies_as_a_user_date_only_to_the_same_text() {
        let mut o = DateOverrides::default();
        let a = article("/news/a.txt", "Clashes near Tripoli.");
        o.set(&a, day("2019-04-05"));
        let mut articles = vec![
            a.clone(),
            article("/news/a.txt", "Clashes near Tripoli, edited."),
        ];
        assert_eq!(o.apply(&mut articles), vec![0]);
        assert_eq!(articles[0].published, Some(day("2019-04-05")));
        assert_eq!(articles[0].date_basis, DateBasis::UserOverride);
        assert_eq!(
            articles[1].date_basis,
            DateBasis::Undated,
            "edited text: no date"
        );
        let renamed = article("/news/b.txt", "Clashes near Tripoli.");
        assert_eq!(o.date_for(&renamed), None, "renamed file: no date");
    }

    #[test]
    fn a_corrupted_sidecar_is_reported_with_its_line_and_not_overwritten() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("dates.toml");
        let text =
            "[[override]]\nfile = \"a.txt\"\nid = \"a\"\nhash = \"00\"\ndate = \"2019-13-45\"\n";
        std::fs::write(&path, text).expect("write");
        let (mut o, problems) = DateOverrides::load(&path);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(5), "{}", problems[0]);
        assert!(problems[0].to_string().contains("dates.toml:5:"));
        o.set(&article("/b.txt", "x"), day("2019-04-04"));
        assert!(matches!(o.save(&path), Err(SaveError::Damaged(_))));
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            text,
            "kept as it was"
        );

        std::fs::write(&path, "[[override]\nfile = 3").expect("write");
        let (o, problems) = DateOverrides::load(&path);
        assert!(o.is_damaged());
        assert_eq!(problems[0].line, Some(1), "{}", problems[0]);
    }

    #[test]
    fn an_interrupted_write_leaves_the_previous_sidecar_intact() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("dates.toml");
        let mut o = DateOverrides::default();
        o.set(&article("/a.txt", "x"), day("2019-04-04"));
        o.save(&path).expect("save");
        let before = std::fs::read_to_string(&path).expect("read");
        // A folder where the backup goes: the save fails after the new text is written to its
        // temp file, before the rename, like a crash or a full disk in the middle of a save.
        let blocked_bak = crate::atomic::backup_path(&path);
        std::fs::create_dir_all(blocked_bak.join("x")).expect("mkdir");
        o.set(&article("/b.txt", "y"), day("2019-04-05"));
        assert!(matches!(o.save(&path), Err(SaveError::Io { .. })));
        assert_eq!(std::fs::read_to_string(&path).expect("read"), before);
        let (back, _) = DateOverrides::load(&path);
        assert_eq!(back.entries().len(), 1);
    }

    #[test]
    fn user_gazetteer_additions_round_trip_and_load_as_the_user_layer() {
        let dir = tempfile::tempdir().expect("tempdir");
        let user = UserDataDir::at(dir.path());
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let (g, _) = Gazetteer::load(&data.join("gazetteer.toml"), None, None);
        let mut ug = UserGazetteer::default();
        let id = ug.add_place(
            &NewPlace {
                name: "Wadi Rabie".into(),
                lat: 32.7,
                lon: 13.3,
                kind: PlaceKind::District,
                country: "ly".into(),
                aliases: vec!["Wadi Rabii".into(), " ".into(), "wadi rabie".into()],
            },
            &g,
        );
        assert_eq!(id, "wadi-rabie-ly");
        let tripoli = g.by_id("tripoli-ly").expect("tripoli");
        assert!(ug.add_alias(g.get(tripoli), &[], false, "Tripoli of the West"));
        assert!(
            !ug.add_alias(g.get(tripoli), &[], false, "tripoli of the west"),
            "once"
        );
        ug.save(&user.gazetteer()).expect("save");
        ug.save(&user.gazetteer()).expect("save again");
        assert!(crate::atomic::backup_path(&user.gazetteer()).exists());

        let (back, problems) = UserGazetteer::load(&user.gazetteer());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(back, ug);
        let (merged, problems) =
            Gazetteer::load(&data.join("gazetteer.toml"), None, Some(&user.gazetteer()));
        assert!(problems.is_empty(), "{problems:?}");
        let w = merged.by_id("wadi-rabie-ly").expect("added");
        assert_eq!(merged.get(w).coord, LatLon::new(32.7, 13.3));
        assert_eq!(merged.get(w).aliases, vec!["Wadi Rabii".to_owned()]);
        let t = merged.get(merged.by_id("tripoli-ly").expect("tripoli"));
        assert!(t.aliases.contains(&"Tripoli of the West".to_owned()));
        assert_eq!(
            merged.len(),
            g.len() + 1,
            "the copy shadows the curated Tripoli"
        );
    }

    #[test]
    fn a_copy_of_a_place_named_like_a_person_keeps_its_name_weak() {
        let dir = tempfile::tempdir().expect("tempdir");
        let user = UserDataDir::at(dir.path());
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let (g, _) = Gazetteer::load(&data.join("gazetteer.toml"), None, None);
        let rhodes = g.by_id("rhodes-island").expect("rhodes");
        assert!(g.name_is_common(rhodes));
        let mut ug = UserGazetteer::default();
        assert!(ug.add_alias(g.get(rhodes), &[], g.name_is_common(rhodes), "Rodi"));
        ug.save(&user.gazetteer()).expect("save");
        let text = std::fs::read_to_string(user.gazetteer()).expect("read");
        assert!(text.contains("common = true"), "{text}");
        let (merged, problems) =
            Gazetteer::load(&data.join("gazetteer.toml"), None, Some(&user.gazetteer()));
        assert!(problems.is_empty(), "{problems:?}");
        let copy = merged.by_id("rhodes-island").expect("copy");
        assert!(merged.get(copy).aliases.contains(&"Rodi".to_owned()));
        assert!(merged.name_is_common(copy));
    }

    #[test]
    fn adding_a_place_keeps_the_users_comments_and_keys() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("gazetteer.toml");
        let text = "# my places\n[[place]]\nid = \"camp-x\"\nname = \"Camp X\"\nkind = \"site\"\n\
                    lat = 32.1\nlon = 13.2\nnotes = \"from the field report\" # ask Ali\n";
        std::fs::write(&path, text).expect("write");
        let (mut ug, problems) = UserGazetteer::load(&path);
        assert!(problems.is_empty(), "{problems:?}");
        let g = bundled();
        ug.add_place(
            &NewPlace {
                name: "Wadi Rabie".into(),
                lat: 32.7,
                lon: 13.3,
                kind: PlaceKind::District,
                country: "ly".into(),
                aliases: Vec::new(),
            },
            &g,
        );
        ug.places[0].lat = 32.15;
        ug.save(&path).expect("save");
        let after = std::fs::read_to_string(&path).expect("read");
        for kept in [
            "# my places",
            "notes = \"from the field report\" # ask Ali",
            "lat = 32.15",
        ] {
            assert!(after.contains(kept), "{kept} lost:\n{after}");
        }
        let (back, problems) = UserGazetteer::load(&path);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(back.places.len(), 2);
    }

    #[test]
    fn a_damaged_user_gazetteer_is_reported_and_not_overwritten() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("gazetteer.toml");
        std::fs::write(&path, "[[place]]\nid = \"x\"\nlat = \"north\"\n").expect("write");
        let (mut ug, problems) = UserGazetteer::load(&path);
        assert!(ug.is_damaged());
        assert!(problems[0].line.is_some(), "{}", problems[0]);
        assert!(matches!(ug.save(&path), Err(SaveError::Damaged(_))));
    }

    #[test]
    fn unknown_names_are_counted_over_all_articles() {
        let g = bundled();
        let a = article(
            "/a.txt",
            "Fighting in Wadi Rabii went on. Shelling hit Wadi Rabii again near Tripoli.",
        );
        let b = article("/b.txt", "Clashes were reported in Wadi Rabii.");
        let missing = missing_names(&[a, b], &g);
        let w = missing
            .iter()
            .find(|m| m.name == "Wadi Rabii")
            .expect("listed");
        assert!(w.count >= 2, "{missing:?}");
        assert_eq!(w.articles, vec![ArticleIdx(0), ArticleIdx(1)]);
        assert!(!missing.iter().any(|m| m.name.contains("Tripoli")));
    }

    #[test]
    fn suggestions_find_close_spellings_and_nothing_for_a_new_name() {
        let g = bundled();
        let found = suggest_places("Qasr Bin Ghashir", &g, 5);
        assert!(
            found
                .iter()
                .any(|s| g.get(s.place).name == "Qasr Ben Gashir"),
            "{:?}",
            found
                .iter()
                .map(|s| g.get(s.place).name)
                .collect::<Vec<_>>()
        );
        let none = suggest_places("Wadi Rabii", &g, 5);
        assert!(
            none.is_empty(),
            "{:?}",
            none.iter().map(|s| &s.spelling).collect::<Vec<_>>()
        );
    }

    #[test]
    fn edit_distance_counts_edits_and_gives_up_early() {
        assert_eq!(edit_distance("qasr bin ghashir", "qasr ben gashir", 2), 2);
        assert_eq!(edit_distance("abc", "abc", 2), 0);
        assert_eq!(edit_distance("abcdef", "uvwxyz", 2), 3);
        assert_eq!(slug("Wadi  Rabie!"), "wadi-rabie");
        assert_eq!(slug("طرابلس"), "place");
    }
}
