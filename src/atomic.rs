//! The user's files: written safely (temp file in the same folder, fsync, rename; the previous
//! version kept as `<name>.bak`, so a crash or full disk mid-write leaves the old file intact) and
//! read defensively (a size limit, UTF-8 checked with the line of the first bad byte).

use std::fs::{self, File};
use std::io::{self, Write};
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
    let limit = crate::read::Limit {
        bytes: limit,
        what: "this file",
    };
    let bytes = match crate::read::read_file(path, limit) {
        Ok(bytes) => bytes,
        Err(crate::read::ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound => {
            return Ok(None);
        }
        Err(e) => {
            return Err(ReadFailure {
                line: None,
                message: e.to_string(),
                lossy_text: None,
            });
        }
    };
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

/// A TOML table (one `[[scene]]` or `[[place]]` of a user file) as a document of its own, to read
/// it with serde: `Table`'s own `Display` leaves out its sub-tables' headers.
pub fn table_text(table: &toml_edit::Table) -> String {
    let mut doc = toml_edit::DocumentMut::new();
    for (key, item) in table {
        doc.insert(key, item.clone());
    }
    doc.to_string()
}

/// `value` as one TOML table (a `[[scene]]` or `[[place]]` to be), or why it cannot be written.
pub fn toml_table<T: serde::Serialize>(value: &T) -> Result<toml_edit::Table, String> {
    let text = toml::to_string(value).map_err(|e| e.to_string())?;
    let doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| e.message().to_owned())?;
    let mut table = doc.as_table().clone();
    table.set_implicit(false);
    Ok(table)
}

/// Sets the `known` keys of `table` to their values in `new` (removing those `new` lacks), in
/// place: every other key, and the comments, stay as the user left them.
pub fn set_known_keys(table: &mut toml_edit::Table, new: &toml_edit::Table, known: &[&str]) {
    for key in known {
        match new.get(key) {
            Some(item) => {
                table.insert(key, item.clone());
            }
            None => {
                table.remove(key);
            }
        }
    }
}

/// Writes `table`'s sub-tables inline (`center = { lat = 1.0, lon = 2.0 }`). A table moved from
/// one document to another keeps its sub-tables' positions in the first, which can print them
/// under the wrong header; inline, a table is self-contained wherever it goes.
pub fn inline_subtables(table: &mut toml_edit::Table) {
    let nested: Vec<String> = table
        .iter()
        .filter(|(_, item)| item.is_table())
        .map(|(key, _)| key.to_owned())
        .collect();
    for key in nested {
        if let Some(item) = table.remove(&key) {
            match item.into_value() {
                Ok(value) => {
                    table.insert(&key, toml_edit::Item::Value(value));
                }
                Err(item) => {
                    table.insert(&key, item);
                }
            }
        }
    }
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

/// Every temporary file this module makes starts with this, so one left behind by a crash (a
/// kill between write and rename) can be recognised and removed by [`clean_stale_temps`].
pub const TEMP_PREFIX: &str = ".newsatlas-tmp-";

/// Whether a write keeps the file it replaces as `<name>.bak`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backup {
    /// The user's own files (scenes, gazetteer additions, date overrides): the previous version is
    /// kept, atomically and durably.
    Keep,
    /// Outputs that can be made again (exports, PNGs): no backup beside them.
    None,
}

/// Writes `bytes` to `path` as a user file (see [`write_with`]), keeping the previous version as
/// `<path>.bak`. Creates the parent folder when missing.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, Backup::Keep, |w| w.write_all(bytes))
}

/// Writes `bytes` to `path` as an output that can be made again (see [`write_with`]): no `.bak`.
pub fn write_output(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, Backup::None, |w| w.write_all(bytes))
}

/// Writes to what `path` names, and to nothing else, so that a failure at any point leaves the old
/// contents whole:
/// - symbolic links are followed and the file they lead to is replaced (the link stays a link);
/// - a target that is not a regular file (a device such as `/dev/null`, a FIFO, a terminal) is
///   written through, never replaced by a file;
/// - a regular file is replaced by a temporary file in its folder, synced and renamed over it,
///   with the old file's permissions; a new file gets 0666 less the umask, as any program's would;
/// - a regular file with other hard links is rewritten in place (after the new contents were
///   written and synced aside), so every link sees the new contents;
/// - with [`Backup::Keep`], the old version becomes `<name>.bak` through a link or a synced copy
///   renamed into place, so `.bak` is never a partial file.
///
/// `write` receives a buffered writer; its error, or any I/O error, is returned and the target is
/// left as it was.
pub fn write_with(
    path: &Path,
    backup: Backup,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let target = resolve_links(path)?;
    let existing = match fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if let Some(meta) = &existing {
        if meta.is_dir() {
            return Err(io::Error::other(format!(
                "{} is a folder, not a file",
                target.display()
            )));
        }
        if !meta.is_file() {
            // A device, FIFO or socket: the user means to write into it, not to replace it.
            let file = fs::OpenOptions::new().write(true).open(&target)?;
            let mut out = io::BufWriter::new(file);
            write(&mut out)?;
            out.flush()?;
            return Ok(());
        }
    }
    let dir = folder_of(&target);
    fs::create_dir_all(&dir)?;
    let mut tmp = temp_file_in(&dir)?;
    {
        let mut out = io::BufWriter::new(tmp.as_file_mut());
        write(&mut out)?;
        out.flush()?;
    }
    if let Some(meta) = &existing {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    tmp.as_file().sync_all()?;
    let in_place = existing.as_ref().is_some_and(|meta| hard_links(meta) > 1);
    if existing.is_some() && backup == Backup::Keep {
        // A link would share the inode that an in-place rewrite changes: copy then.
        keep_backup(&target, &dir, !in_place)?;
    }
    if in_place {
        // Renaming would split the links; copy the synced new contents over the old inode.
        let mut from = tmp.reopen()?;
        let mut to = fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(&target)?;
        io::copy(&mut from, &mut to)?;
        to.sync_all()?;
        return Ok(());
    }
    tmp.persist(&target).map_err(|e| e.error)?;
    sync_folder(&dir);
    Ok(())
}

/// Runs `f` while holding an exclusive lock on the folder of `path` (an advisory `flock`, where
/// the platform can open a folder), so that two windows saving the same user file one after the
/// other each re-read what the other wrote instead of racing between the read and the rename. A
/// folder that cannot be opened or locked (missing yet, another platform) is no lock: `f` runs.
pub fn with_folder_locked<T>(path: &Path, f: impl FnOnce() -> T) -> T {
    let lock = File::open(folder_of(path))
        .ok()
        .filter(|dir| dir.lock().is_ok());
    let out = f();
    drop(lock); // closing the folder releases the lock
    out
}

/// Removes this module's temporary files older than an hour from `dir` (left by a process killed
/// between write and rename; a younger one may belong to another running window). Returns how
/// many were removed. Errors are ignored: cleaning is best effort.
pub fn clean_stale_temps(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let hour = std::time::Duration::from_hours(1);
    let mut removed = 0;
    for entry in entries.filter_map(Result::ok) {
        if !entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        let old = meta
            .modified()
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > hour);
        if meta.is_file() && old && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// `path` with every symbolic link along the final component followed (at most 40, as the
/// kernel allows); a link to a missing file yields that file's path, so it is created there.
fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current)?;
                current = if link.is_absolute() {
                    link
                } else {
                    folder_of(&current).join(link)
                };
            }
            Ok(_) => return Ok(current),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(current),
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other(format!(
        "{}: too many levels of symbolic links",
        path.display()
    )))
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A temporary file in `dir`, named with [`TEMP_PREFIX`]. Created with 0666 less the umask (the
/// kernel applies it), so a new file gets the permissions the user's other files get.
fn temp_file_in(dir: &Path) -> io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
}

/// Makes `<target>.bak` the current contents of `target`, replacing an older `.bak` only once the
/// new one is whole on disk: a hard link where allowed and the file system has them (no copy),
/// else a synced copy; either is renamed into place.
fn keep_backup(target: &Path, dir: &Path, may_link: bool) -> io::Result<()> {
    let bak = backup_path(target);
    let staged = dir.join(format!(
        "{TEMP_PREFIX}bak-{}-{}",
        std::process::id(),
        next_serial()
    ));
    let _ = fs::remove_file(&staged);
    let linked = may_link && fs::hard_link(target, &staged).is_ok();
    if !linked {
        let mut copy = temp_file_in(dir)?;
        io::copy(&mut File::open(target)?, copy.as_file_mut())?;
        copy.as_file().sync_all()?;
        return copy.persist(&bak).map(|_| ()).map_err(|e| e.error);
    }
    fs::rename(&staged, &bak).inspect_err(|_| {
        let _ = fs::remove_file(&staged);
    })
}

/// A number that differs between calls in one process, for a staging name.
fn next_serial() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

#[cfg(unix)]
fn hard_links(meta: &fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    meta.nlink()
}

#[cfg(not(unix))]
fn hard_links(_meta: &fs::Metadata) -> u64 {
    1
}

/// Makes a rename durable where the platform allows syncing a folder.
fn sync_folder(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
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

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(path).expect("metadata").permissions().mode() & 0o777
    }

    /// The process umask, from `/proc/self/status` (Linux); `None` elsewhere.
    fn umask() -> Option<u32> {
        let status = fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find(|l| l.starts_with("Umask:"))?;
        u32::from_str_radix(line.trim_start_matches("Umask:").trim(), 8).ok()
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_target_is_replaced_and_the_link_stays_a_link() {
        let dir = tempfile::tempdir().expect("tempdir");
        let real = dir.path().join("real.toml");
        fs::write(&real, "old").expect("write");
        let link = dir.path().join("scenes.toml");
        std::os::unix::fs::symlink("real.toml", &link).expect("symlink");
        write_atomic(&link, b"new").expect("write through the link");
        assert!(
            fs::symlink_metadata(&link)
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).expect("read"), b"new");
        assert_eq!(fs::read(backup_path(&real)).expect("bak"), b"old");
        // A dangling link creates the file it names.
        let dangling = dir.path().join("out.csv");
        std::os::unix::fs::symlink("made.csv", &dangling).expect("symlink");
        write_output(&dangling, b"x").expect("write");
        assert_eq!(fs::read(dir.path().join("made.csv")).expect("read"), b"x");
    }

    #[cfg(unix)]
    #[test]
    fn an_existing_files_mode_is_kept_and_a_new_file_follows_the_umask() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("events.csv");
        fs::write(&path, "old").expect("write");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).expect("chmod");
        write_output(&path, b"new").expect("write");
        assert_eq!(mode(&path), 0o640);
        let fresh = dir.path().join("fresh.csv");
        write_output(&fresh, b"x").expect("write");
        if let Some(mask) = umask() {
            assert_eq!(mode(&fresh), 0o666 & !mask, "umask {mask:o}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn hard_links_keep_sharing_the_new_contents_and_bak_keeps_the_old() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("gazetteer.toml");
        let other = dir.path().join("elsewhere.toml");
        fs::write(&path, "old").expect("write");
        fs::hard_link(&path, &other).expect("link");
        write_atomic(&path, b"new").expect("write");
        assert_eq!(fs::read(&other).expect("read"), b"new");
        assert_eq!(fs::read(backup_path(&path)).expect("bak"), b"old");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_device_or_fifo_is_written_through_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        // /dev/null stays the system's device.
        write_output(Path::new("/dev/null"), b"discarded").expect("write to /dev/null");
        assert!(!fs::metadata("/dev/null").expect("meta").is_file());

        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        if !made {
            return; // no mkfifo on this system
        }
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read(fifo).expect("read the fifo"))
        };
        write_output(&fifo, b"through").expect("write into the fifo");
        assert_eq!(reader.join().expect("reader"), b"through");
        assert!(fs::metadata(&fifo).expect("meta").file_type().is_fifo());
    }

    #[test]
    fn outputs_get_no_bak_and_a_folder_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("slide.png");
        write_output(&path, b"one").expect("write");
        write_output(&path, b"two").expect("write");
        assert!(!backup_path(&path).exists());
        let err = write_output(dir.path(), b"x").expect_err("a folder");
        assert!(err.to_string().contains("is a folder"), "{err}");
    }

    #[test]
    fn stale_temporary_files_are_removed_and_fresh_ones_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let stale = dir.path().join(format!("{TEMP_PREFIX}abc"));
        let fresh = dir.path().join(format!("{TEMP_PREFIX}def"));
        let mine = dir.path().join("notes.tmp");
        for p in [&stale, &fresh, &mine] {
            fs::write(p, "x").expect("write");
        }
        let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_hours(2);
        File::options()
            .write(true)
            .open(&stale)
            .and_then(|f| f.set_modified(two_hours_ago))
            .expect("age the file");
        File::options()
            .write(true)
            .open(&mine)
            .and_then(|f| f.set_modified(two_hours_ago))
            .expect("age the file");
        assert_eq!(clean_stale_temps(dir.path()), 1);
        assert!(!stale.exists() && fresh.exists() && mine.exists());
    }
}
