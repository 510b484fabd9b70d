//! Reading gazetteer files: size caps, TOML files and gzipped broad layers streamed in chunks.

use super::*;

/// Gazetteer files above this size (or decompressing to more) are refused; the broad layer is
/// about 4 MB.
pub(super) const MAX_GAZETTEER_BYTES: u64 = 256 * 1024 * 1024;

/// Why a gazetteer file could not be read: the line where there is one, and what.
pub(super) struct ReadFailure {
    pub(super) not_found: bool,
    pub(super) line: Option<usize>,
    pub(super) message: String,
}

impl ReadFailure {
    #[allow(clippy::needless_pass_by_value)] // `map_err(ReadFailure::io)`
    pub(super) fn io(e: std::io::Error) -> ReadFailure {
        ReadFailure {
            not_found: e.kind() == std::io::ErrorKind::NotFound,
            line: None,
            message: e.to_string(),
        }
    }

    pub(super) fn too_large(size: u64) -> ReadFailure {
        ReadFailure {
            not_found: false,
            line: None,
            message: format!("the file is {size} bytes, above the limit of {MAX_GAZETTEER_BYTES}"),
        }
    }
}

/// The limit of one gazetteer file, for [`crate::corpus::read_file`].
pub(super) const GAZETTEER_LIMIT: crate::corpus::Limit = crate::corpus::Limit {
    bytes: MAX_GAZETTEER_BYTES,
    what: "a gazetteer file",
};

impl From<crate::corpus::ReadError> for ReadFailure {
    fn from(e: crate::corpus::ReadError) -> ReadFailure {
        match e {
            crate::corpus::ReadError::Io(e) => ReadFailure::io(e),
            crate::corpus::ReadError::TooLarge { size, .. } => ReadFailure::too_large(size),
            other @ crate::corpus::ReadError::Binary { .. } => ReadFailure {
                not_found: false,
                line: None,
                message: other.to_string(),
            },
        }
    }
}

/// Opens a gazetteer file, refusing one that is not a regular file (a FIFO would block the load)
/// or is above [`MAX_GAZETTEER_BYTES`].
pub(super) fn open_capped(path: &Path) -> Result<std::fs::File, ReadFailure> {
    let file = crate::corpus::open_regular(path).map_err(ReadFailure::io)?;
    let size = file.metadata().map_err(ReadFailure::io)?.len();
    if size > MAX_GAZETTEER_BYTES {
        return Err(ReadFailure::too_large(size));
    }
    Ok(file)
}

pub(super) fn read_text(path: &Path) -> Result<String, ReadFailure> {
    let (io_failure, too_large) = (ReadFailure::io, ReadFailure::too_large);
    let mut bytes = crate::corpus::read_file(path, GAZETTEER_LIMIT)?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes.as_slice())
            .take(MAX_GAZETTEER_BYTES + 1)
            .read_to_end(&mut out)
            .map_err(io_failure)?;
        bytes = out;
    }
    if bytes.len() as u64 > MAX_GAZETTEER_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    crate::problem::utf8_text(bytes).map_err(|(line, message)| ReadFailure {
        not_found: false,
        line: Some(line),
        message,
    })
}

/// A gzipped file's text comes in chunks of whole lines of about this size.
pub(super) const CHUNK_BYTES: usize = 1 << 20;

/// Decompresses a gzipped gazetteer file on a helper thread and hands its text to `each` in
/// chunks of whole lines while the next chunk is decompressed, so decompression overlaps the
/// parsing. The same limits and failures as [`read_text`]; on a failure `each` has seen the
/// chunks before it.
pub(super) fn stream_gz_text(path: &Path, each: &mut dyn FnMut(&str)) -> Result<(), ReadFailure> {
    let (io_failure, too_large) = (ReadFailure::io, ReadFailure::too_large);
    let file = open_capped(path)?;
    std::thread::scope(|scope| {
        let (chunks, received) = std::sync::mpsc::sync_channel::<Result<Vec<u8>, ReadFailure>>(2);
        scope.spawn(move || {
            let limit = MAX_GAZETTEER_BYTES + 1;
            let mut text =
                flate2::read::GzDecoder::new(std::io::BufReader::new(file.take(limit))).take(limit);
            let mut total: u64 = 0;
            let mut carry: Vec<u8> = Vec::new();
            loop {
                let mut buf = std::mem::take(&mut carry);
                let start = buf.len();
                buf.resize(start + CHUNK_BYTES, 0);
                let mut filled = start;
                while filled < buf.len() {
                    match text.read(&mut buf[filled..]) {
                        Ok(0) => break,
                        Ok(n) => filled += n,
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                        Err(e) => {
                            let _ = chunks.send(Err(io_failure(e)));
                            return;
                        }
                    }
                }
                total += (filled - start) as u64;
                if total > MAX_GAZETTEER_BYTES {
                    let _ = chunks.send(Err(too_large(total)));
                    return;
                }
                let end = filled == start;
                buf.truncate(filled);
                if !end && let Some(newline) = memchr::memrchr(b'\n', &buf) {
                    carry = buf.split_off(newline + 1);
                } else if !end {
                    // A line longer than a chunk: read on.
                    carry = buf;
                    continue;
                }
                if !buf.is_empty() && chunks.send(Ok(buf)).is_err() {
                    return;
                }
                if end {
                    return;
                }
            }
        });
        let mut bytes_before = 0;
        let mut lines_before = 0;
        for chunk in received {
            let mut chunk = chunk?;
            let bom = if bytes_before == 0 && chunk.starts_with(&[0xEF, 0xBB, 0xBF]) {
                chunk.drain(..3);
                3
            } else {
                0
            };
            let lines = memchr::memchr_iter(b'\n', &chunk).count();
            let len = chunk.len() + bom;
            match String::from_utf8(chunk) {
                Ok(text) => each(&text),
                Err(e) => {
                    let valid = e.utf8_error().valid_up_to();
                    let bytes = e.as_bytes();
                    let line =
                        lines_before + memchr::memchr_iter(b'\n', &bytes[..valid]).count() + 1;
                    let message = format!(
                        "the file is not valid UTF-8 (byte {:#04x} at byte {}), expected UTF-8 text",
                        bytes.get(valid).copied().unwrap_or(0),
                        bytes_before + valid + bom
                    );
                    return Err(ReadFailure {
                        not_found: false,
                        line: Some(line),
                        message,
                    });
                }
            }
            bytes_before += len;
            lines_before += lines;
        }
        Ok(())
    })
}

pub(super) fn load_toml_file(
    path: &Path,
    source: PlaceSource,
    required: bool,
) -> (Vec<Entry>, Vec<Problem>) {
    match read_text(path) {
        Ok(text) => parse_toml_layer(&text, path, source),
        Err(e) if !required && e.not_found => (Vec::new(), Vec::new()),
        Err(e) => (
            Vec::new(),
            vec![Problem::error(
                path,
                e.line,
                format!("cannot read the gazetteer: {}", e.message),
            )],
        ),
    }
}
