//! Writing the user's files safely: temp file in the same folder, fsync, rename; the previous
//! version is kept as `<name>.bak`. A crash or full disk mid-write leaves the old file intact.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

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
