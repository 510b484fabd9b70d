//! The gazetteer's index file: the built gazetteer (place table, name index, division keys,
//! demonyms and the load's problems) written once and read back in one go on later loads.
//!
//! Key decisions:
//! - A cache keyed by content, not a file shipped in `data/` or built into the binary. The key
//!   hashes the bytes of every input (the curated file, the broad layer, the user's additions
//!   or their absence), the format version and the identity of the running executable (its
//!   size and modification time): any change of data, of the user's gazetteer or of the code
//!   that builds the index gives another key, so a stale index is never read. Nothing
//!   generated is committed (no binary diffs to merge, nothing to forget to rebuild), the
//!   user's additions are part of what is cached (the layers merge exactly as without it),
//!   and a `--root` or `--gazetteer` pointing elsewhere is keyed by its own files.
//! - Where: `$NEWSATLAS_CACHE_DIR`, else the platform's cache folder (e.g.
//!   `~/.cache/newsatlas/`); only the newest index is kept. Safe to delete at any time.
//! - Read in one go and checked: magic, format, key, the hash functions of this build, a
//!   checksum of the payload, every length against what is left. A bad, truncated or foreign
//!   file is a warning naming it and the gazetteer is built from the data files (and the file
//!   replaced); nothing panics. The hash tables are refilled from stored hashes; the id table
//!   is rehashed (it is small).

use std::hash::BuildHasher as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::codec::{Damaged, Decoded, Reader, Writer};
use super::names::NameIndex;
use super::table::PlaceTable;
use super::{Fast, Gazetteer, HashMap, HashTable, OnceLock, PlaceIdx, hash_id};
use crate::problem::{Problem, Severity};

const MAGIC: &[u8; 8] = b"NAGAZIDX";
/// Bumped whenever the layout below changes.
const FORMAT: u32 = 6;
/// An index file above this is not read (the bundled one is about 40 MB).
const MAX_INDEX_BYTES: u64 = 1 << 30;
const PREFIX: &str = "gazetteer-";
const SUFFIX: &str = ".idx";

/// The cache folder: `$NEWSATLAS_CACHE_DIR` (empty: no cache), else the platform's; none in
/// this crate's unit tests.
pub fn default_cache_dir() -> Option<PathBuf> {
    if cfg!(test) {
        // Unit tests never write into the user's cache (they pass a folder of their own).
        return None;
    }
    match std::env::var_os("NEWSATLAS_CACHE_DIR") {
        Some(dir) if dir.is_empty() => None,
        Some(dir) => Some(PathBuf::from(dir)),
        None => {
            directories::ProjectDirs::from("", "", "newsatlas").map(|d| d.cache_dir().to_path_buf())
        }
    }
}

/// The key of an index built from these inputs by this executable; `None` when an input
/// cannot be read (the loader then reports it, and nothing is cached).
pub(super) fn key_of(curated: &Path, broad: Option<&Path>, user: Option<&Path>) -> Option<u128> {
    let mut input = Vec::new();
    input.extend_from_slice(MAGIC);
    input.extend_from_slice(&FORMAT.to_le_bytes());
    input.extend_from_slice(env!("CARGO_PKG_VERSION").as_bytes());
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(exe).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    input.extend_from_slice(&meta.len().to_le_bytes());
    input.extend_from_slice(&modified.as_nanos().to_le_bytes());
    let mut part = |path: Option<&Path>, required: bool| -> Option<()> {
        match path.map(|path| crate::corpus::read_file(path, super::files::GAZETTEER_LIMIT)) {
            Some(Ok(bytes)) => {
                input.push(1);
                input.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
                input.extend_from_slice(&checksum_of(&bytes).to_le_bytes());
            }
            // A missing user file is no problem: the index is that of no additions.
            Some(Err(crate::corpus::ReadError::Io(e)))
                if !required && e.kind() == std::io::ErrorKind::NotFound =>
            {
                input.push(0);
            }
            Some(Err(_)) => return None,
            None => input.push(0),
        }
        Some(())
    };
    part(Some(curated), true)?;
    part(broad, true)?;
    part(user, false)?;
    Some(digest(&input))
}

/// A 128-bit digest of `bytes` (two seeds of foldhash): tells inputs apart, not a defence
/// against someone forging a file.
fn digest(bytes: &[u8]) -> u128 {
    let a = Fast::with_seed(0x6e65_7773_6174_6c61).hash_one(bytes);
    let b = Fast::with_seed(0x7367_617a_6574_7465).hash_one(bytes);
    (u128::from(a) << 64) | u128::from(b)
}

/// A checksum of an index file's payload: finds damage, one pass of foldhash.
fn checksum_of(payload: &[u8]) -> u64 {
    Fast::with_seed(0x6368_6563_6b73_756d).hash_one(payload)
}

pub(super) fn path_in(dir: &Path, key: u128) -> PathBuf {
    dir.join(format!("{PREFIX}{key:032x}{SUFFIX}"))
}

/// Reads the index at `path` for `key`: `Ok(None)` when there is none, `Err` when it cannot
/// be used (damaged, truncated, of another build).
pub(super) fn read(path: &Path, key: u128) -> Result<Option<(Gazetteer, Vec<Problem>)>, String> {
    let limit = crate::corpus::Limit {
        bytes: MAX_INDEX_BYTES,
        what: "the gazetteer index",
    };
    let bytes = match crate::corpus::read_file(path, limit) {
        Ok(bytes) => bytes,
        Err(crate::corpus::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(None);
        }
        Err(e) => return Err(e.to_string()),
    };
    decode(&bytes, key)
        .map(Some)
        .map_err(|Damaged(why)| why.to_owned())
}

fn decode(bytes: &[u8], key: u128) -> Decoded<(Gazetteer, Vec<Problem>)> {
    let mut r = Reader::new(bytes);
    if r.take(MAGIC.len())? != MAGIC {
        return Err(Damaged("it is not a newsatlas gazetteer index"));
    }
    if r.u32()? != FORMAT {
        return Err(Damaged("it is of another format version"));
    }
    let stored_key = (u128::from(r.u64()?) << 64) | u128::from(r.u64()?);
    if stored_key != key {
        return Err(Damaged("it was built from other files"));
    }
    if r.u64()? != NameIndex::hash_probe() || r.u64()? != hash_id("newsatlas id probe") {
        return Err(Damaged(
            "it was written by a build that hashes names differently",
        ));
    }
    let checksum = r.u64()?;
    let payload = r.rest();
    if checksum_of(payload) != checksum {
        return Err(Damaged("its checksum does not match (a damaged file)"));
    }
    let mut r = Reader::new(payload);
    let table = PlaceTable::decode(&mut r)?;
    let n = r.len(8)?;
    let mut admin1_keys = Vec::with_capacity(n);
    for _ in 0..n {
        admin1_keys.push(r.str()?.to_owned());
    }
    let n = r.len(12)?;
    let mut demonyms = HashMap::with_capacity(n);
    for _ in 0..n {
        let idx = PlaceIdx(r.u32()?);
        let m = r.len(8)?;
        let mut names = Vec::with_capacity(m);
        for _ in 0..m {
            names.push(r.str()?.to_owned());
        }
        demonyms.insert(idx, names);
    }
    let n = r.len(18)?;
    let mut problems = Vec::with_capacity(n);
    for _ in 0..n {
        let severity = match r.u8()? {
            0 => Severity::Warning,
            _ => Severity::Error,
        };
        let file = PathBuf::from(r.str()?);
        let line = match r.u64()? {
            0 => None,
            l => Some(usize::try_from(l).map_err(|_| Damaged("a line number is too large"))?),
        };
        let message = r.str()?.to_owned();
        problems.push(Problem {
            severity,
            file,
            line,
            message,
        });
    }
    let names = NameIndex::decode(&mut r)?;
    if !r.is_empty() {
        return Err(Damaged("it has bytes after its end"));
    }
    let mut by_id = HashTable::with_capacity(table.len());
    for i in 0..table.len() {
        let at = super::table::offset(i);
        by_id.insert_unique(hash_id(table.id(i)), at, |&j| hash_id(table.id(j as usize)));
    }
    Ok((
        Gazetteer {
            table,
            by_id,
            demonyms,
            names,
            sorted_names: OnceLock::new(),
            admin1_keys,
            country_populations: OnceLock::new(),
        },
        problems,
    ))
}

fn encode(g: &Gazetteer, problems: &[Problem], key: u128) -> Vec<u8> {
    let mut p = Writer::default();
    g.table.encode(&mut p);
    p.len(g.admin1_keys.len());
    for k in &g.admin1_keys {
        p.str(k);
    }
    let mut demonyms: Vec<(&PlaceIdx, &Vec<String>)> = g.demonyms.iter().collect();
    demonyms.sort_unstable_by_key(|(idx, _)| **idx);
    p.len(demonyms.len());
    for (idx, names) in demonyms {
        p.u32(idx.0);
        p.len(names.len());
        for n in names {
            p.str(n);
        }
    }
    p.len(problems.len());
    for problem in problems {
        p.u8(match problem.severity {
            Severity::Warning => 0,
            Severity::Error => 1,
        });
        p.str(&problem.file.to_string_lossy());
        p.u64(problem.line.map_or(0, |l| l as u64));
        p.str(&problem.message);
    }
    g.names.encode(&mut p);

    let mut w = Writer::default();
    w.buf.reserve(p.buf.len() + 64);
    w.buf.extend_from_slice(MAGIC);
    w.u32(FORMAT);
    w.u64((key >> 64) as u64);
    w.u64(key as u64);
    w.u64(NameIndex::hash_probe());
    w.u64(hash_id("newsatlas id probe"));
    w.u64(checksum_of(&p.buf));
    w.buf.extend_from_slice(&p.buf);
    w.buf
}

/// Writes the index for `key` into `dir` (through a temporary file renamed into place, so a
/// reader never sees half a file) and removes older indexes there.
pub(super) fn write(
    dir: &Path,
    key: u128,
    g: &Gazetteer,
    problems: &[Problem],
) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let bytes = encode(g, problems, key);
    // Named like the app's other temporary files, so one left by a process killed before the
    // rename is removed later (here, or when the app starts).
    crate::atomic::clean_stale_temps(dir);
    let mut tmp = tempfile::Builder::new()
        .prefix(crate::atomic::TEMP_PREFIX)
        .tempfile_in(dir)?;
    tmp.write_all(&bytes)?;
    let path = path_in(dir, key);
    tmp.persist(&path).map_err(|e| e.error)?;
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(PREFIX) && name.ends_with(SUFFIX) && entry.path() != path {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::NameRole;

    fn data() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
    }

    /// A name found: start, end, and what it stands for with its spelling.
    type Hit = (usize, usize, Vec<(NameRole, String)>);

    fn hits(g: &Gazetteer, text: &str) -> Vec<Hit> {
        let mut out: Vec<_> = g
            .name_hits(text)
            .iter()
            .map(|h| {
                let targets = h.targets().map(|(r, s)| (r, s.to_owned())).collect();
                (h.start, h.end, targets)
            })
            .collect();
        out.sort_by_key(|h| (h.0, h.1));
        out
    }

    /// Every place, name, division, demonym, id and problem the same.
    fn assert_same(a: &(Gazetteer, Vec<Problem>), b: &(Gazetteer, Vec<Problem>)) {
        assert_eq!(a.1, b.1);
        assert_same_places(&a.0, &b.0);
    }

    fn assert_same_places(a: &Gazetteer, b: &Gazetteer) {
        assert_eq!(a.len(), b.len());
        for (i, (x, y)) in a.places().iter().zip(b.places().iter()).enumerate() {
            assert_eq!(x, y);
            let idx = PlaceIdx(i as u32);
            assert_eq!(a.admin1(idx), b.admin1(idx));
            assert_eq!(a.division_level(idx), b.division_level(idx));
            assert_eq!(a.demonyms(idx), b.demonyms(idx));
            assert_eq!(b.by_id(x.id), Some(idx));
        }
        let text = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"))
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .collect::<Vec<_>>()
            .join("\n")
            + " Tripoli, Lebanon; Athens, Ga.; the U.S. and the UAE; Libyans; SÃO PAULO; ‘Irqah.";
        assert_eq!(hits(a, &text), hits(b, &text));
        assert!(!hits(a, &text).is_empty());
    }

    #[test]
    fn an_index_read_back_is_the_gazetteer_built_from_the_files_with_the_users_additions() {
        let dir = tempfile::tempdir().expect("tempdir");
        let user = dir.path().join("user.toml");
        // A user place shadowing a curated one, and a bad row (a problem to keep).
        std::fs::write(
            &user,
            "[[place]]\nid = \"tripoli-ly\"\nname = \"Tripoli\"\nkind = \"city\"\n\
             lat = 32.9\nlon = 13.2\ncountry = \"LY\"\naliases = [\"Trablus\"]\n\n\
             [[place]]\nid = \"bad\"\nname = \"Bad\"\nkind = \"city\"\nlat = 999\nlon = 0\n",
        )
        .expect("write");
        let cache = dir.path().join("cache");
        let (curated, broad) = (
            data().join("gazetteer.toml"),
            super::super::broad_layer_in(&data()),
        );
        let load = || Gazetteer::load_cached(&curated, Some(&broad), Some(&user), Some(&cache));
        let built = Gazetteer::load(&curated, Some(&broad), Some(&user));
        assert!(!built.1.is_empty(), "the bad row is a problem");
        let first = load();
        assert_same(&first, &built);
        let files: Vec<_> = std::fs::read_dir(&cache)
            .expect("cache")
            .flatten()
            .collect();
        assert_eq!(files.len(), 1, "one index written");
        let second = load();
        assert_same(&second, &built);
        // The same memory, give or take the spare room of a few small vectors.
        let (read, made) = (second.0.heap_bytes(), built.0.heap_bytes());
        assert!(
            read.abs_diff(made) < made / 1000,
            "{read} bytes read back, {made} built"
        );

        // Another user file: another index, the old one removed.
        std::fs::write(&user, "").expect("write");
        let third = load();
        assert_same(
            &third,
            &Gazetteer::load(&curated, Some(&broad), Some(&user)),
        );
        let names: Vec<_> = std::fs::read_dir(&cache)
            .expect("cache")
            .flatten()
            .map(|e| e.path())
            .collect();
        assert_eq!(names.len(), 1);
        assert_ne!(names[0], files[0].path());
    }

    #[test]
    fn a_damaged_truncated_or_foreign_index_is_a_warning_and_is_built_again() {
        let dir = tempfile::tempdir().expect("tempdir");
        let curated = data().join("gazetteer.toml");
        let cache = dir.path().join("cache");
        let load = || Gazetteer::load_cached(&curated, None, None, Some(&cache));
        let built = Gazetteer::load(&curated, None, None);
        let _ = load();
        let key = key_of(&curated, None, None).expect("key");
        let path = path_in(&cache, key);
        let good = std::fs::read(&path).expect("index");
        // Every cut and a flipped byte in every part of the file fail to decode, cleanly.
        for cut in (0..good.len()).step_by(97) {
            assert!(decode(&good[..cut], key).is_err(), "cut at {cut}");
        }
        for at in (0..good.len()).step_by(1013) {
            let mut bad = good.clone();
            bad[at] ^= 0x20;
            assert!(decode(&bad, key).is_err(), "byte {at} flipped");
        }
        assert!(decode(&good, key ^ 1).is_err(), "another key");
        let half = good.get(..good.len() / 2).expect("half").to_vec();
        for bad in [Vec::new(), b"not an index at all".to_vec(), half] {
            std::fs::write(&path, &bad).expect("write");
            let (g, problems) = load();
            assert_same_places(&g, &built.0);
            let warning = problems.last().expect("a warning");
            assert_eq!(warning.severity, Severity::Warning);
            assert_eq!(warning.file, path);
            assert!(
                warning.message.contains("cannot be used"),
                "{}",
                warning.message
            );
            // Replaced by a good one.
            assert_eq!(std::fs::read(&path).expect("index"), good);
            assert_eq!(load().1, built.1);
        }
    }
}
