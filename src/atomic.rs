//! The user's files: written safely (temp file in the same folder, fsync, rename; the previous
//! version kept as `<name>.bak`, so a crash or full disk mid-write leaves the old file intact) and
//! read defensively (a size limit, UTF-8 checked with the line of the first bad byte).

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use crate::problem::utf8_text;

/// User files (scenes, gazetteer additions, date overrides) above this size are not read: no
/// file a person builds up in the app is 16 MB, and reading one would hold it all in memory.
pub const MAX_USER_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Why a user file could not be read as text: what, and the line where there is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadFailure {
    pub line: Option<usize>,
    pub message: String,
    /// For a file that is not UTF-8: its text with the bad bytes replaced by U+FFFD, for a
    /// caller that can use what is readable (and must then keep the original aside).
    pub lossy_text: Option<String>,
}

/// Reads a user file as UTF-8 text, a byte order mark dropped; `Ok(None)` when it does not exist.
/// A file above `limit` bytes or not UTF-8 is a [`ReadFailure`]: the caller then keeps it as it is
/// and never saves over it.
pub fn read_user_file(path: &Path, limit: u64) -> Result<Option<String>, ReadFailure> {
    let failure = |message: String| ReadFailure {
        line: None,
        message,
        lossy_text: None,
    };
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(failure(format!("cannot read the file ({e})"))),
    };
    let too_large = |size: u64| {
        failure(format!(
            "the file is {size} bytes, above the limit of {limit} bytes for this file"
        ))
    };
    let size = file
        .metadata()
        .map_err(|e| failure(format!("cannot read the file ({e})")))?
        .len();
    if size > limit {
        return Err(too_large(size));
    }
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| failure(format!("cannot read the file ({e})")))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    let lossy = String::from_utf8_lossy(&bytes)
        .trim_start_matches('\u{feff}')
        .to_owned();
    utf8_text(bytes)
        .map(Some)
        .map_err(|(line, message)| ReadFailure {
            line: Some(line),
            message,
            lossy_text: Some(lossy),
        })
}

/// `<path>.bak`: where the previous version of `path` is kept.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(std::ffi::OsStr::to_os_string)
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `bytes` to `path` atomically, keeping the previous version as `<path>.bak`.
/// Creates the parent folder when missing.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(&dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    if path.exists() {
        // Copy rather than rename, so `path` exists at every instant.
        fs::copy(path, backup_path(path))?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    // Make the rename itself durable where the platform allows syncing a folder.
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_write_keeps_the_first_as_bak() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("scenes.toml");
        write_atomic(&path, b"one").expect("first write");
        write_atomic(&path, b"two").expect("second write");
        assert_eq!(fs::read(&path).expect("read"), b"two");
        assert_eq!(fs::read(backup_path(&path)).expect("read bak"), b"one");
    }

    #[test]
    fn a_write_that_fails_leaves_the_previous_file_intact() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("gazetteer.toml");
        write_atomic(&path, b"good").expect("first write");
        // A folder where the file should be: the rename fails, the temp file is cleaned up.
        let blocked = dir.path().join("blocked");
        fs::create_dir_all(blocked.join("x")).expect("mkdir");
        assert!(write_atomic(&blocked, b"new").is_err());
        assert_eq!(fs::read(&path).expect("read"), b"good");
        let mut names: Vec<String> = fs::read_dir(dir.path())
            .expect("ls")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            ["blocked", "gazetteer.toml"],
            "no temp file is left behind"
        );
    }

    #[test]
    fn missing_parent_folders_are_created() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a/b/dates.toml");
        write_atomic(&path, b"x").expect("write");
        assert_eq!(fs::read(&path).expect("read"), b"x");
    }
}
