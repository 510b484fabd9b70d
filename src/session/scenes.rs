//! Scenes: named, captioned views (map centre and zoom, time window, selection) a presenter steps
//! through. GUI-free: the file format, lenient loading, atomic saving, the list operations, the
//! stepping rule and the eased transition between two views.
//!
//! Key decisions: the selection is stored as ids (`Place::id`, `Article::id`), never indices, so
//! scenes survive a reload or a different corpus. The file is TOML (`[[scene]]` tables) in the
//! user's data folder; it is written with [`crate::atomic::write_atomic`]. A file that does not
//! parse is never overwritten: it is moved aside to `scenes.toml.corrupt-N` and reported with its
//! line; a file with some bad scenes keeps the good ones and a copy of the original is kept aside
//! the same way, so saving cannot silently lose what the user wrote.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::basemap::mercator::{lat_lon_from_world, world_from_lat_lon};
use crate::coord::LatLon;
use crate::index::{DayNum, TimeWindow, date_of, day_num};
use crate::problem::{Problem, line_of_offset};

/// The scenes file name in the user's data folder.
pub const FILE_NAME: &str = "scenes.toml";
/// How long the presenter's fly from one scene to the next takes.
pub const TRANSITION_SECS: f64 = 0.8;
/// The zoom levels a scene may ask for.
pub const ZOOM_RANGE: std::ops::RangeInclusive<f64> = 1.0..=18.0;
/// The widest half window a scene may ask for (as in the app).
pub const MAX_HALF_WINDOW_DAYS: u32 = 365;

/// How a scene's time window follows its cursor (mirrors the app's window mode, GUI-free).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SceneMode {
    /// `cursor ± half_window_days`.
    #[default]
    Window,
    /// Everything up to and including the cursor.
    Cumulative,
}

/// One saved view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scene {
    pub name: String,
    #[serde(default)]
    pub caption: String,
    pub center: LatLon,
    pub zoom: f64,
    pub cursor: NaiveDate,
    #[serde(default = "default_half_window")]
    pub half_window_days: u32,
    #[serde(default)]
    pub mode: SceneMode,
    /// The selected place's gazetteer id (`tripoli-ly`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The selected article's id (its file stem), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
}

fn default_half_window() -> u32 {
    7
}

impl Scene {
    /// The time window the scene shows.
    pub fn window(&self) -> TimeWindow {
        match self.mode {
            SceneMode::Window => {
                let half = self.half_window_days.min(MAX_HALF_WINDOW_DAYS) as DayNum;
                let c = day_num(self.cursor);
                TimeWindow {
                    from: c - half,
                    to: c + half,
                }
            }
            SceneMode::Cumulative => TimeWindow::up_to(self.cursor),
        }
    }

    /// The scene's map view and cursor, the ends of a [`Transition`].
    pub fn view(&self) -> View {
        View {
            center: self.center,
            zoom: self.zoom,
            cursor_day: day_num(self.cursor),
        }
    }

    /// What is wrong with a scene read from a file, if anything.
    fn validate(&self) -> Result<(), String> {
        if !self.center.is_valid() {
            return Err(format!(
                "centre lat {} lon {} is out of range, expected lat -90..90 and lon -180..180",
                self.center.lat, self.center.lon
            ));
        }
        if !self.zoom.is_finite() || !ZOOM_RANGE.contains(&self.zoom) {
            return Err(format!(
                "zoom {} is out of range, expected {}..{}",
                self.zoom,
                ZOOM_RANGE.start(),
                ZOOM_RANGE.end()
            ));
        }
        let year = chrono::Datelike::year(&self.cursor);
        if !(1..=9999).contains(&year) {
            return Err(format!(
                "cursor {} is outside the years 1 to 9999, expected YYYY-MM-DD",
                self.cursor
            ));
        }
        Ok(())
    }
}

/// The most of a scene's name drawn anywhere (list, presenter, slides), in characters.
pub const MAX_SHOWN_NAME_CHARS: usize = 120;
/// The most of a scene's caption drawn anywhere, in characters.
pub const MAX_SHOWN_CAPTION_CHARS: usize = 1_000;

/// `text` cut to `max_chars` characters with "…", for drawing: a scenes file can hold a name of
/// millions of characters, and laying that out exceeds the GPU's buffer limits.
pub fn shown(text: &str, max_chars: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max_chars) {
        None => std::borrow::Cow::Borrowed(text),
        Some((at, _)) => std::borrow::Cow::Owned(format!("{}…", &text[..at])),
    }
}

/// `name` as a file name part: lower case ASCII letters and digits joined by `-`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    let out: String = out.chars().take(48).collect();
    if out.is_empty() {
        "scene".to_owned()
    } else {
        out.trim_end_matches('-').to_owned()
    }
}

/// The file name of scene number `i` (0-based) in an export: `01-tripoli.png`.
pub fn export_file_name(i: usize, scene: &Scene) -> String {
    format!("{:02}-{}.png", i + 1, slug(&scene.name))
}

/// A scene as read from a file, with the line of its `[[scene]]` header.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedScene {
    pub scene: Scene,
    pub line: usize,
}

/// What a scenes text holds: the good scenes and, per bad one, its line and what is wrong.
#[derive(Debug, Default)]
pub struct Parsed {
    pub scenes: Vec<LoadedScene>,
    /// `(line, message)`: a scene that was skipped, or the whole text when it does not parse.
    pub problems: Vec<(Option<usize>, String)>,
    /// False when the text is not TOML at all (nothing could be read).
    pub readable: bool,
}

#[derive(Deserialize)]
struct RawFile {
    #[serde(default)]
    scene: Vec<toml::Spanned<toml::Value>>,
}

/// Parses a scenes file's text leniently: a bad scene is skipped, the others are kept.
pub fn parse(text: &str) -> Parsed {
    let raw: RawFile = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let line = e.span().map(|s| line_of_offset(text, s.start));
            return Parsed {
                scenes: Vec::new(),
                problems: vec![(
                    line,
                    format!(
                        "not a scenes file: {}; expected [[scene]] tables",
                        e.message()
                    ),
                )],
                readable: false,
            };
        }
    };
    let mut parsed = Parsed {
        readable: true,
        ..Parsed::default()
    };
    for (i, spanned) in raw.scene.into_iter().enumerate() {
        let line = line_of_offset(text, spanned.span().start);
        let value = spanned.into_inner();
        let scene = value
            .try_into::<Scene>()
            .map_err(|e| e.message().to_owned())
            .and_then(|s| s.validate().map(|()| s));
        match scene {
            Ok(scene) => parsed.scenes.push(LoadedScene { scene, line }),
            Err(message) => parsed
                .problems
                .push((Some(line), format!("scene {} skipped: {message}", i + 1))),
        }
    }
    parsed
}

#[derive(Serialize)]
struct FileOut<'a> {
    scene: &'a [Scene],
}

/// The text of a scenes file.
pub fn to_toml(scenes: &[Scene]) -> String {
    let body = toml::to_string_pretty(&FileOut { scene: scenes }).unwrap_or_else(|e| {
        // Only non-finite floats could fail, and scenes never hold them; keep the file valid.
        format!("# could not write the scenes: {e}\n")
    });
    format!(
        "# newsatlas scenes: one [[scene]] table per saved view, in presentation order.\n{body}"
    )
}

/// Writes the scenes atomically (temp file, fsync, rename; the previous file kept as `.bak`),
/// replacing the whole file. The app saves with [`save_merged`], which keeps what it did not load.
pub fn save(path: &Path, scenes: &[Scene]) -> io::Result<()> {
    crate::atomic::write_atomic(path, to_toml(scenes).as_bytes())
}

/// The keys a [`Scene`] is written with; any other key in a `[[scene]]` table is the user's (or a
/// newer version's) and is kept as it is.
const SCENE_KEYS: [&str; 9] = [
    "name",
    "caption",
    "center",
    "zoom",
    "cursor",
    "half_window_days",
    "mode",
    "place",
    "article",
];

/// Saves this window's scenes into the file as it is on disk now, so that nothing this window did
/// not load is lost: another window's scenes, a scene this window could not read, comments, keys
/// and tables it does not know. A three-way merge by content, with `base` the scenes as this
/// window last loaded or saved them and `mine` as they are now:
/// - a scene in `mine` equal to one in `base` keeps its table on disk (comments and unknown keys
///   with it); if another window deleted it meanwhile, it stays deleted;
/// - a scene changed here (paired with a `base` scene of the same name) updates its table's
///   known keys in place, or is added if the table is gone;
/// - a new scene gets a new table; a scene deleted here loses its table;
/// - every other table (added by another window, or unreadable) is kept, after this window's.
///
/// The file is written in `mine`'s order, then the others. Returns the scenes the file now holds
/// (what the window should show and take as its next `base`). Nothing is written when the file
/// on disk cannot be read or parsed: the error says why, and `mine` stays in memory.
pub fn save_merged(path: &Path, base: &[Scene], mine: &[Scene]) -> Result<Vec<Scene>, String> {
    crate::atomic::with_folder_locked(path, || merge_and_write(path, base, mine))
}

/// [`save_merged`] under the folder's lock.
fn merge_and_write(path: &Path, base: &[Scene], mine: &[Scene]) -> Result<Vec<Scene>, String> {
    let text = match crate::atomic::read_user_file(path, crate::atomic::MAX_USER_FILE_BYTES) {
        Ok(text) => text,
        Err(e) => {
            let at = e.line.map(|l| format!(" (line {l})")).unwrap_or_default();
            return Err(format!(
                "the file on disk cannot be read{at}: {}; not saved, so nothing is overwritten",
                e.message
            ));
        }
    };
    let fresh = text.is_none();
    let mut doc: toml_edit::DocumentMut =
        text.unwrap_or_default()
            .parse()
            .map_err(|e: toml_edit::TomlError| {
                format!(
                    "the file was changed by another program and no longer parses ({}); not saved, \
                 so nothing is overwritten",
                    e.message()
                )
            })?;
    let disk: Vec<toml_edit::Table> = match doc.get("scene") {
        None => Vec::new(),
        Some(item) => match item.as_array_of_tables() {
            Some(tables) => tables.iter().cloned().collect(),
            None => {
                return Err(
                    "`scene` in the file on disk is not a list of [[scene]] tables; not saved"
                        .to_owned(),
                );
            }
        },
    };
    let tables = merge_tables(base, mine, disk)?;
    let mut out = toml_edit::ArrayOfTables::new();
    let mut scenes = Vec::new();
    for mut table in tables {
        crate::atomic::inline_subtables(&mut table);
        if let Some(scene) = scene_of_table(&table) {
            scenes.push(scene);
        }
        out.push(table);
    }
    doc.insert("scene", toml_edit::Item::ArrayOfTables(out));
    let mut body = doc.to_string();
    if fresh {
        body.insert_str(
            0,
            "# newsatlas scenes: one [[scene]] table per saved view, in presentation order.\n",
        );
    }
    crate::atomic::write_atomic(path, body.as_bytes())
        .map_err(|e| format!("cannot write the file ({e})"))?;
    Ok(scenes)
}

/// The tables of the merged file (see [`save_merged`]).
fn merge_tables(
    base: &[Scene],
    mine: &[Scene],
    disk: Vec<toml_edit::Table>,
) -> Result<Vec<toml_edit::Table>, String> {
    // Pair each of mine with the base scene it came from: equal first, then same name (changed).
    let mut base_of_mine: Vec<Option<usize>> = vec![None; mine.len()];
    let mut base_taken = vec![false; base.len()];
    for (m, scene) in mine.iter().enumerate() {
        if let Some(b) = (0..base.len()).find(|&b| !base_taken[b] && base[b] == *scene) {
            base_of_mine[m] = Some(b);
            base_taken[b] = true;
        }
    }
    for (m, scene) in mine.iter().enumerate() {
        if base_of_mine[m].is_none()
            && let Some(b) = (0..base.len()).find(|&b| !base_taken[b] && base[b].name == scene.name)
        {
            base_of_mine[m] = Some(b);
            base_taken[b] = true;
        }
    }
    // Pair each table on disk with the base scene it still equals, if any.
    let mut disk_of_base: Vec<Option<usize>> = vec![None; base.len()];
    let mut disk_known = vec![false; disk.len()];
    for (d, table) in disk.iter().enumerate() {
        let Some(on_disk) = scene_of_table(table) else {
            continue;
        };
        if let Some(b) = (0..base.len()).find(|&b| disk_of_base[b].is_none() && base[b] == on_disk)
        {
            disk_of_base[b] = Some(d);
            disk_known[d] = true;
        }
    }
    let mut slots: Vec<Option<toml_edit::Table>> = disk.into_iter().map(Some).collect();
    let mut tables = Vec::with_capacity(mine.len() + slots.len());
    for (m, scene) in mine.iter().enumerate() {
        let from_disk = base_of_mine[m]
            .and_then(|b| disk_of_base[b])
            .and_then(|d| slots[d].take());
        let changed = base_of_mine[m].is_none_or(|b| base[b] != *scene);
        match from_disk {
            Some(mut table) => {
                if changed {
                    set_scene_keys(&mut table, scene)?;
                }
                tables.push(table);
            }
            // Unchanged here and gone from disk: another window deleted it.
            None if !changed => {}
            None => tables.push(table_of_scene(scene)?),
        }
    }
    // Tables this window never knew: another window's, or ones it could not read.
    for (d, slot) in slots.into_iter().enumerate() {
        if let Some(table) = slot
            && !disk_known[d]
        {
            tables.push(table);
        }
    }
    Ok(tables)
}

fn scene_of_table(table: &toml_edit::Table) -> Option<Scene> {
    let scene: Scene = toml::from_str(&crate::atomic::table_text(table)).ok()?;
    scene.validate().ok().map(|()| scene)
}

fn table_of_scene(scene: &Scene) -> Result<toml_edit::Table, String> {
    crate::atomic::toml_table(scene).map_err(|e| format!("cannot write a scene ({e})"))
}

/// Sets `table`'s known keys to `scene`'s values, in place: unknown keys and comments stay.
fn set_scene_keys(table: &mut toml_edit::Table, scene: &Scene) -> Result<(), String> {
    crate::atomic::set_known_keys(table, &table_of_scene(scene)?, &SCENE_KEYS);
    Ok(())
}

/// `scenes.toml.corrupt-N` next to `path`, the first that does not exist.
pub fn corrupt_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| FILE_NAME.into(), |n| n.to_string_lossy().into_owned());
    (1..u32::MAX)
        .map(|n| path.with_file_name(format!("{name}.corrupt-{n}")))
        .find(|p| !p.exists())
        .unwrap_or_else(|| path.with_file_name(format!("{name}.corrupt")))
}

/// An earlier `scenes.toml.corrupt-N` with exactly the bytes `path` has now, if any.
fn identical_copy(path: &Path) -> Option<PathBuf> {
    let limit = crate::corpus::Limit {
        bytes: crate::atomic::MAX_USER_FILE_BYTES,
        what: "this file",
    };
    let bytes = crate::corpus::read_file(path, limit).ok()?;
    (1..u32::MAX)
        .map(|n| {
            let name = path.file_name().map(|f| f.to_string_lossy().into_owned());
            path.with_file_name(format!("{}.corrupt-{n}", name.unwrap_or_default()))
        })
        .take_while(|p| p.exists())
        .find(|p| {
            fs::metadata(p).is_ok_and(|m| m.len() == bytes.len() as u64)
                && crate::corpus::read_file(p, limit).is_ok_and(|b| b == bytes)
        })
}

/// What loading the user's scenes file gave.
#[derive(Debug, Default)]
pub struct LoadOutcome {
    pub scenes: Vec<Scene>,
    pub problems: Vec<Problem>,
    /// False when the file could be neither read nor moved aside: saving would overwrite what the
    /// user has, so the app must not save.
    pub writable: bool,
    /// Where the original was kept, when it had problems.
    pub kept_aside: Option<PathBuf>,
}

/// Loads the scenes file at `path` leniently. A missing file is no scenes and no problem. A file
/// that does not parse is moved aside (`scenes.toml.corrupt-N`); one with some bad scenes keeps
/// the good ones, and a copy of the original is kept aside the same way.
pub fn load(path: &Path) -> LoadOutcome {
    let mut not_utf8 = None;
    let text = match crate::atomic::read_user_file(path, crate::atomic::MAX_USER_FILE_BYTES) {
        Ok(Some(text)) => text,
        Ok(None) => {
            return LoadOutcome {
                writable: true,
                ..LoadOutcome::default()
            };
        }
        Err(crate::atomic::ReadFailure {
            line,
            message,
            lossy_text: Some(text),
        }) => {
            // Load what is readable; the warning keeps the original aside (below).
            not_utf8 = Some(Problem::warning(
                path,
                line,
                format!("{message}; invalid bytes were replaced by U+FFFD"),
            ));
            text
        }
        Err(e) => {
            return LoadOutcome {
                problems: vec![Problem::error(
                    path,
                    e.line,
                    format!(
                        "cannot read the scenes: {}; they will not be saved this session",
                        e.message
                    ),
                )],
                ..LoadOutcome::default()
            };
        }
    };
    let parsed = parse(&text);
    let mut outcome = LoadOutcome {
        scenes: parsed.scenes.into_iter().map(|s| s.scene).collect(),
        writable: true,
        ..LoadOutcome::default()
    };
    outcome.problems.extend(not_utf8);
    for (line, message) in parsed.problems {
        outcome.problems.push(if parsed.readable {
            Problem::warning(path, line, message)
        } else {
            Problem::error(path, line, message)
        });
    }
    if outcome.problems.is_empty() {
        return outcome;
    }
    // One copy per distinct content: a file that keeps the same bad scene is not copied again
    // at every launch.
    let (aside, kept) = match identical_copy(path) {
        Some(copy) if parsed.readable => (copy, Ok(())),
        Some(copy) => (copy, fs::remove_file(path)),
        None => {
            let aside = corrupt_path(path);
            let kept = if parsed.readable {
                fs::copy(path, &aside).map(|_| ())
            } else {
                fs::rename(path, &aside)
            };
            (aside, kept)
        }
    };
    match kept {
        Ok(()) => {
            let what = if parsed.readable {
                format!(
                    "{} good scene(s) loaded; the original file is kept as {}",
                    outcome.scenes.len(),
                    aside.display()
                )
            } else {
                format!(
                    "the file was moved aside to {}; starting with no scenes",
                    aside.display()
                )
            };
            outcome.problems.push(Problem::warning(path, None, what));
            outcome.kept_aside = Some(aside);
        }
        Err(e) => {
            outcome.writable = false;
            outcome.problems.push(Problem::error(
                path,
                None,
                format!(
                    "could not keep the file aside as {} ({e}); scenes will not be saved this \
                     session, so nothing is overwritten",
                    aside.display()
                ),
            ));
        }
    }
    outcome
}

/// Where the app keeps the scenes: `<data dir>/scenes.toml`, or `None` without a home folder.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "newsatlas").map(|d| d.data_dir().join(FILE_NAME))
}

/// The scene after `current` moved by `delta` (negative: back), clamped to the list: presenters
/// expect the last scene to stay on `PageDown`, not to wrap to the first. With no current scene,
/// forward starts at the first and back at the last.
pub fn step_index(current: Option<usize>, len: usize, delta: i32) -> Option<usize> {
    if len == 0 {
        return None;
    }
    let last = len - 1;
    let Some(current) = current else {
        return Some(if delta < 0 { last } else { 0 });
    };
    let moved = if delta < 0 {
        current.saturating_sub(delta.unsigned_abs() as usize)
    } else {
        current.saturating_add(delta as usize)
    };
    Some(moved.min(last))
}

/// Moves the scene at `i` by one place (`up`: towards the start). Returns its new index.
pub fn move_scene(scenes: &mut [Scene], i: usize, up: bool) -> usize {
    if up && i > 0 && i < scenes.len() {
        scenes.swap(i, i - 1);
        i - 1
    } else if !up && i + 1 < scenes.len() {
        scenes.swap(i, i + 1);
        i + 1
    } else {
        i
    }
}

/// A name not yet taken: `base`, else `base 2`, `base 3`…
pub fn unique_name(scenes: &[Scene], base: &str) -> String {
    let base = base.trim();
    let base = if base.is_empty() { "Scene" } else { base };
    let taken = |n: &str| scenes.iter().any(|s| s.name == n);
    if !taken(base) {
        return base.to_owned();
    }
    (2..u32::MAX)
        .map(|k| format!("{base} {k}"))
        .find(|n| !taken(n))
        .unwrap_or_else(|| base.to_owned())
}

/// A map view and time cursor: what a transition interpolates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub center: LatLon,
    pub zoom: f64,
    pub cursor_day: DayNum,
}

/// An eased fly from one view to another over [`TRANSITION_SECS`]. The centre moves along a
/// straight line in Mercator (what the eye sees as straight), the zoom and the cursor with it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Transition {
    pub from: View,
    pub to: View,
    pub duration_secs: f64,
}

/// Cubic ease-in-out on `t` in 0..1.
pub fn ease_in_out(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    if t < 0.5 {
        4.0 * t * t * t
    } else {
        1.0 - (-2.0 * t + 2.0).powi(3) / 2.0
    }
}

impl Transition {
    pub fn new(from: View, to: View) -> Transition {
        Transition {
            from,
            to,
            duration_secs: TRANSITION_SECS,
        }
    }

    /// The view `elapsed_secs` after the start, and whether the transition is over.
    pub fn at(&self, elapsed_secs: f64) -> (View, bool) {
        if self.duration_secs <= 0.0 || elapsed_secs >= self.duration_secs {
            return (self.to, true);
        }
        let e = ease_in_out(elapsed_secs / self.duration_secs);
        let a = world_from_lat_lon(self.from.center);
        let b = world_from_lat_lon(self.to.center);
        let center = lat_lon_from_world([a[0] + (b[0] - a[0]) * e, a[1] + (b[1] - a[1]) * e]);
        let zoom = self.from.zoom + (self.to.zoom - self.from.zoom) * e;
        let days = f64::from(self.to.cursor_day - self.from.cursor_day);
        let cursor_day = self.from.cursor_day + (days * e).round() as DayNum;
        (
            View {
                center,
                zoom,
                cursor_day,
            },
            false,
        )
    }
}

/// The cursor of a view as a date.
pub fn view_date(view: View) -> NaiveDate {
    date_of(view.cursor_day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    fn scene(name: &str) -> Scene {
        Scene {
            name: name.to_owned(),
            caption: format!("{name}: what happened"),
            center: LatLon::new(32.8872, 13.1913),
            zoom: 7.5,
            cursor: day("2019-04-04"),
            half_window_days: 3,
            mode: SceneMode::Window,
            place: Some("tripoli-ly".to_owned()),
            article: None,
        }
    }

    fn names(scenes: &[Scene]) -> Vec<&str> {
        scenes.iter().map(|s| s.name.as_str()).collect()
    }

    #[test]
    fn two_windows_saving_one_file_keep_each_others_scenes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("scenes.toml");
        // Both windows start from the same (missing) file: an empty base.
        let mut a = vec![scene("a1")];
        let mut base_a = save_merged(&path, &[], &a).expect("a saves");
        let mut b = vec![scene("b1")];
        let mut base_b = save_merged(&path, &[], &b).expect("b saves");
        assert_eq!(names(&base_b), ["b1", "a1"]);
        a.push(scene("a2"));
        base_a = save_merged(&path, &base_a, &a).expect("a saves again");
        assert_eq!(names(&base_a), ["a1", "a2", "b1"]);
        // B deletes its own scene; A's stay.
        b = base_b.clone();
        b.retain(|s| s.name != "b1");
        base_b = save_merged(&path, &base_b, &b).expect("b deletes");
        assert_eq!(names(&base_b), ["a1", "a2"]);
        // A, not knowing, saves an edit of a1: b1 stays deleted, a1 is changed.
        a = base_a.clone();
        a[0].caption = "edited".to_owned();
        let merged = save_merged(&path, &base_a, &a).expect("a edits");
        assert_eq!(names(&merged), ["a1", "a2"]);
        assert_eq!(merged[0].caption, "edited");
        let loaded = load(&path);
        assert_eq!(loaded.scenes, merged);
        assert!(loaded.problems.is_empty());
    }

    #[test]
    fn windows_saving_at_the_same_moment_keep_every_scene() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("scenes.toml");
        std::thread::scope(|scope| {
            for i in 0..8 {
                let path = &path;
                scope.spawn(move || {
                    let mine = vec![scene(&format!("w{i}"))];
                    save_merged(path, &[], &mine).expect("saves");
                });
            }
        });
        let loaded = load(&path);
        let mut saved = names(&loaded.scenes);
        saved.sort_unstable();
        assert_eq!(saved, ["w0", "w1", "w2", "w3", "w4", "w5", "w6", "w7"]);
    }

    #[test]
    fn comments_unknown_keys_and_other_tables_survive_saves() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("scenes.toml");
        let mut text = String::from("# my briefing for Monday\ntitle = \"Libya\"\n\n");
        text.push_str(&to_toml(&[scene("one"), scene("two")]).replacen(
            "[[scene]]\n",
            "# keep this one first\n[[scene]]\nspeaker_notes = \"mention the drones\"\n",
            1,
        ));
        text.push_str("\n[style]\ntheme = \"dark\"\n");
        fs::write(&path, &text).expect("write");
        let loaded = load(&path);
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let base = loaded.scenes;
        let mut mine = base.clone();
        mine[0].zoom = 9.0; // Update the first scene
        mine.push(scene("three"));
        let saved = save_merged(&path, &base, &mine).expect("save");
        assert_eq!(names(&saved), ["one", "two", "three"]);
        let after = fs::read_to_string(&path).expect("read");
        for kept in [
            "# my briefing for Monday",
            "title = \"Libya\"",
            "# keep this one first",
            "speaker_notes = \"mention the drones\"",
            "[style]",
            "theme = \"dark\"",
        ] {
            assert!(after.contains(kept), "{kept} lost:\n{after}");
        }
        assert!((load(&path).scenes[0].zoom - 9.0).abs() < 1e-9);
        // A second save keeps them too, and .bak holds the first save's text.
        let again = save_merged(&path, &saved, &saved).expect("save");
        assert_eq!(again, saved);
        let bak = fs::read_to_string(crate::atomic::backup_path(&path)).expect("bak");
        assert!(bak.contains("speaker_notes") && bak.contains("# keep this one first"));
    }

    #[test]
    fn a_scene_this_window_could_not_read_is_kept_on_save() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("scenes.toml");
        let mut text = to_toml(&[scene("good")]);
        text.push_str("\n[[scene]]\nname = \"future\"\nzoom = \"high\"\n");
        fs::write(&path, &text).expect("write");
        let loaded = load(&path);
        assert_eq!(names(&loaded.scenes), ["good"]);
        let mut mine = loaded.scenes.clone();
        mine.push(scene("new"));
        let saved = save_merged(&path, &loaded.scenes, &mine).expect("save");
        assert_eq!(names(&saved), ["good", "new"]);
        assert!(
            fs::read_to_string(&path)
                .expect("read")
                .contains("zoom = \"high\"")
        );
    }

    #[test]
    fn a_file_that_no_longer_parses_is_not_overwritten() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("scenes.toml");
        fs::write(&path, "[[scene]\n").expect("write");
        let err = save_merged(&path, &[], &[scene("a")]).expect_err("refused");
        assert!(err.contains("not saved"), "{err}");
        assert_eq!(fs::read_to_string(&path).expect("read"), "[[scene]\n");
    }

    #[test]
    fn scenes_survive_a_save_and_a_load() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("nested/scenes.toml");
        let mut second = scene("Gharyan falls");
        second.mode = SceneMode::Cumulative;
        second.article = Some("000_7d2449e987ad4fa5".to_owned());
        second.place = None;
        second.caption = "Line one\nline \"two\" = ünïcode".to_owned();
        let scenes = vec![scene("Tripoli offensive"), second];
        save(&path, &scenes).expect("save");
        let loaded = load(&path);
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert!(loaded.writable);
        assert_eq!(loaded.scenes, scenes);
    }

    #[test]
    fn a_missing_file_is_no_scenes_and_no_problem() {
        let dir = tempfile::tempdir().expect("tempdir");
        let loaded = load(&dir.path().join("scenes.toml"));
        assert!(loaded.scenes.is_empty() && loaded.problems.is_empty() && loaded.writable);
    }

    #[test]
    fn a_corrupted_file_is_reported_with_its_line_and_moved_aside() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("scenes.toml");
        let text = "[[scene]]\nname = \"ok\"\nzoom = = 3\n";
        fs::write(&path, text).expect("write");
        // An earlier corrupt copy is never overwritten.
        fs::write(dir.path().join("scenes.toml.corrupt-1"), "older").expect("write");

        let loaded = load(&path);
        assert!(loaded.scenes.is_empty());
        assert!(loaded.writable);
        let first = &loaded.problems[0];
        assert_eq!(first.line, Some(3), "{first}");
        assert!(
            first.to_string().contains("scenes.toml:3: error"),
            "{first}"
        );
        let aside = dir.path().join("scenes.toml.corrupt-2");
        assert_eq!(loaded.kept_aside.as_deref(), Some(aside.as_path()));
        assert_eq!(fs::read_to_string(&aside).expect("kept"), text);
        assert_eq!(
            fs::read_to_string(dir.path().join("scenes.toml.corrupt-1")).expect("older"),
            "older"
        );
        assert!(!path.exists(), "moved, so the next save starts afresh");
        assert!(
            loaded
                .problems
                .iter()
                .any(|p| p.message.contains("starting with no scenes"))
        );
    }

    #[test]
    fn a_bad_scene_is_skipped_with_its_line_and_the_good_ones_are_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("scenes.toml");
        let mut text = to_toml(&[scene("good")]);
        text.push_str(
            "\n[[scene]]\nname = \"bad\"\ncenter = { lat = 999.0, lon = 0.0 }\nzoom = 5.0\ncursor = \"2019-04-04\"\n",
        );
        let bad_line = text.lines().filter(|l| *l == "[[scene]]").count();
        assert_eq!(bad_line, 2);
        let header_line = text
            .lines()
            .enumerate()
            .filter(|(_, l)| *l == "[[scene]]")
            .nth(1)
            .map(|(i, _)| i + 1);
        fs::write(&path, &text).expect("write");
        let loaded = load(&path);
        assert_eq!(loaded.scenes, vec![scene("good")]);
        assert_eq!(loaded.problems[0].line, header_line);
        assert!(loaded.problems[0].message.contains("lat 999"));
        let aside = loaded.kept_aside.expect("a copy is kept");
        assert_eq!(fs::read_to_string(aside).expect("copy"), text);
        assert!(path.exists());
    }

    #[test]
    fn a_scene_dated_past_the_year_9999_is_skipped_with_a_message() {
        let text = "[[scene]]\nname = \"far\"\ncenter = { lat = 1.0, lon = 2.0 }\nzoom = 5.0\n\
                    cursor = \"+12019-04-04\"\n";
        let parsed = parse(text);
        assert!(parsed.scenes.is_empty());
        let (line, message) = &parsed.problems[0];
        assert_eq!(*line, Some(1));
        assert!(message.contains("outside the years 1 to 9999"), "{message}");
    }

    #[test]
    fn shown_text_is_cut_at_a_character_with_an_ellipsis() {
        assert_eq!(shown("Tripoli", 10), "Tripoli");
        assert_eq!(shown("Ṭarābulus", 3), "Ṭar…");
        let huge = "x".repeat(5_000_000);
        assert_eq!(
            shown(&huge, MAX_SHOWN_NAME_CHARS).chars().count(),
            MAX_SHOWN_NAME_CHARS + 1
        );
    }

    #[test]
    fn a_file_with_the_same_bad_scene_is_kept_aside_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("scenes.toml");
        let mut text = to_toml(&[scene("good")]);
        text.push_str("\n[[scene]]\nname = \"bad\"\nzoom = \"high\"\n");
        fs::write(&path, &text).expect("write");
        let first = load(&path).kept_aside.expect("kept");
        let second = load(&path).kept_aside.expect("kept");
        assert_eq!(first, second, "the same content is not copied again");
        fs::write(&path, format!("{text}# edited\n")).expect("write");
        let third = load(&path).kept_aside.expect("kept");
        assert_ne!(third, first, "new content gets its own copy");
        let copies = fs::read_dir(dir.path())
            .expect("ls")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
            .count();
        assert_eq!(copies, 2);
    }

    #[test]
    fn an_interrupted_save_leaves_the_previous_file_intact() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("scenes.toml");
        save(&path, &[scene("first")]).expect("save");
        // A folder where the backup goes: the save fails after the new text is written to its
        // temp file, before the rename, like a crash or a full disk in the middle of a save.
        let bak = crate::atomic::backup_path(&path);
        fs::create_dir_all(bak.join("x")).expect("mkdir");
        assert!(save(&path, &[scene("second")]).is_err());
        let loaded = load(&path);
        assert_eq!(loaded.scenes, vec![scene("first")]);
        assert!(loaded.problems.is_empty());
        let names: Vec<String> = fs::read_dir(dir.path())
            .expect("ls")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "no temp file is left behind: {names:?}");

        fs::remove_dir_all(&bak).expect("rm");
        save(&path, &[scene("second")]).expect("save");
        assert_eq!(load(&path).scenes, vec![scene("second")]);
        assert_eq!(load(&bak).scenes, vec![scene("first")]);
    }

    #[test]
    fn stepping_clamps_at_both_ends_and_starts_at_the_first() {
        assert_eq!(step_index(None, 0, 1), None);
        assert_eq!(step_index(None, 3, 1), Some(0));
        assert_eq!(step_index(None, 3, -1), Some(2));
        assert_eq!(step_index(Some(0), 3, 1), Some(1));
        assert_eq!(step_index(Some(2), 3, 1), Some(2));
        assert_eq!(step_index(Some(0), 3, -1), Some(0));
        assert_eq!(step_index(Some(2), 3, -5), Some(0));
        assert_eq!(
            step_index(Some(7), 3, 0),
            Some(2),
            "a stale index is clamped"
        );
    }

    #[test]
    fn moving_a_scene_swaps_it_with_its_neighbour() {
        let mut s = vec![scene("a"), scene("b"), scene("c")];
        assert_eq!(move_scene(&mut s, 0, true), 0);
        assert_eq!(move_scene(&mut s, 0, false), 1);
        assert_eq!(move_scene(&mut s, 2, false), 2);
        let names: Vec<_> = s.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["b", "a", "c"]);
        assert_eq!(unique_name(&s, "a"), "a 2");
        assert_eq!(unique_name(&s, "  "), "Scene");
    }

    #[test]
    fn a_transition_eases_from_one_view_to_the_other() {
        let a = scene("a").view();
        let mut b = scene("b");
        b.center = LatLon::new(32.3754, 15.0925);
        b.zoom = 9.5;
        b.cursor = day("2019-04-14");
        let b = b.view();
        let t = Transition::new(a, b);
        let (start, done) = t.at(0.0);
        assert!(!done && (start.zoom - a.zoom).abs() < 1e-12 && start.cursor_day == a.cursor_day);
        assert!((start.center.lon - a.center.lon).abs() < 1e-9);
        let (mid, done) = t.at(TRANSITION_SECS / 2.0);
        assert!(!done);
        assert!((mid.zoom - 8.5).abs() < 1e-9);
        assert_eq!(mid.cursor_day, a.cursor_day + 5);
        assert!(mid.center.lon > 13.2 && mid.center.lon < 15.0);
        let (early, _) = t.at(TRANSITION_SECS * 0.1);
        assert!(early.zoom - a.zoom < 0.1, "eased: slow at the start");
        assert_eq!(t.at(TRANSITION_SECS), (b, true));
        assert_eq!(view_date(t.at(5.0).0), day("2019-04-14"));
    }

    #[test]
    fn slugs_are_safe_file_names() {
        assert_eq!(
            slug("Tripoli: the April offensive!"),
            "tripoli-the-april-offensive"
        );
        assert_eq!(slug("  ¿Qué?  "), "qu");
        assert_eq!(slug("***"), "scene");
        assert_eq!(export_file_name(0, &scene("Gharyan")), "01-gharyan.png");
    }

    #[test]
    fn a_scene_window_follows_its_mode() {
        let mut s = scene("a");
        assert_eq!(
            s.window(),
            TimeWindow::new(day("2019-04-01"), day("2019-04-07"))
        );
        s.mode = SceneMode::Cumulative;
        assert_eq!(s.window(), TimeWindow::up_to(day("2019-04-04")));
    }
}
